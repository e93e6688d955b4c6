"""Claims on the review pages (storage.claims): opening a dossier that awaits an agent
takes it (or keeps it alive); another agent is told who holds it and since when, and the
forms that write (corrections, type changes, overrides, decisions) are disabled for them
(storage.reviews refuses those writes too); the holder can give it back."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from storage.claims import Claim, Claims
from storage.reviews import DossierView
from web.security import SignedIn, check_csrf

router = APIRouter(prefix="/dossiers")


def claims_of(request: Request) -> Claims:
    return request.app.state.claims


def claim_on_view(request: Request, view: DossierView) -> Claim | None:
    """The claim the page shows: taken for the signed-in agent when the dossier awaits an
    agent (to review, or incomplete: corrected, sent back); None for the others."""
    session = getattr(request.state, "session", None)
    if session is None or not view.correctable:
        return None
    return claims_of(request).claim(view.reference, session.user.name)


@router.post("/{reference:path}/liberer")
def release(request: Request, reference: str, session: SignedIn,
            csrf_token: Annotated[str, Form()] = "") -> RedirectResponse:
    check_csrf(session, csrf_token)
    claims_of(request).release(reference, session.user.name)
    return RedirectResponse("/?notice=released", status_code=303)
