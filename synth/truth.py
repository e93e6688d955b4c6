"""Ground truth: the labour-market test, the flags and the status that DOMAIN.md v2 and
eval/README.md demand, computed from the fields exactly as printed on the readable pieces
(the generator's own implementation: it never imports the pipeline's validators)."""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from synth.checksums import luhn_valid, siret_valid
from synth.mrz import icao_transliterate
from synth.rules import (
    GRATIFICATION_HOURS,
    MAX_PRESENCE_HOURS,
    add_months,
    certificate_outdated,
    convention_late,
    diploma_recent,
    exemption_threshold,
    gratification_floor,
    money,
    presence_hours,
    publication_days,
    renewal_in_window,
    salary_floor,
)
from synth.shortage import shortage_row
from synth.violations import REQUIRED

BLOCKING = {"missing_piece", "procedure_undetermined", "unreadable_file", "document_expired", "identity_mismatch",
            "invalid_siret", "salary_below_minimum", "internship_too_long", "gratification_below_minimum",
            "certificate_outdated", "certificate_not_employer", "offer_publication_insufficient"}
NAME_FIELDS = {  # piece type -> (surname field, given names field, birth date field)
    "residence_permit": ("surname", "given_names", "date_of_birth"),
    "employment_contract": ("employee_surname", "employee_given_names", None),
    "internship_agreement": ("intern_surname", "intern_given_names", None),
    "payslip": ("employee_surname", None, None),
    "diploma": ("holder_surname", "holder_given_names", None),
}
IDENTITY = ("passport", "id_card")
LMT_PIECES = ("job_offer", "applications_statement")
DIGRAPHS = {"Ä": "AE", "Æ": "AE", "Ö": "OE", "Ø": "OE", "Ü": "UE", "ß": "SS", "Þ": "TH"}


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


@dataclass
class Verdict:
    flags: list[dict]
    labour_market_test: str | None

    @property
    def status(self) -> str:
        return "incomplete" if any(f["severity"] == "blocking" for f in self.flags) else "ready_for_review"


def flag(code: str, piece_type: str | None = None, source: str | None = None, of_piece: str | None = None) -> dict:
    return {"code": code, "severity": "blocking" if code in BLOCKING else "warning",
            "piece_type": piece_type, "source": source, "piece_type_of_piece": of_piece}


def _icao(name: str, digraphs: bool) -> str:
    if digraphs:
        name = "".join(DIGRAPHS.get(c, c) for c in name.upper())
    return icao_transliterate(name).replace("<", "")


def same_name(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and any(_icao(a, d) == _icao(b, d) for d in (False, True))


def fold(text: str) -> str:
    """Case, accents and spaces ignored."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.upper()) if not unicodedata.combining(c) and not c.isspace())


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


def _of(pieces: list[TruthPiece], piece_type: str) -> list[TruthPiece]:
    return [p for p in pieces if p.type == piece_type]


def labour_market(procedure: str, pieces: list[TruthPiece], submitted: dt.date, rome, postcode) -> tuple[str | None, dict | None]:
    """(outcome, exemption_to_confirm flag or None)."""
    if procedure not in ("introduction_salarie", "changement_statut"):
        return None, None
    if shortage_row(rome, postcode, submitted) is not None:
        return "exempt:shortage", None
    if procedure == "changement_statut":
        contracts = _of(pieces, "employment_contract")
        paid = any(money(c.fields["gross_monthly_salary"]) >= exemption_threshold(_date(c.fields["start_date"]) or submitted)
                   for c in contracts)
        jobseeker = any(fold(p.fields["permit_category"] or "") == fold("RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE")
                        for p in _of(pieces, "residence_permit"))
        recent = any(diploma_recent(_date(d.fields["award_date"]), submitted) for d in _of(pieces, "diploma"))
        if paid and (jobseeker or recent):
            return "exempt:graduate", flag("exemption_to_confirm", of_piece="residence_permit" if jobseeker else "diploma")
    return "applies", None


def _required(procedure: str, lmt: str | None) -> list[str]:
    out = list(REQUIRED.get(procedure, ()))
    return out + list(LMT_PIECES) if lmt == "applies" else out


def _certificate_flags(cert: TruthPiece, contracts: list[TruthPiece], submitted: dt.date) -> list[dict]:
    f, out = cert.fields, []
    if certificate_outdated(_date(f["issue_date"]), submitted):
        out.append(flag("certificate_outdated", of_piece="urssaf_certificate"))
    if any(f["siren"] != c.fields["employer_siret"][:9] for c in contracts):
        out.append(flag("certificate_not_employer", of_piece="urssaf_certificate"))
    if not luhn_valid(f["siren"]):
        out.append(flag("invalid_siret", of_piece="urssaf_certificate"))
    return out


def _one_passing(per_piece: list[list[dict]]) -> list[dict]:
    """Several certificates or offers: one that passes suffices (DOMAIN.md)."""
    if any(not flags for flags in per_piece):
        return []
    return [f for flags in per_piece for f in flags]


def _piece_flags(p: TruthPiece, procedure: str, identity: TruthPiece | None, pieces: list[TruthPiece],
                 submitted: dt.date) -> list[dict]:
    f, out = p.fields, []
    if p.type == "residence_permit" and _date(f["expiry_date"]) < submitted:
        out.append(flag("document_expired", of_piece=p.type))
    if identity and p.type in ("employment_contract", "internship_agreement") and f.get("end_date"):
        if _date(identity.fields["expiry_date"]) < _date(f["end_date"]):
            out.append(flag("document_expires_early", of_piece=identity.type))
    if identity and p.type in NAME_FIELDS:
        sur, giv, dob = NAME_FIELDS[p.type]
        idf = identity.fields
        if (not same_name(f[sur], idf["surname"]) or (giv and not same_name(f[giv], idf["given_names"]))
                or (dob and f[dob] != idf["date_of_birth"])):
            out.append(flag("identity_mismatch", of_piece=p.type))
    for key in ("employer_siret", "host_siret"):
        if key in f and not siret_valid(f[key]):
            out.append(flag("invalid_siret", of_piece=p.type))
    if p.type == "company_registration":
        if not luhn_valid(f["siren"]):
            out.append(flag("invalid_siret", of_piece=p.type))
        if _date(f["extract_date"]) < add_months(submitted, -3):
            out.append(flag("registration_too_old", of_piece=p.type))
    if p.type == "employment_contract":
        for reg in _of(pieces, "company_registration"):
            if not f["employer_siret"].startswith(reg.fields["siren"]):
                out.append(flag("employer_mismatch", of_piece=p.type))
        day = submitted if procedure == "renouvellement" else _date(f["start_date"])
        if money(f["gross_monthly_salary"]) < salary_floor(day, f["weekly_hours"]):
            out.append(flag("salary_below_minimum", of_piece=p.type))
    if p.type == "internship_agreement":
        start, end = _date(f["start_date"]), _date(f["end_date"])
        hours = presence_hours(f["weekly_hours"], start, end)
        if hours > MAX_PRESENCE_HOURS:
            out.append(flag("internship_too_long", of_piece=p.type))
        if hours > GRATIFICATION_HOURS and money(f["monthly_gratification"]) < gratification_floor(start, f["weekly_hours"]):
            out.append(flag("gratification_below_minimum", of_piece=p.type))
        if convention_late(start, submitted):
            out.append(flag("convention_sent_late", of_piece=p.type))
    if p.type == "residence_permit" and procedure == "renouvellement":
        if not renewal_in_window(_date(f["expiry_date"]), submitted):
            out.append(flag("renewal_outside_window", of_piece=p.type))
    return out


def expected(procedure: str, pieces: list[TruthPiece], submitted: dt.date, unreadable_sources: list[str],
             invalid_manifest: bool, rome=None, postcode=None) -> Verdict:
    flags: list[dict] = []
    if invalid_manifest:
        flags.append(flag("invalid_manifest"))
    flags += [flag("unreadable_file", source=s) for s in unreadable_sources]
    if procedure == "unknown":
        flags.append(flag("procedure_undetermined"))
    lmt, confirm = labour_market(procedure, pieces, submitted, rome, postcode)
    if confirm:
        flags.append(confirm)
    types = {p.type for p in pieces}
    for required in _required(procedure, lmt):
        present = bool(set(IDENTITY) & types) if required == "identity" else required in types
        if not present:
            flags.append(flag("missing_piece", piece_type="passport" if required == "identity" else required))
    ids = [p for p in pieces if p.type in IDENTITY]
    identity = max(ids, key=lambda p: p.fields["expiry_date"]) if ids else None
    if identity and _date(identity.fields["expiry_date"]) < submitted:
        flags.append(flag("document_expired", of_piece=identity.type))
    for p in pieces:
        flags += _piece_flags(p, procedure, identity, pieces, submitted)
    contracts = _of(pieces, "employment_contract")
    flags += _one_passing([_certificate_flags(c, contracts, submitted) for c in _of(pieces, "urssaf_certificate")])
    if lmt == "applies":
        flags += _one_passing([[flag("offer_publication_insufficient", of_piece="job_offer")]
                               if publication_days(_date(o.fields["published_from"]), _date(o.fields["published_to"]),
                                                   submitted) < 21 else [] for o in _of(pieces, "job_offer")])
    unique: list[dict] = []
    for f in flags:
        if f not in unique:
            unique.append(f)
    return Verdict(unique, lmt)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


__all__ = ["BLOCKING", "TruthPiece", "Verdict", "expected", "flag", "infer_procedure", "labour_market", "same_name",
           "strip_accents"]
