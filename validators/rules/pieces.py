"""Rules on the dossier's make-up: required pieces, unread fields."""
from __future__ import annotations

from models.domain import FIELDS, OPTIONAL_FIELDS, FlagCode, PieceType
from models.records import Flag, PieceResult
from validators.certainty import inconclusive
from validators.context import CheckContext
from validators.labour_market import labour_market_decision
from validators.wording import PIECE_LABEL, field_label, piece_label


def missing_piece(ctx: CheckContext) -> list[Flag]:
    """The procedure's required pieces, and the labour-market test's when it applies.
    Nothing to check for an "unknown" procedure: its procedure_undetermined flag comes
    with the inference (validators.procedure), not from the rules."""
    procedure = ctx.procedures.get(ctx.procedure)
    if procedure is None:
        return []
    present = {piece.type for piece in ctx.pieces}
    flags = []
    for requirement in procedure.required:
        if requirement.is_met_by(present):
            continue
        wanted = " ou ".join(PIECE_LABEL[t] for t in requirement.alternatives)
        flags.append(Flag.make(
            FlagCode.missing_piece,
            f"Pièce manquante pour la procédure « {procedure.label} » : {wanted}.",
            piece=None,
            piece_type=requirement.reported_type.value,
        ))
    return flags + _labour_market_pieces(ctx, present)


def _labour_market_pieces(ctx: CheckContext, present: set[PieceType]) -> list[Flag]:
    """Absent offer / statement: missing_piece when the test surely applies; check_inconclusive
    when the decision rests on a doubtful value (it never decides an exemption alone)."""
    decision = labour_market_decision(ctx)
    if decision is None or not decision.may_apply:
        return []
    flags = []
    for piece_type in decision.required:
        if piece_type in present:
            continue
        finding = f"Pièce manquante : {PIECE_LABEL[piece_type]}. {decision.reasoning}"
        if decision.doubt is not None:
            flags.append(inconclusive(FlagCode.missing_piece, decision.doubt, finding, piece_type.value))
        else:
            flags.append(Flag.make(FlagCode.missing_piece, finding, piece=None, piece_type=piece_type.value))
    return flags


def missing_field(ctx: CheckContext) -> list[Flag]:
    flags = []
    for index, piece in enumerate(ctx.pieces):
        for name in FIELDS[piece.type]:
            if piece.fields.get(name) is None and not _may_be_absent(piece, name):
                flags.append(Flag.make(
                    FlagCode.missing_field,
                    f"Champ « {field_label(name)} » non lu sur {piece_label(piece)} : à vérifier sur la pièce.",
                    piece=index,
                    field=name,
                ))
    return flags


def _may_be_absent(piece: PieceResult, name: str) -> bool:
    # The extractor says which fields the document legitimately lacks (a diploma printing
    # only a year has no award_date).
    if name in piece.absent_fields or name in OPTIONAL_FIELDS.get(piece.type, frozenset()):
        return True
    # Only a CDD must have an end date (a CDI has none); an unread contract type is
    # flagged on its own field, not twice.
    is_contract = piece.type == PieceType.employment_contract
    return is_contract and name == "end_date" and piece.fields.get("contract_type") != "CDD"
