"""Check truth files: the result schema's enums (piece types, flag codes), the status the
flags imply, and the eval README's margins (`margins.py`)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from synth.margins import margin_problems
from synth.truth import BLOCKING

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = (ROOT.parent / "shared" / "spec" / "dossier-result.schema.json",
           ROOT / "tests" / "data" / "dossier-result.schema.json")


@lru_cache(maxsize=1)
def schema_enums() -> tuple[frozenset[str], frozenset[str]]:
    """(piece types, flag codes) of the result schema."""
    path = next(p for p in SCHEMAS if p.exists())
    props = json.loads(path.read_text(encoding="utf-8"))["properties"]
    return (frozenset(props["pieces"]["items"]["properties"]["type"]["enum"]),
            frozenset(props["flags"]["items"]["properties"]["code"]["enum"]))


def truth_problems(truth: dict) -> list[str]:
    types, codes = schema_enums()
    out = [f"piece type {p['type']}" for p in truth["pieces"] if p["type"] not in types]
    out += [f"flag code {f['code']}" for f in truth["flags"] if f["code"] not in codes]
    blocking = any(f["code"] in BLOCKING for f in truth["flags"])
    if truth["status"] != ("incomplete" if blocking else "ready_for_review"):
        out.append(f"status {truth['status']}")
    return out + margin_problems(truth)


def check_folder(truth_dir: Path) -> dict[str, list[str]]:
    """{truth file name: problems} for the files that have some."""
    found = {}
    for path in sorted(Path(truth_dir).glob("*.json")):
        problems = truth_problems(json.loads(path.read_text(encoding="utf-8")))
        if problems:
            found[path.name] = problems
    return found
