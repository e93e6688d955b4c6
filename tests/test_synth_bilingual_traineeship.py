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

from synth import render_piece
from synth.families import FamilyFilter
from synth.fmt import date_long, euros, hours_fr
from tests.fresh_waves import (
    dossiers_of_only,
    dossiers_with_and_without,
    listed_last_in_its_wave,
    pieces_with_and_without,
    scanned_and_photographed,
)
from tests.fresh_waves import squeezed as _flat

NAME = "internship_agreement:bilingual_traineeship"
ONLY = FamilyFilter(frozenset({NAME}))


def _text(pdf: bytes) -> str:
    return "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


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


def test_scanned_and_photographed():
    scanned_and_photographed(NAME, 4)


def test_in_dossiers_with_its_tag_passing_the_check(tmp_path):
    """Whole `stage` dossiers drawn with the family alone, born digital (the agreement's scans and photos are
    rendered above; whole dossiers cost time): the agreement carries its family tag, the truth has no problem and the
    folder passes the check."""
    renders = dossiers_of_only(NAME, ((71, "stage", 0.0, 0.0), (72, "stage", 0.0, 0.0)), tmp_path)
    assert renders == {"render:born_digital": 2}, renders


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the new family: the same pieces, with the same truth, bar its own."""
    # 22 draws it (19, which did, went to convention_association)
    assert dossiers_with_and_without(NAME, "stage", (12, 22), tmp_path) > 0


def test_the_third_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece: every agreement not of the new family is the one made with it excluded, the generator's
    stream ends where it did, and the two earlier fresh families are still drawn."""
    drawn = pieces_with_and_without(NAME, "stage", range(150))
    assert all(drawn[f"internship_agreement:{name}"] > 0
               for name in ("bilingual_traineeship", "school_portal", "university_tripartite")), drawn
