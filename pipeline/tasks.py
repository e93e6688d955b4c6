"""The pipeline cut into the steps Airflow schedules. Plain functions: identifiers in,
identifiers out (no documents travel between steps: they live in the object store),
no clock read (the DAG passes its own dates), idempotent (a retried step redoes the
same work on the same keys).

  find_ready(now)            -> inbox entries whose upload is complete (sealed)
  stage(entry)               -> originals kept, a staged receipt, the pages to read
  read_page(page)            -> one page read into the page cache (in a bounded worker)
  finish(staged, today)      -> the dossier processed from cache and recorded; only
                                then is its inbox entry removed
  rerun_targets(refs, failed)-> references to process again (sealed); rerun(reference, today)

Airflow shows every task's arguments and return value (XCom) in its logs and UI, and
inbox names and references are made from file names, which hold people's names: they
cross between tasks `seal`ed (encrypted), and what is returned names a dossier only by
its `opaque_id` (pipeline.opaque).

`finish` calls `process_and_record`, the very function behind `dossiers process`,
on the same bytes: a dossier gives the same result from the CLI and from Airflow.

The inbox entry stays until the dossier's run is durably recorded (a result, or a
failure recorded by the DAG's failure callback): a dossier whose failure cannot even
be recorded is taken again at the next cycle, never lost.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from extractors.limits import Limits
from extractors.reading import plan_file
from models import UnreadableFileError
from pipeline.intake import take_in
from pipeline.opaque import opaque_id, seal, unseal
from pipeline.page_cache import PageCache
from pipeline.page_pool import PagePool
from pipeline.process import reference_of_intake
from pipeline.recorded import (
    Services,
    keep_originals,
    materialize_files,
    process_and_record,
)
from pipeline.recorded import rerun as rerun_dossier
from storage.inbox import open_inbox
from storage.objects import ObjectNotFound, originals_key, sha256_of_file
from storage.records import ReceivedFile, ReceivedSet
from storage.settings import Settings

log = logging.getLogger(__name__)

STAGING_PREFIX = "staging/"


def _services() -> Services:
    return Services.open(Settings.from_env())


def find_ready(now: dt.datetime) -> list[str]:
    services = _services()
    try:
        return [seal(entry) for entry in open_inbox(Settings.from_env(), services.store).ready_entries(now)]
    finally:
        services.close()


def stage(sealed_entry: str) -> dict[str, Any]:
    """Keep the entry's originals, write a receipt of what was received, and list the
    pages to read. The inbox entry stays: `finish` removes it once the run is recorded."""
    entry = unseal(sealed_entry)
    settings = Settings.from_env()
    services = _services()
    limits = Limits.from_env()
    try:
        inbox = open_inbox(settings, services.store)
        with tempfile.TemporaryDirectory(prefix="dossiers-stage-") as workdir:
            path = inbox.fetch(entry, Path(workdir) / "in")
            intake = take_in(path, Path(workdir) / "work", limits)
            kept = keep_originals(path, intake, services.store, None, limits)
            receipt = ReceivedSet(name=intake.name, shape=intake.shape, files=kept)
            reference = reference_of_intake(intake)
            key = f"{STAGING_PREFIX}{opaque_id(entry)}.json"
            services.store.put_bytes(key, json.dumps(asdict(receipt)).encode(),
                                     media_type="application/json", metadata={})
            pages = _pages_of(intake, limits)
        return {"dossier": opaque_id(reference), "reference": seal(reference), "receipt": key, "pages": pages,
                "entry": sealed_entry}
    finally:
        services.close()


def _pages_of(intake: Any, limits: Limits) -> list[dict[str, Any]]:
    pages = []
    for incoming in intake.files:
        try:
            jobs = plan_file(incoming.path, incoming.source, limits)
        except UnreadableFileError:
            continue  # flagged when the dossier is processed; nothing to read
        sha = sha256_of_file(incoming.path)
        pages += [{"sha256": sha, "number": job.index + 1} for job in jobs]
    return pages


def read_page(page: dict[str, Any]) -> str | None:
    """Read one page into the cache (a no-op when it is there). Bad input is no error
    to retry: it returns None and the dossier step flags the file. The page's file is
    named by its hash: the cache gives the page its file name when the dossier is read."""
    source = f"{page['sha256'][:12]}#{page['number']}"
    services = _services()
    limits = Limits.from_env()
    try:
        cache = PageCache(services.store)
        if cache.get(page["sha256"], page["number"], source) is not None:
            return cache.key(page["sha256"], page["number"])
        with tempfile.TemporaryDirectory(prefix="dossiers-page-") as workdir:
            local = Path(workdir) / "original"
            services.store.download(originals_key(page["sha256"]), local)
            try:
                jobs = plan_file(local, source, limits)
            except UnreadableFileError as exc:
                log.info("page not readable: %s", exc.__class__.__name__)
                return None
            # Read in a worker bounded in memory and time, like every page.
            with PagePool(1, limits) as pool:
                read = pool.read([jobs[page["number"] - 1]])[0]
            if isinstance(read, UnreadableFileError):
                log.info("page not readable: %s", read.__class__.__name__)
                return None
        return cache.put(page["sha256"], read)
    finally:
        services.close()


def finish(staged: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """Process the staged dossier (its pages come from the cache) and record the run."""
    services = _services()
    try:
        try:
            raw = services.store.get_bytes(staged["receipt"])
        except ObjectNotFound:
            # A retry after a finish that succeeded but lost its answer: the run is recorded.
            document = services.records.current_result(unseal(staged["reference"])) or {}
            _remove_from_inbox(staged, services)
            return {"dossier": staged["dossier"], "status": document.get("status")}
        data = json.loads(raw)
        receipt = ReceivedSet(name=data["name"], shape=data["shape"],
                              files=[ReceivedFile(**f) for f in data["files"]])
        with tempfile.TemporaryDirectory(prefix="dossiers-finish-") as workdir:
            path = materialize_files(receipt, services.store, Path(workdir))
            result = process_and_record(path, services, today=today)
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
