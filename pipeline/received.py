"""Receiving a dossier: the one place where it is taken in, where each file's bytes
are hashed, kept in the object store and its pages planned. What it makes, a
`ReceivedDossier` (models/received.py), is what every later step works from, in the
CLI, in Airflow's tasks and in reruns: nothing is taken in, hashed or planned twice.
"""
from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from extractors.filetype import sniff
from extractors.limits import Limits
from extractors.reading import plan_file
from models import UnreadableFileError
from models.received import FileProblem, KeptFile, PlannedFile, ReceivedDossier
from pipeline.intake import MANIFEST_NAME, Intake, display_name, take_in
from storage.objects import ObjectStore, originals_key, sha256_of_file, store_original

# Stored alongside the dossier's pieces; more would be a folder that is no dossier.
MAX_STORED_FILES = 1000


@dataclass
class Received:
    """A received dossier on this machine: its record, and where its files are."""

    record: ReceivedDossier
    intake: Intake | None = None  # None when taking it in broke
    paths: dict[str, Path] = field(default_factory=dict)  # planned source -> its bytes on disk
    _hashes: dict[Path, str] = field(default_factory=dict)

    def sha256(self, path: Path) -> str:
        """The hash of a file's bytes, computed once whichever step asks first."""
        if path not in self._hashes:
            self._hashes[path] = sha256_of_file(path)
        return self._hashes[path]


class OriginalsOnDemand(dict[str, Path]):
    """The planned files of a record received elsewhere (Airflow's `stage`), each
    downloaded from the object store the first time its bytes are needed: when one of
    its pages is not in the page cache."""

    def __init__(self, record: ReceivedDossier, store: ObjectStore, workdir: Path) -> None:
        super().__init__()
        self.hashes = {p.source: p.sha256 for p in record.planned if p.sha256}
        self.store, self.workdir = store, workdir

    def __missing__(self, source: str) -> Path:
        target = self.workdir / str(len(self)) / Path(source).name
        self.store.download(originals_key(self.hashes[source]), target)
        self[source] = target
        return target


def receive(path: Path, workdir: Path, limits: Limits) -> Received:
    """Take one input in (unpacking a zip into `workdir`) and plan the pages of each
    file. Bad input becomes problems in the record; a bug becomes its `error`."""
    try:
        intake = take_in(path, workdir, limits)
    except Exception as exc:  # noqa: BLE001 - a bug in intake still gives a (failed) result
        return Received(ReceivedDossier(name=reference_of(path), shape="folder", error=describe(exc)))
    received = Received(ReceivedDossier(name=intake.name, shape=intake.shape, manifest=intake.manifest,
                                        manifest_error=intake.manifest_error,
                                        problems=[problem_of(p) for p in intake.problems]), intake)
    try:
        for incoming in intake.files:
            received.record.planned.append(_plan(incoming.path, incoming.source, limits, received))
    except Exception as exc:  # noqa: BLE001 - a bug in a planner fails the dossier, not the batch
        received.record.error = describe(exc)
    return received


def _plan(path: Path, source: str, limits: Limits, received: Received) -> PlannedFile:
    try:
        jobs = plan_file(path, source, limits)
    except UnreadableFileError as exc:
        return PlannedFile(source=source, problem=problem_of(exc))
    received.paths[source] = path
    return PlannedFile(source=source, sha256=received.sha256(path), media_type=jobs[0].kind.value,
                       pages=len(jobs))


def keep_originals(path: Path, received: Received, store: ObjectStore, limits: Limits) -> None:
    """Store every file received, as received: a zip itself and each of its members,
    a folder's files (dossier.json included), a merged PDF. Same bytes, one object.
    Each one joins `received.record.kept` as soon as it is stored."""
    assert received.intake is not None, "nothing was taken in"
    for source, file_path, role in _received_files(path, received.intake, limits):
        media_type = sniff(file_path).value
        sha = received.sha256(file_path)
        stored, _ = store_original(store, file_path, original_name=source, media_type=media_type, sha256=sha)
        received.record.kept.append(KeptFile(source=source, sha256=sha, size=stored.size, media_type=media_type,
                                             object_key=stored.key, role=role))


def _received_files(path: Path, intake: Intake, limits: Limits) -> list[tuple[str, Path, str]]:
    def role_of(source: str, default: str) -> str:
        return "manifest" if source == MANIFEST_NAME else default

    if intake.shape == "folder":
        files = []
        for file_path in sorted(path.rglob("*")):
            if file_path.is_symlink() or not file_path.is_file():
                continue
            if file_path.stat().st_size > limits.max_file_bytes or len(files) >= MAX_STORED_FILES:
                continue  # flagged by intake or reading; too big to keep
            source = display_name(file_path.relative_to(path).as_posix())
            files.append((source, file_path, role_of(source, "original")))
        return files
    if not path.is_file() or not stat.S_ISREG(path.stat().st_mode):
        return []  # a FIFO or a device: flagged by intake, nothing to keep (reading it could block)
    files = [(display_name(path.name), path, "original")]
    if intake.shape == "zip":
        files += [(f.source, f.path, "member") for f in intake.files]
        manifest = intake.root / MANIFEST_NAME if intake.root else None
        if manifest is not None and manifest.is_file():
            files.append((MANIFEST_NAME, manifest, "manifest"))
    return files


def problem_of(error: UnreadableFileError) -> FileProblem:
    return FileProblem(source=error.source, reason=error.reason, detail=error.detail)


def reference_of(path: Path) -> str:
    return path.name if path.is_dir() or not path.suffix else path.stem


def describe(exc: Exception) -> str:
    return f"{exc.__class__.__name__}: {exc}"
