"""The synthetic generator: deterministic, valid MRZs and SIRETs, truth in the benchmark's v2 format."""
from __future__ import annotations

import datetime as dt
import io
import json
import time
import zipfile

import pdfplumber
import pytest
from PIL import Image

from synth import generate_dossier, render_piece
from synth.checksums import luhn_valid, make_siren, make_siret, mrz_check_digit, siret_valid
from synth.families import FAMILIES, FamilyFilter
from synth.truth import BLOCKING
from synth.validate import check_folder, schema_enums, truth_problems

TRUTH_KEYS = {"reference", "procedure", "procedure_source", "submitted_at", "as_of", "status", "labour_market_test",
              "pieces", "flags", "pages_total", "variant_tags", "input", "unscored_flag_codes"}
FLAG_KEYS = {"code", "severity", "piece_type", "source", "piece_type_of_piece"}
HIDDEN = (".", "__MACOSX/", "Thumbs.db", "desktop.ini")
AS_OF = dt.date(2026, 6, 15)


# The generated zones checked digit by digit (ICAO 9303 positions), apart from the reader.
def td2_valid(lines: list[str]) -> bool:
    l2 = lines[1]
    return (mrz_check_digit(l2[0:9]) == l2[9] and mrz_check_digit(l2[13:19]) == l2[19]
            and mrz_check_digit(l2[21:27]) == l2[27]
            and mrz_check_digit(l2[0:10] + l2[13:20] + l2[21:35]) == l2[35])


def td3_valid(lines: list[str]) -> bool:
    l2 = lines[1]
    return (mrz_check_digit(l2[0:9]) == l2[9] and mrz_check_digit(l2[13:19]) == l2[19]
            and mrz_check_digit(l2[21:27]) == l2[27]
            and mrz_check_digit(l2[0:10] + l2[13:20] + l2[21:43]) == l2[43])


def td1_valid(lines: list[str]) -> bool:
    l1, l2 = lines[0], lines[1]
    return (mrz_check_digit(l1[5:14]) == l1[14] and mrz_check_digit(l2[0:6]) == l2[6]
            and mrz_check_digit(l2[8:14]) == l2[14]
            and mrz_check_digit(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]) == l2[29])


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth")
    return {shape: generate_dossier(seed, shape, out, scan_ratio=0.0, as_of=AS_OF)
            for seed, shape in ((11, "folder"), (12, "zip"), (13, "merged"))}


def check_truth(truth: dict) -> None:
    piece_types, flag_codes = schema_enums()
    assert set(truth) == TRUTH_KEYS
    assert truth["procedure_source"] in ("manifest", "inferred")
    assert truth["as_of"] == AS_OF.isoformat()
    if truth["procedure_source"] == "inferred":
        assert truth["submitted_at"] == truth["as_of"]
    assert truth["unscored_flag_codes"] == []
    lmt = truth["labour_market_test"]
    if truth["procedure"] in ("introduction_salarie", "changement_statut"):
        assert lmt in ("applies", "exempt:shortage", "exempt:graduate")
    else:
        assert lmt is None
    blocking = any(f["code"] in BLOCKING for f in truth["flags"])
    assert truth["status"] == ("incomplete" if blocking else "ready_for_review")
    assert truth["pages_total"] == sum(len(p["pages"]) for p in truth["pieces"])
    for flag in truth["flags"]:
        assert set(flag) == FLAG_KEYS
        assert flag["code"] in flag_codes
        assert (flag["piece_type"] is not None) == (flag["code"] == "missing_piece")
        assert (flag["source"] is not None) == (flag["code"] == "unreadable_file")
    assert (lmt == "exempt:graduate") == any(f["code"] == "exemption_to_confirm" for f in truth["flags"])
    for piece in truth["pieces"]:
        assert {"source", "pages", "type", "fields", "tags"} <= set(piece)
        assert piece["type"] in piece_types
        assert any(t.startswith(f"family:{piece['type']}:") for t in piece["tags"])
        assert not piece["source"].startswith(HIDDEN)
        if piece["type"] == "passport":
            assert td3_valid(piece["mrz"])
        if piece["type"] == "residence_permit":
            assert td1_valid(piece["mrz"])
        if piece["type"] == "id_card":
            assert (td1_valid if len(piece["mrz"]) == 3 else td2_valid)(piece["mrz"])
    assert truth_problems(truth) == []
    json.dumps(truth)


def test_one_dossier_of_each_shape(dossiers):
    assert dossiers["folder"].path.is_dir()
    assert zipfile.is_zipfile(dossiers["zip"].path)
    assert dossiers["merged"].path.suffix == ".pdf"
    for generated in dossiers.values():
        check_truth(generated.truth)
        assert generated.truth_path.exists()
    assert check_folder(dossiers["folder"].truth_path.parent) == {}


def test_zip_members_at_root(dossiers):
    with zipfile.ZipFile(dossiers["zip"].path) as archive:
        assert all("/" not in name for name in archive.namelist() if not name.startswith("__MACOSX/"))


def test_merged_pages_match_truth(dossiers):
    truth = dossiers["merged"].truth
    with pdfplumber.open(dossiers["merged"].path) as pdf:
        assert len(pdf.pages) == truth["pages_total"]
    pieces = sorted(truth["pieces"], key=lambda p: p["pages"][0])
    assert all(a["type"] != b["type"] for a, b in zip(pieces, pieces[1:]))


@pytest.mark.parametrize("shape", ["folder", "merged"])
def test_same_seed_same_bytes(tmp_path, shape):
    a = generate_dossier(5, shape, tmp_path / "a")
    time.sleep(1.1)  # a timestamp written into the files would show
    b = generate_dossier(5, shape, tmp_path / "b")
    assert a.truth == b.truth
    assert a.files == b.files


def test_mrz_check_digits_valid():
    for seed in range(12):
        _, _, fields = render_piece("passport", seed, "photocopy")
        assert td3_valid(fields["_mrz"])
        assert len(fields["_mrz"][0]) == len(fields["_mrz"][1]) == 44


@pytest.mark.parametrize("layout", FAMILIES["id_card"])
def test_id_card_mrz_valid(layout):
    only = FamilyFilter(frozenset({f"id_card:{layout}"}))
    _, media_type, fields = render_piece("id_card", 3, "photo", only)
    assert media_type.startswith("image/")
    mrz = fields["_mrz"]
    if layout == "td2_single":
        assert len(mrz) == 2 and all(len(line) == 36 for line in mrz) and td2_valid(mrz)
    else:
        assert len(mrz) == 3 and all(len(line) == 30 for line in mrz) and td1_valid(mrz)
    assert mrz[0][:2] in ("ID", "I<")


def test_siren_and_siret_are_valid():
    import random
    rng = random.Random(3)
    for _ in range(200):
        siren = make_siren(rng)
        assert luhn_valid(siren) and siret_valid(make_siret(siren, rng))
    assert siret_valid(make_siret("356000000", rng))


def _text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_born_digital_pieces_open_with_pdfplumber():
    for piece_type in ("employment_contract", "internship_agreement", "company_registration", "payslip", "diploma",
                       "urssaf_certificate", "job_offer", "applications_statement"):
        data, media_type, fields = render_piece(piece_type, 1, "born_digital")
        assert media_type == "application/pdf"
        text = _text(data)
        assert text.strip()
        if piece_type == "employment_contract":
            assert fields["employee_surname"] in text


def _normalise(text: str) -> str:
    return "".join(text.split()).upper()


@pytest.mark.parametrize("piece_type", ["urssaf_certificate", "job_offer", "applications_statement", "diploma"])
def test_every_new_layout_prints_its_truth(piece_type):
    """Each family's born-digital text holds the truth values as printed (distractors beside them)."""
    for layout in FAMILIES[piece_type]:
        only = FamilyFilter(frozenset({f"{piece_type}:{layout}"}))
        for seed in (1, 2, 3):
            data, _, fields = render_piece(piece_type, seed, "born_digital", only)
            assert fields["_family"] == f"{piece_type}:{layout}"
            text = _normalise(_text(data))
            if piece_type == "urssaf_certificate":
                assert _normalise(fields["security_code"]) in text
                assert fields["siren"] in text.replace(" ", "")
            elif piece_type == "job_offer":
                assert _normalise(fields["offer_reference"]) in text and fields["rome_code"] in text
                assert _normalise(fields["job_title"]) in text
                assert "H/F" in text
            elif piece_type == "applications_statement":
                assert str(fields["applications_received"]) in text
            else:
                assert _normalise(fields["title"]) in text


def test_diploma_printing_only_a_year_has_no_award_date():
    only = FamilyFilter(frozenset({"diploma:diplome_session"}))
    for seed in range(4):
        _, _, fields = render_piece("diploma", seed, "born_digital", only)
        assert fields["award_date"] is None
    _, _, fields = render_piece("diploma", 1, "born_digital", FamilyFilter(frozenset({"diploma:attestation_reussite"})))
    assert fields["award_date"] is not None


def test_identity_documents_are_images():
    data, media_type, fields = render_piece("residence_permit", 2, "photo")
    assert media_type.startswith("image/")
    assert Image.open(io.BytesIO(data)).size[0] > 1000
    assert td1_valid(fields["_mrz"])


def test_family_filter():
    only = FamilyFilter.parse("job_offer:apec,urssaf_certificate:msa", None)
    assert only.allows("job_offer", "apec") and not only.allows("job_offer", "ft_page")
    assert only.allows("payslip", "plain")  # a type not named keeps all its layouts
    without = FamilyFilter.parse(None, "job_offer:apec,payslip")
    assert not without.allows("job_offer", "apec") and not without.allows("payslip", "boxed")
    assert without.allows("job_offer", "ft_page")
    with pytest.raises(ValueError):
        FamilyFilter.parse("job_offer:nope", None)


def test_excluded_families_never_generated(tmp_path):
    excluded = FamilyFilter.parse(None, "employment_contract:sections,urssaf_certificate:urssaf_letter,"
                                        "urssaf_certificate:urssaf_table")
    for seed in range(3):
        truth = generate_dossier(seed, "folder", tmp_path, scan_ratio=0.0, procedure="introduction_salarie",
                                 families=excluded).truth
        tags = {t for p in truth["pieces"] for t in p["tags"]}
        assert not tags & {"family:employment_contract:sections", "family:urssaf_certificate:urssaf_letter",
                           "family:urssaf_certificate:urssaf_table"}


def test_command_line(tmp_path, capsys):
    from synth.__main__ import main

    assert main(["generate", "--out", str(tmp_path), "--count", "2", "--seed", "3", "--shapes", "zip",
                 "--scan-ratio", "0", "--as-of", "2026-06-15", "--exclude-families", "job_offer:apec"]) == 0
    assert main(["check", str(tmp_path)]) == 0
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "truth").glob("*.json")]
    assert len(truths) == 2 and {t["as_of"] for t in truths} == {"2026-06-15"}
    assert main(["families"]) == 0
    assert "urssaf_certificate:msa" in capsys.readouterr().out.split()
