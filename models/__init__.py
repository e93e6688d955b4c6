"""Typed records shared by every layer. Imports nothing else of the project.

Every record, in one place (module: record — what it is; made by → read by):

document.py   Word, Line, Page — a page as read: words with boxes and confidences;
              extractors (pdf_text, ocr) → extractors, the page cache (JSON)
domain.py     PieceType, FlagCode, Severity, Status, FIELDS... — the vocabulary of DOMAIN.md
received.py   ReceivedDossier (KeptFile, PlannedFile, FileProblem) — a dossier as received:
              each file hashed, kept and planned once; pipeline.received → the reading
              steps, Airflow's tasks (JSON through the object store)
records.py    Manifest — what dossier.json declares; pipeline.intake → the result's dossier
              Extraction, FieldBox — a field extractor's reading of one piece; extractors →
              pipeline (into PieceResult)
              PageView — how the reader turned a page (rotation, deskew); pipeline.process →
              PieceResult.page_views → web.page_images (draws the page the boxes refer to)
              PieceResult, Flag, DossierInfo, LabourMarketTest, CheckedAgainst — parts of
              DossierResult — THE result document (../shared/spec/dossier-result.schema.json):
              pipeline (process, recheck) → storage (runs.result), the CLI's JSON,
              `dossiers show`, the review pages; storage returns it (Records.current_result,
              Reviews.dossier), review keys included
review.py     FieldCorrection (with FieldReading), TypeCorrection, Review, Decision, FlagOverride —
              what an agent adds to a result (PieceResult.corrections / type_correction,
              DossierResult.review / overrides; absent until a review writes them); storage.reviews,
              storage.overrides →
              the stored document, the web pages, the exports. OmitsAbsent: their base
reading.py    ReadingFacts (PieceReading, PageReading) — what reading found about its own
              quality; pipeline.process → validators.reading (the reading flags)
errors.py     DossierError and its four categories, each with its exit code (see there)
"""
from models.document import Line, Page, Word
from models.domain import (
    FIELDS,
    IDENTITY_DOCUMENTS,
    PROCEDURES_KNOWN,
    SCHEMA_VERSION,
    FlagCode,
    PieceType,
    Severity,
    SEVERITY,
    Status,
)
from models.errors import (
    BadInputError,
    DependencyUnavailable,
    DossierError,
    InternalError,
    TemporarilyUnavailable,
    UsageError,
    EncryptedFile,
    EmptyFile,
    FileLimitExceeded,
    CorruptFile,
    UnreadableFileError,
    UnsafePath,
    UnsupportedFormat,
    ProcessingError,
    ReadTimeout,
)
from models.records import (
    CheckedAgainst,
    DossierInfo,
    DossierResult,
    Extraction,
    FieldBox,
    Flag,
    LabourMarketTest,
    Manifest,
    PieceResult,
)
from models.review import Decision, FieldCorrection, FieldReading, Review, TypeCorrection

__all__ = [
    "Word", "Line", "Page", "FIELDS", "IDENTITY_DOCUMENTS", "PROCEDURES_KNOWN", "SCHEMA_VERSION", "FlagCode", "PieceType",
    "Severity", "SEVERITY", "Status", "DossierError", "EncryptedFile", "EmptyFile",
    "FileLimitExceeded", "CorruptFile", "UnreadableFileError", "UnsafePath",
    "UnsupportedFormat", "ProcessingError", "ReadTimeout", "DossierInfo",
    "DossierResult", "Extraction", "FieldBox", "Flag", "Manifest", "PieceResult",
    "LabourMarketTest", "CheckedAgainst", "UsageError", "BadInputError", "DependencyUnavailable",
    "TemporarilyUnavailable", "InternalError",
    "Decision", "FieldCorrection", "FieldReading", "Review", "TypeCorrection",
]
