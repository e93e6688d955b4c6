"""Rebuilding reading rows from word boxes.

Text-layer pages and OCR pages get the same structure: a line is every word that
sits on the same row of the page, left to right, whatever column it belongs to.
So a label and its value printed side by side ("Dénomination   FINORA") are on one
line for every extractor, whether the page was born digital or scanned, and
tesseract's column blocks (which separate a table's labels from its values) do not
leak into extraction.
"""
from __future__ import annotations

from models import Line, Word


def rows_from_words(words: list[Word]) -> list[Line]:
    rows: list[list[Word]] = []
    bands: list[tuple[float, float]] = []  # (top, bottom) of each row
    for word in sorted(words, key=lambda w: (w.bbox[1] + w.bbox[3]) / 2):
        top, bottom = word.bbox[1], word.bbox[3]
        center = (top + bottom) / 2
        for i in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            row_top, row_bottom = bands[i]
            # Same row: the word's middle falls inside the row's band and the heights agree.
            height = row_bottom - row_top
            if row_top <= center <= row_bottom and (bottom - top) < 2.2 * height and height < 2.2 * (bottom - top):
                rows[i].append(word)
                bands[i] = (min(row_top, top), max(row_bottom, bottom)) if len(rows[i]) < 3 else bands[i]
                break
        else:
            rows.append([word])
            bands.append((top, bottom))
    ordered = sorted(zip(bands, rows), key=lambda item: item[0][0])
    return [Line(words=sorted(row, key=lambda w: w.bbox[0])) for _, row in ordered]
