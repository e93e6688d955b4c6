"""Everything a rule looks at: the dossier's procedure, date and manifest, its pieces, the tables.

It also records what the dossier was checked against (the legal amounts used) and keeps
what several rules share (the identity document, the labour-market test), worked out once.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from models.domain import PieceType
from models.records import PieceResult
from validators.legal_amounts import AmountNotInForce, LegalAmounts, load_legal_amounts
from validators.procedure_table import ProcedureTable, load_procedures
from validators.shortage import Regions, ShortageList, load_regions, load_shortage_list

T = TypeVar("T")


@dataclass(frozen=True)
class CheckContext:
    procedure: str  # a procedure of the table, or "unknown"
    submitted_at: dt.date
    pieces: list[PieceResult]  # a flag's `piece` is an index into this list
    # The manifest's declared job and work place (None when absent or malformed).
    job_rome_code: str | None = None
    work_postcode: str | None = None
    procedures: ProcedureTable = field(default_factory=load_procedures)
    amounts: LegalAmounts = field(default_factory=load_legal_amounts)
    shortage_list: ShortageList = field(default_factory=load_shortage_list)
    regions: Regions = field(default_factory=load_regions)
    # "name@valid_from" -> value of every legal amount a rule used, for checked_against.
    amounts_used: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _shared: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def pieces_of(self, *types: PieceType) -> Iterator[tuple[int, PieceResult]]:
        """(index, piece) of every piece of one of `types`, in dossier order."""
        for index, piece in enumerate(self.pieces):
            if piece.type in types:
                yield index, piece

    def amount(self, name: str, on: dt.date) -> Decimal | None:
        """The legal amount in force on `on`, recorded as used; None when the table does
        not go back to that date (the check cannot be made, which is no fault of the dossier)."""
        try:
            row = self.amounts.row_in_force(name, on)
        except AmountNotInForce:
            return None
        self.amounts_used[f"{name}@{row.valid_from.isoformat()}"] = str(row.value)
        return row.value

    def shared(self, key: str, compute: Callable[[CheckContext], T]) -> T:
        """compute(self), worked out once per dossier for the rules that share it."""
        if key not in self._shared:
            self._shared[key] = compute(self)
        return self._shared[key]
