"""One dossier: its pieces' page images beside their fields, flags, history; the agent's
corrections and decision."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from models.domain import PieceType
from models.records import DossierResult, Flag, PieceResult
from models.review import FieldCorrection
from storage.reviews import DossierView, ReviewError, StaleReview
from web.page_images import PageNotFound
from web.queue_views import reviews_of
from web.rendering import render
from web.summary import ELEMENT_LABELS, checklist, identity_columns, points_to_verify
from web.security import SignedIn, check_csrf, path_segment

router = APIRouter(prefix="/dossiers")

LOW_CONFIDENCE = 0.8  # under this, a field is marked for the agent to check
PIECE_TYPES = [t.value for t in PieceType]


@dataclass(frozen=True)
class FieldRow:
    name: str
    value: Any
    confidence: float | None
    boxes_json: str  # field_boxes of this field, for the page's script
    correction: FieldCorrection | None

    @property
    def low_confidence(self) -> bool:
        return self.confidence is not None and self.confidence < LOW_CONFIDENCE

    @property
    def shown(self) -> str:
        return "" if self.value is None else str(self.value)


@dataclass(frozen=True)
class PieceBlock:
    index: int
    piece: PieceResult
    fields: list[FieldRow]
    flags: list[Flag]


def piece_blocks(result: DossierResult) -> list[PieceBlock]:
    blocks = []
    for index, piece in enumerate(result.pieces):
        corrections = piece.corrections or {}
        fields = [FieldRow(name, value, piece.field_confidence.get(name), _boxes_json(piece, name),
                           corrections.get(name)) for name, value in piece.fields.items()]
        flags = [f for f in result.flags if f.piece == index]
        blocks.append(PieceBlock(index, piece, fields, flags))
    return blocks


def _boxes_json(piece: PieceResult, field: str) -> str:
    return json.dumps([box.model_dump(mode="json") for box in piece.field_boxes.get(field, [])])


def _sections(result: DossierResult | None) -> dict[str, Any]:
    """What the page shows of a result; nothing while the first run has not finished."""
    if result is None:
        return {"blocks": [], "identity": [], "points": [], "checklist": [], "dossier_flags": []}
    return {"blocks": piece_blocks(result), "identity": identity_columns(result),
            "points": points_to_verify(result), "checklist": checklist(result),
            "dossier_flags": [f for f in result.flags if f.piece is None]}


def _page(request: Request, view: DossierView, error: str | None = None, status_code: int = 200) -> HTMLResponse:
    return render(request, "dossier.html", {
        "view": view, "result": view.result, **_sections(view.result), "identity_rows": ELEMENT_LABELS,
        "history": request.app.state.services.records.history(view.reference),
        "piece_types": PIECE_TYPES, "error": error, "quote": quote,
    }, status_code)


def _view_or_404(request: Request, reference: str) -> DossierView | HTMLResponse:
    view = reviews_of(request).dossier(reference)
    if view is None:
        return render(request, "error.html", {"title": "Dossier introuvable",
                                              "message": f"Aucun dossier de référence « {reference} »."}, 404)
    return view


# References are path converters: one recorded with a `/` (before references were checked)
# still has its page. The routes with a suffix come first: the bare one would match them.
@router.get("/{reference:path}/pieces/{index}/pages/{page}.png")
def page_image(request: Request, reference: str, index: int, page: int, session: SignedIn) -> Response:
    view = reviews_of(request).dossier(reference)
    pieces = view.result.pieces if view and view.result else []
    if not 0 <= index < len(pieces) or page not in pieces[index].pages:
        return Response(status_code=404)
    try:
        png = request.app.state.page_images.png(reference, pieces[index].source, page)
    except PageNotFound:
        return Response(status_code=404)
    # Private: the browser may keep it for the session, no shared cache may.
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


@router.get("/{reference:path}", response_class=HTMLResponse)
def dossier(request: Request, reference: str, session: SignedIn) -> HTMLResponse:
    view = _view_or_404(request, reference)
    return view if isinstance(view, HTMLResponse) else _page(request, view)


def _act(request: Request, reference: str, action) -> HTMLResponse | RedirectResponse:  # type: ignore[no-untyped-def]
    """Apply a review action; on refusal, the page again with the reason."""
    try:
        redirect = action()
    except ReviewError as error:
        view = _view_or_404(request, reference)
        if isinstance(view, HTMLResponse):
            return view
        return _page(request, view, str(error), 409 if isinstance(error, StaleReview) else 400)
    return RedirectResponse(redirect, status_code=303)


@router.post("/{reference:path}/fields")
def correct_field(request: Request, reference: str, session: SignedIn, run_id: Annotated[int, Form()],
                  piece: Annotated[int, Form()], field: Annotated[str, Form()],
                  value: Annotated[str, Form()] = "", csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(session, csrf_token)

    def apply() -> str:
        reviews_of(request).correct_field(reference, run_id, piece, field, value, session.user.name)
        return f"/dossiers/{path_segment(reference)}#champ-{piece}-{field}"
    return _act(request, reference, apply)


@router.post("/{reference:path}/piece-type")
def change_piece_type(request: Request, reference: str, session: SignedIn, run_id: Annotated[int, Form()],
                      piece: Annotated[int, Form()], type: Annotated[str, Form()],
                      csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(session, csrf_token)

    def apply() -> str:
        reviews_of(request).change_piece_type(reference, run_id, piece, type, session.user.name)
        return f"/dossiers/{path_segment(reference)}#piece-{piece}"
    return _act(request, reference, apply)


@router.post("/{reference:path}/decision")
def decide(request: Request, reference: str, session: SignedIn, run_id: Annotated[int, Form()],
           decision: Annotated[str, Form()], message: Annotated[str, Form()] = "",
           csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(session, csrf_token)

    def apply() -> str:
        reviews_of(request).decide(reference, run_id, decision, message, session.user.name)
        return f"/?notice={decision}"
    return _act(request, reference, apply)
