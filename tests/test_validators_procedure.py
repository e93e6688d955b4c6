"""Procedure inference and the procedure_undetermined flag."""
from __future__ import annotations

import pytest

from models.domain import FlagCode, PieceType, Severity
from validators import UNKNOWN_PROCEDURE, infer_procedure, procedure_undetermined_flag

P = PieceType


class TestInferProcedure:
    @pytest.mark.parametrize(("types", "expected"), [
        ([P.passport, P.internship_agreement], "stage"),
        ([P.internship_agreement, P.employment_contract, P.residence_permit], "stage"),
        ([P.passport, P.residence_permit, P.employment_contract, P.diploma], "changement_statut"),
        ([P.passport, P.employment_contract, P.company_registration, P.cv], "introduction_salarie"),
        ([P.employment_contract, P.payslip], "introduction_salarie"),
        ([P.id_card, P.employment_contract, P.urssaf_certificate, P.job_offer], "introduction_salarie"),
        ([P.id_card, P.residence_permit, P.employment_contract, P.urssaf_certificate], "changement_statut"),
        ([P.id_card, P.internship_agreement], "stage"),
        ([P.passport, P.urssaf_certificate, P.job_offer, P.applications_statement], None),
        ([P.passport, P.residence_permit, P.payslip], None),
        ([P.passport, P.cv, P.other], None),
        ([], None),
    ])
    def test_from_piece_types(self, types: list[PieceType], expected: str | None) -> None:
        assert infer_procedure(types) == expected

    def test_accepts_type_names(self) -> None:
        assert infer_procedure(["passport", "internship_agreement"]) == "stage"


class TestProcedureUndeterminedFlag:
    def test_dossier_level_blocking_flag(self) -> None:
        flag = procedure_undetermined_flag(UNKNOWN_PROCEDURE)
        assert (flag.code, flag.severity, flag.piece) == (FlagCode.procedure_undetermined, Severity.blocking, None)
        assert "Procédure indéterminée" in flag.message

    def test_defaults_to_unknown(self) -> None:
        assert procedure_undetermined_flag() == procedure_undetermined_flag(UNKNOWN_PROCEDURE)

    def test_name_missing_from_the_table(self) -> None:
        assert "saisonnier" in procedure_undetermined_flag("saisonnier").message
