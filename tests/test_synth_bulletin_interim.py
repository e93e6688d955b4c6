"""The third fresh payslip family, `payslip:bulletin_interim` (wave 2), written once `bulletin_paysage` had been looked at:
a temporary-work agency's payslip for a worker on assignment (a network's slip with coloured bands, a small agency's
plain listing, or the mission block above the worker's). It renders born digital, scanned and photographed, prints its
truth (the agency's SIRET, the worker's surname, the month, the gross) beside its distractors (the client's name and
SIRET, mission and contract numbers, the missions' dates, the weekly hours, IFM and ICCP, the nets, the year-to-date
gross, the payment date in the next month), its pay lines with the IFM and the ICCP add up to the gross, it is drawn
only for employers that could be an agency, carries its family tag in whole dossiers that pass `synth check`, and
leaves every other piece (and the earlier fresh families' draws) as it was."""
from __future__ import annotations

import re
from collections import Counter

from synth.fmt import MONTHS_FR, number_fr
from synth.pieces.fresh_payslip_interim import _compute, bulletin_interim, temp_agency
from tests import fresh_waves as waves
from tests.fresh_waves import squeezed as _flat

NAME = "payslip:bulletin_interim"
WAVES = {"net_paye": 0, "bulletin_paysage": 1, "bulletin_interim": 2}


def test_listed_last_later_and_drawn_in_the_third_wave():
    waves.listed_last_in_its_wave(NAME, WAVES)


def test_born_digital_prints_its_truth_beside_its_distractors():
    seen: Counter = Counter()
    for text, flat, pages, fields in waves.payslip_texts(NAME, range(1, 10)):  # the worker, the agency's SIRET
        seen["two pages" if pages == 2 else "one page"] += 1
        # the rest of the truth: the month, the gross
        siret = str(fields["employer_siret"])
        year, month = (int(part) for part in str(fields["period"]).split("-"))
        word = MONTHS_FR[month - 1]
        assert (f"du 01/{month:02d}/{year} au " in text or f"Période : {month:02d}/{year}" in text
                or re.search(rf"Paie du mois (de |d'){word} {year}", text)), text
        gross = number_fr(float(fields["gross_salary"]))
        assert re.search(rf"(SALAIRE BRUT|Total brut|BRUT|Salaire brut|TOTAL BRUT) {gross} ", text), text
        # the temporary-work wording
        for words in ("Entreprise utilisatrice", "mission", "Heures normales", "IDCC 2378", "SANTÉ", "RETRAITE",
                      "TOTAL DES COTISATIONS ET CONTRIBUTIONS", "Net à payer avant impôt sur le revenu",
                      "Impôt", "sans limitation de durée"):
            assert _flat(words) in flat, words
        assert "Garantie financière" in text or "Garant financier" in text
        # the distractors: the client's SIRET beside the agency's, mission numbers and dates, IFM/ICCP, payment
        sirets = {re.sub(r"\s", "", s) for s in re.findall(r"\b\d{3} ?\d{3} ?\d{3} ?\d{5}\b", text)}
        assert siret in sirets and len(sirets) >= 2, sirets
        assert re.search(r"N° (de )?mission( \d{8})?", text), text
        assert re.search(r"(Mission du|Début) .*\d{2}/\d{2}/\d{4}", text), text
        assert re.search(r"(Date de paiement : |Payé le |Virement du )\d{2}/\d{2}/\d{4}", text), text
        if "IFM acquise" in text:
            seen["accrued"] += 1
            assert "Indemnité de fin de mission" not in text
        else:
            assert "Indemnité de fin de mission (IFM) 10 %" in text and "(ICCP) 10 %" in text, text
            seen["paid"] += 1
        net = re.search(r"NET (À PAYER|A PAYER|PAYÉ)( EN EUROS)? (\d[\d ]*,\d{2})", text)
        assert net and waves.amount(net.group(3)) < float(fields["gross_salary"]), text
        cumul = (re.search(rf"Salaire brut {gross} (\d[\d ]*,\d{{2}})", text)
                 or re.search(r"Cumuls annuels : Salaire brut (\d[\d ]*,\d{2})", text)
                 or re.search(r"Année (\d[\d ]*,\d{2})", text))
        assert cumul and waves.amount(cumul.group(1)) >= float(fields["gross_salary"]), text
        if "VOTRE AGENCE" in text:
            seen["reseau"] += 1
        elif "SALARIÉ INTÉRIMAIRE" in text:
            assert text.index("ENTREPRISE UTILISATRICE") < text.index("SALARIÉ INTÉRIMAIRE")
            seen["mission_haut"] += 1
        else:
            assert "Gains" in text and "Retenues" in text and "Contrat de mission n°" in text
            seen["independant"] += 1
    assert all(seen[k] for k in ("reseau", "mission_haut", "independant", "one page", "two pages", "paid",
                                 "accrued")), seen


def test_pay_lines_with_ifm_and_iccp_add_up_to_the_gross():
    """Built directly over many months: the weekly hours, overtime, primes, IFM and ICCP make the facts' gross to the
    cent; the IFM is 10 % of each mission's pay and the ICCP 10 % of the pay with it; the client is another company."""
    seen: Counter = Counter()
    for facts, months, _ in waves.payslip_months(NAME, bulletin_interim, _compute):
        for month, pay in months:
            assert round(sum(row.gain or 0.0 for row in pay.earn), 2) == month.gross
            paid = [m for m in pay.missions if m.paid]
            for m in paid:
                assert m.ifm == round(m.base * 0.10, 2)
            if paid:
                assert pay.iccp == round(sum(m.base + m.ifm for m in paid) * 0.10, 2) and pay.accrued is None
                seen["paid"] += 1
            else:
                assert pay.ifm == pay.iccp == 0 and pay.accrued
                seen["accrued"] += 1
            seen["two missions"] += len(pay.missions) == 2
            seen["ended"] += any(m.ended for m in pay.missions)
            seen["overtime"] += bool(pay.overtime)
            for m in pay.missions:
                assert m.client_siret != facts.contract.employer.siret
                assert not m.client.startswith(facts.contract.employer.name + " ")
            assert len({m.number for m in pay.missions}) == len(pay.missions)
            assert 0 < pay.net_paid <= pay.net_before < month.gross + 200
    assert all(seen[k] > 3 for k in ("paid", "accrued", "two missions", "ended", "overtime")), seen


def test_drawn_for_employers_that_could_be_an_agency():
    """Left free, the family takes some payslips, and never a farm's, a bakery's, a restaurant's or La Poste's."""
    waves.drawn_only_where(NAME, "renouvellement", range(150), temp_agency)


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 5)


def test_in_whole_dossiers_alone_and_beside_the_older_families(tmp_path):
    """Drawn alone for its type, every payslip of a dossier is one and the folder passes the check; drawn with and
    without it, a dossier keeps every other piece, with the same truth (seed 144 draws it for its one payslip)."""
    renders = waves.dossiers_alone_and_beside(NAME, "renouvellement", 3, (144,), tmp_path)
    assert renders["render:born_digital"] >= 1


def test_the_third_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece over 60 facts: every payslip not of the new family is the one made with it excluded, the
    generator's stream ends where it did, and `net_paye` and `bulletin_paysage` are still drawn."""
    waves.earlier_draws_kept(NAME, "renouvellement", range(60), WAVES)
