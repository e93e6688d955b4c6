"""The page cache's key covers the whole reading code, computed rather than hand-listed:
a change in any reader module (the MRZ parser, the photo step) misses the cache; a change
in a field extractor, which runs after the cache, does not."""
from __future__ import annotations

import shutil
from pathlib import Path

import extractors
import models.document
from pipeline.page_cache import code_fingerprint, reading_code_files

EXTRACTORS = Path(extractors.__file__).parent
PAGE_MODEL = Path(models.document.__file__)


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "extractors"
    shutil.copytree(EXTRACTORS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_every_reader_module_is_covered() -> None:
    covered = {p.relative_to(EXTRACTORS).as_posix() for p in reading_code_files(EXTRACTORS)}
    assert {"reading.py", "mrz.py", "mrz_reader.py", "photo.py", "cleanup.py", "raster.py"} <= covered
    assert not any(name.startswith("fields/") for name in covered)


def test_changing_a_reader_module_changes_the_key_and_a_field_extractor_does_not(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    before = code_fingerprint(copy, PAGE_MODEL)
    field_module = next((copy / "fields").glob("*.py"))
    field_module.write_text(field_module.read_text() + "\n# a field extractor changed\n")
    assert code_fingerprint(copy, PAGE_MODEL) == before
    for name in ("mrz.py", "photo.py"):
        module = copy / name
        module.write_text(module.read_text() + "\n# changed\n")
        after = code_fingerprint(copy, PAGE_MODEL)
        assert after != before
        before = after


def test_a_page_cut_short_by_a_crash_is_read_again(tmp_path: Path) -> None:
    """Cache entries are written without waiting for the disk: after a crash one may be
    empty or cut, and it is then a miss, never an error."""
    from models import Page
    from pipeline.page_cache import PageCache
    from storage.local_objects import LocalObjectStore

    cache = PageCache(LocalObjectStore(tmp_path / "objects"))
    page = Page(source="a.pdf", number=1, width=10, height=10, text_source="text_layer", lines=[])
    key = cache.put("ab" * 32, page)
    assert cache.get("ab" * 32, 1, "b.pdf") == page.model_copy(update={"source": "b.pdf"})
    data = tmp_path / "objects" / "data" / key
    data.write_bytes(data.read_bytes()[:7])
    assert cache.get("ab" * 32, 1, "b.pdf") is None
