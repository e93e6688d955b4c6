"""The labour-market test: the two exemptions, the required pieces, the offer's publication,
exemption_to_confirm, doubtful values, and the shortage list as data."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import validators
from models.domain import FlagCode, PieceType, Severity, Status
from models.records import PieceResult
from tests.test_validators_support import context, doubtful, piece
from validators import SHORTAGE_FILE_ENV, assess, labour_market_decision
from validators.rules.labour_market import (
    exemption_to_confirm,
    offer_publication_insufficient,
)
from validators.rules.pieces import missing_piece

P = PieceType
CARD = "RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE"
# Home-care (K1302) is on the packaged list of every metropolitan region from 2025-05-23.
HOME_CARE, NURSE = "K1302", "J1506"


def outcome(ctx) -> str | None:
    decision = labour_market_decision(ctx)
    return decision.outcome if decision else None


def introduction(*extra: PieceResult, **kw: object):
    pieces = [piece(P.passport), piece(P.employment_contract), piece(P.urssaf_certificate), *extra]
    return context(*pieces, procedure="introduction_salarie", **kw)  # type: ignore[arg-type]


def change(permit_category: str = "ETUDIANT", salary: object = 3000, award_date: str | None = "2021-06-30",
           start_date: str | None = "2026-09-01", submitted_at: dt.date = dt.date(2026, 6, 15), *extra: PieceResult,
           **kw: object):
    pieces = [piece(P.passport), piece(P.residence_permit, permit_category=permit_category),
              piece(P.employment_contract, gross_monthly_salary=salary, start_date=start_date),
              piece(P.diploma, award_date=award_date), piece(P.urssaf_certificate), *extra]
    return context(*pieces, procedure="changement_statut", submitted_at=submitted_at, **kw)  # type: ignore[arg-type]


def missing_types(ctx) -> list[str]:
    return [f.piece_type for f in missing_piece(ctx) if f.code == FlagCode.missing_piece]


class TestShortageExemption:
    def test_job_on_the_regions_list_is_exempt(self) -> None:
        ctx = introduction(rome=HOME_CARE, postcode="33000", submitted_at=dt.date(2026, 4, 13))
        assert outcome(ctx) == "exempt:shortage"
        assert missing_types(ctx) == []
        decision = labour_market_decision(ctx)
        assert decision is not None and decision.certain
        assert (decision.region_code, decision.shortage_valid_from) == ("75", dt.date(2025, 5, 23))
        for part in ("métier en tension", HOME_CARE, "T2A60", "Nouvelle-Aquitaine", "23/05/2025", "source"):
            assert part in decision.reasoning

    def test_job_not_on_the_list_applies(self) -> None:
        ctx = introduction(rome=NURSE, postcode="38000", submitted_at=dt.date(2026, 6, 8))
        assert outcome(ctx) == "applies"
        assert missing_types(ctx) == ["job_offer", "applications_statement"]
        assert f"code ROME {NURSE} ne figure pas" in labour_market_decision(ctx).reasoning  # type: ignore[union-attr]

    @pytest.mark.parametrize(("rome", "postcode"), [(None, "33000"), (HOME_CARE, None), (None, None)])
    def test_without_both_manifest_fields_it_cannot_be_shown(self, rome: str | None, postcode: str | None) -> None:
        ctx = introduction(rome=rome, postcode=postcode)
        assert outcome(ctx) == "applies"
        assert "manifeste" in labour_market_decision(ctx).reasoning  # type: ignore[union-attr]

    @pytest.mark.parametrize("postcode", ["20000", "20167", "20200", "20600"])
    def test_corsica(self, postcode: str) -> None:
        ctx = introduction(rome=HOME_CARE, postcode=postcode)
        assert outcome(ctx) == "exempt:shortage"
        assert labour_market_decision(ctx).region_code == "94"  # type: ignore[union-attr]

    @pytest.mark.parametrize("postcode", ["97100", "97200", "97300", "97400", "97600"])
    def test_overseas_departements_have_no_list(self, postcode: str) -> None:
        ctx = introduction(rome=HOME_CARE, postcode=postcode)
        assert outcome(ctx) == "applies"
        assert "aucune liste" in labour_market_decision(ctx).reasoning  # type: ignore[union-attr]

    def test_departement_outside_the_table(self) -> None:
        assert outcome(introduction(rome=HOME_CARE, postcode="97500")) == "applies"

    @pytest.mark.parametrize(("submitted", "expected"), [
        (dt.date(2025, 5, 22), "applies"), (dt.date(2025, 5, 23), "exempt:shortage"),
        (dt.date(2025, 5, 18), "applies"), (dt.date(2025, 5, 28), "exempt:shortage"),
    ])
    def test_the_list_applies_from_its_valid_from(self, submitted: dt.date, expected: str) -> None:
        assert outcome(introduction(rome=HOME_CARE, postcode="69003", submitted_at=submitted)) == expected

    def test_exempt_dossier_offer_is_not_checked(self) -> None:
        short = piece(P.job_offer, published_from="2026-03-01", published_to="2026-03-05")
        ctx = introduction(short, rome=HOME_CARE, postcode="33000", submitted_at=dt.date(2026, 4, 13))
        assert offer_publication_insufficient(ctx) == []

    def test_no_exemption_to_confirm_on_shortage_even_if_graduate_too(self) -> None:
        ctx = change(CARD, rome=HOME_CARE, postcode="33000")
        assert outcome(ctx) == "exempt:shortage" and exemption_to_confirm(ctx) == []

    def test_an_administrator_adding_a_family_changes_the_decision(
            self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """No code change: the list is copied, a row added, the env var points to the copy."""
        nurse_dossier = introduction(rome=NURSE, postcode="63100", submitted_at=dt.date(2026, 3, 2))
        assert outcome(nurse_dossier) == "applies"
        copy = tmp_path / "shortage-occupations.csv"
        shutil.copyfile(Path(validators.__file__).parent / "data" / "shortage-occupations.csv", copy)
        with copy.open("a", encoding="utf-8") as listing:
            # a made-up family for the test: the code must not care which family it is
            listing.write('2025-05-23,84,Auvergne-Rhône-Alpes,X9Z99,Famille ajoutée pour le test,J1506,'
                          '"test : ligne ajoutée comme un administrateur le ferait"\n')
        monkeypatch.setenv(SHORTAGE_FILE_ENV, str(copy))
        ctx = introduction(rome=NURSE, postcode="63100", submitted_at=dt.date(2026, 3, 2))
        assert outcome(ctx) == "exempt:shortage"
        assert "X9Z99" in labour_market_decision(ctx).reasoning  # type: ignore[union-attr]
        assert missing_types(ctx) == []
        # another region keeps its own list
        assert outcome(introduction(rome=NURSE, postcode="33000", submitted_at=dt.date(2026, 3, 2))) == "applies"


class TestGraduateExemption:
    def test_job_seeker_card_and_salary(self) -> None:
        ctx = change(CARD)
        assert outcome(ctx) == "exempt:graduate"
        assert missing_types(ctx) == []
        reasoning = labour_market_decision(ctx).reasoning  # type: ignore[union-attr]
        assert "2\u00a0734,55\u00a0€" in reasoning and "1\u00a0823,03\u00a0€" in reasoning

    @pytest.mark.parametrize("category", [
        "RECHERCHE D'EMPLOI / CREATION D'ENTREPRISE", "Recherche d’emploi/création d’entreprise",
        "recherche d'emploi/creation d'entreprise", "RECHERCHE  D'EMPLOI/CRÉATION D'ENTREPRISE",
    ])
    def test_card_compared_ignoring_case_accents_and_spaces(self, category: str) -> None:
        assert outcome(change(category)) == "exempt:graduate"

    @pytest.mark.parametrize("category", ["ETUDIANT", "SALARIE", "RECHERCHE D'EMPLOI", None])
    def test_other_categories(self, category: str | None) -> None:
        assert outcome(change(category)) == "applies"  # type: ignore[arg-type]

    @pytest.mark.parametrize(("salary", "start", "expected"), [
        ("2734.55", "2026-09-01", "exempt:graduate"),  # 1.5 × 1823.03 = 2734.545 -> 2734.55
        ("2734.54", "2026-09-01", "applies"),
        ("2702.70", "2025-12-31", "exempt:graduate"),  # 1.5 × 1801.80
        ("2702.69", "2025-12-31", "applies"),
        ("2702.70", "2026-01-01", "applies"),
        (2734.55, "2026-09-01", "exempt:graduate"),  # a float from an extractor: same cents
    ])
    def test_salary_threshold_at_the_contract_start(self, salary: object, start: str, expected: str) -> None:
        assert outcome(change(CARD, salary=salary, start_date=start)) == expected

    def test_whatever_the_weekly_hours(self) -> None:
        part_time = change(CARD)
        part_time.pieces[2].fields["weekly_hours"] = 20
        assert outcome(part_time) == "exempt:graduate"

    def test_null_start_date_takes_the_smic_on_submitted_at(self) -> None:
        assert outcome(change(CARD, salary="2702.70", start_date=None, submitted_at=dt.date(2025, 12, 1))) == (
            "exempt:graduate")
        assert outcome(change(CARD, salary="2702.70", start_date=None, submitted_at=dt.date(2026, 1, 2))) == "applies"

    @pytest.mark.parametrize(("award", "submitted", "expected"), [
        ("2025-06-15", dt.date(2026, 6, 15), "exempt:graduate"),  # submitted_at − 12 months
        ("2025-06-14", dt.date(2026, 6, 15), "applies"),
        ("2025-06-20", dt.date(2026, 6, 15), "exempt:graduate"),  # 5 days inside
        ("2025-06-10", dt.date(2026, 6, 15), "applies"),          # 5 days out
        ("2026-06-15", dt.date(2026, 6, 15), "exempt:graduate"),  # awarded on submitted_at
        ("2026-06-16", dt.date(2026, 6, 15), "applies"),          # a future date is no diploma yet
        ("2023-02-28", dt.date(2024, 2, 29), "exempt:graduate"),  # 29 Feb − 12 months = 28 Feb
        ("2023-02-27", dt.date(2024, 2, 29), "applies"),
    ])
    def test_recent_diploma(self, award: str, submitted: dt.date, expected: str) -> None:
        assert outcome(change("ETUDIANT", award_date=award, submitted_at=submitted, start_date="2026-09-01")) == (
            expected)

    def test_diploma_without_award_date_shows_nothing(self) -> None:
        assert outcome(change("ETUDIANT", award_date=None)) == "applies"

    def test_exemption_needs_a_contract(self) -> None:
        ctx = context(piece(P.passport), piece(P.residence_permit, permit_category=CARD), piece(P.diploma),
                      procedure="changement_statut")
        assert outcome(ctx) == "applies"
        assert "sans contrat de travail" in labour_market_decision(ctx).reasoning  # type: ignore[union-attr]

    def test_unread_salary_shows_nothing(self) -> None:
        assert outcome(change(CARD, salary=None)) == "applies"

    def test_introduction_has_no_graduate_exemption(self) -> None:
        ctx = context(piece(P.passport), piece(P.residence_permit, permit_category=CARD),
                      piece(P.employment_contract, gross_monthly_salary=5000), procedure="introduction_salarie")
        assert outcome(ctx) == "applies"

    @pytest.mark.parametrize("procedure", ["renouvellement", "stage", "unknown"])
    def test_no_test_for_other_procedures(self, procedure: str) -> None:
        ctx = context(piece(P.employment_contract), procedure=procedure)
        assert labour_market_decision(ctx) is None and offer_publication_insufficient(ctx) == []


class TestExemptionToConfirm:
    def test_points_to_the_residence_permit_for_the_card(self) -> None:
        (flag,) = exemption_to_confirm(change(CARD))
        assert (flag.code, flag.severity, flag.piece) == (FlagCode.exemption_to_confirm, Severity.warning, 1)
        assert "À confirmer par l'agent" in flag.message

    def test_card_wins_over_a_recent_diploma(self) -> None:
        (flag,) = exemption_to_confirm(change(CARD, award_date="2026-01-10"))
        assert flag.piece == 1

    def test_points_to_the_recent_diploma_otherwise(self) -> None:
        (flag,) = exemption_to_confirm(change("ETUDIANT", award_date="2026-01-10"))
        assert (flag.piece, flag.field) == (3, "award_date")
        assert "10/01/2026" in flag.message

    def test_not_raised_when_the_test_applies(self) -> None:
        assert exemption_to_confirm(change("ETUDIANT")) == []
        assert exemption_to_confirm(change(CARD, salary=2000)) == []


class TestOfferPublication:
    """submitted_at 2026-06-08: the six-month window starts on 2025-12-08."""

    SUBMITTED = dt.date(2026, 6, 8)

    def flags(self, *offers: PieceResult, submitted: dt.date | None = None):
        return offer_publication_insufficient(introduction(*offers, submitted_at=submitted or self.SUBMITTED))

    @pytest.mark.parametrize(("published_from", "published_to", "insufficient"), [
        ("2026-05-15", "2026-05-24", True),    # the samples' 10 days
        ("2026-05-01", "2026-05-21", False),   # 21 days
        ("2026-05-01", "2026-05-20", True),    # 20 days
        ("2026-05-01", "2026-05-26", False),   # 26 days
        ("2026-05-01", "2026-05-15", True),    # 15 days
        ("2026-05-19", "2026-07-30", False),   # still online: counted up to submitted_at, 21 days
        ("2026-05-20", "2026-07-30", True),    # 20 days
        ("2025-11-01", "2025-12-28", False),   # started before the window: 08/12 to 28/12, 21 days
        ("2025-11-01", "2025-12-27", True),    # 20 days in the window
        ("2025-06-01", "2025-11-30", True),    # entirely before the window
        ("2026-06-09", "2026-07-30", True),    # starts after submitted_at
    ])
    def test_21_consecutive_days_in_the_six_months(self, published_from: str, published_to: str,
                                                   insufficient: bool) -> None:
        offer = piece(P.job_offer, published_from=published_from, published_to=published_to)
        flags = self.flags(offer)
        assert [(f.code, f.severity, f.piece) for f in flags] == (
            [(FlagCode.offer_publication_insufficient, Severity.blocking, 3)] if insufficient else [])

    def test_window_clamped_at_month_end(self) -> None:
        # 31 August − 6 months = 28 February: 28/02 to 20/03 is 21 days
        assert self.flags(piece(P.job_offer, published_from="2026-01-01", published_to="2026-03-20"),
                          submitted=dt.date(2026, 8, 31)) == []
        assert len(self.flags(piece(P.job_offer, published_from="2026-01-01", published_to="2026-03-19"),
                              submitted=dt.date(2026, 8, 31))) == 1

    def test_message_is_the_reasoning_with_the_window(self) -> None:
        (flag,) = self.flags(piece(P.job_offer, offer_reference="167SWDG", published_from="2026-05-15",
                                   published_to="2026-05-24"))
        for part in ("Test du marché du travail opposable", "167SWDG", "15/05/2026", "24/05/2026",
                     "10 jour(s)", "08/12/2025", "08/06/2026", "21 exigés"):
            assert part in flag.message

    def test_one_offer_that_passes_suffices(self) -> None:
        short = piece(P.job_offer, published_from="2026-05-15", published_to="2026-05-24")
        long = piece(P.job_offer, published_from="2026-03-01", published_to="2026-04-30")
        assert self.flags(short, long) == []

    def test_when_none_passes_each_is_flagged(self) -> None:
        first = piece(P.job_offer, published_from="2026-05-15", published_to="2026-05-24")
        second = piece(P.job_offer, published_from="2025-01-01", published_to="2025-03-01")
        assert [f.piece for f in self.flags(first, second)] == [3, 4]

    def test_unread_dates_are_not_checked(self) -> None:
        assert self.flags(piece(P.job_offer, published_from=None)) == []

    def test_doubtful_date_is_inconclusive(self) -> None:
        offer = doubtful(piece(P.job_offer, published_from="2026-05-15", published_to="2026-05-24"), "published_to")
        (flag,) = self.flags(offer)
        assert (flag.code, flag.check, flag.piece, flag.field) == (
            FlagCode.check_inconclusive, "offer_publication_insufficient", 3, "published_to")

    def test_a_doubtful_offer_that_passes_does_not_suffice(self) -> None:
        unsure = doubtful(piece(P.job_offer, published_from="2026-03-01", published_to="2026-04-30"), "published_to")
        short = piece(P.job_offer, published_from="2026-05-15", published_to="2026-05-24")
        assert [f.code for f in self.flags(unsure, short)] == [FlagCode.offer_publication_insufficient]


class TestDoubtfulValuesNeverDecideAnExemption:
    def test_exemption_through_a_doubtful_salary(self) -> None:
        ctx = change(CARD)
        doubtful(ctx.pieces[2], "gross_monthly_salary")
        decision = labour_market_decision(ctx)
        assert decision is not None and decision.outcome == "exempt:graduate" and not decision.certain
        flags = missing_piece(ctx)
        assert [(f.code, f.check, f.piece, f.field, f.piece_type) for f in flags] == [
            (FlagCode.check_inconclusive, "missing_piece", 2, "gross_monthly_salary", "job_offer"),
            (FlagCode.check_inconclusive, "missing_piece", 2, "gross_monthly_salary", "applications_statement"),
        ]
        assert "Décision incertaine" in flags[0].message and "Aucune offre d'emploi jointe" in flags[0].message
        assert "Aucune offre" not in labour_market_decision(change(CARD)).reasoning  # type: ignore[union-attr]
        assert [f.code for f in exemption_to_confirm(ctx)] == [FlagCode.exemption_to_confirm]

    def test_exemption_through_a_doubtful_card(self) -> None:
        ctx = change(CARD)
        doubtful(ctx.pieces[1], "permit_category")
        assert [(f.code, f.piece) for f in missing_piece(ctx)] == [(FlagCode.check_inconclusive, 1)] * 2

    def test_exemption_through_a_doubtful_award_date(self) -> None:
        ctx = change("ETUDIANT", award_date="2026-01-10")
        doubtful(ctx.pieces[3], "award_date")
        assert {f.code for f in missing_piece(ctx)} == {FlagCode.check_inconclusive}

    def test_a_certain_ground_settles_it_despite_a_doubtful_other(self) -> None:
        ctx = change(CARD, award_date="2021-06-30")
        doubtful(ctx.pieces[3], "award_date")
        assert labour_market_decision(ctx).certain and missing_piece(ctx) == []  # type: ignore[union-attr]

    def test_a_certain_failure_settles_it_despite_a_doubtful_ground(self) -> None:
        ctx = change(CARD, salary=2000)
        doubtful(ctx.pieces[1], "permit_category")
        assert labour_market_decision(ctx).certain  # type: ignore[union-attr]
        assert missing_types(ctx) == ["job_offer", "applications_statement"]

    def test_no_exemption_as_read_means_the_test_applies(self) -> None:
        # DOMAIN.md asks for doubt only where an exemption is granted through a doubtful value
        ctx = change(CARD, salary=2500)
        doubtful(ctx.pieces[2], "gross_monthly_salary")
        assert outcome(ctx) == "applies" and labour_market_decision(ctx).certain  # type: ignore[union-attr]
        assert missing_types(ctx) == ["job_offer", "applications_statement"]

    def test_failing_offer_under_an_uncertain_exemption_is_inconclusive(self) -> None:
        offer = piece(P.job_offer, published_from="2026-05-15", published_to="2026-05-24")
        ctx = change(CARD, "3000", "2021-06-30", "2026-09-01", dt.date(2026, 6, 15), offer)
        doubtful(ctx.pieces[2], "gross_monthly_salary")
        (flag,) = offer_publication_insufficient(ctx)
        assert (flag.code, flag.check) == (FlagCode.check_inconclusive, "offer_publication_insufficient")

    def test_status_is_not_held_back_by_a_doubt(self) -> None:
        ctx = change(CARD)
        doubtful(ctx.pieces[2], "gross_monthly_salary")
        assert assess(ctx).status == Status.ready_for_review
        assert assess(change("ETUDIANT")).status == Status.incomplete
