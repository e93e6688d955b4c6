"""Fresh payslip family `net_paye`: a payroll-software slip with the employee block top left, the
period and payment date top right, the employer block at the *bottom* of the page (with its Urssaf
account), a six-column table (to deduct / to pay / employer's share), "Total brut", then "Net
social", "Net imposable", "Net à payer avant impôt", the tax withheld at source and "Net payé"."""
from __future__ import annotations

import datetime as dt
import random

from synth.facts import DossierFacts, PayslipFacts
from synth.fmt import MONTHS_FR, date_slash, euros, number_fr, siret_spaced
from synth.fonts import FontKey
from synth.layout import A4, Box, Rule, Sheet, Text
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.payslips import SlipWords, _employee_cuts
from synth.pieces.work import _payslip_piece

COLUMNS = (14, 98, 120, 138, 158, 178, 197)  # label | base | rate | to deduct | to pay | employer (right edges)
HEADS = ("Éléments de paie", "Base", "Taux", "À déduire", "À payer", "Employeur")
STATUSES = ("Non cadre", "Employé", "Agent de maîtrise", "Cadre")


def _row(sheet: Sheet, y: float, cells: tuple[str, ...], size: float, font: FontKey) -> None:
    sheet.add(Text(COLUMNS[0] + 1.5, y, cells[0], size, font))
    for right, cell in zip(COLUMNS[2:], cells[1:]):
        if cell:
            sheet.add(Text(right - 1.5, y, cell, size, font, align="right"))


def _employee_block(sheet: Sheet, w: SlipWords, font: FontKey, rng: random.Random) -> None:
    person, c = w.facts.person, w.facts.contract
    name = (f"{person.surname} {person.given_names}" if rng.random() < 0.5 else
            f"{person.civility} {person.given_names} {person.surname}")
    sheet.add(Box(12, 12, 100, 40, stroke=(70, 70, 70), width=0.3, radius=2))
    sheet.add(Text(15, 18, f"Matricule {rng.randint(1, 4999):05d}", 7.5, font, (90, 90, 90)),
              Text(15, 24, name, 10, bold(font)))
    lines = (person.address, f"Emploi : {c.job_title}",
             f"Statut : {rng.choice(STATUSES)}   Coefficient : {rng.choice((160, 200, 230, 275, 310))}",
             f"Date d'entrée : {date_slash(c.start_date)}",
             f"N° SS : {1 if person.sex == 'M' else 2} {person.birth_date:%y %m} 99 {rng.randint(100, 999)} "
             f"{rng.randint(100, 999)} {rng.randint(10, 97):02d}")
    for i, line in enumerate(lines):
        sheet.add(Text(15, 29.5 + 4.4 * i, line, 7.8, font))


def _period_block(sheet: Sheet, w: SlipWords, font: FontKey, rng: random.Random) -> None:
    p = w.slip.period_start
    period = (f"Période du {date_slash(p)} au {date_slash(w.last_day)}" if rng.random() < 0.5 else
              f"Période : {MONTHS_FR[p.month - 1].capitalize()} {p.year}")
    sheet.add(Text(197, 18, "Bulletin de paie", 15, bold(font), align="right"),
              Text(197, 25, period, 9, font, align="right"),
              Text(197, 30, f"Date de paiement : {date_slash(w.last_day)}", 8.5, font, align="right"),
              Text(197, 35, "Mode de paiement : virement", 8.5, font, align="right"))


def _employer_block(sheet: Sheet, w: SlipWords, font: FontKey, rng: random.Random, y: float) -> None:
    company = w.facts.contract.employer
    siret = siret_spaced(company.siret) if rng.random() < 0.5 else company.siret
    sheet.add(Box(12, y, 120, 27, fill=(244, 244, 244), stroke=(120, 120, 120), width=0.25))
    sheet.add(Text(15, y + 5, "Employeur", 7.5, font, (90, 90, 90)), Text(15, y + 10.5, company.name, 9.5, bold(font)))
    for i, line in enumerate((company.address, f"Siret : {siret}     Code NAF : {company.ape}",
                              f"Urssaf de {company.city} – n° cotisant {rng.randint(10**11, 10**12 - 1)}")):
        sheet.add(Text(15, y + 15.5 + 4.4 * i, line, 7.8, font))


def _net_lines(sheet: Sheet, y: float, gross: float, font: FontKey, rng: random.Random) -> float:
    """The nets under the table; returns the y below them."""
    rows, employee_total = _employee_cuts(gross)
    net = round(gross - employee_total, 2)
    non_deductible = next(r[2] for r in rows if "non déductible" in r[0])
    taxable = round(net + non_deductible, 2)
    rate = rng.choice((0.0, 0.0, 2.1, 4.5, 7.5))
    tax = round(taxable * rate / 100, 2)
    sheet.add(Text(COLUMNS[0] + 1.5, y, f"Net social : {euros(round(net * 1.012, 2))}", 8, font),
              Text(110, y, f"Net imposable : {euros(taxable)}", 8, font))
    y += 8
    sheet.add(Box(COLUMNS[0], y - 5, COLUMNS[-1] - COLUMNS[0], 7, fill=(232, 232, 232), stroke=None))
    _row(sheet, y, ("Net à payer avant impôt sur le revenu", "", "", "", euros(net), ""), 9, bold(font))
    y += 6
    _row(sheet, y, (f"Impôt sur le revenu prélevé à la source (taux {number_fr(rate)} %)", number_fr(taxable),
                    number_fr(rate), number_fr(tax), "", ""), 8, font)
    y += 8
    sheet.add(Box(120, y - 5.5, COLUMNS[-1] - 120, 8, stroke=(40, 40, 40), width=0.5))
    sheet.add(Text(123, y, "Net payé", 10, bold(font)), Text(COLUMNS[-1] - 2, y, euros(net - tax), 10, bold(font),
                                                             align="right"))
    return y + 10


def net_paye(facts: DossierFacts, rng: random.Random, slip: PayslipFacts | None = None) -> BuiltPiece:
    slip = slip or facts.payslips[0]
    p = slip.period_start
    last_day = (p.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    font = FontKey(rng.choice(("lsans", "sans", "condensed")))
    w = SlipWords(facts, slip, font, "Bulletin de paie", last_day)
    sheet = Sheet()
    _employee_block(sheet, w, font, rng)
    _period_block(sheet, w, font, rng)
    y = 62.0
    sheet.add(Box(COLUMNS[0], y - 5, COLUMNS[-1] - COLUMNS[0], 7, fill=(205, 215, 225), stroke=None))
    _row(sheet, y, HEADS, 7.8, bold(font))
    y += 7
    for pay in w.pay_rows():  # (label, base, rate, amount)
        _row(sheet, y, (pay[0], pay[1], pay[2], "", pay[3], ""), 8, font)
        y += 5
    sheet.add(Rule(COLUMNS[0], y - 3, COLUMNS[-1], y - 3, 0.3))
    _row(sheet, y + 1, ("Total brut", "", "", "", number_fr(slip.gross), ""), 9, bold(font))
    y += 9
    rows, employee_total = _employee_cuts(slip.gross)
    for label, rate, employee, employer in rows:
        _row(sheet, y, (label, number_fr(slip.gross), f"{rate:.2f}".replace(".", ",") if rate else "",
                        number_fr(employee) if employee else "", "", number_fr(employer) if employer else ""), 7.4, font)
        y += 4.7
    y += 2
    _row(sheet, y, ("Total des retenues", "", "", number_fr(employee_total), "", number_fr(sum(r[3] for r in rows))),
         8, bold(font))
    sheet.add(Rule(COLUMNS[0], y + 2, COLUMNS[-1], y + 2, 0.3))
    y = _net_lines(sheet, y + 9, slip.gross, font, rng)
    _employer_block(sheet, w, font, rng, max(y + 4, 232))
    sheet.add(Text(A4[0] / 2, 287, "Pour la défense de vos droits, conservez ce bulletin sans limitation de durée. "
                                   "Informations sur www.mon-entreprise.urssaf.fr", 6.3, font, (90, 90, 90), "center"))
    return _payslip_piece(facts, slip, "net_paye", [sheet])
