"""The synthetic generator: deterministic, valid MRZs and SIRETs, truth in the benchmark's format."""
from __future__ import annotations

import io
import json
import zipfile

import pdfplumber
import pytest
from PIL import Image

from synth import generate_dossier, render_piece
from synth.checksums import luhn_valid, make_siren, make_siret, siret_valid
from synth.mrz import td1_valid, td3_valid
from synth.truth import BLOCKING

TRUTH_KEYS = {"reference", "procedure", "procedure_source", "submitted_at", "status", "pieces", "flags",
              "pages_total", "variant_tags", "input", "unscored_flag_codes"}
FLAG_KEYS = {"code", "severity", "piece_type", "source", "piece_type_of_piece"}


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth")
    return {shape: generate_dossier(seed, shape, out, scan_ratio=0.0)
            for seed, shape in ((11, "folder"), (12, "zip"), (13, "merged"))}


def check_truth(truth: dict) -> None:
    assert set(truth) == TRUTH_KEYS
    assert truth["procedure_source"] in ("manifest", "inferred")
    assert (truth["submitted_at"] is None) == (truth["procedure_source"] == "inferred")
    blocking = any(f["code"] in BLOCKING for f in truth["flags"])
    assert truth["status"] == ("incomplete" if blocking else "ready_for_review")
    assert truth["pages_total"] == sum(len(p["pages"]) for p in truth["pieces"])
    for flag in truth["flags"]:
        assert set(flag) == FLAG_KEYS
        assert (flag["piece_type"] is not None) == (flag["code"] == "missing_piece")
        assert (flag["source"] is not None) == (flag["code"] == "unreadable_file")
    for piece in truth["pieces"]:
        assert {"source", "pages", "type", "fields", "tags"} <= set(piece)
        if piece["type"] == "passport":
            assert td3_valid(piece["mrz"])
        if piece["type"] == "residence_permit":
            assert td1_valid(piece["mrz"])
    json.dumps(truth)


def test_one_dossier_of_each_shape(dossiers):
    assert dossiers["folder"].path.is_dir()
    assert zipfile.is_zipfile(dossiers["zip"].path)
    assert dossiers["merged"].path.suffix == ".pdf"
    for generated in dossiers.values():
        check_truth(generated.truth)
        assert generated.truth_path.exists()


def test_zip_members_at_root(dossiers):
    with zipfile.ZipFile(dossiers["zip"].path) as archive:
        assert all("/" not in name for name in archive.namelist())


def test_merged_pages_match_truth(dossiers):
    truth = dossiers["merged"].truth
    with pdfplumber.open(dossiers["merged"].path) as pdf:
        assert len(pdf.pages) == truth["pages_total"]
    pieces = sorted(truth["pieces"], key=lambda p: p["pages"][0])
    assert all(a["type"] != b["type"] for a, b in zip(pieces, pieces[1:]))


def test_same_seed_same_truth(tmp_path):
    a = generate_dossier(5, "folder", tmp_path / "a")
    b = generate_dossier(5, "folder", tmp_path / "b")
    assert a.truth == b.truth
    assert a.files.keys() == b.files.keys()


def test_mrz_check_digits_valid():
    for seed in range(12):
        _, _, fields = render_piece("passport", seed, "photocopy")
        assert td3_valid(fields["_mrz"])
        assert len(fields["_mrz"][0]) == len(fields["_mrz"][1]) == 44


def test_siren_and_siret_are_valid():
    import random
    rng = random.Random(3)
    for _ in range(200):
        siren = make_siren(rng)
        assert luhn_valid(siren) and siret_valid(make_siret(siren, rng))
    assert siret_valid(make_siret("356000000", rng))


def test_born_digital_pieces_open_with_pdfplumber():
    for piece_type in ("employment_contract", "internship_agreement", "company_registration", "payslip", "diploma"):
        data, media_type, fields = render_piece(piece_type, 1, "born_digital")
        assert media_type == "application/pdf"
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        assert text.strip()
        if piece_type == "employment_contract":
            assert len(pdf.pages) == 2
            assert fields["employee_surname"] in text


def test_identity_documents_are_images():
    data, media_type, fields = render_piece("residence_permit", 2, "photo")
    assert media_type.startswith("image/")
    assert Image.open(io.BytesIO(data)).size[0] > 1000
    assert td1_valid(fields["_mrz"])
