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
# Words of one row are about as tall: a real word (two letters or digits) joins a row only
# when neither height is this many times the other; punctuation (':', '-') is small anywhere.
FIT_RATIO = 2.5


def rows_from_words(words: list[Word]) -> list[Line]:
    rows: list[list[Word]] = []
    heights: list[float] = []  # a row's typical word height: its first real word's
    # Each row's last word, as plain numbers (a page has hundreds of words and dozens of
    # rows: reading the words' boxes again for every pair costs more than the tracing).
    last_right: list[float] = []
    last_middle: list[float] = []
    for word in sorted(words, key=lambda w: (w.bbox[0], w.bbox[1])):
        x0, _, x1, _ = word.bbox
        height, middle, letters = _height(word), _middle(word), _is_letters(word)
        best, best_offset = None, None
        for i in range(len(rows)):
            if last_right[i] > x0 + 0.5 * height:  # overlaps horizontally: another row
                continue
            offset = abs(last_middle[i] - middle)
            row_height = heights[i]
            if offset <= ALIGNMENT * max(row_height, height) and (
                    not letters or max(row_height, height) < FIT_RATIO * min(row_height, height)):
                if best_offset is None or offset < best_offset:
                    best, best_offset = i, offset
        if best is None:
            rows.append([word])
            heights.append(height)
            last_right.append(x1)
            last_middle.append(middle)
        else:
            rows[best].append(word)
            last_right[best], last_middle[best] = x1, middle
            if letters and not _is_letters(rows[best][0]):
                heights[best] = height
    order = sorted(range(len(rows)), key=lambda i: min(w.bbox[1] for w in rows[i]))
    return [Line(words=rows[i]) for i in order]


def _middle(word: Word) -> float:
    return (word.bbox[1] + word.bbox[3]) / 2


def _height(word: Word) -> float:
    return max(word.bbox[3] - word.bbox[1], 1e-6)


def _is_letters(word: Word) -> bool:
    return sum(c.isalnum() for c in word.text) >= 2
