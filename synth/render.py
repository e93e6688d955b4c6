"""Draw sheets of `layout` elements as a born-digital PDF or as a PIL image."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw

from synth.fonts import pil_font, reportlab_font
from synth.layout import Box, Ellipse, Rule, Sheet, Text

MM_TO_PT = 72 / 25.4


def sheets_to_pdf(sheets: list[Sheet], user_password: str | None = None,
                  owner_password: str | None = None, title: str = "") -> bytes:
    from reportlab.lib.colors import Color as RLColor
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    encrypt = None
    if user_password is not None or owner_password is not None:
        encrypt = StandardEncryption(user_password or "", ownerPassword=owner_password or "owner",
                                     canPrint=1, canCopy=0, canModify=0)
    first = sheets[0]
    pdf = canvas.Canvas(buffer, pagesize=(first.width * MM_TO_PT, first.height * MM_TO_PT),
                        encrypt=encrypt, invariant=1)  # invariant: same bytes for the same seed
    pdf.setTitle(title)

    def rgb(color: tuple[int, int, int]) -> RLColor:
        return RLColor(*(c / 255 for c in color))

    for sheet in sheets:
        height = sheet.height * MM_TO_PT
        pdf.setPageSize((sheet.width * MM_TO_PT, height))
        if sheet.background != (255, 255, 255):
            pdf.setFillColor(rgb(sheet.background))
            pdf.rect(0, 0, sheet.width * MM_TO_PT, height, stroke=0, fill=1)
        for el in sheet.elements:
            if isinstance(el, Text):
                pdf.setFont(reportlab_font(el.font), el.size)
                pdf.setFillColor(rgb(el.color))
                x, y = el.x * MM_TO_PT, height - el.y * MM_TO_PT
                draw = {"left": pdf.drawString, "center": pdf.drawCentredString,
                        "right": pdf.drawRightString}[el.align]
                draw(x, y, el.text)
            elif isinstance(el, Rule):
                pdf.setStrokeColor(rgb(el.color))
                pdf.setLineWidth(el.width * MM_TO_PT)
                pdf.line(el.x0 * MM_TO_PT, height - el.y0 * MM_TO_PT, el.x1 * MM_TO_PT, height - el.y1 * MM_TO_PT)
            elif isinstance(el, Box):
                if el.fill is not None:
                    pdf.setFillColor(rgb(el.fill))
                if el.stroke is not None:
                    pdf.setStrokeColor(rgb(el.stroke))
                    pdf.setLineWidth(el.width * MM_TO_PT)
                args = (el.x * MM_TO_PT, height - (el.y + el.h) * MM_TO_PT, el.w * MM_TO_PT, el.h * MM_TO_PT)
                if el.radius:
                    pdf.roundRect(*args, el.radius * MM_TO_PT, stroke=int(el.stroke is not None), fill=int(el.fill is not None))
                else:
                    pdf.rect(*args, stroke=int(el.stroke is not None), fill=int(el.fill is not None))
            elif isinstance(el, Ellipse):
                pdf.setFillColor(rgb(el.fill))
                pdf.ellipse(el.x * MM_TO_PT, height - el.y * MM_TO_PT, (el.x + el.w) * MM_TO_PT,
                            height - (el.y + el.h) * MM_TO_PT, stroke=0, fill=1)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def sheet_to_image(sheet: Sheet, dpi: int) -> Image.Image:
    """RGB raster of one sheet at `dpi`."""
    scale = dpi / 25.4

    def px(v: float) -> int:
        return int(round(v * scale))

    image = Image.new("RGB", (px(sheet.width), px(sheet.height)), sheet.background)
    draw = ImageDraw.Draw(image)
    for el in sheet.elements:
        if isinstance(el, Text):
            font = pil_font(el.font, int(round(el.size / 72 * dpi)))
            anchor = {"left": "ls", "center": "ms", "right": "rs"}[el.align]
            draw.text((px(el.x), px(el.y)), el.text, font=font, fill=el.color, anchor=anchor)
        elif isinstance(el, Rule):
            draw.line((px(el.x0), px(el.y0), px(el.x1), px(el.y1)), fill=el.color, width=max(1, px(el.width)))
        elif isinstance(el, Box):
            rect = (px(el.x), px(el.y), px(el.x + el.w), px(el.y + el.h))
            width = max(1, px(el.width)) if el.stroke is not None else 0
            if el.radius:
                draw.rounded_rectangle(rect, px(el.radius), fill=el.fill, outline=el.stroke, width=width)
            else:
                draw.rectangle(rect, fill=el.fill, outline=el.stroke, width=width)
        elif isinstance(el, Ellipse):
            draw.ellipse((px(el.x), px(el.y), px(el.x + el.w), px(el.y + el.h)), fill=el.fill)
    return image
