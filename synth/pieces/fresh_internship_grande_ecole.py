"""Fresh internship agreement family `convention_grande_ecole` (seventh internship wave, written once
`convention_agricole` had been written): the convention de stage a grande école — a business school ("École
supérieure de commerce", "Institut supérieur de management", a private school under contract with the State or a
consular one) or an engineering school ("École nationale supérieure d'ingénieurs", "Institut polytechnique") — prints
from its internship-management platform for a student of its Programme Grande École, Bachelor, MSc or cycle
ingénieur, a "stage de fin d'études", an assistant's or a first-year "stage d'exécution" / "stage ouvrier", or a
gap-year "stage de césure".

On most seeds a one-page "fiche récapitulative" opens the bundle — the student (student number, school email,
programme and year), the host (SIRET, NAF code, headcount, the representative who signs, the department), the tutor
in the company, the academic supervisor and the internship office, then the internship itself (type, subject, dates,
weekly hours, the daily schedule, telework days, paid leave, the total of days and hours of presence, the
gratification per month or per hour with its monthly sum, benefits) — either as a ruled grid under coloured bands or
as label lines under section headings, with English labels for an international programme on some. Then the
convention itself: the school's letterhead (its status, accreditation and internship office), a title with the
convention's number and academic year, the "Vu" recitals, the three parties in prose ("ENTRE … ET …") or in framed
blocks, in one of three orders, and the thirteen articles of the national model (objet, objectif, modalités,
accueil et encadrement, gratification, 5 bis, protection sociale, responsabilité, discipline, congés, réserve,
propriété intellectuelle, fin de stage) in one or two columns; signatures for the school (by delegation), the host's
representative, the student, the tutor and the academic supervisor, each "Signé électroniquement le … à …" on most,
dated by hand on the others. On some an "avenant" page follows: the dates postponed (the convention then prints the
former ones, older than the truth), a new tutor, or telework days from a later date; and on some an annex: the
student's civil-liability insurance certificate (its own year of cover) or the e-signature audit trail.

The truth is the generator's usual one (`education._agreement_piece`); the fields are printed as facts give them,
the weekly hours as "35 heures", the dates as dd/mm/yyyy (or in words), the gratification as "682,50 €". Drawn for
schools, not universities (`grande_ecole`); a university's, when the family filter forces it, is its IAE's or its
Polytech school's."""
from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass, field

from synth.checksums import make_siren, make_siret
from synth.facts import DossierFacts, InternshipFacts
from synth.fmt import date_long, date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, STREETS
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.education import MONTHS_EN, _agreement_piece
from synth.pieces.fresh_internship_fpc import _civ, _feminine, _gendered, _others
from synth.pieces.fresh_internship_portal import _email, _phone
from synth.pieces.fresh_words import WEEKDAYS_FR, date_with_weekday
from synth.rules import (
    GRATIFICATION_HOURS,
    INTERN_HOURLY_MIN,
    add_months,
    gratification_floor,
    presence_hours,
    value_at,
)

GREY: Color = (92, 92, 92)
SHADE: Color = (236, 237, 241)
LINE: Color = (120, 120, 128)
ACCENTS: tuple[Color, ...] = ((0, 48, 100), (128, 0, 40), (0, 96, 100), (70, 40, 110), (180, 70, 0))
FONTS = ("lsans", "sans", "lserif", "condensed", "serif")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def grande_ecole(facts: DossierFacts) -> bool:
    """A school's student (business or engineering school), not a university's."""
    return not facts.internship.institution.startswith("Université")


@dataclass(frozen=True)
class Programme:
    name: str
    years: tuple[str, ...]  # first year to final year
    english: bool  # an international programme: its summary sheet may come with English labels


PROGRAMMES = {
    "commerce": (Programme("Programme Grande École – Master in Management", ("Pré-master", "M1", "M2"), False),
                 Programme("Bachelor in Business Administration (BBA)", ("BBA 2", "BBA 3", "BBA 4"), True),
                 Programme("Bachelor Commerce et Management (diplôme visé Bac+3)",
                           ("1re année", "2e année", "3e année"), False),
                 Programme("MSc International Marketing & Brand Management", ("MSc 1", "MSc 2"), True),
                 Programme("MSc Supply Chain & Purchasing Management", ("MSc 1", "MSc 2"), True)),
    "ingenieurs": (Programme("Cycle ingénieur – diplôme d'ingénieur (grade de master)",
                             ("1re année (Bac+3)", "2e année (Bac+4)", "3e année (Bac+5)"), False),
                   Programme("Bachelor of Science in Engineering", ("Year 2", "Year 3"), True),
                   Programme("MSc in Data Science & Artificial Intelligence", ("MSc 1", "MSc 2"), True),
                   Programme("Diplôme d'ingénieur – spécialité Génie industriel", ("ING 1", "ING 2", "ING 3"), False)),
}
STATUSES = {
    "commerce": ("Établissement d'enseignement supérieur privé d'intérêt général (EESPIG)",
                 "Établissement d'enseignement supérieur consulaire (EESC)",
                 "Établissement d'enseignement supérieur technique privé reconnu par l'État",
                 "Association loi 1901 – établissement privé sous contrat avec l'État"),
    "ingenieurs": ("École publique d'ingénieurs sous tutelle du ministère chargé de l'enseignement supérieur",
                   "Établissement privé d'enseignement supérieur sous contrat avec l'État (EESPIG)",
                   "Établissement public à caractère scientifique, culturel et professionnel – grand établissement"),
}
ACCREDITATIONS = {
    "commerce": ("Membre de la Conférence des grandes écoles – diplôme visé, grade de master",
                 "Accréditations AACSB · EQUIS · AMBA", "Diplômes visés par le ministère de l'Enseignement supérieur"),
    "ingenieurs": ("Diplôme d'ingénieur accrédité par la Commission des titres d'ingénieur (CTI) – label EUR-ACE",
                   "Membre de la Conférence des grandes écoles et de la CDEFI"),
}
TAGLINES = {"commerce": ("Grande École de Management", "Business School", "École de management"),
            "ingenieurs": ("École d'ingénieurs", "Grande École d'ingénieurs", "Engineering School")}
UNITS = {"commerce": "IAE – École universitaire de management",
         "ingenieurs": "Polytech – École d'ingénieurs de l'université"}
OFFICES = ("Service des stages et de l'insertion professionnelle", "Career Center – Relations entreprises",
           "Direction des relations entreprises – Pôle stages", "Corporate Relations & Career Services")
PLATFORMS = ("la plateforme de gestion des stages", "l'espace Entreprises & Stages", "le Career Center en ligne",
             "le module Conventions de l'intranet")
HEAD_TITLES = (("Directeur général", "Directrice générale"), ("Directeur des programmes", "Directrice des programmes"),
               ("Directeur de l'école", "Directrice de l'école"))
OFFICER_TITLES = (("Responsable du service des stages", "Responsable du service des stages"),
                  ("Chargé des relations entreprises", "Chargée des relations entreprises"),
                  ("Responsable Career Center", "Responsable Career Center"))
SIGNER_ROLES = (("Président", "Présidente"), ("Directeur général", "Directrice générale"), ("Gérant", "Gérante"),
                ("Directeur des ressources humaines", "Directrice des ressources humaines"),
                ("Responsable recrutement et relations écoles", "Responsable recrutement et relations écoles"))
REFERENT_TITLES = (("Professeur", "Professeure"), ("Enseignant-chercheur", "Enseignante-chercheuse"),
                   ("Maître de conférences", "Maîtresse de conférences"), ("Responsable de programme",
                                                                           "Responsable de programme"))
HEADCOUNTS = ("1 à 9 salariés", "10 à 49 salariés", "50 à 249 salariés", "250 à 4 999 salariés",
              "5 000 salariés et plus")
SCHOOL_INSURERS = ("AXA France IARD", "Allianz IARD", "MMA IARD", "Generali IARD", "SMACL Assurances")
STUDENT_INSURERS = (("MAIF", "Niort"), ("MACIF", "Niort"), ("Heyme", "Paris"), ("SMERRA", "Lyon"),
                    ("MAE – Mutuelle Assurance de l'Éducation", "Rouen"))
MEAL_BENEFITS = ("Titres-restaurant d'une valeur faciale de 9,00 € (part patronale 60 %)",
                 "Accès au restaurant d'entreprise aux conditions des salariés",
                 "Titres-restaurant d'une valeur faciale de 10,00 € (part patronale 50 %)")


@dataclass(frozen=True)
class Mission:
    department: str
    tutor_roles: tuple[tuple[str, str], ...]
    missions: tuple[str, ...]
    skills: str


MISSIONS = {
    "Analyse de données commerciales": Mission(
        "Direction commerciale – Pôle Business Intelligence",
        (("Responsable Business Intelligence", "Responsable Business Intelligence"),
         ("Directeur commercial", "Directrice commerciale")),
        ("Collecte, fiabilisation et analyse des données de ventes", "Conception de tableaux de bord de suivi",
         "Analyse de la rentabilité par segment de clientèle", "Recommandations à l'équipe commerciale"),
        "analyse quantitative, outils de visualisation, restitution à un comité de direction"),
    "Développement d'une application web": Mission(
        "Direction des systèmes d'information – Équipe produit",
        (("Lead développeur", "Lead développeuse"), ("Chef de projet technique", "Cheffe de projet technique")),
        ("Développement de fonctionnalités front-end et back-end", "Écriture des tests automatisés",
         "Participation aux rituels agiles de l'équipe", "Documentation technique et mise en production"),
        "conception logicielle, travail en équipe agile, qualité du code"),
    "Audit des processus logistiques": Mission(
        "Direction Supply Chain",
        (("Responsable logistique", "Responsable logistique"), ("Directeur des opérations", "Directrice des opérations")),
        ("Cartographie des flux et des processus de l'entrepôt", "Mesure des indicateurs de performance",
         "Identification des gisements de productivité", "Plan d'actions et suivi de sa mise en œuvre"),
        "gestion de projet, analyse des processus, conduite du changement"),
    "Étude de marché à l'international": Mission(
        "Direction Export – Développement international",
        (("Responsable export", "Responsable export"), ("Directeur marketing", "Directrice marketing")),
        ("Étude de marché sur deux pays cibles", "Benchmark concurrentiel et analyse des prix",
         "Préparation d'un plan d'entrée sur le marché", "Participation aux salons professionnels"),
        "marketing international, veille concurrentielle, synthèse et présentation"),
    "Amélioration continue en production": Mission(
        "Direction industrielle – Service Amélioration continue",
        (("Responsable amélioration continue", "Responsable amélioration continue"),
         ("Responsable de production", "Responsable de production")),
        ("Animation de chantiers Lean (5S, SMED)", "Analyse des causes de non-qualité",
         "Suivi des indicateurs de production (TRS)", "Standardisation des postes de travail"),
        "méthodes Lean, résolution de problèmes, animation d'équipe"),
}


@dataclass(frozen=True)
class School:
    name: str
    kind: str  # "commerce" or "ingenieurs"
    unit: str  # a university's school (IAE, Polytech), or ""
    tagline: str
    status: str
    accreditation: str
    address: str
    city: str
    siret: str
    head: str
    head_title: str
    office: str
    officer: str
    officer_title: str
    email: str
    phone: str
    domain: str
    platform: str


@dataclass(frozen=True)
class Avenant:
    kind: str  # "dates" (postponed: the convention prints the former dates), "tuteur", "teletravail"
    made: dt.date
    signed: tuple[dt.datetime, ...]  # school, host, student
    old_start: dt.date | None = None
    old_end: dt.date | None = None
    old_tutor: str = ""
    effect: dt.date | None = None
    telework: tuple[str, ...] = ()


@dataclass
class Draft:
    """What the bundle says, drawn before it is laid out."""
    facts: DossierFacts
    school: School
    programme: Programme
    year: str
    kind: str  # "Stage de fin d'études"
    kind_en: str
    cesure: tuple[dt.date, dt.date] | None
    number: str
    academic: str  # "2025-2026"
    made: dt.date
    signed: dict[str, dt.datetime]  # role -> when, for the convention
    printed: dt.datetime
    referent: str
    referent_title: str
    hr_contact: str
    signer_role: str
    tutor_role: str
    mission: Mission
    siret: str
    ape: str
    headcount: str
    student_no: str
    student_email: str
    days: int  # per week
    daily: int  # minutes
    hours_text: str  # "de 9 h 00 à 12 h 30 et de 13 h 30 à 17 h 00"
    hours_short: str  # "09:00–12:30 / 13:30–17:00"
    telework: tuple[str, ...]
    leave: str
    leave_en: str
    benefits: str
    esign: bool
    avenant: Avenant | None
    insurer: str
    policy: str
    ects: int
    report_due: dt.date
    visit: dt.date
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def she(self) -> bool:
        return self.facts.person.sex == "F"

    @property
    def e(self) -> str:
        return "e" if self.she else ""

    @property
    def shown(self) -> tuple[dt.date, dt.date]:
        """The dates the convention prints: the former ones when an avenant postponed them."""
        st, av = self.facts.internship, self.avenant
        if av and av.kind == "dates" and av.old_start and av.old_end:
            return av.old_start, av.old_end
        return st.start_date, st.end_date

    @property
    def shown_tutor(self) -> str:
        av = self.avenant
        return av.old_tutor if av and av.kind == "tuteur" else self.facts.internship.tutor

    @property
    def shown_telework(self) -> tuple[str, ...]:
        av = self.avenant
        return () if av and av.kind == "teletravail" else self.telework


def _kind(name: str, rng: random.Random) -> str:
    if any(word in name for word in ("Ingénieur", "Polytechnique", "Arts et Métiers")):
        return "ingenieurs"
    if any(word in name for word in ("Commerc", "Management", "Gestion")):
        return "commerce"
    return rng.choice(("commerce", "ingenieurs"))


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _slug(name: str) -> str:
    words = [w.split("'")[-1] for w in _ascii(name).replace("-", " ").split()]
    return "".join(w[0] for w in words if w.lower() not in {"de", "du", "des", "et", "la", "le", "l"}).lower()


def _school(st: InternshipFacts, names: list[str], rng: random.Random) -> School:
    university = st.institution.startswith("Université")
    kind = rng.choice(("commerce", "ingenieurs")) if university else _kind(st.institution, rng)
    city, postcode = rng.choice(FRENCH_CITIES)
    domain = f"{_slug(st.institution)}{rng.choice(('', '-edu', '-school'))}.fr"
    head, officer = names[0], names[1]
    return School(st.institution, kind, UNITS[kind] if university else "", rng.choice(TAGLINES[kind]),
                  "Composante de l'université" if university else rng.choice(STATUSES[kind]),
                  rng.choice(ACCREDITATIONS[kind]), f"{rng.randint(1, 160)} {rng.choice(STREETS)}",
                  f"{postcode} {city}", make_siret(make_siren(rng), rng), head,
                  _gendered(rng.choice(HEAD_TITLES), head), rng.choice(OFFICES), officer,
                  _gendered(rng.choice(OFFICER_TITLES), officer),
                  rng.choice((f"stages@{domain}", f"conventions@{domain}", f"career.center@{domain}")),
                  _phone(rng), domain, rng.choice(PLATFORMS))


def _clock(minutes: int, style: str) -> str:
    return f"{minutes // 60} h {minutes % 60:02d}" if style == "prose" else f"{minutes // 60:02d}:{minutes % 60:02d}"


def _timetable(weekly: float, rng: random.Random) -> tuple[int, int, str, str]:
    """(days a week, minutes a day, the hours in words, the hours in short)."""
    total = round(weekly * 60)
    days = 5 if weekly >= 30 or rng.random() < 0.5 else 4
    if total % days:
        days = 5
    daily = total // days
    start = rng.choice((480, 510, 540, 570))
    if daily <= 300:
        spans = [(start, start + daily)]
    else:
        morning = rng.choice((180, 210, 240))
        back = start + morning + rng.choice((45, 60, 90))
        spans = [(start, start + morning), (back, back + daily - morning)]
    words = " et ".join(f"de {_clock(a, 'prose')} à {_clock(b, 'prose')}" for a, b in spans)
    short = " / ".join(f"{_clock(a, 'short')}–{_clock(b, 'short')}" for a, b in spans)
    return days, daily, words, short


def _span(days: int) -> tuple[str, str]:
    return (("du lundi au vendredi", "Monday to Friday") if days == 5 else ("du lundi au jeudi", "Monday to Thursday"))


def _presence(start: dt.date, end: dt.date, days: int, daily: int) -> tuple[int, float]:
    """(working days in the period, hours of presence they make) — the platform's count, a distractor."""
    count = sum(1 for i in range((end - start).days + 1) if (start + dt.timedelta(days=i)).weekday() < days)
    return count, round(count * daily / 60, 2)


def _stage_kind(programme: Programme, school_kind: str, long: bool, rng: random.Random) -> tuple[str, str, str, bool]:
    """(the year of study, the type of internship in French and in English, a gap year)."""
    years = programme.years
    if not long:
        first = "Stage ouvrier" if school_kind == "ingenieurs" else "Stage d'exécution"
        kind = rng.choice((first, "Stage de découverte de l'entreprise", "Stage assistant"))
        return years[0], kind, {"Stage ouvrier": "Operator internship", "Stage d'exécution": "Entry-level internship",
                                "Stage assistant": "Assistant internship"}.get(kind, "Discovery internship"), False
    roll = rng.random()
    if roll < 0.45:
        return years[-1], "Stage de fin d'études", "Final internship (end of studies)", False
    if roll < 0.75 and len(years) >= 2:
        return years[-2], "Stage de césure", "Gap year internship (césure)", True
    kind = "Stage ingénieur adjoint" if school_kind == "ingenieurs" else "Stage assistant"
    return years[-2] if len(years) >= 2 else years[0], kind, "Assistant internship", False


def _cesure(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The semester (or year) of the gap the internship falls in: from 1 September or 1 February."""
    if start.month >= 9:
        first = dt.date(start.year, 9, 1)
    elif start.month >= 2:
        first = dt.date(start.year, 2, 1)
    else:
        first = dt.date(start.year - 1, 9, 1)
    last = add_months(first, 6) - dt.timedelta(days=1)
    if last < end:
        last = add_months(first, 12) - dt.timedelta(days=1)
    return first, last


def _moment(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(rng.randint(8, 20), rng.randint(0, 59), rng.randint(0, 59)))


def _avenant(facts: DossierFacts, last: dt.date, names: list[str], rng: random.Random) -> Avenant | None:
    """An avenant signed after the convention and before the file was sent: the dates postponed (the convention
    keeps the former ones), a new tutor, or telework days from a later date."""
    st, ref = facts.internship, facts.reference_date
    room = (ref - last).days - 2
    if room < 3 or rng.random() >= 0.25:
        return None
    made = last + dt.timedelta(days=rng.randint(1, room - 1))
    signed = tuple(sorted(_moment(made + dt.timedelta(days=rng.randint(0, min(3, (ref - made).days - 1))), rng)
                          for _ in range(3)))
    kind = rng.choice(("dates", "dates", "tuteur", "teletravail"))
    if kind == "dates":
        shifts = [k for k in (1, 2, 3, 4) if st.start_date - dt.timedelta(days=7 * k) > made + dt.timedelta(days=4)]
        if shifts:
            k = rng.choice(shifts)
            return Avenant("dates", made, signed, st.start_date - dt.timedelta(days=7 * k),
                           st.end_date - dt.timedelta(days=7 * k))
        kind = "tuteur"
    if kind == "tuteur":
        return Avenant("tuteur", made, signed, old_tutor=names[0], effect=st.start_date)
    weeks = max(1, (st.end_date - st.start_date).days // 7 - 2)
    effect = st.start_date + dt.timedelta(days=7 * rng.randint(1, weeks))
    effect -= dt.timedelta(days=effect.weekday())
    return Avenant("teletravail", made, signed, effect=effect,
                   telework=rng.choice((("mardi", "jeudi"), ("lundi", "vendredi"), ("mercredi", "vendredi"))))


def _draft(facts: DossierFacts, rng: random.Random) -> Draft:
    person, st = facts.person, facts.internship
    host = st.host
    names = _others(rng, {st.tutor, host.manager}, 6)
    school = _school(st, names, rng)
    programme = rng.choice(PROGRAMMES[school.kind])
    long = presence_hours(st.weekly_hours, st.start_date, st.end_date) > GRATIFICATION_HOURS
    year, kind, kind_en, gap = _stage_kind(programme, school.kind, long, rng)
    ref = facts.reference_date
    made = min(st.start_date - dt.timedelta(days=rng.randint(25, 70)), ref - dt.timedelta(days=rng.randint(16, 50)))
    room = (ref - made).days - 2
    limit = room // 2 if rng.random() < 0.5 else room  # leaves room for an avenant on half of them
    offsets = sorted(rng.randint(0, max(limit, 1)) for _ in range(5))
    signed = {role: _moment(made + dt.timedelta(days=o), rng)
              for role, o in zip(("student", "tutor", "host", "referent", "school"), offsets)}
    avenant = _avenant(facts, max(signed.values()).date(), names[4:], rng)
    last = max([*signed.values(), *(avenant.signed if avenant else ())])
    printed = last + dt.timedelta(days=rng.randint(0, max(0, (ref - last.date()).days - 1)),
                                  minutes=rng.randint(5, 600))
    days, daily, hours_text, hours_short = _timetable(st.weekly_hours, rng)
    telework = rng.choice(((), (), ("vendredi",), ("mercredi",), ("mardi", "jeudi"))) if days == 5 else ()
    if long:
        leave, leave_en = rng.choice((("2,5 jours ouvrables par mois de stage", "2.5 working days per month"),
                                      ("2 jours ouvrés par mois de présence", "2 days per month of presence"),
                                      ("1 jour par mois de stage, à prendre en accord avec le tuteur",
                                       "1 day per month, agreed with the tutor")))
    else:
        leave, leave_en = "Sans objet (stage n'excédant pas deux mois)", "Not applicable (two months or less)"
    start = st.start_date
    academic_year = start.year if start.month >= 9 else start.year - 1
    weeks = max(1, (st.end_date - st.start_date).days // 7 - 1)
    visit = st.start_date + dt.timedelta(days=7 * rng.randint(1, weeks))
    report_due = st.end_date + dt.timedelta(days=rng.randint(10, 40))
    insurer, _ = rng.choice(STUDENT_INSURERS)
    return Draft(
        facts, school, programme, year, kind, kind_en,
        _cesure(st.start_date, st.end_date) if gap else None,
        number=f"{academic_year}-{rng.choice(('CONV', 'STG', 'CS'))}-{rng.randint(1, 99999):05d}",
        academic=f"{academic_year}-{academic_year + 1}", made=made, signed=signed, printed=printed,
        referent=names[2], referent_title=_gendered(rng.choice(REFERENT_TITLES), names[2]), hr_contact=names[3],
        signer_role=_gendered(rng.choice(SIGNER_ROLES), host.manager),
        tutor_role=_gendered(rng.choice(MISSIONS.get(st.subject, MISSIONS["Analyse de données commerciales"])
                                        .tutor_roles), st.tutor),
        mission=MISSIONS.get(st.subject, MISSIONS["Analyse de données commerciales"]),
        siret=siret_spaced(st.siret) if rng.random() < 0.5 else st.siret,
        ape=host.ape if rng.random() < 0.5 else f"{host.ape[:2]}.{host.ape[2:]}",
        headcount=rng.choice(HEADCOUNTS) if rng.random() < 0.6 else f"{rng.randint(12, 2400)} salariés",
        student_no=f"{rng.choice(('', 'E', '2'))}{rng.randint(1000000, 9999999)}",
        student_email=_email(f"{st.given_names} {person.surname}", rng.choice((f"edu.{school.domain}",
                                                                             f"student.{school.domain}",
                                                                             school.domain))),
        days=days, daily=daily, hours_text=hours_text, hours_short=hours_short, telework=telework,
        leave=leave, leave_en=leave_en,
        benefits=rng.choice(MEAL_BENEFITS) + rng.choice(("", " ; remboursement de 50 % de l'abonnement de transport")),
        esign=rng.random() < 0.75, avenant=avenant, insurer=insurer,
        policy=f"{rng.randint(1000000, 9999999)}{rng.choice('ABCDEFGHJKLM')}", ects=rng.choice((10, 15, 20, 30)),
        report_due=report_due, visit=visit - dt.timedelta(days=visit.weekday()))


def _gratification(st: InternshipFacts, d: Draft) -> tuple[str, str, str]:
    """(the article's particular clause, the summary's French value, its English value)."""
    who = "à la stagiaire" if d.she else "au stagiaire"
    if st.gratification == 0:
        return (("Le stage étant d'une durée inférieure ou égale à deux mois, aucune gratification n'est versée "
                f"{who}. Montant de la gratification : néant."), "Néant (stage ≤ 2 mois)", "None (two months or less)")
    monthly = euros(st.gratification)
    floor = abs(st.gratification - float(gratification_floor(st.start_date, st.weekly_hours))) < 0.005
    if floor:
        hourly = number_fr(float(value_at(INTERN_HOURLY_MIN, st.start_date)))
        per_month = number_fr(st.weekly_hours * 52 / 12).replace(" ", "")
        text = (f"Le montant horaire de la gratification est fixé à {hourly} € par heure de présence effective, soit "
                f"{monthly} par mois sur la base de {per_month} heures mensuelles.")
        return (text, f"{hourly} € / heure, soit {monthly} par mois",
                f"{hourly} € per hour, i.e. {monthly} per month")
    text = (f"L'organisme d'accueil verse {who} une gratification mensuelle d'un montant de {monthly}"
            + (", bien que la durée du stage n'excède pas deux mois." if presence_hours(
                st.weekly_hours, st.start_date, st.end_date) <= GRATIFICATION_HOURS else "."))
    return text, f"{monthly} par mois", f"{monthly} per month"


def _date_en(day: dt.date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def _signed_line(moment: dt.datetime, style: int) -> str:
    if style == 0:
        return f"Signé électroniquement le {date_slash(moment.date())} à {moment:%H:%M}"
    return f"Signé électroniquement le {date_slash(moment.date())} à {moment:%H:%M:%S} (heure de Paris)"


class Page:
    """The bundle's flow, its headings, grids and columns, in one accent colour."""

    def __init__(self, font: FontKey, accent: Color, size: float) -> None:
        self.flow = Flow(font, size, margin=17, top=30, bottom=20)
        self.font, self.accent, self.size = font, accent, size

    # -- summary sheet
    def band(self, title: str) -> None:
        flow = self.flow
        flow.space(2.2)
        flow.ensure(14)
        flow.sheet.add(Box(flow.margin, flow.y, flow.width, 5.6, fill=self.accent, stroke=None),
                       Text(flow.margin + 2, flow.y + 4.0, title, 8.6, bold(self.font), (255, 255, 255)))
        flow.y += 5.6

    def grid(self, rows: list[list[tuple[str, str]]], size: float = 8.0) -> None:
        """Ruled rows of one or two (label, value) pairs: the label in a shaded cell."""
        flow = self.flow
        step = flow.line_height(size)
        for row in rows:
            width = flow.width / len(row)
            label_w = 33.0
            cells = [(wrap(label, self.font, size - 0.8, label_w - 2.5),
                      wrap(value, bold(self.font), size, width - label_w - 3)) for label, value in row]
            height = max(max(len(a), len(b)) for a, b in cells) * step + 1.8
            flow.ensure(height)
            for i, (labels, values) in enumerate(cells):
                x = flow.margin + i * width
                flow.sheet.add(Box(x, flow.y, label_w, height, fill=SHADE, stroke=LINE, width=0.2),
                               Box(x + label_w, flow.y, width - label_w, height, stroke=LINE, width=0.2))
                for j, line in enumerate(labels):
                    flow.sheet.add(Text(x + 1.3, flow.y + step * (j + 1), line, size - 0.8, self.font, GREY))
                for j, line in enumerate(values):
                    flow.sheet.add(Text(x + label_w + 1.5, flow.y + step * (j + 1), line, size, bold(self.font)))
            flow.y += height

    def heading_rule(self, title: str) -> None:
        flow = self.flow
        flow.space(2.4)
        flow.ensure(12)
        flow.text(title, 9.2, bold(self.font), color=self.accent)
        flow.sheet.add(Rule(flow.margin, flow.y + 1.0, A4[0] - flow.margin, flow.y + 1.0, 0.3, self.accent))
        flow.space(1.6)

    def lines(self, rows: list[tuple[str, str]], size: float = 8.3, label_w: float = 52.0) -> None:
        """"Label" in grey, its value in bold beside it."""
        flow = self.flow
        step = flow.line_height(size)
        for label, value in rows:
            values = wrap(value, bold(self.font), size, flow.width - label_w)
            flow.ensure(step * len(values))
            flow.sheet.add(Text(flow.margin, flow.y + step, label, size - 0.6, self.font, GREY))
            for j, line in enumerate(values):
                flow.sheet.add(Text(flow.margin + label_w, flow.y + step * (j + 1), line, size, bold(self.font)))
            flow.y += step * len(values) + 0.5

    # -- parties in framed blocks
    def block(self, title: str, rows: list[tuple[str, str]], size: float = 7.9) -> None:
        """A framed block with its heading, the pairs in two columns (small grey label above its value)."""
        flow = self.flow
        step, label_step = flow.line_height(size), flow.line_height(6.4)
        half = (flow.width - 4) / 2
        cells = [(label, wrap(value, bold(self.font), size, half - 4)) for label, value in rows]
        pairs = [cells[i:i + 2] for i in range(0, len(cells), 2)]
        heights = [max(label_step + len(v) * step for _, v in pair) + 1.2 for pair in pairs]
        total = 6.2 + sum(heights) + 1.5
        flow.space(2)
        flow.ensure(total)
        top = flow.y
        flow.sheet.add(Box(flow.margin, top, flow.width, total, stroke=self.accent, width=0.35),
                       Box(flow.margin, top, flow.width, 5.2, fill=SHADE, stroke=self.accent, width=0.35),
                       Text(flow.margin + 2, top + 3.8, title, 8.4, bold(self.font), self.accent))
        y = top + 6.2
        for pair, height in zip(pairs, heights):
            for i, (label, values) in enumerate(pair):
                x = flow.margin + 2 + i * (half + 2)
                flow.sheet.add(Text(x, y + label_step, label, 6.4, self.font, GREY))
                for j, line in enumerate(values):
                    flow.sheet.add(Text(x, y + label_step + step * (j + 1), line, size, bold(self.font)))
            y += height
        flow.y = top + total

    def signatures(self, cells: list[tuple[str, list[str]]], height: float = 27.0) -> None:
        """Framed cells side by side: the role in a shaded head, the signer, the mentions."""
        flow = self.flow
        width = flow.width / len(cells)
        flow.ensure(height + 2)
        top = flow.y + 1.5
        for i, (role, lines) in enumerate(cells):
            x = flow.margin + i * width
            flow.sheet.add(Box(x, top, width, 5.2, fill=SHADE, stroke=LINE, width=0.25),
                           Box(x, top + 5.2, width, height - 5.2, stroke=LINE, width=0.25),
                           Text(x + 1.5, top + 3.8, role, 7.3, bold(self.font)))
            y = top + 5.2
            for k, line in enumerate(lines):
                for part in wrap(line, self.font, 7.0, width - 3):
                    y += 3.1
                    flow.sheet.add(Text(x + 1.5, y, part, 7.0, bold(self.font) if k == 0 else self.font,
                                        self.accent if line.startswith("Signé") else (0, 0, 0)))
        flow.y = top + height


class Columns:
    """The articles in one or two columns: headings kept with the lines after them, the second column starting at
    the top of the first one's page."""

    def __init__(self, page: Page, count: int, size: float) -> None:
        self.page, self.count, self.size = page, count, size
        flow = page.flow
        self.gap = 6.0
        self.width = flow.width if count == 1 else (flow.width - self.gap) / 2
        self.top, self.y, self.col, self.low = flow.y, flow.y, 0, flow.y

    def _room(self, height: float) -> None:
        flow = self.page.flow
        if self.y + height <= A4[1] - flow.bottom:
            return
        if self.col + 1 < self.count:
            self.col += 1
            self.y = self.top
            return
        flow.new_page()
        self.top = self.y = self.low = flow.top
        self.col = 0

    def _put(self, lines: list[tuple[str, FontKey, float, Color]], keep: int = 1) -> None:
        flow = self.page.flow
        head = sum(flow.line_height(size) for _, _, size, _ in lines[:keep])
        self._room(head)
        for text, font, size, color in lines:
            step = flow.line_height(size)
            self._room(step)
            self.y += step
            x = flow.margin + self.col * (self.width + self.gap)
            flow.sheet.add(Text(x, self.y, text, size, font, color))
            self.low = max(self.low, self.y)

    def heading(self, text: str) -> None:
        font = bold(self.page.font)
        self.y += 1.4
        lines = [(line, font, self.size + 0.5, self.page.accent) for line in wrap(text, font, self.size + 0.5,
                                                                                 self.width)]
        body = self.page.flow.line_height(self.size) * 2
        self._room(sum(self.page.flow.line_height(s) for _, _, s, _ in lines) + body)
        self._put(lines, len(lines))

    def para(self, text: str, font: FontKey | None = None, color: Color = (0, 0, 0)) -> None:
        font = font or self.page.font
        self._put([(line, font, self.size, color) for line in wrap(text, font, self.size, self.width)])
        self.y += 0.6

    def end(self) -> None:
        flow = self.page.flow
        flow.y = max(self.low, self.y) + 1.5


def _letterhead(sheet: Sheet, page: Page, d: Draft, square: bool) -> None:
    """The school's header, on every page: its logo (initials), name, status or tagline, office, the number."""
    font, accent, s = page.font, page.accent, d.school
    initials = _slug(s.name).upper()[:4]
    if square:
        sheet.add(Box(17, 9, 16, 16, fill=accent, stroke=None),
                  Text(25, 19, initials, 9 if len(initials) > 3 else 10.5, bold(font), (255, 255, 255), align="center"))
    else:
        sheet.add(Box(17, 9, 16, 16, fill=None, stroke=accent, width=0.9, radius=8),
                  Text(25, 18.8, initials, 8.5 if len(initials) > 3 else 10, bold(font), accent, align="center"))
    size = 11.0
    while size > 8 and text_width_mm(s.name, bold(font), size) > 98:
        size -= 0.5
    sheet.add(Text(37, 13.5, s.name, size, bold(font)),
              Text(37, 17.6, s.unit or s.tagline, 7.6, font, accent),
              Text(37, 21.2, f"{s.address} – {s.city}", 7.0, font, GREY),
              Text(37, 24.6, s.office, 7.0, font, GREY),
              Text(A4[0] - 17, 13.5, f"Convention n° {d.number}", 7.8, bold(font), align="right"),
              Text(A4[0] - 17, 17.4, f"Année universitaire {d.academic}", 7.2, font, GREY, align="right"),
              Text(A4[0] - 17, 21.0, s.email, 7.0, font, GREY, align="right"),
              Rule(17, 27, A4[0] - 17, 27, 0.45, accent))


def _footer(page: Page, d: Draft, stamp: bool):
    flow = page.flow

    def draw(sheet: Sheet, n: int) -> None:
        y = A4[1] - 10
        left = f"{d.school.name} – Convention de stage n° {d.number}"
        sheet.add(Rule(17, y - 3.5, A4[0] - 17, y - 3.5, 0.2, GREY),
                  Text(17, y, left, 6.4, page.font, GREY),
                  Text(A4[0] - 17, y, f"Page {n} / {len(flow.sheets)}", 6.4, page.font, GREY, align="right"))
        if stamp:
            sheet.add(Text(17, y + 2.8, f"Document édité le {date_slash(d.printed.date())} à {d.printed:%H:%M} "
                           f"depuis {d.school.platform} – SIRET de l'établissement {d.school.siret}", 5.8, page.font,
                           GREY))
    return draw


LABELS = {  # key: (French, English)
    "student": ("ÉTUDIANT(E)", "STUDENT"), "surname": ("Nom", "Surname"), "given": ("Prénom(s)", "First name(s)"),
    "number": ("N° étudiant", "Student ID"), "programme": ("Formation", "Programme"),
    "year": ("Année d'études", "Year of study"), "email": ("Courriel", "Email"),
    "birth": ("Date de naissance", "Date of birth"),
    "host": ("ORGANISME D'ACCUEIL", "HOST ORGANISATION"), "host_name": ("Raison sociale", "Company name"),
    "form": ("Forme juridique", "Legal form"), "siret": ("N° SIRET", "SIRET number"), "ape": ("Code NAF", "NAF code"),
    "headcount": ("Effectif", "Headcount"), "address": ("Adresse", "Address"),
    "signer": ("Représentant(e) signataire", "Signatory"), "department": ("Service d'accueil", "Department"),
    "tutor": ("TUTEUR DANS L'ORGANISME D'ACCUEIL", "COMPANY TUTOR"), "name": ("Nom", "Name"),
    "role": ("Fonction", "Position"), "phone": ("Téléphone", "Phone"),
    "school": ("ÉTABLISSEMENT", "SCHOOL"), "referent": ("Enseignant référent", "Academic supervisor"),
    "office": ("Service des stages", "Internship office"),
    "stage": ("STAGE", "INTERNSHIP"), "kind": ("Type de stage", "Type of internship"),
    "subject": ("Sujet", "Subject"), "start": ("Date de début", "Start date"), "end": ("Date de fin", "End date"),
    "weekly": ("Durée hebdomadaire", "Weekly working hours"), "schedule": ("Horaires", "Working hours"),
    "telework": ("Télétravail", "Remote work"), "presence": ("Présence totale", "Total presence"),
    "leave": ("Congés", "Paid leave"), "grat": ("Gratification", "Internship allowance"),
    "benefits": ("Avantages", "Benefits"), "cesure": ("Période de césure", "Gap period"),
    "avenant": ("Avenant", "Amendment"), "ects": ("Crédits ECTS", "ECTS credits"),
    "status": ("Statut de la convention", "Agreement status"),
}


def _headcount_en(headcount: str) -> str:
    return headcount.replace(" et plus", " or more").replace(" à ", " to ").replace("salariés", "employees")


def _summary(page: Page, d: Draft, grat: tuple[str, str, str], rng: random.Random) -> None:
    """The one-page "fiche récapitulative" the platform prints first: a grid under bands, or label lines."""
    person, st, s = d.facts.person, d.facts.internship, d.school
    english = d.programme.english and rng.random() < 0.5
    k = 1 if english else 0

    def lab(key: str) -> str:
        return LABELS[key][k]

    spell = (_date_en if english and rng.random() < 0.4 else
             date_slash if rng.random() < 0.75 else date_long)
    days, total = _presence(st.start_date, st.end_date, d.days, d.daily)
    span_fr, span_en = _span(d.days)
    telework = ((", ".join(d.telework) if not english else ", ".join(
        WEEKDAYS_EN[WEEKDAYS_FR.index(w)] for w in d.telework)) if d.telework else ("Non" if not english else "No"))
    if d.avenant and d.avenant.kind == "teletravail":
        days_av = ", ".join(d.avenant.telework if not english else
                            (WEEKDAYS_EN[WEEKDAYS_FR.index(w)] for w in d.avenant.telework))
        telework = f"{days_av} ({'from' if english else 'à compter du'} {date_slash(d.avenant.effect or st.start_date)})"
    hours = f"{hours_fr(st.weekly_hours)} {'hours per week' if english else 'heures'}"
    presence = (f"{days} days – {hours_fr(total)} hours" if english else f"{days} jours – {hours_fr(total)} heures")
    sections = [
        (lab("student"), [[(lab("surname"), person.surname), (lab("given"), st.given_names)],
                          [(lab("number"), d.student_no), (lab("birth"), date_slash(person.birth_date))],
                          [(lab("programme"), d.programme.name)],
                          [(lab("year"), d.year), (lab("email"), d.student_email)]]),
        (lab("host"), [[(lab("host_name"), st.host.name), (lab("form"), st.host.legal_form)],
                       [(lab("siret"), d.siret), (lab("ape"), d.ape)],
                       [(lab("headcount"), _headcount_en(d.headcount) if english else d.headcount),
                        (lab("department"), d.mission.department)],
                       [(lab("address"), st.host.address)],
                       [(lab("signer"), f"{_civ(st.host.manager)} – {d.signer_role}")]]),
        (lab("tutor"), [[(lab("name"), _civ(st.tutor)), (lab("role"), d.tutor_role)],
                        [(lab("phone"), _phone(rng)), (lab("email"), _email(st.tutor, _slug(st.host.name) + ".fr"))]]),
        (lab("school"), [[(lab("referent"), f"{_civ(d.referent)} – {d.referent_title}"),
                          (lab("email"), _email(d.referent, d.school.domain))],
                         [(lab("office"), f"{_civ(s.officer)} – {s.email} – {s.phone}")]]),
        (lab("stage"), [[(lab("kind"), d.kind_en if english else d.kind), (lab("ects"), str(d.ects))],
                        [(lab("subject"), st.subject)],
                        [(lab("start"), spell(st.start_date)), (lab("end"), spell(st.end_date))],
                        [(lab("weekly"), hours), (lab("presence"), presence)],
                        [(lab("schedule"), f"{span_en if english else span_fr.capitalize()}, {d.hours_short}")],
                        [(lab("telework"), telework), (lab("leave"), d.leave_en if english else d.leave)],
                        [(lab("grat"), grat[2] if english else grat[1])],
                        [(lab("benefits"), d.benefits)]]),
    ]
    if d.cesure:
        sections[-1][1].insert(2, [(lab("cesure"), f"{date_slash(d.cesure[0])} – {date_slash(d.cesure[1])}")])
    if d.avenant:
        what = {"dates": ("report des dates du stage", "internship dates postponed"),
                "tuteur": ("changement de tuteur", "new company tutor"),
                "teletravail": ("modalités de télétravail", "remote work arrangements")}[d.avenant.kind][k]
        number = f"No. 1 of {date_slash(d.avenant.made)}" if english else f"n° 1 du {date_slash(d.avenant.made)}"
        sections[-1][1].append([(lab("avenant"), f"{number} – {what}")])
        if d.avenant.kind == "tuteur":
            sections[2] = (lab("tutor"), [[(lab("name"), _civ(st.tutor)), (lab("role"), d.tutor_role)]])

    flow = page.flow
    title = ("INTERNSHIP AGREEMENT – SUMMARY SHEET" if english else
             rng.choice(("FICHE RÉCAPITULATIVE DE LA CONVENTION DE STAGE", "RÉCAPITULATIF DE LA CONVENTION")))
    flow.y = 33
    flow.text(title, 12.5, bold(page.font), "center", color=page.accent)
    status = ("Signed by all parties" if english else "Signée par toutes les parties") if d.esign else (
        "Validated by the school" if english else "Validée par l'établissement")
    flow.text(f"{'Agreement' if english else 'Convention'} n° {d.number} – {lab('status')} : {status}", 8.2,
              align="center", color=GREY)
    flow.space(1.5)
    if rng.random() < 0.5:
        for title_, rows in sections:
            page.band(title_)
            page.grid(rows)
    else:
        for title_, rows in sections:
            page.heading_rule(title_.capitalize() if rng.random() < 0.3 else title_)
            page.lines([pair for row in rows for pair in row])
    flow.space(3)
    flow.text(("This summary sheet is for information only; the agreement below (in French) is the only binding "
               "document." if english else
               "Ce récapitulatif ne se substitue pas à la convention de stage ci-après, seule signée par les parties."),
              7, color=GREY)


def _parties(page: Page, d: Draft, blocks: bool, order: tuple[int, int, int], rng: random.Random) -> None:
    person, st, s, host = d.facts.person, d.facts.internship, d.school, d.facts.internship.host
    flow = page.flow
    name = f"{st.given_names} {person.surname}" if rng.random() < 0.5 else f"{person.surname} {st.given_names}"
    delegation = f", et par délégation {_civ(s.officer)}, {s.officer_title.lower()}" if rng.random() < 0.5 else ""
    unit = f" – {s.unit}" if s.unit else ""
    site = rng.choice(("identique à l'adresse du siège", host.address))
    prose = [
        ("L'établissement d'enseignement supérieur",
         (f"{s.name}{unit}, {s.status[0].lower()}{s.status[1:]}, dont le siège est situé "
         f"{s.address}, {s.city}, SIRET {s.siret}, représenté par {_civ(s.head)}, {s.head_title.lower()}{delegation}, "
         f"ci-après dénommé « l'établissement ». Service des stages : {s.office}, tél. {s.phone}, {s.email}.")),
        ("L'organisme d'accueil",
         (f"{host.name}, {host.legal_form_long}, SIRET {d.siret}, code NAF {d.ape}, effectif : {d.headcount}, dont le "
         f"siège est situé {host.address}, représenté par {_civ(host.manager)}, {d.signer_role.lower()}, ci-après "
         f"dénommé « l'organisme d'accueil ». Service dans lequel le stage est effectué : {d.mission.department} ; "
         f"lieu du stage : {site} ; contact RH : {_civ(d.hr_contact)}.")),
        (f"L'étudiant{d.e} stagiaire",
         (f"{person.civility_long} {name}, né{d.e} le {date_slash(person.birth_date)}, demeurant {person.address}, "
         f"inscrit{d.e} en {d.programme.name} – {d.year}, n° étudiant {d.student_no}, courriel {d.student_email}, "
         f"ci-après dénommé{d.e} « {'la' if d.she else 'le'} stagiaire ».")),
    ]
    rows = [
        [("Nom de l'établissement", s.name + unit), ("Statut", s.status), ("Adresse", f"{s.address}, {s.city}"),
         ("SIRET", s.siret), ("Représenté par", f"{_civ(s.head)}, {s.head_title}"),
         ("Responsable des stages", f"{_civ(s.officer)}, {s.officer_title}"), ("Courriel", s.email),
         ("Téléphone", s.phone)],
        [("Raison sociale", host.name), ("Forme juridique", host.legal_form), ("N° SIRET", d.siret),
         ("Code NAF", d.ape), ("Adresse du siège", host.address), ("Effectif", d.headcount),
         ("Représenté par", f"{_civ(host.manager)}, {d.signer_role}"), ("Service d'accueil", d.mission.department),
         ("Lieu du stage", site[0].upper() + site[1:]), ("Contact RH", _civ(d.hr_contact))],
        [("Nom", person.surname), ("Prénom(s)", st.given_names), ("Né(e) le", date_slash(person.birth_date)),
         ("N° étudiant", d.student_no), ("Formation", d.programme.name), ("Année", d.year),
         ("Adresse", person.address), ("Courriel", d.student_email)],
    ]
    titles = ["L'ÉTABLISSEMENT D'ENSEIGNEMENT", "L'ORGANISME D'ACCUEIL", f"L'ÉTUDIANT{d.e.upper()} STAGIAIRE"]
    if blocks:
        flow.text("La présente convention est conclue entre :", 8.6, bold(page.font))
        for n, i in enumerate(order, 1):
            page.block(f"{n} – {titles[i]}", rows[i])
        return
    for n, i in enumerate(order):
        flow.space(1.4)
        flow.ensure(14)
        flow.text("ENTRE" if n == 0 else "ET", 8.8, bold(page.font), color=page.accent)
        head, text = prose[i]
        flow.text(f"{head} :", page.size, bold(page.font))
        flow.text(text)


def _articles(d: Draft, grat: str, rng: random.Random) -> list[tuple[str, list[str]]]:
    st, s = d.facts.internship, d.school
    she, e = d.she, d.e
    the = "la stagiaire" if she else "le stagiaire"
    The = the.capitalize()
    start, end = d.shown
    spell = rng.choice((date_slash, date_long, date_with_weekday))
    days, total = _presence(start, end, d.days, d.daily)
    span_fr, _ = _span(d.days)
    telework = d.shown_telework
    remote = (f"{The} peut effectuer {len(telework)} jour{'s' if len(telework) > 1 else ''} de télétravail par "
              f"semaine (le {' et le '.join(telework)}), dans les conditions de la charte de télétravail de "
              "l'organisme d'accueil." if telework else
              f"{The} n'effectue pas de télétravail.")
    cesure = (f" Le stage s'inscrit dans une période de césure (articles D. 611-13 à D. 611-20 du code de "
              f"l'éducation) du {date_slash(d.cesure[0])} au {date_slash(d.cesure[1])}, pendant laquelle "
              f"{the} reste inscrit{e} à l'établissement." if d.cesure else "")
    tutor = d.shown_tutor
    colleague = "collaborateur de l'organisme" if not _feminine(tutor) else "collaboratrice de l'organisme"
    return [
        ("Objet de la convention", [("La présente convention règle les rapports de l'organisme d'accueil avec "
                                    "l'établissement d'enseignement et le stagiaire.")]),
        ("Objectif du stage", [
            ("Le stage correspond à une période temporaire de mise en situation en milieu professionnel au cours de "
             "laquelle l'étudiant(e) acquiert des compétences professionnelles et met en œuvre les acquis de sa "
             "formation en vue d'obtenir un diplôme et de favoriser son insertion professionnelle." + cesure),
            f"Type de stage : {d.kind}. Sujet : {st.subject}.",
            "Activités confiées : " + " ; ".join(d.mission.missions[:rng.randint(3, 4)]) + ".",
            f"Compétences à acquérir ou à développer : {d.mission.skills}."]),
        ("Modalités du stage", [
            f"Le stage se déroulera du {spell(start)} au {spell(end)} inclus.",
            (f"La durée hebdomadaire de présence {'de la' if she else 'du'} stagiaire dans l'organisme d'accueil est "
             f"de {hours_fr(st.weekly_hours)} heures, {span_fr}, {d.hours_text}."),
            (f"Nombre total de jours de présence : {days} jours, soit {hours_fr(total)} heures sur la durée du stage "
             "(hors jours fériés et congés)."),
            remote,
            ("Si le stagiaire doit être présent dans l'organisme d'accueil la nuit, le dimanche ou un jour férié, "
             "l'organisme d'accueil l'indique ici : néant.")]),
        ("Accueil et encadrement", [
            (f"{The} est suivi{e} par l'enseignant référent désigné ci-dessous et par le service des stages de "
             "l'établissement, et par le tuteur de stage désigné par l'organisme d'accueil, chargé d'assurer son "
             "suivi et d'optimiser les conditions de réalisation du stage."),
            f"Tuteur de stage : {_civ(tutor)}, {d.tutor_role if tutor == st.tutor else colleague}, tél. {_phone(rng)}.",
            (f"Enseignant référent : {_civ(d.referent)}, {d.referent_title.lower()}, "
             f"{_email(d.referent, s.domain)}. Un point d'étape (visite ou visioconférence) est prévu la semaine du "
             f"{date_slash(d.visit)}.")]),
        ("Gratification – avantages", [
            ("En France, lorsque la durée du stage est supérieure à deux mois consécutifs ou non, celui-ci fait "
             "obligatoirement l'objet d'une gratification. Le montant horaire de la gratification est fixé à 15 % du "
             "plafond horaire de la sécurité sociale défini en application de l'article L. 241-3 du code de la "
             "sécurité sociale. La gratification est due sans préjudice du remboursement des frais engagés par le "
             "stagiaire. En cas de suspension ou de résiliation de la présente convention, le montant de la "
             "gratification est proratisé en fonction de la durée du stage effectué."),
            grat,
            (f"Modalités de versement : {rng.choice(('mensuellement, par virement bancaire', 'à la fin de chaque mois'))}."
            f" Avantages : {d.benefits}.")]),
        ("Accès aux droits des salariés – avantages", [
            ("Le stagiaire bénéficie des protections et droits mentionnés aux articles L. 1121-1, L. 1152-1 et "
             "L. 1153-1 du code du travail, dans les mêmes conditions que les salariés. Il a accès au restaurant "
             "d'entreprise ou aux titres-restaurant et bénéficie de la prise en charge des frais de transport prévue "
             "à l'article L. 3261-2 du même code.")]),
        ("Régime de protection sociale", [
            ("Pendant la durée du stage, le stagiaire reste affilié à son régime de sécurité sociale antérieur. La "
             "gratification n'excédant pas 15 % du plafond horaire de la sécurité sociale n'est pas soumise à "
             "cotisations. En cas d'accident survenant au stagiaire, soit au cours du stage, soit sur le trajet, "
             "l'organisme d'accueil envoie la déclaration à l'établissement dans un délai de 48 heures.")]),
        ("Responsabilité et assurance", [
            ("L'organisme d'accueil et le stagiaire déclarent être garantis au titre de la responsabilité civile. "
             f"Établissement : {rng.choice(SCHOOL_INSURERS)}, contrat n° {rng.randint(10000000, 99999999)} ; "
             f"stagiaire : {d.insurer}, contrat n° {d.policy} (attestation jointe).")]),
        ("Discipline", [
            ("Le stagiaire est soumis à la discipline et aux clauses du règlement intérieur qui lui sont applicables "
             "et qui sont portées à sa connaissance avant le début du stage. Toute sanction disciplinaire ne peut "
             "être décidée que par l'établissement.")]),
        ("Congés – interruption du stage", [
            (f"Pour toute durée de stage supérieure à deux mois, {the} bénéficie de congés et d'autorisations "
             f"d'absence. Congés : {d.leave}."),
            ("Toute interruption ou modification du stage (dates, tuteur, lieu) fait l'objet d'un avenant à la "
             "présente convention signé par les trois parties.")]),
        ("Devoir de réserve et confidentialité", [
            ("Le devoir de réserve est de rigueur absolue. Le stagiaire s'engage à ne pas diffuser les informations "
             "recueillies à des fins de publication sans l'accord de l'organisme d'accueil, y compris le rapport de "
             "stage.")]),
        ("Propriété intellectuelle", [
            ("Conformément au code de la propriété intellectuelle, dans le cas où les activités du stagiaire donnent "
             "lieu à la création d'une œuvre protégée, l'organisme d'accueil qui souhaite l'utiliser doit obtenir "
             "l'accord exprès du stagiaire.")]),
        ("Fin de stage – rapport – évaluation", [
            ("À l'issue du stage, l'organisme d'accueil délivre une attestation de stage mentionnant au minimum la "
             "durée effective totale du stage et, le cas échéant, le montant total de la gratification perçue."),
            (f"Le rapport de stage est remis au plus tard le {date_slash(d.report_due)} ; le stage est évalué par le "
             f"tuteur et l'enseignant référent et donne lieu à l'attribution de {d.ects} crédits ECTS."),
            ("La présente convention est régie par le droit français ; tout litige non résolu à l'amiable relève des "
             "juridictions françaises compétentes.")]),
    ]


def _signature_cells(d: Draft, style: int) -> list[list[tuple[str, list[str]]]]:
    st, s, person = d.facts.internship, d.school, d.facts.person

    def mention(role: str) -> list[str]:
        if d.esign:
            return [_signed_line(d.signed[role], style)]
        return ["Date :", "Signature :"]

    return [[("Pour l'établissement", [_civ(s.officer), f"Par délégation de {_civ(s.head)}", *mention("school")]),
             ("Pour l'organisme d'accueil", [_civ(st.host.manager), d.signer_role, *mention("host")]),
             (f"L'étudiant{d.e} stagiaire", [f"{st.given_names} {person.surname}", *mention("student")])],
            [("Le tuteur de stage", [_civ(d.shown_tutor), *mention("tutor")]),
             ("L'enseignant référent", [_civ(d.referent), d.referent_title, *mention("referent")])]]


def _avenant_page(page: Page, d: Draft, style: int, rng: random.Random) -> None:
    av = d.avenant
    assert av is not None
    st, s, person, flow = d.facts.internship, d.school, d.facts.person, page.flow
    flow.new_page()
    flow.y = 33
    flow.text(f"AVENANT N° 1 À LA CONVENTION DE STAGE N° {d.number}", 12, bold(page.font), "center",
              color=page.accent)
    flow.text(f"Convention initiale signée le {date_slash(max(d.signed.values()).date())} – avenant établi le "
              f"{date_slash(av.made)}", 8, align="center", color=GREY)
    flow.space(3)
    flow.text("Entre les parties à la convention susvisée :", 8.8, bold(page.font))
    flow.text(f"– {s.name}, représenté par {_civ(s.head)}, {s.head_title.lower()} ;")
    flow.text(f"– {st.host.name} ({st.host.legal_form}), SIRET {d.siret}, représenté par {_civ(st.host.manager)}, "
              f"{d.signer_role.lower()} ;")
    flow.text(f"– {person.civility_long} {st.given_names} {person.surname}, {d.programme.name} – {d.year}.")
    flow.space(2)
    flow.text("Il est convenu ce qui suit :", 8.8, bold(page.font))
    old_start, old_end = d.shown
    the = "la stagiaire" if d.she else "le stagiaire"
    if av.kind == "dates":
        body = [("Objet", "Le présent avenant modifie les dates du stage prévues à l'article 3 de la convention."),
                ("Nouvelles dates", (f"Le stage, initialement prévu du {date_slash(old_start)} au "
                 f"{date_slash(old_end)}, se déroulera du {date_slash(st.start_date)} au {date_slash(st.end_date)} "
                 "inclus.")),
                ("Motif", rng.choice(((f"Délai d'obtention de l'autorisation de travail {'de la' if d.she else 'du'} "
                                      "stagiaire."),
                                      "Report à la demande de l'organisme d'accueil (réorganisation du service).",
                                      "Calendrier académique : soutenance du semestre reportée."))),
                ("Autres dispositions", (f"La durée hebdomadaire de présence ({hours_fr(st.weekly_hours)} heures) et "
                 "la gratification restent inchangées. Les autres clauses de la convention demeurent applicables."))]
    elif av.kind == "tuteur":
        body = [("Objet", "Le présent avenant modifie le tuteur de stage désigné à l'article 4 de la convention."),
                ("Nouveau tuteur", (f"{_civ(av.old_tutor)}, initialement désigné{'e' if _feminine(av.old_tutor) else ''}"
                 f", est remplacé{'e' if _feminine(av.old_tutor) else ''} par {_civ(st.tutor)}, {d.tutor_role}, à "
                 f"compter du {date_slash(av.effect or st.start_date)}.")),
                ("Autres dispositions", ("Les dates, la durée hebdomadaire de présence et la gratification restent "
                 "inchangées. Les autres clauses de la convention demeurent applicables."))]
    else:
        days = " et le ".join(av.telework)
        body = [("Objet", "Le présent avenant modifie les modalités de télétravail prévues à l'article 3."),
                ("Télétravail", (f"À compter du {date_slash(av.effect or st.start_date)}, {the} effectue deux jours "
                 f"de télétravail par semaine, le {days}, sans modification de la durée hebdomadaire de présence "
                 f"({hours_fr(st.weekly_hours)} heures).")),
                ("Autres dispositions", "Les autres clauses de la convention demeurent applicables.")]
    for n, (title, text) in enumerate(body, 1):
        flow.space(1.5)
        flow.text(f"Article {n} – {title}", page.size + 0.4, bold(page.font), color=page.accent)
        flow.text(text)
    flow.space(4)
    flow.text(f"Fait en trois exemplaires, le {date_slash(av.made)}.", 8.4)
    lines = ([_signed_line(when, style)] if d.esign else ["Date :", "Signature :"] for when in av.signed)
    school, host, student = lines
    page.signatures([("Pour l'établissement", [_civ(s.officer), *school]),
                     ("Pour l'organisme d'accueil", [_civ(st.host.manager), *host]),
                     (f"L'étudiant{d.e} stagiaire", [f"{st.given_names} {person.surname}", *student])])


def _annex(page: Page, d: Draft, rng: random.Random) -> None:
    """An annex page: the student's insurance certificate (its own year of cover), or the e-signature audit trail."""
    st, person, flow = d.facts.internship, d.facts.person, page.flow
    flow.new_page()
    flow.y = 33
    if d.esign and rng.random() < 0.5:
        flow.text("ANNEXE – DOSSIER DE PREUVE DE LA SIGNATURE ÉLECTRONIQUE", 11, bold(page.font), "center",
                  color=page.accent)
        flow.text(f"Convention n° {d.number} – transaction {rng.randint(10**9, 10**10 - 1)}", 8, align="center",
                  color=GREY)
        flow.space(3)
        names = {"school": (_civ(d.school.officer), "Établissement"),
                 "host": (_civ(st.host.manager), "Organisme d'accueil"),
                 "student": (f"{st.given_names} {person.surname}", "Stagiaire"),
                 "tutor": (_civ(d.shown_tutor), "Tuteur"), "referent": (_civ(d.referent), "Enseignant référent")}
        rows: list[tuple[str, ...]] = [("Signataire", "Qualité", "Horodatage (heure de Paris)", "Adresse IP")]
        for role, when in sorted(d.signed.items(), key=lambda item: item[1]):
            rows.append((names[role][0], names[role][1], f"{date_slash(when.date())} {when:%H:%M:%S}",
                         f"{rng.choice(('192.0.2', '198.51.100', '203.0.113'))}.{rng.randint(1, 254)}"))
        flow.table(rows, (52, 38, 50, 36), 7.6, bold(page.font))
        flow.text(f"Document scellé le {date_slash(max(d.signed.values()).date())}. Empreinte SHA-256 : "
                  + "".join(rng.choice("0123456789abcdef") for _ in range(64)), 6.8, color=GREY)
        return
    insurer, city = next((i, c) for i, c in STUDENT_INSURERS if i == d.insurer)
    year = int(d.academic[:4])
    flow.text("ANNEXE – ATTESTATION D'ASSURANCE RESPONSABILITÉ CIVILE", 11, bold(page.font), "center",
              color=page.accent)
    flow.space(4)
    flow.text(insurer, 10, bold(page.font))
    flow.space(2)
    flow.text(f"{insurer} atteste que {person.civility_long} {st.given_names} {person.surname}, "
              f"né{d.e} le {date_slash(person.birth_date)}, est titulaire du contrat n° {d.policy}, garantissant sa "
              "responsabilité civile vie privée, y compris au cours des stages effectués dans le cadre de ses "
              f"études, pour la période du {date_slash(dt.date(year, 9, 1))} au {date_slash(dt.date(year + 1, 8, 31))}.")
    flow.space(2)
    flow.text("La présente attestation ne peut engager l'assureur au-delà des limites du contrat auquel elle se "
              "réfère.", 7.6, color=GREY)
    flow.space(3)
    flow.text(f"Fait à {city}, le {date_slash(dt.date(year, 9, rng.randint(2, 25)))}.", 8.6)


def convention_grande_ecole(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    st = facts.internship
    d = _draft(facts, rng)
    page = Page(FontKey(rng.choice(FONTS)), rng.choice(ACCENTS), rng.choice((8.2, 8.5)))
    flow = page.flow
    grat = _gratification(st, d)
    summary = rng.random() < 0.7
    columns = 2 if rng.random() < 0.45 else 1
    blocks = rng.random() < 0.5
    order = rng.choice(((0, 1, 2), (0, 1, 2), (1, 0, 2), (2, 0, 1)))
    style = rng.randint(0, 1)
    square = rng.random() < 0.5
    flow.header = lambda sheet: _letterhead(sheet, page, d, square)
    flow.header(flow.sheet)
    flow.footer = _footer(page, d, rng.random() < 0.6)

    if summary:
        _summary(page, d, grat, rng)
        flow.new_page()
    flow.y = 32
    flow.text("CONVENTION DE STAGE", 13.5, bold(page.font), "center")
    subtitle = ("Stage effectué pendant une période de césure" if d.cesure else
                f"{d.kind} – {d.programme.name}")
    flow.text(subtitle, 8.6, align="center", color=page.accent)
    if d.programme.english and rng.random() < 0.5:
        flow.text("Internship Agreement – the French version alone is binding", 7.6, align="center", color=GREY)
    flow.space(1.5)
    flow.text("Vu le code de l'éducation, notamment ses articles L. 124-1 à L. 124-20 et D. 124-1 à D. 124-13 ; vu le "
              "code du travail, notamment ses articles L. 1221-13, L. 3261-2 et L. 3262-1 ; vu le règlement des "
              f"études de l'établissement ({d.academic}).", 7, color=GREY)
    flow.space(1)
    _parties(page, d, blocks, order, rng)
    flow.space(2)
    flow.text("Il a été convenu ce qui suit :", page.size + 0.3, bold(page.font))
    body = Columns(page, columns, page.size - (0.6 if columns == 2 else 0.2))
    for n, (title, paragraphs) in enumerate(_articles(d, grat[0], rng), 1):
        number = "5 bis" if n == 6 else str(n if n < 6 else n - 1)
        body.heading(f"Article {number} – {title}")
        for text in paragraphs:
            body.para(text)
    body.end()

    flow.space(2)
    flow.ensure(70)
    if d.esign:
        flow.text(f"Convention établie le {date_slash(d.made)} et signée électroniquement par les parties sur "
                  f"{d.school.platform}, chacune pouvant en télécharger un exemplaire.", 8)
    else:
        flow.text(f"Fait à {d.school.city.split(' ', 1)[1]}, le {date_slash(d.made)}, en trois exemplaires originaux. "
                  "Chaque signature est précédée de la mention « Lu et approuvé ».", 8)
    first, second = _signature_cells(d, style)
    page.signatures(first)
    page.signatures(second, 21.0)
    if d.avenant:
        _avenant_page(page, d, style, rng)
    if rng.random() < 0.4:
        _annex(page, d, rng)
    return _agreement_piece(facts, "convention_grande_ecole", flow.finish())
