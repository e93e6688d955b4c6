"""The dates letters, statements and certificates carry, found by their wording.

- `labelled_date`: the first date after one of several labels ("Délivrée le",
  "Date de délivrance"), tried in order, skipping a date that another label claims
  ("situation arrêtée au 30/06/2025" is not the delivery date).
- `signature_date`: the date a piece was made, as a letter or a statement writes it:
  "Fait à Lyon, le 2 février 2026", "Fait le …", "Nice, le 7 janvier 2026", "Date : …",
  "Le 3 mars 2026" alone on its line.

All work on a TextIndex (extractors/textfields.py) and return Spans with ISO values.
"""
from __future__ import annotations

import re

from extractors.frenchtext import find_dates
from extractors.textfields import Span, TextIndex

# A date closer than this after a label belongs to it.
LABEL_WINDOW = 45
# Wording before a date that makes it another date than the one asked for.
OTHER_DATE_BEFORE = (
    r"arretee?\s+(?:au|le)|a\s+la\s+date\s+du|situation\s+au|periode|jusqu['’]au|valable|validite"
    r"|cree?e?\s+le|creation|imprime|edition\s+du|actualisee?\s+le|mise\s+a\s+jour|naissance|ne\s+le|nee\s+le"
)


def _date_at(index: TextIndex, pos: int, window: int) -> Span | None:
    # Running text wraps anywhere, even inside a date ("du 15\nmai 2026").
    chunk = index.text[pos: pos + window].replace("\n", " ")
    found = find_dates(chunk)
    if not found:
        return _date_wrapped_in_column(index, pos, window)
    date, s, e = found[0]
    between = index.folded[pos: pos + s]
    if re.search(OTHER_DATE_BEFORE, between):
        return None
    return Span(date.isoformat(), pos + s, pos + e)


def _date_wrapped_in_column(index: TextIndex, pos: int, window: int) -> Span | None:
    """A date wrapped within the first of two columns side by side ("… dated 8" / "November 2024"): the rest of its
    cell, then the next line's first cell (the other column's words come between them in reading order)."""
    cell_end = index.text.find("\t", pos)
    _, line_end = index.line_bounds(pos)
    if cell_end < 0 or cell_end > line_end or line_end >= len(index.text) or index.text[pos:line_end].count("\t") != 1:
        return None  # not the first of two cells
    next_start = line_end + 1
    next_end = index.text.find("\t", next_start, index.line_bounds(next_start)[1])
    if next_end < 0:
        return None
    head, tail = index.text[pos:cell_end], index.text[next_start:next_end]
    found = find_dates(f"{head} {tail}"[:window])
    if not found or found[0][1] >= len(head) or found[0][2] <= len(head) + 1:
        return None  # no date, or one that does not run across the break
    date, s, e = found[0]
    if re.search(OTHER_DATE_BEFORE, index.folded[pos: pos + s]):
        return None
    return Span(date.isoformat(), pos + s, next_start + e - len(head) - 1)


def labelled_date(index: TextIndex, labels: tuple[str, ...], window: int = LABEL_WINDOW,
                  certainty: float = 1.0, near: int | None = None) -> Span | None:
    """The first date following one of `labels` (folded regexes, best first); with `near`, only a date
    starting at most that many characters after its label ("Recife, 15 de setembro": the place's comma
    labels a date right after it, not one lines further)."""
    for label in labels:
        for m in index.search(label):
            span = _date_at(index, m.end(), window)
            if span and (near is None or span.start - m.end() <= near):
                span.certainty = certainty
                return span
    return None


# "Fait à Lyon, le", "Fait en deux exemplaires à Lyon le", "Fait le"
_MADE_AT = r"\bfait\s+(?:en\s+\w+\s+exemplaires?\s+)?(?:a\s+[^\n,]{1,40}?,?\s+)?le\b|\bfait\s+a\s+[^\n,]{1,40},"
# "Nice, le 7 janvier 2026" / "A Lyon, le" opening a line; not a birth ("Née le …").
_PLACE_COMMA_LE = r"(?:^|\n)[^\S\n]*(?:a\s+)?(?!nee?\s+le\b)[a-z][a-z'’ \-]{1,40},?\s+le\b"
_DATE_LABEL = r"(?:^|\n)[^\S\n]*(?:date(?:\s+de\s+(?:signature|l['’]attestation|la\s+declaration))?\s*:|le\s+(?=\d|1er))"


def signature_date(index: TextIndex) -> Span | None:
    """The date the piece was made and signed; the last such statement wins (a signature
    closes the piece, dates quoted above it are about other things)."""
    for pattern, certainty in ((_MADE_AT, 1.0), (_DATE_LABEL, 0.95), (_PLACE_COMMA_LE, 0.9)):
        spans = [s for m in index.search(pattern) if (s := _date_at(index, m.end(), 30))]
        if spans:
            span = spans[-1]
            span.certainty = certainty
            return span
    return None


__all__ = ["labelled_date", "signature_date", "OTHER_DATE_BEFORE"]
