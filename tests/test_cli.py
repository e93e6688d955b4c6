"""The `dossiers process` command: one JSON per input, valid against the contract's
schema, exit codes, and a batch that survives a broken dossier."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.builders import text_pdf

SCHEMA_PATH = Path(__file__).parent / "data" / "dossier-result.schema.json"
SHARED_SCHEMA = Path(__file__).parents[2] / "shared" / "spec" / "dossier-result.schema.json"


def validate(document: dict) -> None:
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text()))


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          timeout=300, env=env)


@pytest.mark.skipif(not SHARED_SCHEMA.exists(), reason="no shared/ beside the project")
def test_vendored_schema_matches_the_contract() -> None:
    assert json.loads(SCHEMA_PATH.read_text()) == json.loads(SHARED_SCHEMA.read_text())


def test_batch_writes_one_valid_json_per_input(tmp_path: Path, cli_env: dict[str, str]) -> None:
    folder = tmp_path / "DOSSIER-A"
    folder.mkdir()
    (folder / "dossier.json").write_text(json.dumps(
        {"reference": "2026-TEST-000001", "procedure": "stage", "submitted_at": "2026-02-02"}))
    text_pdf(folder / "convention.pdf", [["CONVENTION DE STAGE", "Organisme d'accueil : ATELIERS BERTIN"]])
    merged = text_pdf(tmp_path / "MERGED-B.pdf", [["CONTRAT DE TRAVAIL", "Contrat à durée indéterminée"],
                                                  ["Objet : demande", "Madame, Monsieur,"]])
    empty = tmp_path / "EMPTY-C.pdf"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    proc = run_cli(cli_env, "process", str(folder), str(merged), str(empty), "--out-dir", str(out), "--as-of", "2026-03-01")
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["DOSSIER-A.json", "EMPTY-C.json", "MERGED-B.json"]
    for path in out.iterdir():
        validate(json.loads(path.read_text()))
    a = json.loads((out / "DOSSIER-A.json").read_text())
    assert a["dossier"] == {"reference": "2026-TEST-000001", "procedure": "stage",
                            "procedure_source": "manifest", "submitted_at": "2026-02-02",
                            "job_rome_code": None, "work_postcode": None}
    assert {"code": "missing_piece", "piece_type": "passport"}.items() <= a["flags"][0].items()
    b = json.loads((out / "MERGED-B.json").read_text())
    assert [(p["type"], p["pages"]) for p in b["pieces"]] == [("employment_contract", [1]), ("other", [2])]
    assert b["dossier"]["submitted_at"] == "2026-03-01" and b["dossier"]["procedure_source"] == "inferred"
    c = json.loads((out / "EMPTY-C.json").read_text())
    assert c["status"] == "incomplete"
    assert [f["source"] for f in c["flags"] if f["code"] == "unreadable_file"] == ["EMPTY-C.pdf"]


def test_single_path_prints_json(tmp_path: Path, cli_env: dict[str, str]) -> None:
    pdf = text_pdf(tmp_path / "X.pdf", [["Extrait Kbis", "à jour au 3 mars 2026", "SIREN 732 829 320"]])
    proc = run_cli(cli_env, "process", str(pdf), "--as-of", "2026-03-05")
    assert proc.returncode == 0, proc.stderr
    document = json.loads(proc.stdout)
    validate(document)
    assert document["pieces"][0]["type"] == "company_registration"


def test_missing_path_is_a_usage_error(tmp_path: Path, cli_env: dict[str, str]) -> None:
    proc = run_cli(cli_env, "process", str(tmp_path / "nope"))
    assert proc.returncode == 2
    assert "introuvable" in proc.stderr


@pytest.mark.parametrize(("args", "says"), [
    ((), "arguments obligatoires manquants"),
    (("process",), "arguments obligatoires manquants : PATH"),
    (("frob",), "choix invalide : 'frob'"),
    (("process", "--workers", "x", "a"), "argument --workers : valeur invalide"),
    (("list", "--bogus"), "arguments non reconnus : --bogus"),
])
def test_usage_errors_are_told_in_french(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                         args: tuple[str, ...], says: str) -> None:
    import argparse

    from pipeline.cli import main

    # the CLI makes argparse French for its process: put it back for the other tests here
    monkeypatch.setattr(argparse, "_", argparse._)
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)
    with pytest.raises(SystemExit) as stopped:
        main(list(args))
    err = capsys.readouterr().err
    assert stopped.value.code == 2
    assert "erreur : " in err and says in err and "error:" not in err


def test_help_is_in_french(cli_env: dict[str, str]) -> None:
    proc = run_cli(cli_env, "process", "--help")
    assert proc.returncode == 0
    assert proc.stdout.startswith("usage : dossiers process") and "afficher cette aide et quitter" in proc.stdout
