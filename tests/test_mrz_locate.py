"""The MRZ found and read however the document was photographed: quarter turns, skew,
perspective, small web images, other monospace fonts, EXIF-rotated JPEGs. All images
are synthetic (tests/mrz_scenes.py); the values are made up."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from extractors import exif, mrz, mrz_locate
from extractors.classify import classify_pages
from extractors.mrz_locate import find_mrz, valid_reading
from models import Line, Page, PieceType, Word
from tests.mrz_builders import td1, td3
from tests.mrz_scenes import Scene, font_path, render_page, scene_image

PASSPORT = td3("PX4821573", "740812", "330115", names="MOREAU<<LUC<ANDRE", state="UTO", sex="M")
CARD = td1("K7Q3ZP2W8", "891105", "310620", "NGUYEN<<THI<MAI", "VNM", sex="F")

needs_ocrb = pytest.mark.skipif(font_path("ocrb") is None, reason="no OCR-B font")


def checked_fields(record: mrz.MrzRecord) -> tuple:
    return (record.document_number, record.birth_yymmdd, record.expiry_yymmdd, record.nationality,
            record.issuing_state, record.sex)


def read(image: np.ndarray) -> tuple[mrz.MrzRecord | None, int]:
    found = find_mrz(image)
    return (mrz.parse_mrz(found.lines) if found.valid else None), found.turn


@needs_ocrb
@pytest.mark.parametrize("lines", [PASSPORT, CARD], ids=["td3", "td1"])
@pytest.mark.parametrize("rotation,turn", [(90, 90), (180, 180), (-90, 270), (-4, 0)])
def test_found_at_any_quarter_turn_in_perspective(lines, rotation, turn):
    # The scene turns the page counter-clockwise; the reader reports the clockwise turn back.
    image = scene_image(lines, Scene(rotation=rotation, perspective=0.06, blur=0.8, jpeg=80, seed=abs(rotation)))
    record, found_turn = read(image)
    assert record is not None and list(record.lines) == lines
    assert found_turn == turn


@needs_ocrb
@pytest.mark.parametrize("lines", [PASSPORT, CARD], ids=["td3", "td1"])
def test_a_300_pixel_web_image_is_read(lines):
    image = scene_image(lines, Scene(height=300, jpeg=70))
    assert image.shape[0] == 300
    record, _ = read(image)
    assert record is not None and list(record.lines) == lines


@pytest.mark.parametrize("font,lines,rotation", [("dejavu_mono", PASSPORT, 0), ("dejavu_mono", PASSPORT, 90),
                                                 ("liberation_mono", PASSPORT, 0), ("liberation_mono", CARD, 0)],
                         ids=["dejavu-td3", "dejavu-td3-sideways", "liberation-td3", "liberation-td1"])
def test_a_print_in_another_monospace_font(font, lines, rotation):
    # The glyph reader's templates are OCR-B: on another font its readings fit loosely and the
    # check digits can be talked into agreement; tesseract's reading, holding as read, wins.
    # Names carry no check digit; the checked fields must be exact.
    if font_path(font) is None:
        pytest.skip(f"no {font}")
    image = scene_image(lines, Scene(font=font, rotation=rotation, perspective=0.05, blur=0.7))
    record, _ = read(image)
    assert record is not None and checked_fields(record) == checked_fields(mrz.parse_mrz(lines))


@needs_ocrb
def test_a_redacted_zone_is_never_a_valid_reading():
    page = render_page(PASSPORT, Scene())
    h = page.shape[0]
    page = page.copy()
    page[int(0.72 * h):, :] = np.where(page[int(0.72 * h):, :] < 128, 0, 0)  # blacked out band
    found = find_mrz(page)
    assert not found.valid


def test_a_page_without_mrz_costs_no_reading_at_any_turn():
    page = np.full((900, 700), 235, np.uint8)
    page[100:110, 80:600] = 30  # a rule, no text lines
    found = find_mrz(page)
    assert found.lines is None and not found.valid and found.turn == 0


@pytest.mark.parametrize("tag,turn", [(3, 180), (6, 90), (8, 270)])
def test_exif_orientation_turns_the_pixels_as_displayed(tmp_path, tag, turn):
    pixels = np.zeros((20, 40), np.uint8)
    pixels[0:5, 0:5] = 255  # a mark in the stored image's top-left corner
    path = tmp_path / "photo.jpg"
    stored = Image.fromarray(pixels)
    info = stored.getexif()
    info[exif.ORIENTATION_TAG] = tag
    stored.save(path, exif=info, quality=95)
    assert exif.orientation(path) == tag
    with Image.open(path) as im:
        from PIL import ImageOps
        expected = np.asarray(ImageOps.exif_transpose(im).convert("L"))
    shown = exif.upright(np.asarray(Image.open(path).convert("L")), exif.orientation(path))
    assert shown.shape == expected.shape and np.abs(shown.astype(int) - expected).mean() < 2


def test_a_file_without_exif_is_upright(tmp_path):
    path = tmp_path / "scan.png"
    Image.fromarray(np.zeros((4, 8), np.uint8)).save(path)
    assert exif.orientation(path) == 1


def _mrz_only_page(lines: list[str]) -> Page:
    words = [Word(text="x", bbox=(0.1, 0.1, 0.2, 0.12), confidence=0.3)]
    return Page(source="photo.jpg", number=1, width=1000, height=700, text_source="ocr",
                lines=[Line(words=words)], extra_text={"mrz": "\n".join(lines)})


@pytest.mark.parametrize("code,state,expected", [
    ("P<", "UTO", PieceType.passport), ("I<", "UTO", PieceType.id_card), ("ID", "UTO", PieceType.id_card),
    ("IR", "FRA", PieceType.residence_permit), ("AC", "UTO", PieceType.id_card)])
def test_a_valid_zone_decides_the_class_of_a_page_with_no_readable_words(code, state, expected):
    if code == "P<":
        lines = td3("PX4821573", "740812", "330115", names="MOREAU<<LUC", state=state)
    else:
        base = td1("K7Q3ZP2W8", "891105", "310620", "NGUYEN<<THI<MAI", "VNM", sex="F")
        line1 = code + state + base[0][5:]
        composite = line1[5:30] + base[1][0:7] + base[1][8:15] + base[1][18:29]
        lines = [line1, base[1][:29] + str(mrz.check_digit(composite)), base[2]]
    assert valid_reading(lines)
    assert classify_pages([_mrz_only_page(lines)])[0] == expected


def _read_file(path) -> list[Page]:
    from extractors.limits import Limits
    from extractors.reading import plan_file, read_page
    return [read_page(job) for job in plan_file(path, path.name, Limits())]


@needs_ocrb
def test_a_sideways_jpeg_with_its_exif_orientation_is_read_upright(tmp_path):
    page = render_page(PASSPORT, Scene(cap_px=20))
    stored = Image.fromarray(np.rot90(page, 1))  # displayed after a clockwise quarter turn: tag 6
    info = stored.getexif()
    info[exif.ORIENTATION_TAG] = 6
    path = tmp_path / "passport.jpg"
    stored.save(path, exif=info, quality=90)
    [read] = _read_file(path)
    assert read.width > read.height  # the data page lies wide, as displayed
    assert mrz.parse_mrz(read.extra_text["mrz"].splitlines()).lines == tuple(PASSPORT)


@needs_ocrb
def test_an_upside_down_identity_page_is_turned_by_its_mrz(tmp_path):
    page = render_page(CARD, Scene(cap_px=20, seed=3))
    path = tmp_path / "card.png"
    Image.fromarray(np.rot90(page, 2)).save(path)
    [read] = _read_file(path)
    assert read.rotation == 180
    assert mrz.parse_mrz(read.extra_text["mrz"].splitlines()).lines == tuple(CARD)
    assert classify_pages([read])[0] == PieceType.residence_permit  # IR, France


def test_a_zone_whose_checks_never_hold_costs_a_bounded_number_of_reads(monkeypatch):
    from extractors import mrz_locate
    # Two MRZ-shaped lines of capitals whose check digits cannot hold, seen at every turn.
    lines = ["P<UTOQWERTY<<ASDF<<<<<<<<<<<<<<<<<<<<<<<<<<<", "ZXCVBNMLKJHGFDSAQWERTYUIOPZXCVBNMLKJHGFDSAQW"]
    page = render_page(lines, Scene())
    calls = []
    real = mrz_locate.read_at
    monkeypatch.setattr(mrz_locate, "read_at", lambda gray, width: calls.append(width) or real(gray, width))
    found = mrz_locate.find_mrz(page)
    assert not found.valid
    assert 1 <= len(calls) <= mrz_locate.MAX_READS


def test_a_zone_whose_checked_date_is_no_day_of_the_calendar_is_not_plausible():
    # Check digits computed on a month 49: they hold, the zone is still no document's.
    assert not mrz.parse_mrz(td3("PX4821573", "984908", "330115")).plausible
    assert mrz.parse_mrz(td3("PX4821573", "110229", "330115")).plausible  # 29 February of some year


def test_a_narrow_strip_is_not_blown_up_past_the_search_pixel_cap() -> None:
    """A 12 x 7,200 pt page renders 50 px wide and 30,000 tall: widening it to the search
    width would ask for 600 MB; the enlarged view keeps within MAX_SEARCH_PIXELS."""
    from extractors.mrz_locate import MAX_SEARCH_PIXELS, enlarged

    strip = np.full((30_000, 50), 255, np.uint8)
    view = enlarged(strip)
    assert view.size <= MAX_SEARCH_PIXELS and view.shape[1] >= strip.shape[1]
    small_card = np.full((300, 480), 255, np.uint8)
    assert enlarged(small_card).shape[1] == 1000  # a small web image still gets its search width


@needs_ocrb
def test_an_image_of_a_page_is_read_for_its_mrz_once(monkeypatch) -> None:
    """The reader looks at a card page's image for its orientation, then for its zone: the
    second look reuses the first reading instead of reading the same pixels again."""
    calls = []
    real = mrz_locate.read_scored
    monkeypatch.setattr(mrz_locate, "read_scored", lambda gray: calls.append(gray) or real(gray))
    page = scene_image(CARD, Scene(rotation=0, seed=3))
    readings = mrz_locate.PageMrzReadings()
    assert mrz_locate.valid_reading(readings.lines(page))
    found = mrz_locate.find_mrz(page, readings=readings)
    assert found.valid and len(calls) == 1
    # A copy of the page is another image: read on its own.
    mrz_locate.find_mrz(page.copy(), readings=readings)
    assert len(calls) == 2
