"""docker/: the compose files are valid Compose, and every service names configuration that exists in
the project (Dockerfile and mounted scripts, DOSSIERS_* settings, real `airflow` subcommands), with
MinIO's encryption at rest on. Fast and offline: no Docker engine is needed.

Validation is done twice: against the Compose Specification JSON schema vendored in
docker/schema/ (always), and with Debian's `docker-compose config` 1.29 (package `docker-compose`,
skipped only where that binary is absent)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKER = ROOT / "docker"
COMPOSE = DOCKER / "docker-compose.yml"
WORKER_OVERRIDE = DOCKER / "docker-compose.worker.yml"
ENV_EXAMPLE = DOCKER / ".env.example"
DOCKERFILE = DOCKER / "Dockerfile"
SCHEMA = DOCKER / "schema" / "compose-spec.json"
SETTINGS = ROOT / "storage" / "settings.py"

# Being added with the Airflow DAGs (issue 4): the inbox prefix in the bucket.
EXTRA_DOSSIERS_VARIABLES = {"DOSSIERS_INBOX_PREFIX"}
AIRFLOW_COMMANDS_REQUIRED = {"celery worker", "scheduler", "dag-processor", "api-server", "db migrate"}
# Provided by apache-airflow-providers-celery, which the image installs; used when it is not installed here.
CELERY_FALLBACK = {"celery": {"worker": set(), "flower": set(), "stop": set()}}

_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _env_example() -> dict[str, str]:
    values = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", line)
        if m:
            values[m.group(1)] = m.group(2)
    return values


def _interpolate(value, env: dict[str, str]):
    if isinstance(value, str):
        def sub(m: re.Match) -> str:
            name, op, arg = m.group(1), m.group(2), m.group(3)
            got = env.get(name)
            if op in (":-", "-") and not got:
                return arg
            return got or ""
        return _VAR.sub(sub, value.replace("$$", "\0")).replace("\0", "$")
    if isinstance(value, list):
        return [_interpolate(v, env) for v in value]
    if isinstance(value, dict):
        return {k: _interpolate(v, env) for k, v in value.items()}
    return value


@pytest.fixture(scope="module")
def compose() -> dict:
    return _load(COMPOSE)


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return _interpolate(compose["services"], _env_example())


def _environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {k: "" if v is None else str(v) for k, v in env.items()}


def _project_services(services: dict) -> dict[str, dict]:
    """The services that run the project's image (pipeline + Airflow)."""
    return {name: s for name, s in services.items() if "build" in s}


# --- Compose validity -------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [COMPOSE, WORKER_OVERRIDE], ids=lambda p: p.name)
def test_compose_file_matches_the_compose_schema(path):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft201909Validator(schema)
    errors = sorted(validator.iter_errors(_load(path)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def _docker_compose(*files: Path) -> list[str]:
    binary = shutil.which("docker-compose")
    if binary is None:
        pytest.skip("Debian's docker-compose (1.29) is not installed")
    args = [binary]
    for f in files:
        args += ["-f", str(f)]
    return args + ["--env-file", str(ENV_EXAMPLE)]


@pytest.mark.parametrize("files", [(COMPOSE,), (COMPOSE, WORKER_OVERRIDE)], ids=["main", "with-worker-override"])
def test_docker_compose_config_accepts_the_files(files):
    result = subprocess.run(
        _docker_compose(*files) + ["config", "-q"], capture_output=True, text=True, timeout=60, cwd=DOCKER,
    )
    assert result.returncode == 0, result.stderr


def test_every_variable_the_compose_files_use_is_documented_in_env_example():
    documented = set(_env_example())
    used = set()
    for path in (COMPOSE, WORKER_OVERRIDE):
        text = path.read_text(encoding="utf-8").replace("$$", "")
        used |= {m.group(1) for m in _VAR.finditer(text)}
    assert used - documented == set(), f"missing from docker/.env.example: {sorted(used - documented)}"


def test_env_example_holds_placeholders_not_secrets():
    env = _env_example()
    for name, value in env.items():
        if re.search(r"PASSWORD|SECRET|FERNET|KMS", name) and name != "DOSSIERS_S3_ACCESS_KEY":
            assert "CHANGE_ME" in value, f"{name} in .env.example must be a CHANGE_ME placeholder"


# --- every service names configuration present in the project ----------------------------------------

def test_build_context_and_dockerfile_exist(services):
    built = _project_services(services)
    assert built, "no service builds the project's image"
    for name, service in built.items():
        build = service["build"]
        context = (DOCKER / (build if isinstance(build, str) else build.get("context", "."))).resolve()
        dockerfile = context / (build.get("dockerfile", "Dockerfile") if isinstance(build, dict) else "Dockerfile")
        assert context == ROOT, f"{name}: build context {context} is not the project root"
        assert dockerfile.is_file(), f"{name}: {dockerfile} missing"


def test_dockerfile_copies_files_that_exist_and_every_package():
    copied = set()
    for line in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^COPY\s+(?!--from)(.+)$", line.strip())
        if m:
            *sources, _dest = m.group(1).split()
            for src in sources:
                assert (ROOT / src).exists(), f"Dockerfile copies {src}, which is not in the project"
                copied.add(src.rstrip("/").split("/")[0])
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = {p.rstrip("*") for p in pyproject["tool"]["setuptools"]["packages"]["find"]["include"]}
    assert packages | {"pyproject.toml", "requirements.lock", "dags"} <= copied, (
        f"Dockerfile does not copy {sorted(packages | {'pyproject.toml', 'requirements.lock', 'dags'} - copied)}"
    )


def test_dockerfile_installs_what_the_pipeline_calls():
    text = DOCKERFILE.read_text(encoding="utf-8")
    script = (ROOT / "scripts" / "install-system-packages.sh").read_text(encoding="utf-8")
    wanted = {p for p in re.findall(r"\b(tesseract-ocr[\w-]*|fonts-[\w-]+)", script)}
    assert wanted and all(re.search(rf"\b{re.escape(p)}\b", text) for p in wanted), wanted
    assert re.search(r"pip install -r requirements\.lock", text)
    assert re.search(r'apache-airflow\[celery,postgres,redis\]==\$\{AIRFLOW_VERSION\}', text)
    assert re.search(r"ARG AIRFLOW_VERSION=3\.3\.\d+", text)
    constraints = (DOCKER / "airflow-constraints.txt").read_text(encoding="utf-8")
    for pkg in ("apache-airflow-providers-celery", "celery", "redis"):
        assert re.search(rf"^{re.escape(pkg)}==[\w.]+$", constraints, re.M), f"{pkg} not pinned"
    assert "OMP_THREAD_LIMIT=1" in text and "AIRFLOW__CORE__DAGS_FOLDER=/opt/dossiers/dags" in text
    assert re.search(r"^USER\s+(?!root|0\b)\S+", text, re.M), "the image must run as a non-root user"


def test_mounted_files_exist(services):
    mounted = 0
    for name, service in services.items():
        for volume in service.get("volumes") or []:
            source = volume.split(":", 1)[0] if isinstance(volume, str) else volume.get("source", "")
            if source.startswith((".", "/")):
                path = (DOCKER / source).resolve()
                assert path.exists(), f"{name} mounts {source}, which does not exist"
                mounted += 1
    assert mounted >= 2  # the PostgreSQL and MinIO init scripts


def test_postgres_init_script_creates_the_records_database(services):
    mounts = [v for v in services["postgres"]["volumes"] if "/docker-entrypoint-initdb.d/" in v]
    assert mounts, "postgres has no init script"
    script = (DOCKER / mounts[0].split(":")[0]).read_text(encoding="utf-8")
    assert "CREATE DATABASE" in script
    env = _environment(services["postgres"])
    for var in re.findall(r"\$\{?(RECORDS_DB_\w+)", script):
        assert var in env, f"init script reads {var}, which the postgres service does not set"
    # the records database is the one the pipeline connects to, Airflow's is the other one
    for service in _project_services(services).values():
        url = _environment(service)["DOSSIERS_DATABASE_URL"]
        assert url.rsplit("/", 1)[1] == env["RECORDS_DB_NAME"] != env["POSTGRES_DB"]


def _settings_variables() -> set[str]:
    """DOSSIERS_* names the pipeline reads (storage/settings.py) and those the DAG files read."""
    names = set(re.findall(r"""env\.get\(\s*["'](DOSSIERS_[A-Z0-9_]+)["']""", SETTINGS.read_text(encoding="utf-8")))
    assert names, "no DOSSIERS_* variable found in storage/settings.py"
    for dag_file in (ROOT / "dags").glob("*.py"):
        names |= set(re.findall(r"""["'](DOSSIERS_[A-Z0-9_]+)["']""", dag_file.read_text(encoding="utf-8")))
    return names | EXTRA_DOSSIERS_VARIABLES


def test_every_dossiers_variable_is_one_the_settings_read(services):
    known = _settings_variables()
    for name, service in services.items():
        unknown = {k for k in _environment(service) if k.startswith("DOSSIERS_")} - known
        assert not unknown, f"{name} sets {sorted(unknown)}, which neither storage/settings.py nor dags/ read"
    for name, service in _project_services(services).items():
        env = _environment(service)
        for required in ("DOSSIERS_DATABASE_URL", "DOSSIERS_S3_ENDPOINT", "DOSSIERS_S3_ACCESS_KEY",
                         "DOSSIERS_S3_SECRET_KEY", "DOSSIERS_S3_BUCKET", "DOSSIERS_INBOX_PREFIX"):
            assert env.get(required), f"{name} lacks {required}"
        host = env["DOSSIERS_S3_ENDPOINT"].split(":")[0]
        assert host in services, f"{name}: DOSSIERS_S3_ENDPOINT names no service"


# --- Airflow ------------------------------------------------------------------------------------------

_DUMP_CLI = r"""
import json
from airflow.cli import cli_config
def flags(cmd):
    return sorted({f for a in getattr(cmd, "args", ()) for f in getattr(a, "flags", ()) if f.startswith("-")})
tree = {}
for group in cli_config.core_commands:
    subs = getattr(group, "subcommands", None)
    tree[group.name] = {s.name: flags(s) for s in subs} if subs else {"": flags(group)}
try:
    from airflow.providers.celery.executors.celery_executor import CeleryExecutor
    for group in CeleryExecutor.get_cli_commands():
        tree[group.name] = {s.name: flags(s) for s in group.subcommands}
except ImportError:
    pass
print(json.dumps(tree))
"""


@pytest.fixture(scope="module")
def airflow_cli(tmp_path_factory) -> dict[str, dict[str, set[str]]]:
    pytest.importorskip("airflow", reason="Airflow is not installed in this environment")
    env = dict(os.environ, AIRFLOW_HOME=str(tmp_path_factory.mktemp("airflow_home")), AIRFLOW__CORE__LOAD_EXAMPLES="False")
    out = subprocess.run([sys.executable, "-c", _DUMP_CLI], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    tree = {g: {s: set(f) for s, f in subs.items()} for g, subs in json.loads(out.stdout.strip().splitlines()[-1]).items()}
    for group, subs in CELERY_FALLBACK.items():
        tree.setdefault(group, subs)
    return tree


def _airflow_invocations(service: dict) -> list[list[str]]:
    command = service.get("command") or []
    if isinstance(command, str):
        command = [command]
    if command and command[0] == "airflow":
        return [command]
    found = []
    for part in command:  # bash -c '... airflow db migrate ...'
        for line in re.split(r"[\n;&|]+", part):
            m = re.search(r"(?:^|\s|exec\s+)airflow\s+(.*)$", line.strip())
            if m:
                found.append(["airflow"] + m.group(1).split())
    return found


def test_airflow_commands_are_real_subcommands(services, airflow_cli):
    seen = set()
    for name, service in _project_services(services).items():
        invocations = _airflow_invocations(service)
        if re.search(r"\bdossiers\s+serve\b", " ".join(map(str, service.get("command") or []))):
            continue  # the review UI runs the project's own command
        assert invocations, f"{name} runs no airflow command"
        for argv in invocations:
            group = argv[1]
            assert group in airflow_cli, f"{name}: `airflow {group}` is not an airflow command"
            subs = airflow_cli[group]
            if "" in subs:
                sub, options = "", subs[""]
            else:
                sub = argv[2] if len(argv) > 2 else ""
                assert sub in subs, f"{name}: `airflow {group} {sub}` is not an airflow command"
                options = subs[sub]
            seen.add(f"{group} {sub}".strip())
            if options:  # the flags, where the CLI tree tells them
                for arg in argv[2:]:
                    if arg.startswith("-"):
                        assert arg.split("=")[0] in options, f"{name}: airflow {group} {sub} has no {arg}"
    assert AIRFLOW_COMMANDS_REQUIRED <= seen, f"missing: {sorted(AIRFLOW_COMMANDS_REQUIRED - seen)}"


def test_airflow_processes_share_executor_database_broker_and_jwt_secret(services):
    airflow = _project_services(services)
    keys = ("AIRFLOW__CORE__EXECUTOR", "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "AIRFLOW__CELERY__BROKER_URL",
            "AIRFLOW__CELERY__RESULT_BACKEND", "AIRFLOW__API_AUTH__JWT_SECRET", "AIRFLOW__CORE__FERNET_KEY",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL")
    for key in keys:
        values = {name: _environment(s).get(key) for name, s in airflow.items()}
        assert len(set(values.values())) == 1 and None not in values.values(), f"{key} differs: {values}"
    env = _environment(next(iter(airflow.values())))
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql+psycopg://")
    assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://")
    api = re.match(r"https?://([\w.-]+):(\d+)/execution/?$", env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"])
    assert api and api.group(1) in services and api.group(1) == "airflow-apiserver"
    assert "api-server" in services[api.group(1)]["command"]
    for url_key, service in (("AIRFLOW__CELERY__BROKER_URL", "redis"), ("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "postgres")):
        assert f"@{service}:" in env[url_key]


def test_workers_scale_and_use_their_cores(services):
    worker = services["airflow-worker"]
    assert "container_name" not in worker and not worker.get("ports"), "a scaled service cannot fix its name or ports"
    assert "nproc" in " ".join(worker["command"])
    assert _environment(worker)["DOSSIERS_WORKERS"] == "1"


def test_healthchecks(services):
    for name in ("postgres", "redis", "minio", "airflow-apiserver"):
        assert services[name].get("healthcheck", {}).get("test"), f"{name} has no healthcheck"


def test_review_ui_placeholder_or_service(services):
    """The review UI (`dossiers serve`) is not a service until it exists; then it runs the project's image."""
    ui = {n: s for n, s in services.items() if re.search(r"\bdossiers\s+serve\b", " ".join(map(str, s.get("command") or [])))}
    if ui:
        assert all("build" in s for s in ui.values())
    else:
        assert re.search(r"^\s*#.*dossiers.*serve", COMPOSE.read_text(encoding="utf-8"), re.M)


# --- encryption at rest -------------------------------------------------------------------------------

def test_minio_encryption_at_rest_is_on(services):
    minio = services["minio"]
    assert minio["image"].startswith("minio/minio:RELEASE."), "a real, pinned MinIO image"
    kms = _environment(minio).get("MINIO_KMS_SECRET_KEY")
    assert kms and ":" in kms, "MinIO needs its KMS key for SSE-S3"
    init = services["minio-init"]
    assert init["image"].startswith("minio/mc:RELEASE.")
    script_mount = next(v for v in init["volumes"] if isinstance(v, str) and v.startswith("./"))
    script = (DOCKER / script_mount.split(":")[0]).read_text(encoding="utf-8")
    assert re.search(r'mc encrypt set sse-s3 "?local/\$DOSSIERS_S3_BUCKET', script)
    assert init["depends_on"]["minio"]["condition"] == "service_healthy"
    bucket = {_environment(s)["DOSSIERS_S3_BUCKET"] for s in _project_services(services).values()}
    assert bucket == {_environment(init)["DOSSIERS_S3_BUCKET"]}
    for name, service in _project_services(services).items():
        assert _environment(service).get("DOSSIERS_S3_SSE") == "1", f"{name} must ask for SSE (DOSSIERS_S3_SSE=1)"
        assert service["depends_on"]["minio-init"]["condition"] == "service_completed_successfully"


# --- the same Celery settings as `make airflow-celery` (issue 14) ---------------------------------------

def test_celery_settings_are_those_of_make_airflow_celery(services):
    """A lost worker's tasks come back the same way in both deployments: acks late, the visibility
    timeout, prefetch, the heartbeat timeout; and docker/README.md names every one."""
    from pipeline.airflow_celery import CELERY_SETTINGS

    assert {"AIRFLOW__CELERY__TASK_ACKS_LATE", "AIRFLOW__CELERY_BROKER_TRANSPORT_OPTIONS__VISIBILITY_TIMEOUT",
            "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT"} <= set(CELERY_SETTINGS)
    for name, service in _project_services(services).items():
        env = _environment(service)
        differ = {k: (env.get(k), v) for k, v in CELERY_SETTINGS.items() if env.get(k) != v}
        assert not differ, f"{name}: (compose, make airflow-celery) differ: {differ}"
    readme = (DOCKER / "README.md").read_text(encoding="utf-8")
    for key, value in CELERY_SETTINGS.items():
        if key.startswith(("AIRFLOW__CELERY", "AIRFLOW__SCHEDULER")):
            assert re.search(rf"`{re.escape(key)}` \| `{re.escape(value)}`", readme), f"docker/README.md: {key}"
    # the visibility timeout outlasts the longest page read (DOSSIERS_READ_SECONDS)
    from extractors.limits import Limits

    assert int(CELERY_SETTINGS["AIRFLOW__CELERY_BROKER_TRANSPORT_OPTIONS__VISIBILITY_TIMEOUT"]) > 5 * Limits().read_seconds


def test_make_airflow_celery_worker_command_is_real(airflow_cli, tmp_path):
    from pipeline.airflow_celery import worker_command

    argv = worker_command("worker-1", 1, tmp_path / "w.pid")
    assert argv[:3] == ["airflow", "celery", "worker"]
    options = airflow_cli["celery"]["worker"]
    if options:
        for arg in argv[3:]:
            if arg.startswith("-"):
                assert arg in options, f"airflow celery worker has no {arg}"
