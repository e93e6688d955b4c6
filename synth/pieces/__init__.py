"""One builder per piece type: `build(piece_type, facts, rng) -> BuiltPiece`."""
from __future__ import annotations

import random
from typing import Callable

from synth.facts import DossierFacts
from synth.pieces.base import BuiltPiece
from synth.pieces.education import build_cv, build_diploma, build_internship_agreement
from synth.pieces.fresh import with_fresh
from synth.pieces.idcards import build_id_card
from synth.pieces.identity import build_passport, build_residence_permit
from synth.pieces.misc import build_other as build_other_before_fresh
from synth.pieces.offers import build_job_offer
from synth.pieces.registry_docs import build_company_registration
from synth.pieces.statements import build_applications_statement
from synth.pieces.urssaf import build_urssaf_certificate
from synth.pieces.work import build_employment_contract
from synth.pieces.work import build_payslip as build_payslip_before_fresh

# the dossier builds each month's payslip itself (synth/dossier.py): the fresh family is drawn there too
build_payslip = with_fresh("payslip", build_payslip_before_fresh)
# the dossier adds an `other` piece itself too (an unreadable extra): the fresh family is drawn there as well
build_other = with_fresh("other", build_other_before_fresh)

BUILDERS: dict[str, Callable[[DossierFacts, random.Random], BuiltPiece]] = {
    "passport": build_passport,
    "id_card": build_id_card,
    "residence_permit": with_fresh("residence_permit", build_residence_permit),
    "employment_contract": with_fresh("employment_contract", build_employment_contract),
    "internship_agreement": with_fresh("internship_agreement", build_internship_agreement),
    "company_registration": with_fresh("company_registration", build_company_registration),
    "payslip": build_payslip,
    "urssaf_certificate": with_fresh("urssaf_certificate", build_urssaf_certificate),
    "job_offer": build_job_offer,
    "applications_statement": with_fresh("applications_statement", build_applications_statement),
    "diploma": with_fresh("diploma", build_diploma),
    "cv": with_fresh("cv", build_cv),
    "other": build_other,
}


def build(piece_type: str, facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    return BUILDERS[piece_type](facts, rng)


__all__ = ["BUILDERS", "BuiltPiece", "build", "build_payslip", "build_other"]
