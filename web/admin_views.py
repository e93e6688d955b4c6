"""Administrators only: the failed dossiers and their Rerun button."""
from __future__ import annotations

from typing import Annotated

import httpx
from fastapi import APIRouter, BackgroundTasks, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from storage.reviews import ReviewError
from web.queue_views import reviews_of
from web.rendering import render
from web.rerun import rerun_in_process, trigger_airflow_rerun
from web.security import AdminSignedIn, check_csrf, path_segment

router = APIRouter(prefix="/admin")


@router.get("/failed", response_class=HTMLResponse)
def failed(request: Request, session: AdminSignedIn, notice: str = "") -> HTMLResponse:
    return render(request, "failed.html", {"failed": reviews_of(request).failed(),
                                           "notice": "Retraitement lancé." if notice == "rerun" else None})


@router.post("/dossiers/{reference:path}/rerun")
def rerun(request: Request, reference: str, session: AdminSignedIn, background: BackgroundTasks,
          csrf_token: Annotated[str, Form()] = "") -> HTMLResponse:
    check_csrf(session, csrf_token)
    reviews = reviews_of(request)
    if reviews.dossier(reference) is None:
        return render(request, "error.html", {"title": "Dossier introuvable", "message": reference}, 404)
    airflow = request.app.state.airflow
    try:
        if airflow is not None:
            run_id = trigger_airflow_rerun(airflow, reference)
            reviews.record_rerun_request(reference, session.user.name, {"via": "airflow", "dag_run_id": run_id})
        else:
            reviews.record_rerun_request(reference, session.user.name, {"via": "in_process"})
            background.add_task(rerun_in_process, request.app.state.services, reference, session.user.name)
    except ReviewError as error:
        return render(request, "error.html", {"title": "Retraitement impossible", "message": str(error)}, 400)
    except (httpx.HTTPError, KeyError, ValueError) as error:
        message = f"Airflow n'a pas accepté le retraitement : {error}"
        return render(request, "error.html", {"title": "Retraitement impossible", "message": message}, 502)
    return RedirectResponse(f"/admin/failed?notice=rerun#{path_segment(reference)}", status_code=303)
