"""The reading-quality flags: what the pipeline found while reading a dossier
(models.reading.ReadingFacts) judged against this module's thresholds and said in French.

They come before the checks' flags (validators.assess) and are kept as they are when a
reviewed dossier is checked again, since nothing is read again then (READING_CODES).
"""
from __future__ import annotations

from models.domain import FlagCode
from models.reading import PageReading, PieceReading, ReadingFacts
from models.received import FileProblem
from models.records import Flag

# A piece classified with a confidence under this is flagged unclassified_piece.
CLASSIFIED_CONFIDENCE = 0.6
# A page whose OCR confidence is under this, or whose sharpness is under BLUR_LIMIT, is illegible.
ILLEGIBLE_CONFIDENCE = 0.55
BLUR_LIMIT = 15.0

READING_CODES = frozenset({FlagCode.unreadable_file, FlagCode.invalid_manifest, FlagCode.illegible_page,
                           FlagCode.unclassified_piece, FlagCode.mrz_check_failed})


def reading_flags(facts: ReadingFacts) -> list[Flag]:
    """In the order the pipeline met them: files refused at intake, the manifest, files
    that could not be read, then each piece (its type, its pages, its MRZ)."""
    flags = [unreadable_file(problem) for problem in facts.taken_in]
    if facts.manifest_error:
        flags.append(Flag.make(FlagCode.invalid_manifest, facts.manifest_error))
    flags += [unreadable_file(problem) for problem in facts.unread]
    for index, piece in enumerate(facts.pieces):
        flags += piece_flags(index, piece)
    return flags


def unreadable_file(problem: FileProblem) -> Flag:
    return Flag.make(
        FlagCode.unreadable_file,
        f"Fichier « {problem.source} » illisible : {problem.reason}"
        + (f" ({problem.detail})." if problem.detail else ".") + " Demandez un nouvel envoi de la pièce.",
        source=problem.source,
    )


def piece_flags(index: int, piece: PieceReading) -> list[Flag]:
    flags = []
    if piece.confidence < CLASSIFIED_CONFIDENCE:
        flags.append(Flag.make(
            FlagCode.unclassified_piece,
            f"Type de pièce incertain : classée « {piece.type.value} » avec une confiance de "
            f"{piece.confidence:.0%}. Vérifiez la nature de la pièce.",
            piece=index, source=piece.source,
        ))
    for page in piece.pages:
        why = illegible(page)
        if why:
            flags.append(Flag.make(
                FlagCode.illegible_page, f"Page {page.number} de « {piece.source} » {why}.",
                piece=index, source=piece.source, page=page.number,
            ))
    for name in piece.mrz_failed:
        flags.append(Flag.make(
            FlagCode.mrz_check_failed,
            f"La clé de contrôle de la bande MRZ ne correspond pas pour « {name} » : "
            "la valeur retenue est celle de la zone visuelle, à vérifier.",
            piece=index, field=name,
        ))
    return flags


def illegible(page: PageReading) -> str | None:
    """Why the page is illegible (blur first), or None when it reads well enough."""
    if page.sharpness is not None and page.sharpness < BLUR_LIMIT:
        return "floue"
    if page.mean_confidence is not None and page.mean_confidence < ILLEGIBLE_CONFIDENCE:
        return f"peu lisible (confiance de lecture {page.mean_confidence:.0%})"
    return None
