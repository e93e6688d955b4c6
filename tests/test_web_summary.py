"""The dossier summary: identity side by side with disagreements marked, points to verify
in the order they matter."""
from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from models import DossierInfo, DossierResult, Flag, FlagCode, LabourMarketTest, PieceResult, PieceType, Status
from storage.records import Records
from tests.test_web_fixtures import AGENT, accounts, client, log_in, services  # noqa: F401 - fixtures
from web.summary import identity_columns, points_to_verify


def _piece(piece_type: PieceType, **fields: object) -> PieceResult:
    return PieceResult(id=piece_type.value, source=f"{piece_type.value}.pdf", pages=[1], type=piece_type,
                       confidence=0.9, fields=fields)


def _document() -> DossierResult:
    pieces = [
        _piece(PieceType.employment_contract, employee_surname="Müller", employee_given_names="Anna"),
        _piece(PieceType.passport, surname="MUELLER", given_names="ANNA MARIA", date_of_birth="1990-02-03",
               expiry_date="2030-01-01"),
        _piece(PieceType.residence_permit, surname="MULLER", given_names="ANNA", date_of_birth="1990-03-02"),
        _piece(PieceType.job_offer, job_title="Développeuse"),
    ]
    flags = [
        Flag.make(FlagCode.registration_too_old, "Extrait ancien.", piece=3),
        Flag.make(FlagCode.check_inconclusive, "Date de naissance lue avec doute.", piece=2,
                  field="date_of_birth", check="identity_mismatch"),
        Flag.make(FlagCode.missing_piece, "Pièce manquante : attestation URSSAF.", piece_type="urssaf_certificate"),
    ]
    return DossierResult(dossier=DossierInfo(reference="R-SUM", procedure="changement_statut",
                                             procedure_source="manifest", submitted_at=dt.date(2026, 6, 1)),
                         status=Status.incomplete, pieces=pieces, flags=flags)


def test_identity_columns_put_the_identity_document_first_and_mark_what_differs() -> None:
    columns = identity_columns(_document())
    assert [c.piece_type for c in columns] == ["passport", "employment_contract", "residence_permit"]
    contract, permit = columns[1], columns[2]
    # Müller and MUELLER agree under ICAO digraphs; Anna is the passport's first given name.
    assert not contract.cells["surname"].differs and not contract.cells["given_names"].differs
    assert "date_of_birth" not in contract.cells  # a contract prints no date of birth
    assert permit.cells["surname"].differs  # MULLER is not MUELLER
    assert permit.cells["date_of_birth"].differs and permit.cells["date_of_birth"].anchor == "champ-2-date_of_birth"


def test_points_come_blocking_first_then_undecided_checks_then_warnings() -> None:
    points = points_to_verify(_document())
    assert [p.flag.code.value for p in points] == ["missing_piece", "check_inconclusive", "registration_too_old"]
    assert [p.anchor for p in points] == [None, "champ-2-date_of_birth", "piece-3"]


def test_the_summary_is_at_the_top_of_the_dossier_page(client: TestClient, records: Records) -> None:  # noqa: F811
    with records.begin_run("R-SUM", name="R-SUM", pipeline_version="test") as run:
        run.complete(_document())
    log_in(client, *AGENT)
    page = client.get("/dossiers/R-SUM").text
    assert page.index("Points à vérifier") < page.index("Pièces exigées") < page.index("Identité selon chaque pièce")
    assert page.index("Identité selon chaque pièce") < page.index('id="piece-0"')
    assert page.index("attestation URSSAF") < page.index("Date de naissance lue avec doute")
    assert 'class="differs"' in page and 'href="#champ-2-date_of_birth"' in page


def test_the_checklist_shows_present_missing_and_conditional_pieces() -> None:
    from web.summary import checklist

    document = _document()
    document.labour_market_test = LabourMarketTest(outcome="exempt:graduate", reasoning="…")
    items = {item.alternatives: item for item in checklist(document)}
    assert items[("passport", "id_card")].status == "present" and items[("passport", "id_card")].present_at == 1
    assert items[("urssaf_certificate",)].status == "missing"
    assert items[("job_offer",)].status == "present"  # sent anyway
    assert items[("applications_statement",)].status == "not_required"
    document.labour_market_test.outcome = "applies"
    assert {i.alternatives: i for i in checklist(document)}[("applications_statement",)].status == "missing"
