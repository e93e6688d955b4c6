"""Receiving the next dossiers and reading their pages while the current one is
extracted and recorded.

A batch run would otherwise leave the page readers idle twice per dossier: while the
main process classifies, extracts, checks and records, and while the last pages of a
dossier finish one by one. Read-ahead receives the coming dossiers (taken in, hashed,
kept, planned: once) and submits their pages to the pool at once; when a dossier's
turn comes, it is processed from that same record and those same pages.
"""
from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from extractors.limits import Limits
from models import DossierResult
from pipeline.page_cache import PageCache
from pipeline.page_pool import PagePool
from pipeline.page_reads import PageRead, start_reading
from pipeline.received import Received
from pipeline.recorded import (
    Services,
    is_transient,
    process_and_record,
    receive_and_keep,
    record_received,
)

log = logging.getLogger(__name__)


@dataclass
class Prepared:
    path: Path
    workdir: Path | None = None  # None when not even a work folder could be made (disk full)
    received: Received | None = None  # None when receiving ahead failed: its turn receives it
    reads: list[PageRead] | None = None  # its pages, from the cache or being read
    fault: Exception | None = None  # a service fault met ahead: the dossier's own, told on its turn

    @property
    def has_pages_to_read(self) -> bool:
        """Whether some page of it is being read (not all from the cache)."""
        return any(isinstance(read.outcome, Future) for read in self.reads or ())


class ReadAhead:
    def __init__(self, pool: PagePool, services: Services, cache: PageCache, limits: Limits) -> None:
        self.pool, self.services, self.cache, self.limits = pool, services, cache, limits

    def submit(self, path: Path) -> Prepared:
        """Receive `path` and start reading its pages. Never raises: what fails here is
        done again when the dossier's turn comes; a service fault is reported then."""
        prepared = Prepared(path)
        try:
            prepared.workdir = Path(tempfile.mkdtemp(prefix="dossiers-ahead-"))
            received = receive_and_keep(path, prepared.workdir, self.services.store, self.limits)
            if received.record.error is None:
                prepared.reads = start_reading(received.record, lambda planned: received.paths[planned.source],
                                               self.pool, self.limits, self.cache)
            prepared.received = received
        except Exception as exc:  # noqa: BLE001 - read-ahead is an optimisation, never a failure
            log.debug("read-ahead skipped a dossier: %s", exc.__class__.__name__)
            prepared.fault = exc if is_transient(exc) else None
        return prepared

    def process(self, prepared: Prepared, *, today: dt.date, as_of: dt.date | None) -> DossierResult:
        """The dossier processed and recorded from what `submit` prepared (or from
        scratch when that failed). May be called again after a service fault."""
        if prepared.fault is not None:
            # Met while receiving it ahead: retried like a fault met now, from scratch.
            fault, prepared.fault = prepared.fault, None
            raise fault
        if prepared.received is None:
            return process_and_record(prepared.path, self.services, today=today, as_of=as_of, pool=self.pool,
                                      limits=self.limits)
        return record_received(prepared.received, self.services, today=today, as_of=as_of, pool=self.pool,
                               limits=self.limits, reads=prepared.reads)

    @staticmethod
    def release(prepared: Prepared) -> None:
        if prepared.workdir is not None:
            shutil.rmtree(prepared.workdir, ignore_errors=True)
