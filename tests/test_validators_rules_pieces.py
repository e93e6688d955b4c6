"""missing_piece and missing_field."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.domain import FIELDS, FlagCode, PieceType, Severity
from tests.test_validators_support import COMPLETE, context, piece
from validators import PROCEDURES_FILE_ENV, UNKNOWN_PROCEDURE
from validators.rules.pieces import missing_field, missing_piece

P = PieceType


def missing_types(flags: list) -> list[str]:
    return [flag.piece_type for flag in flags]


class TestMissingPiece:
    @pytest.mark.parametrize("procedure", sorted(COMPLETE))
    def test_complete_dossier(self, procedure: str) -> None:
        assert missing_piece(context(*(piece(t) for t in COMPLETE[procedure]), procedure=procedure)) == []

    def test_each_missing_piece_is_named(self) -> None:
        flags = missing_piece(context(piece(P.employment_contract), piece(P.diploma), procedure="changement_statut"))
        assert missing_types(flags) == ["passport", "residence_permit", "urssaf_certificate",
                                        "job_offer", "applications_statement"]
        assert all(f.code == FlagCode.missing_piece and f.severity == Severity.blocking and f.piece is None
                   for f in flags)
        assert "titre de séjour" in flags[1].message and "changement de statut" in flags[1].message

    @pytest.mark.parametrize("identity", [P.passport, P.id_card])
    def test_identity_is_a_passport_or_an_identity_card(self, identity: PieceType) -> None:
        assert missing_piece(context(piece(identity), piece(P.internship_agreement), procedure="stage")) == []

    def test_missing_identity_is_reported_as_passport(self) -> None:
        flags = missing_piece(context(piece(P.internship_agreement), procedure="stage"))
        assert missing_types(flags) == ["passport"]
        assert "le passeport ou la carte d'identité" in flags[0].message

    def test_introduction_needs_no_diploma_cv_or_registration(self) -> None:
        pieces = [piece(t) for t in COMPLETE["introduction_salarie"]]
        assert P.diploma not in COMPLETE["introduction_salarie"]
        assert missing_piece(context(*pieces)) == []

    @pytest.mark.parametrize("procedure", ["introduction_salarie", "changement_statut", "renouvellement"])
    def test_urssaf_certificate_is_required_from_employers(self, procedure: str) -> None:
        pieces = [piece(t) for t in COMPLETE[procedure] if t != P.urssaf_certificate]
        assert missing_types(missing_piece(context(*pieces, procedure=procedure))) == ["urssaf_certificate"]

    def test_stage_needs_no_certificate(self) -> None:
        assert missing_piece(context(piece(P.passport), piece(P.internship_agreement), procedure="stage")) == []

    def test_renouvellement_needs_a_payslip_and_no_labour_market_pieces(self) -> None:
        ctx = context(piece(P.passport), piece(P.residence_permit), piece(P.employment_contract),
                      piece(P.urssaf_certificate), procedure="renouvellement")
        assert missing_types(missing_piece(ctx)) == ["payslip"]

    @pytest.mark.parametrize("absent", [P.job_offer, P.applications_statement])
    def test_labour_market_pieces_when_the_test_applies(self, absent: PieceType) -> None:
        pieces = [piece(t) for t in COMPLETE["introduction_salarie"] if t != absent]
        flags = missing_piece(context(*pieces))
        assert missing_types(flags) == [absent.value]
        # the agent reads why the test applies in the flag itself
        assert "Test du marché du travail opposable" in flags[0].message

    def test_no_labour_market_pieces_when_exempt(self) -> None:
        pieces = [piece(P.passport), piece(P.employment_contract), piece(P.urssaf_certificate)]
        assert missing_piece(context(*pieces, rome="K1302", postcode="33000")) == []

    def test_unknown_procedure_checks_nothing(self) -> None:
        # procedure_undetermined says why; listing every piece of every procedure would be noise
        assert missing_piece(context(procedure=UNKNOWN_PROCEDURE)) == []

    def test_procedure_added_by_an_administrator(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        path = tmp_path / "procedures.json"
        path.write_text(json.dumps({"saisonnier": {
            "label": "travail saisonnier",
            "required": ["passport", {"one_of": ["employment_contract", "payslip"]}],
            "labour_market_test": {"required": ["job_offer"], "exemptions": []},
        }}))
        monkeypatch.setenv(PROCEDURES_FILE_ENV, str(path))
        flags = missing_piece(context(piece(P.payslip), procedure="saisonnier"))
        assert missing_types(flags) == ["passport", "job_offer"]
        assert "travail saisonnier" in flags[0].message


class TestMissingField:
    def test_complete_pieces_have_no_flag(self) -> None:
        assert missing_field(context(*(piece(t) for t in P))) == []

    def test_each_unread_field_is_a_warning_on_its_piece(self) -> None:
        ctx = context(piece(P.passport), piece(P.payslip, employer_siret=None, period=None))
        flags = missing_field(ctx)
        assert [(f.piece, f.field, f.severity) for f in flags] == [
            (1, "employer_siret", Severity.warning), (1, "period", Severity.warning),
        ]
        assert "SIRET de l'employeur" in flags[0].message and "payslip.pdf" in flags[0].message

    def test_absent_key_counts_as_unread(self) -> None:
        registration = piece(P.company_registration)
        del registration.fields["siren"]
        assert [f.field for f in missing_field(context(registration))] == ["siren"]

    def test_cdi_without_end_date_is_fine(self) -> None:
        assert missing_field(context(piece(P.employment_contract, contract_type="CDI", end_date=None))) == []

    def test_cdd_without_end_date_is_flagged(self) -> None:
        flags = missing_field(context(piece(P.employment_contract, contract_type="CDD", end_date=None)))
        assert [f.field for f in flags] == ["end_date"]

    def test_every_field_of_every_type_can_be_flagged_except_optional_ones(self) -> None:
        empty = [piece(t, **{name: None for name in FIELDS[t]}) for t in P]
        flagged = {(empty[f.piece].type, f.field) for f in missing_field(context(*empty))}
        expected = {(t, name) for t in P for name in FIELDS[t]} - {(P.employment_contract, "end_date")}
        assert flagged == expected

    def test_a_field_the_document_lacks_is_not_flagged(self) -> None:
        # a diploma printing only a year: the extractor says award_date is absent, not unread
        diploma = piece(P.diploma, award_date=None)
        assert [f.field for f in missing_field(context(diploma))] == ["award_date"]
        diploma.absent_fields = ["award_date"]
        assert missing_field(context(diploma)) == []
