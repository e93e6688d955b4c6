"""Fresh company registration family `rne_extract`: an extract of the Registre national des
entreprises printed from the INPI's site — a logo block, "Extrait à jour au …" on the right,
sections under shaded bars ("Identité de l'entreprise", "Représentants" as a table,
"Établissement principal"), the RNE registration and activity start dates as distractors, the
principal establishment's SIRET beside the SIREN, and a closing sentence giving the extract's date
in words."""
from __future__ import annotations

import datetime as dt
import random

from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash, number_fr, siren_spaced, siret_spaced
from synth.fonts import FontKey
from synth.layout import A4, Box, Flow, Text
from synth.pieces.base import BuiltPiece, FieldValue, bold

BLUE = (0, 62, 120)


def _bar(flow: Flow, title: str) -> None:
    flow.space(4)
    flow.ensure(12)
    flow.sheet.add(Box(flow.margin, flow.y, flow.width, 6.5, fill=(222, 230, 240), stroke=None),
                   Text(flow.margin + 2, flow.y + 4.7, title, 9.5, bold(flow.font), BLUE))
    flow.y += 7


def rne_extract(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    company, on = facts.registration.company, facts.registration.extract_date
    font = FontKey(rng.choice(("lsans", "sans", "condensed")))
    flow = Flow(font, 9, margin=18, top=44)
    sheet = flow.sheet
    sheet.add(Box(18, 12, 24, 14, fill=BLUE, stroke=None), Text(30, 21.5, "INPI", 12, bold(font), (255, 255, 255),
                                                                 "center"),
              Text(46, 17, "Institut national de la propriété industrielle", 8, font, (70, 70, 70)),
              Text(46, 22.5, "Registre national des entreprises", 10, bold(font), BLUE),
              Text(A4[0] - 18, 17, f"Extrait à jour au {date_slash(on)}", 9, bold(font), align="right"),
              Text(A4[0] - 18, 22.5, f"Édité à {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}", 8, font,
                   (90, 90, 90), "right"))
    flow.y = 34
    flow.text("EXTRAIT D'IMMATRICULATION AU REGISTRE NATIONAL DES ENTREPRISES", 11.5, bold(font), "center")
    flow.text("Personne morale", 9, font, "center")
    registered = dt.date(company.registration_year, rng.randint(1, 12), rng.randint(2, 27))
    started = registered - dt.timedelta(days=rng.randint(0, 20))
    _bar(flow, "Identité de l'entreprise")
    flow.pairs([("Dénomination", company.name), ("SIREN (siège)", siren_spaced(company.siren)),
                ("Date d'immatriculation au RNE", date_slash(registered)),
                ("Début d'activité", date_slash(started)), ("Forme juridique", company.legal_form_long),
                ("Capital social", f"{number_fr(company.capital)} EUR"), ("Code APE", company.ape),
                ("Adresse du siège", company.address)], 62)
    _bar(flow, "Représentants")
    given, surname = company.manager.split(" ", 1)
    flow.table([("Qualité", "Nom", "Prénom(s)", "Date de prise de fonction"),
                ("Président" if company.legal_form.startswith("SA") else "Gérant", surname.upper(), given,
                 date_slash(registered))], (38, 50, 40, 46), 8.5, bold(font))
    _bar(flow, "Établissement principal")
    flow.pairs([("SIRET", siret_spaced(company.siret)), ("Adresse", company.address),
                ("Activité principale", company.activity), ("Origine du fonds", "Création"),
                ("Nature de l'établissement", "Siège et établissement principal")], 62)
    flow.space(8)
    flow.text(f"Le présent extrait, établi le {date_long(on)}, reproduit les informations inscrites au Registre "
              "national des entreprises à cette date. Il ne vaut pas extrait Kbis.", 8.5)
    flow.space(2)
    flow.text("Vérification de l'authenticité : data.inpi.fr", 8, font, color=(90, 90, 90))
    fields: dict[str, FieldValue] = {"company_name": company.name, "siren": company.siren, "extract_date": on.isoformat()}
    return BuiltPiece("company_registration", "company_registration:rne_extract", fields, sheets=flow.finish())
