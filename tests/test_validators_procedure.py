"""Procedure inference and the procedure_undetermined rule."""
from __future__ import annotations

import pytest

from models.domain import FlagCode, PieceType, Severity
from tests.test_validators_support import context, piece
from validators import UNKNOWN_PROCEDURE, infer_procedure
from validators.rules.pieces import procedure_undetermined

P = PieceType


class TestInferProcedure:
    @pytest.mark.parametrize(("types", "expected"), [
        ([P.passport, P.internship_agreement], "stage"),
        ([P.internship_agreement, P.employment_contract, P.residence_permit], "stage"),
        ([P.passport, P.residence_permit, P.employment_contract, P.diploma], "changement_statut"),
        ([P.passport, P.employment_contract, P.company_registration, P.cv], "introduction_salarie"),
        ([P.employment_contract, P.payslip], "introduction_salarie"),
        ([P.passport, P.residence_permit, P.payslip], None),
        ([P.passport, P.cv, P.other], None),
        ([], None),
    ])
    def test_from_piece_types(self, types: list[PieceType], expected: str | None) -> None:
        assert infer_procedure(types) == expected

    def test_accepts_type_names(self) -> None:
        assert infer_procedure(["passport", "internship_agreement"]) == "stage"


class TestProcedureUndetermined:
    def test_unknown_procedure_is_flagged_once_for_the_dossier(self) -> None:
        flags = procedure_undetermined(context(piece(P.passport), procedure=UNKNOWN_PROCEDURE))
        assert [(f.code, f.severity, f.piece) for f in flags] == [
            (FlagCode.procedure_undetermined, Severity.blocking, None)
        ]
        assert "Procédure indéterminée" in flags[0].message

    def test_name_missing_from_the_table_is_flagged(self) -> None:
        flags = procedure_undetermined(context(piece(P.passport), procedure="saisonnier"))
        assert len(flags) == 1 and "saisonnier" in flags[0].message

    @pytest.mark.parametrize("procedure", ["introduction_salarie", "changement_statut", "renouvellement", "stage"])
    def test_known_procedure_is_fine(self, procedure: str) -> None:
        assert procedure_undetermined(context(procedure=procedure)) == []
