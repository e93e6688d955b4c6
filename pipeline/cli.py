"""The `dossiers` command. Errors become exit codes here, at one boundary."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from pathlib import Path

from models import DossierError, DossierResult, Status

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except DossierError as exc:
        print(f"dossiers: {exc}", file=sys.stderr)
        return exc.exit_code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dossiers", description="Traitement des dossiers d'autorisation de travail")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(required=True)
    process = sub.add_parser("process", help="lire, classer, extraire et contrôler des dossiers")
    process.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                         help="dossier : répertoire, archive .zip ou PDF unique")
    process.add_argument("--out-dir", type=Path, help="écrit DIR/<nom>.json pour chaque dossier")
    process.add_argument("--as-of", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                         help="date de réception des dossiers sans manifeste (tests, reprises)")
    process.add_argument("--workers", type=int, default=0, help="processus de lecture (défaut : un par cœur)")
    process.add_argument("--summary", action="store_true", help="une ligne de synthèse par dossier sur stdout")
    process.set_defaults(func=_process)
    return parser


def _process(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from pipeline.page_pool import PagePool
    from pipeline.process import process_dossier
    from storage.settings import Settings
    from storage.received_dates import ReceivedDates

    settings = Settings.from_env()
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"dossiers: introuvable : {', '.join(map(str, missing))}", file=sys.stderr)
        return EXIT_USAGE
    if args.out_dir:
        args.out_dir.mkdir(parents=True, exist_ok=True)
    ledger = ReceivedDates(settings.home)
    today = dt.date.today()  # the one place the wall clock enters: the date of reception
    failed = 0
    show_bar = len(args.paths) > 1 and sys.stderr.isatty()
    with PagePool(args.workers or settings.workers) as pool:
        for path in tqdm(args.paths, desc="dossiers", unit="dossier", disable=not show_bar, file=sys.stderr):
            received = args.as_of or ledger.first_received(path.resolve().as_posix(), today)
            result = process_dossier(path, received_at=received, pool=pool)
            failed += result.status == Status.failed
            _emit(result, path, args)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _emit(result: DossierResult, path: Path, args: argparse.Namespace) -> None:
    document = json.dumps(result.to_json_dict(), ensure_ascii=False, indent=1)
    if args.out_dir:
        name = path.name if path.is_dir() or not path.suffix else path.stem
        target = args.out_dir / f"{name}.json"
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(document, encoding="utf-8")
        tmp.replace(target)
    elif len(args.paths) == 1 and not args.summary:
        print(document)
    if args.summary:
        print(summary_line(result))


def summary_line(result: DossierResult) -> str:
    codes = sorted({f.code.value for f in result.flags})
    return (f"{result.dossier.reference:<32} {result.dossier.procedure:<22} {result.status.value:<17} "
            f"{', '.join(codes) or '-'}")


if __name__ == "__main__":
    sys.exit(main())
