"""Assemble a whole dossier (folder, zip or merged PDF) and its truth file."""
from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from synth.facts import DossierFacts
from synth.pieces import BuiltPiece, build, build_other, build_payslip
from synth.rendering import damage, merge_pdfs, render_built
from synth.scenario import PROCEDURES, Plan, applicable_violations, inject, make_facts
from synth.truth import TruthPiece, expected_flags, infer_procedure, status_of, strip_accents

SHAPES = ("folder", "zip", "merged")
PROCEDURE_WEIGHTS = (0.35, 0.25, 0.15, 0.25)
GENERIC_NAMES = ("scan{n:03d}", "IMG_2026{m:02d}{d:02d}_{r:06d}", "pj{n}", "Document ({n})", "fichier{n}",
                 "numerisation_{r:04d}", "DOC-2026{m:02d}{d:02d}-WA{n:04d}", "piece_jointe_{n}")
MEANINGFUL = {"passport": ("passeport", "passeport_{surname}", "Passport scan"),
              "residence_permit": ("titre_sejour", "carte de sejour recto verso", "TS_{surname}"),
              "employment_contract": ("contrat", "contrat_travail_{surname}", "Contrat signe"),
              "internship_agreement": ("convention_stage", "convention de stage signee"),
              "company_registration": ("kbis", "extrait_kbis", "Kbis_{company}"),
              "payslip": ("bulletin_{period}", "fiche_paie_{period}"),
              "diploma": ("diplome", "diplome_{surname}"), "cv": ("CV", "CV_{given}_{surname}"),
              "other": ("lettre", "courrier", "annexe", "justificatif")}


@dataclass
class GeneratedDossier:
    path: Path
    truth: dict
    truth_path: Path | None = None
    files: dict[str, bytes] = field(default_factory=dict)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in strip_accents(text)).strip("_")


def _choose_pieces(procedure: str, has_manifest: bool, rng: random.Random, facts: DossierFacts) -> list[str]:
    base = {"introduction_salarie": ["passport", "employment_contract", "company_registration"],
            "changement_statut": ["passport", "residence_permit", "employment_contract", "diploma"],
            "renouvellement": ["passport", "residence_permit", "employment_contract"] + ["payslip"] * len(facts.payslips),
            "stage": ["passport", "internship_agreement"]}[procedure]
    pieces = list(base)
    if procedure == "introduction_salarie":
        pieces += rng.choice((["diploma"], ["cv"], ["diploma", "cv"]))
    elif procedure == "stage":
        pieces += [t for t in ("diploma", "cv") if rng.random() < 0.5]
    else:
        pieces += [t for t in ("cv", "company_registration") if rng.random() < 0.4]
    pieces += ["other"] * rng.choice((0, 0, 1, 1, 2))
    return pieces


def _order_for_merge(built: list[BuiltPiece], rng: random.Random) -> list[BuiltPiece]:
    """Random order with no two pieces of the same type next to each other."""
    for _ in range(200):
        rng.shuffle(built)
        if all(a.piece_type != b.piece_type for a, b in zip(built, built[1:])):
            return built
    kept = [b for b in built if b.piece_type != "other"] + [b for b in built if b.piece_type == "other"][:1]
    return _order_for_merge(kept, rng)


def _file_name(piece: BuiltPiece, facts: DossierFacts, rng: random.Random, used: set[str], counter: list[int]) -> tuple[str, bool]:
    person = facts.person
    generic = rng.random() < 0.45
    for _ in range(50):
        counter[0] += 1
        if generic:
            stem = rng.choice(GENERIC_NAMES).format(n=counter[0], m=rng.randint(1, 12), d=rng.randint(1, 28),
                                                    r=rng.randint(0, 999999))
        else:
            stem = rng.choice(MEANINGFUL[piece.piece_type]).format(
                surname=_slug(person.surname), given=_slug(person.given_names.split()[0]),
                company=_slug(facts.contract.employer.name), period=piece.fields.get("period", "") or counter[0])
        if stem.lower() not in used:
            used.add(stem.lower())
            return stem, generic
    raise RuntimeError("no free file name")


def _build_all(plan: Plan, facts: DossierFacts, rng: random.Random) -> list[BuiltPiece]:
    built: list[BuiltPiece] = []
    slips = iter(facts.payslips)
    for piece_type in plan.pieces:
        if piece_type == "payslip":
            built.append(build_payslip(facts, rng, next(slips)))
        else:
            built.append(build(piece_type, facts, rng))
    return built


def generate_dossier(seed: int, shape: str = "folder", out_dir: str | Path | None = None, *,
                     procedure: str | None = None, scan_ratio: float = 0.5, violation_rate: float = 0.6,
                     manifest: bool | None = None, violations: list[str] | None = None) -> GeneratedDossier:
    """Write `out_dir/dossiers/<name>` and `out_dir/truth/<name>.json`; return both."""
    rng = random.Random(seed)
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {SHAPES}")
    merged = shape == "merged"
    procedure = procedure or rng.choices(PROCEDURES, PROCEDURE_WEIGHTS)[0]
    if merged and procedure == "renouvellement":
        procedure = "changement_statut"  # a renewal always has a manifest, a merged PDF never does
    has_manifest = (not merged) and (procedure == "renouvellement" or (rng.random() < 0.65 if manifest is None else manifest))
    invalid_manifest = has_manifest and procedure != "renouvellement" and rng.random() < 0.06
    dated = has_manifest and not invalid_manifest  # submitted_at known to the truth
    facts = make_facts(rng, procedure, dated)
    plan = Plan(_choose_pieces(procedure, dated, rng, facts))
    if not dated and procedure == "introduction_salarie":
        plan.pieces = [t for t in plan.pieces if t != "residence_permit"]
    wanted = violations
    if wanted is None:
        wanted = []
        if rng.random() < violation_rate:
            pool = applicable_violations(procedure, dated, merged, plan.pieces, facts)
            wanted = rng.sample(pool, 2 if rng.random() < 0.2 else 1)
    for violation in wanted:
        inject(violation, facts, plan, procedure, dated, rng)
    built = _build_all(plan, facts, rng)
    if any(target == "extra" for target, _ in plan.unreadable):
        built.append(build_other(facts, rng))

    reference = f"2026-PMOE-{rng.randint(0, 999999):06d}"
    surname, given = _slug(facts.person.surname).upper(), _slug(facts.person.given_names.split()[0])
    name = rng.choice((reference, f"dossier_{surname}_{given}_{seed % 1000:03d}", f"{surname}_{given}_{seed % 1000:03d}",
                       f"demande_{seed % 10000:04d}_{surname}")) if has_manifest else rng.choice(
        (f"dossier_{surname}_{given}_{seed % 1000:03d}", f"{surname}_{given}_pieces_{seed % 1000:03d}",
         f"demande_{seed % 10000:04d}_{surname}", f"{given}_{surname}_{seed % 1000:03d}"))
    out_dir = Path(out_dir) if out_dir is not None else Path(tempfile.mkdtemp(prefix="synth_"))
    (out_dir / "dossiers").mkdir(parents=True, exist_ok=True)
    (out_dir / "truth").mkdir(parents=True, exist_ok=True)

    truth_pieces: list[TruthPiece] = []
    unreadable_sources: list[str] = []
    variant_tags = [f"procedure:{procedure}", f"shape:{shape}", "manifest" if has_manifest else "no_manifest"]
    variant_tags += [f"violation:{v}" for v in plan.violations if v not in ("missing_piece", "unreadable_file")]
    variant_tags += [f"missing:{t}" for t in plan.missing]
    files: dict[str, bytes] = {}
    if merged:
        all_scanned = rng.random() < 0.5
        if all_scanned:
            variant_tags.append("merged:all_scanned")
        pdf_parts, page = [], 1
        for piece in _order_for_merge(built, rng):
            render = "scan" if all_scanned else None
            rendered = render_built(piece, rng, scan_ratio, force_render=render, as_pdf=True)
            pdf_parts.append(rendered.data)
            pages = list(range(page, page + rendered.pages))
            page += rendered.pages
            truth_pieces.append(TruthPiece(f"{name}.pdf", pages, piece.piece_type, piece.fields,
                                           [f"template:{piece.template}"] + rendered.tags, piece.mrz))
        files[f"{name}.pdf"] = merge_pdfs(pdf_parts)
        input_name = f"{name}.pdf"
    else:
        used: set[str] = set()
        counter = [0]
        damaged = {target: how for target, how in plan.unreadable}
        for piece in built:
            stem, generic = _file_name(piece, facts, rng, used, counter)
            how = damaged.pop("extra", None) if piece.piece_type == "other" and "extra" in damaged else damaged.pop(piece.piece_type, None)
            if how:
                rendered = render_built(piece, rng, 0.0, as_pdf=True)
                source = f"{stem}.pdf"
                files[source] = damage(rendered.data, how, piece, rng)
                unreadable_sources.append(source)
                variant_tags.append(f"bad:{how}")
                continue
            rendered = render_built(piece, rng, scan_ratio)
            ext = rendered.ext
            tags = list(rendered.tags)
            if rendered.ext in ("png", "jpg") and rng.random() < 0.1:
                ext = "pdf" if rendered.ext == "png" else "png"
                tags.append(f"misnamed:{rendered.ext}_as_{ext}")
                variant_tags.append("misnamed_ext")
            if rng.random() < 0.1 and ext == "jpg":
                ext = rng.choice(("jpeg", "JPG"))
            source = f"{stem}.{ext}"
            files[source] = rendered.data
            truth_pieces.append(TruthPiece(source, list(range(1, rendered.pages + 1)), piece.piece_type, piece.fields,
                                           [f"template:{piece.template}"] + tags + (["generic_name"] if generic else []), piece.mrz))
        input_name = f"{name}.zip" if shape == "zip" else name
        if has_manifest:
            files["dossier.json"] = _manifest_bytes(reference, procedure, facts.reference_date, invalid_manifest, rng)

    if dated:
        truth_procedure, procedure_source, submitted = procedure, "manifest", facts.reference_date
        truth_reference = reference
    else:
        truth_procedure = infer_procedure({p.type for p in truth_pieces})
        procedure_source, submitted, truth_reference = "inferred", None, name
        if invalid_manifest:
            variant_tags.append("invalid_manifest")
    flags = expected_flags(truth_procedure, truth_pieces, submitted, unreadable_sources, invalid_manifest)
    truth = {
        "reference": truth_reference, "procedure": truth_procedure, "procedure_source": procedure_source,
        "submitted_at": submitted.isoformat() if submitted else None, "status": status_of(flags),
        "pieces": [p.to_json() for p in sorted(truth_pieces, key=lambda p: (p.source, p.pages))],
        "flags": flags, "pages_total": sum(len(p.pages) for p in truth_pieces),
        "variant_tags": sorted(set(variant_tags)), "input": input_name,
        "unscored_flag_codes": [] if dated else ["registration_too_old"],
    }
    path = _write(out_dir / "dossiers", name, shape, files)
    truth_path = out_dir / "truth" / f"{name}.json"
    truth_path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return GeneratedDossier(path, truth, truth_path, files)


def _manifest_bytes(reference: str, procedure: str, submitted: dt.date, invalid: bool, rng: random.Random) -> bytes:
    body = {"reference": reference, "procedure": procedure, "submitted_at": submitted.isoformat()}
    if invalid:
        kind = rng.choice(("syntax", "procedure", "date"))
        if kind == "syntax":
            return (json.dumps(body, indent=2)[:-3] + ",\n").encode()
        body["procedure" if kind == "procedure" else "submitted_at"] = "regularisation" if kind == "procedure" else "31/02/2026"
    return json.dumps(body, ensure_ascii=False, indent=2).encode()


def _write(root: Path, name: str, shape: str, files: dict[str, bytes]) -> Path:
    if shape == "merged":
        (path := root / f"{name}.pdf").write_bytes(next(iter(files.values())))
        return path
    if shape == "zip":
        path = root / f"{name}.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for member, data in sorted(files.items()):
                archive.writestr(zipfile.ZipInfo(member, date_time=(2026, 1, 15, 10, 0, 0)), data)
        return path
    path = root / name
    path.mkdir(parents=True, exist_ok=True)
    for member, data in files.items():
        (path / member).write_bytes(data)
    return path
