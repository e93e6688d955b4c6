"""Corrections that count: a corrected field is certain and the checks run again at once,
so a misread value no longer holds a dossier back; undoing the correction undoes that."""
from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from models import DossierInfo, DossierResult, Flag, FlagCode, PieceResult, PieceType, Status
from models.review import FieldCorrection, FieldReading
from pipeline.recheck import recheck_document
from storage.records import Records
from tests.test_web_fixtures import AGENT, accounts, client, log_in, services  # noqa: F401 - fixtures
from validators import CheckContext, assess

REF = "2026-STAGE-000042"


def _result() -> DossierResult:
    passport = PieceResult(id="pp", source="passeport.jpg", pages=[1], type=PieceType.passport, confidence=0.95,
                           fields={"document_number": "12AB34567", "surname": "NGUYEN", "given_names": "LAN",
                                   "nationality": "VNM", "date_of_birth": "2002-04-05", "sex": "F",
                                   "expiry_date": "2031-01-01", "issuing_state": "VNM"})
    agreement = PieceResult(
        id="cs", source="convention.pdf", pages=[1, 2], type=PieceType.internship_agreement, confidence=0.95,
        fields={"institution_name": "Université de Lyon", "host_name": "ORBITAL", "host_siret": "73282932000074",
                "intern_surname": "NGUYEN", "intern_given_names": "Lan", "start_date": "2026-09-01",
                "end_date": "2027-01-29", "weekly_hours": 35, "monthly_gratification": 500},
        field_confidence={"monthly_gratification": 0.82})
    info = DossierInfo(reference=REF, procedure="stage", procedure_source="manifest",
                       submitted_at=dt.date(2026, 6, 1))
    ctx = CheckContext(procedure="stage", submitted_at=info.submitted_at, pieces=[passport, agreement])
    assessment = assess(ctx)
    return DossierResult(dossier=info, status=assessment.status, pieces=[passport, agreement],
                         flags=assessment.flags, labour_market_test=assessment.labour_market_test,
                         checked_against=assessment.checked_against)


def test_recheck_keeps_reading_flags_and_the_review_keys() -> None:
    result = _result()
    result.flags.append(Flag.make(FlagCode.illegible_page, "Page 2 floue.", piece=1, page=2,
                                  source="convention.pdf"))
    agreement = result.pieces[1]
    agreement.corrections = {"monthly_gratification": FieldCorrection(
        original=500, by=AGENT[0], at=dt.datetime(2026, 6, 2, 9, tzinfo=dt.UTC),
        reading=FieldReading(confidence=0.82))}
    agreement.fields["monthly_gratification"] = 700
    checked = recheck_document(result)
    codes = [f.code for f in checked.flags]
    assert FlagCode.gratification_below_minimum not in codes and FlagCode.illegible_page in codes
    assert checked.status == Status.ready_for_review
    assert checked.pieces[1].corrections == agreement.corrections


def test_a_correction_releases_a_dossier_held_back_by_a_misread_amount(client: TestClient,  # noqa: F811
                                                                        records: Records) -> None:
    result = _result()
    assert result.status.value == "incomplete"
    assert [f.code for f in result.flags] == [FlagCode.gratification_below_minimum]
    with records.begin_run(REF, name=REF, pipeline_version="test") as run:
        run.complete(result)
    run_id = records.runs(REF)[-1].id
    csrf = log_in(client, *AGENT)
    assert 'name="valeur:1:monthly_gratification"' in client.get(f"/dossiers/{REF}").text  # correctable

    client.post(f"/dossiers/{REF}/fields", data={"csrf_token": csrf, "run_id": run_id, "piece": 1,
                                                 "field": "monthly_gratification", "value": "700,00"})
    corrected = records.current_result(REF)
    assert corrected.status == Status.ready_for_review and corrected.flags == []
    assert corrected.pieces[1].field_confidence["monthly_gratification"] == 1.0
    events = [e for e in records.history(REF) if e.action == "checks_rerun"]
    assert events[-1].details["flags_removed"] == ["gratification_below_minimum (pièce 2, champ monthly_gratification)"]
    assert events[-1].details["status"] == "ready_for_review"
    assert REF in client.get("/").text.split("Dossiers incomplets")[0]  # in the agents' queue now

    client.post(f"/dossiers/{REF}/fields", data={"csrf_token": csrf, "run_id": run_id, "piece": 1,
                                                 "field": "monthly_gratification", "value": "500"})
    reverted = records.current_result(REF)
    assert reverted.status == Status.incomplete
    assert [f.code for f in reverted.flags] == [FlagCode.gratification_below_minimum]
    assert reverted.pieces[1].field_confidence["monthly_gratification"] == 0.82
    assert reverted.pieces[1].corrections == {}  # the key stays, emptied: as stored before
