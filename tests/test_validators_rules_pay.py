"""salary_below_minimum, internship_too_long, gratification_below_minimum."""
from __future__ import annotations

import pytest

from models.domain import FlagCode, PieceType, Severity
from tests.test_validators_support import context, piece
from validators.rules.pay import gratification_below_minimum, internship_too_long, salary_below_minimum

P = PieceType


def contract(**fields: object):
    return piece(P.employment_contract, **fields)


def agreement(**fields: object):
    return piece(P.internship_agreement, **fields)


class TestSalaryBelowMinimum:
    def test_exactly_the_smic_is_fine(self) -> None:
        assert salary_below_minimum(context(contract(start_date="2026-04-01", gross_monthly_salary=1823.03))) == []

    def test_one_cent_under_points_to_the_contract(self) -> None:
        flags = salary_below_minimum(context(piece(P.passport),
                                             contract(start_date="2026-04-01", gross_monthly_salary=1823.02)))
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == [
            (FlagCode.salary_below_minimum, Severity.blocking, 1, "gross_monthly_salary")
        ]
        assert "1\u00a0823,02\u00a0€" in flags[0].message and "1\u00a0823,03\u00a0€" in flags[0].message

    def test_start_date_picks_the_smic(self) -> None:
        # 1810 € is above the 2025 SMIC (1801.80) but under the 2026 one (1823.03)
        assert salary_below_minimum(context(contract(start_date="2025-12-31", gross_monthly_salary=1810))) == []
        assert len(salary_below_minimum(context(contract(start_date="2026-01-01", gross_monthly_salary=1810)))) == 1

    def test_pro_rata_of_weekly_hours(self) -> None:
        # 1823.03 × 39 / 35 = 2031.3762... -> 2031.38
        assert salary_below_minimum(context(contract(weekly_hours=39, gross_monthly_salary=2031.38))) == []
        assert len(salary_below_minimum(context(contract(weekly_hours=39, gross_monthly_salary=2031.37)))) == 1
        # part time: 1823.03 × 24 / 35 = 1250.077... -> 1250.08
        assert salary_below_minimum(context(contract(weekly_hours=24, gross_monthly_salary=1250.08))) == []

    def test_amounts_compared_rounded_to_the_cent(self) -> None:
        assert salary_below_minimum(context(contract(gross_monthly_salary=1823.0251))) == []

    @pytest.mark.parametrize("field", ["start_date", "weekly_hours", "gross_monthly_salary"])
    def test_null_value_skips_the_check(self, field: str) -> None:
        assert salary_below_minimum(context(contract(**{"gross_monthly_salary": 100, field: None}))) == []

    def test_start_before_the_table_skips_the_check(self) -> None:
        assert salary_below_minimum(context(contract(start_date="2020-01-01", gross_monthly_salary=100))) == []


class TestInternshipTooLong:
    def test_six_months_exactly_is_fine(self) -> None:
        assert internship_too_long(context(agreement(start_date="2026-03-30", end_date="2026-09-30"))) == []

    def test_one_day_more_points_to_the_agreement(self) -> None:
        flags = internship_too_long(context(piece(P.passport), agreement(start_date="2026-03-30", end_date="2026-10-01")))
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == [
            (FlagCode.internship_too_long, Severity.blocking, 1, "end_date")
        ]
        assert "30/03/2026" in flags[0].message and "01/10/2026" in flags[0].message

    def test_month_end_is_clamped(self) -> None:
        # 31 August + 6 months = 28 February
        assert internship_too_long(context(agreement(start_date="2026-08-31", end_date="2027-02-28"))) == []
        assert len(internship_too_long(context(agreement(start_date="2026-08-31", end_date="2027-03-01")))) == 1

    @pytest.mark.parametrize("field", ["start_date", "end_date"])
    def test_null_date(self, field: str) -> None:
        assert internship_too_long(context(agreement(**{"end_date": "2030-01-01", field: None}))) == []


class TestGratificationBelowMinimum:
    def test_exactly_the_minimum_is_fine(self) -> None:
        # 4.50 × 35 × 52 / 12 = 682.50
        assert gratification_below_minimum(context(agreement(start_date="2026-04-01", monthly_gratification=682.5))) == []

    def test_one_cent_under_points_to_the_agreement(self) -> None:
        flags = gratification_below_minimum(context(piece(P.passport), agreement(monthly_gratification=682.49)))
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == [
            (FlagCode.gratification_below_minimum, Severity.blocking, 1, "monthly_gratification")
        ]
        assert "682,50\u00a0€" in flags[0].message

    def test_start_date_picks_the_hourly_minimum(self) -> None:
        # 4.35 × 35 × 52 / 12 = 659.75
        early = agreement(start_date="2025-12-01", end_date="2026-05-31", monthly_gratification=659.75)
        assert gratification_below_minimum(context(early)) == []
        later = agreement(start_date="2026-01-05", end_date="2026-05-31", monthly_gratification=659.75)
        assert len(gratification_below_minimum(context(later))) == 1

    def test_no_gratification_is_below(self) -> None:
        assert len(gratification_below_minimum(context(agreement(monthly_gratification=0)))) == 1

    def test_two_months_exactly_need_no_gratification(self) -> None:
        short = agreement(start_date="2026-04-01", end_date="2026-06-01", monthly_gratification=0)
        assert gratification_below_minimum(context(short)) == []
        longer = agreement(start_date="2026-04-01", end_date="2026-06-02", monthly_gratification=0)
        assert len(gratification_below_minimum(context(longer))) == 1

    def test_pro_rata_of_weekly_hours(self) -> None:
        # 4.50 × 20 × 52 / 12 = 390.00
        assert gratification_below_minimum(context(agreement(weekly_hours=20, monthly_gratification=390))) == []
        assert len(gratification_below_minimum(context(agreement(weekly_hours=20, monthly_gratification=389.99)))) == 1

    @pytest.mark.parametrize("field", ["start_date", "end_date", "weekly_hours", "monthly_gratification"])
    def test_null_value_skips_the_check(self, field: str) -> None:
        ctx = context(agreement(**{"monthly_gratification": 0, field: None}))
        assert gratification_below_minimum(ctx) == []
