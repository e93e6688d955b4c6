"""The date the platform first received each dossier, kept across reruns so that a
rerun of a dossier without manifest gives the same result (DOMAIN.md)."""
from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
from pathlib import Path


class ReceivedDates:
    def __init__(self, home: Path) -> None:
        self.path = home / "received_dates.json"

    def first_received(self, name: str, today: dt.date) -> dt.date:
        """The recorded date for `name`, recording `today` if it is new."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            known = self._load()
            if name not in known:
                known[name] = today.isoformat()
                tmp = self.path.with_suffix(".tmp")
                tmp.write_text(json.dumps(known, indent=1, sort_keys=True))
                os.replace(tmp, self.path)
            return dt.date.fromisoformat(known[name])

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            return {}
