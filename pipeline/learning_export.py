"""`dossiers corrections export`: agents' field corrections and piece type changes as
labelled examples, one JSON object per line, its `kind` saying which (README, "Learning
from corrections")."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from pipeline.opaque import opaque_id
from storage.corrections import (
    CorrectionExample,
    Corrections,
    LabelledExample,
    TypeCorrectionExample,
)
from storage.database import Database

# Each line's `format`: raise it when a key changes meaning. 2: lines of two kinds
# (`kind`: "field" or "type"), the piece's `pages` on every line.
EXAMPLE_FORMAT = 2
PARIS = ZoneInfo("Europe/Paris")


def export_corrections(db: Database, out: TextIO, since: dt.date | None = None,
                       with_references: bool = False) -> int:
    """Write every correction (field or type) made since `since` (a day in Paris time) to
    `out`, oldest first; how many."""
    start = dt.datetime.combine(since, dt.time(), PARIS) if since else None
    count = 0
    for example in Corrections(db).labelled_examples(start):
        out.write(json.dumps(example_line(example, with_references), ensure_ascii=False) + "\n")
        count += 1
    return count


def example_line(example: LabelledExample, with_references: bool) -> dict[str, Any]:
    """One line. The dossier is named by its opaque id; its reference and the file name
    (which often hold a person's name) only when asked for."""
    kind = "field" if isinstance(example, CorrectionExample) else "type"
    line: dict[str, Any] = {"format": EXAMPLE_FORMAT, "kind": kind, "dossier": opaque_id(example.reference)}
    if with_references:
        line.update(reference=example.reference, source=example.source)
    line.update({"run_id": example.run_id, "piece_index": example.piece_index, "piece_id": example.piece_id,
                 "pages": example.pages, "text_source": example.text_source})
    line.update(_field_keys(example) if isinstance(example, CorrectionExample) else _type_keys(example))
    line.update(corrected_by=example.corrected_by,
                corrected_at=example.corrected_at.isoformat() if example.corrected_at else None)
    return line


def _field_keys(example: CorrectionExample) -> dict[str, Any]:
    return {"piece_type": example.piece_type, "classified_type": example.classified_type,
            "page": example.page, "field": example.field, "value_read": example.value_read,
            "value_corrected": example.value_corrected, "boxes": example.boxes,
            "confidence": example.confidence, "mrz_failed": example.mrz_failed}


def _type_keys(example: TypeCorrectionExample) -> dict[str, Any]:
    return {"type_read": example.type_read, "type_corrected": example.type_corrected,
            "confidence": example.confidence}
