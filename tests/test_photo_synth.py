"""synth: phone photos of documents (issue 9, point 5) — drawn with a probability, tagged in the
truth, the same bytes for the same seed, the page visible whole in the frame."""
from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image

from synth import generate_dossier, render_piece
from synth.api import render_piece_file
from synth.families import FamilyFilter
from synth.photo import photograph_page
from synth.validate import check_folder


def test_a_photographed_document_is_a_colour_photo_tagged_in_the_truth():
    rendered, fields = render_piece_file("payslip", 7, "photo")
    assert rendered.render == "photo"
    assert {"render:photo", "photo", "photo:page", "color:rgb"} <= set(rendered.tags)
    assert any(t.startswith("light:") for t in rendered.tags)
    assert rendered.ext in ("jpg", "png", "pdf")
    assert render_piece("payslip", 7, "photo")[0] == rendered.data  # same seed, same bytes


def test_a_multi_page_document_is_one_pdf_of_photos():
    two_pages = FamilyFilter(frozenset({"employment_contract:sections"}))  # newer families may fit one page
    rendered, _ = render_piece_file("employment_contract", 3, "photo", two_pages)
    assert rendered.ext == "pdf" and rendered.pages >= 2


def test_the_whole_page_is_in_the_frame_on_a_darker_background():
    page = Image.new("RGB", (1654, 2339), (255, 255, 255))
    for seed in range(3):
        image, tags = photograph_page(page, random.Random(seed))
        gray = np.asarray(image.convert("L"), dtype=np.float32)
        h, w = gray.shape
        ring = np.concatenate([gray[:10].ravel(), gray[-10:].ravel(), gray[:, :10].ravel(), gray[:, -10:].ravel()])
        centre = gray[h // 3: 2 * h // 3, w // 3: 2 * w // 3]
        assert np.median(ring) < 0.85 * np.percentile(centre, 90), tags  # the surround shows all round
        paper = gray > np.percentile(ring, 99) + 10
        assert 0.3 < paper.mean() < 0.8, tags  # the page neither lost in the frame nor cut


def test_photos_drawn_with_their_ratio_and_tagged_on_the_dossier(tmp_path):
    photographed = generate_dossier(5, "folder", tmp_path / "a", procedure="stage", scan_ratio=1.0, photo_ratio=1.0)
    documents = [p for p in photographed.truth["pieces"] if p["type"] not in ("passport", "id_card")]
    assert documents and all("photo:page" in p["tags"] for p in documents)
    assert "photo" in photographed.truth["variant_tags"]
    assert check_folder(tmp_path / "a" / "truth") == {}
    scanned = generate_dossier(5, "folder", tmp_path / "b", procedure="stage", scan_ratio=1.0, photo_ratio=0.0)
    assert not any("photo:page" in p["tags"] for p in scanned.truth["pieces"])
    assert "photo" not in scanned.truth["variant_tags"]


def test_a_jpeg_photo_decodes_to_its_frame_size():
    data, media_type, _ = render_piece("job_offer", 11, "photo")
    if media_type == "image/jpeg":
        image = Image.open(io.BytesIO(data))
        assert image.mode == "RGB" and max(image.size) >= 2000
