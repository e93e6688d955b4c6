"""The dossier page explains the labour-market test and what the dossier was checked against;
a result stored under contract v1 says so instead."""
from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from models import (CheckedAgainst, DossierInfo, DossierResult, Flag, FlagCode, LabourMarketTest, PieceResult,
                    PieceType, Status)
from storage.records import Records
from tests.test_web_fixtures import AGENT, accounts, client, log_in, services  # noqa: F401 - fixtures

REASONING = ("Opposabilité applicable : le code ROME K1302 n'est pas sur la liste des métiers en tension "
             "de la région 84 en vigueur depuis le 23/05/2025.")


def _record(records: Records, reference: str, **extra: object) -> None:
    piece = PieceResult(id="p1", source="offre.pdf", pages=[1], type=PieceType.job_offer, confidence=0.9,
                        fields={"rome_code": "K1302"}, field_confidence={"rome_code": 0.5})
    result = DossierResult(
        dossier=DossierInfo(reference=reference, procedure="introduction_salarie", procedure_source="manifest",
                            submitted_at=dt.date(2026, 6, 1)),
        status=Status.ready_for_review, pieces=[piece],
        flags=[Flag.make(FlagCode.check_inconclusive, "Code ROME lu avec doute : à vérifier.", piece=0,
                         field="rome_code", check="offer_publication_insufficient")], **extra)
    with records.begin_run(reference, name=reference, pipeline_version="test") as run:
        run.complete(result)


def test_the_labour_market_reasoning_and_the_reference_data_are_shown(client: TestClient,  # noqa: F811
                                                                      records: Records) -> None:
    _record(records, "R-LMT", labour_market_test=LabourMarketTest(outcome="applies", reasoning=REASONING,
                                                                     certain=False),
            checked_against=CheckedAgainst(shortage_list_valid_from=dt.date(2025, 5, 23), region_code="84",
                                           legal_amounts={"smic_gross_monthly_35h@2026-01-01": "1823.03"},
                                           rules=["missing_piece", "offer_publication_insufficient"]))
    log_in(client, *AGENT)
    page = client.get("/dossiers/R-LMT").text
    assert "Situation de l&#39;emploi" in page or "Situation de l'emploi" in page
    assert "K1302" in page and "23/05/2025" in page
    assert "À vérifier" in page  # the outcome rests on a doubtful value
    assert "contrôle non tranché : Publication de l&#39;offre insuffisante" in page
    assert "1\u202f823,03\u00a0€" in page or "1\u00a0823,03\u00a0€" in page, "the legal amount, in French"
    assert "métiers en tension en vigueur depuis le 23/05/2025" in page


def test_a_v1_result_invites_a_rerun(client: TestClient, records: Records) -> None:  # noqa: F811
    _record(records, "R-V1")
    with records.db.connection() as conn:
        conn.execute("UPDATE runs SET result = result || '{\"schema_version\": \"1\"}'::jsonb")
    log_in(client, *AGENT)
    page = client.get("/dossiers/R-V1").text
    assert "règles antérieures à 2025" in page
