"""Fresh diploma family `titre_professionnel` (fifth wave): the parchment the ministry in charge of
employment issues to whoever passed the validation session of a professional title — not a
university's paper but the State's, signed for the minister by a regional (DREETS, DRIEETS in
Île-de-France, DIRECCTE before April 2021) or departmental (DDETS) director. Landscape or portrait,
on cream or white paper inside a ruled frame, sometimes edged with a light guilloche or a tricolour
strip. At the top "RÉPUBLIQUE FRANÇAISE" — the government's bloc-marque with its motto, or a plain
centred line — and the ministry's name as it was called the day the title was issued; the title's
number and its RNCP code at top right, or the RNCP number inside the grant, or neither. A large
"TITRE PROFESSIONNEL", then either the "Vu …" recitals (the code, the 2015 arrêté, the arrêté
creating the title with its own earlier date, the jury's minutes) or none, and the grant in one of
three wordings: a sentence ("Le ministre chargé de l'emploi certifie que Madame Given SURNAME, née
le … à …, a obtenu le titre professionnel <TITLE> de niveau N …"), a stack of centred lines with
the holder and the title each on a line of its own, or "Le titre professionnel <TITLE> … est
décerné à" over the holder. The surname comes before or after the given names, the title in
capitals or not, inside quotes or not. The session is named by the date the jury sat — alone, or
closing a session of several days, or on a "Session de validation :" or "Date du jury :" line. At
the foot "Fait à <city>, le <later date>", "Pour le ministre et par délégation" over the
director's title, a pen signature and the office's round stamp; sometimes the holder's own
signature line or a square 2D code, and a line or two of small print.

The date the jury sat is the date conferred; the birth date, the arrêté's date, the first day of a
longer session and the later issue date are printed too (distractors a real title carries). The
title printed is the dossier's degree (the generator's facts know no other), at the level of the
national framework its name implies."""
from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from dataclasses import replace

from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash
from synth.fonts import FontKey
from synth.layout import A4, Box, Color, Element, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, Person
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_diploma_band import _fit, _lines
from synth.pieces.fresh_diploma_jury import (
    SHORT_COUNTRY,
    STAFF_F,
    STAFF_M,
    STAMP_INKS,
    _agree,
)

PAPERS: tuple[Color, ...] = ((255, 255, 255), (253, 250, 241), (250, 246, 232), (247, 244, 236))
INKS: tuple[Color, ...] = ((0, 0, 145), (30, 40, 90), (25, 25, 25), (95, 30, 45))  # bleu France first
FRAMES: tuple[Color, ...] = ((0, 0, 145), (140, 110, 50), (70, 70, 70), (30, 80, 120))
GUILLOCHE: Color = (226, 222, 236)
FLAG_BLUE, FLAG_RED = (0, 0, 145), (225, 0, 15)
GREY: Color = (75, 75, 75)
# the ministry in charge of employment, by the date it took its name
MINISTRIES = ((dt.date(2012, 5, 16),
               "Ministère du Travail, de l'Emploi, de la Formation professionnelle et du Dialogue social"),
              (dt.date(2017, 5, 17), "Ministère du Travail"),
              (dt.date(2020, 7, 6), "Ministère du Travail, de l'Emploi et de l'Insertion"),
              (dt.date(2022, 5, 20), "Ministère du Travail, du Plein emploi et de l'Insertion"),
              (dt.date(2024, 1, 11), "Ministère du Travail, de la Santé et des Solidarités"),
              (dt.date(2024, 9, 21), "Ministère du Travail et de l'Emploi"),
              (dt.date(2024, 12, 23), "Ministère du Travail, de la Santé, des Solidarités et des Familles"),
              (dt.date(2025, 10, 12), "Ministère du Travail et des Solidarités"))
DREETS_FROM = dt.date(2021, 4, 1)  # the DIRECCTE became the DREETS and the DDETS
# the city the title is issued in: (its region, "du Rhône"-style department, the department's number,
# whether the regional directorate sits there)
OFFICES = {"Paris": ("Île-de-France", "de Paris", "75", True),
           "Lyon": ("Auvergne-Rhône-Alpes", "du Rhône", "69", True),
           "Marseille": ("Provence-Alpes-Côte d'Azur", "des Bouches-du-Rhône", "13", True),
           "Toulouse": ("Occitanie", "de la Haute-Garonne", "31", True),
           "Nantes": ("Pays de la Loire", "de la Loire-Atlantique", "44", True),
           "Lille": ("Hauts-de-France", "du Nord", "59", True),
           "Bordeaux": ("Nouvelle-Aquitaine", "de la Gironde", "33", True),
           "Rennes": ("Bretagne", "d'Ille-et-Vilaine", "35", True),
           "Strasbourg": ("Grand Est", "du Bas-Rhin", "67", True),
           "Montpellier": ("Occitanie", "de l'Hérault", "34", False),
           "Grenoble": ("Auvergne-Rhône-Alpes", "de l'Isère", "38", False),
           "Nice": ("Provence-Alpes-Côte d'Azur", "des Alpes-Maritimes", "06", False),
           "Angers": ("Pays de la Loire", "de Maine-et-Loire", "49", False),
           "Dijon": ("Bourgogne-Franche-Comté", "de la Côte-d'Or", "21", True),
           "Clermont-Ferrand": ("Auvergne-Rhône-Alpes", "du Puy-de-Dôme", "63", False),
           "Rouen": ("Normandie", "de la Seine-Maritime", "76", True)}
REGION_SHORT = {"Auvergne-Rhône-Alpes": "AURA", "Provence-Alpes-Côte d'Azur": "PACA",
                "Bourgogne-Franche-Comté": "BFC", "Pays de la Loire": "PDL", "Nouvelle-Aquitaine": "NA",
                "Hauts-de-France": "HDF"}
ROMAN = {7: "I", 6: "II", 5: "III"}  # the levels before the 2019 nomenclature
NEW_LEVELS = dt.date(2019, 1, 9)
HEADINGS = ("TITRE PROFESSIONNEL", "TITRE PROFESSIONNEL", "Titre professionnel",
            "TITRE PROFESSIONNEL DU MINISTÈRE CHARGÉ DE L'EMPLOI")
ISSUERS = ("Le ministre chargé de l'emploi", "La ministre chargée de l'emploi", "Le ministre chargé de l'emploi et de la formation professionnelle",
           "Le ministre du travail")
SMALL_PRINT = (("Titre professionnel délivré par le ministre chargé de l'emploi en application des articles "
                "L. 335-5 et R. 338-1 et suivants du code de l'éducation."),
               "Ce titre est enregistré au répertoire national des certifications professionnelles (RNCP).",
               "Il n'est délivré qu'un seul original de ce titre. Aucun duplicata ne sera établi.",
               "Toute falsification de ce document est passible des peines prévues à l'article 441-1 du code pénal.")


def _level(title: str, on: dt.date) -> str:
    """The level of the national framework the title stands at, as printed the day it was issued."""
    low = title.lower()
    n = 7 if low.startswith(("master", "diplôme d'ingénieur")) else 5 if low.startswith("bts") else 6
    return str(n) if on >= NEW_LEVELS else ROMAN[n]


def _ministry(on: dt.date) -> str:
    return [name for since, name in MINISTRIES if since <= on][-1]


def _office(city: str, issued: dt.date, rng: random.Random) -> tuple[str, str, str]:
    """(the signer's title, the stamp's two lines) of the directorate that issues the title in `city`."""
    region, department, number, capital = OFFICES[city]
    female = rng.random() < 0.45
    director = "La directrice" if female else "Le directeur"
    if issued < DREETS_FROM:
        return ((f"{director} régional{'e' if female else ''} des entreprises, de la concurrence, de la "
                 f"consommation, du travail et de l'emploi de la région {region}"), "DIRECCTE",
                REGION_SHORT.get(region, region))
    if region == "Île-de-France":
        return ((f"{director} régional{'e' if female else ''} et interdépartemental{'e' if female else ''} de "
                 "l'économie, de l'emploi, du travail et des solidarités d'Île-de-France"), "DRIEETS",
                "Île-de-France")
    if capital and rng.random() < 0.7:
        return ((f"{director} régional{'e' if female else ''} de l'économie, de l'emploi, du travail et des "
                 "solidarités"), "DREETS", REGION_SHORT.get(region, region))
    return ((f"{director} départemental{'e' if female else ''} de l'emploi, du travail et des solidarités "
             f"{department}"), "DDETS", number)


def _holder(person: Person, given: str, rng: random.Random) -> tuple[str, str]:
    """(the civility or "", the name as the title prints it): surname first or last, given names in capitals
    now and then."""
    civility = rng.choice((person.civility_long, person.civility_long, person.civility, ""))
    shown = given.upper() if rng.random() < 0.15 else given
    name = f"{person.surname} {shown}" if rng.random() < 0.45 else f"{shown} {person.surname}"
    return civility, name


def _born(person: Person, rng: random.Random) -> str:
    agree = rng.choice(("agree", "agree", "neutral"))
    day = date_long(person.birth_date) if rng.random() < 0.55 else date_slash(person.birth_date)
    city = person.birth_city if rng.random() < 0.5 else " ".join(
        word if i == 0 or word.lower() not in ("de", "do", "da", "des", "du") else word.lower()
        for i, word in enumerate(person.birth_city.title().split()))  # "Rio de Janeiro", not "Rio De Janeiro"
    country = SHORT_COUNTRY.get(person.country.code, person.country.name_fr)
    return f"{_agree('né', person, agree)} le {day} à {city} ({country})"


def _say(d: dt.date, long: bool) -> str:
    return date_long(d) if long else date_slash(d)


class _Column:
    """Centred or left-aligned lines down the text column of the parchment; `scale` sizes every line (larger on a
    tall portrait page, smaller when a long wording would run into the foot)."""

    def __init__(self, sheet: Sheet, font: FontKey, ink: Color, left: float, right: float, y: float, scale: float):
        self.sheet, self.font, self.ink, self.left, self.right, self.y, self.scale = (sheet, font, ink, left, right,
                                                                                       y, scale)

    @property
    def width(self) -> float:
        return self.right - self.left

    def centred(self, text: str, size: float, font: FontKey | None = None, color: Color = (0, 0, 0),
                gap: float = 1.5, shrink: float = 0.0) -> None:
        """One centred line, shrunk down to `shrink` points before it wraps."""
        font, size = font or self.font, size * self.scale
        if shrink:
            size = _fit(text, font, size, self.width, shrink * self.scale)
        self.y = _lines(self.sheet, (self.left + self.right) / 2, self.y + size * 0.3528, text, size, font,
                        self.width, color) - size * 0.3528 + gap

    def flowing(self, text: str, size: float, align: str, color: Color = (0, 0, 0), gap: float = 2.0) -> None:
        size = size * self.scale
        x = (self.left + self.right) / 2 if align == "center" else self.left
        self.y = _lines(self.sheet, x, self.y + size * 0.3528, text, size, self.font, self.width, color,
                        align) - size * 0.3528 + gap


def _frame(sheet: Sheet, color: Color, rng: random.Random) -> None:
    w, h = sheet.width, sheet.height
    outer = rng.uniform(7, 10)
    sheet.add(Box(outer, outer, w - 2 * outer, h - 2 * outer, stroke=color, width=rng.choice((0.9, 1.3))))
    inner = outer + rng.uniform(2.5, 4)
    if rng.random() < 0.45:  # a light wave pattern between the two rules, as a security paper's edge
        period, amp = 6.0, 0.9
        for edge_y in (outer + (inner - outer) / 2, h - outer - (inner - outer) / 2):
            xs = [outer + 1 + i * period / 4 for i in range(int((w - 2 * outer - 2) / (period / 4)))]
            for phase in (0.0, math.pi):
                pts = [(x, edge_y + amp * math.sin(2 * math.pi * (x - outer) / period + phase)) for x in xs]
                sheet.add(*(Rule(a[0], a[1], b[0], b[1], 0.15, GUILLOCHE) for a, b in itertools.pairwise(pts)))
    sheet.add(Box(inner, inner, w - 2 * inner, h - 2 * inner, stroke=color, width=0.3))
    if rng.random() < 0.35:  # the tricolour strip under the top rule
        third = (w - 2 * inner) / 3
        for i, fill in enumerate((FLAG_BLUE, (255, 255, 255), FLAG_RED)):
            sheet.add(Box(inner + i * third, inner, third, 1.6, fill=fill, stroke=None))


def _marque(sheet: Sheet, x: float, y: float, ministry: str, font: FontKey, rng: random.Random) -> float:
    """The government's bloc-marque at top left: the flag's two colours, RÉPUBLIQUE FRANÇAISE, the motto;
    the ministry's name under it. Returns the baseline under the block."""
    sheet.add(Box(x, y, 3.2, 5.5, fill=FLAG_BLUE, stroke=None), Box(x + 6.4, y, 3.2, 5.5, fill=FLAG_RED, stroke=None))
    sans = FontKey("sans" if font.family in ("serif", "sans", "condensed") else "lsans")
    y += 10
    for line in ("RÉPUBLIQUE", "FRANÇAISE"):
        sheet.add(Text(x, y, line, 8.5, bold(sans)))
        y += 3.6
    y += 1.2
    for line in ("Liberté", "Égalité", "Fraternité"):
        sheet.add(Text(x, y, line, 6, FontKey(sans.family, italic=True)))
        y += 2.6
    y += 3
    for line in wrap(ministry.upper() if rng.random() < 0.5 else ministry, bold(sans), 7, 75):
        sheet.add(Text(x, y, line, 7, bold(sans)))
        y += 3.2
    return y


def _numbers(sheet: Sheet, x: float, y: float, font: FontKey, award: dt.date, department: str,
             rng: random.Random) -> list[str]:
    """The title's number and RNCP code, as printed at top right or at the foot (or nothing)."""
    lines = []
    if rng.random() < 0.7:
        lines.append(rng.choice((f"N° du titre : {award:%y}{department}{rng.randint(0, 999999):06d}",
                                 f"Titre n° TP-{award.year}-{rng.randint(10000, 99999)}",
                                 f"Numéro de certificat : {rng.randint(10**8, 10**9 - 1)}")))
    if rng.random() < 0.6:
        code = rng.randint(30000, 39999)
        lines.append(rng.choice((f"Code RNCP : RNCP{code}", f"RNCP{code}", f"Fiche RNCP n° {code}")))
    for i, line in enumerate(lines):
        sheet.add(Text(x, y + 4 * i, line, 8.5, font, GREY, "right"))
    return lines


def _recitals(arrete: dt.date, sat: str, title: str, long: bool, rng: random.Random) -> list[str]:
    recitals = ["Vu le code de l'éducation, notamment ses articles L. 335-5, L. 335-6 et R. 338-1 et suivants ;",
                ("Vu l'arrêté du 22 décembre 2015 relatif aux conditions de délivrance du titre professionnel du "
                 "ministère chargé de l'emploi ;"),
                f"Vu l'arrêté du {_say(arrete, long)} relatif au titre professionnel de {title} ;",
                f"Vu le procès-verbal du jury de la session de validation du {sat} ;"]
    keep = sorted(rng.sample(range(4), rng.randint(2, 4)))
    return [recitals[i] for i in keep]


def _session(award: dt.date, sat: str, long: bool, rng: random.Random) -> str:
    """The session, named by the date the jury sat; a longer session's first day comes before it."""
    first = award - dt.timedelta(days=rng.randint(1, 4))
    return rng.choice((f"à l'issue de la session de validation du {sat}",
                       f"par décision du jury réuni le {sat}",
                       f"session de validation du {_say(first, long)} au {sat}, jury réuni le {sat}",
                       f"lors de la session d'examen dont le jury s'est réuni le {sat}"))


def _grant(col: _Column, facts: DossierFacts, long: bool, level: str, rncp: str, rng: random.Random) -> None:
    """The grant in one of three wordings."""
    person, d = facts.person, facts.diploma
    civility, name = _holder(person, d.given_names, rng)
    holder = f"{civility} {name}".strip()
    title = d.title.upper() if rng.random() < 0.4 else d.title
    quoted = f"« {title} »" if rng.random() < 0.3 else title
    born = _born(person, rng)
    niveau = rng.choice((f"de niveau {level}", f"de niveau {level}", f"niveau {level}"))
    session = _session(d.award_date, _say(d.award_date, long), long, rng)
    issuer = rng.choice(ISSUERS)
    verb = rng.choice(("certifie que", "atteste que"))
    vae = rng.random() < 0.2
    size = rng.choice((11.0, 11.5, 12.0))
    style = rng.choice(("sentence", "stack", "stack", "conferred"))
    if style == "sentence":
        col.flowing(f"{issuer} {verb} {holder}, {born}, a obtenu le titre professionnel {quoted} {niveau}"
                    f"{rncp}, {session}" + (", par la voie de la validation des acquis de l'expérience." if vae
                                            else "."),
                    size + 1, rng.choice(("left", "center")))
    elif style == "stack":
        col.centred(f"{issuer} {verb}", size)
        col.y += 2
        col.centred(holder, size + 7, bold(col.font), col.ink, shrink=13)
        col.centred(born, size - 1)
        col.y += 2
        col.centred("a obtenu le titre professionnel", size)
        col.y += 1
        col.centred(quoted, size + 6, bold(col.font), col.ink, shrink=12)
        col.centred(f"{niveau}{rncp}" if rng.random() < 0.5 else f"{niveau} du cadre national des certifications "
                    f"professionnelles{rncp}", size - 0.5)
        labelled = rng.choice(("Session de validation : ", "Date du jury : ")) if rng.random() < 0.3 else ""
        col.centred(labelled + _say(d.award_date, long) if labelled else session[0].upper() + session[1:], size - 0.5)
        if vae:
            col.centred("par la voie de la validation des acquis de l'expérience", size - 1, color=GREY)
    else:
        col.centred("Le titre professionnel", size)
        col.y += 1
        col.centred(quoted, size + 6, bold(col.font), col.ink, shrink=12)
        col.centred(f"{niveau}{rncp}, {session},", size - 0.5)
        col.centred(rng.choice(("est décerné à", "est délivré à")), size)
        col.y += 2
        col.centred(holder, size + 7, bold(col.font), col.ink, shrink=13)
        col.centred(born, size - 1)


def _scribble(sheet: Sheet, x: float, y: float, width: float, color: Color, rng: random.Random) -> None:
    """A pen signature: a looping stroke drawn as short segments, and its flourish."""
    loops, amp, steps = rng.randint(3, 5), rng.uniform(2.5, 4.5), 40
    pts = [(x + t * width + 2.2 * math.cos(t * loops * 2 * math.pi),
            y - amp * math.sin(t * loops * 2 * math.pi) * (1 - 0.6 * t)) for t in (i / steps for i in range(steps + 1))]
    sheet.add(*(Rule(a[0], a[1], b[0], b[1], 0.3, color) for a, b in itertools.pairwise(pts)),
              Rule(x - 2, y + 2.5, x + width * 0.9, y + 1.2, 0.3, color))


def _stamp(sheet: Sheet, cx: float, cy: float, office: str, where: str, font: FontKey, ink: Color) -> None:
    """The directorate's round stamp: two rings, the Republic, the office and its region or department."""
    sheet.add(Box(cx - 14, cy - 14, 28, 28, stroke=ink, width=0.55, radius=14),
              Box(cx - 11, cy - 11, 22, 22, stroke=ink, width=0.2, radius=11),
              Text(cx, cy - 6.5, "RÉPUBLIQUE", 4.5, bold(font), ink, "center"),
              Text(cx, cy - 4, "FRANÇAISE", 4.5, bold(font), ink, "center"),
              Text(cx, cy + 1.5, office, 7, bold(font), ink, "center"),
              Text(cx, cy + 5.5, where if len(where) < 18 else where.split()[0], 5, font, ink, "center"),
              Text(cx, cy + 13.2, "* EMPLOI *", 3.8, font, ink, "center"))


def _code(sheet: Sheet, x: float, y: float, rng: random.Random) -> None:
    """A square 2D code: its finder edges and random modules."""
    cell, n = 0.9, 16
    sheet.add(Box(x, y + n * cell - cell, n * cell, cell, fill=(0, 0, 0), stroke=None),
              Box(x, y, cell, n * cell, fill=(0, 0, 0), stroke=None))
    for i in range(1, n):
        for j in range(n - 1):
            if rng.random() < 0.5:
                sheet.add(Box(x + i * cell, y + j * cell, cell, cell, fill=(0, 0, 0), stroke=None))


def _foot(sheet: Sheet, facts: DossierFacts, font: FontKey, y: float, left: float, right: float, issued: dt.date,
          city: str, stamp: Color, rng: random.Random) -> None:
    """"Fait à …, le …", the director's delegation, signature and stamp; the holder's line on the left."""
    signer, office, where = _office(city, issued, rng)
    column = right - 78
    sheet.add(Text(column, y, f"Fait à {city}, le {_say(issued, rng.random() < 0.6)}", 10.5, font))
    lines = ["Pour le ministre et par délégation,"] + wrap(signer, font, 8.5, 80)
    for i, line in enumerate(lines):
        sheet.add(Text(column, y + 6 + 3.6 * i, line, 8.5 if i else 9.5, font if i else bold(font)))
    bottom = y + 6 + 3.6 * len(lines)
    people = [n for n in (STAFF_F if signer.startswith("La") else STAFF_M) if n[1] != facts.person.surname]
    given, surname = rng.choice(people)
    sheet.add(Text(column, bottom + 16, f"{given} {surname}" if rng.random() < 0.6 else f"{given[0]}. {surname}",
                   9.5, font))
    _scribble(sheet, column + 6, bottom + 8, rng.uniform(24, 34), (25, 30, 95), rng)
    _stamp(sheet, column - 16, bottom + 1, office, where, font, stamp)
    if rng.random() < 0.45:
        sheet.add(Text(left, y + 6, rng.choice(("Signature du titulaire", "Le titulaire", "La / Le titulaire")), 8.5,
                       font, GREY),
                  Rule(left, bottom + 12, left + 55, bottom + 12, 0.2, GREY))
    elif rng.random() < 0.4:
        _code(sheet, left, y + 2, rng)


def _issued(facts: DossierFacts, rng: random.Random) -> dt.date:
    """The day the title was printed: weeks after the jury, before the dossier was sent."""
    award = facts.diploma.award_date
    room = (facts.reference_date - award).days - 1
    high = max(1, min(80, room))
    return award + dt.timedelta(days=rng.randint(min(10, high), high))


def _lowered(element: Element, dy: float) -> Element:
    if isinstance(element, Rule):
        return replace(element, y0=element.y0 + dy, y1=element.y1 + dy)
    return replace(element, y=element.y + dy)


def titre_professionnel(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    landscape = rng.random() < 0.6
    sheet = Sheet(A4[1], A4[0]) if landscape else Sheet()
    sheet.background = rng.choice(PAPERS)
    font = FontKey(rng.choice(("serif", "serif", "lserif", "lserif", "sans", "lsans")))
    ink, stamp = rng.choice(INKS), rng.choice(STAMP_INKS)
    w, h = sheet.width, sheet.height
    _frame(sheet, rng.choice(FRAMES), rng)
    issued, city = _issued(facts, rng), rng.choice(FRENCH_CITIES)[0]
    ministry = _ministry(issued)
    top = 24.0 if landscape else 26.0
    if rng.random() < 0.6:
        y = _marque(sheet, 20 if landscape else 18, top - 6, ministry, font, rng) + 2
    else:
        y = top + 4
        for line, size, strong in (("RÉPUBLIQUE FRANÇAISE", 11.0, True), (ministry, 9.0, False)):
            y = _lines(sheet, w / 2, y, line, size, bold(font) if strong else font, w - 90) + 1
    numbers = _numbers(sheet, w - 22, top, font, d.award_date, OFFICES[city][2], rng) if rng.random() < 0.6 else []
    long = rng.random() < 0.65  # the body's dates, all written one way
    level = _level(d.title, d.award_date)
    rncp = ""
    if not numbers and rng.random() < 0.35:
        rncp = f", enregistré au RNCP sous le numéro {rng.randint(30000, 39999)}"
    arrete = d.award_date - dt.timedelta(days=rng.randint(400, 1800))
    recitals = _recitals(arrete, _say(d.award_date, long), d.title, long, rng) if rng.random() < 0.65 else []
    heading = rng.choice(HEADINGS)
    foot_y = h - 60
    margin = 38.0 if landscape else 24.0
    start, mark = rng.getstate(), len(sheet.elements)
    # the same wording, smaller and then without its recitals, until it ends above the foot; a portrait page's
    # taller sheet takes it larger first
    tries = [(scale, recitals) for scale in ((1.3, 1.2, 1.1) if not landscape else ())]
    tries += [(1.0, recitals), (0.93, recitals), (0.86, recitals), (0.93, []), (0.86, []), (0.8, [])]
    for scale, kept in tries:
        rng.setstate(start)
        del sheet.elements[mark:]
        col = _Column(sheet, font, ink, margin, w - margin, max(y, top + 18) + 4, scale)
        col.centred(heading, 26 if heading.isupper() else 30, bold(font), ink, gap=5, shrink=16)
        for recital in kept:
            col.flowing(recital, 8.5 * min(1.0, scale) / scale, "left", GREY, gap=0.6)  # kept small
        col.y += 4 if kept else 2
        _grant(col, facts, long, level, rncp, rng)
        if col.y < foot_y - 6:
            break
    # what room is left goes partly above the heading, partly between the grant and the foot
    drop = max(0.0, foot_y - 6 - col.y) * rng.uniform(0.2, 0.4)
    sheet.elements[mark:] = [_lowered(element, drop) for element in sheet.elements[mark:]]
    _foot(sheet, facts, font, max(foot_y, col.y + drop + 6), 22, w - 18, issued, city, stamp, rng)
    if rng.random() < 0.6:
        italic = FontKey(font.family, italic=True)
        for i, line in enumerate(reversed(rng.sample(SMALL_PRINT, rng.randint(1, 2)))):
            sheet.add(Text(w / 2, h - 16.5 - 3 * i, line, 6.3, italic, GREY, "center"))
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": d.title, "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:titre_professionnel", fields, sheets=[sheet])
