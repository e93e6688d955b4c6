"""The shortage list and the département -> region table, read at generation time from the
project's copy (or the spec's): an administrator adding rows changes the scenarios too, and
no occupational family is assumed here."""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEARCH = (ROOT / "validators" / "data", ROOT.parent / "shared" / "spec" / "data")
ROME_RE = re.compile(r"^[A-Z][0-9]{4}$")
POSTCODE_RE = re.compile(r"^[0-9]{5}$")


@dataclass(frozen=True)
class ShortageRow:
    valid_from: dt.date
    region: str
    family: str
    label: str
    romes: tuple[str, ...]


def _data_file(name: str) -> Path:
    for folder in SEARCH:
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(f"{name} not found in {[str(s) for s in SEARCH]}")


@lru_cache(maxsize=1)
def shortage_rows() -> tuple[ShortageRow, ...]:
    with _data_file("shortage-occupations.csv").open(encoding="utf-8") as handle:
        return tuple(ShortageRow(dt.date.fromisoformat(r["valid_from"]), r["region_code"].strip(), r["fap_code"],
                                 r["fap_label"], tuple(r["rome_codes"].split()))
                     for r in csv.DictReader(handle))


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """département -> region code."""
    with _data_file("regions.csv").open(encoding="utf-8") as handle:
        return {r["departement"].strip(): r["region_code"].strip() for r in csv.DictReader(handle)}


def departement(postcode: str) -> str:
    if postcode.startswith("97"):
        return postcode[:3]
    if postcode.startswith("20"):
        return "2A" if postcode[:3] in ("200", "201") else "2B"
    return postcode[:2]


def region_of(postcode: str) -> str | None:
    return regions().get(departement(postcode))


def rows_in_force(region: str | None, day: dt.date) -> list[ShortageRow]:
    """The region's rows with the latest valid_from not after `day`."""
    mine = [r for r in shortage_rows() if r.region == region and r.valid_from <= day]
    if not mine:
        return []
    latest = max(r.valid_from for r in mine)
    return [r for r in mine if r.valid_from == latest]


def shortage_row(rome: str | None, postcode: str | None, day: dt.date) -> ShortageRow | None:
    """The row that exempts the job, when both manifest fields are well formed."""
    if not (isinstance(rome, str) and ROME_RE.match(rome) and isinstance(postcode, str) and POSTCODE_RE.match(postcode)):
        return None
    return next((r for r in rows_in_force(region_of(postcode), day) if rome in r.romes), None)


def departements_of(region: str) -> list[str]:
    return sorted(d for d, r in regions().items() if r == region)
