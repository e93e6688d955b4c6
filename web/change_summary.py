"""What the agent's last save changed, in one line at the top of the dossier page:
"2 champs corrigés ; contrôle levé : Gratification inférieure au minimum (pièce 2) ;
statut : À instruire (était : Incomplet)".

Read back from the history's `checks_rerun` event that the save wrote
(storage.reviews.Reviews._recheck_and_save), so the page after the redirect says it
without carrying it in the address.
"""
from __future__ import annotations

from dataclasses import dataclass

from storage.records import AuditEvent
from web import labels
from web.history import flag_name

NOTHING_SAVED = "Aucune modification à enregistrer : les valeurs affichées étaient déjà celles du dossier."


@dataclass(frozen=True)
class ChangeSummary:
    text: str
    rows: list[str]  # ids of the corrected field rows (champ-<piece>-<field>), to show and focus


def change_summary(history: list[AuditEvent], actor: str) -> ChangeSummary | None:
    """The last checks run again after `actor`'s corrections, in words; None without one."""
    event = next((e for e in reversed(history) if e.action == "checks_rerun" and e.actor == actor), None)
    if event is None:
        return None
    details = event.details
    fields = [(int(piece), str(name)) for piece, name in details.get("fields", [])]
    parts = []
    if "reextracted" in details:
        parts.append("type de pièce modifié, champs relus pour le nouveau type" if details["reextracted"] else
                     "type de pièce modifié ; le texte lu de cette pièce n'est plus conservé : ses champs "
                     "n'ont pas pu être relus, saisissez-les")
    if fields:
        parts.append(f"{len(fields)} champ corrigé" if len(fields) == 1 else f"{len(fields)} champs corrigés")
    parts += [f"contrôle levé : {flag_name(key)}" for key in details.get("flags_removed", [])]
    parts += [f"nouveau contrôle : {flag_name(key)}" for key in details.get("flags_added", [])]
    if not details.get("flags_removed") and not details.get("flags_added"):
        parts.append("contrôles relancés, aucune alerte ne change")
    status, before = details.get("status"), details.get("previous_status")
    parts.append(f"statut : {labels.label(labels.STATUSES, status)}"
                 + (f" (était : {labels.label(labels.STATUSES, before)})" if before != status else ""))
    text = " ; ".join(parts)
    return ChangeSummary(text[0].upper() + text[1:] + ".", [f"champ-{piece}-{name}" for piece, name in fields])
