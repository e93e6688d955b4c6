"""Identifiers that carry no personal data, for logs and for what Airflow shows.

A reference or an inbox name is often made from a file name, and file names hold
people's names: logs name a dossier by `opaque_id(reference)`, a short keyed hash
(keyed, so that nobody can hash a list of likely names and match them). What must
travel between Airflow tasks and come back as text (an inbox entry, a reference)
travels `seal`ed: encrypted, readable only with the key.

The key is DOSSIERS_LOG_KEY when set (every worker of a deployment must share it),
else a random key kept in DOSSIERS_HOME/log.key, made on first use.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from models.errors import UsageError

KEY_VARIABLE = "DOSSIERS_LOG_KEY"
KEY_FILE = "log.key"
OPAQUE_PREFIX = "d-"


class UnsealError(UsageError):
    """A sealed identifier that this key cannot open (another deployment's key, or
    tampered): the workers' DOSSIERS_LOG_KEY must be the same."""


def opaque_id(reference: str) -> str:
    """A stable, short name for a dossier in logs: the same reference, the same id."""
    digest = hmac.new(_secret(), reference.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
    return OPAQUE_PREFIX + digest[:12]


def seal(text: str) -> str:
    return _fernet().encrypt(text.encode("utf-8", "surrogatepass")).decode("ascii")


def unseal(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8", "surrogatepass")
    except (InvalidToken, UnicodeError, ValueError) as exc:
        raise UnsealError("identifiant scellé illisible avec la clé de ce déploiement "
                          f"({KEY_VARIABLE} doit être la même sur tous les workers)") from exc


@lru_cache(maxsize=1)
def _fernet() -> Fernet:
    # Derived, so one secret serves both uses without the hash revealing the cipher key.
    derived = hmac.new(_secret(), b"dossiers-seal", hashlib.sha256).digest()
    return Fernet(base64.urlsafe_b64encode(derived))


@lru_cache(maxsize=1)
def _secret() -> bytes:
    from storage.settings import Settings  # reads the environment only; nothing is opened

    settings = Settings.from_env()
    if settings.log_key:
        return settings.log_key.encode()
    return _key_file(settings.home / KEY_FILE)


def _key_file(path: Path) -> bytes:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{KEY_FILE}.{os.getpid()}")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
        try:
            os.link(temp, path)  # atomic, and fails if another process made the key first
        except FileExistsError:
            pass
        finally:
            temp.unlink()
    return path.read_text().strip().encode()
