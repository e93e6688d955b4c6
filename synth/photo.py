"""Phone photos of A4 pages (issue 9, point 5): the page lies on a table or a cloth, the camera
is tilted (perspective), the light is uneven (gradient, a shadow band, a glare patch, low light),
the paper curls a little and the picture is slightly blurred. Everything stays readable by a
person: the page fills most of the frame and the damage is mild."""
from __future__ import annotations

import random

import cv2
import numpy as np
from PIL import Image

# The page's long side in the photo, in pixels: about 160-220 dpi for an A4 page, as a phone gives.
PAGE_LONG_PX = (1900, 2600)
PAGE_FILL = (0.62, 0.84)  # share of the frame's long side the page's long side takes
BACKGROUNDS = ((150, 150, 150), (120, 95, 70), (176, 170, 160), (70, 80, 95), (95, 60, 45), (60, 70, 60))


def _np_rng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(2**32))


def background(width: int, height: int, rng: random.Random) -> np.ndarray:
    """A table (wood grain) or a cloth (a fine weave), RGB uint8."""
    base = np.array(rng.choice(BACKGROUNDS), dtype=np.float32)
    noise = _np_rng(rng).normal(0, 10, (height // 24 + 2, width // 24 + 2)).astype(np.float32)
    texture = cv2.resize(noise, (width, height), interpolation=cv2.INTER_CUBIC)
    if rng.random() < 0.5:  # wood: long stripes along one axis
        stripes = np.sin(np.arange(height, dtype=np.float32) / rng.uniform(9, 25)) * 9
        texture += stripes[:, None]
    else:  # cloth: a weave a few pixels wide
        period = rng.uniform(3.5, 6)
        texture += np.outer(np.sin(np.arange(height, dtype=np.float32) / period),
                            np.sin(np.arange(width, dtype=np.float32) / period)) * 7
    # OpenCV's per-channel arithmetic: several times faster than numpy's broadcasting here
    return cv2.convertScaleAbs(cv2.merge([texture + float(c) for c in base]))


def curl(page: np.ndarray, rng: random.Random) -> np.ndarray:
    """A page lifted at its corners: lines bend, most near the top and bottom edges."""
    h, w = page.shape[:2]
    amplitude = rng.uniform(0.003, 0.010) * h
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    bend = ((2 * xx / w - 1) ** 2) * ((2 * yy / h - 1))
    return cv2.remap(page, xx, yy - amplitude * bend, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _page_quad(w: int, h: int, frame_w: int, frame_h: int, rng: random.Random) -> tuple[np.ndarray, float]:
    """Where the page's corners land in the frame: turned, shifted, and foreshortened
    (the camera leans towards one edge, so that edge is shorter)."""
    angle = rng.uniform(-9, 9)
    cx = frame_w / 2 + rng.uniform(-0.04, 0.04) * frame_w
    cy = frame_h / 2 + rng.uniform(-0.03, 0.03) * frame_h
    corners = np.array([[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]], dtype=np.float32)
    lean = rng.uniform(0.0, 0.14)  # the far edge is up to 14 % shorter
    far = rng.choice((0, 1, 2, 3))  # top, right, bottom, left
    edge = [(0, 1), (1, 2), (2, 3), (3, 0)][far]
    for i in edge:
        other = corners[(i + 2) % 4]
        corners[i] = corners[i] + (other - corners[i]) * lean / 2 * np.array([1, 0] if far in (0, 2) else [0, 1])
    corners += np.array([[rng.uniform(-0.012, 0.012) * w, rng.uniform(-0.012, 0.012) * h] for _ in range(4)],
                        dtype=np.float32)
    t = np.deg2rad(angle)
    rot = np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]], dtype=np.float32)
    return corners @ rot.T + np.array([cx, cy], dtype=np.float32), angle


def light_map(width: int, height: int, rng: random.Random, tags: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Multiplicative light (gradient, a shadow band, low light) and a glare share (blend
    towards white), both float32 of the frame's size. Light varies slowly: drawn on a grid
    eight times coarser, then enlarged."""
    full = (width, height)
    width, height = width // 8 + 1, height // 8 + 1
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    theta = rng.uniform(0, 2 * np.pi)
    along = (xx * np.cos(theta) + yy * np.sin(theta))
    along = (along - along.min()) / max(1.0, float(along.max() - along.min()))
    low, high = rng.uniform(0.62, 0.85), rng.uniform(0.95, 1.05)
    light = low + (high - low) * along
    tags.append("light:gradient")
    if rng.random() < 0.4:  # the shadow of the phone or of a hand across the page
        phi = rng.uniform(0, np.pi)
        offset = rng.uniform(-0.3, 0.3) * min(width, height)
        distance = (xx - width / 2) * np.cos(phi) + (yy - height / 2) * np.sin(phi) - offset
        half = rng.uniform(0.05, 0.10) * min(width, height)
        soft = 0.04 * min(width, height)
        inside = np.clip((half - np.abs(distance)) / soft + 0.5, 0, 1)
        light *= 1 - rng.uniform(0.22, 0.38) * inside
        tags.append("light:shadow")
    if rng.random() < 0.3:
        light *= rng.uniform(0.55, 0.72)
        tags.append("light:low")
    glare = np.zeros_like(light)
    if rng.random() < 0.3:  # a lamp's reflection on glossy paper
        gx, gy = rng.uniform(0.3, 0.7) * width, rng.uniform(0.25, 0.75) * height
        radius = rng.uniform(0.07, 0.13) * min(width, height)
        glare = rng.uniform(0.3, 0.45) * np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * radius ** 2))
        tags.append("light:glare")
    return (cv2.resize(light.astype(np.float32), full, interpolation=cv2.INTER_LINEAR),
            cv2.resize(glare.astype(np.float32), full, interpolation=cv2.INTER_LINEAR))


def shade(frame: np.ndarray, rng: random.Random, tags: list[str]) -> np.ndarray:
    """Uneven light on an RGB frame (float32 out)."""
    h, w = frame.shape[:2]
    light, glare = light_map(w, h, rng, tags)
    frame = cv2.multiply(frame.astype(np.float32), cv2.merge((light, light, light)))
    if glare.any():
        frame += cv2.multiply(255 - frame, cv2.merge((glare, glare, glare)))
    return frame


def relight(frame: np.ndarray, rng: random.Random, tags: list[str]) -> np.ndarray:
    """Mild blur, uneven light and sensor noise on an RGB uint8 frame. (Blurring before the
    light changes nothing visible, the light varies slowly, and costs a quarter in uint8.)"""
    sigma = rng.uniform(0.6, 1.4)
    frame = shade(cv2.GaussianBlur(frame, (0, 0), sigma), rng, tags)
    if sigma > 1.1:
        tags.append("photo:blur")
    noise_sigma = rng.uniform(5, 8) if "light:low" in tags else rng.uniform(2, 4)
    noise = _np_rng(rng).standard_normal(frame.shape[:2], dtype=np.float32) * noise_sigma
    # saturating conversion; a dark pixel pushed below 0 by the noise comes back as its absolute value
    return cv2.convertScaleAbs(frame + cv2.merge((noise, noise, noise)))


def photograph_page(page: Image.Image, rng: random.Random) -> tuple[Image.Image, list[str]]:
    """A phone photo of one A4 page rendered (RGB) at a resolution above the photo's."""
    tags = ["photo:page"]
    tint = rng.choice(((252, 250, 244), (247, 247, 247), (250, 246, 236)))
    paper = (np.asarray(page.convert("RGB")) * (np.array(tint, np.float32) / 255)).astype(np.uint8)
    if rng.random() < 0.6:
        paper = curl(paper, rng)
        tags.append("photo:curl")
    long_px = rng.uniform(*PAGE_LONG_PX)
    frame_long = int(long_px / rng.uniform(*PAGE_FILL))
    # a 4:3 phone sensor, held upright for an upright page, sideways for a landscape one
    frame_w, frame_h = (frame_long, frame_long * 3 // 4) if paper.shape[1] > paper.shape[0] \
        else (frame_long * 3 // 4, frame_long)
    scale = long_px / max(paper.shape[:2])
    w, h = paper.shape[1] * scale, paper.shape[0] * scale
    quad, angle = _page_quad(w, h, frame_w, frame_h, rng)
    src = np.array([[0, 0], [paper.shape[1], 0], [paper.shape[1], paper.shape[0]], [0, paper.shape[0]]],
                   dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, quad)
    warped = cv2.warpPerspective(paper, matrix, (frame_w, frame_h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones(paper.shape[:2], np.float32), matrix, (frame_w, frame_h),
                               flags=cv2.INTER_LINEAR)
    frame = background(frame_w, frame_h, rng)
    # a soft shadow under the page's edges, then the page
    drop = cv2.GaussianBlur(np.roll(mask, (12, 8), axis=(0, 1)), (0, 0), 10)
    frame = cv2.blendLinear(frame, np.zeros_like(frame), 1 - 0.35 * drop, 0.35 * drop)
    frame = cv2.blendLinear(warped, frame, mask, 1 - mask)
    tags.append(f"tilt:{angle:+.0f}")
    return Image.fromarray(relight(frame, rng, tags), "RGB"), tags
