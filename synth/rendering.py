"""From a built piece to file bytes: born-digital PDF, scan, photocopy or photo."""
from __future__ import annotations

import hashlib
import io
import random
import re
from dataclasses import dataclass, field

from synth.degrade import encode_image, images_to_pdf, images_to_tiff, photo, photocopy, scan
from synth.photo import photograph_page
from synth.pieces.base import BuiltPiece
from synth.render import sheet_to_image, sheets_to_pdf

MEDIA_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png", "tif": "image/tiff"}


@dataclass
class RenderedFile:
    data: bytes
    ext: str  # the real format
    pages: int
    render: str
    tags: list[str] = field(default_factory=list)

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.ext]


def _choose_render(piece: BuiltPiece, rng: random.Random, scan_ratio: float, forced: str | None) -> str:
    if piece.is_card:
        if forced in ("photocopy", "photo"):
            return forced
        return rng.choice(("photocopy", "photo"))
    if forced in ("born_digital", "scan", "photo"):
        return forced
    if forced == "photocopy":
        return "scan"  # a document is not photocopied as a card; scan it instead
    return "scan" if rng.random() < scan_ratio else "born_digital"


def render_built(piece: BuiltPiece, rng: random.Random, scan_ratio: float = 0.5,
                 force_render: str | None = None, as_pdf: bool = False) -> RenderedFile:
    render = _choose_render(piece, rng, scan_ratio, force_render)
    tags = [f"render:{render}"]
    if render == "born_digital":
        owner_only = rng.random() < 0.05
        data = sheets_to_pdf(piece.sheets, owner_password="restrictions" if owner_only else None)
        if owner_only:
            tags.append("pdf:owner_password_only")
        return RenderedFile(data, "pdf", len(piece.sheets), render, tags + ["format:pdf"])
    if render == "photo" and not piece.is_card:
        return _photographed_pages(piece, rng, tags, as_pdf)
    if render == "photo":
        image, light_tags = photo([sheet_to_image(card, 300) for card in piece.cards], rng)
        images = [image]
        dpi, tags = None, tags + ["color:rgb", "photo", "photo:card"] + light_tags
        formats = ("jpg",) * 8 + ("png", "pdf")
    elif render == "photocopy":
        dpi = rng.choice((200, 200, 240))
        images = [photocopy([sheet_to_image(card, dpi) for card in piece.cards], rng, dpi)]
        tags += ["color:gray", f"dpi:{dpi}"]
        formats = ("jpg", "png", "pdf", "tif")
    else:
        dpi = rng.choice((200, 200, 240))
        color = rng.choices(("gray", "bilevel", "rgb"), (0.7, 0.15, 0.15))[0]
        if color == "rgb":  # colour scans come as JPEG (alone or inside a PDF)
            formats = ("pdf", "jpg") if len(piece.sheets) == 1 else ("pdf",)
        else:
            formats = ("pdf", "pdf", "tif") if len(piece.sheets) > 1 else ("pdf", "jpg", "png", "tif")
        fmt = "pdf" if as_pdf else rng.choice(formats)
        images = []
        for sheet in piece.sheets:
            image, page_tags = scan(sheet_to_image(sheet, dpi), rng, color, lossless=fmt in ("png", "tif"))
            images.append(image)
            tags += [t for t in page_tags if t.startswith("rotated")]
        tags += [f"color:{color}", f"dpi:{dpi}"]
    if render != "scan":
        fmt = "pdf" if as_pdf else rng.choice(formats)
    if fmt == "pdf":
        data = images_to_pdf(images, dpi or 150)
    elif fmt == "tif" and len(images) > 1:
        data = images_to_tiff(images, dpi or 200)
        tags.append("tiff:multipage")
    elif fmt == "jpg" and images[0].mode == "1":
        data, fmt, extra = encode_image(images[0], "png", rng, dpi)
        tags += extra
    else:
        data, fmt, extra = encode_image(images[0], fmt, rng, dpi)
        tags += extra
    return RenderedFile(data, fmt, len(images), render, tags + [f"format:{fmt}"])


# Pages are drawn above the photo's resolution, then shrunk by the perspective warp.
PHOTO_SOURCE_DPI = 220
PHOTO_PDF_DPI = 300  # a phone's "scan to PDF": page size from the photo at 300 dpi


def _photographed_pages(piece: BuiltPiece, rng: random.Random, tags: list[str], as_pdf: bool) -> RenderedFile:
    """One phone photo per page; one page as JPEG (sometimes PNG or PDF), several in one PDF."""
    images = []
    for sheet in piece.sheets:
        image, photo_tags = photograph_page(sheet_to_image(sheet, PHOTO_SOURCE_DPI), rng)
        images.append(image)
        tags += [t for t in photo_tags if t not in tags]
    tags += ["color:rgb", "photo"]
    fmt = "pdf" if as_pdf or len(images) > 1 else rng.choice(("jpg",) * 6 + ("png", "pdf"))
    if fmt == "pdf":
        data = images_to_pdf(images, PHOTO_PDF_DPI)
    else:
        data, fmt, extra = encode_image(images[0], fmt, rng, None)
        tags += extra
    return RenderedFile(data, fmt, len(images), "photo", tags + [f"format:{fmt}"])


def damage(pdf: bytes, how: str, piece: BuiltPiece, rng: random.Random) -> bytes:
    """Make a file unreadable: empty, truncated, or encrypted with a user password."""
    if how == "empty":
        return b""
    if how == "truncated":
        return pdf[: max(200, int(len(pdf) * rng.uniform(0.2, 0.6)))]
    if how == "encrypted":
        sheets = piece.sheets or []
        if not sheets:  # a card: encrypt a page holding nothing readable anyway
            from synth.layout import Sheet
            sheets = [Sheet()]
        return sheets_to_pdf(sheets, user_password=f"{rng.randint(1000, 9999)}", owner_password="owner")
    raise ValueError(how)


def merge_pdfs(parts: list[bytes]) -> bytes:
    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument.new()
    sources = [pdfium.PdfDocument(part) for part in parts]
    for source in sources:
        merged.import_pages(source)
    buffer = io.BytesIO()
    merged.save(buffer)
    for doc in sources + [merged]:
        doc.close()
    # PDFium stamps the current time and a random file ID; same-length replacements keep the
    # bytes (and the cross-reference offsets) the same for the same seed
    data = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20260115100000", buffer.getvalue())
    file_id = hashlib.md5(re.sub(rb"/ID\[<[0-9A-F]+><[0-9A-F]+>\]", b"", data)).hexdigest().upper().encode()
    return re.sub(rb"/ID\[<[0-9A-F]{32}><[0-9A-F]{32}>\]", b"/ID[<" + file_id + b"><" + file_id + b">]", data)
