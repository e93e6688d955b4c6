"""Fresh residence permit family `fra_card_2016` (wave 1, written once `fra_card_2025` had been looked at): the French
titre de séjour card as the older design prints it. On the front, "TITRE DE SÉJOUR" in a band across the top, the
type of card under it ("CARTE DE SÉJOUR TEMPORAIRE", "CARTE DE SÉJOUR PLURIANNUELLE") beside the card's number in
red, the photo on the left and, to its right, every label on the same line as its value ("NOM  DIALLO"), some of
them abbreviated ("PRÉN.", "NAT.", "NÉ(E) LE"), the dates as "12 03 2027" without separators, the end of validity
alone ("VALABLE JUSQU'AU") or after the date of issue ("VALABLE DU … AU …"), the place of birth after the date of
birth, and the category in smaller capitals, beside "TYPE / REMARQUES" or under "Catégorie", printed in full and
wrapped onto a second line when long (a round seal takes the right of the card). On the back, the address (street,
then postcode and town), "DATE ET LIEU DE DÉLIVRANCE" with the date and the town on one line, the issuing préfecture,
"AUTORISE SON TITULAIRE À TRAVAILLER" (on a student's card "… À TITRE ACCESSOIRE (964 H/AN)"; nothing on a pupil's),
the foreigner's number (AGDREF, ten digits) and the TD1 MRZ (`IR`) of the other permit families, exact.
Distractors: the date of issue beside the end of validity, the type of card beside the category, the foreigner's
number beside the card's number, the place of birth. Truth as on every permit card (permit_more.permit_piece)."""
from __future__ import annotations

import random

from synth.facts import DossierFacts, PermitFacts
from synth.fonts import FontKey, text_width_mm
from synth.layout import Box, Color, Ellipse, Sheet, Text, wrap
from synth.pieces.base import BuiltPiece, portrait
from synth.pieces.identity import guilloche
from synth.pieces.permit_more import permit_piece

LAYOUT = "fra_card_2016"
LABEL_FONT, VALUE_FONT = FontKey("condensed"), FontKey("sans", True)
SMALL_CAPS = FontKey("condensed", True)  # the category, smaller than the other values
BAND: Color = (30, 52, 122)
GREY: Color = (74, 78, 98)
INK: Color = (16, 16, 20)
RED: Color = (156, 28, 36)
TINTS = ((228, 236, 232), (236, 232, 240), (226, 234, 242), (240, 236, 226))
LABEL_SIZE, VALUE_SIZE, CATEGORY_SIZE = 3.4, 5.6, 4.6
LEFT, VALUES, SEAL = 26.0, 38.0, 68.0  # the label column, the value column, where the round seal begins
# the town a préfecture sits in, and its département (the first digits of the foreigner's number)
SEATS = {"PRÉFECTURE DU RHÔNE": ("LYON", "69"), "PRÉFECTURE DE POLICE": ("PARIS", "75"),
         "PRÉFECTURE DE LA GIRONDE": ("BORDEAUX", "33"), "PRÉFECTURE DU NORD": ("LILLE", "59"),
         "PRÉFECTURE DE LOIRE-ATLANTIQUE": ("NANTES", "44"), "PRÉFECTURE DE L'ISÈRE": ("GRENOBLE", "38")}


def date_spaced(d) -> str:
    """"12 03 2027": the older card's dates, without separators."""
    return d.strftime("%d %m %Y")


def category_lines(category: str, width: float) -> list[str]:
    """The category as printed: whole when it fits `width` at the category's size, else broken just after its slash
    ("RECHERCHE D'EMPLOI/" over "CREATION D'ENTREPRISE") or between words. The lines put back together, spaces
    aside, are the category."""
    def fits(text: str) -> bool:
        return text_width_mm(text, SMALL_CAPS, CATEGORY_SIZE) <= width

    if fits(category):
        return [category]
    head, slash, tail = category.partition("/")
    if slash and fits(head + slash):
        return [head + slash, *wrap(tail, SMALL_CAPS, CATEGORY_SIZE, width)]
    return wrap(category, SMALL_CAPS, CATEGORY_SIZE, width)


def work_mention(category: str) -> list[str]:
    """What the back says of work, by category: a pupil's card says nothing, a student's allows work on the side."""
    if category.endswith("ELEVE"):
        return []
    if category.startswith("ETUDIANT"):
        return ["AUTORISE SON TITULAIRE À TRAVAILLER", "À TITRE ACCESSOIRE (964 H/AN)"]
    return ["AUTORISE SON TITULAIRE À TRAVAILLER"]


def line(sheet: Sheet, y: float, label: str, value: str, x: float = LEFT, at: float | None = None,
         size: float = VALUE_SIZE, width: float = SEAL - VALUES) -> float:
    """The label and its value on the same line, the value at `at` (the value column) or just after the label; the
    value shrinks to fit `width`. Returns where the value ends."""
    sheet.add(Text(x, y, label, LABEL_SIZE, LABEL_FONT, GREY))
    start = at if at is not None else x + text_width_mm(label, LABEL_FONT, LABEL_SIZE) + 1.4
    size = min(size, size * width / max(text_width_mm(value, VALUE_FONT, size), 0.1))
    sheet.add(Text(start, y, value, size, VALUE_FONT, INK))
    return start + text_width_mm(value, VALUE_FONT, size)


def _band(front: Sheet, permit: PermitFacts) -> None:
    front.add(Box(0, 0, front.width, 9.0, fill=BAND, stroke=None))
    for i, color in enumerate(((0, 35, 149), (255, 255, 255), (237, 41, 57))):
        front.add(Box(3.5 + 1.5 * i, 2.4, 1.5, 4.2, fill=color, stroke=None))
    front.add(Text(10.0, 6.6, "TITRE DE SÉJOUR", 8.0, VALUE_FONT, (255, 255, 255)))
    front.add(Text(82.5, 4.4, "RÉPUBLIQUE FRANÇAISE", 3.4, LABEL_FONT, (255, 255, 255), "right"))
    front.add(Text(82.5, 7.6, "FRA", 4.6, VALUE_FONT, (255, 255, 255), "right"))
    front.add(Text(4, 13.4, permit.card_type.replace("SEJOUR", "SÉJOUR"), 5.0, VALUE_FONT, BAND))
    front.add(Text(82.5, 13.4, f"N° {permit.number}", 5.8, VALUE_FONT, RED, "right"))


def _seal(front: Sheet, bg: Color) -> None:
    """The round seal on the right of the front, where the values stop."""
    ring = (max(bg[0] - 40, 0), max(bg[1] - 40, 0), max(bg[2] - 30, 0))
    front.add(Ellipse(SEAL + 1.5, 37.0, 13.0, 13.0, fill=ring), Ellipse(SEAL + 2.1, 37.6, 11.8, 11.8, fill=bg))
    front.add(Text(SEAL + 8.0, 45.0, "RF", 6.0, VALUE_FONT, ring, "center"))


def _front(front: Sheet, facts: DossierFacts, rng: random.Random) -> None:
    person, permit = facts.person, facts.permit
    _band(front, permit)
    portrait(front, 4, 16.0, 19.5, 24.5, rng)
    line(front, 19.0, "NOM", person.surname, at=VALUES, width=82.5 - VALUES)
    line(front, 23.6, rng.choice(("PRÉN.", "PRÉNOMS")), person.given_upper, at=VALUES, width=82.5 - VALUES)
    line(front, 28.2, "SEXE", person.sex, at=VALUES)
    line(front, 28.2, "NAT.", person.country.code, x=VALUES + 8, at=VALUES + 14)
    born = line(front, 32.8, "NÉ(E) LE", date_spaced(permit.birth_date), at=VALUES)
    line(front, 32.8, "À", person.birth_city.upper(), x=born + 1.6, size=4.8, width=82.5 - born - 5)
    if rng.random() < 0.4:
        until = line(front, 37.4, "VALABLE DU", date_spaced(permit.issue_date), at=VALUES)
        line(front, 37.4, "AU", date_spaced(permit.expiry_date), x=until + 1.6)
    else:
        line(front, 37.4, "VALABLE JUSQU'AU", date_spaced(permit.expiry_date), at=VALUES + 4)
    if rng.random() < 0.5:
        label = "TYPE / REMARQUES"
        front.add(Text(LEFT, 42.6, label, LABEL_SIZE, LABEL_FONT, GREY))
        x, y = LEFT + text_width_mm(label, LABEL_FONT, LABEL_SIZE) + 1.4, 42.6
    else:
        front.add(Text(LEFT, 42.6, "Catégorie", LABEL_SIZE, LABEL_FONT, GREY))
        x, y = LEFT, 46.0
    for i, text in enumerate(category_lines(permit.category, SEAL - x)):
        front.add(Text(x, y + 3.2 * i, text, CATEGORY_SIZE, SMALL_CAPS, INK))


def _back(back: Sheet, facts: DossierFacts, rng: random.Random) -> None:
    person, permit = facts.person, facts.permit
    town, department = SEATS.get(permit.prefecture, (permit.prefecture.split()[-1], "75"))
    street, place = person.address.upper().rsplit(", ", 1)
    # (label, the value beside it, the line under it, whether that line goes under the value or under the label)
    address = [("ADRESSE", street, place, True)]
    issue = [("DATE ET LIEU DE DÉLIVRANCE", f"{date_spaced(permit.issue_date)}  {town}", permit.prefecture, False)]
    y = 5.0
    for label, first, second, under_value in (address + issue) if rng.random() < 0.6 else (issue + address):
        line(back, y, label, first, x=4.0, size=5.0, width=60)
        x = 4.0 + text_width_mm(label, LABEL_FONT, LABEL_SIZE) + 1.4 if under_value else 4.0
        back.add(Text(x, y + 3.6, second, 5.0, VALUE_FONT, INK))
        y += 8.4
    for i, text in enumerate(work_mention(permit.category)):
        back.add(Text(4.0, y + 3.2 * i, text, 4.6, SMALL_CAPS, INK))
    foreigner = f"{department}{rng.randint(0, 99_999_999):08d}"
    line(back, 29.4, "N° ÉTRANGER", foreigner, x=4.0, size=4.6)


def fra_card_2016(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    bg = rng.choice(TINTS)
    front, back = Sheet(85.6, 54.0, bg), Sheet(85.6, 54.0, bg)
    guilloche(front, rng, (max(bg[0] - 12, 0), max(bg[1] - 12, 0), max(bg[2] - 12, 0)))
    _seal(front, bg)
    _front(front, facts, rng)
    _back(back, facts, rng)
    return permit_piece(facts, LAYOUT, front, back)
