"""The fifth fresh payslip family, `payslip:cabinet_comptable` (wave 4), written once `bulletin_bilingue` had been looked
at, without looking at the extractors: the payslip a small employer's chartered accountant prints, the firm's
letterhead (its name, SIRET, Ordre, phone, the client file and the payroll clerk) apart from the employer's and the
employee's blocks (the accountant's band down the left margin, its logo top right above side-by-side boxes, or a
portrait listing under its letterhead line; the year month by month and the accountant's notes on a second page on
some). It renders born digital, scanned and photographed, prints its truth (the employer's SIRET, the employee's
surname, the month, the gross) beside its distractors (the accountant's name and SIRET, the payment date, the entry
date, the hourly rate, the nets, the year-to-date and earlier months' figures), its pay lines add up to the gross, it
is drawn for any employer but La Poste, carries its family tag in whole dossiers that pass `synth check`, and leaves
every other piece (and the earlier fresh families' draws) as it was."""
from __future__ import annotations

import re
from collections import Counter

from synth.fmt import MONTHS_FR, number_fr, siret_spaced
from synth.layout import Text
from synth.pieces.fresh_payslip_cabinet import (
    _compute,
    cabinet_comptable,
    keeps_an_accountant,
)
from tests import fresh_waves as waves
from tests.fresh_waves import squeezed as _flat

NAME = "payslip:cabinet_comptable"
WAVES = {"net_paye": 0, "bulletin_paysage": 1, "bulletin_interim": 2, "bulletin_bilingue": 3, "cabinet_comptable": 4}
SIRETS = re.compile(r"SIRET :? ?(\d{14}|\d{3} \d{3} \d{3} \d{5})")


def test_listed_last_later_and_drawn_in_the_fifth_wave():
    waves.listed_last_in_its_wave(NAME, WAVES)


def test_born_digital_prints_its_truth_beside_its_distractors():
    seen: Counter = Counter()
    for text, flat, pages, fields in waves.payslip_texts(NAME, range(1, 11)):  # the employee, the employer's SIRET
        seen["two pages" if pages == 2 else "one page"] += 1
        # the rest of the truth: the month (in one of its wordings), the gross after its label
        year, month = (int(part) for part in str(fields["period"]).split("-"))
        word = MONTHS_FR[month - 1]
        assert (f"Période du 01/{month:02d}/{year} au " in text or f"{word.capitalize()} {year}" in text
                or re.search(rf"Paie (de |d'){word} {year}", text)
                or f"Période de paie : {month:02d}/{year} (du 01/{month:02d}/{year} au" in text), text
        gross = number_fr(float(fields["gross_salary"]))
        assert re.search(rf"(SALAIRE BRUT|TOTAL BRUT|Salaire brut|Rémunération brute) {gross} ", text), text
        # the bulletin clarifié's wording
        for words in ("Salaire de base", "SANTÉ", "ACCIDENTS DU TRAVAIL", "RETRAITE", "FAMILLE", "ASSURANCE CHÔMAGE",
                      "CSG déductible", "TOTAL DES COTISATIONS ET CONTRIBUTIONS",
                      "Net à payer avant impôt sur le revenu", "Impôt sur le revenu prélevé à la source",
                      "Montant net social", "sans limitation de durée", "www.service-public.fr"):
            assert _flat(words) in flat, words
        # the accountant's letterhead: another SIRET beside the employer's, the Ordre, its name twice on some
        siret = str(fields["employer_siret"])
        sirets = {s.replace(" ", "") for s in SIRETS.findall(text)}
        assert siret in sirets and len(sirets) == 2, sirets
        assert "Ordre" in text and re.search(r"(expertise comptable|Expert-comptable|experts-comptables)", text)
        assert re.search(r"(Dossier|Client|Réf\. dossier) n° \d{4}", text), text
        # the other distractors: the payment date, the entry date, the hourly rate, the year's gross, the nets
        assert re.search(r"(Date de paiement :|Payé le|Paiement le) \d{2}/\d{2}/\d{4}", text), text
        assert re.search(r"(Date d'entrée( :)?|Entrée le :) \d{2}/\d{2}/\d{4}", text), text
        assert re.search(r"Taux horaire :? :?\s?\d+,\d{4} €", text), text
        assert "virement" in text.lower()
        cumul = (re.search(rf"Salaire brut {gross} (\d[\d ]*,\d{{2}})", text)
                 or re.search(r"Année (\d[\d ]*,\d{2})", text))
        assert cumul and waves.amount(cumul.group(1)) >= float(fields["gross_salary"]), text
        net = re.search(r"NET (PAYÉ|A PAYER)( EN EUROS)? (\d[\d ]*,\d{2})", text)
        assert net and waves.amount(net.group(3)) < float(fields["gross_salary"]), text
        if pages == 2:
            assert "Total de l'année" in text and "éléments variables transmis le" in text
            total = re.search(r"Total de l'année (\d[\d ]*,\d{2})", text)
            assert total and waves.amount(total.group(1)) == waves.amount(cumul.group(1)), text
        if "Part employeur" in text:
            assert "Part salarié" in text and re.search(r"\b0100 Salaire de base", text)
            seen["listing"] += 1
        elif "À déduire" in text:
            assert "Bulletin établi par" in text and text.index("SALARIÉ(E)") > text.index("EMPLOYEUR")
            seen["logo_haut"] += 1
        else:
            assert "CUMULS ANNUELS" in text and "Montant sal." in text
            seen["bandeau"] += 1
    assert all(seen[k] for k in ("bandeau", "logo_haut", "listing", "one page", "two pages")), seen


def test_pay_lines_add_up_to_the_gross_and_the_accountant_is_not_the_employer():
    """Built directly over many months: the pay lines (base, overtime, primes, leave) make the facts' gross, which
    differs from the base on some; the contributions add up to their total; the nets come in their order; the firm's
    SIRET and name printed are not the employer's."""
    differs = 0
    for facts, months, piece in waves.payslip_months(NAME, cabinet_comptable, _compute, range(20)):
        for month, pay in months:
            assert round(sum(line.gain or 0.0 for line in pay.earn), 2) == month.gross
            differs += len(pay.earn) > 1
            rows = pay.contributions[:-1]
            assert pay.contributions[-1].cut == round(sum(r.cut or 0.0 for r in rows), 2) == pay.sal_total
            assert pay.contributions[-1].pat == round(sum(r.pat or 0.0 for r in rows), 2) == pay.pat_total
            assert 0 < pay.net_paid <= pay.net_before < month.gross + 100
        words = " ".join(e.text for sheet in piece.sheets for e in sheet.elements if isinstance(e, Text))
        employer = facts.contract.employer
        printed = {s.replace(" ", "") for s in SIRETS.findall(words)}
        assert employer.siret in printed and len(printed) == 2, printed
        assert employer.siret in words or siret_spaced(employer.siret) in words
    assert differs > 8


def test_drawn_for_any_employer_but_la_poste():
    waves.drawn_only_where(NAME, "renouvellement", range(60), keeps_an_accountant)


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 5)


def test_in_whole_dossiers_alone_and_beside_the_older_families(tmp_path):
    """Drawn alone for its type, every payslip of a dossier is one and the folder passes the check; drawn with and
    without it, a dossier keeps every other piece, with the same truth (seed 10 draws it for its one payslip)."""
    renders = waves.dossiers_alone_and_beside(NAME, "renouvellement", 3, (10,), tmp_path)
    assert renders["render:born_digital"] >= 1


def test_the_fifth_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece over 60 facts: every payslip not of the new family is the one made with it excluded, the
    generator's stream ends where it did, and the four earlier fresh payslip families are still drawn."""
    waves.earlier_draws_kept(NAME, "renouvellement", range(60), WAVES)
