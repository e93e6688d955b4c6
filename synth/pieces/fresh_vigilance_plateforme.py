"""Fresh attestation de vigilance family `plateforme_conformite` (fifth urssaf wave, written after `urssaf_vlu`
without looking at it): the attestation as a subcontracting-compliance platform hands it to a client company — the
platform (an invented one: "ConformaDoc", "Attestia", "Vigilis", "Fourniscope") collects its suppliers' compulsory
documents, checks them and shows them to the clients (the "donneurs d'ordre") that must keep them (articles L. 8222-1
and D. 8222-5 of the code du travail).

Three sub-layouts:
- `depot`: a first page that is the platform's own "Certificat de dépôt" — the platform's header band, the supplier
  (raison sociale, SIREN, SIRET, address), the document (type, the platform's own document number, "Déposé le",
  "Contrôlé le", "Valable jusqu'au" six months after the attestation, the way it was checked), a "CONFORME" badge with
  "Document vérifié auprès de l'Urssaf", the client that asked for it (its name, its SIREN, the request's number and
  date) and a table of the supplier's other documents (Kbis, insurance, list of foreign employees, tax certificate),
  each with its own dates; then the attestation itself reproduced on page 2 under a slim band of the platform.
- `fiche`: a "Fiche de conformité du fournisseur" — the supplier and the client in two framed panels side by side, an
  overall status, one table of every compulsory document with its document date, deposit, control and validity
  dates (the Urssaf attestation among them), the detail of the Urssaf check; the attestation on page 2, and on some
  a third page with the file's history (dated events).
- `encadre`: one compact strip of cells (the deposit certificate's number, the supplier, the dates, the client, the
  status) then the attestation reproduced in a frame on page 1 under "Copie du document déposé"; on most a second
  page with the other documents and the client's duties.

The embedded attestation keeps the Urssaf's usual wording: the Urssaf's name, "ATTESTATION DE VIGILANCE",
"délivrée le" (or "Date de délivrance" at the top right) with the issue date, "Identification de l'entreprise" with
the raison sociale, legal form, SIREN, head office, number of establishments and contributor account (as label/value
lines or a ruled table), the attesting sentence with the "situation au" date, the head count and wages of the last
period, the "Code de sécurité" in a box, "à vérifier sur www.urssaf.fr", the legal text (L. 243-15 and D. 243-15 of
the code de la sécurité sociale, L. 8222-1 of the code du travail) and the director's signature line.

Some seeds print the platform's watermark ("Copie certifiée par la plateforme …") across the pages, a stamp on the
copy, and a footer with the platform's legal mentions (its own SIREN and RCS) and a page counter.
Distractors: the deposit, control, request and print dates, the validity end, the platform's document and request
numbers, the client's name and SIREN, the platform's own SIREN, the other documents' dates, the supplier's SIRET,
the situation date, the contributor account, the head count, wages and number of establishments."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from synth.checksums import make_siren
from synth.companies import LEGAL_FORMS, company_name, french_name
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
from synth.identifiers import grouped
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_vigilance_numerique import REGIONS
from synth.pieces.urssaf import URSSAF_REGIONS
from synth.rules import add_months

MARGIN = 16.0
INK: Color = (25, 25, 25)
GREY: Color = (105, 105, 105)
PALE: Color = (243, 244, 246)
FRAME: Color = (150, 150, 150)
URSSAF_BLUE: Color = (0, 62, 137)
OK_GREEN: Color = (22, 120, 60)
OK_PALE: Color = (222, 242, 228)
WATERMARK: Color = (235, 235, 239)
LAYOUTS = ("depot", "fiche", "encadre")


@dataclass(frozen=True)
class Platform:
    name: str
    site: str
    company: str  # its legal name, in the footer
    town: str  # its head office: "92000 Nanterre"
    street: str
    tagline: str
    accent: Color
    prefix: str  # of its document numbers


PLATFORMS = (
    Platform("ConformaDoc", "www.conformadoc.fr", "ConformaDoc SAS", "92000 Nanterre", "18 rue des Trois Fontanot",
             "La conformité de vos fournisseurs, simplement", (0, 105, 120), "CDC"),
    Platform("Attestia", "www.attestia-pro.fr", "Attestia SAS", "69007 Lyon", "41 avenue Jean Jaurès",
             "Plateforme de gestion de la sous-traitance", (92, 45, 145), "ATT"),
    Platform("Vigilis", "www.vigilis-conformite.fr", "Vigilis Solutions SARL", "44000 Nantes", "6 quai de la Fosse",
             "Vigilance et conformité des fournisseurs", (196, 86, 24), "VGL"),
    Platform("Fourniscope", "www.fourniscope.fr", "Fourniscope SAS", "59000 Lille", "120 rue Nationale",
             "Le dossier administratif de vos sous-traitants", (30, 118, 70), "FSC"),
)
LEGAL = ("La présente attestation est délivrée en application des articles L. 243-15 et D. 243-15 du code de la "
         "sécurité sociale. Elle permet au donneur d'ordre de satisfaire à son obligation de vigilance (article "
         "L. 8222-1 du code du travail) ; elle est remise lors de la conclusion du contrat puis tous les six mois "
         "jusqu'à la fin de son exécution. Elle ne préjuge pas des résultats d'un contrôle ultérieur.")


@dataclass(frozen=True)
class Client:
    name: str
    legal_form: str
    siren: str
    contact: str
    request: str  # the request's number on the platform
    requested: dt.date


@dataclass(frozen=True)
class Dates:
    requested: dt.date
    deposited: dt.date
    deposited_at: str  # "14:32"
    controlled: dt.date
    printed: dt.date
    printed_at: str
    valid_until: dt.date


def plateforme_conformite(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    cert = facts.certificate
    company = cert.company
    platform = rng.choice(PLATFORMS)
    layout = rng.choice(LAYOUTS)
    pfont = FontKey(rng.choice(("lsans", "sans", "condensed")))
    afont = FontKey(rng.choice(("lsans", "sans", "serif")))
    code = grouped(cert.security_code) if rng.random() < 0.35 else cert.security_code
    region = REGIONS.get(company.address.rsplit(", ", 1)[-1][:2]) or rng.choice(URSSAF_REGIONS)
    dates = _dates(cert.issue_date, facts.reference_date, rng)
    client = _client(facts, dates.deposited, rng)
    own_siren = make_siren(rng)
    while own_siren in (cert.siren, company.siren, client.siren):
        own_siren = make_siren(rng)
    doc_id = rng.choice((f"{platform.prefix}-{dates.deposited.year}-{rng.randint(0, 999_999):06d}",
                         f"{platform.prefix}{dates.deposited:%y%m}{rng.randint(0, 99_999):05d}",
                         f"DOC-{rng.randint(100_000, 9_999_999)}"))
    watermark = rng.random() < 0.45
    with_footer = rng.random() < 0.7
    page_style = rng.choice(("Page {page}/{pages}", "{page} / {pages}", "Page {page} sur {pages}"))
    others = _other_documents(dates, rng)
    state = {"page": 0}

    def header(sheet: Sheet) -> None:
        state["page"] += 1
        if watermark:
            _watermark(sheet, platform, pfont)
        if state["page"] == 1:
            _header_band(sheet, platform, pfont, dates, rng.random() < 0.5)
        else:
            _slim_band(sheet, platform, pfont, doc_id, dates)

    def footer(sheet: Sheet, page: int) -> None:
        pages = len(flow.sheets)
        if not with_footer:
            return
        sheet.add(Rule(MARGIN, 281, A4[0] - MARGIN, 281, 0.25, FRAME),
                  Text(MARGIN, 284.8, f"{platform.company} au capital de {platform_capital} € – RCS "
                                      f"{platform.town.split(' ', 1)[1]} {siren_spaced(own_siren)} – "
                                      f"{platform.street}, {platform.town}", 6.6, pfont, GREY),
                  Text(MARGIN, 288.4, f"Document généré le {date_slash(dates.printed)} à {dates.printed_at} depuis "
                                      f"{platform.site} – ne se substitue pas au document original déposé", 6.6, pfont,
                       GREY),
                  Text(A4[0] - MARGIN, 284.8, page_style.format(page=page, pages=pages), 7.2, pfont, GREY, "right"))

    platform_capital = rng.choice(("37 000", "150 000", "420 000", "1 200 000"))
    flow = Flow(pfont, 9, margin=MARGIN, top=30, bottom=20, header=header, footer=footer)
    if layout == "depot":
        _depot(flow, cert, platform, doc_id, dates, client, others, rng)
        flow.new_page()
        _stamp(flow.sheet, platform, pfont, doc_id, dates, rng)
        _attestation(flow, cert, code, afont, region, rng, framed=False)
    elif layout == "fiche":
        _fiche(flow, cert, platform, doc_id, dates, client, others, rng)
        flow.new_page()
        _stamp(flow.sheet, platform, pfont, doc_id, dates, rng)
        _attestation(flow, cert, code, afont, region, rng, framed=False)
        if rng.random() < 0.4:
            _history(flow, cert, platform, doc_id, dates, client)
    else:
        _encadre(flow, cert, code, afont, region, platform, doc_id, dates, client, rng)
        if rng.random() < 0.7:
            _other_page(flow, platform, client, others)
    fields: dict[str, FieldValue] = {"company_name": company.name, "siren": cert.siren,
                                     "issue_date": cert.issue_date.isoformat(), "security_code": code}
    return BuiltPiece("urssaf_certificate", "urssaf_certificate:plateforme_conformite", fields,
                      sheets=flow.finish())


def _hour(rng: random.Random) -> str:
    return f"{rng.randint(7, 20):02d}:{rng.randint(0, 59):02d}"


def _dates(issue: dt.date, reference: dt.date, rng: random.Random) -> Dates:
    """The supplier deposits the attestation on the platform the day it was delivered or a few days later, the
    platform checks it within two days, the client prints the certificate before the dossier is sent; the client had
    asked for it before (sometimes before the attestation was delivered)."""
    room = max(0, (reference - issue).days - 1)
    deposited = issue + dt.timedelta(days=rng.randint(1, min(6, room)) if room >= 1 and rng.random() < 0.85 else 0)
    left = max(0, (reference - deposited).days - 1)
    controlled = deposited + dt.timedelta(days=rng.randint(0, min(2, left)))
    left = max(0, (reference - controlled).days - 1)
    printed = controlled + dt.timedelta(days=rng.randint(0, min(12, left)))
    requested = deposited - dt.timedelta(days=rng.randint(2, 25))
    return Dates(requested, deposited, _hour(rng), controlled, printed, _hour(rng), add_months(issue, 6))


def _client(facts: DossierFacts, deposited: dt.date, rng: random.Random) -> Client:
    """The client company that asked for the attestation: another company than the certificate's and the
    employer's."""
    taken = {facts.certificate.company.name, facts.contract.employer.name}
    name = company_name(rng)
    while name in taken:
        name = company_name(rng)
    siren = make_siren(rng)
    while siren in (facts.certificate.siren, facts.certificate.company.siren, facts.contract.employer.siren):
        siren = make_siren(rng)
    request = rng.choice((f"DEM-{rng.randint(10_000, 999_999)}", f"R{deposited:%y}-{rng.randint(0, 99_999):05d}"))
    return Client(name, rng.choice(tuple(LEGAL_FORMS)), siren, french_name(rng), request,
                  deposited - dt.timedelta(days=rng.randint(2, 25)))


def _other_documents(dates: Dates, rng: random.Random) -> list[tuple[str, str, str, str, str]]:
    """(document, its own date, deposited on, valid until, status) of the supplier's other documents."""
    deposit = dates.deposited
    kbis = deposit - dt.timedelta(days=rng.randint(4, 70))
    year = deposit.year
    foreign = deposit - dt.timedelta(days=rng.randint(0, 40))
    rows = [("Extrait Kbis", date_slash(kbis), date_slash(kbis + dt.timedelta(days=rng.randint(0, 3))),
             date_slash(add_months(kbis, 3)), "Conforme"),
            (rng.choice(("Attestation d'assurance RC professionnelle", "Attestation d'assurance responsabilité civile")),
             f"01/01/{year}", date_slash(dt.date(year, 1, rng.randint(3, 28))), f"31/12/{year}", "Conforme"),
            ("Liste des salariés étrangers soumis à autorisation de travail", date_slash(foreign),
             date_slash(foreign + dt.timedelta(days=rng.randint(0, 2))), date_slash(add_months(foreign, 6)),
             rng.choice(("Conforme", "Conforme", "Non concerné")))]
    if rng.random() < 0.5:
        fiscal = deposit - dt.timedelta(days=rng.randint(10, 120))
        rows.append(("Attestation de régularité fiscale", date_slash(fiscal), date_slash(fiscal + dt.timedelta(days=1)),
                     date_slash(add_months(fiscal, 6)), rng.choice(("Conforme", "À renouveler"))))
    if rng.random() < 0.5:
        rows[0], rows[1] = rows[1], rows[0]
    return rows


# ---------------------------------------------------------------- the platform's pages

def _header_band(sheet: Sheet, platform: Platform, font: FontKey, dates: Dates, filled: bool) -> None:
    """The platform's header on page 1: a filled band, or a white header over an accent rule."""
    ink, soft = ((255, 255, 255), (230, 230, 235)) if filled else (platform.accent, GREY)
    if filled:
        sheet.add(Box(0, 0, A4[0], 22, fill=platform.accent, stroke=None))
    else:
        sheet.add(Rule(MARGIN, 22, A4[0] - MARGIN, 22, 0.8, platform.accent))
    sheet.add(Box(MARGIN, 5, 11, 11, fill=(255, 255, 255) if filled else platform.accent, stroke=None, radius=2),
              Text(MARGIN + 5.5, 12.6, platform.name[0], 13, bold(font),
                   platform.accent if filled else (255, 255, 255), "center"),
              Text(MARGIN + 14, 11.5, platform.name, 16, bold(font), ink),
              Text(MARGIN + 14, 17, platform.tagline, 7.5, font, soft),
              Text(A4[0] - MARGIN, 11, "Espace donneur d'ordre", 9, bold(font), ink, "right"),
              Text(A4[0] - MARGIN, 16.5, f"Édité le {date_slash(dates.printed)} à {dates.printed_at}", 7.5, font, soft,
                   "right"))


def _slim_band(sheet: Sheet, platform: Platform, font: FontKey, doc_id: str, dates: Dates) -> None:
    """The platform's thin band over the pages after the first."""
    sheet.add(Box(0, 0, A4[0], 11, fill=PALE, stroke=None), Rule(0, 11, A4[0], 11, 0.5, platform.accent),
              Text(MARGIN, 7.3, platform.name, 9.5, bold(font), platform.accent),
              Text(A4[0] - MARGIN, 7.3, f"Document n° {doc_id} – déposé le {date_slash(dates.deposited)}", 7.5, font,
                   GREY, "right"))


def _watermark(sheet: Sheet, platform: Platform, font: FontKey) -> None:
    """The platform's mark in pale type across the page (drawn first, under everything)."""
    text = f"Copie certifiée par la plateforme {platform.name}"
    size = _fit(text, bold(font), 26, A4[0] - 30)
    for y in (105, 170, 235):
        sheet.add(Text(A4[0] / 2, y, text, size, bold(font), WATERMARK, "center"))


def _stamp(sheet: Sheet, platform: Platform, font: FontKey, doc_id: str, dates: Dates, rng: random.Random) -> None:
    """A stamp on the copy, top right, on some seeds."""
    if rng.random() < 0.4:
        return
    x, y, w = A4[0] - MARGIN - 56, 14, 56
    sheet.add(Box(x, y, w, 13.5, stroke=platform.accent, width=0.5, radius=1.5),
              Text(x + w / 2, y + 4.3, "COPIE CERTIFIÉE CONFORME", 7.5, bold(font), platform.accent, "center"),
              Text(x + w / 2, y + 8.2, f"{platform.name} – n° {doc_id}", 6.8, font, platform.accent, "center"),
              Text(x + w / 2, y + 11.8, f"Contrôlé le {date_slash(dates.controlled)}", 6.8, font, platform.accent,
                   "center"))


def _fit(text: str, font: FontKey, size: float, width: float) -> float:
    return min(size, size * width / max(text_width_mm(text, font, size), 0.1))


def _siren(siren: str, rng: random.Random) -> str:
    return siren_spaced(siren) if len(siren) == 9 and rng.random() < 0.6 else siren


def _heading(flow: Flow, text: str, accent: Color) -> None:
    flow.space(3)
    flow.ensure(12)
    flow.text(text, 10, bold(flow.font), color=accent)
    flow.sheet.add(Rule(MARGIN, flow.y + 1.3, A4[0] - MARGIN, flow.y + 1.3, 0.3, accent))
    flow.space(2.5)


def _badge(sheet: Sheet, font: FontKey, x: float, y: float, label: str, note: str) -> float:
    """A green "CONFORME" badge with its note beside; returns its width."""
    width = text_width_mm(label, bold(font), 10) + 8
    sheet.add(Box(x, y, width, 8, fill=OK_PALE, stroke=OK_GREEN, width=0.4, radius=4),
              Text(x + width / 2, y + 5.6, label, 10, bold(font), OK_GREEN, "center"),
              Text(x + width + 3, y + 5.6, note, 8.5, font, OK_GREEN))
    return width


def _depot(flow: Flow, cert: CertificateFacts, platform: Platform, doc_id: str, dates: Dates, client: Client,
           others: list[tuple[str, str, str, str, str]], rng: random.Random) -> None:
    """Page 1: the platform's "Certificat de dépôt"."""
    company, font = cert.company, flow.font
    flow.text(rng.choice(("CERTIFICAT DE DÉPÔT", "CERTIFICAT DE DÉPÔT ET DE CONTRÔLE")), 15, bold(font),
              color=platform.accent)
    flow.text("Attestation de vigilance Urssaf – obligation de vigilance du donneur d'ordre (articles L. 8222-1 et "
              "D. 8222-5 du code du travail)", 8.5, color=GREY)
    flow.space(3)
    _badge(flow.sheet, font, MARGIN, flow.y, "CONFORME",
           rng.choice(("Document vérifié auprès de l'Urssaf", "Authenticité vérifiée auprès de l'Urssaf")))
    flow.space(11)
    flow.text(f"{platform.name} certifie que le document décrit ci-dessous a été déposé sur la plateforme par le "
              f"fournisseur et contrôlé, à la demande du donneur d'ordre {client.name} {client.legal_form}.", 9)
    supplier = [("Raison sociale", f"{company.name} {company.legal_form}"), ("SIREN", _siren(cert.siren, rng)),
                ("SIRET du siège", siret_spaced(company.siret)), ("Adresse", company.address),
                ("Contact", f"{company.manager}, dirigeant(e)")]
    document = [("Type de document", "Attestation de vigilance (Urssaf)"), ("N° de document", doc_id),
                ("Déposé le", f"{date_slash(dates.deposited)} à {dates.deposited_at}"),
                ("Contrôlé le", date_slash(dates.controlled)), ("Valable jusqu'au", date_slash(dates.valid_until)),
                ("Mode de contrôle", rng.choice(("Vérification en ligne du code de sécurité auprès de l'Urssaf",
                                                 "Contrôle automatique Urssaf puis validation par un opérateur")))]
    if rng.random() < 0.5:
        document.insert(2, ("Date du document", date_slash(cert.issue_date)))
    client_rows = [("Donneur d'ordre", f"{client.name} {client.legal_form}"), ("SIREN", siren_spaced(client.siren)),
                   ("N° de demande", client.request), ("Demandé le", date_slash(client.requested)),
                   ("Suivi par", client.contact)]
    blocks = [("Fournisseur", supplier), ("Document déposé", document), ("Demande du client", client_rows)]
    if rng.random() < 0.4:
        blocks = [blocks[2], blocks[0], blocks[1]]
    for title, rows in blocks:
        _heading(flow, title, platform.accent)
        flow.pairs(rows, 42, bold(font), 8.8)
    _heading(flow, rng.choice(("Autres documents du fournisseur", "Dossier administratif du fournisseur")),
             platform.accent)
    _others_table(flow, others)
    flow.space(2)
    flow.text("La copie de l'attestation de vigilance déposée figure en page suivante.", 8, color=GREY)


def _others_table(flow: Flow, others: list[tuple[str, str, str, str, str]]) -> None:
    """The supplier's other documents, one row each."""
    rows: list[tuple[str, ...]] = [("Document", "Date du document", "Déposé le", "Valable jusqu'au", "Statut")]
    rows += [(_short(name), *dates) for name, *dates in others]
    flow.table(rows, (62.0, 32.0, 26.0, 30.0, flow.width - 150.0), 7.8, bold(flow.font), PALE)


def _short(name: str) -> str:
    """The document's name as a table's narrow column shows it."""
    return (name.replace("Liste des salariés étrangers soumis à autorisation de travail", "Liste des salariés étrangers")
            .replace("Attestation d'assurance responsabilité civile", "Assurance responsabilité civile")
            .replace("Attestation d'assurance RC professionnelle", "Assurance RC professionnelle"))


def _panel(sheet: Sheet, font: FontKey, x: float, y: float, width: float, title: str, rows: list[tuple[str, str]],
           accent: Color) -> float:
    """A framed panel under a coloured title, each label in small grey type above its value; returns its bottom."""
    sheet.add(Box(x, y, width, 7, fill=accent, stroke=None), Text(x + 3, y + 4.9, title, 8.5, bold(font),
                                                                  (255, 255, 255)))
    cursor = y + 7
    for label, value in rows:
        sheet.add(Text(x + 3, cursor + 4.2, label, 6.8, font, GREY),
                  Text(x + 3, cursor + 8.6, value, _fit(value, bold(font), 9, width - 6), bold(font)))
        cursor += 10
    sheet.add(Box(x, y, width, cursor + 1.5 - y, stroke=FRAME, width=0.3))
    return cursor + 1.5


def _fiche(flow: Flow, cert: CertificateFacts, platform: Platform, doc_id: str, dates: Dates, client: Client,
           others: list[tuple[str, str, str, str, str]], rng: random.Random) -> None:
    """Page 1: the "Fiche de conformité du fournisseur"."""
    company, font, sheet = cert.company, flow.font, flow.sheet
    flow.text("FICHE DE CONFORMITÉ DU FOURNISSEUR", 14, bold(font), color=platform.accent)
    flow.text(f"Situation du dossier au {date_slash(dates.printed)}", 8.5, color=GREY)
    flow.space(3)
    half = (flow.width - 6) / 2
    supplier = [("Raison sociale", company.name), ("SIREN", _siren(cert.siren, rng)),
                ("SIRET", siret_spaced(company.siret)), ("Adresse du siège", company.address),
                ("Référence fournisseur", f"FRN-{rng.randint(10_000, 99_999)}")]
    customer = [("Client (donneur d'ordre)", f"{client.name} {client.legal_form}"),
                ("SIREN du client", siren_spaced(client.siren)), ("Demande n°", client.request),
                ("Date de la demande", date_slash(client.requested)), ("Chargé(e) de suivi", client.contact)]
    panels = [("Fournisseur", supplier), ("Client", customer)]
    if rng.random() < 0.3:
        panels.reverse()
    top = flow.y
    bottom = max(_panel(sheet, font, MARGIN + i * (half + 6), top, half, title, rows, platform.accent)
                 for i, (title, rows) in enumerate(panels))
    flow.y = bottom + 5
    _badge(sheet, font, MARGIN, flow.y, rng.choice(("FOURNISSEUR CONFORME", "CONFORME")),
           f"au {date_slash(dates.printed)} – documents obligatoires à jour")
    flow.y += 12
    flow.text("Documents obligatoires", 10, bold(font), color=platform.accent)
    urssaf = ("Attestation de vigilance Urssaf", date_slash(cert.issue_date), date_slash(dates.deposited),
              date_slash(dates.controlled), date_slash(dates.valid_until), "Conforme")
    rows: list[tuple[str, ...]] = [urssaf]
    rows += [(_short(name), when, dep, dep, until, status) for name, when, dep, until, status in others]
    if rng.random() < 0.5:
        rows = rows[1:2] + rows[:1] + rows[2:]
    flow.table([("Document", "Émis le", "Déposé le", "Contrôlé le", "Valable jusqu'au", "Statut"), *rows],
               (56.0, 22.0, 22.0, 22.0, 27.0, flow.width - 149.0), 7.4, bold(font), PALE)
    flow.space(3)
    _heading(flow, "Détail du contrôle – attestation de vigilance", platform.accent)
    flow.pairs([("N° de document", doc_id),
                ("Dépôt", f"le {date_slash(dates.deposited)} à {dates.deposited_at}, par le fournisseur"),
                ("Contrôle", (f"le {date_slash(dates.controlled)} – document vérifié auprès de l'Urssaf (code de "
                             "sécurité reconnu, SIREN concordant)")),
                ("Validité", f"jusqu'au {date_slash(dates.valid_until)} (six mois à compter de sa délivrance)"),
                ("Prochaine demande", f"automatique, un mois avant le {date_slash(dates.valid_until)}")],
               38, bold(font), 8.5)
    flow.space(2)
    flow.text("Le document déposé est reproduit à la page suivante.", 8, color=GREY)


def _encadre(flow: Flow, cert: CertificateFacts, code: str, afont: FontKey, region: str, platform: Platform,
             doc_id: str, dates: Dates, client: Client, rng: random.Random) -> None:
    """Page 1: a compact strip of the deposit certificate, then the attestation in a frame."""
    company, font, sheet = cert.company, flow.font, flow.sheet
    title = rng.choice(("Certificat de dépôt", "Fiche de conformité du fournisseur"))
    flow.text(f"{title} n° {doc_id}", 12.5, bold(font), color=platform.accent)
    flow.space(2)
    cells = [[("Fournisseur", company.name), ("SIREN", _siren(cert.siren, rng)),
              ("Statut", "Conforme – vérifié auprès de l'Urssaf")],
             [("Déposé le", date_slash(dates.deposited)), ("Contrôlé le", date_slash(dates.controlled)),
              ("Valable jusqu'au", date_slash(dates.valid_until))],
             [("Demandé par", f"{client.name} {client.legal_form}"), ("SIREN du demandeur", siren_spaced(client.siren)),
              ("Demande du", date_slash(client.requested))]]
    if rng.random() < 0.4:
        cells[0], cells[2] = cells[2], cells[0]
    widths = (78.0, 46.0, flow.width - 124.0)
    top = flow.y
    for r, row in enumerate(cells):
        x = MARGIN
        for (label, value), width in zip(row, widths):
            green = label == "Statut"
            sheet.add(Box(x, top + r * 10.5, width, 10.5, fill=OK_PALE if green else PALE, stroke=(255, 255, 255),
                          width=0.8),
                      Text(x + 2, top + r * 10.5 + 3.9, label, 6.6, font, GREY),
                      Text(x + 2, top + r * 10.5 + 8.4, value, _fit(value, bold(font), 8.8, width - 4), bold(font),
                           OK_GREEN if green else INK))
            x += width
    flow.y = top + 3 * 10.5 + 5
    # the frame and its tab
    frame_top = flow.y
    tab = rng.choice(("Copie du document déposé – Attestation de vigilance",
                      "Document contrôlé : attestation de vigilance Urssaf"))
    tab_w = text_width_mm(tab, bold(font), 8) + 6
    sheet.add(Box(MARGIN, frame_top, tab_w, 6, fill=platform.accent, stroke=None),
              Text(MARGIN + 3, frame_top + 4.3, tab, 8, bold(font), (255, 255, 255)))
    flow.y = frame_top + 7
    flow.margin = MARGIN + 6
    try:
        _attestation(flow, cert, code, afont, region, rng, framed=True)
    finally:
        flow.margin = MARGIN
    bottom = flow.y + 3 if flow.sheet is sheet else A4[1] - flow.bottom
    sheet.add(Box(MARGIN, frame_top + 6, flow.width, bottom - frame_top - 6, stroke=platform.accent, width=0.5))
    flow.y = bottom + 2


def _other_page(flow: Flow, platform: Platform, client: Client,
                others: list[tuple[str, str, str, str, str]]) -> None:
    """A second page: the supplier's other documents and the client's duties."""
    flow.new_page()
    flow.text("Autres documents du dossier fournisseur", 12, bold(flow.font), color=platform.accent)
    _others_table(flow, others)
    _heading(flow, "Obligations du donneur d'ordre", platform.accent)
    for paragraph in (
            ("Pour tout contrat d'un montant au moins égal à 5 000 euros hors taxes, le donneur d'ordre se fait remettre "
             "par son cocontractant, lors de la conclusion du contrat puis tous les six mois jusqu'à la fin de son "
             "exécution, une attestation de vigilance datant de moins de six mois, dont il vérifie l'authenticité "
             "auprès de l'organisme de recouvrement (articles L. 8222-1 et D. 8222-5 du code du travail)."),
            (f"{platform.name} collecte les documents déposés par le fournisseur, en contrôle l'authenticité et la "
             f"validité et les met à la disposition de {client.name} {client.legal_form} pour la durée de la relation "
             "contractuelle. Le donneur d'ordre reste tenu de son obligation de vigilance."),
            ("La liste des salariés étrangers soumis à autorisation de travail est demandée en application de "
             "l'article D. 8254-2 du code du travail.")):
        flow.text(paragraph, 8.8)
        flow.space(2)


def _history(flow: Flow, cert: CertificateFacts, platform: Platform, doc_id: str, dates: Dates,
             client: Client) -> None:
    """A third page: the file's history, dated events."""
    flow.new_page()
    flow.text("Historique du dossier", 12, bold(flow.font), color=platform.accent)
    flow.text(f"Fournisseur : {cert.company.name} – document n° {doc_id}", 8.5, color=GREY)
    events: list[tuple[str, ...]] = [
        ("Date", "Heure", "Événement", "Par"),
        (date_slash(client.requested), "09:12", "Demande de l'attestation de vigilance", client.contact),
        (date_slash(client.requested + dt.timedelta(days=1)), "08:00", "Relance automatique du fournisseur",
         platform.name),
        (date_slash(dates.deposited), dates.deposited_at, "Dépôt du document", cert.company.manager),
        (date_slash(dates.controlled), "—", "Contrôle auprès de l'Urssaf : conforme", platform.name),
        (date_slash(dates.controlled), "—", f"Notification à {client.name}", platform.name),
        (date_slash(dates.printed), dates.printed_at, "Édition de la fiche", client.contact)]
    flow.table(events, (26.0, 16.0, 90.0, flow.width - 132.0), 8, bold(flow.font), PALE)


# ---------------------------------------------------------------- the Urssaf attestation, reproduced

def _attestation(flow: Flow, cert: CertificateFacts, code: str, font: FontKey, region: str, rng: random.Random,
                 framed: bool) -> None:
    """The attestation the supplier deposited, with the Urssaf's wording, from flow.y within flow's margins."""
    company = cert.company
    saved = flow.font
    flow.font = font
    size = 8.3 if framed else 9.5
    try:
        sheet = flow.sheet
        left, right = flow.margin, A4[0] - flow.margin
        top = flow.y + 2
        issued = date_slash(cert.issue_date) if rng.random() < 0.65 else date_long(cert.issue_date)
        top_right = rng.random() < 0.4
        sheet.add(Text(left, top + 7, "urssaf", 17 if framed else 22, bold(font), URSSAF_BLUE),
                  Text(left, top + 11.5, f"Urssaf {region}", 7.5, font, GREY))
        if top_right:
            sheet.add(Text(right, top + 5, "Date de délivrance", 7, font, GREY, "right"),
                      Text(right, top + 10, issued, size + 0.5, bold(font), INK, "right"))
        flow.y = top + (14 if framed else 20)
        flow.text("ATTESTATION DE VIGILANCE", 12.5 if framed else 15, bold(font), "center", color=URSSAF_BLUE)
        if not top_right:
            flow.text(f"{rng.choice(('délivrée le', 'Attestation délivrée le'))} {issued}", size + 0.5, font,
                      "center")
        flow.text("Article L. 243-15 du code de la sécurité sociale", 7.2, font, "center", color=GREY)
        flow.space(2.5 if framed else 5)
        flow.text("Identification de l'entreprise", size + 1, bold(font), color=URSSAF_BLUE)
        establishments = rng.randint(1, 6)
        rows = [("Raison sociale", company.name), ("Forme juridique", company.legal_form_long),
                ("N° SIREN", _siren(cert.siren, rng)), ("Adresse du siège", company.address),
                ("Nombre d'établissements", str(establishments)), ("N° de compte cotisant", cert.account)]
        if rng.random() < 0.5:
            rows[1], rows[2] = rows[2], rows[1]
        if rng.random() < 0.5:
            flow.table([tuple(row) for row in rows], (48.0, flow.width - 48.0), size - 0.3, None, None)
        else:
            flow.space(0.5)
            labelled = [(f"{label} :", value) for label, value in rows]
            flow.pairs(labelled, max(text_width_mm(label, font, size) for label, _ in labelled) + 4, font, size)
        flow.space(2 if framed else 4)
        situation = date_slash(cert.situation_date)
        flow.text(rng.choice((
            (f"L'Urssaf {region} atteste que l'entreprise désignée ci-dessus est à jour de ses obligations en matière "
             "de déclaration et de paiement des cotisations et contributions de sécurité sociale, d'assurance chômage "
             f"et de garantie des salaires, au regard de sa situation au {situation}."),
            (f"Je certifie que l'entreprise {company.name} a souscrit ses déclarations sociales et s'est acquittée des "
             f"cotisations et contributions dont elle est redevable, pour l'ensemble de ses {establishments} "
             f"établissement{'s' if establishments > 1 else ''}, à la date du {situation}."))), size)
        staff = rng.randint(1, 180)
        wages = round(staff * rng.uniform(1850, 3900), -1)
        period = cert.situation_date
        flow.space(1.5)
        flow.text(f"Dernière période d'emploi déclarée : {MONTHS_FR[period.month - 1]} {period.year} – effectif : "
                  f"{staff} salarié{'s' if staff > 1 else ''} – rémunérations déclarées : {euros(wages)}.", size)
        flow.space(2.5 if framed else 5)
        flow.ensure(14)
        box_top = flow.y
        label = f"Code de sécurité : {code}"
        box_w = text_width_mm(label, bold(font), size + 2) + 8
        flow.sheet.add(Box(flow.margin, box_top, box_w, 8.5, fill=(236, 242, 250), stroke=URSSAF_BLUE, width=0.4),
                       Text(flow.margin + 4, box_top + 5.9, label, size + 2, bold(font), INK))
        flow.y = box_top + 8.5 + 1
        flow.text(rng.choice((("Attestation à vérifier sur www.urssaf.fr, rubrique « Vérifier une attestation », à "
                              "l'aide du SIREN et du code de sécurité."),
                              ("L'authenticité de cette attestation est à vérifier sur www.urssaf.fr avec le code de "
                              "sécurité ci-dessus."))), size - 0.8, font)
        flow.space(2 if framed else 4)
        flow.text(LEGAL, 6.6 if framed else 7.2, font, color=GREY)
        flow.space(1.5 if framed else 5)
        flow.text(rng.choice((f"Le directeur de l'Urssaf {region}", (f"Pour le directeur de l'Urssaf {region}, par "
                                                                    "délégation"))), size, bold(font), "right")
    finally:
        flow.font = saved
