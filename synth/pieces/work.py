"""Employment contract (two pages, two phrasings; later families in contracts.py) and payslip (two
layouts; later ones in payslips.py)."""
from __future__ import annotations

import datetime as dt
import random

from synth.facts import DossierFacts, PayslipFacts
from synth.fmt import MONTHS_FR, date_fr, date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey
from synth.layout import A4, Box, Flow, Rule, Sheet, Text
from synth.pieces.base import BuiltPiece, body_font, bold, family
from synth.pieces.contracts import LATER_CONTRACTS, ContractWords
from synth.pieces.payslips import LATER_PAYSLIPS, SlipWords


def _letterhead(company_line: str, address: str, font: FontKey):
    def draw(sheet: Sheet) -> None:
        sheet.add(Text(20, 15, company_line, 12, bold(font)))
        sheet.add(Text(20, 20, address, 8.5, font))
        sheet.add(Rule(20, 22.5, A4[0] - 20, 22.5, 0.4))
    return draw


def _page_numbers(font: FontKey, legal_line: str):
    def draw(sheet: Sheet, number: int) -> None:
        sheet.add(Text(A4[0] / 2, A4[1] - 12, legal_line, 7, font, (80, 80, 80), "center"))
        sheet.add(Text(A4[0] - 20, A4[1] - 12, str(number), 8, font, (80, 80, 80), "right"))
    return draw


def build_employment_contract(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, c = facts.person, facts.contract
    company = c.employer
    font = body_font(rng)
    template = family(facts, rng, "employment_contract")
    date_style = rng.choice(("slash", "long"))
    siret_text = siret_spaced(c.siret) if rng.random() < 0.6 else c.siret
    name = f"{c.given_names} {person.surname}" if rng.random() < 0.4 else f"{person.surname} {c.given_names}"
    legal = (f"{company.name} – {company.legal_form} au capital de {number_fr(company.capital).replace(',00', '')} € – "
             f"RCS {company.city} {company.siren[:3]} {company.siren[3:6]} {company.siren[6:]}")
    flow = Flow(font, 10, top=34, header=_letterhead(company.name, company.address, font),
                footer=_page_numbers(font, legal))
    if c.hours_per_month is not None:
        hours = f"{hours_fr(c.hours_per_month)} heures par mois"
    else:
        hours = f"{hours_fr(c.weekly_hours)} heures par semaine"
    if c.annual_salary is not None:
        salary = f"une rémunération annuelle brute de {euros(c.annual_salary)}, versée en douze mensualités"
    else:
        salary = f"un salaire mensuel brut de {euros(c.monthly_salary)}"
    kind = "à durée indéterminée" if c.contract_type == "CDI" else "à durée déterminée"
    full_time = "temps plein" if c.weekly_hours >= 35 else "temps partiel"
    flow.text("CONTRAT DE TRAVAIL", 15, bold(font), "center")
    flow.text(f"Contrat {kind} ({c.contract_type}) – {full_time}", 11, font, "center")
    flow.space(4)
    employer_intro = (f"La société {company.name}, {company.legal_form} au capital de {number_fr(company.capital)} €, "
                      f"immatriculée sous le numéro SIRET {siret_text}, dont le siège social est situé "
                      f"{company.address}, représentée par {company.manager} en qualité de gérant(e),")
    employee_intro = (f"{person.civility_long} {name}, né(e) le {date_slash(person.birth_date)} à "
                      f"{person.birth_city.title()}, de nationalité {person.demonym}, demeurant {person.address},")
    duration = (f"Le présent contrat est conclu pour une durée indéterminée à compter du {date_fr(c.start_date, date_style)}."
                if c.end_date is None else
                f"Le présent contrat est conclu pour une durée déterminée du {date_fr(c.start_date, date_style)} "
                f"au {date_fr(c.end_date, date_style)} inclus, pour accroissement temporaire d'activité.")
    if template in LATER_CONTRACTS:
        words = ContractWords(facts, font, date_style, siret_text, name)
        return _contract_piece(facts, template, LATER_CONTRACTS[template](words, rng))
    if template == "sections":
        flow.text("ENTRE LES SOUSSIGNÉS :", 10, bold(font))
        flow.text(employer_intro + " ci-après « l'Employeur »,")
        flow.text("ET", 10, bold(font))
        flow.text(employee_intro + " ci-après « le Salarié ».")
        flow.space(2)
        articles = [
            ("Article 1 – Engagement", duration + " Il est subordonné à l'obtention de l'autorisation de travail."),
            ("Article 2 – Fonctions", f"Le Salarié est engagé en qualité de {c.job_title}. Il exercera ses fonctions "
                                      f"sous l'autorité de la direction, au sein de l'établissement de {company.city}."),
            ("Article 3 – Période d'essai", "Le contrat ne deviendra définitif qu'à l'issue d'une période d'essai de "
                                            f"{rng.choice(('un mois', 'deux mois', 'trois mois'))}, durant laquelle chaque partie peut y mettre fin."),
            ("Article 4 – Durée du travail", f"La durée du travail est fixée à {hours}. Les horaires sont ceux "
                                             "affichés dans l'établissement."),
            ("Article 5 – Rémunération", f"En contrepartie de son travail, le Salarié percevra {salary}. "
                                         "Le salaire est versé à la fin de chaque mois par virement."),
            ("Article 6 – Congés payés", "Le Salarié bénéficie des congés payés dans les conditions prévues par la loi "
                                         "et la convention collective applicable."),
        ]
        for title, body in articles:
            flow.text(title, 10.5, bold(font))
            flow.text(body)
            flow.space(1.5)
        flow.new_page()
        for title, body in [
            ("Article 7 – Convention collective", "Le contrat est régi par la convention collective applicable à "
                                                  "l'activité de l'entreprise, dont un exemplaire est tenu à disposition."),
            ("Article 8 – Obligations", "Le Salarié s'engage à respecter le règlement intérieur ainsi que la "
                                        "confidentialité des informations dont il aura connaissance."),
            ("Article 9 – Rupture", "Le contrat pourra être rompu dans les conditions prévues par le Code du travail."),
        ]:
            flow.text(title, 10.5, bold(font))
            flow.text(body)
            flow.space(1.5)
    else:
        flow.text(f"Entre {employer_intro} d'une part,")
        flow.space(1)
        flow.text(f"et {employee_intro} d'autre part,")
        flow.space(1)
        flow.text("il a été convenu ce qui suit.")
        flow.space(2)
        flow.text(f"{person.civility_long} {name} est engagé(e) en qualité de {c.job_title}. {duration}")
        flow.space(1.5)
        flow.text("Les conditions d'emploi sont les suivantes :", 10, bold(font))
        flow.pairs([("Poste occupé", c.job_title), ("Type de contrat", c.contract_type),
                    ("Date de début", date_slash(c.start_date)),
                    ("Date de fin", date_slash(c.end_date) if c.end_date else "sans objet"),
                    ("Durée du travail", hours),
                    ("Rémunération brute", euros(c.annual_salary) + " par an" if c.annual_salary is not None
                     else euros(c.monthly_salary) + " par mois"),
                    ("Lieu de travail", company.address)], 50)
        flow.space(2)
        flow.text(f"En contrepartie de son travail, le/la salarié(e) percevra {salary}. Les heures "
                  "supplémentaires éventuelles seront rémunérées conformément à la loi.")
        flow.new_page()
        flow.text("Le/la salarié(e) s'engage à observer les instructions qui lui seront données et à respecter "
                  "la discipline de l'entreprise. Il/elle informera l'employeur de tout changement de situation.")
        flow.space(1.5)
        flow.text("Le présent contrat est soumis aux dispositions du Code du travail et de la convention "
                  "collective applicable.")
    flow.space(8)
    flow.text(f"Fait à {company.city}, le {date_fr(c.signed_on, date_style)}, en deux exemplaires originaux.")
    flow.space(8)
    y = flow.y + 5
    flow.sheet.add(Text(25, y, "Pour l'Employeur", 10, bold(font)), Text(120, y, "Le Salarié", 10, bold(font)),
                   Text(25, y + 6, company.manager, 10, font), Text(120, y + 6, "Lu et approuvé", 10, font))
    return _contract_piece(facts, template, flow.finish())


def _contract_piece(facts: DossierFacts, template: str, sheets: list[Sheet]) -> BuiltPiece:
    person, c = facts.person, facts.contract
    fields = {
        "employer_name": c.employer.name, "employer_siret": c.siret, "employee_surname": person.surname,
        "employee_given_names": c.given_names, "job_title": c.job_title, "contract_type": c.contract_type,
        "start_date": c.start_date.isoformat(), "end_date": c.end_date.isoformat() if c.end_date else None,
        "weekly_hours": round(c.weekly_hours, 2), "gross_monthly_salary": round(c.monthly_salary, 2),
    }
    return BuiltPiece("employment_contract", f"employment_contract:{template}", fields, sheets=sheets)


def _payslip_rows(gross: float) -> list[tuple[str, str, str, str]]:
    rows = []
    for label, rate in (("Sécurité sociale maladie", 0.0), ("Complémentaire santé", 1.1),
                        ("Retraite plafonnée", 6.9), ("Retraite déplafonnée", 0.4),
                        ("Retraite complémentaire T1", 4.01), ("Assurance chômage", 0.0)):
        rows.append((label, number_fr(gross), f"{rate:.2f}".replace(".", ",") if rate else "",
                     number_fr(gross * rate / 100) if rate else ""))
    base_csg = gross * 0.9825
    rows.append(("CSG déductible", number_fr(base_csg), "6,80", number_fr(base_csg * 0.068)))
    rows.append(("CSG/CRDS non déductible", number_fr(base_csg), "2,90", number_fr(base_csg * 0.029)))
    return rows


def build_payslip(facts: DossierFacts, rng: random.Random, slip: PayslipFacts | None = None) -> BuiltPiece:
    person, company = facts.person, facts.contract.employer
    slip = slip or facts.payslips[0]
    font = body_font(rng)
    template = family(facts, rng, "payslip")
    sheet = Sheet()
    p = slip.period_start
    last_day = p.replace(month=p.month % 12 + 1, year=p.year + p.month // 12) - dt.timedelta(days=1)
    title = rng.choice(("BULLETIN DE PAIE", "BULLETIN DE SALAIRE"))
    siret = company.siret  # the payroll prints the registered number, even when the contract has a typo
    if template in LATER_PAYSLIPS:
        sheets = LATER_PAYSLIPS[template](SlipWords(facts, slip, font, title, last_day), rng)
        return _payslip_piece(facts, slip, template, sheets)
    if template == "boxed":
        sheet.add(Box(15, 12, 90, 30, stroke=(60, 60, 60)))
        sheet.add(Text(18, 19, company.name, 11, bold(font)), Text(18, 25, company.address, 8, font),
                  Text(18, 31, f"SIRET : {siret}", 8.5, font), Text(18, 37, f"Code APE : {company.ape}", 8.5, font))
        sheet.add(Text(195, 19, title, 13, bold(font), align="right"),
                  Text(195, 26, f"Période du {date_slash(p)} au {date_slash(last_day)}", 9, font, align="right"),
                  Text(195, 32, f"Paiement le {date_slash(last_day)} par virement", 8.5, font, align="right"))
        sheet.add(Box(110, 48, 85, 22, stroke=(60, 60, 60)))
        sheet.add(Text(113, 55, f"{person.civility} {person.surname} {person.given_names}", 10, bold(font)),
                  Text(113, 61, person.address, 8, font))
        y = 56
        for label in (f"Emploi : {facts.contract.job_title}", f"Date d'entrée : {date_slash(facts.contract.start_date)}",
                      f"Matricule : {rng.randint(100, 9999):05d}"):
            sheet.add(Text(18, y, label, 8.5, font))
            y += 6
    else:
        sheet.add(Text(105, 18, f"{title} – {MONTHS_FR[p.month - 1].upper()} {p.year}", 13, bold(font), align="center"))
        sheet.add(Text(20, 30, f"Employeur : {company.name}", 9.5, bold(font)), Text(20, 35, company.address, 8.5, font),
                  Text(20, 40, f"N° SIRET {siret_spaced(siret)} – APE {company.ape}", 8.5, font),
                  Text(120, 30, f"Salarié : {person.surname} {person.given_names}", 9.5, bold(font)),
                  Text(120, 35, f"Emploi : {facts.contract.job_title}", 8.5, font),
                  Text(120, 40, f"Période : {date_slash(p)} - {date_slash(last_day)}", 8.5, font))
        y = 62
    y = max(y, 78)
    columns = (18, 105, 140, 170)
    sheet.add(Box(15, y - 5, 180, 7, fill=(225, 225, 225), stroke=(60, 60, 60)))
    for x, head in zip(columns, ("Éléments de paie", "Base", "Taux", "Montant")):
        sheet.add(Text(x, y, head, 8.5, bold(font)))
    y += 8
    hours = facts.contract.hours_per_month or round(facts.contract.weekly_hours * 52 / 12, 2)
    lines = [("Salaire de base", hours_fr(hours), number_fr(slip.base_salary / hours), number_fr(slip.base_salary))]
    if slip.extra:
        lines.append(("Heures supplémentaires 25 %", "", "", number_fr(slip.extra)))
    for row in lines:
        for x, cell in zip(columns, row):
            sheet.add(Text(x, y, cell, 8.5, font))
        y += 5.5
    sheet.add(Rule(15, y - 3.5, 195, y - 3.5, 0.3))
    sheet.add(Text(columns[0], y + 1, "SALAIRE BRUT", 9.5, bold(font)), Text(columns[3], y + 1, number_fr(slip.gross), 9.5, bold(font)))
    y += 9
    deductions = 0.0
    for row in _payslip_rows(slip.gross):
        for x, cell in zip(columns, row):
            sheet.add(Text(x, y, cell, 8, font))
        deductions += float(row[3].replace(" ", "").replace(",", ".") or 0)
        y += 5
    y += 4
    net = slip.gross - deductions
    sheet.add(Box(15, y - 5, 180, 8, fill=(235, 235, 235), stroke=(60, 60, 60)))
    sheet.add(Text(columns[0], y, "NET À PAYER AVANT IMPÔT SUR LE REVENU", 9, bold(font)),
              Text(columns[3], y, euros(net), 9, bold(font)))
    sheet.add(Text(105, 285, "Dans votre intérêt et pour vous aider à faire valoir vos droits, conservez ce bulletin "
                   "de paie sans limitation de durée.", 6.5, font, (90, 90, 90), "center"))
    return _payslip_piece(facts, slip, template, [sheet])


def _payslip_piece(facts: DossierFacts, slip: PayslipFacts, template: str, sheets: list[Sheet]) -> BuiltPiece:
    p = slip.period_start
    fields = {"employer_siret": facts.contract.employer.siret, "employee_surname": facts.person.surname,
              "period": f"{p.year:04d}-{p.month:02d}", "gross_salary": slip.gross}
    return BuiltPiece("payslip", f"payslip:{template}", fields, sheets=sheets)
