"""The eighth fresh internship family, `internship_agreement:erasmus_traineeship` (wave 7), written once
`convention_grande_ecole` had been looked at: the Erasmus+ Learning Agreement for Traineeships (before the mobility),
in English — the EU template (2014-2020 with a Table C, or 2021-2027) or a university's re-typeset version, a French
cover page first or a French annex last on some. It renders born digital, scanned and photographed, prints its truth
(the period "from … till …" or in its own cells, the weekly working hours, the host's financial support in EUR/month)
beside its distractors (the Erasmus+ grant, the contact persons, the mentor, the signing dates, the academic year), is
drawn for a university's students only, carries its family tag in whole dossiers that pass `synth check`, and leaves
every other piece of a dossier (and the earlier fresh families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

from synth.api import CHECKED_ON
from synth.fmt import date_long, date_slash, euros, hours_fr, number_fr
from synth.layout import Text
from synth.pieces.fresh_internship_erasmus import erasmus_traineeship
from synth.scenario import make_facts
from tests import fresh_waves as waves
from tests.fresh_waves import squeezed as _flat

NAME = "internship_agreement:erasmus_traineeship"
WAVES = {"university_tripartite": 0, "school_portal": 1, "bilingual_traineeship": 2, "convention_pfmp": 3,
         "convention_formation_continue": 4, "convention_agricole": 5, "convention_grande_ecole": 6,
         "erasmus_traineeship": 7}


def _day(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


def test_listed_last_later_and_drawn_in_the_eighth_wave():
    waves.listed_last_in_its_wave(NAME, WAVES)


def test_born_digital_prints_its_truth_beside_its_distractors():
    """Seeds 0-7 (schools' facts forced by the filter among them): the parties, the period, the weekly hours and
    the host's monthly support (or its "No") printed, beside the Erasmus+ grant, the contacts and the signing dates."""
    grants = 0
    for seed, (layer, pages, fields) in enumerate(waves.born_digital_texts(NAME, range(8))):
        text, flat = " ".join(layer.split()), _flat(layer)
        assert 2 <= pages <= 5, seed
        for key in ("institution_name", "host_name", "host_siret", "intern_surname", "intern_given_names"):
            assert _flat(str(fields[key])) in flat, (seed, key)
        for words in ("LEARNING AGREEMENT", "Sending Institution", "Receiving Organisation", "Mentor",
                      "Contact person", "Erasmus code", "Responsible person at the Sending Institution",
                      "Erasmus+ grant", "Academic year"):
            assert _flat(words) in flat, (seed, words)
        start, end = (dt.date.fromisoformat(str(fields[key])) for key in ("start_date", "end_date"))
        period = f"from {date_slash(start)} till {date_slash(end)}"
        cells = re.search(rf"Start date \(dd/mm/yyyy\) {date_slash(start)} End date \(dd/mm/yyyy\) {date_slash(end)}",
                          text)
        assert period in text or cells, seed
        hours = hours_fr(float(fields["weekly_hours"]))
        assert re.search(rf"(Number of working hours per week:? {hours}\b|Working hours per week {hours} hours)",
                         text), seed
        grat = float(fields["monthly_gratification"])
        support = re.search(r"amount \(EUR/month\): ([\d ,.]+\d)", text)
        if grat == 0:
            assert support is None and re.search(r"(No (☒|\[X\])|(☒|\[X\]) No)", text), seed
        else:
            assert support and support.group(1) in (number_fr(grat), f"{grat:,.2f}"), seed
        if "CONVENTION DE STAGE – MOBILITÉ ERASMUS+" in text:  # the French page: the same truth, the grant beside it
            assert (f"du {date_slash(start)} au {date_slash(end)}" in text
                    or f"du {date_long(start)} au {date_long(end)}" in text), seed
            assert f"Durée hebdomadaire de présence {hours} heures" in text, seed
            assert (f"{euros(grat)} par mois" in text) if grat else "accueil Néant" in text, seed
        # the distractors: the grant of its own amount, the signing dates before the traineeship
        grant = re.search(r"(EUR (\d+)\.00 per month|of (\d+),00 € per month|EUR (\d+)\.00 per month)", text)
        assert grant, seed
        amount = int(next(g for g in grant.groups()[1:] if g))
        assert abs(amount - grat) > 1, seed
        grants += 1
        signed = [_day(day) for day in re.findall(r"(\d{2}/\d{2}/\d{4}) ", text[text.rfind("Commitment Name"):])]
        assert len(signed) >= 3 and all(day < start for day in signed[:3]), seed
    assert grants == 8


def test_sub_layouts_over_the_seeds():
    """Built directly over 16 facts: the EU template of 2014 (Table C) and of 2021, the re-typeset version, the
    French page first or last, the checkboxes as glyphs or brackets, the empty "during the mobility" table."""
    seen: Counter = Counter()
    for seed in range(16):
        facts = make_facts(random.Random(seed), "stage", CHECKED_ON)
        piece = erasmus_traineeship(facts, random.Random(seed))
        pages = [" ".join(e.text for e in sheet.elements if isinstance(e, Text)) for sheet in piece.sheets]
        joined = " ".join(pages)
        if "1. THE TRAINEE" in joined:
            seen["retyped"] += 1
        else:
            assert "Higher Education:" in joined and "Learning Agreement form" in joined, seed
            seen["eu:2014" if "Table C – Receiving Organisation/Enterprise" in joined else "eu:2021"] += 1
        if "CONVENTION DE STAGE – MOBILITÉ ERASMUS+" in pages[0]:
            seen["cover"] += 1
        if "ANNEXE – CONVENTION DE STAGE – MOBILITÉ ERASMUS+" in pages[-1]:
            seen["annex"] += 1
        seen["glyphs" if "☒" in joined else "brackets"] += 1
        if "Section to be completed DURING THE MOBILITY" in joined:
            seen["during"] += 1
        assert 2 <= len(piece.sheets) <= 5, seed
    assert all(seen[k] > 0 for k in ("retyped", "eu:2014", "eu:2021", "cover", "annex", "glyphs", "brackets",
                                     "during")), seen


def test_drawn_for_university_students_only():
    """Left free, the family takes some agreements, and only a university's."""
    waves.drawn_only_where(NAME, "stage", range(300), lambda facts: facts.internship.institution.startswith("Université"))


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 9)  # two pages


def test_in_whole_dossiers_alone_and_beside_the_older_families(tmp_path):
    """Drawn alone for its type, every agreement of a dossier is one and the folder passes the check; drawn with and
    without it, a dossier keeps every other piece, with the same truth (seed 23 draws it; 43, which did, went to
    convention_association)."""
    assert waves.dossiers_of_only(NAME, ((3, "stage", 0.0, 0.0),), tmp_path / "alone") == {"render:born_digital": 1}
    assert waves.dossiers_with_and_without(NAME, "stage", (23,), tmp_path / "beside") == 1


def test_the_eighth_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece over 40 facts: every agreement not of the new family is the one made with it excluded, the
    generator's stream ends where it did, and the seven earlier fresh families are still drawn."""
    drawn = waves.pieces_with_and_without(NAME, "stage", range(40))
    assert all(drawn[f"internship_agreement:{name}"] > 0 for name in WAVES), drawn
