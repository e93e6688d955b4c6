"""An agent sets a flag aside with a written reason ("Écarter ce contrôle", issue 10), or takes
the override back ("Rétablir ce contrôle")."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from storage.overrides import Overrides
from web.dossier_views import _act
from web.queue_views import reviews_of
from web.security import SignedIn, check_csrf, path_segment

router = APIRouter(prefix="/dossiers")


@router.post("/{reference:path}/overrides")
def override_flag(request: Request, reference: str, session: SignedIn, run_id: Annotated[int, Form()],
                  position: Annotated[int, Form()], code: Annotated[str, Form()],
                  reason: Annotated[str, Form()] = "", csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(session, csrf_token)

    def apply() -> str:
        Overrides(reviews_of(request)).override(reference, run_id, position, code, reason, session.user.name)
        return f"/dossiers/{path_segment(reference)}#alerte-{position}"
    return _act(request, reference, apply)


@router.post("/{reference:path}/overrides/withdraw")
def withdraw_override(request: Request, reference: str, session: SignedIn, run_id: Annotated[int, Form()],
                      position: Annotated[int, Form()], code: Annotated[str, Form()],
                      csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(session, csrf_token)

    def apply() -> str:
        Overrides(reviews_of(request)).withdraw(reference, run_id, position, code, session.user.name)
        return f"/dossiers/{path_segment(reference)}#alerte-{position}"
    return _act(request, reference, apply)
