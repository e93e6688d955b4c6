"""The fresh diploma family `diploma:laurea_italiana` (sixteenth diploma wave, `Fresh.wave` 15): an Italian university's
degree in Italian — the "Diploma di Laurea" parchment ("REPUBBLICA ITALIANA", "IN NOME DELLA LEGGE", "Il Rettore …
conferisce a … la Laurea Magistrale in …", "Dato a Bologna, addì …") or the student office's "Certificato di Laurea con
esami" (matricola, codice fiscale, "ha conseguito in data … il titolo di", the marks table) —, with the Prefettura's
apostille and/or a French sworn translation after it on some. It renders born digital, scanned and photographed; it
prints the holder, the title on its own line and the award date after its lead beside the birth date, the
parchment's later date, the exams' dates, the print date, the apostille's and the translation's dates and numbers;
it is drawn for the foreign universities' degrees, carries its family tag in whole dossiers that pass `synth check`,
and leaves every other piece (and the earlier fresh diploma families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re

import pypdfium2 as pdfium

from synth import render_piece
from synth.families import FamilyFilter
from synth.fmt import MONTHS_FR
from synth.pieces import BUILDERS
from synth.pieces.fresh import FRESH
from synth.scenario import make_facts
from tests import fresh_waves as waves

NAME = "diploma:laurea_italiana"
EARLIER = ("conferred", "school_band", "releve_resultats", "jury_proces_verbal", "titre_professionnel",
           "comparabilite", "traduction_assermentee", "certificat_numerique", "supplement_diplome", "diplome_maghreb",
           "titulo_apostille", "diploma_bilingue_est", "degree_certificate_india", "notarial_certificate_china",
           "urkunde_allemande")
FREE_SEEDS = (4, 31)  # make_facts seeds drawing it with nothing excluded (foreign degrees)
MONTHS_IT = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
             "novembre", "dicembre")
DATE = rf"\d{{1,2}}°? (?:{'|'.join(MONTHS_IT)}) \d{{4}}|\d{{2}}/\d{{2}}/\d{{4}}"
DATE_FR = rf"\d{{1,2}}(?:er)? (?:{'|'.join(MONTHS_FR)}) \d{{4}}|\d{{2}}/\d{{2}}/\d{{4}}"


def _date(text: str) -> dt.date:
    """"15 marzo 2022", "1° marzo 2022", "15 mars 2022" or "15/03/2022"."""
    if "/" in text:
        return dt.datetime.strptime(text, "%d/%m/%Y").date()
    day, month, year = text.split()
    months = MONTHS_IT if month in MONTHS_IT else MONTHS_FR
    return dt.date(int(year), months.index(month) + 1, int(day.rstrip("°").removesuffix("er")))


def _pages(seed: int) -> tuple[list[str], dict]:
    data, media_type, fields = render_piece("diploma", seed, "born_digital", FamilyFilter(frozenset({NAME})))
    assert media_type == "application/pdf" and fields["_family"] == NAME
    doc = pdfium.PdfDocument(data)
    return [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in doc], fields


def _part(text: str) -> str:
    if "interprète expert" in text:
        return "traduction"
    if "Convention de La Haye" in text and "Paese" in text:
        return "apostille"
    return "pergamena" if "REPUBBLICA ITALIANA" in text else "certificato"


def test_registered_last_of_its_type_and_drawn_in_the_sixteenth_wave():
    waves.listed_last_in_its_wave(NAME, {**{name: wave for wave, name in enumerate(EARLIER)}, "laurea_italiana": 15})


def test_born_digital_prints_its_truth_beside_its_distractors():
    """Ten documents: the parchment and the certificate (one or two pages), an apostille or a translation after some;
    the holder, the title alone on its line, the award date after its lead, and the distractors: the birth date, the
    parchment's later date, the codice fiscale, matricola and exams' dates (none after the award) of the certificate
    and its later print date, the apostille's later date and number, the translation's later date."""
    kinds, after, counts = set(), set(), set()
    for seed in range(10):
        pages, fields = _pages(seed)
        counts.add(len(pages))
        parts = [_part(text) for text in pages]
        kind = parts[0]
        assert kind in ("pergamena", "certificato") and set(parts) - {kind} <= {"apostille", "traduction"}, parts
        kinds.add(kind)
        after |= set(parts[1:]) - {kind}
        original = "\n".join(text for text, part in zip(pages, parts) if part == kind)
        flat = " ".join(original.split())
        lines = [" ".join(line.split()) for line in original.splitlines()]
        surname, given, title = (str(fields[k]) for k in ("holder_surname", "holder_given_names", "title"))
        assert re.search(rf"{re.escape(given)} {re.escape(surname)}|{re.escape(surname)} {re.escape(given)}", flat,
                         re.IGNORECASE), flat
        assert title in lines or (kind == "certificato" and waves.squeezed(title) in waves.squeezed(flat)), lines
        award = dt.date.fromisoformat(str(fields["award_date"]))
        led = re.findall(rf"(?:esame di laurea il|conseguita il|conseguito in data|Data conseguimento titolo) ({DATE})",
                         flat)
        assert led and {_date(m) for m in led} == {award}, flat
        born = re.search(rf"(?:nat[oa] a .+? il|Data di nascita) ({DATE})", flat)
        assert born and _date(born.group(1)) < award, flat
        dates = {_date(m) for m in re.findall(DATE, flat)}
        if kind == "pergamena":
            later = {day for day in dates if day > award}  # "Dato a …, addì …": the parchment's own date
            assert len(later) == 1 and "Rett" in flat, flat
        else:
            assert re.search(r"[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}Z\d{3}[A-Z]", flat) and re.search(r"[Mm]atricola:? (n\. )?"
                                                                                               r"\d{6,10}", flat)
            assert re.search(r"Relatore: Prof", flat) and "CFU acquisiti" in flat
            table = [_date(m) for m in re.findall(rf"\b(?:\d+|30 e lode|IDONEO|APPROVATO) ({DATE})", flat)]
            assert len(table) >= 8 and max(table) <= award, flat
            printed = re.search(rf"Data di stampa: ({DATE})", flat)
            assert printed and _date(printed.group(1)) > award
        if "apostille" in parts:
            stamp = " ".join(pages[parts.index("apostille")].split())
            day = re.search(rf"6\. il: ({DATE})", stamp)
            assert day and _date(day.group(1)) > award and re.search(r"8\. sotto il n\.: \S+", stamp), stamp
            assert surname not in stamp
        if "traduction" in parts:
            text = " ".join(" ".join(t for t, part in zip(pages, parts) if part == "traduction").split())
            assert "italien" in text
            assert re.search(r"traduction certifiée conforme|certifie que la traduction", text, re.IGNORECASE), text
            lead = re.search(rf"(?:examen de laurea le|obtenue le|a obtenu le) ({DATE_FR})", text)
            assert lead and _date(lead.group(1)) == award, text
            made = re.findall(r"(?:Fait à [^,]+|[A-Z][\w'-]+), le (" + DATE_FR + ")", text)
            assert made and min(_date(m) for m in made) > award, text
    assert kinds == {"pergamena", "certificato"} and after == {"apostille", "traduction"}, (kinds, after)
    assert 1 in counts and max(counts) >= 3, counts


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 7)  # a parchment alone


def test_drawn_free_for_foreign_degrees():
    """Left free, it fits the foreign universities' degrees and those alone; drawn for them, its truth is the facts'
    holder and award date and the degree as an Italian university words it."""
    fits = next(f for f in FRESH["diploma"] if f"diploma:{f.layout}" == NAME).fits
    for seed in range(12):
        facts = make_facts(random.Random(seed), "changement_statut", dt.date(2026, 6, 1))
        assert fits(facts) is facts.diploma.english
    for seed in FREE_SEEDS:
        rng = random.Random(seed)
        facts = make_facts(rng, "changement_statut", dt.date(2026, 6, 1))
        piece = BUILDERS["diploma"](facts, rng)
        assert piece.family == NAME and fits(facts)
        assert re.fullmatch(r"Laurea( Magistrale)? in [A-Z].+", str(piece.fields.pop("title")))
        assert piece.fields == {"holder_surname": facts.person.surname, "holder_given_names": facts.diploma.given_names,
                                "award_date": facts.diploma.award_date.isoformat()}


def test_earlier_waves_kept():
    """Every other diploma, the earlier fresh families' included, is the one made with it excluded, and the generator's
    stream ends where it did (seeds 4 and 31 draw it)."""
    drawn = waves.pieces_with_and_without(NAME, "changement_statut", range(40))
    assert drawn[NAME] == 2 and sum(drawn[f"diploma:{name}"] for name in EARLIER) >= 10, drawn


def test_in_dossiers_carries_its_tag_and_passes_the_check(tmp_path):
    assert waves.dossiers_of_only(NAME, ((2, "changement_statut", 0.0, 0.0),), tmp_path) == {"render:born_digital": 1}


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the family (seed 475 draws it): the same pieces, with the same truth, bar
    its own."""
    assert waves.dossiers_with_and_without(NAME, "changement_statut", (475,), tmp_path) > 0
