"""Fresh employment contract family `preamble_articles`: a law-firm model — both parties named in
one preamble paragraph ("Le présent contrat est conclu entre … ci-après « la Société » … et …"),
articles headed "Article N — Title", the pay stated as an hourly rate with its monthly equivalent
(or a yearly lump sum, in figures and words), the trial period's end date and the RCS number as
distractors, initials and page numbers in the footer, a bordered signature table."""
from __future__ import annotations

import datetime as dt
import random

from synth.facts import ContractFacts, DossierFacts
from synth.fmt import date_fr, date_slash, euros, hours_fr, number_fr, siren_spaced, siret_spaced
from synth.fonts import FontKey
from synth.layout import A4, Box, Flow, Rule, Sheet, Text
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.fresh_words import euros_in_words
from synth.pieces.work import _contract_piece

AGREEMENTS = ("Syntec (IDCC 1486)", "des hôtels, cafés, restaurants (IDCC 1979)", "du commerce de détail et de gros "
              "à prédominance alimentaire (IDCC 2216)", "de la métallurgie (IDCC 3248)",
              "des établissements privés d'hospitalisation (IDCC 2264)", "des bureaux d'études techniques (IDCC 1486)")
ROLES = ("Président", "Gérant", "Directeur général", "Directeur(trice) des ressources humaines")
ACCENT = ((25, 60, 95), (90, 30, 40), (30, 80, 60))


def _monthly_hours(c: ContractFacts) -> float:
    return c.hours_per_month if c.hours_per_month is not None else round(c.weekly_hours * 52 / 12, 2)


def _pay(c: ContractFacts) -> str:
    if c.annual_salary is not None:
        return (f"En rémunération de ses fonctions, le Salarié percevra une rémunération annuelle brute forfaitaire "
                f"de {euros(c.annual_salary)} ({euros_in_words(c.annual_salary)}), versée en douze mensualités.")
    hours = _monthly_hours(c)
    return (f"En rémunération de ses fonctions, le Salarié percevra un taux horaire brut de "
            f"{number_fr(c.monthly_salary / hours)} €, soit un salaire mensuel brut de {euros(c.monthly_salary)} "
            f"pour {hours_fr(hours)} heures de travail par mois.")


def _working_time(c: ContractFacts) -> str:
    if c.hours_per_month is not None:
        return (f"La durée mensuelle du travail du Salarié est fixée à {hours_fr(c.hours_per_month)} heures, "
                "selon l'horaire collectif en vigueur dans l'entreprise.")
    spread = "du lundi au vendredi" if c.weekly_hours >= 30 else "selon le planning remis chaque mois"
    return f"La durée hebdomadaire du travail est fixée à {hours_fr(c.weekly_hours)} heures, réparties {spread}."


def _articles(c: ContractFacts, day, rng: random.Random) -> list[tuple[str, str]]:
    cdd = c.end_date is not None
    trial_days = rng.choice((14, 21, 30)) if cdd else 0
    term = (f"Le présent contrat est conclu pour faire face à un accroissement temporaire de l'activité de la "
            f"Société (article L. 1242-2, 2° du Code du travail). Il prend effet le {day(c.start_date)} et "
            f"prendra fin le {day(c.end_date)}." if cdd else
            "Le présent contrat est conclu pour une durée indéterminée.")
    trial = (f"Le présent contrat comporte une période d'essai de {trial_days} jours calendaires, soit jusqu'au "
             f"{date_slash(c.start_date + dt.timedelta(days=trial_days - 1))} inclus." if cdd else
             "Le présent contrat ne deviendra définitif qu'à l'issue d'une période d'essai de deux mois, "
             "renouvelable une fois d'un commun accord.")
    articles = [
        ("Engagement", f"Sous réserve de l'obtention de l'autorisation de travail et des conclusions de la visite "
                       f"d'information et de prévention, la Société engage le Salarié à compter du "
                       f"{day(c.start_date)}."),
        ("Durée du contrat", term),
        ("Période d'essai", trial),
        ("Fonctions", f"Le Salarié est engagé en qualité de {c.job_title}. Il exercera ses fonctions sous "
                      "l'autorité de son responsable hiérarchique et se conformera à ses directives."),
        ("Lieu de travail", f"Le Salarié exercera ses fonctions au {c.employer.address}. Ce lieu de travail est "
                            "donné à titre informatif."),
        ("Durée du travail", _working_time(c)),
        ("Rémunération", _pay(c)),
        ("Congés payés", "Le Salarié bénéficiera des congés payés dans les conditions légales et conventionnelles."),
        ("Convention collective", f"Le présent contrat est régi par la convention collective nationale "
                                  f"{rng.choice(AGREEMENTS)}."),
        ("Protection sociale", "Le Salarié sera affilié aux régimes de retraite complémentaire et de prévoyance "
                               "dont relève la Société."),
    ]
    if cdd:
        articles.append(("Indemnité de fin de contrat", "À l'échéance du terme, le Salarié percevra une "
                                                        "indemnité de fin de contrat égale à 10 % de la "
                                                        "rémunération totale brute perçue."))
    articles.append(("Obligations", "Le Salarié s'engage à observer le règlement intérieur et à faire preuve de "
                                    "discrétion sur les informations dont il aura connaissance."))
    return articles


def _header_footer(company_name: str, address: str, font: FontKey, accent):
    def header(sheet: Sheet) -> None:
        sheet.add(Text(A4[0] / 2, 14, company_name.upper(), 10.5, bold(font), accent, "center"),
                  Text(A4[0] / 2, 19, address, 7.5, font, (90, 90, 90), "center"),
                  Rule(25, 22, A4[0] - 25, 22, 0.6, accent), Rule(25, 23.2, A4[0] - 25, 23.2, 0.2, accent))

    def footer(sheet: Sheet, number: int) -> None:
        sheet.add(Text(25, A4[1] - 13, "Paraphes :   Employeur ______    Salarié ______", 7.5, font, (80, 80, 80)),
                  Text(A4[0] - 25, A4[1] - 13, f"Page {number}", 7.5, font, (80, 80, 80), "right"))
    return header, footer


def _signature_table(flow: Flow, c: ContractFacts, employee: str, role: str) -> None:
    flow.ensure(42)
    y, font = flow.y + 4, flow.font
    for x, head, lines in ((25, "Pour la Société", (c.employer.manager, role)),
                           (107, "Le Salarié", (employee, "« Lu et approuvé, bon pour accord »"))):
        flow.sheet.add(Box(x, y, 78, 34, stroke=(80, 80, 80), width=0.25),
                       Box(x, y, 78, 7, fill=(235, 235, 235), stroke=(80, 80, 80), width=0.25),
                       Text(x + 3, y + 5, head, 9, bold(font)))
        for i, line in enumerate(lines):
            flow.sheet.add(Text(x + 3, y + 12.5 + 5 * i, line, 8.5, font))
    flow.y = y + 36


def preamble_articles(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, c = facts.person, facts.contract
    company = c.employer
    font = FontKey(rng.choice(("serif", "lserif", "lsans", "sans")))
    accent = rng.choice(ACCENT)
    style = rng.choice(("long", "slash"))

    def day(d) -> str:
        return date_fr(d, style)

    role = rng.choice(ROLES)
    siret = siret_spaced(c.siret) if rng.random() < 0.5 else c.siret
    employee = f"{c.given_names} {person.surname}"
    header, footer = _header_footer(company.name, company.address, font, accent)
    flow = Flow(font, 9.5, margin=25, top=32, bottom=24, header=header, footer=footer)
    kind = "À DURÉE DÉTERMINÉE" if c.end_date is not None else "À DURÉE INDÉTERMINÉE"
    flow.text(f"CONTRAT DE TRAVAIL {kind}", 13.5, bold(font), "center")
    flow.text("à temps complet" if c.weekly_hours >= 35 else "à temps partiel", 10, font, "center")
    flow.space(5)
    flow.text("Le présent contrat est conclu entre :", 9.5, bold(font))
    flow.space(1)
    flow.text(f"La société {company.name}, {company.legal_form_long} au capital de "
              f"{number_fr(company.capital).replace(',00', '')} euros, immatriculée au registre du commerce et des "
              f"sociétés de {company.city} sous le numéro {siren_spaced(company.siren)}, SIRET {siret}, dont le "
              f"siège social est sis {company.address}, représentée par {company.manager}, agissant en qualité de "
              f"{role}, ci-après dénommée « la Société », d'une part ;")
    flow.space(1.5)
    flow.text(f"et {person.civility_long} {employee}, né(e) le {date_fr(person.birth_date, style)} à "
              f"{person.birth_city.title()}, de nationalité {person.demonym}, demeurant {person.address}, "
              "ci-après dénommé(e) « le Salarié », d'autre part.")
    flow.space(2)
    flow.text("Il a été convenu et arrêté ce qui suit :", 9.5, font)
    for number, (title, body) in enumerate(_articles(c, day, rng), 1):
        flow.space(2.2)
        flow.ensure(14)
        flow.text(f"Article {number} — {title}", 10, bold(font), color=accent)
        flow.text(body)
    flow.space(5)
    flow.text(f"Fait en deux exemplaires originaux, à {company.city}, le {day(c.signed_on)}.")
    _signature_table(flow, c, employee, role)
    return _contract_piece(facts, "preamble_articles", flow.finish())
