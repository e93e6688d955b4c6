"""The fresh layout families (synth/pieces/fresh.py, issue 9 point 5): each one generates, prints
its truth, passes `synth check` and carries its family tag; they are held out; drawing them leaves
the older families' pieces and the generator's main stream as they were."""
from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from synth import generate_dossier, render_piece, render_piece_file
from synth.api import CHECKED_ON, PROCEDURE_FOR
from synth.families import FAMILIES, LATER, FamilyFilter
from synth.fmt import MONTHS_FR, euros
from synth.pieces import BUILDERS
from synth.pieces.fresh import FRESH, fresh_family_names
from synth.pieces.fresh_words import euros_in_words
from synth.render import sheets_to_pdf
from synth.scenario import make_facts
from synth.validate import check_folder, truth_problems
from tests.fresh_waves import rendered_by_their_own_tests
from tests.fresh_waves import squeezed as _flat

FRESH_NAMES = fresh_family_names()
HELDOUT_FILE = json.loads((Path(__file__).parent.parent / "benchmarks" / "heldout_families.json").read_text())
HELD_OUT = HELDOUT_FILE["families"]
RETIRED = HELDOUT_FILE["retired"]["families"]
EXCLUDED = FamilyFilter(exclude=frozenset(FRESH_NAMES))
# the truth value that must be printed, per type (spaces and case ignored)
PRINTED = {"employment_contract": ("employee_surname", "job_title", "employer_name"),
           "payslip": ("employee_surname",), "internship_agreement": ("intern_surname", "host_name", "institution_name"),
           "diploma": ("holder_surname", "title"), "company_registration": ("company_name",),
           "urssaf_certificate": ("company_name", "security_code"), "applications_statement": (),
           "residence_permit": ("surname", "document_number"),
           "cv": (), "other": ()}  # no truth field: they only have to be taken for their type
# identity cards are never born digital (photocopied or photographed): what they print is read off their faces
CARDS = {"residence_permit"}


def _text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    return "".join(page.get_textpage().get_text_range() for page in doc)


def _printed(piece_type: str, seed: int, only: FamilyFilter) -> tuple[str, dict]:
    """(the text the piece prints, its truth fields): a document's born-digital text layer; for a card, rendered as a
    photocopy or a photo, the text of its faces (the same piece, built again the way render_piece builds it)."""
    data, media_type, fields = render_piece(piece_type, seed, "born_digital", only)
    if piece_type not in CARDS:
        assert media_type == "application/pdf"
        return _text(data), fields
    assert media_type in ("application/pdf", "image/jpeg", "image/png", "image/tiff") and fields["_mrz"]
    rng = random.Random(seed)
    facts = make_facts(rng, PROCEDURE_FOR[piece_type], CHECKED_ON)
    facts.families = only
    piece = BUILDERS[piece_type](facts, rng)
    assert piece.family == fields["_family"] and piece.mrz == fields["_mrz"]
    assert all(piece.fields[k] == v for k, v in fields.items() if not k.startswith("_"))
    return _text(sheets_to_pdf(piece.cards)), fields


def test_fresh_families_per_french_type_listed_later_and_held_out():
    """Every French type (and the CV and `other` pieces) has one fresh family held out; an earlier one looked at
    since is retired."""
    assert {name.split(":")[0] for name in FRESH_NAMES} == set(PRINTED)
    for name in FRESH_NAMES:
        piece_type, layout = name.split(":")
        assert layout in FAMILIES[piece_type] and name in LATER and (name in HELD_OUT) != (name in RETIRED)
    for piece_type in PRINTED:
        assert sum(f"{piece_type}:{f.layout}" in HELD_OUT for f in FRESH[piece_type]) == 1, piece_type
    assert "payslip:cabinet_comptable" in HELD_OUT and "payslip:bulletin_bilingue" in RETIRED
    assert {"residence_permit:copie_recto_verso", "internship_agreement:convention_association",
            "diploma:laurea_italiana", "urssaf_certificate:travailleur_independant"} <= set(HELD_OUT)
    assert {"residence_permit:fra_card_2016", "internship_agreement:convention_hospitaliere",
            "diploma:urkunde_allemande", "urssaf_certificate:courriel_urssaf"} <= set(RETIRED)
    assert {"diploma:conferred", "diploma:school_band", "diploma:releve_resultats", "diploma:jury_proces_verbal",
            "diploma:titre_professionnel", "diploma:comparabilite", "diploma:traduction_assermentee",
            "diploma:certificat_numerique"} <= set(RETIRED)


@pytest.mark.parametrize("name", FRESH_NAMES)
def test_each_fresh_family_prints_its_truth(name):
    piece_type = name.split(":")[0]
    for seed in (1, 2, 3):
        printed, fields = _printed(piece_type, seed, FamilyFilter(frozenset({name})))
        assert fields["_family"] == name
        text = _flat(printed)
        for key in PRINTED[piece_type]:
            assert _flat(str(fields[key])) in text, (name, seed, key)
        if piece_type == "payslip":
            assert _flat(f"{fields['gross_salary']:.2f}".replace(".", ",")) in text.replace(" ", "")
        if piece_type == "company_registration":
            assert fields["siren"] in text
        if piece_type == "applications_statement":
            assert f"CANDIDATURESREÇUES{fields['applications_received']}" in text


def test_gratification_in_words():
    assert euros_in_words(682.5) == "six cent quatre-vingt-deux euros et cinquante centimes"
    assert euros_in_words(80000) == "quatre-vingt mille euros"
    assert euros_in_words(1200) == "mille deux cents euros"


def test_fresh_dossiers_pass_the_check_and_carry_their_family_tags(tmp_path):
    only = FamilyFilter.parse(",".join(FRESH_NAMES), None)
    seen: set[str] = set()
    for seed, procedure in ((1, "stage"), (2, "renouvellement"), (3, "changement_statut"), (4, "changement_statut"),
                            (5, "introduction_salarie"), (6, "renouvellement"), (7, "changement_statut"),
                            (8, "introduction_salarie"), (9, "introduction_salarie")):
        truth = generate_dossier(seed, "folder", tmp_path, procedure=procedure, scan_ratio=0.0, families=only).truth
        assert truth_problems(truth) == []
        for piece in truth["pieces"]:
            tags = {t for t in piece["tags"] if t.startswith("family:")}
            if piece["type"] in PRINTED:
                assert len(tags) == 1 and tags <= {f"family:{piece['type']}:{f.layout}" for f in FRESH[piece["type"]]}
                seen |= tags
    assert check_folder(tmp_path / "truth") == {}
    assert {t.removeprefix("family:").split(":")[0] for t in seen} == set(PRINTED)


def _diplomas_alone(name: str, seeds: tuple[int, ...], folder: Path) -> list[dict]:
    """The diplomas of `changement_statut` dossiers drawn with only the family `name`: truth intact, each one
    tagged with it, and the whole folder passing `synth check`."""
    only = FamilyFilter.parse(name, None)
    diplomas = []
    for seed in seeds:
        truth = generate_dossier(seed, "folder", folder, procedure="changement_statut", scan_ratio=0.0,
                                 families=only).truth
        assert truth_problems(truth) == []
        diplomas += [piece for piece in truth["pieces"] if piece["type"] == "diploma"]
    assert all(f"family:{name}" in piece["tags"] for piece in diplomas)
    assert check_folder(folder / "truth") == {}
    return diplomas


def test_school_band_diplomas_generate_pass_the_check_and_carry_their_tag(tmp_path):
    """The second fresh diploma family, alone: every diploma of these dossiers is one, dated, truth intact."""
    diplomas = _diplomas_alone("diploma:school_band", (11, 12, 13), tmp_path)
    assert len(diplomas) >= 3
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", piece["fields"]["award_date"]) for piece in diplomas)


def test_school_band_prints_its_delivery_date_in_its_cell():
    for seed in (4, 5, 6):
        data, _, fields = render_piece("diploma", seed, "born_digital", FamilyFilter(frozenset({"diploma:school_band"})))
        award = dt.date.fromisoformat(str(fields["award_date"]))
        text = _text(data)
        assert re.search(rf"Date de délivrance\s*({award:%d/%m/%Y}|{award.day}(er)? \w+ {award.year})", text), text
        assert "DÉLIVRE LE DIPLÔME" in text


def test_school_portal_agreements_generate_pass_the_check_and_carry_their_tag(tmp_path):
    """The second fresh internship family, alone and held out in place of `university_tripartite`: every
    agreement of these dossiers is one, truth intact, its dates and monthly amount printed in its grid."""
    assert {"internship_agreement:school_portal", "internship_agreement:university_tripartite"} <= set(RETIRED)
    only = FamilyFilter.parse("internship_agreement:school_portal", None)
    agreements = 0
    for seed in (21, 22, 23):
        truth = generate_dossier(seed, "folder", tmp_path, procedure="stage", scan_ratio=0.0, families=only).truth
        assert truth_problems(truth) == []
        for piece in truth["pieces"]:
            if piece["type"] == "internship_agreement":
                agreements += 1
                assert "family:internship_agreement:school_portal" in piece["tags"]
    assert agreements >= 3 and check_folder(tmp_path / "truth") == {}
    for seed in (2, 3, 4):  # none, the legal hourly rate, another monthly amount
        data, _, fields = render_piece("internship_agreement", seed, "born_digital", only)
        text = _text(data)
        start, end = (dt.date.fromisoformat(str(fields[k])) for k in ("start_date", "end_date"))
        assert re.search(rf"Date de début du stage\s*{start:%d/%m/%Y}", text), text
        assert re.search(rf"Date de fin du stage\s*{end:%d/%m/%Y}", text), text
        grat = float(fields["monthly_gratification"])
        assert re.search(r"Gratification\s*Non", text) if grat == 0 else f"{euros(grat)} par mois" in text


@pytest.mark.parametrize("piece_type", sorted(FRESH))
def test_older_families_and_the_main_stream_unchanged(piece_type):
    """Without a filter a fresh family is sometimes drawn; every other piece is the one made with the fresh
    families excluded, and the generator's stream ends where it did."""
    fresh_drawn = 0
    for seed in range(30):
        pieces, states = [], []
        for families in (None, EXCLUDED):
            rng = random.Random(seed)
            facts = make_facts(rng, "renouvellement" if piece_type == "payslip" else
                               "stage" if piece_type == "internship_agreement" else "changement_statut",
                               dt.date(2026, 6, 1))
            facts.families = families
            pieces.append(BUILDERS[piece_type](facts, rng))
            states.append(rng.getstate())
        assert states[0] == states[1]
        if pieces[0].family in FRESH_NAMES:
            fresh_drawn += 1
        else:
            assert pieces[0].fields == pieces[1].fields and pieces[0].family == pieces[1].family
            assert pieces[0].sheets == pieces[1].sheets and pieces[0].cards == pieces[1].cards
            assert pieces[0].mrz == pieces[1].mrz
    assert fresh_drawn > 0


def _diplomas_with_and_without(later: frozenset[str], seeds: int) -> Counter:
    """The families drawn over `seeds` diplomas; every diploma not of a `later` family is the one made with them
    excluded, and the generator's stream ends where it did."""
    drawn: Counter = Counter()
    for seed in range(seeds):
        pieces, states = [], []
        for families in (None, FamilyFilter(exclude=later)):
            rng = random.Random(seed)
            facts = make_facts(rng, "changement_statut", dt.date(2026, 6, 1))
            facts.families = families
            pieces.append(BUILDERS["diploma"](facts, rng))
            states.append(rng.getstate())
        assert states[0] == states[1]
        drawn[pieces[0].family] += 1
        if pieces[0].family not in later:
            assert pieces[0].fields == pieces[1].fields and pieces[0].sheets == pieces[1].sheets
    return drawn


def test_a_later_wave_leaves_the_earlier_draws_as_they_were():
    """`diploma:school_band` (wave 1) takes some diplomas; every other one, `diploma:conferred` included, is the
    diploma made before it existed (it and the waves after it excluded)."""
    drawn = _diplomas_with_and_without(frozenset({"diploma:school_band", "diploma:releve_resultats",
                                                  "diploma:jury_proces_verbal", "diploma:titre_professionnel",
                                                  "diploma:comparabilite", "diploma:traduction_assermentee",
                                                  "diploma:certificat_numerique", "diploma:supplement_diplome",
                                                  "diploma:diplome_maghreb", "diploma:titulo_apostille",
                                                  "diploma:diploma_bilingue_est",
                                                  "diploma:degree_certificate_india",
                                                  "diploma:notarial_certificate_china",
                                                  "diploma:urkunde_allemande",
                                                  "diploma:laurea_italiana"}), 60)
    assert drawn["diploma:school_band"] > 0 and drawn["diploma:conferred"] > 0


def test_the_third_wave_leaves_both_earlier_waves_as_they_were():
    """`diploma:releve_resultats` (wave 2) takes some diplomas; every other one, `conferred` and `school_band`
    included, is the diploma made with it (and the waves after it) excluded."""
    drawn = _diplomas_with_and_without(frozenset({"diploma:releve_resultats", "diploma:jury_proces_verbal",
                                                  "diploma:titre_professionnel", "diploma:comparabilite",
                                                  "diploma:traduction_assermentee", "diploma:certificat_numerique",
                                                  "diploma:supplement_diplome", "diploma:diplome_maghreb",
                                                  "diploma:titulo_apostille",
                                                  "diploma:diploma_bilingue_est",
                                                  "diploma:degree_certificate_india",
                                                  "diploma:notarial_certificate_china",
                                                  "diploma:urkunde_allemande",
                                                  "diploma:laurea_italiana"}), 80)
    assert all(drawn[f"diploma:{name}"] > 0 for name in ("releve_resultats", "school_band", "conferred")), drawn


def test_releve_resultats_diplomas_generate_pass_the_check_and_carry_their_tag(tmp_path):
    """The third fresh diploma family, alone: every diploma of these dossiers is one, truth intact, and the page
    prints the holder in its grid, the degree in its strip and the jury's date under its own label."""
    name = "diploma:releve_resultats"
    assert len(_diplomas_alone(name, (31, 32, 33), tmp_path)) >= 3
    for seed in (4, 5, 6):
        data, _, fields = render_piece("diploma", seed, "born_digital", FamilyFilter(frozenset({name})))
        award = dt.date.fromisoformat(str(fields["award_date"]))
        text = _text(data)
        assert re.search(rf"Jury réuni le :\s*({award:%d/%m/%Y}|{award.day}(er)? \w+ {award.year})", text), text
        surname, given = (re.escape(str(fields[k])) for k in ("holder_surname", "holder_given_names"))
        assert re.search(rf"Nom[^\r\n]*\s+{surname}\s+Prénoms?(\(s\))?\s+{given}\s", text), text
        assert f"{fields['title']}" in text


def test_the_fourth_wave_leaves_the_three_earlier_waves_as_they_were():
    """`diploma:jury_proces_verbal` (wave 3) takes some diplomas; every other one, the three earlier fresh families
    included, is the diploma made with it (and the waves after it) excluded."""
    drawn = _diplomas_with_and_without(frozenset({"diploma:jury_proces_verbal", "diploma:titre_professionnel",
                                                  "diploma:comparabilite", "diploma:traduction_assermentee",
                                                  "diploma:certificat_numerique", "diploma:supplement_diplome",
                                                  "diploma:diplome_maghreb", "diploma:titulo_apostille",
                                                  "diploma:diploma_bilingue_est",
                                                  "diploma:degree_certificate_india",
                                                  "diploma:notarial_certificate_china",
                                                  "diploma:urkunde_allemande",
                                                  "diploma:laurea_italiana"}), 120)
    assert all(drawn[f"diploma:{name}"] > 0 for name in ("jury_proces_verbal", "releve_resultats", "school_band",
                                                           "conferred")), drawn


def _printed_diplomas(name: str, seeds: tuple[int, ...]) -> list[tuple[str, dict, dt.date, str]]:
    """(text, truth, award date, the "Fait à …, le <date>" date) of born-digital diplomas of the family `name`
    alone, each printing its holder, its title, the date it was conferred and a place and date it was made."""
    printed = []
    for seed in seeds:
        data, _, fields = render_piece("diploma", seed, "born_digital", FamilyFilter(frozenset({name})))
        assert fields["_family"] == name
        award = dt.date.fromisoformat(str(fields["award_date"]))
        text = _text(data)
        assert re.search(rf"({award:%d/%m/%Y}|{award.day}(er)? \w+ {award.year})", text), text
        made = re.search(r"Fait à [^,\r\n]+, le (\d{2}/\d{2}/\d{4}|\d{1,2}(er)? \w+ \d{4})?", text)
        assert made, text
        flat = _flat(text)
        for key in ("holder_surname", "holder_given_names", "title"):
            assert _flat(str(fields[key])) in flat, (seed, key)
        printed.append((text, fields, award, made.group(1) or ""))
    return printed


def _french_date(text: str) -> dt.date:
    """"05/03/2022" or "5 mars 2022" (or "1er mars 2022")."""
    if "/" in text:
        return dt.datetime.strptime(text, "%d/%m/%Y").date()
    day, month, year = text.split()
    return dt.date(int(year), MONTHS_FR.index(month) + 1, int(day.removesuffix("er")))


def test_jury_proces_verbal_diplomas_generate_pass_the_check_and_carry_their_tag(tmp_path):
    """The fourth fresh diploma family, alone: every diploma of these dossiers is one, truth intact, and the page
    prints the holder, the degree and the date the jury sat, and a later edition date."""
    name = "diploma:jury_proces_verbal"
    assert len(_diplomas_alone(name, (41, 42, 43), tmp_path)) >= 3
    for text, _, _, _ in _printed_diplomas(name, (4, 5, 6, 7, 8, 9)):
        assert "JURY" in text.upper()


def test_the_fifth_wave_leaves_the_four_earlier_waves_as_they_were():
    """`diploma:titre_professionnel` (wave 4) takes some diplomas; every other one, the four earlier fresh
    families included, is the diploma made with it (and the waves after it) excluded."""
    drawn = _diplomas_with_and_without(frozenset({"diploma:titre_professionnel", "diploma:comparabilite",
                                                  "diploma:traduction_assermentee", "diploma:certificat_numerique",
                                                  "diploma:supplement_diplome", "diploma:diplome_maghreb",
                                                  "diploma:titulo_apostille",
                                                  "diploma:diploma_bilingue_est",
                                                  "diploma:degree_certificate_india",
                                                  "diploma:notarial_certificate_china",
                                                  "diploma:urkunde_allemande",
                                                  "diploma:laurea_italiana"}), 150)
    assert all(drawn[f"diploma:{name}"] > 0 for name in ("titre_professionnel", "jury_proces_verbal",
                                                           "releve_resultats", "school_band", "conferred")), drawn


def _issued_after_award(name: str, seeds: tuple[int, ...], folder: Path) -> list[tuple[str, dict]]:
    """(text, truth) of the family `name`'s diplomas, alone: the dossiers drawn with it pass the check, and every page
    prints its holder, title and award date, and is made at a later date."""
    assert len(_diplomas_alone(name, seeds, folder)) >= 3
    printed = _printed_diplomas(name, (4, 5, 6, 7, 8, 9))
    assert all(made and _french_date(made) > award for _, _, award, made in printed), [p[3] for p in printed]
    return [(text, fields) for text, fields, _, _ in printed]


def test_titre_professionnel_diplomas_generate_pass_the_check_and_carry_their_tag(tmp_path):
    """The fifth fresh diploma family, alone (held out in place of `jury_proces_verbal`, retired since): every
    diploma of these dossiers is one, truth intact, and the page prints the holder, the title, the date the jury sat
    and a later issue date, signed for the minister."""
    name = "diploma:titre_professionnel"
    assert name in RETIRED and "diploma:jury_proces_verbal" in RETIRED
    for text, _ in _issued_after_award(name, (51, 52, 53), tmp_path):
        assert "TITRE PROFESSIONNEL" in text.upper() and "par délégation" in text


def test_the_sixth_wave_leaves_the_five_earlier_waves_as_they_were():
    """`diploma:comparabilite` (wave 5) takes some diplomas (those of foreign universities); every other one, the five
    earlier fresh families included, is the diploma made with it (and the waves after it) excluded."""
    drawn = _diplomas_with_and_without(frozenset({"diploma:comparabilite", "diploma:traduction_assermentee",
                                                  "diploma:certificat_numerique", "diploma:supplement_diplome",
                                                  "diploma:diplome_maghreb", "diploma:titulo_apostille",
                                                  "diploma:diploma_bilingue_est",
                                                  "diploma:degree_certificate_india",
                                                  "diploma:notarial_certificate_china",
                                                  "diploma:urkunde_allemande",
                                                  "diploma:laurea_italiana"}), 150)
    assert all(drawn[f"diploma:{name}"] > 0 for name in ("comparabilite", "titre_professionnel", "jury_proces_verbal",
                                                           "releve_resultats", "school_band", "conferred")), drawn


def test_comparabilite_diplomas_generate_pass_the_check_and_carry_their_tag(tmp_path):
    """The sixth fresh diploma family, alone and held out in place of `titre_professionnel`: every diploma of these
    dossiers is one, truth intact, and the page prints the holder, the foreign title, the date it was awarded and a
    later issue date in Sèvres, and the level it compares to."""
    name = "diploma:comparabilite"
    assert {name, "diploma:titre_professionnel"} <= set(RETIRED)
    printed = _issued_after_award(name, (61, 62, 63), tmp_path)
    assert all("COMPARABILITÉ" in text.upper() and "Fait à Sèvres" in text for text, _ in printed)
    assert all(re.search(r"comparable\s+à\s+une?\s.{0,60}?niveau\s+\d", text, re.DOTALL) for text, _ in printed)


# The families whose own test files render them neither scanned nor photographed, each in one of the two in turn
# (the scan and the photo are drawn from the family's sheets by the same code, which test_photo_synth.py tests).
OTHERS_RENDERED = [name for name in FRESH_NAMES if name not in rendered_by_their_own_tests()]


@pytest.mark.parametrize(("name", "turn"), [(name, k % 2) for k, name in enumerate(OTHERS_RENDERED)])
def test_each_fresh_family_scanned_or_photographed(name, turn):
    piece_type = name.split(":")[0]
    render = (("photocopy", "photo") if piece_type in CARDS else ("scan", "photo"))[turn]
    rendered, fields = render_piece_file(piece_type, 4, render, FamilyFilter(frozenset({name})))
    assert fields["_family"] == name and f"render:{render}" in rendered.tags
    assert rendered.media_type in ("application/pdf", "image/jpeg", "image/png", "image/tiff")
    assert len(rendered.data) > 20_000
