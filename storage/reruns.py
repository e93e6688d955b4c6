"""Administrators' reruns (issue 10): each rerun asked for is a row of `reruns` that goes
requested -> running -> finished, with its outcome (the dossier's status after it, and the
error when it failed again or could not run).

Requests are idempotent in the database: the unique partial index `reruns_one_open` allows
one unfinished rerun per dossier, and a request inserts ON CONFLICT DO NOTHING, so a second
click, a second administrator or a stale page asks for nothing more.

A rerun is followed two ways. In this process, the runner marks it started and finished.
Through Airflow, the dossier's runs tell: a run started after the request (and after the
dossier's run of that moment) makes it running, and when the latest such run ends its
outcome is the rerun's (`follow`, called before every read and request).

A rerun with no sign of life for RERUN_TIMEOUT (requested, started or touched by its runner
that long ago: the process died, Airflow never ran it) is closed as abandoned, and the
dossier can be asked for again. A second rerun that meets a first one still alive waits on
the dossier's run lock: the pipeline never processes one dossier twice at once.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import psycopg

from storage.database import Database

RERUN_TIMEOUT = dt.timedelta(minutes=30)
# Finished reruns the administrators' page lists and counts.
RECENT_WINDOW = dt.timedelta(hours=24)
RECENT_LIMIT = 20

Via = Literal["in_process", "airflow"]

_COLUMNS = """q.id, d.reference, q.state, q.via, q.requested_by, q.requested_at, q.started_at,
              q.finished_at, q.outcome_status, q.outcome_error"""


@dataclass(frozen=True)
class RerunState:
    id: int
    reference: str
    state: str  # requested, running, finished
    via: str
    requested_by: str
    requested_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    outcome_status: str | None  # the dossier's status once finished
    outcome_error: str | None  # why it failed again, or could not run

    @property
    def in_progress(self) -> bool:
        return self.state != "finished"

    @property
    def since(self) -> dt.datetime:
        """When it became what it is: started, or else asked for."""
        return self.started_at or self.requested_at

    @property
    def succeeded(self) -> bool:
        return self.state == "finished" and self.outcome_error is None and self.outcome_status != "failed"


@dataclass(frozen=True)
class Queued:
    """A rerun this request created (its runner starts it)."""
    id: int
    reference: str


@dataclass(frozen=True)
class Asked:
    """What a request for one dossier did: queued a rerun, or found one in progress."""
    queued: Queued | None
    in_progress: RerunState | None


@dataclass(frozen=True)
class AskedAll:
    queued: list[Queued]
    in_progress: list[str]  # failed dossiers left alone: their rerun is under way


@dataclass(frozen=True)
class RerunCounts:
    in_progress: int
    succeeded: int  # over RECENT_WINDOW
    failed_again: int


class Reruns:
    def __init__(self, db: Database, timeout: dt.timedelta = RERUN_TIMEOUT) -> None:
        self.db = db
        self.timeout = timeout

    # -- asking -------------------------------------------------------------------------

    def request(self, reference: str, actor: str, via: Via) -> Asked | None:
        """Queue a rerun of this dossier unless one is in progress; None: no such dossier."""
        with self.db.connection() as conn, conn.transaction():
            dossier = conn.execute("SELECT id, current_run_id FROM dossiers WHERE reference = %s",
                                   (reference,)).fetchone()
            if dossier is None:
                return None
            _follow(conn, self.timeout, dossier[0])
            row = conn.execute(
                """INSERT INTO reruns (dossier_id, base_run_id, requested_by, via) VALUES (%s, %s, %s, %s)
                   ON CONFLICT (dossier_id) WHERE state <> 'finished' DO NOTHING RETURNING id""",
                (*dossier, actor, via)).fetchone()
            if row is not None:
                return Asked(Queued(row[0], reference), None)
            return Asked(None, _open_of(conn, dossier[0]))

    def request_failed(self, actor: str, via: Via) -> AskedAll:
        """Queue a rerun of every failed dossier that has none in progress."""
        with self.db.connection() as conn, conn.transaction():
            _follow(conn, self.timeout)
            queued = [Queued(*row) for row in conn.execute(
                """WITH asked AS (
                       INSERT INTO reruns (dossier_id, base_run_id, requested_by, via)
                       SELECT d.id, d.current_run_id, %s, %s FROM dossiers d WHERE d.status = 'failed'
                       ORDER BY d.reference
                       ON CONFLICT (dossier_id) WHERE state <> 'finished' DO NOTHING
                       RETURNING id, dossier_id)
                   SELECT a.id, d.reference FROM asked a JOIN dossiers d ON d.id = a.dossier_id
                   ORDER BY d.reference""", (actor, via))]
            busy = [row[0] for row in conn.execute(
                """SELECT d.reference FROM dossiers d JOIN reruns q ON q.dossier_id = d.id
                   WHERE d.status = 'failed' AND q.state <> 'finished' AND NOT q.id = ANY(%s)
                   ORDER BY d.reference""", ([q.id for q in queued],))]
        return AskedAll(queued, busy)

    def attach_dag_run(self, rerun_ids: list[int], dag_run_id: str) -> None:
        with self.db.connection() as conn:
            conn.execute("UPDATE reruns SET dag_run_id = %s WHERE id = ANY(%s)", (dag_run_id, rerun_ids))

    # -- the in-process runner ------------------------------------------------------------

    def start(self, rerun_id: int) -> bool:
        """Mark it running; False when it was closed meanwhile (timed out, and maybe asked
        for again): then its runner leaves it."""
        with self.db.connection() as conn:
            return conn.execute(
                """UPDATE reruns SET state = 'running', started_at = coalesce(started_at, now())
                   WHERE id = %s AND state <> 'finished' RETURNING id""", (rerun_id,)).fetchone() is not None

    def touch(self, rerun_ids: list[int]) -> None:
        """Reruns queued behind others are alive: their runner is working through the batch."""
        with self.db.connection() as conn:
            conn.execute("UPDATE reruns SET alive_at = now() WHERE id = ANY(%s) AND state <> 'finished'",
                         (rerun_ids,))

    def finish(self, rerun_id: int, error: str | None = None) -> None:
        """Close it with the dossier's status now; `error`: why it could not run (else, when
        the dossier failed again, its current run's error)."""
        with self.db.connection() as conn:
            conn.execute(
                """UPDATE reruns q SET state = 'finished', finished_at = now(), outcome_status = d.status,
                          outcome_error = coalesce(%s, CASE WHEN d.status = 'failed' THEN coalesce(r.error, '?') END)
                   FROM dossiers d LEFT JOIN runs r ON r.id = d.current_run_id
                   WHERE q.id = %s AND d.id = q.dossier_id AND q.state <> 'finished'""", (error, rerun_id))

    # -- reading --------------------------------------------------------------------------

    def latest(self, references: list[str]) -> dict[str, RerunState]:
        """Each dossier's latest rerun (in progress, or its last outcome)."""
        with self.db.connection() as conn, conn.transaction():
            _follow(conn, self.timeout)
            rows = conn.execute(
                f"""SELECT DISTINCT ON (q.dossier_id) {_COLUMNS} FROM reruns q
                    JOIN dossiers d ON d.id = q.dossier_id WHERE d.reference = ANY(%s)
                    ORDER BY q.dossier_id, q.id DESC""", (references,)).fetchall()
        return {row[1]: RerunState(*row) for row in rows}

    def recent(self, limit: int = RECENT_LIMIT) -> list[RerunState]:
        """Reruns in progress, then those finished within RECENT_WINDOW, latest first."""
        with self.db.connection() as conn, conn.transaction():
            _follow(conn, self.timeout)
            rows = conn.execute(
                f"""SELECT {_COLUMNS} FROM reruns q JOIN dossiers d ON d.id = q.dossier_id
                    WHERE q.state <> 'finished' OR q.finished_at > now() - %s
                    ORDER BY q.state = 'finished', coalesce(q.finished_at, q.requested_at) DESC, q.id DESC
                    LIMIT %s""", (RECENT_WINDOW, limit)).fetchall()
        return [RerunState(*row) for row in rows]

    def counts(self) -> RerunCounts:
        with self.db.connection() as conn, conn.transaction():
            _follow(conn, self.timeout)
            row = conn.execute(
                """SELECT count(*) FILTER (WHERE state <> 'finished'),
                          count(*) FILTER (WHERE state = 'finished' AND outcome_error IS NULL
                                           AND outcome_status IS DISTINCT FROM 'failed'),
                          count(*) FILTER (WHERE state = 'finished' AND (outcome_error IS NOT NULL
                                           OR outcome_status = 'failed'))
                   FROM reruns WHERE state <> 'finished' OR finished_at > now() - %s""",
                (RECENT_WINDOW,)).fetchone()
        return RerunCounts(*row)


def _open_of(conn: psycopg.Connection, dossier_id: int) -> RerunState | None:
    row = conn.execute(f"""SELECT {_COLUMNS} FROM reruns q JOIN dossiers d ON d.id = q.dossier_id
                           WHERE q.dossier_id = %s AND q.state <> 'finished'""", (dossier_id,)).fetchone()
    return RerunState(*row) if row else None


def _follow(conn: psycopg.Connection, timeout: dt.timedelta, dossier_id: int | None = None) -> None:
    """Bring unfinished reruns up to date from the dossiers' runs (reruns done by Airflow's
    workers), then close those without a sign of life for `timeout`."""
    params = {"dossier": dossier_id, "timeout": timeout, "minutes": int(timeout.total_seconds() // 60)}
    # Each unfinished rerun's latest run started after it was asked for: its own (or one
    # that did its work, such as a new submission of the dossier).
    latest_runs = """WITH latest AS (
        SELECT DISTINCT ON (q.id) q.id AS rerun_id, r.outcome, r.error, r.started_at, r.finished_at
        FROM reruns q JOIN runs r ON r.dossier_id = q.dossier_id AND r.id > coalesce(q.base_run_id, 0)
                                 AND r.started_at >= q.requested_at
        WHERE q.state <> 'finished' AND (%(dossier)s::int IS NULL OR q.dossier_id = %(dossier)s)
        ORDER BY q.id, r.id DESC)"""
    conn.execute(f"""{latest_runs}
        UPDATE reruns q SET state = 'running', started_at = latest.started_at FROM latest
        WHERE q.id = latest.rerun_id AND q.state = 'requested' AND latest.outcome = 'running'""", params)
    conn.execute(f"""{latest_runs}
        UPDATE reruns q SET state = 'finished', finished_at = latest.finished_at, outcome_status = d.status,
               outcome_error = CASE WHEN latest.outcome <> 'completed' THEN coalesce(latest.error, latest.outcome) END
        FROM latest, dossiers d
        WHERE q.id = latest.rerun_id AND d.id = q.dossier_id AND latest.outcome <> 'running'""", params)
    conn.execute(
        """UPDATE reruns q SET state = 'finished', finished_at = now(), outcome_status = d.status,
                  outcome_error = 'abandonné : sans nouvelles du retraitement depuis '
                                  || (%(minutes)s::int) || ' minutes'
           FROM dossiers d
           WHERE d.id = q.dossier_id AND q.state <> 'finished'
             AND greatest(q.requested_at, q.started_at, q.alive_at) < now() - %(timeout)s
             AND (%(dossier)s::int IS NULL OR q.dossier_id = %(dossier)s)""", params)
