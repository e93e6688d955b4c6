"""The vocabulary of ../shared/spec/DOMAIN.md: piece types, their fields, flags, statuses."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class PieceType(str, Enum):
    passport = "passport"
    id_card = "id_card"
    residence_permit = "residence_permit"
    employment_contract = "employment_contract"
    internship_agreement = "internship_agreement"
    company_registration = "company_registration"
    urssaf_certificate = "urssaf_certificate"
    job_offer = "job_offer"
    applications_statement = "applications_statement"
    payslip = "payslip"
    diploma = "diploma"
    cv = "cv"
    other = "other"


IDENTITY_DOCUMENT_FIELDS = (
    "document_number", "surname", "given_names", "nationality",
    "date_of_birth", "sex", "expiry_date", "issuing_state",
)

FIELDS: dict[PieceType, tuple[str, ...]] = {
    PieceType.passport: IDENTITY_DOCUMENT_FIELDS,
    PieceType.id_card: IDENTITY_DOCUMENT_FIELDS,
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
    PieceType.diploma: ("holder_surname", "holder_given_names", "title", "award_date"),
    PieceType.urssaf_certificate: ("company_name", "siren", "issue_date", "security_code"),
    PieceType.job_offer: ("offer_reference", "job_title", "rome_code", "published_from", "published_to"),
    PieceType.applications_statement: ("applications_received", "signed_on"),
    PieceType.cv: (),
    PieceType.other: (),
}

# Fields that may legitimately be null without a missing_field flag, whatever the
# piece says (a CDI's end_date is the validators' business: it depends on contract_type;
# a diploma that prints only a year says so through PieceResult.absent_fields).
OPTIONAL_FIELDS: dict[PieceType, frozenset[str]] = {}

# An identity document is a passport or an identity card (DOMAIN.md v2); a missing one
# is reported as a passport.
IDENTITY_DOCUMENTS = (PieceType.passport, PieceType.id_card)

PROCEDURES_KNOWN = ("introduction_salarie", "changement_statut", "renouvellement", "stage")


@dataclass(frozen=True)
class PersonFields:
    """Where a piece type prints the person's identity (None: it does not)."""

    surname: str
    given_names: str | None = None
    date_of_birth: str | None = None


# Where each piece other than the identity document names the dossier's person: the identity
# checks compare them with the identity document, the reader orders their names by it.
PERSON_FIELDS: dict[PieceType, PersonFields] = {
    PieceType.residence_permit: PersonFields("surname", "given_names", "date_of_birth"),
    PieceType.employment_contract: PersonFields("employee_surname", "employee_given_names"),
    PieceType.internship_agreement: PersonFields("intern_surname", "intern_given_names"),
    PieceType.payslip: PersonFields("employee_surname"),
    PieceType.diploma: PersonFields("holder_surname", "holder_given_names"),
}


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
    certificate_outdated = "certificate_outdated"
    certificate_not_employer = "certificate_not_employer"
    offer_publication_insufficient = "offer_publication_insufficient"
    convention_sent_late = "convention_sent_late"
    renewal_outside_window = "renewal_outside_window"
    exemption_to_confirm = "exemption_to_confirm"
    check_inconclusive = "check_inconclusive"


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
    FlagCode.certificate_outdated: Severity.blocking,
    FlagCode.certificate_not_employer: Severity.blocking,
    FlagCode.offer_publication_insufficient: Severity.blocking,
    FlagCode.convention_sent_late: Severity.warning,
    FlagCode.renewal_outside_window: Severity.warning,
    FlagCode.exemption_to_confirm: Severity.warning,
    FlagCode.check_inconclusive: Severity.warning,
}

SCHEMA_VERSION = "2"


class Status(str, Enum):
    ready_for_review = "ready_for_review"
    incomplete = "incomplete"
    failed = "failed"
    approved = "approved"
    rejected = "rejected"
