"""A batch killed with SIGKILL in the middle, then run again: every dossier ends with
exactly one current result, no file is lost, and no object or row is orphaned or doubled."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from storage.objects import open_object_store
from storage.settings import Settings
from tests.builders import save_image, text_image, text_pdf

pytestmark = pytest.mark.slow


def make_batch(root: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        folder = root / f"DOSSIER-{i}"
        folder.mkdir(parents=True)
        text_pdf(folder / "contrat.pdf", [["CONTRAT DE TRAVAIL", f"Contrat numéro {i}"]])
        # Scanned pages make each dossier take a moment, so the kill lands mid-batch.
        for page in range(2):
            save_image(text_image([f"Lettre {i}-{page}", "Objet : demande", "Madame, Monsieur,"]),
                       folder / f"scan{page}.png", "PNG")
        paths.append(folder)
    return paths


def test_sigkill_mid_batch_then_rerun(tmp_path: Path, cli_env: dict[str, str], database_url: str) -> None:
    batch = [str(p) for p in make_batch(tmp_path / "in", 6)]
    out = tmp_path / "out"
    argv = [sys.executable, "-m", "pipeline.cli", "process", *batch, "--out-dir", str(out), "--as-of", "2026-03-01"]
    proc = subprocess.Popen(argv, env=cli_env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and len(list(out.glob("*.json"))) < 2:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its page readers, mid-batch
    proc.wait()
    done_before = len(list(out.glob("*.json")))
    assert 2 <= done_before < len(batch), "the kill should land in the middle of the batch"

    rerun = subprocess.run(argv, env=cli_env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr

    with psycopg.connect(database_url) as conn:
        dossiers = conn.execute("SELECT reference, status, current_run_id FROM dossiers ORDER BY reference").fetchall()
        assert [d[0] for d in dossiers] == [f"DOSSIER-{i}" for i in range(len(batch))]
        for reference, status, current in dossiers:
            assert status == "incomplete" and current is not None
            outcome = conn.execute("SELECT outcome FROM runs WHERE id = %s", (current,)).fetchone()[0]
            assert outcome == "completed", reference
        assert conn.execute("SELECT count(*) FROM runs WHERE outcome = 'running'").fetchone()[0] == 0
        # Pieces and flags only ever belong to finished runs, never to the killed one.
        assert conn.execute("""SELECT count(*) FROM pieces p JOIN runs r ON r.id = p.run_id
                               WHERE r.outcome <> 'completed'""").fetchone()[0] == 0
        for reference, _, current in dossiers:
            pieces = conn.execute("SELECT count(*) FROM pieces WHERE run_id = %s", (current,)).fetchone()[0]
            assert pieces == 3, reference
        file_rows = conn.execute("SELECT dossier_id, source, sha256, object_key FROM files").fetchall()
    # Every received file is kept exactly once per dossier, and every object has its row.
    assert len(file_rows) == 3 * len(batch)
    assert len({(d, s) for d, s, _, _ in file_rows}) == len(file_rows)
    store = open_object_store(Settings.from_env(cli_env))
    keys = set(store.list_keys("originals/"))
    assert keys == {row[3] for row in file_rows}
