"""python -m synth generate --out DIR --count N --seed S [--shapes folder,zip,merged] [--scan-ratio 0.5] [--photo-ratio 0.3]
                            [--as-of YYYY-MM-DD] [--families A,B] [--exclude-families C,D]
python -m synth families     (the layout family names)
python -m synth check DIR    (DIR/truth: schema enums, status, eval README margins)"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from synth.dossier import DEFAULT_AS_OF, PHOTO_RATIO, SHAPES, generate_dossier
from synth.families import FamilyFilter, all_families
from synth.scenario import PROCEDURES
from synth.validate import check_folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m synth")
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write DIR/dossiers/<name> and DIR/truth/<name>.json")
    gen.add_argument("--out", required=True)
    gen.add_argument("--count", type=int, default=8)
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--shapes", default="folder,zip,merged", help="comma-separated, cycled over the dossiers")
    gen.add_argument("--scan-ratio", type=float, default=0.5, help="share of documents scanned rather than born-digital")
    gen.add_argument("--photo-ratio", type=float, default=PHOTO_RATIO,
                     help="share of the documents not born digital that are phone photos rather than scans")
    gen.add_argument("--violation-rate", type=float, default=0.6)
    gen.add_argument("--procedure", choices=PROCEDURES, default=None)
    gen.add_argument("--as-of", type=dt.date.fromisoformat, default=DEFAULT_AS_OF,
                     help="the set's reception date (pass the same to `dossiers process --as-of`)")
    gen.add_argument("--families", default=None,
                     help="only these layout families (comma-separated `type:layout`, or a whole `type`)")
    gen.add_argument("--exclude-families", default=None, help="never these layout families")
    sub.add_parser("families", help="list the layout families")
    check = sub.add_parser("check", help="check DIR/truth/*.json (schema enums, status, margins)")
    check.add_argument("dir")
    args = parser.parse_args(argv)
    if args.command == "families":
        print("\n".join(all_families()))
        return 0
    if args.command == "check":
        folder = Path(args.dir)
        found = check_folder(folder / "truth" if (folder / "truth").is_dir() else folder)
        for name, problems in found.items():
            print(f"{name}: {'; '.join(problems)}")
        print(f"{len(found)} truth file(s) with problems", file=sys.stderr)
        return 1 if found else 0
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    unknown = set(shapes) - set(SHAPES)
    if unknown:
        parser.error(f"unknown shape(s) {sorted(unknown)}; choose among {SHAPES}")
    try:
        families = FamilyFilter.parse(args.families, args.exclude_families)
    except ValueError as exc:
        parser.error(str(exc))
    started = time.monotonic()
    for i in range(args.count):
        seed = args.seed * 100003 + i  # distinct, reproducible seed per dossier
        dossier = generate_dossier(seed, shapes[i % len(shapes)], args.out, procedure=args.procedure,
                                   scan_ratio=args.scan_ratio, violation_rate=args.violation_rate,
                                   as_of=args.as_of, families=families, photo_ratio=args.photo_ratio)
        t = dossier.truth
        print(f"{dossier.path.name}: {t['procedure']} {t['status']} lmt={t['labour_market_test']} "
              f"pieces={len(t['pieces'])} flags={[f['code'] for f in t['flags']]}")
    print(f"{args.count} dossiers in {time.monotonic() - started:.1f}s -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
