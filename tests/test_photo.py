"""extractors.photo: phone photos of pages are found, rectified and evenly lit; scans and
rendered pages pass untouched. Images are drawn here; OCR is the real tesseract."""
from __future__ import annotations

import datetime as dt
import subprocess
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors import photo
from extractors.limits import Limits
from extractors.raster import load_frame
from pipeline.process import process_dossier
from synth import render_piece
from tests.golden import same_value

WORDS = ["CONTRAT", "TRAVAIL", "EMPLOYEUR", "SALARIE", "REMUNERATION", "PERIODE", "ESSAI", "DUREE",
         "HORAIRES", "CONGES", "SIGNATURE", "ARTICLE"]


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype("DejaVuSans.ttf", size)


def page(width: int = 1240, height: int = 1754, seed: int = 0) -> np.ndarray:
    """A white A4 page at 150 dpi with lines of known words."""
    rng = np.random.default_rng(seed)
    image = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(image)
    for i, y in enumerate(range(150, height - 150, 70)):
        words = [WORDS[(i + k) % len(WORDS)] for k in range(3)] + [f"{rng.integers(1000, 9999)}"]
        draw.text((110, y), "  ".join(words), font=_font(30), fill=20)
    return np.asarray(image)


def photographed(sheet: np.ndarray, corners: np.ndarray, frame: tuple[int, int], dark: int = 90,
                 gradient: float = 0.6) -> np.ndarray:
    """The sheet laid at `corners` on a dark cloth, lit from one side."""
    h, w = sheet.shape
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    fw, fh = frame
    warped = cv2.warpPerspective(sheet, matrix, (fw, fh), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones_like(sheet, np.float32), matrix, (fw, fh))
    cloth = dark + np.random.default_rng(1).normal(0, 8, (fh, fw))
    image = cloth * (1 - mask) + warped * mask
    light = np.linspace(gradient, 1.0, fw)[None, :]
    return np.clip(image * light, 0, 255).astype(np.uint8)


CORNERS = np.array([[260, 180], [1380, 240], [1330, 1900], [180, 1840]], dtype=np.float32)


def _tesseract_words(gray: np.ndarray, tmp_path: Path) -> set[str]:
    path = tmp_path / f"img{time.monotonic_ns()}.png"
    cv2.imwrite(str(path), gray)
    out = subprocess.run(["tesseract", str(path), "-", "--psm", "3"], capture_output=True, text=True, timeout=120)
    return {w.strip(".,;:") for w in out.stdout.split()}


def test_flat_scan_and_rendered_page_are_untouched_and_cheap():
    scan = page()
    scan = cv2.warpAffine(scan, cv2.getRotationMatrix2D((620, 877), 1.5, 1.0), (1240, 1754), borderValue=255)
    scan = np.clip(scan + np.random.default_rng(2).normal(0, 4, scan.shape), 0, 255).astype(np.uint8)
    started = time.perf_counter()
    for image in (scan, page()):
        assert photo.prepare(image) is image
    assert time.perf_counter() - started < 0.5


def test_page_corners_found_within_two_percent():
    frame = photographed(page(), CORNERS, (1600, 2100))
    small, scale = photo.reduced(frame)
    assert photo.looks_photographed(small)
    quad = photo.find_page(small)
    assert quad is not None
    assert np.abs(quad / scale - CORNERS).max() < 0.02 * 2100


def test_photo_is_rectified_lit_evenly_and_reads_like_the_page(tmp_path):
    sheet = page(seed=3)
    frame = photographed(sheet, CORNERS, (1600, 2100))
    out = photo.prepare(frame)
    h, w = out.shape
    assert abs(w / h - sheet.shape[1] / sheet.shape[0]) < 0.05  # A4 proportions back
    # even light: the paper is as white on the dim side as on the bright one
    paper = [float(np.percentile(out[h // 4: 3 * h // 4, x0: x0 + w // 5], 90)) for x0 in (w // 10, 7 * w // 10)]
    assert abs(paper[0] - paper[1]) < 12
    expected = {w for w in WORDS}
    read_raw = _tesseract_words(frame, tmp_path) & expected
    read_flat = _tesseract_words(out, tmp_path) & expected
    assert len(read_flat) >= len(expected) - 1
    assert len(read_flat) >= len(read_raw)


def test_page_without_visible_edges_falls_back_to_the_text_block():
    # the page fills the frame (no background), turned and lit unevenly
    sheet = page(seed=4)
    corners = np.array([[-40, -30], [1290, 20], [1260, 1790], [-60, 1740]], dtype=np.float32)
    frame = photographed(sheet, corners, (1240, 1754), dark=250, gradient=0.55)
    small, _ = photo.reduced(frame)
    assert photo.looks_photographed(small)
    assert photo.text_quad(small) is not None
    out = photo.prepare(frame)
    assert out is not frame
    h, w = out.shape
    left, right = (float(np.percentile(out[h // 3: 2 * h // 3, a: a + w // 6], 90)) for a in (0, 5 * w // 6))
    assert abs(left - right) < 15


def test_two_documents_side_by_side_are_left_alone():
    a, b = page(620, 877, 5), page(620, 877, 6)
    frame = np.full((1100, 1500), 80, np.uint8)
    frame[100:977, 60:680] = a
    frame[120:997, 800:1420] = b
    assert photo.prepare(frame) is frame


def test_load_frame_hands_the_rectified_page_to_ocr(tmp_path):
    frame = photographed(page(seed=7), CORNERS, (1600, 2100))
    path = tmp_path / "photo.jpg"
    Image.fromarray(frame).save(path, quality=85)
    gray, _ = load_frame(path, "photo.jpg", 0, Limits())
    assert gray.shape != frame.shape
    assert abs(gray.shape[1] / gray.shape[0] - 1240 / 1754) < 0.05


@pytest.mark.slow
def test_photographed_contract_reads_about_as_well_as_its_scan(tmp_path):
    """The same generated contract, scanned and photographed (perspective, background, uneven
    light, sometimes curl and blur), read by the whole pipeline."""
    scores = {}
    for render in ("scan", "photo"):
        data, media_type, truth = render_piece("employment_contract", 101, render)
        folder = tmp_path / render
        folder.mkdir()
        (folder / ("piece.pdf" if media_type == "application/pdf" else "piece.jpg")).write_bytes(data)
        result = process_dossier(folder, received_at=dt.date(2026, 6, 1))
        assert [p.type.value for p in result.pieces] == ["employment_contract"]
        fields = result.pieces[0].fields
        scored = {k: v for k, v in truth.items() if not k.startswith("_") and v is not None}
        scores[render] = sum(same_value(v, fields.get(k)) for k, v in scored.items()) / len(scored)
    assert scores["photo"] >= scores["scan"] - 0.15, scores


def test_a_shaded_box_on_a_scanned_page_is_not_taken_for_the_page():
    sheet = page(seed=8).copy()
    sheet[300:1300, 200:1000] = (sheet[300:1300, 200:1000] * 0.55).astype(np.uint8)  # a grey panel
    small, _ = photo.reduced(sheet)
    assert photo.find_page(small) is None
    out = photo.prepare(sheet)
    assert out.shape == sheet.shape  # nothing cropped


def _first_page(data: bytes, media_type: str, tmp_path: Path) -> tuple[np.ndarray, np.ndarray]:
    """(the raw pixels, what raster.py hands to OCR) of a generated file's first page."""
    from extractors.raster import render_page
    path = tmp_path / f"f{time.monotonic_ns()}{'.pdf' if media_type == 'application/pdf' else '.img'}"
    path.write_bytes(data)
    if media_type == "application/pdf":
        with_hook = render_page(path, path.name, 0, Limits())[0]
        original = photo.prepare
        photo.prepare = lambda gray: gray
        try:
            raw = render_page(path, path.name, 0, Limits())[0]
        finally:
            photo.prepare = original
        return raw, with_hook
    raw = np.asarray(Image.open(path).convert("L"))
    return raw, load_frame(path, path.name, 0, Limits())[0]


@pytest.mark.parametrize("piece_type", ["employment_contract", "payslip", "urssaf_certificate", "job_offer"])
def test_generated_scans_pass_untouched_and_photos_come_out_as_pages(piece_type, tmp_path):
    raw, prepared = _first_page(*render_piece(piece_type, 21, "scan")[:2], tmp_path)
    assert prepared.shape == raw.shape and np.array_equal(prepared, raw)
    raw, prepared = _first_page(*render_piece(piece_type, 21, "photo")[:2], tmp_path)
    h, w = prepared.shape
    assert min(h, w) / max(h, w) == pytest.approx(210 / 297, abs=0.02)  # the A4 page, not the 3:4 frame
    assert (h, w) != raw.shape


def test_flattening_keeps_thick_print_solid():
    """Bold letters and rules stay black inside, not hollow (the stretch saturates at 0)."""
    sheet = np.full((1200, 900), 235, np.uint8)
    sheet[400:430, 100:800] = 40  # a thick rule
    lit = (sheet * np.linspace(0.55, 1.0, 900)[None, :]).astype(np.uint8)
    flat = photo.flatten_light(lit)
    assert flat[402:428, 120:780].max() < 90
    assert np.percentile(flat[600:1100, 100:800], 50) > 235


@pytest.mark.parametrize("piece_type", ["passport", "id_card"])
def test_identity_documents_photographed_lying_wide_are_left_to_the_card_reader(piece_type, tmp_path):
    for seed in (3, 4):
        raw, prepared = _first_page(*render_piece(piece_type, seed, "photo")[:2], tmp_path)
        assert np.array_equal(prepared, raw)
