"""Login and logout."""
from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from web.rendering import render
from storage.users import SESSION_LIFETIME, LoginThrottled
from web.security import (LOGIN_CSRF_COOKIE, SESSION_COOKIE, SignedIn, check_csrf, check_login_csrf, client_ip,
                          safe_next, set_cookie, users_of)

router = APIRouter()
LOGIN_CSRF_MAX_AGE = 3600


def _login_page(request: Request, next_path: str, error: str | None = None, status_code: int = 200) -> HTMLResponse:
    token = secrets.token_urlsafe(32)
    response = render(request, "login.html", {"login_csrf": token, "next": safe_next(next_path), "error": error},
                      status_code)
    set_cookie(request, response, LOGIN_CSRF_COOKIE, token, LOGIN_CSRF_MAX_AGE)
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> HTMLResponse:
    return _login_page(request, next)


@router.post("/login")
def login(request: Request, username: Annotated[str, Form()] = "", password: Annotated[str, Form()] = "",
          csrf_token: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/") -> HTMLResponse:
    check_login_csrf(request, csrf_token)
    users = users_of(request)
    try:
        user = users.authenticate(username.strip(), password, client_ip(request))
    except LoginThrottled as throttled:
        response = _login_page(request, next, str(throttled).capitalize() + ".", 429)
        response.headers["Retry-After"] = str(throttled.retry_after)
        return response
    if user is None:
        return _login_page(request, next, "Identifiant ou mot de passe incorrect.", 401)
    token, _ = users.open_session(user)
    response = RedirectResponse(safe_next(next), status_code=303)
    set_cookie(request, response, SESSION_COOKIE, token, int(SESSION_LIFETIME.total_seconds()))
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, session: SignedIn, csrf_token: Annotated[str, Form()] = "") -> RedirectResponse:
    check_csrf(session, csrf_token)
    users_of(request).close_session(request.cookies[SESSION_COOKIE])
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
