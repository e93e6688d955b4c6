"""The fresh diploma family `diploma:traduction_assermentee` (seventh wave), written once `diploma:comparabilite`
had been looked at: a sworn translator's French translation of a degree awarded abroad. It renders born digital,
scanned and photographed, prints the holder, the translated title on its own line and the date the degree was
conferred beside the translator's later certification, carries its family tag in whole dossiers, passes
`synth check`, is drawn for the foreign universities' degrees only, and leaves every other piece (and the
earlier fresh diploma families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re

import pypdfium2 as pdfium

from synth import generate_dossier, render_piece, render_piece_file
from synth.families import FAMILIES, LATER, FamilyFilter
from synth.fmt import MONTHS_FR
from synth.pieces import BUILDERS
from synth.pieces.fresh import FRESH
from synth.scenario import make_facts
from synth.validate import check_folder, truth_problems
from tests.fresh_waves import dossiers_with_and_without, pieces_with_and_without

NAME = "diploma:traduction_assermentee"
ONLY = FamilyFilter(frozenset({NAME}))
MONTHS = "|".join(MONTHS_FR)
DATE = (rf"(\d{{2}}/\d{{2}}/\d{{4}}|\d{{2}}\.\d{{2}}\.\d{{4}}|« \d{{1,2}} » (?:{MONTHS}) \d{{4}}|"
        rf"\d{{1,2}}(?:er)? (?:{MONTHS}) \d{{4}})")
# how the translated diplomas label the day the degree was conferred
AWARD_LEAD = (r"(délibération du jury en date du|Date de délibération(?: du jury)? :|"
              r"Commission d'examen d'État du|Commission d'examen du|[Cc]ollation des grades(?: le)? :|"
              r"Grade conféré le :|"
              r"collation du grade :\s*n° \d+ du|remise du grade :\s*n° \d+ du|Date d'attribution du grade :|"
              r"Date d'obtention du diplôme :|Décision d'attribution du diplôme :\s*n° \S+ du|\bLe)")


def _text(pdf: bytes) -> str:
    return "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


def _date(text: str) -> dt.date:
    """"05/03/2022", "05.03.2022", "« 5 » mars 2022" or "5 mars 2022" (or "1er mars 2022")."""
    if re.fullmatch(r"[\d/.]+", text):
        return dt.datetime.strptime(text.replace(".", "/"), "%d/%m/%Y").date()
    day, month, year = text.replace("«", "").replace("»", "").split()
    return dt.date(int(year), MONTHS_FR.index(month) + 1, int(day.removesuffix("er")))


def test_registered_last_of_its_type_and_drawn_in_the_seventh_wave():
    # registered after the sixth wave's family; later waves came after it
    names = FAMILIES["diploma"]
    assert names.index("comparabilite") < names.index("traduction_assermentee") and NAME in LATER
    # the waves up to its own, whatever later waves come
    assert {f.layout: f.wave for f in FRESH["diploma"] if f.wave <= 6} == {
        "conferred": 0, "school_band": 1, "releve_resultats": 2, "jury_proces_verbal": 3, "titre_professionnel": 4,
        "comparabilite": 5, "traduction_assermentee": 6}


def test_renders_born_digital_scanned_and_photographed():
    for seed in range(1, 9):
        data, media_type, fields = render_piece("diploma", seed, "born_digital", ONLY)
        assert media_type == "application/pdf" and fields["_family"] == NAME
        assert len(pdfium.PdfDocument(data)) == 1
        text = _text(data)
        lines = [" ".join(line.split()) for line in text.splitlines()]
        assert re.search(r"TRADUCTION|Tradu(ction|it) (de l'|du )", text, re.IGNORECASE), text
        assert "expert près la Cour d'appel de" in text and re.search(r"conforme (à|au)", text), text
        assert fields["title"] in lines, (fields["title"], lines)  # the degree as translated, on its own line
        for key in ("holder_surname", "holder_given_names"):
            assert fields[key] in text, (seed, key)
        award = dt.date.fromisoformat(fields["award_date"])
        flat = " ".join(text.split())
        labelled = [_date(m.group(2)) for m in re.finditer(AWARD_LEAD + r" ?" + DATE, flat)]
        assert award in labelled, (seed, award, text)
        # the translator certifies later than anything the diploma says, before the dossier
        certified = [_date(m.group(1)) for m in re.finditer(r"(?:Fait à )?[A-Z][\w' -]+, le " + DATE + r"\s*$", text,
                                                             re.MULTILINE)]
        assert certified and max(certified) > award, (seed, text)
    for render in ("scan", "photo"):
        rendered, fields = render_piece_file("diploma", 4, render, ONLY)
        assert fields["_family"] == NAME and f"render:{render}" in rendered.tags
        assert len(rendered.data) > 20_000


def test_holder_order_follows_the_country_of_the_diploma():
    """Russian, Ukrainian, Chinese and Vietnamese diplomas print the surname first, the others the given names."""
    orders = set()
    for seed in range(1, 41):
        data, _, fields = render_piece("diploma", seed, "born_digital", ONLY)
        text = " ".join(_text(data).split())
        surname, given = fields["holder_surname"], fields["holder_given_names"]
        first = f"{surname} {given}" in text
        assert first or f"{given} {surname}" in text, (seed, text)
        if any(state in text for state in ("FÉDÉRATION DE RUSSIE", "UKRAINE", "CERTIFICAT DE GRADE", "VIÊT NAM")):
            assert first, (seed, text)
            orders.add("surname first")
        elif "ROYAUME DU MAROC" in text or "RÉPUBLIQUE TUNISIENNE" in text:
            assert f"{given} {surname}" in text, (seed, text)
            orders.add("given first")
    assert orders == {"surname first", "given first"}


def test_in_dossiers_carries_its_tag_and_passes_the_check(tmp_path):
    diplomas = []
    for seed in (61, 62, 63, 64, 65):
        truth = generate_dossier(seed, "folder", tmp_path, procedure="changement_statut", scan_ratio=0.0,
                                 families=FamilyFilter.parse(NAME, None)).truth
        assert truth_problems(truth) == []
        diplomas += [piece for piece in truth["pieces"] if piece["type"] == "diploma"]
    assert len(diplomas) >= 3
    assert all({t for t in piece["tags"] if t.startswith("family:")} == {f"family:{NAME}"} for piece in diplomas)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", piece["fields"]["award_date"]) for piece in diplomas)
    assert check_folder(tmp_path / "truth") == {}


def test_drawn_for_degrees_of_foreign_universities_only():
    drawn = 0
    for seed in range(120):
        rng = random.Random(seed)
        facts = make_facts(rng, "changement_statut", dt.date(2026, 6, 1))
        piece = BUILDERS["diploma"](facts, rng)
        if piece.family == NAME:
            drawn += 1
            assert facts.diploma.english and piece.fields["title"] != facts.diploma.title
    assert drawn > 0


def test_the_seventh_wave_leaves_the_earlier_draws_as_they_were():
    """It takes some diplomas (of foreign universities); every other one, the six earlier fresh families included,
    is the diploma made with it excluded, and the generator's stream ends where it did."""
    drawn = pieces_with_and_without(NAME, "changement_statut", range(200))
    # every wave up to degree_certificate_india's (12): notarial_certificate_china's, for workers from China only,
    # first draws at seed 287
    assert all(drawn[f"diploma:{f.layout}"] > 0 for f in FRESH["diploma"] if f.wave <= 12), drawn


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the family: the same pieces, with the same truth, bar its own."""
    assert dossiers_with_and_without(NAME, "changement_statut", (11, 12), tmp_path) > 0
