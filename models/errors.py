"""One exception hierarchy. Messages tell the user what is wrong and how to fix it.

`UnreadableFileError` and its children are *input* problems: the pipeline turns
them into an `unreadable_file` flag and goes on. Anything else that escapes a
dossier is a processing failure: status `failed` with its error.
The CLI maps the classes to exit codes at one boundary (pipeline/cli.py).
"""
from __future__ import annotations


class DossierError(Exception):
    """Base of every error the project raises on purpose."""

    exit_code = 1


class UnreadableFileError(DossierError):
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


class ProcessingError(DossierError):
    """Processing itself broke (a dependency is missing or failed): status failed."""

    exit_code = 2
