"""The small helpers the rules share: months, names, company numbers, values, wording."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models.domain import PieceType
from tests.test_validators_support import piece
from validators.company_numbers import is_valid_siren, is_valid_siret
from validators.months import add_months
from validators.names import icao_name, same_name
from validators.values import company_number_field, date_field, decimal_field, to_cents
from validators.wording import french_date, french_euros, french_number


class TestAddMonths:
    @pytest.mark.parametrize(("day", "months", "expected"), [
        (dt.date(2026, 3, 30), 6, dt.date(2026, 9, 30)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
        (dt.date(2026, 5, 31), -3, dt.date(2026, 2, 28)),
        (dt.date(2026, 3, 2), -3, dt.date(2025, 12, 2)),
        (dt.date(2026, 1, 15), -1, dt.date(2025, 12, 15)),
        (dt.date(2026, 12, 31), 2, dt.date(2027, 2, 28)),
        (dt.date(2026, 1, 31), 0, dt.date(2026, 1, 31)),
    ])
    def test_calendar_months_with_clamped_day(self, day: dt.date, months: int, expected: dt.date) -> None:
        assert add_months(day, months) == expected


class TestNames:
    @pytest.mark.parametrize("variant", ["D'SOUZA", "D’Souza", "Dsouza", "d souza", "D-SOUZA", "D‘SOUZA"])
    def test_apostrophes_spaces_hyphens_and_case_are_ignored(self, variant: str) -> None:
        assert icao_name(variant) == "DSOUZA"
        assert same_name("D'SOUZA", variant)

    @pytest.mark.parametrize(("printed", "icao"), [
        ("GONÇALVES", "GONCALVES"), ("Hélène-Marie", "HELENEMARIE"), ("N'DIAYE", "NDIAYE"),
        ("Straße", "STRASSE"), ("Œuvray", "OEUVRAY"), ("García López", "GARCIALOPEZ"),
        ("Łukasz", "LUKASZ"), ("KOVALENKO ", "KOVALENKO"),
    ])
    def test_transliteration(self, printed: str, icao: str) -> None:
        assert icao_name(printed) == icao

    def test_umlauts_match_either_icao_form(self) -> None:
        assert same_name("MÜLLER", "Muller")
        assert same_name("MÜLLER", "Mueller")
        assert same_name("MU\u0308LLER", "Mueller")  # decomposed Ü

    def test_different_names(self) -> None:
        assert not same_name("DIALLO", "DIALLA")
        assert not same_name("Rohan", "Rohan Kumar")


class TestCompanyNumbers:
    def test_siret_luhn(self) -> None:
        assert is_valid_siret("73282932000074")
        assert not is_valid_siret("73282932000075")

    def test_la_poste_siret_uses_digit_sum_mod_5(self) -> None:
        assert is_valid_siret("35600000000001")  # digit sum 15, fails Luhn
        assert not is_valid_siret("35600000000002")  # digit sum 16
        assert is_valid_siret("35600000000048")  # head office: passes Luhn

    @pytest.mark.parametrize("number", ["", "7328293200007", "732829320000740", "7328293200007A"])
    def test_siret_must_be_14_digits(self, number: str) -> None:
        assert not is_valid_siret(number)

    def test_siren(self) -> None:
        assert is_valid_siren("732829320")
        assert is_valid_siren("356000000")  # La Poste passes Luhn
        assert not is_valid_siren("732829321")
        assert not is_valid_siren("73282932")


class TestFieldValues:
    def test_unreadable_values_are_none(self) -> None:
        contract = piece(PieceType.employment_contract, start_date="01/04/2026", weekly_hours="trente",
                         gross_monthly_salary=None, end_date=20260401)
        assert date_field(contract, "start_date") is None
        assert date_field(contract, "end_date") is None
        assert date_field(contract, "absent_field") is None
        assert decimal_field(contract, "weekly_hours") is None
        assert decimal_field(contract, "gross_monthly_salary") is None

    def test_numbers(self) -> None:
        contract = piece(PieceType.employment_contract, weekly_hours=37.5, gross_monthly_salary="1823,03")
        assert decimal_field(contract, "weekly_hours") == Decimal("37.5")
        assert decimal_field(contract, "gross_monthly_salary") == Decimal("1823.03")

    def test_company_number_separators_are_removed(self) -> None:
        contract = piece(PieceType.employment_contract, employer_siret="732 829 320 00074")
        assert company_number_field(contract, "employer_siret") == "73282932000074"

    def test_to_cents_rounds_half_up(self) -> None:
        assert to_cents(Decimal("682.495")) == Decimal("682.50")
        assert to_cents(Decimal("682.494")) == Decimal("682.49")


class TestWording:
    def test_french_formats(self) -> None:
        assert french_date(dt.date(2025, 12, 14)) == "14/12/2025"
        assert french_euros(Decimal("1823.03")) == "1\u00a0823,03\u00a0€"
        assert french_euros(Decimal("682.5")) == "682,50\u00a0€"
        assert french_number(Decimal("37.50")) == "37,5"
        assert french_number(Decimal("35.0")) == "35"
