"""One exception hierarchy. Messages tell the user what is wrong and how to fix it.

Every error the project raises on purpose is a `DossierError`, in one of four
categories. Each category has the exit code of the `dossiers` command (argparse's
2 for usage, then the sysexits.h numbers), which the CLI applies at one boundary
(pipeline/cli.py); 0 and 1 are the command's own outcomes, not errors:

=====  ========================  ===================================================
code   category                  what the user does
=====  ========================  ===================================================
0      -                         nothing: every dossier got a result
1      -                         some dossiers `failed` or were not processed: their
                                 JSON (`error`) or their stderr line says why
2      UsageError                fix the command line or the request (a reference
                                 with nothing kept, an account, a sealed id another
                                 deployment's key made), and run it again
65     BadInputError             fix or replace the file; inside a dossier an
                                 `UnreadableFileError` is a flag, never an exit
69     DependencyUnavailable     start, reach or fix what the message names, or its
                                 settings (PostgreSQL, the object store, tesseract, a
                                 data table), and run again
       TemporarilyUnavailable    (exit 69 too) the same, but it may pass by itself: the
                                 only errors of ours that the CLI and the Airflow tasks
                                 retry (storage.database.TRANSIENT_ERRORS)
70     InternalError             a fault of the program: run again with -v and report
                                 the detail
=====  ========================  ===================================================

`UnreadableFileError` and its children are *input* problems: the pipeline turns
them into an `unreadable_file` flag and goes on. Anything else that escapes a
dossier is a processing failure: status `failed` with its error.
A class that callers also catch as a built-in (LookupError, ValueError, KeyError)
keeps that built-in as a second base. An exception that is not ours reaches the
user the same way: the CLI's boundary gives it a category (a connection or file-system
fault 69, anything else 70) and one line; `-v` logs its traceback.
"""
from __future__ import annotations

EXIT_USAGE = 2
EXIT_BAD_INPUT = 65  # EX_DATAERR
EXIT_UNAVAILABLE = 69  # EX_UNAVAILABLE
EXIT_INTERNAL = 70  # EX_SOFTWARE
EXIT_CODES = frozenset({EXIT_USAGE, EXIT_BAD_INPUT, EXIT_UNAVAILABLE, EXIT_INTERNAL})


class DossierError(Exception):
    """Base of every error the project raises on purpose. Raise one of the four
    categories below (or a class under one); this base alone counts as internal."""

    exit_code = EXIT_INTERNAL


class UsageError(DossierError):
    """The command or the request is wrong (or, for a web page, not allowed): fix it
    and try again."""

    exit_code = EXIT_USAGE


class BadInputError(DossierError):
    """A file given to the project cannot be used as it is: fix or replace it."""

    exit_code = EXIT_BAD_INPUT


class DependencyUnavailable(DossierError):
    """Something the work needs and the dossier does not hold (PostgreSQL, the object
    store, tesseract, an administrator's data table) is missing, down or refused the
    operation: the message names it; fix it, then run again."""

    exit_code = EXIT_UNAVAILABLE


class TemporarilyUnavailable(DependencyUnavailable):
    """A service is down or busy for now: waiting and trying again may succeed. The
    Airflow retry policy (dags/common.py) retries these and no other error of ours."""


class InternalError(DossierError):
    """A fault of the program itself (a changed migration, an impossible key): run
    again with -v and report the detail."""

    exit_code = EXIT_INTERNAL


# The former name of the dependency category, kept for the code and tests that use it.
ProcessingError = DependencyUnavailable


class UnreadableFileError(BadInputError):
    """A file of a dossier cannot be read; becomes an unreadable_file flag."""

    reason = "illisible"

    def __init__(self, source: str, detail: str = "") -> None:
        # args stay (source, detail) so the error survives pickling between processes.
        super().__init__(source, detail)
        self.source = source
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.source} : {self.reason}" + (f" ({self.detail})" if self.detail else "")


class EmptyFile(UnreadableFileError):
    reason = "fichier vide"


class CorruptFile(UnreadableFileError):
    reason = "fichier corrompu ou tronqué"


class EncryptedFile(UnreadableFileError):
    reason = "fichier protégé par un mot de passe"


class UnsupportedFormat(UnreadableFileError):
    reason = "format non pris en charge (ni PDF, ni JPEG, PNG ou TIFF)"


class FileLimitExceeded(UnreadableFileError):
    reason = "fichier au-delà des limites de traitement"


class UnsafePath(UnreadableFileError):
    reason = "chemin d'archive dangereux (absolu ou hors du dossier), ignoré"


class ReadTimeout(UnreadableFileError):
    reason = "lecture trop longue, abandonnée"
