"""Internship agreement families added for issue 9 (other wording, order and layout than
`education.py`'s two): the parties defined in clauses, three boxed blocks of the parties, the
national model's two-column header, and a grid of shaded label cells. Roles that must not be
confused stand close together on each: the intern, the tutor, the host's signatory, the school's."""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from synth.companies import french_name
from synth.facts import DossierFacts, InternshipFacts
from synth.fmt import date_fr, date_slash, euros, hours_fr, number_fr
from synth.fonts import FontKey
from synth.layout import A4, Box, Flow, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, STREETS
from synth.pieces.base import bold, numbered_articles


@dataclass(frozen=True)
class AgreementWords:
    """What the builder drew before choosing a family (kept so that older families are unchanged)."""
    facts: DossierFacts
    font: FontKey
    date_style: str
    siret_text: str

    @property
    def st(self) -> InternshipFacts:
        return self.facts.internship

    def date(self, day) -> str:
        return date_fr(day, self.date_style)


def _school_address(rng: random.Random) -> str:
    city, postcode = rng.choice(FRENCH_CITIES)
    return f"{rng.randint(1, 90)} {rng.choice(STREETS)}, {postcode} {city}"


def _hourly(st: InternshipFacts) -> str:
    return number_fr(st.gratification / (st.weekly_hours * 52 / 12))


def _gratification(st: InternshipFacts) -> str:
    if st.gratification == 0:
        return "Le stage n'ouvre pas droit à gratification : aucune somme n'est versée au stagiaire."
    return (f"Le stagiaire percevra une gratification de {euros(st.gratification)} par mois de stage, soit "
            f"{_hourly(st)} € par heure de présence.")


def clauses(w: AgreementWords, rng: random.Random) -> list[Sheet]:
    """Prose: the three parties defined in clauses, then numbered articles."""
    st, person, host, font = w.st, w.facts.person, w.st.host, w.font
    flow = Flow(font, 10, top=24)
    flow.text("CONVENTION DE STAGE EN ENTREPRISE", 14, bold(font), "center")
    flow.text(f"Année universitaire {st.start_date.year - 1}-{st.start_date.year}" if st.start_date.month < 9 else
              f"Année universitaire {st.start_date.year}-{st.start_date.year + 1}", 9.5, font, "center")
    flow.space(5)
    flow.text("Entre les soussignés :", 10, bold(font))
    flow.text(f"L'établissement {st.institution}, sis {_school_address(rng)}, représenté par son président, "
              "ci-après dénommé « l'établissement d'enseignement »,")
    flow.space(1)
    flow.text(f"la société {host.name}, {host.legal_form}, immatriculée sous le numéro SIRET {w.siret_text}, "
              f"dont le siège est situé {host.address}, représentée par {host.manager}, ci-après dénommée "
              "« l'organisme d'accueil »,")
    flow.space(1)
    flow.text(f"et {person.civility_long} {person.surname} {st.given_names}, né(e) le "
              f"{date_slash(person.birth_date)}, domicilié(e) {person.address}, ci-après dénommé(e) "
              "« le stagiaire »,")
    flow.space(1)
    flow.text("il est convenu ce qui suit.")
    articles = [
        ("Objet", f"La présente convention a pour objet le stage que le stagiaire effectuera au sein de "
                  f"l'organisme d'accueil. Le stage porte sur : {st.subject}."),
        ("Période", f"Le stage débutera le {w.date(st.start_date)} et prendra fin le {w.date(st.end_date)}."),
        ("Présence", f"Le stagiaire sera présent dans l'organisme d'accueil {hours_fr(st.weekly_hours)} heures "
                     "par semaine, selon les horaires de l'organisme."),
        ("Encadrement", f"Le tuteur du stagiaire dans l'organisme d'accueil est {st.tutor}. L'enseignant "
                        f"référent est {french_name(rng)}."),
        ("Gratification", _gratification(st)),
        ("Absences", "Toute absence du stagiaire est signalée à l'établissement d'enseignement."),
    ]
    numbered_articles(flow, articles, 10, 1.5)
    flow.space(6)
    flow.text(f"Fait en trois exemplaires, le {w.date(min(st.start_date, w.facts.reference_date))}.")
    flow.space(6)
    y = flow.y + 4
    for x, who in ((20, "Pour l'établissement"), (85, "Pour l'organisme d'accueil"), (150, "Le stagiaire")):
        flow.sheet.add(Text(x, y, who, 9, bold(font)))
    flow.sheet.add(Text(85, y + 5, host.manager, 9, font))
    return flow.finish()


def _boxed_section(flow: Flow, title: str, rows: list[tuple[str, str]], label_width: float) -> None:
    flow.space(2)
    top = flow.y
    flow.text(title, 10, bold(flow.font), indent=3)
    flow.pairs(rows, label_width)
    flow.sheet.add(Box(flow.margin - 2, top, flow.width + 4, flow.y - top + 2.5, stroke=(80, 80, 80), width=0.3))
    flow.space(3)


def parties_blocks(w: AgreementWords, rng: random.Random) -> list[Sheet]:
    """Three boxed blocks: the school, the host (signatory and tutor), the intern; then the terms."""
    st, person, host, font = w.st, w.facts.person, w.st.host, w.font
    flow = Flow(font, 9.5, top=22)
    flow.text("CONVENTION DE STAGE", 15, bold(font), "center")
    flow.text("(articles L. 124-1 à L. 124-20 du code de l'éducation)", 8.5, font, "center")
    flow.space(3)
    _boxed_section(flow, "L'ÉTABLISSEMENT D'ENSEIGNEMENT", [
        ("Dénomination", st.institution), ("Adresse", _school_address(rng)),
        ("Représenté par", f"{french_name(rng)}, directeur(trice)"),
        ("Enseignant référent", french_name(rng))], 62)
    _boxed_section(flow, "L'ORGANISME D'ACCUEIL", [
        ("Raison sociale", host.name), ("Forme juridique", host.legal_form), ("N° SIRET", w.siret_text),
        ("Adresse", host.address), ("Représenté par", f"{host.manager}, gérant(e)"),
        ("Tuteur de stage", st.tutor)], 62)
    _boxed_section(flow, "LE STAGIAIRE", [
        ("Nom", person.surname), ("Prénom", st.given_names), ("Sexe", person.sex),
        ("Date de naissance", date_slash(person.birth_date)), ("Adresse", person.address)], 62)
    gratification = ("Néant" if st.gratification == 0 else f"{euros(st.gratification)} par mois")
    _boxed_section(flow, "LE STAGE", [
        ("Thème", st.subject), ("Date de début", date_slash(st.start_date)),
        ("Date de fin", date_slash(st.end_date)),
        ("Durée hebdomadaire de présence", f"{hours_fr(st.weekly_hours)} h"),
        ("Montant de la gratification", gratification)], 62)
    flow.text("Les parties signataires reconnaissent avoir pris connaissance des conditions générales de la "
              "présente convention.", 8.5)
    return flow.finish()


def _column(sheet: Sheet, x: float, y: float, title: str, lines: list[str], font: FontKey, width: float) -> float:
    sheet.add(Text(x, y, title, 9.5, bold(font)))
    for line in lines:
        for part in wrap(line, font, 8.5, width):
            y += 4.4
            sheet.add(Text(x, y, part, 8.5, font))
    return y


def national_model(w: AgreementWords, rng: random.Random) -> list[Sheet]:
    """Two columns on top (the school, the host), then the intern and the internship, each on one line."""
    st, person, host = w.st, w.facts.person, w.st.host
    font = FontKey("lsans" if w.font.family != "lsans" else "sans")
    flow = Flow(font, 9, top=20)
    flow.text("CONVENTION DE STAGE ENTRE", 13, bold(font), "center")
    flow.space(4)
    y0 = flow.y + 4
    left = _column(flow.sheet, 20, y0, "1 – L'ÉTABLISSEMENT D'ENSEIGNEMENT",
                   [st.institution, f"Adresse : {_school_address(rng)}",
                    f"Représenté par : {french_name(rng)}", "Qualité du représentant : président(e)"], font, 80)
    right = _column(flow.sheet, 110, y0, "2 – L'ORGANISME D'ACCUEIL",
                    [f"Nom : {host.name}", f"SIRET : {w.siret_text}", f"Adresse : {host.address}",
                     f"Représenté par : {host.manager}", "Qualité du représentant : gérant(e)"], font, 80)
    flow.y = max(left, right) + 6
    flow.text("3 – LE STAGIAIRE", 9.5, bold(font))
    flow.y += flow.line_height()
    for x, cell in ((20, f"NOM : {person.surname}"), (85, f"Prénom : {st.given_names}"),
                    (140, f"Sexe : {person.sex}"), (160, f"Né(e) le : {date_slash(person.birth_date)}")):
        flow.sheet.add(Text(x, flow.y, cell, 9, font))
    flow.text(f"Adresse : {person.address}")
    flow.space(3)
    flow.text("SUJET DE STAGE", 9.5, bold(font))
    flow.text(st.subject)
    flow.space(2)
    flow.text(f"Dates : Du {date_slash(st.start_date)} au {date_slash(st.end_date)}")
    flow.text(f"Durée hebdomadaire : {hours_fr(st.weekly_hours)} heures, soit "
              f"{hours_fr(round(st.weekly_hours / 5, 2))} heures par jour sur cinq jours")
    flow.space(2)
    flow.text("ENCADREMENT", 9.5, bold(font))
    flow.text(f"Tuteur de stage dans l'organisme d'accueil : {st.tutor}")
    flow.text(f"Enseignant référent : {french_name(rng)}")
    flow.space(2)
    flow.text("GRATIFICATION", 9.5, bold(font))
    flow.text("Aucune gratification" if st.gratification == 0 else
              f"Montant de la gratification : {euros(st.gratification)} par mois (taux horaire {_hourly(st)} €)")
    flow.space(6)
    flow.text(f"Fait à {host.city}, le {date_slash(min(st.start_date, w.facts.reference_date))}")
    return flow.finish()


def boxed_grid(w: AgreementWords, rng: random.Random) -> list[Sheet]:
    """A grid of four columns, labels in shaded cells beside their values."""
    st, person, host, font = w.st, w.facts.person, w.st.host, w.font
    flow = Flow(font, 8.5, top=20)
    flow.sheet.add(Box(20, 12, A4[0] - 40, 12, fill=(220, 228, 240), stroke=None))
    flow.sheet.add(Text(A4[0] / 2, 20, "CONVENTION DE STAGE – FICHE SYNTHÈSE", 12, bold(font), align="center"))
    flow.y = 30
    flow.text(st.institution, 10, bold(font))
    widths = (34, 51, 34, 51)
    gratification = "0,00 € (néant)" if st.gratification == 0 else euros(st.gratification)
    flow.table([("STAGIAIRE", "", "", ""),
                ("Nom", person.surname, "Prénom", st.given_names),
                ("Né(e) le", date_slash(person.birth_date), "Nationalité", person.demonym)], widths, head_font=bold(font))
    flow.table([("ACCUEIL", "", "", ""),
                ("Organisme", host.name, "SIRET", w.siret_text),
                ("Signataire", host.manager, "Tuteur", st.tutor),
                ("Ville", host.city, "Code APE", host.ape)], widths, head_font=bold(font))
    flow.table([("STAGE", "", "", ""),
                ("Début", date_slash(st.start_date), "Fin", date_slash(st.end_date)),
                ("Heures / semaine", hours_fr(st.weekly_hours), "Gratif. mensuelle", gratification)],
               widths, head_font=bold(font))
    flow.space(3)
    flow.text(f"Sujet : {st.subject}")
    flow.space(3)
    flow.text("Les conditions générales figurent au verso. La présente fiche fait partie intégrante de la "
              "convention signée par les trois parties.", 8)
    return flow.finish()


LATER_AGREEMENTS: dict[str, Callable[[AgreementWords, random.Random], list[Sheet]]] = {
    "clauses": clauses, "parties_blocks": parties_blocks, "national_model": national_model,
    "boxed_grid": boxed_grid,
}
