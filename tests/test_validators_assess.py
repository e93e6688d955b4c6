"""assess(): flags, status, the labour-market test and what the dossier was checked against;
the certainty rule it applies."""
from __future__ import annotations

import datetime as dt

from models.domain import FlagCode, PieceType, Status
from models.records import CheckedAgainst, Flag
from tests.test_validators_support import COMPLETE, context, doubtful, piece
from validators import RULES, UNKNOWN_PROCEDURE, assess
from validators.certainty import (
    CONFIDENCE_THRESHOLD,
    Value,
    flag_if_certain,
    is_certain,
)

P = PieceType


class TestAssess:
    def test_complete_dossier_is_ready_with_its_test_explained(self) -> None:
        ctx = context(*(piece(t) for t in COMPLETE["introduction_salarie"]), rome="M1805", postcode="69003")
        assessment = assess(ctx)
        assert assessment.flags == [] and assessment.status == Status.ready_for_review
        test = assessment.labour_market_test
        assert test is not None and test.outcome == "applies" and test.certain
        assert "42 jour(s)" in test.reasoning  # 05/01/2026 to 15/02/2026

    def test_checked_against_names_the_list_amounts_and_rules(self) -> None:
        ctx = context(piece(P.passport), piece(P.employment_contract, start_date="2025-12-01"),
                      piece(P.urssaf_certificate), rome="K1302", postcode="20200", submitted_at=dt.date(2026, 3, 2))
        checked = assess(ctx).checked_against
        assert checked == CheckedAgainst(
            shortage_list_valid_from=dt.date(2025, 5, 23), region_code="94",
            legal_amounts={"smic_gross_monthly_35h@2024-11-01": "1801.80"},
            rules=[rule.__name__ for rule in RULES],
        )

    def test_internship_records_the_hourly_minimum_used(self) -> None:
        ctx = context(piece(P.passport), piece(P.internship_agreement), procedure="stage")
        assessment = assess(ctx)
        assert assessment.checked_against.legal_amounts == {"intern_gratification_hourly_minimum@2026-01-01": "4.50"}
        assert assessment.labour_market_test is None

    def test_graduate_exemption_records_the_smic_of_the_threshold(self) -> None:
        ctx = context(piece(P.passport), piece(P.residence_permit, permit_category="RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE"),
                      piece(P.employment_contract, gross_monthly_salary=2800, start_date="2026-09-01"),
                      piece(P.diploma), piece(P.urssaf_certificate), procedure="changement_statut",
                      submitted_at=dt.date(2026, 6, 15))
        assessment = assess(ctx)
        assert assessment.labour_market_test is not None
        assert assessment.labour_market_test.outcome == "exempt:graduate"
        assert [f.code for f in assessment.flags] == [FlagCode.exemption_to_confirm]
        assert assessment.labour_market_test.reasoning == assessment.flags[0].message
        assert assessment.checked_against.legal_amounts == {"smic_gross_monthly_35h@2026-01-01": "1823.03"}
        assert assessment.status == Status.ready_for_review

    def test_prior_flags_come_first_and_count_for_the_status(self) -> None:
        unreadable = Flag.make(FlagCode.unreadable_file, "illisible", source="scan.pdf")
        ctx = context(*(piece(t) for t in COMPLETE["stage"]), procedure="stage")
        assessment = assess(ctx, prior_flags=[unreadable])
        assert assessment.flags == [unreadable] and assessment.status == Status.incomplete

    def test_unknown_procedure_gets_procedure_undetermined(self) -> None:
        assessment = assess(context(piece(P.passport), procedure=UNKNOWN_PROCEDURE))
        assert [f.code for f in assessment.flags] == [FlagCode.procedure_undetermined]
        assert assessment.labour_market_test is None and assessment.status == Status.incomplete

    def test_same_dossier_same_assessment(self) -> None:
        def make():
            return context(piece(P.employment_contract, gross_monthly_salary=1000), rome="K1302", postcode="33000")
        assert assess(make()) == assess(make())


class TestCertainty:
    def test_threshold_is_inclusive(self) -> None:
        contract = piece(P.employment_contract)
        contract.field_confidence = {"weekly_hours": CONFIDENCE_THRESHOLD,
                                     "gross_monthly_salary": CONFIDENCE_THRESHOLD - 0.01}
        assert is_certain(contract, "weekly_hours") and not is_certain(contract, "gross_monthly_salary")

    def test_visual_values_no_mrz_confirms_are_certain(self) -> None:
        # the identity extractor's CONF_VISUAL (an identity card without MRZ, a permit category)
        card = piece(P.id_card)
        card.field_confidence = {"expiry_date": 0.6}
        assert is_certain(card, "expiry_date")

    def test_no_confidence_entry_is_certain(self) -> None:
        assert is_certain(piece(P.employment_contract), "weekly_hours")

    def test_mrz_failure_makes_any_confidence_doubtful_until_corrected(self) -> None:
        passport = piece(P.passport)
        passport.field_confidence = {"expiry_date": 0.99}
        passport.mrz_failed = ["expiry_date"]
        assert not is_certain(passport, "expiry_date")

    def test_inconclusive_flag_names_the_check_piece_and_field(self) -> None:
        contract = doubtful(piece(P.employment_contract), "gross_monthly_salary", confidence=0.42)
        flag = flag_if_certain(FlagCode.salary_below_minimum, "Salaire trop bas.",
                               [Value(3, contract, "gross_monthly_salary")], piece=3, field="gross_monthly_salary")
        assert (flag.code, flag.severity.value, flag.check, flag.piece, flag.field) == (
            FlagCode.check_inconclusive, "warning", "salary_below_minimum", 3, "gross_monthly_salary")
        assert "42\u00a0%" in flag.message and "lu sur le contrat de travail" in flag.message and "Salaire trop bas." in flag.message

    def test_certain_values_give_the_checks_own_flag(self) -> None:
        contract = piece(P.employment_contract)
        flag = flag_if_certain(FlagCode.salary_below_minimum, "Salaire trop bas.",
                               [Value(0, contract, "gross_monthly_salary")], piece=0, field="gross_monthly_salary")
        assert (flag.code, flag.check) == (FlagCode.salary_below_minimum, None)
