"""The page viewer in a real browser (issue 10, point 2): an agent selects a field, zooms in
(button, Ctrl+wheel), turns the page a quarter, pans by dragging; the highlighted box stays
on the value's place — measured against the page image's own rectangle, and read back
with OCR from a screenshot of the box turned upright again — and in view. Buttons work
from the keyboard; axe-core finds nothing."""
from __future__ import annotations

import io

import pytesseract
import pytest
from PIL import Image

from pipeline.recorded import Services
from tests.browser_login import signed_in_page
from tests.test_field_boxes import holds
from tests.test_web_browser import (  # noqa: F401
    ARTIFACTS,
    CHROMIUM,
    axe_violations,
    server,
)
from tests.test_web_fixtures import AGENT, synth_dossiers  # noqa: F401

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)")]

# Fields printed in capitals on one line: OCR reads them back from a screenshot.
FIELDS = ("employer_name", "host_name", "company_name", "employee_surname", "intern_surname")

RECTS = """button => {
  const piece = document.getElementById('piece-' + button.dataset.piece);
  const box = piece.querySelector('.page .box'), img = box.parentNode.querySelector('img');
  const region = piece.querySelector('.pages');
  const r = e => { const b = e.getBoundingClientRect(); return {x: b.x, y: b.y, width: b.width, height: b.height}; };
  return {box: r(box), img: r(img), region: r(region), bbox: JSON.parse(button.dataset.boxes)[0].bbox};
}"""


def expected_box(img: dict, bbox: list[float], turn: int) -> tuple[float, float, float, float]:
    """Where a page-relative box must be on screen when the page's image, shown in the
    rectangle `img` (its bounding rectangle, turned), is turned `turn` degrees clockwise."""
    x0, y0, x1, y1 = bbox
    corners = {0: (x0, y0, x1, y1), 90: (1 - y1, x0, 1 - y0, x1), 180: (1 - x1, 1 - y1, 1 - x0, 1 - y0),
               270: (y0, 1 - x1, y1, 1 - x0)}[turn]
    return (img["x"] + corners[0] * img["width"], img["y"] + corners[1] * img["height"],
            img["x"] + corners[2] * img["width"], img["y"] + corners[3] * img["height"])


def assert_box_on_its_place(rects: dict, turn: int) -> None:
    box = rects["box"]
    want = expected_box(rects["img"], rects["bbox"], turn)
    got = (box["x"], box["y"], box["x"] + box["width"], box["y"] + box["height"])
    assert all(abs(a - b) <= 2.0 for a, b in zip(got, want)), (got, want)


def assert_in_view(rects: dict) -> None:
    box, region = rects["box"], rects["region"]
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    assert region["x"] <= cx <= region["x"] + region["width"] and region["y"] <= cy <= region["y"] + region["height"]


def read_box(page, rects: dict, turn: int) -> str:  # type: ignore[no-untyped-def]
    """The box's screen region, turned upright again, read by tesseract."""
    box = rects["box"]
    shot = page.screenshot(clip={"x": box["x"] - 4, "y": box["y"] - 4, "width": box["width"] + 8,
                                 "height": box["height"] + 8})
    image = Image.open(io.BytesIO(shot)).convert("L").rotate(turn, expand=True)  # rotate(): counter-clockwise
    # A line of small print is a dozen screen pixels tall: enlarged, as tesseract reads best.
    image = image.resize((image.width * 3, image.height * 3), Image.LANCZOS)
    return pytesseract.image_to_string(image, lang="fra", config="--psm 6")


def test_zoom_turn_and_pan_keep_the_selected_box_on_its_value(server: tuple[str, Services]) -> None:  # noqa: F811
    from playwright.sync_api import expect, sync_playwright

    url, _ = server
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser, page = signed_in_page(playwright, url, AGENT)
        page.locator("table.queue tbody tr").first.get_by_role("link").click()
        page.locator(".viewer-toolbar").first.wait_for()

        selector = ", ".join(f"tr.field[id$='-{name}']:has(button.field-select:not([data-boxes='[]']))" for name in FIELDS)
        row = page.locator(selector).first
        field = row.get_attribute("id").split("-", 2)[2]
        button = row.locator("button.field-select")
        value = row.get_by_role("textbox").input_value()
        piece = page.locator(f"#piece-{button.get_attribute('data-piece')}")
        # Page images load lazily: bring this piece's into view, as an agent scrolling would.
        for image in piece.locator(".page img").all():
            image.scroll_into_view_if_needed()
            page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=image.element_handle())
        button.click()
        expect(piece.locator(".page .box")).to_have_count(1)
        rects = button.evaluate(RECTS)
        assert_box_on_its_place(rects, 0)
        assert axe_violations(page) == []

        # Zoom in twice with the button, once with Ctrl+wheel over the page, then a quarter turn.
        level = piece.locator(".viewer-level")
        expect(level).to_have_text("100 %")
        piece.get_by_role("button", name="Agrandir").click()
        piece.get_by_role("button", name="Agrandir").click()
        expect(level).to_have_text("156 %")
        box = button.evaluate(RECTS)["box"]  # in view: the viewer brought it there
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.keyboard.down("Control")
        page.mouse.wheel(0, -100)
        page.keyboard.up("Control")
        expect(level).to_have_text("172 %")
        piece.get_by_role("button", name="Pivoter à droite").click()
        rects = button.evaluate(RECTS)
        assert_box_on_its_place(rects, 90)
        assert_in_view(rects)
        assert holds(value, field, read_box(page, rects, 90)), value
        page.screenshot(path=ARTIFACTS / "viewer-1-zoom-rotation.png")

        # Panning by dragging moves the page under the pointer; the box moves with it.
        scroll = piece.locator(".pages").evaluate("r => [r.scrollLeft, r.scrollTop]")
        region = rects["region"]
        page.mouse.move(region["x"] + 200, region["y"] + 200)
        page.mouse.down()
        page.mouse.move(region["x"] + 260, region["y"] + 240, steps=4)
        page.mouse.up()
        assert piece.locator(".pages").evaluate("r => [r.scrollLeft, r.scrollTop]") != scroll
        assert_box_on_its_place(button.evaluate(RECTS), 90)

        # From the keyboard: a half turn back the other way, zoom to the field, fit to width.
        piece.get_by_role("button", name="Pivoter à gauche").focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
        rects = button.evaluate(RECTS)
        assert_box_on_its_place(rects, 270)
        piece.get_by_role("button", name="Zoomer sur le champ sélectionné").focus()
        page.keyboard.press("Enter")
        rects = button.evaluate(RECTS)
        assert_box_on_its_place(rects, 270)
        assert_in_view(rects)
        # Turned a quarter: the field's length runs down the screen, and fills half the region.
        assert rects["box"]["height"] >= 0.45 * rects["region"]["height"]
        assert holds(value, field, read_box(page, rects, 270)), value
        page.screenshot(path=ARTIFACTS / "viewer-2-zoom-champ.png")
        piece.get_by_role("button", name="Ajuster à la largeur").click()
        expect(level).to_have_text("100 %")
        assert axe_violations(page) == []
        browser.close()
