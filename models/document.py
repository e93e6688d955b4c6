"""A typed document tree (page > line > word), after docTR: every word keeps its
box and confidence so a field can point back to where it was read.

Boxes are page-relative (x0, y0, x1, y1) in [0, 1], origin top-left, in the
orientation the page was read (after any rotation the reader applied).
The tree round-trips losslessly through JSON (`model_dump_json` /
`model_validate_json`), which is how the reading cache stores it.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

BBox = tuple[float, float, float, float]


class Word(BaseModel):
    text: str
    bbox: BBox
    confidence: float = Field(ge=0.0, le=1.0)


class Line(BaseModel):
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bbox(self) -> BBox:
        return union_boxes([w.bbox for w in self.words])

    @property
    def confidence(self) -> float:
        if not self.words:
            return 0.0
        return sum(w.confidence for w in self.words) / len(self.words)


class Page(BaseModel):
    """One page of one source file, as read."""

    source: str  # path inside the dossier, '/'-separated
    number: int = Field(ge=1)  # 1-based page number in the source file
    width: float  # pixels (OCR) or points (text layer), after rotation
    height: float
    text_source: Literal["text_layer", "ocr"]
    lines: list[Line] = Field(default_factory=list)
    rotation: int = 0  # degrees clockwise applied to make the page upright
    skew: float = 0.0  # degrees corrected by deskew
    # Read flipped left to right after the turn and the deskew: a mirror image (a selfie
    # camera's photo; a sheet scanned face down is that, turned a half).
    mirrored: bool = False
    mean_confidence: float | None = None  # OCR mean word confidence in [0, 1]
    sharpness: float | None = None  # variance of the Laplacian, for blur detection
    extra_text: dict[str, str] = Field(default_factory=dict)  # e.g. {"mrz": "..."} from dedicated readers
    # Milliseconds per reading step (load, cleanup, ocr, orientation, contrast, mrz, identity)
    # when this page was read, for benchmarks and slow-page diagnosis; no reading depends on it.
    read_ms: dict[str, float] = Field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def words(self) -> list[Word]:
        return [w for line in self.lines for w in line.words]


def union_boxes(boxes: list[BBox]) -> BBox:
    if not boxes:
        return (0.0, 0.0, 0.0, 0.0)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
