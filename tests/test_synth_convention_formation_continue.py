"""The fifth fresh internship family, `internship_agreement:convention_formation_continue` (wave 4), written once
`convention_pfmp` had been looked at: a training organisation's agreement for an adult in continuing vocational
training (a "stage en entreprise" or a titre professionnel's "période d'application en entreprise"). It renders born
digital on two pages, scanned and photographed, prints its truth (the dates of the period in the company, the weekly
hours, the gratification per month or per hour with its monthly sum) beside its distractors (the course's own dates
and hours, the allowance the Région or France Travail pays, the organisation's declaration number and SIRET), carries
its family tag in whole dossiers that pass `synth check`, and leaves every other piece of a dossier (and the earlier
fresh families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from synth.api import CHECKED_ON
from synth.fmt import date_long, date_slash, euros, hours_fr
from synth.layout import Text
from synth.pieces.fresh_internship_fpc import convention_formation_continue
from synth.pieces.fresh_words import date_with_weekday
from synth.scenario import make_facts
from tests import fresh_waves as waves
from tests.fresh_waves import squeezed as _flat

NAME = "internship_agreement:convention_formation_continue"
WAVES = {"university_tripartite": 0, "school_portal": 1, "bilingual_traineeship": 2, "convention_pfmp": 3,
         "convention_formation_continue": 4}
TITLES = ("CONVENTION DE STAGE EN ENTREPRISE", "CONVENTION DE PÉRIODE D'APPLICATION EN ENTREPRISE (PAE)",
          "CONVENTION DE STAGE PRATIQUE EN ENTREPRISE")


def _spelled(day: dt.date) -> str:
    return "|".join(re.escape(spell(day)) for spell in (date_slash, date_long, date_with_weekday))


def test_listed_last_later_and_drawn_in_the_fifth_wave():
    waves.listed_last_in_its_wave(NAME, WAVES)


# seed 2: no gratification; 3: the legal hourly rate with its monthly sum; 4: another monthly amount
@pytest.mark.parametrize("seed", (2, 3, 4))
def test_born_digital_prints_its_truth_beside_the_organisation_and_the_course(seed):
    ((layer, pages, fields),) = waves.born_digital_texts(NAME, range(seed, seed + 1))
    text, flat = " ".join(layer.split()), _flat(layer)
    assert pages == 2
    for key in ("institution_name", "host_name", "host_siret", "intern_surname", "intern_given_names"):
        assert _flat(str(fields[key])) in flat, key
    # the characteristic wording: a training organisation's convention, its Qualiopi mention and declaration number
    assert any(title in text for title in TITLES), text
    for words in ("L'organisme de formation", "L'entreprise d'accueil", "Qualiopi", "Formateur référent",
                  "Tuteur en entreprise", "feuille d'émargement", "stagiaire de la formation professionnelle",
                  "La certification qualité a été délivrée au titre de la catégorie d'action suivante",
                  "Cet enregistrement ne vaut pas agrément de l'État"):
        assert _flat(words) in flat, words
    assert re.search(r"déclaration d'activité \d{2} ?\d{2} ?\d{5} ?\d{2}", text), text
    # the period, the weekly hours, the gratification
    start, end = (dt.date.fromisoformat(str(fields[key])) for key in ("start_date", "end_date"))
    assert re.search(rf"se déroule du ({_spelled(start)}) au ({_spelled(end)}) inclus", text), text
    assert f"Durée hebdomadaire de présence : {hours_fr(float(fields['weekly_hours']))} heures" in text
    grat = float(fields["monthly_gratification"])
    if grat == 0:
        assert "ne verse aucune gratification" in text
    else:
        assert re.search(rf"gratification (mensuelle )?de ([\d,]+ € par heure de présence, soit )?"
                         rf"{re.escape(euros(grat))}( par mois)?", text), text
    # the course runs longer than the period, in more hours
    course = re.search(r"Dates de la formation : du (\S+) au (\S+)\. Durée totale : ([\d ]+) heures, dont (\d+) heures "
                       r"en centre de formation et (\d+) heures en entreprise", text)
    assert course, text
    first, last = (dt.datetime.strptime(course.group(i), "%d/%m/%Y").date() for i in (1, 2))
    assert first < start and last > end
    total, centre, company = int(course.group(3).replace(" ", "")), int(course.group(4)), int(course.group(5))
    assert total == centre + company and centre > company


def test_the_allowance_for_the_course_is_never_the_gratification():
    """Built directly over many facts: always two pages, and the monthly amount the Région or France Travail pays (a
    distractor beside the gratification) differs from it."""
    allowances = 0
    for seed in range(25):
        rng = random.Random(seed)
        facts = make_facts(rng, "stage", CHECKED_ON)
        piece = convention_formation_continue(facts, random.Random(seed))
        assert len(piece.sheets) == 2, seed
        text = " ".join(e.text for sheet in piece.sheets for e in sheet.elements if isinstance(e, Text))
        status = re.search(r"(AREF\)|\(RFFT\) :|formation professionnelle, soit).*?([\d ]+,\d{2}) € par mois", text)
        if status:
            allowances += 1
            assert float(status.group(2).replace(" ", "").replace(",", ".")) != piece.fields["monthly_gratification"]
    assert allowances > 15


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 5)


def test_in_whole_dossiers_alone_and_beside_the_older_families(tmp_path):
    """Drawn alone for its type, every agreement of a dossier is one and the folder passes the check; drawn with and
    without it, a dossier keeps every other piece, with the same truth (seed 9 draws it)."""
    assert waves.dossiers_of_only(NAME, ((2, "stage", 0.0, 0.0),), tmp_path / "alone") == {"render:born_digital": 1}
    assert waves.dossiers_with_and_without(NAME, "stage", (9,), tmp_path / "beside") == 1


def test_the_fifth_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece over 90 facts: every agreement not of the new family is the one made with it excluded, the
    generator's stream ends where it did, and the four earlier fresh families are still drawn."""
    drawn = waves.pieces_with_and_without(NAME, "stage", range(90))
    assert all(drawn[f"internship_agreement:{name}"] > 0 for name in WAVES), drawn
