"""The pages of a received dossier: each one from the page cache when this reader has
read those bytes before, else read in the page pool. The one "plan, hash, look up the
cache" loop: the plan and the hashes come from the dossier's record, never again
from its files. Reading starts in `start_reading` (the CLI starts the next dossiers'
pages while it records the current one) and ends in `collect_pages`."""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from extractors.filetype import FileKind
from extractors.limits import Limits
from extractors.reading import PageJob
from models import Page, UnreadableFileError
from models.received import FileProblem, PlannedFile, ReceivedDossier
from pipeline.page_cache import PageCache
from pipeline.page_pool import PagePool
from pipeline.received import problem_of


@dataclass
class PageRead:
    planned: PlannedFile
    outcome: Page | Future  # a cached page, or the page being read


def page_job(planned: PlannedFile, path: Path, number: int, limits: Limits) -> PageJob:
    """The job reading page `number` (1-based) of a planned file, without planning it again."""
    return PageJob(str(path), planned.source, FileKind(planned.media_type), number - 1, limits)


def start_reading(record: ReceivedDossier, local_path: Callable[[PlannedFile], Path], pool: PagePool,
                  limits: Limits, cache: PageCache | None) -> list[PageRead]:
    """Every planned page, in the dossier's order: taken from the cache, or submitted to
    the pool. `local_path` gives a file's bytes on disk; it is asked only for a file
    with a page to read."""
    reads = []
    for planned in record.planned:
        if planned.problem is not None:
            continue
        for number in range(1, planned.pages + 1):
            page = cache.get(planned.sha256, number, planned.source) if cache is not None else None
            if page is None:
                page = pool.submit(page_job(planned, local_path(planned), number, limits))
            reads.append(PageRead(planned, page))
    return reads


def collect_pages(record: ReceivedDossier, reads: list[PageRead], cache: PageCache | None
                  ) -> tuple[dict[str, list[Page]], list[FileProblem]]:
    """The pages by source, in page order, and the files that cannot be read (the planner's
    refusals first, then each file whose reading failed, once). Read pages go to the cache."""
    problems = [p.problem for p in record.planned if p.problem]
    pages: dict[str, list[Page]] = {}
    broken: set[str] = set()
    for read in reads:
        outcome = read.outcome
        if isinstance(outcome, Future):
            outcome = outcome.result()
            if cache is not None and isinstance(outcome, Page):
                cache.put(read.planned.sha256, outcome)
        if isinstance(outcome, UnreadableFileError):
            if read.planned.source not in broken:
                broken.add(read.planned.source)
                problems.append(problem_of(outcome))
            continue
        pages.setdefault(read.planned.source, []).append(outcome)
    return pages, problems


def reading_steps(reads: list[PageRead]) -> dict[str, float]:
    """Milliseconds per reading step ("read.ocr", "read.mrz"...) summed over the pages read
    in this run (a cached page cost nothing now). Workers read in parallel: the sum can
    exceed the run's "read" wall time."""
    steps: dict[str, float] = {}
    for read in reads:
        if isinstance(read.outcome, Future) and isinstance(page := read.outcome.result(), Page):
            for step, ms in page.read_ms.items():
                steps[f"read.{step}"] = round(steps.get(f"read.{step}", 0.0) + ms, 1)
    return steps
