"""run_checks (all rules, stable order, no duplicates), decide_status, and the benchmark's truth."""
from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest

from models.domain import FIELDS, FlagCode, PieceType, Status
from models.records import Flag, PieceResult
from tests.test_validators_support import COMPLETE, codes, context, piece
from validators import (
    RULES,
    UNKNOWN_PROCEDURE,
    CheckContext,
    decide_status,
    infer_procedure,
    labour_market_decision,
    run_checks,
)
from validators.checks import deduplicate

P = PieceType
TRUTH_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "samples" / "truth"
NOT_RAISED_BY_CHECKS = {"unreadable_file", "invalid_manifest", "illegible_page", "unclassified_piece",
                        "missing_field", "mrz_check_failed", "procedure_undetermined"}


class TestRunChecks:
    @pytest.mark.parametrize("procedure", sorted(COMPLETE))
    def test_complete_consistent_dossier_has_no_flag(self, procedure: str) -> None:
        # a renewal filed in the second month before its permit expires
        overrides = {P.residence_permit: {"expiry_date": "2026-04-20"}} if procedure == "renouvellement" else {}
        pieces = [piece(t, **overrides.get(t, {})) for t in COMPLETE[procedure]]
        ctx = context(*pieces, procedure=procedure)
        assert run_checks(ctx) == []

    def test_flags_come_in_rule_order(self) -> None:
        ctx = context(
            piece(P.employment_contract, employer_siret="73282932000075", gross_monthly_salary=1000,
                  job_title=None),
            piece(P.passport, expiry_date="2025-01-01"),
        )
        assert codes(run_checks(ctx)) == [
            FlagCode.missing_piece, FlagCode.missing_piece, FlagCode.missing_piece, FlagCode.document_expired,
            FlagCode.document_expires_early, FlagCode.invalid_siret, FlagCode.salary_below_minimum,
            FlagCode.missing_field,
        ]
        assert run_checks(ctx) == run_checks(ctx)

    def test_unknown_procedure_checks_the_pieces_only(self) -> None:
        # procedure_undetermined is the caller's, with the inference: not raised twice
        ctx = context(piece(P.passport, expiry_date="2025-01-01"), procedure=UNKNOWN_PROCEDURE)
        assert codes(run_checks(ctx)) == [FlagCode.document_expired]

    def test_duplicates_are_dropped(self) -> None:
        flag = Flag.make(FlagCode.document_expired, "a", piece=0, field="expiry_date")
        same_place = Flag.make(FlagCode.document_expired, "autre message", piece=0, field="expiry_date")
        other_piece = Flag.make(FlagCode.document_expired, "a", piece=1, field="expiry_date")
        assert run_checks(context(), rules=[lambda ctx: [flag], lambda ctx: [same_place, other_piece]]) == [
            flag, other_piece
        ]
        assert deduplicate([flag, flag]) == [flag]

    def test_inconclusive_flags_of_two_checks_are_both_kept(self) -> None:
        first = Flag.make(FlagCode.check_inconclusive, "a", piece=0, field="x", check="salary_below_minimum")
        second = Flag.make(FlagCode.check_inconclusive, "a", piece=0, field="x", check="missing_piece")
        assert deduplicate([first, second]) == [first, second]

    def test_every_rule_is_run(self) -> None:
        assert len(RULES) == 17 and len(set(RULES)) == 17
        own_codes = {rule.__name__ for rule in RULES}
        assert own_codes == {code.value for code in FlagCode} - NOT_RAISED_BY_CHECKS - {"check_inconclusive"} | {
            "missing_field"}

    @pytest.mark.parametrize("junk", [None, "", "???", 0, -1, 1e300])
    def test_null_or_junk_fields_never_crash(self, junk: object) -> None:
        pieces = [piece(t, **{name: junk for name in FIELDS[t]}) for t in P]
        for procedure in ("introduction_salarie", "changement_statut", "renouvellement", "stage", UNKNOWN_PROCEDURE):
            run_checks(context(*pieces, procedure=procedure))


class TestDecideStatus:
    def test_no_flag(self) -> None:
        assert decide_status([]) == Status.ready_for_review

    def test_warnings_only(self) -> None:
        warnings = [Flag.make(FlagCode.missing_field, "m", piece=0, field="sex"),
                    Flag.make(FlagCode.employer_mismatch, "m", piece=1)]
        assert decide_status(warnings) == Status.ready_for_review

    def test_any_blocking_flag(self) -> None:
        flags = [Flag.make(FlagCode.missing_field, "m", piece=0),
                 Flag.make(FlagCode.unreadable_file, "m", source="a.pdf")]
        assert decide_status(flags) == Status.incomplete

    def test_accepts_an_iterator(self) -> None:
        assert decide_status(iter([Flag.make(FlagCode.missing_piece, "m", piece_type="passport")])) == Status.incomplete


ROME, POSTCODE = re.compile(r"^[A-Z][0-9]{4}$"), re.compile(r"^[0-9]{5}$")


def sample_manifest(name: str) -> dict:
    """The dossier.json of a sample (folder or zip), {} without one."""
    folder, archive = TRUTH_DIR.parent / "dossiers" / name, TRUTH_DIR.parent / "dossiers" / f"{name}.zip"
    if (folder / "dossier.json").is_file():
        return json.loads((folder / "dossier.json").read_text(encoding="utf-8"))
    if archive.is_file():
        with zipfile.ZipFile(archive) as zipped:
            for member in zipped.namelist():
                if member.rsplit("/", 1)[-1] == "dossier.json":
                    return json.loads(zipped.read(member))
    return {}


def well_formed(manifest: dict, name: str, pattern: re.Pattern[str]) -> str | None:
    """As the intake passes them: a malformed optional field is ignored."""
    value = manifest.get(name)
    return value if isinstance(value, str) and pattern.match(value) else None


def truth_files() -> list[Path]:
    return sorted(TRUTH_DIR.glob("*.json")) if TRUTH_DIR.is_dir() else []


@pytest.mark.skipif(not truth_files(), reason="benchmark samples not available")
@pytest.mark.parametrize("truth_file", truth_files(), ids=lambda path: path.stem)
def test_checks_on_true_fields_give_the_true_flags(truth_file: Path) -> None:
    """Given perfectly read pieces, the checks raise exactly the benchmark's flags (as the scorer identifies them)."""
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pieces = [PieceResult(id=str(i), source=p["source"], pages=p["pages"], type=p["type"], confidence=1.0,
                          fields=p["fields"]) for i, p in enumerate(truth["pieces"])]
    manifest = sample_manifest(truth_file.stem)
    if truth["procedure_source"] == "manifest":
        procedure = truth["procedure"]
    else:
        procedure = infer_procedure(p.type for p in pieces) or UNKNOWN_PROCEDURE
        assert procedure == truth["procedure"]
    submitted_at = dt.date.fromisoformat(truth["submitted_at"])
    ctx = CheckContext(procedure, submitted_at, pieces, job_rome_code=well_formed(manifest, "job_rome_code", ROME),
                       work_postcode=well_formed(manifest, "work_postcode", POSTCODE))
    flags = run_checks(ctx)
    decision = labour_market_decision(ctx)
    assert (decision.outcome if decision else None) == truth["labour_market_test"]

    def identity(code: str, piece_type: str | None, piece_index: int | None) -> tuple[str, str | None]:
        if code == "missing_piece":
            return code, piece_type
        return code, pieces[piece_index].type.value if piece_index is not None else None

    unscored = NOT_RAISED_BY_CHECKS | set(truth.get("unscored_flag_codes", []))
    got = {identity(f.code.value, f.piece_type, f.piece) for f in flags if f.code.value not in unscored}
    expected = {(f["code"], f["piece_type"] if f["code"] == "missing_piece" else f["piece_type_of_piece"])
                for f in truth["flags"] if f["code"] not in unscored}
    assert got == expected
