"""Passport data page (ICAO TD3) fields: the shared identity-document reading
(extractors/fields/identity.py) with the passport's field list."""
from __future__ import annotations

from extractors.fields.identity import IDENTITY_DOCUMENT, extract_identity
from models import Extraction, Page


def extract(pages: list[Page], mrz_lines: list[str] | None) -> Extraction:
    extraction, _, _ = extract_identity(pages, mrz_lines, IDENTITY_DOCUMENT)
    return extraction
