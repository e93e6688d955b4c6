"""The record of a received dossier: made once when it arrives (taken in, each file
hashed and kept, each file's pages planned) and handed to every step after it, so
that no step takes the dossier in, hashes or plans a file again. JSON both ways:
Airflow's tasks pass it through the object store, keyed by the staged entry."""
from __future__ import annotations

from pydantic import BaseModel, Field

from models.records import Manifest


class FileProblem(BaseModel):
    """A file that will not be read, with what its `unreadable_file` flag says."""

    source: str
    reason: str
    detail: str = ""


class KeptFile(BaseModel):
    """A file kept as received in the object store (a zip, each of its members, the manifest)."""

    source: str
    sha256: str
    size: int
    media_type: str
    object_key: str
    role: str  # original | member | manifest


class PlannedFile(BaseModel):
    """A file to read, in the dossier's order: its pages, or why it has none."""

    source: str
    sha256: str | None = None  # None when it was refused before its bytes were read
    media_type: str | None = None  # from its bytes (extractors.filetype.FileKind)
    pages: int = 0
    problem: FileProblem | None = None


class ReceivedDossier(BaseModel):
    name: str  # folder name, or file name without extension
    shape: str  # folder | zip | merged
    manifest: Manifest | None = None
    manifest_error: str | None = None
    problems: list[FileProblem] = Field(default_factory=list)  # found while taking it in
    kept: list[KeptFile] = Field(default_factory=list)
    planned: list[PlannedFile] = Field(default_factory=list)
    error: str | None = None  # taking it in or keeping it broke: the dossier's result is `failed`
