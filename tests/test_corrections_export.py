"""`dossiers corrections export`: every field correction an agent made is a labelled
example (page, field, value read, value corrected, box, reading confidence, who, when),
and so is every piece an agent retyped (pages, type read, type corrected, who, when),
read from what the review stored; through the real command on a real database."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from models import DossierResult, FieldBox, PieceResult
from models.domain import PieceType
from models.review import Decision
from pipeline.recheck import recheck_document
from storage.corrections import Corrections
from storage.database import Database
from storage.records import Records
from storage.reviews import Reviews
from tests.test_cli import run_cli
from tests.test_web_recheck import REF, _result

BOX = (0.12, 0.40, 0.48, 0.43)


def _corrected_dossier(database: Database) -> tuple[Reviews, int]:
    """The intern's dossier, its gratification read 500 (boxed on page 2, confidence 0.82)
    and corrected to 700, its host's name corrected then set back (undone); decided."""
    records = Records(database)
    result = _result()
    result.pieces[1].field_boxes["monthly_gratification"] = [FieldBox(page=2, bbox=BOX)]
    with records.begin_run(REF, name=REF, pipeline_version="test") as run:
        run.complete(result)
    run_id = records.runs(REF)[-1].id
    reviews = Reviews(database, recheck=recheck_document)
    reviews.correct_field(REF, run_id, 1, "monthly_gratification", "700,00", "agnes")
    reviews.correct_field(REF, run_id, 1, "host_name", "ORBITALE", "agnes")
    reviews.correct_field(REF, run_id, 1, "host_name", "ORBITAL", "agnes")  # undone: no example
    return reviews, run_id


def test_export_writes_one_labelled_example_per_correction(tmp_path: Path, cli_env: dict[str, str],
                                                          database: Database) -> None:
    reviews, run_id = _corrected_dossier(database)
    out = tmp_path / "corrections.jsonl"
    done = run_cli(cli_env, "corrections", "export", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "1 correction(s) exportée(s)" in done.stderr
    [line] = [json.loads(text) for text in out.read_text(encoding="utf-8").splitlines()]
    at, dossier = line.pop("corrected_at"), line.pop("dossier")
    assert re.fullmatch(r"d-[0-9a-f]{12}", dossier)  # opaque: the reference may be a person's name
    assert dt.datetime.fromisoformat(at).tzinfo is not None
    assert line == {
        "format": 2, "kind": "field", "run_id": run_id, "piece_index": 1, "piece_id": "cs", "pages": [1, 2],
        "piece_type": "internship_agreement", "classified_type": None, "text_source": "text_layer", "page": 2,
        "field": "monthly_gratification", "value_read": 500, "value_corrected": 700.0,
        "boxes": [{"page": 2, "bbox": list(BOX)}], "confidence": 0.82, "mrz_failed": False,
        "corrected_by": "agnes"}
    assert REF not in out.read_text(encoding="utf-8")

    # On stdout, with the reference and the file name when asked for.
    shown = run_cli(cli_env, "corrections", "export", "--with-references")
    assert shown.returncode == 0, shown.stderr
    [named] = [json.loads(text) for text in shown.stdout.splitlines()]
    assert (named["reference"], named["source"], named["dossier"]) == (REF, "convention.pdf", dossier)

    # A decision keeps the examples; a rerun does not take them away (the run they were made on stays).
    reviews.decide(REF, run_id, Decision.approved, None, "agnes")
    with Records(database).begin_run(REF, name=REF, pipeline_version="test") as run:
        run.complete(_result())
    assert len(list(Corrections(database).examples())) == 1


def test_since_keeps_the_corrections_made_from_that_day(tmp_path: Path, cli_env: dict[str, str],
                                                       database: Database) -> None:
    _corrected_dossier(database)
    later_day = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    later = run_cli(cli_env, "corrections", "export", "--since", later_day)
    assert later.returncode == 0 and later.stdout == "" and "0 correction(s)" in later.stderr
    today = run_cli(cli_env, "corrections", "export", "--since", dt.date.today().isoformat())
    assert today.returncode == 0 and len(today.stdout.splitlines()) == 1
    wrong = run_cli(cli_env, "corrections", "export", "--since", "hier")
    assert wrong.returncode == 2


def test_no_correction_no_line(tmp_path: Path, cli_env: dict[str, str], database: Database) -> None:
    out = tmp_path / "empty.jsonl"
    done = run_cli(cli_env, "corrections", "export", "--out", str(out))
    assert done.returncode == 0 and out.read_text() == ""


def with_unread_letter(result: DossierResult) -> DossierResult:
    """The result with a third piece: a one-page letter classified `other`, nothing read."""
    result.pieces.append(PieceResult(id="bs", source="bulletin.pdf", pages=[1], type=PieceType.other,
                                     confidence=0.41))
    return result


def test_unread_fields_say_their_pages_and_type_changes_are_examples(
        cli_env: dict[str, str], database: Database) -> None:
    records = Records(database)
    result = with_unread_letter(_result())
    result.pieces[1].fields["host_siret"] = None  # unread on the two-page agreement: no box
    with records.begin_run(REF, name=REF, pipeline_version="test") as run:
        run.complete(result)
    run_id = records.runs(REF)[-1].id
    reviews = Reviews(database, recheck=recheck_document)
    reviews.change_piece_type(REF, run_id, 2, "payslip", "agnes")  # other -> payslip: its fields unread
    reviews.correct_field(REF, run_id, 2, "gross_salary", "1 800,00", "agnes")
    reviews.correct_field(REF, run_id, 1, "host_siret", "73282932000074", "agnes")

    done = run_cli(cli_env, "corrections", "export")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(text) for text in done.stdout.splitlines()]
    # Oldest first; times are kept to the second: ties by piece, a piece's type change first. (The three corrections
    # fall in one second on an idle machine, not always on a loaded one: the order is checked on the times printed.)
    order = [(line["corrected_at"], line["piece_index"], line["kind"] != "type") for line in lines]
    assert order == sorted(order)
    by_kind = {(line["kind"], line["piece_index"]): line for line in lines}
    assert sorted(by_kind) == [("field", 1), ("field", 2), ("type", 2)]
    siret, retyped, salary = by_kind["field", 1], by_kind["type", 2], by_kind["field", 2]
    assert {k: v for k, v in retyped.items() if k not in ("dossier", "corrected_at")} == {
        "format": 2, "kind": "type", "run_id": run_id, "piece_index": 2, "piece_id": "bs", "pages": [1],
        "text_source": "text_layer", "type_read": "other", "type_corrected": "payslip", "confidence": 0.41,
        "corrected_by": "agnes"}
    # The one-page piece's page stands for the missing box; the two-page one gives both pages.
    assert (salary["page"], salary["pages"], salary["boxes"], salary["value_read"]) == (1, [1], [], None)
    assert (salary["piece_type"], salary["classified_type"], salary["value_corrected"]) == ("payslip", "other", 1800.0)
    assert (siret["page"], siret["pages"], siret["boxes"], siret["value_read"]) == (None, [1, 2], [], None)

    # A type set back to the one read is no change: no example (as an undone correction).
    reviews.change_piece_type(REF, run_id, 2, "other", "agnes")
    assert list(Corrections(database).type_examples()) == []
    again = run_cli(cli_env, "corrections", "export", "--since", dt.date.today().isoformat())
    assert [json.loads(text)["kind"] for text in again.stdout.splitlines()] == ["field"]
