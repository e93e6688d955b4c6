"""The fresh diploma family `diploma:diplome_maghreb` (tenth wave), written once `diploma:supplement_diplome` had been
looked at: the original diploma, printed in French, of a university of the Maghreb or of French-speaking Africa. It
renders born digital (one page, landscape or portrait), scanned and photographed; it prints the State's heading, the
"Vu …" recitals, the holder, the title alone on its line, the jury's date (the truth's award date) once, and the later
"Fait à …, le …" beside the birth date and the registration number; it carries its family tag in whole dossiers,
passes `synth check`, is drawn for French-language degrees of workers from those countries, and leaves every other
piece (and the earlier fresh diploma families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re

from synth.families import FAMILIES
from synth.fmt import MONTHS_FR, date_long, date_slash
from synth.pieces import BUILDERS
from synth.pieces.fresh import FRESH
from synth.pieces.fresh_diploma_maghreb import STATES
from synth.scenario import make_facts
from tests import fresh_waves as waves
from tests.test_synth_families_fresh import (
    _french_date as _date,  # "05/03/2022" or "5 mars 2022"
)

NAME = "diploma:diplome_maghreb"
DATE = rf"(\d{{2}}/\d{{2}}/\d{{4}}|\d{{1,2}}(?:er)? (?:{'|'.join(MONTHS_FR)}) \d{{4}})"
# what leads to the jury's date: a recital's minutes, or a label
JURY_LEAD = (r"(?:du jury du|en date du|délibération réunie le|Date de délibération :|Délibération du jury :|"
             r"Date du jury :|Date de la délibération :)")
PLACE = r"(?:Fait à )?[A-ZÉ][\w'-]+(?: [\w'-]+)*, le "  # "Fait à Tizi-Ouzou, le", "Fès, le"
FREE_SEEDS = (28, 32)  # make_facts seeds on which the family is drawn with nothing excluded
WHERE = {"MAR", "TUN", "SEN", "MLI", "CIV", "CMR"}


def test_registered_last_of_its_type_and_drawn_in_the_tenth_wave():
    assert FAMILIES["diploma"].index("diplome_maghreb") > FAMILIES["diploma"].index("supplement_diplome")
    earlier = ("conferred", "school_band", "releve_resultats", "jury_proces_verbal", "titre_professionnel",
               "comparabilite", "traduction_assermentee", "certificat_numerique", "supplement_diplome")
    waves.listed_last_in_its_wave(NAME, {**{name: wave for wave, name in enumerate(earlier)}, "diplome_maghreb": 9})


def test_renders_born_digital_with_its_recitals_and_its_truth():
    headers = {state.header for state in STATES.values()}
    for text, pages, fields in waves.born_digital_texts(NAME, range(1, 4)):
        assert pages == 1
        lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").splitlines()]
        flat = " ".join(text.split())
        assert any(header in flat for header in headers), lines[:4]
        assert "Ministère de" in flat and flat.count("Vu ") >= 1 and re.search(r"(délivre|décerne|confère)", flat,
                                                                              re.IGNORECASE)
        assert fields["holder_surname"] in flat
        assert fields["holder_given_names"] in flat or fields["holder_given_names"].upper() in flat
        title = fields["title"]
        assert title in lines or title.upper() in lines, lines
        award = dt.date.fromisoformat(fields["award_date"])
        assert {_date(m.group(1)) for m in re.finditer(JURY_LEAD + " " + DATE, flat)} == {award}, (award, flat)
        made = [_date(m.group(1)) for m in re.finditer(PLACE + DATE, flat)]
        assert made and all(day > award for day in made), (award, flat)
        assert re.search(r"né(e|\(e\))? le " + DATE, flat) and re.search(r"(N° d'enregistrement|N° du diplôme|"
                                                                          r"Enregistré sous le n°|N° :)", flat)


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 3)  # seed 2 curls the photo: three times as long


def test_drawn_free_for_french_degrees_of_workers_from_there():
    """Left free, it is drawn for French-language degrees of workers from the six countries; the truth is the facts'
    own, and the birth date is printed apart from the award date."""
    fits = next(f for f in FRESH["diploma"] if f.layout == "diplome_maghreb").fits
    for seed in range(10):
        facts = make_facts(random.Random(seed), "changement_statut", dt.date(2026, 6, 1))
        assert fits(facts) is (not facts.diploma.english and facts.person.country.code in WHERE)
    for seed in FREE_SEEDS:
        rng = random.Random(seed)
        facts = make_facts(rng, "changement_statut", dt.date(2026, 6, 1))
        piece = BUILDERS["diploma"](facts, rng)
        assert piece.family == NAME and fits(facts)
        assert piece.fields == {"holder_surname": facts.person.surname, "holder_given_names": facts.diploma.given_names,
                                "title": facts.diploma.title, "award_date": facts.diploma.award_date.isoformat()}
        printed = " ".join(e.text for sheet in piece.sheets for e in sheet.elements if hasattr(e, "text"))
        born = facts.person.birth_date
        assert date_slash(born) in printed or date_long(born) in printed


def test_earlier_waves_kept():
    """Every other diploma, the nine earlier fresh families included, is the one made with it excluded, and the
    generator's stream ends where it did; every fresh family is still drawn."""
    drawn = waves.pieces_with_and_without(NAME, "changement_statut", range(60))
    # every wave up to degree_certificate_india's (12): notarial_certificate_china's, for workers from China only,
    # first draws at seed 287
    assert all(drawn[f"diploma:{f.layout}"] > 0 for f in FRESH["diploma"] if f.wave <= 12), drawn


def test_in_dossiers_carries_its_tag_and_passes_the_check(tmp_path):
    assert waves.dossiers_of_only(NAME, ((7, "changement_statut", 0.0, 0.0),), tmp_path) == {"render:born_digital": 1}


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the family (seed 0 draws it): the same pieces, with the same truth, bar
    its own."""
    assert waves.dossiers_with_and_without(NAME, "changement_statut", (0,), tmp_path) > 0
