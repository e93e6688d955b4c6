"""Fresh internship agreement family `convention_formation_continue` (fifth internship wave, written once
`convention_pfmp` had been looked at): the agreement a training organisation (organisme de formation) signs with a
company for an adult in continuing vocational training — a job seeker or a worker in retraining following a titre
professionnel of the ministry of labour or another certification course — who spends part of the course in the
company: "Convention de stage en entreprise — stagiaire de la formation professionnelle continue", "Convention de
période d'application en entreprise (PAE)" or "Convention de stage pratique en entreprise".

The organisation's letterhead: a logo box with its initials, the continuing-education department, address and
contacts, the Qualiopi mark with the mention "La certification qualité a été délivrée au titre de la catégorie
d'action suivante : ACTIONS DE FORMATION"; its "numéro de déclaration d'activité" (registered with the préfet de
région, "cet enregistrement ne vaut pas agrément de l'État") and its SIRET in the party's paragraph and in the footer.
A centred title, the convention's number and the course's session code. The parties "L'organisme de formation",
"L'entreprise d'accueil", "Le stagiaire" / "La stagiaire" in prose paragraphs ("ci-après dénommé …") or as headed
label/value lines; then "Il est convenu ce qui suit" and numbered articles: the course (title, RNCP code and level,
its own dates and total length in hours, split between the centre and the company — distractors), the dates of the
period in the company, the weekly hours with the daily timetable, the trainee's status (stagiaire de la formation
professionnelle, paid by the Région or by France Travail — a monthly amount that is NOT the gratification — or not
paid), the "formateur référent" and the "tuteur en entreprise", the activities, the attendance sheet signed every
half-day and countersigned by the tutor, the gratification when the company pays one (per month, or per hour with its
monthly sum), insurance and accidents, discipline, interruption. A boxed recap table of the period on some seeds
(after the parties or before the signatures), initials boxes at the foot of page 1 on some, and a signature row for
the three parties, sometimes with the tutor's and the trainer's visas; two pages, the page number in the footer.

The truth is the generator's usual one (`education._agreement_piece`): the institution is the training organisation,
the host the company, the intern the trainee."""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from synth.checksums import make_siren, make_siret
from synth.companies import french_name
from synth.facts import DossierFacts, InternshipFacts
from synth.fmt import date_long, date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, STREETS, Person
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.education import _agreement_piece
from synth.pieces.fresh_birth_act import FEMININE
from synth.pieces.fresh_diploma_titre_pro import OFFICES
from synth.pieces.fresh_internship_pfmp import _slug
from synth.pieces.fresh_internship_portal import _phone
from synth.pieces.fresh_words import date_with_weekday
from synth.rules import INTERN_HOURLY_MIN, gratification_floor, presence_hours, value_at

GREY: Color = (95, 95, 95)
ACCENTS: tuple[Color, ...] = ((0, 94, 110), (28, 68, 138), (118, 38, 86), (38, 98, 52))
QUALIOPI_BLUE: Color = (0, 50, 140)
QUALIOPI_RED: Color = (220, 30, 50)
FONTS = ("serif", "lserif", "sans", "lsans", "condensed")
# the former INSEE region code that opens a declaration number, by region
REGION_CODES = {"Île-de-France": "11", "Auvergne-Rhône-Alpes": "84", "Provence-Alpes-Côte d'Azur": "93",
                "Occitanie": "76", "Pays de la Loire": "52", "Hauts-de-France": "32", "Nouvelle-Aquitaine": "75",
                "Bretagne": "53", "Grand Est": "44", "Bourgogne-Franche-Comté": "27", "Normandie": "28"}
DEPARTMENTS = {"Université": ("Service commun de formation continue",
                              "Direction de la formation continue et de l'alternance",
                              "Service universitaire de formation continue (SUFC)"),
               "other": ("Centre de formation continue", "Pôle formation professionnelle continue et VAE",
                         "Direction de la formation continue", "Institut de formation continue")}
CATEGORIES = ("ACTIONS DE FORMATION",
              "ACTIONS DE FORMATION ; ACTIONS PERMETTANT DE FAIRE VALIDER LES ACQUIS DE L'EXPÉRIENCE",
              "ACTIONS DE FORMATION ; BILANS DE COMPÉTENCES")
OF_INSURERS = ("MAIF", "SMACL Assurances", "AXA France", "Allianz", "MMA Entreprise")
HOST_INSURERS = ("AXA France", "Generali", "Groupama", "MAAF Pro", "Covéa Risks", "Swiss Life")
SIGNER_ROLES = (("Gérant", "Gérante"), ("Président", "Présidente"), ("Directeur général", "Directrice générale"),
                ("Responsable des ressources humaines", "Responsable des ressources humaines"))
TUTOR_ROLES = (("Responsable d'équipe", "Responsable d'équipe"), ("Chef de projet", "Cheffe de projet"),
               ("Responsable de site", "Responsable de site"), ("Chef de service", "Cheffe de service"))


@dataclass(frozen=True)
class Course:
    """A course the organisation runs: a titre professionnel (ministry of labour) or another certification."""
    name: str
    code: str  # the session's short code, "DWWM"
    level: int  # national framework
    rncp: str
    activities: tuple[str, ...]


COURSES: dict[str, tuple[Course, ...]] = {
    "Développement d'une application web": (
        Course("Titre professionnel Développeur web et web mobile", "DWWM", 5, "RNCP37674",
               ("Maquettage et développement des interfaces utilisateur",
                "Développement des composants d'accès aux données", "Tests unitaires et recette",
                "Déploiement et documentation de l'application")),
        Course("Titre professionnel Concepteur développeur d'applications", "CDA", 6, "RNCP37873",
               ("Conception de l'architecture de l'application", "Développement des couches métier et persistance",
                "Mise en place des tests et de l'intégration continue", "Rédaction de la documentation technique"))),
    "Analyse de données commerciales": (
        Course("Titre professionnel Manager d'unité marchande", "MUM", 5, "RNCP32291",
               ("Suivi des indicateurs de l'unité marchande", "Gestion de l'offre produits et des stocks",
                "Animation et accompagnement de l'équipe de vente", "Analyse des résultats commerciaux")),
        Course("Certification professionnelle Data analyst", "DA", 6, "RNCP35288",
               ("Collecte et nettoyage des données commerciales", "Construction de tableaux de bord",
                "Analyses statistiques et restitution aux équipes", "Rédaction d'une note de synthèse"))),
    "Audit des processus logistiques": (
        Course("Titre professionnel Technicien supérieur en méthodes et exploitation logistique", "TSMEL", 5,
               "RNCP34857", ("Organisation des flux de l'entrepôt", "Suivi des indicateurs de performance",
                             "Participation à l'amélioration des processus",
                             "Encadrement d'une équipe de préparateurs")),
        Course("Titre professionnel Technicien en logistique d'entreposage", "TLE", 4, "RNCP34860",
               ("Réception et contrôle des marchandises", "Gestion des stocks et inventaires",
                "Préparation et expédition des commandes", "Conduite d'engins en sécurité"))),
    "Étude de marché à l'international": (
        Course("Titre professionnel Assistant commercial", "AC", 5, "RNCP35291",
               ("Veille commerciale et étude de marché", "Administration des ventes à l'export",
                "Prospection et relance de la clientèle", "Préparation des documents commerciaux")),
        Course("Certification professionnelle Chargé de développement commercial à l'international", "CDCI", 6,
               "RNCP36102", ("Études de marchés étrangers", "Élaboration d'un plan de prospection",
                             "Suivi des opérations de commerce international",
                             "Participation à un salon professionnel"))),
    "Amélioration continue en production": (
        Course("Titre professionnel Conducteur d'installation et de machines automatisées", "CIMA", 3, "RNCP35345",
               ("Conduite d'une ligne de production automatisée", "Réglages et changements de série",
                "Contrôle qualité en cours de production", "Maintenance de premier niveau")),
        Course("Titre professionnel Technicien supérieur de maintenance industrielle", "TSMI", 5, "RNCP37682",
               ("Diagnostic des dysfonctionnements", "Maintenance préventive et corrective",
                "Participation aux chantiers d'amélioration continue", "Suivi de la GMAO"))),
}
TITLES = {"stage": ("CONVENTION DE STAGE EN ENTREPRISE", "Stagiaire de la formation professionnelle continue",
                    "le stage", "la période de stage", "du stage"),
          "pae": ("CONVENTION DE PÉRIODE D'APPLICATION EN ENTREPRISE (PAE)",
                  "Formation professionnelle continue – parcours certifiant",
                  "la période d'application en entreprise", "la PAE", "de la PAE"),
          "pratique": ("CONVENTION DE STAGE PRATIQUE EN ENTREPRISE",
                       "Action de formation professionnelle continue (sixième partie du code du travail)",
                       "le stage pratique", "la période en entreprise", "du stage pratique")}


@dataclass(frozen=True)
class Organisation:
    name: str
    department: str
    address: str
    city: str
    region: str
    nda: str  # "84 69 12345 69" or undivided
    siret: str
    phone: str
    email: str
    head: str
    head_title: str  # "Directrice du service de formation continue"
    delegation: bool  # a university's: signed by delegation of its president


@dataclass(frozen=True)
class Status:
    """The trainee's status and what is paid to them for the course, by whom (never the gratification)."""
    text: str
    recap: str


def _feminine(name: str) -> bool:
    return name.split()[0] in FEMININE


def _gendered(pair: tuple[str, str], name: str) -> str:
    return pair[1] if _feminine(name) else pair[0]


def _civ(name: str) -> str:
    return ("Mme " if _feminine(name) else "M. ") + name


def _others(rng: random.Random, taken: set[str], count: int) -> list[str]:
    """`count` French names, none of them in `taken` nor each other."""
    names: list[str] = []
    while len(names) < count:
        name = french_name(rng)
        if name not in taken and name not in names:
            names.append(name)
    return names


def _organisation(st: InternshipFacts, head: str, rng: random.Random) -> Organisation:
    city, postcode = rng.choice(FRENCH_CITIES)
    region, _, dept, _ = OFFICES[city]
    number = f"{REGION_CODES[region]}{dept}{rng.randint(10000, 99999)}{dept}"
    nda = f"{number[:2]} {number[2:4]} {number[4:9]} {number[9:]}" if rng.random() < 0.6 else number
    university = st.institution.startswith("Université")
    department = rng.choice(DEPARTMENTS["Université" if university else "other"])
    siret = make_siret(make_siren(rng), rng)
    slug = _slug(st.institution)
    email = rng.choice((f"formation.continue@{slug}.fr", f"fc-stages@{slug}.fr", f"contact-fc@{slug}.fr"))
    titles = ((("Directeur du service de formation continue", "Directrice du service de formation continue"),)
              if university else (("Directeur", "Directrice"), ("Directeur de la formation continue",
                                                                "Directrice de la formation continue")))
    return Organisation(st.institution, department, f"{rng.randint(1, 140)} {rng.choice(STREETS)}, {postcode} {city}",
                        city, region, nda, siret, _phone(rng), email, head, _gendered(rng.choice(titles), head),
                        university)


def _status(person: Person, start: dt.date, org: Organisation, gratification: float, rng: random.Random) -> Status:
    """What the trainee is paid for the course, per month, by the Région or France Travail — or nothing."""
    she = person.sex == "F"
    paid = "rémunérée" if she else "rémunéré"
    age = (start - person.birth_date).days // 365
    base = ("La stagiaire" if she else "Le stagiaire") + (" a, pendant toute la durée de la formation, y compris "
                                                          "pendant " if rng.random() < 0.5 else " conserve, durant ")
    base += "la période en entreprise, le statut de stagiaire de la formation professionnelle (articles L. 6341-1 et "
    base += "suivants du code du travail)"
    kind = rng.choices(("region", "aref", "rfft", "none"), (4, 3, 2, 1))[0]
    if kind == "none":
        return Status(base + f" ; {'elle' if she else 'il'} n'est pas {paid} au titre de la formation.",
                      f"Non {paid} au titre de la formation")
    if kind == "aref":
        daily = rng.randint(3150, 5890) / 100
        daily += 1.37 if abs(daily * 30 - gratification) <= 1 else 0  # never the gratification's amount
        monthly = round(daily * 30, 2)
        return Status(base + f". {'Elle' if she else 'Il'} perçoit de France Travail l'allocation d'aide au retour à "
                      f"l'emploi formation (AREF), d'un montant journalier de {number_fr(daily)} €, soit "
                      f"{euros(monthly)} par mois environ.",
                      f"AREF versée par France Travail : {euros(monthly)} / mois environ")
    amounts = [a for a in ((500.0, 685.0) if age < 26 else (685.0, 500.0)) if a != gratification]
    amount = amounts[0]
    if kind == "rfft":
        return Status(base + f" et est {paid} par France Travail au titre de la rémunération des formations de "
                      f"France Travail (RFFT) : {euros(amount)} par mois.",
                      f"RFFT (France Travail) : {euros(amount)} par mois")
    return Status(base + f" et est {paid} par la Région {org.region} au titre de la rémunération des stagiaires de la "
                  f"formation professionnelle, soit {euros(amount)} par mois, versés par l'Agence de services et de "
                  "paiement (ASP).", f"Région {org.region} (ASP) : {euros(amount)} par mois")


def _clock(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d}"


def _schedule(weekly: float, rng: random.Random) -> tuple[str, str]:
    """(the days and hours as a sentence, the same in short) for `weekly` hours spread evenly."""
    total = round(weekly * 60)
    days = 5 if weekly >= 28 else rng.choice((4, 5))
    if total % days:
        days = 5
    span = "du lundi au vendredi" if days == 5 else "du lundi au jeudi"
    if total % days:
        return span, span.capitalize()
    daily = total // days
    start = rng.choice((480, 510, 540))
    if daily <= 300:
        hours = f"de {_clock(start)} à {_clock(start + daily)}"
    else:
        morning = rng.choice((210, 240))
        back = start + morning + rng.choice((45, 60, 90))
        end = back + daily - morning
        hours = f"de {_clock(start)} à {_clock(start + morning)} et de {_clock(back)} à {_clock(end)}"
    per_day = f"{daily // 60} h" + (f" {daily % 60:02d}" if daily % 60 else "")
    return f"{span}, {hours} ({per_day} par jour)", f"{span.capitalize()}, {hours}"


def _gratification(st: InternshipFacts, she: bool, rng: random.Random) -> tuple[str, str]:
    """(the article's text, the recap cell): the gratification the company pays, per month (or per hour with its
    monthly sum when it is the legal minimum), or none."""
    trainee = "à la stagiaire" if she else "au stagiaire"
    if st.gratification == 0:
        return ((f"L'entreprise d'accueil ne verse aucune gratification {trainee}. Les frais de repas et de transport "
                f"restent à la charge {'de la' if she else 'du'} stagiaire, sauf accord particulier."), "Néant")
    monthly = euros(st.gratification)
    if abs(st.gratification - float(gratification_floor(st.start_date, st.weekly_hours))) < 0.005:
        hourly = number_fr(float(value_at(INTERN_HOURLY_MIN, st.start_date)))
        amount = f"{hourly} € par heure de présence, soit {monthly} par mois"
        text = f"L'entreprise d'accueil verse {trainee} une gratification de {amount} pour la durée hebdomadaire prévue"
    else:
        amount = rng.choice((f"{monthly} par mois", f"{monthly} mensuels"))
        text = rng.choice((f"L'entreprise d'accueil verse {trainee} une gratification mensuelle de {monthly}",
                           f"L'entreprise d'accueil verse {trainee} une gratification de {monthly} par mois"))
    text += (", au prorata du temps de présence pour un mois incomplet, par virement en fin de mois. Cette "
             "gratification est distincte de la rémunération perçue au titre de la formation (article 4).")
    return text, amount


def _course_dates(start: dt.date, end: dt.date, made: dt.date, company: int,
                  rng: random.Random) -> tuple[dt.date, dt.date, int]:
    """(the course's first and last days, the hours spent in the centre): it starts weeks before the convention is
    signed, ends weeks after the period in the company, and spends more hours in the centre than in the company."""
    after = rng.randint(1, 6)
    before = max(rng.randint(8, 22), math.ceil((start - made).days / 7) + 2, math.ceil(company * 1.2 / 35) + 2 - after)
    first = start - dt.timedelta(days=7 * before)
    first -= dt.timedelta(days=first.weekday())
    last = end + dt.timedelta(days=7 * after)
    last += dt.timedelta(days=(4 - last.weekday()) % 7)
    return first, last, 35 * (before + after - rng.randint(0, 2))  # bar a week or two of holidays


class Page:
    """The flow of the convention, its headings and the recap box, in one accent colour."""

    def __init__(self, font: FontKey, accent: Color, style: str, size: float, initials: bool) -> None:
        self.flow = Flow(font, size, margin=18, top=20, bottom=30 if initials else 22)  # room for the initials
        self.font, self.accent, self.style = font, accent, style

    def heading(self, number: int, title: str) -> None:
        flow = self.flow
        flow.space(1.5)
        flow.ensure(12)
        text = f"ARTICLE {number} – {title.upper()}" if self.style == "upper" else f"Article {number} : {title}"
        flow.text(text, 8.9, bold(self.font), color=self.accent)

    def party(self, title: str) -> None:
        flow = self.flow
        flow.space(2)
        flow.ensure(16)
        flow.text(title, 9.2, bold(self.font), color=self.accent)
        flow.sheet.add(Rule(flow.margin, flow.y + 1, flow.margin + 60, flow.y + 1, 0.35, self.accent))
        flow.space(1.2)

    def recap(self, title: str, rows: list[tuple[str, str]]) -> None:
        """A framed table: a band with the title, then label | value rows separated by thin rules."""
        flow, size = self.flow, 8.3
        step, label_w = flow.line_height(size), 52.0
        cells = [(label, wrap(value, bold(self.font), size, flow.width - label_w - 6)) for label, value in rows]
        height = 7 + sum(len(values) * step + 1.6 for _, values in cells) + 1.5
        flow.space(2.5)
        flow.ensure(height + 2)
        top = flow.y
        flow.sheet.add(Box(flow.margin, top, flow.width, height, stroke=self.accent, width=0.6),
                       Box(flow.margin + 0.9, top + 0.9, flow.width - 1.8, height - 1.8, stroke=self.accent,
                           width=0.2),
                       Box(flow.margin + 0.9, top + 0.9, flow.width - 1.8, 5.6, fill=self.accent, stroke=None),
                       Text(A4[0] / 2, top + 4.9, title, 8.8, bold(self.font), (255, 255, 255), align="center"))
        y = top + 7
        for i, (label, values) in enumerate(cells):
            if i:
                flow.sheet.add(Rule(flow.margin + 3, y, flow.margin + flow.width - 3, y, 0.12, (170, 170, 170)))
            for j, line in enumerate(values):
                if j == 0:
                    flow.sheet.add(Text(flow.margin + 3, y + step, label, size, self.font, GREY))
                flow.sheet.add(Text(flow.margin + label_w, y + step * (j + 1), line, size, bold(self.font)))
            y += len(values) * step + 1.6
        flow.y = top + height + 1


def _letterhead(page: Page, org: Organisation, rng: random.Random) -> None:
    sheet, font, accent = page.flow.sheet, page.font, page.accent
    initials = _slug(org.name).upper()[:4]
    sheet.add(Box(18, 11, 19, 19, fill=accent, stroke=None, radius=2.5),
              Text(27.5, 22.5, initials, 11 if len(initials) < 4 else 9, bold(font), (255, 255, 255), align="center"),
              Text(41, 15, org.name, 11.5, bold(font)),
              Text(41, 19.6, org.department, 8, font, accent),
              Text(41, 23.6, org.address, 7.6, font, GREY),
              Text(41, 27.3, f"Tél. {org.phone} – {org.email}", 7.6, font, GREY))
    # the Qualiopi mark and its mandatory mention
    x = A4[0] - 18 - 40
    sheet.add(Box(x, 10, 40, 15, stroke=(170, 170, 170), width=0.2),
              Text(x + 3, 15.5, "RÉPUBLIQUE FRANÇAISE", 4.6, bold(FontKey("sans")), QUALIOPI_BLUE),
              Box(x + 3, 17, 2.2, 5.5, fill=QUALIOPI_BLUE, stroke=None),
              Box(x + 5.2, 17, 2.2, 5.5, fill=QUALIOPI_RED, stroke=None),
              Text(x + 9, 21.4, "Qualiopi", 12, bold(FontKey("sans")), QUALIOPI_BLUE),
              Text(x + 9, 24, "processus certifié", 5.2, FontKey("sans"), QUALIOPI_BLUE))
    mention = ("La certification qualité a été délivrée au titre de la catégorie d'action suivante : "
               + rng.choice(CATEGORIES))
    for i, line in enumerate(wrap(mention, font, 5.6, 46)):
        sheet.add(Text(A4[0] - 18, 28 + 2.4 * i, line, 5.6, font, GREY, align="right"))
    sheet.add(Rule(18, 36, A4[0] - 18, 36, 0.5, accent))


def _footer(page: Page, org: Organisation, number: str, initials: bool):
    flow = page.flow

    def draw(sheet: Sheet, n: int) -> None:
        y = A4[1] - 14
        total = len(flow.sheets)
        if initials and n < total:
            x = A4[0] - 18 - 3 * 10
            sheet.add(Text(x - 2, y - 6, "Paraphes :", 7, page.font, GREY, align="right"))
            for i in range(3):
                sheet.add(Box(x + i * 10, y - 10.5, 9, 7, stroke=(140, 140, 140), width=0.2))
        right = f"Convention n° {number} – page {n}/{total}"
        legal = (f"{org.name} – {org.address} – SIRET {org.siret}\nDéclaration d'activité enregistrée sous le "
                 f"n° {org.nda} auprès du préfet de la région {org.region}. Cet enregistrement ne vaut pas agrément "
                 "de l'État.")
        width = A4[0] - 36 - text_width_mm(right, page.font, 6.3) - 6
        sheet.add(Rule(18, y - 2.5, A4[0] - 18, y - 2.5, 0.2, GREY),
                  Text(A4[0] - 18, y + 0.5, right, 6.3, page.font, GREY, align="right"))
        for i, line in enumerate(wrap(legal, page.font, 6.3, width)):
            sheet.add(Text(18, y + 0.5 + 2.8 * i, line, 6.3, page.font, GREY))
    return draw


def _signatures(page: Page, columns: list[tuple[str, list[str]]], height: float = 26.0) -> None:
    """One column per signer, unframed: the role, the name and capacity, the mentions, a line to sign on."""
    flow = page.flow
    width = flow.width / len(columns)
    flow.ensure(height + 4)
    top = flow.y + 3
    for i, (role, lines) in enumerate(columns):
        x = flow.margin + i * width
        flow.sheet.add(Text(x, top + 3.5, role, 8.4, bold(page.font), page.accent))
        y = top + 3.5
        for line in lines:
            for part in wrap(line, page.font, 7.8, width - 5):
                y += 3.5
                flow.sheet.add(Text(x, y, part, 7.8, page.font))
        flow.sheet.add(Rule(x, top + height, x + width - 6, top + height, 0.2, GREY))
    flow.y = top + height + 2


@dataclass(frozen=True)
class Draft:
    """What one convention says, drawn before it is laid out."""
    facts: DossierFacts
    org: Organisation
    course: Course
    kind: tuple[str, str, str, str, str]  # TITLES' entry
    trainer: str
    made: dt.date
    first: dt.date  # the course's own dates and hours (distractors)
    last: dt.date
    centre: int
    company: int
    number: str
    session: str
    siret: str
    signer_role: str
    tutor_role: str
    ft_id: str
    status: Status

    @property
    def she(self) -> bool:
        return self.facts.person.sex == "F"

    @property
    def trainee(self) -> str:
        return "La stagiaire" if self.she else "Le stagiaire"

    def e(self) -> str:
        """The feminine ending, for the trainee."""
        return "e" if self.she else ""


def _draft(facts: DossierFacts, rng: random.Random) -> Draft:
    st = facts.internship
    head, trainer = _others(rng, {st.tutor, st.host.manager}, 2)
    org = _organisation(st, head, rng)
    course = rng.choice(COURSES.get(st.subject, COURSES["Analyse de données commerciales"]))
    # the PAE is the titre professionnel's own word for the period in the company
    kind = TITLES[rng.choice(("stage", "pae", "pratique") if course.name.startswith("Titre") else
                             ("stage", "pratique"))]
    made = min(st.start_date - dt.timedelta(days=rng.randint(15, 45)),
               facts.reference_date - dt.timedelta(days=rng.randint(7, 30)))
    company = round(float(presence_hours(st.weekly_hours, st.start_date, st.end_date)))
    first, last, centre = _course_dates(st.start_date, st.end_date, made, company, rng)
    return Draft(facts, org, course, kind, trainer, made, first, last, centre, company,
                 number=f"{'PAE' if 'PAE' in kind[0] else 'FC'}-{made.year}-{rng.randint(1, 9999):04d}",
                 session=f"{course.code}-{org.city[:3].upper()}-{first.year}-{rng.randint(1, 12):02d}",
                 siret=siret_spaced(st.siret) if rng.random() < 0.5 else st.siret,
                 signer_role=_gendered(rng.choice(SIGNER_ROLES), st.host.manager),
                 tutor_role=_gendered(rng.choice(TUTOR_ROLES), st.tutor),
                 ft_id=f"{rng.randint(1000000, 9999999)}{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}",
                 status=_status(facts.person, st.start_date, org, st.gratification, rng))


def _parties_in_prose(page: Page, d: Draft, rng: random.Random) -> None:
    """"Entre les soussignés :", each party in a paragraph ending "ci-après dénommé(e) « … »"."""
    person, st, org, host = d.facts.person, d.facts.internship, d.org, d.facts.internship.host
    intern = f"{person.surname} {st.given_names}" if rng.random() < 0.5 else f"{st.given_names} {person.surname}"
    delegation = ", agissant par délégation du président de l'université" if org.delegation else ""
    paragraphs = [
        ("L'organisme de formation",
         (f"{org.name} – {org.department}, {org.address}, enregistré sous le numéro de déclaration d'activité "
          f"{org.nda} auprès du préfet de la région {org.region}, SIRET {org.siret}, représenté par {_civ(org.head)}, "
          f"{org.head_title.lower()}{delegation}, ci-après dénommé « l'organisme de formation »,")),
        ("L'entreprise d'accueil",
         (f"{host.name}, {host.legal_form_long}, SIRET {d.siret}, dont le siège est situé {host.address}, représentée "
          f"par {_civ(host.manager)}, {d.signer_role.lower()}, ci-après dénommée « l'entreprise d'accueil »,")),
        (d.trainee,
         (f"{person.civility_long} {intern}, né{d.e()} le {date_slash(person.birth_date)} à "
          f"{person.birth_city.title()}, demeurant {person.address}, identifiant France Travail {d.ft_id}, "
          f"inscrit{d.e()} à la formation désignée à l'article 2, ci-après dénommé{d.e()} « {d.trainee.lower()} »,"))]
    flow = page.flow
    flow.text("Entre les soussignés :", 9, bold(page.font))
    for i, (who, text) in enumerate(paragraphs):
        flow.space(1.2)
        flow.text(who, 8.9, bold(page.font), color=page.accent)
        flow.text(text)
        if i < 2:
            flow.text("d'une part," if i == 0 else "et", 8.4, align="right")


def _parties_in_lines(page: Page, d: Draft) -> None:
    """Each party under its heading, as label / value lines."""
    person, st, org, host, flow = d.facts.person, d.facts.internship, d.org, d.facts.internship.host, page.flow
    page.party("L'ORGANISME DE FORMATION")
    flow.pairs([("Raison sociale", org.name), ("Service", org.department), ("Adresse", org.address),
                ("N° de déclaration d'activité", f"{org.nda} (préfecture de la région {org.region})"),
                ("SIRET", org.siret), ("Représenté par", f"{_civ(org.head)}, {org.head_title}")], 48)
    page.party("L'ENTREPRISE D'ACCUEIL")
    flow.pairs([("Raison sociale", f"{host.name} ({host.legal_form})"), ("N° SIRET", d.siret),
                ("Code NAF", host.ape), ("Adresse", host.address),
                ("Représentée par", f"{_civ(host.manager)}, {d.signer_role}")], 48)
    page.party(d.trainee.upper())
    flow.pairs([("Nom", person.surname), ("Prénom(s)", st.given_names),
                (f"Né{d.e()} le", f"{date_slash(person.birth_date)} à {person.birth_city.title()}"),
                ("Adresse", person.address), ("Identifiant France Travail", d.ft_id)], 48)


def _articles(d: Draft, days: str, gratification: str, rng: random.Random) -> list[tuple[str, list[str]]]:
    st, org, course, trainee = d.facts.internship, d.org, d.course, d.trainee
    period, short, of_period = d.kind[2:]
    spell = rng.choice((date_slash, date_long, date_with_weekday))
    activities = [st.subject] + [a for a in course.activities if a != st.subject][:rng.randint(2, 3)]
    weeks = (st.end_date - st.start_date).days // 7
    visit = st.start_date + dt.timedelta(days=7 * rng.randint(1, max(1, weeks - 1)))
    visit -= dt.timedelta(days=visit.weekday())
    exam = d.last - dt.timedelta(days=rng.randint(0, 3))
    total = number_fr(d.centre + d.company).split(",")[0]
    return [
        ("Objet", [(f"La présente convention définit les conditions dans lesquelles {trainee.lower()} effectue "
                    f"{period} au sein de l'entreprise d'accueil. Cette période fait partie intégrante de l'action de "
                    "formation suivie ; elle a pour objet de mettre en pratique les compétences acquises en centre et "
                    "d'en acquérir de nouvelles en situation de travail.")]),
        ("Formation suivie", [f"Intitulé : {course.name} – niveau {course.level} ({course.rncp}).",
                              (f"Dates de la formation : du {date_slash(d.first)} au {date_slash(d.last)}. Durée "
                               f"totale : {total} heures, dont {d.centre} heures en centre de formation et "
                               f"{d.company} heures en entreprise."),
                              f"Session d'examen prévue le {date_slash(exam)}."]),
        ("Dates et horaires", [(f"{period[0].upper()}{period[1:]} se déroule du {spell(st.start_date)} au "
                                f"{spell(st.end_date)} inclus."),
                               f"Durée hebdomadaire de présence : {hours_fr(st.weekly_hours)} heures, {days}.",
                               ("Les horaires ne peuvent excéder la durée légale du travail ni celle applicable aux "
                                "salariés de l'entreprise ; le travail de nuit, le dimanche et les jours fériés sont "
                                "exclus.")]),
        ("Statut et rémunération du stagiaire",
         [d.status.text, f"{trainee} n'est pas lié{d.e()} à l'entreprise d'accueil par un contrat de travail."]),
        ("Encadrement", [(f"Tuteur en entreprise : {_civ(st.tutor)}, {d.tutor_role}, chargé(e) d'accueillir et "
                          f"d'accompagner {trainee.lower()}."),
                         (f"Formateur référent : {_civ(d.trainer)}, {org.name}, tél. {_phone(rng)}, chargé(e) du "
                          "suivi pédagogique ; une visite ou un entretien avec le tuteur est prévu la semaine du "
                          f"{date_slash(visit)}.")]),
        ("Activités confiées", [f"– {a}" for a in activities]),
        ("Feuille de présence et absences",
         [(f"{trainee} signe chaque demi-journée la feuille d'émargement fournie par l'organisme de formation ; le "
           "tuteur la vise en fin de semaine et l'entreprise la retourne à l'organisme à la fin du mois. Elle "
           "conditionne le versement de la rémunération de la formation."),
          (f"Toute absence est signalée le jour même au formateur référent ; {'elle' if d.she else 'il'} fournit un "
           "justificatif sous 48 heures.")]),
        ("Gratification", [gratification]),
        ("Protection sociale et assurances",
         [(f"{trainee} bénéficie de la protection sociale des stagiaires de la formation professionnelle (articles "
           "L. 6342-1 et suivants du code du travail). En cas d'accident pendant la période ou sur le trajet, "
           "l'entreprise en informe l'organisme de formation dans les 24 heures ; celui-ci effectue la déclaration "
           "auprès de la caisse primaire d'assurance maladie."),
          (f"Responsabilité civile : organisme de formation, {rng.choice(OF_INSURERS)}, contrat n° "
           f"{rng.randint(1000000, 9999999)} ; entreprise d'accueil, {rng.choice(HOST_INSURERS)}, police n° "
           f"{rng.randint(10000000, 99999999)}.")]),
        ("Discipline, évaluation et fin de la période",
         [(f"{trainee} est soumis{d.e()} au règlement intérieur de l'entreprise en matière d'hygiène, de sécurité et "
           f"d'horaires, et reste soumis{d.e()} à celui de l'organisme de formation (article L. 6352-3 du code du "
           "travail). En cas de manquement grave, l'organisme de formation peut mettre fin à la période après avoir "
           "entendu les parties."),
          (f"À l'issue de {short}, le tuteur remplit la fiche d'évaluation {of_period} et l'entreprise remet "
           f"{'à la stagiaire' if d.she else 'au stagiaire'} une attestation de présence.")]),
    ]


def convention_formation_continue(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    """Two pages: drawn again in a smaller size, with the same draws, in the rare case it runs onto a third."""
    state = rng.getstate()
    for size in (8.4, 8.0, 7.6):
        rng.setstate(state)
        sheets = _sheets(facts, rng, size)
        if len(sheets) <= 2:
            break
    return _agreement_piece(facts, "convention_formation_continue", sheets)


def _sheets(facts: DossierFacts, rng: random.Random, size: float) -> list[Sheet]:
    person, st = facts.person, facts.internship
    initials = rng.random() < 0.5
    page = Page(FontKey(rng.choice(FONTS)), rng.choice(ACCENTS), rng.choice(("upper", "plain")), size, initials)
    flow, font = page.flow, page.font
    d = _draft(facts, rng)
    days, days_short = _schedule(st.weekly_hours, rng)
    gratification, gratification_short = _gratification(st, d.she, rng)
    recap_at = rng.choice(("parties", "end", None))

    flow.footer = _footer(page, d.org, d.number, initials)
    _letterhead(page, d.org, rng)
    flow.y = 42
    flow.text(d.kind[0], 12.5, bold(font), "center")
    flow.text(d.kind[1], 8.8, font, "center", color=page.accent)
    flow.text(f"Convention n° {d.number} – Session {d.session}", 8, font, "center", color=GREY)
    flow.space(2)
    if rng.random() < 0.5:
        _parties_in_prose(page, d, rng)
    else:
        _parties_in_lines(page, d)
    flow.space(1.5)
    flow.text("Il est convenu ce qui suit :", 9, bold(font))

    recap = [(d.trainee, f"{person.surname} {st.given_names}"),
             ("Formation", f"{d.course.name} (niveau {d.course.level})"),
             ("Entreprise d'accueil", f"{st.host.name} – {st.host.address}"),
             (f"Dates {d.kind[4]}", f"Du {date_slash(st.start_date)} au {date_slash(st.end_date)}"),
             ("Durée hebdomadaire", f"{hours_fr(st.weekly_hours)} heures"),
             ("Horaires", days_short),
             ("Tuteur en entreprise", f"{st.tutor} ({d.tutor_role})"),
             ("Formateur référent", d.trainer),
             ("Gratification", gratification_short),
             ("Rémunération de la formation", d.status.recap)]
    recap_title = rng.choice(("RÉCAPITULATIF DE LA PÉRIODE EN ENTREPRISE", "FICHE RÉCAPITULATIVE"))
    if recap_at == "parties":
        page.recap(recap_title, recap)
    for number, (heading, paragraphs) in enumerate(_articles(d, days, gratification, rng), 1):
        page.heading(number, heading)
        for text in paragraphs:
            flow.text(text)
    if recap_at == "end":
        page.recap(recap_title, recap)

    if len(flow.sheets) == 1:  # the signatures go on the second page
        flow.new_page()
    flow.space(4)
    flow.ensure(48)
    place = d.org.city if rng.random() < 0.7 else st.host.city
    flow.text(f"Fait à {place}, le {date_slash(d.made) if rng.random() < 0.6 else date_long(d.made)}, en trois "
              "exemplaires originaux.", 8.8)
    flow.text("Chaque signature est précédée de la mention manuscrite « Lu et approuvé ».", 7.6, color=GREY)
    for_head = ["Pour le président et par délégation,"] if d.org.delegation else []
    _signatures(page, [("Pour l'organisme de formation", [*for_head, _civ(d.org.head), d.org.head_title, "(cachet)"]),
                       ("Pour l'entreprise d'accueil", [_civ(st.host.manager), d.signer_role, "(cachet)"]),
                       (d.trainee, [f"{st.given_names} {person.surname}"])])
    if rng.random() < 0.6:
        _signatures(page, [("Le tuteur en entreprise", [_civ(st.tutor)]),
                           ("Le formateur référent", [_civ(d.trainer)])], 15)
    if rng.random() < 0.5:
        flow.space(3)
        flow.text("Pièces jointes : programme de la formation ; modèle de feuille d'émargement ; fiche d'évaluation "
                  f"{d.kind[4]}.", 7.6, color=GREY)
    return flow.finish()
