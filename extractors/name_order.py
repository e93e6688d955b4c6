"""Which words of a name are the surname, when the piece itself cannot tell.

French documents print the surname in capitals ("DIALLO Amadou"); a name printed all in capitals
("SHARMA VIKRAM", "TRAORÉ ADAMA YACOUBA") gives no such cue, and the reader takes running French's
order, given names first, the last word the surname (textfields.split_name, at half certainty). Many
issuers print the surname first; a compound surname ("RÍOS MENDOZA") is two words. A person reading the
piece settles it with the dossier's identity document, as this does: when the piece's words, in the
order printed, are the identity document's surname then its given names, or its given names then its
surname (and the two orders differ), the piece's surname is the document's words. Nothing else changes: a
name that differs from the document's stays as read, for the identity check to compare."""
from __future__ import annotations

from extractors.fields.identity import transliterate as _letters
from models import FieldBox, PieceResult, PieceType
from models.domain import IDENTITY_DOCUMENTS, PERSON_FIELDS

# the documents whose name is the holder's own, split by their machine-readable zone
IDENTITY_TYPES = (*IDENTITY_DOCUMENTS, PieceType.residence_permit)
# (surname, given names) of the person each other piece names with both
NAME_FIELDS: dict[PieceType, tuple[str, str]] = {
    piece_type: (fields.surname, fields.given_names) for piece_type, fields in PERSON_FIELDS.items()
    if piece_type not in IDENTITY_TYPES and fields.given_names is not None
}


def order_names_by_identity(pieces: list[PieceResult]) -> None:
    """Re-split, in place, the names read in the wrong order (see the module's docstring)."""
    identities: list[tuple[str, str]] = []
    for document in (p for p in pieces if p.type in IDENTITY_TYPES):
        surname, given = document.fields.get("surname"), document.fields.get("given_names")
        if isinstance(surname, str) and isinstance(given, str) and surname and given:
            identities.append((surname, given))
    for piece in pieces:
        if piece.type in NAME_FIELDS:
            for surname, given in identities:
                if _reorder(piece, surname, given):
                    break


def _reorder(piece: PieceResult, id_surname: str, id_given: str) -> bool:
    surname_field, given_field = NAME_FIELDS[piece.type]
    surname, given = piece.fields.get(surname_field), piece.fields.get(given_field)
    if not (isinstance(surname, str) and isinstance(given, str)):
        return False
    words = f"{given} {surname}".split()  # the order printed: the reader put the given names first
    printed = _letters(" ".join(words))
    surname_first, given_first = _letters(f"{id_surname} {id_given}"), _letters(f"{id_given} {id_surname}")
    if surname_first == given_first or printed not in (surname_first, given_first):
        return False  # other words, or words that read the same in both orders
    # the first words are the surname (printed surname first) or the given names (printed given names first, the
    # capitals giving no cue where the surname starts: "JORGE ALBERTO RÍOS MENDOZA")
    head = id_surname if printed == surname_first else id_given
    cut = next((k for k in range(1, len(words)) if _letters(" ".join(words[:k])) == _letters(head)), None)
    if cut is None:
        return False
    first, rest = " ".join(words[:cut]), " ".join(words[cut:])
    if printed == surname_first:
        piece.fields[surname_field], piece.fields[given_field] = first, rest
    elif (given, surname) == (first, rest):
        return True  # already split as the identity document splits it: no other document need be tried
    else:
        piece.fields[given_field], piece.fields[surname_field] = first, rest
    # One name line: each field's box is the whole name's (the words' own boxes are the reader's).
    boxes: list[FieldBox] = []
    for box in piece.field_boxes.get(given_field, []) + piece.field_boxes.get(surname_field, []):
        if box not in boxes:
            boxes.append(box)
    if boxes:
        piece.field_boxes[surname_field] = piece.field_boxes[given_field] = boxes
    return True

