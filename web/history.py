"""A dossier's history in words, for its page: "Champ corrigé sur la pièce 3 : « Salaire
mensuel brut (€) », 2 550,00 € → 2 600,00 €, par agnes, le 30/11/2026 à 14:05".

Pieces are numbered as the page numbers them (from 1; the records count from 0), values
are shown by the kind of field they are, codes by their French labels. A processing
error is for administrators: agents read that the reading failed, not the technical cause.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from storage.records import PIPELINE_ACTOR, AuditEvent
from web import labels
from web.formatting import date_fr, datetime_fr, field_value

FAILED_FOR_AGENTS = "La lecture du dossier a échoué ; un administrateur peut le relancer."
# A flag as storage.reviews names it in `checks_rerun`: "code (pièce 2)", "code (passport)".
_FLAG_KEY = re.compile(r"(?P<code>\w+) \((?P<where>.*)\)")

Details = dict[str, Any]


def history_lines(events: list[AuditEvent], admin: bool) -> list[str]:
    return [event_text(event, admin) for event in events]


def event_text(event: AuditEvent, admin: bool) -> str:
    """One event as a sentence: what happened, by whom, when (Paris time)."""
    describe = _DESCRIBE.get(event.action)
    what = describe(event.details, admin) if describe else _generic(event.action, event.details)
    who = "le traitement automatique" if event.actor == PIPELINE_ACTOR else event.actor
    # A described part may end a sentence of its own ("… peut le relancer."): one stop only.
    return f"{what.rstrip(' .')}, par {who}, le {datetime_fr(event.at)}."


def piece_number(index: object) -> str:
    return f"pièce {int(index) + 1}" if isinstance(index, int) else "pièce ?"


def _registered(details: Details, admin: bool) -> str:
    received = details.get("first_received_at")
    return "Dossier enregistré" + (f" (première réception le {date_fr(received)})" if received else "")


def _completed(details: Details, admin: bool) -> str:
    count = details.get("flags")
    alerts = "" if count is None else f", {alert_count(count)}"
    return f"Traitement terminé : {labels.label(labels.STATUSES, details.get('status'))}{alerts}"


def alert_count(count: int) -> str:
    """0 -> "aucune alerte", 1 -> "1 alerte", 3 -> "3 alertes"."""
    return "aucune alerte" if count == 0 else f"{count} alerte{'s' if count > 1 else ''}"


def _failed(details: Details, admin: bool) -> str:
    return "Traitement en échec : " + failure_message(details.get("error"), admin)


def _abandoned(details: Details, admin: bool) -> str:
    technical = f" (erreur technique : {details['error']})" if admin and details.get("error") else ""
    return f"Traitement abandonné : le processus s'est arrêté avant la fin{technical}"


def _field_corrected(details: Details, admin: bool) -> str:
    field = str(details.get("field"))
    before, after = (field_value(details.get(key), field) for key in ("previous", "value"))
    return (f"Champ corrigé sur la {piece_number(details.get('piece'))} : "
            f"« {labels.label(labels.FIELDS, field)} », {before} → {after}")


def _type_changed(details: Details, admin: bool) -> str:
    before, after = (labels.label(labels.PIECE_TYPES, details.get(key)) for key in ("previous", "type"))
    reread = {True: " ; champs relus pour le nouveau type",
              False: " ; texte de la page non conservé, champs laissés tels quels"}.get(details.get("reextracted"), "")
    return f"Type de la {piece_number(details.get('piece'))} modifié : {before} → {after}{reread}"


def _overridden(details: Details, admin: bool) -> str:
    return f"Contrôle écarté : {_flag_in_words(details)}, motif : « {details.get('reason')} »"


def _restored(details: Details, admin: bool) -> str:
    return f"Contrôle rétabli : {_flag_in_words(details)}"


def _flag_in_words(details: Details) -> str:
    """A flag an agent acted on: its label, severity, piece and field."""
    where = [piece_number(details["piece"])] if details.get("piece") is not None else []
    if details.get("field"):
        where.append(f"champ « {labels.label(labels.FIELDS, details['field'])} »")
    severity = labels.label(labels.SEVERITIES, details.get("severity")).lower()
    return (f"{labels.label(labels.FLAGS, details.get('code'))} ({severity}"
            + "".join(f", {part}" for part in where) + ")")


def _decided(details: Details, admin: bool) -> str:
    message = details.get("message")
    return (f"Décision : {labels.label(labels.DECISIONS, details.get('decision'))}"
            + (f" — « {message} »" if message else ""))


def _rerun_requested(details: Details, admin: bool) -> str:
    return "Retraitement demandé" + (" (Airflow)" if details.get("via") == "airflow" else "")


def _checks_rerun(details: Details, admin: bool) -> str:
    before, after = details.get("previous_status"), details.get("status")
    changes = []
    if before != after:
        changes.append(f"statut {labels.label(labels.STATUSES, before)} → {labels.label(labels.STATUSES, after)}")
    for key, heading in (("flags_added", "nouvelles alertes"), ("flags_removed", "alertes levées")):
        if details.get(key):
            changes.append(f"{heading} : " + ", ".join(flag_name(flag) for flag in details[key]))
    return "Contrôles relancés : " + (" ; ".join(changes) if changes else "aucun changement")


def flag_name(key: str) -> str:
    """A flag's key (storage.reviews.flag_key) in French: "missing_field (pièce 2, champ
    employer_siret)" -> "Champ non lu (pièce 2, champ « SIRET de l'employeur »)"; a
    dossier-wide flag names the piece type it is about."""
    match = _FLAG_KEY.fullmatch(key)
    if not match:
        return labels.label(labels.FLAGS, key)
    parts = match["where"].split(", ")
    parts[0] = labels.PIECE_TYPES.get(parts[0], parts[0])
    for index, part in enumerate(parts[1:], start=1):
        kind, _, name = part.partition(" ")
        if kind == "champ":
            parts[index] = f"champ « {labels.label(labels.FIELDS, name)} »"
        elif kind == "contrôle":
            parts[index] = f"contrôle « {labels.label(labels.FLAGS, name)} »"
    return f"{labels.label(labels.FLAGS, match['code'])} ({', '.join(parts)})"


def failure_message(error: object, admin: bool) -> str:
    """What a failed run says: the plain message, and for administrators the error itself."""
    return FAILED_FOR_AGENTS + (f" Erreur technique : {error}" if admin and error else "")


def _generic(action: str, details: Details) -> str:
    """An event this module does not describe yet: its label and the details it has in words."""
    parts = []
    for key, value in details.items():
        if key == "piece":
            parts.append(piece_number(value))
        elif key == "field":
            parts.append(f"champ « {labels.label(labels.FIELDS, value)} »")
        elif key == "status":
            parts.append(f"statut : {labels.label(labels.STATUSES, value)}")
        elif key in ("reason", "message") and value:
            parts.append(f"« {value} »")
    return labels.label(labels.ACTIONS, action) + (f" ({', '.join(parts)})" if parts else "")


_DESCRIBE: dict[str, Callable[[Details, bool], str]] = {
    "dossier_registered": _registered, "run_started": lambda d, a: "Traitement commencé",
    "run_completed": _completed, "run_failed": _failed, "run_abandoned": _abandoned,
    "field_corrected": _field_corrected, "piece_type_changed": _type_changed, "review_decided": _decided,
    "rerun_requested": _rerun_requested, "checks_rerun": _checks_rerun, "flag_overridden": _overridden,
    "flag_restored": _restored,
}
