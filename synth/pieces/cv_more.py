"""Later CV layouts (issue 9, point 5): two columns, a Europass-style CV (labels in a left column),
a chronological table, and a coloured header band with a profile paragraph."""
from __future__ import annotations

import random

from synth.facts import DossierFacts
from synth.fonts import FontKey
from synth.layout import A4, Box, Flow, Rule, Sheet, Text, wrap
from synth.pieces.base import bold

LATER_CVS = ("two_column", "europass", "chronological_table", "header_band")
EMPLOYERS = ("Groupe Horizon", "Atelier Numérique", "Coopérative du Sud", "Société Lumière", "Cabinet Arcos")
ROLES = ("Assistant(e) de projet", "Stagiaire", "Chargé(e) de mission", "Technicien(ne)", "Vendeur(se)")


def later_cv_sheets(facts: DossierFacts, rng: random.Random, layout: str, font: FontKey) -> list[Sheet]:
    return {"two_column": _two_column, "europass": _europass, "chronological_table": _table,
            "header_band": _header_band}[layout](facts, rng, font)


def _jobs(facts: DossierFacts, rng: random.Random) -> list[tuple[str, str, str]]:
    year = facts.reference_date.year
    picks = rng.sample(range(len(EMPLOYERS)), 3)
    return [(f"{year - 2 - 2 * i} – {year - 1 - 2 * i}", rng.choice(ROLES), EMPLOYERS[k]) for i, k in enumerate(picks)]


def _contact(facts: DossierFacts, rng: random.Random) -> list[str]:
    person = facts.person
    mail = f"{person.given_names.split()[0].lower()}.{person.surname.lower().replace(' ', '')}@mail.example"
    phone = f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
    return [person.address, mail, phone]


def _two_column(facts: DossierFacts, rng: random.Random, font: FontKey) -> list[Sheet]:
    person, d = facts.person, facts.diploma
    sheet = Sheet()
    sheet.add(Text(20, 28, person.surname, 20, bold(font)), Text(20, 37, person.given_names, 14, font))
    for i, line in enumerate(_contact(facts, rng)):
        sheet.add(Text(A4[0] - 20, 24 + 5 * i, line[:48], 8.5, font, align="right"))
    sheet.add(Rule(20, 44, A4[0] - 20, 44, 0.5))

    def column(x: float, width: float, blocks: list[tuple[str, list[str]]]) -> None:
        y = 54.0
        for title, items in blocks:
            sheet.add(Text(x, y, title, 10.5, bold(font)))
            y += 6
            for item in items:
                for line in wrap(item, font, 9, width):
                    sheet.add(Text(x, y, line, 9, font))
                    y += 4.6
                y += 1.2
            y += 4

    jobs = [f"{when}  {role}, {where}" for when, role, where in _jobs(facts, rng)]
    column(20, 62, [("Formation", [f"{d.year} – {d.title}", d.institution]), ("Langues", ["Français (C1)", "Anglais (B2)"]),
                    ("Atouts", ["Rigueur", "Autonomie", "Esprit d'équipe"])])
    sheet.add(Rule(88, 50, 88, 200, 0.2, (150, 150, 150)))
    column(94, 96, [("Parcours professionnel", jobs), ("Centres d'intérêt", ["Course à pied, photographie, bénévolat"])])
    return [sheet]


def _europass(facts: DossierFacts, rng: random.Random, font: FontKey) -> list[Sheet]:
    person, d = facts.person, facts.diploma
    flow = Flow(font, 9.5, top=20)
    flow.text("Curriculum Vitae Europass", 15, bold(font))
    flow.rule(0.4)
    rows = [("Informations personnelles", f"{person.given_names} {person.surname}")]
    rows += [("", line) for line in _contact(facts, rng)]
    rows += [("Nationalité", person.demonym)]
    flow.pairs(rows, 58, bold(font))
    flow.space(4)
    flow.text("Expérience professionnelle", 11, bold(font))
    flow.pairs([(when, f"{role} – {where}") for when, role, where in _jobs(facts, rng)], 58)
    flow.space(4)
    flow.text("Éducation et formation", 11, bold(font))
    flow.pairs([(str(d.year), f"{d.title}, {d.institution}"), (str(d.year - 3), "Baccalauréat")], 58)
    flow.space(4)
    flow.text("Compétences personnelles", 11, bold(font))
    flow.pairs([("Langue(s) maternelle(s)", rng.choice(("Arabe", "Wolof", "Portugais", "Espagnol", "Hindi"))),
                ("Autres langues", "Français, anglais"), ("Compétences numériques", "Tableur, traitement de texte")], 58)
    return flow.finish()


def _table(facts: DossierFacts, rng: random.Random, font: FontKey) -> list[Sheet]:
    person, d = facts.person, facts.diploma
    flow = Flow(font, 9.5, top=22)
    flow.text(f"{person.given_names} {person.surname}".upper(), 16, bold(font), "center")
    flow.text("  •  ".join(_contact(facts, rng)[1:]), 8.5, font, "center")
    flow.space(5)
    flow.text("PARCOURS", 11, bold(font))
    flow.table([("Période", "Fonction", "Structure")] + [tuple(j) for j in _jobs(facts, rng)], (32, 70, 68), 9,
               bold(font))
    flow.space(3)
    flow.text("DIPLÔMES", 11, bold(font))
    flow.table([("Année", "Diplôme", "Établissement"), (str(d.year), d.title, d.institution)], (14, 74, 82), 8,
               bold(font))
    flow.space(3)
    flow.text("Permis B – disponible immédiatement", 9.5)
    return flow.finish()


def _header_band(facts: DossierFacts, rng: random.Random, font: FontKey) -> list[Sheet]:
    person, d = facts.person, facts.diploma
    flow = Flow(font, 10, top=52)
    sheet = flow.sheet
    color = rng.choice(((36, 72, 96), (90, 40, 70), (30, 90, 70)))
    sheet.add(Box(0, 0, A4[0], 40, fill=color, stroke=None))
    sheet.add(Text(20, 20, f"{person.given_names} {person.surname}", 20, bold(font), (255, 255, 255)))
    sheet.add(Text(20, 30, rng.choice(ROLES), 11, font, (235, 235, 235)))
    flow.text("Profil", 12, bold(font))
    flow.text(f"Diplômé(e) en {d.year} ({d.title}), je recherche un poste où mettre en œuvre mes compétences "
              "d'organisation et d'analyse.")
    flow.space(3)
    flow.text("Expériences", 12, bold(font))
    for when, role, where in _jobs(facts, rng):
        flow.text(f"{role} — {where}", 10, bold(font))
        flow.text(when, 9, font, color=(100, 100, 100))
    flow.space(3)
    flow.text("Formation", 12, bold(font))
    flow.text(f"{d.title} — {d.institution} ({d.year})")
    flow.space(3)
    flow.text("Contact", 12, bold(font))
    for line in _contact(facts, rng):
        flow.text(line, 9)
    return flow.finish()
