"""Rebuilding reading rows from word boxes.

Text-layer pages and OCR pages get the same structure: a line is every word that
sits on the same row of the page, left to right, whatever column it belongs to.
So a label and its value printed side by side ("Dénomination   FINORA") are on one
line for every extractor, whether the page was born digital or scanned, and
tesseract's column blocks (which separate a table's labels from its values) do not
leak into extraction.

Rows are traced left to right: each word joins the row whose last word it
continues (vertically aligned with it), so a row that drifts on a slightly tilted
scan is still followed to its end.
"""
from __future__ import annotations

from models import Line, Word

# A word continues a row when its middle is within this share of the word height
# from the middle of the row's last word.
ALIGNMENT = 0.55


def rows_from_words(words: list[Word]) -> list[Line]:
    rows: list[list[Word]] = []
    heights: list[float] = []  # a row's typical word height: its first real word's
    for word in sorted(words, key=lambda w: (w.bbox[0], w.bbox[1])):
        best, best_offset = None, None
        for i, row in enumerate(rows):
            last = row[-1]
            if last.bbox[2] > word.bbox[0] + 0.5 * _height(word):  # overlaps horizontally: another row
                continue
            offset = abs(_middle(last) - _middle(word))
            if offset <= ALIGNMENT * max(heights[i], _height(word)) and _fits(heights[i], word):
                if best_offset is None or offset < best_offset:
                    best, best_offset = i, offset
        if best is None:
            rows.append([word])
            heights.append(_height(word))
        else:
            rows[best].append(word)
            if not _is_letters(rows[best][0]) and _is_letters(word):
                heights[best] = _height(word)
    order = sorted(range(len(rows)), key=lambda i: min(w.bbox[1] for w in rows[i]))
    return [Line(words=rows[i]) for i in order]


def _middle(word: Word) -> float:
    return (word.bbox[1] + word.bbox[3]) / 2


def _height(word: Word) -> float:
    return max(word.bbox[3] - word.bbox[1], 1e-6)


def _is_letters(word: Word) -> bool:
    return sum(c.isalnum() for c in word.text) >= 2


def _fits(row_height: float, word: Word) -> bool:
    """Words of one row are about as tall; punctuation (':', '-') is small anywhere."""
    if not _is_letters(word):
        return True
    return max(row_height, _height(word)) < 2.5 * min(row_height, _height(word))
