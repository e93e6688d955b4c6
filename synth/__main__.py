"""python -m synth generate --out DIR --count N --seed S [--shapes folder,zip,merged] [--scan-ratio 0.5]"""
from __future__ import annotations

import argparse
import sys
import time

from synth.dossier import SHAPES, generate_dossier
from synth.scenario import PROCEDURES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m synth")
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write DIR/dossiers/<name> and DIR/truth/<name>.json")
    gen.add_argument("--out", required=True)
    gen.add_argument("--count", type=int, default=8)
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--shapes", default="folder,zip,merged", help="comma-separated, cycled over the dossiers")
    gen.add_argument("--scan-ratio", type=float, default=0.5, help="share of documents scanned rather than born-digital")
    gen.add_argument("--violation-rate", type=float, default=0.6)
    gen.add_argument("--procedure", choices=PROCEDURES, default=None)
    args = parser.parse_args(argv)
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    unknown = set(shapes) - set(SHAPES)
    if unknown:
        parser.error(f"unknown shape(s) {sorted(unknown)}; choose among {SHAPES}")
    started = time.monotonic()
    for i in range(args.count):
        seed = args.seed * 100003 + i  # distinct, reproducible seed per dossier
        dossier = generate_dossier(seed, shapes[i % len(shapes)], args.out, procedure=args.procedure,
                                   scan_ratio=args.scan_ratio, violation_rate=args.violation_rate)
        t = dossier.truth
        print(f"{dossier.path.name}: {t['procedure']} {t['status']} pieces={len(t['pieces'])} "
              f"flags={[f['code'] for f in t['flags']]}")
    print(f"{args.count} dossiers in {time.monotonic() - started:.1f}s -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
