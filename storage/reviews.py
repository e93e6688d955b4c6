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

from models.domain import FIELDS, PieceType, Status
from models.errors import UsageError
from models.field_kinds import DATE_FIELDS, MONTH_FIELDS, NUMERIC_FIELDS
from models.records import DossierResult, Extraction, Flag, PieceResult
from models.review import Decision, FieldCorrection, FieldReading, Review, TypeCorrection
from storage import claims
from storage.database import Database
from storage.records import _audit, write_flags

QUEUE_PAGE_SIZE = 50
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
# How agents write a day and a month (the pages show them so): 30/11/2026, 11/2026.
_FRENCH_DAY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_FRENCH_MONTH = re.compile(r"(\d{1,2})[/.](\d{4})")


# The status a decision gives the dossier (DOMAIN.md, Status): a send-back holds it as incomplete.
STATUS_AFTER = {Decision.approved: Status.approved, Decision.rejected: Status.rejected,
                Decision.sent_back: Status.incomplete}


class ReviewError(UsageError, ValueError):
    """An action that cannot be applied; its message is for the agent (French)."""


class StaleReview(ReviewError):
    """The dossier changed (rerun, decided) since the page was shown."""


class ClaimedElsewhere(StaleReview):
    """Another agent holds the dossier (storage.claims): only they may correct or decide it."""

    def __init__(self, claim: claims.Claim) -> None:
        super().__init__(f"dossier pris en charge par {claim.holder} depuis {claim.at} : "
                         "seul cet agent peut le corriger ou le décider tant qu'il ne l'a pas libéré")
        self.claim = claim


@dataclass(frozen=True)
class HeldRow:
    """An incomplete or failed dossier with what holds it: blocking flags' messages, or the error."""
    reference: str
    procedure: str | None
    submitted_at: dt.date | None
    reasons: list[str]


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
# Reads a piece's fields again for another type from its stored page text, no OCR
# (pipeline.reextract); None when that text is no longer kept. Injected like Recheck.
Reextract = Callable[[str, PieceResult, PieceType], Extraction | None]


@dataclass(frozen=True)
class FieldEdit:
    """A value an agent typed for one field of one piece (0-based), as typed."""
    piece: int
    field: str
    raw: str


@dataclass(frozen=True)
class ChecksOutcome:
    """What a correction or a type change did, for the page's summary (and the history)."""
    fields: tuple[tuple[int, str], ...]  # (piece, field) set to a new value, in the order given
    status_before: Status
    status_after: Status
    raised: tuple[str, ...] = ()  # the flags the checks added, as the history names them
    lifted: tuple[str, ...] = ()  # the flags they no longer raise
    reextracted: bool | None = None  # type change: fields read again; False: page text not kept


class Reviews:
    def __init__(self, db: Database, recheck: Recheck | None = None, reextract: Reextract | None = None) -> None:
        self.db = db
        self.recheck = recheck
        self.reextract = reextract

    # -- queues -------------------------------------------------------------------------

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
                      actor: str) -> ChecksOutcome:
        """Set one field to the agent's value (see correct_fields)."""
        return self.correct_fields(reference, run_id, [FieldEdit(piece_index, field, raw)], actor)

    def correct_fields(self, reference: str, run_id: int, edits: list[FieldEdit], actor: str) -> ChecksOutcome:
        """Set fields to the agent's values in one transaction, then run the checks once.
        The pipeline's value stays in `corrections`; giving the original value back removes
        the correction; a value equal to the current one changes nothing. One refused value
        refuses them all."""
        with self._reviewable(reference, run_id, actor, CORRECTABLE) as (conn, dossier_id, result):
            changed = tuple((edit.piece, edit.field) for edit in edits
                            if self._correct_one(conn, dossier_id, run_id, result, edit, actor))
            if not changed:
                return ChecksOutcome((), result.status, result.status)
            return self._recheck_and_save(conn, dossier_id, run_id, result, actor, changed)

    def _correct_one(self, conn: psycopg.Connection, dossier_id: int, run_id: int, result: DossierResult,
                     edit: FieldEdit, actor: str) -> bool:
        """Apply one edit to `result` and the run's rows; False when it changes nothing."""
        piece = _piece(result, edit.piece)
        field = edit.field
        if field not in piece.fields:
            raise ReviewError(f"la pièce {edit.piece + 1} n'a pas de champ « {field} »")
        try:
            value = parse_value(field, edit.raw)
        except ReviewError as error:
            raise ReviewError(f"pièce {edit.piece + 1}, champ « {field} » : {error}") from None
        previous = piece.fields[field]
        if value == previous:
            return False
        if piece.corrections is None:
            piece.corrections = {}
        corrections = piece.corrections
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
            (*stored, field, run_id, edit.piece))
        _audit(conn, dossier_id, run_id, actor, "field_corrected",
               {"piece": edit.piece, "field": field, "original": original, "previous": previous,
                "value": value})
        return True

    def change_piece_type(self, reference: str, run_id: int, piece_index: int, new_type: str,
                          actor: str) -> ChecksOutcome | None:
        """Retype a piece; its fields are read again for the new type from the stored page
        text when a re-extraction is wired (no OCR), then the checks run again. Without
        that text, the fields the new type shares keep their value, the others are unread.
        None when the type is unchanged."""
        try:
            piece_type = PieceType(new_type)
        except ValueError:
            raise ReviewError(f"type de pièce inconnu : {new_type!r}") from None
        # Read outside the transaction: a worker extracts, and the dossier's row is not held meanwhile.
        extraction = self._extraction_for(reference, run_id, piece_index, piece_type)
        with self._reviewable(reference, run_id, actor, CORRECTABLE) as (conn, dossier_id, result):
            piece = _piece(result, piece_index)
            previous = piece.type
            if previous == piece_type:
                return None
            at = _now()
            original = piece.type_correction.original if piece.type_correction else previous
            piece.type = piece_type
            piece.type_correction = TypeCorrection(original=original, by=actor, at=at)
            _refill(piece, extraction)
            conn.execute(
                """UPDATE pieces SET type = %s, original_type = coalesce(original_type, type),
                          type_changed_by = %s, type_changed_at = %s
                   WHERE run_id = %s AND piece_index = %s""", (piece_type.value, actor, at, run_id, piece_index))
            reextracted = None if self.reextract is None else extraction is not None
            _audit(conn, dossier_id, run_id, actor, "piece_type_changed",
                   {"piece": piece_index, "previous": previous.value, "type": piece_type.value,
                    **({} if reextracted is None else {"reextracted": reextracted})})
            return self._recheck_and_save(conn, dossier_id, run_id, result, actor, (), reextracted)

    def _extraction_for(self, reference: str, run_id: int, piece_index: int,
                        piece_type: PieceType) -> Extraction | None:
        if self.reextract is None:
            return None
        view = self.dossier(reference)
        if view is None or view.result is None or view.run_id != run_id:
            return None  # _reviewable refuses it with the reason
        piece = _piece(view.result, piece_index)
        return None if piece.type == piece_type else self.reextract(reference, piece, piece_type)

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
        # An incomplete dossier may be sent back too (a message to the employer); the others wait in the queue.
        awaiting = CORRECTABLE if decision == Decision.sent_back else frozenset({Status.ready_for_review.value})
        with self._reviewable(reference, run_id, actor, awaiting) as (conn, dossier_id, result):
            at = _now()
            previous_status = result.status.value
            result.review = Review(decision=decision, by=actor, at=at, message=message)
            result.status = status
            self._save(conn, dossier_id, run_id, result, status)
            conn.execute("INSERT INTO reviews (dossier_id, run_id, decision, decided_by, decided_at, message) "
                         "VALUES (%s, %s, %s, %s, %s, %s)", (dossier_id, run_id, decision.value, actor, at, message))
            _audit(conn, dossier_id, run_id, actor, "review_decided",
                   {"decision": decision.value, "message": message, "status": status.value,
                    "previous_status": previous_status})
            claims.release_in(conn, dossier_id, actor)  # deciding gives the dossier back
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
                          result: DossierResult, actor: str, fields: tuple[tuple[int, str], ...],
                          reextracted: bool | None = None) -> ChecksOutcome:
        """Save the corrected result, with its checks run again when a recheck is wired;
        what changed in the flags and status goes to the history and comes back."""
        before, before_flags = result.status, _flag_keys(result)
        if self.recheck is not None:
            result = self.recheck(result)
        after, after_flags = result.status, _flag_keys(result)
        self._save(conn, dossier_id, run_id, result, after if after != before else None)
        outcome = ChecksOutcome(fields, before, after, tuple(sorted(after_flags - before_flags)),
                                tuple(sorted(before_flags - after_flags)), reextracted)
        if self.recheck is not None:
            # `fields` and `reextracted` let the page say what this save did (web/change_summary.py).
            _audit(conn, dossier_id, run_id, actor, "checks_rerun",
                   {"status": after.value, "previous_status": before.value,
                    "flags_added": list(outcome.raised), "flags_removed": list(outcome.lifted),
                    "fields": [list(f) for f in fields],
                    **({} if reextracted is None else {"reextracted": reextracted})})
        return outcome

    @contextmanager
    def _reviewable(self, reference: str, run_id: int, actor: str, statuses: frozenset[str] = frozenset(
            {Status.ready_for_review.value})) -> Iterator[tuple[psycopg.Connection, int, DossierResult]]:
        """A transaction holding the dossier's row, open only if `run_id` is still its current
        run, the dossier has one of `statuses` (by default: awaits a decision) and no other
        agent than `actor` holds it. Every agent's write (correction, type change, override,
        decision) goes through here, so the claim guards them all.
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
            # The holder acts (a free dossier is taken): the claim, checked in this
            # transaction, cannot pass to another agent before the write is saved.
            claim = claims.take(conn, dossier_id, actor)
            if not claim.mine:
                raise ClaimedElsewhere(claim)
            yield conn, dossier_id, DossierResult.model_validate(document)

    @staticmethod
    def _save(conn: psycopg.Connection, dossier_id: int, run_id: int, result: DossierResult,
              status: Status | None = None) -> None:
        conn.execute("UPDATE runs SET result = %s WHERE id = %s", (Jsonb(result.to_json_dict()), run_id))
        write_flags(conn, run_id, result)  # the lists read them (storage.worklists)
        conn.execute("UPDATE dossiers SET updated_at = now(), status = coalesce(%s, status) WHERE id = %s",
                     (status.value if status else None, dossier_id))


def parse_value(field: str, raw: str) -> str | float | int | None:
    """The agent's text as a field value: empty means unread (null); amounts and hours are
    numbers, written with a comma or a dot (spaces, `€` and `h` left out); a date written
    the French way is stored as the contract has it (ISO)."""
    text = raw.strip()
    if not text:
        return None
    if field in DATE_FIELDS | MONTH_FIELDS:
        return _iso_date(field, text)
    if field in NUMERIC_FIELDS:
        compact = re.sub(r"[\s\u202f€]", "", text).removesuffix("h")
        if not _NUMBER.fullmatch(compact):
            raise ReviewError(f"« {raw} » n'est pas un nombre")
        number = float(compact.replace(",", "."))
        return int(number) if number.is_integer() and "," not in compact and "." not in compact else number
    return text


def _iso_date(field: str, text: str) -> str:
    """`30/11/2026` -> `2026-11-30` (`11/2026` -> `2026-11` for a month); other text as typed."""
    day, month = _FRENCH_DAY.fullmatch(text), _FRENCH_MONTH.fullmatch(text)
    try:
        if day and field in DATE_FIELDS:
            return dt.date(int(day[3]), int(day[2]), int(day[1])).isoformat()
        if month and field in MONTH_FIELDS:
            return dt.date(int(month[2]), int(month[1]), 1).isoformat()[:7]
    except ValueError:
        raise ReviewError(f"« {text} » n'est pas une date") from None
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
    """A flag as the history names it: code, then what tells it from another flag of that
    code (what FlagOverride.covers compares): the piece (1-based) or piece type, the field,
    the check left undecided — "missing_field (pièce 2, champ employer_siret)"."""
    return {flag_key(flag) for flag in result.flags}


def flag_key(flag: Flag) -> str:
    where = [f"pièce {flag.piece + 1}" if flag.piece is not None else flag.piece_type or "dossier"]
    if flag.field:
        where.append(f"champ {flag.field}")
    if flag.check:
        where.append(f"contrôle {flag.check}")
    return f"{flag.code.value} ({', '.join(where)})"


def _refill(piece: PieceResult, extraction: Extraction | None) -> None:
    """A retyped piece's fields: those read again for its new type, or without a reading the
    fields of the new type, kept where the old type had the same field, else unread. An
    agent's correction of a field the new type has stays (its original is the new reading)."""
    names: tuple[str, ...] = FIELDS.get(piece.type, ())
    if extraction is None:
        extraction = Extraction(
            fields={name: piece.fields.get(name) for name in names},
            field_confidence={n: c for n, c in piece.field_confidence.items() if n in names},
            field_boxes={n: b for n, b in piece.field_boxes.items() if n in names},
            mrz_failed=[n for n in piece.mrz_failed if n in names],
            absent_fields=[n for n in piece.absent_fields if n in names])
        kept = {n: c for n, c in (piece.corrections or {}).items() if n in names}
    else:
        kept = {n: c.model_copy(update={"original": extraction.fields.get(n)})
                for n, c in (piece.corrections or {}).items() if n in names}
        for name in kept:
            extraction.fields[name] = piece.fields[name]
            extraction.field_confidence[name] = CORRECTED_CONFIDENCE
    piece.fields, piece.field_confidence = extraction.fields, extraction.field_confidence
    piece.field_boxes, piece.mrz_failed = extraction.field_boxes, extraction.mrz_failed
    piece.absent_fields = extraction.absent_fields
    if piece.corrections is not None:
        piece.corrections = kept


def _piece(result: DossierResult, index: int) -> PieceResult:
    if not 0 <= index < len(result.pieces):
        raise ReviewError(f"pas de pièce n° {index}")
    return result.pieces[index]


def _now() -> dt.datetime:
    # Whole seconds, as the documents have always dated an agent's action.
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
