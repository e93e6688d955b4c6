"""The cheap test that tells a page scanned sideways before any OCR pass."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from extractors.cleanup import lines_run_down, rotate_quadrant


def text_page(lines: int = 40, width: int = 1654, height: int = 2339, skew: float = 0.0) -> np.ndarray:
    page = np.full((height, width), 255, np.uint8)
    words = ["Le", "salarie", "est", "engage", "a", "compter", "du", "1er", "mars", "en", "qualite", "de", "technicien"]
    for i in range(lines):
        text = " ".join(words[(i * 3) % len(words):] + words[:(i * 3) % len(words)])[:60]
        cv2.putText(page, text, (150, 200 + i * 48), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2, cv2.LINE_AA)
    if skew:
        m = cv2.getRotationMatrix2D((width / 2, height / 2), skew, 1.0)
        page = cv2.warpAffine(page, m, (width, height), borderValue=255)
    return page


@pytest.mark.parametrize("skew", [0.0, 2.0, -3.5])
def test_upright_page_is_not_sideways(skew: float) -> None:
    assert not lines_run_down(text_page(skew=skew))


@pytest.mark.parametrize("turn", [90, 270])
@pytest.mark.parametrize("skew", [0.0, 2.0])
def test_page_turned_a_quarter_is_sideways(turn: int, skew: float) -> None:
    assert lines_run_down(rotate_quadrant(text_page(skew=skew), turn))


def test_upside_down_page_is_not_sideways() -> None:
    assert not lines_run_down(rotate_quadrant(text_page(), 180))


def test_card_with_little_text_and_blank_page_say_nothing() -> None:
    card = np.full((600, 950), 255, np.uint8)
    cv2.rectangle(card, (40, 60), (300, 420), 120, -1)  # a portrait
    cv2.putText(card, "NOM", (350, 120), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    assert not lines_run_down(rotate_quadrant(card, 90))
    assert not lines_run_down(np.full((2339, 1654), 255, np.uint8))
