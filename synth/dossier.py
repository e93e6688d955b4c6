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
from synth.families import FamilyFilter
from synth.labour import plan_labour
from synth.pieces import BuiltPiece, build, build_other, build_payslip
from synth.rendering import damage, merge_pdfs, render_built
from synth.rules import mid_month
from synth.scenario import PROCEDURES, make_facts
from synth.shortage import POSTCODE_RE, ROME_RE
from synth.truth import TruthPiece, expected, infer_procedure, strip_accents
from synth.violations import Plan, applicable_violations, inject, shorten_offer

SHAPES = ("folder", "zip", "merged")
DEFAULT_AS_OF = dt.date(2026, 6, 1)
# Share of the documents not born digital that are phone photos rather than scans.
PHOTO_RATIO = 0.3  # the reception date `make run` passes as --as-of
PROCEDURE_WEIGHTS = (0.35, 0.25, 0.15, 0.25)
GENERIC_NAMES = ("scan{n:03d}", "IMG_2026{m:02d}{d:02d}_{r:06d}", "pj{n}", "Document ({n})", "fichier{n}",
                 "numerisation_{r:04d}", "DOC-2026{m:02d}{d:02d}-WA{n:04d}", "piece_jointe_{n}")
MEANINGFUL = {"passport": ("passeport", "passeport_{surname}", "Passport scan"),
              "id_card": ("CNI", "carte_identite_{surname}", "ID card"),
              "residence_permit": ("titre_sejour", "carte de sejour recto verso", "TS_{surname}"),
              "employment_contract": ("contrat", "contrat_travail_{surname}", "Contrat signe"),
              "internship_agreement": ("convention_stage", "convention de stage signee"),
              "company_registration": ("kbis", "extrait_kbis", "Kbis_{company}"),
              "urssaf_certificate": ("attestation_urssaf", "URSSAF", "vigilance_{company}"),
              "job_offer": ("offre_emploi", "offre_france_travail", "annonce_{company}"),
              "applications_statement": ("bilan_candidatures", "attestation_candidatures", "candidatures_recues"),
              "payslip": ("bulletin_{period}", "fiche_paie_{period}"),
              "diploma": ("diplome", "diplome_{surname}", "attestation_reussite"), "cv": ("CV", "CV_{given}_{surname}"),
              "other": ("lettre", "courrier", "annexe", "justificatif")}


@dataclass
class GeneratedDossier:
    path: Path
    truth: dict
    truth_path: Path | None = None
    files: dict[str, bytes] = field(default_factory=dict)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in strip_accents(text)).strip("_")


def _choose_pieces(procedure: str, rng: random.Random, facts: DossierFacts) -> list[str]:
    identity = facts.identity_type
    pieces = {"introduction_salarie": [identity, "employment_contract", "urssaf_certificate"],
              "changement_statut": [identity, "residence_permit", "employment_contract", "diploma", "urssaf_certificate"],
              "renouvellement": [identity, "residence_permit", "employment_contract"]
              + ["payslip"] * len(facts.payslips) + ["urssaf_certificate"],
              "stage": [identity, "internship_agreement"]}[procedure]
    if procedure == "introduction_salarie":
        pieces += rng.choice(([], ["diploma"], ["cv"], ["diploma", "cv"]))
    elif procedure == "stage":
        pieces += [t for t in ("diploma", "cv") if rng.random() < 0.5]
    else:
        pieces += [t for t in ("cv",) if rng.random() < 0.4]
    if procedure != "stage" and rng.random() < 0.4:  # optional since v2, still checked
        pieces.append("company_registration")
    return pieces + ["other"] * rng.choice((0, 0, 1, 1, 2))


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


@dataclass
class ManifestPlan:
    present: bool  # a dossier.json is sent
    usable: bool  # ... and counts (DOMAIN.md "What arrives")
    unusable_kind: str | None = None


def _manifest_plan(procedure: str, merged: bool, manifest: bool | None, rng: random.Random) -> ManifestPlan:
    present = (not merged) and (procedure == "renouvellement" or (rng.random() < 0.65 if manifest is None else manifest))
    if present and procedure != "renouvellement" and rng.random() < 0.06:
        return ManifestPlan(True, False, rng.choice(("syntax", "procedure", "date", "reference", "not_object")))
    return ManifestPlan(present, present)


def generate_dossier(seed: int, shape: str = "folder", out_dir: str | Path | None = None, *,
                     procedure: str | None = None, scan_ratio: float = 0.5, violation_rate: float = 0.6,
                     manifest: bool | None = None, violations: list[str] | None = None,
                     as_of: dt.date = DEFAULT_AS_OF, families: FamilyFilter | None = None,
                     photo_ratio: float = PHOTO_RATIO) -> GeneratedDossier:
    """Write `out_dir/dossiers/<name>` and `out_dir/truth/<name>.json`; return both."""
    rng = random.Random(seed)
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {SHAPES}")
    merged = shape == "merged"
    procedure = procedure or rng.choices(PROCEDURES, PROCEDURE_WEIGHTS)[0]
    if merged and procedure == "renouvellement":
        procedure = "changement_statut"  # a renewal always has a manifest, a merged PDF never does
    mplan = _manifest_plan(procedure, merged, manifest, rng)
    # a usable manifest declares its date, before or after the set's reception date
    submitted = mid_month(as_of + dt.timedelta(days=rng.randint(-150, 60))) if mplan.usable else as_of
    facts = make_facts(rng, procedure, submitted)
    facts.families = families
    labour = plan_labour(facts, procedure, mplan.usable, rng)
    plan = Plan(_choose_pieces(procedure, rng, facts) + labour.extra_pieces)
    variant_tags = [f"procedure:{procedure}", f"shape:{shape}", "manifest" if mplan.present else "no_manifest",
                    f"identity:{facts.identity_type}"] + labour.tags
    if labour.outcome == "exempt:graduate":
        plan.keep = ("employment_contract", "residence_permit", "diploma")
    elif labour.outcome != "applies" and "job_offer" in plan.pieces and rng.random() < 0.5:
        shorten_offer(facts, rng)  # exempt: the offer is not checked, however short
        variant_tags.append("offer:short_unchecked")
    wanted = violations
    if wanted is None:
        wanted = []
        if rng.random() < violation_rate:
            pool = applicable_violations(procedure, merged, plan, facts, labour.outcome)
            wanted = rng.sample(pool, 2 if rng.random() < 0.2 else 1)
    for violation in wanted:
        inject(violation, facts, plan, procedure, mplan.usable, rng)
    built = _build_all(plan, facts, rng)
    if any(target == "extra" for target, _ in plan.unreadable):
        built.append(build_other(facts, rng))

    reference = f"2026-PMOE-{rng.randint(0, 999999):06d}"
    surname, given = _slug(facts.person.surname).upper(), _slug(facts.person.given_names.split()[0])
    name = rng.choice((reference, f"dossier_{surname}_{given}_{seed % 1000:03d}", f"{surname}_{given}_{seed % 1000:03d}",
                       f"demande_{seed % 10000:04d}_{surname}")) if mplan.present else rng.choice(
        (f"dossier_{surname}_{given}_{seed % 1000:03d}", f"{surname}_{given}_pieces_{seed % 1000:03d}",
         f"demande_{seed % 10000:04d}_{surname}", f"{given}_{surname}_{seed % 1000:03d}"))
    out_dir = Path(out_dir) if out_dir is not None else Path(tempfile.mkdtemp(prefix="synth_"))
    (out_dir / "dossiers").mkdir(parents=True, exist_ok=True)
    (out_dir / "truth").mkdir(parents=True, exist_ok=True)

    variant_tags += [f"violation:{v}" for v in plan.violations if v not in ("missing_piece", "unreadable_file")]
    variant_tags += [f"missing:{t}" for t in plan.missing]
    files, truth_pieces, unreadable_sources = _render_files(built, plan, facts, name, merged,
                                                            (scan_ratio, photo_ratio), rng, variant_tags)
    if any("photo:page" in p.tags for p in truth_pieces):
        variant_tags.append("photo")
    input_name = f"{name}.pdf" if merged else (f"{name}.zip" if shape == "zip" else name)
    if mplan.present:
        files["dossier.json"] = _manifest_bytes(reference, procedure, submitted, mplan.unusable_kind, facts, rng)
        if not mplan.usable:
            variant_tags.append(f"invalid_manifest:{mplan.unusable_kind}")
    if not merged:
        _add_hidden_entries(files, shape, rng, variant_tags)

    if mplan.usable:
        truth_procedure, procedure_source, truth_reference = procedure, "manifest", reference
    else:
        truth_procedure, procedure_source, truth_reference = infer_procedure({p.type for p in truth_pieces}), "inferred", name
    rome, postcode = (facts.manifest_rome, facts.manifest_postcode) if mplan.usable else (None, None)
    fields_malformed = mplan.usable and not _fields_well_formed(rome, postcode)
    verdict = expected(truth_procedure, truth_pieces, submitted, unreadable_sources,
                       (mplan.present and not mplan.usable) or fields_malformed, rome, postcode)
    truth = {
        "reference": truth_reference, "procedure": truth_procedure, "procedure_source": procedure_source,
        "submitted_at": submitted.isoformat(), "as_of": as_of.isoformat(), "status": verdict.status,
        "labour_market_test": verdict.labour_market_test,
        "pieces": [p.to_json() for p in sorted(truth_pieces, key=lambda p: (p.source, p.pages))],
        "flags": verdict.flags, "pages_total": sum(len(p.pages) for p in truth_pieces),
        "variant_tags": sorted(set(variant_tags)), "input": input_name, "unscored_flag_codes": [],
    }
    path = _write(out_dir / "dossiers", name, shape, files)
    truth_path = out_dir / "truth" / f"{name}.json"
    truth_path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return GeneratedDossier(path, truth, truth_path, files)


def _fields_well_formed(rome, postcode) -> bool:
    return (rome is None or (isinstance(rome, str) and bool(ROME_RE.match(rome)))) and \
        (postcode is None or (isinstance(postcode, str) and bool(POSTCODE_RE.match(postcode))))


def _tags(piece: BuiltPiece, rendered_tags: list[str]) -> list[str]:
    return [f"template:{piece.template}", f"family:{piece.family}"] + rendered_tags


def _photographed(piece: BuiltPiece, rng: random.Random, scan_ratio: float, photo_ratio: float) -> str | None:
    """'photo' for a document drawn as a phone photo: one draw per piece whatever the answer,
    none when no photo can be drawn (a batch without photos keeps the bytes it had before them)."""
    share = scan_ratio * photo_ratio
    drawn = share > 0 and rng.random() < share
    return "photo" if drawn and not piece.is_card else None


def _render_files(built: list[BuiltPiece], plan: Plan, facts: DossierFacts, name: str, merged: bool,
                  ratios: tuple[float, float], rng: random.Random, variant_tags: list[str]):
    """The dossier's files and their truth pieces (unreadable files give no piece)."""
    scan_ratio, photo_ratio = ratios
    files: dict[str, bytes] = {}
    truth_pieces: list[TruthPiece] = []
    unreadable_sources: list[str] = []
    if merged:
        all_scanned = rng.random() < 0.5
        if all_scanned:
            variant_tags.append("merged:all_scanned")
        pdf_parts, page = [], 1
        for piece in _order_for_merge(built, rng):
            force = "scan" if all_scanned else _photographed(piece, rng, scan_ratio, photo_ratio)
            rendered = render_built(piece, rng, scan_ratio, force_render=force, as_pdf=True)
            pdf_parts.append(rendered.data)
            pages = list(range(page, page + rendered.pages))
            page += rendered.pages
            truth_pieces.append(TruthPiece(f"{name}.pdf", pages, piece.piece_type, piece.fields,
                                           _tags(piece, rendered.tags), piece.mrz))
        files[f"{name}.pdf"] = merge_pdfs(pdf_parts)
        return files, truth_pieces, unreadable_sources
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
        rendered = render_built(piece, rng, scan_ratio, force_render=_photographed(piece, rng, scan_ratio, photo_ratio))
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
                                       _tags(piece, tags) + (["generic_name"] if generic else []), piece.mrz))
    return files, truth_pieces, unreadable_sources


def _manifest_bytes(reference: str, procedure: str, submitted: dt.date, unusable: str | None, facts: DossierFacts,
                    rng: random.Random) -> bytes:
    body: dict = {"reference": reference, "procedure": procedure, "submitted_at": submitted.isoformat()}
    for key, value in (("job_rome_code", facts.manifest_rome), ("work_postcode", facts.manifest_postcode)):
        if value is not None:
            body[key] = value
        elif rng.random() < 0.15:
            body[key] = None  # null counts as not given
    if unusable == "syntax":
        return (json.dumps(body, indent=2)[:-3] + ",\n").encode()
    if unusable == "not_object":
        return json.dumps([body], ensure_ascii=False).encode()
    if unusable:
        key, bad = {"procedure": ("procedure", "regularisation"), "date": ("submitted_at", "31/02/2026"),
                    "reference": ("reference", "")}[unusable]
        body[key] = bad
    return json.dumps(body, ensure_ascii=False, indent=2).encode()


def _apple_double() -> bytes:
    """A Finder AppleDouble companion (magic, version, one Finder-info entry), padded to 4 KB."""
    header = bytes.fromhex("00051607" "00020000") + b"Mac OS X        " + bytes.fromhex("0001" "00000009" "00000032" "00000ee2")
    return header.ljust(4096, b"\0")


def _add_hidden_entries(files: dict[str, bytes], shape: str, rng: random.Random, variant_tags: list[str]) -> None:
    """Finder and Explorer leftovers: never pieces, never flags (DOMAIN.md)."""
    if shape == "zip" and rng.random() < 0.35:
        members = sorted(n for n in files if n != "dossier.json")
        files[".DS_Store"] = b"\0\0\0\1Bud1" + bytes(rng.randrange(256) for _ in range(54)) + b"\0" * 6080
        for member in rng.sample(members, min(len(members), rng.randint(1, 2))):
            files[f"__MACOSX/._{member}"] = _apple_double()
        variant_tags.append("hidden:mac_zip")
    elif shape == "folder" and rng.random() < 0.12:
        name = rng.choice(("Thumbs.db", "desktop.ini", ".DS_Store"))
        files[name] = b"[.ShellClassInfo]\r\nIconResource=C:\\Windows\\System32\\imageres.dll,-3\r\n" \
            if name == "desktop.ini" else bytes(rng.randrange(256) for _ in range(512))
        variant_tags.append("hidden:system_file")


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
