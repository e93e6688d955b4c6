"""The review web application (issue 5): every route against the real database."""
from __future__ import annotations

import datetime as dt
import json
import threading
import subprocess
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from models.domain import FlagCode, PieceType, Status
from models.records import DossierInfo, DossierResult, Flag, PieceResult
from pipeline.recorded import Services
from storage.records import Records
from storage.users import FREE_FAILURES, MAX_DELAY, MAX_FAILURES_PER_IP, LoginThrottled, Users, failure_delay
from web.app import create_app
from web.rerun import AirflowConfig
from tests.builders import sized_page
from tests.test_web_fixtures import (ADMIN, AGENT, accounts, client, csrf_of, log_in, make_client,  # noqa: F401
                                     process, services, synth_dossiers)

SCHEMA = json.loads((Path(__file__).parent / "data" / "dossier-result.schema.json").read_text())
REF = "2026-TEST-000001"

# (method, path): every route of the app but login and the static files.
ROUTES = [
    ("GET", "/"), ("GET", f"/dossiers/{REF}"), ("GET", f"/dossiers/{REF}/pieces/0/pages/1.png"),
    ("POST", f"/dossiers/{REF}/fields"), ("POST", f"/dossiers/{REF}/piece-type"),
    ("POST", f"/dossiers/{REF}/decision"), ("POST", "/logout"),
    ("GET", "/admin/failed"), ("POST", f"/admin/dossiers/{REF}/rerun"),
]
ADMIN_ROUTES = [("GET", "/admin/failed"), ("POST", f"/admin/dossiers/{REF}/rerun")]


def validate(result: DossierResult) -> None:
    jsonschema.validate(result.to_json_dict(), SCHEMA)


def recorded(records: Records, reference: str, *, submitted: dt.date, procedure: str = "stage",
             flags: list[Flag] = (), status: Status = Status.ready_for_review) -> None:
    """A finished run with this result, recorded as the pipeline would."""
    piece = PieceResult(id="p1", source="convention.pdf", pages=[1], type=PieceType.internship_agreement,
                        confidence=0.9, fields={"host_name": "ACME"}, field_confidence={"host_name": 0.95})
    result = DossierResult(dossier=DossierInfo(reference=reference, procedure=procedure, procedure_source="manifest",
                                               submitted_at=submitted), status=status, pieces=[piece], flags=list(flags))
    with records.begin_run(reference, name=reference, pipeline_version="test") as run:
        run.complete(result)


def warning() -> Flag:
    return Flag.make(FlagCode.registration_too_old, "L'extrait Kbis date de plus de 3 mois.", piece=0)


def blocking() -> Flag:
    return Flag.make(FlagCode.missing_piece, "Pièce manquante : passeport.", piece_type="passport")


# -- access ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_every_route_refuses_an_anonymous_user(client: TestClient, method: str, path: str) -> None:
    response = client.request(method, path)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login")


@pytest.mark.parametrize(("method", "path"), ADMIN_ROUTES)
def test_agents_are_refused_admin_routes(client: TestClient, method: str, path: str) -> None:
    csrf = log_in(client, *AGENT)
    response = client.request(method, path, data={"csrf_token": csrf} if method == "POST" else None)
    assert response.status_code == 403
    assert "réservée aux administrateurs" in response.text


def test_a_form_without_the_session_csrf_token_is_refused(client: TestClient, records: Records) -> None:
    recorded(records, REF, submitted=dt.date(2026, 5, 1))
    log_in(client, *AGENT)
    run_id = records.runs(REF)[-1].id
    for token in ("", "forged"):
        response = client.post(f"/dossiers/{REF}/decision", data={"run_id": run_id, "decision": "approved",
                                                                   "csrf_token": token})
        assert response.status_code == 403
    assert records.list_dossiers()[0].status == "ready_for_review"


def test_login_needs_its_form_token(client: TestClient) -> None:
    response = client.post("/login", data={"username": AGENT[0], "password": AGENT[1], "csrf_token": "x"})
    assert response.status_code == 403


def test_the_session_cookie_is_http_only_samesite_and_secure(client: TestClient) -> None:
    form = client.get("/login")
    response = client.post("/login", data={"username": AGENT[0], "password": AGENT[1],
                                           "csrf_token": csrf_of(form.text)})
    cookie = response.headers["set-cookie"].lower()
    assert "dossiers_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    assert "secure" in cookie
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


def test_logout_ends_the_session(client: TestClient) -> None:
    csrf = log_in(client, *AGENT)
    assert client.post("/logout", data={"csrf_token": csrf}).status_code == 303
    assert client.get("/").status_code == 303


def attempt(client: TestClient, name: str, password: str, headers: dict[str, str] | None = None):
    form = client.get("/login")
    return client.post("/login", data={"username": name, "password": password, "csrf_token": csrf_of(form.text)},
                       headers=headers or {})


def client_at(services: Services, address: str) -> TestClient:
    return TestClient(create_app(services), base_url="https://testserver", follow_redirects=False,
                      client=(address, 50000))


def test_five_wrong_passwords_then_the_right_one_from_another_address_logs_in(
        services: Services, accounts: Users) -> None:
    guesser, owner = client_at(services, "198.51.100.66"), client_at(services, "198.51.100.7")
    codes = [attempt(guesser, AGENT[0], "faux").status_code for _ in range(5)]
    assert codes[:FREE_FAILURES] == [401] * FREE_FAILURES and set(codes[FREE_FAILURES:]) == {429}
    # The guesser's address waits, and is told how long; the owner elsewhere is not slowed.
    refused = attempt(guesser, AGENT[0], AGENT[1])
    assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 2
    assert "réessayez dans" in refused.text
    assert attempt(owner, AGENT[0], AGENT[1]).status_code == 303


def test_guesses_from_many_addresses_do_not_lock_the_owner_out(services: Services, accounts: Users) -> None:
    for number in range(5):
        assert accounts.authenticate(AGENT[0], "faux", f"203.0.113.{number}") is None
    assert attempt(client_at(services, "198.51.100.7"), AGENT[0], AGENT[1]).status_code == 303


def test_delays_double_per_account_and_address_and_a_success_starts_afresh(accounts: Users) -> None:
    def age_attempts(seconds: float) -> None:
        with accounts.db.connection() as conn:
            conn.execute("UPDATE login_attempts SET at = at - %s * interval '1 second'", (seconds,))

    ip = "192.0.2.1"
    for _ in range(FREE_FAILURES):
        assert accounts.authenticate(AGENT[0], "faux", ip) is None
    waits = []
    for expected in (2, 4, 8, 16):
        with pytest.raises(LoginThrottled) as throttled:
            accounts.authenticate(AGENT[0], AGENT[1], ip)
        waits.append(throttled.value.retry_after)
        # Told the time left, rounded up: the full delay, less what the test spent since.
        assert expected - 2 <= throttled.value.retry_after <= expected, waits
        age_attempts(expected)  # as if the wait had passed
        assert accounts.authenticate(AGENT[0], "faux", ip) is None
    assert [failure_delay(n).total_seconds() for n in range(FREE_FAILURES, FREE_FAILURES + 4)] == [2, 4, 8, 16]
    assert failure_delay(100) == MAX_DELAY  # never more than a few minutes
    age_attempts(32)
    assert accounts.authenticate(AGENT[0], AGENT[1], ip) is not None
    assert accounts.authenticate(AGENT[0], "faux", ip) is None  # the count started again
    assert accounts.authenticate(AGENT[0], AGENT[1], ip) is not None


def test_login_attempts_are_capped_per_address(accounts: Users) -> None:
    for number in range(MAX_FAILURES_PER_IP):
        assert accounts.authenticate(f"inconnu{number}", "x", "203.0.113.9") is None
    with pytest.raises(LoginThrottled, match="trop de tentatives"):
        accounts.authenticate(AGENT[0], AGENT[1], "203.0.113.9")
    assert accounts.authenticate(AGENT[0], AGENT[1], "203.0.113.10") is not None


def test_behind_a_trusted_proxy_the_forwarded_address_is_throttled(
        services: Services, accounts: Users, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIERS_TRUSTED_PROXIES", "10.0.0.0/8")
    proxy = client_at(services, "10.1.2.3")
    guesser = {"X-Forwarded-For": "198.51.100.66"}
    for _ in range(MAX_FAILURES_PER_IP):
        assert attempt(proxy, f"inconnu{_}", "x", guesser).status_code == 401
    assert attempt(proxy, ADMIN[0], ADMIN[1], guesser).status_code == 429
    # Every other agent behind the same proxy still logs in; a client cannot pass for
    # another by prepending addresses: the proxy's own hop is the one that counts.
    assert attempt(proxy, AGENT[0], AGENT[1], {"X-Forwarded-For": "198.51.100.7"}).status_code == 303
    assert attempt(proxy, ADMIN[0], ADMIN[1], {"X-Forwarded-For": "198.51.100.66, 198.51.100.66"}).status_code == 429
    assert attempt(proxy, ADMIN[0], ADMIN[1],
                   {"X-Forwarded-For": "198.51.100.8, 198.51.100.66"}).status_code == 429
    # From a peer that is no proxy, the header is ignored: that peer's own address counts.
    direct = client_at(services, "198.51.100.9")
    assert attempt(direct, ADMIN[0], ADMIN[1], {"X-Forwarded-For": "198.51.100.66"}).status_code == 303


def test_an_administrator_lifts_a_lock_from_the_command_line(
        services: Services, accounts: Users, cli_env: dict[str, str]) -> None:
    from pipeline.cli import main

    for _ in range(FREE_FAILURES):
        accounts.authenticate(AGENT[0], "faux", "192.0.2.50")
    with accounts.db.connection() as conn:  # and the address over its ceiling, with other names
        conn.execute("INSERT INTO login_attempts (user_name, ip, succeeded) "
                     "SELECT 'x' || n, '192.0.2.50', false FROM generate_series(1, %s) n", (MAX_FAILURES_PER_IP,))
    with pytest.raises(LoginThrottled):
        accounts.authenticate(AGENT[0], AGENT[1], "192.0.2.50")
    assert main(["users", "unlock", AGENT[0]]) == 0
    with pytest.raises(LoginThrottled):  # the address's ceiling stays unless lifted too
        accounts.authenticate(AGENT[0], AGENT[1], "192.0.2.50")
    assert main(["users", "unlock", AGENT[0], "--address", "192.0.2.50"]) == 0
    assert accounts.authenticate(AGENT[0], AGENT[1], "192.0.2.50") is not None
    assert main(["users", "unlock", "personne"]) == 2


def test_login_redirects_only_to_a_path_of_the_site(client: TestClient) -> None:
    form = client.get("/login?next=//evil.example/x")
    response = client.post("/login", data={"username": AGENT[0], "password": AGENT[1],
                                           "csrf_token": csrf_of(form.text), "next": "//evil.example/x"})
    assert response.headers["location"] == "/"


# -- queue ----------------------------------------------------------------------------------


def test_queue_oldest_first_with_filters_and_the_incomplete_list(client: TestClient, records: Records) -> None:
    recorded(records, "R-NEW", submitted=dt.date(2026, 5, 20), flags=[warning()])
    recorded(records, "R-OLD", submitted=dt.date(2026, 4, 2), procedure="introduction_salarie")
    recorded(records, "R-MID", submitted=dt.date(2026, 5, 1))
    recorded(records, "R-HELD", submitted=dt.date(2026, 3, 1), flags=[blocking()], status=Status.incomplete)
    log_in(client, *AGENT)
    ready = client.get("/").text
    held = client.get("/?liste=incomplets").text
    assert ready.index("R-OLD") < ready.index("R-MID") < ready.index("R-NEW")
    assert "R-HELD" not in ready and "Pièce manquante : passeport." in held and "R-MID" not in held
    assert "En échec" not in ready  # agents do not see the failed list
    assert client.get("/?liste=echecs").text == ready  # nor can they ask for it
    stage_only = client.get("/?procedure=stage").text
    assert "R-MID" in stage_only and "R-OLD" not in stage_only
    warned = client.get("/?avertissements=oui").text
    assert "R-NEW" in warned and "R-MID" not in warned
    clean = client.get("/?avertissements=non").text
    assert "R-MID" in clean and "R-NEW" not in clean


# -- review -----------------------------------------------------------------------------------


def test_review_a_processed_dossier_correct_retype_approve(client: TestClient, services: Services,
                                                           synth_dossiers: list[Path]) -> None:
    reference = process(services, synth_dossiers[0])
    records = services.records
    csrf = log_in(client, *AGENT)
    assert reference in client.get("/").text
    page = client.get(f"/dossiers/{reference}")
    assert page.status_code == 200 and "Approuver" in page.text and "data-boxes" in page.text
    result = records.current_result(reference)
    run_id = records.runs(reference)[-1].id

    image = client.get(f"/dossiers/{reference}/pieces/0/pages/{result.pieces[0].pages[0]}.png")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    assert any(key.startswith("derived/") and "/preview/" in key for key in services.store.list_keys("derived/"))
    assert client.get(f"/dossiers/{reference}/pieces/0/pages/999.png").status_code == 404

    index, piece = next((i, p) for i, p in enumerate(result.pieces) if p.fields)
    field = next(iter(piece.fields))
    original = piece.fields[field]
    response = client.post(f"/dossiers/{reference}/fields", data={
        "csrf_token": csrf, "run_id": run_id, "piece": index, "field": field, "value": "CORRIGÉ"})
    assert response.status_code == 303
    corrected = records.current_result(reference)
    assert corrected.pieces[index].fields[field] == "CORRIGÉ"
    correction = corrected.pieces[index].corrections[field]
    assert correction.original == original and correction.by == AGENT[0]
    validate(corrected)
    assert "CORRIGÉ" in client.get(f"/dossiers/{reference}").text

    response = client.post(f"/dossiers/{reference}/piece-type", data={
        "csrf_token": csrf, "run_id": run_id, "piece": index, "type": "other"})
    assert response.status_code == 303
    assert records.current_result(reference).pieces[index].type == PieceType.other

    response = client.post(f"/dossiers/{reference}/decision", data={
        "csrf_token": csrf, "run_id": run_id, "decision": "approved"})
    assert response.status_code == 303 and response.headers["location"] == "/?notice=approved"
    final = records.current_result(reference)
    assert final.status == Status.approved
    assert final.review.decision == "approved" and final.review.by == AGENT[0]
    validate(final)
    actions = [event.action for event in records.history(reference)]
    assert {"field_corrected", "piece_type_changed", "review_decided"} <= set(actions)
    history = client.get(f"/dossiers/{reference}").text
    assert "Champ corrigé" in history and "Décision" in history
    # Decided: no more changes, and it has left the queue.
    again = client.post(f"/dossiers/{reference}/decision", data={
        "csrf_token": csrf, "run_id": run_id, "decision": "rejected", "message": "non"})
    assert again.status_code == 409
    assert reference not in client.get("/").text.split("Dossiers incomplets")[0]


def test_reject_needs_a_reason_and_send_back_holds_the_dossier(client: TestClient, records: Records) -> None:
    recorded(records, "R-A", submitted=dt.date(2026, 5, 1))
    recorded(records, "R-B", submitted=dt.date(2026, 5, 2))
    csrf = log_in(client, *AGENT)
    run_a, run_b = records.runs("R-A")[-1].id, records.runs("R-B")[-1].id
    refused = client.post("/dossiers/R-A/decision", data={"csrf_token": csrf, "run_id": run_a, "decision": "rejected"})
    assert refused.status_code == 400 and "motif" in refused.text
    client.post("/dossiers/R-A/decision", data={"csrf_token": csrf, "run_id": run_a, "decision": "rejected",
                                                "message": "Salaire incohérent"})
    rejected = records.current_result("R-A")
    assert rejected.status == Status.rejected and rejected.review.message == "Salaire incohérent"
    client.post("/dossiers/R-B/decision", data={"csrf_token": csrf, "run_id": run_b, "decision": "sent_back",
                                                "message": "Joindre le passeport"})
    sent_back = records.current_result("R-B")
    assert sent_back.status == Status.incomplete and sent_back.review.decision == "sent_back"
    validate(rejected), validate(sent_back)
    held = client.get("/?liste=incomplets").text
    assert "R-B" in held and "Joindre le passeport" in held


def test_a_form_shown_for_an_older_run_is_refused(client: TestClient, records: Records) -> None:
    recorded(records, REF, submitted=dt.date(2026, 5, 1))
    old_run = records.runs(REF)[-1].id
    recorded(records, REF, submitted=dt.date(2026, 5, 1))  # processed again meanwhile
    csrf = log_in(client, *AGENT)
    response = client.post(f"/dossiers/{REF}/fields", data={"csrf_token": csrf, "run_id": old_run, "piece": 0,
                                                            "field": "host_name", "value": "X"})
    assert response.status_code == 409 and "rechargez" in response.text
    assert records.current_result(REF).pieces[0].fields["host_name"] == "ACME"


def test_a_numeric_field_takes_a_french_number_and_reverting_drops_the_correction(
        client: TestClient, records: Records) -> None:
    recorded(records, REF, submitted=dt.date(2026, 5, 1))
    run_id = records.runs(REF)[-1].id
    csrf = log_in(client, *AGENT)
    client.post(f"/dossiers/{REF}/fields", data={"csrf_token": csrf, "run_id": run_id, "piece": 0,
                                                 "field": "host_name", "value": "Globex"})
    client.post(f"/dossiers/{REF}/fields", data={"csrf_token": csrf, "run_id": run_id, "piece": 0,
                                                 "field": "host_name", "value": "ACME"})
    piece = records.current_result(REF).pieces[0]
    assert piece.fields["host_name"] == "ACME" and "host_name" not in piece.corrections
    from storage.reviews import parse_value
    assert parse_value("gross_monthly_salary", "1 823,03 €") == 1823.03


def test_unknown_dossier_is_a_404(client: TestClient) -> None:
    log_in(client, *AGENT)
    assert client.get("/dossiers/NOPE").status_code == 404
    assert client.get("/dossiers/NOPE/pieces/0/pages/1.png").status_code == 404


# -- administrators ---------------------------------------------------------------------------


def fail_latest(records: Records, reference: str, error: str) -> None:
    with records.begin_run(reference, name=reference, pipeline_version="test") as run:
        run.fail(error)


def test_admin_sees_failed_dossiers_and_reruns_them_in_process(client: TestClient, services: Services,
                                                               synth_dossiers: list[Path]) -> None:
    reference = process(services, synth_dossiers[1])
    fail_latest(services.records, reference, "OCR indisponible")
    csrf = log_in(client, *ADMIN)
    queue = client.get("/?liste=echecs").text
    assert "Dossiers en échec" in queue and "OCR indisponible" in queue
    assert "OCR indisponible" in client.get("/admin/failed").text
    response = client.post(f"/admin/dossiers/{reference}/rerun", data={"csrf_token": csrf})
    assert response.status_code == 303  # the rerun ran as a background task of that response
    assert services.records.list_dossiers()[0].status in ("ready_for_review", "incomplete")
    actions = [(e.actor, e.action) for e in services.records.history(reference)]
    assert (ADMIN[0], "rerun_requested") in actions and (ADMIN[0], "run_completed") in actions


class FakeAirflow(BaseHTTPRequestHandler):
    """Airflow's two REST endpoints the rerun button uses, recording what it was sent."""

    calls: list[tuple[str, dict, str | None]] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeAirflow.calls.append((self.path, body, self.headers.get("Authorization")))
        answer = ({"access_token": "jeton"} if self.path == "/auth/token"
                  else {"dag_run_id": "manual__1", "state": "queued"})
        data = json.dumps(answer).encode()
        self.send_response(201 if self.path == "/auth/token" else 200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


def test_rerun_goes_through_airflow_when_it_is_configured(services: Services, accounts: Users,
                                                          records: Records) -> None:
    recorded(records, REF, submitted=dt.date(2026, 5, 1))
    fail_latest(records, REF, "base injoignable")
    server = HTTPServer(("127.0.0.1", 0), FakeAirflow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    FakeAirflow.calls = []
    try:
        airflow = AirflowConfig(f"http://127.0.0.1:{server.server_port}", "admin", "secret")
        with make_client(services, airflow) as client:
            csrf = log_in(client, *ADMIN)
            response = client.post(f"/admin/dossiers/{REF}/rerun", data={"csrf_token": csrf})
    finally:
        server.shutdown()
    assert response.status_code == 303
    (token_path, credentials, _), (run_path, conf, auth) = FakeAirflow.calls
    assert token_path == "/auth/token" and credentials == {"username": "admin", "password": "secret"}
    assert run_path == "/api/v2/dags/dossier_rerun/dagRuns" and auth == "Bearer jeton"
    assert conf == {"logical_date": None, "conf": {"references": [REF], "failed": False}}
    event = records.history(REF)[-1]
    assert event.action == "rerun_requested" and event.details["dag_run_id"] == "manual__1"


def test_airflow_settings_come_from_the_environment() -> None:
    assert AirflowConfig.from_env({}) is None
    config = AirflowConfig.from_env({"DOSSIERS_AIRFLOW_URL": "http://af:8080/", "DOSSIERS_AIRFLOW_USER": "u",
                                     "DOSSIERS_AIRFLOW_PASSWORD": "p"})
    assert config == AirflowConfig("http://af:8080", "u", "p")


# -- the command line -------------------------------------------------------------------------


def test_users_add_reads_the_password_from_stdin_and_refuses_without_one(
        cli_env: dict[str, str], database, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # noqa: ANN001
    import io

    from pipeline.cli import main

    monkeypatch.delenv("DOSSIERS_USER_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("un-mot-de-passe\n"))
    assert main(["users", "add", "zoe", "--role", "admin", "--password-stdin"]) == 0
    user = Users(database).authenticate("zoe", "un-mot-de-passe", "127.0.0.1")
    assert user is not None and user.is_admin
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal, no variable: refused
    assert main(["users", "add", "zoe", "--role", "agent"]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("court\n"))
    assert main(["users", "add", "zoe", "--role", "agent", "--password-stdin"]) == 2
    assert "trop court" in capsys.readouterr().err


# -- bounded previews (issue 11) ------------------------------------------------------------

PREVIEW_SERVER = r"""
import datetime as dt, io, json, re, sys
from pathlib import Path
from fastapi.testclient import TestClient
from PIL import Image
from pipeline.recorded import Services, process_and_record
from storage.settings import Settings
from storage.users import Users
from web.app import create_app

def peak_mib():
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) // 1024

services = Services.open(Settings.from_env())
result = process_and_record(Path(sys.argv[1]), services, today=dt.date(2026, 6, 1))
Users(services.db).add("agnes", "agent", "mot-de-passe-agent")
client = TestClient(create_app(services), base_url="https://testserver", follow_redirects=False)
form = client.get("/login")
token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
assert client.post("/login", data={"username": "agnes", "password": "mot-de-passe-agent",
                                   "csrf_token": token}).status_code == 303
before = peak_mib()
pages = [client.get(f"/dossiers/{result.dossier.reference}/pieces/{i}/pages/1.png") for i in range(len(result.pieces))]
sizes = [Image.open(io.BytesIO(p.content)).size for p in pages if p.status_code == 200]
print(json.dumps({"codes": [p.status_code for p in pages], "sizes": sizes, "before": before, "peak": peak_mib(),
                  "sources": [piece.source for piece in result.pieces]}))
"""


@pytest.mark.slow
def test_tall_page_previews_keep_the_server_under_1_gib(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """Scaled to 900 px wide, a 12 × 7,200 pt page would be a 486-megapixel image (3.8 GB
    in the server before): drawn in a bounded worker, within the preview pixel cap. A
    1 × 14,400 pt page is no page at all: refused when the dossier is read."""
    from web.page_images import PREVIEW_MAX_PIXELS, PREVIEW_WIDTH

    folder = tmp_path / "TALL"
    folder.mkdir()
    (folder / "tall.pdf").write_bytes(sized_page(12, 7200))
    (folder / "thread.pdf").write_bytes(sized_page(1, 14400))
    (folder / "a4.pdf").write_bytes(sized_page(595, 842))
    proc = subprocess.run([sys.executable, "-c", PREVIEW_SERVER, str(folder)], env=cli_env, capture_output=True,
                          text=True, timeout=600, cwd=Path(__file__).parents[1])
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    # The thread-thin page is refused at reading (unreadable_file); the two others are pieces.
    assert sorted(report["sources"]) == ["a4.pdf", "tall.pdf"] and report["codes"] == [200, 200], report
    for width, height in report["sizes"]:
        assert width * height <= PREVIEW_MAX_PIXELS * 1.01
    # An ordinary page: PREVIEW_WIDTH wide.
    assert any(w == PREVIEW_WIDTH and abs(h - PREVIEW_WIDTH * 842 / 595) < 2 for w, h in report["sizes"])
    assert report["peak"] < 1024, f"server peak {report['peak']} MiB"


def test_references_with_slashes_stay_one_link_and_one_route(client: TestClient, records: Records) -> None:
    """References recorded before they were checked may hold `/`: each stays one path
    segment in links (`../../admin/failed` does not lead to the admin page) and routes."""
    log_in(client, *AGENT)
    for reference in ("2026/PMOE/7", "../../admin/failed"):
        recorded(records, reference, submitted=dt.date(2026, 5, 1))
    queue = client.get("/").text
    assert 'href="/dossiers/2026%2FPMOE%2F7"' in queue
    assert 'href="/dossiers/..%2F..%2Fadmin%2Ffailed"' in queue
    for url, reference in (("/dossiers/2026%2FPMOE%2F7", "2026/PMOE/7"),
                           ("/dossiers/..%2F..%2Fadmin%2Ffailed", "../../admin/failed")):
        page = client.get(url)
        assert page.status_code == 200 and f"Dossier {reference}" in page.text
        assert f'action="{url}/decision"' in page.text
