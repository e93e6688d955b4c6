"""Everything a rule looks at: the dossier's procedure and date, its pieces, the tables."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from models.domain import PieceType
from models.records import PieceResult
from validators.legal_amounts import LegalAmounts, load_legal_amounts
from validators.procedure_table import ProcedureTable, load_procedures


@dataclass(frozen=True)
class CheckContext:
    procedure: str  # a procedure of the table, or "unknown"
    submitted_at: dt.date
    pieces: list[PieceResult]  # a flag's `piece` is an index into this list
    procedures: ProcedureTable = field(default_factory=load_procedures)
    amounts: LegalAmounts = field(default_factory=load_legal_amounts)

    def pieces_of(self, *types: PieceType) -> Iterator[tuple[int, PieceResult]]:
        """(index, piece) of every piece of one of `types`, in dossier order."""
        for index, piece in enumerate(self.pieces):
            if piece.type in types:
                yield index, piece
