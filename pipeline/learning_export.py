"""`dossiers corrections export`: agents' field corrections as labelled examples, one JSON
object per line (README, "Corrections as labelled examples")."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from pipeline.opaque import opaque_id
from storage.corrections import CorrectionExample, Corrections
from storage.database import Database

EXAMPLE_FORMAT = 1  # each line's `format`: raise it when a key changes meaning
PARIS = ZoneInfo("Europe/Paris")


def export_corrections(db: Database, out: TextIO, since: dt.date | None = None,
                       with_references: bool = False) -> int:
    """Write every correction made since `since` (a day in Paris time) to `out`; how many."""
    start = dt.datetime.combine(since, dt.time(), PARIS) if since else None
    count = 0
    for example in Corrections(db).examples(start):
        out.write(json.dumps(example_line(example, with_references), ensure_ascii=False) + "\n")
        count += 1
    return count


def example_line(example: CorrectionExample, with_references: bool) -> dict[str, Any]:
    """One line. The dossier is named by its opaque id; its reference and the file name
    (which often hold a person's name) only when asked for."""
    line: dict[str, Any] = {"format": EXAMPLE_FORMAT, "dossier": opaque_id(example.reference)}
    if with_references:
        line.update(reference=example.reference, source=example.source)
    line.update({
        "run_id": example.run_id, "piece_index": example.piece_index, "piece_id": example.piece_id,
        "piece_type": example.piece_type, "classified_type": example.classified_type,
        "text_source": example.text_source, "page": example.page, "field": example.field,
        "value_read": example.value_read, "value_corrected": example.value_corrected,
        "boxes": example.boxes, "confidence": example.confidence, "mrz_failed": example.mrz_failed,
        "corrected_by": example.corrected_by,
        "corrected_at": example.corrected_at.isoformat() if example.corrected_at else None,
    })
    return line
