"""The facts of one dossier, decided before any page is drawn.

Pieces print these facts (possibly altered on purpose to inject a violation)
and report the fields as printed; the truth is then computed from those fields.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from synth.companies import Company
from synth.people import Person


@dataclass
class PassportFacts:
    number: str
    issue_date: dt.date
    expiry_date: dt.date
    authority: str


@dataclass
class PermitFacts:
    number: str
    card_type: str  # CARTE DE SEJOUR TEMPORAIRE...
    category: str  # printed under REMARQUES / Remarks
    issue_date: dt.date
    expiry_date: dt.date
    prefecture: str
    birth_date: dt.date  # normally the person's; differs for an identity_mismatch


@dataclass
class ContractFacts:
    employer: Company
    siret: str  # as printed (may be invalid on purpose)
    contract_type: str  # CDI / CDD
    job_title: str
    start_date: dt.date
    end_date: dt.date | None
    weekly_hours: float
    hours_per_month: float | None  # set when the contract states hours per month
    monthly_salary: float
    annual_salary: float | None  # set when the contract states a yearly salary
    given_names: str  # as printed (differs for an identity_mismatch)
    signed_on: dt.date


@dataclass
class InternshipFacts:
    institution: str
    host: Company
    siret: str
    start_date: dt.date
    end_date: dt.date
    weekly_hours: float
    gratification: float  # 0 = "aucune gratification"
    given_names: str
    tutor: str
    subject: str


@dataclass
class RegistrationFacts:
    company: Company
    extract_date: dt.date
    kind: str  # "kbis" or "sirene"


@dataclass
class PayslipFacts:
    period_start: dt.date  # first day of the month
    base_salary: float
    extra: float  # overtime/bonus added to the base

    @property
    def gross(self) -> float:
        return round(self.base_salary + self.extra, 2)


@dataclass
class DiplomaFacts:
    title: str
    institution: str
    year: int
    english: bool
    given_names: str


@dataclass
class DossierFacts:
    person: Person
    reference_date: dt.date  # submitted_at, or a notional date without manifest
    passport: PassportFacts
    permit: PermitFacts
    contract: ContractFacts
    internship: InternshipFacts
    registration: RegistrationFacts
    diploma: DiplomaFacts
    payslips: list[PayslipFacts] = field(default_factory=list)
