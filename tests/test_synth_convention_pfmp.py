"""The fourth fresh internship family, `internship_agreement:convention_pfmp` (wave 3), written once
`bilingual_traineeship` had been looked at: a vocational school's convention on the national model (a lycée's PFMP
for a Bac Pro pupil, a BTS section's "stage en entreprise"; an IUT's when the filter forces it on a university). It
renders born digital, scanned and photographed, prints its truth (the dates of the period, the weekly total of the
timetable, the gratification per month or per hour with its monthly sum), is drawn only for schools that run such
classes, carries its family tag in whole dossiers that pass `synth check`, and leaves every other piece of a dossier
(and the earlier fresh families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from synth.fmt import date_slash, euros, hours_fr
from synth.pieces.fresh_words import date_with_weekday
from tests import fresh_waves as waves
from tests.fresh_waves import squeezed as _flat

NAME = "internship_agreement:convention_pfmp"
WAVES = {"university_tripartite": 0, "school_portal": 1, "bilingual_traineeship": 2, "convention_pfmp": 3}


def test_listed_last_later_and_drawn_in_the_fourth_wave():
    waves.listed_last_in_its_wave(NAME, WAVES)


# seed 8: a Bac Pro pupil's PFMP (a short period, a young adult, an 'Institut'); 5: a BTS student's stage;
# 1: a university's facts, which only the family filter can give it (an IUT's convention then)
@pytest.mark.parametrize(("seed", "course"), ((8, "pupil"), (5, "bts"), (1, "iut")))
def test_born_digital_prints_its_truth_on_the_national_model(seed, course):
    ((layer, pages, fields),) = waves.born_digital_texts(NAME, range(seed, seed + 1))
    text, flat = " ".join(layer.split()), _flat(layer)
    assert 2 <= pages <= 3
    for key in ("institution_name", "host_name", "host_siret", "intern_surname", "intern_given_names"):
        assert _flat(str(fields[key])) in flat, key
    # the characteristic wording: the parties in turn, the titles, the two annexes, four signatories
    assert re.search(r"Entre :\s*l'(établissement d'enseignement|entreprise \(ou l'organisme d'accueil\))", text)
    assert "et :" in text and "(ou l'organisme d'accueil)" in text and "en qualité de" in text
    for words in ("TITRE I – DISPOSITIONS GÉNÉRALES", "TITRE II – DISPOSITIONS PARTICULIÈRES",
                  "A – ANNEXE PÉDAGOGIQUE", "B – ANNEXE FINANCIÈRE", "Horaires journaliers", "Tuteur en entreprise",
                  "Enseignant(e) référent(e)", "Le chef d'établissement", "Le représentant de l'entreprise"):
        assert _flat(words) in flat, words
    assert re.search(r"UAI : \d{7}[A-Z]", text), text
    pupil = "concernant l'élève :" in text
    assert pupil == (course == "pupil")
    if pupil:
        assert "CONVENTION RELATIVE À LA FORMATION EN MILIEU PROFESSIONNEL" in text and "Bac Pro" in text
        assert "L'élève (ou son représentant légal" in text
    else:
        assert "CONVENTION DE STAGE EN ENTREPRISE" in text and "concernant l'étudiant(e) :" in text
        assert ("BUT " if course == "iut" else "BTS ") in text
    # the period, the weekly hours (a total under the timetable, then in a sentence), the gratification
    start, end = (dt.date.fromisoformat(str(fields[key])) for key in ("start_date", "end_date"))
    assert (f"Du {date_slash(start)} au {date_slash(end)}" in text
            or f"Du {date_with_weekday(start)} au {date_with_weekday(end)}" in text), text
    hours = hours_fr(float(fields["weekly_hours"]))
    assert f"Durée hebdomadaire de présence : {hours} heures" in text
    assert re.search(rf"Total hebdomadaire\s*{hours} h", text), text
    grat = float(fields["monthly_gratification"])
    if grat == 0:
        assert re.search(r"5\. Gratification\s*(Sans objet|Néant)", text), text
    else:
        assert (f"soit {euros(grat)} par mois" in text or f"Montant : {euros(grat)} par mois" in text
                or f"Montant mensuel : {euros(grat)}" in text), text


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 8)  # two pages


def test_drawn_for_vocational_schools_only():
    """Left free, the family takes some agreements, and never a university's: a university has no Bac Pro nor BTS
    class and does not sign the national model."""
    waves.drawn_only_where(NAME, "stage", range(400), lambda facts: not facts.internship.institution.startswith("Université"))


def test_every_agreement_of_a_whole_dossier_is_one_and_it_passes_the_check(tmp_path):
    renders = waves.dossiers_of_only(NAME, ((2, "stage", 0.0, 0.0),), tmp_path)
    assert renders == {"render:born_digital": 1}, renders


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the new family: the same pieces, with the same truth, bar its own."""
    assert waves.dossiers_with_and_without(NAME, "stage", (34,), tmp_path) == 1  # seed 34 draws it


def test_the_fourth_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece: every agreement not of the new family is the one made with it excluded, the generator's
    stream ends where it did, and the three earlier fresh families are still drawn."""
    drawn = waves.pieces_with_and_without(NAME, "stage", range(90))
    assert all(drawn[f"internship_agreement:{name}"] > 0 for name in WAVES), drawn
