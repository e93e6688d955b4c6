"""Learning from every correction (issue 10, point 9): agents' field corrections as
labelled examples, and the accuracy of the reading they measure.

Both are read from what the review already stores, through the views of migration 0007:
`correction_examples` (each correction of each run's result document: value read, value
corrected, boxes, reading confidence, who, when) and `reviewed_fields` (every field of the
runs agents decided, corrected or not). Nothing is written twice.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storage.database import Database


@dataclass(frozen=True)
class CorrectionExample:
    """One labelled example: what was read where, and what an agent says it is."""
    reference: str
    run_id: int
    piece_index: int
    piece_id: str | None
    piece_type: str | None
    classified_type: str | None  # the classifier's type when an agent retyped the piece
    source: str | None
    text_source: str | None
    page: int | None  # 1-based page of the source file where the field was read (its first box)
    field: str
    value_read: Any
    value_corrected: Any
    boxes: list[dict[str, Any]]  # [{"page": n, "bbox": [x0, y0, x1, y1]}], page-relative in [0, 1]
    confidence: float | None  # the reading's field_confidence, before the correction
    mrz_failed: bool
    corrected_by: str | None
    corrected_at: dt.datetime | None


@dataclass(frozen=True)
class Measured:
    """Fields agents reviewed in decided dossiers, and how many of them they corrected."""
    reviewed: int
    corrected: int

    @property
    def accuracy(self) -> float:
        return (self.reviewed - self.corrected) / self.reviewed if self.reviewed else 0.0


@dataclass(frozen=True)
class FieldAccuracy(Measured):
    piece_type: str
    field: str


@dataclass(frozen=True)
class WeekAccuracy(Measured):
    week: dt.date  # the Monday (Europe/Paris) of the decisions' week
    dossiers: int


_EXAMPLE_COLUMNS = ("reference, run_id, piece_index, piece_id, piece_type, classified_type, source, text_source, "
                    "page, field, value_read, value_corrected, boxes, confidence, mrz_failed, corrected_by, "
                    "corrected_at")


class Corrections:
    def __init__(self, db: Database) -> None:
        self.db = db

    def examples(self, since: dt.datetime | None = None) -> Iterator[CorrectionExample]:
        """Every correction still in a result document (an undone one is not), oldest
        first; with `since`, those made at or after it."""
        with self.db.connection() as conn, conn.cursor(name="correction_examples") as cursor:
            # A named (server-side) cursor: an export of years of corrections streams.
            cursor.execute(f"""SELECT {_EXAMPLE_COLUMNS} FROM correction_examples
                               WHERE %(since)s::timestamptz IS NULL OR corrected_at >= %(since)s
                               ORDER BY corrected_at, run_id, piece_index, field""", {"since": since})
            for row in cursor:
                yield CorrectionExample(*row)

    def latest_examples(self, limit: int = 50) -> list[CorrectionExample]:
        """The most recent corrections, newest first (the administrators' page)."""
        with self.db.connection() as conn:
            rows = conn.execute(f"""SELECT {_EXAMPLE_COLUMNS} FROM correction_examples
                                    ORDER BY corrected_at DESC NULLS LAST, run_id DESC, piece_index, field
                                    LIMIT %s""", (limit,)).fetchall()
        return [CorrectionExample(*row) for row in rows]

    def accuracy_by_field(self) -> list[FieldAccuracy]:
        """Per piece type and field, over the runs agents decided: fields reviewed, fields corrected."""
        with self.db.connection() as conn:
            rows = conn.execute(
                """SELECT count(*), count(*) FILTER (WHERE corrected), piece_type, field
                   FROM reviewed_fields GROUP BY piece_type, field
                   ORDER BY count(*) FILTER (WHERE corrected)::float / count(*) DESC, piece_type, field""").fetchall()
        return [FieldAccuracy(*row) for row in rows]

    def accuracy_by_week(self) -> list[WeekAccuracy]:
        """The same counts by week of decision (Europe/Paris), latest week first."""
        with self.db.connection() as conn:
            rows = conn.execute(
                """SELECT count(*), count(*) FILTER (WHERE corrected),
                          date_trunc('week', decided_at AT TIME ZONE 'Europe/Paris')::date AS week,
                          count(DISTINCT run_id)
                   FROM reviewed_fields GROUP BY week ORDER BY week DESC""").fetchall()
        return [WeekAccuracy(*row) for row in rows]

