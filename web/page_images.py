"""Page images for the review page, rendered from the stored originals and cached in the
object store under derived keys (one PNG per page and width), so each page is drawn once."""
from __future__ import annotations

import io

import pypdfium2
from PIL import Image

from storage.objects import ObjectNotFound, ObjectStore, derived_key
from storage.records import ReceivedFile, Records

PREVIEW_WIDTH = 900  # pixels: sharp enough to read at 1280×800, small enough to load fast
PDF_MEDIA_TYPE = "application/pdf"


class PageNotFound(LookupError):
    pass


class PageImages:
    def __init__(self, store: ObjectStore, records: Records) -> None:
        self.store = store
        self.records = records

    def png(self, reference: str, source: str, page: int) -> bytes:
        """Page `page` (1-based) of file `source` of the dossier's received set, as PNG."""
        file = self._file(reference, source)
        key = derived_key(file.object_key.rsplit("/", 1)[-1], "preview", f"w{PREVIEW_WIDTH}-{page:04d}.png")
        try:
            return self.store.get_bytes(key)
        except ObjectNotFound:
            pass
        image = render_page(self.store.get_bytes(file.object_key), file.media_type, page)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        self.store.put_bytes(key, buffer.getvalue(), media_type="image/png")
        return buffer.getvalue()

    def _file(self, reference: str, source: str) -> ReceivedFile:
        received = self.records.received_set(reference)
        for file in received.files if received else []:
            if file.source == source and file.role in ("original", "member"):
                return file
        raise PageNotFound(f"aucun fichier {source!r} conservé pour {reference}")


def render_page(data: bytes, media_type: str, page: int) -> Image.Image:
    """One page of a PDF or one frame of an image, scaled to PREVIEW_WIDTH, RGB."""
    if media_type == PDF_MEDIA_TYPE:
        pdf = pypdfium2.PdfDocument(data)
        try:
            if not 1 <= page <= len(pdf):
                raise PageNotFound(f"pas de page {page}")
            pdf_page = pdf[page - 1]
            image = pdf_page.render(scale=PREVIEW_WIDTH / pdf_page.get_width()).to_pil()
        finally:
            pdf.close()
        return image.convert("RGB")
    image = Image.open(io.BytesIO(data))
    try:
        image.seek(page - 1)  # TIFF frames; page 1 of anything else
    except EOFError:
        raise PageNotFound(f"pas de page {page}") from None
    image = image.convert("RGB")
    image.thumbnail((PREVIEW_WIDTH, PREVIEW_WIDTH * 4))
    return image
