"""The third fresh residence permit family, `residence_permit:copie_recto_verso` (wave 2), written once `fra_card_2016`
had been looked at: what employers really send, ONE page with the photocopy of both sides of the titre de séjour at
real size, each in the copier's grey and turned its own way — the recto above the verso, the two side by side, or the
verso (MRZ side) first under the employer's "copie certifiée conforme" stamp —, with a heading, a handwritten note,
"RECTO" / "VERSO" and a stamp on some. The page travels as the piece's card: it is photocopied onto A4 or
photographed, prints its truth (the current model's card: "NOM / Surname", "Prénoms / Given names"…) and an exact TD1
MRZ, with its distractors (the date of issue, the stamp's date, the employer and its signatory, the préfecture),
carries its family tag in whole dossiers that pass `synth check`, and leaves every other piece of a dossier (and the
earlier permit families' draws, with the generator's stream) as it was (tests/fresh_waves.py)."""
from __future__ import annotations

import json
import random
import re
from collections import Counter

import pypdfium2 as pdfium

from synth import render_piece_file
from synth.api import CHECKED_ON
from synth.families import FamilyFilter
from synth.fmt import date_slash
from synth.layout import Text
from synth.mrz import td1
from synth.pieces import BUILDERS
from synth.pieces.fresh_permit_recto_verso import MENTIONS, PAGE_H, PAGE_W
from synth.render import sheets_to_pdf
from synth.scenario import JOBSEEKER, make_facts
from synth.validate import check_folder, truth_problems
from tests import fresh_waves
from tests.fresh_waves import squeezed

NAME = "residence_permit:copie_recto_verso"
ONLY = FamilyFilter(frozenset({NAME}))


def _copy(seed: int, procedure: str = "changement_statut", category: str | None = None):
    """(the copy built alone with the family, its facts), the permit's category set to `category` when given."""
    rng = random.Random(seed)
    facts = make_facts(rng, procedure, CHECKED_ON)
    facts.families = ONLY
    if category:
        facts.permit.category = category
    return BUILDERS["residence_permit"](facts, rng), facts


def _text(piece) -> str:
    """The page's text (one page: both faces and what the employer added)."""
    doc = pdfium.PdfDocument(sheets_to_pdf(piece.cards))
    assert len(doc) == 1
    return doc[0].get_textpage().get_text_range()


def _where(piece, text: str) -> tuple[float, float]:
    """Where the first line of text starting with `text` lies on the page."""
    el = next(el for el in piece.cards[0].elements if isinstance(el, Text) and el.text.startswith(text))
    return el.x, el.y


def _sublayout(piece) -> str:
    """Told from where the front's title and the back's MRZ lie."""
    (fx, fy), (bx, by) = _where(piece, "TITRE DE SÉJOUR"), _where(piece, piece.mrz[0])
    if abs(fy - by) < 40:
        assert bx > fx + 80  # the verso right of the recto
        return "cote_a_cote"
    return "empile" if fy < by else "verso_dessus"


def _stamp_date(text: str) -> str | None:
    found = re.search(r"\nLe (\d\d/\d\d/\d{4})", text)
    return found.group(1) if found else None


def test_listed_last_later_and_drawn_in_the_third_wave():
    fresh_waves.listed_last_in_its_wave(NAME, {"fra_card_2025": 0, "fra_card_2016": 1, "copie_recto_verso": 2})


def test_the_page_prints_the_truth_its_distractors_and_every_sublayout():
    seen: Counter = Counter()
    for seed in range(1, 11):
        piece, facts = _copy(seed, ("changement_statut", "renouvellement")[seed % 2])
        fields, permit, person = piece.fields, facts.permit, facts.person
        assert piece.family == NAME and not piece.sheets and len(piece.cards) == 1
        page = piece.cards[0]
        assert page.width == PAGE_W and page.height <= PAGE_H  # what the photocopy's A4 page holds, uncut
        text = _text(piece)
        flat = squeezed(text)
        # the truth, as the facts give it: the number, the names, the code of the nationality, the category
        for key in ("document_number", "surname", "given_names", "nationality", "permit_category"):
            assert squeezed(str(fields[key])) in flat, (seed, key)
        assert fields["permit_category"] == permit.category and fields["given_names"] == person.given_upper
        # the dates in the card's one style, "12 03 2027" or "12/03/2027"; the date of issue beside them
        styles = [style for style in ("%d %m %Y", "%d/%m/%Y") if f"{permit.expiry_date:{style}}" in text]
        assert styles, (seed, text)
        for day in (permit.birth_date, permit.issue_date):
            assert f"{day:{styles[0]}}" in text, seed
        assert permit.issue_date != permit.expiry_date
        # the current model's wording, its labels on one line in French and English
        for words in ("TITRE DE SÉJOUR", "RESIDENCE PERMIT", "NOM / Surname", "Prénoms / Given names",
                      "DATE DE NAISSANCE / Date of birth", "ADRESSE / Address", "LIEU DE DÉLIVRANCE / Place of issue",
                      "DATE DE DÉLIVRANCE / Date of issue", "N° du document / Document No."):
            assert words in text, (seed, words)
        assert "VALABLE JUSQU'AU / Valid until" in text or "DATE D'EXPIRATION / Date of expiry" in text
        assert permit.prefecture in text  # a distractor: the préfecture, never the truth
        # the MRZ, exact, on the back
        lines = td1(permit.number, "FRA", person.country.code, person.surname, person.given_upper, permit.birth_date,
                    person.sex, permit.expiry_date)
        assert piece.mrz == lines and all(line in text for line in lines)
        sublayout = _sublayout(piece)
        seen[sublayout] += 1
        # the employer's stamp: always over the verso first, on some of the others; its date, the company, who signs
        stamped = any(first in text and second in text for first, second in MENTIONS)
        assert stamped or sublayout != "verso_dessus", seed
        if stamped:
            seen["stamp"] += 1
            assert squeezed(facts.registration.company.name) in flat
            stamp_date = _stamp_date(text)
            assert stamp_date and stamp_date not in (date_slash(permit.expiry_date), date_slash(permit.issue_date))
        if "TS " in text or "Titre de séjour de" in text or "dossier n°" in text.lower():
            seen["note"] += 1
        seen["grey" if all(len(set(el.color)) == 1 for el in page.elements if isinstance(el, Text)
                           and el.text == fields["surname"]) else "colour"] += 1
    assert {"empile", "cote_a_cote", "verso_dessus"} <= set(seen), seen
    assert seen["stamp"] > seen["verso_dessus"] and seen["note"] and seen["grey"] and seen["colour"], seen


def test_the_long_categories_print_whole():
    for seed, category in ((1, JOBSEEKER), (2, "TALENT - CARTE BLEUE EUROPEENNE"), (3, "ETUDIANT - ELEVE")):
        piece, _ = _copy(seed, category=category)
        assert piece.fields["permit_category"] == category
        assert squeezed(category) in squeezed(_text(piece)), (seed, category)


def test_photographed_as_a_card_is():
    """The page is rendered as a card is, photocopied onto A4 (the dossier below) or photographed (here)."""
    rendered, fields = render_piece_file("residence_permit", 6, "photo", ONLY)  # a side-by-side copy
    assert fields["_family"] == NAME and fields["_mrz"] and len(rendered.data) > 20_000
    assert rendered.render == "photo" and {"render:photo", "photo:card"} <= set(rendered.tags)
    assert rendered.media_type in ("application/pdf", "image/jpeg", "image/png", "image/tiff")


def test_older_dossiers_keep_their_other_pieces_and_pass_the_check(tmp_path):
    """A whole dossier drawn with and without the new family (renouvellement 1 draws it, photocopied): the same
    pieces, with the same truth, bar its own copy, and the same verdict — the copy renders as a card does, drawing
    what a card's render draws. Drawn with it, the dossier's truth is sound and passes `synth check`."""
    assert fresh_waves.dossiers_with_and_without(NAME, "renouvellement", (1,), tmp_path) == 1
    (path,) = (tmp_path / "1-0" / "truth").glob("*.json")
    truth = json.loads(path.read_text())
    assert truth_problems(truth) == [] and check_folder(tmp_path / "1-0" / "truth") == {}
    (permit,) = [piece for piece in truth["pieces"] if piece["type"] == "residence_permit"]
    assert {f"family:{NAME}", "render:photocopy"} <= set(permit["tags"]) and len(permit["mrz"]) == 3


def test_the_third_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece: every card not of the new family is the one made with it excluded, the generator's stream ends
    where it did, and both earlier fresh permit families are still drawn."""
    fresh_waves.earlier_draws_kept(NAME, "renouvellement", range(40), ("fra_card_2025", "fra_card_2016"))
