"""Typed records shared by every layer. Imports nothing else of the project."""
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
    DossierError,
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

__all__ = [
    "Word", "Line", "Page", "FIELDS", "IDENTITY_DOCUMENTS", "PROCEDURES_KNOWN", "SCHEMA_VERSION", "FlagCode", "PieceType",
    "Severity", "SEVERITY", "Status", "DossierError", "EncryptedFile", "EmptyFile",
    "FileLimitExceeded", "CorruptFile", "UnreadableFileError", "UnsafePath",
    "UnsupportedFormat", "ProcessingError", "ReadTimeout", "DossierInfo",
    "DossierResult", "Extraction", "FieldBox", "Flag", "Manifest", "PieceResult",
    "LabourMarketTest", "CheckedAgainst",
]
