"""The identity document the checks use (DOMAIN.md, "Pieces and their fields").

An identity document is a passport or an identity card. Pieces of one type with the
same document_number are one document (a card's front and back); when a dossier holds
several documents, the checks use the one with the latest expiry_date.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.domain import IDENTITY_DOCUMENTS
from validators.certainty import Value
from validators.context import CheckContext
from validators.values import company_number_field, date_field


@dataclass(frozen=True)
class IdentityDocument:
    values: tuple[Value, ...]  # its pieces (one Value per piece; field unset until asked)

    def value(self, field: str) -> Value | None:
        """Where the document shows `field`: the first of its pieces that has it read."""
        for v in self.values:
            if v.piece.fields.get(field) is not None:
                return Value(v.index, v.piece, field)
        return None

    @property
    def index(self) -> int:
        return self.values[0].index

    @property
    def expiry(self) -> dt.date | None:
        dates = [d for v in self.values if (d := date_field(v.piece, "expiry_date")) is not None]
        return max(dates) if dates else None


def identity_document(ctx: CheckContext) -> IdentityDocument | None:
    return ctx.shared("identity_document", _choose)


def _choose(ctx: CheckContext) -> IdentityDocument | None:
    documents: dict[tuple[str, str | int], list[Value]] = {}
    for index, piece in ctx.pieces_of(*IDENTITY_DOCUMENTS):
        number = company_number_field(piece, "document_number")  # spaces and dashes dropped
        key = (piece.type.value, number.upper() if number else index)  # unnumbered: a document of its own
        documents.setdefault(key, []).append(Value(index, piece, ""))
    if not documents:
        return None
    candidates = [IdentityDocument(tuple(values)) for values in documents.values()]
    # latest expiry first; documents without a readable expiry last; dossier order breaks ties
    return min(candidates, key=lambda d: (d.expiry is None, -(d.expiry or dt.date.min).toordinal(), d.index))
