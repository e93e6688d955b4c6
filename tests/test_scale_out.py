"""Issue 14: Airflow's CeleryExecutor with two workers, one SIGKILLed while it holds tasks.
A smaller `make scale-demo` (benchmarks/scale_demo.py), run as the real thing: Redis,
Airflow's api-server, scheduler and dag-processor, two Celery workers, the embedded
PostgreSQL and the test S3 server; the demo checks everything from the databases and
compares with `dossiers process`, and this test reads its one line."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^scale: dossiers=(\d+) workers=(\d+) processed=(\d+) lost=(\d+) doubled=(\d+) "
                  r"worker_killed=(yes|no) tasks_per_worker=([\d,]+) same_as_cli=(\d+) wall_s=(\d+)$")


def test_two_celery_workers_one_killed_mid_batch(tmp_path: Path) -> None:
    if shutil.which("redis-server") is None and not Path("/usr/bin/redis-server").exists():
        pytest.fail("redis-server is missing: scripts/install-system-packages.sh installs it")
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "scale_demo.py"), "--dossiers", "3", "--workers", "2",
         "--seed", "14", "--home", str(tmp_path / "demo"),
         # the killed worker's task is retried after 25 s without a heartbeat, not the minute a deployment waits
         "--heartbeat-timeout", "25"],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=1500)
    lines = [line for line in result.stdout.splitlines() if line.startswith("scale:")]
    assert len(lines) == 1, result.stdout + result.stderr[-4000:]
    m = LINE.match(lines[0])
    assert m, lines[0]
    dossiers, workers, processed, lost, doubled, killed, per_worker, same, _wall = m.groups()
    assert int(dossiers) >= 3 and int(workers) == 2
    assert int(processed) == int(dossiers) and lost == "0" and doubled == "0", result.stderr[-4000:]
    assert killed == "yes", result.stderr[-4000:]
    counts = [int(n) for n in per_worker.split(",")]
    assert len(counts) == 2 and min(counts) > 0, lines[0]
    assert int(same) == int(dossiers), result.stderr[-4000:]
    assert result.returncode == 0, result.stderr[-4000:]
