"""A browser signed in to the app, for the browser tests (Playwright driving Debian's
chromium as tests/test_web_browser.py does; holds no test)."""
from __future__ import annotations

from typing import Any

from tests.test_web_browser import CHROMIUM, CHROMIUM_ARGS


def signed_in_page(playwright: Any, url: str, account: tuple[str, str], *, width: int = 1366,
                   height: int = 800, **context_options: Any) -> tuple[Any, Any]:
    """(browser, page): chromium launched, `account` signed in through the login form.
    bypass_csp only so that the tests can inject axe-core; the app's pages need no exception.
    `context_options`: more of the browser context's (is_mobile, has_touch for a phone)."""
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR", bypass_csp=True,
                                  **context_options)
    page = context.new_page()
    page.goto(f"{url}/login")
    page.get_by_label("Identifiant").fill(account[0])
    page.get_by_label("Mot de passe").fill(account[1])
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(lambda address: "/login" not in address)
    return browser, page
