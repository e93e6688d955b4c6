"""Certain values only (DOMAIN.md, "Checks and flags"): a check raises its own flag only
when every value it compares is certain; otherwise it raises `check_inconclusive`.

A value is certain when its `field_confidence` is at least CONFIDENCE_THRESHOLD and, for
an MRZ-covered field, its check digit held (the field is not in `piece.mrz_failed`).

Why 0.60: measured on the shared samples and a synthetic batch of 10 dossiers (`dossiers
process DIR... --out-dir OUT --as-of 2026-06-15`, 457 read values compared with the truth).
Right values: text layers at 0.90 and more, MRZ-confirmed fields at 0.95-1.0, OCR'd amounts and
hours (what the pay checks compare) at 0.80-0.87, and the identity extractor's visual-zone
values that no MRZ confirms (a card without MRZ, a permit category) at exactly 0.60
(CONF_VISUAL): they must stay certain, or an identity card without MRZ could never be found
expired and a permit category never settle the labour-market test. The misread that mattered
came lower: a diploma's holder surname read as "Paris" at 0.58 (it raised a false
identity_mismatch). MRZ-failed fields (0.60) are doubtful through `mrz_failed` anyway. The
other misreads seen (a security code O/0 at 0.74, MRZ letters at 0.97) are compared by no
check. Revisit the value when extractors change how they score (the README says how).

A field with no confidence entry is taken as certain: the extractors give one for every value
they read, so only values set by other means (tests, an agent) lack it. A value an agent
corrected is certain: the review path sets its confidence to CORRECTED_CONFIDENCE (1.0) and
removes it from `mrz_failed`.
"""
from __future__ import annotations

from dataclasses import dataclass

from models.domain import FlagCode
from models.records import Flag, PieceResult
from validators.wording import field_label, piece_label

CONFIDENCE_THRESHOLD = 0.60
CORRECTED_CONFIDENCE = 1.0


@dataclass(frozen=True)
class Value:
    """One value a check compares: where it was read (index into ctx.pieces, piece, field)."""

    index: int
    piece: PieceResult
    field: str


def is_certain(piece: PieceResult, field: str) -> bool:
    if field in piece.mrz_failed:
        return False
    confidence = piece.field_confidence.get(field)
    return confidence is None or confidence >= CONFIDENCE_THRESHOLD


def first_doubtful(values: list[Value]) -> Value | None:
    return next((v for v in values if not is_certain(v.piece, v.field)), None)


def why_doubtful(value: Value) -> str:
    if value.field in value.piece.mrz_failed:
        return "sa clé de contrôle MRZ ne correspond pas"
    confidence = value.piece.field_confidence.get(value.field, 0.0)
    return f"confiance de lecture de {percent(confidence)}, sous le seuil de {percent(CONFIDENCE_THRESHOLD)}"


def percent(share: float) -> str:
    return f"{round(share * 100)}\u00a0%"


def inconclusive(check: FlagCode, doubtful: Value, finding: str, piece_type: str | None = None) -> Flag:
    """The check_inconclusive flag standing for `check`'s own flag, whose message was `finding`."""
    return Flag.make(
        FlagCode.check_inconclusive,
        f"Contrôle « {check.value} » non tranché : le champ « {field_label(doubtful.field)} » lu sur "
        f"{piece_label(doubtful.piece)} est incertain ({why_doubtful(doubtful)}). "
        f"À vérifier sur la pièce ; si la valeur lue est juste : {finding}",
        piece=doubtful.index,
        field=doubtful.field,
        check=check.value,
        piece_type=piece_type,
    )


def flag_if_certain(code: FlagCode, message: str, compared: list[Value], *, piece: int | None,
                    field: str | None = None, piece_type: str | None = None) -> Flag:
    """`code`'s flag when every compared value is certain, else check_inconclusive naming it."""
    doubtful = first_doubtful(compared)
    if doubtful is not None:
        return inconclusive(code, doubtful, message, piece_type)
    return Flag.make(code, message, piece=piece, field=field, piece_type=piece_type)
