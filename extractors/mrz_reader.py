"""Finding and reading the machine-readable zone of an identity document in a page image.

The MRZ is 2 or 3 long lines of evenly spaced OCR-B capitals at the bottom of a
passport data page or on the back of a card. It is located with morphology on a
reduced copy (a black-hat keeps dark strokes on a light ground, a wide closing
merges the characters of a line into one long bar), only those bars are OCR'd, with
the MRZ alphabet as whitelist, and the lines come back raw for extractors/mrz.py.
A page without such bars costs a few milliseconds and no OCR.

`prepare_for_ocr` is the general-purpose counterpart for the full-page OCR of
identity photos (cards on a backdrop, small print): it returns the variants worth
OCR-ing, best first.
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import cv2
import numpy as np
import pytesseract

from extractors import mrz, ocrb_glyphs
from extractors.cleanup import to_gray

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
OCR_TIMEOUT_S = 20
WORK_WIDTH = 1200  # detection runs on a copy this wide
TARGET_LINE_HEIGHT = 48  # px of a text line in the crop sent to tesseract
MAX_CANDIDATES = 3


@dataclass(frozen=True)
class TextBar:
    """One merged line of characters, in work-copy pixels."""

    center: tuple[float, float]
    width: float
    height: float
    angle: float  # degrees, as cv2.minAreaRect normalised to (-45, 45]

    @property
    def top(self) -> float:
        return self.center[1] - self.height / 2

    @property
    def bottom(self) -> float:
        return self.center[1] + self.height / 2

    @property
    def left(self) -> float:
        return self.center[0] - self.width / 2

    @property
    def right(self) -> float:
        return self.center[0] + self.width / 2


def find_text_bars(gray: np.ndarray) -> list[TextBar]:
    """Long horizontal bars of dark characters: the shape of MRZ lines."""
    h, w = gray.shape
    blackhat = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, cv2.getStructuringElement(cv2.MORPH_RECT, (21, 9)))
    grad = np.absolute(cv2.Sobel(blackhat, cv2.CV_32F, 1, 0, ksize=-1))
    grad = cv2.normalize(grad, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    # Join the characters of a line (MRZ letter spacing is wide) but not the lines.
    closed = cv2.morphologyEx(grad, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (19, 3)))
    _, binary = cv2.threshold(closed, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    binary = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 5)))
    contours, _ = cv2.findContours(binary, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    bars = []
    for contour in contours:
        (cx, cy), (rw, rh), angle = cv2.minAreaRect(contour)
        rw, rh = max(rw, rh), min(rw, rh)
        # The angle's convention varies across OpenCV versions: bring it to (-45, 45].
        while angle > 45:
            angle -= 90
        while angle <= -45:
            angle += 90
        if rw >= 0.2 * w and rw >= 10 * rh and 6 <= rh <= 0.08 * h:
            bars.append(TextBar((cx, cy), rw, rh, angle))
    return _merge_split_bars(sorted(bars, key=lambda b: b.center[1]))


def _merge_split_bars(bars: list[TextBar]) -> list[TextBar]:
    """Rejoin pieces of one line that a wider letter gap or a glare spot cut apart:
    bars on the same row whose ends nearly touch."""
    merged: list[TextBar] = []
    for bar in sorted(bars, key=lambda b: b.left):
        for i, other in enumerate(merged):
            same_row = abs(bar.center[1] - other.center[1]) <= 0.5 * max(bar.height, other.height)
            gap = bar.left - other.right
            if same_row and -other.height <= gap <= 3 * max(bar.height, other.height):
                left, right = other.left, max(other.right, bar.right)
                weight = other.width / (other.width + bar.width)
                merged[i] = TextBar(((left + right) / 2, weight * other.center[1] + (1 - weight) * bar.center[1]),
                                    right - left, max(other.height, bar.height),
                                    weight * other.angle + (1 - weight) * bar.angle)
                break
        else:
            merged.append(bar)
    return sorted(merged, key=lambda b: b.center[1])


def group_bars(bars: list[TextBar]) -> list[list[TextBar]]:
    """Runs of 2-3 stacked bars of similar width and position: MRZ candidates."""
    groups: list[list[TextBar]] = []
    for bar in bars:
        for group in groups:
            last = group[-1]
            pitch = max(last.height, bar.height)
            overlap = min(last.right, bar.right) - max(last.left, bar.left)
            if (0 < bar.center[1] - last.center[1] <= 3.2 * pitch
                    and overlap >= 0.7 * min(last.width, bar.width)
                    and abs(bar.width - last.width) <= 0.25 * max(bar.width, last.width)):
                group.append(bar)
                break
        else:
            groups.append([bar])
    candidates = [g for g in groups if 2 <= len(g) <= 3]
    # Widest first, and lower on the page first at equal width (the MRZ closes the page).
    return sorted(candidates, key=lambda g: (-round(min(b.width for b in g) / 40), -g[0].center[1]))


def crop_group(gray: np.ndarray, group: list[TextBar], scale: float) -> np.ndarray:
    """The group's region from the full-size image, deskewed and sized for tesseract."""
    angle = float(np.median([b.angle for b in group]))
    left = min(b.left for b in group) / scale
    right = max(b.right for b in group) / scale
    top = min(b.top for b in group) / scale
    bottom = max(b.bottom for b in group) / scale
    line_height = float(np.median([b.height for b in group])) / scale
    margin_x, margin_y = 1.5 * line_height, 1.2 * line_height
    center = ((left + right) / 2, (top + bottom) / 2)
    rotation = cv2.getRotationMatrix2D(center, angle, 1.0)
    h, w = gray.shape
    straight = cv2.warpAffine(gray, rotation, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    half_w = (right - left) / 2 + margin_x
    half_h = (bottom - top) / 2 + margin_y
    x0, x1 = int(max(0, center[0] - half_w)), int(min(w, center[0] + half_w))
    y0, y1 = int(max(0, center[1] - half_h)), int(min(h, center[1] + half_h))
    crop = straight[y0:y1, x0:x1]
    factor = TARGET_LINE_HEIGHT / max(line_height, 1.0)
    if abs(factor - 1) > 0.1:
        crop = cv2.resize(crop, None, fx=factor, fy=factor,
                          interpolation=cv2.INTER_CUBIC if factor > 1 else cv2.INTER_AREA)
    return crop


# --- glyph reading ------------------------------------------------------------------------------

GLYPH_LINE_HEIGHT = 32  # px of a detected bar in the band the glyph reader works on
CAP_SHRINK_TRIALS = 3  # capital heights tried below the measured one


@dataclass(frozen=True)
class GlyphReading:
    """The MRZ lines read glyph by glyph, each cell with its ranked alternatives."""

    layout: str  # "TD1" or "TD3"
    cells: tuple[tuple[ocrb_glyphs.CellReading, ...], ...]

    @property
    def lines(self) -> list[str]:
        return ["".join(c.best for c in line) for line in self.cells]

    def ranked_lines(self) -> list[list[list[tuple[str, float]]]]:
        """Per line and position, (character, loss against the best), best first."""
        return [[[(char, cell.ranked[0][1] - score) for char, score in cell.ranked] for cell in line]
                for line in self.cells]


def _straight_band(gray: np.ndarray, group: list[TextBar], scale: float) -> tuple[np.ndarray, list[tuple[float, float, float]]]:
    """The page rows around the group, deskewed, twice as wide as the group (a bar may
    cover only part of its line), scaled so a bar is GLYPH_LINE_HEIGHT px tall.
    Returns the band and each bar's (centre y, left, right) in band pixels."""
    angle = float(np.median([b.angle for b in group]))
    bar_height = float(np.median([b.height for b in group])) / scale
    factor = GLYPH_LINE_HEIGHT / max(bar_height, 1.0)
    cx = float(np.mean([b.center[0] for b in group])) / scale
    cy = float(np.mean([b.center[1] for b in group])) / scale
    span = (max(b.bottom for b in group) - min(b.top for b in group)) / scale
    reach = (max(b.right for b in group) - min(b.left for b in group)) / scale
    out_h = int((span + 3 * bar_height) * factor)
    out_w = int(min(gray.shape[1], 2 * reach) * factor)  # a bar may miss part of its line
    matrix = cv2.getRotationMatrix2D((cx, cy), angle, factor)
    matrix[0, 2] += out_w / 2 - cx
    matrix[1, 2] += out_h / 2 - cy
    band = cv2.warpAffine(gray, matrix, (out_w, out_h), flags=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_REPLICATE)
    bars = []
    for b in group:
        x, y = matrix @ np.array([b.center[0] / scale, b.center[1] / scale, 1.0])
        half = b.width / scale * factor / 2
        bars.append((float(y), float(x - half), float(x + half)))
    return band, bars


def _line_rows(ink_mask: np.ndarray, center_y: float, left: float, right: float) -> tuple[int, int] | None:
    """Top and bottom rows of the capitals of the line around `center_y`."""
    reach = GLYPH_LINE_HEIGHT
    y0 = max(0, int(center_y - reach))
    rows = ink_mask[y0:int(center_y + reach), max(0, int(left)):int(right)].mean(axis=1)
    if rows.size == 0 or rows.max() <= 0:
        return None
    c = int(center_y) - y0
    c = int(np.argmax(rows[max(0, c - 8):c + 8])) + max(0, c - 8)
    limit = 0.2 * rows[c]
    top = c
    while top > 0 and rows[top - 1] > limit:
        top -= 1
    bottom = c
    while bottom < len(rows) - 1 and rows[bottom + 1] > limit:
        bottom += 1
    return y0 + top, y0 + bottom + 1


def _line_extent(ink_mask: np.ndarray, top: int, bottom: int, left: float, right: float, cap: int) -> tuple[int, int]:
    """First and last ink columns of a line, growing the detected bar outwards while
    the gaps stay below a character width (the bar may miss the line's ends)."""
    columns = ink_mask[top:bottom].any(axis=0)
    inked = np.nonzero(columns)[0]
    if inked.size == 0:
        return int(left), int(right)
    inside = inked[(inked >= left) & (inked <= right)]
    first, last = (int(inside[0]), int(inside[-1])) if inside.size else (int(left), int(right))
    max_gap = 1.2 * cap
    for x in inked[inked < first][::-1]:
        if first - x > max_gap:
            break
        first = int(x)
    for x in inked[inked > last]:
        if x - last > max_gap:
            break
        last = int(x)
    return first, last


def _fit(line: tuple[ocrb_glyphs.CellReading, ...]) -> float:
    """How well a line's best glyphs match it: the sum of their correlations."""
    return sum(cell.ranked[0][1] for cell in line)


_LENGTHS = {"TD1": mrz.TD1_LENGTH, "TD2": mrz.TD2_LENGTH, "TD3": mrz.TD3_LENGTH, "CNI": mrz.TD2_LENGTH}
# A line's inked width in capital heights: about 42 for the 44 characters of a passport,
# 34-36 for the 36 of a card. Between the two, a 2-line zone is read as a card first.
CARD_WIDTH_IN_CAPS = 39.0


def layouts_of(group: list[TextBar], width_in_caps: float = 0.0) -> tuple[str, ...]:
    """Layouts a bar group may be, likeliest first: 3 lines are a TD1 card; 2 lines a TD3
    passport, or a card of 36 characters a line (TD2, or the old French card), which the
    lines' width in capital heights tells apart."""
    if len(group) == 3:
        return ("TD1",)
    if 0 < width_in_caps < CARD_WIDTH_IN_CAPS:
        return ("TD2", "CNI", "TD3")
    return ("TD3", "TD2", "CNI")


def read_glyphs(gray: np.ndarray, group: list[TextBar], scale: float) -> Iterator[GlyphReading]:
    """Read a bar group as OCR-B glyphs, once per layout it may be, likeliest first
    (a generator: the caller stops at a reading whose check digits hold)."""
    if not ocrb_glyphs.font_available() or len(group) not in (2, 3):
        return
    band, bars = _straight_band(gray, group, scale)
    ink = ocrb_glyphs.ink_image(band, 0.8 * GLYPH_LINE_HEIGHT)
    threshold, _ = cv2.threshold(ink.astype(np.uint8), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    ink_mask = ink > max(threshold, 20)
    found = [_line_rows(ink_mask, y, left, right) for y, left, right in bars]
    if any(f is None for f in found):
        return
    cap = int(np.median([bottom - top for top, bottom in found]))
    extents = [_line_extent(ink_mask, top, bottom, left, right, cap)
               for (top, bottom), (_, left, right) in zip(found, bars)]
    width_in_caps = float(np.median([b - a for a, b in extents])) / max(cap, 1)

    for layout in layouts_of(group, width_in_caps):
        count, alphabets = _LENGTHS[layout], mrz.position_alphabets(layout)

        def read_line(i: int, cap: int) -> tuple[ocrb_glyphs.CellReading, ...]:
            # MRZ lines are full and left-aligned: a neighbour's extent is a fair guess when
            # stray ink (a card edge, a stamp) stretched this line's.
            guesses = [extents[i]] + [e for j, e in enumerate(extents) if j != i]
            margin = int(ocrb_glyphs.TEMPLATE_PAD * cap) + max(3, cap // 5)
            top, bottom = found[i]
            x0 = max(0, min(e[0] for e in guesses) - 2 * cap)  # matching only where the line is
            x1 = max(e[1] for e in guesses) + 2 * cap
            strip = ink[max(0, top - margin):bottom + margin, x0:x1]
            shifted = [(a - x0, b - x0) for a, b in guesses]
            return tuple(ocrb_glyphs.read_cells(strip, count, shifted, cap, alphabets[i]))

        # Blur widens the measured ink rows: the true capital height is the one whose glyphs
        # fit the data line best. The fit rises as the height shrinks towards the true one
        # and falls past it: the search stops at the first fall.
        best_cap, best_line = cap, read_line(1, cap)
        best_fit = _fit(best_line)
        for smaller in range(cap - 1, max(6, cap - CAP_SHRINK_TRIALS) - 1, -1):
            line = read_line(1, smaller)
            fit = _fit(line)
            if fit <= best_fit:
                break
            best_cap, best_line, best_fit = smaller, line, fit
        lines = [best_line if i == 1 else read_line(i, best_cap) for i in range(len(found))]
        yield GlyphReading(layout, tuple(lines))


def ocr_mrz_lines(crop: np.ndarray, timeout: float = OCR_TIMEOUT_S) -> list[str]:
    """OCR a tight MRZ crop with the MRZ alphabet; lines as tesseract returns them."""
    with tempfile.TemporaryDirectory(prefix="mrz-") as tmp:
        path = Path(tmp) / "mrz.pgm"
        cv2.imwrite(str(path), crop)
        try:
            text = pytesseract.image_to_string(
                str(path), lang="eng", timeout=max(1, int(timeout)),
                config=f"--psm 6 -c tessedit_char_whitelist={MRZ_ALPHABET} -c load_system_dawg=0 -c load_freq_dawg=0",
            )
        except RuntimeError:  # pytesseract's timeout
            return []
    return [line.replace(" ", "") for line in text.splitlines() if line.strip()]


# Check digits each layout has (the old French card has no expiry date).
_CHECKS = {"TD1": 4, "TD2": 4, "TD3": 4, "CNI": 3}


def _code_fits(layout: str, first_line: str) -> bool:
    """A passport's MRZ opens with P (a misread P is some other letter, never a card's
    I, A or C), a card's with I, A or C; the old French card's with IDFRA."""
    if layout == "TD3":
        return first_line[:1] not in ("I", "A", "C")
    if layout == "CNI":
        return first_line.startswith("IDFRA")
    return first_line[:1] in ("I", "A", "C") and not (layout == "TD2" and first_line.startswith("IDFRA"))


def _score(lines: list[str]) -> tuple[int, int]:
    """How good a reading is: check digits that hold (-1: no MRZ at all; an implausible
    reading counts none), then fewest filler look-alikes glued to the names (a '<' read as K or X)."""
    record = mrz.parse_mrz(lines)
    if record is None:
        return -1, 0
    checks = record.checks_held if record.plausible else 0
    names = record.lines[2] if record.layout == "TD1" else record.lines[0][5:]
    names = names.rstrip("<KELCX")
    debris = len(re.findall(r"(?<=<)[KXCLE]|[KXCLE](?=<)", names)) + (0 if "<<" in names else 2)
    return checks, -debris


def _binarized(crop: np.ndarray) -> np.ndarray:
    blurred = cv2.GaussianBlur(crop, (3, 3), 0)
    _, binary = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return binary


def read_mrz(image: np.ndarray) -> list[str] | None:
    """Raw MRZ lines of the page image (BGR or gray), or None when there is none.

    Tries the likeliest bar groups. Each is read glyph by glyph against OCR-B first
    (see extractors/ocrb_glyphs.py); when that reading's check digits do not all hold,
    tesseract reads it too, as grey and binarized. The reading whose check digits hold
    best wins; the search stops at a group where all of them hold.
    """
    lines, score = read_scored(to_gray(image))
    return lines if score[0] >= 0 else None


def read_scored(gray: np.ndarray) -> tuple[list[str] | None, tuple[int, int]]:
    """`read_mrz` on a grey image, with the reading's score (see `_score`)."""
    best_lines, best_score = read_at(gray, WORK_WIDTH)
    # The bar detector is sized for MRZ lines of a passport page or a card photo; on a
    # large scan of a card the characters are too big for it at that width: a smaller one.
    if best_score[0] < 3 and gray.shape[1] >= 2 * WORK_WIDTH:
        lines, score = read_at(gray, WORK_WIDTH // 2)
        if score > best_score:
            best_lines, best_score = lines, score
    return best_lines, best_score


def read_at(gray: np.ndarray, work_width: int) -> tuple[list[str] | None, tuple[int, int]]:
    """The best reading of the bar groups found on a copy `work_width` pixels wide, and its score."""
    scale = work_width / gray.shape[1]
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    scale = min(scale, 1.0)
    # Readings rank by check digits, then filler debris, then how many characters the check
    # digits had to change: a glyph reading repaired into agreement (a print in another font
    # than OCR-B fits the templates loosely) loses to one whose digits hold as read.
    best_lines, best_key = None, (-1, 0, 0)
    for group in group_bars(find_text_bars(small))[:MAX_CANDIDATES]:
        for glyphs in read_glyphs(gray, group, scale):
            lines = mrz.choose_by_checks(glyphs.layout, glyphs.ranked_lines())
            # Check digits alone can be satisfied by a wrong layout's reading (substitutions
            # make up for it): the document code must also be the layout's.
            if not _code_fits(glyphs.layout, lines[0]):
                continue
            changed = sum(a != b for read, chosen in zip(glyphs.lines, lines) for a, b in zip(read, chosen))
            key = _score(lines) + (-changed,)
            if key > best_key:
                best_lines, best_key = lines, key
            if key[0] >= _CHECKS[glyphs.layout] - 1:
                break  # this layout fits: no other is worth reading
        if best_key[0] == 4 and best_key[2] == 0:
            break
        crop = crop_group(gray, group, scale)
        for variant in (crop, _binarized(crop)):
            lines = ocr_mrz_lines(variant)
            key = _score(lines) + (0,)
            if key > best_key:
                best_lines, best_key = lines, key
            if key[0] < 0 and sum(line.count("<") for line in lines) < 3:
                break  # ordinary text, not an MRZ: no second reading of it
        if best_key[0] == 4:
            break
    return best_lines, best_key[:2]

