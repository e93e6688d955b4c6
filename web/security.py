"""Sessions, roles and CSRF for every route.

The session cookie holds a random token (server-side session in `web_sessions`): HTTP-only,
SameSite=Strict, and Secure except over plain http on a loopback address (a development
server on 127.0.0.1, where browsers would otherwise drop it). Every form carries the
session's CSRF token; the login form, before any session, a double-submit token.
"""
from __future__ import annotations

import ipaddress
import secrets
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request
from starlette.responses import Response

from models.errors import UsageError
from storage.users import Session, Users

SESSION_COOKIE = "dossiers_session"
LOGIN_CSRF_COOKIE = "dossiers_login_csrf"
CSRF_FIELD = "csrf_token"


class LoginRequired(UsageError):
    """No valid session: the handler sends the browser to the login page."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


class Forbidden(UsageError):
    """Signed in, but not allowed (role, or a missing/wrong CSRF token)."""

    def __init__(self, message: str) -> None:
        self.message = message


def users_of(request: Request) -> Users:
    return request.app.state.users


def current_session(request: Request) -> Session:
    token = request.cookies.get(SESSION_COOKIE)
    session = users_of(request).session(token) if token else None
    if session is None:
        raise LoginRequired(request.url.path)
    request.state.session = session  # for the templates
    return session


def admin_session(session: Annotated[Session, Depends(current_session)]) -> Session:
    if not session.user.is_admin:
        raise Forbidden("Cette page est réservée aux administrateurs.")
    return session


SignedIn = Annotated[Session, Depends(current_session)]
AdminSignedIn = Annotated[Session, Depends(admin_session)]


def check_csrf(session: Session, submitted: str | None) -> None:
    if not submitted or not secrets.compare_digest(submitted, session.csrf_token):
        raise Forbidden("Jeton de formulaire invalide ou expiré : rechargez la page et recommencez.")


def check_login_csrf(request: Request, submitted: str | None) -> None:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE)
    if not expected or not submitted or not secrets.compare_digest(submitted, expected):
        raise Forbidden("Jeton de formulaire invalide ou expiré : rechargez la page de connexion.")


def secure_cookies(request: Request) -> bool:
    if request.url.scheme == "https":
        return True
    host = request.url.hostname or ""
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


def set_cookie(request: Request, response: Response, name: str, value: str, max_age: int | None) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="strict",
                        secure=secure_cookies(request), path="/")


def login_url(next_path: str) -> str:
    return f"/login?next={quote(next_path)}" if next_path not in ("", "/") else "/login"


def safe_next(next_path: str | None) -> str:
    """Only a path of this site: never an open redirect."""
    if next_path and next_path.startswith("/") and not next_path.startswith("//") and "\\" not in next_path:
        return next_path
    return "/"


def client_ip(request: Request) -> str:
    """The client's address for login throttling. Behind a configured trusted proxy
    (DOSSIERS_TRUSTED_PROXIES) it is the last address of X-Forwarded-For that is not one
    of the proxies (the ones before it could be forged by the client); a forwarded
    header from any other peer is ignored."""
    peer = request.client.host if request.client else "?"
    proxies = trusted_proxies(request)
    if not proxies or not _among(peer, proxies):
        return peer
    hops = [hop.strip() for hop in request.headers.get("x-forwarded-for", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return peer  # a garbled header: the proxy itself is all we know
        if not _among(hop, proxies):
            return hop
    return hops[0] if hops else peer


def trusted_proxies(request: Request) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    cached = getattr(request.app.state, "trusted_proxy_networks", None)
    if cached is None:
        from storage.settings import Settings

        settings = getattr(request.app.state.services, "settings", None) or Settings.from_env()
        cached = tuple(ipaddress.ip_network(p, strict=False) for p in settings.trusted_proxies)
        request.app.state.trusted_proxy_networks = cached
    return cached


def _among(address: str, networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def path_segment(value: object) -> str:
    """A value (a dossier reference) as one segment of a URL path: `/`, `?`, `#` and `%`
    encoded too, so `a/b` or `../../admin` stays one segment, on this site's route."""
    return quote(str(value), safe="")
