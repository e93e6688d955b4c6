"""Fresh internship agreement family `erasmus_traineeship` (eighth internship wave, written once
`convention_grande_ecole` had been written): the Erasmus+ "Learning Agreement for Traineeships" — its part to be
completed before the mobility, without the Traineeship Certificate — that a university's student sends, signed by the
three parties, for an internship in a French host organisation, in English and on the European Commission's template.

Three looks, over the seeds:
- the EU template itself, two or three pages of ruled tables under the Erasmus+ header ("Higher Education: Learning
  Agreement form", the student's name and the academic year on every page): the identification tables of the three
  parties laid across (a shaded party cell on the left, a row of labels with their footnote numbers, a row of values
  under them) — "Trainee" (last and first names, date of birth, nationality, sex, study cycle, field of education),
  "Sending Institution" (name, faculty, Erasmus code, address, country, contact person) and "Receiving
  Organisation/Enterprise" (name with its SIRET, department, address and website, country, size, contact person,
  mentor); then "Section to be completed BEFORE THE MOBILITY": "Table A – Traineeship Programme at the Receiving
  Organisation/Enterprise" (the planned period "from … till …", the title, the weekly working hours, the programme,
  the learning outcomes, the monitoring and evaluation plans, the language level), the receiving organisation's
  commitments (financial support Yes/No with its amount in EUR/month, contribution in kind, accident and liability
  insurance) — in Table A's frame (2021-2027 template) or as "Table C" after Table B (2014-2020 template) —, "Table
  B – Sending Institution" (the traineeship embedded in the curriculum with its ECTS credits, the insurance the
  institution provides, the Erasmus+ grant it pays), the commitment paragraph and the signature table (trainee,
  responsible person at the Sending Institution, supervisor at the Receiving Organisation: name, email, position,
  date); the template's footnotes at the foot of the tables and, on some, the empty "DURING THE MOBILITY" table;
- the sending university's own re-typeset version: its letterhead and reference number, one wide ruled table per
  party under numbered coloured bands (two label/value pairs a row), the checkboxes as ☒/☐ or [X]/[ ], the host's
  SIRET with its VAT number and Erasmus organisation ID (OID) on some;
- either of them with a one-page French cover first ("Convention de stage – mobilité Erasmus+", the international
  office's summary of the parties, the dates, the weekly hours, the gratification and the Erasmus+ grant, the
  provisions of the code de l'éducation that apply in France, a stamp), or with that page as an annex at the end.

Distractors: the trainee's date of birth, the academic year, the Erasmus code, the contact persons, the mentor and
the signatories with their emails and phones, the signing dates (all before the traineeship), the Erasmus+ grant of
the sending institution (a monthly amount of its own, a traineeship top-up on some) beside the host's monthly
financial support, the ECTS credits, the meal vouchers' value, the legal hourly rate, the project number.

The truth is the generator's usual one (`education._agreement_piece`): the sending institution, the host and its
SIRET, the trainee, the dates (dd/mm/yyyy), the weekly hours, the monthly gratification (the host's "financial
support", "No" when there is none). The facts give a French institution: it is the sending institution, with its
Erasmus code; the trainee is the worker, of the nationality the facts give. Drawn for a university's students
(`university_student`); a school's, when the family filter forces it, fills the same template."""
from __future__ import annotations

import datetime as dt
import math
import random
import unicodedata
from dataclasses import dataclass

from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Ellipse, Flow, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, STREETS
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.education import _agreement_piece
from synth.pieces.fresh_internship_bilingual import _erasmus_code
from synth.pieces.fresh_internship_fpc import _civ, _feminine, _others
from synth.pieces.fresh_internship_grande_ecole import _slug
from synth.pieces.fresh_internship_portal import _email, _phone
from synth.rules import INTERN_HOURLY_MIN, gratification_floor, value_at

BLACK: Color = (0, 0, 0)
GREY: Color = (90, 90, 90)
LINE: Color = (60, 60, 60)
SHADE: Color = (217, 226, 243)  # the template's pale blue party cells
LIGHT: Color = (242, 242, 242)
EU_BLUE: Color = (0, 51, 153)
EU_YELLOW: Color = (255, 204, 0)
ACCENTS: tuple[Color, ...] = ((0, 70, 127), (122, 28, 48), (0, 98, 96), (74, 44, 110), (30, 30, 30))
GLYPH_FONTS = ("sans", "condensed")  # DejaVu: they have ☐ and ☒

COUNTRY_EN = {"SEN": "Senegal", "MLI": "Mali", "MAR": "Morocco", "IND": "India", "VNM": "Viet Nam", "BRA": "Brazil",
              "UKR": "Ukraine", "COL": "Colombia", "CHN": "China", "PRT": "Portugal", "CIV": "Côte d'Ivoire",
              "TUN": "Tunisia", "CMR": "Cameroon"}
CYCLES = ("Master or equivalent second cycle (EQF level 7)", "Bachelor or equivalent first cycle (EQF level 6)",
          "Master (EQF 7)", "Bachelor (EQF 6)")
FACULTIES = ("Faculty of Economics and Management", "Faculty of Science and Technology",
             "Faculty of Law, Economics and Management", "IAE – Graduate School of Management",
             "Department of Computer Science", "Faculty of Languages – Applied Foreign Languages (LEA)")
SCHOOL_DEPARTMENTS = ("International Relations Office", "Programme Grande École", "Engineering cycle",
                      "Master in Management")
CONTACT_TITLES = ("International Relations Officer", "Erasmus+ outgoing mobility officer",
                  "International Mobility Office", "Internship and mobility officer")
RESPONSIBLE_TITLES = ("Departmental Erasmus+ coordinator", "Academic coordinator for international mobility",
                      "Head of the Master's programme", "Vice-Dean for International Relations")
HOST_CONTACT_TITLES = ("HR Officer", "HR Manager", "Talent Acquisition Officer", "Campus Relations Manager",
                       "Office Manager")
SUPERVISOR_TITLES = ("Managing Director", "Chief Executive Officer", "HR Director", "Head of Department")
OFFICES_FR = ("Direction des relations internationales – Bureau de la mobilité sortante",
              "Service des relations internationales – Pôle mobilité Erasmus+",
              "Bureau des stages et de la mobilité internationale")
GRANTS = (420, 480, 540, 600, 650)  # the Erasmus+ grant the sending institution pays each month
MEALS = (("Meal vouchers (EUR 9.00 per working day, 60% paid by the company)", "titres-restaurant"),
         ("Access to the staff canteen at the employees' rate", "accès au restaurant d'entreprise"),
         ("50% of the public transport pass refunded", "remboursement de 50 % de l'abonnement de transport"))
LEVELS = ("B1", "B2", "C1", "C2")


@dataclass(frozen=True)
class Programme:
    title: str
    department: str
    mentor_titles: tuple[str, ...]
    tasks: tuple[str, ...]
    outcomes: str
    fields: tuple[str, ...]  # ISCED-F 2013 codes
    digital: bool


PROGRAMMES = {
    "Analyse de données commerciales": Programme(
        "Business data analyst trainee", "Sales Department – Business Intelligence",
        ("Business Intelligence Manager", "Sales Director"),
        ("Collect, clean and analyse the company's sales data", "Design dashboards to monitor commercial performance",
         "Analyse profitability by customer segment", "Present recommendations to the sales team"),
        "Quantitative analysis and data visualisation (SQL, Power BI); reporting to a management committee; "
        "professional communication in a French-speaking team.",
        ("0414 Marketing and advertising", "0542 Statistics", "0413 Management and administration"), True),
    "Développement d'une application web": Programme(
        "Web application developer trainee", "IT Department – Product team", ("Lead Developer", "Technical Lead"),
        ("Develop front-end and back-end features of the company's web application", "Write automated tests",
         "Take part in the team's agile rituals (sprint planning, reviews)", ("Write technical documentation and "
         "contribute to releases")),
        "Software design, agile teamwork, code quality and testing practices, version control in a professional "
        "environment.",
        ("0613 Software and applications development and analysis", ("0612 Database and network design and "
         "administration")), True),
    "Audit des processus logistiques": Programme(
        "Supply chain process audit trainee", "Supply Chain Department", ("Logistics Manager", "Operations Director"),
        ("Map the warehouse's flows and processes", "Measure key performance indicators",
         "Identify productivity gains", "Draft an action plan and follow its implementation"),
        "Project management, process analysis and change management in an industrial environment.",
        ("1041 Transport services", "0413 Management and administration"), False),
    "Étude de marché à l'international": Programme(
        "International market research trainee", "Export Department – International Development",
        ("Export Manager", "Marketing Director"),
        ("Carry out a market study on two target countries", "Benchmark competitors and prices",
         "Prepare a market entry plan", "Take part in trade fairs"),
        "International marketing, competitive intelligence, synthesis and presentation skills.",
        ("0414 Marketing and advertising", "0311 Economics"), False),
    "Amélioration continue en production": Programme(
        "Continuous improvement (Lean) trainee", "Industrial Department – Continuous Improvement",
        ("Continuous Improvement Manager", "Production Manager"),
        ("Lead Lean workshops (5S, SMED)", "Analyse the root causes of quality defects",
         "Monitor production indicators (OEE)", "Standardise workstations"),
        "Lean methods, problem solving, team facilitation on a production site.",
        ("0715 Mechanics and metal trades", "0719 Engineering and engineering trades, n.e.c."), False),
}
MONITORING = (("Weekly meeting with the mentor; mid-term review by video call with the responsible person at the "
              "Sending Institution."),
              ("The mentor follows the trainee daily; a progress report is sent to the Sending Institution after "
              "the first month."),
              ("Regular meetings with the mentor and a mid-term contact between the mentor and the academic "
              "coordinator."))
EVALUATION = (("Final evaluation by the mentor in the Traineeship Certificate; traineeship report and oral defence "
              "at the Sending Institution."),
              ("Evaluation form completed by the mentor at the end of the traineeship, and the trainee's final "
              "report."),
              ("Assessment of the learning outcomes by the mentor (Traineeship Certificate) and a written report "
              "graded by the Sending Institution."))
FOOTNOTES = (
    ("Nationality", ("Country to which the person belongs administratively and that issues the ID card and/or "
     "passport.")),
    ("Study cycle", ("Short cycle (EQF level 5) / Bachelor or equivalent first cycle (EQF level 6) / Master or "
     "equivalent second cycle (EQF level 7) / Doctorate or equivalent third cycle (EQF level 8).")),
    ("Field of education", ("The ISCED-F 2013 search tool should be used to find the ISCED 2013 detailed field of "
     "education and training that is closest to the subject of the degree to be awarded to the trainee by the "
     "Sending Institution.")),
    ("Erasmus code", ("A unique identifier that every higher education institution that has been awarded the "
     "Erasmus Charter for Higher Education (ECHE) receives.")),
    ("Contact person", ("A person who provides a link for administrative information and who, depending on the "
     "structure of the higher education institution, may be the departmental coordinator or works at the "
     "international relations office.")),
    ("Size", "<250 employees / >250 employees."),
    ("Mentor", ("The mentor provides support, encouragement and information to the trainee on the life and "
     "experience relative to the enterprise (culture, informal codes and conducts, etc.).")),
)


@dataclass
class Draft:
    """What the agreement says, drawn before it is laid out."""
    facts: DossierFacts
    programme: Programme
    academic: str  # "2025/2026"
    nationality: str
    cycle: str
    field: str
    faculty: str
    erasmus_code: str
    inst_address: str
    inst_city: str  # "35000 Rennes"
    contact: tuple[str, str, str, str]  # name, position, email, phone (sending institution)
    responsible: tuple[str, str, str]  # name, position, email
    office_signer: str  # who signs the French cover
    office_fr: str
    host_contact: tuple[str, str, str, str]
    mentor: tuple[str, str, str, str]
    supervisor: tuple[str, str, str]
    website: str
    small: bool
    vat: str
    oid: str
    student_email: str
    student_phone: str
    signed: tuple[dt.date, dt.date, dt.date]  # trainee, sending institution, receiving organisation
    cover_date: dt.date
    language: str
    level: str
    ects: int
    grant: int
    topup: int  # the traineeship top-up (0: none)
    in_kind: tuple[str, str] | None
    host_insures: bool
    project: str
    reference: str
    hourly: str  # the legal hourly rate when the gratification is the floor, else ""

    @property
    def name(self) -> str:
        return f"{self.facts.internship.given_names} {self.facts.person.surname}"


def university_student(facts: DossierFacts) -> bool:
    """A university's student: the universities send their students on Erasmus+ traineeships with this template."""
    return facts.internship.institution.startswith("Université")


def _draft(facts: DossierFacts, rng: random.Random) -> Draft:
    person, st = facts.person, facts.internship
    host = st.host
    names = _others(rng, {st.tutor, host.manager}, 5)
    programme = PROGRAMMES.get(st.subject, PROGRAMMES["Analyse de données commerciales"])
    start = st.start_date
    year = start.year if start.month >= 9 else start.year - 1
    city, postcode = rng.choice(FRENCH_CITIES)
    domain = f"{_slug(st.institution)}{rng.choice(('', '-univ', ''))}.fr"
    plain = unicodedata.normalize("NFKD", host.name).encode("ascii", "ignore").decode().lower()
    host_domain = (f"{''.join(c for c in plain if c.isalnum())}{rng.choice(('', '-group', ''))}."
                   f"{rng.choice(('fr', 'com'))}")
    contact, responsible, host_contact, office_signer = names[0], names[1], names[2], names[3]
    supervisor = (st.tutor, rng.choice(programme.mentor_titles)) if rng.random() < 0.6 else (
        host.manager, rng.choice(SUPERVISOR_TITLES))
    ref = facts.reference_date
    made = min(start - dt.timedelta(days=rng.randint(25, 70)), ref - dt.timedelta(days=rng.randint(16, 50)))
    signed = (made, made + dt.timedelta(days=rng.randint(0, 6)), made + dt.timedelta(days=rng.randint(1, 8)))
    grat = st.gratification
    grant = rng.choice([g for g in GRANTS if abs(g - grat) > 1])
    floor = grat > 0 and abs(grat - float(gratification_floor(start, st.weekly_hours))) < 0.005
    siren = st.siret[:9]
    return Draft(
        facts, programme, f"{year}/{year + 1}", COUNTRY_EN.get(person.country.code, person.country.name_en),
        rng.choice(CYCLES[:2]) if rng.random() < 0.7 else rng.choice(CYCLES[2:]), rng.choice(programme.fields),
        rng.choice(FACULTIES) if university_student(facts) else rng.choice(SCHOOL_DEPARTMENTS),
        _erasmus_code(city, rng), f"{rng.randint(1, 160)} {rng.choice(STREETS)}", f"{postcode} {city}",
        (contact, rng.choice(CONTACT_TITLES), _email(contact, domain), _phone(rng).replace("0", "+33 ", 1)),
        (responsible, rng.choice(RESPONSIBLE_TITLES), _email(responsible, domain)),
        office_signer, rng.choice(OFFICES_FR),
        (host_contact, rng.choice(HOST_CONTACT_TITLES), _email(host_contact, host_domain), _phone(rng)),
        (st.tutor, rng.choice(programme.mentor_titles), _email(st.tutor, host_domain), _phone(rng)),
        (supervisor[0], supervisor[1], _email(supervisor[0], host_domain)),
        f"www.{host_domain}", rng.random() < 0.75,
        f"FR {(12 + 3 * (int(siren) % 97)) % 97:02d} {siren}", f"E10{rng.randint(100000, 999999)}",
        _email(f"{st.given_names} {person.surname}", rng.choice((f"etu.{domain}", f"etudiant.{domain}"))),
        f"+33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        signed, max(signed) + dt.timedelta(days=rng.randint(0, 4)),
        rng.choice(("French", "French", "English")), rng.choice(LEVELS),
        rng.choice((6, 10, 12) if (st.end_date - start).days < 120 else (15, 20, 30)),
        grant, 150 if rng.random() < 0.45 else 0, rng.choice(MEALS) if rng.random() < 0.7 else None,
        rng.random() < 0.5, f"{year}-1-FR01-KA131-HED-{rng.randint(100000, 999999):09d}",
        f"LA-TR-{year + 1}-{rng.randint(1, 9999):04d}",
        number_fr(float(value_at(INTERN_HOURLY_MIN, start))) if floor else "")


# ------------------------------------------------------------------ drawing

class Page:
    """The flow of the agreement, with ruled tables whose cells wrap their text."""

    def __init__(self, font: FontKey, accent: Color, size: float, margin: float, glyphs: bool) -> None:
        self.flow = Flow(font, size, margin=margin, top=34, bottom=18)
        self.font, self.accent, self.size, self.glyphs = font, accent, size, glyphs
        self.french: set[int] = set()  # the indices of the French pages: no footer of the agreement's own

    def number(self, n: int) -> tuple[int, int]:
        """(the agreement's own page number of sheet `n`, its page count): the French pages are not counted."""
        return n - sum(1 for i in self.french if i < n - 1), len(self.flow.sheets) - len(self.french)

    def box(self, ticked: bool) -> str:
        if self.glyphs:
            return "☒" if ticked else "☐"
        return "[X]" if ticked else "[ ]"

    def yes_no(self, yes: bool) -> str:
        return f"Yes {self.box(yes)}   No {self.box(not yes)}"

    def _lines(self, text: str, font: FontKey, size: float, width: float) -> list[str]:
        """`text` wrapped to `width`; a word too long for it (an email, a website) broken after an '@' or a dot."""
        out: list[str] = []
        for part in text.split("\n"):
            for line in wrap(part, font, size, width):
                while text_width_mm(line, font, size) > width and len(line) > 8:
                    cut = max((i for i, c in enumerate(line[:-1]) if c in "@.-/ " and
                               text_width_mm(line[:i + 1], font, size) <= width), default=0)
                    if cut == 0:  # no dot nor '@' early enough: cut the word where the cell ends
                        cut = max(i for i in range(1, len(line) - 1)
                                  if text_width_mm(line[:i + 1], font, size) <= width or i == 1)
                    out.append(line[:cut + 1].rstrip())
                    line = line[cut + 1:].lstrip()
                out.append(line)
        return out

    def row(self, cells: list[tuple[str, float, FontKey, Color | None]], size: float | None = None,
            min_height: float = 0.0, notes: dict[int, str] | None = None) -> float:
        """One row of ruled cells (text, width, font, fill), as tall as its longest cell; returns its height."""
        flow = self.flow
        size = size or self.size
        step = flow.line_height(size)
        wrapped = [self._lines(text, font, size, width - 2.6) for text, width, font, _ in cells]
        height = max(min_height, max(len(lines) for lines in wrapped) * step + 2.2)
        flow.ensure(height)
        x = flow.margin
        for i, ((_, width, font, fill), lines) in enumerate(zip(cells, wrapped)):
            flow.sheet.add(Box(x, flow.y, width, height, fill=fill, stroke=LINE, width=0.25))
            for j, line in enumerate(lines):
                flow.sheet.add(Text(x + 1.3, flow.y + 0.6 + step * (j + 1), line, size, font))
            if notes and i in notes and lines:
                end = x + 1.3 + text_width_mm(lines[-1], font, size) + 0.4
                flow.sheet.add(Text(end, flow.y + 0.6 + step * len(lines) - size * 0.14, notes[i], size * 0.6, font))
            x += width
        flow.y += height
        return height

    def band(self, title: str, size: float = 9.0) -> None:
        flow = self.flow
        flow.space(3)
        flow.ensure(18)
        flow.sheet.add(Box(flow.margin, flow.y, flow.width, 6, fill=self.accent, stroke=None),
                       Text(flow.margin + 2, flow.y + 4.3, title, size, bold(self.font), (255, 255, 255)))
        flow.y += 6

    def pairs(self, rows: list[list[tuple[str, str]]], label_w: float = 34.0) -> None:
        """A wide table: one or two (label, value) pairs a row, the labels in shaded cells."""
        flow = self.flow
        for row in rows:
            width = flow.width / len(row)
            cells: list[tuple[str, float, FontKey, Color | None]] = []
            for label, value in row:
                cells += [(label, label_w, self.font, LIGHT), (value, width - label_w, bold(self.font), None)]
            self.row(cells)


def _eu_header(sheet: Sheet, page: Page, d: Draft, v2021: bool) -> None:
    """The template's header on every page: the EU emblem, the Erasmus+ logo text, the form's title."""
    font = page.font
    sheet.add(Box(15, 10, 21, 14, fill=EU_BLUE, stroke=None))
    for k in range(12):
        angle = 2 * math.pi * k / 12
        sheet.add(Ellipse(25.5 + 4.6 * math.sin(angle) - 0.55, 17 - 4.6 * math.cos(angle) - 0.55, 1.1, 1.1,
                          EU_YELLOW))
    if v2021:
        sheet.add(Text(38, 15.5, "Co-funded by", 7.2, font, EU_BLUE),
                  Text(38, 19.5, "the European Union", 7.2, font, EU_BLUE),
                  Text(76, 16.2, "Erasmus+", 13, bold(font), EU_BLUE),
                  Text(76, 20.6, "Enriching lives, opening minds.", 6.2, font, EU_BLUE))
    else:
        sheet.add(Text(38, 14.2, "Erasmus+", 13, bold(font), EU_BLUE),
                  Text(38, 18.6, "Co-funded by the", 6.2, font, EU_BLUE),
                  Text(38, 21.6, "Erasmus+ Programme of the European Union", 6.2, font, EU_BLUE))
    right = A4[0] - 15
    sheet.add(Text(right, 13.5, "Higher Education:", 8.4, bold(font), align="right"),
              Text(right, 17.4, "Learning Agreement form", 8.4, bold(font), align="right"),
              Text(right, 21.6, f"Student's name: {d.name}", 7.6, font, align="right"),
              Text(right, 25.4, f"Academic Year {d.academic}", 7.6, font, align="right"))


def _eu_footer(page: Page, v2021: bool):
    def draw(sheet: Sheet, n: int) -> None:
        if n - 1 in page.french:
            return
        sheet.add(Text(A4[0] / 2, A4[1] - 9, str(page.number(n)[0]), 7.5, page.font, align="center"))
        if v2021:
            sheet.add(Text(A4[0] - 15, A4[1] - 9, "Learning Agreement for Traineeships – KA131 (2021-2027)", 6.2,
                           page.font, GREY, align="right"))
    return draw


def _party(page: Page, party: str, labels: list[tuple[str, str]], values: list[str], widths: list[float]) -> None:
    """A party table laid across: the party's name in a shaded cell on the left, the labels over the values."""
    flow = page.flow
    size = page.size - 0.6
    step = flow.line_height(size)
    party_w = 20.0
    label_lines = [page._lines(label, page.font, size, w - 2.6) for (label, _), w in zip(labels, widths)]
    value_lines = [page._lines(value, page.font, size, w - 2.6) for value, w in zip(values, widths)]
    top_h = max(len(lines) for lines in label_lines) * step + 2.2
    low_h = max(len(lines) for lines in value_lines) * step + 2.2
    flow.space(2.5)
    flow.ensure(top_h + low_h)
    y = flow.y
    flow.sheet.add(Box(flow.margin, y, party_w, top_h + low_h, fill=SHADE, stroke=LINE, width=0.25))
    for j, line in enumerate(page._lines(party, bold(page.font), size, party_w - 2)):
        flow.sheet.add(Text(flow.margin + 1.2, y + 4 + step * j, line, size, bold(page.font)))
    x = flow.margin + party_w
    for (label, note), w, lab, val in zip(labels, widths, label_lines, value_lines):
        flow.sheet.add(Box(x, y, w, top_h, fill=SHADE, stroke=LINE, width=0.25),
                       Box(x, y + top_h, w, low_h, stroke=LINE, width=0.25))
        for j, line in enumerate(lab):
            flow.sheet.add(Text(x + 1.3, y + 0.6 + step * (j + 1), line, size, page.font))
        if note:
            end = x + 1.3 + text_width_mm(lab[-1], page.font, size) + 0.3
            flow.sheet.add(Text(end, y + 0.6 + step * len(lab) - 1.0, note, size * 0.62, page.font))
        for j, line in enumerate(val):
            flow.sheet.add(Text(x + 1.3, y + top_h + 0.6 + step * (j + 1), line, size, page.font))
        x += w
    flow.y = y + top_h + low_h


def _framed(page: Page, paragraphs: list[tuple[str, bool]], size: float | None = None) -> None:
    """A framed block of paragraphs (bold ones are the template's printed questions), split over pages when long."""
    flow = page.flow
    size = size or page.size
    step = flow.line_height(size)
    lines: list[tuple[str, FontKey]] = []
    for text, strong in paragraphs:
        font = bold(page.font) if strong else page.font
        lines += [(line, font) for line in page._lines(text, font, size, flow.width - 4)]
        lines.append(("", page.font))
    lines.pop()
    flow.ensure(min(len(lines), 8) * step + 3)
    top = flow.y
    flow.y += 1.2
    for line, font in lines:
        if flow.y + step > A4[1] - flow.bottom:
            flow.sheet.add(Box(flow.margin, top, flow.width, flow.y + 1.2 - top, stroke=LINE, width=0.3))
            flow.new_page()
            top = flow.y
            flow.y += 1.2
        flow.y += step if line else step * 0.45
        if line:
            flow.sheet.add(Text(flow.margin + 2, flow.y, line, size, font))
    flow.y += 1.8
    flow.sheet.add(Box(flow.margin, top, flow.width, flow.y - top, stroke=LINE, width=0.3))


def _amount(value: float, english: bool) -> str:
    return f"{value:,.2f}" if english else number_fr(value)


def _programme_paragraphs(page: Page, d: Draft, v2021: bool, rng: random.Random) -> list[tuple[str, bool]]:
    st, p = d.facts.internship, d.programme
    hours = hours_fr(st.weekly_hours)
    tasks = "\n".join(f"- {task}" for task in p.tasks)
    levels = "   ".join(f"{lv} {page.box(lv == d.level)}" for lv in ("A1", "A2", "B1", "B2", "C1", "C2"))
    digital = ([(f"Type of mobility: physical mobility {page.box(True)}   blended mobility {page.box(False)}", False),
                (f"Traineeship in digital skills: {page.yes_no(p.digital)}", False)] if v2021 else [])
    return [((f"Planned period of the physical mobility: from {date_slash(st.start_date)} till "
             f"{date_slash(st.end_date)}"), True),
            (f"Traineeship title: {p.title}", True),
            (f"Number of working hours per week: {hours}", True), *digital,
            ("Detailed programme of the traineeship:", True), (tasks, False),
            (("Knowledge, skills and competences to be acquired by the trainee at the end of the traineeship "
             "(expected Learning Outcomes):"), True), (p.outcomes, False),
            ("Monitoring plan:", True), (rng.choice(MONITORING), False),
            ("Evaluation plan:", True), (rng.choice(EVALUATION), False),
            ((f"The level of language competence in {d.language} [indicate here the main language of work] that "
             "the trainee already has or agrees to acquire by the start of the mobility period is:"), True),
            (f"{levels}   Native speaker {page.box(False)}", False)]


def _host_commitments(page: Page, d: Draft, english: bool) -> list[tuple[str, bool]]:
    st = d.facts.internship
    paid = st.gratification > 0
    amount = _amount(st.gratification, english) if paid else "…………"
    hourly = (f" (the French statutory minimum of {d.hourly} € per hour of presence, for "
              f"{hours_fr(st.weekly_hours)} hours a week)") if d.hourly and paid else ""
    kind = d.in_kind[0] if d.in_kind else "…………"
    return [("The trainee will receive a financial support for his/her traineeship:", True),
            (f"{page.yes_no(paid)}   If yes, amount (EUR/month): {amount}{hourly}", False),
            ("The trainee will receive a contribution in kind for his/her traineeship:", True),
            (f"{page.yes_no(d.in_kind is not None)}   If yes, please specify: {kind}", False),
            ("Is the trainee covered by the accident insurance?", True),
            ((f"{page.yes_no(d.host_insures)}   If not, please specify whether the trainee is covered by the "
             "Sending Institution."), False),
            ("The accident insurance covers:", True),
            ((f"- accidents during travels made for work purposes: {page.yes_no(d.host_insures)}\n"
             f"- accidents on the way to work and back from work: {page.yes_no(d.host_insures)}"), False),
            ("Is the trainee covered by a liability insurance?", True), (page.yes_no(True), False),
            (("The Receiving Organisation/Enterprise undertakes to provide appropriate support and equipment to the "
             "trainee. Upon completion of the traineeship, the Organisation/Enterprise undertakes to issue a "
             "Traineeship Certificate within 5 working weeks after the end of the traineeship."), False)]


def _sending_commitments(page: Page, d: Draft, english: bool) -> list[tuple[str, bool]]:
    grant = f"EUR {d.grant}.00" if english else f"{d.grant},00 €"
    topup = (f", plus a traineeship top-up of EUR {d.topup}.00 per month" if d.topup else "")
    return [("Please use only one of the following three boxes:", False),
            ((f"1. The traineeship is embedded in the curriculum and upon satisfactory completion of the traineeship, "
             f"the institution undertakes to: {page.box(True)}"), True),
            ((f"Award {d.ects} ECTS credits {page.box(True)}   Give a grade based on: Traineeship certificate "
             f"{page.box(True)}   Final report {page.box(True)}   Interview {page.box(False)}\n"
             "Record the traineeship in the trainee's Transcript of Records and Diploma Supplement (or equivalent).\n"
             f"Record the traineeship in the trainee's Europass Mobility Document: {page.yes_no(False)}"), False),
            ((f"2. The traineeship is voluntary and, upon satisfactory completion of the traineeship, the institution "
             f"undertakes to record it in the Diploma Supplement. {page.box(False)}"), True),
            (f"3. The traineeship is carried out by a recent graduate. {page.box(False)}", True),
            ("Accident insurance for the trainee", True),
            (("The Sending Institution will provide an accident insurance to the trainee (if not provided by the "
             f"Receiving Organisation/Enterprise): {page.yes_no(not d.host_insures)}"), False),
            ("Liability insurance", True),
            (("The Sending Institution will provide a liability insurance to the trainee (if not provided by the "
             f"Receiving Organisation/Enterprise): {page.yes_no(False)}"), False),
            ("Erasmus+ financial support", True),
            ((f"The trainee will receive an Erasmus+ grant from the Sending Institution of {grant} per month{topup}, "
             f"as set out in the grant agreement n° {d.project}."), False)]


COMMITMENT = ("By signing this document, the trainee, the Sending Institution and the Receiving "
              "Organisation/Enterprise confirm that they approve the Learning Agreement and that they will comply "
              "with all the arrangements agreed by all parties. The trainee and Receiving Organisation/Enterprise "
              "will communicate to the Sending Institution any problem or changes regarding the traineeship period. "
              "The Sending Institution and the trainee should also commit to what is set out in the Erasmus+ grant "
              "agreement. The institution undertakes to respect all the principles of the Erasmus Charter for "
              "Higher Education relating to traineeships.")


def _signature_rows(d: Draft) -> list[tuple[str, str, str, str, str]]:
    responsible, supervisor = d.responsible, d.supervisor
    return [("Trainee", d.name, d.student_email, "Trainee", date_slash(d.signed[0])),
            ("Responsible person at the Sending Institution", responsible[0], responsible[2], responsible[1],
             date_slash(d.signed[1])),
            ("Supervisor at the Receiving Organisation", supervisor[0], supervisor[2], supervisor[1],
             date_slash(d.signed[2]))]


def _signature_table(page: Page, d: Draft) -> None:
    flow = page.flow
    widths = (32.0, 28.0, 44.0, 28.0, 21.0, flow.width - 153.0)
    flow.space(2.5)
    flow.ensure(40)
    header = ["Commitment", "Name", "Email", "Position", "Date", "Signature"]
    page.row([(h, w, bold(page.font), SHADE) for h, w in zip(header, widths)], page.size - 0.6)
    for row in _signature_rows(d):
        page.row([(text, w, page.font, None) for text, w in zip((*row, ""), widths)], page.size - 0.6,
                 min_height=11)


def _eu_template(page: Page, d: Draft, v2021: bool, rng: random.Random) -> None:
    st, host, person, flow = d.facts.internship, d.facts.internship.host, d.facts.person, page.flow
    english = rng.random() < 0.35
    width = flow.width - 20
    notes = {k: str(n) for n, (k, _) in enumerate(FOOTNOTES, 1)}
    trainee = [("Last name(s)", ""), ("First name(s)", ""), ("Date of birth", ""),
               ("Nationality", notes["Nationality"]),
               ("Sex [M/F]" if not v2021 else "Gender [M/F/X]", ""), ("Study cycle", notes["Study cycle"]),
               ("Field of education", notes["Field of education"])]
    _party(page, "Trainee", trainee,
           [person.surname, st.given_names, date_slash(person.birth_date), d.nationality, person.sex, d.cycle,
            d.field], [width * f for f in (0.15, 0.15, 0.12, 0.12, 0.09, 0.19, 0.18)])
    contact = d.contact
    _party(page, "Sending Institution",
           [("Name", ""), ("Faculty/ Department", ""), ("Erasmus code (if applicable)", notes["Erasmus code"]),
            ("Address", ""), ("Country", ""), ("Contact person name; email; phone", notes["Contact person"])],
           [st.institution, d.faculty, d.erasmus_code, f"{d.inst_address}, {d.inst_city}", "France",
            f"{contact[0]}; {contact[2]}; {contact[3]}"],
           [width * f for f in (0.2, 0.16, 0.13, 0.17, 0.1, 0.24)])
    siret = siret_spaced(st.siret) if rng.random() < 0.5 else st.siret
    hc, mentor = d.host_contact, d.mentor
    size = (f"<250 employees {page.box(d.small)}\n>250 employees {page.box(not d.small)}")
    _party(page, "Receiving Organisation /Enterprise",
           [("Name", ""), ("Department", ""), ("Address; website", ""), ("Country", ""), ("Size", notes["Size"]),
            ("Contact person name; position; e-mail; phone", ""), ("Mentor name; position; e-mail; phone",
                                                                   notes["Mentor"])],
           [f"{host.name} {host.legal_form}\nSIRET {siret}", d.programme.department, f"{host.address}; {d.website}",
            "France", size, f"{hc[0]}; {hc[1]}; {hc[2]}; {hc[3]}", (f"{mentor[0]}; {mentor[1]}; {mentor[2]}; "
            f"{mentor[3]}")],
           [width * f for f in (0.16, 0.13, 0.17, 0.08, 0.12, 0.17, 0.17)])
    flow.space(2)
    for n, (key, text) in enumerate(FOOTNOTES, 1):
        flow.text(f"{n} {key}: {text}", 5.8, color=GREY)

    flow.space(4)
    flow.text("Section to be completed BEFORE THE MOBILITY", page.size + 2.5, bold(page.font), "center")
    flow.space(2)
    flow.text("Table A – Traineeship Programme at the Receiving Organisation/Enterprise", page.size + 0.8,
              bold(page.font))
    flow.space(1)
    programme = _programme_paragraphs(page, d, v2021, rng)
    if v2021:
        _framed(page, programme + [("", False)] + _host_commitments(page, d, english))
    else:
        _framed(page, programme)
    flow.space(3)
    flow.ensure(40)
    flow.text("Table B – Sending Institution", page.size + 0.8, bold(page.font))
    flow.space(1)
    _framed(page, _sending_commitments(page, d, english))
    if not v2021:
        flow.space(3)
        flow.ensure(40)
        flow.text("Table C – Receiving Organisation/Enterprise", page.size + 0.8, bold(page.font))
        flow.space(1)
        _framed(page, _host_commitments(page, d, english))
    flow.space(3)
    flow.ensure(82)
    flow.text("Commitment of the three parties", page.size + 0.8, bold(page.font))
    flow.text(COMMITMENT, page.size - 0.4)
    _signature_table(page, d)
    if rng.random() < 0.3:
        flow.space(6)
        flow.ensure(50)
        flow.text("Section to be completed DURING THE MOBILITY", page.size + 2.5, bold(page.font), "center")
        flow.space(1)
        flow.text("Table A2 – Exceptional changes to the Traineeship Programme at the Receiving "
                  "Organisation/Enterprise (to be approved by e-mail or signature by the trainee, the responsible "
                  "person in the Sending Institution and the responsible person in the Receiving "
                  "Organisation/Enterprise)", page.size - 0.4, bold(page.font))
        flow.space(1.5)
        widths = (48.0, 48.0, flow.width - 96.0)
        page.row([(h, w, bold(page.font), SHADE) for h, w in zip(
            ("Planned period of the physical mobility", "Traineeship title", ("Detailed programme of the "
             "traineeship period")), widths)], page.size - 0.6)
        page.row([("from [day/month/year] till [day/month/year]", widths[0], page.font, None),
                  ("", widths[1], page.font, None), ("", widths[2], page.font, None)], page.size - 0.6,
                 min_height=12)


def _letterhead(sheet: Sheet, page: Page, d: Draft) -> None:
    """The sending university's header on every page of its own version."""
    st, font, accent = d.facts.internship, page.font, page.accent
    initials = _slug(st.institution).upper()[:4]
    sheet.add(Box(16, 9, 15, 15, fill=accent, stroke=None),
              Text(23.5, 18.3, initials, 9, bold(font), (255, 255, 255), align="center"))
    size = 11.0
    while size > 8 and text_width_mm(st.institution, bold(font), size) > 92:
        size -= 0.5
    sheet.add(Text(34, 14, st.institution, size, bold(font)),
              Text(34, 18.4, "International Relations Office – Erasmus+ mobility", 7.4, font, accent),
              Text(34, 22.2, f"{d.inst_address}, {d.inst_city} – France – Erasmus code {d.erasmus_code}", 6.8, font,
                   GREY),
              Text(A4[0] - 16, 14, f"Ref. {d.reference}", 7.8, bold(font), align="right"),
              Text(A4[0] - 16, 18.2, f"Academic year {d.academic}", 7.2, font, GREY, align="right"),
              Rule(16, 26, A4[0] - 16, 26, 0.5, accent))


def _retyped(page: Page, d: Draft, rng: random.Random) -> None:
    st, host, person, flow = d.facts.internship, d.facts.internship.host, d.facts.person, page.flow
    english = rng.random() < 0.3
    flow.text("LEARNING AGREEMENT FOR TRAINEESHIPS", 13, bold(page.font), "center", color=page.accent)
    flow.text("Erasmus+ Higher Education – Student mobility for traineeships (KA131) – Section to be completed "
              "BEFORE THE MOBILITY", 7.8, align="center", color=GREY)
    page.band("1. THE TRAINEE")
    page.pairs([[("Last name(s)", person.surname), ("First name(s)", st.given_names)],
                [("Date of birth", date_slash(person.birth_date)), ("Nationality", d.nationality)],
                [("Sex", "Female" if person.sex == "F" else "Male"), ("Study cycle", d.cycle)],
                [("Field of education (ISCED)", d.field), ("E-mail", d.student_email)]])
    page.band("2. THE SENDING INSTITUTION")
    contact = d.contact
    page.pairs([[("Name", st.institution)],
                [("Faculty / Department", d.faculty), ("Erasmus code", d.erasmus_code)],
                [("Address", f"{d.inst_address}, {d.inst_city}"), ("Country", "France")],
                [("Contact person", f"{contact[0]} – {contact[1]}"), ("E-mail / phone", (f"{contact[2]} / "
                                                                                         f"{contact[3]}"))]])
    page.band("3. THE RECEIVING ORGANISATION / ENTERPRISE")
    hc, mentor = d.host_contact, d.mentor
    ids = [("Registration no. (SIRET)", siret_spaced(st.siret) if rng.random() < 0.4 else st.siret)]
    ids.append(("VAT number", d.vat) if rng.random() < 0.5 else ("Organisation ID (OID)", d.oid))
    page.pairs([[("Name", f"{host.name} ({host.legal_form})")], ids,
                [("Department", d.programme.department), ("Size", (f"{page.box(d.small)} < 250 employees   "
                                                                  f"{page.box(not d.small)} > 250 employees"))],
                [("Address", host.address), ("Country / website", f"France – {d.website}")],
                [("Contact person", f"{hc[0]}, {hc[1]}"), ("E-mail / phone", f"{hc[2]} / {hc[3]}")],
                [("Mentor", f"{mentor[0]}, {mentor[1]}"), ("E-mail / phone", f"{mentor[2]} / {mentor[3]}")]])
    page.band("4. TABLE A – TRAINEESHIP PROGRAMME AT THE RECEIVING ORGANISATION")
    p = d.programme
    hours = hours_fr(st.weekly_hours)
    dates = ([("Start date (dd/mm/yyyy)", date_slash(st.start_date)), ("End date (dd/mm/yyyy)",
                                                                        date_slash(st.end_date))]
             if rng.random() < 0.5 else
             [("Planned period", f"from {date_slash(st.start_date)} till {date_slash(st.end_date)}"),
              ("Working hours per week", f"{hours} hours")])
    rows = [dates, [("Traineeship title", p.title)]]
    if dates[0][0].startswith("Start"):
        rows.append([("Number of working hours per week", hours), ("Main language of work",
                                                                   f"{d.language} – level {d.level}")])
    else:
        rows.append([("Main language of work", f"{d.language} – level {d.level}")])
    rows += [[("Detailed programme", "; ".join(p.tasks) + ".")], [("Learning outcomes", p.outcomes)],
             [("Monitoring plan", rng.choice(MONITORING))], [("Evaluation plan", rng.choice(EVALUATION))]]
    page.pairs(rows, 40)
    page.band("5. COMMITMENTS OF THE RECEIVING ORGANISATION / ENTERPRISE")
    paid = st.gratification > 0
    support = (f"{page.box(True)} Yes  {page.box(False)} No – amount (EUR/month): "
               f"{_amount(st.gratification, english)}" if paid else f"{page.box(False)} Yes  {page.box(True)} No")
    if d.hourly and paid:
        support += f" ({d.hourly} € per hour of presence)"
    page.pairs([[("Financial support to the trainee", support)],
                [("Contribution in kind", f"{page.box(True)} Yes – {d.in_kind[0]}" if d.in_kind else
                  f"{page.box(False)} Yes  {page.box(True)} No")],
                [("Accident insurance", f"{page.box(d.host_insures)} Yes  {page.box(not d.host_insures)} No"),
                 ("Liability insurance", f"{page.box(True)} Yes  {page.box(False)} No")],
                [("Traineeship Certificate", "issued within 5 working weeks after the end of the traineeship")]], 48)
    page.band("6. TABLE B – COMMITMENTS OF THE SENDING INSTITUTION")
    grant = f"EUR {d.grant}.00 per month" + (f" + traineeship top-up EUR {d.topup}.00 per month" if d.topup else "")
    page.pairs([[("Recognition", (f"{page.box(True)} Embedded in the curriculum – {d.ects} ECTS credits, recorded in "
                  "the Transcript of Records and the Diploma Supplement"))],
                [("Accident insurance", f"{page.box(not d.host_insures)} Yes  {page.box(d.host_insures)} No"),
                 ("Liability insurance", f"{page.box(False)} Yes  {page.box(True)} No")],
                [("Erasmus+ grant (paid by the Sending Institution)", grant)],
                [("Grant agreement", d.project)]], 48)
    page.band("7. COMMITMENT OF THE THREE PARTIES")
    flow.space(1)
    flow.text(COMMITMENT, page.size - 0.6)
    _signature_table(page, d)


def _retyped_footer(page: Page, d: Draft):
    flow = page.flow

    def draw(sheet: Sheet, n: int) -> None:
        if n - 1 in page.french:
            return
        y = A4[1] - 9
        number, total = page.number(n)
        sheet.add(Rule(16, y - 3.5, A4[0] - 16, y - 3.5, 0.2, GREY),
                  Text(16, y, f"{d.facts.internship.institution} – Learning Agreement for Traineeships {d.reference}",
                       6.4, page.font, GREY),
                  Text(A4[0] - 16, y, f"Page {number}/{total}", 6.4, page.font, GREY, align="right"))
    del flow
    return draw


def _french_page(page: Page, d: Draft, annex: bool, rng: random.Random) -> None:
    """The international office's French page: the summary a French host and the administration ask for."""
    st, host, person, flow = d.facts.internship, d.facts.internship.host, d.facts.person, page.flow
    font = page.font
    flow.y = 26
    flow.text(st.institution, 12, bold(font), "center")
    flow.text(d.office_fr, 8, align="center", color=GREY)
    flow.text(f"{d.inst_address} – {d.inst_city} – code Erasmus {d.erasmus_code}", 7.4, align="center", color=GREY)
    flow.space(6)
    title = ("ANNEXE – CONVENTION DE STAGE – MOBILITÉ ERASMUS+" if annex else
             "CONVENTION DE STAGE – MOBILITÉ ERASMUS+")
    flow.text(title, 13, bold(font), "center", color=page.accent)
    flow.text("Mentions complémentaires pour un stage effectué dans un organisme établi en France" if annex else
              "Page de garde du contrat pédagogique « Learning Agreement for Traineeships »", 8.6, align="center")
    flow.space(5)
    long = rng.random() < 0.4
    day = date_long if long else date_slash
    grat = euros(st.gratification) + " par mois" if st.gratification > 0 else "Néant"
    if d.hourly and st.gratification > 0:
        grat += f" (soit {d.hourly} € par heure de présence)"
    grant = f"{euros(d.grant)} par mois" + (f", complément stage de {euros(d.topup)} par mois" if d.topup else "")
    rows = [[("Établissement d'origine", st.institution)],
            [("Stagiaire", f"{person.surname} {st.given_names}"), ("Né(e) le", date_slash(person.birth_date))],
            [("Nationalité", d.nationality), ("Courriel", d.student_email)],
            [("Organisme d'accueil", f"{host.name} {host.legal_form}"), ("SIRET", siret_spaced(st.siret)
                                                                          if rng.random() < 0.5 else st.siret)],
            [("Adresse du lieu de stage", host.address)],
            [("Tuteur / Mentor", _civ(st.tutor)), ("Référent pédagogique", _civ(d.responsible[0]))],
            [("Période de stage", f"du {day(st.start_date)} au {day(st.end_date)}")],
            [("Durée hebdomadaire de présence", f"{hours_fr(st.weekly_hours)} heures")],
            [("Gratification versée par l'organisme d'accueil", grat)],
            [("Bourse Erasmus+ versée par l'établissement", grant)],
            [("Contrat de mobilité n°", d.project), ("Année universitaire", d.academic.replace("/", "-"))]]
    page.pairs(rows, 46)
    flow.space(4)
    she = "la stagiaire" if person.sex == "F" else "le stagiaire"
    for text in ((f"Le contrat pédagogique (Learning Agreement for Traineeships) ci-{'dessus' if annex else 'joint'}, "
                 "signé par les trois parties, tient lieu de convention de stage. Le stage étant effectué en France, "
                 "les dispositions des articles L. 124-1 à L. 124-20 et D. 124-1 à D. 124-13 du code de l'éducation "
                 "s'appliquent, notamment celles relatives à la durée du stage, à la gratification, à la durée de "
                 "présence et aux congés."),
                 (f"La gratification due par l'organisme d'accueil est cumulable avec la bourse Erasmus+ ; {she} "
                 "demeure inscrit(e) dans son établissement d'origine pendant toute la durée de la mobilité."),
                 ("Toute modification de la période ou du programme du stage fait l'objet d'un accord écrit des trois "
                 "parties (section « During the mobility » du contrat pédagogique).")):
        flow.text(text, 8.2)
        flow.space(1.5)
    flow.space(4)
    city = d.inst_city.split(" ", 1)[1]
    flow.text(f"Fait à {city}, le {date_slash(d.cover_date)}", 8.6, indent=100)
    flow.space(1)
    signer = d.office_signer
    flow.text(f"{'La chargée' if _feminine(signer) else 'Le chargé'} des relations internationales", 8.2,
              indent=100)
    flow.text(_civ(signer), 8.2, bold(font), indent=100)
    y = flow.y + 4
    flow.sheet.add(Box(125, y, 46, 20, stroke=page.accent, width=0.6, radius=3),
                   Text(148, y + 6, st.institution[:34], 6.2, bold(font), page.accent, align="center"),
                   Text(148, y + 11, "Relations internationales", 6.2, font, page.accent, align="center"),
                   Text(148, y + 16, "Mobilité Erasmus+", 6.2, font, page.accent, align="center"))
    flow.y = y + 24


def erasmus_traineeship(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    d = _draft(facts, rng)
    retyped = rng.random() < 0.45
    french = rng.choice(("cover", "cover", "annex", "", "", ""))
    v2021 = rng.random() < 0.5
    family = rng.choice(GLYPH_FONTS + ("lsans",) if not retyped else GLYPH_FONTS + ("lsans", "lserif", "serif"))
    glyphs = family in GLYPH_FONTS and (not retyped or rng.random() < 0.6)
    size = rng.choice((8.0, 8.4)) if retyped else rng.choice((7.8, 8.2))
    page = Page(FontKey(family), rng.choice(ACCENTS) if retyped else EU_BLUE, size, 16 if retyped else 15, glyphs)
    flow = page.flow
    if french == "cover":
        page.french.add(0)
        _french_page(page, d, False, rng)
        flow.new_page()
    if retyped:
        flow.header = lambda sheet: _letterhead(sheet, page, d)
        flow.header(flow.sheet)
        flow.footer = _retyped_footer(page, d)
        flow.y = 32
        _retyped(page, d, rng)
    else:
        flow.header = lambda sheet: _eu_header(sheet, page, d, v2021)
        flow.header(flow.sheet)
        flow.footer = _eu_footer(page, v2021)
        flow.y = 30
        _eu_template(page, d, v2021, rng)
    if french == "annex":
        flow.header = None
        flow.new_page()
        page.french.add(len(flow.sheets) - 1)
        _french_page(page, d, True, rng)
    return _agreement_piece(facts, "erasmus_traineeship", flow.finish())
