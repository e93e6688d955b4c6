"""Fresh internship agreement family `convention_hospitaliere` (tenth internship wave, written once
`convention_fonction_publique` had been listed, without looking at it nor at the extractors): the convention de stage
a French public hospital — a CHU, a CHRU, a university hospitals' group with several sites or a centre hospitalier —
signs as the host (établissement d'accueil) of a foreign student sent by a French university or school, in one of its
care, administrative, engineering, biology or pharmacy services.

It comes from the office that handles the hospital's trainees: the "Direction des Affaires Médicales" (biology,
pharmacy, the DIM, clinical research), the "Direction des Soins" (a care unit, the operating theatres) or the
"Direction des Ressources Humaines – Bureau des stages" (administrative and technical services). Its letterhead: the
hospital's mark with its initials, its short name, its group (the GHT it belongs to, or the hospitals' group of the
site), the direction and its office, the clerk following the file with a telephone and an e-mail, the convention's
reference; a running header on the following pages and the hospital's head office, switchboard and website in the
footer with the page number, initials boxes on some.

Three sub-layouts:
- `articles`: "ENTRE" the hospital (établissement public de santé, head office, FINESS juridique, SIRET, represented
  by its director general and by delegation by the director signing), the school and the student in prose, in either
  order of the first two, "Vu" recitals on some (the code de l'éducation, the décret n° 2014-1420, the code de la
  santé publique, the director's delegation of signature with its number and date); then numbered articles — object,
  the service (site, pôle, service, unité, chief, tutor — "cadre de santé", "praticien hospitalier référent",
  "ingénieur hospitalier"…), dates, weekly hours "gardes et astreintes exclues" with a schedule in vacations
  (half-days) or by the day and the team's own work cycle beside it, the gratification, the advantages (the staff
  canteen at an agent's price, the uniform), the occupational-health visit with its appointment and the
  vaccinations, professional secrecy, social protection and accidents, insurance (the hospital's liability insurer
  and the school's), leave and absences, discipline and interruption, certificate and evaluation, disputes before the
  tribunal administratif — on two or three pages, then a signature grid.
- `blocks`: a form with framed blocks under coloured bands: "ÉTABLISSEMENT D'ACCUEIL", "SERVICE D'ACCUEIL" (the
  site's FINESS géographique, on some the site's own SIRET), "STAGIAIRE", "ÉTABLISSEMENT D'ENSEIGNEMENT",
  "MODALITÉS DU STAGE", then the general conditions in short numbered clauses and the signature grid.
- `annexe`: the parties as headed label/value lines and short articles, then an "ANNEXE PÉDAGOGIQUE" page — a ruled
  table (service, chiefs, tutor, referent, theme, objectives, activities, period, hours, evaluation) and the week's
  planning table (morning and afternoon vacations with each day's length and the weekly total) with the visas.

The truth is the generator's usual one (`education._agreement_piece`), the host being the hospital: the truth's
`host_name` is the hospital's legal name (the establishment public de santé of the facts' host's city — not its site,
its group nor its short name), its SIRET the facts'; the institution is the school, the intern the student; the
gratification is printed per month, or per hour of presence with its monthly sum when it is the legal minimum, or as
"Néant". Distractors: the FINESS numbers, the site's SIRET on some, the school's SIRET and UAI, the group's and the
site's names, the pôle and service, a dozen people's names, the signing dates, the school year, the
occupational-health visit, the mid-term review, the delegation's date, the residence permit's expiry, the team's work
cycle, the number of vacations and total hours, the hourly rate and the plafond horaire, the canteen's price, the
insurance policies."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from synth.checksums import make_siren, make_siret
from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
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
from synth.pieces.fresh_internship_pfmp import _duration, _slug, _uai
from synth.pieces.fresh_internship_portal import _phone
from synth.pieces.fresh_words import WEEKDAYS_FR, date_with_weekday
from synth.rules import (
    GRATIFICATION_HOURS,
    INTERN_HOURLY_MIN,
    gratification_floor,
    presence_hours,
    value_at,
)

LAYOUTS = ("articles", "blocks", "annexe")
GREY: Color = (90, 90, 90)
GRID: Color = (110, 110, 110)
SHADE: Color = (234, 238, 244)
STAMP: Color = (40, 60, 150)
ACCENTS: tuple[Color, ...] = ((0, 84, 150), (0, 110, 130), (92, 40, 120), (0, 70, 110), (160, 30, 60))
FONTS = ("lsans", "sans", "condensed", "lserif", "serif")
POSTCODES = dict(FRENCH_CITIES)
# (legal name, short name, initials, gender: "m", "f" or "mp" for a plural): the truth's host_name is the legal name
KINDS = (("Centre hospitalier universitaire {de}", "CHU {de}", "CHU", "m"),
         ("Centre hospitalier régional universitaire {de}", "CHRU {de}", "CHRU", "m"),
         ("Hôpitaux universitaires {de}", "HU {de}", "HU", "mp"),
         ("Centre hospitalier {de}", "CH {de}", "CH", "m"))
# the three largest cities' university hospitals are groups of many sites ("AP-HP"-like)
GROUPS_CITIES = ("Paris", "Lyon", "Marseille")
GROUPS = (("Assistance publique – Hôpitaux {de}", "AP-H{c}", "AP-H{c}", "f"),
          ("Hôpitaux universitaires {de}", "HU {de}", "HU", "mp"))
SITES = ("Hôpital Pasteur", "Hôpital Saint-Exupéry", "Hôpital des Cèdres", "Hôpital Nord", "Hôpital Sud",
         "Hôpital Bellevue", "Hôpital de la Croix-Blanche", "Hôpital Jean-Bernard", "Hôpital des Tilleuls",
         "Hôpital Sainte-Marguerite", "Hôpital du Parc", "Hôpital Charles-Nicolle")
GROUP_TAILS = ("Nord", "Sud", "Est", "Ouest", "Centre")
GHT_NAMES = ("Cœur de territoire", "des Deux-Rives", "Métropole et Vallées", "Littoral et Bocage", "Val de Loire",
             "Plaine et Coteaux")
HOSPITAL_STREETS = ("avenue de l'Hôpital", "rue de l'Hôtel-Dieu", "boulevard du Professeur Calmette",
                    "place de l'Hôpital", "avenue des Facultés", "rue du Docteur Roux", "chemin des Hospices")
INSURERS = ("Relyens (ex-SHAM)", "SHAM – Relyens Mutual Insurance", "SMACL Assurances", "Groupama Centre Manche")
SCHOOL_INSURERS = ("MAIF", "MAE – Mutuelle Assurance de l'Éducation", "AXA France", "SMACL Assurances")


@dataclass(frozen=True)
class Service:
    direction: str  # a key of DIRECTIONS
    pole: str
    service: str
    unit: str
    tutor_title: tuple[str, str]
    chief: str  # "Chef de service" / "Responsable" …
    doctor: bool  # the chief is a physician or pharmacist ("Pr", "Dr")
    activities: tuple[str, ...]


SERVICES: dict[str, tuple[Service, ...]] = {
    "Développement d'une application web": (
        Service("drh", "Pôle Pilotage et Performance", "Direction du numérique", "Service des applications métiers",
                ("Ingénieur hospitalier", "Ingénieure hospitalière"), "Responsable du service", False,
                ("Recueil des besoins des utilisateurs des services de soins",
                 "Développement et tests d'une application web interne",
                 "Rédaction de la documentation technique et du guide utilisateur",
                 "Participation à la mise en production et à l'accompagnement des équipes")),
        Service("dam", "Pôle Biologie – Pathologie", "Service de biologie médicale",
                "Cellule du système d'information de laboratoire",
                ("Praticien hospitalier biologiste", "Praticienne hospitalière biologiste"), "Chef de service", True,
                ("Analyse des flux de données entre les automates et le SIL",
                 "Développement d'un portail web de consultation des résultats",
                 "Tests et qualification selon la norme NF EN ISO 15189",
                 "Rédaction des procédures associées"))),
    "Analyse de données commerciales": (
        Service("dam", "Pôle Santé publique", "Département d'information médicale (DIM)",
                "Unité d'analyse de l'activité médicale",
                ("Praticien hospitalier, médecin DIM", "Praticienne hospitalière, médecin DIM"), "Chef de service",
                True, ("Extraction et contrôle des données du PMSI", "Construction de tableaux de bord d'activité par pôle",
                       "Analyse des parts de marché de l'établissement sur son territoire",
                       "Restitution des résultats aux chefs de pôle")),
        Service("dam", "Pôle Pharmacie", "Pharmacie à usage intérieur", "Unité achats et marchés pharmaceutiques",
                ("Pharmacien praticien hospitalier", "Pharmacienne praticienne hospitalière"), "Chef de service", True,
                ("Analyse des consommations de médicaments et dispositifs médicaux",
                 "Suivi des marchés et des économies d'achat", "Préparation des indicateurs du CAQES",
                 "Participation aux réunions du COMEDIMS")),
        Service("drh", "Direction des finances", "Service du contrôle de gestion", "Cellule analyse de l'activité",
                ("Attaché d'administration hospitalière", "Attachée d'administration hospitalière"),
                "Responsable du service", False,
                ("Analyse des recettes d'activité et de la valorisation des séjours",
                 "Construction des comptes de résultat analytiques", "Mise à jour des tableaux de bord mensuels",
                 "Appui à la préparation de l'EPRD"))),
    "Audit des processus logistiques": (
        Service("drh", "Pôle Logistique et Achats", "Direction des achats et de la logistique",
                "Plateforme logistique et magasin central", ("Ingénieur logistique", "Ingénieure logistique"),
                "Responsable de la plateforme", False,
                ("Cartographie des flux d'approvisionnement des unités de soins", "Audit des stocks de proximité",
                 "Analyse des tournées de distribution", "Propositions d'amélioration et chiffrage")),
        Service("dam", "Pôle Pharmacie – Stérilisation", "Pharmacie à usage intérieur",
                "Circuit du médicament et dispensation",
                ("Pharmacien praticien hospitalier", "Pharmacienne praticienne hospitalière"), "Chef de service", True,
                ("Audit du circuit du médicament de la prescription à l'administration",
                 "Analyse des délais de livraison aux unités", "Suivi des armoires sécurisées",
                 "Rédaction d'un rapport d'audit")),
        Service("ds", "Pôle Cardio-vasculaire", "Service de cardiologie", "Unité de soins intensifs cardiologiques",
                ("Cadre de santé", "Cadre de santé"), "Chef de service", True,
                ("Observation de l'approvisionnement des chariots d'urgence et de soins",
                 "Audit de la traçabilité des dispositifs médicaux implantables",
                 "Entretiens avec les équipes soignantes", "Propositions de réorganisation des réserves"))),
    "Étude de marché à l'international": (
        Service("drh", "Direction de la stratégie et des coopérations", "Cellule des relations internationales",
                "Accueil des patients internationaux", ("Chargé de mission", "Chargée de mission"),
                "Responsable de la cellule", False,
                ("Étude des flux de patients étrangers accueillis par l'établissement",
                 "Analyse de l'offre de soins concurrente à l'international",
                 "Préparation de supports de présentation en anglais",
                 "Participation aux échanges avec les partenaires étrangers")),
        Service("dam", "Délégation à la recherche clinique et à l'innovation (DRCI)",
                "Cellule valorisation et partenariats", "Unité des partenariats industriels",
                ("Ingénieur de recherche", "Ingénieure de recherche"), "Directeur médical de la DRCI", True,
                ("Veille sur les programmes de recherche et les financeurs internationaux",
                 "Étude de marché pour une innovation issue d'un service",
                 "Identification de partenaires industriels", "Rédaction d'une note de synthèse"))),
    "Amélioration continue en production": (
        Service("drh", "Direction de la qualité et de la gestion des risques", "Service qualité",
                "Cellule amélioration continue", ("Ingénieur qualité", "Ingénieure qualité"),
                "Responsable du service", False,
                ("Analyse des événements indésirables déclarés", "Animation d'un chantier Lean dans un service pilote",
                 "Suivi des indicateurs de la certification HAS", "Mise à jour de la gestion documentaire")),
        Service("ds", "Pôle Blocs opératoires – Anesthésie", "Bloc opératoire central",
                "Régulation des salles d'intervention", ("Cadre supérieur de santé", "Cadre supérieure de santé"),
                "Chef de pôle", True,
                ("Mesure des temps d'occupation des salles", "Analyse des causes de retard et de déprogrammation",
                 "Participation au conseil de bloc", "Propositions d'amélioration des flux patients")),
        Service("dam", "Pôle Biologie – Pathologie", "Service de biologie médicale", "Plateau technique automatisé",
                ("Praticien hospitalier biologiste", "Praticienne hospitalière biologiste"), "Chef de service", True,
                ("Analyse des délais de rendu des résultats", "Suivi des non-conformités pré-analytiques",
                 "Participation à l'accréditation COFRAC", "Mise en place d'indicateurs de performance")),
        Service("ds", "Pôle Médico-technique", "Stérilisation centrale", "Unité de production des dispositifs stériles",
                ("Cadre de santé", "Cadre de santé"), "Pharmacien responsable", True,
                ("Analyse du processus de production", "Mesure des rendements par équipe",
                 "Suivi de la traçabilité des compositions", "Propositions d'amélioration continue"))),
}
DIRECTIONS = {
    "dam": ("Direction des Affaires Médicales", ("Directeur des Affaires Médicales", "Directrice des Affaires Médicales"),
            ("Cellule des internes et stagiaires", "Bureau des stages", "Gestion des étudiants hospitaliers")),
    "ds": ("Direction des Soins", ("Coordonnateur général des soins", "Coordonnatrice générale des soins"),
           ("Coordination des stages", "Bureau des stages", "Pôle formation – stages")),
    "drh": ("Direction des Ressources Humaines", ("Directeur des Ressources Humaines",
                                                 "Directrice des Ressources Humaines"),
            ("Bureau des stages", "Service formation – Bureau des stages", "Cellule recrutement et stages")),
}
PROGRAMMES = {
    "Développement d'une application web": (
        ("Master Informatique – parcours Génie logiciel, 2e année", "Master Informatique médicale et e-santé, 1re année",
         "Licence professionnelle Métiers de l'informatique : applications web"),
        ("Cycle ingénieur – Informatique et réseaux, 2e année", "Bachelor Développement web et mobile, 3e année")),
    "Analyse de données commerciales": (
        ("Master Santé publique – parcours Données de santé, 2e année", "Master Économie de la santé, 1re année",
         "Master Statistique et science des données, 2e année"),
        ("Cycle ingénieur – Science des données, 3e année", "MSc Data Analytics and Business Intelligence")),
    "Audit des processus logistiques": (
        ("Master Management de la chaîne logistique, 2e année", "Licence professionnelle Logistique et pilotage des flux"),
        ("Cycle ingénieur – Génie industriel, 2e année", "Programme Grande École – Supply chain, M1")),
    "Étude de marché à l'international": (
        ("Master Management international, 2e année", "Master Management des établissements de santé, 1re année"),
        ("Programme Grande École – M1", "MSc International Business")),
    "Amélioration continue en production": (
        ("Master Ingénierie de la santé – parcours Qualité et gestion des risques, 2e année",
         "Master Génie industriel, 1re année"),
        ("Cycle ingénieur – Génie industriel et qualité, 3e année", "Bachelor Qualité, hygiène, sécurité, 3e année")),
}
REFERENT_TITLES = (("Maître de conférences", "Maîtresse de conférences"), ("Enseignant-chercheur", "Enseignante-chercheuse"),
                   ("Responsable pédagogique", "Responsable pédagogique"), ("Professeur des universités",
                                                                             "Professeure des universités"))
MANAGER_TITLES = {"ds": ("Cadre supérieur de santé du pôle", "Cadre supérieure de santé du pôle"),
                  "dam": ("Cadre administratif de pôle", "Cadre administrative de pôle"),
                  "drh": ("Adjoint au responsable du service", "Adjointe au responsable du service")}
OBJECTIVES = ("Découvrir l'organisation d'un établissement public de santé, de ses pôles et de ses instances",
              "Appliquer les règles d'hygiène, de confidentialité et de sécurité propres à l'hôpital",
              "Mener un projet en autonomie et en rendre compte à l'encadrant et à l'équipe",
              "Travailler avec des équipes pluriprofessionnelles (soignants, médecins, ingénieurs, administratifs)")


def _of(title: str) -> str:
    """"du directeur général" / "de la directrice"."""
    return f"de la {title.lower()}" if title.startswith("Directrice") else f"du {title.lower()}"


def _doctor(name: str, rng: random.Random) -> str:
    return f"{rng.choice(('Pr', 'Dr', 'Dr'))} {name}"


def _de(city: str) -> str:
    return f"d'{city}" if city[0] in "AEIOUÉ" else f"de {city}"


def _weekday(day: dt.date, forward: bool = True) -> dt.date:
    while day.weekday() > 4:
        day += dt.timedelta(days=1 if forward else -1)
    return day


@dataclass(frozen=True)
class Hospital:
    name: str  # the legal name: the truth's host_name
    short: str
    initials: str
    gender: str  # "m", "f", "mp"
    group: str  # the GHT it belongs to, or the hospitals' group of the site
    site: str
    address: str  # head office
    site_address: str
    city: str
    finess_ej: str
    finess_et: str
    site_siret: str  # the site's own establishment, same SIREN
    phone: str
    web: str
    email: str
    head: str  # the director general
    head_title: str
    signer: str  # by delegation
    signer_title: str
    direction: str
    office: str
    clerk: str
    insurer: str
    policy: str

    @property
    def the(self) -> str:
        """The article before the name, with its space: "Le ", "Les ", "L'"."""
        return {"m": "Le ", "mp": "Les ", "f": "L'"}[self.gender]

    def agreed(self, word: str) -> str:
        """`word` agreeing with the hospital's name: "représenté", "représentés", "représentée"."""
        return word + {"m": "", "mp": "s", "f": "e"}[self.gender]


@dataclass(frozen=True)
class School:
    name: str
    university: bool
    address: str
    siret: str
    uai: str
    head: str
    head_title: str
    delegate: str
    delegate_title: str
    referent: str
    referent_title: str
    referent_email: str
    office_phone: str
    insurer: str
    policy: str
    programme: str


@dataclass(frozen=True)
class Draft(TraineeWording):
    facts: DossierFacts
    layout: str
    hospital: Hospital
    school: School
    service: Service
    tutor_title: str
    chief: str  # the service's chief, with his title ("Pr …")
    manager: str  # the cadre supérieur de santé / the deputy
    manager_title: str
    number: str
    school_year: str
    signed_school: dt.date
    signed_intern: dt.date
    signed_hospital: dt.date
    delegation: tuple[str, dt.date]  # the decision's number and date
    visit: dt.date  # the occupational-health appointment
    visit_time: str
    review: dt.date  # the mid-term review
    student_number: str
    siret: str  # the facts' SIRET as printed (plain or spaced)
    spell: object  # the way the period's dates are written
    clock: object
    schedule: list[tuple[str, str, str, int]]  # (day, morning, afternoon, minutes)
    team_cycle: str
    meal: float
    permit: bool


def _hospital(facts: DossierFacts, direction_key: str, people: list[str], rng: random.Random) -> Hospital:
    st = facts.internship
    city = st.host.city
    postcode = POSTCODES.get(city, st.host.address.split(",")[-1].split()[0])
    name, short, initials, gender = rng.choice(GROUPS if city in GROUPS_CITIES else KINDS)
    initials = initials.format(c=city[0])
    name, short = name.format(de=_de(city), c=city[0]), short.format(de=_de(city), c=city[0])
    site = rng.choice(SITES)
    if initials == "HU" or initials.startswith("AP"):
        group = f"Groupe hospitalo-universitaire {city}-{rng.choice(GROUP_TAILS)}"
    else:
        group = f"Groupement hospitalier de territoire {rng.choice(GHT_NAMES)}"
    cedex = f" CEDEX {rng.randint(1, 9)}" if rng.random() < 0.5 else ""
    address = (f"{rng.randint(1, 60)} {rng.choice(HOSPITAL_STREETS)}"
               + (f", CS {rng.randint(10, 90)}0{rng.randint(10, 99)}" if cedex else "") + f", {postcode} {city.upper()}{cedex}")
    site_address = f"{rng.randint(1, 220)} {rng.choice(STREETS)}, {postcode} {city}"
    dept = postcode[:2]
    finess_ej = f"{dept}0{rng.randint(0, 999999):06d}"
    finess_et = f"{dept}0{rng.randint(0, 999999):06d}"
    site_siret = make_siret(st.siret[:9], rng)
    while site_siret == st.siret:
        site_siret = st.siret[:9] + f"{rng.randint(41, 99):04d}" + site_siret[-1]
    slug = f"{initials.lower()}-{_ascii(city).replace('-', '')}"
    direction, titles, offices = DIRECTIONS[direction_key]
    head, signer, clerk = people[:3]
    return Hospital(
        name=name, short=short, initials=initials, gender=gender, group=group, site=site, address=address,
        site_address=site_address, city=city, finess_ej=finess_ej, finess_et=finess_et, site_siret=site_siret,
        phone=_phone(rng), web=f"www.{slug}.fr", email=rng.choice(("stages", "bureau.stages", direction_key + ".stages"))
        + f"@{slug}.fr", head=head, head_title=("Directrice générale" if _feminine(head) else "Directeur général")
        if initials != "CH" else ("Directrice" if _feminine(head) else "Directeur"),
        signer=signer, signer_title=_gendered(titles, signer), direction=direction, office=rng.choice(offices),
        clerk=clerk, insurer=rng.choice(INSURERS), policy=f"{rng.randint(100000, 999999)}/{rng.randint(1, 99):02d}")


def _school(facts: DossierFacts, people: list[str], rng: random.Random) -> School:
    st = facts.internship
    university = st.institution.startswith("Université")
    city, postcode = rng.choice(FRENCH_CITIES)
    head, delegate, referent = people
    if university:
        head_title = "Présidente de l'université" if _feminine(head) else "Président de l'université"
        delegate_title = rng.choice((("Directeur de l'UFR Sciences et techniques", "Directrice de l'UFR Sciences et techniques"),
                                     ("Vice-président formation", "Vice-présidente formation"),
                                     ("Directeur de l'UFR Économie et gestion", "Directrice de l'UFR Économie et gestion")))
    else:
        head_title = "Directrice générale" if _feminine(head) else "Directeur général"
        delegate_title = rng.choice((("Directeur des études", "Directrice des études"),
                                     ("Responsable des relations entreprises", "Responsable des relations entreprises")))
    programmes = PROGRAMMES.get(st.subject, PROGRAMMES["Analyse de données commerciales"])
    slug = _slug(st.institution)
    first, last = referent.split(" ", 1)
    return School(
        name=st.institution, university=university, address=f"{rng.randint(1, 140)} {rng.choice(STREETS)}, {postcode} {city}",
        siret=make_siret(make_siren(rng), rng), uai=_uai(postcode, rng), head=head, head_title=head_title,
        delegate=delegate, delegate_title=_gendered(delegate_title, delegate), referent=referent,
        referent_title=_gendered(rng.choice(REFERENT_TITLES), referent),
        referent_email=f"{_ascii(first)}.{_ascii(last)}@{slug}.fr",
        office_phone=_phone(rng), insurer=rng.choice(SCHOOL_INSURERS), policy=f"{rng.randint(1000000, 9999999)}",
        programme=rng.choice(programmes[0 if university else 1]))


def _clock_style(rng: random.Random):
    style = rng.choice(("h", "hh", "colon"))

    def clock(minutes: int) -> str:
        h, m = divmod(minutes, 60)
        if style == "colon":
            return f"{h:02d}:{m:02d}"
        if style == "hh":
            return f"{h}h{m:02d}"
        return f"{h} h {m:02d}" if m else f"{h} h"
    return clock


def _schedule(weekly: float, clock, rng: random.Random) -> list[tuple[str, str, str, int]]:
    """The week, day by day: (day, morning vacation, afternoon vacation, minutes), adding up to `weekly` hours."""
    total = round(weekly * 60)
    counts = [n for n in (5, 4, 3) if total % n == 0 and (total // n) % 15 == 0 and total // n <= 600]
    if weekly > 30 or not counts:  # full time over five days, even in 7 h 48
        counts = [5]
    days = rng.choice(counts)
    daily = total // days
    names = [w.capitalize() for w in WEEKDAYS_FR[:5]]
    if days < 5:
        names = sorted(rng.sample(names, days), key=names.index)
    start = rng.choice((480, 510, 540))
    if daily <= 300:
        if rng.random() < 0.5:
            return [(day, f"{clock(start)} – {clock(start + daily)}", "—", daily) for day in names]
        back = 810
        return [(day, "—", f"{clock(back)} – {clock(back + daily)}", daily) for day in names]
    morning = rng.choice((210, 240))
    back = start + morning + rng.choice((30, 45, 60))
    return [(day, f"{clock(start)} – {clock(start + morning)}", f"{clock(back)} – {clock(back + daily - morning)}",
             daily) for day in names]


def _team_cycle(weekly: float, rng: random.Random) -> str:
    """The service's own work cycle: never the intern's weekly hours."""
    options = [(37.5, "7 h 30"), (38.0, "7 h 36"), (36.0, "12 h"), (39.0, "7 h 48")]
    hours, daily = rng.choice([o for o in options if o[0] != weekly])
    return f"cycle de {hours_fr(hours)} heures hebdomadaires (journées de {daily})"


def _draft(facts: DossierFacts, layout: str, rng: random.Random) -> Draft:
    st = facts.internship
    service = rng.choice(SERVICES.get(st.subject, SERVICES["Analyse de données commerciales"]))
    people = _others(rng, {st.tutor, st.host.manager}, 9)
    hospital = _hospital(facts, service.direction, people[:3], rng)
    school = _school(facts, people[3:6], rng)
    chief = _doctor(people[6], rng) if service.doctor else _civ(people[6])
    latest = min(st.start_date - dt.timedelta(days=1), facts.reference_date)
    signed_school = _weekday(latest - dt.timedelta(days=rng.randint(14, 45)))
    signed_intern = min(latest, signed_school + dt.timedelta(days=rng.randint(0, 4)))
    signed_hospital = min(latest, _weekday(signed_intern + dt.timedelta(days=rng.randint(2, 10))))
    if signed_hospital.weekday() > 4:
        signed_hospital = _weekday(signed_hospital, forward=False)
    taken = {st.start_date, st.end_date}
    visit = _weekday(st.start_date - dt.timedelta(days=rng.randint(3, 12)), forward=False)
    if visit in taken or visit <= signed_school:
        visit = _weekday(st.start_date + dt.timedelta(days=rng.randint(1, 3)))
        if visit in taken:
            visit += dt.timedelta(days=1)
    review = _weekday(st.start_date + (st.end_date - st.start_date) / 2)
    if review in taken:
        review -= dt.timedelta(days=1)
    delegated = signed_school - dt.timedelta(days=rng.randint(120, 900))
    year = st.start_date.year if st.start_date.month >= 9 else st.start_date.year - 1
    clock = _clock_style(rng)
    meal = rng.randint(310, 395) / 100
    number = f"{service.direction.upper()}-{rng.choice(('ST', 'CONV', 'STG'))}-{signed_school.year}-{rng.randint(1, 999):03d}"
    return Draft(
        facts=facts, layout=layout, hospital=hospital, school=school, service=service,
        tutor_title=_gendered(service.tutor_title, st.tutor), chief=chief, manager=people[7],
        manager_title=_gendered(MANAGER_TITLES[service.direction], people[7]), number=number,
        school_year=f"{year}-{year + 1}", signed_school=signed_school, signed_intern=signed_intern,
        signed_hospital=signed_hospital, delegation=(f"{delegated.year}-{rng.randint(10, 480)}", delegated),
        visit=visit, visit_time=clock(rng.choice((480, 510, 540, 570, 840, 870))), review=review,
        student_number=f"{rng.randint(20, 23)}{rng.randint(100000, 999999)}",
        siret=siret_spaced(st.siret) if rng.random() < 0.5 else st.siret,
        spell=rng.choice((date_slash, date_long, date_with_weekday)), clock=clock,
        schedule=_schedule(st.weekly_hours, clock, rng), team_cycle=_team_cycle(st.weekly_hours, rng), meal=meal,
        permit=rng.random() < 0.6)


# --------------------------------------------------------------------------------------------------------- wording
def _halves(d: Draft) -> str:
    halves = sum((m != "—") + (a != "—") for _, m, a, _ in d.schedule)
    return f"{halves} vacations (demi-journées) sur {len(d.schedule)} jours"


def _span(d: Draft) -> str:
    """"du lundi au vendredi", "du lundi au jeudi", "les lundi, mardi et jeudi"."""
    days = [day.lower() for day, *_ in d.schedule]
    if WEEKDAYS_FR[:len(days)] == tuple(days) or list(WEEKDAYS_FR[:len(days)]) == days:
        return f"du lundi au {days[-1]}"
    return f"les {', '.join(days[:-1])} et {days[-1]}"


def _vacations(d: Draft) -> str:
    return f"répartie en {_halves(d)}, {_span(d)}"


def _schedule_sentence(d: Draft) -> str:
    _, morning, afternoon, minutes = d.schedule[0]
    hours = " et de ".join(part.replace(" – ", " à ") for part in (morning, afternoon) if part != "—")
    return f"{_span(d)}, de {hours} ({_duration(minutes)} par jour)"


def _gratification(d: Draft, rng: random.Random) -> tuple[str, str]:
    """(the article's text, the short value of a form's cell)."""
    st = d.facts.internship
    to = "à la stagiaire" if d.she else "au stagiaire"
    if st.gratification == 0:
        if presence_hours(st.weekly_hours, st.start_date, st.end_date) <= GRATIFICATION_HOURS:
            text = ("La durée du stage n'excédant pas deux mois (308 heures de présence effective), aucune gratification "
                    f"n'est versée {to} (article L. 124-6 du code de l'éducation).")
        else:
            text = f"Aucune gratification n'est versée {to} au titre du présent stage."
        return text, "Néant"
    monthly = euros(st.gratification)
    hourly = value_at(INTERN_HOURLY_MIN, st.start_date)
    plafond = number_fr(float(hourly / Decimal("0.15")))
    if abs(st.gratification - float(gratification_floor(st.start_date, st.weekly_hours))) < 0.005:
        rate = number_fr(float(hourly))
        text = rng.choice((
            (f"{d.trainee} perçoit une gratification égale à 15 % du plafond horaire de la sécurité sociale "
             f"({plafond} €), soit {rate} € par heure de stage effectuée. Pour une présence de {d.weekly} heures "
             f"hebdomadaires, son montant mensuel s'élève à {monthly}."),
            (f"L'établissement d'accueil verse {to} une gratification de {rate} € par heure de présence effective, "
             f"soit {monthly} par mois pour {d.weekly} heures hebdomadaires (montant mensualisé : heures × 52 / 12).")))
        short = f"{rate} € par heure de stage effectuée, soit {monthly} par mois"
    else:
        text = rng.choice((f"{d.trainee} perçoit une gratification mensuelle de {monthly}",
                           f"L'établissement d'accueil verse {to} une gratification d'un montant de {monthly} par mois"))
        if st.gratification > float(gratification_floor(st.start_date, st.weekly_hours)):
            text += (f", supérieure au minimum légal de {number_fr(float(hourly))} € par heure de stage "
                     f"(15 % du plafond horaire de la sécurité sociale, {plafond} €)")
        text += "."
        short = rng.choice((f"{monthly} par mois", f"{monthly} mensuels"))
    text += (" Elle est versée mensuellement à terme échu par virement, au prorata du temps de présence pour un mois "
             "incomplet ; elle n'a pas le caractère d'un salaire et ne fait pas du stagiaire un agent de l'établissement.")
    return text, short


def _advantages(d: Draft) -> str:
    return (f"accès au self du personnel au tarif agent (repas à {number_fr(d.meal)} €), tenue professionnelle fournie "
            "et entretenue par l'établissement, vestiaire ; prise en charge à 75 % de l'abonnement de transport public")


def _party_hospital(d: Draft) -> str:
    h = d.hospital
    head = f"son {h.head_title}" if not h.head_title.startswith("Directrice") else f"sa {h.head_title}"
    return (f"{h.the}{h.name}, établissement public de santé, dont le siège est situé {h.address}, n° FINESS "
            f"juridique {h.finess_ej}, SIRET {d.siret}, {h.agreed('représenté')} par {head}, {_civ(h.head)}, et par "
            f"délégation par {_civ(h.signer)}, {h.signer_title}, ci-après {h.agreed('dénommé')} « l'établissement "
            "d'accueil »,")


def _party_school(d: Draft) -> str:
    s = d.school
    kind = "établissement public à caractère scientifique, culturel et professionnel" if s.university else \
        "établissement d'enseignement supérieur"
    return (f"{s.name}, {kind}, {s.address}, SIRET {s.siret}, code UAI {s.uai}, représenté(e) par {_civ(s.head)}, "
            f"{s.head_title}, et par délégation par {_civ(s.delegate)}, {s.delegate_title}, ci-après dénommé(e) "
            "« l'établissement d'enseignement »,")


def _party_intern(d: Draft) -> str:
    p, st = d.facts.person, d.facts.internship
    permit = (f", titulaire du titre de séjour n° {d.facts.permit.number} valable jusqu'au "
              f"{date_slash(d.facts.permit.expiry_date)}" if d.permit else "")
    return (f"{p.civility_long} {p.surname} {st.given_names}, né{d.e()} le {date_slash(p.birth_date)} à "
            f"{p.birth_city.title()} ({p.country.name_fr}), de nationalité {p.demonym}{permit}, demeurant {p.address}, "
            f"inscrit{d.e()} en {d.school.programme} au titre de l'année {d.school_year} (n° étudiant "
            f"{d.student_number}), ci-après dénommé{d.e()} « {d.trainee.lower()} ».")


def _recitals(d: Draft) -> list[str]:
    number, day = d.delegation
    return ["Vu le code de l'éducation, notamment ses articles L. 124-1 à L. 124-20 et D. 124-1 à D. 124-13 ;",
            "Vu le code de la santé publique, notamment ses articles L. 1110-4 et L. 6143-7 ;",
            ("Vu le décret n° 2014-1420 du 27 novembre 2014 relatif à l'encadrement des périodes de formation en milieu "
             "professionnel et des stages ;"),
            (f"Vu la décision n° {number} du {date_slash(day)} portant délégation de signature "
             f"{_of(d.hospital.head_title)} ;")]


def _articles(d: Draft, gratification: str, rng: random.Random, short: bool) -> list[tuple[str, list[str]]]:
    st, h, s, sv = d.facts.internship, d.hospital, d.school, d.service
    trainee, e = d.trainee, d.e()
    lower = trainee.lower()
    the_hospital = f"{h.the.lower()}{h.name}"
    activities = "; ".join(a[0].lower() + a[1:] for a in sv.activities[:rng.randint(2, 4)])
    out: list[tuple[str, list[str]]] = [
        ("Objet", [(f"La présente convention règle les rapports entre {the_hospital}, l'établissement d'enseignement et "
                    f"{lower}, dans le cadre du stage prévu par le cursus de formation de l'étudiant{e}. Le stage a "
                    f"pour thème : « {st.subject} ».")]),
        ("Service d'accueil et activités", [
            (f"{trainee} est {'accueillie' if d.she else 'accueilli'} à l'{h.site} ({h.site_address}), {sv.pole}, "
             f"{sv.service}, {sv.unit} ({sv.chief.lower()} : {d.chief}). Activités confiées : {activities}.")]),
        ("Dates du stage", [
            rng.choice((f"Le stage se déroule {d.period()} inclus.",
                        (f"Le stage est effectué {d.period()}, soit une durée totale de présence de {d.hours_total()} "
                        "heures."))),
            (f"Le premier jour, {lower} se présente à 9 h à la {h.direction.lower()} ({h.office.lower()}), à l'"
             f"{h.site}.")]),
        ("Durée hebdomadaire et horaires", [
            (f"La durée hebdomadaire de présence {'de la' if d.she else 'du'} stagiaire est fixée à {d.weekly} heures, "
             f"gardes et astreintes exclues, {_vacations(d) if rng.random() < 0.5 else _schedule_sentence(d)}. "
             "Le travail de nuit, le dimanche et les jours fériés est exclu."),
            (f"À titre d'information, les agents du service travaillent selon un {d.team_cycle}, avec jours de "
             f"réduction du temps de travail ; ce cycle ne s'applique pas {'à la' if d.she else 'au'} stagiaire.")]),
        ("Encadrement", [
            (f"{trainee} est placé{e} sous la responsabilité de {_civ(st.tutor)}, {d.tutor_title}, encadrant"
             f"{'e' if _feminine(st.tutor) else ''} du stage au sein du service, en lien avec {_civ(d.manager)}, "
             f"{d.manager_title.lower()}."),
            (f"L'enseignant{'e' if _feminine(s.referent) else ''} référent{'e' if _feminine(s.referent) else ''} "
             f"désigné{'e' if _feminine(s.referent) else ''} par l'établissement d'enseignement est {_civ(s.referent)}, "
             f"{s.referent_title} ({s.referent_email}). Un bilan à mi-parcours est prévu le {date_slash(d.review)}.")]),
        ("Gratification", [gratification]),
        ("Avantages", [f"{trainee} bénéficie des avantages suivants : {_advantages(d)}."]),
        ("Visite médicale et vaccinations", [
            (f"Avant toute prise de fonction, {lower} est reçu{e} par le service de santé au travail de l'établissement : "
             f"rendez-vous le {date_with_weekday(d.visit)} à {d.visit_time}. {'Elle' if d.she else 'Il'} justifie des "
             "vaccinations exigées selon le service d'affectation (article L. 3111-4 du code de la santé publique).")]),
        ("Secret professionnel et discrétion", [
            (f"{trainee} est tenu{e} au secret professionnel (articles L. 1110-4 du code de la santé publique et 226-13 du "
             f"code pénal) et à l'obligation de discrétion sur toutes les informations dont {'elle' if d.she else 'il'} a "
             "connaissance pendant le "
             "stage, y compris après sa fin. Aucune photographie ni donnée de patient ne peut être conservée.")]),
        ("Protection sociale et accident", [
            (f"{trainee} conserve sa protection sociale d'étudiant{e}. En cas d'accident survenu au cours du stage ou du "
             "trajet, l'établissement d'accueil en informe l'établissement d'enseignement dans les 48 heures ; celui-ci "
             "effectue la déclaration auprès de la caisse primaire d'assurance maladie (article L. 412-8 du code de la "
             "sécurité sociale).")]),
        ("Responsabilité civile et assurances", [
            (f"L'établissement d'accueil est assuré au titre de sa responsabilité civile auprès de {h.insurer}, contrat "
             f"n° {h.policy}. L'établissement d'enseignement est assuré auprès de {s.insurer}, contrat n° {s.policy}. "
             f"{trainee} justifie d'une assurance responsabilité civile personnelle.")]),
    ]
    if presence_hours(st.weekly_hours, st.start_date, st.end_date) > GRATIFICATION_HOURS:
        out.append(("Congés et autorisations d'absence", [
            (f"Pour un stage de plus de deux mois, {lower} bénéficie de congés et d'autorisations d'absence dans les "
             "conditions prévues pour les agents de l'établissement, accordés par l'encadrant.")]))
    if not short:
        out.append(("Discipline et interruption du stage", [
            (f"{trainee} est soumis{e} au règlement intérieur de l'établissement d'accueil, notamment en matière "
             "d'hygiène, de sécurité, de tenue et d'horaires. En cas de manquement, le directeur de l'établissement "
             "d'accueil peut mettre fin au stage après en avoir informé l'établissement d'enseignement."),
            "Toute absence est signalée le jour même à l'encadrant et au bureau des stages."]))
    out.append(("Attestation et évaluation", [
        ("À l'issue du stage, l'établissement d'accueil délivre une attestation mentionnant la durée effective du stage "
         "et, le cas échéant, le montant de la gratification perçue (article D. 124-9 du code de l'éducation). "
         "L'encadrant remplit la fiche d'évaluation transmise par l'établissement d'enseignement.")]))
    if not short:
        out.append(("Litiges", [
            (f"Tout litige relatif à l'exécution de la présente convention relève, à défaut d'accord amiable, du "
             f"tribunal administratif {_de(h.city)}.")]))
    return out


# ---------------------------------------------------------------------------------------------------------- layout
class Page:
    def __init__(self, d: Draft, font: FontKey, accent: Color, size: float, initials: bool, style: str) -> None:
        self.d, self.font, self.accent, self.size, self.style = d, font, accent, size, style
        self.flow = Flow(font, size, margin=18, top=20, bottom=30 if initials else 23)

    def heading(self, number: int, title: str) -> None:
        flow = self.flow
        flow.space(1.4)
        flow.ensure(12)
        text = {"upper": f"ARTICLE {number} – {title.upper()}", "colon": f"Article {number} : {title}",
                "er": f"Art. {'1er' if number == 1 else number} – {title}"}[self.style]
        flow.text(text, self.size + 0.5, bold(self.font), color=self.accent)

    def band(self, title: str, top: float) -> float:
        flow = self.flow
        flow.sheet.add(Box(flow.margin, top, flow.width, 5.6, fill=self.accent, stroke=None),
                       Text(flow.margin + 2, top + 4.1, title, 8.4, bold(self.font), (255, 255, 255)))
        return top + 5.6

    def panel(self, title: str, rows: list[list[tuple[str, str]]], label_w: float = 40.0) -> None:
        """A framed block under a band: rows of one or two (label, value) cells, the label shaded."""
        flow, size = self.flow, self.size
        step = flow.line_height(size)
        laid = []
        for row in rows:
            cell = flow.width / len(row)
            lw = label_w if len(row) == 1 else 27.0
            cells = [(wrap(label, self.font, size - 0.7, lw - 2.4), wrap(value, self.font, size, cell - lw - 3), lw)
                     for label, value in row]
            laid.append((cells, max(max(len(a), len(b)) for a, b, _ in cells) * step + 1.8))
        flow.space(2.2)
        flow.ensure(5.6 + sum(height for _, height in laid[:3]) + 1)  # no band left with a single row
        y = self.band(title, flow.y)
        for cells, height in laid:
            if y + height > A4[1] - flow.bottom:
                flow.new_page()
                y = self.band(f"{title} (suite)", flow.y)
            x = flow.margin
            width = flow.width / len(cells)
            for label, value, lw in cells:
                flow.sheet.add(Box(x, y, lw, height, fill=SHADE, stroke=GRID, width=0.2),
                               Box(x + lw, y, width - lw, height, stroke=GRID, width=0.2))
                for i, line in enumerate(label):
                    flow.sheet.add(Text(x + 1.2, y + step * (i + 1) + 0.2, line, size - 0.7, self.font, GREY))
                for i, line in enumerate(value):
                    flow.sheet.add(Text(x + lw + 1.5, y + step * (i + 1) + 0.2, line, size, self.font))
                x += width
            y += height
        flow.y = y + 0.8

    def party(self, title: str) -> None:
        flow = self.flow
        flow.space(1.8)
        flow.ensure(14)
        flow.text(title, self.size + 0.6, bold(self.font), color=self.accent)
        flow.sheet.add(Rule(flow.margin, flow.y + 1, flow.margin + 70, flow.y + 1, 0.3, self.accent))
        flow.space(1)

    def signatures(self, cells: list[tuple[str, list[str]]], per_row: int, height: float, stamp: bool) -> None:
        flow = self.flow
        width = flow.width / per_row
        for start in range(0, len(cells), per_row):
            flow.ensure(height + 1)
            top = flow.y
            for i, (head, lines) in enumerate(cells[start:start + per_row]):
                x = flow.margin + i * width
                flow.sheet.add(Box(x, top, width, height, stroke=GRID, width=0.25),
                               Box(x, top, width, 5.2, fill=SHADE, stroke=GRID, width=0.25))
                for j, part in enumerate(wrap(head, bold(self.font), 7.3, width - 3)[:1]):
                    flow.sheet.add(Text(x + 1.5, top + 3.8, part, 7.3, bold(self.font)))
                y = top + 5.2
                for line in lines:
                    for part in wrap(line, self.font, 7.1, width - 3):
                        y += 3.2
                        flow.sheet.add(Text(x + 1.5, y, part, 7.1, self.font))
                if stamp and start == 0 and i == 0:
                    self.stamp(x + width - 37, top + height - 13.5)
            flow.y = top + height + 1.5

    def stamp(self, x: float, y: float) -> None:
        h = self.d.hospital
        sheet = self.flow.sheet
        sheet.add(Box(x, y, 35, 12.5, stroke=STAMP, width=0.5, radius=2),
                  Box(x + 0.9, y + 0.9, 33.2, 10.7, stroke=STAMP, width=0.2, radius=1.5),
                  Text(x + 17.5, y + 4.3, h.short.upper(), 6.2, bold(FontKey("sans")), STAMP, "center"),
                  Text(x + 17.5, y + 7.4, h.direction, 4.5, FontKey("sans"), STAMP, "center"),
                  Text(x + 17.5, y + 10.2, h.office, 4.5, FontKey("sans"), STAMP, "center"))


def _letterhead(page: Page) -> None:
    d, flow = page.d, page.flow
    h, sheet, font, accent = d.hospital, flow.sheet, page.font, page.accent
    right = [f"Affaire suivie par : {_civ(h.clerk)}", f"Tél. : {h.phone}", f"Courriel : {h.email}",
             f"Réf. : {d.number}"]
    for i, line in enumerate(right):
        sheet.add(Text(A4[0] - 18, 15 + 3.6 * i, line, 7, font, GREY, "right"))
    room = A4[0] - 18 - max(text_width_mm(line, font, 7) for line in right) - 4 - 41
    group = f"{h.site} – {h.group}" if "hospitalo" in h.group else f"Membre du {h.group}"
    sheet.add(Box(18, 11, 20, 20, fill=accent, stroke=None, radius=3),
              Box(26.5, 14, 3, 9, fill=(255, 255, 255), stroke=None),
              Box(23.5, 17, 9, 3, fill=(255, 255, 255), stroke=None),
              Text(28, 28.4, h.initials, 7 if len(h.initials) > 3 else 8, bold(font), (255, 255, 255), "center"))
    for y, text, size, key, color in ((15.5, h.short.upper(), 12, bold(font), accent), (19.6, group, 7, font, GREY),
                                      (24, h.direction, 8.4, bold(font), (0, 0, 0)), (27.8, h.office, 7.6, font, GREY)):
        while size > 5 and text_width_mm(text, key, size) > room:  # clear of the clerk's contacts
            size -= 0.2
        sheet.add(Text(41, y, text, size, key, color))
    sheet.add(Rule(18, 34, A4[0] - 18, 34, 0.4, accent))
    flow.y = 38

    def header(sheet: Sheet) -> None:
        draw_head(sheet, f"{h.short} – {h.direction}", f"Convention de stage n° {d.number}", font, ink=GREY,
                  rule=GREY)
    flow.header = header


def _footer(page: Page, initials: bool):
    d, flow = page.d, page.flow
    h = d.hospital

    def draw(sheet: Sheet, n: int) -> None:
        total = len(flow.sheets)
        legal = f"{h.name} – Siège : {h.address} – Standard : {h.phone} – {h.web}"
        draw_foot(sheet, A4[1] - 13, legal, f"Page {n}/{total}", page.font, initials and n < total, ink=GREY,
                  rule=GREY, frame=GRID)
    return draw


def _title(page: Page, rng: random.Random) -> None:
    d, flow = page.d, page.flow
    flow.text("CONVENTION DE STAGE", page.size + 5, bold(page.font), "center")
    sub = rng.choice((f"Accueil d'un{'e' if d.she else ''} étudiant{d.e()} stagiaire – année universitaire {d.school_year}",
                      f"Stage d'étudiant{d.e()} en établissement public de santé – {d.school_year}",
                      f"{d.hospital.direction} – accueil de stagiaires extérieurs – {d.school_year}"))
    flow.text(sub, page.size + 0.6, page.font, "center", color=page.accent)
    flow.text(f"Convention n° {d.number}", page.size - 0.6, page.font, "center", color=GREY)
    flow.space(2)


def _signature_cells(d: Draft, rng: random.Random, visas: bool) -> list[tuple[str, list[str]]]:
    h, s, st, p = d.hospital, d.school, d.facts.internship, d.facts.person
    place = h.city
    head = f"{'La' if h.head_title.startswith('Directrice') else 'Le'} {h.head_title.title()}"
    cells = [("Pour l'établissement d'accueil",
              [f"{head}, par délégation,", f"{'la' if _feminine(h.signer) else 'le'} {h.signer_title}",
               _civ(h.signer), f"Fait à {place}, le {date_slash(d.signed_hospital)}"]),
             ("Pour l'établissement d'enseignement",
              [(f"Pour {'la' if 'Présidente' in s.head_title or 'Directrice' in s.head_title else 'le'} "
               f"{s.head_title.split(' de ')[0]} et par délégation,"), _civ(s.delegate), s.delegate_title,
               f"Le {date_slash(d.signed_school)}"]),
             (d.trainee, [f"{st.given_names} {p.surname}", "« Lu et approuvé »", f"Le {date_slash(d.signed_intern)}"])]
    if visas:
        cells += [(f"Visa de l'encadrant{'e' if _feminine(st.tutor) else ''}", [_civ(st.tutor), d.tutor_title]),
                  ("Visa de l'enseignant référent", [_civ(s.referent), s.referent_title])]
        if rng.random() < 0.5:
            cells.append((f"Visa du {d.service.chief.lower()}", [d.chief]))
    return cells


def _sign(page: Page, rng: random.Random) -> None:
    d, flow = page.d, page.flow
    visas = rng.random() < 0.7
    cells = _signature_cells(d, rng, visas)
    flow.space(3)
    flow.ensure(40)
    flow.text(rng.choice(("Fait en trois exemplaires originaux.",
                          "Établie en trois exemplaires, un pour chacune des parties.")), page.size)
    flow.space(1)
    page.signatures(cells[:3], 3, 36, rng.random() < 0.6)
    if len(cells) > 3:
        page.signatures(cells[3:], len(cells) - 3, 16, False)


def _articles_layout(page: Page, rng: random.Random) -> None:
    d, flow = page.d, page.flow
    gratification, _ = _gratification(d, rng)
    _title(page, rng)
    if rng.random() < 0.6:
        for line in _recitals(d):
            flow.text(line, page.size - 0.6, color=GREY)
        flow.space(1.5)
    parties = [_party_hospital(d), _party_school(d)]
    if rng.random() < 0.4:
        parties.reverse()
    flow.text("ENTRE LES SOUSSIGNÉS :" if rng.random() < 0.5 else "Entre :", page.size + 0.3, bold(page.font))
    for i, text in enumerate(parties + [_party_intern(d)]):
        flow.space(1)
        if i:
            flow.text("ET", page.size, bold(page.font))
        flow.text(text)
    flow.space(1.5)
    flow.text("Il est convenu ce qui suit :", page.size + 0.3, bold(page.font))
    for number, (title, paragraphs) in enumerate(_articles(d, gratification, rng, short=False), 1):
        page.heading(number, title)
        for text in paragraphs:
            flow.text(text)
    _sign(page, rng)


def _blocks_layout(page: Page, rng: random.Random) -> None:
    d, flow = page.d, page.flow
    h, s, st, p, sv = d.hospital, d.school, d.facts.internship, d.facts.person, d.service
    _, gratification = _gratification(d, rng)
    _title(page, rng)
    flow.text("Articles L. 124-1 et suivants et D. 124-1 et suivants du code de l'éducation – les rubriques ci-dessous "
              "sont complétées par le bureau des stages.", page.size - 0.8, color=GREY, align="center")
    site_rows: list[list[tuple[str, str]]] = [[("Site", f"{h.site} – {h.site_address}")],
                                               [("N° FINESS géographique", h.finess_et)]]
    if rng.random() < 0.35:
        site_rows[1].append(("SIRET du site", h.site_siret))
    head = f"{_civ(h.head)}, {h.head_title}"
    panels = [
        ("ÉTABLISSEMENT D'ACCUEIL", [
            [("Raison sociale", h.name)], [("Statut", "Établissement public de santé")],
            [("Adresse du siège", h.address)],
            [("N° FINESS juridique", h.finess_ej), ("N° SIRET", d.siret)],
            [(h.agreed("Représenté") + " par", f"{head}, par délégation {_civ(h.signer)}, {h.signer_title}")],
            [("Dossier suivi par", f"{_civ(h.clerk)} – {h.office} – {h.phone} – {h.email}")]]),
        ("SERVICE D'ACCUEIL", site_rows + [
            [("Pôle", sv.pole)], [("Service", sv.service), ("Unité", sv.unit)],
            [(sv.chief, d.chief), (d.manager_title.split(" du ")[0].split(" de pôle")[0], _civ(d.manager))],
            [("Encadrant du stage", f"{_civ(st.tutor)}, {d.tutor_title}")]]),
        ("STAGIAIRE", [
            [("Nom", p.surname), ("Prénom(s)", st.given_names)],
            [(f"Né{d.e()} le", date_slash(p.birth_date)), ("à", f"{p.birth_city.title()} ({p.country.name_fr})")],
            [("Nationalité", p.demonym.capitalize()), ("N° étudiant", d.student_number)],
            *([[("Titre de séjour", (f"n° {d.facts.permit.number}, valable jusqu'au "
                                    f"{date_slash(d.facts.permit.expiry_date)}"))]] if d.permit else []),
            [("Adresse", p.address)], [("Formation suivie", f"{s.programme} – année {d.school_year}")]]),
        ("ÉTABLISSEMENT D'ENSEIGNEMENT", [
            [("Dénomination", s.name)], [("Adresse", s.address)],
            [("N° SIRET", s.siret), ("Code UAI", s.uai)],
            [("Représenté par", f"{_civ(s.delegate)}, {s.delegate_title}, par délégation")],
            [("Enseignant référent", f"{_civ(s.referent)}, {s.referent_title} – {s.referent_email}")]]),
    ]
    if rng.random() < 0.4:  # the school first, as on the national model
        panels[0], panels[2], panels[3] = panels[3], panels[0], panels[2]
        panels[1], panels[2] = panels[2], panels[1]
    for title, rows in panels:
        page.panel(title, rows)
    if rng.random() < 0.5:
        dates = [[("Date de début", d.spell(st.start_date)), ("Date de fin", d.spell(st.end_date))]]
    else:
        dates = [[("Période de stage", d.period() + " inclus")]]
    page.panel("MODALITÉS DU STAGE", [
        [("Thème du stage", st.subject)],
        [("Activités", "; ".join(sv.activities))],
        *dates,
        [("Durée hebdomadaire", f"{d.weekly} heures, gardes et astreintes exclues"),
         ("Total de présence", f"{d.hours_total()} heures")],
        [("Horaires", _schedule_sentence(d))],
        [("Cycle du service", f"{d.team_cycle} – ne s'applique pas {'à la' if d.she else 'au'} stagiaire")],
        [("Gratification", gratification)],
        [("Avantages", _advantages(d))],
        [("Visite médicale", f"Service de santé au travail, le {date_slash(d.visit)} à {d.visit_time}")],
        [("Bilan à mi-stage", date_slash(d.review))]])
    flow.space(2)
    flow.ensure(20)
    flow.text("CONDITIONS GÉNÉRALES", page.size + 0.5, bold(page.font), color=page.accent)
    clauses = [
        (f"1. {d.trainee} reste étudiant{d.e()} de l'établissement d'enseignement ; le stage ne peut avoir pour objet "
         "l'exécution d'une tâche régulière correspondant à un poste de travail permanent de l'établissement."),
        (f"2. {d.trainee} est soumis{d.e()} au règlement intérieur de l'établissement d'accueil et au secret professionnel "
         f"(article L. 1110-4 du code de la santé publique) ; {'elle' if d.she else 'il'} s'engage à la discrétion sur les informations "
         "concernant les patients et le fonctionnement des services."),
        ("3. Avant toute prise de fonction, le stagiaire passe la visite du service de santé au travail et justifie des "
         "vaccinations exigées pour le service d'affectation (article L. 3111-4 du code de la santé publique)."),
        (f"4. L'établissement d'accueil est assuré en responsabilité civile auprès de {h.insurer} (contrat n° "
         f"{h.policy}) ; l'établissement d'enseignement auprès de {s.insurer} (contrat n° {s.policy})."),
        ("5. En cas d'accident du stagiaire au cours du stage ou du trajet, l'établissement d'accueil en informe "
         "l'établissement d'enseignement dans les 48 heures, qui effectue la déclaration à la CPAM."),
        ("6. Toute absence est signalée le jour même à l'encadrant. En cas de manquement grave, le directeur de "
         "l'établissement d'accueil peut mettre fin au stage après en avoir informé l'établissement d'enseignement."),
        ("7. À l'issue du stage, l'établissement d'accueil délivre une attestation de stage (article D. 124-9 du code "
         f"de l'éducation). Tout litige relève du tribunal administratif {_de(h.city)}."),
    ]
    for clause in clauses:
        flow.text(clause, page.size - 0.5)
    _sign(page, rng)


def _annexe_layout(page: Page, rng: random.Random) -> None:
    d, flow = page.d, page.flow
    h, s, st, p, sv = d.hospital, d.school, d.facts.internship, d.facts.person, d.service
    gratification, _ = _gratification(d, rng)
    _title(page, rng)
    labels = 50
    page.party("L'ÉTABLISSEMENT D'ACCUEIL")
    flow.pairs([("Dénomination", h.name), ("Site d'affectation", f"{h.site}, {h.site_address}"),
                ("Siège", h.address), ("FINESS / SIRET", f"{h.finess_ej} / {d.siret}"),
                (h.agreed("Représenté") + " par", f"{_civ(h.signer)}, {h.signer_title}, par délégation {_of(h.head_title)}")],
               labels)
    page.party("L'ÉTABLISSEMENT D'ENSEIGNEMENT")
    flow.pairs([("Dénomination", s.name), ("Adresse", s.address), ("SIRET", s.siret),
                ("Représenté par", f"{_civ(s.delegate)}, {s.delegate_title}")], labels)
    page.party(d.trainee.upper())
    flow.pairs([("Nom et prénom(s)", f"{p.surname} {st.given_names}"),
                (f"Né{d.e()} le", f"{date_slash(p.birth_date)} à {p.birth_city.title()} ({p.country.name_fr})"),
                ("Adresse", p.address), ("Formation", f"{s.programme} ({d.school_year})")], labels)
    flow.space(1.5)
    flow.text("Il est convenu ce qui suit :", page.size + 0.3, bold(page.font))
    articles = _articles(d, gratification, rng, short=True)
    keep = {"Objet", "Dates du stage", "Durée hebdomadaire et horaires", "Gratification", "Avantages", "Visite médicale et vaccinations", ("Secret professionnel et "
            "discrétion"), "Protection sociale et accident", "Responsabilité civile et assurances",
            "Congés et autorisations d'absence", "Attestation et évaluation"}
    for number, (title, paragraphs) in enumerate([a for a in articles if a[0] in keep], 1):
        page.heading(number, title)
        for text in paragraphs:
            flow.text(text)
    flow.space(1)
    flow.text("Les modalités pédagogiques du stage figurent dans l'annexe pédagogique ci-jointe, qui fait partie "
              "intégrante de la présente convention.", page.size - 0.3, color=GREY)
    _sign(page, rng)

    flow.new_page()
    flow.text("ANNEXE PÉDAGOGIQUE", page.size + 4, bold(page.font), "center", color=page.accent)
    flow.text(f"Convention n° {d.number} – {p.surname} {st.given_names}", page.size, page.font, "center", color=GREY)
    objectives = "\n".join(f"– {o}" for o in rng.sample(OBJECTIVES, 3))
    page.panel("ORGANISATION DU STAGE", [
        [("Pôle / service", f"{sv.pole} – {sv.service}")], [("Unité fonctionnelle", sv.unit)],
        [(sv.chief, d.chief), (d.manager_title.split(" du ")[0].split(" de pôle")[0], _civ(d.manager))],
        [("Encadrant", f"{_civ(st.tutor)}, {d.tutor_title}")],
        [("Enseignant référent", f"{_civ(s.referent)}, {s.referent_title}")],
        [("Thème du stage", st.subject)],
        [("Objectifs pédagogiques", objectives)],
        [("Activités confiées", "\n".join(f"– {a}" for a in sv.activities))],
        [("Période", d.period())],
        [("Durée hebdomadaire", f"{d.weekly} heures (gardes exclues)"), ("Vacations", _halves(d))],
        [("Évaluation", f"Bilan à mi-stage le {date_slash(d.review)} ; fiche d'évaluation en fin de stage")]], 42)
    flow.space(2)
    flow.ensure(40)
    flow.text("Planning hebdomadaire", page.size + 0.6, bold(page.font), color=page.accent)
    rows = [("Jour", "Vacation du matin", "Vacation de l'après-midi", "Durée")]
    names = {day for day, *_ in d.schedule}
    for day in [w.capitalize() for w in WEEKDAYS_FR[:5]]:
        found = next((r for r in d.schedule if r[0] == day), None)
        rows.append((day, found[1], found[2], _duration(found[3])) if found else (day, "—", "—", "—"))
    assert len(names) == len(d.schedule)
    rows.append(("Total hebdomadaire", "", "", f"{d.weekly} h"))
    flow.table(rows, (38, 52, 52, 32), page.size - 0.2, bold(page.font), SHADE)
    flow.text("Gardes, astreintes, nuits, dimanches et jours fériés exclus. Pour information, les agents du service "
              f"travaillent selon un {d.team_cycle}.",
              page.size - 0.6, color=GREY)
    flow.space(3)
    page.signatures([(f"L'encadrant{'e' if _feminine(st.tutor) else ''}", [_civ(st.tutor), "Date et signature"]),
                     ("L'enseignant référent", [_civ(s.referent), "Date et signature"]),
                     (d.trainee, [f"{st.given_names} {p.surname}", "Date et signature"])], 3, 20, False)


def convention_hospitaliere(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    """Two or three pages: drawn again in a smaller size, with the same draws, in the rare case it runs longer."""
    sheets, host = drawn_to_fit(lambda size: _sheets(facts, rng, size), rng, (8.6, 8.2, 7.8, 7.4), 3)
    piece = _agreement_piece(facts, "convention_hospitaliere", sheets)
    piece.fields["host_name"] = host  # the hospital, the facts' SIRET
    return piece


def _sheets(facts: DossierFacts, rng: random.Random, size: float) -> tuple[list[Sheet], str]:
    """(the pages, the hospital's legal name)."""
    layout = rng.choice(LAYOUTS)
    d = _draft(facts, layout, rng)
    initials = rng.random() < 0.4
    page = Page(d, FontKey(rng.choice(FONTS)), rng.choice(ACCENTS), size, initials,
                rng.choice(("upper", "colon", "er")))
    page.flow.footer = _footer(page, initials)
    _letterhead(page)
    {"articles": _articles_layout, "blocks": _blocks_layout, "annexe": _annexe_layout}[layout](page, rng)
    return page.flow.finish(), d.hospital.name
