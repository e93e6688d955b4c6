"""Job offer as the public employment service prints it: France Travail web page, France Travail
attestation de publication, Apec two-column page, France Travail recruiter space, Cap emploi
letter (the offer told in prose), partner job board relaying the offer (its own reference first,
the public service's number in the footer). Distractors:
the employer's own "Réf. Société", the creation date, the print or attestation date."""
from __future__ import annotations

import random

from synth.facts import DossierFacts
from synth.fmt import date_fr, date_long, date_slash, euros, hours_fr
from synth.fonts import FontKey
from synth.layout import A4, Box, Flow, Rule, Sheet, Text, wrap
from synth.pieces.base import BuiltPiece, body_font, bold, family

MISSIONS = ("Vous rejoignez une équipe de {n} personnes et participez à l'activité quotidienne du service.",
            "Sous la responsabilité du responsable de site, vous assurez les missions propres au poste.",
            "Vous serez formé(e) à nos méthodes et travaillerez en lien avec les autres services.")
PROFILE = ("Expérience d'un an minimum souhaitée.", "Débutant accepté.", "Diplôme de niveau bac+2 exigé.",
           "Permis B souhaité.", "Maîtrise des outils bureautiques.")


def build_job_offer(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    layout = family(facts, rng, "job_offer")
    offer = facts.offer
    offer.printed_reference = offer.apec_reference if layout == "apec" else offer.ft_reference
    sheets = {"ft_page": _ft_page, "ft_attestation": _ft_attestation, "apec": _apec,
              "ft_recruiter": _ft_recruiter, "cap_emploi": _cap_emploi, "partner_site": _partner_site}[layout](facts, rng)
    fields = {"offer_reference": offer.printed_reference, "job_title": offer.job_title, "rome_code": offer.rome_code,
              "published_from": offer.published_from.isoformat(), "published_to": offer.published_to.isoformat()}
    return BuiltPiece("job_offer", f"job_offer:{layout}", fields, sheets=sheets)


def _title(title: str, rng: random.Random) -> str:
    return rng.choice((f"{title} H/F", f"{title} (H/F)", f"{title} - H/F"))


def _conditions(facts: DossierFacts) -> list[tuple[str, str]]:
    c = facts.contract
    kind = "Contrat à durée indéterminée" if c.contract_type == "CDI" else "Contrat à durée déterminée"
    return [("Type de contrat", kind), ("Durée du travail", f"{hours_fr(c.weekly_hours)} h hebdomadaires"),
            ("Salaire", f"Mensuel de {euros(c.monthly_salary)}"), ("Lieu de travail", c.employer.address)]


def _description(facts: DossierFacts, rng: random.Random) -> str:
    return f"{rng.choice(MISSIONS).format(n=rng.randint(4, 40))} {rng.choice(PROFILE)}"


def _ft_page(facts: DossierFacts, rng: random.Random) -> list[Sheet]:
    offer, company = facts.offer, facts.contract.employer
    font = body_font(rng)
    printed = f"Imprimé le {date_slash(offer.printed_on)} à {rng.randint(8, 18)}:{rng.randint(0, 59):02d}"

    def chrome(sheet: Sheet) -> None:  # what the browser adds when printing
        sheet.add(Text(10, 8, printed, 7, font, (90, 90, 90)),
                  Text(A4[0] - 10, 8, "Offre d'emploi - France Travail", 7, font, (90, 90, 90), "right"))

    def footer(sheet: Sheet, number: int) -> None:
        sheet.add(Text(10, A4[1] - 8, f"https://candidat.francetravail.fr/offres/recherche/detail/{offer.ft_reference}",
                       7, font, (90, 90, 90)), Text(A4[0] - 10, A4[1] - 8, f"{number}/1", 7, font, (90, 90, 90), "right"))

    flow = Flow(font, 10, top=18, header=chrome, footer=footer)
    flow.text("france travail", 14, bold(font), color=(30, 50, 140))
    flow.space(4)
    flow.text(_title(offer.job_title, rng), 16, bold(font))
    flow.text(f"{company.address.split(', ')[-1][:2]} - {company.city.upper()}", 10)
    flow.text(f"Publiée du {date_slash(offer.published_from)} au {date_slash(offer.published_to)} – "
              f"offre n° {offer.ft_reference}", 9.5)
    flow.text(f"Actualisé le {date_slash(offer.created_on)}", 8.5, color=(90, 90, 90))
    flow.space(4)
    flow.text(_description(facts, rng))
    flow.space(3)
    flow.pairs(_conditions(facts) + [("Métier (ROME)", offer.rome_code), ("Qualification", "Employé qualifié")], 45,
               bold(font))
    flow.space(4)
    flow.text("Entreprise", 11, bold(font))
    flow.text(company.name)
    return flow.finish()


def _ft_attestation(facts: DossierFacts, rng: random.Random) -> list[Sheet]:
    offer, company = facts.offer, facts.contract.employer
    font = body_font(rng)
    flow = Flow(font, 10, top=22)
    flow.text("France Travail", 14, bold(font))
    flow.text(f"Agence de {company.city}", 9)
    flow.space(8)
    flow.text("ATTESTATION DE PUBLICATION D'OFFRE D'EMPLOI", 13, bold(font), "center")
    flow.space(5)
    flow.text(f"France Travail atteste que l'offre d'emploi décrite ci-dessous, déposée par l'entreprise "
              f"{company.name}, a été diffusée sur le site francetravail.fr.")
    flow.space(3)
    rows = [("N° de l'offre", offer.ft_reference), ("Réf. Société", offer.employer_reference),
            ("Intitulé du poste", _title(offer.job_title, rng)), ("Code ROME", offer.rome_code),
            ("Date de création", date_slash(offer.created_on)),
            ("Période de publication", f"du {date_slash(offer.published_from)} au {date_slash(offer.published_to)}")]
    if rng.random() < 0.5:
        rows = [rows[2], rows[0], rows[1], rows[3], rows[4], rows[5]]
    flow.table(rows, (55, 115))
    flow.space(3)
    flow.text("Cette attestation est délivrée à la demande de l'employeur pour servir et valoir ce que de droit.")
    flow.space(6)
    flow.text(f"Fait à {company.city}, le {date_long(offer.printed_on)}", align="right")
    flow.text("Le directeur d'agence", align="right")
    return flow.finish()


def _apec(facts: DossierFacts, rng: random.Random) -> list[Sheet]:
    offer, company = facts.offer, facts.contract.employer
    font = body_font(rng)
    sheet = Sheet()
    sheet.add(Text(15, 16, "apec", 20, bold(font), (0, 90, 110)),
              Text(195, 14, f"Date d'impression : {date_slash(offer.printed_on)}", 7.5, font, (90, 90, 90), "right"))
    sheet.add(Rule(15, 20, 195, 20, 0.4))
    y = 32
    for line in wrap(_title(offer.job_title, rng), bold(font), 15, 115):
        sheet.add(Text(15, y, line, 15, bold(font)))
        y += 7
    sheet.add(Text(15, y, company.name, 10.5, font))
    y += 10
    for block in (_description(facts, rng), f"Rattaché(e) à la direction, vous travaillerez à {company.city}.",
                  rng.choice(PROFILE)):
        for line in wrap(block, font, 9.5, 115):
            sheet.add(Text(15, y, line, 9.5, font))
            y += 5
        y += 3
    box_x = 138
    sheet.add(Box(box_x - 3, 26, 60, 92, fill=(236, 243, 245), stroke=None))
    side = [("Réf. Apec", offer.apec_reference), ("Réf. Société", offer.employer_reference),
            ("Mise en ligne le", date_slash(offer.published_from)), ("Fin de diffusion le", date_slash(offer.published_to)),
            ("Métier ROME", offer.rome_code), ("Contrat", facts.contract.contract_type),
            ("Salaire", f"{euros(facts.contract.monthly_salary)} / mois")]
    if rng.random() < 0.5:
        side = side[2:4] + side[:2] + side[4:]
    y = 33
    for label, value in side:
        sheet.add(Text(box_x, y, label, 7.5, font, (70, 70, 70)), Text(box_x, y + 4.5, value, 9.5, bold(font)))
        y += 12
    sheet.add(Text(105, 285, "Offre publiée sur apec.fr – reproduction interdite", 7, font, (90, 90, 90), "center"))
    return [sheet]


def _ft_recruiter(facts: DossierFacts, rng: random.Random) -> list[Sheet]:
    offer, company = facts.offer, facts.contract.employer
    font = body_font(rng)
    flow = Flow(font, 9.5, top=18)
    flow.sheet.add(Box(0, 0, A4[0], 12, fill=(30, 50, 140), stroke=None),
                   Text(15, 8, "France Travail – Espace recruteur", 10, bold(font), (255, 255, 255)),
                   Text(195, 8, company.name[:30], 8.5, font, (255, 255, 255), "right"))
    flow.text(f"Détail de l'offre {offer.ft_reference}", 13, bold(font))
    flow.space(3)
    flow.stacked([("Intitulé de l'offre", _title(offer.job_title, rng)), ("N° d'offre", offer.ft_reference),
                  ("Code ROME", offer.rome_code), ("Votre référence", offer.employer_reference),
                  ("Statut", "Clôturée" if offer.published_to < offer.printed_on else "En ligne"),
                  ("Nombre de postes", "1")], label_above=True, value_font=bold(font))
    flow.space(2)
    flow.text("Diffusion", 11, bold(font))
    flow.table([("Événement", "Date"), ("Date de création", date_slash(offer.created_on)),
                ("Mise en ligne le", date_slash(offer.published_from)),
                ("Fin de diffusion le", date_slash(offer.published_to)),
                ("Édité le", date_slash(offer.printed_on))], (70, 50), 9, bold(font))
    flow.space(3)
    flow.text("Conditions", 11, bold(font))
    flow.pairs(_conditions(facts), 45)
    flow.space(3)
    flow.text(_description(facts, rng), 9)
    flow.space(2)
    flow.text(f"Document édité le {date_fr(offer.printed_on, 'long')} depuis votre espace recruteur.", 8,
              color=(90, 90, 90))
    return flow.finish()


def _cap_emploi(facts: DossierFacts, rng: random.Random) -> list[Sheet]:
    """A letter in a serif font: the offer and its publication told in one paragraph."""
    offer, company = facts.offer, facts.contract.employer
    font = FontKey(rng.choice(("serif", "lserif")))
    flow = Flow(font, 11, top=24)
    dept = company.address.split(", ")[-1][:2]
    flow.text(f"Cap emploi {dept}", 15, bold(font))
    flow.text("Organisme de placement spécialisé – insertion professionnelle des personnes handicapées", 8.5)
    flow.space(8)
    flow.text(f"{company.name}", 10.5, indent=95)
    flow.text(company.address, 9.5, indent=95)
    flow.space(6)
    flow.text(f"{company.city}, le {date_long(offer.printed_on)}", align="right")
    flow.space(4)
    flow.text(f"Objet : suivi de votre offre d'emploi – votre réf. {offer.employer_reference}", 11, bold(font))
    flow.space(3)
    flow.text("Madame, Monsieur,")
    flow.space(1.5)
    flow.text(f"Nous vous confirmons que l'offre n° {offer.ft_reference} « {_title(offer.job_title, rng)} » "
              f"(code ROME {offer.rome_code}), enregistrée le {date_slash(offer.created_on)}, est publiée du "
              f"{date_long(offer.published_from)} au {date_long(offer.published_to)} sur le site de Cap emploi et sur "
              "francetravail.fr.")
    flow.space(1.5)
    flow.text(f"{_description(facts, rng)} Les candidatures reçues vous ont été transmises au fil de l'eau.")
    flow.space(8)
    flow.text("La chargée de relation entreprises", align="right")
    return flow.finish()


def _partner_site(facts: DossierFacts, rng: random.Random) -> list[Sheet]:
    """A job board relaying the offer: the employer's reference on top, France Travail's in the footer."""
    offer, company = facts.offer, facts.contract.employer
    font = body_font(rng)
    board = rng.choice(("emploi-territorial.example", "jobs-region.example", "regionsjob.example"))
    flow = Flow(font, 10, top=20)
    flow.sheet.add(Rule(15, 12, A4[0] - 15, 12, 2.0, (200, 90, 30)))
    flow.text(board, 9, color=(120, 60, 20))
    flow.text(f"Réf. Société : {offer.employer_reference}", 9.5, bold(font), "right")
    flow.space(3)
    flow.text(_title(offer.job_title, rng), 17, bold(font))
    flow.text(f"{company.name} – {company.city}", 11)
    flow.space(3)
    flow.table([("Contrat", facts.contract.contract_type), ("Métier", f"{offer.job_title} (ROME {offer.rome_code})"),
                ("Salaire", f"{euros(facts.contract.monthly_salary)} brut mensuel")], (40, 130), 9.5)
    flow.space(2)
    flow.text("Description du poste", 11, bold(font))
    flow.text(_description(facts, rng))
    flow.space(4)
    flow.text(f"Mise en ligne le {date_slash(offer.published_from)} · Fin de diffusion le "
              f"{date_slash(offer.published_to)} · Consultée le {date_slash(offer.printed_on)}", 8.5)
    flow.text(f"Offre relayée par France Travail – offre n° {offer.ft_reference}", 8.5, bold(font))
    return flow.finish()
