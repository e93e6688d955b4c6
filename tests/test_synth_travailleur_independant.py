"""The eighth fresh attestation de vigilance family, `urssaf_certificate:travailleur_independant` (wave 7), written once
`courriel_urssaf` had been looked at: the attestation of an employer who is self-employed (an entrepreneur individuel),
delivered from the independent's account — the person and the EI's denomination beside the business's trade name (the
truth), the "Compte travailleur indépendant" and the "Compte employeur", the last payments, the head count and wages of
the last DSN, the code de sécurité or "Identifiant de l'attestation" — on one page, with a second page listing the
"Déclarations sociales", or as a letter. It renders born digital, scanned and photographed, prints its truth among its
distractors, prints nothing under 7 pt, carries its family tag in a whole dossier that passes `synth check`, is never
drawn for an agricultural employer, and leaves every other piece of a dossier (and the earlier fresh families' draws)
as it was (tests/fresh_waves.py)."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

from synth.families import FamilyFilter
from synth.fmt import date_long, siren_spaced
from synth.layout import A4, Text
from synth.pieces import BUILDERS
from synth.scenario import make_facts
from tests import fresh_waves as waves

NAME = "urssaf_certificate:travailleur_independant"
DATE = r"(\d{2}/\d{2}/\d{4}|\d{1,2}(?:er)? \w+ \d{4})"
# every place the attestation prints its date of delivery
ISSUED = rf"(?:Délivrée le|Date de délivrance :|[A-Z][\w-]+, le|Fait à [A-Z][\w-]+, le) {DATE}"


def test_listed_last_later_and_drawn_in_the_eighth_wave():
    waves.listed_last_in_its_wave(NAME, {"cssm_mayotte": 0, "urssaf_numerique": 1, "net_entreprises": 2,
                                         "urssaf_vlu": 3, "plateforme_conformite": 4, "capture_ecran": 5,
                                         "courriel_urssaf": 6, "travailleur_independant": 7})


def test_born_digital_prints_its_truth_among_the_independent_s_distractors():
    seen: Counter = Counter()
    for text, flat, pages, (name, siren, issue, code) in waves.vigilance_texts(NAME, range(1, 11)):
        # the trade name (the truth) after its label, or joined to the EI's denomination; the person beside it
        assert re.search(rf"(Nom commercial|nom commercial|Enseigne|EI –|EI,|individuel –|individuel,) "
                         rf"{re.escape(name)}\b", flat), flat
        person = re.search(r"(\S+) (\S+) (EI\b|– Entrepreneur individuel)", flat)
        assert person and all(flat.count(word) >= 2 for word in person.group(1, 2)), flat  # the person, named apart
        assert re.search(rf"SIREN( :)? ({siren}|{siren_spaced(siren)})\b", flat), flat
        # the date of delivery, wherever it is printed, is the issue date
        dates = [m.group(1) for m in re.finditer(ISSUED, flat)]
        assert dates and set(dates) <= {f"{issue:%d/%m/%Y}", date_long(issue)}, (dates, issue)
        assert len(code.replace(" ", "")) == 15
        label = re.search(rf"(Code de sécurité|Identifiant de l'attestation)( :)? {code}\b", flat)
        assert label, flat
        # the two accounts, the establishment's SIRET, the other dates and the amounts: distractors
        for wording in ("Compte travailleur indépendant", "ompte employeur", "activité d'employeur de personnel salarié",
                        "L. 243-15", "www.urssaf.fr", "3698"):
            assert wording in flat, wording
        assert len(set(re.findall(r"\b\d{18}\b", flat))) == 2, flat
        sirets = re.findall(r"\b(\d{14}|\d{3} \d{3} \d{3} \d{5})\b", flat)
        assert sirets and all(s.replace(" ", "")[:9] == siren for s in sirets), flat
        assert re.search(r"(situation arrêtée au|période du) \d{2}/\d{2}/\d{4}", flat), flat
        assert re.search(r"effectif de \d+ salariés?", flat) and len(re.findall(r"\d,\d{2} €", flat)) >= 3, flat
        others = {m.group(0) for m in re.finditer(r"\d{2}/\d{2}/\d{4}", flat)} - {f"{issue:%d/%m/%Y}"}
        assert len(others) >= 3, flat
        if "Objet : Attestation de vigilance" in flat:
            layout = "courrier"
            assert pages == 1 and re.search(r"Nos références : \S+", flat) and "Cedex" in flat
            seen["fait à" if "Fait à" in flat else "dated on top"] += 1
        elif pages == 2:
            layout = "declarations"
            assert "ATTESTATION DE VIGILANCE" in flat and "Déclarations sociales" in flat
            assert re.search(r"Déclaration des revenus d'activité \d{4} \d{2}/\d{2}/\d{4}", flat), flat
            assert len(re.findall(r"Échéance mensuelle de \w+ \d{4}", flat)) >= 3, flat
        else:
            layout = "attestation"
            assert pages == 1 and "ATTESTATION DE VIGILANCE" in flat
        if layout != "courrier":
            seen["identity as lines" if re.search(r"IDENTIFICATION DU COTISANT|TRAVAILLEUR INDÉPENDANT ATTESTÉ", flat)
                 else "identity as a grid"] += 1
            seen["code on top" if "figurant en tête" in flat else "code in a box"] += 1
        seen[layout] += 1
        seen[label.group(1)] += 1
        seen["grouped" if " " in code else "plain"] += 1
        seen["joined" if re.search(rf"EI – {re.escape(name)}", flat) else "apart"] += 1
    assert set(seen) == {"courrier", "declarations", "attestation", "fait à", "dated on top", "identity as lines",
                         "identity as a grid", "code on top", "code in a box", "Code de sécurité",
                         "Identifiant de l'attestation", "grouped", "plain", "joined", "apart"}, seen


def test_nothing_under_seven_points_on_the_page():
    pages = Counter()
    for seed in range(20, 30):
        rng = random.Random(seed)
        facts = make_facts(rng, "renouvellement", dt.date(2026, 6, 1))
        facts.families = FamilyFilter(frozenset({NAME}))
        piece = BUILDERS["urssaf_certificate"](facts, rng)
        assert piece.family == NAME
        pages[len(piece.sheets)] += 1
        texts = [el for sheet in piece.sheets for el in sheet.elements if isinstance(el, Text)]
        assert min(el.size for el in texts) >= 7.0
        assert all(0 < el.x < A4[0] and 0 < el.y < A4[1] for el in texts)
    assert set(pages) == {1, 2}, pages


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 5)  # a one-page attestation


def test_in_a_dossier_with_its_tag_passing_the_check(tmp_path):
    waves.born_digital_dossiers(NAME, ((3, "renouvellement"),), tmp_path)


def test_an_older_dossier_keeps_its_other_pieces(tmp_path):
    """Seed 29 draws the new family."""
    assert waves.dossiers_with_and_without(NAME, "introduction_salarie", (29,), tmp_path) == 1


def test_the_eighth_wave_leaves_the_earlier_draws_as_they_were():
    """The seven earlier fresh families and the older ones are still drawn."""
    waves.earlier_draws_kept(NAME, "introduction_salarie", range(52), ("cssm_mayotte", "urssaf_numerique",
                                                                          "net_entreprises", "urssaf_vlu",
                                                                          "plateforme_conformite", "capture_ecran",
                                                                          "courriel_urssaf", "msa", "urssaf_letter"))


def test_never_drawn_for_an_agricultural_employer():
    """The MSA alone certifies agricultural employers: left free, they never get the new family."""
    assert waves.agricultural_employers_keep_the_msa("renouvellement", range(100)) > 0
