"""The fresh `other` family `certificat_travail` (wave 2, written once `other:acte_naissance` had been looked at): the
certificat de travail an earlier employer gave the worker. It renders born digital, scanned and photographed on one
page, prints the worker as the facts have them with a former employer that is none of the dossier's companies,
carries its family tag in whole dossiers that pass `synth check`, and leaves every other piece (and the earlier
`other` families) as it was."""
from __future__ import annotations

import random
import re

import pypdfium2 as pdfium
import pytest

from synth import render_piece
from synth.api import CHECKED_ON
from synth.facts import DossierFacts
from synth.families import FamilyFilter
from synth.fmt import date_long, date_slash
from synth.scenario import make_facts
from tests import fresh_waves as waves
from tests.fresh_waves import squeezed as _flat

NAME = "other:certificat_travail"
ONLY = FamilyFilter(frozenset({NAME}))
DATE = r"(\d{2}/\d{2}/\d{4}|\d{1,2}(er)? [a-zéû]+ \d{4})"


def _born_digital(seed: int) -> tuple[str, DossierFacts]:
    """The one page's text of the piece render_piece draws for `seed`, and the facts it was drawn from."""
    data, media_type, fields = render_piece("other", seed, "born_digital", ONLY)
    assert (media_type, fields) == ("application/pdf", {"_family": NAME})
    pages = pdfium.PdfDocument(data)
    assert len(pages) == 1  # like every other `other` piece
    return " ".join(pages[0].get_textpage().get_text_range().split()), make_facts(random.Random(seed),
                                                                                  "introduction_salarie", CHECKED_ON)


def test_listed_last_later_and_on_the_third_wave_of_other_pieces():
    waves.listed_last_in_its_wave(NAME, {"quittance_loyer": 0, "acte_naissance": 1, "certificat_travail": 2})


@pytest.mark.parametrize("seed", range(1, 13))
def test_born_digital_prints_the_worker_and_an_earlier_employer(seed):
    text, facts = _born_digital(seed)
    person, flat = facts.person, _flat(text)
    assert "CERTIFICATDETRAVAIL" in flat
    assert _flat(person.surname) in flat and _flat(person.given_names) in flat
    # the characteristic wording: who certifies, the period, the exit, the final settlement, the portability
    assert re.search(r"Je soussignée?,? [^\W\d_]+ [A-ZÈÉ]+", text), text
    assert re.search(rf"du {DATE} au {DATE}", text) and "libre de tout engagement" in text
    assert "solde de tout compte" in text and "L. 911-8" in text
    assert re.search(rf"Fait à [A-Z][\w-]+, le {DATE}", text), text
    # the former employer prints its SIRET, and is none of the dossier's companies
    siret = re.search(r"SIRET:? ?(\d{3} ?\d{3} ?\d{3} ?\d{5})", text)
    assert siret, text
    number = siret.group(1).replace(" ", "")
    for company in (facts.contract.employer, facts.internship.host, facts.certificate.company):
        assert number != company.siret and _flat(company.name) not in flat
    # where the worker's birth is printed (a distractor on this piece), it is the facts' date
    if re.search(r"(\bnée?|Né\(e\)) le|naissance", text):
        assert date_slash(person.birth_date) in text or date_long(person.birth_date) in text


def test_scanned_and_photographed():
    for seed in (4, 10):
        waves.scanned_and_photographed(NAME, seed)


def test_every_other_piece_of_whole_dossiers_is_one_and_they_pass_the_check(tmp_path):
    runs = tuple((seed, procedure, 0.0, 0.0) for seed, procedure in enumerate(
        ("changement_statut", "introduction_salarie", "renouvellement", "stage", "changement_statut"), start=3))
    assert sum(waves.dossiers_of_only(NAME, runs, tmp_path).values()) >= len(runs)


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """Whole dossiers drawn with and without the new family: the same pieces, with the same truth, bar its own."""
    assert waves.dossiers_with_and_without(NAME, "changement_statut", (15, 19), tmp_path) == 2


def test_the_third_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece: an `other` piece not of the new family is the one made with it excluded (the generator's
    stream ends where it did); the new family takes some pieces, and `quittance_loyer` (wave 0), `acte_naissance`
    (wave 1) and the older families are still drawn."""
    drawn = waves.pieces_with_and_without(NAME, "changement_statut", range(150))
    assert drawn[NAME] > 0 and drawn["other:quittance_loyer"] > 0 and drawn["other:acte_naissance"] > 0, drawn
    earlier = (NAME, "other:quittance_loyer", "other:acte_naissance")
    assert sum(n for family, n in drawn.items() if family not in earlier) > 0, drawn
