"""The shortage list and the regions table: the project's copies, postcodes, the list in force."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

import validators
from validators import DataFileError, departement_of, load_regions, load_shortage_list
from validators.shortage import REGIONS_FILE_ENV, SHORTAGE_COLUMNS, SHORTAGE_FILE_ENV

DATA = Path(validators.__file__).parent / "data"
SPEC_DATA = Path(__file__).resolve().parents[2] / "shared" / "spec" / "data"
HEADER = ",".join(SHORTAGE_COLUMNS)


def row(valid_from: str, region: str, fap: str, romes: str, source: str = "arrêté du 21 mai 2025, annexe I") -> str:
    return f'{valid_from},{region},Région {region},{fap},Famille {fap},{romes},"{source}"'


def write_list(tmp_path: Path, *rows: str, name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.skipif(not SPEC_DATA.is_dir(), reason="../shared/spec/data not available")
@pytest.mark.parametrize("name", ["regions.csv", "shortage-occupations.csv"])
def test_project_copy_is_identical_to_the_spec(name: str) -> None:
    """The project loads its own copy; when the spec's changes, copy it over (README)."""
    assert (DATA / name).read_bytes() == (SPEC_DATA / name).read_bytes()


class TestDepartement:
    @pytest.mark.parametrize(("postcode", "expected"), [
        ("69003", "69"), ("01000", "01"), ("75001", "75"), ("33000", "33"), ("95880", "95"),
        ("20000", "2A"), ("20090", "2A"), ("20167", "2A"), ("20199", "2A"),  # Corse-du-Sud
        ("20200", "2B"), ("20290", "2B"), ("20600", "2B"), ("20699", "2B"),  # Haute-Corse
        ("97100", "971"), ("97200", "972"), ("97300", "973"), ("97400", "974"), ("97600", "976"),
    ])
    def test_postcode_gives_its_departement(self, postcode: str, expected: str) -> None:
        assert departement_of(postcode) == expected

    @pytest.mark.parametrize("postcode", ["2070O", "6900", "690030", "69 003", "", "20700"])
    def test_malformed_or_out_of_range(self, postcode: str) -> None:
        assert departement_of(postcode) is None

    @pytest.mark.parametrize(("postcode", "region"), [
        ("20000", "94"), ("20200", "94"), ("97100", "01"), ("97400", "04"), ("97600", "06"),
        ("63100", "84"), ("33000", "75"), ("75015", "11"),
    ])
    def test_region_of_a_postcode(self, postcode: str, region: str) -> None:
        _, found = load_regions().of_postcode(postcode)
        assert found is not None and found.code == region

    def test_departement_outside_the_table_has_no_region(self) -> None:
        # Saint-Pierre-et-Miquelon (975) is not in regions.csv: on no list
        assert load_regions().of_postcode("97500") == ("975", None)


class TestListInForce:
    def test_latest_rows_not_after_the_date_replace_the_older_ones(self, tmp_path: Path) -> None:
        shortage = load_shortage_list(write_list(
            tmp_path,
            row("2024-01-01", "84", "A0Z40", "A1101"),
            row("2025-05-23", "84", "T2A60", "K1302 K1305"),
            row("2025-05-23", "84", "J0Z60", "J1501"),
        ))
        valid_from, rows = shortage.in_force("84", dt.date(2025, 5, 22))
        assert valid_from == dt.date(2024, 1, 1) and [r.fap_code for r in rows] == ["A0Z40"]
        valid_from, rows = shortage.in_force("84", dt.date(2025, 5, 23))
        assert valid_from == dt.date(2025, 5, 23) and [r.fap_code for r in rows] == ["T2A60", "J0Z60"]
        assert rows[0].rome_codes == frozenset({"K1302", "K1305"})

    def test_another_regions_newer_rows_do_not_replace_them(self, tmp_path: Path) -> None:
        shortage = load_shortage_list(write_list(
            tmp_path, row("2025-05-23", "84", "T2A60", "K1302"), row("2026-01-01", "11", "T2A60", "K1302"),
        ))
        assert shortage.in_force("84", dt.date(2026, 6, 1))[0] == dt.date(2025, 5, 23)

    def test_before_any_row_no_list(self, tmp_path: Path) -> None:
        shortage = load_shortage_list(write_list(tmp_path, row("2025-05-23", "84", "T2A60", "K1302")))
        assert shortage.in_force("84", dt.date(2025, 5, 22)) == (None, ())
        assert shortage.in_force("01", dt.date(2026, 1, 1)) == (None, ())

    def test_packaged_list_names_no_overseas_region(self) -> None:
        assert all(r.region_code not in {"01", "02", "03", "04", "06"} for r in load_shortage_list().rows)

    def test_environment_variables_point_to_other_files(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(SHORTAGE_FILE_ENV, str(write_list(tmp_path, row("2025-01-01", "99", "X0Z00", "X1234"))))
        regions = tmp_path / "regions.csv"
        regions.write_text("departement,region_code,region_name\n69,99,Test\n", encoding="utf-8")
        monkeypatch.setenv(REGIONS_FILE_ENV, str(regions))
        assert [r.region_code for r in load_shortage_list().rows] == ["99"]
        assert load_regions().of_postcode("69003")[1].code == "99"  # type: ignore[union-attr]


    def test_edited_in_place_is_read_again(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        path = write_list(tmp_path, row("2025-05-23", "84", "T2A60", "K1302"))
        monkeypatch.setenv(SHORTAGE_FILE_ENV, str(path))
        assert len(load_shortage_list().rows) == 1
        write_list(tmp_path, row("2025-05-23", "84", "T2A60", "K1302"), row("2025-05-23", "84", "J0Z60", "J1501"))
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
        assert [r.fap_code for r in load_shortage_list().rows] == ["T2A60", "J0Z60"]


class TestMalformedList:
    @pytest.mark.parametrize(("line", "message"), [
        (row("23/05/2025", "84", "T2A60", "K1302"), "valid_from"),
        (row("2025-05-23", "84", "T2A60", "K13O2"), "codes ROME invalides"),
        (row("2025-05-23", "84", "T2A60", ""), "codes ROME invalides"),
        (row("2025-05-23", "84", "T2A60", "K1302", source=""), "source vide"),
        (row("2025-05-23", "", "T2A60", "K1302"), "region_code"),
    ])
    def test_a_bad_row_is_named_with_its_line(self, tmp_path: Path, line: str, message: str) -> None:
        path = write_list(tmp_path, row("2025-05-23", "84", "T2A60", "K1302"), line)
        with pytest.raises(DataFileError, match=message) as error:
            load_shortage_list(path)
        assert "ligne 3" in str(error.value)

    def test_missing_column(self, tmp_path: Path) -> None:
        path = tmp_path / "list.csv"
        path.write_text("valid_from,region_code,rome_codes\n2025-05-23,84,K1302\n", encoding="utf-8")
        with pytest.raises(DataFileError, match="colonnes manquantes"):
            load_shortage_list(path)

    def test_blank_lines_are_ignored(self, tmp_path: Path) -> None:
        path = write_list(tmp_path, row("2025-05-23", "84", "T2A60", "K1302"), "", ",,,,,,")
        assert len(load_shortage_list(path).rows) == 1

    def test_duplicate_departement(self, tmp_path: Path) -> None:
        path = tmp_path / "regions.csv"
        path.write_text("departement,region_code,region_name\n69,84,A\n69,11,B\n", encoding="utf-8")
        with pytest.raises(DataFileError, match="en double"):
            load_regions(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(DataFileError, match="introuvable"):
            load_shortage_list(tmp_path / "absent.csv")
