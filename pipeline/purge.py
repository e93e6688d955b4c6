"""Removing dossiers past retention (issue 6): `dossiers purge --older-than DAYS`.

Retention counts from a dossier's last update (`dossiers.updated_at`: its latest run
or review), not from its first reception: a dossier someone is still working on is
kept. A purge removes the dossier's rows (in one transaction, review rows included),
then the objects only it used: originals (content-addressed: the same bytes sent in
another kept dossier stay), their page caches under derived/<sha256>/, and staging
receipts left by an interrupted Airflow run. What remains is one audit event naming
the dossier by its opaque id, with counts.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from pipeline.opaque import opaque_id
from storage.objects import DERIVED_PREFIX, ORIGINALS_PREFIX, STAGING_PREFIX
from storage.records import DossierBusy, purge_candidates, purge_rows
from storage.services import Services

log = logging.getLogger(__name__)


@dataclass
class PurgeReport:
    purged: list[str] = field(default_factory=list)  # opaque ids
    busy: list[str] = field(default_factory=list)  # opaque ids of dossiers being processed: next time
    rows: int = 0
    objects: int = 0


def purge_older_than(services: Services, days: int, *, now: dt.datetime, actor: str = "admin",
                     dry_run: bool = False) -> PurgeReport:
    cutoff = now - dt.timedelta(days=days)
    report = PurgeReport()
    for candidate in purge_candidates(services.records, cutoff):
        tag = opaque_id(candidate.reference)
        if dry_run:
            report.purged.append(tag)
            continue
        try:
            removed = purge_rows(services.records, candidate,
                                 {"dossier": tag, "older_than_days": days,
                                  "last_update": candidate.updated_at.date().isoformat()}, actor)
        except DossierBusy:
            report.busy.append(tag)
            continue
        # Rows first, objects after: an interruption leaves unreferenced objects, never
        # rows pointing at nothing. Each object is checked again: the same bytes may have
        # arrived in a new dossier meanwhile.
        deleted = 0
        for key in removed.unshared_keys:
            if services.records.object_in_use(key):
                continue
            deleted += _delete_original(services, key)
        for name in {candidate.name, *removed.file_names}:
            services.store.delete(f"{STAGING_PREFIX}{opaque_id(name)}.json")
        log.info("dossier %s purged: %d rows, %d objects", tag, sum(removed.counts.values()), deleted)
        report.purged.append(tag)
        report.rows += sum(removed.counts.values())
        report.objects += deleted
    return report


def _delete_original(services: Services, key: str) -> int:
    """The original and everything derived from it (page caches); the number of objects."""
    if not key.startswith(ORIGINALS_PREFIX):
        return 0  # not ours to delete: only originals are shared by content
    sha256 = key.rsplit("/", 1)[-1]
    derived = list(services.store.list_keys(f"{DERIVED_PREFIX}{sha256}/"))
    for derived_key in derived:
        services.store.delete(derived_key)
    services.store.delete(key)
    return 1 + len(derived)
