"""National identity card (ICAO TD1 or TD2 card, or the old French card's own MRZ):
the eight passport fields, read as for a passport (extractors/fields/identity.py)."""
from __future__ import annotations

from extractors.fields.identity import IDENTITY_DOCUMENT, extract_identity
from models import Extraction, Page


def extract(pages: list[Page], mrz_lines: list[str] | None) -> Extraction:
    extraction, _, _ = extract_identity(pages, mrz_lines, IDENTITY_DOCUMENT)
    return extraction
