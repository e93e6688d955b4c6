"""Fresh attestation de vigilance family `travailleur_independant` (eighth urssaf wave, written once `courriel_urssaf`
had been looked at, without looking at the extractors): the attestation the Urssaf delivers to an employer who is a
self-employed person — an "entrepreneur individuel", artisan, shopkeeper or liberal profession employing a few people
— from the independent's own account. It covers two accounts: the "Compte travailleur indépendant" (the person's own
contributions) and the "Compte employeur" (the contributions "au titre de son activité d'employeur de personnel
salarié"). The person is named ("M. Julien MARTIN", "MARTIN Julien EI": a distractor), the business by its trade name
(the facts' company name, printed exactly, after "Nom commercial" / "Enseigne", or joined to the EI's name as "MARTIN
Julien EI – BOULANGERIE DU PLATEAU").

Three sub-layouts:
- `attestation`: one page: the Urssaf's mark, a box at the top right with "Délivrée le" / "Date de délivrance" (and the
  code on some), "ATTESTATION DE VIGILANCE" with "Travailleur indépendant", the attesting sentence, the person and the
  business as ruled label lines or as a grid of small labels above their values, a ruled table of the two accounts
  (number, last period declared, last payment, situation), the head count and the wages of the last DSN, the code in a
  box with how to check it, the director's line and the legal mentions at the foot;
- `declarations`: the same first page, then a second page listing the "Déclarations sociales" taken into account: the
  monthly DSN of the employer account (period, date filed, head count, wages, contributions, paid on) and the
  independent's own declaration of income and monthly instalments, under a running header;
- `courrier`: a letter: the Urssaf's letterhead (service des travailleurs indépendants, a TSA box and a Cedex, the 3698
  line), the addressee block at the right, "<town>, le …" or "Fait à <town>, le …" at the foot, the references (both
  accounts, SIREN, "Nos références"), "Objet : Attestation de vigilance", the attestation in prose, the code in a box,
  the closing formula, a delegate's name and pen signature, the Urssaf's address in the footer.

Truth: the certificate's company name, SIREN (in groups of three on some), date of delivery (12/05/2026 or 12 mai 2026)
and security code (in groups of five on some, after "Code de sécurité" or "Identifiant de l'attestation"), printed
exactly as the facts give them. Distractors: the person's name and the EI's denomination, the establishment's SIRET
(14 digits starting with the SIREN), the two account numbers, the affiliation date, the "situation arrêtée au" and the
period covered, the last payments' dates and amounts, the last period declared, the head count and wages, the DSN's
filing dates and the declaration of income's, the letter's reference, the Urssaf's postcode and phone lines."""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from synth.companies import french_name
from synth.facts import CertificateFacts, DossierFacts
from synth.fmt import (
    MONTHS_FR,
    date_long,
    date_slash,
    euros,
    siren_spaced,
    siret_spaced,
)
from synth.fonts import FontKey, text_width_mm
from synth.identifiers import contributor_account, establishment_siret, grouped
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_vigilance_numerique import REGIONS
from synth.pieces.fresh_vigilance_vlu import SEATS, WOMEN, sign_with_pen
from synth.rules import add_months

LAYOUTS = ("attestation", "declarations", "courrier")
MARGIN = 18.0
BLUE: Color = (0, 62, 137)
PALE: Color = (233, 240, 249)
GREY: Color = (95, 95, 95)
RULED: Color = (140, 150, 165)
WHITE: Color = (255, 255, 255)
# the independent's category by the business's APE code (the generator's activities)
CATEGORIES = {"6202A": "Profession libérale", "5610A": "Commerçant", "4941A": "Artisan", "7112B": "Profession libérale",
              "4711D": "Commerçant", "8610Z": "Profession libérale", "1071C": "Artisan", "4321A": "Artisan"}
TI_LINE = "3698 (service gratuit + prix d'appel)"
LEGAL = (
    ("Attestation délivrée en application des articles L. 243-15 et D. 243-15 du code de la sécurité sociale. Elle "
     "porte sur les cotisations et contributions sociales dues par le travailleur indépendant au titre de son activité "
     "non salariée et, le cas échéant, au titre de son activité d'employeur de personnel salarié. Elle ne préjuge pas "
     "des résultats d'un contrôle ultérieur."),
    ("Le donneur d'ordre se fait remettre cette attestation lors de la conclusion du contrat puis tous les six mois "
     "jusqu'à la fin de son exécution (articles L. 8222-1 et D. 8222-5 du code du travail) ; il en vérifie "
     "l'authenticité sur www.urssaf.fr."),
)
VERIFY = (
    ("Vérifiez l'authenticité de cette attestation sur www.urssaf.fr, rubrique « Vérifier une attestation », en "
     "saisissant le numéro SIREN et {label} ci-contre."),
    ("Tout donneur d'ordre peut vérifier l'authenticité de la présente attestation sur le site www.urssaf.fr à l'aide "
     "du SIREN du cotisant et de {label} ci-contre."),
)


@dataclass(frozen=True)
class Holder:
    """The self-employed person behind the business (distractors) and the business's trade name (the truth)."""
    civility: str  # "M." / "Mme"
    given: str
    surname: str
    trade: str  # the facts' company name, as printed
    denomination: str  # "MARTIN Julien EI"
    category: str  # "Artisan", "Commerçant", "Profession libérale"
    activity: str
    ape: str
    since: dt.date  # affiliated as an independent since

    @property
    def woman(self) -> bool:
        return self.civility == "Mme"

    @property
    def name(self) -> str:
        return f"{self.civility} {self.given} {self.surname}"


@dataclass(frozen=True)
class Account:
    label: str
    detail: str
    number: str
    period: str  # the last period declared or due
    paid_on: dt.date
    amount: float


@dataclass(frozen=True)
class Printed:
    """What the page prints: the truth as printed, and the distractors the sub-layouts share."""
    siren: str
    issued: str
    code: str
    code_label: str
    siret: str
    region: str
    town: str
    postcode: str
    situation: dt.date
    period_start: dt.date
    staff: int
    wages: float
    accounts: tuple[Account, Account]  # the independent's, the employer's


def travailleur_independant(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    cert = facts.certificate
    company = cert.company
    layout = rng.choice(LAYOUTS)
    font = FontKey(rng.choice(("lsans", "sans", "condensed", "lserif", "serif")))
    holder = _holder(cert, rng)
    printed = _printed(cert, rng)
    if layout == "courrier":
        sheets = _courrier(cert, holder, printed, font, rng)
    else:
        sheets = _attestation(cert, holder, printed, font, layout == "declarations", rng)
    fields: dict[str, FieldValue] = {"company_name": company.name, "siren": cert.siren,
                                     "issue_date": cert.issue_date.isoformat(), "security_code": printed.code}
    return BuiltPiece("urssaf_certificate", "urssaf_certificate:travailleur_independant", fields, sheets=sheets)


# ---------------------------------------------------------------- the facts as printed

def _holder(cert: CertificateFacts, rng: random.Random) -> Holder:
    company = cert.company
    given, surname = company.manager.split(" ", 1)
    civility = "Mme" if given in WOMEN else "M."
    denomination = rng.choice((f"{surname} {given} EI", f"{given} {surname} EI",
                               f"{surname} {given} – Entrepreneur individuel"))
    year = min(company.registration_year, cert.issue_date.year - 1)
    since = dt.date(year, rng.randint(1, 12), 1)
    return Holder(civility, given, surname, company.name, denomination,
                  CATEGORIES.get(company.ape, "Commerçant"), company.activity, company.ape, since)


def _before(issue: dt.date, day: int) -> dt.date:
    """The last `day` of a month strictly before `issue`."""
    candidate = issue.replace(day=day) if issue.day > day else add_months(issue.replace(day=day), -1)
    return candidate


def _printed(cert: CertificateFacts, rng: random.Random) -> Printed:
    company = cert.company
    issue = cert.issue_date
    region = REGIONS.get(company.address.rsplit(", ", 1)[-1][:2]) or rng.choice(sorted(SEATS))
    town, postcode = SEATS[region]
    code = grouped(cert.security_code) if rng.random() < 0.4 else cert.security_code
    siren = siren_spaced(cert.siren) if len(cert.siren) == 9 and rng.random() < 0.5 else cert.siren
    issued = date_slash(issue) if rng.random() < 0.6 else date_long(issue)
    code_label = rng.choice(("Code de sécurité", "Code de sécurité", "Identifiant de l'attestation"))
    siret = company.siret if rng.random() < 0.7 else establishment_siret(company, rng)
    siret = siret_spaced(siret) if rng.random() < 0.5 else siret
    # the employer account: the DSN of the situation's month, paid on the 15th (or the 5th) of the next month
    due = rng.choice((15, 15, 5))
    period = cert.situation_date.replace(day=1)
    while add_months(period, 1).replace(day=due) >= issue:
        period = add_months(period, -1)
    staff = rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9, 11, 14))
    wages = round(staff * rng.uniform(1820, 2950), 2)
    employer = Account("Compte employeur", "personnel salarié", cert.account,
                       f"{MONTHS_FR[period.month - 1]} {period.year}", add_months(period, 1).replace(day=due),
                       round(wages * rng.uniform(0.27, 0.34), 2))
    # the independent's own account: monthly instalments on the 5th or the 20th
    own = contributor_account(rng)
    while own == cert.account:
        own = contributor_account(rng)
    paid = _before(issue, rng.choice((5, 20)))
    independent = Account("Compte travailleur indépendant", "cotisations personnelles", own,
                          f"échéance de {MONTHS_FR[paid.month - 1]} {paid.year}", paid,
                          round(rng.uniform(160, 1450), 2))
    start = add_months(cert.situation_date.replace(day=1), -5)
    return Printed(siren, issued, code, code_label, siret, region, town, postcode, cert.situation_date, start, staff,
                   wages, (independent, employer))


def _fit(text: str, font: FontKey, size: float, width: float) -> float:
    """`size`, or less (never under 7 pt) for `text` to fit `width` millimetres."""
    return max(7.0, min(size, size * width / max(text_width_mm(text, font, size), 0.1)))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


# ---------------------------------------------------------------- drawing helpers

def _ruled_table(flow: Flow, heads: tuple[str, ...], rows: Sequence[tuple[str, ...]], widths: tuple[float, ...],
                 size: float, right: frozenset[int] = frozenset()) -> None:
    """A ruled table, the head on a pale band, each cell wrapped in its column (columns in `right` right-aligned)."""
    font = flow.font
    step = flow.line_height(size)
    for r, row in enumerate((heads, *rows)):
        face = bold(font) if r == 0 else font
        cells = [wrap(cell, face, size, width - 3) for cell, width in zip(row, widths)]
        height = step * max(len(c) for c in cells) + 2.2
        flow.ensure(height)
        top, x = flow.y, flow.margin
        if r == 0:
            flow.sheet.add(Box(x, top, sum(widths), height, fill=PALE, stroke=None))
        for i, (lines, width) in enumerate(zip(cells, widths)):
            flow.sheet.add(Box(x, top, width, height, fill=None, stroke=RULED, width=0.2))
            for k, line in enumerate(lines):
                y = top + 1.1 + step * (k + 1) - 0.9
                if i in right and r:
                    flow.sheet.add(Text(x + width - 1.5, y, line, size, face, align="right"))
                else:
                    flow.sheet.add(Text(x + 1.5, y, line, size, face))
            x += width
        flow.y = top + height


def _label_lines(flow: Flow, heading: str, rows: list[tuple[str, str]], rng: random.Random) -> None:
    """The person and the business in a frame: a heading band, then ruled "label : value" lines."""
    font, size = flow.font, 9.2
    label_w = max(text_width_mm(label, font, 8.4) for label, _ in rows) + 6
    step = flow.line_height(size) + 1.2
    flow.ensure(7 + step * len(rows) + 3)
    top = flow.y
    flow.sheet.add(Box(flow.margin, top, flow.width, 6.5, fill=BLUE, stroke=None),
                   Text(flow.margin + 3, top + 4.6, heading, 8.6, bold(font), WHITE))
    y = top + 6.5
    dotted = rng.random() < 0.5
    for i, (label, value) in enumerate(rows):
        lines = wrap(value, bold(font), size, flow.width - label_w - 6)
        y += step
        flow.sheet.add(Text(flow.margin + 3, y, label, 8.4, font, GREY))
        for k, line in enumerate(lines):
            flow.sheet.add(Text(flow.margin + 3 + label_w, y + k * (step - 1.2), line, size, bold(font)))
        y += (len(lines) - 1) * (step - 1.2)
        if dotted and i < len(rows) - 1:
            flow.sheet.add(Rule(flow.margin + 2, y + 1.6, A4[0] - flow.margin - 2, y + 1.6, 0.1, RULED))
    flow.sheet.add(Box(flow.margin, top, flow.width, y + 2.8 - top, fill=None, stroke=BLUE, width=0.35))
    flow.y = y + 2.8


def _label_grid(flow: Flow, heading: str, rows: list[tuple[str, str]]) -> None:
    """The same in a grid of cells, two a row, each small grey label above its value."""
    font = flow.font
    half = flow.width / 2
    flow.ensure(8 + 11 * ((len(rows) + 1) // 2))
    top = flow.y
    flow.sheet.add(Text(flow.margin, top + 4, heading, 9.5, bold(font), BLUE),
                   Rule(flow.margin, top + 5.6, A4[0] - flow.margin, top + 5.6, 0.5, BLUE))
    y = top + 6.5
    for k in range(0, len(rows), 2):
        pair = rows[k:k + 2]
        height = 0.0
        for j, (label, value) in enumerate(pair):
            # a long value (the address) takes the whole row
            width = flow.width if len(pair) == 1 else half
            lines = wrap(value, bold(font), 9.2, width - 4)
            height = max(height, 7.5 + 4.2 * len(lines))
            x = flow.margin + j * half
            flow.sheet.add(Text(x + 2, y + 3.8, label, 7.2, font, GREY))
            for n, line in enumerate(lines):
                flow.sheet.add(Text(x + 2, y + 8 + 4.2 * n, line, 9.2, bold(font)))
        for j in range(len(pair)):
            width = flow.width if len(pair) == 1 else half
            flow.sheet.add(Box(flow.margin + j * half, y, width, height, fill=None, stroke=RULED, width=0.2))
        y += height
    flow.y = y


def _code_box(flow: Flow, printed: Printed, rng: random.Random) -> None:
    """The code (or the attestation's identifier) in a box, how to check it beside."""
    font = flow.font
    flow.space(4)
    label = "le code de sécurité" if printed.code_label == "Code de sécurité" else "l'identifiant"
    lines = wrap(rng.choice(VERIFY).format(label=label), font, 8, flow.width - 80)
    height = max(16.0, 3.6 * len(lines) + 4)
    flow.ensure(height + 2)
    top = flow.y
    flow.sheet.add(Box(flow.margin, top, 72, height, fill=PALE, stroke=BLUE, width=0.45),
                   Text(flow.margin + 36, top + height / 2 - 1.8, printed.code_label, 8, font, BLUE, "center"),
                   Text(flow.margin + 36, top + height / 2 + 4.2, printed.code, _fit(printed.code, bold(font), 11.5, 66),
                        bold(font), (0, 0, 0), "center"))
    for i, line in enumerate(lines):
        flow.sheet.add(Text(flow.margin + 78, top + 4.6 + 3.6 * i, line, 8, font))
    flow.y = top + height


def _legal(flow: Flow, foot: bool) -> None:
    """The legal mentions in small type, at the foot of the page when `foot`."""
    size = 7.0
    height = sum(len(wrap(p, flow.font, size, flow.width)) for p in LEGAL) * flow.line_height(size) + 4
    if foot and flow.y + 6 + height <= A4[1] - flow.bottom:
        flow.y = A4[1] - flow.bottom - height
    else:
        flow.space(5)
    flow.sheet.add(Rule(flow.margin, flow.y, flow.margin + 45, flow.y, 0.3, BLUE))
    flow.space(0.5)
    for paragraph in LEGAL:
        flow.text(paragraph, size, color=GREY)
        flow.space(1)


def _identity_rows(holder: Holder, printed: Printed, company_address: str, joined: bool,
                   rng: random.Random) -> list[tuple[str, str]]:
    name = holder.name if rng.random() < 0.6 else f"{holder.surname} {holder.given}"
    rows = [("Nom, prénom" if rng.random() < 0.5 else "Travailleur indépendant", name)]
    if joined:  # the EI's denomination and its trade name on one line
        rows.append(("Dénomination", f"{holder.denomination} – {holder.trade}"))
    else:
        rows += [("Dénomination", holder.denomination),
                 (rng.choice(("Nom commercial", "Enseigne", "Nom commercial")), holder.trade)]
    rows += [("Catégorie", f"{holder.category} – {holder.activity}"),
             ("N° SIREN", printed.siren), ("SIRET de l'établissement", printed.siret),
             ("Adresse de l'établissement", company_address),
             ("Affilié" + ("e" if holder.woman else "") + " depuis le", date_slash(holder.since))]
    if rng.random() < 0.4:  # the SIRET before the SIREN on some releases
        i = next(k for k, (label, _) in enumerate(rows) if label == "N° SIREN")
        rows[i], rows[i + 1] = rows[i + 1], rows[i]
    return rows


def _accounts_table(flow: Flow, printed: Printed, rng: random.Random) -> None:
    rows = []
    for account in printed.accounts:
        label = f"{account.label} ({account.detail})"
        rows.append((label, account.number, account.period.capitalize(),
                     f"{date_slash(account.paid_on)}\n{euros(account.amount)}", "À jour"))
    if rng.random() < 0.4:
        rows.reverse()
    flow.text(rng.choice(("Comptes du cotisant", "Situation des comptes", "Comptes couverts par l'attestation")), 10,
              bold(flow.font), color=BLUE)
    flow.space(1)
    _ruled_table(flow, ("Compte", "N° de compte", "Dernière période", "Dernier paiement", "Situation"), rows,
                 (46.0, 38.0, 31.0, 32.0, flow.width - 147.0), 8.2)


# ---------------------------------------------------------------- the attestation (one page, or two)

def _attestation(cert: CertificateFacts, holder: Holder, printed: Printed, font: FontKey, declarations: bool,
                 rng: random.Random) -> list[Sheet]:
    company = cert.company
    pages = 2 if declarations else 1
    code_on_top = rng.random() < 0.35
    issued_label = rng.choice(("Délivrée le", "Date de délivrance :"))
    number_style = rng.choice(("Page {page}/{pages}", "{page}/{pages}"))

    seen: list[Sheet] = []

    def header(sheet: Sheet) -> None:
        """The running head, from the second page on."""
        seen.append(sheet)
        if len(seen) > 1:
            sheet.add(Text(MARGIN, 13, "urssaf", 13, bold(font), BLUE),
                      Text(A4[0] - MARGIN, 13, f"Attestation de vigilance – travailleur indépendant – SIREN "
                                               f"{printed.siren}", 7.5, font, GREY, "right"),
                      Rule(MARGIN, 16, A4[0] - MARGIN, 16, 0.3, BLUE))

    def footer(sheet: Sheet, page: int) -> None:
        sheet.add(Rule(MARGIN, 284, A4[0] - MARGIN, 284, 0.2, RULED),
                  Text(MARGIN, 288, f"Urssaf {printed.region} – Travailleurs indépendants – {TI_LINE} – www.urssaf.fr",
                       7, font, GREY),
                  Text(A4[0] - MARGIN, 288, number_style.format(page=page, pages=pages), 7, font, GREY, "right"))

    flow = Flow(font, 9.2, margin=MARGIN, top=24, bottom=18, header=header, footer=footer)
    sheet = flow.sheet
    sheet.add(Text(MARGIN, 21, "urssaf", 24, bold(font), BLUE),
              Text(MARGIN, 27, f"Urssaf {printed.region}", 9, bold(font)),
              Text(MARGIN, 31, "Service des travailleurs indépendants", 7.6, font, GREY))
    box_w, box_h = 66.0, 21.0 if code_on_top else 11.0
    box_x = A4[0] - MARGIN - box_w
    sheet.add(Box(box_x, 12, box_w, box_h, fill=PALE, stroke=BLUE, width=0.3),
              Text(box_x + 3, 18.5, f"{issued_label} {printed.issued}", _fit(f"{issued_label} {printed.issued}",
                                                                             bold(font), 9.5, box_w - 6), bold(font)))
    if code_on_top:  # the code under its label
        sheet.add(Text(box_x + 3, 24.5, f"{printed.code_label} :", 7.5, font, GREY),
                  Text(box_x + 3, 29.5, printed.code, _fit(printed.code, bold(font), 10, box_w - 6), bold(font)))
    sheet.add(Rule(MARGIN, 35, A4[0] - MARGIN, 35, 0.6, BLUE))
    flow.y = 38
    flow.text("ATTESTATION DE VIGILANCE", 15, bold(font), "center", color=BLUE)
    flow.text(rng.choice(("Travailleur indépendant employeur", "Travailleur indépendant",
                          "Travailleur indépendant – compte travailleur indépendant et compte employeur")), 10, font,
              "center")
    flow.text("Articles L. 243-15 et D. 243-15 du code de la sécurité sociale", 7.8, font, "center", color=GREY)
    flow.space(4)
    she = "la travailleuse indépendante désignée" if holder.woman else "le travailleur indépendant désigné"
    flow.text(rng.choice((
        (f"L'Urssaf {printed.region} atteste que {she} ci-dessous est à jour de ses obligations de déclaration et "
         "de paiement des cotisations et contributions sociales, au titre de son activité non salariée et au titre de "
         "son activité d'employeur de personnel salarié, au regard de sa situation arrêtée au "
         f"{date_slash(printed.situation)}."),
        (f"Au vu des déclarations souscrites et des paiements effectués, l'Urssaf {printed.region} certifie que "
         f"{she} ci-après a satisfait à ses obligations sociales, pour son compte travailleur indépendant comme pour "
         "son compte employeur, pour la période du "
         f"{date_slash(printed.period_start)} au {date_slash(printed.situation)}."),
    )))
    flow.space(3)
    joined = rng.random() < 0.3
    rows = _identity_rows(holder, printed, company.address, joined, rng)
    heading = rng.choice(("IDENTIFICATION DU COTISANT", "TRAVAILLEUR INDÉPENDANT ATTESTÉ"))
    if rng.random() < 0.5:
        _label_lines(flow, heading, rows, rng)
    else:
        _label_grid(flow, heading.capitalize(), rows)
    flow.space(4)
    _accounts_table(flow, printed, rng)
    flow.space(2.5)
    employer = printed.accounts[1]
    flow.text(f"Au titre de son activité d'employeur de personnel salarié, dernière période d'emploi déclarée "
              f"({employer.period}) : effectif de {_plural(printed.staff, 'salarié')}, rémunérations déclarées "
              f"{euros(printed.wages)}.", 8.8)
    if declarations:
        flow.space(1.5)
        flow.text("Le détail des déclarations sociales prises en compte figure en page 2.", 8.8, color=GREY)
    if not code_on_top:
        _code_box(flow, printed, rng)
    else:
        flow.space(3)
        label = "le code de sécurité" if printed.code_label == "Code de sécurité" else "l'identifiant"
        flow.text(f"Vérifiez l'authenticité de cette attestation sur www.urssaf.fr avec le SIREN et {label} figurant "
                  "en tête du document.", 8.5)
    flow.space(5)
    director = rng.choice((f"Le directeur de l'Urssaf {printed.region}", f"La directrice de l'Urssaf {printed.region}",
                           f"Pour le directeur de l'Urssaf {printed.region}, par délégation"))
    flow.text(director, 9, bold(font), "right")
    _legal(flow, foot=True)
    if declarations:
        flow.new_page()
        _declarations(flow, cert, holder, printed, rng)
    return flow.finish()


def _declarations(flow: Flow, cert: CertificateFacts, holder: Holder, printed: Printed, rng: random.Random) -> None:
    """Page 2: the monthly DSN of the employer account and the independent's own declarations and instalments."""
    issue = cert.issue_date
    font = flow.font
    flow.y = 24
    flow.text("Déclarations sociales", 13, bold(font), color=BLUE)
    flow.text(f"Prises en compte pour la délivrance de l'attestation – situation arrêtée au "
              f"{date_slash(printed.situation)}", 8.5, color=GREY)
    flow.space(4)
    employer, independent = printed.accounts[1], printed.accounts[0]
    flow.text(f"Compte employeur n° {employer.number} – déclarations sociales nominatives (DSN)", 9.5, bold(font))
    flow.space(1.5)
    rows = []
    month = add_months(employer.paid_on.replace(day=1), -1)
    staff = printed.staff
    for k in range(rng.randint(4, 6)):
        filed = add_months(month, 1).replace(day=rng.randint(2, 14 if employer.paid_on.day == 15 else 4))
        if k == 0:
            wages = printed.wages
        else:
            staff = max(1, staff + rng.choice((0, 0, 0, -1, 1)))
            wages = round(staff * rng.uniform(1820, 2950), 2)
        paid = add_months(month, 1).replace(day=employer.paid_on.day)
        rows.append((f"{MONTHS_FR[month.month - 1]} {month.year}".capitalize(), date_slash(filed), str(staff),
                     euros(wages), euros(round(wages * rng.uniform(0.27, 0.34), 2)), date_slash(paid)))
        month = add_months(month, -1)
    if rng.random() < 0.5:
        rows.reverse()
    _ruled_table(flow, ("Période d'emploi", "Déposée le", "Effectif", "Rémunérations", "Cotisations", "Payée le"),
                 rows, (32.0, 26.0, 18.0, 34.0, 30.0, flow.width - 140.0), 8.2, frozenset({2, 3, 4}))
    flow.space(5)
    flow.text(f"Compte travailleur indépendant n° {independent.number} – {holder.category.lower()}", 9.5, bold(font))
    flow.space(1.5)
    # the declaration of income of the last year declared (filed in May or June of the next year)
    year = issue.year - 1
    filed = dt.date(year + 1, rng.choice((5, 6)), rng.randint(2, 28))
    if filed >= issue:
        year -= 1
        filed = filed.replace(year=year + 1)
    income = round(rng.uniform(18_000, 72_000), -2)
    own = [(f"Déclaration des revenus d'activité {year}", date_slash(filed), euros(income), "Reçue")]
    paid = independent.paid_on
    for _ in range(rng.randint(3, 4)):
        own.append((f"Échéance mensuelle de {MONTHS_FR[paid.month - 1]} {paid.year}", date_slash(paid),
                     euros(independent.amount), "Payée"))
        paid = add_months(paid, -1)
    _ruled_table(flow, ("Déclaration ou échéance", "Date", "Montant", "Statut"), own,
                 (76.0, 30.0, 34.0, flow.width - 140.0), 8.2, frozenset({2}))
    flow.space(4)
    flow.text("Les montants de cotisations personnelles sont calculés à titre provisionnel sur la base des derniers "
              "revenus déclarés et régularisés l'année suivante.", 8, color=GREY)
    flow.space(1.5)
    flow.text(f"Liste arrêtée le {date_slash(printed.situation)} ; les déclarations et paiements enregistrés depuis "
              "cette date ne sont pas repris.", 8, color=GREY)


# ---------------------------------------------------------------- the letter

def _courrier(cert: CertificateFacts, holder: Holder, printed: Printed, font: FontKey,
              rng: random.Random) -> list[Sheet]:
    company = cert.company
    tsa = f"TSA {rng.randint(10, 99)}0{rng.randint(10, 99)}"
    cedex = f"{printed.postcode} {printed.town} Cedex"
    reference = rng.choice((f"AV-TI/{cert.issue_date:%y}/{rng.randint(100_000, 999_999)}",
                            f"TI-{cert.issue_date:%Y%m}-{rng.randint(1000, 9999)}"))

    def footer(sheet: Sheet, page: int) -> None:
        sheet.add(Rule(MARGIN, 283, A4[0] - MARGIN, 283, 0.25, BLUE),
                  Text(A4[0] / 2, 287.5, f"Urssaf {printed.region} – {tsa} – {cedex} – www.urssaf.fr", 7, font, GREY,
                       "center"))

    flow = Flow(font, 9.8, margin=MARGIN + 2, top=30, bottom=20, footer=footer)
    sheet = flow.sheet
    left = MARGIN + 2
    sheet.add(Text(left, 20, "urssaf", 22, bold(font), BLUE),
              Text(left, 26, f"Urssaf {printed.region}", 9.5, bold(font)),
              Text(left, 30.5, "Service des travailleurs indépendants", 8, font),
              Text(left, 34.5, f"{tsa} – {cedex}", 8, font, GREY),
              Text(left, 38.5, f"Tél. {TI_LINE}", 7.5, font, GREY))
    # the window: the addressee at the right
    addressee = [holder.name if rng.random() < 0.7 else holder.denomination, company.name,
                 *company.address.split(", ")]
    y = 50.0
    for line in addressee:
        sheet.add(Text(112, y, line, _fit(line, font, 10, A4[0] - 112 - MARGIN), font))
        y += 4.8
    dated_on_top = rng.random() < 0.55
    if dated_on_top:
        sheet.add(Text(A4[0] - MARGIN - 2, y + 8, f"{printed.town}, le {printed.issued}", 9.8, font, align="right"))
    flow.y = max(y + 14, 84)
    employer, independent = printed.accounts[1], printed.accounts[0]
    refs = [("Vos références", f"SIREN {printed.siren}"),
            ("Compte travailleur indépendant", independent.number), ("Compte employeur", employer.number),
            ("Nos références", reference), ("Objet", "Attestation de vigilance")]
    if rng.random() < 0.5:
        refs[1], refs[2] = refs[2], refs[1]
    width = max(text_width_mm(label, bold(font), 8.8) for label, _ in refs) + 6
    flow.pairs([(f"{label} :", value) for label, value in refs], width, bold(font), 8.8)
    flow.space(6)
    flow.text("Madame," if holder.woman else "Monsieur,")
    flow.space(2)
    she = "travailleuse indépendante" if holder.woman else "travailleur indépendant"
    flow.text(rng.choice((
        (f"Nous attestons que {holder.name}, {she} ({holder.category.lower()}), exerçant sous le nom commercial "
         f"{company.name}, immatriculé{'e' if holder.woman else ''} sous le numéro SIREN {printed.siren} et dont "
         f"l'établissement principal porte le SIRET {printed.siret}, est à jour de ses obligations de déclaration et "
         f"de paiement des cotisations et contributions sociales, au regard de sa situation arrêtée au "
         f"{date_slash(printed.situation)}."),
        (f"Vous nous avez demandé une attestation de vigilance. Nous certifions que {holder.denomination}, "
         f"{company.name}, SIREN {printed.siren}, SIRET {printed.siret}, a souscrit ses déclarations et s'est "
         f"acquitté{'e' if holder.woman else ''} des cotisations et contributions sociales exigibles, pour la période du "
         f"{date_slash(printed.period_start)} au {date_slash(printed.situation)}."),
    )))
    flow.space(2)
    flow.text(f"La présente attestation vaut au titre de votre activité non salariée (compte travailleur indépendant "
              f"n° {independent.number}, dernière échéance, de {euros(independent.amount)}, réglée le "
              f"{date_slash(independent.paid_on)}) et au titre de votre activité d'employeur de personnel salarié "
              f"(compte employeur n° {employer.number}).")
    flow.space(2)
    flow.text(f"Pour la dernière période d'emploi déclarée ({employer.period}), vous avez déclaré un effectif de "
              f"{_plural(printed.staff, 'salarié')} et des rémunérations d'un montant de {euros(printed.wages)} ; le "
              f"versement correspondant, de {euros(employer.amount)}, a été enregistré le "
              f"{date_slash(employer.paid_on)}.")
    _code_box(flow, printed, rng)
    flow.space(4)
    flow.text(f"Nous vous prions d'agréer, {'Madame' if holder.woman else 'Monsieur'}, l'expression de nos "
              "salutations distinguées.")
    flow.space(4)
    flow.ensure(34)
    x, y = A4[0] - MARGIN - 74, flow.y
    if not dated_on_top:
        day = printed.issued
        sheet.add(Text(x, y + 4, f"Fait à {printed.town}, le {day}", 9.8, font))
        y += 7
    signer = french_name(rng)
    woman = signer.split()[0] in WOMEN
    office = (f"Pour le directeur et par délégation, {'la' if woman else 'le'} responsable du service des "
              "travailleurs indépendants")
    flow.y = sign_with_pen(sheet, x, y, office, signer, font, 74, 9.6, rng) + 2
    _legal(flow, foot=True)
    return flow.finish()
