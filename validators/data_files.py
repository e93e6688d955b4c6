"""Reading the administrator-editable tables (packaged in validators/data/).

Each table is one file an administrator edits in place, or replaces by pointing an
environment variable to another file. A file is parsed again when its modification
time or size changes, so an edit takes effect on the next dossier: no restart, no release.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from models.errors import DependencyUnavailable

# Top-level keys starting with this are notes for the administrator (JSON has no comments).
COMMENT_PREFIX = "_"

T = TypeVar("T")


class DataFileError(DependencyUnavailable):
    """A data table is missing or malformed: processing cannot go on until it is fixed."""


def packaged_path(file_name: str) -> Path:
    return Path(str(resources.files("validators").joinpath("data", file_name)))


def table_path(file_name: str, env_var: str, path: Path | None = None) -> Path:
    """`path`, else the file $env_var names, else the packaged validators/data/<file_name>."""
    if path is not None:
        return Path(path)
    if os.environ.get(env_var):
        return Path(os.environ[env_var])
    return packaged_path(file_name)


def load_table(file_name: str, env_var: str, parse: Callable[[Path], T], path: Path | None = None) -> T:
    """`parse` applied to the table's file, reusing the last parse while the file is unchanged."""
    resolved = table_path(file_name, env_var, path)
    try:
        stat = resolved.stat()
    except OSError as exc:
        raise DataFileError(f"{resolved} : fichier introuvable ou illisible ({exc.strerror or exc}).") from exc
    return _parsed(parse, str(resolved), stat.st_mtime_ns, stat.st_size)  # type: ignore[return-value]


@lru_cache(maxsize=32)
def _parsed(parse: Callable[[Path], Any], path: str, modified_ns: int, size: int) -> Any:
    # modified_ns and size are only cache keys: a changed file is a new entry
    return parse(Path(path))


def read_text(path: Path) -> str:
    try:
        return Path(path).read_text("utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"{path} : fichier introuvable.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path} : lecture impossible ({exc}).") from exc


def read_table(path: Path) -> tuple[dict[str, Any], str]:
    """The JSON object of `path` without comment keys, and where it came from (for
    error messages). Numbers are read as Decimal so that money keeps its exact cents."""
    origin = str(path)
    try:
        content = json.loads(read_text(path), parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise DataFileError(
            f"{origin} : JSON invalide ligne {exc.lineno}, colonne {exc.colno} ({exc.msg})."
        ) from exc
    if not isinstance(content, dict):
        raise DataFileError(f"{origin} : le fichier doit contenir un objet JSON {{...}}.")
    return {k: v for k, v in content.items() if not k.startswith(COMMENT_PREFIX)}, origin
