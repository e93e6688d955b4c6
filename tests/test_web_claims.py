"""Claims on dossiers (issue 10): storage under real PostgreSQL with racing threads, the
review pages with two agents, and two browsers (Playwright, slow)."""
from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient

from models.domain import Status
from pipeline.recorded import Services
from storage import claims
from storage.claims import Claims
from storage.database import Database
from storage.records import Records
from storage.overrides import Overrides
from storage.reviews import ClaimedElsewhere, FieldEdit, Reviews
from storage.users import Users
from tests.test_web import blocking, recorded
from tests.test_web_fixtures import (  # noqa: F401
    AGENT,
    accounts,
    client,
    csrf_of,
    log_in,
    make_client,
    services,
    synth_dossiers,
)

SECOND = ("bruno", "mot-de-passe-bruno")
DAY = dt.date(2026, 5, 1)


def dossier_ids(database: Database, references: list[str]) -> list[int]:
    with database.connection() as conn:
        return [conn.execute("SELECT id FROM dossiers WHERE reference = %s", (r,)).fetchone()[0]
                for r in references]


def lapse(database: Database, reference: str, idle: dt.timedelta = claims.CLAIM_IDLE) -> None:
    """As if the holder had done nothing for `idle` (and a second)."""
    with database.connection() as conn:
        conn.execute("UPDATE claims SET active_at = active_at - %s - interval '1 second', "
                     "claimed_at = claimed_at - %s - interval '1 second' "
                     "WHERE dossier_id = (SELECT id FROM dossiers WHERE reference = %s)", (idle, idle, reference))


# -- storage ---------------------------------------------------------------------------------


def test_agents_racing_for_the_same_dossiers_exactly_one_wins_each(
        database: Database, database_url: str, records: Records) -> None:
    references = [f"R-RACE-{n}" for n in range(12)]
    for reference in references:
        recorded(records, reference, submitted=DAY)
    ids = dossier_ids(database, references)
    agents = [f"agent{n}" for n in range(6)]
    outcomes: dict[tuple[int, str], claims.Claim] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(len(agents))

    def race(agent: str) -> None:
        try:
            # A connection per agent, as two web workers would have: real concurrency in PostgreSQL.
            with psycopg.connect(database_url, autocommit=True) as conn:
                start.wait()
                for dossier in ids:
                    outcomes[dossier, agent] = claims.take(conn, dossier, agent)
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=race, args=(agent,)) for agent in agents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    with database.connection() as conn:
        stored = dict(conn.execute("SELECT dossier_id, holder FROM claims").fetchall())
    for dossier in ids:
        winners = [agent for agent in agents if outcomes[dossier, agent].mine]
        assert len(winners) == 1, (dossier, winners)
        # The others were told who holds it.
        assert {outcomes[dossier, agent].holder for agent in agents} == {winners[0]} == {stored[dossier]}


def test_a_claim_taken_while_another_transaction_claims_waits_and_loses(
        database: Database, database_url: str, records: Records) -> None:
    """The first agent's claim is not committed yet when the second asks: the second waits
    for it (no read-then-write gap) and is told who won."""
    recorded(records, "R-SLOW", submitted=DAY)
    [dossier] = dossier_ids(database, ["R-SLOW"])
    second: list[claims.Claim] = []
    with psycopg.connect(database_url) as first:
        assert claims.take(first, dossier, "agnes").mine  # in an open transaction

        def ask() -> None:
            with psycopg.connect(database_url, autocommit=True) as conn:
                second.append(claims.take(conn, dossier, "bruno"))

        thread = threading.Thread(target=ask)
        thread.start()
        time.sleep(0.5)
        assert thread.is_alive() and not second  # blocked on the first's row
        first.commit()
        thread.join(10)
    assert second and not second[0].mine and second[0].holder == "agnes"


def test_a_claim_is_refreshed_by_its_holder_lapses_when_idle_and_is_released(
        database: Database, records: Records) -> None:
    recorded(records, "R-C", submitted=DAY)
    store = Claims(database)
    first = store.claim("R-C", "agnes")
    assert first.mine and first.holder == "agnes"
    again = store.claim("R-C", "agnes")
    assert again.mine and again.since == first.since  # the same claim, kept alive
    other = store.claim("R-C", "bruno")
    assert not other.mine and other.holder == "agnes" and other.since == first.since
    assert store.holder("R-C").holder == "agnes"

    lapse(database, "R-C", claims.CLAIM_IDLE - dt.timedelta(minutes=1))  # idle 29 minutes: still held
    assert not store.claim("R-C", "bruno").mine
    lapse(database, "R-C", dt.timedelta(minutes=1))
    assert store.holder("R-C") is None
    taken = store.claim("R-C", "bruno")  # left alone: the next agent takes it over
    assert taken.mine and taken.holder == "bruno" and taken.since > first.since

    assert not store.release("R-C", "agnes")  # not hers any more
    assert store.release("R-C", "bruno")
    assert store.holder("R-C") is None
    assert store.claim("R-NONE", "bruno") is None
    # The history says who took the dossier and who gave it back; refreshes and refusals say nothing.
    said = [(e.action, e.actor) for e in records.history("R-C") if e.action.startswith("claim_")]
    assert said == [("claim_taken", "agnes"), ("claim_taken", "bruno"), ("claim_released", "bruno")]


def test_only_the_holder_decides_and_deciding_releases(database: Database, records: Records) -> None:
    recorded(records, "R-D", submitted=DAY)
    recorded(records, "R-FREE", submitted=DAY)
    store, reviews = Claims(database), Reviews(database)
    store.claim("R-D", "agnes")
    run = records.runs("R-D")[-1].id
    with pytest.raises(ClaimedElsewhere, match="pris en charge par agnes depuis"):
        reviews.decide("R-D", run, "approved", None, "bruno")
    assert records.current_result("R-D").status == Status.ready_for_review
    assert reviews.decide("R-D", run, "approved", None, "agnes") == Status.approved
    assert store.holder("R-D") is None
    # A dossier nobody holds may be decided straight away (it is taken and given back).
    assert reviews.decide("R-FREE", records.runs("R-FREE")[-1].id, "approved", None, "bruno") == Status.approved
    assert store.holder("R-FREE") is None


def test_the_claim_guards_corrections_type_changes_and_overrides_too(database: Database, records: Records) -> None:
    """Every agent's write goes through the same check as a decision: the holder's claim."""
    recorded(records, "R-G", submitted=DAY, flags=[blocking()], status=Status.incomplete)
    recorded(records, "R-FREE", submitted=DAY)
    store, reviews = Claims(database), Reviews(database)
    store.claim("R-G", "agnes")
    run = records.runs("R-G")[-1].id
    writes = {
        "correction": lambda: reviews.correct_fields("R-G", run, [FieldEdit(0, "host_name", "AUTRE")], "bruno"),
        "type change": lambda: reviews.change_piece_type("R-G", run, 0, "employment_contract", "bruno"),
        "override": lambda: Overrides(reviews).override("R-G", run, 0, "missing_piece", "vu au guichet", "bruno"),
        "send-back": lambda: reviews.decide("R-G", run, "sent_back", "Pièce manquante.", "bruno"),
    }
    for name, write in writes.items():
        with pytest.raises(ClaimedElsewhere, match="pris en charge par agnes depuis .* seul cet agent peut le "
                                                   "corriger ou le décider"):
            write()
        assert store.holder("R-G").holder == "agnes", name
    result = records.current_result("R-G")
    assert result.pieces[0].fields == {"host_name": "ACME"} and result.pieces[0].type == "internship_agreement"
    assert not result.overrides and result.status == Status.incomplete and result.review is None
    assert [e.action for e in records.history("R-G") if e.actor == "bruno"] == []

    # The holder corrects; a free dossier is taken by the agent who corrects it.
    assert reviews.correct_fields("R-G", run, [FieldEdit(0, "host_name", "AUTRE")], "agnes").fields == ((0, "host_name"),)
    free_run = records.runs("R-FREE")[-1].id
    reviews.correct_fields("R-FREE", free_run, [FieldEdit(0, "host_name", "ACME SA")], "bruno")
    assert store.holder("R-FREE").holder == "bruno"
    with pytest.raises(ClaimedElsewhere, match="pris en charge par bruno"):
        reviews.change_piece_type("R-FREE", free_run, 0, "employment_contract", "agnes")


# -- the review pages -------------------------------------------------------------------------


@pytest.fixture
def second_client(services: Services, accounts: Users) -> Iterator[TestClient]:  # noqa: F811
    accounts.add(SECOND[0], "agent", SECOND[1])
    with make_client(services) as other:
        yield other


def test_a_second_agent_sees_who_holds_the_dossier_and_cannot_decide_it(
        client: TestClient, second_client: TestClient, records: Records) -> None:  # noqa: F811
    recorded(records, "R-W", submitted=DAY)
    run = records.runs("R-W")[-1].id
    log_in(client, *AGENT)
    csrf_b = log_in(second_client, *SECOND)
    mine = client.get("/dossiers/R-W").text
    assert "Vous avez pris ce dossier en charge" in mine and "Libérer le dossier" in mine
    assert '<fieldset class="claim-lock">' in mine  # the decision forms are usable

    theirs = second_client.get("/dossiers/R-W").text
    assert f"Dossier pris en charge par {AGENT[0]} depuis" in theirs
    assert '<fieldset class="claim-lock" disabled>' in theirs and "Libérer le dossier" not in theirs
    queue = second_client.get("/").text
    assert f"Pris en charge par {AGENT[0]}" in queue

    refused = second_client.post("/dossiers/R-W/decision",
                                 data={"csrf_token": csrf_b, "run_id": run, "decision": "approved"})
    assert refused.status_code == 409
    assert f"dossier pris en charge par {AGENT[0]} depuis" in refused.text
    assert records.current_result("R-W").status == Status.ready_for_review

    # The holder lets it go: the second agent takes it and decides.
    csrf_a = csrf_of(client.get("/dossiers/R-W").text)
    released = client.post("/dossiers/R-W/liberer", data={"csrf_token": csrf_a})
    assert released.status_code == 303 and released.headers["location"] == "/?notice=released"
    assert "Dossier libéré." in client.get(released.headers["location"]).text
    assert "Vous avez pris ce dossier en charge" in second_client.get("/dossiers/R-W").text
    decided = second_client.post("/dossiers/R-W/decision",
                                 data={"csrf_token": csrf_b, "run_id": run, "decision": "approved"})
    assert decided.status_code == 303
    assert records.current_result("R-W").review.by == SECOND[0]


def _tag(html: str, element_id: str) -> str:
    """The opening tag of the element with this id."""
    match = re.search(rf'<[a-z]+ [^>]*id="{re.escape(element_id)}"[^>]*>', html)
    assert match, element_id
    return match.group(0)


def test_a_second_agent_can_neither_correct_nor_retype_nor_override_a_held_dossier(
        client: TestClient, second_client: TestClient, records: Records) -> None:  # noqa: F811
    recorded(records, "R-V", submitted=DAY, flags=[blocking()], status=Status.incomplete)
    run = records.runs("R-V")[-1].id
    log_in(client, *AGENT)
    csrf_b = log_in(second_client, *SECOND)
    mine = client.get("/dossiers/R-V").text
    theirs = second_client.get("/dossiers/R-V").text
    # The forms that write are usable by the holder, disabled for the other agent.
    for element in ("value-0-host_name", "type-0", "override-reason-0"):
        assert " disabled" not in _tag(mine, element), element
        assert " disabled" in _tag(theirs, element), element
    assert theirs.count('class="save-piece" disabled') == 1 and 'class="save-piece" disabled' not in mine
    assert "seul cet agent peut le corriger ou le décider" in theirs

    base = {"csrf_token": csrf_b, "run_id": run}
    posts = {
        "corrections": {**base, "valeur:0:host_name": "AUTRE"},
        "fields": {**base, "piece": 0, "field": "host_name", "value": "AUTRE"},
        "piece-type": {**base, "piece": 0, "type": "employment_contract"},
        "overrides": {**base, "position": 0, "code": "missing_piece", "reason": "vu au guichet"},
    }
    for action, data in posts.items():
        refused = second_client.post(f"/dossiers/R-V/{action}", data=data)
        assert refused.status_code == 409, action
        assert f"dossier pris en charge par {AGENT[0]} depuis" in refused.text, action
    result = records.current_result("R-V")
    assert result.pieces[0].fields == {"host_name": "ACME"} and result.pieces[0].type == "internship_agreement"
    assert not result.overrides and result.status == Status.incomplete


def test_releasing_needs_the_csrf_token_and_a_decided_dossier_is_not_claimed(
        client: TestClient, database: Database, records: Records) -> None:
    recorded(records, "R-X", submitted=DAY, status=Status.approved)
    log_in(client, *AGENT)
    page = client.get("/dossiers/R-X").text
    assert "pris en charge" not in page
    assert Claims(database).holder("R-X") is None
    assert client.post("/dossiers/R-X/liberer", data={"csrf_token": "faux"}).status_code == 403


# -- two browsers ------------------------------------------------------------------------------


@pytest.fixture
def two_agents_server(cli_env: dict[str, str]) -> Iterator[str]:
    """Three recorded dossiers (no reading needed for claims), two agents, `dossiers serve`."""
    from storage.settings import Settings
    from tests.test_web_browser import serving

    services = Services.open(Settings.from_env(cli_env))
    try:
        for n, reference in enumerate(("R-1", "R-2", "R-3")):
            recorded(services.records, reference, submitted=DAY + dt.timedelta(days=n))
        users = Users(services.db)
        users.add(AGENT[0], "agent", AGENT[1])
        users.add(SECOND[0], "agent", SECOND[1])
    finally:
        services.close()
    with serving(cli_env) as url:
        yield url


@pytest.mark.slow
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_two_browsers_claiming_the_same_dossier_one_wins_the_other_is_told(two_agents_server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    from tests.test_web_browser import (
        ARTIFACTS,
        CHROMIUM,
        CHROMIUM_ARGS,
        axe_violations,
    )

    url = two_agents_server
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        pages = {}
        for name, password in (AGENT, SECOND):
            context = browser.new_context(viewport={"width": 1366, "height": 800}, locale="fr-FR", bypass_csp=True)
            page = context.new_page()
            page.goto(f"{url}/login")
            page.get_by_label("Identifiant").fill(name)
            page.get_by_label("Mot de passe").fill(password)
            page.get_by_role("button", name="Se connecter").click()
            expect(page.get_by_role("heading", name="Dossiers à instruire")).to_be_visible()
            pages[name] = page
        agnes, bruno = pages[AGENT[0]], pages[SECOND[0]]
        for tab in ("", "?liste=incomplets", "?liste=traites"):
            agnes.goto(f"{url}/{tab}")
            assert axe_violations(agnes) == [], tab

        # Both open R-2 at the same moment: the server gets both requests together.
        for page in (agnes, bruno):
            page.evaluate("location.href = '/dossiers/R-2'")
        for page in (agnes, bruno):
            expect(page.get_by_role("heading", name="Dossier R-2")).to_be_visible()
        won = [page for page in (agnes, bruno) if page.get_by_text("Vous avez pris ce dossier en charge").count()]
        assert len(won) == 1
        winner = AGENT[0] if won[0] is agnes else SECOND[0]
        lost = bruno if won[0] is agnes else agnes
        expect(lost.get_by_text(f"Dossier pris en charge par {winner} depuis")).to_be_visible()
        for button in lost.locator(".decision button").all():  # approve, approve and next, reject, send back
            expect(button).to_be_disabled()
        expect(won[0].locator("#approve")).to_be_enabled()
        assert axe_violations(lost) == []
        lost.screenshot(path=ARTIFACTS / "claims-1-pris-en-charge.png")

        # The queue tells the loser who holds it; the winner gives it back, the other takes it.
        lost.goto(f"{url}/")
        expect(lost.locator('tr[id="R-2"]')).to_contain_text(f"Pris en charge par {winner}")
        assert axe_violations(lost) == []
        lost.screenshot(path=ARTIFACTS / "claims-2-file.png")
        won[0].get_by_role("button", name="Libérer le dossier").click()
        expect(won[0].get_by_role("status")).to_have_text("Dossier libéré.")
        lost.goto(f"{url}/dossiers/R-2")
        expect(lost.get_by_text("Vous avez pris ce dossier en charge")).to_be_visible()
        lost.locator("#approve").click()
        expect(lost.get_by_role("status")).to_have_text("Dossier approuvé.")
        lost.goto(f"{url}/?liste=traites")
        expect(lost.locator('tr[id="R-2"]')).to_contain_text("Approuvé")
        browser.close()
