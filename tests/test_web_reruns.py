"""Administrators' reruns (issue 10, point 8): a state (requested, en cours, finished with
its outcome), idempotent requests enforced by the database, a timeout for a rerun whose
process died, "Relancer tous les échecs", and the outcome on the failed page. Real
PostgreSQL, real pipeline; Airflow is its two REST endpoints (tests.test_web.FakeAirflow)."""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import HTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pipeline.recorded import Services, rerun
from storage.database import Database
from storage.records import Records
from storage.reruns import Reruns
from storage.users import Users
from tests.browser_login import signed_in_page
from tests.test_web import FakeAirflow, fail_latest, recorded
from tests.test_web_browser import (  # noqa: F401
    CHROMIUM,
    axe_violations,
    free_port,
    server,
)
from tests.test_web_fixtures import (  # noqa: F401
    ADMIN,
    AS_OF,
    accounts,
    client,
    log_in,
    make_client,
    process,
    services,
    synth_dossiers,
)
from web.rerun import AirflowConfig

REF = "2026-RERUN-000001"


def reruns_rows(database: Database) -> list[tuple[str, str, str | None, str | None]]:
    """(reference, state, outcome_status, outcome_error) of every rerun, oldest first."""
    with database.connection() as conn:
        return conn.execute("""SELECT d.reference, q.state, q.outcome_status, q.outcome_error FROM reruns q
                               JOIN dossiers d ON d.id = q.dossier_id ORDER BY q.id""").fetchall()


def failed_dossier(records: Records, reference: str = REF) -> None:
    recorded(records, reference, submitted=dt.date(2026, 5, 1))
    fail_latest(records, reference, "tesseract is not installed or it's not in your PATH")


@pytest.fixture
def fake_airflow() -> Iterator[AirflowConfig]:
    http_server = HTTPServer(("127.0.0.1", 0), FakeAirflow)
    threading.Thread(target=http_server.serve_forever, daemon=True).start()
    FakeAirflow.calls = []
    try:
        yield AirflowConfig(f"http://127.0.0.1:{http_server.server_port}", "admin", "secret")
    finally:
        http_server.shutdown()


def dag_runs() -> list[dict]:
    return [conf["conf"] for path, conf, _ in FakeAirflow.calls if path.endswith("/dagRuns")]


# -- storage: idempotence in the database -----------------------------------------------------


def test_a_second_request_queues_nothing_while_the_first_is_in_progress(records: Records,
                                                                         database: Database) -> None:
    failed_dossier(records)
    reruns = Reruns(database)
    first = reruns.request(REF, "adam", "in_process")
    second = reruns.request(REF, "alice", "in_process")
    assert first.queued is not None and first.in_progress is None
    assert second.queued is None and second.in_progress.requested_by == "adam"
    assert reruns_rows(database) == [(REF, "requested", None, None)]
    assert reruns.request("NOPE", "adam", "in_process") is None
    # Once finished, the dossier can be rerun again.
    reruns.start(first.queued.id)
    reruns.finish(first.queued.id)
    assert reruns.request(REF, "alice", "in_process").queued is not None


def test_simultaneous_requests_from_two_administrators_queue_one_rerun(records: Records,
                                                                        database: Database) -> None:
    failed_dossier(records)
    reruns = Reruns(database)
    barrier = threading.Barrier(4)

    def ask(actor: str):  # type: ignore[no-untyped-def]
        barrier.wait()
        return reruns.request(REF, actor, "in_process")

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(ask, ["adam", "alice", "bob", "carole"]))
    assert sum(answer.queued is not None for answer in answers) == 1
    assert len(reruns_rows(database)) == 1


def test_the_database_itself_refuses_a_second_open_rerun(records: Records, database: Database) -> None:
    import psycopg

    failed_dossier(records)
    Reruns(database).request(REF, "adam", "in_process")
    with pytest.raises(psycopg.errors.UniqueViolation), database.connection() as conn:
        conn.execute("INSERT INTO reruns (dossier_id, requested_by, via) "
                     "SELECT id, 'eve', 'in_process' FROM dossiers WHERE reference = %s", (REF,))


def test_a_rerun_stuck_en_cours_can_be_asked_for_again_after_the_timeout(records: Records,
                                                                         database: Database) -> None:
    failed_dossier(records)
    reruns = Reruns(database)
    stuck = reruns.request(REF, "adam", "in_process").queued
    reruns.start(stuck.id)  # ... and the process dies: no run, no finish
    with database.connection() as conn:  # half an hour and a minute later
        conn.execute("UPDATE reruns SET requested_at = requested_at - interval '31 minutes', "
                     "started_at = started_at - interval '31 minutes' WHERE id = %s", (stuck.id,))
    again = reruns.request(REF, "alice", "in_process")
    assert again.queued is not None
    (_, state, status, error), open_one = reruns_rows(database)
    assert state == "finished" and status == "failed" and "sans nouvelles" in error
    assert open_one[1] == "requested"
    # The runner of the dead request, had it survived, leaves its closed rerun alone.
    assert reruns.start(stuck.id) is False


def test_a_batch_runner_keeps_its_waiting_reruns_alive(records: Records, database: Database) -> None:
    failed_dossier(records)
    reruns = Reruns(database)
    waiting = reruns.request(REF, "adam", "in_process").queued
    with database.connection() as conn:
        conn.execute("UPDATE reruns SET requested_at = requested_at - interval '40 minutes' WHERE id = %s",
                     (waiting.id,))
    reruns.touch([waiting.id])  # the batch finished the dossier before it
    assert reruns.latest([REF])[REF].in_progress


def test_a_rerun_through_airflow_is_followed_by_the_dossiers_runs(records: Records, database: Database) -> None:
    failed_dossier(records)
    reruns = Reruns(database)
    reruns.request(REF, "adam", "airflow")
    assert reruns.latest([REF])[REF].state == "requested"
    with records.begin_run(REF, name=REF, pipeline_version="test") as run:  # Airflow's worker
        assert reruns.latest([REF])[REF].state == "running"
        run.fail("tesseract introuvable")
    state = reruns.latest([REF])[REF]
    assert (state.state, state.outcome_status, state.outcome_error) == ("finished", "failed", "tesseract introuvable")
    assert not state.succeeded
    reruns.request(REF, "adam", "airflow")
    recorded(records, REF, submitted=dt.date(2026, 5, 1))  # this time it reads
    state = reruns.latest([REF])[REF]
    assert state.succeeded and state.outcome_status == "ready_for_review"
    assert reruns.counts().succeeded == 1 and reruns.counts().failed_again == 1


# -- the web: one dossier ---------------------------------------------------------------------


def test_a_second_click_through_airflow_triggers_nothing_and_says_so(services: Services, accounts: Users,  # noqa: F811
                                                                    records: Records, database: Database,
                                                                    fake_airflow: AirflowConfig) -> None:
    failed_dossier(records)
    with make_client(services, fake_airflow) as web:
        csrf = log_in(web, *ADMIN)
        first = web.post(f"/admin/dossiers/{REF}/rerun", data={"csrf_token": csrf})
        second = web.post(f"/admin/dossiers/{REF}/rerun", data={"csrf_token": csrf})
        assert first.headers["location"].startswith("/admin/failed?notice=rerun#")
        assert second.headers["location"].startswith("/admin/failed?notice=rerun_busy#")
        page = web.get(second.headers["location"]).text
    assert "déjà en cours de retraitement : rien n&#39;a été relancé" in page
    assert "Retraitement en cours depuis" in page
    assert f'action="/admin/dossiers/{REF}/rerun"' not in page  # no button while it runs
    assert dag_runs() == [{"references": [REF], "failed": False}]
    assert reruns_rows(database) == [(REF, "requested", None, None)]
    requested = [e for e in records.history(REF) if e.action == "rerun_requested"]
    assert len(requested) == 1 and requested[0].details["dag_run_id"] == "manual__1"


def test_airflow_refusing_closes_the_request_so_it_can_be_asked_again(services: Services, accounts: Users,  # noqa: F811
                                                                      records: Records, database: Database) -> None:
    failed_dossier(records)
    nobody = AirflowConfig(f"http://127.0.0.1:{free_port()}", "admin", "secret")
    with make_client(services, nobody) as web:
        csrf = log_in(web, *ADMIN)
        response = web.post(f"/admin/dossiers/{REF}/rerun", data={"csrf_token": csrf})
    assert response.status_code == 502 and "Airflow n&#39;a pas accepté" in response.text
    (_, state, _, error), = reruns_rows(database)
    assert state == "finished" and "Airflow" in error


def test_an_in_process_rerun_shows_its_outcome(client: TestClient, services: Services, database: Database,  # noqa: F811
                                               synth_dossiers: list[Path]) -> None:  # noqa: F811
    reference = process(services, synth_dossiers[1])
    fail_latest(services.records, reference, "OCR indisponible")
    failed_dossier(services.records)  # kept no originals: its rerun cannot run
    csrf = log_in(client, *ADMIN)
    for ref in (reference, REF):  # the rerun runs as a background task of the response
        assert client.post(f"/admin/dossiers/{ref}/rerun", data={"csrf_token": csrf}).status_code == 303
    rows = {ref: (state, status, error) for ref, state, status, error in reruns_rows(database)}
    assert rows[reference][0] == "finished" and rows[reference][1] in ("ready_for_review", "incomplete")
    assert rows[reference][2] is None
    assert rows[REF][0] == "finished" and rows[REF][1] == "failed" and "aucun fichier conservé" in rows[REF][2]
    page = client.get("/admin/failed").text
    assert "Retraitements récents" in page and "réussi, désormais" in page
    assert "en échec à nouveau (aucun fichier conservé" in page
    assert f'action="/admin/dossiers/{REF}/rerun"' in page  # asked for again at will
    assert "En cours : 0 · sur les dernières 24 h : 1 réussi(s)" in page


# -- the web: all failed dossiers -------------------------------------------------------------


def test_relancer_tous_reruns_every_failed_dossier_not_already_in_progress(
        client: TestClient, services: Services, database: Database, synth_dossiers: list[Path]) -> None:  # noqa: F811
    references = [process(services, folder) for folder in synth_dossiers]
    for reference in references:
        fail_latest(services.records, reference, "OCR indisponible")
    failed_dossier(services.records)
    Reruns(database).request(REF, "alice", "in_process")  # under way elsewhere
    csrf = log_in(client, *ADMIN)
    assert "Relancer tous les échecs" in client.get("/admin/failed").text
    response = client.post("/admin/reruns", data={"csrf_token": csrf})
    assert response.status_code == 303
    page = client.get(response.headers["location"]).text
    assert "2 retraitement(s) lancé(s), 1 déjà en cours" in page
    rows = reruns_rows(database)
    assert [(ref, state) for ref, state, _, _ in rows] == [(REF, "requested")] + [
        (ref, "finished") for ref in sorted(references)]
    assert all(status in ("ready_for_review", "incomplete") and error is None for _, _, status, error in rows[1:])
    assert {d.reference: d.status for d in services.records.list_dossiers()} == {
        REF: "failed", **{ref: status for ref, _, status, _ in rows[1:]}}
    # A second "Relancer tous" right away: everything left failed is already under way.
    again = client.post("/admin/reruns", data={"csrf_token": csrf})
    assert "0 retraitement(s) lancé(s), 1 déjà en cours" in client.get(again.headers["location"]).text


def test_relancer_tous_through_airflow_is_one_dag_run(services: Services, accounts: Users, records: Records,  # noqa: F811
                                                      database: Database, fake_airflow: AirflowConfig) -> None:
    for reference in ("2026-RERUN-000001", "2026-RERUN-000002"):
        failed_dossier(records, reference)
    with make_client(services, fake_airflow) as web:
        csrf = log_in(web, *ADMIN)
        web.post("/admin/reruns", data={"csrf_token": csrf})
        web.post("/admin/reruns", data={"csrf_token": csrf})
    assert dag_runs() == [{"references": ["2026-RERUN-000001", "2026-RERUN-000002"], "failed": False}]
    assert [state for _, state, _, _ in reruns_rows(database)] == ["requested", "requested"]


def test_agents_cannot_rerun_everything(client: TestClient) -> None:  # noqa: F811
    from tests.test_web_fixtures import AGENT

    csrf = log_in(client, *AGENT)
    assert client.post("/admin/reruns", data={"csrf_token": csrf}).status_code == 403
    log_in(client, *ADMIN)
    assert client.post("/admin/reruns", data={"csrf_token": "faux"}).status_code == 403


# -- in a browser ------------------------------------------------------------------------------


@pytest.fixture
def cli_env(cli_env: dict[str, str], fake_airflow: AirflowConfig,
            monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The command line's environment with Airflow configured: `dossiers serve` (the
    browser test's server) sends its reruns to the fake Airflow."""
    airflow = {"DOSSIERS_AIRFLOW_URL": fake_airflow.url, "DOSSIERS_AIRFLOW_USER": fake_airflow.user,
               "DOSSIERS_AIRFLOW_PASSWORD": fake_airflow.password}
    for name, value in airflow.items():
        monkeypatch.setenv(name, value)
    return {**cli_env, **airflow}


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)")
def test_two_clicks_in_the_browser_give_one_rerun_and_the_outcome_shows(server: tuple[str, Services]) -> None:  # noqa: F811
    """Two tabs of the failed page: the first click asks Airflow for a rerun, the second
    (a page shown before) is told it is under way; Airflow's worker then reruns the dossier
    and the page shows that it succeeded. axe-core finds nothing on any of them."""
    from playwright.sync_api import expect, sync_playwright

    url, live = server
    reference = live.records.list_dossiers()[0].reference
    fail_latest(live.records, reference, "OCR indisponible")
    Users(live.db).add(ADMIN[0], "admin", ADMIN[1])
    with sync_playwright() as playwright:
        browser, first = signed_in_page(playwright, url, ADMIN)
        second = first.context.new_page()
        for page in (first, second):
            page.goto(f"{url}/admin/failed")
        assert axe_violations(first) == []
        button = f"Relancer le traitement de {reference}"
        first.get_by_role("button", name=button).click()
        expect(first.get_by_role("status")).to_have_text("Retraitement lancé.")
        expect(first.locator(f"tr[id='{reference}'] .rerun-running")).to_contain_text("Retraitement en cours depuis")
        expect(first.get_by_role("button", name=button)).to_have_count(0)
        assert axe_violations(first) == []
        second.get_by_role("button", name=button).click()  # on the page shown before the first click
        expect(second.get_by_role("status")).to_contain_text("déjà en cours de retraitement")
        assert len(dag_runs()) == 1

        rerun(reference, live, today=AS_OF, actor=ADMIN[0])  # what Airflow's task does
        first.reload()
        expect(first.locator("table.reruns")).to_contain_text("réussi, désormais")
        assert axe_violations(first) == []
        browser.close()
    assert [state for _, state, _, _ in reruns_rows(live.db)] == ["finished"]
