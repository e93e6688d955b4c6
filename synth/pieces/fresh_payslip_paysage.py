"""Fresh payslip family `bulletin_paysage` (second payslip wave, written once `net_paye` had been looked at): the
payslip a large payroll software prints in LANDSCAPE, in the "bulletin clarifié" model — the employer (raison sociale,
address, SIRET, code NAF, URSSAF or MSA contributor number, convention collective with its IDCC) and the employee
(matricule, name as "M. Prénom NOM" or "NOM Prénom", emploi, statut, niveau, coefficient, date d'entrée, ancienneté,
n° de sécurité sociale) side by side, the period ("Période du 01/MM/YYYY au 30/MM/YYYY" or "Mois de paie : juin
2026") beside a later payment date; then the wide table: Salaire de base (hours × hourly rate), overtime at 25 %,
primes, absences (unpaid, or paid leave and sick leave with their indemnity), "SALAIRE BRUT", the contributions
grouped (Santé, Accidents du travail, Retraite, Famille, Assurance chômage, Autres contributions dues par l'employeur,
CSG/CRDS, exonérations) with Base | Taux salarial | Part salariale | Taux patronal | Part patronale, "Total des
cotisations et contributions", the non-taxable items, "NET À PAYER AVANT IMPÔT SUR LE REVENU", the tax at source with
its rate, "NET PAYÉ", the "montant net social"; and at the foot the annual totals (cumuls: gross, taxable net, hours
— larger amounts) and the paid-leave table (acquis, pris, solde over the reference periods).

Three sub-layouts: `cadres` (title band, three boxes Employeur | Salarié | Emploi, the table with "à payer / à
déduire" columns, cumuls, congés and the net in three blocks at the foot), `volet` (a left column with the parties,
cumuls and congés, the table and the nets on the right), `listing` (rubric codes, "Gains / Retenues" columns, the
employee's data in a strip of cells, a horizontal strip of monthly and annual totals). A second page on some seeds:
the employer's contributions in detail, totalling the page's employer share.

The truth is the generator's usual one (`work._payslip_piece`): the employer's SIRET, the employee's surname, the
month, the gross. Distractors: the year-to-date gross, the nets, the employer's total cost, the contributor number,
the matricule, the social security number, the payment and edition dates, the previous month (variable elements
paid a month later, the paid-leave reference period)."""
from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from synth.facts import DossierFacts, PayslipFacts
from synth.fmt import MONTHS_FR, date_slash, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey
from synth.layout import A4, Box, Color, Rule, Sheet, Text
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.fresh_diploma_titre_pro import OFFICES
from synth.pieces.payroll_print import (
    CADRES,
    KEEP,
    PORTAL,
    TRANSPORT,
    Column,
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
    seniority,
    signed,
    ssn_born_abroad,
    tax_rate_label,
    working_days,
)
from synth.pieces.work import _payslip_piece
from synth.rules import add_months, smic

WIDTH, HEIGHT = A4[1], A4[0]  # landscape
LAYOUT = "bulletin_paysage"
GREY: Color = (95, 95, 95)
PALE: Color = (238, 240, 243)
ACCENTS: tuple[Color, ...] = ((0, 70, 127), (30, 90, 70), (105, 35, 65), (55, 55, 60), (140, 75, 15))
FONTS = ("sans", "lsans", "condensed", "lserif")
SOFTWARE = ("PAIE+ v12.4", "GESPAIE Entreprise 9.2", "KALIPAIE Cloud 2026.1", "SYGMA RH – module Paie 7.4",
            "OPTIPAIE Expert 5.0", "PAIEMASTER Premium 11")
# the conventions collectives of the generator's activity codes (farms: the agricultural one)
CONVENTIONS = {"6202A": ("Syntec – bureaux d'études techniques", "1486"),
               "7112B": ("Syntec – bureaux d'études techniques", "1486"),
               "5610A": ("Hôtels, cafés, restaurants (HCR)", "1979"),
               "4941A": ("Transports routiers et activités auxiliaires", "0016"),
               "4711D": ("Commerce de détail alimentaire", "2216"),
               "8610Z": ("Hospitalisation privée (FHP)", "2264"),
               "1071C": ("Boulangerie-pâtisserie artisanale", "0843"),
               "4321A": ("Bâtiment – ETAM", "2609")}
FARMS = ("Production agricole et CUMA", "7024")
AT_RATES = {"6202A": 0.64, "7112B": 0.82, "5610A": 1.71, "4941A": 2.98, "4711D": 2.12, "8610Z": 1.45,
            "1071C": 2.06, "4321A": 3.54}
PRIMES = ("Prime exceptionnelle", "Prime d'assiduité", "Prime de panier soumise", "Indemnité de sujétion",
          "Prime sur objectifs")


@dataclass
class Pay:
    """Every figure of one slip, computed before it is laid out."""
    pay: list[Line]
    gross: float
    contributions: list[Line]
    sal_total: float
    pat_total: float
    after: list[Line]  # non-taxable items between the contributions and the net before tax
    net_before: float
    net_social: float
    taxable: float
    tax_rate: float
    tax_label: str
    tax: float
    advance: tuple[str, float] | None
    net_paid: float
    detail: list[tuple[str, str, str, float]]  # the employer's contributions, one by one (label, base, rate, amount)
    hours: float
    hourly: float
    overtime_hours: float
    leave_taken: float
    variables: dt.date | None  # the month the variable elements were counted in (paid a month late)


@dataclass
class People:
    """The header's words: who pays, who is paid, and when."""
    company_lines: list[str]
    siret: str
    ape: str
    contributor: str  # "URSSAF Île-de-France – n° …"
    convention: str
    employee_name: str
    employee_lines: list[str]
    matricule: str
    ssn: str
    job: list[tuple[str, str]]  # (label, value): emploi, statut, niveau, coefficient, entrée, ancienneté, horaire
    period: str
    payment: str
    edited: str
    software: str


@dataclass
class Totals:
    """The year-to-date totals and the paid-leave counters."""
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (label, month, year)
    leave: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # (period, ref, acquis, pris, solde)


def _pay_lines(facts: DossierFacts, slip: PayslipFacts, rng: random.Random) -> tuple[list[Line], float, float, float]:
    """(the pay lines up to the gross, the overtime amount, its hours, the paid-leave days taken): they add up to the
    facts' gross — overtime and primes make the difference to the base, an unpaid absence is made up by overtime,
    paid leave and sick leave are paid back by their indemnity."""
    c = facts.contract
    hours = c.hours_per_month or round(c.weekly_hours * 52 / 12, 2)
    hourly = slip.base_salary / hours
    p = slip.period_start
    lines = [Line("Salaire de base", hours_fr(hours), rate4(hourly), slip.base_salary, code="1000")]
    overtime, overtime_hours, leave = 0.0, 0.0, 0.0
    if slip.extra:
        kind = rng.choice(("prime", "overtime", "overtime_prime", "absence"))
        target, absent = slip.extra, 0.0
        if kind == "absence":
            count = rng.choice((3.5, 7.0, 7.0, 14.0))
            absent = round(count * hourly, 2)
            day, _ = working_days(p, 1, rng)
            label = rng.choice(("Absence non rémunérée", "Absence autorisée non payée", "Absence injustifiée"))
            lines.append(Line(f"{label} le {day:%d/%m}", hours_fr(count), rate4(hourly), -absent, code="4010"))
            target = round(slip.extra + absent, 2)
        rate = hourly * 1.25
        if kind == "overtime_prime":  # a prime takes what the quarter hours leave, never a few cents
            quarters = max(0, math.floor((target - 8) / rate * 4))
        else:  # the overtime makes the whole difference: its rate is the amount over the nearest quarter hours
            quarters = round(target / rate * 4) if kind != "prime" else 0
        if quarters:
            overtime_hours = quarters / 4
            overtime = round(overtime_hours * rate, 2) if kind == "overtime_prime" else target
            rate = overtime / overtime_hours
            lines.append(Line(rng.choice(("Heures supplémentaires 25 %", "Heures supplémentaires majorées à 25 %",
                                          "HS 25 % (36e à 43e heure)")),
                              hours_fr(overtime_hours), rate4(rate), overtime, code="2010"))
        rest = round(target - overtime, 2)
        if rest > 0:
            lines.append(Line(rng.choice(PRIMES), "", "", rest, code="3050"))
    else:
        off = absence(p, slip.base_salary, rng)
        if off is not None:
            days, daily, amount, span = off.days, off.daily, off.amount, off.span()
            if off.kind == "leave":
                leave = float(days)
                lines += [Line(f"Absence congés payés {span}", f"{days},00 j", rate4(daily), -amount, code="4100"),
                          Line("Indemnité de congés payés (maintien)", f"{days},00 j", rate4(daily), amount,
                               code="4110")]
            else:
                lines += [Line(f"Absence maladie {span}", f"{days},00 j", rate4(daily), -amount, code="4200"),
                          Line("Maintien de salaire maladie (conv. coll.)", f"{days},00 j", rate4(daily), amount,
                               code="4210")]
    return lines, overtime, overtime_hours, leave


def _compute(facts: DossierFacts, slip: PayslipFacts, rng: random.Random) -> Pay:
    c, company = facts.contract, facts.contract.employer
    p = slip.period_start
    pay, overtime, overtime_hours, leave = _pay_lines(facts, slip, rng)
    g = slip.gross
    ceiling = monthly_ceiling(p) * min(1.0, (c.hours_per_month or c.weekly_hours * 52 / 12) / 151.67)
    t1, t2 = min(g, ceiling), max(0.0, round(g - ceiling, 2))
    cadre = c.job_title in CADRES
    smic_month = float(smic(p)) * min(1.0, c.weekly_hours / 35)
    farm = company.agricultural
    at = AT_RATES.get(company.ape, 3.10)
    staff = rng.randint(12, 420)
    sick, family = health_and_family_rates(g, smic_month)
    prev_s, prev_p = (0.0, 1.50) if cadre else rng.choice(((0.20, 0.30), (0.25, 0.35), (0.11, 0.39)))
    mut_s = rng.choice((28.40, 35.12, 41.60, 52.30))
    mut_p = round(mut_s * rng.choice((1.0, 1.0, 1.5)), 2)
    fnal = ("FNAL", number_fr(g), 0.50, cut(g, 0.50)) if staff >= 50 else ("FNAL", number_fr(t1), 0.10, cut(t1, 0.10))
    transport = TRANSPORT.get(company.city, 1.80)
    training = 1.00 if staff >= 11 else 0.55
    others = [("Contribution solidarité autonomie", number_fr(g), 0.30, cut(g, 0.30)), fnal,
              ("Versement mobilité", number_fr(g), transport, cut(g, transport)),
              ("Formation professionnelle continue", number_fr(g), training, cut(g, training)),
              ("Taxe d'apprentissage", number_fr(g), 0.59, cut(g, 0.59)),
              ("Contribution au dialogue social", number_fr(g), 0.016, cut(g, 0.016)),
              ("Forfait social prévoyance 8 %", number_fr(cut(t1, prev_p)), 8.0, cut(cut(t1, prev_p), 8.0))]
    coef = general_reduction(g, smic_month)
    reduction = round(coef * g, 2)

    # the employer's share, one by one, keyed to the page's grouped line it adds into
    detail: list[tuple[str, str, str, str, float]] = [
        ("sick", "Maladie, maternité, invalidité, décès", number_fr(g), pct(sick), cut(g, sick)),
        ("prev", "Prévoyance incapacité, invalidité, décès", number_fr(t1), pct(prev_p), cut(t1, prev_p)),
        ("mut", "Complémentaire santé – part employeur", "", "", mut_p),
        ("at", "Accidents du travail – maladies professionnelles", number_fr(g), pct(at), cut(g, at)),
        ("ss", "Assurance vieillesse plafonnée", number_fr(t1), "8,55", cut(t1, 8.55)),
        ("ssd", "Assurance vieillesse déplafonnée", number_fr(g), "2,02", cut(g, 2.02)),
        ("t1", "Retraite complémentaire AGIRC-ARRCO T1", number_fr(t1), "4,72", cut(t1, 4.72)),
        ("t1", "Contribution d'équilibre général T1", number_fr(t1), "1,29", cut(t1, 1.29))]
    if t2:
        detail += [("t2", "Retraite complémentaire AGIRC-ARRCO T2", number_fr(t2), "12,95", cut(t2, 12.95)),
                   ("t2", "Contribution d'équilibre général T2", number_fr(t2), "1,62", cut(t2, 1.62))]
    detail += [("fam", "Allocations familiales", number_fr(g), pct(family), cut(g, family)),
               ("cho", "Assurance chômage", number_fr(g), "4,00", cut(g, 4.00)),
               ("cho", "AGS (garantie des salaires)", number_fr(g), "0,25", cut(g, 0.25))]
    if cadre:
        detail.append(("apec", "APEC", number_fr(g), "0,036", cut(g, 0.036)))
    detail += [("other", label, base, pct(rate), amount) for label, base, rate, amount in others]
    if reduction:
        detail.append(("rg", "Réduction générale des cotisations patronales", number_fr(g), "", -reduction))
    pat = {key: round(sum(a for k, _, _, _, a in detail if k == key), 2) for key, *_ in detail}

    csg_base = round(g * 0.9825 + cut(t1, prev_p) + mut_p, 2)
    csg_d, csg_nd = cut(csg_base, 6.80), cut(csg_base, 2.90)
    rows = [Line("SANTÉ", style="head"),
            Line("Sécurité sociale – Maladie Maternité Invalidité Décès", number_fr(g), "", None, None, pct(sick),
                 pat["sick"], "sub", "5010"),
            Line("Complémentaire Incapacité Invalidité Décès", number_fr(t1), pct(prev_s) if prev_s else "",
                 None, cut(t1, prev_s) or None, pct(prev_p), pat["prev"], "sub", "5020"),
            Line("Complémentaire santé", "", "", None, mut_s, "", pat["mut"], "sub", "5030"),
            Line("ACCIDENTS DU TRAVAIL – MALADIES PROFESSIONNELLES", number_fr(g), "", None, None, pct(at),
                 pat["at"], "line", "5100"),
            Line("RETRAITE", style="head"),
            Line("Sécurité sociale plafonnée", number_fr(t1), "6,90", None, cut(t1, 6.90), "8,55", pat["ss"], "sub",
                 "5210"),
            Line("Sécurité sociale déplafonnée", number_fr(g), "0,40", None, cut(g, 0.40), "2,02", pat["ssd"], "sub",
                 "5220"),
            Line("Complémentaire Tranche 1", number_fr(t1), "4,01", None, cut(t1, 4.01), "6,01", pat["t1"], "sub",
                 "5230")]
    if t2:
        rows.append(Line("Complémentaire Tranche 2", number_fr(t2), "9,72", None, cut(t2, 9.72), "14,57", pat["t2"],
                         "sub", "5240"))
    rows += [Line("FAMILLE", number_fr(g), "", None, None, pct(family), pat["fam"], "line", "5300"),
             Line("ASSURANCE CHÔMAGE", number_fr(g), "", None, None, "4,25", pat["cho"], "line", "5400")]
    if cadre:
        rows += [Line("COTISATIONS STATUTAIRES OU CONVENTIONNELLES", style="head"),
                 Line("APEC", number_fr(g), "0,024", None, cut(g, 0.024), "0,036", pat["apec"], "sub", "5500")]
    rows += [Line("AUTRES CONTRIBUTIONS DUES PAR L'EMPLOYEUR", "", "", None, None, "", pat["other"], "line", "5600"),
             Line("CSG déductible de l'impôt sur le revenu", number_fr(csg_base), "6,80", None, csg_d, "", None,
                  "line", "5700"),
             Line("CSG/CRDS non déductible de l'impôt sur le revenu", number_fr(csg_base), "2,90", None, csg_nd, "",
                  None, "line", "5710")]
    exemption = cut(overtime, 11.31)
    if exemption or reduction:
        rows.append(Line("EXONÉRATIONS, ÉCRÊTEMENTS ET ALLÈGEMENTS DE COTISATIONS", style="head"))
        if exemption:
            rows.append(Line("Réduction de cotisations salariales heures supplémentaires", number_fr(overtime),
                             "11,31", None, -exemption, "", None, "sub", "5810"))
        if reduction:
            rows.append(Line("Réduction générale des cotisations patronales", number_fr(g), "", None, None,
                             pct(round(coef * 100, 2)), pat["rg"], "sub", "5820"))
    sal_total = round(sum(r.cut or 0.0 for r in rows), 2)
    pat_total = round(sum(a for *_, a in detail), 2)
    rows.append(Line("TOTAL DES COTISATIONS ET CONTRIBUTIONS", "", "", None, sal_total, "", pat_total, "total"))

    after: list[Line] = []
    if not farm and rng.random() < 0.45:
        count = rng.randint(17, 21)
        share = rng.choice((4.00, 4.05, 4.50, 5.40))
        after.append(Line("Titres-restaurant – part salariale", f"{count},00", number_fr(share),
                          -round(count * share, 2), code="7010"))
    if rng.random() < 0.4:
        after.append(Line("Remboursement transports publics (50 %)", "", "",
                          rng.choice((43.15, 44.20, 45.15, 37.60, 32.05)), code="7020"))
    net_before = round(g - sal_total + sum(r.gain or 0.0 for r in after), 2)
    net_social = round(g - sal_total + mut_p + cut(t1, prev_p), 2)
    taxable = round(g - sal_total + csg_nd + mut_p - max(0.0, overtime - exemption), 2)
    tax_rate = rng.choice((0.0, 1.3, 2.6, 3.8, 5.1, 7.4, 9.9, 12.2))
    tax_label = tax_rate_label(tax_rate, rng, 0.75)
    tax = cut(taxable, tax_rate)
    advance = None
    if rng.random() < 0.2:
        advance = (f"Acompte versé le 15/{p:%m/%Y}", float(rng.choice((200, 300, 400, 500))))
    net_paid = round(net_before - tax - (advance[1] if advance else 0.0), 2)
    hours = c.hours_per_month or round(c.weekly_hours * 52 / 12, 2)
    variables = add_months(p, -1) if rng.random() < 0.4 else None
    return Pay(pay, g, rows, sal_total, pat_total, after, net_before, net_social, taxable, tax_rate, tax_label, tax,
               advance, net_paid, [(label, base, rate, amount) for _, label, base, rate, amount in detail], hours,
               slip.base_salary / hours, overtime_hours, leave, variables)


def _people(facts: DossierFacts, slip: PayslipFacts, pay: Pay, rng: random.Random) -> People:
    person, c, company = facts.person, facts.contract, facts.contract.employer
    p, last = slip.period_start, last_day(slip.period_start)
    street, _, town = company.address.partition(", ")
    name = rng.choice((f"{company.name} {company.legal_form}", f"{company.name} ({company.legal_form})",
                       company.name))
    siret = siret_spaced(company.siret) if rng.random() < 0.35 else company.siret
    region = OFFICES.get(company.city, ("Île-de-France",))[0]
    number = f"{rng.choice(('117', '527', '547', '727', '827', '937', '317', '427'))} {rng.randint(10**11, 10**12 - 1)}"
    contributor = (f"MSA {company.city} – n° {number}" if company.agricultural
                   else f"URSSAF {region} – n° cotisant {number}")
    label, idcc = FARMS if company.agricultural else CONVENTIONS.get(company.ape, FARMS)
    convention = rng.choice((f"Convention collective : {label} (IDCC {idcc})", f"IDCC {idcc} – {label}"))
    given = person.given_names
    employee_name = rng.choice((f"{person.civility} {given} {person.surname}", f"{person.surname} {given}",
                                f"{person.civility} {person.surname} {given}"))
    matricule = f"{rng.randint(1, 99999):0{rng.choice((5, 6, 8))}d}"
    cadre = c.job_title in CADRES
    status = "Cadre" if cadre else rng.choice(("Non-cadre", "ETAM", "Employé"))
    level = (rng.choice(("Position 2.1", "Position 2.2", "Niveau VIII", "Position II")) if cadre
             else rng.choice(("Niveau II", "Niveau III – échelon 2", "Niveau IV", "Échelon 3")))
    coefficient = str(rng.choice((115, 130, 150, 400, 450)) if cadre else rng.choice((170, 185, 210, 230, 255, 280)))
    job = [("Emploi", c.job_title), ("Statut", status), ("Niveau", level), ("Coefficient", coefficient),
           ("Date d'entrée", date_slash(c.start_date)), ("Ancienneté", seniority(c.start_date, last)),
           ("Contrat", f"{c.contract_type} – {hours_fr(pay.hours)} h / mois"),
           ("Taux horaire", f"{rate4(pay.hourly)} €")]
    period = rng.choice((f"Période du {date_slash(p)} au {date_slash(last)}",
                         f"Mois de paie : {MONTHS_FR[p.month - 1]} {p.year}",
                         f"Période : {MONTHS_FR[p.month - 1]} {p.year} (du {date_slash(p)} au {date_slash(last)})"))
    paid_on = rng.choice((last, last - dt.timedelta(days=rng.randint(1, 3)), last + dt.timedelta(days=rng.randint(1, 5))))
    payment = rng.choice((f"Paiement le {date_slash(paid_on)}", f"Date de paiement : {date_slash(paid_on)}",
                          f"Payé par virement le {date_slash(paid_on)}"))
    edited = f"Édité le {date_slash(paid_on - dt.timedelta(days=rng.randint(1, 4)))}"
    return People([name, street, town], siret, company.ape, contributor, convention, employee_name,
                  [person.address.partition(", ")[0], person.address.partition(", ")[2]], matricule,
                  ssn_born_abroad(facts.person, rng), job, period, payment, edited, rng.choice(SOFTWARE))


def _totals(facts: DossierFacts, slip: PayslipFacts, pay: Pay, rng: random.Random) -> Totals:
    """The cumuls since January (or since the worker came) and the paid-leave counters over their reference years."""
    p, start = slip.period_start, facts.contract.start_date
    first = max(dt.date(p.year, 1, 1), start.replace(day=1))
    months = max(1, (p.year - first.year) * 12 + p.month - first.month + 1)
    earlier = [slip.base_salary + (round(rng.uniform(20, 150), 2) if rng.random() < 0.3 else 0.0)
               for _ in range(months - 1)]
    gross = round(pay.gross + sum(earlier), 2)
    factor = pay.taxable / pay.gross
    taxable = round(pay.taxable + sum(e * factor * rng.uniform(0.995, 1.005) for e in earlier), 2)
    hours = pay.hours * months + pay.overtime_hours + rng.choice((0, 0, 2, 4.5, 7))
    tax = round(taxable * pay.tax_rate / 100, 2)
    ceiling = monthly_ceiling(p) * months
    cost = round(pay.gross + pay.pat_total, 2)
    totals = Totals([("Salaire brut", number_fr(pay.gross), number_fr(gross)),
                     ("Net imposable", number_fr(pay.taxable), number_fr(taxable)),
                     ("Heures travaillées", hours_fr(pay.hours + pay.overtime_hours), hours_fr(hours)),
                     ("Impôt prélevé à la source", number_fr(pay.tax), number_fr(tax)),
                     ("Plafond sécurité sociale", number_fr(monthly_ceiling(p)), number_fr(ceiling)),
                     ("Coût global employeur", number_fr(cost), number_fr(round(cost * gross / pay.gross, 2)))])
    # paid leave: "N-1" was earned from June to May of last year, "N" since June (2,08 working days a month)
    (ref_n1, earned_n1), (ref_n, earned_n) = leave_years(p, start)
    taken_n1 = min(earned_n1, pay.leave_taken + rng.choice((0, 0, 2, 5, 8, 10, 15)))
    for label, ref, earned, taken in (("N-1", ref_n1, earned_n1, taken_n1), ("N", ref_n, earned_n, 0.0)):
        totals.leave.append((label, f"{ref[0]:%d/%m/%Y} – {ref[1]:%d/%m/%Y}", number_fr(earned), number_fr(taken),
                             number_fr(earned - taken)))
    return totals


# ------------------------------------------------------------------ drawing


def _table(sheet: Sheet, columns: list[Column], lines: list[Line], top: float, bottom: float, font: FontKey,
           accent: Color, ruled: bool) -> float:
    """The table's head (two-level when the columns split between the employee's and the employer's shares) and its
    rows in the room between `top` and `bottom`; returns the baseline after the last row."""
    left, right = columns[0].x, columns[-1].x + columns[-1].w
    sheet.add(Box(left, top, right - left, 7.5, fill=accent, stroke=None))
    for col in columns:
        x = col.x + (col.w - 1.2 if col.align == "right" else 1.2)
        put(sheet, x, top + 5.1, col.head, 6.8, bold(font), col.w - 2, (255, 255, 255), col.align)
    step = min(4.2, (bottom - top - 10) / max(1, len(lines)))
    size = min(7.6, step / 0.3528 / 1.28)
    y = top + 7.5 + step * 0.95
    if ruled:
        for col in columns[1:]:
            sheet.add(Rule(col.x, top + 7.5, col.x, top + 8.5 + step * len(lines), 0.15, (170, 170, 170)))
        sheet.add(Box(left, top, right - left, 8.5 + step * len(lines), stroke=(120, 120, 120), width=0.25))
    for line in lines:
        if line.style in ("gross", "total"):
            sheet.add(Box(left + 0.3, y - step * 0.78, right - left - 0.6, step, fill=PALE, stroke=None))
        face = bold(font) if line.style in ("head", "gross", "total") else font
        for col in columns:
            text = cell(line, col.key)
            if col.key == "label" and line.style == "sub":
                put(sheet, col.x + 4, y, text, size, font, col.w - 5)
            elif col.align == "right":
                put(sheet, col.x + col.w - 1.2, y, text, size, face, col.w - 1.5, align="right")
            else:
                put(sheet, col.x + 1.2, y, text, size, face, col.w - 2)
        y += step
    return y


def _box(sheet: Sheet, x: float, y: float, w: float, title: str, rows: list[str], font: FontKey, accent: Color,
         size: float = 7.4, first_bold: bool = True, height: float | None = None) -> float:
    """A framed block with its title on a tinted strip; returns its bottom."""
    step = size * 0.3528 * 1.32
    h = height or 7.5 + step * len(rows) + 1.5
    sheet.add(Box(x, y, w, h, stroke=accent, width=0.3), Box(x, y, w, 5, fill=PALE, stroke=None),
              Text(x + 1.5, y + 3.7, title, 7, bold(font), accent))
    for i, row in enumerate(rows):
        put(sheet, x + 1.8, y + 6.5 + step * (i + 1) - 1.2, row, size, bold(font) if i == 0 and first_bold else font,
             w - 3.5)
    return y + h


def _grid(sheet: Sheet, x: float, y: float, widths: Sequence[float], rows: list[tuple[str, ...]], font: FontKey,
          size: float = 6.8) -> float:
    """A small ruled grid, the first row as its head on a pale strip; every figure right-aligned."""
    return grid(sheet, x, y, widths, rows, font, size, fill=PALE, stroke=(140, 140, 140), leading=1.55, pad=1)


def _footer(sheet: Sheet, people: People, font: FontKey, page: int, pages: int) -> None:
    sheet.add(Rule(10, HEIGHT - 10.5, WIDTH - 10, HEIGHT - 10.5, 0.2, GREY))
    put(sheet, 10, HEIGHT - 7, KEEP, 6.2, font, 190, GREY)
    put(sheet, 10, HEIGHT - 4.2, PORTAL, 5.8, font, 120, GREY)
    put(sheet, WIDTH - 10, HEIGHT - 7, f"{people.software} – {people.edited}", 6.2, font, 90, GREY, "right")
    put(sheet, WIDTH - 10, HEIGHT - 4.2, f"Page {page}/{pages}", 6.2, font, 40, GREY, "right")


def _nets_box(sheet: Sheet, x: float, y: float, w: float, pay: Pay, font: FontKey, accent: Color) -> float:
    """The nets at the foot: before tax, the tax at source with its base and rate, the advance, the net paid."""
    rows = [("Net à payer avant impôt sur le revenu", number_fr(pay.net_before), ""),
            ("Impôt sur le revenu prélevé à la source", signed(-pay.tax) if pay.tax else "0,00",
             f"{pay.tax_label} : {pct(pay.tax_rate)} % – base {number_fr(pay.taxable)}")]
    if pay.advance:
        rows.append((pay.advance[0], signed(-pay.advance[1]), ""))
    step = 3.6
    lines = sum(2 if sub else 1 for *_, sub in rows)
    h = 5 + step * lines + 11.5
    sheet.add(Box(x, y, w, h, stroke=accent, width=0.4))
    yy = y + 5
    for i, (label, value, sub) in enumerate(rows):
        put(sheet, x + 2, yy, label, 7, bold(font) if i == 0 else font, w - 28)
        put(sheet, x + w - 2, yy, value, 7.2, bold(font) if i == 0 else font, 24, align="right")
        if sub:
            yy += step
            put(sheet, x + 4, yy, sub, 6.4, font, w - 30, GREY)
        yy += step
    yy += 2
    sheet.add(Box(x + 1, yy - 4.6, w - 2, 7.4, fill=accent, stroke=None))
    put(sheet, x + 3, yy, "NET PAYÉ", 10, bold(font), 40, (255, 255, 255))
    put(sheet, x + w - 3, yy, f"{number_fr(pay.net_paid)} €", 10.5, bold(font), 45, (255, 255, 255), "right")
    put(sheet, x + 2, yy + 6.2, f"Montant net social : {number_fr(pay.net_social)} €", 6.8, font, w - 4, GREY)
    return y + h


def _gross_line(pay: Pay, label: str) -> Line:
    return Line(label, "", "", pay.gross, style="gross")


def _cadres(people: People, pay: Pay, totals: Totals, font: FontKey, accent: Color, rng: random.Random) -> Sheet:
    """A title band, three boxes (employer, employee, job), the table with "à payer / à déduire" columns, then
    the cumuls, the paid leave and the nets side by side at the foot."""
    sheet = Sheet(WIDTH, HEIGHT)
    title = rng.choice(("BULLETIN DE PAIE", "BULLETIN DE SALAIRE"))
    sheet.add(Rule(10, 18.5, WIDTH - 10, 18.5, 0.6, accent))
    put(sheet, 10, 10.5, people.software.split(" – ")[0].split()[0], 8, bold(font), 60, accent)
    put(sheet, WIDTH / 2, 14, title, 14, bold(font), 120, accent, "center")
    put(sheet, WIDTH - 10, 10.5, people.period, 9, bold(font), 110, align="right")
    put(sheet, WIDTH - 10, 15.5, people.payment, 7.5, font, 90, GREY, "right")
    employer = [people.company_lines[0], *people.company_lines[1:], f"SIRET : {people.siret}",
                f"Code NAF : {people.ape}", people.contributor, people.convention]
    employee = [people.employee_name, *people.employee_lines, f"Matricule : {people.matricule}",
                f"N° de sécurité sociale : {people.ssn}"]
    job = [f"{label} : {value}" for label, value in people.job]
    if pay.variables:
        job.append(f"Variables : {MONTHS_FR[pay.variables.month - 1]} {pay.variables.year}")
    boxes = [("Employeur", employer, 96), ("Salarié", employee, 92), ("Emploi et contrat", job, 81)]
    if rng.random() < 0.25:
        boxes[0], boxes[1] = boxes[1], boxes[0]
    x, height = 10.0, 7.5 + 7.4 * 0.3528 * 1.32 * max(len(b[1]) for b in boxes) + 1.5
    for head, rows, w in boxes:
        _box(sheet, x, 22, w, head, rows, font, accent, 7.2 if head != "Emploi et contrat" else 6.9,
             head != "Emploi et contrat", height)
        x += w + 4
    top = 24 + height
    split = rng.random() < 0.5
    columns = [Column("Éléments de paie", "label", 10, 104, "left"), Column("Base", "base", 114, 27),
               Column("Taux sal.", "rate", 141, 20)]
    if split:
        columns += [Column("À payer", "gain", 161, 28), Column("À déduire", "cut", 189, 28)]
    else:
        columns += [Column("Part salariale", "amount", 161, 36)]
    end = columns[-1].x + columns[-1].w
    columns += [Column("Taux pat.", "pat_rate", end, 20), Column("Part patronale", "pat", end + 20, WIDTH - 10 - end - 20)]
    lines = [*pay.pay, _gross_line(pay, rng.choice(("SALAIRE BRUT", "TOTAL BRUT", "Salaire brut"))),
             *pay.contributions, *pay.after]
    _table(sheet, columns, lines, top, 158, font, accent, ruled=True)
    y = 160.0
    put(sheet, 10, y + 3.5, "Cumuls annuels", 7.5, bold(font), 60, accent)
    _grid(sheet, 10, y + 5, [44, 24, 28], [("", "Mois", "Année"), *totals.rows], font, 6.4)
    put(sheet, 110, y + 3.5, "Congés payés (jours ouvrés)", 7.5, bold(font), 70, accent)
    _grid(sheet, 110, y + 5, [9, 33, 13, 13, 13], [("", "Période de référence", "Acquis", "Pris", "Solde"),
                                                   *totals.leave], font, 6.2)
    _nets_box(sheet, 196, y + 1, WIDTH - 206, pay, font, accent)
    return sheet


def _volet(people: People, pay: Pay, totals: Totals, font: FontKey, accent: Color, rng: random.Random) -> Sheet:
    """A left column with the employer, the employee, the cumuls and the paid leave; the table and the nets, as its
    last rows, on the right."""
    sheet = Sheet(WIDTH, HEIGHT)
    left_w = 86.0
    sheet.add(Box(8, 8, left_w, HEIGHT - 21, fill=(247, 247, 249), stroke=None))
    title = rng.choice(("Bulletin de paie", "BULLETIN DE SALAIRE", "Bulletin de paie – salarié"))
    put(sheet, 11, 15, title, 12, bold(font), left_w - 6, accent)
    put(sheet, 11, 20.5, people.period, 7.8, bold(font), left_w - 6)
    put(sheet, 11, 24.5, people.payment, 7, font, left_w - 6, GREY)
    y = 28.0
    step = 3.3
    blocks = [("EMPLOYEUR", [people.company_lines[0], f"{people.company_lines[1]}, {people.company_lines[2]}",
                             f"Siret {people.siret} – NAF {people.ape}", people.contributor, people.convention]),
              ("SALARIÉ", [people.employee_name, f"{people.employee_lines[0]}, {people.employee_lines[1]}",
                           f"Matricule {people.matricule}", f"N° SS {people.ssn}",
                           *(f"{label} : {value}" for label, value in people.job)])]
    if pay.variables:
        blocks[1][1].append(f"Éléments variables du mois de {MONTHS_FR[pay.variables.month - 1]} "
                            f"{pay.variables.year}")
    for head, rows in blocks:
        put(sheet, 11, y + 3, head, 7.4, bold(font), 40, accent)
        sheet.add(Rule(11, y + 4.2, 8 + left_w - 3, y + 4.2, 0.25, accent))
        y += 4.5
        for i, row in enumerate(rows):
            y += step
            put(sheet, 11, y, row, 6.9, bold(font) if i == 0 else font, left_w - 6)
        y += 3
    put(sheet, 11, y + 3, "CUMULS", 7.4, bold(font), 40, accent)
    y = _grid(sheet, 11, y + 4.5, [38, 20, 22], [("", "Période", "Année"), *totals.rows[:4]], font, 6.2) + 2
    put(sheet, 11, y + 3, "CONGÉS PAYÉS", 7.4, bold(font), 40, accent)
    _grid(sheet, 11, y + 4.5, [31, 16, 16, 17], [("", "Acquis", "Pris", "Solde"),
                                                 *((f"{p} ({r[-4:]})", a, t, s) for p, r, a, t, s in totals.leave)],
          font, 6.2)
    x0 = 8 + left_w + 4
    columns = [Column("Désignation", "label", x0, 76, "left"), Column("Base", "base", x0 + 76, 22),
               Column("Taux", "rate", x0 + 98, 15), Column("Part salarié", "amount", x0 + 113, 26),
               Column("Taux", "pat_rate", x0 + 139, 15), Column("Part employeur", "pat", x0 + 154, WIDTH - 10 - x0 - 154)]
    nets = [Line("NET À PAYER AVANT IMPÔT SUR LE REVENU", "", "", pay.net_before, style="total"),
            Line(f"Impôt sur le revenu prélevé à la source ({pay.tax_label})", number_fr(pay.taxable),
                 pct(pay.tax_rate), -pay.tax)]
    if pay.advance:
        nets.append(Line(pay.advance[0], "", "", -pay.advance[1]))
    nets.append(Line("NET PAYÉ EN EUROS", "", "", pay.net_paid, style="total"))
    lines = [*pay.pay, _gross_line(pay, rng.choice(("SALAIRE BRUT", "Salaire brut"))), *pay.contributions,
             *pay.after, *nets]
    y = _table(sheet, columns, lines, 9, HEIGHT - 22, font, accent, ruled=rng.random() < 0.5)
    put(sheet, x0, HEIGHT - 15, f"Montant net social : {number_fr(pay.net_social)} €", 7, bold(font), 80)
    put(sheet, WIDTH - 10, HEIGHT - 15, f"Total versé par l'employeur : {number_fr(pay.gross + pay.pat_total)} €",
         7, font, 90, GREY, "right")
    return sheet


def _listing(people: People, pay: Pay, totals: Totals, font: FontKey, accent: Color, rng: random.Random) -> Sheet:
    """Rubric codes and "Gains / Retenues" columns, the employee's data in a strip of cells, a horizontal strip of
    the month's and the year's totals at the foot."""
    sheet = Sheet(WIDTH, HEIGHT)
    for i, row in enumerate([*people.company_lines, f"SIRET {people.siret}   APE {people.ape}", people.contributor]):
        put(sheet, 10, 12 + 3.6 * i, row, 8.6 if i == 0 else 7, bold(font) if i == 0 else font, 120)
    sheet.add(Box(WIDTH - 118, 8, 108, 22, stroke=accent, width=0.5))
    put(sheet, WIDTH - 64, 14.5, rng.choice(("BULLETIN DE SALAIRE", "BULLETIN DE PAIE")), 12, bold(font), 100, accent,
         "center")
    put(sheet, WIDTH - 64, 20.5, people.period, 8.4, bold(font), 104, align="center")
    put(sheet, WIDTH - 64, 25.5, f"{people.payment} – {people.edited}", 6.8, font, 104, GREY, "center")
    put(sheet, 10, 34.5, people.convention, 6.8, font, 160, GREY)
    cells = [("Matricule", people.matricule), ("Salarié", people.employee_name),
             ("N° sécurité sociale", people.ssn), *people.job[:6]]
    widths = [20, 52, 34, 44, 22, 30, 18, 22, 25]
    x, y = 10.0, 37.0
    for (label, value), w in zip(cells, widths):
        sheet.add(Box(x, y, w, 10, stroke=(130, 130, 130), width=0.2), Box(x, y, w, 4, fill=PALE, stroke=None))
        put(sheet, x + 1, y + 3, label, 5.8, font, w - 2, GREY)
        put(sheet, x + 1, y + 8.2, value, 7, bold(font) if label == "Salarié" else font, w - 2)
        x += w
    address = f"{people.employee_lines[0]}, {people.employee_lines[1]}"
    extra = f"   Horaire : {people.job[6][1]}   Taux horaire : {people.job[7][1]}"
    if pay.variables:
        extra += f"   Variables de {MONTHS_FR[pay.variables.month - 1]} {pay.variables.year} (paie décalée)"
    put(sheet, 10, 51, f"Adresse : {address}{extra}", 6.8, font, WIDTH - 20, GREY)
    columns = [Column("Code", "code", 10, 13, "left"), Column("Libellé", "label", 23, 92, "left"),
               Column("Nombre / Base", "base", 115, 25), Column("Taux", "rate", 140, 19),
               Column("Gains", "gain", 159, 26), Column("Retenues", "cut", 185, 26),
               Column("Taux pat.", "pat_rate", 211, 19), Column("Cotis. patronales", "pat", 230, WIDTH - 240)]
    lines = [*pay.pay, _gross_line(pay, rng.choice(("TOTAL BRUT", "SALAIRE BRUT"))), *pay.contributions,
             *pay.after]
    _table(sheet, columns, lines, 54, 160, font, accent, ruled=True)
    y = 163.0
    heads = ["", *(label for label, _, _ in totals.rows)]
    widths2 = [13, 27, 27, 28, 34, 32, 29]
    _grid(sheet, 10, y, widths2, [tuple(heads), ("Mois", *(m for _, m, _ in totals.rows)),
                                  ("Année", *(a for _, _, a in totals.rows))], font, 6.2)
    leave = "   ".join(f"Congés {p} ({ref}) : acquis {a} – pris {t} – solde {s}"
                       for p, ref, a, t, s in totals.leave)
    put(sheet, 10, y + 16.5, leave, 6.3, font, 185)
    _nets_box(sheet, 202, y - 1, WIDTH - 212, pay, font, accent)
    return sheet


def _details(people: People, pay: Pay, font: FontKey, accent: Color) -> Sheet:
    """The second page: the employer's contributions one by one, totalling the first page's employer share."""
    sheet = Sheet(WIDTH, HEIGHT)
    put(sheet, 10, 14, "Détail des cotisations et contributions patronales", 12, bold(font), 180, accent)
    put(sheet, 10, 20, f"{people.company_lines[0]} – {people.employee_name} – matricule {people.matricule}", 8,
         font, 180)
    put(sheet, WIDTH - 10, 14, people.period, 8.5, bold(font), 110, align="right")
    rows = [Line(label, base, "", None, None, rate, amount, "line") for label, base, rate, amount in pay.detail]
    rows.append(Line("TOTAL DES CONTRIBUTIONS PATRONALES", "", "", None, None, "", pay.pat_total, "total"))
    columns = [Column("Cotisation", "label", 10, 110, "left"), Column("Base", "base", 120, 34),
               Column("Taux patronal", "pat_rate", 154, 26), Column("Montant", "pat", 180, 34)]
    y = _table(sheet, columns, rows, 26, min(HEIGHT - 40, 26 + 10 + 4.6 * len(rows)), font, accent, ruled=True)
    y += 6
    for text in (f"Salaire brut : {number_fr(pay.gross)} €",
                 f"Total des cotisations patronales : {number_fr(pay.pat_total)} €",
                 f"Coût total employeur : {number_fr(pay.gross + pay.pat_total)} €"):
        put(sheet, 10, y, text, 8.2, font, 120)
        y += 4.6
    put(sheet, 222, 40, "Les taux sont ceux en vigueur au premier jour", 6.8, font, 65, GREY)
    put(sheet, 222, 44, "de la période d'emploi. Allègements appliqués", 6.8, font, 65, GREY)
    put(sheet, 222, 48, "selon l'effectif de l'établissement.", 6.8, font, 65, GREY)
    return sheet


LAYOUTS = {"cadres": _cadres, "volet": _volet, "listing": _listing}


def bulletin_paysage(facts: DossierFacts, rng: random.Random, slip: PayslipFacts | None = None) -> BuiltPiece:
    slip = slip or facts.payslips[0]
    layout = rng.choice(tuple(LAYOUTS))
    font = FontKey(rng.choice(FONTS))
    accent = rng.choice(ACCENTS)
    pay = _compute(facts, slip, rng)
    people = _people(facts, slip, pay, rng)
    totals = _totals(facts, slip, pay, rng)
    sheets = [LAYOUTS[layout](people, pay, totals, font, accent, rng)]
    if rng.random() < 0.35:
        sheets.append(_details(people, pay, font, accent))
    for page, sheet in enumerate(sheets, 1):
        _footer(sheet, people, font, page, len(sheets))
    return _payslip_piece(facts, slip, LAYOUT, sheets)
