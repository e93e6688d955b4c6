"""`dossiers process` keeps what it received and produced; `list`, `show` read it back.
Processing again adds a run, never a second dossier, and stores no original twice."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema

from tests.builders import text_pdf
from tests.test_cli import SCHEMA_PATH, run_cli


def make_dossiers(root: Path) -> list[Path]:
    folder = root / "DOSSIER-F"
    folder.mkdir(parents=True)
    (folder / "dossier.json").write_text(json.dumps(
        {"reference": "2026-TEST-000010", "procedure": "introduction_salarie", "submitted_at": "2026-02-02"}))
    text_pdf(folder / "contrat.pdf", [["CONTRAT DE TRAVAIL", "Contrat à durée indéterminée"]])
    (folder / "vide.pdf").write_bytes(b"")
    archive = root / "DOSSIER-Z.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(folder / "contrat.pdf", "contrat.pdf")  # same bytes as the folder's: stored once
        zf.writestr("lettre.pdf", text_pdf(root / "l.pdf", [["Objet : demande", "Madame, Monsieur,"]]).read_bytes())
    merged = text_pdf(root / "DOSSIER-M.pdf", [["Extrait Kbis", "à jour au 3 mars 2026"]])
    return [folder, archive, merged]


def originals(home: Path) -> list[Path]:
    return sorted(p for p in (home / "objects" / "data" / "originals").rglob("*") if p.is_file())


def test_two_passes_give_two_runs_one_dossier_and_no_new_original(tmp_path: Path, cli_env: dict[str, str]) -> None:
    inputs = [str(p) for p in make_dossiers(tmp_path / "in")]
    home = Path(cli_env["DOSSIERS_HOME"])
    first = run_cli(cli_env, "process", *inputs, "--out-dir", str(tmp_path / "out"), "--as-of", "2026-03-01")
    assert first.returncode == 0, first.stderr
    stored = originals(home)
    # folder: dossier.json, contrat.pdf, vide.pdf (kept though unreadable); zip itself + lettre.pdf
    # (its contrat.pdf is the folder's bytes); merged PDF
    assert len(stored) == 6
    second = run_cli(cli_env, "process", *inputs, "--as-of", "2026-03-01", "--out-dir", str(tmp_path / "out2"))
    assert second.returncode == 0, second.stderr
    assert originals(home) == stored

    listing = json.loads(run_cli(cli_env, "list", "--json").stdout)
    assert sorted(d["reference"] for d in listing) == ["2026-TEST-000010", "DOSSIER-M", "DOSSIER-Z"]
    assert {d["reference"]: d["status"] for d in listing}["2026-TEST-000010"] == "incomplete"

    shown = json.loads(run_cli(cli_env, "show", "2026-TEST-000010", "--json").stdout)
    runs, history = shown.pop("runs"), shown.pop("history")
    jsonschema.validate(shown, json.loads(SCHEMA_PATH.read_text()))
    assert [r["outcome"] for r in runs] == ["completed", "completed"]
    assert [e["action"] for e in history].count("run_completed") == 2
    assert len(shown["pieces"]) == 1  # the current result only, never older runs' pieces


def test_list_filters_by_status_and_show_refuses_unknown(tmp_path: Path, cli_env: dict[str, str]) -> None:
    inputs = [str(p) for p in make_dossiers(tmp_path / "in")]
    assert run_cli(cli_env, "process", *inputs, "--as-of", "2026-03-01", "--out-dir", str(tmp_path / "o")).returncode == 0
    incomplete = json.loads(run_cli(cli_env, "list", "--status", "incomplete", "--json").stdout)
    assert all(d["status"] == "incomplete" for d in incomplete) and incomplete
    text = run_cli(cli_env, "list").stdout
    assert "2026-TEST-000010" in text
    unknown = run_cli(cli_env, "show", "NO-SUCH-REF")
    assert unknown.returncode == 1 and "aucun dossier" in unknown.stderr
