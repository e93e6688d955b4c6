"""Airflow with the CeleryExecutor on one machine, without Docker: Redis (Debian's
`redis-server`) as the broker, the api-server, scheduler and dag-processor, and N Celery
workers, on the embedded PostgreSQL and an S3 endpoint (DOSSIERS_S3_*; without one, the
test suite's S3 server, tests/s3_server.py). `make airflow-celery` runs it in
the foreground and stops everything on Ctrl-C; `make scale-demo`
(benchmarks/scale_demo.py) drives it and kills a worker mid-batch.

What makes a lost worker's tasks come back is CELERY_SETTINGS below; the docker/ compose
deployment sets the very same values (tests/test_docker_compose.py keeps them equal).

Databases, in the embedded server of DOSSIERS_HOME unless configured:
`airflow_celery` for Airflow's metadata (DOSSIERS_AIRFLOW_DATABASE_URL overrides) and
`dossiers_celery` for the records (DOSSIERS_DATABASE_URL overrides), apart from the
embedded default's own database since the files live in another object store.
`$DOSSIERS_HOME/airflow-celery/env.sh` sets the variables for `dossiers list/show` on them.
"""
from __future__ import annotations

import argparse
import os
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import psutil

from models.errors import DependencyUnavailable
from pipeline.airflow_local import LocalAirflow, free_port
from pipeline.celery_worker import WORKER_NAME_VARIABLE
from storage.database import create_database, embedded_server
from storage.settings import Settings

if TYPE_CHECKING:
    from tests.s3_server import MotoS3Server

# Shared with docker/docker-compose.yml, value for value (tests/test_docker_compose.py).
CELERY_SETTINGS: dict[str, str] = {
    "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
    # A task's message is acknowledged when the task has ended, not when a worker takes it:
    # the message of a worker that dies stays in Redis and is delivered again.
    "AIRFLOW__CELERY__TASK_ACKS_LATE": "True",
    # Redis hands an unacknowledged message to another worker after this many seconds. Longer
    # than the longest task (finish reading a dossier's uncached pages, DOSSIERS_READ_SECONDS
    # each), or a slow task would be delivered twice (Airflow refuses to start it twice).
    "AIRFLOW__CELERY_BROKER_TRANSPORT_OPTIONS__VISIBILITY_TIMEOUT": "1800",
    # One message per free slot: a worker keeps no backlog that a lost worker would take along.
    "AIRFLOW__CELERY__WORKER_PREFETCH_MULTIPLIER": "1",
    "AIRFLOW__CELERY__TASK_TRACK_STARTED": "True",
    # A running task whose worker stopped heartbeating (killed, machine lost) is failed after
    # this many seconds and retried on a live worker (DOSSIERS_DAG_RETRIES); 300 by default.
    "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT": "60",
    # tesseract single-threaded: the worker's slots are the parallelism
    "OMP_THREAD_LIMIT": "1",
}

METADATA_DATABASE = "airflow_celery"
RECORDS_DATABASE = "dossiers_celery"


def _sqlalchemy_url(conninfo: str) -> str:
    info = dict(part.split("=", 1) for part in conninfo.split())
    return f"postgresql+psycopg://{info['user']}@/{info['dbname']}?host={info['host']}&port={info['port']}"


@dataclass
class Databases:
    metadata_conninfo: str  # for psycopg (the demo reads task instances)
    metadata_url: str  # for Airflow (SQLAlchemy)
    records: str  # DOSSIERS_DATABASE_URL

    @classmethod
    def of(cls, settings: Settings) -> Databases:
        explicit = os.environ.get("DOSSIERS_AIRFLOW_DATABASE_URL")
        server = None
        if not (explicit and settings.database_url):
            server = embedded_server(settings.home)
            server.start()
        if explicit:
            metadata_url = explicit
            metadata_conninfo = explicit.replace("postgresql+psycopg://", "postgresql://", 1)
        else:
            create_database(server.conninfo("postgres"), METADATA_DATABASE)
            metadata_conninfo = server.conninfo(METADATA_DATABASE)
            metadata_url = _sqlalchemy_url(metadata_conninfo)
        if settings.database_url:
            records = settings.database_url
        else:
            create_database(server.conninfo("postgres"), RECORDS_DATABASE)
            records = server.conninfo(RECORDS_DATABASE)
        return cls(metadata_conninfo=metadata_conninfo, metadata_url=metadata_url, records=records)


class Redis:
    """A private redis-server on a free 127.0.0.1 port, password-protected, append-only."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = 0
        self.password = secrets.token_hex(16)
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://:{self.password}@127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 30) -> None:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(binary).exists():
            raise DependencyUnavailable("redis-server is missing: run scripts/install-system-packages.sh (make setup)")
        self.directory.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        conf = self.directory / "redis.conf"  # the password stays out of `ps`
        conf.write_text(f"bind 127.0.0.1\nport {self.port}\nrequirepass {self.password}\n"
                        f"dir {self.directory}\nappendonly yes\nsave \"\"\nprotected-mode yes\n"
                        "daemonize no\n")
        conf.chmod(0o600)
        log = open(self.directory / "redis.log", "w")  # noqa: SIM115 - lives as long as the process
        self.process = subprocess.Popen([binary, str(conf)], stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        import redis

        client = redis.Redis(host="127.0.0.1", port=self.port, password=self.password, socket_timeout=2)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise DependencyUnavailable(f"redis-server exited; see {self.directory / 'redis.log'}")
            try:
                if client.ping():
                    return
            except redis.exceptions.RedisError:
                time.sleep(0.2)
        raise TimeoutError(f"redis-server not answering after {timeout:.0f} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def _start_s3_server() -> MotoS3Server:
    """The test suite's S3 server (moto), for a launcher given no S3 endpoint. This
    launcher puts on one machine what is meant for several, which share nothing but the
    database, Redis and an S3 store: the same S3 code path as a real deployment, so it
    does not fall back to the local directory store. Development only: moto is a test
    dependency, and tests/ is in a source checkout, not in the installed package."""
    try:
        from tests.s3_server import MotoS3Server
    except ImportError as exc:
        raise DependencyUnavailable(
            "no S3 store: set DOSSIERS_S3_ENDPOINT (and _ACCESS_KEY, _SECRET_KEY); the test S3 server "
            f"(tests/s3_server.py, moto[server]) is only in a source checkout ({exc})") from None
    # Ctrl-C reaches every process of the terminal's group: the S3 server ignores it (an
    # ignored SIGINT is inherited) and is stopped after the workers, which may still use it.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return MotoS3Server().start()
    finally:
        signal.signal(signal.SIGINT, previous)


def kill_tree(pid: int) -> list[int]:
    """SIGKILL a process and every descendant at once (a machine lost, not a shutdown):
    all are frozen first so that none reacts to the others' death."""
    try:
        root = psutil.Process(pid)
        tree = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []
    for proc in tree:
        try:
            proc.send_signal(signal.SIGSTOP)
        except psutil.NoSuchProcess:
            pass
    for proc in tree:
        try:
            proc.send_signal(signal.SIGKILL)
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(tree, timeout=10)
    return [proc.pid for proc in tree]


def worker_command(name: str, concurrency: int, pidfile: Path) -> list[str]:
    """`airflow celery worker ...` for one of several workers on this machine: its own Celery
    node name and pid file. Logs are files under AIRFLOW_HOME here, which the api-server reads
    itself: no log server (several on one machine would want the same port)."""
    return ["airflow", "celery", "worker", "--concurrency", str(concurrency), "--celery-hostname", f"{name}@%h",
            "--pid", str(pidfile), "--skip-serve-logs"]


@dataclass
class CeleryAirflow:
    airflow: LocalAirflow
    redis: Redis
    databases: Databases
    worker_names: list[str]
    concurrency: int
    s3: MotoS3Server | None = None
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)
    killed: set[str] = field(default_factory=set)

    @classmethod
    def prepare(cls, settings: Settings, *, workers: int = 2, concurrency: int = 1, port: int = 8080,
                home: Path | None = None, extra_env: dict[str, str] | None = None) -> CeleryAirflow:
        """Start what the Airflow processes need (embedded PostgreSQL, the S3 server unless
        configured, Redis) and set their environment. `start()` starts Airflow and workers."""
        home = home or settings.home / "airflow-celery"
        home.mkdir(parents=True, exist_ok=True)
        databases = Databases.of(settings)
        s3 = None
        s3_env: dict[str, str] = {}
        if not settings.s3_endpoint:
            s3 = _start_s3_server()
            s3_env = s3.env("dossiers")
        redis = Redis(home / "redis")
        try:
            redis.start()
        except BaseException:
            if s3 is not None:
                s3.stop()
            raise
        slots = workers * concurrency
        env = {
            **CELERY_SETTINGS,
            "AIRFLOW__CELERY__BROKER_URL": redis.url,
            "AIRFLOW__CELERY__RESULT_BACKEND": f"db+{databases.metadata_url}",
            "AIRFLOW__CELERY__WORKER_CONCURRENCY": str(concurrency),
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": databases.metadata_url,
            # every slot of every worker busy, no more: the rest waits in Airflow, not in Redis
            "AIRFLOW__CORE__PARALLELISM": str(slots),
            "AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG": str(slots),
            "DOSSIERS_DAG_PARALLELISM": str(slots),
            "DOSSIERS_DATABASE_URL": databases.records,
            "DOSSIERS_HOME": str(settings.home),
            **s3_env,
            **(extra_env or {}),
        }
        airflow = LocalAirflow.prepare(settings, port=port, home=home, extra_env=env)
        names = [f"worker-{i + 1}" for i in range(workers)]
        cluster = cls(airflow=airflow, redis=redis, databases=databases, worker_names=names,
                      concurrency=concurrency, s3=s3)
        cluster._write_env_file()
        return cluster

    @property
    def env(self) -> dict[str, str]:
        return self.airflow.env

    @property
    def home(self) -> Path:
        return self.airflow.home

    def _write_env_file(self) -> None:
        names = ("DOSSIERS_HOME", "DOSSIERS_DATABASE_URL", "DOSSIERS_S3_ENDPOINT", "DOSSIERS_S3_ACCESS_KEY",
                 "DOSSIERS_S3_SECRET_KEY", "DOSSIERS_S3_BUCKET", "DOSSIERS_S3_SECURE")
        lines = [f"export {n}={shlex.quote(self.env[n])}" for n in names if self.env.get(n)]
        path = self.home / "env.sh"
        path.write_text("# `source` this to run `dossiers list/show` on make airflow-celery's records\n"
                        + "\n".join(lines) + "\n")
        path.chmod(0o600)

    def start(self) -> None:
        self.airflow.migrate()
        self.airflow.start()
        for name in self.worker_names:
            self.start_worker(name)

    def start_worker(self, name: str) -> None:
        env = {**self.env, WORKER_NAME_VARIABLE: name,
               "AIRFLOW__CORE__HOSTNAME_CALLABLE": "pipeline.celery_worker.worker_hostname"}
        argv = [sys.executable, "-m", *worker_command(name, self.concurrency, self.home / f"{name}.pid")]
        log = open(self.home / f"{name}.log", "w")  # noqa: SIM115 - lives as long as the process
        self.workers[name] = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT,
                                              start_new_session=True)
        self.killed.discard(name)

    def wait_ready(self, timeout: float = 240) -> None:
        """Airflow healthy, both DAGs parsed, every worker connected to the broker."""
        deadline = time.monotonic() + timeout
        self.airflow.wait_healthy(timeout)
        while time.monotonic() < deadline:
            self.check_alive()
            if all(" ready." in (self.home / f"{n}.log").read_text(errors="replace") for n in self.workers):
                return
            time.sleep(1)
        raise TimeoutError(f"Celery workers not ready after {timeout:.0f} s; logs in {self.home}")

    def kill_worker(self, name: str) -> list[int]:
        self.killed.add(name)
        pids = kill_tree(self.workers[name].pid)
        self.workers[name].wait(timeout=10)
        return pids

    def check_alive(self) -> None:
        self.airflow._check_alive()
        for name, process in self.workers.items():
            if name not in self.killed and process.poll() is not None:
                raise DependencyUnavailable(
                    f"Celery {name} exited ({process.returncode}); see {self.home / (name + '.log')}")

    def stop(self) -> None:
        """Workers first (warm shutdown: running tasks end, or are killed after 60 s), then
        Airflow, Redis and the S3 server."""
        try:
            for process in self.workers.values():
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGTERM)
            deadline = time.monotonic() + 60
            for process in self.workers.values():
                try:
                    process.wait(timeout=max(1.0, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    kill_tree(process.pid)
                    process.wait()
            self.workers.clear()
            self.airflow.stop()
        finally:
            self.redis.stop()
            if self.s3 is not None:
                self.s3.stop()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make airflow-celery", description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS") or 2))
    parser.add_argument("--concurrency", type=int, default=int(os.environ.get("CONCURRENCY") or 1),
                        help="tasks at once per worker (default 1: the workers share this machine's cores)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops as cleanly as Ctrl-C
    settings = Settings.from_env()
    port = int(os.environ.get("DOSSIERS_AIRFLOW_PORT", "8080"))
    print("airflow-celery: Redis, PostgreSQL, S3…", flush=True)
    cluster = CeleryAirflow.prepare(settings, workers=args.workers, concurrency=args.concurrency, port=port)
    try:
        print("airflow-celery: migrating the metadata database…", flush=True)
        cluster.start()
        cluster.wait_ready()
        with cluster.airflow.client() as client:
            cluster.airflow.wait_dags(client, ("dossier_intake", "dossier_rerun"))
            for dag_id in ("dossier_intake", "dossier_rerun"):
                client.patch(f"/api/v2/dags/{dag_id}", json={"is_paused": False}).raise_for_status()
        env = cluster.env
        print(f"\nAirflow (CeleryExecutor) : {cluster.airflow.url}   identifiant : admin   "
              f"mot de passe : {cluster.airflow.password}")
        print(f"Workers : {', '.join(cluster.worker_names)} ({args.concurrency} tâche(s) à la fois chacun), "
              f"broker Redis 127.0.0.1:{cluster.redis.port}")
        if env.get("DOSSIERS_S3_ENDPOINT"):
            print(f"Boîte de dépôt : s3://{env.get('DOSSIERS_S3_BUCKET', 'dossiers')}/"
                  f"{env.get('DOSSIERS_INBOX_PREFIX', 'inbox/')} sur http://{env['DOSSIERS_S3_ENDPOINT']}")
        print(f"Dossiers : source {cluster.home / 'env.sh'} puis dossiers list")
        print("Ctrl-C pour arrêter.", flush=True)
        while True:
            cluster.check_alive()
            time.sleep(2)
    except KeyboardInterrupt:
        print("\nairflow-celery: arrêt…", flush=True)
        return 0
    finally:
        cluster.stop()


if __name__ == "__main__":
    from pipeline.cli import guarded  # the CLI's boundary: one line and an exit code, no traceback

    sys.exit(guarded(main))
