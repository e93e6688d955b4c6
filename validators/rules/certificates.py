"""Rules on the URSSAF (or MSA) certificate: less than six months old, the employer's own.

When a dossier holds several certificates, one that passes suffices and none is flagged;
a certificate passes when none of certificate_outdated, certificate_not_employer,
invalid_siret fires on it, none of its checks is inconclusive, and its SIREN and date are
read. When none passes, each failing one gets its flags.
"""
from __future__ import annotations

from models.domain import FlagCode, PieceType
from models.records import Flag, PieceResult
from validators.certainty import Value, flag_if_certain
from validators.context import CheckContext
from validators.months import add_months
from validators.rules.companies import CERTIFICATE_SIREN, number_flags
from validators.values import company_number_field, date_field
from validators.wording import capitalized, french_date, piece_label

CERTIFICATE_VALIDITY_MONTHS = 6


def certificate_outdated(ctx: CheckContext) -> list[Flag]:
    return certificate_flags(ctx, FlagCode.certificate_outdated)


def certificate_not_employer(ctx: CheckContext) -> list[Flag]:
    return certificate_flags(ctx, FlagCode.certificate_not_employer)


def certificate_flags(ctx: CheckContext, code: FlagCode) -> list[Flag]:
    """The flags of check `code` (its own or its check_inconclusive) on the certificates."""
    return [flag for flag in ctx.shared("certificates", _all_certificate_flags)
            if flag.code == code or (flag.code == FlagCode.check_inconclusive and flag.check == code.value)]


def _all_certificate_flags(ctx: CheckContext) -> list[Flag]:
    per_certificate = [(piece, _checks(ctx, index, piece)) for index, piece in ctx.pieces_of(PieceType.urssaf_certificate)]
    if any(not flags and _is_complete(piece) for piece, flags in per_certificate):
        return []
    return [flag for _, flags in per_certificate for flag in flags]


def _is_complete(certificate: PieceResult) -> bool:
    return date_field(certificate, "issue_date") is not None and company_number_field(certificate, "siren") is not None


def _checks(ctx: CheckContext, index: int, certificate: PieceResult) -> list[Flag]:
    return (number_flags(ctx, index, certificate, CERTIFICATE_SIREN) + _outdated(ctx, index, certificate)
            + _not_employer(ctx, index, certificate))


def _outdated(ctx: CheckContext, index: int, certificate: PieceResult) -> list[Flag]:
    issued = date_field(certificate, "issue_date")
    if issued is None:
        return []
    valid_until = add_months(issued, CERTIFICATE_VALIDITY_MONTHS)
    if valid_until > ctx.submitted_at:
        return []
    return [flag_if_certain(
        FlagCode.certificate_outdated,
        f"{capitalized(piece_label(certificate))} a été délivrée le {french_date(issued)} : elle avait "
        f"{CERTIFICATE_VALIDITY_MONTHS} mois ou plus au dépôt du dossier ({french_date(ctx.submitted_at)} ; "
        f"valable jusqu'au {french_date(valid_until)} exclu). Une attestation de moins de six mois est exigée.",
        [Value(index, certificate, "issue_date")], piece=index, field="issue_date",
    )]


def _not_employer(ctx: CheckContext, index: int, certificate: PieceResult) -> list[Flag]:
    """The certificate's SIREN is the first nine digits of the contract's SIRET (no contract, no check)."""
    siren = company_number_field(certificate, "siren")
    contracts = [(siret, Value(i, p, "employer_siret")) for i, p in ctx.pieces_of(PieceType.employment_contract)
                 if (siret := company_number_field(p, "employer_siret")) is not None]
    if siren is None or not contracts or any(siret[:9] == siren for siret, _ in contracts):
        return []
    sirets = ", ".join(siret for siret, _ in contracts)
    return [flag_if_certain(
        FlagCode.certificate_not_employer,
        f"{capitalized(piece_label(certificate))} est au nom du SIREN {siren}, qui n'est pas celui de "
        f"l'employeur du contrat de travail (SIRET {sirets}) : l'attestation de l'employeur est exigée.",
        [Value(index, certificate, "siren"), *(value for _, value in contracts)], piece=index, field="siren",
    )]
