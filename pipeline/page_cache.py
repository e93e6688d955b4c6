"""Pages already read, kept in the object store beside the originals they come from.

Keyed by the file's content hash, the page number and the reader's fingerprint (the
package version plus a hash of the reading code and tesseract's version), so an
unchanged file is never read twice by the same reader, and a changed reader never
serves stale pages. Airflow's mapped reading tasks fill it; the dossier step then
finds every page there.
"""
from __future__ import annotations

import hashlib
import subprocess
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from models import Page
from pipeline import PIPELINE_VERSION
from storage.objects import ObjectNotFound, ObjectStore, derived_key

# What a cached page depends on: every module and data file of the extractors package
# except the field extractors (they run on pages after the cache), and the page model.
# Computed, never hand-listed: a new reader module is covered the day it is added.
_AFTER_READING = ("fields",)


def reading_code_files(extractors_dir: Path) -> list[Path]:
    return sorted(path for path in extractors_dir.rglob("*")
                  if path.is_file() and path.suffix != ".pyc" and "__pycache__" not in path.parts
                  and path.relative_to(extractors_dir).parts[0] not in _AFTER_READING)


def code_fingerprint(extractors_dir: Path, page_model: Path) -> str:
    return files_fingerprint([*reading_code_files(extractors_dir), page_model])


def files_fingerprint(files: list[Path]) -> str:
    """The package version, then each file's name (with its folder) and bytes."""
    digest = hashlib.sha256(PIPELINE_VERSION.encode())
    for path in files:
        digest.update(path.relative_to(path.parent.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def reader_fingerprint() -> str:
    import extractors
    import models.document

    digest = hashlib.sha256(code_fingerprint(Path(extractors.__file__).parent,
                                             Path(models.document.__file__)).encode())
    try:
        digest.update(subprocess.run(["tesseract", "--version"], capture_output=True, timeout=10).stdout)
    except (OSError, subprocess.TimeoutExpired):
        pass  # no tesseract: text-layer pages still cache; OCR fails loudly elsewhere
    return digest.hexdigest()[:16]


class PageCache:
    def __init__(self, store: ObjectStore) -> None:
        self.store = store

    def key(self, sha256: str, number: int) -> str:
        return derived_key(sha256, "pages", f"{reader_fingerprint()}-{number}.json")

    def get(self, sha256: str, number: int, source: str) -> Page | None:
        try:
            raw = self.store.get_bytes(self.key(sha256, number))
        except ObjectNotFound:
            return None
        try:
            page = Page.model_validate_json(raw)
        except ValidationError:
            return None  # cut short by a crash (cache writes are not durable): read again
        # The same bytes may arrive under another name: the page belongs to this source now.
        return page.model_copy(update={"source": source})

    def put(self, sha256: str, page: Page) -> str:
        key = self.key(sha256, page.number)
        self.store.put_bytes(key, page.model_dump_json().encode(), media_type="application/json", metadata={},
                           durable=False)
        return key
