"""The pieces each procedure requires (validators/data/procedures.json).

An administrator edits that file, or points DOSSIERS_PROCEDURES_FILE to another
file of the same format, which then replaces it entirely (one table, one place).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.domain import PieceType
from validators.data_files import DataFileError, load_table, read_table

PROCEDURES_FILE = "procedures.json"
PROCEDURES_FILE_ENV = "DOSSIERS_PROCEDURES_FILE"
# Same pattern as dossier.procedure in dossier-result.schema.json.
PROCEDURE_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
RESERVED_NAMES = frozenset({"unknown"})  # what the result says when no procedure is known


@dataclass(frozen=True)
class Requirement:
    """One required piece: any of `alternatives` satisfies it (usually just one)."""

    alternatives: tuple[PieceType, ...]

    @property
    def reported_type(self) -> PieceType:
        """The type a missing_piece flag names: the first alternative."""
        return self.alternatives[0]

    def is_met_by(self, present: set[PieceType]) -> bool:
        return any(t in present for t in self.alternatives)


# The exemptions of the labour-market test the rules know how to examine (DOMAIN.md).
SHORTAGE_EXEMPTION = "shortage"  # the job is on the shortage list of the work place's region
GRADUATE_EXEMPTION = "graduate"  # job-seeker card or recent diploma, paid at least 1.5 x SMIC
EXEMPTIONS = (SHORTAGE_EXEMPTION, GRADUATE_EXEMPTION)


@dataclass(frozen=True)
class LabourMarketTest:
    """The procedure is subject to the labour-market test: the pieces it requires when
    it applies, and the exemptions examined before."""

    required: tuple[PieceType, ...]
    exemptions: tuple[str, ...]


@dataclass(frozen=True)
class Procedure:
    name: str
    label: str  # in French, for messages
    required: tuple[Requirement, ...]
    labour_market_test: LabourMarketTest | None = None


@dataclass(frozen=True)
class ProcedureTable:
    procedures: dict[str, Procedure]

    def get(self, name: str) -> Procedure | None:
        return self.procedures.get(name)

    def names(self) -> tuple[str, ...]:
        return tuple(self.procedures)


def load_procedures(path: Path | None = None) -> ProcedureTable:
    """The table at `path`, else at $DOSSIERS_PROCEDURES_FILE, else the packaged one.
    A file is re-read when it changes, so an edit needs no restart."""
    return load_table(PROCEDURES_FILE, PROCEDURES_FILE_ENV, _parse_file, path)


def _parse_file(path: Path) -> ProcedureTable:
    return _parse(*read_table(path))


def _parse(content: dict[str, Any], origin: str) -> ProcedureTable:
    if not content:
        raise DataFileError(f"{origin} : aucune procédure définie.")
    procedures = {name: _parse_procedure(name, spec, origin) for name, spec in content.items()}
    return ProcedureTable(procedures)


def _parse_procedure(name: str, spec: Any, origin: str) -> Procedure:
    where = f"{origin}, procédure {name!r}"
    if not PROCEDURE_NAME.match(name) or name in RESERVED_NAMES:
        raise DataFileError(f"{where} : nom invalide (minuscules, chiffres et _, commençant par une lettre ; pas 'unknown').")
    if not isinstance(spec, dict) or not isinstance(spec.get("required"), list):
        raise DataFileError(f"{where} : attendu {{\"label\": \"...\", \"required\": [...]}}.")
    unknown_keys = set(spec) - {"label", "required", "labour_market_test"}
    if unknown_keys:
        raise DataFileError(
            f"{where} : clés inconnues {sorted(unknown_keys)} "
            "(seules 'label', 'required' et 'labour_market_test' sont admises)."
        )
    label = spec.get("label", name)
    if not isinstance(label, str) or not label.strip():
        raise DataFileError(f"{where} : 'label' doit être un texte non vide.")
    required = tuple(_parse_requirement(item, where) for item in spec["required"])
    test = _parse_labour_market_test(spec["labour_market_test"], where) if "labour_market_test" in spec else None
    return Procedure(name=name, label=label, required=required, labour_market_test=test)


def _parse_labour_market_test(spec: Any, where: str) -> LabourMarketTest:
    expected = (f"{where} : 'labour_market_test' attendu sous la forme "
                '{"required": [types de pièces], "exemptions": [' + ", ".join(f'"{e}"' for e in EXEMPTIONS) + "]}")
    if not isinstance(spec, dict) or set(spec) - {"required", "exemptions"} or not isinstance(spec.get("required"), list):
        raise DataFileError(expected + ".")
    exemptions = spec.get("exemptions", [])
    if not isinstance(exemptions, list) or any(e not in EXEMPTIONS for e in exemptions):
        raise DataFileError(expected + f" ; dispenses reçues : {exemptions!r}.")
    required = tuple(_piece_type(t, where) for t in spec["required"])
    return LabourMarketTest(required=required, exemptions=tuple(exemptions))


def _parse_requirement(item: Any, where: str) -> Requirement:
    if isinstance(item, str):
        return Requirement((_piece_type(item, where),))
    if isinstance(item, dict) and set(item) == {"one_of"} and isinstance(item["one_of"], list) and item["one_of"]:
        return Requirement(tuple(_piece_type(t, where) for t in item["one_of"]))
    raise DataFileError(f"{where} : exigence {item!r} invalide (un type de pièce, ou {{\"one_of\": [types...]}}).")


def _piece_type(value: Any, where: str) -> PieceType:
    try:
        return PieceType(value)
    except ValueError as exc:
        known = ", ".join(t.value for t in PieceType)
        raise DataFileError(f"{where} : type de pièce inconnu {value!r} (connus : {known}).") from exc
