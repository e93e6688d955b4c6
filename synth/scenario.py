"""Decide a dossier's facts (all valid), then bend some of them to inject violations."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from synth.checksums import break_siret
from synth.companies import (DIPLOMA_TITLES_EN, DIPLOMA_TITLES_FR, FOREIGN_UNIVERSITIES, INSTITUTIONS, JOBS,
                             french_name, make_company)
from synth.facts import (ContractFacts, DiplomaFacts, DossierFacts, InternshipFacts, PassportFacts, PayslipFacts,
                         PermitFacts, RegistrationFacts)
from synth.people import make_person, other_given_names, passport_number
from synth.rules import add_months, gratification_floor, mid_month, salary_floor

PROCEDURES = ("introduction_salarie", "changement_statut", "renouvellement", "stage")
REQUIRED = {
    "introduction_salarie": ("passport", "employment_contract", "company_registration", "diploma"),
    "changement_statut": ("passport", "residence_permit", "employment_contract", "diploma"),
    "renouvellement": ("passport", "residence_permit", "employment_contract", "payslip"),
    "stage": ("passport", "internship_agreement"),
}
# (weekly hours, hours per month as printed or None)
HOURS = ((35, None), (39, None), (30, None), (24, None), (35, 151.67), (39, 169.0), (30, 130.0))
LATE_EXPIRY = dt.date(2029, 10, 15)  # no-manifest identity documents expire after this (README)
PERMIT_CATEGORIES = {
    "changement_statut": ("ETUDIANT", "RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE", "ETUDIANT PROGRAMME DE MOBILITE"),
    "renouvellement": ("SALARIE", "TRAVAILLEUR TEMPORAIRE", "TALENT - CARTE BLEUE EUROPEENNE", "VIE PRIVEE ET FAMILIALE"),
    "other": ("ETUDIANT", "VIE PRIVEE ET FAMILIALE"),
}
PREFECTURES = ("PRÉFECTURE DU RHÔNE", "PRÉFECTURE DE POLICE", "PRÉFECTURE DE LA GIRONDE", "PRÉFECTURE DU NORD",
               "PRÉFECTURE DE LOIRE-ATLANTIQUE", "PRÉFECTURE DE L'ISÈRE")
SUBJECTS = ("Analyse de données commerciales", "Développement d'une application web", "Audit des processus logistiques",
            "Étude de marché à l'international", "Amélioration continue en production")


def _days(rng: random.Random, lo: int, hi: int) -> dt.timedelta:
    return dt.timedelta(days=rng.randint(lo, hi))


def _late_date(rng: random.Random) -> dt.date:
    return LATE_EXPIRY + _days(rng, 10, 1900)


def make_facts(rng: random.Random, procedure: str, has_manifest: bool) -> DossierFacts:
    ref = mid_month(dt.date(2026, rng.randint(1, 10), rng.randint(5, 24)))
    person = make_person(rng, ref)
    employer = make_company(rng, la_poste=rng.random() < 0.04)
    # contract
    if procedure == "renouvellement":
        start = mid_month(ref - _days(rng, 200, 700))
    else:
        start = mid_month(ref + _days(rng, 20, 120))
    cdd = rng.random() < 0.35
    end = mid_month(add_months(start, rng.randint(6, 18))) if cdd else None
    if procedure == "renouvellement" and end is not None and end < ref + dt.timedelta(days=90):
        end = mid_month(add_months(ref, rng.randint(6, 12)))
    weekly, per_month = rng.choice(HOURS)
    monthly = round(salary_floor(start, weekly) * rng.uniform(1.06, 1.9), -1 if rng.random() < 0.6 else 2)
    annual = None
    if rng.random() < 0.3:
        annual = float(round(monthly * 12, -2))
        monthly = round(annual / 12, 2)
    contract = ContractFacts(employer, employer.siret, "CDD" if cdd else "CDI", rng.choice(JOBS), start, end, weekly,
                             per_month, monthly, annual, person.given_names, min(ref, start) - _days(rng, 5, 30))
    # internship
    st_start = mid_month(ref + _days(rng, 20, 90))
    if rng.random() < 0.3:  # two months or less: no minimum gratification
        st_end = add_months(st_start, 2) - _days(rng, 10, 25)
        grat = 0.0 if rng.random() < 0.5 else float(rng.choice((400, 500, 600)))
    else:
        st_end = add_months(st_start, rng.randint(3, 6)) - _days(rng, 7, 25)
        st_weekly_floor = gratification_floor(st_start, 35)
        grat = st_weekly_floor if rng.random() < 0.5 else float(round(st_weekly_floor * rng.uniform(1.05, 1.6), -1))
    st_weekly = 35
    if rng.random() < 0.25:
        st_weekly = rng.choice((28, 30))
        grat = max(grat, gratification_floor(st_start, st_weekly)) if grat else 0.0
        if grat and rng.random() < 0.5:
            grat = gratification_floor(st_start, st_weekly)
    host = make_company(rng) if rng.random() < 0.8 else employer
    internship = InternshipFacts(rng.choice(INSTITUTIONS), host, host.siret, st_start, st_end, st_weekly, grat,
                                 person.given_names, french_name(rng), rng.choice(SUBJECTS))
    # identity documents
    last_needed = max(d for d in (ref, end, st_end) if d is not None)
    if has_manifest:
        pp_expiry = last_needed + _days(rng, 150, 2500)
        permit_expiry = ref + _days(rng, 20, 330)
    else:
        pp_expiry = max(_late_date(rng), last_needed + _days(rng, 150, 400))
        permit_expiry = _late_date(rng)
    passport = PassportFacts(passport_number(person.country, rng), pp_expiry - dt.timedelta(days=3650 - rng.randint(0, 5)),
                             pp_expiry, rng.choice(("MIN. INTÉRIEUR", "DGSN", "AMBASSADE PARIS", "DGPN", person.country.cities[0])))
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    permit_number = f"{rng.randint(10, 99)}{rng.choice(letters)}{rng.choice(letters)}{rng.randint(0, 99999):05d}"
    permit = PermitFacts(permit_number, rng.choice(("CARTE DE SEJOUR TEMPORAIRE", "CARTE DE SEJOUR PLURIANNUELLE")),
                         rng.choice(PERMIT_CATEGORIES.get(procedure, PERMIT_CATEGORIES["other"])),
                         permit_expiry - _days(rng, 365, 1400), permit_expiry, rng.choice(PREFECTURES), person.birth_date)
    registered = host if procedure == "stage" else employer
    registration = RegistrationFacts(registered, ref - _days(rng, 5, 70), "sirene" if rng.random() < 0.2 else "kbis")
    english = rng.random() < 0.4
    diploma = DiplomaFacts(rng.choice(DIPLOMA_TITLES_EN if english else DIPLOMA_TITLES_FR),
                           rng.choice(FOREIGN_UNIVERSITIES if english else INSTITUTIONS),
                           ref.year - rng.randint(1, 6), english, person.given_names)
    payslips = []
    if procedure == "renouvellement":
        month = ref.replace(day=1)
        for back in range(rng.randint(1, 3), 0, -1):
            period = add_months(month, -back)
            extra = round(rng.uniform(20, 120), 2) if rng.random() < 0.3 else 0.0
            payslips.append(PayslipFacts(period, monthly, extra))
    return DossierFacts(person, ref, passport, permit, contract, internship, registration, diploma, payslips)


# Violations -------------------------------------------------------------------------------------------

@dataclass
class Plan:
    """Which pieces go in, which are damaged, and what was injected."""
    pieces: list[str]
    missing: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (piece type or "extra", damage)
    violations: list[str] = field(default_factory=list)


def applicable_violations(procedure: str, has_manifest: bool, merged: bool, pieces: list[str], facts: DossierFacts) -> list[str]:
    out = ["missing_piece", "identity_mismatch"]
    if not merged:
        out.append("unreadable_file")
    employment = "employment_contract" in pieces
    if employment:
        out += ["salary_below_minimum", "invalid_siret"]
        if "company_registration" in pieces:
            out.append("employer_mismatch")
    if procedure == "stage":
        out += ["internship_too_long", "gratification_below_minimum", "invalid_siret"]
    if has_manifest:
        out.append("document_expired")
        if "company_registration" in pieces:
            out.append("registration_too_old")
        if (employment and facts.contract.end_date) or procedure == "stage":
            out.append("document_expires_early")
    return sorted(set(out))


def inject(violation: str, facts: DossierFacts, plan: Plan, procedure: str, has_manifest: bool,
           rng: random.Random) -> None:
    ref = facts.reference_date
    plan.violations.append(violation)
    if violation == "missing_piece":
        candidates = [t for t in REQUIRED[procedure] if t in plan.pieces]
        if not has_manifest:  # keep the pieces that reveal the procedure
            candidates = [t for t in candidates if t not in ("employment_contract", "internship_agreement", "residence_permit")]
        if not candidates:
            plan.violations.pop()
            return
        missing = rng.choice(candidates)
        drop = ("diploma", "cv") if missing == "diploma" and procedure == "introduction_salarie" else (missing,)
        plan.pieces = [t for t in plan.pieces if t not in drop]
        plan.missing.append(missing)
    elif violation == "unreadable_file":
        damage = rng.choice(("encrypted", "truncated", "empty"))
        target = "extra" if rng.random() < 0.6 else rng.choice([t for t in plan.pieces if t not in ("passport", "residence_permit")])
        if not has_manifest and target in ("employment_contract", "internship_agreement"):
            target = "extra"
        plan.unreadable.append((target, damage))
    elif violation == "identity_mismatch":
        choices = [t for t in ("employment_contract", "internship_agreement", "diploma", "residence_permit")
                   if t in plan.pieces and t in REQUIRED[procedure]]
        target = rng.choice(choices)
        other = other_given_names(facts.person, rng)
        if target == "employment_contract":
            facts.contract.given_names = other
        elif target == "internship_agreement":
            facts.internship.given_names = other
        elif target == "diploma":
            facts.diploma.given_names = other
        else:
            facts.permit.birth_date = facts.person.birth_date + dt.timedelta(days=rng.choice((-400, -31, 29, 366)))
    elif violation == "salary_below_minimum":
        c = facts.contract
        c.monthly_salary = round(salary_floor(c.start_date, c.weekly_hours) * rng.uniform(0.72, 0.95), -1)
        c.annual_salary = None
        for slip in facts.payslips:
            slip.base_salary = c.monthly_salary
    elif violation == "invalid_siret":
        if procedure == "stage":
            facts.internship.siret = break_siret(facts.internship.siret)
        else:
            facts.contract.siret = break_siret(facts.contract.siret)
    elif violation == "employer_mismatch":
        facts.registration.company = make_company(rng)
    elif violation == "document_expired":
        if "residence_permit" in plan.pieces and rng.random() < 0.5:
            facts.permit.expiry_date = ref - _days(rng, 10, 300)
        else:
            facts.passport.expiry_date = ref - _days(rng, 10, 400)
    elif violation == "registration_too_old":
        facts.registration.extract_date = add_months(ref, -3) - _days(rng, 10, 200)
    elif violation == "document_expires_early":
        end = facts.internship.end_date if procedure == "stage" else facts.contract.end_date
        facts.passport.expiry_date = ref + _days(rng, 15, max(16, (end - ref).days - 15))
    elif violation == "internship_too_long":
        st = facts.internship
        st.end_date = add_months(st.start_date, rng.randint(6, 9)) + _days(rng, 10, 25)
    elif violation == "gratification_below_minimum":
        st = facts.internship
        if st.end_date <= add_months(st.start_date, 2) + dt.timedelta(days=7):
            st.end_date = add_months(st.start_date, rng.randint(3, 5)) - _days(rng, 7, 20)
        floor = gratification_floor(st.start_date, st.weekly_hours)
        st.gratification = 0.0 if rng.random() < 0.4 else float(round(floor * rng.uniform(0.5, 0.9), -1))
    else:
        raise ValueError(violation)
    # passports outlive the end of the contract unless that is the violation
    if violation in ("internship_too_long", "gratification_below_minimum"):
        end = facts.internship.end_date
        if facts.passport.expiry_date < end + dt.timedelta(days=30) and "document_expires_early" not in plan.violations:
            facts.passport.expiry_date = end + _days(rng, 100, 900)
