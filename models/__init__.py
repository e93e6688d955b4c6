"""Typed records shared by every layer. Imports nothing else of the project."""
from models.document import Line, Page, Word
from models.domain import (
    FIELDS,
    PROCEDURES_KNOWN,
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
    DossierInfo,
    DossierResult,
    Extraction,
    FieldBox,
    Flag,
    Manifest,
    PieceResult,
)

__all__ = [
    "Word", "Line", "Page", "FIELDS", "PROCEDURES_KNOWN", "FlagCode", "PieceType",
    "Severity", "SEVERITY", "Status", "DossierError", "EncryptedFile", "EmptyFile",
    "FileLimitExceeded", "CorruptFile", "UnreadableFileError", "UnsafePath",
    "UnsupportedFormat", "ProcessingError", "ReadTimeout", "DossierInfo",
    "DossierResult", "Extraction", "FieldBox", "Flag", "Manifest", "PieceResult",
]
