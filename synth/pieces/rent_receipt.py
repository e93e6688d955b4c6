"""Fresh `other` family `quittance_loyer`: a rent receipt a landlord or a letting agency gives the
tenant — the landlord (a person or an SCI) and the address of the flat, the tenant, the period
("pour la période du 1er mars 2026 au 31 mars 2026"), rent, charges and total, "reçu la somme de …
euros", a date and a signature. Written as a letter or with a small table of amounts, sometimes on
an agency's letterhead with its professional card number. No truth field: it is a piece no required
type's field should be read from."""
from __future__ import annotations

import calendar
import datetime as dt
import random

from synth.companies import french_name
from synth.facts import DossierFacts
from synth.fmt import MONTHS_FR, date_long, date_slash, euros
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Flow, Rule, Text
from synth.people import FRENCH_CITIES, french_address
from synth.pieces.base import BuiltPiece, body_font, bold
from synth.pieces.fresh_words import euros_in_words

AGENCIES = ("Agence du Parc Immobilier", "Cabinet Lambert Gestion", "Immobilière des Quais", "Sud Patrimoine Gestion",
            "Régie Saint-Clair", "Citadelle Administration de biens")
SCI = ("SCI Les Tilleuls", "SCI du Moulin", "SCI Horizon Patrimoine", "SCI Bellevue")
FLATS = ("Appartement T2, 3e étage", "Studio n° 14, 1er étage", "Appartement T3, porte gauche",
         "Logement n° 7, bâtiment B", "")
SETTLED = ("par virement bancaire", "par chèque", "par prélèvement automatique", "en espèces")


def _period(facts: DossierFacts, rng: random.Random) -> tuple[dt.date, dt.date, dt.date]:
    """(first day, last day of a month before the dossier, the day the rent was paid)."""
    back = rng.randint(1, 3)
    year, month = facts.reference_date.year, facts.reference_date.month - back
    while month < 1:
        year, month = year - 1, month + 12
    start = dt.date(year, month, 1)
    end = dt.date(year, month, calendar.monthrange(year, month)[1])
    paid = start + dt.timedelta(days=rng.randint(0, 9))
    return start, end, paid


def _card_number(rng: random.Random) -> str:
    return f"CPI {rng.randint(1, 95):02d}{rng.randint(1, 9):02d} {rng.randint(2016, 2024)} 000 {rng.randint(10, 99)}{rng.randint(0, 9)} {rng.randint(100, 999)}"


def _letterhead(flow: Flow, agency: str, rng: random.Random, font: FontKey) -> None:
    sheet = flow.sheet
    city, postcode = rng.choice(FRENCH_CITIES)
    colour = rng.choice(((20, 70, 120), (120, 40, 30), (50, 50, 50)))
    sheet.add(Box(18, 12, 6, 18, fill=colour, stroke=None),
              Text(28, 18, agency, 13, bold(font), colour),
              Text(28, 23, rng.choice(("Transactions – Gestion locative", "Administrateur de biens",
                                       "Syndic – Location – Gestion")), 8.5, font, (80, 80, 80)),
              Text(28, 27.5, f"{rng.randint(2, 60)} {rng.choice(('place Bellecour', 'rue Nationale', 'cours Lafayette', 'avenue Foch'))}, {postcode} {city}",
                   8, font, (80, 80, 80)))
    card = (f"Carte professionnelle n° {_card_number(rng)} délivrée par la CCI de "
            f"{rng.choice(FRENCH_CITIES)[0]}")
    guarantee = f"Garantie financière : {rng.choice(('GALIAN', 'SOCAF', 'CEGC'))} – {euros(rng.choice((110000, 120000, 250000)), 'euros')}"
    sheet.add(Text(A4[0] - 18, 39, card, 7, font, (90, 90, 90), "right"),
              Text(A4[0] - 18, 42.5, guarantee, 7, font, (90, 90, 90), "right"),
              Rule(18, 45, A4[0] - 18, 45, 0.3, colour))


def quittance_loyer(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person = facts.person
    font = body_font(rng)
    agency = rng.choice(AGENCIES) if rng.random() < 0.45 else None
    as_table = rng.random() < 0.5
    landlord = rng.choice(SCI) if rng.random() < 0.25 else french_name(rng)
    landlord_address = french_address(rng)
    tenant = f"{person.civility} {person.given_names} {person.surname}"
    flat = rng.choice(FLATS)
    rented = f"{flat}, {person.address}" if flat else person.address
    start, end, paid = _period(facts, rng)
    rent = float(rng.randint(38, 95) * 10 + rng.choice((0, 0, 5)))
    charges = float(rng.randint(3, 16) * 10 + rng.choice((0, 0.5, 5)))
    bins = float(rng.randint(8, 20)) if rng.random() < 0.3 else 0.0
    total = rent + charges + bins
    issued = min(end + dt.timedelta(days=rng.randint(0, 6)), facts.reference_date - dt.timedelta(days=1))
    period = rng.choice((f"du {date_long(start)} au {date_long(end)}", f"du {date_slash(start)} au {date_slash(end)}"))
    month_name = f"{MONTHS_FR[start.month - 1]} {start.year}"

    flow = Flow(font, rng.choice((9.5, 10.0, 10.5)), margin=rng.choice((18.0, 22.0)), top=52 if agency else 24)
    if agency:
        _letterhead(flow, agency, rng, font)
    title = rng.choice(("QUITTANCE DE LOYER", "Quittance de loyer", f"QUITTANCE DE LOYER – {month_name.upper()}",
                        "QUITTANCE DE LOYER ET CHARGES"))
    if not agency:
        flow.text(landlord, 10.5, bold(font))
        flow.text(landlord_address, 9)
        flow.space(4)
        flow.text(tenant, 10, indent=100)
        flow.text(person.address, 9, indent=100)
        flow.space(8)
    flow.text(title, 15, bold(font), "center")
    if rng.random() < 0.5:
        flow.text(f"N° {start.year}-{start.month:02d}-{rng.randint(100, 999)}", 8.5, font, "center", color=(90, 90, 90))
    flow.space(6)

    if as_table:
        rows = [("Bailleur", landlord if not agency else f"{landlord}, représenté(e) par {agency}"),
                ("Adresse du bailleur", landlord_address), ("Locataire", tenant),
                (rng.choice(("Adresse du logement loué", "Logement", "Lieu de location")), rented),
                (rng.choice(("Période", "Terme")), period.capitalize())]
        flow.pairs(rows, max(text_width_mm(label, bold(font), flow.size) for label, _ in rows) + 5, bold(font))
        flow.space(4)
        rows = [("Désignation", "Montant"), ("Loyer hors charges", euros(rent)), ("Provision pour charges", euros(charges))]
        if bins:
            rows.append(("Taxe d'enlèvement des ordures ménagères", euros(bins)))
        rows.append(("Total réglé", euros(total)))
        flow.table(rows, (110, 45), flow.size - 0.5, bold(font))
        flow.space(3)
        flow.text(f"Reçu la somme de {euros(total, 'euros')} ({euros_in_words(total)}) {rng.choice(SETTLED)}, "
                  f"le {date_slash(paid)}, au titre du loyer et des charges de la période ci-dessus.")
    else:
        if agency:
            owner = rng.choice((f"L'agence {agency}, mandataire de {landlord}, déclare",
                                f"{agency}, agissant pour le compte de {landlord}, reconnaît"))
        elif landlord in SCI:
            owner = f"La {landlord}, bailleresse, représentée par son gérant {french_name(rng)}, déclare"
        else:
            owner = rng.choice((f"Je soussigné(e) {landlord}, propriétaire du logement désigné ci-dessous, déclare",
                                f"{landlord}, bailleur, reconnaît"))
        if rng.random() < 0.5:
            flow.text(f"{owner} avoir reçu de {tenant} la somme de {euros_in_words(total)} ({euros(total)}) au titre "
                      f"du loyer et des charges pour la période {period}.")
            flow.space(2)
            flow.text(f"Logement loué : {rented}.")
        else:
            flow.text(f"{owner} avoir reçu de {tenant}, locataire du logement situé {rented}, la somme de "
                      f"{euros(total, 'euros')} ({euros_in_words(total)}) en paiement du loyer et des charges "
                      f"pour la période {period}.")
        flow.space(3)
        flow.text("Détail du règlement :", flow.size, bold(font))
        detail = [("Loyer", euros(rent)), ("Provision sur charges", euros(charges))]
        if bins:
            detail.append(("Ordures ménagères", euros(bins)))
        detail.append(("Total", euros(total)))
        flow.dotted(detail, 80)
        flow.space(2)
        flow.text(f"Règlement reçu le {date_long(paid)} {rng.choice(SETTLED)}.")
    flow.space(5)
    flow.text("Cette quittance annule tous les reçus qui auraient pu être établis précédemment en cas de paiement "
              "partiel du montant du présent terme. Le paiement de la présente n'emporte pas présomption de paiement "
              "des termes antérieurs.", 7.5, font, color=(80, 80, 80))
    flow.space(8)
    city = landlord_address.rsplit(" ", 1)[-1] if rng.random() < 0.6 else rng.choice(FRENCH_CITIES)[0]
    flow.text(f"Fait à {city}, le {date_slash(issued)}" if rng.random() < 0.5 else f"Le {date_long(issued)}",
              align="right")
    flow.text("Le bailleur" if not agency else "Pour l'agence, le gestionnaire", 9, align="right")
    flow.space(2)
    flow.text(landlord if not agency else french_name(rng), 11, FontKey(font.family, italic=True), "right",
              color=(20, 40, 110))
    return BuiltPiece("other", "other:quittance_loyer", {}, sheets=flow.finish())
