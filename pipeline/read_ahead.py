"""Reading the next dossiers' pages while the current one is extracted and recorded.

A batch run would otherwise leave the page readers idle twice per dossier: while the
main process classifies, extracts, checks and records, and while the last pages of a
dossier finish one by one. Read-ahead submits the pages of the coming dossiers to the
pool at once; their results go into the page cache, where processing then finds them.
"""
from __future__ import annotations

import logging
import shutil
import tempfile
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from extractors.limits import Limits
from extractors.reading import plan_file
from models import Page, UnreadableFileError
from pipeline.intake import take_in
from pipeline.page_cache import PageCache
from pipeline.page_pool import PagePool
from storage.objects import sha256_of_file

log = logging.getLogger(__name__)


@dataclass
class Pending:
    workdir: Path | None  # None when not even a work folder could be made (disk full)
    reads: list[tuple[str, Future]] = field(default_factory=list)  # (content hash, page being read)


class ReadAhead:
    def __init__(self, pool: PagePool, cache: PageCache, limits: Limits) -> None:
        self.pool, self.cache, self.limits = pool, cache, limits

    def submit(self, path: Path) -> Pending:
        """Start reading the pages of `path` that the cache lacks. Never raises: what
        fails here is met again, and reported, when the dossier is processed."""
        try:
            pending = Pending(Path(tempfile.mkdtemp(prefix="dossiers-ahead-")))
        except OSError as exc:
            log.debug("read-ahead skipped a dossier: %s", exc.__class__.__name__)
            return Pending(None)
        try:
            intake = take_in(path, pending.workdir, self.limits)
            for incoming in intake.files:
                try:
                    jobs = plan_file(incoming.path, incoming.source, self.limits)
                except UnreadableFileError:
                    continue
                sha = sha256_of_file(incoming.path)
                for job in jobs:
                    if self.cache.get(sha, job.index + 1, job.source) is None:
                        pending.reads.append((sha, self.pool.submit(job)))
        except Exception as exc:  # noqa: BLE001 - read-ahead is an optimisation, never a failure
            log.debug("read-ahead skipped a dossier: %s", exc.__class__.__name__)
        return pending

    def finish(self, pending: Pending) -> None:
        """Wait for the pages of `pending` and put them in the cache. Never raises either:
        a page the cache cannot keep (object store down, disk full) is read again by the
        dossier step, which reports what is wrong then."""
        try:
            for sha, future in pending.reads:
                try:
                    page = future.result()
                    if isinstance(page, Page):
                        self.cache.put(sha, page)
                except Exception as exc:  # noqa: BLE001 - an optimisation, never a failure
                    log.debug("read-ahead page not kept: %s", exc.__class__.__name__)
        finally:
            if pending.workdir is not None:
                shutil.rmtree(pending.workdir, ignore_errors=True)
