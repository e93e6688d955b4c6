"""Administrators only: the failed dossiers, their reruns (one, or all at once) with their
state — en cours, or the last outcome — and the reruns of the last hours."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, BackgroundTasks, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from storage.reruns import Queued, Reruns, RerunState, Via
from web import labels
from web.formatting import datetime_fr, in_paris
from web.queue_views import reviews_of
from web.rendering import render
from web.rerun import AirflowRefused, launch
from web.security import AdminSignedIn, Session, check_csrf, path_segment

router = APIRouter(prefix="/admin")

NOTICES = {
    "rerun": "Retraitement lancé.",
    "rerun_busy": "Ce dossier est déjà en cours de retraitement : rien n'a été relancé.",
}


@dataclass(frozen=True)
class RerunNote:
    """What the failed list says of a dossier's latest rerun."""
    in_progress: bool
    text: str


def reruns_of(request: Request) -> Reruns:
    return Reruns(request.app.state.services.db)


def at_paris(moment: dt.datetime, today_word: str = "") -> str:
    """`16:45` (after `today_word`) today, Paris time; `le 29/11/2026 à 16:45` another day."""
    local = in_paris(moment)
    if local.date() == in_paris(dt.datetime.now(dt.UTC)).date():
        return f"{today_word}{local:%H:%M}"
    return f"le {datetime_fr(moment)}"


def note_of(state: RerunState) -> RerunNote:
    if state.in_progress:
        waiting = " (demandé, pas encore commencé)" if state.state == "requested" else ""
        return RerunNote(True, f"Retraitement en cours depuis {at_paris(state.since)}{waiting}")
    finished = at_paris(state.finished_at, "à ") if state.finished_at else ""
    if state.succeeded:
        status = labels.label(labels.STATUSES, state.outcome_status)
        return RerunNote(False, f"Retraité {finished} : réussi, désormais « {status} »")
    return RerunNote(False, f"Retraité {finished} : en échec à nouveau ({state.outcome_error or '?'})")


def all_notice(queued: str, busy: str) -> str | None:
    if not (queued.isdigit() and busy.isdigit()):
        return None
    return f"Relancer tous les échecs : {queued} retraitement(s) lancé(s), {busy} déjà en cours (laissé(s) tel(s) quel(s))."


@router.get("/failed", response_class=HTMLResponse)
def failed(request: Request, session: AdminSignedIn, notice: str = "", lances: str = "",
           en_cours: str = "") -> HTMLResponse:
    reruns = reruns_of(request)
    rows = reviews_of(request).failed()
    latest = reruns.latest([row.reference for row in rows])
    recent = reruns.recent()
    return render(request, "failed.html", {
        "failed": rows,
        "rerun_notes": {reference: note_of(state) for reference, state in latest.items()},
        "recent": [(state, note_of(state)) for state in recent],
        "counts": reruns.counts(),
        "notice": all_notice(lances, en_cours) if notice == "rerun_all" else NOTICES.get(notice),
    })


@router.post("/dossiers/{reference:path}/rerun")
def rerun(request: Request, reference: str, session: AdminSignedIn, background: BackgroundTasks,
          csrf_token: Annotated[str, Form()] = "") -> HTMLResponse:
    check_csrf(session, csrf_token)
    reruns = reruns_of(request)
    asked = reruns.request(reference, session.user.name, via_of(request))
    if asked is None:
        return render(request, "error.html", {"title": "Dossier introuvable", "message": reference}, 404)
    if asked.queued is None:  # a second click, another administrator, a page shown before
        return RedirectResponse(f"/admin/failed?notice=rerun_busy#{path_segment(reference)}", status_code=303)
    refused = start(request, session, reruns, [asked.queued], background)
    return refused or RedirectResponse(f"/admin/failed?notice=rerun#{path_segment(reference)}", status_code=303)


@router.post("/reruns")
def rerun_all(request: Request, session: AdminSignedIn, background: BackgroundTasks,
              csrf_token: Annotated[str, Form()] = "") -> HTMLResponse:
    """Relancer tous les échecs: every failed dossier whose rerun is not already under way."""
    check_csrf(session, csrf_token)
    reruns = reruns_of(request)
    asked = reruns.request_failed(session.user.name, via_of(request))
    refused = start(request, session, reruns, asked.queued, background)
    query = urlencode({"notice": "rerun_all", "lances": len(asked.queued), "en_cours": len(asked.in_progress)})
    return refused or RedirectResponse(f"/admin/failed?{query}", status_code=303)


def via_of(request: Request) -> Via:
    return "in_process" if request.app.state.airflow is None else "airflow"


def start(request: Request, session: Session, reruns: Reruns, queued: list[Queued],
          background: BackgroundTasks) -> HTMLResponse | None:
    """Launch the queued reruns; the error page when Airflow refuses them (they are closed,
    so that they can be asked for again)."""
    try:
        launch(queued, reruns, reviews_of(request), session.user.name, request.app.state.airflow,
               request.app.state.services, background)
    except AirflowRefused as error:
        return render(request, "error.html", {"title": "Retraitement impossible", "message": str(error)}, 502)
    return None
