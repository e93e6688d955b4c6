"""Fresh diploma family `jury_proces_verbal` (fourth wave): the "extrait du procès-verbal de
délibération du jury" — or "certificat d'obtention" — a school's or university's registrar prints
for a graduate before the parchment is ready. Portrait, typed like an administrative letter: the
ministry's and the institution's names stacked at top left, the academic year and session at top
right, a double rule, then a heading in one of several real-world wordings. The candidate appears
either inside a sentence ("Le jury, réuni le …, a déclaré admise au diplôme de … Mme SURNAME
Given, née le … à …") or on a dotted "Candidat(e) :" form under a short preamble; the degree is
named in the sentence or on a line of its own; the mention, the student number, sometimes the
jury's members (other people's names) and a "Vu le procès-verbal …" line come around it, in an
order that varies. At the foot the registrar's "Fait à <city>, le <later date>" and the president
of the jury's signature block with a round stamp; a line of small print closes the page.

The date the jury sat is the date conferred; the edition date below it is later, and the birth date
and the academic year are printed too (distractors a real extract carries)."""
from __future__ import annotations

import datetime as dt
import itertools
import random
from typing import Literal

from synth.facts import DossierFacts
from synth.fmt import MONTHS_FR, date_long, date_slash
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, Person
from synth.pieces.base import BuiltPiece, FieldValue, bold

INKS: tuple[Color, ...] = ((20, 40, 110), (110, 20, 40), (25, 85, 70), (60, 60, 60))
STAMP_INKS: tuple[Color, ...] = ((40, 60, 150), (120, 50, 130), (150, 40, 40))
GREY: Color = (80, 80, 80)
# the heading and, when it has one, the line under it
HEADINGS: tuple[tuple[str, str], ...] = (
    ("EXTRAIT DU PROCÈS-VERBAL DE DÉLIBÉRATION DU JURY", ""),
    ("EXTRAIT DE PROCÈS-VERBAL DU JURY DE DÉLIBÉRATION", ""),
    ("CERTIFICAT D'OBTENTION", "Extrait du procès-verbal de délibération du jury"),
    ("ATTESTATION D'OBTENTION DE DIPLÔME", "(extrait du procès-verbal du jury)"),
    ("EXTRAIT DU PROCÈS-VERBAL DES DÉLIBÉRATIONS", "Jury de diplôme"),
)
MINISTRIES = ("MINISTÈRE DE L'ENSEIGNEMENT SUPÉRIEUR ET DE LA RECHERCHE",
              "MINISTÈRE DE L'ENSEIGNEMENT SUPÉRIEUR, DE LA RECHERCHE ET DE L'INNOVATION",
              "MINISTÈRE DE L'ÉDUCATION NATIONALE")
SERVICES = ("Direction des études et de la scolarité", "Service de la scolarité centrale",
            "Bureau des examens et des diplômes", "Scolarité — Pôle diplômes", "Service des diplômes")
# the jury: French academics, none of whom is a holder (holders come from synth.people's countries)
STAFF_F = (("Catherine", "LEMAIRE"), ("Isabelle", "MOREAU-DUVAL"), ("Sophie", "GIRARDOT"), ("Nathalie", "BERTIN"),
           ("Hélène", "ROUSSEL"), ("Anne-Claire", "FAURE"), ("Véronique", "CHASSAGNE"), ("Élodie", "MARCHAND"))
STAFF_M = (("Jean-Luc", "FOURNIER"), ("Philippe", "DELACROIX"), ("Olivier", "LEGRAND"), ("Thierry", "BOUCHARD"),
           ("Pascal", "VIDAL"), ("Frédéric", "HAMON"), ("Christophe", "LEBRETON"), ("Marc", "PERRAUDIN"))
RANKS_M = ("Professeur des universités", "Maître de conférences", "Enseignant-chercheur", "Professeur agrégé")
RANKS_F = ("Professeure des universités", "Maître de conférences", "Enseignante-chercheuse", "Professeure agrégée")
HEADS = {"M.": "Directeur des études", "Mme": "Directrice des études"}  # one of the ranks a president may hold
# the country as a birth place is printed: "à DAKAR (Sénégal)"
SHORT_COUNTRY = {"SEN": "Sénégal", "MLI": "Mali", "MAR": "Maroc", "IND": "Inde", "VNM": "Viêt Nam", "BRA": "Brésil",
                 "UKR": "Ukraine", "COL": "Colombie", "CHN": "Chine", "PRT": "Portugal", "CIV": "Côte d'Ivoire",
                 "TUN": "Tunisie", "CMR": "Cameroun"}
SMALL_PRINT = ("Le présent extrait ne peut en aucun cas se substituer au diplôme, qui sera délivré ultérieurement.",
               "Il n'est délivré qu'un seul exemplaire de ce document. Le diplôme est en cours d'édition.",
               "Attestation délivrée pour servir et valoir ce que de droit.",
               ("Toute falsification de ce document expose son auteur aux sanctions prévues par les articles 441-1 "
                "et suivants du Code pénal."))


class _Page:
    """A cursor down one portrait sheet; every block moves it."""

    def __init__(self, sheet: Sheet, font: FontKey, left: float, right: float, y: float):
        self.sheet, self.font, self.left, self.right, self.y = sheet, font, left, right, y

    def paragraph(self, text: str, size: float, font: FontKey | None = None, indent: float = 0.0,
                  leading: float = 1.55, align: Literal["left", "center"] = "left", color: Color = (0, 0, 0)) -> None:
        font = font or self.font
        x = (self.left + self.right) / 2 if align == "center" else self.left + indent
        for line in wrap(text, font, size, self.right - self.left - indent):
            self.sheet.add(Text(x, self.y, line, size, font, color, align))
            self.y += size * 0.3528 * leading
        self.y += size * 0.2

    def dotted(self, label: str, value: str, size: float, tab: float, leader: bool) -> None:
        """"Label ........ value": the value in bold, as a registrar's form prints it."""
        self.sheet.add(Text(self.left, self.y, label, size, self.font))
        if leader:
            start = self.left + text_width_mm(label, self.font, size) + 1.5
            dots = max(0, int((self.left + tab - 2 - start) / text_width_mm(".", self.font, size)))
            self.sheet.add(Text(start, self.y, "." * dots, size, self.font, GREY))
        self.sheet.add(Text(self.left + tab, self.y, value, size, bold(self.font)))
        self.y += size * 0.3528 * 1.75


def _academic_year(sat: dt.date) -> str:
    """A jury sitting from October on closes the year that began that autumn."""
    start = sat.year if sat.month >= 10 else sat.year - 1
    return f"{start}-{start + 1}"


def _female(person: Person) -> bool:
    return person.sex == "F"


def _agree(word: str, person: Person, style: str) -> str:
    """"admis" -> "admise" for a woman, or the invariable "admis(e)" some offices type."""
    return f"{word}(e)" if style == "neutral" else word + ("e" if _female(person) else "")


def _holder(person: Person, given: str, style: str) -> str:
    civility = person.civility if style != "long" else person.civility_long
    return {"civ": f"{civility} {person.surname} {given}", "long": f"{civility} {person.surname} {given}",
            "plain": f"{person.surname} {given}", "given_first": f"{given} {person.surname}"}[style]


def _birth(person: Person, agree: str, dates: str) -> str:
    born = date_long(person.birth_date) if dates == "long" else date_slash(person.birth_date)
    country = SHORT_COUNTRY.get(person.country.code, person.country.name_fr)
    return f"{_agree('né', person, agree)} le {born} à {person.birth_city} ({country})"


def _degree_phrase(title: str) -> str:
    """"au diplôme de Master …" — but "au Diplôme d'État …", not "au diplôme de Diplôme …"."""
    return f"au {title}" if title.lower().startswith(("diplôme", "bts")) else f"au diplôme de {title}"


def _mention(title: str, rng: random.Random) -> str | None:
    """BTS and diplômes d'État carry no mention; other degrees carry one."""
    if title.lower().startswith(("bts", "diplôme d'état")):
        return None
    return rng.choices(("Assez bien", "Bien", "Très bien", "Passable"), (5, 4, 2, 2))[0]


def _jury(person: Person, rng: random.Random) -> list[tuple[str, str, str]]:
    """(civility, "Given SURNAME", rank) of three to five members, the first presiding; none is the holder."""
    pool = [("Mme", *n) for n in STAFF_F] + [("M.", *n) for n in STAFF_M]
    pool = [p for p in pool if p[2] != person.surname]
    members = rng.sample(pool, rng.randint(3, 5))
    jury = [(civ, f"{given} {surname}", rng.choice(RANKS_F if civ == "Mme" else RANKS_M))
            for civ, given, surname in members]
    if rng.random() < 0.3:
        jury[0] = (jury[0][0], jury[0][1], HEADS[jury[0][0]])
    return jury


def _header(page: _Page, facts: DossierFacts, ink: Color, rng: random.Random) -> None:
    d, font = facts.diploma, page.font
    y = 16.0
    if rng.random() < 0.6:
        page.sheet.add(Text(page.left, y, "RÉPUBLIQUE FRANÇAISE", 7.5, bold(font), GREY))
        y += 4
    if rng.random() < 0.7:
        for line in wrap(rng.choice(MINISTRIES), font, 6.5, 80):
            page.sheet.add(Text(page.left, y, line, 6.5, font, GREY))
            y += 3.2
        y += 1.5
    size = 12.5
    while size > 9 and text_width_mm(d.institution, bold(font), size) > 105:
        size -= 0.5
    page.sheet.add(Text(page.left, y + 3, d.institution, size, bold(font), ink),
                   Text(page.left, y + 8, rng.choice(SERVICES), 8, font, GREY))
    session = rng.choice((f"Session {d.year}", "Session unique", "1re session",
                          f"Session de {MONTHS_FR[d.award_date.month - 1]} {d.year}"))
    page.sheet.add(Text(page.right, 18, f"Année universitaire {_academic_year(d.award_date)}", 8.5, font,
                        align="right"),
                   Text(page.right, 22.5, session, 8.5, font, align="right"))
    if rng.random() < 0.6:
        page.sheet.add(Text(page.right, 27, f"PV n° {d.year}-{rng.choice(('DIP', 'JUR', 'DEL'))}-"
                                             f"{rng.randint(100, 9999):04d}", 8, font, GREY, "right"))
    page.y = y + 14
    # the double rule of typed administrative paper
    page.sheet.add(Rule(page.left, page.y, page.right, page.y, 0.7, ink),
                   Rule(page.left, page.y + 1.1, page.right, page.y + 1.1, 0.2, ink))
    page.y += 12


def _heading(page: _Page, ink: Color, rng: random.Random) -> None:
    title, under = rng.choice(HEADINGS)
    centred = rng.random() < 0.75
    size = 14.0
    while text_width_mm(title, bold(page.font), size) > page.right - page.left:
        size -= 0.5
    x = (page.left + page.right) / 2 if centred else page.left
    page.sheet.add(Text(x, page.y, title, size, bold(page.font), ink, "center" if centred else "left"))
    if rng.random() < 0.4:  # an underline under the heading, as a word processor draws it
        width = text_width_mm(title, bold(page.font), size)
        x0 = x - width / 2 if centred else x
        page.sheet.add(Rule(x0, page.y + 1.5, x0 + width, page.y + 1.5, 0.3, ink))
    page.y += 7
    if under:
        page.sheet.add(Text(x, page.y, under, 10, FontKey(page.font.family, italic=page.font.family != "condensed"),
                            GREY, "center" if centred else "left"))
        page.y += 6
    page.y += 6


def _chair(jury: list[tuple[str, str, str]]) -> str:
    return "Le président du jury" if jury[0][0] == "M." else "La présidente du jury"


def _sentence_body(page: _Page, facts: DossierFacts, sat: str, mention: str | None, student: str, chair: str,
                   rng: random.Random) -> None:
    """The candidate inside the jury's sentence, the degree on a line of its own or in the sentence."""
    person, d = facts.person, facts.diploma
    agree = rng.choice(("agree", "agree", "neutral"))
    holder = _holder(person, d.given_names, rng.choice(("civ", "long", "plain", "given_first")))
    birth = _birth(person, agree, rng.choice(("long", "slash")))
    admitted = _agree("admis", person, agree)
    size = rng.choice((10.5, 11.0, 11.5))
    if rng.random() < 0.5:
        page.paragraph(f"Le jury, réuni le {sat}, a déclaré {admitted} {_degree_phrase(d.title)}", size)
        page.y += 3
        page.paragraph(holder, size + 1.5, bold(page.font), align="center")
        page.paragraph(birth, size - 0.5, align="center")
        page.paragraph(f"N° étudiant : {student}", size - 1.5, align="center", color=GREY)
        page.y += 3
        if mention:
            page.paragraph(rng.choice((f"Mention : {mention}", f"Mention {mention.upper()}")), size, align="center")
    else:
        page.paragraph(f"{chair} certifie que {holder}, {birth}, numéro d'étudiant {student}, a été "
                       f"{_agree('déclaré', person, agree)} {admitted} par le jury réuni le {sat}, au titre de "
                       f"l'année universitaire {_academic_year(d.award_date)}, au diplôme suivant :", size)
        page.y += 3
        page.paragraph(d.title, size + 2, bold(page.font), align="center")
        page.y += 3
        if mention:
            page.paragraph(rng.choice((f"avec la mention {mention}.", f"Mention obtenue : {mention}")), size)
    if not mention:
        page.paragraph("Résultat : ADMIS" + ("E" if _female(person) and agree == "agree" else ""), size,
                       align="center")

def _form_body(page: _Page, facts: DossierFacts, sat: str, mention: str | None, student: str, chair: str,
               rng: random.Random) -> None:
    """A short preamble, then the candidate and the decision on dotted lines."""
    person, d = facts.person, facts.diploma
    size = rng.choice((10.0, 10.5))
    preamble = rng.choice(((f"Vu le procès-verbal du jury en date du {sat}, le candidat désigné ci-dessous a été "
                            "déclaré admis au diplôme mentionné."),
                           "Le jury de délibération, régulièrement constitué, a prononcé la décision suivante :",
                           (f"{chair} atteste que le candidat ci-dessous a satisfait aux épreuves conduisant "
                            "au diplôme indiqué.")))
    page.paragraph(preamble, size)
    page.y += 4
    leader = rng.random() < 0.6
    tab = rng.choice((48.0, 54.0))
    style = rng.choice(("split", "split", "one_line"))
    rows: list[tuple[str, str]] = []
    if style == "split":
        rows += [(rng.choice(("Nom :", "Nom de famille :", "NOM :")), person.surname),
                 (rng.choice(("Prénom(s) :", "Prénoms :")), d.given_names)]
    else:
        rows.append((rng.choice(("Candidat(e) :", "Candidat :" if not _female(person) else "Candidate :")),
                     _holder(person, d.given_names, rng.choice(("civ", "plain", "given_first")))))
    born = date_long(person.birth_date) if rng.random() < 0.4 else date_slash(person.birth_date)
    country = SHORT_COUNTRY.get(person.country.code, person.country.name_fr)
    rows += [("Né(e) le :", f"{born} à {person.birth_city} ({country})"),
             (rng.choice(("N° étudiant :", "N° d'étudiant :", "Identifiant :")), student)]
    decision = [(rng.choice(("Diplôme :", "Intitulé du diplôme :", "Formation :")), d.title),
                (rng.choice(("Date de délibération :", "Jury du :", "Date du jury :")), sat),
                ("Décision :", rng.choice(("Admis(e)", "ADMIS" + ("E" if _female(person) else ""))))]
    if mention:
        decision.append(("Mention :", mention))
    if rng.random() < 0.3:  # some offices print the decision first and the candidate under it
        rows, decision = decision, rows
    for group in (rows, decision):
        for label, value in group:
            vsize = size
            while vsize > 7.5 and text_width_mm(value, bold(page.font), vsize) > page.right - page.left - tab:
                vsize -= 0.5
            page.dotted(label, value, min(size, vsize), tab, leader)
        page.y += 3


def _jury_block(page: _Page, jury: list[tuple[str, str, str]], rng: random.Random) -> None:
    size = 9.0
    page.sheet.add(Text(page.left, page.y, rng.choice(("Composition du jury :", "Membres du jury :")), size,
                        bold(page.font)))
    page.y += 5
    for i, (civ, name, rank) in enumerate(jury):
        role = ", président du jury" if i == 0 and civ == "M." else ", présidente du jury" if i == 0 else ""
        page.sheet.add(Text(page.left + 4, page.y, f"– {civ} {name}, {rank}{role}", size, page.font))
        page.y += 4.6
    page.y += 6


def _signatures(page: _Page, facts: DossierFacts, jury: list[tuple[str, str, str]], stamp: Color,
                rng: random.Random) -> None:
    d = facts.diploma
    room = (facts.reference_date - d.award_date).days - 1  # printed before the dossier was sent
    high = max(1, min(70, room))
    edited = d.award_date + dt.timedelta(days=rng.randint(min(2, high), high))
    city = rng.choice(FRENCH_CITIES)[0]
    made = date_long(edited) if rng.random() < 0.6 else date_slash(edited)
    font, size = page.font, 10.0
    page.y = min(page.y + rng.uniform(8, 20), 205.0)
    page.sheet.add(Text(page.right, page.y, f"Fait à {city}, le {made}", size, font, align="right"))
    page.y += 10
    civ, name, _ = jury[0]
    president = _chair(jury).replace("p", "P", 1)
    column = page.right - 62
    page.sheet.add(Text(column, page.y, president, size, bold(font)))
    given, surname = name.rsplit(" ", 1)
    shown = rng.choice((f"{civ} {given} {surname}", f"{given} {surname}")
                       + ((f"Pr {given} {surname}",) if jury[0][2].startswith("Professeur") else ()))
    page.sheet.add(Text(column, page.y + 26, shown, size - 0.5, font))
    # a hand signature: a few pen strokes over the name
    x0, y0 = column + 4, page.y + 16
    strokes = [(x0 + i * 4, y0 + rng.uniform(-4, 3)) for i in range(8)]
    for (xa, ya), (xb, yb) in itertools.pairwise(strokes):
        page.sheet.add(Rule(xa, ya, xb, yb, 0.35, (30, 30, 90)))
    # the round stamp of the institution, half over the signature
    cx = column - 36
    page.sheet.add(Box(cx, page.y + 4, 28, 28, stroke=stamp, width=0.6, radius=14),
                   Box(cx + 2.5, page.y + 6.5, 23, 23, stroke=stamp, width=0.25, radius=11.5),
                   Text(cx + 14, page.y + 17, "SCOLARITÉ", 6, bold(font), stamp, "center"),
                   Text(cx + 14, page.y + 21, "* DIPLÔMES *", 5.5, font, stamp, "center"))
    if rng.random() < 0.5:  # the registrar's own delegation on the left
        on_jury = {member[1].rsplit(" ", 1)[1] for member in jury}
        registrar = rng.choice([n for n in STAFF_F + STAFF_M if n[1] not in on_jury and n[1] != facts.person.surname])
        office = (("La cheffe du service de la scolarité", "La responsable des diplômes") if registrar in STAFF_F
                  else ("Le chef du service de la scolarité", "Le responsable des diplômes"))
        page.sheet.add(Text(page.left, page.y, "Pour le Président de l'établissement", 8.5, font, GREY),
                       Text(page.left, page.y + 4, "et par délégation,", 8.5, font, GREY),
                       Text(page.left, page.y + 8, rng.choice(office), 8.5, font, GREY),
                       Text(page.left, page.y + 26, f"{registrar[0]} {registrar[1]}", 9, font))
    page.y += 36


def jury_proces_verbal(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    font = FontKey(rng.choice(("serif", "lserif", "sans", "lsans", "condensed")))
    ink, stamp = rng.choice(INKS), rng.choice(STAMP_INKS)
    margin = rng.uniform(18, 26)
    sheet = Sheet(background=rng.choice(((255, 255, 255), (254, 253, 249))))
    page = _Page(sheet, font, margin, A4[0] - margin, 0)
    _header(page, facts, ink, rng)
    _heading(page, ink, rng)
    sat = date_long(d.award_date) if rng.random() < 0.7 else date_slash(d.award_date)
    mention = _mention(d.title, rng)
    student = str(rng.randint(20_000_000, 22_999_999)) if rng.random() < 0.7 else f"{rng.randint(10**7, 10**8 - 1)}"
    jury = _jury(person, rng)
    where = rng.choice(("none", "none", "before", "after", "after"))  # the members listed, or not
    if where == "before":  # before the decision, as the minutes list them
        _jury_block(page, jury, rng)
    (_sentence_body if rng.random() < 0.55 else _form_body)(page, facts, sat, mention, student, _chair(jury), rng)
    if where == "after" and page.y < 185:
        page.y += 4
        _jury_block(page, jury, rng)
    _signatures(page, facts, jury, stamp, rng)
    italic = FontKey(font.family, italic=font.family != "condensed")
    small = [line for text in rng.sample(SMALL_PRINT, rng.randint(1, 2)) for line in wrap(text, italic, 6.8, 170)]
    for i, line in enumerate(reversed(small)):
        sheet.add(Text(A4[0] / 2, A4[1] - 10 - 3.4 * i, line, 6.8, italic, GREY, "center"))
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": d.title, "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:jury_proces_verbal", fields, sheets=[sheet])
