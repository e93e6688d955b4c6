"""The seventh fresh internship family, `internship_agreement:convention_grande_ecole` (wave 6), written once
`convention_agricole` had been looked at: a business or engineering school's convention de stage printed from
its internship platform — a summary sheet first on most (a grid or label lines, English labels for an international
programme on some), the national model's articles in one or two columns, electronic signature timestamps, an avenant
page on some (postponed dates: the convention keeps the former ones) and an annex on some. It renders born digital,
scanned and photographed, prints its truth beside its distractors, is drawn for schools and never for a university's
facts, carries its family tag in whole dossiers that pass `synth check`, and leaves every other piece of a dossier (and
the earlier fresh families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

from synth.api import CHECKED_ON
from synth.fmt import date_long, date_slash, euros, hours_fr
from synth.layout import Box, Text
from synth.pieces.education import MONTHS_EN
from synth.pieces.fresh_internship_grande_ecole import SHADE, convention_grande_ecole
from synth.pieces.fresh_words import date_with_weekday
from synth.scenario import make_facts
from tests import fresh_waves as waves
from tests.fresh_waves import squeezed as _flat

NAME = "internship_agreement:convention_grande_ecole"
WAVES = {"university_tripartite": 0, "school_portal": 1, "bilingual_traineeship": 2, "convention_pfmp": 3,
         "convention_formation_continue": 4, "convention_agricole": 5, "convention_grande_ecole": 6}


def _spellings(day: dt.date) -> tuple[str, ...]:
    return (date_slash(day), date_long(day), date_with_weekday(day), f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}")


def _day(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


def test_listed_last_later_and_drawn_in_the_seventh_wave():
    waves.listed_last_in_its_wave(NAME, WAVES)


def test_born_digital_prints_its_truth_beside_its_distractors():
    """Seeds 0-5 (university facts forced by the filter among them): 0 postponed by an avenant with an English
    summary, 2 without gratification, 3 at the legal hourly rate, 5 on two pages without a summary."""
    avenants = 0
    for seed, (layer, pages, fields) in enumerate(waves.born_digital_texts(NAME, range(6))):
        text, flat = " ".join(layer.split()), _flat(layer)
        assert 2 <= pages <= 6, seed
        for key in ("institution_name", "host_name", "host_siret", "intern_surname", "intern_given_names"):
            assert _flat(str(fields[key])) in flat, (seed, key)
        for words in ("CONVENTION DE STAGE", "Il a été convenu ce qui suit", "Article 5 bis",
                      "Gratification – avantages", "L'enseignant référent", "Le tuteur de stage",
                      "Nombre total de jours de présence"):
            assert _flat(words) in flat, (seed, words)
        assert re.search(r"Vu le code de l'éducation, notamment ses articles L\. 124-1", text), seed
        start, end = (dt.date.fromisoformat(str(fields[key])) for key in ("start_date", "end_date"))
        assert any(s in text for s in _spellings(start)) and any(s in text for s in _spellings(end)), seed
        hours = hours_fr(float(fields["weekly_hours"]))
        assert re.search(rf"dans l'organisme d'accueil est de {hours} heures", text), seed
        grat = float(fields["monthly_gratification"])
        assert ("aucune gratification n'est versée" in text) if grat == 0 else euros(grat) in text, seed
        # the convention's own period: the truth, or the former dates an avenant postponed (and then gives the truth)
        shown = re.search(r"Le stage se déroulera du (.+?) au (.+?) inclus", text)
        assert shown, seed
        moved = re.search(r"initialement prévu du (\S+) au (\S+), se déroulera du (\S+) au (\S+) inclus", text)
        if moved:
            avenants += 1
            old_start, old_end, new_start, new_end = (_day(moved.group(i)) for i in range(1, 5))
            assert (new_start, new_end) == (start, end) and old_start < start and old_end < end, seed
            assert "AVENANT N° 1 À LA CONVENTION DE STAGE" in text
        else:
            assert shown.group(1) in _spellings(start) and shown.group(2) in _spellings(end), seed
        # distractors: timestamps or handwritten dates, the school's own SIRET, the student number
        assert "Signé électroniquement le" in text or "Lu et approuvé" in text, seed
        assert re.search(r"N° étudiant|n° étudiant|Student ID", text), seed
    assert avenants >= 1


def test_sub_layouts_and_avenants_over_the_seeds():
    """Built directly over 20 facts: the summary sheet in a grid, in lines, in English or absent; the articles in one
    or two columns; the parties in prose or in blocks; the three kinds of avenant; both annexes; e-signed or not."""
    seen: Counter = Counter()
    for seed in range(20):
        facts = make_facts(random.Random(seed), "stage", CHECKED_ON)
        piece = convention_grande_ecole(facts, random.Random(seed))
        first = [e for e in piece.sheets[0].elements if isinstance(e, Text)]
        texts = [e for sheet in piece.sheets for e in sheet.elements if isinstance(e, Text)]
        joined = " ".join(e.text for e in texts)
        if any("SUMMARY SHEET" in e.text for e in first):
            seen["summary:english"] += 1
        elif any("RÉCAPITULATI" in e.text for e in first):
            grid = any(isinstance(e, Box) and e.fill == SHADE for e in piece.sheets[0].elements)
            seen["summary:grid" if grid else "summary:lines"] += 1
        else:
            seen["summary:none"] += 1
        articles = [e for e in texts if e.text.startswith("Article ")]
        seen["columns:2" if any(e.x > 100 for e in articles) else "columns:1"] += 1
        seen["parties:prose" if any(e.text == "ENTRE" for e in texts) else "parties:blocks"] += 1
        for kind, words in (("avenant:dates", "initialement prévu du"), ("avenant:tuteur", "initialement désign"),
                            ("avenant:teletravail", "modalités de télétravail"),
                            ("annex:proof", "DOSSIER DE PREUVE"), ("annex:insurance", "ATTESTATION D'ASSURANCE"),
                            ("esign", "Signé électroniquement"), ("cesure", "période de césure")):
            if words in joined:
                seen[kind] += 1
        assert len(piece.sheets) <= 6, seed
    assert all(seen[k] > 0 for k in ("summary:english", "summary:grid", "summary:lines", "summary:none", "columns:1",
                                     "columns:2", "parties:prose", "parties:blocks", "avenant:dates",
                                     "avenant:tuteur", "avenant:teletravail", "annex:proof", "annex:insurance",
                                     "esign", "cesure")), seen
    assert seen["esign"] < 20, seen


def test_drawn_for_schools_only():
    """Left free, the family takes some agreements, and never a university's."""
    waves.drawn_only_where(NAME, "stage", range(300), lambda facts: not facts.internship.institution.startswith("Université"))


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 9)  # two pages


def test_in_whole_dossiers_alone_and_beside_the_older_families(tmp_path):
    """Drawn alone for its type, every agreement of a dossier is one and the folder passes the check; drawn with and
    without it, a dossier keeps every other piece, with the same truth (seed 27 draws it)."""
    assert waves.dossiers_of_only(NAME, ((2, "stage", 0.0, 0.0),), tmp_path / "alone") == {"render:born_digital": 1}
    assert waves.dossiers_with_and_without(NAME, "stage", (27,), tmp_path / "beside") == 1


def test_the_seventh_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece over 40 facts: every agreement not of the new family is the one made with it excluded, the
    generator's stream ends where it did, and the six earlier fresh families are still drawn."""
    drawn = waves.pieces_with_and_without(NAME, "stage", range(40))
    assert all(drawn[f"internship_agreement:{name}"] > 0 for name in WAVES), drawn
