"""The real public documents of ../shared/eval/real (issue 9's bar): every identity
document whose MRZ reads is classified as its type, at least 95 % of the labelled identity
fields are right, and the redacted ones give no guessed value. Their licences keep them out
of this repository: rebuild them into `.real/` with ../shared/eval/real/build.py; the test
skips when they are absent (as on a fresh clone)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / ".real"
MANIFEST = ROOT.parent / "shared" / "eval" / "real" / "manifest.json"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (REAL.is_dir() and MANIFEST.exists()),
                                 reason="real documents absent: rebuild them with ../shared/eval/real/build.py")]


def _bench():
    spec = importlib.util.spec_from_file_location("real_documents", ROOT / "benchmarks" / "real_documents.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_real_identity_documents_are_read_or_flagged_never_guessed(tmp_path: Path) -> None:
    bench = _bench()
    entries = [e for e in json.loads(MANIFEST.read_text()) if (REAL / e["file"]).exists()]
    if not any(e["piece_type"] in bench.IDENTITY for e in entries):
        pytest.skip("no identity document among the rebuilt ones")
    totals = bench.score(entries, bench.run_pipeline(entries, REAL, tmp_path))["totals"]
    right, readable = totals["mrz"]
    assert right == readable, f"identity documents with a readable MRZ classified: {right}/{readable}"
    assert bench.ratio(totals["identity"]) >= 0.95, totals["identity"]
    assert totals["guesses"] == 0
