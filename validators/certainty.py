"""Certain values only (DOMAIN.md, "Checks and flags"): a check raises its own flag only
when every value it compares is certain; otherwise it raises `check_inconclusive`.

A value is certain when its `field_confidence` is at least CONFIDENCE_THRESHOLD and, for
an MRZ-covered field, its check digit held (the field is not in `piece.mrz_failed`).

Why 0.60: chosen from the reliability table of `make reliability` (README, "Reliability of field
confidence"; `benchmarks/reliability.py`): on 20 dossiers of held-out layout families (632 values),
values below 0.60 were right 8 times in 18, values from 0.60 up 562 in 614. The same results
checked again at thresholds from 0.50 to 0.95 scored best at 0.55-0.60 (flags F1 0.757, status
0.950): lower, misreads raise false blocking flags (a surname read "Suite" at 0.54 on a damaged
page, tests/test_damaged_pages.py, would give identity_mismatch); higher, right values give check_inconclusive (status 0.900 at 0.65-0.80, 0.850 at 0.90), since
most wrong values come at 0.80-0.96, where no threshold can tell them. The confidences are
calibrated first (extractors/fields/calibration.py). It also keeps the identity extractor's
visual-zone values that no MRZ confirms (a card without MRZ, a permit category: CONF_VISUAL,
0.60) certain: an identity card without MRZ can be found expired. MRZ-failed fields are doubtful
through `mrz_failed` anyway. Revisit the value with `make reliability` when extractors change
how they score.

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


def read_off_an_image(value: Value) -> bool:
    """Whether a value was read by OCR (not from a text layer) and no agent corrected it."""
    return (value.piece.text_source != "text_layer"
            and value.piece.field_confidence.get(value.field, 0.0) < CORRECTED_CONFIDENCE)


def first_doubtful(values: list[Value]) -> Value | None:
    return next((v for v in values if not is_certain(v.piece, v.field)), None)


def why_doubtful(value: Value) -> str:
    if value.field in value.piece.mrz_failed:
        return "sa clé de contrôle MRZ ne correspond pas"
    confidence = value.piece.field_confidence.get(value.field, 0.0)
    return f"confiance de lecture de {percent(confidence)}, sous le seuil de {percent(CONFIDENCE_THRESHOLD)}"


def percent(share: float) -> str:
    return f"{round(share * 100)}\u00a0%"


def inconclusive(check: FlagCode, doubtful: Value, finding: str, piece_type: str | None = None,
                 reason: str | None = None) -> Flag:
    """The check_inconclusive flag standing for `check`'s own flag, whose message was `finding`;
    `reason` says why the value is doubtful (by default, its confidence or MRZ check)."""
    return Flag.make(
        FlagCode.check_inconclusive,
        f"Contrôle « {check.value} » non tranché : le champ « {field_label(doubtful.field)} » lu sur "
        f"{piece_label(doubtful.piece)} est incertain ({reason or why_doubtful(doubtful)}). "
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
