"""Which way up a page of text stands, told from its letters' shapes, before any OCR.

In Latin print, a line's ink reaches above its x-height band (capitals, accents,
b d f h k l t) far more than it hangs below it (g j p q y): a line upside down hangs.
Summed over a page's lines, the balance is a sure sign on running text (measured on
364 scanned and photographed pages of three synthetic batches and the shared samples,
the pipeline's orientation as truth: upright pages >= -0.14, upside-down ones <= -0.41,
and the 11 sideways pages, once turned a quarter, |balance| >= 0.39), and nothing on a
card's few words, which are left to tesseract's orientation detection.
"""
from __future__ import annotations

import cv2
import numpy as np

from extractors.cleanup import downscale, estimate_skew, rotate_quadrant

WORK_SIDE = 1400  # px of the copy measured: letters of body text stay 10-20 px tall
STRIP = 280  # px: lines are followed in column strips, so a residual skew or two columns do not merge them
MAX_LETTER = (40, 60)  # px (height, width) of a letter on that copy: larger ink is a picture or a frame
# |balance| from which the direction is taken, and the lines it must be measured on.
SURE_BALANCE = 0.3
MIN_LINES = 8


def ascender_balance(gray: np.ndarray) -> tuple[float, int]:
    """(ink above the lines' x-height bands - ink below) / both, in [-1, 1], and the
    number of text lines measured. Positive: the page stands upright."""
    small = downscale(gray, WORK_SIDE)
    _, ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    angle = estimate_skew(small)
    h, w = ink.shape
    if abs(angle) >= 0.1:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        ink = cv2.warpAffine(ink, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    ink = _letters_only(ink)
    above = below = 0.0
    lines = 0
    for x0 in range(0, w, STRIP):
        rows = ink[:, x0:x0 + STRIP].sum(axis=1).astype(np.float64)
        for top, bottom in _runs(rows > 0.02 * STRIP):
            band = rows[top:bottom]
            if bottom - top < 5 or band.sum() < 60:
                continue
            core = np.nonzero(band >= 0.5 * band.max())[0]
            if core[-1] + 1 - core[0] > 0.8 * (bottom - top):
                continue  # no x-height band stands out: a rule, a bar, a block of capitals
            above += band[:core[0]].sum()
            below += band[core[-1] + 1:].sum()
            lines += 1
    if above + below == 0:
        return 0.0, 0
    return float((above - below) / (above + below)), lines


def turn_to_upright(gray: np.ndarray) -> int | None:
    """0 or 180 (degrees clockwise) when the page's text says surely which way up it
    stands; None when it does not (little text, a card, pictures)."""
    balance, lines = ascender_balance(gray)
    if lines < MIN_LINES or abs(balance) < SURE_BALANCE:
        return None
    return 0 if balance > 0 else 180


def quarter_turn_to_upright(sideways: np.ndarray) -> int | None:
    """90 or 270 (degrees clockwise) for a page whose lines run down it, when its letters,
    once it is turned a quarter, say surely which way up it then stands; else None."""
    upright = turn_to_upright(rotate_quadrant(sideways, 90))
    return None if upright is None else (90 + upright) % 360


def _letters_only(ink: np.ndarray) -> np.ndarray:
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    keep = np.zeros(count, np.uint8)
    keep[1:] = ((stats[1:, cv2.CC_STAT_HEIGHT] <= MAX_LETTER[0]) & (stats[1:, cv2.CC_STAT_WIDTH] <= MAX_LETTER[1])
                & (stats[1:, cv2.CC_STAT_AREA] >= 3))
    return keep[labels]


def _runs(on: np.ndarray) -> list[tuple[int, int]]:
    edges = np.diff(np.concatenate([[0], on.astype(np.int8), [0]]))
    return list(zip(np.nonzero(edges == 1)[0].tolist(), np.nonzero(edges == -1)[0].tolist()))
