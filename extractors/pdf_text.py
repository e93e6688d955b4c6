"""The text layer of born-digital PDF pages, with word boxes (pdfplumber)."""
from __future__ import annotations

from pathlib import Path

import pdfplumber

from extractors.rows import rows_from_words
from models import Page, Word

# Below this many characters a page is treated as a scan: stamps and page numbers
# alone do not make a text layer.
MIN_TEXT_LAYER_CHARS = 40


def read_text_layer(path: Path, source: str, index: int) -> Page | None:
    """The page's text layer as a Page, or None when it has (almost) none."""
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
