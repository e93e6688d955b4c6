"""Run the checks again on a result document an agent has corrected, without reading
anything again: the corrected fields are certain, the reading flags stay as they were.

Used by the review pages after a field correction or a piece-type change (issue 10:
corrections that count), so an agent sees at once what the correction changed.
"""
from __future__ import annotations

from models import DossierResult
from validators import READING_CODES, CheckContext, assess
from validators.overrides import decide_status_with_overrides


def recheck_document(result: DossierResult) -> DossierResult:
    """The result with its rules' flags, status, labour-market test and reference data
    computed again from its (corrected) fields; its pieces, corrections and review stay."""
    if result.schema_version != "2":
        return result  # a result of the earlier rules is rechecked by a rerun, not piecemeal
    info = result.dossier
    ctx = CheckContext(procedure=info.procedure, submitted_at=info.submitted_at, pieces=result.pieces,
                       job_rome_code=info.job_rome_code, work_postcode=info.work_postcode)
    # The reading flags come from reading the files, not from the rules: a recheck keeps them.
    assessment = assess(ctx, prior_flags=[f for f in result.flags if f.code in READING_CODES])
    return result.model_copy(update={
        # Flags agents set aside with a reason (same code, piece, field) stay set aside.
        "flags": assessment.flags, "status": decide_status_with_overrides(assessment.flags, result.overrides),
        "labour_market_test": assessment.labour_market_test, "checked_against": assessment.checked_against,
    })
