"""Fresh attestation de vigilance family `urssaf_vlu` (fourth wave, written once `net_entreprises` had been looked
at): the attestation an Urssaf issues to a company that pays its contributions in one place — "versement en lieu
unique" (VLU), the Urssaf de liaison collecting for every establishment, or a "grand compte" handled by a dedicated
directorate. The Urssaf's letterhead with its postal address (a TSA box, a Cedex), a reference block at the right
("Date d'édition", the VLU or contributor account, the attestation's reference, the "Code de sécurité" on some),
the title over the "VLU" or "grand compte" mention, the company in a framed block ("Raison sociale", "Forme
juridique", its SIREN — printed once —, the head office, the Urssaf de liaison and the date the VLU took effect),
the real wording "atteste que l'entreprise … est à jour de ses obligations de déclaration et de paiement…", the
"Période de référence" and the head count, then a shaded table of the establishments (SIRET, address, Urssaf de
rattachement, effectif) with a total, running onto a second page when the company has many; the security code
in a box with the way to check it on urssaf.fr, "Fait à <the Urssaf's town>, le …" on some, the director's name and
signature, legal mentions and the Urssaf's address in the footer. Distractors: three to thirty-odd SIRET numbers
(the head office's among them), the account number, the attestation's reference, the situation date and the
reference period, the date the VLU took effect, head counts, the wages declared, the Urssaf's postcode."""
from __future__ import annotations

import datetime as dt
import itertools
import math
import random

from synth.companies import french_name
from synth.facts import CertificateFacts, DossierFacts
from synth.fmt import MONTHS_FR, date_long, date_slash, euros, siren_spaced, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.identifiers import establishment_siret, grouped
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
from synth.people import french_address
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_vigilance_numerique import REGIONS

MARGIN = 17.0
NAVY: Color = (16, 52, 110)
SHADE: Color = (232, 237, 245)
GREY: Color = (100, 100, 100)
INK: Color = (25, 35, 95)
# the town of each regional Urssaf's head office and its Cedex postcode
SEATS = {"Île-de-France": ("Montreuil", "93518"), "Rhône-Alpes": ("Lyon", "69287"),
         "Provence-Alpes-Côte d'Azur": ("Marseille", "13417"), "Midi-Pyrénées": ("Toulouse", "31062"),
         "Languedoc-Roussillon": ("Montpellier", "34967"), "Pays de la Loire": ("Nantes", "44933"),
         "Nord Pas-de-Calais": ("Lille", "59030"), "Aquitaine": ("Bordeaux", "33056"),
         "Bretagne": ("Rennes", "35017"), "Alsace": ("Strasbourg", "67084"), "Bourgogne": ("Dijon", "21046"),
         "Auvergne": ("Clermont-Ferrand", "63037"), "Normandie": ("Rouen", "76044")}
COLUMNS = (("N° SIRET", 33.0), ("Adresse de l'établissement", 83.0), ("Urssaf de rattachement", 42.0),
           ("Effectif", 18.0))
WOMEN = ("Claire", "Sophie", "Isabelle", "Émilie", "Hélène")  # the given names of french_name that are women's
ROW = 5.4  # height of a row of the establishments' table
LEGAL = ("Attestation délivrée en application des articles L. 243-15 et D. 243-15 du code de la sécurité sociale, "
         "au vu des déclarations et des versements {}. Elle ne préjuge pas des résultats d'un contrôle ultérieur{}. "
         "Le donneur d'ordre en vérifie l'authenticité (article D. 8222-5 du code du travail).")


def urssaf_vlu(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    cert = facts.certificate
    company = cert.company
    font = FontKey(rng.choice(("serif", "lserif", "lsans", "condensed")))
    region = REGIONS.get(_department(company.address)) or rng.choice(sorted(SEATS))
    town, postcode = SEATS[region]
    grand_compte = rng.random() < 0.4
    code = grouped(cert.security_code) if rng.random() < 0.4 else cert.security_code
    dated = rng.choice(("edition", "fait", "both", "both"))
    code_on_top = rng.random() < 0.45
    siren = siren_spaced(cert.siren) if rng.random() < 0.5 else cert.siren
    siren_in_block = rng.random() < 0.6
    reference = rng.choice((f"AV-{cert.issue_date:%Y}-{rng.randint(0, 9_999_999):07d}",
                            f"{'GC' if grand_compte else 'VLU'}/{cert.issue_date:%y%m}/{rng.randint(10_000, 99_999)}"))
    seat = (f"TSA {rng.randint(10, 99)}0{rng.randint(10, 99)}", f"{postcode} {town} Cedex")
    pages: list[Sheet] = []

    def running_head(sheet: Sheet) -> None:
        pages.append(sheet)
        if len(pages) > 1:
            sheet.add(Text(MARGIN, 14, "urssaf", 12, bold(font), NAVY),
                      Text(A4[0] - MARGIN, 14, f"Attestation de vigilance – {company.name} (suite)", 8, font, GREY,
                           "right"),
                      Rule(MARGIN, 17, A4[0] - MARGIN, 17, 0.3, NAVY))

    def footer(sheet: Sheet, page: int) -> None:
        sheet.add(Rule(MARGIN, 283, A4[0] - MARGIN, 283, 0.25, NAVY),
                  Text(MARGIN, 287, f"Urssaf {region} – {seat[0]} – {seat[1]} – www.urssaf.fr", 6.8, font, GREY),
                  Text(A4[0] - MARGIN, 287, f"Réf. {reference} – page {page}/{len(flow.sheets)}", 6.8, font, GREY,
                       "right"))

    flow = Flow(font, 9.2, margin=MARGIN, top=26, bottom=20, header=running_head, footer=footer)
    _letterhead(flow.sheet, font, region, grand_compte, seat)
    refs = [("Date d'édition", date_slash(cert.issue_date))] if dated != "fait" else []
    refs += [("Compte VLU n°" if not grand_compte else "N° de compte cotisant", cert.account),
             ("Référence", reference)]
    if code_on_top:
        refs.append(("Code de sécurité", code))
    _references(flow.sheet, font, refs)
    flow.y = 50
    flow.text("ATTESTATION DE VIGILANCE", 15, bold(font), "center", color=NAVY)
    flow.text("Entreprise en versement en lieu unique (VLU)" if not grand_compte else
              "Grand compte – attestation valant pour l'ensemble des établissements", 9.5, font, "center")
    flow.space(4)
    _company_block(flow, cert, region, grand_compte, siren if siren_in_block else None, rng)
    flow.space(3)
    signer = french_name(rng)
    woman = signer.split()[0] in WOMEN
    first_person = rng.random() < 0.5  # "Je soussigné, directeur…": then the director signs
    director = "directrice" if woman else "directeur"
    flow.text(_attests(cert, region, grand_compte, None if siren_in_block else siren,
                       f"Je soussigné{'e' if woman else ''}, {director}" if first_person else None))
    flow.space(2)
    rows = _establishments(cert, region, rng)
    _period(flow, cert, sum(int(r[3]) for r in rows), rng)
    flow.space(3)
    account = "VLU" if not grand_compte else "grand compte"
    flow.text(rng.choice(("Liste des établissements couverts par la présente attestation",
                          f"Établissements rattachés au compte {account} ({len(rows)})")), 10, bold(font), color=NAVY)
    _table(flow, rows)
    _verification(flow, code, code_on_top)
    office = (f"{'La' if woman else 'Le'} {director} de l'Urssaf {region}" if first_person or rng.random() < 0.4 else
              f"Pour le directeur et par délégation, {'la' if woman else 'le'} responsable "
              + ("du pôle grands comptes" if grand_compte else "du service VLU"))
    _signature(flow, office, signer, town, cert.issue_date if dated != "edition" else None, rng)
    flow.space(3)
    flow.text(LEGAL.format("enregistrés sur le compte unique de l'entreprise", "") if grand_compte else
              LEGAL.format("effectués par l'Urssaf de liaison pour le compte de l'ensemble des établissements "
                           "énumérés", " et ne concerne pas les établissements qui ne relèvent pas du versement en "
                           "lieu unique"), 6.8, font, color=GREY)
    fields: dict[str, FieldValue] = {"company_name": company.name, "siren": cert.siren,
                                     "issue_date": cert.issue_date.isoformat(), "security_code": code}
    return BuiltPiece("urssaf_certificate", "urssaf_certificate:urssaf_vlu", fields, sheets=flow.finish())


def _department(address: str) -> str:
    return address.rsplit(", ", 1)[-1][:2]


def _fit(text: str, font: FontKey, size: float, width: float) -> float:
    return min(size, size * width / max(text_width_mm(text, font, size), 0.1))


def _letterhead(sheet: Sheet, font: FontKey, region: str, grand_compte: bool, seat: tuple[str, str]) -> None:
    """The Urssaf's name, its service and its postal address at the top left."""
    service = ("Direction des grands comptes" if grand_compte else
               "Urssaf de liaison – Versement en lieu unique")
    sheet.add(Box(MARGIN, 11, 2.2, 26, fill=NAVY, stroke=None),
              Text(MARGIN + 5, 19, "urssaf", 22, bold(font), NAVY),
              Text(MARGIN + 5, 25, f"Urssaf {region}", 10, bold(font)),
              Text(MARGIN + 5, 29.5, service, 7.6, font),
              Text(MARGIN + 5, 33.5, f"{seat[0]} – {seat[1]}", 7.6, font, GREY),
              Text(MARGIN + 5, 37, "Tél. 3957 (service 0,12 €/min + prix appel) – www.urssaf.fr", 7, font, GREY),
              Rule(MARGIN, 42, A4[0] - MARGIN, 42, 0.5, NAVY))


def _references(sheet: Sheet, font: FontKey, refs: list[tuple[str, str]]) -> None:
    """The reference block at the top right: labels right-aligned against their values."""
    x = A4[0] - MARGIN - 52
    y = 16.0
    for label, value in refs:
        sheet.add(Text(x - 2, y, f"{label} :", 7.8, font, GREY, "right"),
                  Text(x, y, value, _fit(value, bold(font), 9, 52), bold(font)))
        y += 5.2


def _company_block(flow: Flow, cert: CertificateFacts, region: str, grand_compte: bool, siren: str | None,
                   rng: random.Random) -> None:
    """The company in a framed block: a shaded band with its heading, then label / value lines."""
    company = cert.company
    year = cert.issue_date.year
    since = dt.date(rng.randint(min(max(company.registration_year + 1, year - 12), year - 1), year - 1),
                    rng.choice((1, 1, 4, 7, 10)), 1)
    rows = [("Raison sociale", company.name), ("Forme juridique", company.legal_form_long)]
    if siren is not None:
        rows.append(("N° SIREN", siren))
    rows.append(("Siège social", company.address))
    if grand_compte:
        rows += [("Organisme gestionnaire", f"Urssaf {region} – Direction des grands comptes"),
                 ("Suivi en grand compte depuis le", date_slash(since))]
    else:
        rows += [("Urssaf de liaison", f"Urssaf {region}"), ("Date d'effet du VLU", date_slash(since))]
    sheet, font = flow.sheet, flow.font
    top, step = flow.y, flow.line_height(9.2) + 0.6
    label_w = max(text_width_mm(f"{label} :", font, 8.4) for label, _ in rows) + 4
    sheet.add(Box(MARGIN, top, flow.width, 6.5, fill=NAVY, stroke=None),
              Text(MARGIN + 3, top + 4.6, rng.choice(("IDENTIFICATION DE L'ENTREPRISE", "ENTREPRISE ATTESTÉE")), 8.5,
                   bold(font), (255, 255, 255)))
    y = top + 6.5 + 1.2
    for label, value in rows:
        y += step
        sheet.add(Text(MARGIN + 3, y, f"{label} :", 8.4, font, GREY),
                  Text(MARGIN + 3 + label_w, y, value, _fit(value, bold(font), 9.2, flow.width - label_w - 6),
                       bold(font)))
    sheet.add(Box(MARGIN, top, flow.width, y + 2.5 - top, stroke=NAVY, width=0.35))
    flow.y = y + 2.5


def _attests(cert: CertificateFacts, region: str, grand_compte: bool, siren: str | None, speaker: str | None) -> str:
    """The attestation's sentence; the SIREN in it when the block above leaves it out."""
    who = cert.company.name + (f", immatriculée sous le numéro SIREN {siren}," if siren else "")
    capacity = ("chargée de la gestion de son compte au titre des grands comptes" if grand_compte else
                "en sa qualité d'Urssaf de liaison pour le versement en lieu unique")
    if speaker is None:
        return (f"L'Urssaf {region}, {capacity}, atteste que l'entreprise {who} est à jour de ses obligations de "
                "déclaration et de paiement des cotisations et contributions sociales pour l'ensemble des "
                f"établissements dont la liste figure ci-après, au regard de sa situation au "
                f"{date_slash(cert.situation_date)}.")
    return (f"{speaker} de l'Urssaf {region}, atteste que l'entreprise {who} est à jour de ses "
            "obligations de déclaration et de paiement des cotisations de sécurité sociale, d'assurance chômage et "
            "de garantie des salaires, au titre de la période de référence indiquée ci-dessous et pour chacun des "
            "établissements énumérés.")


def _period(flow: Flow, cert: CertificateFacts, staff: int, rng: random.Random) -> None:
    """The reference period (the six months up to the situation), the situation date, the head count and, on some,
    the wages declared."""
    end = cert.situation_date
    first = end.month - 6  # the month five months before the situation's, counted from 0
    start = dt.date(end.year + first // 12, first % 12 + 1, 1)
    month = MONTHS_FR[start.month - 1]
    since = f"d'{month}" if month[0] in "ao" else f"de {month}"  # d'avril, d'août, d'octobre
    span = (f"du {date_slash(start)} au {date_slash(end)}" if rng.random() < 0.6 else
            f"{since} {start.year} à {MONTHS_FR[end.month - 1]} {end.year}")
    rows = [("Période de référence", span), ("Situation arrêtée au", date_slash(end)),
            ("Effectif total déclaré", f"{staff} salariés")]
    if rng.random() < 0.5:
        rows.append(("Rémunérations déclarées (dernier mois)", euros(round(staff * rng.uniform(2100, 3600), -2))))
    flow.pairs([(f"{label} :", value) for label, value in rows], 66, bold(flow.font), 9)


def _establishments(cert: CertificateFacts, region: str, rng: random.Random) -> list[tuple[str, str, str, str]]:
    """The head office first, then the other establishments: a few, or (on some seeds) enough to run onto a second
    page."""
    company = cert.company
    count = rng.randint(2, 7) if rng.random() < 0.6 else rng.randint(22, 32)
    head = REGIONS.get(_department(company.address), region)
    rows = [(siret_spaced(company.siret), f"Siège – {company.address}", head, str(rng.randint(12, 260)))]
    seen = {company.siret}
    others = []
    for _ in range(count):
        siret = establishment_siret(company, rng)
        if siret in seen:
            continue
        seen.add(siret)
        address = french_address(rng)
        others.append((siret_spaced(siret), address, REGIONS.get(_department(address), region),
                       str(rng.randint(1, 85))))
    if rng.random() < 0.5:
        others.sort()
    else:  # grouped by the Urssaf of their region
        others.sort(key=lambda row: (row[2], row[0]))
    return rows + others


def _table(flow: Flow, rows: list[tuple[str, str, str, str]]) -> None:
    """The establishments: a navy header row repeated on the next page, alternate rows shaded, no vertical rules,
    a total at the foot."""
    font = flow.font

    def head(caption: bool) -> None:
        if caption:
            flow.text("Liste des établissements (suite)", 9, bold(font), color=NAVY)
        flow.y += 1
        x = MARGIN
        flow.sheet.add(Box(MARGIN, flow.y, flow.width, ROW + 0.6, fill=NAVY, stroke=None))
        for title, width in COLUMNS:
            flow.sheet.add(Text(x + 1.5, flow.y + ROW - 1.3, title, 7.8, bold(font), (255, 255, 255)))
            x += width
        flow.y += ROW + 0.6

    def line(cells: tuple[str, ...], shade: bool, strong: bool) -> None:
        if flow.y + ROW > A4[1] - flow.bottom:
            flow.new_page()
            head(True)
        if shade:
            flow.sheet.add(Box(MARGIN, flow.y, flow.width, ROW, fill=SHADE, stroke=None))
        x, face = MARGIN, bold(font) if strong else font
        for i, (cell, (_, width)) in enumerate(zip(cells, COLUMNS)):
            last = i == len(COLUMNS) - 1  # the head count, right-aligned
            flow.sheet.add(Text(x + width - 3 if last else x + 1.5, flow.y + ROW - 1.5, cell,
                                _fit(cell, face, 8, width - 3), face, (0, 0, 0), "right" if last else "left"))
            x += width
        flow.y += ROW

    flow.ensure(4 * ROW)
    head(False)
    for i, row in enumerate(rows):
        line(row, i % 2 == 1, False)
    flow.sheet.add(Rule(MARGIN, flow.y, A4[0] - MARGIN, flow.y, 0.4, NAVY))
    line(("Total", f"{len(rows)} établissements", "", str(sum(int(r[3]) for r in rows))), False, True)
    flow.y += 2


def _verification(flow: Flow, code: str, on_top: bool) -> None:
    """The security code in a box with the way to check it; only the way when the code sits in the header."""
    how = ("Le donneur d'ordre peut vérifier l'authenticité de la présente attestation sur www.urssaf.fr, rubrique "
           "« Vérifier une attestation », en saisissant le numéro SIREN de l'entreprise et le code de sécurité")
    flow.space(3)
    if on_top:
        flow.text(how + " figurant en tête du document.", 8.5)
        return
    flow.ensure(22)
    top, sheet, font = flow.y, flow.sheet, flow.font
    lines = wrap(how + " ci-contre.", font, 8, flow.width - 78)
    height = max(15.0, 3.6 * len(lines) + 4)
    sheet.add(Box(MARGIN, top, 68, height, fill=SHADE, stroke=NAVY, width=0.4),
              Text(MARGIN + 34, top + height / 2 - 1.5, "Code de sécurité", 8, font, NAVY, "center"),
              Text(MARGIN + 34, top + height / 2 + 4, code, _fit(code, bold(font), 11.5, 62), bold(font), (0, 0, 0),
                   "center"))
    for i, text in enumerate(lines):
        sheet.add(Text(MARGIN + 74, top + 4.5 + 3.6 * i, text, 8, font))
    flow.y = top + height


def _signature(flow: Flow, office: str, signer: str, town: str, fait: dt.date | None, rng: random.Random) -> None:
    """"Fait à <town>, le …" on some, the director (or his delegate), the name and a pen signature, on the right."""
    flow.space(5)
    flow.ensure(34)
    x, sheet, font = A4[0] - MARGIN - 72, flow.sheet, flow.font
    y = flow.y
    if fait is not None:
        day = date_long(fait) if rng.random() < 0.6 else date_slash(fait)
        sheet.add(Text(x, y + 4, f"Fait à {town}, le {day}", 9.2, font))
        y += 7
    flow.y = sign_with_pen(sheet, x, y, office, signer, font, 72, 9.2, rng) + 1


def sign_with_pen(sheet: Sheet, x: float, y: float, office: str, signer: str, font: FontKey, width: float,
                  name_size: float, rng: random.Random) -> float:
    """Under `y` at `x`: the signer's office in lines of `width`, a pen signature and the signer's name in bold;
    returns the name's baseline."""
    for text in wrap(office, font, 8.8, width):
        y += 4
        sheet.add(Text(x, y, text, 8.8, font))
    _pen(sheet, x + 6, y + 12, rng)
    sheet.add(Text(x, y + 20, signer, name_size, bold(font)))
    return y + 20


def _pen(sheet: Sheet, x: float, y: float, rng: random.Random) -> None:
    """A signature: the loop of a capital, a wavering line after it and a stroke under them."""
    points = [(x + 3 * math.cos(k * math.pi / 6), y - 4 + 4 * math.sin(k * math.pi / 6)) for k in range(13)]
    points += [(x + 3 + 1.5 * k, y - 2 + rng.uniform(0.5, 2.2) * (-1) ** k) for k in range(rng.randint(14, 22))]
    sheet.add(*(Rule(a[0], a[1], b[0], b[1], 0.3, INK) for a, b in itertools.pairwise(points)),
              Rule(x - 2, y + 2.2, x + 36, y + 0.6, 0.3, INK))
