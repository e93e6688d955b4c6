"""Phone photos of documents (issue 9, point 1): find the page in the frame, undo the
perspective, flatten the light, so that the usual clean-up and OCR see a scan-like page.

The geometry is found on a reduced copy (WORK_SIDE pixels on the long side); the full image
is warped once. A flat scan or a rendered page is recognised on a strided sample in a few
milliseconds and returned untouched. (Called before EXIF orientation is applied: a photo stored
sideways looks wide and is left as it is.)"""
from __future__ import annotations

import cv2
import numpy as np

WORK_SIDE = 640
# A photo: the frame's border is darker than the paper (a table around the page) ...
BORDER_DARKER = 0.82
# ... or the paper's own light varies this much across the frame (ratio of bright to dim paper).
GRADIENT_RATIO = 1.3
MIN_PAGE_SHARE = 0.2  # a page smaller than this share of the frame is not what was photographed
# Ink outside the found page beyond this share of the frame: several objects were photographed
# (two faces of a card side by side); the frame is left as it is.
MAX_INK_OUTSIDE = 0.004
MIN_OUTPUT_SIDE = 1600  # a small photo is enlarged so body text reaches tesseract's comfortable size


def prepare(gray: np.ndarray) -> np.ndarray:
    """The page of a photographed document, fronto-parallel and evenly lit; any other image
    unchanged."""
    if gray.ndim != 2 or min(gray.shape) < 200:
        return gray
    # the test runs on a strided sample (a millisecond even for a large scan); the geometry
    # is then found on a properly reduced copy
    step = max(1, -(-max(gray.shape) // WORK_SIDE))
    if not looks_photographed(np.ascontiguousarray(gray[::step, ::step])):
        return gray
    small, scale = reduced(gray)
    quad = find_page(small)
    if quad is not None and (ink_outside(small, quad) > MAX_INK_OUTSIDE or landscape(quad)):
        return gray
    if quad is None:
        quad = text_quad(small)  # holds every line of print by construction
        if quad is not None and landscape(quad):
            return gray  # a card's print, or too little text to tell
    if quad is None:
        return flatten_light(gray)
    return flatten_light(warp(gray, quad / scale))


def landscape(quad: np.ndarray) -> bool:
    """Identity cards and passports are photographed lying wide; their reading (MRZ, card
    zoom) is tuned to the photo as it is, and measured worse on a rectified, flattened copy.
    A4 pages stand upright."""
    tl, tr, br, bl = quad
    return np.linalg.norm(tr - tl) + np.linalg.norm(br - bl) > np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)


def reduced(gray: np.ndarray) -> tuple[np.ndarray, float]:
    h, w = gray.shape[:2]
    scale = min(1.0, WORK_SIDE / max(h, w))
    if scale == 1.0:
        return gray, 1.0
    return cv2.resize(gray, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA), scale


def _paper(small: np.ndarray) -> np.ndarray:
    """The light falling on the paper: dark print closed away, then smoothed."""
    k = max(3, min(small.shape) // 25) | 1
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    return cv2.GaussianBlur(closed, (0, 0), k)


def looks_photographed(small: np.ndarray) -> bool:
    """A dark surround (a table or cloth around the page) or uneven light on the paper."""
    h, w = small.shape
    ring = max(2, min(h, w) // 40)
    border = np.concatenate([small[:ring].ravel(), small[-ring:].ravel(), small[:, :ring].ravel(),
                             small[:, -ring:].ravel()])
    centre = small[h // 4: 3 * h // 4, w // 4: 3 * w // 4]
    paper_level = float(np.percentile(centre, 90))
    if paper_level < 40:  # a dark image, not a page
        return False
    if float(np.median(border)) < BORDER_DARKER * paper_level:
        return True
    # light varies slowly: a copy a quarter the size shows it and costs nothing
    tiny = cv2.resize(small, (max(1, w // 4), max(1, h // 4)), interpolation=cv2.INTER_AREA)
    th, tw = tiny.shape
    light = _paper(tiny)[th // 8: 7 * th // 8, tw // 8: 7 * tw // 8]
    dim, bright = np.percentile(light, (25, 95))
    return float(bright) > GRADIENT_RATIO * max(1.0, float(dim))


def order_corners(points: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left (a page turned less than 45°)."""
    pts = points.reshape(-1, 2).astype(np.float32)
    s, d = pts.sum(axis=1), pts[:, 0] - pts[:, 1]
    return np.array([pts[np.argmin(s)], pts[np.argmax(d)], pts[np.argmax(s)], pts[np.argmin(d)]], dtype=np.float32)


def _quad_of(contour: np.ndarray) -> np.ndarray | None:
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for eps in (0.02, 0.03, 0.05):
        approx = cv2.approxPolyDP(hull, eps * perimeter, True)
        if len(approx) == 4:
            return order_corners(approx)
    return order_corners(hull)  # a clipped or curled corner: the extreme points


def _on_frame_edge(quad: np.ndarray, shape: tuple[int, int]) -> int:
    h, w = shape
    x, y = quad[:, 0], quad[:, 1]
    return int(np.count_nonzero((x <= 2) | (y <= 2) | (x >= w - 3) | (y >= h - 3)))


def plausible(quad: np.ndarray, shape: tuple[int, int]) -> bool:
    """Four distinct corners, a page-sized area, angles not far from square."""
    area = cv2.contourArea(quad)
    if area < MIN_PAGE_SHARE * shape[0] * shape[1] or area > 0.995 * shape[0] * shape[1]:
        return False
    for i in range(4):
        a, b, c = quad[i - 1], quad[i], quad[(i + 1) % 4]
        u, v = a - b, c - b
        cos = float(np.dot(u, v) / max(1e-6, np.linalg.norm(u) * np.linalg.norm(v)))
        if abs(cos) > 0.35:  # beyond 70°-110°
            return False
    return True


def _scaled(quad: np.ndarray, factor: float) -> np.ndarray:
    centre = quad.mean(axis=0)
    return (centre + (quad - centre) * factor).astype(np.int32)


def brighter_than_surround(paperish: np.ndarray, quad: np.ndarray) -> bool:
    """Paper lies on something darker: a shaded box or a photo printed on a scanned page
    is darker than the paper around it, and is never taken for the page."""
    inside, ring = np.zeros(paperish.shape, np.uint8), np.zeros(paperish.shape, np.uint8)
    cv2.fillConvexPoly(inside, _scaled(quad, 0.9), 255)
    cv2.fillConvexPoly(ring, _scaled(quad, 1.08), 255)
    cv2.fillConvexPoly(ring, _scaled(quad, 1.02), 0)
    if not ring.any():
        return False
    return float(np.median(paperish[inside > 0])) > float(np.median(paperish[ring > 0])) + 15


def find_page(small: np.ndarray) -> np.ndarray | None:
    """The page's four corners from its outline: paper brighter than its surround (Otsu on
    the print-free copy), else the strongest closed edge."""
    paperish = cv2.morphologyEx(cv2.GaussianBlur(small, (5, 5), 0), cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    _, bright = cv2.threshold(paperish, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # high thresholds: a page edge is a sharp step, a shadow band's edge a soft slope
    edges = cv2.dilate(cv2.Canny(paperish, 50, 150), np.ones((3, 3), np.uint8))
    found = []
    for mask in (bright, edges):
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
            quad = _quad_of(contour)
            # an outline along the frame's edges is the bright half of uneven light, not a page
            if plausible(quad, small.shape) and _on_frame_edge(quad, small.shape) < 2 \
                    and brighter_than_surround(paperish, quad):
                found.append(quad)
    # a shadow band cuts the bright region short; the page's sharp outline is the largest
    return max(found, key=cv2.contourArea) if found else None


def ink_mask(small: np.ndarray) -> np.ndarray:
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 12)
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))


def text_quad(small: np.ndarray) -> np.ndarray | None:
    """When the page's edges are not in the frame: the outline of the text block (its lines
    joined), widened by a margin. Keeps the turn and most of the keystone."""
    lines = cv2.dilate(ink_mask(small), cv2.getStructuringElement(cv2.MORPH_RECT, (15, 3)))
    contours, _ = cv2.findContours(lines, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    h, w = small.shape
    kept = [c for c in contours if cv2.contourArea(c) > 0.0005 * h * w]
    if len(kept) < 5:
        return None
    quad = order_corners(cv2.convexHull(np.concatenate(kept)))
    centre = quad.mean(axis=0)
    quad = centre + (quad - centre) * 1.06
    quad[:, 0] = np.clip(quad[:, 0], 0, w - 1)
    quad[:, 1] = np.clip(quad[:, 1], 0, h - 1)
    return quad if plausible(quad, small.shape) and _mild_keystone(quad) else None


def _mild_keystone(quad: np.ndarray) -> bool:
    """A block of text seen by a hand-held camera: opposite sides within 15 % of each other.
    Beyond, the hull follows the print (a panel, a short last line), not the perspective."""
    sides = [float(np.linalg.norm(quad[(i + 1) % 4] - quad[i])) for i in range(4)]
    return min(sides[0], sides[2]) >= 0.85 * max(sides[0], sides[2]) and \
        min(sides[1], sides[3]) >= 0.85 * max(sides[1], sides[3])


def ink_outside(small: np.ndarray, quad: np.ndarray) -> float:
    """Share of the frame holding lines of print outside the page (another document beside
    it); the grain of a table or a cloth makes specks, not lines."""
    outside = np.full(small.shape, 255, np.uint8)
    cv2.fillConvexPoly(outside, _scaled(quad, 1.04), 0)
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 30)
    lines = cv2.morphologyEx(cv2.dilate(ink, np.ones((3, 5), np.uint8)), cv2.MORPH_OPEN, np.ones((1, 15), np.uint8))
    return float(np.count_nonzero(lines & outside)) / ink.size


def warp(gray: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The full image warped once so that the quadrilateral fills a rectangle of its size."""
    tl, tr, br, bl = quad
    width = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    height = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    grow = max(1.0, MIN_OUTPUT_SIDE / max(width, height))
    w, h = int(round(width * grow)), int(round(height * grow))
    target = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    flags = cv2.INTER_CUBIC if grow > 1 else cv2.INTER_LINEAR
    return cv2.warpPerspective(gray, matrix, (w, h), flags=flags, borderMode=cv2.BORDER_REPLICATE)


def flatten_light(gray: np.ndarray) -> np.ndarray:
    """Divide by the paper's light (estimated on a quarter-size copy): shadows, gradients and
    glare become even white paper; then stretch so the darkest print is black again."""
    h, w = gray.shape
    quarter = cv2.resize(gray, (max(1, w // 4), max(1, h // 4)), interpolation=cv2.INTER_AREA)
    k = max(5, min(quarter.shape) // 20) | 1  # wider than the thickest print
    light = cv2.morphologyEx(quarter, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    light = cv2.GaussianBlur(light, (0, 0), k / 2)
    light = cv2.resize(light, (w, h), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(gray, np.maximum(light, 1), scale=255)
    low = float(np.percentile(reduced(flat)[0], 0.5))
    if low >= 200:
        return flat
    levels = np.clip((np.arange(256, dtype=np.float32) - low) * 255.0 / (255 - low), 0, 255).astype(np.uint8)
    return cv2.LUT(flat, levels)
