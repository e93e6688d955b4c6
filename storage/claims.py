"""Claims (issue 10): the agent who opens a dossier to review it holds it, so that two
agents never decide the same one. A claim records who and since when, and lapses after
CLAIM_IDLE without activity (opening the page again, deciding): a dossier left open
comes back to the others.

Taking a claim is one conditional statement (INSERT ... ON CONFLICT DO UPDATE ... WHERE
the holder is the same agent or the claim has lapsed): of two agents racing for a free
dossier, the database lets exactly one win, and the other is told who holds it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import psycopg

from storage.database import Database
from storage.records import _audit

CLAIM_IDLE = dt.timedelta(minutes=30)
PARIS = ZoneInfo("Europe/Paris")

# Takes the dossier for `agent` unless another agent's live claim holds it; a claim of the
# same agent is refreshed (its start kept). Returns the holder after the statement: when
# the condition failed no row comes back, and the live claim is read separately.
_TAKE = """
INSERT INTO claims AS c (dossier_id, holder, claimed_at, active_at)
VALUES (%(dossier)s, %(agent)s, now(), now())
ON CONFLICT (dossier_id) DO UPDATE
   SET holder = excluded.holder, active_at = excluded.active_at,
       claimed_at = CASE WHEN c.holder = excluded.holder AND c.active_at > now() - %(idle)s
                         THEN c.claimed_at ELSE excluded.claimed_at END
 WHERE c.holder = excluded.holder OR c.active_at <= now() - %(idle)s
RETURNING holder, claimed_at, claimed_at = now() AS fresh"""


@dataclass(frozen=True)
class Claim:
    holder: str
    since: dt.datetime
    mine: bool  # held by the agent who asked

    @property
    def at(self) -> str:
        """When it was taken, `14:05` in Paris."""
        return paris_time(self.since)


def paris_time(moment: dt.datetime) -> str:
    """`14:05`, the hour agents read (the database keeps UTC)."""
    return f"{moment.astimezone(PARIS):%H:%M}"


def take(conn: psycopg.Connection, dossier_id: int, agent: str) -> Claim:
    """Claim the dossier for `agent` in the caller's transaction, or learn who holds it.
    Run inside the transaction that decides, it holds the dossier for the decision."""
    row = conn.execute(_TAKE, {"dossier": dossier_id, "agent": agent, "idle": CLAIM_IDLE}).fetchone()
    if row is not None:
        if row[2]:  # a claim begins (not a refresh): the history says who took the dossier
            _audit(conn, dossier_id, None, agent, "claim_taken", {})
        return Claim(row[0], row[1], True)
    holder, since = conn.execute("SELECT holder, claimed_at FROM claims WHERE dossier_id = %s",
                                 (dossier_id,)).fetchone()
    return Claim(holder, since, holder == agent)


def release_in(conn: psycopg.Connection, dossier_id: int, agent: str) -> bool:
    """Give the dossier back, in the caller's transaction (a decision releases it)."""
    return conn.execute("DELETE FROM claims WHERE dossier_id = %s AND holder = %s",
                        (dossier_id, agent)).rowcount > 0


class Claims:
    def __init__(self, db: Database) -> None:
        self.db = db

    def claim(self, reference: str, agent: str) -> Claim | None:
        """Open a dossier to review it: the agent's claim (taken or refreshed), or the
        other agent's who holds it. None when no such dossier."""
        with self.db.connection() as conn:
            row = conn.execute("SELECT id FROM dossiers WHERE reference = %s", (reference,)).fetchone()
            return take(conn, row[0], agent) if row else None

    def release(self, reference: str, agent: str) -> bool:
        """The holder gives the dossier back; False when `agent` held no claim on it."""
        with self.db.connection() as conn:
            row = conn.execute("SELECT id FROM dossiers WHERE reference = %s", (reference,)).fetchone()
            released = bool(row) and release_in(conn, row[0], agent)
            if released:  # (a decision releases too, and its own event says so)
                _audit(conn, row[0], None, agent, "claim_released", {})
            return released

    def holder(self, reference: str) -> Claim | None:
        """The live claim on a dossier, seen by nobody in particular (mine is False)."""
        with self.db.connection() as conn:
            row = conn.execute(
                """SELECT c.holder, c.claimed_at FROM claims c JOIN dossiers d ON d.id = c.dossier_id
                   WHERE d.reference = %s AND c.active_at > now() - %s""", (reference, CLAIM_IDLE)).fetchone()
        return Claim(row[0], row[1], False) if row else None
