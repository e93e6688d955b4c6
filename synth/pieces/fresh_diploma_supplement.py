"""Fresh diploma family `supplement_diplome` (ninth wave): the "Supplément au diplôme" (Diploma
Supplement) a French university or school issues with a licence, a master, an engineering degree, a
BTS or a diplôme d'État, on the European model of the Commission, the Council of Europe and UNESCO —
two or three A4 pages. Page one opens on the establishment's logo and name, the heading
"SUPPLÉMENT AU DIPLÔME" (now and then "Annexe descriptive au diplôme", or with "Diploma Supplement"
under it) and the model's standard paragraph in small italics; then the eight numbered parts in the
European order, each item numbered and labelled as the model words it ("1.1 Nom(s) patronymique(s)",
"2.1 Intitulé du diplôme et (si applicable) titre conféré (dans la langue originale)", "3.2 Durée
officielle du programme d'études"…), sometimes with the English label under the French one. The items
are laid out in one of three manners: the label on its line and the values indented under it, the
label and its values in two unruled columns, or a ruled grid with the labels in shaded cells. Part 4
holds the teaching units of the last year(s) in a table (semester, unit, ECTS credits, mark out of
20, sometimes a code and the ECTS letter grade), the grading system and the overall result; part 7
the certification — its date, the signature, "Le Président de l'université" or the school's head
(or a delegate), and the round seal; part 8, on a page of its own or not, a block of prose on the
French higher-education system, at times with a diagram of its degrees. Every page carries a running
header (the establishment and "Supplément au diplôme") and a footer with the holder's name or student
number and "page x/y".

The holder is printed in 1.1 (surname) and 1.2 (given names); the title on its own line (or in its
cell) under or beside 2.1; the date the degree was obtained under one label ("Date d'obtention du
diplôme", "Date de délibération du jury", "Diplôme obtenu le") in 2.1, under the units' table, in 4.5
or in 6.1. Printed too, as a real supplement prints them: the date of birth, the student number and
INE, the official length and ECTS totals, the academic years of study and of the award, the level
("niveau 7"), the RNCP number, the certification date in 7.1 (later than the award), the president
or director who signs and the head of the programme. Drawn for French degrees; with nothing else
allowed, a foreign university's degree is printed the same way."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash
from synth.fonts import FontKey
from synth.layout import A4, Box, Color, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_diploma_band import _fit, _monogram, _status
from synth.pieces.fresh_diploma_jury import (
    RANKS_F,
    RANKS_M,
    SHORT_COUNTRY,
    STAFF_F,
    STAFF_M,
    _agree,
)
from synth.pieces.fresh_diploma_numerique import HEADS, _issued, _slug, _standing
from synth.pieces.fresh_diploma_releve import _credits, _mark, _mention, _units_for
from synth.pieces.fresh_diploma_titre_pro import _scribble

BLACK: Color = (0, 0, 0)
GREY: Color = (88, 88, 92)
SHADE: Color = (236, 238, 242)
INKS: tuple[Color, ...] = ((0, 63, 125), (120, 24, 52), (0, 96, 88), (60, 60, 68), (26, 82, 150))
LEFT, RIGHT = 20.0, A4[0] - 20.0
TOP, BOTTOM = 24.0, A4[1] - 20.0
LEADING = 0.3528 * 1.38  # mm per point of a line

# (the French label, its English in the model) of each part and item, the French in one or two wordings
PARTS = {
    1: (("INFORMATIONS SUR LE TITULAIRE DU DIPLÔME",), "INFORMATION IDENTIFYING THE HOLDER OF THE QUALIFICATION"),
    2: (("INFORMATIONS SUR LE DIPLÔME", "INFORMATIONS SUR LA QUALIFICATION"),
        "INFORMATION IDENTIFYING THE QUALIFICATION"),
    3: (("INFORMATIONS SUR LE NIVEAU DU DIPLÔME", "INFORMATIONS SUR LE NIVEAU ET LA DURÉE DU DIPLÔME"),
        "INFORMATION ON THE LEVEL AND DURATION OF THE QUALIFICATION"),
    4: (("INFORMATIONS SUR LE CONTENU ET LES RÉSULTATS OBTENUS",),
        "INFORMATION ON THE PROGRAMME COMPLETED AND THE RESULTS OBTAINED"),
    5: (("INFORMATIONS SUR LA FONCTION DU DIPLÔME",), "INFORMATION ON THE FUNCTION OF THE QUALIFICATION"),
    6: (("INFORMATIONS COMPLÉMENTAIRES",), "ADDITIONAL INFORMATION"),
    7: (("CERTIFICATION DU SUPPLÉMENT",), "CERTIFICATION OF THE SUPPLEMENT"),
    8: (("INFORMATIONS SUR LE SYSTÈME NATIONAL D'ENSEIGNEMENT SUPÉRIEUR",
         "INFORMATIONS SUR LE SYSTÈME D'ENSEIGNEMENT SUPÉRIEUR FRANÇAIS"),
        "INFORMATION ON THE NATIONAL HIGHER EDUCATION SYSTEM"),
}
ITEMS = {
    "1.1": (("Nom(s) patronymique(s)", "Nom(s) de famille"), "Family name(s)"),
    "1.2": (("Prénom(s)",), "Given name(s)"),
    "1.3": (("Date de naissance (jour/mois/année)", "Date et lieu de naissance"), "Date of birth (day/month/year)"),
    "1.4": (("Numéro ou code d'identification de l'étudiant (si disponible)",
             "Numéro d'identification de l'étudiant"), "Student identification number or code"),
    "2.1": (("Intitulé du diplôme et (si applicable) titre conféré (dans la langue originale)",
             "Intitulé du diplôme et titre conféré"), "Name of qualification and (if applicable) title conferred"),
    "2.2": (("Principal(aux) domaine(s) d'étude couvert(s) par le diplôme", "Principaux domaines d'étude"),
            "Main field(s) of study for the qualification"),
    "2.3": (("Nom et statut de l'établissement ayant délivré le diplôme (dans la langue originale)",
             "Nom et statut de l'établissement ayant délivré le diplôme"),
            "Name and status of awarding institution"),
    "2.4": (("Nom et statut de l'établissement (si différent de 2.3) dispensant les cours",
             "Établissement dispensant la formation (si différent de 2.3)"),
            "Name and status of institution administering studies"),
    "2.5": (("Langue(s) utilisée(s) pour l'enseignement et les examens", "Langue(s) d'enseignement et d'examen"),
            "Language(s) of instruction/examination"),
    "3.1": (("Niveau du diplôme", "Niveau de la qualification"), "Level of the qualification"),
    "3.2": (("Durée officielle du programme d'études", "Durée officielle du programme en crédits et en années"),
            "Official duration of programme"),
    "3.3": (("Conditions d'accès",), "Access requirement(s)"),
    "4.1": (("Organisation des études", "Mode d'étude"), "Mode of study"),
    "4.2": (("Exigences du programme", "Résultats d'apprentissage du programme"), "Programme learning outcomes"),
    "4.3": (("Précisions sur le programme, crédits obtenus et notes",
             "Précisions sur le programme (modules ou unités étudiés) et sur les crédits obtenus"),
            "Programme details, individual credits gained and grades obtained"),
    "4.4": (("Système de notation et, si disponible, guide de distribution des notes", "Système de notation"),
            "Grading system and grade distribution guidance"),
    "4.5": (("Classification générale du diplôme (dans la langue originale)", "Classification générale du diplôme"),
            "Overall classification of the qualification"),
    "5.1": (("Accès à un niveau d'études supérieur", "Accès à des études ultérieures"), "Access to further study"),
    "5.2": (("Statut professionnel (si applicable)", "Accès à une profession réglementée (le cas échéant)"),
            "Access to a regulated profession (if applicable)"),
    "6.1": (("Informations complémentaires",), "Additional information"),
    "6.2": (("Autres sources d'information",), "Further information sources"),
    "7.1": (("Date",), "Date"),
    "7.2": (("Signature",), "Signature"),
    "7.3": (("Fonction", "Qualité du signataire"), "Capacity"),
    "7.4": (("Tampon ou cachet officiel",), "Official stamp or seal"),
}
PREAMBLES = (
    ("Le présent supplément au diplôme suit le modèle élaboré par la Commission européenne, le Conseil de l'Europe et "
     "l'UNESCO/CEPES. Le supplément vise à fournir des données indépendantes et suffisantes pour améliorer la "
     "« transparence » internationale et la reconnaissance académique et professionnelle équitable des "
     "qualifications (diplômes, acquis universitaires, certificats, etc.). Il décrit la nature, le niveau, le "
     "contexte, le contenu et le statut des études accomplies avec succès par la personne désignée par la "
     "qualification originale à laquelle ce présent supplément est annexé. Il doit être dépourvu de tout jugement "
     "de valeur, déclaration d'équivalence ou suggestion de reconnaissance. Toutes les informations requises par les "
     "huit parties doivent être fournies. Lorsqu'une information fait défaut, une explication doit être donnée."),
    ("Ce supplément au diplôme suit le modèle mis au point par la Commission européenne, le Conseil de l'Europe et "
     "l'UNESCO. Il a pour objet de fournir des informations indépendantes permettant d'améliorer la transparence "
     "internationale et la reconnaissance équitable, académique et professionnelle, des qualifications. Il décrit "
     "la nature, le niveau, le contexte, le contenu et le statut des études suivies et achevées avec succès par le "
     "titulaire du diplôme auquel il est annexé, sans jugement de valeur, déclaration d'équivalence ni suggestion "
     "de reconnaissance."),
)
# by a word of the degree's name (the first match wins, the last is the fallback): the domain, the fields of study,
# what the programme teaches, and the units of the year before the last (a master's first year)
DOMAINS: tuple[tuple[tuple[str, ...], str, str, str, tuple[str, ...]], ...] = (
    (("informatique", "systèmes"), "Sciences, technologies, santé", "Informatique, réseaux, ingénierie des systèmes",
     ("Concevoir, développer et déployer des systèmes informatiques complexes ; mettre en œuvre les méthodes du "
      "génie logiciel et de l'architecture des réseaux ; conduire un projet technique en équipe ; communiquer en "
      "anglais dans un contexte professionnel."),
     ("Mathématiques pour l'ingénieur", "Programmation orientée objet", "Systèmes d'exploitation",
      "Modélisation et simulation", "Recherche opérationnelle", "Anglais", "Gestion de projet", "Projet de groupe")),
    (("gestion", "comptabilité", "économie", "management"), "Droit, économie, gestion",
     "Sciences de gestion, économie de l'entreprise",
     ("Analyser la situation économique et financière d'une organisation ; concevoir et piloter des outils de "
      "gestion ; appliquer le cadre juridique et fiscal de l'entreprise ; conduire un projet et travailler en "
      "équipe ; communiquer en anglais des affaires."),
     ("Économie managériale", "Comptabilité de gestion", "Statistiques appliquées", "Droit du travail",
      "Gestion des ressources humaines", "Anglais", "Communication professionnelle", "Projet tutoré")),
    (("chimie",), "Sciences, technologies, santé", "Chimie, sciences analytiques",
     ("Mettre en œuvre les techniques d'analyse instrumentale ; développer et valider une méthode analytique selon "
      "les référentiels qualité ; exploiter statistiquement des résultats de mesure ; conduire un projet de "
      "recherche en laboratoire."),
     ("Chimie organique", "Chimie physique", "Électrochimie", "Méthodes séparatives", "Thermodynamique",
      "Anglais scientifique", "Sécurité au laboratoire", "Projet bibliographique")),
    (("infirmier",), "Santé", "Sciences infirmières, soins",
     ("Évaluer une situation clinique et établir un diagnostic dans le domaine infirmier ; concevoir et conduire un "
      "projet de soins ; mettre en œuvre des actions à visée diagnostique et thérapeutique ; organiser et "
      "coordonner les interventions soignantes."),
     ("Sciences humaines", "Biologie fondamentale", "Soins de confort", "Législation et éthique", "Santé publique",
      "Anglais", "Raisonnement clinique", "Stage")),
    ((), "Sciences humaines et sociales", "Enseignements pluridisciplinaires",
     ("Maîtriser les savoirs fondamentaux de la discipline ; mobiliser des méthodes d'analyse ; conduire un projet ; "
      "communiquer à l'écrit et à l'oral en français et en anglais."),
     ("Méthodologie", "Enseignements fondamentaux", "Outils numériques", "Statistiques", "Langue vivante",
      "Ouverture", "Projet personnel", "Projet tutoré")),
)
BTS_UNITS = ("U1 Culture générale et expression", "U2 Langue vivante étrangère : anglais",
             "U3 Mathématiques appliquées",
             "U4 Culture économique, juridique et managériale", "U5 Traitement des opérations comptables et fiscales",
             "U6 Contrôle de gestion et analyse financière", "U7 Fiabilisation de l'information comptable")


@dataclass(frozen=True)
class Programme:
    years: str  # 3.2
    access: str  # 3.3
    further: str  # 5.1
    cycle: str  # the cycle named beside the level in 3.1
    eqf: int
    blocks: tuple[tuple[str, int], ...]  # (the year's name in 4.3, its first semester), the last year(s)


PROGRAMMES = {
    "master": Programme(
        "2 ans (4 semestres) après la licence, 120 crédits ECTS",
        "Licence ou diplôme conférant le grade de licence (180 crédits ECTS) ; admission sur dossier en première année "
        "de master.",
        "Le diplôme donne accès aux études doctorales (troisième cycle).", "Deuxième cycle", 7,
        (("Master 1re année (M1)", 1), ("Master 2e année (M2)", 3))),
    "licence_pro": Programme(
        "1 an (2 semestres) après un diplôme de niveau bac + 2, 60 crédits ECTS",
        "Diplôme de niveau bac + 2 (120 crédits ECTS) : BTS, DUT, deuxième année de licence ou de BUT ; admission sur "
        "dossier et entretien.",
        "Diplôme à finalité d'insertion professionnelle ; une poursuite d'études en master est possible sur dossier.",
        "Premier cycle", 6, (("Licence professionnelle", 5),)),
    "licence": Programme(
        "3 ans (6 semestres), 180 crédits ECTS",
        "Baccalauréat ou titre admis en équivalence ou en dispense (DAEU) ; inscription par la plateforme Parcoursup.",
        "Le diplôme donne accès aux formations de master.", "Premier cycle", 6, (("Licence 3e année (L3)", 5),)),
    "bts": Programme(
        "2 ans, 120 crédits ECTS",
        "Baccalauréat ou titre équivalent ; admission sur dossier par la plateforme Parcoursup.",
        ("Le diplôme permet une poursuite d'études en licence professionnelle, en troisième année de licence ou de "
         "BUT, ou en école."), "Cycle court", 5, (("Épreuves de l'examen", 0),)),
    "ingenieur": Programme(
        ("3 ans (6 semestres) après deux années de classes préparatoires ou de cycle préparatoire intégré, 180 crédits "
         "ECTS (300 crédits après le baccalauréat)"),
        ("Admission sur concours à l'issue des classes préparatoires aux grandes écoles, ou sur titres (licence, "
         "BUT) après examen du dossier et entretien."),
        "Le diplôme donne accès aux études doctorales (troisième cycle).", "Deuxième cycle", 7,
        (("Cycle ingénieur, 3e année", 9),)),
    "infirmier": Programme(
        "3 ans (6 semestres), 180 crédits ECTS",
        ("Baccalauréat ou titre équivalent, admission par la plateforme Parcoursup ; ou sélection pour les candidats "
         "relevant de la formation professionnelle continue."),
        ("Le diplôme donne accès aux formations de master et aux spécialisations infirmières (anesthésie, bloc "
         "opératoire, puériculture)."), "Premier cycle", 6, (("Formation en soins infirmiers, 3e année", 5),)),
}
PROFESSIONS = {
    "infirmier": ("Le diplôme d'État permet l'exercice de la profession réglementée d'infirmier (article L. 4311-3 du "
                  "code de la santé publique), après inscription au tableau de l'ordre national des infirmiers."),
    "ingenieur": ("Le titre d'ingénieur diplômé est protégé (article L. 642-1 du code de l'éducation) ; la profession "
                  "d'ingénieur n'est pas réglementée en France."),
}
MODES = ("Formation initiale, à temps plein, en présentiel",
         "Formation initiale à temps plein ; enseignements en présentiel",
         "Formation en alternance (contrat d'apprentissage), à temps plein", "Formation continue, à temps plein")
GRADING = ("Les unités d'enseignement sont notées de 0 à 20 ; une unité est acquise, avec les crédits qui lui sont "
           "attachés, lorsque sa note est au moins égale à 10/20. Les notes se compensent au sein d'un semestre.")
ECTS_SCALE = "Grades ECTS : A (10 % les meilleurs), B (25 % suivants), C (30 %), D (25 %), E (10 %)."
MENTIONS = "Mentions : passable (10 à 12), assez bien (12 à 14), bien (14 à 16), très bien (16 et plus)."
SOURCES = (("Centre ENIC-NARIC France", "https://www.france-education-international.fr"),
           ("Répertoire national des certifications professionnelles", "https://www.francecompetences.fr"),
           ("Ministère de l'Enseignement supérieur et de la Recherche",
            "https://www.enseignementsup-recherche.gouv.fr"))
# part 8: the paragraphs, each in one of its wordings
SYSTEM = (
    (("L'enseignement supérieur en France est ouvert aux titulaires du baccalauréat, qui sanctionne la fin des études "
      "secondaires, ou d'un titre admis en équivalence ou en dispense. Il relève principalement du ministère chargé de "
      "l'enseignement supérieur et de la recherche."),
     ("L'accès à l'enseignement supérieur français requiert le baccalauréat, premier grade universitaire, ou un titre "
      "admis en équivalence (diplôme d'accès aux études universitaires, validation des acquis).")),
    (("Il est dispensé dans des établissements de statuts divers : les universités, établissements publics autonomes "
      "qui couvrent l'ensemble des disciplines et délivrent les diplômes nationaux ; les écoles et instituts, publics "
      "ou privés, parmi lesquels les écoles d'ingénieurs habilitées par la Commission des titres d'ingénieur (CTI) et "
      "les écoles de management dont les diplômes sont visés par l'État ; les lycées, qui préparent aux brevets de "
      "technicien supérieur (BTS) et accueillent les classes préparatoires aux grandes écoles (CPGE)."),
     ("Les formations sont assurées par les universités, qui délivrent les diplômes nationaux dans toutes les "
      "disciplines, par les grandes écoles et les instituts spécialisés, publics ou privés, dont les diplômes peuvent "
      "être visés par l'État ou accrédités (Commission des titres d'ingénieur), et par les lycées pour les formations "
      "courtes (BTS) et les classes préparatoires.")),
    (("Depuis 2002, l'organisation des études suit l'architecture européenne en trois cycles dite « LMD » : la "
      "licence (180 crédits ECTS, six semestres après le baccalauréat), le master (120 crédits ECTS au-delà de la "
      "licence) et le doctorat, préparé en trois ans en principe après le master. Les diplômes nationaux confèrent les "
      "grades correspondants ; le grade de master est également conféré par le diplôme d'ingénieur et par des "
      "diplômes d'écoles visés par l'État."),
     ("Les études sont organisées en trois cycles (licence, master, doctorat), conformément au processus de Bologne. "
      "Le premier cycle conduit à la licence (bac + 3), le deuxième au master (bac + 5), le troisième au doctorat "
      "(bac + 8). Le diplôme d'ingénieur confère le grade de master.")),
    (("Des formations courtes à finalité professionnelle conduisent au brevet de technicien supérieur (bac + 2, 120 "
      "crédits ECTS), au bachelor universitaire de technologie et à la licence professionnelle (bac + 3). Les "
      "diplômes d'État des professions paramédicales, tel le diplôme d'État d'infirmier, confèrent le grade de "
      "licence."),
     ("À côté des cursus longs, des diplômes à finalité professionnelle sont délivrés à bac + 2 (BTS) et à bac + 3 "
      "(BUT, licence professionnelle) ; les formations paramédicales conduisent à des diplômes d'État, dont certains "
      "confèrent le grade de licence.")),
    (("Les enseignements sont organisés en semestres et en unités d'enseignement capitalisables, auxquelles sont "
      "attachés des crédits européens (ECTS) : un semestre validé correspond à 30 crédits. Les crédits acquis sont "
      "transférables d'un parcours ou d'un établissement à un autre."),
     ("Chaque semestre d'études correspond à 30 crédits ECTS, répartis entre des unités d'enseignement définitivement "
      "acquises et capitalisables ; le système facilite la mobilité des étudiants en Europe.")),
    (("Les établissements sont accrédités par l'État pour délivrer les diplômes nationaux, après une évaluation "
      "conduite par le Haut Conseil de l'évaluation de la recherche et de l'enseignement supérieur (Hcéres). Les "
      "diplômes et titres à finalité professionnelle sont classés dans le cadre national des certifications "
      "professionnelles, dont les huit niveaux correspondent à ceux du cadre européen des certifications : niveau 5 "
      "pour le BTS, niveau 6 pour la licence, niveau 7 pour le master et le diplôme d'ingénieur, niveau 8 pour le "
      "doctorat."),
     ("La qualité des formations est évaluée par le Haut Conseil de l'évaluation de la recherche et de l'enseignement "
      "supérieur (Hcéres). Le cadre national des certifications professionnelles compte huit niveaux, alignés sur "
      "ceux du cadre européen : la licence est de niveau 6, le master de niveau 7, le doctorat de niveau 8.")),
)

Value = tuple[str, str]  # (text, how: "" plain, "b" bold, "t" the title, "i" italic grey)


def _italic(font: FontKey) -> FontKey:
    return FontKey(font.family, italic=font.family != "condensed")


def _kind(title: str) -> str:
    low = title.lower()
    for prefix, kind in (("master", "master"), ("licence professionnelle", "licence_pro"), ("licence", "licence"),
                         ("bts", "bts")):
        if low.startswith(prefix):
            return kind
    return "ingenieur" if "ingénieur" in low else "infirmier" if "infirmier" in low else "licence"


def _domain(title: str) -> tuple[str, str, str, tuple[str, ...]]:
    low = title.lower()
    _, domain, fields, outcomes, first_year = next(row for row in DOMAINS if not row[0] or any(w in low for w in
                                                                                                       row[0]))
    return domain, fields, outcomes, first_year


class _Pages:
    """A cursor down as many A4 sheets as the supplement needs; the running header and the footer are drawn once the
    page count is known."""

    def __init__(self, font: FontKey, size: float, background: Color):
        self.font, self.size, self.background = font, size, background
        self.sheets: list[Sheet] = []
        self.y = TOP
        self.new_page()

    @property
    def sheet(self) -> Sheet:
        return self.sheets[-1]

    def new_page(self) -> None:
        self.sheets.append(Sheet(background=self.background))
        self.y = TOP

    def need(self, height: float) -> None:
        if self.y + height > BOTTOM:
            self.new_page()

    def lines(self, text: str, size: float, font: FontKey | None = None, x: float = LEFT, width: float | None = None,
              color: Color = BLACK, align: str = "left") -> None:
        """`text` wrapped from the next baseline on, page after page."""
        font, width = font or self.font, width or RIGHT - x
        step = size * LEADING
        for line in wrap(text, font, size, width):
            self.need(step)
            self.y += step
            at = {"left": x, "center": x + width / 2, "right": x + width}[align]
            self.sheet.add(Text(at, self.y, line, size, font, color, align))  # type: ignore[arg-type]


def _value_lines(values: list[Value], font: FontKey, size: float, width: float) -> list[tuple[str, float, FontKey,
                                                                                              Color]]:
    """(line, size, font, colour) of an item's values: the title alone on its line, shrunk rather than wrapped."""
    out = []
    for text, how in values:
        if not text:
            continue
        if how == "t":
            out.append((text, _fit(text, bold(font), size + 1, width, size - 1.5), bold(font), BLACK))
            continue
        face, color = {"b": (bold(font), BLACK), "i": (_italic(font), GREY)}.get(how, (font, BLACK))
        out += [(line, size, face, color) for line in wrap(text, face, size, width)]
    return out


@dataclass
class _Style:
    font: FontKey
    ink: Color
    manner: str  # "below", "columns" or "grid"
    english: bool  # the model's English label under the French one
    wording: int  # which French wording of the labels (0 or 1)
    heading: str  # "rule", "band" or "plain"
    size: float

    def label(self, number: str) -> str:
        names = ITEMS[number][0]
        return f"{number} {names[min(self.wording, len(names) - 1)]}"


def _part(pages: _Pages, st: _Style, number: int) -> None:
    names, english = PARTS[number]
    text = f"{number}. {names[min(st.wording, len(names) - 1)]}"
    size = st.size + 1
    pages.need(size * LEADING * 3 + 30)  # the heading keeps its first item
    pages.y += 4
    if st.heading == "band":
        height = size * LEADING + 2.4 + (3.2 if st.english else 0)
        pages.sheet.add(Box(LEFT, pages.y, RIGHT - LEFT, height, fill=st.ink, stroke=None))
        pages.sheet.add(Text(LEFT + 2, pages.y + size * LEADING + 0.6, text, size, bold(st.font), (255, 255, 255)))
        if st.english:
            pages.sheet.add(Text(LEFT + 2, pages.y + height - 1.2, english, 6.5, _italic(st.font), (225, 230, 240)))
        pages.y += height + 1
        return
    pages.lines(text, size, bold(st.font), color=st.ink if st.heading == "rule" else BLACK)
    if st.english:
        pages.lines(english, 6.5, _italic(st.font), color=GREY)
    if st.heading == "rule":
        pages.sheet.add(Rule(LEFT, pages.y + 1.2, RIGHT, pages.y + 1.2, 0.4, st.ink))
        pages.y += 1.5


def _item(pages: _Pages, st: _Style, number: str, values: list[Value]) -> None:
    """An item of the model: its numbered label (with its English), then its values."""
    size, label = st.size, st.label(number)
    english = ITEMS[number][1] if st.english else ""
    step = size * LEADING
    if st.manner == "below":
        pages.need(step * (2 + bool(english)) + 2)
        pages.y += 1.2
        pages.lines(label, size, bold(st.font))
        if english:
            pages.lines(english, 6.5, _italic(st.font), color=GREY)
        for line, at, face, color in _value_lines(values, st.font, size, RIGHT - LEFT - 8):
            pages.need(at * LEADING)
            pages.y += at * LEADING
            pages.sheet.add(Text(LEFT + 8, pages.y, line, at, face, color))
        return
    tab = 64.0 if st.manner == "columns" else 60.0
    left = [(line, size - 0.5, bold(st.font) if st.manner == "columns" else st.font, BLACK)
            for line in wrap(label, bold(st.font), size - 0.5, tab - 4)]
    if english:
        left += [(line, 6.5, _italic(st.font), GREY) for line in wrap(english, _italic(st.font), 6.5, tab - 4)]
    right = _value_lines(values, st.font, size, RIGHT - LEFT - tab - 3)
    height = max(sum(at * LEADING for _, at, _, _ in left), sum(at * LEADING for _, at, _, _ in right)) + 2.2
    pages.need(height + 1)
    top = pages.y + (0.8 if st.manner == "columns" else 0)
    if st.manner == "grid":
        pages.sheet.add(Box(LEFT, top, tab, height, fill=SHADE, stroke=GREY, width=0.2),
                        Box(LEFT + tab, top, RIGHT - LEFT - tab, height, stroke=GREY, width=0.2))
    for x, column in ((LEFT + 1.5, left), (LEFT + tab + 1.5, right)):
        y = top + 0.4
        for line, at, face, color in column:
            y += at * LEADING
            pages.sheet.add(Text(x, y, line, at, face, color))
    pages.y = top + height


def _units_table(pages: _Pages, st: _Style, title: str, kind: str, final_year: int, compact: bool,
                 rng: random.Random) -> tuple[float, int]:
    """4.3's table: the units of the last year(s), by semester, with their credits and marks (a compact supplement
    shows the last year only). Returns (the weighted average, the credits shown)."""
    years = PROGRAMMES[kind].blocks[-1:] if compact else PROGRAMMES[kind].blocks
    coded, lettered = rng.random() < 0.5 and kind != "bts", rng.random() < 0.45
    columns = [("Unité d'enseignement", 0.0), ("ECTS", 14.0), ("Note /20", 17.0)]
    if coded:
        columns.insert(0, ("Code", 20.0))
    if lettered:
        columns.append(("Grade ECTS", 18.0))
    columns.append(("Résultat", 18.0))
    fixed = sum(w for _, w in columns)
    columns = [(name, w or RIGHT - LEFT - fixed) for name, w in columns]
    size = st.size - 1
    row = size * LEADING + 1.6
    blocks = []
    for b, (name, first) in enumerate(years):
        year = final_year - (len(years) - 1 - b)
        units = (_domain(title)[3] if b < len(years) - 1 else _units_for(title)) if kind != "bts" else BTS_UNITS
        parts = ([(f"Semestre {first}", units[:len(units) // 2]), (f"Semestre {first + 1}", units[len(units) // 2:])]
                 if first else [("", units)])
        blocks.append((f"{name} — année universitaire {year - 1}-{year}", parts))
    rows = sum(1 + sum(bool(semester) + len(units) for semester, units in parts) for _, parts in blocks)
    pages.need(row * (rows + 3) + 4)
    pages.y += 2
    x = LEFT
    for name, width in columns:
        pages.sheet.add(Box(x, pages.y, width, row, fill=st.ink, stroke=None),
                        Text(x + 1.2, pages.y + row - 1.6, name, size - 0.5, bold(st.font), (255, 255, 255)))
        x += width
    pages.y += row
    total, weight = 0.0, 0
    prefix = rng.choice(("UE", "EC", ""))
    passed = rng.choice(("Acquis", "ADM", "Validé"))
    for heading, parts in blocks:
        pages.sheet.add(Box(LEFT, pages.y, RIGHT - LEFT, row, fill=SHADE, stroke=None),
                        Text(LEFT + 1.2, pages.y + row - 1.6, heading, size, bold(st.font)))
        pages.y += row
        for semester, units in parts:
            if semester:
                pages.sheet.add(Text(LEFT + 1.2, pages.y + row - 1.6, f"{semester} — 30 crédits", size,
                                     _italic(st.font), GREY))
                pages.y += row
            credits = _credits(len(units), 30 if semester else 120, rng)
            for i, (unit, credit) in enumerate(zip(units, credits)):
                mark = round(rng.uniform(10.0, 17.6), 2)
                total, weight = total + mark * credit, weight + credit
                letter = "A" if mark >= 16 else "B" if mark >= 14 else "C" if mark >= 12.5 else "D" if mark >= 11 \
                    else "E"
                code = f"{prefix}{semester.split()[-1] if semester else 'U'}{i + 1:02d}" if prefix else \
                    f"{rng.choice('ABCDEFGHJK')}{rng.randint(1000, 9999)}"
                cells = {"Code": code, "Unité d'enseignement": unit, "ECTS": str(credit), "Note /20": _mark(mark),
                         "Grade ECTS": letter, "Résultat": passed}
                x = LEFT
                for name, width in columns:
                    text = cells[name]
                    at = _fit(text, st.font, size, width - 2, size - 2)
                    pages.sheet.add(Text(x + 1.2, pages.y + row - 1.6, text, at, st.font))
                    x += width
                pages.sheet.add(Rule(LEFT, pages.y + row, RIGHT, pages.y + row, 0.1, (190, 190, 196)))
                pages.y += row
    pages.sheet.add(Rule(LEFT, pages.y, RIGHT, pages.y, 0.4, st.ink))
    pages.y += 0.5
    return total / weight, weight


def _award_line(facts: DossierFacts, long: bool, rng: random.Random) -> Value:
    d = facts.diploma
    when = date_long(d.award_date) if long else date_slash(d.award_date)
    label = rng.choice(("Date d'obtention du diplôme : ", "Date de délibération du jury : ", "Diplôme obtenu le ",
                        "Date d'obtention : "))
    return label + when, "b"


def _people(facts: DossierFacts, rng: random.Random) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """(civility, "Given SURNAME", role) of the signatory and of the programme's head, neither of them the holder."""
    word = facts.diploma.institution.split()[0]
    role, sex = rng.choice(HEADS.get(word, HEADS["École"]))
    delegate = rng.random() < 0.3
    if delegate:
        head = role.split()[1].lower()
        role = (f"Pour {'la ' + head if role.startswith('La') else 'le ' + head} et par délégation, "
                + rng.choice(("le Vice-président Formation", "la Vice-présidente Formation",
                              "la Directrice des études et de la vie étudiante", "le Directeur de la scolarité")))
        sex = "F" if role.split(", ")[1].startswith("la ") else "M"
    taken = {facts.person.surname}
    given, surname = rng.choice([n for n in (STAFF_F if sex == "F" else STAFF_M) if n[1] not in taken])
    taken.add(surname)
    other = rng.random() < 0.5
    g2, s2 = rng.choice([n for n in (STAFF_F if other else STAFF_M) if n[1] not in taken])
    rank = rng.choice(RANKS_F if other else RANKS_M)
    return (("Mme" if sex == "F" else "M."), f"{given} {surname}", role), (("Mme" if other else "M."), f"{g2} {s2}",
                                                                          rank)


def _seal(sheet: Sheet, cx: float, cy: float, r: float, institution: str, font: FontKey, ink: Color) -> None:
    """The establishment's round seal, in ink: a double ring, the monogram, and what it stamps for."""
    top = "UNIVERSITÉ" if institution.startswith("Université") else institution.split()[0].upper()
    mono = _monogram(institution)
    sheet.add(Box(cx - r, cy - r, 2 * r, 2 * r, stroke=ink, width=0.6, radius=r),
              Box(cx - r + 2.6, cy - r + 2.6, 2 * r - 5.2, 2 * r - 5.2, stroke=ink, width=0.25, radius=r - 2.6),
              Text(cx, cy - r * 0.37, top, r / 3, bold(font), ink, "center"),
              Text(cx, cy + r * 0.14, mono, _fit(mono, bold(font), r * 0.67, r * 1.2, r * 0.4), bold(font), ink,
                   "center"),
              Text(cx, cy + r * 0.5, "SCOLARITÉ", r * 0.3, font, ink, "center"))


def _certification(pages: _Pages, st: _Style, facts: DossierFacts, certified: dt.date, long: bool,
                   signer: tuple[str, str, str], rng: random.Random) -> None:
    """Part 7: the date, the signature with the signer's name, the signer's capacity, the seal."""
    _part(pages, st, 7)
    city = rng.choice(FRENCH_CITIES)[0]
    when = date_long(certified) if long else date_slash(certified)
    if rng.random() < 0.3:
        when = f"{city}, le {when}"
    civility, name, role = signer
    if rng.random() < 0.5:  # the four items in a boxed two-by-two grid
        pages.need(52)
        pages.y += 2
        half, height = (RIGHT - LEFT) / 2, 24.0
        for i, number in enumerate(("7.1", "7.2", "7.3", "7.4")):
            x, y = LEFT + half * (i % 2), pages.y + height * (i // 2)
            pages.sheet.add(Box(x, y, half, height, stroke=GREY, width=0.25),
                            Text(x + 2, y + 4.5, st.label(number), st.size - 1, bold(st.font)))
            if number == "7.1":
                pages.sheet.add(Text(x + 2, y + 12, when, st.size, st.font))
            elif number == "7.2":
                _scribble(pages.sheet, x + 14, y + 15, rng.uniform(24, 34), (22, 32, 96), rng)
                pages.sheet.add(Text(x + 2, y + 21.5, f"{civility} {name}", st.size - 0.5, st.font))
            elif number == "7.3":
                for j, line in enumerate(wrap(role, st.font, st.size - 0.5, half - 4)[:3]):
                    pages.sheet.add(Text(x + 2, y + 10.5 + 3.8 * j, line, st.size - 0.5, st.font))
            else:
                _seal(pages.sheet, x + half / 2, y + 15, 8.5, facts.diploma.institution, st.font, st.ink)
        pages.y += 2 * height
        return
    _item(pages, st, "7.1", [(when, "")])
    _item(pages, st, "7.2", [("", "")])
    _scribble(pages.sheet, LEFT + 70, pages.y - 1, rng.uniform(24, 34), (22, 32, 96), rng)
    pages.y += 4
    _item(pages, st, "7.3", [(role, ""), (f"{civility} {name}", "b")])
    pages.need(36)
    _item(pages, st, "7.4", [("", "")])
    _seal(pages.sheet, LEFT + 90, pages.y + 14, 14.0, facts.diploma.institution, st.font, st.ink)
    pages.y += 30


def _diagram(pages: _Pages, st: _Style) -> None:
    """A schematic of the French degrees: years after the baccalauréat up the side, the three sectors side by side."""
    step, width = 7.2, RIGHT - LEFT - 44
    pages.need(step * 8 + 22)
    pages.y += 4
    bottom = pages.y + step * 8 + 6
    column = width / 3
    x0 = LEFT + 22
    size = st.size - 2
    for year in range(1, 9):
        y = bottom - step * year
        pages.sheet.add(Text(LEFT, y + step / 2 + 1, f"Bac + {year}", size, st.font, GREY),
                        Text(RIGHT, y + step / 2 + 1, f"{60 * year} ECTS" if year <= 5 else "", size, st.font, GREY,
                             "right"))
    pale = tuple(round(c + (255 - c) * 0.8) for c in st.ink)
    boxes = ((0, 1, 3, "Licence"), (0, 4, 5, "Master"), (0, 6, 8, "Doctorat"),
             (1, 1, 2, "BTS"), (1, 3, 3, "Licence professionnelle / BUT"),
             (2, 1, 2, "Classes préparatoires"), (2, 3, 5, "Écoles d'ingénieurs, de management"))
    for col, first, last, label in boxes:
        x, y = x0 + column * col + 1, bottom - step * last
        pages.sheet.add(Box(x, y + 0.5, column - 2, step * (last - first + 1) - 1, fill=pale,  # type: ignore[arg-type]
                            stroke=st.ink, width=0.3),
                        Text(x + (column - 2) / 2, y + step * (last - first + 1) / 2 + 1, label,
                             _fit(label, st.font, size, column - 4, 5), st.font, st.ink, "center"))
    for col, name in enumerate(("Universités", "Lycées, IUT", "Grandes écoles")):
        pages.sheet.add(Text(x0 + column * col + column / 2, bottom + 4, name, size, bold(st.font), align="center"))
    pages.sheet.add(Rule(x0, bottom, x0 + width, bottom, 0.5, BLACK),
                    Text(x0 + width / 2, bottom - step * 8 - 2, "Baccalauréat → études supérieures", size,
                         _italic(st.font), GREY, "center"))
    pages.y = bottom + 7


def _frame(pages: _Pages, st: _Style, facts: DossierFacts, student: str, rng: random.Random) -> None:
    """Page one's letterhead; every page's running header and footer (the holder and "page x/y")."""
    person, d = facts.person, facts.diploma
    first = Sheet()  # page one's letterhead, drawn before its content
    mono = _monogram(d.institution)
    first.add(Box(LEFT, 10, 15, 15, fill=st.ink, stroke=None, radius=rng.choice((0.0, 1.5))),
              Text(LEFT + 7.5, 19.3, mono, _fit(mono, bold(st.font), 10, 13, 5.5), bold(st.font), (255, 255, 255),
                   "center"),
              Text(LEFT + 19, 16, d.institution, _fit(d.institution, bold(st.font), 11.5, 105, 8), bold(st.font),
                   st.ink),
              Text(LEFT + 19, 21, rng.choice(("Direction des études et de la vie étudiante", "Service des diplômes",
                                              "Service de la scolarité", "Direction de la formation")), 7.5,
                   st.font, GREY))
    reference = f"Réf. SD-{d.award_date.year}-{rng.randint(1, 99999):05d}"
    if rng.random() < 0.5:
        first.add(Text(RIGHT, 16, reference, 7.5, st.font, GREY, "right"))
    pages.sheets[0].elements[:0] = first.elements
    surname_first = rng.random() < 0.6
    holder = f"{person.surname} {d.given_names}" if surname_first else f"{d.given_names} {person.surname}"
    how = rng.choice(("name", "number", "both"))
    spell = rng.choice(("page {} / {}", "Page {}/{}", "Page {} sur {}", "page {}/{}"))
    total = len(pages.sheets)
    for number, sheet in enumerate(pages.sheets, 1):
        if number > 1:
            sheet.elements[:0] = [Text(LEFT, 12, d.institution, 7.5, st.font, GREY),
                                  Text(RIGHT, 12, "Supplément au diplôme", 7.5, _italic(st.font), GREY, "right"),
                                  Rule(LEFT, 14, RIGHT, 14, 0.25, GREY)]
        who = {"name": holder, "number": f"N° étudiant : {student}",
               "both": f"{holder} — n° étudiant {student}"}[how]
        sheet.add(Rule(LEFT, A4[1] - 14, RIGHT, A4[1] - 14, 0.2, GREY),
                  Text(LEFT, A4[1] - 10, who, 7.5, st.font, GREY),
                  Text(RIGHT, A4[1] - 10, spell.format(number, total), 7.5, st.font, GREY, "right"))


def _layout(facts: DossierFacts, st: _Style, rng: random.Random, compact: bool) -> tuple[_Pages, str]:
    """The eight parts down the pages. Returns the pages and the student number."""
    person, d = facts.person, facts.diploma
    kind, programme = _kind(d.title), PROGRAMMES[_kind(d.title)]
    domain, fields, outcomes, _ = _domain(d.title)
    long = rng.random() < 0.5
    certified = _issued(facts, rng)
    standing = _standing(d.title, certified, rng)
    award_at = rng.choice(("2.1", "4.3", "4.5", "6.1"))
    signer, lead = _people(facts, rng)
    student = str(rng.randint(20_000_000, 22_999_999))
    ine = f"{rng.randint(10**9, 10**10 - 1)}{rng.choice('ABCDEFGHJK')}"
    pages = _Pages(st.font, st.size, rng.choice(((255, 255, 255), (254, 254, 251))))
    heading = rng.choice(("SUPPLÉMENT AU DIPLÔME", "SUPPLÉMENT AU DIPLÔME", "ANNEXE DESCRIPTIVE AU DIPLÔME"))
    pages.y = 33
    pages.lines(heading, 15, bold(st.font), align="center", color=st.ink)
    under = ("DIPLOMA SUPPLEMENT" if st.english or rng.random() < 0.3 else
             "dite « supplément au diplôme »" if heading.startswith("ANNEXE") else "")
    if under:
        pages.lines(under, 9.5, _italic(st.font), align="center", color=GREY)
    pages.y += 1.5
    if not compact or rng.random() < 0.5:
        pages.lines(rng.choice(PREAMBLES), 7, _italic(st.font), color=GREY)

    _part(pages, st, 1)
    given = d.given_names.upper() if rng.random() < 0.2 else d.given_names
    born = date_long(person.birth_date) if long else date_slash(person.birth_date)
    if st.wording:
        country = SHORT_COUNTRY.get(person.country.code, person.country.name_fr)
        born = f"{born} à {person.birth_city.title()} ({country})"
    _item(pages, st, "1.1", [(person.surname, "b")])
    _item(pages, st, "1.2", [(given, "b")])
    _item(pages, st, "1.3", [(born, "")])
    _item(pages, st, "1.4", [(f"N° étudiant : {student}", ""), (f"INE : {ine}", "")])

    _part(pages, st, 2)
    title = d.title.upper() if rng.random() < 0.15 else d.title
    grant: list[Value] = [(title, "t")]
    if kind == "ingenieur":
        grant.append((f"Titre conféré : ingénieur diplômé de l'{d.institution}" if d.institution[0] in "AEIOUÉÈ" else
                       f"Titre conféré : ingénieur diplômé de {d.institution}", ""))
    elif "grade" in standing:
        grant.append((f"Grade de {standing['grade']}" if rng.random() < 0.5 else
                      f"Titre conféré : grade de {standing['grade']}", ""))
    if award_at == "2.1":
        grant.append(_award_line(facts, long, rng))
    _item(pages, st, "2.1", grant)
    _item(pages, st, "2.2", [(f"Domaine : {domain}", ""), (f"Champ disciplinaire : {fields}", "")])
    _item(pages, st, "2.3", [(d.institution, "b"), (_status(d.institution), "")])
    elsewhere = (f"Institut de formation en soins infirmiers (IFSI) de {rng.choice(FRENCH_CITIES)[0]}, en "
                 f"partenariat avec l'établissement cité en 2.3" if kind == "infirmier" else
                 rng.choice(("Identique à 2.3", "Sans objet", "Idem 2.3")))
    _item(pages, st, "2.4", [(elsewhere, "")])
    _item(pages, st, "2.5", [(rng.choice(("Français", "Français", "Français et anglais")), "")])

    _part(pages, st, 3)
    frame = ("du " if standing["frame"].startswith("cadre") else "de la ") + standing["frame"]
    level = (f"Niveau {standing['level']} {frame} ; niveau {programme.eqf} du cadre européen des "
             f"certifications (CEC)")
    _item(pages, st, "3.1", [(level, ""), (f"{programme.cycle} de l'enseignement supérieur" +
                                           (f" (grade de {standing['grade']})" if "grade" in standing else ""), "")])
    _item(pages, st, "3.2", [(programme.years, "")])
    _item(pages, st, "3.3", [(programme.access, "")])

    if len(pages.sheets) == 1 and rng.random() < 0.3:
        pages.new_page()
    _part(pages, st, 4)
    _item(pages, st, "4.1", [(rng.choice(MODES[:2] if kind == "infirmier" else MODES), "")])
    weeks = rng.choice((8, 12, 16, 20, 24))
    _item(pages, st, "4.2", [(outcomes, ""), (f"Le programme comprend un stage obligatoire de {weeks} semaines.", "")])
    last = "des dernières années" if len(programme.blocks) > 1 and not compact else "de la dernière année"
    _item(pages, st, "4.3", [(f"Enseignements {last} du cursus (le détail des années antérieures figure dans les "
                              + "relevés de notes) :", "i")])
    average, shown = _units_table(pages, st, d.title, kind, d.award_date.year, compact, rng)
    credits = f"Crédits obtenus : {shown} ECTS sur {shown} — total du diplôme : {standing['ects']} crédits ECTS"
    after: list[Value] = [(credits, "")]
    if award_at == "4.3":
        after.append(_award_line(facts, long, rng))
    for text, how in after:
        pages.lines(text, st.size - 0.5, bold(st.font) if how == "b" else st.font)
    pages.y += 2.5
    grading: list[Value] = [(GRADING, "")]
    if rng.random() < 0.5:
        grading.append((ECTS_SCALE, ""))
    if not d.title.lower().startswith(("bts", "diplôme d'état")):
        grading.append((MENTIONS, ""))
    _item(pages, st, "4.4", grading)
    admitted = _agree("Admis", person, rng.choice(("agree", "neutral")))
    if d.title.lower().startswith(("bts", "diplôme d'état")):
        overall: list[Value] = [(f"{admitted} (le diplôme ne comporte pas de mention)", "")]
    else:
        overall = [(rng.choice((f"{admitted} — mention {_mention(average)}",
                                f"Moyenne générale : {_mark(average)}/20 — mention {_mention(average)}")), "")]
    if award_at == "4.5":
        overall.append(_award_line(facts, long, rng))
    _item(pages, st, "4.5", overall)

    _part(pages, st, 5)
    _item(pages, st, "5.1", [(programme.further, "")])
    unregulated = rng.choice(("Sans objet.", "Le diplôme ne donne pas accès à une profession réglementée."))
    _item(pages, st, "5.2", [(PROFESSIONS.get(kind, unregulated), "")])

    _part(pages, st, 6)
    year = d.award_date.year
    first = year - (3 if kind in ("licence", "ingenieur", "infirmier") else 1 if kind == "licence_pro" else 2)
    years = (f"Année d'entrée dans la formation : {first}-{first + 1} ; année universitaire d'obtention : "
             f"{year - 1}-{year}")
    extra: list[Value] = [(years, "")]
    civility, name, rank = lead
    extra.append((f"Responsable de la formation : {civility} {name}, {rank}", ""))
    if rng.random() < 0.6:
        extra.append((f"Fiche RNCP n° {standing['rncp'].removeprefix('RNCP')}", ""))
    if award_at == "6.1":
        extra.insert(rng.randint(0, len(extra)), _award_line(facts, long, rng))
    _item(pages, st, "6.1", extra)
    site = f"https://www.{_slug(d.institution)}.fr"
    sources = [(f"Site de l'établissement : {site}", "")] + [(f"{who} : {url}", "") for who, url in
                                                              rng.sample(SOURCES, rng.randint(1, 3))]
    _item(pages, st, "6.2", sources)

    _certification(pages, st, facts, certified, long, signer, rng)

    if len(pages.sheets) < 3 and rng.random() < 0.6:  # part 8 on a page of its own
        pages.new_page()
    _part(pages, st, 8)
    paragraphs = [rng.choice(pair) for pair in SYSTEM]
    if compact:
        paragraphs = paragraphs[:4]
    for text in paragraphs:
        pages.y += 1.5
        pages.lines(text, st.size - 0.5)
    if not compact and rng.random() < 0.5:
        _diagram(pages, st)
    return pages, student


def supplement_diplome(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    st = _Style(FontKey(rng.choice(("sans", "lsans", "lserif", "serif", "condensed", "lsans"))), rng.choice(INKS),
                rng.choice(("below", "columns", "grid")), rng.random() < 0.3, rng.randint(0, 1),
                rng.choice(("rule", "band", "plain")), rng.choice((8.5, 9.0, 9.0)))
    if person.country.code == "VNM" and st.font.family in ("lsans", "lserif"):
        st.font = FontKey(st.font.family[1:])  # Liberation's PDF text loses Vietnamese letters (ơ, ư, ọ…); DejaVu
    start = rng.getstate()
    pages, student = _layout(facts, st, rng, compact=False)
    if len(pages.sheets) > 3:  # too long: tighter wording and no diagram, on three pages
        rng.setstate(start)
        st.size = 8.0
        pages, student = _layout(facts, st, rng, compact=True)
    _frame(pages, st, facts, student, rng)
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": d.title, "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:supplement_diplome", fields, sheets=pages.sheets)
