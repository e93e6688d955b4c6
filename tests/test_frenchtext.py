"""Parsing of French dates, amounts, hours and identifiers, with OCR noise."""
import datetime as dt

import pytest

from extractors.frenchtext import (
    find_amounts,
    find_dates,
    find_digit_runs,
    find_hours,
    find_month_years,
    find_sirens,
    find_sirets,
    is_annual,
)
from extractors.textnorm import fold, normalize


def first(found: list[tuple]) -> object:
    """The value of the first thing found, or None."""
    return found[0][0] if found else None


@pytest.mark.parametrize("text, expected", [
    ("3 mars 2026", dt.date(2026, 3, 3)),
    ("1er mars 2026", dt.date(2026, 3, 1)),
    ("ler avril 2025", dt.date(2025, 4, 1)),
    ("03/03/2026", dt.date(2026, 3, 3)),
    ("03.03.2026", dt.date(2026, 3, 3)),
    ("2026-03-03", dt.date(2026, 3, 3)),
    ("3 MARS 2026", dt.date(2026, 3, 3)),
    ("le 14 fevrier 2027", dt.date(2027, 2, 14)),
    ("15 aout 2025", dt.date(2025, 8, 15)),
    ("15 AOÛT 2025", dt.date(2025, 8, 15)),
    ("2 décembre 2026", dt.date(2026, 12, 2)),
    ("7 sept. 2026", dt.date(2026, 9, 7)),
    ("09 / 11 / 2026", dt.date(2026, 11, 9)),
])
def test_find_dates(text, expected):
    assert first(find_dates(text)) == expected


def test_find_dates_rejects_impossible_and_non_dates():
    assert find_dates("31/02/2026") == []
    assert find_dates("Année universitaire 2025-2026") == []
    assert find_dates("35 heures") == []


def test_find_dates_gives_spans_in_order():
    text = "Stage du 02/03/2026 au 28 août 2026."
    found = find_dates(text)
    assert [d for d, _, _ in found] == [dt.date(2026, 3, 2), dt.date(2026, 8, 28)]
    assert text[found[1][1]:found[1][2]] == "28 août 2026"


def test_find_month_years():
    assert [v for v, _, _ in find_month_years("Période : novembre 2025")] == [(2025, 11)]
    assert [v for v, _, _ in find_month_years("Mois : 04/2026")] == [(2026, 4)]


@pytest.mark.parametrize("text, expected", [
    ("2 150,00 €", 2150.0),
    ("2150 €", 2150.0),
    ("2.150,00 EUR", 2150.0),
    ("1 823,03 euros", 1823.03),
    ("2\u202f150 €", 2150.0),
    ("2\u00a0150,00\u00a0€", 2150.0),
    ("1980.50 €", 1980.5),
    ("soit 3 400 euros bruts", 3400.0),
])
def test_find_amounts(text, expected):
    assert first(find_amounts(text)) == pytest.approx(expected)


def test_find_amounts_needs_a_currency_by_default():
    text = "coefficient 250, salaire de 2 310,40 € et prime de 150 EUR"
    assert [a for a, _, _ in find_amounts(text)] == [2310.4, 150.0]


def test_a_yearly_salary_is_told_from_a_monthly_one():
    assert is_annual("rémunération annuelle brute de")
    assert not is_annual("salaire mensuel brut")


@pytest.mark.parametrize("text, expected", [
    ("35 heures", 35.0),
    ("35h", 35.0),
    ("39 H par semaine", 39.0),
    ("151,67 heures par mois", 35.0),
    ("169 h mensuelles", 39.0),
    ("24h30 hebdomadaires", 24.5),
    ("151h67", 35.0),
])
def test_find_hours(text, expected):
    assert first(find_hours(text)) == pytest.approx(expected, abs=0.01)


def test_find_hours_ignores_non_hours():
    assert find_hours("Article 35 du code") == []


def test_siret_and_siren_in_groups_and_with_ocr_confusions():
    assert [d for d, _, _ in find_sirets("SIRET : 732 829 320 00074")] == ["73282932000074"]
    assert [d for d, _, _ in find_sirets("SIRET 7328293200O074")] == ["73282932000074"]
    assert [d for d, _, _ in find_sirets("siret 44l 555 123 00018")] == ["44155512300018"]
    assert [d for d, _, _ in find_sirens("RCS Lyon 441 555 123")] == ["441555123"]


def test_digit_runs_do_not_cut_longer_numbers():
    # A social-security number holds 14 digits in a row of groups, but is not a SIRET.
    assert find_sirets("N° sécu : 1 85 07 75 123 456 78") == []
    assert find_digit_runs("Tél. 01 23 45 67 89", 9) == []


def test_fold_keeps_every_character_in_place():
    text = "Rémunération ÉTÉ"
    assert fold(text) == "remuneration ete" and len(fold(text)) == len(text)
    assert fold("2\u202f150\u00a0€") == "2 150 €"


def test_normalize_decomposes_and_collapses_for_whole_string_matching():
    assert normalize("Fiche  de\u00a0paie d’ÉTÉ") == "fiche de paie d'ete"
    assert normalize("\ufb01che") == "fiche"  # a ligature from a PDF's text layer
