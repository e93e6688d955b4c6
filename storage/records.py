"""The records repository: dossiers, their files, processing runs, what each run produced,
and the audit log (issue 3).

A dossier is its reference. Each processing is a run; `begin_run` locks the dossier for
the run with a session-level advisory lock on a dedicated connection, so two workers
(threads, processes or machines) never process one dossier at once, and a worker that
dies (even SIGKILL) releases it with its connection. A run still 'running' whose lock is
free belonged to a dead worker: it is marked 'abandoned'.

The current result of a dossier is its latest *finished* run, completed or failed: a
failed run is what the administrators must see (DOMAIN.md, Status: `failed` goes to
their list to rerun), so `fail()` sets status 'failed' and points current_run_id at a
failed result document (schema-valid, `error` set). Older runs, with their pieces,
fields and flags, stay as history.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from models.domain import Status
from models.errors import DependencyUnavailable, TemporarilyUnavailable
from models.records import DossierInfo, DossierResult
from storage.database import DOSSIER_RUN_LOCK_NAMESPACE, Database

PIPELINE_ACTOR = "pipeline"
ABANDONED_ERROR = "the worker processing this run stopped before finishing it"


class DossierBusy(TemporarilyUnavailable):
    """Another worker is processing this dossier right now: try again later."""


class RunLost(DependencyUnavailable):
    """This run was taken over (marked abandoned, its database lock lost) while it was
    being processed: its result is not recorded; process the dossier again."""


@dataclass(frozen=True)
class DossierSummary:
    reference: str
    procedure: str | None
    status: str | None  # None while its first run has not finished
    submitted_at: dt.date | None
    updated_at: dt.datetime


@dataclass(frozen=True)
class RunSummary:
    id: int
    outcome: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    pipeline_version: str
    error: str | None
    timings_ms: dict[str, float] | None
    schema_version: str | None = None  # the contract its result follows ("1" before 2025 rules)


@dataclass(frozen=True)
class ReceivedFile:
    source: str
    object_key: str
    role: str  # original | member | manifest
    media_type: str

    @property
    def sha256(self) -> str:
        """The content hash its object key ends with (derived artefacts are keyed by it)."""
        return self.object_key.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class ReceivedSet:
    name: str  # the input's name: folder, or file name without extension
    shape: str | None  # folder | zip | merged
    files: list[ReceivedFile]

    def original(self, source: str) -> ReceivedFile | None:
        """The file a piece's `source` names (an original or a member of an archive)."""
        return next((f for f in self.files if f.source == source and f.role in ("original", "member")), None)


@dataclass(frozen=True)
class AuditEvent:
    at: dt.datetime
    actor: str
    action: str
    details: dict[str, Any]


class Records:
    def __init__(self, db: Database) -> None:
        self.db = db

    def first_received(self, name: str, today: dt.date) -> dt.date:
        """The date input `name` was first received, recording `today` if it is new."""
        with self.db.connection() as conn:
            conn.execute("INSERT INTO received_names (name, first_received_at) VALUES (%s, %s) "
                         "ON CONFLICT (name) DO NOTHING", (name, today))
            return _one(conn.execute("SELECT first_received_at FROM received_names WHERE name = %s",
                                     (name,)))[0]

    def begin_run(self, reference: str, *, name: str, pipeline_version: str,
                  actor: str = PIPELINE_ACTOR, today: dt.date | None = None,
                  shape: str | None = None) -> RunHandle:
        """Register the dossier if new, lock it and open a run. Raise DossierBusy if
        another worker holds it. `today` dates a new dossier without a recorded
        first reception (defaults to the current date)."""
        dossier_id = self._register(reference, name, actor, today or dt.date.today(), shape)
        lock = self.db.dedicated_connection()
        try:
            held = _one(lock.execute("SELECT pg_try_advisory_lock(%s, %s)",
                                (DOSSIER_RUN_LOCK_NAMESPACE, dossier_id)))[0]
            if not held:
                raise DossierBusy(f"le dossier {reference} est déjà en cours de traitement "
                                  "par un autre processus ; réessayez quand il aura fini")
            with self.db.connection() as conn:
                # We hold the lock, so any run still 'running' lost its worker.
                stale = [r[0] for r in conn.execute(
                    "SELECT id FROM runs WHERE dossier_id = %s AND outcome = 'running'", (dossier_id,))]
                _abandon(conn, stale, actor)
                run_id = _one(conn.execute(
                    "INSERT INTO runs (dossier_id, pipeline_version) VALUES (%s, %s) RETURNING id",
                    (dossier_id, pipeline_version)))[0]
                _audit(conn, dossier_id, run_id, actor, "run_started", {"pipeline_version": pipeline_version})
        except BaseException:
            lock.close()
            raise
        return RunHandle(self.db, lock, reference=reference, dossier_id=dossier_id, run_id=run_id, actor=actor)

    def list_dossiers(self, status: str | None = None) -> list[DossierSummary]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT reference, procedure, status, submitted_at, updated_at FROM dossiers "
                "WHERE %(status)s::text IS NULL OR status = %(status)s ORDER BY reference",
                {"status": status}).fetchall()
        return [DossierSummary(*row) for row in rows]

    def current_result(self, reference: str) -> DossierResult | None:
        """The current run's result document, read back into the model (review included)."""
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT r.result FROM dossiers d JOIN runs r ON r.id = d.current_run_id "
                "WHERE d.reference = %s", (reference,)).fetchone()
        return DossierResult.model_validate(row[0]) if row else None

    def runs(self, reference: str) -> list[RunSummary]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT r.id, r.outcome, r.started_at, r.finished_at, r.pipeline_version, r.error, "
                "r.timings_ms, r.schema_version FROM runs r JOIN dossiers d ON d.id = r.dossier_id "
                "WHERE d.reference = %s ORDER BY r.id", (reference,)).fetchall()
        return [RunSummary(*row) for row in rows]

    def history(self, reference: str) -> list[AuditEvent]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT a.at, a.actor, a.action, a.details FROM audit_events a "
                "JOIN dossiers d ON d.id = a.dossier_id WHERE d.reference = %s ORDER BY a.id",
                (reference,)).fetchall()
        return [AuditEvent(*row) for row in rows]

    def failed_references(self) -> list[str]:
        """Dossiers for the administrators to rerun: status failed, or whose latest run
        was abandoned by a dead worker."""
        self.reap_abandoned_runs()
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT d.reference FROM dossiers d WHERE d.status = 'failed' OR "
                "(SELECT r.outcome FROM runs r WHERE r.dossier_id = d.id ORDER BY r.id DESC LIMIT 1)"
                " = 'abandoned' ORDER BY d.reference").fetchall()
        return [row[0] for row in rows]

    def reap_abandoned_runs(self, actor: str = PIPELINE_ACTOR) -> int:
        """Mark 'abandoned' every running run whose dossier lock nobody holds."""
        with self.db.connection() as conn:
            dead = [row[0] for row in conn.execute(
                """SELECT r.id FROM runs r WHERE r.outcome = 'running' AND NOT EXISTS (
                       SELECT 1 FROM pg_locks l
                       WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                         AND l.classid = %s AND l.objid = r.dossier_id)
                   FOR UPDATE SKIP LOCKED""", (DOSSIER_RUN_LOCK_NAMESPACE,))]
            _abandon(conn, dead, actor)
        return len(dead)

    def received_set(self, reference: str) -> ReceivedSet | None:
        """The files of the latest run that received any, to rebuild the input as it arrived."""
        with self.db.connection() as conn:
            dossier = conn.execute("SELECT id, name, shape FROM dossiers WHERE reference = %s",
                                   (reference,)).fetchone()
            if dossier is None:
                return None
            rows = conn.execute(
                """SELECT f.source, f.object_key, f.role, f.media_type FROM run_files rf
                   JOIN files f ON f.id = rf.file_id
                   WHERE rf.run_id = (SELECT max(rf2.run_id) FROM run_files rf2
                                      JOIN runs r ON r.id = rf2.run_id WHERE r.dossier_id = %s)
                   ORDER BY f.source""", (dossier[0],)).fetchall()
        return ReceivedSet(name=dossier[1], shape=dossier[2],
                           files=[ReceivedFile(*row) for row in rows])

    def object_in_use(self, object_key: str) -> bool:
        """Whether any dossier's file is stored under this key."""
        with self.db.connection() as conn:
            return conn.execute("SELECT EXISTS (SELECT 1 FROM files WHERE object_key = %s)",
                                (object_key,)).fetchone()[0]

    def _register(self, reference: str, name: str, actor: str, today: dt.date, shape: str | None = None) -> int:
        if shape is not None:
            with self.db.connection() as conn:
                conn.execute("UPDATE dossiers SET shape = %s WHERE reference = %s", (shape, reference))
        with self.db.connection() as conn:
            row = conn.execute(
                """INSERT INTO dossiers (reference, name, shape, first_received_at)
                   VALUES (%(reference)s, %(name)s, %(shape)s, COALESCE(
                       (SELECT first_received_at FROM received_names WHERE name = %(name)s), %(today)s))
                   ON CONFLICT (reference) DO NOTHING RETURNING id, first_received_at""",
                {"reference": reference, "name": name, "shape": shape, "today": today}).fetchone()
            if row is not None:
                _audit(conn, row[0], None, actor, "dossier_registered",
                       {"name": name, "first_received_at": row[1].isoformat()})
                return row[0]
            return _one(conn.execute("SELECT id FROM dossiers WHERE reference = %s", (reference,)))[0]


class RunHandle:
    """One run of one dossier, holding the dossier's lock until `complete` or `fail`.
    As a context manager, a run left unfinished by an exception is recorded as failed."""

    def __init__(self, db: Database, lock: psycopg.Connection, *, reference: str, dossier_id: int,
                 run_id: int, actor: str) -> None:
        self.db = db
        self._lock = lock
        self.reference = reference
        self.dossier_id = dossier_id
        self.run_id = run_id
        self.actor = actor

    @property
    def finished(self) -> bool:
        return self._lock.closed

    def add_file(self, source: str, sha256: str, size: int, media_type: str, object_key: str,
                 role: str) -> bool:
        """Record a file of the dossier; False if this (source, sha256) was already kept."""
        self._check_open()
        with self.db.connection() as conn:
            row = conn.execute(
                """INSERT INTO files (dossier_id, first_run_id, source, sha256, size, media_type, object_key, role)
                   VALUES (%s, %s, %s, %s, %s, %s, %s, %s)
                   ON CONFLICT (dossier_id, source, sha256) DO NOTHING RETURNING id""",
                (self.dossier_id, self.run_id, source, sha256, size, media_type, object_key, role)).fetchone()
            file_id = row[0] if row else _one(conn.execute(
                "SELECT id FROM files WHERE dossier_id = %s AND source = %s AND sha256 = %s",
                (self.dossier_id, source, sha256)))[0]
            conn.execute("INSERT INTO run_files (run_id, file_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                         (self.run_id, file_id))
        return row is not None

    def complete(self, result: DossierResult) -> None:
        """Store the result, its pieces, fields and flags, and make it current: one transaction."""
        self._check_open()
        if result.dossier.reference != self.reference:
            raise ValueError(f"result of {result.dossier.reference} given to a run of {self.reference}")
        try:
            with self.db.connection() as conn, conn.transaction():
                self._finish_run(conn, "completed", result)
                self._store_pieces(conn, result)
                write_flags(conn, self.run_id, result)
                self._make_current(conn, result, "run_completed", {"flags": len(result.flags)})
        finally:
            self._release()

    def fail(self, error: str, result: DossierResult | None = None) -> None:
        """Record that processing broke. `result` is the failed result document when the
        pipeline has one; otherwise one is made from what the dossier already records."""
        self._check_open()
        try:
            with self.db.connection() as conn, conn.transaction():
                document = result or self._failed_document(conn, error)
                if document.error is None:
                    document = document.model_copy(update={"error": error})
                document = document.model_copy(update={"status": Status.failed})
                self._finish_run(conn, "failed", document)
                self._make_current(conn, document, "run_failed", {"error": error})
        finally:
            self._release()

    def close(self) -> None:
        """Release the lock without recording an end: the run is left to be abandoned."""
        self._release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self.finished:
            return
        if error is not None and isinstance(error, Exception):
            self.fail(f"{type(error).__name__}: {error}")
        elif error is None:
            self.fail("the run ended without a result")
        else:
            self._release()  # KeyboardInterrupt and the like: left to be abandoned

    # -- internals ----------------------------------------------------------------------

    def _check_open(self) -> None:
        if self.finished:
            raise RunLost(f"run {self.run_id} of {self.reference} is already finished")

    def _release(self) -> None:
        if self._lock.closed:
            return
        try:
            # Unlock explicitly: the server ends a closed session (and frees its locks)
            # a moment after the client has gone, and the next run may already be asking.
            self._lock.execute("SELECT pg_advisory_unlock(%s, %s)", (DOSSIER_RUN_LOCK_NAMESPACE, self.dossier_id))
        except psycopg.Error:
            pass  # connection already broken: the server frees the lock with the session
        finally:
            self._lock.close()

    def _finish_run(self, conn: psycopg.Connection, outcome: str, document: DossierResult) -> None:
        finished = conn.execute(
            """UPDATE runs SET outcome = %s, finished_at = now(), error = %s, timings_ms = %s, result = %s,
                              schema_version = %s, labour_market_test = %s
               WHERE id = %s AND outcome = 'running' RETURNING id""",
            (outcome, document.error, Jsonb(document.timings_ms), Jsonb(document.to_json_dict()),
             document.schema_version,
             document.labour_market_test.outcome if document.labour_market_test else None,
             self.run_id)).fetchone()
        if finished is None:
            raise RunLost(f"run {self.run_id} of {self.reference} was marked abandoned meanwhile "
                          "(its lock was lost); its result is not recorded: process the dossier again")

    def _store_pieces(self, conn: psycopg.Connection, result: DossierResult) -> None:
        for index, piece in enumerate(result.pieces):
            piece_row = _one(conn.execute(
                """INSERT INTO pieces (run_id, piece_index, piece_id, source, pages, type, confidence, text_source)
                   VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING id""",
                (self.run_id, index, piece.id, piece.source, piece.pages, piece.type.value,
                 piece.confidence, piece.text_source)))[0]
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO fields (piece_row_id, name, value, confidence) VALUES (%s, %s, %s, %s)",
                    [(piece_row, name, Jsonb(value), piece.field_confidence.get(name))
                     for name, value in piece.fields.items()])

    def _make_current(self, conn: psycopg.Connection, document: DossierResult, action: str,
                      details: dict[str, Any]) -> None:
        previous = _one(conn.execute("SELECT status FROM dossiers WHERE id = %s FOR UPDATE",
                                (self.dossier_id,)))[0]
        info = document.dossier
        conn.execute(
            """UPDATE dossiers SET status = %s, procedure = %s, procedure_source = %s, submitted_at = %s,
                                   current_run_id = %s, updated_at = now()
               WHERE id = %s""",
            (document.status.value, info.procedure, info.procedure_source, info.submitted_at,
             self.run_id, self.dossier_id))
        _audit(conn, self.dossier_id, self.run_id, self.actor, action,
               {**details, "status": document.status.value, "previous_status": previous})

    def _failed_document(self, conn: psycopg.Connection, error: str) -> DossierResult:
        procedure, source, submitted_at, received = _one(conn.execute(
            "SELECT procedure, procedure_source, submitted_at, first_received_at FROM dossiers WHERE id = %s",
            (self.dossier_id,)))
        info = DossierInfo(reference=self.reference, procedure=procedure or "unknown",
                           procedure_source=source or "inferred", submitted_at=submitted_at or received)
        return DossierResult(dossier=info, status=Status.failed, error=error)


def _one(cursor: psycopg.Cursor[Any]) -> tuple[Any, ...]:
    """The row a statement always returns (INSERT ... RETURNING, a lookup by a known key)."""
    row = cursor.fetchone()
    if row is None:
        raise LookupError("the statement returned no row")
    return row


def write_flags(conn: psycopg.Connection, run_id: int, result: DossierResult) -> None:
    """The run's `flags` rows as `result` has them, in place of any earlier ones: written when
    the run finishes, and again by every review action that saves a new result for it
    (storage.reviews), so the lists that read them follow corrections and rechecks."""
    conn.execute("DELETE FROM flags WHERE run_id = %s", (run_id,))
    with conn.cursor() as cur:
        cur.executemany(
            """INSERT INTO flags (run_id, position, code, severity, piece_index, field, piece_type,
                                  source, page, message, check_code)
               VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""",
            [(run_id, position, flag.code.value, flag.severity.value, flag.piece, flag.field,
              flag.piece_type, flag.source, flag.page, flag.message, flag.check)
             for position, flag in enumerate(result.flags)])


def _audit(conn: psycopg.Connection, dossier_id: int, run_id: int | None, actor: str, action: str,
           details: dict[str, Any]) -> None:
    conn.execute("INSERT INTO audit_events (dossier_id, run_id, actor, action, details) "
                 "VALUES (%s, %s, %s, %s, %s)", (dossier_id, run_id, actor, action, Jsonb(details)))


def _abandon(conn: psycopg.Connection, run_ids: list[int], actor: str) -> None:
    for run_id in run_ids:
        dossier_id = conn.execute(
            "UPDATE runs SET outcome = 'abandoned', finished_at = now(), error = %s "
            "WHERE id = %s AND outcome = 'running' RETURNING dossier_id", (ABANDONED_ERROR, run_id)).fetchone()
        if dossier_id is not None:
            _audit(conn, dossier_id[0], run_id, actor, "run_abandoned", {"error": ABANDONED_ERROR})


# --- purge (issue 6) ---------------------------------------------------------------------

# Our tables, children first: the order the rows of a purged dossier are deleted in.
# `dossiers.current_run_id` points back at runs: it is cleared before runs go.
_PURGE_ORDER = (
    ("fields", "piece_row_id IN (SELECT p.id FROM pieces p JOIN runs r ON r.id = p.run_id WHERE r.dossier_id = %s)"),
    ("pieces", "run_id IN (SELECT id FROM runs WHERE dossier_id = %s)"),
    ("flags", "run_id IN (SELECT id FROM runs WHERE dossier_id = %s)"),
    ("run_files", "run_id IN (SELECT id FROM runs WHERE dossier_id = %s)"),
    ("files", "dossier_id = %s"),
    ("audit_events", "dossier_id = %s"),
    ("runs", "dossier_id = %s"),
    ("dossiers", "id = %s"),
)


@dataclass(frozen=True)
class PurgeCandidate:
    dossier_id: int
    reference: str
    name: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class PurgedRows:
    """What a purge removed from the records, and the objects it may now delete."""

    counts: dict[str, int]  # table -> rows deleted
    unshared_keys: list[str]  # originals no other dossier's files use
    file_names: list[str]  # sources of the originals (to find staging leftovers)


def purge_candidates(records: Records, updated_before: dt.datetime) -> list[PurgeCandidate]:
    """Dossiers past retention: nothing happened to them (no run, no review) since."""
    with records.db.connection() as conn:
        rows = conn.execute("SELECT id, reference, name, updated_at FROM dossiers WHERE updated_at < %s "
                            "ORDER BY id", (updated_before,)).fetchall()
    return [PurgeCandidate(*row) for row in rows]


def purge_rows(records: Records, candidate: PurgeCandidate, audit: dict[str, Any],
               actor: str = PIPELINE_ACTOR) -> PurgedRows:
    """Delete every row of one dossier in one transaction, while holding its run lock
    (DossierBusy if a worker has it), and record `audit` plus the counts as an event of
    no dossier. Rows of other modules' tables that point at ours (reviews) go first."""
    lock = records.db.dedicated_connection()
    try:
        held = _one(lock.execute("SELECT pg_try_advisory_lock(%s, %s)",
                                 (DOSSIER_RUN_LOCK_NAMESPACE, candidate.dossier_id)))[0]
        if not held:
            raise DossierBusy("un dossier à purger est en cours de traitement ; réessayez plus tard")
        with records.db.connection() as conn, conn.transaction():
            keys_and_names = conn.execute(
                """SELECT f.object_key, f.source, f.role, EXISTS (
                       SELECT 1 FROM files o WHERE o.sha256 = f.sha256 AND o.dossier_id <> f.dossier_id)
                   FROM files f WHERE f.dossier_id = %s""", (candidate.dossier_id,)).fetchall()
            counts = {table: 0 for table, _ in _PURGE_ORDER}
            conn.execute("UPDATE dossiers SET current_run_id = NULL WHERE id = %s", (candidate.dossier_id,))
            for table, where in _PURGE_ORDER:
                for child, deleted in _delete_foreign_references(conn, table, where, candidate.dossier_id).items():
                    counts[child] = counts.get(child, 0) + deleted
                counts[table] += conn.execute(f"DELETE FROM {table} WHERE {where}",
                                              (candidate.dossier_id,)).rowcount
            # The first-reception date is kept by input name, and names are personal data.
            conn.execute("DELETE FROM received_names WHERE name = %s AND NOT EXISTS "
                         "(SELECT 1 FROM dossiers WHERE name = %s)", (candidate.name, candidate.name))
            unshared = sorted({key for key, _, _, shared in keys_and_names if not shared})
            conn.execute("INSERT INTO audit_events (dossier_id, run_id, actor, action, details) "
                         "VALUES (NULL, NULL, %s, 'dossier_purged', %s)",
                         (actor, Jsonb({**audit, "rows": counts, "objects": len(unshared)})))
    finally:
        lock.close()  # the session's advisory lock goes with it
    return PurgedRows(counts=counts, unshared_keys=unshared,
                      file_names=sorted({source for _, source, role, _ in keys_and_names if role == "original"}))


def _delete_foreign_references(conn: psycopg.Connection, table: str, where: str, dossier_id: int) -> dict[str, int]:
    """Delete the rows of tables this module does not own (the review app's) that hold a
    foreign key to the rows of `table` about to go; absent tables simply are not found."""
    ours = {name for name, _ in _PURGE_ORDER} | {"received_names"}
    references = conn.execute(
        """SELECT c.conrelid::regclass::text, a.attname, r.attname
           FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
           JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1]
           WHERE c.contype = 'f' AND c.confrelid = %s::regclass AND cardinality(c.conkey) = 1""",
        (table,)).fetchall()
    counts: dict[str, int] = {}
    for child, column, parent_column in references:
        if child in ours:
            continue
        deleted = conn.execute(
            sql.SQL("DELETE FROM {child} WHERE {column} IN (SELECT {parent_column} FROM {table} WHERE ")
            .format(child=sql.Identifier(child), column=sql.Identifier(column),
                    parent_column=sql.Identifier(parent_column), table=sql.Identifier(table))
            + sql.SQL(where + ")"), (dossier_id,)).rowcount
        counts[child] = counts.get(child, 0) + deleted
    return counts
