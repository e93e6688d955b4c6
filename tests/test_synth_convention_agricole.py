"""The sixth fresh internship family, `internship_agreement:convention_agricole` (wave 5), written once
`convention_formation_continue` had been looked at: the convention de stage of the enseignement agricole (a public
EPLEFPA or a private lycée agricole, for a BTSA or licence pro student), with the "chef d'établissement", the "maître de
stage", the host's MSA affiliation, the période(s) de stage — in two periods on some —, the "durée hebdomadaire de
présence" with a timetable, the "gratification" / "indemnité de stage", numbered articles and a five-signer table. It
renders born digital on two or three pages, scanned and photographed, prints its truth beside its distractors (the
establishment's UAI and SIRET, the DRAAF, the referent teacher, the signature dates, the timetable's hours), carries its
family tag in whole dossiers that pass `synth check`, is never drawn for a university's facts when left free, and
leaves every other piece of a dossier (and the earlier fresh families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

from synth.api import CHECKED_ON
from synth.fmt import date_long, date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.pieces import BUILDERS
from synth.pieces.fresh_words import date_with_weekday
from synth.rules import INTERN_HOURLY_MIN, value_at
from synth.scenario import make_facts
from tests import fresh_waves as waves
from tests.fresh_waves import squeezed as _flat

NAME = "internship_agreement:convention_agricole"
WAVES = {"university_tripartite": 0, "school_portal": 1, "bilingual_traineeship": 2, "convention_pfmp": 3,
         "convention_formation_continue": 4, "convention_agricole": 5}
HOSTS = ("L'EXPLOITATION AGRICOLE", "L'ORGANISME D'ACCUEIL", "L'ENTREPRISE D'ACCUEIL")
WORDING = ("CONVENTION DE STAGE", "La présente convention est conclue entre", "Maître de stage", "N° UAI",
           "Le maître de stage", "le chef d'établissement", "Enseignant(e) référent(e)",
           "L. 751-1 du code rural et de la pêche maritime", "Vu le code rural et de la pêche maritime",
           "Son représentant légal (s'il est mineur)", "Il est convenu ce qui suit")
LENGTH = r"(\d+ h(?: \d{2})?|—)"


def _spelled(day: dt.date) -> str:
    return "|".join(re.escape(spell(day)) for spell in (date_slash, date_long, date_with_weekday))


def _minutes(length: str) -> int:
    if length == "—":
        return 0
    hours, _, minutes = length.partition(" h")
    return int(hours) * 60 + int(minutes or 0)


def test_listed_last_later_and_drawn_in_the_sixth_wave():
    waves.listed_last_in_its_wave(NAME, WAVES)


def test_born_digital_prints_its_truth_beside_the_establishment():
    seen: Counter = Counter()
    for text, pages, fields in waves.born_digital_texts(NAME, range(1, 9)):
        flat, squeezed = " ".join(text.split()), _flat(text)
        assert pages in (2, 3)
        seen[f"{pages} pages"] += 1
        for key in ("institution_name", "host_name", "intern_surname", "intern_given_names"):
            assert _flat(str(fields[key])) in squeezed, key
        siret = str(fields["host_siret"])
        assert siret in flat or siret_spaced(siret) in flat
        for words in WORDING:
            assert words in flat, words
        assert "tuteur" not in flat.lower()  # the maître de stage, in the enseignement agricole
        # the head signs as "chef d'établissement" (a university's, drawn only when nothing else is allowed, by
        # delegation of its president)
        assert ("Le chef d'établissement" in flat) != fields["institution_name"].startswith("Université")
        numbers = [int(n) for n in re.findall(r"(?:Article|ARTICLE) (\d+) [–:]", flat)]
        assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 12, numbers
        # the establishment's own numbers, distractors: its UAI, and a SIRET that is not the host's
        own = re.search(r"UAI (\d{7}[A-Z]) – SIRET (\d{3} \d{3} \d{3} \d{5})", flat)
        assert own and f"N° UAI {own.group(1)}" in flat and own.group(2).replace(" ", "") != siret, flat
        seen["public" if "MINISTÈRE DE L'AGRICULTURE" in flat else "private"] += 1
        seen["panels" if re.search(r"\b1 L'ÉTABLISSEMENT .* 2 L'.* 3 L", flat) else "lines"] += 1
        seen.update(host for host in HOSTS if host in flat)
        if "N° PACAGE" in flat:  # a farm: its MSA caisse and its PACAGE number
            seen["farm"] += 1
            assert re.search(r"N° PACAGE \d{9}\b", flat) and re.search(r"Protection sociale MSA – MSA", flat), flat
        else:
            assert "L'EXPLOITATION AGRICOLE" not in flat and "Urssaf" in flat
        # the period(s)
        start, end = (dt.date.fromisoformat(str(fields[key])) for key in ("start_date", "end_date"))
        if "deux périodes" in flat:
            seen["two periods"] += 1
            assert re.search(rf"1re période ({_spelled(start)}) .+? 2e période .+? ({_spelled(end)}) \d+ semaines",
                             flat), flat
            assert "Le stage se déroule du" not in flat
        else:
            seen["one period"] += 1
            assert re.search(rf"Le stage se déroule du ({_spelled(start)}) au ({_spelled(end)}) inclus", flat), flat
        # the weekly hours, and the timetable's days adding up to them
        weekly = float(fields["weekly_hours"])
        assert f"Durée hebdomadaire de présence : {hours_fr(weekly)} heures." in flat
        row = re.search(rf"Horaires Lundi .*? Durée {LENGTH}(?: {LENGTH})*", flat)
        assert row, flat
        lengths = re.findall(LENGTH, row.group(0).split(" Durée ")[-1])
        assert sum(_minutes(length) for length in lengths) == round(weekly * 60), row.group(0)
        # the gratification or indemnité de stage
        grat = float(fields["monthly_gratification"])
        if grat == 0:
            seen["none"] += 1
            assert re.search(r"aucune (gratification|indemnité de stage) n'est versée", flat, re.IGNORECASE), flat
        else:
            hourly = number_fr(float(value_at(INTERN_HOURLY_MIN, start)))
            per_hour = f"{hourly} € par heure de présence, soit {euros(grat)} par mois"
            seen["per hour" if per_hour in flat else "per month"] += 1
            assert per_hour in flat or re.search(rf"(mensuelle de|stage :|gratification :) {re.escape(euros(grat))}",
                                                 flat), flat
        # the parties' signatures, each dated before the stage starts
        dates = [dt.datetime.strptime(day, "%d/%m/%Y").date() for day in re.findall(r"\bLe (\d{2}/\d{2}/\d{4})", flat)]
        assert len(dates) == 4 and all(day < start for day in dates), dates
    assert set(seen) >= {"2 pages", "3 pages", "public", "private", "panels", "lines", "farm", "two periods",
                         "one period", "none", "per hour", "per month"} and sum(seen[h] > 0 for h in HOSTS) >= 2, seen


def test_the_sixth_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece over 90 facts: every agreement not of the new family is the one made with it excluded, the
    generator's stream ends where it did, and the five earlier fresh families are still drawn."""
    drawn = waves.pieces_with_and_without(NAME, "stage", range(90))
    assert all(drawn[f"internship_agreement:{name}"] > 0 for name in WAVES), drawn


def test_never_drawn_for_a_university_left_free():
    """An agricultural school's convention: a university's agreement, left free, is never one."""
    universities = 0
    for seed in range(30):
        rng = random.Random(seed)
        facts = make_facts(rng, "stage", CHECKED_ON)
        piece = BUILDERS["internship_agreement"](facts, rng)
        if facts.internship.institution.startswith("Université"):
            universities += 1
            assert piece.family != NAME
    assert universities > 5


def test_in_whole_dossiers_alone_and_beside_the_older_families(tmp_path):
    """Drawn alone for its type, every agreement of a dossier is one and the folder passes the check; drawn with and
    without it, a dossier keeps every other piece, with the same truth (seed 101 draws it)."""
    assert waves.dossiers_of_only(NAME, ((2, "stage", 0.0, 0.0),), tmp_path / "alone") == {"render:born_digital": 1}
    assert waves.dossiers_with_and_without(NAME, "stage", (101,), tmp_path / "beside") == 1


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 1)
