"""Fields of a contrat de travail (CDI or CDD), narrative or laid out in sections."""
from __future__ import annotations

import re

from extractors.cell_values import date_near, weekly_hours_in_cell
from extractors.label_layout import value_by_label
from extractors.parties import cell_company, form_person, defined_company, defined_person, letterhead_company
from extractors.textfields import (
    ExtractionBuilder,
    Span,
    TextIndex,
    best_person,
    clean_title,
    company_name_span,
    monthly_amount_after,
    ner_person,
    name_after,
    period_of_dates,
    run_on_end,
    section_start,
    siret_span,
    values_after,
    weekly_hours_span,
)
from extractors.textnorm import fold
from models.document import Page
from models.domain import FIELDS, PieceType
from models.records import Extraction

FIELD_NAMES = FIELDS[PieceType.employment_contract]

_CDD = r"duree\s+determinee|\bc\.?d\.?d\b"
_CDI = r"duree\s+indeterminee|\bc\.?d\.?i\b"

# Where the employer's name is written, best first.
EMPLOYER_LABELS = (
    r"(?:^|\n)\s*(?:employeur|raison\s+sociale|denomination(?:\s+sociale)?|nom\s+de\s+l'(?:employeur|entreprise)|entreprise|societe)\s*:",
    r"\b(?:la|cette)\s+societe\s+",
    r"(?:^|\n)[^\w\n]*entre\s+(?:les\s+soussignes\s*:?\s*)?(?:la\s+societe\s+|l'entreprise\s+|l'association\s+)?",
    r"\bl'employeur\s*:",
)
JOB_LABELS = (
    r"(?:^|\n)\s*(?:intitule\s+du\s+)?(?:poste|emploi|fonction|qualification)s?(?:\s*/\s*(?:poste|emploi|fonction|qualification)s?)?(?:\s+occupee?)?\s*:?[ \t]+",
    r"\bexercera\s+les\s+fonctions\s+d[e']\s*",
    r"\b(?:au\s+poste|en\s+tant|en\s+qualite)\s+d[e']\s*",
    r"\bengagee?\s+comme\s+",
    r"\boccuper(?:a|ez|ont|ait)?\s+(?:le\s+poste|l'emploi|la\s+fonction|les\s+fonctions)\s+d[e']\s*",
)
# The capacity in which the employer's representative signs ("représentée par X en qualité
# de gérant", "agissant en qualité de"): never the employee's job.
REPRESENTATIVE_CAPACITY = r"(?:agissant|represente(?:e)?\b(?:\s+par\b)?[^,.;]{0,60}|en\s+la\s+personne\s+de\b[^,.;]{0,60})\s*$"
JOB_END = r",|\.\s|\.$|;|\(|\s+statut\b|\s+coefficient|\s+niveau\b|\s+position\b|\s+categorie|\s+a\s+compter|\s+sous\s+|\s+au\s+sein|\s+moyennant|\s+pour\s+une"
START_LABELS = (
    r"a\s+compter\s+du|prend(?:ra)?\s+effet\s+(?:le|a\s+compter\s+du)|date\s+d'(?:embauche|entree|effet)"
    r"|date\s+de\s+debut|debut\s+du\s+contrat|commencera\s+le|debutera\s+le|prise\s+de\s+fonctions?"
    r"|entree\s+en\s+fonctions?|embauchee?\s+(?:a\s+compter\s+du|le)"
)
END_LABELS = (
    r"prendra\s+fin\s+le|se\s+terminera\s+le|date\s+de\s+fin|fin\s+du\s+contrat|terme\s+(?:le|au)|jusqu'au"
    r"|echeance\s+(?:le|au)|expirera\s+le|prend\s+fin\s+le|terme\s+du\s+contrat"
)
SALARY_LABELS = (
    r"salaire\s+(?:de\s+base\s+)?(?:mensuel|annuel|brut|forfaitaire)|remuneration\s+(?:mensuelle|annuelle|brute|forfaitaire)"
    r"|(?:salaire|remuneration|appointements)\s*(?:brute?\s*)?:|(?:salaire|remuneration)\s+de\b|taux\s+horaire\s+brut"
)


def extract(pages: list[Page]) -> Extraction:
    index = TextIndex(pages)
    out = ExtractionBuilder(index, FIELD_NAMES)
    out.set("contract_type", _contract_type(index))
    out.set("employer_name", employer_name(index))
    out.set("employer_siret", siret_span(index))
    _set_employee(index, out)
    out.set("job_title", _job_title(index))
    _set_dates(index, out)
    hours = weekly_hours_span(index) or weekly_hours_in_cell(index)
    out.set("weekly_hours", hours)
    out.set("gross_monthly_salary", monthly_amount_after(index, SALARY_LABELS, out.get("weekly_hours")))
    # Without a salary label, an amount the text calls gross ("3 000 € bruts par mois").
    out.set("gross_monthly_salary", monthly_amount_after(index, r"(?=[^\n]{0,25}\bbrut)", out.get("weekly_hours"), window=25))
    return out.build()


def _contract_type(index: TextIndex) -> Span | None:
    # The first mention is the title or the opening clause; later ones may quote the other type.
    hits = [(m.start(), m.end(), "CDD") for m in index.search(_CDD)]
    hits += [(m.start(), m.end(), "CDI") for m in index.search(_CDI)]
    if not hits:
        return None
    start, end, kind = min(hits)
    return Span(kind, start, end)


def employer_name(index: TextIndex) -> Span | None:
    for label in EMPLOYER_LABELS:
        for value in values_after(index, label, next_line=True):
            end = run_on_end(index, value.end)
            name = company_name_span(index, Span(index.text[value.start:end], value.start, end, value.certainty))
            if name and not re.match(r"(?i)(les\s+soussign|ci-dessous|d'une\s+part)", str(name.value)):
                return name
    # a table's row header, the clause defining "l'employeur", the letterhead over a SIRET
    return (cell_company(index, EMPLOYER_CELL) or defined_company(index, r"employeur")
            or letterhead_company(index))


# Row headers naming the employer; not "Société", which opens names ("SOCIÉTÉ NOUVELLE …")
EMPLOYER_CELL = r"raison\s+sociale|denomination(?:\s+sociale)?|employeur"
EMPLOYEE_PART_CHARS = 500  # a party's part: its name, birth, nationality, address
EMPLOYEE_SECTION = r"(?:le\s*/\s*la\s+)?(?:salarie|salariee|salarie\s*\(e\)|employe|employee|employe\s*\(e\))"


def _set_employee(index: TextIndex, out: ExtractionBuilder) -> None:
    # "Nom :" lines count only in the employee's part when the contract has parts
    # (the employer's part may have its own "Nom :").
    section_at = section_start(index, EMPLOYEE_SECTION)
    person = (
        form_person(index, section_at or 0)
        or name_after(index, r"(?:^|\n)[^\w\n]*(?:le\s+|la\s+)?(?:salarie|salariee|salarie\(e\)|employe)\s*:")
        or best_person(index, prefer_before=r"\bet\b|salarie|employe")
        or defined_person(index, r"salariee?|salarie\s*\(e\)")
        # in the employee's part when there is one: the employer's signatory is named elsewhere
        or (ner_person(index, section_at, min(len(index.text), section_at + EMPLOYEE_PART_CHARS))
            if section_at is not None else ner_person(index))
    )
    if person:
        out.set("employee_surname", person.surname)
        out.set("employee_given_names", person.given_names)


def _job_title(index: TextIndex) -> Span | None:
    for label in JOB_LABELS:
        for value in values_after(index, label, stop=JOB_END, next_line=False, not_preceded_by=REPRESENTATIVE_CAPACITY):
            value = _run_on(index, value)
            title = clean_title(str(value.value))
            if _is_title(title):
                return Span(title, value.start, value.end, 0.9)
    # a grid's cell under (or beside) its label, wherever the label stands on its row
    return value_by_label(index, JOB_CELL, _title_cell, opens_cell=True)


# Row headers naming the job, alone in their cell.
JOB_CELL = r"(?:intitule\s+du\s+)?(?:poste|emploi|fonction|qualification)(?:\s+occupee?)?\s*:?"


def _is_title(title: str) -> bool:
    return 2 < len(title) <= 80 and not re.match(r"(?i)(de|du|la|le|les|des|ce|son|sa)\b", title)


def _title_cell(text: str):
    title = clean_title(re.split(r"\t", text)[0])
    return (title, 0, len(title)) if _is_title(title) and re.match(r"[A-ZÀ-Þ]", title) else None


def _run_on(index: TextIndex, value: Span) -> Span:
    """A title that running text wrapped: the next line goes on when it opens in lower case
    ("… le poste de Chef" / "de projet marketing, sous …"), up to where the title ends."""
    _, line_end = index.line_bounds(value.start)
    if index.text[value.end:line_end].strip() or line_end >= len(index.text):
        return value
    _, next_end = index.line_bounds(line_end + 1)
    following = index.text[line_end + 1: next_end]
    if not re.match(r"[a-zà-ÿ]", following):
        return value
    stop = re.search(JOB_END, fold(following))
    cut = len(following[: stop.start() if stop else len(following)].rstrip())
    return Span(f"{value.value} {following[:cut]}", value.start, line_end + 1 + cut, value.certainty)


def _set_dates(index: TextIndex, out: ExtractionBuilder) -> None:
    start, end = period_of_dates(index, r"\bdu\b(?=\s*\d)", window=40)
    out.set("start_date", date_near(index, START_LABELS))
    if out.get("contract_type") != "CDI":
        out.set("end_date", date_near(index, END_LABELS))
        if start and end and out.get("start_date") in (None, start.value):
            out.set("start_date", start)
            out.set("end_date", end)
