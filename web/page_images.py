"""Page images for the review page, rendered from the stored originals and cached in the
object store under derived keys (one PNG per page and size), so each page is drawn once.

Drawing runs in a bounded worker (pipeline/page_pool.py: an address-space cap and a
deadline), never in the server process that serves every agent, and the output has a
pixel cap: a tall thin page (12 × 7,200 pt) scaled to the preview width would
otherwise be hundreds of megapixels."""
from __future__ import annotations

import io
import math
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2
from PIL import Image

from extractors.limits import Limits
from models.errors import DossierError, UsageError
from models.records import PageView
from pipeline.page_pool import WorkerError, run_bounded
from storage.objects import ObjectNotFound, ObjectStore, derived_key
from storage.records import ReceivedFile, Records

# Pixels: the viewer zooms into a card's small print on a page scan (issue 10), and a
# grey page compresses well; an A4 page is 3.6 MP at this width.
PREVIEW_WIDTH = 1600
PREVIEW_MAX_PIXELS = 6_000_000  # a long page is scaled down to this
PREVIEW_SECONDS = 30.0
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xaeB`\x82"  # the closing chunk: a preview cut short by a crash lacks it
PDF_MEDIA_TYPE = "application/pdf"
# Previews drawn at once, each in a worker of its own: a burst of requests waits here
# instead of starting a reader process (of up to DOSSIERS_MAX_READER_BYTES) per request.
_DRAWING = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))


class PageNotFound(UsageError, LookupError):
    """No such page or file kept for this dossier (the web app answers 404)."""


class PreviewFailed(PageNotFound):
    """The page could not be drawn within the preview's memory and time bounds."""


class PageImages:
    def __init__(self, store: ObjectStore, records: Records) -> None:
        self.store = store
        self.records = records

    def png(self, reference: str, source: str, page: int, view: PageView | None = None) -> bytes:
        """Page `page` (1-based) of file `source` of the dossier's received set, as PNG: the
        page as the OCR reader read it when `view` says it was OCR'd (its field boxes are
        relative to that image: extractors/page_view.py says why), else as the file draws it
        (a text-layer page's boxes are relative to the page as drawn)."""
        file = self._file(reference, source)
        limits = Limits.from_env()
        render: Callable[[Any], bytes]
        extra: tuple[Any, ...]
        if view is not None and view.text_source == "ocr":
            mirror = "-m" if view.mirrored else ""
            name = f"reader-r{view.rotation % 360}-s{view.skew:+.2f}{mirror}-w{PREVIEW_WIDTH}-{page:04d}.png"
            render, extra = render_reader_png, (page, view.rotation, view.skew, view.mirrored)
        else:
            name = f"w{PREVIEW_WIDTH}-max{PREVIEW_MAX_PIXELS}-{page:04d}.png"
            render, extra = render_png, (file.media_type, page, limits.max_pixels)
        key = derived_key(file.object_key.rsplit("/", 1)[-1], "preview", name)
        try:
            cached = self.store.get_bytes(key)
            if cached.startswith(PNG_SIGNATURE) and cached.endswith(PNG_END):  # else cut short: drawn again
                return cached
        except ObjectNotFound:
            pass
        try:
            with _DRAWING:
                original = self.store.get_bytes(file.object_key)
                png = run_bounded(render, (original, *extra), memory_bytes=limits.max_reader_bytes,
                                  timeout=PREVIEW_SECONDS)
        except WorkerError as error:
            raise PreviewFailed(f"aperçu de la page {page} impossible ({error.__class__.__name__})") from None
        self.store.put_bytes(key, png, media_type="image/png", durable=False)
        return png

    def _file(self, reference: str, source: str) -> ReceivedFile:
        received = self.records.received_set(reference)
        for file in received.files if received else []:
            if file.source == source and file.role in ("original", "member"):
                return file
        raise PageNotFound(f"aucun fichier {source!r} conservé pour {reference}")


def render_png(args: tuple[bytes, str, int, int]) -> bytes:
    """In the bounded worker: the page drawn and encoded as PNG."""
    data, media_type, page, max_source_pixels = args
    image = preview_image(data, media_type, page, max_source_pixels)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def render_reader_png(args: tuple[bytes, int, int, float, bool]) -> bytes:
    """In the bounded worker: the page as the OCR reader read it (extractors/page_view.py,
    loaded here, in the worker, never by the web server), scaled to PREVIEW_WIDTH."""
    from extractors.page_view import reader_image

    data, page, rotation, skew, mirrored = args
    with tempfile.TemporaryDirectory(prefix="dossiers-view-") as tmp:
        path = Path(tmp) / "original"
        path.write_bytes(data)
        try:
            gray = reader_image(path, page - 1, rotation, skew, Limits.from_env(), mirrored)
        except (DossierError, IndexError) as error:
            raise PageNotFound(f"page {page} illisible ({error.__class__.__name__})") from None
    image = Image.fromarray(gray)
    scale = min(1.0, preview_scale(image.width, image.height))
    if scale < 1.0:
        image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))),
                             Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def preview_scale(width: float, height: float) -> float:
    """The scale to PREVIEW_WIDTH, lowered so the image stays within PREVIEW_MAX_PIXELS."""
    return min(PREVIEW_WIDTH / width, math.sqrt(PREVIEW_MAX_PIXELS / (width * height)))


def preview_image(data: bytes, media_type: str, page: int, max_source_pixels: int = Limits().max_pixels) -> Image.Image:
    """One page of a PDF or one frame of an image, scaled to PREVIEW_WIDTH (at most
    PREVIEW_MAX_PIXELS), RGB: for the eye, not for reading (extractors/raster.py renders
    pages for OCR, at 300 dpi in grey, and is not loaded by the web server)."""
    if media_type == PDF_MEDIA_TYPE:
        pdf = pypdfium2.PdfDocument(data)
        try:
            if not 1 <= page <= len(pdf):
                raise PageNotFound(f"pas de page {page}")
            pdf_page = pdf[page - 1]
            width, height = pdf_page.get_size()
            if width <= 0 or height <= 0:
                raise PageNotFound(f"page {page} sans surface")
            image = pdf_page.render(scale=preview_scale(width, height)).to_pil()
        finally:
            pdf.close()
        return image.convert("RGB")
    image = Image.open(io.BytesIO(data))
    try:
        image.seek(page - 1)  # TIFF frames; page 1 of anything else
    except EOFError:
        raise PageNotFound(f"pas de page {page}") from None
    width, height = image.size
    if width * height > max_source_pixels:
        raise PageNotFound(f"image de {width}×{height} pixels, au-delà des limites")
    scale = min(1.0, preview_scale(width, height))
    image.draft("RGB", (max(1, int(width * scale)), max(1, int(height * scale))))  # JPEG: decode smaller
    image = image.convert("RGB")
    image.thumbnail((max(1, int(width * scale)), max(1, int(height * scale))))
    return image
