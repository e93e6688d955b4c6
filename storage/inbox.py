"""Where senders drop dossiers: `DOSSIERS_HOME/inbox` in the embedded default, or a
prefix of the bucket (DOSSIERS_INBOX_PREFIX) when an S3 endpoint is configured.

An entry is one top-level name: a zip or PDF, or a folder. A file is taken once its
upload is finished: senders write it under a temporary name (a leading dot, or a
.tmp/.part/.partial/.uploading suffix) and rename it, which is atomic; an S3 object
is whole once it is listed. A folder is taken once it holds a `.ready` marker, or
once nothing in it has changed for the quiet period.
"""
from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

from storage.objects import ObjectStore
from storage.settings import Settings

READY_MARKER = ".ready"
IN_PROGRESS_SUFFIXES = (".tmp", ".part", ".partial", ".uploading", ".crdownload")


def _in_progress(name: str) -> bool:
    return name.startswith(".") or name.lower().endswith(IN_PROGRESS_SUFFIXES)


class Inbox(Protocol):
    def ready_entries(self, now: dt.datetime) -> list[str]: ...

    def fetch(self, entry: str, workdir: Path) -> Path: ...

    def remove(self, entry: str) -> None: ...


@dataclass
class LocalInbox:
    root: Path
    quiet_seconds: float

    def ready_entries(self, now: dt.datetime) -> list[str]:
        if not self.root.is_dir():
            return []
        ready = []
        for path in sorted(self.root.iterdir()):
            if _in_progress(path.name) or path.is_symlink():
                continue
            if path.is_file() or (path.is_dir() and self._folder_ready(path, now)):
                ready.append(path.name)
        return ready

    def _folder_ready(self, folder: Path, now: dt.datetime) -> bool:
        if (folder / READY_MARKER).exists():
            return True
        times = [p.stat().st_mtime for p in folder.rglob("*")] + [folder.stat().st_mtime]
        return now.timestamp() - max(times) >= self.quiet_seconds

    def fetch(self, entry: str, workdir: Path) -> Path:
        source = self.root / _entry_name(entry)
        target = workdir / source.name
        workdir.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, symlinks=True, ignore=shutil.ignore_patterns(READY_MARKER))
        else:
            shutil.copy2(source, target)
        return target

    def remove(self, entry: str) -> None:
        path = self.root / _entry_name(entry)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


@dataclass
class S3Inbox:
    store: ObjectStore  # an S3ObjectStore: needs list_modified
    prefix: str
    quiet_seconds: float

    def ready_entries(self, now: dt.datetime) -> list[str]:
        latest: dict[str, dt.datetime] = {}
        is_folder: dict[str, bool] = {}
        marked: set[str] = set()
        for key, modified in self.store.list_modified(self.prefix):  # type: ignore[attr-defined]
            rest = key[len(self.prefix):]
            entry, _, inside = rest.partition("/")
            if not entry or _in_progress(entry):
                continue
            is_folder[entry] = bool(inside)
            latest[entry] = max(latest.get(entry, modified), modified)
            if PurePosixPath(inside).name == READY_MARKER:
                marked.add(entry)
        return sorted(
            entry for entry in latest
            if not is_folder[entry] or entry in marked
            or (now - latest[entry]).total_seconds() >= self.quiet_seconds
        )

    def fetch(self, entry: str, workdir: Path) -> Path:
        entry = _entry_name(entry)
        keys = list(self.store.list_keys(f"{self.prefix}{entry}"))
        workdir.mkdir(parents=True, exist_ok=True)
        if keys == [f"{self.prefix}{entry}"]:
            target = workdir / entry
            self.store.download(keys[0], target)
            return target
        folder = workdir / entry
        for key in keys:
            inside = key[len(f"{self.prefix}{entry}/"):]
            if not key.startswith(f"{self.prefix}{entry}/") or PurePosixPath(inside).name == READY_MARKER:
                continue
            target = folder / inside
            target.parent.mkdir(parents=True, exist_ok=True)
            self.store.download(key, target)
        return folder

    def remove(self, entry: str) -> None:
        entry = _entry_name(entry)
        for key in list(self.store.list_keys(f"{self.prefix}{entry}")):
            if key == f"{self.prefix}{entry}" or key.startswith(f"{self.prefix}{entry}/"):
                self.store.delete(key)


def open_inbox(settings: Settings, store: ObjectStore) -> Inbox:
    if settings.s3_endpoint:
        return S3Inbox(store, settings.inbox_prefix, settings.inbox_quiet_seconds)
    return LocalInbox(settings.home / "inbox", settings.inbox_quiet_seconds)


def _entry_name(entry: str) -> str:
    """An entry is one top-level name: never a path that climbs out of the inbox."""
    if not entry or "/" in entry or "\\" in entry or entry in (".", ".."):
        raise ValueError(f"not an inbox entry: {entry!r}")
    return entry
