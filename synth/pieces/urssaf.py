"""Attestation de vigilance: Urssaf letter, Urssaf table (1-2 pages), CGSS form (labels under
their values), MSA (two pages, "Fait à ..., le"), Urssaf online download (two header blocks,
right-aligned labels), typewriter-style form (capital labels, dot leaders, dotted dates). Distractors on every layout: the contributor
account number, an establishment's SIRET, the "situation arrêtée au" date."""
from __future__ import annotations

import datetime as dt
import random

from synth.facts import CertificateFacts, DossierFacts
from synth.families import FAMILIES
from synth.fmt import MONTHS_FR, date_fr, date_long, date_slash, siren_spaced, siret_spaced
from synth.fonts import FontKey
from synth.identifiers import establishment_siret, grouped
from synth.layout import A4, Box, Flow, Rule, Sheet, Text
from synth.pieces.base import BuiltPiece, addressee, body_font, bold, family

URSSAF_REGIONS = ("Île-de-France", "Rhône-Alpes", "Pays de la Loire", "Occitanie", "Bretagne", "Nord – Pas-de-Calais",
                  "Provence-Alpes-Côte d'Azur", "Aquitaine", "Alsace", "Centre-Val de Loire")
CGSS = (("de la Martinique", "Fort-de-France"), ("de la Guadeloupe", "Pointe-à-Pitre"),
        ("de La Réunion", "Saint-Denis"), ("de la Guyane", "Cayenne"))
MSA = (("Beauce Cœur de Loire", "Chartres"), ("Alpes du Nord", "Chambéry"), ("Gironde", "Bordeaux"),
       ("Midi-Pyrénées Nord", "Albi"), ("Bourgogne", "Dijon"), ("Grand Est", "Reims"))
LEGAL_TEXT = ("La présente attestation est délivrée au titre des articles L. 243-15 et D. 243-15 du code de la "
              "sécurité sociale. Elle permet au donneur d'ordre de s'assurer du respect de ses obligations "
              "(articles L. 8222-1 et D. 8222-5 du code du travail). Son authenticité peut être vérifiée en ligne "
              "à l'aide du code de sécurité.")
# the legal mention under the attestation an Urssaf online account delivers (printed by the fresh families
# `capture_ecran` and `courriel_urssaf`)
LEGAL_VIGILANCE = ("La présente attestation est délivrée en application des articles L. 243-15 et D. 243-15 du code "
                   "de la sécurité sociale. Elle permet au donneur d'ordre de satisfaire à son obligation de vigilance "
                   "(articles L. 8222-1 et D. 8222-5 du code du travail). Elle ne préjuge pas des résultats d'un "
                   "contrôle ultérieur.")


def build_urssaf_certificate(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    cert = facts.certificate
    others = tuple(n for n in FAMILIES["urssaf_certificate"] if n != "msa")
    try:  # the MSA certifies agricultural employers, the Urssaf (or a CGSS) the others
        layout = family(facts, rng, "urssaf_certificate", ("msa",) if cert.company.agricultural else others)
    except ValueError:  # the family filter left none of those
        layout = family(facts, rng, "urssaf_certificate")
    draw = {"urssaf_letter": _letter, "urssaf_table": _table, "cgss_form": _cgss, "msa": _msa,
            "urssaf_online": _online, "urssaf_dotted": _dotted}[layout]
    code_as_printed = grouped(cert.security_code) if rng.random() < 0.4 else cert.security_code
    sheets = draw(cert, body_font(rng), code_as_printed, rng)
    fields = {"company_name": cert.company.name, "siren": cert.siren, "issue_date": cert.issue_date.isoformat(),
              "security_code": code_as_printed}
    return BuiltPiece("urssaf_certificate", f"urssaf_certificate:{layout}", fields, sheets=sheets)


def _period(day: dt.date) -> str:
    return f"{MONTHS_FR[day.month - 1]} {day.year}"


def _letter(cert: CertificateFacts, font: FontKey, code: str, rng: random.Random) -> list[Sheet]:
    company = cert.company
    region = rng.choice(URSSAF_REGIONS)
    flow = Flow(font, 10, top=20)
    flow.text(f"Urssaf {region}", 13, bold(font))
    flow.text("Service entreprises – Recouvrement", 8.5)
    addressee(flow, (f"{company.name} {company.legal_form}", *company.address.split(", ")),
              f"{company.city}, le {date_long(cert.issue_date)}")
    flow.pairs([("Vos références", f"Compte cotisant n° {cert.account}"), ("SIREN", siren_spaced(cert.siren)),
                ("Objet", "Attestation de vigilance")], 38, bold(font))
    flow.space(4)
    flow.text("Madame, Monsieur,")
    flow.space(1.5)
    flow.text(f"Nous certifions que l'entreprise désignée ci-dessus, dont l'établissement principal est "
              f"immatriculé sous le SIRET {siret_spaced(establishment_siret(company, rng))}, a souscrit ses "
              f"déclarations sociales et s'est acquittée des cotisations et contributions dues. Cette attestation "
              f"est établie au vu de la situation arrêtée au {date_slash(cert.situation_date)}, pour les périodes "
              f"déclarées jusqu'au mois de {_period(cert.situation_date)}.")
    flow.space(2)
    flow.text(f"Code de sécurité : {code}", 10.5, bold(font))
    flow.space(2)
    flow.text(LEGAL_TEXT, 8.5)
    flow.space(8)
    flow.text(f"Le directeur de l'Urssaf {region}", align="right")
    return flow.finish()


def _table(cert: CertificateFacts, font: FontKey, code: str, rng: random.Random) -> list[Sheet]:
    company = cert.company
    flow = Flow(font, 9.5, top=18)
    flow.text("urssaf", 20, bold(font), color=(0, 70, 140))
    flow.text(f"Urssaf {rng.choice(URSSAF_REGIONS)}", 9)
    flow.space(6)
    flow.text("ATTESTATION DE VIGILANCE", 15, bold(font), "center")
    flow.text("Articles L. 243-15 et D. 243-15 du code de la sécurité sociale", 8.5, align="center")
    flow.space(5)
    siret = establishment_siret(company, rng)
    rows = [("Raison sociale", company.name), ("Forme juridique", company.legal_form_long),
            ("N° SIREN", siren_spaced(cert.siren)), ("SIRET de l'établissement", siret_spaced(siret)),
            ("N° de compte cotisant", cert.account), ("Situation arrêtée au", date_slash(cert.situation_date)),
            ("Date de délivrance", date_slash(cert.issue_date)), ("Code de sécurité", code)]
    if rng.random() < 0.5:  # the order varies between releases of the form
        rows = rows[:2] + [rows[4], rows[2], rows[3]] + rows[5:]
    flow.table(rows, (62, 108))
    flow.space(3)
    flow.text(f"L'Urssaf atteste que l'entreprise est à jour de ses obligations déclaratives et de paiement au "
              f"titre de la période allant jusqu'à {_period(cert.situation_date)}.")
    two_pages = rng.random() < 0.5
    if two_pages:
        flow.new_page()
        flow.text("Liste des établissements", 12, bold(font))
        flow.space(2)
        flow.table([("SIRET", "Adresse", "Effectif")] +
                   [(siret_spaced(establishment_siret(company, rng)), company.address[:48], str(rng.randint(1, 80)))
                    for _ in range(rng.randint(1, 3))], (45, 105, 20), 8.5, bold(font))
        flow.space(4)
    flow.text(LEGAL_TEXT, 8)
    return flow.finish()


def _cgss(cert: CertificateFacts, font: FontKey, code: str, rng: random.Random) -> list[Sheet]:
    company = cert.company
    where, city = rng.choice(CGSS)
    flow = Flow(font, 10.5, top=22)
    flow.text(f"CAISSE GÉNÉRALE DE SÉCURITÉ SOCIALE {where.upper()}", 11, bold(font), "center")
    flow.text("Direction du recouvrement", 9, align="center")
    flow.rule(0.6)
    flow.space(3)
    flow.text("Attestation de vigilance", 16, bold(font), "center")
    flow.space(5)
    flow.stacked([("Dénomination", f"{company.name} ({company.legal_form})"),
                  ("Identifiant SIREN", cert.siren),
                  ("Numéro de compte employeur", cert.account),
                  ("Situation des comptes au", date_slash(cert.situation_date)),
                  ("Délivrée le", date_slash(cert.issue_date)),
                  ("Établissement (SIRET)", establishment_siret(company, rng))],
                 label_above=False, value_font=bold(font))
    flow.space(4)
    flow.text("La caisse certifie que le cotisant ci-dessus est à jour de ses obligations de déclaration et de "
              "paiement des cotisations et contributions sociales à la date de la situation indiquée.")
    flow.space(4)
    flow.stacked([("Code de sécurité", code)], label_above=False, columns=1, value_font=bold(font))
    flow.space(6)
    flow.text(f"{city}, Le Directeur", align="right")
    flow.space(4)
    flow.text(LEGAL_TEXT, 8)
    return flow.finish()


def _msa(cert: CertificateFacts, font: FontKey, code: str, rng: random.Random) -> list[Sheet]:
    company = cert.company
    caisse, city = rng.choice(MSA)
    green = (20, 110, 60)

    def header(sheet: Sheet) -> None:
        sheet.add(Box(20, 12, 22, 12, fill=green, stroke=None), Text(31, 20.5, "MSA", 12, bold(font), (255, 255, 255), "center"))
        sheet.add(Text(46, 17, f"MSA {caisse}", 11, bold(font), green), Text(46, 22, "Mutualité Sociale Agricole", 8.5, font))
        sheet.add(Rule(20, 27, A4[0] - 20, 27, 0.5, green))

    flow = Flow(font, 10, top=36, header=header)
    flow.text("ATTESTATION DE VIGILANCE", 14, bold(font), "center")
    flow.text("Employeur de main-d'œuvre agricole", 10, align="center")
    flow.space(5)
    flow.pairs([("Raison sociale", company.name), ("Forme", company.legal_form),
                ("N° d'adhérent MSA", cert.account), ("SIREN", siren_spaced(cert.siren)),
                ("SIRET de l'exploitation", siret_spaced(establishment_siret(company, rng))),
                ("Adresse", company.address)], 52, bold(font))
    flow.space(4)
    quarter = (cert.situation_date.month - 1) // 3 + 1
    flow.text(f"La MSA {caisse} atteste que l'employeur désigné ci-dessus a satisfait à ses obligations de "
              f"déclaration et de paiement des cotisations sociales dues jusqu'au {date_fr(cert.situation_date, 'long')} "
              f"(période d'emploi du {'1er' if quarter == 1 else str(quarter) + 'e'} trimestre {cert.situation_date.year}).")
    flow.space(3)
    flow.text(f"Code d'authentification : {code}", 10.5, bold(font))
    flow.space(6)
    flow.text(f"Fait à {city}, le {date_fr(cert.issue_date, rng.choice(('long', 'slash')))}", align="right")
    flow.text("Pour le directeur général, par délégation", 9, align="right")
    flow.new_page()
    flow.text("Informations complémentaires", 12, bold(font))
    flow.space(2)
    flow.text(LEGAL_TEXT, 9)
    flow.space(2)
    flow.text("Cette attestation ne concerne que les cotisations gérées par la MSA. Elle ne vaut pas attestation de "
              "régularité fiscale.", 9)
    return flow.finish()


def _online(cert: CertificateFacts, font: FontKey, code: str, rng: random.Random) -> list[Sheet]:
    """Downloaded from the online account: two blocks side by side, values right-aligned."""
    company = cert.company
    flow = Flow(FontKey("condensed") if rng.random() < 0.5 else font, 9.5, top=16)
    sheet = flow.sheet
    sheet.add(Box(0, 0, A4[0], 14, fill=(0, 70, 140), stroke=None),
              Text(15, 9.5, "Urssaf – Mon compte en ligne", 11, bold(flow.font), (255, 255, 255)))
    left = [("Cotisant", company.name), ("SIREN", siren_spaced(cert.siren)), ("Compte", cert.account)]
    right = [("Date de délivrance", date_slash(cert.issue_date)), ("Situation au", date_slash(cert.situation_date)),
             ("Identifiant", code)]
    y = 26
    for (l_label, l_value), (r_label, r_value) in zip(left, right):
        sheet.add(Text(15, y, f"{l_label} :", 8.5, flow.font, (80, 80, 80)), Text(35, y, l_value, 9.5, bold(flow.font)),
                  Text(150, y, f"{r_label} :", 8.5, flow.font, (80, 80, 80), "right"),
                  Text(152, y, r_value, 9.5, bold(flow.font)))
        y += 6.5
    flow.y = y + 6
    flow.text("ATTESTATION DE VIGILANCE", 14, bold(flow.font), "center")
    flow.space(3)
    flow.text(f"Nous attestons que {company.name} ({company.legal_form_long}), pour son établissement "
              f"{siret_spaced(establishment_siret(company, rng))}, est à jour de ses obligations à l'égard de "
              f"l'Urssaf au {date_fr(cert.situation_date, 'long')}.")
    flow.space(2)
    flow.text(f"Pour vérifier cette attestation, saisissez l'identifiant {code} sur urssaf.fr.", 9)
    flow.space(3)
    flow.text(LEGAL_TEXT, 8)
    return flow.finish()


def _dotted(cert: CertificateFacts, font: FontKey, code: str, rng: random.Random) -> list[Sheet]:
    """A monospaced form: capital labels, dot leaders, dates as 12.05.2026."""
    company = cert.company
    mono = FontKey("mono")
    flow = Flow(mono, 9.5, top=24)
    flow.text(f"URSSAF {rng.choice(URSSAF_REGIONS).upper()}", 12, bold(mono))
    flow.text("ATTESTATION DE VIGILANCE (ART. L.243-15 CSS)", 11, bold(mono))
    flow.rule(0.5)
    flow.space(3)
    rows = [("RAISON SOCIALE", company.name), ("N° DE COMPTE", cert.account), ("SIREN", cert.siren),
            ("SIRET ÉTABLISSEMENT", establishment_siret(company, rng)),
            ("DÉLIVRÉE LE", cert.issue_date.strftime("%d.%m.%Y")),
            ("SITUATION ARRÊTÉE AU", cert.situation_date.strftime("%d.%m.%Y")), ("CODE DE SÉCURITÉ", code)]
    if rng.random() < 0.5:
        rows[4], rows[5] = rows[5], rows[4]
    flow.dotted(rows, 72)
    flow.space(4)
    flow.text("LE COTISANT EST À JOUR DE SES OBLIGATIONS DÉCLARATIVES ET DE PAIEMENT À LA DATE DE SITUATION "
              "CI-DESSUS.", 9)
    flow.space(3)
    flow.text(LEGAL_TEXT, 8, font)
    return flow.finish()
