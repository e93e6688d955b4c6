"""The PostgreSQL connection pool and the migrations runner.

`Database.open(settings)` is the one way in: it uses DOSSIERS_DATABASE_URL when set,
else starts (or reuses) the embedded server in settings.home / "postgres", then applies
the migrations not yet recorded. Migrations are the files storage/migrations/NNNN_*.sql,
applied in name order, each recorded in `schema_migrations` with its checksum.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from types import TracebackType
from typing import Self

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo
from psycopg_pool import ConnectionPool, PoolTimeout

from models.errors import InternalError, TemporarilyUnavailable
from storage.embedded_postgres import EmbeddedPostgres
from storage.settings import Settings

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
EMBEDDED_DATABASE = "dossiers"
CONNECT_TIMEOUT_S = 15
# Advisory lock keys (first int4 of the two-key form): one namespace per purpose.
MIGRATIONS_LOCK = (0x646F, 1)
CREATE_DATABASE_LOCK = (0x646F, 2)
DOSSIER_RUN_LOCK_NAMESPACE = 0x646F + 1

# A worker holding a dossier whose machine vanishes must not keep it forever: TCP
# keepalives make the server notice a dead peer within about a minute.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}

# Faults of the services, not of the work: waiting (and reconnecting) may cure them.
# Ours are TemporarilyUnavailable (the object store, the database, a dossier busy
# elsewhere); psycopg's OperationalError covers PoolTimeout and a dropped connection.
# The CLI's retries (pipeline.recorded) and the Airflow retry policy (dags/common.py)
# both retry exactly these.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    TemporarilyUnavailable, psycopg.OperationalError, ConnectionError, TimeoutError)


class MigrationError(InternalError):
    """A recorded migration was changed: the message says what to do instead."""


class DatabaseUnavailable(TemporarilyUnavailable):
    """PostgreSQL (the configured one or the embedded server) does not answer."""


class Database:
    def __init__(self, conninfo: str, *, max_connections: int = 4) -> None:
        self.conninfo = conninfo
        # Checked when taken: after a server restart the idle connections are dead, and
        # the pool replaces them instead of handing one out to fail.
        self.pool = ConnectionPool(conninfo, min_size=1, max_size=max_connections, open=True,
                                   name="dossiers", check=ConnectionPool.check_connection,
                                   timeout=CONNECT_TIMEOUT_S)

    @classmethod
    def open(cls, settings: Settings) -> Database:
        try:
            conninfo = settings.database_url or embedded_database(settings.home)
        except psycopg.OperationalError as error:
            raise DatabaseUnavailable(f"le serveur PostgreSQL embarqué ne répond pas ({error}) ; "
                                      "`dossiers stop` puis relancez la commande") from error
        db = cls(conninfo)
        try:
            try:
                db.pool.wait(timeout=CONNECT_TIMEOUT_S)
            except PoolTimeout as error:
                raise DatabaseUnavailable(f"PostgreSQL injoignable ({error}) : vérifiez DOSSIERS_DATABASE_URL et que "
                                          "le serveur est démarré, puis relancez la commande") from error
            db.migrate()
        except BaseException:
            db.close()
            raise
        return db

    def connection(self):  # -> context manager of psycopg.Connection; commits on success
        return self.pool.connection()

    def dedicated_connection(self) -> psycopg.Connection:
        """A connection outside the pool, autocommit, for session-level advisory locks:
        closing it (or the process dying) releases them."""
        return psycopg.connect(make_conninfo(self.conninfo, **KEEPALIVES), autocommit=True)

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; return their names."""
        return apply_migrations(self, MIGRATIONS_DIR)

    def close(self) -> None:
        self.pool.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def apply_migrations(db: Database, directory: Path) -> list[str]:
    applied: list[str] = []
    with db.connection() as conn, conn.transaction():
        # Two commands starting at once: the second waits, then finds everything recorded.
        conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", MIGRATIONS_LOCK)
        conn.execute("""CREATE TABLE IF NOT EXISTS schema_migrations (
                            name       text PRIMARY KEY,
                            checksum   text NOT NULL,
                            applied_at timestamptz NOT NULL DEFAULT now())""")
        recorded = dict(conn.execute("SELECT name, checksum FROM schema_migrations").fetchall())
        for path in sorted(directory.glob("*.sql")):
            text = path.read_text()
            checksum = hashlib.sha256(text.encode()).hexdigest()
            if path.name in recorded:
                if recorded[path.name] != checksum:
                    raise MigrationError(f"migration {path.name} was changed after it was applied; "
                                         "restore it and add a new migration instead "
                                         "(a fault of this release: report it)")
                continue
            conn.execute(text)
            conn.execute("INSERT INTO schema_migrations (name, checksum) VALUES (%s, %s)",
                         (path.name, checksum))
            applied.append(path.name)
    return applied


def embedded_server(home: Path) -> EmbeddedPostgres:
    """The private server of DOSSIERS_HOME (`dossiers stop` calls its stop())."""
    return EmbeddedPostgres(home / "postgres")


def embedded_database(home: Path) -> str:
    """Start (or reuse) the embedded server and make sure our database exists in it."""
    server = embedded_server(home)
    server.start()
    create_database(server.conninfo("postgres"), EMBEDDED_DATABASE)
    return server.conninfo(EMBEDDED_DATABASE)


def create_database(admin_conninfo: str, name: str) -> None:
    """Create database `name` unless it exists. Two commands at once would both see it
    missing (and one fail with a unique violation): a lock makes the second wait."""
    with psycopg.connect(admin_conninfo, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s, %s)", CREATE_DATABASE_LOCK)
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        # the lock goes with the session
