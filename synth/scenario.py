"""Decide a dossier's facts, all compliant, relative to the date it is checked on
(`submitted`); `violations.py` and `labour.py` then bend some of them. Every value that a
rule compares stays clear of its limit (eval README margins)."""
from __future__ import annotations

import datetime as dt
import random

from synth.companies import (
    DIPLOMA_TITLES_EN,
    DIPLOMA_TITLES_FR,
    FOREIGN_UNIVERSITIES,
    INSTITUTIONS,
    JOB_ROME,
    french_name,
    make_company,
)
from synth.facts import (
    CertificateFacts,
    ContractFacts,
    DiplomaFacts,
    DossierFacts,
    InternshipFacts,
    OfferFacts,
    PassportFacts,
    PayslipFacts,
    PermitFacts,
    RegistrationFacts,
    StatementFacts,
)
from synth.identifiers import apec_reference, contributor_account, employer_reference, ft_offer_reference, security_code
from synth.people import make_person, passport_number
from synth.rules import (
    GRATIFICATION_HOURS,
    HOURS_MARGIN,
    MAX_PRESENCE_HOURS,
    add_months,
    certificate_outdated,
    convention_late,
    exemption_threshold,
    far_from,
    gratification_floor,
    mid_month,
    presence_hours,
    publication_days,
    renewal_in_window,
    salary_floor,
    weekly_from_monthly,
)

PROCEDURES = ("introduction_salarie", "changement_statut", "renouvellement", "stage")
# (weekly hours, hours per month as printed or None); weekly hours derive from monthly ones (x 12 / 52)
HOURS = ((35, None), (39, None), (30, None), (24, None), (None, 151.67), (None, 169.0), (None, 130.0), (None, 110.0))
JOBSEEKER = "RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE"
PERMIT_CATEGORIES = {
    "changement_statut": ("ETUDIANT", "ETUDIANT PROGRAMME DE MOBILITE", "ETUDIANT - ELEVE"),
    "renouvellement": ("SALARIE", "TRAVAILLEUR TEMPORAIRE", "TALENT - CARTE BLEUE EUROPEENNE", "VIE PRIVEE ET FAMILIALE"),
    "other": ("ETUDIANT", "VIE PRIVEE ET FAMILIALE"),
}
PREFECTURES = ("PRÉFECTURE DU RHÔNE", "PRÉFECTURE DE POLICE", "PRÉFECTURE DE LA GIRONDE", "PRÉFECTURE DU NORD",
               "PRÉFECTURE DE LOIRE-ATLANTIQUE", "PRÉFECTURE DE L'ISÈRE")
SUBJECTS = ("Analyse de données commerciales", "Développement d'une application web", "Audit des processus logistiques",
            "Étude de marché à l'international", "Amélioration continue en production")
CHANNELS = ("France Travail", "Apec", "Site carrière de l'entreprise", "Candidatures spontanées", "LinkedIn",
            "Indeed", "Cooptation")
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def days(rng: random.Random, lo: int, hi: int) -> dt.timedelta:
    return dt.timedelta(days=rng.randint(lo, hi))


def pick_date(rng: random.Random, lo: dt.date, hi: dt.date, ok=lambda d: True) -> dt.date:
    """A date in [lo, hi] (preferably mid-month) that satisfies `ok`."""
    span = max((hi - lo).days, 0)
    for attempt in range(200):
        day = lo + dt.timedelta(days=rng.randint(0, span))
        if attempt < 100:
            day = mid_month(day)
        if lo <= day <= hi and ok(day):
            return day
    raise ValueError(f"no date in [{lo}, {hi}]")


def round_salary(value: float, rng: random.Random) -> float:
    return float(round(value, -1 if rng.random() < 0.6 else 2))


def salary_above(floor: float, rng: random.Random, lo: float = 1.06, hi: float = 1.9, avoid: float | None = None) -> float:
    """A monthly salary at least 1 EUR over `floor` (and 1 EUR away from `avoid`)."""
    for _ in range(100):
        value = round_salary(floor * rng.uniform(lo, hi), rng)
        if value >= floor + 1 and (avoid is None or abs(value - avoid) >= 1):
            return value
    return round(floor + 5.0, 2)


def make_contract(rng: random.Random, procedure: str, submitted: dt.date, employer, given_names: str) -> ContractFacts:
    if procedure == "renouvellement":  # started under an earlier SMIC row (2023-2025) or recently
        start = mid_month(submitted - days(rng, 200, 1150))
    else:
        start = mid_month(submitted + days(rng, 20, 120))
    cdd = rng.random() < 0.35
    end = mid_month(add_months(start, rng.randint(6, 18))) if cdd else None
    if procedure == "renouvellement" and end is not None and end < submitted + dt.timedelta(days=90):
        end = mid_month(add_months(submitted, rng.randint(6, 12)))
    weekly, per_month = rng.choice(HOURS)
    weekly = weekly if per_month is None else weekly_from_monthly(per_month)
    floor = float(max(salary_floor(start, weekly), salary_floor(submitted, weekly)))
    monthly = salary_above(floor, rng, avoid=float(exemption_threshold(start)))
    annual = None
    if rng.random() < 0.3:
        annual = float(round(monthly * 12, -2))
        monthly = round(annual / 12, 2)
        if monthly < floor + 1 or abs(monthly - float(exemption_threshold(start))) < 1:
            annual, monthly = None, round(floor * 1.2, -1)
    return ContractFacts(employer, employer.siret, "CDD" if cdd else "CDI", rng.choice(tuple(JOB_ROME)), start, end,
                         weekly, per_month, monthly, annual, given_names, min(submitted, start) - days(rng, 5, 30))


def internship_dates(rng: random.Random, start: dt.date, weekly: float, lo_hours: float, hi_hours: float) -> dt.date:
    """An end date giving between lo and hi hours of presence."""
    first = int(-(-lo_hours * 7 // weekly))
    last = int(hi_hours * 7 // weekly)
    for _ in range(50):
        end = start + dt.timedelta(days=rng.randint(first, last) - 1)
        if 5 <= end.day <= 24:
            break
    hours = presence_hours(weekly, start, end)
    assert lo_hours <= hours <= hi_hours, (start, end, weekly, hours)
    return end


def internship_start(rng: random.Random, submitted: dt.date, late: bool) -> dt.date:
    """On time: sent at least two months before the start (R426-20); late otherwise."""
    if late:
        return pick_date(rng, submitted + dt.timedelta(days=10), add_months(submitted, 2) - dt.timedelta(days=6),
                         lambda d: convention_late(d, submitted) and far_from(submitted, add_months(d, -2)))
    return pick_date(rng, add_months(submitted, 2) + dt.timedelta(days=6), add_months(submitted, 4),
                     lambda d: not convention_late(d, submitted) and far_from(submitted, add_months(d, -2)))


def make_internship(rng: random.Random, submitted: dt.date, employer, given_names: str) -> InternshipFacts:
    start = internship_start(rng, submitted, late=False)
    weekly = rng.choice((35, 35, 35, 39, 30, 28, 24, 20))
    margin = HOURS_MARGIN
    if rng.random() < 0.3:  # owes no gratification (may still span more than 2 calendar months part-time)
        end = internship_dates(rng, start, weekly, 120, float(GRATIFICATION_HOURS) - margin)
        grat = 0.0 if rng.random() < 0.5 else float(rng.choice((300, 400, 500)))
    else:
        end = internship_dates(rng, start, weekly, float(GRATIFICATION_HOURS) + margin, float(MAX_PRESENCE_HOURS) - margin)
        floor = float(gratification_floor(start, weekly))
        grat = floor if rng.random() < 0.5 else float(round(floor * rng.uniform(1.05, 1.6), -1))
    host = make_company(rng) if rng.random() < 0.8 else employer
    return InternshipFacts(rng.choice(INSTITUTIONS), host, host.siret, start, end, weekly, grat, given_names,
                           french_name(rng), rng.choice(SUBJECTS))


def make_certificate(rng: random.Random, submitted: dt.date, company) -> CertificateFacts:
    issue = pick_date(rng, add_months(submitted, -6) + dt.timedelta(days=6), submitted - dt.timedelta(days=2),
                      lambda d: not certificate_outdated(d, submitted) and far_from(submitted, add_months(d, 6)))
    return CertificateFacts(company, company.siren, issue, situation_date(issue, rng), security_code(rng),
                            contributor_account(rng))


def situation_date(issue: dt.date, rng: random.Random) -> dt.date:
    """The last day of a month before the delivery: the "situation arrêtée au" distractor."""
    return issue.replace(day=1) - dt.timedelta(days=1 + 31 * rng.randint(0, 1))


def make_offer(rng: random.Random, submitted: dt.date, job_title: str, rome: str) -> OfferFacts:
    def long_enough(start: dt.date, end: dt.date) -> bool:
        return publication_days(start, end, submitted) >= 26

    for _ in range(100):
        start = mid_month(submitted - days(rng, 30, 160))
        end = start + days(rng, 30, 95)
        if long_enough(start, end):
            break
    offer = OfferFacts(ft_offer_reference(rng), apec_reference(rng), employer_reference(rng), job_title, rome,
                       start, end, start - days(rng, 1, 12), start)
    offer.printed_on = offer_print_date(rng, offer, submitted)
    return offer


def offer_print_date(rng: random.Random, offer: OfferFacts, submitted: dt.date) -> dt.date:
    last = max(offer.published_from + dt.timedelta(days=1), submitted - dt.timedelta(days=1))
    return offer.published_from + dt.timedelta(days=rng.randint(1, (last - offer.published_from).days))


def make_statement(rng: random.Random, submitted: dt.date, offer: OfferFacts) -> StatementFacts:
    counts = [(c, rng.randint(0, 12)) for c in rng.sample(CHANNELS, rng.randint(1, 4))]
    if rng.random() < 0.05:
        counts = [(c, 0) for c, _ in counts]  # nobody applied
    elif sum(n for _, n in counts) == 0:
        counts[0] = (counts[0][0], rng.randint(1, 9))
    total = sum(n for _, n in counts)
    signed = max(submitted - days(rng, 2, 14), offer.published_from + dt.timedelta(days=1))
    return StatementFacts(counts, rng.randint(0, min(total, 5)), signed, french_name(rng))


def make_identity(rng: random.Random, person, last_needed: dt.date) -> PassportFacts:
    expiry = last_needed + days(rng, 150, 2500)
    return PassportFacts(passport_number(person.country, rng), expiry - dt.timedelta(days=3650 - rng.randint(0, 5)),
                         expiry, rng.choice(("MIN. INTÉRIEUR", "DGSN", "AMBASSADE PARIS", "DGPN", person.country.cities[0])))


def make_diploma(rng: random.Random, submitted: dt.date, given_names: str) -> DiplomaFacts:
    """An old diploma by default (awarded before submitted - 12 months, with the margin)."""
    award = pick_date(rng, add_months(submitted, -72), add_months(submitted, -12) - dt.timedelta(days=6),
                      lambda d: far_from(d, add_months(submitted, -12)))
    english = rng.random() < 0.3
    return DiplomaFacts(rng.choice(DIPLOMA_TITLES_EN if english else DIPLOMA_TITLES_FR),
                        rng.choice(FOREIGN_UNIVERSITIES if english else INSTITUTIONS), award.year, english,
                        given_names, award)


def permit_expiry(rng: random.Random, procedure: str, submitted: dt.date) -> dt.date:
    if procedure != "renouvellement":
        return submitted + days(rng, 20, 330)
    return pick_date(rng, add_months(submitted, 1), add_months(submitted, 2),
                     lambda e: renewal_in_window(e, submitted) and far_from(submitted, add_months(e, -2))
                     and far_from(submitted, add_months(e, -1)))


def make_facts(rng: random.Random, procedure: str, submitted: dt.date) -> DossierFacts:
    person = make_person(rng, submitted)
    employer = make_company(rng, la_poste=rng.random() < 0.04)
    contract = make_contract(rng, procedure, submitted, employer, person.given_names)
    internship = make_internship(rng, submitted, employer, person.given_names)
    last_needed = max(d for d in (submitted, contract.end_date, internship.end_date) if d is not None)
    passport, id_card = make_identity(rng, person, last_needed), make_identity(rng, person, last_needed)
    id_card.number = "".join(rng.choice(LETTERS + "0123456789") for _ in range(9))
    expiry = permit_expiry(rng, procedure, submitted)
    permit_number = f"{rng.randint(10, 99)}{rng.choice(LETTERS)}{rng.choice(LETTERS)}{rng.randint(0, 99999):05d}"
    permit = PermitFacts(permit_number, rng.choice(("CARTE DE SEJOUR TEMPORAIRE", "CARTE DE SEJOUR PLURIANNUELLE")),
                         rng.choice(PERMIT_CATEGORIES.get(procedure, PERMIT_CATEGORIES["other"])),
                         expiry - days(rng, 365, 1400), expiry, rng.choice(PREFECTURES), person.birth_date)
    registered = internship.host if procedure == "stage" else employer
    registration = RegistrationFacts(registered, submitted - days(rng, 5, 70))
    diploma = make_diploma(rng, submitted, person.given_names)
    certificate = make_certificate(rng, submitted, employer)
    offer = make_offer(rng, submitted, contract.job_title, JOB_ROME[contract.job_title])
    statement = make_statement(rng, submitted, offer)
    payslips = []
    if procedure == "renouvellement":
        month = submitted.replace(day=1)
        for back in range(rng.randint(1, 3), 0, -1):
            extra = round(rng.uniform(20, 120), 2) if rng.random() < 0.3 else 0.0
            payslips.append(PayslipFacts(add_months(month, -back), contract.monthly_salary, extra))
    facts = DossierFacts(person, submitted, passport, permit, contract, internship, registration, diploma,
                         certificate, offer, statement, id_card, payslips)
    facts.identity_type = "id_card" if rng.random() < 0.25 else "passport"
    return facts


def graduate_salary(rng: random.Random, start: dt.date, exact: bool) -> float:
    threshold = float(exemption_threshold(start))
    return threshold if exact else salary_above(threshold, rng, 1.0, 1.45)


def below_threshold_salary(rng: random.Random, start: dt.date, weekly: float) -> float:
    """Under 1.5 x SMIC by at least 1 EUR, over the SMIC floor by at least 1 EUR."""
    threshold, floor = float(exemption_threshold(start)), float(salary_floor(start, weekly))
    for _ in range(100):
        value = round_salary(rng.uniform(floor + 20, threshold - 5), rng)
        if floor + 1 <= value <= threshold - 1:
            return value
    return round(floor + 10, 2)
