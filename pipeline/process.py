"""One dossier, end to end: take in, read, split, classify, extract, check.

`process_dossier` is the one pipeline function: the CLI and the Airflow tasks both
call it (or its steps), so a dossier gives the same result both ways. It never
raises for bad input (that becomes flags); a bug or a missing dependency gives a
`failed` result with its error.
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

from extractors.classify import CONFIDENT, classify_pages, score_page
from extractors.extract import extract_fields
from extractors.limits import Limits
from extractors.reading import PageJob, plan_file
from extractors.split import split_pages
from models import (
    DossierInfo,
    DossierResult,
    Flag,
    FlagCode,
    Page,
    PieceResult,
    Status,
    UnreadableFileError,
)
from pipeline.intake import Intake, take_in
from pipeline.opaque import opaque_id
from pipeline.page_cache import PageCache
from pipeline.page_pool import PagePool
from storage.objects import sha256_of_file
from validators import UNKNOWN_PROCEDURE, CheckContext, assess, infer_procedure

log = logging.getLogger(__name__)

# A page whose OCR confidence is under this, or whose sharpness is under BLUR_LIMIT, is illegible.
ILLEGIBLE_CONFIDENCE = 0.55
BLUR_LIMIT = 15.0


@dataclass
class DossierRun:
    """What the steps pass along for one dossier."""

    intake: Intake
    received_at: dt.date
    pages: dict[str, list[Page]] = field(default_factory=dict)  # by source, in page order
    flags: list[Flag] = field(default_factory=list)
    pieces: list[PieceResult] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)


def process_dossier(path: Path, *, received_at: dt.date, pool: PagePool | None = None,
                    limits: Limits | None = None) -> DossierResult:
    """The result document of one dossier. `received_at` is the date the platform
    first received it (the submitted_at of a dossier without manifest)."""
    limits = limits or Limits.from_env()
    with tempfile.TemporaryDirectory(prefix="dossiers-work-") as workdir:
        try:
            intake = take_in(path, Path(workdir), limits)
        except Exception as exc:  # noqa: BLE001 - a bug in intake still gives a result
            return failed_result(reference_of(path), received_at, describe(exc))
        return process_intake(intake, received_at=received_at, pool=pool, limits=limits)


def process_intake(intake: Intake, *, received_at: dt.date, pool: PagePool | None = None,
                   limits: Limits | None = None, cache: PageCache | None = None) -> DossierResult:
    """The steps after intake, for callers that took the dossier in themselves (to
    store its originals first). Never raises: a failure is a `failed` result."""
    limits = limits or Limits.from_env()
    own_pool = pool is None
    pool = pool or PagePool(workers=1)
    try:
        return _run_steps(intake, received_at, pool, limits, cache)
    except Exception as exc:  # noqa: BLE001 - the boundary where a bug becomes a failed result
        # Named by its opaque id: a reference is often a file name, which holds a person's name.
        log.error("dossier %s: processing failed: %s", opaque_id(reference_of_intake(intake)),
                  exc.__class__.__name__)
        log.debug("%s", traceback.format_exc())
        return failed_result(reference_of_intake(intake), received_at, describe(exc))
    finally:
        if own_pool:
            pool.close()


def _run_steps(intake: Intake, received_at: dt.date, pool: PagePool, limits: Limits,
               cache: PageCache | None) -> DossierResult:
    timer = _Timer()
    run = DossierRun(intake=intake, received_at=received_at)
    run.flags += [_unreadable_flag(p) for p in intake.problems]
    if intake.manifest_error:
        run.flags.append(Flag.make(FlagCode.invalid_manifest, intake.manifest_error))
    with timer("read"):
        read_pages(run, pool, limits, cache)
    with timer("classify"):
        make_pieces(run)
    with timer("extract"):
        extract_pieces(run)
    with timer("check"):
        result = check_dossier(run)
    result.timings_ms = timer.ms
    return result


def read_pages(run: DossierRun, pool: PagePool, limits: Limits, cache: PageCache | None = None) -> None:
    """Every page of every file, from the cache when this reader has read those bytes before."""
    jobs: list[PageJob] = []
    hashes: dict[str, str] = {}
    for incoming in run.intake.files:
        try:
            jobs += plan_file(incoming.path, incoming.source, limits)
        except UnreadableFileError as exc:
            run.flags.append(_unreadable_flag(exc))
            continue
        if cache is not None:
            hashes[incoming.source] = sha256_of_file(incoming.path)
    outcomes: dict[int, Page | UnreadableFileError] = {}
    if cache is not None:
        for i, job in enumerate(jobs):
            page = cache.get(hashes[job.source], job.index + 1, job.source)
            if page is not None:
                outcomes[i] = page
    to_read = [i for i in range(len(jobs)) if i not in outcomes]
    for i, outcome in zip(to_read, pool.read(jobs[i] for i in to_read)):
        outcomes[i] = outcome
        if cache is not None and isinstance(outcome, Page):
            cache.put(hashes[jobs[i].source], outcome)
    broken: set[str] = set()
    for i, job in enumerate(jobs):
        outcome = outcomes[i]
        if isinstance(outcome, UnreadableFileError):
            if job.source not in broken:
                broken.add(job.source)
                run.flags.append(_unreadable_flag(outcome))
            continue
        run.pages.setdefault(job.source, []).append(outcome)


def make_pieces(run: DossierRun) -> None:
    """Each file is one piece, except a merged scan, which is split."""
    for source, pages in run.pages.items():
        if run.intake.shape == "merged":
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
            ))


def extract_pieces(run: DossierRun) -> None:
    for index, piece in enumerate(run.pieces):
        pages = [p for p in run.pages[piece.source] if p.number in piece.pages]
        extraction = extract_fields(piece.type, pages)
        piece.fields = extraction.fields
        piece.field_confidence = extraction.field_confidence
        piece.field_boxes = extraction.field_boxes
        piece.mrz_failed = extraction.mrz_failed
        piece.absent_fields = extraction.absent_fields
        run.flags += _reading_flags(index, piece, pages, extraction.mrz_failed)


def check_dossier(run: DossierRun) -> DossierResult:
    manifest = run.intake.manifest
    if manifest and manifest.procedure:
        procedure, procedure_source = manifest.procedure, "manifest"
    else:
        procedure = infer_procedure(p.type for p in run.pieces) or UNKNOWN_PROCEDURE
        procedure_source = "inferred"
    submitted_at = (manifest.submitted_at if manifest else None) or run.received_at
    reference = reference_of_intake(run.intake)
    # the manifest's job and work place decide the shortage exemption (None when absent or malformed)
    ctx = CheckContext(procedure=procedure, submitted_at=submitted_at, pieces=run.pieces,
                       job_rome_code=manifest.job_rome_code if manifest else None,
                       work_postcode=manifest.work_postcode if manifest else None)
    assessment = assess(ctx, prior_flags=run.flags)
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


def reference_of(path: Path) -> str:
    return path.name if path.is_dir() or not path.suffix else path.stem


def reference_of_intake(intake: Intake) -> str:
    """A dossier is its reference: the manifest's, else the input's name."""
    return (intake.manifest.reference if intake.manifest else None) or intake.name


def describe(exc: Exception) -> str:
    return f"{exc.__class__.__name__}: {exc}"


def piece_id(source: str, pages: list[int]) -> str:
    """Stable across reruns and reviews: the same file and pages give the same id."""
    key = f"{source}#{','.join(map(str, pages))}".encode()
    return hashlib.sha256(key).hexdigest()[:16]


def _reading_flags(index: int, piece: PieceResult, pages: list[Page], mrz_failed: list[str]) -> list[Flag]:
    flags = []
    if piece.confidence < CONFIDENT:
        flags.append(Flag.make(
            FlagCode.unclassified_piece,
            f"Type de pièce incertain : classée « {piece.type.value} » avec une confiance de "
            f"{piece.confidence:.0%}. Vérifiez la nature de la pièce.",
            piece=index, source=piece.source,
        ))
    for page in pages:
        blurred = page.sharpness is not None and page.sharpness < BLUR_LIMIT
        unsure = page.mean_confidence is not None and page.mean_confidence < ILLEGIBLE_CONFIDENCE
        if blurred or unsure:
            why = "floue" if blurred else f"peu lisible (confiance de lecture {page.mean_confidence:.0%})"
            flags.append(Flag.make(
                FlagCode.illegible_page, f"Page {page.number} de « {piece.source} » {why}.",
                piece=index, source=piece.source, page=page.number,
            ))
    for name in mrz_failed:
        flags.append(Flag.make(
            FlagCode.mrz_check_failed,
            f"La clé de contrôle de la bande MRZ ne correspond pas pour « {name} » : "
            "la valeur retenue est celle de la zone visuelle, à vérifier.",
            piece=index, field=name,
        ))
    return flags


def _unreadable_flag(error: UnreadableFileError) -> Flag:
    return Flag.make(
        FlagCode.unreadable_file,
        f"Fichier « {error.source} » illisible : {error.reason}"
        + (f" ({error.detail})." if error.detail else ".") + " Demandez un nouvel envoi de la pièce.",
        source=error.source,
    )


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
