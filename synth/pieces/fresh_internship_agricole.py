"""Fresh internship agreement family `convention_agricole` (sixth internship wave, written once
`convention_formation_continue` had been looked at): the convention de stage of the French "enseignement agricole",
as a lycée agricole — a public EPLEFPA (établissement public local d'enseignement et de formation professionnelle
agricole) or a private establishment under contract with the ministry of agriculture — signs it for a BTSA student or
a licence professionnelle student it prepares with a partner university.

The establishment's letterhead: the ministry's "bloc-marque" (public) or a round emblem with its initials (private),
its name, status and centres (lycée, CFA, CFPPA, exploitation), address, telephone and e-mail, its own UAI code and
SIRET, the regional DRAAF (its academic authority) — distractors all. A title with the convention's number, the
school year and the class in a small box; "Vu" recitals (the code rural et de la pêche maritime, the code de
l'éducation, the board's deliberation approving the model on an earlier date). The three parties as framed numbered
panels with small labels above their values, or as ruled label/value lines: the "chef d'établissement" and the
enseignant référent; the "exploitation agricole" / "entreprise d'accueil" / "organisme d'accueil" with its SIRET, NAF
code, MSA affiliation (Urssaf for a firm) and, for a farm, its PACAGE number; the "stagiaire" with the date of birth,
the INE, the class and the boarding régime. Then "Article 1 … Article N": the period(s) of the stage — on some in two
periods with weeks back at school between them —, the "durée hebdomadaire de présence" with a timetable grid across
the week, the "maître de stage" (never "tuteur"), the activities, the "gratification" / "indemnité de stage" (per hour
with its monthly sum when it is the legal minimum, per month otherwise, or none), the lodging, meals and a mileage
rate, the work-accident cover under the code rural, insurance policies, discipline, absences, end of the stage. A
signature table for the chef d'établissement, the host's representative, the maître de stage, the stagiaire and the
legal representative (if a minor), each dated on its own day. Two pages on some seeds, three on others (an "annexe
pédagogique" page before the signatures).

The truth is the generator's usual one (`education._agreement_piece`): the institution is the establishment, the host
the company or farm, the intern the student; the first day of the first period and the last day of the last one are
the agreement's dates."""
from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from synth.checksums import luhn_complete, make_siren, make_siret
from synth.facts import DossierFacts, InternshipFacts
from synth.fmt import date_long, date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Ellipse, Flow, Rule, Sheet, Text, wrap
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.education import _agreement_piece
from synth.pieces.fresh_internship_fpc import SIGNER_ROLES, _civ, _gendered, _others
from synth.pieces.fresh_internship_pfmp import _slug, _uai
from synth.pieces.fresh_internship_portal import _phone
from synth.pieces.fresh_words import WEEKDAYS_FR, date_with_weekday
from synth.rules import (
    GRATIFICATION_HOURS,
    INTERN_HOURLY_MIN,
    gratification_floor,
    presence_hours,
    value_at,
)

GREY: Color = (92, 92, 92)
PALE: Color = (236, 242, 232)
LINE: Color = (120, 120, 120)
GREENS: tuple[Color, ...] = ((0, 110, 62), (52, 112, 40), (0, 96, 86), (96, 118, 30))
MARIANNE_BLUE: Color = (0, 0, 145)
MARIANNE_RED: Color = (225, 0, 15)
FONTS = ("sans", "serif", "lsans", "lserif", "condensed")


@dataclass(frozen=True)
class Track:
    """What the subject of the stage says of the student's course in agricultural education."""
    btsa: str  # the option, "Technico-commercial – champ professionnel Produits alimentaires et boissons"
    short: str  # "TC"
    licence: str  # a licence professionnelle the establishment prepares with a partner university
    discipline: str  # the referent teacher's
    farm_roles: tuple[tuple[str, str], ...]  # the maître de stage's function on a farm (masculine, feminine)
    firm_roles: tuple[tuple[str, str], ...]  # ... in a firm
    activities: tuple[str, ...]


TRACKS = {
    "Analyse de données commerciales": Track(
        "Technico-commercial – champ professionnel Produits alimentaires et boissons", "TC",
        "Commerce et distribution – parcours Commercialisation des produits alimentaires",
        "Sciences économiques, sociales et de gestion",
        (("Responsable de la vente directe", "Responsable de la vente directe"), ("Gérant", "Gérante")),
        (("Responsable commercial", "Responsable commerciale"), ("Chef de secteur", "Cheffe de secteur")),
        ("Suivi des ventes et des indicateurs commerciaux", "Animation du point de vente et des marchés",
         "Prospection de la clientèle professionnelle", "Participation à l'élaboration de l'offre de produits")),
    "Développement d'une application web": Track(
        "Génie des équipements agricoles", "GDEA", "Agronomie – parcours Agriculture numérique et agroéquipements",
        "Agroéquipement", (("Chef d'exploitation", "Cheffe d'exploitation"), ("Exploitant agricole",
                                                                             "Exploitante agricole")),
        (("Responsable des systèmes d'information", "Responsable des systèmes d'information"),
         ("Chef de projet", "Cheffe de projet")),
        ("Paramétrage des outils numériques de l'exploitation", "Exploitation des données de guidage et de pesée",
         "Participation au développement d'une application de suivi des parcelles",
         "Entretien et réglage des agroéquipements")),
    "Audit des processus logistiques": Track(
        "Sciences et technologies des aliments – spécialité Aliments et processus technologiques", "STA",
        "Logistique et pilotage des flux – parcours Filières agroalimentaires", "Sciences et techniques des aliments",
        (("Responsable de l'atelier de transformation", "Responsable de l'atelier de transformation"),
         ("Chef d'exploitation", "Cheffe d'exploitation")),
        (("Responsable logistique", "Responsable logistique"), ("Responsable d'entrepôt", "Responsable d'entrepôt")),
        ("Réception et contrôle des matières premières", "Suivi des stocks et de la traçabilité des lots",
         "Organisation des expéditions et des tournées", "Analyse des flux de l'atelier")),
    "Étude de marché à l'international": Track(
        "Technico-commercial – champ professionnel Vins, bières et spiritueux", "TC",
        "Commercialisation des vins et spiritueux à l'international", "Sciences économiques, sociales et de gestion",
        (("Viticulteur", "Viticultrice"), ("Maître de chai", "Maître de chai")),
        (("Responsable export", "Responsable export"), ("Directeur commercial", "Directrice commerciale")),
        ("Veille et étude des marchés étrangers", "Préparation des salons professionnels et des dégustations",
         "Suivi des commandes à l'export", "Mise à jour des fiches produits et des tarifs")),
    "Amélioration continue en production": Track(
        "Bioqualité", "BQ", "Qualité, hygiène, sécurité, santé, environnement – parcours Industries agroalimentaires",
        "Biologie – microbiologie et qualité", (("Responsable d'élevage", "Responsable d'élevage"),
                                                ("Chef de culture", "Cheffe de culture")),
        (("Responsable qualité", "Responsable qualité"), ("Responsable de production", "Responsable de production")),
        ("Suivi du plan de maîtrise sanitaire", "Contrôles qualité en cours de production",
         "Participation aux actions d'amélioration continue", "Rédaction des procédures et des enregistrements")),
}
# (town, postcode, region) of the establishment
TOWNS = (("Bourg-en-Bresse", "01000", "Auvergne-Rhône-Alpes"), ("Yssingeaux", "43200", "Auvergne-Rhône-Alpes"),
         ("Rethel", "08300", "Grand Est"), ("Le Rheu", "35650", "Bretagne"), ("Merdrignac", "22230", "Bretagne"),
         ("Vendôme", "41100", "Centre-Val de Loire"), ("Montmorillon", "86500", "Nouvelle-Aquitaine"),
         ("Nérac", "47600", "Nouvelle-Aquitaine"), ("Castelnaudary", "11400", "Occitanie"),
         ("Auzeville-Tolosane", "31320", "Occitanie"), ("Saint-Lô", "50000", "Normandie"),
         ("Fontenay-le-Comte", "85200", "Pays de la Loire"), ("Laval", "53000", "Pays de la Loire"),
         ("Quetigny", "21800", "Bourgogne-Franche-Comté"), ("Vesoul", "70000", "Bourgogne-Franche-Comté"),
         ("Arras", "62000", "Hauts-de-France"), ("Carpentras", "84200", "Provence-Alpes-Côte d'Azur"),
         ("Saint-Germain-en-Laye", "78100", "Île-de-France"))
# the MSA caisse of a farm, by the town of its address
MSA_CAISSES = {"Paris": "MSA d'Île-de-France", "Lyon": "MSA Ain-Rhône", "Marseille": "MSA Provence Azur",
               "Toulouse": "MSA Midi-Pyrénées Sud", "Nantes": "MSA Loire-Atlantique – Vendée",
               "Lille": "MSA Nord-Pas de Calais", "Bordeaux": "MSA de la Gironde", "Rennes": "MSA Portes de Bretagne",
               "Strasbourg": "MSA d'Alsace", "Montpellier": "MSA du Languedoc", "Grenoble": "MSA Alpes du Nord",
               "Nice": "MSA Provence Azur", "Angers": "MSA de Maine-et-Loire", "Dijon": "MSA de Bourgogne",
               "Clermont-Ferrand": "MSA Auvergne", "Rouen": "MSA Haute-Normandie"}
PARTNERS = ("Université Rhône-Alpes Sud", "Université de Bretagne-Centre", "Université Val-de-Loire",
            "Université Pays de l'Adour-Sud", "Université Champagne-Ardenne Nord")
FARM_SIGNERS = (("Gérant", "Gérante"), ("Exploitant", "Exploitante"), ("Associé gérant", "Associée gérante"))
SCHOOL_INSURERS = ("Groupama", "Mutuelle Saint-Christophe assurances", "MAIF", "SMACL Assurances")
HOST_INSURERS = ("Groupama", "Crédit Agricole Assurances", "AXA France", "MMA", "Allianz", "Generali")
MEALS = ("Le repas de midi est pris à la table de l'exploitant, sans contrepartie.",
         "Le repas de midi est pris au restaurant d'entreprise, au tarif applicable au personnel.",
         "Les repas restent à la charge {of}.")
LODGING = ("{Intern} est hébergé{e} sur le lieu du stage, à titre gratuit, dans un logement indépendant.",
           "{Intern} n'est pas hébergé{e} par {host}.",
           "L'hébergement reste à la charge {of} et de sa famille.")
REGIMES = ("Interne", "Demi-pensionnaire", "Externe")


@dataclass(frozen=True)
class School:
    name: str
    public: bool
    status: str
    centres: str
    address: str
    town: str
    region: str
    uai: str
    siret: str
    phone: str
    email: str
    head: str
    head_title: str  # "Directeur de l'EPLEFPA"
    university: bool  # only when the family filter leaves nothing else


@dataclass(frozen=True)
class Words:
    """How one seed words the host, the intern and the articles."""
    host_heading: str  # "L'EXPLOITATION AGRICOLE"
    host: str  # "l'exploitation", in the articles
    host_sign: str  # the signature table's head
    host_name_label: str
    siret_label: str
    intern_heading: str
    name_labels: tuple[str, str]
    birth_label: str
    money: str  # "gratification" or "indemnité de stage"
    heading_style: str


@dataclass(frozen=True)
class Draft:
    facts: DossierFacts
    school: School
    track: Track
    words: Words
    course: str  # "Brevet de technicien supérieur agricole (BTSA) option …"
    cls: str  # "BTSA TC – 2e année"
    number: str
    year: int
    partner: str | None
    referent: str
    coordinator: str
    tutor_role: str
    signer_role: str
    periods: list[tuple[dt.date, dt.date]]
    made: dt.date
    farm: bool
    siret: str
    she: bool  # the stagiaire's gender agrees the articles
    minor: bool  # then the legal representative signs too


def _ascii(text: str) -> str:
    """"saint-germain-en-laye" for Saint-Germain-en-Laye, "emilie-fontaine" for Émilie FONTAINE."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return plain.lower().replace(" ", "-")


def _school(st: InternshipFacts, head: str, rng: random.Random) -> School:
    """A public EPLEFPA or a private establishment under contract; a university only when the filter leaves nothing
    else (its licences professionnelles prepared at a lycée agricole)."""
    town, postcode, region = rng.choice(TOWNS)
    university = st.institution.startswith("Université")
    public = not university and rng.random() < 0.6
    uai = _uai(postcode, rng)
    place = rng.choice(("la Ferme", "Bellevue", "Lalande", "la Motte", "Montplaisir", "la Saulaie"))
    address = f"{rng.choice(('Route de', 'Chemin de', 'Domaine de', 'Avenue de'))} {place}, {postcode} {town}"
    slug = _slug(st.institution)
    if public:  # a public establishment's SIREN starts with 19
        siret = make_siret(luhn_complete("19" + "".join(str(rng.randint(0, 9)) for _ in range(6))), rng)
        status = "Établissement public local d'enseignement et de formation professionnelle agricole"
        centres = rng.choice(("Lycée agricole · CFA · CFPPA · Exploitation agricole",
                              "Lycée d'enseignement général et technologique agricole · CFPPA · Exploitation"))
        titles: tuple[tuple[str, str], ...] = (("Directeur de l'EPLEFPA", "Directrice de l'EPLEFPA"),
                                               ("Directeur", "Directrice"))
        email = f"legta.{_ascii(town)}@educagri.fr"
    elif university:
        siret = make_siret(make_siren(rng), rng)
        status = "Université – Institut universitaire de technologie, licences professionnelles"
        centres = f"Licences professionnelles préparées au lycée agricole de {town}"
        titles = (("Vice-président chargé de la formation", "Vice-présidente chargée de la formation"),)
        email = f"licences-pro@{slug}.fr"
        address = f"Campus universitaire, {rng.randint(1, 40)} avenue de {place}, {postcode} {town}"
    else:
        siret = make_siret(make_siren(rng), rng)
        status = "Établissement d'enseignement agricole privé sous contrat avec le ministère chargé de l'agriculture"
        centres = rng.choice(("Lycée · Enseignement supérieur court (BTSA)", "Réseau CNEAP – Lycée et BTSA"))
        titles = (("Directeur", "Directrice"), ("Chef d'établissement", "Cheffe d'établissement"))
        email = f"{rng.choice(('stages', 'secretariat.bts', 'accueil'))}@{slug}.fr"
    return School(st.institution, public, status, centres, address, town, region, uai, siret, _phone(rng), email,
                  head, _gendered(rng.choice(titles), head), university)


def _words(farm: bool, rng: random.Random) -> Words:
    host = rng.choice(((("L'EXPLOITATION AGRICOLE", "l'exploitation", "L'exploitant(e) ou son représentant",
                         "Nom de l'exploitation"),) if farm else ())
                      + (("L'ORGANISME D'ACCUEIL", "l'organisme d'accueil",
                          "Le représentant de l'organisme d'accueil", "Raison sociale"),
                         ("L'ENTREPRISE D'ACCUEIL", "l'entreprise d'accueil", "Le représentant de l'entreprise",
                          "Nom ou raison sociale")))
    intern = rng.choice(("LE STAGIAIRE", "L'ÉTUDIANT(E) STAGIAIRE", "LE/LA STAGIAIRE"))
    return Words(*host, rng.choice(("N° SIRET", "SIRET", "Numéro SIRET de l'établissement d'accueil")), intern,
                 rng.choice((("Nom", "Prénom(s)"), ("Nom de famille", "Prénoms"), ("NOM", "Prénom"))),
                 rng.choice(("Né(e) le", "Date de naissance")),
                 rng.choice(("gratification", "indemnité de stage")), rng.choice(("dash", "colon", "upper")))


def _periods(start: dt.date, end: dt.date, rng: random.Random) -> list[tuple[dt.date, dt.date]]:
    """One period, or two: the first ends on a Friday at least two weeks in, the second starts on a Monday one or two
    weeks later (back at school in between) and lasts at least two weeks."""
    span = (end - start).days + 1
    if span < 49 or rng.random() < 0.55:
        return [(start, end)]
    gap = rng.choice((1, 2))
    fridays = [day for day in (start + dt.timedelta(days=k) for k in range(13, span))
               if day.weekday() == 4 and day + dt.timedelta(days=3 + 7 * gap + 13) <= end]
    if not fridays:
        return [(start, end)]
    first_end = rng.choice(fridays)
    return [(start, first_end), (first_end + dt.timedelta(days=3 + 7 * gap), end)]


def _length(first: dt.date, last: dt.date) -> str:
    weeks, days = divmod((last - first).days + 1, 7)
    return f"{weeks} semaine{'s' if weeks > 1 else ''}" + (f" et {days} jour{'s' if days > 1 else ''}" if days else "")


def the(word: str, of: str = "") -> str:
    """"la gratification", "de l'indemnité de stage"."""
    return f"{of}l'{word}" if word[0] in "aeiouéè" else f"{of}la {word}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60}h{minutes % 60:02d}"


def _timetable(weekly: float, rng: random.Random) -> list[list[str]] | None:
    """The week across: a head row of days, the morning's and the afternoon's hours, each day's length; the lengths add
    up to `weekly`. None when the hours are not whole quarters."""
    total = round(weekly * 60)
    if total % 15 or abs(total - weekly * 60) > 1e-6:
        return None
    saturday = weekly >= 35 and rng.random() < 0.35  # a farm's Saturday morning (animals)
    days = 4 if weekly <= 28 and rng.random() < 0.5 else 5
    lengths = [rng.choice((180, 210, 240))] if saturday else []
    units, rest = divmod((total - sum(lengths)) // 15, days)
    lengths = [(units + (1 if i < rest else 0)) * 15 for i in range(days)] + lengths
    start, morning, lunch = rng.choice((450, 480, 510)), rng.choice((210, 240)), rng.choice((60, 90))
    names = [day.capitalize() for day in WEEKDAYS_FR[:6 if saturday or days < 5 or rng.random() < 0.4 else 5]]
    rows = [["Horaires"] + names, ["Matin"], ["Après-midi"], ["Durée"]]
    for i in range(len(names)):
        length = lengths[i] if i < days else lengths[-1] if saturday and i == 5 else 0
        if not length:
            rows[1].append("Repos")
            rows[2].append("—")
            rows[3].append("—")
        elif length <= morning:
            rows[1].append(f"{_clock(start)} – {_clock(start + length)}")
            rows[2].append("—")
            rows[3].append(f"{length // 60} h {length % 60:02d}" if length % 60 else f"{length // 60} h")
        else:
            back = start + morning + lunch
            rows[1].append(f"{_clock(start)} – {_clock(start + morning)}")
            rows[2].append(f"{_clock(back)} – {_clock(back + length - morning)}")
            rows[3].append(f"{length // 60} h {length % 60:02d}" if length % 60 else f"{length // 60} h")
    return rows


def _gratification(d: Draft, rng: random.Random) -> list[str]:
    """The article's paragraphs: owed past two months (L. 124-6), per hour with its monthly sum when it is the legal
    minimum, per month otherwise, or none."""
    st, money, host = d.facts.internship, d.words.money, d.words.host
    over = presence_hours(st.weekly_hours, st.start_date, st.end_date) > GRATIFICATION_HOURS
    to = "à la stagiaire" if d.she else "au stagiaire"
    hourly = number_fr(float(value_at(INTERN_HOURLY_MIN, st.start_date)))
    floor = float(gratification_floor(st.start_date, st.weekly_hours))
    law = ("Lorsque la durée du stage est supérieure à deux mois consécutifs ou, au cours d'une même année scolaire, "
           "à deux mois consécutifs ou non, le stagiaire perçoit une gratification dont le montant horaire est fixé à "
           "15 % du plafond horaire de la sécurité sociale (articles L. 124-6 et D. 124-8 du code de l'éducation).")
    if st.gratification == 0:
        return [law, (f"Aucune {money} n'est versée {to}." if over else
                      f"La durée du stage n'excédant pas deux mois, aucune {money} n'est versée {to}.")]
    monthly = euros(st.gratification)
    if abs(st.gratification - floor) < 0.005:
        amount = (f"{host.capitalize()} verse {to} une {money} de {hourly} € par heure de présence, soit {monthly} par "
                  f"mois pour une durée hebdomadaire de présence de {hours_fr(st.weekly_hours)} heures.")
    else:
        amount = rng.choice((f"{host.capitalize()} verse {to} une {money} mensuelle de {monthly}.",
                             f"Montant {the(money, 'de ')} : {monthly} par mois, versée par {host}."))
        if st.gratification > floor and rng.random() < 0.5:
            amount += f" Ce montant est supérieur au minimum légal ({hourly} € par heure de présence)."
    return [law if over else (f"La durée du stage n'excédant pas deux mois, {the(money)} est facultative ; {host} a "
                              "décidé d'en verser une."),
            amount,
            (f"{the(money).capitalize()} est due à compter du premier jour du premier mois de stage ; elle est versée "
             "mensuellement et, pour un mois incomplet, au prorata des heures de présence effective.")]


def _draft(facts: DossierFacts, rng: random.Random) -> Draft:
    st = facts.internship
    head, referent, coordinator = _others(rng, {st.tutor, st.host.manager}, 3)
    school = _school(st, head, rng)
    track = TRACKS.get(st.subject, TRACKS["Analyse de données commerciales"])
    farm = st.host.agricultural
    licence = school.university or rng.random() < 0.3
    partner = None if school.university or not licence else rng.choice(PARTNERS)
    if licence:
        course = f"Licence professionnelle {track.licence}"
        cls = "Licence professionnelle"
        code = "LP"
    else:
        course = f"Brevet de technicien supérieur agricole (BTSA) option {track.btsa}"
        cls = f"BTSA {track.short} – {rng.choice(('1re', '2e'))} année"
        code = f"BTSA-{track.short}"
    year = st.start_date.year if st.start_date.month >= 8 else st.start_date.year - 1
    made = min(st.start_date - dt.timedelta(days=rng.randint(20, 50)),
               facts.reference_date - dt.timedelta(days=rng.randint(8, 30)))
    return Draft(facts, school, track, _words(farm, rng), course, cls,
                 f"{year}-{code}-{rng.randint(1, 180):03d}", year, partner, referent, coordinator,
                 _gendered(rng.choice(track.farm_roles if farm else track.firm_roles), st.tutor),
                 _gendered(rng.choice(FARM_SIGNERS if farm else SIGNER_ROLES), st.host.manager),
                 _periods(st.start_date, st.end_date, rng), made, farm,
                 siret_spaced(st.siret) if rng.random() < 0.5 else st.siret, facts.person.sex == "F",
                 (st.start_date - facts.person.birth_date).days < 18 * 365)


def ruled_rows(flow: Flow, font: FontKey, rows: list[tuple[str, str]], label_w: float = 50.0) -> None:
    """Label | value lines between thin rules, the label in grey, the value in bold (wrapped in their columns)."""
    size = flow.size
    step = flow.line_height(size)
    for label, value in rows:
        labels = wrap(label, font, size, label_w - 3)
        values = wrap(value, bold(font), size, flow.width - label_w - 2)
        lines = max(len(labels), len(values))
        flow.ensure(step * lines + 1.4)
        for j, line in enumerate(labels):
            flow.sheet.add(Text(flow.margin + 1, flow.y + step * (j + 1), line, size, font, GREY))
        for j, line in enumerate(values):
            flow.sheet.add(Text(flow.margin + label_w, flow.y + step * (j + 1), line, size, bold(font)))
        flow.y += step * lines + 1.2
        flow.sheet.add(Rule(flow.margin, flow.y, flow.margin + flow.width, flow.y, 0.12, (185, 185, 185)))


class Page:
    """The convention's flow in one green, its article headings, panels and grids."""

    def __init__(self, font: FontKey, accent: Color, size: float, style: str) -> None:
        self.flow = Flow(font, size, margin=18, top=19, bottom=19)
        self.font, self.accent, self.style = font, accent, style

    def heading(self, number: int, title: str) -> None:
        flow = self.flow
        flow.space(1.6)
        flow.ensure(13)
        text = {"dash": f"Article {number} – {title}", "colon": f"Article {number} : {title}",
                "upper": f"ARTICLE {number} – {title.upper()}"}[self.style]
        flow.text(text, flow.size + 0.6, bold(self.font), color=self.accent)

    def band(self, title: str) -> None:
        """A heading in white on the green, across the page."""
        flow = self.flow
        flow.space(2.5)
        flow.ensure(20)
        flow.sheet.add(Box(flow.margin, flow.y, flow.width, 5.8, fill=self.accent, stroke=None),
                       Text(flow.margin + 2.5, flow.y + 4.2, title, 9, bold(self.font), (255, 255, 255)))
        flow.y += 6.6

    def panel(self, number: int, title: str, rows: list[list[tuple[str, str]]]) -> None:
        """A framed party: a pale band with its number in a green disc and its title, then rows of fields, each a
        small grey label above its value."""
        flow, size = self.flow, self.flow.size
        label_step, value_step = flow.line_height(6.6), flow.line_height(size)
        heights = []
        for row in rows:
            width = (flow.width - 8) / len(row)
            lines = max(len(wrap(value, bold(self.font), size, width - 3)) for _, value in row)
            heights.append(label_step + lines * value_step + 1.6)
        height = 7.5 + sum(heights) + 1.5
        flow.space(2)
        flow.ensure(height)
        top, x0 = flow.y, flow.margin
        flow.sheet.add(Box(x0, top, flow.width, height, stroke=self.accent, width=0.35),
                       Box(x0, top, flow.width, 6.2, fill=PALE, stroke=None),
                       Ellipse(x0 + 1.6, top + 0.8, 4.6, 4.6, fill=self.accent),
                       Text(x0 + 3.9, top + 4.3, str(number), 8, bold(self.font), (255, 255, 255), align="center"),
                       Text(x0 + 8.5, top + 4.4, title, 8.8, bold(self.font), self.accent))
        y = top + 7.5
        for row, row_height in zip(rows, heights):
            width = (flow.width - 8) / len(row)
            for i, (label, value) in enumerate(row):
                x = x0 + 4 + i * width
                flow.sheet.add(Text(x, y + label_step, label, 6.6, self.font, GREY))
                for j, line in enumerate(wrap(value, bold(self.font), size, width - 3)):
                    flow.sheet.add(Text(x, y + label_step + value_step * (j + 1), line, size, bold(self.font)))
            y += row_height
        flow.y = top + height

    def ruled(self, title: str, rows: list[tuple[str, str]]) -> None:
        """A party as a green square and its title, then label | value lines between thin rules."""
        flow = self.flow
        flow.space(2.2)
        flow.ensure(14)
        flow.sheet.add(Box(flow.margin, flow.y + 1.2, 2.6, 2.6, fill=self.accent, stroke=None),
                       Text(flow.margin + 4.5, flow.y + 3.8, title, 9, bold(self.font), self.accent))
        flow.y += 5.2
        ruled_rows(flow, self.font, rows)

    def grid(self, rows: list[list[str]], first: float, size: float = 7.4) -> None:
        """Ruled cells: the first column `first` mm wide and shaded, the head row shaded, the others even."""
        flow = self.flow
        height = flow.line_height(size) + 1.6
        flow.space(1.2)
        flow.ensure(height * len(rows) + 1)
        width = (flow.width - first) / (len(rows[0]) - 1)
        for i, row in enumerate(rows):
            x = flow.margin
            for j, cell in enumerate(row):
                w = first if j == 0 else width
                shaded = i == 0 or j == 0
                font = bold(self.font) if shaded else self.font
                fit = size
                while fit > 5.5 and text_width_mm(cell, font, fit) > w - 2:
                    fit -= 0.3
                flow.sheet.add(Box(x, flow.y, w, height, fill=PALE if shaded else None, stroke=LINE, width=0.2),
                               Text(x + w / 2, flow.y + height - 1.5, cell, fit, font, align="center"))
                x += w
            flow.y += height
        flow.y += 0.8

    def signatures(self, cells: list[tuple[str, list[str]]], per_row: int) -> None:
        """The signature table: a shaded head per signer, their name, the date they signed and room to sign."""
        flow = self.flow
        for start in range(0, len(cells), per_row):
            row = cells[start:start + per_row]
            width, head, body = flow.width / len(row), 9.5, 30.0 if per_row > 3 else 25.0
            flow.ensure(head + body + 1)
            top = flow.y
            for i, (role, lines) in enumerate(row):
                x = flow.margin + i * width
                flow.sheet.add(Box(x, top, width, head, fill=PALE, stroke=LINE, width=0.3),
                               Box(x, top + head, width, body, stroke=LINE, width=0.3))
                for j, part in enumerate(wrap(role, bold(self.font), 7.2, width - 3)[:2]):
                    flow.sheet.add(Text(x + width / 2, top + 3.9 + 3.1 * j, part, 7.2, bold(self.font),
                                        align="center"))
                y = top + head + 1
                for line in lines:
                    for part in wrap(line, self.font, 7.4, width - 3):
                        y += 3.3
                        flow.sheet.add(Text(x + 1.8, y, part, 7.4, self.font, GREY if line.startswith("(") else
                                            (0, 0, 0)))
            flow.y = top + head + body + 1.5


def _letterhead(page: Page, d: Draft) -> None:
    s, sheet, font, accent = d.school, page.flow.sheet, page.font, page.accent
    right = A4[0] - 18
    if s.public:
        sheet.add(Box(18, 11, 1.6, 6, fill=MARIANNE_BLUE, stroke=None),
                  Box(19.6, 11, 1.6, 6, fill=(255, 255, 255), stroke=(200, 200, 200), width=0.1),
                  Box(21.2, 11, 1.6, 6, fill=MARIANNE_RED, stroke=None),
                  Text(18, 21.5, "RÉPUBLIQUE", 7.4, bold(FontKey("sans"))),
                  Text(18, 24.6, "FRANÇAISE", 7.4, bold(FontKey("sans"))),
                  Text(18, 27.4, "Liberté · Égalité · Fraternité", 5.2, FontKey("serif", italic=True)))
        for i, line in enumerate(("MINISTÈRE DE L'AGRICULTURE", "ET DE LA SOUVERAINETÉ", "ALIMENTAIRE")):
            sheet.add(Text(18, 31.6 + 2.7 * i, line, 5.8, bold(FontKey("sans"))))
    else:
        initials = _slug(s.name).upper()[:4]
        sheet.add(Ellipse(18, 11, 20, 20, fill=accent),
                  Text(28, 23, initials, 10 if len(initials) < 4 else 8.5, bold(font), (255, 255, 255), align="center"),
                  Text(18, 35.5, "Licences professionnelles" if s.university else "Enseignement agricole", 6.4,
                       bold(font), accent))
    lines = [(s.name, 11.5, bold(font), (0, 0, 0)), (s.status, 6.8, font, accent), (s.centres, 6.8, font, GREY),
             (s.address, 7.4, font, (0, 0, 0)), (f"Tél. {s.phone} – {s.email}", 7.4, font, (0, 0, 0)),
             (f"UAI {s.uai} – SIRET {siret_spaced(s.siret)}", 7.2, font, GREY)]
    if not s.university:
        lines.append((f"Autorité académique : DRAAF {s.region} – Service régional de la formation et du développement",
                      6.4, font, GREY))
    y = 13.5
    for text, size, key, color in lines:
        for part in wrap(text, key, size, 118):
            sheet.add(Text(right, y, part, size, key, color, align="right"))
            y += size * 0.3528 * 1.3
    sheet.add(Rule(18, 41.5, right, 41.5, 0.6, accent), Rule(18, 42.6, right, 42.6, 0.2, accent))
    page.flow.y = 44


def _title(page: Page, d: Draft, rng: random.Random) -> None:
    flow, font, accent = page.flow, page.font, page.accent
    title, subtitle = rng.choice((("CONVENTION DE STAGE", "Stage en milieu professionnel – enseignement agricole"),
                                  ("CONVENTION DE STAGE EN MILIEU PROFESSIONNEL",
                                   "Étudiants de l'enseignement supérieur court agricole"),
                                  ("CONVENTION DE STAGE",
                                   f"Entre l'établissement d'enseignement agricole, {d.words.host} et le stagiaire")))
    top = flow.y + 2
    box_x, box_w = A4[0] - 18 - 58, 58
    flow.sheet.add(Box(18, top, 1.6, 15, fill=accent, stroke=None),
                   Text(22, top + 6, title, 13 if len(title) < 20 else 11.5, bold(font)))
    for i, part in enumerate(wrap(subtitle, font, 8, box_x - 26)):
        flow.sheet.add(Text(22, top + 10.5 + 3.2 * i, part, 8, font, accent))
    rows = (("Convention n°", d.number), ("Année scolaire", f"{d.year}-{d.year + 1}"), ("Classe", d.cls))
    for i, (label, value) in enumerate(rows):
        y = top + 5.6 * i
        flow.sheet.add(Box(box_x, y, 22, 5.6, fill=PALE, stroke=LINE, width=0.2),
                       Box(box_x + 22, y, box_w - 22, 5.6, stroke=LINE, width=0.2),
                       Text(box_x + 1.2, y + 3.9, label, 6.4, font, GREY),
                       Text(box_x + 23.2, y + 3.9, value, 6.8 if len(value) < 26 else 5.9, bold(font)))
    flow.y = top + 19


def _recitals(page: Page, d: Draft, rng: random.Random) -> None:
    deliberation = d.made - dt.timedelta(days=rng.randint(200, 1400))
    board = "conseil d'administration" if d.school.public or d.school.university else "conseil d'établissement"
    text = ("Vu le code rural et de la pêche maritime, notamment ses articles L. 751-1, L. 811-1 et suivants"
            + ("" if d.school.public or d.school.university else " et L. 813-1")
            + " ; vu le code de l'éducation, notamment ses articles L. 124-1 à L. 124-20 et D. 124-1 à D. 124-13 ; "
            "vu le code du travail, notamment ses articles L. 4153-1 à L. 4153-9 et D. 4153-15 et suivants ; "
            f"vu le référentiel du diplôme préparé ; vu la délibération du {board} de l'établissement en date du "
            f"{date_slash(deliberation)} approuvant la convention type de stage.")
    page.flow.text(text, 6.8, color=GREY)


def _parties(page: Page, d: Draft, rng: random.Random, ruled: bool) -> None:
    person, st, s, w = d.facts.person, d.facts.internship, d.school, d.words
    host = st.host
    phone_host, phone_intern = _phone(rng), _phone(rng)
    ine = f"{rng.randint(0, 9999999999):010d}{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}"
    social = (f"MSA – {MSA_CAISSES.get(host.city, 'MSA Grand Sud')}" if d.farm else
              rng.choice(("Régime général – Urssaf", "Urssaf (régime général)")))
    pacage = f"0{host.address.split(', ')[-1][:2]}{rng.randint(0, 999999):06d}" if d.farm else ""
    school = [("Nom de l'établissement", s.name), ("Adresse", s.address), ("N° UAI", s.uai),
              ("SIRET", s.siret), ("Représenté par", f"{_civ(s.head)}, {s.head_title[0].lower()}{s.head_title[1:]}"),
              ("Enseignant(e) référent(e)", f"{_civ(d.referent)} – {d.track.discipline}"),
              ("Coordonnateur(rice) de la formation", _civ(d.coordinator))]
    if d.partner:
        school.insert(5, ("Diplôme délivré par", f"{d.partner} (établissement partenaire)"))
    host_rows = [(w.host_name_label, host.name), ("Forme juridique", host.legal_form), (w.siret_label, d.siret),
                 ("Code NAF", host.ape), ("Adresse", host.address), ("Protection sociale", social)]
    if d.farm:
        host_rows.append(("N° PACAGE", pacage))
    host_rows += [("Représenté(e) par", f"{_civ(host.manager)}, {d.signer_role.lower()}"),
                  ("Maître de stage", f"{_civ(st.tutor)}, {d.tutor_role.lower()}"), ("Téléphone", phone_host)]
    intern = [(w.name_labels[0], person.surname), (w.name_labels[1], st.given_names),
              (w.birth_label, date_slash(person.birth_date)), ("Adresse", person.address),
              ("Classe", d.cls), ("N° INE", ine), ("Régime", rng.choice(REGIMES)), ("Téléphone", phone_intern),
              ("Représentant légal", "à compléter (stagiaire mineur)" if d.minor else "sans objet (majeur)")]
    parties = [("L'ÉTABLISSEMENT D'ENSEIGNEMENT SUPÉRIEUR" if s.university else
                "L'ÉTABLISSEMENT D'ENSEIGNEMENT AGRICOLE", school), (w.host_heading, host_rows),
               (w.intern_heading, intern)]
    flow = page.flow
    flow.space(1.5)
    flow.text("La présente convention est conclue entre les parties désignées ci-dessous :", flow.size,
              bold(page.font))
    if ruled:
        for title, rows in parties:
            page.ruled(title, rows)
    else:
        for number, (title, rows) in enumerate(parties, 1):
            page.panel(number, title, [rows[i:i + 3] for i in range(0, len(rows), 3)])


Paragraph = str | list[list[str]]  # a list of rows is a grid


def _articles(d: Draft, rng: random.Random, long: bool) -> list[tuple[str, Sequence[Paragraph]]]:
    """(title, paragraphs) per article."""
    st, w, host = d.facts.internship, d.words, d.words.host
    intern, e, pronoun = ("la stagiaire", "e", "elle") if d.she else ("le stagiaire", "", "il")
    Host, Intern = host.capitalize(), intern.capitalize()
    spell = rng.choice((date_slash, date_long, date_with_weekday))
    periods: list[Paragraph] = []
    if len(d.periods) == 1:
        periods.append(f"Le stage se déroule du {spell(st.start_date)} au {spell(st.end_date)} inclus, soit "
                       f"{_length(st.start_date, st.end_date)}.")
    else:
        periods.append("Le stage est effectué en deux périodes :")
        periods.append([["Période", "Du", "Au", "Durée"]]
                       + [[f"{i}{'re' if i == 1 else 'e'} période", spell(first), spell(last), _length(first, last)]
                          for i, (first, last) in enumerate(d.periods, 1)])
        periods.append(f"Entre ces deux périodes, {intern} suit les enseignements à l'établissement.")
    periods.append(f"Lieu du stage : {rng.choice(('au siège de ' + host, st.host.address))}.")
    hours: list[Paragraph] = [f"Durée hebdomadaire de présence : {hours_fr(st.weekly_hours)} heures."]
    timetable = _timetable(st.weekly_hours, rng)
    if timetable:
        hours.append(timetable)
    hours.append("Le repos hebdomadaire est d'au moins 35 heures consécutives. Les soins aux animaux le dimanche ne "
                 f"peuvent être confiés {'à la' if d.she else 'au'} stagiaire qu'avec son accord et donnent lieu à "
                 "un repos compensateur." if d.farm else
                 "La présence de nuit, le dimanche et les jours fériés est exclue.")
    weeks = (st.end_date - st.start_date).days // 7
    visit = st.start_date + dt.timedelta(days=7 * rng.randint(1, max(1, weeks - 1)))
    visit += dt.timedelta(days=(1 - visit.weekday()) % 7)  # a Tuesday
    lodging = LODGING[0] if d.farm and rng.random() < 0.7 else rng.choice(LODGING[1:])
    of = "de la stagiaire" if d.she else "du stagiaire"
    activities = [st.subject] + [a for a in d.track.activities if a != st.subject][:rng.randint(2, 3)]
    machines = [(f"{Intern} peut utiliser les machines et matériels de l'exploitation sous la surveillance du maître "
                 "de stage, après avoir reçu la formation à la sécurité nécessaire.")] if d.farm else []
    school = "l'établissement" if d.school.university else "l'établissement d'enseignement agricole"
    articles: list[tuple[str, Sequence[Paragraph]]] = [
        ("Objet de la convention",
         [(f"La présente convention règle les rapports entre {school}, {host} et {intern}, dans le cadre du stage en "
           f"milieu professionnel prévu par le référentiel de la formation suivie : {d.course}.")]),
        ("Période(s) de stage", periods),
        ("Durée hebdomadaire de présence et horaires", hours),
        ("Encadrement du stagiaire",
         [(f"Le maître de stage, {_civ(st.tutor)}, {d.tutor_role.lower()}, accueille {intern}, organise ses "
           "activités et veille au respect de la présente convention."),
          (f"L'enseignant(e) référent(e), {_civ(d.referent)}, assure le suivi pédagogique ; une visite sur le lieu "
           f"de stage est prévue le {date_slash(visit)}, en présence du maître de stage.")]),
        ("Activités confiées", [f"– {a}" for a in activities] + machines),
        (w.money.capitalize(), _gratification(d, rng)),
        ("Avantages et frais",
         [line.format(Intern=Intern, e=e, host=host, of=of)
          for line in (lodging, rng.choice(MEALS[::2] if d.farm else MEALS[1:]))]  # a farm has no canteen
         + [(f"Les déplacements professionnels demandés par {host} sont remboursés sur la base de "
             f"{number_fr(rng.choice((0.25, 0.3, 0.35, 0.4)))} € par kilomètre.")]),
        ("Protection sociale et accidents",
         [(f"{Intern} conserve sa protection sociale d'étudiant{e}. En application de l'article L. 751-1 du code "
           f"rural et de la pêche maritime, {pronoun} bénéficie de la législation sur les accidents du travail des "
           "salariés agricoles."),
          (f"En cas d'accident survenant au cours du stage ou du trajet, {host} en informe le chef d'établissement "
           "dans la journée ; le chef d'établissement le déclare à la caisse de mutualité sociale agricole dont relève "
           "l'établissement dans les 48 heures.")]),
        ("Responsabilité civile et assurances",
         [(f"Établissement : {rng.choice(SCHOOL_INSURERS)}, contrat n° {rng.randint(1000000, 9999999)}. "
           f"{Host} : {rng.choice(HOST_INSURERS)}, police n° {rng.randint(10000000, 99999999)}.")]),
        ("Discipline",
         [(f"{Intern} est soumis{e} aux règles d'hygiène, de sécurité et d'horaires applicables au sein de {host}. "
           f"En cas de manquement, {host} en informe le chef d'établissement, qui peut mettre fin au stage après "
           "avoir entendu les parties.")]),
        ("Absences et congés",
         [("Toute absence est signalée le jour même au maître de stage et à l'établissement. Pour un stage de plus de "
           "deux mois, des congés et autorisations d'absence sont accordés dans les conditions de l'article "
           "L. 124-13 du code de l'éducation.")]),
        ("Fin du stage et attestation",
         [(f"À l'issue du stage, le maître de stage remplit la fiche d'évaluation transmise par l'établissement, et "
           f"{host} délivre {'à la' if d.she else 'au'} stagiaire une attestation de stage mentionnant la durée "
           f"effective du stage et le montant total {the(w.money, 'de ')} perçue.")]),
    ]
    if long:
        articles[9:9] = [("Santé et sécurité",
                          [(f"{Host} informe {intern} des risques auxquels {pronoun} est exposé{e} et lui fournit les "
                            "équipements de protection individuelle nécessaires (chaussures de sécurité, gants, "
                            "protections auditives). Les travaux réglementés ne peuvent lui être confiés que dans les "
                            "conditions du code du travail.")])]
        articles += [("Confidentialité", [(f"{Intern} s'engage à ne pas divulguer les informations recueillies sur "
                                           f"{host} sans son accord.")]),
                     ("Litiges", [("Les difficultés nées de l'application de la présente convention sont réglées à "
                                   "l'amiable ; à défaut, le tribunal administratif dans le ressort duquel se trouve "
                                   "l'établissement est compétent.")])]
    return articles


def _annexe(page: Page, d: Draft, rng: random.Random) -> None:
    """The third page's annexe pédagogique: objectives, the referent teacher's and the maître de stage's contacts."""
    flow, st = page.flow, d.facts.internship
    page.band("ANNEXE PÉDAGOGIQUE")
    objectives = ("Découvrir l'organisation et le fonctionnement de la structure d'accueil",
                  "Mettre en œuvre les compétences du référentiel en situation professionnelle",
                  "Recueillir les informations nécessaires au rapport de stage et à l'épreuve professionnelle")
    flow.text("Objectifs du stage", flow.size, bold(page.font), color=page.accent)
    for objective in objectives:
        flow.text(f"– {objective}", indent=2)
    flow.space(1)
    flow.text("Modalités d'évaluation", flow.size, bold(page.font), color=page.accent)
    flow.text("Le maître de stage complète la grille d'évaluation à la fin de chaque période ; le rapport de stage "
               "est remis à l'enseignant(e) référent(e) au plus tard trois semaines après la fin du stage.")
    flow.space(1)
    domain = "educagri.fr" if d.school.public else d.school.email.split("@")[1]
    page.grid([["", "Enseignant(e) référent(e)", "Maître de stage"],
               ["Nom", d.referent, st.tutor],
               ["Fonction", d.track.discipline, d.tutor_role],
               ["Téléphone", _phone(rng), _phone(rng)],
               ["Courriel", f"{_ascii(d.referent).replace('-', '.')}@{domain}", "—"]], 30, 7.6)


def _footer(page: Page, d: Draft):
    flow = page.flow

    def draw(sheet: Sheet, n: int) -> None:
        y = A4[1] - 11
        left = f"{d.school.name} – Convention de stage n° {d.number}"
        sheet.add(Rule(18, y - 3.6, A4[0] - 18, y - 3.6, 0.3, page.accent),
                  Text(A4[0] - 18, y, f"Page {n} sur {len(flow.sheets)}", 6.8, page.font, GREY, align="right"))
        width = A4[0] - 36 - text_width_mm("Page 0 sur 0", page.font, 6.8) - 6
        sheet.add(Text(18, y, wrap(left, page.font, 6.8, width)[0], 6.8, page.font, GREY))
    return draw


def convention_agricole(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    """Two pages or three (an annexe pédagogique before the signatures): drawn again in a smaller size, with the same
    draws, when the text runs over."""
    pages = rng.choice((2, 3))
    state = rng.getstate()
    for size in (8.6, 8.2, 7.8, 7.4):
        rng.setstate(state)
        sheets = _sheets(facts, rng, size, pages)
        if len(sheets) <= pages:
            break
    return _agreement_piece(facts, "convention_agricole", sheets)


def _sheets(facts: DossierFacts, rng: random.Random, size: float, pages: int) -> list[Sheet]:
    st, person = facts.internship, facts.person
    d = _draft(facts, rng)
    page = Page(FontKey(rng.choice(FONTS)), rng.choice(GREENS), size, d.words.heading_style)
    flow = page.flow
    flow.footer = _footer(page, d)
    _letterhead(page, d)
    _title(page, d, rng)
    _recitals(page, d, rng)
    _parties(page, d, rng, pages == 3 and rng.random() < 0.6)  # ruled lines take more room than panels
    flow.space(1.5)
    flow.text("Il est convenu ce qui suit :", flow.size, bold(page.font))
    for number, (title, paragraphs) in enumerate(_articles(d, rng, pages == 3), 1):
        page.heading(number, title)
        for paragraph in paragraphs:
            if isinstance(paragraph, list):
                page.grid(paragraph, 24 if len(paragraph[0]) > 4 else 30)
            else:
                flow.text(paragraph)
    if pages == 3:
        if len(flow.sheets) < 3:
            flow.new_page()
        else:
            flow.space(3)
        _annexe(page, d, rng)
    elif len(flow.sheets) == 1:
        flow.new_page()
    per_row = rng.choice((5, 3)) if pages == 3 else 5  # two rows of signatures take more room
    flow.space(3)
    flow.ensure(8 + (41.5 if per_row == 5 else 2 * 36.5))  # the place with the table
    flow.text(f"Fait à {d.school.town}, en {'cinq' if d.minor else 'quatre'} exemplaires originaux. Chaque signature "
              "est précédée de la mention « Lu et approuvé ».", flow.size)
    flow.space(1.5)
    signed = [d.made - dt.timedelta(days=rng.randint(0, 9)) for _ in range(4)]
    signed[0] = d.made  # the chef d'établissement signs last
    head = "Pour le président de l'université" if d.school.university else "Le chef d'établissement"
    cells = [(head, [_civ(d.school.head), f"Le {date_slash(signed[0])}", "(signature et cachet)"]),
             (d.words.host_sign, [_civ(st.host.manager), f"Le {date_slash(signed[1])}", "(signature et cachet)"]),
             ("Le maître de stage", [_civ(st.tutor), f"Le {date_slash(signed[2])}"]),
             ("La stagiaire" if d.she else "Le stagiaire", [f"{st.given_names} {person.surname}",
                                                   f"Le {date_slash(signed[3])}"]),
             ("Son représentant légal (s'il est mineur)", ["Le ..../..../........" if d.minor else "(sans objet)"])]
    page.signatures(cells, per_row)
    return flow.finish()
