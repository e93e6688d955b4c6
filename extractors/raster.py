"""Pixels of a page: image frames (PIL) and rendered PDF pages (pypdfium2), checked
against the pixel limit *before* anything is decoded."""
from __future__ import annotations

import warnings
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageSequence

from extractors import exif, photo
from extractors.limits import Limits
from extractors.step_times import timed
from models import CorruptFile, EncryptedFile, FileLimitExceeded

OCR_DPI = 300
MIN_DPI = 150


def count_frames(path: Path, source: str, limits: Limits) -> int:
    """Number of frames of an image file, after checking every frame's size."""
    with _open_image(path, source, limits) as im:
        frames = 0
        for frame in ImageSequence.Iterator(im):
            _check_pixels(frame.size, source, limits)
            frames += 1
            if frames > limits.max_pdf_pages:
                raise FileLimitExceeded(source, f"plus de {limits.max_pdf_pages} images")
        return frames


def load_frame(path: Path, source: str, index: int, limits: Limits) -> tuple[np.ndarray, int]:
    """Frame `index` as a grey numpy array, turned upright as its EXIF tag says, a phone
    photo rectified (extractors.photo); and its resolution in dpi (best guess)."""
    with _open_image(path, source, limits) as im:
        im.seek(index)
        _check_pixels(im.size, source, limits)
        try:
            dpi = int(round(float(im.info.get("dpi", (0, 0))[0]))) or 0
        except (TypeError, ValueError):
            dpi = 0
        try:
            frame = im.convert("L")
        except OSError as exc:  # truncated JPEG/PNG data
            raise CorruptFile(source, str(exc)) from exc
        gray = np.asarray(frame)
    if index == 0:  # the tag describes the main image, not the frames of a TIFF
        # Upright first: a photo stored sideways would otherwise look like a card lying wide.
        gray = exif.upright(gray, exif.orientation(path))
    with timed("photo"):
        prepared = photo.prepare(gray)
    return prepared, dpi


def _open_image(path: Path, source: str, limits: Limits) -> Image.Image:
    Image.MAX_IMAGE_PIXELS = limits.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(path)
            _check_pixels(im.size, source, limits)
            return im
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise FileLimitExceeded(source, f"image de plus de {limits.max_pixels // 1_000_000} mégapixels") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise CorruptFile(source, str(exc)) from exc


def _check_pixels(size: tuple[int, int], source: str, limits: Limits) -> None:
    if size[0] * size[1] > limits.max_pixels:
        raise FileLimitExceeded(
            source, f"image de {size[0]}×{size[1]} pixels, au-delà de {limits.max_pixels // 1_000_000} mégapixels"
        )


def open_pdf(path: Path, source: str) -> pdfium.PdfDocument:
    """Open a PDF, telling an encrypted one (user password) from a broken one.
    A PDF with only an owner password opens normally."""
    data_tail = _tail(path, 2048)
    if b"%%EOF" not in data_tail:
        raise CorruptFile(source, "PDF tronqué (fin de fichier absente)")
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedFile(source) from exc
        raise CorruptFile(source, str(exc)) from exc


def pdf_page(pdf: pdfium.PdfDocument, index: int, source: str) -> pdfium.PdfPage:
    """Page `index`, or CorruptFile when pdfium cannot load its object."""
    try:
        return pdf[index]
    except pdfium.PdfiumError as exc:
        raise CorruptFile(source, f"page {index + 1} illisible ({exc})") from None


def render_dpi(page: pdfium.PdfPage, source: str, limits: Limits) -> int:
    """The DPI to render a page at: 300, lowered for oversized pages, refused below 150."""
    w_pt, h_pt = page.get_size()
    for dpi in (OCR_DPI, 200, MIN_DPI):
        if (w_pt / 72 * dpi) * (h_pt / 72 * dpi) <= limits.max_pixels:
            return dpi
    raise FileLimitExceeded(source, f"page de {w_pt:.0f}×{h_pt:.0f} points, trop grande pour être lue")


def render_page(path: Path, source: str, index: int, limits: Limits) -> tuple[np.ndarray, int]:
    """The page as a grey image: the scan itself when the page is one full-page image
    (no resampling, so OCR works on the pixels the scanner made; a phone photo rectified,
    extractors.photo), else rendered."""
    pdf = open_pdf(path, source)
    try:
        page = pdf[index]
        native = _full_page_scan(page, source, limits)
        if native is not None:
            return photo.prepare(native[0]), native[1]
        dpi = render_dpi(page, source, limits)
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        array = bitmap.to_numpy().copy()
    except pdfium.PdfiumError as exc:
        raise CorruptFile(source, str(exc)) from exc
    finally:
        pdf.close()
    if array.ndim == 3:
        array = array[:, :, 0]
    return array, dpi


def _full_page_scan(page: pdfium.PdfPage, source: str, limits: Limits) -> tuple[np.ndarray, int] | None:
    """The embedded image of a scanned page, upright and unscaled, or None when the page
    is anything else (text, several images, a rotated or partial placement)."""
    if page.get_rotation() != 0:
        return None
    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1))
    if len(images) != 1:
        return None
    image = images[0]
    m = image.get_matrix()
    width_pt, height_pt = page.get_size()
    left, bottom, right, top = image.get_bounds()
    axis_aligned = m.b == 0 and m.c == 0 and m.a > 0 and m.d > 0
    covers = (right - left) >= 0.95 * width_pt and (top - bottom) >= 0.95 * height_pt
    if not (axis_aligned and covers):
        return None
    px_w, px_h = image.get_px_size()
    _check_pixels((px_w, px_h), source, limits)
    try:
        array = image.get_bitmap(render=False).to_numpy()
    except pdfium.PdfiumError:
        return None  # an image filter pdfium does not decode alone: render the page instead
    if array.ndim == 3:
        array = cv2.cvtColor(array[:, :, :3], cv2.COLOR_BGR2GRAY)
    return np.ascontiguousarray(array), int(round(px_w / (width_pt / 72)))


def _tail(path: Path, size: int) -> bytes:
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        end = fh.tell()
        fh.seek(max(0, end - size))
        return fh.read()

