"""Field extraction for one piece: dispatch on its type to the extractor that knows it."""
from __future__ import annotations

from importlib import import_module

from extractors.fields.calibration import calibrate
from extractors.fields.identity import page_spans
from extractors.fields.identity_boxes import add_missing_boxes
from models import FIELDS, Extraction, Page, PieceType

# Modules under extractors.fields; identity documents also take the MRZ lines.
_MODULES = {
    PieceType.passport: "passport",
    PieceType.id_card: "id_card",
    PieceType.residence_permit: "residence_permit",
    PieceType.employment_contract: "employment_contract",
    PieceType.internship_agreement: "internship_agreement",
    PieceType.company_registration: "company_registration",
    PieceType.payslip: "payslip",
    PieceType.diploma: "diploma",
    PieceType.urssaf_certificate: "urssaf_certificate",
    PieceType.job_offer: "job_offer",
    PieceType.applications_statement: "applications_statement",
}
_IDENTITY = {PieceType.passport, PieceType.id_card, PieceType.residence_permit}


def extract_fields(piece_type: PieceType, pages: list[Page]) -> Extraction:
    module_name = _MODULES.get(piece_type)
    if module_name is None:
        return Extraction()
    module = import_module(f"extractors.fields.{module_name}")
    if piece_type in _IDENTITY:
        mrz_lines = _mrz_lines(pages)
        extraction = module.extract(pages, mrz_lines)
        # Fields read from the MRZ get a box too: the viewer outlines every value.
        add_missing_boxes(extraction, page_spans(pages))
    else:
        extraction = module.extract(pages)
    # The contract: exactly the fields of the type, null when unread.
    extraction.fields = {name: extraction.fields.get(name) for name in FIELDS[piece_type]}
    return calibrate(piece_type, pages, extraction)


def _mrz_lines(pages: list[Page]) -> list[str] | None:
    for page in pages:
        mrz = page.extra_text.get("mrz")
        if mrz:
            return mrz.splitlines()
    return None
