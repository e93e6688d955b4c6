"""Phones and small screens (issue 10, point 7), in a real browser: at 390x844 (a phone,
touch) and at 1366x768, the queue and a dossier page never scroll sideways, a field can be
tapped and corrected, the corrected row is not covered by the decision bar, the decision
buttons are on screen, and axe-core finds nothing. Screenshots go to tests/artifacts/."""
from __future__ import annotations

import pytest

from pipeline.recorded import Services
from tests.test_web_browser import (  # noqa: F401
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    axe_violations,
    server,
)
from tests.test_web_fixtures import AGENT, synth_dossiers  # noqa: F401

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)")]

SCREENS = {"telephone": (390, 844), "ordinateur": (1366, 768)}
PAGE_WIDTH = "document.documentElement.scrollWidth"
# What is drawn at the middle of an element: the element itself (or a child), not a bar over it.
ON_TOP = """element => {
  const box = element.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 10));
  return element.contains(hit);
}"""


def within_width(page, width: int) -> None:  # type: ignore[no-untyped-def]
    assert page.evaluate(PAGE_WIDTH) <= width, f"la page fait {page.evaluate(PAGE_WIDTH)} px de large"


def inside_screen(locator, width: int) -> None:  # type: ignore[no-untyped-def]
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box


def test_queue_and_dossier_work_on_a_phone_and_a_laptop(server: tuple[str, Services]) -> None:
    from playwright.sync_api import expect, sync_playwright

    url, services = server
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for screen, (width, height) in SCREENS.items():
            phone = width < 600
            # bypass_csp: only so that the test can inject axe-core.
            context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR",
                                          bypass_csp=True, is_mobile=phone, has_touch=phone)
            page = context.new_page()
            page.goto(f"{url}/login")
            page.get_by_label("Identifiant").fill(AGENT[0])
            page.get_by_label("Mot de passe").fill(AGENT[1])
            page.get_by_role("button", name="Se connecter").click()
            expect(page.get_by_role("heading", name="Dossiers à instruire")).to_be_visible()
            within_width(page, width)
            assert axe_violations(page) == []
            page.screenshot(path=ARTIFACTS / f"{screen}-1-file.png", full_page=True)

            link = page.locator("table.queue tbody tr").first.get_by_role("link").first
            reference = link.inner_text()
            link.tap() if phone else link.click()
            expect(page.get_by_role("heading", name=f"Dossier {reference}")).to_be_visible()
            for image in page.locator(".page img").all():
                image.scroll_into_view_if_needed()
            page.wait_for_function("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
            page.evaluate("window.scrollTo(0, 0)")
            within_width(page, width)
            assert axe_violations(page) == []
            inside_screen(page.get_by_role("button", name="Approuver").first, width)
            page.screenshot(path=ARTIFACTS / f"{screen}-2-dossier.png", full_page=True)

            # Tap a field (one no check compares), type a value, save the piece's corrections.
            row = page.locator("tr.field[id$='-job_title']").first
            row_id = row.get_attribute("id")
            piece = page.locator(f"section.piece:has(#{row_id})")
            value = row.get_by_role("textbox")
            inside_screen(value, width)
            value.tap() if phone else value.click()
            expect(value).to_be_focused()
            value.fill(f"Valeur saisie sur {screen}")
            save = piece.get_by_role("button", name="Enregistrer les corrections")
            inside_screen(save, width)
            save.tap() if phone else save.click()
            corrected = page.locator(f"#{row_id}")
            expect(corrected.locator(".correction")).to_contain_text(f"Corrigé par {AGENT[0]}")
            expect(corrected.get_by_role("textbox")).to_have_value(f"Valeur saisie sur {screen}")
            within_width(page, width)
            page.screenshot(path=ARTIFACTS / f"{screen}-3-corrige.png")
            # A link to the field (the summary's, the history's) shows it, not the decision bar over it.
            page.goto(f"{url}/dossiers/{reference}#{row_id}")
            page.wait_for_timeout(300)
            assert corrected.evaluate(ON_TOP), "la barre de décision couvre le champ"
            context.close()
        browser.close()

    corrected_values = {v for p in services.records.current_result(reference).pieces for v in p.fields.values()}
    assert {"Valeur saisie sur telephone", "Valeur saisie sur ordinateur"} & corrected_values
