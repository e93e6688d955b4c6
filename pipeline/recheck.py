"""Run the checks again on a result document an agent has corrected, without reading
anything again: the corrected fields are certain, the reading flags stay as they were.

Used by the review pages after a field correction or a piece-type change (issue 10:
corrections that count), so an agent sees at once what the correction changed.
"""
from __future__ import annotations

from typing import Any

from models import DossierResult, FlagCode
from validators import CheckContext, assess

# Flags that come from reading the files, not from the rules: a recheck keeps them.
READING_FLAGS = frozenset({FlagCode.unreadable_file, FlagCode.invalid_manifest, FlagCode.illegible_page,
                           FlagCode.unclassified_piece, FlagCode.mrz_check_failed})


def recheck_document(document: dict[str, Any]) -> dict[str, Any]:
    """The document with its rules' flags, status, labour-market test and reference data
    computed again from its (corrected) fields. Keys the model does not know (review,
    corrections...) are kept as they were."""
    if document.get("schema_version") != "2":
        return document  # a result of the earlier rules is rechecked by a rerun, not piecemeal
    result = DossierResult.model_validate(document)
    info = result.dossier
    ctx = CheckContext(procedure=info.procedure, submitted_at=info.submitted_at, pieces=result.pieces,
                       job_rome_code=info.job_rome_code, work_postcode=info.work_postcode)
    assessment = assess(ctx, prior_flags=[f for f in result.flags if f.code in READING_FLAGS])
    checked = result.model_copy(update={
        "schema_version": "2", "flags": assessment.flags, "status": assessment.status,
        "labour_market_test": assessment.labour_market_test, "checked_against": assessment.checked_against,
    }).to_json_dict()
    return {**document, **{key: checked[key] for key in
                           ("schema_version", "flags", "status", "labour_market_test", "checked_against")}}
