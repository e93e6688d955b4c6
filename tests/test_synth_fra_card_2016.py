"""The second fresh residence permit family, `residence_permit:fra_card_2016` (wave 1), written once `fra_card_2025`
had been looked at: the titre de séjour card as its older design prints it ("TITRE DE SÉJOUR" in a band, every label
on the same line as its value, "PRÉN.", "NAT.", "NÉ(E) LE", dates "12 03 2027", the category in smaller capitals
beside "TYPE / REMARQUES" or under "Catégorie", whole and wrapped when long; on the back the address, "DATE ET LIEU DE
DÉLIVRANCE" on one line, the préfecture, the work mention by category and the foreigner's number). The card is
photocopied and photographed, prints its truth and an exact TD1 MRZ, carries its family tag in whole dossiers that
pass `synth check`, and leaves every other piece of a dossier (and the earlier permit families' draws, `fra_card_2025`
included, with the generator's stream) as it was (tests/fresh_waves.py)."""
from __future__ import annotations

import dataclasses
import json
import random
import re
from collections import Counter

import pypdfium2 as pdfium

from synth import render_piece_file
from synth.api import CHECKED_ON
from synth.families import FAMILIES, FamilyFilter
from synth.layout import Text
from synth.mrz import td1
from synth.pieces import BUILDERS
from synth.pieces.fresh_permit_2016 import SMALL_CAPS
from synth.render import sheets_to_pdf
from synth.scenario import JOBSEEKER, PERMIT_CATEGORIES, make_facts
from tests import fresh_waves

NAME = "residence_permit:fra_card_2016"
ONLY = FamilyFilter(frozenset({NAME}))
CATEGORIES = sorted({c for cats in PERMIT_CATEGORIES.values() for c in cats} | {JOBSEEKER})


def _card(seed: int, procedure: str = "changement_statut", **permit):
    """(the card built alone with the family, its facts), the permit's facts overridden by `permit`."""
    rng = random.Random(seed)
    facts = make_facts(rng, procedure, CHECKED_ON)
    facts.families, facts.permit = ONLY, dataclasses.replace(facts.permit, **permit)
    return BUILDERS["residence_permit"](facts, rng), facts


def _faces(piece) -> tuple[list[str], list[str]]:
    """The lines of text of the front and of the back, each with its runs of spaces made one."""
    doc = pdfium.PdfDocument(sheets_to_pdf(piece.cards))
    assert len(doc) == 2
    return tuple([" ".join(line.split()) for line in page.get_textpage().get_text_range().splitlines() if line.strip()]
                 for page in doc)


def _category_lines(piece) -> list[str]:
    """The category's lines on the front, as drawn (the smaller capitals)."""
    return [el.text for el in piece.cards[0].elements if isinstance(el, Text) and el.font == SMALL_CAPS]


def test_listed_last_later_and_drawn_in_the_second_wave():
    fresh_waves.listed_last_in_its_wave(NAME, {"fra_card_2025": 0, "fra_card_2016": 1})


def test_faces_print_the_truth_on_the_lines_of_their_labels():
    seen: Counter = Counter()
    for seed in range(1, 15):
        piece, facts = _card(seed, ("changement_statut", "renouvellement")[seed % 2])
        fields, permit, person = piece.fields, facts.permit, facts.person
        assert piece.family == NAME and [(c.width, c.height) for c in piece.cards] == [(85.6, 54.0)] * 2
        front, back = _faces(piece)
        assert any(line.startswith("TITRE DE SÉJOUR") for line in front), front
        type_line = f"{permit.card_type.replace('SEJOUR', 'SÉJOUR')} N° {fields['document_number']}"
        assert type_line in front, front
        assert f"NOM {fields['surname']}" in front
        assert f"PRÉN. {fields['given_names']}" in front or f"PRÉNOMS {fields['given_names']}" in front
        assert f"SEXE {person.sex} NAT. {fields['nationality']}" in front
        birth = f"{permit.birth_date:%d %m %Y}"
        assert f"NÉ(E) LE {birth} À {person.birth_city.upper()}" in front
        expiry, issued = f"{permit.expiry_date:%d %m %Y}", f"{permit.issue_date:%d %m %Y}"
        assert f"VALABLE JUSQU'AU {expiry}" in front or f"VALABLE DU {issued} AU {expiry}" in front, front
        seen["du-au" if f"VALABLE DU {issued} AU {expiry}" in front else "jusqu'au"] += 1
        assert not any("/" in line and re.search(r"\d/\d", line) for line in front + back)  # "12 03 2027" only
        # the category: whole on the line(s) after its label, in smaller capitals; never the type of card
        lines = _category_lines(piece)
        assert re.sub(r"\s+", "", "".join(lines)) == re.sub(r"\s+", "", str(fields["permit_category"]))
        assert fields["permit_category"] == permit.category
        at = next(i for i, line in enumerate(front) if line.startswith(("TYPE / REMARQUES", "Catégorie")))
        assert front[at:at + 1 + len(lines)] in ([f"TYPE / REMARQUES {lines[0]}", *lines[1:]], ["Catégorie", *lines])
        seen["type" if front[at].startswith("TYPE") else "catégorie"] += 1
        # the back: the address, the date and town of issue on one line, the préfecture, the foreigner's number
        street, place = person.address.upper().rsplit(", ", 1)
        assert f"ADRESSE {street}" in back and place in back
        assert any(re.fullmatch(rf"DATE ET LIEU DE DÉLIVRANCE {issued} [A-Z]+", line) for line in back), back
        assert permit.prefecture in back
        number = next(line for line in back if line.startswith("N° ÉTRANGER"))
        assert re.fullmatch(r"N° ÉTRANGER \d{10}", number) and fields["document_number"] not in number
        seen["address first" if back[0].startswith("ADRESSE") else "issue first"] += 1
    assert set(seen) == {"du-au", "jusqu'au", "type", "catégorie", "address first", "issue first"}, seen


def test_the_work_mention_follows_the_category():
    for category in CATEGORIES:
        _, back = _faces(_card(2, category=category)[0])
        allowed = "AUTORISE SON TITULAIRE À TRAVAILLER" in back
        assert allowed == (category != "ETUDIANT - ELEVE"), (category, back)
        assert ("À TITRE ACCESSOIRE (964 H/AN)" in back) == (category.startswith("ETUDIANT") and allowed), back


def test_the_long_categories_wrap_whole():
    by_style: dict[str, set[int]] = {"TYPE": set(), "Catégorie": set()}
    for seed in range(1, 9):
        piece, _ = _card(seed, category=JOBSEEKER)
        lines = _category_lines(piece)
        front, _ = _faces(piece)
        style = "TYPE" if any(line.startswith("TYPE / REMARQUES") for line in front) else "Catégorie"
        by_style[style].add(len(lines))
        if len(lines) == 2:  # broken just after the slash
            assert lines == ["RECHERCHE D'EMPLOI/", "CREATION D'ENTREPRISE"]
        else:
            assert lines == [JOBSEEKER]
        piece, _ = _card(seed, category="TALENT - CARTE BLEUE EUROPEENNE")
        assert " ".join(_category_lines(piece)) == "TALENT - CARTE BLEUE EUROPEENNE"
        piece, _ = _card(seed, category="SALARIE")
        assert _category_lines(piece) == ["SALARIE"]
    # beside its label it wraps; under it, whether it fits on one line depends on the fonts installed (it wraps on a
    # fresh Debian 12, not here): either way it is whole, which the loop checked
    assert by_style["TYPE"] == {2} and by_style["Catégorie"] and by_style["Catégorie"] <= {1, 2}, by_style


def test_the_td1_mrz_is_exact_on_the_back():
    """The back ends with the three lines of the TD1 MRZ (`IR`, issued by FRA), made from the facts the front prints."""
    for seed in range(1, 9):
        piece, facts = _card(seed, ("renouvellement", "changement_statut")[seed % 2])
        who, card = facts.person, facts.permit
        lines = td1(card.number, "FRA", who.country.code, who.surname, who.given_upper, card.birth_date, who.sex,
                    card.expiry_date)
        assert _faces(piece)[1][-3:] == piece.mrz == lines and {len(line) for line in lines} == {30}
        assert lines[0][:5] == "IRFRA" and lines[0][5:14] == piece.fields["document_number"]
        assert lines[1][8:14] == f"{card.expiry_date:%y%m%d}" and lines[1][15:18] == piece.fields["nationality"]


def test_photocopied_or_photographed_never_born_digital():
    """Asked for a photocopy or a photo, the card comes so; asked to be born digital or scanned, as either."""
    for asked in ("photocopy", "photo", "born_digital", "scan"):
        for seed in (4, 5):
            rendered, fields = render_piece_file("residence_permit", seed, asked, ONLY)
            got = rendered.render
            assert got == asked if asked in ("photocopy", "photo") else got in ("photocopy", "photo")
            assert (fields["_family"], f"render:{got}" in rendered.tags) == (NAME, True)
            assert rendered.media_type in ("application/pdf", "image/jpeg", "image/png", "image/tiff")
            assert len(rendered.data) > 20_000


def test_in_dossiers_with_its_tag_passing_the_check(tmp_path):
    runs = tuple((seed, procedure, 0.0, 0.0) for seed, procedure in (
        (2, "changement_statut"), (3, "renouvellement"), (4, "renouvellement"), (5, "changement_statut"),
        (6, "renouvellement"), (7, "changement_statut")))
    renders = fresh_waves.dossiers_of_only(NAME, runs, tmp_path)
    assert set(renders) == {"render:photocopy", "render:photo"} and sum(renders.values()) >= 4, renders
    cards = [piece for path in (tmp_path / "truth").glob("*.json") for piece in json.loads(path.read_text())["pieces"]
             if piece["type"] == "residence_permit"]  # a dossier missing its card on purpose has none
    assert JOBSEEKER in {piece["fields"]["permit_category"] for piece in cards}  # it grounds the exemption


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the new family: the same pieces, with the same truth, bar its own card,
    and the same verdict."""
    # changement_statut 5 draws the new family, 11 fra_card_2025; renouvellement 0 the new one (1 drew it until the
    # third wave, copie_recto_verso, took it)
    assert fresh_waves.dossiers_with_and_without(NAME, "changement_statut", (5, 11), tmp_path / "cs") > 0
    assert fresh_waves.dossiers_with_and_without(NAME, "renouvellement", (0,), tmp_path / "r") > 0


def test_the_second_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece: every card not of the new family is the one made with it excluded (fields, faces and MRZ), the
    generator's stream ends where it did, and every earlier permit family, `fra_card_2025` included, is still drawn."""
    drawn = fresh_waves.pieces_with_and_without(NAME, "renouvellement", range(160))
    assert drawn[NAME] > 0, drawn
    assert all(drawn[f"residence_permit:{layout}"] > 0 for layout in FAMILIES["residence_permit"]), drawn
