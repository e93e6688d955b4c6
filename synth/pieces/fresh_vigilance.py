"""Fresh attestation de vigilance family `cssm_mayotte`: issued by the Caisse de Sécurité Sociale
de Mayotte, which collects contributions there — the caisse's heading, the addressee on the right,
a horizontal table (raison sociale / SIREN / n° employeur) instead of label-value rows, the
situation's date in prose, "Délivrée à Mamoudzou, le …" as the issue date, and the security code
labelled "Code de vérification"."""
from __future__ import annotations

import random

from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash, siren_spaced, siret_spaced
from synth.fonts import FontKey
from synth.identifiers import establishment_siret, grouped
from synth.layout import A4, Box, Flow, Rule, Text
from synth.pieces.base import BuiltPiece, FieldValue, addressee, bold

TEAL = (0, 105, 110)


def cssm_mayotte(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    cert = facts.certificate
    company = cert.company
    font = FontKey(rng.choice(("sans", "lsans", "serif")))
    code = grouped(cert.security_code) if rng.random() < 0.4 else cert.security_code
    flow = Flow(font, 9.5, margin=20, top=40)
    flow.sheet.add(Box(20, 12, 5, 18, fill=TEAL, stroke=None),
                   Text(29, 18, "CAISSE DE SÉCURITÉ SOCIALE DE MAYOTTE", 11.5, bold(font), TEAL),
                   Text(29, 23, "Direction du recouvrement – Service des cotisants employeurs", 8.5, font),
                   Text(29, 28, "Place Mariage – BP 84 – 97600 Mamoudzou", 7.5, font, (90, 90, 90)),
                   Rule(20, 33, A4[0] - 20, 33, 0.4, TEAL))
    flow.y = 36
    addressee(flow, (f"{company.name} {company.legal_form}", *company.address.split(", ")),
              f"Délivrée à Mamoudzou, le {date_long(cert.issue_date)}")
    flow.text("ATTESTATION DE VIGILANCE", 14, bold(font), "center")
    flow.text("(articles L. 243-15 et D. 243-15 du code de la sécurité sociale)", 8.5, font, "center")
    flow.space(4)
    siren = siren_spaced(cert.siren) if len(cert.siren) == 9 and rng.random() < 0.5 else cert.siren
    flow.table([("Raison sociale", "N° SIREN", "N° employeur"), (company.name, siren, cert.account)],
               (72, 40, 58), 9, bold(font), shade=(215, 235, 235))
    flow.space(3)
    flow.text(f"La Caisse de Sécurité Sociale de Mayotte atteste que l'employeur désigné ci-dessus, pour l'ensemble "
              f"de ses établissements, dont celui immatriculé sous le SIRET "
              f"{siret_spaced(establishment_siret(company, rng))}, est à jour de ses obligations de déclaration et de "
              f"paiement des cotisations et contributions sociales au {date_slash(cert.situation_date)}, date de la "
              "dernière échéance exigible.")
    flow.space(3)
    flow.text("La présente attestation ne préjuge pas des résultats d'un contrôle ultérieur. Le donneur d'ordre "
              "peut en vérifier l'authenticité auprès de la caisse au moyen du code de sécurité ci-dessous.", 8.5)
    flow.space(4)
    top = flow.y
    flow.sheet.add(Box(flow.margin, top, 105, 11, stroke=TEAL, width=0.5),
                   Text(flow.margin + 3, top + 7.2, f"Code de vérification : {code}", 10, bold(font)))
    flow.y = top + 16
    flow.text("Pour le directeur général et par délégation,", 9.5, font, "right")
    flow.text("le responsable du service des cotisants", 9.5, font, "right")
    fields: dict[str, FieldValue] = {"company_name": company.name, "siren": cert.siren, "issue_date": cert.issue_date.isoformat(),
              "security_code": code}
    return BuiltPiece("urssaf_certificate", "urssaf_certificate:cssm_mayotte", fields, sheets=flow.finish())
