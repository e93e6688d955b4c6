"""Storage faults mid-batch (issue 11): the embedded PostgreSQL server is killed, then
the object store goes down, while `dossiers process` works through a batch. Every
dossier ends with a result, or with one line saying it must be processed again (and
processing it again gives its result); no traceback, no run left 'running'."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.s3_server import MotoS3Server
from tests.test_hostile_corpus import small_contract_pdf

PROJECT = Path(__file__).parents[1]
DOSSIERS = 16
KILL_DATABASE_AFTER = 3  # results
PAUSE_STORE_AFTER = 8
STORE_DOWN_SECONDS = 20


def postmaster_pid(home: Path) -> int:
    return int((home / "postgres" / "data" / "postmaster.pid").read_text().split("\n", 1)[0])


@pytest.mark.slow
def test_a_batch_survives_the_database_then_the_object_store_going_down(tmp_path: Path) -> None:
    contract = small_contract_pdf(tmp_path)
    paths = []
    for number in range(1, DOSSIERS + 1):
        folder = tmp_path / "in" / f"FAULTS-{number:02d}"
        folder.mkdir(parents=True)
        (folder / "contrat.pdf").write_bytes(contract)
        paths.append(folder)
    home, out = tmp_path / "home", tmp_path / "out"
    with MotoS3Server() as s3:
        env = {**os.environ, **s3.env(bucket=f"faults-{uuid.uuid4().hex[:12]}"), "DOSSIERS_HOME": str(home),
               "DOSSIERS_S3_TIMEOUT": "2", "PYTHONUNBUFFERED": "1"}
        env.pop("DOSSIERS_DATABASE_URL", None)  # the embedded server: the one a kill can reach
        try:
            batch = run_with_faults(paths, out, env, home, s3)
            check_the_batch(batch, paths, out, env, home)
        finally:
            subprocess.run([sys.executable, "-m", "pipeline.cli", "stop"], env=env, capture_output=True, timeout=120)
    print(f"storage faults: {len(batch.results)} summary lines, {len(batch.retried)} retries:\n"
          + "".join(batch.retried))


@dataclass
class FaultyBatch:
    code: int
    results: list[str]  # --summary lines, one per dossier with a result
    stderr: str
    retried: list[str]  # the lines announcing a retry
    killed: int | None  # the postmaster's pid when it was killed
    paused: bool


def run_with_faults(paths: list[Path], out: Path, env: dict[str, str], home: Path, s3: MotoS3Server) -> FaultyBatch:
    """The batch, with the postmaster SIGKILLed after KILL_DATABASE_AFTER results and the
    object store frozen for STORE_DOWN_SECONDS after PAUSE_STORE_AFTER."""
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "process", *map(str, paths), "--out-dir", str(out),
                             "--as-of", "2026-03-01", "--summary", "--workers", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=PROJECT)
    stderr_lines: list[str] = []
    reader = threading.Thread(target=lambda: stderr_lines.extend(proc.stderr), daemon=True)
    reader.start()
    results: list[str] = []
    killed, resume = None, None
    try:
        for line in proc.stdout:
            results.append(line)
            if len(results) == KILL_DATABASE_AFTER and killed is None:
                killed = postmaster_pid(home)
                os.kill(killed, signal.SIGKILL)  # the server dies under the batch
            if len(results) == PAUSE_STORE_AFTER and resume is None:
                s3.pause()  # then the object store stops answering
                resume = threading.Timer(STORE_DOWN_SECONDS, s3.resume)
                resume.start()
        code = proc.wait(timeout=1200)
        reader.join(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        if resume is not None:
            resume.join()
    return FaultyBatch(code, results, "".join(stderr_lines), [line for line in stderr_lines if "nouvel essai" in line],
                       killed, resume is not None)


def check_the_batch(batch: FaultyBatch, paths: list[Path], out: Path, env: dict[str, str], home: Path) -> None:
    assert batch.killed is not None and batch.paused, "the batch ended before the faults: make it longer"
    assert "Traceback" not in batch.stderr, batch.stderr[-4000:]
    # Both faults were met by dossiers in flight, and retried after a reconnection.
    assert any("OperationalError" in line or "PoolTimeout" in line for line in batch.retried), batch.stderr[-3000:]
    assert any("ObjectStoreUnavailable" in line for line in batch.retried), batch.stderr[-3000:]

    # Each dossier: a result in --out-dir, or one line naming it (by position) to process again.
    done = {p.stem for p in out.glob("*.json")}
    pattern = rf"dossier (\d+)/{DOSSIERS} \(d-[0-9a-f]+\) : non traité, à relancer"
    to_redo = {int(n) for n in re.findall(pattern, batch.stderr)}
    for number, path in enumerate(paths, start=1):
        assert path.name in done or number in to_redo, (path.name, batch.stderr[-3000:])
    assert batch.code == (1 if to_redo else 0), batch.stderr[-3000:]
    assert len(done) > KILL_DATABASE_AFTER, "the batch did not go on after the database was killed"
    assert postmaster_pid(home) != batch.killed, "the embedded server was not started again"

    # Processing the others again gives them their result; nothing is left running.
    again = [str(paths[n - 1]) for n in sorted(to_redo)]
    if again:
        rerun = subprocess.run([sys.executable, "-m", "pipeline.cli", "process", *again, "--out-dir", str(out),
                                "--as-of", "2026-03-01"], env=env, capture_output=True, text=True, timeout=600)
        assert rerun.returncode == 0, rerun.stderr[-3000:]
    listed = subprocess.run([sys.executable, "-m", "pipeline.cli", "list", "--json"], env=env,
                            capture_output=True, text=True, timeout=120)
    rows = json.loads(listed.stdout)
    assert sorted(r["reference"] for r in rows) == sorted(p.name for p in paths)
    assert all(r["status"] for r in rows), [r for r in rows if not r["status"]]


def test_a_full_disk_fails_the_dossiers_not_the_batch(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """The object store's disk is full: each dossier gets a `failed` result saying so,
    recorded (no run left 'running'), the batch goes on, one line each, no traceback."""
    objects = tmp_path / "home" / "objects"
    objects.mkdir(parents=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(objects)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"needs to mount a small tmpfs: {mounted.stderr.strip()}")
    try:
        filler = objects / "filler"
        with open(filler, "wb", buffering=0) as fh:  # fill it up
            try:
                while True:
                    fh.write(b"\0" * 4096)
            except OSError:
                pass
        contract = small_contract_pdf(tmp_path)
        paths = []
        for number in range(1, 4):
            folder = tmp_path / "in" / f"FULL-{number}"
            folder.mkdir(parents=True)
            (folder / "contrat.pdf").write_bytes(contract)
            paths.append(folder)
        env = {**cli_env, "DOSSIERS_HOME": str(tmp_path / "home")}
        proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "process", *map(str, paths), "--out-dir",
                               str(tmp_path / "out"), "--as-of", "2026-03-01"], env=env, capture_output=True,
                              text=True, timeout=600, cwd=PROJECT)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
        documents = [json.loads((tmp_path / "out" / f"{p.name}.json").read_text()) for p in paths]
        assert [d["status"] for d in documents] == ["failed"] * 3
        assert all("No space left" in d["error"] for d in documents), [d["error"] for d in documents]
        listed = subprocess.run([sys.executable, "-m", "pipeline.cli", "list", "--json"], env=env,
                                capture_output=True, text=True, timeout=120)
        assert sorted((r["reference"], r["status"]) for r in json.loads(listed.stdout)) == \
            [(p.name, "failed") for p in paths]
    finally:
        subprocess.run(["umount", str(objects)], capture_output=True)
