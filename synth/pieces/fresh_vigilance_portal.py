"""Fresh attestation de vigilance family `net_entreprises` (third wave, written once `urssaf_numerique` had been
looked at): the attestation as an accountant prints it for a client from the declarations portal — a grey header
with the portal's name and the date and hour it was printed, a small "Attestation de vigilance" box instead of a
title, the certifying Urssaf named in a sentence, the company either in a framed two-column panel where each label
sits above its value in small grey type ("Dénomination", "N° SIREN", "Adresse du siège") or in an indented block
after "Établissement principal :", the attestation's number and its "Date de délivrance" in a box at the right, a
barcode or a Datamatrix box with the "Code de sécurité" / "Clé de contrôle" printed under it, and the accounting
firm's footer (its name, its own SIRET, the page numbers); a second page of notes now and then. Distractors: the
print date and hour, the attestation's number, the contributor account number, the head office's SIRET, the date
of the situation, the accounting firm and its SIRET."""
from __future__ import annotations

import datetime as dt
import random

from synth.checksums import make_siren, make_siret
from synth.companies import Company, french_name
from synth.facts import CertificateFacts, DossierFacts
from synth.fmt import MONTHS_FR, date_long, date_slash, siren_spaced, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.identifiers import grouped
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, STREETS
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_vigilance_numerique import REGIONS
from synth.pieces.urssaf import URSSAF_REGIONS

MARGIN = 16.0
INK: Color = (30, 30, 30)
GREY: Color = (110, 110, 110)
PALE: Color = (242, 242, 242)
FRAME: Color = (160, 160, 160)
PORTAL = "net-entreprises.fr"
FIRM_HEADS = ("CABINET", "FIDUCIAIRE", "AUDIT CONSEIL", "COMPTA")
# the landline's first digit by département: 1 Île-de-France, 2 north-west, 3 north-east, 4 south-east, 5 south-west
PHONE_ZONES = {"75": "1", "44": "2", "49": "2", "35": "2", "76": "2", "59": "3", "67": "3", "21": "3", "69": "4",
               "38": "4", "13": "4", "06": "4", "34": "4", "63": "4", "31": "5", "33": "5"}
REF_BOX = (64.0, 25.0)  # width, height of the box holding the number and the delivery date


def net_entreprises(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    cert = facts.certificate
    company = cert.company
    font = FontKey(rng.choice(("lsans", "sans", "condensed", "lserif")))
    region = REGIONS.get(_department(company.address)) or rng.choice(URSSAF_REGIONS)
    code = grouped(cert.security_code) if rng.random() < 0.4 else cert.security_code
    code_label = rng.choice(("Code de sécurité", "Clé de contrôle"))
    number = rng.choice((f"{cert.issue_date:%Y%m%d}-{rng.randint(0, 999_999):06d}",
                         f"ATT{cert.issue_date:%y}{rng.randint(0, 99_999_999):08d}",
                         f"{rng.randint(1, 9)}{rng.randint(0, 99_999_999_999):011d}"))
    issued = date_slash(cert.issue_date) if rng.random() < 0.7 else date_long(cert.issue_date)
    printed = _printed_on(cert.issue_date, facts.reference_date, rng)
    firm = _firm(company, rng)
    notes_page = rng.random() < 0.3
    pages = 2 if notes_page else 1
    page_style = rng.choice(("Page {page}/{pages}", "{page} / {pages}", "Page {page} sur {pages}"))
    dark = rng.random() < 0.5
    subtitle = rng.choice(("Le portail des déclarations sociales", "Espace tiers déclarant – Service Attestations"))

    def footer(sheet: Sheet, page: int) -> None:
        sheet.add(Rule(MARGIN, 280, A4[0] - MARGIN, 280, 0.25, FRAME),
                  Text(MARGIN, 284, f"{firm[0]} – Expertise comptable – SIRET {siret_spaced(firm[1])}", 7.2,
                       bold(font), GREY),
                  Text(MARGIN, 288, firm[2], 6.8, font, GREY),
                  Text(A4[0] - MARGIN, 284, page_style.format(page=page, pages=pages), 7.2, font, GREY, "right"))

    flow = Flow(font, 9.5, margin=MARGIN, top=30, bottom=22, footer=footer,
                header=lambda sheet: _header(sheet, font, printed, subtitle, dark))
    if rng.random() < 0.5:
        _panel_layout(flow, cert, region, number, issued, rng)
    else:
        _block_layout(flow, cert, region, number, issued, rng)
    _code_area(flow, code_label, code, rng)
    flow.space(3)
    signer = rng.choice(("Le directeur de l'Urssaf {}", "Pour le directeur de l'Urssaf {}, par délégation"))
    flow.text(signer.format(region), 9, bold(font), "right")
    flow.space(4)
    for paragraph in LEGAL:
        flow.text(paragraph, 6.8, font, color=GREY)
        flow.space(1)
    if notes_page:
        _notes(flow, firm, region)
    fields: dict[str, FieldValue] = {"company_name": company.name, "siren": cert.siren,
                                     "issue_date": cert.issue_date.isoformat(), "security_code": code}
    return BuiltPiece("urssaf_certificate", "urssaf_certificate:net_entreprises", fields, sheets=flow.finish())


LEGAL = (
    ("Attestation délivrée en application des articles L. 243-15 et D. 243-15 du code de la sécurité sociale. Elle "
     "est remise au donneur d'ordre lors de la conclusion d'un contrat d'un montant au moins égal à 5 000 euros hors "
     "taxes, puis tous les six mois jusqu'à la fin de son exécution (articles L. 8222-1 et D. 8222-5 du code du "
     "travail)."),
    ("Elle est établie au vu des déclarations et des paiements enregistrés à la date indiquée et ne préjuge pas des "
     "résultats d'un contrôle ultérieur. Elle ne vaut pas attestation de régularité fiscale."),
)


def _department(address: str) -> str:
    return address.rsplit(", ", 1)[-1][:2]


def _printed_on(issue: dt.date, reference: dt.date, rng: random.Random) -> str:
    """The date and hour the accountant printed it: the day it was delivered, or a few days after (before the
    dossier was sent)."""
    later = min(6, (reference - issue).days - 1)
    day = issue + dt.timedelta(days=rng.randint(1, later) if later >= 1 and rng.random() < 0.5 else 0)
    hour, minute = rng.randint(8, 19), rng.randint(0, 59)
    return rng.choice((f"Imprimé le {date_slash(day)} à {hour:02d}:{minute:02d}",
                       f"Édité le {date_slash(day)} à {hour:02d}h{minute:02d}",
                       f"Date d'impression : {date_slash(day)} {hour:02d}:{minute:02d}"))


def _firm(employer: Company, rng: random.Random) -> tuple[str, str, str]:
    """(name, SIRET, address and registration line) of the accounting firm that printed the attestation: most
    often in the client's town."""
    surname = french_name(rng).split()[-1]
    name = rng.choice((f"{rng.choice(FIRM_HEADS)} {surname}", f"{surname} & ASSOCIÉS",
                       f"{rng.choice(FIRM_HEADS)} {surname} ET ASSOCIÉS"))
    siren = make_siren(rng)
    while siren == employer.siren:
        siren = make_siren(rng)
    town = employer.address.rsplit(", ", 1)[-1]
    if rng.random() < 0.4:
        town = "{1} {0}".format(*rng.choice(FRENCH_CITIES))
    phone = " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4))
    return name, make_siret(siren, rng), (f"{rng.randint(1, 90)} {rng.choice(STREETS)}, {town} – Société inscrite au "
                                          f"Tableau de l'Ordre des experts-comptables – Tél. "
                                          f"0{PHONE_ZONES.get(town[:2], '1')} {phone}")


def _header(sheet: Sheet, font: FontKey, printed: str, subtitle: str, dark: bool) -> None:
    """The portal's grey band on every page: its name on the left, the print date and hour on the right."""
    fill, ink, soft = ((92, 92, 96), (255, 255, 255), (215, 215, 215)) if dark else ((226, 226, 226), INK, GREY)
    sheet.add(Box(0, 0, A4[0], 19, fill=fill, stroke=None),
              Text(MARGIN, 10, PORTAL, 14, bold(font), ink),
              Text(MARGIN, 15.5, subtitle, 7.5, font, soft),
              Text(A4[0] - MARGIN, 10, printed, 8.5, font, ink, "right"),
              Text(A4[0] - MARGIN, 15.5, "Mes services › Attestations › Vigilance", 7, font, soft, "right"))


def _title_box(sheet: Sheet, font: FontKey, x: float, y: float) -> float:
    """The small "Attestation de vigilance" box; returns its bottom."""
    label = "Attestation de vigilance"
    width = text_width_mm(label, bold(font), 9) + 6
    sheet.add(Box(x, y, width, 7.5, fill=PALE, stroke=INK, width=0.35), Text(x + 3, y + 5.2, label, 9, bold(font)))
    return y + 7.5


def _ref_box(sheet: Sheet, font: FontKey, y: float, number: str, issued: str, rng: random.Random) -> float:
    """The attestation's number and its delivery date, in a box at the right; returns its bottom."""
    width, height = REF_BOX
    x = A4[0] - MARGIN - width
    number_label = rng.choice(("N° d'attestation", "Référence de l'attestation", "Identifiant de l'attestation"))
    sheet.add(Box(x, y, width, height, stroke=INK, width=0.35),
              Text(x + 3, y + 5, number_label, 7, font, GREY), Text(x + 3, y + 10, number, 9.5, bold(font)),
              Rule(x, y + 12.5, x + width, y + 12.5, 0.2, FRAME),
              Text(x + 3, y + 17.5, "Date de délivrance", 7, font, GREY), Text(x + 3, y + 22.5, issued, 10.5, bold(font)))
    return y + height


def _beside(sheet: Sheet, text: str, font: FontKey, size: float, x: float, y: float, width: float) -> float:
    """`text` wrapped in `width` from (x, y); returns the last baseline."""
    for line in wrap(text, font, size, width):
        y += size * 0.3528 * 1.4
        sheet.add(Text(x, y, line, size, font))
    return y


def _fit(text: str, font: FontKey, size: float, width: float) -> float:
    return min(size, size * width / max(text_width_mm(text, font, size), 0.1))


def _month(cert: CertificateFacts) -> str:
    """The last period of employment the situation covers: "avril 2026"."""
    return f"{MONTHS_FR[cert.situation_date.month - 1]} {cert.situation_date.year}"


def _panel_layout(flow: Flow, cert: CertificateFacts, region: str, number: str, issued: str,
                  rng: random.Random) -> None:
    """The title box and the sentence on the left, the references at the right; then the company in a framed
    panel, two columns of labels above their values."""
    company, sheet = cert.company, flow.sheet
    top = 26.0
    bottom = _title_box(sheet, flow.font, MARGIN, top)
    ref_bottom = _ref_box(sheet, flow.font, top, number, issued, rng)
    sentence = rng.choice((
        (f"L'Urssaf {region}, organisme de recouvrement dont relève l'entreprise, atteste que le cotisant identifié "
         "ci-dessous est à jour de ses obligations de déclaration et de paiement des cotisations et contributions "
         f"sociales au {date_slash(cert.situation_date)}."),
        (f"Au vu des déclarations et des paiements enregistrés au {date_slash(cert.situation_date)}, l'Urssaf "
         f"{region} certifie que l'entreprise désignée ci-dessous a satisfait à ses obligations déclaratives et de "
         "paiement."),
    ))
    last = _beside(sheet, sentence, flow.font, 9.5, MARGIN, bottom + 2, A4[0] - 2 * MARGIN - REF_BOX[0] - 6)
    flow.y = max(last, ref_bottom) + 6
    left = [("Dénomination", company.name), ("N° SIREN", siren_spaced(cert.siren) if rng.random() < 0.6 else cert.siren),
            ("Adresse du siège", company.address)]
    right = [("Forme juridique", company.legal_form_long), ("SIRET du siège", siret_spaced(company.siret)),
             ("N° de compte cotisant", cert.account)]
    if rng.random() < 0.5:
        right[1], right[2] = right[2], right[1]
    _panel(flow, rng.choice(("Identification de l'entreprise", "Cotisant")), list(zip(left, right)))
    flow.space(3)
    flow.text(f"La présente attestation porte sur l'ensemble des établissements de l'entreprise. Dernière période "
              f"d'emploi exigible : {_month(cert)}.", 9)


def _panel(flow: Flow, heading: str, rows: list[tuple[tuple[str, str], tuple[str, str]]]) -> None:
    """A framed panel under a shaded heading: each row two cells, the label above its value in small grey type."""
    sheet, font = flow.sheet, flow.font
    top, half = flow.y, flow.width / 2
    sheet.add(Box(MARGIN, top, flow.width, 7, fill=PALE, stroke=None), Text(MARGIN + 3, top + 4.9, heading, 8.5,
                                                                           bold(font)))
    y = top + 7
    for pair in rows:
        for i, (label, value) in enumerate(pair):
            x = MARGIN + 3 + i * half
            sheet.add(Text(x, y + 4.5, label, 7, font, GREY),
                      Text(x, y + 9.5, value, _fit(value, bold(font), 10, half - 6), bold(font)))
        y += 12
    sheet.add(Box(MARGIN, top, flow.width, y + 2 - top, stroke=FRAME, width=0.3),
              Rule(MARGIN + half, top + 9, MARGIN + half, y, 0.2, FRAME))
    flow.y = y + 2


def _block_layout(flow: Flow, cert: CertificateFacts, region: str, number: str, issued: str,
                  rng: random.Random) -> None:
    """The title box, the certifying sentence over the page's width, then "Établissement principal :" and the
    company in an indented block, the references in a box at its right."""
    company, sheet = cert.company, flow.sheet
    flow.y = _title_box(sheet, flow.font, MARGIN, 26.0) + 2
    flow.text(rng.choice((
        (f"L'Urssaf {region} certifie que l'entreprise mentionnée ci-après a souscrit l'ensemble de ses déclarations "
         "sociales et s'est acquittée des cotisations et contributions dues, au regard de sa situation au "
         f"{date_slash(cert.situation_date)}."),
        (f"Nous, Urssaf {region}, attestons que le cotisant désigné ci-dessous est à jour de ses obligations en "
         "matière de déclaration et de paiement des cotisations de sécurité sociale, d'assurance chômage et de "
         f"garantie des salaires, situation arrêtée au {date_long(cert.situation_date)}."),
    )))
    flow.space(4)
    top = flow.y
    _ref_box(sheet, flow.font, top, number, issued, rng)
    flow.text("Établissement principal :", 9.5, bold(flow.font))
    street, town = company.address.split(", ", 1)
    siren = siren_spaced(cert.siren) if rng.random() < 0.5 else cert.siren
    lines = [(company.name, True), (company.legal_form_long, False), (street, False), (town, False)]
    ids = [f"SIREN : {siren}", f"SIRET : {siret_spaced(company.siret)}", f"Compte cotisant n° {cert.account}"]
    if rng.random() < 0.5:
        ids = [f"N° SIREN {siren}", f"SIRET du siège {company.siret}", f"N° de compte {cert.account}"]
    step = flow.line_height()
    for text, strong in lines + [(line, False) for line in ids]:
        flow.y += step
        sheet.add(Text(MARGIN + 12, flow.y, text, 9.5, bold(flow.font) if strong else flow.font))
    sheet.add(Rule(MARGIN + 8, top + step + 1.5, MARGIN + 8, flow.y + 1.5, 0.5, FRAME))
    flow.y = max(flow.y, top + REF_BOX[1]) + 5
    flow.text(f"Cette attestation vaut pour l'ensemble des établissements de l'entreprise ; les cotisations de la "
              f"période d'emploi de {_month(cert)} y sont prises en compte.", 9)


def _code_area(flow: Flow, code_label: str, code: str, rng: random.Random) -> None:
    """A barcode or a Datamatrix box with the code printed under it, the way to check it beside."""
    flow.space(6)
    flow.ensure(40)
    sheet, font, top = flow.sheet, flow.font, flow.y
    barcode = rng.random() < 0.5
    mark_w = 72.0 if barcode else 26.0
    mark_x = MARGIN if rng.random() < 0.6 else A4[0] - MARGIN - max(mark_w, 56)
    if barcode:
        _barcode(sheet, mark_x, top, mark_w, 13, rng)
        under = top + 13
    else:
        sheet.add(Box(mark_x - 2, top - 2, 30, 30, stroke=FRAME, width=0.3))
        _datamatrix(sheet, mark_x, top, mark_w, rng)
        under = top + 28
    one_line = rng.random() < 0.5
    if one_line:
        sheet.add(Text(mark_x, under + 5, f"{code_label} : {code}", 10, bold(font)))
        below = under + 6
    else:
        sheet.add(Text(mark_x, under + 4.5, code_label, 7.5, font, GREY),
                  Text(mark_x, under + 9.5, code, 11, bold(font)))
        below = under + 10.5
    article = "le code de sécurité" if code_label.startswith("Code") else "la clé de contrôle"
    howto = (f"Le donneur d'ordre peut vérifier l'authenticité de cette attestation sur www.urssaf.fr, rubrique "
             f"« Vérifier une attestation », en saisissant le numéro SIREN de l'entreprise et {article} imprimé"
             f"{'' if article.startswith('le') else 'e'} sous le "
             f"{'code-barres' if barcode else 'pictogramme Datamatrix'}.")
    text_x = mark_x + max(mark_w, 56) + 6 if mark_x == MARGIN else MARGIN
    text_w = A4[0] - MARGIN - text_x if mark_x == MARGIN else mark_x - MARGIN - 6
    last = _beside(sheet, howto, font, 8, text_x, top, text_w)
    flow.y = max(below, last) + 2


def _barcode(sheet: Sheet, x: float, y: float, width: float, height: float, rng: random.Random) -> None:
    """A one-dimensional barcode: quiet edges, guard bars and bars of one to four modules."""
    module = 0.3
    widths = [2, 1, 1, 2]
    while sum(widths) * module < width - 2:
        widths.append(rng.choice((1, 1, 2, 3, 4)))
    widths += [2, 3, 1, 1]
    cursor, dark = x, True
    for units in widths:
        if dark:
            sheet.add(Box(cursor, y, units * module, height, fill=(0, 0, 0), stroke=None))
        cursor += units * module
        dark = not dark


def _datamatrix(sheet: Sheet, x: float, y: float, size: float, rng: random.Random) -> None:
    """A 22-module Datamatrix: solid left and bottom edges, a clock track on the top and right, random data."""
    n = 22
    module = size / n
    for row in range(n):
        for col in range(n):
            if col == 0 or row == n - 1:
                dark = True
            elif row == 0:
                dark = col % 2 == 0
            elif col == n - 1:
                dark = row % 2 == 1
            else:
                dark = rng.random() < 0.48
            if dark:
                sheet.add(Box(x + col * module, y + row * module, module, module, fill=(0, 0, 0), stroke=None))


def _notes(flow: Flow, firm: tuple[str, str, str], region: str) -> None:
    """A second page: how the attestation was obtained and what it covers."""
    flow.new_page()
    flow.text("Informations complémentaires", 11, bold(flow.font))
    flow.space(3)
    for paragraph in (
            (f"Cette attestation a été obtenue sur {PORTAL} par le tiers déclarant {firm[0]}, mandaté par "
             "l'entreprise pour l'accomplissement de ses déclarations sociales, et imprimée à sa demande."),
            (f"Elle est délivrée par l'Urssaf {region} au vu des déclarations sociales nominatives (DSN) transmises "
             "et des paiements enregistrés ; les cotisations dont l'échéance n'est pas encore atteinte n'y sont pas "
             "prises en compte."),
            ("Une attestation de vigilance est valable six mois à compter de sa date de délivrance. Le donneur "
             "d'ordre qui n'en vérifie pas l'authenticité peut être tenu solidairement au paiement des cotisations "
             "dues par son cocontractant.")):
        flow.text(paragraph, 9)
        flow.space(2.5)
