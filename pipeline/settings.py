"""Configuration from the environment, typed, in one place (DOSSIERS_* variables)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    home: Path  # DOSSIERS_HOME: the embedded default's data directory
    workers: int  # DOSSIERS_WORKERS: page readers, one process per core by default

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            home=Path(os.environ.get("DOSSIERS_HOME", ".dossiers")),
            workers=int(os.environ.get("DOSSIERS_WORKERS", "0")) or (os.cpu_count() or 1),
        )
