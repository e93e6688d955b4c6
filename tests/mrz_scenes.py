"""Synthetic photographs and scans of an MRZ for the reader's tests: a page with some
printed text and the zone, in a chosen monospace font and size, then turned, warped,
blurred, shrunk and JPEG-compressed. Nothing here comes from a real document."""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONTS = {
    "ocrb": "/usr/share/fonts/opentype/ocr-b/OCRB.otf",
    "dejavu_mono": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "liberation_mono": "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "dejavu_mono_bold": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
}


def font_path(name: str) -> str | None:
    path = FONTS[name]
    return path if Path(path).is_file() else None


@dataclass
class Scene:
    font: str = "ocrb"
    cap_px: int = 22  # capital height of the MRZ print on the page as rendered
    rotation: float = 0.0  # degrees, counter-clockwise
    perspective: float = 0.0  # share of the width the top corners move inwards
    blur: float = 0.0  # Gaussian sigma after warping
    height: int | None = None  # final image height (a small web image), None: as rendered
    jpeg: int | None = None  # JPEG quality
    noise: float = 0.0
    seed: int = 0


def render_page(lines: list[str], scene: Scene) -> np.ndarray:
    """A light document with a few lines of ordinary print above the MRZ."""
    rng = random.Random(scene.seed)
    font = ImageFont.truetype(font_path(scene.font), 10)
    bbox = font.getbbox("H")
    size = max(6, round(10 * scene.cap_px / (bbox[3] - bbox[1])))
    font = ImageFont.truetype(font_path(scene.font), size)
    pitch = font.getlength("H") * (1.0 if scene.font == "ocrb" else 1.05)
    width = int(pitch * len(lines[0]) + 6 * scene.cap_px)
    body_font = ImageFont.truetype(FONTS["dejavu_mono"] if font_path("dejavu_mono") else font_path(scene.font),
                                   max(6, size // 2))
    height = int(width * 0.7)
    image = Image.new("L", (width, height), rng.randint(215, 245))
    draw = ImageDraw.Draw(image)
    y = int(0.08 * height)
    for text in ("REPUBLIC OF UTOPIA  PASSPORT", "Surname / Nom", "Given names / Prenoms", "Date of birth 12 AUG 1974"):
        draw.text((3 * scene.cap_px, y), text, fill=rng.randint(20, 70), font=body_font)
        y += int(1.6 * size)
    top = height - int(2.2 * scene.cap_px * len(lines)) - 2 * scene.cap_px
    ink = rng.randint(0, 40)
    for i, line in enumerate(lines):
        for k, char in enumerate(line):
            draw.text((3 * scene.cap_px + k * pitch, top + i * 2.0 * scene.cap_px), char, fill=ink, font=font)
    return np.asarray(image)


def photograph(page: np.ndarray, scene: Scene) -> np.ndarray:
    """The page on a darker table, turned, in perspective, blurred, resized, compressed."""
    rng = np.random.default_rng(scene.seed)
    h, w = page.shape
    pad = int(0.15 * max(h, w))
    canvas = np.full((h + 2 * pad, w + 2 * pad), 90, np.uint8)
    canvas[pad:pad + h, pad:pad + w] = page
    src = np.float32([[pad, pad], [pad + w, pad], [pad + w, pad + h], [pad, pad + h]])
    dx = scene.perspective * w
    dst = src + np.float32([[dx, 0], [-dx, 0], [0, 0], [0, 0]])
    warp = cv2.getPerspectiveTransform(src, dst)
    image = cv2.warpPerspective(canvas, warp, canvas.shape[::-1], borderValue=90)
    if scene.rotation:
        ch, cw = image.shape
        matrix = cv2.getRotationMatrix2D((cw / 2, ch / 2), scene.rotation, 1.0)
        cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
        nw, nh = int(ch * sin + cw * cos), int(ch * cos + cw * sin)
        matrix[0, 2] += nw / 2 - cw / 2
        matrix[1, 2] += nh / 2 - ch / 2
        image = cv2.warpAffine(image, matrix, (nw, nh), borderValue=90)
    if scene.blur:
        image = cv2.GaussianBlur(image, (0, 0), scene.blur)
    if scene.noise:
        image = np.clip(image + rng.normal(0, scene.noise, image.shape), 0, 255).astype(np.uint8)
    if scene.height:
        factor = scene.height / image.shape[0]
        image = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    if scene.jpeg:
        _, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, scene.jpeg])
        image = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)
    return image


def scene_image(lines: list[str], scene: Scene) -> np.ndarray:
    return photograph(render_page(lines, scene), scene)
