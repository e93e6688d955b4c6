"""Later diploma layouts (issue 9, point 5): an attestation de diplôme as a bordered table, and a
bilingual certificate in two columns (French left, English right), the holder surname first."""
from __future__ import annotations

import datetime as dt
import random

from synth.facts import DossierFacts
from synth.fmt import date_fr, date_slash
from synth.layout import A4, Flow, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES
from synth.pieces.base import body_font, bold

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def later_diploma_sheet(facts: DossierFacts, rng: random.Random, layout: str) -> tuple[Sheet, dt.date]:
    return {"attestation_table": _attestation_table, "certificat_two_col": _two_columns}[layout](facts, rng)


def _attestation_table(facts: DossierFacts, rng: random.Random) -> tuple[Sheet, dt.date]:
    person, d = facts.person, facts.diploma
    font = body_font(rng)
    flow = Flow(font, 10, top=20)
    sheet = flow.sheet
    sheet.add(Text(20, 22, d.institution, 11, bold(font)))
    sheet.add(Text(20, 27, "Direction des études et de la scolarité", 8.5, font))
    sheet.add(Text(A4[0] - 20, 22, f"Année universitaire {d.year - 1}-{d.year}", 9, font, align="right"))
    sheet.add(Text(A4[0] - 20, 27, f"N° étudiant : {rng.randint(20000000, 29999999)}", 9, font, align="right"))
    flow.y = 45
    flow.text("ATTESTATION DE DIPLÔME", 16, bold(font), "center")
    flow.space(8)
    flow.text("Le responsable de la scolarité certifie que l'étudiant(e) désigné(e) ci-dessous a satisfait aux "
              "épreuves du diplôme indiqué.", 10)
    flow.space(2)
    award_label = rng.choice(("Date d'obtention", "Date de validation", "Diplômé(e) le"))
    rows = [("Nom de famille", person.surname), ("Prénom(s)", d.given_names),
            ("Date de naissance", date_slash(person.birth_date)), ("Diplôme", d.title),
            ("Résultat", rng.choice(("Admis(e)", "Admis(e) – mention Bien", "Admis(e) – mention Assez bien"))),
            (award_label, date_fr(d.award_date, rng.choice(("long", "slash"))))]
    if rng.random() < 0.5:
        rows = rows[3:4] + rows[:3] + rows[4:]
    flow.table(rows, (55, 115), 10)
    flow.space(10)
    room = (facts.reference_date - d.award_date).days - 1
    made = d.award_date + dt.timedelta(days=rng.randint(min(2, room), max(2, min(60, room))))
    flow.text(f"{rng.choice(FRENCH_CITIES)[0]}, le {date_slash(made)}", align="right")
    flow.text("Le responsable de la scolarité", 9.5, align="right")
    return flow.finish()[0], d.award_date


def _two_columns(facts: DossierFacts, rng: random.Random) -> tuple[Sheet, dt.date]:
    person, d = facts.person, facts.diploma
    font = body_font(rng)
    sheet = Sheet()
    sheet.add(Text(A4[0] / 2, 24, d.institution.upper(), 13, bold(font), align="center"))
    sheet.add(Text(A4[0] / 2, 32, "CERTIFICAT DE DIPLÔME  –  DEGREE CERTIFICATE", 12, bold(font), align="center"))
    sheet.add(Rule(A4[0] / 2, 42, A4[0] / 2, 200, 0.2, (120, 120, 120)))
    award, born = d.award_date, person.birth_date
    holder = f"{person.surname} {d.given_names}"
    when_en = f"{MONTHS_EN[award.month - 1]} {award.day}, {award.year}"
    french = [("Le président de l'établissement certifie que", False), (holder, True),
              (f"né(e) le {date_slash(born)}", False), ("a obtenu le diplôme de", False), (d.title, True),
              (f"sur décision du jury réuni le {date_fr(award, rng.choice(('long', 'slash')))}.", False)]
    english = [("The president of the institution certifies that", False), (holder, True),
               (f"born on {date_slash(born)}", False), ("was awarded the degree of", False), (d.title, True),
               (f"by decision of the board of examiners on {when_en}.", False)]
    for x, block in ((20, french), (A4[0] / 2 + 8, english)):
        y = 55.0
        for text, strong in block:
            for line in wrap(text, bold(font) if strong else font, 11 if strong else 10, A4[0] / 2 - 30):
                sheet.add(Text(x, y, line, 11 if strong else 10, bold(font) if strong else font))
                y += 6.2
            y += 2.5
    sheet.add(Text(A4[0] / 2, 215, "Le président / The President", 9.5, font, align="center"))
    return sheet, award
