"""Turn clean rasters into flatbed scans, photocopies and phone photos, and
encode them in the formats a dossier arrives in. Damage stays mild: the
real inputs are clean enough for tesseract."""
from __future__ import annotations

import datetime as dt
import io
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps

from synth.layout import A4
from synth.photo import shade

FIXED_DATE = dt.datetime(2026, 1, 15, 10, 0, 0)  # PDF dates fixed so bytes only depend on the seed


def _noise(image: Image.Image, rng: random.Random, sigma: float) -> Image.Image:
    np_rng = np.random.default_rng(rng.randrange(2**32))
    arr = np.asarray(image, dtype=np.float32)
    arr = arr + np_rng.normal(0, sigma, arr.shape)
    specks = np_rng.random(arr.shape[:2]) < 0.00015
    arr[specks] = 30
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), image.mode)


def scan(page: Image.Image, rng: random.Random, color: str, allow_rotation: bool = True,
         lossless: bool = False) -> tuple[Image.Image, list[str]]:
    """A flatbed scan of one page: skew, slight blur, noise, optional binarisation.
    Lossless targets (PNG/TIFF) get little grain: noise would balloon their size."""
    tags: list[str] = []
    image = page.convert("RGB" if color == "rgb" else "L")
    if color == "rgb":  # yellowish paper under a colour scanner
        paper = np.array((250, 246, 232), dtype=np.float32) / 255
        image = Image.fromarray((np.asarray(image, dtype=np.float32) * paper).astype(np.uint8), "RGB")
    skew = rng.uniform(-2.5, 2.5)
    fill = (255, 255, 255) if image.mode == "RGB" else 255
    image = image.rotate(skew, resample=Image.BICUBIC, expand=False, fillcolor=fill)
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    image = _noise(image, rng, rng.uniform(0.5, 1.5) if lossless else rng.uniform(2, 7))
    if color == "gray" and rng.random() < 0.3:
        image = ImageOps.autocontrast(image, cutoff=1)
    if color == "bilevel":
        image = image.point(lambda v: 255 if v > rng.choice((150, 165, 180)) else 0).convert("1", dither=Image.NONE)
    if allow_rotation and rng.random() < 0.08:
        angle = rng.choice((90, 180, 270))
        image = image.rotate(angle, expand=True)
        tags.append(f"rotated:{angle}")
    tags.append(f"skew:{skew:+.1f}")
    return image, tags


def _rounded(card: Image.Image, radius: int) -> Image.Image:
    mask = Image.new("L", card.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, card.width - 1, card.height - 1), radius, fill=255)
    return mask


def photocopy(cards: list[Image.Image], rng: random.Random, dpi: int) -> Image.Image:
    """Identity card faces copied onto an A4 page (grey), near the top."""
    page = Image.new("L", (round(A4[0] / 25.4 * dpi), round(A4[1] / 25.4 * dpi)), 255)
    gap = int(6 / 25.4 * dpi)
    x = int(rng.uniform(15, 30) / 25.4 * dpi)
    y = int(rng.uniform(20, 45) / 25.4 * dpi)
    side_by_side = sum(c.width for c in cards) + gap * len(cards) + x < page.width
    for card in cards:
        gray = ImageOps.autocontrast(card.convert("L"), cutoff=0.5)
        gray = Image.eval(gray, lambda v: int(v * 0.88 + 20))
        page.paste(gray, (x, y), _rounded(gray, int(3 / 25.4 * dpi)))
        if side_by_side:
            x += card.width + gap
        else:
            y += card.height + gap
    page, _ = scan(page.convert("RGB"), rng, "gray", allow_rotation=False, lossless=True)
    return page


def _background(size: tuple[int, int], rng: random.Random) -> Image.Image:
    base = rng.choice(((150, 150, 150), (120, 95, 70), (190, 185, 175), (70, 80, 95)))
    np_rng = np.random.default_rng(rng.randrange(2**32))
    small = np_rng.normal(0, 12, (size[1] // 16 + 1, size[0] // 16 + 1, 1))
    arr = np.clip(np.array(base, dtype=np.float32) + small, 0, 255).astype(np.uint8)
    texture = Image.fromarray(arr, "RGB").resize(size, Image.BICUBIC)
    return texture.filter(ImageFilter.GaussianBlur(8))


def photo(cards: list[Image.Image], rng: random.Random) -> tuple[Image.Image, list[str]]:
    """A phone photo: card(s) on a table, slight perspective, uneven light (sometimes a
    shadow band, a glare patch or low light as well); returns the image and its tags."""
    gap = 40
    strip_w = sum(c.width for c in cards) + gap * (len(cards) - 1)
    strip_h = max(c.height for c in cards)
    fill = rng.uniform(0.72, 0.86)
    width = int(strip_w / fill)
    height = int(max(strip_h / fill, width * (0.66 if len(cards) == 1 else 0.34)))
    canvas = _background((width, height), rng)
    x0 = (width - strip_w) // 2 + rng.randint(-20, 20)
    y0 = (height - strip_h) // 2 + rng.randint(-20, 20)
    shadow = Image.new("L", canvas.size, 0)
    x = x0
    for card in cards:
        ImageDraw.Draw(shadow).rounded_rectangle((x + 8, y0 + 10, x + card.width + 8, y0 + card.height + 10), 30, fill=110)
        x += card.width + gap
    canvas = Image.composite(Image.new("RGB", canvas.size, (30, 30, 30)), canvas, shadow.filter(ImageFilter.GaussianBlur(12)))
    x = x0
    for card in cards:
        canvas.paste(card.convert("RGB"), (x, y0), _rounded(card, 30))
        x += card.width + gap
    # perspective: move the corners a little
    d = [rng.uniform(-0.025, 0.025) * width for _ in range(8)]
    quad = (d[0], d[1], d[2], height + d[3], width + d[4], height + d[5], width + d[6], d[7])
    canvas = canvas.transform(canvas.size, Image.QUAD, quad, Image.BICUBIC, fillcolor=(90, 90, 90))
    # light falling off from one side
    gradient = np.linspace(rng.uniform(0.85, 1.0), rng.uniform(0.95, 1.08), width, dtype=np.float32)
    arr = np.asarray(canvas, dtype=np.float32) * gradient[None, :, None]
    canvas = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    tags: list[str] = []
    if rng.random() < 0.4:
        canvas = Image.fromarray(cv2.convertScaleAbs(shade(np.asarray(canvas), rng, tags)), "RGB")
    canvas = canvas.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
    canvas = _noise(canvas, rng, 3)
    scale = rng.uniform(1400, 2000) / width
    return canvas.resize((int(width * scale), int(height * scale)), Image.LANCZOS), tags


def encode_image(image: Image.Image, fmt: str, rng: random.Random, dpi: int | None) -> tuple[bytes, str, list[str]]:
    """Encode one raster; returns (bytes, real format, tags)."""
    buffer = io.BytesIO()
    extra: dict = {"dpi": (dpi, dpi)} if dpi else {}
    tags: list[str] = []
    if fmt == "jpg":
        image.convert("L" if image.mode in ("1", "L") else "RGB").save(buffer, "JPEG", quality=rng.randint(55, 90), **extra)
    elif fmt == "png":
        if image.mode == "L" and rng.random() < 0.3:
            image = image.quantize(64)
            tags.append("png:palette")
        # the fastest deflate: a noisy scan or photo hardly compresses, and the default level took
        # four times as long for a file a few per cent smaller (the pixels are the same)
        image.save(buffer, "PNG", compress_level=1, **extra)
    elif fmt == "tif":
        compression = "group4" if image.mode == "1" else "tiff_lzw"
        image.save(buffer, "TIFF", compression=compression, **extra)
        tags.append(f"tiff:{'g4' if compression == 'group4' else 'lzw'}")
    else:
        raise ValueError(fmt)
    return buffer.getvalue(), fmt, tags


def images_to_pdf(images: list[Image.Image], dpi: int) -> bytes:
    """Image-only PDF, one page per raster (no text layer)."""
    buffer = io.BytesIO()
    pages = [im if im.mode in ("1", "L", "RGB") else im.convert("RGB") for im in images]
    pages[0].save(buffer, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:],
                  creationDate=FIXED_DATE.timetuple(), modDate=FIXED_DATE.timetuple(), producer="scanner", title="scan")
    return buffer.getvalue()


def images_to_tiff(images: list[Image.Image], dpi: int) -> bytes:
    buffer = io.BytesIO()
    compression = "group4" if all(im.mode == "1" for im in images) else "tiff_lzw"
    images[0].save(buffer, "TIFF", save_all=True, append_images=images[1:], compression=compression, dpi=(dpi, dpi))
    return buffer.getvalue()
