"""The agents' queue: dossiers ready for review, oldest first; those held back as
incomplete; for administrators, the failed ones."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from storage.reviews import QueueFilter, Reviews
from web.rendering import render
from web.security import SignedIn

router = APIRouter()

# The page tells what just happened after a redirect; only these fixed texts are shown.
NOTICES = {
    "approved": "Dossier approuvé.", "rejected": "Dossier rejeté.",
    "sent_back": "Dossier renvoyé comme incomplet.", "rerun": "Retraitement lancé.",
}
WARNING_FILTERS = {"oui": True, "non": False}


def reviews_of(request: Request) -> Reviews:
    return request.app.state.reviews


@router.get("/", response_class=HTMLResponse)
def queue(request: Request, session: SignedIn, procedure: str = "", avertissements: str = "",
          page: int = 1, notice: str = "") -> HTMLResponse:
    reviews = reviews_of(request)
    wanted = QueueFilter(procedure=procedure or None, warnings=WARNING_FILTERS.get(avertissements), page=page)
    return render(request, "queue.html", {
        "queue": reviews.queue(wanted), "wanted": wanted, "avertissements": avertissements,
        "incomplete": reviews.incomplete(),
        "failed": reviews.failed() if session.user.is_admin else None,
        "notice": NOTICES.get(notice),
    })
