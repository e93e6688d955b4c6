"""The `dossiers` command. Errors become exit codes here, at one boundary."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Any

from models import DossierError, DossierResult, Status

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
PASSWORD_ENV = "DOSSIERS_USER_PASSWORD"  # `dossiers users add` in scripts

log = logging.getLogger("dossiers")


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

    process = sub.add_parser("process", help="lire, classer, extraire, contrôler et conserver des dossiers")
    process.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                         help="dossier : répertoire, archive .zip ou PDF unique")
    process.add_argument("--out-dir", type=Path, help="écrit DIR/<nom>.json pour chaque dossier")
    process.add_argument("--as-of", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                         help="date de réception des dossiers sans manifeste (tests, reprises)")
    process.add_argument("--workers", type=int, default=0, help="processus de lecture (défaut : un par cœur)")
    process.add_argument("--summary", action="store_true", help="une ligne de synthèse par dossier sur stdout")
    process.set_defaults(func=_process)

    listing = sub.add_parser("list", help="les dossiers conservés et leur état")
    listing.add_argument("--status", choices=[s.value for s in Status])
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_list)

    show = sub.add_parser("show", help="le résultat courant d'un dossier, ses traitements et son historique")
    show.add_argument("reference")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_show)

    rerun = sub.add_parser("rerun", help="retraiter des dossiers conservés, depuis leurs fichiers d'origine")
    rerun.add_argument("references", nargs="*", metavar="REF")
    rerun.add_argument("--failed", action="store_true", help="tous les dossiers en échec")
    rerun.add_argument("--workers", type=int, default=0)
    rerun.set_defaults(func=_rerun)

    serve = sub.add_parser("serve", help="l'application web d'instruction (agents, administrateurs)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=_serve)

    users = sub.add_parser("users", help="les comptes de l'application web")
    users_sub = users.add_subparsers(required=True)
    add_user = users_sub.add_parser("add", help="créer un compte, ou changer son rôle et son mot de passe")
    add_user.add_argument("name", metavar="NAME")
    add_user.add_argument("--role", required=True, choices=["agent", "admin"])
    add_user.add_argument("--password-stdin", action="store_true",
                          help=f"lire le mot de passe sur l'entrée standard (sinon ${PASSWORD_ENV}, sinon demandé)")
    add_user.set_defaults(func=_add_user)

    purge = sub.add_parser("purge", help="supprimer les dossiers au-delà de la durée de conservation")
    purge.add_argument("--older-than", type=int, required=True, metavar="DAYS",
                       help="dossiers sans mise à jour (traitement, revue) depuis DAYS jours")
    purge.add_argument("--dry-run", action="store_true", help="compter sans rien supprimer")
    purge.set_defaults(func=_purge)

    stop = sub.add_parser("stop", help="arrêter le serveur PostgreSQL embarqué")
    stop.set_defaults(func=_stop)
    return parser


def _process(args: argparse.Namespace) -> int:
    from collections import deque

    from tqdm import tqdm

    from extractors.limits import Limits
    from pipeline.page_cache import PageCache
    from pipeline.page_pool import PagePool
    from pipeline.read_ahead import ReadAhead
    from pipeline.recorded import Services, process_and_record
    from storage.records import DossierBusy
    from storage.settings import Settings

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"dossiers: introuvable : {', '.join(map(str, missing))}", file=sys.stderr)
        return EXIT_USAGE
    if args.out_dir:
        args.out_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings.from_env()
    today = dt.date.today()  # the one place the wall clock enters: the date of reception
    unfinished = 0
    show_bar = len(args.paths) > 1 and sys.stderr.isatty()
    services = Services.open(settings)
    try:
        with PagePool(args.workers or settings.workers) as pool:
            ahead = ReadAhead(pool, PageCache(services.store), Limits.from_env())
            # Two dossiers in flight: the readers work on the next while this one is recorded.
            pending = deque(ahead.submit(p) for p in args.paths[:2])
            for i, path in enumerate(tqdm(args.paths, desc="dossiers", unit="dossier", disable=not show_bar,
                                          file=sys.stderr)):
                ahead.finish(pending.popleft())
                if i + 2 < len(args.paths):
                    pending.append(ahead.submit(args.paths[i + 2]))
                try:
                    result = process_and_record(path, services, today=today, as_of=args.as_of, pool=pool)
                except DossierBusy as exc:
                    print(f"dossiers: {exc}", file=sys.stderr)
                    unfinished += 1
                    continue
                unfinished += result.status == Status.failed
                _emit(result, path, args)
            for rest in pending:
                ahead.finish(rest)
    finally:
        services.close()
    return EXIT_SOME_FAILED if unfinished else EXIT_OK


def _rerun(args: argparse.Namespace) -> int:
    from pipeline.page_pool import PagePool
    from pipeline.recorded import Services, rerun
    from storage.settings import Settings

    if not args.references and not args.failed:
        print("dossiers: indiquez des références ou --failed", file=sys.stderr)
        return EXIT_USAGE
    settings = Settings.from_env()
    services = Services.open(settings)
    unfinished = 0
    try:
        references = list(args.references) + (services.records.failed_references() if args.failed else [])
        with PagePool(args.workers or settings.workers) as pool:
            for reference in dict.fromkeys(references):
                try:
                    result = rerun(reference, services, today=dt.date.today(), pool=pool, actor="admin")
                except DossierError as exc:
                    print(f"dossiers: {reference}: {exc}", file=sys.stderr)
                    unfinished += 1
                    continue
                unfinished += result.status == Status.failed
                print(summary_line(result))
    finally:
        services.close()
    return EXIT_SOME_FAILED if unfinished else EXIT_OK


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


def _list(args: argparse.Namespace) -> int:
    with _records() as records:
        rows = records.list_dossiers(args.status)
    if args.json:
        print(json.dumps([_jsonable(vars(r)) for r in rows], ensure_ascii=False, indent=1))
        return EXIT_OK
    for r in rows:
        print(f"{r.reference:<32} {r.procedure or '-':<22} {r.status or 'en cours':<17} "
              f"{r.submitted_at or '-'!s:<11} {r.updated_at:%Y-%m-%d %H:%M}")
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    with _records() as records:
        document = records.current_result(args.reference)
        if document is None:
            print(f"dossiers: aucun dossier de référence {args.reference!r}", file=sys.stderr)
            return EXIT_SOME_FAILED
        document = dict(document)
        document["runs"] = [_jsonable(vars(r)) for r in records.runs(args.reference)]
        document["history"] = [_jsonable(vars(e)) for e in records.history(args.reference)]
    if args.json:
        print(json.dumps(document, ensure_ascii=False, indent=1))
        return EXIT_OK
    info = document["dossier"]
    print(f"{info['reference']} — {info['procedure']} ({info['procedure_source']}), déposé le {info['submitted_at']}")
    print(f"statut : {document['status']}" + (f" — {document['error']}" if document.get("error") else ""))
    for i, piece in enumerate(document["pieces"]):
        print(f"  [{i}] {piece['type']:<22} {piece['source']} p.{','.join(map(str, piece['pages']))}")
    if document.get("labour_market_test"):
        print(f"situation de l'emploi : {document['labour_market_test']['reasoning']}")
    for flag in document["flags"]:
        print(f"  ! {flag['severity']:<8} {flag['code']:<28} {flag['message']}")
    versions = ", ".join(f"#{run['id']} v{run.get('schema_version') or '?'}" for run in document["runs"])
    print(f"traitements : {len(document['runs'])} ({versions}) ; événements : {len(document['history'])}")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from pipeline.recorded import Services
    from storage.settings import Settings
    from web.app import create_app
    from web.rerun import AirflowConfig

    services = Services.open(Settings.from_env())
    try:
        uvicorn.run(create_app(services, AirflowConfig.from_env()), host=args.host, port=args.port)
    finally:
        services.close()
    return EXIT_OK


def _add_user(args: argparse.Namespace) -> int:
    from storage.users import InvalidAccount, Users

    password = _new_password(args)
    if password is None:
        return EXIT_USAGE
    with _records() as records:
        try:
            user = Users(records.db).add(args.name, args.role, password)
        except InvalidAccount as exc:
            print(f"dossiers: {exc}", file=sys.stderr)
            return EXIT_USAGE
    print(f"compte {user.name} ({user.role.value}) enregistré")
    return EXIT_OK


def _new_password(args: argparse.Namespace) -> str | None:
    """From stdin (--password-stdin), $DOSSIERS_USER_PASSWORD (scripts), or asked twice."""
    import getpass
    import os

    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if not sys.stdin.isatty():
        print(f"dossiers: pas de terminal : utilisez --password-stdin ou ${PASSWORD_ENV}", file=sys.stderr)
        return None
    password = getpass.getpass("Mot de passe : ")
    if getpass.getpass("Confirmez le mot de passe : ") != password:
        print("dossiers: les mots de passe ne correspondent pas", file=sys.stderr)
        return None
    return password


def _purge(args: argparse.Namespace) -> int:
    from pipeline.purge import purge_older_than
    from pipeline.recorded import Services
    from storage.settings import Settings

    if args.older_than < 0:
        print("dossiers: --older-than attend un nombre de jours positif", file=sys.stderr)
        return EXIT_USAGE
    services = Services.open(Settings.from_env())
    try:
        report = purge_older_than(services, args.older_than, now=dt.datetime.now(dt.timezone.utc),
                                  dry_run=args.dry_run)
    finally:
        services.close()
    # Counts and opaque ids only: references are personal data.
    verb = "à purger" if args.dry_run else "purgés"
    print(f"dossiers {verb} : {len(report.purged)} ; lignes : {report.rows} ; objets : {report.objects}"
          + (f" ; en cours de traitement, laissés : {len(report.busy)}" if report.busy else ""))
    return EXIT_SOME_FAILED if report.busy else EXIT_OK


def _stop(args: argparse.Namespace) -> int:
    from storage.database import embedded_server
    from storage.settings import Settings

    settings = Settings.from_env()
    if settings.database_url:
        print("dossiers: DOSSIERS_DATABASE_URL est défini : pas de serveur embarqué à arrêter", file=sys.stderr)
        return EXIT_OK
    stopped = embedded_server(settings.home).stop()
    print("serveur PostgreSQL embarqué arrêté" if stopped else "aucun serveur embarqué en marche")
    return EXIT_OK


class _records:
    """The records of the configured database, opened for one command."""

    def __enter__(self) -> Any:
        from storage.database import Database
        from storage.records import Records
        from storage.settings import Settings

        self.db = Database.open(Settings.from_env())
        return Records(self.db)

    def __exit__(self, *exc: object) -> None:
        self.db.close()


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in row.items()}


if __name__ == "__main__":
    sys.exit(main())
