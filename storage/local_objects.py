"""The embedded object store: a plain directory, no server.

Layout under the root: `data/<key>` holds the bytes, `meta/<key>.json` the media
type and metadata, `tmp/` the writes in progress (kept out of `data/` so that a
listing never sees half-written files). Separate trees mean no key can collide
with a sidecar.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from storage.objects import (
    DEFAULT_MEDIA_TYPE,
    InvalidObjectKey,
    ObjectNotFound,
    StoredObject,
    check_key,
    check_metadata,
    check_prefix,
    file_chunks,
    write_atomically,
)


class LocalObjectStore:
    def __init__(self, root: Path) -> None:
        self.root = root.absolute()
        self._data = self.root / "data"
        self._meta = self.root / "meta"
        self._tmp = self.root / "tmp"
        # Real paths of the folders objects were put in or read from, resolved once: a
        # path's every folder costs a system call to resolve, a folder holds many objects.
        self._resolved: dict[Path, Path] = {}

    def __repr__(self) -> str:
        return f"LocalObjectStore({str(self.root)!r})"

    def put_file(
        self, key: str, path: Path, *, media_type: str = DEFAULT_MEDIA_TYPE, metadata: dict[str, str] | None = None
    ) -> StoredObject:
        return self._put(key, file_chunks(path), media_type, metadata)

    def put_bytes(
        self, key: str, data: bytes, *, media_type: str = DEFAULT_MEDIA_TYPE, metadata: dict[str, str] | None = None,
        durable: bool = True,
    ) -> StoredObject:
        return self._put(key, [data], media_type, metadata, durable=durable)

    def get_bytes(self, key: str) -> bytes:
        try:
            return self._data_path(key).read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise ObjectNotFound(key) from None

    def download(self, key: str, dest: Path) -> None:
        source = self._data_path(key)
        if not source.is_file():
            raise ObjectNotFound(key)
        try:
            write_atomically(dest, file_chunks(source))
        except FileNotFoundError:
            if source.exists():
                raise
            raise ObjectNotFound(key) from None  # deleted while we copied

    def stat(self, key: str) -> StoredObject | None:
        source = self._data_path(key)
        if not source.is_file():
            return None
        sidecar = self._read_sidecar(key)
        return StoredObject(
            key=key,
            size=source.stat().st_size,
            media_type=sidecar.get("media_type", DEFAULT_MEDIA_TYPE),
            metadata=sidecar.get("metadata", {}),
        )

    def exists(self, key: str) -> bool:
        return self._data_path(key).is_file()

    def delete(self, key: str) -> None:
        # Data first: without it the object is gone even if we stop before the sidecar.
        self._data_path(key).unlink(missing_ok=True)
        self._meta_path(key).unlink(missing_ok=True)

    def list_keys(self, prefix: str = "") -> Iterator[str]:
        check_prefix(prefix)
        # Walk only the deepest folder the prefix names, then filter on the partial rest.
        folder = prefix.rpartition("/")[0]
        base = self._data / folder if folder else self._data
        if not base.is_dir():
            return
        keys = (path.relative_to(self._data).as_posix() for path in base.rglob("*") if path.is_file())
        # Sorted on the text, like S3, not in directory-walk order.
        yield from sorted(key for key in keys if key.startswith(prefix))

    def _put(
        self, key: str, chunks: Iterable[bytes], media_type: str, metadata: dict[str, str] | None,
        *, durable: bool = True,
    ) -> StoredObject:
        target = self._data_path(key)
        metadata = check_metadata(metadata)
        sidecar = {"media_type": media_type, "metadata": metadata}
        try:
            # Sidecar first: the data file appearing is what makes the object exist.
            sidecar_bytes = json.dumps(sidecar, ensure_ascii=False, sort_keys=True).encode("utf-8")
            write_atomically(self._meta_path(key), [sidecar_bytes], temp_dir=self._tmp, durable=durable)
            size = write_atomically(target, chunks, temp_dir=self._tmp, durable=durable)
        except (NotADirectoryError, IsADirectoryError, FileExistsError) as error:
            # S3 allows both "a" and "a/b"; a directory cannot. Content-addressed keys never do this.
            raise InvalidObjectKey(f"key {key!r} clashes with another key on the local store: {error}") from None
        return StoredObject(key=key, size=size, media_type=media_type, metadata=metadata)

    def _read_sidecar(self, key: str) -> dict:
        try:
            return json.loads(self._meta_path(key).read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return {}  # data written by hand, or a sidecar lost: the bytes still count

    def _real(self, folder: Path) -> Path:
        if folder not in self._resolved:
            if len(self._resolved) > 4096:
                self._resolved.clear()
            real = folder.resolve()
            if not folder.is_dir():
                return real  # not made yet: resolved again once it is
            self._resolved[folder] = real
        return self._resolved[folder]

    def _data_path(self, key: str) -> Path:
        return self._inside(self._data, check_key(key))

    def _meta_path(self, key: str) -> Path:
        return self._inside(self._meta, check_key(key) + ".json")

    def _inside(self, base: Path, relative: str) -> Path:
        path = base / relative
        # check_key already refuses '..' and absolute keys; this also catches symlinks out.
        real = self._real(path.parent) / path.name
        if path.is_symlink():
            real = path.resolve()
        if not real.is_relative_to(self._real(base)):
            raise InvalidObjectKey(f"object key {relative!r} resolves outside the store")
        return path
