"""Boxes for identity fields read from the MRZ (issue 10): nationality, issuing state and
sex always come from it, and the number, the dates and the names when the visual zone
prints them otherwise or was not read. Each gets the visual-zone value where it is found
(the place an agent checks), else the MRZ lines as the page's OCR read them (they hold
the value in the MRZ's own form). Only boxes are added: no value changes here."""
from __future__ import annotations

import datetime as dt
import re

from extractors.fields.identity import (
    LABEL_NATIONALITY_CODE,
    LABEL_SEX,
    WordRun,
    find_labels,
    parse_visual_dates,
    value_near,
)
from models import Extraction, FieldBox
from models.document import union_boxes

# An MRZ line as page OCR reads it: fillers, or one long token of capitals and digits.
_MRZ_TOKEN = re.compile(r"<|^[A-Z0-9«£]{20,}$")
_CODE_FIELDS = {"nationality", "issuing_state"}
_DATE_FIELDS = {"date_of_birth", "expiry_date"}
_LONGEST_DATE = 5  # words: "12 MARS / MAR 2004"


def add_missing_boxes(extraction: Extraction, spans: list[WordRun]) -> None:
    """A box for every field that has a value and none yet."""
    zone = mrz_zone(spans)
    for name, value in extraction.fields.items():
        if value is None or extraction.field_boxes.get(name):
            continue
        visual = visual_value(spans, name, str(value))
        if visual is not None:
            extraction.field_boxes[name] = [visual.box()]
        elif zone:
            extraction.field_boxes[name] = zone


def visual_value(spans: list[WordRun], name: str, value: str) -> WordRun | None:
    """The words of the visual zone that print this value, if any."""
    if name in _CODE_FIELDS:
        return _labelled_token(spans, LABEL_NATIONALITY_CODE, value)
    if name == "sex":
        return _labelled_token(spans, LABEL_SEX, value)
    if name in _DATE_FIELDS and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return _printed_date(spans, dt.date.fromisoformat(value))
    return None


def _labelled_token(spans: list[WordRun], label_pattern: str, value: str) -> WordRun | None:
    """The word `value` (a code, a sex letter: 'F' or 'F/F') after or under its label."""
    def is_value(word: str) -> bool:
        return word.strip(" .,:;|").upper().split("/")[0] == value

    for label in find_labels(spans, label_pattern):
        found = value_near(spans, label, lambda t: any(is_value(w) for w in t.split()))
        if found is not None:
            return WordRun(found.page, [w for w in found.words if is_value(w.text)][:1])
    return None


def _printed_date(spans: list[WordRun], date: dt.date) -> WordRun | None:
    """The fewest consecutive words printing this date, outside the MRZ."""
    for span in spans:
        if any(_MRZ_TOKEN.search(w.text) for w in span.words):
            continue
        for size in range(1, _LONGEST_DATE + 1):
            for start in range(len(span.words) - size + 1):
                words = span.words[start:start + size]
                if date in parse_visual_dates(" ".join(w.text for w in words)):
                    return WordRun(span.page, words)
    return None


def mrz_zone(spans: list[WordRun]) -> list[FieldBox]:
    """The MRZ lines the page's OCR read, one box around them (on the page holding most).
    OCR often reads only part of a zone (fillers as letters, a tilted line cut in two): the
    spans beside those with fillers, within a line's height above or below and across the
    same width, are its other lines."""
    anchors: dict[int, list[WordRun]] = {}
    for span in spans:
        if any(_MRZ_TOKEN.search(w.text) for w in span.words):
            anchors.setdefault(span.page, []).append(span)
    if not anchors:
        return []
    page, found = max(anchors.items(), key=lambda item: len(item[1]))
    x0, y0, x1, y1 = union_boxes([s.bbox for s in found])
    line = max(s.height for s in found)  # a word's height: a tilted line's box is taller
    beside = [s for s in spans if s.page == page and s.bbox[0] >= x0 - line and s.bbox[2] <= x1 + line
              and y0 - 1.2 * line <= (s.bbox[1] + s.bbox[3]) / 2 <= y1 + 1.2 * line]
    return [FieldBox(page=page, bbox=union_boxes([s.bbox for s in found + beside]))]
