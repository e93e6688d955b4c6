"""Reading field values (str | float | int | None) as typed values; unreadable means None.

A value an extractor got wrong must never crash a check: it just cannot be checked.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from models.records import FieldValue, PieceResult

CENT = Decimal("0.01")
# No amount, hours or count on a piece comes near this: a larger number is a misread,
# and would overflow the cent rounding.
IMPLAUSIBLE = Decimal(10) ** 12
# Separators people and extractors leave inside SIRET/SIREN numbers.
NUMBER_SEPARATORS = re.compile(r"[\s.\-]")


def date_field(piece: PieceResult, name: str) -> dt.date | None:
    value = piece.fields.get(name)
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def decimal_field(piece: PieceResult, name: str) -> Decimal | None:
    value: FieldValue = piece.fields.get(name)
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() and abs(number) < IMPLAUSIBLE else None


def text_field(piece: PieceResult, name: str) -> str | None:
    value = piece.fields.get(name)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def company_number_field(piece: PieceResult, name: str) -> str | None:
    """A SIRET or SIREN as written, without spaces, dots or hyphens (maybe still not digits)."""
    text = text_field(piece, name)
    return NUMBER_SEPARATORS.sub("", text) if text else None


def to_cents(amount: Decimal) -> Decimal:
    """Legal amounts are compared rounded to the cent (DOMAIN.md)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)
