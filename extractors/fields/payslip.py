"""Fields of a bulletin de paie / de salaire."""
from __future__ import annotations

import re
from collections import Counter

from extractors.frenchtext import find_dates, find_month_years, find_numbers
from extractors.label_layout import value_by_label
from extractors.textfields import (
    CIVILITY,
    ExtractionBuilder,
    PersonName,
    Span,
    TextIndex,
    best_person,
    is_upper_name,
    labelled_name,
    last_number_on_line,
    looks_like_name,
    name_after,
    ner_person,
    siret_span,
    split_name,
)
from extractors.textnorm import fold
from models.document import Page
from models.domain import FIELDS, PieceType
from models.records import Extraction

FIELD_NAMES = FIELDS[PieceType.payslip]

PERIOD_LABELS = (
    r"periode(?:\s+de\s+paie)?|paie\s+du|bulletin\s+de\s+(?:paie|salaire)\s+(?:du\s+mois\s+)?(?:de|du|d')"
    r"|\bmois\s*(?:de\s+paie\s*)?:|mois\s+de\b|\bdu\s+mois|periode\s+d'emploi|salaire\s+du\s+mois"
)
GROSS_LABELS = (
    # an international group's slip prints the English first ("Gross salary / Salaire brut")
    (r"salaire\s+brut(?:\s+total)?|total\s+brut|brut\s+(?:total|mensuel|du\s+mois)|remuneration\s+brute(?:\s+totale)?"
     r"|gross\s+(?:salary|pay|earnings)|total\s+gross"),
    r"(?m)^\s*brut\s*:",  # a bare pay statement's "Brut : 2 345,67 €"
)


def extract(pages: list[Page]) -> Extraction:
    index = TextIndex(pages)
    out = ExtractionBuilder(index, FIELD_NAMES)
    out.set("employer_siret", siret_span(index))
    person = (
        labelled_name(index)
        or name_after(index, r"(?:nom\s+du\s+salarie|salarie(?:\s*\(e\))?|employe(?:\s*\(e\))?)\s*:")
        or _name_under_label(index)
        or best_person(index, prefer_before=r"salarie|matricule|emploi")
        or _name_in_employee_block(index)
        or ner_person(index)
    )
    if person:
        out.set("employee_surname", person.surname)
    out.set("period", _period(index))
    for label in GROSS_LABELS:
        out.set("gross_salary", last_number_on_line(index, label))
    out.set("gross_salary", _gross_from_contribution_bases(index))
    return out.build()


# The employee's block names the person without a label: on the line after their payroll number, or the line before
# their job ("Matricule 04629" / "TKACHENKO Olena" / "Emploi : Chargé de clientèle").
EMPLOYEE_NUMBER_LINE = r"(?m)^[ \t]*(?:matricule|n[°o]\s*(?:de\s+)?salarie|code\s+salarie|identifiant\s+salarie)\b[^\n]*\n"
JOB_LINE = r"(?m)\n(?=[ \t]*(?:emploi|poste|fonction|qualification)\s*:)"


def _name_in_employee_block(index: TextIndex) -> PersonName | None:
    starts = [m.end() for m in index.search(EMPLOYEE_NUMBER_LINE)]
    starts += [index.line_bounds(m.start())[0] for m in index.search(JOB_LINE) if m.start() > 0]
    for start in starts:
        end = index.line_bounds(start)[1]
        line = index.text[start:end].split("\t")[0].strip()
        if _surname_in_capitals_given_not(line):
            offset = index.text.find(line, start)
            return split_name(index, offset, offset + len(line), 0.85)
    return None


# A grid's "Salarié" heading its column, the employee's cell under it: "Salarié | Employeur" over "M. SHARMA Vikram |
# KORVALIS …"; a payroll number run into it when the "Matricule" column is narrow ("00051206 EL IDRISSI Anas").
EMPLOYEE_CELL_LABEL = r"(?<![\w'])(?:salarie|employe)(?:\s*\(e\)|e)?(?![\w'])"
NUMBER_BEFORE_NAME = r"^(?:n[°o]\s*)?\d[\d ]{2,}\s+"


def _employee_cell(text: str):
    value = text.strip()
    number = re.match(NUMBER_BEFORE_NAME, value)
    start = number.end() if number else 0
    civility = re.match(CIVILITY + r"\s+", fold(value[start:]))
    start += civility.end() if civility else 0
    name = value[start:]
    return (name, start, len(value)) if _surname_in_capitals_given_not(name) else None


def _surname_in_capitals_given_not(text: str) -> bool:
    """A name as payslips print it: its surname in capitals, its given names not (an address, a status or a
    department is no name)."""
    words = text.split()
    return looks_like_name(text) and any(is_upper_name(w) for w in words) and not all(is_upper_name(w) for w in words)


def _name_under_label(index: TextIndex) -> PersonName | None:
    span = value_by_label(index, EMPLOYEE_CELL_LABEL, _employee_cell, opens_cell=True)
    if span is None:
        return None
    # the name's own cell: the lines set solid under it are the address
    line_end = index.line_bounds(span.start)[1]
    cell_end = index.text.find("\t", span.start, line_end)
    end = min(span.end, cell_end if cell_end >= 0 else line_end)
    return split_name(index, span.start, end, 0.9)


# Contributions computed on the whole gross: their base column repeats it.
CONTRIBUTION_ROW = (
    r"securite\s+sociale|retraite|assurance\s+chomage|chomage|famille|allocations\s+familiales"
    r"|accidents?\s+du\s+travail|complementaire\s+sante|prevoyance|maladie|vieillesse"
)


def _gross_from_contribution_bases(index: TextIndex) -> Span | None:
    """When the SALAIRE BRUT row is unreadable: the base most contribution rows share
    (the first amount after the contribution's name), if at least three rows agree."""
    bases: list[tuple[float, int, int]] = []
    for m in index.search(CONTRIBUTION_ROW):
        _, line_end = index.line_bounds(m.end())
        rest = index.text[m.end(): line_end]
        amounts = [n for n in find_numbers(rest) if n[0] >= 100 and re.search(r",\d\d$", rest[n[1]: n[2]])]
        if amounts:
            value, s, e = amounts[0]
            bases.append((value, m.end() + s, m.end() + e))
    counts = Counter(value for value, _, _ in bases)
    if not counts:
        return None
    value, count = counts.most_common(1)[0]
    if count < 3:
        return None
    _, s, e = next(b for b in bases if b[0] == value)
    return Span(value, s, e, 0.6)


def _month_of(text: str) -> tuple[str, int, int] | None:
    """YYYY-MM of the first date or month written in `text`, and where it stands."""
    first = min(find_dates(text)[:1] + find_month_years(text)[:1], key=lambda f: f[1], default=None)
    if first is None:
        return None
    value, s, e = first
    year, month = (value.year, value.month) if hasattr(value, "year") else value
    return f"{year:04d}-{month:02d}", s, e


def _month_opening(text: str) -> tuple[str, int, int] | None:
    """A grid cell's period: the cell opens with it ("du 01/05/2026 au 31/05/2026", "Mai 2026")."""
    found = _month_of(text)
    return found if found and not re.search(r"\w", re.sub(r"(?i)\b(?:du|from)\b", "", text[:found[1]])) else None


def _period(index: TextIndex) -> Span | None:
    """YYYY-MM of the pay period: 'Période du 01/02/2026 au 28/02/2026', 'Période : février 2026', 'Mois : 02/2026',
    or in a grid's cell under its label ("Période | Date de paiement" over "du 01/05/2026 au 31/05/2026 | …")."""
    for m in index.search(PERIOD_LABELS):
        found = _month_of(index.text[m.end(): m.end() + 40])
        if found is not None:
            value, s, e = found
            return Span(value, m.end() + s, m.end() + e)
    if (in_grid := value_by_label(index, PERIOD_LABELS, _month_opening, opens_cell=True)) is not None:
        return in_grid
    # No label: a month written in words with its year ("Bulletin de paie – Mars 2026").
    dates = find_dates(index.text)
    for (year, month), s, e in find_month_years(index.text):
        inside_a_date = any(ds <= s < de for _, ds, de in dates)
        if not inside_a_date and not index.text[s].isdigit():
            return Span(f"{year:04d}-{month:02d}", s, e, 0.6)
    return None
