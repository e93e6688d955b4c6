"""The fresh diploma family `diploma:certificat_numerique` (eighth wave), written once
`diploma:traduction_assermentee` had been looked at: the digital diploma certificate a French school e-mails
through a credential platform. It renders born digital, scanned and photographed, prints the holder, the degree
on its own line and the date it was obtained beside a later "Émis le", the verification identifier and address,
and the level or grade of the degree; it carries its family tag in whole dossiers, passes `synth check`, is drawn
for French degrees only, and leaves every other piece (and the earlier fresh diploma families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re

import pypdfium2 as pdfium

from synth import render_piece
from synth.families import FAMILIES, LATER, FamilyFilter
from synth.fmt import MONTHS_FR
from synth.pieces import BUILDERS
from synth.pieces.fresh import FRESH
from synth.scenario import make_facts
from tests.fresh_waves import (
    dossiers_of_only,
    dossiers_with_and_without,
    pieces_with_and_without,
    scanned_and_photographed,
)

NAME = "diploma:certificat_numerique"
ONLY = FamilyFilter(frozenset({NAME}))
DATE = rf"(\d{{2}}/\d{{2}}/\d{{4}}|\d{{1,2}}(?:er)? (?:{'|'.join(MONTHS_FR)}) \d{{4}})"
# how the certificate labels the day the degree was obtained: in the grant's sentence, on a line, in the panel
AWARD_LEAD = (r"(?:a obtenu, le|décerner, le|jury en date du|Date d'obtention(?: du diplôme)?(?: :)?|"
              r"Diplômée? le|Diplômé\(e\) le|Obtenu le)")
ISSUE_LEAD = r"(?:Émis le|Date d'émission|Certificat émis le)"


def _text(pdf: bytes) -> str:
    return "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


def _date(text: str) -> dt.date:
    """"05/03/2022" or "5 mars 2022" (or "1er mars 2022")."""
    if "/" in text:
        return dt.datetime.strptime(text, "%d/%m/%Y").date()
    day, month, year = text.split()
    return dt.date(int(year), MONTHS_FR.index(month) + 1, int(day.removesuffix("er")))


def test_registered_last_of_its_type_and_drawn_in_the_eighth_wave():
    # registered after the seventh wave's family; `supplement_diplome` (wave 8) and `diplome_maghreb` (wave 9) came
    # after it
    names = FAMILIES["diploma"]
    assert names.index("traduction_assermentee") < names.index("certificat_numerique") and NAME in LATER
    # the waves up to its own, whatever later waves come
    assert {f.layout: f.wave for f in FRESH["diploma"] if f.wave <= 7} == {
        "conferred": 0, "school_band": 1, "releve_resultats": 2, "jury_proces_verbal": 3, "titre_professionnel": 4,
        "comparabilite": 5, "traduction_assermentee": 6, "certificat_numerique": 7}


def test_renders_born_digital_scanned_and_photographed():
    shapes, standings = set(), set()
    for seed in range(1, 13):
        data, media_type, fields = render_piece("diploma", seed, "born_digital", ONLY)
        assert media_type == "application/pdf" and fields["_family"] == NAME
        doc = pdfium.PdfDocument(data)
        assert len(doc) == 1
        shapes.add("landscape" if doc[0].get_width() > doc[0].get_height() else "portrait")
        text = _text(data)
        lines = [" ".join(line.split()) for line in text.splitlines()]
        assert re.search(r"CERTIFICAT (NUMÉRIQUE )?DE DIPLÔME|Attestation numérique de diplôme|DIPLÔME NUMÉRIQUE|"
                         r"Certificat d'obtention de diplôme", text), text
        assert fields["title"] in lines or fields["title"].upper() in lines, (fields["title"], lines)
        flat = " ".join(text.split())
        for key in ("holder_surname", "holder_given_names"):
            assert fields[key] in flat or fields[key].upper() in flat, (seed, key)
        award = dt.date.fromisoformat(fields["award_date"])
        assert award in [_date(m.group(1)) for m in re.finditer(AWARD_LEAD + " " + DATE, flat)], (seed, award, text)
        # the digital certificate is issued after the award, before the dossier
        issued = [_date(m.group(1)) for m in re.finditer(ISSUE_LEAD + " " + DATE, flat)]
        assert len(issued) == 1 and issued[0] > award, (seed, issued, award)
        assert re.search(r"https://\S+/\S+", flat) and re.search(r"Identifiant|N° de certificat|ID de vérification",
                                                                  flat), text
        standings |= {m.group(0).lower() for m in re.finditer(r"RNCP\d{5}|niveau \d|grade de \w+", flat,
                                                              re.IGNORECASE)}
        assert re.search(r"(Le|La) (Présidente?|Directeur|Directrice) ", flat), text  # the signatory's title
    assert shapes == {"landscape", "portrait"}, shapes
    assert any(s.startswith("rncp") for s in standings) and any(s.startswith("grade de") for s in standings)
    assert any(s.startswith("niveau") for s in standings), standings
    scanned_and_photographed(NAME, 4)


def test_grant_in_a_sentence_or_the_name_set_large():
    """Both manners of the grant are drawn: "… certifie que / atteste que …", and the holder's name alone on its
    line."""
    manners = set()
    for seed in range(1, 25):
        data, _, fields = render_piece("diploma", seed, "born_digital", ONLY)
        text = _text(data)
        lines = [" ".join(line.split()) for line in text.splitlines()]
        names = {f"{fields['holder_given_names']} {fields['holder_surname']}",
                 f"{fields['holder_surname']} {fields['holder_given_names']}",
                 f"{fields['holder_surname']} {fields['holder_given_names'].upper()}",
                 f"{fields['holder_given_names'].upper()} {fields['holder_surname']}"}
        if names & set(lines):
            manners.add("name")
        elif re.search(r"(certifie|atteste) qu(e |')", " ".join(text.split())):
            manners.add("sentence")
    assert manners == {"name", "sentence"}


def test_in_dossiers_carries_its_tag_and_passes_the_check(tmp_path):
    runs = tuple((seed, "changement_statut", 0.0, 0.0) for seed in (71, 72, 73, 74, 75))
    assert sum(dossiers_of_only(NAME, runs, tmp_path).values()) >= 3


def test_drawn_for_french_degrees_only():
    """Left free, the family takes some French degrees and never a foreign university's; the title it prints is the
    dossier's degree."""
    def draw(seed: int) -> tuple[bool, str, bool]:
        rng = random.Random(seed)
        facts = make_facts(rng, "changement_statut", dt.date(2026, 6, 1))
        piece = BUILDERS["diploma"](facts, rng)
        return piece.family == NAME, facts.diploma.english, piece.fields["title"] == facts.diploma.title

    drawn = [(english, same) for ours, english, same in map(draw, range(150)) if ours]
    assert drawn and not any(english for english, _ in drawn) and all(same for _, same in drawn)


def test_the_eighth_wave_leaves_the_earlier_draws_as_they_were():
    """It takes some diplomas (of French degrees); every other one, the seven earlier fresh families included, is
    the diploma made with it excluded, and the generator's stream ends where it did."""
    drawn = pieces_with_and_without(NAME, "changement_statut", range(200))
    # every wave up to degree_certificate_india's (12): notarial_certificate_china's, for workers from China only,
    # first draws at seed 287
    assert all(drawn[f"diploma:{f.layout}"] > 0 for f in FRESH["diploma"] if f.wave <= 12), drawn


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the family: the same pieces, with the same truth, bar its own."""
    assert dossiers_with_and_without(NAME, "changement_statut", (11, 59), tmp_path) > 0
