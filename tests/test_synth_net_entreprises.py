"""The third fresh attestation de vigilance family, `urssaf_certificate:net_entreprises` (wave 2), written once
`urssaf_numerique` had been looked at: the attestation as an accountant prints it for a client from the declarations
portal (grey header with the print date and hour, a small "Attestation de vigilance" box, the company in a panel of
labels above their values or after "Établissement principal :", the number and "Date de délivrance" in a box at the
right, a barcode or a Datamatrix with the code under it, the accounting firm and its own SIRET in the footer). It
renders born digital, scanned and photographed, prints its truth, carries its family tag in whole dossiers that pass
`synth check`, is never drawn for an agricultural employer, and leaves every other piece of a dossier (and the
earlier fresh families' draws) as it was (tests/fresh_waves.py)."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from synth.fmt import date_long, siren_spaced
from tests import fresh_waves as waves

NAME = "urssaf_certificate:net_entreprises"
PRINTED_AT = r"(Imprimé le|Édité le|Date d'impression :) (\d{2}/\d{2}/\d{4}) (à )?\d{2}[:h]\d{2}"
FIRM = r"– Expertise comptable – SIRET (\d{3} \d{3} \d{3}) \d{5}"


def test_listed_last_later_and_drawn_in_the_third_wave():
    waves.listed_last_in_its_wave(NAME, {"cssm_mayotte": 0, "urssaf_numerique": 1, "net_entreprises": 2})


def test_born_digital_prints_its_truth_among_the_portal_and_the_firm():
    seen: Counter = Counter()
    for text, pages, fields in waves.born_digital_texts(NAME, range(1, 21)):
        assert pages in (1, 2)
        flat = " ".join(text.split())
        siren = str(fields["siren"])
        assert str(fields["company_name"]) in flat
        assert re.search(rf"(N° SIREN|SIREN :) ({siren}|{siren_spaced(siren)})\b", flat), flat
        issue = dt.date.fromisoformat(str(fields["issue_date"]))
        assert re.search(rf"Date de délivrance\s+({issue:%d/%m/%Y}|{date_long(issue)})", text), text
        code = str(fields["security_code"])
        assert len(code.replace(" ", "")) == 15
        assert re.search(rf"(Code de sécurité|Clé de contrôle)( :)?\s+{code}", text), text
        # the portal's header and its print date, never before the delivery; the firm's own SIRET in the footer
        printed = re.search(PRINTED_AT, flat)
        assert printed and dt.datetime.strptime(printed.group(2), "%d/%m/%Y").date() >= issue, flat
        firm = re.search(FIRM, flat)
        assert firm and firm.group(1).replace(" ", "") != siren, flat
        assert f"1/{pages}" in flat.replace(" ", "") or f"Page 1 sur {pages}" in flat
        for wording in ("net-entreprises.fr", "Attestation de vigilance", "Urssaf", "SIRET", "www.urssaf.fr",
                        "L. 243-15"):
            assert wording in flat, (fields, wording)
        # the contributor account, a distractor
        assert re.search(r"(N° de compte( cotisant)?|Compte cotisant n°) \d{18}", flat), flat
        seen["panel" if "Dénomination" in flat and "Adresse du siège" in flat else "block"] += 1
        assert "Établissement principal :" in flat or "Dénomination" in flat
        seen["datamatrix" if "Datamatrix" in flat else "barcode" if "code-barres" in flat else "?"] += 1
        seen["grouped" if " " in code else "plain"] += 1
        seen["clé" if "Clé de contrôle" in flat else "code"] += 1
        seen[f"{pages} pages"] += 1
    assert set(seen) == {"panel", "block", "datamatrix", "barcode", "grouped", "plain", "clé", "code", "1 pages",
                         "2 pages"}, seen


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 4)


def test_in_dossiers_with_its_tag_passing_the_check(tmp_path):
    waves.born_digital_dossiers(NAME, ((91, "introduction_salarie"), (93, "renouvellement")), tmp_path)


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the new family: the same pieces, with the same truth, bar its own."""
    # 20 draws the new family, 18 the first fresh one (6 drew it until courriel_urssaf's wave took its piece)
    assert waves.dossiers_with_and_without(NAME, "introduction_salarie", (20, 18), tmp_path) == 1


def test_the_third_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece: every certificate not of the new family is the one made with it excluded, the generator's
    stream ends where it did, and the two earlier fresh families and the older ones are still drawn."""
    waves.earlier_draws_kept(NAME, "changement_statut", range(200), ("cssm_mayotte", "urssaf_numerique", "msa",
                                                                     "urssaf_letter"))


def test_never_drawn_for_an_agricultural_employer():
    """The MSA alone certifies agricultural employers: left free, they never get the new family."""
    assert waves.agricultural_employers_keep_the_msa("renouvellement", range(300)) > 0
