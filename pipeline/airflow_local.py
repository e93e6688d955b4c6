"""A local Airflow for one machine: api-server, scheduler and dag-processor with the
LocalExecutor and low parallelism (2 cores), on the embedded defaults. `make airflow`
runs it in the foreground; the smoke test drives it through the REST API.

Its metadata database is a database `airflow` in the embedded PostgreSQL server
(or DOSSIERS_AIRFLOW_DATABASE_URL); logins come from Airflow's simple auth manager,
with the admin password kept in AIRFLOW_HOME.
"""
from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from models.errors import DependencyUnavailable
from storage.database import create_database, embedded_server
from storage.settings import Settings

PROJECT = Path(__file__).resolve().parents[1]
SERVICES = ("api-server", "scheduler", "dag-processor")


def _metadata_url(settings: Settings) -> str:
    explicit = os.environ.get("DOSSIERS_AIRFLOW_DATABASE_URL")
    if explicit:
        return explicit
    server = embedded_server(settings.home)
    server.start()
    create_database(server.conninfo("postgres"), "airflow")
    info = dict(part.split("=", 1) for part in server.conninfo("airflow").split())
    return f"postgresql+psycopg://{info['user']}@/{info['dbname']}?host={info['host']}&port={info['port']}"


@dataclass
class LocalAirflow:
    home: Path
    port: int
    env: dict[str, str]
    password: str
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    @classmethod
    def prepare(cls, settings: Settings, *, port: int = 8080, home: Path | None = None,
                extra_env: dict[str, str] | None = None) -> "LocalAirflow":
        home = home or settings.home / "airflow"
        home.mkdir(parents=True, exist_ok=True)
        secrets_file = home / "local-secrets.json"
        if secrets_file.exists():
            kept = json.loads(secrets_file.read_text())
        else:
            kept = {"password": secrets.token_urlsafe(12), "jwt": secrets.token_hex(32),
                    "secret_key": secrets.token_hex(16)}
            secrets_file.write_text(json.dumps(kept))
            secrets_file.chmod(0o600)
        passwords = home / "simple_auth_manager_passwords.json"
        passwords.write_text(json.dumps({"admin": kept["password"]}))
        passwords.chmod(0o600)
        base = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT / "dags"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            "AIRFLOW__CORE__PARALLELISM": "2",
            "AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG": "2",
            "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
            "AIRFLOW__CORE__AUTH_MANAGER":
                "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": "admin:admin",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(passwords),
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": _metadata_url(settings),
            "AIRFLOW__API__HOST": "127.0.0.1",
            "AIRFLOW__API__PORT": str(port),
            "AIRFLOW__API__BASE_URL": base,
            "AIRFLOW__API__WORKERS": "1",
            "AIRFLOW__API__SECRET_KEY": kept["secret_key"],
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{base}/execution/",
            # The scheduler signs task tokens that the api-server checks: one secret for both.
            "AIRFLOW__API_AUTH__JWT_SECRET": kept["jwt"],
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "10",
            "AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL": "10",
            "AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES": "1",
            "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(port + 1),
            "DOSSIERS_HOME": str(settings.home),
            "DOSSIERS_WORKERS": "1",  # the DAG spreads pages over tasks already
            "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH", "")])),
            **(extra_env or {}),
        }
        return cls(home=home, port=port, env=env, password=kept["password"])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _airflow(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "airflow", *args]

    def migrate(self) -> None:
        with open(self.home / "migrate.log", "w") as log:
            subprocess.run(self._airflow("db", "migrate"), env=self.env, check=True, stdout=log,
                           stderr=subprocess.STDOUT, timeout=600)

    def start(self) -> None:
        for name in SERVICES:
            log = open(self.home / f"{name}.log", "w")  # noqa: SIM115 - lives as long as the process
            self.processes[name] = subprocess.Popen(self._airflow(name), env=self.env, stdout=log,
                                                    stderr=subprocess.STDOUT, start_new_session=True)

    def wait_healthy(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._check_alive()
            try:
                health = httpx.get(f"{self.url}/api/v2/monitor/health", timeout=5).json()
                if all((health.get(k) or {}).get("status") == "healthy"
                       for k in ("metadatabase", "scheduler", "dag_processor")):
                    return
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(1)
        raise TimeoutError(f"Airflow not healthy after {timeout:.0f} s; logs in {self.home}")

    def client(self) -> httpx.Client:
        token = httpx.post(f"{self.url}/auth/token", json={"username": "admin", "password": self.password},
                           timeout=10)
        token.raise_for_status()
        return httpx.Client(base_url=self.url, timeout=30,
                            headers={"Authorization": f"Bearer {token.json()['access_token']}"})

    def wait_dags(self, client: httpx.Client, dag_ids: tuple[str, ...], timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._check_alive()
            if all(client.get(f"/api/v2/dags/{d}").status_code == 200 for d in dag_ids):
                return
            time.sleep(1)
        raise TimeoutError(f"DAGs {dag_ids} not parsed after {timeout:.0f} s; logs in {self.home}")

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        self.processes.clear()

    def _check_alive(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is not None:
                raise DependencyUnavailable(
                    f"airflow {name} exited ({process.returncode}); see {self.home / (name + '.log')}")


def trigger(client: httpx.Client, dag_id: str, conf: dict | None = None) -> str:
    response = client.post(f"/api/v2/dags/{dag_id}/dagRuns", json={"logical_date": None, "conf": conf or {}})
    response.raise_for_status()
    return response.json()["dag_run_id"]


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now, for a server this launcher starts."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> int:
    settings = Settings.from_env()
    port = int(os.environ.get("DOSSIERS_AIRFLOW_PORT", "8080"))
    airflow = LocalAirflow.prepare(settings, port=port)
    (settings.home / "inbox").mkdir(parents=True, exist_ok=True)
    print("airflow: migrating the metadata database…", flush=True)
    airflow.migrate()
    airflow.start()
    try:
        airflow.wait_healthy()
        with airflow.client() as client:
            airflow.wait_dags(client, ("dossier_intake", "dossier_rerun"))
            for dag_id in ("dossier_intake", "dossier_rerun"):
                client.patch(f"/api/v2/dags/{dag_id}", json={"is_paused": False}).raise_for_status()
        print(f"\nAirflow : {airflow.url}   identifiant : admin   mot de passe : {airflow.password}")
        print(f"Boîte de dépôt : {settings.home / 'inbox'} (déposez un .zip/.pdf, ou un dossier avec un fichier .ready)")
        print("Ctrl-C pour arrêter.", flush=True)
        while True:
            airflow._check_alive()
            time.sleep(2)
    except KeyboardInterrupt:
        return 0
    finally:
        airflow.stop()


if __name__ == "__main__":
    from pipeline.cli import guarded  # the CLI's boundary: one line and an exit code, no traceback

    sys.exit(guarded(main))
