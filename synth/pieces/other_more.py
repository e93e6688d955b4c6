"""Later pieces of type `other` (issue 9, point 5): an energy bill used as proof of address, a
tax notice, and a health insurance rights certificate. Each prints a name, an address, dates and
amounts that no required piece's field should be read from."""
from __future__ import annotations

import datetime as dt
import random

from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash, euros
from synth.layout import A4, Box, Flow, Sheet, Text
from synth.pieces.base import body_font, bold

LATER_OTHERS = ("facture_energie", "avis_imposition", "attestation_droits")


def later_other_sheets(facts: DossierFacts, rng: random.Random, kind: str) -> list[Sheet]:
    return {"facture_energie": _energy_bill, "avis_imposition": _tax_notice,
            "attestation_droits": _health_rights}[kind](facts, rng)


def _energy_bill(facts: DossierFacts, rng: random.Random) -> list[Sheet]:
    person = facts.person
    font = body_font(rng)
    flow = Flow(font, 9.5, top=50)
    sheet = flow.sheet
    supplier = rng.choice(("Énergie Bleue", "Volta Électricité", "Gaz & Lumière de France"))
    sheet.add(Box(0, 0, A4[0], 14, fill=(0, 110, 160), stroke=None))
    sheet.add(Text(20, 10, supplier, 12, bold(font), (255, 255, 255)))
    issued = facts.reference_date - dt.timedelta(days=rng.randint(10, 60))
    sheet.add(Text(20, 26, "FACTURE D'ÉLECTRICITÉ", 13, bold(font)))
    sheet.add(Text(20, 32, f"Facture n° {rng.randint(10**9, 10**10 - 1)} du {date_slash(issued)}", 9, font))
    sheet.add(Text(120, 26, f"{person.civility} {person.given_names} {person.surname}", 10, bold(font)))
    sheet.add(Text(120, 31, person.address[:45], 9, font))
    flow.text(f"Référence client : {rng.randint(10**7, 10**8 - 1)}   –   Point de livraison : {rng.randint(10**13, 10**14 - 1)}",
              8.5)
    flow.space(3)
    start = issued.replace(day=1) - dt.timedelta(days=61)
    kwh = rng.randint(250, 900)
    price = round(kwh * 0.2516, 2)
    subscription = round(rng.uniform(25, 45), 2)
    flow.table([("Détail", "Période", "Montant HT"),
                ("Abonnement", f"du {date_slash(start)} au {date_slash(issued)}", euros(subscription)),
                (f"Consommation {kwh} kWh", "relevé réel", euros(price)),
                ("Taxes et contributions", "", euros(round((price + subscription) * 0.2, 2)))], (60, 70, 40), 9, bold(font))
    flow.space(3)
    total = round((price + subscription) * 1.2, 2)
    flow.text(f"Montant total TTC à payer : {euros(total)}", 11, bold(font))
    flow.text(f"Prélevé le {date_slash(issued + dt.timedelta(days=14))} sur votre compte.", 9)
    return flow.finish()


def _tax_notice(facts: DossierFacts, rng: random.Random) -> list[Sheet]:
    person = facts.person
    font = body_font(rng)
    flow = Flow(font, 9.5, top=22)
    year = facts.reference_date.year - 1
    flow.text("DIRECTION GÉNÉRALE DES FINANCES PUBLIQUES", 9, bold(font))
    flow.text(f"AVIS D'IMPÔT {year} SUR LES REVENUS DE L'ANNÉE {year - 1}", 12, bold(font), "center")
    flow.space(4)
    fiscal = " ".join(str(rng.randint(lo, hi)) for lo, hi in ((10, 39), (10, 99), (100, 999), (100, 999), (100, 999)))
    notice = f"{year % 100} {rng.randint(10, 99)} {rng.randint(1000000, 9999999)} {rng.randint(10, 99)}"
    flow.stacked([("Déclarant 1", f"{person.surname} {person.given_names}"), ("Adresse", person.address),
                  ("Numéro fiscal", fiscal), ("Référence de l'avis", notice)], label_above=True, columns=2)
    flow.space(3)
    income = rng.randint(14000, 42000)
    flow.text("Vos revenus", 11, bold(font))
    flow.dotted([("Salaires déclarés", euros(income, "€")), ("Revenu brut global", euros(round(income * 0.9), "€")),
                 ("Revenu fiscal de référence", euros(round(income * 0.9), "€")), ("Nombre de parts", "1,00")], 90)
    flow.space(3)
    tax = max(0, round((income * 0.9 - 11294) * 0.11))
    flow.text(f"Impôt sur le revenu net : {euros(tax, '€')}", 10.5, bold(font))
    flow.text(f"Date de mise en recouvrement : {date_long(dt.date(year, 7, 31))}", 9)
    return flow.finish()


def _health_rights(facts: DossierFacts, rng: random.Random) -> list[Sheet]:
    person = facts.person
    font = body_font(rng)
    flow = Flow(font, 10, margin=24, top=26)
    fund = rng.choice(("Paris", "Rhône", "Bouches-du-Rhône", "Haute-Garonne", "Nord", "Gironde"))
    flow.text(f"Caisse primaire d'assurance maladie – {fund}", 10, bold(font))
    flow.space(10)
    flow.text("ATTESTATION DE DROITS À L'ASSURANCE MALADIE", 13, bold(font), "center")
    flow.space(6)
    on = facts.reference_date - dt.timedelta(days=rng.randint(5, 40))
    number = f"{1 if person.sex == 'M' else 2} {person.birth_date:%y %m} 99 {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(10, 97)}"
    flow.text(f"L'Assurance Maladie atteste que {person.civility_long} {person.given_names} {person.surname}, "
              f"né(e) le {date_slash(person.birth_date)}, immatriculé(e) sous le numéro {number}, bénéficie de la "
              f"prise en charge de ses frais de santé à compter du {date_slash(on.replace(day=1))}.")
    flow.space(4)
    flow.pairs([("Régime", "Régime général"), ("Complémentaire santé solidaire", "non"),
                ("Droits ouverts jusqu'au", date_slash(on.replace(year=on.year + 1)))], 70)
    flow.space(8)
    flow.text(f"Fait le {date_slash(on)}, pour servir et valoir ce que de droit.", align="right")
    return flow.finish()
