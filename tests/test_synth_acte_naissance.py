"""The fresh `other` family `acte_naissance` (wave 1, written once `other:quittance_loyer` had been looked at): a
sworn translation of the worker's foreign birth certificate. It renders born digital, scanned and photographed on one
page, prints the worker as the facts have them, carries its family tag in whole dossiers that pass `synth check`, is
drawn only for workers born where acts are not in French, and leaves every other piece (and the earlier `other`
families) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

import pypdfium2 as pdfium
import pytest

from synth import generate_dossier, render_piece, render_piece_file
from synth.api import CHECKED_ON
from synth.families import FamilyFilter
from synth.fmt import date_long, date_slash
from synth.pieces import BUILDERS
from synth.pieces.fresh_birth_act import FRENCH_SPEAKING, date_in_words, hijri
from synth.scenario import make_facts
from synth.validate import check_folder, truth_problems
from tests.fresh_waves import (
    dossiers_with_and_without,
    listed_last_in_its_wave,
    pieces_with_and_without,
)
from tests.fresh_waves import squeezed as _flat

NAME = "other:acte_naissance"
ONLY = FamilyFilter(frozenset({NAME}))


def test_listed_later_and_drawn_on_the_second_wave():
    listed_last_in_its_wave(NAME, {"quittance_loyer": 0, "acte_naissance": 1})


def test_dates_in_letters_and_of_the_hegira():
    assert date_in_words(dt.date(1995, 3, 12)) == "douze mars mille neuf cent quatre-vingt-quinze"
    assert date_in_words(dt.date(1988, 11, 1), mil=True) == "premier novembre mil neuf cent quatre-vingt-huit"
    assert date_in_words(dt.date(2001, 10, 17), mil=True) == "dix-sept octobre deux mille un"
    assert hijri(dt.date(2000, 1, 1))[1:] == (9, 1420)  # Ramadan 1420
    assert hijri(dt.date(1986, 3, 20)) == (9, 7, 1406)  # 9 Rajab 1406


@pytest.mark.parametrize("seed", range(1, 9))
def test_born_digital_prints_the_worker_as_a_sworn_translation(seed):
    data, media_type, fields = render_piece("other", seed, "born_digital", ONLY)
    assert media_type == "application/pdf" and fields == {"_family": NAME}
    doc = pdfium.PdfDocument(data)
    assert len(doc) == 1  # like every other `other` piece
    text = " ".join(doc[0].get_textpage().get_text_range().split())
    person = make_facts(random.Random(seed), "introduction_salarie", CHECKED_ON).person  # as render_piece draws it
    flat = _flat(text)
    assert _flat(person.surname) in flat and _flat(person.given_names) in flat
    born = person.birth_date
    assert any(form in text for form in (date_slash(born), date_long(born), date_in_words(born),
                                         date_in_words(born, mil=True))), text
    assert "NAISSANCE" in text.upper() and re.search(r"traduct(ion|eur|rice)", text, re.IGNORECASE)
    assert re.search(r"Cour d'appel d(e |')", text) and re.search(r"certifi(e|ée) (que|conforme)", text)
    assert re.search(r"(Fait à [^,]+, le|[A-Z][\w-]+, le) (\d{2}/\d{2}/\d{4}|\d{1,2}(er)? \w+ \d{4})", text)
    if person.country.code not in FRENCH_SPEAKING:
        assert re.search(r"(de l'|du )(arabe|espagnol|portugais|anglais|vietnamien|ukrainien|chinois)", text, re.IGNORECASE)


@pytest.mark.parametrize(("render", "seed"), (("scan", 9), ("photo", 4)))
def test_scanned_and_photographed(render, seed):
    rendered, fields = render_piece_file("other", seed, render, ONLY)
    assert (fields["_family"], f"render:{render}") == (NAME, next(t for t in rendered.tags if t.startswith("render:")))
    assert rendered.media_type.split("/")[0] in ("application", "image") and len(rendered.data) > 20_000


def test_in_dossiers_every_other_piece_carries_the_tag_and_passes_the_check(tmp_path):
    only = FamilyFilter.parse(NAME, None)
    seen = 0
    for seed, procedure in ((3, "changement_statut"), (4, "introduction_salarie"), (5, "changement_statut"),
                            (6, "introduction_salarie"), (7, "renouvellement"), (8, "stage")):
        truth = generate_dossier(seed, "folder", tmp_path, procedure=procedure, scan_ratio=0.0, families=only).truth
        assert truth_problems(truth) == []
        for piece in truth["pieces"]:
            if piece["type"] == "other":
                assert {t for t in piece["tags"] if t.startswith("family:")} == {f"family:{NAME}"}
                assert piece["fields"] == {}
                seen += 1
    assert seen > 0
    assert check_folder(tmp_path / "truth") == {}


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """Whole dossiers drawn with and without the new family: the same pieces, with the same truth, bar its own."""
    assert dossiers_with_and_without(NAME, "changement_statut", (28, 31), tmp_path) == 2


def test_the_second_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece: an `other` piece not of the new family is the one made with it excluded (the generator's
    stream ends where it did); the new family takes some pieces, and `quittance_loyer` (wave 0) and the older
    families are still drawn."""
    drawn = pieces_with_and_without(NAME, "changement_statut", range(120))
    assert drawn[NAME] > 0 and drawn["other:quittance_loyer"] > 0, drawn
    assert sum(n for family, n in drawn.items() if family not in (NAME, "other:quittance_loyer")) > 0, drawn


def test_drawn_only_for_workers_born_where_acts_are_not_in_french():
    by_origin: Counter = Counter()
    for seed in range(150):
        rng = random.Random(seed)
        facts = make_facts(rng, "introduction_salarie", dt.date(2026, 6, 1))
        if BUILDERS["other"](facts, rng).family == NAME:
            by_origin[facts.person.country.code in FRENCH_SPEAKING] += 1
    assert by_origin[True] == 0 and by_origin[False] > 0, by_origin
