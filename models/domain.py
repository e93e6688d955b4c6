"""The vocabulary of ../shared/spec/DOMAIN.md: piece types, their fields, flags, statuses."""
from __future__ import annotations

from enum import Enum


class PieceType(str, Enum):
    passport = "passport"
    residence_permit = "residence_permit"
    employment_contract = "employment_contract"
    internship_agreement = "internship_agreement"
    company_registration = "company_registration"
    payslip = "payslip"
    diploma = "diploma"
    cv = "cv"
    other = "other"


FIELDS: dict[PieceType, tuple[str, ...]] = {
    PieceType.passport: (
        "document_number", "surname", "given_names", "nationality",
        "date_of_birth", "sex", "expiry_date", "issuing_state",
    ),
    PieceType.residence_permit: (
        "document_number", "surname", "given_names", "nationality",
        "date_of_birth", "expiry_date", "permit_category",
    ),
    PieceType.employment_contract: (
        "employer_name", "employer_siret", "employee_surname", "employee_given_names",
        "job_title", "contract_type", "start_date", "end_date", "weekly_hours",
        "gross_monthly_salary",
    ),
    PieceType.internship_agreement: (
        "institution_name", "host_name", "host_siret", "intern_surname",
        "intern_given_names", "start_date", "end_date", "weekly_hours",
        "monthly_gratification",
    ),
    PieceType.company_registration: ("company_name", "siren", "extract_date"),
    PieceType.payslip: ("employer_siret", "employee_surname", "period", "gross_salary"),
    PieceType.diploma: ("holder_surname", "holder_given_names", "title"),
    PieceType.cv: (),
    PieceType.other: (),
}

# Fields that may legitimately be null without a missing_field flag, whatever the
# piece says (a CDI's end_date is the validators' business: it depends on contract_type).
OPTIONAL_FIELDS: dict[PieceType, frozenset[str]] = {}

PROCEDURES_KNOWN = ("introduction_salarie", "changement_statut", "renouvellement", "stage")


class FlagCode(str, Enum):
    missing_piece = "missing_piece"
    procedure_undetermined = "procedure_undetermined"
    invalid_manifest = "invalid_manifest"
    unreadable_file = "unreadable_file"
    illegible_page = "illegible_page"
    unclassified_piece = "unclassified_piece"
    missing_field = "missing_field"
    mrz_check_failed = "mrz_check_failed"
    document_expired = "document_expired"
    document_expires_early = "document_expires_early"
    identity_mismatch = "identity_mismatch"
    invalid_siret = "invalid_siret"
    employer_mismatch = "employer_mismatch"
    registration_too_old = "registration_too_old"
    salary_below_minimum = "salary_below_minimum"
    internship_too_long = "internship_too_long"
    gratification_below_minimum = "gratification_below_minimum"


class Severity(str, Enum):
    blocking = "blocking"
    warning = "warning"


SEVERITY: dict[FlagCode, Severity] = {
    FlagCode.missing_piece: Severity.blocking,
    FlagCode.procedure_undetermined: Severity.blocking,
    FlagCode.invalid_manifest: Severity.warning,
    FlagCode.unreadable_file: Severity.blocking,
    FlagCode.illegible_page: Severity.warning,
    FlagCode.unclassified_piece: Severity.warning,
    FlagCode.missing_field: Severity.warning,
    FlagCode.mrz_check_failed: Severity.warning,
    FlagCode.document_expired: Severity.blocking,
    FlagCode.document_expires_early: Severity.warning,
    FlagCode.identity_mismatch: Severity.blocking,
    FlagCode.invalid_siret: Severity.blocking,
    FlagCode.employer_mismatch: Severity.warning,
    FlagCode.registration_too_old: Severity.warning,
    FlagCode.salary_below_minimum: Severity.blocking,
    FlagCode.internship_too_long: Severity.blocking,
    FlagCode.gratification_below_minimum: Severity.blocking,
}


class Status(str, Enum):
    ready_for_review = "ready_for_review"
    incomplete = "incomplete"
    failed = "failed"
    approved = "approved"
    rejected = "rejected"
