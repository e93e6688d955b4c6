"""Builders shared by the tests of validators/ (this module holds no tests)."""
from __future__ import annotations

import datetime as dt

from models.domain import FlagCode, PieceType
from models.records import Flag, PieceResult
from validators.context import CheckContext

SUBMITTED = dt.date(2026, 3, 2)
VALID_SIRET = "73282932000074"
VALID_SIREN = "732829320"

# Complete, consistent pieces of one person (Rohan D'SOUZA); tests change what they look at.
FULL_FIELDS: dict[PieceType, dict] = {
    PieceType.passport: {
        "document_number": "Z1234567", "surname": "D'SOUZA", "given_names": "Rohan",
        "nationality": "IND", "date_of_birth": "1994-05-17", "sex": "M",
        "expiry_date": "2031-06-30", "issuing_state": "IND",
    },
    PieceType.residence_permit: {
        "document_number": "AB1234567", "surname": "D'SOUZA", "given_names": "Rohan",
        "nationality": "IND", "date_of_birth": "1994-05-17", "expiry_date": "2027-09-30",
        "permit_category": "ETUDIANT",
    },
    PieceType.employment_contract: {
        "employer_name": "NEXALIS TECHNOLOGIES", "employer_siret": VALID_SIRET,
        "employee_surname": "D'SOUZA", "employee_given_names": "Rohan", "job_title": "Ingénieur",
        "contract_type": "CDD", "start_date": "2026-04-01", "end_date": "2027-03-31",
        "weekly_hours": 35, "gross_monthly_salary": 2500,
    },
    PieceType.internship_agreement: {
        "institution_name": "Université de Lyon", "host_name": "NEXALIS TECHNOLOGIES",
        "host_siret": VALID_SIRET, "intern_surname": "D'SOUZA", "intern_given_names": "Rohan",
        "start_date": "2026-06-01", "end_date": "2026-11-30", "weekly_hours": 35,
        "monthly_gratification": 682.5,
    },
    PieceType.company_registration: {
        "company_name": "NEXALIS TECHNOLOGIES", "siren": VALID_SIREN, "extract_date": "2026-02-15",
    },
    PieceType.payslip: {
        "employer_siret": VALID_SIRET, "employee_surname": "D'SOUZA", "period": "2026-01",
        "gross_salary": 2500,
    },
    PieceType.diploma: {"holder_surname": "D'SOUZA", "holder_given_names": "Rohan", "title": "Master",
                        "award_date": "2021-06-30"},
    PieceType.id_card: {
        "document_number": "X9876543", "surname": "D'SOUZA", "given_names": "Rohan",
        "nationality": "IND", "date_of_birth": "1994-05-17", "sex": "M",
        "expiry_date": "2030-01-31", "issuing_state": "IND",
    },
    PieceType.urssaf_certificate: {
        "company_name": "NEXALIS TECHNOLOGIES", "siren": VALID_SIREN, "issue_date": "2026-01-15",
        "security_code": "ABCDE12345FGHIJ",
    },
    PieceType.job_offer: {
        "offer_reference": "195CWME", "job_title": "Ingénieur", "rome_code": "M1805",
        "published_from": "2026-01-05", "published_to": "2026-02-15",
    },
    PieceType.applications_statement: {"applications_received": 3, "signed_on": "2026-02-20"},
    PieceType.cv: {},
    PieceType.other: {},
}


def piece(piece_type: PieceType | str, **fields: object) -> PieceResult:
    """A piece of `piece_type` with all its fields read, overridden by `fields`."""
    kind = PieceType(piece_type)
    return PieceResult(
        id=f"{kind.value}-{len(fields)}", source=f"{kind.value}.pdf", pages=[1], type=kind,
        confidence=0.99, fields={**FULL_FIELDS[kind], **fields},
    )


def doubtful(p: PieceResult, *fields: str, confidence: float = 0.5) -> PieceResult:
    """`p` with `fields` read under the confidence threshold."""
    p.field_confidence.update({name: confidence for name in fields})
    return p


def context(*pieces: PieceResult, procedure: str = "introduction_salarie",
            submitted_at: dt.date = SUBMITTED, rome: str | None = None,
            postcode: str | None = None) -> CheckContext:
    return CheckContext(procedure=procedure, submitted_at=submitted_at, pieces=list(pieces),
                        job_rome_code=rome, work_postcode=postcode)


# The complete dossiers of each procedure under the labour-market test (test applies).
COMPLETE: dict[str, tuple[PieceType, ...]] = {
    "introduction_salarie": (PieceType.passport, PieceType.employment_contract, PieceType.urssaf_certificate,
                             PieceType.job_offer, PieceType.applications_statement),
    "changement_statut": (PieceType.passport, PieceType.residence_permit, PieceType.employment_contract,
                          PieceType.diploma, PieceType.urssaf_certificate, PieceType.job_offer,
                          PieceType.applications_statement),
    "renouvellement": (PieceType.passport, PieceType.residence_permit, PieceType.employment_contract,
                       PieceType.payslip, PieceType.urssaf_certificate),
    "stage": (PieceType.passport, PieceType.internship_agreement),
}


def codes(flags: list[Flag]) -> list[FlagCode]:
    return [flag.code for flag in flags]
