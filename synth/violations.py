"""Bend a dossier's facts to inject one violation, keeping every value clear of its limit."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field, replace

from synth.checksums import break_siret, luhn_valid
from synth.companies import make_company
from synth.facts import DossierFacts
from synth.people import other_given_names
from synth.rules import (
    GRATIFICATION_HOURS,
    HOURS_MARGIN,
    MAX_PRESENCE_HOURS,
    add_months,
    certificate_outdated,
    far_from,
    gratification_floor,
    presence_hours,
    publication_days,
    renewal_in_window,
    salary_floor,
)
from synth.scenario import days, internship_dates, internship_start, offer_print_date, pick_date, round_salary

IDENTITY = ("passport", "id_card")
REQUIRED = {  # DOMAIN.md v2; "identity" is a passport or an id_card
    "introduction_salarie": ("identity", "employment_contract", "urssaf_certificate"),
    "changement_statut": ("identity", "residence_permit", "employment_contract", "diploma", "urssaf_certificate"),
    "renouvellement": ("identity", "residence_permit", "employment_contract", "payslip", "urssaf_certificate"),
    "stage": ("identity", "internship_agreement"),
}
REVEALING = ("employment_contract", "internship_agreement", "residence_permit")  # what infers the procedure


@dataclass
class Plan:
    """Which pieces go in, which are damaged, and what was injected."""
    pieces: list[str]
    missing: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (piece type or "extra", damage)
    violations: list[str] = field(default_factory=list)
    keep: tuple[str, ...] = ()  # pieces a violation must not remove (they ground the scenario)


def applicable_violations(procedure: str, merged: bool, plan: Plan, facts: DossierFacts, outcome: str | None) -> list[str]:
    pieces = plan.pieces
    out = ["missing_piece", "identity_mismatch", "document_expired"]
    if not merged:
        out.append("unreadable_file")
    if "employment_contract" in pieces:
        out.append("invalid_siret")
        if outcome != "exempt:graduate":
            out.append("salary_below_minimum")
        if "company_registration" in pieces:
            out.append("employer_mismatch")
        if "urssaf_certificate" in pieces:
            out += ["certificate_outdated", "certificate_not_employer"]
        end = facts.contract.end_date
        if end and (end - facts.reference_date).days > 40:
            out.append("document_expires_early")
    if procedure == "stage":
        out += ["internship_too_long", "gratification_below_minimum", "invalid_siret", "convention_sent_late",
                "document_expires_early"]
    if "company_registration" in pieces:
        out.append("registration_too_old")
    if "job_offer" in pieces and outcome == "applies":
        out.append("offer_publication_insufficient")
    if procedure == "renouvellement":
        out.append("renewal_outside_window")
    return sorted(set(out))


def inject(violation: str, facts: DossierFacts, plan: Plan, procedure: str, manifest: bool, rng: random.Random) -> None:
    plan.violations.append(violation)
    handler = HANDLERS[violation]
    if handler(facts, plan, procedure, manifest, rng) is False:
        plan.violations.pop()  # nothing to inject it into
    _identity_outlives_end(facts, plan, rng)


def _missing_piece(facts, plan, procedure, manifest, rng):
    required = list(REQUIRED[procedure]) + [t for t in ("job_offer", "applications_statement") if t in plan.pieces]
    present = [t for t in required if t in plan.pieces or (t == "identity" and set(IDENTITY) & set(plan.pieces))]
    candidates = [t for t in present if t not in plan.keep and (manifest or t not in REVEALING)]
    if not candidates:
        return False
    missing = rng.choice(candidates)
    drop = IDENTITY if missing == "identity" else (missing,)
    plan.pieces = [t for t in plan.pieces if t not in drop]
    plan.missing.append("passport" if missing == "identity" else missing)


def _unreadable_file(facts, plan, procedure, manifest, rng):
    damage = rng.choice(("encrypted", "truncated", "empty"))
    targets = [t for t in plan.pieces if t not in IDENTITY + ("residence_permit",) + plan.keep
               and (manifest or t not in REVEALING)]
    target = "extra" if rng.random() < 0.6 or not targets else rng.choice(targets)
    plan.unreadable.append((target, damage))


def _identity_mismatch(facts, plan, procedure, manifest, rng):
    choices = [t for t in ("employment_contract", "internship_agreement", "diploma", "residence_permit")
               if t in plan.pieces and t in REQUIRED[procedure]]
    if not choices:
        return False
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


def _salary_below_minimum(facts, plan, procedure, manifest, rng):
    c, s = facts.contract, facts.reference_date
    today = float(salary_floor(s, c.weekly_hours))
    then = float(salary_floor(c.start_date, c.weekly_hours))
    if procedure == "renouvellement" and today - then >= 5 and rng.random() < 0.6:
        # paid over the SMIC when the contract started, under today's (renewals are checked on submitted_at)
        c.monthly_salary = round(rng.uniform(then + 1.5, today - 1.5), 2)
        plan.violations.append("renewal_below_smic_now")
    else:
        floor = min(today, then) if procedure == "renouvellement" else then
        c.monthly_salary = round_salary(floor * rng.uniform(0.72, 0.95), rng)
    c.annual_salary = None
    for slip in facts.payslips:
        slip.base_salary = c.monthly_salary


def _invalid_siret(facts, plan, procedure, manifest, rng):
    if procedure == "stage":
        facts.internship.siret = break_siret(facts.internship.siret)
    elif "urssaf_certificate" in plan.pieces and rng.random() < 0.3:
        siren = facts.certificate.siren
        facts.certificate.siren = next(siren[:-1] + d for d in "0123456789" if not luhn_valid(siren[:-1] + d))
    else:
        facts.contract.siret = break_siret(facts.contract.siret)


def _employer_mismatch(facts, plan, procedure, manifest, rng):
    facts.registration.company = make_company(rng)


def _document_expired(facts, plan, procedure, manifest, rng):
    s = facts.reference_date
    if "residence_permit" in plan.pieces and rng.random() < 0.5:
        facts.permit.expiry_date = s - days(rng, 10, 300)
    else:
        facts.identity.expiry_date = s - days(rng, 10, 400)
        plan.keep += ("expired_identity",)


def _registration_too_old(facts, plan, procedure, manifest, rng):
    facts.registration.extract_date = add_months(facts.reference_date, -3) - days(rng, 10, 200)


def _document_expires_early(facts, plan, procedure, manifest, rng):
    end = facts.internship.end_date if procedure == "stage" else facts.contract.end_date
    facts.identity.expiry_date = facts.reference_date + days(rng, 15, max(16, (end - facts.reference_date).days - 15))
    plan.keep += ("early_identity",)


def _internship_too_long(facts, plan, procedure, manifest, rng):
    st = facts.internship
    if rng.random() < 0.5:  # a full-time week over 924 h, possibly within 6 calendar months
        st.weekly_hours = rng.choice((35, 39))
        st.end_date = internship_dates(rng, st.start_date, st.weekly_hours, 934, 1150)
    else:  # part-time, far longer than 6 months
        st.weekly_hours = rng.choice((20, 24, 28))
        st.end_date = internship_dates(rng, st.start_date, st.weekly_hours, 934, 1100)
    st.gratification = max(st.gratification, float(gratification_floor(st.start_date, st.weekly_hours)))


def _gratification_below_minimum(facts, plan, procedure, manifest, rng):
    st = facts.internship
    if presence_hours(st.weekly_hours, st.start_date, st.end_date) < GRATIFICATION_HOURS + HOURS_MARGIN:
        st.end_date = internship_dates(rng, st.start_date, st.weekly_hours, float(GRATIFICATION_HOURS) + HOURS_MARGIN,
                                       float(MAX_PRESENCE_HOURS) - HOURS_MARGIN)
    floor = float(gratification_floor(st.start_date, st.weekly_hours))
    st.gratification = 0.0 if rng.random() < 0.4 else min(float(round(floor * rng.uniform(0.5, 0.9), -1)), floor - 1)


def _convention_sent_late(facts, plan, procedure, manifest, rng):
    st = facts.internship
    length = st.end_date - st.start_date
    st.start_date = internship_start(rng, facts.reference_date, late=True)
    st.end_date = st.start_date + length
    floor = float(gratification_floor(st.start_date, st.weekly_hours))
    if 0 < st.gratification < floor:
        st.gratification = floor


def _certificate_outdated(facts, plan, procedure, manifest, rng):
    s, cert = facts.reference_date, facts.certificate
    cert.issue_date = pick_date(rng, add_months(s, -11), add_months(s, -6) - dt.timedelta(days=6),
                                lambda d: certificate_outdated(d, s) and far_from(s, add_months(d, 6)))
    cert.situation_date = cert.issue_date.replace(day=1) - dt.timedelta(days=1)


def _certificate_not_employer(facts, plan, procedure, manifest, rng):
    other = make_company(rng)
    if rng.random() < 0.5:  # a namesake: the holding or a sister company, another SIREN
        other = replace(other, name=f"{facts.contract.employer.name} {rng.choice(('HOLDING', 'GROUPE', 'SERVICES'))}")
    facts.certificate.company, facts.certificate.siren = other, other.siren


def shorten_offer(facts: DossierFacts, rng: random.Random) -> None:
    """Published 15 days or fewer within the six months before submitted_at."""
    s, offer = facts.reference_date, facts.offer
    window = add_months(s, -6)
    for _ in range(200):
        kind = rng.choice(("short", "old", "recent"))
        if kind == "short":
            start = s - days(rng, 30, 120)
            end = start + days(rng, 5, 13)
        elif kind == "old":
            start = window - days(rng, 25, 90)
            end = window + dt.timedelta(days=rng.randint(-20, 10))
        else:
            start = s - days(rng, 3, 14)
            end = start + days(rng, 30, 60)
        if publication_days(start, end, s) <= 15 and start < s:
            break
    offer.published_from, offer.published_to = start, end
    offer.created_on = start - days(rng, 1, 10)
    offer.printed_on = offer_print_date(rng, offer, s)
    facts.statement.signed_on = max(facts.statement.signed_on, start + dt.timedelta(days=1))


def _offer_publication_insufficient(facts, plan, procedure, manifest, rng):
    shorten_offer(facts, rng)


def _renewal_outside_window(facts, plan, procedure, manifest, rng):
    s = facts.reference_date

    def outside(e: dt.date) -> bool:
        return (not renewal_in_window(e, s) and far_from(s, add_months(e, -2)) and far_from(s, add_months(e, -1))
                and e >= s + dt.timedelta(days=6))

    if rng.random() < 0.6:  # too early
        facts.permit.expiry_date = pick_date(rng, add_months(s, 2) + dt.timedelta(days=6), add_months(s, 9), outside)
    else:  # too late, still valid
        facts.permit.expiry_date = pick_date(rng, s + dt.timedelta(days=6), add_months(s, 1) - dt.timedelta(days=6),
                                             outside)


def _identity_outlives_end(facts: DossierFacts, plan: Plan, rng: random.Random) -> None:
    """Identity documents outlive the contract or internship unless a violation says otherwise."""
    if "early_identity" in plan.keep or "expired_identity" in plan.keep:
        return
    ends = [d for d in (facts.contract.end_date, facts.internship.end_date) if d]
    for doc in (facts.passport, facts.id_card):
        if doc.expiry_date < max(ends) + dt.timedelta(days=30):
            doc.expiry_date = max(ends) + days(rng, 100, 900)


HANDLERS = {
    "missing_piece": _missing_piece, "unreadable_file": _unreadable_file, "identity_mismatch": _identity_mismatch,
    "salary_below_minimum": _salary_below_minimum, "invalid_siret": _invalid_siret,
    "employer_mismatch": _employer_mismatch, "document_expired": _document_expired,
    "registration_too_old": _registration_too_old, "document_expires_early": _document_expires_early,
    "internship_too_long": _internship_too_long, "gratification_below_minimum": _gratification_below_minimum,
    "convention_sent_late": _convention_sent_late, "certificate_outdated": _certificate_outdated,
    "certificate_not_employer": _certificate_not_employer,
    "offer_publication_insufficient": _offer_publication_insufficient,
    "renewal_outside_window": _renewal_outside_window,
}
