"""The object store: one small interface for originals and derived artefacts, with a
local-directory implementation (embedded default) and an S3/MinIO one.

Keys are content-addressed: an original lives under the sha256 of its bytes, so the
same file received twice is stored once, and what is derived from it lives under
that same hash.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from models.errors import DependencyUnavailable, InternalError, TemporarilyUnavailable

if TYPE_CHECKING:
    from storage.settings import Settings

DEFAULT_MEDIA_TYPE = "application/octet-stream"
ORIGINALS_PREFIX = "originals/"
DERIVED_PREFIX = "derived/"
STAGING_PREFIX = "staging/"  # receipts of dossiers staged by an Airflow run, until it finishes
ORIGINAL_NAME = "original-name"  # metadata of an original: the file name it was received under

_MAX_KEY_BYTES = 1024  # the S3 limit
_MAX_SEGMENT_BYTES = 200  # a file name on the local store, with room for ".json" and temp names
_SHA256 = re.compile(r"[0-9a-f]{64}")
# S3 sends metadata names as HTTP headers and lowercases them: allow only what survives.
_METADATA_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_CHUNK = 1024 * 1024


class ObjectStoreError(DependencyUnavailable):
    """The object store refused an operation (credentials, permissions, configuration)."""


class ObjectStoreUnavailable(ObjectStoreError, TemporarilyUnavailable):
    """The object store could not be reached or failed transiently: retrying may succeed."""


class ObjectNotFound(DependencyUnavailable, KeyError):
    """No object under this key (where the records expect one: is DOSSIERS_S3_* the
    store these records were kept in?)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key

    def __str__(self) -> str:  # KeyError would print only the quoted key
        return f"no object under key {self.key!r} in the object store"


class InvalidObjectKey(InternalError, ValueError):
    """A key that could escape the store's root or that S3 and a file system would not agree on."""


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int
    media_type: str
    metadata: dict[str, str] = field(default_factory=dict)


class ObjectStore(Protocol):
    """Metadata values are any text and come back exactly as given; names match
    `[a-z0-9][a-z0-9-]*`. A missing key raises `ObjectNotFound` (a KeyError)."""

    def put_file(
        self, key: str, path: Path, *, media_type: str = DEFAULT_MEDIA_TYPE, metadata: dict[str, str] | None = None
    ) -> StoredObject: ...

    def put_bytes(
        self, key: str, data: bytes, *, media_type: str = DEFAULT_MEDIA_TYPE, metadata: dict[str, str] | None = None,
        durable: bool = True,
    ) -> StoredObject:
        """`durable=False` for what can be made again (a cache): a store may then skip
        waiting for the disk, and after a crash the object may be lost or cut short, which
        its reader must tell (a cache entry that does not parse is a miss)."""
        ...

    def get_bytes(self, key: str) -> bytes: ...

    def download(self, key: str, dest: Path) -> None: ...

    def stat(self, key: str) -> StoredObject | None: ...

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None:
        """Deleting a missing key is not an error (retries must be harmless)."""
        ...

    def list_keys(self, prefix: str = "") -> Iterator[str]:
        """Keys starting with `prefix` (a plain string prefix), in lexicographic order."""
        ...


# --- keys -------------------------------------------------------------------------


def check_key(key: str) -> str:
    """`key` if it is a safe, portable object key; InvalidObjectKey otherwise."""
    if not isinstance(key, str) or not key:
        raise InvalidObjectKey(f"object key must be a non-empty string, got {key!r}")
    if len(key.encode("utf-8")) > _MAX_KEY_BYTES:
        raise InvalidObjectKey(f"object key longer than {_MAX_KEY_BYTES} bytes: {key[:60]!r}...")
    _check_characters(key)
    for segment in key.split("/"):
        _check_segment(segment, key)
    return key


def check_prefix(prefix: str) -> str:
    """Like `check_key`, except that the last segment may be partial or empty."""
    if prefix:
        _check_characters(prefix)
        *folders, _partial = prefix.split("/")
        for segment in folders:
            _check_segment(segment, prefix)
    return prefix


def _check_characters(key: str) -> None:
    if key.startswith("/"):
        raise InvalidObjectKey(f"object key must be relative, got {key!r}")
    if "\\" in key or any(ord(char) < 0x20 or ord(char) == 0x7F for char in key):
        raise InvalidObjectKey(f"object key has a backslash or a control character: {key!r}")


def _check_segment(segment: str, key: str) -> None:
    if segment in {"", ".", ".."}:
        raise InvalidObjectKey(f"object key has an empty, '.' or '..' segment: {key!r}")
    if len(segment.encode("utf-8")) > _MAX_SEGMENT_BYTES:
        raise InvalidObjectKey(f"object key has a segment longer than {_MAX_SEGMENT_BYTES} bytes: {key!r}")


def check_metadata(metadata: dict[str, str] | None) -> dict[str, str]:
    metadata = dict(metadata or {})
    for name, value in metadata.items():
        if not isinstance(name, str) or not _METADATA_NAME.fullmatch(name):
            raise ValueError(f"metadata name must match [a-z0-9][a-z0-9-]*, got {name!r}")
        if not isinstance(value, str):
            raise TypeError(f"metadata value of {name!r} must be a string, got {type(value).__name__}")
    return metadata


def _check_sha256(sha256: str) -> str:
    if not _SHA256.fullmatch(sha256):
        raise InvalidObjectKey(f"expected a lowercase hex sha256, got {sha256!r}")
    return sha256


def originals_key(sha256: str) -> str:
    # Two-character fan-out keeps local directories small.
    return f"{ORIGINALS_PREFIX}{_check_sha256(sha256)[:2]}/{sha256}"


def derived_key(sha256: str, kind: str, name: str) -> str:
    """Where an artefact derived from an original goes, e.g. ("pages", "0001.png")."""
    return check_key(f"{DERIVED_PREFIX}{_check_sha256(sha256)}/{kind}/{name}")


# --- files ------------------------------------------------------------------------


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def file_chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as source:
        while chunk := source.read(_CHUNK):
            yield chunk


def write_atomically(dest: Path, chunks: Iterable[bytes], *, temp_dir: Path | None = None,
                     durable: bool = True) -> int:
    """Write `chunks` to `dest` so that readers see either nothing or the whole file
    (a temp file on the same file system, then os.replace). Returns the size. Not
    `durable`, the bytes are not forced to the disk first: a crash may leave the
    file empty or old (its readers must tell), which costs a cache only a recompute."""
    temp_dir = temp_dir or dest.parent
    temp_dir.mkdir(parents=True, exist_ok=True)
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=temp_dir, prefix=".part-")
    size = 0
    try:
        with os.fdopen(handle, "wb") as temp:
            for chunk in chunks:
                temp.write(chunk)
                size += len(chunk)
            temp.flush()
            if durable:
                os.fsync(temp.fileno())  # the rename must not land before the bytes
        os.replace(temp_name, dest)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return size


# --- content addressing -----------------------------------------------------------


def store_original(
    store: ObjectStore, path: Path, *, original_name: str, media_type: str, sha256: str | None = None
) -> tuple[StoredObject, bool]:
    """Keep a received file under the hash of its bytes (`sha256` when the caller has it
    already). Returns (object, created): when those bytes are already stored nothing is
    written, and the first name they were received under stays in the metadata."""
    key = originals_key(sha256 or sha256_of_file(path))
    existing = store.stat(key)
    if existing is not None:
        return existing, False
    # Two workers racing here both write the same bytes under the same key: harmless.
    # The media type travels as the object's own (Content-Type on S3), the name as
    # metadata; the S3 store URL-encodes metadata values, names have accents and spaces.
    stored = store.put_file(key, path, media_type=media_type, metadata={ORIGINAL_NAME: original_name})
    return stored, True


def open_object_store(settings: Settings) -> ObjectStore:
    """S3/MinIO when DOSSIERS_S3_ENDPOINT is set, else the local directory home/objects."""
    # Imported here so that the local default needs neither the minio client nor urllib3.
    if settings.s3_endpoint:
        from storage.s3_objects import S3ObjectStore

        return S3ObjectStore.from_settings(settings)
    from storage.local_objects import LocalObjectStore

    return LocalObjectStore(settings.home / "objects")
