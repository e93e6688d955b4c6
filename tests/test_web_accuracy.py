"""The administrators' accuracy page: per piece type and field, fields reviewed in decided
dossiers against fields agents corrected; the same per week; the latest corrections (the
labelled examples); the checks agents set aside most. Agents are refused."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from models import DossierResult
from models.review import Decision
from pipeline.recheck import recheck_document
from pipeline.recorded import Services
from storage.overrides import Overrides
from storage.records import Records
from storage.reviews import Reviews
from storage.users import Users
from tests.browser_login import signed_in_page
from tests.test_corrections_export import with_unread_letter
from tests.test_web_browser import (  # noqa: F401
    ARTIFACTS,
    CHROMIUM,
    axe_violations,
    server,
)
from tests.test_web_fixtures import ADMIN, AGENT, accounts, client, log_in, services  # noqa: F401 - fixtures
from tests.test_web_recheck import REF, _result

OTHER = "2026-STAGE-000043"
REASON = "Avenant du 12/06 : gratification portée à 700 €."


def _record(records: Records, reference: str, letter: bool = False) -> tuple[DossierResult, int]:
    result = with_unread_letter(_result()) if letter else _result()
    result.dossier.reference = reference
    with records.begin_run(reference, name=reference, pipeline_version="test") as run:
        run.complete(result)
    return result, records.runs(reference)[-1].id


def _review_day(records: Records) -> None:
    """REF: its gratification flag set aside, its host corrected, its letter (read `other`)
    retyped payslip, whose four fields stay unread, approved. OTHER: its amount corrected but
    not decided yet (an example, not yet a measure)."""
    reviews = Reviews(records.db, recheck=recheck_document)
    _, run_id = _record(records, REF, letter=True)
    Overrides(reviews).override(REF, run_id, 0, "gratification_below_minimum", REASON, AGENT[0])
    reviews.correct_field(REF, run_id, 1, "host_name", "ORBITALE", AGENT[0])
    reviews.change_piece_type(REF, run_id, 2, "payslip", AGENT[0])
    reviews.decide(REF, run_id, Decision.approved, None, AGENT[0])
    _, other_run = _record(records, OTHER)
    reviews.correct_field(OTHER, other_run, 1, "monthly_gratification", "700", AGENT[0])


def _row(page: str, *cells: str) -> bool:
    """A table row holding these cells in this order."""
    pattern = r"<tr>\s*" + r"\s*".join(rf"<td[^>]*>{re.escape(str(escape(c)))}</td>" for c in cells)
    return re.search(pattern, page) is not None


def test_the_page_counts_decided_fields_and_corrections(client: TestClient, records: Records) -> None:  # noqa: F811
    _review_day(records)
    log_in(client, *ADMIN)
    response = client.get("/admin/precision")
    assert response.status_code == 200
    page = response.text
    assert "Précision de la lecture" in page and "(vérifiés − corrigés) ÷ vérifiés" in page
    # The decided dossier only: 8 passport fields + 9 internship fields, one corrected; the
    # retyped letter's four unread payslip fields are left out, not counted as read right.
    assert "Bulletin de salaire</td><td>" not in page.split("Par type de pièce et champ")[1].split("</table>")[0]
    assert "ont été lus pour un autre type" in page and "Champs de pièces retypées laissés de côté : 4." in page
    assert _row(page, "Convention de stage", "Organisme d'accueil", "1", "1", "0,0\u00a0%")
    assert _row(page, "Convention de stage", "Gratification mensuelle (€)", "1", "0", "100,0\u00a0%")
    assert _row(page, "Passeport", "Nom", "1", "0", "100,0\u00a0%")
    assert re.search(r"<td[^>]*>1</td>\s*<td[^>]*>17</td>\s*<td[^>]*>1</td>\s*<td[^>]*>94,1\u00a0%</td>", page)
    # Per type read: the letter read `other` was retyped payslip; the others were right.
    assert _row(page, "Autre document", "Bulletin de salaire (1)", "1", "1", "0,0\u00a0%")
    assert _row(page, "Passeport", "—", "1", "0", "100,0\u00a0%")
    # Set aside: once, blocking, in one dossier.
    assert _row(page, "Gratification sous le minimum", "1", "1", "1")
    # The latest corrections, the undecided dossier's included, newest first.
    examples = page.split("Dernières corrections")[1]
    assert examples.index(OTHER) < examples.index(REF)
    assert "ORBITAL" in examples and "ORBITALE" in examples and "700,00\u00a0€" in examples


def test_agents_are_refused_and_the_empty_page_says_so(client: TestClient, records: Records) -> None:  # noqa: F811
    log_in(client, *AGENT)
    refused = client.get("/admin/precision")
    assert refused.status_code == 403 and "réservée aux administrateurs" in refused.text
    assert 'href="/admin/precision"' not in client.get("/").text
    client.cookies.clear()
    assert client.get("/admin/precision").status_code == 303  # to the login page
    log_in(client, *ADMIN)
    page = client.get("/admin/precision").text
    assert "Aucun dossier décidé pour l'instant." in page and "Aucune correction pour l'instant." in page
    assert 'href="/admin/precision"' in client.get("/").text


@pytest.fixture
def synth_dossiers() -> list[Path]:
    """The browser test's server, without generated dossiers: this test records its own."""
    return []


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)")
def test_override_then_accuracy_page_in_the_browser(server: tuple[str, Services]) -> None:  # noqa: F811
    from playwright.sync_api import expect, sync_playwright

    url, served = server
    Users(served.db).add(ADMIN[0], "admin", ADMIN[1])
    _record(served.records, REF)
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser, page = signed_in_page(playwright, url, ADMIN)
        page.goto(f"{url}/dossiers/{REF}")
        flag = page.locator("li.flag.blocking").first
        flag.get_by_text("Écarter ce contrôle…").click()
        assert axe_violations(page) == []
        reason = flag.get_by_label("Motif (conservé dans l'historique)")
        flag.get_by_role("button", name="Écarter ce contrôle").click()
        assert reason.evaluate("field => field.validity.valueMissing")  # required: not sent empty
        reason.fill(REASON)
        flag.get_by_role("button", name="Écarter ce contrôle").click()
        expect(page.locator("li.flag.overridden")).to_contain_text(REASON)
        assert "À instruire" in page.locator(".dossier-head").inner_text()
        assert axe_violations(page) == []
        page.screenshot(path=ARTIFACTS / "controle-ecarte.png", full_page=True)
        reviews = Reviews(served.db, recheck=recheck_document)
        run_id = served.records.runs(REF)[-1].id
        reviews.correct_field(REF, run_id, 1, "host_name", "ORBITALE", ADMIN[0])
        reviews.decide(REF, run_id, Decision.approved, None, ADMIN[0])

        page.get_by_role("link", name="Précision de la lecture").click()
        expect(page.get_by_role("heading", name="Contrôles les plus écartés")).to_be_visible()
        expect(page.locator("table.accuracy").last).to_contain_text("Gratification sous le minimum")
        expect(page.locator("#by-field-title + .table-scroll table")).to_contain_text("Organisme d'accueil")
        expect(page.locator("table.by-type")).to_contain_text("Convention de stage")
        expect(page.locator("table.examples")).to_contain_text("ORBITALE")
        assert axe_violations(page) == []
        page.screenshot(path=ARTIFACTS / "precision-de-la-lecture.png", full_page=True)
        browser.close()
