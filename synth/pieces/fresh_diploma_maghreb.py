"""Fresh diploma family `diplome_maghreb` (tenth wave): the diploma itself as a university of the Maghreb
(Morocco, Algeria, Tunisia) or of French-speaking West and Central Africa (Senegal, Mali, Côte d'Ivoire,
Cameroon) prints it in French, for a worker who studied there — not a translation: the original.

The State's heading ("ROYAUME DU MAROC", "RÉPUBLIQUE ALGÉRIENNE DÉMOCRATIQUE ET POPULAIRE", "RÉPUBLIQUE
TUNISIENNE", "RÉPUBLIQUE DU SÉNÉGAL" with "Un Peuple – Un But – Une Foi"…), the ministry of higher
education (the Moroccan one under the name it bore on the jury's day), the university and the faculty,
school or UFR, a drawn emblem (a pentagram, a crescent and star, a star); a Cameroonian diploma carries its
English heading in a right-hand column. Arabic, which the Maghreb's diplomas print beside the French, is
left out: the PDF renderer neither joins nor orders Arabic letters, and the raster one does only where
libraqm is installed. Then the heading ("DIPLÔME DE MASTER", "DIPLÔME NATIONAL DE LICENCE", "BREVET DE
TECHNICIEN SUPÉRIEUR", "DIPLÔME"), the grantor ("Le Président de l'Université …", "Le Recteur …", "Nous,
Recteur de l'Université …", the minister for a BTS or a nurse's diploma d'État), the "Vu …" recitals —
the country's laws and decrees with their dates, a decree founding the university, the programme's
accreditation, "le procès-verbal des délibérations du jury en date du …" — in one block or one per line;
"délivre / décerne / confère à" the holder (given names first or surname first, "M.", "Mme", "Mr",
"Madame"), "né(e) le … à … (Pays)", a nationality when the holder is a foreigner there, a student code
(CNE, matricule, carte d'étudiant) and an identity card number; the title on its own line, then the
speciality again under "Spécialité", "Filière", "Option" or "Parcours" (an Algerian "Domaine" above it),
the mention, sometimes an average out of 20, the session or the academic year — or the title after the
name ("délivre le diplôme de … à …"). Some print the jury's date under a label ("Date de délibération")
instead of in a recital. "Fait à <the university's town>, le <a later day>", the dean's (director's) and
the president's (rector's, minister's) signatures with their names, a round seal, "Le titulaire" on
some; the registration number in the footer or at the top right, "Il n'est délivré qu'un seul
exemplaire…" on some. Landscape parchment in a double frame, or portrait with or without one.

Truth as the other diploma families: the holder, the title printed on its own line (the degree and its
speciality joined as the dossier's facts join them), the award date — the jury's deliberation, as a
Maghreb diploma's own "Vu le procès-verbal … du jury" gives it (the sworn translations of such diplomas
take it too); the "Fait à" day is the later date of issue. Distractors: the birth date and place, the
laws' and decrees' dates, the accreditation's date, the date of issue, the officials' names, the
registration and student numbers, the academic year and session, the average.

Drawn for French-language degrees (not the generator's English ones) of workers from the countries whose
graduates study there (Morocco, Tunisia, Senegal, Mali, Côte d'Ivoire, Cameroon). With nothing else
allowed, any dossier gets one: an English degree's title is then printed in its French form (which the
truth takes), and a country is drawn for a holder from elsewhere."""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from synth.facts import DossierFacts
from synth.fmt import MONTHS_FR, date_long, date_slash
from synth.fonts import FontKey
from synth.layout import Box, Color, Ellipse, Rule, Sheet, Text, wrap
from synth.people import COUNTRIES, Person
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_diploma_band import _fit, _monogram
from synth.pieces.fresh_diploma_comparabilite import _Cursor
from synth.pieces.fresh_diploma_jury import SHORT_COUNTRY, _agree
from synth.pieces.fresh_diploma_titre_pro import _scribble
from synth.pieces.fresh_diploma_traduction import EN_DEGREES, MOROCCO_MINISTRIES, _cap, _digits, _of

GREY: Color = (85, 80, 70)
INKS: tuple[Color, ...] = ((20, 70, 45), (110, 30, 35), (25, 45, 110), (40, 40, 40), (95, 60, 20))
SEAL_INKS: tuple[Color, ...] = ((40, 60, 150), (120, 40, 120), (30, 100, 70))
PARCHMENTS: tuple[Color, ...] = ((250, 246, 232), (247, 243, 226), (252, 250, 242))
LANDSCAPE, PORTRAIT = (297.0, 210.0), (210.0, 297.0)
Block = tuple  # (kind, *args): see _render

# the degree's domain -> the faculties, schools or UFRs that teach it, per country ("{de}": "de <the town>")
Faculties = dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class State:
    header: str
    motto: str
    ministry: str
    head: str  # the university's head: "Président" or "Recteur"
    universities: tuple[tuple[str, str, str], ...]  # (name, town, the domains it teaches or "*")
    faculties: Faculties
    names: str  # whose names its officials bear: a code of COUNTRIES, or "DZA" (ALGERIAN_NAMES)
    laws: tuple[str, ...]  # "Vu …" of its higher-education laws, as the diplomas cite them
    vocational: tuple[str, str]  # (the ministry delivering the BTS, the establishment: "{de}" as above)
    health: tuple[str, str] = ("", "")  # (the ministry delivering the nurse's diploma, the school), if any
    decree: str = "{y}-{n}"  # how its decrees are numbered
    english: tuple[str, str, str] | None = None  # a bilingual country's heading: State, motto, ministry


STATES: dict[str, State] = {
    "maroc": State(
        "ROYAUME DU MAROC", "", "", "Président",
        (("Université Mohammed V de Rabat", "Rabat", "*"), ("Université Hassan II de Casablanca", "Casablanca", "*"),
         ("Université Sidi Mohamed Ben Abdellah de Fès", "Fès", "*"), ("Université Cadi Ayyad", "Marrakech", "*"),
         ("Université Ibn Tofail", "Kénitra", "*"), ("Université Abdelmalek Essaâdi", "Tétouan", "*"),
         ("Université Ibn Zohr", "Agadir", "*"), ("Université Mohammed Premier", "Oujda", "*")),
        {"sciences": ("Faculté des Sciences", "Faculté des Sciences et Techniques",
                      "École Supérieure de Technologie"),
         "ingenierie": ("École Nationale des Sciences Appliquées", "Faculté des Sciences et Techniques"),
         "gestion": ("Faculté des Sciences Juridiques, Économiques et Sociales",
                     "École Nationale de Commerce et de Gestion"),
         "droit": ("Faculté des Sciences Juridiques, Économiques et Sociales",
                   "Faculté des Sciences Juridiques et Politiques"),
         "sante": ("Institut Supérieur des Professions Infirmières et Techniques de Santé",)},
        "MAR",
        (("Vu le dahir n° 1-00-199 du 15 safar 1421 (19 mai 2000) portant promulgation de la loi n° 01-00 portant "
          "organisation de l'enseignement supérieur ;"),
         ("Vu le décret n° 2-04-89 du 18 rabii II 1425 (7 juin 2004) fixant la vocation des établissements "
          "universitaires, les cycles des études supérieures ainsi que les diplômes nationaux correspondants, tel "
          "qu'il a été modifié et complété ;")),
        ("Ministère de l'Éducation nationale, du Préscolaire et des Sports",
         "Lycée technique {de} – Classes de BTS"),
        decree="2-{yy}-{n}"),
    "algerie": State(
        "RÉPUBLIQUE ALGÉRIENNE DÉMOCRATIQUE ET POPULAIRE", "",
        "Ministère de l'Enseignement Supérieur et de la Recherche Scientifique", "Recteur",
        (("Université des Sciences et de la Technologie Houari Boumediene", "Alger", "sciences ingenierie"),
         ("Université d'Oran 1 Ahmed Ben Bella", "Oran", "*"), ("Université Frères Mentouri Constantine 1",
                                                                   "Constantine", "*"),
         ("Université Abou Bekr Belkaïd", "Tlemcen", "*"), ("Université Ferhat Abbas Sétif 1", "Sétif", "*"),
         ("Université Abderrahmane Mira", "Béjaïa", "*"), ("Université Mouloud Mammeri", "Tizi-Ouzou", "*")),
        {"sciences": ("Faculté des Sciences Exactes", "Faculté d'Informatique",
                      "Faculté des Mathématiques et de l'Informatique"),
         "ingenierie": ("Faculté de Technologie", "Faculté des Sciences de l'Ingénieur"),
         "gestion": ("Faculté des Sciences Économiques, Commerciales et des Sciences de Gestion",),
         "droit": ("Faculté de Droit et des Sciences Politiques",),
         "sante": ("Faculté de Médecine",)},
        "DZA",
        (("Vu le décret exécutif n° 08-265 du 17 Chaâbane 1429 correspondant au 19 août 2008 portant régime des "
          "études en vue de l'obtention du diplôme de licence, du diplôme de master et du diplôme de doctorat ;"),),
        ("Ministère de la Formation et de l'Enseignement Professionnels",
         "Institut National Spécialisé de Formation Professionnelle {de}"),
        decree="{yy}-{n}"),
    "tunisie": State(
        "RÉPUBLIQUE TUNISIENNE", "", "Ministère de l'Enseignement Supérieur et de la Recherche Scientifique",
        "Président",
        (("Université de Tunis El Manar", "Tunis", "*"), ("Université de Carthage", "Tunis", "*"),
         ("Université de Sfax", "Sfax", "*"), ("Université de Sousse", "Sousse", "*"),
         ("Université de Monastir", "Monastir", "*"), ("Université de Gabès", "Gabès", "*")),
        {"sciences": ("Faculté des Sciences {de}", "Institut Supérieur d'Informatique {de}"),
         "ingenierie": ("École Nationale d'Ingénieurs {de}",),
         "gestion": ("Faculté des Sciences Économiques et de Gestion {de}", "Institut Supérieur de Gestion {de}",
                     "Institut des Hautes Études Commerciales {de}"),
         "droit": ("Faculté de Droit et des Sciences Politiques {de}",),
         "sante": ("École Supérieure des Sciences et Techniques de la Santé {de}",)},
        "TUN",
        ("Vu la loi n° 2008-19 du 25 février 2008 relative à l'enseignement supérieur ;",),
        ("Ministère de l'Emploi et de la Formation Professionnelle", "Centre Sectoriel de Formation {de}"),
        decree="{y}-{n}"),
    "senegal": State(
        "RÉPUBLIQUE DU SÉNÉGAL", "Un Peuple – Un But – Une Foi",
        "Ministère de l'Enseignement supérieur, de la Recherche et de l'Innovation", "Recteur",
        (("Université Cheikh Anta Diop de Dakar", "Dakar", "*"), ("Université Gaston Berger", "Saint-Louis", "*"),
         ("Université Assane Seck", "Ziguinchor", "*"), ("Université Alioune Diop", "Bambey", "*"),
         ("Université Iba Der Thiam", "Thiès", "*")),
        {"sciences": ("Faculté des Sciences et Techniques", "UFR Sciences Appliquées et Technologie"),
         "ingenierie": ("École Supérieure Polytechnique", "UFR Sciences de l'Ingénieur"),
         "gestion": ("Faculté des Sciences Économiques et de Gestion", "UFR Sciences Économiques et Sociales"),
         "droit": ("Faculté des Sciences Juridiques et Politiques", "UFR Sciences Juridiques et Politiques"),
         "sante": ("UFR Sciences de la Santé",)},
        "SEN",
        (("Vu la loi n° 2011-05 du 30 mars 2011 relative à l'organisation du système LMD (Licence, Master, "
          "Doctorat) dans les établissements d'enseignement supérieur ;"),),
        ("Ministère de la Formation professionnelle", "Lycée technique {de}"),
        ("Ministère de la Santé et de l'Action sociale", "École Nationale de Développement Sanitaire et Social"),
        decree="{y}-{n}"),
    "mali": State(
        "RÉPUBLIQUE DU MALI", "Un Peuple – Un But – Une Foi",
        "Ministère de l'Enseignement Supérieur et de la Recherche Scientifique", "Recteur",
        (("Université des Sciences, des Techniques et des Technologies de Bamako", "Bamako",
          "sciences ingenierie sante"),
         ("Université des Sciences Sociales et de Gestion de Bamako", "Bamako", "gestion droit"),
         ("Université de Ségou", "Ségou", "*")),
        {"sciences": ("Faculté des Sciences et Techniques",),
         "ingenierie": ("Faculté des Sciences et Techniques", "Institut Universitaire de Technologie"),
         "gestion": ("Faculté des Sciences Économiques et de Gestion", "Institut Universitaire de Gestion"),
         "droit": ("Faculté des Sciences Administratives et Politiques",),
         "sante": ("Faculté de Pharmacie",)},
        "MLI", (),
        ("Ministère de l'Emploi et de la Formation Professionnelle", "Centre de Formation Professionnelle {de}"),
        ("Ministère de la Santé et du Développement Social",
         "Institut National de Formation en Sciences de la Santé"),
        decree="{yy}-{n}/P-RM"),
    "cote_ivoire": State(
        "RÉPUBLIQUE DE CÔTE D'IVOIRE", "Union – Discipline – Travail",
        "Ministère de l'Enseignement Supérieur et de la Recherche Scientifique", "Président",
        (("Université Félix Houphouët-Boigny", "Abidjan", "*"), ("Université Nangui Abrogoua", "Abidjan",
                                                                  "sciences ingenierie"),
         ("Université Alassane Ouattara", "Bouaké", "*")),
        {"sciences": ("UFR Mathématiques et Informatique",
                      "UFR Sciences des Structures de la Matière et de Technologie"),
         "ingenierie": ("UFR Sciences et Technologies", "UFR Sciences Fondamentales et Appliquées"),
         "gestion": ("UFR Sciences Économiques et de Gestion",),
         "droit": ("UFR Sciences Juridiques, Administratives et Politiques",),
         "sante": ("UFR Sciences Médicales",)},
        "CIV", (),
        ("Ministère de l'Enseignement Technique, de la Formation Professionnelle et de l'Apprentissage",
         "Lycée professionnel {de}"),
        ("Ministère de la Santé, de l'Hygiène Publique et de la Couverture Maladie Universelle",
         "Institut National de Formation des Agents de Santé"),
        decree="{y}-{n}"),
    "cameroun": State(
        "RÉPUBLIQUE DU CAMEROUN", "Paix – Travail – Patrie", "Ministère de l'Enseignement Supérieur", "Recteur",
        (("Université de Yaoundé I", "Yaoundé", "*"), ("Université de Douala", "Douala", "*"),
         ("Université de Dschang", "Dschang", "*"), ("Université de Ngaoundéré", "Ngaoundéré", "*")),
        {"sciences": ("Faculté des Sciences",),
         "ingenierie": ("École Nationale Supérieure Polytechnique", "Faculté de Génie Industriel"),
         "gestion": ("Faculté des Sciences Économiques et de Gestion",
                     "École Supérieure des Sciences Économiques et Commerciales"),
         "droit": ("Faculté des Sciences Juridiques et Politiques",),
         "sante": ("Faculté de Médecine et des Sciences Biomédicales",)},
        "CMR",
        ("Vu la loi n° 005 du 16 avril 2001 portant orientation de l'enseignement supérieur ;",
         "Vu le décret n° 93/026 du 19 janvier 1993 portant création d'universités ;"),
        ("Ministère de l'Enseignement Supérieur", "Institut Privé d'Enseignement Supérieur {de}"),
        ("Ministère de la Santé Publique", "École des Infirmiers Diplômés d'État {de}"),
        decree="{y}/{n}",
        english=("REPUBLIC OF CAMEROON", "Peace – Work – Fatherland", "Ministry of Higher Education")),
}
# the Moroccan ministry in charge of the BTS before October 2021
MOROCCO_BTS_BEFORE = ("Ministère de l'Éducation nationale, de la Formation professionnelle, de l'Enseignement "
                      "supérieur et de la Recherche scientifique")
ALGERIAN_NAMES = (("BENAÏSSA", "HAMIDI", "MEDJAHED", "BELKACEM", "ZERROUKI", "KHELIFI", "BOUZIDI"),
                  ("Rachid", "Abdelkader", "Mourad", "Nacer-Eddine", "Kamel"), ("Nadia", "Samira", "Fatiha", "Leïla"))
# the holder's country -> where its graduates studied, with weights
WHERE = {"MAR": (("maroc", 9), ("tunisie", 1)), "TUN": (("tunisie", 9), ("maroc", 1)),
         "SEN": (("senegal", 6), ("maroc", 2), ("tunisie", 1), ("algerie", 1)),
         "MLI": (("mali", 4), ("senegal", 2), ("maroc", 2), ("algerie", 1), ("tunisie", 1)),
         "CIV": (("cote_ivoire", 6), ("maroc", 2), ("tunisie", 1), ("algerie", 1)),
         "CMR": (("cameroun", 6), ("maroc", 2), ("tunisie", 1), ("senegal", 1))}
# Algerian LMD diplomas name the domain above the field
ALGERIAN_DOMAINS = {"sciences": "Mathématiques et Informatique", "ingenierie": "Sciences et Technologies",
                    "gestion": "Sciences Économiques, de Gestion et Sciences Commerciales",
                    "droit": "Droit et Sciences Politiques", "sante": "Sciences Médicales"}
CHEMISTRY_DOMAIN = "Sciences de la Matière"
MENTIONS = ("Passable", "Assez Bien", "Bien", "Très Bien")
HEADINGS = {"licence": ("DIPLÔME DE LICENCE", "DIPLÔME NATIONAL DE LICENCE", "DIPLÔME"),
            "master": ("DIPLÔME DE MASTER", "DIPLÔME NATIONAL DE MASTER", "DIPLÔME"),
            "ingenieur": ("DIPLÔME D'INGÉNIEUR", "DIPLÔME NATIONAL D'INGÉNIEUR", "DIPLÔME"),
            "bts": ("BREVET DE TECHNICIEN SUPÉRIEUR",), "infirmier": ("DIPLÔME", "DIPLÔME D'ÉTAT"),
            "autre": ("DIPLÔME",)}
TUNISIAN_DECREES = {
    "licence": ("Vu le décret n° 2008-3123 du 22 septembre 2008 fixant le cadre général du régime des études et "
                "les conditions d'obtention du diplôme national de licence dans le système « LMD » ;"),
    "master": ("Vu le décret n° 2012-1227 du 1er août 2012 fixant le cadre général du régime des études et les "
               "conditions d'obtention du diplôme national de mastère dans le système « LMD » ;")}
NATIONAL = ("tunisie", "algerie", "cameroun")  # whose diplomas say "diplôme national"
ONE_COPY = ("Il n'est délivré qu'un seul exemplaire du présent diplôme.",
            "Le présent diplôme est délivré en un seul exemplaire ; il ne peut en être délivré de duplicata.",
            "Toute rature ou surcharge annule le présent diplôme.")


def studied_in_africa(facts: DossierFacts) -> bool:
    """A French-language degree of a worker whose countrymen study in the Maghreb or in West and Central Africa."""
    return not facts.diploma.english and facts.person.country.code in WHERE


@dataclass
class Degree:
    title: str  # as printed on its own line: the truth
    kind: str  # "licence", "master", "ingenieur", "bts", "infirmier" or "autre"
    speciality: str  # "" when the title is all there is
    domain: str  # "sciences", "ingenierie", "gestion", "droit", "sante"


def _kind(title: str) -> tuple[str, str]:
    """(the kind of a French title, its speciality)."""
    low = title.lower()
    for lead, kind in (("master ", "master"), ("licence professionnelle ", "licence"), ("licence ", "licence"),
                       ("bts ", "bts")):
        if low.startswith(lead):
            return kind, title[len(lead):]
    if low.startswith("diplôme d'ingénieur"):
        return "ingenieur", title.split(" en ", 1)[1] if " en " in title else ""
    if "infirmier" in low:
        return "infirmier", ""
    return "autre", ""


def _domain(kind: str, speciality: str) -> str:
    low = speciality.lower()
    if kind == "infirmier":
        return "sante"
    if any(w in low for w in ("gestion", "management", "commerc", "économ", "comptab")):
        return "gestion"
    if "relations internationales" in low or "droit" in low:
        return "droit"
    if kind == "ingenieur" or "génie" in low or "ingénierie" in low:
        return "ingenierie"
    return "sciences"


def _english(original: str, key: str, rng: random.Random) -> tuple[str, str, str]:
    """(the French title a Maghreb or African university gives the generator's English degree, kind, speciality)."""
    cycle, specs, discipline = EN_DEGREES[original]
    spec = rng.choice(specs)
    if discipline == "ingénierie" and cycle == "licence" and rng.random() < 0.4:
        lead = {"maroc": "Diplôme d'ingénieur d'État", "tunisie": "Diplôme national d'ingénieur"}.get(
            key, "Diplôme d'ingénieur de conception")
        return f"{lead} en {spec}", "ingenieur", spec
    if cycle == "master":
        lead = {"maroc": rng.choice(("Master spécialisé", "Master")),
                "tunisie": rng.choice(("Mastère professionnel", "Mastère de recherche"))}.get(key, "Master")
        return f"{lead} en {spec}", "master", spec
    lead = {"maroc": rng.choice(("Licence fondamentale", "Licence professionnelle")),
            "tunisie": rng.choice(("Licence appliquée", "Licence fondamentale"))}.get(key, "Licence")
    return f"{lead} en {spec}", "licence", spec


def _where(facts: DossierFacts, kind: str, rng: random.Random) -> str:
    """The country the degree was awarded in: where the holder's countrymen study, among those awarding that kind."""
    awarding = [k for k, s in STATES.items() if kind != "infirmier" or s.health[0]]
    options = [(k, w) for k, w in WHERE.get(facts.person.country.code, ()) if k in awarding]
    if not options:
        return rng.choice(awarding)
    return rng.choices([k for k, _ in options], [w for _, w in options])[0]


def _degree(facts: DossierFacts, key: str, rng: random.Random) -> Degree:
    d = facts.diploma
    if d.english and d.title in EN_DEGREES:
        title, kind, spec = _english(d.title, key, rng)
    else:
        title = d.title
        kind, spec = _kind(title)
    return Degree(title, kind, spec, _domain(kind, spec))


# The people and the numbers ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Official:
    given: str
    surname: str
    female: bool

    def name(self, style: str) -> str:
        prefix = {"pr": "Pr ", "pr.": "Pr. ", "plain": "", "civ": "Mme " if self.female else "M. "}[style]
        return f"{prefix}{self.given} {self.surname}"


def _official(state: State, avoid: set[str], rng: random.Random) -> Official:
    surnames: tuple[str, ...]
    given_m: tuple[str, ...]
    given_f: tuple[str, ...]
    if state.names == "DZA":
        surnames, given_m, given_f = ALGERIAN_NAMES
    else:
        country = next(c for c in COUNTRIES if c.code == state.names)
        surnames, given_m, given_f = country.surnames, country.given_m, country.given_f
    female = rng.random() < 0.3
    surname = rng.choice([s for s in surnames if s not in avoid])
    given = rng.choice([g for g in (given_f if female else given_m) if g not in avoid])
    avoid |= {surname, given}
    return Official(given, surname, female)


def _title_of(head: str, female: bool) -> str:
    """"Président" -> "La Présidente"; "Recteur" -> "Le Recteur" (the title most rectors keep)."""
    if not female:
        return f"Le {head}"
    return {"Président": "La Présidente", "Doyen": "La Doyenne", "Directeur": "La Directrice",
            "Recteur": "Le Recteur", "Ministre": "La Ministre"}[head]


def _student_ids(key: str, person: Person, rng: random.Random) -> list[str]:
    """The student code (and identity card) a country's diploma prints beside the birth line."""
    year = rng.randint(2012, 2020)
    ids = {"maroc": [f"CNE : {rng.choice('DGJKMNRS')}{_digits(rng, 9)}"],
           "algerie": [f"Matricule : {year}{_digits(rng, 8)}"],
           "tunisie": [f"N° d'inscription : {_digits(rng, 9)}"],
           "senegal": [f"N° carte d'étudiant : {year}{_digits(rng, 5)}"],
           "mali": [f"Matricule : {_digits(rng, 2)}-{rng.choice('SUEG')}-{_digits(rng, 5)}"],
           "cote_ivoire": [f"N° carte d'étudiant : CI{_digits(rng, 10)}"],
           "cameroun": [f"Matricule : {year % 100:02d}{rng.choice('TVWY')}{_digits(rng, 4)}"]}[key]
    home = {"maroc": "MAR", "tunisie": "TUN"}.get(key)
    if person.country.code == home:
        ids.append(f"CIN : {rng.choice(('AB', 'BE', 'BK', 'JA', 'CD'))}{rng.randint(100000, 999999)}" if key == "maroc"
                   else f"CIN n° {_digits(rng, 8)}")
    return ids


def _register(key: str, issued: dt.date, rng: random.Random) -> tuple[str, str]:
    label = rng.choice(("N° d'enregistrement", "N° du diplôme", "Enregistré sous le n°", "N°"))
    yy = issued.year % 100
    number = rng.choice((f"{rng.randint(100, 99999)}/{yy:02d}", f"{issued.year}/{rng.randint(10000, 99999)}",
                         _digits(rng, 7), f"{rng.choice(('D', 'FS', 'UN', 'SC'))}-{issued.year}-{_digits(rng, 5)}"))
    return label, number


# The dates ------------------------------------------------------------------------------------------------------

def _issued(facts: DossierFacts, rng: random.Random) -> dt.date:
    """The day the diploma was made out: weeks or months after the jury, before the dossier was sent."""
    award = facts.diploma.award_date
    room = max(1, (facts.reference_date - award).days - 2)
    return award + dt.timedelta(days=rng.randint(min(room, 25), min(room, 420)))


def _older(award: dt.date, years: tuple[int, int], rng: random.Random) -> dt.date:
    """A day some years before the award (an accreditation, a decree)."""
    return award - dt.timedelta(days=rng.randint(365 * years[0] + 20, 365 * years[1]))


# The page's text -----------------------------------------------------------------------------------------------

@dataclass
class Grant:
    key: str
    state: State
    degree: Degree
    person: Person
    given: str
    university: str
    town: str
    faculty: str
    award: dt.date
    issued: dt.date
    long: bool  # the date style

    def say(self, d: dt.date) -> str:
        return date_long(d) if self.long else date_slash(d)

    @property
    def ministerial(self) -> bool:  # a BTS or a nurse's diploma: the ministry delivers it, not a university
        return self.degree.kind in ("bts", "infirmier")

    @property
    def ministry(self) -> str:
        if self.degree.kind == "bts":
            if self.key == "maroc" and self.award < dt.date(2021, 10, 7):
                return MOROCCO_BTS_BEFORE
            return self.state.vocational[0]
        if self.degree.kind == "infirmier":
            return self.state.health[0]
        if self.key == "maroc":
            return [name for since, name in MOROCCO_MINISTRIES if since <= self.award][-1]
        return self.state.ministry


def _month_of(d: dt.date) -> str:
    """"de juin 2024", "d'août 2024"."""
    month = MONTHS_FR[d.month - 1]
    return f"d'{month} {d.year}" if month[0] in "aeiou" else f"de {month} {d.year}"


def _decree_number(state: State, when: dt.date, rng: random.Random) -> str:
    return state.decree.format(y=when.year, yy=f"{when.year % 100:02d}", n=rng.randint(12, 980))


def _recitals(g: Grant, jury_recital: bool, rng: random.Random) -> list[str]:
    """The "Vu …" lines: the laws, a founding decree, the programme's accreditation, the jury's minutes."""
    out: list[str] = []
    if g.ministerial:
        founded = _older(g.award, (6, 30), rng)
        exam = ("de l'examen du Brevet de Technicien Supérieur" if g.degree.kind == "bts"
                else "des études conduisant au Diplôme d'État d'infirmier")
        out.append(f"Vu le décret n° {_decree_number(g.state, founded, rng)} du {g.say(founded)} portant "
                   f"organisation {exam} ;")
        if jury_recital:
            out.append(f"Vu le procès-verbal du jury de l'examen, session {_month_of(g.award)}, en date du "
                       f"{g.say(g.award)} ;")
        return out
    laws = list(g.state.laws)
    if g.key == "tunisie" and g.degree.kind in ("licence", "master"):
        laws.append(TUNISIAN_DECREES[g.degree.kind])
    if g.key == "algerie" and g.degree.kind == "ingenieur":
        laws = []
    out += laws[:rng.randint(1, max(1, len(laws)))] if laws else []
    if not laws or rng.random() < 0.5:
        founded = _older(g.award, (12, 50), rng)
        out.append(f"Vu le décret n° {_decree_number(g.state, founded, rng)} du {g.say(founded)} portant création "
                   f"de l'{g.university} ;")
    if rng.random() < 0.7:
        accredited = _older(g.award, (1, 5), rng)
        cycle = {"ingenieur": "ingénieur"}.get(g.degree.kind, g.degree.kind)
        what = rng.choice(("portant habilitation de la formation", "portant accréditation de la filière",
                           f"fixant la liste des formations de {cycle} habilitées à l'{g.university}"))
        out.append(f"Vu l'arrêté n° {rng.randint(100, 2999)} du {g.say(accredited)} {what} ;")
    if jury_recital:
        day = g.say(g.award)
        out.append(rng.choice((f"Vu le procès-verbal des délibérations du jury en date du {day} ;",
                               f"Vu le procès-verbal de délibération du jury du {day} ;",
                               f"Vu la délibération du jury en date du {day} ;",
                               f"Vu le procès-verbal de la commission de délibération réunie le {day} ;")))
    return out


def _holder(g: Grant, rng: random.Random) -> str:
    civility = rng.choice((g.person.civility, g.person.civility_long,
                           "Mr" if g.person.sex == "M" else "Mme", ""))
    name = rng.choice((f"{g.given} {g.person.surname}", f"{g.person.surname} {g.given}",
                       f"{g.person.surname} {g.given.upper()}"))
    return f"{civility} {name}".strip()


def _born(g: Grant, rng: random.Random) -> str:
    p = g.person
    country = SHORT_COUNTRY.get(p.country.code, p.country.name_fr)
    text = f"{_agree('né', p, rng.choice(('agree', 'neutral')))} le {g.say(p.birth_date)} à {p.birth_city.title()}"
    text += f" ({country})" if rng.random() < 0.8 else ""
    home = {"maroc": "MAR", "tunisie": "TUN", "senegal": "SEN", "mali": "MLI", "cote_ivoire": "CIV",
            "cameroun": "CMR"}.get(g.key)
    if p.country.code != home and rng.random() < 0.7:
        text += f", de nationalité {p.country.demonym_fr[1]}"
    ids = _student_ids(g.key, p, rng)
    if rng.random() < 0.75:
        text += ", " + ", ".join(ids[:rng.randint(1, len(ids))])
    return text


def _speciality_rows(g: Grant, rng: random.Random) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    if g.key == "algerie" and g.degree.kind in ("licence", "master"):
        domain = ALGERIAN_DOMAINS[g.degree.domain]
        if "chimie" in g.degree.speciality.lower():
            domain = CHEMISTRY_DOMAIN
        rows.append(("Domaine", domain))
    if g.degree.speciality and rng.random() < 0.65:
        rows.append((rng.choice(("Spécialité", "Filière", "Option", "Parcours")), _cap(g.degree.speciality)))
    return rows


def _result_rows(g: Grant, jury_recital: bool, rng: random.Random) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    if g.degree.kind != "infirmier" or rng.random() < 0.4:
        rows.append(("Mention", rng.choice(MENTIONS)))
    if rng.random() < 0.3:
        rows.append(("Moyenne générale", f"{rng.randint(10, 17)},{rng.randint(0, 99):02d}/20"))
    year = g.award.year
    if g.ministerial:
        rows.append(("Session", f"{_cap(MONTHS_FR[g.award.month - 1])} {year}"))
    else:
        session = rng.choice(("principale", "normale", "ordinaire") + (("de rattrapage",) if g.award.month in (7, 9, 10)
                                                                       else ()))
        rows.append(rng.choice((("Session", f"{session} {year}"), ("Année universitaire", f"{year - 1}/{year}"),
                                ("Année universitaire", f"{year - 1}-{year}"))))
    if not jury_recital:
        rows.append((rng.choice(("Date de délibération", "Délibération du jury", "Date du jury",
                                 "Date de la délibération")), g.say(g.award)))
    return rows


def _lead(title: str) -> str:
    """"le diplôme de" — but "le Diplôme d'ingénieur …" and "le BTS …", not "le diplôme de Diplôme …"."""
    return "le" if title.lower().startswith(("diplôme", "bts")) else "le diplôme de"


def _grantor(g: Grant, dean: Official, head: Official, we: bool) -> tuple[str, tuple[str, str]]:
    """(the grantor's opening line, the signatures' captions: left the faculty's head, right the grantor)."""
    school = g.faculty.split()[0]
    dean_head = "Doyen" if school in ("Faculté", "UFR") else "Directeur"
    where = f"de l'{g.faculty}" if school[0] in "ÉEIUA" else f"de la {g.faculty}"
    left = f"{_title_of(dean_head, dean.female)} {where}" if not g.ministerial else (
        f"{_title_of('Directeur', dean.female)} de l'établissement")
    if g.ministerial:
        minister = g.ministry.replace("Ministère", "Ministre", 1)
        article = "La" if head.female else "Le"
        return f"{article} {minister},", (left, f"P/{article} {minister} et par délégation")
    title = _title_of(g.state.head, head.female)
    if we:
        return f"Nous, {g.state.head} de l'{g.university},", (left, f"{title} de l'Université")
    return f"{title} de l'{g.university},", (left, f"{title} de l'Université")


def _blocks(g: Grant, dean: Official, head: Official, rng: random.Random) -> tuple[list[Block], tuple[str, str]]:
    we = g.key in ("cameroun", "senegal", "mali", "cote_ivoire") and not g.ministerial and rng.random() < 0.5
    jury_recital = rng.random() < 0.75
    opening, captions = _grantor(g, dean, head, we)
    verbs = ("Délivrons", "Conférons", "Décernons") if we else ("délivre", "décerne", "confère")
    verb = rng.choice(verbs)
    recitals = _recitals(g, jury_recital, rng)
    heading = rng.choice([h for h in HEADINGS[g.degree.kind] if "NATIONAL" not in h or g.key in NATIONAL])
    if g.key == "tunisie" and heading == "DIPLÔME NATIONAL DE MASTER":
        heading = "DIPLÔME NATIONAL DE MASTÈRE"
    blocks: list[Block] = [("heading", heading), ("para", opening),
                           ("recitals", recitals, rng.choice(("block", "lines", "lines")))]
    title = g.degree.title.upper() if rng.random() < 0.2 else g.degree.title
    holder, born = _holder(g, rng), _born(g, rng)
    specs, results = _speciality_rows(g, rng), _result_rows(g, jury_recital, rng)
    if rng.random() < 0.7:  # the holder first
        blocks += [("para", f"{verb} à" if rng.random() < 0.6 else f"{verb} à :"), ("name", holder), ("para", born),
                   ("para", _lead(g.degree.title)), ("title", title)]
        if specs:
            blocks.append(("pairs", specs))
        blocks.append(("pairs", results))
    else:  # the degree first, then "à" the holder
        blocks += [("para", f"{verb} {_lead(g.degree.title)}"), ("title", title)]
        if specs:
            blocks.append(("pairs", specs))
        blocks += [("para", "à"), ("name", holder), ("para", born), ("pairs", results)]
    if rng.random() < 0.6:
        blocks.append(("para", rng.choice(("pour en jouir avec les droits et prérogatives qui y sont attachés.",
                                           "avec tous les droits et prérogatives qui s'y rattachent.",
                                           "pour servir et valoir ce que de droit."))))
    town = g.town if not g.ministerial or g.key != "maroc" else "Rabat"
    blocks.append(("place", rng.choice((f"Fait à {town}, le {g.say(g.issued)}", f"{town}, le {g.say(g.issued)}"))))
    return blocks, captions


# Drawing --------------------------------------------------------------------------------------------------------

def _emblem(sheet: Sheet, cx: float, cy: float, r: float, key: str, ink: Color, background: Color) -> None:
    """The State's emblem as drawn on its diplomas: a pentagram, a crescent and star, a star in a ring."""
    sheet.add(Box(cx - r, cy - r, 2 * r, 2 * r, stroke=ink, width=0.5, radius=r),
              Box(cx - r + 1.2, cy - r + 1.2, 2 * r - 2.4, 2 * r - 2.4, stroke=ink, width=0.2, radius=r - 1.2))
    if key in ("algerie", "tunisie"):
        c = r * 0.55
        sheet.add(Ellipse(cx - c, cy - c, 2 * c, 2 * c, fill=ink),
                  Ellipse(cx - c * 0.6, cy - c * 0.85, 1.7 * c, 1.7 * c, fill=background))
        _star(sheet, cx + c * 0.45, cy, c * 0.45, ink)
    else:
        _star(sheet, cx, cy, r * 0.62, ink)


def _star(sheet: Sheet, cx: float, cy: float, r: float, ink: Color) -> None:
    """A five-pointed star drawn in one stroke, every second point joined."""
    pts = [(cx + r * math.sin(2 * math.pi * i / 5), cy - r * math.cos(2 * math.pi * i / 5)) for i in range(5)]
    for i in range(5):
        a, b = pts[i], pts[(i + 2) % 5]
        sheet.add(Rule(a[0], a[1], b[0], b[1], 0.45, ink))


def _seal(sheet: Sheet, cx: float, cy: float, g: Grant, font: FontKey, ink: Color) -> None:
    top = g.state.header.split(" DÉMOCRATIQUE")[0].replace("RÉPUBLIQUE ", "RÉP. ")
    mono = _monogram(g.university if not g.ministerial else g.ministry)
    """The round seal: two rings, the State at the top, the university's (ministry's) initials, who seals."""
    sheet.add(Box(cx - 13, cy - 13, 26, 26, stroke=ink, width=0.55, radius=13),
              Box(cx - 10, cy - 10, 20, 20, stroke=ink, width=0.2, radius=10),
              Text(cx, cy - 10.6, top, _fit(top, bold(font), 4, 19, 2.6), bold(font), ink, "center"),
              Text(cx, cy + 1.5, mono, _fit(mono, bold(font), 7.5, 16, 4), bold(font), ink, "center"),
              Text(cx, cy + 6, "LE MINISTRE" if g.ministerial else "LE RECTORAT" if g.state.head == "Recteur"
                   else "LA PRÉSIDENCE", 3.3, font, ink, "center"),
              Text(cx, cy + 11.8, "* * *", 3.6, font, ink, "center"))


def _header(sheet: Sheet, g: Grant, font: FontKey, ink: Color, left: float, right: float, top: float,
            split: bool, register: tuple[str, str] | None, background: Color) -> float:
    """The State, motto, ministry, university and faculty; returns the y under them."""
    lines: list[tuple[str, float, FontKey, Color]] = [(g.state.header, 11, bold(font), (0, 0, 0))]
    if g.state.motto:
        lines.append((g.state.motto, 8, FontKey(font.family, italic=True), GREY))
    lines.append((g.ministry, 8.5, font, (0, 0, 0)))
    if not g.ministerial:
        lines.append((g.university.upper(), 10, bold(font), ink))
    lines.append((g.faculty, 9, font, ink))
    width = right - left
    if split:
        column = width * (0.4 if sheet.width > sheet.height else 0.42)
        x = left + column / 2
        y = _stack(sheet, lines, x, top, column, "center")
        if g.state.english:
            state, motto, ministry = g.state.english
            english = [(state, 11, bold(font), (0, 0, 0)), (motto, 8, FontKey(font.family, italic=True), GREY),
                       (ministry, 8.5, font, (0, 0, 0))]
            if not g.ministerial:
                english.append((g.university.replace("Université de", "University of").upper(), 10, bold(font), ink))
            y = max(y, _stack(sheet, english, right - column / 2, top, column, "center"))
        elif register:
            sheet.add(Text(right, top + 3, f"{register[0]} : {register[1]}".replace("n° :", "n°"), 9, font,
                           align="right"))
        _emblem(sheet, left + width / 2, top + 9, 9, g.key, ink, background)
        return y + 4
    _emblem(sheet, left + width / 2, top + 8, 8, g.key, ink, background)
    y = _stack(sheet, lines, left + width / 2, top + 21, width * 0.85, "center")
    if register:
        sheet.add(Text(right, top + 3, f"{register[0]} : {register[1]}".replace("n° :", "n°"), 8.5, font,
                       align="right"))
    return y + 3


def _stack(sheet: Sheet, lines: list[tuple[str, float, FontKey, Color]], x: float, y: float, width: float,
           align: str) -> float:
    for text, size, face, color in lines:
        size = _fit(text, face, size, width, 6.5)
        for line in wrap(text, face, size, width):  # wrapped only when even the smallest size is too wide
            sheet.add(Text(x, y + size * 0.3528, line, size, face, color, align))  # type: ignore[arg-type]
            y += size * 0.3528 * 1.55
    return y


def _render(cur: _Cursor, blocks: list[Block], ink: Color, align: str, rows: str, spread: float) -> None:
    """The blocks down the page; `align` the long paragraphs', `rows` "joined" on one line or "lines", `spread` mm
    more after each block."""
    own_lines = {"heading": (17.0, ink, 2.0), "name": (15.0, (0, 0, 0), 0.0), "title": (15.5, ink, 0.8)}
    for kind, *args in blocks:
        cur.y += spread
        if kind in own_lines:  # alone on its line, shrunk rather than wrapped
            size, color, space = own_lines[kind]
            cur.y += space * cur.scale
            cur.own_line(args[0], size, bold(cur.font), "center", color)
            cur.y += space * cur.scale
        elif kind == "para":
            cur.text(args[0], 10.5, align="center" if len(args[0]) < 40 else align, gap=1.0)
        elif kind == "recitals":
            recitals, mode = args
            if mode == "block":
                cur.text(" ".join(recitals), 8.5, color=GREY, gap=1.5)
            else:
                for line in recitals:
                    cur.text(line, 8.5, color=GREY, gap=0.4, indent=6)
                cur.y += 1.2
        elif kind == "pairs":
            pairs = [f"{label} : {value}" for label, value in args[0]]
            for text in ["   –   ".join(pairs)] if rows == "joined" else pairs:
                cur.text(text, 10, align="center", gap=1.0 if rows == "joined" else 0.4)
            cur.y += 0.6
        elif kind == "place":
            cur.y += 1.5
            cur.text(args[0], 10.5, align="center", gap=1.0)


def _signatures(sheet: Sheet, g: Grant, captions: tuple[str, str], people: tuple[Official, Official], y: float,
                left: float, right: float, font: FontKey, ink: Color, seal_ink: Color, holder: bool,
                rng: random.Random) -> float:
    """The two (three) signatures across the foot, with the names under them and the seal; returns the y under."""
    width = right - left
    xs = (left + width * 0.2, left + width * 0.8)
    style = rng.choice(("plain", "civ") if g.ministerial else ("pr", "pr.", "plain", "civ"))
    bottom = y
    for x, caption, person in zip(xs, captions, people):
        yy = y
        for line in wrap(caption, font, 8.5, width * 0.36):
            sheet.add(Text(x, yy, line, 8.5, font, align="center"))
            yy += 3.6
        _scribble(sheet, x - 12, yy + 8, rng.uniform(20, 28), (25, 30, 95), rng)
        sheet.add(Text(x, yy + 15, person.name(style), 8.5, bold(font), align="center"))
        bottom = max(bottom, yy + 15)
        if x == xs[1]:  # the round seal over the grantor's signature, under its caption
            _seal(sheet, x - rng.uniform(16, 24), yy + rng.uniform(11, 13), g, font, seal_ink)
    if holder:
        sheet.add(Text(left + width / 2, y, rng.choice(("Le titulaire", "Signature du titulaire", "L'intéressé(e)")),
                       8.5, font, align="center"))
    return bottom + 6


def diplome_maghreb(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    kind = "licence" if d.english else _kind(d.title)[0]
    key = _where(facts, kind, rng)
    state = STATES[key]
    degree = _degree(facts, key, rng)
    if degree.kind in ("bts", "infirmier"):
        school = state.vocational[1] if degree.kind == "bts" else state.health[1]
        # a school named after its town is in one of the university towns; the national schools, in the capital
        town = rng.choice([t for _, t, _ in state.universities]) if "{de}" in school else state.universities[0][1]
        university, faculty = "", school
    else:
        fitting = [u for u in state.universities if u[2] == "*" or degree.domain in u[2].split()]
        university, town, _ = rng.choice(fitting or state.universities)
        faculty = rng.choice(state.faculties[degree.domain])
    g = Grant(key, state, degree, person, d.given_names, university, town, faculty.format(de=_of(town)),
              d.award_date, _issued(facts, rng), rng.random() < 0.55)
    avoid = {person.surname, d.given_names}  # the two officials bear other names than the holder's and each other's
    dean, head = _official(state, avoid, rng), _official(state, avoid, rng)
    blocks, captions = _blocks(g, dean, head, rng)
    register = _register(key, g.issued, rng)
    family = rng.choice(("serif", "lserif", "lserif", "sans", "lsans"))
    if person.country.code == "VNM":  # Liberation has no Vietnamese letters
        family = "serif" if "serif" in family else "sans"
    font = FontKey(family)
    ink, seal_ink = rng.choice(INKS), rng.choice(SEAL_INKS)
    landscape = rng.random() < 0.5
    w, h = LANDSCAPE if landscape else PORTRAIT
    framed = landscape or rng.random() < 0.6
    background = rng.choice(PARCHMENTS) if framed and rng.random() < 0.8 else (255, 255, 255)
    split = landscape or state.english is not None or rng.random() < 0.3
    register_top = rng.random() < 0.35
    holder_signs = rng.random() < 0.35
    align, rows = rng.choice(("center", "center", "left")), rng.choice(("joined", "lines"))
    one_copy = rng.choice(ONE_COPY) if rng.random() < 0.5 else ""
    margin = 24.0 if framed else 20.0
    left, right = (margin + 14, w - margin - 14) if landscape else (margin, w - margin)
    sheet = Sheet(w, h, background)
    if framed:
        sheet.add(Box(8, 8, w - 16, h - 16, stroke=ink, width=1.3), Box(11.5, 11.5, w - 23, h - 23, stroke=ink,
                                                                         width=0.35))
        for cx, cy in ((11.5, 11.5), (w - 11.5, 11.5), (11.5, h - 11.5), (w - 11.5, h - 11.5)):
            sheet.add(Box(cx - 2, cy - 2, 4, 4, fill=ink, stroke=None))
    top = _header(sheet, g, font, ink, margin, w - margin, margin - (4 if framed else 6), split,
                  register if register_top else None, background)
    mark, start = len(sheet.elements), rng.getstate()
    foot = h - (margin if framed else 14)
    signs = foot - (42 if one_copy else 36)  # where the signatures start at the latest

    def lay(scale: float, spread: float) -> tuple[float, bool]:
        """The text at `scale`, `spread` mm more after each block, and the signatures: (the text's end, fits)."""
        rng.setstate(start)
        del sheet.elements[mark:]
        cur = _Cursor(sheet, font, left, right, top + spread, scale)
        _render(cur, blocks, ink, align, rows, spread)
        bottom = _signatures(sheet, g, captions, (dean, head), max(cur.y + 6, signs), left, right, font, ink,
                             seal_ink, holder_signs, rng)
        return cur.y, bottom <= foot - (7 if one_copy else 2)

    for scale in ((1.0,) if landscape else (1.15, 1.08, 1.0)) + (0.94, 0.88, 0.82, 0.76, 0.7, 0.64, 0.58):
        end, fits = lay(scale, 0.0)
        if fits:
            break
    if signs - 6 - end > 12:  # a portrait page's text spread down to the signatures
        lay(scale, min((signs - 6 - end) / (len(blocks) + 2), 6.0))
    if not register_top:
        sheet.add(Text(left, foot + 1, f"{register[0]} : {register[1]}".replace("n° :", "n°"), 8, font, GREY))
    if one_copy:
        sheet.add(Text((left + right) / 2, foot - 3.5, one_copy, 7, FontKey(font.family, italic=True), GREY,
                       "center"))
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": degree.title, "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:diplome_maghreb", fields, sheets=[sheet])
