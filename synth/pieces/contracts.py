"""Employment contract families added for issue 9 (other wording, order and layout than
`work.py`'s two): an engagement letter, a contract opening on a table of the parties, a two-column
contract whose parties are defined in clauses, and an HR form with labels above their values.
Each prints the same facts; yearly pay, monthly hours and an hourly rate (a distractor) where the
facts say so."""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from synth.facts import ContractFacts, DossierFacts
from synth.fmt import date_fr, date_long, date_slash, euros, hours_fr, number_fr
from synth.fonts import FontKey
from synth.layout import A4, Box, Flow, Rule, Sheet, Text
from synth.pieces.base import addressee, bold, numbered_articles


@dataclass(frozen=True)
class ContractWords:
    """What the builder drew before choosing a family (kept so that older families are unchanged)."""
    facts: DossierFacts
    font: FontKey
    date_style: str
    siret_text: str  # as printed: spaced or not
    name: str  # "Given SURNAME" or "SURNAME Given"

    @property
    def c(self) -> ContractFacts:
        return self.facts.contract

    def date(self, day) -> str:
        return date_fr(day, self.date_style)


def hourly_rate(c: ContractFacts) -> str:
    """The hourly rate a monthly salary makes: printed beside it, never instead of it."""
    return number_fr(c.monthly_salary / (c.weekly_hours * 52 / 12))


def pay_line(c: ContractFacts) -> str:
    if c.annual_salary is not None:
        return f"{euros(c.annual_salary)} bruts par an"
    return f"{euros(c.monthly_salary)} bruts par mois"


def hours_line(c: ContractFacts) -> str:
    if c.hours_per_month is not None:
        return f"{hours_fr(c.hours_per_month)} heures mensuelles"
    return f"{hours_fr(c.weekly_hours)} heures hebdomadaires"


def _kind(c: ContractFacts) -> str:
    return "Contrat à durée indéterminée" if c.contract_type == "CDI" else "Contrat à durée déterminée"


def _signatures(flow: Flow, left: str, right: str, font: FontKey, signer: str) -> None:
    flow.space(8)
    y = flow.y + 5
    flow.sheet.add(Text(25, y, left, 9.5, bold(font)), Text(118, y, right, 9.5, bold(font)),
                   Text(25, y + 5.5, signer, 9.5, font),
                   Text(118, y + 5.5, "(mention « lu et approuvé »)", 8.5, font, (80, 80, 80)))


def engagement_letter(w: ContractWords, rng: random.Random) -> list[Sheet]:
    """A letter from the employer to the new employee; the employee signs "bon pour accord"."""
    c, person, company, font = w.c, w.facts.person, w.c.employer, w.font
    flow = Flow(font, 10, top=22)
    flow.text(company.name, 13, bold(font))
    for line in company.address.split(", "):
        flow.text(line, 9)
    flow.text(f"Siret : {w.siret_text}", 9)
    addressee(flow, (f"{person.civility_long} {c.given_names} {person.surname}", *person.address.split(", ")),
              f"{company.city}, le {date_long(c.signed_on)}")
    flow.text(f"Objet : lettre d'engagement – {_kind(c).lower()}", 10, bold(font))
    flow.text("Remise en main propre contre décharge", 9)
    flow.space(4)
    flow.text(f"{person.civility_long},")
    flow.space(1.5)
    start = w.date(c.start_date)
    term = (f"pour une durée indéterminée, à compter du {start}" if c.end_date is None else
            f"pour une durée déterminée courant du {start} jusqu'au {w.date(c.end_date)}, afin de faire face "
            "à un surcroît temporaire d'activité")
    flow.text(f"Suite à nos différents entretiens, nous avons le plaisir de vous confirmer votre engagement au "
              f"sein de notre société, {term}. Vous occuperez le poste de {c.job_title}, sous la responsabilité "
              f"de {company.manager}.")
    flow.space(1.5)
    if c.annual_salary is not None:
        pay = (f"Votre rémunération forfaitaire annuelle brute est fixée à {euros(c.annual_salary)}, payable en "
               "douze mensualités égales.")
    else:
        pay = (f"Votre salaire de base est fixé à {euros(c.monthly_salary)} bruts mensuels, soit un taux "
               f"horaire brut de {hourly_rate(c)} €.")
    flow.text(f"Votre temps de travail sera de {hours_line(c)}, réparties selon l'horaire collectif. {pay}")
    flow.space(1.5)
    flow.text(f"Votre engagement ne deviendra définitif qu'à l'issue d'une période d'essai de "
              f"{rng.choice(('un mois', 'deux mois', 'six semaines'))}. Il est subordonné à l'obtention de "
              "l'autorisation de travail et à la visite d'information et de prévention.")
    flow.space(1.5)
    flow.text("Nous vous remercions de bien vouloir nous retourner un exemplaire de la présente, revêtu de votre "
              "signature précédée de la mention « bon pour accord ».")
    flow.space(1.5)
    flow.text(f"Nous vous prions d'agréer, {person.civility_long}, l'expression de nos salutations distinguées.")
    flow.space(6)
    flow.text(f"{company.manager}, gérant(e)", indent=95)
    flow.space(8)
    flow.text(f"Je soussigné(e) {w.name} déclare accepter les conditions de la présente lettre d'engagement.", 9.5)
    flow.text("Bon pour accord, le ____________     Signature :", 9.5)
    return flow.finish()


def parties_table(w: ContractWords, rng: random.Random) -> list[Sheet]:
    """A table of the two parties side by side, then the conditions of employment as a table."""
    c, person, company, font = w.c, w.facts.person, w.c.employer, w.font
    flow = Flow(font, 8.5, top=18)
    flow.text(_kind(c).upper(), 14, bold(font), "center")
    flow.text(f"({c.contract_type} – articles L. 1221-1 et suivants du Code du travail)", 9, font, "center")
    flow.space(3)
    street, town = company.address.split(", ")
    p_street, p_town = person.address.split(", ")
    flow.table([("L'EMPLOYEUR", "", "LE SALARIÉ", ""),
                ("Raison sociale", company.name, "Nom", person.surname),
                ("Forme", company.legal_form, "Prénom(s)", c.given_names),
                ("N° SIRET", w.siret_text, "Né(e) le", date_slash(person.birth_date)),
                ("Siège", street, "Nationalité", person.demonym),
                ("", town, "Domicile", p_street),
                ("Représentant", company.manager, "", p_town)],
               (24, 61, 24, 61), head_font=bold(font))
    flow.space(3)
    flow.text("CONDITIONS D'EMPLOI", 10, bold(font))
    rows = [("Emploi / qualification", c.job_title), ("Nature du contrat", _kind(c)),
            ("Date d'effet", date_slash(c.start_date)),
            ("Terme du contrat", date_slash(c.end_date) if c.end_date else "—"),
            ("Durée du travail", hours_line(c))]
    if c.annual_salary is not None:
        rows.append(("Rémunération annuelle brute", euros(c.annual_salary)))
    else:
        rows += [("Salaire de base mensuel brut", euros(c.monthly_salary)),
                 ("Taux horaire brut", f"{hourly_rate(c)} €")]
    rows.append(("Lieu de travail", company.address))
    flow.table(rows, (62, 108))
    flow.space(3)
    for title, body in (("Période d'essai", f"Le contrat ne deviendra définitif qu'à l'issue d'une période d'essai de "
                                            f"{rng.choice(('un', 'deux', 'trois'))} mois."),
                        ("Congés", "Le salarié bénéficie de deux jours et demi ouvrables de congés payés par mois."),
                        ("Convention collective", "Convention collective nationale applicable à l'entreprise."),
                        ("Autorisation de travail", "L'exécution du contrat est subordonnée à la délivrance de "
                                                    "l'autorisation de travail.")):
        flow.text(title, 9.5, bold(font))
        flow.text(body)
        flow.space(1)
    flow.space(3)
    flow.text(f"Fait en double exemplaire à {company.city}, le {w.date(c.signed_on)}.")
    _signatures(flow, "L'employeur", "Le salarié", font, company.manager)
    return flow.finish()


class ColumnFlow(Flow):
    """Text in two columns: the left one fills, then the right one, then the next page."""

    def __init__(self, font: FontKey, size: float, top: float, gutter: float = 8.0) -> None:
        self.left, self.gutter, self.column = 18.0, gutter, 0
        super().__init__(font, size, margin=self.left, top=top)
        self.column_top = top

    @property
    def width(self) -> float:
        return (A4[0] - 2 * self.left - self.gutter) / 2

    def new_page(self) -> None:
        self.column, self.margin, self.column_top = 0, self.left, self.top
        super().new_page()

    def ensure(self, height: float) -> None:
        if self.y + height <= A4[1] - self.bottom:
            return
        if self.column == 0:
            self.column, self.margin, self.y = 1, self.left + self.width + self.gutter, self.column_top
        else:
            self.new_page()


def two_column(w: ContractWords, rng: random.Random) -> list[Sheet]:
    """Title across the page, then numbered articles in two columns; the parties defined in clauses."""
    c, person, company, font = w.c, w.facts.person, w.c.employer, FontKey("serif" if w.font.family != "serif" else "lserif")
    flow = ColumnFlow(font, 8.5, top=20)
    flow.sheet.add(Text(A4[0] / 2, 18, "CONTRAT DE TRAVAIL", 15, bold(font), align="center"),
                   Text(A4[0] / 2, 24, _kind(c), 10, font, align="center"),
                   Rule(18, 27, A4[0] - 18, 27, 0.5))
    flow.y = flow.column_top = 30
    flow.text("Entre les soussignés", 9.5, bold(font))
    flow.text(f"La société {company.name}, {company.legal_form_long}, inscrite au registre du commerce sous le "
              f"numéro de SIRET {w.siret_text}, dont le siège est situé {company.address}, prise en la personne "
              f"de son représentant légal, {company.manager}, ci-après dénommée « l'employeur », d'une part,")
    flow.space(1)
    flow.text(f"et {person.civility_long} {w.name}, demeurant {person.address}, né(e) le "
              f"{date_slash(person.birth_date)}, ci-après dénommé(e) « le salarié », d'autre part,")
    flow.space(1)
    flow.text("il a été arrêté et convenu ce qui suit :")
    term = ("Le présent contrat est conclu sans détermination de durée." if c.end_date is None else
            f"Le présent contrat prendra fin le {w.date(c.end_date)} au soir, sans qu'il soit besoin d'aucune "
            "formalité. Il est conclu pour accroissement temporaire d'activité.")
    pay = (f"une rémunération brute annuelle de {euros(c.annual_salary)}" if c.annual_salary is not None else
           f"une rémunération mensuelle brute de {euros(c.monthly_salary)} pour l'horaire ci-dessus")
    articles = [
        ("Engagement", f"L'employeur engage le salarié, qui l'accepte, à compter du {w.date(c.start_date)}. "
                       "L'engagement est subordonné aux résultats de la visite médicale d'embauche."),
        ("Durée", term),
        ("Emploi", f"Le salarié occupera l'emploi de {c.job_title}. Ses attributions pourront évoluer en "
                   "fonction des nécessités du service."),
        ("Période d'essai", "Les deux premiers mois constituent une période d'essai pendant laquelle chacune des "
                            "parties peut rompre le contrat sans indemnité."),
        ("Horaire", f"L'horaire de travail du salarié est de {hours_line(c)}, selon la répartition affichée."),
        ("Rémunération", f"Le salarié percevra {pay}. Les heures supplémentaires seront payées au taux majoré."),
        ("Lieu de travail", f"Le salarié exercera ses fonctions à {company.city}. Il pourra être amené à se "
                            "déplacer ponctuellement."),
        ("Congés payés", "Le salarié aura droit aux congés payés prévus par les dispositions légales."),
        ("Absences", "Toute absence doit être justifiée dans les quarante-huit heures."),
        ("Exclusivité", "Le salarié s'interdit toute activité concurrente pendant la durée du contrat."),
        ("Confidentialité", "Le salarié est tenu à une obligation de discrétion sur les informations dont il a "
                            "connaissance dans l'exercice de ses fonctions, pendant et après le contrat."),
        ("Retraite et prévoyance", "Le salarié est affilié aux caisses de retraite complémentaire et de "
                                   "prévoyance de l'entreprise."),
        ("Rupture", "Le contrat pourra être rompu par l'une ou l'autre des parties dans les conditions légales."),
    ]
    numbered_articles(flow, articles, 9, 1.2)
    flow.space(2)
    flow.text(f"Fait à {company.city}, le {w.date(c.signed_on)}, en deux originaux.")
    flow.space(3)
    flow.text("L'employeur", 9, bold(font))
    flow.text(company.manager)
    flow.space(3)
    flow.text("Le salarié (lu et approuvé)", 9, bold(font))
    return flow.finish()


def stacked_form(w: ContractWords, rng: random.Random) -> list[Sheet]:
    """An HR form: a shaded header band, sections of boxes with small labels above their values."""
    c, person, company, font = w.c, w.facts.person, w.c.employer, w.font
    flow = Flow(font, 10, top=36)
    flow.sheet.add(Box(0, 0, A4[0], 26, fill=(40, 70, 110), stroke=None),
                   Text(20, 12, "Direction des ressources humaines", 9, font, (255, 255, 255)),
                   Text(20, 20, "CONTRAT DE TRAVAIL", 15, bold(font), (255, 255, 255)),
                   Text(A4[0] - 20, 12, company.name, 10, bold(font), (255, 255, 255), "right"),
                   Text(A4[0] - 20, 20, f"Réf. RH {rng.randint(1000, 9999)}-{c.start_date.year}", 8.5, font,
                        (255, 255, 255), "right"))
    sections = [
        ("1. L'EMPLOYEUR", [("Dénomination", company.name), ("Forme juridique", company.legal_form),
                            ("N° SIRET", w.siret_text), ("Code NAF", company.ape),
                            ("Adresse du siège", company.address), ("Signataire", company.manager)]),
        ("2. LE SALARIÉ", [("Nom de naissance", person.surname), ("Prénom(s)", c.given_names),
                           ("Date de naissance", date_slash(person.birth_date)), ("Nationalité", person.demonym),
                           ("Adresse", person.address), ("Civilité", person.civility_long)]),
        ("3. L'EMPLOI", [("Intitulé du poste", c.job_title), ("Type de contrat", _kind(c)),
                         ("Date d'embauche", date_slash(c.start_date)),
                         ("Date de fin de contrat", date_slash(c.end_date) if c.end_date else "Sans objet (CDI)"),
                         ("Temps de travail", hours_line(c)),
                         ("Salaire brut", pay_line(c))]),
    ]
    for title, rows in sections:
        flow.space(2)
        flow.text(title, 10.5, bold(font), color=(40, 70, 110))
        flow.rule(0.4)
        flow.stacked(rows, label_above=True, columns=2)
    flow.space(4)
    flow.text("Les parties déclarent avoir pris connaissance des conditions générales annexées au présent contrat "
              "(durée de la période d'essai, congés, convention collective) et les accepter.", 9)
    flow.space(3)
    flow.text(f"Établi à {company.city}, le {date_slash(c.signed_on)}")
    _signatures(flow, "Pour la société", "Signature du salarié", font, company.manager)
    return flow.finish()


LATER_CONTRACTS: dict[str, Callable[[ContractWords, random.Random], list[Sheet]]] = {
    "engagement_letter": engagement_letter, "parties_table": parties_table, "two_column": two_column,
    "stacked_form": stacked_form,
}
