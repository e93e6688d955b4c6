"""Fresh `other` family `acte_naissance` (wave 1, written once `other:quittance_loyer` had been looked
at): the sworn translation into French of the worker's foreign birth certificate, as foreign workers
attach it to their dossier. A translator's letterhead (name, "Traducteur-interprète expert près la
Cour d'appel de …", languages, address, telephone, e-mail, sometimes a SIRET) and the translation's
number; "Traduction certifiée conforme de l'arabe / de l'espagnol / du portugais / de l'anglais…";
then the act as the foreign office words it: the State and the civil-status office (a Moroccan
commune, a Colombian notaría, a Brazilian cartório, a Portuguese conservatória, an Indian municipal
corporation, a Vietnamese people's committee, a Ukrainian registry office, a Chinese notarial
office), the act's number and register year (a serial, a 32-digit matrícula, a certificate series),
the person — the dossier's worker, as in the facts —, sex, date and place of birth, father and
mother (with their jobs, ages, birth years, a patronymic, grand-parents where the form has them),
the marginal mentions ("Néant", or a rectification by judgment), the date the extract was issued
and the foreign officer's signature and seal rendered in brackets, sometimes an apostille; then the
translator's notes, the certification ("Je soussigné(e) …, certifie que la présente traduction est
conforme à l'original …"), its number in the translator's register, "Fait à …, le …" and a stamp.

The body is a ruled table, "Label : value" lines or the act told in sentences (the copie
intégrale's wording); dates in figures, in letters, or both (Vietnamese and Ukrainian forms always
give the birth date in letters too; Moroccan acts add the Hegira date). One page. No truth field:
the piece is an `other`. Drawn for workers born where acts are not in French; with nothing else
allowed, a French-speaking country's act is read as a bilingual one translated from its English."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from synth.checksums import make_siren, make_siret
from synth.companies import french_name
from synth.facts import DossierFacts
from synth.fmt import MONTHS_FR, date_long, date_slash, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, STREETS, Country, Person
from synth.pieces.base import BuiltPiece, body_font, bold
from synth.pieces.fresh_diploma_jury import SHORT_COUNTRY
from synth.pieces.fresh_internship_portal import _email, _phone
from synth.pieces.fresh_words import integer_words

Pair = tuple[str, str]
# acts written in French: nobody translates them
FRENCH_SPEAKING = frozenset({"SEN", "MLI", "CIV", "CMR"})
SURNAME_FIRST = frozenset({"VNM", "CHN"})
# "en langue arabe, anglaise…"
TONGUE = {"arabe": "arabe", "anglais": "anglaise", "espagnol": "espagnole", "portugais": "portugaise",
          "vietnamien": "vietnamienne", "ukrainien": "ukrainienne", "chinois": "chinoise"}
# the translator's town and the court of appeal whose list of experts names them
COURTS = {"Paris": "Paris", "Lyon": "Lyon", "Marseille": "Aix-en-Provence", "Toulouse": "Toulouse", "Nantes": "Rennes",
          "Lille": "Douai", "Bordeaux": "Bordeaux", "Rennes": "Rennes", "Strasbourg": "Colmar",
          "Montpellier": "Montpellier", "Grenoble": "Grenoble", "Nice": "Aix-en-Provence", "Angers": "Angers",
          "Dijon": "Dijon", "Clermont-Ferrand": "Riom", "Rouen": "Rouen"}
POSTCODES = dict(FRENCH_CITIES)
FEMININE = {"Claire", "Sophie", "Isabelle", "Émilie", "Hélène"}
JOBS_M = ("commerçant", "fonctionnaire", "agriculteur", "chauffeur", "enseignant", "mécanicien", "employé de bureau",
          "ouvrier", "comptable", "technicien")
JOBS_F = ("sans profession", "enseignante", "infirmière", "commerçante", "couturière", "fonctionnaire",
          "employée de bureau", "femme au foyer", "secrétaire")
HIJRI_MONTHS = ("Moharram", "Safar", "Rabia I", "Rabia II", "Joumada I", "Joumada II", "Rajab", "Chaabane", "Ramadan",
                "Chaoual", "Dou al-Qiâda", "Dou al-Hijja")
INK: tuple[Color, ...] = ((40, 50, 140), (95, 40, 120), (20, 20, 20))


def hijri(day: dt.date) -> tuple[int, int, int]:
    """(day, month, year) of the tabular Islamic calendar, as Moroccan acts print it beside the Gregorian date."""
    jdn = day.toordinal() + 1721425
    rest = jdn - 1948440 + 10632
    cycles = (rest - 1) // 10631
    rest = rest - 10631 * cycles + 354
    j = ((10985 - rest) // 5316) * ((50 * rest) // 17719) + (rest // 5670) * ((43 * rest) // 15238)
    rest = rest - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    month = (24 * rest) // 709
    return rest - (709 * month) // 24, month, 30 * cycles + j - 30


def date_in_words(day: dt.date, mil: bool = False) -> str:
    """"douze mars mille neuf cent quatre-vingt-quinze" ("mil neuf cent …" in the old style of dates)."""
    year = integer_words(day.year)
    if mil and year.startswith("mille"):
        year = "mil" + year[5:]
    return f"{'premier' if day.day == 1 else integer_words(day.day)} {MONTHS_FR[day.month - 1]} {year}"


def translated_act_needed(facts: DossierFacts) -> bool:
    """A translator is needed: the worker was born where acts are not written in French."""
    return facts.person.country.code not in FRENCH_SPEAKING


def _from(language: str) -> str:
    return f"de l'{language}" if language[0] in "aeiouéh" else f"du {language}"


def _elide(text: str) -> str:
    """"fils de André" -> "fils d'André", "Commune de Agadir" -> "Commune d'Agadir"."""
    return re.sub(r"(?<![\w'])([Dd])e (?=[AEIOUÉÈÊÎÂÔ])", r"\1'", text)


def _nth(n: int) -> str:
    return "1er" if n == 1 else f"{n}e"


def _of(city: str) -> str:
    """"de Lyon", "d'Aix-en-Provence"."""
    return f"d'{city}" if city[0] in "AEIOUÉ" else f"de {city}"


@dataclass
class _Ctx:
    """What every country's act draws on: the person, their parents, the act's dates and how dates are said."""
    person: Person
    rng: random.Random
    say: Callable[[dt.date], str]
    words: bool  # dates said in letters
    registered: dt.date  # the day the birth was declared
    issued: dt.date  # the day the extract was delivered
    father_given: str
    mother_given: str
    mother_surname: str
    father_job: str
    mother_job: str
    father_born: dt.date
    mother_born: dt.date
    hour: int = 0
    minute: int = 0

    @property
    def male(self) -> bool:
        return self.person.sex == "M"

    @property
    def sex(self) -> str:
        return "Masculin" if self.male else "Féminin"

    @property
    def born(self) -> str:
        return self.say(self.person.birth_date)

    @property
    def place(self) -> str:
        """"Rio de Janeiro", "Hồ Chí Minh"."""
        words = self.person.birth_city.title().split()
        return " ".join(w.lower() if i and w in ("De", "Da", "Do", "Dos") else w for i, w in enumerate(words))

    @property
    def time(self) -> str:
        if not self.words:
            return f"{self.hour} h {self.minute:02d}"
        hour = integer_words(self.hour)
        hour = hour[:-2] + "une" if hour.endswith("un") else hour  # une heure, vingt et une heures
        minutes = f" {integer_words(self.minute)}" if self.minute else ""
        return f"{hour} heure{'s' if self.hour > 1 else ''}{minutes}"

    def other_person(self) -> str:
        """Someone else of the person's country (an officer, a notary, a declarant)."""
        c = self.person.country
        given, surname = self.rng.choice(c.given_m + c.given_f), self.rng.choice([s for s in c.surnames if s != self.person.surname])
        return _full(given, surname, c.code in SURNAME_FIRST)


@dataclass
class _Act:
    """The foreign act as the translator renders it."""
    language: str
    heading: list[str]
    title: str
    numbers: list[str]
    rows: list[Pair]
    prose: list[str]
    mention_label: str = "Mentions marginales"
    officer: str = "L'officier de l'état civil"
    seals: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    apostille: str = ""  # the authority that would apostille it; "" when the country does not


def _full(given: str, surname: str, surname_first: bool) -> str:
    return f"{surname} {given}" if surname_first else f"{given} {surname}"


def _child(c: _Ctx, surname_first: bool = False) -> str:
    p = c.person
    return _full(p.given_names, p.surname, surname_first)


def _parents(c: _Ctx, surname_first: bool = False) -> tuple[str, str]:
    p = c.person
    return (_full(c.father_given, p.surname, surname_first), _full(c.mother_given, c.mother_surname, surname_first))


def _someone(given: tuple[str, ...], country: Country, rng: random.Random) -> str:
    return f"{rng.choice(given)} {rng.choice(country.surnames)}"


def _age(c: _Ctx, born: dt.date) -> int:
    birth = c.person.birth_date
    return birth.year - born.year - ((birth.month, birth.day) < (born.month, born.day))


def _sentence(c: _Ctx, where: str, surname_first: bool = False, lead: str = "", aside: str = "") -> list[str]:
    """The act told as a copie intégrale tells it (`aside`: what follows the date, the Hegira's)."""
    father, mother = _parents(c, surname_first)
    son = "fils" if c.male else "fille"
    opening = (f"Le {c.born}{aside}, à {c.time}, est {'né' if c.male else 'née'} à {where} : {_child(c, surname_first)}, "
               f"de sexe {c.sex.lower()}, {son} de {father}, {c.father_job}, âgé de {_age(c, c.father_born)} ans, "
               f"et de {mother}, {c.mother_job}, âgée de {_age(c, c.mother_born)} ans.")
    declared = c.rng.choice(("du père", "de la mère", f"de {c.other_person()}, sage-femme",
                             f"de {c.other_person()}, oncle de l'enfant"))
    closing = (f"Acte dressé le {c.say(c.registered)}, sur la déclaration {declared}, qui, lecture faite, a signé "
               f"avec nous, {c.other_person()}, officier de l'état civil.")
    return [s for s in (lead, opening, closing) if s]


def _morocco(c: _Ctx) -> _Act:
    rng, p = c.rng, c.person
    day, month, year = hijri(p.birth_date)
    hegira = f" (correspondant au {day} {HIJRI_MONTHS[month - 1]} {year})"
    father, mother = _parents(c)
    number = rng.randint(40, 3999)
    return _Act(
        "arabe",
        ["ROYAUME DU MAROC", "Ministère de l'Intérieur", f"{rng.choice(('Province', 'Préfecture'))} de {c.place}",
         f"Commune de {c.place}", "Bureau de l'état civil"],
        rng.choice(("EXTRAIT D'ACTE DE NAISSANCE", "COPIE INTÉGRALE D'ACTE DE NAISSANCE")),
        [f"Acte n° : {number}", f"Année : {p.birth_date.year}"],
        [("Nom de famille", p.surname), ("Prénom", p.given_names), ("Sexe", c.sex),
         ("Date de naissance", c.born + hegira),
         ("Lieu de naissance", f"{c.place}"), ("Nationalité", "marocaine"),
         ("Fils de" if c.male else "Fille de", f"{father}, {c.father_job}"),
         ("Et de", f"{mother}, {c.mother_job}"), ("Date de l'acte", c.say(c.registered))],
        _sentence(c, f"{c.place} (Maroc)", aside=hegira),
        seals=["[Sceau de la commune]", "[Timbre fiscal oblitéré]"],
        notes=["N.d.T. : les dates de l'hégire sont données entre parenthèses."])


def _tunisia(c: _Ctx) -> _Act:
    rng, p = c.rng, c.person
    grandfather = rng.choice([g for g in p.country.given_m if g != c.father_given])
    number = rng.randint(100, 4999)
    return _Act(
        "arabe",
        ["RÉPUBLIQUE TUNISIENNE", "Ministère de l'Intérieur", f"Municipalité de {c.place}", "Service de l'état civil"],
        rng.choice(("EXTRAIT D'ACTE DE NAISSANCE", "EXTRAIT DU REGISTRE DES NAISSANCES")),
        [f"Numéro de l'acte : {number}", f"Année : {p.birth_date.year}"],
        [("Prénom", p.given_names), ("Nom", p.surname), ("Sexe", c.sex), ("Date de naissance", c.born),
         ("Lieu de naissance", c.place), ("Prénom du père", c.father_given), ("Prénom du grand-père", grandfather),
         ("Profession du père", c.father_job), ("Nom et prénom de la mère", f"{c.mother_surname} {c.mother_given}"),
         ("Nationalité", "tunisienne")],
        _sentence(c, f"{c.place} (Tunisie)"),
        "Mentions", seals=["[Cachet de la municipalité]"])


def _colombia(c: _Ctx) -> _Act:
    rng, p = c.rng, c.person
    department = {"BOGOTÁ": "Bogotá D.C.", "MEDELLÍN": "Antioquia", "CALI": "Valle del Cauca",
                  "BARRANQUILLA": "Atlántico", "CARTAGENA": "Bolívar"}.get(p.birth_city, "Cundinamarca")
    father, mother = _parents(c)
    return _Act(
        "espagnol",
        ["RÉPUBLIQUE DE COLOMBIE", "Registraduría Nacional del Estado Civil (Office national de l'état civil)",
         f"Notaría {rng.randint(1, 45)} du Cercle de {c.place}"],
        "REGISTRE D'ÉTAT CIVIL DE NAISSANCE",
        [f"Indicatif sériel : {rng.randint(10**7, 10**8 - 1)}",
         f"NUIP : {rng.randint(10**9, 10**10 - 1)}"],
        [("Nom(s) de famille", p.surname), ("Prénom(s)", p.given_names), ("Date de naissance", c.born),
         ("Heure", c.time), ("Sexe", c.sex), ("Lieu de naissance", f"Colombie – {department} – {c.place}"),
         ("Nom et prénoms de la mère", mother),
         ("Document d'identité de la mère", f"C.C. n° {rng.randint(10**7, 10**10 - 1)}"),
         ("Nom et prénoms du père", father),
         ("Document d'identité du père", f"C.C. n° {rng.randint(10**7, 10**10 - 1)}"),
         ("Date d'inscription", c.say(c.registered))],
        _sentence(c, f"{c.place}, {department} (Colombie)"),
        "Notes marginales", "Le notaire", ["[Sceau de la Notaría]", "[Signature illisible]"],
        apostille="le ministère des Affaires étrangères de Colombie")


def _brazil(c: _Ctx) -> _Act:
    rng, p = c.rng, c.person
    state = {"SÃO PAULO": "SP", "RIO DE JANEIRO": "RJ", "BELO HORIZONTE": "MG", "SALVADOR": "BA",
             "RECIFE": "PE"}.get(p.birth_city, "SP")
    father, mother = _parents(c)
    c_ = p.country
    grand = (f"paternels : {rng.choice(c_.given_m)} {p.surname} et {_someone(c_.given_f, c_, rng)} ; "
             f"maternels : {rng.choice(c_.given_m)} {c.mother_surname} et {_someone(c_.given_f, c_, rng)}")
    matricula = (f"{rng.randint(100000, 999999)} 01 55 {c.registered.year} 1 {rng.randint(1, 400):05d} "
                 f"{rng.randint(1, 300):03d} {rng.randint(1, 99999):07d} {rng.randint(10, 99)}")
    cpf = f"{rng.randint(100, 999)}.{rng.randint(100, 999)}.{rng.randint(100, 999)}-{rng.randint(10, 99)}"
    return _Act(
        "portugais",
        ["RÉPUBLIQUE FÉDÉRATIVE DU BRÉSIL", "REGISTRE CIVIL DES PERSONNES PHYSIQUES",
         f"Officier d'état civil du {_nth(rng.randint(1, 30))} sous-district – {c.place} – {state}"],
        "CERTIFICAT DE NAISSANCE", [f"Matricule : {matricula}"],
        [("Nom", f"{p.given_names} {p.surname}"), ("CPF", cpf), ("Date de naissance", c.born), ("Heure", c.time),
         ("Commune de naissance et unité fédérative", f"{c.place} – {state}"),
         ("Lieu de naissance", rng.choice(("Hôpital et maternité Santa Luzia", "Maternité municipale",
                                           "Hôpital São Lucas", "Domicile"))),
         ("Sexe", c.sex), ("Filiation", f"{father} et {mother}"), ("Grands-parents", grand),
         ("Jumeau", "Non"), ("Date de l'enregistrement", c.say(c.registered))],
        _sentence(c, f"{c.place} – {state} (Brésil)"),
        "Mentions (averbações)", "L'officier d'état civil", ["[Sceau du cartório]", "[Signature électronique]"],
        apostille=f"l'officier du cartório de {c.place}, au nom du Conseil national de justice")


def _portugal(c: _Ctx) -> _Act:
    rng, p = c.rng, c.person
    father, mother = _parents(c)
    number = rng.randint(100, 3999)
    parish = rng.choice(("Santa Maria Maior", "Sé", "São Vicente", "Cedofeita", "Arroios", "Estrela"))
    c_ = p.country
    return _Act(
        "portugais",
        ["RÉPUBLIQUE PORTUGAISE", "Institut des registres et du notariat",
         f"Conservatoire du registre civil de {c.place}"],
        rng.choice(("CERTIFICAT DE NAISSANCE", "CERTIFICAT D'ACTE DE NAISSANCE")),
        [f"Acte n° {number} de l'année {p.birth_date.year}",
         f"Code d'accès au certificat permanent : {rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"],
        [("Nom complet", f"{p.given_names} {p.surname}"), ("Sexe", c.sex), ("Date de naissance", c.born),
         ("Heure", c.time), ("Lieu de naissance", f"paroisse {_of(parish)}, commune de {c.place}"),
         ("Père", f"{father}, {c.father_job}"), ("Mère", f"{mother}, {c.mother_job}"),
         ("Grands-parents paternels", f"{rng.choice(c_.given_m)} {p.surname} et {_someone(c_.given_f, c_, rng)}"),
         ("Grands-parents maternels", f"{rng.choice(c_.given_m)} {c.mother_surname} et {_someone(c_.given_f, c_, rng)}"),
         ("Date de l'acte", c.say(c.registered))],
        _sentence(c, f"paroisse {_of(parish)}, commune de {c.place} (Portugal)"),
        "Mentions (averbamentos)", "L'officier de registre", ["[Sceau de la Conservatória]"],
        apostille="le Procureur général de la République")


def _india(c: _Ctx) -> _Act:
    rng, p = c.rng, c.person
    state, body = {"MUMBAI": ("du Maharashtra", "Municipal Corporation of Greater Mumbai"),
                   "PUNE": ("du Maharashtra", "Pune Municipal Corporation"),
                   "BENGALURU": ("du Karnataka", "Bruhat Bengaluru Mahanagara Palike"),
                   "CHENNAI": ("du Tamil Nadu", "Greater Chennai Corporation"),
                   "KOCHI": ("du Kerala", "Kochi Municipal Corporation"),
                   "HYDERABAD": ("du Telangana", "Greater Hyderabad Municipal Corporation")}.get(
        p.birth_city, ("du Maharashtra", "Municipal Corporation"))
    father = f"{c.father_given} {p.surname}"
    mother = f"{c.mother_given} {rng.choice((p.surname, c.mother_surname))}"
    address = f"{rng.randint(1, 400)}, {rng.choice(('MG Road', 'Station Road', 'Nehru Nagar', 'Gandhi Chowk'))}, {c.place}"
    lead = (f"Il est certifié que les renseignements ci-dessous sont extraits du registre original des naissances "
            f"de la {body}, État {state}.")
    return _Act(
        "anglais",
        [f"GOUVERNEMENT DE L'ÉTAT {state.upper()}", body, "Service de l'état civil (naissances et décès)"],
        "CERTIFICAT DE NAISSANCE",
        [("(délivré en application des articles 12 et 17 de la loi de 1969 sur l'enregistrement des naissances et "
          "des décès)"),
         f"N° d'enregistrement : {rng.randint(1000, 99999)}", f"Date d'enregistrement : {c.say(c.registered)}"],
        [("Nom", f"{p.given_names} {p.surname}"), ("Sexe", c.sex), ("Date de naissance", c.born),
         ("Lieu de naissance", f"{rng.choice(('Hôpital municipal', 'Sanjeevani Nursing Home', 'Hôpital général'))}, {c.place}"),
         ("Nom de la mère", mother), ("Nom du père", father),
         ("Adresse des parents au moment de la naissance", address), ("Adresse permanente des parents", address)],
        [lead] + _sentence(c, f"{c.place} (Inde)")[:1],
        "Observations (le cas échéant)", "Officier de l'état civil (Registrar of Births & Deaths)",
        ["[Sceau du Registrar]", "[Signature numérique vérifiée]"],
        apostille="le ministère des Affaires extérieures de l'Inde")


def _vietnam(c: _Ctx) -> _Act:
    rng, p = c.rng, c.person
    ward = rng.choice(("Bến Nghé", "Tân Định", "Phúc Xá", "Hòa Cường", "Vĩnh Ninh"))
    origin = rng.choice(p.country.cities).title()
    pid = f"0{rng.randint(1, 96):02d}{rng.choice((0, 1, 2, 3))}{p.birth_date.year % 100:02d}{rng.randint(0, 999999):06d}"
    father, mother = _parents(c, surname_first=True)
    return _Act(
        "vietnamien",
        ["RÉPUBLIQUE SOCIALISTE DU VIÊT NAM", "Indépendance – Liberté – Bonheur",
         f"Comité populaire du quartier {ward}, ville de {c.place}"],
        rng.choice(("EXTRAIT D'ACTE DE NAISSANCE", "ACTE DE NAISSANCE (COPIE)")),
        [f"N° : {rng.randint(10, 999)}/TLKS-BS", f"Livre n° : {rng.randint(1, 9):02d}/{c.registered.year}"],
        [("Nom, nom intermédiaire et prénom", _child(c, True)),
         ("Date de naissance", f"{date_slash(p.birth_date)}, en lettres : {date_in_words(p.birth_date)}"),
         ("Sexe", c.sex), ("Ethnie", "Kinh"), ("Nationalité", "vietnamienne"),
         ("Lieu de naissance", f"{rng.choice(('Hôpital Từ Dũ', 'Maternité centrale', 'Station médicale du quartier'))}, {c.place}"),
         ("Lieu d'origine", origin), ("Numéro d'identification personnelle", pid),
         ("Nom de la mère", f"{mother}, née en {c.mother_born.year}, ethnie Kinh, nationalité vietnamienne"),
         ("Nom du père", f"{father}, né en {c.father_born.year}, ethnie Kinh, nationalité vietnamienne"),
         ("Date d'enregistrement", c.say(c.registered))],
        _sentence(c, f"{c.place} (Viêt Nam)", surname_first=True),
        "Mentions", "Le président du Comité populaire",
        ["[Sceau rouge du Comité populaire]", "[Signature illisible]"])


def _patronym(given: str, male: bool) -> str:
    stem = given.removesuffix("o")
    return stem + ("ovych" if male else ("vna" if stem.endswith("ii") else "ivna"))


def _ukraine(c: _Ctx) -> _Act:
    rng, p = c.rng, c.person
    region = {"KYIV": "ville de Kyiv", "LVIV": "région de Lviv", "ODESA": "région d'Odesa",
              "KHARKIV": "région de Kharkiv", "DNIPRO": "région de Dnipropetrovsk"}.get(p.birth_city, "Ukraine")
    father_full = f"{p.surname} {c.father_given} {_patronym(rng.choice(p.country.given_m), True)}"
    mother_full = f"{c.mother_surname} {c.mother_given} {_patronym(rng.choice(p.country.given_m), False)}"
    letters = rng.choice(("KB", "TP", "ZhK", "AM", "BK", "NO"))
    number = rng.randint(10, 2999)
    return _Act(
        "ukrainien",
        ["UKRAINE", f"Service de l'enregistrement de l'état civil – {c.place}"],
        "CERTIFICAT DE NAISSANCE",
        [f"Série I-{letters} n° {rng.randint(100000, 999999)}"],
        [("Nom", p.surname), ("Prénom", p.given_names), ("Patronyme", _patronym(c.father_given, c.male)),
         ("Date de naissance", f"{date_slash(p.birth_date)} ({date_in_words(p.birth_date)})"),
         ("Lieu de naissance", f"{c.place}, {region}, Ukraine"),
         ("Acte de naissance", f"n° {number}, établi le {c.say(c.registered)}"),
         ("Père", f"{father_full}, nationalité ukrainienne"), ("Mère", f"{mother_full}, nationalité ukrainienne"),
         ("Lieu d'enregistrement", f"Service de l'état civil de {c.place}, Direction régionale du ministère de la Justice"),
         ("Date de délivrance", c.say(c.issued))],
        _sentence(c, f"{c.place}, {region} (Ukraine)"),
        "Mentions", "Le chef du service", ["[Sceau : Service de l'enregistrement de l'état civil]"],
        apostille="le ministère de la Justice d'Ukraine")


def _china(c: _Ctx) -> _Act:
    rng, p = c.rng, c.person
    # the city's one-character name and its districts' notarial offices, with the syllable their numbers take
    short, offices = {"SHANGHAI": ("Hu", (("Xuhui", "Xu"), ("Huangpu", "Huang"))),
                      "BEIJING": ("Jing", (("Dongcheng", "Dong"), ("Haidian", "Hai"))),
                      "WUHAN": ("E", (("Jiang'an", "Jiang"), ("Wuchang", "Wu"))),
                      "CHENGDU": ("Chuan", (("Wuhou", "Wu"), ("Jinjiang", "Jin"))),
                      "GUANGZHOU": ("Yue", (("Tianhe", "Tian"), ("Yuexiu", "Yue")))}.get(p.birth_city, ("Hu", (("Xuhui", "Xu"),)))
    office, syllable = rng.choice(offices)
    father, mother = _parents(c, surname_first=True)
    resident = f"{rng.randint(110000, 650000)}{p.birth_date:%Y%m%d}{rng.randint(100, 999)}{rng.choice('0123456789X')}"
    lead = (f"Il est certifié que {_child(c, True)}, {'de sexe masculin' if c.male else 'de sexe féminin'}, "
            f"est {'né' if c.male else 'née'} le {c.born} à {c.place}, République populaire de Chine. "
            f"Son père est {father}, sa mère est {mother}.")
    return _Act(
        "chinois",
        ["RÉPUBLIQUE POPULAIRE DE CHINE", f"Office notarial de {office}, ville de {c.place}"],
        rng.choice(("ACTE NOTARIÉ – CERTIFICAT DE NAISSANCE", "ACTE NOTARIÉ")),
        [f"({c.issued.year}) {short} {syllable} Zheng Zi n° {rng.randint(100, 29999)}"],
        [("Demandeur", _child(c, True)), ("Sexe", c.sex), ("Date de naissance", c.born),
         ("Lieu de naissance", f"{c.place}, République populaire de Chine"),
         ("N° de la carte d'identité de résident", resident), ("Père", father), ("Mère", mother)],
        [lead],
        "Observations", "Le notaire", ["[Sceau de l'office notarial]"])


def _bilingual(c: _Ctx) -> _Act:
    """A French-speaking country's act drawn when nothing else is allowed: its English side translated."""
    rng, p = c.rng, c.person
    father, mother = _parents(c)
    number = rng.randint(10, 2999)
    return _Act(
        "anglais",
        [p.country.name_fr.upper(), f"Centre d'état civil de {c.place}"],
        "ACTE DE NAISSANCE", [f"Acte n° {number}/{c.registered.year}"],
        [("Nom", p.surname), ("Prénoms", p.given_names), ("Sexe", c.sex), ("Date de naissance", c.born),
         ("Lieu de naissance", c.place), ("Père", f"{father}, {c.father_job}"), ("Mère", f"{mother}, {c.mother_job}"),
         ("Date de l'acte", c.say(c.registered))],
        _sentence(c, f"{c.place} ({SHORT_COUNTRY.get(p.country.code, p.country.name_fr)})"))


ORIGINS: dict[str, Callable[[_Ctx], _Act]] = {"MAR": _morocco, "TUN": _tunisia, "COL": _colombia, "BRA": _brazil,
                                              "PRT": _portugal, "IND": _india, "VNM": _vietnam, "UKR": _ukraine,
                                              "CHN": _china}


@dataclass
class _Translator:
    name: str
    feminine: bool
    city: str
    lines: list[str]  # under the name: role, languages, address, contacts
    number: str  # the translation's number in the register
    sworn: str  # "Traducteur-interprète expert près la Cour d'appel de …"


def _translator(language: str, translated: dt.date, rng: random.Random) -> _Translator:
    name = french_name(rng)
    feminine = name.split()[0] in FEMININE
    city = rng.choice(sorted(COURTS))
    court = COURTS[city]
    e = "e" if feminine else ""
    sworn = rng.choice((f"{'Traductrice' if feminine else 'Traducteur'}-interprète expert près la Cour d'appel {_of(court)}",
                        f"Expert traducteur-interprète près la Cour d'appel {_of(court)}",
                        f"{'Traductrice' if feminine else 'Traducteur'} assermenté{e} – Cour d'appel {_of(court)}",
                        f"Expert judiciaire en langue {TONGUE[language]} près la Cour d'appel {_of(court)}"))
    lines = [sworn, f"{language.capitalize()} / Français" if rng.random() < 0.5 else f"Langues : {language}, français"]
    if rng.random() < 0.15:
        lines.append(f"Agréé{e} par la Cour de cassation")
    lines.append(f"{rng.randint(2, 90)} {rng.choice(STREETS)} – {POSTCODES[city]} {city}")
    contact = f"Tél. {_phone(rng)}"
    if rng.random() < 0.7:
        contact += f" – {_email(name, rng.choice(('traduction-jurée.fr', 'expert-traducteur.fr', 'orange.fr')))}"
    lines.append(contact)
    if rng.random() < 0.4:
        lines.append(f"SIRET {siret_spaced(make_siret(make_siren(rng), rng))}")
    k = rng.randint(12, 1800)
    number = rng.choice((f"Traduction n° {translated.year}-{k:04d}", f"N° de répertoire : {k}/{translated:%y}",
                         f"Réf. : T{translated:%y}-{k:04d}"))
    return _Translator(name, feminine, city, lines, number, sworn)


def _context(facts: DossierFacts, rng: random.Random, translated: dt.date) -> _Ctx:
    p = facts.person
    style = rng.choice(("slash", "long", "long", "words"))
    mil = rng.random() < 0.5

    def say(day: dt.date) -> str:
        return {"slash": date_slash, "long": date_long}.get(style, lambda d: date_in_words(d, mil))(day)

    c = p.country
    registered = p.birth_date + dt.timedelta(days=rng.randint(1, 40))
    issued = translated - dt.timedelta(days=rng.randint(4, 240))
    father_born = p.birth_date - dt.timedelta(days=rng.randint(23 * 365, 42 * 365))
    mother_born = p.birth_date - dt.timedelta(days=rng.randint(19 * 365, 38 * 365))
    return _Ctx(p, rng, say, style == "words", registered, issued,
                rng.choice([g for g in c.given_m if g != p.given_names]),
                rng.choice([g for g in c.given_f if g != p.given_names]),
                rng.choice([s for s in c.surnames if s != p.surname]),
                rng.choice(JOBS_M), rng.choice(JOBS_F), father_born, mother_born,
                rng.randint(1, 23), rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50)))


@dataclass
class _Page:
    """Everything drawn, so the page can be laid out again smaller without drawing anything twice."""
    translator: _Translator
    act: _Act
    header: str  # "left", "centered", "band"
    colour: Color
    banner: str
    body: str  # "table", "lines", "prose"
    bold_labels: bool
    mentions: str
    issued_line: str
    officer_name: str
    apostille: str
    notes: list[str]
    certification: str
    register: str
    made: str
    stamp: str  # "round" or "box"
    ink: Color
    framed: bool  # the translated act in a thin frame
    crest: str  # what the translator says of the original's header, in brackets
    numbers_align: Literal["left", "right"]


def _header(sheet: Sheet, page: _Page, font: FontKey, margin: float) -> float:
    """The translator's letterhead; returns the y under it."""
    t, colour, w = page.translator, page.colour, A4[0]
    small = (90, 90, 90)
    if page.header == "centered":
        sheet.add(Text(w / 2, 16, t.name.upper(), 12.5, bold(font), colour, "center"))
        y = 21.0
        for line in t.lines:
            sheet.add(Text(w / 2, y, line, 8, font, small, "center"))
            y += 3.6
        sheet.add(Rule(margin, y, w - margin, y, 0.6, colour), Rule(margin, y + 1, w - margin, y + 1, 0.2, colour))
        sheet.add(Text(w - margin, y + 5.5, t.number, 8.5, bold(font), (0, 0, 0), "right"))
        return y + 9
    if page.header == "band":
        height = 9 + 3.5 * len(t.lines)
        sheet.add(Box(0, 0, w, height, fill=(240, 241, 245), stroke=None),
                  Rule(0, height, w, height, 0.8, colour),
                  Text(margin, 10, t.name, 12, bold(font), colour))
        for i, line in enumerate(t.lines):
            sheet.add(Text(margin, 14.5 + 3.4 * i, line, 7.8, font, small))
        sheet.add(Box(w - margin - 48, 6, 48, 9, stroke=colour, width=0.3),
                  Text(w - margin - 24, 11.8, t.number, 7.5, bold(font), colour, "center"))
        return height + 6
    sheet.add(Text(margin, 16, t.name, 12, bold(font)), Rule(margin, 18, margin + 70, 18, 0.4, colour))
    for i, line in enumerate(t.lines):
        sheet.add(Text(margin, 22 + 3.6 * i, line, 8, font, small))
    sheet.add(Text(w - margin, 16, t.number, 9, font, (0, 0, 0), "right"))
    return 24 + 3.6 * len(t.lines)


def _table(flow: Flow, rows: list[Pair], label_font: FontKey, colour: Color) -> None:
    """A ruled two-column table, the values wrapped in their cell."""
    size = flow.size
    step = flow.line_height(size) * 0.92
    label_w = min(62.0, max(text_width_mm(label, label_font, size - 0.5) for label, _ in rows) + 4)
    flow.y += 1.5
    flow.sheet.add(Rule(flow.margin, flow.y, A4[0] - flow.margin, flow.y, 0.5, colour))
    for label, value in rows:
        labels = wrap(label, label_font, size - 0.5, label_w - 3)
        values = wrap(value, flow.font, size, flow.width - label_w - 3)
        height = max(len(labels), len(values)) * step + 2.2
        flow.ensure(height)
        for i, line in enumerate(labels):
            flow.sheet.add(Text(flow.margin + 1, flow.y + step * (i + 1), line, size - 0.5, label_font))
        for i, line in enumerate(values):
            flow.sheet.add(Text(flow.margin + label_w + 2, flow.y + step * (i + 1), line, size, flow.font))
        flow.sheet.add(Rule(flow.margin + label_w, flow.y, flow.margin + label_w, flow.y + height, 0.2, (150, 150, 150)))
        flow.y += height
        flow.sheet.add(Rule(flow.margin, flow.y, A4[0] - flow.margin, flow.y, 0.2, (150, 150, 150)))
    flow.sheet.add(Rule(flow.margin, flow.y, A4[0] - flow.margin, flow.y, 0.5, colour))
    flow.y += 2


def _stamp(sheet: Sheet, page: _Page, x: float, y: float, font: FontKey) -> None:
    t, ink = page.translator, page.ink
    if page.stamp == "round":
        sheet.add(Box(x, y, 34, 34, stroke=ink, width=0.6, radius=17), Box(x + 3, y + 3, 28, 28, stroke=ink, width=0.2,
                                                                            radius=14))
        city = COURTS[t.city]
        for i, line in enumerate((t.name, "Expert traducteur", f"C.A. {city}", page.act.language.upper())):
            sheet.add(Text(x + 17, y + 12 + 4 * i, line, 5.6 if len(line) < 20 else 4.8, bold(font), ink, "center"))
    else:
        sheet.add(Box(x, y, 58, 26, stroke=(120, 120, 120), width=0.25),
                  Text(x + 2, y + 4, "Cachet et signature du traducteur", 7, font, (110, 110, 110)),
                  Box(x + 6, y + 7, 46, 15, stroke=ink, width=0.5, radius=1.5),
                  Text(x + 29, y + 12.5, t.name.upper(), 7, bold(font), ink, "center"),
                  Text(x + 29, y + 16.5, f"Expert près la C.A. {_of(COURTS[t.city])}", 6, font, ink, "center"),
                  Text(x + 29, y + 20, page.act.language.capitalize(), 6, font, ink, "center"))


def _lay_out(page: _Page, font: FontKey, size: float, gap: float) -> list[Sheet]:
    """The page at body size `size`, the blank between blocks times `gap`."""
    act, margin = page.act, 20.0
    flow = Flow(font, size, margin=margin, top=0)
    flow.y = _header(flow.sheet, page, font, margin) + 2 * gap
    flow.text(page.banner, size + 1.5, bold(font), "center" if page.header != "left" else "left")
    flow.space(2.5 * gap)
    top = flow.y
    if page.framed:
        flow.space(3)
    if page.crest:
        flow.text(page.crest, size - 1.5, FontKey(font.family, italic=True), "center", color=(70, 70, 70))
    for i, line in enumerate(act.heading):
        flow.text(line, size - (0 if i == 0 else 1), bold(font) if i == 0 else font, "center")
    flow.space(2 * gap)
    flow.text(act.title, size + 2.5, bold(font), "center")
    flow.space(gap)
    for line in act.numbers:
        flow.text(line, size - 1, font, "center" if line.startswith("(") else page.numbers_align)
    flow.space(1.5 * gap)
    label_font = bold(font) if page.bold_labels else font
    if page.body == "table":
        _table(flow, act.rows, label_font, page.colour)
    elif page.body == "lines":
        width = min(70.0, max(text_width_mm(f"{label} :", label_font, size) for label, _ in act.rows) + 3)
        flow.pairs([(f"{label} :", value) for label, value in act.rows], width, label_font)
    else:
        for paragraph in act.prose:
            flow.text(paragraph)
            flow.space(1.5 * gap)
    flow.space(1.5 * gap)
    flow.text(page.mentions, size - 0.5)
    flow.space(2 * gap)
    flow.text(page.issued_line, size - 0.5, align="right")
    flow.text(f"{act.officer}{page.officer_name}", size - 0.5, align="right")
    flow.text("  ".join(act.seals), size - 1.5, FontKey(font.family, italic=True), "right", color=(70, 70, 70))
    if page.framed and len(flow.sheets) == 1:
        flow.sheet.add(Box(margin - 4, top, A4[0] - 2 * margin + 8, flow.y - top + 2.5, stroke=(110, 110, 110),
                           width=0.3))
        flow.space(3)
    if page.apostille:
        flow.space(1.5 * gap)
        flow.text(page.apostille, size - 1.5, color=(60, 60, 60))
    for note in page.notes:
        flow.text(note, size - 1.5, FontKey(font.family, italic=True), color=(60, 60, 60))
    flow.space(2 * gap)
    flow.rule(0.5)
    flow.text(page.certification, size - 0.5)
    flow.text(page.register, size - 0.5)
    flow.ensure(40)
    flow.space(1.5 * gap)
    flow.text(page.made, size - 0.5, align="right")
    flow.text(page.translator.name, size + 1.5, FontKey(font.family, italic=True), "right", color=page.ink)
    _stamp(flow.sheet, page, margin + 4, flow.y - 8, font)
    return flow.sheets


def _undersigned(t: _Translator, to: str = "par") -> str:
    """"par le traducteur soussigné", "à la traductrice soussignée"."""
    if t.feminine:
        return f"{to} la traductrice soussignée"
    return "au traducteur soussigné" if to == "à" else f"{to} le traducteur soussigné"


def _certification(t: _Translator, language: str, rng: random.Random) -> str:
    e = "e" if t.feminine else ""
    tongue = TONGUE[language]
    pages = rng.choice(("", ", composée d'une page,", ", établie sur une (1) page,"))
    sworn = t.sworn[0].lower() + t.sworn[1:]
    return rng.choice((
        (f"Je soussigné{e} {t.name}, {sworn}, certifie que la présente traduction{pages} est conforme à l'original "
         f"rédigé en langue {tongue} qui m'a été présenté et que j'ai visé ne varietur."),
        f"Traduction certifiée conforme à l'original en langue {tongue} présenté {_undersigned(t, 'à')}, {t.name}, {sworn}.",
        (f"Je soussigné{e}, {t.name}, certifie que la présente traduction {_from(language)} en français est fidèle et "
         "conforme au document original qui m'a été soumis.")))


def acte_naissance(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    p = facts.person
    font = body_font(rng)
    if p.country.code == "VNM" and font.family in ("lsans", "lserif"):
        font = FontKey(font.family[1:])  # Liberation's PDF text loses Vietnamese letters (ơ, ư, ọ…): DejaVu keeps them
    size = rng.choice((9.0, 9.5, 10.0))
    translated = facts.reference_date - dt.timedelta(days=rng.randint(8, 150))
    c = _context(facts, rng, translated)
    act = ORIGINS.get(p.country.code, _bilingual)(c)
    act.heading, act.prose = [_elide(line) for line in act.heading], [_elide(line) for line in act.prose]
    act.rows = [(label, _elide(value)) for label, value in act.rows]
    t = _translator(act.language, translated, rng)
    banner = rng.choice((f"TRADUCTION CERTIFIÉE CONFORME {_from(act.language).upper()}",
                         f"Traduction certifiée conforme {_from(act.language)}",
                         f"Traduit {_from(act.language)} {_undersigned(t)}",
                         f"TRADUCTION {_from(act.language).upper()} VERS LE FRANÇAIS"))
    rectified = c.registered + dt.timedelta(days=rng.randint(200, max(201, (c.issued - c.registered).days - 30)))
    mentions = rng.choice(("Néant", "Néant.", "Aucune", "—")) if rng.random() < 0.8 else (
        f"par jugement n° {rng.randint(10, 999)}/{rectified.year} du tribunal de première instance {_of(c.place)} en date "
        f"du {c.say(rectified)}, l'orthographe du prénom du père a été rectifiée.")
    issued_line = _elide(rng.choice((f"Délivré à {c.place}, le {c.say(c.issued)}", f"Date de délivrance : {c.say(c.issued)}",
                              f"Pour extrait conforme, {c.place}, le {c.say(c.issued)}")))
    officer_name = f", {c.other_person()}" if rng.random() < 0.5 else ""
    apostille = ""
    if act.apostille and rng.random() < 0.45:
        on = c.issued + dt.timedelta(days=rng.randint(2, 20))
        apostille = (f"[Apostille (Convention de La Haye du 5 octobre 1961) n° {rng.randint(10**5, 10**7)}, "
                     f"délivrée le {date_slash(min(on, translated))} par {act.apostille}, traduite à la suite]")
    notes = list(act.notes)
    if act.language in ("arabe", "ukrainien", "chinois") and rng.random() < 0.7:
        passport = (f" n° {facts.passport.number}" if facts.identity_type == "passport" and rng.random() < 0.5 else "")
        notes.append(f"N.d.T. : les noms propres sont transcrits selon l'orthographe du passeport{passport} de "
                     f"l'intéressé{'' if c.male else 'e'}.")
    crest = rng.choice(("[Armoiries de l'État]", "[En-tête : emblème national]", "[Document sécurisé, fond guilloché]",
                        "[Code-barres et QR code de vérification en haut à droite]", "")) if rng.random() < 0.6 else ""
    made = rng.choice((f"Fait à {t.city}, le {date_long(translated)}", f"{t.city}, le {date_slash(translated)}",
                       f"Fait à {t.city}, le {date_slash(translated)}"))
    register = rng.choice((f"Inscrite au répertoire du traducteur sous le n° {t.number.split()[-1]}.",
                           f"Enregistrée sous le numéro {t.number.split()[-1]} de mon répertoire.",
                           f"N° d'ordre au répertoire : {t.number.split()[-1]}"))
    page = _Page(t, act, rng.choice(("left", "centered", "band")), rng.choice(((20, 50, 110), (90, 30, 40), (40, 40, 40))),
                 banner, rng.choice(("table", "table", "lines", "prose")), rng.random() < 0.6,
                 f"{act.mention_label} : {mentions}", issued_line, officer_name, apostille, notes,
                 _certification(t, act.language, rng), register, made, rng.choice(("round", "box")), rng.choice(INK),
                 rng.random() < 0.35, crest, "right" if rng.random() < 1 / 3 else "left")
    gap = rng.choice((1.0, 1.5, 2.0, 2.5)) if page.body == "prose" else rng.choice((1.0, 1.3, 1.6))
    for smaller, closer in ((size, gap), (size, 1.0), (size - 0.5, 1.0), (size - 1.0, 0.8), (size - 1.5, 0.6),
                            (size - 2.0, 0.5)):
        sheets = _lay_out(page, font, smaller, closer)
        if len(sheets) == 1:
            break
    return BuiltPiece("other", "other:acte_naissance", {}, sheets=sheets)
