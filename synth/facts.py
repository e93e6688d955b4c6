"""The facts of one dossier, decided before any page is drawn.

Pieces print these facts (possibly altered on purpose to inject a violation)
and report the fields as printed; the truth is then computed from those fields.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from synth.companies import Company
from synth.families import FamilyFilter
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
    year: int  # the year of the session
    english: bool
    given_names: str
    award_date: dt.date  # jury's deliberation / "Délivré le" (printed unless the layout prints only a year)
    dated: bool = False  # the scenario needs the date printed (a recent diploma grounding an exemption)


@dataclass
class CertificateFacts:
    """URSSAF / CGSS / MSA attestation de vigilance."""
    company: Company  # the employer, or another company on purpose
    siren: str  # as printed (may be broken on purpose)
    issue_date: dt.date
    situation_date: dt.date  # "situation arrêtée au": a distractor
    security_code: str  # 15 characters
    account: str  # contributor account number: a distractor


@dataclass
class OfferFacts:
    ft_reference: str  # France Travail offer number
    apec_reference: str
    employer_reference: str  # "Réf. Société": a distractor
    job_title: str
    rome_code: str
    published_from: dt.date
    published_to: dt.date
    created_on: dt.date  # distractor
    printed_on: dt.date  # distractor
    printed_reference: str = ""  # set by the offer's builder, quoted by the statement


@dataclass
class StatementFacts:
    channels: list[tuple[str, int]]  # applications by channel; their sum is the total
    interviews: int  # distractor
    signed_on: dt.date
    signatory: str

    @property
    def total(self) -> int:
        return sum(n for _, n in self.channels)


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
    certificate: CertificateFacts
    offer: OfferFacts
    statement: StatementFacts
    id_card: PassportFacts
    payslips: list[PayslipFacts] = field(default_factory=list)
    identity_type: str = "passport"  # or "id_card"
    manifest_rome: object = None  # as written in dossier.json (may be malformed), None = absent
    manifest_postcode: object = None
    families: FamilyFilter | None = None

    @property
    def identity(self) -> PassportFacts:
        return self.id_card if self.identity_type == "id_card" else self.passport
