"""The third fresh internship family, `internship_agreement:bilingual_traineeship` (wave 2), written once
`school_portal` had been looked at: the bilingual "Convention de stage / Internship Agreement" of a school's
international office. It renders born digital, scanned and photographed, prints its truth (the allowance as an
hourly rate beside the monthly amount), carries its family tag in whole dossiers that pass `synth check`, and
leaves every other piece of a dossier (and the earlier fresh families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pypdfium2 as pdfium

from synth import generate_dossier, render_piece
from synth.families import FamilyFilter
from synth.fmt import date_long, euros, hours_fr
from synth.validate import check_folder, truth_problems
from tests.fresh_waves import (
    dossiers_with_and_without,
    listed_last_in_its_wave,
    pieces_with_and_without,
)

NAME = "internship_agreement:bilingual_traineeship"
ONLY = FamilyFilter(frozenset({NAME}))


def _text(pdf: bytes) -> str:
    return "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


def test_listed_last_later_and_drawn_in_the_third_wave():
    listed_last_in_its_wave(NAME, {"university_tripartite": 0, "school_portal": 1, "bilingual_traineeship": 2})


def test_born_digital_prints_its_truth_in_both_languages():
    seen = Counter()
    for seed in range(1, 11):
        data, media_type, fields = render_piece("internship_agreement", seed, "born_digital", ONLY)
        assert media_type == "application/pdf" and fields["_family"] == NAME
        text = _text(data)
        flat = _flat(text)
        for key in ("institution_name", "host_name", "host_siret", "intern_surname", "intern_given_names"):
            assert _flat(str(fields[key])) in flat, (seed, key)
        for fr, en in (("CONVENTION DE STAGE", "INTERNSHIP AGREEMENT"), ("Organisme d'accueil", "Host organisation"),
                       ("Stagiaire", "Trainee"), ("Durée hebdomadaire", "Weekly hours"), ("Tuteur", "Supervisor"),
                       ("Gratification", "Allowance"), ("Pour l'organisme d'accueil", "For the host organisation")):
            assert _flat(fr) in flat and _flat(en) in flat, (seed, fr)
        for key in ("start_date", "end_date"):
            day = dt.date.fromisoformat(str(fields[key]))
            assert f"{day:%d/%m/%Y}" in text or date_long(day) in text, (seed, key)
        hours = hours_fr(float(fields["weekly_hours"]))
        assert re.search(rf"Weekly hours\s*{hours} heures / ", text), text
        grat = float(fields["monthly_gratification"])
        if grat == 0:
            assert re.search(r"Gratification / Allowance\s*Non / No|Allowance\s*Non / No", text), text
            seen["none"] += 1
        else:
            assert f"{euros(grat)} par mois" in text and "HOURLYRATE" in flat, (seed, grat)
            seen["legal" if "minimum légal" in text else "other"] += 1
    assert set(seen) == {"none", "legal", "other"}, seen


def test_in_dossiers_born_digital_scanned_and_photographed(tmp_path):
    """Whole `stage` dossiers drawn with the family alone, one born digital, one scanned, one photographed: the
    agreement carries its family tag and its render, the truth has no problem and the folder passes the check."""
    only = FamilyFilter.parse(NAME, None)
    renders = []
    for seed, scan_ratio, photo_ratio in ((71, 0.0, 0.0), (72, 1.0, 0.0), (73, 1.0, 1.0)):
        truth = generate_dossier(seed, "folder", tmp_path, procedure="stage", scan_ratio=scan_ratio,
                                 photo_ratio=photo_ratio, families=only).truth
        assert truth_problems(truth) == []
        (agreement,) = [piece for piece in truth["pieces"] if piece["type"] == "internship_agreement"]
        assert {t for t in agreement["tags"] if t.startswith("family:")} == {f"family:{NAME}"}
        renders += [t for t in agreement["tags"] if t.startswith("render:")]
        assert agreement["pages"], agreement
    assert renders == ["render:born_digital", "render:scan", "render:photo"]
    assert check_folder(tmp_path / "truth") == {}


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the new family: the same pieces, with the same truth, bar its own."""
    assert dossiers_with_and_without(NAME, "stage", (11, 12, 19, 22, 23), tmp_path) > 0  # 19, 22, 23 draw it


def test_the_third_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece: every agreement not of the new family is the one made with it excluded, the generator's
    stream ends where it did, and the two earlier fresh families are still drawn."""
    drawn = pieces_with_and_without(NAME, "stage", range(150))
    assert all(drawn[f"internship_agreement:{name}"] > 0
               for name in ("bilingual_traineeship", "school_portal", "university_tripartite")), drawn
