"""The message an agent sends the employer with a dossier sent back as incomplete,
written for them from what holds the dossier back: one line per reason, in French, for
the agent to edit before sending.

The reasons are the blocking flags; a dossier with none (an agent sending back one from
the queue) offers its other points to verify. Flags an agent set aside with a reason
are no reason to write.
"""
from __future__ import annotations

from models.domain import Severity
from models.records import DossierResult, Flag
from web import labels

OPENING = "Bonjour,\nLe dossier {reference} ne peut pas être instruit en l'état :"
CLOSING = "Merci de nous transmettre les pièces ou les corrections nécessaires."


def employer_message(result: DossierResult | None) -> str:
    """The pre-filled message; empty when nothing explains a send-back (the agent writes it)."""
    if result is None:
        return ""
    reasons = _reasons(result)
    if not reasons:
        return ""
    lines = [f"- {flag.message.strip()}{_where(result, flag)}" for flag in reasons]
    return "\n".join([OPENING.format(reference=result.dossier.reference), *dict.fromkeys(lines), CLOSING])


def _reasons(result: DossierResult) -> list[Flag]:
    overrides = result.overrides or []
    standing = [f for f in result.flags if not any(o.covers(f) for o in overrides)]
    blocking = [f for f in standing if f.severity == Severity.blocking]
    return blocking or standing


def _where(result: DossierResult, flag: Flag) -> str:
    """The document a reason concerns, as the employer knows it: its kind and file name."""
    if flag.piece is None or not 0 <= flag.piece < len(result.pieces):
        return ""
    piece = result.pieces[flag.piece]
    return f" ({labels.label(labels.PIECE_TYPES, piece.type)}, fichier {piece.source})"
