"""Reliability of `field_confidence` (issue 9, point 4): are fields at 0.9 right 9 times in 10?

    python benchmarks/reliability.py [table] [--count 20] [--seed 19]   # held-out families: the table
    python benchmarks/reliability.py fit [--count 20] [--seed 7]        # tuning families: fit the curves

Each command generates a batch with `synth` (scans and phone photos; `table` only the layout
families of benchmarks/heldout_families.json, `fit` only the others), runs `dossiers process`
with raw confidences (DOSSIERS_FIELD_CALIBRATION=off), and compares every value read with the
generator's truth by the shared scorer's own rules (../shared/eval/score.py: its piece matching
and field_equal). `table` prints the reliability table of raw and calibrated confidences;
`fit` writes extractors/fields/data/calibration.json (never fitted on held-out families).
`--work DIR` keeps the batch (default /tmp/reliability-<command>); `--reuse` scores the results
already in DIR/out instead of generating and processing again.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.heldout import DATA as HELDOUT
from extractors.fields import calibration

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
AS_OF = "2026-06-15"
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)
MIN_FIT = 30  # readings below which a source borrows its origin's curve
PRIOR = 10  # pseudo-readings at the raw score in each bin fitted: a bin of a few readings stays near raw


@dataclass(frozen=True)
class Reading:
    source: str  # calibration source, e.g. "ocr:date"
    raw: float
    right: bool
    piece_type: str
    field: str


def scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- the batch

def held_out_families() -> str:
    # read as listed: a type whose new families are not yet listed is generated whole
    return ",".join(json.loads(HELDOUT.read_text(encoding="utf-8"))["families"])


def make_batch(work: Path, command: str, count: int, seed: int) -> None:
    which = "--families" if command == "table" else "--exclude-families"
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "synth", "generate", "--out", str(work), "--count", str(count),
                    "--seed", str(seed), "--as-of", AS_OF, "--scan-ratio", "0.7", "--photo-ratio", "0.5",
                    which, held_out_families()], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    inputs = sorted(str(p) for p in (work / "dossiers").iterdir())
    env = {**os.environ, "DOSSIERS_FIELD_CALIBRATION": "off"}
    # exit code 1 (a failed dossier) still leaves the others' results to score
    subprocess.run(["dossiers", "process", *inputs, "--out-dir", str(work / "out"), "--as-of", AS_OF],
                   env=env, cwd=ROOT, check=False)


def readings(work: Path) -> list[Reading]:
    """Every value read on a rightly classified piece, with its raw confidence and whether it is right.

    A value read where the truth has none (null) is wrong: a reading the document does not hold."""
    score = scorer()
    found: list[Reading] = []
    for item in score.load_truths(str(work / "truth"), str(work / "dossiers")):
        path = work / "out" / f"{item['name']}.json"
        result = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        scored = score.score_dossier(item, result, set())
        for truth_piece, piece in zip(item["truth"]["pieces"], scored["pieces"]):
            if not piece["class_ok"]:
                continue
            got = next(p for p in result["pieces"] if p["pages"] == piece["got_pages"]
                       and score.source_matches(p["source"], truth_piece["source"], item["name"]))
            for name, value in got["fields"].items():
                if value is None or name not in got.get("field_confidence", {}):
                    continue
                expected = truth_piece["fields"].get(name)
                right = expected is not None and score.field_equal(name, expected, value)
                found.append(Reading(calibration.source(got["type"], got["text_source"], value),
                                     got["field_confidence"][name], right, got["type"], name))
    return found


# --------------------------------------------------------------------------- the table

def bin_of(confidence: float) -> int:
    return next(i for i in range(len(BINS) - 2, -1, -1) if confidence >= BINS[i])


def table(pairs: list[tuple[float, bool]], title: str) -> list[str]:
    """Markdown rows: confidence bin, fields, right, share right, mean confidence; then the ECE."""
    rows = [f"| {title} | fields | right | share right | mean confidence |", "|---|---|---|---|---|"]
    ece = 0.0
    for i in range(len(BINS) - 1):
        inside = [(c, r) for c, r in pairs if bin_of(c) == i]
        close = "]" if i == len(BINS) - 2 else ")"
        label = f"[{BINS[i]:.2f}, {BINS[i + 1]:.2f}{close}"
        if not inside:
            rows.append(f"| {label} | 0 | 0 | – | – |")
            continue
        right = sum(r for _, r in inside)
        mean = sum(c for c, _ in inside) / len(inside)
        ece += len(inside) / len(pairs) * abs(right / len(inside) - mean)
        rows.append(f"| {label} | {len(inside)} | {right} | {right / len(inside):.3f} | {mean:.3f} |")
    total_right = sum(r for _, r in pairs)
    rows.append(f"| all | {len(pairs)} | {total_right} | {total_right / max(len(pairs), 1):.3f} | ECE {ece:.3f} |")
    return rows


def by_source(found: list[Reading], curves: dict) -> list[str]:
    rows = ["| source | fields | right | share right | mean raw | mean calibrated |", "|---|---|---|---|---|---|"]
    for src in sorted({r.source for r in found}):
        mine = [r for r in found if r.source == src]
        right = sum(r.right for r in mine)
        cal = [calibration.calibrated(curves, src, r.raw) for r in mine]
        rows.append(f"| {src} | {len(mine)} | {right} | {right / len(mine):.3f} | "
                    f"{sum(r.raw for r in mine) / len(mine):.3f} | {sum(cal) / len(cal):.3f} |")
    return rows


def wrong_values(found: list[Reading], curves: dict) -> list[str]:
    return [f"  wrong: {r.piece_type}.{r.field} ({r.source}) raw={r.raw:.3f} "
            f"calibrated={calibration.calibrated(curves, r.source, r.raw):.3f}" for r in found if not r.right]


# --------------------------------------------------------------------------- the fit

def isotonic(points: list[tuple[float, bool]]) -> list[list[float]]:
    """Knots [raw, share right] of a monotone fit: the share right of each confidence bin, pulled
    towards the bin's raw score by PRIOR pseudo-readings (a bin of a few readings stays near its
    raw score), then adjacent bins that break the order pooled (weighted pool-adjacent-violators)."""
    bins: list[tuple[float, float, float]] = []  # mean raw, smoothed share right, weight
    ends: list[tuple[float, float]] = []  # lowest and highest raw score of each bin
    for i in range(len(BINS) - 1):
        inside = [(raw, right) for raw, right in points if bin_of(raw) == i]
        if inside:
            x = sum(raw for raw, _ in inside) / len(inside)
            ends.append((min(raw for raw, _ in inside), max(raw for raw, _ in inside)))
            y = (sum(right for _, right in inside) + PRIOR * x) / (len(inside) + PRIOR)
            bins.append((x, y, len(inside) + PRIOR))
    blocks: list[list[float]] = []  # [weighted sum of y, weight, bins pooled]
    for _, y, weight in bins:
        blocks.append([y * weight, weight, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            last = blocks.pop()
            blocks[-1] = [a + b for a, b in zip(blocks[-1], last)]
    ys = [total / weight for total, weight, pooled in blocks for _ in range(int(pooled))]
    knots = [[round(x, 3), round(y, 3)] for (x, _, _), y in zip(bins, ys)]
    # the curve spans the scores measured: flat from the lowest to the first bin's mean, and
    # from the last bin's mean to the highest
    if ends[0][0] < knots[0][0]:
        knots.insert(0, [round(ends[0][0], 3), knots[0][1]])
    if ends[-1][1] > knots[-1][0]:
        knots.append([round(ends[-1][1], 3), knots[-1][1]])
    return knots


def fit(found: list[Reading]) -> dict[str, list[list[float]]]:
    curves: dict[str, list[list[float]]] = {}
    for origin in sorted({r.source.split(":")[0] for r in found}):
        mine = [(r.raw, r.right) for r in found if r.source.split(":")[0] == origin]
        curves[origin] = isotonic(mine)
    for src in sorted({r.source for r in found}):
        mine = [(r.raw, r.right) for r in found if r.source == src]
        if len(mine) >= MIN_FIT:
            curves[src] = isotonic(mine)
    return curves


def write_curves(curves: dict, found: list[Reading], args: argparse.Namespace) -> None:
    data = {
        "version": dt.date.today().isoformat(),
        "why": "field_confidence calibration (extractors/fields/calibration.py): per source, knots "
               "[raw, share right] of an isotonic fit; written by benchmarks/reliability.py fit",
        "fitted_on": f"synth generate --count {args.count} --seed {args.seed} --exclude-families <held out>, "
                     f"{len(found)} values",
        "curves": curves,
    }
    calibration.TABLE.parent.mkdir(exist_ok=True)
    text = json.dumps({**data, "curves": "CURVES"}, indent=1, ensure_ascii=False)
    lines = ",\n".join(f"  {json.dumps(name)}: {json.dumps(knots)}" for name, knots in curves.items())
    calibration.TABLE.write_text(text.replace('"CURVES"', "{\n" + lines + "\n }") + "\n", encoding="utf-8")
    print(f"wrote {calibration.TABLE.relative_to(ROOT)}")


# --------------------------------------------------------------------------- main

def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", choices=("table", "fit"), default="table")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None, help="19 for table, 7 for fit")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--wrong", action="store_true", help="list the wrong values")
    args = parser.parse_args(argv)
    args.seed = args.seed if args.seed is not None else (19 if args.command == "table" else 7)
    work = args.work or Path(f"/tmp/reliability-{args.command}")
    if not args.reuse:
        make_batch(work, args.command, args.count, args.seed)
    found = readings(work)
    if args.command == "fit":
        curves = fit(found)
        write_curves(curves, found, args)
    else:
        curves = calibration.load_curves()
    made = "results kept" if args.reuse else f"seed {args.seed}, {args.count} dossiers"
    print(f"{args.command}: {len(found)} values read on {work} ({made})")
    print("\n".join(table([(r.raw, r.right) for r in found], "raw confidence")))
    print()
    print("\n".join(table([(calibration.calibrated(curves, r.source, r.raw), r.right) for r in found],
                          "calibrated")))
    print()
    print("\n".join(by_source(found, curves)))
    if args.wrong:
        print("\n".join(wrong_values(found, curves)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
