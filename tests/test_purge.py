"""`dossiers purge --older-than DAYS` (issue 6): a dossier past retention loses its rows,
its review rows, the originals only it used and their page caches; what other dossiers
share stays; one audit event without personal data remains."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.opaque import opaque_id
from pipeline.purge import purge_older_than
from pipeline.recorded import Services, process_and_record
from storage.database import Database
from storage.local_objects import LocalObjectStore
from storage.records import Records
from tests.builders import text_pdf

PROJECT = Path(__file__).parents[1]
NOW = dt.datetime(2027, 6, 1, tzinfo=dt.UTC)
TODAY = dt.date(2026, 3, 1)
OUR_TABLES = ("runs", "files", "pieces", "flags", "fields", "run_files", "audit_events")


def contract(path: Path, who: str) -> Path:
    return text_pdf(path, [["CONTRAT DE TRAVAIL", "Contrat à durée indéterminée", f"Entre la société et {who}",
                            "Le salarié est engagé en qualité de cuisinier à temps complet."]])


@pytest.fixture
def services(database: Database, tmp_path: Path) -> Services:
    return Services(store=LocalObjectStore(tmp_path / "objects"), records=Records(database), db=database)


def make_dossiers(root: Path) -> dict[str, Path]:
    """OLD_DUPONT_Jean: its own contract and a CV it shares (same bytes) with KEPT_MARTIN."""
    old, kept = root / "OLD_DUPONT_Jean", root / "KEPT_MARTIN"
    old.mkdir(parents=True)
    kept.mkdir()
    contract(old / "contrat_DUPONT.pdf", "Jean DUPONT")
    contract(kept / "contrat_MARTIN.pdf", "Paul MARTIN")
    contract(old / "cv.pdf", "CV commun")
    shutil.copy(old / "cv.pdf", kept / "cv.pdf")
    return {"old": old, "kept": kept}


def count(db: Database, table: str, where: str = "TRUE", params: tuple = ()) -> int:
    with db.connection() as conn:
        return conn.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]


def age(db: Database, reference: str, days: int) -> None:
    with db.connection() as conn:
        conn.execute("UPDATE dossiers SET updated_at = %s WHERE reference = %s",
                     (NOW - dt.timedelta(days=days), reference))


def add_review(db: Database, reference: str) -> None:
    with db.connection() as conn:
        conn.execute("INSERT INTO reviews (dossier_id, run_id, decision, decided_by, message) "
                     "SELECT id, current_run_id, 'rejected', 'agent', 'pièce manquante' FROM dossiers "
                     "WHERE reference = %s", (reference,))


def test_purge_removes_an_old_dossier_and_only_what_it_alone_used(services: Services, database: Database,
                                                                   tmp_path: Path) -> None:
    paths = make_dossiers(tmp_path / "in")
    for path in paths.values():
        process_and_record(path, services, today=TODAY, as_of=TODAY)
    process_and_record(paths["old"], services, today=TODAY, as_of=TODAY)  # a second run
    add_review(database, "OLD_DUPONT_Jean")
    add_review(database, "KEPT_MARTIN")
    age(database, "OLD_DUPONT_Jean", 400)
    age(database, "KEPT_MARTIN", 10)
    store = services.store
    originals_before = set(store.list_keys("originals/"))
    derived_before = set(store.list_keys("derived/"))
    assert len(originals_before) == 3 and derived_before
    kept_rows = {t: count(database, t) for t in OUR_TABLES}

    report = purge_older_than(services, 365, now=NOW)

    assert report.purged == [opaque_id("OLD_DUPONT_Jean")] and report.busy == []
    # Rows: none left of the old dossier, all of the kept one.
    assert count(database, "dossiers", "reference = %s", ("OLD_DUPONT_Jean",)) == 0
    assert count(database, "received_names", "name = %s", ("OLD_DUPONT_Jean",)) == 0
    assert count(database, "reviews") == 1
    kept = services.records.current_result("KEPT_MARTIN")
    assert kept is not None and [p.source for p in kept.pieces] == ["contrat_MARTIN.pdf", "cv.pdf"]
    for table in ("runs", "files", "pieces", "flags", "fields", "run_files"):
        assert count(database, table) < kept_rows[table] or kept_rows[table] == 0, table
    with database.connection() as conn:
        orphans = conn.execute("SELECT count(*) FROM runs r LEFT JOIN dossiers d ON d.id = r.dossier_id "
                               "WHERE d.id IS NULL").fetchone()[0]
    assert orphans == 0
    # Objects: the old contract and its page cache are gone; the shared CV stays, cache and all.
    originals_after = set(store.list_keys("originals/"))
    assert len(originals_after) == 2 and originals_after < originals_before
    gone_sha = (originals_before - originals_after).pop().rsplit("/", 1)[-1]
    assert not list(store.list_keys(f"derived/{gone_sha}/"))
    for key in originals_after:
        assert list(store.list_keys(f"derived/{key.rsplit('/', 1)[-1]}/")), key
    assert report.objects == 1 + len([k for k in derived_before if gone_sha in k])
    # One audit event, without personal data.
    with database.connection() as conn:
        events = conn.execute("SELECT actor, details FROM audit_events WHERE action = 'dossier_purged'").fetchall()
    assert len(events) == 1
    details = events[0][1]
    assert details["dossier"] == opaque_id("OLD_DUPONT_Jean") and details["rows"]["runs"] == 2
    assert details["rows"]["reviews"] == 1 and details["objects"] == 1
    assert "DUPONT" not in json.dumps(details).upper()
    # A second purge finds nothing more to do.
    assert purge_older_than(services, 365, now=NOW).purged == []


def test_a_dossier_being_processed_is_left_for_later(services: Services, database: Database, tmp_path: Path) -> None:
    paths = make_dossiers(tmp_path / "in")
    process_and_record(paths["kept"], services, today=TODAY, as_of=TODAY)
    age(database, "KEPT_MARTIN", 400)
    with services.records.begin_run("KEPT_MARTIN", name="KEPT_MARTIN", pipeline_version="test") as run:
        report = purge_older_than(services, 365, now=NOW)
        run.close()
    assert report.busy == [opaque_id("KEPT_MARTIN")] and report.purged == []
    assert count(database, "dossiers") == 1


def test_dry_run_deletes_nothing(services: Services, database: Database, tmp_path: Path) -> None:
    paths = make_dossiers(tmp_path / "in")
    process_and_record(paths["old"], services, today=TODAY, as_of=TODAY)
    age(database, "OLD_DUPONT_Jean", 400)
    report = purge_older_than(services, 365, now=NOW, dry_run=True)
    assert len(report.purged) == 1 and count(database, "dossiers") == 1


def test_purge_command(tmp_path: Path, cli_env: dict[str, str]) -> None:
    paths = make_dossiers(tmp_path / "in")
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "process", str(paths["old"]), str(paths["kept"]),
                          "--as-of", "2026-03-01", "--out-dir", str(tmp_path / "out")],
                         env=cli_env, capture_output=True, text=True, cwd=PROJECT, timeout=300)
    assert run.returncode == 0, run.stderr
    with Database(cli_env["DOSSIERS_DATABASE_URL"]) as db, db.connection() as conn:
        conn.execute("UPDATE dossiers SET updated_at = now() - interval '100 days' "
                     "WHERE reference = 'OLD_DUPONT_Jean'")
    purge = subprocess.run([sys.executable, "-m", "pipeline.cli", "purge", "--older-than", "90"],
                           env=cli_env, capture_output=True, text=True, cwd=PROJECT, timeout=300)
    assert purge.returncode == 0, purge.stderr
    assert "purgés : 1" in purge.stdout and "DUPONT" not in purge.stdout + purge.stderr
    listed = subprocess.run([sys.executable, "-m", "pipeline.cli", "list", "--json"],
                            env=cli_env, capture_output=True, text=True, cwd=PROJECT, timeout=300)
    assert [d["reference"] for d in json.loads(listed.stdout)] == ["KEPT_MARTIN"]
    usage = subprocess.run([sys.executable, "-m", "pipeline.cli", "purge"], env=cli_env, capture_output=True,
                           text=True, cwd=PROJECT, timeout=60)
    assert usage.returncode == 2
