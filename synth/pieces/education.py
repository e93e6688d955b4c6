"""Internship agreement (two phrasings; later families in internships.py), diploma (French or English) and CV (two layouts)."""
from __future__ import annotations

import datetime as dt
import random

from synth.facts import DossierFacts
from synth.fmt import date_fr, date_slash, euros, hours_fr, siret_spaced
from synth.fonts import FontKey
from synth.layout import A4, Box, Flow, Sheet, Text
from synth.people import FRENCH_CITIES
from synth.pieces.base import BuiltPiece, body_font, bold, family
from synth.pieces.cv_more import LATER_CVS, later_cv_sheets
from synth.pieces.diploma_more import later_diploma_sheet
from synth.pieces.internships import LATER_AGREEMENTS, AgreementWords

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def build_internship_agreement(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, st = facts.person, facts.internship
    host = st.host
    font = body_font(rng)
    template = family(facts, rng, "internship_agreement")
    date_style = rng.choice(("slash", "long"))
    siret = siret_spaced(st.siret) if rng.random() < 0.5 else st.siret
    gratification = ("Aucune gratification n'est versée au stagiaire." if st.gratification == 0 else
                     f"Le stagiaire perçoit une gratification mensuelle de {euros(st.gratification)}.")
    if template in LATER_AGREEMENTS:
        sheets = LATER_AGREEMENTS[template](AgreementWords(facts, font, date_style, siret), rng)
        return _agreement_piece(facts, template, sheets)
    flow = Flow(font, 10, top=22)
    flow.text(st.institution, 11, bold(font))
    flow.space(4)
    flow.text("CONVENTION DE STAGE", 16, bold(font), "center")
    flow.text("entre l'établissement d'enseignement, l'organisme d'accueil et le stagiaire", 9.5, font, "center")
    flow.space(5)
    if template == "articles":
        flow.text("1 – L'ÉTABLISSEMENT D'ENSEIGNEMENT", 10.5, bold(font))
        flow.pairs([("Nom", st.institution), ("Représenté par", "le directeur des études")], 45)
        flow.text("2 – L'ORGANISME D'ACCUEIL", 10.5, bold(font))
        flow.pairs([("Nom", host.name), ("Forme", host.legal_form), ("SIRET", siret), ("Adresse", host.address),
                    ("Tuteur", st.tutor)], 45)
        flow.text("3 – LE STAGIAIRE", 10.5, bold(font))
        flow.pairs([("Nom", person.surname), ("Prénom(s)", st.given_names),
                    ("Né(e) le", date_slash(person.birth_date)), ("Adresse", person.address)], 45)
        flow.space(3)
        articles = [
            ("Article 1 – Objet", f"La présente convention règle les rapports entre les parties pour le stage portant sur : {st.subject}."),
            ("Article 2 – Dates", f"Le stage se déroule du {date_fr(st.start_date, date_style)} au {date_fr(st.end_date, date_style)}."),
            ("Article 3 – Durée hebdomadaire", f"La durée de présence du stagiaire est de {hours_fr(st.weekly_hours)} heures par semaine."),
            ("Article 4 – Gratification", gratification),
        ]
        for title, body in articles:
            flow.text(title, 10.5, bold(font))
            flow.text(body)
            flow.space(1.5)
        flow.new_page()
        for title, body in [("Article 5 – Protection sociale", "Le stagiaire conserve sa protection sociale d'étudiant."),
                            ("Article 6 – Discipline", "Le stagiaire est soumis aux règles de l'organisme d'accueil."),
                            ("Article 7 – Attestation", "À l'issue du stage, l'organisme d'accueil délivre une attestation de stage.")]:
            flow.text(title, 10.5, bold(font))
            flow.text(body)
            flow.space(1.5)
    else:
        flow.pairs([("Établissement d'enseignement", st.institution),
                    ("Organisme d'accueil", f"{host.name} ({host.legal_form})"),
                    ("N° SIRET de l'organisme", siret), ("Adresse", host.address),
                    ("Stagiaire", f"{person.surname} {st.given_names}"),
                    ("Date de naissance", date_slash(person.birth_date)),
                    ("Sujet du stage", st.subject),
                    ("Période", f"du {date_fr(st.start_date, date_style)} au {date_fr(st.end_date, date_style)}"),
                    ("Durée hebdomadaire", f"{hours_fr(st.weekly_hours)} heures"),
                    ("Gratification mensuelle", "aucune gratification" if st.gratification == 0 else euros(st.gratification)),
                    ("Tuteur dans l'organisme", st.tutor)], 68)
        flow.space(4)
        flow.text(gratification + " Les frais de déplacement éventuels sont remboursés sur justificatif.")
        flow.new_page()
        flow.text("Le stagiaire s'engage à respecter les règles de l'organisme d'accueil et à ne pas divulguer "
                  "les informations recueillies. L'établissement d'enseignement assure le suivi pédagogique du stage.")
    flow.space(10)
    y = flow.y + 5
    for x, who in ((20, "L'établissement"), (85, "L'organisme d'accueil"), (150, "Le stagiaire")):
        flow.sheet.add(Text(x, y, who, 9.5, bold(font)))
    return _agreement_piece(facts, template, flow.finish())


def _agreement_piece(facts: DossierFacts, template: str, sheets: list[Sheet]) -> BuiltPiece:
    person, st = facts.person, facts.internship
    fields = {
        "institution_name": st.institution, "host_name": st.host.name, "host_siret": st.siret,
        "intern_surname": person.surname, "intern_given_names": st.given_names,
        "start_date": st.start_date.isoformat(), "end_date": st.end_date.isoformat(),
        "weekly_hours": st.weekly_hours, "monthly_gratification": st.gratification,
    }
    return BuiltPiece("internship_agreement", f"internship_agreement:{template}", fields, sheets=sheets)


LATER_DIPLOMAS = ("attestation_table", "certificat_two_col")  # diploma_more.py
DATED_DIPLOMAS = ("diplome", "attestation_reussite", "degree_en") + LATER_DIPLOMAS


def build_diploma(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    """French diploma ("Délivré à ..., le"), attestation de réussite ("Date de délibération du
    jury" beside a later "Fait à ..., le"), diploma printing only its session year, English degree."""
    d = facts.diploma
    among = ("degree_en",) if d.english else ("diplome", "attestation_reussite", "diplome_session") + LATER_DIPLOMAS
    among = tuple(name for name in among if name in DATED_DIPLOMAS or not d.dated)
    try:
        layout = family(facts, rng, "diploma", among)
    except ValueError:  # the family filter left none of the natural ones: any allowed layout
        layout = family(facts, rng, "diploma", DATED_DIPLOMAS if d.dated else None)
    if layout == "attestation_reussite":
        sheet, award = _attestation_reussite(facts, rng)
    elif layout in LATER_DIPLOMAS:
        sheet, award = later_diploma_sheet(facts, rng, layout)
    else:
        sheet, award = _diploma_sheet(facts, rng, layout)
    fields = {"holder_surname": facts.person.surname, "holder_given_names": d.given_names, "title": d.title,
              "award_date": award.isoformat() if award else None}
    return BuiltPiece("diploma", f"diploma:{layout}", fields, sheets=[sheet])


def _diploma_sheet(facts: DossierFacts, rng: random.Random, layout: str) -> tuple[Sheet, dt.date | None]:
    person, d = facts.person, facts.diploma
    font = FontKey(rng.choice(("serif", "lserif", "sans")))
    sheet = Sheet(A4[1], A4[0])  # landscape
    w = sheet.width
    sheet.add(Box(10, 10, w - 20, sheet.height - 20, stroke=(120, 90, 40), width=1.2))
    sheet.add(Box(14, 14, w - 28, sheet.height - 28, stroke=(120, 90, 40), width=0.4))
    name = f"{d.given_names} {person.surname}"
    award: dt.date | None = d.award_date
    if layout == "degree_en":
        if not d.dated and rng.random() < 0.4:
            award = None
        when = (f"Conferred on {d.award_date.day} {MONTHS_EN[d.award_date.month - 1]} {d.award_date.year}" if award
                else f"Conferred in the year {d.year}")
        lines = [(d.institution.upper(), 16, True), ("", 0, False), ("This is to certify that", 12, False),
                 (name, 20, True), (f"born on {date_slash(person.birth_date)}", 10, False),
                 ("having fulfilled the requirements, has been awarded the degree of", 12, False),
                 (d.title, 18, True), (when, 11, False)]
    else:
        period = (f"Session {d.year}" if rng.random() < 0.5 else f"au titre de l'année universitaire {d.year - 1}-{d.year}")
        lines = [("RÉPUBLIQUE FRANÇAISE", 11, True), (d.institution, 15, True), ("", 0, False),
                 ("Vu le code de l'éducation, le diplôme de", 11, False), (d.title, 18, True),
                 ("est décerné à", 11, False), (name, 20, True),
                 (f"né(e) le {date_slash(person.birth_date)} à {person.birth_city.title()}", 10, False),
                 (period, 11, False)]
        if layout == "diplome_session":
            award = None
    y = 38
    for text, size, strong in lines:
        if text:
            sheet.add(Text(w / 2, y, text, size, bold(font) if strong else font, align="center"))
        y += max(size, 8) * 0.3528 * 2.0
    sheet.add(Text(60, 180, "Le Président / The President", 9, font, align="center"))
    if layout == "diplome":
        city = rng.choice(FRENCH_CITIES)[0]
        sheet.add(Text(w - 70, 172, f"Délivré à {city}, le {date_fr(award, rng.choice(('long', 'slash')))}", 9.5,
                       font, align="center"))
    return sheet, award


def _attestation_reussite(facts: DossierFacts, rng: random.Random) -> tuple[Sheet, dt.date]:
    person, d = facts.person, facts.diploma
    font = body_font(rng)
    flow = Flow(font, 11, top=28)
    flow.text(d.institution, 13, bold(font))
    flow.text("Service de la scolarité", 9)
    flow.space(12)
    flow.text("ATTESTATION DE RÉUSSITE", 17, bold(font), "center")
    flow.space(10)
    flow.text(f"Le directeur de l'établissement atteste que {person.civility_long} {d.given_names} "
              f"{person.surname}, né(e) le {date_slash(person.birth_date)} à {person.birth_city.title()}, a été "
              f"déclaré(e) admis(e) au diplôme :")
    flow.space(3)
    flow.text(d.title, 13, bold(font), "center")
    flow.space(4)
    mention = rng.choice(("Assez bien", "Bien", "Très bien", "Passable"))
    rows = [("Session", str(d.year)), ("Mention", mention),
            ("Date de délibération du jury", date_fr(d.award_date, rng.choice(("long", "slash"))))]
    if rng.random() < 0.5:
        rows = [rows[2], rows[0], rows[1]]
    flow.pairs(rows, 65)
    flow.space(4)
    flow.text("La présente attestation est délivrée en attendant l'édition du diplôme définitif.", 9.5)
    flow.space(8)
    room = (facts.reference_date - d.award_date).days - 1  # made before the dossier was sent
    made = d.award_date + dt.timedelta(days=rng.randint(min(2, room), max(2, min(90, room))))
    city = rng.choice(FRENCH_CITIES)[0]
    flow.text(f"Fait à {city}, le {date_fr(made, rng.choice(('long', 'slash')))}", align="right")
    flow.text("Pour le directeur et par délégation", 9, align="right")
    return flow.finish()[0], d.award_date


def build_cv(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    font = body_font(rng)
    template = family(facts, rng, "cv")
    if template in LATER_CVS:
        return BuiltPiece("cv", f"cv:{template}", {}, sheets=later_cv_sheets(facts, rng, template, font))
    flow = Flow(font, 10, margin=20, top=22)
    sheet = flow.sheet
    if template == "sidebar":
        sheet.add(Box(0, 0, 62, A4[1], fill=(228, 234, 242), stroke=None))
        y = 30
        for line in (person.address, f"{person.given_names.split()[0].lower()}.{person.surname.lower().replace(' ', '')}@mail.example",
                     f"+33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                     "", "LANGUES", "Français – courant", "Anglais – professionnel"):
            sheet.add(Text(6, y, line[:34], 8, bold(font) if line.isupper() else font))
            y += 6
        flow.margin = 70
    flow.text(f"{person.given_names} {person.surname}", 18, bold(font))
    flow.text("Curriculum vitae", 11, font)
    flow.space(4)
    year = facts.reference_date.year
    sections = [("EXPÉRIENCE PROFESSIONNELLE", [
        f"{year - 2} – {year - 1} : {rng.choice(('Assistant', 'Stagiaire', 'Chargé de mission'))} – {rng.choice(('Groupe Horizon', 'Atelier Numérique', 'Coopérative du Sud'))}",
        "Suivi de projets, reporting, relation avec les partenaires.",
        f"{year - 4} – {year - 2} : Emploi étudiant – restauration rapide"]),
        ("FORMATION", [f"{d.year} : {d.title} – {d.institution}", f"{d.year - 3} : Baccalauréat"]),
        ("COMPÉTENCES", ["Bureautique, gestion de projet, travail en équipe", "Permis B"])]
    for title, items in sections:
        flow.text(title, 11, bold(font))
        flow.rule(0.2)
        for item in items:
            flow.text(item)
        flow.space(3)
    return BuiltPiece("cv", f"cv:{template}", {}, sheets=flow.finish())
