"""Reading one line of OCR-B by template matching against the font's own glyphs.

Machine-readable zones are printed in a single fixed-pitch font (OCR-B) with a
37-character alphabet, so a line is `count` equal cells and each cell is one of 37
known shapes. Stock OCR models, trained on running text, read that font badly
('<' as K, E or L); a cross-correlation against glyphs rendered from the font file
does not. The caller gives a grey strip holding one line and how many characters
it has (44 for a passport, 30 for a card); this module finds the cells and returns,
for each, every character of its alphabet ranked by similarity, so that check digits
can choose among close alternatives.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

OCRB_FONT = Path("/usr/share/fonts/opentype/ocr-b/OCRB.otf")
MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
_RENDER_SIZE = 160  # px font size of the master glyphs, downscaled to each line's size
TEMPLATE_PAD = 0.25  # background kept above and below the glyph body, as a share of its height


@dataclass(frozen=True)
class CellReading:
    """One character cell: its alphabet ranked best first, with correlation scores."""

    ranked: tuple[tuple[str, float], ...]

    @property
    def best(self) -> str:
        return self.ranked[0][0]

    @property
    def margin(self) -> float:
        """How much the best glyph beats the runner-up (small: an uncertain cell)."""
        return self.ranked[0][1] - self.ranked[1][1] if len(self.ranked) > 1 else 1.0


def font_available() -> bool:
    return OCRB_FONT.is_file()


@functools.lru_cache(maxsize=1)
def _master_glyphs() -> tuple[dict[str, np.ndarray], int, int]:
    """Each glyph as ink intensity (0..1) in its advance cell, rows from cap top to
    baseline; with the advance and cap height in master pixels."""
    from PIL import Image, ImageDraw, ImageFont  # only needed when the font is used

    font = ImageFont.truetype(str(OCRB_FONT), _RENDER_SIZE)
    advance = round(font.getlength("H"))
    canvas_h = 2 * _RENDER_SIZE
    baseline = int(1.4 * _RENDER_SIZE)
    rendered = {}
    for char in MRZ_ALPHABET:
        image = Image.new("L", (advance, canvas_h), 0)
        ImageDraw.Draw(image).text((0, baseline), char, fill=255, font=font, anchor="ls")
        rendered[char] = np.asarray(image, np.float32) / 255.0
    rows = np.nonzero(rendered["H"].sum(axis=1))[0]
    cap_top, cap_bottom = int(rows[0]), int(rows[-1]) + 1
    pad = int(TEMPLATE_PAD * (cap_bottom - cap_top))
    glyphs = {c: g[cap_top - pad:cap_bottom + pad] for c, g in rendered.items()}
    return glyphs, advance, cap_bottom - cap_top


@functools.lru_cache(maxsize=64)
def glyph_templates(pitch: int, cap_height: int, blur: float) -> dict[str, np.ndarray]:
    """Every glyph scaled so its capitals are `cap_height` px tall, centred in a cell
    `pitch` px wide (the document's pitch, whatever its letter spacing), blurred like
    a print seen through a camera or a copier."""
    glyphs, advance, master_cap = _master_glyphs()
    factor = cap_height / master_cap
    templates = {}
    for char, glyph in glyphs.items():
        h, w = glyph.shape
        scaled = cv2.resize(glyph, (max(1, round(w * factor)), max(1, round(h * factor))), interpolation=cv2.INTER_AREA)
        cell = np.zeros((scaled.shape[0], pitch), np.float32)
        offset = (pitch - scaled.shape[1]) // 2
        src_from, dst_from = max(0, -offset), max(0, offset)
        width = min(scaled.shape[1] - src_from, pitch - dst_from)
        cell[:, dst_from:dst_from + width] = scaled[:, src_from:src_from + width]
        if blur > 0:
            cell = cv2.GaussianBlur(cell, (0, 0), blur)
        templates[char] = cell
    return templates


def ink_image(gray: np.ndarray, cap_height: float) -> np.ndarray:
    """Dark strokes as bright values on black (a black-hat), which removes shading,
    backgrounds and card edges larger than a character."""
    size = max(3, int(1.6 * cap_height)) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (size, size))
    return cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, kernel).astype(np.float32)


def read_cells(strip: np.ndarray, count: int, extents: list[tuple[float, float]], cap_height: int,
               alphabets: list[str] | None = None, blur: float = 1.2) -> list[CellReading]:
    """The `count` cells of one line in `strip` (ink image, the line's capitals
    vertically centred with some margin). `extents` are guesses of the columns the
    line's ink spans (its own, its neighbours': MRZ lines are aligned), best first.

    The cell grid (first cell, pitch) is fitted to maximise the summed best-glyph
    correlation, each cell then allowed a small shift of its own (perspective,
    paper warp). `alphabets[i]` restricts what cell i may be."""
    left, right = extents[0]
    pitch_guess = (right - left) / (count - 0.3)
    pitch = max(4, round(pitch_guess))
    templates = glyph_templates(pitch, cap_height, blur)
    chars = list(templates)
    t_h = next(iter(templates.values())).shape[0]
    if strip.shape[0] < t_h or strip.shape[1] < pitch * count:
        strip = cv2.copyMakeBorder(strip, 0, max(0, t_h - strip.shape[0]), 0,
                                   max(0, pitch * count + 2 * pitch - strip.shape[1]), cv2.BORDER_CONSTANT, value=0)
    # scores[c, x]: correlation of glyph c with the cell starting at column x.
    scores = np.stack([cv2.matchTemplate(strip, templates[c], cv2.TM_CCOEFF_NORMED).max(axis=0) for c in chars])
    scores = np.nan_to_num(scores, nan=-1.0)
    best = scores.max(axis=0)
    jitter = max(1, round(0.08 * pitch))
    local_best = _running_max(best, jitter)
    width = best.shape[0]

    grids = np.array([(s, p) for left, right in dict.fromkeys(extents)
                      for guess in [(right - left) / (count - 0.3)]
                      for s in np.arange(left - 0.6 * guess, left + 0.2 * guess, 1.0)
                      for p in np.arange(0.97 * guess, 1.03 * guess, 0.05)])
    positions = np.round(grids[:, :1] + grids[:, 1:] * np.arange(count)).astype(int)
    inside = (positions[:, 0] >= 0) & (positions[:, -1] < width)
    totals = np.where(inside, local_best[np.clip(positions, 0, width - 1)].sum(axis=1), -np.inf)
    start, step = grids[int(np.argmax(totals))]
    cells = []
    for i in range(count):
        x = int(round(start + step * i))
        lo, hi = max(0, x - jitter), min(width, x + jitter + 1)
        x = lo + int(np.argmax(best[lo:hi]))
        window = scores[:, max(0, x - 1):x + 2].max(axis=1)
        allowed = alphabets[i] if alphabets else MRZ_ALPHABET
        ranked = sorted(((c, float(window[k])) for k, c in enumerate(chars) if c in allowed), key=lambda cs: -cs[1])
        cells.append(CellReading(tuple(ranked)))
    return cells


def _running_max(values: np.ndarray, radius: int) -> np.ndarray:
    kernel = np.ones((1, 2 * radius + 1), np.uint8)
    return cv2.dilate(values.reshape(1, -1).astype(np.float32), kernel).ravel()
