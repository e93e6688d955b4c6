"""A label's value found where forms put it, by the words' positions: after the label in
its cell, in the next cell on its row, or in the cell just below or just above it (forms
print labels above their values, or under them). Between a value above and one below,
the nearer one belongs to the label: a form groups a label with its value and leaves
more space between rows.

Cells are the words of one OCR or text-layer line cut at wide gaps (the index's tabs), so that two columns
printed side by side are two cells. Works on a TextIndex (extractors/textfields.py) and
returns Spans pointing at the value's words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from extractors.form_labels import is_label, opens_with_label
from extractors.textfields import GOES_ON, RUNS_ON, Span, TextIndex
from extractors.textnorm import fold
from models.document import Word

# A cell further than this many line heights above or below is another block.
VERTICAL_REACH = 2.6

# A neighbour at less than this share of the label's distance clearly pairs with the cell.
CLEARLY_NEARER = 0.8
# A label with this many words before it in its cell stands in a sentence.
SENTENCE_WORDS = 3

# accept(text) -> (value, start, end[, certainty]) within text, or None.
Acceptor = Callable[[str], "tuple[object, int, int] | None"]


@dataclass
class Cell:
    page: int
    words: list[tuple[int, int, Word]]  # start and end offsets in the index text, word

    @property
    def start(self) -> int:
        return self.words[0][0]

    @property
    def end(self) -> int:
        return self.words[-1][1]

    @property
    def box(self) -> tuple[float, float, float, float]:
        boxes = [w.bbox for _, _, w in self.words]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))

    @property
    def height(self) -> float:
        heights = sorted(w.bbox[3] - w.bbox[1] for _, _, w in self.words)
        return heights[len(heights) // 2]


def cells(index: TextIndex) -> list[Cell]:
    """The index's lines cut at wide gaps, in reading order."""
    found: list[Cell] = []
    current: list[tuple[int, int, Word]] = []
    current_page = 0
    for start, end, page, word in index.words:
        if current:
            previous = current[-1]
            # the index writes a wide gap between two cells as a tab (extractors/columns.py)
            gap = index.text[previous[1]:start]
            if page != current_page or "\n" in gap or "\t" in gap:
                found.append(Cell(current_page, current))
                current = []
        current.append((start, end, word))
        current_page = page
    if current:
        found.append(Cell(current_page, current))
    return found


def overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return min(a[1], b[1]) - max(a[0], b[0])


def _labelled(index: TextIndex, cell: Cell) -> bool:
    text = index.text[cell.start:cell.end]
    return is_label(text) or opens_with_label(text)


def _candidates(index: TextIndex, all_cells: list[Cell], label_cell: Cell, label_end: int,
                box: tuple) -> list[tuple[int, int, float, Cell]]:
    """(start, end, certainty, cell) of the places the label's value may be, best first."""
    places: list[tuple[int, int, float, Cell]] = []
    if label_end < label_cell.end:
        places.append((label_end, label_cell.end, 1.0, label_cell))
    row = [c for c in all_cells if c.page == label_cell.page and c is not label_cell
           and overlap((c.box[1], c.box[3]), (box[1], box[3])) > 0.4 * (box[3] - box[1]) and c.box[0] >= box[2]]
    places += [(c.start, c.end, 1.0, c) for c in sorted(row, key=lambda c: c.box[0])]
    line_height = box[3] - box[1]
    vertical = []
    for c in all_cells:
        if c.page != label_cell.page or c is label_cell or not _same_column(c.box, box, line_height):
            continue
        below, above = c.box[1] - box[3], box[1] - c.box[3]
        is_below = below >= -0.2 * line_height
        gap = below if is_below else above
        if not -0.2 * line_height <= gap <= VERTICAL_REACH * max(line_height, c.height):
            continue
        # The cell pairs with whichever label is nearer: one on its far side takes it. Lines of its own block
        # there (an address under a name) are no label.
        far = [(o.box[1] - c.box[3]) if is_below else (c.box[1] - o.box[3]) for o in all_cells
               if o is not c and o is not label_cell and o.page == c.page and _same_column(o.box, c.box, line_height)
               and _labelled(index, o)]
        if any(0 <= f < CLEARLY_NEARER * gap for f in far):
            continue
        vertical.append((gap + (0 if is_below else 1e-4), c))
    places += [(c.start, c.end, 0.95, c) for _, c in sorted(vertical, key=lambda v: v[0])]
    return places


# A form's item number before its label ("1.1 Nom", "2) Prénom", "b. Adresse").
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}(?:[.)]\d{1,2})*[.)]?|[a-hA-H][.)])\s+")


def _without_numbering(text: str) -> str:
    return _NUMBERING.sub("", text)


# A bilingual form's label with its translation after a slash ("SALARIÉ / EMPLOYEE", "Période / Period :"):
# the translation belongs to the label, its value comes after both.
# Never a second French label ("NOM / PRENOM", "Date / signature").
_SLASHED_GLOSS = re.compile(r"[ \t]*/[ \t]*(?!(?i:pr[eé]noms?|noms?|dates?|signatures?|adresses?|qualit[eé]s?)\b)"
                            r"[A-Za-z][A-Za-z'()-]*(?: [A-Za-z][A-Za-z'()-]*){0,3}(?=[ \t]*(?::|$|\t))", re.MULTILINE)

# Labels that are also the first word of companies' names.
_NAME_KIND_WORDS = r"(?:exploitation|etablissements?|societe|entreprise|cabinet|groupe)"


def _with_gloss(index: TextIndex, page: int, box: tuple) -> tuple:
    """A label's box with its translation printed just under it (left out of the text): the value
    under them is measured from the translation's foot."""
    height = box[3] - box[1]
    for gloss_page, gloss in index.glosses:
        if gloss_page == page and 0 <= gloss[1] - box[3] <= height and overlap((gloss[0], gloss[2]), (box[0], box[2])) > 0:
            return (box[0], box[1], box[2], max(box[3], gloss[3]))
    return box


def _word_of_a_name(label: str, rest: str) -> bool:
    """A label's word in capitals run on by more capitals, no colon between: the first word of
    a name ("EXPLOITATION AGRICOLE BELLEVUE", "SOCIÉTÉ NOUVELLE DES CÈDRES"), not a row header."""
    return (label.isupper() and re.fullmatch(_NAME_KIND_WORDS, fold(label)) is not None
            and re.match(r"\s[A-ZÀ-Þ]{2,}\b", rest) is not None)


def _same_column(a: tuple, b: tuple, line_height: float) -> bool:
    """Boxes that overlap horizontally, or start at the same place."""
    return overlap((a[0], a[2]), (b[0], b[2])) > 0 or abs(a[0] - b[0]) <= line_height


def value_by_label(index: TextIndex, label: str, accept: Acceptor, start: int = 0,
                   opens_cell: bool = False) -> Span | None:
    """The first accepted value near a match of `label` (a folded regex), labels in reading order
    from `start`. With `opens_cell`, only a label opening its cell counts (a table's row header,
    "Nom", never the word inside a sentence)."""
    all_cells = cells(index)
    for m in index.search(label, start):
        label_cell = next((c for c in all_cells if c.start <= m.start() < c.end + 1), None)
        if label_cell is None:
            continue
        gloss = _SLASHED_GLOSS.match(index.text, m.end(), label_cell.end)
        label_end = gloss.end() if gloss else m.end()
        label_words = index.words_in(m.start(), label_end)
        if not label_words:
            continue
        # a row header stands alone in its cell, or before a colon or a capitalised value,
        # never before the rest of a sentence ("notre société, pour une durée…")
        if opens_cell and (re.search(r"\w", _without_numbering(index.text[label_cell.start:m.start()]))
                           or not re.match(r"\s*(?::|$|\s[A-ZÀ-Þ0-9])", index.text[label_end:label_cell.end])
                           or _word_of_a_name(index.text[m.start():m.end()], index.text[m.end():label_cell.end])):
            continue
        boxes = [w.bbox for _, w in label_words]
        box = _with_gloss(index, label_cell.page,
                          (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)))
        places = _candidates(index, all_cells, label_cell, label_end, box)
        # A label inside a sentence ("Nous certifions que l'entreprise désignée …") is no
        # form label: only the words right after it may be its value, never another line's.
        if len(re.findall(r"\w+", index.text[label_cell.start:m.start()])) >= SENTENCE_WORDS:
            places = places[:1] if label_end < label_cell.end else []
        row_of_labels = False
        next_label_x: float | None = None  # where the grid's next label, and so the next column, starts
        label_text, first_beside = index.text[label_cell.start:label_cell.end].rstrip(), True
        for start, end, certainty, cell in places:
            text = index.text[start:end]
            elsewhere = not label_cell.start <= start < label_cell.end
            beside = elsewhere and certainty == 1.0  # a cell further on the label's row
            if beside and row_of_labels:
                continue  # past another label on the row: its value, or a further label's
            # "Raison sociale :   LA POSTE": the cell after a label's colon is its value, whatever its words look like
            after_colon = beside and first_beside and label_text.endswith(":") and not text.rstrip().endswith(":")
            first_beside = first_beside and not beside
            if not after_colon and (is_label(text) or (elsewhere and opens_with_label(text))):
                if certainty < 1.0:
                    break  # the nearest cell above or below is another label's: none further is ours
                # A grid's next label: the row is a row of labels, whose values stand under them.
                row_of_labels = row_of_labels or beside
                if beside:
                    next_label_x = cell.box[0] if next_label_x is None else min(next_label_x, cell.box[0])
                continue
            column_end = next_label_x if certainty < 1.0 else None  # a value under a grid's label: its column's
            if column_end is not None:
                # a value filling its column runs into the next one's with no wide gap
                kept = [w for w in cell.words if w[2].bbox[0] < column_end]
                if not kept:
                    continue
                end = kept[-1][1]
                text = index.text[start:end]
            lead = len(text) - len(re.sub(r"^[\s:;|.\-–—=>»()\[\]]+", "", text))
            found = accept(text[lead:])
            if found is not None and found[0] is not None:
                value, s, e, *doubt = found  # an acceptor may add how sure its reading is
                span = Span(value, start + lead + s, start + lead + e, certainty * (doubt[0] if doubt else 1.0))
                if column_end is not None and span.end == end and isinstance(value, str):
                    return _wrapped_in_column(index, all_cells, cell, column_end, span)
                return span
    return None


# A cell's next line at most this many line heights below it: the same cell's text wrapped.
WRAP_LEADING = 0.5


def _wrapped_in_column(index: TextIndex, all_cells: list[Cell], cell: Cell, right: float, span: Span) -> Span:
    """A grid's value wrapped within its column ("École Supérieure d'Ingénieurs" / "de l'Ouest", "EXPLOITATION
    AGRICOLE DU" / "VERCORS"): its next line's words left of the next column, when the break cuts a phrase."""
    height = cell.height
    below = [c for c in all_cells if c.page == cell.page and c.start > cell.end
             and 0 <= c.box[1] - cell.box[3] <= 0.8 * height and abs(c.box[0] - cell.box[0]) <= height]
    if not below:
        return span
    words = [w for w in below[0].words if w[2].bbox[0] < right]
    if not words:
        return span
    following = index.text[words[0][0]:words[-1][1]]
    # set solid under it (a cell's own leading, tighter than a table's rows), or the break cutting a phrase
    solid = below[0].box[1] - cell.box[3] <= WRAP_LEADING * height and not opens_with_label(following)
    # the line break cutting a phrase, as run_on_end tells it of a value running to its line's end
    if not (solid or re.search(RUNS_ON, fold(str(span.value))) or re.match(GOES_ON, fold(following))):
        return span
    return Span(f"{span.value} {following}", span.start, words[-1][1], span.certainty)


__all__ = ["Cell", "cells", "overlap", "value_by_label"]
