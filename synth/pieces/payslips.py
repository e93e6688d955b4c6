"""Payslip families added for issue 9 (other wording, order and layout than `work.py`'s two):
the "bulletin clarifié" (grouped contributions, employer's share, net paid after tax), a slip
with year-to-date totals (larger gross amounts as distractors), two header boxes side by side,
and a monospaced payroll listing with dot leaders. Each prints the same facts."""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from synth.facts import DossierFacts, PayslipFacts
from synth.fmt import MONTHS_FR, date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey
from synth.layout import Box, Flow, Rule, Sheet, Text
from synth.pieces.base import bold

# (group, employee rate %, employer rate %) of the clarified payslip, on the gross
GROUPS = (("Santé – Sécurité sociale maladie, maternité", 0.0, 7.0), ("Complémentaire santé", 1.1, 1.1),
          ("Accidents du travail", 0.0, 1.2), ("Retraite – Sécurité sociale plafonnée", 6.9, 8.55),
          ("Retraite complémentaire tranche 1", 4.01, 6.01), ("Famille", 0.0, 3.45),
          ("Assurance chômage", 0.0, 4.05))


@dataclass(frozen=True)
class SlipWords:
    """What the builder drew before choosing a family (kept so that older families are unchanged)."""
    facts: DossierFacts
    slip: PayslipFacts
    font: FontKey
    title: str
    last_day: dt.date

    @property
    def month(self) -> str:
        p = self.slip.period_start
        return f"{MONTHS_FR[p.month - 1]} {p.year}"

    @property
    def hours(self) -> float:
        c = self.facts.contract
        return c.hours_per_month or round(c.weekly_hours * 52 / 12, 2)

    def pay_rows(self) -> list[tuple[str, str, str, str]]:
        """(label, base, rate, amount) of the pay itself, before the gross."""
        rows = [("Salaire de base", hours_fr(self.hours), number_fr(self.slip.base_salary / self.hours),
                 number_fr(self.slip.base_salary))]
        if self.slip.extra:
            rows.append(("Heures supplémentaires majorées", "", "", number_fr(self.slip.extra)))
        return rows


def _cut(gross: float, rate: float) -> float:
    return round(gross * rate / 100, 2)


def _employee_cuts(gross: float) -> tuple[list[tuple[str, float, float, float]], float]:
    """(label, rate, employee amount, employer amount) rows and the employee's total, CSG included."""
    rows = [(label, rate, _cut(gross, rate), _cut(gross, employer)) for label, rate, employer in GROUPS]
    base_csg = gross * 0.9825
    rows += [("CSG déductible de l'impôt sur le revenu", 6.8, _cut(base_csg, 6.8), 0.0),
             ("CSG/CRDS non déductible", 2.9, _cut(base_csg, 2.9), 0.0)]
    return rows, round(sum(r[2] for r in rows), 2)


def _cells(sheet: Sheet, y: float, cells: tuple[str, ...], xs: tuple[float, ...], size: float, font: FontKey,
           right_from: int = 1) -> None:
    """A row: the first cell left-aligned, the figures right-aligned on their column's end."""
    for i, (x, cell) in enumerate(zip(xs, cells)):
        if cell:
            sheet.add(Text(x, y, cell, size, font, align="right" if i >= right_from else "left"))


def clarified(w: SlipWords, rng: random.Random) -> list[Sheet]:
    person, company, slip, font = w.facts.person, w.facts.contract.employer, w.slip, w.font
    sheet = Sheet()
    sheet.add(Text(15, 14, "Employeur", 7.5, font, (100, 100, 100)),
              Text(15, 20, company.name, 10.5, bold(font)), Text(15, 25, company.address, 8, font),
              Text(15, 30, f"Siret : {company.siret}", 8, font), Text(15, 35, f"Code NAF : {company.ape}", 8, font),
              Text(15, 40, "Convention collective : Syntec (IDCC 1486)", 8, font))
    sheet.add(Text(195, 16, w.title.capitalize(), 14, bold(font), align="right"),
              Text(195, 23, f"Période du {date_slash(slip.period_start)} au {date_slash(w.last_day)}", 8.5, font,
                   align="right"),
              Text(195, 28, f"Date de paiement : {date_slash(w.last_day)}", 8.5, font, align="right"))
    sheet.add(Box(112, 34, 83, 30, fill=(242, 242, 242), stroke=None),
              Text(115, 40, "Salarié", 7.5, font, (100, 100, 100)),
              Text(115, 46, f"{person.civility} {person.given_names} {person.surname}", 10, bold(font)),
              Text(115, 51, person.address, 7.5, font),
              Text(115, 56, f"Emploi : {w.facts.contract.job_title}", 8, font),
              Text(115, 61, f"N° de sécurité sociale : {1 if person.sex == 'M' else 2} "
                            f"{person.birth_date:%y %m} 99 {rng.randint(100, 999)} {rng.randint(100, 999)}", 7.5, font))
    xs = (15, 122, 142, 168, 195)
    y = 74
    sheet.add(Box(13, y - 5, 184, 7, fill=(210, 220, 235), stroke=None))
    _cells(sheet, y, ("Désignation", "Base", "Taux", "Part salarié", "Part employeur"), xs, 8, bold(font))
    y += 7
    for label, base, rate, amount in w.pay_rows():
        _cells(sheet, y, (label, base, rate, amount, ""), xs, 8, font)
        y += 5
    sheet.add(Rule(13, y - 3, 197, y - 3, 0.3))
    _cells(sheet, y + 1, ("Salaire brut", "", "", number_fr(slip.gross), ""), xs, 9, bold(font))
    y += 9
    rows, employee_total = _employee_cuts(slip.gross)
    for label, rate, employee, employer in rows:
        rate_text = f"{rate:.2f}".replace(".", ",") if rate else ""
        _cells(sheet, y, (label, number_fr(slip.gross), rate_text, number_fr(employee) if employee else "",
                          number_fr(employer) if employer else ""), xs, 7.5, font)
        y += 4.8
    employer_total = round(sum(r[3] for r in rows), 2)
    y += 3
    _cells(sheet, y, ("Total des cotisations et contributions", "", "", number_fr(employee_total),
                      number_fr(employer_total)), xs, 8, bold(font))
    net = slip.gross - employee_total
    y += 9
    sheet.add(Box(13, y - 5, 184, 7, fill=(235, 235, 235), stroke=None))
    _cells(sheet, y, ("Net à payer avant impôt sur le revenu", "", "", euros(net), ""), xs, 9, bold(font))
    y += 7
    _cells(sheet, y, ("Impôt sur le revenu prélevé à la source – taux personnalisé", "", "0,00", "0,00", ""), xs, 8, font)
    y += 7
    _cells(sheet, y, ("NET PAYÉ", "", "", euros(net), ""), xs, 10, bold(font))
    y += 9
    sheet.add(Text(15, y, f"Coût total employeur : {euros(slip.gross + employer_total)}", 8, font, (90, 90, 90)))
    sheet.add(Text(105, 286, "Conservez ce bulletin de paie sans limitation de durée.", 6.5, font, (90, 90, 90),
                   "center"))
    return [sheet]


def cumuls(w: SlipWords, rng: random.Random) -> list[Sheet]:
    """A slip with its year-to-date totals under the month's figures."""
    person, company, slip, font = w.facts.person, w.facts.contract.employer, w.slip, w.font
    sheet = Sheet()
    sheet.add(Text(15, 16, w.title, 13, bold(font)), Text(195, 16, f"Mois : {w.month}", 10, bold(font), align="right"))
    sheet.add(Rule(15, 19, 195, 19, 0.5))
    sheet.add(Text(15, 25, f"{company.name} – {company.address}", 8.5, font),
              Text(15, 30, f"N° Siret : {siret_spaced(company.siret)}    URSSAF de {company.city}    "
                           f"APE : {company.ape}", 8.5, font))
    sheet.add(Box(15, 35, 180, 18, stroke=(90, 90, 90)),
              Text(18, 41, f"Salarié(e) : {person.civility} {person.surname} {person.given_names}", 9.5, bold(font)),
              Text(18, 47, f"Qualification : {w.facts.contract.job_title}", 8.5, font),
              Text(120, 41, f"Entré(e) le : {date_slash(w.facts.contract.start_date)}", 8.5, font),
              Text(120, 47, f"Matricule : {rng.randint(1, 999):04d}", 8.5, font))
    xs = (18, 120, 145, 170, 195)
    y = 62
    sheet.add(Box(15, y - 5, 180, 7, fill=(225, 225, 225), stroke=(90, 90, 90)))
    _cells(sheet, y, ("Rubrique", "Nombre", "Taux", "Gain", "Retenue"), xs, 8, bold(font))
    y += 7
    for label, base, rate, amount in w.pay_rows():
        _cells(sheet, y, (label, base, rate, amount, ""), xs, 8, font)
        y += 5
    _cells(sheet, y + 1, ("TOTAL BRUT", "", "", number_fr(slip.gross), ""), xs, 9, bold(font))
    y += 9
    rows, employee_total = _employee_cuts(slip.gross)
    for label, rate, employee, _ in rows:
        if employee:
            _cells(sheet, y, (label, number_fr(slip.gross), f"{rate:.2f}".replace(".", ","), "",
                              number_fr(employee)), xs, 7.5, font)
            y += 4.8
    net = slip.gross - employee_total
    y += 4
    _cells(sheet, y, ("NET À PAYER", "", "", euros(net), ""), xs, 10, bold(font))
    y += 12
    months = slip.period_start.month
    sheet.add(Text(18, y, "Cumuls annuels", 9, bold(font)))
    y += 6
    cumul_xs = (18, 70, 110, 150)
    _cells(sheet, y, ("", "Brut", "Net imposable", "Heures"), cumul_xs, 8, bold(font))
    y += 5
    _cells(sheet, y, ("Période", number_fr(slip.gross), number_fr(net * 1.03), hours_fr(w.hours)), cumul_xs, 8, font)
    y += 5
    _cells(sheet, y, ("Année", number_fr(slip.gross * months + (months - 1) * 12.5),
                      number_fr(net * 1.03 * months), hours_fr(w.hours * months)), cumul_xs, 8, font)
    sheet.add(Text(105, 286, "Bulletin à conserver sans limitation de durée.", 6.5, font, (90, 90, 90), "center"))
    return [sheet]


def split_header(w: SlipWords, rng: random.Random) -> list[Sheet]:
    """Two header boxes side by side (employer, employee), the period as MM/YYYY."""
    person, company, slip, font = w.facts.person, w.facts.contract.employer, w.slip, w.font
    p = slip.period_start
    flow = Flow(font, 8.5, top=14)
    flow.text(f"{w.title} – Période de paie : {p.month:02d}/{p.year}", 12, bold(font), "center")
    sheet = flow.sheet
    for x, head, lines in ((15, "EMPLOYEUR", [company.name, company.address, f"SIRET {company.siret}",
                                              f"Code APE {company.ape}"]),
                           (108, "SALARIÉ", [f"Nom : {person.surname}", f"Prénom : {person.given_names}",
                                             f"Poste : {w.facts.contract.job_title}",
                                             f"Ancienneté depuis le {date_slash(w.facts.contract.start_date)}"])):
        sheet.add(Box(x, 24, 87, 30, stroke=(70, 70, 70)), Box(x, 24, 87, 6, fill=(60, 60, 60), stroke=None),
                  Text(x + 2, 28.6, head, 8.5, bold(font), (255, 255, 255)))
        for i, line in enumerate(lines):
            sheet.add(Text(x + 2, 36 + i * 5, line, 8.5, bold(font) if i == 0 else font))
    flow.y = 60
    rows, employee_total = _employee_cuts(slip.gross)
    table = [("Libellé", "Base", "Taux", "Montant")]
    table += [(label, base, rate, amount) for label, base, rate, amount in w.pay_rows()]
    table.append(("Rémunération brute", "", "", number_fr(slip.gross)))
    table += [(label, number_fr(slip.gross), f"{rate:.2f}".replace(".", ","), f"- {number_fr(amount)}")
              for label, rate, amount, _ in rows if amount]
    table.append(("Net à payer au salarié", "", "", euros(slip.gross - employee_total)))
    flow.table(table, (92, 30, 22, 36), head_font=bold(font))
    flow.space(4)
    flow.text(f"Payé par virement le {date_slash(w.last_day)}.")
    return flow.finish()


def listing(w: SlipWords, rng: random.Random) -> list[Sheet]:
    """A monospaced payroll listing: capital labels, dot leaders, no boxes."""
    person, company, slip = w.facts.person, w.facts.contract.employer, w.slip
    font = FontKey("mono")
    flow = Flow(font, 8.5, top=16)
    flow.text(f"*** {w.title} ***", 10, bold(font), "center")
    flow.space(3)
    flow.dotted([("RAISON SOCIALE", company.name), ("ADRESSE", company.address.upper()),
                 ("NUMERO SIRET", company.siret), ("CODE APE", company.ape)], 60)
    flow.space(2)
    flow.dotted([("NOM DU SALARIE", person.surname), ("PRENOMS", person.given_names.upper()),
                 ("EMPLOI", w.facts.contract.job_title.upper()),
                 ("PERIODE", f"{w.month.upper()} ({date_slash(slip.period_start)} AU {date_slash(w.last_day)})")], 60)
    flow.space(4)
    flow.rule()
    for label, base, rate, amount in w.pay_rows():
        flow.dotted([(label.upper(), f"{base:>10} {rate:>8} {amount:>12}")], 90)
    flow.dotted([("BRUT SOCIAL", f"{'':>19} {number_fr(slip.gross):>13}")], 90)
    flow.rule()
    rows, employee_total = _employee_cuts(slip.gross)
    for label, rate, amount, _ in rows:
        if amount:
            flow.dotted([(label.upper()[:34], f"{f'{rate:.2f}'.replace('.', ','):>19} {number_fr(amount):>12}-")], 90)
    flow.rule()
    flow.dotted([("NET A PAYER", f"{'':>19} {number_fr(slip.gross - employee_total):>13}")], 90)
    flow.space(6)
    flow.text(f"VIREMENT DU {date_slash(w.last_day)} - A CONSERVER SANS LIMITATION DE DUREE", 7.5)
    return flow.finish()


LATER_PAYSLIPS: dict[str, Callable[[SlipWords, random.Random], list[Sheet]]] = {
    "clarified": clarified, "cumuls": cumuls, "split_header": split_header, "listing": listing,
}
