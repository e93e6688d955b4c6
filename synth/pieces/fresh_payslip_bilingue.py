"""Fresh payslip family `bulletin_bilingue` (fourth payslip wave, written once `bulletin_interim` had been looked at): the
bilingual French/English payslip the French entity of an international group gets from a global payroll provider
("Bulletin de paie / Pay slip"). The French bulletin clarifié, every label glossed in English: stacked on one line
("Salaire brut / Gross salary"), the English in small italics under the French, or the two in columns of their own.

What it prints: the provider's name (the slip is "établi pour le compte de l'employeur"), the legal entity that employs
the worker — its name, address, SIRET, code APE, Urssaf account and convention collective — and the group it belongs
to (a foreign parent, "Korvalis Holdings Inc., Wilmington, Delaware, USA", with its own registration number); the
employee (name, address, employee ID and a global ID on some, social security number, the job title in English, status,
classification, cost centre, hire date, a group seniority date on some, working time, the annual base salary on some);
the pay period ("Période / Pay period : du 01/04/2026 au 30/04/2026", "avril 2026 / April 2026"), the payment and issue
dates; the pay lines (base salary, a referral or on-call bonus, overtime or a one-off bonus when the month has an
extra, paid leave or sick leave taken and paid back), "Salaire brut / Gross salary", the contributions grouped as the
bulletin clarifié requires (Santé / Health, Retraite / Retirement...) with the employer's share, the items not subject
to contributions (meal vouchers, public transport, remote-work allowance), "Net à payer avant impôt sur le revenu / Net
pay before income tax", the income tax withheld at source with its rate, an employee stock purchase plan (ESPP)
deduction on some, "Net payé / Net paid", the net social amount, the employer's total cost, the paid leave ("Congés
payés / Paid leave : acquis / pris / solde", RTT days for the cadres on a days package) and the year-to-date totals
("Cumuls annuels / Year to date"); a few messages to the employee where the page has room (the payroll mailbox, the
ESPP's offering period, the tax rate on impots.gouv.fr). Amounts are written the French way ("2 593,71"), as the French
payroll engine prints them, in euros.

Three sub-layouts: `bandeau` (the provider's portrait slip: a coloured header band with its name, the employer's and
the employee's boxes, the table, the nets, the year-to-date totals and the paid leave at the foot, these on a second
page when the glossed rows leave no room for them), `compact` (a dense one-page slip: a grid of bilingual cells for the parties and the
dates, the table with a French and an English label column, three blocks at the foot), `english_first` (the group's
own template: English first, then the French — "Gross salary / Salaire brut" —, the brand of the group at the top, a
summary strip of the month's figures, the nets in the table).

The truth is the generator's usual one (`work._payslip_piece`): the employer's SIRET, the employee's surname, the
month, the gross — the pay lines add up to it. Distractors: the parent company and its registration number, the
provider, the payment and issue dates, the hire and seniority dates, the paid-leave reference periods, the
year-to-date gross, the annual base salary, the employer's cost, the nets, the employee ID, global ID, cost centre,
social security number and Urssaf account."""
from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from synth.companies import _COINED
from synth.facts import DossierFacts, PayslipFacts
from synth.fmt import MONTHS_FR, date_slash, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, BLACK, Box, Color, Rule, Sheet
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.payroll_print import (
    CADRES,
    TRANSPORT,
    Line,
    absence,
    cell,
    cut,
    general_reduction,
    grid,
    health_and_family_rates,
    last_day,
    leave_years,
    monthly_ceiling,
    pct,
    put,
    rate4,
    signed,
    ssn_born_abroad,
    tax_rate_label,
    tint,
)
from synth.pieces.work import _payslip_piece
from synth.rules import add_months, smic

LAYOUT = "bulletin_bilingue"
W, H = A4
GREY: Color = (95, 95, 95)
GLOSS: Color = (85, 85, 105)
LIGHT: Color = (160, 160, 160)
WHITE: Color = (255, 255, 255)
ACCENTS: tuple[Color, ...] = ((0, 82, 147), (0, 112, 110), (78, 42, 132), (200, 60, 20), (30, 40, 60), (0, 120, 60))
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
# fictitious global payroll providers: (wordmark, tagline, French entity)
PROVIDERS = (("PAYLANTIS", "Global Payroll Services", "Paylantis France SAS, Paris La Défense"),
             ("NORTHVANE", "International Payroll", "Northvane Payroll France SAS, Lyon"),
             ("GLOBRIX", "Payroll & HR Outsourcing", "Globrix Services France SARL, Paris"),
             ("TRANSPAY", "Multi-country Payroll", "Transpay Europe SAS, Courbevoie"),
             ("OMNIVEO", "Global Payroll", "Omniveo France SAS, Boulogne-Billancourt"))
# the foreign parent: (its name after the brand, its seat, its registration)
PARENTS = (("Holdings Inc.", "Wilmington, Delaware, USA", lambda r: f"EIN {r.randint(10, 99)}-{r.randint(10**6, 10**7 - 1)}"),
           ("Inc.", "Austin, Texas, USA", lambda r: f"EIN {r.randint(10, 99)}-{r.randint(10**6, 10**7 - 1)}"),
           ("Corporation", "San Jose, California, USA",
            lambda r: f"EIN {r.randint(10, 99)}-{r.randint(10**6, 10**7 - 1)}"),
           ("Group plc", "London, United Kingdom", lambda r: f"Company No. {r.randint(10**7, 10**8 - 1):08d}"),
           ("Holding B.V.", "Amsterdam, the Netherlands", lambda r: f"KvK {r.randint(10**7, 10**8 - 1)}"),
           ("Technologies Ltd", "Dublin, Ireland", lambda r: f"CRO {r.randint(100000, 799999)}"),
           ("Group AG", "Zug, Switzerland",
            lambda r: f"CHE-{r.randint(100, 999)}.{r.randint(100, 999)}.{r.randint(100, 999)}"),
           ("GmbH", "München, Deutschland", lambda r: f"HRB {r.randint(100000, 299999)}"))
JOBS_EN = {"Développeur informatique": "Software Developer", "Ingénieur d'études": "Design Engineer",
           "Cuisinier": "Cook", "Aide-soignante": "Nursing Assistant", "Chargé de clientèle": "Customer Account Manager",
           "Analyste de données": "Data Analyst", "Technicien de maintenance": "Maintenance Technician",
           "Comptable": "Accountant", "Chef de projet marketing": "Marketing Project Manager", "Boulanger": "Baker",
           "Infirmier de bloc opératoire": "Operating Room Nurse", "Conducteur de travaux": "Construction Site Manager",
           "Serveur": "Waiter", "Ingénieure R&D": "R&D Engineer", "Auxiliaire de vie": "Care Assistant",
           "Assistant de vie aux familles": "Family Care Assistant", "Aide à domicile": "Home Help",
           "Intervenante à domicile": "Home Care Worker"}
DEPARTMENTS = {"Développeur informatique": ("Engineering", "Platform"), "Ingénieur d'études": ("Engineering",),
               "Analyste de données": ("Data & Analytics", "Business Intelligence"), "Ingénieure R&D": ("R&D",),
               "Comptable": ("Finance", "Accounting"), "Chef de projet marketing": ("Marketing",),
               "Chargé de clientèle": ("Customer Success", "Sales Operations"),
               "Technicien de maintenance": ("Field Services", "Operations"),
               "Conducteur de travaux": ("Projects",), "Cuisinier": ("Food Services",),
               "Serveur": ("Hospitality",), "Boulanger": ("Production",), "Aide-soignante": ("Clinical Services",),
               "Infirmier de bloc opératoire": ("Clinical Services",)}
# the conventions collectives of the generator's activity codes, glossed
CONVENTIONS = {"6202A": ("Syntec", "1486", "IT & engineering consultancies"),
               "7112B": ("Syntec", "1486", "IT & engineering consultancies"),
               "5610A": ("Hôtels, cafés, restaurants", "1979", "Hotels & restaurants"),
               "4941A": ("Transports routiers", "0016", "Road transport"),
               "4711D": ("Commerce à prédominance alimentaire", "2216", "Food retail"),
               "8610Z": ("Hospitalisation privée", "2264", "Private hospitals"),
               "1071C": ("Boulangerie-pâtisserie", "0843", "Bakeries"),
               "4321A": ("Métallurgie", "3248", "Metalworking industry")}
AT_RATES = {"6202A": 0.64, "7112B": 0.82, "5610A": 1.71, "4941A": 2.98, "4711D": 2.12, "8610Z": 1.45,
            "1071C": 2.06, "4321A": 2.28}
BONUSES = (("Prime de cooptation", "Employee referral bonus"), ("Prime d'astreinte", "On-call allowance"),
           ("Prime exceptionnelle", "One-off bonus"), ("Prime sur objectifs", "Performance bonus"))
TAX_LABELS = {"Taux personnalisé": "personal rate", "Taux non personnalisé": "default rate",
              "Taux transmis par la DGFiP": "rate notified by the tax authority"}
KEEP = (("Dans votre intérêt et pour vous aider à faire valoir vos droits, conservez ce bulletin de paie sans "
         "limitation de durée."), "In your own interest, keep this payslip without any time limit.")
PORTAL = ("Rubrique dédiée au bulletin de paie sur le portail www.service-public.fr",
          "Payslip explained: www.service-public.fr")
BINDING = ("Traduction anglaise fournie à titre indicatif : seule la version française fait foi.",
           "English translation for information only: the French version prevails.")
FONTS = ("lsans", "sans", "lsans", "lserif")
ISSUE = ("Date d'édition", "Issue date")


def coined_brand(facts: DossierFacts) -> bool:
    """The facts' employer bears a coined brand (KORVALIS TECHNOLOGIES, DATANOVA...): it could be the French entity of
    an international group, not a farm, a bakery, a garage or a family firm."""
    company = facts.contract.employer
    return not company.agricultural and company.name.split()[0] in _COINED


# ------------------------------------------------------------------ figures


@dataclass
class Bi(Line):
    """A row of the pay table with its English gloss."""
    en: str = ""


@dataclass
class Pay:
    earn: list[Bi]  # up to (not including) the gross
    gross: float
    contributions: list[Bi]
    sal_total: float
    pat_total: float
    after: list[Bi]  # items not subject to contributions
    net_before: float
    taxable: float
    tax_rate: float
    tax_label: str
    tax: float
    deductions: list[Bi]  # after the tax: the ESPP, an advance
    net_paid: float
    net_social: float
    cost: float
    hours: float | None  # None on a days package
    hourly: float
    leave_taken: float
    relief: float  # the réduction générale


def _earnings(facts: DossierFacts, slip: PayslipFacts, forfait: bool,
              rng: random.Random) -> tuple[list[Bi], float, float, float]:
    """(the pay lines, adding up to the gross; the overtime amount; its hours; the days of paid leave taken)."""
    c = facts.contract
    hours = c.hours_per_month or round(c.weekly_hours * 52 / 12, 2)
    hourly = slip.base_salary / hours
    p = slip.period_start
    if forfait:
        lines = [Bi("Salaire de base – forfait annuel en jours", "", "", slip.base_salary, code="1000",
                    en="Base salary – annual days package")]
    else:
        lines = [Bi("Salaire de base", hours_fr(hours), rate4(hourly), slip.base_salary, code="1000",
                    en="Base salary")]
    overtime = overtime_hours = leave = 0.0
    if slip.extra:
        kind = rng.choice(("bonus", "bonus", "overtime")) if not forfait else "bonus"
        if kind == "overtime":
            quarters = max(1, round(slip.extra / (hourly * 1.25) * 4))
            overtime_hours, overtime = quarters / 4, slip.extra
            lines.append(Bi("Heures supplémentaires 25 %", hours_fr(overtime_hours), rate4(overtime / overtime_hours),
                            overtime, code="2010", en="Overtime at 25 %"))
        else:
            fr, en = rng.choice(BONUSES)
            lines.append(Bi(fr, "", "", slip.extra, code="3050", en=en))
    else:
        off = absence(p, slip.base_salary, rng)
        if off is not None:
            days, start, end, daily, amount = off.days, off.start, off.end, off.daily, off.amount
            fr_span = off.span()
            en_span = f"from {start:%d/%m} to {end:%d/%m}" if days > 1 else f"on {start:%d/%m}"
            count = f"{days},00 j"
            if off.kind == "leave":
                leave = float(days)
                lines += [Bi(f"Absence congés payés {fr_span}", count, rate4(daily), -amount, code="4100",
                             en=f"Paid leave {en_span}"),
                          Bi("Indemnité de congés payés", count, rate4(daily), amount, code="4110",
                             en="Paid leave allowance")]
            else:
                lines += [Bi(f"Absence maladie {fr_span}", count, rate4(daily), -amount, code="4200",
                             en=f"Sick leave {en_span}"),
                          Bi("Maintien de salaire (subrogation)", count, rate4(daily), amount, code="4210",
                             en="Salary continuation (sick pay)")]
    assert round(sum(r.gain or 0.0 for r in lines), 2) == slip.gross
    return lines, overtime, overtime_hours, leave


def _compute(facts: DossierFacts, slip: PayslipFacts, rng: random.Random) -> Pay:
    c, company = facts.contract, facts.contract.employer
    p, g = slip.period_start, slip.gross
    cadre = c.job_title in CADRES
    forfait = cadre and c.weekly_hours >= 35 and rng.random() < 0.75  # the cadres autonomes: 218 days a year
    earn, overtime, overtime_hours, leave = _earnings(facts, slip, forfait, rng)
    hours = c.hours_per_month or round(c.weekly_hours * 52 / 12, 2)
    share = 1.0 if forfait else min(1.0, hours / 151.67)
    ceiling = monthly_ceiling(p) * share
    t1, t2 = min(g, ceiling), max(0.0, round(g - ceiling, 2))
    smic_month = float(smic(p)) * share
    sick, family = health_and_family_rates(g, smic_month)
    at = AT_RATES.get(company.ape, 1.50)
    prev_s, prev_p = (0.0, 1.50) if cadre else rng.choice(((0.20, 0.30), (0.25, 0.35), (0.11, 0.39)))
    mut_s = rng.choice((0.0, 18.60, 24.35, 31.20))  # some groups pay the whole health cover
    mut_p = rng.choice((46.80, 58.40, 72.15, 64.90))
    transport = TRANSPORT.get(company.city, 1.80)
    others = (("Contribution solidarité autonomie", 0.30), ("FNAL", 0.50), ("Versement mobilité", transport),
              ("Formation professionnelle continue", 1.00), ("Taxe d'apprentissage", 0.68),
              ("Contribution au dialogue social", 0.016))
    other_total = round(sum(cut(g, rate) for _, rate in others) + cut(cut(t1, prev_p), 8.0), 2)
    coef = general_reduction(g, smic_month)
    relief = round(coef * g, 2)
    csg_base = round(g * 0.9825 + cut(t1, prev_p) + mut_p, 2)
    csg_d, csg_nd = cut(csg_base, 6.80), cut(csg_base, 2.90)
    exemption = cut(overtime, 11.31)
    rows = [Bi("SANTÉ", style="head", en="HEALTH"),
            Bi("Sécurité sociale – Maladie Maternité Invalidité Décès", number_fr(g), "", None, None, pct(sick),
               cut(g, sick), "sub", en="Sickness, maternity, disability, death"),
            Bi("Complémentaire Incapacité Invalidité Décès", number_fr(t1), pct(prev_s) if prev_s else "", None,
               cut(t1, prev_s) or None, pct(prev_p), cut(t1, prev_p), "sub",
               en="Disability and death cover"),
            Bi("Complémentaire santé", "", "", None, mut_s or None, "", mut_p, "sub",
               en="Supplementary health insurance"),
            Bi("ACCIDENTS DU TRAVAIL – MALADIES PROFESSIONNELLES", number_fr(g), "", None, None, pct(at), cut(g, at),
               en="WORK INJURY INSURANCE"),
            Bi("RETRAITE", style="head", en="RETIREMENT"),
            Bi("Sécurité sociale plafonnée", number_fr(t1), "6,90", None, cut(t1, 6.90), "8,55", cut(t1, 8.55), "sub",
               en="State pension, capped"),
            Bi("Sécurité sociale déplafonnée", number_fr(g), "0,40", None, cut(g, 0.40), "2,02", cut(g, 2.02), "sub",
               en="State pension, uncapped"),
            Bi("Complémentaire Tranche 1", number_fr(t1), "4,01", None, cut(t1, 4.01), "6,01", cut(t1, 6.01), "sub",
               en="Supplementary pension, bracket 1")]
    if t2:
        rows.append(Bi("Complémentaire Tranche 2", number_fr(t2), "9,72", None, cut(t2, 9.72), "14,57",
                       cut(t2, 14.57), "sub", en="Supplementary pension, bracket 2"))
    rows += [Bi("FAMILLE", number_fr(g), "", None, None, pct(family), cut(g, family), en="FAMILY BENEFITS"),
             Bi("ASSURANCE CHÔMAGE", number_fr(g), "", None, None, "4,25", cut(g, 4.25),
                en="UNEMPLOYMENT INSURANCE")]
    if cadre:
        rows += [Bi("COTISATIONS STATUTAIRES OU PRÉVUES PAR LA CONVENTION COLLECTIVE", style="head",
                    en="STATUTORY AND AGREEMENT CONTRIBUTIONS"),
                 Bi("APEC", number_fr(g), "0,024", None, cut(g, 0.024), "0,036", cut(g, 0.036), "sub",
                    en="APEC (executives)")]
    rows += [Bi("AUTRES CONTRIBUTIONS DUES PAR L'EMPLOYEUR", "", "", None, None, "", other_total,
                en="OTHER EMPLOYER CONTRIBUTIONS"),
             Bi("CSG déductible de l'impôt sur le revenu", number_fr(csg_base), "6,80", None, csg_d,
                en="Tax-deductible CSG"),
             Bi("CSG/CRDS non déductible de l'impôt sur le revenu", number_fr(csg_base), "2,90", None, csg_nd,
                en="Non-deductible CSG/CRDS")]
    if exemption or relief:
        rows.append(Bi("EXONÉRATIONS, ÉCRÊTEMENTS ET ALLÈGEMENTS DE COTISATIONS", style="head",
                       en="CONTRIBUTION RELIEF"))
        if exemption:
            rows.append(Bi("Réduction salariale heures supplémentaires", number_fr(overtime), "11,31", None,
                           -exemption, "", None, "sub", en="Overtime contribution relief"))
        if relief:
            rows.append(Bi("Réduction générale des cotisations patronales", number_fr(g), "", None, None,
                           pct(round(coef * 100, 2)), -relief, "sub", en="General employer relief"))
    sal = round(sum(r.cut or 0.0 for r in rows), 2)
    pat = round(sum(r.pat or 0.0 for r in rows), 2)
    rows.append(Bi("TOTAL DES COTISATIONS ET CONTRIBUTIONS", "", "", None, sal, "", pat, "total",
                   en="TOTAL CONTRIBUTIONS"))

    after: list[Bi] = []
    if rng.random() < 0.55:
        count = rng.randint(16, 21)
        unit = rng.choice((4.50, 5.00, 5.40, 6.00))
        after.append(Bi("Titres-restaurant – part salariale", f"{count},00", number_fr(unit), -round(count * unit, 2),
                        code="7010", en="Meal vouchers – employee share"))
    if rng.random() < 0.45:
        after.append(Bi("Remboursement transports publics 50 %", "", "", rng.choice((44.20, 45.15, 43.15, 37.60)),
                        code="7020", en="Public transport reimbursement (50 %)"))
    if rng.random() < 0.35:
        days = rng.randint(4, 10)
        after.append(Bi("Allocation forfaitaire télétravail", f"{days},00", "2,70", round(days * 2.70, 2), code="7030",
                        en="Remote working allowance"))
    net_before = round(g - sal + sum(r.gain or 0.0 for r in after), 2)
    taxable = round(g - sal + csg_nd + mut_p - max(0.0, overtime - exemption), 2)
    tax_rate = rng.choice((0.0, 1.7, 3.2, 4.6, 6.1, 8.3, 10.5, 12.9))
    tax_label = tax_rate_label(tax_rate, rng, 0.75)
    tax = cut(taxable, tax_rate)
    deductions: list[Bi] = []
    if rng.random() < 0.35:
        part = rng.choice((2, 5, 10))
        deductions.append(Bi(f"Retenue plan d'achat d'actions ESPP ({part} %)", number_fr(slip.base_salary),
                             f"{part},00", -cut(slip.base_salary, part), code="8010",
                             en=f"ESPP deduction ({part} %)"))
    if rng.random() < 0.12:
        amount = float(rng.choice((200, 300, 500)))
        deductions.append(Bi(f"Acompte versé le 15/{p:%m/%Y}", "", "", -amount, code="8020",
                             en=f"Salary advance paid on 15/{p:%m/%Y}"))
    net_paid = round(net_before - tax + sum(r.gain or 0.0 for r in deductions), 2)
    net_social = round(g - sal + mut_p + cut(t1, prev_p), 2)
    return Pay(earn, g, rows, sal, pat, after, net_before, taxable, tax_rate, tax_label, tax, deductions, net_paid,
               net_social, round(g + pat, 2), None if forfait else hours + overtime_hours, slip.base_salary / hours,
               leave, relief)


# ------------------------------------------------------------------ words around the figures


@dataclass
class People:
    provider: tuple[str, str, str]
    brand: str
    entity: str
    street: str
    town: str
    siret: str
    ape: str
    urssaf: str
    convention: tuple[str, str]  # (French, English)
    parent: str
    seat: str
    parent_id: str
    employee: str
    address: list[str]
    pairs: list[tuple[str, str, str]]  # the employee's (French label, English label, value)
    period: tuple[str, str]  # (French, English) values
    month: tuple[str, str]  # "avril 2026", "April 2026"
    payment: str
    issued: str
    bank: str
    messages: list[tuple[str, str]] = field(default_factory=list)  # (French, English)


@dataclass
class Totals:
    ytd: list[tuple[str, str, str, str]] = field(default_factory=list)  # (French, English, month, year)
    leave: list[tuple[str, str, str, str]] = field(default_factory=list)  # (period, acquis, pris, solde)


def _people(facts: DossierFacts, slip: PayslipFacts, pay: Pay, rng: random.Random) -> People:
    person, c, company = facts.person, facts.contract, facts.contract.employer
    p, last = slip.period_start, last_day(slip.period_start)
    brand = company.name.split()[0].capitalize()
    suffix, seat, number = rng.choice(PARENTS)
    street, _, town = company.address.partition(", ")
    entity = rng.choice((f"{company.name} {company.legal_form}", company.name))
    region_number = f"{rng.choice(('117', '527', '547', '727', '827', '937'))} {rng.randint(10**11, 10**12 - 1)}"
    label, idcc, english = CONVENTIONS.get(company.ape, ("Syntec", "1486", "IT & engineering consultancies"))
    given = person.given_names
    employee = rng.choice((f"{person.civility} {given} {person.surname}", f"{person.surname} {given}",
                           f"{given} {person.surname}"))
    cadre = c.job_title in CADRES
    job = JOBS_EN.get(c.job_title, c.job_title)
    if cadre and rng.random() < 0.3:
        job = f"Senior {job}"
    status = ("Cadre", "Executive") if cadre else rng.choice((("Non-cadre", "Non-executive"),
                                                              ("ETAM", "Technician / supervisor")))
    if idcc == "1486":
        grade = rng.choice(("Position 2.2 – coef. 130", "Position 2.3 – coef. 150", "Position 3.1 – coef. 170")) \
            if cadre else rng.choice(("Position 2.2 – coef. 310", "Position 3.1 – coef. 400"))
    elif idcc == "3248":
        grade = rng.choice(("Classe F11", "Classe F12", "Classe C5", "Classe D7"))
    else:
        grade = rng.choice(("Niveau III – échelon 2", "Niveau IV", "Niveau II – échelon 3"))
    department = rng.choice(DEPARTMENTS.get(c.job_title, ("Operations",)))
    cost_centre = f"FR{rng.randint(10, 99)}-{rng.randint(1000, 9999)} {department}"
    matricule = f"{rng.randint(1, 99999):06d}"
    pairs = [("Matricule", "Employee ID", matricule)]
    if rng.random() < 0.6:
        pairs.append(("Identifiant groupe", "Global ID", f"{brand[:3].upper()}-{rng.randint(10**6, 10**7 - 1)}"))
    pairs += [("N° de sécurité sociale", "Social security no.", ssn_born_abroad(person, rng)),
              ("Emploi", "Job title", job), ("Statut", "Status", f"{status[0]} / {status[1]}"),
              ("Classification", "Grade", grade), ("Centre de coût", "Cost centre", cost_centre),
              ("Date d'entrée", "Hire date", date_slash(c.start_date))]
    if rng.random() < 0.35:
        earlier = c.start_date - dt.timedelta(days=rng.randint(400, 2600))
        pairs.append(("Ancienneté groupe", "Group seniority date", date_slash(earlier)))
    if pay.hours is None:
        pairs.append(("Temps de travail", "Working time", "Forfait 218 jours / 218-day package"))
    else:
        week = hours_fr(c.weekly_hours)
        pairs.append(("Temps de travail", "Working time", f"{week} h / sem. – {week} h / week"))
    if rng.random() < 0.4:
        pairs.append(("Salaire annuel de référence", "Annual base salary", f"{number_fr(slip.base_salary * 12)} €"))
    month_fr, month_en = f"{MONTHS_FR[p.month - 1]} {p.year}", f"{MONTHS_EN[p.month - 1]} {p.year}"
    period = rng.choice(((f"du {date_slash(p)} au {date_slash(last)}", f"from {date_slash(p)} to {date_slash(last)}"),
                         (f"{date_slash(p)} – {date_slash(last)}", f"{date_slash(p)} – {date_slash(last)}"),
                         (month_fr, month_en)))
    paid_on = last - dt.timedelta(days=rng.choice((0, 0, 1, 2, 3, 5)))
    while paid_on.weekday() >= 5:
        paid_on -= dt.timedelta(days=1)
    issued = paid_on - dt.timedelta(days=rng.randint(2, 6))
    bank = (f"FR76 **** **** **** **** **{rng.randint(10, 99)} {rng.randint(100, 999)}"
            if rng.random() < 0.6 else f"FR76 XXXX XXXX XXXX XXXX XXXX X{rng.randint(10, 99)}")
    mail = unicodedata.normalize("NFKD", brand.lower()).encode("ascii", "ignore").decode()
    messages = [(f"Pour toute question sur votre paie : payroll.france@{mail}.com",
                 f"Payroll questions: payroll.france@{mail}.com"),
                ("Votre taux de prélèvement à la source se gère sur www.impots.gouv.fr",
                 "Your withholding tax rate is managed on www.impots.gouv.fr"),
                ("Vos droits à la formation : www.moncompteformation.gouv.fr",
                 "Your training account: www.moncompteformation.gouv.fr")]
    if any("ESPP" in r.label for r in pay.deductions):
        start = dt.date(p.year, 1 if p.month <= 6 else 7, 1)
        end, buy = date_slash(last_day(add_months(start, 5))), date_slash(add_months(start, 6))
        first = date_slash(start)
        messages.insert(0, (f"Plan d'achat d'actions {brand} : souscription du {first} au {end}, achat au {buy}",
                            f"{brand} ESPP: offering period {first} – {end}, purchase on {buy}"))
    rng.shuffle(messages)
    return People(rng.choice(PROVIDERS), brand, entity, street, town,
                  siret_spaced(company.siret) if rng.random() < 0.4 else company.siret, company.ape, region_number,
                  (f"{label} (IDCC {idcc})", english), f"{brand} {suffix}", seat, number(rng), employee,
                  [person.address.partition(", ")[0], person.address.partition(", ")[2]], pairs, period,
                  (month_fr, month_en), date_slash(paid_on), date_slash(issued), bank, messages[:rng.randint(1, 3)])


def _totals(facts: DossierFacts, slip: PayslipFacts, pay: Pay, rng: random.Random) -> Totals:
    """The year-to-date totals since January (or since the worker came), a bonus paid earlier in the year on some;
    the paid leave over its reference years (2,08 working days a month, from June to May) and the RTT days."""
    p, start = slip.period_start, facts.contract.start_date
    first = max(dt.date(p.year, 1, 1), start.replace(day=1))
    months = max(1, (p.year - first.year) * 12 + p.month - first.month + 1)
    earlier = [slip.base_salary for _ in range(months - 1)]
    if earlier and rng.random() < 0.4:
        earlier[rng.randrange(len(earlier))] += round(slip.base_salary * rng.uniform(0.3, 1.2), 2)  # an annual bonus
    gross = round(pay.gross + sum(earlier), 2)
    factor = pay.taxable / pay.gross
    taxable = round(pay.taxable + sum(e * factor for e in earlier), 2)
    tax = round(taxable * pay.tax_rate / 100, 2)
    totals = Totals([("Salaire brut", "Gross salary", number_fr(pay.gross), number_fr(gross)),
                     ("Net imposable", "Taxable income", number_fr(pay.taxable), number_fr(taxable)),
                     ("Impôt prélevé à la source", "Income tax withheld", number_fr(pay.tax), number_fr(tax))])
    if pay.hours is not None:
        totals.ytd.append(("Heures rémunérées", "Paid hours", hours_fr(pay.hours),
                           hours_fr(round(pay.hours * months, 2))))
    totals.ytd += [("Plafond sécurité sociale", "Social security ceiling", number_fr(monthly_ceiling(p)),
                    number_fr(monthly_ceiling(p) * months)),
                   ("Coût total employeur", "Total employer cost", number_fr(pay.cost),
                    number_fr(round(pay.cost * gross / pay.gross, 2)))]
    (ref_n1, earned_n1), (ref_n, earned_n) = leave_years(p, start)
    taken_n1 = min(earned_n1, pay.leave_taken + rng.choice((0, 2, 5, 8, 10, 15)))
    for label, ref, earned, taken in (("N-1", ref_n1, earned_n1, taken_n1), ("N", ref_n, earned_n, 0.0)):
        totals.leave.append((f"{label} ({ref[0]:%m/%Y} – {ref[1]:%m/%Y})", number_fr(earned), number_fr(taken),
                             number_fr(earned - taken)))
    if pay.hours is None:
        taken = float(rng.randint(0, min(10, p.month)))
        totals.leave.append((f"RTT {p.year}", "10,00", number_fr(taken), number_fr(10 - taken)))
    return totals


# ------------------------------------------------------------------ drawing


def italic(font: FontKey) -> FontKey:
    return FontKey(font.family, False, True)


@dataclass(frozen=True)
class Tongue:
    """The order of the two languages and how a label carries its gloss: "slash" (one line, "Salaire brut / Gross
    salary"), "under" (the second language in small italics under the first) or "columns" (a column each)."""
    english_first: bool
    how: str

    def first(self, fr: str, en: str) -> str:
        return en if self.english_first and en else fr

    def second(self, fr: str, en: str) -> str:
        return fr if self.english_first and en else en

    def both(self, fr: str, en: str) -> str:
        return f"{self.first(fr, en)} / {self.second(fr, en)}" if en and en != fr else fr


def _bi(sheet: Sheet, x: float, y: float, fr: str, en: str, size: float, font: FontKey, width: float, tongue: Tongue,
        color: Color = BLACK, face: FontKey | None = None, align: str = "left", inline: bool = False) -> float:
    """A label in both languages at (x, y); returns how far below `y` its gloss went."""
    if tongue.how != "under" or inline or not en or en == fr:
        put(sheet, x, y, tongue.both(fr, en), size, face or font, width, color, align)
        return 0.0
    put(sheet, x, y, tongue.first(fr, en), size, face or font, width, color, align)
    drop = size * 0.3528 * 0.98
    put(sheet, x, y + drop, tongue.second(fr, en), size * 0.8, italic(font), width, GLOSS, align)
    return drop


@dataclass(frozen=True)
class Col:
    fr: str
    en: str
    key: str  # a Line's attribute, "en" (the gloss's own column), "amount", "gain" or "cut"
    x: float
    w: float
    align: str = "right"


@dataclass
class Style:
    font: FontKey
    accent: Color
    tongue: Tongue
    step: float
    size: float
    fill: Color  # the gross and totals' rows
    ruled: bool = False

    def height(self, row: Line) -> float:
        glossed = self.tongue.how == "under" and row.style != "head" and bool(getattr(row, "en", ""))
        return self.step * (1.6 if glossed else 1.0)


def _head(sheet: Sheet, cols: list[Col], y: float, st: Style) -> float:
    left, right = cols[0].x, cols[-1].x + cols[-1].w
    sheet.add(Box(left, y, right - left, 7.6, fill=st.accent, stroke=None))
    for col in cols:
        x = col.x + (col.w - 1 if col.align == "right" else 1)
        put(sheet, x, y + 3.3, st.tongue.first(col.fr, col.en), 6.2, bold(st.font), col.w - 1.5, WHITE, col.align)
        put(sheet, x, y + 6.3, st.tongue.second(col.fr, col.en), 5.4, italic(st.font), col.w - 1.5, WHITE, col.align)
    return y + 7.6 + st.step * 0.85


def _row(sheet: Sheet, cols: list[Col], row: Bi, y: float, st: Style) -> None:
    left, right = cols[0].x, cols[-1].x + cols[-1].w
    h = st.height(row)
    if row.style in ("gross", "total", "net"):
        sheet.add(Box(left + 0.2, y - st.step * 0.78, right - left - 0.4, h, fill=st.fill, stroke=None))
    elif row.style == "head":
        sheet.add(Rule(left, y - st.step * 0.8, right, y - st.step * 0.8, 0.15, LIGHT))
    face = bold(st.font) if row.style in ("head", "gross", "total", "net") else st.font
    if row.style == "head" and st.tongue.how != "columns":
        put(sheet, left + 0.8, y, st.tongue.both(row.label, row.en), st.size, face, right - left - 1.5)
        return
    for col in cols:
        if col.key == "label":
            indent = 3 if row.style == "sub" else 0.8
            if st.tongue.how == "columns":
                put(sheet, col.x + indent, y, row.label, st.size, face, col.w - indent - 0.5)
            else:
                _bi(sheet, col.x + indent, y, row.label, row.en, st.size, st.font, col.w - indent - 0.5, st.tongue,
                    face=face, inline=row.style == "head")
        elif col.key == "en":
            indent = 3 if row.style == "sub" else 0.8
            put(sheet, col.x + indent, y, row.en, st.size, italic(st.font) if row.style == "line" else face,
                col.w - indent - 0.5, GLOSS if row.style in ("line", "sub") else BLACK)
        else:
            text = cell(row, col.key)
            if col.align == "right":
                put(sheet, col.x + col.w - 1, y, text, st.size, face, col.w - 1.5, align="right")
            else:
                put(sheet, col.x + 1, y, text, st.size, face, col.w - 1.5)


def _frame(sheet: Sheet, cols: list[Col], top: float, bottom: float, st: Style) -> None:
    left, right = cols[0].x, cols[-1].x + cols[-1].w
    sheet.add(Rule(left, bottom, right, bottom, 0.35, st.accent))
    if st.ruled:
        sheet.add(Box(left, top, right - left, bottom - top, stroke=LIGHT, width=0.2))
        for col in cols[1:]:
            sheet.add(Rule(col.x, top + 7.6, col.x, bottom, 0.12, LIGHT))


def _flow(sheets: list[Sheet], cols: list[Col], rows: list[Bi], top: float, foot: float, st: Style,
          again: Callable[[Sheet], float]) -> tuple[Sheet, float]:
    """The table from `top`, then room for a foot `foot` mm high: on the first page when all fits it, else the table
    runs on to a second page (split at a heading, under the short header `again` draws) with the foot under it; the
    rows close up where that keeps the slip on two pages. Returns the sheet and the y the foot goes at."""
    bottom = H - 20.0
    first_room = bottom - top - 7.6 - st.step
    second_top = 30.0
    second_room = bottom - second_top - 7.6 - st.step - foot
    total = sum(st.height(r) for r in rows)
    while total > first_room + second_room and st.step > 2.9:
        st = Style(st.font, st.accent, st.tongue, st.step - 0.1, min(st.size, (st.step - 0.1) / 0.3528 / 1.25),
                   st.fill, st.ruled)
        total = sum(st.height(r) for r in rows)
    sheet = sheets[-1]
    y = _head(sheet, cols, top, st)
    start = top
    if total <= first_room - foot:
        for row in rows:
            _row(sheet, cols, row, y, st)
            y += st.height(row)
        _frame(sheet, cols, start, y - st.step * 0.6, st)
        return sheet, y + 1
    # how many rows fit the first page, then back to a heading near the end of it
    used, end = 0.0, 0
    while end < len(rows) and used + st.height(rows[end]) <= first_room:
        used += st.height(rows[end])
        end += 1
    if end < len(rows):
        heads = [k for k in range(max(1, end - 8), end + 1) if rows[k].style == "head"
                 or rows[k].label.startswith("NET À PAYER")]
        if heads:
            end = heads[-1]
        # the rest and the foot must fit the second page
        while sum(st.height(r) for r in rows[end:]) > second_room and end < len(rows):
            end += 1
    for row in rows[:end]:
        _row(sheet, cols, row, y, st)
        y += st.height(row)
    _frame(sheet, cols, start, y - st.step * 0.6, st)
    sheet = Sheet()
    sheets.append(sheet)
    start = again(sheet)
    if end < len(rows):
        put(sheets[0], cols[-1].x + cols[-1].w, y + 1.2, st.tongue.both("Suite page suivante", "Continued overleaf"),
            6.2, italic(st.font), 60, GREY, "right")
        y = _head(sheet, cols, start, st)
        for row in rows[end:]:
            _row(sheet, cols, row, y, st)
            y += st.height(row)
        _frame(sheet, cols, start, y - st.step * 0.6, st)
        return sheet, y + 1
    return sheet, start


def _short_header(people: People, font: FontKey, accent: Color, tongue: Tongue) -> Callable[[Sheet], float]:
    def draw(sheet: Sheet) -> float:
        put(sheet, 12, 14, people.entity, 9, bold(font), 95, accent)
        put(sheet, 12, 18.5, f"SIRET : {people.siret}", 7, font, 90, GREY)
        put(sheet, W - 12, 14, f"{tongue.both('Bulletin de paie (suite)', 'Pay slip (continued)')} – {people.employee}",
            8, bold(font), 110, align="right")
        put(sheet, W - 12, 18.5, f"{tongue.both('Période', 'Pay period')} : "
            f"{tongue.both(*people.period) if people.period[0] != people.period[1] else people.period[0]}", 7.2, font,
            110, GREY, "right")
        sheet.add(Rule(12, 21.5, W - 12, 21.5, 0.3, accent))
        return 26.0
    return draw


def _footer(sheets: list[Sheet], people: People, font: FontKey, tongue: Tongue) -> None:
    brand, _, entity = people.provider
    for page, sheet in enumerate(sheets, 1):
        sheet.add(Rule(12, H - 15.5, W - 12, H - 15.5, 0.2, LIGHT))
        put(sheet, 12, H - 12.5, KEEP[0], 5.7, font, 160, GREY)
        put(sheet, 12, H - 9.9, KEEP[1], 5.5, italic(font), 160, GLOSS)
        put(sheet, 12, H - 7.3, f"{PORTAL[0]} – {BINDING[0]}", 5.5, font, 165, GREY)
        put(sheet, 12, H - 4.7, tongue.both(f"Bulletin établi par {entity} pour le compte de l'employeur",
                                            f"Prepared by {brand.capitalize()} on behalf of the employer"),
            5.5, font, 165, GREY)
        put(sheet, W - 12, H - 12.5, f"Page {page}/{len(sheets)}", 6.2, font, 25, GREY, "right")


def _pairs(sheet: Sheet, x: float, y: float, w: float, label_w: float, rows: list[tuple[str, str, str]],
           font: FontKey, tongue: Tongue, size: float = 6.8) -> float:
    """Labels in both languages and their values, one under the other; returns the y after the last."""
    for fr, en, value in rows:
        drop = _bi(sheet, x, y, fr, en, size - 0.6, font, label_w - 1.5, tongue, GREY)
        put(sheet, x + label_w, y, value, size, font, w - label_w)
        y += max(3.5, drop + 2.9)
    return y


def _messages(sheet: Sheet, y: float, people: People, font: FontKey, accent: Color, tongue: Tongue) -> float:
    """The provider's and the group's messages to the employee, where the page has room for them."""
    step = 6.0 if tongue.how == "under" else 3.4
    if y + 5 + step * len(people.messages) > H - 19:
        return y
    put(sheet, 12, y + 3, tongue.both("Informations", "Messages"), 7, bold(font), 60, accent)
    y += 6.5
    for fr, en in people.messages:
        y += _bi(sheet, 12, y, fr, en, 6.4, font, W - 24, tongue) + 3.4
    return y


def _nets_height(pay: Pay, tongue: Tongue) -> float:
    drop = 2.6 if tongue.how == "under" else 0.0
    return 4.4 + (3.7 + drop) * (2 + len(pay.deductions)) + 2.9 + 10.5 + 9.6


def _grid_height(rows: int, size: float) -> float:
    return rows * size * 0.3528 * 1.6


def _nets_box(sheet: Sheet, x: float, y: float, w: float, pay: Pay, people: People, font: FontKey, accent: Color,
              tongue: Tongue) -> float:
    rows: list[tuple[str, str, str]] = [
        ("Net à payer avant impôt sur le revenu", "Net pay before tax", number_fr(pay.net_before)),
        ("Impôt sur le revenu prélevé à la source", "Income tax withheld", signed(-pay.tax) if pay.tax else "0,00")]
    rows += [(r.label, r.en, signed(r.gain or 0.0)) for r in pay.deductions]
    drop = 2.6 if tongue.how == "under" else 0.0
    step = 3.7 + drop
    h = _nets_height(pay, tongue)
    sheet.add(Box(x, y, w, h, stroke=accent, width=0.4))
    yy = y + 4.4
    for i, (fr, en, value) in enumerate(rows):
        _bi(sheet, x + 2, yy, fr, en, 6.8, font, w - 26, tongue, face=bold(font) if i == 0 else font)
        put(sheet, x + w - 2, yy, value, 7, bold(font) if i == 0 else font, 22, align="right")
        if i == 1:
            rate = f"{tongue.both(pay.tax_label, TAX_LABELS[pay.tax_label])} : {pct(pay.tax_rate)} % – base " \
                   f"{number_fr(pay.taxable)}"
            yy += 2.9 + drop
            put(sheet, x + 4, yy, rate, 5.8, font, w - 8, GREY)
            yy += 3.7
            continue
        yy += step
    sheet.add(Box(x + 1, yy - 2.2, w - 2, 8, fill=accent, stroke=None))
    put(sheet, x + 3, yy + 3, tongue.both("NET PAYÉ", "NET PAID"), 9.2, bold(font), w - 34, WHITE)
    put(sheet, x + w - 3, yy + 3, f"{number_fr(pay.net_paid)} €", 10, bold(font), 30, WHITE, "right")
    yy += 10.5
    put(sheet, x + 2, yy, f"{tongue.both('Montant net social', 'Net social amount')} : {number_fr(pay.net_social)} €",
        6.4, font, w - 4)
    put(sheet, x + 2, yy + 3.4, f"{tongue.both('Virement', 'Bank transfer')} {people.payment} – IBAN {people.bank}",
        6.0, font, w - 4, GREY)
    put(sheet, x + 2, yy + 6.8, f"{tongue.both('Coût total employeur', 'Total employer cost')} : "
        f"{number_fr(pay.cost)} €", 6.0, font, w - 4, GREY)
    return y + h


def _ytd_grid(sheet: Sheet, x: float, y: float, widths: list[float], totals: Totals, font: FontKey, tongue: Tongue,
              fill: Color, size: float = 6.0) -> float:
    rows = [("", tongue.both("Mois", "Month"), tongue.both("Année", "Year"))]
    rows += [(tongue.both(fr, en), month, year) for fr, en, month, year in totals.ytd]
    return grid(sheet, x, y, widths, rows, font, size, fill=fill, stroke=LIGHT, leading=1.6, pad=0.8)


def _leave_grid(sheet: Sheet, x: float, y: float, widths: list[float], totals: Totals, font: FontKey, tongue: Tongue,
                fill: Color, size: float = 6.0) -> float:
    rows = [(tongue.both("Période", "Period"), tongue.both("Acquis", "Earned"), tongue.both("Pris", "Taken"),
             tongue.both("Solde", "Balance")), *totals.leave]
    return grid(sheet, x, y, widths, rows, font, size, fill=fill, stroke=LIGHT, leading=1.6, pad=0.8)


def _table_rows(pay: Pay, tongue: Tongue, nets: bool) -> list[Bi]:
    rows = [*pay.earn, Bi("SALAIRE BRUT", "", "", pay.gross, style="gross", en="GROSS SALARY"), *pay.contributions]
    if pay.after:
        rows += [Bi("ÉLÉMENTS NON SOUMIS À COTISATIONS", style="head", en="ITEMS NOT SUBJECT TO CONTRIBUTIONS"),
                 *pay.after]
    if nets:
        label = "Impôt sur le revenu prélevé à la source"
        rows += [Bi("NET À PAYER AVANT IMPÔT SUR LE REVENU", "", "", pay.net_before, style="total",
                    en="NET PAY BEFORE INCOME TAX"),
                 Bi(label, number_fr(pay.taxable), pct(pay.tax_rate), -pay.tax if pay.tax else 0.0,
                    en="Income tax withheld"),
                 *pay.deductions,
                 Bi("NET PAYÉ", "", "", pay.net_paid, style="net", en="NET PAID")]
    return rows


def _bandeau(people: People, pay: Pay, totals: Totals, font: FontKey, accent: Color, rng: random.Random) -> list[Sheet]:
    """The provider's portrait slip: its coloured band, the employer's and the employee's boxes, the table, and the
    nets, year-to-date totals and paid leave at the foot."""
    tongue = Tongue(False, rng.choice(("under", "under", "slash")))
    sheet = Sheet()
    sheets = [sheet]
    brand, tagline, _ = people.provider
    sheet.add(Box(0, 0, W, 25, fill=accent, stroke=None))
    put(sheet, 12, 12, brand, 15, bold(font), 80, WHITE)
    put(sheet, 12, 17.5, tagline, 7.2, italic(font), 80, WHITE)
    if tongue.how == "under":
        put(sheet, W - 12, 11, "BULLETIN DE PAIE", 13, bold(font), 90, WHITE, "right")
        put(sheet, W - 12, 15.5, "Pay slip", 8.5, italic(font), 90, WHITE, "right")
    else:
        put(sheet, W - 12, 12.5, "BULLETIN DE PAIE / PAY SLIP", 12, bold(font), 100, WHITE, "right")
    period = tongue.both(*people.period) if people.period[0] != people.period[1] else people.period[0]
    put(sheet, W - 12, 21.5, f"{tongue.both('Période', 'Pay period')} : {period}", 7.6, bold(font), 120, WHITE,
        "right")
    put(sheet, 12, 30, "   ·   ".join((f"{tongue.both('Date de paiement', 'Payment date')} : {people.payment}",
                                       f"{tongue.both(*ISSUE)} : {people.issued}",
                                       f"{tongue.both('Devise', 'Currency')} : EUR")), 6.6, font, W - 24, GREY)
    pale = tint(accent, 0.88)
    top = 33.0
    employer = [("SIRET", "", people.siret), ("Code APE", "NAF code", people.ape),
                ("N° Urssaf", "Urssaf account", people.urssaf),
                ("Convention collective", "Collective agreement", people.convention[0]),
                ("Groupe", "Group", people.parent), ("Siège du groupe", "Group headquarters", people.seat),
                ("Immatriculation", "Registration", people.parent_id)]
    heights = []
    for x, w, (fr, en), name, lines, pairs in (
            (12.0, 88.0, ("EMPLOYEUR", "EMPLOYER"), people.entity, [people.street, people.town], employer),
            (104.0, 94.0, ("SALARIÉ", "EMPLOYEE"), people.employee, people.address, people.pairs)):
        sheet.add(Box(x, top, w, 5, fill=pale, stroke=None))
        put(sheet, x + 1.5, top + 3.6, tongue.both(fr, en), 7, bold(font), w - 3, accent)
        put(sheet, x + 1.5, top + 9.5, name, 8.6, bold(font), w - 3)
        y = top + 13.2
        for line in lines:
            put(sheet, x + 1.5, y, line, 7, font, w - 3)
            y += 3.4
        y = _pairs(sheet, x + 1.5, y + 1.2, w - 3, 36 if tongue.how == "under" else 42, pairs, font, tongue)
        heights.append(y - top)
    box_h = max(heights) + 0.5
    for x, w in ((12.0, 88.0), (104.0, 94.0)):
        sheet.add(Box(x, top, w, box_h, stroke=accent, width=0.3))
    cols = [Col("Rubrique", "Item", "label", 12, 82, "left"), Col("Base", "Basis", "base", 94, 19),
            Col("Taux sal.", "Empl. rate", "rate", 113, 13), Col("À payer", "Earnings", "gain", 126, 18),
            Col("À déduire", "Deductions", "cut", 144, 18), Col("Taux pat.", "Empr. rate", "pat_rate", 162, 13),
            Col("Part patronale", "Employer share", "pat", 175, 23)]
    st = Style(font, accent, tongue, 3.55 if tongue.how == "under" else 3.7, 6.8, tint(accent, 0.85))
    foot = 4 + max(10 + _grid_height(len(totals.ytd) + 1, 6.0) + _grid_height(len(totals.leave) + 1, 6.0),
                   1 + _nets_height(pay, tongue))
    sheet, y = _flow(sheets, cols, _table_rows(pay, tongue, False), top + box_h + 4, foot, st,
                     _short_header(people, font, accent, tongue))
    y += 2
    put(sheet, 12, y + 3, tongue.both("Cumuls annuels", "Year to date"), 7.2, bold(font), 90, accent)
    yy = _ytd_grid(sheet, 12, y + 4.5, [54, 20, 22], totals, font, tongue, pale)
    put(sheet, 12, yy + 4, tongue.both("Congés payés", "Paid leave") + " (jours ouvrés / working days)", 7.2,
        bold(font), 90, accent)
    _leave_grid(sheet, 12, yy + 5.5, [38, 18, 18, 18], totals, font, tongue, pale)
    bottom = _nets_box(sheet, 110, y + 1, W - 122, pay, people, font, accent, tongue)
    _messages(sheet, max(bottom, y + foot - 4) + 2, people, font, accent, tongue)
    return sheets


def _compact(people: People, pay: Pay, totals: Totals, font: FontKey, accent: Color,
             rng: random.Random) -> list[Sheet]:
    """A dense slip: a grid of bilingual cells for the parties and the dates, the table with a French and an English
    label column, the year-to-date totals, the paid leave and the nets side by side at the foot."""
    tongue = Tongue(False, "slash")
    sheet = Sheet()
    sheets = [sheet]
    put(sheet, 12, 13, "Bulletin de paie", 13, bold(font), 60, accent)
    put(sheet, 12, 17.5, "Pay slip", 8.5, italic(font), 60, GLOSS)
    put(sheet, W - 12, 12, people.entity, 9, bold(font), 110, align="right")
    put(sheet, W - 12, 16, f"{people.street}, {people.town}", 6.8, font, 110, align="right")
    put(sheet, W - 12, 19.5, f"{people.provider[0].capitalize()} · {people.provider[1]}", 6.2, italic(font), 110,
        GREY, "right")
    sheet.add(Rule(12, 22, W - 12, 22, 0.5, accent))
    pairs = {fr: value for fr, _, value in people.pairs}
    cells = [("Employeur", "Employer", people.entity), ("SIRET", "", people.siret),
             ("Code APE", "NAF code", people.ape), ("N° Urssaf", "Urssaf account", people.urssaf),
             ("Salarié", "Employee", people.employee), ("Matricule", "Employee ID", pairs["Matricule"]),
             ("N° de sécurité sociale", "Social security no.", pairs["N° de sécurité sociale"]),
             ("Emploi", "Job title", pairs["Emploi"]),
             ("Période", "Pay period", people.period[0]), ("Date de paiement", "Payment date", people.payment),
             ("Date d'entrée", "Hire date", pairs["Date d'entrée"]), ("Statut", "Status", pairs["Statut"]),
             ("Centre de coût", "Cost centre", pairs["Centre de coût"]),
             ("Classification", "Grade", pairs["Classification"]),
             ("Convention collective", "Collective agreement", people.convention[0]),
             ("Groupe", "Group", f"{people.parent}, {people.seat}")]
    x0, y, cw, ch = 12.0, 24.0, (W - 24) / 4, 8.6
    for i, (fr, en, value) in enumerate(cells):
        x = x0 + cw * (i % 4)
        yy = y + ch * (i // 4)
        sheet.add(Box(x, yy, cw, ch, stroke=LIGHT, width=0.2))
        put(sheet, x + 1, yy + 3, tongue.both(fr, en), 5.4, font, cw - 2, GREY)
        put(sheet, x + 1, yy + 7, value, 6.8, bold(font) if fr in ("Salarié", "Employeur") else font, cw - 2)
    y += ch * 4 + 3.6
    others = [f"{tongue.both(fr, en)} : {value}" for fr, en, value in people.pairs
              if fr in ("Identifiant groupe", "Ancienneté groupe", "Temps de travail", "Salaire annuel de référence")]
    put(sheet, 12, y, f"{tongue.both('Adresse du salarié', 'Employee address')} : {', '.join(people.address)}   ·   "
        f"{tongue.both('Employeur', 'Employer')} : {people.entity}, {people.street}, {people.town}", 6.2, font, W - 24,
        GREY)
    others.append(f"{tongue.both('Immatriculation du groupe', 'Group registration')} : {people.parent_id}")
    line = ""
    for item in others:  # as many to a line as fit it
        if line and text_width_mm(f"{line}   ·   {item}", font, 6.2) > W - 24:
            y += 3.3
            put(sheet, 12, y, line, 6.2, font, W - 24, GREY)
            line = item
        else:
            line = f"{line}   ·   {item}" if line else item
    y += 3.3
    put(sheet, 12, y, line, 6.2, font, W - 24, GREY)
    cols = [Col("Libellé", "", "label", 12, 64, "left"), Col("Description", "", "en", 76, 42, "left"),
            Col("Base", "Basis", "base", 118, 16), Col("Taux", "Rate", "rate", 134, 11),
            Col("Salarié", "Employee", "amount", 145, 17), Col("Taux pat.", "Empr. rate", "pat_rate", 162, 12),
            Col("Employeur", "Employer", "pat", 174, 24)]
    st = Style(font, accent, Tongue(False, "columns"), 3.45, 6.3, tint(accent, 0.85), ruled=True)
    foot = 3 + max(10 + _grid_height(len(totals.ytd) + 1, 5.6) + _grid_height(len(totals.leave) + 1, 5.4),
                   1 + _nets_height(pay, tongue))
    sheet, y = _flow(sheets, cols, _table_rows(pay, tongue, False), y + 2.5, foot, st,
                     _short_header(people, font, accent, tongue))
    pale = tint(accent, 0.88)
    put(sheet, 12, y + 3.5, tongue.both("Cumuls annuels", "Year to date"), 6.8, bold(font), 60, accent)
    yy = _ytd_grid(sheet, 12, y + 5, [50, 16, 18], totals, font, tongue, pale, 5.6)
    put(sheet, 12, yy + 3.5, tongue.both("Congés payés", "Paid leave"), 6.8, bold(font), 60, accent)
    _leave_grid(sheet, 12, yy + 5, [32, 16, 15, 17], totals, font, tongue, pale, 5.4)
    bottom = _nets_box(sheet, 100, y + 1, W - 112, pay, people, font, accent, tongue)
    _messages(sheet, max(bottom, y + foot - 3) + 2, people, font, accent, tongue)
    return sheets


def _english_first(people: People, pay: Pay, totals: Totals, font: FontKey, accent: Color,
                   rng: random.Random) -> list[Sheet]:
    """The group's own template: English first, the brand at the top, a summary strip, the employee's details in two
    columns, the nets at the end of the table, the totals and the paid leave under it."""
    tongue = Tongue(True, rng.choice(("slash", "under")))
    sheet = Sheet()
    sheets = [sheet]
    put(sheet, 12, 15, people.brand.lower(), 20, bold(font), 80, accent)
    y = 21.0
    for i, line in enumerate((people.entity, f"{people.street}, {people.town}",
                              f"SIRET : {people.siret} – APE {people.ape}",
                              f"{tongue.both('N° Urssaf', 'Urssaf account')} : {people.urssaf}",
                              (f"{tongue.both('Société mère', 'Parent company')} : {people.parent}, {people.seat} "
                               f"– {people.parent_id}"))):
        put(sheet, 12, y + 3.4 * i, line, 7.4 if i == 0 else 6.6, bold(font) if i == 0 else font, 110,
            BLACK if i < 4 else GREY)
    put(sheet, W - 12, 13, "PAY SLIP", 14, bold(font), 80, accent, "right")
    put(sheet, W - 12, 18, "Bulletin de paie", 8.5, italic(font), 80, GLOSS, "right")
    month = tongue.both(people.month[0], people.month[1])
    period = tongue.both(*people.period) if people.period[0] != people.period[1] else people.period[0]
    put(sheet, W - 12, 24, f"{tongue.both('Période', 'Pay period')} : {period}", 7.2, bold(font), 95, align="right")
    put(sheet, W - 12, 28, f"{tongue.both('Date de paiement', 'Payment date')} : {people.payment}", 7, font, 95,
        align="right")
    put(sheet, W - 12, 32, f"{tongue.both(*ISSUE)} : {people.issued}", 6.6, font, 95, GREY,
        "right")
    y = 41.0
    summary = [("Salaire brut", "Gross salary", pay.gross),
               ("Net à payer avant impôt", "Net pay before tax", pay.net_before),
               ("Impôt prélevé à la source", "Income tax withheld", pay.tax), ("Net payé", "Net paid", pay.net_paid)]
    bw = (W - 24 - 6) / 4
    for i, (fr, en, amount) in enumerate(summary):
        x = 12 + i * (bw + 2)
        sheet.add(Box(x, y, bw, 12, fill=tint(accent, 0.9), stroke=None))
        put(sheet, x + 2, y + 4, tongue.both(fr, en), 6.2, font, bw - 4, GREY)
        put(sheet, x + bw - 2, y + 10, f"{number_fr(amount)} €", 10, bold(font), bw - 4, align="right")
    put(sheet, 12, y + 16, f"{month} – {tongue.both('Montants en euros', 'Amounts in EUR')}", 6.4, italic(font), 120,
        GREY)
    y += 20
    put(sheet, 12, y, tongue.both("Salarié", "Employee"), 7.4, bold(font), 60, accent)
    sheet.add(Rule(12, y + 1.2, W - 12, y + 1.2, 0.3, accent))
    put(sheet, 12, y + 5.5, people.employee, 8.6, bold(font), 90)
    put(sheet, 12, y + 9, ", ".join(people.address), 6.8, font, 90)
    half = (len(people.pairs) + 1) // 2
    label_w = 40 if tongue.how == "slash" else 34
    bottom = max(_pairs(sheet, 12, y + 13, 90, label_w, people.pairs[:half], font, tongue, 6.6),
                 _pairs(sheet, 106, y + 5.5, 92, label_w, people.pairs[half:] + [
                     ("Convention collective", "Collective agreement", people.convention[0])], font, tongue, 6.6))
    cols = [Col("Rubrique", "Description", "label", 12, 88, "left"), Col("Base", "Basis", "base", 100, 19),
            Col("Taux", "Rate", "rate", 119, 13), Col("Part salarié", "Employee", "amount", 132, 21),
            Col("Taux pat.", "Empr. rate", "pat_rate", 153, 13), Col("Part employeur", "Employer", "pat", 166, 32)]
    st = Style(font, accent, tongue, 3.5 if tongue.how == "under" else 3.6, 6.7, tint(accent, 0.85),
               ruled=rng.random() < 0.5)
    foot = 13 + _grid_height(max(len(totals.ytd), len(totals.leave)) + 1, 5.8)
    sheet, y = _flow(sheets, cols, _table_rows(pay, tongue, True), bottom + 2, foot, st,
                     _short_header(people, font, accent, tongue))
    pale = tint(accent, 0.88)
    put(sheet, 12, y + 4, f"{tongue.both('Montant net social', 'Net social amount')} : {number_fr(pay.net_social)} €"
        f"   ·   {tongue.both('Coût total employeur', 'Total employer cost')} : {number_fr(pay.cost)} €"
        f"   ·   IBAN {people.bank}", 6.4, font, W - 24)
    put(sheet, 12, y + 9, tongue.both("Cumuls annuels", "Year to date"), 7, bold(font), 80, accent)
    _ytd_grid(sheet, 12, y + 10.5, [56, 20, 22], totals, font, tongue, pale, 5.8)
    put(sheet, 112, y + 9, tongue.both("Congés payés", "Paid leave"), 7, bold(font), 80, accent)
    _leave_grid(sheet, 112, y + 10.5, [34, 17, 17, 18], totals, font, tongue, pale, 5.8)
    _messages(sheet, y + foot, people, font, accent, tongue)
    return sheets


LAYOUTS = {"bandeau": _bandeau, "compact": _compact, "english_first": _english_first}


def bulletin_bilingue(facts: DossierFacts, rng: random.Random, slip: PayslipFacts | None = None) -> BuiltPiece:
    slip = slip or facts.payslips[0]
    layout = rng.choice(tuple(LAYOUTS))
    font = FontKey("condensed") if layout == "compact" and rng.random() < 0.5 else FontKey(rng.choice(FONTS))
    accent = rng.choice(ACCENTS)
    pay = _compute(facts, slip, rng)
    people = _people(facts, slip, pay, rng)
    totals = _totals(facts, slip, pay, rng)
    sheets = LAYOUTS[layout](people, pay, totals, font, accent, rng)
    _footer(sheets, people, font, Tongue(layout == "english_first", "slash"))
    return _payslip_piece(facts, slip, LAYOUT, sheets)
