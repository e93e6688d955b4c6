"""Records exchanged between steps and written out as the result document
(../shared/spec/dossier-result.schema.json)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from models.document import BBox
from models.domain import FlagCode, PieceType, Severity, SEVERITY, Status

FieldValue = str | float | int | None


class Manifest(BaseModel):
    reference: str | None = None
    procedure: str | None = None
    submitted_at: dt.date | None = None


class FieldBox(BaseModel):
    page: int = Field(ge=1)
    bbox: BBox


class Extraction(BaseModel):
    """What a field extractor read from one piece."""

    fields: dict[str, FieldValue] = Field(default_factory=dict)
    field_confidence: dict[str, float] = Field(default_factory=dict)
    field_boxes: dict[str, list[FieldBox]] = Field(default_factory=dict)
    mrz_failed: list[str] = Field(default_factory=list)  # fields whose MRZ check digit failed


class PieceResult(BaseModel):
    id: str
    source: str
    pages: list[int]
    type: PieceType
    confidence: float = Field(ge=0.0, le=1.0)
    fields: dict[str, FieldValue] = Field(default_factory=dict)
    field_confidence: dict[str, float] = Field(default_factory=dict)
    field_boxes: dict[str, list[FieldBox]] = Field(default_factory=dict)
    text_source: Literal["text_layer", "ocr", "mixed"] = "text_layer"


class Flag(BaseModel):
    code: FlagCode
    severity: Severity
    piece: int | None = None
    field: str | None = None
    piece_type: str | None = None
    source: str | None = None
    page: int | None = None
    message: str

    @classmethod
    def make(cls, code: FlagCode, message: str, **kw: Any) -> "Flag":
        return cls(code=code, severity=SEVERITY[code], message=message, **kw)


class DossierInfo(BaseModel):
    reference: str
    procedure: str
    procedure_source: Literal["manifest", "inferred"]
    submitted_at: dt.date


class DossierResult(BaseModel):
    schema_version: Literal["1"] = "1"
    dossier: DossierInfo
    status: Status
    pieces: list[PieceResult] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    error: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=False)
