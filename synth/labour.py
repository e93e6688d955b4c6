"""The labour-market test's scenario of a dossier: which outcome it aims at, the manifest's
job_rome_code / work_postcode (well formed, malformed or absent), and the facts that ground
an exemption (a shortage row of the data file, the job-seeker card, a recent diploma, the
salary against 1.5 x SMIC). The truth is computed afterwards from what the pieces print."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from synth.companies import JOB_ROME, ROME_TITLES
from synth.facts import DossierFacts
from synth.rules import add_months, diploma_recent, far_from
from synth.scenario import JOBSEEKER, below_threshold_salary, graduate_salary, pick_date
from synth.shortage import departements_of, regions, rows_in_force, shortage_row

MALFORMED_ROME = ("K13O2", "K 1302", "1805", "k1302", "F-1805", "M18050")
MALFORMED_POSTCODE = ("69 003", "6900", "F-69003", "750011", 69003, "2A004")
LMT_PROCEDURES = ("introduction_salarie", "changement_statut")


@dataclass
class LabourPlan:
    outcome: str | None  # the outcome aimed at: applies / exempt:shortage / exempt:graduate
    tags: list[str] = field(default_factory=list)
    extra_pieces: list[str] = field(default_factory=list)  # job_offer / applications_statement to send


def postcode_in(dept: str, rng: random.Random) -> str:
    if dept == "2A":
        return f"20{rng.randint(0, 199):03d}"
    if dept == "2B":
        return f"20{rng.randint(200, 699):03d}"
    if len(dept) == 3:
        return f"{dept}{rng.randint(0, 99):02d}"
    return f"{dept}{rng.randint(0, 999):03d}"


def _shortage_choice(rng: random.Random, day: dt.date):
    """(row, postcode) for a region whose list in force names the row; None when no list is in force."""
    candidates = sorted(((region, row) for region in set(regions().values()) for row in rows_in_force(region, day)),
                        key=lambda pair: (pair[0], pair[1].family, pair[1].valid_from))
    if not candidates:
        return None
    region, row = rng.choice(candidates)
    return row, postcode_in(rng.choice(departements_of(region)), rng)


def _set_job(facts: DossierFacts, title: str, rome: str) -> None:
    facts.contract.job_title = title
    facts.offer.job_title, facts.offer.rome_code = title, rome


def _ordinary_fields(facts: DossierFacts, rng: random.Random) -> None:
    """Both fields well formed, the job on no list for its place (or one field only)."""
    postcode = facts.contract.employer.address.split(", ")[-1][:5]
    for title, rome in [(facts.contract.job_title, JOB_ROME.get(facts.contract.job_title))] + list(JOB_ROME.items()):
        if rome and shortage_row(rome, postcode, facts.reference_date) is None:
            _set_job(facts, title, rome)
            break
    which = rng.random()
    facts.manifest_rome = facts.offer.rome_code if which < 0.8 else None
    facts.manifest_postcode = postcode if which < 0.6 or which >= 0.8 else None


def _shortage_job(facts: DossierFacts, rng: random.Random) -> bool:
    choice = _shortage_choice(rng, facts.reference_date)
    if choice is None:
        return False
    row, postcode = choice
    rome = rng.choice(row.romes)
    _set_job(facts, rng.choice(ROME_TITLES.get(rome, (row.label,))), rome)
    facts.manifest_rome, facts.manifest_postcode = rome, postcode
    return True


def _recent_diploma(facts: DossierFacts, rng: random.Random) -> None:
    s = facts.reference_date
    limit = add_months(s, -12)
    award = pick_date(rng, limit + dt.timedelta(days=6), s - dt.timedelta(days=6),
                      lambda d: diploma_recent(d, s) and far_from(d, limit) and far_from(d, s))
    facts.diploma.award_date, facts.diploma.year, facts.diploma.dated = award, award.year, True


def _graduate_grounds(facts: DossierFacts, rng: random.Random) -> str:
    if rng.random() < 0.5:
        facts.permit.category = JOBSEEKER
        if rng.random() < 0.3:
            _recent_diploma(facts, rng)
        return "jobseeker"
    _recent_diploma(facts, rng)
    return "diploma"


def _pay(facts: DossierFacts, salary: float) -> None:
    facts.contract.monthly_salary, facts.contract.annual_salary = salary, None


def plan_labour(facts: DossierFacts, procedure: str, manifest_usable: bool, rng: random.Random) -> LabourPlan:
    if procedure not in LMT_PROCEDURES:  # the fields may come anyway, well formed or not
        plan = LabourPlan(None)
        if manifest_usable and rng.random() < 0.3:
            _ordinary_fields(facts, rng)
            if rng.random() < 0.15:
                _malform(facts, rng, plan)
        return plan
    graduate_ok = procedure == "changement_statut"
    kinds = ["applies", "malformed"] + (["shortage", "shortage", "overseas"] if manifest_usable else [])
    kinds += ["jobseeker_or_diploma"] * 3 + ["near_graduate"] if graduate_ok else []
    kind = rng.choice(kinds) if manifest_usable or graduate_ok else "applies"
    if kind == "malformed" and not manifest_usable:
        kind = "applies"
    plan = LabourPlan("applies", [f"lmt:{kind}"], ["job_offer", "applications_statement"])
    if kind == "shortage" and _shortage_job(facts, rng):
        plan.outcome, plan.extra_pieces = "exempt:shortage", _offer_sent_anyway(rng)
    elif kind in ("shortage", "applies"):
        if manifest_usable and rng.random() < 0.6:
            _ordinary_fields(facts, rng)
    elif kind == "overseas":
        if _shortage_job(facts, rng):
            overseas = [d for d in sorted(regions()) if d.startswith("97")]
            facts.manifest_postcode = postcode_in(rng.choice(overseas), rng)
            assert shortage_row(facts.manifest_rome, facts.manifest_postcode, facts.reference_date) is None
    elif kind == "malformed":
        if not _shortage_job(facts, rng):
            _ordinary_fields(facts, rng)
        _malform(facts, rng, plan)
    else:  # graduate grounds, paid enough or not
        plan.tags.append(f"grounds:{_graduate_grounds(facts, rng)}")
        start = facts.contract.start_date
        if kind == "near_graduate":
            _pay(facts, below_threshold_salary(rng, start, facts.contract.weekly_hours))
        else:
            exact = rng.random() < 0.15
            _pay(facts, graduate_salary(rng, start, exact))
            plan.outcome, plan.extra_pieces = "exempt:graduate", _offer_sent_anyway(rng)
            if exact:
                plan.tags.append("salary:exact_threshold")
        if manifest_usable and rng.random() < 0.5:
            _ordinary_fields(facts, rng)
    for slip in facts.payslips:
        slip.base_salary = facts.contract.monthly_salary
    return plan


def _malform(facts: DossierFacts, rng: random.Random, plan: LabourPlan) -> None:
    if rng.random() < 0.5:
        facts.manifest_rome = rng.choice(MALFORMED_ROME)
    else:
        facts.manifest_postcode = rng.choice(MALFORMED_POSTCODE)
    plan.tags.append("manifest_fields:malformed")


def _offer_sent_anyway(rng: random.Random) -> list[str]:
    """An exempt dossier sometimes carries the offer anyway: a piece like any other, not checked."""
    return ["job_offer"] if rng.random() < 0.15 else []
