"""invalid_siret, employer_mismatch, registration_too_old."""
from __future__ import annotations

import datetime as dt

import pytest

from models.domain import FlagCode, PieceType, Severity
from tests.test_validators_support import VALID_SIRET, context, piece
from validators.rules.companies import (
    employer_mismatch,
    invalid_siret,
    registration_too_old,
)

P = PieceType
BAD_SIRET = "73282932000075"


class TestInvalidSiret:
    def test_valid_numbers(self) -> None:
        ctx = context(piece(P.employment_contract), piece(P.internship_agreement), piece(P.payslip),
                      piece(P.company_registration))
        assert invalid_siret(ctx) == []

    @pytest.mark.parametrize(("piece_type", "field", "value"), [
        (P.employment_contract, "employer_siret", BAD_SIRET),
        (P.internship_agreement, "host_siret", BAD_SIRET),
        (P.payslip, "employer_siret", BAD_SIRET),
        (P.company_registration, "siren", "732829321"),
    ])
    def test_failed_luhn_points_to_the_piece_and_field(self, piece_type: PieceType, field: str, value: str) -> None:
        flags = invalid_siret(context(piece(P.passport), piece(piece_type, **{field: value})))
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == [
            (FlagCode.invalid_siret, Severity.blocking, 1, field)
        ]
        assert value in flags[0].message and "clé de contrôle" in flags[0].message

    def test_la_poste_siret_follows_digit_sum_rule(self) -> None:
        assert invalid_siret(context(piece(P.employment_contract, employer_siret="35600000000001"))) == []
        assert len(invalid_siret(context(piece(P.payslip, employer_siret="35600000000002")))) == 1

    def test_la_poste_siren_passes_luhn(self) -> None:
        assert invalid_siret(context(piece(P.company_registration, siren="356000000"))) == []

    def test_spaces_are_ignored(self) -> None:
        assert invalid_siret(context(piece(P.employment_contract, employer_siret="732 829 320 00074"))) == []

    def test_wrong_length_is_invalid(self) -> None:
        (flag,) = invalid_siret(context(piece(P.employment_contract, employer_siret="7328293200007")))
        assert "14 chiffres attendus" in flag.message

    def test_null_number_is_not_checked(self) -> None:
        assert invalid_siret(context(piece(P.employment_contract, employer_siret=None),
                                     piece(P.company_registration, siren=None))) == []


class TestOneDigitMisread:
    """A number one digit away from a valid one another piece prints is a misreading (a check digit
    fails on any one wrong digit, so two valid numbers are never one digit apart): the agent is
    asked to look, the dossier is not held back."""

    def test_an_invalid_siren_one_digit_from_the_contract_siret_is_inconclusive(self) -> None:
        ctx = context(piece(P.employment_contract), piece(P.company_registration, siren="732829321"))
        (flag,) = invalid_siret(ctx)
        assert (flag.code, flag.check, flag.piece, flag.field) == (FlagCode.check_inconclusive, "invalid_siret", 1, "siren")
        assert VALID_SIRET in flag.message and "mal lu" in flag.message
        (flag,) = employer_mismatch(ctx)
        assert (flag.code, flag.check, flag.piece) == (FlagCode.check_inconclusive, "employer_mismatch", 1)

    def test_a_contract_siret_misread_by_one_digit_names_the_contract(self) -> None:
        ctx = context(piece(P.company_registration), piece(P.employment_contract, employer_siret="73282952000074"))
        (flag,) = employer_mismatch(ctx)
        assert (flag.code, flag.piece, flag.field) == (FlagCode.check_inconclusive, 1, "employer_siret")

    def test_an_invalid_number_far_from_any_other_is_still_invalid(self) -> None:
        ctx = context(piece(P.employment_contract), piece(P.company_registration, siren="111111111"))
        assert [f.code for f in invalid_siret(ctx)] == [FlagCode.invalid_siret]
        assert [f.code for f in employer_mismatch(ctx)] == [FlagCode.employer_mismatch]


class TestEmployerMismatch:
    def test_contract_siret_of_the_registered_company(self) -> None:
        assert employer_mismatch(context(piece(P.company_registration), piece(P.employment_contract))) == []

    def test_other_company_points_to_the_contract(self) -> None:
        ctx = context(piece(P.company_registration, siren="356000000"), piece(P.employment_contract))
        flags = employer_mismatch(ctx)
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == [
            (FlagCode.employer_mismatch, Severity.warning, 1, "employer_siret")
        ]
        assert VALID_SIRET in flags[0].message and "356000000" in flags[0].message

    def test_formatting_differences_are_ignored(self) -> None:
        ctx = context(piece(P.company_registration, siren="732 829 320"),
                      piece(P.employment_contract, employer_siret="732 829 320 00074"))
        assert employer_mismatch(ctx) == []

    def test_without_registration_or_numbers_nothing_to_compare(self) -> None:
        assert employer_mismatch(context(piece(P.employment_contract, employer_siret="35600000000001"))) == []
        assert employer_mismatch(context(piece(P.company_registration, siren=None), piece(P.employment_contract))) == []
        assert employer_mismatch(context(piece(P.company_registration),
                                         piece(P.employment_contract, employer_siret=None))) == []

    def test_internship_host_is_not_concerned(self) -> None:
        ctx = context(piece(P.company_registration, siren="356000000"), piece(P.internship_agreement))
        assert employer_mismatch(ctx) == []


class TestRegistrationTooOld:
    SUBMITTED = dt.date(2026, 3, 2)

    def flags_for(self, extract_date: str | None, submitted_at: dt.date = SUBMITTED) -> list:
        return registration_too_old(context(piece(P.passport), piece(P.company_registration, extract_date=extract_date),
                                            submitted_at=submitted_at))

    def test_exactly_three_months_is_fine(self) -> None:
        assert self.flags_for("2025-12-02") == []

    def test_one_day_more_is_too_old(self) -> None:
        flags = self.flags_for("2025-12-01")
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == [
            (FlagCode.registration_too_old, Severity.warning, 1, "extract_date")
        ]
        assert "01/12/2025" in flags[0].message and "02/03/2026" in flags[0].message

    def test_month_end_is_clamped(self) -> None:
        # 31 May - 3 months = 28 February
        assert self.flags_for("2026-02-28", submitted_at=dt.date(2026, 5, 31)) == []
        assert len(self.flags_for("2026-02-27", submitted_at=dt.date(2026, 5, 31))) == 1

    def test_null_extract_date(self) -> None:
        assert self.flags_for(None) == []
