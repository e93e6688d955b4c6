"""Calibrated field confidence (issue 9): `field_confidence` is the share of values like it
found right, so a field at 0.9 is right about 9 times in 10.

The extractors score a value their own way (its words' OCR confidence times how sure the rule
is; the identity reader's fixed levels for MRZ, confirmed and visual values). That raw score
orders values well but is not a probability. A monotone piecewise-linear curve per *source*
maps it to one: the source is where the value was read (a text layer, OCR'd text, an identity
document) and what it is (a date, a number, text), never a layout family, so a new family or a
changed rule keeps a sensible mapping. Curves are fitted (isotonic) on a tuning batch by
`python benchmarks/reliability.py fit` into data/calibration.json and measured on held-out
families by `python benchmarks/reliability.py`; the README has the table.

It runs after reading (on the extraction), so refitting never invalidates the page cache.
`DOSSIERS_FIELD_CALIBRATION=off` keeps the raw scores: the fit and the table need them.
"""
from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from models import Extraction, Page, PieceType
from models.records import FieldValue

TABLE = Path(__file__).with_name("data") / "calibration.json"
_IDENTITY = {PieceType.passport, PieceType.id_card, PieceType.residence_permit}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def origin(piece_type: PieceType | str, text_source: str) -> str:
    """Where a piece's values were read: 'identity', 'text_layer' or 'ocr' (OCR'd or mixed pages)."""
    if PieceType(piece_type) in _IDENTITY:
        return "identity"
    return "text_layer" if text_source == "text_layer" else "ocr"


def kind(value: FieldValue) -> str:
    if isinstance(value, bool):
        return "text"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str) and _ISO_DATE.match(value):
        return "date"
    return "text"


def source(piece_type: PieceType | str, text_source: str, value: FieldValue) -> str:
    """The curve a value is calibrated with, e.g. 'ocr:date'."""
    return f"{origin(piece_type, text_source)}:{kind(value)}"


def interpolate(knots: list[list[float]], raw: float) -> float:
    """The curve through `knots` ([raw, calibrated] by raw). Beyond its ends nothing was measured:
    a score below the first knot is kept unless the curve is lower there (a fitted source never
    lifts an unusually low score), one above the last is kept unless the curve is higher."""
    xs = [x for x, _ in knots]
    i = bisect_right(xs, raw)
    if i == 0:
        return min(raw, knots[0][1])
    if i == len(knots):
        return max(raw, knots[-1][1])
    (x0, y0), (x1, y1) = knots[i - 1], knots[i]
    return y0 + (y1 - y0) * (raw - x0) / (x1 - x0)


def calibrated(curves: dict[str, list[list[float]]], src: str, raw: float) -> float:
    """A raw score through its source's curve, else its origin's; raw when neither was fitted.

    Never above the raw score: the curves are fitted on the layout families the extractors were
    tuned on, where values are right more often than on layouts never seen (measured: lifting
    scores to the tuning batch's rates made them over-confident on held-out families), so a
    curve only lowers the scores it finds over-confident even there."""
    knots = curves.get(src) or curves.get(src.split(":")[0])
    return raw if not knots else round(min(raw, interpolate(knots, raw)), 3)


@lru_cache(maxsize=1)
def load_curves(path: Path = TABLE) -> dict[str, list[list[float]]]:
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))["curves"]


def enabled() -> bool:
    return os.environ.get("DOSSIERS_FIELD_CALIBRATION", "on").lower() not in {"off", "0", "no", "false"}


def calibrate(piece_type: PieceType, pages: list[Page], extraction: Extraction) -> Extraction:
    """The extraction with each read value's confidence calibrated (in place; unread ones untouched)."""
    if not enabled():
        return extraction
    curves = load_curves()
    text_source = "text_layer" if all(p.text_source == "text_layer" for p in pages) else "ocr"
    for name, raw in extraction.field_confidence.items():
        value = extraction.fields.get(name)
        if value is not None:
            extraction.field_confidence[name] = calibrated(curves, source(piece_type, text_source, value), raw)
    return extraction
