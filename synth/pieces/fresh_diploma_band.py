"""Fresh diploma family `school_band`: a grande école's or university's diploma in landscape, the
way engineering and business schools print theirs — the institution's name in white on a coloured
header band beside its monogram, the "Vu …" recitals in a narrow left column, the grant in the wide
right column ("délivre le diplôme", the degree, "à", the holder), and at the foot a ruled box of
labelled cells whose "Date de délivrance" is the only date the page prints besides the birth date."""
from __future__ import annotations

import random

from synth.facts import DossierFacts
from synth.fmt import date_fr, date_long, date_slash
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Ellipse, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES
from synth.pieces.base import BuiltPiece, FieldValue, bold

WIDTH, HEIGHT = A4[1], A4[0]  # landscape
BANDS: tuple[Color, ...] = ((24, 50, 98), (118, 26, 44), (0, 92, 98), (52, 40, 96))
ACCENT: Color = (190, 150, 60)
GREY: Color = (70, 70, 70)
GRANT_X = 194.0  # centre of the right column
GRANT_WIDTH = 168.0
LEFT_X, LEFT_WIDTH = 18.0, 74.0
SCHOOL_WORDS = ("École", "Institut")
MENTIONS = ("Passable", "Assez bien", "Bien", "Très bien")
CLOSINGS = (("Ce diplôme est délivré en un seul exemplaire. Il appartient au titulaire d'en faire établir des copies "
             "certifiées conformes."),
            "Document officiel : toute falsification est passible de poursuites pénales (art. 441-1 du code pénal).")


def _monogram(institution: str) -> str:
    """The capital initials of the name's main words, as a school prints its logo."""
    skip = {"de", "des", "du", "la", "le", "et", "d'", "l'"}
    letters = [w[0] for w in institution.replace("'", "' ").replace("-", " ").split() if w.lower() not in skip]
    return "".join(letters).upper()[:5]


def _fit(text: str, font: FontKey, size: float, width: float, smallest: float) -> float:
    """The largest size down to `smallest` at which `text` holds on one line of `width`."""
    while size > smallest and text_width_mm(text, font, size) > width:
        size -= 0.5
    return size


def _lines(sheet: Sheet, x: float, y: float, text: str, size: float, font: FontKey, width: float,
           color: Color = (0, 0, 0), align: str = "center") -> float:
    """`text` wrapped to `width` from baseline `y`; returns the baseline after the last line."""
    for line in wrap(text, font, size, width):
        sheet.add(Text(x, y, line, size, font, color, align))  # type: ignore[arg-type]
        y += size * 0.3528 * 1.4
    return y


def _status(institution: str) -> str:
    """The line a school prints under its name: what accredits it."""
    if any(w in institution for w in ("Ingénieurs", "Polytechnique", "Arts et Métiers")):
        return "École habilitée par la Commission des titres d'ingénieur"
    if any(w in institution for w in ("Commerce", "Management", "Commerciales")):
        return "Établissement d'enseignement supérieur reconnu par l'État"
    return "Établissement public à caractère scientifique, culturel et professionnel"


def _head_of(institution: str) -> str:
    for word in SCHOOL_WORDS:
        if institution.startswith(word):
            return f"Le Directeur de l'{word}"
    return "Le Président de l'Université"


def _header(sheet: Sheet, institution: str, band: Color, font: FontKey) -> None:
    sheet.add(Box(0, 0, WIDTH, 36, fill=band, stroke=None), Rule(0, 37.2, WIDTH, 37.2, width=1.1, color=ACCENT))
    sheet.add(Box(14, 7, 22, 22, fill=(255, 255, 255), stroke=None, radius=2),
              Text(25, 21, _monogram(institution), _fit(_monogram(institution), bold(font), 13, 19, 7), bold(font),
                   band, "center"))
    status = _status(institution)
    size = _fit(institution, bold(font), 18, 150, 12)
    sheet.add(Text(42, 18, institution, size, bold(font), (255, 255, 255)),
              Text(42, 27, status, 8.5, font, (225, 230, 240)))
    sheet.add(Text(WIDTH - 14, 16, "RÉPUBLIQUE FRANÇAISE", 9, bold(font), (255, 255, 255), "right"),
              Text(WIDTH - 14, 22, "Liberté · Égalité · Fraternité", 7.5, FontKey(font.family, italic=True),
                   (225, 230, 240), "right"))


def _recitals(sheet: Sheet, institution: str, font: FontKey) -> None:
    """The left column: who grants, and on what grounds (no date: the jury's is the delivery date's)."""
    y = _lines(sheet, LEFT_X, 52, f"{_head_of(institution)},", 9.5, bold(font), LEFT_WIDTH, align="left") + 2
    for recital in ("Vu le code de l'éducation, et notamment son livre VI ;",
                    "Vu l'arrêté d'accréditation de l'établissement ;",
                    "Vu le règlement des études et des examens ;",
                    "Vu les résultats obtenus aux épreuves et les délibérations du jury ;",
                    "Sur proposition du directeur des études,"):
        y = _lines(sheet, LEFT_X, y, recital, 8, font, LEFT_WIDTH, GREY, "left") + 1.6
    sheet.add(Rule(LEFT_X + LEFT_WIDTH + 8, 46, LEFT_X + LEFT_WIDTH + 8, 150, width=0.25, color=ACCENT))


def _grant(sheet: Sheet, facts: DossierFacts, band: Color, font: FontKey, rng: random.Random) -> float:
    """The right column: the degree and its holder; returns the baseline after it."""
    person, d = facts.person, facts.diploma
    y = _lines(sheet, GRANT_X, 64, "DÉLIVRE LE DIPLÔME", 11, font, GRANT_WIDTH, GREY)
    title_size = _fit(d.title, bold(font), 21, GRANT_WIDTH, 14)
    y = _lines(sheet, GRANT_X, y + 8, d.title, title_size, bold(font), GRANT_WIDTH, band)
    y = _lines(sheet, GRANT_X, y + 6, "à", 11, font, GRANT_WIDTH, GREY)
    if rng.random() < 0.5:
        holder = f"{person.civility_long} {d.given_names} {person.surname}"
    else:
        holder = f"{person.surname} {d.given_names}"
    y = _lines(sheet, GRANT_X, y + 5, holder, _fit(holder, bold(font), 20, GRANT_WIDTH, 13), bold(font), GRANT_WIDTH)
    born = date_long(person.birth_date) if rng.random() < 0.5 else date_slash(person.birth_date)
    y = _lines(sheet, GRANT_X, y + 4, f"né(e) le {born} à {person.birth_city.title()} ({person.country.name_fr})",
               9.5, font, GRANT_WIDTH)
    if rng.random() < 0.6:
        y = _lines(sheet, GRANT_X, y + 6, f"avec la mention {rng.choice(MENTIONS)}", 10,
                   FontKey(font.family, italic=True), GRANT_WIDTH)
    return y


def _register(sheet: Sheet, facts: DossierFacts, font: FontKey, rng: random.Random) -> None:
    """The ruled box at the bottom left: labelled cells, the delivery date among them."""
    d = facts.diploma
    city = rng.choice(FRENCH_CITIES)[0]
    rows = [("Date de délivrance", date_fr(d.award_date, rng.choice(("long", "slash")))),
            ("Lieu de délivrance", city),
            ("N° du diplôme", f"{str(d.year)[2:]}-{rng.randint(10000, 99999)}-{rng.choice('ABCDEFGH')}"),
            ("Identifiant national (INE)", f"{rng.randint(10**9, 10**10 - 1)}{rng.choice('ABCDEFGHJK')}")]
    if rng.random() < 0.5:
        rows[1], rows[2] = rows[2], rows[1]
    x, y, label_w, value_w, row_h = LEFT_X, 158.0, 44.0, 40.0, 7.0
    for i, (label, value) in enumerate(rows):
        top = y + i * row_h
        sheet.add(Box(x, top, label_w, row_h, fill=(238, 238, 234), stroke=GREY, width=0.2),
                  Box(x + label_w, top, value_w, row_h, stroke=GREY, width=0.2),
                  Text(x + 1.5, top + 4.8, label, 7.5, font, GREY),
                  Text(x + label_w + 1.5, top + 4.8, value, 8.5, bold(font)))


def _signatures(sheet: Sheet, institution: str, band: Color, font: FontKey) -> None:
    blocks = (("Le titulaire",), (_head_of(institution),),
              ("Le Recteur de région académique,", "chancelier des universités"))
    for x, lines in zip((128, 190, 252), blocks):
        for i, line in enumerate(lines):
            sheet.add(Text(x, 164 + 4 * i, line, 8.5, font, align="center"))
    # the embossed seal, pale, between the two officials' signatures
    pale = tuple(round(c + (255 - c) * 0.8) for c in band)
    sheet.add(Ellipse(211, 171, 22, 22, fill=tuple(round(c + (255 - c) * 0.6) for c in band)),  # type: ignore[arg-type]
              Ellipse(213, 173, 18, 18, fill=pale))  # type: ignore[arg-type]


def school_band(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    font = FontKey(rng.choice(("lsans", "sans", "lserif")))
    band = rng.choice(BANDS)
    sheet = Sheet(WIDTH, HEIGHT, background=rng.choice(((255, 255, 255), (250, 248, 242))))
    _header(sheet, d.institution, band, font)
    _recitals(sheet, d.institution, font)
    _grant(sheet, facts, band, font, rng)
    _register(sheet, facts, font, rng)
    _signatures(sheet, d.institution, band, font)
    sheet.add(Text(WIDTH / 2, HEIGHT - 8, rng.choice(CLOSINGS), 6.5, FontKey(font.family, italic=True), GREY,
                   "center"))
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": d.title, "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:school_band", fields, sheets=[sheet])
