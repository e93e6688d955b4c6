"""The fresh diploma family `diploma:urkunde_allemande` (fifteenth diploma wave, `Fresh.wave` 14): the original degree
documents of a German, Austrian or Swiss university, in German — the German "Urkunde" ("… verleiht Frau … den
akademischen Grad … nachdem sie die Bachelorprüfung … am … bestanden hat", "München, den …"), the Austrian
"Verleihungsbescheid" (Spruch, Begründung, Rechtsmittelbelehrung) or the Swiss diploma ("… verleiht … den Titel Master
of Science ETH in …", "Zürich, …"), the "Zeugnis" with its module table and the university's English version on some.
It renders born digital, scanned and photographed; it prints the holder, the title on its own line and the award date
(the examination passed, the studies completed, the Swiss conferral) beside the birth date, the deed's or notice's
later date, the grades, credits and numbers; it is drawn for the foreign universities' degrees, carries its family
tag in whole dossiers that pass `synth check`, and leaves every other piece (and the earlier fresh diploma families'
draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re

import pypdfium2 as pdfium

from synth import render_piece
from synth.families import FamilyFilter
from synth.pieces import BUILDERS
from synth.pieces.fresh import FRESH
from synth.scenario import make_facts
from tests import fresh_waves as waves

NAME = "diploma:urkunde_allemande"
EARLIER = ("conferred", "school_band", "releve_resultats", "jury_proces_verbal", "titre_professionnel",
           "comparabilite", "traduction_assermentee", "certificat_numerique", "supplement_diplome", "diplome_maghreb",
           "titulo_apostille", "diploma_bilingue_est", "degree_certificate_india", "notarial_certificate_china")
FREE_SEEDS = (57, 85)  # make_facts seeds drawing it with nothing excluded (foreign degrees)
MONTHS = ("Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")
DATE = rf"\d{{1,2}}\. (?:{'|'.join(MONTHS)}) \d{{4}}|\d{{2}}\.\d{{2}}\.\d{{4}}"


def _date(text: str) -> dt.date:
    """"12. März 2021", "12. Jänner 2021" or "12.03.2021"."""
    if re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", text):
        return dt.datetime.strptime(text, "%d.%m.%Y").date()
    day, month, year = text.split()
    number = {name: k + 1 for k, name in enumerate(m for m in MONTHS if m != "Jänner")} | {"Jänner": 1}
    return dt.date(int(year), number[month], int(day.rstrip(".")))


def _pages(seed: int) -> tuple[list[str], dict]:
    data, media_type, fields = render_piece("diploma", seed, "born_digital", FamilyFilter(frozenset({NAME})))
    assert media_type == "application/pdf" and fields["_family"] == NAME
    doc = pdfium.PdfDocument(data)
    return [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in doc], fields


def _deed(pages: list[str]) -> tuple[str, str]:
    """(the deed's page — the Urkunde, the Bescheid or the Swiss diploma —, its layout)."""
    for text in pages:
        flat = " ".join(text.split())
        if "BESCHEID" in flat:
            return flat, "bescheid"
        if "verleiht" in flat and "bestanden" in flat:
            return flat, "urkunde"
        if "verleiht" in flat:
            return flat, "diplom_schweiz"
    raise AssertionError(pages)


def test_registered_last_of_its_type_and_drawn_in_the_fifteenth_wave():
    waves.listed_last_in_its_wave(NAME, {**{name: wave for wave, name in enumerate(EARLIER)},
                                         "urkunde_allemande": 14})


def test_born_digital_prints_its_truth_beside_its_distractors():
    """Nine documents: the three layouts, on one to three pages; the holder, the title alone on its line, the award
    date after its lead on the deed (the deed's own later date beside it in Germany and Austria), and the distractors:
    the birth date, the grades, credits and matriculation numbers of the Zeugnis, the signatories."""
    layouts, counts, english = set(), set(), 0
    for seed in range(9):
        pages, fields = _pages(seed)
        counts.add(len(pages))
        lines = [" ".join(line.split()) for text in pages for line in text.splitlines()]
        flat = " ".join(" ".join(pages).split())
        deed, layout = _deed(pages)
        layouts.add(layout)
        surname, given = fields["holder_surname"], fields["holder_given_names"]
        assert f"{given} {surname}" in deed, deed
        assert fields["title"] in lines, (fields["title"], lines)
        award = dt.date.fromisoformat(fields["award_date"])
        born = {_date(m) for m in re.findall(rf"geboren am ({DATE})", deed)}
        assert len(born) == 1 and max(born) < award
        dates = {_date(m) for m in re.findall(DATE, deed)} - born
        if layout == "urkunde":
            led = re.findall(rf"\bam ({DATE})(?: die [^.]*?)? bestanden", deed)
            assert {_date(m) for m in led} == {award}, deed
        elif layout == "bescheid":
            led = re.findall(rf"am ({DATE}) mit Erfolg abgeschlossen", deed)
            assert {_date(m) for m in led} == {award}, deed
            assert re.search(r"Studien(gangs)?kennzahl: \S+", deed) and "Rechtsmittelbelehrung" in deed
        else:
            assert dates == {award} and "verleiht" in deed, deed
        deed, _, stamp = deed.partition("Die Übereinstimmung dieser Abschrift")
        if stamp:  # a town hall's certification of the copy, later still
            dates -= {certified := _date(re.search(rf"beglaubigt\. [^,]+, ({DATE})", stamp).group(1))}
            assert certified > max(dates), stamp
        if layout != "diplom_schweiz":  # the deed's own date, later
            assert len(dates) == 2 and max(dates) > award, deed
        assert re.search(r"Prof\. (Dr|Dipl)", deed)
        if any(re.search(r"Gesamt(note|beurteilung)", page) for page in pages):  # the Zeugnis
            assert re.search(r"(Matrikelnummer|Personenkennzeichen):? [\d-]{6,}", flat), flat
            assert re.search(r"\d{2,3} (ECTS|LP|CP|KP)\b", flat)
            done = re.search(rf"(?:Datum der letzten Prüfungsleistung|Datum des Studienabschlusses|Abschlussdatum) "
                             rf"({DATE})", flat)
            assert done and _date(done.group(1)) == award, flat
        english += "the academic degree" in flat or "the title" in flat
    assert layouts == {"urkunde", "bescheid", "diplom_schweiz"}, layouts
    assert counts == {1, 2, 3} and english, (counts, english)


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 1)  # one page


def test_drawn_free_for_foreign_degrees():
    """Left free, it fits the foreign universities' degrees and those alone; drawn for them, its truth is the facts'
    holder and award date and the degree as a German-speaking university words it."""
    fits = next(f for f in FRESH["diploma"] if f"diploma:{f.layout}" == NAME).fits
    for seed in range(12):
        facts = make_facts(random.Random(seed), "changement_statut", dt.date(2026, 6, 1))
        assert fits(facts) is facts.diploma.english
    for seed in FREE_SEEDS:
        rng = random.Random(seed)
        facts = make_facts(rng, "changement_statut", dt.date(2026, 6, 1))
        piece = BUILDERS["diploma"](facts, rng)
        assert piece.family == NAME and fits(facts)
        title = piece.fields.pop("title")
        assert re.match(r"(Bachelor|Master) of (Science|Arts|Engineering)|Diplom-Ingenieur|Magist", str(title))
        assert piece.fields == {"holder_surname": facts.person.surname, "holder_given_names": facts.diploma.given_names,
                                "award_date": facts.diploma.award_date.isoformat()}


def test_earlier_waves_kept():
    """Every other diploma, the earlier fresh families' included, is the one made with it excluded, and the generator's
    stream ends where it did (seeds 57 and 85 draw it)."""
    drawn = waves.pieces_with_and_without(NAME, "changement_statut", range(50, 90))
    assert drawn[NAME] == 2 and sum(drawn[f"diploma:{name}"] for name in EARLIER) >= 10, drawn


def test_in_dossiers_carries_its_tag_and_passes_the_check(tmp_path):
    assert waves.dossiers_of_only(NAME, ((2, "changement_statut", 0.0, 0.0),), tmp_path) == {"render:born_digital": 1}


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the family (seed 334 draws it): the same pieces, with the same truth, bar
    its own."""
    assert waves.dossiers_with_and_without(NAME, "changement_statut", (334,), tmp_path) > 0
