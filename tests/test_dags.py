"""The Airflow DAGs: they parse without touching a database, every task retries,
and a dossier dropped in the inbox ends, through `dag.test()` on a real Airflow,
with the same result as `dossiers process` gives."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from synth import generate_dossier

PROJECT = Path(__file__).parents[1]
DAGS = PROJECT / "dags"


def airflow_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    home = tmp_path / "airflow"
    home.mkdir(exist_ok=True)
    return {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        **extra,
    }


def test_dagbag_parses_without_a_database(tmp_path: Path) -> None:
    script = f"""
import json
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(dag_folder={str(DAGS)!r})
print(json.dumps({{
    "errors": {{k: str(v) for k, v in bag.import_errors.items()}},
    "dags": {{d.dag_id: {{"tags": sorted(d.tags), "tasks": {{t.task_id: [t.retries, t.retry_exponential_backoff,
              t.on_failure_callback is not None] for t in d.tasks}}}} for d in bag.dags.values()}},
}}))
"""
    # A database that cannot exist: parsing must not need one.
    env = airflow_env(tmp_path, AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="sqlite:////nonexistent-dir/airflow.db")
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["errors"] == {}
    assert set(report["dags"]) == {"dossier_intake", "dossier_rerun"}
    for dag in report["dags"].values():
        assert "dossiers" in dag["tags"]
        for task_id, (retries, backoff, callback) in dag["tasks"].items():
            assert retries >= 1 and backoff and callback, task_id


def test_dag_files_import_nothing_heavy(tmp_path: Path) -> None:
    script = f"""
import sys, runpy
runpy.run_path({str(DAGS / 'dossier_intake.py')!r})
runpy.run_path({str(DAGS / 'dossier_rerun.py')!r})
heavy = [m for m in ("cv2", "pytesseract", "spacy", "pdfplumber", "pypdfium2", "minio", "extractors.reading",
                     "pipeline.tasks", "numpy") if m in sys.modules]
print(heavy)
"""
    proc = subprocess.run([sys.executable, "-c", script], env=airflow_env(tmp_path), capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def airflow_with_inbox(tmp_path: Path, cli_env: dict[str, str], dossier: Path) -> tuple[dict[str, str], Path]:
    """A migrated Airflow environment on the test's database, with `dossier` in its inbox."""
    env = airflow_env(tmp_path, DOSSIERS_INTAKE_SCHEDULE="none", DOSSIERS_INBOX_QUIET_SECONDS="0",
                      DOSSIERS_HOME=cli_env["DOSSIERS_HOME"], DOSSIERS_DATABASE_URL=cli_env["DOSSIERS_DATABASE_URL"])
    migrate = subprocess.run([sys.executable, "-m", "airflow", "db", "migrate"], env=env, capture_output=True,
                             text=True, timeout=300)
    assert migrate.returncode == 0, migrate.stderr[-3000:]
    inbox = Path(cli_env["DOSSIERS_HOME"]) / "inbox"
    inbox.mkdir(parents=True)
    if dossier.is_dir():
        shutil.copytree(dossier, inbox / dossier.name)
    else:  # a zip or a merged PDF
        shutil.copy(dossier, inbox / dossier.name)
    return env, inbox


def run_dag(env: dict[str, str], dag_id: str, conf: dict | None = None) -> dict:
    argv = [sys.executable, str(PROJECT / "tests" / "dag_runner.py"), dag_id]
    if conf is not None:
        argv.append(json.dumps(conf))
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600, cwd=PROJECT)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def without_timings(document: dict) -> dict:
    return {k: v for k, v in document.items() if k not in ("timings_ms", "runs", "history")}


@pytest.mark.slow
def test_intake_dag_gives_the_cli_result(tmp_path: Path, cli_env: dict[str, str], database_url: str) -> None:
    # born digital bar its identity document (OCR'd, MRZ read): the page tasks' OCR against the command line's is
    # compared on scans and photos by test_scale_out.py
    dossier = generate_dossier(seed=7, shape="folder", out_dir=tmp_path / "gen", manifest=True, scan_ratio=0.0)
    env, inbox = airflow_with_inbox(tmp_path, cli_env, dossier.path)

    run = run_dag(env, "dossier_intake")
    assert run["state"] == "success", run
    assert not any(inbox.iterdir()), "a taken dossier leaves the inbox"
    reference = dossier.truth["reference"]
    from_dag = json.loads(subprocess.run([sys.executable, "-m", "pipeline.cli", "show", reference, "--json"],
                                         env=cli_env, capture_output=True, text=True).stdout)

    # The same dossier through the command line, in a home and an embedded database of its own.
    cli_home = {k: v for k, v in cli_env.items() if k != "DOSSIERS_DATABASE_URL"}
    cli_home["DOSSIERS_HOME"] = str(tmp_path / "cli-home")
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "process", str(dossier.path)], env=cli_home,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    from_cli = json.loads(proc.stdout)
    subprocess.run([sys.executable, "-m", "pipeline.cli", "stop"], env=cli_home, capture_output=True, timeout=60)
    assert without_timings(from_dag) == without_timings(from_cli)

    # An administrator's rerun through the rerun DAG adds a run with the same result.
    rerun = run_dag(env, "dossier_rerun", {"references": [reference], "failed": False})
    assert rerun["state"] == "success", rerun
    shown = json.loads(subprocess.run([sys.executable, "-m", "pipeline.cli", "show", reference, "--json"],
                                      env=cli_env, capture_output=True, text=True).stdout)
    assert [r["outcome"] for r in shown["runs"]][-1] == "completed"
    assert without_timings(shown) == without_timings(from_cli)


REFUSE_DOSSIER = """
CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.reference = {reference} THEN RAISE EXCEPTION 'poison pill refused'; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER poison BEFORE INSERT OR UPDATE ON dossiers FOR EACH ROW EXECUTE FUNCTION refuse_poison();
"""
REFUSE_RESULT = """
DROP TRIGGER poison ON dossiers;
CREATE FUNCTION refuse_poison_result() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.outcome = 'completed' AND NEW.dossier_id IN (SELECT id FROM dossiers WHERE reference = {reference}) THEN
        RAISE EXCEPTION 'poison pill result refused';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER poison_result BEFORE UPDATE ON runs FOR EACH ROW EXECUTE FUNCTION refuse_poison_result();
"""


@pytest.mark.slow
def test_a_poison_pill_dossier_stays_in_the_inbox_until_its_failure_is_recorded(
        tmp_path: Path, cli_env: dict[str, str], database_url: str) -> None:
    """A dossier the database refuses (a trigger stands for any value PostgreSQL rejects):
    while not even its failure can be recorded, its inbox entry stays for the next
    cycle; once its failed run is recorded, it is in the administrators' failed list
    and only then leaves the inbox."""
    import psycopg
    from psycopg import sql

    from storage.database import Database

    dossier = generate_dossier(seed=21, shape="folder", out_dir=tmp_path / "gen", manifest=False, scan_ratio=0.0)
    reference = dossier.truth["reference"]
    env, inbox = airflow_with_inbox(tmp_path, cli_env, dossier.path)
    env["DOSSIERS_DAG_RETRIES"] = "0"
    with Database(database_url) as db:
        db.migrate()
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(sql.SQL(REFUSE_DOSSIER).format(reference=sql.Literal(reference)))

    def listed(status: str | None = None) -> list[str]:
        argv = [sys.executable, "-m", "pipeline.cli", "list", "--json", *(["--status", status] if status else [])]
        shown = subprocess.run(argv, env=cli_env, capture_output=True, text=True, timeout=120)
        return [row["reference"] for row in json.loads(shown.stdout)]

    # Nothing about the dossier can be recorded: the run fails, the dossier stays in the inbox.
    first = run_dag(env, "dossier_intake")
    assert first["state"] == "failed", first
    assert [p.name for p in inbox.iterdir()] == [dossier.path.name]
    assert reference not in listed()

    # Its result is still refused, but its failure can be recorded: failed list, inbox empty.
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(sql.SQL(REFUSE_RESULT).format(reference=sql.Literal(reference)))
    second = run_dag(env, "dossier_intake")
    assert reference in listed("failed"), second
    assert not any(inbox.iterdir()), "a dossier whose failure is recorded leaves the inbox"
    shown = subprocess.run([sys.executable, "-m", "pipeline.cli", "show", reference, "--json"], env=cli_env,
                           capture_output=True, text=True, timeout=120)
    assert "poison pill result refused" in json.loads(shown.stdout)["error"]
