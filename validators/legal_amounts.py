"""Dated legal amounts (validators/data/legal_amounts.json, or $DOSSIERS_LEGAL_AMOUNTS_FILE):
the value in force on a date. Re-read when the file changes."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from models.errors import DependencyUnavailable
from validators.data_files import DataFileError, load_table, read_table

LEGAL_AMOUNTS_FILE = "legal_amounts.json"
LEGAL_AMOUNTS_FILE_ENV = "DOSSIERS_LEGAL_AMOUNTS_FILE"
SMIC_MONTHLY_35H = "smic_gross_monthly_35h"
INTERN_HOURLY_MINIMUM = "intern_gratification_hourly_minimum"


class AmountNotInForce(DependencyUnavailable, LookupError):
    """The table has no value of this amount on that date (it starts later): the
    administrator adds the older value to the table."""


@dataclass(frozen=True)
class DatedValue:
    valid_from: dt.date
    value: Decimal


@dataclass(frozen=True)
class LegalAmounts:
    """Each amount's values, sorted by the date they come into force."""

    by_name: dict[str, tuple[DatedValue, ...]]

    def in_force(self, name: str, on: dt.date) -> Decimal:
        """The value of `name` on date `on`. AmountNotInForce when the table starts later;
        DataFileError when the table lacks the amount (the checks need it: fix the file)."""
        return self.row_in_force(name, on).value

    def row_in_force(self, name: str, on: dt.date) -> DatedValue:
        """The entry of `name` in force on `on` (its value and the date it came into force)."""
        values = self.by_name.get(name)
        if values is None:
            raise DataFileError(
                f"Montant légal {name!r} absent de la table des montants (présents : {', '.join(sorted(self.by_name))})."
            )
        position = bisect_right([v.valid_from for v in values], on)
        if position == 0:
            raise AmountNotInForce(
                f"Aucune valeur de {name!r} en vigueur le {on.isoformat()} "
                f"(la première date du {values[0].valid_from.isoformat()})."
            )
        return values[position - 1]


def load_legal_amounts(path: Path | None = None) -> LegalAmounts:
    """The table at `path`, else at $DOSSIERS_LEGAL_AMOUNTS_FILE, else the packaged one."""
    return load_table(LEGAL_AMOUNTS_FILE, LEGAL_AMOUNTS_FILE_ENV, _parse_file, path)


def amount_in_force(name: str, on: dt.date, amounts: LegalAmounts | None = None) -> Decimal:
    """The value of legal amount `name` in force on `on` (packaged table by default)."""
    return (amounts or load_legal_amounts()).in_force(name, on)


def _parse_file(path: Path) -> LegalAmounts:
    return _parse(*read_table(path))


def _parse(content: dict[str, Any], origin: str) -> LegalAmounts:
    by_name: dict[str, tuple[DatedValue, ...]] = {}
    for name, entries in content.items():
        where = f"{origin}, montant {name!r}"
        if not isinstance(entries, list) or not entries:
            raise DataFileError(f"{where} : attendu une liste non vide de {{\"from\": ..., \"value\": ...}}.")
        values = sorted((_parse_entry(entry, where) for entry in entries), key=lambda v: v.valid_from)
        dates = [v.valid_from for v in values]
        if len(set(dates)) != len(dates):
            raise DataFileError(f"{where} : deux valeurs entrent en vigueur à la même date.")
        by_name[name] = tuple(values)
    return LegalAmounts(by_name)


def _parse_entry(entry: Any, where: str) -> DatedValue:
    if not isinstance(entry, dict) or set(entry) != {"from", "value"}:
        raise DataFileError(f"{where} : chaque entrée doit être {{\"from\": \"AAAA-MM-JJ\", \"value\": nombre}}, pas {entry!r}.")
    try:
        valid_from = dt.date.fromisoformat(str(entry["from"]))
    except ValueError as exc:
        raise DataFileError(f"{where} : date {entry['from']!r} invalide (format AAAA-MM-JJ).") from exc
    raw = entry["value"]
    try:
        # bool is an int in Python; a "true" amount is a typo, not a number
        value = Decimal(str(raw)) if not isinstance(raw, bool) else Decimal("nan")
    except InvalidOperation:
        value = Decimal("nan")
    if not value.is_finite() or value <= 0:
        raise DataFileError(f"{where} : valeur {raw!r} invalide (un nombre positif attendu).")
    return DatedValue(valid_from, value)
