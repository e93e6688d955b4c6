"""Smoke test of the real thing: Airflow's api-server, scheduler and dag-processor,
a dossier dropped in the inbox (a bucket prefix of a real S3 server), `dossier_intake`
triggered through the REST API; then a run made to fail by an object store that is
down, the store restored, and `dossier_rerun` completing the dossier."""
from __future__ import annotations

import time
import zipfile
from pathlib import Path

import httpx
import pytest

from models import Status
from pipeline.airflow_local import LocalAirflow, free_port, trigger
from storage.records import Records
from storage.database import Database
from storage.s3_objects import S3ObjectStore
from storage.settings import Settings
from synth import generate_dossier
from tests.s3_server import MotoS3Server

pytestmark = pytest.mark.slow


def wait_run(client: httpx.Client, dag_id: str, run_id: str, timeout: float = 600) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = client.get(f"/api/v2/dags/{dag_id}/dagRuns/{run_id}").json().get("state")
        if state in ("success", "failed"):
            return state
        time.sleep(2)
    raise TimeoutError(f"{dag_id} run {run_id} still running after {timeout:.0f} s")


def zipped(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, path.name)
    return target


def test_intake_then_failure_then_rerun(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    dossier = generate_dossier(seed=5, shape="folder", out_dir=tmp_path / "gen", manifest=True, scan_ratio=0.0)
    reference = dossier.truth["reference"]
    with MotoS3Server() as s3:
        dossiers_env = {
            **s3.env("dossiers"),
            "DOSSIERS_HOME": str(tmp_path / "home"),
            "DOSSIERS_DATABASE_URL": database_url,
            "DOSSIERS_AIRFLOW_DATABASE_URL": f"sqlite:///{tmp_path}/airflow.db",
            "DOSSIERS_INTAKE_SCHEDULE": "none",
            "DOSSIERS_INBOX_QUIET_SECONDS": "0",
            "DOSSIERS_DAG_RETRIES": "1",
            "DOSSIERS_DAG_RETRY_DELAY_SECONDS": "1",
            "DOSSIERS_S3_TIMEOUT": "2",
        }
        settings = Settings.from_env(dossiers_env)
        store = S3ObjectStore.from_settings(settings, retries=0)
        store.put_file(f"inbox/{dossier.path.name}.zip", zipped(dossier.path, tmp_path / "d.zip"),
                       media_type="application/zip", metadata={})

        monkeypatch.setenv("DOSSIERS_AIRFLOW_DATABASE_URL", dossiers_env["DOSSIERS_AIRFLOW_DATABASE_URL"])
        airflow = LocalAirflow.prepare(settings, port=free_port(), home=tmp_path / "airflow", extra_env=dossiers_env)
        airflow.migrate()
        airflow.start()
        try:
            airflow.wait_healthy()
            with airflow.client() as client, Database(database_url) as db:
                records = Records(db)
                airflow.wait_dags(client, ("dossier_intake", "dossier_rerun"))
                for dag_id in ("dossier_intake", "dossier_rerun"):
                    client.patch(f"/api/v2/dags/{dag_id}", json={"is_paused": False}).raise_for_status()

                run = trigger(client, "dossier_intake")
                assert wait_run(client, "dossier_intake", run) == "success", airflow.home
                first = records.current_result(reference)
                assert first is not None and first.status in (Status.ready_for_review, Status.incomplete)
                assert list(store.list_keys("inbox/")) == []

                s3.pause()  # the object store goes down
                try:
                    run = trigger(client, "dossier_rerun", {"references": [reference], "failed": False})
                    assert wait_run(client, "dossier_rerun", run) == "failed"
                finally:
                    s3.resume()
                assert records.current_result(reference).status == Status.failed
                assert reference in records.failed_references()

                run = trigger(client, "dossier_rerun", {"references": [], "failed": True})
                assert wait_run(client, "dossier_rerun", run) == "success"
                final = records.current_result(reference)
                assert final.status == first.status
                assert final.pieces == first.pieces and final.flags == first.flags
                outcomes = [r.outcome for r in records.runs(reference)]
                assert outcomes[0] == "completed" and "failed" in outcomes and outcomes[-1] == "completed"
        finally:
            airflow.stop()
