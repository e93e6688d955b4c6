"""Fresh internship agreement family `convention_association` (eleventh internship wave, written once
`convention_hospitaliere` had been looked at (2026-12-02), without looking at the extractors): the convention de stage
a French association hosts a foreign student under — an association loi 1901 (an association de droit local inscribed
at the tribunal judiciaire in Strasbourg), a federation, a sports or a twinning committee, an integration workshop, a
food-aid or a fair-trade association, a festival's association —, the student's university or school sending them.

The association is the host: "l'association d'accueil", "l'organisme d'accueil", "la structure d'accueil" or, once
defined in the parties, "l'Association" ("la Fédération", "le Comité", "l'Office", "l'Union"). Its mark (overlapping
discs with its acronym, or a coloured band across the page), "Association loi 1901", its seat, telephone, e-mail and
website; its RNA number ("W691004521", or the register's volume and folio in Alsace-Moselle), the prefecture's
declaration and the Journal officiel's publication dates, an agreement or an "intérêt général" mention, its SIRET (the
truth's) and APE code, its objet social, its president (elected by an assemblée générale on a given date) or its
director signing by delegation, its staff and volunteers, the place of the stage when it is not the seat (a warehouse, a
shop, a workshop). The student's birth date, nationality, INE and course, the school's representative and
teacher-referent, the association's référent(e) or tuteur/tutrice (salaried or a volunteer), the school year.

Three sub-layouts:
- `articles`: a letterhead, a title, "ENTRE LES SOUSSIGNÉS" the school (its SIRET and UAI), the association and the
  student in prose, in either order of the first two, then "Article 1 – Objet de la convention"… on two pages, the
  signatures (a stamp of the association on some) and, on some, a third page "ANNEXE – PROGRAMME D'ACTIVITÉS".
- `blocks`: a form under the association's logo band: framed blocks with a tab heading ("L'ASSOCIATION D'ACCUEIL",
  "LE OU LA STAGIAIRE", "L'ÉTABLISSEMENT D'ENSEIGNEMENT", "LE STAGE", "ENCADREMENT"), then the "CONDITIONS GÉNÉRALES"
  in short numbered clauses and a signature grid.
- `columns`: the parties side by side on the first page (the school and the student on the left, the association on
  the right, small grey labels above their values), then the articles in two columns of smaller type.

The period "du … au …" with "pour une durée de N semaines"; the hours as "35 heures par semaine", as "24 heures
hebdomadaires réparties sur 3 jours" or as the week's timetable with its total; the gratification per month, per hour
of presence with its monthly sum when it is the legal minimum, or none ("le stage n'ouvre pas droit à gratification,
sa durée n'excédant pas deux mois"). Distractors: the RNA number, the APE code, the school's SIRET and UAI, the INE, the
president's, director's, tutor's and referent's names, the declaration, publication, election, signing, review and
event dates, the transport pass reimbursed at 50 % (its monthly amount), the meal vouchers' value, the membership fee,
the insurance policies, the public's opening hours. The truth is the generator's usual one
(`education._agreement_piece`) but for the host: its `host_name` is the association's name as printed, the SIRET the
facts'."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from dataclasses import dataclass

from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash, euros, number_fr, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, BLACK, Box, Color, Ellipse, Flow, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, STREETS
from synth.pieces.agreement_print import (
    TraineeWording,
    draw_foot,
    draw_head,
    drawn_to_fit,
)
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.education import _agreement_piece
from synth.pieces.fresh_internship_agricole import _ascii
from synth.pieces.fresh_internship_fpc import _civ, _feminine, _gendered, _others
from synth.pieces.fresh_internship_hopital import (
    School,
    _clock_style,
    _de,
    _party_school,
    _schedule,
    _school,
    _weekday,
)
from synth.pieces.fresh_internship_pfmp import _duration
from synth.pieces.fresh_internship_portal import _phone
from synth.pieces.fresh_words import WEEKDAYS_FR, date_with_weekday
from synth.rules import (
    GRATIFICATION_HOURS,
    INTERN_HOURLY_MIN,
    gratification_floor,
    presence_hours,
    value_at,
)

LAYOUTS = ("articles", "blocks", "columns")
GREY: Color = (88, 88, 88)
FRAME: Color = (120, 120, 120)
STAMP: Color = (30, 70, 160)
# an association's colours: teal, orange, leaf green, plum, brick, ocean blue
ACCENTS: tuple[Color, ...] = ((0, 122, 122), (214, 96, 20), (70, 140, 40), (120, 50, 120), (178, 50, 40),
                              (20, 90, 160))
FONTS = ("lsans", "sans", "condensed", "lserif", "serif")
POSTCODES = dict(FRENCH_CITIES)
# where an association of the city is declared (Paris: the préfecture de police); Strasbourg's are inscribed at the
# tribunal judiciaire under the droit local (loi du 19 avril 1908), with a register's volume and folio, not an RNA "W"
PREFECTURES = {"Paris": "la préfecture de police de Paris", "Lyon": "la préfecture du Rhône",
               "Marseille": "la préfecture des Bouches-du-Rhône", "Toulouse": "la préfecture de la Haute-Garonne",
               "Nantes": "la préfecture de la Loire-Atlantique", "Lille": "la préfecture du Nord",
               "Bordeaux": "la préfecture de la Gironde", "Rennes": "la préfecture d'Ille-et-Vilaine",
               "Montpellier": "la préfecture de l'Hérault", "Grenoble": "la préfecture de l'Isère",
               "Nice": "la préfecture des Alpes-Maritimes", "Angers": "la préfecture de Maine-et-Loire",
               "Dijon": "la préfecture de la Côte-d'Or", "Clermont-Ferrand": "la préfecture du Puy-de-Dôme",
               "Rouen": "la préfecture de la Seine-Maritime"}
LOCAL_LAW = ("Strasbourg",)
INSURERS = ("MAIF – contrat Associations et collectivités", "MACIF – Multirisque associations",
            "MMA – Pack associations", "Groupama – Villassur associations", "SMACL Assurances – contrat Associations",
            "Crédit Mutuel – Assurance des associations")
SCHOOL_INSURERS = ("MAIF", "MAE – Mutuelle Assurance de l'Éducation", "AXA France", "SMACL Assurances")
RECOGNITIONS = ("reconnue d'intérêt général (articles 200 et 238 bis du code général des impôts)",
                "agréée Jeunesse et Éducation populaire (agrément n° {dept}-JEP-{year}-{n:03d})",
                "agréée Entreprise solidaire d'utilité sociale (ESUS) par arrêté préfectoral du {day}",
                "membre du Mouvement associatif et signataire de la Charte des engagements réciproques")
SIGNER_TITLES = (("Directeur", "Directrice"), ("Délégué général", "Déléguée générale"),
                 ("Coordinateur général", "Coordinatrice générale"))
PASSES = {"Paris": 90.80, "Lyon": 74.10, "Marseille": 60.00, "Toulouse": 55.00, "Lille": 64.50, "Bordeaux": 53.00,
          "Nantes": 50.00, "Rennes": 51.20, "Strasbourg": 54.40, "Montpellier": 50.00, "Grenoble": 61.10,
          "Nice": 40.00, "Angers": 42.00, "Dijon": 44.00, "Clermont-Ferrand": 47.00, "Rouen": 51.50}
PROGRAMMES = {
    True: ("Master Économie sociale et solidaire, 2e année", "Master Management des organisations de l'ESS, 1re année",
           "Licence professionnelle Coordination de projets de développement social et culturel",
           "Master Gestion de projets culturels, 2e année",
           "Master Développement et coopération internationale, 1re année",
           "Licence Administration économique et sociale, 3e année"),
    False: ("Programme Grande École – M1, parcours Entrepreneuriat social", "MSc Social Business and Impact",
            "Cycle ingénieur – Génie industriel, 2e année",
            "Bachelor Management des associations et du sport, 3e année",
            "Cycle ingénieur – Informatique et réseaux, 2e année"),
}


@dataclass(frozen=True)
class Profile:
    """A kind of association that could take a student on the facts' subject."""
    name: str  # "{de}": "de Rouen", "d'Angers"
    acronym: str
    word: str  # what the clauses call it once defined: "l'Association", "la Fédération", "le Comité"
    feminine: bool
    objet: str
    ape: str
    pole: str
    activities: tuple[str, ...]
    tutor_roles: tuple[tuple[str, str], ...]
    site: str  # where the stage takes place when it is not the seat ("" for the seat)
    event: str  # the association's event in the year: a date beside the period
    people: tuple[int, int]  # (salaried staff, volunteers), roughly


PROFILES: dict[str, tuple[Profile, ...]] = {
    "Développement d'une application web": (
        Profile("Association Numérique Solidaire {de}", "ANS", "l'Association", True,
                ("favoriser l'inclusion numérique des publics qui en sont éloignés par l'accompagnement, la formation "
                 "et le réemploi de matériel informatique"), "9499Z", "Pôle médiation numérique",
                ("Recueil des besoins des médiateurs et des bénévoles",
                 "Développement d'une application web de prise de rendez-vous pour les permanences",
                 "Tests avec des usagers et corrections", "Rédaction d'un guide d'utilisation pour les bénévoles"),
                (("Coordinateur du pôle numérique", "Coordinatrice du pôle numérique"),
                 ("Chargé de projets numériques", "Chargée de projets numériques")),
                "Espace numérique", "la Semaine de l'inclusion numérique", (6, 40)),
        Profile("Fédération des Maisons de quartier {de}", "FMQ", "la Fédération", True,
                ("fédérer, représenter et accompagner les maisons de quartier et centres sociaux adhérents dans leurs "
                 "projets d'animation de la vie sociale"), "9499Z", "Service vie fédérative et outils numériques",
                ("Analyse de l'outil de gestion des adhésions des structures membres",
                 "Développement d'un portail web à destination des centres adhérents",
                 "Reprise des données des adhérents et tests", "Présentation de l'outil au conseil d'administration"),
                (("Responsable vie fédérative", "Responsable vie fédérative"),
                 ("Chargé de mission numérique", "Chargée de mission numérique")),
                "", "l'assemblée générale fédérale", (11, 25)),
        Profile("Office municipal des sports {de}", "OMS", "l'Office", False,
                ("promouvoir la pratique sportive pour tous, coordonner les associations sportives de la ville et "
                 "conseiller la municipalité en matière de politique sportive"), "9319Z", "Pôle clubs et équipements",
                ("Inventaire des besoins des clubs affiliés",
                 "Développement d'une application web de réservation des créneaux sportifs",
                 "Mise en ligne de l'annuaire des clubs", "Formation des secrétaires des clubs"),
                (("Directeur adjoint", "Directrice adjointe"), ("Chargé de développement", "Chargée de développement")),
                "", "la Fête du sport", (4, 30))),
    "Analyse de données commerciales": (
        Profile("Ressourcerie solidaire {de}", "RS", "l'Association", True,
                ("collecter, valoriser et revendre à petits prix des objets de seconde main, et créer des emplois "
                 "d'insertion autour du réemploi"), "4779Z", "Boutique solidaire et pôle commercial",
                ("Analyse des ventes de la boutique par famille de produits",
                 "Construction de tableaux de bord mensuels", "Étude de la fréquentation et du panier moyen",
                 "Propositions de politique tarifaire"),
                (("Responsable de la boutique", "Responsable de la boutique"),
                 ("Coordinateur commercial", "Coordinatrice commerciale")),
                "Boutique solidaire", "la grande braderie annuelle", (14, 60)),
        Profile("Association du Festival des Arts de la Rue {de}", "AFAR", "l'Association", True,
                ("organiser chaque année le festival des arts de la rue et promouvoir la création artistique dans "
                 "l'espace public"), "9001Z", "Pôle billetterie et partenariats",
                ("Analyse des données de billetterie des trois dernières éditions",
                 "Segmentation des adhérents, donateurs et mécènes", "Tableau de bord des recettes propres",
                 "Préparation des chiffres présentés à l'assemblée générale"),
                (("Administrateur du festival", "Administratrice du festival"),
                 ("Chargé des partenariats", "Chargée des partenariats")),
                "", "la prochaine édition du festival", (5, 150)),
        Profile("Union sportive {de}", "US", "l'Union", True,
                ("permettre la pratique de plusieurs disciplines sportives en loisir et en compétition, et "
                 "développer le sport pour tous dans les quartiers"), "9312Z",
                "Service partenariats et boutique du club",
                ("Analyse des licences et des cotisations par section", "Étude des ventes de la boutique du club",
                 "Tableau de bord des partenariats privés", "Recommandations pour la campagne d'adhésion"),
                (("Responsable administratif", "Responsable administrative"),
                 ("Chargé de développement", "Chargée de développement")),
                "", "le forum des associations", (8, 120))),
    "Audit des processus logistiques": (
        Profile("Association Solidarité Alimentaire {de}", "ASA", "l'Association", True,
                ("collecter, trier et redistribuer des denrées alimentaires aux associations partenaires et lutter "
                 "contre le gaspillage alimentaire"), "8899B", "Pôle entrepôt et approvisionnement",
                ("Cartographie des flux de collecte et de redistribution",
                 "Audit de la chaîne du froid et de la gestion des dates limites", "Analyse des tournées de ramasse",
                 "Propositions d'amélioration du stockage"),
                (("Responsable d'entrepôt", "Responsable d'entrepôt"),
                 ("Coordinateur logistique", "Coordinatrice logistique")),
                "Entrepôt", "la collecte nationale", (9, 210)),
        Profile("Comité d'organisation du Marathon {de}", "COM", "le Comité", False,
                ("organiser chaque année le marathon et les courses associées, et promouvoir la course à pied "
                 "auprès de tous les publics"), "9319Z", "Pôle logistique et sécurité",
                ("Audit de la logistique des ravitaillements", "Inventaire et suivi du matériel",
                 "Planification des livraisons et des montages", "Coordination des équipes logistiques bénévoles"),
                (("Responsable logistique", "Responsable logistique"),
                 ("Directeur de course", "Directrice de course")),
                "", "l'édition du marathon", (3, 900))),
    "Étude de marché à l'international": (
        Profile("Association Échanges Équitables Nord-Sud", "AEENS", "l'Association", True,
                ("promouvoir le commerce équitable, soutenir les coopératives de producteurs partenaires et mener des "
                 "actions d'éducation à la citoyenneté mondiale"), "9499Z", "Pôle partenariats producteurs",
                ("Étude des marchés européens pour les produits des coopératives partenaires",
                 "Veille sur les labels et la réglementation", "Entretiens avec des importateurs et des boutiques",
                 "Rédaction d'une note de recommandations"),
                (("Chargé des partenariats internationaux", "Chargée des partenariats internationaux"),
                 ("Coordinateur", "Coordinatrice")),
                "", "la Quinzaine du commerce équitable", (5, 45)),
        Profile("Comité de jumelage {de}", "CJ", "le Comité", False,
                ("développer les échanges culturels, éducatifs et économiques entre la ville et ses villes jumelles"),
                "9499Z", "Commission échanges économiques",
                ("Étude des débouchés pour les artisans locaux dans les villes jumelles",
                 "Préparation d'une mission économique", "Recensement des salons et foires à l'étranger",
                 "Rédaction d'un dossier de présentation bilingue"),
                (("Secrétaire général", "Secrétaire générale"), ("Chargé de mission", "Chargée de mission")),
                "", "la réception de la délégation jumelle", (1, 35))),
    "Amélioration continue en production": (
        Profile("Association Tremplin Insertion {de}", "ATI", "l'Association", True,
                ("favoriser l'insertion sociale et professionnelle de personnes éloignées de l'emploi par des "
                 "activités de production (menuiserie, couture, maraîchage)"), "8899B",
                "Atelier et chantier d'insertion",
                ("Analyse du flux de production de l'atelier menuiserie", "Mise en place d'outils visuels (5S)",
                 "Mesure des temps et des rebuts", "Formation des salariés en insertion aux nouveaux standards"),
                (("Encadrant technique d'insertion", "Encadrante technique d'insertion"),
                 ("Responsable de production", "Responsable de production")),
                "Atelier", "la journée portes ouvertes de l'atelier", (22, 15)),
        Profile("Association Les Ateliers du Réemploi {de}", "ADR", "l'Association", True,
                ("collecter, réparer et remettre en vente des appareils électroménagers et informatiques, et "
                 "sensibiliser le public à la réduction des déchets"), "3832Z", "Atelier de réparation",
                ("Analyse du processus de diagnostic et de réparation", "Suivi des indicateurs de taux de réemploi",
                 "Réorganisation des postes de travail", "Rédaction de fiches de procédure"),
                (("Responsable d'atelier", "Responsable d'atelier"), ("Chef d'équipe", "Cheffe d'équipe")),
                "Atelier", "la Semaine européenne de la réduction des déchets", (12, 25))),
}


@dataclass(frozen=True)
class Association:
    profile: Profile
    name: str  # the truth's host_name
    address: str
    city: str
    site_address: str  # "" when the stage takes place at the seat
    rna: str  # "" under the droit local
    register: str  # the droit local's "volume 87, folio 12"
    declared: dt.date
    published: dt.date
    recognition: str
    phone: str
    email: str
    web: str
    president: str
    elected: dt.date  # the assemblée générale that elected the president
    director: str
    director_title: str
    delegation: bool  # the director signs, by delegation of the president
    insurer: str
    policy: str
    staff: int
    volunteers: int

    @property
    def signer(self) -> str:
        return self.director if self.delegation else self.president

    @property
    def signer_title(self) -> str:
        return self.director_title if self.delegation else _gendered(("Président", "Présidente"), self.president)

    @property
    def status(self) -> str:
        if self.rna:
            return "Association loi 1901"
        return "Association de droit local"

    @property
    def since(self) -> str:
        """"déclarée le 17/04/2015", or "inscrite le …" at the tribunal judiciaire."""
        return f"{'déclarée' if self.rna else 'inscrite'} le {date_slash(self.declared)}"

    def agreed(self, word: str) -> str:
        return word + ("e" if self.profile.feminine else "")


@dataclass(frozen=True)
class Draft(TraineeWording):
    facts: DossierFacts
    layout: str
    assoc: Association
    school: School  # the hospital family's: the school's SIRET, UAI, representatives, referent
    term: str  # "l'Association", "l'association d'accueil", "l'organisme d'accueil", "la structure d'accueil"
    number: str
    school_year: str
    ine: str
    student_email: str
    tutor_role: str
    tutor_volunteer: bool
    referent: bool  # the association's "référent(e) de stage", or its "tuteur" / "tutrice"
    signed_school: dt.date
    signed_host: dt.date
    signed_intern: dt.date
    review: dt.date
    event: dt.date
    weeks: int
    siret: str  # the facts' SIRET as printed
    spell: object
    clock: object
    schedule: list[tuple[str, str, str, int]]
    hours_style: str  # "plain", "spread", "schedule"
    pass_price: float
    voucher: float
    fee: int
    opening: str
    annex: bool

    @property
    def pronoun(self) -> str:
        return "elle" if self.she else "il"

    @property
    def host(self) -> str:
        """The association as the clauses call it, at the start of a sentence."""
        return self.term[0].upper() + self.term[1:]

    @property
    def term_e(self) -> str:
        """The feminine ending agreeing with `term`."""
        feminine = self.assoc.profile.feminine if self.term == self.assoc.profile.word else "organisme" not in self.term
        return "e" if feminine else ""

    @property
    def tutor_word(self) -> str:
        """"la référente", "le tuteur"…"""
        she = _feminine(self.facts.internship.tutor)
        if self.referent:
            return "la référente" if she else "le référent"
        return "la tutrice" if she else "le tuteur"

    @property
    def to_tutor(self) -> str:
        """"à la référente", "au tuteur"…"""
        return "à " + self.tutor_word if self.tutor_word.startswith("la ") else "au " + self.tutor_word[3:]

    @property
    def tutor_title(self) -> str:
        """"Référente de stage", "Tuteur de stage"."""
        return self.tutor_word.split(" ", 1)[1].capitalize() + " de stage"


def _the(name: str) -> str:
    """The name with its article: "l'Association …", "le Comité …", "la Ressourcerie …"."""
    article = {"Comité": "le ", "Fédération": "la ", "Ressourcerie": "la "}.get(name.split()[0], "l'")
    return article + name


def _association(facts: DossierFacts, profile: Profile, people: list[str], rng: random.Random,
                 latest: dt.date) -> Association:
    st = facts.internship
    city = st.host.city
    postcode = POSTCODES.get(city, st.host.address.split(",")[-1].split()[0])
    name = profile.name.format(de=_de(city))
    declared = dt.date(rng.randint(1978, 2019), rng.randint(1, 12), rng.randint(1, 28))
    published = declared + dt.timedelta(days=rng.randint(12, 40))
    if city in LOCAL_LAW:
        rna, register = "", f"volume {rng.randint(40, 98)}, folio {rng.randint(1, 240)}"
    else:
        rna, register = f"W{postcode[:2]}{rng.choice('1123')}{rng.randint(0, 999999):06d}", ""
    recognition = rng.choice(RECOGNITIONS).format(
        dept=postcode[:2], year=rng.randint(2005, 2022), n=rng.randint(1, 250),
        day=date_slash(dt.date(rng.randint(2016, 2023), rng.randint(1, 12), rng.randint(1, 28))))
    slug = _ascii(profile.acronym) + "-" + _ascii(city).replace("-", "")
    site = ""
    if profile.site:
        site = f"{profile.site}, {rng.randint(2, 180)} {rng.choice(STREETS)}, {postcode} {city}"
    president, director = people[:2]
    elected = latest - dt.timedelta(days=rng.randint(200, 1100))
    staff, volunteers = profile.people
    return Association(
        profile=profile, name=name, address=st.host.address, city=city, site_address=site, rna=rna, register=register,
        declared=declared, published=published, recognition=recognition, phone=_phone(rng),
        email=rng.choice(("contact", "accueil", "stages", "secretariat")) + f"@{slug}.org", web=f"www.{slug}.org",
        president=president, elected=elected, director=director,
        director_title=_gendered(rng.choice(SIGNER_TITLES), director), delegation=rng.random() < 0.45,
        insurer=rng.choice(INSURERS), policy=f"{rng.randint(1000000, 9999999)}{rng.choice('ABCDEFGHJK')}",
        staff=max(1, staff + rng.randint(-2, 4)), volunteers=max(5, volunteers + rng.randint(-10, 30)))


def _draft(facts: DossierFacts, layout: str, rng: random.Random) -> Draft:
    st = facts.internship
    profile = rng.choice(PROFILES.get(st.subject, PROFILES["Analyse de données commerciales"]))
    people = _others(rng, {st.tutor, st.host.manager}, 4)
    latest = min(st.start_date - dt.timedelta(days=1), facts.reference_date)
    # the president is the facts' host manager, never a truth: the signatory or a name beside the director's
    assoc = _association(facts, profile, [st.host.manager, people[0]], rng, latest)
    school = _school(facts, people[1:4], rng)
    university = st.institution.startswith("Université")
    school = dataclasses.replace(school, programme=rng.choice(PROGRAMMES[university]))
    terms = (profile.word, "l'association d'accueil", "l'organisme d'accueil", "la structure d'accueil")
    term = rng.choice(terms if profile.word == "l'Association" else terms + (profile.word,))
    taken = {st.start_date, st.end_date}
    signed_school = _weekday(latest - dt.timedelta(days=rng.randint(12, 40)))
    signed_host = min(latest, _weekday(signed_school + dt.timedelta(days=rng.randint(1, 8))))
    if signed_host.weekday() > 4:
        signed_host = _weekday(signed_host, forward=False)
    signed_intern = min(latest, signed_school + dt.timedelta(days=rng.randint(0, 5)))
    review = _weekday(st.start_date + (st.end_date - st.start_date) * rng.uniform(0.4, 0.6))
    if review in taken:
        review -= dt.timedelta(days=1)
    event = st.start_date + dt.timedelta(days=rng.randint(3, max(3, (st.end_date - st.start_date).days - 3)))
    event += dt.timedelta(days=(5 - event.weekday()) % 7)  # a Saturday during the stage
    while event >= st.end_date and event - dt.timedelta(days=7) > st.start_date:
        event -= dt.timedelta(days=7)
    if event in taken:
        event += dt.timedelta(days=7)
    year = st.start_date.year if st.start_date.month >= 9 else st.start_date.year - 1
    first, last = (re.sub(r"[^a-z-]", "", _ascii(name.split()[0])) for name in (facts.person.given_names,
                                                                              facts.person.surname))
    clock = _clock_style(rng)
    days = (st.end_date - st.start_date).days + 1
    prefix = rng.choice(("CONV", "STG", "ASSOC"))
    return Draft(
        facts=facts, layout=layout, assoc=assoc, school=school, term=term,
        number=f"{prefix}-{signed_school.year}-{rng.randint(1, 480):03d}", school_year=f"{year}-{year + 1}",
        ine=f"{rng.randint(10**9, 10**10 - 1)}{rng.choice('ABCDEFGHJK')}",
        student_email=f"{_ascii(first)}.{_ascii(last)}@etu.{_ascii(school.referent_email.split('@')[1])}",
        tutor_role=_gendered(rng.choice(profile.tutor_roles), st.tutor), tutor_volunteer=rng.random() < 0.3,
        referent=rng.random() < 0.5,
        signed_school=signed_school, signed_host=signed_host, signed_intern=signed_intern, review=review,
        event=event, weeks=max(1, round(days / 7)),
        siret=siret_spaced(st.siret) if rng.random() < 0.4 else st.siret,
        spell=rng.choice((date_slash, date_long, date_with_weekday)), clock=clock,
        schedule=_schedule(st.weekly_hours, clock, rng), hours_style=rng.choice(("plain", "spread", "schedule")),
        pass_price=PASSES.get(assoc.city, 50.0), voucher=rng.choice((7.0, 8.0, 8.5, 9.0, 10.0)),
        fee=rng.choice((10, 15, 20, 25)),
        opening=f"{clock(rng.choice((540, 570)))} à {clock(rng.choice((1020, 1050)))}",
        annex=rng.random() < (0.5 if layout != "blocks" else 0.35))


# --------------------------------------------------------------------------------------------------------- wording
def _days(d: Draft) -> str:
    """"du lundi au vendredi", "les lundi, mardi et jeudi"."""
    days = [day.lower() for day, *_ in d.schedule]
    if list(WEEKDAYS_FR[:len(days)]) == days:
        return f"du lundi au {days[-1]}"
    return f"les {', '.join(days[:-1])} et {days[-1]}"


def _times(d: Draft) -> str:
    _, morning, afternoon, minutes = d.schedule[0]
    hours = " et de ".join(part.replace(" – ", " à ") for part in (morning, afternoon) if part != "—")
    return f"de {hours} ({_duration(minutes)} par jour)"


def _hours(d: Draft) -> str:
    """The weekly hours in a sentence, in the draft's style."""
    lower = d.trainee.lower()
    if d.hours_style == "spread":
        return (f"{d.weekly} heures hebdomadaires réparties sur {len(d.schedule)} jours ({_days(d)}), "
                f"{_times(d)}.")
    if d.hours_style == "schedule":
        return (f"La durée hebdomadaire de présence {'de la' if d.she else 'du'} stagiaire est de {d.weekly} heures, "
                "selon l'emploi du temps ci-dessous :")
    return (f"La durée de présence {'de la' if d.she else 'du'} stagiaire est fixée à {d.weekly} heures par semaine, "
            f"{_days(d)}, {_times(d)}. Les horaires sont ceux de l'équipe salariée ; {lower} ne peut être "
            "présent" + d.e() + " la nuit, le dimanche ni les jours fériés.")


def _timetable(d: Draft) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = [("Jour", "Matin", "Après-midi", "Durée")]
    for day in [w.capitalize() for w in WEEKDAYS_FR[:5]]:
        found = next((r for r in d.schedule if r[0] == day), None)
        rows.append((day, found[1], found[2], _duration(found[3])) if found else (day, "—", "—", "—"))
    rows.append(("Total hebdomadaire", "", "", f"{d.weekly} h"))
    return rows


def _floor(d: Draft) -> bool:
    st = d.facts.internship
    return abs(st.gratification - float(gratification_floor(st.start_date, st.weekly_hours))) < 0.005


def _gratification(d: Draft, rng: random.Random) -> tuple[str, str]:
    """(the clause, the short value of a form's cell)."""
    st = d.facts.internship
    to = "à la stagiaire" if d.she else "au stagiaire"
    short_stage = presence_hours(st.weekly_hours, st.start_date, st.end_date) <= GRATIFICATION_HOURS
    hourly = value_at(INTERN_HOURLY_MIN, st.start_date)
    if st.gratification == 0:
        if short_stage:
            text = rng.choice((
                ("Le stage n'ouvre pas droit à gratification, sa durée n'excédant pas deux mois (308 heures de "
                 "présence effective, article L. 124-6 du code de l'éducation)."),
                (f"La durée du stage n'excédant pas deux mois, {d.term} ne verse pas de gratification {to}. "
                 f"{d.trainee} peut toutefois bénéficier des avantages prévus à l'article suivant.")))
            short = rng.choice(("Néant (stage de deux mois au plus)", "Sans objet – durée inférieure à deux mois"))
        else:
            text = f"Aucune gratification n'est versée {to} au titre du présent stage."
            short = "Néant"
        return text, short
    monthly = euros(st.gratification)
    if _floor(d):
        rate = number_fr(float(hourly))
        text = rng.choice((
            (f"{d.host} verse {to} une gratification de {rate} € par heure de présence effective, soit {monthly} par "
             f"mois pour {d.weekly} heures hebdomadaires (15 % du plafond horaire de la sécurité sociale)."),
            (f"{d.trainee} perçoit une gratification horaire égale au minimum légal, soit {rate} € par heure de "
             f"stage ; pour {d.weekly} heures par semaine, son montant mensuel est de {monthly}.")))
        short = f"{rate} € par heure de présence, soit {monthly} par mois"
    else:
        lead = "Bien que la durée du stage n'excède pas deux mois, " if short_stage else ""
        text = rng.choice((f"{lead}{d.term} verse {to} une gratification mensuelle de {monthly}.",
                           f"{lead}{d.term} verse {to} une gratification de {monthly} par mois."))
        text = text[0].upper() + text[1:]
        short = rng.choice((f"{monthly} par mois", f"{monthly} mensuels"))
    text += (" Elle est versée à la fin de chaque mois par virement, au prorata du temps de présence pour un mois "
             "incomplet ; elle n'a pas le caractère d'un salaire.")
    return text, short


def _advantages(d: Draft) -> list[str]:
    half = number_fr(d.pass_price / 2)
    return [(f"prise en charge de 50 % de l'abonnement de transport public ({number_fr(d.pass_price)} € par mois, "
             f"soit {half} € remboursés mensuellement sur justificatif)"),
            (f"titres-restaurant d'une valeur faciale de {number_fr(d.voucher)} € par jour de présence, pris en charge "
             f"à 50 % par {d.term}"),
            f"adhésion à {d.assoc.profile.word} offerte pour l'année (cotisation annuelle de {d.fee} €)"]


def _charter(d: Draft) -> str:
    return (f"{d.trainee} conserve son statut d'étudiant{d.e()} : {d.pronoun} n'est ni salarié{d.e()} ni bénévole de "
            f"{d.term}. {d.pronoun.capitalize()} prend connaissance de la Charte du bénévolat, du règlement intérieur "
            f"et du contrat d'engagement républicain souscrit par {d.term}, dont {d.pronoun} respecte les principes. "
            "Une participation à des actions bénévoles en dehors des horaires du stage relève d'un engagement "
            "personnel, distinct de la présente convention.")


def _party_association(d: Draft) -> str:
    a = d.assoc
    if a.rna:
        legal = (f"association régie par la loi du 1er juillet 1901, déclarée à "
                 f"{PREFECTURES.get(a.city, 'la préfecture')} le {date_slash(a.declared)} sous le numéro {a.rna} "
                 f"(Journal officiel du {date_slash(a.published)})")
    else:
        legal = (f"association de droit local régie par les articles 21 à 79-III du code civil local, inscrite au "
                 f"registre des associations du tribunal judiciaire de {a.city} le {date_slash(a.declared)}, "
                 f"{a.register}")
    signer = f"{_civ(a.signer)}, {a.signer_title.lower()}"
    if a.delegation:
        signer += (f", par délégation de {'sa présidente' if _feminine(a.president) else 'son président'}, "
                   f"{_civ(a.president)}")
    else:
        signer += f", {'élue' if _feminine(a.president) else 'élu'} par l'assemblée générale du {date_slash(a.elected)}"
    return (f"{a.name}, {legal}, {a.recognition}, dont le siège social est situé {a.address}, SIRET {d.siret}, code "
            f"APE {a.profile.ape}, ayant pour objet de {a.profile.objet}, {a.agreed('représenté')} par {signer}, "
            f"ci-après {a.agreed('dénommé')} « {d.term} »,")


def _party_intern(d: Draft) -> str:
    p, st = d.facts.person, d.facts.internship
    return (f"{p.civility_long} {p.surname} {st.given_names}, né{d.e()} le {date_slash(p.birth_date)} à "
            f"{p.birth_city.title()} ({p.country.name_fr}), de nationalité {p.demonym}, demeurant {p.address}, "
            f"inscrit{d.e()} en {d.school.programme} pour l'année universitaire {d.school_year}, numéro INE {d.ine}, "
            f"courriel {d.student_email}, ci-après dénommé{d.e()} « {d.trainee.lower()} ».")


def _place(d: Draft) -> str:
    a = d.assoc
    if a.site_address:
        return f"Le stage se déroule principalement dans les locaux de {d.term} : {a.site_address}."
    return f"Le stage se déroule au siège de {d.term}, {a.address}."


def _articles(d: Draft, gratification: str, rng: random.Random) -> list[tuple[str, list[str]]]:
    st, a, s = d.facts.internship, d.assoc, d.school
    lower, e = d.trainee.lower(), d.e()
    activities = "; ".join(x[0].lower() + x[1:] for x in a.profile.activities[:rng.randint(2, 4)])
    total = (f", soit {d.hours_total()} heures de présence effective" if rng.random() < 0.5 else "")
    staff = (f"{'bénévole' if d.tutor_volunteer else 'salarié' + ('e' if _feminine(st.tutor) else '')} de "
             f"{d.term}")
    referent = "e" if _feminine(s.referent) else ""
    hours = [_hours(d)]
    if d.hours_style != "plain":
        hours.append(f"{d.trainee} ne peut être présent{e} la nuit, le dimanche ni les jours fériés.")
    hours.append(f"À titre d'information, l'accueil du public est assuré du lundi au vendredi de {d.opening}. La "
                 f"présence {'de la' if d.she else 'du'} stagiaire lors d'actions en soirée ou le week-end, notamment "
                 f"{a.profile.event} du {date_slash(d.event)}, se fait sur la base du volontariat et donne lieu à "
                 "récupération.")
    accident = ("l'établissement d'enseignement effectue la déclaration auprès de la caisse primaire d'assurance "
                "maladie" if st.gratification <= float(gratification_floor(st.start_date, st.weekly_hours)) else
                f"{d.term} effectue la déclaration auprès de la caisse primaire d'assurance maladie et en informe "
                "l'établissement d'enseignement")
    out: list[tuple[str, list[str]]] = [
        ("Objet de la convention", [
            (f"La présente convention règle les rapports entre l'établissement d'enseignement, {d.term} et {lower} "
             "dans le cadre du stage prévu au cursus de l'étudiant" + e + " (articles L. 124-1 à L. 124-20 et D. 124-1 "
             "à D. 124-13 du code de l'éducation). Le stage ne peut avoir pour objet l'exécution d'une tâche régulière "
             f"correspondant à un poste de travail permanent de {d.term}, ni le remplacement d'un salarié ou d'un "
             "bénévole.")]),
        ("Projet et activités du stage", [
            (f"Thème du stage : « {st.subject} ». Au sein de l'équipe « {a.profile.pole} », "
             f"{lower} se voit confier les activités suivantes : {activities}."
             + (" Le programme détaillé figure en annexe." if d.annex else ""))]),
        ("Lieu, dates et durée du stage", [
            f"Le stage se déroule {d.period()} inclus, pour une durée de {d.weeks} semaines{total}.", _place(d)]),
        ("Durée hebdomadaire et horaires", hours),
        ("Encadrement", [
            (f"{d.trainee} est suivi{e} par {_civ(st.tutor)}, {d.tutor_role}, {staff}, désigné"
             f"{'e' if _feminine(st.tutor) else ''} comme {d.tutor_word} de stage. "
             f"L'enseignant{referent} référent{referent} est {_civ(s.referent)}, {s.referent_title} "
             f"({s.referent_email}). Un point d'étape réunissant les trois parties est prévu le "
             f"{date_slash(d.review)}.")]),
        ("Gratification", [gratification]),
        ("Avantages", [f"{d.trainee} bénéficie des avantages suivants : " + " ; ".join(_advantages(d)) + "."]),
        ("Statut du stagiaire – Charte du bénévolat", [_charter(d)]),
        ("Protection sociale", [
            (f"{d.trainee} conserve sa protection sociale d'étudiant{e}. En cas d'accident survenu au cours du stage "
             f"ou du trajet, {d.term} en informe l'établissement d'enseignement sous 48 heures ; {accident}.")]),
        ("Responsabilité civile et assurances", [
            (f"{d.host} est assuré{d.term_e} au titre de sa responsabilité civile auprès de {a.insurer}, contrat "
             f"n° {a.policy}, qui couvre les activités des salariés, des bénévoles et des stagiaires. L'établissement "
             f"d'enseignement est assuré auprès de {s.insurer} (contrat n° {s.policy}). {d.trainee} justifie d'une "
             "assurance responsabilité civile personnelle.")]),
        ("Absences et congés", [
            (f"Toute absence est signalée le jour même {d.to_tutor} de stage et à l'établissement d'enseignement. "
             + (f"Pour un stage de plus de deux mois, {lower} bénéficie de congés et d'autorisations d'absence "
                "(article L. 124-13 du code de l'éducation)." if d.hours_total() > GRATIFICATION_HOURS else ""))
             .strip()]),
        ("Confidentialité et données personnelles", [
            (f"{d.trainee} est tenu{e} à la discrétion sur les informations dont {d.pronoun} a connaissance, en "
             f"particulier les données personnelles des adhérents, bénéficiaires et donateurs de {d.term} "
             "(règlement général sur la protection des données). Aucune image de bénéficiaire n'est diffusée sans "
             "autorisation écrite.")]),
        ("Fin du stage, attestation et évaluation", [
            (f"À l'issue du stage, {d.term} délivre une attestation de stage mentionnant sa durée effective et, le cas "
             "échéant, le montant total de la gratification versée (article D. 124-9 du code de l'éducation). "
             f"{d.tutor_word.capitalize()} de stage remplit la fiche d'évaluation transmise par "
             "l'établissement d'enseignement."),
            (f"En cas de manquement grave, {d.term} peut mettre fin au stage après avoir entendu {lower} et informé "
             "l'établissement d'enseignement. À défaut d'accord amiable, tout litige relève des juridictions "
             "compétentes.")]),
    ]
    return out


# ---------------------------------------------------------------------------------------------------------- layout
class Page:
    """The flow of the convention in the association's colour: headings, framed blocks, signatures."""

    def __init__(self, d: Draft, font: FontKey, accent: Color, size: float, initials: bool, style: str) -> None:
        self.d, self.font, self.accent, self.size, self.style = d, font, accent, size, style
        self.flow = Flow(font, size, margin=18, top=20, bottom=30 if initials else 24)

    @property
    def tint(self) -> Color:
        """The accent, pale."""
        return tuple(round(c + (255 - c) * 0.85) for c in self.accent)  # type: ignore[return-value]

    def heading_text(self, number: int, title: str) -> str:
        return {"dash": f"Article {number} – {title}", "upper": f"ARTICLE {number} : {title.upper()}",
                "er": f"Art. {'1er' if number == 1 else number} – {title}"}[self.style]

    def heading(self, number: int, title: str) -> None:
        flow = self.flow
        flow.space(1.3)
        flow.ensure(12)
        flow.text(self.heading_text(number, title), self.size + 0.4, bold(self.font), color=self.accent)

    def block(self, title: str, rows: list[list[tuple[str, str]]]) -> None:
        """A rounded frame with its title on a tab at the top left; rows of one or two "Label : value" cells, a long
        value beside a long label going under it."""
        flow, size = self.flow, self.size
        step = flow.line_height(size)
        laid = []
        for row in rows:
            width = (flow.width - 6) / len(row)
            cells = []
            for label, value in row:
                lw = text_width_mm(label + " : ", bold(self.font), size - 0.4) + 1
                lines = wrap(value, self.font, size, width - lw - 3)
                if len(lines) > 1 and lw > width / 3:
                    cells.append((label, [""] + wrap(value, self.font, size, width - 3), 0.0))
                else:
                    cells.append((label, lines, lw))
            laid.append((cells, max(len(lines) for _, lines, _ in cells) * step + 0.8))
        flow.space(3)
        flow.ensure(8 + sum(h for _, h in laid[:3]))
        tab = text_width_mm(title, bold(self.font), size + 0.2) + 8
        top = flow.y + 2.5
        y = top + 2.5
        for cells, height in laid:
            if y + height > A4[1] - flow.bottom:  # the frame closes, and opens again on the next page
                self._frame(title, top, y, tab)
                flow.new_page()
                top = flow.y + 2.5
                y = top + 2.5
            width = (flow.width - 6) / len(cells)
            for i, (label, lines, indent) in enumerate(cells):
                x = flow.margin + 3 + i * width
                flow.sheet.add(Text(x, y + step, label + " :", size - 0.4, bold(self.font), GREY))
                for j, line in enumerate(lines):
                    if line:
                        flow.sheet.add(Text(x + indent, y + step * (j + 1), line, size, self.font))
            y += height
        self._frame(title, top, y, tab)
        flow.y = y + 1.5

    def _frame(self, title: str, top: float, bottom: float, tab: float) -> None:
        flow = self.flow
        flow.sheet.add(Box(flow.margin, top, flow.width, bottom - top + 1.5, stroke=self.accent, width=0.35,
                           radius=2.5))
        self._tab(title, top, tab)

    def _tab(self, title: str, top: float, width: float) -> None:
        sheet = self.flow.sheet
        sheet.add(Box(self.flow.margin + 4, top - 2.6, width, 5.2, fill=self.accent, stroke=None, radius=1.2),
                  Text(self.flow.margin + 8, top + 1.1, title, self.size + 0.2, bold(self.font), (255, 255, 255)))

    def grid(self, rows: list[tuple[str, str]], label_w: float = 42.0) -> None:
        """A ruled table of label | value rows, the value wrapped (the annex)."""
        flow, size = self.flow, self.size
        step = flow.line_height(size)
        for label, value in rows:
            labels = wrap(label, bold(self.font), size, label_w - 3)
            values = wrap(value, self.font, size, flow.width - label_w - 4)
            height = max(len(labels), len(values)) * step + 1.8
            flow.ensure(height)
            flow.sheet.add(Box(flow.margin, flow.y, label_w, height, fill=self.tint, stroke=FRAME, width=0.2),
                           Box(flow.margin + label_w, flow.y, flow.width - label_w, height, stroke=FRAME, width=0.2))
            for i, line in enumerate(labels):
                flow.sheet.add(Text(flow.margin + 1.5, flow.y + step * (i + 1) + 0.3, line, size, bold(self.font)))
            for i, line in enumerate(values):
                flow.sheet.add(Text(flow.margin + label_w + 2, flow.y + step * (i + 1) + 0.3, line, size, self.font))
            flow.y += height

    def signatures(self, cells: list[tuple[str, list[str]]], height: float, stamp: bool) -> None:
        """Cells side by side under a rule: the role in the accent colour, the signer, the date, room to sign."""
        flow = self.flow
        width = flow.width / len(cells)
        flow.ensure(height + 2)
        top = flow.y + 1
        for i, (role, lines) in enumerate(cells):
            x = flow.margin + i * width
            flow.sheet.add(Rule(x + 1, top, x + width - 2, top, 0.5, self.accent))
            y = top
            for part in wrap(role, bold(self.font), 7.6, width - 3)[:2]:
                y += 3.4
                flow.sheet.add(Text(x + 1, y, part, 7.6, bold(self.font), self.accent))
            for line in lines:
                for part in wrap(line, self.font, 7.3, width - 3):
                    y += 3.2
                    flow.sheet.add(Text(x + 1, y, part, 7.3, self.font))
            flow.sheet.add(Text(x + 1, top + height - 1, "Signature", 6.2, self.font, GREY),
                           Rule(x + 12, top + height - 1, x + width - 4, top + height - 1, 0.15, FRAME))
            if stamp and i == 1:
                self.stamp(x + width - 36, top + height - 17)
        flow.y = top + height + 2

    def stamp(self, x: float, y: float) -> None:
        """The association's rubber stamp: its name, its status and town, in blue ink, slightly askew lines."""
        a = self.d.assoc
        sheet = self.flow.sheet
        lines = wrap(a.name.upper(), bold(FontKey("sans")), 5.0, 30)[:2]
        sheet.add(Box(x, y, 34, 14, stroke=STAMP, width=0.45, radius=5),
                  Box(x + 1, y + 1, 32, 12, stroke=STAMP, width=0.15, radius=4.2))
        for i, line in enumerate(lines):
            sheet.add(Text(x + 17, y + 4.6 + 2.4 * i, line, 5.0, bold(FontKey("sans")), STAMP, "center"))
        sheet.add(Text(x + 17, y + 9.6, a.status, 4.6, FontKey("sans"), STAMP, "center"),
                  Text(x + 17, y + 12, a.city.upper(), 4.6, FontKey("sans"), STAMP, "center"))


def _logo(sheet: Sheet, x: float, y: float, accent: Color, light: Color, acronym: str, font: FontKey,
          on_band: bool) -> None:
    """Three overlapping discs (people holding hands), the acronym beside them."""
    colours = ((255, 255, 255), light, (255, 255, 255)) if on_band else (accent, light, accent)
    for i, colour in enumerate(colours):
        sheet.add(Ellipse(x + i * 4.2, y + (0 if i % 2 else 2.2), 7, 7, fill=colour))
    sheet.add(Text(x + 1, y + 14.5, acronym, 8.5 if len(acronym) < 5 else 7.2, bold(font),
                   (255, 255, 255) if on_band else accent))


def _contacts(a: Association) -> list[str]:
    return [a.address, f"Tél. {a.phone} – {a.email}", a.web]


def _letterhead(page: Page, band: bool) -> None:
    d, flow = page.d, page.flow
    a, sheet, font, accent = d.assoc, flow.sheet, page.font, page.accent
    if band:
        sheet.add(Box(0, 0, A4[0], 30, fill=accent, stroke=None))
        _logo(sheet, 16, 6, accent, page.tint, a.profile.acronym, font, True)
        size = 12.5
        while size > 8 and text_width_mm(a.name, bold(font), size) > A4[0] - 54:
            size -= 0.3
        left = [a.status + (f" – RNA {a.rna}" if a.rna else f" – {a.register}"), a.address]
        right = _contacts(a)[1:]
        small = 7.4
        while small > 5.5 and max(text_width_mm(x, font, small) for x in left) + max(
                text_width_mm(x, font, small) for x in right) > A4[0] - 40 - 14 - 6:
            small -= 0.2
        sheet.add(Text(40, 13, a.name, size, bold(font), (255, 255, 255)))
        for i, (line, contact) in enumerate(zip(left, right)):
            sheet.add(Text(40, 18.5 + 4.3 * i, line, small, font, (255, 255, 255)),
                      Text(A4[0] - 14, 18.5 + 4.3 * i, contact, small, font, (255, 255, 255), "right"))
        flow.y = 36
    else:
        _logo(sheet, 18, 10, accent, page.tint, a.profile.acronym, font, False)
        size = 11.5
        while size > 8 and text_width_mm(a.name, bold(font), size) > 120:
            size -= 0.3
        sheet.add(Text(42, 14.5, a.name, size, bold(font), accent),
                  Text(42, 19, a.status + (" – reconnue d'intérêt général" if "intérêt général" in a.recognition
                                           else ""), 7.6, font, GREY))
        for i, line in enumerate(_contacts(a)):
            sheet.add(Text(42, 23 + 3.4 * i, line, 7.2, font, GREY))
        sheet.add(Rule(18, 36.5, A4[0] - 18, 36.5, 0.6, accent))
        flow.y = 40

    def header(sheet: Sheet) -> None:
        draw_head(sheet, f"{a.profile.acronym} – Convention de stage n° {d.number}",
                  f"{d.facts.person.surname} {d.facts.internship.given_names}", font, ink=GREY, rule=accent)
    flow.header = header


def _footer(page: Page, initials: bool):
    d, flow = page.d, page.flow
    a = d.assoc

    def draw(sheet: Sheet, n: int) -> None:
        total = len(flow.sheets)
        ident = f"RNA {a.rna}" if a.rna else f"inscrite au registre des associations du TJ de {a.city}, {a.register}"
        legal = (f"{a.name} – SIRET {d.facts.internship.siret} – APE {a.profile.ape}\n"
                 f"{a.status} – {ident} – Siège social : {a.address}")
        draw_foot(sheet, A4[1] - 14, legal, f"{n}/{total}", page.font, initials and n < total, ink=GREY,
                  rule=page.accent, frame=FRAME)
    return draw


def _title(page: Page, rng: random.Random) -> None:
    d, flow = page.d, page.flow
    title = rng.choice(("CONVENTION DE STAGE", "CONVENTION TRIPARTITE DE STAGE", "CONVENTION DE STAGE EN ASSOCIATION"))
    flow.text(title, page.size + 5, bold(page.font), "center")
    sub = rng.choice(("entre l'établissement d'enseignement, l'association d'accueil et le ou la stagiaire",
                      "Articles L. 124-1 à L. 124-20 et D. 124-1 à D. 124-13 du code de l'éducation",
                      (f"Accueil d'un{'e' if d.she else ''} étudiant{d.e()} stagiaire – année universitaire "
                       f"{d.school_year}")))
    flow.text(sub, page.size + 0.4, page.font, "center", color=page.accent)
    flow.text(f"Convention n° {d.number} – année universitaire {d.school_year}", page.size - 0.6, page.font, "center",
              color=GREY)
    flow.space(2)


def _signature_cells(d: Draft) -> list[tuple[str, list[str]]]:
    a, s, st, p = d.assoc, d.school, d.facts.internship, d.facts.person
    for_host = [f"{_civ(a.signer)}, {a.signer_title}"]
    if a.delegation:
        for_host.insert(0, f"Pour {'la présidente' if _feminine(a.president) else 'le président'} et par délégation,")
    return [("Pour l'établissement d'enseignement",
             [f"{_civ(s.delegate)}, {s.delegate_title}", f"Le {date_slash(d.signed_school)}"]),
            (f"Pour {_the(a.name)}", [*for_host, f"Le {date_slash(d.signed_host)}"]),
            (d.trainee, [f"{st.given_names} {p.surname}", "« Lu et approuvé »", f"Le {date_slash(d.signed_intern)}"])]


def _sign(page: Page, rng: random.Random) -> None:
    d, flow, st, s = page.d, page.flow, page.d.facts.internship, page.d.school
    if len(flow.sheets) == 1:  # two pages at least: the signatures on the second
        flow.new_page()
    flow.space(3)
    flow.ensure(50)
    flow.text(rng.choice(("Fait en trois exemplaires originaux, un pour chacune des parties.",
                          f"Fait à {d.assoc.city}, en trois exemplaires originaux.")), page.size)
    flow.space(1)
    page.signatures(_signature_cells(d), 30, rng.random() < 0.6)
    if rng.random() < 0.7:
        page.signatures([(f"Visa – {d.tutor_word} de stage", [_civ(st.tutor), d.tutor_role]),
                         ("Visa – l'enseignant(e) référent(e)", [_civ(s.referent), s.referent_title])], 18, False)


def _annex(page: Page, rng: random.Random) -> None:
    d, flow = page.d, page.flow
    st, a, p = d.facts.internship, d.assoc, d.facts.person
    flow.new_page()
    flow.text("ANNEXE – PROGRAMME D'ACTIVITÉS DU STAGE", page.size + 3.5, bold(page.font), "center", color=page.accent)
    flow.text(f"Convention n° {d.number} – {p.surname} {st.given_names} – {a.name}", page.size, page.font, "center",
              color=GREY)
    flow.space(3)
    phases = list(a.profile.activities)
    cut = [round(d.weeks * i / len(phases)) for i in range(len(phases) + 1)]
    rows = [("Thème du stage", st.subject), ("Service d'accueil", a.profile.pole)]
    rows += [(f"Semaine{'s' if cut[i + 1] - cut[i] > 1 else ''} {cut[i] + 1}"
              + (f" à {cut[i + 1]}" if cut[i + 1] - cut[i] > 1 else ""), activity)
             for i, activity in enumerate(phases) if cut[i + 1] > cut[i]]
    rows += [("Compétences visées", rng.choice((
                "Conduite de projet en équipe pluridisciplinaire (salariés et bénévoles) ; restitution écrite et orale",
                ("Autonomie, rigueur, travail en réseau avec les partenaires de l'association ; sens de l'intérêt "
                 "général")))),
             ("Suivi", (f"Point hebdomadaire le {rng.choice(WEEKDAYS_FR[:5])} avec {d.tutor_word} de stage ; point "
                        f"d'étape tripartite le {date_slash(d.review)} ; rapport de stage remis à l'établissement"))]
    page.grid(rows)
    if d.hours_style != "schedule":
        flow.space(3)
        flow.text("Emploi du temps hebdomadaire", page.size + 0.6, bold(page.font), color=page.accent)
        flow.table(_timetable(d), (40, 50, 50, 34), page.size - 0.2, bold(page.font), page.tint)
    flow.space(4)
    page.signatures([(d.tutor_title, [_civ(st.tutor)]),
                     ("L'enseignant(e) référent(e)", [_civ(d.school.referent)]),
                     (d.trainee, [f"{st.given_names} {p.surname}"])], 18, False)


def _articles_layout(page: Page, rng: random.Random) -> None:
    d, flow = page.d, page.flow
    gratification, _ = _gratification(d, rng)
    _title(page, rng)
    parties = [("L'ÉTABLISSEMENT D'ENSEIGNEMENT", _party_school(d)),
               ("L'ASSOCIATION D'ACCUEIL" if "ssociation" in d.term else "L'ORGANISME D'ACCUEIL",
                _party_association(d))]
    if rng.random() < 0.5:
        parties.reverse()
    parties.append((d.trainee.upper(), _party_intern(d)))
    flow.text("ENTRE LES SOUSSIGNÉS :" if rng.random() < 0.6 else "Entre :", page.size + 0.4, bold(page.font))
    for i, (head, text) in enumerate(parties):
        flow.space(1.2)
        if i:
            flow.text("ET", page.size, bold(page.font))
        flow.text(head, page.size, bold(page.font), color=page.accent)
        flow.text(text)
    flow.space(1.5)
    flow.text("Il a été convenu ce qui suit :", page.size + 0.3, bold(page.font))
    for number, (title, paragraphs) in enumerate(_articles(d, gratification, rng), 1):
        page.heading(number, title)
        for k, text in enumerate(paragraphs):
            flow.text(text)
            if k == 0 and title.startswith("Durée hebdomadaire") and d.hours_style == "schedule":
                flow.table(_timetable(d), (40, 50, 50, 34), page.size - 0.2, bold(page.font), page.tint)
    _sign(page, rng)


def _blocks_layout(page: Page, rng: random.Random) -> None:
    d, flow = page.d, page.flow
    a, s, st, p = d.assoc, d.school, d.facts.internship, d.facts.person
    _, gratification = _gratification(d, rng)
    _title(page, rng)
    ident = [("N° RNA", a.rna)] if a.rna else [("Registre", f"TJ de {a.city}, {a.register}")]
    host = [[("Dénomination", a.name)], [("Statut", f"{a.status}, {a.since}")],
            [("Objet social", a.profile.objet[0].upper() + a.profile.objet[1:])],
            [("Siège social", a.address)], [ident[0], ("N° SIRET", d.siret)],
            [("Code APE", a.profile.ape), ("Effectif", f"{a.staff} salariés, {a.volunteers} bénévoles")],
            [(a.agreed("Représenté") + " par", f"{_civ(a.signer)}, {a.signer_title}"
              + (" (par délégation)" if a.delegation else ""))],
            [("Contact", f"{a.phone} – {a.email}")]]
    if a.delegation:
        host.insert(6, [(_gendered(("Président", "Présidente"), a.president), _civ(a.president))])
    intern = [[("Nom", p.surname), ("Prénom(s)", st.given_names)],
              [(f"Né{d.e()} le", f"{date_slash(p.birth_date)} à {p.birth_city.title()}"),
               ("Nationalité", p.demonym.capitalize())],
              [("Adresse", p.address)], [("N° INE", d.ine), ("Courriel", d.student_email)],
              [("Formation", f"{s.programme} – {d.school_year}")]]
    school = [[("Établissement", s.name)], [("Adresse", s.address)], [("SIRET", s.siret), ("UAI", s.uai)],
              [("Représenté par", f"{_civ(s.delegate)}, {s.delegate_title}")]]
    blocks = [("L'ASSOCIATION D'ACCUEIL", host), ("LE OU LA STAGIAIRE", intern),
              ("L'ÉTABLISSEMENT D'ENSEIGNEMENT", school)]
    if rng.random() < 0.4:
        blocks = [blocks[2], blocks[0], blocks[1]]
    for title, rows in blocks:
        page.block(title, rows)
    hours = {"plain": f"{d.weekly} heures par semaine, {_days(d)}",
             "spread": f"{d.weekly} heures hebdomadaires réparties sur {len(d.schedule)} jours ({_days(d)})",
             "schedule": f"{d.weekly} heures, {_days(d)}, {_times(d)}"}[d.hours_style]
    stage = [[("Thème", st.subject)],
             [("Activités", "; ".join(a.profile.activities))],
             [("Période", f"Du {d.spell(st.start_date)} au {d.spell(st.end_date)} inclus")],
             [("Durée", f"{d.weeks} semaines"), ("Présence totale", f"{d.hours_total()} heures")],
             [("Durée hebdomadaire", hours)],
             [("Lieu du stage", a.site_address or f"Siège de l'association, {a.address}")],
             [("Gratification", gratification)],
             [("Transport", f"50 % de l'abonnement ({number_fr(d.pass_price / 2)} € par mois)"),
              ("Titres-restaurant", f"{number_fr(d.voucher)} € (50 % employeur)")]]
    page.block("LE STAGE", stage)
    tutor = "e" if _feminine(st.tutor) else ""
    page.block("ENCADREMENT", [
        [(d.tutor_title,
          f"{_civ(st.tutor)}, {d.tutor_role} ({'bénévole' if d.tutor_volunteer else 'salarié' + tutor})")],
        [("Enseignant(e) référent(e)", f"{_civ(s.referent)}, {s.referent_title} – {s.referent_email}")],
        [("Point d'étape", date_slash(d.review))]])
    flow.space(3)
    flow.ensure(20)
    flow.text("CONDITIONS GÉNÉRALES", page.size + 0.6, bold(page.font), color=page.accent)
    small = page.size - 0.7
    clauses = [
        (f"Le stage s'inscrit dans le cursus de l'étudiant{d.e()} (articles L. 124-1 et suivants du code de "
         f"l'éducation) ; il ne peut avoir pour objet de remplacer un salarié ou un bénévole de l'association."),
        _charter(d),
        (f"{d.trainee} est soumis{d.e()} au règlement intérieur de l'association et à la discrétion sur les données "
         "des adhérents et bénéficiaires."),
        (f"L'association est assurée en responsabilité civile auprès de {a.insurer} (contrat n° {a.policy}) ; "
         f"l'établissement d'enseignement auprès de {s.insurer} (contrat n° {s.policy})."),
        ("En cas d'accident au cours du stage ou du trajet, l'association en informe l'établissement d'enseignement "
         "sous 48 heures."),
        (f"Toute absence est signalée le jour même {d.to_tutor} de stage. En cas de manquement grave, "
         "l'association peut mettre fin au stage après en avoir informé l'établissement."),
        ("À l'issue du stage, l'association délivre une attestation de stage (article D. 124-9 du code de "
         f"l'éducation) ; {d.tutor_word} de stage remplit la fiche d'évaluation."),
    ]
    for i, clause in enumerate(clauses, 1):
        flow.text(f"{i}. {clause}", small)
    _sign(page, rng)


class Columns:
    """Articles in two columns down each page and onto the next, the columns of the last page balanced: the lines are
    gathered first, then laid out; a heading keeps its first two lines with it."""

    def __init__(self, page: Page, size: float) -> None:
        self.page, self.size = page, size
        self.gap = 7.0
        self.width = (page.flow.width - self.gap) / 2
        self.lines: list[tuple[str, FontKey, Color, float, int]] = []  # (text, font, colour, space before, glue)

    def text(self, text: str, font: FontKey, color: Color = BLACK, heading: bool = False, before: float = 0.0) -> None:
        lines = wrap(text, font, self.size, self.width)
        for i, line in enumerate(lines):  # a heading's line keeps the rest of it and two lines more with it
            self.lines.append((line, font, color, before if i == 0 else 0.0, len(lines) - i + 1 if heading else 0))

    def _height(self, lines: list[tuple[str, FontKey, Color, float, int]]) -> float:
        step = self.page.flow.line_height(self.size)
        return sum(step + before for _, _, _, before, _ in lines)

    def _fit(self, start: int, room: float) -> int:
        """The index after the last line from `start` that fits in `room`, not breaking a heading from its lines."""
        step = self.page.flow.line_height(self.size)
        y, end = 0.0, start
        while end < len(self.lines) and y + step + self.lines[end][3] <= room:
            y += step + self.lines[end][3]
            end += 1
        if end < len(self.lines):
            back = end
            while back > start + 1 and any(self.lines[k][4] and k + self.lines[k][4] >= end
                                           for k in range(max(start, back - 6), back)):
                back -= 1
            end = back
        return end

    def lay_out(self) -> None:
        flow = self.page.flow
        step = flow.line_height(self.size)
        xs = (flow.margin, flow.margin + self.width + self.gap)
        i = 0
        while i < len(self.lines):
            top = flow.y
            room = A4[1] - flow.bottom - top
            if room < 4 * step:
                flow.new_page()
                continue
            rest = self._height(self.lines[i:])
            left_room = room if rest > 2 * room - 2 * step else min(room, rest / 2 + step)
            bottoms = []
            for column, column_room in enumerate((left_room, room)):
                end = self._fit(i, column_room)
                y = top
                for text, font, color, before, _ in self.lines[i:end]:
                    y += step + (before if y > top else 0.0)
                    flow.sheet.add(Text(xs[column], y, text, self.size, font, color))
                bottoms.append(y)
                i = end
            flow.sheet.add(Rule(xs[1] - self.gap / 2, top + 1, xs[1] - self.gap / 2, max(bottoms) + 1, 0.15, FRAME))
            if i < len(self.lines):
                flow.new_page()
            else:
                flow.y = max(bottoms) + 1


def _stacked(page: Page, x: float, top: float, width: float, title: str, rows: list[tuple[str, str]]) -> float:
    """A framed column of small grey labels above their values; returns its bottom."""
    flow, size = page.flow, page.size
    step, label_step = flow.line_height(size), flow.line_height(size - 1.6)
    sheet = flow.sheet
    sheet.add(Box(x, top, width, 6, fill=page.accent, stroke=None),
              Text(x + 2, top + 4.3, title, size + 0.1, bold(page.font), (255, 255, 255)))
    y = top + 6.5
    for label, value in rows:
        y += label_step
        sheet.add(Text(x + 2, y, label, size - 1.6, page.font, GREY))
        for line in wrap(value, page.font, size, width - 4):
            y += step
            sheet.add(Text(x + 2, y, line, size, page.font))
        y += 0.6
    return y + 1.5


def _columns_layout(page: Page, rng: random.Random) -> None:
    d, flow = page.d, page.flow
    a, s, st, p = d.assoc, d.school, d.facts.internship, d.facts.person
    gratification, _ = _gratification(d, rng)
    _title(page, rng)
    half = (flow.width - 6) / 2
    top = flow.y + 1
    ident = ("N° RNA", a.rna) if a.rna else ("Inscription",
                                             f"Registre des associations du TJ de {a.city}, {a.register}")
    left_bottom = _stacked(page, flow.margin, top, half, "L'ÉTABLISSEMENT D'ENSEIGNEMENT", [
        ("Dénomination", s.name), ("Adresse", s.address), ("SIRET / UAI", f"{s.siret} / {s.uai}"),
        ("Représenté par", f"{_civ(s.delegate)}, {s.delegate_title}"),
        ("Enseignant(e) référent(e)", f"{_civ(s.referent)}, {s.referent_title}")])
    left_bottom = _stacked(page, flow.margin, left_bottom + 2, half, d.trainee.upper(), [
        ("Nom et prénom(s)", f"{p.surname} {st.given_names}"),
        (f"Né{d.e()} le / à", f"{date_slash(p.birth_date)} – {p.birth_city.title()} ({p.country.name_fr})"),
        ("Adresse", p.address), ("N° INE", d.ine), ("Formation", f"{s.programme} ({d.school_year})")])
    right = [("Dénomination", a.name), ("Statut", f"{a.status}, {a.since}"), ident,
             ("N° SIRET", d.siret), ("Code APE", a.profile.ape), ("Siège social", a.address),
             ("Objet", a.profile.objet[0].upper() + a.profile.objet[1:]),
             ("Président(e)", _civ(a.president)),
             ("Signataire", f"{_civ(a.signer)}, {a.signer_title}" + (" (délégation)" if a.delegation else "")),
             (d.tutor_title, f"{_civ(st.tutor)}, {d.tutor_role}")]
    if not a.delegation:
        right.pop(7)
    right_bottom = _stacked(page, flow.margin + half + 6, top, half,
                            "L'ORGANISME D'ACCUEIL" if "organisme" in d.term else "L'ASSOCIATION D'ACCUEIL", right)
    flow.y = max(left_bottom, right_bottom) + 2
    flow.text(f"Ci-après dénommés respectivement « l'établissement d'enseignement », « {d.term} » et "
              f"« {d.trainee.lower()} », il a été convenu ce qui suit :", page.size, bold(page.font))
    flow.space(1)
    cols = Columns(page, page.size - 0.8)
    for number, (title, paragraphs) in enumerate(_articles(d, gratification, rng), 1):
        cols.text(page.heading_text(number, title), bold(page.font), page.accent, heading=True, before=1.4)
        for k, text in enumerate(paragraphs):
            cols.text(text, page.font)
            if k == 0 and title.startswith("Durée hebdomadaire") and d.hours_style == "schedule":
                for day, morning, afternoon, minutes in d.schedule:
                    parts = " / ".join(x for x in (morning, afternoon) if x != "—")
                    cols.text(f"– {day} : {parts} ({_duration(minutes)})", page.font)
                cols.text(f"Total hebdomadaire : {d.weekly} heures", bold(page.font))
    cols.lay_out()
    _sign(page, rng)


def convention_association(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    """Two or three pages: drawn again in a smaller size, with the same draws, in the rare case it runs longer."""
    sheets, host = drawn_to_fit(lambda size: _sheets(facts, rng, size), rng, (8.6, 8.2, 7.8, 7.4), 3)
    piece = _agreement_piece(facts, "convention_association", sheets)
    piece.fields["host_name"] = host  # the association printed, the facts' SIRET
    return piece


def _sheets(facts: DossierFacts, rng: random.Random, size: float) -> tuple[list[Sheet], str]:
    """(the pages, the association's name)."""
    layout = rng.choice(LAYOUTS)
    d = _draft(facts, layout, rng)
    initials = rng.random() < 0.4
    page = Page(d, FontKey(rng.choice(FONTS)), rng.choice(ACCENTS), size, initials, rng.choice(("dash", "upper", "er")))
    page.flow.footer = _footer(page, initials)
    _letterhead(page, band=layout == "blocks")
    {"articles": _articles_layout, "blocks": _blocks_layout, "columns": _columns_layout}[layout](page, rng)
    if d.annex:
        _annex(page, rng)
    return page.flow.finish(), d.assoc.name
