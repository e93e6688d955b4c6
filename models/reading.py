"""What reading a dossier found about its own quality: the facts the pipeline gathers
and `validators.reading` turns into flags (unreadable_file, invalid_manifest,
unclassified_piece, illegible_page, mrz_check_failed). The pipeline measures; the
validators decide what is too low and say it in French."""
from __future__ import annotations

from pydantic import BaseModel, Field

from models.document import Page
from models.domain import PieceType
from models.received import FileProblem
from models.records import PieceResult


class PageReading(BaseModel):
    number: int  # 1-based, in its source file
    mean_confidence: float | None = None  # OCR mean word confidence; None for a text layer
    sharpness: float | None = None  # variance of the Laplacian; None when not measured

    @classmethod
    def of(cls, page: Page) -> PageReading:
        return cls(number=page.number, mean_confidence=page.mean_confidence, sharpness=page.sharpness)


class PieceReading(BaseModel):
    """One piece as classified and extracted; its index in the dossier is its place in
    `ReadingFacts.pieces`."""

    source: str
    type: PieceType
    confidence: float  # of the classification
    pages: list[PageReading] = Field(default_factory=list)
    mrz_failed: list[str] = Field(default_factory=list)  # fields whose MRZ check digit failed

    @classmethod
    def of(cls, piece: PieceResult, pages: list[Page]) -> PieceReading:
        return cls(source=piece.source, type=piece.type, confidence=piece.confidence,
                   pages=[PageReading.of(p) for p in pages], mrz_failed=list(piece.mrz_failed))


class ReadingFacts(BaseModel):
    """Kept in the order the pipeline meets them, which is the order of their flags."""

    taken_in: list[FileProblem] = Field(default_factory=list)  # refused while taking the dossier in
    manifest_error: str | None = None  # what is wrong with dossier.json
    unread: list[FileProblem] = Field(default_factory=list)  # refused by the planner, or failed reading
    pieces: list[PieceReading] = Field(default_factory=list)
