"""Shared fixtures. Real components only: servers run as separate processes."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.local_objects import LocalObjectStore
from storage.objects import ObjectStore
from storage.s3_server import MotoS3Server
from storage.settings import Settings


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
