"""The tenth fresh internship family, `internship_agreement:convention_hospitaliere` (wave 9), written once
`convention_fonction_publique` had been listed, without looking at it nor at the extractors: a French public
hospital's convention de stage (CHU, CHRU, university hospitals' group, centre hospitalier) for a foreign student, in
prose articles, framed blocks or articles with an annexe pédagogique. It renders born digital on two or three pages,
scanned and photographed, prints its truth (the hospital's legal name as the host with the facts' SIRET, the school,
the student, the period, the weekly hours, the gratification per month, per hour with its monthly sum, or "Néant")
beside its distractors (FINESS numbers, the site and group, the school's SIRET, signing, medical-visit and review
dates, the team's work cycle, the canteen's price), fits any facts, carries its family tag in whole dossiers that pass
`synth check`, and leaves every other piece of a dossier (and the earlier fresh families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

from synth.api import CHECKED_ON
from synth.fmt import date_long, date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.layout import Text
from synth.pieces.fresh import FRESH, _pick
from synth.pieces.fresh_internship_hopital import SITES, convention_hospitaliere
from synth.pieces.fresh_words import date_with_weekday
from synth.rules import INTERN_HOURLY_MIN, gratification_floor, value_at
from synth.scenario import make_facts
from tests import fresh_waves as waves
from tests.fresh_waves import squeezed as _flat

NAME = "internship_agreement:convention_hospitaliere"
WAVES = {"university_tripartite": 0, "school_portal": 1, "bilingual_traineeship": 2, "convention_pfmp": 3,
         "convention_formation_continue": 4, "convention_agricole": 5, "convention_grande_ecole": 6,
         "erasmus_traineeship": 7, "convention_fonction_publique": 8, "convention_hospitaliere": 9}
HOSPITAL = re.compile(r"(Centre hospitalier( régional)?( universitaire)?|Hôpitaux universitaires|"
                      r"Assistance publique – Hôpitaux) (de |d')[A-Z][\w-]+")


def _spelled(day: dt.date) -> str:
    return "|".join(re.escape(spell(day)) for spell in (date_slash, date_long, date_with_weekday))


def _day(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


def test_listed_last_later_and_drawn_in_the_tenth_wave():
    waves.listed_last_in_its_wave(NAME, WAVES)


def test_born_digital_prints_its_truth_beside_its_distractors():
    """Seeds 0-8: the hospital (its legal name, the facts' SIRET), the school, the student, the period, the weekly
    hours and the gratification printed, beside the FINESS numbers, the site and the signing dates."""
    layouts: Counter = Counter()
    for seed, (layer, pages, fields) in enumerate(waves.born_digital_texts(NAME, range(9))):
        text, flat = " ".join(layer.split()), _flat(layer)
        assert 2 <= pages <= 3, seed
        for key in ("institution_name", "host_name", "intern_surname", "intern_given_names"):
            assert _flat(str(fields[key])) in flat, (seed, key)
        assert HOSPITAL.fullmatch(str(fields["host_name"])), fields["host_name"]
        siret = str(fields["host_siret"])
        assert re.search(rf"SIRET:? (\d{{9}} / )?({siret}|{siret_spaced(siret)})\b", text), seed
        for words in ("CONVENTION DE STAGE", "établissement public de santé", "FINESS", "Hôpital ",
                      "Direction des ", "gardes", "service de santé au travail", "secret professionnel"):
            assert _flat(words) in flat, (seed, words)
        start, end = (dt.date.fromisoformat(str(fields[key])) for key in ("start_date", "end_date"))
        assert re.search(rf"du ({_spelled(start)}) au ({_spelled(end)})", text) or re.search(
            rf"Date de début ({_spelled(start)}) Date de fin ({_spelled(end)})", text), seed
        hours = hours_fr(float(fields["weekly_hours"]))
        assert re.search(rf"(fixée à|Durée hebdomadaire) {hours} heures", text), seed
        grat = float(fields["monthly_gratification"])
        if grat == 0:
            assert "aucune gratification n'est versée" in text or re.search(r"Gratification Néant", text), seed
        else:
            assert euros(grat) in text, seed
            if abs(grat - float(gratification_floor(start, float(fields["weekly_hours"])))) < 0.005:
                assert f"{number_fr(float(value_at(INTERN_HOURLY_MIN, start)))} € par heure" in text, seed
        # the hospital signs after the school and before the stage
        signed = [_day(day) for day in re.findall(r"Fait à [\w' -]+, le (\d{2}/\d{2}/\d{4})", text)]
        assert len(signed) == 1 and signed[0] < start, seed
        layouts["annexe" if "ANNEXE PÉDAGOGIQUE" in text else "blocks" if "MODALITÉS DU STAGE" in text
                else "articles"] += 1
    assert set(layouts) == {"articles", "blocks", "annexe"}, layouts


def test_sub_layouts_and_distractors_over_the_seeds():
    """Built directly over 12 facts: the three sub-layouts, the truth the generator's own but for the host (the
    hospital, never its site nor its group), and distractors that never take the truth's values."""
    seen: Counter = Counter()
    for seed in range(12):
        facts = make_facts(random.Random(seed), "stage", CHECKED_ON)
        st = facts.internship
        piece = convention_hospitaliere(facts, random.Random(seed))
        assert piece.family == NAME and 2 <= len(piece.sheets) <= 3, seed
        fields = dict(piece.fields)
        host = fields.pop("host_name")
        assert fields == {"institution_name": st.institution, "host_siret": st.siret,
                          "intern_surname": facts.person.surname, "intern_given_names": st.given_names,
                          "start_date": st.start_date.isoformat(), "end_date": st.end_date.isoformat(),
                          "weekly_hours": st.weekly_hours, "monthly_gratification": st.gratification}
        assert HOSPITAL.fullmatch(host) and host.endswith(st.host.city) and host != st.host.name, host
        text = " ".join(e.text for sheet in piece.sheets for e in sheet.elements if isinstance(e, Text))
        joined = " ".join(text.split())
        if "ANNEXE PÉDAGOGIQUE" in joined:
            seen["annexe"] += 1
            assert "Planning hebdomadaire" in joined and f"Total hebdomadaire {hours_fr(st.weekly_hours)} h" in joined
        elif "MODALITÉS DU STAGE" in joined:
            seen["blocks"] += 1
            assert all(band in joined for band in ("ÉTABLISSEMENT D'ACCUEIL", "STAGIAIRE", "SERVICE D'ACCUEIL",
                                                   "ÉTABLISSEMENT D'ENSEIGNEMENT", "CONDITIONS GÉNÉRALES"))
        else:
            seen["articles"] += 1
            assert "ENTRE LES SOUSSIGNÉS" in joined or "Entre :" in joined
        # the FINESS numbers are not the SIREN; the team's cycle is not the intern's weekly hours
        assert all(number != st.siret[:9] for number in re.findall(r"FINESS[^\d]*(\d{9})", joined)), seed
        cycle = re.search(r"cycle de ([\d,]+) heures hebdomadaires", joined)
        assert cycle and cycle.group(1) != hours_fr(st.weekly_hours), seed
        meal = re.search(r"repas à ([\d,]+) €", joined)
        assert meal and float(meal.group(1).replace(",", ".")) not in (st.gratification, 4.35, 4.5), seed
        # the other dates are never the period's
        others = re.findall(r"(?:Fait à [\w' -]+, le|Le|mi-parcours est prévu le|Bilan à mi-stage(?: le)?|"
                            r"Service de santé au travail, le) (\d{2}/\d{2}/\d{4})", joined)
        assert others and all(_day(day) not in (st.start_date, st.end_date) for day in others), seed
        sites = [site for site in SITES if site in joined]  # the site, a distractor beside the legal name
        assert sites and all(site not in host for site in sites), seed
    assert set(seen) == {"articles", "blocks", "annexe"}, seen


def test_fits_any_facts():
    """Left free over 120 facts, the family takes some agreements, a university's and a school's."""
    fresh = next(f for f in FRESH["internship_agreement"] if f.layout == "convention_hospitaliere")
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
    waves.scanned_and_photographed(NAME, 5)  # two pages


def test_in_whole_dossiers_alone_and_beside_the_older_families(tmp_path):
    """Drawn alone for its type, every agreement of a dossier is one and the folder passes the check; drawn with and
    without it, a dossier keeps every other piece, with the same truth (seed 6 draws it)."""
    assert waves.dossiers_of_only(NAME, ((2, "stage", 0.0, 0.0),), tmp_path / "alone") == {"render:born_digital": 1}
    assert waves.dossiers_with_and_without(NAME, "stage", (6,), tmp_path / "beside") == 1


def test_the_tenth_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece over 40 facts: every agreement not of the new family is the one made with it excluded, the
    generator's stream ends where it did, and the nine earlier fresh families are still drawn."""
    drawn = waves.pieces_with_and_without(NAME, "stage", range(40))
    assert all(drawn[f"internship_agreement:{name}"] > 0 for name in WAVES), drawn
