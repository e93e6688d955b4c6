"""The administrator-editable tables: legal amounts and procedures."""
from __future__ import annotations

import datetime as dt
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

import validators
from models.domain import PieceType
from models.errors import ProcessingError
from validators import (
    INTERN_HOURLY_MINIMUM,
    LEGAL_AMOUNTS_FILE_ENV,
    PROCEDURES_FILE_ENV,
    SMIC_MONTHLY_35H,
    DataFileError,
    amount_in_force,
    load_legal_amounts,
    load_procedures,
)
from validators.legal_amounts import AmountNotInForce
from validators.procedure_table import LabourMarketTest


def write_json(tmp_path: Path, content: object, name: str = "table.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


class TestLegalAmounts:
    @pytest.mark.parametrize(("name", "on", "expected"), [
        (SMIC_MONTHLY_35H, dt.date(2023, 1, 1), "1709.28"),
        (SMIC_MONTHLY_35H, dt.date(2023, 4, 30), "1709.28"),
        (SMIC_MONTHLY_35H, dt.date(2023, 5, 1), "1747.20"),
        (SMIC_MONTHLY_35H, dt.date(2023, 12, 31), "1747.20"),
        (SMIC_MONTHLY_35H, dt.date(2024, 1, 1), "1766.92"),
        (SMIC_MONTHLY_35H, dt.date(2024, 10, 31), "1766.92"),
        (SMIC_MONTHLY_35H, dt.date(2024, 11, 1), "1801.80"),
        (SMIC_MONTHLY_35H, dt.date(2025, 12, 31), "1801.80"),
        (SMIC_MONTHLY_35H, dt.date(2026, 1, 1), "1823.03"),
        (SMIC_MONTHLY_35H, dt.date(2030, 6, 1), "1823.03"),
        (INTERN_HOURLY_MINIMUM, dt.date(2024, 1, 1), "4.35"),
        (INTERN_HOURLY_MINIMUM, dt.date(2025, 12, 31), "4.35"),
        (INTERN_HOURLY_MINIMUM, dt.date(2026, 1, 1), "4.50"),
    ])
    def test_value_in_force_on_a_date(self, name: str, on: dt.date, expected: str) -> None:
        value = amount_in_force(name, on)
        assert value == Decimal(expected)
        assert isinstance(value, Decimal)

    def test_exact_cents_are_kept(self) -> None:
        assert str(amount_in_force(SMIC_MONTHLY_35H, dt.date(2025, 1, 1))) == "1801.80"

    def test_before_the_first_value_is_an_error(self) -> None:
        with pytest.raises(AmountNotInForce, match="2022-12-31"):
            amount_in_force(SMIC_MONTHLY_35H, dt.date(2022, 12, 31))

    def test_row_in_force_says_since_when(self) -> None:
        row = load_legal_amounts().row_in_force(SMIC_MONTHLY_35H, dt.date(2026, 6, 15))
        assert (row.valid_from, row.value) == (dt.date(2026, 1, 1), Decimal("1823.03"))

    def test_environment_variable_points_to_another_table(self, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
        path = write_json(tmp_path, {SMIC_MONTHLY_35H: [{"from": "2027-01-01", "value": "1850.00"}]})
        monkeypatch.setenv(LEGAL_AMOUNTS_FILE_ENV, str(path))
        assert amount_in_force(SMIC_MONTHLY_35H, dt.date(2027, 2, 1)) == Decimal("1850.00")

    def test_january_row_added_by_an_administrator_is_read_without_restart(
            self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        packaged = json.loads((Path(validators.__file__).parent / "data" / "legal_amounts.json").read_text("utf-8"))
        path = write_json(tmp_path, packaged)
        monkeypatch.setenv(LEGAL_AMOUNTS_FILE_ENV, str(path))
        assert amount_in_force(SMIC_MONTHLY_35H, dt.date(2027, 1, 15)) == Decimal("1823.03")
        packaged[SMIC_MONTHLY_35H].append({"from": "2027-01-01", "value": 1850.10})
        write_json(tmp_path, packaged)
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
        assert amount_in_force(SMIC_MONTHLY_35H, dt.date(2027, 1, 15)) == Decimal("1850.10")
        assert amount_in_force(SMIC_MONTHLY_35H, dt.date(2026, 12, 31)) == Decimal("1823.03")

    def test_unknown_amount_is_a_data_error(self) -> None:
        with pytest.raises(DataFileError, match="smic_horaire"):
            amount_in_force("smic_horaire", dt.date(2026, 1, 1))

    def test_custom_file_entries_need_not_be_sorted(self, tmp_path: Path) -> None:
        path = write_json(tmp_path, {"x": [{"from": "2026-01-01", "value": 2}, {"from": "2025-01-01", "value": "1.5"}]})
        amounts = load_legal_amounts(path)
        assert amounts.in_force("x", dt.date(2025, 6, 1)) == Decimal("1.5")
        assert amount_in_force("x", dt.date(2026, 6, 1), amounts) == Decimal(2)

    @pytest.mark.parametrize(("content", "message"), [
        ([1, 2], "objet JSON"),
        ({"x": []}, "liste non vide"),
        ({"x": {"from": "2026-01-01", "value": 1}}, "liste non vide"),
        ({"x": [{"from": "2026-01-01"}]}, "chaque entrée"),
        ({"x": [{"from": "2026-01-01", "value": 1, "note": "?"}]}, "chaque entrée"),
        ({"x": [{"from": "01/01/2026", "value": 1}]}, "date '01/01/2026' invalide"),
        ({"x": [{"from": "2026-01-01", "value": "1801,80"}]}, "valeur '1801,80' invalide"),
        ({"x": [{"from": "2026-01-01", "value": -1}]}, "invalide"),
        ({"x": [{"from": "2026-01-01", "value": True}]}, "invalide"),
        ({"x": [{"from": "2026-01-01", "value": 1}, {"from": "2026-01-01", "value": 2}]}, "même date"),
    ])
    def test_malformed_table_says_what_is_wrong(self, tmp_path: Path, content: object, message: str) -> None:
        path = write_json(tmp_path, content)
        with pytest.raises(DataFileError, match=message) as error:
            load_legal_amounts(path)
        assert str(path) in str(error.value)

    def test_invalid_json_gives_line_and_column(self, tmp_path: Path) -> None:
        path = tmp_path / "broken.json"
        path.write_text('{\n  "x": [\n    {"from": "2026-01-01", "value": 1,}\n  ]\n}', encoding="utf-8")
        with pytest.raises(DataFileError, match="JSON invalide ligne 3"):
            load_legal_amounts(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(DataFileError, match="introuvable"):
            load_legal_amounts(tmp_path / "absent.json")

    def test_data_errors_are_processing_errors(self) -> None:
        # so the pipeline marks the dossier failed (to rerun once the table is fixed)
        assert issubclass(DataFileError, ProcessingError)


class TestProcedureTable:
    def test_packaged_table(self) -> None:
        table = load_procedures()
        assert set(table.names()) == {"introduction_salarie", "changement_statut", "renouvellement", "stage"}
        required = {name: [r.alternatives for r in table.procedures[name].required] for name in table.names()}
        identity = (PieceType.passport, PieceType.id_card)
        assert required["introduction_salarie"] == [
            identity, (PieceType.employment_contract,), (PieceType.urssaf_certificate,),
        ]
        assert required["changement_statut"] == [
            identity, (PieceType.residence_permit,), (PieceType.employment_contract,),
            (PieceType.diploma,), (PieceType.urssaf_certificate,),
        ]
        assert required["renouvellement"] == [
            identity, (PieceType.residence_permit,), (PieceType.employment_contract,),
            (PieceType.payslip,), (PieceType.urssaf_certificate,),
        ]
        assert required["stage"] == [identity, (PieceType.internship_agreement,)]
        # a registration extract is required nowhere
        assert all(PieceType.company_registration not in alternatives
                   for requirements in required.values() for alternatives in requirements)

    def test_labour_market_test_is_data(self) -> None:
        table = load_procedures()
        tests = {name: table.procedures[name].labour_market_test for name in table.names()}
        pieces = (PieceType.job_offer, PieceType.applications_statement)
        assert tests["introduction_salarie"] == LabourMarketTest(pieces, ("shortage",))
        assert tests["changement_statut"] == LabourMarketTest(pieces, ("shortage", "graduate"))
        assert tests["renouvellement"] is None and tests["stage"] is None

    def test_identity_reports_a_passport(self) -> None:
        identity = load_procedures().procedures["stage"].required[0]
        assert identity.reported_type == PieceType.passport
        assert identity.is_met_by({PieceType.id_card})
        assert not identity.is_met_by({PieceType.residence_permit})

    def test_environment_variable_points_to_another_table(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        path = write_json(tmp_path, {
            "_comment": "ignored",
            "saisonnier": {"label": "travail saisonnier", "required": ["passport", {"one_of": ["employment_contract", "payslip"]}]},
        })
        monkeypatch.setenv(PROCEDURES_FILE_ENV, str(path))
        table = load_procedures()
        assert table.names() == ("saisonnier",)
        assert table.procedures["saisonnier"].label == "travail saisonnier"

    def test_edited_file_is_read_again(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        path = write_json(tmp_path, {"a": {"required": ["passport"]}})
        monkeypatch.setenv(PROCEDURES_FILE_ENV, str(path))
        assert load_procedures().names() == ("a",)
        write_json(tmp_path, {"a": {"required": ["passport"]}, "b": {"required": ["cv"]}})
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
        assert load_procedures().names() == ("a", "b")

    def test_environment_variable_to_a_missing_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(PROCEDURES_FILE_ENV, str(tmp_path / "absent.json"))
        with pytest.raises(DataFileError, match="absent.json"):
            load_procedures()

    def test_label_defaults_to_the_name(self, tmp_path: Path) -> None:
        table = load_procedures(write_json(tmp_path, {"talent": {"required": ["passport"]}}))
        assert table.procedures["talent"].label == "talent"

    @pytest.mark.parametrize(("content", "message"), [
        ({}, "aucune procédure"),
        ({"Stage": {"required": ["passport"]}}, "nom invalide"),
        ({"unknown": {"required": ["passport"]}}, "nom invalide"),
        ({"stage": ["passport"]}, "required"),
        ({"stage": {"required": "passport"}}, "required"),
        ({"stage": {"required": ["passeport"]}}, "type de pièce inconnu 'passeport'"),
        ({"stage": {"required": [{"one_of": []}]}}, "exigence"),
        ({"stage": {"required": [{"any_of": ["cv"]}]}}, "exigence"),
        ({"stage": {"required": [["cv", "diploma"]]}}, "exigence"),
        ({"stage": {"required": ["passport"], "requis": []}}, "clés inconnues"),
        ({"stage": {"required": ["passport"], "label": ""}}, "label"),
        ({"stage": {"required": ["passport"], "labour_market_test": True}}, "labour_market_test"),
        ({"stage": {"required": ["passport"], "labour_market_test": {"required": ["job_offer"],
                                                                    "exemptions": ["talent"]}}}, "talent"),
        ({"stage": {"required": ["passport"], "labour_market_test": {"required": ["offre"]}}}, "inconnu 'offre'"),
        ({"stage": {"required": ["passport"], "labour_market_test": {"pieces": []}}}, "labour_market_test"),
    ])
    def test_malformed_table_says_what_is_wrong(self, tmp_path: Path, content: object, message: str) -> None:
        path = write_json(tmp_path, content)
        with pytest.raises(DataFileError, match=message):
            load_procedures(path)
