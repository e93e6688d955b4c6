"""Fresh diploma family `traduction_assermentee` (seventh wave): the sworn translation into French of a
diploma awarded abroad, as a "traducteur-interprète expert près la cour d'appel" types it for a
préfecture — not the diploma but the translator's page. The translator's letterhead (name and
title, languages, address and telephone, in a block at top left, centred over a rule, or in a frame
at top right), the translation's number, and a line saying what it is ("TRADUCTION DE L'ARABE",
"Traduction du russe vers le français", "Traduit de l'ukrainien"); then the diploma as translated,
framed, ruled in the margin or plain, with the translator's bracketed notes ("[Armoiries du
Royaume]", "[Signature illisible]", "[Cachet rond de l'université]", "[Photo du titulaire]"): the
State, the ministry and the university, and the grant in the wording of the country that awarded
it — a Moroccan or Tunisian "Vu le procès-verbal de délibération du jury en date du … décerne à
M. …", a Russian "Le présent diplôme atteste que … Décision de la Commission d'examen d'État du « 24 »
juin 2023", a Ukrainian "Par décision de la Commission d'examen du …", a Brazilian rector's
"confère le titre de … Date de la collation des grades", a Portuguese grade "conféré le …, avec la
note finale de 16 (seize) valeurs", a Colombian "La République de Colombie et en son nom l'Université
… confère … Acte de collation du grade n° … du …", a Chinese degree certificate ("…, de sexe
masculin, …, il lui est conféré le grade de Licence en ingénierie"), a Vietnamese diploma under
"Indépendance – Liberté – Bonheur", an English-speaking university's degree. The holder's name is
printed the way that country's diploma prints it (surname first in Russian, Ukrainian, Chinese and
Vietnamese ones), with the civility it uses; the speciality, the mention, numbers (diploma, register,
student and identity card numbers) and the foreign "Fait à …, le …" come around it. Last the
translator's certification ("Traduction certifiée conforme à l'original rédigé en langue …", or "Je
soussignée …, certifie que …"), "Fait à <French city>, le <later date>", the translation's register
number, a signature and the translator's round stamp, sometimes in a box.

The title printed on its own line is the degree as translated — the truth's title; the date the
degree was conferred (the jury's deliberation, the examination board's decision, the conferral of the
grade) is the award date; the birth date, the foreign issue date, a register's date and the
translator's later date are printed too (distractors a real translation carries). Drawn for the
degrees of foreign universities (the generator's English titles: the country the holder studied in
decides the language translated from); with nothing else allowed, a dossier whose degree is French
gets the translation of one of those foreign degrees."""
from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass

from synth.companies import FOREIGN_UNIVERSITIES, french_name
from synth.facts import DossierFacts
from synth.fmt import MONTHS_FR, date_long, date_slash, number_words
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Rule, Sheet, Text, wrap
from synth.people import COUNTRIES, FRENCH_CITIES, STREETS, Person
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_diploma_band import _fit
from synth.pieces.fresh_diploma_comparabilite import _Cursor
from synth.pieces.fresh_diploma_jury import SHORT_COUNTRY, _agree
from synth.pieces.fresh_diploma_titre_pro import _scribble

GREY: Color = (80, 80, 80)
INKS: tuple[Color, ...] = ((20, 40, 110), (25, 25, 25), (70, 30, 90), (20, 80, 90))
STAMP_INKS: tuple[Color, ...] = ((40, 60, 150), (120, 50, 130), (35, 95, 140))
Block = tuple  # (kind, *args): see _render


@dataclass(frozen=True)
class System:
    """A country's diplomas: the language translated from, where its universities are, whether its
    diplomas print the surname first."""
    language: str
    country: str
    cities: tuple[str, ...]
    surname_first: bool


SYSTEMS = {
    "maroc": System("arabe", "Maroc", ("Rabat", "Casablanca", "Fès", "Marrakech", "Tanger", "Agadir", "Oujda"), False),
    "tunisie": System("arabe", "Tunisie", ("Tunis", "Sfax", "Sousse", "Monastir", "Gabès"), False),
    "russie": System("russe", "Russie", ("Moscou", "Saint-Pétersbourg", "Kazan", "Novossibirsk", "Tomsk", "Voronej"),
                     True),
    "ukraine": System("ukrainien", "Ukraine", ("Kyiv", "Lviv", "Kharkiv", "Odesa", "Dnipro"), True),
    "bresil": System("portugais", "Brésil", ("São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Recife"),
                     False),
    "portugal": System("portugais", "Portugal", ("Lisbonne", "Porto", "Coimbra", "Braga", "Aveiro"), False),
    "colombie": System("espagnol", "Colombie", ("Bogotá D.C.", "Medellín", "Cali", "Barranquilla", "Bucaramanga"),
                       False),
    "chine": System("chinois", "Chine", ("Pékin", "Shanghai", "Wuhan", "Chengdu", "Nankin", "Xi'an"), True),
    "vietnam": System("vietnamien", "Viêt Nam", ("Hanoï", "Hô Chi Minh-Ville", "Da Nang", "Hué", "Cần Thơ"),
                      True),
    "anglais": System("anglais", "", (), False),  # the country is drawn from ENGLISH_PLACES
}
ENGLISH_PLACES = {"Inde": ("Chennai", "Bangalore", "Pune", "Hyderabad"), "Cameroun": ("Buea", "Bamenda"),
                  "Ghana": ("Accra", "Kumasi"), "Nigeria": ("Lagos", "Ibadan", "Zaria"),
                  "Royaume-Uni": ("Manchester", "Leeds", "Birmingham")}
# the holder's country -> the diplomas of home; the French-speaking countries' graduates studied abroad
HOME = {"MAR": "maroc", "TUN": "tunisie", "UKR": "ukraine", "BRA": "bresil", "PRT": "portugal", "COL": "colombie",
        "CHN": "chine", "VNM": "vietnam", "IND": "anglais", "CMR": "anglais"}
ABROAD = ("maroc", "tunisie", "russie", "chine", "ukraine", "anglais")
# translators' names come from the countries whose language they translate (or are French)
NAME_POOLS = {"arabe": ("MAR", "TUN"), "russe": ("UKR",), "ukrainien": ("UKR",), "portugais": ("BRA", "PRT"),
              "espagnol": ("COL",), "chinois": ("CHN",), "vietnamien": ("VNM",), "anglais": ()}
# "en langue arabe", "en langue anglaise"
FEMININE = {"anglais": "anglaise", "portugais": "portugaise", "ukrainien": "ukrainienne", "espagnol": "espagnole",
            "chinois": "chinoise", "vietnamien": "vietnamienne"}
# the French city a translator works in -> the cour d'appel they are sworn before
COURTS = {"Paris": "Paris", "Lyon": "Lyon", "Marseille": "Aix-en-Provence", "Toulouse": "Toulouse", "Nantes": "Rennes",
          "Lille": "Douai", "Bordeaux": "Bordeaux", "Rennes": "Rennes", "Strasbourg": "Colmar",
          "Montpellier": "Montpellier", "Grenoble": "Grenoble", "Nice": "Aix-en-Provence", "Angers": "Angers",
          "Dijon": "Dijon", "Clermont-Ferrand": "Riom", "Rouen": "Rouen"}
UNIVERSITIES_FR = {"National University of Technology": "Université nationale de technologie",
                   "State University of Applied Sciences": "Université d'État des sciences appliquées",
                   "Institute of Management Studies": "Institut des études de management",
                   "Polytechnic University": "Université polytechnique",
                   "University of Commerce": "Université du commerce"}
# the generator's English degrees: (cycle, the speciality as translated, the discipline a Chinese grade names)
EN_DEGREES = {"Bachelor of Science in Computer Engineering": ("licence", ("génie informatique",), "ingénierie"),
              "Master of Science in Data Analytics": ("master", ("analyse des données", "science des données"),
                                                      "sciences"),
              "Bachelor of Commerce": ("licence", ("sciences commerciales", "commerce"), "gestion"),
              "Master of Arts in International Relations": ("master", ("relations internationales",), "droit"),
              "Bachelor of Technology in Mechanical Engineering": ("licence", ("génie mécanique",), "ingénierie")}
ENGLISH_TITLES = {"Bachelor of Science in Computer Engineering": "Licence ès sciences en génie informatique",
                  "Master of Science in Data Analytics": "Master ès sciences en analyse des données",
                  "Bachelor of Commerce": "Licence en commerce",
                  "Master of Arts in International Relations": "Master ès lettres en relations internationales",
                  "Bachelor of Technology in Mechanical Engineering": "Licence de technologie en génie mécanique"}
# the title a Colombian or Brazilian diploma confers: a profession
PROFESSIONS = {"génie informatique": "Ingénieur des systèmes", "génie mécanique": "Ingénieur mécanicien",
               "sciences commerciales": "Professionnel en commerce international",
               "commerce": "Professionnel en commerce international"}
# the original's word for the degree, quoted in a translator's note
ORIGINAL_WORDS = {"russie": {"licence": "bakalavr", "master": "magistr"},
                  "ukraine": {"licence": "bakalavr", "master": "magistr"},
                  "bresil": {"licence": "Bacharel", "master": "Mestre"},
                  "portugal": {"licence": "Licenciado", "master": "Mestre"},
                  "vietnam": {"licence": "Cử nhân", "master": "Thạc sĩ", "ingénieur": "Kỹ sư"},
                  "chine": {"licence": "xueshi", "master": "shuoshi"},
                  "maroc": {"licence": "al-ijaza", "master": "al-master"},
                  "tunisie": {"licence": "al-ijaza", "master": "al-majistir"}}
# speciality codes of the national lists, as Russian and Ukrainian diplomas print them
RU_CODES = {"génie informatique": "09.03.01", "génie mécanique": "15.03.01", "sciences commerciales": "38.03.06",
            "commerce": "38.03.06", "analyse des données": "09.04.03", "science des données": "09.04.03",
            "relations internationales": "41.04.05"}
UA_CODES = {"génie informatique": "123", "génie mécanique": "131", "sciences commerciales": "076", "commerce": "076",
            "analyse des données": "124", "science des données": "124", "relations internationales": "291"}
FACULTIES = ("Faculté des sciences juridiques, économiques et sociales", "Faculté des sciences et techniques",
             "École nationale des sciences appliquées", "École supérieure de technologie")
MENTIONS = ("Passable", "Assez bien", "Bien", "Très bien")
CLASSES = ("Première classe avec distinction", "Première classe", "Deuxième classe (division supérieure)",
           "Deuxième classe")
# the ministry a Moroccan diploma names, by the date it took that name
MOROCCO_MINISTRIES = (
    (dt.date(2000, 1, 1), ("Ministère de l'Enseignement supérieur, de la Formation des cadres et de la "
                           "Recherche scientifique")),
    (dt.date(2017, 4, 5), ("Ministère de l'Éducation nationale, de la Formation professionnelle, de "
                           "l'Enseignement supérieur et de la Recherche scientifique")),
    (dt.date(2021, 10, 7), "Ministère de l'Enseignement supérieur, de la Recherche scientifique et de l'Innovation"))


@dataclass
class Grant:
    """What the translated diploma says, as the page prints it."""
    person: Person
    given: str
    key: str
    country: str
    city: str
    university: str
    title: str
    speciality: str  # "" when the title is all there is
    cycle: str  # "licence", "master" or "ingénieur"
    award: dt.date
    issued: dt.date
    registered: dt.date
    style: str  # how the foreign dates are written

    def say(self, d: dt.date) -> str:
        return _say(d, self.style)

    @property
    def female(self) -> bool:
        return self.person.sex == "F"

    @property
    def name(self) -> str:
        if SYSTEMS[self.key].surname_first:
            return f"{self.person.surname} {self.given}"
        return f"{self.given} {self.person.surname}"

    def born(self, rng: random.Random) -> str:
        birth = self.person.birth_date
        country = SHORT_COUNTRY.get(self.person.country.code, self.person.country.name_fr)
        return (f"{_agree('né', self.person, rng.choice(('agree', 'neutral')))} le {self.say(birth)} à "
                f"{self.person.birth_city.title()} ({country})")


def _say(d: dt.date, style: str) -> str:
    if style == "slash":
        return date_slash(d)
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "quotes":  # « 24 » juin 2023, as Russian and Ukrainian forms print the day
        return f"« {d.day} » {MONTHS_FR[d.month - 1]} {d.year}"
    return date_long(d)


def _from(language: str) -> str:
    """"de l'arabe", "du russe"."""
    return f"de l'{language}" if language[0] in "aeiou" else f"du {language}"


def _of(place: str) -> str:
    """"de Rabat", "d'Agadir"."""
    return f"d'{place}" if place[0] in "AEIOUÉ" else f"de {place}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _system(facts: DossierFacts, rng: random.Random) -> tuple[str, str, str]:
    """(the system's key, the country the degree was awarded in, the university's city)."""
    code = facts.person.country.code
    key = HOME[code] if code in HOME and rng.random() < 0.85 else rng.choice(ABROAD)
    if key != "anglais":
        return key, SYSTEMS[key].country, rng.choice(SYSTEMS[key].cities)
    country = {"IND": "Inde", "CMR": "Cameroun"}.get(code) or rng.choice(("Ghana", "Nigeria", "Royaume-Uni", "Inde"))
    return key, country, rng.choice(ENGLISH_PLACES[country])


def _original(facts: DossierFacts, rng: random.Random) -> str:
    """The foreign degree translated: the dossier's, or (a French title, with nothing else allowed) one of them."""
    title = facts.diploma.title
    return title if title in EN_DEGREES else rng.choice(sorted(EN_DEGREES))


def _degree(original: str, key: str, rng: random.Random) -> tuple[str, str, str]:
    """(the title as translated, the speciality printed apart or "", the cycle)."""
    cycle, specs, discipline = EN_DEGREES[original]
    spec = rng.choice(specs)
    master, engineering = cycle == "master", discipline == "ingénierie"
    if key == "anglais":
        return ENGLISH_TITLES[original], "", cycle
    if key == "maroc":
        if master:
            return rng.choice((f"Master en {spec}", f"Master spécialisé en {spec}")), spec, cycle
        if engineering and rng.random() < 0.4:
            return f"Diplôme d'ingénieur d'État en {spec}", spec, "ingénieur"
        return rng.choice((f"Licence fondamentale en {spec}", f"Licence professionnelle en {spec}",
                           f"Licence d'études fondamentales en {spec}")), spec, cycle
    if key == "tunisie":
        if master:
            return rng.choice((f"Mastère professionnel en {spec}", f"Mastère de recherche en {spec}")), spec, cycle
        if engineering and rng.random() < 0.4:
            return f"Diplôme national d'ingénieur en {spec}", spec, "ingénieur"
        return rng.choice((f"Licence appliquée en {spec}", f"Licence fondamentale en {spec}")), spec, cycle
    if key in ("russie", "ukraine"):
        title = f"Master en {spec}" if master else rng.choice((f"Bachelor en {spec}", f"Licence en {spec}"))
        return title, spec, cycle
    if key == "chine":  # the grade names its discipline, the speciality is printed apart
        return f"{'Master' if master else 'Licence'} en {discipline}", spec, cycle
    if key == "vietnam":
        if engineering:
            return f"Ingénieur en {spec}", spec, "ingénieur"
        return f"{'Master' if master else 'Licence'} en {spec}", spec, cycle
    if master:
        return f"Master en {spec}", spec, cycle
    if key == "colombie" or (key == "bresil" and engineering and rng.random() < 0.5):
        return PROFESSIONS[spec], spec, cycle
    return (rng.choice((f"Bachelier en {spec}", f"Licence en {spec}")) if key == "bresil" else f"Licence en {spec}",
            spec, cycle)


def _university(facts: DossierFacts, key: str, city: str, rng: random.Random) -> str:
    base = facts.diploma.institution if facts.diploma.english else rng.choice(FOREIGN_UNIVERSITIES)
    if key == "anglais" and rng.random() < 0.45:  # kept in English, as the translator found it
        return f"{base}, {city}"
    return f"{UNIVERSITIES_FR.get(base, base)} {_of(city.removesuffix(' D.C.'))}"


def _dates(facts: DossierFacts, rng: random.Random) -> tuple[dt.date, dt.date, dt.date]:
    """(the foreign issue date, a register's date between it and the translation, the translation's date): each
    after the one before and the award, before the dossier."""
    award = facts.diploma.award_date
    span = max(2, (facts.reference_date - award).days - 1)
    high = max(1, min(150, span * 2 // 3))
    issued = award + dt.timedelta(days=rng.randint(min(20, high), high))
    room = max(1, (facts.reference_date - issued).days - 1)
    translated = facts.reference_date - dt.timedelta(days=rng.randint(1, min(room, 150)))
    registered = issued + dt.timedelta(days=rng.randint(0, max(0, min(40, (translated - issued).days - 1))))
    return issued, registered, translated


# The grants, one per country ---------------------------------------------------------------------------------

def _kind(g: Grant) -> str:
    return "Institut" if g.university.startswith("Institut") else "Université"


def _head(g: Grant) -> str:
    if _kind(g) == "Institut":
        return "Le Directeur"
    return "Le Président" if g.key in ("maroc", "tunisie", "chine") else "Le Recteur"


def _civility(g: Grant, rng: random.Random) -> str:
    """"M. ", "Madame ", "l'étudiant(e) " or nothing, as a Maghreb or Vietnamese diploma names its holder."""
    return rng.choice((g.person.civility, g.person.civility_long, "l'étudiant(e)" if rng.random() < 0.5 else
                       ("l'étudiante" if g.female else "l'étudiant"), "")) + " "


def _maroc(g: Grant, rng: random.Random) -> list[Block]:
    ministry = [name for since, name in MOROCCO_MINISTRIES if since <= g.award][-1]
    heading = {"licence": "DIPLÔME DE LICENCE", "master": "DIPLÔME DE MASTER",
               "ingénieur": "DIPLÔME D'INGÉNIEUR D'ÉTAT"}[g.cycle]
    blocks: list[Block] = [("note", "[Armoiries du Royaume]"), ("state", "ROYAUME DU MAROC"), ("line", ministry),
                           ("line", g.university)]
    if rng.random() < 0.5:
        blocks.append(("line", rng.choice(FACULTIES)))
    blocks.append(("heading", rng.choice((heading, "DIPLÔME"))))
    jury = f"Vu le procès-verbal de délibération du jury en date du {g.say(g.award)} ;"
    recitals = rng.random() < 0.6
    if recitals:
        blocks += [("small", ("Vu le dahir n° 1-00-199 du 15 safar 1421 (19 mai 2000) portant promulgation de la loi "
                             "n° 01-00 portant organisation de l'enseignement supérieur ;")), ("small", jury)]
    cne = f"{rng.choice('DGJKMRS')}{_digits(rng, 9)}"
    blocks += [("para", f"{_head(g)} de l'{g.university} décerne à {_civility(g, rng).strip()} :"), ("name", g.name),
               ("para", (f"{g.born(rng)}, CNE : {cne}, CIN n° {rng.choice(('AB', 'BE', 'BK', 'JA', 'X'))}"
                        f"{rng.randint(100000, 999999)},")),
               ("para", "le diplôme de"), ("title", g.title)]
    rows = [("Filière", _cap(g.speciality))] if g.speciality else []
    rows += [("Mention", rng.choice(MENTIONS)), ("Session", (f"{rng.choice(('printemps', 'juin', 'ordinaire'))} "
                                                            f"{g.award.year}"))]
    if not recitals:
        rows.append((rng.choice(("Date de délibération du jury", "Date de délibération")), g.say(g.award)))
    blocks += [("pairs", rows), ("place", f"Fait à {g.city}, le {g.say(g.issued)}"),
               ("signs", ("Le Doyen", f"{_head(g)} de l'{_kind(g)}")), ("note", "[Cachet rond de l'université]"),
               ("pairs", [("N° du diplôme", f"{rng.randint(1000, 99999)}/{g.issued.year % 100:02d}")])]
    return blocks


def _tunisie(g: Grant, rng: random.Random) -> list[Block]:
    heading = {"licence": "DIPLÔME NATIONAL DE LICENCE", "master": "DIPLÔME NATIONAL DE MASTÈRE",
               "ingénieur": "DIPLÔME NATIONAL D'INGÉNIEUR"}[g.cycle]
    blocks: list[Block] = [("note", "[Emblème de la République]"), ("state", "RÉPUBLIQUE TUNISIENNE"),
                           ("line", "Ministère de l'Enseignement supérieur et de la Recherche scientifique"),
                           ("line", g.university), ("heading", heading)]
    if rng.random() < 0.5:
        blocks.append(("small", "Vu la loi n° 2008-19 du 25 février 2008 relative à l'enseignement supérieur ;"))
    blocks += [("small", f"Vu la délibération du jury en date du {g.say(g.award)} ;"),
               ("para", f"{_head(g)} de l'{g.university} confère à {_civility(g, rng).strip()}"), ("name", g.name),
               ("para", f"{g.born(rng)}, titulaire de la carte d'identité nationale n° {_digits(rng, 8)},"),
               ("para", "le diplôme de"), ("title", g.title)]
    rows = [("Spécialité", _cap(g.speciality))] if g.speciality else []
    rows += [("Mention", rng.choice(MENTIONS)), ("Session", (f"{rng.choice(('principale', 'de contrôle'))} "
                                                            f"{g.award.year}"))]
    place = rng.choice((f"Fait à {g.city}, le {g.say(g.issued)}", f"{g.city}, le {g.say(g.issued)}"))
    return blocks + [("pairs", rows), ("place", place), ("signs", ("Le Doyen", f"{_head(g)} de l'{_kind(g)}")),
                     ("pairs", [("N° d'enregistrement", f"{g.issued.year}/{rng.randint(10000, 99999)}")])]


def _russie(g: Grant, rng: random.Random) -> list[Block]:
    word = {"master": "MASTER"}.get(g.cycle, rng.choice(("BACHELOR", "LICENCE")))
    code = RU_CODES.get(g.speciality, f"{rng.randint(1, 45):02d}.03.0{rng.randint(1, 6)}")
    if g.cycle == "master":
        code = code.replace(".03.", ".04.")
    blocks: list[Block] = [("state", "FÉDÉRATION DE RUSSIE"),
                           ("line", f"Établissement public fédéral d'enseignement supérieur « {g.university} »"),
                           ("line", f"ville de {g.city}"), ("heading", f"DIPLÔME DE {word}"),
                           ("line", f"{_digits(rng, 6)} {_digits(rng, 7)}"),
                           ("para", "Le présent diplôme atteste que"), ("name", g.name),
                           ("para", (f"a accompli le programme d'enseignement supérieur de "
                                    f"{'master' if g.cycle == 'master' else 'licence (bachelor)'} dans la filière")),
                           ("line", f"{code} {_cap(g.speciality)}" if g.speciality else code),
                           ("para", "et a obtenu la qualification de"), ("title", g.title),
                           ("para", (f"Décision de la Commission d'examen d'État du {g.say(g.award)}, procès-verbal "
                                    f"n° {rng.randint(2, 40)}"))]
    if rng.random() < 0.3:
        blocks.insert(4, ("line", "AVEC MENTION TRÈS BIEN"))
    return blocks + [("signs", ("Le Président de la Commission d'examen d'État", "Le Recteur")),
                     ("note", "[Sceau de l'établissement]"),
                     ("pairs", [("Numéro d'enregistrement", str(rng.randint(100, 9999)))]),
                     ("place", f"Fait à {g.city}, le {g.say(g.issued)}")]


def _ukraine(g: Grant, rng: random.Random) -> list[Block]:
    letter, grade = ("M", "master") if g.cycle == "master" else ("B", "bachelor")
    code = UA_CODES.get(g.speciality, str(rng.randint(11, 299)))
    speciality = f"« {code} {_cap(g.speciality)} »" if g.speciality else f"« {code} »"
    return [("state", "UKRAINE"), ("line", "Ministère de l'Éducation et des Sciences de l'Ukraine"),
            ("heading", f"DIPLÔME DE {grade.upper()}"),
            ("line", f"{letter}{g.award.year % 100:02d} N° {_digits(rng, 6)}"), ("name", g.name),
            ("para", f"a terminé en {g.award.year} l'{g.university}."),
            ("para", (f"Par décision de la Commission d'examen du {g.say(g.award)}, a obtenu le grade d'enseignement "
                     f"supérieur de {grade} dans la spécialité {speciality} et la qualification de")),
            ("title", g.title), ("signs", ("", "Le Recteur")),
            ("note", "[Sceau rond : Ministère de l'Éducation et des Sciences de l'Ukraine]"),
            ("place", f"Fait à {g.city}, le {g.say(g.issued)}")]


def _bresil(g: Grant, rng: random.Random) -> list[Block]:
    pronoun = "elle" if g.female else "il"
    course = f"du cursus de {g.speciality}" if g.speciality else "de son cursus"
    return [("note", "[Armoiries de la République]"), ("state", "RÉPUBLIQUE FÉDÉRATIVE DU BRÉSIL"),
            ("line", "Ministère de l'Éducation"), ("line", g.university), ("heading", "DIPLÔME"),
            ("para", (f"{_head(g)} de l'{g.university}, dans l'exercice de ses attributions et compte tenu de "
                     f"l'achèvement {course}, confère le titre de")), ("title", g.title),
            ("para", (f"à {g.name}, de nationalité {g.person.demonym}, {_agree('né', g.person, 'agree')} à "
                     f"{g.person.birth_city.title()} le {g.say(g.person.birth_date)}, et lui remet le présent "
                     f"diplôme afin qu'{pronoun} puisse jouir de tous les droits et prérogatives légaux.")),
            ("pairs", [(rng.choice(("Date de la collation des grades", "Collation des grades le")), g.say(g.award))]),
            ("place", f"{g.city}, le {g.say(g.issued)}"), ("signs", ("Le Recteur", "Le Diplômé" if not g.female
                                                                    else "La Diplômée")),
            ("small", (f"Diplôme enregistré sous le n° {rng.randint(1000, 99999)}, livre {rng.randint(1, 60)}, "
                       f"feuille {rng.randint(1, 300)}, procédure n° {_digits(rng, 5)}/{g.registered.year}, le "
                       f"{g.say(g.registered)}."))]


def _portugal(g: Grant, rng: random.Random) -> list[Block]:
    mark = rng.randint(12, 18)
    return [("state", "RÉPUBLIQUE PORTUGAISE"), ("line", g.university), ("heading", "DIPLÔME"),
            ("para", (f"{_head(g)} de l'{g.university} certifie que {g.name}, {g.born(rng)}, de nationalité "
                     f"{g.person.demonym}, a obtenu le grade de")), ("title", g.title),
            ("pairs", [("Grade conféré le", g.say(g.award)),
                       ("Note finale", f"{mark} ({number_words(mark)}) valeurs sur 20")]),
            ("place", f"Fait à {g.city}, le {g.say(g.issued)}"),
            ("signs", ("Le Recteur", "Le Directeur des services académiques")),
            ("pairs", [("Procédure n°", f"{rng.randint(1000, 9999)}/{g.issued.year}")])]


def _colombie(g: Grant, rng: random.Random) -> list[Block]:
    cc = "1." + ".".join(f"{rng.randint(0, 999):03d}" for _ in range(3))
    return [("state", "RÉPUBLIQUE DE COLOMBIE"), ("line", g.university),
            ("small", (f"Personnalité juridique reconnue par la résolution n° {rng.randint(100, 9999)} de "
                      f"{rng.randint(1955, 1995)} du ministère de l'Éducation nationale")),
            ("para", f"La République de Colombie et en son nom l'{g.university} confère à"), ("name", g.name),
            ("para", (f"titulaire de la carte de citoyenneté n° {cc}, après avoir satisfait à toutes les exigences "
                     "académiques et réglementaires, le titre de")), ("title", g.title),
            ("pairs", [(rng.choice(("Acte de collation du grade", "Procès-verbal de remise du grade")),
                        f"n° {rng.randint(100, 9999)} du {g.say(g.award)}")]),
            ("place", f"En foi de quoi, le présent diplôme est signé à {g.city}, le {g.say(g.issued)}."),
            ("signs", ("Le Recteur", "Le Secrétaire général")),
            ("pairs", [("Registre du diplôme", f"livre {rng.randint(1, 90)}, folio {rng.randint(1, 400)}")])]


def _chine(g: Grant, rng: random.Random) -> list[Block]:
    years = 4 if g.cycle != "master" else rng.choice((2, 3))
    grade = "master" if g.cycle == "master" else "licence"
    sex = "de sexe féminin" if g.female else "de sexe masculin"
    pronoun = "elle" if g.female else "il"
    study = (f"de septembre {g.award.year - years} à juin {g.award.year} " if rng.random() < 0.5 else "")
    speciality = f" dans la spécialité {_cap(g.speciality)}" if g.speciality else ""
    when = rng.choice((f"Le {g.say(g.award)}", f"Date d'attribution du grade : {g.say(g.award)}"))
    return [("note", "[Photo du titulaire]"), ("heading", f"CERTIFICAT DE GRADE DE {grade.upper()}"),
            ("para", (f"{g.name}, {sex}, {g.born(rng)}, a accompli {study}dans notre université le programme "
                     f"d'études de {grade} de {number_words(years)} ans{speciality} et en est "
                     f"{_agree('diplômé', g.person, 'agree')}. "
                     f"Après examen, conformément au Règlement de la République populaire de Chine sur les grades "
                     f"universitaires, {pronoun} se voit conférer le grade de")), ("title", g.title),
            ("signs", ("", f"Le Président du Comité d'attribution des grades de l'{g.university}")),
            ("place", when), ("note", "[Sceau de l'université]"),
            ("pairs", [("N° du certificat", " ".join(_digits(rng, 4) for _ in range(4)))])]


def _vietnam(g: Grant, rng: random.Random) -> list[Block]:
    civility = "Mme" if g.female else "M."
    decision = f"n° {rng.randint(100, 9999)}/QĐ-ĐH du {g.say(g.award)}"
    award = rng.choice(([("Date d'obtention du diplôme", g.say(g.award))],
                        [("Décision d'attribution du diplôme", decision)]))
    rows = [("à", f"{civility} {g.name}"), ("Né(e) le", g.say(g.person.birth_date)),
            ("Classement", rng.choice(MENTIONS + ("Excellent",))),
            ("Mode de formation", "formation initiale à temps plein")]
    if g.speciality:
        rows.insert(0, ("Spécialité", _cap(g.speciality)))
    place = rng.choice((f"{g.city}, le {g.say(g.issued)}", f"Fait à {g.city}, le {g.say(g.issued)}"))
    return [("state", "RÉPUBLIQUE SOCIALISTE DU VIÊT NAM"), ("line", "Indépendance – Liberté – Bonheur"),
            ("note", "[Photo du titulaire]"), ("line", f"{_head(g).upper()} DE L'{g.university.upper()}"),
            ("line", "confère le diplôme de"), ("title", g.title), ("pairs", rows + award), ("place", place),
            ("signs", ("", _head(g).upper())), ("note", "[Sceau rouge de l'université]"),
            ("pairs", [("N° de série", f"{rng.choice('ABC')} {_digits(rng, 7)}"),
                       ("N° d'inscription au registre", f"{rng.randint(100, 9999)}/ĐH{g.issued.year % 100:02d}")])]


def _anglais(g: Grant, rng: random.Random) -> list[Block]:
    civility = rng.choice(("", "", f"{g.person.civility} "))
    blocks: list[Block] = [("note", "[Armoiries de l'université]"), ("state", g.university.upper()),
                           ("line", f"{g.city} ({g.country})"),
                           ("para", rng.choice(("Il est certifié par la présente que", f"L'{_kind(g)} certifie que",
                                                f"Le Conseil de l'{_kind(g)} certifie que"))),
                           ("name", f"{civility}{g.name}")]
    if rng.random() < 0.5:
        blocks.append(("line", g.born(rng)))
    admitted = _agree("admis", g.person, "neutral")
    blocks += [("para", f"ayant satisfait aux exigences requises, a été {admitted} au grade de"),
               ("title", g.title)]
    if rng.random() < 0.6:
        blocks.append(("line", f"avec la mention « {rng.choice(CLASSES)} »"))
    return blocks + [("pairs", [(rng.choice(("Grade conféré le", "Date d'attribution du grade")), g.say(g.award)),
                                ("N° d'inscription", (f"{rng.choice(('EN', 'UG', 'PG'))}/{g.award.year - 3}/"
                                                     f"{rng.randint(1000, 99999)}"))]),
                     ("place", f"Fait à {g.city}, le {g.say(g.issued)}"),
                     ("signs", ("Le Secrétaire général (Registrar)", "Le Vice-Chancelier"))]


GRANTS = {"maroc": _maroc, "tunisie": _tunisie, "russie": _russie, "ukraine": _ukraine, "bresil": _bresil,
          "portugal": _portugal, "colombie": _colombie, "chine": _chine, "vietnam": _vietnam, "anglais": _anglais}


# The translator ------------------------------------------------------------------------------------------------

@dataclass
class Translator:
    given: str
    surname: str
    female: bool
    city: str
    postcode: str
    court: str
    language: str
    street: str
    phone: str
    email: str
    number: str  # the translation's number in the translator's register

    @property
    def tongue(self) -> str:
        """The language as "langue …" takes it."""
        return FEMININE.get(self.language, self.language)

    @property
    def title(self) -> str:
        who = "Traductrice" if self.female else "Traducteur"
        return f"{who}-interprète expert près la Cour d'appel de {self.court}"


def _ascii(name: str) -> str:
    """A name as an e-mail address spells it: lower case, no accents ("Đỗ" -> "do")."""
    name = name.replace("Đ", "D").replace("đ", "d")
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def _translator(person: Person, language: str, translated: dt.date, rng: random.Random) -> Translator:
    pool = [c for c in COUNTRIES if c.code in NAME_POOLS[language]]
    female = rng.random() < 0.6
    if pool and rng.random() < 0.6:
        country = rng.choice(pool)
        given = rng.choice(country.given_f if female else country.given_m)
        surname = rng.choice([s for s in country.surnames if s != person.surname])
    else:
        given, surname = french_name(rng).split(" ", 1)
        female = given in ("Claire", "Sophie", "Isabelle", "Émilie", "Hélène")
        if surname == person.surname:
            surname = "MARCHETTI"
    city, postcode = rng.choice(FRENCH_CITIES)
    plain = _ascii(surname).replace(" ", "-").replace("'", "")
    email = rng.choice((f"contact@{plain}-traductions.fr", f"{plain}.traduction@orange.fr",
                        f"{_ascii(given).split()[0]}.{plain}@gmail.com"))
    phone = f"0{rng.choice('67')} " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4))
    year = translated.year
    number = rng.choice((f"{year}/{rng.randint(1, 999):04d}", f"T{year % 100:02d}-{rng.randint(1, 1999):04d}",
                         f"{rng.randint(1, 2400)}/{year % 100:02d}",
                         f"{year}-{language[:2].upper()}-{rng.randint(10, 999)}"))
    return Translator(given, surname, female, city, postcode, COURTS[city], language,
                      f"{rng.randint(1, 120)} {rng.choice(STREETS)}", phone, email, number)


def _letterhead(sheet: Sheet, t: Translator, font: FontKey, ink: Color, rng: random.Random) -> float:
    """The translator's letterhead; returns the y under it."""
    w, left, right = sheet.width, 20.0, sheet.width - 20.0
    languages = rng.choice((f"{_cap(t.language)} – Français", f"Langue {t.tongue}",
                            f"{_cap(t.language)} <> Français – Français <> {_cap(t.language)}"))
    contact = [f"{t.street}", f"{t.postcode} {t.city}", f"Tél. : {t.phone}", t.email]
    name = f"{t.given} {t.surname}"
    style = rng.choice(("block", "centred", "frame"))
    if style == "block":
        sheet.add(Text(left, 18, name, 12.5, bold(font), ink), Text(left, 23, t.title, 8.5, font),
                  Text(left, 27, languages, 8.5, FontKey(font.family, italic=True), GREY))
        for i, line in enumerate(contact):
            sheet.add(Text(left, 31.5 + 3.6 * i, line, 8, font, GREY))
        sheet.add(Text(right, 18, f"Traduction n° {t.number}", 9, bold(font), align="right"))
        if rng.random() < 0.5:
            sheet.add(Text(right, 22.5, "Page 1/1", 8.5, font, GREY, "right"))
        return 50.0
    if style == "centred":
        size = _fit(name.upper(), bold(font), 14, w - 40, 10)
        sheet.add(Text(w / 2, 18, name.upper(), size, bold(font), ink, "center"),
                  Text(w / 2, 23.5, t.title, 9, font, align="center"),
                  Text(w / 2, 27.5, languages, 8.5, FontKey(font.family, italic=True), GREY, "center"),
                  Rule(left, 30.5, right, 30.5, 0.5, ink),
                  Text(w / 2, 34.5, "  –  ".join(contact[:2] + contact[2:3]), 7.5, font, GREY, "center"))
        sheet.add(Text(right, 40, f"N/Réf. : {t.number}", 8.5, font, align="right"))
        return 47.0
    box = 82.0
    sheet.add(Box(right - box, 12, box, 30, stroke=ink, width=0.35))
    lines = [(name, bold(font), 10), (t.title, font, 7.2), (languages, font, 7.5), (contact[0], font, 7.2),
             (f"{contact[1]} – {contact[2]}", font, 7.2), (contact[3], font, 7.2)]
    y = 17.0
    for text, face, size in lines:
        for part in wrap(text, face, size, box - 5):
            sheet.add(Text(right - box + 2.5, y, part, size, face, ink if face.bold else (0, 0, 0)))
            y += size * 0.3528 * 1.3
    sheet.add(Text(left, 20, "TRADUCTION", 15, bold(font), ink), Text(left, 26, f"N° {t.number}", 9, font, GREY))
    return max(y, 42.0) + 6


def _stamp(sheet: Sheet, cx: float, cy: float, t: Translator, font: FontKey, ink: Color) -> None:
    """The translator's round stamp: two rings, the title round the edge, the name and language in the middle."""
    surname = t.surname if len(t.surname) < 16 else t.surname.split()[0]
    sheet.add(Box(cx - 16, cy - 16, 32, 32, stroke=ink, width=0.5, radius=16),
              Box(cx - 12, cy - 12, 24, 24, stroke=ink, width=0.2, radius=12),
              Text(cx, cy - 13.2, "EXPERT", 4, bold(font), ink, "center"),
              Text(cx, cy - 6, "TRADUCTRICE" if t.female else "TRADUCTEUR", 4.5, bold(font), ink, "center"),
              Text(cx, cy - 0.5, f"{t.given.split()[0][0]}. {surname}", _fit(f"X. {surname}", bold(font), 7, 21, 4.5),
                   bold(font), ink, "center"),
              Text(cx, cy + 4, t.language.upper(), 5, font, ink, "center"),
              Text(cx, cy + 8.2, f"C.A. {t.court}", _fit(f"C.A. {t.court}", font, 4.5, 19, 3.2), font, ink, "center"),
              Text(cx, cy + 15, "* * *", 4, font, ink, "center"))


def _certification(cur: _Cursor, t: Translator, translated: dt.date, stamp_ink: Color, boxed: bool,
                   rng: random.Random) -> None:
    sheet, font = cur.sheet, cur.font
    when = date_long(translated) if rng.random() < 0.6 else date_slash(translated)
    e = "e" if t.female else ""
    wording = rng.choice(("short", "soussigne", "pages"))
    cur.sheet.add(Rule(cur.left, cur.y, cur.right, cur.y, 0.3, GREY))
    cur.y += 5
    if wording == "short":
        cur.text(rng.choice(("Traduction certifiée conforme à l'original rédigé en langue ",
                             "Pour traduction certifiée conforme à l'original en langue ")) + f"{t.tongue}.",
                 10.5, bold(font))
        lines = [f"Fait à {t.city}, le {when}", f"Enregistrée sous le n° {t.number}"]
    elif wording == "soussigne":
        cur.text(f"Je soussigné{e}, {t.given} {t.surname}, {t.title[0].lower()}{t.title[1:]}, certifie que "
                 f"la traduction qui précède est conforme à l'original en langue {t.tongue} qui m'a été "
                 "présenté.", 10)
        lines = [f"{t.city}, le {when}", f"N° {t.number} de mon répertoire"]
    else:
        cur.text("Traduction certifiée conforme. La présente traduction, composée d'une page, est exacte et "
                 f"conforme au document original en langue {t.tongue} qui m'a été présenté par le (la) "
                 "titulaire.", 10)
        lines = [f"Fait à {t.city}, le {when}", f"Répertoire n° {t.number}"]
    if rng.random() < 0.5:
        lines.reverse()
    cur.y += 2
    column = cur.right - 78
    top = cur.y
    for line in lines:
        sheet.add(Text(column, cur.y + 3, line, 10, font))
        cur.y += 5
    sheet.add(Text(column, cur.y + 3, f"{'La traductrice' if t.female else 'Le traducteur'} expert", 9.5,
                   FontKey(font.family, italic=True)))
    _scribble(sheet, column + 8, cur.y + 14, rng.uniform(24, 34), (25, 30, 95), rng)
    sheet.add(Text(column, cur.y + 21, f"{t.given} {t.surname}", 9.5, font))
    if boxed:  # a box on the left for the stamp and the signature
        sheet.add(Box(cur.left, top, 62, 40, stroke=GREY, width=0.3),
                  Text(cur.left + 31, top + 4.5, "Cachet et signature du traducteur", 7, font, GREY, "center"))
        _stamp(sheet, cur.left + 31, top + 23, t, font, stamp_ink)
    else:
        _stamp(sheet, column - 20, cur.y + 10, t, font, stamp_ink)
    cur.y = max(cur.y + 26, top + 42)


# The page ------------------------------------------------------------------------------------------------------

def _pairs(cur: _Cursor, rows: list[tuple[str, str]]) -> None:
    """"Label : value" lines, the values in bold at a common tab."""
    size = 10.0 * cur.scale
    width = cur.right - cur.left
    tab = min(max(text_width_mm(f"{label} :", cur.font, size) for label, _ in rows) + 3, width * 0.5)
    for label, value in rows:
        labels = wrap(f"{label} :", cur.font, size, tab - 1.5)
        values = wrap(value, bold(cur.font), size, width - tab)
        for i, line in enumerate(labels):
            cur.sheet.add(Text(cur.left, cur.y + size * 0.3528 * (1 + 1.35 * i), line, size, cur.font))
        for i, line in enumerate(values):
            cur.sheet.add(Text(cur.left + tab, cur.y + size * 0.3528 * (1 + 1.35 * i), line, size, bold(cur.font)))
        cur.y += size * 0.3528 * (1.35 * max(len(labels), len(values)) + 0.5)
    cur.y += 1.5


def _signs(cur: _Cursor, labels: tuple[str, str], rng: random.Random) -> None:
    """Two signatures side by side, as the translator notes them."""
    size = 9.0 * cur.scale
    half = (cur.right - cur.left) / 2
    italic = FontKey(cur.font.family, italic=True)
    bottom = cur.y
    for i, label in enumerate(labels):
        if not label:
            continue
        x, y = cur.left + half * (i + 0.5), cur.y + size * 0.3528 + 1
        for line in wrap(label, cur.font, size, half - 6):
            cur.sheet.add(Text(x, y, line, size, cur.font, align="center"))
            y += size * 0.3528 * 1.35
        cur.sheet.add(Text(x, y + 1, rng.choice(("[Signature illisible]", "[Signature]", "(signé)")), size - 0.5,
                           italic, GREY, "center"))
        bottom = max(bottom, y + 3)
    cur.y = bottom + 2


def _render(cur: _Cursor, blocks: list[Block], align: str, ink: Color, rng: random.Random) -> None:
    italic = FontKey(cur.font.family, italic=True)
    for kind, *args in blocks:
        if kind == "state":
            cur.text(args[0], 10.5, bold(cur.font), "center", ink, gap=0.8)
        elif kind == "line":
            cur.text(args[0], 9.5, align="center", gap=0.8)
        elif kind == "note":
            cur.text(args[0], 8.5, italic, "center" if align == "center" else "left", GREY, gap=0.8)
        elif kind == "heading":
            cur.y += 2.5 * cur.scale
            cur.own_line(args[0], 14, bold(cur.font), "center", ink)
            cur.y += 2 * cur.scale
        elif kind == "small":
            cur.text(args[0], 8.8, gap=0.6)
        elif kind == "para":
            cur.text(args[0], 10.5, align=align, gap=1.2)
        elif kind == "name":
            cur.own_line(args[0], 12.5, bold(cur.font), "center")
        elif kind == "title":
            cur.y += 0.5
            cur.own_line(args[0], 13.5, bold(cur.font), "center", ink)
            cur.y += 0.5
        elif kind == "pairs":
            _pairs(cur, args[0])
        elif kind == "place":
            cur.y += 1.5
            cur.text(args[0], 10.5, indent=(cur.right - cur.left) * 0.4)
        elif kind == "signs":
            _signs(cur, args[0], rng)


def _notes(blocks: list[Block], original: str, key: str, cycle: str, rng: random.Random) -> list[Block]:
    """The translator's notes: the original's word for the degree under its title, how the names were written."""
    out = list(blocks)
    at = next(i for i, block in enumerate(out) if block[0] == "title") + 1
    word = original if key == "anglais" else ORIGINAL_WORDS.get(key, {}).get(cycle)
    if word and rng.random() < 0.35:
        out.insert(at, ("note", f"[N.d.T. : « {word} » dans l'original]"))
    if rng.random() < 0.3:
        at = next((i for i, block in enumerate(out) if block[0] == "name"), at - 1) + 1
        out.insert(at, ("note", "[N.d.T. : nom et prénom(s) transcrits selon le passeport du titulaire]"))
    return out


def traduction_assermentee(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    key, country, city = _system(facts, rng)
    original = _original(facts, rng)
    title, speciality, cycle = _degree(original, key, rng)
    issued, registered, translated = _dates(facts, rng)
    style = rng.choice(("long", "long", "slash") + (("quotes", "dots") if key in ("russie", "ukraine") else ()))
    grant = Grant(person, d.given_names, key, country, city, _university(facts, key, city, rng), title, speciality,
                  cycle, d.award_date, issued, registered, style)
    blocks = _notes(GRANTS[key](grant, rng), original, key, cycle, rng)
    language = SYSTEMS[key].language
    translator = _translator(person, language, translated, rng)
    font = FontKey(rng.choice(("serif", "lserif", "lserif", "sans", "lsans")))
    if person.country.code == "VNM" or key == "vietnam":  # Liberation has no Vietnamese letters
        font = FontKey("serif" if "serif" in font.family else "sans")
    ink, stamp_ink = rng.choice(INKS), rng.choice(STAMP_INKS)
    sheet = Sheet(background=rng.choice(((255, 255, 255), (255, 255, 255), (252, 252, 249))))
    top = _letterhead(sheet, translator, font, ink, rng)
    source = _from(language)
    heading = rng.choice((f"TRADUCTION {source.upper()}", f"Traduction {source} vers le français",
                          f"Traduit {source}", f"TRADUCTION ASSERMENTÉE {source.upper()}"))
    tongue = FEMININE.get(language, language)
    described = rng.choice(("", "", f"Document : diplôme original en langue {tongue}, une page",
                            f"Traduction d'une copie certifiée conforme du diplôme (original en langue {tongue})"))
    frame = rng.choice(("box", "margin", "plain"))
    align = rng.choice(("left", "center"))
    boxed_stamp = rng.random() < 0.4
    start, mark = rng.getstate(), len(sheet.elements)
    for scale in (1.0, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64):
        rng.setstate(start)
        del sheet.elements[mark:]
        cur = _Cursor(sheet, font, 22, A4[0] - 22, top, scale)
        cur.own_line(heading, 13, bold(font), rng.choice(("left", "center")), ink)
        if described:
            cur.text(described, 9, FontKey(font.family, italic=True), color=GREY, gap=0.6)
        cur.y += 4 * scale
        inset = 6.0 if frame != "plain" else 0.0
        inner = _Cursor(sheet, font, cur.left + inset, cur.right - inset, cur.y + (5 if frame == "box" else 0), scale)
        _render(inner, blocks, align, ink, rng)
        if frame == "box":
            sheet.add(Box(cur.left, cur.y, cur.right - cur.left, inner.y + 2 - cur.y, stroke=GREY, width=0.3))
        elif frame == "margin":
            sheet.add(Rule(cur.left + 1, cur.y, cur.left + 1, inner.y, 0.6, ink))
        cur.y = inner.y + 7 * scale
        _certification(cur, translator, translated, stamp_ink, boxed_stamp, rng)
        if cur.y < A4[1] - 12:
            break
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": title, "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:traduction_assermentee", fields, sheets=[sheet])
