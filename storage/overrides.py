"""Flags that agents set aside with a written reason (issue 10, point 3), and which checks
they set aside most.

An override applies to the dossier's current run, in the review's transaction
(storage.reviews): it is added to the result document's `overrides` (what the checks
honour: pipeline.recheck and validators.overrides), kept as a row of `flag_overrides` (all
of them, for the counts, also after a rerun dropped them from the current result) and
written to the history; then the checks run again, so the status follows: a dossier held
back only by overridden flags goes to the agents' queue (`ready_for_review`). An override
set by mistake is withdrawn the same way (`withdraw`): the flag counts again.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.domain import FlagCode
from models.records import Flag
from models.review import FlagOverride
from storage.records import _audit
from storage.reviews import (
    CORRECTABLE,
    ChecksOutcome,
    ReviewError,
    Reviews,
    StaleReview,
    _now,
)

REASON_MAX = 2000  # characters: a reason is a sentence or two, not a letter


@dataclass(frozen=True)
class OverrideCount:
    """How often agents set a check aside (`check`: for check_inconclusive, the check left undecided)."""
    code: str
    check: str | None
    overrides: int
    blocking: int  # of which the flag was blocking
    dossiers: int
    last_at: dt.datetime


class Overrides:
    def __init__(self, reviews: Reviews) -> None:
        # The review's transaction and recheck: an override is one more review action.
        self.reviews = reviews

    def override(self, reference: str, run_id: int, position: int, code: str, reason: str,
                 actor: str) -> ChecksOutcome:
        """Set aside the flag at `position` of the current result (`code` guards against a
        page shown before the flags changed); `reason` is required. What the checks then
        did (the status change) comes back."""
        reason = reason.strip()
        if not reason:
            raise ReviewError("indiquez pourquoi vous écartez ce contrôle")
        if len(reason) > REASON_MAX:
            raise ReviewError(f"motif trop long (au plus {REASON_MAX} caractères)")
        reviews = self.reviews
        with reviews._reviewable(reference, run_id, actor, CORRECTABLE) as (conn, dossier_id, result):
            if result.schema_version != "2":
                raise ReviewError("résultat produit selon les règles antérieures : relancez le traitement "
                                  "avant d'écarter un contrôle")
            flag = _flag_at(result.flags, position, code)
            overrides = list(result.overrides or [])
            if any(o.covers(flag) for o in overrides):
                raise ReviewError("ce contrôle est déjà écarté")
            override = FlagOverride(code=FlagCode(code), severity=flag.severity, piece=flag.piece,
                                    field=flag.field, piece_type=flag.piece_type, check=flag.check,
                                    reason=reason, by=actor, at=_now())
            result.overrides = [*overrides, override]
            conn.execute(
                """INSERT INTO flag_overrides (dossier_id, run_id, code, severity, piece_index, piece_type,
                                               field, check_code, reason, overridden_by, overridden_at)
                   VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""",
                (dossier_id, run_id, code, flag.severity.value, flag.piece, flag.piece_type, flag.field,
                 flag.check, reason, actor, override.at))
            _audit(conn, dossier_id, run_id, actor, "flag_overridden", {**_described(flag), "reason": reason})
            return reviews._recheck_and_save(conn, dossier_id, run_id, result, actor, ())

    def withdraw(self, reference: str, run_id: int, position: int, code: str, actor: str) -> ChecksOutcome:
        """Take back the override of the flag at `position` (set aside by mistake): the flag
        counts again, the history says who withdrew it, the checks run again."""
        reviews = self.reviews
        with reviews._reviewable(reference, run_id, actor, CORRECTABLE) as (conn, dossier_id, result):
            flag = _flag_at(result.flags, position, code)
            overrides = list(result.overrides or [])
            kept = [o for o in overrides if not o.covers(flag)]
            if len(kept) == len(overrides):
                raise ReviewError("ce contrôle n'est pas écarté")
            result.overrides = kept or None
            conn.execute(
                """UPDATE flag_overrides SET withdrawn_by = %s, withdrawn_at = %s
                   WHERE run_id = %s AND code = %s AND withdrawn_at IS NULL
                     AND piece_index IS NOT DISTINCT FROM %s AND piece_type IS NOT DISTINCT FROM %s
                     AND field IS NOT DISTINCT FROM %s AND check_code IS NOT DISTINCT FROM %s""",
                (actor, _now(), run_id, code, flag.piece, flag.piece_type, flag.field, flag.check))
            _audit(conn, dossier_id, run_id, actor, "flag_restored", _described(flag))
            return reviews._recheck_and_save(conn, dossier_id, run_id, result, actor, ())

    def most_overridden(self, limit: int = 20) -> list[OverrideCount]:
        """The checks agents set aside most, every override ever made (reruns included) but
        those withdrawn as mistakes."""
        with self.reviews.db.connection() as conn:
            rows = conn.execute(
                """SELECT code, check_code, count(*), count(*) FILTER (WHERE severity = 'blocking'),
                          count(DISTINCT dossier_id), max(overridden_at)
                   FROM flag_overrides WHERE withdrawn_at IS NULL GROUP BY code, check_code
                   ORDER BY count(*) DESC, code, check_code NULLS FIRST LIMIT %s""", (limit,)).fetchall()
        return [OverrideCount(*row) for row in rows]


def _flag_at(flags: list[Flag], position: int, code: str) -> Flag:
    """The flag an agent acts on, as the page showed it (`code` guards against a page shown
    before the flags changed)."""
    if not 0 <= position < len(flags) or flags[position].code.value != code:
        raise StaleReview("les alertes du dossier ont changé depuis l'affichage de la page : rechargez-la")
    return flags[position]


def _described(flag: Flag) -> dict[str, object]:
    """What the history keeps of a flag an agent acted on."""
    return {"code": flag.code.value, "severity": flag.severity.value, "piece": flag.piece, "field": flag.field}
