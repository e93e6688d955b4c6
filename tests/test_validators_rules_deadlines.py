"""convention_sent_late and renewal_outside_window."""
from __future__ import annotations

import datetime as dt

import pytest

from models.domain import FlagCode, PieceType, Severity
from tests.test_validators_support import context, doubtful, piece
from validators.rules.deadlines import convention_sent_late, renewal_outside_window

P = PieceType


class TestConventionSentLate:
    @pytest.mark.parametrize(("start", "submitted", "late"), [
        ("2026-08-22", "2026-06-22", False),  # submitted_at = start − 2 months: on time
        ("2026-08-22", "2026-06-23", True),   # one day after
        ("2026-08-22", "2026-06-17", False),  # 5 days before the limit
        ("2026-08-22", "2026-06-27", True),   # 5 days after
        ("2026-08-06", "2026-06-15", True),   # the samples' EL AMRANI
        ("2026-04-30", "2026-02-28", False),  # 30 April − 2 months = 28 February (clamped)
        ("2026-04-30", "2026-03-01", True),
    ])
    def test_less_than_two_months_before_the_start(self, start: str, submitted: str, late: bool) -> None:
        ctx = context(piece(P.passport), piece(P.internship_agreement, start_date=start), procedure="stage",
                      submitted_at=dt.date.fromisoformat(submitted))
        flags = convention_sent_late(ctx)
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == (
            [(FlagCode.convention_sent_late, Severity.warning, 1, "start_date")] if late else [])

    def test_message(self) -> None:
        ctx = context(piece(P.internship_agreement, start_date="2026-08-06"), submitted_at=dt.date(2026, 6, 15))
        (flag,) = convention_sent_late(ctx)
        assert "15/06/2026" in flag.message and "06/08/2026" in flag.message and "06/06/2026" in flag.message

    def test_null_start_date(self) -> None:
        assert convention_sent_late(context(piece(P.internship_agreement, start_date=None))) == []

    def test_doubtful_start_date(self) -> None:
        agreement = doubtful(piece(P.internship_agreement, start_date="2026-03-15"), "start_date")
        (flag,) = convention_sent_late(context(agreement))
        assert (flag.code, flag.check) == (FlagCode.check_inconclusive, "convention_sent_late")


class TestRenewalOutsideWindow:
    @pytest.mark.parametrize(("expiry", "submitted", "outside"), [
        ("2026-06-05", "2026-04-05", False),  # window opens: expiry − 2 months, included
        ("2026-06-05", "2026-04-04", True),
        ("2026-06-05", "2026-05-04", False),  # last day before expiry − 1 month
        ("2026-06-05", "2026-05-05", True),   # expiry − 1 month: excluded
        ("2026-06-05", "2026-03-31", True),   # 5 days early
        ("2026-06-05", "2026-04-10", False),  # 5 days in
        ("2026-06-05", "2026-04-30", False),
        ("2026-06-05", "2026-05-10", True),   # 5 days late
        ("2026-06-05", "2026-03-07", True),   # the samples' BEN ALI
        ("2026-08-31", "2026-06-30", False),  # 31 August − 2 months = 30 June
        ("2026-08-31", "2026-06-29", True),
        ("2026-08-31", "2026-07-30", False),  # 31 August − 1 month = 31 July, excluded
        ("2026-08-31", "2026-07-31", True),
    ])
    def test_second_month_before_expiry(self, expiry: str, submitted: str, outside: bool) -> None:
        ctx = context(piece(P.passport), piece(P.residence_permit, expiry_date=expiry), procedure="renouvellement",
                      submitted_at=dt.date.fromisoformat(submitted))
        flags = renewal_outside_window(ctx)
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == (
            [(FlagCode.renewal_outside_window, Severity.warning, 1, "expiry_date")] if outside else [])

    @pytest.mark.parametrize("procedure", ["changement_statut", "introduction_salarie", "stage"])
    def test_only_renewals(self, procedure: str) -> None:
        ctx = context(piece(P.residence_permit, expiry_date="2026-06-05"), procedure=procedure,
                      submitted_at=dt.date(2026, 3, 7))
        assert renewal_outside_window(ctx) == []

    def test_the_permit_expiring_last_is_the_one_renewed(self) -> None:
        old = piece(P.residence_permit, expiry_date="2025-06-05")
        current = piece(P.residence_permit, expiry_date="2026-06-05")
        ctx = context(old, current, procedure="renouvellement", submitted_at=dt.date(2026, 4, 20))
        assert renewal_outside_window(ctx) == []
        late = context(old, current, procedure="renouvellement", submitted_at=dt.date(2026, 5, 20))
        assert [f.piece for f in renewal_outside_window(late)] == [1]

    def test_message_gives_the_window(self) -> None:
        ctx = context(piece(P.residence_permit, expiry_date="2026-06-05"), procedure="renouvellement",
                      submitted_at=dt.date(2026, 3, 7))
        (flag,) = renewal_outside_window(ctx)
        assert "07/03/2026" in flag.message and "05/04/2026" in flag.message and "05/05/2026" in flag.message

    def test_null_expiry(self) -> None:
        ctx = context(piece(P.residence_permit, expiry_date=None), procedure="renouvellement")
        assert renewal_outside_window(ctx) == []

    def test_mrz_failed_expiry_is_inconclusive(self) -> None:
        permit = piece(P.residence_permit, expiry_date="2026-06-05")
        permit.mrz_failed = ["expiry_date"]
        ctx = context(permit, procedure="renouvellement", submitted_at=dt.date(2026, 3, 7))
        (flag,) = renewal_outside_window(ctx)
        assert (flag.code, flag.check, flag.piece) == (FlagCode.check_inconclusive, "renewal_outside_window", 0)
