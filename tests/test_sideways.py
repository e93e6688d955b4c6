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


def letter_page(lines: int = 30, width: int = 1654, height: int = 2339) -> np.ndarray:
    """A page in another face and wording than `text_page` and the generator's: a
    serif italic, capitals and accents above, descenders below, two columns."""
    page = np.full((height, width), 255, np.uint8)
    words = ["Fait", "a", "Lyon,", "pour", "servir", "et", "valoir", "ce", "que", "de", "droit", "apres", "lecture",
             "jusqu'au", "quatorze", "juillet", "Gerant", "depuis", "cinq", "ans"]
    for column in (0, 1):
        for i in range(lines):
            text = " ".join(words[(i * 5 + column) % len(words):][:4])
            cv2.putText(page, text, (120 + column * 780, 220 + i * 62), cv2.FONT_HERSHEY_COMPLEX | cv2.FONT_ITALIC,
                        1.1, 0, 2, cv2.LINE_AA)
    return page


def test_letters_tell_upright_from_upside_down() -> None:
    from extractors.text_direction import ascender_balance, turn_to_upright

    assert turn_to_upright(letter_page()) == 0
    assert turn_to_upright(rotate_quadrant(letter_page(), 180)) == 180
    # A stroke font's thin ascenders weigh less, but on the right side.
    assert ascender_balance(text_page())[0] > 0 > ascender_balance(rotate_quadrant(text_page(), 180))[0]


@pytest.mark.parametrize("turn", [90, 270])
def test_a_sideways_page_is_turned_by_its_letters_without_tesseract(turn: int, monkeypatch, tmp_path) -> None:
    import extractors.reading as reading
    from extractors.limits import Limits

    def no_osd(*args, **kwargs):
        raise AssertionError("tesseract's orientation pass was not needed")

    monkeypatch.setattr(reading, "detect_rotation", no_osd)
    job = reading.PageJob("page.png", "page.png", reading.FileKind.png, 0, Limits(), deadline=float("inf"))
    sideways = rotate_quadrant(letter_page(), turn)
    assert reading._turn_of_sideways_page(sideways, str(tmp_path), job) == (360 - turn) % 360


def test_a_card_says_nothing_of_its_direction() -> None:
    from extractors.text_direction import turn_to_upright

    card = np.full((600, 950), 255, np.uint8)
    cv2.rectangle(card, (40, 60), (300, 420), 120, -1)
    cv2.putText(card, "NOM Dupont", (350, 120), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    assert turn_to_upright(card) is None
    assert turn_to_upright(rotate_quadrant(card, 180)) is None
