"""The object store: one suite for the local directory and for S3 (a real moto server
over HTTP), plus what only one of them has (atomic files, SSE, an unreachable endpoint)."""
from __future__ import annotations

import hashlib
import socket
import time
from pathlib import Path

import pytest
from minio import Minio

from models.errors import ProcessingError
from storage.local_objects import LocalObjectStore
from storage.objects import (
    ORIGINAL_NAME,
    InvalidObjectKey,
    ObjectNotFound,
    ObjectStore,
    ObjectStoreUnavailable,
    StoredObject,
    derived_key,
    open_object_store,
    originals_key,
    sha256_of_file,
    store_original,
    write_atomically,
)
from storage.s3_objects import S3ObjectStore
from storage.settings import Settings
from tests.s3_server import MotoS3Server, free_port

ACCENTED_NAME = "Passeport d'Élodie N°2 — été 100%.pdf"
SHA = "ab" + "0" * 62


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- both implementations ---------------------------------------------------------


def test_bytes_round_trip(object_store: ObjectStore) -> None:
    stored = object_store.put_bytes("derived/x/ocr/words.json", b'{"w": 1}', media_type="application/json")
    assert stored == StoredObject("derived/x/ocr/words.json", 8, "application/json", {})
    assert object_store.get_bytes("derived/x/ocr/words.json") == b'{"w": 1}'
    assert object_store.stat("derived/x/ocr/words.json") == stored
    assert object_store.exists("derived/x/ocr/words.json")


def test_file_round_trip(object_store: ObjectStore, tmp_path: Path) -> None:
    data = bytes(range(256)) * 5000  # over a megabyte: several chunks
    source = write(tmp_path / "in" / "scan.pdf", data)
    stored = object_store.put_file("files/scan.pdf", source, media_type="application/pdf")
    assert (stored.size, stored.media_type) == (len(data), "application/pdf")
    dest = tmp_path / "out" / "deep" / "copy.pdf"
    object_store.download("files/scan.pdf", dest)
    assert dest.read_bytes() == data
    assert [p.name for p in dest.parent.iterdir()] == ["copy.pdf"]  # no temp file left beside it


def test_overwrite_replaces_bytes_and_metadata(object_store: ObjectStore) -> None:
    object_store.put_bytes("k", b"one", metadata={"a": "1"})
    object_store.put_bytes("k", b"three", media_type="text/plain", metadata={"b": "2"})
    assert object_store.get_bytes("k") == b"three"
    assert object_store.stat("k") == StoredObject("k", 5, "text/plain", {"b": "2"})


def test_metadata_with_accents_spaces_and_percent(object_store: ObjectStore) -> None:
    metadata = {ORIGINAL_NAME: ACCENTED_NAME, "note": "  espaces  et % littéral %41 ", "empty": ""}
    stored = object_store.put_bytes("k/é à", b"x", metadata=metadata)
    assert stored.metadata == metadata
    assert object_store.stat("k/é à") == stored


def test_metadata_names_are_restricted(object_store: ObjectStore) -> None:
    for name in ["Upper", "with space", "accentué", "", "x_y"]:
        with pytest.raises(ValueError):
            object_store.put_bytes("k", b"x", metadata={name: "v"})
    assert not object_store.exists("k")


def test_store_original_is_content_addressed(object_store: ObjectStore, tmp_path: Path) -> None:
    first = write(tmp_path / "a" / ACCENTED_NAME, b"%PDF-1.7 the same bytes")
    again = write(tmp_path / "b" / "renamed.pdf", b"%PDF-1.7 the same bytes")
    sha = hashlib.sha256(b"%PDF-1.7 the same bytes").hexdigest()

    stored, created = store_original(object_store, first, original_name=ACCENTED_NAME, media_type="application/pdf")
    assert created
    assert stored.key == originals_key(sha) == f"originals/{sha[:2]}/{sha}"
    assert stored.metadata[ORIGINAL_NAME] == ACCENTED_NAME
    assert stored.media_type == "application/pdf"

    stored_again, created_again = store_original(
        object_store, again, original_name="renamed.pdf", media_type="application/pdf"
    )
    assert not created_again
    # Nothing was written: the first name is still there, and one object only.
    assert stored_again == stored == object_store.stat(stored.key)
    assert list(object_store.list_keys("originals/")) == [stored.key]


def test_list_keys_by_prefix(object_store: ObjectStore) -> None:
    keys = [
        originals_key("ab" + "1" * 62),
        originals_key("ab" + "2" * 62),
        originals_key("cd" + "3" * 62),
        derived_key(SHA, "pages", "0001.png"),
        derived_key(SHA, "pages", "0002.png"),
        derived_key(SHA, "words", "0001.json"),
        "top.txt",
        "top-level/x",
    ]
    for key in reversed(keys):
        object_store.put_bytes(key, b"x")
    assert list(object_store.list_keys()) == sorted(keys)
    assert list(object_store.list_keys("originals/ab/")) == keys[:2]
    assert list(object_store.list_keys("originals/a")) == keys[:2]  # a plain string prefix
    assert list(object_store.list_keys(f"derived/{SHA}/pa")) == keys[3:5]
    assert list(object_store.list_keys("top")) == ["top-level/x", "top.txt"]
    assert list(object_store.list_keys("nothing/here/")) == []


def test_delete(object_store: ObjectStore) -> None:
    object_store.put_bytes("d/one", b"1")
    object_store.put_bytes("d/two", b"2")
    object_store.delete("d/one")
    assert not object_store.exists("d/one")
    assert object_store.stat("d/one") is None
    assert list(object_store.list_keys("d/")) == ["d/two"]
    object_store.delete("d/one")  # deleting again is harmless (retries)


def test_missing_key(object_store: ObjectStore, tmp_path: Path) -> None:
    assert object_store.stat("no/such/key") is None
    assert not object_store.exists("no/such/key")
    with pytest.raises(ObjectNotFound) as raised:
        object_store.get_bytes("no/such/key")
    assert isinstance(raised.value, KeyError)
    assert "no/such/key" in str(raised.value)
    with pytest.raises(KeyError):
        object_store.download("no/such/key", tmp_path / "dest" / "f")
    assert not (tmp_path / "dest" / "f").exists()


BAD_KEYS = ["", "/etc/passwd", "../outside", "a/../../outside", "a//b", "a/./b", "dir/", "a\\b", "a\x00b", "x" * 201]


@pytest.mark.parametrize("key", BAD_KEYS)
def test_unsafe_keys_are_refused(object_store: ObjectStore, tmp_path: Path, key: str) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(InvalidObjectKey):
        object_store.put_bytes(key, b"x")
    for read in (object_store.get_bytes, object_store.stat, object_store.exists, object_store.delete):
        with pytest.raises(InvalidObjectKey):
            read(key)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written beside the store


def test_unsafe_prefixes_are_refused(object_store: ObjectStore) -> None:
    for prefix in ["../", "a/../", "/abs"]:
        with pytest.raises(InvalidObjectKey):
            list(object_store.list_keys(prefix))


# --- key helpers ------------------------------------------------------------------


def test_key_helpers(tmp_path: Path) -> None:
    data = b"x" * 3_000_000
    path = write(tmp_path / "big", data)
    assert sha256_of_file(path) == hashlib.sha256(data).hexdigest()
    assert derived_key(SHA, "pages", "0001.png") == f"derived/{SHA}/pages/0001.png"
    for bad_sha in ["AB" + "0" * 62, "ab", "../" + "0" * 61]:
        with pytest.raises(InvalidObjectKey):
            originals_key(bad_sha)
    with pytest.raises(InvalidObjectKey):
        derived_key(SHA, "pages", "../../originals/x")


def test_open_object_store_follows_settings(tmp_path: Path, s3_settings: Settings) -> None:
    local = open_object_store(Settings.from_env({"DOSSIERS_HOME": str(tmp_path)}))
    assert isinstance(local, LocalObjectStore) and local.root == tmp_path / "objects"
    remote = open_object_store(s3_settings)
    assert isinstance(remote, S3ObjectStore) and remote.bucket == s3_settings.s3_bucket


# --- local directory --------------------------------------------------------------


def test_local_write_is_atomic(tmp_path: Path) -> None:
    def broken_chunks():
        yield b"half"
        raise OSError("disk went away")

    dest = tmp_path / "out" / "file"
    with pytest.raises(OSError):
        write_atomically(dest, broken_chunks())
    assert list((tmp_path / "out").iterdir()) == []  # neither the file nor a temp file


def test_local_store_keeps_bytes_and_sidecar_apart(tmp_path: Path) -> None:
    store = LocalObjectStore(tmp_path / "objects")
    store.put_bytes("k", b"x", metadata={"name": "é"})
    store.put_bytes("k.json", b"y")  # cannot collide with k's sidecar
    assert store.stat("k") == StoredObject("k", 1, "application/octet-stream", {"name": "é"})
    assert list(store.list_keys()) == ["k", "k.json"]
    assert list((tmp_path / "objects" / "tmp").iterdir()) == []


def test_local_store_refuses_links_out_of_it(tmp_path: Path) -> None:
    """A folder or a file of the store that is a link to elsewhere is no object of it."""
    store = LocalObjectStore(tmp_path / "objects")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret").write_bytes(b"s")
    store.put_bytes("a/first", b"1")
    (tmp_path / "objects" / "data" / "b").symlink_to(outside)
    (tmp_path / "objects" / "data" / "a" / "link").symlink_to(outside / "secret")
    for key in ("b/secret", "a/link"):
        with pytest.raises(InvalidObjectKey):
            store.get_bytes(key)
    assert store.get_bytes("a/first") == b"1"


def test_only_durable_writes_wait_for_the_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Originals are forced to the disk before they count as stored; a cache entry,
    which can be made again, is not (a quarter of a born-digital batch's time)."""
    import os

    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    store = LocalObjectStore(tmp_path / "objects")
    store.put_bytes("cache/page.json", b"{}", durable=False)
    assert synced == [] and store.get_bytes("cache/page.json") == b"{}"
    store.put_bytes("originals/file", b"bytes")
    assert len(synced) == 2  # the sidecar, then the bytes


# --- S3 only ----------------------------------------------------------------------


def test_server_side_encryption_is_requested(s3_server: MotoS3Server, s3_settings: Settings) -> None:
    settings = Settings.from_env({**s3_server.env(bucket=s3_settings.s3_bucket, sse=True)})
    store = open_object_store(settings)
    store.put_bytes("secret/one", b"x")
    store.put_file("secret/two", write(Path(settings.home) / "f", b"y"))
    raw = Minio(s3_server.endpoint, access_key=settings.s3_access_key, secret_key=settings.s3_secret_key,
                secure=False)
    for key in ["secret/one", "secret/two"]:
        headers = raw.stat_object(settings.s3_bucket, key).metadata
        assert headers["x-amz-server-side-encryption"] == "AES256"


def test_unreachable_endpoint_fails_fast(tmp_path: Path) -> None:
    settings = Settings.from_env({"DOSSIERS_S3_ENDPOINT": f"127.0.0.1:{free_port()}"})  # nobody listens
    store = open_object_store(settings)  # default timeouts and retries
    started = time.monotonic()
    with pytest.raises(ObjectStoreUnavailable) as raised:
        store.put_bytes("k", b"x")
    assert time.monotonic() - started < 5
    assert isinstance(raised.value, ProcessingError)
    assert "DOSSIERS_S3_ENDPOINT" in str(raised.value)


def test_silent_endpoint_times_out(tmp_path: Path) -> None:
    # Accepts connections (the kernel's backlog does) and never answers.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        endpoint = f"127.0.0.1:{silent.getsockname()[1]}"
        store = S3ObjectStore(endpoint, bucket="dossiers", access_key="a", secret_key="s", read_timeout=0.5, retries=0)
        started = time.monotonic()
        with pytest.raises(ObjectStoreUnavailable):
            store.get_bytes("k")
        assert time.monotonic() - started < 3


def test_bad_configuration_is_a_clear_error() -> None:
    with pytest.raises(ProcessingError, match="without scheme"):
        S3ObjectStore("http://127.0.0.1:9000", bucket="dossiers")
    with pytest.raises(ProcessingError, match="DOSSIERS_S3_BUCKET"):
        S3ObjectStore("127.0.0.1:9000", bucket="Mes_Dossiers")
