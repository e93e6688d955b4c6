"""Fresh internship agreement family `university_tripartite`: a university's convention de stage —
the internship office's header with a convention number, the three parties introduced one after the
other ("L'établissement d'enseignement supérieur", "L'organisme d'accueil", "L'étudiant(e)"), titled
articles, dates with their weekday, the gratification in words then figures, the host's tutor and
the school's teacher named in one article, and a second page with a three-party signature table
(and the two supervisors' visas below it)."""
from __future__ import annotations

import datetime as dt
import random

from synth.companies import french_name
from synth.facts import DossierFacts, InternshipFacts
from synth.fmt import date_slash, euros, hours_fr, siret_spaced
from synth.fonts import FontKey
from synth.layout import A4, Box, Flow, Text, wrap
from synth.people import FRENCH_CITIES, STREETS
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.education import _agreement_piece
from synth.pieces.fresh_words import date_with_weekday, euros_in_words

PROGRAMMES = ("Master 1", "Master 2", "Licence 3", "Licence professionnelle", "Diplôme d'ingénieur, 2e année",
              "Bachelor, 3e année")


def _gratification(st: InternshipFacts) -> str:
    if st.gratification == 0:
        return ("Le présent stage ne donne lieu au versement d'aucune gratification. Les frais de transport sont pris "
                "en charge dans les conditions de droit commun.")
    return (f"Le stagiaire perçoit une gratification mensuelle d'un montant de {euros_in_words(st.gratification)} "
            f"({euros(st.gratification)}), versée mensuellement, à compter du premier mois de stage.")


def _articles(st: InternshipFacts, referent: str) -> list[tuple[str, str]]:
    return [
        ("Objet de la convention", "La présente convention règle les rapports de l'organisme d'accueil avec "
                                   "l'établissement d'enseignement et le stagiaire."),
        ("Objectif du stage", f"Le stage correspond à une période temporaire de mise en situation en milieu "
                              f"professionnel. Les activités confiées au stagiaire portent sur : {st.subject}."),
        ("Dates et durée", f"Le stage se déroule du {date_with_weekday(st.start_date)} au "
                           f"{date_with_weekday(st.end_date)}. La durée hebdomadaire de présence du stagiaire dans "
                           f"l'organisme d'accueil est de {hours_fr(st.weekly_hours)} heures."),
        ("Encadrement", f"Le tuteur de stage désigné par l'organisme d'accueil est {st.tutor}. L'enseignant "
                        f"référent désigné par l'établissement est {referent}. Ils se tiennent informés du "
                        "déroulement du stage."),
        ("Gratification", _gratification(st)),
        ("Protection sociale", "Le stagiaire continue de bénéficier de la couverture sociale dont il relève "
                               "en tant qu'étudiant. Les accidents survenus pendant le stage sont déclarés par "
                               "l'établissement."),
        ("Congés et absences", "En cas de grossesse, de paternité ou d'adoption, le stagiaire bénéficie de congés "
                               "et d'autorisations d'absence d'une durée équivalente à celles des salariés."),
        ("Fin de stage", "À l'issue du stage, l'organisme d'accueil délivre une attestation de stage mentionnant "
                         "la durée effective totale du stage."),
    ]


def _signature_table(flow: Flow, columns: list[tuple[str, str]]) -> None:
    """One column per party: who signs for it, then room for the date and the signature."""
    font, width, x0 = flow.font, flow.width / len(columns), flow.margin
    top = flow.y + 3
    for i, (head, signer) in enumerate(columns):
        x = x0 + i * width
        flow.sheet.add(Box(x, top, width, 8, fill=(225, 230, 240), stroke=(60, 60, 60), width=0.25),
                       Box(x, top + 8, width, 44, stroke=(60, 60, 60), width=0.25),
                       Text(x + width / 2, top + 5.5, head, 8.5, bold(font), align="center"))
        for j, line in enumerate(wrap(signer, font, 8.5, width - 4)):
            flow.sheet.add(Text(x + 2, top + 13.5 + 4.2 * j, line, 8.5, font))
        flow.sheet.add(Text(x + 2, top + 30, "Date :", 8, font, (90, 90, 90)),
                       Text(x + 2, top + 37, "Signature :", 8, font, (90, 90, 90)))
    flow.y = top + 56


def university_tripartite(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, st = facts.person, facts.internship
    host = st.host
    font = FontKey(rng.choice(("lsans", "sans", "lserif", "condensed")))
    siret = siret_spaced(st.siret) if rng.random() < 0.5 else st.siret
    city, postcode = rng.choice(FRENCH_CITIES)
    president, referent = french_name(rng), french_name(rng)
    year = st.start_date.year if st.start_date.month >= 9 else st.start_date.year - 1
    intern = f"{person.surname} {st.given_names}" if rng.random() < 0.5 else f"{st.given_names} {person.surname}"
    flow = Flow(font, 9.3, margin=22, top=36)
    flow.sheet.add(Text(22, 16, st.institution, 12, bold(font)),
                   Text(22, 21.5, "Direction de l'orientation et de l'insertion professionnelle – Bureau des stages",
                        7.8, font, (70, 70, 70)),
                   Text(A4[0] - 22, 16, f"Convention n° {year}-{rng.randint(10000, 99999)}", 8.5, font,
                        align="right"),
                   Text(A4[0] - 22, 21.5, f"Année universitaire {year}-{year + 1}", 8.5, font, align="right"),
                   Box(22, 25, A4[0] - 44, 0.8, fill=(40, 60, 120), stroke=None))
    flow.text("CONVENTION DE STAGE", 15, bold(font), "center")
    flow.text("(articles L. 124-1 à L. 124-20 et D. 124-1 à D. 124-13 du code de l'éducation)", 8, font, "center")
    flow.space(4)
    parties = [
        ("L'ÉTABLISSEMENT D'ENSEIGNEMENT SUPÉRIEUR", f"{st.institution}, {rng.randint(1, 120)} {rng.choice(STREETS)}, "
         f"{postcode} {city}, représenté(e) par {president}, en qualité de président(e), ci-après « l'établissement »."),
        ("L'ORGANISME D'ACCUEIL", f"{host.name}, {host.legal_form_long}, SIRET {siret}, {host.address}, représenté(e) "
         f"par {host.manager}, en qualité de représentant(e) légal(e), ci-après « l'organisme d'accueil »."),
        ("L'ÉTUDIANT(E) STAGIAIRE", f"{person.civility_long} {intern}, né(e) le {date_slash(person.birth_date)}, "
         f"demeurant {person.address}, inscrit(e) en {rng.choice(PROGRAMMES)}, ci-après « le stagiaire »."),
    ]
    for head, body in parties:
        flow.text(head, 9.5, bold(font), color=(40, 60, 120))
        flow.text(body)
        flow.space(2)
    flow.text("Il est convenu ce qui suit :", 9.5, bold(font))
    for number, (title, body) in enumerate(_articles(st, referent), 1):
        flow.space(1.8)
        flow.ensure(12)
        flow.text(f"Article {number} – {title}", 9.8, bold(font))
        flow.text(body)
    flow.new_page()
    made = min(st.start_date - dt.timedelta(days=rng.randint(8, 30)), facts.reference_date)
    flow.text("SIGNATURES DES PARTIES", 11, bold(font), "center")
    flow.space(2)
    flow.text(f"Convention établie en trois exemplaires originaux à {city}, le {date_slash(made)}.")
    _signature_table(flow, [("Pour l'établissement", f"{president}, président(e)"),
                            ("Pour l'organisme d'accueil", f"{host.manager}, représentant(e) légal(e)"),
                            ("Le stagiaire", intern)])
    flow.space(4)
    _signature_table(flow, [("Visa du tuteur de stage", st.tutor), ("Visa de l'enseignant référent", referent)])
    return _agreement_piece(facts, "university_tripartite", flow.finish())
