"""Pieces of type `other`: cover letter, RIB, attestation d'hébergement."""
from __future__ import annotations

import random

from synth.companies import french_name
from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash
from synth.layout import Box, Flow, Text
from synth.pieces.base import BuiltPiece, body_font, bold, family
from synth.pieces.other_more import LATER_OTHERS, later_other_sheets


def build_other(facts: DossierFacts, rng: random.Random, kind: str | None = None) -> BuiltPiece:
    kind = kind or family(facts, rng, "other")
    if kind in LATER_OTHERS:
        return BuiltPiece("other", f"other:{kind}", {}, sheets=later_other_sheets(facts, rng, kind))
    return BuiltPiece("other", f"other:{kind}", {}, sheets={"cover_letter": _cover_letter, "rib": _rib,
                                                            "attestation_hebergement": _hosting}[kind](facts, rng))


def _cover_letter(facts: DossierFacts, rng: random.Random):
    person, company = facts.person, facts.contract.employer
    font = body_font(rng)
    flow = Flow(font, 10.5, top=25)
    flow.text(company.name, 11, bold(font))
    flow.text(company.address)
    flow.space(10)
    flow.text("À l'attention de la plateforme de main-d'œuvre étrangère", align="right")
    flow.text(f"{company.city}, le {date_long(facts.reference_date)}", align="right")
    flow.space(8)
    flow.text(f"Objet : demande d'autorisation de travail – {person.civility_long} {person.given_names} {person.surname}", 10.5, bold(font))
    flow.space(4)
    flow.text("Madame, Monsieur,")
    flow.space(2)
    flow.text(f"Nous avons l'honneur de solliciter une autorisation de travail pour {person.civility_long} "
              f"{person.given_names} {person.surname}, de nationalité {person.demonym}, que nous souhaitons recruter au "
              f"poste de {facts.contract.job_title}. Vous trouverez ci-joint l'ensemble des pièces demandées.")
    flow.space(2)
    flow.text("Nous restons à votre disposition pour tout renseignement complémentaire et vous prions d'agréer, "
              "Madame, Monsieur, l'expression de nos salutations distinguées.")
    flow.space(10)
    flow.text(company.manager, align="right")
    return flow.finish()


def _rib(facts: DossierFacts, rng: random.Random):
    person = facts.person
    font = body_font(rng)
    flow = Flow(font, 10, top=25)
    bank = rng.choice(("Banque Populaire du Val", "Crédit Mutuel Océan", "Caisse d'Épargne Loire", "Banque Régionale de l'Ouest"))
    flow.text("RELEVÉ D'IDENTITÉ BANCAIRE", 15, bold(font), "center")
    flow.space(6)
    digits = "".join(str(rng.randint(0, 9)) for _ in range(23))
    iban = f"FR76 {digits[0:4]} {digits[4:8]} {digits[8:12]} {digits[12:16]} {digits[16:20]} {digits[20:23]}"
    flow.pairs([("Titulaire du compte", f"{person.civility} {person.surname} {person.given_names}"),
                ("Adresse", person.address), ("Domiciliation", bank),
                ("Code banque", digits[0:5]), ("Code guichet", digits[5:10]), ("N° de compte", digits[10:21]),
                ("Clé RIB", digits[21:23]), ("IBAN", iban), ("BIC", rng.choice(("CCBPFRPPNAN", "CMCIFR2A", "CEPAFRPP444")))], 55)
    flow.space(4)
    flow.sheet.add(Box(20, flow.y, 170, 20, stroke=(120, 120, 120)))
    flow.sheet.add(Text(25, flow.y + 8, "Ce relevé est destiné à être remis à vos créanciers ou débiteurs.", 8.5, font))
    return flow.finish()


def _hosting(facts: DossierFacts, rng: random.Random):
    person = facts.person
    font = body_font(rng)
    host = french_name(rng)
    flow = Flow(font, 10.5, top=30)
    flow.text("ATTESTATION D'HÉBERGEMENT", 15, bold(font), "center")
    flow.space(10)
    flow.text(f"Je soussigné(e) {host}, demeurant {person.address}, atteste sur l'honneur héberger à mon domicile "
              f"{person.civility_long} {person.given_names} {person.surname}, né(e) le {date_slash(person.birth_date)}, "
              f"depuis le {date_slash(facts.reference_date.replace(day=10, year=facts.reference_date.year - 1))}.")
    flow.space(4)
    flow.text("Je joins à la présente une copie de ma pièce d'identité et un justificatif de domicile.")
    flow.space(6)
    flow.text(f"Fait pour servir et valoir ce que de droit, le {date_slash(facts.reference_date)}.")
    flow.space(10)
    flow.text(host, align="right")
    return flow.finish()
