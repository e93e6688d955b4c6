"""Processing a dossier with everything kept: originals in the object store, the run
and its result in the records. The CLI and the Airflow tasks both go through here,
so a dossier gives the same result and the same records both ways."""
from __future__ import annotations

import datetime as dt
import logging
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg_pool import PoolTimeout

from extractors.filetype import sniff
from extractors.limits import Limits
from models import DossierError, DossierResult, Page, Status
from pipeline import PIPELINE_VERSION
from pipeline.intake import MANIFEST_NAME, Intake, display_name, take_in
from pipeline.opaque import opaque_id
from pipeline.page_cache import PageCache
from pipeline.page_pool import PagePool
from pipeline.process import (
    describe,
    failed_result,
    process_intake,
    reference_of,
    reference_of_intake,
)
from storage.database import Database
from storage.objects import (
    ObjectStore,
    ObjectStoreUnavailable,
    open_object_store,
    store_original,
)
from storage.records import ReceivedFile, ReceivedSet, Records, RunHandle
from storage.settings import Settings

log = logging.getLogger(__name__)

# Stored alongside the dossier's pieces; more would be a folder that is no dossier.
MAX_STORED_FILES = 1000

# Faults of the services, not of the dossier: waiting (and reconnecting) may cure them.
TRANSIENT_ERRORS = (psycopg.OperationalError, PoolTimeout, ObjectStoreUnavailable, ConnectionError, TimeoutError)


def is_transient(error: BaseException) -> bool:
    return isinstance(error, TRANSIENT_ERRORS)


class BestEffortPageCache(PageCache):
    """The page cache as an optimisation only: a store that fails to give or keep a
    page costs a second reading, never the dossier."""

    def get(self, sha256: str, number: int, source: str) -> Page | None:
        try:
            return super().get(sha256, number, source)
        except Exception as exc:  # noqa: BLE001 - a missing page is read again
            log.debug("page cache unavailable: %s", exc.__class__.__name__)
            return None

    def put(self, sha256: str, page: Page) -> str:
        try:
            return super().put(sha256, page)
        except Exception as exc:  # noqa: BLE001 - the page is simply not kept
            log.debug("page cache not written: %s", exc.__class__.__name__)
            return self.key(sha256, page.number)


@dataclass
class Services:
    """The object store and the records, opened once per process."""

    store: ObjectStore
    records: Records
    db: Database

    settings: Settings | None = None

    @classmethod
    def open(cls, settings: Settings) -> Services:
        db = Database.open(settings)
        return cls(store=open_object_store(settings), records=Records(db), db=db, settings=settings)

    def reconnect(self) -> None:
        """After a database fault: a fresh pool (the embedded server started again if it
        died). Raises the ProcessingError of Database.open when it is still down."""
        if self.settings is None:
            return
        try:
            self.db.pool.close(timeout=2)
        except Exception as exc:  # noqa: BLE001 - the old pool is gone either way
            log.debug("old pool not closed cleanly: %s", exc.__class__.__name__)
        self.db = Database.open(self.settings)
        self.records = Records(self.db)

    def close(self) -> None:
        self.db.close()


def process_and_record(path: Path, services: Services, *, today: dt.date, as_of: dt.date | None = None,
                       pool: PagePool | None = None, limits: Limits | None = None,
                       actor: str = "pipeline") -> DossierResult:
    """Take the dossier in, keep its originals, process it and record the run.
    `today` is the date of reception for a dossier seen for the first time;
    `as_of` forces the reception date (tests, reruns). DossierBusy propagates."""
    limits = limits or Limits.from_env()
    with tempfile.TemporaryDirectory(prefix="dossiers-work-") as workdir:
        try:
            intake = take_in(path, Path(workdir), limits)
        except Exception as exc:  # noqa: BLE001 - still record that it broke
            intake = Intake(name=reference_of(path), shape="folder")
            broken = describe(exc)
        else:
            broken = None
        received = as_of or services.records.first_received(intake.name, today)
        reference = reference_of_intake(intake)
        unrecorded: Exception | None = None
        with services.records.begin_run(reference, name=intake.name, pipeline_version=PIPELINE_VERSION,
                                        actor=actor, today=received, shape=intake.shape) as run:
            if broken is None:
                try:
                    keep_originals(path, intake, services.store, run, limits)
                except Exception as exc:
                    if is_transient(exc):
                        raise  # the run is recorded failed on the way out; the caller retries
                    broken = describe(exc)
            result = (failed_result(reference, received, broken) if broken
                      else process_intake(intake, received_at=received, pool=pool, limits=limits,
                                          cache=BestEffortPageCache(services.store)))
            try:
                if result.status == Status.failed:
                    run.fail(result.error or "échec du traitement", result)
                else:
                    run.complete(result)
            except Exception as exc:  # sorted below
                if is_transient(exc):
                    raise
                unrecorded = exc  # a value the database refuses: the run is released, not ended
        if unrecorded is not None:
            # Recorded as failed in a run of its own (which closes the one left open), so
            # the dossier is in the administrators' list instead of 'running' for ever.
            error = f"résultat non enregistrable : {describe(unrecorded)[:500]}"
            log.error("dossier %s: result not recorded: %s", opaque_id(reference), unrecorded.__class__.__name__)
            result = failed_result(reference, received, error)
            with services.records.begin_run(reference, name=intake.name, pipeline_version=PIPELINE_VERSION,
                                            actor=actor, today=received, shape=intake.shape) as again:
                again.fail(error, result)
        return result


def keep_originals(path: Path, intake: Intake, store: ObjectStore, run: RunHandle | None,
                   limits: Limits) -> list[ReceivedFile]:
    """Store every file received, as received: a zip itself and each of its members,
    a folder's files (dossier.json included), a merged PDF. Same bytes, one object.
    Recorded in `run` when there is one."""
    kept = []
    for source, file_path, role in _received_files(path, intake, limits):
        media_type = sniff(file_path).value
        stored, _ = store_original(store, file_path, original_name=source, media_type=media_type)
        if run is not None:
            run.add_file(source, stored.key.rsplit("/", 1)[-1], stored.size, media_type, stored.key, role)
        kept.append(ReceivedFile(source=source, object_key=stored.key, role=role, media_type=media_type))
    return kept


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


def materialize(reference: str, services: Services, workdir: Path) -> Path:
    """Rebuild a dossier's input from the object store exactly as it was last received."""
    received = services.records.received_set(reference)
    if received is None or not received.files:
        raise DossierError(f"aucun fichier conservé pour le dossier {reference!r} : rien à retraiter")
    return materialize_files(received, services.store, workdir)


def materialize_files(received: ReceivedSet, store: ObjectStore, workdir: Path) -> Path:
    """The zip or merged PDF itself, or the folder with its files at their paths."""
    if received.shape in ("zip", "merged"):
        original = next(f for f in received.files if f.role == "original")
        target = workdir / Path(original.source).name
        store.download(original.object_key, target)
        return target
    folder = workdir / received.name
    for file in received.files:
        if file.role in ("original", "manifest"):
            target = folder / file.source
            target.parent.mkdir(parents=True, exist_ok=True)
            store.download(file.object_key, target)
    return folder


def rerun(reference: str, services: Services, *, today: dt.date, pool: PagePool | None = None,
          actor: str = "pipeline") -> DossierResult:
    """Process a kept dossier again from its stored originals (administrators' rerun)."""
    with tempfile.TemporaryDirectory(prefix="dossiers-rerun-") as workdir:
        path = materialize(reference, services, Path(workdir))
        return process_and_record(path, services, today=today, pool=pool, actor=actor)
