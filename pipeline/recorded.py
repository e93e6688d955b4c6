"""Processing a dossier with everything kept: originals in the object store, the run
and its result in the records. The CLI, the Airflow tasks and reruns all go through
`receive_and_keep` and `record_received`, so a dossier gives the same result and the
same records every way."""
from __future__ import annotations

import datetime as dt
import logging
import tempfile
from pathlib import Path

from extractors.limits import Limits
from models import DossierResult, Page, Status, UsageError
from pipeline import PIPELINE_VERSION
from pipeline.opaque import opaque_id
from pipeline.page_cache import PageCache
from pipeline.page_pool import PagePool
from pipeline.page_reads import PageRead
from pipeline.process import failed_result, process_received, reference_of_intake
from pipeline.received import Received, describe, keep_originals, receive
from storage.database import TRANSIENT_ERRORS
from storage.objects import ObjectStore
from storage.records import ReceivedSet
from storage.services import Services

log = logging.getLogger(__name__)


def is_transient(error: BaseException) -> bool:
    """A fault of the services, not of the dossier (storage.database.TRANSIENT_ERRORS)."""
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


def process_and_record(path: Path, services: Services, *, today: dt.date, as_of: dt.date | None = None,
                       pool: PagePool | None = None, limits: Limits | None = None,
                       actor: str = "pipeline") -> DossierResult:
    """Receive the dossier (originals kept), process it and record the run.
    `today` is the date of reception for a dossier seen for the first time;
    `as_of` forces the reception date (tests, reruns). DossierBusy propagates."""
    limits = limits or Limits.from_env()
    with tempfile.TemporaryDirectory(prefix="dossiers-work-") as workdir:
        received = receive_and_keep(path, Path(workdir), services.store, limits)
        return record_received(received, services, today=today, as_of=as_of, pool=pool, limits=limits,
                               actor=actor)


def receive_and_keep(path: Path, workdir: Path, store: ObjectStore, limits: Limits) -> Received:
    """Receive a dossier and keep its originals. A service fault propagates (the caller
    retries); any other failure to keep them makes the dossier's result `failed`."""
    received = receive(path, workdir, limits)
    if received.intake is not None:  # kept even when planning broke: a rerun starts from them
        try:
            keep_originals(path, received, store, limits)
        except Exception as exc:
            if is_transient(exc):
                raise
            received.record.error = describe(exc)
    return received


def record_received(received: Received, services: Services, *, today: dt.date, as_of: dt.date | None = None,
                    pool: PagePool | None = None, limits: Limits | None = None, actor: str = "pipeline",
                    reads: list[PageRead] | None = None) -> DossierResult:
    """Process a received dossier and record the run with the files it kept. `reads`:
    its pages already on their way. DossierBusy propagates."""
    record = received.record
    received_at = as_of or services.records.first_received(record.name, today)
    reference = reference_of_intake(record)
    unrecorded: Exception | None = None
    with services.records.begin_run(reference, name=record.name, pipeline_version=PIPELINE_VERSION,
                                    actor=actor, today=received_at, shape=record.shape) as run:
        for kept in record.kept:
            run.add_file(kept.source, kept.sha256, kept.size, kept.media_type, kept.object_key, kept.role)
        result = process_received(received, received_at=received_at, pool=pool, limits=limits,
                                  cache=BestEffortPageCache(services.store), reads=reads)
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
        result = failed_result(reference, received_at, error)
        with services.records.begin_run(reference, name=record.name, pipeline_version=PIPELINE_VERSION,
                                        actor=actor, today=received_at, shape=record.shape) as again:
            again.fail(error, result)
    return result


def materialize(reference: str, services: Services, workdir: Path) -> Path:
    """Rebuild a dossier's input from the object store exactly as it was last received."""
    received = services.records.received_set(reference)
    if received is None or not received.files:
        raise UsageError(f"aucun fichier conservé pour le dossier {reference!r} : rien à retraiter")
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
