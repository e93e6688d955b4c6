"""The services a process works with, opened once: the object store and the records.

Light on purpose (storage only, no reading code): the web server, `dossiers purge`
and the Airflow tasks open them without loading OpenCV, tesseract or spaCy."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from storage.database import Database
from storage.objects import ObjectStore, open_object_store
from storage.records import Records
from storage.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Services:
    """The object store and the records, opened once per process."""

    store: ObjectStore
    records: Records
    db: Database

    settings: Settings | None = None

    @classmethod
    def open(cls, settings: Settings) -> Services:
        db = Database.open(settings)
        return cls(store=open_object_store(settings), records=Records(db), db=db, settings=settings)

    def reconnect(self) -> None:
        """After a database fault: a fresh pool (the embedded server started again if it
        died). Raises the DatabaseUnavailable of Database.open when it is still down."""
        if self.settings is None:
            return
        try:
            self.db.pool.close(timeout=2)
        except Exception as exc:  # noqa: BLE001 - the old pool is gone either way
            log.debug("old pool not closed cleanly: %s", exc.__class__.__name__)
        self.db = Database.open(self.settings)
        self.records = Records(self.db)

    def close(self) -> None:
        self.db.close()
