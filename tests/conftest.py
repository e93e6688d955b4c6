"""Shared fixtures. Real components only: servers run as separate processes."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from storage.local_objects import LocalObjectStore
from storage.objects import ObjectStore
from storage.settings import Settings
from tests.s3_server import MotoS3Server

# --- object store (issue 3) -------------------------------------------------------


@pytest.fixture(scope="session")
def s3_server() -> Iterator[MotoS3Server]:
    """moto's S3 server on a free 127.0.0.1 port, one per test process (xdist worker)."""
    with MotoS3Server() as server:
        yield server


@pytest.fixture
def s3_settings(s3_server: MotoS3Server, tmp_path: Path) -> Settings:
    """Settings pointing at the test S3 server, with a bucket of this test's own."""
    env = s3_server.env(bucket=f"test-{uuid.uuid4().hex[:16]}")
    return Settings.from_env({"DOSSIERS_HOME": str(tmp_path / "home"), **env})


@pytest.fixture(params=["local", "s3"])
def object_store(request: pytest.FixtureRequest, tmp_path: Path) -> ObjectStore:
    """Each implementation in turn: the suite that uses it holds for both."""
    if request.param == "local":
        return LocalObjectStore(tmp_path / "objects")
    from storage.s3_objects import S3ObjectStore

    return S3ObjectStore.from_settings(request.getfixturevalue("s3_settings"))


# --- records in PostgreSQL (issue 3) ----------------------------------------------

import os
import time

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

from storage.database import Database
from storage.embedded_postgres import EmbeddedPostgres, server_user


def pytest_configure(config: pytest.Config) -> None:
    # The embedded servers' user (when root) is made once, before the xdist workers start
    # their servers side by side.
    if not hasattr(config, "workerinput"):
        server_user()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The modules holding slow end-to-end tests first, each kept whole (its module fixtures are made once): with
    workers stealing work, a four-minute test started last keeps one worker busy alone while the others have
    finished. The order is the same in every worker, as xdist needs."""
    slow_modules = {item.module.__name__ for item in items if item.get_closest_marker("slow") and item.module}
    items.sort(key=lambda item: item.module is None or item.module.__name__ not in slow_modules)


from storage.records import Records


@pytest.fixture(scope="session")
def postgres_admin_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real PostgreSQL server for the session: DOSSIERS_TEST_DATABASE_URL if set (a role
    that may CREATE DATABASE), else the embedded server started in a tmp dir, one per
    test process (xdist worker), stopped at the end."""
    configured = os.environ.get("DOSSIERS_TEST_DATABASE_URL")
    if configured:
        yield configured
        return
    server = EmbeddedPostgres(tmp_path_factory.mktemp("embedded") / "postgres", durable=False)
    started = time.monotonic()
    server.start()
    print(f"embedded PostgreSQL started in {time.monotonic() - started:.1f} s")
    try:
        yield server.conninfo("postgres")
    finally:
        server.stop()


@contextmanager
def fresh_database(postgres_admin_url: str) -> Iterator[str]:
    """A new, empty database on the server, dropped afterwards: its connection string."""
    name = f"test_{uuid.uuid4().hex[:20]}"
    with psycopg.connect(postgres_admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield make_conninfo(postgres_admin_url, dbname=name)
    finally:
        with psycopg.connect(postgres_admin_url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def database_url(postgres_admin_url: str) -> Iterator[str]:
    """A fresh, empty database for this test alone (tests stay independent under xdist)."""
    with fresh_database(postgres_admin_url) as url:
        yield url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """The pool on this test's database, migrated."""
    with Database(database_url) as db:
        db.migrate()
        yield db


@pytest.fixture
def records(database: Database) -> Records:
    return Records(database)


# --- the command line on storage -------------------------------------------------------


@pytest.fixture
def cli_env(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment for running `dossiers` against a fresh database and a private home
    (objects in a local directory); also applied to this process."""
    env = {"DOSSIERS_HOME": str(tmp_path / "home"), "DOSSIERS_DATABASE_URL": database_url}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return {**os.environ, **env}
