"""The page as the reader saw it, drawn again for the review page's viewer.

Field boxes are relative to the page *as read*: after the EXIF turn, the perspective
warp of a phone photo (extractors/photo.py), the quarter turns and the deskew
(reading.ocr_image). The viewer shows that same image rather than the original with
the boxes mapped back: a box mapped through a perspective and a few degrees of skew
becomes a tilted quadrilateral, which an axis-aligned box can only cover with its
neighbours' lines; on the reader's image the box is exact by construction, and the
agent sees the page upright and flat.

Every step here is the reader's own function with the reader's recorded decision
(Page.rotation, Page.skew) or a deterministic one it takes again (the photo's warp):
no OCR. The quarter turns and the deskew are rotations about the page's centre, so
applying the total turn before the deskew lands every point where the reader's
order (first turn, deskew, later turns) put it."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from extractors import cleanup
from extractors.filetype import FileKind, sniff
from extractors.limits import Limits
from extractors.raster import load_frame, render_page


def reader_image(path: Path, index: int, rotation: int, skew: float, limits: Limits,
                 mirrored: bool = False) -> np.ndarray:
    """Page `index` (0-based) of the file, grey, as the OCR reader read it."""
    if sniff(path) == FileKind.pdf:
        gray, _ = render_page(path, path.name, index, limits)
    else:
        gray, _ = load_frame(path, path.name, index, limits)
    upright = cleanup.deskew(cleanup.rotate_quadrant(gray, rotation), skew)
    return cleanup.mirror(upright) if mirrored else upright
