"""The generator's own reading of the v2 rules (synth/rules.py, synth/truth.py): boundaries,
agreement with the shared samples' truths, and the margins and coverage of many scenarios."""
from __future__ import annotations

import collections
import datetime as dt
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

import synth.dossier
from synth.margins import margin_problems
from synth.rendering import RenderedFile
from synth.rules import (
    add_months,
    certificate_outdated,
    convention_late,
    diploma_recent,
    exemption_threshold,
    gratification_floor,
    presence_hours,
    publication_days,
    renewal_in_window,
    salary_floor,
    weekly_from_monthly,
)
from synth.shortage import POSTCODE_RE, ROME_RE, region_of, rows_in_force, shortage_row
from synth.truth import TruthPiece, expected
from synth.validate import schema_enums
from tests.test_synth import check_truth

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "samples"
D = dt.date
V2_FLAGS = {"certificate_outdated", "certificate_not_employer", "offer_publication_insufficient",
            "convention_sent_late", "renewal_outside_window", "exemption_to_confirm"}


def test_amounts_and_hours():
    assert exemption_threshold(D(2026, 3, 1)) == Decimal("2734.55")  # 2734.545 half up
    assert exemption_threshold(D(2025, 3, 1)) == Decimal("2702.70")
    assert gratification_floor(D(2026, 9, 1), 35) == Decimal("682.50")
    assert salary_floor(D(2023, 6, 1), 35) == Decimal("1747.20")
    assert weekly_from_monthly(151.67) == 35.0 and weekly_from_monthly(169) == 39.0
    assert weekly_from_monthly(110) == 25.38
    assert round(presence_hours(24, D(2026, 8, 6), D(2026, 8, 6) + dt.timedelta(days=190)), 1) == Decimal("654.9")
    assert round(presence_hours(20, D(2026, 8, 22), D(2026, 10, 31)), 1) == Decimal("202.9")


def test_date_formulas_on_both_sides():
    assert add_months(D(2026, 8, 31), -6) == D(2026, 2, 28)
    assert certificate_outdated(D(2025, 12, 15), D(2026, 6, 15))
    assert not certificate_outdated(D(2025, 12, 16), D(2026, 6, 15))
    s = D(2026, 6, 15)
    assert publication_days(D(2026, 5, 26), D(2026, 7, 30), s) == 21
    assert publication_days(D(2025, 11, 1), D(2026, 1, 4), s) == 21  # counted from s - 6 months
    assert convention_late(D(2026, 8, 14), s) and not convention_late(D(2026, 8, 15), s)
    assert renewal_in_window(D(2026, 8, 15), s) and not renewal_in_window(D(2026, 7, 15), s)
    assert renewal_in_window(D(2026, 7, 16), s) and not renewal_in_window(D(2026, 8, 16), s)
    assert diploma_recent(D(2025, 6, 15), s) and not diploma_recent(D(2025, 6, 14), s)
    assert not diploma_recent(None, s)


def test_shortage_list_from_the_data_file():
    assert region_of("69003") == "84" and region_of("20190") == "94" and region_of("20200") == "94"
    assert region_of("97200") == "02" and rows_in_force("02", D(2026, 6, 1)) == []
    row = next(r for r in rows_in_force("84", D(2026, 6, 1)))
    rome = row.romes[0]
    assert shortage_row(rome, "69003", D(2026, 6, 1)) == row
    assert shortage_row(rome, "69003", row.valid_from - dt.timedelta(days=1)) is None
    assert shortage_row(rome, "97200", D(2026, 6, 1)) is None  # overseas: no row
    assert shortage_row(rome, "69 003", D(2026, 6, 1)) is None and shortage_row(rome, 69003, D(2026, 6, 1)) is None
    assert shortage_row("M1805", "69003", D(2026, 6, 1)) is None


def _contract(salary: float, start: str = "2026-09-10") -> TruthPiece:
    return TruthPiece("c.pdf", [1, 2], "employment_contract",
                      {"employer_name": "X", "employer_siret": "73282932000074", "employee_surname": "DIOP",
                       "employee_given_names": "Awa", "job_title": "Comptable", "contract_type": "CDI",
                       "start_date": start, "end_date": None, "weekly_hours": 35, "gross_monthly_salary": salary}, [])


def test_graduate_exemption_at_exactly_one_and_a_half_smic():
    permit = TruthPiece("p.jpg", [1], "residence_permit",
                        {"document_number": "12AB34567", "surname": "DIOP", "given_names": "AWA", "nationality": "SEN",
                         "date_of_birth": "2000-01-10", "expiry_date": "2026-12-10",
                         "permit_category": "Recherche d'emploi / création d'entreprise"}, [])
    s = D(2026, 6, 15)
    exempt = expected("changement_statut", [permit, _contract(2734.55)], s, [], False)
    assert exempt.labour_market_test == "exempt:graduate"
    assert {(f["code"], f["piece_type_of_piece"]) for f in exempt.flags} >= {("exemption_to_confirm", "residence_permit")}
    applies = expected("changement_statut", [permit, _contract(2734.54)], s, [], False)
    assert applies.labour_market_test == "applies"
    assert {f["piece_type"] for f in applies.flags if f["code"] == "missing_piece"} >= {"job_offer",
                                                                                        "applications_statement"}


def _sample_manifest(truth: dict) -> str | None:
    path = SAMPLES / "dossiers" / truth["input"]
    if path.is_dir():
        return (path / "dossier.json").read_text(encoding="utf-8") if (path / "dossier.json").exists() else None
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            return archive.read("dossier.json").decode() if "dossier.json" in archive.namelist() else None
    return None


def _flag_keys(flags: list[dict]) -> list[tuple]:
    return sorted((f["code"], f["piece_type"] or "", f["source"] or "", f["piece_type_of_piece"] or "") for f in flags)


@pytest.mark.skipif(not SAMPLES.exists(), reason="shared samples absent")
@pytest.mark.parametrize("name", sorted(p.stem for p in (SAMPLES / "truth").glob("*.json")) if SAMPLES.exists() else [])
def test_truth_agrees_with_the_shared_samples(name):
    """The shared samples' pieces as the truth prints them give the same test outcome, flags and status."""
    truth = json.loads((SAMPLES / "truth" / f"{name}.json").read_text(encoding="utf-8"))
    rome = postcode = None
    malformed = False
    manifest = _sample_manifest(truth)
    if manifest is not None:
        body = json.loads(manifest)
        rome, postcode = body.get("job_rome_code"), body.get("work_postcode")
        for value, pattern in ((rome, ROME_RE), (postcode, POSTCODE_RE)):
            malformed |= value is not None and not (isinstance(value, str) and pattern.match(value))
    pieces = [TruthPiece(p["source"], p["pages"], p["type"], p["fields"], p["tags"]) for p in truth["pieces"]]
    unreadable = [f["source"] for f in truth["flags"] if f["code"] == "unreadable_file"]
    verdict = expected(truth["procedure"], pieces, D.fromisoformat(truth["submitted_at"]), unreadable, malformed,
                       rome, postcode)
    assert verdict.labour_market_test == truth["labour_market_test"]
    assert _flag_keys(verdict.flags) == _flag_keys(truth["flags"])
    assert verdict.status == truth["status"]
    assert margin_problems(truth) == []


def _unrendered(piece, rng, scan_ratio=0.5, force_render=None, as_pdf=False):
    return RenderedFile(b"%PDF-1.4 stub", "pdf", max(len(piece.sheets), 1), "born_digital", ["render:stub"])


@pytest.fixture(scope="module")
def many_dossiers(tmp_path_factory):
    """Scenarios only: pieces are built but not drawn, so hundreds of seeds run in seconds."""
    patch = pytest.MonkeyPatch()
    patch.setattr(synth.dossier, "render_built", _unrendered)
    patch.setattr(synth.dossier, "merge_pdfs", lambda parts: b"%PDF-1.4 merged stub")
    out = tmp_path_factory.mktemp("dry")
    try:
        return [synth.dossier.generate_dossier(seed, ("folder", "zip", "merged")[seed % 3], out, violation_rate=0.9,
                                               as_of=D(2026, 6, 15)) for seed in range(360)]
    finally:
        patch.undo()


@pytest.fixture(scope="module")
def many_truths(many_dossiers):
    return [d.truth for d in many_dossiers]


def test_many_scenarios_keep_the_margins_and_the_format(many_truths):
    for truth in many_truths:
        check_truth(truth)
        assert margin_problems(truth) == [], truth["input"]


def test_every_v2_flag_and_outcome_is_generated(many_truths):
    codes = collections.Counter(f["code"] for t in many_truths for f in t["flags"])
    assert V2_FLAGS <= set(codes), codes
    assert set(codes) <= schema_enums()[1] - {"illegible_page", "unclassified_piece", "missing_field",
                                               "mrz_check_failed", "check_inconclusive"}
    outcomes = {(t["procedure"], t["labour_market_test"]) for t in many_truths}
    assert {("introduction_salarie", "applies"), ("introduction_salarie", "exempt:shortage"),
            ("changement_statut", "applies"), ("changement_statut", "exempt:shortage"),
            ("changement_statut", "exempt:graduate")} <= outcomes
    tags = {tag for t in many_truths for tag in t["variant_tags"]}
    assert {"lmt:overseas", "manifest_fields:malformed", "grounds:jobseeker", "grounds:diploma",
            "violation:renewal_below_smic_now", "hidden:mac_zip", "identity:id_card"} <= tags
    confirm = {f["piece_type_of_piece"] for t in many_truths for f in t["flags"] if f["code"] == "exemption_to_confirm"}
    assert confirm == {"residence_permit", "diploma"}


def test_internships_in_hours_of_presence(many_truths):
    """Part-time internships over 6 calendar months yet under 924 h, and full-time ones over it."""
    part_time_long = too_long = 0
    for truth in many_truths:
        for p in truth["pieces"]:
            if p["type"] != "internship_agreement":
                continue
            f = p["fields"]
            start, end = D.fromisoformat(f["start_date"]), D.fromisoformat(f["end_date"])
            hours = presence_hours(f["weekly_hours"], start, end)
            part_time_long += end > add_months(start, 6) and hours <= 924
            too_long += hours > 924
    assert part_time_long and too_long


def test_mac_zips_hold_hidden_entries_that_the_truth_ignores(many_dossiers):
    mac = [d for d in many_dossiers if "hidden:mac_zip" in d.truth["variant_tags"]]
    assert mac
    for dossier in mac:
        with zipfile.ZipFile(dossier.path) as archive:
            names = archive.namelist()
        companions = [n for n in names if n.startswith("__MACOSX/._")]
        assert ".DS_Store" in names and companions
        assert all(n.removeprefix("__MACOSX/._") in names for n in companions)
        assert all(len(dossier.files[n]) == 4096 for n in companions)
        sources = {p["source"] for p in dossier.truth["pieces"]}
        assert not sources & ({".DS_Store"} | set(companions))


def test_manifest_variants(many_truths):
    seen = set()
    for truth in many_truths:
        tags = set(truth["variant_tags"])
        codes = [f["code"] for f in truth["flags"]]
        if "manifest_fields:malformed" in tags:  # the field is ignored, the rest of the manifest counts
            assert truth["procedure_source"] == "manifest" and codes.count("invalid_manifest") == 1
            seen.add("malformed")
        if any(t.startswith("invalid_manifest:") for t in tags):  # unusable: as if there were none
            assert truth["procedure_source"] == "inferred" and truth["submitted_at"] == truth["as_of"]
            assert codes.count("invalid_manifest") == 1
            seen.add("unusable")
        if truth["procedure_source"] == "manifest" and truth["submitted_at"] != truth["as_of"]:
            seen.add("declared_date")
    assert seen == {"malformed", "unusable", "declared_date"}
