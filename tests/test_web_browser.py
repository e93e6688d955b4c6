"""End to end in a real browser (Playwright driving Debian's chromium): the commands
`dossiers users add` and `dossiers serve`, generated dossiers processed into the database,
then an agent logs in, opens the oldest dossier, selects a field and sees its box,
corrects it and approves. Screenshots go to tests/artifacts/; axe-core checks each page."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from models import Status
from pipeline.recorded import Services
from storage.settings import Settings
from tests.test_web_fixtures import AGENT, AS_OF, process, synth_dossiers  # noqa: F401

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium): "
                                 "scripts/install-system-packages.sh installs it")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(cli_env: dict[str, str], synth_dossiers: list[Path]) -> Iterator[tuple[str, Services]]:
    """Two processed dossiers, an agent account, and `dossiers serve` on a free port."""
    services = Services.open(Settings.from_env(cli_env))
    for folder in synth_dossiers:
        process(services, folder)
    dossiers = [sys.executable, "-m", "pipeline.cli"]
    subprocess.run([*dossiers, "users", "add", AGENT[0], "--role", "agent"], check=True,
                   env={**cli_env, "DOSSIERS_USER_PASSWORD": AGENT[1]}, stdin=subprocess.DEVNULL)
    try:
        with serving(cli_env) as url:
            yield url, services
    finally:
        services.close()


@contextmanager
def serving(env: dict[str, str]) -> Iterator[str]:
    """`dossiers serve` on a free port, once it answers; its address."""
    port = free_port()
    process_ = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--port", str(port)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/login", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process_.poll() is None and time.monotonic() < deadline, process_.stdout.read()
            time.sleep(0.3)
        yield url
    finally:
        process_.terminate()
        process_.wait(timeout=15)


def axe_violations(page) -> list[dict]:  # type: ignore[no-untyped-def]
    import axe_playwright_python

    page.add_script_tag(path=str(Path(axe_playwright_python.__file__).parent / "axe.min.js"))
    result = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'best-practice']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"]]


def test_an_agent_corrects_a_field_and_approves_in_the_browser(server: tuple[str, Services]) -> None:
    from playwright.sync_api import expect, sync_playwright

    url, services = server
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        # bypass_csp: only so that the test can inject axe-core; the app's own pages need no exception.
        context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="fr-FR", bypass_csp=True)
        page = context.new_page()
        page.goto(f"{url}/")
        expect(page).to_have_url(f"{url}/login")
        assert axe_violations(page) == []
        page.get_by_label("Identifiant").fill(AGENT[0])
        page.get_by_label("Mot de passe").fill(AGENT[1])
        page.get_by_role("button", name="Se connecter").click()
        expect(page.get_by_role("heading", name="Dossiers à instruire")).to_be_visible()
        assert axe_violations(page) == []
        page.screenshot(path=ARTIFACTS / "1-file-d-attente.png")

        # The oldest dossier is the first row.
        oldest = page.locator("table.queue tbody tr").first.get_by_role("link")
        reference = oldest.inner_text()
        oldest.click()
        expect(page.get_by_role("heading", name=f"Dossier {reference}")).to_be_visible()
        page.locator(".page img").first.wait_for()
        # Page images load lazily: bring each into view as an agent scrolling through would.
        for image in page.locator(".page img").all():
            image.scroll_into_view_if_needed()
        page.wait_for_function("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
        page.evaluate("window.scrollTo(0, 0)")
        assert axe_violations(page) == []

        # Keyboard: j selects the first field; then click a field that was located on its page.
        page.keyboard.press("j")
        expect(page.locator("button.field-select[aria-pressed=true]")).to_have_count(1)
        # A field no check compares, so the corrected dossier stays in the queue to approve
        # (a corrected name or date would run the checks again, and may hold it back).
        row = page.locator("tr.field[id$='-job_title']:has(button.field-select:not([data-boxes='[]']))").first
        row.locator("button.field-select").click()
        box = page.locator(".page .box").first
        expect(box).to_be_visible()
        assert box.bounding_box()["width"] > 5
        page.screenshot(path=ARTIFACTS / "2-champ-selectionne.png")

        row_id = row.get_attribute("id")
        row.get_by_role("textbox").fill("VALEUR CORRIGÉE")
        row.get_by_role("textbox").press("Enter")  # saves the page's corrections (one form)
        corrected = page.locator(f"#{row_id}")
        expect(corrected.locator(".correction")).to_contain_text(f"Corrigé par {AGENT[0]}")
        page.screenshot(path=ARTIFACTS / "3-champ-corrige.png")

        page.locator("#approve").click()
        expect(page.get_by_role("status")).to_have_text("Dossier approuvé.")
        page.screenshot(path=ARTIFACTS / "4-approuve.png")
        browser.close()

    result = services.records.current_result(reference)
    assert result.status == Status.approved and result.review.by == AGENT[0]
    assert any("VALEUR CORRIGÉE" in p.fields.values() for p in result.pieces)
