"""The agents' lists follow what the review does to a run (issue 10, a first user's review):
a correction that lifts or raises a flag, and a flag set aside with a reason, change the
queue's warning kinds, the warnings filter and the Incomplets reasons at once (the `flags`
rows are written again with every saved result), and the save's summary names each
field-level warning it lifted. Real PostgreSQL, real checks (pipeline.recheck)."""
from __future__ import annotations

import datetime as dt
import html

from fastapi.testclient import TestClient

from models import DossierInfo, DossierResult, FlagCode, PieceResult, PieceType, Status
from pipeline.recheck import recheck_document
from storage.database import Database
from storage.overrides import Overrides
from storage.records import Records
from storage.reviews import FieldEdit, Reviews
from storage.worklists import Worklist, WorklistFilter, Worklists, WorkRow
from tests.test_web_fixtures import AGENT, accounts, client, log_in, services  # noqa: F401 - fixtures
from web.change_summary import change_summary

REF = "2026-STAGE-000077"
VALID_SIRET, WRONG_SIRET = "73282932000074", "73282932000075"


def _stage(records: Records, **agreement_fields: object) -> int:
    """A finished run of an internship dossier, its checks run on the agreement's fields; its run id."""
    passport = PieceResult(id="pp", source="passeport.pdf", pages=[1], type=PieceType.passport, confidence=0.95,
                           fields={"document_number": "12AB34567", "surname": "NGUYEN", "given_names": "LAN",
                                   "nationality": "VNM", "date_of_birth": "2002-04-05", "sex": "F",
                                   "expiry_date": "2031-01-01", "issuing_state": "VNM"})
    fields = {"institution_name": "Université de Lyon", "host_name": "ORBITAL", "host_siret": VALID_SIRET,
              "intern_surname": "NGUYEN", "intern_given_names": "Lan", "start_date": "2026-09-01",
              "end_date": "2027-01-29", "weekly_hours": 35, "monthly_gratification": 700, **agreement_fields}
    agreement = PieceResult(id="cs", source="convention.pdf", pages=[1], type=PieceType.internship_agreement,
                            confidence=0.95, fields=fields)
    info = DossierInfo(reference=REF, procedure="stage", procedure_source="manifest", submitted_at=dt.date(2026, 6, 1))
    result = recheck_document(DossierResult(dossier=info, status=Status.ready_for_review,
                                            pieces=[passport, agreement]))
    with records.begin_run(REF, name=REF, pipeline_version="test") as run:
        run.complete(result)
    return records.runs(REF)[-1].id


def _row(lists: Worklists, worklist: Worklist, warnings: bool | None = None) -> WorkRow | None:
    rows = lists.page(worklist, WorklistFilter(warnings=warnings)).rows
    return next((row for row in rows if row.reference == REF), None)


def _listed(lists: Worklists, warnings: bool) -> bool:
    return _row(lists, Worklist.ready, warnings) is not None


def test_warnings_follow_a_correction_and_the_summary_names_each_lifted_field(
        records: Records, database: Database) -> None:
    run_id = _stage(records, host_siret=None, weekly_hours=None)
    reviews, lists = Reviews(database, recheck=recheck_document), Worklists(database)
    assert _row(lists, Worklist.ready).warning_kinds == ["missing_field"]
    assert _listed(lists, warnings=True) and not _listed(lists, warnings=False)

    # Two 'Champ non lu' of the same piece lifted: two flags, told apart by their field.
    outcome = reviews.correct_fields(REF, run_id, [FieldEdit(1, "host_siret", VALID_SIRET),
                                                   FieldEdit(1, "weekly_hours", "35")], AGENT[0])
    assert outcome.lifted == ("missing_field (pièce 2, champ host_siret)",
                              "missing_field (pièce 2, champ weekly_hours)")
    assert _row(lists, Worklist.ready).warning_kinds == []
    assert _listed(lists, warnings=False) and not _listed(lists, warnings=True)
    summary = change_summary(records.history(REF), AGENT[0])
    assert summary is not None and "aucune alerte ne change" not in summary.text
    assert "contrôle levé : Champ non lu (pièce 2, champ « SIRET de l'organisme »)" in summary.text
    assert "contrôle levé : Champ non lu (pièce 2, champ « Heures par semaine »)" in summary.text

    # Unread again: the warning comes back to the list.
    reviews.correct_field(REF, run_id, 1, "weekly_hours", "", AGENT[0])
    assert _row(lists, Worklist.ready).warning_kinds == ["missing_field"]
    assert _listed(lists, warnings=True) and not _listed(lists, warnings=False)
    with database.connection() as conn:  # the run's rows are the result's flags, no more
        rows = conn.execute("SELECT position, code, field FROM flags WHERE run_id = %s ORDER BY position",
                            (run_id,)).fetchall()
    assert rows == [(0, "missing_field", "weekly_hours")]


def test_incomplete_reasons_follow_a_correction_and_leave_with_an_override(
        records: Records, database: Database) -> None:
    run_id = _stage(records)
    reviews, lists = Reviews(database, recheck=recheck_document), Worklists(database)
    overrides = Overrides(reviews)
    assert _row(lists, Worklist.ready).warning_kinds == [] and _row(lists, Worklist.incomplete) is None

    # A mistyped SIRET and a lower gratification: two blocking reasons in the Incomplets list.
    reviews.correct_fields(REF, run_id, [FieldEdit(1, "host_siret", WRONG_SIRET),
                                         FieldEdit(1, "monthly_gratification", "500")], AGENT[0])
    result = records.current_result(REF)
    assert result.status == Status.incomplete
    messages = {flag.code: flag.message for flag in result.flags}
    assert set(messages) == {FlagCode.invalid_siret, FlagCode.gratification_below_minimum}
    assert _row(lists, Worklist.ready) is None
    assert sorted(_row(lists, Worklist.incomplete).reasons) == sorted(messages.values())

    # The SIRET set aside with a reason: that reason leaves the list, the other holds it there.
    position = next(i for i, flag in enumerate(result.flags) if flag.code == FlagCode.invalid_siret)
    overrides.override(REF, run_id, position, "invalid_siret", "SIRET vérifié sur l'annuaire.", AGENT[0])
    assert _row(lists, Worklist.incomplete).reasons == [messages[FlagCode.gratification_below_minimum]]

    # The gratification put right: no reason stands, the dossier waits in the queue without warnings.
    reviews.correct_field(REF, run_id, 1, "monthly_gratification", "700", AGENT[0])
    assert records.current_result(REF).status == Status.ready_for_review
    assert _row(lists, Worklist.incomplete) is None
    assert _row(lists, Worklist.ready).warning_kinds == [] and _listed(lists, warnings=False)


def test_a_warning_set_aside_leaves_the_queue_through_the_pages(client: TestClient, records: Records,  # noqa: F811
                                                               database: Database) -> None:
    run_id = _stage(records, host_siret=None)
    csrf = log_in(client, *AGENT)
    assert REF in client.get("/?avertissements=oui").text and REF not in client.get("/?avertissements=non").text
    result = records.current_result(REF)
    assert [flag.code for flag in result.flags] == [FlagCode.missing_field]

    client.post(f"/dossiers/{REF}/overrides", data={"csrf_token": csrf, "run_id": run_id, "position": 0,
                                                   "code": "missing_field", "reason": "Lu sur l'original."})
    queue = client.get("/").text
    assert REF in queue and "Champ non lu" not in queue.split(REF, 1)[1].split("</tr>", 1)[0]
    assert REF not in client.get("/?avertissements=oui").text and REF in client.get("/?avertissements=non").text
    assert "Écarté" in html.unescape(client.get(f"/dossiers/{REF}").text)  # still shown on the dossier page
