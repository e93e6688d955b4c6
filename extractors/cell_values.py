"""Dates and counts read from the cell their label owns (extractors/label_layout.py), before
the text that merely follows the label: in a grid, the words after "Date de fin de contrat"
are the next row's first cell ("23/04/2026" under "Date d'embauche"), while its own value
stands under it ("23/05/2027"). Prose keeps its reading by the words that follow."""
from __future__ import annotations

import re

from extractors.frenchtext import find_dates
from extractors.label_layout import value_by_label
from extractors.textfields import Span, TextIndex, date_after


def _first_date(text: str):
    found = find_dates(text)
    return (found[0][0].isoformat(), found[0][1], found[0][2]) if found else None


def date_near(index: TextIndex, label: str, window: int = 60, row_header: str | None = None) -> Span | None:
    """The date a label owns: in its cell, beside it or under it; else the first date
    within `window` characters after it (running text). `row_header` is a shorter label
    ("Début", "Fin") that counts only alone in its cell, never inside a sentence."""
    return (value_by_label(index, label, _first_date)
            or (value_by_label(index, row_header, _first_date, opens_cell=True) if row_header else None)
            or date_after(index, label, window))


def _bare_hours(text: str):
    m = re.match(r"(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:h\b|heures?\b)?\s*$", text.strip())
    if not m:
        return None
    hours = float(m.group(1).replace(",", "."))
    return (hours, 0, m.end(1)) if 1 <= hours <= 48 else None


# A weekly-hours row header of a grid, whose cell holds a bare number ("Heures / semaine | 35").
WEEKLY_HOURS_CELL = r"heures?\s*(?:/|par)\s*semaine|heures\s+hebdomadaires|(?:duree|horaire)\s+hebdomadaire"


def weekly_hours_in_cell(index: TextIndex) -> Span | None:
    return value_by_label(index, WEEKLY_HOURS_CELL, _bare_hours, opens_cell=True)


__all__ = ["date_near", "weekly_hours_in_cell"]
