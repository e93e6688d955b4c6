"""The object store on MinIO (or any S3 endpoint) through the `minio` client.

The bucket is created on first use. Metadata travels as x-amz-meta-* headers with
URL-encoded values (headers are ASCII; file names have accents and spaces).
Failures come out as the project's errors: a missing key is ObjectNotFound, an
unreachable or failing server ObjectStoreUnavailable (retryable), a refusal
(credentials, permissions) ObjectStoreError. Timeouts and retries are short so
that a dead endpoint fails a dossier in seconds, not minutes.
"""
from __future__ import annotations

import datetime as dt

import io
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import certifi
import urllib3
from minio import Minio
from minio.error import InvalidResponseError, S3Error, ServerError
from minio.helpers import DictType, check_bucket_name
from minio.sse import SseS3

from storage.objects import (
    DEFAULT_MEDIA_TYPE,
    ObjectNotFound,
    ObjectStoreError,
    ObjectStoreUnavailable,
    StoredObject,
    check_key,
    check_metadata,
    check_prefix,
    write_atomically,
)
from storage.settings import Settings

_USER_METADATA = "x-amz-meta-"
# Printable ASCII that headers carry as is; everything else (and '%') is percent-encoded.
_HEADER_SAFE = "/:@,;=+()!*'-_.~"
_MISSING_KEY_CODES = {"NoSuchKey", "NoSuchObject", "ResourceNotFound"}
_TRANSIENT_CODES = {"SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout", "OperationAborted"}
_BUCKET_ALREADY_THERE = {"BucketAlreadyOwnedByYou", "BucketAlreadyExists"}
_DOWNLOAD_CHUNK = 1024 * 1024


class S3ObjectStore:
    def __init__(
        self,
        endpoint: str,
        *,
        bucket: str,
        access_key: str | None = None,
        secret_key: str | None = None,
        secure: bool = False,
        sse: bool = False,
        connect_timeout: float = 3.0,
        read_timeout: float = 30.0,
        retries: int = 2,
    ) -> None:
        if "://" in endpoint or "/" in endpoint:
            raise ObjectStoreError(
                f"DOSSIERS_S3_ENDPOINT must be host:port without scheme or path, got {endpoint!r} "
                "(use DOSSIERS_S3_SECURE=1 for https)"
            )
        try:
            check_bucket_name(bucket, strict=True)
        except ValueError:
            raise ObjectStoreError(
                f"DOSSIERS_S3_BUCKET must be a valid S3 bucket name (3-63 lowercase letters, digits, "
                f"'-' or '.'), got {bucket!r}"
            ) from None
        self.endpoint = endpoint
        self.bucket = bucket
        self._sse = SseS3() if sse else None
        self._bucket_ready = False
        self._client = Minio(
            endpoint,
            access_key=access_key,
            secret_key=secret_key,
            secure=secure,
            http_client=_http_client(connect_timeout, read_timeout, retries),
        )

    @classmethod
    def from_settings(cls, settings: Settings, **client_options: Any) -> S3ObjectStore:
        """`client_options`: connect_timeout, read_timeout, retries (tests shorten them)."""
        assert settings.s3_endpoint, "from_settings needs DOSSIERS_S3_ENDPOINT"
        return cls(
            settings.s3_endpoint,
            bucket=settings.s3_bucket,
            access_key=settings.s3_access_key,
            secret_key=settings.s3_secret_key,
            secure=settings.s3_secure,
            sse=settings.s3_sse,
            **({"read_timeout": settings.s3_timeout} | client_options),
        )

    def __repr__(self) -> str:
        return f"S3ObjectStore({self.endpoint!r}, bucket={self.bucket!r})"

    def put_file(
        self, key: str, path: Path, *, media_type: str = DEFAULT_MEDIA_TYPE, metadata: dict[str, str] | None = None
    ) -> StoredObject:
        metadata = check_metadata(metadata)
        with self._errors_of("store", key):
            self._ensure_bucket()
            self._client.fput_object(
                self.bucket, check_key(key), str(path), content_type=media_type,
                metadata=_to_headers(metadata), sse=self._sse,
            )
        return StoredObject(key=key, size=path.stat().st_size, media_type=media_type, metadata=metadata)

    def put_bytes(
        self, key: str, data: bytes, *, media_type: str = DEFAULT_MEDIA_TYPE, metadata: dict[str, str] | None = None,
        durable: bool = True,  # an S3 server answers once it has stored the object, whatever it is
    ) -> StoredObject:
        metadata = check_metadata(metadata)
        with self._errors_of("store", key):
            self._ensure_bucket()
            self._client.put_object(
                self.bucket, check_key(key), io.BytesIO(data), len(data), content_type=media_type,
                metadata=_to_headers(metadata), sse=self._sse,
            )
        return StoredObject(key=key, size=len(data), media_type=media_type, metadata=metadata)

    def get_bytes(self, key: str) -> bytes:
        with self._errors_of("read", key):
            self._ensure_bucket()
            response = self._client.get_object(self.bucket, check_key(key))
            try:
                return response.read()
            finally:
                response.close()
                response.release_conn()

    def download(self, key: str, dest: Path) -> None:
        with self._errors_of("download", key):
            self._ensure_bucket()
            response = self._client.get_object(self.bucket, check_key(key))
            try:
                write_atomically(dest, response.stream(_DOWNLOAD_CHUNK))
            finally:
                response.close()
                response.release_conn()

    def stat(self, key: str) -> StoredObject | None:
        try:
            with self._errors_of("inspect", key):
                self._ensure_bucket()
                found = self._client.stat_object(self.bucket, check_key(key))
        except ObjectNotFound:
            return None
        return StoredObject(
            key=key,
            size=found.size or 0,
            media_type=found.content_type or DEFAULT_MEDIA_TYPE,
            metadata=_from_headers(found.metadata or {}),
        )

    def exists(self, key: str) -> bool:
        return self.stat(key) is not None

    def delete(self, key: str) -> None:
        with self._errors_of("delete", key):
            self._ensure_bucket()
            self._client.remove_object(self.bucket, check_key(key))  # S3 accepts a missing key

    def list_keys(self, prefix: str = "") -> Iterator[str]:
        check_prefix(prefix)
        with self._errors_of("list", prefix):
            self._ensure_bucket()
            for found in self._client.list_objects(self.bucket, prefix=prefix or None, recursive=True):
                yield found.object_name

    def list_modified(self, prefix: str = "") -> Iterator[tuple[str, dt.datetime]]:
        """(key, last modified) of the keys under `prefix`: the inbox uses it to wait
        until a folder upload has been quiet for a while."""
        check_prefix(prefix)
        with self._errors_of("list", prefix):
            self._ensure_bucket()
            for found in self._client.list_objects(self.bucket, prefix=prefix or None, recursive=True):
                yield found.object_name, found.last_modified

    def _ensure_bucket(self) -> None:
        if self._bucket_ready:
            return
        if not self._client.bucket_exists(self.bucket):
            try:
                self._client.make_bucket(self.bucket)
            except S3Error as error:
                if error.code not in _BUCKET_ALREADY_THERE:  # another worker made it first
                    raise
        self._bucket_ready = True

    @contextmanager
    def _errors_of(self, operation: str, key: str) -> Iterator[None]:
        """Turn client and network errors into the project's errors."""
        where = f"object store {self.endpoint}, bucket {self.bucket!r}"
        try:
            yield
        except S3Error as error:
            if error.code in _MISSING_KEY_CODES:
                raise ObjectNotFound(key) from None
            if error.code in _TRANSIENT_CODES:
                raise ObjectStoreUnavailable(f"{where} failed to {operation} {key!r}: {error.code}") from error
            raise ObjectStoreError(
                f"{where} refused to {operation} {key!r}: {error.code} {error.message} "
                "(check DOSSIERS_S3_ACCESS_KEY, DOSSIERS_S3_SECRET_KEY and the bucket's permissions)"
            ) from error
        except (ServerError, InvalidResponseError) as error:
            raise ObjectStoreUnavailable(f"{where} failed to {operation} {key!r}: {error}") from error
        except urllib3.exceptions.HTTPError as error:
            raise ObjectStoreUnavailable(
                f"{where} unreachable while trying to {operation} {key!r} ({type(error).__name__}); "
                "check DOSSIERS_S3_ENDPOINT and that the server is up"
            ) from error


def _http_client(connect_timeout: float, read_timeout: float, retries: int) -> urllib3.PoolManager:
    # The minio default waits 5 minutes and retries 5 times; a pipeline would rather fail
    # the dossier fast with ObjectStoreUnavailable and let its own retry policy decide.
    return urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=connect_timeout, read=read_timeout),
        retries=urllib3.Retry(
            total=retries, backoff_factor=0.2, status_forcelist=(500, 502, 503, 504), raise_on_status=False
        ),
        cert_reqs="CERT_REQUIRED",
        ca_certs=os.environ.get("SSL_CERT_FILE") or certifi.where(),
    )


def _to_headers(metadata: dict[str, str]) -> DictType:
    return {_USER_METADATA + name: quote(value, safe=_HEADER_SAFE) for name, value in metadata.items()}


def _from_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {
        name.lower().removeprefix(_USER_METADATA): unquote(value)
        for name, value in headers.items()
        if name.lower().startswith(_USER_METADATA)
    }
