"""Typed both ways (issue 12): every result the records hold reads back, through PostgreSQL,
equal to the model that was written, review keys included; an unreviewed result's document
has none of them; the document a review stores is the JSON of the model read back."""
from __future__ import annotations

import datetime as dt
from typing import Any

import jsonschema
import pytest
from psycopg.types.json import Jsonb

from models import DossierResult, PieceType, Status
from models.review import Decision, FieldCorrection, FieldReading, Review, TypeCorrection
from pipeline.recheck import recheck_document
from storage.database import Database
from storage.records import Records
from storage.reviews import Reviews
from tests.test_contract_v2_storage import V1_RESULT
from tests.test_records import REF, SCHEMA, result

AT = dt.datetime(2026, 3, 4, 10, 11, 12, tzinfo=dt.UTC)
REVIEW_KEYS = ("corrections", "type_correction")


def _corrected() -> DossierResult:
    written = result()
    passport = written.pieces[0]
    passport.fields["surname"] = "DSOUZA"
    passport.field_confidence["surname"] = 1.0
    passport.corrections = {
        "surname": FieldCorrection(original="D'SOUZA", by="agent1", at=AT,
                                   reading=FieldReading(confidence=0.9, mrz_failed=True)),
        "sex": FieldCorrection(original=None, by="agent1", at=AT),  # before the reading was kept
    }
    written.pieces[1].corrections = {}  # every correction undone: the key stays, empty
    return written


def _retyped() -> DossierResult:
    written = _corrected()
    written.pieces[1].type = PieceType.other
    written.pieces[1].type_correction = TypeCorrection(original=PieceType.employment_contract, by="agent2", at=AT)
    return written


def _decided(decision: Decision, message: str | None) -> DossierResult:
    written = _retyped()
    written.review = Review(decision=decision, by="agent2", at=AT, message=message)
    written.status = {Decision.approved: Status.approved, Decision.rejected: Status.rejected,
                      Decision.sent_back: Status.incomplete}[decision]
    return written


WRITTEN = {
    "unreviewed": result,
    "corrected": _corrected,
    "retyped": _retyped,
    "approved": lambda: _decided(Decision.approved, None),
    "rejected": lambda: _decided(Decision.rejected, "Salaire incohérent"),
    "sent_back": lambda: _decided(Decision.sent_back, "Joindre le passeport"),
    "failed_with_result": lambda: result().model_copy(update={"status": Status.failed, "error": "boom"}),
}


def _read(records: Records) -> DossierResult:
    read = records.current_result(REF)
    assert read is not None
    return read


def _stored(database: Database, reference: str = REF) -> dict[str, Any]:
    with database.connection() as conn:
        return conn.execute("SELECT r.result FROM dossiers d JOIN runs r ON r.id = d.current_run_id "
                            "WHERE d.reference = %s", (reference,)).fetchone()[0]


@pytest.mark.parametrize("kind", WRITTEN)
def test_a_stored_result_reads_back_equal_to_the_model_written(kind: str, records: Records,
                                                               database: Database) -> None:
    written = WRITTEN[kind]()
    with records.begin_run(REF, name=REF, pipeline_version="test") as run:
        if written.status == Status.failed:
            run.fail(written.error or "", written)
        else:
            run.complete(written)

    assert _read(records) == written
    view = Reviews(database).dossier(REF)
    assert view is not None and view.result == written
    stored = _stored(database)
    assert stored == written.to_json_dict()
    jsonschema.validate(stored, SCHEMA)
    if kind in ("unreviewed", "failed_with_result"):  # byte for byte as before review keys existed
        assert "review" not in stored and not any(k in p for p in stored["pieces"] for k in REVIEW_KEYS)
    else:
        assert stored["pieces"][0]["corrections"]["surname"] == {
            "original": "D'SOUZA", "by": "agent1", "at": "2026-03-04T10:11:12+00:00",
            "reading": {"confidence": 0.9, "mrz_failed": True}}
        assert stored["pieces"][0]["corrections"]["sex"] == {
            "original": None, "by": "agent1", "at": "2026-03-04T10:11:12+00:00"}


def test_a_failed_run_without_a_result_reads_back_as_its_failed_document(records: Records,
                                                                         database: Database) -> None:
    with records.begin_run(REF, name=REF, pipeline_version="test", today=dt.date(2026, 3, 2)) as run:
        run.fail("tesseract introuvable")
    failed = _read(records)
    assert failed is not None and failed.status == Status.failed and failed.error == "tesseract introuvable"
    assert failed.to_json_dict() == _stored(database)


def test_a_v1_document_reads_back_as_it_was_written(records: Records, database: Database) -> None:
    with records.begin_run(REF, name=REF, pipeline_version="v1") as run:
        run.complete(result())
    v1: dict[str, Any] = {**V1_RESULT, "dossier": {**V1_RESULT["dossier"], "reference": REF}}  # type: ignore[dict-item]
    with database.connection() as conn:
        conn.execute("UPDATE runs SET result = %s", (Jsonb(v1),))
    read = _read(records)
    assert read.schema_version == "1" and read == DossierResult.model_validate(v1)
    assert read.review is None and read.pieces[0].corrections is None


def test_what_a_review_stores_is_the_json_of_the_result_read_back(records: Records, database: Database) -> None:
    with records.begin_run(REF, name=REF, pipeline_version="test") as run:
        run.complete(result(status=Status.ready_for_review))
    reviews = Reviews(database)  # without the recheck, the dossier stays in the queue to be decided
    run_id = records.runs(REF)[-1].id

    reviews.correct_field(REF, run_id, 1, "weekly_hours", "39", "agent1")
    corrected = _read(records)
    assert corrected.pieces[1].fields["weekly_hours"] == 39
    correction = corrected.pieces[1].corrections["weekly_hours"]
    assert (correction.original, correction.by, correction.reading) == (35, "agent1", FieldReading(confidence=None))
    assert corrected.to_json_dict() == _stored(database)

    reviews.change_piece_type(REF, run_id, 0, "id_card", "agent1")
    retyped = _read(records)
    assert retyped.pieces[0].type == PieceType.id_card
    assert retyped.pieces[0].type_correction.original == PieceType.passport
    assert retyped.pieces[1].corrections == corrected.pieces[1].corrections
    assert retyped.to_json_dict() == _stored(database)

    # The agent who corrected it holds the dossier (claims): the same agent decides.
    assert reviews.decide(REF, run_id, "sent_back", "Joindre le passeport", "agent1") == Status.incomplete
    decided = _read(records)
    assert decided.review == Review(decision=Decision.sent_back, by="agent1", at=decided.review.at,
                                    message="Joindre le passeport")
    assert decided.status == Status.incomplete and decided.pieces == retyped.pieces
    assert decided.to_json_dict() == _stored(database)
    jsonschema.validate(_stored(database), SCHEMA)


def test_a_correction_survives_the_recheck_and_reverting_it_restores_the_reading(
        records: Records, database: Database) -> None:
    with records.begin_run(REF, name=REF, pipeline_version="test") as run:
        run.complete(result())
    reviews = Reviews(database, recheck=recheck_document)
    run_id = records.runs(REF)[-1].id

    reviews.correct_field(REF, run_id, 0, "surname", "DSOUZA", "agent1")
    corrected = _read(records)
    assert corrected.pieces[0].field_confidence["surname"] == 1.0
    assert corrected.pieces[0].corrections["surname"].reading == FieldReading(confidence=0.9)
    assert corrected.to_json_dict() == _stored(database)

    reviews.correct_field(REF, run_id, 0, "surname", "D'SOUZA", "agent1")
    reverted = _read(records)
    assert reverted.pieces[0].corrections == {} and reverted.pieces[0].field_confidence["surname"] == 0.9
    assert reverted.pieces[0].fields == result().pieces[0].fields
    assert reverted.to_json_dict() == _stored(database)
