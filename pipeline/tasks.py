"""The pipeline cut into the steps Airflow schedules. Plain functions: identifiers in,
identifiers out (no documents travel between steps: they live in the object store),
no clock read (the DAG passes its own dates), idempotent (a retried step redoes the
same work on the same keys).

  find_ready(now)            -> inbox entries whose upload is complete (sealed)
  stage(entry)               -> the dossier received once (pipeline.received: taken in,
                                hashed, originals kept, pages planned), its record
                                staged in the object store, the pages to read
  read_page(page)            -> one page read into the page cache (in a bounded worker;
                                object store only, its page only, not planned again)
  finish(staged, today)      -> the dossier processed from its record and the cache, and
                                recorded; only then is its inbox entry removed
  rerun_targets(refs, failed)-> references to process again (sealed); rerun(reference, today)

Airflow shows every task's arguments and return value (XCom) in its logs and UI, and
inbox names and references are made from file names, which hold people's names: they
cross between tasks `seal`ed (encrypted), and what is returned names a dossier only by
its `opaque_id` (pipeline.opaque).

`stage` and `finish` call `receive_and_keep` and `record_received`, the very steps
behind `dossiers process`: a dossier gives the same result from the CLI and from Airflow.

The inbox entry stays until the dossier's run is durably recorded (a result, or a
failure recorded by the DAG's failure callback): a dossier whose failure cannot even
be recorded is taken again at the next cycle, never lost.
"""
from __future__ import annotations

import datetime as dt
import logging
import tempfile
from pathlib import Path
from typing import Any

from extractors.limits import Limits
from models import UnreadableFileError
from models.received import PlannedFile, ReceivedDossier
from pipeline.opaque import opaque_id, seal, unseal
from pipeline.page_cache import PageCache
from pipeline.page_pool import PagePool
from pipeline.page_reads import page_job
from pipeline.process import reference_of_intake
from pipeline.received import OriginalsOnDemand, Received
from pipeline.recorded import Services, receive_and_keep, record_received
from pipeline.recorded import rerun as rerun_dossier
from storage.inbox import open_inbox
from storage.objects import (
    STAGING_PREFIX,
    ObjectNotFound,
    ObjectStore,
    open_object_store,
    originals_key,
)
from storage.settings import Settings

log = logging.getLogger(__name__)



def _services() -> Services:
    return Services.open(Settings.from_env())


def _store() -> ObjectStore:
    """The object store alone: the steps that only read and keep files open no database."""
    return open_object_store(Settings.from_env())


def find_ready(now: dt.datetime) -> list[str]:
    return [seal(entry) for entry in open_inbox(Settings.from_env(), _store()).ready_entries(now)]


def stage(sealed_entry: str) -> dict[str, Any]:
    """Receive the entry (originals kept, pages planned), write its record for `finish`,
    and list the pages to read. The inbox entry stays: `finish` removes it once the
    run is recorded."""
    entry = unseal(sealed_entry)
    store = _store()
    with tempfile.TemporaryDirectory(prefix="dossiers-stage-") as workdir:
        path = open_inbox(Settings.from_env(), store).fetch(entry, Path(workdir) / "in")
        record = receive_and_keep(path, Path(workdir) / "work", store, Limits.from_env()).record
    key = f"{STAGING_PREFIX}{opaque_id(entry)}.json"
    store.put_bytes(key, record.model_dump_json().encode(), media_type="application/json", metadata={})
    reference = reference_of_intake(record)
    return {"dossier": opaque_id(reference), "reference": seal(reference), "receipt": key,
            "pages": [] if record.error else _pages_of(record), "entry": sealed_entry}


def _pages_of(record: ReceivedDossier) -> list[dict[str, Any]]:
    """Each page to read, by its file's hash: no name (XCom is shown in Airflow's UI)."""
    return [{"sha256": planned.sha256, "number": number, "media_type": planned.media_type}
            for planned in record.planned if planned.problem is None
            for number in range(1, planned.pages + 1)]


def read_page(page: dict[str, Any]) -> str | None:
    """Read one page into the cache (a no-op when it is there), from its file's original
    and the record's plan: no database, no planning. Bad input is no error to retry: it
    returns None and the dossier step flags the file. The page's file is named by its
    hash: the cache gives the page its file name when the dossier is read."""
    store, limits = _store(), Limits.from_env()
    cache = PageCache(store)
    planned = PlannedFile(source=f"{page['sha256'][:12]}#{page['number']}", sha256=page["sha256"],
                          media_type=page["media_type"], pages=page["number"])
    if cache.get(page["sha256"], page["number"], planned.source) is not None:
        return cache.key(page["sha256"], page["number"])
    with tempfile.TemporaryDirectory(prefix="dossiers-page-") as workdir:
        local = Path(workdir) / "original"
        store.download(originals_key(page["sha256"]), local)
        # Read in a worker bounded in memory and time, like every page.
        with PagePool(1, limits) as pool:
            read = pool.read([page_job(planned, local, page["number"], limits)])[0]
    if isinstance(read, UnreadableFileError):
        log.info("page not readable: %s", read.__class__.__name__)
        return None
    return cache.put(page["sha256"], read)


def finish(staged: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """Process the staged dossier from its record (its pages come from the cache) and
    record the run."""
    services = _services()
    try:
        try:
            raw = services.store.get_bytes(staged["receipt"])
        except ObjectNotFound:
            # A retry after a finish that succeeded but lost its answer: the run is recorded.
            recorded = services.records.current_result(unseal(staged["reference"]))
            _remove_from_inbox(staged, services)
            return {"dossier": staged["dossier"], "status": recorded.status.value if recorded else None}
        record = ReceivedDossier.model_validate_json(raw)
        with tempfile.TemporaryDirectory(prefix="dossiers-finish-") as workdir:
            # Its files come from the store only for the pages the cache lacks.
            received = Received(record, paths=OriginalsOnDemand(record, services.store, Path(workdir)))
            result = record_received(received, services, today=today)
        # Recorded (a failed result included): only now may the inbox forget the dossier.
        _remove_from_inbox(staged, services)
        services.store.delete(staged["receipt"])
        return {"dossier": opaque_id(result.dossier.reference), "status": result.status.value}
    finally:
        services.close()


def _remove_from_inbox(staged: dict[str, Any], services: Services) -> None:
    if "entry" in staged:
        open_inbox(Settings.from_env(), services.store).remove(unseal(staged["entry"]))


def forget_entry(staged: dict[str, Any]) -> None:
    """The dossier's failure is recorded and its originals kept (it was staged): the
    administrators rerun it from there, so the inbox entry may go."""
    services = _services()
    try:
        _remove_from_inbox(staged, services)
    finally:
        services.close()


def rerun_targets(references: list[str], failed: bool) -> list[str]:
    services = _services()
    try:
        found = list(references) + (services.records.failed_references() if failed else [])
        return [seal(reference) for reference in dict.fromkeys(found)]
    finally:
        services.close()


def rerun(sealed_reference: str, today: dt.date) -> dict[str, Any]:
    services = _services()
    try:
        result = rerun_dossier(unseal(sealed_reference), services, today=today, actor="admin")
        return {"dossier": opaque_id(result.dossier.reference), "status": result.status.value}
    finally:
        services.close()


def reference_of_task(kwargs: dict[str, Any]) -> str | None:
    """The dossier a failed task was about, from its (sealed) arguments."""
    staged = kwargs.get("staged")
    if isinstance(staged, dict) and "reference" in staged:
        return unseal(staged["reference"])
    if "sealed_reference" in kwargs:
        return unseal(kwargs["sealed_reference"])
    if "sealed_entry" in kwargs:
        return unseal(kwargs["sealed_entry"]).rsplit(".", 1)[0]
    return None


def record_failure(reference: str, error: str) -> None:
    """A step failed for good: the dossier's run is recorded as failed, with its error,
    so administrators see it in their list and rerun it."""
    from pipeline import PIPELINE_VERSION

    services = _services()
    try:
        with services.records.begin_run(reference, name=reference, pipeline_version=PIPELINE_VERSION) as run:
            run.fail(error[:2000])
    finally:
        services.close()
