"""Rules on identity documents: validity dates and the same person on every piece.

They look at the identity document the checks use (passport or identity card with the
latest expiry: validators.identity_document) and at residence permits.
"""
from __future__ import annotations

from models.domain import PERSON_FIELDS, FlagCode, PersonFields, PieceType
from models.records import Flag, PieceResult
from validators.certainty import Value, flag_if_certain, inconclusive, read_off_an_image
from validators.context import CheckContext
from validators.identity_document import IdentityDocument, identity_document
from validators.names import one_letter_apart, same_given_names, same_name
from validators.values import date_field, text_field
from validators.wording import (
    PIECE_LABEL,
    capitalized,
    field_label,
    french_date,
    piece_label,
)

WORK_PERIOD_PIECES = (PieceType.employment_contract, PieceType.internship_agreement)


def document_expired(ctx: CheckContext) -> list[Flag]:
    """The identity document the checks use, and each residence permit, valid on submitted_at."""
    expiries = []
    document = identity_document(ctx)
    if document is not None and (document_expiry := _expiry_value(document)) is not None:
        expiries.append(document_expiry)
    expiries += [Value(i, p, "expiry_date") for i, p in ctx.pieces_of(PieceType.residence_permit)]
    flags = []
    for value in expiries:
        expiry = date_field(value.piece, "expiry_date")
        if expiry is not None and expiry < ctx.submitted_at:
            flags.append(flag_if_certain(
                FlagCode.document_expired,
                f"{capitalized(piece_label(value.piece))} a expiré le {french_date(expiry)}, "
                f"avant le dépôt du dossier ({french_date(ctx.submitted_at)}).",
                [value], piece=value.index, field="expiry_date",
            ))
    return flags


def document_expires_early(ctx: CheckContext) -> list[Flag]:
    """The identity document must stay valid until the end of the work or internship (when it has one)."""
    periods = [Value(i, p, "end_date") for i, p in ctx.pieces_of(*WORK_PERIOD_PIECES)
               if date_field(p, "end_date") is not None]
    document = identity_document(ctx)
    if not periods or document is None or (expiry_value := _expiry_value(document)) is None:
        return []
    last = max(periods, key=lambda v: date_field(v.piece, "end_date"))  # type: ignore[arg-type, return-value]
    last_end = date_field(last.piece, "end_date")
    expiry = date_field(expiry_value.piece, "expiry_date")
    assert last_end is not None and expiry is not None
    if expiry >= last_end:
        return []
    return [flag_if_certain(
        FlagCode.document_expires_early,
        f"{capitalized(piece_label(expiry_value.piece))} expire le {french_date(expiry)}, avant la fin prévue par "
        f"{piece_label(last.piece)} le {french_date(last_end)}.",
        [expiry_value, last], piece=expiry_value.index, field="expiry_date",
    )]


def identity_mismatch(ctx: CheckContext) -> list[Flag]:
    """Each piece naming the person must agree with the identity document; an unread field is no disagreement."""
    document = identity_document(ctx)
    if document is None:
        return []
    flags = []
    for index, piece in enumerate(ctx.pieces):
        person = PERSON_FIELDS.get(piece.type)
        if person is None:
            continue
        differences = _differences(document, index, piece, person)
        if differences:
            first_field = differences[0][0]
            details = " ; ".join(detail for _, detail, _ in differences)
            compared = [value for _, _, values in differences for value in values]
            label = PIECE_LABEL[document.values[0].piece.type]
            finding = f"L'identité sur {piece_label(piece)} ne correspond pas à {label} : {details}."
            misread = _likely_misread(differences)
            if misread is not None:
                flags.append(inconclusive(FlagCode.identity_mismatch, misread, finding, reason=(
                    f"il ne diffère que d'une lettre de {label}, une erreur de lecture plus probable "
                    f"qu'une autre personne")))
            else:
                flags.append(flag_if_certain(FlagCode.identity_mismatch, finding, compared,
                                             piece=index, field=first_field))
    return flags


def _likely_misread(differences: list[tuple[str, str, list[Value]]]) -> Value | None:
    """The value read off an image, when the only differences are names one letter apart
    and one side of each was OCR'd: "HOANG LONG" read "Hoëng Long" on a photo is no other
    person (typed or corrected on both sides, one letter is a difference)."""
    misread = None
    for _, _, (reference, found) in differences:
        reference_text = text_field(reference.piece, reference.field)
        found_text = text_field(found.piece, found.field)
        if reference_text is None or found_text is None or not one_letter_apart(reference_text, found_text):
            return None
        ocr_side = next((v for v in (found, reference) if read_off_an_image(v)), None)
        if ocr_side is None:
            return None
        misread = misread or ocr_side
    return misread


def _expiry_value(document: IdentityDocument) -> Value | None:
    """The document's piece carrying its (latest) expiry date."""
    expiry = document.expiry
    if expiry is None:
        return None
    return next(Value(v.index, v.piece, "expiry_date") for v in document.values
                if date_field(v.piece, "expiry_date") == expiry)


def _differences(document: IdentityDocument, index: int, piece: PieceResult,
                 person: PersonFields) -> list[tuple[str, str, list[Value]]]:
    """(field of `piece`, French description, values compared) for each identity element
    that disagrees. The identity document's field names are the element names."""
    differences = []
    for element in ("surname", "given_names"):
        piece_field = getattr(person, element)
        reference = document.value(element)
        found = text_field(piece, piece_field) if piece_field else None
        if reference is None or found is None:
            continue
        expected = text_field(reference.piece, element)
        agree = same_given_names if element == "given_names" else same_name
        if expected is not None and not agree(expected, found):
            differences.append((piece_field, f"{field_label(element)} « {found} » au lieu de « {expected} »",
                                [reference, Value(index, piece, piece_field)]))
    if person.date_of_birth is not None:
        reference = document.value("date_of_birth")
        expected_day = date_field(reference.piece, "date_of_birth") if reference else None
        found_day = date_field(piece, person.date_of_birth)
        if reference is not None and expected_day is not None and found_day is not None and expected_day != found_day:
            differences.append((
                person.date_of_birth,
                f"date de naissance {french_date(found_day)} au lieu du {french_date(expected_day)}",
                [reference, Value(index, piece, person.date_of_birth)],
            ))
    return differences
