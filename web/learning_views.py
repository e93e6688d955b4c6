"""Administrators only: the accuracy of the reading as agents' corrections measure it, per
piece type and field and per week, the classification per type read (pieces agents
retyped), the latest corrections (the labelled examples that
`dossiers corrections export` writes), and the checks agents set aside most."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from storage.corrections import Corrections
from storage.overrides import Overrides
from web.queue_views import reviews_of
from web.rendering import render
from web.security import AdminSignedIn

router = APIRouter(prefix="/admin")

LATEST_EXAMPLES = 50


def percent(share: float) -> str:
    """`97,5 %` (no-break space, as the other pages write units)."""
    return f"{share * 100:.1f}".replace(".", ",") + "\u00a0%"


@router.get("/precision", response_class=HTMLResponse)
def precision(request: Request, session: AdminSignedIn) -> HTMLResponse:
    reviews = reviews_of(request)
    corrections = Corrections(reviews.db)
    return render(request, "precision.html", {
        "fields": corrections.accuracy_by_field(), "weeks": corrections.accuracy_by_week(),
        "types": corrections.accuracy_by_type(), "retyped_fields": corrections.retyped_fields(),
        "examples": corrections.latest_examples(LATEST_EXAMPLES), "latest_limit": LATEST_EXAMPLES,
        "overrides": Overrides(reviews).most_overridden(), "percent": percent,
    })
