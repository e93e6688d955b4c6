"""One error hierarchy (issue 12): every exception class of the project is a
DossierError of one of four categories, each with its exit code; the CLI turns any
error into one line and that code at one boundary; the Airflow retry policy names
classes and retries only what waiting can cure."""
from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import socket
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from models.errors import (
    EXIT_BAD_INPUT,
    EXIT_CODES,
    EXIT_INTERNAL,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    BadInputError,
    DependencyUnavailable,
    DossierError,
    InternalError,
    ProcessingError,
    TemporarilyUnavailable,
    UsageError,
)
from pipeline.cli import guarded

PROJECT = Path(__file__).resolve().parents[1]
# dags/ is left out: importing it needs Airflow (its policy is tested below, in a subprocess).
PACKAGES = ("models", "extractors", "validators", "storage", "pipeline", "web")
CATEGORIES = {UsageError: EXIT_USAGE, BadInputError: EXIT_BAD_INPUT,
              DependencyUnavailable: EXIT_UNAVAILABLE, InternalError: EXIT_INTERNAL}


def project_modules() -> list:
    modules = []
    for package in PACKAGES:
        root = importlib.import_module(package)
        modules.append(root)
        for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
            if not info.name.endswith("__main__"):
                modules.append(importlib.import_module(info.name))
    return modules


def project_exceptions() -> dict[str, type[BaseException]]:
    """Every exception class defined in the project's packages (nested ones included)."""
    found: dict[str, type[BaseException]] = {}

    def visit(namespace: dict, module_name: str) -> None:
        for value in namespace.values():
            if inspect.isclass(value) and value.__module__ == module_name:
                name = f"{module_name}.{value.__qualname__}"
                if name in found:
                    continue
                if issubclass(value, BaseException):
                    found[name] = value
                visit(vars(value), module_name)

    for module in project_modules():
        visit(vars(module), module.__name__)
    return found


def test_every_exception_is_a_dossier_error_with_a_documented_exit_code() -> None:
    exceptions = project_exceptions()
    # the walk sees the classes spread over the layers, not only models/errors.py
    assert {"storage.objects.ObjectNotFound", "web.security.Forbidden", "pipeline.page_pool.WorkerError",
            "extractors.ocr.OcrTimeout", "storage.database.MigrationError"} <= set(exceptions)
    outside = sorted(name for name, cls in exceptions.items() if not issubclass(cls, DossierError))
    assert outside == [], "not under DossierError"
    for name, cls in exceptions.items():
        assert cls.exit_code in EXIT_CODES, name
        if cls is DossierError:
            continue
        categories = [c for c in CATEGORIES if issubclass(cls, c)]
        assert len(categories) == 1, f"{name} is in {categories}: one category each"
        assert cls.exit_code == CATEGORIES[categories[0]], name


def test_the_codes_are_distinct_and_a_dependency_is_not_bad_usage() -> None:
    assert len(set(CATEGORIES.values())) == len(CATEGORIES) and set(CATEGORIES.values()) == EXIT_CODES
    assert ProcessingError.exit_code != EXIT_USAGE
    assert issubclass(TemporarilyUnavailable, DependencyUnavailable)
    assert not EXIT_CODES & {0, 1}  # the command's own outcomes


def test_builtin_bases_are_kept_for_callers_that_catch_them() -> None:
    from storage.objects import InvalidObjectKey, ObjectNotFound
    from storage.reviews import StaleReview
    from storage.users import InvalidAccount
    from validators.legal_amounts import AmountNotInForce
    from web.page_images import PageNotFound

    assert issubclass(ObjectNotFound, KeyError) and issubclass(InvalidObjectKey, ValueError)
    assert issubclass(StaleReview, ValueError) and issubclass(InvalidAccount, ValueError)
    assert issubclass(AmountNotInForce, LookupError) and issubclass(PageNotFound, LookupError)
    assert str(ObjectNotFound("k")) == "no object under key 'k' in the object store"


def test_errors_survive_pickling_between_processes() -> None:
    import pickle

    from models import EmptyFile
    from storage.objects import ObjectNotFound
    from storage.records import DossierBusy

    for error in (EmptyFile("a.pdf", "0 octet"), ObjectNotFound("k"), DossierBusy("occupé")):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and str(again) == str(error)


# --- the CLI's boundary ------------------------------------------------------------------


def run_guarded(error: BaseException, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    def command() -> int:
        raise error

    code = guarded(command)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("error, code, says", [
    (UsageError("indiquez des références"), EXIT_USAGE, "indiquez des références"),
    (psycopg.OperationalError("connection refused"), EXIT_UNAVAILABLE, "DOSSIERS_DATABASE_URL"),
    (ConnectionRefusedError(111, "Connection refused"), EXIT_UNAVAILABLE, "vérifiez qu'il est démarré"),
    (PermissionError(13, "Permission denied"), EXIT_UNAVAILABLE, "les droits"),
    (KeyError("surprise"), EXIT_INTERNAL, "relancez avec -v"),
    (DossierError("sans catégorie"), EXIT_INTERNAL, "signalez-la"),
])
def test_the_boundary_prints_one_line_and_the_category_code(error: BaseException, code: int, says: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    exit_code, stderr = run_guarded(error, capsys)
    assert exit_code == code
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
    assert stderr.startswith("dossiers: ") and says in stderr, stderr


def test_the_boundary_maps_our_classes_to_their_codes(capsys: pytest.CaptureFixture[str]) -> None:
    from storage.database import DatabaseUnavailable, MigrationError
    from storage.embedded_postgres import EmbeddedPostgresError
    from storage.objects import ObjectStoreUnavailable

    for error, code in ((DatabaseUnavailable("PostgreSQL injoignable"), EXIT_UNAVAILABLE),
                        (ObjectStoreUnavailable("stockage injoignable : vérifiez DOSSIERS_S3_ENDPOINT"),
                         EXIT_UNAVAILABLE),
                        (EmbeddedPostgresError("remove it"), EXIT_UNAVAILABLE),
                        (MigrationError("migration 0001 was changed"), EXIT_INTERNAL)):
        exit_code, stderr = run_guarded(error, capsys)
        assert exit_code == code, (error, stderr)
        assert "Traceback" not in stderr and str(error) in stderr


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again: nobody listens there


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          timeout=120, env=env, cwd=PROJECT, check=False)


def test_an_unreachable_database_exits_with_the_dependency_code(tmp_path: Path) -> None:
    env = {**os.environ, "DOSSIERS_HOME": str(tmp_path / "home"),
           "DOSSIERS_DATABASE_URL": f"postgresql://dossiers@127.0.0.1:{closed_port()}/dossiers?connect_timeout=2"}
    proc = run_cli(env, "list")
    assert proc.returncode == EXIT_UNAVAILABLE, proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "DOSSIERS_DATABASE_URL" in proc.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    env = {**os.environ, "DOSSIERS_HOME": str(tmp_path / "home")}
    rerun = run_cli(env, "rerun")  # neither references nor --failed: refused before any service
    assert rerun.returncode == EXIT_USAGE and "indiquez des références" in rerun.stderr
    unknown = run_cli(env, "list", "--status", "nope")
    assert unknown.returncode == EXIT_USAGE and "Traceback" not in unknown.stderr


def test_a_changed_migration_is_one_line_not_a_traceback(cli_env: dict[str, str]) -> None:
    from storage.database import Database

    with Database(cli_env["DOSSIERS_DATABASE_URL"]) as db:
        db.migrate()
        with db.connection() as conn:
            conn.execute("UPDATE schema_migrations SET checksum = 'changed' "
                         "WHERE name = (SELECT min(name) FROM schema_migrations)")
    proc = run_cli(cli_env, "list")
    assert proc.returncode == EXIT_INTERNAL, proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "was changed after it was applied" in proc.stderr


# --- the Airflow retry policy ------------------------------------------------------------

POLICY_SCRIPT = """
import json, psycopg
from dags.common import RETRY_POLICY
from models import EmptyFile
from storage.database import DatabaseUnavailable, MigrationError
from storage.objects import ObjectNotFound, ObjectStoreError, ObjectStoreUnavailable
from storage.records import DossierBusy
from validators.data_files import DataFileError

cases = {
    "object store down": ObjectStoreUnavailable("down"),
    "dossier busy": DossierBusy("busy"),
    "database down": DatabaseUnavailable("down"),
    "driver connection fault": psycopg.OperationalError("gone"),
    "bad input": EmptyFile("a.pdf"),
    "object store refuses": ObjectStoreError("credentials"),
    "data table broken": DataFileError("broken"),
    "object missing": ObjectNotFound("k"),
    "changed migration": MigrationError("changed"),
    "a bug": ValueError("bug"),
}
print(json.dumps({
    "strings": [s for r in RETRY_POLICY.rules for s in r._specs if isinstance(s, str)],
    "actions": {k: RETRY_POLICY.evaluate(e, 1, 4).action.value for k, e in cases.items()},
}))
"""


def test_the_retry_policy_names_classes_and_retries_only_what_waiting_cures(tmp_path: Path) -> None:
    from tests.test_dags import airflow_env

    proc = subprocess.run([sys.executable, "-c", POLICY_SCRIPT], env=airflow_env(tmp_path), capture_output=True,
                          text=True, timeout=120, cwd=PROJECT, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["strings"] == []
    actions = report["actions"]
    assert {k for k, v in actions.items() if v == "retry"} == {
        "object store down", "dossier busy", "database down", "driver connection fault"}
    assert {k for k, v in actions.items() if v == "fail"} == {
        "bad input", "object store refuses", "data table broken", "object missing", "changed migration"}
    assert actions["a bug"] == "default"  # not ours: Airflow's own retries
