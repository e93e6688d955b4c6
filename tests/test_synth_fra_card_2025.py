"""The fresh residence permit family `residence_permit:fra_card_2025`, written once `fra_card_english` and
`fra_card_photo_right` had been looked at: the titre de séjour card as its newer design prints it (French labels in
small capitals over their English in italics, the values under them; the category in a framed "REMARQUES" area on
the back, on two lines when long). Residence permits are now drawn through synth/pieces/fresh.py: the card is
photocopied and photographed like the others, prints its truth and an exact TD1 MRZ, carries its family tag in whole
dossiers that pass `synth check`, and leaves every other piece of a dossier (and every older permit family's card,
with the generator's stream) as it was (tests/fresh_waves.py)."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

import pypdfium2 as pdfium

from synth import generate_dossier, render_piece_file
from synth.api import CHECKED_ON
from synth.checksums import mrz_check_digit
from synth.families import FAMILIES, FamilyFilter
from synth.layout import Text
from synth.mrz import td1
from synth.pieces import BUILDERS
from synth.render import sheets_to_pdf
from synth.scenario import JOBSEEKER, make_facts
from synth.validate import check_folder, truth_problems
from tests.fresh_waves import (
    dossiers_with_and_without,
    listed_last_in_its_wave,
    pieces_with_and_without,
)

NAME = "residence_permit:fra_card_2025"
ONLY = FamilyFilter(frozenset({NAME}))
# the French label (small capitals) over its English (italics), as the text reads once its spaces are dropped
LABELS = ("NOMSurname", "PRÉNOMSGivennames", "SEXESex", "NATIONALITÉNationality", "DATEDENAISSANCEDateofbirth",
          "TYPEDETITRETypeofpermit", "LIEUDENAISSANCEPlaceofbirth", "N°DUTITREDocumentNo.", "REMARQUESRemarks",
          "ADRESSEAddress", "DATEDEDÉLIVRANCEDateofissue", "LIEUDEDÉLIVRANCEPlaceofissue")


def _card(seed: int, procedure: str = "changement_statut", category: str | None = None):
    """(the card built alone with the family, its facts), its category set to `category` when given."""
    rng = random.Random(seed)
    facts = make_facts(rng, procedure, CHECKED_ON)
    facts.families = ONLY
    if category:
        facts.permit.category = category
    return BUILDERS["residence_permit"](facts, rng), facts


def _faces(piece) -> str:
    """The text of both faces, without spaces."""
    doc = pdfium.PdfDocument(sheets_to_pdf(piece.cards))
    assert len(doc) == 2
    return re.sub(r"\s+", "", "".join(page.get_textpage().get_text_range() for page in doc))


def _dates(d: dt.date) -> tuple[str, str]:
    return f"{d:%d/%m/%Y}", f"{d:%d%m%Y}"


def test_listed_last_later_and_drawn_around_the_permit_builder():
    listed_last_in_its_wave(NAME, {"fra_card_2025": 0})


def test_faces_print_the_truth_and_the_wording():
    seen: Counter = Counter()
    for seed in range(1, 13):
        piece, facts = _card(seed, ("changement_statut", "renouvellement")[seed % 2])
        fields = piece.fields
        assert piece.family == NAME and [(c.width, c.height) for c in piece.cards] == [(85.6, 54.0)] * 2
        text = _faces(piece)
        for label in LABELS:
            assert label in text, (seed, label)
        assert "/Surname" not in text and "/Givennames" not in text  # the English is under the French, not after it
        assert fields["permit_category"] == facts.permit.category
        surname, given = (re.sub(r"\s+", "", str(fields[k])) for k in ("surname", "given_names"))
        assert f"Surname{surname}" in text and f"Givennames{given}" in text
        assert f"DocumentNo.{fields['document_number']}" in text
        assert f"Remarks{re.sub(r'[ ]+', '', str(fields['permit_category']))}" in text
        assert facts.permit.card_type.replace(" ", "") in text  # the type of card, not the category
        expiry, issued = (dt.date.fromisoformat(str(fields["expiry_date"])), facts.permit.issue_date)
        assert issued != expiry and any(d in text for d in _dates(issued)) and any(d in text for d in _dates(expiry))
        birth = dt.date.fromisoformat(str(fields["date_of_birth"]))
        assert any(f"Dateofbirth{d}" in text for d in _dates(birth))
        nationality = facts.person.demonym.upper()
        assert f"Nationality{fields['nationality']}" in text or f"Nationality{nationality}" in text
        seen["word" if f"Nationality{nationality}" in text else "code"] += 1
        seen["slash" if "/" in text.split("Dateofbirth")[1][:10] else "spaced"] += 1
        # the surname and the given names on lines of their own
        values = {el.text: el.y for el in piece.cards[0].elements if isinstance(el, Text)}
        assert values[str(fields["surname"])] < values[str(fields["given_names"])]
    assert set(seen) == {"word", "code", "slash", "spaced"}, seen


def test_the_td1_mrz_is_exact():
    for seed in range(1, 9):
        piece, facts = _card(seed)
        fields, mrz = piece.fields, piece.mrz
        assert mrz == td1(str(fields["document_number"]), "FRA", str(fields["nationality"]), facts.person.surname,
                          facts.person.given_upper, facts.permit.birth_date, facts.person.sex,
                          facts.permit.expiry_date)
        assert [len(line) for line in mrz] == [30, 30, 30] and mrz[0].startswith(f"IRFRA{fields['document_number']}")
        number = mrz[0][5:14]
        assert mrz[0][14] == mrz_check_digit(number)
        assert mrz[1][:6] == facts.permit.birth_date.strftime("%y%m%d") and mrz[1][8:14] == \
            dt.date.fromisoformat(str(fields["expiry_date"])).strftime("%y%m%d")
        text = _faces(piece)
        assert all(line in text for line in mrz)


def test_the_long_categories_take_two_lines():
    piece, _ = _card(3, category=JOBSEEKER)
    assert piece.fields["permit_category"] == JOBSEEKER
    back = [el.text for el in piece.cards[1].elements if isinstance(el, Text)]
    assert "RECHERCHE D'EMPLOI/" in back and "CREATION D'ENTREPRISE" in back
    piece, _ = _card(3, category="TALENT - CARTE BLEUE EUROPEENNE")
    back = [el.text for el in piece.cards[1].elements if isinstance(el, Text)]
    assert "TALENT - CARTE BLEUE" in back and "EUROPEENNE" in back
    piece, _ = _card(3, category="ETUDIANT")
    assert "ETUDIANT" in [el.text for el in piece.cards[1].elements if isinstance(el, Text)]


def test_photocopied_and_photographed():
    """A card is never born digital: it comes as a photocopy on A4 or a phone photo, whichever is asked."""
    for render, seed in (("photocopy", 4), ("photo", 4), ("born_digital", 5), ("scan", 6)):
        rendered, fields = render_piece_file("residence_permit", seed, render, ONLY)
        assert fields["_family"] == NAME and len(rendered.data) > 20_000
        assert rendered.render in ("photocopy", "photo") and f"render:{rendered.render}" in rendered.tags
        if render in ("photocopy", "photo"):
            assert rendered.render == render
        assert rendered.media_type in ("application/pdf", "image/jpeg", "image/png", "image/tiff")


def test_in_dossiers_with_its_tag_passing_the_check(tmp_path):
    only = FamilyFilter.parse(NAME, None)
    renders: Counter = Counter()
    categories, permits = set(), 0
    for seed, procedure in ((2, "changement_statut"), (3, "renouvellement"), (4, "renouvellement"),
                            (5, "changement_statut"), (6, "renouvellement"), (7, "changement_statut")):
        truth = generate_dossier(seed, "folder", tmp_path, procedure=procedure, scan_ratio=0.0, families=only).truth
        assert truth_problems(truth) == []
        for piece in (piece for piece in truth["pieces"] if piece["type"] == "residence_permit"):
            permits += 1  # a dossier missing its card on purpose has none
            assert {t for t in piece["tags"] if t.startswith("family:")} == {f"family:{NAME}"}
            renders.update(t for t in piece["tags"] if t.startswith("render:"))
            categories.add(piece["fields"]["permit_category"])
    assert permits >= 4 and set(renders) == {"render:photocopy", "render:photo"}, renders
    assert JOBSEEKER in categories, categories  # seeds 2 and 7: the job-seeker card grounds the exemption
    assert check_folder(tmp_path / "truth") == {}


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the new family: the same pieces, with the same truth, bar its own card,
    and the same verdict."""
    assert dossiers_with_and_without(NAME, "changement_statut", (11,), tmp_path / "cs") > 0
    assert dossiers_with_and_without(NAME, "renouvellement", (4,), tmp_path / "r") > 0


def test_the_older_permit_families_and_the_main_stream_unchanged():
    """Piece by piece: every card not of the new family is the one made with it excluded (fields, faces and MRZ), the
    generator's stream ends where it did, and every older permit family is still drawn."""
    drawn = pieces_with_and_without(NAME, "renouvellement", range(160))
    assert drawn[NAME] > 0, drawn
    assert all(drawn[f"residence_permit:{layout}"] > 0 for layout in FAMILIES["residence_permit"]), drawn
