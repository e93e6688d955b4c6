"""Company registration: Extrait Kbis (two layouts) and avis de situation Sirene; later layouts in
registry_more.py."""
from __future__ import annotations

import datetime as dt
import random

from synth.companies import SIRENE_CATEGORIES
from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash, number_fr, siren_spaced, siret_spaced
from synth.layout import Flow
from synth.pieces.base import BuiltPiece, body_font, bold, family
from synth.pieces.registry_more import build_later_registration


def build_company_registration(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    reg = facts.registration
    template = family(facts, rng, "company_registration")
    if template == "sirene":
        return _sirene(facts, rng)
    if template not in ("kbis", "kbis_compact"):
        return build_later_registration(facts, rng, template)
    company, extract = reg.company, reg.extract_date
    font = body_font(rng)
    flow = Flow(font, 10, top=20)
    greffe = f"Greffe du Tribunal de Commerce de {company.city}"
    registered = dt.date(company.registration_year, rng.randint(1, 12), rng.randint(3, 26))
    flow.text(greffe, 10, font, "center")
    flow.text(f"Code de vérification : {''.join(rng.choice('abcdefghjkmnpqrstuvwxyz') for _ in range(10))}", 7.5, font)
    flow.space(4)
    flow.text("Extrait Kbis", 16, bold(font), "center")
    flow.text("EXTRAIT D'IMMATRICULATION PRINCIPALE AU REGISTRE DU COMMERCE ET DES SOCIÉTÉS", 9, font, "center")
    flow.text(f"à jour au {date_long(extract)}", 10, font, "center")
    flow.space(5)
    identification = [
        ("Immatriculation au RCS, numéro", f"{siren_spaced(company.siren)} R.C.S. {company.city}"),
        ("Date d'immatriculation", date_slash(registered)),
        ("Dénomination ou raison sociale" if template == "kbis" else "Dénomination", company.name),
        ("Forme juridique", company.legal_form_long),
        ("Capital social", f"{number_fr(company.capital)} Euros"),
        ("Adresse du siège", company.address),
        ("Durée de la personne morale", f"Jusqu'au {date_slash(registered.replace(year=registered.year + 99))}"),
    ]
    management = [("Président" if company.legal_form.startswith("SA") else "Gérant", company.manager),
                  ("Nationalité", "Française")]
    activity = [("Adresse de l'établissement", company.address), ("Activité(s) exercée(s)", company.activity),
                ("Date de commencement d'activité", date_slash(registered)), ("Mode d'exploitation", "Exploitation directe")]
    sections = [("IDENTIFICATION DE LA PERSONNE MORALE", identification),
                ("GESTION, DIRECTION, ADMINISTRATION, CONTRÔLE, ASSOCIÉS OU MEMBRES", management),
                ("RENSEIGNEMENTS RELATIFS À L'ACTIVITÉ ET À L'ÉTABLISSEMENT PRINCIPAL", activity)]
    if template == "kbis_compact":
        sections = [sections[0], sections[2], sections[1]]
    for title, rows in sections:
        flow.text(title, 10, bold(font))
        flow.pairs(rows, 72)
        flow.rule()
        flow.space(3)
    flow.text("Le Greffier", 10, font, "right")
    flow.space(6)
    flow.text("FIN DE L'EXTRAIT", 10, font, "center")
    flow.space(4)
    flow.text(f"Extrait délivré le {date_slash(extract)}", 8, font)
    fields = {"company_name": company.name, "siren": company.siren, "extract_date": extract.isoformat()}
    return BuiltPiece("company_registration", f"company_registration:{template}", fields, sheets=flow.finish())


def _sirene(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    company, on = facts.registration.company, facts.registration.extract_date
    font = body_font(rng)
    flow = Flow(font, 10, top=22)
    flow.text("INSEE – Institut national de la statistique et des études économiques", 8.5, font)
    flow.space(6)
    flow.text("Avis de situation au répertoire Sirene", 15, bold(font), "center")
    flow.text(f"À la date du {date_slash(on)}", 11, font, "center")
    flow.space(6)
    flow.text("Entreprise", 11, bold(font))
    flow.pairs([("Identifiant SIREN", siren_spaced(company.siren)), ("Dénomination", company.name),
                ("Catégorie juridique", f"{SIRENE_CATEGORIES[company.legal_form]} – {company.legal_form_long}"),
                ("Activité principale (APE)", f"{company.ape} – {company.activity}"),
                ("Date de création", f"01/01/{company.registration_year}")], 65)
    flow.space(4)
    flow.text("Établissement", 11, bold(font))
    flow.pairs([("Identifiant SIRET", siret_spaced(company.siret)), ("Adresse", company.address),
                ("État administratif", "Actif")], 65)
    flow.space(8)
    flow.text("Cet avis de situation ne constitue pas un extrait d'immatriculation au registre du commerce.", 8, font)
    fields = {"company_name": company.name, "siren": company.siren, "extract_date": on.isoformat()}
    return BuiltPiece("company_registration", "company_registration:sirene", fields, sheets=flow.finish())
