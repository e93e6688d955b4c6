"""Fresh internship agreement family `convention_pfmp` (fourth wave, written once `bilingual_traineeship` had been
looked at): the convention a vocational school signs on the national model, either for a pupil's "période de
formation en milieu professionnel" (PFMP, lycée professionnel, Bac Pro class) or for a BTS student's "stage en
entreprise". The school's letterhead with its UAI code and académie and the staff member who follows the file; a
framed title with the school year and the convention's number; the "Vu" recitals in small print; the parties as a
filled-in form on dotted lines ("Entre : l'établissement d'enseignement … représenté par … en qualité de chef
d'établissement", "et : l'entreprise (ou l'organisme d'accueil) …", in either order, then "concernant l'élève /
l'étudiant(e) …" with the class and the head teacher); "TITRE I – DISPOSITIONS GÉNÉRALES" in run-in articles,
"TITRE II – DISPOSITIONS PARTICULIÈRES"; then, from a new page, the "annexe pédagogique" (the dates of the period,
the daily timetable with its weekly total, the referent teacher and the tutor side by side, the activities planned,
the teacher's visit) and the "annexe financière" (board, meals, transport, insurance with policy numbers, the
gratification owed past two months, per hour with its monthly sum or per month), and a signature table for four:
the head of the school, the company's representative, the tutor, the pupil (or the legal guardian) or the student.
Drawn for the schools that run such classes; a university's (only when the family filter leaves nothing else) is
an IUT's convention for a BUT student on the same model."""
from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass

from synth.companies import french_name
from synth.facts import DossierFacts, InternshipFacts
from synth.fmt import date_long, date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, STREETS
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.education import _agreement_piece
from synth.pieces.fresh_internship_portal import _phone
from synth.pieces.fresh_words import WEEKDAYS_FR, date_with_weekday
from synth.rules import GRATIFICATION_HOURS, INTERN_HOURLY_MIN, gratification_floor, presence_hours, value_at

GREY: Color = (90, 90, 90)
DOTS: Color = (150, 150, 150)
SHADE: Color = (228, 228, 228)
LINE: Color = (80, 80, 80)
FONTS = ("lsans", "condensed", "sans")
ACADEMIES = {"Paris": "Paris", "Lyon": "Lyon", "Marseille": "Aix-Marseille", "Toulouse": "Toulouse",
             "Nantes": "Nantes", "Lille": "Lille", "Bordeaux": "Bordeaux", "Rennes": "Rennes",
             "Strasbourg": "Strasbourg", "Montpellier": "Montpellier", "Grenoble": "Grenoble", "Nice": "Nice",
             "Angers": "Nantes", "Dijon": "Dijon", "Clermont-Ferrand": "Clermont-Ferrand", "Rouen": "Normandie"}
ACADEMY_DOMAINS = {"Aix-Marseille": "aix-marseille", "Clermont-Ferrand": "clermont"}
UAI_KEYS = "ABCDEFGHJKLMNPRSTUVWXYZ"
SIGNER_ROLES = ("Gérant(e)", "Président(e)", "Directeur(rice) d'agence", "Responsable des ressources humaines")
SCHOOL_INSURERS = ("Mutuelle Saint-Christophe assurances", "MAIF", "MAE – Mutuelle Assurance de l'Éducation")
HOST_INSURERS = ("AXA France", "Allianz", "Generali", "MMA", "Groupama", "MAAF Pro")
MEALS = ("Repas pris au restaurant d'entreprise, à la charge de l'entreprise",
         "Titres-restaurant (valeur faciale 9,00 €, part patronale 50 %)",
         "À la charge de la famille (repas tiré du sac)")
TRANSPORT = ("Frais de déplacement à la charge de la famille",
             "Remboursement de 50 % de l'abonnement de transport en commun par l'entreprise",
             "Aide régionale au transport des élèves en PFMP, sur demande auprès du lycée")
BENEFITS = ("Néant", "Accès au restaurant d'entreprise", "Titres-restaurant", "Tenue de travail fournie")
COMMON_RECITALS = ("Vu le code de l'éducation, notamment ses articles L. 124-1 à L. 124-20 et D. 124-1 à D. 124-9 ; "
                   "vu le code du travail, notamment ses articles L. 4153-1 à L. 4153-9 et R. 4153-38 à R. 4153-52 ; "
                   "vu le code de la sécurité sociale, notamment son article L. 412-8 ; ")


@dataclass(frozen=True)
class Track:
    """What the subject of the internship says of the pupil's or student's course."""
    bac_pro: str
    bac_short: str
    bts: str
    bts_short: str
    but: str
    but_short: str
    teacher: str
    tutor_roles: tuple[str, ...]
    activities: tuple[str, ...]


TRACKS = {
    "Analyse de données commerciales": Track(
        "Métiers du commerce et de la vente – option A Animation et gestion de l'espace commercial", "Bac Pro MCV-A",
        "Management commercial opérationnel", "BTS MCO", "Techniques de commercialisation", "BUT TC",
        "Économie-gestion (commerce et vente)",
        ("Responsable de magasin", "Responsable commercial(e)", "Manager de rayon"),
        ("Suivi des ventes et des indicateurs commerciaux", "Accueil, conseil et vente à la clientèle",
         "Participation à l'animation de l'unité commerciale", "Gestion des stocks et de l'approvisionnement")),
    "Développement d'une application web": Track(
        "Cybersécurité, informatique et réseaux, électronique", "Bac Pro CIEL",
        "Services informatiques aux organisations – option SLAM", "BTS SIO", "Informatique", "BUT Informatique",
        "Informatique", ("Responsable informatique", "Développeur(se) senior", "Chef de projet"),
        ("Participation au développement d'une application web", "Tests et recette des fonctionnalités",
         "Rédaction de la documentation technique", "Assistance aux utilisateurs")),
    "Audit des processus logistiques": Track(
        "Logistique", "Bac Pro Logistique", "Gestion des transports et logistique associée", "BTS GTLA",
        "Qualité, logistique industrielle et organisation", "BUT QLIO", "Économie-gestion (logistique)",
        ("Chef d'équipe logistique", "Responsable d'entrepôt", "Responsable d'exploitation"),
        ("Réception et contrôle des marchandises", "Préparation et expédition des commandes",
         "Participation à l'inventaire", "Analyse des flux et des processus logistiques")),
    "Étude de marché à l'international": Track(
        "Métiers du commerce et de la vente – option B Prospection clientèle et valorisation de l'offre commerciale",
        "Bac Pro MCV-B", "Commerce international", "BTS CI",
        "Techniques de commercialisation – parcours Business international", "BUT TC",
        "Économie-gestion et langues vivantes", ("Responsable export", "Responsable commercial(e)",
                                                 "Assistant(e) de direction"),
        ("Veille et étude de marchés étrangers", "Prospection et relance de la clientèle",
         "Préparation des documents commerciaux et douaniers", "Suivi des commandes à l'export")),
    "Amélioration continue en production": Track(
        "Pilote de ligne de production", "Bac Pro PLP", "Conception des processus de réalisation de produits",
        "BTS CPRP", "Génie mécanique et productique", "BUT GMP", "Génie mécanique – productique",
        ("Responsable de production", "Chef d'atelier", "Technicien(ne) méthodes"),
        ("Conduite et surveillance d'une ligne de production", "Contrôle de la qualité des produits",
         "Participation aux actions d'amélioration continue (5S, SMED)", "Maintenance de premier niveau")),
}


@dataclass(frozen=True)
class Course:
    """How the convention words the course: a Bac Pro pupil's PFMP, a BTS student's stage, an IUT student's."""
    pupil: bool
    who: str  # "l'élève"
    period: str  # "la période de formation en milieu professionnel"
    short: str  # "PFMP"
    title: str
    subtitle: str
    school_status: str  # under the school's name
    recital: str  # the last "Vu"
    status: str  # the pupil's or student's status, in article 4
    diploma: str  # "Diplôme préparé"
    cls: str  # the class, "Terminale Bac Pro Logistique"
    head_title: str  # "en qualité de"
    follower_role: str  # who follows the file, in the letterhead
    head_teacher: str  # the label of the head teacher's name
    year_label: str = "Année scolaire"


def vocational_school(facts: DossierFacts) -> bool:
    """A school that runs Bac Pro or BTS classes and signs the national model: not a university."""
    return not facts.internship.institution.startswith("Université")


def _pupil(facts: DossierFacts) -> bool:
    """A Bac Pro pupil's PFMP: a short period (PFMPs last a few weeks), a young adult, a school that may be a lycée
    (an 'Institut' or an 'École de commerce'; a 'Supérieure' or 'Nationale' school only has BTS sections)."""
    st = facts.internship
    age = (st.start_date - facts.person.birth_date).days // 365
    lycee = not any(word in st.institution for word in ("Université", "Supérieur", "Nationale"))
    return lycee and (st.end_date - st.start_date).days < 70 and age <= 25


def _course(facts: DossierFacts, track: Track, rng: random.Random) -> Course:
    st = facts.internship
    student = ("Le stagiaire demeure, durant son stage, étudiant de {}, sous l'autorité et la responsabilité du "
               "chef d'établissement.")
    if st.institution.startswith("Université"):
        return Course(False, "l'étudiant(e)", "le stage en entreprise", "stage", "CONVENTION DE STAGE EN ENTREPRISE",
                      "Étudiants de l'institut universitaire de technologie (bachelor universitaire de technologie)",
                      "Institut universitaire de technologie – Service des stages",
                      f"vu le programme national du bachelor universitaire de technologie « {track.but} » ;",
                      student.format("l'institut universitaire de technologie"), f"BUT {track.but}",
                      f"{track.but_short} {rng.choice(('2e', '3e'))} année",
                      "directeur(rice) de l'IUT, par délégation du président",
                      rng.choice(("Responsable des stages du département", "Chargé(e) des relations entreprises")),
                      "Directeur(rice) des études", "Année universitaire")
    if _pupil(facts):
        return Course(True, "l'élève", "la période de formation en milieu professionnel", "PFMP",
                      "CONVENTION RELATIVE À LA FORMATION EN MILIEU PROFESSIONNEL",
                      "Période de formation en milieu professionnel (PFMP) des élèves de lycée professionnel",
                      "Lycée professionnel privé sous contrat d'association avec l'État",
                      "vu la circulaire n° 2016-053 du 29 mars 2016 relative à l'organisation et à l'accompagnement "
                      "des périodes de formation en milieu professionnel ;",
                      "Les élèves demeurent, durant la période de formation en milieu professionnel, sous statut "
                      "scolaire ; ils restent sous l'autorité et la responsabilité du chef d'établissement.",
                      f"Baccalauréat professionnel {track.bac_pro}",
                      f"{rng.choice(('Terminale', 'Première'))} {track.bac_short}",
                      rng.choice(("chef d'établissement", "directeur(rice), chef d'établissement")),
                      "Directeur(rice) délégué(e) aux formations (DDFPT)", "Professeur principal")
    return Course(False, "l'étudiant(e)", "le stage en entreprise", "stage", "CONVENTION DE STAGE EN ENTREPRISE",
                  "Étudiants des sections de techniciens supérieurs (brevet de technicien supérieur)",
                  "Enseignement supérieur privé – Sections de techniciens supérieurs",
                  f"vu l'arrêté portant définition et fixant les conditions de délivrance du brevet de technicien "
                  f"supérieur « {track.bts} » ;",
                  student.format("la section de techniciens supérieurs"), f"BTS {track.bts}",
                  f"{track.bts_short} {rng.choice(('1re', '2e'))} année",
                  rng.choice(("chef d'établissement", "directeur(rice) de l'établissement")),
                  rng.choice(("Coordinateur(rice) des stages BTS", "Responsable des relations entreprises")),
                  "Professeur(e) coordinateur(rice) de la section")


def _academie(name: str) -> str:
    return f"Académie d'{name}" if name[0] in "AEIOU" else f"Académie de {name}"


def _uai(postcode: str, rng: random.Random) -> str:
    """"0691234X": the département on three digits, four digits, and the key letter (the number modulo 23)."""
    number = int(f"0{postcode[:2]}{rng.randint(1000, 9999)}")
    return f"{number:07d}{UAI_KEYS[number % 23]}"


def _slug(institution: str) -> str:
    """"iecl" for the Institut d'Études Commerciales de Lorraine."""
    plain = unicodedata.normalize("NFKD", institution).encode("ascii", "ignore").decode()
    words = [w.split("'")[-1] for w in plain.replace("-", " ").split()]
    return "".join(w[0] for w in words if w.lower() not in {"de", "du", "des", "et", "la", "le"}).lower()


def _clock(minutes: int) -> str:
    return f"{minutes // 60}h{minutes % 60:02d}"


def _duration(minutes: int) -> str:
    return f"{minutes // 60} h" + (f" {minutes % 60:02d}" if minutes % 60 else "")


def _timetable(weekly: float, saturday: bool, rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(day, morning, afternoon, duration) from Monday; the days' durations add up to `weekly`."""
    total = round(weekly * 60)
    days = 5 if weekly > 24 or rng.random() < 0.5 else 4
    units, rest = divmod(total // 15, days)
    lengths = [(units + (1 if i < rest else 0)) * 15 for i in range(days)]
    assert sum(lengths) == total, weekly
    start = rng.choice((480, 510, 540))  # 8h00, 8h30, 9h00
    morning, lunch = rng.choice((210, 240)), rng.choice((60, 90))
    rows = []
    for i, day in enumerate(WEEKDAYS_FR[:6 if saturday else 5]):
        if i >= days:
            rows.append((day.capitalize(), "—", "—", "Repos" if i == 5 else "—"))
        elif lengths[i] <= 300:
            rows.append((day.capitalize(), f"{_clock(start)} – {_clock(start + lengths[i])}", "—",
                         _duration(lengths[i])))
        else:
            back = start + morning + lunch
            rows.append((day.capitalize(), f"{_clock(start)} – {_clock(start + morning)}",
                         f"{_clock(back)} – {_clock(back + lengths[i] - morning)}", _duration(lengths[i])))
    return rows


class Form:
    """The flow of the convention and its filled-in fields: a label, the value typed after it in bold, a dotted
    line under the value up to the end of the field."""

    def __init__(self, font: FontKey) -> None:
        self.flow = Flow(font, 8.8, margin=17, top=20, bottom=17)
        self.font = font

    def dots(self, x0: float, x1: float, y: float) -> None:
        x = x0
        while x < x1:
            self.flow.sheet.add(Rule(x, y, min(x + 0.35, x1), y, 0.15, DOTS))
            x += 1.1

    def fields(self, row: list[tuple[str, str]]) -> None:
        """One line of one or two fields side by side; a value too long for its field wraps under it."""
        flow, size = self.flow, self.flow.size
        step = flow.line_height(size) + 0.8
        width = flow.width / len(row)
        cells = []
        for i, (label, value) in enumerate(row):
            label_w = text_width_mm(f"{label} : ", self.font, size)
            values = wrap(value, bold(self.font), size, width - label_w - 3)
            cells.append((flow.margin + i * width, label, label_w, values))
        lines = max(len(values) for *_, values in cells)
        flow.ensure(step * lines)
        for x, label, label_w, values in cells:
            flow.sheet.add(Text(x, flow.y + step, f"{label} :", size, self.font))
            for j, line in enumerate(values):
                y = flow.y + step * (j + 1)
                flow.sheet.add(Text(x + label_w, y, line, size, bold(self.font)))
                self.dots(x + label_w - 0.5, x + width - 3, y + 0.9)
        flow.y += step * lines

    def party(self, opening: str, title: str) -> None:
        """"Entre :" in bold, then who follows in the body font."""
        flow = self.flow
        flow.space(2)
        flow.ensure(22)
        flow.y += flow.line_height(9.5)
        flow.sheet.add(Text(flow.margin, flow.y, opening, 9.5, bold(self.font)))
        if title:
            flow.sheet.add(Text(flow.margin + text_width_mm(opening + " ", bold(self.font), 9.5), flow.y, title, 9.5,
                                self.font))

    def banner(self, title: str) -> None:
        """A title in a shaded frame across the page ("TITRE I – DISPOSITIONS GÉNÉRALES", "A – ANNEXE …")."""
        flow = self.flow
        flow.space(2.5)
        flow.ensure(18)
        flow.sheet.add(Box(flow.margin, flow.y, flow.width, 6.2, fill=SHADE, stroke=(60, 60, 60), width=0.3),
                       Text(A4[0] / 2, flow.y + 4.5, title, 9.8, bold(self.font), align="center"))
        flow.y += 7

    def articles(self, articles: list[str], size: float = 7.8) -> None:
        """Run-in articles: "Article 3 –" in bold, the text following on the same line and wrapping under it."""
        flow = self.flow
        step = flow.line_height(size)
        for number, body in enumerate(articles, 1):
            head = f"Article {number} – "
            head_w = text_width_mm(head, bold(self.font), size)
            first = wrap(body, self.font, size, flow.width - head_w)[0]
            rest = wrap(body[len(first):].strip(), self.font, size, flow.width) if body[len(first):].strip() else []
            flow.ensure(step * (1 + len(rest)) + 0.7)
            flow.y += step + 0.7
            flow.sheet.add(Text(flow.margin, flow.y, head, size, bold(self.font)),
                           Text(flow.margin + head_w, flow.y, first, size, self.font))
            for line in rest:
                flow.y += step
                flow.sheet.add(Text(flow.margin, flow.y, line, size, self.font))

    def cells(self, rows: list[tuple[str, list[str]]], label_width: float = 40.0, size: float = 8.2) -> None:
        """A bordered two-column table: the heading in a shaded cell, its lines beside it."""
        flow = self.flow
        step = flow.line_height(size)
        for label, lines in rows:
            labels = wrap(label, bold(self.font), size, label_width - 3)
            values = [part for line in lines for part in wrap(line, self.font, size, flow.width - label_width - 4)]
            height = max(len(labels), len(values)) * step + 2.0
            flow.ensure(height)
            flow.sheet.add(Box(flow.margin, flow.y, label_width, height, fill=SHADE, stroke=LINE, width=0.25),
                           Box(flow.margin + label_width, flow.y, flow.width - label_width, height, stroke=LINE,
                               width=0.25))
            for j, line in enumerate(labels):
                flow.sheet.add(Text(flow.margin + 1.5, flow.y + step * (j + 1), line, size, bold(self.font)))
            for j, line in enumerate(values):
                flow.sheet.add(Text(flow.margin + label_width + 2, flow.y + step * (j + 1), line, size, self.font))
            flow.y += height

    def grid(self, rows: list[tuple[str, ...]], widths: tuple[float, ...], size: float = 7.8) -> None:
        """A timetable: a shaded header row, then one ruled row per line, the last one in bold."""
        flow = self.flow
        height = flow.line_height(size) + 1.2
        flow.ensure(height * len(rows) + 1.5)
        flow.y += 1.5
        for i, row in enumerate(rows):
            x = flow.margin
            font = bold(self.font) if i in (0, len(rows) - 1) else self.font
            for width, cell in zip(widths, row):
                flow.sheet.add(Box(x, flow.y, width, height, fill=SHADE if i == 0 else None, stroke=LINE, width=0.2),
                               Text(x + width / 2, flow.y + height - 1.3, cell, size, font, align="center"))
                x += width
            flow.y += height

    def side_by_side(self, boxes: list[tuple[str, list[str]]]) -> None:
        """Two framed boxes on one row, a shaded heading on each (the referent teacher, the tutor)."""
        flow = self.flow
        flow.ensure(20)
        top, half = flow.y, flow.width / len(boxes)
        for i, (heading, lines) in enumerate(boxes):
            x = flow.margin + i * half
            flow.sheet.add(Box(x, top, half, 18, stroke=LINE, width=0.25),
                           Box(x, top, half, 5, fill=SHADE, stroke=LINE, width=0.25),
                           Text(x + 2, top + 3.7, heading, 8, bold(self.font)))
            for j, line in enumerate(lines):
                flow.sheet.add(Text(x + 2, top + 8.6 + 3.5 * j, line, 8, self.font))
        flow.y = top + 18

    def signatures(self, columns: list[tuple[str, str, str]]) -> None:
        """Four cells side by side: the role in a shaded head, the signer's name, the date, room for the signature
        (and the stamp for the school and the company)."""
        flow = self.flow
        width, head, body = flow.width / len(columns), 8.5, 28.0
        top = flow.y + 2
        for i, (role, name, note) in enumerate(columns):
            x = flow.margin + i * width
            flow.sheet.add(Box(x, top, width, head, fill=SHADE, stroke=(60, 60, 60), width=0.3),
                           Box(x, top + head, width, body, stroke=(60, 60, 60), width=0.3))
            for j, line in enumerate(wrap(role, bold(self.font), 7.2, width - 3)[:2]):
                flow.sheet.add(Text(x + width / 2, top + 3.6 + 3.1 * j, line, 7.2, bold(self.font), align="center"))
            for j, line in enumerate(wrap(name, self.font, 8.2, width - 4)):
                flow.sheet.add(Text(x + 2, top + head + 4.5 + 3.6 * j, line, 8.2, self.font))
            flow.sheet.add(Text(x + 2, top + head + 12.5, "Date :", 7.2, self.font, GREY),
                           Text(x + 2, top + head + 17, note, 7, self.font, GREY))
        flow.y = top + head + body


def _general(course: Course) -> list[str]:
    who, period = course.who, course.period
    return [
        (f"La présente convention a pour objet la mise en œuvre de {period} réalisée par {who} de l'établissement "
         "désigné ci-dessus, dans le cadre de sa formation."),
        ("Les objectifs et les modalités de la formation sont consignés dans l'annexe pédagogique. Les modalités de "
         "prise en charge des frais afférents ainsi que les modalités d'assurance sont définies dans l'annexe "
         "financière."),
        (f"L'organisation de {period} est déterminée d'un commun accord entre le représentant de l'entreprise ou de "
         "l'organisme d'accueil et le chef d'établissement."),
        course.status + " Aucune rémunération ne peut être prétendue de l'entreprise ; lorsque la durée de la période "
         "est supérieure à deux mois, consécutifs ou non, au cours d'une même année d'enseignement, une gratification "
         "est versée dans les conditions prévues à l'annexe financière.",
        ("La durée de présence en entreprise ne peut excéder la durée légale du travail. Pour les élèves mineurs, la "
         "durée de travail ne peut excéder 8 heures par jour et 35 heures par semaine ; le travail de nuit et les "
         "travaux réglementés leur sont interdits, sauf dérogation."),
        (f"Pendant {period}, {who} est soumis(e) aux règles générales en vigueur dans l'entreprise, notamment en "
         "matière de sécurité, d'horaires et de discipline, sous réserve des dispositions de l'article 4."),
        ("Le représentant de l'entreprise prend les dispositions nécessaires pour garantir sa responsabilité civile "
         "chaque fois qu'elle est engagée. Le chef d'établissement contracte une assurance couvrant la responsabilité "
         f"civile de {who} pour les dommages qu'il pourrait causer."),
        ("En cas d'accident survenu au cours de la période ou du trajet, le représentant de l'entreprise adresse la "
         "déclaration d'accident au chef d'établissement dans la journée où l'accident s'est produit ou au plus tard "
         "dans les vingt-quatre heures."),
        ("Le chef d'établissement et le représentant de l'entreprise se tiennent mutuellement informés des difficultés "
         "qui pourraient naître de l'application de la présente convention, notamment en matière d'absences, et "
         "prennent d'un commun accord les dispositions propres à les résoudre."),
        (f"À l'issue de {period}, le représentant de l'entreprise délivre à {who} une attestation mentionnant la "
         "durée effective de la période et, le cas échéant, le montant de la gratification perçue."),
    ]


def _gratification(st: InternshipFacts, who: str, rng: random.Random) -> list[str]:
    """The gratification as the annexe financière prints it: owed past two months, per hour with its monthly sum when
    it is the legal minimum, per month otherwise."""
    over = presence_hours(st.weekly_hours, st.start_date, st.end_date) > GRATIFICATION_HOURS
    if st.gratification == 0:
        return ["Néant : aucune gratification n'est versée." if over else
                "Sans objet : la durée de la période n'excède pas deux mois ; aucune gratification n'est due."]
    monthly = euros(st.gratification)
    if abs(st.gratification - float(gratification_floor(st.start_date, st.weekly_hours))) < 0.005:
        hourly = float(value_at(INTERN_HOURLY_MIN, st.start_date))
        amount = (f"Montant : {number_fr(hourly)} € par heure de présence effective (15 % du plafond horaire de la "
                  f"sécurité sociale), soit {monthly} par mois")
    else:
        amount = rng.choice((f"Montant : {monthly} par mois", f"Montant mensuel : {monthly}"))
    head = (f"La période excédant deux mois, {who} perçoit une gratification (article L. 124-6 du code de "
            "l'éducation)." if over else
            f"La période n'excédant pas deux mois, la gratification est facultative ; l'entreprise verse à {who} une "
            "gratification.")
    return [head, amount, rng.choice(("Versement mensuel, par virement", "Versée à la fin de chaque mois"))]


def _letterhead(form: Form, school: dict[str, str]) -> None:
    sheet, font = form.flow.sheet, form.font
    right = A4[0] - 17
    sheet.add(Text(17, 15, school["name"], 11.5, bold(font)),
              Text(17, 19.5, school["status"], 7.4, font, GREY),
              Text(17, 23.2, school["address"], 7.6, font),
              Text(17, 26.7, f"UAI : {school['uai']} – {_academie(school['academie'])}", 7.6, font),
              Text(17, 30.2, f"Tél. {school['phone']} – {school['email']}", 7.6, font),
              Text(right, 15, "Affaire suivie par :", 7.4, font, GREY, align="right"),
              Text(right, 19.2, school["follower"], 8.4, bold(font), align="right"),
              Text(right, 22.8, school["follower_role"], 7.4, font, GREY, align="right"),
              Rule(17, 33.5, right, 33.5, 0.4))


def _title(form: Form, course: Course, year: int, number: str) -> None:
    flow = form.flow
    flow.y = 37
    flow.sheet.add(Box(flow.margin + 8, flow.y, flow.width - 16, 17, stroke=(30, 30, 30), width=0.5),
                   Text(A4[0] / 2, flow.y + 5.8, course.title, 11.5, bold(form.font), align="center"),
                   Text(A4[0] / 2, flow.y + 10.3, course.subtitle, 8.2, form.font, align="center"),
                   Text(A4[0] / 2, flow.y + 14.4, f"{course.year_label} {year}-{year + 1} – Convention n° {number}",
                        8.2, bold(form.font), align="center"))
    flow.y += 18


def _footer(form: Form, institution: str, number: str, short: str):
    flow = form.flow

    def draw(sheet: Sheet, page: int) -> None:
        y = A4[1] - 10
        sheet.add(Rule(17, y - 3.8, A4[0] - 17, y - 3.8, 0.2, GREY),
                  Text(17, y, f"{institution} – Convention {short} n° {number} – établie en quatre exemplaires "
                       "originaux", 6.6, form.font, GREY),
                  Text(A4[0] - 17, y, f"Page {page} / {len(flow.sheets)}", 6.6, form.font, GREY, align="right"))
    return draw


def convention_pfmp(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, st = facts.person, facts.internship
    host = st.host
    track = TRACKS.get(st.subject, TRACKS["Analyse de données commerciales"])
    course = _course(facts, track, rng)
    form = Form(FontKey(rng.choice(FONTS)))
    flow = form.flow
    city, postcode = rng.choice(FRENCH_CITIES)
    uai = _uai(postcode, rng)
    academie = ACADEMIES[city]
    head, follower, head_teacher, referent = (french_name(rng) for _ in range(4))
    year = st.start_date.year if st.start_date.month >= 8 else st.start_date.year - 1  # from the end of August
    number = f"{year % 100:02d}-{course.short.upper()}-{rng.randint(100, 999)}"
    school = {"name": st.institution, "uai": uai, "academie": academie, "phone": _phone(rng),
              "status": course.school_status, "follower": follower, "follower_role": course.follower_role,
              "address": f"{rng.randint(1, 120)} {rng.choice(STREETS)}, {postcode} {city}",
              "email": (f"ce.{uai.lower()}@ac-{ACADEMY_DOMAINS.get(academie, academie.lower())}.fr"
                        if rng.random() < 0.4 else
                        f"stages@{_slug(st.institution)}.fr")}
    flow.footer = _footer(form, st.institution, number, course.short)
    _letterhead(form, school)
    _title(form, course, year, number)
    flow.text(COMMON_RECITALS + course.recital, 7, color=GREY)

    siret = siret_spaced(st.siret) if rng.random() < 0.5 else st.siret
    ape = host.ape if rng.random() < 0.5 else f"{host.ape[:2]}.{host.ape[2:]}"
    signer_role = rng.choice(SIGNER_ROLES)

    def school_block(opening: str) -> None:
        form.party(opening, "l'établissement d'enseignement ci-dessous désigné")
        form.fields([("Nom de l'établissement", st.institution)])
        form.fields([("Adresse", school["address"])])
        form.fields([("N° UAI", uai), ("Téléphone", school["phone"])])
        form.fields([("Représenté par", head), ("en qualité de", course.head_title)])

    def host_block(opening: str) -> None:
        form.party(opening, "l'entreprise (ou l'organisme d'accueil) ci-dessous désignée")
        form.fields([("Nom ou raison sociale", host.name), ("Forme juridique", host.legal_form)])
        form.fields([("N° SIRET", siret), ("Code NAF", ape)])
        form.fields([("Adresse", host.address)])
        form.fields([("Représentée par", host.manager), ("Fonction", signer_role)])
        form.fields([(f"Lieu de la {course.short}" if course.pupil else "Lieu du stage",
                      rng.choice(("Identique à l'adresse ci-dessus", host.address)))])

    first, second = (school_block, host_block) if rng.random() < 0.6 else (host_block, school_block)
    first("Entre :")
    second("et :")
    form.party(f"concernant {course.who} :", "")
    form.fields([("Nom", person.surname), ("Prénom(s)", st.given_names)])
    form.fields([("Né(e) le", date_slash(person.birth_date)), ("Classe", course.cls)])
    form.fields([("Diplôme préparé", course.diploma)])
    form.fields([("Adresse", person.address)])
    if course.pupil:
        form.fields([(course.head_teacher, head_teacher), ("Représentant légal", "sans objet (élève majeur)")])
    else:
        form.fields([(course.head_teacher, head_teacher)])
    flow.space(1.5)
    flow.text("Il a été convenu ce qui suit :", 8.8, bold(form.font))

    form.banner("TITRE I – DISPOSITIONS GÉNÉRALES")
    form.articles(_general(course))
    pages = len(flow.sheets)
    form.banner("TITRE II – DISPOSITIONS PARTICULIÈRES")
    flow.text("Les dispositions particulières font l'objet de l'annexe pédagogique (A) et de l'annexe financière (B) "
              "ci-après, qui font partie intégrante de la présente convention et sont signées par les mêmes parties.",
              7.8)

    if len(flow.sheets) == pages:  # the annexes start a page of their own, unless TITRE II already began one
        flow.new_page()
    else:
        flow.space(4)
    form.banner("A – ANNEXE PÉDAGOGIQUE")
    days = (st.end_date - st.start_date).days + 1
    spell = date_with_weekday if rng.random() < 0.5 else date_slash
    length = f"{days // 7} semaines" + (f" et {days % 7} jour(s)" if days % 7 else "")
    visit = st.start_date + dt.timedelta(days=7 * rng.randint(1, max(1, days // 7 - 1)))
    visit -= dt.timedelta(days=visit.weekday())
    form.cells([("Élève" if course.pupil else "Étudiant(e)", [f"{person.surname} {st.given_names} – {course.cls}"]),
                ("Dates de la période" if course.pupil else "Dates du stage",
                 [f"Du {spell(st.start_date)} au {spell(st.end_date)} – durée : {length}"]),
                ("Lieu", [f"{host.name}, {host.address}"])])
    flow.space(2)
    flow.text("Horaires journaliers", 8.6, bold(form.font))
    form.grid([("Jour", "Matin", "Après-midi", "Durée")] + _timetable(st.weekly_hours, rng.random() < 0.5, rng)
              + [("Total hebdomadaire", "", "", f"{hours_fr(st.weekly_hours)} h")], (40, 46, 46, 30))
    flow.text(f"Durée hebdomadaire de présence : {hours_fr(st.weekly_hours)} heures", 8.2)
    flow.space(2)
    form.side_by_side([("Enseignant(e) référent(e)", [referent, f"Discipline : {track.teacher}",
                                                      f"Tél. {_phone(rng)}"]),
                       ("Tuteur en entreprise", [st.tutor, f"Fonction : {rng.choice(track.tutor_roles)}",
                                                 f"Tél. {_phone(rng)}"])])
    flow.space(2)
    activities = [st.subject] + [a for a in track.activities if a != st.subject][:rng.randint(2, 3)]
    form.cells([("Activités prévues", [f"– {a}" for a in activities]),
                ("Suivi et évaluation", [(f"Visite de l'enseignant(e) référent(e) prévue la semaine du "
                                          f"{date_slash(visit)} ; évaluation conjointe du tuteur et de l'enseignant(e) "
                                          f"référent(e) (grille {'de la PFMP' if course.pupil else 'du stage'})")])])

    form.banner("B – ANNEXE FINANCIÈRE")
    form.cells([("1. Hébergement", [rng.choice(("Sans objet", "À la charge de la famille"))]),
                ("2. Restauration", [rng.choice(MEALS)]),
                ("3. Transport", [rng.choice(TRANSPORT if course.pupil else TRANSPORT[:2])]),
                ("4. Assurance", [(f"Établissement : {rng.choice(SCHOOL_INSURERS)} – contrat n° "
                                   f"{rng.randint(1000000, 9999999)}"),
                                  (f"Entreprise (responsabilité civile) : {rng.choice(HOST_INSURERS)} – police n° "
                                   f"{rng.randint(10000000, 99999999)}")]),
                ("5. Gratification", _gratification(st, course.who, rng)),
                ("6. Avantages", [rng.choice(BENEFITS)])])

    made = min(st.start_date - dt.timedelta(days=rng.randint(15, 45)),
               facts.reference_date - dt.timedelta(days=rng.randint(7, 30)))
    flow.space(3)
    flow.ensure(43)
    flow.text(f"Fait à {city}, le {date_slash(made) if rng.random() < 0.6 else date_long(made)}, en quatre "
              "exemplaires originaux.", 8.4)
    form.signatures([("Le chef d'établissement", head, "Signature et cachet"),
                     ("Le représentant de l'entreprise", host.manager, "Signature et cachet"),
                     ("Le tuteur en entreprise", st.tutor, "Signature"),
                     ("L'élève (ou son représentant légal s'il est mineur)" if course.pupil else "L'étudiant(e)",
                      f"{st.given_names} {person.surname}", "Signature")])
    return _agreement_piece(facts, "convention_pfmp", flow.finish())
