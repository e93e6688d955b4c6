"""Passport data page (ICAO TD3) and French residence permit card (TD1), front and back."""
from __future__ import annotations

import random

from synth.facts import DossierFacts
from synth.fmt import date_slash
from synth.fonts import FontKey, text_width_mm
from synth.layout import Box, Rule, Sheet, Text
from synth.mrz import td3
from synth.people import date_en
from synth.pieces.base import BuiltPiece, family, portrait
from synth.pieces.permit_more import LATER_PERMITS, build_later_permit, permit_piece

OCRB = FontKey("ocrb")
PASTELS = ((232, 240, 228), (236, 232, 244), (244, 238, 226), (226, 236, 244), (240, 230, 232))
INK = (25, 30, 60)


def mrz_size(line: str, width_mm: float) -> float:
    """Point size at which `line` spans `width_mm` in OCR-B."""
    return 10.0 * width_mm / text_width_mm(line, OCRB, 10.0)


def mrz_band(sheet: Sheet, lines: list[str], top: float, margin: float, pitch: float) -> None:
    size = mrz_size(lines[0], sheet.width - 2 * margin)
    sheet.add(Box(0, top, sheet.width, sheet.height - top, fill=(250, 250, 247), stroke=None))
    for i, line in enumerate(lines):
        sheet.add(Text(margin, top + pitch * (i + 1), line, size, OCRB, (20, 20, 20)))


def guilloche(sheet: Sheet, rng: random.Random, color: tuple[int, int, int]) -> None:
    for _ in range(6):
        y = rng.uniform(10, sheet.height - 25)
        sheet.add(Rule(rng.uniform(30, 60), y, sheet.width - rng.uniform(2, 20), y + rng.uniform(-8, 8), 0.15, color))


def build_passport(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, pp = facts.person, facts.passport
    code = person.country.code
    surname, given = person.surname, person.given_upper
    date = date_en if rng.random() < 0.7 else date_slash
    template = family(facts, rng, "passport")
    bg = rng.choice(PASTELS)
    sheet = Sheet(125.0, 88.0, bg)
    guilloche(sheet, rng, tuple(max(c - 18, 0) for c in bg))
    sans, sans_bold = FontKey("sans"), FontKey("sans", True)
    label_size, value_size = 5.2, 8.6
    sheet.add(Text(6, 8, person.country.name_fr.upper(), 8, sans_bold, INK))
    sheet.add(Text(6, 12, person.country.name_en.upper(), 6, sans, INK))
    sheet.add(Text(119, 8, "PASSEPORT / PASSPORT" if template == "icao_bilingual" else "PASSPORT", 8, sans_bold, INK, "right"))
    portrait(sheet, 6, 18, 28, 36, rng)
    sheet.add(Text(6, 58, "Signature du titulaire / Holder's signature", 4.2, sans, INK))

    def field(x: float, y: float, label: str, value: str, color=(15, 15, 15)) -> None:
        sheet.add(Text(x, y, label, label_size, sans, (70, 70, 80)))
        sheet.add(Text(x, y + 3.6, value, value_size, sans_bold, color))

    number_color = rng.choice(((15, 15, 15), (140, 20, 30)))
    if template == "icao_bilingual":
        x = 40
        field(x, 18, "Type", "P")
        field(x + 12, 18, "Code du pays / Country code", code)
        field(x + 46, 18, "N° passeport / Passport No.", pp.number, number_color)
        field(x, 25.5, "Nom / Surname", surname)
        field(x, 33, "Prénoms / Given names", given)
        field(x, 40.5, "Nationalité / Nationality", person.demonym.upper())
        field(x, 48, "Date de naissance / Date of birth", date(person.birth_date))
        field(x + 38, 48, "Sexe / Sex", person.sex)
        field(x + 50, 48, "Lieu de naiss. / Place of birth", person.birth_city)
        field(x, 55.5, "Date de délivrance / Date of issue", date(pp.issue_date))
        field(x + 38, 55.5, "Autorité / Authority", pp.authority)
        field(x, 63, "Date d'expiration / Date of expiry", date(pp.expiry_date))
    else:
        x = 40
        field(x, 18, "Type / Type", "P")
        field(x + 20, 18, "Code / Code", code)
        field(x + 50, 18, "Passport No. / N° du passeport", pp.number, number_color)
        field(x, 25.5, "1. Surname / Nom", surname)
        field(x, 33, "2. Given Names / Prénoms", given)
        field(x, 40.5, "3. Nationality / Nationalité", person.country.name_en.upper() if len(person.country.name_en) < 22 else code)
        field(x, 48, "4. Date of birth / Date de naissance", date(person.birth_date))
        field(x + 42, 48, "5. Sex / Sexe", person.sex)
        field(x, 55.5, "6. Place of birth / Lieu de naissance", person.birth_city)
        field(x + 42, 55.5, "7. Date of issue / Délivrance", date(pp.issue_date))
        field(x, 63, "8. Date of expiry / Expiration", date(pp.expiry_date))
        field(x + 42, 63, "9. Authority / Autorité", pp.authority)
    mrz = td3(pp.number, code, code, surname, given, person.birth_date, person.sex, pp.expiry_date)
    mrz_band(sheet, mrz, 68.5, 5.0, 7.0)
    fields = {
        "document_number": pp.number, "surname": surname, "given_names": given,
        "nationality": code, "date_of_birth": person.birth_date.isoformat(), "sex": person.sex,
        "expiry_date": pp.expiry_date.isoformat(), "issuing_state": code,
    }
    return BuiltPiece("passport", f"passport:{template}", fields, cards=[sheet], mrz=mrz)


def build_residence_permit(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, permit = facts.person, facts.permit
    surname, given = person.surname, person.given_upper
    date = rng.choice((date_slash, lambda d: d.strftime("%d %m %Y")))
    template = family(facts, rng, "residence_permit")
    if template in LATER_PERMITS:
        return build_later_permit(facts, rng, template, date)
    bg = rng.choice(((222, 236, 242), (230, 240, 236), (236, 236, 246)))
    sans, sans_bold = FontKey("sans"), FontKey("sans", True)
    blue = (20, 40, 120)
    front, back = Sheet(85.6, 54.0, bg), Sheet(85.6, 54.0, bg)

    def field(sheet: Sheet, x: float, y: float, label: str, value: str, size: float = 6.6) -> None:
        sheet.add(Text(x, y, label, 3.6, sans, (80, 80, 90)))
        sheet.add(Text(x, y + 3.0, value, size, sans_bold, (15, 15, 15)))

    front.add(Text(4, 5.5, "RÉPUBLIQUE FRANÇAISE", 5, sans_bold, blue))
    front.add(Text(4, 10, "TITRE DE SÉJOUR", 7.5, sans_bold, blue))
    front.add(Text(4, 12.8, "RESIDENCE PERMIT", 3.8, sans, blue))
    front.add(Text(82, 6, "FRA", 7, sans_bold, blue, "right"))
    front.add(Text(82, 10.5, permit.number, 6, sans_bold, (150, 25, 30), "right"))
    portrait(front, 4, 15, 20, 27, rng)
    x = 27
    if template == "fra_card":
        field(front, x, 16, "NOM / Surname", surname)
        field(front, x, 22, "Prénoms / Given names", given)
        field(front, x, 28, "SEXE / Sex", person.sex)
        field(front, x + 10, 28, "NAT. / Nat.", person.country.code)
        field(front, x + 22, 28, "DATE DE NAISS. / Date of birth", date(permit.birth_date))
        field(front, x, 34, "TYPE DE TITRE / Type of permit", permit.card_type, 5.4)
        field(front, x, 40, "VALABLE JUSQU'AU / Valid until", date(permit.expiry_date))
        field(front, x, 46, "REMARQUES / Remarks", permit.category, 5.8)
    else:
        field(front, x, 16, "Nom / Surname", surname)
        field(front, x, 22, "Prénom(s) / Given name(s)", given)
        field(front, x, 28, "Né(e) le / Date of birth", date(permit.birth_date))
        field(front, x + 30, 28, "Sexe / Sex", person.sex)
        field(front, x + 42, 28, "Nat.", person.country.code)
        field(front, x, 34, "Valide jusqu'au / Valid until", date(permit.expiry_date))
        field(front, x, 40, "Catégorie / Type", permit.card_type, 5.4)
        field(front, x, 46, "Remarques / Remarks", permit.category, 5.8)
    field(back, 4, 5, "LIEU DE NAISSANCE / Place of birth", f"{person.birth_city} ({person.country.code})")
    field(back, 4, 11.5, "ADRESSE / Address", person.address.upper(), 5.2)
    field(back, 4, 18, "DATE ET LIEU DE DÉLIVRANCE / Date and place of issue",
          f"{date(permit.issue_date)} {permit.prefecture}", 5.2)
    field(back, 4, 24.5, "MENTIONS / Observations",
          "AUTORISE SON TITULAIRE A TRAVAILLER" if permit.category != "ETUDIANT" else "AUTORISE A TRAVAILLER 964 H/AN", 5)
    return permit_piece(facts, template, front, back)
