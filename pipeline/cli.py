"""The `dossiers` command. Errors become exit codes here, at one boundary."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models import DossierError, DossierResult, Status
from models.errors import (
    EXIT_INTERNAL,
    EXIT_USAGE,
    DependencyUnavailable,
    InternalError,
    TemporarilyUnavailable,
    UsageError,
)

if TYPE_CHECKING:
    from pipeline.read_ahead import Prepared

# The command's own outcomes; an error exits with its category's code (models/errors.py):
# 2 usage, 65 bad input, 69 dependency unavailable, 70 internal.
EXIT_OK = 0
EXIT_SOME_FAILED = 1
PASSWORD_ENV = "DOSSIERS_USER_PASSWORD"  # `dossiers users add` in scripts

log = logging.getLogger("dossiers")


# The project's own loggers: -v shows their debug lines. Every other logger (pdfminer,
# PIL, botocore, psycopg...) stays at WARNING: their debug output is huge and full of
# the documents' text.
PROJECT_LOGGERS = ("dossiers", "pipeline", "extractors", "validators", "storage", "web", "dags", "synth")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    configure_logging(args.verbose)
    return guarded(lambda: args.func(args))


def guarded(command: Callable[[], int]) -> int:
    """command()'s exit code. The one boundary where errors become exit codes: any
    exception is one line on stderr and its category's code (models/errors.py), never a
    traceback; the traceback is logged at debug level, which -v shows."""
    try:
        return command()
    except Exception as exc:  # noqa: BLE001 - the one boundary
        known = as_dossier_error(exc)
        print(f"dossiers: {known}", file=sys.stderr)
        log.debug("%s", exc.__class__.__name__, exc_info=True)
        return known.exit_code


def as_dossier_error(exc: BaseException) -> DossierError:
    """`exc` in the project's terms: itself when it is one of ours; otherwise (a driver's
    or the system's exception) an error of its category whose message says what to do."""
    import psycopg

    if isinstance(exc, DossierError):
        if exc.exit_code != EXIT_INTERNAL:
            return exc
        return InternalError(f"{exc} (erreur interne : relancez avec -v pour le détail et signalez-la)")
    message = describe_failure(exc)
    if isinstance(exc, (psycopg.OperationalError, ConnectionError, TimeoutError)):
        return TemporarilyUnavailable(message)
    if isinstance(exc, OSError):
        return DependencyUnavailable(message)
    return InternalError(message)


def configure_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for name in PROJECT_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.NOTSET)
    # The pool warns at each failed connection attempt: a down database would bury the
    # command's one line under a dozen (-v shows them).
    logging.getLogger("psycopg.pool").setLevel(logging.NOTSET if verbose else logging.ERROR)


def describe_failure(exc: BaseException) -> str:
    """One line for the user: what broke and what to do, without a traceback."""
    import psycopg

    name = exc.__class__.__name__
    if isinstance(exc, psycopg.OperationalError):  # PoolTimeout included
        return (f"base de données injoignable ({name}) : vérifiez DOSSIERS_DATABASE_URL ou le serveur "
                "embarqué (`dossiers stop` puis relancez), puis relancez la commande")
    if isinstance(exc, psycopg.Error):
        return (f"la base de données a refusé l'opération ({name}: {_first_line(exc)}) ; "
                "relancez avec -v pour le détail et signalez-la")
    if isinstance(exc, (ConnectionError, TimeoutError)):
        return f"service injoignable ({name}: {_first_line(exc)}) : vérifiez qu'il est démarré, puis relancez"
    if isinstance(exc, OSError):
        return f"erreur du système de fichiers ({name}: {exc.strerror or exc}) : vérifiez l'espace disque et les droits"
    return f"erreur inattendue ({name}: {_first_line(exc)}) ; relancez avec -v pour le détail"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else ""


def _parser() -> argparse.ArgumentParser:
    from pipeline import cli_french

    cli_french.install()
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
    unlock = users_sub.add_parser("unlock", help="lever le ralentissement des connexions d'un compte")
    unlock.add_argument("name", metavar="NAME")
    unlock.add_argument("--address", metavar="IP", help="lever aussi le plafond de cette adresse")
    unlock.set_defaults(func=_unlock_user)

    purge = sub.add_parser("purge", help="supprimer les dossiers au-delà de la durée de conservation")
    purge.add_argument("--older-than", type=int, required=True, metavar="DAYS",
                       help="dossiers sans mise à jour (traitement, revue) depuis DAYS jours")
    purge.add_argument("--dry-run", action="store_true", help="compter sans rien supprimer")
    purge.set_defaults(func=_purge)

    stop = sub.add_parser("stop", help="arrêter le serveur PostgreSQL embarqué")
    stop.set_defaults(func=_stop)

    corrections = sub.add_parser("corrections", help="les corrections des agents, exemples étiquetés")
    corrections_sub = corrections.add_subparsers(required=True)
    export = corrections_sub.add_parser("export", help="écrire les corrections (champs et types de pièce) en JSON Lines")
    # A day checked by the command (_since_day), so that a mistyped one is told in French.
    export.add_argument("--since", metavar="AAAA-MM-JJ",
                        help="seulement les corrections faites depuis ce jour (heure de Paris)")
    export.add_argument("--out", type=Path, metavar="FILE", help="fichier à écrire (défaut : la sortie standard)")
    export.add_argument("--with-references", action="store_true",
                        help="ajouter la référence du dossier et le nom du fichier (données personnelles)")
    export.set_defaults(func=_export_corrections)
    return parser


def _process(args: argparse.Namespace) -> int:
    from collections import deque

    from tqdm import tqdm

    from extractors.limits import Limits
    from pipeline.page_pool import PagePool
    from pipeline.read_ahead import ReadAhead
    from pipeline.recorded import BestEffortPageCache, Services
    from storage.settings import Settings

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"dossiers: introuvable : {', '.join(map(str, missing))}", file=sys.stderr)
        return EXIT_USAGE
    if args.out_dir:
        args.out_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings.from_env()
    limits = Limits.from_env()
    today = dt.date.today()  # the one place the wall clock enters: the date of reception
    unfinished = 0
    show_bar = len(args.paths) > 1 and sys.stderr.isatty()
    retries = Retries()
    services = Services.open(settings)
    try:
        with PagePool(args.workers or settings.workers, limits) as pool:
            ahead = ReadAhead(pool, services, BestEffortPageCache(services.store), limits)
            warm_up = _FrenchModelWarmUp()
            # Three dossiers in flight: the readers work on the next two while this one is recorded.
            pending = deque(warm_up.after(ahead.submit(p)) for p in args.paths[:2])
            for i, path in enumerate(tqdm(args.paths, desc="dossiers", unit="dossier", disable=not show_bar,
                                          file=sys.stderr)):
                if i + 2 < len(args.paths):
                    pending.append(warm_up.after(ahead.submit(args.paths[i + 2])))
                prepared = pending.popleft()
                # One dossier never stops the batch: whatever happens to it ends as a
                # result, or as one line saying it must be processed again.
                try:
                    result = _process_one(_named(path, i, len(args.paths)), services, retries,
                                          lambda prepared=prepared: ahead.process(prepared, today=today,
                                                                                  as_of=args.as_of))
                finally:
                    ahead.release(prepared)
                if result is None:
                    unfinished += 1
                    continue
                unfinished += result.status == Status.failed
                try:
                    _emit(result, path, args)
                except OSError as exc:
                    print(f"dossiers: {_named(path, i, len(args.paths))} : résultat enregistré mais non écrit "
                          f"dans --out-dir ({describe_failure(exc)})", file=sys.stderr)
                    unfinished += 1
            for rest in pending:
                ahead.release(rest)
    finally:
        services.close()
    return EXIT_SOME_FAILED if unfinished else EXIT_OK


class _FrenchModelWarmUp:
    """spaCy's French model (seconds to load) loads in a background thread while pages are
    read, not inside the extraction of the first dossier that needs it; but only once some
    page is to be read: a batch whose pages all come from the cache also finds its
    extractions there, and never needs the model."""

    def __init__(self) -> None:
        self.started = False

    def after(self, prepared: Prepared) -> Prepared:
        if not self.started and (prepared.reads is None or prepared.has_pages_to_read):
            import threading

            from extractors.textfields import warm_up_french_model

            threading.Thread(target=warm_up_french_model, name="spacy-warm-up", daemon=True).start()
            self.started = True
        return prepared


# A dossier hit by a fault of the database or the object store is tried again this many
# times, after these pauses (seconds), reconnecting (and restarting the embedded server) in between.
TRANSIENT_RETRY_DELAYS = (1.0, 3.0, 9.0)


class Retries:
    """The pauses before trying a dossier again after a service fault. Once a dossier has
    used them all in vain, the service is down: the next dossiers get one try each (and
    their line) until one gets through, instead of each waiting the whole schedule."""

    def __init__(self) -> None:
        self.down = False

    def delays(self) -> tuple[float, ...]:
        return () if self.down else TRANSIENT_RETRY_DELAYS


def _process_one(named: str, services: Any, retries: Retries, process: Any) -> DossierResult | None:
    """process(), or None after printing the one line that says why there is no result
    (another worker holds the dossier, a service stayed down, a bug)."""
    import time

    from pipeline.recorded import is_transient
    from storage.records import DossierBusy

    if retries.down:
        _reconnect(services, named)
    for delay in (*retries.delays(), None):
        try:
            result = process()
            retries.down = False
            return result
        except DossierBusy as exc:
            print(f"dossiers: {exc}", file=sys.stderr)
            return None
        except Exception as exc:  # noqa: BLE001 - this dossier only; the batch goes on
            transient = is_transient(exc)
            if transient and delay is not None:
                log.warning("%s : service indisponible (%s), nouvel essai dans %.0f s",
                            named, exc.__class__.__name__, delay)
                time.sleep(delay)
                _reconnect(services, named)
                continue
            retries.down = retries.down or transient
            # Our errors carry a message that says what to do; others are described.
            reason = str(exc) if isinstance(exc, DossierError) else describe_failure(exc)
            print(f"dossiers: {named} : non traité{', à relancer' if transient else ''} : {reason}", file=sys.stderr)
            log.debug("dossier %s: %s", named, exc.__class__.__name__, exc_info=True)
            return None
    return None


def _reconnect(services: Any, named: str) -> None:
    try:
        services.reconnect()
    except Exception as again:  # noqa: BLE001 - still down: the next attempt says so
        log.warning("%s : reconnexion impossible (%s)", named, again.__class__.__name__)


def _named(path: Path, index: int, total: int) -> str:
    """A dossier in messages: its position on the command line and its opaque id, never
    its name (which holds a person's name)."""
    from pipeline.intake import display_name
    from pipeline.opaque import opaque_id
    from pipeline.received import reference_of

    return f"dossier {index + 1}/{total} ({opaque_id(display_name(reference_of(path)))})"


def _named_reference(reference: str, index: int, total: int) -> str:
    from pipeline.opaque import opaque_id

    return f"dossier {index + 1}/{total} ({opaque_id(reference)})"


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
    retries = Retries()
    try:
        references = list(args.references) + (services.records.failed_references() if args.failed else [])
        with PagePool(args.workers or settings.workers) as pool:
            references = list(dict.fromkeys(references))
            for i, reference in enumerate(references):
                try:
                    result = _process_one(_named_reference(reference, i, len(references)), services, retries,
                                          lambda reference=reference: rerun(reference, services, today=dt.date.today(), pool=pool,
                                                        actor="admin"))
                except DossierError as exc:
                    print(f"dossiers: {reference}: {exc}", file=sys.stderr)
                    unfinished += 1
                    continue
                if result is None:
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
        target = args.out_dir / out_file_name(name)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(document, encoding="utf-8")
        tmp.replace(target)
    elif len(args.paths) == 1 and not args.summary:
        print(document)
    if args.summary:
        print(summary_line(result))


NAME_MAX_BYTES = 255  # a file name on Linux file systems


def out_file_name(name: str) -> str:
    """`<name>.json`; a name too long for the file system (with room for `.tmp`) is cut
    and given 8 characters of its hash, so two long names never share a file."""
    import hashlib

    encoded = name.encode("utf-8", "surrogateescape")
    room = NAME_MAX_BYTES - len(".json.tmp")
    if len(encoded) <= room:
        return f"{name}.json"
    digest = hashlib.sha256(encoded).hexdigest()[:8]
    cut = encoded[: room - len(digest) - 1].decode("utf-8", "ignore")
    return f"{cut}-{digest}.json"


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
        result = records.current_result(args.reference)
        if result is None:
            print(f"dossiers: aucun dossier de référence {args.reference!r}", file=sys.stderr)
            return EXIT_SOME_FAILED
        runs = records.runs(args.reference)
        history = records.history(args.reference)
    if args.json:
        document = {**result.to_json_dict(), "runs": [_jsonable(vars(r)) for r in runs],
                    "history": [_jsonable(vars(e)) for e in history]}
        print(json.dumps(document, ensure_ascii=False, indent=1))
        return EXIT_OK
    info = result.dossier
    print(f"{info.reference} — {info.procedure} ({info.procedure_source}), déposé le {info.submitted_at}")
    print(f"statut : {result.status.value}" + (f" — {result.error}" if result.error else ""))
    for i, piece in enumerate(result.pieces):
        print(f"  [{i}] {piece.type.value:<22} {piece.source} p.{','.join(map(str, piece.pages))}")
    if result.labour_market_test:
        print(f"situation de l'emploi : {result.labour_market_test.reasoning}")
    for flag in result.flags:
        print(f"  ! {flag.severity.value:<8} {flag.code.value:<28} {flag.message}")
    versions = ", ".join(f"#{run.id} v{run.schema_version or '?'}" for run in runs)
    print(f"traitements : {len(runs)} ({versions}) ; événements : {len(history)}")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from storage.services import Services
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


def _unlock_user(args: argparse.Namespace) -> int:
    from storage.users import Users

    with _records() as records:
        users = Users(records.db)
        if users.get(args.name) is None:
            print(f"dossiers: aucun compte {args.name!r} (dossiers users add NAME --role agent)", file=sys.stderr)
            return EXIT_USAGE
        forgotten = users.unlock(args.name, args.address)
    print(f"compte {args.name} débloqué ({forgotten} tentative(s) échouée(s) oubliée(s))")
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
    from storage.services import Services
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


def _export_corrections(args: argparse.Namespace) -> int:
    from pipeline.learning_export import export_corrections

    since = _since_day(args.since)
    with _records() as records:
        if args.out is None:
            count = export_corrections(records.db, sys.stdout, since, args.with_references)
        else:
            with args.out.open("w", encoding="utf-8") as out:
                count = export_corrections(records.db, out, since, args.with_references)
    print(f"{count} correction(s) exportée(s)", file=sys.stderr)
    return EXIT_OK


def _since_day(text: str | None) -> dt.date | None:
    """`--since 2026-11-01` as a day; anything else a usage error in French (exit code 2)."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--since attend un jour écrit AAAA-MM-JJ (par exemple 2026-11-01), pas « {text} »") from None


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
