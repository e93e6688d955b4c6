"""Fresh payslip family `bulletin_interim` (third payslip wave, written once `bulletin_paysage` had been looked at): the
payslip a temporary-work agency (entreprise de travail temporaire, ETT) issues each month to a worker on assignment
("bulletin de paie intérimaire"). The employer is the agency — its name, address, SIRET, code APE, Urssaf account,
the "garantie financière" every ETT must hold (art. L.1251-49 du Code du travail) with its insurer's name, the
convention collective of the temporary work (IDCC 2378); the worker is assigned to a client, the "entreprise
utilisatrice", under one or two "contrats de mission" whose dates are not the pay period's.

What it prints: the period ("Période du 01/MM/YYYY au 30/MM/YYYY", "Paie du mois de juin 2026", "Période : 06/2026"),
the payment date (early in the next month on most), the worker (matricule intérimaire, n° de sécurité sociale,
qualification, coefficient, statut, first mission with the agency), the mission(s) (contrat de mission n°, n° de
mission, the client's name, SIRET and address, the place of work, the reason for the assignment — another person's
name when a worker is replaced —, the start and the term of the assignment with its "souplesse"), the hours week by
week ("Heures normales semaine du 01/06 au 07/06"), overtime at 25 % or 50 %, a client's prime, the end-of-assignment
indemnity (IFM, 10 %) and the paid-leave indemnity (ICCP, 10 % of the pay and the IFM) — paid with the month, or at
the end of a mission, or only accrued and shown apart —, the gross, the contributions grouped as the bulletin clarifié
groups them with the employer's share (Intérimaires Santé, Intérimaires Prévoyance), the meal and travel allowances
(not subject to contributions), the tax at source with its rate, the advances taken during the month, "Net à payer",
the masked IBAN, and the year-to-date totals (gross, taxable net, hours, IFM and ICCP paid).

Three sub-layouts: `reseau` (a national network's portrait slip with coloured bands: the agency's band on top, the
worker in the envelope window, a missions grid, the table, the nets and cumuls at the foot; a day-by-day timesheet on
a further page on some), `independant` (a small agency's plain listing in a typewriter or condensed face, rubric
codes, "Gains / Retenues", dashed rules, the missions as sentences), `mission_haut` (the mission and client block
first, the worker under it, a weekly timesheet grid, the table, the agency's block at the foot). A table too long for
its page continues on the next one, under a short header.

The truth is the generator's usual one (`work._payslip_piece`): the employer's (the agency's) SIRET, the employee's
surname, the month, the gross — the pay lines, with IFM and ICCP when they are paid, add up to it. Distractors: the
client's name, SIRET and address, mission and contract numbers, the missions' dates and terms, the replaced person's
name, the weekly hours, the IFM and ICCP accrued, the nets, the advances, the year-to-date gross, the employer's cost,
the payment date in the following month, the Urssaf account, the matricule and social security number."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from synth.checksums import make_siren, make_siret
from synth.companies import french_name
from synth.facts import DossierFacts, PayslipFacts
from synth.fmt import MONTHS_FR, date_slash, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey
from synth.layout import A4, BLACK, Box, Color, Rule, Sheet, wrap
from synth.people import FRENCH_CITIES, STREETS
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.payroll_print import (
    CADRES,
    KEEP,
    TRANSPORT,
    Column,
    Line,
    TableStyle,
    cut,
    dashed_rule,
    general_reduction,
    grid,
    health_and_family_rates,
    last_day,
    monthly_ceiling,
    pct,
    put,
    put_cells,
    put_heads,
    rate4,
    signed,
    ssn_born_abroad,
    tax_rate_label,
    tint,
)
from synth.pieces.work import _payslip_piece
from synth.rules import add_months, smic

LAYOUT = "bulletin_interim"
W, H = A4
GREY: Color = (90, 90, 90)
LIGHT: Color = (150, 150, 150)
WHITE: Color = (255, 255, 255)
ACCENTS: tuple[Color, ...] = ((200, 30, 45), (0, 85, 160), (230, 110, 0), (20, 120, 95), (110, 40, 130),
                              (25, 45, 90))
FONTS = ("sans", "lsans", "condensed", "lserif", "serif")
# an agency is a services company: the generator's farms, bakeries, restaurants or clinics do not run one
NOT_AN_AGENCY = ("RESTAURANT", "BOULANGERIE", "CLINIQUE", "GARAGE", "LABORATOIRES", "LA POSTE", "DOMAINE", "FERME",
                 "VERGERS", "EXPLOITATION")
TAGLINES = ("Intérim – CDD – CDI", "Travail temporaire et recrutement", "Emploi · Intérim · Formation",
            "Votre partenaire emploi", "Intérim & placement")
INSURERS = (("Atradius Crédito y Caución", "Levallois-Perret"), (("CEGC – Compagnie Européenne de Garanties et "
            "Cautions"), "Paris"), ("SMABTP", "Paris"), ("Groupama Assurance-crédit & Caution", "Paris"),
            ("QBE Europe SA/NV", "Courbevoie"), ("Axa France IARD", "Nanterre"), ("Crédit Coopératif", "Nanterre"))
CONVENTION = "Convention collective du travail temporaire – personnel intérimaire (IDCC 2378)"
SOFTWARE = ("TempoPaie 8.3", "INTERIM+ Gestion 2026", "ETT Manager 5.1", "PayTT Cloud 3.4", "ProIntérim 11.2")
CLIENTS = {"Cuisinier": ("RESTAURANT", "BRASSERIE", "HÔTEL-RESTAURANT"),
           "Serveur": ("BRASSERIE", "RESTAURANT", "HÔTEL"),
           "Boulanger": ("BOULANGERIE", "FOURNIL", "MINOTERIE"),
           "Aide-soignante": ("EHPAD", "RÉSIDENCE MÉDICALISÉE", "CLINIQUE"),
           "Infirmier de bloc opératoire": ("CLINIQUE", "POLYCLINIQUE", "CENTRE CHIRURGICAL"),
           "Technicien de maintenance": ("USINE", "PLASTURGIE", "MÉCANIQUE DE PRÉCISION"),
           "Conducteur de travaux": ("CONSTRUCTIONS", "BTP", "TRAVAUX PUBLICS")}
CLIENT_DEFAULT = ("LOGISTIQUE", "INDUSTRIES", "GROUPE", "SERVICES", "DISTRIBUTION")
CLIENT_TAILS = ("DU LITTORAL", "DES TROIS RIVIÈRES", "MÉDITERRANÉE", "DE L'ESTUAIRE", "DU PLATEAU", "BELLEVUE",
                "DES CÈDRES", "DE LA GARONNE", "DU VERCORS", "ARMOR", "DU VAL DE LOIRE", "DES SABLONS", "ATLANTIQUE",
                "DU BERRY", "DES ALPES")
MOTIFS = ("Accroissement temporaire d'activité", "Remplacement {of}, salarié(e) absent(e)",
          "Remplacement {of} (congé maternité)", "Emploi à caractère saisonnier",
          "Attente de l'entrée en service {of}, recruté(e) en CDI", "Commande exceptionnelle")
PRIMES = ("Prime d'équipe (EU)", "Prime de salissure", "Prime de froid", "Prime de rendement (EU)",
          "Indemnité de sujétion", "Prime de nuit (EU)")
BICS = ("CEPAFRPP", "AGRIFRPP", "SOGEFRPP", "CCBPFRPP", "BNPAFRPP", "CMCIFR2A", "PSSTFRPP")
INFOS = (("IFM (art. L.1251-32 du Code du travail) et ICCP (art. L.1251-19) : 10 % de la rémunération totale brute de "
         "chaque mission, l'ICCP incluant l'IFM."),
         ("Action sociale du travail temporaire (logement, garde d'enfants, crédit) : FASTT – www.fastt.org. "
         "Complémentaire santé : Intérimaires Santé."),
         ("Toute réclamation relative à ce bulletin est à adresser à votre agence, qui vous remettra vos relevés d'heures "
         "sur simple demande."))
GROSS_WORDS = ("SALAIRE BRUT", "Total brut", "BRUT", "Salaire brut", "TOTAL BRUT")
FIGURES = re.compile(r"[-\d\s,€h%]+")  # a grid's cell printed right-aligned


def temp_agency(facts: DossierFacts) -> bool:
    """The facts' employer could be a temporary-work agency (not a farm, a bakery, a restaurant...)."""
    company = facts.contract.employer
    return not company.agricultural and not company.name.startswith(NOT_AN_AGENCY)


# ------------------------------------------------------------------ figures


@dataclass
class Week:
    start: dt.date  # its Monday, or the 1st of the month
    end: dt.date  # its Sunday, or the last day of the month
    mission: int
    days: int
    hours: float
    amount: float = 0.0
    meals: int = 0
    trips: int = 0


@dataclass
class Mission:
    number: str
    contract: str
    client: str
    client_siret: str
    client_street: str
    client_town: str
    site: str
    start: dt.date
    end: dt.date  # the term agreed, or the day it ended
    ended: bool
    flex: tuple[dt.date, dt.date] | None  # the "souplesse" around the term
    motif: str
    schedule: str
    factor: float  # its hourly rate against the first mission's
    paid: bool = False  # its IFM (and the ICCP on it) paid with this month
    rate: float = 0.0
    base: float = 0.0
    ifm: float = 0.0


@dataclass
class Extra:
    kind: str  # "hs25", "hs50", "prime"
    label: str
    week: int
    share: float
    hours: float = 0.0
    rate: float = 0.0
    amount: float = 0.0


@dataclass
class Pay:
    missions: list[Mission]
    weeks: list[Week]
    extras: list[Extra]
    earn: list[Line]  # the pay lines, up to (not including) the gross
    gross: float
    contributions: list[Line]
    sal_total: float
    pat_total: float
    after: list[Line]  # allowances not subject to contributions
    net_before: float
    net_social: float
    taxable: float
    tax_rate: float
    tax_label: str
    tax: float
    advances: list[tuple[str, float]]
    net_paid: float
    hours: float
    overtime: float
    ifm: float
    iccp: float
    accrued: tuple[float, float] | None  # IFM and ICCP earned on the mission going on, not paid yet


def _weeks(p: dt.date, daily: float) -> list[Week]:
    """The month's working days (Monday to Friday), week by week."""
    last = last_day(p)
    weeks: list[Week] = []
    day = p
    while day <= last:
        end = min(last, day + dt.timedelta(days=6 - day.weekday()))
        days = sum(1 for k in range((end - day).days + 1) if (day + dt.timedelta(days=k)).weekday() < 5)
        if days:
            weeks.append(Week(day, end, 0, days, round(days * daily, 2)))
        day = end + dt.timedelta(days=1)
    return weeks


def _client(facts: DossierFacts, rng: random.Random) -> tuple[str, str, str, str, str]:
    """(name with legal form, SIRET, street, town, the place of work)."""
    agency = facts.contract.employer
    while True:
        name = f"{rng.choice(CLIENTS.get(facts.contract.job_title, CLIENT_DEFAULT))} {rng.choice(CLIENT_TAILS)}"
        if name != agency.name:
            break
    siret = make_siret(make_siren(rng), rng)
    while siret == agency.siret:
        siret = make_siret(make_siren(rng), rng)
    city, postcode = (agency.city, agency.address.rsplit(", ", 1)[-1][:5]) if rng.random() < 0.6 \
        else rng.choice(FRENCH_CITIES)
    street = f"{rng.randint(1, 180)} {rng.choice(STREETS)}"
    site = rng.choice((f"{street}, {postcode} {city}", (f"ZA des {rng.choice(('Pins', 'Forges', 'Prés', 'Acacias'))}, "
                                                       f"{postcode} {city}"), f"Site de {city}"))
    return f"{name} {rng.choice(('SAS', 'SARL', 'SA'))}", siret, street, f"{postcode} {city}", site


def _missions(facts: DossierFacts, p: dt.date, weeks: list[Week], rng: random.Random, count: int,
              ends: bool) -> list[Mission]:
    """One mission over the month (going on after it, or ending on its last working day), or two: the first ending
    on a Friday in the month, the next one starting the Monday after."""
    c = facts.contract
    first_day = p
    while first_day.weekday() >= 5:
        first_day += dt.timedelta(days=1)
    start = p - dt.timedelta(days=rng.randint(3, 140))
    start -= dt.timedelta(days=start.weekday())
    if c.start_date > start:
        start = min(first_day, c.start_date)
    last_work = max(w.end for w in weeks)
    while last_work.weekday() >= 5:
        last_work -= dt.timedelta(days=1)
    spans: list[tuple[dt.date, dt.date, bool]] = []
    if count == 2:
        cut = rng.randint(1, len(weeks) - 2)
        friday = weeks[cut].start + dt.timedelta(days=4 - weeks[cut].start.weekday())
        spans = [(start, friday, True), (friday + dt.timedelta(days=3), None, ends)]  # type: ignore[list-item]
        for week in weeks[cut + 1:]:
            week.mission = 1
    else:
        spans = [(start, None, ends)]  # type: ignore[list-item]
    missions = []
    same_client = rng.random() < 0.4
    client = _client(facts, rng)
    for k, (begin, end, ended) in enumerate(spans):
        if k and not same_client:
            client = _client(facts, rng)
        if end is None:
            end = last_work if ended else last_work + dt.timedelta(days=rng.randint(6, 95))
        flex = None
        if not ended and rng.random() < 0.6:
            span = max(1, (end - begin).days // 10)
            flex = (end - dt.timedelta(days=min(span, 10)), end + dt.timedelta(days=min(span, 10)))
        name = french_name(rng)
        motif = rng.choice(MOTIFS).format(of=f"d'{name}" if name[0] in "AEIOUÉ" else f"de {name}")
        hours = c.weekly_hours
        schedule = rng.choice((f"{hours_fr(hours)} h hebdomadaires", f"Horaire : {hours_fr(hours)} h / semaine",
                               f"{hours_fr(hours)} h – du lundi au vendredi"))
        number = f"{rng.randint(10**7, 10**8 - 1)}"
        contract = rng.choice((f"CM{begin:%y}{rng.randint(10**5, 10**6 - 1)}", f"{rng.randint(10**8, 10**9 - 1)}",
                               f"{begin.year}-{rng.randint(1000, 99999):05d}"))
        factor = 1.0 if not k or same_client else rng.choice((0.97, 1.03, 1.06, 1.1))
        missions.append(Mission(number, contract, client[0], client[1], client[2], client[3], client[4], begin, end,
                                ended, flex, motif, schedule, factor))
    return missions


def _allocate(worked: float, gross: float, base_share: float, weeks: list[Week], missions: list[Mission],
              extras: list[Extra]) -> float:
    """Spread `worked` over the weeks' normal hours (mission by mission at their hourly rates) and the extras; set
    each mission's base and IFM. Returns the total with the IFM and the ICCP paid."""
    base_part = round(worked * base_share, 2) if extras else worked
    extra_part = round(worked - base_part, 2)
    weighted = sum(w.hours * missions[w.mission].factor for w in weeks)
    r = base_part / weighted
    for m in missions:
        m.rate = round(r * m.factor, 4)
        m.base = 0.0
    for w in weeks:
        w.amount = round(w.hours * missions[w.mission].rate, 2)
    weeks[-1].amount = round(base_part - sum(w.amount for w in weeks[:-1]), 2)
    left = extra_part
    for i, e in enumerate(extras):
        e.amount = left if i == len(extras) - 1 else round(extra_part * e.share, 2)
        left = round(left - e.amount, 2)
        if e.kind == "prime":
            e.hours, e.rate = 0.0, 0.0
        else:
            hourly = missions[weeks[e.week].mission].rate * (1.25 if e.kind == "hs25" else 1.5)
            e.hours = max(1, round(e.amount / hourly * 4)) / 4
            e.rate = e.amount / e.hours
    for w in weeks:
        missions[w.mission].base = round(missions[w.mission].base + w.amount, 2)
    for e in extras:
        m = missions[weeks[e.week].mission]
        m.base = round(m.base + e.amount, 2)
    iccp_base = 0.0
    for m in missions:
        m.ifm = round(m.base * 0.10, 2) if m.paid else 0.0
        if m.paid:
            iccp_base += m.base + m.ifm
    iccp = round(iccp_base * 0.10, 2)
    return round(worked + sum(m.ifm for m in missions) + iccp, 2)


def _solve(gross: float, base_share: float, weeks: list[Week], missions: list[Mission],
           extras: list[Extra]) -> float | None:
    """The amount worked whose IFM and ICCP make the gross to the cent, or None."""
    if not any(m.paid for m in missions):
        _allocate(gross, gross, base_share, weeks, missions, extras)
        return gross
    ratio = _allocate(gross, gross, base_share, weeks, missions, extras) / gross
    guess = round(gross / ratio * 100)
    for delta in sorted(range(-40, 41), key=abs):
        worked = (guess + delta) / 100
        if _allocate(worked, gross, base_share, weeks, missions, extras) == gross:
            return worked
    return None


def _contributions(facts: DossierFacts, p: dt.date, g: float, overtime: float, hours: float,
                   rng: random.Random) -> tuple[list[Line], float, float, float, float, float]:
    """(rows, employee total, employer total, CSG/CRDS not deductible, employer's health and provident share, the
    overtime exemption)."""
    c = facts.contract
    ceiling = monthly_ceiling(p) * min(1.0, hours / 151.67)
    t1, t2 = min(g, ceiling), max(0.0, round(g - ceiling, 2))
    cadre = c.job_title in CADRES
    smic_month = float(smic(p)) * min(1.0, hours / 151.67)
    sick, family = health_and_family_rates(g, smic_month)
    at = rng.choice((2.14, 2.87, 3.42, 4.16, 5.02))
    prev_s, prev_p = (0.0, 1.50) if cadre else rng.choice(((0.28, 0.53), (0.20, 0.61), (0.35, 0.47)))
    health = rng.random() < 0.7  # Intérimaires Santé once the worker has 414 hours with the agency
    mut = rng.choice((16.92, 19.74, 23.40, 27.46)) if health else 0.0
    transport = TRANSPORT.get(c.employer.city, 1.80)
    others = [("Contribution solidarité autonomie", g, 0.30), ("FNAL", g, 0.50),
              ("Versement mobilité", g, transport), ("Formation professionnelle – travail temporaire", g, 1.30),
              ("Taxe d'apprentissage", g, 0.59), ("Contribution au dialogue social", g, 0.016)]
    other_total = round(sum(cut(base, rate) for _, base, rate in others), 2)
    coef = general_reduction(g, smic_month)
    reduction = round(coef * g, 2)
    prev_pat = cut(t1, prev_p)
    csg_base = round(g * 0.9825 + prev_pat + mut, 2)
    csg_d, csg_nd = cut(csg_base, 6.80), cut(csg_base, 2.90)
    exemption = cut(overtime, 11.31)
    rows = [Line("SANTÉ", style="head"),
            Line("Sécurité sociale – Maladie Maternité Invalidité Décès", number_fr(g), "", None, None, pct(sick),
                cut(g, sick), "sub", "610"),
            Line("Prévoyance – Intérimaires Prévoyance", number_fr(t1),
                pct(prev_s) if prev_s else "", None, cut(t1, prev_s) or None, pct(prev_p), prev_pat, "sub", "620")]
    if health:
        rows.append(Line("Complémentaire santé (Intérimaires Santé)", "", "", None, mut, "", mut, "sub", "630"))
    rows += [Line("ACCIDENTS DU TRAVAIL – MALADIES PROFESSIONNELLES", number_fr(g), "", None, None, pct(at),
                 cut(g, at), "line", "640"),
             Line("RETRAITE", style="head"),
             Line("Sécurité sociale plafonnée", number_fr(t1), "6,90", None, cut(t1, 6.90), "8,55", cut(t1, 8.55),
                 "sub", "650"),
             Line("Sécurité sociale déplafonnée", number_fr(g), "0,40", None, cut(g, 0.40), "2,02", cut(g, 2.02),
                 "sub", "651"),
             Line("Complémentaire Tranche 1", number_fr(t1), "4,01", None, cut(t1, 4.01), "6,01", cut(t1, 6.01),
                 "sub", "652")]
    if t2:
        rows.append(Line("Complémentaire Tranche 2", number_fr(t2), "9,72", None, cut(t2, 9.72), "14,57",
                        cut(t2, 14.57), "sub", "653"))
    rows += [Line("FAMILLE", number_fr(g), "", None, None, pct(family), cut(g, family), "line", "660"),
             Line("ASSURANCE CHÔMAGE", number_fr(g), "", None, None, "4,25", cut(g, 4.25), "line", "670")]
    if cadre:
        rows.append(Line("APEC", number_fr(g), "0,024", None, cut(g, 0.024), "0,036", cut(g, 0.036), "line", "675"))
    rows += [Line("AUTRES CONTRIBUTIONS DUES PAR L'EMPLOYEUR", "", "", None, None, "", other_total, "line", "680"),
             Line("CSG déductible de l'impôt sur le revenu", number_fr(csg_base), "6,80", None, csg_d, "", None, "line",
                 "690"),
             Line("CSG/CRDS non déductible de l'impôt sur le revenu", number_fr(csg_base), "2,90", None, csg_nd, "",
                 None, "line", "691")]
    if exemption or reduction:
        rows.append(Line("EXONÉRATIONS DE COTISATIONS", style="head"))
        if exemption:
            rows.append(Line("Réduction salariale heures supplémentaires", number_fr(overtime), "11,31", None,
                            -exemption, "", None, "sub", "695"))
        if reduction:
            rows.append(Line("Réduction générale des cotisations patronales", number_fr(g), "", None, None,
                            pct(round(coef * 100, 2)), -reduction, "sub", "696"))
    sal = round(sum(r.cut or 0.0 for r in rows), 2)
    pat = round(sum(r.pat or 0.0 for r in rows), 2)
    rows.append(Line("TOTAL DES COTISATIONS ET CONTRIBUTIONS", "", "", None, sal, "", pat, "total"))
    return rows, sal, pat, csg_nd, round(mut + prev_pat, 2), exemption


def _compute(facts: DossierFacts, slip: PayslipFacts, rng: random.Random) -> Pay:
    c, p, g = facts.contract, slip.period_start, slip.gross
    daily = c.weekly_hours / 5
    count = 2 if rng.random() < 0.35 else 1
    ends = count == 1 and rng.random() < 0.3
    weeks = _weeks(p, daily)
    missions = _missions(facts, p, weeks, rng, count, ends)
    monthly = rng.random() < 0.55  # the agency pays the IFM and the ICCP with each month's pay
    for m in missions:
        m.paid = m.ended or monthly
    extras: list[Extra] = []
    if slip.extra:
        kind = rng.choice(("hs25", "hs25", "hs25_50", "prime", "hs25_prime"))
        picks = rng.sample(range(len(weeks)), min(2, len(weeks)))
        if kind == "hs25":
            extras = [Extra("hs25", "Heures supplémentaires 25 %", picks[0], 1.0)]
        elif kind == "hs25_50":
            extras = [Extra("hs25", "Heures supplémentaires 25 %", picks[0], 0.55),
                      Extra("hs50", "Heures supplémentaires 50 %", picks[1], 0.45)]
        elif kind == "prime":
            extras = [Extra("prime", rng.choice(PRIMES), picks[0], 1.0)]
        else:
            extras = [Extra("hs25", "Heures supplémentaires 25 %", picks[0], 0.6),
                      Extra("prime", rng.choice(PRIMES), picks[1], 0.4)]
    share = slip.base_salary / g
    worked = _solve(g, share, weeks, missions, extras)
    if worked is None:  # the gross cannot be reached to the cent with IFM and ICCP: one mission going on, unpaid
        for w in weeks:
            w.mission = 0
        missions = missions[:1]
        missions[0].ended = missions[0].paid = False
        if missions[0].end <= last_day(p):
            missions[0].end = last_day(p) + dt.timedelta(days=rng.randint(6, 60))
        worked = _solve(g, share, weeks, missions, extras)
        assert worked == g
    two = len(missions) > 1
    meal = rng.choice((None, 6.90, 7.30, 7.40))
    trip = rng.choice((None, None, 2.85, 4.60, 6.25))
    for w in weeks:
        w.meals = max(0, w.days - rng.choice((0, 0, 1))) if meal else 0
        w.trips = w.days if trip else 0

    earn: list[Line] = []
    week_word = rng.choice(("semaine du", "sem. du", "période du"))
    for i, w in enumerate(weeks):
        m = missions[w.mission]
        suffix = f" – mission {w.mission + 1}" if two else ""
        earn.append(Line(f"Heures normales {week_word} {w.start:%d/%m} au {w.end:%d/%m}{suffix}", hours_fr(w.hours),
                        rate4(m.rate), w.amount, code="100"))
        for e in extras:
            if e.week == i:
                if e.kind == "prime":
                    earn.append(Line(e.label, "", "", e.amount, code="150"))
                else:
                    earn.append(Line(f"{e.label} {week_word} {w.start:%d/%m} au {w.end:%d/%m}", hours_fr(e.hours),
                                    rate4(e.rate), e.amount, code="110" if e.kind == "hs25" else "111"))
    paid = [m for m in missions if m.paid]
    for k, m in enumerate(missions):
        if m.paid:
            earn.append(Line(f"Indemnité de fin de mission (IFM) 10 %{f' – mission {k + 1}' if two else ''}",
                            number_fr(m.base), "10,00", m.ifm, code="300"))
    ifm = round(sum(m.ifm for m in paid), 2)
    iccp = round(g - worked - ifm, 2) if paid else 0.0
    if paid:
        earn.append(Line("Indemnité compensatrice de congés payés (ICCP) 10 %",
                        number_fr(round(sum(m.base + m.ifm for m in paid), 2)), "10,00", iccp, code="310"))
    assert round(sum(r.gain or 0.0 for r in earn), 2) == g
    overtime = round(sum(e.amount for e in extras if e.kind != "prime"), 2)
    hours = round(sum(w.hours for w in weeks) + sum(e.hours for e in extras), 2)
    rows, sal, pat, csg_nd, employer_health, exemption = _contributions(facts, p, g, overtime, hours, rng)

    after: list[Line] = []
    meals = sum(w.meals for w in weeks)
    if meal and meals:
        after.append(Line(rng.choice(("Indemnité de repas (panier) – non soumise", "Paniers repas non soumis")),
                         str(meals), number_fr(meal), round(meals * meal, 2), code="500"))
    trips = sum(w.trips for w in weeks)
    if trip and trips:
        after.append(Line(rng.choice(("Indemnité de déplacement – zone 2", "Indemnité de trajet non soumise",
                                     "Indemnité de petit déplacement")), str(trips), number_fr(trip),
                         round(trips * trip, 2), code="510"))
    net_before = round(g - sal + sum(r.gain or 0.0 for r in after), 2)
    net_social = round(g - sal + employer_health, 2)
    taxable = round(g - sal + csg_nd + employer_health - max(0.0, overtime - exemption), 2)
    tax_rate = rng.choice((0.0, 0.0, 1.1, 2.3, 3.6, 4.9, 6.2, 8.4))
    tax_label = tax_rate_label(tax_rate, rng, 0.7)
    tax = cut(taxable, tax_rate)
    advances: list[tuple[str, float]] = []
    for day in sorted(rng.sample((8, 12, 15, 19, 22), rng.choice((0, 0, 1, 1, 2)))):
        amount = float(rng.choice((100, 150, 200, 250, 300, 400)))
        if net_before - tax - sum(a for _, a in advances) - amount > 200:
            advances.append((f"Acompte versé le {day:02d}/{p:%m/%Y}", amount))
    net_paid = round(net_before - tax - sum(a for _, a in advances), 2)
    accrued = None
    if not paid:
        m = missions[0]
        months = max(0, (p.year - m.start.year) * 12 + p.month - m.start.month)
        earned = round(g * (1 + months * rng.uniform(0.93, 1.02)), 2)
        acc_ifm = round(earned * 0.10, 2)
        accrued = (acc_ifm, round((earned + acc_ifm) * 0.10, 2))
    return Pay(missions, weeks, extras, earn, g, rows, sal, pat, after, net_before, net_social, taxable, tax_rate,
               tax_label, tax, advances, net_paid, hours, overtime, ifm, iccp, accrued)


# ------------------------------------------------------------------ words around the figures


@dataclass
class People:
    agency: str
    street: str
    town: str
    phone: str
    siret: str
    ape: str
    vat: str
    urssaf: str
    guarantee: str
    tagline: str
    employee: str
    employee_lines: list[str]
    matricule: str
    ssn: str
    qualification: str
    coefficient: str
    status: str
    first_mission: str
    period: str
    payment: str
    iban: str
    edited: str
    software: str


@dataclass
class Totals:
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (label, month, year)


def _people(facts: DossierFacts, slip: PayslipFacts, pay: Pay, rng: random.Random) -> People:
    person, c, company = facts.person, facts.contract, facts.contract.employer
    p, last = slip.period_start, last_day(slip.period_start)
    street, _, town = company.address.partition(", ")
    agency = rng.choice((f"{company.name} {company.legal_form}", company.name, f"{company.name} ({company.legal_form})"))
    siret = siret_spaced(company.siret) if rng.random() < 0.4 else company.siret
    key = (12 + 3 * (int(company.siren) % 97)) % 97
    insurer, seat = rng.choice(INSURERS)
    guarantee = rng.choice((f"Garantie financière : {insurer} ({seat})",
                            (f"Garantie financière souscrite auprès de {insurer}, {seat} – art. L.1251-49 du Code du "
                            f"travail"),
                            f"Garant financier : {insurer} – {seat}"))
    number = f"{rng.choice(('117', '527', '547', '727', '827', '937', '317', '427'))} {rng.randint(10**11, 10**12 - 1)}"
    given = person.given_names
    employee = rng.choice((f"{person.civility} {given} {person.surname}", f"{person.surname} {given}",
                           f"{person.civility} {person.surname} {given}"))
    cadre = c.job_title in CADRES
    first = min(pay.missions[0].start, c.start_date)
    period = rng.choice((f"Période du {date_slash(p)} au {date_slash(last)}",
                         (f"Paie du mois {'d' + chr(39) if MONTHS_FR[p.month - 1][0] in 'ao' else 'de '}"
                         f"{MONTHS_FR[p.month - 1]} {p.year}"),
                         f"Période : {p:%m/%Y} (du {date_slash(p)} au {date_slash(last)})"))
    paid_on = add_months(p, 1) + dt.timedelta(days=rng.randint(4, 11)) if rng.random() < 0.7 \
        else last + dt.timedelta(days=rng.randint(0, 3))
    payment = rng.choice((f"Date de paiement : {date_slash(paid_on)}", f"Payé le {date_slash(paid_on)} par virement",
                          f"Virement du {date_slash(paid_on)}"))
    iban = (f"FR76 **** **** **** **** ***{rng.randint(0, 9)} {rng.randint(100, 999)} – BIC {rng.choice(BICS)}"
            if rng.random() < 0.5 else f"IBAN FR76 XXXX XXXX XXXX XXXX XXXX X{rng.randint(10, 99)}")
    return People(agency, street, town, f"Tél. 0{rng.randint(1, 5)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                                        f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
                  siret, company.ape, f"FR{key:02d}{company.siren}", f"URSSAF – n° {number}", guarantee,
                  rng.choice(TAGLINES), employee,
                  [person.address.partition(", ")[0], person.address.partition(", ")[2]],
                  f"{rng.randint(10**5, 10**7 - 1)}", ssn_born_abroad(facts.person, rng), c.job_title,
                  str(rng.choice((115, 130, 150, 400)) if cadre else rng.choice((170, 185, 210, 230, 255))),
                  "Cadre" if cadre else rng.choice(("Non-cadre", "Ouvrier", "Employé", "ETAM")), date_slash(first),
                  period, payment, iban, f"Édité le {date_slash(paid_on - dt.timedelta(days=rng.randint(1, 3)))}",
                  rng.choice(SOFTWARE))


def _totals(facts: DossierFacts, slip: PayslipFacts, pay: Pay, rng: random.Random) -> Totals:
    p, start = slip.period_start, facts.contract.start_date
    first = max(dt.date(p.year, 1, 1), start.replace(day=1))
    months = max(1, (p.year - first.year) * 12 + p.month - first.month + 1)
    earlier = [round(pay.gross * rng.uniform(0.82, 1.08), 2) for _ in range(months - 1)]
    gross = round(pay.gross + sum(earlier), 2)
    factor = pay.taxable / pay.gross
    taxable = round(pay.taxable + sum(e * factor for e in earlier), 2)
    hours = round(pay.hours + sum(pay.hours * e / pay.gross for e in earlier))
    ifm = round(pay.ifm + sum(e * 0.0826 for e in earlier) * (1 if pay.ifm else rng.choice((0, 0.4))), 2)
    iccp = round(pay.iccp + sum(e * 0.0909 for e in earlier) * (1 if pay.iccp else rng.choice((0, 0.4))), 2)
    tax = round(taxable * pay.tax_rate / 100, 2)
    cost = round(pay.gross + pay.pat_total, 2)
    return Totals([("Salaire brut", number_fr(pay.gross), number_fr(gross)),
                   ("Net imposable", number_fr(pay.taxable), number_fr(taxable)),
                   ("Heures payées", hours_fr(pay.hours), hours_fr(hours)),
                   ("IFM versée", number_fr(pay.ifm), number_fr(ifm)),
                   ("ICCP versée", number_fr(pay.iccp), number_fr(iccp)),
                   ("Impôt prélevé à la source", number_fr(pay.tax), number_fr(tax)),
                   ("Coût employeur", number_fr(cost), number_fr(round(cost * gross / pay.gross, 2)))])


# ------------------------------------------------------------------ drawing


def _head(sheet: Sheet, cols: list[Column], y: float, st: TableStyle) -> float:
    """The table's head at `y`, as its kind "band", "plain" or "grid" draws it; returns the first row's baseline."""
    left, right = cols[0].x, cols[-1].x + cols[-1].w
    if st.kind == "band":
        sheet.add(Box(left, y, right - left, 6, fill=st.accent, stroke=None))
        color = WHITE
    elif st.kind == "grid":
        sheet.add(Box(left, y, right - left, 6, fill=(236, 236, 236), stroke=(110, 110, 110), width=0.25))
        color = BLACK
    else:
        for yy in (y, y + 6):
            dashed_rule(sheet, left, right, yy, GREY)
        color = BLACK
    put_heads(sheet, cols, y + 4.2, 6.6, st.font, color)
    return y + 6 + st.step * 0.9


def _row(sheet: Sheet, cols: list[Column], row: Line, y: float, st: TableStyle) -> None:
    left, right = cols[0].x, cols[-1].x + cols[-1].w
    size = min(7.2, st.step / 0.3528 / 1.3)
    if row.style in ("gross", "total", "net"):
        if st.kind == "plain":
            sheet.add(Rule(left, y - st.step * 0.78, right, y - st.step * 0.78, 0.2, GREY))
        else:
            sheet.add(Box(left + 0.2, y - st.step * 0.78, right - left - 0.4, st.step, fill=tint(st.accent, 0.82),
                          stroke=None))
    elif row.style == "head" and st.kind == "band":
        sheet.add(Box(left + 0.2, y - st.step * 0.78, right - left - 0.4, st.step, fill=tint(st.accent, 0.9),
                      stroke=None))
    put_cells(sheet, cols, row, y, size, st.font)


def _flow_table(sheets: list[Sheet], cols: list[Column], rows: list[Line], y: float, bottom: float, st: TableStyle,
                again: Callable[[Sheet], float]) -> float:
    """The table from `y` down to `bottom`, its rows a little closer when that makes it fit; otherwise continued on a
    new sheet (its short header drawn by `again`), split at a heading or before the nets where one is near. Returns
    the baseline after the last row."""
    room = bottom - y - 6 - st.step * 0.9
    if len(rows) * st.step > room + st.step:
        st = TableStyle(st.font, st.accent, st.kind, max(3.05, room / len(rows)))
    sheet = sheets[-1]
    top = y
    y = _head(sheet, cols, y, st)
    i = 0
    while i < len(rows):
        fit = int((bottom - y) // st.step) + 1
        end = len(rows)
        if fit < len(rows) - i:
            breaks = [k for k in range(i + 1, i + fit + 1)
                      if rows[k].style == "head" or rows[k].label.startswith("NET À PAYER AVANT")]
            end = breaks[-1] if breaks and breaks[-1] >= i + fit - 14 else i + fit
        for row in rows[i:end]:
            _row(sheet, cols, row, y, st)
            y += st.step
        i = end
        if i < len(rows):
            _frame(sheet, cols, top, y, st)
            put(sheet, cols[-1].x + cols[-1].w, y + 1.5, "Suite page suivante", 6.4, st.font, 40, GREY, "right")
            sheet = Sheet()
            sheets.append(sheet)
            top = again(sheet)
            y = _head(sheet, cols, top, st)
    _frame(sheet, cols, top, y, st)
    return y


def _table_then_foot(sheets: list[Sheet], cols: list[Column], rows: list[Line], y: float, bottom: float,
                     st: TableStyle, again: Callable[[Sheet], float], foot: float) -> tuple[Sheet, float]:
    """The table flowed from `y` (`_flow_table`), then the sheet and the baseline the slip's foot goes on: a new sheet
    under the short header `again` draws when the table ends below `foot`."""
    y = _flow_table(sheets, cols, rows, y, bottom, st, again)
    sheet = sheets[-1]
    if y > foot:
        sheet = Sheet()
        sheets.append(sheet)
        y = again(sheet)
    return sheet, y


def _frame(sheet: Sheet, cols: list[Column], top: float, y: float, st: TableStyle) -> None:
    left, right = cols[0].x, cols[-1].x + cols[-1].w
    bottom = y - st.step * 0.6
    if st.kind == "grid":
        sheet.add(Box(left, top, right - left, bottom - top, stroke=(110, 110, 110), width=0.25))
        for col in cols[1:]:
            sheet.add(Rule(col.x, top + 6, col.x, bottom, 0.12, LIGHT))
    elif st.kind == "band":
        sheet.add(Rule(left, bottom, right, bottom, 0.35, st.accent))
    else:
        dashed_rule(sheet, left, right, bottom, GREY)


def _grid(sheet: Sheet, x: float, y: float, widths: list[float], rows: Sequence[tuple[str, ...]], font: FontKey,
          size: float = 6.4, fill: Color = (236, 236, 236)) -> float:
    """A small ruled grid, the first row as its head on `fill`; the figures right-aligned, words left."""
    return grid(sheet, x, y, widths, rows, font, size, fill=fill, stroke=LIGHT, leading=1.6, pad=0.8, figures=FIGURES)


def _net_rows(pay: Pay, paid_word: str) -> list[Line]:
    rows = [Line("NET À PAYER AVANT IMPÔT SUR LE REVENU", "", "", pay.net_before, style="total"),
            Line("Impôt sur le revenu prélevé à la source" + (" – taux non personnalisé"
                                                             if pay.tax_label == "Taux non personnalisé" else ""),
                number_fr(pay.taxable),
                pct(pay.tax_rate), -pay.tax if pay.tax else 0.0)]
    rows += [Line(label, "", "", -amount) for label, amount in pay.advances]
    rows.append(Line(paid_word, "", "", pay.net_paid, style="net"))
    return rows


def _missions_text(pay: Pay, rng: random.Random) -> list[list[str]]:
    """Each mission as a few sentences."""
    out = []
    for k, m in enumerate(pay.missions):
        term = (f"terminée le {date_slash(m.end)}" if m.ended else f"terme prévu le {date_slash(m.end)}")
        flex = f" (souplesse du {date_slash(m.flex[0])} au {date_slash(m.flex[1])})" if m.flex else ""
        out.append([f"Contrat de mission n° {m.contract} – N° de mission {m.number}",
                    f"Entreprise utilisatrice : {m.client} – SIRET {m.client_siret}",
                    f"{m.client_street}, {m.client_town} – Lieu de mission : {m.site}",
                    f"Mission du {date_slash(m.start)}, {term}{flex}",
                    f"Motif : {m.motif} – {m.schedule} – taux horaire {rate4(m.rate)} €"])
    return out


def _footer(sheets: list[Sheet], people: People, font: FontKey) -> None:
    for page, sheet in enumerate(sheets, 1):
        sheet.add(Rule(12, H - 12.5, W - 12, H - 12.5, 0.2, LIGHT))
        put(sheet, 12, H - 9, KEEP, 5.9, font, 150, GREY)
        put(sheet, 12, H - 5.8, f"{CONVENTION} – {people.software} – {people.edited}", 5.7, font, 150, GREY)
        put(sheet, W - 12, H - 9, f"Page {page}/{len(sheets)}", 6.2, font, 30, GREY, "right")


def _short_header(people: People, font: FontKey, accent: Color) -> Callable[[Sheet], float]:
    def draw(sheet: Sheet) -> float:
        put(sheet, 12, 14, people.agency, 9, bold(font), 90, accent)
        put(sheet, 12, 18.5, f"SIRET {people.siret}", 7, font, 90, GREY)
        put(sheet, W - 12, 14, f"Bulletin de paie (suite) – {people.employee}", 8, bold(font), 100, align="right")
        put(sheet, W - 12, 18.5, people.period, 7.2, font, 100, GREY, "right")
        sheet.add(Rule(12, 21, W - 12, 21, 0.3, accent))
        return 25.0
    return draw


def _nets_box(sheet: Sheet, x: float, y: float, w: float, pay: Pay, people: People, font: FontKey,
              accent: Color, paid_word: str) -> float:
    rows = [("Net à payer avant impôt sur le revenu", number_fr(pay.net_before)),
            (f"Prélèvement à la source ({pct(pay.tax_rate)} % – {pay.tax_label[0].lower()}{pay.tax_label[1:]})",
             signed(-pay.tax) if pay.tax else "0,00"),
            *((label, signed(-amount)) for label, amount in pay.advances)]
    step = 3.6
    h = 6 + step * len(rows) + 15
    sheet.add(Box(x, y, w, h, stroke=accent, width=0.4))
    yy = y + 5
    for label, value in rows:
        put(sheet, x + 2, yy, label, 6.9, font, w - 26)
        put(sheet, x + w - 2, yy, value, 7, font, 22, align="right")
        yy += step
    sheet.add(Box(x + 1, yy - 2.6, w - 2, 7.4, fill=accent, stroke=None))
    put(sheet, x + 3, yy + 2.2, paid_word, 9.5, bold(font), w - 32, WHITE)
    put(sheet, x + w - 3, yy + 2.2, f"{number_fr(pay.net_paid)} €", 10, bold(font), 30, WHITE, "right")
    put(sheet, x + 2, yy + 9, f"{people.payment} – {people.iban}", 6.2, font, w - 4, GREY)
    return y + h


def _table_rows(pay: Pay, gross_word: str, nets: str | None) -> list[Line]:
    rows = [*pay.earn, Line(gross_word, "", "", pay.gross, style="gross"), *pay.contributions]
    if pay.after:
        rows += [Line("ÉLÉMENTS NON SOUMIS À COTISATIONS", style="head"), *pay.after]
    if nets:
        rows += _net_rows(pay, nets)
    return rows


def _accrued_line(pay: Pay) -> str:
    if not pay.accrued:
        return ""
    return (f"Mission en cours : IFM acquise {number_fr(pay.accrued[0])} € et ICCP acquise {number_fr(pay.accrued[1])} "
            f"€, versées en fin de mission")


def _reseau(people: People, pay: Pay, totals: Totals, font: FontKey, accent: Color, rng: random.Random) -> list[Sheet]:
    """A national network's slip: the agency's coloured band, the worker in the envelope window, a grid of the
    missions, the table under coloured bands, the nets and cumuls at the foot."""
    sheet = Sheet()
    sheets = [sheet]
    sheet.add(Box(0, 0, W, 24, fill=accent, stroke=None))
    put(sheet, 12, 11, people.agency, 14, bold(font), 110, WHITE)
    put(sheet, 12, 17.5, f"{people.tagline} – agence de {people.town.split(' ', 1)[-1]}", 7.4, font, 110, WHITE)
    put(sheet, W - 12, 10.5, rng.choice(("BULLETIN DE PAIE", "BULLETIN DE SALAIRE")), 12, bold(font), 70, WHITE,
         "right")
    put(sheet, W - 12, 15.5, "Salarié intérimaire", 7.4, font, 70, WHITE, "right")
    put(sheet, W - 12, 20.5, people.period, 8, bold(font), 80, WHITE, "right")
    put(sheet, 12, 30, "VOTRE AGENCE", 7.2, bold(font), 60, accent)
    sheet.add(Rule(12, 31.2, 92, 31.2, 0.3, accent))
    for i, line in enumerate((people.agency, people.street, people.town, people.phone, f"SIRET : {people.siret}",
                              f"Code APE : {people.ape} – TVA {people.vat}", people.urssaf)):
        put(sheet, 12, 35 + 3.5 * i, line, 7, bold(font) if i == 0 else font, 80)
    put(sheet, 112, 31, f"Matricule intérimaire : {people.matricule}", 6.8, font, 86, GREY)
    put(sheet, 112, 38, people.employee, 10, bold(font), 86)
    for i, line in enumerate(people.employee_lines):
        put(sheet, 112, 43 + 4.2 * i, line, 8.4, font, 86)
    put(sheet, 112, 56, people.payment, 7, font, 86, GREY)
    y = 62.0
    y = _grid(sheet, 12, y, [30, 44, 48, 18, 22, 24],
              [("N° sécurité sociale", "Qualification", "Statut", "Coefficient", "Inscrit depuis",
                "Horaire"),
               (people.ssn, people.qualification, people.status, people.coefficient, people.first_mission,
                pay.missions[0].schedule.split(" – ")[0].replace("Horaire : ", ""))],
              font, 6.2, tuple(min(255, int(v + (255 - v) * 0.85)) for v in accent)) + 2.5  # type: ignore[arg-type]
    put(sheet, 12, y + 3, rng.choice(("VOS MISSIONS DE LA PÉRIODE", "MISSION(S)")), 7.2, bold(font), 80, accent)
    rows = [("N° mission", "Entreprise utilisatrice", "SIRET client", "Début", "Fin", "Taux horaire")]
    for m in pay.missions:
        rows.append((m.number, m.client, siret_spaced(m.client_siret), date_slash(m.start),
                     date_slash(m.end) + ("" if m.ended else " (prév.)"), f"{rate4(m.rate)} €"))
    y = _grid(sheet, 12, y + 4.5, [22, 58, 34, 20, 27, 25], rows, font, 6.2) + 1.5
    for m in pay.missions:
        put(sheet, 12, y + 2.5, f"Mission {m.number} : {m.motif} – {m.site}", 6.2, font, W - 24, GREY)
        y += 3.2
    y += 2.8
    st = TableStyle(font, accent, "band", 3.45)
    cols = [Column("Rubriques", "label", 12, 84, "left"), Column("Base / Nombre", "base", 96, 20),
            Column("Taux", "rate", 116, 13), Column("À payer", "gain", 129, 18), Column("À déduire", "cut", 147, 17),
            Column("Taux pat.", "pat_rate", 164, 13), Column("Part patronale", "pat", 177, 21)]
    rows_t = _table_rows(pay, rng.choice(GROSS_WORDS), None)
    sheet, y = _table_then_foot(sheets, cols, rows_t, y, H - 62, st, _short_header(people, font, accent), H - 58)
    y += 1
    if pay.accrued:
        put(sheet, 12, y + 1, _accrued_line(pay), 6.6, bold(font), W - 24, accent)
        y += 3.5
    put(sheet, 12, y + 3.5, "CUMULS", 7.2, bold(font), 40, accent)
    _grid(sheet, 12, y + 5, [34, 22, 24], [("", "Mois", "Année"), *totals.rows], font, 6.1)
    _nets_box(sheet, 100, y + 1.5, W - 112, pay, people, font, accent, rng.choice(("NET À PAYER", "NET PAYÉ")))
    for i, line in enumerate(INFOS):
        put(sheet, 12, H - 30 + 3.4 * i, line, 6.2, font, W - 24, GREY)
    put(sheet, 12, H - 16, people.guarantee, 6.4, bold(font), W - 24)
    if rng.random() < 0.4:
        sheets.append(_timesheet(people, pay, font, accent))
    return sheets


def _timesheet(people: People, pay: Pay, font: FontKey, accent: Color) -> Sheet:
    """A further page: the hours of the month day by day, as the client's timesheets reported them."""
    sheet = Sheet()
    y = _short_header(people, font, accent)(sheet)
    put(sheet, 12, y + 4, "RELEVÉ D'HEURES DE LA PÉRIODE (d'après les relevés signés par l'entreprise utilisatrice)",
         8.2, bold(font), W - 24, accent)
    rows = [("Jour", "Mission", "Entreprise utilisatrice", "H. normales", "H. sup.", "Panier", "Dépl.")]
    days = ("lun.", "mar.", "mer.", "jeu.", "ven.")
    for i, w in enumerate(pay.weeks):
        m = pay.missions[w.mission]
        extra = sum(e.hours for e in pay.extras if e.week == i)
        day = w.start
        n = 0
        while day <= w.end:
            if day.weekday() < 5:
                rows.append((f"{days[day.weekday()]} {date_slash(day)}", m.number, m.client,
                             hours_fr(round(w.hours / w.days, 2)), hours_fr(extra) if extra and not n else "",
                             "1" if n < w.meals else "", "1" if w.trips else ""))
                n += 1
            day += dt.timedelta(days=1)
    y = _grid(sheet, 12, y + 7, [26, 22, 64, 20, 18, 18, 18], rows, font, 6.3) + 4
    put(sheet, 12, y, f"Total des heures payées sur la période : {hours_fr(pay.hours)} h", 7.4, bold(font), 120)
    for i, m in enumerate(pay.missions):
        put(sheet, 12, y + 5 + 3.6 * i, f"Mission {m.number} – contrat {m.contract} – {m.client} – {m.site}", 6.6,
             font, W - 24, GREY)
    return sheet


def _independant(people: People, pay: Pay, totals: Totals, font: FontKey, accent: Color,
                 rng: random.Random) -> list[Sheet]:
    """A small agency's plain listing: no colour, dashed rules, rubric codes, the missions as sentences."""
    sheet = Sheet()
    sheets = [sheet]
    put(sheet, 12, 15, people.agency, 11.5, bold(font), 100)
    for i, line in enumerate((people.street, people.town, f"SIRET {people.siret}   APE {people.ape}", people.urssaf,
                              *wrap(people.guarantee, font, 6.6, 98))):
        put(sheet, 12, 20 + 3.5 * i, line, 7 if i < 4 else 6.6, font, 100)
    title = rng.choice(("BULLETIN DE SALAIRE – INTÉRIMAIRE", "BULLETIN DE PAIE TRAVAIL TEMPORAIRE",
                        "BULLETIN DE PAIE"))
    put(sheet, W - 12, 15, title, 10.5, bold(font), 85, align="right")
    put(sheet, W - 12, 20.5, people.period, 8, font, 85, align="right")
    put(sheet, W - 12, 25, people.payment, 7, font, 85, align="right")
    sheet.add(Box(116, 33, 82, 24, stroke=GREY, width=0.25))
    put(sheet, 119, 39, people.employee, 9.2, bold(font), 76)
    for i, line in enumerate(people.employee_lines):
        put(sheet, 119, 44 + 4 * i, line, 7.8, font, 76)
    put(sheet, 119, 54.5, f"Matricule {people.matricule}", 6.8, font, 76, GREY)
    for i, line in enumerate((f"N° S.S. : {people.ssn}", f"Qualification : {people.qualification}",
                              f"Statut : {people.status}   Coefficient : {people.coefficient}",
                              f"Première mission : {people.first_mission}")):
        put(sheet, 12, 45.5 + 3.6 * i, line, 7, font, 98)
    y = 64.5
    for k, lines in enumerate(_missions_text(pay, rng)):
        for j, line in enumerate(lines):
            put(sheet, 12, y, line, 6.8, bold(font) if j == 0 else font, W - 24)
            y += 3.3
        y += 1
    st = TableStyle(font, accent, "plain", 3.5)
    cols = [Column("Code", "code", 12, 10, "left"), Column("Libellé", "label", 22, 76, "left"),
            Column("Nombre", "base", 98, 18), Column("Taux", "rate", 116, 14), Column("Gains", "gain", 130, 17),
            Column("Retenues", "cut", 147, 16), Column("Taux pat.", "pat_rate", 163, 14),
            Column("Cot. pat.", "pat", 177, 21)]
    rows = _table_rows(pay, rng.choice(GROSS_WORDS), rng.choice(("NET A PAYER", "NET À PAYER", "NET PAYÉ")))
    sheet, y = _table_then_foot(sheets, cols, rows, y + 1, H - 40, st, _short_header(people, font, BLACK), H - 36)
    y += 1.5
    lines = [f"{people.payment} – {people.iban}"]
    if pay.accrued:
        lines.append(_accrued_line(pay))
    lines.append("Cumuls annuels : " + "   ".join(f"{label} {year}" for label, _, year in totals.rows[:3]))
    lines.append("                 " + "   ".join(f"{label} {year}" for label, _, year in totals.rows[3:6]))
    for line in lines:
        put(sheet, 12, y, line, 6.8, font, W - 24)
        y += 3.6
    return sheets


def _mission_haut(people: People, pay: Pay, totals: Totals, font: FontKey, accent: Color,
                  rng: random.Random) -> list[Sheet]:
    """The mission and client block first, the worker under it, a weekly timesheet grid, the table, and the agency's
    block at the foot."""
    sheet = Sheet()
    sheets = [sheet]
    put(sheet, 12, 14, rng.choice(("BULLETIN DE PAIE – TRAVAIL TEMPORAIRE", "Bulletin de salaire intérimaire")), 13,
         bold(font), 120, accent)
    put(sheet, 12, 19.5, f"{people.period}   –   {people.payment}", 7.6, font, 130)
    put(sheet, W - 12, 13, people.agency, 9, bold(font), 62, accent, "right")
    put(sheet, W - 12, 17.5, people.tagline, 6.6, font, 62, GREY, "right")
    y = 23.0
    blocks = _missions_text(pay, rng)
    height = 6 + sum(3.3 * len(b) + 1 for b in blocks)
    sheet.add(Box(12, y, W - 24, height, stroke=accent, width=0.35),
              Box(12, y, W - 24, 4.6, fill=accent, stroke=None))
    put(sheet, 14, y + 3.4, "MISSION(S) – ENTREPRISE UTILISATRICE" if len(blocks) > 1 else
         "MISSION – ENTREPRISE UTILISATRICE", 7, bold(font), 120, WHITE)
    yy = y + 8
    for lines in blocks:
        for j, line in enumerate(lines):
            put(sheet, 14, yy, line, 6.7, bold(font) if j == 1 else font, W - 28)
            yy += 3.3
        yy += 1
    y += height + 2.5
    left = [people.employee, *people.employee_lines, f"N° de sécurité sociale : {people.ssn}",
            f"Matricule : {people.matricule}"]
    right = [f"Qualification : {people.qualification}", f"Coefficient : {people.coefficient}",
             f"Statut : {people.status}", f"Inscrit depuis le {people.first_mission}"]
    box_h = 5.5 + 3.4 * max(len(left), len(right)) + 1
    for x, width, head, lines in ((12, 100.0, "SALARIÉ INTÉRIMAIRE", left), (115, W - 127, "EMPLOI", right)):
        sheet.add(Box(x, y, width, box_h, stroke=LIGHT, width=0.25))
        put(sheet, x + 2, y + 3.6, head, 6.6, bold(font), width - 4, accent)
        for i, line in enumerate(lines):
            put(sheet, x + 2, y + 7.6 + 3.4 * i, line, 7 if i else 8, bold(font) if i == 0 and x == 12 else font,
                 width - 4)
    y += box_h + 2.5
    rows = [("Semaine", "Mission", "H. normales", "HS 25 %", "HS 50 %", "Paniers", "Déplacements")]
    for i, w in enumerate(pay.weeks):
        hs25 = sum(e.hours for e in pay.extras if e.week == i and e.kind == "hs25")
        hs50 = sum(e.hours for e in pay.extras if e.week == i and e.kind == "hs50")
        rows.append((f"S{w.start.isocalendar()[1]:02d} du {w.start:%d/%m} au {w.end:%d/%m}",
                     pay.missions[w.mission].number, hours_fr(w.hours), hours_fr(hs25) if hs25 else "",
                     hours_fr(hs50) if hs50 else "", str(w.meals) if w.meals else "", str(w.trips) if w.trips else ""))
    y = _grid(sheet, 12, y, [40, 26, 24, 20, 20, 20, 24], rows, font, 6.1) + 3
    st = TableStyle(font, accent, "grid", 3.4)
    cols = [Column("Rubrique", "label", 12, 90, "left"), Column("Base", "base", 102, 20),
            Column("Taux sal.", "rate", 122, 14), Column("Montant salarié", "amount", 136, 22),
            Column("Taux pat.", "pat_rate", 158, 14), Column("Montant patronal", "pat", 172, 26)]
    table = _table_rows(pay, rng.choice(GROSS_WORDS), rng.choice(("NET À PAYER", "NET PAYÉ EN EUROS")))
    sheet, y = _table_then_foot(sheets, cols, table, y, H - 58, st, _short_header(people, font, accent), H - 52)
    put(sheet, 12, y + 1, f"{people.payment} – {people.iban}", 6.6, font, W - 24)
    if pay.accrued:
        put(sheet, 12, y + 4.6, _accrued_line(pay), 6.6, bold(font), W - 24, accent)
        y += 3.6
    heads = ["", *(label for label, _, _ in totals.rows[:6])]
    y = _grid(sheet, 12, y + 3.5, [14, 30, 30, 26, 26, 28, 32],
              [tuple(heads), ("Mois", *(m for _, m, _ in totals.rows[:6])),
               ("Année", *(a for _, _, a in totals.rows[:6]))], font, 6.0) + 2.5
    box_h = 22.0
    sheet.add(Box(12, y, W - 24, box_h, fill=(246, 246, 246), stroke=LIGHT, width=0.25))
    put(sheet, 14, y + 4, "EMPLOYEUR – Entreprise de travail temporaire", 6.6, bold(font), 120, accent)
    put(sheet, 14, y + 8.3, people.agency, 8.4, bold(font), 110)
    put(sheet, 14, y + 12, f"{people.street}, {people.town} – {people.phone}", 6.8, font, W - 30)
    put(sheet, 14, y + 15.5, f"SIRET {people.siret} – APE {people.ape} – {people.urssaf}", 6.8, font, W - 30)
    put(sheet, 14, y + 19, people.guarantee, 6.6, font, W - 30)
    return sheets


LAYOUTS = {"reseau": _reseau, "independant": _independant, "mission_haut": _mission_haut}


def bulletin_interim(facts: DossierFacts, rng: random.Random, slip: PayslipFacts | None = None) -> BuiltPiece:
    slip = slip or facts.payslips[0]
    layout = rng.choice(tuple(LAYOUTS))
    font = FontKey("mono") if layout == "independant" and rng.random() < 0.5 else FontKey(rng.choice(FONTS))
    accent = rng.choice(ACCENTS)
    pay = _compute(facts, slip, rng)
    people = _people(facts, slip, pay, rng)
    totals = _totals(facts, slip, pay, rng)
    sheets = LAYOUTS[layout](people, pay, totals, font, accent, rng)
    _footer(sheets, people, font)
    return _payslip_piece(facts, slip, LAYOUT, sheets)
