"""Reading order of a page printed in two columns, the way a person reads it: the left
column to its end, then the right one.

The reading layer (extractors/rows.py) makes a line of every word on one row of the page,
so two columns of running text side by side become lines that alternate between them
("…numéro de SIRET 565 020 377 | Article 13 – Rupture" then "00216, dont…"): a clause, a
SIRET or a date wrapped in the left column is cut by the right column's words. This module
finds the blocks of rows split by one gutter and reorders them; a grid of short cells
(labels and values side by side) is a table, read row by row, and is left as it is.
Nothing depends on where a generator put its columns: the gutter is where cells start
after a wide gap on many rows while no word crosses it.
"""
from __future__ import annotations

import re
from collections import Counter

from models.document import Page, Word

_RULE = re.compile(r"[|¦]+")
# A gap wider than this many word heights separates two cells on one line.
CELL_GAP = 2.2
# Cell starts within this share of the page width are one column edge.
EDGE_TOLERANCE = 0.012
# A block is two columns of text when both sides hold at least this many rows ...
MIN_ROWS = 3
# ... and their cells average this many words (a table's cells hold one to three).
MIN_WORDS_PER_CELL = 3.5
# Rows further apart than this many usual row steps are in different blocks.
BLANK_ROWS = 1.8


def _height(word: Word) -> float:
    return max(word.bbox[3] - word.bbox[1], 1e-6)


def cell_breaks(words: list[Word]) -> list[int]:
    """Indexes of the words of one line (left to right) that open a new cell after a wide gap."""
    return [k for k in range(1, len(words))
            if words[k].bbox[0] - words[k - 1].bbox[2] > CELL_GAP * max(_height(words[k]), _height(words[k - 1]))]


def _cells(words: list[Word]) -> list[list[Word]]:
    bounds = [0] + cell_breaks(words) + [len(words)]
    return [words[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def _gutter(rows: list[list[Word]]) -> float | None:
    """The x where most rows open a cell after a wide gap, if any."""
    starts = Counter(round(words[k].bbox[0] / EDGE_TOLERANCE) for words in rows for k in cell_breaks(words))
    if not starts:
        return None
    edge, count = starts.most_common(1)[0]
    return edge * EDGE_TOLERANCE - EDGE_TOLERANCE / 2 if count >= MIN_ROWS else None


def _splits_at(words: list[Word], x: float) -> bool:
    """A row on one side of the gutter, or cut there by a wide gap (a centred title whose
    words merely straddle it is one line of text)."""
    right = [k for k, w in enumerate(words) if w.bbox[0] >= x]
    if any(w.bbox[0] < x < w.bbox[2] for w in words):
        return False
    return not right or right[0] == 0 or right[0] in cell_breaks(words)


def _pitch(rows: list[list[Word]]) -> float:
    """The usual distance from one row's top to the next's."""
    tops = sorted(min(w.bbox[1] for w in r) for r in rows)
    steps = sorted(b - a for a, b in zip(tops, tops[1:]) if b > a)
    return steps[len(steps) // 2] if steps else 0.0


def _is_text(cells: list[list[Word]]) -> bool:
    return len(cells) >= MIN_ROWS and sum(len(c) for c in cells) / len(cells) >= MIN_WORDS_PER_CELL


def reading_rows(page: Page) -> list[list[Word]]:
    """The page's lines as word lists, the rows of a two-column block read column by column."""
    # a table's rules that OCR reads as "|" are no words: without them, the cells they
    # separate stand apart by their gap ("| Nom | MBARGA |" is the cells Nom and MBARGA)
    rows = [sorted((w for w in line.words if not _RULE.fullmatch(w.text)), key=lambda w: w.bbox[0])
            for line in page.lines]
    rows = [r for r in rows if r]
    x = _gutter(rows)
    if x is None:
        return rows
    out: list[list[Word]] = []
    block: list[list[Word]] = []

    def flush() -> None:
        left = [[w for w in r if w.bbox[2] <= x] for r in block]
        right = [[w for w in r if w.bbox[0] >= x] for r in block]
        left_cells = [c for r in left for c in _cells(r)]
        right_cells = [c for r in right for c in _cells(r)]
        if _is_text(left_cells) and _is_text(right_cells):
            out.extend(r for r in left if r)
            out.extend(r for r in right if r)
        else:
            out.extend(block)
        block.clear()

    # a blank wider than a paragraph's ends a block: what follows is the next part of the page
    break_gap = BLANK_ROWS * _pitch(rows)
    previous_top = None
    for words in rows:
        top = min(w.bbox[1] for w in words)
        if previous_top is not None and top - previous_top > break_gap:
            flush()
        previous_top = top
        if _splits_at(words, x):
            block.append(words)
        else:
            flush()
            out.append(words)
    flush()
    return out


__all__ = ["CELL_GAP", "cell_breaks", "reading_rows"]
