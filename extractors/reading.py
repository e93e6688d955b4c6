"""Reading a file into Pages: text layer first, otherwise clean-up and OCR.

`plan_file` checks a file against the limits and lists its pages as PageJobs;
`read_page` reads one of them, `read_pages` several with one tesseract run for their
first OCR pass. Jobs are small and picklable so the caller can run them one process
per core.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from extractors import cleanup, text_direction
from extractors.fields.residence_permit import ends_on_a_category
from extractors.filetype import FileKind, sniff
from extractors.limits import Limits
from extractors.mrz_locate import PageMrzReadings, find_mrz, valid_reading
from extractors.ocr import (
    OcrResult,
    OcrTimeout,
    detect_rotation,
    ocr_words,
    ocr_words_together,
)
from extractors.pdf_text import read_text_layer
from extractors.raster import (
    count_frames,
    load_frame,
    open_pdf,
    pdf_page,
    render_dpi,
    render_page,
)
from extractors.rows import rows_from_words
from extractors.step_times import charge, collecting, steps_of, timed
from models import (
    CorruptFile,
    EmptyFile,
    FileLimitExceeded,
    Line,
    Page,
    ReadTimeout,
    UnreadableFileError,
    UnsupportedFormat,
    Word,
)

# tesseract (leptonica) refuses images with a side longer than this.
TESSERACT_MAX_SIDE = 32767
# The clean-up steps measure a page scaled to 800 px on its long side: a page longer than
# this many times its width would scale to nothing (and no document page is that thin).
MAX_PAGE_ASPECT = 750
# An OCR attempt below this quality tries other orientations and a contrast boost.
GOOD_ENOUGH_CONFIDENCE = 0.75
GOOD_ENOUGH_WORDS = 25


@dataclass(frozen=True)
class PageJob:
    path: str  # absolute path of the file on disk
    source: str  # path inside the dossier
    kind: FileKind
    index: int  # 0-based page or frame
    limits: Limits
    deadline: float = float("inf")  # set when reading starts: time.time() past which it is abandoned


def plan_file(path: Path, source: str, limits: Limits) -> list[PageJob]:
    """Check a file and list its pages. Raises an UnreadableFileError subclass."""
    size = path.stat().st_size
    if size == 0:
        raise EmptyFile(source)
    if size > limits.max_file_bytes:
        raise FileLimitExceeded(source, f"{size / 1e6:.0f} Mo, au-delà de {limits.max_file_bytes / 1e6:.0f} Mo")
    kind = sniff(path)
    if kind == FileKind.pdf:
        pdf = open_pdf(path, source)
        try:
            pages = len(pdf)
            if pages == 0:
                raise CorruptFile(source, "PDF sans page")
            if pages > limits.max_pdf_pages:
                raise FileLimitExceeded(source, f"{pages} pages, au-delà de {limits.max_pdf_pages}")
            for i in range(pages):
                render_dpi(pdf_page(pdf, i, source), source, limits)
        finally:
            pdf.close()
    elif kind.is_image:
        pages = count_frames(path, source, limits)
    else:
        raise UnsupportedFormat(source)
    return [PageJob(str(path), source, kind, i, limits) for i in range(pages)]


def read_page(job: PageJob) -> Page:
    """One page. Raises the UnreadableFileError subclass of its file's problem."""
    page = read_pages([job])[0]
    if isinstance(page, UnreadableFileError):
        raise page
    return page


def read_pages(jobs: Sequence[PageJob]) -> list[Page | UnreadableFileError]:
    """Pages read one after the other, except their first OCR pass, which is one tesseract
    run for them all (its model is loaded once, not once a page). Each page keeps its own
    time limit (the shared pass is charged to each by its size) and its own steps' timings;
    a page's problem is its value, and the others are read all the same."""
    results: list[Page | UnreadableFileError | None] = [None] * len(jobs)
    with contextlib.ExitStack() as stack:
        scratch: list[Path] = []

        def folder_for(i: int) -> Path:
            # Made on first use: a page with a text layer needs no scratch folder.
            if not scratch:
                scratch.append(Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dossiers-ocr-"))))
            folder = scratch[0] / f"page-{i}"
            folder.mkdir()
            return folder

        waiting: list[tuple[int, _Prepared]] = []
        for i, job in enumerate(jobs):
            try:
                begun = _begin(job, functools.partial(folder_for, i))
            except UnreadableFileError as exc:
                results[i] = exc
                continue
            if isinstance(begun, Page):
                results[i] = begun
            else:
                waiting.append((i, begun))
        firsts = _first_passes([prepared for _, prepared in waiting])
        for (i, prepared), first in zip(waiting, firsts):
            try:
                if isinstance(first, UnreadableFileError):
                    raise first
                results[i] = _finish(prepared, first)
            except UnreadableFileError as exc:
                results[i] = exc
    done = [result for result in results if result is not None]
    assert len(done) == len(jobs), "every page has its page or its problem"
    return done


@dataclass
class _Prepared:
    """A page loaded and cleaned up, waiting for its first OCR pass."""
    job: PageJob
    folder: Path  # the page's own scratch folder
    image: Path  # the cleaned-up page as tesseract reads it
    budget: float  # seconds left of the page's time limit
    tally: dict[str, float]  # its steps' timings so far
    sharp: float
    first_turn: int
    skew: float
    upright: np.ndarray  # deskewed, before rule removal


def _begin(job: PageJob, folder: Callable[[], Path]) -> Page | _Prepared:
    """A page with a text layer, read; otherwise its image loaded and cleaned up."""
    # The time limit runs from when reading starts, not from when the page was queued.
    job = dataclasses.replace(job, deadline=time.time() + job.limits.read_seconds)
    with collecting() as tally:
        path = Path(job.path)
        if job.kind == FileKind.pdf:
            with timed("text_layer"):
                page = read_text_layer(path, job.source, job.index)
            if page is not None:
                return page.model_copy(update={"read_ms": steps_of(tally)})
            with timed("load"):
                gray, _ = render_page(path, job.source, job.index, job.limits)
        else:
            with timed("load"):
                gray, _ = load_frame(path, job.source, job.index, job.limits)
        return _prepare(gray, job, folder(), tally)


def ocr_image(gray: np.ndarray, job: PageJob) -> Page:
    """Clean up and OCR one page image, trying harder only when the first pass is poor."""
    job = dataclasses.replace(job, deadline=min(job.deadline, time.time() + job.limits.read_seconds))
    with tempfile.TemporaryDirectory(prefix="dossiers-ocr-") as tmp, collecting() as tally:
        prepared = _prepare(gray, job, Path(tmp), tally)
        first = _first_passes([prepared])[0]
        if isinstance(first, UnreadableFileError):
            raise first
        return _finish(prepared, first)


def _prepare(gray: np.ndarray, job: PageJob, folder: Path, tally: dict[str, float]) -> _Prepared:
    """Measure, denoise, turn a sideways page, deskew and take the rules out; the page is
    written for its first OCR pass."""
    _check_dimensions(gray, job)
    with timed("cleanup"):
        # One reduced copy serves the blur measure and the sideways test (each reduces the page
        # further on its own): reducing a full page costs more than either measure.
        overview = cleanup.downscale(gray, cleanup.SHARPNESS_SIDE)
        sharp = cleanup.sharpness(overview)
        if cleanup.is_noisy(gray):
            gray = cleanup.denoise(gray)
            overview = cleanup.downscale(gray, cleanup.SHARPNESS_SIDE)
    first_turn = _turn_of_sideways_page(gray, str(folder), job, overview)
    with timed("cleanup"):
        gray = cleanup.rotate_quadrant(gray, first_turn)
        # No enlarging: at 200 dpi tesseract reads as well as on a 1.5× copy (measured on the
        # benchmark and on synthetic batches) in less than half the time.
        skew = cleanup.estimate_skew(gray)
        upright = cleanup.deskew(gray, skew)
        _check_dimensions(upright, job)
        image = _write(cleanup.remove_rules(upright), str(folder), "page-3")
    return _Prepared(job=job, folder=folder, image=image, budget=_remaining(job), tally=tally,
                     sharp=sharp, first_turn=first_turn, skew=skew, upright=upright)


def _first_passes(pages: list[_Prepared]) -> list[OcrResult | UnreadableFileError]:
    """The first OCR pass of every page, in one tesseract run. A run that overruns the
    shortest time left reads each page alone (within its own), so that one slow page
    does not cost the others theirs."""
    if not pages:
        return []
    sizes = [(p.image, p.upright.shape[1], p.upright.shape[0]) for p in pages]
    start = time.perf_counter()
    try:
        together: list[OcrResult | UnreadableFileError] = list(
            ocr_words_together(sizes, timeout=min(p.budget for p in pages)))
    except OcrTimeout:
        together = []
    spent = time.perf_counter() - start
    if together:
        area = sum(w * h for _, w, h in sizes) or 1
        for page, (_, w, h) in zip(pages, sizes):
            share = spent * w * h / area
            charge(page.tally, "ocr", share * 1000)
            page.budget -= share
        return together
    alone: list[OcrResult | UnreadableFileError] = []
    for page, (path, w, h) in zip(pages, sizes):
        with collecting(page.tally), timed("ocr"):
            try:
                alone.append(ocr_words(path, w, h, timeout=page.budget))
            except OcrTimeout:
                alone.append(_timeout(page.job))
    return alone


def _finish(prepared: _Prepared, best: OcrResult) -> Page:
    """The rest of a page's reading once its first pass is in: other turns, the contrast
    boost or the mirror image when that pass was poor, then the MRZ."""
    job = dataclasses.replace(prepared.job, deadline=time.time() + prepared.budget)
    tmp = str(prepared.folder)
    with collecting(prepared.tally) as tally:
        page = _carry_on(prepared, best, job, tmp)
    return page.model_copy(update={"read_ms": steps_of(tally)})


def _carry_on(prepared: _Prepared, best: OcrResult, job: PageJob, tmp: str) -> Page:
    first_turn, upright, skew = prepared.first_turn, prepared.upright, prepared.skew
    mrz_readings = PageMrzReadings()
    rotation, straight = first_turn, upright
    sideways = _sideways(best, upright.shape[1] / upright.shape[0])
    if sideways or not _good_enough(best) and not _upright_by_its_mrz(upright, best, mrz_readings):
        with timed("orientation"):
            # A sideways reading is never kept: its rows mean nothing, whatever its confidence.
            candidates = [] if sideways else [(0, upright, best)]
            for turn in _turns_to_try(upright, tmp, job, sideways):
                turned = cleanup.rotate_quadrant(upright, turn)
                candidates.append((turn, turned, _ocr(cleanup.remove_rules(turned), tmp, job)))
            turn, upright, best = _mrz_upright(candidates, mrz_readings) or max(candidates, key=lambda c: c[2].quality)
            rotation = (first_turn + turn) % 360
    oriented = upright  # the MRZ is read on the page before its background is flattened
    if not _good_enough(best):
        with timed("contrast"):
            # A poor reading on an upright page is mostly its background: a security print,
            # a tint, uneven light. Binarised against its local surround, the ink stands alone.
            # A turn chosen between two poor readings may be the noise's choice: the page as
            # it stood is flattened too.
            views = [(rotation, upright)]
            if rotation != first_turn and not sideways:
                views.append((first_turn, straight))
            for turn, view in views:
                flattened = cleanup.flatten_background(view)
                attempt = _ocr(flattened, tmp, job)
                if attempt.quality > best.quality:
                    upright, oriented, best, rotation = flattened, view, attempt, turn
    mirrored = False
    if best.mean_confidence < MIRROR_SUSPECT:
        with timed("orientation"):
            found = _mirrored_reading(oriented, best, tmp, job)
        if found is not None:
            half_turn, oriented, best = found
            upright, rotation, mirrored = oriented, (rotation + half_turn) % 360, True
    # The MRZ reader gets the image before rule removal, which would cut OCR-B strokes.
    with timed("mrz"):
        extra, turn = _read_mrz(oriented, best, mrz_readings)
    with timed("identity"):
        if turn:
            # Only the MRZ read the right way: the page was upside down or sideways, and its
            # printed zone is read again that way (the page, not the zone, is turned).
            upright = cleanup.rotate_quadrant(oriented, turn)
            rotation = (rotation + turn) % 360
            best = _ocr(cleanup.remove_rules(upright), tmp, job)
        if extra and best.word_count <= 2 * FEW_WORDS:
            best = _card_reading(upright, best, job)
        if _french_card(extra) and best.word_count <= 2 * FEW_WORDS and not _category_read(best):
            best = _with_sparse_words(upright, best, job, tmp)
    h, w = upright.shape[:2]
    return Page(
        source=job.source,
        number=job.index + 1,
        width=w,
        height=h,
        text_source="ocr",
        lines=best.lines,
        rotation=rotation,
        skew=skew,
        mirrored=mirrored,
        mean_confidence=best.mean_confidence,
        sharpness=prepared.sharp,
        extra_text=extra,
    )


# Below this mean word confidence after every turn and the flattening, a page may be a mirror
# image. Measured: no page of three synthetic batches and the shared samples (364 pages) ends
# under 0.59; mirror images read at 0.44 (a specimen card scanned face down) and 0.51 (a clean
# typed page), and 0.77 and 0.9 flipped back. A mirrored reading is taken only when it reads
# that much surer than the page did: debris read from a poor page's mirror image never is.
MIRROR_SUSPECT = 0.56
MIRROR_GAIN = 0.15


def _mirrored_reading(page: np.ndarray, best: OcrResult, tmp: str, job: PageJob
                      ) -> tuple[int, np.ndarray, OcrResult] | None:
    """A mirror image reads as debris whichever way it is turned. Flipped left to right (a
    selfie camera's photo), and that turned a half (a sheet scanned face down), it reads:
    the half turn, the view and the reading that read surely and better than `best`, if any."""
    found = None
    for half_turn in (0, 180):
        view = cleanup.mirror(cleanup.rotate_quadrant(page, half_turn))
        # As it stands: rule removal would cut into the letters of a coloured band, which an
        # identity card's title often is.
        attempt = _ocr(view, tmp, job)
        if (attempt.mean_confidence >= best.mean_confidence + MIRROR_GAIN
                and attempt.quality > (found[2] if found else best).quality):
            found = (half_turn, view, attempt)
            if _good_enough(attempt):
                break
    return found


# An identity card's print is small on a page scan: its region is read again enlarged.
CARD_ZOOM = 2.0
CARD_MAX_PIXELS = 16_000_000
CARD_MAX_SHARE = 0.5  # of the page's area: a card or two on a scanned sheet


def _card_reading(gray: np.ndarray, best: OcrResult, job: PageJob) -> OcrResult:
    """OCR of the inked region of an identity page, enlarged, when it reads better than the
    page did; word boxes are brought back to page coordinates."""
    h, w = gray.shape[:2]
    region = _inked_region(gray)
    if region is None:
        return best
    x0, y0, x1, y1 = region
    # A document filling the frame (a passport photo) was read at its size already.
    if (x1 - x0) * (y1 - y0) > CARD_MAX_SHARE * w * h:
        return best
    zoom = min(CARD_ZOOM, (CARD_MAX_PIXELS / max(1, (x1 - x0) * (y1 - y0))) ** 0.5)
    if zoom < 1.2:
        return best
    with tempfile.TemporaryDirectory(prefix="dossiers-card-") as tmp:
        attempt = _ocr(cleanup.upscale(gray[y0:y1, x0:x1], zoom), tmp, job)
    if attempt.quality <= best.quality:
        return best
    return _on_page(attempt, region, w, h)


def _inked_region(gray: np.ndarray) -> tuple[int, int, int, int] | None:
    """The box (x0, y0, x1, y1, in pixels) around a page's ink with a small margin: a card or two on a
    scanned sheet. None on a blank page."""
    h, w = gray.shape[:2]
    # On a reduced copy, scan speckle averages out and the cards stay.
    scale = 400 / w
    small = cv2.resize(gray, (400, max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    ink = (small < float(np.median(small)) - 25).astype(np.uint8)
    ys, xs = np.nonzero(cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8)))
    if xs.size == 0:
        return None
    mx, my = int(0.02 * w), int(0.02 * h)
    x0, x1 = max(0, int(xs.min() / scale) - mx), min(w, int((xs.max() + 1) / scale) + mx)
    y0, y1 = max(0, int(ys.min() / scale) - my), min(h, int((ys.max() + 1) / scale) + my)
    return x0, y0, x1, y1


def _on_page(result: OcrResult, region: tuple[int, int, int, int], w: int, h: int) -> OcrResult:
    """A region's reading with its word boxes brought back to page coordinates (in place)."""
    x0, y0, x1, y1 = region
    sx, sy = (x1 - x0) / w, (y1 - y0) / h
    for line in result.lines:
        for word in line.words:
            bx0, by0, bx1, by1 = word.bbox
            word.bbox = (x0 / w + bx0 * sx, y0 / h + by0 * sy, x0 / w + bx1 * sx, y0 / h + by1 * sy)
    return result


# A word of the sparse pass is taken only when read this surely: the pass also reads
# debris in a card's guilloches and photo, which the page's reading had rightly left.
SPARSE_WORD_CONFIDENCE = 0.6
# A word of the page's reading this unsure is debris (tesseract's reading of a photo's
# edge or a hologram), and gives way to sure words of the sparse pass over it.
DEBRIS_CONFIDENCE = 0.3


def _french_card(extra: dict[str, str]) -> bool:
    """Whether the page's MRZ is a French card's (TD1, issued by FRA): a residence permit, whose
    category only its printed zone gives. Every other field of an identity document its MRZ gives,
    so no other page pays for the sparse pass."""
    lines = extra.get("mrz", "").splitlines()
    return len(lines) == 3 and lines[0][2:5] == "FRA"


def _category_read(result: OcrResult) -> bool:
    """Whether a line of the reading ends on a whole permit category: the card's category was read."""
    return any(ends_on_a_category(line.text) for line in result.lines)


def _with_sparse_words(gray: np.ndarray, best: OcrResult, job: PageJob, tmp: str) -> OcrResult:
    """A French card's reading with the words a sparse-text pass (tesseract's mode 11)
    finds where the page's reading has none. Page layout analysis takes a card's short
    label-and-value lines beside its photo or a stamp for part of a picture and drops them
    (the category under "Type / Remarques" on a photographed residence card); read as
    scattered text they stand. A word is added only where the page's reading has none, or
    only debris it read unsure of, which the sure words then cover across (never a word cut
    short: "BEN" over an unsure "BEN-SALAH" leaves it). The page's confidence stays its own."""
    # the card's region only: on a sheet with a card scanned on it, a fraction of the page
    h, w = gray.shape[:2]
    region = _inked_region(gray) or (0, 0, w, h)
    x0, y0, x1, y1 = region
    try:
        sparse = _on_page(_ocr(cleanup.remove_rules(gray[y0:y1, x0:x1]), tmp, job, psm=11), region, w, h)
    except ReadTimeout:
        return best
    words = [word for line in best.lines for word in line.words]
    sure = [word for line in sparse.lines for word in line.words
            if word.confidence >= SPARSE_WORD_CONFIDENCE and sum(c.isalnum() for c in word.text) >= 2]
    debris = {id(word) for word in words if word.confidence < DEBRIS_CONFIDENCE and _covered(word, sure)}
    kept = [word for word in words if id(word) not in debris]
    added = [word for word in sure if not any(_boxes_meet(word.bbox, other.bbox) for other in kept)]
    if not added:
        return best
    return OcrResult(lines=rows_from_words(kept + added), mean_confidence=best.mean_confidence)


def _covered(word: Word, sure: list[Word]) -> bool:
    """Whether the sure words over `word` span most of its width."""
    x0, _, x1, _ = word.bbox
    width = sum(min(x1, w.bbox[2]) - max(x0, w.bbox[0]) for w in sure if _boxes_meet(word.bbox, w.bbox))
    return width >= 0.7 * (x1 - x0)


def _boxes_meet(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _upright_by_its_mrz(gray: np.ndarray, result: OcrResult, readings: PageMrzReadings) -> bool:
    """Whether a page OCR read poorly is nonetheless the right way up because an MRZ on it
    reads, as it stands (at any working size: a card photo's zone may read only on a
    coarser copy), with its check digits holding: a card's small print, not a turned page,
    and no other orientation is worth an OCR pass. Looked at only on pages that may be
    identity documents, as `_read_mrz` does, which then reuses what was read here."""
    if not _may_be_identity_page(result):
        return False
    with timed("mrz"):
        return find_mrz(gray, upright=True, readings=readings).valid


def _mrz_upright(candidates: list[tuple[int, np.ndarray, OcrResult]], readings: PageMrzReadings
                ) -> tuple[int, np.ndarray, OcrResult] | None:
    """Among orientations of a page OCR read poorly, the one where an MRZ reads with its
    check digits holding. A card's small print can fool orientation detection and give
    an upside-down reading more 'words' than the upright one; an MRZ cannot be fooled."""
    # Only a page one way of which reads as little as a card does (the other way may read
    # noise as many words) is worth the MRZ reader's look.
    if len(candidates) < 2 or all(c[2].word_count > FEW_WORDS for c in candidates):
        return None
    for candidate in candidates:
        if valid_reading(readings.lines(candidate[1])):
            return candidate
    return None


def _check_dimensions(gray: np.ndarray, job: PageJob) -> None:
    h, w = gray.shape[:2]
    if max(h, w) > TESSERACT_MAX_SIDE or max(h, w) > MAX_PAGE_ASPECT * max(1, min(h, w)):
        raise FileLimitExceeded(job.source, f"page {job.index + 1} de {w}×{h} pixels : hors des proportions "
                                            f"lisibles (au plus {TESSERACT_MAX_SIDE} pixels de côté, "
                                            f"{MAX_PAGE_ASPECT} fois plus longue que large)")


def _ocr(gray: np.ndarray, tmp: str, job: PageJob, psm: int = 3) -> OcrResult:
    path = _write(gray, tmp, f"page-{psm}")
    h, w = gray.shape[:2]
    try:
        return ocr_words(path, w, h, timeout=_remaining(job), psm=psm)
    except OcrTimeout as exc:
        raise _timeout(job) from exc


def _timeout(job: PageJob) -> ReadTimeout:
    return ReadTimeout(job.source, f"plus de {job.limits.read_seconds:.0f} s")


def _write(gray: np.ndarray, tmp: str, name: str) -> Path:
    # PGM: no compression to pay for, and leptonica reads it natively.
    path = Path(tmp) / f"{name}.pgm"
    cv2.imwrite(str(path), gray)
    return path


def _remaining(job: PageJob) -> float:
    left = job.deadline - time.time()
    if left <= 0:
        raise _timeout(job)
    return left


def _good_enough(result: OcrResult) -> bool:
    return result.word_count >= GOOD_ENOUGH_WORDS and result.mean_confidence >= GOOD_ENOUGH_CONFIDENCE


def _turns_to_try(upright: np.ndarray, tmp: str, job: PageJob, sideways: bool) -> list[int]:
    """Quarter turns worth an OCR pass: for a sideways page, the one its letters tell
    (`text_direction`); else tesseract's orientation detection when it is
    sure (none when it is sure the page stands upright: a photo reads poorly for its light,
    and an upside-down pass would only read noise); otherwise both quarter turns for a
    sideways page, or a half turn for a page that read poorly (upside down)."""
    if sideways and (turn := text_direction.quarter_turn_to_upright(upright)) is not None:
        return [turn]
    turn, conf = detect_rotation(_write(upright, tmp, "osd"), timeout=_remaining(job))
    if conf >= OSD_SURE and (turn or not sideways):
        return [turn] if turn else []
    return [90, 270] if sideways else [180]


# Tesseract's orientation confidence from which its answer is taken as it stands.
OSD_SURE = 1.0


def _turn_of_sideways_page(gray: np.ndarray, tmp: str, job: PageJob, overview: np.ndarray | None = None) -> int:
    """The quarter turn of a page whose text lines plainly run down it (a sheet scanned
    sideways), told before any OCR pass (reading it sideways first would cost a whole
    pass for nothing) by its letters' shapes, else by tesseract's orientation detection.
    0 for any other page, and when both are unsure (the pass after OCR still catches those)."""
    if not cleanup.lines_run_down(gray if overview is None else overview):
        return 0
    with timed("orientation"):
        # Its letters tell which way on running text, in a hundredth of tesseract's orientation pass.
        by_letters = text_direction.quarter_turn_to_upright(gray)
        if by_letters is not None:
            return by_letters
        turn, conf = detect_rotation(_write(gray, tmp, "osd"), timeout=_remaining(job))
    return turn if turn in (90, 270) and conf >= OSD_SURE else 0


def _sideways(result: OcrResult, aspect: float) -> bool:
    """Tesseract reads a page turned by 90° surprisingly well, word by word, but its
    words then stand taller than wide: the page must be turned before rows mean anything."""
    long_words = [w for line in result.lines for w in line.words if len(w.text) >= 4]
    if not long_words:
        return False
    # Boxes are page-relative: compare in pixels (aspect = width / height).
    tall = sum(1 for w in long_words if (w.bbox[3] - w.bbox[1]) > (w.bbox[2] - w.bbox[0]) * aspect)
    return tall > len(long_words) / 2


_IDENTITY_HINT = re.compile(r"passe?port|surname|given names?|titre de s.jour|residence permit|identit[ée]|identity|<"
                            # other States' words on a data page: 'pass', 'pasaporte', 'nationality'...
                            r"|\bpass\b|reisepass|pas[asz]+port|nationalit|date of (?:birth|expiry)"
                            # an MRZ line as page OCR reads it: one long token of capitals and digits
                            r"|(?-i:\b[A-Z0-9<«£]{25,})", re.IGNORECASE)
# A card photographed on a table may give OCR only a few words: worth a look for an MRZ.
FEW_WORDS = 40
_PROSE = re.compile(r"[a-zàâçéèêëîïôûùüÿœ]")


def _ordinary_text(line: Line) -> bool:
    """A line OCR read surely, without a filler: mostly lower-case letters, which no MRZ
    has, or at least two words in capitals none as long as an MRZ run. (OCR reads an MRZ
    as such runs, or as unsure debris with fillers in it, or not at all.)"""
    text = line.text.replace(" ", "")
    if not text or "<" in text or line.confidence < 0.6:
        return False
    if len(_PROSE.findall(text)) >= 0.5 * len(text):
        return True
    words = line.words
    return len(words) >= 2 and all(w.confidence >= 0.85 and len(w.text) < 20 for w in words)


def _without_prose(gray: np.ndarray, result: OcrResult) -> np.ndarray:
    """A copy of the page with the lines OCR read as ordinary text painted over in the
    page's background."""
    h, w = gray.shape[:2]
    blank = gray.copy()
    background = int(np.median(gray[:: max(1, h // 50), :: max(1, w // 50)]))
    for line in result.lines:
        if not _ordinary_text(line):
            continue
        x0, y0, x1, y1 = line.bbox
        pad = 0.25 * (y1 - y0)
        blank[max(0, int((y0 - pad) * h)):int((y1 + pad) * h) + 1, max(0, int(x0 * w)):int(x1 * w) + 1] = background
    return blank


def _may_be_identity_page(result: OcrResult) -> bool:
    """Identity words, filler characters, or the little text of a card photo: worth the
    MRZ reader's look (on a page of running text it would cost time for nothing)."""
    text = "\n".join(line.text for line in result.lines)
    return result.word_count <= FEW_WORDS or bool(_IDENTITY_HINT.search(text))


def _read_mrz(oriented: np.ndarray, result: OcrResult, readings: PageMrzReadings) -> tuple[dict[str, str], int]:
    """Identity documents carry a machine-readable zone. The dedicated reader runs only
    on pages that look like one (identity words, filler characters, or the little text
    of a card photo): on a page of running text it would cost a tenth of a second for nothing.
    Where it finds no zone whose check digits hold, it looks again at every quarter turn and
    on an enlarged copy of a small image (extractors/mrz_locate.py), on `oriented`: the page
    before its background was flattened, which blurs OCR-B strokes together (the glyph reader
    works on grey). Returns the zone and the clockwise turn that made `oriented` upright."""
    if not _may_be_identity_page(result):
        return {}, 0
    copies: tuple[np.ndarray, ...] = (oriented,)
    upright = _good_enough(result)
    if upright:
        # OCR read the page well: it is the right way up, and its lines of running text are
        # no MRZ. Blanked out, they cannot pass for one (a contract's paragraphs stack like
        # MRZ lines and would each cost a glyph reading).
        copies = tuple(_without_prose(copy, result) for copy in copies)
    found = find_mrz(*copies, upright=upright, readings=readings)
    return ({"mrz": "\n".join(found.lines)} if found.lines else {}), found.turn
