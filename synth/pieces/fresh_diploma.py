"""Fresh diploma family `conferred`: a French state diploma on a portrait parchment — the
ministry's heading, the "Vu …" recitals, the degree on its own line, the holder's name after "est
conféré à", "Fait à …, le …" (the date it was conferred), three signatures (the holder's, the
rector's, the president's) and the diploma number and student number at the foot."""
from __future__ import annotations

import random

from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash
from synth.fonts import FontKey
from synth.layout import A4, Box, Sheet, Text, wrap
from synth.people import FRENCH_CITIES
from synth.pieces.base import BuiltPiece, FieldValue, bold

FRAME = (95, 75, 40)
RECITALS = ("Vu le code de l'éducation, notamment ses articles L. 613-1 et D. 613-1 et suivants ;",
            "Vu l'arrêté portant accréditation de l'établissement à délivrer le diplôme ;",
            "Vu les procès-verbaux du jury attestant que l'intéressé(e) a satisfait aux épreuves ;")


def _centered(sheet: Sheet, y: float, text: str, size: float, font: FontKey, width: float = 150) -> float:
    for line in wrap(text, font, size, width):
        sheet.add(Text(A4[0] / 2, y, line, size, font, align="center"))
        y += size * 0.3528 * 1.45
    return y


def conferred(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    font = FontKey(rng.choice(("serif", "lserif")))
    sheet = Sheet(background=rng.choice(((255, 255, 255), (252, 249, 240))))
    sheet.add(Box(9, 9, A4[0] - 18, A4[1] - 18, stroke=FRAME, width=1.4),
              Box(12.5, 12.5, A4[0] - 25, A4[1] - 25, stroke=FRAME, width=0.35))
    y = _centered(sheet, 30, "RÉPUBLIQUE FRANÇAISE", 12, bold(font))
    y = _centered(sheet, y + 1, "Ministère de l'Enseignement supérieur et de la Recherche", 9.5, font)
    y = _centered(sheet, y + 6, d.institution.upper(), 13, bold(font))
    y += 6
    for recital in RECITALS:
        for line in wrap(recital, font, 8.5, 160):
            sheet.add(Text(25, y, line, 8.5, font, (60, 60, 60)))
            y += 4.2
    y = _centered(sheet, y + 10, "le diplôme", 11, font)
    y = _centered(sheet, y + 3, d.title, 18, bold(font), 165)
    y = _centered(sheet, y + 6, "est conféré à", 11, font)
    holder = f"{d.given_names} {person.surname}" if rng.random() < 0.6 else f"{person.surname} {d.given_names}"
    y = _centered(sheet, y + 4, holder, 18, bold(font))
    y = _centered(sheet, y + 2, f"né(e) le {date_long(person.birth_date)} à {person.birth_city.title()} "
                                f"({person.country.name_fr})",
                  10, font)
    y = _centered(sheet, y + 4, f"au titre de l'année universitaire {d.year - 1}-{d.year}", 10, font)
    y = _centered(sheet, y + 4, "pour en jouir avec les droits et prérogatives qui y sont attachés.", 10, font)
    city = rng.choice(FRENCH_CITIES)[0]
    day = date_long(d.award_date) if rng.random() < 0.7 else date_slash(d.award_date)
    _centered(sheet, max(y + 12, 208), f"Fait à {city}, le {day}", 11, font)
    for x, who in ((40, "Le titulaire"), (A4[0] / 2, "Le recteur de région académique,\nchancelier des universités"),
                   (A4[0] - 40, "Le président de l'établissement")):
        for i, line in enumerate(who.split("\n")):
            sheet.add(Text(x, 228 + 4.2 * i, line, 8.5, font, align="center"))
    sheet.add(Text(20, 276, f"N° {d.year}{rng.randint(1000000, 9999999)}", 8, font, (80, 80, 80)),
              Text(A4[0] - 20, 276, f"INE : {rng.randint(10**9, 10**10 - 1)}{rng.choice('ABCDEFGHJK')}", 8, font,
                   (80, 80, 80), align="right"))
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names, "title": d.title,
              "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:conferred", fields, sheets=[sheet])
