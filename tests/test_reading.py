"""Reading pages: text layer first, OCR otherwise, with orientation and skew fixed."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from extractors.limits import Limits
from extractors.reading import plan_file, read_page
from extractors.rows import rows_from_words
from models import Word
from tests.builders import save_image, text_image, text_pdf

LINES = ["CONTRAT DE TRAVAIL A DUREE INDETERMINEE", "Entre la société ATELIERS BERTIN",
         "et Madame Ana PEREIRA, demeurant à Lyon,", "il a été convenu ce qui suit.",
         "Article 1 : engagement en qualité de comptable.", "Article 2 : période d'essai de deux mois.",
         "Article 3 : rémunération mensuelle brute de 2 400 euros.", "Article 4 : durée du travail 35 heures."]


def read_all(path: Path) -> list:
    return [read_page(job) for job in plan_file(path, path.name, Limits())]


def test_text_layer_is_used_when_present(tmp_path: Path) -> None:
    (page,) = read_all(text_pdf(tmp_path / "c.pdf", [LINES]))
    assert page.text_source == "text_layer"
    assert page.lines[0].text == LINES[0]
    assert all(0 <= v <= 1 for w in page.words for v in w.bbox)


def test_multipage_tiff_gives_one_page_per_frame(tmp_path: Path) -> None:
    first, second = text_image(LINES[:4]), text_image(LINES[4:])
    path = tmp_path / "scan.tif"
    first.save(path, save_all=True, append_images=[second], compression="tiff_lzw", dpi=(200, 200))
    pages = read_all(path)
    assert [p.number for p in pages] == [1, 2]
    assert "PEREIRA" in pages[0].text and "comptable" in pages[1].text


@pytest.mark.slow
@pytest.mark.parametrize("angle", [90, 180, 270])
def test_rotated_scan_is_turned_upright(tmp_path: Path, angle: int) -> None:
    image = text_image(LINES).rotate(angle, expand=True)
    (page,) = read_all(save_image(image, tmp_path / "scan.png", "PNG"))
    assert page.text_source == "ocr"
    assert page.rotation != 0
    assert "ATELIERS BERTIN" in page.text and "comptable" in page.text


@pytest.mark.slow
def test_skewed_scan_is_deskewed(tmp_path: Path) -> None:
    image = text_image(LINES).rotate(2.5, expand=True, fillcolor=255, resample=Image.BICUBIC)
    (page,) = read_all(save_image(image, tmp_path / "scan.jpg", "JPEG"))
    assert abs(abs(page.skew) - 2.5) <= 0.5
    assert "ATELIERS BERTIN" in page.text


def test_rows_join_words_side_by_side_and_keep_rows_apart() -> None:
    words = [Word(text="Nom", bbox=(0.1, 0.100, 0.2, 0.120), confidence=1),
             Word(text="PEREIRA", bbox=(0.6, 0.102, 0.8, 0.121), confidence=1),
             Word(text="Prénom", bbox=(0.1, 0.140, 0.2, 0.160), confidence=1),
             Word(text="Ana", bbox=(0.6, 0.141, 0.7, 0.159), confidence=1)]
    assert [line.text for line in rows_from_words(words[::-1])] == ["Nom PEREIRA", "Prénom Ana"]


def test_a_scanned_pdf_page_is_told_without_parsing_its_objects(tmp_path: Path, monkeypatch) -> None:
    import pdfplumber

    from extractors.pdf_text import read_text_layer

    scan = tmp_path / "scan.pdf"
    text_image(LINES).save(scan, "PDF", resolution=200)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("pdfplumber opened a page pdfium counted no text on")

    monkeypatch.setattr(pdfplumber, "open", refuse)
    assert read_text_layer(scan, "scan.pdf", 0) is None


@pytest.mark.parametrize("angle", [-4.6, -2.5, -0.75, 0.0, 1.25, 3.0, 4.4])
def test_skew_is_estimated_within_a_quarter_degree(angle: float) -> None:
    import numpy as np

    from extractors.cleanup import estimate_skew

    page = np.asarray(text_image(LINES).rotate(angle, fillcolor=255, resample=Image.BICUBIC))
    # the estimate is the turn that undoes PIL's (a coarse then fine search: none is missed)
    assert abs(estimate_skew(page) + angle) <= 0.25


def test_rows_follow_a_tilted_row_and_take_in_small_punctuation() -> None:
    # a row rising slowly to the right (a skewed scan), a colon far smaller than its words
    row = [Word(text=t, bbox=(0.1 + 0.15 * i, 0.300 - 0.004 * i, 0.22 + 0.15 * i, 0.318 - 0.004 * i), confidence=1)
           for i, t in enumerate(["Salaire", "brut", "mensuel", "2400", "euros"])]
    colon = Word(text=":", bbox=(0.23, 0.303, 0.235, 0.309), confidence=1)
    below = Word(text="Horaire", bbox=(0.1, 0.340, 0.2, 0.358), confidence=1)
    assert [line.text for line in rows_from_words([below, colon, *row])] == [
        "Salaire : brut mensuel 2400 euros", "Horaire"]


def test_a_card_photo_whose_zone_reads_on_a_coarser_copy_is_not_turned(tmp_path: Path, monkeypatch) -> None:
    """A card photo OCR reads poorly is upright when its MRZ reads as it stands, at any working
    size: no orientation detection, no OCR pass of the card upside down (this synthetic
    photo's zone reads only on a coarser copy of it)."""
    import extractors.reading as reading
    from synth.api import render_piece
    from synth.families import FamilyFilter

    data, media, _ = render_piece("id_card", 20, "photo", FamilyFilter.parse("id_card:td2_single", None))
    path = tmp_path / ("card.jpg" if media == "image/jpeg" else "card.png")
    path.write_bytes(data)
    detections = []
    original = reading.detect_rotation
    monkeypatch.setattr(reading, "detect_rotation", lambda *a, **k: detections.append(a) or original(*a, **k))
    (page,) = read_all(path)
    assert page.rotation == 0 and page.extra_text.get("mrz")
    assert detections == []


def test_the_zone_search_reads_each_view_of_a_page_once(monkeypatch) -> None:
    """The orientation check and the zone reading look at the same page: what the first read
    is not read again (it costs a tenth of a second a view)."""
    import numpy as np

    from extractors import mrz_locate

    reads = []
    original = mrz_locate.read_at
    monkeypatch.setattr(mrz_locate, "read_at", lambda view, width: reads.append(width) or original(view, width))
    monkeypatch.setattr(mrz_locate, "has_bar_groups", lambda view, width: True)
    page = np.full((900, 1400), 255, np.uint8)
    page[400:420, 100:1300] = 0  # a bar, no zone
    readings = mrz_locate.PageMrzReadings()
    mrz_locate.find_mrz(page, upright=True, readings=readings)
    first = list(reads)
    mrz_locate.find_mrz(page, upright=True, readings=readings)
    assert first and reads == first


def test_a_page_printed_over_a_fine_security_pattern_is_read(tmp_path: Path):
    """A scan of an identity page whose print sits on a fine line pattern (a guilloche):
    tesseract's global threshold keeps the pattern, reads noise, and the orientation pass
    then prefers the noise upside down. Flattened against its surround, the page reads."""
    import numpy as np

    lines = ["RÉPUBLIQUE FRANÇAISE", "PASSEPORT / PASSPORT", "Type P   Code du pays FRA", "Nom / Surname",
             "Date de délivrance 12 03 2021"]
    ink = np.asarray(text_image(lines, size=(2000, 1200), font_size=36)) < 128
    columns = np.arange(ink.shape[1]) // 2 % 2 == 0  # vertical lines two pixels apart
    background = np.where(columns, 140, 230)[None, :].repeat(ink.shape[0], axis=0)
    pixels = np.where(ink, 70, background).astype(np.uint8)
    path = save_image(Image.fromarray(pixels), tmp_path / "guilloche.png", "PNG")
    page = read_page(plan_file(path, "guilloche.png", Limits())[0])
    text = page.text.replace(" ", "")
    assert "FRANÇAISE" in text and "PASSEPORT" in text and "FRA" in text
    assert page.rotation == 0



@pytest.mark.slow
@pytest.mark.parametrize("flip", [Image.FLIP_TOP_BOTTOM, Image.FLIP_LEFT_RIGHT])
def test_a_mirror_image_is_read_mirrored_and_drawn_so_for_review(tmp_path: Path, flip) -> None:
    """A sheet scanned face down (flipped top to bottom) or a selfie camera's photo (left
    to right) reads as debris whichever way it is turned; flipped back, it reads."""
    from extractors.page_view import reader_image

    path = save_image(text_image(LINES).transpose(flip), tmp_path / "mirror.png", "PNG")
    (page,) = read_all(path)
    assert page.mirrored and page.rotation == (180 if flip == Image.FLIP_TOP_BOTTOM else 0)
    assert "ATELIERS BERTIN" in page.text and "comptable" in page.text
    # The review page's viewer draws what was read: the page upright and unmirrored.
    drawn = reader_image(path, 0, page.rotation, page.skew, Limits(), page.mirrored)
    assert drawn.shape == (page.height, page.width)
    straight = text_image(LINES)
    assert abs(float(drawn.astype(int).mean()) - float(np.asarray(straight).mean())) < 2
    top = int(0.05 * page.height), int(0.25 * page.height)  # the first lines' band, inked only upright
    assert drawn[top[0]:top[1]].mean() < drawn[-top[1]:-top[0]].mean()


def test_a_page_that_reads_surely_is_never_tried_mirrored(tmp_path: Path, monkeypatch) -> None:
    import extractors.reading as reading

    def no_mirror(*args, **kwargs):
        raise AssertionError("a page read with confidence is no mirror image")

    monkeypatch.setattr(reading, "_mirrored_reading", no_mirror)
    (page,) = read_all(save_image(text_image(LINES), tmp_path / "scan.png", "PNG"))
    assert not page.mirrored and "ATELIERS BERTIN" in page.text


def test_the_viewer_draws_a_mirrored_reading_flipped(tmp_path: Path) -> None:
    import io

    from web.page_images import render_reader_png

    path = save_image(text_image(LINES[:2], size=(600, 400), font_size=30), tmp_path / "page.png", "PNG")
    data = path.read_bytes()
    plain, flipped = (np.asarray(Image.open(io.BytesIO(render_reader_png((data, 1, 0, 0.0, m))))) for m in (False, True))
    assert plain.shape == flipped.shape and (plain != 255).any()
    assert np.array_equal(flipped, plain[:, ::-1])
