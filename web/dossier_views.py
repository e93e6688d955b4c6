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
from storage.records import AuditEvent
from storage.reviews import (
    ChecksOutcome,
    DossierView,
    FieldEdit,
    ReviewError,
    StaleReview,
)
from storage.worklists import Worklist, WorklistFilter, Worklists
from web.change_summary import NOTHING_SAVED, ChangeSummary, change_summary
from web.claim_views import claim_on_view
from web.employer_message import employer_message
from web.formatting import field_input
from web.page_images import PageNotFound
from web.queue_views import reviews_of, worklists_of
from web.rendering import render
from web.security import SignedIn, check_csrf, path_segment
from web.summary import ELEMENT_LABELS, checklist, identity_columns, points_to_verify

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


def _page(request: Request, view: DossierView, error: str | None = None, status_code: int = 200, *,
          bilan: str = "", notice: str | None = None, typed: dict[str, str] | None = None) -> HTMLResponse:
    history = request.app.state.services.records.history(view.reference)
    claim = claim_on_view(request, view)
    return render(request, "dossier.html", {
        "view": view, "result": view.result, **_sections(view.result), "identity_rows": ELEMENT_LABELS,
        "history": history,
        "piece_types": PIECE_TYPES, "error": error, "quote": quote, "claim": claim,
        # Another agent holds the dossier: every form that writes is disabled (the server refuses them too).
        "locked": claim is not None and not claim.mine,
        # Corrections and decisions (issue 10): what the last save changed, the values typed
        # before a refusal, the message to the employer offered for a send-back.
        "change": _change(bilan, history, request.state.session.user.name), "notice": notice,
        "typed": typed or {}, "employer_message": employer_message(view.result),
    }, status_code)


def _change(bilan: str, history: list[AuditEvent], actor: str) -> ChangeSummary | None:
    """After a save (`?bilan=1`): what it changed; `?bilan=0`: it changed nothing."""
    if bilan == "0":
        return ChangeSummary(NOTHING_SAVED, [])
    return change_summary(history, actor) if bilan == "1" else None


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
        png = request.app.state.page_images.png(reference, pieces[index].source, page, pieces[index].page_view(page))
    except PageNotFound:
        return Response(status_code=404)
    # Private: the browser may keep it for the session, no shared cache may.
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


@router.get("/{reference:path}", response_class=HTMLResponse)
def dossier(request: Request, reference: str, session: SignedIn, bilan: str = "",
            precedent: str = "") -> HTMLResponse:
    view = _view_or_404(request, reference)
    if isinstance(view, HTMLResponse):
        return view
    # After "Approuver et suivant": which dossier was just approved (shown as text, escaped).
    notice = f"Dossier {precedent} approuvé. Dossier suivant de la file :" if precedent else None
    return _page(request, view, bilan=bilan, notice=notice)


def _act(request: Request, reference: str, action, typed: dict[str, str] | None = None,  # type: ignore[no-untyped-def]
         ) -> HTMLResponse | RedirectResponse:
    """Apply a review action; on refusal, the page again with the reason (and the values
    the agent typed, so that one refused value does not lose the others)."""
    try:
        redirect = action()
    except ReviewError as error:
        view = _view_or_404(request, reference)
        if isinstance(view, HTMLResponse):
            return view
        return _page(request, view, str(error), 409 if isinstance(error, StaleReview) else 400, typed=typed)
    return RedirectResponse(redirect, status_code=303)


def _after_save(reference: str, outcome: ChecksOutcome | None, anchor: str) -> str:
    """The page again, saying what the save changed, at the first field it changed."""
    page = f"/dossiers/{path_segment(reference)}"
    if outcome is None:
        return f"{page}#{anchor}"
    if outcome.fields:
        piece, field = outcome.fields[0]
        anchor = f"champ-{piece}-{field}"
    elif outcome.reextracted is None and outcome.status_before == outcome.status_after and not outcome.lifted:
        return f"{page}?bilan=0#{anchor}"
    return f"{page}?bilan=1#{anchor}"


def field_input_name(piece: int, field: str) -> str:
    """A field's input in the corrections form (one form holds every field of the page)."""
    return f"valeur:{piece}:{field}"


def _inputs_shown(result: DossierResult | None) -> dict[str, str]:
    """Each field's input as the page fills it, by input name."""
    return {field_input_name(index, name): field_input(value, name)
            for index, piece in enumerate(result.pieces if result else []) for name, value in piece.fields.items()}


@router.post("/{reference:path}/corrections")
async def correct_fields(request: Request, reference: str, session: SignedIn) -> Response:
    """Every field of the page in one form: the changed ones are saved together and the
    checks run once."""
    form = await request.form()
    check_csrf(session, str(form.get("csrf_token", "")))
    typed = {name: str(value) for name, value in form.items() if name.startswith("valeur:")}
    view = reviews_of(request).dossier(reference)
    shown = _inputs_shown(view.result if view else None)
    # An edit is a value other than the one the page showed: the others are not even
    # parsed (an amount of a field read as text would otherwise come back as a number).
    edits = []
    for name, value in typed.items():
        _, piece, field = (name.split(":", 2) + ["", ""])[:3]
        if piece.isdigit() and shown.get(name) != value:
            edits.append(FieldEdit(int(piece), field, value))
    run_id = str(form.get("run_id", ""))

    def apply() -> str:
        if not run_id.isdigit():
            raise StaleReview("formulaire incomplet : rechargez la page")
        outcome = reviews_of(request).correct_fields(reference, int(run_id), edits, session.user.name)
        return _after_save(reference, outcome, "contenu")
    return _act(request, reference, apply, typed)


@router.post("/{reference:path}/fields")
def correct_field(request: Request, reference: str, session: SignedIn, run_id: Annotated[int, Form()],
                  piece: Annotated[int, Form()], field: Annotated[str, Form()],
                  value: Annotated[str, Form()] = "", csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(session, csrf_token)

    def apply() -> str:
        outcome = reviews_of(request).correct_field(reference, run_id, piece, field, value, session.user.name)
        return _after_save(reference, outcome, f"champ-{piece}-{field}")
    return _act(request, reference, apply)


@router.post("/{reference:path}/piece-type")
def change_piece_type(request: Request, reference: str, session: SignedIn, run_id: Annotated[int, Form()],
                      piece: Annotated[int, Form()], type: Annotated[str, Form()],
                      csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(session, csrf_token)

    def apply() -> str:
        outcome = reviews_of(request).change_piece_type(reference, run_id, piece, type, session.user.name)
        return _after_save(reference, outcome, f"piece-{piece}")
    return _act(request, reference, apply)


@router.post("/{reference:path}/decision")
def decide(request: Request, reference: str, session: SignedIn, run_id: Annotated[int, Form()],
           decision: Annotated[str, Form()], message: Annotated[str, Form()] = "",
           csrf_token: Annotated[str, Form()] = "", unsaved: Annotated[int, Form()] = 0,
           then: Annotated[str, Form()] = "") -> Response:
    """`unsaved`: the edits the page holds unsaved (its script counts them): a decision is
    never taken while the agent sees other values than the dossier's. `then=suivant`:
    approve, then open the next dossier of the queue."""
    check_csrf(session, csrf_token)

    def apply() -> str:
        if unsaved > 0:
            raise ReviewError(f"{unsaved} modification(s) non enregistrée(s) : enregistrez ou annulez vos "
                              "corrections avant de décider")
        following = (next_in_queue(worklists_of(request), reference, session.user.name)
                     if then == "suivant" and decision == "approved" else None)
        reviews_of(request).decide(reference, run_id, decision, message, session.user.name)
        if following is None:
            return f"/?notice={decision}"
        return f"/dossiers/{path_segment(following)}?precedent={quote(reference, safe='')}"
    return _act(request, reference, apply)


def next_in_queue(worklists: Worklists, reference: str, actor: str) -> str | None:
    """The dossier after `reference` in the queue's order (wrapping to its first) that no
    other agent holds, if any."""
    rows = worklists.page(Worklist.ready, WorklistFilter()).rows
    order = [row.reference for row in rows if row.holder in (None, actor) or row.reference == reference]
    if reference in order:
        at = order.index(reference)
        order = order[at + 1:] + order[:at]
    return order[0] if order else None
