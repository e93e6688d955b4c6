"""An agent sets a flag aside with a written reason: the flag stays shown but no longer
blocks, the dossier held back only by it goes to the agents' queue, the override is in the
history, survives the checks run again after a correction, and ends with a rerun."""
from __future__ import annotations

import re

from fastapi.testclient import TestClient

from models import FlagCode, Status
from storage.records import Records
from tests.test_web_fixtures import AGENT, accounts, client, log_in, services  # noqa: F401 - fixtures
from tests.test_web_recheck import REF, _result

REASON = "Gratification complétée par un avantage en nature, voir l'avenant signé."


def _record(records: Records) -> int:
    """The intern's dossier held back by its gratification (blocking); its run id."""
    result = _result()
    assert result.status == Status.incomplete
    with records.begin_run(REF, name=REF, pipeline_version="test") as run:
        run.complete(result)
    return records.runs(REF)[-1].id


def _override(http: TestClient, csrf: str, run_id: int, reason: str, position: int = 0,
              code: str = "gratification_below_minimum"):  # type: ignore[no-untyped-def]
    return http.post(f"/dossiers/{REF}/overrides", data={"csrf_token": csrf, "run_id": run_id, "position": position,
                                                          "code": code, "reason": reason})


def _correct(http: TestClient, csrf: str, run_id: int, field: str, value: str) -> None:
    response = http.post(f"/dossiers/{REF}/fields", data={"csrf_token": csrf, "run_id": run_id, "piece": 1,
                                                            "field": field, "value": value})
    assert response.status_code == 303, response.text


def _override_rows(records: Records) -> list[tuple]:
    with records.db.connection() as conn:
        return conn.execute("SELECT code, severity, piece_index, field, reason, overridden_by, run_id "
                            "FROM flag_overrides ORDER BY id").fetchall()


def test_a_reason_is_required_and_nothing_changes_without_one(client: TestClient,  # noqa: F811
                                                              records: Records) -> None:
    run_id = _record(records)
    csrf = log_in(client, *AGENT)
    page = client.get(f"/dossiers/{REF}").text
    assert "Écarter ce contrôle" in page and 'name="reason"' in page and "required" in page
    response = _override(client, csrf, run_id, "   ")
    assert response.status_code == 400
    assert "indiquez pourquoi vous écartez ce contrôle" in response.text
    assert records.current_result(REF).status == Status.incomplete
    assert records.current_result(REF).overrides is None and _override_rows(records) == []
    # No CSRF token, no override.
    assert client.post(f"/dossiers/{REF}/overrides", data={"run_id": run_id, "position": 0,
                                                          "code": "gratification_below_minimum",
                                                          "reason": REASON}).status_code == 403
    # A page shown before the flags changed names another flag: refused, reload.
    stale = _override(client, csrf, run_id, REASON, code="identity_mismatch")
    assert stale.status_code == 409 and _override_rows(records) == []


def test_an_overridden_flag_stays_shown_no_longer_blocks_and_is_in_the_history(client: TestClient,  # noqa: F811
                                                                               records: Records) -> None:
    run_id = _record(records)
    csrf = log_in(client, *AGENT)
    response = _override(client, csrf, run_id, f"  {REASON}  ")
    assert response.status_code == 303 and response.headers["location"].endswith("#alerte-0")

    result = records.current_result(REF)
    assert result.status == Status.ready_for_review
    assert [f.code for f in result.flags] == [FlagCode.gratification_below_minimum]  # still there
    [override] = result.overrides
    assert (override.code, override.piece, override.field, override.reason, override.by) == (
        FlagCode.gratification_below_minimum, 1, "monthly_gratification", REASON, AGENT[0])
    assert _override_rows(records) == [("gratification_below_minimum", "blocking", 1, "monthly_gratification",
                                        REASON, AGENT[0], run_id)]
    history = records.history(REF)
    overridden = [e for e in history if e.action == "flag_overridden"]
    assert overridden and overridden[-1].details["reason"] == REASON and overridden[-1].actor == AGENT[0]
    assert history[-1].action == "checks_rerun" and history[-1].details["status"] == "ready_for_review"

    page = client.get(f"/dossiers/{REF}").text
    item = re.search(r'<li class="flag blocking overridden" id="alerte-0">(.*?)</li>', page, re.DOTALL)
    assert item, "the overridden flag is no longer shown"
    assert "Écarté" in item.group(1) and REASON.replace("'", "&#39;") in item.group(1)
    assert "Contrôle écarté" in page  # the history says it
    assert 'id="approve"' in page  # reviewable: the agent may decide now
    assert REF in client.get("/").text  # in the agents' queue
    again = _override(client, csrf, run_id, REASON)
    assert again.status_code == 400 and "déjà écarté" in again.text


def test_an_override_survives_a_correction_and_ends_with_a_rerun(client: TestClient,  # noqa: F811
                                                                 records: Records) -> None:
    run_id = _record(records)
    csrf = log_in(client, *AGENT)
    assert _override(client, csrf, run_id, REASON).status_code == 303

    # Another amount still under the minimum: the same flag (code, piece, field) is raised
    # again by the checks and stays set aside.
    _correct(client, csrf, run_id, "monthly_gratification", "510")
    result = records.current_result(REF)
    assert [f.code for f in result.flags] == [FlagCode.gratification_below_minimum]
    assert "510" in result.flags[0].message.replace("\u00a0", " ")
    assert result.status == Status.ready_for_review and len(result.overrides) == 1

    # A new blocking flag nobody set aside holds the dossier back again.
    _correct(client, csrf, run_id, "host_siret", "73282932000075")
    result = records.current_result(REF)
    assert {f.code for f in result.flags} == {FlagCode.gratification_below_minimum, FlagCode.invalid_siret}
    assert result.status == Status.incomplete
    _correct(client, csrf, run_id, "host_siret", "73282932000074")
    assert records.current_result(REF).status == Status.ready_for_review

    # A full rerun writes a new result: the override ends with the run it was made on,
    # and stays counted in flag_overrides.
    with records.begin_run(REF, name=REF, pipeline_version="test") as run:
        run.complete(_result())
    rerun = records.current_result(REF)
    assert rerun.overrides is None and rerun.status == Status.incomplete
    assert "Écarté par" not in client.get(f"/dossiers/{REF}").text
    assert [row[-1] for row in _override_rows(records)] == [run_id]


def test_an_override_set_by_mistake_is_withdrawn_and_the_flag_blocks_again(client: TestClient,  # noqa: F811
                                                                           records: Records) -> None:
    from storage.overrides import Overrides
    from storage.reviews import Reviews

    run_id = _record(records)
    csrf = log_in(client, *AGENT)
    assert _override(client, csrf, run_id, REASON).status_code == 303
    assert "Rétablir ce contrôle" in client.get(f"/dossiers/{REF}").text

    withdraw = {"csrf_token": csrf, "run_id": run_id, "position": 0, "code": "gratification_below_minimum"}
    assert client.post(f"/dossiers/{REF}/overrides/withdraw",
                       data={k: v for k, v in withdraw.items() if k != "csrf_token"}).status_code == 403
    response = client.post(f"/dossiers/{REF}/overrides/withdraw", data=withdraw)
    assert response.status_code == 303 and response.headers["location"].endswith("#alerte-0")

    result = records.current_result(REF)
    assert result.overrides is None and result.status == Status.incomplete  # it blocks again
    with records.db.connection() as conn:
        (withdrawn_by,) = conn.execute("SELECT withdrawn_by FROM flag_overrides").fetchone()
    assert withdrawn_by == AGENT[0]
    assert Overrides(Reviews(records.db)).most_overridden() == []  # a mistake is no set-aside check
    restored = [e for e in records.history(REF) if e.action == "flag_restored"]
    assert restored and restored[-1].actor == AGENT[0]

    page = client.get(f"/dossiers/{REF}").text
    assert "Contrôle rétabli : Gratification" in page and "Écarter ce contrôle" in page
    again = client.post(f"/dossiers/{REF}/overrides/withdraw", data=withdraw)
    assert again.status_code == 400 and "pas écarté" in again.text
    # set aside again, with another reason: allowed, counted once
    assert _override(client, csrf, run_id, "Avenant reçu par courriel.").status_code == 303
    assert [c.overrides for c in Overrides(Reviews(records.db)).most_overridden()] == [1]
