"""Personal data (issue 6): no holder's name, document number or date of birth in the
logs at the default level, from the command line or in Airflow's task logs and XCom.
The generated dossiers carry no manifest, so their reference is their folder name,
which holds the holder's name, like most of their file names."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from pipeline.opaque import opaque_id, seal, unseal
from synth import generate_dossier
from tests.test_dags import airflow_with_inbox

PROJECT = Path(__file__).parents[1]
NAME_FIELDS = ("surname", "given_names", "employee_surname", "employee_given_names", "holder_surname",
               "holder_given_names", "intern_surname", "intern_given_names")


def fold(text: str) -> str:
    """Upper case without accents: how names also appear in file names and MRZs."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).upper()


def secrets_of(truth: dict) -> set[str]:
    """What must never be logged: the reference (made of a name), names, document
    numbers and dates of birth, in the forms they are written."""
    found = {truth["reference"]}
    for piece in truth["pieces"]:
        fields = piece["fields"]
        for name in NAME_FIELDS:
            if fields.get(name):
                found |= {fields[name], fold(fields[name])}
                found |= {part for part in fold(fields[name]).replace("-", " ").split() if len(part) >= 4}
        if fields.get("document_number"):
            found.add(fields["document_number"])
        if fields.get("date_of_birth"):
            born = dt.date.fromisoformat(fields["date_of_birth"])
            found |= {born.isoformat(), born.strftime("%d/%m/%Y")}
    return {s for s in found if s}


def leaks(text: str, secrets: set[str]) -> list[str]:
    folded = fold(text)
    return sorted(s for s in secrets if fold(s) in folded)


def test_opaque_ids_are_stable_and_sealed_names_come_back() -> None:
    assert opaque_id("dossier_DUPONT_Jean") == opaque_id("dossier_DUPONT_Jean")
    assert opaque_id("dossier_DUPONT_Jean") != opaque_id("dossier_DUPONT_Jeanne")
    assert "DUPONT" not in opaque_id("dossier_DUPONT_Jean")
    token = seal("dossier_DUPONT_Jean.zip")
    assert "DUPONT" not in token and unseal(token) == "dossier_DUPONT_Jean.zip"


@pytest.mark.parametrize("verbose", [[], ["-v"]], ids=["default", "verbose"])
def test_command_line_logs_no_personal_data(tmp_path: Path, cli_env: dict[str, str], verbose: list[str]) -> None:
    """Also with -v: the project's debug lines name dossiers opaquely, and the libraries'
    debug output (pdfminer's is full of the documents' text) stays off."""
    dossiers = [generate_dossier(seed=seed, shape=shape, out_dir=tmp_path / "gen", manifest=False, scan_ratio=0.0)
                for seed, shape in ((11, "folder"), (12, "zip"))]
    secrets = set().union(*(secrets_of(d.truth) for d in dossiers))
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", *verbose, "process", *(str(d.path) for d in dossiers),
                           "--out-dir", str(tmp_path / "out")],
                          env=cli_env, capture_output=True, text=True, cwd=PROJECT, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    # The results themselves hold the data, as they must; the logs must not.
    results = " ".join(p.read_text() for p in (tmp_path / "out").glob("*.json"))
    assert leaks(results, secrets), "the test dossiers hold no personal data to look for"
    assert leaks(proc.stdout + proc.stderr, secrets) == []
    if verbose:
        assert "pdfminer" not in proc.stderr and len(proc.stderr) < 200_000, len(proc.stderr)


@pytest.mark.slow
def test_airflow_task_logs_and_xcom_hold_no_personal_data(tmp_path: Path, cli_env: dict[str, str]) -> None:
    dossier = generate_dossier(seed=13, shape="folder", out_dir=tmp_path / "gen", manifest=False, scan_ratio=0.0)
    secrets = secrets_of(dossier.truth)
    env, _ = airflow_with_inbox(tmp_path, cli_env, dossier.path)

    argv = [sys.executable, str(PROJECT / "tests" / "dag_runner.py"), "dossier_intake"]
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=900, cwd=PROJECT)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    run = json.loads(proc.stdout.strip().splitlines()[-1])
    assert run["state"] == "success", run

    home = Path(env["AIRFLOW_HOME"])
    task_logs = [p for p in (home / "logs").rglob("*") if p.is_file()]
    logged = proc.stdout + proc.stderr + "".join(p.read_text(errors="replace") for p in task_logs)
    xcom = xcom_values(home / "airflow.db")
    # dag.test() runs the tasks in its own process and logs there; a scheduler writes files.
    assert "Done. Returned value" in logged and "receipt" in xcom, "nothing was looked at"
    assert leaks(logged, secrets) == [], [str(p) for p in task_logs]
    assert leaks(xcom, secrets) == []
    # The dossier was processed all the same, under its real reference.
    shown = subprocess.run([sys.executable, "-m", "pipeline.cli", "show", dossier.truth["reference"], "--json"],
                           env=cli_env, capture_output=True, text=True, timeout=120)
    assert json.loads(shown.stdout)["dossier"]["reference"] == dossier.truth["reference"]


def xcom_values(database: Path) -> str:
    """Every XCom value and rendered task argument Airflow keeps, as text."""
    import sqlite3

    with sqlite3.connect(database) as conn:
        rows = conn.execute("SELECT value FROM xcom").fetchall()
        rendered = conn.execute("SELECT rendered_fields FROM rendered_task_instance_fields").fetchall()
    return " ".join(str(v) for (v,) in rows + rendered)
