"""Finding an MRZ whatever the way the document was photographed or scanned.

`mrz_reader.read_mrz` looks for the zone's long horizontal bars on the page as it is,
on a copy WORK_WIDTH pixels wide. A passport photographed sideways, a card scanned
upside down, a 300-pixel web image or a close-up whose characters are too big for the
detector's kernels defeat it. This second look runs only on identity-looking pages
where the first read found no zone whose check digits hold (the caller decides), so
ordinary pages pay nothing:

- a small image is enlarged so the zone's capitals reach a readable height;
- the page is looked at by each quarter turn and at coarser working copies (the bar
  detector's kernels are fixed in pixels: a coarser copy suits larger print); the
  detector says in a few milliseconds whether a view shows stacked MRZ-shaped lines
  at all, and only those views are read (glyph reader and tesseract, check digits
  choosing), at most MAX_READS of them;
- the first reading whose check digits hold wins, with the turn that makes it upright.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from extractors import mrz
from extractors.cleanup import rotate_quadrant, to_gray
from extractors.mrz_reader import (
    WORK_WIDTH,
    find_text_bars,
    group_bars,
    read_at,
    read_scored,
)

# Below this width a page is enlarged before the search: a passport MRZ across a 400 px
# web image has capitals 5-6 px tall, under what the bar detector and the glyphs need.
MAX_SEARCH_PIXELS = 16_000_000  # an enlarged view stays a few tens of MB
MIN_SEARCH_WIDTH = 1000
# Views tried after the first read, likeliest first: (clockwise turn, working width). Upside
# down is the commonest mistake of a scanner feed, then the two sideways phone holds; a
# coarser copy comes after the turns at the usual width.
_COARSE = WORK_WIDTH * 2 // 3
VIEWS = ((0, _COARSE), (180, WORK_WIDTH), (90, WORK_WIDTH), (270, WORK_WIDTH),
         (180, _COARSE), (90, _COARSE), (270, _COARSE), (0, WORK_WIDTH // 2))
# Views actually read (those showing bar groups) per page: a card's front, which has no
# MRZ but may show stacked lines, costs a bounded time.
MAX_READS = 4


@dataclass(frozen=True)
class MrzFind:
    lines: list[str] | None  # raw lines, as mrz_reader returns them
    turn: int  # clockwise quarter turn that makes the zone upright (0 when none found)
    valid: bool  # the check digits hold (a reading the class and the fields may trust)


class PageMrzReadings:
    """What the MRZ reader made of the images of one page, each image and view read once:
    the reader looks at the same page for its orientation, then again for its zone. (By
    identity: an image is never changed in place once read.)"""

    def __init__(self) -> None:
        self._memo: list[tuple[str, np.ndarray, object, Any]] = []

    def _once(self, kind: str, image: np.ndarray, arg: object, compute: Callable[[], Any]) -> Any:
        # Keyed by identity; holding the image keeps its identity from being reused.
        for done_kind, done_image, done_arg, value in self._memo:
            if done_kind == kind and done_image is image and done_arg == arg:
                return value
        value = compute()
        self._memo.append((kind, image, arg, value))
        return value

    def scored(self, gray: np.ndarray) -> tuple[list[str] | None, tuple[int, int]]:
        return self._once("scored", gray, None, lambda: read_scored(gray))

    def view(self, gray: np.ndarray, turn: int) -> np.ndarray:
        """The page turned and enlarged for the search (`enlarged`)."""
        return self._once("view", gray, turn, lambda: enlarged(rotate_quadrant(gray, turn)))

    def read_at(self, view: np.ndarray, width: int) -> tuple[list[str] | None, tuple[int, int]]:
        return self._once("read_at", view, width, lambda: read_at(view, width))

    def lines(self, image: np.ndarray) -> list[str] | None:
        """As `mrz_reader.read_mrz`."""
        lines, score = self.scored(to_gray(image))
        return lines if score[0] >= 0 else None


def valid_reading(lines: list[str] | None) -> bool:
    """All but one of the check digits hold on a plausible record."""
    record = mrz.parse_mrz(lines) if lines else None
    return record is not None and record.plausible and record.checks_held >= 3


def enlarged(gray: np.ndarray) -> np.ndarray:
    """The page at least MIN_SEARCH_WIDTH wide along its MRZ lines (cubic: keeps stroke edges),
    never past MAX_SEARCH_PIXELS: a narrow strip of a page is no small card to blow up."""
    height, width = gray.shape[:2]
    factor = min(MIN_SEARCH_WIDTH / width, (MAX_SEARCH_PIXELS / (width * height)) ** 0.5)
    if factor <= 1:
        return gray
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


def has_bar_groups(gray: np.ndarray, work_width: int) -> bool:
    """Whether a view shows stacked long bars at all: a few ms on the reduced copy."""
    scale = min(1.0, work_width / gray.shape[1])
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    return bool(group_bars(find_text_bars(small)))


def find_mrz(image: np.ndarray, *others: np.ndarray, upright: bool = False,
             readings: PageMrzReadings | None = None) -> MrzFind:
    """The MRZ of a page at any quarter turn and size. The page as it stands is read first,
    then `others` (other copies of it, e.g. without the contrast boost OCR used), then the
    views of the last copy; only those the right way up when the caller knows the page is
    (`upright`: OCR read it well). `readings`: what the caller already read of these copies."""
    readings = readings or PageMrzReadings()
    first, score = None, (-1, 0)
    for copy in (image, *others):
        gray = to_gray(copy)
        lines, copy_score = readings.scored(gray)
        if valid_reading(lines):
            return MrzFind(lines, 0, True)
        if copy_score > score:
            first, score = lines, copy_score
    best = MrzFind(first, 0, False)
    gray = to_gray(others[-1] if others else image)
    small = gray.shape[1] < MIN_SEARCH_WIDTH
    views = ((0, WORK_WIDTH),) + VIEWS if small else VIEWS  # a small page: enlarged, as it stands, first
    record = mrz.parse_mrz(first) if first else None
    if upright or record is not None and record.plausible and record.checks_held:
        # The zone was found the right way up (its code, names and a check read): turning the
        # page cannot help, another working size may.
        views = tuple(v for v in views if v[0] == 0)
    reads = 0
    for turn, width in views:
        view = readings.view(gray, turn)
        if width >= view.shape[1] and width != WORK_WIDTH or not has_bar_groups(view, width):
            continue  # no coarser copy of a page this small; no MRZ-shaped lines this way
        lines, _ = readings.read_at(view, width)
        if valid_reading(lines):
            return MrzFind(lines, turn, True)
        if turn == 0 and best.lines is None and lines:
            best = MrzFind(lines, 0, False)  # a partial reading of the page as it stands, to flag
        reads += 1
        if reads >= MAX_READS:
            break
    return best
