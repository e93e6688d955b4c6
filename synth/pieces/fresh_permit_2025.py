"""Fresh residence permit family `fra_card_2025` (written once `fra_card_english` and `fra_card_photo_right` had
been looked at): the French titre de séjour card as its newer design prints it. On the front, every label is in
French in small capitals with its English in italics on the line under it (never "Nom / Surname" on one line), the
value under both; the photo on the left, the surname and the given names on lines of their own, the nationality as
its three-letter code or as a word ("MAROCAINE"), the card's number under "N° du titre" in the top right corner, the
type of card and the end of validity, the place of birth, the holder's signature under the photo and the card access
number (six digits) in the bottom corner. On the back, a framed "REMARQUES" area holding the category (the long ones
wrap on two lines: "RECHERCHE D'EMPLOI/" over "CREATION D'ENTREPRISE"), the address on two lines, the "Date de
délivrance" and "Lieu de délivrance" (the prefecture), and the TD1 MRZ (`IR`) of the other permit families, exact.
Distractors: the date of issue beside the end of validity, the type of card beside the category, the access number
beside the card's number. Truth as on every permit card (permit_more.permit_piece)."""
from __future__ import annotations

import random
from typing import Literal

from synth.facts import DossierFacts
from synth.fmt import date_slash
from synth.fonts import FontKey, text_width_mm
from synth.layout import Box, Color, Rule, Sheet, Text, wrap
from synth.pieces.base import BuiltPiece, portrait
from synth.pieces.identity import guilloche
from synth.pieces.permit_more import permit_piece

LAYOUT = "fra_card_2025"
REGULAR, BOLD, ITALIC = FontKey("lsans"), FontKey("lsans", True), FontKey("lsans", italic=True)
NAVY: Color = (24, 44, 108)
LABEL: Color = (62, 68, 96)
INK: Color = (14, 14, 18)
RED: Color = (158, 30, 40)
Align = Literal["left", "center", "right"]
TINTS = ((236, 239, 247), (241, 237, 245), (233, 242, 240), (244, 241, 233))
LABEL_SIZE, ENGLISH_SIZE = 3.5, 3.2
REMARKS_WIDTH = 34.0  # the framed area: the long categories take two lines


def small_caps(sheet: Sheet, x: float, y: float, text: str, size: float, color: Color, align: Align = "left") -> None:
    """`text` in small capitals: its capitals (and digits) at `size`, its lower-case letters as capitals at 78 % of
    it, run by run."""
    runs: list[tuple[str, float]] = []
    for ch in text:
        run_size = size if (ch.isupper() or ch.isdigit()) else size * 0.78
        if runs and runs[-1][1] == run_size:
            runs[-1] = (runs[-1][0] + ch.upper(), run_size)
        else:
            runs.append((ch.upper(), run_size))
    width = sum(text_width_mm(run, REGULAR, run_size) for run, run_size in runs)
    if align == "right":
        x -= width
    for run, run_size in runs:
        sheet.add(Text(x, y, run, run_size, REGULAR, color))
        x += text_width_mm(run, REGULAR, run_size)


def fitted(text: str, size: float, width: float) -> float:
    """The largest size up to `size` at which `text` spans at most `width` mm in bold."""
    return min(size, size * width / text_width_mm(text, BOLD, size))


def field(sheet: Sheet, x: float, y: float, french: str, english: str, lines: list[str], size: float,
          align: Align = "left") -> None:
    """The French label in small capitals, its English in italics under it, the value's lines under both."""
    small_caps(sheet, x, y, french, LABEL_SIZE, LABEL, align)
    sheet.add(Text(x, y + 1.9, english, ENGLISH_SIZE, ITALIC, LABEL, align))
    for i, line in enumerate(lines):
        sheet.add(Text(x, y + 4.9 + 2.7 * i, line, size, BOLD, RED if french == "N° du titre" else INK, align))


def category_lines(category: str) -> list[str]:
    """The category as the card prints it in its REMARQUES area: on two lines when it is long, broken after the
    slash of "RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE" or between words."""
    if "/" in category and text_width_mm(category, BOLD, 5.4) > REMARKS_WIDTH:
        head, tail = category.split("/", 1)
        return [f"{head}/", tail]
    return wrap(category, BOLD, 5.4, REMARKS_WIDTH)


def _header(front: Sheet, number: str) -> None:
    for i, color in enumerate(((0, 35, 149), (255, 255, 255), (237, 41, 57))):
        front.add(Box(4 + 1.6 * i, 3.0, 1.6, 3.2, fill=color, stroke=None))
    front.add(Rule(4, 3.0, 8.8, 3.0, 0.1, (150, 150, 160)), Rule(4, 6.2, 8.8, 6.2, 0.1, (150, 150, 160)))
    front.add(Text(10.2, 5.6, "RÉPUBLIQUE FRANÇAISE", 4.2, BOLD, NAVY))
    front.add(Text(4, 11.2, "TITRE DE SÉJOUR", 7.4, BOLD, NAVY))
    front.add(Text(4, 13.8, "Residence permit", 4.0, ITALIC, NAVY))
    field(front, 82, 4.2, "N° du titre", "Document No.", [number], 6.4, "right")


def _signature(front: Sheet, rng: random.Random) -> None:
    x, y = 6.0, 48.0
    for _ in range(7):
        step = rng.uniform(1.2, 2.6)
        y1 = y + rng.uniform(-1.6, 1.6)
        front.add(Rule(x, y, x + step, y1, 0.18, (40, 40, 70)))
        x, y = x + step, y1


def _front(front: Sheet, facts: DossierFacts, date, rng: random.Random) -> None:
    person, permit = facts.person, facts.permit
    nationality = person.country.code if rng.random() < 0.5 else person.demonym.upper()
    until = rng.choice((("Valable jusqu'au", "Valid until"), ("Date d'expiration", "Date of expiry")))
    _header(front, permit.number)
    portrait(front, 4, 16.5, 20, 26, rng)
    _signature(front, rng)
    x = 27.0
    field(front, x, 16.0, "Nom", "Surname", [person.surname], fitted(person.surname, 6.4, 54))
    field(front, x, 22.9, "Prénoms", "Given names", [person.given_upper], fitted(person.given_upper, 6.0, 54))
    field(front, x, 29.8, "Sexe", "Sex", [person.sex], 5.8)
    field(front, x + 8.5, 29.8, "Nationalité", "Nationality", [nationality], 5.6)
    field(front, x + 31, 29.8, "Date de naissance", "Date of birth", [date(permit.birth_date)], 5.8)
    field(front, x, 36.7, "Type de titre", "Type of permit", [permit.card_type], fitted(permit.card_type, 4.8, 54))
    field(front, x, 43.6, *until, [date(permit.expiry_date)], 5.8)
    birthplace = f"{person.birth_city.upper()} ({person.country.code})"
    field(front, x + 25, 43.6, "Lieu de naissance", "Place of birth", [birthplace], fitted(birthplace, 5.0, 29))
    access = f"{rng.randint(0, 999_999):06d}"
    front.add(Text(82, 52.6, access, 4.2, REGULAR, INK, "right"))


def _back(back: Sheet, facts: DossierFacts, date, rng: random.Random) -> None:
    person, permit = facts.person, facts.permit
    back.add(Box(3.0, 2.2, REMARKS_WIDTH + 2.2, 12.2, fill=None, stroke=LABEL, width=0.15, radius=0.8))
    field(back, 4.1, 4.4, "Remarques", "Remarks", category_lines(permit.category), 5.4)
    street, town = person.address.upper().rsplit(", ", 1)
    field(back, 4.1, 18.2, "Adresse", "Address", [street, town], fitted(street, 4.8, 42))
    issued = [("Date de délivrance", "Date of issue", [date(permit.issue_date)], 5.4),
              ("Lieu de délivrance", "Place of issue", wrap(permit.prefecture, BOLD, 4.6, 34), 4.6)]
    if rng.random() < 0.4:
        issued.reverse()
    first, second = issued
    field(back, 48, 4.4, *first)
    field(back, 48, 4.4 + 5.5 + 2.7 * len(first[2]), *second)


def fra_card_2025(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    bg = rng.choice(TINTS)
    front, back = Sheet(85.6, 54.0, bg), Sheet(85.6, 54.0, bg)
    guilloche(front, rng, (max(bg[0] - 10, 0), max(bg[1] - 10, 0), max(bg[2] - 10, 0)))
    date = rng.choice((date_slash, lambda d: d.strftime("%d %m %Y")))
    _front(front, facts, date, rng)
    _back(back, facts, date, rng)
    return permit_piece(facts, LAYOUT, front, back)
