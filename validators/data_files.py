"""Reading the administrator-editable JSON tables (packaged in validators/data/)."""
from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from models.errors import ProcessingError

# Top-level keys starting with this are notes for the administrator (JSON has no comments).
COMMENT_PREFIX = "_"


class DataFileError(ProcessingError):
    """A data table is missing or malformed: processing cannot go on until it is fixed."""


def read_table(file_name: str, path: Path | None = None) -> tuple[dict[str, Any], str]:
    """The JSON object of `path`, or of the packaged validators/data/<file_name>,
    without comment keys; also returns where it came from, for error messages.
    Numbers are read as Decimal so that money keeps its exact cents."""
    if path is None:
        origin = f"validators/data/{file_name}"
        text = _read(lambda: resources.files("validators").joinpath("data", file_name).read_text("utf-8"), origin)
    else:
        origin = str(path)
        text = _read(lambda: Path(path).read_text("utf-8"), origin)
    try:
        content = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise DataFileError(
            f"{origin} : JSON invalide ligne {exc.lineno}, colonne {exc.colno} ({exc.msg})."
        ) from exc
    if not isinstance(content, dict):
        raise DataFileError(f"{origin} : le fichier doit contenir un objet JSON {{...}}.")
    return {k: v for k, v in content.items() if not k.startswith(COMMENT_PREFIX)}, origin


def _read(read: Callable[[], str], origin: str) -> str:
    try:
        return read()
    except FileNotFoundError as exc:
        raise DataFileError(f"{origin} : fichier introuvable.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{origin} : lecture impossible ({exc}).") from exc
