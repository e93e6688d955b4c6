"""The fourth fresh payslip family, `payslip:bulletin_bilingue` (wave 3), written once `bulletin_interim` had been looked
at: the bilingual French/English payslip a global payroll provider issues for the French entity of an international
group (the provider's portrait slip under a header band, a dense slip with a French and an English label column, or
the group's own template with the English first). It renders born digital, scanned and photographed, prints its truth
(the employer's SIRET, the employee's surname, the month, the gross) beside its distractors (the foreign parent company
and its registration number, the payment and hire dates, the year-to-date gross, the employer's cost, the nets, the
employee ID), its pay lines add up to the gross, it is drawn only for employers with a coined brand, carries its
family tag in whole dossiers that pass `synth check`, and leaves every other piece (and the earlier fresh families'
draws) as it was."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from synth.fmt import MONTHS_FR, number_fr
from synth.pieces.fresh_payslip_bilingue import (
    JOBS_EN,
    _compute,
    bulletin_bilingue,
    coined_brand,
)
from tests import fresh_waves as waves
from tests.fresh_waves import squeezed as _flat

NAME = "payslip:bulletin_bilingue"
WAVES = {"net_paye": 0, "bulletin_paysage": 1, "bulletin_interim": 2, "bulletin_bilingue": 3}
AMOUNT = r"(\d[\d ]*,\d{2})"
DATE = r"(\d{2}/\d{2}/\d{4})"
WORDS = ("Bulletin de paie", "Pay slip", "Employeur", "Employer", "Salarié", "Employee", "Période", "Pay period",
         "Salaire de base", "Base salary", "SALAIRE BRUT", "GROSS SALARY", "SANTÉ", "HEALTH", "RETRAITE", "RETIREMENT",
         "TOTAL DES COTISATIONS ET CONTRIBUTIONS", "TOTAL CONTRIBUTIONS", "Net à payer avant impôt", "Net pay before",
         "Impôt sur le revenu prélevé à la source", "Income tax withheld", "NET PAYÉ", "NET PAID", "Cumuls annuels",
         "Year to date", "Congés payés", "Paid leave", "Acquis", "Pris", "Solde", "Date d'entrée", "Hire date",
         "Centre de coût", "Cost centre", "Job title", "sans limitation de durée", "seule la version française fait foi")


def _date(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


def test_listed_last_later_and_drawn_in_the_fourth_wave():
    waves.listed_last_in_its_wave(NAME, WAVES)


def test_born_digital_prints_its_truth_beside_its_distractors():
    seen: Counter = Counter()
    for text, flat, pages, fields in waves.payslip_texts(NAME, range(1, 10)):  # the employee, the employer's SIRET
        seen["two pages" if pages == 2 else "one page"] += 1
        # the rest of the truth: the month, the gross (the French way, in the table after its label)
        year, month = (int(part) for part in str(fields["period"]).split("-"))
        start = dt.date(year, month, 1)
        assert (f"du 01/{month:02d}/{year} au " in text or f"01/{month:02d}/{year} – " in text
                or f"{MONTHS_FR[month - 1]} {year}" in text), text
        gross = float(fields["gross_salary"])
        assert re.search(rf"(SALAIRE BRUT|GROSS SALARY)( / SALAIRE BRUT| / GROSS SALARY| GROSS SALARY| SALAIRE BRUT)? "
                         rf"{number_fr(gross)} ", text), text
        # both languages
        for words in WORDS:
            assert _flat(words) in flat, words
        assert any(job in text for job in JOBS_EN.values()), text
        # the distractors: the foreign parent and its number, the payment and hire dates, the year's gross, the
        # employer's cost, the nets, the employee ID
        assert re.search(r"(Holdings Inc\.|Inc\.|Corporation|Group plc|Holding B\.V\.|Technologies Ltd|Group AG|GmbH)",
                         text), text
        assert re.search(r"(EIN \d{2}-\d{7}|Company No\. \d{8}|KvK \d{8}|CRO \d{6}|CHE-[\d.]{11}|HRB \d{6})", text)
        paid = re.search(rf"(Date de paiement|Payment date)( / (Payment date|Date de paiement))?( :)? {DATE}", text)
        assert paid and start.replace(day=20) <= _date(paid.group(5)) < dt.date(year + month // 12, month % 12 + 1, 1)
        hired = re.search(rf"(Date d'entrée|Hire date)\D{{0,30}}{DATE}", text)
        assert hired and _date(hired.group(2)) < start, text
        ytd = re.search(rf"(Salaire brut / Gross salary|Gross salary / Salaire brut) {number_fr(gross)} {AMOUNT}",
                        text)
        assert ytd and waves.amount(ytd.group(2)) >= gross, text
        cost = re.search(rf"(Coût total employeur / Total employer cost|Total employer cost / Coût total employeur) "
                         rf"(: )?{AMOUNT}", text)
        assert cost and waves.amount(cost.group(3)) > gross, text
        net = re.search(rf"(NET PAYÉ|NET PAID)( / (NET PAID|NET PAYÉ))? {AMOUNT}", text)
        assert net and waves.amount(net.group(4)) < gross, text
        assert re.search(r"(Matricule|Employee ID)\D{0,25}\d{6}\b", text), text
        if "EMPLOYEUR / EMPLOYER" in text:
            assert text.index("EMPLOYEUR / EMPLOYER") < text.index("SALARIÉ / EMPLOYEE")
            seen["bandeau"] += 1
        elif "Libellé" in text and "Description" in text:
            seen["compact"] += 1
            assert "Salaire de base Base salary" in text and pages == 1
        else:  # the English first
            assert "PAY SLIP" in text and text.index("Gross salary / Salaire brut") < text.index("Employee / Salarié")
            assert re.search(rf"GROSS SALARY( / SALAIRE BRUT| SALAIRE BRUT)? {number_fr(gross)} ", text), text
            seen["english_first"] += 1
    assert all(seen[k] for k in ("bandeau", "compact", "english_first", "one page", "two pages")), seen


def test_pay_lines_add_up_to_the_gross_and_the_nets_follow():
    """Built directly over many months: the base salary, bonuses, overtime and leave taken and paid back make the
    facts' gross to the cent; the nets follow from the contributions, the tax and the deductions after it."""
    seen: Counter = Counter()
    for _, months, piece in waves.payslip_months(NAME, bulletin_bilingue, _compute):
        for month, pay in months:
            assert round(sum(row.gain or 0.0 for row in pay.earn), 2) == month.gross
            assert pay.sal_total == round(sum(row.cut or 0.0 for row in pay.contributions[:-1]), 2)
            assert pay.net_paid == round(pay.net_before - pay.tax + sum(r.gain or 0.0 for r in pay.deductions), 2)
            assert 0 < pay.net_paid <= pay.net_before < month.gross + 150 and pay.cost > month.gross
            assert all(row.en for row in [*pay.earn, *pay.contributions, *pay.after, *pay.deductions])
            seen["days package"] += pay.hours is None
            seen["overtime"] += any(row.label.startswith("Heures supplémentaires") for row in pay.earn)
            seen["leave"] += any(row.label.startswith(("Absence congés", "Absence maladie")) for row in pay.earn)
            seen["espp"] += any("ESPP" in row.label for row in pay.deductions)
    assert seen["days package"] and all(seen[k] > 2 for k in ("overtime", "leave", "espp")), seen


def test_drawn_for_employers_with_a_coined_brand():
    """Left free, the family takes some payslips, never a farm's, a bakery's, a garage's or a family firm's."""
    waves.drawn_only_where(NAME, "renouvellement", range(150), coined_brand)


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 5)


def test_in_whole_dossiers_alone_and_beside_the_older_families(tmp_path):
    """Drawn alone for its type, every payslip of a dossier is one and the folder passes the check; drawn with and
    without it, a dossier keeps every other piece, with the same truth (seed 51 draws it for its one payslip)."""
    renders = waves.dossiers_alone_and_beside(NAME, "renouvellement", 35, (51,), tmp_path)
    assert renders["render:born_digital"] >= 1


def test_the_fourth_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece over 30 facts: every payslip not of the new family is the one made with it excluded, the
    generator's stream ends where it did, and `net_paye`, `bulletin_paysage` and `bulletin_interim` are still drawn."""
    waves.earlier_draws_kept(NAME, "renouvellement", range(30), WAVES)
