"""The application factory: `create_app(services)` wires storage into the routes.

Run by `dossiers serve` with uvicorn; tests build it on their own database and store."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from pipeline.recheck import recheck_document
from pipeline.reextract import StoredPageText
from storage.claims import Claims
from storage.reviews import Reviews
from storage.services import Services
from storage.users import Users
from storage.worklists import Worklists
from web import (
    admin_views,
    auth_views,
    claim_views,
    dossier_views,
    error_pages,
    learning_views,
    override_views,
    queue_views,
)
from web.page_images import PageImages
from web.rendering import WEB_DIR, render
from web.rerun import AirflowConfig
from web.security import Forbidden, LoginRequired, login_url

# No inline script or style: the page's own files only (the overlay boxes set their
# position through the CSSOM, which CSP allows).
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def create_app(services: Services, airflow: AirflowConfig | None = None) -> FastAPI:
    app = FastAPI(title="Dossiers — instruction", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.services = services
    app.state.users = Users(services.db)
    app.state.reviews = Reviews(services.db, recheck=recheck_document,
                                reextract=StoredPageText(services.store, services.records))
    app.state.claims = Claims(services.db)
    app.state.worklists = Worklists(services.db)
    app.state.page_images = PageImages(services.store, services.records)
    app.state.airflow = airflow
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    for module in (auth_views, queue_views, claim_views, dossier_views, admin_views, override_views, learning_views):
        app.include_router(module.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            if not (name == "Cache-Control" and request.url.path.startswith("/static/")):
                response.headers.setdefault(name, value)
        return response

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, error: LoginRequired) -> RedirectResponse:
        return RedirectResponse(login_url(error.next_path), status_code=303)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, error: Forbidden) -> HTMLResponse:
        return render(request, "error.html", {"title": "Accès refusé", "message": error.message}, 403)

    # Browsers and tools that ask for the old default icon get the page's own (base.html).
    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> RedirectResponse:
        return RedirectResponse("/static/favicon.svg", status_code=301)

    error_pages.install(app, SECURITY_HEADERS)

    return app
