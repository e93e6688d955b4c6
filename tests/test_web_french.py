"""French everywhere (issue 10, point 6): dates dd/mm/yyyy, Paris times, amounts `2 550,00 €`,
hours `35 h`; a history in words with the page's piece numbers; French error pages for
404, 422 and 500; failed dossiers in plain words for agents, the technical error for
administrators. Against the real app and database."""
from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from models.domain import PieceType, Status
from models.field_kinds import DATE_FIELDS, MONEY_FIELDS, MONTH_FIELDS
from models.records import CheckedAgainst, DossierInfo, DossierResult, PieceResult
from pipeline.recorded import Services
from storage.records import AuditEvent, Records
from storage.reviews import parse_value
from storage.users import Users
from tests.test_web_fixtures import ADMIN, AGENT, accounts, client, log_in, services  # noqa: F401
from web.app import create_app
from web.formatting import (
    date_fr,
    datetime_fr,
    euros,
    field_input,
    field_value,
    hours,
    number_fr,
)
from web.history import FAILED_FOR_AGENTS, event_text

REF = "2026-FR-000001"
NBSP = "\u00a0"
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
RAW_FLOAT = re.compile(r"\b\d+\.\d+\b")
TECHNICAL = "TesseractError: (1, 'Error opening data file /usr/share/tesseract-ocr/5/tessdata/fra.traineddata')"


class VisibleText(HTMLParser):
    """The text a reader sees (no attributes, scripts or styles) plus the inputs' values."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        values = dict(attrs)
        if tag == "input" and values.get("type") in (None, "text") and values.get("value"):
            self.parts.append(values["value"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return re.sub(r"[ \t\r\n]+", " ", " ".join(parser.parts))  # no-break spaces kept


def contract_result(reference: str, status: Status = Status.ready_for_review) -> DossierResult:
    contract = PieceResult(
        id="p1", source="contrat.pdf", pages=[1], type=PieceType.employment_contract, confidence=0.9,
        fields={"employer_name": "ACME", "start_date": "2026-06-01", "end_date": None, "weekly_hours": 35.0,
                "gross_monthly_salary": 2550.0, "job_title": "Développeur"},
        field_confidence={"employer_name": 0.95, "start_date": 0.9, "weekly_hours": 0.9,
                          "gross_monthly_salary": 0.9, "job_title": 0.9})
    payslip = PieceResult(id="p2", source="bulletin.pdf", pages=[1], type=PieceType.payslip, confidence=0.9,
                          fields={"period": "2026-04", "gross_salary": 1234.5}, field_confidence={})
    checked = CheckedAgainst(shortage_list_valid_from=dt.date(2026, 1, 15), region_code="11",
                             legal_amounts={"smic_gross_monthly_35h@2026-01-01": "1823.03"},
                             rules=["salary_below_minimum", "missing_piece"])
    return DossierResult(dossier=DossierInfo(reference=reference, procedure="introduction_salarie",
                                             procedure_source="manifest", submitted_at=dt.date(2026, 5, 1)),
                         status=status, pieces=[payslip, contract], checked_against=checked)


def record(records: Records, result: DossierResult) -> int:
    with records.begin_run(result.dossier.reference, name=result.dossier.reference,
                           pipeline_version="test") as run:
        run.complete(result)
    return records.runs(result.dossier.reference)[-1].id


# -- the filters ------------------------------------------------------------------------------


def test_values_read_the_french_way() -> None:
    assert euros(2550) == euros(2550.0) == f"2{NBSP}550,00{NBSP}€"
    assert euros("1823.03") == f"1{NBSP}823,03{NBSP}€"
    assert hours(35.0) == f"35{NBSP}h" and hours(37.5) == f"37,5{NBSP}h"
    assert number_fr(12.0) == "12" and number_fr("n/a") == "n/a"
    assert date_fr("2026-11-30") == date_fr(dt.date(2026, 11, 30)) == "30/11/2026"
    assert date_fr(None) == "—" and date_fr("vers 2020") == "vers 2020"
    # UTC in the records, Paris on the page: winter +1 h, summer +2 h; a late evening is the next day.
    assert datetime_fr(dt.datetime(2026, 11, 30, 13, 5, tzinfo=dt.UTC)) == "30/11/2026 à 14:05"
    assert datetime_fr(dt.datetime(2026, 7, 14, 22, 30, tzinfo=dt.UTC)) == "15/07/2026 à 00:30"
    assert date_fr(dt.datetime(2026, 7, 14, 22, 30, tzinfo=dt.UTC)) == "15/07/2026"
    assert field_value("2026-04", "period") == "04/2026" and field_value(None, "start_date") == "non lu"
    assert field_value(2550.0, "gross_monthly_salary") == f"2{NBSP}550,00{NBSP}€"


@pytest.mark.parametrize(("field", "value"), [
    ("gross_monthly_salary", 2550.0), ("gross_monthly_salary", 1823.03), ("gross_salary", 1234567),
    ("monthly_gratification", 650.125), ("weekly_hours", 35), ("weekly_hours", 37.5),
    ("start_date", "2026-06-01"), ("period", "2026-04"), ("host_name", "ACME"), ("surname", "O'NEIL"),
])
def test_an_input_shows_a_value_that_reads_back_as_itself(field: str, value: object) -> None:
    shown = field_input(value, field)
    assert not ISO_DAY.search(shown) and not RAW_FLOAT.search(shown)
    assert parse_value(field, shown) == value


def test_agents_type_french_numbers_and_dates() -> None:
    assert parse_value("gross_monthly_salary", "2 600,00") == 2600.0
    assert parse_value("gross_monthly_salary", f"2\u202f600,00{NBSP}€") == 2600.0
    assert parse_value("weekly_hours", "35 h") == 35
    assert parse_value("start_date", "1/7/2026") == "2026-07-01"
    assert parse_value("period", "05/2026") == "2026-05"
    assert parse_value("start_date", "2026-07-01") == "2026-07-01"  # as the pages used to show it
    with pytest.raises(ValueError, match="n'est pas une date"):
        parse_value("start_date", "31/02/2026")
    assert {"date_of_birth", "expiry_date"} <= DATE_FIELDS and "period" in MONTH_FIELDS
    assert "gross_monthly_salary" in MONEY_FIELDS


def test_every_recorded_action_reads_as_a_french_sentence() -> None:
    at = dt.datetime(2026, 11, 30, 13, 5, tzinfo=dt.UTC)
    said = {action: event_text(AuditEvent(at, AGENT[0], action, details), admin=False) for action, details in {
        "flag_overridden": {"code": "identity_mismatch", "severity": "blocking", "piece": 2, "field": "surname",
                            "reason": "nom d'usage"},
        "piece_type_changed": {"piece": 0, "previous": "other", "type": "passport", "reextracted": True},
        "checks_rerun": {"status": "incomplete", "previous_status": "ready_for_review",
                         "flags_added": ["identity_mismatch (pièce 3)", "missing_piece (passport)"], "flags_removed": []},
        "review_decided": {"decision": "sent_back", "message": "Joindre le passeport"},
        "run_abandoned": {"error": "the worker processing this run stopped before finishing it"},
        "claim_taken": {"piece": 1, "status": "incomplete"},  # one this module does not know yet
    }.items()}
    assert said["flag_overridden"] == ("Contrôle écarté : Identités différentes (bloquant, pièce 3, champ « Nom »), "
                                       "motif : « nom d'usage », par agnes, le 30/11/2026 à 14:05.")
    assert said["piece_type_changed"].startswith("Type de la pièce 1 modifié : Autre document → Passeport ; "
                                                 "champs relus")
    assert said["checks_rerun"].startswith("Contrôles relancés : statut À instruire → Incomplet ; nouvelles alertes : "
                                           "Identités différentes (pièce 3), Pièce manquante (Passeport)")
    assert said["review_decided"].startswith("Décision : Renvoyé comme incomplet — « Joindre le passeport »")
    assert "worker" not in said["run_abandoned"]
    assert "(pièce 2, statut : Incomplet), par agnes" in said["claim_taken"]


# -- the dossier page --------------------------------------------------------------------------


def test_the_dossier_page_shows_no_iso_date_raw_float_or_utc_time(client: TestClient, records: Records) -> None:
    run_id = record(records, contract_result(REF))
    csrf = log_in(client, *AGENT)
    text = visible(client.get(f"/dossiers/{REF}").text)
    assert not ISO_DAY.findall(text) and not RAW_FLOAT.findall(text), text
    assert "en vigueur depuis le 15/01/2026" in text
    # Corrections typed the French way, as the inputs show values.
    for field, value in (("gross_monthly_salary", "2 600,00"), ("start_date", "15/06/2026")):
        response = client.post(f"/dossiers/{REF}/fields", data={"csrf_token": csrf, "run_id": run_id, "piece": 1,
                                                                "field": field, "value": value})
        assert response.status_code == 303, visible(response.text)
    contract = records.current_result(REF).pieces[1]
    assert contract.fields["gross_monthly_salary"] == 2600.0 and contract.fields["start_date"] == "2026-06-15"

    text = visible(client.get(f"/dossiers/{REF}").text)
    assert not ISO_DAY.findall(text) and not RAW_FLOAT.findall(text), text
    assert "déposé le 01/05/2026" in text
    assert f"2{NBSP}600,00" in text and "15/06/2026" in text and "04/2026" in text
    assert f"2{NBSP}550,00{NBSP}€" in text  # the value read, under the correction
    assert f"SMIC brut mensuel pour 35 h en vigueur depuis le 01/01/2026 : 1{NBSP}823,03{NBSP}€" in text
    assert "Salaire sous le minimum" in text and "salary_below_minimum" not in text

    # The history in words, with the page's piece numbers and Paris time.
    corrected_at = next(e.at for e in records.history(REF) if e.action == "field_corrected")
    assert (f"Champ corrigé sur la pièce 2 : « Salaire mensuel brut (€) », 2{NBSP}550,00{NBSP}€ → "
            f"2{NBSP}600,00{NBSP}€, par {AGENT[0]}, le {datetime_fr(corrected_at)}.") in text
    assert "« Date de début », 01/06/2026 → 15/06/2026" in text
    assert "Traitement terminé : À instruire, aucune alerte, par le traitement automatique" in text
    for raw in ("field_corrected", "gross_monthly_salary", "previous", "run_completed", "pipeline_version"):
        assert raw not in text


def test_the_queue_dates_are_french(client: TestClient, records: Records) -> None:
    record(records, contract_result(REF))
    log_in(client, *AGENT)
    text = visible(client.get("/").text)
    assert "01/05/2026" in text and not ISO_DAY.findall(text)


# -- failed dossiers ---------------------------------------------------------------------------


def test_a_failed_dossier_is_plain_words_for_agents_and_technical_for_admins(
        services: Services, accounts: Users) -> None:
    record(services.records, contract_result(REF))
    with services.records.begin_run(REF, name=REF, pipeline_version="test") as run:
        run.fail(TECHNICAL)
    with TestClient(create_app(services), base_url="https://testserver", follow_redirects=False) as agent:
        log_in(agent, *AGENT)
        page = visible(agent.get(f"/dossiers/{REF}").text)
    assert FAILED_FOR_AGENTS in page
    assert "Tesseract" not in page and "Error" not in page and "traineddata" not in page
    assert "Traitement en échec : La lecture du dossier a échoué" in page  # the history too
    with TestClient(create_app(services), base_url="https://testserver", follow_redirects=False) as admin:
        log_in(admin, *ADMIN)
        page = visible(admin.get(f"/dossiers/{REF}").text)
        assert FAILED_FOR_AGENTS in page and f"Erreur technique : {TECHNICAL}" in page
        assert TECHNICAL in visible(admin.get("/admin/failed").text)


# -- error pages -------------------------------------------------------------------------------


def assert_french_error_page(response, status: int, title: str) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    text = visible(response.text)
    assert title in text and "Retour à la file d'attente" in text and 'href="/"' in response.text
    assert '<html lang="fr">' in response.text
    for english in ("Not Found", '"detail"', "Internal Server Error", "Input should be", "Field required"):
        assert english not in response.text
    return text


def test_an_unknown_page_is_a_french_404(client: TestClient) -> None:
    assert_french_error_page(client.get("/nulle-part"), 404, "Page introuvable")  # before signing in too
    log_in(client, *AGENT)
    assert_french_error_page(client.get("/nulle-part"), 404, "Page introuvable")
    assert_french_error_page(client.get("/dossiers/INCONNU"), 404, "Dossier introuvable")
    assert_french_error_page(client.put("/"), 405, "Action impossible")


def test_a_bad_parameter_is_a_french_422(client: TestClient, records: Records) -> None:
    csrf = log_in(client, *AGENT)
    text = assert_french_error_page(client.get("/?page=abc"), 422, "Requête invalide")
    assert "« page » doit être un nombre entier." in text
    record(records, contract_result(REF))
    posted = client.post(f"/dossiers/{REF}/fields", data={"csrf_token": csrf, "piece": "x", "field": "job_title"})
    text = assert_french_error_page(posted, 422, "Requête invalide")
    assert "« run_id » est manquant." in text and "« piece » doit être un nombre entier." in text


def test_an_unexpected_error_is_a_french_500(services: Services, accounts: Users) -> None:
    """A result document the page cannot read (written by hand, say) breaks the page: the
    agent gets a French page, the security headers still hold."""
    record(services.records, contract_result(REF))
    with services.db.connection() as conn:
        conn.execute("UPDATE runs SET result = '{\"illisible\": true}' WHERE id = "
                     "(SELECT current_run_id FROM dossiers WHERE reference = %s)", (REF,))
    with TestClient(create_app(services), base_url="https://testserver", follow_redirects=False,
                    raise_server_exceptions=False) as client:
        log_in(client, *AGENT)
        response = client.get(f"/dossiers/{REF}")
    text = assert_french_error_page(response, 500, "Erreur interne")
    assert "prévenez un administrateur" in text and "ValidationError" not in response.text


def test_a_flag_key_reads_in_french_with_its_field_and_check() -> None:
    from web.history import flag_name

    assert flag_name("missing_field (pièce 2, champ employer_siret)") == \
        "Champ non lu (pièce 2, champ « SIRET de l'employeur »)"
    assert "monthly_gratification" not in flag_name("missing_field (pièce 3, champ monthly_gratification)")
    assert flag_name("identity_mismatch (pièce 2)").endswith("(pièce 2)")
