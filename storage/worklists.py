"""The agents' lists (issue 10): dossiers to review, held back as incomplete, failed,
and decided ("traités"), each searched, filtered and cut into pages by the database.

The applicant's and the employer's names and the SIRETs come from generated columns
of `runs` (migration 0006), so a list reads no result document; the search text is
folded there and here by the same SQL function (worklist_fold)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

import psycopg

from storage.claims import CLAIM_IDLE
from storage.database import Database

PAGE_SIZE = 50


class Worklist(StrEnum):
    ready = "ready"
    incomplete = "incomplete"
    failed = "failed"
    decided = "decided"


@dataclass(frozen=True)
class WorklistFilter:
    search: str = ""  # reference, applicant, employer or SIRET; accents and case aside
    procedure: str | None = None
    warnings: bool | None = None  # ready list: True with warnings only, False without
    page: int = 1


@dataclass(frozen=True)
class WorkRow:
    reference: str
    procedure: str | None
    submitted_at: dt.date | None
    days_waiting: int  # since the platform first received the dossier
    applicant: str | None
    employer: str | None
    warning_kinds: list[str]  # distinct flag codes of the current run's warnings no agent set aside
    reasons: list[str]  # incomplete: blocking messages not set aside (and the send-back); failed: the error
    holder: str | None  # the agent whose claim holds it now
    held_since: dt.datetime | None
    decision: str | None  # latest decision on the current run
    decided_by: str | None
    decided_at: dt.datetime | None


@dataclass(frozen=True)
class WorklistPage:
    rows: list[WorkRow]
    total: int
    page: int
    pages: int
    counts: dict[Worklist, int] = field(default_factory=dict)  # every list under the same search


# Which dossiers each list holds, and in which order.
_WHERE = {
    Worklist.ready: "d.status = 'ready_for_review'",
    Worklist.incomplete: "d.status = 'incomplete'",
    Worklist.failed: "d.status = 'failed'",
    Worklist.decided: "v.decision IS NOT NULL",
}
_ORDER = {
    Worklist.ready: "d.submitted_at NULLS LAST, d.id",
    Worklist.incomplete: "d.submitted_at NULLS LAST, d.id",
    Worklist.failed: "d.updated_at DESC, d.id",
    Worklist.decided: "v.decided_at DESC, v.id DESC",
}

# The current run and its latest decision (a rerun after a send-back starts afresh).
_FROM = """dossiers d
    LEFT JOIN runs r ON r.id = d.current_run_id
    LEFT JOIN LATERAL (SELECT v.id, v.decision, v.decided_by, v.decided_at FROM reviews v
                       WHERE v.run_id = d.current_run_id ORDER BY v.id DESC LIMIT 1) v ON true"""

# The search and the filters every list shares.
_FILTERS = """(%(procedure)s::text IS NULL OR d.procedure = %(procedure)s)
    AND (cardinality(%(words)s::text[]) = 0
         OR NOT EXISTS (SELECT 1 FROM unnest(%(words)s::text[]) AS w (pattern)
                        WHERE concat_ws(' ', worklist_fold(d.reference), r.search_text)
                              NOT LIKE worklist_fold(w.pattern))
         OR (%(digits)s <> '' AND r.sirets LIKE %(digits_pattern)s))"""
# A flag of the current run that still counts: the `flags` rows follow every review save
# (storage.reviews), and a flag an agent set aside (the result's `overrides`, matched as
# FlagOverride.covers does) stays on the dossier page, marked set aside, but is neither a
# warning nor a blocking reason here, as it no longer counts for the status.
_STANDING = """f.run_id = d.current_run_id AND NOT EXISTS (
    SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof(r.result -> 'overrides')
                                       WHEN 'array' THEN r.result -> 'overrides' ELSE '[]' END) o
    WHERE o ->> 'code' = f.code AND (o ->> 'piece')::integer IS NOT DISTINCT FROM f.piece_index
      AND o ->> 'field' IS NOT DISTINCT FROM f.field AND o ->> 'piece_type' IS NOT DISTINCT FROM f.piece_type
      AND o ->> 'check' IS NOT DISTINCT FROM f.check_code)"""
_WARNINGS = f"""(%(warnings)s::boolean IS NULL OR %(warnings)s = EXISTS (
    SELECT 1 FROM flags f WHERE {_STANDING} AND f.severity = 'warning'))"""

_COLUMNS = f"""d.reference, d.procedure, d.submitted_at, greatest(0, current_date - d.first_received_at),
    r.applicant_name, r.employer_name,
    array(SELECT DISTINCT f.code FROM flags f WHERE {_STANDING} AND f.severity = 'warning' ORDER BY f.code),
    CASE d.status
      WHEN 'incomplete' THEN
        array(SELECT f.message FROM flags f WHERE {_STANDING} AND f.severity = 'blocking' ORDER BY f.position)
        || array(SELECT 'Renvoyé par ' || (r.result -> 'review' ->> 'by') || ' : '
                        || (r.result -> 'review' ->> 'message')
                 WHERE r.result -> 'review' ->> 'message' IS NOT NULL)
      WHEN 'failed' THEN array[coalesce(r.error, '?')]
      ELSE '{{}}'::text[] END,
    c.holder, c.claimed_at, v.decision, v.decided_by, v.decided_at"""


class Worklists:
    def __init__(self, db: Database) -> None:
        self.db = db

    def page(self, worklist: Worklist, wanted: WorklistFilter) -> WorklistPage:
        """One page of a list, and how many dossiers each list holds under the same search
        and procedure (the warnings filter narrows the ready list only)."""
        params = _params(wanted)
        where = f"{_list_where(worklist)} AND {_FILTERS}"
        with self.db.connection() as conn:
            counts = self._counts(conn, params)
            total = counts[worklist]
            pages = max(1, -(-total // PAGE_SIZE))
            page = min(max(1, wanted.page), pages)
            rows = conn.execute(
                f"""SELECT {_COLUMNS} FROM {_FROM}
                    LEFT JOIN claims c ON c.dossier_id = d.id AND c.active_at > now() - %(idle)s
                    WHERE {where} ORDER BY {_ORDER[worklist]} LIMIT %(limit)s OFFSET %(offset)s""",
                {**params, "idle": CLAIM_IDLE, "limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE}).fetchall()
        return WorklistPage([WorkRow(*row) for row in rows], total, page, pages, counts)

    def procedures(self) -> list[str]:
        """The procedures of the dossiers still to handle, for the filter."""
        with self.db.connection() as conn:
            return [row[0] for row in conn.execute(
                "SELECT DISTINCT procedure FROM dossiers WHERE status IN ('ready_for_review', 'incomplete') "
                "AND procedure IS NOT NULL ORDER BY procedure")]

    @staticmethod
    def _counts(conn: psycopg.Connection, params: dict[str, object]) -> dict[Worklist, int]:
        counted = ", ".join(f"count(*) FILTER (WHERE {_list_where(w)})" for w in Worklist)
        row = conn.execute(f"SELECT {counted} FROM {_FROM} WHERE {_FILTERS}", params).fetchone()
        return dict(zip(Worklist, row))


def _list_where(worklist: Worklist) -> str:
    """The list's own condition; the warnings filter narrows the ready list only."""
    return f"{_WHERE[worklist]} AND {_WARNINGS}" if worklist == Worklist.ready else _WHERE[worklist]


def _params(wanted: WorklistFilter) -> dict[str, object]:
    """Every word of the search must be found (in any order); digits alone, spaces aside,
    may also be part of a SIRET."""
    words = wanted.search.split()
    digits = "".join(words) if words and "".join(words).isdigit() else ""
    return {"words": [_contains(word) for word in words], "digits": digits, "digits_pattern": f"%{digits}%",
            "procedure": wanted.procedure, "warnings": wanted.warnings}


def _contains(word: str) -> str:
    """`%word%` with LIKE's own characters escaped (the query folds it)."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
