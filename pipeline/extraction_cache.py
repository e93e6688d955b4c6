"""Fields already extracted from a piece, kept beside its file's original like its pages.

Keyed by the extraction code's fingerprint (every module and data file of `extractors/`
and `models/`, the spaCy French model's version, the calibration switch) and a hash of
the piece's type and pages: a piece whose pages and extractors are unchanged is not
extracted again. An unchanged rerun then never waits for spaCy's model, seconds to
load for a few names. Under derived/<sha256>/ of the piece's file, so that purging the
original purges its extractions too.
"""
from __future__ import annotations

import hashlib
import logging
import os
from functools import lru_cache
from pathlib import Path

from models import Extraction, Page, PieceType
from pipeline.page_cache import files_fingerprint
from storage.objects import ObjectNotFound, ObjectStore, derived_key

log = logging.getLogger(__name__)

FRENCH_MODEL = "fr_core_news_sm"


def extraction_code_files(extractors_dir: Path, models_dir: Path) -> list[Path]:
    return sorted(path for folder in (extractors_dir, models_dir) for path in folder.rglob("*")
                  if path.is_file() and path.suffix != ".pyc" and "__pycache__" not in path.parts)


@lru_cache(maxsize=1)
def extraction_fingerprint() -> str:
    from importlib import metadata

    import extractors
    import models

    files = extraction_code_files(Path(extractors.__file__).parent, Path(models.__file__).parent)
    digest = hashlib.sha256(files_fingerprint(files).encode())
    try:
        digest.update(metadata.version(FRENCH_MODEL).encode())
    except metadata.PackageNotFoundError:
        digest.update(b"no French model")  # names then stay unread: not the same extraction
    digest.update(os.environ.get("DOSSIERS_FIELD_CALIBRATION", "on").lower().encode())
    return digest.hexdigest()[:16]


def inputs_hash(piece_type: PieceType, pages: list[Page]) -> str:
    """What an extraction reads: the type and the pages, without the time their reading took
    and the file name they came under (the same bytes give the same fields)."""
    digest = hashlib.sha256(piece_type.value.encode())
    for page in pages:
        digest.update(page.model_dump_json(exclude={"read_ms", "source"}).encode())
    return digest.hexdigest()[:32]


class ExtractionCache:
    """An optimisation only: a store that fails to give or keep an extraction costs an
    extraction, never the dossier."""

    def __init__(self, store: ObjectStore) -> None:
        self.store = store

    def key(self, sha256: str, piece_type: PieceType, pages: list[Page]) -> str:
        return derived_key(sha256, "extractions", f"{extraction_fingerprint()}-{inputs_hash(piece_type, pages)}.json")

    def get(self, key: str) -> Extraction | None:
        try:
            return Extraction.model_validate_json(self.store.get_bytes(key))
        except ObjectNotFound:
            return None
        except Exception as exc:  # noqa: BLE001 - extracted again
            log.debug("extraction cache unavailable: %s", exc.__class__.__name__)
            return None

    def put(self, key: str, extraction: Extraction) -> None:
        try:
            self.store.put_bytes(key, extraction.model_dump_json().encode(), media_type="application/json", metadata={},
                                 durable=False)
        except Exception as exc:  # noqa: BLE001 - simply not kept
            log.debug("extraction cache not written: %s", exc.__class__.__name__)
