"""The top of a dossier page: the facts an agent decides on, gathered from every piece.

- the applicant's identity as each piece gives it, side by side, with what disagrees with
  the identity document marked (compared as the checks compare: ICAO transliteration);
- the points to look at, in the order they matter: blocking flags, then checks the
  pipeline could not decide (`check_inconclusive`), then the other warnings; each links to
  its piece and field;
- the procedure's checklist of required pieces: present, missing, or required only when
  the labour-market test applies, and why it does or not.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.domain import IDENTITY_DOCUMENTS
from validators.names import same_given_names, same_name
from validators.rules.identity import PERSON_FIELDS as CHECKED_PERSON_FIELDS
from validators.procedure_table import load_procedures

# Where each piece type prints the person: the checks' own table, plus the identity
# documents they compare every other piece with.
PERSON_FIELDS: dict[str, tuple[str | None, str | None, str | None]] = {
    **{t.value: ("surname", "given_names", "date_of_birth") for t in IDENTITY_DOCUMENTS},
    **{t.value: (f.surname, f.given_names, f.date_of_birth) for t, f in CHECKED_PERSON_FIELDS.items()},
}
IDENTITY_TYPES = tuple(t.value for t in IDENTITY_DOCUMENTS)
ELEMENTS = ("surname", "given_names", "date_of_birth")
ELEMENT_LABELS = {"surname": "Nom", "given_names": "Prénoms", "date_of_birth": "Date de naissance"}


@dataclass(frozen=True)
class IdentityCell:
    value: str | None
    differs: bool  # disagrees with the identity document the checks use
    anchor: str | None  # "champ-<piece>-<field>" of the dossier page


@dataclass(frozen=True)
class IdentityColumn:
    piece_index: int
    piece_type: str
    cells: dict[str, IdentityCell]  # by element


@dataclass(frozen=True)
class Point:
    flag: dict[str, Any]
    rank: int  # 0 blocking, 1 undecided check, 2 warning
    anchor: str | None


@dataclass(frozen=True)
class ChecklistItem:
    alternatives: tuple[str, ...]  # piece types, any of which satisfies the requirement
    present_at: int | None  # index of the first piece that satisfies it
    condition: str | None  # None: always required; else why it is (or is not) required
    required: bool  # False: a conditional piece the dossier is exempt from

    @property
    def status(self) -> str:
        if self.present_at is not None:
            return "present"
        return "missing" if self.required else "not_required"


def checklist(document: dict[str, Any]) -> list[ChecklistItem]:
    """The pieces the dossier's procedure requires, as the checks saw them."""
    procedure = load_procedures().get((document.get("dossier") or {}).get("procedure") or "")
    if procedure is None:
        return []
    types = [p.get("type") for p in document.get("pieces") or []]

    def first_of(alternatives: tuple[str, ...]) -> int | None:
        return next((i for i, t in enumerate(types) if t in alternatives), None)

    items = [ChecklistItem(alts, first_of(alts), None, True)
             for alts in (tuple(t.value for t in r.alternatives) for r in procedure.required)]
    if procedure.labour_market_test is not None:
        outcome = (document.get("labour_market_test") or {}).get("outcome")
        applies = outcome in (None, "applies")
        why = ("exigée : l'opposabilité de la situation de l'emploi s'applique" if applies
               else "non exigée : le dossier en est dispensé")
        items += [ChecklistItem((t.value,), first_of((t.value,)), why, applies)
                  for t in procedure.labour_market_test.required]
    return items


def identity_columns(document: dict[str, Any]) -> list[IdentityColumn]:
    """One column per piece naming the person, the identity document first."""
    pieces = list(enumerate(document.get("pieces") or []))
    named = [(i, p) for i, p in pieces if p.get("type") in PERSON_FIELDS]
    named.sort(key=lambda item: (item[1].get("type") not in IDENTITY_TYPES, item[0]))
    reference = _reference_values(named)
    columns = []
    for index, piece in named:
        fields = piece.get("fields") or {}
        cells = {}
        for element, field in zip(ELEMENTS, PERSON_FIELDS[piece["type"]]):
            if field is None:
                continue
            value = fields.get(field)
            shown = None if value is None else str(value)
            cells[element] = IdentityCell(shown, _differs(element, reference.get(element), shown),
                                          f"champ-{index}-{field}")
        columns.append(IdentityColumn(index, piece["type"], cells))
    return columns if len(columns) > 1 or any(c.piece_type in IDENTITY_TYPES for c in columns) else []


def points_to_verify(document: dict[str, Any]) -> list[Point]:
    points = []
    for flag in document.get("flags") or []:
        if flag.get("code") == "check_inconclusive":
            rank = 1
        else:
            rank = 0 if flag.get("severity") == "blocking" else 2
        piece = flag.get("piece")
        if piece is None:
            anchor = None
        elif flag.get("field"):
            anchor = f"champ-{piece}-{flag['field']}"
        else:
            anchor = f"piece-{piece}"
        points.append(Point(flag, rank, anchor))
    return sorted(points, key=lambda point: point.rank)


def _reference_values(named: list[tuple[int, dict[str, Any]]]) -> dict[str, str]:
    """The identity document's values (latest expiry first, as the checks choose it)."""
    documents = [p for _, p in named if p.get("type") in IDENTITY_TYPES]
    if not documents:
        return {}
    chosen = max(documents, key=lambda p: str((p.get("fields") or {}).get("expiry_date") or ""))
    fields = chosen.get("fields") or {}
    return {element: str(fields[element]) for element in ELEMENTS if fields.get(element) is not None}


def _differs(element: str, expected: str | None, found: str | None) -> bool:
    if expected is None or found is None:
        return False
    if element == "date_of_birth":
        return expected != found
    agree = same_given_names if element == "given_names" else same_name
    return not agree(expected, found)
