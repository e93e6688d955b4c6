"""The text layer of born-digital PDF pages, with word boxes (pdfplumber)."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from extractors.rows import rows_from_words
from models import CorruptFile, FileLimitExceeded, Page, Word

# Below this many characters a page is treated as a scan: stamps and page numbers
# alone do not make a text layer.
MIN_TEXT_LAYER_CHARS = 40
# pdfplumber keeps every character as a Python object (about 5 KB each): a page of a
# million tiny characters would need gigabytes. A dense A4 page of 6-point print holds
# about 20,000; past this many, the page is over the memory limit of a reader and is
# refused at once (pdfium counts them in well under a second), before the worker's
# address-space cap (pipeline/page_pool.py) would stop pdfplumber the slow way.
MAX_TEXT_LAYER_CHARS = 50_000


def read_text_layer(path: Path, source: str, index: int) -> Page | None:
    """The page's text layer as a Page, or None when it has (almost) none."""
    if _char_count(path, source, index) < MIN_TEXT_LAYER_CHARS:
        # pdfium counts at least the characters pdfplumber would make words of (it counts
        # spaces and line ends too): a scan is told in a millisecond, without parsing its page.
        return None
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[index]
        width, height = float(page.width), float(page.height)
        words = page.extract_words(keep_blank_chars=False, x_tolerance=1.5, y_tolerance=3)
    if sum(len(w["text"]) for w in words) < MIN_TEXT_LAYER_CHARS:
        return None
    return Page(
        source=source,
        number=index + 1,
        width=width,
        height=height,
        text_source="text_layer",
        lines=rows_from_words(_words(words, width, height)),
        mean_confidence=1.0,
    )


def _char_count(path: Path, source: str, index: int) -> int:
    """The page's character count by pdfium; a page past the reading limit is refused."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise CorruptFile(source, str(exc)) from exc
    try:
        page = pdf[index]
        textpage = page.get_textpage()
        count = textpage.count_chars()
        textpage.close()
        page.close()
    except pdfium.PdfiumError as exc:
        raise CorruptFile(source, str(exc)) from exc
    finally:
        pdf.close()
    if count > MAX_TEXT_LAYER_CHARS:
        raise FileLimitExceeded(source, f"page {index + 1} : {count} caractères de texte, au-delà de "
                                        f"{MAX_TEXT_LAYER_CHARS} (limite de mémoire de lecture)")
    return count


def _words(words: list[dict], width: float, height: float) -> list[Word]:
    return [
        Word(
            text=w["text"],
            bbox=(
                max(0.0, w["x0"] / width), max(0.0, w["top"] / height),
                min(1.0, w["x1"] / width), min(1.0, w["bottom"] / height),
            ),
            confidence=1.0,
        )
        for w in words
    ]
