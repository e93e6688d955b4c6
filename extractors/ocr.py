"""The one wrapper around tesseract. Every call has a timeout, reads an image from a
file path (pytesseract would otherwise re-encode a PIL image to a temp file) and
runs single-threaded: one tesseract process per core is several times faster here
than tesseract's own threading."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytesseract
from pytesseract import Output

from extractors.rows import rows_from_words
from models import BadInputError, DependencyUnavailable, Line, Word

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

OCR_LANG = os.environ.get("DOSSIERS_OCR_LANG", "fra")


class OcrTimeout(BadInputError):
    """tesseract did not finish within its time budget (the reader makes it a ReadTimeout)."""


@dataclass
class OcrResult:
    lines: list[Line]
    mean_confidence: float  # mean word confidence in [0, 1]; 0 when no word

    @property
    def word_count(self) -> int:
        return sum(len(line.words) for line in self.lines)

    @property
    def quality(self) -> float:
        """How much legible text was found: used to pick the best of several attempts."""
        return self.word_count * self.mean_confidence ** 2


def _run(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except pytesseract.TesseractNotFoundError as exc:
        raise DependencyUnavailable(
            "tesseract est introuvable : installez-le (apt-get install tesseract-ocr "
            "tesseract-ocr-fra tesseract-ocr-osd) ou lancez `make setup`."
        ) from exc
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            raise OcrTimeout(str(exc)) from exc
        raise


def ocr_words(
    image_path: Path,
    width: int,
    height: int,
    *,
    timeout: float,
    psm: int = 3,
    lang: str = OCR_LANG,
    extra_config: str = "",
) -> OcrResult:
    """OCR one image file into lines of words with page-relative boxes."""
    data = _word_table(image_path, timeout=timeout, lang=lang, config=f"--psm {psm} {extra_config}".strip())
    return _result(data, range(len(data["text"])), width, height)


def ocr_words_together(images: list[tuple[Path, int, int]], *, timeout: float, psm: int = 3,
                       lang: str = OCR_LANG) -> list[OcrResult]:
    """OCR several image files (path, width, height) in one tesseract run: given a file
    listing images, tesseract reads them in turn after loading its model once (a tenth of a
    second a run, as much as a tenth of a page's whole reading). Each image reads exactly as
    it does alone; their words are told apart by the page number tesseract gives them."""
    if len(images) == 1:
        path, width, height = images[0]
        return [ocr_words(path, width, height, timeout=timeout, psm=psm, lang=lang)]
    listing = images[0][0].parent / "pages.txt"
    listing.write_text("".join(f"{path}\n" for path, _, _ in images))
    data = _word_table(listing, timeout=timeout, lang=lang, config=f"--psm {psm}")
    rows: dict[int, list[int]] = {}
    for i, page_num in enumerate(data["page_num"]):
        rows.setdefault(int(page_num), []).append(i)
    return [_result(data, rows.get(n + 1, []), width, height) for n, (_, width, height) in enumerate(images)]


def _word_table(path: Path, *, timeout: float, lang: str, config: str) -> dict:
    """tesseract's word table for an image file, or for a file listing images."""
    return _run(pytesseract.image_to_data, str(path), lang=lang, config=config,
                timeout=max(1, int(timeout)), output_type=Output.DICT)


def _result(data: dict, rows, width: int, height: int) -> OcrResult:
    """Lines of words from the rows of tesseract's word table that belong to one image."""
    words: list[Word] = []
    for i in rows:
        text = (data["text"][i] or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        x, y, w, h = (data[k][i] for k in ("left", "top", "width", "height"))
        box = (
            _clamp(x / width), _clamp(y / height),
            _clamp((x + w) / width), _clamp((y + h) / height),
        )
        words.append(Word(text=text, bbox=box, confidence=_clamp(conf / 100)))
    lines = rows_from_words(words)
    confs = [w.confidence for line in lines for w in line.words]
    return OcrResult(lines=lines, mean_confidence=sum(confs) / len(confs) if confs else 0.0)


def detect_rotation(image_path: Path, *, timeout: float) -> tuple[int, float]:
    """Degrees clockwise to rotate the image to make it upright, and OSD's confidence.
    (0, 0.0) when tesseract finds too little text to tell."""
    try:
        osd = _run(
            pytesseract.image_to_osd,
            str(image_path),
            config="--psm 0 -c min_characters_to_try=20",
            timeout=max(1, int(timeout)),
            output_type=Output.DICT,
        )
    except pytesseract.TesseractError:
        return 0, 0.0
    return int(osd.get("rotate", 0)) % 360, float(osd.get("orientation_conf", 0.0))


def _clamp(v: float) -> float:
    return min(1.0, max(0.0, v))
