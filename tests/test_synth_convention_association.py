"""The eleventh fresh internship family, `internship_agreement:convention_association` (wave 10), written once
`convention_hospitaliere` had been looked at, without looking at the extractors: an association's convention de stage
(an association loi 1901 or de droit local, a federation, an office municipal des sports, a committee) for a foreign
student, in prose articles, in framed blocks under the association's logo band, or with the parties side by side and
the articles in two columns. It renders born digital on two or three pages, scanned and photographed, prints its truth
(the association's name as the host with the facts' SIRET, the school, the student, the period, the weekly hours, the
gratification per month, per hour with its monthly sum, or none) beside its distractors (the RNA number, the APE code,
the school's SIRET and UAI, the president's and the référent's names, the declaration, election, signing, review and
event dates, the transport pass and the meal vouchers), fits any facts, carries its family tag in whole dossiers that
pass `synth check`, and leaves every other piece of a dossier (and the earlier fresh families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

from synth.api import CHECKED_ON
from synth.fmt import date_long, date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.layout import Text
from synth.pieces.fresh import FRESH, _pick
from synth.pieces.fresh_internship_association import PROFILES, convention_association
from synth.pieces.fresh_words import date_with_weekday
from synth.rules import INTERN_HOURLY_MIN, gratification_floor, value_at
from synth.scenario import make_facts
from tests import fresh_waves as waves
from tests.fresh_waves import squeezed as _flat

NAME = "internship_agreement:convention_association"
WAVES = {"university_tripartite": 0, "school_portal": 1, "bilingual_traineeship": 2, "convention_pfmp": 3,
         "convention_formation_continue": 4, "convention_agricole": 5, "convention_grande_ecole": 6,
         "erasmus_traineeship": 7, "convention_fonction_publique": 8, "convention_hospitaliere": 9,
         "convention_association": 10}
# the associations' names before their city: "Association Solidarité Alimentaire", "Comité de jumelage"…
KINDS = tuple({p.name.split(" {de}")[0] for profiles in PROFILES.values() for p in profiles})
NO_GRATIFICATION = ("n'ouvre pas droit à gratification", "ne verse pas de gratification",
                    "Aucune gratification n'est versée", "Néant", "Sans objet")


def _spelled(day: dt.date) -> str:
    return "|".join(re.escape(spell(day)) for spell in (date_slash, date_long, date_with_weekday))


def _day(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


def _layout(text: str) -> str:
    if "LE OU LA STAGIAIRE" in text:
        return "blocks"
    if "Ci-après dénommés respectivement" in text:
        return "columns"
    assert "ENTRE LES SOUSSIGNÉS" in text or "Entre :" in text
    return "articles"


def test_listed_last_later_and_drawn_in_the_eleventh_wave():
    waves.listed_last_in_its_wave(NAME, WAVES)


def test_born_digital_prints_its_truth_beside_its_distractors():
    """Seeds 0-7: the association (its name, the facts' SIRET), the school, the student, the period, the weekly hours
    and the gratification printed, beside the RNA number, the Charte du bénévolat and the signing dates."""
    layouts: Counter = Counter()
    for seed, (layer, pages, fields) in enumerate(waves.born_digital_texts(NAME, range(8))):
        text, flat = " ".join(layer.split()), _flat(layer)
        assert 2 <= pages <= 3, seed
        for key in ("institution_name", "host_name", "intern_surname", "intern_given_names"):
            assert _flat(str(fields[key])) in flat, (seed, key)
        assert str(fields["host_name"]).startswith(KINDS), fields["host_name"]
        siret = str(fields["host_siret"])
        assert re.search(rf"SIRET\s*:?\s*({siret}|{siret_spaced(siret)})\b", text), seed
        assert re.search(r"RNA :? ?W\d{9}\b", text) or "registre des associations du" in text, seed
        for words in ("CONVENTION", "Association ", "Charte du bénévolat", "APE", "INE", "de stage"):
            assert _flat(words) in flat, (seed, words)
        start, end = (dt.date.fromisoformat(str(fields[key])) for key in ("start_date", "end_date"))
        assert re.search(rf"[Dd]u ({_spelled(start)}) au ({_spelled(end)})", text), seed
        assert re.search(r"(durée de|Durée :?) \d+ semaines", text), seed
        hours = hours_fr(float(fields["weekly_hours"]))
        assert re.search(rf"(fixée à|est de|Durée hebdomadaire :?) {hours} heures|\b{hours} heures hebdomadaires",
                         text), seed
        grat = float(fields["monthly_gratification"])
        if grat == 0:
            assert any(words in text for words in NO_GRATIFICATION), seed
        else:
            assert euros(grat) in text, seed
            if abs(grat - float(gratification_floor(start, float(fields["weekly_hours"])))) < 0.005:
                assert f"{number_fr(float(value_at(INTERN_HOURLY_MIN, start)))} € par heure" in text, seed
        # each party signs on its own day, before the stage
        signed = [_day(day) for day in re.findall(r"\bLe (\d{2}/\d{2}/\d{4})", text)]
        assert len(signed) == 3 and max(signed) < start, seed
        layouts[_layout(text)] += 1
    assert set(layouts) == {"articles", "blocks", "columns"}, layouts


def test_sub_layouts_and_distractors_over_the_seeds():
    """Built directly over 12 facts: the three sub-layouts, the truth the generator's own but for the host (the
    association of the facts' host's city, never the facts' company), and distractors that never take the truth's
    values: the RNA number is not the SIREN, the transport and meal amounts not the gratification, the other dates
    not the period's."""
    seen: Counter = Counter()
    for seed in range(12):
        facts = make_facts(random.Random(seed), "stage", CHECKED_ON)
        st = facts.internship
        piece = convention_association(facts, random.Random(seed))
        assert piece.family == NAME and 2 <= len(piece.sheets) <= 3, seed
        fields = dict(piece.fields)
        host = fields.pop("host_name")
        assert fields == {"institution_name": st.institution, "host_siret": st.siret,
                          "intern_surname": facts.person.surname, "intern_given_names": st.given_names,
                          "start_date": st.start_date.isoformat(), "end_date": st.end_date.isoformat(),
                          "weekly_hours": st.weekly_hours, "monthly_gratification": st.gratification}
        assert host.startswith(KINDS) and host != st.host.name, host
        assert host.endswith(st.host.city) or "Nord-Sud" in host, host
        text = " ".join(" ".join(e.text for sheet in piece.sheets for e in sheet.elements
                                 if isinstance(e, Text)).split())
        seen[_layout(text)] += 1
        assert host in text and f"SIRET {st.siret}" in text, seed
        rna = re.findall(r"\bW\d{9}\b", text)
        assert all(number[1:] != st.siret[:9] for number in rna), seed
        assert rna or (st.host.city == "Strasbourg" and "registre des associations" in text), seed
        # the president and the association's référent(e) or tutor: names, never the intern's
        assert st.host.manager in text and st.tutor in text, seed
        assert facts.person.surname not in (st.host.manager + st.tutor), seed
        assert re.search(r"(?i)(référente?|tuteur|tutrice) de stage", text), seed
        amounts = re.findall(r"abonnement(?: de transport public)? \(([\d ]+,\d\d) € par mois|"
                             r"valeur faciale de ([\d ]+,\d\d) €|Titres-restaurant : ([\d ]+,\d\d) €", text)
        values = {float(v.replace(" ", "").replace(",", ".")) for group in amounts for v in group if v}
        assert values and st.gratification not in values, (seed, values)
        dates = re.findall(r"(?:\bLe|déclarée le|Journal officiel du|assemblée générale du|est prévu le|"
                           r"Point d'étape :|notamment [^,]+? du) (\d{2}/\d{2}/\d{4})", text)
        assert len(dates) >= 4 and all(_day(day) not in (st.start_date, st.end_date) for day in dates), seed
    assert set(seen) == {"articles", "blocks", "columns"}, seen


def test_fits_any_facts():
    """Left free over 120 facts, the family takes some agreements, a university's and a school's."""
    fresh = next(f for f in FRESH["internship_agreement"] if f.layout == "convention_association")
    kinds = set()
    for seed in range(120):
        rng = random.Random(seed)
        facts = make_facts(rng, "stage", CHECKED_ON)
        assert fresh.fits(facts)
        chosen, _, _ = _pick("internship_agreement", facts, rng)
        if chosen is fresh:
            kinds.add(facts.internship.institution.startswith("Université"))
    assert kinds == {True, False}


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 0)  # two pages


def test_in_whole_dossiers_alone_and_beside_the_older_families(tmp_path):
    """Drawn alone for its type, every agreement of a dossier is one and the folder passes the check; drawn with and
    without it, a dossier keeps every other piece, with the same truth (seed 44 draws it)."""
    assert waves.dossiers_of_only(NAME, ((4, "stage", 0.0, 0.0),), tmp_path / "alone") == {"render:born_digital": 1}
    assert waves.dossiers_with_and_without(NAME, "stage", (44,), tmp_path / "beside") == 1


def test_the_eleventh_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece over the facts of seeds 8-51: every agreement not of the new family is the one made with it
    excluded, the generator's stream ends where it did, and the ten earlier fresh families are still drawn (the new
    one by seed 51)."""
    drawn = waves.pieces_with_and_without(NAME, "stage", range(8, 52))
    assert all(drawn[f"internship_agreement:{name}"] > 0 for name in WAVES), drawn
