"""Corrections that count, flow and keys (issue 10, points 3 and 5): several fields saved
in one form and one recheck, with the page saying what changed; a retyped piece read
again from its stored page text (no OCR); no decision over unsaved edits; the message to
the employer written from the blocking reasons; "Approuver et suivant". Real database,
real pipeline on generated dossiers; the browser test drives Debian's chromium."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from models import FIELDS, FlagCode, Page, PieceType, Status
from models.records import PieceResult
from pipeline.page_cache import PageCache, reader_fingerprint
from pipeline.recorded import Services
from pipeline.reextract import stored_pages
from storage.local_objects import LocalObjectStore
from storage.records import Records
from tests.browser_login import signed_in_page
from tests.test_web_browser import ARTIFACTS, CHROMIUM, axe_violations, server  # noqa: F401
from tests.test_web_fixtures import (  # noqa: F401
    AGENT,
    accounts,
    client,
    log_in,
    process,
    services,
    synth_dossiers,
)
from tests.test_web_recheck import REF, _result

INPUT = re.compile(r'form="corrections-form" name="(valeur:[^"]+)"\s+value="([^"]*)"')
TEXTAREA = re.compile(r'<textarea id="sendback-message"[^>]*>(.*?)</textarea>', re.DOTALL)


def _record_incomplete(records: Records) -> int:
    """The intern's dossier held back by a gratification read as 500 €; its run id."""
    with records.begin_run(REF, name=REF, pipeline_version="test") as run:
        run.complete(_result())
    return records.runs(REF)[-1].id


def _page_text(browser: TestClient, url: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", browser.get(url).text))


def test_several_fields_saved_at_once_with_one_recheck_and_a_summary(client: TestClient,  # noqa: F811
                                                                     records: Records) -> None:
    run_id = _record_incomplete(records)
    csrf = log_in(client, *AGENT)
    page = client.get(f"/dossiers/{REF}").text
    # Every field of the page comes back as the page filled it; two of them changed (one
    # written the French way).
    form = {name: html.unescape(value) for name, value in INPUT.findall(page)}
    assert len(form) == sum(len(p.fields) for p in _result().pieces)
    form |= {"valeur:1:monthly_gratification": "700,00 €", "valeur:1:host_name": "ORBITAL SAS"}
    response = client.post(f"/dossiers/{REF}/corrections", data={"csrf_token": csrf, "run_id": run_id, **form})
    assert response.status_code == 303
    # At the first corrected field of the page.
    assert response.headers["location"] in (f"/dossiers/{REF}?bilan=1#champ-1-monthly_gratification",
                                            f"/dossiers/{REF}?bilan=1#champ-1-host_name")

    result = records.current_result(REF)
    assert result.status == Status.ready_for_review and result.flags == []
    assert result.pieces[1].fields["monthly_gratification"] == 700.0
    assert result.pieces[1].fields["host_name"] == "ORBITAL SAS"
    assert set(result.pieces[1].corrections) == {"monthly_gratification", "host_name"}
    assert result.pieces[0].corrections is None  # unchanged values are no corrections
    actions = [e.action for e in records.history(REF)]
    assert actions.count("field_corrected") == 2 and actions.count("checks_rerun") == 1

    shown = _page_text(client, response.headers["location"])
    summary = re.search(r'<p class="notice change-summary"[^>]*>(.*?)</p>', shown)
    assert summary, "no summary of the save"
    assert summary.group(1).startswith("2 champs corrigés ; contrôle levé : ")
    assert "(pièce 2, champ « Gratification mensuelle (€) »)" in summary.group(1)  # the field it was about
    assert summary.group(1).endswith("statut : À instruire (était : Incomplet).")
    rows = re.search(r'data-rows="([^"]*)"', shown).group(1).split()
    assert sorted(rows) == ["champ-1-host_name", "champ-1-monthly_gratification"]
    assert response.headers["location"].endswith(f"#{rows[0]}")

    # Nothing changed: said so, no recheck.
    again = client.post(f"/dossiers/{REF}/corrections", data={
        "csrf_token": csrf, "run_id": run_id, "valeur:1:host_name": "ORBITAL SAS"})
    assert again.headers["location"].startswith(f"/dossiers/{REF}?bilan=0")
    assert "Aucune modification à enregistrer" in client.get(again.headers["location"]).text
    assert [e.action for e in records.history(REF)].count("checks_rerun") == 1


def test_one_refused_value_saves_none_and_keeps_what_was_typed(client: TestClient,  # noqa: F811
                                                               records: Records) -> None:
    run_id = _record_incomplete(records)
    csrf = log_in(client, *AGENT)
    response = client.post(f"/dossiers/{REF}/corrections", data={
        "csrf_token": csrf, "run_id": run_id, "valeur:1:host_name": "ORBITAL SAS",
        "valeur:1:monthly_gratification": "sept cents"})
    assert response.status_code == 400
    assert "« sept cents » n'est pas un nombre" in html.unescape(response.text)
    assert 'value="ORBITAL SAS" data-saved="ORBITAL"' in response.text  # typed, still unsaved
    assert records.current_result(REF).pieces[1].fields["host_name"] == "ORBITAL"
    assert "field_corrected" not in [e.action for e in records.history(REF)]


def test_no_decision_while_the_page_holds_unsaved_edits(client: TestClient, records: Records) -> None:  # noqa: F811
    run_id = _record_incomplete(records)
    csrf = log_in(client, *AGENT)
    client.post(f"/dossiers/{REF}/corrections", data={
        "csrf_token": csrf, "run_id": run_id, "valeur:1:monthly_gratification": "700"})
    assert records.current_result(REF).status == Status.ready_for_review
    refused = client.post(f"/dossiers/{REF}/decision", data={
        "csrf_token": csrf, "run_id": run_id, "decision": "approved", "unsaved": "2"})
    assert refused.status_code == 400
    assert "2 modification(s) non enregistrée(s)" in html.unescape(refused.text)
    assert records.current_result(REF).review is None


def test_the_send_back_message_is_written_from_the_blocking_reasons(client: TestClient,  # noqa: F811
                                                                    records: Records) -> None:
    run_id = _record_incomplete(records)
    csrf = log_in(client, *AGENT)
    page = client.get(f"/dossiers/{REF}").text
    assert 'id="approve-form"' not in page  # incomplete: not to approve, but to write about
    message = html.unescape(TEXTAREA.search(page).group(1))
    flag = _result().flags[0]
    assert flag.code == FlagCode.gratification_below_minimum
    assert message.splitlines() == [
        "Bonjour,", f"Le dossier {REF} ne peut pas être instruit en l'état :",
        f"- {flag.message} (Convention de stage, fichier convention.pdf)",
        "Merci de nous transmettre les pièces ou les corrections nécessaires."]

    edited = message.replace("Merci", "Merci d'avance,\nMerci")
    response = client.post(f"/dossiers/{REF}/decision", data={
        "csrf_token": csrf, "run_id": run_id, "decision": "sent_back", "message": edited})
    assert response.status_code == 303 and response.headers["location"] == "/?notice=sent_back"
    result = records.current_result(REF)
    assert result.status == Status.incomplete and result.review.message == edited.strip()


# A contract and an internship agreement share dates and hours: retyped one into the other,
# a piece has fields to read again from the same text.
OTHER_KIND = {PieceType.employment_contract: PieceType.internship_agreement,
              PieceType.internship_agreement: PieceType.employment_contract}


def _agreement_piece(served: Services, folder: Path) -> tuple[str, int, int, PieceResult, PieceType]:
    """A generated dossier processed, and its contract or internship agreement: (reference,
    piece index, run id, the piece as read, the other type)."""
    reference = process(served, folder)
    result = served.records.current_result(reference)
    index = next(i for i, p in enumerate(result.pieces) if p.type in OTHER_KIND)
    piece = result.pieces[index]
    return reference, index, served.records.runs(reference)[-1].id, piece, OTHER_KIND[piece.type]


def test_a_retyped_piece_is_read_again_from_its_stored_page_text(client: TestClient, services: Services,  # noqa: F811
                                                                 synth_dossiers: list[Path]) -> None:  # noqa: F811
    reference, index, run_id, read, other = _agreement_piece(services, synth_dossiers[0])
    records = services.records
    assert read.fields["start_date"]
    csrf = log_in(client, *AGENT)

    def retype(piece_type: str) -> str:
        response = client.post(f"/dossiers/{reference}/piece-type", data={
            "csrf_token": csrf, "run_id": run_id, "piece": index, "type": piece_type})
        assert response.status_code == 303, response.text
        return _page_text(client, response.headers["location"])

    page = retype(other.value)
    retyped = records.current_result(reference).pieces[index]
    assert set(retyped.fields) == set(FIELDS[other])  # (jsonb keeps no key order)
    assert retyped.fields["start_date"] == read.fields["start_date"]  # read from the same text
    assert set(retyped.fields) != set(read.fields)
    assert "Type de pièce modifié, champs relus pour le nouveau type" in page

    retype(read.type.value)
    again = records.current_result(reference).pieces[index]
    assert again.fields == read.fields and again.field_boxes == read.field_boxes
    assert again.field_confidence == read.field_confidence
    assert again.type_correction is not None and again.type_correction.original == read.type


def test_pages_kept_by_an_earlier_reader_still_serve(tmp_path: Path) -> None:
    """A reader changed since the dossier was read: its cached pages are under another
    fingerprint, and they are the text the checks were made on."""
    cache = PageCache(LocalObjectStore(tmp_path / "objects"))
    sha = "ab" * 32
    pages = [Page(source="old-name.pdf", number=n, width=595, height=842, text_source="text_layer") for n in (1, 2)]
    for page in pages:
        key = cache.put(sha, page)
        earlier = key.replace(f"/{reader_fingerprint()}-", "/0123456789abcdef-")
        cache.store.put_bytes(earlier, cache.store.get_bytes(key), media_type="application/json", metadata={})
        cache.store.delete(key)
    found = stored_pages(cache, sha, [1, 2], "contrat.pdf")
    assert found is not None and [(p.number, p.source) for p in found] == [(1, "contrat.pdf"), (2, "contrat.pdf")]
    assert stored_pages(cache, sha, [1, 3], "contrat.pdf") is None


def test_a_retyped_piece_whose_page_text_is_gone_says_so(client: TestClient, services: Services,  # noqa: F811
                                                         synth_dossiers: list[Path]) -> None:  # noqa: F811
    reference, index, run_id, read, other = _agreement_piece(services, synth_dossiers[0])
    for key in list(services.store.list_keys("derived/")):
        if "/pages/" in key:
            services.store.delete(key)
    csrf = log_in(client, *AGENT)
    response = client.post(f"/dossiers/{reference}/piece-type", data={
        "csrf_token": csrf, "run_id": run_id, "piece": index, "type": other.value})
    page = _page_text(client, response.headers["location"])
    assert "le texte lu de cette pièce n'est plus conservé : ses champs n'ont pas pu être relus" in page
    piece = services.records.current_result(reference).pieces[index]
    assert set(piece.fields) == set(FIELDS[other])
    shared = set(read.fields) & set(piece.fields)
    assert {name: piece.fields[name] for name in shared} == {name: read.fields[name] for name in shared}
    assert all(piece.fields[name] is None for name in set(piece.fields) - shared)


def test_approve_and_next_opens_the_next_dossier_of_the_queue(client: TestClient, services: Services,  # noqa: F811
                                                              synth_dossiers: list[Path]) -> None:  # noqa: F811
    references = [process(services, folder) for folder in synth_dossiers]
    records = services.records
    ready = [r for r in references if records.current_result(r).status == Status.ready_for_review]
    assert len(ready) == 2, "both generated dossiers wait in the queue"
    csrf = log_in(client, *AGENT)
    first, second = ready
    run_id = records.runs(first)[-1].id
    response = client.post(f"/dossiers/{first}/decision", data={
        "csrf_token": csrf, "run_id": run_id, "decision": "approved", "then": "suivant", "unsaved": "0"})
    assert response.status_code == 303
    assert response.headers["location"] == f"/dossiers/{second}?precedent={first}"
    assert f"Dossier {first} approuvé. Dossier suivant de la file :" in _page_text(client, response.headers["location"])
    assert records.current_result(first).status == Status.approved
    # The last one: back to the queue.
    response = client.post(f"/dossiers/{second}/decision", data={
        "csrf_token": csrf, "run_id": records.runs(second)[-1].id, "decision": "approved", "then": "suivant"})
    assert response.headers["location"] == "/?notice=approved"


# -- in the browser ------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)")
def test_unsaved_edits_stop_a_decision_and_keys_drive_the_review(server: tuple[str, Services]) -> None:  # noqa: F811
    from playwright.sync_api import expect, sync_playwright

    url, served = server
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser, page = signed_in_page(playwright, url, AGENT, height=768)
        first = page.locator("table.queue tbody tr").first.get_by_role("link")
        reference = first.inner_text()
        first.click()
        expect(page.get_by_role("heading", name=f"Dossier {reference}")).to_be_visible()

        # An edit not saved: "Approuver" decides nothing and says why, in French.
        job = page.locator("tr.field[id$='-job_title']").first
        job.locator("input.field-value").fill("ASSISTANT COMMERCIAL EXPORT")
        expect(page.locator("#pending-edits")).to_have_text("1 modification non enregistrée")
        page.locator("#approve").click()
        warning = page.get_by_role("alert")
        expect(warning).to_contain_text("1 modification n'est pas enregistrée (Emploi (pièce")
        expect(warning).to_contain_text("aucune décision n'a été prise")
        expect(page.locator("#unsaved-save")).to_be_focused()
        assert axe_violations(page) == []
        page.screenshot(path=ARTIFACTS / "corrections-1-non-enregistre.png")
        assert served.records.current_result(reference).review is None
        page.get_by_role("button", name="Annuler mes modifications").click()
        expect(warning).to_be_hidden()
        expect(page.locator("#pending-edits")).to_have_text("")

        # Two fields edited, saved once with Enter: the page says what changed and shows the first
        # corrected row, focused, below the sticky decision bar.
        rows = page.locator("tr.field:has(input.field-value)")
        job.locator("input.field-value").fill("ASSISTANT COMMERCIAL EXPORT")
        hours = page.locator("tr.field[id$='-weekly_hours'] input.field-value").first
        hours.fill("35")
        contract_hours_row = hours.locator("xpath=ancestor::tr").get_attribute("id")
        job_row = job.get_attribute("id")
        job.locator("input.field-value").press("Enter")
        summary = page.locator("#change-summary")
        expect(summary).to_contain_text("champ")
        expect(summary).to_contain_text("statut :")
        page.wait_for_function("document.activeElement.matches('input.field-value')")  # the script ran
        focused = page.evaluate("document.activeElement.closest('tr').id")
        assert focused in (job_row, contract_hours_row)
        bar = page.locator("section.decision").bounding_box()
        row = page.locator(f"#{focused}").bounding_box()
        assert row["y"] >= bar["y"] + bar["height"] - 1, "the corrected row hides under the decision bar"
        assert row["y"] + row["height"] <= 768
        expect(page.locator(f"#{job_row}")).to_have_class(re.compile("just-corrected"))
        assert axe_violations(page) == []
        page.screenshot(path=ARTIFACTS / "corrections-2-enregistre.png")
        assert served.records.current_result(reference).pieces[int(job_row.split("-")[1])].fields[
            "job_title"] == "ASSISTANT COMMERCIAL EXPORT"

        # Keys: Escape leaves the input for its field, j/k move, e edits; typing keys are text.
        page.keyboard.press("Escape")
        expect(page.locator("button.field-select[aria-pressed=true]")).to_have_count(1)
        page.keyboard.press("j")
        page.keyboard.press("k")
        page.keyboard.press("e")
        expect(page.locator(f"#{focused} input.field-value")).to_be_focused()
        page.keyboard.type("r")  # a letter in an input is text, not "reject"
        expect(page.locator("#reject-details")).not_to_have_attribute("open", "")
        page.keyboard.press("Escape")
        page.locator(f"#{focused} input.field-value").evaluate("i => { i.value = i.dataset.saved; i.dispatchEvent(new Event('input')); }")
        page.keyboard.press("r")
        expect(page.locator("#reject-message")).to_be_focused()
        page.locator("#decision-title").click()
        page.keyboard.press("i")
        expect(page.locator("#sendback-message")).to_be_focused()
        page.locator("#decision-title").click()
        assert rows.count() > 0

        # s: approve and open the next dossier of the queue.
        page.once("dialog", lambda dialog: dialog.accept())
        page.keyboard.press("s")
        expect(page.get_by_role("status").first).to_contain_text(f"Dossier {reference} approuvé. Dossier suivant")
        following = page.get_by_role("heading", level=1).inner_text().removeprefix("Dossier ")
        assert following != reference
        assert axe_violations(page) == []
        page.screenshot(path=ARTIFACTS / "corrections-3-suivant.png")
        browser.close()
    assert served.records.current_result(reference).status == Status.approved
