"""salary_below_minimum, internship_too_long, gratification_below_minimum."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models.domain import FlagCode, PieceType, Severity
from tests.test_validators_support import context, doubtful, piece
from validators.certainty import CONFIDENCE_THRESHOLD
from validators.rules.pay import (
    gratification_below_minimum,
    internship_too_long,
    presence_hours,
    salary_below_minimum,
)

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

    @pytest.mark.parametrize("field", ["weekly_hours", "gross_monthly_salary"])
    def test_null_value_skips_the_check(self, field: str) -> None:
        assert salary_below_minimum(context(contract(**{"gross_monthly_salary": 100, field: None}))) == []

    def test_null_start_date_takes_the_smic_on_submitted_at(self) -> None:
        # 1810 €: above the 2025 SMIC, under the 2026 one
        assert salary_below_minimum(context(contract(start_date=None, gross_monthly_salary=1810),
                                            submitted_at=dt.date(2025, 12, 31))) == []
        (flag,) = salary_below_minimum(context(contract(start_date=None, gross_monthly_salary=1810),
                                               submitted_at=dt.date(2026, 1, 2)))
        assert "date de début non lue" in flag.message

    def test_start_before_the_table_skips_the_check(self) -> None:
        assert salary_below_minimum(context(contract(start_date="2020-01-01", gross_monthly_salary=100))) == []

    @pytest.mark.parametrize(("start", "smic"), [
        ("2023-01-01", "1709.28"), ("2023-05-01", "1747.20"), ("2024-01-01", "1766.92"),
        ("2024-11-01", "1801.80"), ("2026-01-01", "1823.03"),
    ])
    def test_every_smic_row_on_both_sides(self, start: str, smic: str) -> None:
        assert salary_below_minimum(context(contract(start_date=start, gross_monthly_salary=smic))) == []
        below = str(Decimal(smic) - Decimal("0.01"))
        assert len(salary_below_minimum(context(contract(start_date=start, gross_monthly_salary=below)))) == 1


class TestRenewalSalary:
    """A renewal's salary is checked against the SMIC on submitted_at: the pay owed now."""

    def test_over_the_smic_at_the_start_but_under_today(self) -> None:
        # the samples' BEN ALI: 24 h, 1203.70 €, started 2023-04-20 (1709.28 × 24 / 35 = 1172.07)
        old = contract(start_date="2023-04-20", weekly_hours=24, gross_monthly_salary=1203.7)
        assert salary_below_minimum(context(old, procedure="introduction_salarie")) == []
        (flag,) = salary_below_minimum(context(old, procedure="renouvellement", submitted_at=dt.date(2026, 3, 7)))
        # 1823.03 × 24 / 35 = 1250.077... -> 1250.08
        assert "1\u00a0250,08\u00a0€" in flag.message and "07/03/2026" in flag.message

    def test_exactly_todays_minimum_is_fine(self) -> None:
        paid = contract(start_date="2023-04-20", weekly_hours=24, gross_monthly_salary=1250.08)
        assert salary_below_minimum(context(paid, procedure="renouvellement", submitted_at=dt.date(2026, 3, 7))) == []
        under = contract(start_date="2023-04-20", weekly_hours=24, gross_monthly_salary=1250.07)
        assert len(salary_below_minimum(context(under, procedure="renouvellement",
                                                submitted_at=dt.date(2026, 3, 7)))) == 1

    def test_renewal_filed_before_the_january_rise(self) -> None:
        paid = contract(start_date="2023-04-20", gross_monthly_salary=1810)
        assert salary_below_minimum(context(paid, procedure="renouvellement", submitted_at=dt.date(2025, 12, 20))) == []


class TestDoubtfulPay:
    def test_doubtful_salary_is_inconclusive(self) -> None:
        (flag,) = salary_below_minimum(context(doubtful(contract(gross_monthly_salary=1000), "gross_monthly_salary")))
        assert (flag.code, flag.check, flag.field) == (
            FlagCode.check_inconclusive, "salary_below_minimum", "gross_monthly_salary")

    def test_doubtful_start_date_is_inconclusive_except_for_a_renewal(self) -> None:
        low = doubtful(contract(gross_monthly_salary=1000), "start_date")
        assert [f.code for f in salary_below_minimum(context(low))] == [FlagCode.check_inconclusive]
        # a renewal does not look at the start date
        assert [f.code for f in salary_below_minimum(context(low, procedure="renouvellement"))] == [
            FlagCode.salary_below_minimum]

    def test_threshold_value_is_certain(self) -> None:
        at_threshold = contract(gross_monthly_salary=1000)
        at_threshold.field_confidence = {"gross_monthly_salary": CONFIDENCE_THRESHOLD}
        assert [f.code for f in salary_below_minimum(context(at_threshold))] == [FlagCode.salary_below_minimum]
        at_threshold.field_confidence = {"gross_monthly_salary": CONFIDENCE_THRESHOLD - 0.001}
        assert [f.code for f in salary_below_minimum(context(at_threshold))] == [FlagCode.check_inconclusive]


class TestPresenceHours:
    @pytest.mark.parametrize(("weekly", "start", "end", "hours"), [
        (35, "2026-04-01", "2026-04-07", "35"),          # one week
        (24, "2026-08-06", "2027-02-12", "654.857142"),  # the samples' EL AMRANI: 191 days
        (20, "2026-08-22", "2026-10-31", "202.857142"),  # EL IDRISSI: 71 days
        (35, "2026-04-01", "2026-04-01", "5"),           # one day
    ])
    def test_weekly_hours_times_days_over_seven(self, weekly: int, start: str, end: str, hours: str) -> None:
        value = presence_hours(agreement(weekly_hours=weekly, start_date=start, end_date=end))
        assert value is not None and abs(value - Decimal(hours)) < Decimal("0.00001")


class TestInternshipTooLong:
    def test_924_hours_exactly_is_fine(self) -> None:
        # 35 h a week for 184 days = 920 h; 42 h a week for 154 days = 924 h exactly
        assert internship_too_long(context(agreement(weekly_hours=42, start_date="2026-03-01",
                                                     end_date="2026-08-01"))) == []

    def test_one_day_more_points_to_the_agreement(self) -> None:
        flags = internship_too_long(context(piece(P.passport), agreement(weekly_hours=42, start_date="2026-03-01",
                                                                         end_date="2026-08-02")))
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == [
            (FlagCode.internship_too_long, Severity.blocking, 1, "end_date")
        ]
        assert "01/03/2026" in flags[0].message and "02/08/2026" in flags[0].message and "930" in flags[0].message

    def test_ten_hours_on_each_side(self) -> None:
        # 35 h a week: 183 days = 915 h, 187 days = 935 h
        assert internship_too_long(context(agreement(start_date="2026-03-01", end_date="2026-08-30"))) == []
        assert len(internship_too_long(context(agreement(start_date="2026-03-01", end_date="2026-09-03")))) == 1

    def test_part_time_over_six_calendar_months_is_not_too_long(self) -> None:
        assert internship_too_long(context(agreement(weekly_hours=24, start_date="2026-08-06",
                                                     end_date="2027-02-12"))) == []

    def test_39_hours_exceed_924_within_six_calendar_months(self) -> None:
        # 39 h × 170 days / 7 = 947.1 h, from 1 March to 17 August
        assert len(internship_too_long(context(agreement(weekly_hours=39, start_date="2026-03-01",
                                                         end_date="2026-08-17")))) == 1

    @pytest.mark.parametrize("field", ["start_date", "end_date", "weekly_hours"])
    def test_null_value(self, field: str) -> None:
        assert internship_too_long(context(agreement(**{"end_date": "2030-01-01", field: None}))) == []

    def test_doubtful_hours_are_inconclusive(self) -> None:
        ctx = context(doubtful(agreement(start_date="2026-03-01", end_date="2027-03-01"), "weekly_hours"))
        (flag,) = internship_too_long(ctx)
        assert (flag.code, flag.check, flag.field) == (FlagCode.check_inconclusive, "internship_too_long",
                                                       "weekly_hours")


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

    def test_308_hours_exactly_owe_nothing(self) -> None:
        # 35 h a week for 61 days = 305 h; 44 h a week for 49 days = 308 h exactly, 50 days = 314.3 h
        exact = agreement(weekly_hours=44, start_date="2026-04-01", end_date="2026-05-19", monthly_gratification=0)
        assert gratification_below_minimum(context(exact)) == []
        more = agreement(weekly_hours=44, start_date="2026-04-01", end_date="2026-05-20", monthly_gratification=0)
        assert len(gratification_below_minimum(context(more))) == 1

    def test_ten_hours_on_each_side(self) -> None:
        # 35 h a week: 60 days = 300 h (nothing owed), 64 days = 320 h (owed)
        short = agreement(start_date="2026-04-01", end_date="2026-05-30", monthly_gratification=0)
        assert gratification_below_minimum(context(short)) == []
        longer = agreement(start_date="2026-04-01", end_date="2026-06-03", monthly_gratification=0)
        assert len(gratification_below_minimum(context(longer))) == 1

    def test_part_time_over_two_calendar_months_may_owe_nothing(self) -> None:
        # the samples' EL IDRISSI: 20 h a week for 71 days = 202.9 h
        ctx = context(agreement(weekly_hours=20, start_date="2026-08-22", end_date="2026-10-31",
                                monthly_gratification=245))
        assert gratification_below_minimum(ctx) == []

    def test_pro_rata_of_weekly_hours(self) -> None:
        # 4.50 × 24 × 52 / 12 = 468.00, over 654.9 h (EL AMRANI)
        paid = agreement(weekly_hours=24, start_date="2026-08-06", end_date="2027-02-12", monthly_gratification=468)
        assert gratification_below_minimum(context(paid)) == []
        under = agreement(weekly_hours=24, start_date="2026-08-06", end_date="2027-02-12", monthly_gratification=467.99)
        assert len(gratification_below_minimum(context(under))) == 1

    def test_minimum_rounded_half_up_to_the_cent(self) -> None:
        # 4.50 × 25.38 × 52 / 12 = 494.91 exactly; 4.35 × 25.38 × 52 / 12 = 478.4130 -> 478.41
        paid = agreement(weekly_hours=25.38, start_date="2025-10-01", end_date="2026-02-27", monthly_gratification=478.41)
        assert gratification_below_minimum(context(paid)) == []
        under = agreement(weekly_hours=25.38, start_date="2025-10-01", end_date="2026-02-27",
                          monthly_gratification=478.40)
        assert len(gratification_below_minimum(context(under))) == 1

    @pytest.mark.parametrize("field", ["start_date", "end_date", "weekly_hours", "monthly_gratification"])
    def test_null_value_skips_the_check(self, field: str) -> None:
        ctx = context(agreement(**{"monthly_gratification": 0, field: None}))
        assert gratification_below_minimum(ctx) == []
