"""The shortage list (métiers en tension) and the département → region table.

Both are administrator data, copies of ../shared/spec/data/ kept identical by a test:
validators/data/shortage-occupations.csv ($DOSSIERS_SHORTAGE_LIST_FILE) and
validators/data/regions.csv ($DOSSIERS_REGIONS_FILE), re-read when they change.
Nothing here knows any particular family or region: a row added to the file is a
decision changed, with no code change.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from validators.data_files import DataFileError, load_table, read_text

SHORTAGE_FILE = "shortage-occupations.csv"
SHORTAGE_FILE_ENV = "DOSSIERS_SHORTAGE_LIST_FILE"
REGIONS_FILE = "regions.csv"
REGIONS_FILE_ENV = "DOSSIERS_REGIONS_FILE"

SHORTAGE_COLUMNS = ("valid_from", "region_code", "region_name", "fap_code", "fap_label", "rome_codes", "source")
REGIONS_COLUMNS = ("departement", "region_code", "region_name")
ROME_CODE = re.compile(r"^[A-Z][0-9]{4}$")
POSTCODE = re.compile(r"^[0-9]{5}$")


@dataclass(frozen=True)
class Region:
    code: str
    name: str


@dataclass(frozen=True)
class ShortageRow:
    valid_from: dt.date
    region_code: str
    region_name: str
    fap_code: str
    fap_label: str
    rome_codes: frozenset[str]
    source: str
    line: int  # in the file, for the agent and the administrator


@dataclass(frozen=True)
class ShortageList:
    rows: tuple[ShortageRow, ...]

    def in_force(self, region_code: str, on: dt.date) -> tuple[dt.date | None, tuple[ShortageRow, ...]]:
        """The list of a region on a date: its rows with the latest valid_from not after it
        (another region's newer rows do not replace them). (None, ()) when it has none."""
        dates = [row.valid_from for row in self.rows if row.region_code == region_code and row.valid_from <= on]
        if not dates:
            return None, ()
        latest = max(dates)
        return latest, tuple(r for r in self.rows if r.region_code == region_code and r.valid_from == latest)


@dataclass(frozen=True)
class Regions:
    by_departement: dict[str, Region]

    def of_postcode(self, postcode: str) -> tuple[str | None, Region | None]:
        """(département, region) of a work postcode; the region is None outside the table."""
        departement = departement_of(postcode)
        if departement is None:
            return None, None
        return departement, self.by_departement.get(departement)


def departement_of(postcode: str) -> str | None:
    """First two digits, three for overseas (97xxx); Corsica 200xx-201xx is 2A, 202xx-206xx 2B.
    None for a malformed postcode (or a Corsican one outside those ranges)."""
    if not POSTCODE.match(postcode or ""):
        return None
    if postcode.startswith("97"):
        return postcode[:3]
    if postcode.startswith("20"):
        third = postcode[2]
        return "2A" if third in "01" else "2B" if third in "23456" else None
    return postcode[:2]


def load_shortage_list(path: Path | None = None) -> ShortageList:
    return load_table(SHORTAGE_FILE, SHORTAGE_FILE_ENV, _parse_shortage, path)


def load_regions(path: Path | None = None) -> Regions:
    return load_table(REGIONS_FILE, REGIONS_FILE_ENV, _parse_regions, path)


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(read_text(path).lstrip("\ufeff")))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise DataFileError(f"{path} : colonnes manquantes {missing} (attendues : {', '.join(columns)}).")
    rows = []
    for row in reader:
        if not any((value or "").strip() for value in row.values()):
            continue  # a blank line an editor left
        rows.append((reader.line_num, {c: (row.get(c) or "").strip() for c in columns}))
    return rows


def _parse_shortage(path: Path) -> ShortageList:
    rows = []
    for line, row in _rows(path, SHORTAGE_COLUMNS):
        where = f"{path}, ligne {line}"
        try:
            valid_from = dt.date.fromisoformat(row["valid_from"])
        except ValueError:
            raise DataFileError(f"{where} : valid_from {row['valid_from']!r} invalide (format AAAA-MM-JJ).") from None
        codes = row["rome_codes"].split()
        bad = [code for code in codes if not ROME_CODE.match(code)]
        if not codes or bad:
            raise DataFileError(f"{where} : codes ROME invalides {bad or codes!r} (ex. « K1302 K1305 », séparés par des espaces).")
        for column in ("region_code", "fap_code"):
            if not row[column]:
                raise DataFileError(f"{where} : colonne {column} vide.")
        if not row["source"]:
            raise DataFileError(f"{where} : colonne source vide : chaque ligne doit citer le texte dont elle vient.")
        rows.append(ShortageRow(valid_from, row["region_code"], row["region_name"], row["fap_code"],
                                row["fap_label"], frozenset(codes), row["source"], line))
    return ShortageList(tuple(rows))


def _parse_regions(path: Path) -> Regions:
    by_departement: dict[str, Region] = {}
    for line, row in _rows(path, REGIONS_COLUMNS):
        if not row["departement"] or not row["region_code"]:
            raise DataFileError(f"{path}, ligne {line} : département ou code région vide.")
        if row["departement"] in by_departement:
            raise DataFileError(f"{path}, ligne {line} : département {row['departement']} en double.")
        by_departement[row["departement"]] = Region(row["region_code"], row["region_name"])
    return Regions(by_departement)
