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

from models.domain import IDENTITY_DOCUMENTS, FlagCode, Severity
from models.domain import PERSON_FIELDS as PIECES_PERSON_FIELDS
from models.records import DossierResult, Flag, PieceResult
from validators.names import same_given_names, same_name
from validators.procedure_table import load_procedures

# Where each piece type prints the person (the table the identity checks use), plus the identity
# documents they compare every other piece with.
PERSON_FIELDS: dict[str, tuple[str | None, str | None, str | None]] = {
    **{t.value: ("surname", "given_names", "date_of_birth") for t in IDENTITY_DOCUMENTS},
    **{t.value: (f.surname, f.given_names, f.date_of_birth) for t, f in PIECES_PERSON_FIELDS.items()},
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
    flag: Flag
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


def checklist(result: DossierResult) -> list[ChecklistItem]:
    """The pieces the dossier's procedure requires, as the checks saw them."""
    procedure = load_procedures().get(result.dossier.procedure)
    if procedure is None:
        return []
    types = [p.type.value for p in result.pieces]

    def first_of(alternatives: tuple[str, ...]) -> int | None:
        return next((i for i, t in enumerate(types) if t in alternatives), None)

    items = [ChecklistItem(alts, first_of(alts), None, True)
             for alts in (tuple(t.value for t in r.alternatives) for r in procedure.required)]
    if procedure.labour_market_test is not None:
        outcome = result.labour_market_test.outcome if result.labour_market_test else None
        applies = outcome in (None, "applies")
        why = ("exigée : l'opposabilité de la situation de l'emploi s'applique" if applies
               else "non exigée : le dossier en est dispensé")
        items += [ChecklistItem((t.value,), first_of((t.value,)), why, applies)
                  for t in procedure.labour_market_test.required]
    return items


def identity_columns(result: DossierResult) -> list[IdentityColumn]:
    """One column per piece naming the person, the identity document first."""
    named = [(i, p) for i, p in enumerate(result.pieces) if p.type.value in PERSON_FIELDS]
    named.sort(key=lambda item: (item[1].type.value not in IDENTITY_TYPES, item[0]))
    reference = _reference_values(named)
    columns = []
    for index, piece in named:
        cells = {}
        for element, field in zip(ELEMENTS, PERSON_FIELDS[piece.type.value]):
            if field is None:
                continue
            value = piece.fields.get(field)
            shown = None if value is None else str(value)
            cells[element] = IdentityCell(shown, _differs(element, reference.get(element), shown),
                                          f"champ-{index}-{field}")
        columns.append(IdentityColumn(index, piece.type.value, cells))
    return columns if len(columns) > 1 or any(c.piece_type in IDENTITY_TYPES for c in columns) else []


def points_to_verify(result: DossierResult) -> list[Point]:
    points = []
    for flag in result.flags:
        if flag.code == FlagCode.check_inconclusive:
            rank = 1
        else:
            rank = 0 if flag.severity == Severity.blocking else 2
        piece = flag.piece
        if piece is None:
            anchor = None
        elif flag.field:
            anchor = f"champ-{piece}-{flag.field}"
        else:
            anchor = f"piece-{piece}"
        points.append(Point(flag, rank, anchor))
    return sorted(points, key=lambda point: point.rank)


def _reference_values(named: list[tuple[int, PieceResult]]) -> dict[str, str]:
    """The identity document's values (latest expiry first, as the checks choose it)."""
    documents = [p for _, p in named if p.type.value in IDENTITY_TYPES]
    if not documents:
        return {}
    chosen = max(documents, key=lambda p: str(p.fields.get("expiry_date") or ""))
    fields = chosen.fields
    return {element: str(fields[element]) for element in ELEMENTS if fields.get(element) is not None}


def _differs(element: str, expected: str | None, found: str | None) -> bool:
    if expected is None or found is None:
        return False
    if element == "date_of_birth":
        return expected != found
    agree = same_given_names if element == "given_names" else same_name
    return not agree(expected, found)
