"""Rules on the employer / host company: SIRET and SIREN, and the registration extract."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from models.domain import FlagCode, PieceType
from models.records import Flag, PieceResult
from validators.certainty import Value, flag_if_certain, inconclusive
from validators.company_numbers import is_valid_siren, is_valid_siret
from validators.context import CheckContext
from validators.months import add_months
from validators.values import company_number_field, date_field
from validators.wording import capitalized, field_label, french_date, piece_label


@dataclass(frozen=True)
class CompanyNumber:
    field: str
    length: int  # 14 for a SIRET, 9 for a SIREN
    is_valid: Callable[[str], bool]


# Which field of which piece carries a SIRET or a SIREN. The URSSAF certificate's SIREN is
# checked with the certificate's other checks (rules.certificates: one that passes suffices).
COMPANY_NUMBERS: dict[PieceType, CompanyNumber] = {
    PieceType.employment_contract: CompanyNumber("employer_siret", 14, is_valid_siret),
    PieceType.internship_agreement: CompanyNumber("host_siret", 14, is_valid_siret),
    PieceType.payslip: CompanyNumber("employer_siret", 14, is_valid_siret),
    PieceType.company_registration: CompanyNumber("siren", 9, is_valid_siren),
}
CERTIFICATE_SIREN = CompanyNumber("siren", 9, is_valid_siren)
REGISTRATION_MAX_AGE_MONTHS = 3


def invalid_siret(ctx: CheckContext) -> list[Flag]:
    # imported here: rules.certificates builds on this module's number check
    from validators.rules.certificates import certificate_flags

    flags = []
    for index, piece in enumerate(ctx.pieces):
        expected = COMPANY_NUMBERS.get(piece.type)
        if expected is not None:
            flags += number_flags(ctx, index, piece, expected)
    return flags + certificate_flags(ctx, FlagCode.invalid_siret)


def number_flags(ctx: CheckContext, index: int, piece: PieceResult, expected: CompanyNumber) -> list[Flag]:
    """invalid_siret for the number `expected` names on `piece`, if it is read and invalid."""
    number = company_number_field(piece, expected.field)
    if number is None or expected.is_valid(number):
        return []
    well_formed = number.isdigit() and len(number) == expected.length
    reason = "clé de contrôle fausse" if well_formed else f"{expected.length} chiffres attendus"
    finding = f"Numéro invalide sur {piece_label(piece)} : {field_label(expected.field)} {number}, {reason}."
    value = Value(index, piece, expected.field)
    twin = _valid_twin(ctx, index, number) if well_formed else None
    if twin is not None:
        return [inconclusive(FlagCode.invalid_siret, value, finding, reason=_misread_reason(twin))]
    return [flag_if_certain(FlagCode.invalid_siret, finding, [value], piece=index, field=expected.field)]


def _numbers(piece: PieceResult) -> CompanyNumber | None:
    return CERTIFICATE_SIREN if piece.type == PieceType.urssaf_certificate else COMPANY_NUMBERS.get(piece.type)


def _valid_twin(ctx: CheckContext, index: int, number: str) -> tuple[Value, str] | None:
    """A valid number of another piece whose SIREN is `number`'s but for one digit: the same
    company's number, one of whose digits was misread here (a wrong digit is what makes a check
    digit fail), rather than an invalid company."""
    for other_index, other in enumerate(ctx.pieces):
        spec = _numbers(other)
        found = company_number_field(other, spec.field) if spec and other_index != index else None
        if found and spec.is_valid(found) and _one_digit_apart(found[:9], number[:9]):
            return Value(other_index, other, spec.field), found
    return None


def _one_digit_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def _misread_reason(twin: tuple[Value, str]) -> str:
    value, number = twin
    return (f"un seul chiffre le sépare du numéro valide {number} lu sur {piece_label(value.piece)} : "
            f"sans doute un chiffre mal lu")


def employer_mismatch(ctx: CheckContext) -> list[Flag]:
    """The contract's SIRET must belong to a company whose registration extract is in the dossier."""
    sirens = [(siren, Value(i, p, "siren")) for i, p in ctx.pieces_of(PieceType.company_registration)
              if (siren := company_number_field(p, "siren")) is not None]
    if not sirens:
        return []
    flags = []
    for index, contract in ctx.pieces_of(PieceType.employment_contract):
        siret = company_number_field(contract, "employer_siret")
        if siret is None or any(siret.startswith(siren) for siren, _ in sirens):
            continue
        finding = (f"Le SIRET de l'employeur {siret} sur {piece_label(contract)} ne correspond pas "
                   f"au SIREN de l'extrait d'immatriculation ({', '.join(sorted(s for s, _ in sirens))}).")
        contract_value = Value(index, contract, "employer_siret")
        misread = _misread_side(siret, contract_value, sirens)
        if misread is not None:
            # one digit apart and one side fails its check digit: a misreading, not another company
            flags.append(inconclusive(FlagCode.employer_mismatch, misread[0], finding, reason=_misread_reason(misread[1])))
            continue
        flags.append(flag_if_certain(
            FlagCode.employer_mismatch, finding, [contract_value, *(value for _, value in sirens)],
            piece=index, field="employer_siret",
        ))
    return flags


def _misread_side(siret: str, contract_value: Value, sirens: list[tuple[str, Value]]
                  ) -> tuple[Value, tuple[Value, str]] | None:
    """(the number that fails its check digit, (the valid one, its digits)) when the contract's
    SIRET and a registration's SIREN are one digit apart."""
    for siren, siren_value in sirens:
        if not _one_digit_apart(siret[:9], siren):
            continue
        if not is_valid_siret(siret) and is_valid_siren(siren):
            return contract_value, (siren_value, siren)
        if not is_valid_siren(siren) and is_valid_siret(siret):
            return siren_value, (contract_value, siret)
    return None


def registration_too_old(ctx: CheckContext) -> list[Flag]:
    oldest_accepted = add_months(ctx.submitted_at, -REGISTRATION_MAX_AGE_MONTHS)
    flags = []
    for index, registration in ctx.pieces_of(PieceType.company_registration):
        extracted = date_field(registration, "extract_date")
        if extracted is not None and extracted < oldest_accepted:
            flags.append(flag_if_certain(
                FlagCode.registration_too_old,
                f"{capitalized(piece_label(registration))} date du {french_date(extracted)}, plus de "
                f"{REGISTRATION_MAX_AGE_MONTHS} mois avant le dépôt du dossier "
                f"({french_date(ctx.submitted_at)}) : un extrait récent est attendu.",
                [Value(index, registration, "extract_date")], piece=index, field="extract_date",
            ))
    return flags
