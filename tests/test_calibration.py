"""Calibrated field confidence (extractors/fields/calibration.py) and its fit (benchmarks/reliability.py)."""
from __future__ import annotations

import json

import pytest

from benchmarks.reliability import isotonic
from extractors.fields import calibration
from extractors.fields.calibration import (
    TABLE,
    calibrate,
    calibrated,
    interpolate,
    source,
)
from models import Extraction, Page, PieceType

CURVES = {"ocr": [[0.5, 0.3], [0.7, 0.6], [0.9, 0.95]], "ocr:date": [[0.8, 0.7], [0.95, 0.99]]}


def test_source_is_where_and_what() -> None:
    assert source(PieceType.passport, "ocr", "2030-01-01") == "identity:date"
    assert source("payslip", "mixed", 1801.8) == "ocr:number"
    assert source("employment_contract", "text_layer", "CDI") == "text_layer:text"


def test_curve_is_monotone_and_flat_only_where_measured() -> None:
    knots = CURVES["ocr"]
    values = [interpolate(knots, x / 100) for x in range(101)]
    assert values == sorted(values)
    assert interpolate(knots, 0.6) == pytest.approx(0.45)
    assert interpolate(knots, 0.2) == 0.2  # below what was measured: kept unless the curve is lower
    assert interpolate(knots, 0.4) == 0.3
    assert interpolate(knots, 0.97) == 0.97  # above: kept unless the curve is higher


def test_never_above_raw_and_falls_back_to_the_origin() -> None:
    assert calibrated(CURVES, "ocr:date", 0.94) == pytest.approx(0.94)  # the curve says 0.971: not lifted
    assert calibrated(CURVES, "ocr:date", 0.85) == pytest.approx(0.797)
    assert calibrated(CURVES, "ocr:text", 0.7) == 0.6  # no ocr:text curve: the ocr one
    assert calibrated(CURVES, "identity:text", 0.6) == 0.6  # nothing fitted: raw


def test_calibrate_an_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calibration, "load_curves", lambda: CURVES)
    page = Page(source="a.png", number=1, width=10, height=10, text_source="ocr")
    extraction = Extraction(fields={"start_date": "2026-01-01", "job_title": None},
                            field_confidence={"start_date": 0.85, "job_title": 0.4})
    calibrate(PieceType.employment_contract, [page], extraction)
    assert extraction.field_confidence == {"start_date": 0.797, "job_title": 0.4}  # unread: untouched
    monkeypatch.setenv("DOSSIERS_FIELD_CALIBRATION", "off")
    extraction.field_confidence["start_date"] = 0.85
    calibrate(PieceType.employment_contract, [page], extraction)
    assert extraction.field_confidence["start_date"] == 0.85


def test_the_fit_is_monotone_and_pulled_towards_raw() -> None:
    points = [(0.55, False)] * 3 + [(0.56, True)] + [(0.85, True)] * 30 + [(0.86, False)] * 2 + [(0.97, True)] * 50
    knots = isotonic(points)
    assert [y for _, y in knots] == sorted(y for _, y in knots)
    assert knots[0][0] == 0.55 and knots[-1][0] == 0.97
    assert 0.25 < interpolate(knots, 0.55) < 0.55  # 1 right in 4, pulled towards 0.55 by the prior
    assert interpolate(knots, 0.97) > 0.97


def test_the_shipped_table_is_monotone() -> None:
    curves = json.loads(TABLE.read_text(encoding="utf-8"))["curves"]
    assert {"identity", "ocr", "text_layer"} <= set(curves)
    for knots in curves.values():
        assert [x for x, _ in knots] == sorted(x for x, _ in knots)
        assert [y for _, y in knots] == sorted(y for _, y in knots)
        assert all(0.0 <= y <= 1.0 for _, y in knots)
