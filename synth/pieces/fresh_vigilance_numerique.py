"""Fresh attestation de vigilance family `urssaf_numerique` (second wave, written once `cssm_mayotte` had been
looked at): the attestation as an Urssaf online account delivers it in its newer design — a blue banner with
the Urssaf's name, the company told in one paragraph of prose (name, legal form, SIREN as "123 456 789",
head-office address) rather than a label grid, a table of its establishments with their SIRET, a QR-code box
beside the sentence that the attestation can be checked on urssaf.fr with its "code de sécurité" (or "code
d'authentification"), the date it was delivered ("Délivrée le" / "Date d'édition"), and the legal mentions in
small type at the foot. Distractors: the "situation au" date and the last period declared, the contributor
account number, the attestation's own number, the head count and the wages declared, every establishment's
SIRET."""
from __future__ import annotations

import random
from typing import Literal

from synth.facts import CertificateFacts, DossierFacts
from synth.fmt import MONTHS_FR, date_long, date_slash, euros, siren_spaced, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.identifiers import establishment_siret, grouped
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
from synth.people import french_address
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.urssaf import URSSAF_REGIONS

BLUE: Color = (0, 62, 137)
LIGHT: Color = (0, 156, 214)
PALE: Color = (234, 241, 249)
GREY: Color = (95, 95, 95)
MARGIN = 18.0
# the regional Urssaf of the head office's département
REGIONS = {"75": "Île-de-France", "69": "Rhône-Alpes", "38": "Rhône-Alpes", "13": "Provence-Alpes-Côte d'Azur",
           "06": "Provence-Alpes-Côte d'Azur", "31": "Midi-Pyrénées", "34": "Languedoc-Roussillon",
           "44": "Pays de la Loire", "49": "Pays de la Loire", "59": "Nord Pas-de-Calais", "33": "Aquitaine",
           "35": "Bretagne", "67": "Alsace", "21": "Bourgogne", "63": "Auvergne", "76": "Normandie"}
LEGAL_FOOT = (
    ("Article L. 243-15 du code de la sécurité sociale : l'attestation est délivrée à la personne qui "
     "s'acquitte des cotisations et contributions dues à leur date d'exigibilité et, le cas échéant, qui a "
     "souscrit et respecte un plan d'apurement des cotisations restant dues ou conteste leur montant par un "
     "recours contentieux. Elle ne préjuge pas des résultats d'un contrôle ultérieur."),
    ("Article D. 8222-5 du code du travail : le donneur d'ordre se fait remettre par son cocontractant, lors "
     "de la conclusion du contrat puis tous les six mois jusqu'à la fin de son exécution, une attestation de "
     "fourniture des déclarations sociales et de paiement des cotisations et contributions de sécurité sociale "
     "datant de moins de six mois, dont il s'assure de l'authenticité auprès de l'organisme de recouvrement."),
    ("Les informations de la présente attestation sont issues des déclarations du cotisant. Vous disposez d'un "
     "droit d'accès et de rectification des données vous concernant auprès de votre Urssaf."),
)


def urssaf_numerique(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    cert = facts.certificate
    company = cert.company
    font = FontKey(rng.choice(("lsans", "sans", "condensed")))
    region = REGIONS.get(company.address.rsplit(", ", 1)[-1][:2]) or rng.choice(URSSAF_REGIONS)
    code = grouped(cert.security_code) if rng.random() < 0.35 else cert.security_code
    code_label = rng.choice(("Code de sécurité", "Code de sécurité", "Code d'authentification"))
    number = f"{cert.issue_date.year}-{company.address.rsplit(', ', 1)[-1][:2]}-{rng.randint(0, 9_999_999):07d}"
    issued = (rng.choice(("Délivrée le", "Date d'édition :")),
              date_slash(cert.issue_date) if rng.random() < 0.6 else date_long(cert.issue_date))
    qr_on_top = rng.random() < 0.5

    def footer(sheet: Sheet, page: int) -> None:
        sheet.add(Rule(MARGIN, 285.5, A4[0] - MARGIN, 285.5, 0.2, LIGHT),
                  Text(MARGIN, 289.5, f"Attestation n° {number} – éditée le {date_slash(cert.issue_date)} depuis "
                                      "votre espace en ligne urssaf.fr", 6.8, font, GREY),
                  Text(A4[0] - MARGIN, 289.5, f"Page {page}/{len(flow.sheets)}", 6.8, font, GREY, "right"))

    flow = Flow(font, 9.5, margin=MARGIN, top=36, bottom=14, footer=footer)
    _banner(flow.sheet, font, region)
    if qr_on_top:
        _heading_with_qr(flow, cert, issued, number, code_label, code, rng)
    else:
        _heading_strip(flow, cert, issued, number)
    _body(flow, cert, region, rng)
    if not qr_on_top:
        _verification_panel(flow, code_label, code, rng)
    flow.space(3)
    flow.text(f"Le directeur de l'Urssaf {region}", 9.5, bold(font), "right")
    _legal_foot(flow)
    fields: dict[str, FieldValue] = {"company_name": company.name, "siren": cert.siren,
                                     "issue_date": cert.issue_date.isoformat(), "security_code": code}
    return BuiltPiece("urssaf_certificate", "urssaf_certificate:urssaf_numerique", fields, sheets=flow.finish())


def _banner(sheet: Sheet, font: FontKey, region: str) -> None:
    sheet.add(Box(0, 0, A4[0], 25, fill=BLUE, stroke=None), Box(0, 25, A4[0], 1.4, fill=LIGHT, stroke=None),
              Text(MARGIN, 14, "urssaf", 24, bold(font), (255, 255, 255)),
              Text(MARGIN, 20.5, f"Urssaf {region}", 8.5, font, (255, 255, 255)),
              Text(A4[0] - MARGIN, 12, "Attestation de vigilance", 11, bold(font), (255, 255, 255), "right"),
              Text(A4[0] - MARGIN, 18, "Espace en ligne – www.urssaf.fr", 8, font, (210, 228, 245), "right"))


def _title(flow: Flow, align: Literal["left", "center"]) -> None:
    flow.text("ATTESTATION DE VIGILANCE", 15, bold(flow.font), align, color=BLUE)
    flow.text("Article L. 243-15 du code de la sécurité sociale", 8.5, flow.font, align, color=GREY)


def _heading_with_qr(flow: Flow, cert: CertificateFacts, issued: tuple[str, str], number: str, code_label: str,
                     code: str, rng: random.Random) -> None:
    """Title and references on the left, the QR box with its code on the right."""
    top = flow.y
    box_w, box_x = 52.0, A4[0] - MARGIN - 52.0
    flow.y = top + 2
    _title(flow, "left")
    flow.space(4)
    size = flow.size
    for label, value in (issued, ("N° d'attestation :", number), ("N° de compte cotisant :", cert.account)):
        flow.y += flow.line_height(size)
        flow.sheet.add(Text(MARGIN, flow.y, label, size - 0.5, flow.font, GREY),
                       Text(MARGIN + 44, flow.y, value, size, bold(flow.font)))
    sheet = flow.sheet
    sheet.add(Box(box_x, top, box_w, 62, fill=PALE, stroke=LIGHT, width=0.3, radius=2))
    _qr(sheet, box_x + (box_w - 26) / 2, top + 3, 26, rng)
    y = top + 34
    for line in wrap("Vérifiez l'authenticité de cette attestation sur urssaf.fr ou en flashant ce QR code, "
                     f"avec le {code_label.lower()} :", flow.font, 7, box_w - 5):
        y += 3.1
        sheet.add(Text(box_x + box_w / 2, y, line, 7, flow.font, GREY, "center"))
    y += 3
    sheet.add(Text(box_x + box_w / 2, y + 1.5, code_label, 7.5, flow.font, BLUE, "center"),
              Text(box_x + box_w / 2, y + 6.5, code, _fitting(code, bold(flow.font), 10.5, box_w - 4), bold(flow.font),
                   (0, 0, 0), "center"))
    flow.y = max(flow.y, top + 62) + 6


def _heading_strip(flow: Flow, cert: CertificateFacts, issued: tuple[str, str], number: str) -> None:
    """The title centred, then the references in a shaded strip of cells, labels above their values."""
    _title(flow, "center")
    flow.space(4)
    cells = [(issued[0].removesuffix(" :"), issued[1]), ("Situation au", date_slash(cert.situation_date)),
             ("N° de compte cotisant", cert.account), ("N° d'attestation", number)]
    widths = (34.0, 28.0, 56.0, flow.width - 118.0)
    top, x = flow.y, MARGIN
    for (label, value), width in zip(cells, widths):
        flow.sheet.add(Box(x, top, width, 12, fill=PALE, stroke=(255, 255, 255), width=0.8),
                       Text(x + 2, top + 4.2, label, 7, flow.font, BLUE),
                       Text(x + 2, top + 9.4, value, _fitting(value, bold(flow.font), 9, width - 3), bold(flow.font)))
        x += width
    flow.y = top + 12 + 6


def _fitting(text: str, font: FontKey, size: float, width: float) -> float:
    """`size`, or less, for `text` to fit in `width` millimetres."""
    return min(size, size * width / max(text_width_mm(text, font, size), 0.1))


def _body(flow: Flow, cert: CertificateFacts, region: str, rng: random.Random) -> None:
    company = cert.company
    siren = siren_spaced(cert.siren)
    situation = date_slash(cert.situation_date)
    if rng.random() < 0.5:
        flow.text(f"L'Urssaf {region} atteste que l'entreprise {company.name} ({company.legal_form_long}), "
                  f"identifiée sous le numéro SIREN {siren}, dont le siège social est situé {company.address}, est à "
                  "jour de ses obligations de déclaration et de paiement des cotisations et contributions sociales, "
                  f"au regard de sa situation au {situation}.")
    else:
        flow.text(f"Après examen de son compte, l'Urssaf {region} certifie que {company.name}, {company.legal_form}, "
                  f"SIREN {siren}, {company.address}, a satisfait à ses obligations de déclaration et de paiement des "
                  "cotisations et contributions de sécurité sociale, d'assurance chômage et de garantie des salaires. "
                  f"Situation au {situation}.")
    flow.space(2.5)
    period = cert.situation_date
    staff = rng.randint(1, 140)
    wages = round(staff * rng.uniform(1900, 3900), -1)
    flow.text(f"Au titre de la dernière période d'emploi déclarée ({MONTHS_FR[period.month - 1]} {period.year}), "
              f"l'entreprise a déclaré un effectif de {staff} salarié{'s' if staff > 1 else ''} et un montant total de "
              f"rémunérations de {euros(wages)}.")
    flow.space(2.5)
    flow.text("La présente attestation vaut pour l'ensemble des établissements de l'entreprise :")
    flow.table(_establishments(cert, rng), (44.0, 96.0, flow.width - 140.0), 8.5, bold(flow.font), PALE)


def _establishments(cert: CertificateFacts, rng: random.Random) -> list[tuple[str, ...]]:
    company = cert.company
    rows: list[tuple[str, ...]] = [("SIRET", "Adresse de l'établissement", "Nature"),
                                   (siret_spaced(company.siret), company.address, "Siège")]
    seen = {company.siret}
    for _ in range(rng.randint(0, 3)):
        siret = establishment_siret(company, rng)
        if siret not in seen:
            seen.add(siret)
            rows.append((siret_spaced(siret), french_address(rng), "Secondaire"))
    if rng.random() < 0.4:  # listed by SIRET, the head office where it falls
        rows[1:] = sorted(rows[1:])
    return rows


def _verification_panel(flow: Flow, code_label: str, code: str, rng: random.Random) -> None:
    """The QR code on the left of a pale panel, the way to check the attestation and its code beside it."""
    flow.space(5)
    flow.ensure(34)
    top, sheet = flow.y, flow.sheet
    sheet.add(Box(MARGIN, top, flow.width, 32, fill=PALE, stroke=None, radius=2))
    _qr(sheet, MARGIN + 3, top + 3, 26, rng)
    text_x = MARGIN + 34
    y = top + 2
    for line in wrap("Cette attestation peut être vérifiée sur le site urssaf.fr, rubrique « Vérifier une attestation », "
                     f"ou en scannant le QR code ci-contre. Saisissez le SIREN de l'entreprise et le {code_label.lower()} "
                     "ci-dessous.", flow.font, 8, flow.width - 38):
        y += 3.6
        sheet.add(Text(text_x, y, line, 8, flow.font))
    sheet.add(Text(text_x, y + 8, f"{code_label} : {code}", 11, bold(flow.font), BLUE))
    flow.y = top + 32 + 2


def _qr(sheet: Sheet, x: float, y: float, size: float, rng: random.Random) -> None:
    """A 25-module QR code: its three finder squares and random modules, drawn as runs of dark modules."""
    n = 25
    module = size / n
    dark = [[rng.random() < 0.5 for _ in range(n)] for _ in range(n)]
    for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
        for i in range(-1, 8):
            for j in range(-1, 8):
                if 0 <= fy + i < n and 0 <= fx + j < n:
                    ring = max(abs(i - 3), abs(j - 3))
                    dark[fy + i][fx + j] = ring in (0, 1, 3)
    sheet.add(Box(x - 1.5, y - 1.5, size + 3, size + 3, fill=(255, 255, 255), stroke=None))
    for row in range(n):
        col = 0
        while col < n:
            if not dark[row][col]:
                col += 1
                continue
            start = col
            while col < n and dark[row][col]:
                col += 1
            sheet.add(Box(x + start * module, y + row * module, (col - start) * module, module, fill=(0, 0, 0),
                          stroke=None))


def _legal_foot(flow: Flow) -> None:
    """The legal mentions in small type, at the foot of the last page."""
    size = 6.8
    lines = sum(len(wrap(p, flow.font, size, flow.width)) for p in LEGAL_FOOT)
    height = lines * flow.line_height(size) + 1.5 * len(LEGAL_FOOT) + 2
    flow.y = max(flow.y + 6, A4[1] - flow.bottom - height)
    flow.sheet.add(Rule(MARGIN, flow.y, MARGIN + 40, flow.y, 0.3, LIGHT))
    flow.space(1)
    for paragraph in LEGAL_FOOT:
        flow.text(paragraph, size, flow.font, color=GREY)
        flow.space(1.5)
