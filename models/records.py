"""Records exchanged between steps and written out as the result document
(../shared/spec/dossier-result.schema.json)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from models.document import BBox
from models.domain import SCHEMA_VERSION, FlagCode, PieceType, Severity, SEVERITY, Status
from models.review import FieldCorrection, FlagOverride, OmitsAbsent, Review, TypeCorrection

FieldValue = str | float | int | None


class Manifest(BaseModel):
    reference: str | None = None
    procedure: str | None = None
    submitted_at: dt.date | None = None
    # v2: decide the shortage-list exemption; None when absent or malformed
    job_rome_code: str | None = None
    work_postcode: str | None = None


class FieldBox(BaseModel):
    page: int = Field(ge=1)
    bbox: BBox


class PageView(BaseModel):
    """How the reader turned one page of a piece before reading it (reading.ocr_image):
    the review page's viewer draws the page the same way, so that the field boxes, which
    are relative to the page as read, fall on their values (web/page_images.py)."""

    page: int = Field(ge=1)
    text_source: Literal["text_layer", "ocr"]
    rotation: int = 0  # degrees clockwise (Page.rotation)
    skew: float = 0.0  # degrees corrected by deskew (Page.skew)
    mirrored: bool = False  # flipped left to right last (Page.mirrored)


class Extraction(BaseModel):
    """What a field extractor read from one piece."""

    fields: dict[str, FieldValue] = Field(default_factory=dict)
    field_confidence: dict[str, float] = Field(default_factory=dict)
    field_boxes: dict[str, list[FieldBox]] = Field(default_factory=dict)
    mrz_failed: list[str] = Field(default_factory=list)  # fields whose MRZ check digit failed
    # Fields the document legitimately lacks (a diploma printing only a year has no award_date):
    # null without a missing_field flag.
    absent_fields: list[str] = Field(default_factory=list)


class PieceResult(OmitsAbsent):
    id: str
    source: str
    pages: list[int]
    type: PieceType
    confidence: float = Field(ge=0.0, le=1.0)
    fields: dict[str, FieldValue] = Field(default_factory=dict)
    field_confidence: dict[str, float] = Field(default_factory=dict)
    field_boxes: dict[str, list[FieldBox]] = Field(default_factory=dict)
    text_source: Literal["text_layer", "ocr", "mixed"] = "text_layer"
    mrz_failed: list[str] = Field(default_factory=list)  # fields whose MRZ check digit failed
    absent_fields: list[str] = Field(default_factory=list)  # see Extraction.absent_fields
    # The reader's geometry of each page (absent from results made before it was recorded).
    page_views: list[PageView] | None = None
    # Review (absent until an agent acts): corrections by field name ({} once all were undone).
    corrections: dict[str, FieldCorrection] | None = None
    type_correction: TypeCorrection | None = None

    ABSENT_WHEN_NONE = ("corrections", "type_correction", "page_views")

    def page_view(self, page: int) -> PageView | None:
        return next((v for v in self.page_views or [] if v.page == page), None)


class Flag(BaseModel):
    code: FlagCode
    severity: Severity
    piece: int | None = None
    field: str | None = None
    piece_type: str | None = None
    source: str | None = None
    page: int | None = None
    check: str | None = None  # check_inconclusive: the code of the check left undecided
    message: str

    @classmethod
    def make(cls, code: FlagCode, message: str, **kw: Any) -> "Flag":
        return cls(code=code, severity=SEVERITY[code], message=message, **kw)


class DossierInfo(BaseModel):
    reference: str
    procedure: str
    procedure_source: Literal["manifest", "inferred"]
    submitted_at: dt.date
    # What the manifest declared for the shortage exemption (None: not given or malformed),
    # kept so that the checks can run again on the result alone (after a correction).
    job_rome_code: str | None = None
    work_postcode: str | None = None


class LabourMarketTest(BaseModel):
    """How the labour-market test came out, and why, for the agent (DOMAIN.md v2)."""

    outcome: Literal["applies", "exempt:shortage", "exempt:graduate", "not_applicable"]
    reasoning: str  # French sentences: which exemption, list row, threshold, publication window
    certain: bool = True  # False when the outcome rests on a doubtful value


class CheckedAgainst(BaseModel):
    """The reference data a dossier was checked against, so a decision can be explained later."""

    shortage_list_valid_from: dt.date | None = None  # the list rows in force for the region
    region_code: str | None = None
    legal_amounts: dict[str, str] = Field(default_factory=dict)  # name@date -> value, as used
    rules: list[str] = Field(default_factory=list)  # the rule names run


class DossierResult(OmitsAbsent):
    # "1" is only ever read back (results stored before v2); the pipeline writes "2".
    schema_version: Literal["1", "2"] = SCHEMA_VERSION  # type: ignore[assignment]
    dossier: DossierInfo
    status: Status
    pieces: list[PieceResult] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    error: str | None = None
    labour_market_test: LabourMarketTest | None = None
    checked_against: CheckedAgainst | None = None
    review: Review | None = None  # the agent's decision, once taken (absent until then)
    # Flags agents set aside with a reason (absent until one is): they no longer block.
    overrides: list[FlagOverride] | None = None

    ABSENT_WHEN_NONE = ("review", "overrides")

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=False)
