"""National identity cards of the worker's State: TD1 cards (front + back, MRZ of 3 x 30 on the
back) with labels above or beside their values, and TD2 cards (one face, MRZ of 2 x 36)."""
from __future__ import annotations

import datetime as dt
import random

from synth.facts import DossierFacts
from synth.fmt import date_slash
from synth.fonts import FontKey
from synth.layout import Box, Sheet, Text
from synth.mrz import td1, td2
from synth.people import date_en
from synth.pieces.base import BuiltPiece, family, portrait
from synth.pieces.identity import INK, PASTELS, guilloche, mrz_band

SANS, SANS_BOLD = FontKey("sans"), FontKey("sans", True)
GREY = (80, 80, 90)


def _dotted(d: dt.date) -> str:
    return d.strftime("%d.%m.%Y")


def build_id_card(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    layout = family(facts, rng, "id_card")
    person, card = facts.person, facts.id_card
    code = person.country.code
    date = rng.choice((date_slash, _dotted, date_en))
    bg = rng.choice(PASTELS)
    doc_code = rng.choice(("ID", "I<"))
    values = {"surname": person.surname, "given": person.given_upper, "sex": person.sex, "nat": code,
              "birth": date(person.birth_date), "number": card.number, "expiry": date(card.expiry_date),
              "issue": date(card.issue_date)}
    if layout == "td2_single":
        mrz = td2(card.number, code, code, person.surname, person.given_upper, person.birth_date, person.sex,
                  card.expiry_date, doc_code)
        cards = [_td2_face(facts, rng, bg, values, mrz)]
    else:
        mrz = td1(card.number, code, code, person.surname, person.given_upper, person.birth_date, person.sex,
                  card.expiry_date, doc_code)
        front = _td1_front_bilingual(facts, rng, bg, values) if layout == "td1_bilingual" else \
            _td1_front_numbered(facts, rng, bg, values)
        cards = [front, _td1_back(facts, bg, values, mrz)]
    fields = {"document_number": card.number, "surname": person.surname, "given_names": person.given_upper,
              "nationality": code, "date_of_birth": person.birth_date.isoformat(), "sex": person.sex,
              "expiry_date": card.expiry_date.isoformat(), "issuing_state": code}
    return BuiltPiece("id_card", f"id_card:{layout}", fields, cards=cards, mrz=mrz)


def _label_above(sheet: Sheet, x: float, y: float, label: str, value: str, size: float = 6.4) -> None:
    sheet.add(Text(x, y, label, 3.6, SANS, GREY), Text(x, y + 3.0, value, size, SANS_BOLD, (15, 15, 15)))


def _td1_front_bilingual(facts: DossierFacts, rng: random.Random, bg, v: dict) -> Sheet:
    country = facts.person.country
    front = Sheet(85.6, 54.0, bg)
    guilloche(front, rng, tuple(max(c - 15, 0) for c in bg))
    front.add(Text(4, 5.5, country.name_fr.upper()[:40], 4.6, SANS_BOLD, INK))
    front.add(Text(4, 10, "CARTE NATIONALE D'IDENTITÉ", 6.4, SANS_BOLD, INK),
              Text(4, 12.8, "NATIONAL IDENTITY CARD", 3.8, SANS, INK))
    portrait(front, 4, 15, 20, 27, rng)
    x = 27
    _label_above(front, x, 16, "Nom / Surname", v["surname"])
    _label_above(front, x, 22, "Prénoms / Given names", v["given"])
    _label_above(front, x, 28, "Sexe / Sex", v["sex"])
    _label_above(front, x + 12, 28, "Nationalité / Nationality", v["nat"])
    _label_above(front, x, 34, "Date de naissance / Date of birth", v["birth"])
    _label_above(front, x, 40, "N° du document / Document No.", v["number"])
    _label_above(front, x + 30, 40, "Expire le / Date of expiry", v["expiry"])
    return front


def _td1_front_numbered(facts: DossierFacts, rng: random.Random, bg, v: dict) -> Sheet:
    """Numbered labels beside their values, English first, number printed in red at the top."""
    country = facts.person.country
    front = Sheet(85.6, 54.0, bg)
    guilloche(front, rng, tuple(max(c - 15, 0) for c in bg))
    front.add(Box(0, 0, 85.6, 8, fill=(60, 80, 130), stroke=None),
              Text(3, 5.6, f"{country.name_en.upper()[:34]} – IDENTITY CARD", 4.8, SANS_BOLD, (255, 255, 255)))
    front.add(Text(82, 12.5, v["number"], 6.4, SANS_BOLD, (150, 25, 30), "right"))
    portrait(front, 60, 15, 22, 29, rng)
    rows = (("1. Surname / Nom", v["surname"]), ("2. Given names / Prénoms", v["given"]),
            ("3. Date of birth", v["birth"]), ("4. Sex / Sexe", v["sex"]), ("5. Nationality", v["nat"]),
            ("6. Date of issue", v["issue"]), ("7. Date of expiry", v["expiry"]))
    y = 16
    for label, value in rows:
        front.add(Text(3, y, label, 3.4, SANS, GREY), Text(24, y, value, 5.6, SANS_BOLD, (15, 15, 15)))
        y += 4.8
    front.add(Text(3, 52, "Holder's signature", 3.2, SANS, GREY))
    return front


def _td1_back(facts: DossierFacts, bg, v: dict, mrz: list[str]) -> Sheet:
    person, card = facts.person, facts.id_card
    back = Sheet(85.6, 54.0, bg)
    _label_above(back, 4, 5, "Lieu de naissance / Place of birth", person.birth_city, 5.6)
    _label_above(back, 4, 11.5, "Date de délivrance / Date of issue", v["issue"], 5.6)
    _label_above(back, 44, 11.5, "Autorité / Authority", card.authority, 5.2)
    _label_above(back, 4, 18, "Adresse / Address", f"{person.country.cities[0]}", 5.2)
    mrz_band(back, mrz, 32.0, 4.0, 6.3)
    return back


def _td2_face(facts: DossierFacts, rng: random.Random, bg, v: dict, mrz: list[str]) -> Sheet:
    country = facts.person.country
    face = Sheet(105.0, 74.0, bg)
    guilloche(face, rng, tuple(max(c - 15, 0) for c in bg))
    face.add(Text(5, 7, country.name_fr.upper()[:46], 6, SANS_BOLD, INK),
             Text(100, 7, "CARTE D'IDENTITÉ", 6.4, SANS_BOLD, INK, "right"))
    portrait(face, 5, 12, 24, 31, rng)
    x = 33
    _label_above(face, x, 13, "Nom", v["surname"], 7.4)
    _label_above(face, x, 20, "Prénoms", v["given"], 7.4)
    _label_above(face, x, 27, "Né(e) le", v["birth"], 7)
    _label_above(face, x + 30, 27, "Sexe", v["sex"], 7)
    _label_above(face, x + 44, 27, "Nationalité", v["nat"], 7)
    _label_above(face, x, 34, "N° de la carte", v["number"], 7)
    _label_above(face, x + 30, 34, "Valable jusqu'au", v["expiry"], 7)
    _label_above(face, x, 41, "Délivrée le", v["issue"], 6.4)
    mrz_band(face, mrz, 52.0, 4.0, 7.5)
    return face
