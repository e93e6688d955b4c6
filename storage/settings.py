"""Configuration from the environment, typed, in one place (DOSSIERS_* variables).
Documented in the README's Configuration table."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def default_home(env: dict[str, str]) -> Path:
    """DOSSIERS_HOME when unset: never the current directory, so that a command run
    from another folder finds the same data (and the same embedded server). In a source
    checkout (this package beside a pyproject.toml, as `make` installs it) it is the
    checkout's `.dossiers`; otherwise the user's data directory,
    `$XDG_DATA_HOME/dossiers` (`~/.local/share/dossiers`)."""
    checkout = Path(__file__).resolve().parents[1]
    if (checkout / "pyproject.toml").is_file() and os.access(checkout, os.W_OK):
        return checkout / ".dossiers"
    data = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data).absolute() / "dossiers"


@dataclass(frozen=True)
class Settings:
    home: Path  # DOSSIERS_HOME: data directory of the embedded defaults
    workers: int  # DOSSIERS_WORKERS: page-reading processes, one per core by default
    database_url: str | None  # DOSSIERS_DATABASE_URL: PostgreSQL; None = embedded server in home/postgres
    s3_endpoint: str | None  # DOSSIERS_S3_ENDPOINT (host:port); None = local directory home/objects
    s3_access_key: str | None
    s3_secret_key: str | None
    s3_bucket: str  # DOSSIERS_S3_BUCKET
    s3_secure: bool  # DOSSIERS_S3_SECURE: https to the endpoint
    s3_sse: bool  # DOSSIERS_S3_SSE: ask the object store to encrypt objects at rest (SSE-S3)
    s3_timeout: float  # DOSSIERS_S3_TIMEOUT: seconds to wait for an answer before retrying
    log_key: str | None  # DOSSIERS_LOG_KEY: names dossiers opaquely in logs; shared by every worker
    airflow_url: str | None  # DOSSIERS_AIRFLOW_URL: the review UI's Rerun goes through Airflow's REST API
    airflow_user: str | None  # DOSSIERS_AIRFLOW_USER
    airflow_password: str | None  # DOSSIERS_AIRFLOW_PASSWORD
    inbox_prefix: str  # DOSSIERS_INBOX_PREFIX: where senders drop dossiers in the bucket
    inbox_quiet_seconds: float  # DOSSIERS_INBOX_QUIET_SECONDS: a folder unchanged this long is complete
    # DOSSIERS_TRUSTED_PROXIES: addresses or networks (comma-separated) of the reverse proxies
    # whose X-Forwarded-For names the client; empty = the peer address is the client.
    trusted_proxies: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        env = dict(os.environ if env is None else env)
        return cls(
            home=Path(env["DOSSIERS_HOME"]).absolute() if env.get("DOSSIERS_HOME") else default_home(env),
            workers=int(env.get("DOSSIERS_WORKERS", "0") or 0) or (os.cpu_count() or 1),
            database_url=env.get("DOSSIERS_DATABASE_URL") or None,
            s3_endpoint=env.get("DOSSIERS_S3_ENDPOINT") or None,
            s3_access_key=env.get("DOSSIERS_S3_ACCESS_KEY") or None,
            s3_secret_key=env.get("DOSSIERS_S3_SECRET_KEY") or None,
            s3_bucket=env.get("DOSSIERS_S3_BUCKET", "dossiers"),
            s3_secure=_flag(env.get("DOSSIERS_S3_SECURE")),
            s3_sse=_flag(env.get("DOSSIERS_S3_SSE")),
            s3_timeout=float(env.get("DOSSIERS_S3_TIMEOUT", "30")),
            log_key=env.get("DOSSIERS_LOG_KEY") or None,
            airflow_url=(env.get("DOSSIERS_AIRFLOW_URL") or "").rstrip("/") or None,
            airflow_user=env.get("DOSSIERS_AIRFLOW_USER") or None,
            airflow_password=env.get("DOSSIERS_AIRFLOW_PASSWORD") or None,
            inbox_prefix=env.get("DOSSIERS_INBOX_PREFIX", "inbox/"),
            inbox_quiet_seconds=float(env.get("DOSSIERS_INBOX_QUIET_SECONDS", "120")),
            trusted_proxies=tuple(p.strip() for p in env.get("DOSSIERS_TRUSTED_PROXIES", "").split(",") if p.strip()),
        )
