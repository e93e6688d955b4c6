"""certificate_outdated, certificate_not_employer, invalid_siret on the certificate; several certificates."""
from __future__ import annotations

import datetime as dt

import pytest

from models.domain import FlagCode, PieceType, Severity
from tests.test_validators_support import (
    VALID_SIREN,
    VALID_SIRET,
    context,
    doubtful,
    piece,
)
from validators.rules.certificates import certificate_not_employer, certificate_outdated
from validators.rules.companies import invalid_siret

P = PieceType
OTHER_SIREN = "800025280"  # valid (Luhn), another company
LA_POSTE_SIREN = "356000000"


def certificate(**fields: object):
    return piece(P.urssaf_certificate, **fields)


class TestCertificateOutdated:
    @pytest.mark.parametrize(("issued", "submitted", "outdated"), [
        ("2026-01-15", "2026-07-14", False),  # the day before six months
        ("2026-01-15", "2026-07-15", True),   # issue_date + 6 months = submitted_at
        ("2026-01-15", "2026-07-10", False),  # 5 days inside
        ("2026-01-15", "2026-07-20", True),   # 5 days past
        ("2025-08-31", "2026-02-27", False),  # 31 August + 6 months = 28 February
        ("2025-08-31", "2026-02-28", True),
    ])
    def test_six_months_or_more_on_submitted_at(self, issued: str, submitted: str, outdated: bool) -> None:
        ctx = context(piece(P.passport), certificate(issue_date=issued), submitted_at=dt.date.fromisoformat(submitted))
        flags = certificate_outdated(ctx)
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == (
            [(FlagCode.certificate_outdated, Severity.blocking, 1, "issue_date")] if outdated else [])

    def test_message_gives_the_dates(self) -> None:
        (flag,) = certificate_outdated(context(certificate(issue_date="2025-07-14"), submitted_at=dt.date(2026, 7, 29)))
        assert "14/07/2025" in flag.message and "29/07/2026" in flag.message and "14/01/2026" in flag.message

    def test_null_issue_date_is_not_checked(self) -> None:
        assert certificate_outdated(context(certificate(issue_date=None))) == []

    def test_doubtful_issue_date_is_inconclusive(self) -> None:
        ctx = context(doubtful(certificate(issue_date="2025-01-01"), "issue_date"))
        (flag,) = certificate_outdated(ctx)
        assert (flag.code, flag.check, flag.piece, flag.field) == (
            FlagCode.check_inconclusive, "certificate_outdated", 0, "issue_date")


class TestCertificateNotEmployer:
    def test_siren_of_the_contracts_employer(self) -> None:
        assert certificate_not_employer(context(piece(P.employment_contract), certificate())) == []

    def test_another_siren_points_to_the_certificate(self) -> None:
        flags = certificate_not_employer(context(piece(P.employment_contract), certificate(siren=OTHER_SIREN)))
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == [
            (FlagCode.certificate_not_employer, Severity.blocking, 1, "siren")]
        assert OTHER_SIREN in flags[0].message and VALID_SIRET in flags[0].message

    def test_names_do_not_matter_only_numbers(self) -> None:
        # a namesake company with another SIREN is another employer
        same_name = certificate(siren=OTHER_SIREN, company_name="NEXALIS TECHNOLOGIES")
        assert len(certificate_not_employer(context(piece(P.employment_contract), same_name))) == 1
        other_name = certificate(company_name="AUTRE NOM")
        assert certificate_not_employer(context(piece(P.employment_contract), other_name)) == []

    def test_spaces_in_numbers_are_ignored(self) -> None:
        ctx = context(piece(P.employment_contract, employer_siret="732 829 320 00074"), certificate(siren="732 829 320"))
        assert certificate_not_employer(ctx) == []

    def test_no_contract_no_check(self) -> None:
        assert certificate_not_employer(context(piece(P.passport), certificate(siren=OTHER_SIREN))) == []

    @pytest.mark.parametrize("field", ["siren", "employer_siret"])
    def test_null_number_no_check(self, field: str) -> None:
        contract = piece(P.employment_contract, **({"employer_siret": None} if field == "employer_siret" else {}))
        cert = certificate(siren=None if field == "siren" else OTHER_SIREN)
        assert certificate_not_employer(context(contract, cert)) == []

    def test_doubtful_siret_on_the_contract_is_inconclusive_on_the_contract(self) -> None:
        contract = doubtful(piece(P.employment_contract), "employer_siret")
        (flag,) = certificate_not_employer(context(contract, certificate(siren=OTHER_SIREN)))
        assert (flag.code, flag.check, flag.piece, flag.field) == (
            FlagCode.check_inconclusive, "certificate_not_employer", 0, "employer_siret")


class TestCertificateSiren:
    def test_invalid_siren_on_the_certificate(self) -> None:
        flags = invalid_siret(context(certificate(siren="732829321")))
        assert [(f.code, f.piece, f.field) for f in flags] == [(FlagCode.invalid_siret, 0, "siren")]

    def test_la_poste_siren_is_valid(self) -> None:
        ctx = context(piece(P.employment_contract, employer_siret="35600000000048"), certificate(siren=LA_POSTE_SIREN))
        assert invalid_siret(ctx) == [] and certificate_not_employer(ctx) == []

    def test_valid_siren(self) -> None:
        assert invalid_siret(context(certificate(siren=VALID_SIREN))) == []


class TestSeveralCertificates:
    def test_one_that_passes_suffices(self) -> None:
        old = certificate(issue_date="2025-01-01", siren=OTHER_SIREN)
        bad_number = certificate(siren="732829321")
        good = certificate()
        ctx = context(piece(P.employment_contract), old, bad_number, good)
        assert certificate_outdated(ctx) == [] and certificate_not_employer(ctx) == []
        assert [f for f in invalid_siret(ctx) if f.piece != 0] == []

    def test_when_none_passes_each_failing_one_is_flagged(self) -> None:
        old = certificate(issue_date="2025-01-01")
        other = certificate(siren=OTHER_SIREN)
        ctx = context(piece(P.employment_contract), old, other)
        assert [f.piece for f in certificate_outdated(ctx)] == [1]
        assert [f.piece for f in certificate_not_employer(ctx)] == [2]

    def test_an_inconclusive_one_does_not_pass(self) -> None:
        unsure = doubtful(certificate(issue_date="2025-01-01"), "issue_date")
        other = certificate(siren=OTHER_SIREN)
        ctx = context(piece(P.employment_contract), unsure, other)
        assert [(f.code, f.piece) for f in certificate_outdated(ctx)] == [(FlagCode.check_inconclusive, 1)]
        assert [f.piece for f in certificate_not_employer(ctx)] == [2]

    def test_an_unread_one_does_not_pass(self) -> None:
        unread = certificate(issue_date=None, siren=None)
        ctx = context(piece(P.employment_contract), unread, certificate(issue_date="2025-01-01"))
        assert [f.piece for f in certificate_outdated(ctx)] == [2]
