"""Intake: turn what arrived (a folder, a zip, or one merged PDF) into the list of
files to read, without ever writing outside the work folder.

Problems with single files (unsafe zip paths, limits, symlinks) are collected as
UnreadableFileError values, never raised: one bad file never stops its dossier.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from extractors.filetype import FileKind, sniff
from extractors.limits import Limits
from models import (
    CorruptFile,
    EncryptedFile,
    FileLimitExceeded,
    Manifest,
    UnreadableFileError,
    UnsafePath,
    UnsupportedFormat,
)
from validators import load_procedures

MANIFEST_NAME = "dossier.json"
# System entries that are no part of a dossier (DOMAIN.md), besides names starting with ".".
SYSTEM_NAMES = frozenset({"__macosx", "thumbs.db", "desktop.ini"})


@dataclass
class IncomingFile:
    source: str  # '/'-separated path inside the dossier
    path: Path  # where its bytes are on disk


@dataclass
class Intake:
    name: str  # folder name, or file name without extension
    shape: str  # folder | zip | merged
    files: list[IncomingFile] = field(default_factory=list)
    problems: list[UnreadableFileError] = field(default_factory=list)
    manifest: Manifest | None = None
    manifest_error: str | None = None
    root: Path | None = None  # the folder the files were collected from (a zip's unpacked copy)


def take_in(path: Path, workdir: Path, limits: Limits) -> Intake:
    """Read the shape of one input. `workdir` is a private folder for unpacked zips."""
    if path.is_dir():
        intake = Intake(name=display_name(path.name), shape="folder")
        _collect_folder(path, intake, limits)
        return intake
    name = display_name(path.stem if path.suffix else path.name)
    if not _regular_file(path):
        # A FIFO, a device or a socket: opening it could block forever, and it holds no pieces.
        intake = Intake(name=name, shape="merged")
        intake.problems.append(UnsupportedFormat(display_name(path.name), "ni fichier ordinaire ni dossier"))
        return intake
    kind = sniff(path) if path.stat().st_size else FileKind.unknown
    if kind == FileKind.zip:
        intake = Intake(name=name, shape="zip")
        target = workdir / "unzipped"
        target.mkdir(parents=True, exist_ok=True)
        _unpack_zip(path, target, intake, limits)
        _collect_folder(target, intake, limits)
        return intake
    # Anything else is a single merged scan; if it is no PDF, reading will say so.
    intake = Intake(name=name, shape="merged")
    intake.files.append(IncomingFile(source=display_name(path.name), path=path))
    return intake


def display_name(name: str) -> str:
    """A file name as text that can be stored and shown. Linux names are bytes: those
    that are not UTF-8 reach Python as lone surrogates, which neither JSON nor
    PostgreSQL accept; each undecodable byte becomes U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _collect_folder(root: Path, intake: Intake, limits: Limits) -> None:
    intake.root = root
    manifest_path = root / MANIFEST_NAME
    root_resolved = root.resolve()
    if manifest_path.is_symlink() and not _points_inside(manifest_path, root_resolved):
        # Never read a file outside the dossier, the manifest least of all: it names the dossier.
        intake.manifest_error = ("dossier.json est un lien symbolique vers l'extérieur du dossier : ignoré ; "
                                 "envoyez le fichier lui-même")
    elif manifest_path.is_file() and _regular_file(manifest_path):
        intake.manifest, intake.manifest_error = parse_manifest(manifest_path.read_bytes())
    for path in sorted(root.rglob("*")):
        rel = display_name(path.relative_to(root).as_posix())
        if rel == MANIFEST_NAME or is_hidden_or_system(rel):
            continue
        if path.is_symlink() and not _points_inside(path, root_resolved):
            intake.problems.append(UnsafePath(rel, "lien symbolique vers l'extérieur du dossier ou sans cible"))
            continue
        if not path.is_file():
            continue
        if not stat.S_ISREG(path.stat().st_mode):
            continue
        if len(intake.files) >= limits.max_files:
            intake.problems.append(FileLimitExceeded(rel, f"plus de {limits.max_files} fichiers dans le dossier"))
            continue
        intake.files.append(IncomingFile(source=rel, path=path))


def is_hidden_or_system(rel: str) -> bool:
    """Finder, Explorer and AppleDouble leftovers: `.DS_Store`, `__MACOSX/._x.pdf`, `Thumbs.db`."""
    return any(part.startswith(".") or part.lower() in SYSTEM_NAMES for part in PurePosixPath(rel).parts)


def _regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _points_inside(link: Path, root_resolved: Path) -> bool:
    """A symbolic link is followed only to an existing file or folder inside the dossier:
    never outside it, never round a loop."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop (RuntimeError before Python 3.13)
        return False
    return target.is_relative_to(root_resolved)


def _unpack_zip(path: Path, target: Path, intake: Intake, limits: Limits) -> None:
    packed = path.stat().st_size
    budget = min(limits.max_zip_unpacked_bytes, limits.max_zip_ratio * max(packed, 1))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        # ValueError: a member name flagged UTF-8 that is not (zipfile cannot list the archive).
        intake.problems.append(CorruptFile(display_name(path.name),
                                           f"archive zip illisible : {exc}"))
        return
    written = 0
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            name = info.filename
            if not _safe_member(name):
                intake.problems.append(UnsafePath(name))
                continue
            if is_hidden_or_system(name):
                continue  # never unpacked: it counts for no limit either
            if info.flag_bits & 0x1:
                intake.problems.append(EncryptedFile(name))
                continue
            if written + info.file_size > budget:
                intake.problems.append(FileLimitExceeded(name, "archive zip qui se décompresse au-delà des limites"))
                continue
            dest = target / name
            try:
                dest.parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                # `a` is a file of the archive and `a/b.pdf` wants it as a folder.
                intake.problems.append(CorruptFile(name, "chemin en conflit avec un autre fichier de l'archive"))
                continue
            try:
                written += _copy_capped(archive, info, dest, budget - written)
            except FileLimitExceeded:
                dest.unlink(missing_ok=True)
                intake.problems.append(FileLimitExceeded(name, "archive zip qui se décompresse au-delà des limites"))
            except IsADirectoryError:
                # `a/b.pdf` came first and made `a` a folder: the file `a` cannot be written.
                intake.problems.append(CorruptFile(name, "chemin en conflit avec un autre fichier de l'archive"))
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
                if not dest.is_dir():
                    dest.unlink(missing_ok=True)
                intake.problems.append(CorruptFile(name, str(exc)))


def _copy_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, cap: int) -> int:
    """Copy a member, counting real bytes: declared sizes in a zip header can lie."""
    total = 0
    with archive.open(info) as src, open(dest, "wb") as out:
        while chunk := src.read(1 << 20):
            total += len(chunk)
            if total > cap:
                raise FileLimitExceeded(info.filename)
            out.write(chunk)
    return total


def _safe_member(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name:
        return False
    parts = PurePosixPath(name).parts
    if ".." in parts:
        return False
    return not (len(parts[0]) >= 2 and parts[0][1] == ":")  # C:foo on Windows-made zips


ROME_CODE = re.compile(r"[A-Z][0-9]{4}")
POSTCODE = re.compile(r"[0-9]{5}")
# Optional manifest fields (v2): a malformed one is ignored with an invalid_manifest flag.
OPTIONAL_MANIFEST_FIELDS = {
    "job_rome_code": (ROME_CODE, "code ROME (une lettre majuscule et quatre chiffres, ex. K1302)"),
    "work_postcode": (POSTCODE, "code postal du lieu de travail (cinq chiffres, ex. 69003)"),
}


def parse_manifest(raw: bytes) -> tuple[Manifest | None, str | None]:
    """The manifest and what is wrong with it. (None, reason) when it is unusable
    (DOMAIN.md: an object with a non-empty string reference, a known procedure and an
    ISO submitted_at when given); (manifest, reason) when only optional fields are
    malformed: those are ignored, the rest counts."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        return None, f"dossier.json n'est pas un JSON valide ({exc.__class__.__name__})"
    if not isinstance(data, dict):
        return None, "dossier.json doit contenir un objet JSON"
    reference = data.get("reference")
    if not isinstance(reference, str) or not reference.strip():
        return None, "référence absente ou invalide dans dossier.json"
    if problem := reference_problem(reference):
        return None, f"référence {_shown(reference)} refusée dans dossier.json : {problem}"
    procedure = data.get("procedure")
    if not isinstance(procedure, str) or procedure not in known_procedures():
        return None, f"procédure absente ou inconnue dans dossier.json : {_shown(procedure)}"
    submitted = data.get("submitted_at")
    try:
        submitted_at = dt.date.fromisoformat(submitted) if submitted is not None else None
    except (TypeError, ValueError):
        return None, f"date de dépôt invalide dans dossier.json : {_shown(submitted)}"
    optional: dict[str, str | None] = {}
    problems = []
    for name, (pattern, wanted) in OPTIONAL_MANIFEST_FIELDS.items():
        value = data.get(name)
        if value is None or (isinstance(value, str) and pattern.fullmatch(value)):
            optional[name] = value
        else:
            optional[name] = None
            problems.append(f"{name} {_shown(value)} ignoré : {wanted} attendu")
    manifest = Manifest(reference=reference, procedure=procedure, submitted_at=submitted_at, **optional)
    return manifest, ("dossier.json : " + " ; ".join(problems) + ".") if problems else None


MAX_REFERENCE_CHARS = 100


def reference_problem(reference: str) -> str | None:
    """What makes a declared reference unusable, or None. A reference names the dossier
    in the records, in URLs and in file names: printable characters only, no path
    separator, at most MAX_REFERENCE_CHARS characters."""
    if len(reference) > MAX_REFERENCE_CHARS:
        return f"plus de {MAX_REFERENCE_CHARS} caractères"
    if not reference.isprintable():
        return "caractère de contrôle ou non imprimable"
    if "/" in reference or "\\" in reference or reference.strip() in (".", ".."):
        return "séparateur de chemin (« / », « \\ ») ou chemin relatif"
    return None


def _shown(value: object) -> str:
    """A manifest value quoted for a message, never long enough to flood it."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def known_procedures() -> set[str]:
    return set(load_procedures().names())
