"""The agents' queue for a day's work (issue 10): applicant and employer names, days since
receipt, warning kinds, search by reference, name or SIRET, pages on every list and the
"Traités" tab; against the real database (the names are generated columns of `runs`)."""
from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from fastapi.testclient import TestClient

from models.domain import FlagCode, PieceType, Status
from models.records import DossierInfo, DossierResult, Flag, PieceResult
from storage.database import Database
from storage.records import Records
from storage.reviews import Reviews
from storage.worklists import PAGE_SIZE, Worklist, WorklistFilter, Worklists
from tests.test_web_fixtures import ADMIN, AGENT, accounts, client, log_in, services  # noqa: F401
from web.summary import PERSON_FIELDS

DAY = dt.date(2026, 5, 1)
ROW = re.compile(r'<tr id="([^"]+)">')


def piece(kind: PieceType, **fields: object) -> PieceResult:
    return PieceResult(id=f"p-{kind.value}", source=f"{kind.value}.pdf", pages=[1], type=kind, confidence=0.95,
                       fields=fields, field_confidence={name: 0.95 for name in fields})


def dossier(records: Records, reference: str, *, surname: str = "DUPONT", given: str = "Marie",
            employer: str = "ACME SAS", siret: str = "73282932000074", submitted: dt.date = DAY,
            status: Status = Status.ready_for_review, flags: list[Flag] = (), procedure: str = "introduction_salarie",
            pieces: list[PieceResult] | None = None) -> None:
    """A finished run for a salaried worker: passport, contract and company registration."""
    pieces = pieces if pieces is not None else [
        piece(PieceType.passport, surname=surname, given_names=given, expiry_date="2030-01-01"),
        piece(PieceType.employment_contract, employer_name=employer, employer_siret=siret,
              employee_surname=surname, employee_given_names=given),
        piece(PieceType.company_registration, company_name=employer, siren=siret[:9]),
    ]
    result = DossierResult(dossier=DossierInfo(reference=reference, procedure=procedure, procedure_source="manifest",
                                               submitted_at=submitted), status=status, pieces=pieces, flags=list(flags))
    with records.begin_run(reference, name=reference, pipeline_version="test") as run:
        run.complete(result)


def listed(client: TestClient, url: str) -> list[str]:
    """The references a list page shows, in order."""
    return ROW.findall(client.get(url).text)


def test_rows_show_applicant_employer_days_warning_kinds_and_holder(
        client: TestClient, records: Records, database: Database) -> None:
    dossier(records, "R-1", surname="ÉLOÏSE-NGUYEN", given="Anaïs", employer="Boulangerie Œuvre & Fils",
            flags=[Flag.make(FlagCode.registration_too_old, "Kbis ancien.", piece=2),
                   Flag.make(FlagCode.check_inconclusive, "Non tranché.", piece=1)])
    with database.connection() as conn:
        conn.execute("UPDATE dossiers SET first_received_at = current_date - 3 WHERE reference = 'R-1'")
    log_in(client, *AGENT)
    page = client.get("/").text
    row = page[page.index('<tr id="R-1">'):]
    row = row[:row.index("</tr>")]
    assert "ÉLOÏSE-NGUYEN Anaïs" in row and "Boulangerie Œuvre &amp; Fils" in row
    assert "reçu il y a 3 j" in row and "déposé le 01/05/2026" in row
    assert "Extrait d&#39;immatriculation trop ancien" in row and "Contrôle non tranché" in row
    assert "Pris en charge" not in row
    client.get("/dossiers/R-1")  # opening it claims it
    assert "Pris en charge par vous" in client.get("/").text


def test_the_applicant_is_read_from_every_piece_type_that_names_a_person(records: Records, database: Database) -> None:
    """The SQL that names the applicant (migration 0006) knows every piece the dossier page's
    identity table reads (web.summary.PERSON_FIELDS), with the same fields."""
    for kind, (surname, given, _) in PERSON_FIELDS.items():
        fields = {surname: f"NOM-{kind}"} | ({given: "Prénom"} if given else {})
        dossier(records, f"R-{kind}", pieces=[piece(PieceType.other), piece(PieceType(kind), **fields)])
    with database.connection() as conn:
        names = dict(conn.execute("SELECT d.reference, r.applicant_name FROM dossiers d "
                                  "JOIN runs r ON r.id = d.current_run_id").fetchall())
    for kind, (_, given, _) in PERSON_FIELDS.items():
        assert names[f"R-{kind}"] == f"NOM-{kind}" + (" Prénom" if given else ""), kind


def test_the_identity_document_names_the_applicant_and_a_correction_renames(
        records: Records, database: Database) -> None:
    dossier(records, "R-ID", pieces=[
        piece(PieceType.employment_contract, employee_surname="DUPOND", employee_given_names="Mari",
              employer_name="ACME"),
        piece(PieceType.passport, surname="DUPONT", given_names="Marie", expiry_date="2027-01-01"),
        piece(PieceType.id_card, surname="DUPONT", given_names="Marie Claire", expiry_date="2031-01-01"),
    ])
    lists = Worklists(database)
    [row] = lists.page(Worklist.ready, WorklistFilter()).rows
    assert row.applicant == "DUPONT Marie Claire" and row.employer == "ACME"  # latest expiry, as the checks
    run = records.runs("R-ID")[-1].id
    Reviews(database).correct_field("R-ID", run, 2, "surname", "DURAND", "agnes")
    [row] = lists.page(Worklist.ready, WorklistFilter()).rows
    assert row.applicant == "DURAND Marie Claire"
    assert lists.page(Worklist.ready, WorklistFilter(search="durand")).total == 1


@pytest.mark.parametrize(("search", "found"), [
    ("eloise", {"R-A"}), ("ÉLOÏSE", {"R-A"}), ("anais nguyen", {"R-A"}), ("Nguyen Anaïs", {"R-A"}),
    ("oeuvre", {"R-A"}), ("boulangerie", {"R-A"}), ("acme", {"R-B"}), ("r-b", {"R-B"}),
    ("732 829 320 00074", {"R-B"}), ("73282932000074", {"R-B"}), ("552100554", {"R-A"}), ("32000", {"R-B"}),
    ("r-", {"R-A", "R-B"}), ("50%", set()), ("_", set()), ("martin", set()),
])
def test_search_by_reference_name_or_siret_ignores_accents_and_case(
        database: Database, records: Records, search: str, found: set[str]) -> None:
    dossier(records, "R-A", surname="ÉLOÏSE-NGUYEN", given="Anaïs", employer="Boulangerie Œuvre",
            siret="55210055400013")
    dossier(records, "R-B", surname="DURAND", given="Paul", employer="ACME", siret="73282932000074")
    rows = Worklists(database).page(Worklist.ready, WorklistFilter(search=search)).rows
    assert {row.reference for row in rows} == found


def test_every_list_has_pages_and_the_search_keeps_them(client: TestClient, records: Records) -> None:
    for n in range(PAGE_SIZE + 3):
        dossier(records, f"R-READY-{n:03}", submitted=DAY + dt.timedelta(days=n % 20),
                surname="MARTIN" if n % 2 else "BERNARD")
    for n in range(PAGE_SIZE + 1):
        dossier(records, f"R-HELD-{n:03}", status=Status.incomplete, surname="PETIT",
                flags=[Flag.make(FlagCode.missing_piece, "Pièce manquante : passeport.", piece_type="passport")])
    log_in(client, *AGENT)
    first, second = listed(client, "/"), listed(client, "/?page=2")
    assert len(first) == PAGE_SIZE and len(second) == 3 and not set(first) & set(second)
    assert client.get("/?page=99").text.count('<tr id="R-READY') == 3  # past the end: the last page
    page = client.get("/").text
    assert "Page 1 sur 2" in page and 'href="/?page=2" rel="next"' in page
    assert "À instruire\n      <span class=\"count\">(53)</span>" in page
    assert len(listed(client, "/?liste=incomplets")) == PAGE_SIZE
    assert len(listed(client, "/?liste=incomplets&page=2")) == 1
    martins = client.get("/?q=martin").text
    assert 'href="/?q=martin&amp;page=2"' not in martins  # 26 fit on one page
    assert len(ROW.findall(martins)) == 26 and "Page 1 sur" not in martins
    # The tabs count under the search and keep it.
    assert 'href="/?liste=incomplets&amp;q=martin"' in martins and "Incomplets\n      <span class=\"count\">(0)</span>" in martins
    assert client.get("/?q=zzz").text.count("Aucun dossier ne correspond à « zzz »") == 1


def test_the_decided_tab_lists_decisions_with_who_and_when(client: TestClient, records: Records,
                                                           database: Database) -> None:
    for reference in ("R-OK", "R-NO", "R-BACK", "R-WAIT"):
        dossier(records, reference)
    reviews = Reviews(database)

    def decide(reference: str, decision: str, message: str | None, agent: str) -> None:
        reviews.decide(reference, records.runs(reference)[-1].id, decision, message, agent)

    decide("R-OK", "approved", None, "agnes")
    decide("R-NO", "rejected", "Salaire incohérent", "bruno")
    decide("R-BACK", "sent_back", "Joindre le passeport", "agnes")
    log_in(client, *AGENT)
    assert listed(client, "/") == ["R-WAIT"]
    decided = client.get("/?liste=traites").text
    assert ROW.findall(decided) == ["R-BACK", "R-NO", "R-OK"]  # latest first
    row = decided[decided.index('<tr id="R-NO">'):]
    row = row[:row.index("</tr>")]
    assert "Rejeté" in row and "bruno" in row and re.search(r"\d\d/\d\d/\d{4} à \d\d:\d\d", row)
    assert "Renvoyé comme incomplet" in decided
    assert "R-BACK" in listed(client, "/?liste=incomplets")
    # Processed again after the send-back: a new run, back to work, no longer "traité".
    dossier(records, "R-BACK")
    assert "R-BACK" not in listed(client, "/?liste=traites") and "R-BACK" in listed(client, "/")


def test_the_failed_tab_is_for_administrators(client: TestClient, records: Records) -> None:
    dossier(records, "R-F")
    with records.begin_run("R-F", name="R-F", pipeline_version="test") as run:
        run.fail("OCR indisponible")
    log_in(client, *AGENT)
    assert "En échec" not in client.get("/").text and "R-F" not in client.get("/?liste=echecs").text
    client.post("/logout", data={"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"',
                                                          client.get("/").text).group(1)})
    log_in(client, *ADMIN)
    failed = client.get("/?liste=echecs").text
    assert "R-F" in failed and "OCR indisponible" in failed and "Relancer" in failed


def test_the_queue_page_stays_fast_on_hundreds_of_dossiers(client: TestClient, records: Records,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    warning = [Flag.make(FlagCode.registration_too_old, "Kbis ancien.", piece=2)]
    for n in range(300):
        status = (Status.ready_for_review, Status.ready_for_review, Status.incomplete)[n % 3]
        dossier(records, f"R-PERF-{n:03}", surname=f"NOM{n}", status=status, flags=warning if n % 2 else [],
                submitted=DAY + dt.timedelta(days=n % 30))
    log_in(client, *AGENT)
    timings = {}
    for url in ("/", "/?page=4", "/?q=nom12", "/?q=acme&avertissements=oui", "/?liste=incomplets",
                "/?liste=traites"):
        client.get(url)  # warm
        started = time.perf_counter()
        for _ in range(5):
            assert client.get(url).status_code == 200
        timings[url] = (time.perf_counter() - started) / 5 * 1000
    with capsys.disabled():
        print("\nqueue page on 300 dossiers (ms):", {url: round(ms, 1) for url, ms in timings.items()})
    assert max(timings.values()) < 500, timings
