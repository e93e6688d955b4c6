"""The ninth fresh internship family, `internship_agreement:convention_fonction_publique` (wave 8), written once
`erasmus_traineeship` had been looked at: a public host's convention de stage — a State service on the ministry's
model (a cover with the bloc-marque), a public hospital's (a fiche de stage annexed), a local authority's (arrêté-like
recitals, a deliberation setting the gratification). It renders born digital, scanned and photographed, prints its
truth (the public body it names as the host, the facts' SIRET, the dates, the weekly hours, the monthly gratification)
beside its distractors (the school's SIRET, the hourly rate and the plafond horaire, the deliberation's and the
delegation's dates, the signatories by delegation, the service's own address), carries its family tag in whole
dossiers that pass `synth check`, and leaves every other piece of a dossier (and the earlier fresh families' draws) as
it was."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from decimal import Decimal

from synth.api import CHECKED_ON
from synth.fmt import date_long, date_slash, euros, hours_fr, number_fr
from synth.layout import Text
from synth.pieces.fresh_internship_public import convention_fonction_publique
from synth.pieces.fresh_words import date_with_weekday
from synth.rules import INTERN_HOURLY_MIN, gratification_floor, value_at
from synth.scenario import make_facts
from tests import fresh_waves as waves
from tests.fresh_waves import squeezed as _flat

NAME = "internship_agreement:convention_fonction_publique"
WAVES = {"university_tripartite": 0, "school_portal": 1, "bilingual_traineeship": 2, "convention_pfmp": 3,
         "convention_formation_continue": 4, "convention_agricole": 5, "convention_grande_ecole": 6,
         "erasmus_traineeship": 7, "convention_fonction_publique": 8}
PUBLIC = re.compile(r"(Préfecture |Direction (départementale|régionale) |Agence régionale de santé |Centre hospitalier |"
                    r"Assistance publique – Hôpitaux |Hospices civils |Ville |Mairie |Commune |Département |"
                    r"Conseil départemental |Région |.*Métropole|Métropole |Eurométropole )")
MADE = re.compile(r"Fait à [^,]+, le (\d{2}/\d{2}/\d{4}|\d{1,2}(?:er)? \w+ \d{4})")


def _spellings(day: dt.date) -> tuple[str, ...]:
    return date_slash(day), date_long(day), date_with_weekday(day)


def _kind(text: str) -> str:
    if "RÉPUBLIQUE FRANÇAISE" in text and "Textes de référence" in text:
        return "etat"
    if "ANNEXE – FICHE DE STAGE" in text:
        return "hopital"
    assert "Vu le code général des collectivités territoriales ;" in text
    return "collectivite"


def test_listed_last_later_and_drawn_in_the_ninth_wave():
    waves.listed_last_in_its_wave(NAME, WAVES)


def test_born_digital_prints_its_truth_beside_its_distractors():
    """Seeds 0-7: local authorities (a gratification above the minimum, an optional one for a short stage, none),
    a State service at the legal minimum, a hospital, a préfecture without gratification."""
    kinds: Counter = Counter()
    for seed, (layer, pages, fields) in enumerate(waves.born_digital_texts(NAME, range(8))):
        text, flat = " ".join(layer.split()), _flat(layer)
        kind = _kind(text)
        kinds[kind] += 1
        assert 2 <= pages <= 4, seed
        for key in ("institution_name", "host_name", "host_siret", "intern_surname", "intern_given_names"):
            assert _flat(str(fields[key])) in flat, (seed, key)
        host = str(fields["host_name"])
        assert PUBLIC.match(host), host
        assert re.search(rf"{re.escape(host)}(, SIRET| N° SIRET)", text), seed  # the party names it, then its SIRET
        # the school's own SIRET, a distractor beside the host's
        numbers = set(re.findall(r"\b\d{14}\b", text.replace(str(fields["host_siret"]), "")))
        assert numbers, seed
        start, end = (dt.date.fromisoformat(str(fields[key])) for key in ("start_date", "end_date"))
        assert any(f"du {a} au {b} inclus" in text for a, b in zip(_spellings(start), _spellings(end))), seed
        hours = hours_fr(float(fields["weekly_hours"]))
        assert f"durée hebdomadaire de présence de {hours} heures" in text, seed
        grat = float(fields["monthly_gratification"])
        hourly = value_at(INTERN_HOURLY_MIN, start)
        assert f"{number_fr(float(hourly))} € par heure de stage" in text, seed  # the legal rate, always
        if grat == 0:
            assert "ne perçoit pas de gratification" in text, seed
        elif abs(grat - float(gratification_floor(start, float(fields["weekly_hours"])))) < 0.005:
            assert f"la gratification s'élève à {euros(grat)} par mois" in text, seed
            ceiling = number_fr(float(hourly / Decimal("0.15")))  # the plafond horaire, another amount
            assert f"15 % du plafond horaire de la sécurité sociale ({ceiling} €)" in text, seed
        else:  # only a local authority's deliberation pays another amount
            assert kind == "collectivite", seed
            assert re.search(rf"délibération n° \d{{4}}-\d{{3}} du .+ en date du \d{{2}}/\d{{2}}/\d{{4}}, la "
                             rf"collectivité d'accueil verse (à la|au) stagiaire une gratification de "
                             rf"{re.escape(euros(grat))} par mois", text), seed
        # signed by delegation, on a day before the stage; the tutor and the place of the stage
        assert "par délégation" in text and "Lieu du stage" in text and "tuteur" in text, seed
        made = MADE.search(text)
        assert made, seed
        day = made.group(1)
        signed = (dt.datetime.strptime(day, "%d/%m/%Y").date() if "/" in day else
                  next(d for d in (start - dt.timedelta(days=n) for n in range(400)) if date_long(d) == day))
        assert signed < start, seed
    assert set(kinds) == {"etat", "hopital", "collectivite"}, kinds


def test_sub_layouts_over_the_seeds():
    """Built directly over 16 facts: the three hosts, the parties in prose or in ruled lines and in both orders, the
    cover with or without the period, the delegation's act and the deliberation, the host's SIRET spaced or not."""
    seen: Counter = Counter()
    for seed in range(16):
        facts = make_facts(random.Random(seed), "stage", CHECKED_ON)
        piece = convention_fonction_publique(facts, random.Random(seed))
        pages = [" ".join(e.text for e in sheet.elements if isinstance(e, Text)) for sheet in piece.sheets]
        joined = " ".join(pages)
        kind = _kind(joined)
        seen[kind] += 1
        st = facts.internship
        assert piece.fields["host_siret"] == st.siret and piece.fields["host_name"] != st.host.name
        assert {k: v for k, v in piece.fields.items() if k != "host_name"} == {
            "institution_name": st.institution, "host_siret": st.siret, "intern_surname": facts.person.surname,
            "intern_given_names": st.given_names, "start_date": st.start_date.isoformat(),
            "end_date": st.end_date.isoformat(), "weekly_hours": st.weekly_hours,
            "monthly_gratification": st.gratification}
        if kind == "etat":
            assert "Liberté" in pages[0] and "CONVENTION DE STAGE" in pages[0] and "l'État" in joined
            seen["cover:period" if "Période de stage" in pages[0] else "cover:no period"] += 1
            act = re.search(r"\(arrêté (préfectoral )?n° \d\w-(\d{4}-\d{2}-\d{2})-\d{5} du (\d{2}/\d{2}/\d{4})\)", joined)
            assert act and dt.date.fromisoformat(act.group(2)) == dt.datetime.strptime(act.group(3), "%d/%m/%Y").date()
        if kind == "hopital":
            assert "ANNEXE – FICHE DE STAGE" in pages[-1] and "Unité fonctionnelle (UF)" in pages[-1]
        if kind == "collectivite":
            assert re.search(r"Vu la délibération n° \d{4}-\d{3} du .+ en date du \d{2}/\d{2}/\d{4}", joined)
            assert "Vu l'arrêté n° AR-" in joined
        prose = "ENTRE" in joined
        seen["prose" if prose else "lines"] += 1
        first = joined.find(st.institution) < joined.find(str(piece.fields["host_name"]), joined.find(
            "ENTRE" if prose else "La présente convention est conclue entre"))
        seen["school first" if first else "host first"] += 1
        seen["spaced" if re.search(rf"{st.siret[:3]} {st.siret[3:6]} {st.siret[6:9]} {st.siret[9:]}", joined)
             else "plain"] += 1
    assert all(seen[k] > 0 for k in ("etat", "hopital", "collectivite", "prose", "lines", "school first",
                                     "host first", "cover:period", "cover:no period", "spaced", "plain")), seen


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 4)  # two pages


def test_in_whole_dossiers_alone_and_beside_the_older_families(tmp_path):
    """Drawn alone for its type, every agreement of a dossier is one and the folder passes the check; drawn with and
    without it, a dossier keeps every other piece, with the same truth (seed 71 draws it)."""
    assert waves.dossiers_of_only(NAME, ((1, "stage", 0.0, 0.0),), tmp_path / "alone") == {"render:born_digital": 1}
    assert waves.dossiers_with_and_without(NAME, "stage", (71,), tmp_path / "beside") == 1


def test_the_ninth_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece over 40 facts: every agreement not of the new family is the one made with it excluded, the
    generator's stream ends where it did, and the eight earlier fresh families are still drawn."""
    drawn = waves.pieces_with_and_without(NAME, "stage", range(40))
    assert all(drawn[f"internship_agreement:{name}"] > 0 for name in WAVES), drawn
