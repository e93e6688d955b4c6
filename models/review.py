"""What an agent adds to a result document when reviewing it (issue 5): field corrections,
piece-type changes and the decision. The JSON keys are those the stored documents and
the exports already carry (DOMAIN.md, Status; the schema's `review` and `corrections`)."""
from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import BaseModel, PlainSerializer, SerializerFunctionWrapHandler, model_serializer

from models.domain import FlagCode, PieceType, Severity

if TYPE_CHECKING:
    from models.records import Flag

# When an agent acted: written as ISO 8601 (`isoformat`), as the documents always held it.
ActedAt = Annotated[dt.datetime, PlainSerializer(lambda at: at.isoformat(), return_type=str)]


class OmitsAbsent(BaseModel):
    """A record whose `ABSENT_WHEN_NONE` keys are left out of its document while None: the
    review keys appear only once a review wrote them, so an unreviewed result is dumped
    exactly as before they existed."""

    ABSENT_WHEN_NONE: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _omit_absent(self, dump: SerializerFunctionWrapHandler) -> Any:
        document = dump(self)
        for key in self.ABSENT_WHEN_NONE:
            if document.get(key, ...) is None:
                del document[key]
        return document


class Decision(StrEnum):
    approved = "approved"
    rejected = "rejected"
    sent_back = "sent_back"


class FieldReading(BaseModel):
    """The pipeline's verdict on a value it read, kept so that undoing a correction restores it."""

    confidence: float | None
    mrz_failed: bool = False


class FieldCorrection(OmitsAbsent):
    """A field an agent corrected. The corrected value is the piece's `fields[name]`;
    this keeps the value as read, who corrected it and when."""

    original: str | float | int | None
    by: str
    at: ActedAt
    reading: FieldReading | None = None  # None only in documents corrected before it was kept

    ABSENT_WHEN_NONE = ("reading",)


class TypeCorrection(BaseModel):
    """A piece an agent retyped: `type` is the agent's, `original` the classifier's."""

    original: PieceType
    by: str
    at: ActedAt


class Review(BaseModel):
    """The agent's decision on the dossier (`message`: the rejection reason or the
    message for the employer; None on approval)."""

    decision: Decision
    by: str
    at: ActedAt
    message: str | None = None


class FlagOverride(BaseModel):
    """A flag an agent set aside with a written reason (issue 10): it stays shown but no
    longer blocks. It names the flag by what identifies it across a recheck (code, piece,
    field, piece type, check), so the same flag raised again after a correction stays set
    aside; a rerun writes a new result without overrides, so they end with it."""

    code: FlagCode
    severity: Severity  # the flag's, when set aside (the counts distinguish blocking ones)
    piece: int | None = None
    field: str | None = None
    piece_type: str | None = None
    check: str | None = None
    reason: str
    by: str
    at: ActedAt

    def covers(self, flag: Flag) -> bool:
        return (flag.code, flag.piece, flag.field, flag.piece_type, flag.check) == (
            self.code, self.piece, self.field, self.piece_type, self.check)
