"""Fresh diploma family `comparabilite` (sixth wave): the "attestation de comparabilité pour un
diplôme obtenu à l'étranger" that France Éducation international — the CIEP before June 2019 —
issues from its centre ENIC-NARIC France in Sèvres. Not the diploma itself but a one-page letter
about it: a letterhead (the establishment's logo block, or the Republic's bloc-marque beside the
establishment's name, or a plain centred heading) with the centre's address, the file's number and
reference at top right, under the heading, or at the foot; a large "ATTESTATION DE COMPARABILITÉ",
sometimes with its English subtitle. Then the facts of the diploma in one of three arrangements — a
ruled table of labelled cells (Titulaire, Né(e) le, Diplôme, Traduction, Établissement, Pays, Date
d'obtention; the labels in French or French / English), a column of "Label : value" lines, or a
sentence with the diploma on a line of its own ("Le centre ENIC-NARIC France atteste que le diplôme
<TITLE> (<traduction>), délivré par … (<pays>) le <date>, à Madame Given SURNAME, née le … à …").
The holder's surname, in capitals, before or after the given names. Then the comparison ("Ce
diplôme est comparable à un diplôme de niveau 6 du cadre national des certifications
professionnelles", "Il correspond au grade de licence", or before 2019 the old roman levels), and
now and then a block on the course (official length, access, the institution's status) and
observations; the blocks after the facts come in varying order. At the foot "Fait à Sèvres, le
<later date>", the head of the centre's signature for the director general, sometimes a
verification code, and the legal small print ("Cette attestation ne constitue pas une
équivalence…").

The title printed — on a line or in a cell of its own — is the diploma's title in its original
language, exactly the dossier's degree; its French translation is printed apart (a French title
from a French-speaking country has none). The date the diploma was awarded is the award date; the
birth date, the day the request was received and the later issue date are printed too (distractors
a real attestation carries). Drawn for degrees from foreign universities (the generator's English
titles); with nothing else allowed, a French title is read as a French-speaking country's degree."""
from __future__ import annotations

import datetime as dt
import random

from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Rule, Sheet, Text, wrap
from synth.people import Person
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_diploma_band import _fit, _lines
from synth.pieces.fresh_diploma_jury import SHORT_COUNTRY, _agree
from synth.pieces.fresh_diploma_titre_pro import (
    NEW_LEVELS,
    _code,
    _holder,
    _level,
    _scribble,
)

GREY: Color = (85, 85, 85)
LIGHT: Color = (236, 238, 244)
BRANDS: tuple[Color, ...] = ((0, 84, 150), (0, 110, 120), (90, 40, 120), (200, 60, 40))
FEI_FROM = dt.date(2019, 6, 1)  # the CIEP took the name France Éducation international
ADDRESS = ("1, avenue Léon-Journault", "92318 Sèvres cedex")
# the foreign diploma's French translation, as the centre prints it
TRANSLATIONS = {"Bachelor of Science in Computer Engineering": "Licence en génie informatique",
                "Master of Science in Data Analytics": "Master en analyse de données",
                "Bachelor of Commerce": "Licence en commerce",
                "Master of Arts in International Relations": "Master en relations internationales",
                "Bachelor of Technology in Mechanical Engineering": "Licence de technologie en génie mécanique"}
# where a degree in English was awarded: the holder's country when it teaches in English, or one of these
ENGLISH_COUNTRIES = {"IND": "Inde", "CMR": "Cameroun"}
ENGLISH_ABROAD = ("Royaume-Uni", "Irlande", "Ghana", "Nigeria", "Afrique du Sud", "Malaisie", "Inde", "Canada")
FRENCH_COUNTRIES = ("SEN", "MLI", "MAR", "CIV", "TUN", "CMR")
FRENCH_ABROAD = ("Sénégal", "Maroc", "Tunisie", "Côte d'Ivoire", "Belgique", "Liban", "Cameroun")
YEARS = {5: 2, 6: 3, 7: 5}  # official length of the course, by level
SMALL_PRINT = (("Cette attestation ne constitue pas une équivalence de diplôme. Elle ne donne pas accès de plein droit "
                "aux professions réglementées, aux concours de la fonction publique ni à la poursuite d'études."),
               ("L'attestation de comparabilité est établie au vu des pièces fournies par le demandeur ; elle "
                "n'engage pas les établissements, les employeurs ou les autorités qui restent libres de leur "
                "appréciation."),
               "Ce document est délivré en un seul exemplaire. Il ne peut être ni modifié ni reproduit partiellement.",
               ("This statement is not an equivalence; it does not entitle its holder to practise a regulated "
                "profession in France."))


def _country(facts: DossierFacts, rng: random.Random) -> str:
    """The country the diploma was awarded in."""
    code = facts.person.country.code
    if facts.diploma.english:
        return ENGLISH_COUNTRIES[code] if code in ENGLISH_COUNTRIES and rng.random() < 0.8 else rng.choice(
            ENGLISH_ABROAD)
    return SHORT_COUNTRY[code] if code in FRENCH_COUNTRIES and rng.random() < 0.8 else rng.choice(FRENCH_ABROAD)


def _translation(title: str, english: bool) -> str:
    """The title in French, or "" when the original is French already."""
    if not english:
        return ""
    return TRANSLATIONS.get(title, ("Master" if title.lower().startswith("master") else "Licence") + " (traduction)")


def _comparison(title: str, issued: dt.date, rng: random.Random) -> list[str]:
    """The centre's conclusion: the level of the national framework the diploma compares to, and the grade."""
    level = _level(title, issued)
    low = title.lower()
    grade = ("master" if level in ("7", "I") else "licence" if not low.startswith("bts") else "")
    if issued >= NEW_LEVELS:
        kind, french = rng.choice((("un diplôme", "un diplôme français"), ("un titre ou diplôme", "un diplôme français"),
                                   ("une certification", "une certification française")))
        lines = [rng.choice(((f"Ce diplôme est comparable à {kind} de niveau {level} du cadre national des "
                              "certifications professionnelles."),
                             (f"Le diplôme ci-dessus est comparable à {french} de niveau {level} du cadre "
                              f"national des certifications professionnelles (niveau {level} du cadre européen des "
                              "certifications).")))]
    else:
        lines = [(f"Ce diplôme est comparable à un diplôme français de niveau {level} de la nomenclature "
                  "interministérielle des niveaux de formation.")]
    if grade and rng.random() < 0.75:
        lines.append(rng.choice((f"Il correspond au grade de {grade}.",
                                 f"Ce diplôme correspond au grade de {grade}.")))
    return lines


def _issued(facts: DossierFacts, rng: random.Random) -> tuple[dt.date, dt.date]:
    """(the day the request was received, the day the attestation was issued): after the award, before the dossier."""
    award = facts.diploma.award_date
    room = max(3, (facts.reference_date - award).days - 1)
    issued = award + dt.timedelta(days=rng.randint(min(60, room), room))
    received = issued - dt.timedelta(days=rng.randint(1, max(1, min(120, (issued - award).days - 1))))
    return max(received, award + dt.timedelta(days=1)), issued


def _say(d: dt.date, long: bool) -> str:
    return date_long(d) if long else date_slash(d)


def _birth(person: Person, long: bool) -> str:
    country = SHORT_COUNTRY.get(person.country.code, person.country.name_fr)
    return f"{_say(person.birth_date, long)} à {person.birth_city.title()} ({country})"


class _Cursor:
    """A cursor down the page's text column; `scale` sizes every line."""

    def __init__(self, sheet: Sheet, font: FontKey, left: float, right: float, y: float, scale: float):
        self.sheet, self.font, self.left, self.right, self.y, self.scale = sheet, font, left, right, y, scale

    def text(self, text: str, size: float, font: FontKey | None = None, align: str = "left",
             color: Color = (0, 0, 0), gap: float = 1.2, indent: float = 0.0) -> None:
        size *= self.scale
        x = (self.left + self.right) / 2 if align == "center" else self.left + indent
        self.y = _lines(self.sheet, x, self.y + size * 0.3528, text, size, font or self.font,
                        self.right - self.left - indent, color, align) - size * 0.3528 * 0.6 + gap

    def own_line(self, text: str, size: float, font: FontKey, align: str, color: Color = (0, 0, 0)) -> None:
        """`text` alone on its line, shrunk before it wraps."""
        size = _fit(text, font, size * self.scale, self.right - self.left, 8.5) / self.scale
        self.text(text, size, font, align, color, gap=1.0)


def _letterhead(sheet: Sheet, font: FontKey, brand: Color, issued: dt.date, rng: random.Random) -> float:
    """The establishment's letterhead; returns the y under it."""
    w = sheet.width
    fei = issued >= FEI_FROM
    name = "France Éducation international" if fei else "Centre international d'études pédagogiques"
    site = "www.france-education-international.fr" if fei else "www.ciep.fr"
    sans = FontKey("lsans" if font.family.startswith("l") else "sans")
    style = rng.choice(("logo", "logo", "marque", "plain"))
    if style == "logo":
        sheet.add(Box(18, 12, 17, 17, fill=brand, stroke=None, radius=rng.choice((0.0, 2.5))),
                  Text(26.5, 23, "fei" if fei else "ciep", 11 if fei else 9.5, bold(sans), (255, 255, 255), "center"))
        words = ("france", "éducation", "international") if fei else ("centre international", "d'études pédagogiques")
        for i, word in enumerate(words):
            sheet.add(Text(39, 16.5 + 5 * i, word, 11, bold(sans), brand))
        sheet.add(Text(18, 35, "Centre ENIC-NARIC France", 9, bold(sans), GREY))
        y = 41.0
    elif style == "marque":
        sheet.add(Box(18, 11, 3.2, 5.5, fill=(0, 0, 145), stroke=None),
                  Box(24.4, 11, 3.2, 5.5, fill=(225, 0, 15), stroke=None),
                  Text(18, 21, "RÉPUBLIQUE", 8.5, bold(sans)), Text(18, 24.6, "FRANÇAISE", 8.5, bold(sans)),
                  Text(18, 28.6, "Liberté", 6, FontKey(sans.family, italic=True)),
                  Text(18, 31.2, "Égalité", 6, FontKey(sans.family, italic=True)),
                  Text(18, 33.8, "Fraternité", 6, FontKey(sans.family, italic=True)),
                  Rule(52, 12, 52, 34, 0.3, GREY),
                  Text(56, 19, name, 10.5, bold(sans), brand), Text(56, 24, "Centre ENIC-NARIC France", 9, sans, GREY))
        y = 41.0
    else:
        sheet.add(Text(w / 2, 18, name.upper(), _fit(name.upper(), bold(font), 12, w - 40, 9), bold(font), brand,
                       "center"),
                  Text(w / 2, 23.5, "Centre ENIC-NARIC France — reconnaissance des diplômes étrangers", 8.5, font,
                       GREY, "center"))
        sheet.add(Rule(18, 27, w - 18, 27, 0.4, brand))
        y = 34.0
    if style != "plain":
        for i, line in enumerate((*ADDRESS, site)):
            sheet.add(Text(w - 18, 15 + 3.6 * i, line, 7.5, sans, GREY, "right"))
    return y


def _references(facts: DossierFacts, received: dt.date, long: bool, rng: random.Random) -> list[str]:
    year = received.year
    lines = [rng.choice((f"N° de dossier : {year}-{rng.randint(10000, 999999):06d}",
                         f"Dossier n° {rng.choice('ABCDEFGH')}{year % 100:02d}{rng.randint(100000, 999999)}",
                         f"N° de dossier / File number : {rng.randint(10**7, 10**8 - 1)}"))]
    if rng.random() < 0.7:
        lines.append(rng.choice((f"Réf. : ENIC-NARIC/CMP/{year}/{rng.randint(1000, 99999)}",
                                 f"Réf. : AC-{rng.randint(100000, 999999)}",
                                 f"Numéro d'attestation : {year}{rng.randint(1000000, 9999999)}")))
    if rng.random() < 0.45:
        lines.append(f"Demande reçue le {_say(received, long)}")
    return lines


def _rows(facts: DossierFacts, country: str, translation: str, long: bool, english_labels: bool,
          rng: random.Random) -> list[tuple[str, str, str]]:
    """(label, value, how the value is set: "bold", "title", "italic" or "plain") of the diploma's facts."""
    person, d = facts.person, facts.diploma

    def label(fr: str, en: str) -> str:
        return f"{fr} / {en}" if english_labels else fr

    civility, name = _holder(person, d.given_names, rng)
    if rng.random() < 0.6:
        holder = [(label("Titulaire", "Holder"), f"{civility} {name}".strip(), "bold")]
    else:
        holder = [(label("Nom", "Surname"), person.surname, "bold"),
                  (label("Prénom(s)", "Given name(s)"), d.given_names, "bold")]
    holder.append((label(_agree("Né", person, rng.choice(("agree", "neutral"))) + " le", "Date of birth"),
                   _birth(person, long), "plain"))
    diploma = [(label("Diplôme (intitulé original)" if translation else "Diplôme", "Qualification"), d.title, "title")]
    if translation:
        diploma.append((label("Traduction", "Translation"), translation, "italic"))
    where = [(label("Établissement", "Awarding institution"), d.institution, "plain"),
             (label("Pays", "Country"), country, "plain")]
    when = [(label(rng.choice(("Date d'obtention", "Date d'obtention du diplôme", "Diplôme obtenu le")),
                   "Date of award"), _say(d.award_date, long), "bold")]
    blocks = [holder, diploma, where, when] if rng.random() < 0.6 else [diploma, where, when, holder]
    return [row for block in blocks for row in block]


def _value_font(font: FontKey, how: str) -> FontKey:
    return bold(font) if how in ("bold", "title") else FontKey(font.family, italic=True) if how == "italic" else font


def _table(cur: _Cursor, rows: list[tuple[str, str, str]], brand: Color, shaded: bool) -> None:
    """A ruled table: the labels in the narrow left column, each value in its cell."""
    size = 10.0 * cur.scale
    split = cur.left + (58 if " / " in rows[0][0] else 46) * min(1.0, cur.scale + 0.05)
    step = size * 0.3528 * 1.35
    cur.sheet.add(Rule(cur.left, cur.y, cur.right, cur.y, 0.5, brand))
    for label, value, how in rows:
        font = _value_font(cur.font, how)
        vsize = _fit(value, font, size + (1.0 if how == "title" else 0.0), cur.right - split - 4, 8.5)
        labels = wrap(label, cur.font, size - 1, split - cur.left - 3)
        values = wrap(value, font, vsize, cur.right - split - 4)
        height = max(len(labels), len(values)) * step + 3.2
        if shaded:
            cur.sheet.add(Box(cur.left, cur.y, split - cur.left, height, fill=LIGHT, stroke=None))
        for i, line in enumerate(labels):
            cur.sheet.add(Text(cur.left + 1.5, cur.y + 1.6 + step * (i + 0.75), line, size - 1, cur.font, GREY))
        for i, line in enumerate(values):
            cur.sheet.add(Text(split + 2.5, cur.y + 1.6 + step * (i + 0.75), line, vsize, font))
        cur.y += height
        cur.sheet.add(Rule(cur.left, cur.y, cur.right, cur.y, 0.25, GREY))
    cur.sheet.add(Rule(cur.left, cur.y, cur.right, cur.y, 0.5, brand))
    cur.y += 7


def _form(cur: _Cursor, rows: list[tuple[str, str, str]]) -> None:
    """"Label : value" lines, the values at a common tab."""
    size = 10.5 * cur.scale
    tab = max(text_width_mm(f"{label} :", cur.font, size) for label, _, _ in rows) + 4
    tab = min(tab, (cur.right - cur.left) * 0.48)
    for label, value, how in rows:
        font = _value_font(cur.font, how)
        vsize = _fit(value, font, size + (1.0 if how == "title" else 0.0), cur.right - cur.left - tab, 8.5)
        labels = wrap(f"{label} :", cur.font, size, tab - 2)
        values = wrap(value, font, vsize, cur.right - cur.left - tab)
        for i, line in enumerate(labels):
            cur.sheet.add(Text(cur.left, cur.y + size * 0.3528 * (1 + 1.35 * i), line, size, cur.font, GREY))
        for i, line in enumerate(values):
            cur.sheet.add(Text(cur.left + tab, cur.y + size * 0.3528 * (1 + 1.35 * i), line, vsize, font))
        cur.y += size * 0.3528 * (1.35 * max(len(labels), len(values)) + 0.9)
    cur.y += 4


def _prose(cur: _Cursor, facts: DossierFacts, country: str, translation: str, long: bool, centre: str,
           rng: random.Random) -> None:
    """The facts in the centre's sentence, the diploma's title on its own line and its translation under it."""
    person, d = facts.person, facts.diploma
    civility, name = _holder(person, d.given_names, rng)
    holder = f"{civility} {name}".strip()
    born = f"{_agree('né', person, 'agree')} le {_birth(person, long)}"
    award = _say(d.award_date, long)
    align = rng.choice(("left", "center"))
    cur.text(f"{centre} atteste que le diplôme", 11)
    cur.y += 1.5
    cur.own_line(d.title, 13.5, bold(cur.font), "center")
    if translation:
        cur.own_line(f"({translation})", 11, FontKey(cur.font.family, italic=True), "center", GREY)
    cur.y += 1.5
    if rng.random() < 0.5:
        cur.text(f"délivré par {d.institution} ({country}) le {award} à {holder}, {born}.", 11, align=align)
    else:
        cur.text(f"obtenu le {award} par {holder}, {born}, auprès de l'établissement {d.institution} ({country}).",
                 11, align=align)
    cur.y += 2


def _course(title: str, issued: dt.date, rng: random.Random) -> list[str]:
    level = _level(title, issued)
    years = YEARS[{"I": 7, "II": 6, "III": 5}.get(level, int(level) if level.isdigit() else 6)]
    lines = [f"Durée officielle des études : {years} ans après le diplôme de fin d'études secondaires",
             rng.choice(("Statut de l'établissement : public", "Statut de l'établissement : privé, reconnu par l'État",
                         "Établissement reconnu par les autorités compétentes du pays"))]
    if rng.random() < 0.5:
        lines.append("Accès : sur titre de fin d'études secondaires donnant accès à l'enseignement supérieur")
    return lines


def _foot(cur: _Cursor, issued: dt.date, brand: Color, long: bool, rng: random.Random) -> None:
    sheet, font = cur.sheet, cur.font
    fei = issued >= FEI_FROM
    column = cur.right - 82
    y = cur.y + 4
    sheet.add(Text(column, y, f"Fait à Sèvres, le {_say(issued, long if rng.random() < 0.7 else not long)}", 10.5,
                   font))
    female = rng.random() < 0.55
    head = "La responsable" if female else "Le responsable"
    chief = ("la directrice générale" if rng.random() < 0.5 else "le directeur général")
    lines = [f"Pour {chief} de {'France Éducation international' if fei else 'CIEP'} et par délégation,",
             f"{head} du centre ENIC-NARIC France"]
    if rng.random() < 0.4:
        lines = lines[1:]
    row = y + 5.5
    for i, line in enumerate(lines):
        for part in wrap(line, font, 8.5, 82):
            sheet.add(Text(column, row, part, 8.5, font if i + 1 < len(lines) else bold(font)))
            row += 3.6
    bottom = row + 3.6
    staff_f = ("Claire MOREL", "Sandrine LACOMBE", "Aurélie PEYRON", "Marie-Laure CHEVRIER")
    staff_m = ("Laurent BESNARD", "Yann KERVELLA", "Jérôme MAILLET", "Didier ROCHEFORT")
    sheet.add(Text(column, bottom + 14, rng.choice(staff_f if female else staff_m), 9.5, font))
    _scribble(sheet, column + 6, bottom + 7, rng.uniform(24, 34), (25, 30, 95), rng)
    if rng.random() < 0.5:  # the centre's verification code
        _code(sheet, cur.left, y - 2, rng)
        for i, line in enumerate(("Vérifiez l'authenticité de cette", "attestation en flashant ce code")):
            sheet.add(Text(cur.left + 17, y + 3 + 3.4 * i, line, 7, font, GREY))
    elif rng.random() < 0.5:
        sheet.add(Box(cur.left, y - 4, 34, 22, stroke=brand, width=0.3, radius=1.5),
                  Text(cur.left + 17, y + 8, "Cachet du centre", 7, FontKey(font.family, italic=True), GREY, "center"))
    cur.y = bottom + 20


def comparabilite(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    sheet = Sheet(background=rng.choice(((255, 255, 255), (255, 255, 255), (251, 251, 248))))
    font = FontKey(rng.choice(("sans", "sans", "lsans", "serif", "lserif", "condensed")))
    brand = rng.choice(BRANDS)
    received, issued = _issued(facts, rng)
    long = rng.random() < 0.6
    country = _country(facts, rng)
    translation = _translation(d.title, d.english)
    top = _letterhead(sheet, font, brand, issued, rng)
    refs = _references(facts, received, long, rng)
    where_refs = rng.choice(("top", "top", "under", "foot"))
    style = rng.choice(("table", "table", "form", "prose"))
    english_labels = rng.random() < 0.35
    heading = rng.choice(("ATTESTATION DE COMPARABILITÉ", "ATTESTATION DE COMPARABILITÉ",
                          "Attestation de comparabilité pour un diplôme obtenu à l'étranger"))
    subtitle = rng.choice(("", "pour un diplôme obtenu à l'étranger", "Statement of comparability")) \
        if heading.isupper() else ""
    centre = rng.choice(("Le centre ENIC-NARIC France", "France Éducation international (centre ENIC-NARIC France)"
                         if issued >= FEI_FROM else "Le CIEP (centre ENIC-NARIC France)"))
    extras = [k for k in ("course", "observations") if rng.random() < 0.45]
    after = ["comparison", *extras]
    rng.shuffle(after)
    small = rng.sample(SMALL_PRINT[:3], rng.randint(1, 3)) + ([SMALL_PRINT[3]] if english_labels else [])
    small_at_foot = rng.random() < 0.6
    shaded = rng.random() < 0.5
    start, mark = rng.getstate(), len(sheet.elements)
    for scale in (1.0, 0.94, 0.88, 0.82, 0.76, 0.7):
        rng.setstate(start)
        del sheet.elements[mark:]
        cur = _Cursor(sheet, font, 22, A4[0] - 22, top, scale)
        if where_refs == "top":
            for i, line in enumerate(refs):
                sheet.add(Text(cur.right, top + 4 * i, line, 8.5, font, GREY, "right"))
            cur.y = top + 4 * len(refs) + 4
        cur.y += 6 * scale
        cur.own_line(heading, 17 if heading.isupper() else 15, bold(font), "center", brand)
        if subtitle:
            cur.text(subtitle, 10.5, FontKey(font.family, italic=True), "center", GREY)
        cur.y += 5 * scale
        if where_refs == "under":
            cur.text("   —   ".join(refs[:2]), 9, align="center", color=GREY)
            cur.y += 3
        if style == "prose":
            _prose(cur, facts, country, translation, long, centre, rng)
        else:
            if rng.random() < 0.6:
                cur.text(f"{centre}, après examen des pièces fournies, atteste que le diplôme décrit ci-dessous :",
                         10.5)
                cur.y += 2
            rows = _rows(facts, country, translation, long, english_labels, rng)
            if style == "table":
                _table(cur, rows, brand, shaded)
            else:
                _form(cur, rows)
        for block in after:
            if block == "comparison":
                for i, line in enumerate(_comparison(d.title, issued, rng)):
                    cur.text(line, 11, bold(font) if i == 0 and style != "prose" else font, gap=1.5)
            elif block == "course":
                cur.text("Informations sur le diplôme", 10, bold(font), color=brand)
                for line in _course(d.title, issued, rng):
                    cur.text(f"– {line}", 9.5, indent=3)
            else:
                cur.text("Observations", 10, bold(font), color=brand)
                cur.text(rng.choice((("La présente attestation a été établie au vu du diplôme original et de sa "
                                      "traduction, ainsi que des relevés de notes fournis par le demandeur."),
                                     "Le diplôme a été vérifié auprès de l'établissement qui l'a délivré.",
                                     "Aucune observation particulière.")), 9.5)
            cur.y += 3
        if not small_at_foot:
            for line in small:
                cur.text(line, 8, FontKey(font.family, italic=True), color=GREY, gap=0.6)
            cur.y += 2
        cur.y += rng.uniform(2, 10) * scale
        _foot(cur, issued, brand, long, rng)
        if where_refs == "foot":
            for line in refs:
                cur.text(line, 8.5, color=GREY, gap=0.4)
        limit = A4[1] - 12
        if small_at_foot:
            lines = [part for line in small for part in wrap(line, FontKey(font.family, italic=True), 7, A4[0] - 40)]
            limit = A4[1] - 12 - 3.1 * len(lines) - 3
            for i, line in enumerate(lines):
                sheet.add(Text(20, limit + 3 + 3.1 * (i + 1), line, 7, FontKey(font.family, italic=True), GREY))
        if cur.y < limit:
            break
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": d.title, "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:comparabilite", fields, sheets=[sheet])
