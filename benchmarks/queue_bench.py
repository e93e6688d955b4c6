"""Queue page benchmark (issue 5; not a test): 10,000 dossiers in a fresh database, then
the time the app takes to serve the queue page, as an administrator (the fullest page:
ready, incomplete and failed lists), median and p95.

    python benchmarks/queue_bench.py [--dossiers 10000] [--requests 60]

Uses the embedded PostgreSQL server in a temporary directory, or DOSSIERS_TEST_DATABASE_URL
(a server where it may create a database). Target: under 150 ms at the median."""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fastapi.testclient import TestClient  # noqa: E402

from pipeline.recorded import Services  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.embedded_postgres import EmbeddedPostgres  # noqa: E402
from storage.local_objects import LocalObjectStore  # noqa: E402
from storage.records import Records  # noqa: E402
from storage.users import Users  # noqa: E402
from web.app import create_app  # noqa: E402

PASSWORD = "bench-password"

# One statement per table, the shape the pipeline records: ~80 % ready for review, ~15 %
# incomplete (a blocking flag), ~5 % failed; 0 to 3 warnings each.
FILL = [
    """INSERT INTO dossiers (reference, name, procedure, procedure_source, submitted_at, first_received_at, status)
       SELECT 'BENCH-' || lpad(n::text, 6, '0'), 'bench' || n,
              (ARRAY['introduction_salarie','changement_statut','renouvellement','stage'])[1 + n %% 4], 'manifest',
              date '2025-01-01' + (n * 7919 %% 500), date '2025-01-01' + (n * 7919 %% 500),
              CASE WHEN n %% 20 = 0 THEN 'failed' WHEN n %% 7 = 0 THEN 'incomplete' ELSE 'ready_for_review' END
       FROM generate_series(1, %(count)s) AS n""",
    """INSERT INTO runs (dossier_id, pipeline_version, finished_at, outcome, error, result)
       SELECT id, 'bench', now(), CASE WHEN status = 'failed' THEN 'failed' ELSE 'completed' END,
              CASE WHEN status = 'failed' THEN 'TimeoutError: object store' END,
              jsonb_build_object('schema_version', '1', 'status', status, 'pieces', '[]'::jsonb, 'flags', '[]'::jsonb)
       FROM dossiers""",
    "UPDATE dossiers d SET current_run_id = r.id FROM runs r WHERE r.dossier_id = d.id",
    """INSERT INTO flags (run_id, position, code, severity, message)
       SELECT r.id, k, 'registration_too_old', 'warning', 'L''extrait Kbis date de plus de 3 mois.'
       FROM runs r CROSS JOIN generate_series(0, 2) AS k WHERE k < r.dossier_id %% 4""",
    """INSERT INTO flags (run_id, position, code, severity, message)
       SELECT r.current_run_id, 10, 'missing_piece', 'blocking', 'Pièce manquante : passeport.'
       FROM dossiers r WHERE r.status = 'incomplete'""",
    "ANALYZE",
]  # run with parameters, hence SQL's modulo written %%


def fill(db: Database, count: int) -> None:
    with db.connection() as conn:
        for statement in FILL:
            conn.execute(statement, {"count": count})


def measure(client: TestClient, path: str, requests: int) -> list[float]:
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return timings


def report(label: str, timings: list[float]) -> None:
    ordered = sorted(timings)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(f"{label:<38} median {statistics.median(ordered):6.1f} ms   p95 {p95:6.1f} ms   ({len(ordered)} requests)")


def run(admin_conninfo: str, count: int, requests: int, workdir: Path) -> None:
    name = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_conninfo, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        with Database(make_conninfo(admin_conninfo, dbname=name)) as db:
            db.migrate()
            started = time.perf_counter()
            fill(db, count)
            print(f"{count} dossiers inserted in {time.perf_counter() - started:.1f} s")
            Users(db).add("bench", "admin", PASSWORD)
            services = Services(store=LocalObjectStore(workdir / "objects"), records=Records(db), db=db)
            with TestClient(create_app(services), base_url="https://testserver") as client:
                form = client.get("/login").text
                token = form.split('name="csrf_token" value="')[1].split('"')[0]
                client.post("/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token})
                measure(client, "/", 5)  # warm-up: connections, templates
                report("queue page (admin)", measure(client, "/", requests))
                report("queue page, procedure=stage", measure(client, "/?procedure=stage", requests))
                report("queue page, with warnings, page 20", measure(client, "/?avertissements=oui&page=20", requests))
    finally:
        with psycopg.connect(admin_conninfo, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="queue-bench-") as workdir:
        configured = os.environ.get("DOSSIERS_TEST_DATABASE_URL")
        if configured:
            run(configured, args.dossiers, args.requests, Path(workdir))
            return 0
        server = EmbeddedPostgres(Path(workdir) / "postgres", durable=False)
        server.start()
        try:
            run(server.conninfo("postgres"), args.dossiers, args.requests, Path(workdir))
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
