"""What agents see and do (issue 5): the queues, and the review of a dossier's current
result — field corrections, piece-type changes, decisions.

Every action applies to the dossier's current run, in one transaction that locks the
dossier row: it updates the run's result document (so `dossiers show`, the exports and
the UI read one truth), the rows of that run (fields.corrected_*, pieces.type), and
adds an audit event. The pipeline's values are never lost: a corrected field keeps its
original in `corrections` and in fields.value; a retyped piece keeps `original_type`.
A form rendered for an older run is refused (StaleReview) rather than applied to a new one.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from models.domain import PieceType, Status
from models.errors import UsageError
from models.records import DossierResult, PieceResult
from models.review import Decision, FieldCorrection, FieldReading, Review, TypeCorrection
from storage.database import Database
from storage.records import _audit

QUEUE_PAGE_SIZE = 50
NUMERIC_FIELDS = frozenset({"weekly_hours", "gross_monthly_salary", "gross_salary", "monthly_gratification"})
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


# The status a decision gives the dossier (DOMAIN.md, Status): a send-back holds it as incomplete.
STATUS_AFTER = {Decision.approved: Status.approved, Decision.rejected: Status.rejected,
                Decision.sent_back: Status.incomplete}


class ReviewError(UsageError, ValueError):
    """An action that cannot be applied; its message is for the agent (French)."""


class StaleReview(ReviewError):
    """The dossier changed (rerun, decided) since the page was shown."""


@dataclass(frozen=True)
class QueueFilter:
    procedure: str | None = None
    warnings: bool | None = None  # True: with warnings only; False: without; None: all
    page: int = 1


@dataclass(frozen=True)
class QueueRow:
    reference: str
    procedure: str | None
    submitted_at: dt.date | None
    warnings: int


@dataclass(frozen=True)
class HeldRow:
    """An incomplete or failed dossier with what holds it: blocking flags' messages, or the error."""
    reference: str
    procedure: str | None
    submitted_at: dt.date | None
    reasons: list[str]


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    total: int
    page: int
    pages: int
    procedures: list[str]


@dataclass(frozen=True)
class DossierView:
    reference: str
    status: str | None
    run_id: int | None
    result: DossierResult | None

    @property
    def reviewable(self) -> bool:
        """An agent may decide: the dossier waits in the queue."""
        return self.status == Status.ready_for_review.value and self.result is not None

    @property
    def correctable(self) -> bool:
        """An agent may correct fields and types: in the queue, or held back as incomplete
        (a misread value may be all that holds it back)."""
        return self.status in CORRECTABLE and self.result is not None


CORRECTABLE = frozenset({Status.ready_for_review.value, Status.incomplete.value})
# A value an agent typed is certain for the checks (validators.certainty).
CORRECTED_CONFIDENCE = 1.0

# Runs the checks again on a corrected result (pipeline.recheck.recheck_document);
# storage only calls it, so that it stays free of the rules.
Recheck = Callable[[DossierResult], DossierResult]


class Reviews:
    def __init__(self, db: Database, recheck: Recheck | None = None) -> None:
        self.db = db
        self.recheck = recheck

    # -- queues -------------------------------------------------------------------------

    def queue(self, wanted: QueueFilter) -> QueuePage:
        """Ready-for-review dossiers, oldest submission first, one page of them."""
        where = """d.status = 'ready_for_review'
                   AND (%(procedure)s::text IS NULL OR d.procedure = %(procedure)s)
                   AND (%(warnings)s::boolean IS NULL OR %(warnings)s = EXISTS (
                        SELECT 1 FROM flags f WHERE f.run_id = d.current_run_id AND f.severity = 'warning'))"""
        params = {"procedure": wanted.procedure, "warnings": wanted.warnings}
        with self.db.connection() as conn:
            total = conn.execute(f"SELECT count(*) FROM dossiers d WHERE {where}", params).fetchone()[0]
            pages = max(1, -(-total // QUEUE_PAGE_SIZE))
            page = min(max(1, wanted.page), pages)
            rows = conn.execute(
                f"""SELECT d.reference, d.procedure, d.submitted_at,
                           (SELECT count(*) FROM flags f
                            WHERE f.run_id = d.current_run_id AND f.severity = 'warning')
                    FROM dossiers d WHERE {where}
                    ORDER BY d.submitted_at NULLS LAST, d.id LIMIT %(limit)s OFFSET %(offset)s""",
                {**params, "limit": QUEUE_PAGE_SIZE, "offset": (page - 1) * QUEUE_PAGE_SIZE}).fetchall()
            procedures = [r[0] for r in conn.execute(
                "SELECT DISTINCT procedure FROM dossiers WHERE status = 'ready_for_review' "
                "AND procedure IS NOT NULL ORDER BY procedure")]
        return QueuePage([QueueRow(*r) for r in rows], total, page, pages, procedures)

    def incomplete(self, limit: int = QUEUE_PAGE_SIZE) -> list[HeldRow]:
        """Dossiers held back as incomplete, oldest first, with their blocking flags' messages
        (and the agent's message when one sent it back)."""
        with self.db.connection() as conn:
            rows = conn.execute(
                """SELECT d.reference, d.procedure, d.submitted_at,
                          coalesce(array(SELECT f.message FROM flags f WHERE f.run_id = d.current_run_id
                                         AND f.severity = 'blocking' ORDER BY f.position), '{}')
                          || coalesce(array(SELECT 'Renvoyé par ' || (r.result->'review'->>'by') || ' : '
                                                   || (r.result->'review'->>'message')
                                            FROM runs r WHERE r.id = d.current_run_id
                                            AND r.result->'review'->>'message' IS NOT NULL), '{}')
                   FROM dossiers d WHERE d.status = 'incomplete'
                   ORDER BY d.submitted_at NULLS LAST, d.id LIMIT %s""", (limit,)).fetchall()
        return [HeldRow(*r) for r in rows]

    def failed(self, limit: int = QUEUE_PAGE_SIZE) -> list[HeldRow]:
        """Dossiers whose processing broke, most recent first, with the error."""
        with self.db.connection() as conn:
            rows = conn.execute(
                """SELECT d.reference, d.procedure, d.submitted_at, array[coalesce(r.error, '?')]
                   FROM dossiers d LEFT JOIN runs r ON r.id = d.current_run_id
                   WHERE d.status = 'failed' ORDER BY d.updated_at DESC, d.id LIMIT %s""", (limit,)).fetchall()
        return [HeldRow(*r) for r in rows]

    # -- one dossier --------------------------------------------------------------------

    def dossier(self, reference: str) -> DossierView | None:
        with self.db.connection() as conn:
            row = conn.execute(
                """SELECT d.reference, d.status, d.current_run_id, r.result FROM dossiers d
                   LEFT JOIN runs r ON r.id = d.current_run_id WHERE d.reference = %s""",
                (reference,)).fetchone()
        if row is None:
            return None
        reference, status, run_id, document = row
        return DossierView(reference, status, run_id,
                           DossierResult.model_validate(document) if document is not None else None)

    def correct_field(self, reference: str, run_id: int, piece_index: int, field: str, raw: str,
                      actor: str) -> None:
        """Set a field to the agent's value; the pipeline's value stays in `corrections`.
        Giving the original value back removes the correction."""
        with self._reviewable(reference, run_id, CORRECTABLE) as (conn, dossier_id, result):
            piece = _piece(result, piece_index)
            if field not in piece.fields:
                raise ReviewError(f"la pièce n'a pas de champ « {field} »")
            value = parse_value(field, raw)
            if piece.corrections is None:
                piece.corrections = {}
            corrections = piece.corrections
            previous = piece.fields[field]
            earlier = corrections.get(field)
            original = earlier.original if earlier else previous
            piece.fields[field] = value
            at = _now()
            if value == original:
                corrections.pop(field, None)
                _restore_reading(piece, field, earlier)
                stored: tuple[Any, ...] = (None, None, None)
            else:
                reading = (earlier.reading if earlier else None) or FieldReading(
                    confidence=piece.field_confidence.get(field), mrz_failed=field in piece.mrz_failed)
                corrections[field] = FieldCorrection(original=original, by=actor, at=at, reading=reading)
                piece.field_confidence[field] = CORRECTED_CONFIDENCE
                piece.mrz_failed = [name for name in piece.mrz_failed if name != field]
                stored = (Jsonb(value), actor, at)
            conn.execute(
                """UPDATE fields SET corrected_value = %s, corrected_by = %s, corrected_at = %s
                   WHERE name = %s AND piece_row_id =
                         (SELECT id FROM pieces WHERE run_id = %s AND piece_index = %s)""",
                (*stored, field, run_id, piece_index))
            _audit(conn, dossier_id, run_id, actor, "field_corrected",
                   {"piece": piece_index, "field": field, "original": original, "previous": previous,
                    "value": value})
            self._recheck_and_save(conn, dossier_id, run_id, result, actor)

    def change_piece_type(self, reference: str, run_id: int, piece_index: int, new_type: str,
                          actor: str) -> None:
        """Retype a piece. Its fields stay as read; the checks run again."""
        try:
            new_type = PieceType(new_type).value
        except ValueError:
            raise ReviewError(f"type de pièce inconnu : {new_type!r}") from None
        with self._reviewable(reference, run_id, CORRECTABLE) as (conn, dossier_id, result):
            piece = _piece(result, piece_index)
            previous = piece.type
            if previous == new_type:
                return
            at = _now()
            original = piece.type_correction.original if piece.type_correction else previous
            piece.type = PieceType(new_type)
            piece.type_correction = TypeCorrection(original=original, by=actor, at=at)
            conn.execute(
                """UPDATE pieces SET type = %s, original_type = coalesce(original_type, type),
                          type_changed_by = %s, type_changed_at = %s
                   WHERE run_id = %s AND piece_index = %s""", (new_type, actor, at, run_id, piece_index))
            _audit(conn, dossier_id, run_id, actor, "piece_type_changed",
                   {"piece": piece_index, "previous": previous.value, "type": new_type})
            self._recheck_and_save(conn, dossier_id, run_id, result, actor)

    def decide(self, reference: str, run_id: int, decision: Decision | str, message: str | None,
               actor: str) -> Status:
        """Approve, reject (a reason is required) or send back (a message is required)."""
        try:
            decision = Decision(decision)
        except ValueError:
            raise ReviewError(f"décision inconnue : {decision!r}") from None
        message = (message or "").strip() or None
        if decision != Decision.approved and message is None:
            raise ReviewError("indiquez le motif du rejet" if decision == Decision.rejected
                              else "indiquez le message pour l'employeur")
        status = STATUS_AFTER[decision]
        with self._reviewable(reference, run_id) as (conn, dossier_id, result):
            at = _now()
            result.review = Review(decision=decision, by=actor, at=at, message=message)
            result.status = status
            self._save(conn, dossier_id, run_id, result, status)
            conn.execute("INSERT INTO reviews (dossier_id, run_id, decision, decided_by, decided_at, message) "
                         "VALUES (%s, %s, %s, %s, %s, %s)", (dossier_id, run_id, decision.value, actor, at, message))
            _audit(conn, dossier_id, run_id, actor, "review_decided",
                   {"decision": decision.value, "message": message, "status": status.value,
                    "previous_status": Status.ready_for_review.value})
        return status

    def record_rerun_request(self, reference: str, actor: str, details: dict[str, Any]) -> None:
        """An administrator asked for a rerun (the rerun itself records its own run)."""
        with self.db.connection() as conn:
            row = conn.execute("SELECT id FROM dossiers WHERE reference = %s", (reference,)).fetchone()
            if row is None:
                raise ReviewError(f"aucun dossier de référence {reference!r}")
            _audit(conn, row[0], None, actor, "rerun_requested", details)

    # -- internals ----------------------------------------------------------------------

    def _recheck_and_save(self, conn: psycopg.Connection, dossier_id: int, run_id: int,
                          result: DossierResult, actor: str) -> None:
        """Save the corrected result, with its checks run again when a recheck is wired;
        what changed in the flags and status goes to the history."""
        before = result.status
        before_flags = _flag_keys(result)
        if self.recheck is not None:
            result = self.recheck(result)
        after = result.status
        self._save(conn, dossier_id, run_id, result, after if after != before else None)
        if self.recheck is not None:
            after_flags = _flag_keys(result)
            _audit(conn, dossier_id, run_id, actor, "checks_rerun",
                   {"status": after.value, "previous_status": before.value,
                    "flags_added": sorted(after_flags - before_flags),
                    "flags_removed": sorted(before_flags - after_flags)})

    @contextmanager
    def _reviewable(self, reference: str, run_id: int, statuses: frozenset[str] = frozenset(
            {Status.ready_for_review.value})) -> Iterator[tuple[psycopg.Connection, int, DossierResult]]:
        """A transaction holding the dossier's row, open only if `run_id` is still its current
        run and the dossier has one of `statuses` (by default: awaits a decision).
        Yields (connection, dossier id, current result)."""
        with self.db.connection() as conn, conn.transaction():
            row = conn.execute(
                """SELECT d.id, d.status, d.current_run_id, r.result FROM dossiers d
                   LEFT JOIN runs r ON r.id = d.current_run_id WHERE d.reference = %s FOR UPDATE OF d""",
                (reference,)).fetchone()
            if row is None:
                raise ReviewError(f"aucun dossier de référence {reference!r}")
            dossier_id, status, current_run, document = row
            if current_run != run_id or status not in statuses:
                raise StaleReview("le dossier a changé depuis l'affichage de la page (nouveau traitement "
                                  "ou décision déjà prise) : rechargez-la")
            yield conn, dossier_id, DossierResult.model_validate(document)

    @staticmethod
    def _save(conn: psycopg.Connection, dossier_id: int, run_id: int, result: DossierResult,
              status: Status | None = None) -> None:
        conn.execute("UPDATE runs SET result = %s WHERE id = %s", (Jsonb(result.to_json_dict()), run_id))
        conn.execute("UPDATE dossiers SET updated_at = now(), status = coalesce(%s, status) WHERE id = %s",
                     (status.value if status else None, dossier_id))


def parse_value(field: str, raw: str) -> str | float | int | None:
    """The agent's text as a field value: empty means unread (null); amounts and hours are
    numbers, written with a comma or a dot."""
    text = raw.strip()
    if not text:
        return None
    if field in NUMERIC_FIELDS:
        compact = text.replace("\u00a0", "").replace(" ", "").replace("€", "")
        if not _NUMBER.fullmatch(compact):
            raise ReviewError(f"« {raw} » n'est pas un nombre")
        number = float(compact.replace(",", "."))
        return int(number) if number.is_integer() and "," not in compact and "." not in compact else number
    return text


def _restore_reading(piece: PieceResult, field: str, correction: FieldCorrection | None) -> None:
    """Back to the value as read: its reading confidence and MRZ verdict come back too."""
    reading = correction.reading if correction else None
    if reading is None:
        return
    if reading.confidence is not None:
        piece.field_confidence[field] = reading.confidence
    if reading.mrz_failed and field not in piece.mrz_failed:
        piece.mrz_failed.append(field)


def _flag_keys(result: DossierResult) -> set[str]:
    """A flag as the history names it: code, and the piece (1-based) or piece type it concerns."""
    keys = set()
    for flag in result.flags:
        where = f"pièce {flag.piece + 1}" if flag.piece is not None else flag.piece_type or "dossier"
        keys.add(f"{flag.code.value} ({where})")
    return keys


def _piece(result: DossierResult, index: int) -> PieceResult:
    if not 0 <= index < len(result.pieces):
        raise ReviewError(f"pas de pièce n° {index}")
    return result.pieces[index]


def _now() -> dt.datetime:
    # Whole seconds, as the documents have always dated an agent's action.
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
