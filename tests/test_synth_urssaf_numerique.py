"""The second fresh attestation de vigilance family, `urssaf_certificate:urssaf_numerique` (wave 1), written once
`cssm_mayotte` had been looked at: the attestation an Urssaf online account delivers in its newer design (blue
banner, the company in prose, a table of establishments, a QR box beside the security code). It renders born
digital, scanned and photographed, prints its truth, carries its family tag in whole dossiers that pass
`synth check`, is never drawn for an agricultural employer, and leaves every other piece of a dossier (and the
earlier fresh family's draws) as it was (tests/fresh_waves.py)."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

import pypdfium2 as pdfium

from synth import render_piece
from synth.families import FamilyFilter
from synth.fmt import date_long, siren_spaced
from synth.pieces import BUILDERS
from synth.scenario import make_facts
from tests.fresh_waves import (
    dossiers_of_only,
    dossiers_with_and_without,
    listed_last_in_its_wave,
    pieces_with_and_without,
    scanned_and_photographed,
)

NAME = "urssaf_certificate:urssaf_numerique"
ONLY = FamilyFilter(frozenset({NAME}))
WITHOUT_NEW = FamilyFilter(exclude=frozenset({NAME}))


def _text(pdf: bytes) -> str:
    return "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


def test_listed_last_later_and_drawn_in_the_second_wave():
    listed_last_in_its_wave(NAME, {"cssm_mayotte": 0, "urssaf_numerique": 1})


def test_born_digital_prints_its_truth_and_its_wording():
    seen = Counter()
    for seed in range(1, 11):
        data, media_type, fields = render_piece("urssaf_certificate", seed, "born_digital", ONLY)
        assert media_type == "application/pdf" and fields["_family"] == NAME
        assert len(pdfium.PdfDocument(data)) == 1
        text = _text(data)
        flat = " ".join(text.split())
        assert str(fields["company_name"]) in flat and f"SIREN {siren_spaced(str(fields['siren']))}" in flat
        issue = dt.date.fromisoformat(str(fields["issue_date"]))
        assert re.search(rf"(Délivrée le|Date d'édition)( :)?\s*({issue:%d/%m/%Y}|{date_long(issue)})", text), text
        code = str(fields["security_code"])
        assert len(code.replace(" ", "")) == 15 and code in flat
        assert re.search(rf"Code (de sécurité|d'authentification)( :)?\s*{code}", text), text
        for wording in ("ATTESTATION DE VIGILANCE", "urssaf.fr", "QR code", "Situation au", "N° d'attestation",
                        "N° de compte cotisant", "SIRET", "Article L. 243-15", "Article D. 8222-5"):
            assert wording.lower() in flat.lower(), (seed, wording)
        seen["top" if "flashant ce QR code" in flat else "panel"] += 1
        seen["grouped" if " " in code else "plain"] += 1
    assert set(seen) == {"top", "panel", "grouped", "plain"}, seen


def test_scanned_and_photographed():
    scanned_and_photographed(NAME, 4)


def test_in_dossiers_with_its_tag_passing_the_check(tmp_path):
    """Whole dossiers, born digital (the piece's scans and photos are rendered above; whole dossiers cost time)."""
    renders = dossiers_of_only(NAME, ((81, "introduction_salarie", 0.0, 0.0), (83, "renouvellement", 0.0, 0.0)),
                               tmp_path)
    assert renders == {"render:born_digital": 2}, renders


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the new family: the same pieces, with the same truth, bar its own."""
    # 34 draws the new family, 11 an older one
    assert dossiers_with_and_without(NAME, "introduction_salarie", (11, 34), tmp_path) > 0


def test_the_second_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece: every certificate not of the new family is the one made with it excluded, the generator's
    stream ends where it did, and `cssm_mayotte` is still drawn."""
    drawn = pieces_with_and_without(NAME, "changement_statut", range(200))
    assert drawn[NAME] > 0 and drawn["urssaf_certificate:cssm_mayotte"] > 0, drawn


def test_never_drawn_for_an_agricultural_employer():
    """The MSA alone certifies agricultural employers: left free, they never get the new family."""
    farms = 0
    for seed in range(300):
        rng = random.Random(seed)
        facts = make_facts(rng, "renouvellement", dt.date(2026, 6, 1))
        if facts.certificate.company.agricultural:
            farms += 1
            assert BUILDERS["urssaf_certificate"](facts, rng).family == "urssaf_certificate:msa"
    assert farms > 0
