"""Accounts of the review application (issue 5): agents and administrators, their
server-side sessions, and the login attempts that rate-limit password guessing.

Passwords are hashed with argon2id (argon2-cffi's current defaults). A session is a
random token in the cookie; the table keeps only its sha256, with the session's CSRF
token and its expiry.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from models.errors import UsageError
from storage.database import Database

SESSION_LIFETIME = dt.timedelta(hours=10)  # one working day; then log in again
# Throttling that slows guessing without locking the rightful user out:
# - per (account, address): the first FREE_FAILURES wrong passwords cost nothing; each
#   further one doubles the wait before the next try from that address (2 s, 4 s, 8 s...),
#   never more than MAX_DELAY. Other addresses are not slowed: a guesser elsewhere does
#   not lock the owner out of the account. A success from that address starts afresh.
# - per address, whatever the account: past MAX_FAILURES_PER_IP failures in IP_WINDOW,
#   that address waits until the oldest of them leaves the window. Behind a reverse proxy
#   the address is the one it forwards (DOSSIERS_TRUSTED_PROXIES, web/security.py).
# `dossiers users unlock NAME [--address IP]` lifts both at once.
FREE_FAILURES = 3
BASE_DELAY = dt.timedelta(seconds=2)
MAX_DELAY = dt.timedelta(minutes=5)
FAILURE_MEMORY = dt.timedelta(hours=1)  # older failures of an (account, address) are forgotten
IP_WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_IP = 50
MIN_PASSWORD_LENGTH = 8
USER_NAME = re.compile(r"[A-Za-z0-9._@-]{1,64}")

_hasher = PasswordHasher()
# Verified when the account does not exist, so that timing does not tell which names exist.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class Role(StrEnum):
    agent = "agent"
    admin = "admin"


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: Role

    @property
    def is_admin(self) -> bool:
        return self.role == Role.admin


@dataclass(frozen=True)
class Session:
    user: User
    csrf_token: str
    expires_at: dt.datetime


class LoginThrottled(UsageError):
    """Too many failed attempts for this account from this address, or from this
    address: wait `retry_after` seconds."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = max(1, int(retry_after + 0.999))
        super().__init__(f"trop de tentatives de connexion ; réessayez dans {_duration(self.retry_after)}")


def _duration(seconds: int) -> str:
    return f"{seconds} s" if seconds < 120 else f"{(seconds + 59) // 60} minutes"


def failure_delay(failures: int) -> dt.timedelta:
    """The wait after `failures` consecutive wrong passwords for one account from one address."""
    if failures < FREE_FAILURES:
        return dt.timedelta(0)
    return min(MAX_DELAY, BASE_DELAY * 2 ** min(failures - FREE_FAILURES, 20))


class InvalidAccount(UsageError, ValueError):
    """A user name, role or password that cannot be accepted."""


class Users:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- accounts ---------------------------------------------------------------------

    def add(self, name: str, role: Role | str, password: str) -> User:
        """Create the account, or set the role and password of an existing one."""
        if not USER_NAME.fullmatch(name):
            raise InvalidAccount("nom d'utilisateur : 1 à 64 lettres, chiffres, « . _ @ - »")
        try:
            role = Role(role)
        except ValueError:
            raise InvalidAccount(f"rôle inconnu : {role!r} (agent ou admin)") from None
        if len(password) < MIN_PASSWORD_LENGTH:
            raise InvalidAccount(f"mot de passe trop court (au moins {MIN_PASSWORD_LENGTH} caractères)")
        with self.db.connection() as conn:
            row = conn.execute(
                """INSERT INTO users (name, role, password_hash) VALUES (%s, %s, %s)
                   ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role,
                       password_hash = EXCLUDED.password_hash, updated_at = now()
                   RETURNING id""", (name, role.value, _hasher.hash(password))).fetchone()
            # A new password ends the sessions opened with the old one.
            conn.execute("DELETE FROM web_sessions WHERE user_id = %s", (row[0],))
        return User(row[0], name, role)

    def get(self, name: str) -> User | None:
        with self.db.connection() as conn:
            row = conn.execute("SELECT id, name, role FROM users WHERE name = %s", (name,)).fetchone()
        return User(row[0], row[1], Role(row[2])) if row else None

    def authenticate(self, name: str, password: str, ip: str) -> User | None:
        """The user if the password is right; None if not. Raises LoginThrottled, before
        checking the password, while this account must wait at this address, or this
        address has failed too often lately (see FREE_FAILURES above)."""
        name = name[:64]
        with self.db.connection() as conn:
            self._check_throttle(conn, name, ip)
            row = conn.execute("SELECT id, name, role, password_hash FROM users WHERE name = %s",
                               (name,)).fetchone()
            user = User(row[0], row[1], Role(row[2])) if row and _verify(row[3], password) else None
            if row is None:
                _verify(_DUMMY_HASH, password)
            conn.execute("INSERT INTO login_attempts (user_name, ip, succeeded) VALUES (%s, %s, %s)",
                         (name, ip, user is not None))
            if user is not None and _hasher.check_needs_rehash(row[3]):
                conn.execute("UPDATE users SET password_hash = %s WHERE id = %s",
                             (_hasher.hash(password), user.id))
        return user

    def _check_throttle(self, conn, name: str, ip: str) -> None:  # type: ignore[no-untyped-def]
        now, failures, last = conn.execute(
            """SELECT now(), count(*), max(at) FROM login_attempts
               WHERE user_name = %(name)s AND ip = %(ip)s AND NOT succeeded AND at > now() - %(memory)s
                 AND at > coalesce((SELECT max(at) FROM login_attempts
                                    WHERE user_name = %(name)s AND ip = %(ip)s AND succeeded), '-infinity')""",
            {"name": name, "ip": ip, "memory": FAILURE_MEMORY}).fetchone()
        if failures and now < last + failure_delay(failures):
            raise LoginThrottled((last + failure_delay(failures) - now).total_seconds())
        by_ip = conn.execute(
            """SELECT at FROM login_attempts WHERE ip = %s AND NOT succeeded AND at > now() - %s::interval
               ORDER BY at DESC OFFSET %s LIMIT 1""", (ip, IP_WINDOW, MAX_FAILURES_PER_IP - 1)).fetchone()
        if by_ip is not None:  # the address's MAX_FAILURES_PER_IP-th latest failure is still in the window
            raise LoginThrottled((by_ip[0] + IP_WINDOW - now).total_seconds())

    def unlock(self, name: str, address: str | None = None) -> int:
        """Lift the throttling of an account (at every address), and of an address when
        given: its failed attempts are forgotten. The number of attempts forgotten."""
        with self.db.connection() as conn:
            cursor = conn.execute(
                "DELETE FROM login_attempts WHERE NOT succeeded AND (user_name = %s OR ip = %s)",
                (name, address))
        return cursor.rowcount

    # -- sessions ---------------------------------------------------------------------

    def open_session(self, user: User) -> tuple[str, Session]:
        """A new session: (the token for the cookie, the session)."""
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        with self.db.connection() as conn:
            conn.execute("DELETE FROM web_sessions WHERE expires_at < now()")
            expires = conn.execute(
                """INSERT INTO web_sessions (token_sha256, user_id, csrf_token, expires_at)
                   VALUES (%s, %s, %s, now() + %s::interval) RETURNING expires_at""",
                (_digest(token), user.id, csrf, SESSION_LIFETIME)).fetchone()[0]
        return token, Session(user, csrf, expires)

    def session(self, token: str) -> Session | None:
        with self.db.connection() as conn:
            row = conn.execute(
                """SELECT u.id, u.name, u.role, s.csrf_token, s.expires_at FROM web_sessions s
                   JOIN users u ON u.id = s.user_id
                   WHERE s.token_sha256 = %s AND s.expires_at > now()""", (_digest(token),)).fetchone()
        if row is None:
            return None
        return Session(User(row[0], row[1], Role(row[2])), row[3], row[4])

    def close_session(self, token: str) -> None:
        with self.db.connection() as conn:
            conn.execute("DELETE FROM web_sessions WHERE token_sha256 = %s", (_digest(token),))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
