"""The fresh `other` family `bail_habitation` (wave 3, written once `other:certificat_travail` had been looked at): the
residential lease of the flat the worker rents. It renders born digital (one or two pages, the initials at the foot of
each), scanned and photographed; it prints the worker as the tenant at the facts' address, a landlord that is none of
the dossier's companies, monthly amounts with their yearly sums, "Fait à …, le …" before the dossier's date; it varies
between seeds; it carries its family tag in whole dossiers that pass `synth check`, and leaves every other piece (and
the earlier `other` families) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

import pypdfium2 as pdfium

from synth import render_piece
from synth.api import CHECKED_ON
from synth.families import FamilyFilter
from synth.fmt import date_long, date_slash, euros
from synth.layout import Text
from synth.pieces import BUILDERS
from synth.scenario import make_facts
from tests import fresh_waves as waves
from tests.fresh_waves import squeezed as _flat
from tests.test_synth_families_fresh import _french_date

NAME = "other:bail_habitation"
ONLY = FamilyFilter(frozenset({NAME}))
DATE = r"(\d{2}/\d{2}/\d{4}|\d{1,2}(?:er)? [a-zéû]+ \d{4})"
AMOUNT = r"\d{1,3}(?: \d{3})*,\d{2} €"


def test_listed_last_later_and_on_the_fourth_wave_of_other_pieces():
    waves.listed_last_in_its_wave(NAME, {"quittance_loyer": 0, "acte_naissance": 1, "certificat_travail": 2,
                                         "bail_habitation": 3})


def test_born_digital_prints_a_lease_of_the_worker():
    """Seeds 1 to 8 draw the three layouts (the one-page summary, the contrat type and the bail in articles)."""
    pages_seen = Counter()
    for seed in range(1, 9):
        data, media_type, fields = render_piece("other", seed, "born_digital", ONLY)
        assert (media_type, fields) == ("application/pdf", {"_family": NAME})
        doc = pdfium.PdfDocument(data)
        pages = [" ".join(page.get_textpage().get_text_range().split()) for page in doc]
        pages_seen[len(pages)] += 1
        assert len(pages) in (1, 2) and all("PARAPHES" in page.upper() for page in pages)
        text = " ".join(pages)
        facts = make_facts(random.Random(seed), "introduction_salarie", CHECKED_ON)
        person, flat = facts.person, _flat(text)
        assert "CONTRATDELOCATION" in flat or "BAIL" in flat
        # the tenant is the worker, the flat is at the facts' address; the parties are defined in clauses
        assert _flat(person.surname) in flat and _flat(person.given_names) in flat and _flat(person.address) in flat
        assert "« LE BAILLEUR »" in text.upper() and "« LE LOCATAIRE »" in text.upper(), text
        # the characteristic wording: the date it takes effect, its term, the deposit, the rent per month and per year
        assert re.search(r"prise d'effet|commencera à courir", text, re.IGNORECASE), text
        assert "dépôt de garantie" in text.lower(), text
        amounts = set(re.findall(AMOUNT, text))
        assert any(euros(round(float(a[:-2].replace(" ", "").replace(",", ".")) * 12, 2)) in amounts
                   for a in amounts), text
        made = re.search(rf"Fait (?:et signé )?à [A-Z][\w-]+, le {DATE},? en deux exemplaires", text)
        assert made and _french_date(made.group(1)) < facts.reference_date, text
        # a landlord (or its agency) with an address of its own beside the flat's, an SCI's or a company's SIREN, an
        # agency's SIRET and card — none of them the dossier's
        assert len(set(re.findall(r"\d+ [^,]{4,40}, \d{5} [A-Z][\w-]+", text))) >= 2, text
        for company in (facts.contract.employer, facts.internship.host, facts.certificate.company):
            assert _flat(company.name) not in flat and company.siret not in text.replace(" ", "")
        if "carte professionnelle" in text.lower() or "Carte pro." in text:
            assert re.search(r"CPI \d{4} \d{4} 000 \d{3} \d{3}", text) and "SIRET" in text
        # where the tenant's birth is printed (a distractor on this piece), it is the facts' date
        if re.search(r"\bnée? le|Née? le", text):
            assert date_slash(person.birth_date) in text or date_long(person.birth_date) in text
    assert set(pages_seen) == {1, 2}, pages_seen


def test_it_varies_between_seeds():
    """Landlord a person or a company, furnished or not, with or without an agency, an annex list, one or two pages."""
    seen: Counter = Counter()
    for seed in range(30):
        rng = random.Random(seed)
        facts = make_facts(rng, "changement_statut", dt.date(2026, 6, 1))
        facts.families = ONLY
        piece = BUILDERS["other"](facts, rng)
        assert piece.family == NAME and piece.fields == {}
        text = " ".join(e.text for sheet in piece.sheets for e in sheet.elements if isinstance(e, Text))
        seen.update({"meublé": "MEUBL" in text.upper(), "agency": "CPI " in text,
                     "person": "demeurant" in text, "company": bool(re.search(r"\bSCI\b| SAS?\b", text)),
                     "annexes": bool(re.search(r"ANNEXES|annexés|Annexes :", text)),
                     f"pages:{len(piece.sheets)}": True, "six ans": "six ans" in text or "six années" in text})
    assert all(seen[key] >= 2 for key in ("meublé", "agency", "person", "company", "annexes", "pages:1", "pages:2",
                                          "six ans")), seen
    assert seen["meublé"] < 30 and seen["agency"] < 30 and seen["person"] < 30, seen


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 3)  # the contrat type, on two pages


def test_every_other_piece_of_a_whole_dossier_is_one_and_it_passes_the_check(tmp_path):
    assert sum(waves.dossiers_of_only(NAME, ((4, "introduction_salarie", 0.0, 0.0),), tmp_path).values()) >= 1


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the new family: the same pieces, with the same truth, bar its own."""
    assert waves.dossiers_with_and_without(NAME, "changement_statut", (10,), tmp_path) == 1


def test_the_fourth_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece: an `other` piece not of the new family is the one made with it excluded (the generator's stream
    ends where it did); the new family takes some pieces, and the three earlier fresh families and the older ones are
    still drawn."""
    drawn = waves.pieces_with_and_without(NAME, "changement_statut", range(80))
    earlier = ("other:quittance_loyer", "other:acte_naissance", "other:certificat_travail")
    assert drawn[NAME] > 0 and all(drawn[family] > 0 for family in earlier), drawn
    assert sum(n for family, n in drawn.items() if family not in earlier + (NAME,)) > 0, drawn
