"""The fresh diploma family `diploma:diploma_bilingue_est` (wave 11), written once `diploma:titulo_apostille` had been
looked at: the original diploma of a university of Viet Nam or of Ukraine, in the national language with its English
version, side by side on a landscape spread, stacked on a portrait page or interleaved line by line. It renders born
digital (one page), scanned and photographed; it prints both languages' headings, the holder (family name first; in
Cyrillic too on a Ukrainian one), the English title, the award date — the graduation decision's or the examination
board's, or the one date a Vietnamese diploma without a decision carries — and later a date of issue, a date of birth
and the numbers; it carries its family tag in whole dossiers that pass `synth check`, is drawn for workers from Viet
Nam and Ukraine, and leaves every other piece (and the earlier fresh diploma families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re

import pypdfium2 as pdfium

from synth import render_piece
from synth.families import FamilyFilter
from synth.pieces import BUILDERS
from synth.pieces.fresh import FRESH
from synth.pieces.fresh_diploma_bilingue import DEGREES, MONTHS_EN, MONTHS_UA, cyrillic
from synth.scenario import make_facts
from tests import fresh_waves as waves

NAME = "diploma:diploma_bilingue_est"
ONLY = FamilyFilter(frozenset({NAME}))
WAVES = {"conferred": 0, "school_band": 1, "releve_resultats": 2, "jury_proces_verbal": 3, "titre_professionnel": 4,
         "comparabilite": 5, "traduction_assermentee": 6, "certificat_numerique": 7, "supplement_diplome": 8,
         "diplome_maghreb": 9, "titulo_apostille": 10, "diploma_bilingue_est": 11}
FREE_SEEDS = (25, 288)  # make_facts seeds drawing it with nothing excluded: a Ukrainian's English degree, a
#                         Vietnamese's French one
EN, UA = "|".join(MONTHS_EN), "|".join(MONTHS_UA)
DATE = (rf"(?:(?P<d1>\d{{1,2}}) (?P<m1>{EN}) (?P<y1>\d{{4}})|(?P<m2>{EN}) (?P<d2>\d{{1,2}}), (?P<y2>\d{{4}})"
        rf"|(?P<d3>\d{{2}})[/.](?P<m3>\d{{2}})[/.](?P<y3>\d{{4}})"
        rf"|ngày (?P<d4>\d{{1,2}}) tháng (?P<m4>\d{{1,2}}) năm (?P<y4>\d{{4}})"
        rf"|«?(?P<d5>\d{{1,2}})»? (?P<m5>{UA}) (?P<y5>\d{{4}}))")
VN_TOWNS = r"(?:Hà Nội|TP\. Hồ Chí Minh|Đà Nẵng|Huế|Nam Định|Hanoi|Ho Chi Minh City|Da Nang|Hue|Nam Dinh)"
# what leads to the award date: the graduation decision, the examination board's decision
DECISION = (r"(?:Quyết định công nhận tốt nghiệp(?: / Graduation decision:|:)? số \S+ (?:ngày )?"
            r"|Graduation (?:Decision No\.|decision: No\.) \S+ (?:dated|of) "
            r"|комісії(?: / Decision of the Examination Board)?:? від |Examination Board(?: of|:) )")
ISSUED = r"(?:Дата видачі(?: / Date of issue:)?|Date of issue) "


def _day(m: re.Match) -> dt.date:
    g = m.groupdict()
    for k in "12345":
        if g[f"d{k}"]:
            month = g[f"m{k}"]
            number = (MONTHS_EN.index(month) + 1 if k in "12" else MONTHS_UA.index(month) + 1 if k == "5"
                      else int(month))
            return dt.date(int(g[f"y{k}"]), number, int(g[f"d{k}"]))
    raise AssertionError(m.group(0))


def _dates(lead: str, flat: str) -> list[dt.date]:
    return [_day(m) for m in re.finditer(lead + DATE, flat)]


def test_listed_last_later_and_drawn_in_the_eleventh_wave():
    waves.listed_last_in_its_wave(NAME, WAVES)


def test_cyrillic_rendering_of_latin_names():
    assert cyrillic("KOVALCHUK") == "КОВАЛЬЧУК" and cyrillic("Anastasiia") == "Анастасія"
    assert cyrillic("SERHIIENKO") == "СЕРГІЄНКО" and cyrillic("Yurii") == "Юрій"
    assert re.fullmatch(r"[А-ЩЬЮЯЄІЇҐ']+ [А-ЩЬЮЯЄІЇҐ][а-щьюяєіїґ]+", cyrillic("N'DIAYE Fatou"))


def test_born_digital_prints_both_languages_and_its_truth():
    """Both countries and the three layouts over the seeds; each page prints its State in both languages, the holder,
    the English title, the award date under its decision (or as the one date a Vietnamese diploma without a decision
    carries) and a later date of issue, the date of birth and the numbers."""
    seen = set()
    for seed in range(1, 9):
        data, _, fields = render_piece("diploma", seed, "born_digital", ONLY)
        doc = pdfium.PdfDocument(data)
        assert len(doc) == 1 and fields["_family"] == NAME
        width, height = doc[0].get_size()
        flat = " ".join(doc[0].get_textpage().get_text_range().split())
        surname, given, title = (str(fields[k]) for k in ("holder_surname", "holder_given_names", "title"))
        assert surname.upper() in flat.upper() and given.upper() in flat.upper(), (seed, flat)
        assert title in flat, (seed, title, flat)
        award = dt.date.fromisoformat(str(fields["award_date"]))
        decided = _dates(DECISION, flat)
        assert all(day == award for day in decided), (seed, decided, award)
        if "VIỆT NAM" in flat:
            country, heading, english = "vn", "BẰNG ", "SOCIALIST REPUBLIC OF VIET"
            for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                          "Independence - Freedom - Happiness", "HIỆU TRƯỞNG", "Ngày sinh", "Date of birth",
                          "Số hiệu", "Serial No."):
                assert words in flat, (seed, words)
            assert re.search(r"THE (RECTOR|PRESIDENT) OF", flat) and re.search(r"Số vào sổ (gốc )?cấp", flat)
            placed = _dates(VN_TOWNS + ", ", flat)
            assert placed and all(day > award for day in placed) if decided else set(placed) == {award}, (seed, flat)
            born = _dates(r"Ngày sinh(?: / Date of birth)?: ", flat)
            assert born and born[0] < award
            seen.add(("decided", bool(decided)))
        else:
            country, heading, english = "ua", "ДИПЛОМ ", "UKRAINE"
            assert decided and cyrillic(surname) in flat, (seed, flat)
            for words in ("УКРАЇНА", "DIPLOMA", "за спеціальністю", "in the specialty", "Реєстраційний номер",
                          "Registration No.", "Ректор", "Rector"):
                assert words in flat, (seed, words)
            issued = _dates(ISSUED, flat)
            assert issued and all(day > award for day in issued), (seed, issued, award)
        layout = ("spread" if width > height
                  else "stacked" if flat.index(english) > flat.index(heading) else "interleaved")
        seen |= {country, layout}
    assert {"vn", "ua", "spread", "stacked", "interleaved", ("decided", True), ("decided", False)} <= seen, seen


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 5)


def test_drawn_free_for_workers_from_vietnam_and_ukraine():
    """Left free, it is drawn for workers from Viet Nam and Ukraine; the truth is the facts' holder and award date,
    and the title the English version prints (the facts' own for an English degree)."""
    fits = next(f for f in FRESH["diploma"] if f.layout == "diploma_bilingue_est").fits
    for seed in range(10):
        facts = make_facts(random.Random(seed), "changement_statut", dt.date(2026, 6, 1))
        assert fits(facts) is (facts.person.country.code in ("VNM", "UKR"))
    for seed in FREE_SEEDS:
        rng = random.Random(seed)
        facts = make_facts(rng, "changement_statut", dt.date(2026, 6, 1))
        piece = BUILDERS["diploma"](facts, rng)
        assert piece.family == NAME and fits(facts)
        vn, ua = DEGREES[facts.diploma.title][1:]
        english = (vn if facts.person.country.code == "VNM" else ua).title or facts.diploma.title
        assert piece.fields == {"holder_surname": facts.person.surname, "holder_given_names": facts.diploma.given_names,
                                "title": english, "award_date": facts.diploma.award_date.isoformat()}


def test_in_dossiers_carries_its_tag_and_passes_the_check(tmp_path):
    assert waves.dossiers_of_only(NAME, ((2, "changement_statut", 0.0, 0.0),), tmp_path) == {"render:born_digital": 1}


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the family (seed 23 draws it): the same pieces, with the same truth, bar
    its own, and the same verdict."""
    assert waves.dossiers_with_and_without(NAME, "introduction_salarie", (23,), tmp_path) == 1


def test_the_eleventh_wave_leaves_the_earlier_draws_as_they_were():
    """Every other diploma, the eleven earlier fresh families included, is the one made with it excluded, and the
    generator's stream ends where it did."""
    drawn = waves.pieces_with_and_without(NAME, "changement_statut", range(60))
    assert all(drawn[f"diploma:{name}"] > 0 for name in WAVES), drawn
