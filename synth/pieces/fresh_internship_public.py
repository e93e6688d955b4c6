"""Fresh internship agreement family `convention_fonction_publique` (ninth internship wave, written once
`erasmus_traineeship` had been looked at): the convention de stage a PUBLIC host signs — a State service (a
préfecture, a direction départementale des territoires, a DDETS, a DREAL, an agence régionale de santé), a public
hospital (centre hospitalier, CHU) or a local authority (a town, a département, a métropole, a région) — for a student
of higher education, under the code de l'éducation (articles L. 124-1 to L. 124-20 and D. 124-1 to D. 124-13, as the
décret n° 2014-1420 du 27 novembre 2014 wrote them) and the circulars on internships in the fonction publique.

Three looks, over the seeds:
- the ministry's model convention of a State service: a cover page with the State's bloc-marque ("RÉPUBLIQUE
  FRANÇAISE", "Liberté Égalité Fraternité", "PRÉFET DU …" or the ministry) and the school's logo, the title, a
  framed summary (number, academic year, the parties, the period) and the texts of reference; then the tripartite
  convention — "l'administration d'accueil" (or "l'établissement public d'accueil" for an ARS) represented by its
  head, the school and its enseignant référent, the student — in prose or as label lines, "Il est convenu ce qui
  suit" and numbered articles (objet, activités, dates and horaires, encadrement by a tutor with grade and service,
  gratification, frais de mission et de transport, protection sociale, responsabilité civile — "l'État est son propre
  assureur" —, congés et autorisations d'absence, déontologie, secret et discrétion professionnels, règlement
  intérieur du service, fin de stage, attestation, litiges), signatures "pour le préfet et par délégation" by another
  official than the head, with the delegation's arrêté and its date, the tutor's and the referent's visas;
- a public hospital's own convention: the hospital's letterhead with its DRH's bureau des stages and a reference, the
  parties as ruled label/value lines, articles with the hospital's own (vaccinations, tenue professionnelle, secret
  médical), the signatures, then an annex "FICHE DE STAGE" on its own page (the pôle, service and unité
  fonctionnelle, the cadre de santé, the period and timetable, the welcome day, visas);
- a local authority's convention with an arrêté-like recital ("Le maire de …, Vu le code général de la fonction
  publique ; Vu le code général des collectivités territoriales ; … Vu la délibération n° … du conseil municipal en
  date du … fixant les modalités d'accueil et de gratification des stagiaires ; Vu l'arrêté n° … portant délégation
  de signature …"), "la collectivité d'accueil", articles "Article 1er : …", the signature of the deputy the
  delegation names. A local authority's deliberation may set a gratification above the legal minimum, or grant one
  for a stage of two months or less: the facts whose gratification is neither nil nor the legal minimum get this
  look (the State and the hospitals pay exactly 15 % of the plafond horaire de la sécurité sociale).

Distractors: the tutor (grade, service) and every signatory, the service's own address where the stage takes place,
the school's SIRET and UAI, the INE, the convention's number, the academic year, the deliberation's and the arrêté's
dates and numbers, the signing dates (before the stage), the legal hourly rate and the plafond horaire beside the
monthly amount, the total estimated gratification, the frais de mission's flat rates, the service's own weekly work
cycle, the hospital's unité fonctionnelle and welcome day.

The truth is the generator's usual one (`education._agreement_piece`) with one exception: the facts give the host as a
company, and no company is a préfecture or a hospital, so the host printed is a public body of the company's city
(drawn from the seed) and the truth's `host_name` is that body's name, exactly as the parties print it. Its SIRET is
the facts' (the number a broken-SIRET violation breaks), as are the school, the student, the dates, the weekly hours
and the monthly gratification."""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from synth.checksums import luhn_complete, make_siret
from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, STREETS
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.education import _agreement_piece
from synth.pieces.fresh_diploma_titre_pro import OFFICES
from synth.pieces.fresh_internship_agricole import _ascii, ruled_rows
from synth.pieces.fresh_internship_fpc import (
    _civ,
    _feminine,
    _gendered,
    _others,
    _schedule,
)
from synth.pieces.fresh_internship_pfmp import _slug, _uai
from synth.pieces.fresh_internship_portal import _phone
from synth.pieces.fresh_words import date_with_weekday
from synth.rules import INTERN_HOURLY_MIN, gratification_floor, presence_hours, value_at

NAME = "convention_fonction_publique"
BLACK: Color = (0, 0, 0)
GREY: Color = (92, 92, 92)
LINE: Color = (110, 110, 110)
MARIANNE_BLUE: Color = (0, 0, 145)
MARIANNE_RED: Color = (225, 0, 15)
ACCENTS = {"etat": ((0, 0, 145), (22, 22, 100), (40, 40, 40)),
           "hopital": ((0, 102, 153), (0, 120, 110), (60, 90, 150)),
           "collectivite": ((150, 30, 60), (0, 110, 70), (200, 90, 0), (30, 80, 160))}
PALES = {"etat": (232, 235, 248), "hopital": (228, 242, 246), "collectivite": (245, 238, 232)}
FONTS = ("sans", "serif", "lsans", "lserif", "condensed")
COASTAL = {"Marseille", "Nantes", "Bordeaux", "Montpellier", "Nice", "Rouen", "Rennes", "Lille"}
UNIVERSITY_HOSPITALS = {"Toulouse", "Nantes", "Lille", "Bordeaux", "Rennes", "Strasbourg", "Montpellier", "Grenoble",
                        "Nice", "Angers", "Dijon", "Clermont-Ferrand", "Rouen"}
HOSPITAL_GROUPS = {"Paris": "Assistance publique – Hôpitaux de Paris", "Lyon": "Hospices civils de Lyon",
                   "Marseille": "Assistance publique – Hôpitaux de Marseille"}
HOSPITAL_TAILS = ("du Val de Saône", "des Portes de l'Estuaire", "du Pays des Cèdres", "des Trois Vallées",
                  "du Plateau", "Sud-Ouest Agglomération")
METROPOLES = {"Lyon": "Métropole de Lyon", "Marseille": "Métropole d'Aix-Marseille-Provence",
              "Toulouse": "Toulouse Métropole", "Nantes": "Nantes Métropole", "Lille": "Métropole européenne de Lille",
              "Bordeaux": "Bordeaux Métropole", "Rennes": "Rennes Métropole",
              "Strasbourg": "Eurométropole de Strasbourg", "Montpellier": "Montpellier Méditerranée Métropole",
              "Grenoble": "Grenoble-Alpes Métropole", "Nice": "Métropole Nice Côte d'Azur", "Dijon": "Dijon Métropole",
              "Clermont-Ferrand": "Clermont Auvergne Métropole", "Rouen": "Métropole Rouen Normandie",
              "Angers": "Angers Loire Métropole"}
UNIVERSITY_PUBLIC_PREFIX = "19"  # a public establishment's SIREN (a university, a public school) starts with 19

# the host's service, by the stage's subject: (State, hospital, local authority)
SERVICES = {
    "Analyse de données commerciales": (
        ("Service de la coordination des politiques publiques et de l'appui territorial – Mission pilotage et "
         "performance"), "Département de l'information médicale (DIM) – Cellule contrôle de gestion",
        "Direction des finances et de la performance – Observatoire et évaluation des politiques publiques"),
    "Développement d'une application web": (
        "Service interministériel départemental des systèmes d'information et de communication (SIDSIC)",
        "Direction du numérique et des systèmes d'information – Pôle applications",
        "Direction des systèmes d'information et du numérique – Pôle études et développements"),
    "Audit des processus logistiques": (
        "Secrétariat général commun départemental – Bureau de la logistique et du patrimoine",
        "Direction des achats, de la logistique et des approvisionnements – Plateforme logistique",
        "Direction de la commande publique et de la logistique – Service moyens généraux"),
    "Étude de marché à l'international": (
        "Service de l'économie, de l'emploi et de l'attractivité du territoire – Mission développement international",
        "Direction de la communication et des relations internationales – Cellule coopérations",
        "Direction de l'attractivité, de l'économie et des relations internationales"),
    "Amélioration continue en production": (
        "Mission qualité de service et amélioration continue (démarche Services Publics +)",
        "Direction de la qualité, de la gestion des risques et des relations avec les usagers",
        "Direction de la transformation et de la performance – Mission amélioration continue"),
}
ACTIVITIES = {
    "Analyse de données commerciales": (
        "Recueillir et fiabiliser les données d'activité des services", "Construire des tableaux de bord de suivi",
        "Produire des analyses statistiques et des notes de synthèse",
        "Présenter les résultats à l'équipe de direction"),
    "Développement d'une application web": (
        "Développer des fonctionnalités d'une application métier interne",
        "Participer à la refonte d'un téléservice destiné aux usagers (accessibilité RGAA)",
        "Rédiger la documentation technique et les tests", "Animer des ateliers avec les services utilisateurs"),
    "Audit des processus logistiques": (
        "Cartographier les flux logistiques et les circuits d'approvisionnement",
        "Analyser les indicateurs de délais et de stocks", "Proposer un plan d'optimisation des navettes internes",
        "Contribuer à la préparation d'un marché public de prestations logistiques"),
    "Étude de marché à l'international": (
        "Réaliser une étude comparative de dispositifs étrangers comparables",
        "Analyser les données économiques du territoire à l'export", "Préparer l'accueil de délégations étrangères",
        "Rédiger une note de synthèse et des recommandations"),
    "Amélioration continue en production": (
        "Conduire des ateliers d'amélioration continue avec les agents",
        "Analyser les processus et identifier les irritants des usagers",
        "Suivre les indicateurs de qualité du service rendu", "Formaliser les procédures et les modes opératoires"),
}
COURSES = {
    "Analyse de données commerciales": ("Master Économie appliquée – parcours Data Analyst",
                                        "Programme Grande École – majeure Data & Business Analytics"),
    "Développement d'une application web": ("Master Informatique – parcours Génie logiciel",
                                            "Cycle ingénieur – spécialité Informatique et numérique"),
    "Audit des processus logistiques": ("Master Management de la chaîne logistique",
                                        "Cycle ingénieur – Génie industriel et logistique"),
    "Étude de marché à l'international": ("Master Commerce international",
                                          "Programme Grande École – majeure International Business"),
    "Amélioration continue en production": ("Master Génie industriel – parcours Qualité et performance",
                                            "Cycle ingénieur – Génie des procédés et qualité"),
}
GRADES = {"etat": (("attaché d'administration de l'État", "attachée d'administration de l'État"),
                   ("attaché principal d'administration de l'État", "attachée principale d'administration de l'État"),
                   ("ingénieur des travaux publics de l'État", "ingénieure des travaux publics de l'État"),
                   ("secrétaire administratif de classe supérieure", "secrétaire administrative de classe supérieure")),
          "hopital": (("attaché d'administration hospitalière", "attachée d'administration hospitalière"),
                      ("ingénieur hospitalier", "ingénieure hospitalière"),
                      ("adjoint des cadres hospitaliers", "adjointe des cadres hospitaliers"),
                      ("technicien supérieur hospitalier", "technicienne supérieure hospitalière")),
          "collectivite": (("attaché territorial", "attachée territoriale"),
                           ("attaché principal territorial", "attachée principale territoriale"),
                           ("ingénieur territorial", "ingénieure territoriale"),
                           ("rédacteur principal de 1re classe", "rédactrice principale de 1re classe"))}
FUNCTIONS = (("chef de bureau", "cheffe de bureau"), ("chargé de mission", "chargée de mission"),
             ("adjoint au chef de service", "adjointe au chef de service"),
             ("responsable de pôle", "responsable de pôle"))
REFERENT_TITLES = (("maître de conférences", "maîtresse de conférences"),
                   ("professeur associé", "professeure associée"),
                   ("enseignant-chercheur", "enseignante-chercheuse"),
                   ("responsable pédagogique", "responsable pédagogique"))
SCHOOL_HEADS = {"Université": (("Président de l'université", "Présidente de l'université"),
                               ("Directeur de l'UFR", "Directrice de l'UFR")),
                "other": (("Directeur général", "Directrice générale"),
                          ("Directeur des études", "Directrice des études"))}


@dataclass(frozen=True)
class Body:
    """The public host, as the convention prints it."""
    kind: str  # "etat", "hopital", "collectivite"
    name: str  # the truth's host_name
    word: str  # "l'administration d'accueil"
    heading: str  # "L'ADMINISTRATION D'ACCUEIL"
    brand: tuple[str, ...]  # the lines of its bloc-marque or logo
    address: str  # its seat
    site: str  # the service's own address, where the stage takes place
    service: str
    head: str
    head_title: str  # "préfète du Rhône", "maire de Nantes"
    signer: str
    signer_title: str  # "secrétaire général de la préfecture"
    for_head: str  # "Pour le préfet et par délégation,"
    act: str  # the delegation: "arrêté préfectoral n° … du …"
    council: str  # "" or the council whose deliberation sets the stagiaires' terms
    phone: str
    email: str
    insurer: str


@dataclass(frozen=True)
class School:
    name: str
    university: bool
    address: str
    city: str
    siret: str
    uai: str
    head: str
    head_title: str
    referent: str
    referent_title: str
    course: str
    email: str


@dataclass(frozen=True)
class Draft:
    facts: DossierFacts
    body: Body
    school: School
    tutor_title: str  # "attachée principale d'administration de l'État, cheffe de bureau"
    number: str
    year: str  # "2025-2026"
    made: dt.date
    signed: tuple[dt.date, dt.date, dt.date]  # the host, the school, the student
    deliberation: dt.date
    deliberation_no: str
    act_date: dt.date
    siret: str  # as printed
    hourly: Decimal
    ine: str
    spell: Callable[[dt.date], str]

    @property
    def she(self) -> bool:
        return self.facts.person.sex == "F"

    @property
    def intern(self) -> str:
        return "la stagiaire" if self.she else "le stagiaire"

    @property
    def e(self) -> str:
        return "e" if self.she else ""

    @property
    def host(self) -> str:
        return self.body.word

    @property
    def at_floor(self) -> bool:
        st = self.facts.internship
        return abs(st.gratification - float(gratification_floor(st.start_date, st.weekly_hours))) < 0.005


def _de(name: str) -> str:
    return f"d'{name}" if name[0] in "AEIOUÉÈHaeiouéè" else f"de {name}"


def _of_the(name: str) -> str:
    """"de l'Université …", "de l'École …"."""
    return f"de l'{name}" if name[0] in "AEIOUÉÈH" else f"de {name}"


def _bare(place: str) -> str:
    """"Ille-et-Vilaine" for "d'Ille-et-Vilaine", "Gironde" for "de la Gironde"."""
    for article in ("de la ", "de l'", "des ", "du ", "de ", "d'"):
        if place.startswith(article):
            return place[len(article):]
    return place


def _postcode(city: str) -> str:
    return dict(FRENCH_CITIES)[city]


def _the(title: str, feminine: bool) -> str:
    return ("la " if feminine else "le ") + title


def _body(kind: str, facts: DossierFacts, act_date: dt.date, rng: random.Random) -> Body:
    """A public body of the facts' host's city, represented by the facts' manager."""
    st = facts.internship
    city, head = st.host.city, st.host.manager
    region, dept, code, regional = OFFICES[city]
    she = _feminine(head)
    postcode = _postcode(city)
    signer = _others(rng, {head, st.tutor}, 1)[0]
    street = f"{rng.randint(1, 90)} {rng.choice(STREETS)}, {postcode} {city}"
    site = f"{rng.randint(1, 180)} {rng.choice([s for s in STREETS if s not in street])}, {postcode} {city}"
    services = SERVICES.get(st.subject, SERVICES["Analyse de données commerciales"])
    act_no = f"{code}-{act_date:%Y-%m-%d}-{rng.randint(1, 99):05d}"  # a recueil des actes administratifs' number
    if kind == "etat":
        options = ["prefecture", "ars"] + (["ddt", "ddets"] if city != "Paris" else []) + (
            ["dreal"] if regional and city != "Paris" else [])
        which = rng.choice(options)
        prefect = ("PRÉFÈTE" if she and which == "prefecture" else "PRÉFET")
        brand: tuple[str, ...] = (prefect, dept.upper())
        word, heading = "l'administration d'accueil", "L'ADMINISTRATION D'ACCUEIL"
        for_head = "Pour le préfet et par délégation,"
        if which == "prefecture":
            name = ("Préfecture de la région d'Île-de-France, préfecture de Paris" if city == "Paris"
                    else f"Préfecture {dept}")
            title = _gendered(("préfet", "préfète"), head) + f" {dept}"
            signer_title = _gendered(("secrétaire général de la préfecture", "secrétaire générale de la préfecture"),
                                     signer)
            for_head = f"Pour {'la préfète' if she else 'le préfet'} et par délégation,"
            service = services[0]
            address = f"{rng.choice(('Place', 'Rue', 'Boulevard'))} de la Préfecture, {postcode} {city}"
        elif which == "ddt":
            name = f"Direction départementale des territoires{' et de la mer' if city in COASTAL else ''} {dept}"
            title = _gendered(("directeur départemental des territoires", "directrice départementale des territoires"),
                              head) + (" et de la mer" if city in COASTAL else "")
            signer_title = _gendered(("directeur départemental adjoint", "directrice départementale adjointe"), signer)
            service, address = services[0].replace("Service interministériel départemental",
                                                   "Service interministériel"), street
        elif which == "ddets":
            name = f"Direction départementale de l'emploi, du travail et des solidarités {dept}"
            title = _gendered(("directeur départemental de l'emploi, du travail et des solidarités",
                               "directrice départementale de l'emploi, du travail et des solidarités"), head)
            signer_title = _gendered(("secrétaire général", "secrétaire générale"), signer)
            service, address = services[0], street
        elif which == "dreal":
            name = f"Direction régionale de l'environnement, de l'aménagement et du logement {region}"
            brand = ("PRÉFET", "DE LA RÉGION", region.upper())
            title = _gendered(("directeur régional", "directrice régionale"), head) + " de l'environnement, de " \
                "l'aménagement et du logement"
            signer_title = _gendered(("directeur régional adjoint", "directrice régionale adjointe"), signer)
            service, address = services[0], street
            for_head = "Pour le préfet de région et par délégation,"
        else:  # an établissement public administratif of the State
            name = f"Agence régionale de santé {region}"
            brand = ("MINISTÈRE CHARGÉ", "DE LA SANTÉ")
            word, heading = "l'établissement public d'accueil", "L'ÉTABLISSEMENT PUBLIC D'ACCUEIL"
            title = _gendered(("directeur général", "directrice générale"), head) + " de l'agence"
            signer_title = _gendered(("directeur des ressources humaines", "directrice des ressources humaines"),
                                     signer)
            for_head = f"Pour {'la directrice générale' if she else 'le directeur général'} et par délégation,"
            service, address = services[0].replace("Service de la coordination des politiques publiques et de "
                                                   "l'appui territorial", "Direction de la stratégie"), street
        act = f"arrêté {'préfectoral ' if which in ('prefecture', 'ddt', 'ddets', 'dreal') else ''}n° {act_no}"
        domain = f"{_ascii(_bare(dept)).replace(chr(39), '')}.gouv.fr" if which != "ars" else "ars.sante.fr"
        email = f"{rng.choice(('stages', 'drh-stages', 'sgcd-stages'))}@{domain}"
        insurer = "L'État est son propre assureur"
    elif kind == "hopital":
        if city in HOSPITAL_GROUPS and rng.random() < 0.6:
            name, initials = HOSPITAL_GROUPS[city], {"Paris": "AP-HP", "Lyon": "HCL", "Marseille": "AP-HM"}[city]
        elif city in UNIVERSITY_HOSPITALS and rng.random() < 0.7:
            name, initials = f"Centre hospitalier universitaire {_de(city)}", "CHU"
        else:
            name, initials = f"Centre hospitalier intercommunal {rng.choice(HOSPITAL_TAILS)}", "CHI"
        brand = (initials, name)
        word, heading = "l'établissement public d'accueil", "L'ÉTABLISSEMENT PUBLIC DE SANTÉ D'ACCUEIL"
        title = _gendered(("directeur général", "directrice générale") if "universitaire" in name or
                          name in HOSPITAL_GROUPS.values() else ("directeur", "directrice"), head)
        signer_title = _gendered(("directeur des ressources humaines", "directrice des ressources humaines"), signer)
        for_head = f"Pour {_the(title, she)} et par délégation,"
        act = f"décision n° {act_date.year}-DG-{rng.randint(10, 399):03d} portant délégation de signature"
        service, address = services[1], street
        email = f"bureau.stages@{_slug(name)}.fr"
        insurer = rng.choice(("Relyens (SHAM)", "SMACL Assurances", "MNH Assurances"))
    else:
        options = ["commune", "metropole"] + (["departement"] if city != "Paris" else []) + (
            ["region"] if regional and city != "Paris" else [])
        which = rng.choice(options)
        word, heading = "la collectivité d'accueil", "LA COLLECTIVITÉ D'ACCUEIL"
        if which == "commune" or (which == "metropole" and city not in METROPOLES):
            name = "Ville de Paris" if city == "Paris" else rng.choice((f"Ville {_de(city)}", f"Mairie {_de(city)}",
                                                                       f"Commune {_de(city)}"))
            title = f"maire {_de(city)}"
            council = "Conseil de Paris" if city == "Paris" else "conseil municipal"
            signer_title = _gendered(("adjoint au maire délégué aux ressources humaines",
                                      "adjointe au maire déléguée aux ressources humaines"), signer)
            address = f"Hôtel de Ville, place de l'Hôtel de Ville, {postcode} {city}"
        elif which == "metropole":
            name = METROPOLES[city]
            title = _gendered(("président", "présidente"), head) + f" {_de(name)}"
            council = "conseil de la Métropole" if city == "Lyon" else "conseil métropolitain"
            signer_title = _gendered(("vice-président délégué aux ressources humaines",
                                      "vice-présidente déléguée aux ressources humaines"), signer)
            address = street
        elif which == "departement":
            name = rng.choice((f"Département {dept}", f"Conseil départemental {dept}"))
            title = _gendered(("président", "présidente"), head) + f" du conseil départemental {dept}"
            council = "commission permanente du conseil départemental"
            signer_title = _gendered(("directeur général des services", "directrice générale des services"), signer)
            address = f"Hôtel du Département, {street}"
        else:
            name = f"Région {region}"
            title = _gendered(("président", "présidente"), head) + f" de la Région {region}"
            council = "commission permanente du conseil régional"
            signer_title = _gendered(("vice-président chargé des ressources humaines",
                                      "vice-présidente chargée des ressources humaines"), signer)
            address = f"Hôtel de Région, {street}"
        brand = (name,)
        for_head = f"Pour {_the(title.split(' ')[0], she)} et par délégation,"
        act = f"arrêté n° AR-{act_date.year}-{rng.randint(1, 999):04d} portant délégation de fonction et de signature"
        service = services[2]
        email = f"stages@{_ascii(city)}.fr" if which == "commune" else f"stages@{_slug(name)}.fr"
        insurer = rng.choice(("SMACL Assurances", "Groupama Centre-Atlantique – collectivités", "Relyens"))
        return Body(kind, name, word, heading, brand, address, site, service, head, title, signer, signer_title,
                    for_head, act, council, _phone(rng), email, insurer)
    return Body(kind, name, word, heading, brand, address, site, service, head, title, signer, signer_title, for_head,
                act, "", _phone(rng), email, insurer)


def _school(facts: DossierFacts, rng: random.Random) -> School:
    st = facts.internship
    university = st.institution.startswith("Université")
    head, referent = _others(rng, {st.tutor, st.host.manager}, 2)
    city, postcode = rng.choice(FRENCH_CITIES)
    prefix = UNIVERSITY_PUBLIC_PREFIX if university or rng.random() < 0.4 else str(rng.randint(3, 8))
    siren = luhn_complete(prefix + "".join(str(rng.randint(0, 9)) for _ in range(8 - len(prefix))))
    address = (f"{'Campus universitaire, ' if university else ''}{rng.randint(1, 120)} {rng.choice(STREETS)}, "
               f"{postcode} {city}")
    course = COURSES.get(st.subject, COURSES["Analyse de données commerciales"])[0 if university else 1]
    course += rng.choice((" (2e année)", " (1re année)", "")) if university else rng.choice((" (4e année)", ""))
    title = _gendered(rng.choice(SCHOOL_HEADS["Université" if university else "other"]), head)
    return School(st.institution, university, address, city, make_siret(siren, rng), _uai(postcode, rng), head,
                  title, referent, _gendered(rng.choice(REFERENT_TITLES), referent), course,
                  f"{rng.choice(('stages', 'bureau.stages', 'insertion-pro'))}@{_slug(st.institution)}.fr")


def _draft(facts: DossierFacts, kind: str, rng: random.Random) -> Draft:
    st = facts.internship
    made = min(st.start_date - dt.timedelta(days=rng.randint(20, 50)),
               facts.reference_date - dt.timedelta(days=rng.randint(6, 25)))
    act_date = made - dt.timedelta(days=rng.randint(60, 900))
    body = _body(kind, facts, act_date, rng)
    school = _school(facts, rng)
    tutor_title = f"{_gendered(rng.choice(GRADES[kind]), st.tutor)}, {_gendered(rng.choice(FUNCTIONS), st.tutor)}"
    signed = tuple(made - dt.timedelta(days=rng.randint(0, 12)) for _ in range(3))
    first = st.start_date.year if st.start_date.month >= 9 else st.start_date.year - 1
    prefix = {"etat": "CS", "hopital": "DRH-ST", "collectivite": "STG"}[kind]
    deliberation = made - dt.timedelta(days=rng.randint(180, 1500))
    return Draft(facts, body, school, tutor_title,
                 number=f"{prefix}-{made.year}-{rng.randint(1, 9999):04d}", year=f"{first}-{first + 1}", made=made,
                 signed=signed,  # type: ignore[arg-type]
                 deliberation=deliberation,
                 deliberation_no=f"{deliberation.year}-{rng.randint(10, 480):03d}", act_date=act_date,
                 siret=siret_spaced(st.siret) if rng.random() < 0.5 else st.siret,
                 hourly=value_at(INTERN_HOURLY_MIN, st.start_date),
                 ine=f"{rng.randint(0, 9999999999):010d}{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}",
                 spell=rng.choice((date_slash, date_long, date_with_weekday)))


class Page:
    """The convention's flow in one accent colour: its article headings, party headings, ruled lines and grids."""

    def __init__(self, font: FontKey, accent: Color, pale: Color, size: float, style: str) -> None:
        self.flow = Flow(font, size, margin=19, top=20, bottom=22)
        self.font, self.accent, self.pale, self.style = font, accent, pale, style

    def heading(self, number: int, title: str) -> None:
        flow = self.flow
        flow.space(1.6)
        flow.ensure(13)
        first = "1er" if number == 1 else str(number)
        text = {"dash": f"Article {first} – {title}", "colon": f"Article {first} : {title}",
                "upper": f"ARTICLE {number} – {title.upper()}", "dot": f"{number}. {title}"}[self.style]
        flow.text(text, flow.size + 0.5, bold(self.font), color=self.accent)

    def party(self, title: str) -> None:
        flow = self.flow
        flow.space(2)
        flow.ensure(16)
        flow.text(title, flow.size + 0.6, bold(self.font), color=self.accent)
        flow.sheet.add(Rule(flow.margin, flow.y + 1, flow.margin + 70, flow.y + 1, 0.3, self.accent))
        flow.space(1.5)

    def ruled(self, rows: list[tuple[str, str]], label_w: float = 50.0) -> None:
        """Label | value lines between thin rules, the label in grey."""
        ruled_rows(self.flow, self.font, rows, label_w)

    def band(self, title: str) -> None:
        flow = self.flow
        flow.space(2.5)
        flow.ensure(20)
        flow.sheet.add(Box(flow.margin, flow.y, flow.width, 6, fill=self.accent, stroke=None),
                       Text(flow.margin + 2.5, flow.y + 4.3, title, 9, bold(self.font), (255, 255, 255)))
        flow.y += 7

    def grid(self, rows: list[tuple[str, str]], label_w: float = 58.0) -> None:
        """Boxed rows: the label in a shaded cell, the value wrapped beside it."""
        flow, size = self.flow, self.flow.size
        step = flow.line_height(size)
        for label, value in rows:
            values = wrap(value, self.font, size, flow.width - label_w - 4)
            labels = wrap(label, bold(self.font), size - 0.4, label_w - 3)
            height = max(len(values), len(labels)) * step + 2.2
            flow.ensure(height)
            top = flow.y
            flow.sheet.add(Box(flow.margin, top, label_w, height, fill=self.pale, stroke=LINE, width=0.2),
                           Box(flow.margin + label_w, top, flow.width - label_w, height, stroke=LINE, width=0.2))
            for j, line in enumerate(labels):
                flow.sheet.add(Text(flow.margin + 1.5, top + step * (j + 1), line, size - 0.4, bold(self.font)))
            for j, line in enumerate(values):
                flow.sheet.add(Text(flow.margin + label_w + 2, top + step * (j + 1), line, size, self.font))
            flow.y = top + height

    def signatures(self, cells: list[tuple[str, list[str]]], body: float = 24.0) -> None:
        """One framed cell per signer: the role on a shaded head, the lines under it, room to sign."""
        flow = self.flow
        width, head = flow.width / len(cells), 9.0
        flow.ensure(head + body + 2)
        top = flow.y + 1
        for i, (role, lines) in enumerate(cells):
            x = flow.margin + i * width
            flow.sheet.add(Box(x, top, width, head, fill=self.pale, stroke=LINE, width=0.25),
                           Box(x, top + head, width, body, stroke=LINE, width=0.25))
            for j, part in enumerate(wrap(role, bold(self.font), 7.2, width - 3)[:2]):
                flow.sheet.add(Text(x + width / 2, top + 3.8 + 3.1 * j, part, 7.2, bold(self.font), align="center"))
            y = top + head
            for line in lines:
                for part in wrap(line, self.font, 7.2, width - 3):
                    y += 3.2
                    flow.sheet.add(Text(x + 1.6, y, part, 7.2, self.font, GREY if line.startswith("(") else BLACK))
        flow.y = top + head + body + 1.5


def _marianne(sheet: Sheet, x: float, y: float, brand: tuple[str, ...]) -> None:
    """The State's bloc-marque: the Marianne's colours, RÉPUBLIQUE FRANÇAISE, the motto, then the issuer's lines."""
    sans = bold(FontKey("sans"))
    sheet.add(Box(x, y, 1.8, 6.5, fill=MARIANNE_BLUE, stroke=None),
              Box(x + 1.8, y, 1.8, 6.5, fill=(255, 255, 255), stroke=(200, 200, 200), width=0.1),
              Box(x + 3.6, y, 1.8, 6.5, fill=MARIANNE_RED, stroke=None),
              Text(x, y + 10.8, "RÉPUBLIQUE", 7.6, sans), Text(x, y + 14.1, "FRANÇAISE", 7.6, sans))
    for i, word in enumerate(("Liberté", "Égalité", "Fraternité")):
        sheet.add(Text(x, y + 17.3 + 2.4 * i, word, 5.4, FontKey("serif", italic=True)))
    for i, line in enumerate(brand):
        sheet.add(Text(x, y + 27.5 + 3.1 * i, line, 7.4, sans))


def _school_logo(sheet: Sheet, school: School, font: FontKey, accent: Color, right: float, y: float) -> None:
    initials = _slug(school.name).upper()[:4]
    sheet.add(Box(right - 17, y, 17, 17, fill=accent, stroke=None, radius=2),
              Text(right - 8.5, y + 10.6, initials, 10 if len(initials) < 4 else 8, bold(font), (255, 255, 255),
                   align="center"))
    for i, part in enumerate(wrap(school.name, font, 7, 48)):
        sheet.add(Text(right - 20, y + 4 + 3 * i, part, 7, font, GREY, align="right"))


def _cover(page: Page, d: Draft, rng: random.Random) -> None:
    """The ministry's model's cover: the bloc-marque and the school's logo, the title, a framed summary, the texts."""
    flow, sheet, font, body, st = page.flow, page.flow.sheet, page.font, d.body, d.facts.internship
    _marianne(sheet, 19, 14, body.brand)
    for i, part in enumerate(wrap(body.name, font, 7.2, 60)[:3]):  # the service beside the bloc-marque
        sheet.add(Text(19 + 32, 41.5 + 3 * i, part, 7.2, font, GREY))
    _school_logo(sheet, d.school, font, page.accent, A4[0] - 19, 14)
    flow.y = 70
    flow.text("CONVENTION DE STAGE", 20, bold(font), "center", color=page.accent)
    flow.space(2)
    flow.text(rng.choice((("Accueil d'un(e) étudiant(e) de l'enseignement supérieur en stage dans une administration "
                          "ou un établissement public de l'État ne présentant pas un caractère industriel et "
                          "commercial"),
                          "Stage d'un(e) étudiant(e) de l'enseignement supérieur dans les services de l'État")),
              10, font, "center")
    flow.space(3)
    flow.text("Convention type établie en application des articles L. 124-1 à L. 124-20 et D. 124-1 à D. 124-13 du "
              "code de l'éducation", 8, FontKey(font.family, italic=True), "center", color=GREY)
    flow.space(8)
    intern = f"{d.facts.person.surname} {st.given_names}"
    rows = [("Convention n°", d.number), ("Année universitaire", d.year), (body.word.capitalize(), body.name),
            ("Service d'accueil", body.service), ("Établissement d'enseignement", d.school.name),
            ("Stagiaire", intern), ("Période de stage", f"du {date_slash(st.start_date)} au {date_slash(st.end_date)}")]
    if rng.random() < 0.5:
        rows = rows[:6]  # the period in the convention only
    page.grid(rows, 60)
    flow.space(10)
    flow.text("Textes de référence", 9, bold(font), color=page.accent)
    for line in ("Code de l'éducation, notamment ses articles L. 124-1 à L. 124-20 et D. 124-1 à D. 124-13",
                 "Code général de la fonction publique, notamment ses articles L. 121-1 à L. 121-11",
                 ("Décret n° 2014-1420 du 27 novembre 2014 relatif à l'encadrement des périodes de formation en milieu "
                 "professionnel et des stages"),
                 ("Décret n° 2006-781 du 3 juillet 2006 fixant les conditions et les modalités de règlement des frais "
                 "occasionnés par les déplacements temporaires des personnels civils de l'État"),
                 ("Décret n° 2010-676 du 21 juin 2010 instituant une prise en charge partielle du prix des titres "
                 "d'abonnement correspondant aux déplacements effectués par les agents publics entre leur résidence "
                 "habituelle et leur lieu de travail")):
        flow.text(f"– {line}", 7.8, indent=3)
    flow.y = A4[1] - 40
    flow.text("Document à établir en trois exemplaires originaux : un pour chacune des parties. Il est transmis "
              "signé à l'administration d'accueil au plus tard quinze jours avant le début du stage.", 7.4,
              color=GREY, align="center")
    flow.new_page()


def _letterhead(page: Page, d: Draft, rng: random.Random) -> None:
    """The hospital's or the local authority's own letterhead, a reference block on the right."""
    flow, sheet, font, body = page.flow, page.flow.sheet, page.font, d.body
    accent = page.accent
    if body.kind == "hopital":
        initials = body.brand[0][:5]
        sheet.add(Box(19, 12, 24, 15, fill=accent, stroke=None, radius=3),
                  Text(31, 22, initials, 12 if len(initials) <= 3 else 9, bold(font), (255, 255, 255), align="center"))
        lines = [body.name, "Direction des ressources humaines", "Bureau des stages et de la formation",
                 body.address]
        x = 47
    else:
        sheet.add(Box(19, 12, 3, 20, fill=accent, stroke=None))
        lines = [body.name.upper(), "Direction des ressources humaines",
                 rng.choice(("Service emploi, compétences et formation", "Pôle recrutement et mobilité – stages",
                             "Service développement des compétences")), body.address]
        x = 25
    y = 16.0
    for i, line in enumerate(lines):
        size = 10.5 if i == 0 else 7.4
        for part in wrap(line, bold(font) if i == 0 else font, size, 88)[:2]:
            sheet.add(Text(x, y, part, size, bold(font) if i == 0 else font, accent if i == 0 else GREY))
            y += 4.4 if i == 0 else 3.5
    right = A4[0] - 19
    ref = [f"Réf. : {d.number}", f"Affaire suivie par : {_civ(_others(rng, {body.head, body.signer}, 1)[0])}",
           f"Tél. : {body.phone}", f"Courriel : {body.email}"]
    for i, line in enumerate(ref):
        sheet.add(Text(right, 15 + 3.6 * i, line, 7, font, GREY, align="right"))
    bottom = max(36.0, y + 1)
    sheet.add(Rule(19, bottom, right, bottom, 0.5, accent))
    flow.y = bottom + 4


def _recitals(page: Page, d: Draft) -> None:
    """The local authority's arrêté-like recital: its head, then the "Vu" lines."""
    flow, body = page.flow, d.body
    head = ("La " if _feminine(body.head) else "Le ") + body.head_title
    flow.text(f"{head},", flow.size + 0.5, bold(page.font))
    recitals = ["Vu le code général de la fonction publique ;",
                "Vu le code général des collectivités territoriales ;",
                "Vu le code de l'éducation, notamment ses articles L. 124-1 à L. 124-20 et D. 124-1 à D. 124-13 ;",
                ("Vu le décret n° 2014-1420 du 27 novembre 2014 relatif à l'encadrement des périodes de formation en "
                "milieu professionnel et des stages ;"),
                (f"Vu la délibération n° {d.deliberation_no} du {body.council} en date du {date_slash(d.deliberation)} "
                "fixant les modalités d'accueil et de gratification des stagiaires de l'enseignement supérieur ;"),
                f"Vu l'{body.act} en date du {date_slash(d.act_date)} ;",
                (f"Considérant la demande de stage présentée par {'Mme' if d.she else 'M.'} "
                f"{d.facts.internship.given_names} {d.facts.person.surname}, étudiant{d.e} {_of_the(d.school.name)} ;")]
    for line in recitals:
        flow.text(line, flow.size - 0.2, indent=4)
    flow.space(1.5)


def _agrees(name: str) -> str:
    """The ending a participle takes after the body's or the school's name."""
    if name.startswith("Hospices"):
        return "s"
    feminine = ("Préfecture", "Direction", "Agence", "Assistance", "Ville", "Mairie", "Commune", "Métropole", "Région",
                "Eurométropole", "Université", "École")
    return "e" if name.startswith(feminine) or name.endswith("Métropole") else ""


def _parties_prose(page: Page, d: Draft, school_first: bool, rng: random.Random) -> None:
    """"Entre", each party in a paragraph ending "ci-après dénommé(e) « … »"."""
    person, st, body, school, flow = d.facts.person, d.facts.internship, d.body, d.school, page.flow
    intern_name = f"{person.surname} {st.given_names}" if rng.random() < 0.5 else f"{st.given_names} {person.surname}"
    called = "" if body.word.startswith("l'établissement") else "e"
    host = (f"{body.name}, SIRET {d.siret}, dont le siège est situé {body.address}, représenté{_agrees(body.name)} "
            f"par {_civ(body.head)}, {body.head_title}, ci-après dénommé{called} « {body.word} »,")
    teaching = (f"{school.name}, {school.address}, SIRET {school.siret}, UAI {school.uai}, représenté"
                f"{_agrees(school.name)} par {_civ(school.head)}, {school.head_title[0].lower()}"
                f"{school.head_title[1:]}, ci-après dénommé « l'établissement d'enseignement »,")
    intern = (f"{person.civility_long} {intern_name}, né{d.e} le {date_slash(person.birth_date)} à "
              f"{person.birth_city.title()}, demeurant {person.address}, inscrit{d.e} en {school.course} pour l'année "
              f"universitaire {d.year}, n° INE {d.ine}, ci-après dénommé{d.e} « {d.intern} »,")
    paragraphs = [teaching, host, intern] if school_first else [host, teaching, intern]
    flow.text("ENTRE", flow.size + 0.4, bold(page.font))
    for i, text in enumerate(paragraphs):
        flow.space(1)
        flow.text(text)
        if i < 2:
            flow.text("ET", flow.size + 0.4, bold(page.font))


def _parties_lines(page: Page, d: Draft, school_first: bool) -> None:
    person, st, body, school = d.facts.person, d.facts.internship, d.body, d.school
    label = {"etat": "Administration", "hopital": "Établissement", "collectivite": "Collectivité"}[body.kind]
    host = (body.heading, [(label, body.name), ("N° SIRET", d.siret), ("Adresse", body.address),
                           ("Représenté(e) par", f"{_civ(body.head)}, {body.head_title}"),
                           ("Service d'accueil", body.service), ("Lieu du stage", body.site),
                           ("Téléphone", body.phone)])
    teaching = ("L'ÉTABLISSEMENT D'ENSEIGNEMENT",
                [("Nom", school.name), ("Adresse", school.address), ("SIRET / UAI", f"{school.siret} / {school.uai}"),
                 ("Représenté par", f"{_civ(school.head)}, {school.head_title}"),
                 ("Enseignant(e) référent(e)", f"{_civ(school.referent)}, {school.referent_title}"),
                 ("Courriel", school.email)])
    intern = ("LA STAGIAIRE" if d.she else "LE STAGIAIRE",
              [("Nom", person.surname), ("Prénom(s)", st.given_names),
               (f"Né{d.e} le", f"{date_slash(person.birth_date)} à {person.birth_city.title()}"),
               ("Adresse", person.address), ("Formation suivie", school.course), ("N° INE", d.ine),
               ("Année universitaire", d.year)])
    for title, rows in ([teaching, host, intern] if school_first else [host, teaching, intern]):
        page.party(title)
        page.ruled(rows)


def _gratification(d: Draft, rng: random.Random) -> list[str]:
    st, host, intern = d.facts.internship, d.host, d.intern
    hourly, ceiling = number_fr(float(d.hourly)), number_fr(float(d.hourly / Decimal("0.15")))
    if st.gratification == 0:
        return [(f"La durée du stage n'excédant pas deux mois (308 heures de présence), {intern} ne perçoit pas de "
                 "gratification (article L. 124-6 du code de l'éducation)."),
                (f"Pour mémoire, le montant horaire minimal de la gratification est fixé à 15 % du plafond horaire de "
                 f"la sécurité sociale, soit {hourly} € par heure de stage.")]
    grat = euros(st.gratification)
    hours = float(presence_hours(st.weekly_hours, st.start_date, st.end_date))
    if d.at_floor:
        text = [(f"Conformément au décret n° 2014-1420 du 27 novembre 2014 (articles L. 124-6 et D. 124-8 du code de "
                 f"l'éducation), {intern} perçoit une gratification dont le montant horaire est fixé à 15 % du "
                 f"plafond horaire de la sécurité sociale ({ceiling} €), soit {hourly} € par heure de stage."),
                (f"Pour une durée hebdomadaire de présence de {hours_fr(st.weekly_hours)} heures, la gratification "
                 f"s'élève à {grat} par mois. Elle est versée mensuellement, à compter du premier jour du premier mois "
                 "de stage, au prorata du temps de présence pour un mois incomplet.")]
        if rng.random() < 0.6:
            total = float(d.hourly) * hours
            text.append(f"Le montant total prévisionnel de la gratification s'élève à {euros(total)} pour la durée "
                        "du stage.")
    else:  # a local authority's deliberation
        short = hours < 308
        text = [(f"En application de la délibération n° {d.deliberation_no} du {d.body.council} en date du "
                 f"{date_slash(d.deliberation)}, {host} verse {'à la' if d.she else 'au'} stagiaire une gratification "
                 f"de {grat} par mois"
                 + (", bien que la durée du stage n'excède pas deux mois (la gratification n'est obligatoire "
                    "qu'au-delà de deux mois ; son montant minimal légal est de 15 % du plafond horaire de la "
                    f"sécurité sociale, soit {hourly} € par heure de stage)." if short else
                    ", supérieure au montant minimal légal fixé à 15 % du plafond horaire de la sécurité sociale, "
                    f"soit {hourly} € par heure de stage.")),
                ("Elle est versée mensuellement par la paierie, au prorata du temps de présence pour un mois "
                 "incomplet.")]
    text.append("La gratification n'a pas le caractère d'un salaire ; elle est exonérée de cotisations et "
                "contributions sociales dans la limite du montant minimal légal.")
    return text


def _articles(d: Draft, rng: random.Random) -> list[tuple[str, list[str]]]:
    st, body, school = d.facts.internship, d.body, d.school
    intern, host, e = d.intern, d.host, d.e
    Intern, Host = intern.capitalize(), host[0].upper() + host[1:]
    pronoun = "elle" if d.she else "il"
    activities = [a for a in ACTIVITIES.get(st.subject, ACTIVITIES["Analyse de données commerciales"])]
    rng.shuffle(activities)
    days, _ = _schedule(st.weekly_hours, rng)
    hours = [(f"{Intern} est présent{e} {days}, soit une durée hebdomadaire de présence de "
             f"{hours_fr(st.weekly_hours)} heures.")]
    cycle = rng.choice((36, 37, 38.5, 39))
    if cycle != st.weekly_hours and rng.random() < 0.5:
        hours.append(f"{Intern} n'est pas soumis{e} au cycle de travail des agents du service ({hours_fr(cycle)} "
                     "heures hebdomadaires avec jours de réduction du temps de travail) et ne génère pas de jours de "
                     "RTT.")
    hours.append("La présence de nuit, le dimanche et les jours fériés est exclue, sauf dérogation prévue par la "
                 "présente convention." if body.kind != "hopital" else
                 f"{Intern} ne participe ni aux gardes ni aux astreintes ; la présence de nuit, le dimanche et les "
                 "jours fériés est exclue.")
    mission = {"etat": "du décret n° 2006-781 du 3 juillet 2006", "hopital": "du décret n° 92-566 du 25 juin 1992",
               "collectivite": "du décret n° 2001-654 du 19 juillet 2001"}[body.kind]
    meal = rng.choice(("20,00", "17,50"))
    accident = (f"En cas d'accident survenant {'à la' if d.she else 'au'} stagiaire au cours du stage ou sur le "
                f"trajet, {host} en informe l'établissement d'enseignement dans les 24 heures ; l'établissement "
                "d'enseignement effectue la déclaration auprès de la caisse primaire d'assurance maladie dans les 48 heures.")
    articles = [
        ("Objet de la convention",
         [(f"La présente convention règle les rapports entre {host}, l'établissement d'enseignement et {intern} "
           f"pour le stage effectué dans le cadre de la formation suivie ({school.course}). Le stage correspond à une "
           "période temporaire de mise en situation en milieu professionnel ; il ne peut avoir pour objet l'exécution "
           "d'une tâche régulière correspondant à un poste de travail permanent.")]),
        ("Objectifs et activités du stage",
         [f"Thème du stage : {st.subject}.", "Activités confiées :"]
         + [f"– {a} ;" for a in activities[:rng.randint(3, 4)]]),
        ("Dates, durée et horaires",
         [f"Le stage se déroule du {d.spell(st.start_date)} au {d.spell(st.end_date)} inclus.",
          *hours, f"Lieu du stage : {body.service}, {body.site}."]),
        ("Accueil et encadrement",
         [(f"{Intern} est accueilli{e} au sein du service désigné ci-dessus. Son tuteur, {_civ(st.tutor)}, "
           f"{d.tutor_title}, est chargé de son accueil, de son accompagnement et du suivi de ses activités ; il ne "
           "peut encadrer simultanément plus de trois stagiaires."),
          (f"L'enseignant(e) référent(e), {_civ(school.referent)}, {school.referent_title}, assure le suivi "
           "pédagogique du stage en lien avec le tuteur.")]),
        ("Gratification", _gratification(d, rng)),
        ("Frais de mission et de transport",
         [(f"Les frais de déplacement temporaires engagés par {intern} à la demande de {host} sont pris en charge "
           f"dans les conditions {mission} (indemnité de repas : {meal} € ; hébergement selon les taux en vigueur)."),
          (f"{Intern} bénéficie de la prise en charge partielle du prix de ses titres d'abonnement de transport "
           "public (75 %, décret n° 2010-676 du 21 juin 2010) et de l'accès au restaurant administratif au tarif "
           "applicable aux agents.")]),
        ("Protection sociale et accidents",
         [(f"{Intern} conserve son régime de protection sociale. {pronoun.capitalize()} bénéficie de la législation "
           "sur les accidents du travail en application de l'article L. 412-8 du code de la sécurité sociale."),
          accident]),
        ("Responsabilité civile",
         [(f"{body.insurer} : {host} couvre les dommages causés par {intern} dans le cadre de ses activités."
           if body.kind == "etat" else
           f"{Host} est assuré{'e' if host.startswith('la') else ''} au titre de sa responsabilité civile auprès de "
           f"{body.insurer}, contrat n° {rng.randint(1000000, 9999999)}."),
          (f"{Intern} justifie d'une assurance couvrant sa responsabilité civile (attestation n° "
           f"{rng.randint(100000, 999999)} jointe).")]),
        ("Congés et autorisations d'absence",
         [(f"{Intern} bénéficie de congés et d'autorisations d'absence d'une durée équivalente à celle prévue pour "
           "les agents en cas de grossesse, de paternité ou d'adoption (article L. 124-13 du code de l'éducation)."),
          (f"Pour un stage d'une durée supérieure à deux mois, {pronoun} bénéficie de deux jours de congé par mois "
           "de présence, pris en accord avec son tuteur ; les autorisations d'absence pour examens sont accordées "
           "sur justificatif.")]),
        ("Déontologie, secret professionnel et discrétion",
         [(f"{Intern} est tenu{e} au secret professionnel et à l'obligation de discrétion professionnelle pour tous "
           f"les faits, informations ou documents dont {pronoun} a connaissance au cours du stage (articles L. 121-6 "
           "et L. 121-7 du code général de la fonction publique). Il respecte les principes de neutralité et de "
           "laïcité du service public.".replace(" Il respecte", f" {pronoun.capitalize()} respecte")),
          (f"{Intern} ne peut ni diffuser ni communiquer à des tiers les documents du service sans l'accord de "
           f"{host}. Le rapport de stage est soumis au tuteur avant sa diffusion.")]),
        ("Discipline – règlement intérieur du service",
         [(f"{Intern} est soumis{e} au règlement intérieur du service, notamment en matière d'horaires, d'hygiène "
           f"et de sécurité, ainsi qu'aux règles d'utilisation des systèmes d'information de {host}."),
          (f"En cas de manquement, {host} peut mettre fin au stage après avoir informé l'établissement "
           f"d'enseignement et entendu {intern}.")]),
        ("Fin de stage – évaluation – attestation de stage",
         [(f"À l'issue du stage, le tuteur remplit la fiche d'évaluation de l'établissement d'enseignement ; "
           f"{host} délivre {'à la' if d.she else 'au'} stagiaire une attestation de stage mentionnant la durée "
           "effective totale du stage et le montant total de la gratification versée (article D. 124-9 du code de "
           "l'éducation).")]),
    ]
    if body.kind == "hopital":
        articles.insert(9, ("Conditions sanitaires et tenue professionnelle",
                            [(f"{Intern} justifie des vaccinations obligatoires (article L. 3111-4 du code de la "
                              "santé publique) avant le début du stage. Une tenue professionnelle lui est fournie "
                              "par l'établissement pour les activités en unité de soins."),
                             (f"{Intern} est tenu{e} au secret médical (article L. 1110-4 du code de la santé "
                              "publique).")]))
    if body.kind != "hopital" or rng.random() < 0.5:
        articles.append(("Litiges",
                         [("Les difficultés d'application de la présente convention sont réglées à l'amiable ; à "
                           "défaut, le tribunal administratif territorialement compétent peut être saisi.")]))
    return articles


def _annex(page: Page, d: Draft, rng: random.Random) -> None:
    """The hospital's "fiche de stage", on its own page."""
    flow, st, person, body = page.flow, d.facts.internship, d.facts.person, d.body
    flow.text("ANNEXE – FICHE DE STAGE", 13, bold(page.font), "center", color=page.accent)
    flow.text(f"Convention n° {d.number} – année universitaire {d.year}", 8.2, page.font, "center", color=GREY)
    cadre = _others(rng, {st.tutor, body.head, body.signer, d.school.referent}, 1)[0]
    welcome = st.start_date - dt.timedelta(days=rng.randint(3, 10))
    cadre_title = _gendered(rng.choice((("cadre supérieur de santé", "cadre supérieure de santé"),
                                         ("attaché d'administration hospitalière",
                                          "attachée d'administration hospitalière"),
                                         ("responsable du service", "responsable du service"))), cadre)
    pole = rng.choice(("Pôle ressources et pilotage", "Pôle support et logistique", "Pôle administration générale",
                       "Pôle médico-technique"))
    page.band("STAGIAIRE")
    page.grid([("Nom, prénom(s)", f"{person.surname} {st.given_names}"),
               ("Date de naissance", date_slash(person.birth_date)),
               ("Établissement d'enseignement", d.school.name), ("Formation", d.school.course)])
    page.band("LIEU DE STAGE")
    page.grid([("Établissement", body.name), ("Pôle", pole), ("Service", body.service),
               ("Unité fonctionnelle (UF)", f"{rng.randint(1000, 9899)}"), ("Adresse du service", body.site)])
    page.band("ENCADREMENT")
    page.grid([("Tuteur", f"{_civ(st.tutor)}, {d.tutor_title}"),
               ("Cadre responsable", f"{_civ(cadre)}, {cadre_title}"),
               ("Téléphone", _phone(rng))])
    page.band("PÉRIODE ET CONDITIONS")
    grat = ("Néant" if st.gratification == 0 else
            f"{euros(st.gratification)} par mois ({number_fr(float(d.hourly))} € par heure de stage)")
    page.grid([("Période", f"du {date_slash(st.start_date)} au {date_slash(st.end_date)}"),
               ("Durée hebdomadaire", f"{hours_fr(st.weekly_hours)} heures"),
               ("Journée d'accueil des stagiaires", f"{date_slash(welcome)} à 9 h 00 – bureau des stages"),
               ("Gratification", grat),
               ("Vaccinations à jour", rng.choice(("Oui – certificat fourni", "Oui (attestation du médecin)"))),
               ("Tenue professionnelle", rng.choice(("Fournie par l'établissement", "Non requise")))])
    page.band("VISAS")
    page.signatures([("Le tuteur", [_civ(st.tutor)]), ("Le cadre responsable", [_civ(cadre)]),
                     ("La direction des ressources humaines", ["(cachet)"])], 18)


def _footer(page: Page, d: Draft):
    flow = page.flow

    def draw(sheet: Sheet, n: int) -> None:
        if d.body.kind == "etat" and n == 1:
            return  # the cover
        y = A4[1] - 12
        right = f"Page {n}/{len(flow.sheets)}"
        left = {"etat": f"Convention de stage n° {d.number} – {d.body.name}",
                "hopital": f"{d.body.name} – Direction des ressources humaines – {d.body.address}",
                "collectivite": f"{d.body.name} – {d.body.address} – {d.body.email}"}[d.body.kind]
        width = A4[0] - 38 - text_width_mm(right, page.font, 6.6) - 6
        sheet.add(Rule(19, y - 3.5, A4[0] - 19, y - 3.5, 0.25, page.accent),
                  Text(A4[0] - 19, y, right, 6.6, page.font, GREY, align="right"),
                  Text(19, y, wrap(left, page.font, 6.6, width)[0], 6.6, page.font, GREY))
    return draw


def _signatures(page: Page, d: Draft, rng: random.Random) -> None:
    st, person, body, school, flow = d.facts.internship, d.facts.person, d.body, d.school, page.flow
    visas = rng.random() < 0.7
    flow.space(3)
    flow.ensure(58 + (28 if visas else 0))  # the place, the signatures and the visas together
    place = body.address.split()[-1] if rng.random() < 0.7 else school.city
    flow.text(f"Fait à {place}, le {date_slash(d.made) if rng.random() < 0.6 else date_long(d.made)}, en trois "
              "exemplaires originaux.")
    flow.space(1)
    dated = rng.random() < 0.7
    host_lines = [body.for_head, f"{_civ(body.signer)},", body.signer_title]
    if body.kind != "collectivite":  # its recitals name the delegation
        host_lines.append(f"({body.act} du {date_slash(d.act_date)})")
    school_lines = (["Pour le président de l'université et par délégation,"]  # a dean signs for the president
                    if school.university and not school.head_title.startswith("Prés") else [])
    school_lines += [_civ(school.head), school.head_title]
    intern_lines = [f"{st.given_names} {person.surname}", "(mention « lu et approuvé »)"]
    if dated:
        for lines, day in zip((host_lines, school_lines, intern_lines), d.signed):
            lines.append(f"Le {date_slash(day)}")
    page.signatures([(f"Pour {body.word}", host_lines), ("Pour l'établissement d'enseignement", school_lines),
                     ("La stagiaire" if d.she else "Le stagiaire", intern_lines)], 30)
    if visas:
        page.signatures([("Vu, le tuteur", [_civ(st.tutor), d.tutor_title]),
                         ("Vu, l'enseignant(e) référent(e)", [_civ(school.referent), school.referent_title])], 16)


def convention_fonction_publique(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    """A State service's model convention (a cover first), a hospital's (a fiche de stage last) or a local
    authority's (its recitals first): drawn again in a smaller size, with the same draws, when it runs over."""
    st = facts.internship
    at_floor = abs(st.gratification - float(gratification_floor(st.start_date, st.weekly_hours))) < 0.005
    kind = rng.choice(("etat", "hopital", "collectivite")) if st.gratification == 0 or at_floor else "collectivite"
    compact = kind == "collectivite" and rng.random() < 0.5  # a town hall's print on two pages, in a smaller size
    state = rng.getstate()
    for size in (8.8, 8.4, 8.0, 7.6) if not compact else (8.0, 7.7, 7.4):
        rng.setstate(state)
        sheets, body, limit = _sheets(facts, kind, rng, size)
        if len(sheets) <= limit - compact:
            break
    piece = _agreement_piece(facts, NAME, sheets)
    piece.fields["host_name"] = body.name  # the public body printed: no company is one
    return piece


def _sheets(facts: DossierFacts, kind: str, rng: random.Random, size: float) -> tuple[list[Sheet], Body, int]:
    d = _draft(facts, kind, rng)
    styles = {"etat": ("dash", "upper"), "hopital": ("colon", "dot"), "collectivite": ("colon", "dash")}
    style = rng.choice(styles[kind])
    page = Page(FontKey(rng.choice(FONTS)), rng.choice(ACCENTS[kind]), PALES[kind], size, style)
    flow, font = page.flow, page.font
    flow.footer = _footer(page, d)
    if kind == "etat":
        _cover(page, d, rng)
        limit = 4
        flow.text("CONVENTION DE STAGE", 13, bold(font), "center", color=page.accent)
        flow.text(f"n° {d.number} – année universitaire {d.year}", 8.4, font, "center", color=GREY)
        flow.space(2)
    else:
        _letterhead(page, d, rng)
        limit = 4 if kind == "hopital" else 3
        title = ("CONVENTION DE STAGE" if kind == "collectivite" else
                 rng.choice(("CONVENTION DE STAGE", "CONVENTION DE STAGE NON MÉDICAL")))
        flow.text(title, 13.5, bold(font), "center")
        flow.text(rng.choice((f"entre {d.body.name}, l'établissement d'enseignement et le stagiaire",
                              "Accueil d'un(e) étudiant(e) de l'enseignement supérieur",
                              "Étudiant(e) de l'enseignement supérieur – stage d'une durée de plus d'une semaine")),
                  8.6, font, "center", color=page.accent)
        if kind == "hopital":
            flow.text(f"Convention n° {d.number}", 8, font, "center", color=GREY)
        flow.space(2)
    if kind == "collectivite":
        _recitals(page, d)
    lines = kind == "hopital" or (kind == "etat" and rng.random() < 0.5) or (kind == "collectivite" and
                                                                              rng.random() < 0.3)
    school_first = kind != "hopital" and rng.random() < 0.3
    if lines:
        flow.text("La présente convention est conclue entre :", flow.size, bold(font))
        _parties_lines(page, d, school_first)
    else:
        _parties_prose(page, d, school_first, rng)
    flow.space(1.5)
    flow.text("IL EST CONVENU CE QUI SUIT :" if kind == "collectivite" else "Il est convenu ce qui suit :",
              flow.size + 0.3, bold(font))
    for number, (title, paragraphs) in enumerate(_articles(d, rng), 1):
        page.heading(number, title)
        for paragraph in paragraphs:
            flow.text(paragraph)
    _signatures(page, d, rng)
    if kind == "hopital":
        flow.new_page()
        _annex(page, d, rng)
    return flow.finish(), d.body, limit
