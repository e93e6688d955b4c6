"""The fifth fresh attestation de vigilance family, `urssaf_certificate:plateforme_conformite` (wave 4), written once
`urssaf_vlu` had been looked at: the attestation as a subcontracting-compliance platform hands it to a client — the
platform's "Certificat de dépôt" or "Fiche de conformité du fournisseur" first (deposit, control and validity dates,
the client and its SIREN, the supplier's other documents), then the Urssaf's attestation reproduced on page 2 or in
a frame on page 1. It renders born digital, scanned and photographed, prints its truth, carries its family tag in
whole dossiers that pass `synth check`, is never drawn for an agricultural employer, and leaves every other piece of
a dossier (and the earlier fresh families' draws) as it was (tests/fresh_waves.py)."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from synth.fmt import date_long, siren_spaced
from synth.rules import add_months
from tests import fresh_waves as waves

NAME = "urssaf_certificate:plateforme_conformite"
PLATFORMS = ("ConformaDoc", "Attestia", "Vigilis", "Fourniscope")
DATE = r"(\d{2}/\d{2}/\d{4})"


def _day(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


def test_listed_last_later_and_drawn_in_the_fifth_wave():
    waves.listed_last_in_its_wave(NAME, {"cssm_mayotte": 0, "urssaf_numerique": 1, "net_entreprises": 2,
                                         "urssaf_vlu": 3, "plateforme_conformite": 4})


def test_born_digital_prints_its_truth_among_the_platform_s_distractors():
    seen: Counter = Counter()
    for _, flat, pages, (name, siren, issue, code) in waves.vigilance_texts(NAME, range(1, 11)):
        # the Urssaf's attestation, with its truth
        assert "ATTESTATION DE VIGILANCE" in flat and "Identification de l'entreprise" in flat
        assert re.search(rf"Raison sociale( :)? {re.escape(name)}\b", flat), flat
        assert re.search(rf"N° SIREN( :)? ({siren}|{siren_spaced(siren)})\b", flat), flat
        assert re.search(rf"(délivrée le|Date de délivrance) ({issue:%d/%m/%Y}|{date_long(issue)})\b", flat), flat
        assert len(code.replace(" ", "")) == 15 and f"Code de sécurité : {code}" in flat
        for wording in ("www.urssaf.fr", "L. 243-15", "D. 243-15", "L. 8222-1", "Nombre d'établissements",
                        "N° de compte cotisant"):
            assert wording in flat, (name, wording)
        # the platform and its distractors: the deposit, control and validity dates, the client and its SIREN
        assert any(platform in flat for platform in PLATFORMS)
        deposited = _day(re.search(rf"(Déposé|Dépôt) le {DATE}", flat).group(2))
        controlled = _day(re.search(rf"(Contrôlé|Contrôle) le {DATE}", flat).group(2))
        assert issue <= deposited <= controlled
        assert re.search(rf"jusqu'au {add_months(issue, 6):%d/%m/%Y}", flat), flat
        client = re.search(r"(Donneur d'ordre .{0,60}? SIREN|SIREN du client|SIREN du demandeur) (\d{3} \d{3} \d{3})",
                           flat)
        assert client and client.group(2).replace(" ", "") != siren, flat
        layout = ("fiche" if "FICHE DE CONFORMITÉ DU FOURNISSEUR" in flat else
                  "depot" if "CERTIFICAT DE DÉPÔT" in flat else "encadre")
        assert pages >= (2 if layout != "encadre" else 1)
        seen[layout] += 1
        seen["watermark" if "Copie certifiée par la plateforme" in flat else "no watermark"] += 1
        seen["footer" if re.search(r"RCS \w+ \d{3} \d{3} \d{3}", flat) else "no footer"] += 1
        seen["grouped" if " " in code else "plain"] += 1
    assert set(seen) == {"depot", "fiche", "encadre", "watermark", "no watermark", "footer", "no footer", "grouped",
                         "plain"}, seen


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 10)


def test_in_a_dossier_with_its_tag_passing_the_check(tmp_path):
    waves.born_digital_dossiers(NAME, ((101, "renouvellement"),), tmp_path)


def test_an_older_dossier_keeps_its_other_pieces(tmp_path):
    """A whole dossier drawn with and without the new family: the same pieces, with the same truth, bar its own."""
    # 23 draws the new family (21 drew it until courriel_urssaf's wave took its piece)
    assert waves.dossiers_with_and_without(NAME, "introduction_salarie", (23,), tmp_path) == 1


def test_the_fifth_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece: every certificate not of the new family is the one made with it excluded, the generator's
    stream ends where it did, and the earlier fresh families and the older ones are still drawn."""
    waves.earlier_draws_kept(NAME, "changement_statut", range(90), ("cssm_mayotte", "urssaf_numerique",
                                                                    "net_entreprises", "urssaf_vlu", "msa",
                                                                    "urssaf_letter"))


def test_never_drawn_for_an_agricultural_employer():
    """The MSA alone certifies agricultural employers: left free, they never get the new family."""
    assert waves.agricultural_employers_keep_the_msa("renouvellement", range(100)) > 0
