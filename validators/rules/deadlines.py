"""Rules on when a request is filed: an internship agreement early enough (CESEDA R426-20),
a renewal in the second month before the permit expires (Code du travail R5221-32)."""
from __future__ import annotations

from models.domain import FlagCode, PieceType
from models.records import Flag
from validators.certainty import Value, flag_if_certain
from validators.context import CheckContext
from validators.months import add_months
from validators.values import date_field
from validators.wording import capitalized, french_date, piece_label

CONVENTION_NOTICE_MONTHS = 2
RENEWAL = "renouvellement"
# The renewal is filed in the second month before expiry: from expiry − 2 months included
# to expiry − 1 month excluded.
RENEWAL_WINDOW_OPENS_MONTHS, RENEWAL_WINDOW_CLOSES_MONTHS = 2, 1


def convention_sent_late(ctx: CheckContext) -> list[Flag]:
    """submitted_at > start_date − 2 months: the agreement reached the platform too late."""
    flags = []
    for index, agreement in ctx.pieces_of(PieceType.internship_agreement):
        start = date_field(agreement, "start_date")
        if start is None:
            continue
        deadline = add_months(start, -CONVENTION_NOTICE_MONTHS)
        if ctx.submitted_at <= deadline:
            continue
        flags.append(flag_if_certain(
            FlagCode.convention_sent_late,
            f"{capitalized(piece_label(agreement))} est parvenue le {french_date(ctx.submitted_at)}, moins de "
            f"{CONVENTION_NOTICE_MONTHS} mois avant le début du stage le {french_date(start)} "
            f"(elle devait l'être au plus tard le {french_date(deadline)} ; CESEDA R426-20).",
            [Value(index, agreement, "start_date")], piece=index, field="start_date",
        ))
    return flags


def renewal_outside_window(ctx: CheckContext) -> list[Flag]:
    """A renewal is filed when expiry − 2 months ≤ submitted_at < expiry − 1 month, against the
    residence permit being renewed (the one expiring last when there are several)."""
    if ctx.procedure != RENEWAL:
        return []
    permits = [(expiry, Value(i, p, "expiry_date")) for i, p in ctx.pieces_of(PieceType.residence_permit)
               if (expiry := date_field(p, "expiry_date")) is not None]
    if not permits:
        return []
    expiry, value = max(permits, key=lambda permit: permit[0])
    opens = add_months(expiry, -RENEWAL_WINDOW_OPENS_MONTHS)
    closes = add_months(expiry, -RENEWAL_WINDOW_CLOSES_MONTHS)
    if opens <= ctx.submitted_at < closes:
        return []
    return [flag_if_certain(
        FlagCode.renewal_outside_window,
        f"Le renouvellement a été déposé le {french_date(ctx.submitted_at)}, hors du deuxième mois précédant "
        f"l'expiration de {piece_label(value.piece)} le {french_date(expiry)} : la demande se dépose du "
        f"{french_date(opens)} au {french_date(closes)} exclu (Code du travail R5221-32).",
        [value], piece=value.index, field="expiry_date",
    )]
