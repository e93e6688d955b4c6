"""Results stored under contract v1 stay readable after the v2 migration; a rerun brings
the dossier to v2 and its history keeps both runs."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import psycopg
from psycopg.types.json import Jsonb

from models import DossierResult
from storage.database import MIGRATIONS_DIR, Database, apply_migrations
from tests.builders import text_pdf
from tests.test_cli import SCHEMA_PATH, run_cli

V1_RESULT = {
    "schema_version": "1",
    "dossier": {"reference": "2025-OLD-000001", "procedure": "introduction_salarie",
                "procedure_source": "manifest", "submitted_at": "2025-03-03"},
    "status": "incomplete",
    "pieces": [{"id": "abc", "source": "kbis.pdf", "pages": [1], "type": "company_registration",
                "confidence": 0.9, "fields": {"company_name": "ALPHA", "siren": "732829320",
                                              "extract_date": "2025-02-01"}}],
    "flags": [{"code": "missing_piece", "severity": "blocking", "piece": None, "piece_type": "passport",
               "message": "Pièce manquante : passeport."}],
    "timings_ms": {},
    "error": None,
}


def test_migration_marks_runs_written_before_v2_as_v1(database_url: str, tmp_path: Path) -> None:
    before_v2 = tmp_path / "migrations"
    before_v2.mkdir()
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        if path.name < "0005":
            shutil.copy(path, before_v2)
    with Database(database_url) as db:
        apply_migrations(db, before_v2)
        with db.connection() as conn:
            dossier = conn.execute(
                "INSERT INTO dossiers (reference, name, first_received_at) VALUES (%s, %s, %s) RETURNING id",
                ("2025-OLD-000001", "old", "2025-03-03")).fetchone()[0]
            conn.execute(
                "INSERT INTO runs (dossier_id, pipeline_version, finished_at, outcome, result) "
                "VALUES (%s, 'v1', now(), 'completed', %s)", (dossier, Jsonb(V1_RESULT)))
        assert "0005_contract_v2.sql" in db.migrate()
        with db.connection() as conn:
            assert conn.execute("SELECT schema_version, labour_market_test FROM runs").fetchall() == [("1", None)]
    # A v1 document still reads into the model, as it was written.
    assert DossierResult.model_validate(V1_RESULT).schema_version == "1"


def _downgrade_to_v1(database_url: str, reference: str) -> None:
    """Make the dossier's stored run look as a v1 pipeline wrote it."""
    with psycopg.connect(database_url) as conn:
        conn.execute(
            """UPDATE runs SET schema_version = '1', labour_market_test = NULL,
                      result = (result - 'labour_market_test' - 'checked_against')
                               || '{"schema_version": "1"}'::jsonb
               WHERE dossier_id = (SELECT id FROM dossiers WHERE reference = %s)""", (reference,))


def test_a_v1_result_is_shown_then_a_rerun_brings_it_to_v2(tmp_path: Path, cli_env: dict[str, str],
                                                           database_url: str) -> None:
    folder = tmp_path / "in" / "OLD"
    folder.mkdir(parents=True)
    (folder / "dossier.json").write_text(json.dumps(
        {"reference": "2025-OLD-000002", "procedure": "introduction_salarie", "submitted_at": "2026-02-02"}))
    text_pdf(folder / "contrat.pdf", [["CONTRAT DE TRAVAIL", "Contrat à durée indéterminée"]])
    assert run_cli(cli_env, "process", str(folder), "--out-dir", str(tmp_path / "out")).returncode == 0
    _downgrade_to_v1(database_url, "2025-OLD-000002")

    shown = json.loads(run_cli(cli_env, "show", "2025-OLD-000002", "--json").stdout)
    assert shown["schema_version"] == "1"
    assert [r["schema_version"] for r in shown["runs"]] == ["1"]
    assert "v1" in run_cli(cli_env, "show", "2025-OLD-000002").stdout

    rerun = run_cli(cli_env, "rerun", "2025-OLD-000002")
    assert rerun.returncode == 0, rerun.stderr
    shown = json.loads(run_cli(cli_env, "show", "2025-OLD-000002", "--json").stdout)
    runs, history = shown.pop("runs"), shown.pop("history")
    assert shown["schema_version"] == "2"
    jsonschema.validate(shown, json.loads(SCHEMA_PATH.read_text()))
    assert [r["schema_version"] for r in runs] == ["1", "2"]
    assert [e["action"] for e in history].count("run_completed") == 2
    # v2: the labour-market test is decided and explained, the URSSAF certificate required.
    assert shown["labour_market_test"]["outcome"] == "applies"
    assert {f.get("piece_type") for f in shown["flags"] if f["code"] == "missing_piece"} >= {
        "passport", "urssaf_certificate"}
