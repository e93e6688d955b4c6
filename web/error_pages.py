"""French error pages (404, 422, 500 and the other HTTP errors), each with a way back to
the queue: never FastAPI's English JSON (`/?page=abc`) nor a bare "Internal Server Error"."""
from __future__ import annotations

import logging
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from web.rendering import render

log = logging.getLogger(__name__)

PAGES = {
    404: ("Page introuvable", "La page demandée n'existe pas ou n'existe plus."),
    405: ("Action impossible", "Cette adresse ne permet pas cette action."),
    422: ("Requête invalide", "La requête contient une valeur qui n'est pas valide."),
    500: ("Erreur interne", ("Une erreur inattendue s'est produite. Réessayez ; si elle se reproduit, "
                             "prévenez un administrateur.")),
}
OTHER = ("Erreur", "La requête n'a pas pu être traitée.")
# What was wrong with a parameter (pydantic's error types), in words.
PROBLEMS = {"int_parsing": "doit être un nombre entier", "float_parsing": "doit être un nombre",
            "missing": "est manquant", "bool_parsing": "doit valoir oui ou non"}
# Shown in place of the page when even the error page cannot be drawn.
BARE_500 = ('<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Erreur interne</title></head>'
            '<body><main><h1>Erreur interne</h1><p>Une erreur inattendue s\'est produite.</p>'
            '<p><a href="/">Retour à la file d\'attente</a></p></main></body></html>')


def error_page(request: Request, status: int, details: list[str] | None = None) -> HTMLResponse:
    title, message = PAGES.get(status, OTHER)
    return render(request, "error.html", {"title": title, "message": message, "details": details or [],
                                          "status": status}, status)


def invalid_parameters(error: RequestValidationError) -> list[str]:
    """`/?page=abc` -> ["« page » doit être un nombre entier."]."""
    lines = []
    for problem in error.errors():
        name = str(problem.get("loc", ("", "?"))[-1])
        wrong = PROBLEMS.get(problem.get("type", ""), "n'est pas valide")
        lines.append(f"« {name} » {wrong}.")
    return lines


def install(app: FastAPI, headers: Mapping[str, str]) -> None:
    """Register the handlers; `headers` are the security headers, which a 500 answered
    outside the app's middleware would otherwise miss."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> HTMLResponse:
        return error_page(request, error.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> HTMLResponse:
        return error_page(request, 422, invalid_parameters(error))

    @app.exception_handler(Exception)
    async def server_error(request: Request, error: Exception) -> HTMLResponse:
        log.error("erreur interne sur %s %s", request.method, request.url.path, exc_info=error)
        try:
            response = error_page(request, 500)
        except Exception:  # the page itself failed (a template, the session): the bare one
            log.exception("la page d'erreur n'a pas pu être affichée")
            response = HTMLResponse(BARE_500, status_code=500)
        response.headers.update(headers)
        return response
