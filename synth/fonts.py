"""Font files shared by the PDF and the raster renderer, so both draw the same text.

A font is named by a `FontKey` (family, bold). OCR-B (Debian `fonts-ocr-b`) is
an OpenType/CFF font that reportlab cannot embed: MRZ lines only ever appear on
identity documents, which are always rasterised, and the PDF side falls back to
a monospace font.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
LIBERATION = Path("/usr/share/fonts/truetype/liberation")
OCRB = Path("/usr/share/fonts/opentype/ocr-b/OCRB.otf")


@dataclass(frozen=True)
class FontKey:
    family: str  # "sans", "serif", "mono", "lsans", "lserif", "narrow", "ocrb"
    bold: bool = False
    italic: bool = False


_FILES: dict[tuple[str, bool, bool], Path] = {
    ("sans", False, False): DEJAVU / "DejaVuSans.ttf",
    ("sans", True, False): DEJAVU / "DejaVuSans-Bold.ttf",
    ("sans", False, True): DEJAVU / "DejaVuSans-Oblique.ttf",
    ("serif", False, False): DEJAVU / "DejaVuSerif.ttf",
    ("serif", True, False): DEJAVU / "DejaVuSerif-Bold.ttf",
    ("serif", False, True): DEJAVU / "DejaVuSerif-Italic.ttf",
    ("condensed", False, False): DEJAVU / "DejaVuSansCondensed.ttf",
    ("condensed", True, False): DEJAVU / "DejaVuSansCondensed-Bold.ttf",
    ("mono", False, False): DEJAVU / "DejaVuSansMono.ttf",
    ("mono", True, False): DEJAVU / "DejaVuSansMono-Bold.ttf",
    ("lsans", False, False): LIBERATION / "LiberationSans-Regular.ttf",
    ("lsans", True, False): LIBERATION / "LiberationSans-Bold.ttf",
    ("lsans", False, True): LIBERATION / "LiberationSans-Italic.ttf",
    ("lserif", False, False): LIBERATION / "LiberationSerif-Regular.ttf",
    ("lserif", True, False): LIBERATION / "LiberationSerif-Bold.ttf",
    ("lserif", False, True): LIBERATION / "LiberationSerif-Italic.ttf",
    ("ocrb", False, False): OCRB,
}

# Families usable for body text; Liberation only when installed (fonts-liberation).
BODY_FAMILIES = ("sans", "serif", "condensed") + (("lsans", "lserif") if LIBERATION.exists() else ())


def font_path(key: FontKey) -> Path:
    for candidate in ((key.family, key.bold, key.italic), (key.family, key.bold, False),
                      (key.family, False, False), ("sans", key.bold, False)):
        path = _FILES.get(candidate)
        if path is not None and path.exists():
            return path
    raise FileNotFoundError(f"no font file for {key}")


@lru_cache(maxsize=256)
def pil_font(key: FontKey, size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(key)), max(size_px, 4))


_MEASURE_PX = 200  # measuring at a large size keeps rounding errors small


def text_width_mm(text: str, key: FontKey, size_pt: float) -> float:
    """Advance width of `text` in millimetres at `size_pt` points."""
    length_px = pil_font(key, _MEASURE_PX).getlength(text)
    return length_px / _MEASURE_PX * size_pt * 25.4 / 72


_RL_REGISTERED: dict[FontKey, str] = {}


def reportlab_font(key: FontKey) -> str:
    """Register the font with reportlab once and return its name."""
    if key in _RL_REGISTERED:
        return _RL_REGISTERED[key]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = font_path(key)
    if path.suffix.lower() == ".otf":  # CFF outlines: reportlab cannot embed them
        path = font_path(FontKey("mono", key.bold))
    name = f"synth-{path.stem}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    _RL_REGISTERED[key] = name
    return name
