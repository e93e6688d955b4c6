"""Fresh CV family `europe_compact`: a one-page CV in a compact grid — a narrow left column of
small-capital labels (« Identité », « Coordonnées », « Expérience », « Études », « Langues »,
« Informatique », « Divers », or their synonyms) with the content to their right, rows parted by
hairlines, dates as "09/2021 – 06/2023" or "depuis 2022", a photo box at the top right, the name
either on top in capitals or inside the « Identité » row, the sections in varying order, and
sometimes "CV actualisé le …" at the foot. No truth field: it only has to be taken for a CV."""
from __future__ import annotations

import datetime as dt
import random

from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Rule, Sheet, Text, wrap
from synth.pieces.base import BuiltPiece, bold, portrait

MOTHER_TONGUE = {"SEN": "wolof", "MLI": "bambara", "MAR": "arabe", "IND": "hindi", "VNM": "vietnamien",
                 "BRA": "portugais", "UKR": "ukrainien", "COL": "espagnol", "CHN": "chinois (mandarin)",
                 "PRT": "portugais", "CIV": "dioula", "TUN": "arabe", "CMR": "ewondo"}
POSTS = ("Agent(e) administratif(ve)", "Assistant(e) logistique", "Employé(e) polyvalent(e)",
         "Analyste junior", "Assistant(e) commercial(e)", "Technicien(ne) support", "Préparateur(rice) de commandes",
         "Chargé(e) d'études", "Animateur(rice) périscolaire", "Réceptionniste")
PLACES = ("Hôtel des Remparts", "Maison Ferrand & Fils", "Logistique du Rhône", "Librairie Papyrus",
          "Centre social Les Capucins", "Bureau d'études Quadra", "Transports Mériel", "Clinique Saint-Roch",
          "Cabinet Delorme", "Boulangerie Léonce")
TASKS = ("accueil et orientation du public", "saisie et suivi des commandes", "gestion des stocks et inventaires",
         "tableaux de bord mensuels", "relation fournisseurs", "support aux utilisateurs",
         "préparation des dossiers clients", "classement et archivage")
TOOLS = (("Word", "Excel", "PowerPoint"), ("LibreOffice", "Google Workspace"), ("SAP (notions)", "Excel avancé"),
         ("Python", "SQL", "Git"), ("Canva", "WordPress"), ("Outlook", "Teams", "Excel (TCD)"))
LEVELS = ("courant", "bilingue", "intermédiaire (B1)", "avancé (C1)", "notions", "professionnel")
ODDS = ("Permis B", "Sans permis, mobilité en transports en commun", "Bénévole à la banque alimentaire",
        "Football en club", "Lecture, randonnée", "Secourisme (PSC1)", "Disponible immédiatement",
        "Cuisine du monde, photographie")
WORDS = {"identity": ("Identité", "État civil", "Informations personnelles"),
         "contact": ("Coordonnées", "Contact"),
         "work": ("Expérience", "Parcours", "Expérience professionnelle", "Emplois occupés"),
         "study": ("Études", "Formation", "Diplômes"),
         "lang": ("Langues", "Langues parlées"),
         "it": ("Informatique", "Outils numériques", "Logiciels"),
         "misc": ("Divers", "Autres informations", "Centres d'intérêt")}
GREY = (95, 95, 95)


def _month(day: dt.date) -> str:
    return f"{day.month:02d}/{day.year}"


def _jobs(facts: DossierFacts, rng: random.Random) -> list[tuple[str, list[str]]]:
    """(dates, lines) of two to four posts, the latest first, some still held ("depuis 2022")."""
    end = facts.reference_date - dt.timedelta(days=rng.randint(20, 200))
    out = []
    count = rng.choice((2, 3, 3, 4))
    for k, (post, place) in enumerate(zip(rng.sample(POSTS, count), rng.sample(PLACES, count))):
        length = rng.randint(120, 900)
        start = end - dt.timedelta(days=length)
        if k == 0 and rng.random() < 0.4:
            when = rng.choice((f"depuis {start.year}", f"depuis {_month(start)}"))
        else:
            when = f"{_month(start)} – {_month(end)}"
        lines = [f"{post} — {place}" if rng.random() < 0.5 else f"{post}, {place}"]
        if rng.random() < 0.7:
            lines.append(", ".join(rng.sample(TASKS, 2)).capitalize())
        out.append((when, lines))
        end = start - dt.timedelta(days=rng.randint(15, 120))
    return out


def _studies(facts: DossierFacts, rng: random.Random) -> list[tuple[str, list[str]]]:
    d, person = facts.diploma, facts.person
    years = rng.choice((2, 3))
    first = (f"09/{d.year - years} – 06/{d.year}" if rng.random() < 0.6 else str(d.year), [d.title, d.institution])
    school = f"Lycée de {person.birth_city.title()} ({person.country.name_fr})"
    second = (str(d.year - years - rng.randint(1, 3)), [rng.choice(("Baccalauréat", "Diplôme de fin d'études secondaires",
                                                                    "Baccalauréat scientifique")), school])
    return [first, second]


def _photo(sheet: Sheet, x: float, y: float, rng: random.Random, font: FontKey) -> None:
    w, h = 27.0, 34.0
    if rng.random() < 0.5:
        portrait(sheet, x, y, w, h, rng)
    else:
        sheet.add(Box(x, y, w, h, fill=(244, 244, 244), stroke=(120, 120, 120), width=0.25),
                  Text(x + w / 2, y + h / 2 + 1, "PHOTO", 8, font, (150, 150, 150), "center"))


def europe_compact(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person = facts.person
    font = FontKey(rng.choice(("sans", "serif", "condensed", "lsans", "lserif")))
    size = rng.choice((8.5, 9.0, 9.5))
    left = rng.choice((14.0, 16.0, 18.0))
    label_w = rng.choice((32.0, 36.0, 40.0))
    right = A4[0] - left
    text_x = left + label_w + 4
    accent = rng.choice(((0, 0, 0), (30, 60, 110), (110, 30, 40), (40, 85, 70)))
    boxed = rng.random() < 0.4  # a full grid, or hairlines between the rows only
    name_on_top = rng.random() < 0.6
    sheet = Sheet()
    step = size * 0.3528 * 1.32

    photo_x, photo_y = right - 27, 14.0
    _photo(sheet, photo_x, photo_y, rng, font)
    y = 18.0
    if name_on_top:
        full = f"{person.surname} {person.given_names}".upper() if rng.random() < 0.5 else \
            f"{person.given_names.upper()} {person.surname}"
        sheet.add(Text(left, y + 6, full, rng.choice((15, 16, 18)), bold(font), accent))
        y += 12
        sheet.add(Text(left, y + 2, rng.choice(("Curriculum vitæ", "CV", "Curriculum vitae")), size + 1, font, GREY))
        y += 6
    else:
        sheet.add(Text(left, y + 6, rng.choice(("CURRICULUM VITÆ", "CURRICULUM VITAE", "C.V.")), 14, bold(font), accent))
        y += 12
    y = max(y, photo_y + 34) + rng.choice((4.0, 6.0, 9.0))
    top_grid = y

    born = f"Né{'' if person.sex == 'M' else 'e'} le {date_slash(person.birth_date)} à {person.birth_city.title()}"
    identity = [born, f"Nationalité {person.demonym}"]
    if not name_on_top:
        identity = ([f"Nom : {person.surname}", f"Prénom(s) : {person.given_names}"] if rng.random() < 0.5 else
                    [f"{person.given_names} {person.surname}"]) + identity
    if rng.random() < 0.4:
        identity.append(rng.choice(("Célibataire", "Marié(e), un enfant", "Pacsé(e)")))
    first = person.given_names.split()[0].lower()
    mail = f"{first[0]}.{person.surname.lower().replace(' ', '').replace(chr(39), '')}@{rng.choice(('courriel', 'webmail', 'boite'))}.example"
    phone = f"07 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
    contact = [person.address, f"Tél. {phone}" if rng.random() < 0.5 else phone, mail]
    tongue = MOTHER_TONGUE.get(person.country.code, "anglais")
    languages = [f"{tongue.capitalize()} : langue maternelle", f"Français : {rng.choice(LEVELS[:4])}",
                 f"Anglais : {rng.choice(LEVELS)}"]
    tools = ", ".join(rng.choice(TOOLS))
    misc = rng.sample(ODDS, rng.choice((2, 3)))

    sections: dict[str, list[tuple[str, list[str]]]] = {
        "identity": [("", identity)], "contact": [("", contact)], "work": _jobs(facts, rng),
        "study": _studies(facts, rng), "lang": [("", languages)], "it": [("", [tools])], "misc": [("", misc)]}
    head = ["identity", "contact"] if rng.random() < 0.7 else ["contact", "identity"]
    middle = ["work", "study"] if rng.random() < 0.5 else ["study", "work"]
    tail = ["lang", "it", "misc"]
    rng.shuffle(tail)
    if tail[-1] != "misc" and rng.random() < 0.5:
        tail.remove("misc")
        tail.append("misc")
    order = head + middle + tail

    dates = [when for key in order for when, _ in sections[key] if when]
    date_w = max(text_width_mm(when, font, size - 0.5) for when in dates) + rng.choice((3.0, 5.0, 8.0))
    for key in order:
        label = rng.choice(WORDS[key])
        row_top = y
        y += 2.2
        label_font = bold(font) if rng.random() < 0.5 else font
        for i, part in enumerate(wrap(label.upper(), label_font, size - 1.8, label_w - 3)):
            sheet.add(Text(left + 1.5, y + step - 0.6 + i * step * 0.8, part, size - 1.8, label_font, accent))
        for when, lines in sections[key]:
            x = text_x + (date_w if when else 0)
            width = right - x
            if when:
                sheet.add(Text(text_x, y + step, when, size - 0.5, font, GREY))
            for i, line in enumerate(lines):
                for part in wrap(line, bold(font) if when and i == 0 else font, size, width):
                    y += step
                    sheet.add(Text(x, y, part, size, bold(font) if when and i == 0 else font))
            y += 1.2
        y += 1.6
        if boxed:
            sheet.add(Rule(left, row_top, right, row_top, 0.25, (120, 120, 120)))
        else:
            sheet.add(Rule(left, y, right, y, 0.15, (170, 170, 170)))
    if boxed:
        sheet.add(Box(left, top_grid, right - left, y - top_grid, stroke=(120, 120, 120), width=0.3),
                  Rule(left + label_w, top_grid, left + label_w, y, 0.25, (120, 120, 120)))
    else:
        sheet.add(Rule(left + label_w, top_grid, left + label_w, y, 0.4, accent))

    if rng.random() < 0.6:
        updated = facts.reference_date - dt.timedelta(days=rng.randint(3, 90))
        on = date_long(updated) if rng.random() < 0.5 else date_slash(updated)
        sheet.add(Text(right, A4[1] - 14, f"CV actualisé le {on}", 7.5, font, GREY, "right"))
    return BuiltPiece("cv", "cv:europe_compact", {}, sheets=[sheet])
