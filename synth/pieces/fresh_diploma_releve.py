"""Fresh diploma family `releve_resultats` (third wave): the "relevé de notes et attestation de
réussite" a university's registrar prints at the end of the final year — portrait, one column, a
narrow coloured rule down the left edge of the header, the student identified in a horizontal grid
(labels in a shaded row, values under them), the degree's name in a framed strip, the year's
teaching units with their credits and marks out of 20, then the jury's decision with the date it
sat (the date conferred), a later "Édité le" and the registrar's stamp."""
from __future__ import annotations

import datetime as dt
import random

from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Rule, Sheet, Text
from synth.people import FRENCH_CITIES
from synth.pieces.base import BuiltPiece, FieldValue, bold

INKS: tuple[Color, ...] = ((0, 84, 140), (150, 30, 60), (30, 100, 60), (90, 60, 130))
SHADE: Color = (232, 234, 238)
GREY: Color = (85, 85, 85)
LEFT, RIGHT = 16.0, A4[0] - 16.0
HEADINGS = ("RELEVÉ DE NOTES ET ATTESTATION DE RÉUSSITE", "RELEVÉ DE NOTES ET RÉSULTATS",
            "ATTESTATION DE RÉUSSITE ET RELEVÉ DE NOTES")
SURNAME_LABELS = ("Nom", "Nom de naissance", "Nom patronymique")
GIVEN_LABELS = ("Prénom(s)", "Prénoms")
# teaching units by a word of the degree's name; the first match wins, the last is the fallback
UNITS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("informatique", "systèmes"), ("Architecture des systèmes", "Algorithmique avancée", "Réseaux et protocoles",
                                    "Génie logiciel", "Bases de données", "Anglais scientifique",
                                    "Projet tutoré", "Stage en entreprise")),
    (("gestion", "comptabilité", "économie", "management"),
     ("Comptabilité financière", "Contrôle de gestion", "Droit des affaires", "Marketing stratégique",
      "Finance d'entreprise", "Anglais des affaires", "Projet professionnel", "Stage en entreprise")),
    (("chimie",), ("Chimie analytique instrumentale", "Spectroscopies", "Chromatographie", "Chimiométrie",
                   "Qualité et normes", "Anglais scientifique", "Projet de recherche", "Stage en laboratoire")),
    (("infirmier",), ("Sciences humaines et droit", "Sciences biologiques et médicales", "Soins infirmiers",
                      "Pharmacologie et thérapeutiques", "Santé publique", "Anglais", "Intégration des savoirs",
                      "Stage clinique")),
    ((), ("Méthodologie", "Enseignements fondamentaux", "Enseignements d'approfondissement", "Langue vivante",
          "Projet tutoré", "Stage")),
)


def _units_for(title: str) -> tuple[str, ...]:
    low = title.lower()
    return next(units for words, units in UNITS if not words or any(w in low for w in words))


def _mark(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def _credits(units: int, total: int, rng: random.Random) -> list[int]:
    """`total` ECTS over `units` units, in threes, at least three each (a semester is worth 30)."""
    credits = [3] * units
    for _ in range((total - 3 * units) // 3):
        credits[rng.randrange(units)] += 3
    return credits


def _mention(average: float) -> str:
    for floor, name in ((16, "Très bien"), (14, "Bien"), (12, "Assez bien")):
        if average >= floor:
            return name
    return "Passable"


def _header(sheet: Sheet, institution: str, ink: Color, font: FontKey, rng: random.Random) -> None:
    sheet.add(Box(LEFT, 14, 2.2, 22, fill=ink, stroke=None),
              Text(LEFT + 6, 21, institution, 13, bold(font), ink),
              Text(LEFT + 6, 27, rng.choice(("Direction des études et de la vie étudiante",
                                             "Service central de la scolarité", "Pôle formation — scolarité")),
                   8.5, font, GREY),
              Text(LEFT + 6, 32, f"Tél. 0{rng.randint(1, 5)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                                 f"{rng.randint(10, 99)} {rng.randint(10, 99)}", 8, font, GREY))
    code = f"Réf. SCOL/{rng.randint(100, 999)}-{rng.choice('ABCDEFGH')}{rng.randint(10, 99)}"
    sheet.add(Text(RIGHT, 21, code, 8, font, GREY, "right"))


def _identity_grid(sheet: Sheet, facts: DossierFacts, font: FontKey, rng: random.Random, y: float) -> float:
    """Labels in a shaded row, values in the row beneath: the holder as a registrar's file shows them."""
    person, d = facts.person, facts.diploma
    cells = [(rng.choice(SURNAME_LABELS), person.surname, 46.0), (rng.choice(GIVEN_LABELS), d.given_names, 48.0),
             ("Né(e) le", date_slash(person.birth_date), 26.0),
             ("N° étudiant", str(rng.randint(20_000_000, 29_999_999)), 24.0),
             ("INE", f"{rng.randint(10**9, 10**10 - 1)}{rng.choice('ABCDEFGHJK')}", RIGHT - LEFT - 144.0)]
    x = LEFT
    for label, value, width in cells:
        size = 9.5
        while size > 7 and text_width_mm(value, bold(font), size) > width - 3:
            size -= 0.5
        sheet.add(Box(x, y, width, 6.5, fill=SHADE, stroke=GREY, width=0.2),
                  Box(x, y + 6.5, width, 8, stroke=GREY, width=0.2),
                  Text(x + 1.5, y + 4.6, label, 7.5, font, GREY),
                  Text(x + 1.5, y + 12, value, size, bold(font)))
        x += width
    return y + 14.5


def _degree_strip(sheet: Sheet, facts: DossierFacts, ink: Color, font: FontKey, rng: random.Random, y: float) -> float:
    d = facts.diploma
    size = 14.0
    while size > 10 and text_width_mm(d.title, bold(font), size) > RIGHT - LEFT - 8:
        size -= 0.5
    sheet.add(Box(LEFT, y, RIGHT - LEFT, 17, stroke=ink, width=0.5),
              Text(LEFT + 4, y + 5, rng.choice(("Formation suivie", "Diplôme préparé", "Intitulé de la formation")),
                   7.5, font, GREY),
              Text(LEFT + 4, y + 12.5, d.title, size, bold(font), ink),
              Text(RIGHT - 4, y + 5, f"Année universitaire {d.year - 1}-{d.year}", 7.5, font, GREY, "right"))
    return y + 17


def _results(sheet: Sheet, facts: DossierFacts, ink: Color, font: FontKey, rng: random.Random,
             y: float) -> tuple[float, float, int]:
    """The units' table; returns (the baseline under it, the weighted average, the credits)."""
    units = list(_units_for(facts.diploma.title))
    columns = (("Code", 22.0), ("Unité d'enseignement", 88.0), ("Crédits ECTS", 22.0), ("Note / 20", 22.0),
               ("Résultat", RIGHT - LEFT - 154.0))
    x = LEFT
    for name, width in columns:
        sheet.add(Box(x, y, width, 7, fill=ink, stroke=None), Text(x + 1.5, y + 4.8, name, 8, bold(font),
                                                                    (255, 255, 255)))
        x += width
    y += 7
    prefix = rng.choice(("UE", "EC", "U"))
    total, weight = 0.0, 0
    half = len(units) // 2
    for semester, part in ((1, units[:half]), (2, units[half:])):
        credits = _credits(len(part), 30, rng)
        sheet.add(Box(LEFT, y, RIGHT - LEFT, 6, fill=SHADE, stroke=None),
                  Text(LEFT + 1.5, y + 4.3, f"Semestre {semester} — 30 crédits", 8, bold(font), GREY))
        y += 6
        for i, (unit, credit) in enumerate(zip(part, credits)):
            mark = round(rng.uniform(10.0, 17.8), 2)
            total, weight = total + mark * credit, weight + credit
            row = (f"{prefix}{semester}{i + 1:02d}", unit, str(credit), _mark(mark), "Acquis")
            x = LEFT
            for (_, width), value in zip(columns, row):
                sheet.add(Text(x + 1.5, y + 4.6, value, 8.5, font))
                x += width
            y += 6.5
    sheet.add(Rule(LEFT, y, RIGHT, y, width=0.4, color=ink))
    average = total / weight
    sheet.add(Text(LEFT + 1.5, y + 5.5, "Moyenne générale pondérée", 9, bold(font)),
              Text(LEFT + 111.5, y + 5.5, str(weight), 9, bold(font)),
              Text(LEFT + 133.5, y + 5.5, _mark(average), 9, bold(font)))
    return y + 8, average, weight


def _decision(sheet: Sheet, facts: DossierFacts, average: float, credits: int, font: FontKey, rng: random.Random,
              y: float) -> float:
    """The jury's decision: the date it sat is the date the degree was conferred."""
    d = facts.diploma
    sat = date_long(d.award_date) if rng.random() < 0.6 else date_slash(d.award_date)
    lines = [("Décision du jury", f"ADMIS(E) — mention {_mention(average)}"),
             ("Jury réuni le", sat),
             ("Crédits acquis", f"{credits} ECTS sur {credits}")]
    if rng.random() < 0.5:
        lines[0], lines[1] = lines[1], lines[0]
    sheet.add(Box(LEFT, y, 110, 7 * len(lines) + 3, fill=(250, 250, 246), stroke=GREY, width=0.25))
    for i, (label, value) in enumerate(lines):
        base = y + 6.5 + 7 * i
        sheet.add(Text(LEFT + 3, base, f"{label} :", 9.5, font, GREY), Text(LEFT + 38, base, value, 10, bold(font)))
    return y + 7 * len(lines) + 3


def _foot(sheet: Sheet, facts: DossierFacts, ink: Color, font: FontKey, rng: random.Random, y: float) -> None:
    d = facts.diploma
    room = (facts.reference_date - d.award_date).days - 1  # printed before the dossier was sent
    edited = d.award_date + dt.timedelta(days=rng.randint(min(3, room), max(3, min(75, room))))
    city = rng.choice(FRENCH_CITIES)[0]
    sheet.add(Text(RIGHT, y + 10, f"{city}, édité le {date_slash(edited)}", 9.5, font, align="right"),
              Text(RIGHT, y + 16, "Pour le président et par délégation,", 8.5, font, align="right"),
              Text(RIGHT, y + 20.5, "la responsable du service de la scolarité", 8.5, font, align="right"))
    # the registrar's rubber stamp, in the header's ink
    sheet.add(Box(RIGHT - 62, y + 26, 40, 16, stroke=ink, width=0.6, radius=3),
              Text(RIGHT - 42, y + 32.5, "SCOLARITÉ", 8, bold(font), ink, "center"),
              Text(RIGHT - 42, y + 37.5, city.upper(), 7, font, ink, "center"))
    note = ("Ce relevé ne se substitue pas au diplôme, délivré ultérieurement. Aucun duplicata ne sera établi : "
            "conservez l'original et n'en communiquez que des copies.")
    sheet.add(Text(A4[0] / 2, A4[1] - 12, note[:note.index(":") + 1], 7, FontKey(font.family, italic=True), GREY,
                   "center"),
              Text(A4[0] / 2, A4[1] - 8.5, note[note.index(":") + 2:], 7, FontKey(font.family, italic=True), GREY,
                   "center"))


def releve_resultats(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    font = FontKey(rng.choice(("condensed", "lsans", "sans")))
    ink = rng.choice(INKS)
    sheet = Sheet(background=rng.choice(((255, 255, 255), (253, 253, 250))))
    _header(sheet, d.institution, ink, font, rng)
    sheet.add(Text(A4[0] / 2, 50, rng.choice(HEADINGS), 13.5, bold(font), align="center"),
              Text(A4[0] / 2, 56, f"Session {d.year}", 9.5, font, GREY, "center"))
    y = _identity_grid(sheet, facts, font, rng, 64)
    y = _degree_strip(sheet, facts, ink, font, rng, y + 6)
    y, average, credits = _results(sheet, facts, ink, font, rng, y + 7)
    y = _decision(sheet, facts, average, credits, font, rng, y + 6)
    _foot(sheet, facts, ink, font, rng, y)
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": d.title, "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:releve_resultats", fields, sheets=[sheet])
