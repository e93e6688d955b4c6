"""Score the pipeline on the real public documents of ../shared/eval/real (never tuned on).

Rebuild them first (their licences keep them out of this repository):
    python ../shared/eval/real/build.py --mirror ../.mirror --out .real
after fetching the repositories `build.py --list` names. Then:
    python benchmarks/real_documents.py [--dir .real] [--report report.json]

Each file is processed as a dossier of its own, in one `dossiers process` run. Prints a
table and ends with one line:
    real: docs=N class=0.000 identity_fields=0.000 mrz_docs_classified=a/b other_fields=0.000 guesses_on_redacted=N
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT.parent / "shared" / "eval" / "real" / "manifest.json"
IDENTITY = ("passport", "id_card")
IDENTITY_FIELDS = ("document_number", "surname", "given_names", "nationality", "date_of_birth", "sex",
                   "expiry_date", "issuing_state")
CONTRACT_TYPES_THE_MANIFEST_LACKS = ("cv",)
# Labels of the other pieces that are fields of the contract under another name.
OTHER_FIELDS = {
    "payslip": {"gross_salary": "gross_salary", "siret": "employer_siret"},
    "company_registration": {"company_name": "company_name", "siren": "siren", "extract_date": "extract_date"},
}


def fold(value: object) -> str:
    """Compared as the shared scorer does: case, accents and whitespace ignored."""
    text = unicodedata.normalize("NFKD", str(value))
    return "".join(c for c in text if not unicodedata.combining(c) and not c.isspace()).upper()


def same(expected: object, got: object) -> bool:
    if got is None:
        return False
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        try:
            return abs(float(got) - float(expected)) <= 0.01 * max(abs(float(expected)), 1)
        except (TypeError, ValueError):
            return False
    return fold(expected) == fold(got)


def run_pipeline(entries: list[dict], real_dir: Path, work: Path) -> dict[str, dict]:
    inputs = []
    for i, entry in enumerate(entries):
        folder = work / "in" / f"real{i:02d}"
        folder.mkdir(parents=True)
        shutil.copy(real_dir / entry["file"], folder / Path(entry["file"]).name)
        inputs.append(str(folder))
    out = work / "out"
    env = {**os.environ, "DOSSIERS_HOME": str(work / "home")}
    command = [sys.executable, "-m", "pipeline.cli", "process", *inputs, "--out-dir", str(out),
               "--as-of", "2026-06-15"]
    subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=3600)
    subprocess.run([sys.executable, "-m", "pipeline.cli", "stop"], env=env, cwd=ROOT, capture_output=True)
    results = {}
    for i, entry in enumerate(entries):
        path = out / f"real{i:02d}.json"
        results[entry["file"]] = json.loads(path.read_text()) if path.exists() else {}
    return results


def best_piece(result: dict) -> dict:
    pieces = result.get("pieces") or []
    return pieces[0] if pieces else {}


def expected_piece_type(entry: dict) -> str:
    """The entry's piece type in the contract's terms: the manifest files a CV under "other"
    with `subtype: cv` because its vocabulary has no CV (its note says so); DOMAIN v2 has one."""
    if entry["piece_type"] == "other" and entry["labels"].get("subtype") in CONTRACT_TYPES_THE_MANIFEST_LACKS:
        return entry["labels"]["subtype"]
    return entry["piece_type"]


def score(entries: list[dict], results: dict[str, dict]) -> dict:
    rows, totals = [], {"class": [0, 0], "identity": [0, 0], "other": [0, 0], "mrz": [0, 0], "guesses": 0}
    for entry in entries:
        labels, expected_type = entry["labels"], expected_piece_type(entry)
        piece = best_piece(results[entry["file"]])
        got_type = piece.get("type")
        fields = piece.get("fields") or {}
        right_type = got_type == expected_type
        totals["class"][0] += right_type
        totals["class"][1] += 1
        misses = []
        if expected_type in IDENTITY:
            readable_mrz = labels.get("mrz_checks_ok") is not None
            if readable_mrz:
                totals["mrz"][0] += right_type
                totals["mrz"][1] += 1
            if labels.get("redacted"):
                # What stays legible (a redacted passport's code FRA) is labelled, not guessed.
                totals["guesses"] += sum(fields.get(name) is not None and name not in labels
                                         for name in IDENTITY_FIELDS)
            uncertain = set(labels.get("uncertain") or ())
            for name in IDENTITY_FIELDS:
                if name in labels and name not in uncertain:
                    # Names are as printed (shared eval README): the visual zone's form counts too.
                    ok = right_type and any(same(labels[key], fields.get(name))
                                            for key in (name, f"{name}_viz") if key in labels)
                    totals["identity"][0] += ok
                    totals["identity"][1] += 1
                    if not ok:
                        misses.append(f"{name}: {labels[name]!r} got {fields.get(name)!r}")
        for label_name, field in OTHER_FIELDS.get(expected_type, {}).items():
            if label_name in labels:
                ok = right_type and same(labels[label_name], fields.get(field))
                totals["other"][0] += ok
                totals["other"][1] += 1
                if not ok:
                    misses.append(f"{field}: {labels[label_name]!r} got {fields.get(field)!r}")
        rows.append({"file": entry["file"], "expected": expected_type, "got": got_type, "misses": misses,
                     "flags": sorted({f["code"] for f in results[entry["file"]].get("flags", [])})})
    return {"rows": rows, "totals": totals}


def ratio(pair: list[int]) -> float:
    return pair[0] / pair[1] if pair[1] else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", type=Path, default=ROOT / ".real", help="where build.py wrote the documents")
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--report", type=Path)
    args = parser.parse_args()
    if not args.manifest.exists() or not args.dir.exists():
        print(f"real documents absent ({args.dir}): rebuild them with ../shared/eval/real/build.py", file=sys.stderr)
        return 2
    entries = [e for e in json.loads(args.manifest.read_text()) if (args.dir / e["file"]).exists()]
    with tempfile.TemporaryDirectory(prefix="dossiers-real-") as work:
        results = run_pipeline(entries, args.dir, Path(work))
    scored = score(entries, results)
    for row in scored["rows"]:
        mark = "ok " if row["expected"] == row["got"] else "BAD"
        print(f"{mark} {row['file']:<60} {row['expected']:<22} got {row['got']!s:<22} {'; '.join(row['misses'])}")
    if args.report:
        args.report.write_text(json.dumps(scored, indent=1, ensure_ascii=False))
    t = scored["totals"]
    print(f"real: docs={len(entries)} class={ratio(t['class']):.3f} identity_fields={ratio(t['identity']):.3f} "
          f"mrz_docs_classified={t['mrz'][0]}/{t['mrz'][1]} other_fields={ratio(t['other']):.3f} "
          f"guesses_on_redacted={t['guesses']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
