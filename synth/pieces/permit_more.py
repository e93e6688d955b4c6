"""Later French residence permit card layouts (issue 9, point 5): numbered EU-format labels,
English-first labels, labels under their values, and "Label : value" lines beside a photo on the
right. Every one keeps the TD1 MRZ of the older cards, exact, on the back."""
from __future__ import annotations

import random
from collections.abc import Callable

from synth.facts import DossierFacts
from synth.fonts import FontKey
from synth.layout import Sheet, Text
from synth.mrz import td1
from synth.pieces.base import BuiltPiece, portrait

LATER_PERMITS = ("fra_card_numbered", "fra_card_english", "fra_card_labels_below", "fra_card_photo_right")
SANS, SANS_BOLD = FontKey("sans"), FontKey("sans", True)
GREY, BLACK = (80, 80, 90), (15, 15, 15)


def build_later_permit(facts: DossierFacts, rng: random.Random, layout: str, date: Callable) -> BuiltPiece:
    person, permit = facts.person, facts.permit
    surname, given = person.surname, person.given_upper
    if layout == "fra_card_numbered":  # the EU format's dotted dates
        date = _dotted
    bg = rng.choice(((224, 234, 246), (234, 242, 232), (244, 236, 230)))
    front, back = Sheet(85.6, 54.0, bg), Sheet(85.6, 54.0, bg)
    blue = (20, 40, 120)
    rows = {  # what each layout prints, by key
        "surname": surname, "given": given, "sex": person.sex, "nat": person.country.code,
        "birth": date(permit.birth_date), "type": permit.card_type, "expiry": date(permit.expiry_date),
        "remarks": permit.category, "number": permit.number, "sex_nat": f"{person.sex}   {person.country.code}",
    }
    if layout == "fra_card_photo_right":
        _photo_right(front, rows, rng)
    else:
        _front(front, layout, rows, rng)
    front.add(Text(4, 5.5, "RÉPUBLIQUE FRANÇAISE", 4.6, SANS_BOLD, blue))
    _back(back, facts, date, rng)
    return permit_piece(facts, layout, front, back)


def _dotted(d) -> str:
    return d.strftime("%d.%m.%Y")


def permit_piece(facts: DossierFacts, layout: str, front: Sheet, back: Sheet) -> BuiltPiece:
    """The TD1 MRZ on the back, and the truth, the same for every card layout."""
    from synth.pieces.identity import mrz_band  # identity.py imports this module

    person, permit = facts.person, facts.permit
    mrz = td1(permit.number, "FRA", person.country.code, person.surname, person.given_upper, permit.birth_date,
              person.sex, permit.expiry_date)
    mrz_band(back, mrz, 32.0, 4.0, 6.3)
    fields = {
        "document_number": permit.number, "surname": person.surname, "given_names": person.given_upper,
        "nationality": person.country.code, "date_of_birth": permit.birth_date.isoformat(),
        "expiry_date": permit.expiry_date.isoformat(), "permit_category": permit.category,
    }
    return BuiltPiece("residence_permit", f"residence_permit:{layout}", fields, cards=[front, back], mrz=mrz)


def _pair(sheet: Sheet, x: float, y: float, label: str, value: str, size: float = 6.4, below: bool = False) -> None:
    if below:  # the value first, its label in small type under it
        sheet.add(Text(x, y, value, size, SANS_BOLD, BLACK), Text(x, y + 2.6, label, 3.3, SANS, GREY))
    else:
        sheet.add(Text(x, y, label, 3.5, SANS, GREY), Text(x, y + 3.0, value, size, SANS_BOLD, BLACK))


# Each layout: its heading, where the number goes, the photo's place, and (x, y, label, key, size) per field.
FRONTS = {
    "fra_card_numbered": (("TITRE DE SÉJOUR", 7), "N° {}", (4, 14), [
        (27, 15, "1. NOM", "surname", 6.4), (27, 21, "2. PRÉNOMS", "given", 6.4), (27, 27, "3. SEXE", "sex", 6.4),
        (39, 27, "4. NATIONALITÉ", "nat", 6.4), (59, 27, "5. DATE DE NAISSANCE", "birth", 6.4),
        (27, 33, "6. TYPE DE TITRE", "type", 5.2), (27, 39, "7. VALABLE JUSQU'AU", "expiry", 6.4),
        (27, 45, "8. REMARQUES", "remarks", 5.6)]),
    "fra_card_english": (("RESIDENCE PERMIT", 6.8), None, (60, 14), [
        (4, 16, "Surname / Nom", "surname", 6.4), (4, 22, "Given names / Prénoms", "given", 6.4),
        (4, 28, "Date of birth / Date de naissance", "birth", 6.4), (40, 28, "Sex / Sexe", "sex", 6.4),
        (50, 28, "Nat.", "nat", 6.4), (4, 34, "Expiry / Date d'expiration", "expiry", 6.4),
        (34, 34, "Document No. / N° du titre", "number", 6.4), (4, 40, "Permit type / Type de titre", "type", 5.0),
        (4, 46, "Remarks / Remarques", "remarks", 5.6)]),
    "fra_card_labels_below": (("TITRE DE SÉJOUR  ·  RESIDENCE PERMIT", 5.4), "{}", (4, 14), [
        (27, 17, "Nom / Surname", "surname", 6.4), (27, 23.5, "Prénoms / Given names", "given", 6.4),
        (27, 30, "Date de naissance", "birth", 6.4), (57, 30, "Sexe / Nat.", "sex_nat", 6.4),
        (27, 36.5, "Date d'expiration", "expiry", 6.4), (27, 43, "Type de titre", "type", 5.0),
        (27, 49.5, "Remarques", "remarks", 5.6)]),
}


def _front(front: Sheet, layout: str, rows: dict, rng: random.Random) -> None:
    (title, size), number_format, photo, fields = FRONTS[layout]
    front.add(Text(4, 10.5, title, size, SANS_BOLD, (20, 40, 120)))
    if layout == "fra_card_english":
        front.add(Text(4, 13.2, "Titre de séjour", 3.8, SANS, (20, 40, 120)))
    front.add(Text(82, 6, "FRA", 6.5, SANS_BOLD, (20, 40, 120), "right"))
    if number_format:
        front.add(Text(82, 10.5, number_format.format(rows["number"]), 5.8, SANS_BOLD, (150, 25, 30), "right"))
    portrait(front, *photo, 21 if photo[0] > 30 else 20, 28 if photo[0] > 30 else 27, rng)
    for x, y, label, key, value_size in fields:
        _pair(front, x, y, label, rows[key], value_size, below=layout == "fra_card_labels_below")


def _photo_right(front: Sheet, rows: dict, rng: random.Random) -> None:
    front.add(Text(4, 10.5, "CARTE DE SÉJOUR", 7, SANS_BOLD, (20, 40, 120)))
    front.add(Text(4, 14, f"Numéro : {rows['number']}", 5.2, SANS_BOLD, (150, 25, 30)))
    portrait(front, 61, 8, 21, 28, rng)
    y = 19.5
    for label, key, size in (("NOM", "surname", 6.0), ("PRÉNOM(S)", "given", 6.0), ("NÉ(E) LE", "birth", 5.6),
                             ("SEXE", "sex", 5.6), ("NATIONALITÉ", "nat", 5.6), ("FIN DE VALIDITÉ", "expiry", 5.6),
                             ("REMARQUES", "remarks", 5.4)):
        front.add(Text(4, y, f"{label} :", 3.8, SANS, GREY), Text(24, y, rows[key], size, SANS_BOLD, BLACK))
        y += 4.9
    front.add(Text(4, 52, rows["type"], 3.6, SANS, GREY))


def _back(back: Sheet, facts: DossierFacts, date: Callable, rng: random.Random) -> None:
    person, permit = facts.person, facts.permit
    rows = [("LIEU DE NAISSANCE / Place of birth", f"{person.birth_city} ({person.country.code})", 6.0),
            ("ADRESSE / Address", person.address.upper(), 5.0),
            ("DÉLIVRÉ LE / Issued on", f"{date(permit.issue_date)}  {permit.prefecture}", 5.0),
            ("OBSERVATIONS", "AUTORISE SON TITULAIRE A TRAVAILLER" if permit.category != "ETUDIANT"
             else "AUTORISE A TRAVAILLER 964 H/AN", 4.8)]
    if rng.random() < 0.5:
        rows = [rows[2], rows[0], rows[1], rows[3]]
    for i, (label, value, size) in enumerate(rows):
        _pair(back, 4, 5 + 6.5 * i, label, value, size)
