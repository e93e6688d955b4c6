"""A first user's findings on the workbench (issue 10 follow-up): the outcome of a save where
the agent is (beside the corrected row, read with its field), a compact decision bar, field
boxes drawn around the value and not over it, the focus after "Approuver et suivant", the
viewer's toolbars numbered, the history's wording, a page of the queue that does not exist,
`corrections export --since` in French, and an icon for every page."""
from __future__ import annotations

import datetime as dt
import html
import io
import re

import pytest
from fastapi.testclient import TestClient

from pipeline import cli
from pipeline.recorded import Services
from storage.records import PIPELINE_ACTOR, AuditEvent
from tests.browser_login import signed_in_page
from tests.test_web_browser import ARTIFACTS, CHROMIUM, axe_violations, server  # noqa: F401
from tests.test_web_fixtures import (  # noqa: F401
    AGENT,
    accounts,
    client,
    log_in,
    services,
    synth_dossiers,
)
from web.history import event_text

AT = dt.datetime(2026, 11, 30, 13, 5, tzinfo=dt.UTC)


def test_history_has_one_full_stop_and_says_no_alert_in_words() -> None:
    failed = event_text(AuditEvent(AT, PIPELINE_ACTOR, "run_failed", {"error": "TesseractError"}), admin=False)
    assert failed == ("Traitement en échec : La lecture du dossier a échoué ; un administrateur peut le relancer, "
                      "par le traitement automatique, le 30/11/2026 à 14:05.")
    done = event_text(AuditEvent(AT, PIPELINE_ACTOR, "run_completed", {"status": "ready", "flags": 0}), admin=False)
    assert "aucune alerte" in done and "0 alerte" not in done
    three = event_text(AuditEvent(AT, PIPELINE_ACTOR, "run_completed", {"status": "ready", "flags": 3}), admin=False)
    assert ", 3 alertes, par" in three


def test_a_page_past_the_end_shows_the_last_and_says_so(client: TestClient) -> None:  # noqa: F811
    log_in(client, *AGENT)
    past = client.get("/?page=999")
    assert past.status_code == 200
    assert "La page 999 n'existe pas : la liste tient sur une seule page, voici la seule." in html.unescape(past.text)
    assert "n'existe pas" not in client.get("/?page=1").text


def test_every_page_has_an_icon(client: TestClient) -> None:  # noqa: F811
    assert '<link rel="icon" href="/static/favicon.svg"' in client.get("/login").text
    old = client.get("/favicon.ico", follow_redirects=False)
    assert old.status_code == 301 and old.headers["location"] == "/static/favicon.svg"
    icon = client.get("/favicon.ico", follow_redirects=True)
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")


def test_a_mistyped_since_day_is_told_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["corrections", "export", "--since", "nope"]) == 2
    error = capsys.readouterr().err
    assert "--since attend un jour écrit AAAA-MM-JJ" in error and "« nope »" in error
    assert "invalid" not in error and "usage" not in error


# -- in the browser ------------------------------------------------------------------------

IN_VIEW = "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }"


def _save_a_correction(page, value: str) -> None:  # type: ignore[no-untyped-def]
    """The first dossier's job title typed and saved with Entrée: the page after the save."""
    field = page.locator("tr.field[id$='-job_title'] input.field-value").first
    field.fill(value)
    with page.expect_navigation():
        field.press("Enter")
    page.wait_for_function("document.activeElement.matches('input.field-value')")


def _outcome_beside_the_row(page) -> None:  # type: ignore[no-untyped-def]
    """The save's outcome, in full, in the corrected row, in sight, read with the focused field."""
    from playwright.sync_api import expect

    summary = page.locator("#change-summary").inner_text()
    outcome = page.locator("tr.just-corrected #change-outcome")
    expect(outcome).to_have_text(summary)
    assert outcome.evaluate(IN_VIEW), "the save's outcome is out of sight"
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "change-outcome"


def _pixels(page, region, box):  # type: ignore[no-untyped-def]
    """The page region's screenshot, and the box's rectangle in it."""
    from PIL import Image

    shot = Image.open(io.BytesIO(region.screenshot())).convert("RGB")
    frame, rect = region.bounding_box(), box.bounding_box()
    left, top = round(rect["x"] - frame["x"]), round(rect["y"] - frame["y"])
    return shot, (left, top, left + round(rect["width"]), top + round(rect["height"]))


def _box_leaves_the_value_readable(page) -> None:  # type: ignore[no-untyped-def]
    """A selected field's box: inside it the page barely changes (a tint), around it a ring shows."""
    from PIL import ImageChops

    button = page.locator("button.field-select[data-boxes^='[{']").first
    piece = button.get_attribute("data-piece")
    region = page.locator(f"#piece-{piece} .pages")
    region.scroll_into_view_if_needed()
    page.wait_for_function("r => Array.from(r.querySelectorAll('img')).every(i => i.complete && i.naturalWidth)",
                           arg=region.element_handle())
    button.click()
    box = region.locator(".box").first
    with_box, (left, top, right, bottom) = _pixels(page, region, box)
    box.evaluate("b => { b.style.visibility = 'hidden'; }")
    without, _ = _pixels(page, region, box)
    box.evaluate("b => { b.style.visibility = ''; }")
    change = ImageChops.difference(with_box, without)
    inside = change.crop((left + 1, top + 1, right - 1, bottom - 1)).getextrema()
    assert max(high for _, high in inside) < 40, f"the box covers its value: {inside}"
    ring = change.crop((left, max(0, top - 3), right, top - 1)).getextrema()
    assert max(high for _, high in ring) > 100, f"the box is not drawn: {ring}"


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)")
@pytest.mark.slow
def test_a_save_a_box_and_the_next_dossier_seen_by_the_agent(server: tuple[str, Services]) -> None:  # noqa: F811
    """On a phone then a laptop, as the first user met them (findings 3, 4, 5, 7 and the toolbars)."""
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    url = server[0]
    with sync_playwright() as playwright:
        # A phone: the bar stays at the top of the page, the corrected row is thousands of px below.
        browser, page = signed_in_page(playwright, url, AGENT, width=390, height=844, is_mobile=True, has_touch=True)
        page.locator("table.queue tbody tr").first.get_by_role("link").first.click()
        _save_a_correction(page, "Valeur saisie sur le téléphone")
        _outcome_beside_the_row(page)
        assert axe_violations(page) == []
        page.screenshot(path=ARTIFACTS / "ux-telephone-enregistre.png")
        browser.close()

        browser, page = signed_in_page(playwright, url, AGENT, width=1366, height=800)
        page.locator("table.queue tbody tr").first.get_by_role("link").first.click()
        reference = page.get_by_role("heading", level=1).inner_text().removeprefix("Dossier ")
        labels = page.locator("[role=toolbar]").evaluate_all("bars => bars.map(b => b.getAttribute('aria-label'))")
        pieces = page.locator("section.piece").evaluate_all("s => s.map(p => Number(p.id.slice(6)) + 1)")
        assert labels == [f"Affichage des pages de la pièce {n}" for n in pieces]
        _box_leaves_the_value_readable(page)
        _save_a_correction(page, "Valeur saisie sur l'ordinateur")
        _outcome_beside_the_row(page)
        bar = page.locator("section.decision").bounding_box()
        assert bar["height"] <= 100, f"the decision bar is {bar['height']} px tall"
        assert axe_violations(page) == []
        page.screenshot(path=ARTIFACTS / "ux-ordinateur-enregistre.png")

        page.get_by_role("button", name=re.compile("^Approuver et suivant")).click()
        expect(page.get_by_role("status").first).to_contain_text(f"Dossier {reference} approuvé")
        expect(page.locator("#dossier-title")).to_be_focused()
        assert axe_violations(page) == []
        browser.close()
