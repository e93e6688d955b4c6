"""Later company registration layouts (issue 9, point 5): a Kbis as one bordered table, an
online Kbis in two columns, and a registry certificate told in prose."""
from __future__ import annotations

import datetime as dt
import random

from synth.facts import DossierFacts
from synth.fmt import date_fr, date_slash, number_fr, siren_spaced
from synth.layout import A4, Box, Flow, Text
from synth.pieces.base import BuiltPiece, body_font, bold


def build_later_registration(facts: DossierFacts, rng: random.Random, layout: str) -> BuiltPiece:
    sheets = {"kbis_table": _kbis_table, "infogreffe_online": _online,
              "registry_letter": _registry_letter}[layout](facts, rng)
    reg = facts.registration
    fields = {"company_name": reg.company.name, "siren": reg.company.siren, "extract_date": reg.extract_date.isoformat()}
    return BuiltPiece("company_registration", f"company_registration:{layout}", fields, sheets=sheets)


def _registered(facts: DossierFacts, rng: random.Random) -> dt.date:
    return dt.date(facts.registration.company.registration_year, rng.randint(1, 12), rng.randint(3, 26))


def _kbis_table(facts: DossierFacts, rng: random.Random):
    """Every fact in one bordered two-column table; the date of the extract in a header line."""
    company, on = facts.registration.company, facts.registration.extract_date
    font = body_font(rng)
    flow = Flow(font, 9.5, top=18)
    flow.text(f"TRIBUNAL DE COMMERCE DE {company.city.upper()}", 9, bold(font), "right")
    flow.text(f"Date d'édition : {date_slash(on)}", 9, font, "right")
    flow.space(6)
    flow.text("EXTRAIT K BIS", 15, bold(font), "center")
    flow.text("Registre du commerce et des sociétés", 10, font, "center")
    flow.space(4)
    registered = _registered(facts, rng)
    rows = [("Numéro unique d'identification", siren_spaced(company.siren)),
            ("Raison sociale", company.name),
            ("Forme", company.legal_form_long),
            ("Capital", f"{number_fr(company.capital)} EUR"),
            ("Siège social", company.address),
            ("Immatriculé le", date_slash(registered)),
            ("Activité principale", company.activity),
            ("Représentant légal", company.manager)]
    head = rng.choice((("Rubrique", "Renseignement"), ("Intitulé", "Valeur")))
    order = rows[:1] + rng.sample(rows[1:4], 3) + rows[4:]
    flow.table([head] + order, (65, 105), 9, bold(font))
    flow.space(6)
    flow.text("Le greffier, pour extrait certifié conforme.", 9, font, "right")
    return flow.finish()


def _online(facts: DossierFacts, rng: random.Random):
    """A web print: a sidebar with the order, then labels above their values in two columns."""
    company, on = facts.registration.company, facts.registration.extract_date
    font = body_font(rng)
    flow = Flow(font, 10, margin=20, top=40)
    sheet = flow.sheet
    sheet.add(Box(0, 0, A4[0], 24, fill=(24, 60, 110), stroke=None))
    sheet.add(Text(12, 14, "Infogreffe – Documents officiels", 13, bold(font), (255, 255, 255)))
    order = f"{rng.randint(10, 99)}{rng.randint(1000000, 9999999)}"
    sheet.add(Text(A4[0] - 12, 14, f"Commande n° {order}", 8.5, font, (255, 255, 255), "right"))
    flow.text("Extrait Kbis certifié", 15, bold(font))
    flow.text(f"édité le {date_fr(on, rng.choice(('long', 'slash')))} à {rng.randint(8, 19)}:{rng.randint(0, 59):02d}",
              9.5, font)
    flow.space(4)
    city = company.city.upper()
    rows = [("Nom de l'entreprise", company.name),
            ("Immatriculation", f"RCS {city} B {siren_spaced(company.siren)}"),
            ("Forme juridique", company.legal_form_long),
            ("Capital social", f"{number_fr(company.capital)} €"),
            ("Date d'immatriculation", date_slash(_registered(facts, rng))),
            ("Dirigeant", company.manager)]
    flow.stacked(rows, label_above=True, columns=2, value_font=bold(font))
    flow.space(3)
    flow.text("Siège et établissement principal", 11, bold(font))
    flow.text(company.address)
    flow.text(f"Activité : {company.activity}")
    flow.space(8)
    flow.text("Document certifié par le greffier. La vérification de son authenticité se fait en ligne avec le "
              f"code {''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(8))}.", 8, font)
    return flow.finish()


def _registry_letter(facts: DossierFacts, rng: random.Random):
    """A registry certificate: the company, its number and the date told in sentences."""
    company, on = facts.registration.company, facts.registration.extract_date
    font = body_font(rng)
    flow = Flow(font, 11, margin=25, top=30)
    flow.text(f"Greffe du Tribunal de commerce de {company.city}", 11, bold(font))
    flow.text(f"Service du registre – réf. {rng.randint(2000, 2026)}B{rng.randint(10000, 99999)}", 8.5, font)
    flow.space(14)
    flow.text("CERTIFICAT D'IMMATRICULATION", 14, bold(font), "center")
    flow.space(8)
    registered = _registered(facts, rng)
    number = siren_spaced(company.siren) if rng.random() < 0.6 else company.siren
    flow.text(f"Le greffier soussigné certifie que la société {company.name}, {company.legal_form_long.lower()} "
              f"au capital de {number_fr(company.capital)} euros, dont le siège est situé {company.address}, "
              f"est immatriculée au registre du commerce et des sociétés de {company.city} sous le numéro "
              f"{number} depuis le {date_slash(registered)}.")
    flow.space(3)
    flow.text(f"Elle exerce l'activité suivante : {company.activity.lower()}. Son représentant légal est "
              f"{company.manager}.")
    flow.space(3)
    flow.text("Aucune procédure collective n'est mentionnée à ce jour.")
    flow.space(10)
    flow.text(f"Certificat établi à {company.city}, le {date_fr(on, rng.choice(('long', 'slash')))}.", align="right")
    flow.text("Le greffier", align="right")
    return flow.finish()
