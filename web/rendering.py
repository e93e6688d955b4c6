"""The Jinja2 templates and the one way pages are rendered (with the session, for the
navigation and the forms' CSRF token)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from web import labels
from web.formatting import FILTERS
from web.history import event_text, failure_message
from web.security import CSRF_FIELD, path_segment

WEB_DIR = Path(__file__).parent
templates = Jinja2Templates(directory=WEB_DIR / "templates")
templates.env.globals.update(labels=labels, label=labels.label, csrf_field=CSRF_FIELD,
                             event_text=event_text, failure_message=failure_message)
# Every value a page shows goes through these: French dates, Paris times, amounts, hours.
templates.env.filters.update(FILTERS)
_jinja_urlencode = templates.env.filters["urlencode"]


def _urlencode(value: object) -> str:
    """Jinja's urlencode leaves `/` as is: a reference `../../admin/failed` in a link
    would lead elsewhere. Text is encoded whole, `/` included (web.security.path_segment);
    mappings and pairs (query strings) as Jinja does."""
    return path_segment(value) if isinstance(value, str) else _jinja_urlencode(value)


templates.env.filters["urlencode"] = _urlencode


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    session = getattr(request.state, "session", None)
    return templates.TemplateResponse(request, template, {"session": session, **context}, status_code=status_code)
