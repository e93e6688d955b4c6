"""Small synthetic files for tests: nothing here comes from real people."""
from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def text_pdf(path: Path, pages: list[list[str]], encrypt: StandardEncryption | None = None) -> Path:
    """A born-digital PDF: one list of lines per page."""
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for lines in pages:
        y = 800
        for line in lines:
            c.setFont("Helvetica", 11)
            c.drawString(60, y, line)
            y -= 18
        c.showPage()
    c.save()
    return path


def encrypted_pdf(path: Path, user_password: str = "secret", owner_password: str = "owner") -> Path:
    enc = StandardEncryption(userPassword=user_password, ownerPassword=owner_password, canPrint=0, canCopy=0)
    return text_pdf(path, [["CONTRAT DE TRAVAIL", "Contrat à durée indéterminée"] + ["texte"] * 5], encrypt=enc)


def text_image(lines: list[str], size: tuple[int, int] = (1654, 2339), font_size: int = 36) -> Image.Image:
    """A clean A4 page at 200 dpi with the given lines, for OCR."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, font_size)
    y = 150
    for line in lines:
        draw.text((120, y), line, fill=0, font=font)
        y += int(font_size * 1.6)
    return image


def save_image(image: Image.Image, path: Path, fmt: str) -> Path:
    image.save(path, format=fmt, dpi=(200, 200))
    return path


def huge_png(path: Path, width: int = 20000, height: int = 20000) -> Path:
    """A real, valid 1-bit PNG of width×height, written in streaming so the test
    itself never holds the pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    comp = zlib.compressobj(9)
    body = io.BytesIO()
    for _ in range(height):
        body.write(comp.compress(row))
    body.write(comp.flush())
    with open(path, "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n")
        fh.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)))
        fh.write(chunk(b"IDAT", body.getvalue()))
        fh.write(chunk(b"IEND", b""))
    return path


def sized_page(width_pt: float, height_pt: float) -> bytes:
    """A one-page PDF of that size with a line of text, written by hand (any size, no checks)."""
    stream = b"BT /F1 8 Tf 1 10 Td (Contrat) Tj ET"
    return pdf_of_page(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream", width_pt, height_pt)


def pdf_of_page(content: bytes, width_pt: float, height_pt: float) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>", content,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents 3 0 R "
               b"/Resources << /Font << /F1 4 0 R >> >> >>" % (width_pt, height_pt)]
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
