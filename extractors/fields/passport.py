"""Passport data page (ICAO TD3) fields: the shared identity-document reading
(extractors/fields/identity.py) with the passport's field list."""
from __future__ import annotations

from extractors.fields.identity import IdentityLayout, extract_identity
from models import Extraction, Page

PASSPORT = IdentityLayout(fields=(
    "document_number", "surname", "given_names", "nationality",
    "date_of_birth", "sex", "expiry_date", "issuing_state",
))


def extract(pages: list[Page], mrz_lines: list[str] | None) -> Extraction:
    extraction, _, _ = extract_identity(pages, mrz_lines, PASSPORT)
    return extraction
