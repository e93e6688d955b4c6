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
    for word in sorted(words, key=lambda w: (w.bbox[0], w.bbox[1])):
        best, best_offset = None, None
        for row in rows:
            last = row[-1]
            if last.bbox[2] > word.bbox[0] + 0.5 * _height(word):  # overlaps horizontally: another row
                continue
            offset = abs(_middle(last) - _middle(word))
            if offset <= ALIGNMENT * max(_height(last), _height(word)) and _similar_height(last, word):
                if best_offset is None or offset < best_offset:
                    best, best_offset = row, offset
        if best is None:
            rows.append([word])
        else:
            best.append(word)
    rows.sort(key=lambda row: min(w.bbox[1] for w in row))
    return [Line(words=row) for row in rows]


def _middle(word: Word) -> float:
    return (word.bbox[1] + word.bbox[3]) / 2


def _height(word: Word) -> float:
    return max(word.bbox[3] - word.bbox[1], 1e-6)


def _similar_height(a: Word, b: Word) -> bool:
    return max(_height(a), _height(b)) < 2.5 * min(_height(a), _height(b))
