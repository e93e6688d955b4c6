"""Rules on identity documents: validity dates and the same person on every piece."""
from __future__ import annotations

from dataclasses import dataclass

from models.domain import FlagCode, PieceType
from models.records import Flag, PieceResult
from validators.context import CheckContext
from validators.names import same_given_names, same_name
from validators.values import date_field, text_field
from validators.wording import capitalized, field_label, french_date, piece_label

IDENTITY_DOCUMENTS = (PieceType.passport, PieceType.residence_permit)
WORK_PERIOD_PIECES = (PieceType.employment_contract, PieceType.internship_agreement)


@dataclass(frozen=True)
class PersonFields:
    """Where a piece type prints the person's identity (None: it does not)."""

    surname: str
    given_names: str | None = None
    date_of_birth: str | None = None


PERSON_FIELDS: dict[PieceType, PersonFields] = {
    PieceType.residence_permit: PersonFields("surname", "given_names", "date_of_birth"),
    PieceType.employment_contract: PersonFields("employee_surname", "employee_given_names"),
    PieceType.internship_agreement: PersonFields("intern_surname", "intern_given_names"),
    PieceType.payslip: PersonFields("employee_surname"),
    PieceType.diploma: PersonFields("holder_surname", "holder_given_names"),
}


def document_expired(ctx: CheckContext) -> list[Flag]:
    flags = []
    for index, piece in ctx.pieces_of(*IDENTITY_DOCUMENTS):
        expiry = date_field(piece, "expiry_date")
        if expiry is not None and expiry < ctx.submitted_at:
            flags.append(Flag.make(
                FlagCode.document_expired,
                f"{capitalized(piece_label(piece))} a expiré le {french_date(expiry)}, "
                f"avant le dépôt du dossier ({french_date(ctx.submitted_at)}).",
                piece=index,
                field="expiry_date",
            ))
    return flags


def document_expires_early(ctx: CheckContext) -> list[Flag]:
    """The passport must stay valid until the end of the work or internship (when it has an end)."""
    periods = [(piece, end) for _, piece in ctx.pieces_of(*WORK_PERIOD_PIECES)
               if (end := date_field(piece, "end_date")) is not None]
    if not periods:
        return []
    last_piece, last_end = max(periods, key=lambda period: period[1])
    flags = []
    for index, passport in ctx.pieces_of(PieceType.passport):
        expiry = date_field(passport, "expiry_date")
        if expiry is not None and expiry < last_end:
            flags.append(Flag.make(
                FlagCode.document_expires_early,
                f"Le passeport expire le {french_date(expiry)}, avant la fin prévue par "
                f"{piece_label(last_piece)} le {french_date(last_end)}.",
                piece=index,
                field="expiry_date",
            ))
    return flags


def identity_mismatch(ctx: CheckContext) -> list[Flag]:
    """Each piece naming the person must agree with the passport; an unread field is no disagreement."""
    passport = next((piece for _, piece in ctx.pieces_of(PieceType.passport)), None)
    if passport is None:
        return []
    flags = []
    for index, piece in enumerate(ctx.pieces):
        person = PERSON_FIELDS.get(piece.type)
        if person is None:
            continue
        differences = _differences(passport, piece, person)
        if differences:
            first_field = differences[0][0]
            details = " ; ".join(detail for _, detail in differences)
            flags.append(Flag.make(
                FlagCode.identity_mismatch,
                f"L'identité sur {piece_label(piece)} ne correspond pas au passeport : {details}.",
                piece=index,
                field=first_field,
            ))
    return flags


def _differences(passport: PieceResult, piece: PieceResult, person: PersonFields) -> list[tuple[str, str]]:
    """(field of `piece`, French description) for each identity element that disagrees.
    The passport's own field names are the element names (surname, given_names, date_of_birth)."""
    differences = []
    for element in ("surname", "given_names"):
        piece_field = getattr(person, element)
        expected = text_field(passport, element)
        found = text_field(piece, piece_field) if piece_field else None
        agree = same_given_names if element == "given_names" else same_name
        if expected is not None and found is not None and not agree(expected, found):
            differences.append((piece_field, f"{field_label(element)} « {found} » au lieu de « {expected} »"))
    if person.date_of_birth is not None:
        expected_day = date_field(passport, "date_of_birth")
        found_day = date_field(piece, person.date_of_birth)
        if expected_day is not None and found_day is not None and expected_day != found_day:
            differences.append((
                person.date_of_birth,
                f"date de naissance {french_date(found_day)} au lieu du {french_date(expected_day)}",
            ))
    return differences
