"""Inferring the procedure from the pieces, when there is no usable manifest (DOMAIN.md)."""
from __future__ import annotations

from collections.abc import Iterable

from models.domain import FlagCode, PieceType
from models.records import Flag

# What the result names as procedure when neither the manifest nor the pieces tell it.
UNKNOWN_PROCEDURE = "unknown"


def infer_procedure(piece_types: Iterable[PieceType | str]) -> str | None:
    """The procedure the pieces show, or None. A renewal cannot be told from its pieces."""
    present = {PieceType(t) for t in piece_types}
    if PieceType.internship_agreement in present:
        return "stage"
    if PieceType.employment_contract in present:
        if PieceType.residence_permit in present:
            return "changement_statut"
        return "introduction_salarie"
    return None


def procedure_undetermined_flag(procedure: str = UNKNOWN_PROCEDURE) -> Flag:
    """The dossier-level flag for a procedure that is "unknown" (or, defensively, not in the table);
    the caller adds it next to run_checks' flags, whose missing_piece then checks nothing."""
    if procedure == UNKNOWN_PROCEDURE:
        message = (
            "Procédure indéterminée : pas de manifeste dossier.json utilisable, et les pièces ne "
            "permettent pas de la déduire (ni contrat de travail, ni convention de stage). "
            "Les pièces exigées n'ont pas pu être vérifiées."
        )
    else:
        message = (
            f"Procédure « {procedure} » inconnue de la table des procédures : "
            "les pièces exigées n'ont pas pu être vérifiées."
        )
    return Flag.make(FlagCode.procedure_undetermined, message)
