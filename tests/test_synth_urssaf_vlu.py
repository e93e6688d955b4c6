"""The fourth fresh attestation de vigilance family, `urssaf_certificate:urssaf_vlu` (wave 3), written once
`net_entreprises` had been looked at: the attestation an Urssaf issues to a company paying in one place ("versement
en lieu unique" through an Urssaf de liaison, or a "grand compte"): the Urssaf's letterhead and references, the company
in a framed block with its SIREN printed once, the real wording of the attestation, the reference period, a table of
the establishments (SIRET, address, Urssaf de rattachement, effectif) running onto a second page on some, the code de
sécurité, "Date d'édition" / "Fait à …, le", the director's signature. It renders born digital, scanned and
photographed, prints its truth, carries its family tag in whole dossiers that pass `synth check`, is never drawn for
an agricultural employer, and leaves every other piece of a dossier (and the earlier fresh families' draws) as it
was (tests/fresh_waves.py)."""
from __future__ import annotations

import re
from collections import Counter

from synth.fmt import date_long, siren_spaced
from tests import fresh_waves as waves

NAME = "urssaf_certificate:urssaf_vlu"
SIRET = r"\b(\d{3} \d{3} \d{3}) \d{5}\b"
DATED = r"(Date d'édition : (\d{2}/\d{2}/\d{4})|Fait à [A-Z][\w-]+, le (\d{2}/\d{2}/\d{4}|\d{1,2}(er)? \w+ \d{4}))"


def test_listed_last_later_and_drawn_in_the_fourth_wave():
    waves.listed_last_in_its_wave(NAME, {"cssm_mayotte": 0, "urssaf_numerique": 1, "net_entreprises": 2,
                                         "urssaf_vlu": 3})


def test_born_digital_prints_its_truth_among_the_establishments():
    seen: Counter = Counter()
    for text, flat, pages, (name, siren, issue, code) in waves.vigilance_texts(NAME, range(1, 13)):
        assert pages in (1, 2)
        assert f"Raison sociale : {name}" in flat and f"l'entreprise {name}" in flat, flat
        # the SIREN once, after its label; the SIRETs start with it
        alone = re.findall(rf"\b({siren}|{siren_spaced(siren)})\b(?! \d)", flat)
        assert len(alone) == 1 and re.search(rf"(N° SIREN :|numéro SIREN) {alone[0]}", flat), flat
        sirets = re.findall(SIRET, flat)
        assert len(sirets) >= 3 and {s.replace(" ", "") for s in sirets} == {siren}, flat
        # every date of the attestation's edition is its issue date, printed at least once
        dates = [m.group(2) or m.group(3) for m in re.finditer(DATED, flat)]
        assert dates and set(dates) <= {f"{issue:%d/%m/%Y}", date_long(issue)}, (dates, issue)
        assert len(code.replace(" ", "")) == 15
        assert re.search(rf"Code de sécurité( :)?\s+{code}", text), text
        for wording in ("ATTESTATION DE VIGILANCE", "est à jour de ses obligations de déclaration et de paiement",
                        "Période de référence", "Situation arrêtée au", "Urssaf de rattachement", "Effectif",
                        "Cedex", "www.urssaf.fr", "L. 243-15"):
            assert wording in flat, (name, wording)
        # the contributor or VLU account, a distractor
        assert re.search(r"(Compte VLU n°|N° de compte cotisant) : \d{18}", flat), flat
        seen["vlu" if "versement en lieu unique (VLU)" in flat else "grand compte"] += 1
        seen["code on top" if "figurant en tête" in flat else "code in a box"] += 1
        seen["grouped" if " " in code else "plain"] += 1
        seen["édition" if "Date d'édition" in flat else "fait"] += 1
        seen["je soussigné" if "Je soussigné" in flat else "l'urssaf atteste"] += 1
        seen[f"{pages} pages"] += 1
        if "Liste des établissements (suite)" in flat:
            seen["table on two pages"] += 1
    assert set(seen) == {"vlu", "grand compte", "code on top", "code in a box", "grouped", "plain", "édition", "fait",
                         "je soussigné", "l'urssaf atteste", "1 pages", "2 pages", "table on two pages"}, seen


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 3)


def test_in_a_dossier_with_its_tag_passing_the_check(tmp_path):
    """One whole dossier (its scans and photos are rendered above, whole dossiers cost time)."""
    renders = waves.dossiers_of_only(NAME, ((91, "changement_statut", 0.0, 0.0),), tmp_path)
    assert set(renders) == {"render:born_digital"}, renders


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the new family: the same pieces, with the same truth, bar its own."""
    assert waves.dossiers_with_and_without(NAME, "introduction_salarie", (13,), tmp_path) == 1


def test_the_fourth_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece: every certificate not of the new family is the one made with it excluded, the generator's
    stream ends where it did, and the three earlier fresh families and the older ones are still drawn."""
    drawn = waves.pieces_with_and_without(NAME, "changement_statut", range(80))
    assert drawn[NAME] > 0, drawn
    for earlier in ("cssm_mayotte", "urssaf_numerique", "net_entreprises", "msa", "urssaf_letter"):
        assert drawn[f"urssaf_certificate:{earlier}"] > 0, drawn


def test_never_drawn_for_an_agricultural_employer():
    """The MSA alone certifies agricultural employers: left free, they never get the new family."""
    assert waves.agricultural_employers_keep_the_msa("renouvellement", range(100)) > 0
