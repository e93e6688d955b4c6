"""Fresh internship agreement family `school_portal` (issue 9, point 5; second wave): a convention de
stage as a school's internship portal prints it — a coloured header band with the convention number,
numbered sections "1. L'ÉTABLISSEMENT" … "6. GRATIFICATION" laid out as bordered label/value grids
(two pairs to a row where they fit), dates as "Date de début du stage : 02/03/2026", the gratification
per month (with the hourly rate when it is the legal one), then the general clauses in small print and
a signature block where each of the five roles signs in its own cell. Every page carries the portal's
footer ("Convention n° … – page 1/3", the date it was edited)."""
from __future__ import annotations

import datetime as dt
import random
import unicodedata

from synth.companies import french_name
from synth.facts import DossierFacts, InternshipFacts
from synth.fmt import date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, STREETS
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.education import _agreement_piece

Pair = tuple[str, str]
BANDS: tuple[Color, ...] = ((18, 52, 96), (110, 20, 45), (20, 86, 78), (52, 52, 60))
LABEL_SHADE: Color = (236, 238, 242)
LABEL_WIDTH = 40.0  # mm, the shaded label cell of each pair
LEGAL_HOURLY = 4.50  # the minimum hourly gratification a portal prints beside the monthly amount
PROGRAMMES = ("Programme Grande École – M1", "Bachelor in Business Administration – 3e année", "MSc Marketing digital",
              "Master Finance d'entreprise", "Cycle ingénieur – 4e année", "BTS Management commercial opérationnel")
HEAD_TITLES = ("Directeur général", "Directrice générale", "Directeur des études", "Directrice de la formation")
TUTOR_ROLES = ("Responsable d'équipe", "Chef de projet", "Directeur technique", "Responsable administratif",
               "Chargée de mission", "Responsable des ressources humaines")
SIGNER_ROLES = ("Gérant(e)", "Président(e)", "Directeur(rice) général(e)", "Responsable RH")


def _email(name: str, domain: str) -> str:
    """prenom.nom@domain, accents and spaces dropped, as a portal prints its contacts."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w.strip("'") for w in plain.replace("'", " ").split()]
    return f"{words[0]}.{'-'.join(words[1:])}@{domain}"


def _phone(rng: random.Random) -> str:
    return f"0{rng.randint(1, 5)} " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4))


def _grid(flow: Flow, rows: list[list[Pair]], band: Color) -> None:
    """Bordered rows of one or two (label, value) pairs: the label in a shaded cell, the value wrapped
    beside it; a row is as tall as its longest value."""
    size, step = flow.size, flow.line_height()
    for row in rows:
        width = flow.width / len(row)
        cells = [(label, wrap(value, flow.font, size, width - LABEL_WIDTH - 3),
                  wrap(label, flow.font, size - 1, LABEL_WIDTH - 2.5)) for label, value in row]
        height = max(max(len(v), len(lab)) for _, v, lab in cells) * step + 2.6
        flow.ensure(height)
        for i, (_, values, labels) in enumerate(cells):
            x = flow.margin + i * width
            flow.sheet.add(Box(x, flow.y, LABEL_WIDTH, height, fill=LABEL_SHADE, stroke=(150, 150, 160), width=0.2),
                           Box(x + LABEL_WIDTH, flow.y, width - LABEL_WIDTH, height, stroke=(150, 150, 160),
                               width=0.2))
            for j, line in enumerate(labels):
                flow.sheet.add(Text(x + 1.5, flow.y + step * (j + 1), line, size - 1, flow.font, band))
            for j, line in enumerate(values):
                flow.sheet.add(Text(x + LABEL_WIDTH + 1.8, flow.y + step * (j + 1), line, size, flow.font))
        flow.y += height


def _section(flow: Flow, number: int, title: str, band: Color) -> None:
    flow.space(3)
    flow.ensure(20)
    flow.sheet.add(Box(flow.margin, flow.y, flow.width, 6.2, fill=band, stroke=None),
                   Text(flow.margin + 2, flow.y + 4.4, f"{number}. {title}", 9.5, bold(flow.font), (255, 255, 255)))
    flow.y += 6.2


def _gratification(st: InternshipFacts, rng: random.Random) -> list[list[Pair]]:
    if st.gratification == 0:
        return [[("Gratification", "Non"), ("Montant", "Sans objet")],
                [("Avantages", "Accès au restaurant d'entreprise ; remboursement de 50 % de l'abonnement de transport")]]
    monthly = euros(st.gratification)
    rate = st.gratification / (st.weekly_hours * 52 / 12)
    amount = (f"{number_fr(LEGAL_HOURLY)} € par heure de présence, soit {monthly} par mois"
              if abs(rate - LEGAL_HOURLY) < 0.005 else f"{monthly} par mois")
    return [[("Gratification", "Oui"), ("Versement", rng.choice(("Mensuel, par virement", "Mensuel")))],
            [("Montant de la gratification", amount)],
            [("Avantages", rng.choice(("Titres-restaurant", "Néant", "Prise en charge de 50 % du titre de transport")))]]


def _footer(number: str, edited: dt.date, flow: Flow):
    def draw(sheet: Sheet, page: int) -> None:
        y = A4[1] - 12
        sheet.add(Rule(flow.margin, y - 4, A4[0] - flow.margin, y - 4, 0.2, (160, 160, 160)),
                  Text(flow.margin, y, f"Convention n° {number} – éditée le {date_slash(edited)} depuis "
                       "la plateforme des stages", 7, flow.font, (110, 110, 110)),
                  Text(A4[0] - flow.margin, y, f"Page {page}/{len(flow.sheets)}", 7, flow.font, (110, 110, 110),
                       align="right"))
    return draw


def _continued(institution: str, number: str, band: Color, font: FontKey):
    def draw(sheet: Sheet) -> None:
        sheet.add(Box(0, 0, A4[0], 14, fill=band, stroke=None),
                  Text(16, 9, institution, 9, bold(font), (255, 255, 255)),
                  Text(A4[0] - 16, 9, f"Convention de stage n° {number}", 8, font, (225, 228, 235), align="right"))
    return draw


CLAUSES = (
    ("Objet", ("La présente convention règle les rapports entre l'organisme d'accueil, l'établissement "
               "d'enseignement et le stagiaire, pour un stage intégré au cursus de formation.")),
    ("Statut du stagiaire", ("Le stagiaire demeure étudiant de l'établissement pendant toute la durée du stage. "
                             "Il n'est pas lié à l'organisme d'accueil par un contrat de travail.")),
    ("Présence et congés", ("La durée de présence ne peut excéder celle des salariés de l'organisme. Le stagiaire "
                            "bénéficie de congés et d'autorisations d'absence dans les conditions prévues au "
                            "code de l'éducation.")),
    ("Protection sociale", ("Le stagiaire conserve la couverture sociale dont il relève. Tout accident survenu "
                            "sur le lieu du stage ou pendant le trajet est déclaré à l'établissement sous 48 heures.")),
    ("Interruption", ("En cas de manquement grave, le stage peut être interrompu après concertation des parties ; "
                      "l'établissement en est informé par écrit.")),
    ("Attestation", ("À l'issue du stage, l'organisme d'accueil remet au stagiaire une attestation indiquant la "
                     "durée effective du stage et, le cas échéant, le montant de la gratification versée.")),
)


def _signatures(flow: Flow, cells: list[tuple[str, str]], band: Color) -> None:
    """One cell per role: the role, the signer's name, then 'Lu et approuvé', the date and room to sign."""
    width, top = flow.width / len(cells), flow.y + 2
    flow.ensure(48)
    for i, (role, name) in enumerate(cells):
        x = flow.margin + i * width
        flow.sheet.add(Box(x, top, width, 44, stroke=(120, 120, 130), width=0.25),
                       Text(x + 2, top + 5, role, 8, bold(flow.font), band))
        for j, line in enumerate(wrap(name, flow.font, 8.5, width - 4)):
            flow.sheet.add(Text(x + 2, top + 10 + 3.8 * j, line, 8.5, flow.font))
        flow.sheet.add(Text(x + 2, top + 22, "Date :", 7.5, flow.font, (110, 110, 110)),
                       Text(x + 2, top + 27, "« Lu et approuvé »", 7.5, flow.font, (110, 110, 110)))
    flow.y = top + 46


def school_portal(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, st = facts.person, facts.internship
    host, band = st.host, rng.choice(BANDS)
    font = FontKey(rng.choice(("lsans", "sans", "condensed")))
    school_city, postcode = rng.choice(FRENCH_CITIES)
    head, referent = french_name(rng), french_name(rng)
    domain = rng.choice(("ecole-stages.fr", "campus-entreprises.fr", "portail-stages.fr"))
    year = st.start_date.year if st.start_date.month >= 9 else st.start_date.year - 1
    number = f"CS{year % 100:02d}-{rng.randint(100000, 999999)}"
    edited = min(st.start_date - dt.timedelta(days=rng.randint(10, 40)), facts.reference_date)
    days = (st.end_date - st.start_date).days + 1
    flow = Flow(font, 8.6, margin=16, top=38, bottom=24)
    flow.footer = _footer(number, edited, flow)
    flow.header = _continued(st.institution, number, band, font)  # the pages after the first
    flow.sheet.add(Box(0, 0, A4[0], 28, fill=band, stroke=None),
                   Text(16, 13, st.institution, 13, bold(font), (255, 255, 255)),
                   Text(16, 19.5, "Service Stages & Relations Entreprises", 8, font, (225, 228, 235)),
                   Text(A4[0] - 16, 13, "CONVENTION DE STAGE", 12, bold(font), (255, 255, 255), align="right"),
                   Text(A4[0] - 16, 19.5, f"N° {number} – Année {year}-{year + 1}", 8, font, (225, 228, 235),
                        align="right"))
    flow.text("Convention établie en application des articles L. 124-1 à L. 124-20 et D. 124-1 à D. 124-13 du "
              "code de l'éducation, entre les parties désignées ci-dessous.", 8, color=(70, 70, 70))
    _section(flow, 1, "L'ÉTABLISSEMENT D'ENSEIGNEMENT", band)
    head_title = rng.choice(HEAD_TITLES)
    _grid(flow, [[("Nom", st.institution)],
                 [("Adresse", f"{rng.randint(1, 120)} {rng.choice(STREETS)}, {postcode} {school_city}")],
                 [("Représenté par", head), ("Qualité", head_title)],
                 [("Formation", rng.choice(PROGRAMMES)), ("Téléphone", _phone(rng))]], band)
    _section(flow, 2, "L'ORGANISME D'ACCUEIL", band)
    signer_role = rng.choice(SIGNER_ROLES)
    _grid(flow, [[("Raison sociale", host.name)],
                 [("N° SIRET", siret_spaced(st.siret) if rng.random() < 0.5 else st.siret),
                  ("Forme juridique", host.legal_form)],
                 [("Adresse", host.address)],
                 [("Représenté par", host.manager), ("Fonction", signer_role)],
                 [("Lieu du stage", rng.choice(("Identique à l'adresse ci-dessus", host.address)))]], band)
    _section(flow, 3, "LE/LA STAGIAIRE", band)
    _grid(flow, [[("Nom", person.surname), ("Prénom(s)", st.given_names)],
                 [("Date de naissance", date_slash(person.birth_date)),
                  ("N° étudiant", str(rng.randint(20000000, 29999999)))],
                 [("Adresse", person.address)],
                 [("Courriel", _email(f"{st.given_names} {person.surname}", "etu." + domain))]], band)
    _section(flow, 4, "LE STAGE", band)
    _grid(flow, [[("Sujet du stage", st.subject)],
                 [("Date de début du stage", date_slash(st.start_date)),
                  ("Date de fin du stage", date_slash(st.end_date))],
                 [("Durée hebdomadaire de présence", f"{hours_fr(st.weekly_hours)} heures"),
                  ("Durée du stage", f"{days // 7} semaines" + (f" et {days % 7} jour(s)" if days % 7 else ""))],
                 [("Répartition", rng.choice(("Du lundi au vendredi", "5 jours par semaine", "Selon planning")))]],
          band)
    _section(flow, 5, "ENCADREMENT DU STAGE", band)
    tutor_role = rng.choice(TUTOR_ROLES)
    _grid(flow, [[("Tuteur dans l'organisme", st.tutor), ("Fonction", tutor_role)],
                 [("Enseignant référent", referent), ("Téléphone", _phone(rng))],
                 [("Courriel du référent", _email(referent, domain))]], band)
    _section(flow, 6, "GRATIFICATION", band)
    _grid(flow, _gratification(st, rng), band)
    if len(flow.sheets) == 1:  # the clauses start a page of their own, unless the grids already spilled over
        flow.new_page()
        flow.y = 24
    else:
        flow.space(6)
    flow.text("CLAUSES GÉNÉRALES", 10, bold(font), color=band)
    for i, (title, body) in enumerate(CLAUSES, 1):
        flow.space(1.5)
        flow.text(f"Article {i} – {title}", 8.2, bold(font))
        flow.text(body, 8.2)
    flow.space(6)
    flow.text("SIGNATURES", 10, bold(font), color=band)
    flow.text(f"Fait en trois exemplaires à {school_city}, le {date_slash(edited)}.", 8.6)
    intern = f"{person.civility} {st.given_names} {person.surname}"
    _signatures(flow, [("L'établissement", f"{head}, {head_title}"),
                       ("L'organisme d'accueil", f"{host.manager}, {signer_role}"),
                       ("Le/la stagiaire", intern)], band)
    _signatures(flow, [("Le tuteur de stage", f"{st.tutor}, {tutor_role}"),
                       ("L'enseignant référent", referent)], band)
    return _agreement_piece(facts, "school_portal", flow.finish())
