"""document_expired, document_expires_early, identity_mismatch."""
from __future__ import annotations

import datetime as dt

import pytest

from models.domain import FlagCode, PieceType, Severity
from tests.test_validators_support import context, doubtful, piece
from validators.rules.identity import (
    document_expired,
    document_expires_early,
    identity_mismatch,
)

P = PieceType


class TestDocumentExpired:
    def test_expired_passport_points_to_it_with_a_clear_message(self) -> None:
        ctx = context(piece(P.cv), piece(P.passport, expiry_date="2025-12-14"), submitted_at=dt.date(2026, 3, 2))
        flags = document_expired(ctx)
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == [
            (FlagCode.document_expired, Severity.blocking, 1, "expiry_date")
        ]
        assert flags[0].message == (
            "Le passeport (passport.pdf) a expiré le 14/12/2025, avant le dépôt du dossier (02/03/2026)."
        )

    def test_expired_residence_permit(self) -> None:
        flags = document_expired(context(piece(P.passport), piece(P.residence_permit, expiry_date="2026-01-31")))
        assert [f.piece for f in flags] == [1]
        assert flags[0].message.startswith("Le titre de séjour")

    def test_expiring_on_the_submission_day_is_still_valid(self) -> None:
        assert document_expired(context(piece(P.passport, expiry_date="2026-03-02"), submitted_at=dt.date(2026, 3, 2))) == []

    def test_day_before_submission_is_expired(self) -> None:
        assert len(document_expired(context(piece(P.passport, expiry_date="2026-03-01"),
                                            submitted_at=dt.date(2026, 3, 2)))) == 1

    @pytest.mark.parametrize("expiry", [None, "illisible", "14/12/2025"])
    def test_unread_expiry_is_not_checked(self, expiry: str | None) -> None:
        assert document_expired(context(piece(P.passport, expiry_date=expiry))) == []


class TestDocumentExpiresEarly:
    def test_passport_expiring_before_the_contract_ends(self) -> None:
        ctx = context(piece(P.employment_contract, end_date="2027-03-31"), piece(P.passport, expiry_date="2027-01-15"))
        flags = document_expires_early(ctx)
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == [
            (FlagCode.document_expires_early, Severity.warning, 1, "expiry_date")
        ]
        assert "15/01/2027" in flags[0].message and "31/03/2027" in flags[0].message

    def test_passport_expiring_before_the_internship_ends(self) -> None:
        ctx = context(piece(P.passport, expiry_date="2026-08-01"), piece(P.internship_agreement, end_date="2026-09-30"))
        assert [f.piece for f in document_expires_early(ctx)] == [0]

    def test_expiring_on_the_end_date_is_fine(self) -> None:
        ctx = context(piece(P.passport, expiry_date="2027-03-31"), piece(P.employment_contract, end_date="2027-03-31"))
        assert document_expires_early(ctx) == []

    def test_cdi_without_end_date_is_never_flagged(self) -> None:
        ctx = context(piece(P.passport, expiry_date="2026-04-01"),
                      piece(P.employment_contract, contract_type="CDI", end_date=None))
        assert document_expires_early(ctx) == []

    def test_residence_permit_is_not_concerned(self) -> None:
        ctx = context(piece(P.residence_permit, expiry_date="2026-05-01"), piece(P.employment_contract))
        assert document_expires_early(ctx) == []

    def test_unread_passport_expiry(self) -> None:
        assert document_expires_early(context(piece(P.passport, expiry_date=None), piece(P.employment_contract))) == []


class TestIdentityMismatch:
    def test_same_person_everywhere(self) -> None:
        pieces = [piece(t) for t in (P.passport, P.residence_permit, P.employment_contract,
                                     P.internship_agreement, P.payslip, P.diploma, P.cv, P.other)]
        assert identity_mismatch(context(*pieces)) == []

    def test_apostrophe_case_and_accents_do_not_matter(self) -> None:
        ctx = context(
            piece(P.passport, surname="D'SOUZA", given_names="Rohan José"),
            piece(P.employment_contract, employee_surname="D’Souza", employee_given_names="ROHAN JOSE"),
            piece(P.diploma, holder_surname="Dsouza", holder_given_names="Rohan-José"),
            piece(P.payslip, employee_surname="D SOUZA"),
        )
        assert identity_mismatch(ctx) == []

    @pytest.mark.parametrize(("piece_type", "fields", "field"), [
        (P.employment_contract, {"employee_surname": "DA SOUZA"}, "employee_surname"),
        (P.employment_contract, {"employee_given_names": "Rahul"}, "employee_given_names"),
        (P.internship_agreement, {"intern_surname": "SOUZA"}, "intern_surname"),
        (P.internship_agreement, {"intern_given_names": "Ravi"}, "intern_given_names"),
        (P.payslip, {"employee_surname": "DIALLO"}, "employee_surname"),
        (P.diploma, {"holder_surname": "PEREIRA"}, "holder_surname"),
        (P.diploma, {"holder_given_names": "Roshan"}, "holder_given_names"),
        (P.residence_permit, {"surname": "DSOUZAA"}, "surname"),
        (P.residence_permit, {"given_names": "Rohit"}, "given_names"),
        (P.residence_permit, {"date_of_birth": "1994-05-18"}, "date_of_birth"),
    ])
    def test_points_to_the_disagreeing_piece_and_field(self, piece_type: PieceType, fields: dict, field: str) -> None:
        ctx = context(piece(P.passport), piece(P.diploma), piece(piece_type, **fields))
        flags = identity_mismatch(ctx)
        assert [(f.code, f.severity, f.piece, f.field) for f in flags] == [
            (FlagCode.identity_mismatch, Severity.blocking, 2, field)
        ]

    def test_usual_first_given_names_are_the_same_person(self) -> None:
        ctx = context(piece(P.passport, given_names="ABDOULAYE MAMADOU"),
                      piece(P.employment_contract, employee_given_names="Abdoulaye"))
        assert identity_mismatch(ctx) == []

    def test_a_later_given_name_alone_is_a_mismatch(self) -> None:
        ctx = context(piece(P.passport, given_names="ABDOULAYE MAMADOU"),
                      piece(P.employment_contract, employee_given_names="Mamadou"))
        assert [f.field for f in identity_mismatch(ctx)] == ["employee_given_names"]

    def test_message_lists_every_difference(self) -> None:
        ctx = context(piece(P.passport),
                      piece(P.residence_permit, surname="SILVA", given_names="Ana", date_of_birth="1990-01-01"))
        (flag,) = identity_mismatch(ctx)
        assert flag.field == "surname"
        assert "nom « SILVA » au lieu de « D'SOUZA »" in flag.message
        assert "prénoms « Ana »" in flag.message
        assert "date de naissance 01/01/1990 au lieu du 17/05/1994" in flag.message

    @pytest.mark.parametrize("side", ["passport", "other"])
    def test_a_null_field_on_either_side_is_no_mismatch(self, side: str) -> None:
        nulls = {"surname": None, "given_names": None, "date_of_birth": None}
        passport = piece(P.passport, **nulls) if side == "passport" else piece(P.passport)
        permit = piece(P.residence_permit, **nulls) if side == "other" else piece(P.residence_permit, surname="X")
        contract = piece(P.employment_contract, employee_surname=None, employee_given_names=None)
        assert identity_mismatch(context(passport, permit, contract)) == []

    def test_unreadable_date_of_birth_is_no_mismatch(self) -> None:
        assert identity_mismatch(context(piece(P.passport), piece(P.residence_permit, date_of_birth="17 mai 94"))) == []

    def test_without_passport_nothing_to_compare(self) -> None:
        ctx = context(piece(P.residence_permit), piece(P.employment_contract, employee_surname="AUTRE"))
        assert identity_mismatch(ctx) == []


class TestIdentityDocuments:
    """Passport or identity card; same number = one document; the latest expiry is used."""

    def test_identity_card_is_checked_like_a_passport(self) -> None:
        ctx = context(piece(P.id_card, expiry_date="2026-03-01"), piece(P.employment_contract, end_date="2027-01-01"),
                      piece(P.diploma, holder_surname="PEREIRA"), submitted_at=dt.date(2026, 3, 2))
        assert [(f.code, f.piece) for f in document_expired(ctx)] == [(FlagCode.document_expired, 0)]
        assert document_expired(ctx)[0].message.startswith("La carte d'identité")
        assert [f.piece for f in document_expires_early(ctx)] == [0]
        (mismatch,) = identity_mismatch(ctx)
        assert mismatch.piece == 2 and "la carte d'identité" in mismatch.message

    def test_the_document_with_the_latest_expiry_is_used(self) -> None:
        old = piece(P.passport, document_number="A1111111", expiry_date="2025-06-30", surname="AUTRE")
        new = piece(P.id_card, document_number="B2222222", expiry_date="2031-01-31")
        ctx = context(old, new, piece(P.employment_contract), submitted_at=dt.date(2026, 3, 2))
        assert document_expired(ctx) == []  # the expired old passport is not the one used
        assert identity_mismatch(ctx) == []  # names compared with the card, not the old passport
        ctx = context(new, old, piece(P.employment_contract, end_date="2031-06-30"))
        assert [f.piece for f in document_expires_early(ctx)] == [0]

    def test_latest_expiry_wins_whatever_the_order(self) -> None:
        first = piece(P.passport, document_number="A1111111", expiry_date="2026-01-01")
        second = piece(P.passport, document_number="B2222222", expiry_date="2026-02-01")
        flags = document_expired(context(first, second, submitted_at=dt.date(2026, 3, 2)))
        assert [f.piece for f in flags] == [1]

    def test_front_and_back_with_the_same_number_are_one_document(self) -> None:
        # the back carries the MRZ (number, expiry); the front the printed names
        front = piece(P.id_card, document_number="X 9876543", expiry_date=None, date_of_birth=None)
        back = piece(P.id_card, document_number="X9876543", surname=None, given_names=None,
                     expiry_date="2025-12-31")
        other = piece(P.passport, document_number="P0000001", expiry_date="2025-06-30")
        ctx = context(front, other, back, piece(P.residence_permit, surname="SILVA"),
                      submitted_at=dt.date(2026, 3, 2))
        # the card (latest expiry, on its back) is the document used: its back is flagged expired
        assert [f.piece for f in document_expired(ctx) if f.piece != 3] == [2]
        (mismatch,) = identity_mismatch(ctx)
        assert "« SILVA » au lieu de « D'SOUZA »" in mismatch.message

    def test_residence_permit_is_not_an_identity_document(self) -> None:
        ctx = context(piece(P.residence_permit), piece(P.employment_contract, employee_surname="AUTRE"))
        assert identity_mismatch(ctx) == []


class TestIcaoDigraphs:
    @pytest.mark.parametrize(("printed", "other"), [
        ("MÜLLER", "MUELLER"), ("MÜLLER", "Muller"), ("SØRENSEN", "SOERENSEN"), ("JÄGER", "JAEGER"),
        ("ÆRØ", "AEROE"), ("GROß", "GROSS"), ("ÞÓRSDÓTTIR", "THORSDOTTIR"), ("SCHRÖDER", "Schroeder"),
    ])
    def test_names_match_under_icao_digraphs(self, printed: str, other: str) -> None:
        ctx = context(piece(P.passport, surname=printed), piece(P.employment_contract, employee_surname=other))
        assert identity_mismatch(ctx) == []

    def test_a_different_name_still_differs(self) -> None:
        ctx = context(piece(P.passport, surname="MÜLLER"), piece(P.employment_contract, employee_surname="MILLER"))
        assert len(identity_mismatch(ctx)) == 1


class TestDoubtfulValues:
    def test_doubtful_expiry_gives_check_inconclusive(self) -> None:
        passport = doubtful(piece(P.passport, expiry_date="2025-12-14"), "expiry_date")
        (flag,) = document_expired(context(passport))
        assert (flag.code, flag.severity, flag.check, flag.piece, flag.field) == (
            FlagCode.check_inconclusive, Severity.warning, "document_expired", 0, "expiry_date")
        assert "a expiré le 14/12/2025" in flag.message

    def test_mrz_failed_expiry_gives_check_inconclusive(self) -> None:
        passport = piece(P.passport, expiry_date="2025-12-14")
        passport.mrz_failed = ["expiry_date"]
        (flag,) = document_expired(context(passport))
        assert flag.code == FlagCode.check_inconclusive and "MRZ" in flag.message

    def test_doubtful_name_on_the_other_piece_points_to_it(self) -> None:
        diploma = doubtful(piece(P.diploma, holder_surname="Paris"), "holder_surname", confidence=0.576)
        (flag,) = identity_mismatch(context(piece(P.passport), diploma))
        assert (flag.code, flag.check, flag.piece, flag.field) == (
            FlagCode.check_inconclusive, "identity_mismatch", 1, "holder_surname")

    def test_doubtful_value_that_agrees_raises_nothing(self) -> None:
        passport = doubtful(piece(P.passport), "expiry_date", "surname")
        assert document_expired(context(passport)) == [] and identity_mismatch(context(passport, piece(P.diploma))) == []

    def test_corrected_value_is_certain(self) -> None:
        # what the review path sets for a field an agent corrected
        passport = doubtful(piece(P.passport, expiry_date="2025-12-14"), "expiry_date", confidence=1.0)
        assert [f.code for f in document_expired(context(passport))] == [FlagCode.document_expired]


class TestOneLetterApart:
    """A name one letter off, read off an image, is a point to verify, not a held-back dossier."""

    @staticmethod
    def scanned(p):
        p.text_source = "ocr"
        return p

    def test_a_photographed_agreement_misreading_a_given_name(self) -> None:
        ctx = context(self.scanned(piece(P.passport, given_names="HOANG LONG")),
                      self.scanned(piece(P.internship_agreement, intern_given_names="Hoëng Long")))
        (flag,) = identity_mismatch(ctx)
        assert (flag.code, flag.severity, flag.check, flag.piece, flag.field) == (
            FlagCode.check_inconclusive, Severity.warning, "identity_mismatch", 1, "intern_given_names")
        assert "d'une lettre" in flag.message and "« Hoëng Long » au lieu de « HOANG LONG »" in flag.message

    def test_the_passport_side_may_be_the_misread_one(self) -> None:
        ctx = context(self.scanned(piece(P.passport, surname="SOUSA")),
                      piece(P.employment_contract, employee_surname="SOUZA"))
        (flag,) = identity_mismatch(ctx)
        assert (flag.code, flag.piece, flag.field) == (FlagCode.check_inconclusive, 0, "surname")

    def test_typed_on_both_sides_one_letter_is_a_difference(self) -> None:
        ctx = context(piece(P.passport, surname="MÜLLER"), piece(P.employment_contract, employee_surname="MILLER"))
        assert [f.code for f in identity_mismatch(ctx)] == [FlagCode.identity_mismatch]

    def test_corrected_by_an_agent_on_both_sides_one_letter_is_a_difference(self) -> None:
        passport = doubtful(self.scanned(piece(P.passport, given_names="HOANG LONG")), "given_names", confidence=1.0)
        agreement = doubtful(self.scanned(piece(P.internship_agreement, intern_given_names="Hoëng Long")),
                             "intern_given_names", confidence=1.0)
        assert [f.code for f in identity_mismatch(context(passport, agreement))] == [FlagCode.identity_mismatch]

    @pytest.mark.parametrize(("surname", "given_names"), [("D'SOUZA", "Rahul"), ("SOUZ", "Rohan José"),
                                                          ("SOUZAS", "Rohan José")])
    def test_two_letters_or_another_given_name_is_a_mismatch_even_scanned(self, surname: str, given_names: str) -> None:
        ctx = context(self.scanned(piece(P.passport, surname="D'SOUZA", given_names="Rohan José")),
                      self.scanned(piece(P.employment_contract, employee_surname=surname,
                                         employee_given_names=given_names)))
        assert [f.code for f in identity_mismatch(ctx)] == [FlagCode.identity_mismatch]
