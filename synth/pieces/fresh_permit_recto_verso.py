"""Fresh residence permit family `copie_recto_verso` (wave 2, written once `fra_card_2016` had been looked at
(2026-12-02), without looking at the extractors): what employers really send for a titre de séjour — ONE page
carrying a photocopy of both sides of the card at their real size (85.6 × 54 mm), as the copier's "ID card" mode or a
hand on the glass leaves them: each side in the grey of the copier's glass around its outline, placed a little off
and turned a little (each side its own way; a side keeps its printed lines level, they are only placed along the
turned card), in shades of grey on most (a colour copy on some), the dark edge of an open lid on some.

The page travels as the piece's one card, so that it is rendered as every titre de séjour is — photocopied onto an
A4 page, or photographed — and the render draws exactly what a card's does: the rest of the dossier keeps its bytes
(a born-digital or scanned page would draw other numbers). It is 180 mm wide and at most 250 mm high, what the
photocopy's A4 page holds whatever its margins (it is pasted 15-30 mm from the left, 20-45 mm from the top).

Three sub-layouts: the recto above the verso on a portrait page (`empile`); the recto left of the verso, the copier's
two areas side by side, on a page as high as what it holds, wider than high on most (`cote_a_cote`: a landscape copy
photographed, the top of the A4 page photocopied); the verso first, the MRZ side on top, the recto under it, with the
employer's certification stamp (`verso_dessus`). The stamp — "COPIE CERTIFIÉE CONFORME À L'ORIGINAL", "COPIE CONFORME À
L'ORIGINAL PRÉSENTÉ" or "VU L'ORIGINAL", the company's name and town, its date, the signatory's name and role under
a pen signature, "Authenticité vérifiée auprès de la préfecture le …" on some — comes on some of the others too; a
typed heading ("Pièce n° 3 – Copie du titre de séjour (recto / verso)"), a handwritten-looking note ("Titre de
séjour de M. DIALLO — dossier n° RH-2026-0412", "reçu le 04/05/2026") and "RECTO" / "VERSO" beside the sides on some.

The card is the current model: on the front, "RÉPUBLIQUE FRANÇAISE", "TITRE DE SÉJOUR" over "RESIDENCE PERMIT",
the number top right under "N° du document / Document No.", the photo with the holder's signature under it, then
one-line bilingual labels above their values ("NOM / Surname", "Prénoms / Given names", "SEXE / Sex", "NAT. / Nat."
(the three-letter code), "DATE DE NAISSANCE / Date of birth", "TYPE DE TITRE / Type of permit", "VALABLE JUSQU'AU /
Valid until" or "DATE D'EXPIRATION / Date of expiry"), the six-digit access number bottom right; the category under
"REMARQUES / Remarks" on the front when it fits one short line on some, else on the back (whole, wrapped after its
slash when long); on the back the address, "DATE DE DÉLIVRANCE" and "LIEU DE DÉLIVRANCE" (the préfecture), the place
of birth, the work mention by category and the foreigner's number (AGDREF) in two columns, then the TD1 MRZ (`IR`)
of the other permit families, exact. Dates "12 03 2027" on most, "12/03/2027" on some.

Distractors: the date of issue, the copy's and the stamp's date, the date the note says it was received, the
préfecture's name, the employer's name and its signatory, the dossier's number, the access and foreigner's
numbers, the place of birth. Truth as on every permit card (permit_more.permit_piece): the card's number, the
holder's names, nationality, birth date, end of validity and category, exactly as the facts give them."""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from synth.companies import french_name
from synth.facts import DossierFacts
from synth.fmt import date_slash
from synth.fonts import FontKey
from synth.layout import Box, Color, Ellipse, Rule, Sheet, Text, wrap
from synth.pieces.base import BuiltPiece, body_font, bold, portrait
from synth.pieces.fresh_diploma_titre_pro import _scribble
from synth.pieces.fresh_permit_2016 import (
    CATEGORY_SIZE,
    SEATS,
    SMALL_CAPS,
    category_lines,
    date_spaced,
    work_mention,
)
from synth.pieces.fresh_permit_2025 import BOLD, REGULAR, _signature, fitted
from synth.pieces.identity import guilloche
from synth.pieces.payroll_print import fit
from synth.pieces.permit_more import permit_piece

LAYOUT = "copie_recto_verso"
SUBLAYOUTS = ("empile", "cote_a_cote", "verso_dessus")
CARD_W, CARD_H = 85.6, 54.0
NAVY: Color = (24, 44, 108)
LABEL: Color = (70, 74, 98)
INK: Color = (14, 14, 18)
RED: Color = (156, 28, 36)
TINTS = ((232, 238, 246), (238, 236, 246), (230, 240, 238), (242, 240, 232))
LABEL_SIZE = 3.2
PEN_INKS: tuple[Color, ...] = ((24, 44, 150), (20, 30, 90), (30, 30, 36))
STAMP_INKS: tuple[Color, ...] = ((40, 60, 160), (100, 40, 130), (150, 30, 50))
HAND = FontKey("lserif", italic=True)  # the note written by hand on the copy
# The copy travels as a card (photocopied onto an A4 page, or photographed, as every card is): its sheet is never
# wider than the A4 page less the photocopy's largest margin, nor taller, so that nothing of it is cut off.
PAGE_W, PAGE_H = 180.0, 250.0
STAMP_W, STAMP_H = 62.0, 66.0  # the stamp with the signature and the signatory under it
ROLES = ("Responsable des ressources humaines", "Service du personnel", "Direction générale", "Gérance",
         "Chargée de recrutement", "Responsable administratif")
MENTIONS = (("COPIE CERTIFIÉE CONFORME", "À L'ORIGINAL"), ("COPIE CONFORME", "À L'ORIGINAL PRÉSENTÉ"),
            ("VU L'ORIGINAL", "COPIE CERTIFIÉE CONFORME"))


# --- the card's faces -------------------------------------------------------------------------------------------

def _field(sheet: Sheet, x: float, y: float, label: str, lines: list[str], size: float, font: FontKey = BOLD,
           color: Color = INK, align: str = "left") -> float:
    """A one-line bilingual label ("NOM / Surname") and its value's lines under it; returns where the next label
    goes."""
    sheet.add(Text(x, y, label, LABEL_SIZE, REGULAR, LABEL, align))
    for i, line in enumerate(lines):
        sheet.add(Text(x, y + 3.0 + 2.6 * i, line, size, font, color, align))
    return y + 3.0 + 2.6 * (len(lines) - 1) + 3.6


def _front(front: Sheet, facts: DossierFacts, date, category_here: list[str] | None, rng: random.Random) -> None:
    person, permit = facts.person, facts.permit
    for i, color in enumerate(((0, 35, 149), (255, 255, 255), (237, 41, 57))):
        front.add(Box(4 + 1.6 * i, 2.6, 1.6, 3.2, fill=color, stroke=None))
    front.add(Text(10.2, 5.2, "RÉPUBLIQUE FRANÇAISE", 4.2, BOLD, NAVY))
    front.add(Text(4, 10.6, "TITRE DE SÉJOUR", 7.2, BOLD, NAVY))
    front.add(Text(4, 13.4, "RESIDENCE PERMIT", 3.8, REGULAR, NAVY))
    _field(front, 82, 4.0, "N° du document / Document No.", [permit.number], 6.2, color=RED, align="right")
    portrait(front, 4, 16.5, 20, 26, rng)
    _signature(front, rng)
    x, width = 27.0, 55.0
    _field(front, x, 17.0, "NOM / Surname", [person.surname], fitted(person.surname, 6.2, width))
    _field(front, x, 23.4, "Prénoms / Given names", [person.given_upper], fitted(person.given_upper, 5.8, width))
    _field(front, x, 29.8, "SEXE / Sex", [person.sex], 5.6)
    _field(front, x + 11, 29.8, "NAT. / Nat.", [person.country.code], 5.6)
    _field(front, x + 25, 29.8, "DATE DE NAISSANCE / Date of birth", [date(permit.birth_date)], 5.6)
    _field(front, x, 36.2, "TYPE DE TITRE / Type of permit", [permit.card_type], fitted(permit.card_type, 4.8, width))
    until = rng.choice(("VALABLE JUSQU'AU / Valid until", "DATE D'EXPIRATION / Date of expiry"))
    _field(front, x, 42.6, until, [date(permit.expiry_date)], 5.6)
    if category_here:
        _field(front, x, 48.8, "REMARQUES / Remarks", category_here, CATEGORY_SIZE, SMALL_CAPS)
    front.add(Text(82, 52.6, f"{rng.randint(0, 999_999):06d}", 4.0, REGULAR, INK, "right"))


def _back(back: Sheet, facts: DossierFacts, date, category_here: list[str] | None, rng: random.Random) -> None:
    """The back above its MRZ (permit_piece draws it from 32 mm down): two columns, in either order."""
    person, permit = facts.person, facts.permit
    _, department = SEATS.get(permit.prefecture, (permit.prefecture.split()[-1], "75"))
    street, place = person.address.upper().rsplit(", ", 1)
    left, right = (4.0, 47.0) if rng.random() < 0.65 else (45.0, 4.0)
    y = 4.2
    if category_here:
        y = _field(back, left, y, "REMARQUES / Remarks", category_here, CATEGORY_SIZE, SMALL_CAPS)
    y = _field(back, left, y, "ADRESSE / Address", [street, place], fitted(street, 4.6, 38))
    for i, text in enumerate(work_mention(permit.category)):
        if y + 2.6 * i < 30.5:
            back.add(Text(left, y + 2.6 * i, text, 3.6, SMALL_CAPS, INK))
    y = 4.2
    issued = [("DATE DE DÉLIVRANCE / Date of issue", [date(permit.issue_date)], 5.0),
              ("LIEU DE DÉLIVRANCE / Place of issue", wrap(permit.prefecture, BOLD, 4.2, 36), 4.2)]
    if rng.random() < 0.35:
        issued.reverse()
    for label, lines, size in issued:
        y = _field(back, right, y, label, lines, size)
    birthplace = f"{person.birth_city.upper()} ({person.country.code})"
    y = _field(back, right, y, "LIEU DE NAISSANCE / Place of birth", [birthplace], fitted(birthplace, 4.6, 36))
    if y < 27.5:
        _field(back, right, y, "N° ÉTRANGER / Foreigner No.", [f"{department}{rng.randint(0, 99_999_999):08d}"], 4.4)


def _category_on_front(category: str, rng: random.Random) -> list[str] | None:
    """The category's lines when the front carries it (some seeds, one short line only), else None."""
    lines = category_lines(category, 40.0)
    return lines if len(lines) == 1 and rng.random() < 0.4 else None


# --- the copy ---------------------------------------------------------------------------------------------------

@dataclass
class Copy:
    """How the copier renders a face: in grey or in colour, its contrast and brightness."""
    grey: bool
    contrast: float
    light: float

    def tone(self, color: Color) -> Color:
        if self.grey:
            lum = 0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2]
            v = int(max(0, min(255, (lum - 128) * self.contrast + 128 + self.light)))
            return (v, v, v)
        return tuple(int(max(0, min(255, (c - 128) * self.contrast + 128 + self.light))) for c in color)


def _rounded_outline(w: float, h: float, r: float) -> list[tuple[float, float]]:
    """The card's outline (rounded corners), clockwise, in its own millimetres."""
    pts = []
    for cx, cy, start in ((w - r, r, -90), (w - r, h - r, 0), (r, h - r, 90), (r, r, 180)):
        for k in range(5):
            a = math.radians(start + 22.5 * k)
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def _fill_polygon(page: Sheet, pts: list[tuple[float, float]], color: Color, step: float = 0.25) -> None:
    """A convex polygon filled with thin level strips (the layout draws no turned shapes)."""
    top, bottom = min(p[1] for p in pts), max(p[1] for p in pts)
    y = top
    while y < bottom:
        mid = min(y + step / 2, bottom)
        xs = [a[0] + (mid - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
              for a, b in zip(pts, pts[1:] + pts[:1]) if a[1] != b[1] and min(a[1], b[1]) <= mid <= max(a[1], b[1])]
        if len(xs) >= 2:
            page.add(Box(min(xs), y, max(xs) - min(xs), min(step, bottom - y) + 0.04, fill=color, stroke=None))
        y += step


def _polyline(page: Sheet, pts: list[tuple[float, float]], color: Color, width: float) -> None:
    page.add(*(Rule(a[0], a[1], b[0], b[1], width, color) for a, b in zip(pts, pts[1:] + pts[:1])))


def place_face(page: Sheet, face: Sheet, x: float, y: float, angle: float, copy: Copy, behind: Color) -> None:
    """Copy the card `face` onto `page`, its top-left corner at (x, y) before it is turned by `angle` degrees about
    its centre: its outline and its large areas turned, its lines of text and small marks placed where the turn
    takes them; what the face's areas spill over its rounded corners is given back to the `behind` colour."""
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    cx, cy = face.width / 2, face.height / 2

    def at(px: float, py: float) -> tuple[float, float]:
        return (x + cx + (px - cx) * cos - (py - cy) * sin, y + cy + (px - cx) * sin + (py - cy) * cos)

    def rect(bx: float, by: float, bw: float, bh: float) -> list[tuple[float, float]]:
        return [at(bx, by), at(bx + bw, by), at(bx + bw, by + bh), at(bx, by + bh)]

    outline = [at(px, py) for px, py in _rounded_outline(face.width, face.height, 3.2)]
    if angle:
        _fill_polygon(page, outline, copy.tone(face.background))
    else:
        page.add(Box(x, y, face.width, face.height, fill=copy.tone(face.background), stroke=None, radius=3.2))
    for el in face.elements:
        if isinstance(el, Text):
            tx, ty = at(el.x, el.y)
            page.add(Text(tx, ty, el.text, el.size, el.font, copy.tone(el.color), el.align))
        elif isinstance(el, Rule):
            (ax, ay), (bx, by) = at(el.x0, el.y0), at(el.x1, el.y1)
            page.add(Rule(ax, ay, bx, by, el.width, copy.tone(el.color)))
        elif isinstance(el, Box) and angle and max(el.w, el.h) > 6:
            corners = rect(el.x, el.y, el.w, el.h)
            if el.fill is not None:
                _fill_polygon(page, corners, copy.tone(el.fill))
            if el.stroke is not None:
                _polyline(page, corners, copy.tone(el.stroke), el.width)
        elif isinstance(el, Box):
            bx, by = at(el.x + el.w / 2, el.y + el.h / 2)
            page.add(Box(bx - el.w / 2, by - el.h / 2, el.w, el.h, None if el.fill is None else copy.tone(el.fill),
                         None if el.stroke is None else copy.tone(el.stroke), el.width, el.radius))
        elif isinstance(el, Ellipse):
            ex, ey = at(el.x + el.w / 2, el.y + el.h / 2)
            page.add(Ellipse(ex - el.w / 2, ey - el.h / 2, el.w, el.h, copy.tone(el.fill)))
    w, h, r = face.width, face.height, 3.2
    for corner, (cx0, cy0, start) in zip(((w, 0), (w, h), (0, h), (0, 0)),
                                         ((w - r, r, -90), (w - r, h - r, 0), (r, h - r, 90), (r, r, 180))):
        arc = [(cx0 + r * math.cos(math.radians(start + 22.5 * k)), cy0 + r * math.sin(math.radians(start + 22.5 * k)))
               for k in range(5)]
        _fill_polygon(page, [at(*p) for p in [corner, *arc]], behind, 0.2)
    _polyline(page, outline, copy.tone((96, 96, 100)), 0.3)


@dataclass
class Slot:
    """Where one face goes: its top-left corner, its turn, and the copier glass's grey around it."""
    x: float
    y: float
    angle: float
    zone: tuple[float, float, float, float]  # x, y, w, h


def _slot(x: float, y: float, margins: tuple[float, float, float, float], rng: random.Random) -> Slot:
    """A face at (x, y), turned a little on most, the glass's grey `margins` (left, top, right, bottom) around it."""
    angle = 0.0 if rng.random() < 0.3 else round(rng.uniform(-0.9, 0.9), 2)
    left, top, right, bottom = margins
    return Slot(x, y, angle, (x - left, y - top, CARD_W + left + right, CARD_H + top + bottom))


def _lid_edge(page: Sheet, rng: random.Random) -> None:
    """The dark edge an open lid leaves along the top of the copy."""
    page.add(Box(0, 0, page.width, rng.uniform(2.5, 5), fill=(rng.randint(55, 95),) * 3, stroke=None))


# --- what the employer adds --------------------------------------------------------------------------------------

@dataclass
class Office:
    """The employer's side of the copy: its name and town, who signs, the dates it writes."""
    company: str
    address: str
    town: str
    signatory: str
    role: str
    copied: dt.date  # the copy's (the stamp's) date
    received: dt.date  # the date the note says the copy came in
    checked: dt.date  # the préfecture's check of the card


def _office(facts: DossierFacts, rng: random.Random) -> Office:
    company = facts.registration.company  # the employer, or the host of a stage: the company the dossier is about
    copied = facts.reference_date - dt.timedelta(days=rng.randint(3, 40))
    copied = max(copied, facts.permit.issue_date + dt.timedelta(days=7))
    signatory = company.manager if rng.random() < 0.4 else french_name(rng)
    return Office(f"{company.name} {company.legal_form}", company.address, company.city, signatory,
                  rng.choice(ROLES), copied, copied - dt.timedelta(days=rng.randint(0, 9)),
                  min(copied + dt.timedelta(days=rng.randint(1, 4)), facts.reference_date))


def _stamp(page: Sheet, x: float, y: float, office: Office, rng: random.Random) -> float:
    """The employer's stamp on the copy, its date, the signature and the signatory; returns its bottom."""
    ink = rng.choice(STAMP_INKS)
    font = FontKey(rng.choice(("sans", "lsans", "condensed")), True)
    street, place = office.address.rsplit(", ", 1)
    first, second = rng.choice(MENTIONS)
    w, mid = STAMP_W, x + STAMP_W / 2
    page.add(Box(x, y, w, 33, stroke=ink, width=0.6, radius=1.5),
             Box(x + 1.2, y + 1.2, w - 2.4, 30.6, stroke=ink, width=0.2, radius=1.0))
    address = f"{street} – {place}"
    page.add(Text(mid, y + 6.0, office.company, fit(office.company, font, 8.0, w - 6), font, ink, "center"),
             Text(mid, y + 9.6, address, fit(address, FontKey(font.family), 5.6, w - 6), FontKey(font.family), ink,
                  "center"),
             Text(mid, y + 16.0, first, 8.6, font, ink, "center"),
             Text(mid, y + 20.4, second, fit(second, font, 8.6, w - 6), font, ink, "center"),
             Text(mid, y + 28.0, f"Le {date_slash(office.copied)}", 9.0, font, ink, "center"))
    pen = rng.choice(PEN_INKS)
    _scribble(page, x + 8, y + 42, 30, pen, rng)
    page.add(Text(x, y + 51, office.signatory, 9.0, FontKey("sans"), INK),
             Text(x, y + 55.2, office.role, 8.0, FontKey("sans"), (60, 60, 60)))
    if rng.random() < 0.4:
        lines = ["Authenticité vérifiée auprès de la", f"préfecture le {date_slash(office.checked)}"]
        return _write(page, x, y + 61, lines, 9.0, HAND, pen)
    return y + 55.2


def _note(facts: DossierFacts, dossier: str, office: Office, rng: random.Random) -> list[str]:
    """The lines written by hand on the copy."""
    person = facts.person
    civility = person.civility
    lines = rng.choice((
        [f"Titre de séjour de {civility} {person.surname} — dossier n° {dossier}"],
        [f"TS {person.surname} {person.given_names} – recto / verso"],
        [f"Copie titre de séjour – {civility} {person.given_names} {person.surname}", f"dossier n° {dossier}"],
        [f"Dossier n° {dossier} – {civility} {person.surname}"],
    ))
    if rng.random() < 0.5:
        lines.append(f"reçu le {date_slash(office.received)}")
    return lines


def _heading(facts: DossierFacts, office: Office, rng: random.Random) -> str:
    person = facts.person
    return rng.choice((
        f"Pièce n° {rng.randint(2, 7)} – Copie du titre de séjour (recto / verso)",
        f"ANNEXE {rng.randint(1, 5)} : TITRE DE SÉJOUR DU SALARIÉ – {person.surname} {person.given_names}",
        f"{office.company} – Copie recto verso du titre de séjour de {person.civility} {person.surname}",
    ))


def _write(page: Sheet, x: float, y: float, lines: list[str], size: float, font: FontKey, color: Color,
           width: float | None = None) -> float:
    """Lines one under the other, each made smaller to fit `width` if given; returns the last one's baseline."""
    step = size * 0.3528 * 1.45
    for i, line in enumerate(lines):
        page.add(Text(x, y + step * i, line, fit(line, font, size, width) if width else size, font, color))
    return y + step * (len(lines) - 1)


def _side_label(page: Sheet, slot: Slot, text: str, typed: bool, ink: Color) -> None:
    zx, zy, _, _ = slot.zone
    if typed:
        page.add(Text(zx, zy - 1.5, text, 9.0, FontKey("sans", True), INK))
    else:
        page.add(Text(zx + 2, zy - 1.5, text, 12.0, HAND, ink))


# --- the page ----------------------------------------------------------------------------------------------------

def copie_recto_verso(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    sublayout = rng.choice(SUBLAYOUTS)
    bg = rng.choice(TINTS)
    front, back = Sheet(CARD_W, CARD_H, bg), Sheet(CARD_W, CARD_H, bg)
    guilloche(front, rng, (max(bg[0] - 14, 0), max(bg[1] - 14, 0), max(bg[2] - 14, 0)))
    date = date_spaced if rng.random() < 0.7 else date_slash
    here = _category_on_front(facts.permit.category, rng)
    _front(front, facts, date, here, rng)
    _back(back, facts, date, None if here else category_lines(facts.permit.category, 38.0), rng)
    card = permit_piece(facts, LAYOUT, front, back)  # the MRZ on the back, and the truth

    side_by_side = sublayout == "cote_a_cote"
    page = Sheet(PAGE_W, PAGE_H)
    faces = (back, front) if sublayout == "verso_dessus" else (front, back)
    office = _office(facts, rng)
    dossier = rng.choice((f"RH-{office.copied.year}-{rng.randint(1, 9999):04d}",
                          f"{office.copied.year}/{rng.randint(100, 999)}", f"{rng.randint(10_000, 99_999)}"))
    pen = rng.choice(PEN_INKS)
    copy = Copy(rng.random() < 0.75, rng.uniform(1.02, 1.14), rng.uniform(-8, 4))
    if rng.random() < 0.25:
        _lid_edge(page, rng)

    # what goes around the copies — a heading, the stamp, the note — is decided first, the sides placed around it
    stamped = sublayout == "verso_dessus" or rng.random() < 0.35
    cards_left = rng.random() < 0.6
    stamp_place = None
    if stamped:
        stamp_place = "beside" if not side_by_side and cards_left and rng.random() < 0.6 else "below"
    note_place = None
    if rng.random() < 0.55:  # under the sides beside the stamp, or above them
        note_place = "bottom" if stamp_place == "below" else rng.choice(("top", "bottom"))
    top = 4.0
    if rng.random() < 0.45:
        heading, font = _heading(facts, office, rng), bold(body_font(rng))
        page.add(Text(4, 10, heading, fit(heading, font, 11.0, PAGE_W - 8), font, INK))
        top = 15.0
    if note_place == "top":
        x = 4 + rng.uniform(0, 20)
        top = _write(page, x, top + 6, _note(facts, dossier, office, rng), 12.5, HAND, pen, PAGE_W - x - 4) + 2
    y1 = top + 12 + rng.uniform(0, 4)
    if side_by_side:  # the copier's two areas side by side, the faces close to their edges
        x1, gap = rng.uniform(2, 3), rng.uniform(3.5, 4.5)
        inner = [rng.uniform(0.8, gap / 2 - 0.3) for _ in range(2)]
        slots = [_slot(x1, y1 + rng.uniform(0, 3), (rng.uniform(1, x1 - 0.4), rng.uniform(2, 8), inner[0],
                                                    rng.uniform(2, 8)), rng),
                 _slot(x1 + CARD_W + gap, y1, (inner[1], rng.uniform(2, 8), rng.uniform(0.6, 1.2), rng.uniform(2, 8)),
                       rng)]
    else:
        x = rng.uniform(9, 14) if cards_left else rng.uniform(41, 53)
        need = (STAMP_H + 8 if stamp_place == "below" else 0.0) + (22.0 if note_place == "bottom" else 0.0)
        gap = max(20.0, min(rng.uniform(22, 36), PAGE_H - 4 - need - (y1 + 2 * CARD_H + 8)))
        margins = [tuple(rng.uniform(2, 8) for _ in range(4)) for _ in range(2)]
        slots = [_slot(x + rng.uniform(-3, 3), y1, margins[0], rng), _slot(x, y1 + CARD_H + gap, margins[1], rng)]
    behind = []
    for slot in slots:
        glass = (rng.randint(168, 208),) * 3 if rng.random() < 0.9 else page.background
        page.add(Box(*slot.zone, fill=glass, stroke=None))
        behind.append(glass)
    for slot, face, glass in zip(slots, faces, behind):
        place_face(page, face, slot.x, slot.y, slot.angle, copy, glass)
    if rng.random() < 0.5:
        typed, above = rng.random() < 0.5, top
        for slot, face in zip(slots, faces):
            if slot.zone[1] - above >= 5.5:  # room above its grey for the word
                _side_label(page, slot, "RECTO" if face is front else "VERSO", typed, pen)
            above = top if side_by_side else slot.zone[1] + slot.zone[3]

    below = max(s.zone[1] + s.zone[3] for s in slots) + 8
    note_x = 4.0
    if stamp_place == "beside":
        stamp_end = _stamp(page, max(s.zone[0] + s.zone[2] for s in slots) + 4, slots[1].y + 4, office, rng)
        below = max(below, stamp_end + 8)
    elif stamp_place == "below":
        x = 4 + rng.uniform(0, 6) if rng.random() < 0.5 else PAGE_W - STAMP_W - 4
        stamp_end = _stamp(page, x, below, office, rng)
        note_x = x + STAMP_W + 6 if x < 60 else 4.0
        if note_place == "bottom":
            end = _write(page, note_x, below + 8, _note(facts, dossier, office, rng), 12.5, HAND, pen,
                         (PAGE_W - 4 - note_x) if x < 60 else x - 6 - note_x)
            stamp_end = max(stamp_end, end)
            note_place = None
        below = stamp_end + 6
    if note_place == "bottom":
        x = note_x + rng.uniform(0, 20)
        below = _write(page, x, below + 6, _note(facts, dossier, office, rng), 12.5, HAND, pen, PAGE_W - 4 - x) + 2
    if side_by_side:  # the copy as high as what it holds: wider than high on most
        page.height = min(PAGE_H, below + 8)
    return BuiltPiece("residence_permit", card.template, card.fields, cards=[page], mrz=card.mrz)
