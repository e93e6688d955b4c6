"""Learning from every correction (issue 10, point 9): agents' field corrections and piece
type changes as labelled examples, and the accuracy of the reading they measure.

Both are read from what the review already stores, through the views of migrations 0007
and 0010: `correction_examples` (each field correction of each run's result document:
value read, value corrected, boxes or else the piece's pages, reading confidence, who,
when), `type_correction_examples` (each piece an agent retyped), `reviewed_fields` (every
field of the runs agents decided, corrected or not, its piece retyped or not) and
`reviewed_pieces` (every piece of those runs, by the type read). Nothing is written twice.
"""
from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import psycopg

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
    # 1-based page of the source file where the field was read (its first box); without a
    # box (an unread field), the piece's page when it has only one.
    page: int | None
    field: str
    value_read: Any
    value_corrected: Any
    boxes: list[dict[str, Any]]  # [{"page": n, "bbox": [x0, y0, x1, y1]}], page-relative in [0, 1]
    confidence: float | None  # the reading's field_confidence, before the correction
    mrz_failed: bool
    corrected_by: str | None
    corrected_at: dt.datetime | None
    pages: list[int]  # the piece's pages of its source file: where to look without a box


@dataclass(frozen=True)
class TypeCorrectionExample:
    """One labelled example of classification: a piece's type as read, and the agent's."""
    reference: str
    run_id: int
    piece_index: int
    piece_id: str | None
    source: str | None
    text_source: str | None
    pages: list[int]
    type_read: str | None  # the classifier's type
    type_corrected: str | None  # the agent's
    confidence: float | None  # the classifier's confidence in the type read
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
class TypeAccuracy(Measured):
    """Pieces of a type read in decided dossiers (`reviewed`), those agents retyped
    (`corrected`), and into which types (`retyped_to`: type -> pieces, most first)."""
    type_read: str
    retyped_to: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class WeekAccuracy(Measured):
    week: dt.date  # the Monday (Europe/Paris) of the decisions' week
    dossiers: int


_EXAMPLE_COLUMNS = ("reference, run_id, piece_index, piece_id, piece_type, classified_type, source, text_source, "
                    "page, field, value_read, value_corrected, boxes, confidence, mrz_failed, corrected_by, "
                    "corrected_at, pages")
_TYPE_EXAMPLE_COLUMNS = ("reference, run_id, piece_index, piece_id, source, text_source, pages, type_read, "
                         "type_corrected, confidence, corrected_by, corrected_at")
_SINCE = "%(since)s::timestamptz IS NULL OR corrected_at >= %(since)s"

LabelledExample = CorrectionExample | TypeCorrectionExample


def _oldest_first(example: LabelledExample) -> tuple[dt.datetime, int, int, str]:
    field = example.field if isinstance(example, CorrectionExample) else ""
    return (example.corrected_at or dt.datetime.min.replace(tzinfo=dt.UTC), example.run_id, example.piece_index, field)


class Corrections:
    def __init__(self, db: Database) -> None:
        self.db = db

    def examples(self, since: dt.datetime | None = None) -> Iterator[CorrectionExample]:
        """Every field correction still in a result document (an undone one is not),
        oldest first; with `since`, those made at or after it."""
        with self.db.connection() as conn:
            yield from self._field_examples(conn, since)

    def labelled_examples(self, since: dt.datetime | None = None) -> Iterator[LabelledExample]:
        """Field corrections and type changes together, oldest first (the export)."""
        with self.db.connection() as conn:
            # Two server-side cursors of one transaction, merged as they stream.
            fields: Iterator[LabelledExample] = self._field_examples(conn, since)
            types: Iterator[LabelledExample] = self._type_examples(conn, since)
            yield from heapq.merge(fields, types, key=_oldest_first)

    def type_examples(self, since: dt.datetime | None = None) -> Iterator[TypeCorrectionExample]:
        """Every piece an agent retyped (and did not set back), oldest first."""
        with self.db.connection() as conn:
            yield from self._type_examples(conn, since)

    @staticmethod
    def _field_examples(conn: psycopg.Connection, since: dt.datetime | None) -> Iterator[CorrectionExample]:
        # A named (server-side) cursor: an export of years of corrections streams.
        with conn.cursor(name="correction_examples") as cursor:
            cursor.execute(f"""SELECT {_EXAMPLE_COLUMNS} FROM correction_examples WHERE {_SINCE}
                               ORDER BY corrected_at, run_id, piece_index, field""", {"since": since})
            for row in cursor:
                yield CorrectionExample(*row)

    @staticmethod
    def _type_examples(conn: psycopg.Connection, since: dt.datetime | None) -> Iterator[TypeCorrectionExample]:
        with conn.cursor(name="type_correction_examples") as cursor:
            cursor.execute(f"""SELECT {_TYPE_EXAMPLE_COLUMNS} FROM type_correction_examples WHERE {_SINCE}
                               ORDER BY corrected_at, run_id, piece_index""", {"since": since})
            for row in cursor:
                yield TypeCorrectionExample(*row)

    def latest_examples(self, limit: int = 50) -> list[CorrectionExample]:
        """The most recent corrections, newest first (the administrators' page)."""
        with self.db.connection() as conn:
            rows = conn.execute(f"""SELECT {_EXAMPLE_COLUMNS} FROM correction_examples
                                    ORDER BY corrected_at DESC NULLS LAST, run_id DESC, piece_index, field
                                    LIMIT %s""", (limit,)).fetchall()
        return [CorrectionExample(*row) for row in rows]

    def accuracy_by_field(self) -> list[FieldAccuracy]:
        """Per piece type and field, over the runs agents decided: fields reviewed, fields
        corrected. Retyped pieces' fields are left out (read for another type)."""
        with self.db.connection() as conn:
            rows = conn.execute(
                """SELECT count(*), count(*) FILTER (WHERE corrected), piece_type, field
                   FROM reviewed_fields WHERE NOT retyped GROUP BY piece_type, field
                   ORDER BY count(*) FILTER (WHERE corrected)::float / count(*) DESC, piece_type, field""").fetchall()
        return [FieldAccuracy(*row) for row in rows]

    def accuracy_by_week(self) -> list[WeekAccuracy]:
        """The same counts by week of decision (Europe/Paris), latest week first."""
        with self.db.connection() as conn:
            rows = conn.execute(
                """SELECT count(*), count(*) FILTER (WHERE corrected),
                          date_trunc('week', decided_at AT TIME ZONE 'Europe/Paris')::date AS week,
                          count(DISTINCT run_id)
                   FROM reviewed_fields WHERE NOT retyped GROUP BY week ORDER BY week DESC""").fetchall()
        return [WeekAccuracy(*row) for row in rows]

    def retyped_fields(self) -> int:
        """Fields of retyped pieces in decided runs: left out of the field accuracy."""
        with self.db.connection() as conn:
            return conn.execute("SELECT count(*) FROM reviewed_fields WHERE retyped").fetchone()[0]

    def accuracy_by_type(self) -> list[TypeAccuracy]:
        """Per type read, over the pieces of the runs agents decided: pieces, pieces
        retyped, and the types agents gave them; the least accurate first."""
        with self.db.connection() as conn:
            rows = conn.execute(
                """SELECT type_read, piece_type, retyped, count(*) FROM reviewed_pieces
                   GROUP BY type_read, piece_type, retyped""").fetchall()
        reviewed: dict[str, int] = defaultdict(int)
        retyped_to: dict[str, dict[str, int]] = defaultdict(dict)
        for type_read, piece_type, retyped, count in rows:
            reviewed[type_read] += count
            if retyped:
                retyped_to[type_read][piece_type] = count
        measured = [TypeAccuracy(count, sum(retyped_to[type_read].values()), type_read,
                                 tuple(sorted(retyped_to[type_read].items(), key=lambda kv: (-kv[1], kv[0]))))
                    for type_read, count in reviewed.items()]
        return sorted(measured, key=lambda m: (m.accuracy, m.type_read))

