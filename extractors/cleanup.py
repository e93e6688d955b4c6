"""Image clean-up before OCR, with OpenCV: grey, upright, deskewed, denoised.
Each step is cheap (work on a downscaled copy to estimate, apply once at full size)."""
from __future__ import annotations

import cv2
import numpy as np


def to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


SHARPNESS_SIDE = 1000  # px of the copy blur is measured on


def sharpness(gray: np.ndarray) -> float:
    """Variance of the Laplacian on a ~1000 px copy: low means blurred."""
    small = downscale(gray, SHARPNESS_SIDE)
    return float(cv2.Laplacian(small, cv2.CV_64F).var())


def rotate_quadrant(image: np.ndarray, degrees_clockwise: int) -> np.ndarray:
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    code = codes.get(degrees_clockwise % 360)
    return image if code is None else cv2.rotate(image, code)


def estimate_skew(gray: np.ndarray, max_angle: float = 5.0, step: float = 0.25) -> float:
    """Skew angle in degrees (positive = text rises to the right) by maximising the
    variance of the horizontal projection profile of dark pixels: text lines give
    sharp peaks only when they are horizontal."""
    small = downscale(gray, 800)
    _, binary = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if binary.mean() < 1.0:  # blank page
        return 0.0
    h, w = binary.shape
    center = (w / 2, h / 2)
    scores: dict[float, float] = {}

    def score(angle: float) -> float:
        if angle not in scores:
            m = cv2.getRotationMatrix2D(center, angle, 1.0)
            rotated = cv2.warpAffine(binary, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
            scores[angle] = float(np.var(rotated.sum(axis=1, dtype=np.float64)))
        return scores[angle]

    # Coarse, then fine around the best: the profile's peak is wider than the coarse step
    # (a text line at this size stays sharp over about a degree), so it is not missed, and
    # a page costs about half the rotations of a fine sweep.
    coarse = 2 * step
    grid = [round(float(a), 4) for a in np.arange(-max_angle, max_angle + coarse / 2, coarse)]
    best = max(grid, key=lambda a: (score(a), -abs(a)))
    fine = [round(best + d, 4) for d in (-step, step) if abs(best + d) <= max_angle + 1e-9]
    return max([best, *fine], key=lambda a: (score(a), -abs(a)))


# Text lines make the row profile of a page alternate sharply (lines, gaps) and its column
# profile smooth (letters average out); a page whose columns alternate several times more
# than its rows has its lines running down it. Measured on scans and photos (500 px copy,
# best of each over the skew angles): upright pages >= 1.0 (rows/columns), sideways ones
# <= 0.1. A card's little text says nothing.
SIDEWAYS_PROFILE_RATIO = 0.4
MIN_PROFILE_ENERGY = 0.5


def lines_run_down(gray: np.ndarray, max_angle: float = 5.0, step: float = 1.0) -> bool:
    """Whether the page's text lines run vertically (a page turned by a quarter). Each
    profile is taken at the small angles a scan is skewed by: a skew smears it."""
    small = downscale(gray, 500)  # lines stay apart at this size; a few ms a turn
    _, ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    h, w = ink.shape
    rows = columns = 0.0
    for angle in np.arange(-max_angle, max_angle + step / 2, step):
        m = cv2.getRotationMatrix2D((w / 2, h / 2), float(angle), 1.0)
        turned = cv2.warpAffine(ink, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
        rows = max(rows, _alternation(turned.sum(axis=1)))
        columns = max(columns, _alternation(turned.sum(axis=0)))
    return columns >= MIN_PROFILE_ENERGY and rows < SIDEWAYS_PROFILE_RATIO * columns


def _alternation(profile: np.ndarray) -> float:
    """Mean squared step of a profile scaled to mean 1: high when it alternates."""
    scaled = profile.astype(np.float64) / (float(profile.mean()) + 1e-9)
    return float(np.mean(np.diff(scaled) ** 2))


def mirror(image: np.ndarray) -> np.ndarray:
    """Flipped left to right."""
    return cv2.flip(image, 1)


def deskew(gray: np.ndarray, angle: float) -> np.ndarray:
    if abs(angle) < 0.3:
        return gray
    h, w = gray.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def is_noisy(gray: np.ndarray) -> bool:
    """Salt-and-pepper / sensor noise: a median filter changes many isolated pixels.
    Measured at full resolution on a central crop (a reduced copy averages the noise
    away). Tesseract can spend a minute on such a page that reads in a second denoised."""
    h, w = gray.shape[:2]
    crop = gray[h // 4: h // 4 + 800, w // 4: w // 4 + 800]
    diff = cv2.absdiff(crop, cv2.medianBlur(crop, 3))
    return float((diff > 40).mean()) > 0.05


def denoise(gray: np.ndarray) -> np.ndarray:
    return cv2.medianBlur(gray, 3)


# Pixels of the long side per pixel of blur: a guilloche's lines are finer than a
# stroke of the print at every resolution (3 px at 400 dpi, 1 at 150).
BACKGROUND_BLUR_PER = 2500
# The window of the local threshold, in blur widths: several characters wide.
BACKGROUND_WINDOW = 25
# How much darker than its surround a pixel must be to be ink.
BACKGROUND_MARGIN = 15


def flatten_background(gray: np.ndarray) -> np.ndarray:
    """Black ink on white: a textured or tinted background (an identity document's
    guilloche, a security print, a shadow) falls under a threshold taken against
    each pixel's surround, once a blur has melted lines finer than a stroke.
    Tesseract's global threshold keeps such a background as noise glued to the text."""
    sigma = max(1.0, max(gray.shape[:2]) / BACKGROUND_BLUR_PER)
    smooth = cv2.GaussianBlur(gray, (0, 0), sigma)
    window = int(BACKGROUND_WINDOW * sigma) | 1
    return cv2.adaptiveThreshold(smooth, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY,
                                 window, BACKGROUND_MARGIN)


def upscale(gray: np.ndarray, factor: float) -> np.ndarray:
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


def downscale(gray: np.ndarray, target: int) -> np.ndarray:
    h, w = gray.shape[:2]
    scale = target / max(h, w)
    if scale >= 1:
        return gray
    # A thread-thin page keeps a column of pixels (OpenCV refuses a size of 0).
    return cv2.resize(gray, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)


def remove_rules(gray: np.ndarray) -> np.ndarray:
    """Erase the ruling lines of tables and frames: tesseract reads them as |, [ or
    stray letters glued to the words beside them. (At full size: on a reduced copy,
    the letters of a line merge into bars that look like rules.)"""
    # Rules are often printed light grey: a local threshold catches them where Otsu does not.
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 10)
    h, w = gray.shape[:2]
    # Kernels longer than the tallest letters: large bold titles and names keep their stems.
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(60, w // 20), 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(60, h // 12))))
    rules = cv2.bitwise_or(horizontal, vertical)
    if not rules.any():
        return gray
    # Inside a dark band (a heading printed white on black), the threshold finds the band's rows
    # between its letters' rows, which read as rules: erased, they cut the letters to pieces.
    rules[_dark_areas(gray) > 0] = 0
    cleaned = gray.copy()
    cleaned[cv2.dilate(rules, np.ones((3, 3), np.uint8)) > 0] = 255
    return cleaned


def _dark_areas(gray: np.ndarray) -> np.ndarray:
    """Heading bands: areas of the page mostly ink around their light letters, no taller than a
    few lines and clear of the image's edges (a photo's table or a scanner's lid around the sheet
    is no band: a card's edge against it is a rule to erase). Text, even bold, and rules are too
    thin to fill a window with ink; the mask reaches a few pixels past a band's edge, where its rim
    is. (A box filter on every other pixel: a morphological closing of the page would cost as much
    as the rest of the clean-up.)"""
    h, w = gray.shape[:2]
    half = cv2.resize(gray, (max(1, w // 2), max(1, h // 2)), interpolation=cv2.INTER_NEAREST)
    _, dark = cv2.threshold(half, 109, 255, cv2.THRESH_BINARY_INV)
    window = BAND_WINDOW // 2
    _, half = cv2.threshold(cv2.blur(dark, (window, window)), int(BAND_MIN_INK * 255), 255, cv2.THRESH_BINARY)
    if not cv2.countNonZero(half):
        return np.zeros((h, w), np.uint8)
    sh, sw = half.shape[:2]
    _, labels, stats, _ = cv2.connectedComponentsWithStats(half)
    x, y, bw, bh = (stats[:, k] for k in range(4))
    band = ((x > 0) & (y > 0) & (x + bw < sw) & (y + bh < sh) & (bh <= BAND_MAX_HEIGHT * sh)
            & (bw >= BAND_MIN_WIDTH * sw))
    band[0] = False  # the background
    if not band.any():
        return np.zeros((h, w), np.uint8)
    mask = cv2.resize(band[labels].astype(np.uint8), (w, h), interpolation=cv2.INTER_NEAREST)
    return cv2.dilate(mask, np.ones((BAND_WINDOW // 2, BAND_WINDOW // 2), np.uint8))


BAND_WINDOW = 21  # pixels: wider than a letter's stroke, a line of text never fills it
BAND_MAX_HEIGHT = 0.1  # of the page: a heading band holds a line or two
BAND_MIN_WIDTH = 0.15  # of the page: wider than any word
BAND_MIN_INK = 0.6
