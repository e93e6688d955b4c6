"""Reading pages one process per core (tesseract runs single-threaded in each)."""
from __future__ import annotations

import os
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Iterable

from extractors.reading import PageJob, read_page
from models import Page, UnreadableFileError


def _init_worker() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


def read_or_error(job: PageJob) -> Page | UnreadableFileError:
    """Input problems come back as values so one bad page never cancels the others."""
    try:
        return read_page(job)
    except UnreadableFileError as exc:
        return exc


class PagePool:
    """A pool of page readers, shared by all the dossiers of a batch."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self._executor: Executor | None = None

    def read(self, jobs: Iterable[PageJob]) -> list[Page | UnreadableFileError]:
        jobs = list(jobs)
        if self.workers <= 1 or len(jobs) <= 1:
            return [read_or_error(job) for job in jobs]
        return list(self._pool().map(read_or_error, jobs))

    def submit(self, job: PageJob) -> Future:
        """Read a page in the background (in this process when there is one worker)."""
        if self.workers <= 1:
            done: Future = Future()
            done.set_result(read_or_error(job))
            return done
        return self._pool().submit(read_or_error, job)

    def _pool(self) -> Executor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(self.workers, initializer=_init_worker)
        return self._executor

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None

    def __enter__(self) -> "PagePool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
