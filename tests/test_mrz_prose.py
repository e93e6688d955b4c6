"""The MRZ search on pages OCR read well: running text is blanked out before it, so a
contract's paragraphs cost no glyph reading, and an MRZ that OCR skipped or read as
debris is still found."""
from __future__ import annotations

import time

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors import mrz_reader
from extractors.filetype import FileKind
from extractors.limits import Limits
from extractors.ocr import OcrResult
from extractors.reading import PageJob, _without_prose, ocr_image
from models import Line, Word
from tests.mrz_builders import td3
from tests.mrz_scenes import FONTS, font_path

PROSE = ("Le salarie est engage a compter du premier mars en qualite de technicien de maintenance, "
         "sur presentation de son passeport et de son titre de sejour en cours de validite. "
         "Sa nationalite et sa date de naissance figurent dans la declaration prealable a l'embauche. ") * 4


def _line(text: str, box: tuple[float, float, float, float], conf: float) -> Line:
    x0, y0, x1, y1 = box
    words = text.split()
    step = (x1 - x0) / len(words)
    return Line(words=[Word(text=w, bbox=(x0 + i * step, y0, x0 + (i + 1) * step, y1), confidence=conf)
                       for i, w in enumerate(words)])


def test_only_lines_read_surely_as_ordinary_text_are_blanked() -> None:
    page = np.full((1000, 1000), 255, np.uint8)
    for top in (100, 200, 800, 850, 900):
        page[top:top + 20, 100:900] = 0  # each line's ink: what stays dark was kept
    result = OcrResult(lines=[
        _line("le salarié est engagé", (0.1, 0.10, 0.9, 0.12), 0.93),       # prose: blanked
        _line("REPUBLIQUE FRANCAISE", (0.1, 0.20, 0.9, 0.22), 0.95),        # sure capitals: blanked
        _line("Le 2 ihiezpsnsonsecec<<ce<<<t", (0.1, 0.80, 0.9, 0.82), 0.9),  # MRZ debris: kept
        _line("e col mn", (0.1, 0.85, 0.9, 0.87), 0.3),                      # unsure: kept
        _line("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", (0.1, 0.9, 0.9, 0.92), 0.95),  # kept
    ], mean_confidence=0.9)
    blank = _without_prose(page, result)
    assert blank[110, 500] == 255 and blank[210, 500] == 255
    assert blank[810, 500] == 0 and blank[860, 500] == 0 and blank[910, 500] == 0


def _page(with_mrz: bool) -> np.ndarray:
    """An A4-like scan at 200 dpi: a paragraph of running text, and an MRZ under it."""
    image = Image.new("L", (1654, 2339), 240)
    draw = ImageDraw.Draw(image)
    body = ImageFont.truetype(FONTS["dejavu_mono"], 28)
    words, line, y = PROSE.split(), "", 150
    for word in words:
        if len(line) + len(word) > 70:
            draw.text((120, y), line, fill=20, font=body)
            line, y = "", y + 48
        line = f"{line} {word}".strip()
    if with_mrz:
        ocrb = ImageFont.truetype(font_path("ocrb"), 40)
        for i, text in enumerate(td3("L898902C3", "740812", "120415")):
            draw.text((120, 1900 + i * 70), text, fill=10, font=ocrb)
    return np.asarray(image)


def _job() -> PageJob:
    return PageJob("/nonexistent", "page.png", FileKind.png, 0, Limits(), deadline=time.time() + 300)


@pytest.mark.skipif(font_path("ocrb") is None or font_path("dejavu_mono") is None, reason="fonts missing")
def test_running_text_costs_no_glyph_reading_and_an_mrz_under_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    readings: list[int] = []
    real = mrz_reader.read_glyphs

    def counted(*args, **kwargs):  # calls through: the real reader still works
        readings.append(1)
        yield from real(*args, **kwargs)

    monkeypatch.setattr(mrz_reader, "read_glyphs", counted)
    prose_only = ocr_image(_page(with_mrz=False), _job())
    assert "mrz" not in prose_only.extra_text
    assert readings == []  # the paragraph mentions a passport, but nothing in it is read as an MRZ

    with_mrz = ocr_image(_page(with_mrz=True), _job())
    lines = with_mrz.extra_text["mrz"].splitlines()
    assert lines == td3("L898902C3", "740812", "120415")
