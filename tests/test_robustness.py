"""Issue 11, the smaller points: where the data lives when DOSSIERS_HOME is unset, long
output names, library debug loggers, stale pid files, one-line errors, references."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import NAME_MAX_BYTES, out_file_name
from pipeline.intake import parse_manifest
from storage.embedded_postgres import EmbeddedPostgres
from storage.settings import Settings

PROJECT = Path(__file__).parents[1]


def test_the_default_home_does_not_depend_on_the_current_directory(tmp_path: Path) -> None:
    script = "from storage.settings import Settings; print(Settings.from_env({}).home)"
    homes = {subprocess.run([sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True,
                            check=True).stdout.strip() for cwd in (PROJECT, tmp_path, "/")}
    assert homes == {str(PROJECT / ".dossiers")}
    assert Settings.from_env({"DOSSIERS_HOME": str(tmp_path)}).home == tmp_path


def test_output_names_fit_the_file_system() -> None:
    long = "dossier-" + "é" * 123 + "x"  # 255 bytes
    other = "dossier-" + "é" * 123 + "y"
    assert out_file_name("DUPONT") == "DUPONT.json"
    for name in (long, other):
        assert len((out_file_name(name) + ".tmp").encode()) <= NAME_MAX_BYTES
    assert out_file_name(long) != out_file_name(other)


def test_library_debug_loggers_stay_at_warning_with_verbose() -> None:
    script = """
import logging
from pipeline.cli import configure_logging
configure_logging(verbose=True)
print(logging.getLogger("pipeline.process").isEnabledFor(logging.DEBUG),
      [name for name in ("pdfminer", "pdfminer.psparser", "PIL", "botocore", "psycopg", "urllib3", "httpx")
       if logging.getLogger(name).isEnabledFor(logging.INFO)])
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=PROJECT)
    assert proc.stdout.strip() == "True []"


@pytest.mark.parametrize("reference, usable", [
    ("2026-PMOE-000123", True), ("A" * 100, True), ("Dossier n° 7 (Lê)", True),
    ("A" * 101, False), ("2026\x00X", False), ("2026-\ud800", False), ("a/b", False), ("a\\b", False),
    ("..", False), ("ligne\nsuivante", False), ("\x1b[31mrouge", False),
])
def test_manifest_references_are_printable_short_and_no_path(reference: str, usable: bool) -> None:
    import json

    raw = json.dumps({"reference": reference, "procedure": "stage"}).encode()
    manifest, error = parse_manifest(raw)
    assert (manifest is not None) == usable, error
    if not usable:
        assert "dossier.json" in error


def test_a_killed_servers_pid_file_is_not_trusted(tmp_path: Path) -> None:
    """SIGKILL leaves postmaster.pid behind, and the dead postmaster may stay a zombie
    (no one reaps it in a container): pg_ctl still says 'running'. The next start sees
    through it and starts the server."""
    import psycopg

    server = EmbeddedPostgres(tmp_path / "pg", durable=False)
    server.start()
    try:
        pid = int((server.data / "postmaster.pid").read_text().split("\n", 1)[0])
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        assert not server.is_running()
        server.start()
        with psycopg.connect(server.conninfo()) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        server.stop()


def test_an_embedded_server_that_cannot_start_is_one_line(tmp_path: Path) -> None:
    data = tmp_path / "home" / "postgres" / "data"
    data.mkdir(parents=True)
    (data / "stray").write_text("left by an interrupted initdb")
    env = {**os.environ, "DOSSIERS_HOME": str(tmp_path / "home")}
    env.pop("DOSSIERS_DATABASE_URL", None)
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "list"], env=env, capture_output=True, text=True,
                          timeout=120, cwd=PROJECT)
    assert proc.returncode == 69  # a dependency unavailable (models/errors.py), not bad usage
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "remove it" in proc.stderr


def test_a_service_down_for_good_costs_the_full_retry_schedule_once(monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A dossier meeting a database fault is tried again with pauses; once one has used
    them all, the next ones get one try each (not minutes each) until one gets through."""
    import psycopg

    from pipeline import cli

    monkeypatch.setattr(cli, "TRANSIENT_RETRY_DELAYS", (0.01, 0.01, 0.01))

    class Services:
        reconnections = 0

        def reconnect(self) -> None:
            self.reconnections += 1

    attempts: list[str] = []

    def down(name: str):  # noqa: ANN202
        def process() -> None:
            attempts.append(name)
            raise psycopg.OperationalError("connection refused")
        return process

    services, retries = Services(), cli.Retries()
    assert cli._process_one("dossier 1/3 (d-1)", services, retries, down("first")) is None
    assert cli._process_one("dossier 2/3 (d-2)", services, retries, down("second")) is None
    assert attempts == ["first"] * 4 + ["second"]
    assert cli._process_one("dossier 3/3 (d-3)", services, retries, lambda: "result") == "result"
    assert not retries.down  # back up: the full schedule again for the next fault
    lines = capsys.readouterr().err.strip().splitlines()
    assert [line.split(" : ")[0] for line in lines if "non traité" in line] == \
        ["dossiers: dossier 1/3 (d-1)", "dossiers: dossier 2/3 (d-2)"]
    assert all("Traceback" not in line for line in lines)
