"""Fresh payslip family `cabinet_comptable` (fifth payslip wave, written once `bulletin_bilingue` had been looked at,
without looking at the extractors): the payslip a small employer (a restaurant, a bakery, a building firm, a small
consultancy, a farm...) gets each month from its chartered accountant (cabinet d'expertise comptable), who runs the
payroll for it. The ACCOUNTANT's firm prints its own letterhead — its name, "société d'expertise comptable inscrite au
Tableau de l'Ordre", address, SIRET, phone, e-mail, the client file number and the payroll clerk in charge — apart
from the EMPLOYER's block (raison sociale, address, SIRET, code NAF/APE, Urssaf or MSA account, convention collective
with its IDCC, headcount) and the EMPLOYEE's block (name and address, n° de sécurité sociale, emploi, statut,
niveau/coefficient, date d'entrée, ancienneté, matricule, contract and monthly hours, hourly rate).

What it prints, in the order of the 2018 "bulletin clarifié" (as amended in 2023): the period ("Période du 01/03/2026
au 31/03/2026", "Mars 2026", "Paie de mars 2026", "Période de paie : 03/2026 ..."), the payment date and "Mode de
paiement : virement"; "Salaire de base" (monthly hours × hourly rate), overtime at 25 % (the previous month's on
some: the variables reach the accountant late), a prime, paid leave or sick leave with its indemnity, the gross
("Salaire brut", "TOTAL BRUT", "Rémunération brute"); then SANTÉ, ACCIDENTS DU TRAVAIL, RETRAITE, FAMILLE, ASSURANCE
CHÔMAGE, the conventional ones (APEC for cadres), AUTRES CONTRIBUTIONS DUES PAR L'EMPLOYEUR, the CSG/CRDS, the
exemptions (réduction générale, overtime reductions with the 1,50 € an hour employer deduction of small firms),
"Total des cotisations et contributions"; meal vouchers and the public-transport refund; "Net à payer avant impôt sur
le revenu", "Impôt sur le revenu prélevé à la source" with its base and rate, an advance on some, "NET PAYÉ", the
"Montant net social"; the year-to-date totals ("Cumuls annuels"), the paid-leave counters, the employer's total cost
and "Allègement de cotisations employeur", and "Dans votre intérêt et pour vous aider à faire valoir vos droits,
conservez ce bulletin de paie sans limitation de durée".

Three sub-layouts: `bandeau` (the accountant's band down the left margin, its monogram on top and the cumuls and
paid leave at its foot; a two-column header employer | employee beside it, the table with one signed column for the
employee's share, the nets in a box), `logo_haut` (the employer top left and the accountant's logo top right, a title
strip, the employer and employee boxes side by side, a ruled grid with "À payer / À déduire / Charges patronales",
cumuls, paid leave and nets in three blocks at the foot, the firm's full letterhead line at the bottom), `listing` (a
portrait payroll listing: the firm's letterhead as a ruled line, the employer and the employee as labelled fields in
two columns, rubric codes, columns Base / Taux / Part salarié / Part employeur, dashed rules, the nets as the last
rows, a horizontal strip of cumuls). A second page on some: the year's pay month by month (the earlier months' gross
and nets), the paid-leave detail and the accountant's notes (the date the employer sent the variables, whom to ask).

The truth is the generator's usual one (`work._payslip_piece`): the employer's SIRET, the employee's surname, the
month, the gross. Distractors: the accountant's name, address, SIRET and phone, its payroll clerk and partner, the
client file number, the payment and edition dates, the period's dates, the entry date, the hourly rate and the monthly
hours, the base salary beside the gross, the nets (before tax, paid, social, taxable), the year-to-date totals, the
earlier months' figures, the employer's cost, the Urssaf account, the matricule and social security number."""
from __future__ import annotations

import datetime as dt
import math
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from synth.checksums import make_siren, make_siret
from synth.companies import french_name
from synth.facts import DossierFacts, PayslipFacts
from synth.fmt import MONTHS_FR, date_slash, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey
from synth.layout import A4, BLACK, Box, Color, Ellipse, Rule, Sheet, wrap
from synth.people import FRENCH_CITIES, STREETS
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.payroll_print import (
    CADRES,
    KEEP,
    PORTAL,
    TRANSPORT,
    Column,
    Line,
    TableStyle,
    absence,
    cut,
    dashed_rule,
    general_reduction,
    grid,
    health_and_family_rates,
    last_day,
    leave_years,
    monthly_ceiling,
    pct,
    put,
    put_cells,
    put_heads,
    rate4,
    seniority,
    signed,
    ssn_born_abroad,
    tax_rate_label,
    tint,
)
from synth.pieces.work import _payslip_piece
from synth.rules import add_months, smic

LAYOUT = "cabinet_comptable"
W, H = A4
GREY: Color = (88, 88, 88)
LIGHT: Color = (160, 160, 160)
WHITE: Color = (255, 255, 255)
ACCENTS: tuple[Color, ...] = ((0, 82, 147), (0, 112, 104), (125, 30, 62), (44, 62, 84), (165, 92, 18),
                              (72, 44, 122))
FONTS = ("sans", "lsans", "condensed", "lserif", "serif")
# the accountant's firm: a partner's name, two partners', a place or a coined brand
FIRM_SURNAMES = ("LEROUX", "CARON", "PERRIN", "BARBIER", "LEMAIRE", "RENAUD", "COLIN", "VIDAL", "GAUTHIER", "MARCHAND",
                 "BRUNET", "ROCHE", "AUBERT", "GUÉRIN")
FIRM_FIRST = ("Pascal", "Sandrine", "Olivier", "Nathalie", "Éric", "Valérie", "Stéphane", "Karine", "Philippe",
              "Céline")
FIRM_PLACES = ("DE L'OUEST", "DU VAL DE SEINE", "DES DEUX VALLÉES", "DU LANGUEDOC", "DES FLANDRES", "DE L'ADOUR",
               "DU PAYS DE CAUX", "DES COSTIÈRES", "DU MORVAN", "DU BOCAGE")
FIRM_BRANDS = ("AXIOM COMPTA", "CERTIGEST", "ALTÉO EXPERTISE", "VALORIS AUDIT", "KEOPS CONSEILS", "ORIALIS",
               "SYNERGIE EXPERTISE", "COMPTAFLOR")
FIRM_TAGLINES = ("Expertise comptable · Social · Paie · Juridique", "Expertise comptable – Audit – Conseil",
                 "Comptabilité · Fiscalité · Gestion sociale", "Expert-comptable – Commissaire aux comptes",
                 "Tenue comptable, paie et conseil aux TPE")
CLERKS = ("gestionnaire de paie", "pôle social", "service paie", "gestionnaire paie et social")
# the first digits of a landline, by region
PHONE_ZONES = {"Île-de-France": "01", "Normandie": "02", "Bretagne": "02", "Pays de la Loire": "02",
               "Hauts-de-France": "03", "Grand Est": "03", "Bourgogne-Franche-Comté": "03",
               "Auvergne-Rhône-Alpes": "04", "Provence-Alpes-Côte d'Azur": "04", "Occitanie": "04",
               "Nouvelle-Aquitaine": "05"}
SOFTWARE = ("CABPAIE Expert 8.1", "SOCIAL+ Cabinet 2026.2", "PAYFIDUCIA 4.7", "NOVAPAIE Cabinets 12.3",
            "EXPERT-PAIE Cloud 6.0")
# the conventions collectives of the generator's activity codes (farms: the agricultural one)
CONVENTIONS = {"6202A": ("Bureaux d'études techniques (Syntec)", "1486"),
               "7112B": ("Bureaux d'études techniques, cabinets d'ingénieurs-conseils (Syntec)", "1486"),
               "5610A": ("Hôtels, cafés, restaurants (HCR)", "1979"),
               "4941A": ("Transports routiers et activités auxiliaires du transport", "0016"),
               "4711D": ("Commerce de détail et de gros à prédominance alimentaire", "2216"),
               "8610Z": ("Hospitalisation privée à but lucratif", "2264"),
               "1071C": ("Boulangerie-pâtisserie (entreprises artisanales)", "0843"),
               "4321A": ("Bâtiment – ouvriers (entreprises occupant jusqu'à 10 salariés)", "1596")}
FARMS = ("Production agricole et CUMA", "7024")
AT_RATES = {"6202A": 0.60, "7112B": 0.81, "5610A": 1.84, "4941A": 3.06, "4711D": 2.21, "8610Z": 1.52,
            "1071C": 2.12, "4321A": 3.87}
REGIONS = {"Paris": "Île-de-France", "Lyon": "Auvergne-Rhône-Alpes", "Marseille": "Provence-Alpes-Côte d'Azur",
           "Toulouse": "Occitanie", "Nantes": "Pays de la Loire", "Lille": "Hauts-de-France",
           "Bordeaux": "Nouvelle-Aquitaine", "Rennes": "Bretagne", "Strasbourg": "Grand Est",
           "Montpellier": "Occitanie", "Grenoble": "Auvergne-Rhône-Alpes", "Nice": "Provence-Alpes-Côte d'Azur",
           "Angers": "Pays de la Loire", "Dijon": "Bourgogne-Franche-Comté",
           "Clermont-Ferrand": "Auvergne-Rhône-Alpes", "Rouen": "Normandie"}
PRIMES = ("Prime exceptionnelle", "Prime d'assiduité", "Prime de rendement", "Prime de salissure",
          "Indemnité de sujétion", "Prime de polyvalence")
GROSS_WORDS = ("SALAIRE BRUT", "TOTAL BRUT", "Salaire brut", "Rémunération brute")
FIGURES = re.compile(r"[-\d\s,€h%j]+")  # a grid's cell printed right-aligned


# ------------------------------------------------------------------ figures


@dataclass
class Pay:
    """Every figure of one slip, computed before it is laid out."""
    earn: list[Line]  # the pay lines, up to (not including) the gross
    gross: float
    contributions: list[Line]  # down to the total
    sal_total: float
    pat_total: float
    after: list[Line]  # items not subject to contributions, between the total and the net before tax
    net_before: float
    net_social: float
    taxable: float
    tax_rate: float
    tax_label: str
    tax: float
    advance: tuple[str, float] | None
    net_paid: float
    hours: float
    hourly: float
    overtime_hours: float
    leave_taken: float
    relief: float  # the employer's reductions (allègements), as a positive amount
    staff: int


def _pay_lines(facts: DossierFacts, slip: PayslipFacts, rng: random.Random
               ) -> tuple[list[Line], float, float, float]:
    """(the pay lines up to the gross, the overtime amount, its hours, the paid-leave days taken): they add up to the
    facts' gross — overtime and primes make the difference to the base; paid leave and sick leave are paid back."""
    c = facts.contract
    p = slip.period_start
    hours = c.hours_per_month or round(c.weekly_hours * 52 / 12, 2)
    hourly = slip.base_salary / hours
    lines = [Line("Salaire de base", hours_fr(hours), rate4(hourly), slip.base_salary, code="0100")]
    overtime = overtime_hours = leave = 0.0
    if slip.extra:
        kind = rng.choice(("hs", "hs", "hs_prime", "prime"))
        late = rng.random() < 0.35  # the variables of the month before, sent late to the accountant
        before = add_months(p, -1)
        tail = f" ({MONTHS_FR[before.month - 1]} {before.year})" if late else ""
        rate = hourly * 1.25
        quarters = 0
        if kind == "hs_prime":  # the prime takes what the quarter hours leave, never a few cents
            quarters = max(0, math.floor((slip.extra - 8) / rate * 4))
        elif kind == "hs":  # the overtime makes the whole difference at a rate rounded to the amount
            quarters = max(1, round(slip.extra / rate * 4))
        if quarters:
            overtime_hours = quarters / 4
            overtime = round(overtime_hours * rate, 2) if kind == "hs_prime" else slip.extra
            label = rng.choice(("Heures supplémentaires à 25 %", "Heures supplémentaires majorées 25 %",
                                "HS 25 %"))
            lines.append(Line(label + tail, hours_fr(overtime_hours), rate4(overtime / overtime_hours), overtime,
                              code="0210"))
        rest = round(slip.extra - overtime, 2)
        if rest > 0:
            lines.append(Line(rng.choice(PRIMES) + (tail if not quarters else ""), "", "", rest, code="0350"))
    else:
        off = absence(p, slip.base_salary, rng)
        if off is not None:
            days, daily, amount, span = off.days, off.daily, off.amount, off.span()
            if off.kind == "leave":
                leave = float(days)
                lines += [Line(f"Absence congés payés {span}", f"{days},00", rate4(daily), -amount, code="0500"),
                          Line("Indemnité de congés payés", f"{days},00", rate4(daily), amount, code="0510")]
            else:
                lines += [Line(f"Absence maladie {span}", f"{days},00", rate4(daily), -amount, code="0600"),
                          Line("Maintien de salaire (convention collective)", f"{days},00", rate4(daily), amount,
                               code="0610")]
    assert round(sum(line.gain or 0.0 for line in lines), 2) == slip.gross
    return lines, overtime, overtime_hours, leave


def _compute(facts: DossierFacts, slip: PayslipFacts, rng: random.Random) -> Pay:
    c, company = facts.contract, facts.contract.employer
    p, g = slip.period_start, slip.gross
    earn, overtime, overtime_hours, leave = _pay_lines(facts, slip, rng)
    hours = c.hours_per_month or round(c.weekly_hours * 52 / 12, 2)
    share = min(1.0, hours / 151.67)
    ceiling = round(monthly_ceiling(p) * share, 2)
    t1, t2 = min(g, ceiling), max(0.0, round(g - ceiling, 2))
    cadre = c.job_title in CADRES
    smic_month = float(smic(p)) * share
    staff = rng.choice((2, 3, 4, 5, 6, 7, 8, 9, 12, 14, 17, 23, 31))  # the small employers an accountant pays
    sick, family = health_and_family_rates(g, smic_month)
    at = AT_RATES.get(company.ape, 2.95)
    prev_s, prev_p = (0.0, 1.50) if cadre else rng.choice(((0.0, 0.0), (0.20, 0.30), (0.15, 0.45), (0.0, 0.60)))
    mut_s = rng.choice((19.85, 24.60, 31.20, 38.45))
    mut_p = round(mut_s * rng.choice((1.0, 1.0, 1.5)), 2)
    fnal = ("FNAL", t1, 0.10) if staff < 50 else ("FNAL", g, 0.50)
    others = [("Contribution solidarité autonomie", g, 0.30), fnal,
              ("Formation professionnelle continue", g, 0.55 if staff < 11 else 1.00),
              ("Taxe d'apprentissage", g, 0.59), ("Contribution au dialogue social", g, 0.016)]
    if staff >= 11:
        others += [("Versement mobilité", g, TRANSPORT.get(company.city, 1.80)),
                   ("Forfait social 8 % sur prévoyance", cut(t1, prev_p), 8.0)]
    other_total = round(sum(cut(base, rate) for _, base, rate in others), 2)
    coef = general_reduction(g, smic_month)
    reduction = round(coef * g, 2)
    prev_pat = cut(t1, prev_p)
    csg_base = round(g * 0.9825 + prev_pat + mut_p, 2)
    csg_d, csg_nd = cut(csg_base, 6.80), cut(csg_base, 2.90)
    exemption = cut(overtime, 11.31)
    deduction = round(1.50 * overtime_hours, 2) if staff < 20 else round(0.50 * overtime_hours, 2)

    rows = [Line("SANTÉ", style="head"),
            Line("Sécurité sociale – Maladie Maternité Invalidité Décès", number_fr(g), "", None, None, pct(sick),
                 cut(g, sick), "sub", "2010")]
    if prev_p:
        rows.append(Line("Complémentaire Incapacité Invalidité Décès", number_fr(t1), pct(prev_s) if prev_s else "",
                         None, cut(t1, prev_s) or None, pct(prev_p), prev_pat, "sub", "2020"))
    rows += [Line("Complémentaire Santé", "", "", None, mut_s, "", mut_p, "sub", "2030"),
             Line("ACCIDENTS DU TRAVAIL – MALADIES PROFESSIONNELLES", number_fr(g), "", None, None, pct(at),
                  cut(g, at), "line", "2100"),
             Line("RETRAITE", style="head"),
             Line("Sécurité sociale plafonnée", number_fr(t1), "6,90", None, cut(t1, 6.90), "8,55", cut(t1, 8.55),
                  "sub", "2210"),
             Line("Sécurité sociale déplafonnée", number_fr(g), "0,40", None, cut(g, 0.40), "2,02", cut(g, 2.02),
                  "sub", "2220"),
             Line("Complémentaire Tranche 1", number_fr(t1), "4,01", None, cut(t1, 4.01), "6,01", cut(t1, 6.01),
                  "sub", "2230")]
    if t2:
        rows.append(Line("Complémentaire Tranche 2", number_fr(t2), "9,72", None, cut(t2, 9.72), "14,57",
                         cut(t2, 14.57), "sub", "2240"))
    rows += [Line("FAMILLE", number_fr(g), "", None, None, pct(family), cut(g, family), "line", "2300"),
             Line("ASSURANCE CHÔMAGE", number_fr(g), "", None, None, "4,25", cut(g, 4.25), "line", "2400")]
    if cadre:
        rows += [Line("COTISATIONS STATUTAIRES OU PRÉVUES PAR LA CONVENTION COLLECTIVE", style="head"),
                 Line("APEC", number_fr(g), "0,024", None, cut(g, 0.024), "0,036", cut(g, 0.036), "sub", "2500")]
    rows += [Line("AUTRES CONTRIBUTIONS DUES PAR L'EMPLOYEUR", "", "", None, None, "", other_total, "line", "2600"),
             Line("CSG déductible de l'impôt sur le revenu", number_fr(csg_base), "6,80", None, csg_d, "", None,
                  "line", "2700"),
             Line("CSG/CRDS non déductible de l'impôt sur le revenu", number_fr(csg_base), "2,90", None, csg_nd, "",
                  None, "line", "2710")]
    if exemption or reduction or deduction:
        rows.append(Line("EXONÉRATIONS, ÉCRÊTEMENTS ET ALLÈGEMENTS DE COTISATIONS", style="head"))
        if exemption:
            rows.append(Line("Réduction de cotisations salariales heures supplémentaires", number_fr(overtime),
                             "11,31", None, -exemption, "", None, "sub", "2810"))
        if deduction:
            rows.append(Line("Déduction forfaitaire patronale heures supplémentaires", hours_fr(overtime_hours), "",
                             None, None, "1,50" if staff < 20 else "0,50", -deduction, "sub", "2820"))
        if reduction:
            rows.append(Line("Réduction générale des cotisations patronales", number_fr(g), "", None, None,
                             pct(round(coef * 100, 2)), -reduction, "sub", "2830"))
    sal_total = round(sum(r.cut or 0.0 for r in rows), 2)
    pat_total = round(sum(r.pat or 0.0 for r in rows), 2)
    rows.append(Line("TOTAL DES COTISATIONS ET CONTRIBUTIONS", "", "", None, sal_total, "", pat_total, "total"))

    after: list[Line] = []
    if not company.agricultural and rng.random() < 0.4:
        count = rng.randint(16, 21)
        unit = rng.choice((4.00, 4.25, 4.50, 5.00))
        after.append(Line("Titres-restaurant – part salariale", str(count), number_fr(unit), -round(count * unit, 2),
                          code="7010"))
    if rng.random() < 0.35:
        after.append(Line("Remboursement transports publics (50 %)", "", "",
                          rng.choice((43.15, 44.20, 45.15, 37.60, 32.05, 26.40)), code="7020"))
    net_before = round(g - sal_total + sum(r.gain or 0.0 for r in after), 2)
    net_social = round(g - sal_total + mut_p + prev_pat, 2)
    taxable = round(g - sal_total + csg_nd + mut_p - max(0.0, overtime - exemption), 2)
    tax_rate = rng.choice((0.0, 0.0, 1.5, 2.9, 4.1, 5.6, 7.3, 9.8))
    tax_label = tax_rate_label(tax_rate, rng, 0.75)
    tax = cut(taxable, tax_rate)
    advance = None
    if rng.random() < 0.2:
        advance = (f"Acompte versé le {rng.choice((10, 15, 20))}/{p:%m/%Y}", float(rng.choice((150, 200, 300, 400))))
    net_paid = round(net_before - tax - (advance[1] if advance else 0.0), 2)
    return Pay(earn, g, rows, sal_total, pat_total, after, net_before, net_social, taxable, tax_rate, tax_label, tax,
               advance, net_paid, hours, slip.base_salary / hours, overtime_hours, leave,
               round(reduction + deduction, 2), staff)


# ------------------------------------------------------------------ words around the figures


@dataclass
class Firm:
    """The chartered accountant's firm that prints the slip."""
    name: str
    initials: str
    form: str  # "SAS d'expertise comptable au capital de 40 000 €"
    street: str
    town: str
    phone: str
    email: str
    web: str
    siret: str
    order: str  # "Société d'expertise comptable inscrite au Tableau de l'Ordre de la région ..."
    tagline: str
    partner: str  # "Pascal LEROUX, expert-comptable associé"
    clerk: str  # "Dossier suivi par Mme Karine VIDAL, gestionnaire de paie"
    file: str  # the client's file number at the firm
    vat: str


@dataclass
class People:
    """The header's words: who pays, who is paid, and when."""
    employer: str
    street: str
    town: str
    siret: str
    ape: str
    contributor: str
    convention: str
    staff: str
    employee: str
    employee_lines: list[str]
    matricule: str
    ssn: str
    job: list[tuple[str, str]]  # (label, value): emploi, statut, niveau, coefficient, entrée, ancienneté, contrat...
    period: str
    payment: str
    mode: str
    edited: str
    software: str
    sent: str  # the day the employer sent the month's variables to the accountant


@dataclass
class Totals:
    """The year-to-date totals, the earlier months of the year and the paid-leave counters."""
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (label, month, year)
    # (month, (gross, taxable, tax, net))
    months: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)
    leave: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # (period, ref, acquis, pris, solde)


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _firm(facts: DossierFacts, rng: random.Random) -> Firm:
    company = facts.contract.employer
    kind = rng.choice(("partner", "partners", "place", "brand"))
    a, b = rng.sample(FIRM_SURNAMES, 2)
    first = rng.choice(FIRM_FIRST)
    if kind == "partner":
        name = rng.choice((f"CABINET {a}", f"{a} EXPERTISE", f"{a} & ASSOCIÉS"))
        partner_surname = a
    elif kind == "partners":
        name = f"{a} & {b} EXPERTS-COMPTABLES"
        partner_surname = rng.choice((a, b))
    elif kind == "place":
        name = f"{rng.choice(('FIDUCIAIRE', 'EXPERTISE COMPTABLE', 'AUDIT & CONSEIL'))} {rng.choice(FIRM_PLACES)}"
        partner_surname = a
    else:
        name = rng.choice(FIRM_BRANDS)
        partner_surname = a
    if name == company.name:
        name = f"{name} EXPERTISE"
    initials = "".join(word[0] for word in re.findall(r"[A-ZÀ-Ý]{2,}", name)
                       if word not in ("DE", "DU", "DES", "ET", "EXPERTS", "COMPTABLES"))[:3]
    form = rng.choice(("SAS", "SARL", "SELARL"))
    capital = rng.choice((8000, 15000, 30000, 40000, 75000, 120000))
    form_words = f"{form} d'expertise comptable au capital de {number_fr(capital).removesuffix(',00')} €"
    if rng.random() < 0.6:
        city, postcode = company.city, company.address.rsplit(", ", 1)[-1][:5]
    else:
        city, postcode = rng.choice(FRENCH_CITIES)
    region = REGIONS.get(city, "Île-de-France")
    street = f"{rng.randint(1, 160)} {rng.choice(STREETS)}"
    siren = make_siren(rng)
    siret = make_siret(siren, rng)
    while siret == company.siret:
        siret = make_siret(make_siren(rng), rng)
    key = (12 + 3 * (int(siren) % 97)) % 97
    order = rng.choice((f"Société d'expertise comptable inscrite au Tableau de l'Ordre de la région {region}",
                        f"Expert-comptable inscrit à l'Ordre – Conseil régional de l'Ordre {region}",
                        f"Membre de l'Ordre des experts-comptables – région {region}"))
    slug = _slug(name.replace("& ", "").replace("EXPERTS-COMPTABLES", "ec"))
    clerk_name = french_name(rng)
    clerk = rng.choice((f"Dossier suivi par {clerk_name}, {rng.choice(CLERKS)}",
                        f"Votre interlocuteur paie : {clerk_name}",
                        f"Gestionnaire : {clerk_name}"))
    phone = f"{PHONE_ZONES.get(region, '09')} " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4))
    return Firm(name, initials or name[:2], form_words, street, f"{postcode} {city}", phone,
                f"{rng.choice(('paie', 'social', 'contact', 'cabinet'))}@{slug}.fr", f"www.{slug}.fr",
                siret_spaced(siret) if rng.random() < 0.4 else siret, order, rng.choice(FIRM_TAGLINES),
                f"{first} {partner_surname}, expert-comptable{' associé' if rng.random() < 0.5 else ''}", clerk,
                f"{rng.choice(('Dossier', 'Client', 'Réf. dossier'))} n° {rng.randint(100, 9999):04d}",
                f"FR{key:02d}{siren}")


def _people(facts: DossierFacts, slip: PayslipFacts, pay: Pay, rng: random.Random) -> People:
    person, c, company = facts.person, facts.contract, facts.contract.employer
    p, last = slip.period_start, last_day(slip.period_start)
    street, _, town = company.address.partition(", ")
    employer = rng.choice((f"{company.name} {company.legal_form}", f"{company.name} ({company.legal_form})",
                           company.name))
    siret = siret_spaced(company.siret) if rng.random() < 0.35 else company.siret
    number = f"{rng.choice(('117', '527', '547', '727', '827', '937', '317', '427'))} {rng.randint(10**11, 10**12 - 1)}"
    contributor = (f"MSA {company.city} – n° {number}" if company.agricultural
                   else rng.choice((f"URSSAF {REGIONS.get(company.city, 'Île-de-France')} – n° {number}",
                                    f"N° URSSAF : {number}", f"Cotisant URSSAF n° {number}")))
    label, idcc = FARMS if company.agricultural else CONVENTIONS.get(company.ape, FARMS)
    convention = rng.choice((f"Convention collective : {label} (IDCC {idcc})", f"IDCC {idcc} – {label}",
                             f"Conv. coll. {label} – IDCC {idcc}"))
    given = person.given_names
    employee = rng.choice((f"{person.civility} {given} {person.surname}", f"{person.surname} {given}",
                           f"{person.civility_long} {person.surname} {given}"))
    matricule = f"{rng.randint(1, 999):0{rng.choice((3, 4, 5))}d}"
    cadre = c.job_title in CADRES
    status = "Cadre" if cadre else rng.choice(("Non-cadre", "Employé", "Ouvrier", "ETAM"))
    level = (rng.choice(("Position 2.1", "Position 2.2", "Position 2.3")) if cadre
             else rng.choice(("Niveau II échelon 1", "Niveau III", "Niveau II", "Échelon 2", "Niveau I – échelon 3")))
    coefficient = str(rng.choice((115, 130, 150)) if cadre else rng.choice((160, 170, 185, 210, 230, 250)))
    job = [("Emploi", c.job_title), ("Statut", status), ("Niveau", level), ("Coefficient", coefficient),
           ("Date d'entrée", date_slash(c.start_date)), ("Ancienneté", seniority(c.start_date, last)),
           ("Contrat", f"{c.contract_type} – {hours_fr(pay.hours)} h / mois"),
           ("Taux horaire", f"{rate4(pay.hourly)} €")]
    month = MONTHS_FR[p.month - 1]
    period = rng.choice((f"Période du {date_slash(p)} au {date_slash(last)}",
                         f"{month.capitalize()} {p.year}",
                         f"Paie {'d' + chr(39) if month[0] in 'ao' else 'de '}{month} {p.year}",
                         f"Période de paie : {p:%m/%Y} (du {date_slash(p)} au {date_slash(last)})"))
    paid_on = rng.choice((last, last - dt.timedelta(days=rng.randint(1, 3)),
                          add_months(p, 1) + dt.timedelta(days=rng.randint(1, 6))))
    payment = rng.choice((f"Date de paiement : {date_slash(paid_on)}", f"Payé le {date_slash(paid_on)}",
                          f"Paiement le {date_slash(paid_on)}"))
    mode = rng.choice(("Mode de paiement : virement", "Mode de paiement : Virement bancaire", "Réglé par virement"))
    base = min(paid_on, last)
    sent = base - dt.timedelta(days=rng.randint(3, 8))  # the variables, sent by the employer before the payroll ran
    edited = f"Édité le {date_slash(sent + dt.timedelta(days=rng.randint(1, (base - sent).days)))}"
    return People(employer, street, town, siret, company.ape, contributor, convention,
                  f"Effectif : {pay.staff} salarié{'s' if pay.staff > 1 else ''}", employee,
                  [person.address.partition(", ")[0], person.address.partition(", ")[2]], matricule,
                  ssn_born_abroad(facts.person, rng), job, period, payment, mode, edited, rng.choice(SOFTWARE),
                  date_slash(sent))


def _totals(facts: DossierFacts, slip: PayslipFacts, pay: Pay, rng: random.Random) -> Totals:
    """The earlier months of the year (or since the worker came; the first one prorated when the worker came in
    the middle of it), the cumuls they add up to with this month, and the paid-leave counters."""
    p, start = slip.period_start, facts.contract.start_date
    first = max(dt.date(p.year, 1, 1), start.replace(day=1))
    totals = Totals()
    factor, net_factor = pay.taxable / pay.gross, pay.net_paid / pay.gross
    month = first
    while month < p:
        gross = slip.base_salary
        if month == start.replace(day=1) and start.day > 1:
            gross = round(gross * (last_day(month).day - start.day + 1) / last_day(month).day, 2)
        elif rng.random() < 0.3:
            gross = round(gross + rng.uniform(25, 140), 2)
        taxable = round(gross * factor * rng.uniform(0.997, 1.003), 2)
        tax = cut(taxable, pay.tax_rate)
        net = round(gross * net_factor * rng.uniform(0.99, 1.01), 2)
        totals.months.append((f"{MONTHS_FR[month.month - 1].capitalize()} {month.year}", (gross, taxable, tax, net)))
        month = add_months(month, 1)
    totals.months.append((f"{MONTHS_FR[p.month - 1].capitalize()} {p.year}",
                          (pay.gross, pay.taxable, pay.tax, pay.net_paid)))
    n = len(totals.months)
    year = _year(totals)
    hours = pay.hours + pay.overtime_hours
    cost = round(pay.gross + pay.pat_total, 2)
    totals.rows = [("Salaire brut", number_fr(pay.gross), number_fr(year[0])),
                   ("Heures rémunérées", hours_fr(hours), hours_fr(round(pay.hours * n + pay.overtime_hours, 2))),
                   ("Net imposable", number_fr(pay.taxable), number_fr(year[1])),
                   ("Impôt prélevé à la source", number_fr(pay.tax), number_fr(year[2])),
                   ("Charges salariales", number_fr(pay.sal_total),
                    number_fr(round(pay.sal_total * year[0] / pay.gross, 2))),
                   ("Charges patronales", number_fr(pay.pat_total),
                    number_fr(round(pay.pat_total * year[0] / pay.gross, 2))),
                   ("Coût global employeur", number_fr(cost), number_fr(round(cost * year[0] / pay.gross, 2)))]
    (ref_n1, earned_n1), (ref_n, earned_n) = leave_years(p, start)
    taken_n1 = min(earned_n1, pay.leave_taken + rng.choice((0, 0, 2, 5, 7, 10, 12)))
    taken_n = min(earned_n, pay.leave_taken) if pay.leave_taken > earned_n1 else 0.0  # nothing left from N-1
    for label, ref, earned, taken in (("N-1", ref_n1, earned_n1, taken_n1), ("N", ref_n, earned_n, taken_n)):
        totals.leave.append((label, f"{ref[0]:%d/%m/%Y} – {ref[1]:%d/%m/%Y}", number_fr(earned), number_fr(taken),
                             number_fr(round(earned - taken, 2))))
    return totals


# ------------------------------------------------------------------ drawing


def _year(totals: Totals) -> list[float]:
    """The year's gross, taxable net, tax and net paid: its months added up."""
    return [round(sum(figures[k] for _, figures in totals.months), 2) for k in range(4)]


def _lower(label: str) -> str:
    """"Taux transmis par la DGFiP" -> "taux transmis par la DGFiP"."""
    return label[0].lower() + label[1:]


def _table(sheet: Sheet, cols: list[Column], rows: list[Line], y: float, bottom: float, st: TableStyle) -> float:
    """The table's head and rows from `y`, the rows closer together when they would pass `bottom`; its kind "band"
    (a coloured head, tinted headings), "grid" (ruled columns) or "dashed" (a listing). Returns the baseline after
    the last row."""
    left, right = cols[0].x, cols[-1].x + cols[-1].w
    step = min(st.step, (bottom - y - 7) / len(rows))
    size = min(7.2, step / 0.3528 / 1.3)
    top = y
    if st.kind == "band":
        sheet.add(Box(left, y, right - left, 6, fill=st.accent, stroke=None))
        head = WHITE
    elif st.kind == "grid":
        sheet.add(Box(left, y, right - left, 6, fill=tint(st.accent, 0.85), stroke=GREY, width=0.25))
        head = BLACK
    else:
        for yy in (y, y + 6):
            dashed_rule(sheet, left, right, yy, GREY)
        head = BLACK
    put_heads(sheet, cols, y + 4.2, 6.5, st.font, head)
    y += 6 + step * 0.92
    for row in rows:
        if row.style in ("gross", "total", "net"):
            if st.kind == "dashed":
                dashed_rule(sheet, left, right, y - step * 0.8, GREY)
            else:
                sheet.add(Box(left + 0.2, y - step * 0.78, right - left - 0.4, step,
                              fill=tint(st.accent, 0.8 if row.style == "net" else 0.88), stroke=None))
        elif row.style == "head" and st.kind == "band":
            sheet.add(Box(left + 0.2, y - step * 0.78, right - left - 0.4, step, fill=tint(st.accent, 0.93),
                          stroke=None))
        put_cells(sheet, cols, row, y, size, st.font)
        y += step
    bottom_rule = y - step * 0.6
    if st.kind == "grid":
        sheet.add(Box(left, top, right - left, bottom_rule - top, stroke=GREY, width=0.25))
        for col in cols[1:]:
            sheet.add(Rule(col.x, top + 6, col.x, bottom_rule, 0.12, LIGHT))
    elif st.kind == "band":
        sheet.add(Rule(left, bottom_rule, right, bottom_rule, 0.35, st.accent))
    else:
        dashed_rule(sheet, left, right, bottom_rule, GREY)
    return y


def _grid(sheet: Sheet, x: float, y: float, widths: Sequence[float], rows: Sequence[tuple[str, ...]], font: FontKey,
          size: float = 6.2, fill: Color = (236, 236, 236)) -> float:
    return grid(sheet, x, y, widths, rows, font, size, fill=fill, stroke=LIGHT, leading=1.6, pad=0.8, figures=FIGURES)


def _nets(pay: Pay) -> list[tuple[str, str, bool]]:
    """(label, amount, bold) of the nets, from the net before tax to the net paid."""
    rows = [("Net à payer avant impôt sur le revenu", number_fr(pay.net_before), True),
            ("Montant net imposable", number_fr(pay.taxable), False),
            (f"Impôt sur le revenu prélevé à la source ({_lower(pay.tax_label)} : {pct(pay.tax_rate)} %)",
             signed(-pay.tax) if pay.tax else "0,00", False)]
    if pay.advance:
        rows.append((pay.advance[0], signed(-pay.advance[1]), False))
    return rows


def _nets_box(sheet: Sheet, x: float, y: float, w: float, pay: Pay, people: People, font: FontKey, accent: Color,
              paid_word: str) -> float:
    rows = _nets(pay)
    step = 3.7
    h = 5 + step * len(rows) + 16
    sheet.add(Box(x, y, w, h, stroke=accent, width=0.4))
    yy = y + 5
    for label, value, strong in rows:
        put(sheet, x + 2, yy, label, 6.8, bold(font) if strong else font, w - 25)
        put(sheet, x + w - 2, yy, value, 7, bold(font) if strong else font, 22, align="right")
        yy += step
    sheet.add(Box(x + 1, yy - 2.4, w - 2, 7.2, fill=accent, stroke=None))
    put(sheet, x + 3, yy + 2.3, paid_word, 9.5, bold(font), w - 32, WHITE)
    put(sheet, x + w - 3, yy + 2.3, f"{number_fr(pay.net_paid)} €", 10, bold(font), 30, WHITE, "right")
    put(sheet, x + 2, yy + 9, f"Montant net social : {number_fr(pay.net_social)} €", 6.8, bold(font), w - 4)
    put(sheet, x + 2, yy + 12.6, f"{people.payment} – {people.mode}", 6.3, font, w - 4, GREY)
    return y + h


def _net_rows(pay: Pay, paid_word: str) -> list[Line]:
    """The nets as the last rows of a listing."""
    rows = [Line("NET À PAYER AVANT IMPÔT SUR LE REVENU", "", "", pay.net_before, style="total"),
            Line(f"Impôt sur le revenu prélevé à la source – {pay.tax_label}", number_fr(pay.taxable),
                 pct(pay.tax_rate), -pay.tax if pay.tax else 0.0)]
    if pay.advance:
        rows.append(Line(pay.advance[0], "", "", -pay.advance[1]))
    rows.append(Line(paid_word, "", "", pay.net_paid, style="net"))
    return rows


def _table_rows(pay: Pay, gross_word: str) -> list[Line]:
    return [*pay.earn, Line(gross_word, "", "", pay.gross, style="gross"), *pay.contributions, *pay.after]


def _monogram(sheet: Sheet, x: float, y: float, size: float, firm: Firm, font: FontKey, fill: Color, ink: Color,
              round_: bool) -> None:
    """The firm's logo: its initials in a disc or a square."""
    if round_:
        sheet.add(Ellipse(x, y, size, size, fill))
    else:
        sheet.add(Box(x, y, size, size, fill=fill, stroke=None, radius=1.5))
    put(sheet, x + size / 2, y + size * 0.64, firm.initials, size * 1.05, bold(font), size * 0.86, ink, "center")


def _employer_lines(people: People) -> list[str]:
    return [people.employer, people.street, people.town, f"SIRET : {people.siret}", f"Code NAF : {people.ape}",
            people.contributor, people.convention]


def _employee_lines(people: People) -> list[str]:
    return [people.employee, *people.employee_lines, f"N° de sécurité sociale : {people.ssn}",
            f"Matricule : {people.matricule}"]


def _bandeau(firm: Firm, people: People, pay: Pay, totals: Totals, font: FontKey, accent: Color,
             rng: random.Random) -> Sheet:
    """The accountant's band down the left margin (its monogram, letterhead, cumuls and paid leave); the title and a
    two-column header employer | employee beside it, the table, the nets in a box."""
    sheet = Sheet()
    band_w = 50.0
    dark = rng.random() < 0.5
    fill, ink, soft = (accent, WHITE, tint(accent, 0.75)) if dark else (tint(accent, 0.9), accent, GREY)
    sheet.add(Box(0, 0, band_w, H - 14, fill=fill, stroke=None))
    _monogram(sheet, 6, 8, 14, firm, font, WHITE if dark else accent, accent if dark else WHITE, rng.random() < 0.5)
    y = 30.0
    for line in wrap(firm.name, bold(font), 9, band_w - 10):
        put(sheet, 5, y, line, 9, bold(font), band_w - 9, ink)
        y += 4
    for line in wrap(firm.tagline, font, 6.2, band_w - 10):
        put(sheet, 5, y, line, 6.2, font, band_w - 9, soft if dark else ink)
        y += 3.1
    y += 1.5
    for text in (firm.street, firm.town, f"Tél. {firm.phone}", firm.email, firm.web, f"SIRET {firm.siret}",
                 f"TVA {firm.vat}"):
        put(sheet, 5, y, text, 6.4, font, band_w - 9, ink)
        y += 3.2
    y += 1
    for line in wrap(firm.order, font, 5.9, band_w - 10):
        put(sheet, 5, y, line, 5.9, font, band_w - 9, ink)
        y += 2.9
    y += 2
    for text in (firm.file, *wrap(firm.clerk, font, 6.2, band_w - 10)):
        put(sheet, 5, y, text, 6.2, font, band_w - 9, ink)
        y += 3.1
    # the cumuls and paid leave at the band's foot
    y = max(y + 6, 150.0)
    card = len(sheet.elements)  # a white card under the grids, on a dark band
    card_top = y - 4.5
    put(sheet, 5, y, "CUMULS ANNUELS", 7, bold(font), band_w - 9, accent if dark else ink)
    y += 1.5
    rows = [("", "Mois", "Année"), *((label, m, a) for label, m, a in totals.rows)]
    y = _grid(sheet, 3, y, [19, 12.5, 14], rows, font, 5.3, fill=WHITE) + 5
    put(sheet, 5, y, "CONGÉS PAYÉS (jours ouvrés)", 7, bold(font), band_w - 9, accent if dark else ink)
    y += 1.5
    y = _grid(sheet, 3, y, [9, 12, 12, 12.5], [("", "Acquis", "Pris", "Solde"),
                                                *((lv[0], lv[2], lv[3], lv[4]) for lv in totals.leave)],
              font, 5.6, fill=WHITE) + 3.5
    if dark:
        sheet.elements.insert(card, Box(1.5, card_top, band_w - 3, y - card_top - 2.2, fill=WHITE, stroke=None,
                                        radius=1.2))
    for lv in totals.leave:
        put(sheet, 5, y, f"{lv[0]} : du {lv[1].replace(' – ', ' au ')}", 5.4, font, band_w - 8, ink)
        y += 2.8
    for line in wrap(f"Bulletin établi par {firm.name} pour le compte de l'employeur.", font, 5.6, band_w - 10):
        y += 2.9
        put(sheet, 5, y, line, 5.6, font, band_w - 9, ink)
    # the right part: title, period, then employer | employee
    x0, right = band_w + 6, W - 10
    title = rng.choice(("BULLETIN DE PAIE", "BULLETIN DE SALAIRE", "Bulletin de paie"))
    put(sheet, x0, 15, title, 15, bold(font), 90, accent)
    put(sheet, right, 12.5, people.period, 9, bold(font), 70, align="right")
    put(sheet, right, 17, people.payment, 7.2, font, 70, GREY, "right")
    put(sheet, right, 21, people.mode, 7.2, font, 70, GREY, "right")
    sheet.add(Rule(x0, 24, right, 24, 0.5, accent))
    mid = x0 + (right - x0) / 2
    col_w = mid - x0 - 3
    put(sheet, x0, 29, "EMPLOYEUR", 6.8, bold(font), 40, accent)
    put(sheet, mid + 1, 29, "SALARIÉ", 6.8, bold(font), 40, accent)
    left_lines = [*_employer_lines(people), people.staff]
    right_lines = [*_employee_lines(people), *(f"{label} : {value}" for label, value in people.job)]
    y1 = 33.5
    for i, line in enumerate(left_lines):
        for part in (wrap(line, font, 6.8, col_w) if i else [line]):
            put(sheet, x0, y1, part, 8 if i == 0 else 6.8, bold(font) if i == 0 else font, col_w)
            y1 += 3.3 if i else 3.9
    y2 = 33.5
    for i, line in enumerate(right_lines):
        put(sheet, mid + 1, y2, line, 8 if i == 0 else 6.8, bold(font) if i == 0 else font, right - mid - 1)
        y2 += 3.3 if i else 3.9
    sheet.add(Rule(mid - 1, 26.5, mid - 1, max(y1, y2) - 1.5, 0.2, LIGHT))
    y = max(y1, y2) + 1.5
    cols = [Column("Rubriques", "label", x0, 62, "left"), Column("Base", "base", x0 + 62, 17),
            Column("Taux sal.", "rate", x0 + 79, 12), Column("Montant sal.", "amount", x0 + 91, 18),
            Column("Taux pat.", "pat_rate", x0 + 109, 12), Column("Montant pat.", "pat", x0 + 121, right - x0 - 121)]
    rows_t = _table_rows(pay, rng.choice(GROSS_WORDS))
    y = _table(sheet, cols, rows_t, y, H - 62, TableStyle(font, accent, "band", 3.55))
    box_w = 92.0
    _nets_box(sheet, right - box_w, y + 0.5, box_w, pay, people, font, accent, rng.choice(("NET PAYÉ",
                                                                                            "NET PAYÉ EN EUROS")))
    xx = x0
    yy = y + 4
    for text in (f"Total versé par l'employeur : {number_fr(round(pay.gross + pay.pat_total, 2))} €",
                 f"Allègement de cotisations employeur : {number_fr(pay.relief)} €",
                 f"{people.software} – {people.edited}"):
        for part in wrap(text, font, 6.4, right - box_w - xx - 4):
            put(sheet, xx, yy, part, 6.4, font, right - box_w - xx - 3, GREY)
            yy += 3.3
    return sheet


def _logo_haut(firm: Firm, people: People, pay: Pay, totals: Totals, font: FontKey, accent: Color,
               rng: random.Random) -> Sheet:
    """The employer top left and the accountant's logo top right, a title strip, the employer and employee boxes
    side by side, a ruled grid with "À payer / À déduire", three blocks at the foot, the firm's line at the bottom."""
    sheet = Sheet()
    put(sheet, 12, 13, people.employer, 10.5, bold(font), 105)
    put(sheet, 12, 17.5, f"{people.street} – {people.town}", 7, font, 105, GREY)
    # the accountant's logo and its short letterhead, top right
    _monogram(sheet, W - 76, 7, 11, firm, font, accent, WHITE, rng.random() < 0.5)
    put(sheet, W - 63, 11, firm.name, 7.6, bold(font), 51, accent)
    put(sheet, W - 63, 14.5, firm.tagline, 5.6, font, 51, GREY)
    put(sheet, W - 63, 17.8, f"Tél. {firm.phone} – {firm.email}", 5.6, font, 51, GREY)
    y = 22.0
    sheet.add(Box(12, y, W - 24, 8.5, fill=accent, stroke=None))
    put(sheet, 15, y + 5.9, rng.choice(("BULLETIN DE SALAIRE", "BULLETIN DE PAIE")), 11, bold(font), 80, WHITE)
    put(sheet, W - 15, y + 5.9, people.period, 8.6, bold(font), 100, WHITE, "right")
    y += 11.5
    employer = _employer_lines(people)[3:] + [people.staff]
    employee = _employee_lines(people)
    job = [f"{label} : {value}" for label, value in people.job]
    size = 6.8
    employer = [part for line in employer for part in wrap(line, font, size, 92)]
    boxes = [("EMPLOYEUR", [people.employer, f"{people.street}, {people.town}", *employer], 96.0),
             ("SALARIÉ(E)", employee, W - 24 - 96 - 3)]
    step = size * 0.3528 * 1.36
    h = 6 + step * max(len(employer) + 2, len(employee)) + 2
    x = 12.0
    for head, lines, w in boxes:
        sheet.add(Box(x, y, w, h, stroke=GREY, width=0.25), Box(x, y, w, 4.4, fill=tint(accent, 0.85), stroke=None))
        put(sheet, x + 2, y + 3.3, head, 6.4, bold(font), w - 4, accent)
        for i, line in enumerate(lines):
            put(sheet, x + 2, y + 8 + step * i, line, 7.6 if i == 0 else size, bold(font) if i == 0 else font, w - 4)
        x += w + 3
    y += h + 2
    # the job in a strip of cells
    widths = [54, 21, 30, 20, 22, 34]
    x = 12.0
    cells = list(zip(("Emploi", "Statut", "Niveau", "Coefficient", "Date d'entrée", "Ancienneté"),
                     (v for _, v in people.job[:6])))
    for (label, value), w in zip(cells, widths):
        sheet.add(Box(x, y, w, 8.6, stroke=LIGHT, width=0.2))
        put(sheet, x + 1, y + 3, label, 5.4, font, w - 2, GREY)
        put(sheet, x + 1, y + 7, value, 6.6, font, w - 2)
        x += w
    put(sheet, 12, y + 12, f"{job[6]}   –   {job[7]}", 6.4, font, W - 24, GREY)
    y += 14.5
    cols = [Column("Éléments de paie", "label", 12, 68, "left"), Column("Base", "base", 80, 18),
            Column("Taux", "rate", 98, 13), Column("À payer", "gain", 111, 18), Column("À déduire", "cut", 129, 17),
            Column("Taux pat.", "pat_rate", 146, 13), Column("Charges patronales", "pat", 159, W - 12 - 159)]
    y = _table(sheet, cols, _table_rows(pay, rng.choice(GROSS_WORDS)), y, H - 68, TableStyle(font, accent, "grid", 3.5))
    y = max(y, H - 66) if rng.random() < 0.5 else y + 3  # the foot at the page's foot, or right under the table
    put(sheet, 12, y + 1, "Cumuls annuels", 7, bold(font), 50, accent)
    _grid(sheet, 12, y + 2.5, [27, 14, 16], [("", "Mois", "Année"), *totals.rows], font, 5.5)
    put(sheet, 73, y + 1, "Congés payés", 7, bold(font), 50, accent)
    yy = _grid(sheet, 73, y + 2.5, [8, 11, 9, 9], [("", "Acquis", "Pris", "Solde"),
                                                   *((lv[0], lv[2], lv[3], lv[4]) for lv in totals.leave)], font, 5.6)
    put(sheet, 73, yy + 3, f"Total versé par l'employeur : {number_fr(round(pay.gross + pay.pat_total, 2))} €", 5.8,
        font, 40, GREY)
    put(sheet, 73, yy + 6, f"Allègements : {number_fr(pay.relief)} €", 5.8, font, 40, GREY)
    _nets_box(sheet, 116, y - 1.5, W - 128, pay, people, font, accent, "NET PAYÉ")
    # the firm's full letterhead line
    line = (f"Bulletin établi par {firm.name} – {firm.form} – {firm.street}, {firm.town} – SIRET {firm.siret} – "
            f"{firm.order} – {firm.file}")
    for i, part in enumerate(wrap(line, font, 5.8, W - 24)[:2]):
        put(sheet, 12, H - 21.5 + 2.9 * i, part, 5.8, font, W - 24, accent)
    return sheet


def _listing(firm: Firm, people: People, pay: Pay, totals: Totals, font: FontKey, accent: Color,
             rng: random.Random) -> Sheet:
    """A portrait payroll listing: the firm's letterhead as a ruled line, the employer and the employee as labelled
    fields in two columns, rubric codes, Base / Taux / Part salarié / Part employeur, the nets as the last rows, a
    strip of cumuls."""
    sheet = Sheet()
    put(sheet, 12, 9.5, firm.name, 8, bold(font), 80)
    put(sheet, W - 12, 9.5, f"{firm.street}, {firm.town} – Tél. {firm.phone}", 6.2, font, 105, GREY, "right")
    put(sheet, 12, 13, firm.order, 5.9, font, 100, GREY)
    put(sheet, W - 12, 13, f"SIRET {firm.siret} – {firm.file}", 6.2, font, 85, GREY, "right")
    sheet.add(Rule(12, 15, W - 12, 15, 0.3, BLACK))
    title = rng.choice(("BULLETIN DE PAIE", "BULLETIN DE SALAIRE", "B U L L E T I N   D E   P A I E"))
    put(sheet, 12, 22, title, 11.5, bold(font), 100)
    put(sheet, W - 12, 21, people.period, 8.6, bold(font), 90, align="right")
    put(sheet, W - 12, 25, f"{people.payment} – {people.mode}", 6.6, font, 95, align="right")
    y = 29.0
    left = [("Employeur", people.employer), ("Adresse", f"{people.street}, {people.town}"),
            ("SIRET", people.siret), ("Code APE", people.ape), ("Urssaf" if "MSA" not in people.contributor
                                                                 else "MSA", people.contributor.split(" n° ")[-1]
                                                                 .split(": ")[-1]),
            ("Convention", people.convention.split(" : ", 1)[-1]), ("Effectif", people.staff.split(": ")[-1])]
    right = [("Salarié", people.employee), ("Adresse", ", ".join(people.employee_lines)), ("Matricule",
                                                                                           people.matricule),
             ("N° S.S.", people.ssn), *people.job[:2], ("Niveau / coef.", f"{people.job[2][1]} – {people.job[3][1]}"),
             ("Entrée le", people.job[4][1]), ("Horaire", people.job[6][1].split(" – ")[-1]),
             ("Taux horaire", people.job[7][1])]
    step = 3.3
    bottom = y
    for x, pairs, lw, vw in ((12, left, 20, 74), (110, right, 22, 66)):
        yy = y
        for label, value in pairs:
            put(sheet, x, yy, label, 6.4, font, lw, GREY)
            for k, part in enumerate(wrap(f": {value}", font, 6.6, vw)):
                put(sheet, x + lw + (1.5 if k else 0), yy, part, 6.6,
                    bold(font) if label in ("Employeur", "Salarié") else font, vw)
                yy += step
        bottom = max(bottom, yy)
    y = bottom + 0.5
    paid_word = rng.choice(("NET PAYÉ", "NET PAYÉ EN EUROS", "NET A PAYER"))
    cols = [Column("Code", "code", 12, 10, "left"), Column("Libellé", "label", 22, 70, "left"),
            Column("Base", "base", 92, 18), Column("Taux", "rate", 110, 13),
            Column("Part salarié", "amount", 123, 22), Column("Taux", "pat_rate", 145, 13),
            Column("Part employeur", "pat", 158, W - 12 - 158)]
    rows = [*_table_rows(pay, rng.choice(GROSS_WORDS)), *_net_rows(pay, paid_word)]
    y = _table(sheet, cols, rows, y, H - 44, TableStyle(font, accent, "dashed", 3.45))
    put(sheet, 12, y + 0.5, f"Montant net social : {number_fr(pay.net_social)} €", 7, bold(font), 80)
    put(sheet, W - 12, y + 0.5, f"Total versé par l'employeur : {number_fr(round(pay.gross + pay.pat_total, 2))} €"
        f" – Allègement de cotisations employeur : {number_fr(pay.relief)} €", 6.4, font, 110, GREY, "right")
    y += 3
    heads = ["", *(label for label, _, _ in totals.rows)]
    y = _grid(sheet, 12, y, [12, 25, 24, 24, 26, 25, 25, 25],
              [tuple(heads), ("Mois", *(m for _, m, _ in totals.rows)), ("Année", *(a for _, _, a in totals.rows))],
              font, 5.6, fill=(240, 240, 240)) + 3
    leave = "   ".join(f"Congés {lv[0]} ({lv[1]}) : acquis {lv[2]} – pris {lv[3]} – solde {lv[4]}"
                       for lv in totals.leave)
    put(sheet, 12, y, leave, 5.9, font, W - 24)
    note = (f"Bulletin établi par {firm.name}, {firm.form}, pour le compte de l'employeur, d'après les éléments "
            f"variables transmis le {people.sent}. {firm.clerk} – {firm.email}.")
    y = max(y + 6, H - 32)
    for line in wrap(note, font, 6.2, W - 24):
        put(sheet, 12, y, line, 6.2, font, W - 24, GREY)
        y += 3.2
    return sheet


def _second_page(firm: Firm, people: People, pay: Pay, totals: Totals, font: FontKey, accent: Color,
                 rng: random.Random) -> Sheet:
    """The year's pay month by month, the paid-leave detail and the accountant's notes."""
    sheet = Sheet()
    put(sheet, 12, 14, firm.name, 9, bold(font), 100, accent)
    put(sheet, 12, 18.5, f"{firm.street}, {firm.town} – SIRET {firm.siret}", 6.6, font, 120, GREY)
    heading = people.period if people.period.startswith(("Paie", "Période")) else f"Bulletin de paie – {people.period}"
    put(sheet, W - 12, 14, heading, 8, bold(font), 90, align="right")
    put(sheet, W - 12, 18.5, f"{people.employer} – {people.employee}", 6.8, font, 90, GREY, "right")
    sheet.add(Rule(12, 21, W - 12, 21, 0.4, accent))
    y = 29.0
    put(sheet, 12, y, rng.choice(("RÉCAPITULATIF ANNUEL DES RÉMUNÉRATIONS", "CUMULS ANNUELS – DÉTAIL PAR MOIS")), 9,
        bold(font), 150, accent)
    rows: list[tuple[str, ...]] = [("Mois", "Salaire brut", "Net imposable", "Impôt à la source", "Net payé")]
    rows += [(m, *(number_fr(v) for v in figures)) for m, figures in totals.months]
    rows.append(("Total de l'année", *(number_fr(v) for v in _year(totals))))
    y = _grid(sheet, 12, y + 3, [40, 34, 34, 34, 34], rows, font, 6.8, fill=tint(accent, 0.85)) + 7
    put(sheet, 12, y, "CONGÉS PAYÉS", 9, bold(font), 100, accent)
    y = _grid(sheet, 12, y + 3, [16, 60, 22, 22, 22], [("", "Période de référence", "Acquis", "Pris", "Solde"),
                                                        *totals.leave], font, 6.8, fill=tint(accent, 0.85)) + 7
    put(sheet, 12, y, "INFORMATIONS", 9, bold(font), 100, accent)
    notes = [(f"Ce bulletin a été établi par {firm.name}, {firm.form}, pour le compte de l'employeur "
              f"{people.employer}, sur la base des éléments variables transmis le {people.sent}. Toute question "
              f"relative à votre rémunération est à adresser à votre employeur."),
             ("Le montant net social est le montant à déclarer pour bénéficier de la prime d'activité et du revenu "
              "de solidarité active (RSA)."),
             (f"Impôt sur le revenu prélevé à la source : {_lower(pay.tax_label)} de {pct(pay.tax_rate)} % appliqué "
              f"au montant net imposable de {number_fr(pay.taxable)} €."),
             ("Les heures supplémentaires sont exonérées d'impôt sur le revenu dans la limite annuelle de 7 500 € "
              "nets et ouvrent droit à une réduction de cotisations salariales."),
             f"{firm.clerk} – {firm.phone} – {firm.email}.", KEEP]
    y += 5
    for note in notes:
        for line in wrap(note, font, 7, W - 30):
            put(sheet, 16, y, line, 7, font, W - 30)
            y += 3.6
        y += 1.6
    put(sheet, 12, y + 4, firm.partner, 7, bold(font), 120)
    put(sheet, 12, y + 8, firm.order, 6.6, font, 160, GREY)
    return sheet


def _footer(sheets: list[Sheet], people: People, font: FontKey) -> None:
    for page, sheet in enumerate(sheets, 1):
        sheet.add(Rule(12, H - 12.5, W - 12, H - 12.5, 0.2, LIGHT))
        put(sheet, 12, H - 9, KEEP, 5.9, font, 150, GREY)
        put(sheet, 12, H - 5.8, f"{PORTAL} – {people.software} – {people.edited}", 5.7, font, 150, GREY)
        put(sheet, W - 12, H - 9, f"Page {page}/{len(sheets)}", 6.2, font, 30, GREY, "right")


LAYOUTS = {"bandeau": _bandeau, "logo_haut": _logo_haut, "listing": _listing}


def keeps_an_accountant(facts: DossierFacts) -> bool:
    """The facts' employer is one a chartered accountant would run the payroll of (not La Poste)."""
    return facts.contract.employer.name != "LA POSTE"


def cabinet_comptable(facts: DossierFacts, rng: random.Random, slip: PayslipFacts | None = None) -> BuiltPiece:
    slip = slip or facts.payslips[0]
    layout = rng.choice(tuple(LAYOUTS))
    font = FontKey("mono") if layout == "listing" and rng.random() < 0.4 else FontKey(rng.choice(FONTS))
    accent = rng.choice(ACCENTS)
    pay = _compute(facts, slip, rng)
    firm = _firm(facts, rng)
    people = _people(facts, slip, pay, rng)
    totals = _totals(facts, slip, pay, rng)
    sheets = [LAYOUTS[layout](firm, people, pay, totals, font, accent, rng)]
    if rng.random() < 0.35:
        sheets.append(_second_page(firm, people, pay, totals, font, accent, rng))
    _footer(sheets, people, font)
    return _payslip_piece(facts, slip, LAYOUT, sheets)
