"""A retyped piece's fields read again for its new type from the page text the reader kept,
without reading the files again (issue 10: corrections that count).

The read pages (lines, words, boxes, MRZ text) stay in the object store's page cache,
beside the original they come from (pipeline/page_cache.py). The field extractor of the
new type runs on them in a bounded worker, as the page previews do: the web server that
calls this never loads the reading code itself. When the text is no longer kept (purged,
or never cached), there is nothing to extract from: the caller says so to the agent.
"""
from __future__ import annotations

import logging

from extractors.limits import Limits
from models import Extraction, Page, PieceResult, PieceType
from pipeline.page_cache import PageCache
from pipeline.page_pool import WorkerError, run_bounded
from storage.objects import ObjectNotFound, ObjectStore
from storage.records import Records

log = logging.getLogger(__name__)

EXTRACT_SECONDS = 60.0  # the field extractors on a few pages already read; a name model may load


class StoredPageText:
    """`Reextract` for storage.reviews: (reference, piece, new type) -> fields, or None."""

    def __init__(self, store: ObjectStore, records: Records) -> None:
        self.cache = PageCache(store)
        self.records = records

    def __call__(self, reference: str, piece: PieceResult, piece_type: PieceType) -> Extraction | None:
        received = self.records.received_set(reference)
        file = received.original(piece.source) if received else None
        pages = stored_pages(self.cache, file.sha256, piece.pages, piece.source) if file else None
        if pages is None:
            return None
        limits = Limits.from_env()
        try:
            return run_bounded(extract_for_type, (piece_type, pages), memory_bytes=limits.max_reader_bytes,
                               timeout=EXTRACT_SECONDS)
        except WorkerError as error:
            log.warning("re-extraction failed: %s", error.__class__.__name__)
            return None


def stored_pages(cache: PageCache, sha256: str, numbers: list[int], source: str) -> list[Page] | None:
    """The pages `numbers` of a file as its reader kept them: by the current reader, else by
    an earlier one that kept them all (the text the dossier's checks were made on); None
    when some page is kept by none."""
    current = [cache.get(sha256, number, source) for number in numbers]
    if all(page is not None for page in current):
        return [page for page in current if page is not None]
    folder = cache.key(sha256, 1).rsplit("/", 1)[0] + "/"
    readings: dict[str, dict[int, str]] = {}
    for key in cache.store.list_keys(folder):
        reader, _, number = key.rsplit("/", 1)[-1].removesuffix(".json").rpartition("-")
        if number.isdigit():
            readings.setdefault(reader, {})[int(number)] = key
    for keys in (readings[reader] for reader in sorted(readings)):
        if all(number in keys for number in numbers):
            try:
                return [Page.model_validate_json(cache.store.get_bytes(keys[number])).model_copy(
                    update={"source": source}) for number in numbers]
            except ObjectNotFound:
                continue  # purged meanwhile
    return None


def extract_for_type(args: tuple[PieceType, list[Page]]) -> Extraction:
    """In the bounded worker: the field extractor of `piece_type` on the pages."""
    from extractors.extract import extract_fields

    piece_type, pages = args
    return extract_fields(piece_type, pages)
