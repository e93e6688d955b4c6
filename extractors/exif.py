"""EXIF orientation of camera JPEGs: phones store the pixels as the sensor saw them and
record in a tag how to turn them for display. A reader that ignores the tag reads a
portrait photo sideways."""
from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PIL import Image

ORIENTATION_TAG = 0x0112
# Tag value -> (mirror left-right first, then clockwise quarter turn), as EXIF 2.3 defines.
_TRANSFORMS = {2: (True, 0), 3: (False, 180), 4: (True, 180), 5: (True, 270), 6: (False, 90),
               7: (True, 90), 8: (False, 270)}
_ROTATE = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}


def orientation(path: Path) -> int:
    """The EXIF orientation tag of an image file (1, upright, when absent or unreadable)."""
    try:
        with Image.open(path) as im:
            value = im.getexif().get(ORIENTATION_TAG, 1)
    except (OSError, SyntaxError, ValueError):
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def upright(pixels: np.ndarray, tag: int) -> np.ndarray:
    """The pixels turned as the orientation tag says they are displayed."""
    mirror, turn = _TRANSFORMS.get(tag, (False, 0))
    if mirror:
        pixels = cv2.flip(pixels, 1)
    return cv2.rotate(pixels, _ROTATE[turn]) if turn else pixels
