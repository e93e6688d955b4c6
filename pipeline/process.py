"""One dossier, end to end: take in, read, split, classify, extract, check.

`process_received` runs the steps after receiving (pipeline/received.py) on the
dossier's record: the CLI, the Airflow tasks and reruns all call it, so a dossier
gives the same result every way; `process_dossier` receives a path and calls it,
keeping nothing. It never raises for bad input (that becomes flags); a bug or a
missing dependency gives a `failed` result with its error.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from extractors.classify import classify_pages, score_page
from extractors.extract import extract_fields
from extractors.limits import Limits
from extractors.name_order import order_names_by_identity
from extractors.split import split_pages
from models import (
    DossierInfo,
    DossierResult,
    Page,
    PieceResult,
    Status,
)
from models.reading import PieceReading, ReadingFacts
from models.received import ReceivedDossier
from models.records import PageView
from pipeline.extraction_cache import ExtractionCache
from pipeline.opaque import opaque_id
from pipeline.page_cache import PageCache
from pipeline.page_pool import PagePool
from pipeline.page_reads import PageRead, collect_pages, reading_steps, start_reading
from pipeline.received import Received, describe, receive
from validators import UNKNOWN_PROCEDURE, CheckContext, assess, infer_procedure

log = logging.getLogger(__name__)


@dataclass
class DossierRun:
    """What the steps pass along for one dossier."""

    received: ReceivedDossier
    received_at: dt.date
    pages: dict[str, list[Page]] = field(default_factory=dict)  # by source, in page order
    reading: ReadingFacts = field(default_factory=ReadingFacts)  # judged by validators.reading
    pieces: list[PieceResult] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)


def process_dossier(path: Path, *, received_at: dt.date, pool: PagePool | None = None,
                    limits: Limits | None = None) -> DossierResult:
    """The result document of one dossier. `received_at` is the date the platform
    first received it (the submitted_at of a dossier without manifest)."""
    limits = limits or Limits.from_env()
    with tempfile.TemporaryDirectory(prefix="dossiers-work-") as workdir:
        received = receive(path, Path(workdir), limits)
        return process_received(received, received_at=received_at, pool=pool, limits=limits)


def process_received(received: Received, *, received_at: dt.date, pool: PagePool | None = None,
                     limits: Limits | None = None, cache: PageCache | None = None,
                     reads: list[PageRead] | None = None) -> DossierResult:
    """The steps after receiving: read, classify, extract, check. `reads` are its pages
    already on their way (`start_reading`, by the caller). Never raises: a failure is
    a `failed` result."""
    record = received.record
    if record.error is not None:
        return failed_result(reference_of_intake(record), received_at, record.error)
    limits = limits or Limits.from_env()
    own_pool = pool is None
    pool = pool or PagePool(workers=1)
    try:
        return _run_steps(received, received_at, pool, limits, cache, reads)
    except Exception as exc:  # noqa: BLE001 - the boundary where a bug becomes a failed result
        # Named by its opaque id: a reference is often a file name, which holds a person's name.
        log.error("dossier %s: processing failed: %s", opaque_id(reference_of_intake(record)),
                  exc.__class__.__name__)
        log.debug("%s", traceback.format_exc())
        return failed_result(reference_of_intake(record), received_at, describe(exc))
    finally:
        if own_pool:
            pool.close()


def _run_steps(received: Received, received_at: dt.date, pool: PagePool, limits: Limits,
               cache: PageCache | None, reads: list[PageRead] | None) -> DossierResult:
    timer = _Timer()
    record = received.record
    run = DossierRun(received=record, received_at=received_at,
                     reading=ReadingFacts(taken_in=record.problems, manifest_error=record.manifest_error))
    with timer("read"):
        if reads is None:
            reads = start_reading(record, lambda planned: received.paths[planned.source], pool, limits, cache)
        run.pages, problems = collect_pages(record, reads, cache)
        run.reading.unread = problems
    timer.ms.update(reading_steps(reads))
    with timer("classify"):
        make_pieces(run)
    with timer("extract"):
        extract_pieces(run, ExtractionCache(cache.store) if cache is not None else None)
    with timer("check"):
        result = check_dossier(run)
    result.timings_ms = timer.ms
    return result


def make_pieces(run: DossierRun) -> None:
    """Each file is one piece, except a merged scan, which is split."""
    for source, pages in run.pages.items():
        if run.received.shape == "merged":
            groups = split_pages(pages, [score_page(p) for p in pages])
        else:
            groups = [list(range(len(pages)))]
        for group in groups:
            piece_pages = [pages[i] for i in group]
            piece_type, conf = classify_pages(piece_pages)
            run.pieces.append(PieceResult(
                id=piece_id(source, [p.number for p in piece_pages]),
                source=source,
                pages=[p.number for p in piece_pages],
                type=piece_type,
                confidence=conf,
                text_source=_text_source(piece_pages),
                page_views=[PageView(page=p.number, text_source=p.text_source, rotation=p.rotation, skew=p.skew,
                                     mirrored=p.mirrored)
                            for p in piece_pages],
            ))


def extract_pieces(run: DossierRun, cache: ExtractionCache | None = None) -> None:
    """Each piece's fields, from the cache when these extractors read these pages before."""
    sha256 = {planned.source: planned.sha256 for planned in run.received.planned}
    for piece in run.pieces:
        pages = [p for p in run.pages[piece.source] if p.number in piece.pages]
        file_sha256 = sha256.get(piece.source)
        key = cache.key(file_sha256, piece.type, pages) if cache and file_sha256 else None
        extraction = cache.get(key) if cache and key else None
        if extraction is None:
            extraction = extract_fields(piece.type, pages)
            if cache and key:
                cache.put(key, extraction)
        piece.fields = extraction.fields
        piece.field_confidence = extraction.field_confidence
        piece.field_boxes = extraction.field_boxes
        piece.mrz_failed = extraction.mrz_failed
        piece.absent_fields = extraction.absent_fields
        run.reading.pieces.append(PieceReading.of(piece, pages))
    order_names_by_identity(run.pieces)


def check_dossier(run: DossierRun) -> DossierResult:
    manifest = run.received.manifest
    if manifest and manifest.procedure:
        procedure, procedure_source = manifest.procedure, "manifest"
    else:
        procedure = infer_procedure(p.type for p in run.pieces) or UNKNOWN_PROCEDURE
        procedure_source = "inferred"
    submitted_at = (manifest.submitted_at if manifest else None) or run.received_at
    reference = reference_of_intake(run.received)
    # the manifest's job and work place decide the shortage exemption (None when absent or malformed)
    ctx = CheckContext(procedure=procedure, submitted_at=submitted_at, pieces=run.pieces,
                       job_rome_code=manifest.job_rome_code if manifest else None,
                       work_postcode=manifest.work_postcode if manifest else None)
    assessment = assess(ctx, reading=run.reading)
    return DossierResult(
        dossier=DossierInfo(reference=reference, procedure=procedure,
                            procedure_source=procedure_source, submitted_at=submitted_at,
                            job_rome_code=ctx.job_rome_code, work_postcode=ctx.work_postcode),
        status=assessment.status,
        pieces=run.pieces,
        flags=assessment.flags,
        labour_market_test=assessment.labour_market_test,
        checked_against=assessment.checked_against,
    )


def failed_result(reference: str, received_at: dt.date, error: str) -> DossierResult:
    return DossierResult(
        dossier=DossierInfo(reference=reference, procedure=UNKNOWN_PROCEDURE,
                            procedure_source="inferred", submitted_at=received_at),
        status=Status.failed,
        error=error,
    )


def reference_of_intake(received: ReceivedDossier) -> str:
    """A dossier is its reference: the manifest's, else the input's name."""
    return (received.manifest.reference if received.manifest else None) or received.name


def piece_id(source: str, pages: list[int]) -> str:
    """Stable across reruns and reviews: the same file and pages give the same id."""
    key = f"{source}#{','.join(map(str, pages))}".encode()
    return hashlib.sha256(key).hexdigest()[:16]


def _text_source(pages: list[Page]) -> str:
    kinds = {p.text_source for p in pages}
    return kinds.pop() if len(kinds) == 1 else "mixed"


class _Timer:
    def __init__(self) -> None:
        self.ms: dict[str, float] = {}

    def __call__(self, name: str) -> "_Timer":
        self._name = name
        return self

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.ms[self._name] = round((time.perf_counter() - self._start) * 1000, 1)
