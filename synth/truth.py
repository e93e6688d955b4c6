"""Ground truth: the flags and status DOMAIN.md + eval/README.md demand, computed
from the fields exactly as printed on the readable pieces."""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from synth.checksums import luhn_valid, siret_valid
from synth.mrz import icao_transliterate
from synth.rules import add_months, gratification_floor, salary_floor
from synth.scenario import REQUIRED

BLOCKING = {"missing_piece", "procedure_undetermined", "unreadable_file", "document_expired", "identity_mismatch",
            "invalid_siret", "salary_below_minimum", "internship_too_long", "gratification_below_minimum"}
NAME_FIELDS = {  # piece type -> (surname field, given names field, birth date field)
    "residence_permit": ("surname", "given_names", "date_of_birth"),
    "employment_contract": ("employee_surname", "employee_given_names", None),
    "internship_agreement": ("intern_surname", "intern_given_names", None),
    "payslip": ("employee_surname", None, None),
    "diploma": ("holder_surname", "holder_given_names", None),
}
ONE_OF = {("introduction_salarie", "diploma"): ("diploma", "cv")}


@dataclass
class TruthPiece:
    source: str
    pages: list[int]
    type: str
    fields: dict
    tags: list[str]
    mrz: list[str] | None = None

    def to_json(self) -> dict:
        out = {"source": self.source, "pages": self.pages, "type": self.type, "fields": self.fields, "tags": self.tags}
        if self.mrz:
            out["mrz"] = self.mrz
        return out


def flag(code: str, piece_type: str | None = None, source: str | None = None, of_piece: str | None = None) -> dict:
    return {"code": code, "severity": "blocking" if code in BLOCKING else "warning",
            "piece_type": piece_type, "source": source, "piece_type_of_piece": of_piece}


def same_name(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and icao_transliterate(a).replace("<", "") == icao_transliterate(b).replace("<", "")


def infer_procedure(types: set[str]) -> str:
    if "internship_agreement" in types:
        return "stage"
    if "residence_permit" in types and "employment_contract" in types:
        return "changement_statut"
    if "employment_contract" in types:
        return "introduction_salarie"
    return "unknown"


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def expected_flags(procedure: str, pieces: list[TruthPiece], submitted_at: dt.date | None,
                   unreadable_sources: list[str], invalid_manifest: bool) -> list[dict]:
    flags: list[dict] = []
    if invalid_manifest:
        flags.append(flag("invalid_manifest"))
    flags += [flag("unreadable_file", source=s) for s in unreadable_sources]
    types = {p.type for p in pieces}
    if procedure == "unknown":
        flags.append(flag("procedure_undetermined"))
    for required in REQUIRED.get(procedure, ()):
        if not set(ONE_OF.get((procedure, required), (required,))) & types:
            flags.append(flag("missing_piece", piece_type=required))
    passport = next((p for p in pieces if p.type == "passport"), None)
    for p in pieces:
        f = p.fields
        if p.type in ("passport", "residence_permit") and submitted_at and _date(f["expiry_date"]) < submitted_at:
            flags.append(flag("document_expired", of_piece=p.type))
        if passport and p.type in ("employment_contract", "internship_agreement") and f.get("end_date"):
            if _date(passport.fields["expiry_date"]) < _date(f["end_date"]):
                flags.append(flag("document_expires_early", of_piece="passport"))
        if passport and p.type in NAME_FIELDS:
            sur, giv, dob = NAME_FIELDS[p.type]
            pf = passport.fields
            if (not same_name(f[sur], pf["surname"]) or (giv and not same_name(f[giv], pf["given_names"]))
                    or (dob and f[dob] != pf["date_of_birth"])):
                flags.append(flag("identity_mismatch", of_piece=p.type))
        for key in ("employer_siret", "host_siret"):
            if key in f and not siret_valid(f[key]):
                flags.append(flag("invalid_siret", of_piece=p.type))
        if p.type == "company_registration":
            if not luhn_valid(f["siren"]):
                flags.append(flag("invalid_siret", of_piece=p.type))
            if submitted_at and _date(f["extract_date"]) < add_months(submitted_at, -3):
                flags.append(flag("registration_too_old", of_piece=p.type))
        if p.type == "employment_contract":
            for reg in (r for r in pieces if r.type == "company_registration"):
                if not f["employer_siret"].startswith(reg.fields["siren"]):
                    flags.append(flag("employer_mismatch", of_piece=p.type))
            if round(f["gross_monthly_salary"], 2) < salary_floor(_date(f["start_date"]), f["weekly_hours"]):
                flags.append(flag("salary_below_minimum", of_piece=p.type))
        if p.type == "internship_agreement":
            start, end = _date(f["start_date"]), _date(f["end_date"])
            if end > add_months(start, 6):
                flags.append(flag("internship_too_long", of_piece=p.type))
            if end > add_months(start, 2) and round(f["monthly_gratification"], 2) < gratification_floor(start, f["weekly_hours"]):
                flags.append(flag("gratification_below_minimum", of_piece=p.type))
    unique: list[dict] = []
    for f in flags:
        if f not in unique:
            unique.append(f)
    return unique


def status_of(flags: list[dict]) -> str:
    return "incomplete" if any(f["severity"] == "blocking" for f in flags) else "ready_for_review"


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
