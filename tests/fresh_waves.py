"""Checks that a fresh layout family drawn on a later side stream (synth/pieces/fresh.py) leaves the rest as it was:
every other piece of a dossier, and every piece of its type drawn from another family, with the generator's stream
ending where it did; and the checks every fresh family passes (dossiers drawn with it alone, its scans and photos).
Shared by the tests of the fresh families."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pypdfium2 as pdfium

from synth import generate_dossier, render_piece, render_piece_file
from synth.api import CHECKED_ON
from synth.facts import DossierFacts, PayslipFacts
from synth.families import FAMILIES, LATER, FamilyFilter
from synth.fmt import siret_spaced
from synth.pieces import BUILDERS
from synth.pieces.base import BuiltPiece
from synth.pieces.fresh import FRESH, _pick
from synth.scenario import make_facts
from synth.validate import check_folder, truth_problems


def squeezed(text: str) -> str:
    """A page's text without its spaces or line breaks, in capitals: a value printed over a line break or in another
    case still found in it."""
    return re.sub(r"\s+", "", text).upper()


def with_later_waves(name: str) -> frozenset[str]:
    """`name` and the fresh families of its type drawn in later waves: a later wave may take a piece an earlier one
    took, and excluding `name` moves the draws of the waves after it, so they are set aside with it."""
    piece_type, layout = name.split(":")
    waves = {f.layout: f.wave for f in FRESH.get(piece_type, ())}
    if layout not in waves:
        return frozenset({name})
    return frozenset({name} | {f"{piece_type}:{other}" for other, wave in waves.items() if wave > waves[layout]})


def waves_after(*newest: str) -> frozenset[str]:
    """The fresh families written after each of `newest` (the newest family of its type when a test was written): set
    aside, the test's seeds draw the dossiers it was written on."""
    return frozenset().union(*(with_later_waves(name) - {name} for name in newest))


def pieces_with_and_without(name: str, procedure: str, seeds: range) -> Counter:
    """The families drawn for the pieces of `name`'s type over `seeds`; each one not of `name` (nor of a later wave)
    is the piece made with them excluded, and the generator's stream ends where it did."""
    piece_type = name.split(":")[0]
    set_aside = with_later_waves(name)
    drawn: Counter = Counter()
    for seed in seeds:
        pieces, states = [], []
        for families in (None, FamilyFilter(exclude=set_aside)):
            rng = random.Random(seed)
            facts = make_facts(rng, procedure, dt.date(2026, 6, 1))
            facts.families = families
            pieces.append(BUILDERS[piece_type](facts, rng))
            states.append(rng.getstate())
        assert states[0] == states[1]
        drawn[pieces[0].family] += 1
        if pieces[0].family not in set_aside:
            assert pieces[0].fields == pieces[1].fields and pieces[0].family == pieces[1].family
            assert pieces[0].sheets == pieces[1].sheets and pieces[0].cards == pieces[1].cards
    return drawn


def dossiers_with_and_without(name: str, procedure: str, seeds: tuple[int, ...], folder: Path) -> int:
    """Whole dossiers drawn with and without the family `name`: the same pieces with the same truth, bar the ones of
    `name`, and the same verdict. Returns how many pieces of `name` were drawn."""
    drawn = 0
    set_aside = with_later_waves(name)
    for seed in seeds:
        truths = [generate_dossier(seed, "folder", folder / f"{seed}-{k}", procedure=procedure, scan_ratio=0.0,
                                   families=families).truth
                  for k, families in enumerate((None, FamilyFilter(exclude=set_aside)))]
        assert [p["type"] for p in truths[0]["pieces"]] == [p["type"] for p in truths[1]["pieces"]]
        for with_new, without in zip(truths[0]["pieces"], truths[1]["pieces"]):
            if f"family:{name}" in with_new["tags"]:
                drawn += 1
            elif not {f"family:{later}" for later in set_aside} & set(with_new["tags"]):
                assert with_new == without
        for key in ("status", "flags", "labour_market_test", "procedure", "reference"):
            assert truths[0][key] == truths[1][key]
    return drawn


def dossiers_of_only(name: str, runs: tuple[tuple[int, str, float, float], ...], folder: Path) -> Counter:
    """Whole dossiers drawn with `name` alone for its type, one per (seed, procedure, scan ratio, photo ratio) of
    `runs`: each truth is sound, every piece of the type carries the family's tag, and the folder passes
    `synth check`. Returns the render tags of those pieces."""
    piece_type = name.split(":")[0]
    renders: Counter = Counter()
    for seed, procedure, scan, photo in runs:
        truth = generate_dossier(seed, "folder", folder, procedure=procedure, scan_ratio=scan, photo_ratio=photo,
                                 families=FamilyFilter.parse(name, None)).truth
        assert truth_problems(truth) == []
        for piece in truth["pieces"]:
            if piece["type"] == piece_type:
                assert {t for t in piece["tags"] if t.startswith("family:")} == {f"family:{name}"}
                renders.update(t for t in piece["tags"] if t.startswith("render:"))
    assert check_folder(folder / "truth") == {}
    return renders


def rendered_by_their_own_tests() -> frozenset[str]:
    """The fresh families whose own test file (`NAME = ...` in tests/test_synth_*.py) renders them scanned and
    photographed: the other fresh families are rendered so by test_synth_families_fresh.py."""
    named = re.compile(r'^NAME = "([^"]+)"$', re.MULTILINE)
    found = set()
    for path in Path(__file__).parent.glob("test_synth_*.py"):
        text = path.read_text()
        renders = "scanned_and_photographed(NAME" in text or ("render_piece_file(" in text and '"photo"' in text)
        if (name := named.search(text)) and renders:
            found.add(name.group(1))
    return frozenset(found)


def scanned_and_photographed(name: str, seed: int) -> None:
    """The piece of `name` renders as a scan and as a phone photo, tagged so."""
    for render in ("scan", "photo"):
        rendered, fields = render_piece_file(name.split(":")[0], seed, render, FamilyFilter(frozenset({name})))
        assert fields["_family"] == name and f"render:{render}" in rendered.tags
        assert rendered.media_type in ("application/pdf", "image/jpeg", "image/png", "image/tiff")
        assert len(rendered.data) > 20_000


def agricultural_employers_keep_the_msa(procedure: str, seeds: range) -> int:
    """Left free, the certificate of an agricultural employer is always the MSA's (a fresh family drawn around the
    builder must not take it). Returns how many agricultural employers were drawn."""
    farms = 0
    for seed in seeds:
        rng = random.Random(seed)
        facts = make_facts(rng, procedure, dt.date(2026, 6, 1))
        if facts.certificate.company.agricultural:
            farms += 1
            assert BUILDERS["urssaf_certificate"](facts, rng).family == "urssaf_certificate:msa"
    return farms


def listed_last_in_its_wave(name: str, waves: dict[str, int]) -> None:
    """`name` is a LATER family listed after the type's older ones, and the type's fresh families are drawn in `waves`
    (later waves, written since, come after it)."""
    piece_type, layout = name.split(":")
    assert layout in FAMILIES[piece_type] and name in LATER
    drawn = {f.layout: f.wave for f in FRESH[piece_type]}
    assert {k: v for k, v in drawn.items() if k in waves} == waves
    assert all(FAMILIES[piece_type].index(later) > FAMILIES[piece_type].index(layout) and wave > waves[layout]
               for later, wave in drawn.items() if later not in waves)


def born_digital_texts(name: str, seeds: range) -> Iterator[tuple[str, int, dict]]:
    """(text layer, page count, truth fields) of the piece of `name` born digital, for each of `seeds`."""
    for seed in seeds:
        data, media_type, fields = render_piece(name.split(":")[0], seed, "born_digital",
                                                FamilyFilter(frozenset({name})))
        assert media_type == "application/pdf" and fields["_family"] == name
        doc = pdfium.PdfDocument(data)
        yield "".join(page.get_textpage().get_text_range() for page in doc), len(doc), fields


def drawn_only_where(name: str, procedure: str, seeds: range, fits: Callable[[DossierFacts], bool]) -> int:
    """Left free over the facts of `seeds`, the fresh family `name` takes some pieces of its type, and each for facts
    `fits` allows (an employer that could be an agency, a school that is no university...). Returns how many."""
    piece_type, layout = name.split(":")
    drawn = 0
    for seed in seeds:
        rng = random.Random(seed)
        facts = make_facts(rng, procedure, CHECKED_ON)
        chosen, _, _ = _pick(piece_type, facts, rng)
        if chosen is not None and chosen.layout == layout:
            drawn += 1
            assert fits(facts), seed
    assert drawn > 0
    return drawn


def earlier_draws_kept(name: str, procedure: str, seeds: range, earlier: Collection[str]) -> Counter:
    """Piece by piece over `seeds` (`pieces_with_and_without`): every piece not of `name` is the one made with it
    excluded and the generator's stream ends where it did; `name` is drawn, and so is each family of its type in
    `earlier` (its layout alone: the older families and the earlier fresh ones). Returns the families drawn."""
    piece_type = name.split(":")[0]
    drawn = pieces_with_and_without(name, procedure, seeds)
    assert drawn[name] > 0, drawn
    for layout in earlier:
        assert drawn[f"{piece_type}:{layout}"] > 0, (layout, drawn)
    return drawn


def born_digital_dossiers(name: str, runs: tuple[tuple[int, str], ...], folder: Path) -> None:
    """Whole dossiers born digital, one per (seed, procedure) of `runs`, with `name` alone for its type: one piece of
    it in each, tagged, the folder passing the check (`dossiers_of_only`; the piece's scans and photos are rendered by
    `scanned_and_photographed`: whole dossiers cost time)."""
    renders = dossiers_of_only(name, tuple((seed, procedure, 0.0, 0.0) for seed, procedure in runs), folder)
    assert renders == {"render:born_digital": len(runs)}, renders


def dossiers_alone_and_beside(name: str, procedure: str, alone: int, beside: tuple[int, ...], folder: Path) -> Counter:
    """Drawn alone for its type (the dossier of seed `alone`, born digital), every piece of the type is one of `name`
    and the folder passes the check; drawn with and without it, the dossiers of `beside` keep every other piece, with
    the same truth, and draw `name` once. Returns the render tags of the pieces drawn alone."""
    renders = dossiers_of_only(name, ((alone, procedure, 0.0, 0.0),), folder / "alone")
    assert dossiers_with_and_without(name, procedure, beside, folder / "beside") == 1
    return renders


def amount(text: str) -> float:
    """An amount as a French slip prints it ("1 234,56")."""
    return float(text.replace(" ", "").replace(",", "."))


def payslip_texts(name: str, seeds: range) -> Iterator[tuple[str, str, int, dict]]:
    """(text on one line, `squeezed` text, page count, truth fields) of the payslip of `name` born digital for each of
    `seeds`: on one page or two, the employee's surname and the employer's SIRET (plain or spaced, after "SIRET" or
    "Siret") printed."""
    for layer, pages, fields in born_digital_texts(name, seeds):
        text, flat = " ".join(layer.split()), squeezed(layer)
        assert pages in (1, 2)
        assert squeezed(str(fields["employee_surname"])) in flat
        siret = str(fields["employer_siret"])
        assert re.search(rf"(SIRET|Siret)( :)? ({siret}|{siret_spaced(siret)})", text), text
        yield text, flat, pages, fields


def payslip_months(name: str, build: Callable[[DossierFacts, random.Random], BuiltPiece],
                   compute: Callable[[DossierFacts, PayslipFacts, random.Random], Any], seeds: range = range(30),
                   ) -> Iterator[tuple[DossierFacts, list[tuple[PayslipFacts, Any]], BuiltPiece]]:
    """Built directly over many months: (the facts, [(month, the family's figures `compute` makes of it)], the piece
    `build` makes of the facts) for each of `seeds`, the months being the facts' first payslip and the same with
    another extra (overtime, primes) on its base; the piece is of `name`, its gross the facts'."""
    for seed in seeds:
        facts = make_facts(random.Random(seed), "renouvellement", dt.date(2026, 6, 1))
        slip = facts.payslips[0]
        months = [PayslipFacts(slip.period_start, slip.base_salary, extra)
                  for extra in (slip.extra, round(20 + seed * 3.37, 2))]
        figures = [(month, compute(facts, month, random.Random(seed))) for month in months]
        piece = build(facts, random.Random(seed))
        assert piece.fields["gross_salary"] == slip.gross and piece.family == name
        yield facts, figures, piece


class Attestation(NamedTuple):
    """The truth of an attestation de vigilance, as its fields give it."""
    name: str
    siren: str
    issue: dt.date
    code: str


def vigilance_texts(name: str, seeds: range) -> Iterator[tuple[str, str, int, Attestation]]:
    """(text layer, the text on one line, page count, truth) of the attestation de vigilance of `name` born digital,
    for each of `seeds`."""
    for text, pages, fields in born_digital_texts(name, seeds):
        yield text, " ".join(text.split()), pages, Attestation(
            str(fields["company_name"]), str(fields["siren"]), dt.date.fromisoformat(str(fields["issue_date"])),
            str(fields["security_code"]))


def date_in(text: str, forms: tuple[str, ...]) -> dt.date:
    """The date `text` writes in the first of `forms` (strptime's) it fits."""
    for form in forms:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            pass
    raise ValueError(text)


def drawn_free_for_workers_from(name: str, country: str, seeds: range, free_seeds: tuple[int, ...],
                                equivalents: Callable[[str], Collection[str]]) -> None:
    """Left free, the diploma family `name` fits the facts of `seeds` whose worker is from `country` (ISO alpha-3)
    and those alone; drawn for the facts of `free_seeds` (an English degree, a French one), its truth is the facts'
    holder and award date, the title their English degree's own or, for a French degree, one of its
    `equivalents`."""
    fits = next(f for f in FRESH["diploma"] if f"diploma:{f.layout}" == name).fits
    for seed in seeds:
        facts = make_facts(random.Random(seed), "changement_statut", dt.date(2026, 6, 1))
        assert fits(facts) is (facts.person.country.code == country)
    english = set()
    for seed in free_seeds:
        rng = random.Random(seed)
        facts = make_facts(rng, "changement_statut", dt.date(2026, 6, 1))
        piece = BUILDERS["diploma"](facts, rng)
        d = facts.diploma
        assert piece.family == name and fits(facts)
        english.add(d.english)
        title = piece.fields.pop("title")
        assert title == d.title if d.english else title in equivalents(d.title)
        assert piece.fields == {"holder_surname": facts.person.surname, "holder_given_names": d.given_names,
                                "award_date": d.award_date.isoformat()}
    assert english == {True, False}
