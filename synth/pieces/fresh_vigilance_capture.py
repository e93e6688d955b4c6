"""Fresh attestation de vigilance family `capture_ecran` (sixth urssaf wave, written after `plateforme_conformite`
without looking at it): employers often send a screenshot of their Urssaf online account instead of the attestation's
PDF. The whole page is the screen capture.

Three sub-layouts:
- `liste`: a landscape desktop capture (16:9 or 16:10) of a web browser (tabs, address bar with a urssaf.fr address,
  bookmarks on some) showing the employer's account: the site's header (the logged-in user, the contributor account,
  the messages' badge), its left menu ("Mon compte", "Déclarer et payer", "Mes attestations", "Messagerie"…) with the
  next due date and the last login, breadcrumbs, then "Mes attestations": a table of the attestations generated over
  the last months (the newest vigilance one is the truth, older ones and other kinds of attestations carry other dates
  and other security codes) and the truth attestation's detail card open (raison sociale, SIREN, date de délivrance,
  situation, "Valable jusqu'au", code de sécurité), at the right of the table or under it.
- `visionneuse`: the same browser showing the attestation's PDF in its built-in viewer (dark toolbar with the file's
  name, "1 / 2", the zoom as "75 %" or so, thumbnails on some), the attestation's first page at a reduced zoom and cut
  by the screen's bottom, the browser's downloads bar (or panel) with the file.
- `mobile`: a phone capture (tall narrow page): the status bar (time, network, battery), a mobile browser's address
  bar or the Urssaf app's header, the attestation's card (label above value), buttons, the previous attestations
  under it, a bottom navigation bar or a cookie banner on some.

Desktop captures show the OS's clock (Windows taskbar with time and date, or macOS menu bar with the day), some a
cookie banner at the bottom of the site, other tabs (a webmail with its unread count, the declarations portal…).
Distractors: the capture's clock and date, the last login, the next due date, older attestations' dates and codes,
"Valable jusqu'au", "situation arrêtée au", the contributor account, the head office's SIRET, the user's name, badges.
Nothing is printed under 7 pt at the page's scale."""
from __future__ import annotations

import datetime as dt
import random
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
from synth.identifiers import grouped, security_code
from synth.layout import A4, Box, Color, Element, Ellipse, Flow, Rule, Sheet, Text, wrap
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_vigilance_numerique import REGIONS
from synth.pieces.urssaf import LEGAL_VIGILANCE, URSSAF_REGIONS
from synth.rules import add_months

LAYOUTS = ("liste", "visionneuse", "mobile")
MIN_PT = 7.0  # nothing smaller at the page's scale
PT_MM = 0.3528
INK: Color = (32, 33, 36)
GREY: Color = (95, 99, 104)
LIGHT_GREY: Color = (218, 220, 224)
WHITE: Color = (255, 255, 255)
URSSAF_BLUE: Color = (0, 62, 137)
URSSAF_SKY: Color = (0, 140, 204)
PALE_BLUE: Color = (230, 240, 250)
RED: Color = (206, 32, 41)
OK_GREEN: Color = (24, 128, 56)
OK_PALE: Color = (225, 243, 231)
GLYPHS = FontKey("sans")  # DejaVu Sans has the arrows and symbols a browser shows
DESKTOPS = ((297.0, 167.1), (297.0, 185.6), (287.0, 161.4))  # 16:9, 16:10, 16:9
WEEKDAYS = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
MONTHS_SHORT = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")
URLS = ("urssaf.fr/accueil/mon-espace/employeur/mes-attestations.html",
        "www.urssaf.fr/portail/home/espace-employeur/attestations.html",
        "mon.urssaf.fr/employeur/documents/attestations",
        "www.urssaf.fr/accueil/services/espace-employeur/attestations")
MENU = ("Mon compte", "Déclarer et payer", "Mes attestations", "Messagerie", "Mes documents", "Délais et remises",
        "Gérer mes habilitations", "Aide et contact")
OTHER_TABS = ("Boîte de réception ({n}) - Outlook", "net-entreprises.fr - Tableau de bord",
              "Gmail - Boîte de réception ({n})", "impots.gouv.fr - Espace professionnel", "Agenda - Semaine du {d}",
              "Qonto - Transactions", "Infogreffe - Mes commandes")
BOOKMARKS = ("net-entreprises", "impots.gouv Pro", "Banque Populaire", "Infogreffe", "Messagerie", "Légifrance",
             "France Travail", "Agenda", "Notes de frais")
COOKIES = ("Urssaf.fr utilise des cookies pour mesurer l'audience du site et améliorer votre expérience. Vous pouvez "
           "accepter ou refuser ces cookies, ou personnaliser vos choix à tout moment.")
VERIFY = ("Le donneur d'ordre peut vérifier l'authenticité de cette attestation sur www.urssaf.fr, rubrique « Vérifier "
          "une attestation », à l'aide du SIREN et du code de sécurité.")


@dataclass(frozen=True)
class Moment:
    """When the capture was taken, and the account's own dates around it (all distractors)."""
    shot: dt.date
    at: str  # "14:32"
    login: dt.date
    login_at: str
    due: dt.date  # the next DSN due date the account shows
    due_month: dt.date  # the month that DSN declares


@dataclass(frozen=True)
class Row:
    """One attestation in the account's list."""
    kind: str
    issued: dt.date
    until: dt.date
    code: str
    truth: bool = False


@dataclass(frozen=True)
class Look:
    """The screen: OS, browser, theme, fonts."""
    os: str  # "windows" / "mac"
    browser: str  # "chrome" / "edge" / "firefox"
    dark: bool  # the browser's dark theme / a dark taskbar
    ui: FontKey  # the OS's and the browser's type
    site: FontKey  # the site's type


@dataclass(frozen=True)
class Truth:
    """The truth fields as printed."""
    name: str
    siren: str
    issued: str
    code: str
    situation: str
    until: str


def capture_ecran(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    cert = facts.certificate
    company = cert.company
    layout = rng.choice(LAYOUTS)
    code = grouped(cert.security_code) if rng.random() < 0.35 else cert.security_code
    region = REGIONS.get(company.address.rsplit(", ", 1)[-1][:2]) or rng.choice(URSSAF_REGIONS)
    moment = _moment(cert.issue_date, facts.reference_date, rng)
    user = company.manager if rng.random() < 0.55 else french_name(rng)
    siren = siren_spaced(cert.siren) if len(cert.siren) == 9 and rng.random() < 0.55 else cert.siren
    issued = date_slash(cert.issue_date) if rng.random() < 0.7 else date_long(cert.issue_date)
    truth = Truth(company.name, siren, issued, code, date_slash(cert.situation_date),
                  date_slash(add_months(cert.issue_date, 6)))
    rows = _rows(cert, code, moment, rng)
    look = Look(rng.choice(("windows", "windows", "mac")), rng.choice(("chrome", "chrome", "edge", "firefox")),
                rng.random() < 0.3, FontKey(rng.choice(("lsans", "sans"))),
                FontKey(rng.choice(("lsans", "sans", "condensed"))))
    if layout == "liste":
        sheet = _liste(cert, truth, rows, region, moment, user, look, rng)
    elif layout == "visionneuse":
        sheet = _visionneuse(cert, truth, region, moment, user, look, rng)
    else:
        sheet = _mobile(cert, truth, rows, moment, user, look, rng)
    fields: dict[str, FieldValue] = {"company_name": company.name, "siren": cert.siren,
                                     "issue_date": cert.issue_date.isoformat(), "security_code": code}
    return BuiltPiece("urssaf_certificate", "urssaf_certificate:capture_ecran", fields, sheets=[sheet])


# ---------------------------------------------------------------- dates and the account's list

def _hour(rng: random.Random, first: int = 7, last: int = 20) -> str:
    return f"{rng.randint(first, last):02d}:{rng.randint(0, 59):02d}"


def _moment(issue: dt.date, reference: dt.date, rng: random.Random) -> Moment:
    """The capture is taken the day the attestation is generated or some days later, before the dossier is sent."""
    room = max(0, (reference - issue).days - 1)
    shot = issue + dt.timedelta(days=0 if rng.random() < 0.35 else rng.randint(0, min(room, 25)))
    login = shot if rng.random() < 0.3 else shot - dt.timedelta(days=rng.randint(1, 40))
    month = shot.replace(day=1)
    due = add_months(month, 1).replace(day=rng.choice((5, 15)))
    at = _hour(rng, 9, 19)
    login_at = _hour(rng, 7, int(at[:2]) - 1) if login == shot else _hour(rng)
    return Moment(shot, at, login, login_at, due, month)


def _other_code(taken: set[str], grouped_like: bool, rng: random.Random) -> str:
    code = security_code(rng)
    while code in taken:
        code = security_code(rng)
    taken.add(code)
    return grouped(code) if grouped_like else code


def _rows(cert: CertificateFacts, code: str, moment: Moment, rng: random.Random) -> list[Row]:
    """The truth attestation and the older ones, newest first: vigilance attestations generated every few months,
    an attestation de marchés publics or de compte à jour among them on some."""
    taken = {cert.security_code}
    spaced = " " in code
    rows = [Row("Attestation de vigilance", cert.issue_date, add_months(cert.issue_date, 6), code, truth=True)]
    day = cert.issue_date
    for _ in range(rng.randint(2, 4)):
        day = day - dt.timedelta(days=rng.randint(24, 110))
        rows.append(Row("Attestation de vigilance", day, add_months(day, 6), _other_code(taken, spaced, rng)))
    for kind in ("Attestation de marchés publics", "Attestation de compte à jour"):
        if rng.random() < 0.45:
            when = cert.issue_date - dt.timedelta(days=rng.randint(3, 200))
            rows.append(Row(kind, when, add_months(when, 6) if "marchés" in kind else when + dt.timedelta(days=90),
                            _other_code(taken, spaced, rng)))
    rows.sort(key=lambda r: (r.issued, r.truth), reverse=True)
    return rows


def _status(row: Row, moment: Moment) -> str:
    return "Valide" if row.until >= moment.shot else "Expirée"


# ---------------------------------------------------------------- drawing helpers

def _fit(text: str, font: FontKey, size: float, width: float) -> float:
    """The size `text` fits `width` at, never under MIN_PT."""
    return max(MIN_PT, min(size, size * width / max(text_width_mm(text, font, size), 0.1)))


def _clip(text: str, font: FontKey, size: float, width: float) -> str:
    """`text` cut with an ellipsis to fit `width` (a tab's title, a file's name: never a truth value)."""
    if text_width_mm(text, font, size) <= width:
        return text
    while text and text_width_mm(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _badge(sheet: Sheet, x: float, y: float, count: int, font: FontKey) -> None:
    """A red round badge centred on (x, y) with a count."""
    sheet.add(Ellipse(x - 1.9, y - 1.9, 3.8, 3.8, RED),
              Text(x, y + 0.9, str(count), MIN_PT, bold(font), WHITE, "center"))


def _padlock(sheet: Sheet, x: float, y: float, color: Color) -> None:
    """A small padlock whose body's top-left is (x, y)."""
    sheet.add(Rule(x + 0.45, y, x + 0.45, y - 0.9, 0.28, color), Rule(x + 1.75, y, x + 1.75, y - 0.9, 0.28, color),
              Rule(x + 0.45, y - 0.9, x + 1.75, y - 0.9, 0.28, color),
              Box(x, y, 2.2, 1.7, fill=color, stroke=None, radius=0.3))


def _wrapped(sheet: Sheet, x: float, y: float, text: str, size: float, font: FontKey, color: Color,
             width: float, step: float | None = None) -> float:
    """`text` wrapped to `width` from baseline `y`; returns the last baseline."""
    step = step or size * PT_MM * 1.32
    for i, line in enumerate(wrap(text, font, size, width)):
        sheet.add(Text(x, y + i * step, line, size, font, color))
        last = y + i * step
    return last


def _weekday_date(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS_SHORT[day.month - 1]}"


# ---------------------------------------------------------------- the desktop: OS and browser

@dataclass
class Viewport:
    """The part of the screen the browser's page takes."""
    x0: float
    y0: float
    x1: float
    y1: float


def _desktop(sheet: Sheet, look: Look, moment: Moment, title: str, url: str, user: str, bookmarks: bool,
             rng: random.Random) -> Viewport:
    """The OS's bar (Windows taskbar at the bottom, or macOS menu bar at the top) and the browser's tabs, address
    bar and bookmarks; returns the page's viewport."""
    w, h = sheet.width, sheet.height
    ui = look.ui
    top, bottom = 0.0, h
    if look.os == "mac":
        top = _mac_menu_bar(sheet, look, moment, rng)
    else:
        bottom = h - _windows_taskbar(sheet, look, moment, rng)
    chrome_bg: Color = (41, 42, 45) if look.dark else {"chrome": (222, 225, 230), "edge": (232, 232, 232),
                                                       "firefox": (240, 240, 244)}[look.browser]
    tab_ink: Color = (232, 234, 237) if look.dark else INK
    active: Color = (53, 54, 58) if look.dark else WHITE
    sheet.add(Box(0, top, w, 19.5, fill=chrome_bg, stroke=None))
    # tabs
    others = [t.format(n=rng.randint(2, 48), d=date_slash(moment.shot - dt.timedelta(days=moment.shot.weekday())))
              for t in rng.sample(OTHER_TABS, rng.randint(1, 3))]
    place = rng.randint(0, len(others))
    titles = others[:place] + [title] + others[place:]
    x = 18.0 if look.os == "mac" else 4.0
    if look.os == "mac":
        for i, color in enumerate(((237, 106, 94), (245, 191, 79), (98, 197, 84))):
            sheet.add(Ellipse(4 + i * 4.2, top + 2.8, 2.8, 2.8, color))
    tab_w = min(52.0, (w - x - 30) / len(titles))
    for t in titles:
        is_active = t == title
        if is_active:
            sheet.add(Box(x, top + 1.4, tab_w, 8.2, fill=active, stroke=None, radius=1.6))
        else:
            sheet.add(Rule(x + tab_w, top + 3.2, x + tab_w, top + 7.6, 0.2, (150, 150, 155)))
        sheet.add(Box(x + 2.2, top + 3.9, 3.0, 3.0, fill=URSSAF_BLUE if is_active else (120, 130, 140), stroke=None,
                      radius=0.6),
                  Text(x + 6.6, top + 6.6, _clip(t, ui, MIN_PT + 0.2, tab_w - 12), MIN_PT + 0.2, ui, tab_ink),
                  Text(x + tab_w - 3.2, top + 6.6, "✕", MIN_PT, GLYPHS, GREY))
        x += tab_w
    sheet.add(Text(x + 3, top + 7.0, "+", 10, GLYPHS, tab_ink))
    if look.os == "windows":
        for i, glyph in enumerate(("—", "☐", "✕")):
            sheet.add(Text(w - 24 + i * 8.5, top + 6.4, glyph, MIN_PT + 1, GLYPHS, tab_ink, "center"))
    # toolbar: arrows, the address, the profile
    bar = top + 9.6
    sheet.add(Box(0, bar, w, 9.9, fill=active, stroke=None))
    for i, glyph in enumerate(("←", "→", "↻")):
        sheet.add(Text(6 + i * 7, bar + 6.8, glyph, 10, GLYPHS, tab_ink if i != 1 else (150, 150, 150), "center"))
    box_x, box_w = 28.0, w - 28.0 - 30.0
    field: Color = (32, 33, 36) if look.dark else (241, 243, 244)
    sheet.add(Box(box_x, bar + 1.6, box_w, 6.8, fill=field, stroke=None, radius=3.4))
    _padlock(sheet, box_x + 4, bar + 4.7, tab_ink)
    if url.startswith("file:"):  # a file opened from the downloads
        shown = url if look.browser == "firefox" else url.removeprefix("file://").replace("/C:", "C:", 1)
        domain, path = ("Fichier  |  " if look.browser != "firefox" else ""), shown
    else:
        shown = url if look.browser != "firefox" else f"https://{url}"
        domain, _, path = shown.partition("urssaf.fr")
        domain += "urssaf.fr"
    sheet.add(Text(box_x + 9, bar + 6.0, domain, 8, ui, tab_ink))
    sheet.add(Text(box_x + 9 + text_width_mm(domain, ui, 8), bar + 6.0, _clip(path, ui, 8, box_w - 40), 8, ui,
                   (140, 140, 145) if not look.dark else (170, 170, 175)))
    sheet.add(Text(box_x + box_w - 5, bar + 6.2, "☆", 9, GLYPHS, tab_ink, "center"))
    initials = "".join(part[0] for part in user.split()[:2])
    sheet.add(Ellipse(w - 22, bar + 2.0, 6, 6, (26, 115, 232)),
              Text(w - 19, bar + 6.0, initials, MIN_PT, bold(ui), WHITE, "center"),
              Text(w - 8, bar + 6.6, "⋮", 10, GLYPHS, tab_ink, "center"))
    y = bar + 9.9
    if bookmarks:
        sheet.add(Box(0, y, w, 6.2, fill=active, stroke=None))
        bx = 6.0
        for mark in rng.sample(BOOKMARKS, rng.randint(4, 7)):
            sheet.add(Box(bx, y + 1.6, 2.8, 2.8, fill=rng.choice(((52, 120, 200), (230, 120, 40), (40, 150, 90),
                                                                     (120, 90, 180))), stroke=None, radius=0.5),
                      Text(bx + 4, y + 4.2, mark, MIN_PT, ui, tab_ink))
            bx += text_width_mm(mark, ui, MIN_PT) + 10
        y += 6.2
    sheet.add(Rule(0, y, w, y, 0.25, (190, 190, 195)))
    return Viewport(0.0, y + 0.15, w, bottom)


def _mac_menu_bar(sheet: Sheet, look: Look, moment: Moment, rng: random.Random) -> float:
    """macOS menu bar: the browser's menus, the battery, the day and time."""
    w = sheet.width
    app = {"chrome": "Google Chrome", "edge": "Microsoft Edge", "firefox": "Firefox"}[look.browser]
    sheet.add(Box(0, 0, w, 5.6, fill=(236, 236, 238), stroke=None),
              Text(4, 4.1, "●", MIN_PT, GLYPHS, INK),
              Text(9, 4.1, app, MIN_PT + 0.3, bold(look.ui), INK))
    x = 11 + text_width_mm(app, bold(look.ui), MIN_PT + 0.3)
    for item in ("Fichier", "Édition", "Présentation", "Historique", "Favoris", "Profils", "Fenêtre", "Aide"):
        sheet.add(Text(x, 4.1, item, MIN_PT + 0.3, look.ui, INK))
        x += text_width_mm(item, look.ui, MIN_PT + 0.3) + 4.5
    clock = f"{_weekday_date(moment.shot)}  {moment.at}"
    sheet.add(Text(w - 4, 4.1, clock, MIN_PT + 0.3, look.ui, INK, "right"),
              Text(w - 8 - text_width_mm(clock, look.ui, MIN_PT + 0.3), 4.1, f"{rng.randint(18, 100)} %",
                   MIN_PT + 0.3, look.ui, INK, "right"))
    return 5.6


def _windows_taskbar(sheet: Sheet, look: Look, moment: Moment, rng: random.Random) -> float:
    """Windows taskbar: start, search, pinned apps, the language, the time above the date, the notifications."""
    w, h = sheet.width, sheet.height
    dark = look.dark or rng.random() < 0.5
    bg: Color = (32, 32, 36) if dark else (238, 241, 246)
    ink: Color = WHITE if dark else INK
    height = 10.0
    y = h - height
    sheet.add(Box(0, y, w, height, fill=bg, stroke=None))
    centred = rng.random() < 0.6  # Windows 11 centres its icons
    x = w / 2 - 45 if centred else 4.0
    for dx, dy in ((0, 0), (2.1, 0), (0, 2.1), (2.1, 2.1)):
        sheet.add(Box(x + 1 + dx, y + 3 + dy, 1.8, 1.8, fill=(0, 120, 212), stroke=None))
    x += 8
    sheet.add(Box(x, y + 2.2, 38, 5.6, fill=(60, 60, 66) if dark else WHITE, stroke=None, radius=2.8),
              Text(x + 4, y + 6.0, "Rechercher", MIN_PT + 0.3, look.ui, (200, 200, 200) if dark else GREY))
    x += 43
    for color in ((250, 190, 40), (0, 120, 212), (26, 115, 232), (16, 124, 65), (40, 110, 200))[:rng.randint(3, 5)]:
        sheet.add(Box(x, y + 2.4, 5.2, 5.2, fill=color, stroke=None, radius=1.0))
        x += 8
    day = date_slash(moment.shot) if rng.random() < 0.75 else f"{moment.shot:%d/%m/%y}"
    sheet.add(Text(w - 12, y + 4.3, moment.at, MIN_PT + 0.3, look.ui, ink, "right"),
              Text(w - 12, y + 8.2, day, MIN_PT + 0.3, look.ui, ink, "right"),
              Text(w - 34, y + 6.3, "FRA", MIN_PT, look.ui, ink, "right"))
    if rng.random() < 0.6:
        _badge(sheet, w - 6, y + 5, rng.randint(1, 9), look.ui)
    return height


# ---------------------------------------------------------------- the Urssaf site

def _site_header(sheet: Sheet, port: Viewport, cert: CertificateFacts, user: str, font: FontKey, messages: int,
                 rng: random.Random) -> float:
    """The site's header: the logo, the space's name, the messages with their badge, the user, the company and its
    contributor account; returns its bottom."""
    x0, x1, y = port.x0, port.x1, port.y0
    sheet.add(Box(x0, y, x1 - x0, 13.5, fill=WHITE, stroke=None),
              Text(x0 + 6, y + 8.4, "urssaf", 17, bold(font), URSSAF_BLUE),
              Text(x0 + 7 + text_width_mm("urssaf", bold(font), 17), y + 8.4,
                   rng.choice(("Espace employeur", "Mon espace", "Espace en ligne")), 8.5, font, URSSAF_SKY),
              Text(x0 + 6, y + 12.0, "Recouvrement des cotisations sociales", MIN_PT, font, GREY))
    right = x1 - 6
    sheet.add(Text(right, y + 6.0, "▾", 8, GLYPHS, INK, "right"),
              Text(right - 4, y + 6.0, f"{rng.choice(('Bonjour', 'Connecté :', ''))} {user}".strip(), 8, bold(font), INK,
                   "right"),
              Text(right, y + 10.5, f"{cert.company.name} – N° de compte cotisant : {cert.account}", MIN_PT + 0.2, font,
                   GREY, "right"))
    left = right - max(text_width_mm(f"Bonjour {user}  ▾", bold(font), 8), 70) - 14
    sheet.add(Text(left, y + 6.0, "Messagerie", 8, font, URSSAF_BLUE, "right"),
              Text(left - text_width_mm("Messagerie", font, 8) - 1.5, y + 6.0, "✉", 8, GLYPHS, URSSAF_BLUE, "right"))
    _badge(sheet, left + 2.4, y + 3.6, messages, font)
    sheet.add(Rule(x0, y + 13.5, x1, y + 13.5, 0.6, URSSAF_BLUE))
    return y + 13.8


def _menu(sheet: Sheet, x: float, y: float, bottom: float, font: FontKey, moment: Moment, messages: int,
          active: str) -> float:
    """The site's left menu with the next due date and the last login under it; returns its right edge."""
    width = 50.0
    sheet.add(Box(x, y, width, bottom - y, fill=(244, 246, 250), stroke=None))
    cursor = y + 4
    for item in MENU:
        if item == active:
            sheet.add(Box(x, cursor, width, 7.2, fill=PALE_BLUE, stroke=None),
                      Box(x, cursor, 1.2, 7.2, fill=URSSAF_BLUE, stroke=None))
        sheet.add(Text(x + 5, cursor + 4.9, item, 8, bold(font) if item == active else font,
                       URSSAF_BLUE if item == active else INK))
        if item == "Messagerie":
            _badge(sheet, x + 8 + text_width_mm(item, font, 8), cursor + 3.6, messages, font)
        cursor += 7.6
    cursor += 3
    if cursor + 24 < bottom:
        month = f"{MONTHS_FR[moment.due_month.month - 1]} {moment.due_month.year}"
        sheet.add(Box(x + 3, cursor, width - 6, 15.5, fill=WHITE, stroke=LIGHT_GREY, width=0.25, radius=1.2),
                  Text(x + 5, cursor + 4.6, "Prochaine échéance", MIN_PT + 0.2, bold(font), URSSAF_BLUE),
                  Text(x + 5, cursor + 8.6, f"DSN de {month}", MIN_PT + 0.2, font, INK),
                  Text(x + 5, cursor + 12.6, f"à déposer le {date_slash(moment.due)}", MIN_PT + 0.2, font, INK))
        cursor += 19
    if cursor + 8 < bottom:
        _wrapped(sheet, x + 4, cursor + 3, f"Dernière connexion le {date_slash(moment.login)} à {moment.login_at}",
                 MIN_PT, font, GREY, width - 8)
    return x + width


def _cookie_banner(sheet: Sheet, x0: float, x1: float, bottom: float, font: FontKey) -> float:
    """The cookie banner across the bottom of the page; returns its top."""
    height = 13.0
    top = bottom - height
    sheet.add(Box(x0, top, x1 - x0, height, fill=(33, 37, 41), stroke=None))
    buttons = (("Personnaliser", False), ("Tout refuser", True), ("Tout accepter", True))
    widths = [text_width_mm(label, bold(font), MIN_PT + 0.5) + 6 for label, _ in buttons]
    bx = x1 - 6 - sum(widths) - 3 * (len(buttons) - 1)
    _wrapped(sheet, x0 + 6, top + 5.0, COOKIES, MIN_PT + 0.2, font, WHITE, bx - x0 - 14)
    for (label, filled), bw in zip(buttons, widths):
        sheet.add(Box(bx, top + 3.5, bw, 6, fill=WHITE if filled else None, stroke=WHITE, width=0.3, radius=1),
                  Text(bx + bw / 2, top + 7.4, label, MIN_PT + 0.5, bold(font), URSSAF_BLUE if filled else WHITE,
                       "center"))
        bx += bw + 3
    return top


# ---------------------------------------------------------------- sub-layout `liste`

def _liste(cert: CertificateFacts, truth: Truth, rows: list[Row], region: str, moment: Moment, user: str,
           look: Look, rng: random.Random) -> Sheet:
    sheet = Sheet(*rng.choice(DESKTOPS))
    font = look.site
    company = cert.company
    messages = rng.randint(1, 6)
    port = _desktop(sheet, look, moment, rng.choice(("Mes attestations - Urssaf", "Urssaf - Mes attestations",
                                                     "Attestations | urssaf.fr")), rng.choice(URLS), user,
                    rng.random() < 0.55, rng)
    y = _site_header(sheet, port, cert, user, font, messages, rng)
    cookies = rng.random() < 0.35
    card_right = rng.random() < 0.6
    with_code = rng.random() < 0.5
    pairs = [("Raison sociale", truth.name), ("Forme juridique", company.legal_form_long),
             ("N° SIREN", truth.siren), ("SIRET du siège", siret_spaced(company.siret)),
             ("Adresse du siège", company.address), ("N° de compte cotisant", cert.account),
             ("Date de délivrance", truth.issued), ("Situation arrêtée au", truth.situation),
             ("Valable jusqu'au", truth.until)]
    dropped = {label for label, chance in (("Forme juridique", 0.5), ("SIRET du siège", 0.4)) if rng.random() < chance}
    pairs = [pair for pair in pairs if pair[0] not in dropped]
    intro = rng.choice((("Retrouvez les attestations générées au cours des douze derniers mois. Chaque attestation "
                         "de vigilance est valable six mois à compter de sa date de délivrance."),
                        "Vos attestations sont disponibles en téléchargement pendant un an."))
    button = "Demander une attestation"
    bw = text_width_mm(button, bold(font), 8) + 8
    x0, x1 = port.x0 + 50 + 7, port.x1 - 7  # right of the menu
    top = y + 17.5 + len(wrap(intro, font, MIN_PT + 0.3, x1 - x0 - bw - 6)) * (MIN_PT + 0.3) * PT_MM * 1.32 + 2.2
    # the card's place: its code and the note under it always in view (over the cookie banner and the taskbar)
    while True:
        bottom = port.y1 - (13.0 if cookies else 0.0)
        card_w = 92.0 if card_right else x1 - x0
        needed = _card(Sheet(), x1 - card_w, 0, card_w, 10_000.0, cert, truth, region, font, pairs, not card_right)
        room = bottom - top - (0 if card_right else needed + 4)
        if (needed + 2 <= bottom - top) if card_right else room >= 6.6 * 4 + 5:
            break
        if card_right:
            card_right = False
        elif len(pairs) > 7:
            pairs = [pair for pair in pairs if pair[0] not in ("Forme juridique", "SIRET du siège",
                                                              "Adresse du siège")]
        elif cookies:
            cookies = False
        else:
            break
    if cookies:
        _cookie_banner(sheet, port.x0, port.x1, port.y1, font)
    _menu(sheet, port.x0, y, bottom, font, moment, messages, "Mes attestations")
    crumbs = " › ".join(("Accueil", rng.choice(("Mon espace", "Mon compte")), "Mes attestations"))
    sheet.add(Text(x0, y + 5.5, crumbs, MIN_PT + 0.2, font, GREY),
              Text(x0, y + 12.5, "Mes attestations", 13, bold(font), URSSAF_BLUE),
              Box(x1 - bw, y + 7.5, bw, 6.5, fill=URSSAF_BLUE, stroke=None, radius=1.2),
              Text(x1 - bw / 2, y + 12.0, button, 8, bold(font), WHITE, "center"))
    _wrapped(sheet, x0, y + 17.5, intro, MIN_PT + 0.3, font, GREY, x1 - x0 - bw - 6)
    table_w = x1 - x0 - card_w - 6 if card_right else x1 - x0
    table_bottom = _table(sheet, x0, top, table_w, rows, truth, moment, font, with_code, room)
    card_top = top if card_right else table_bottom + 4
    _card(sheet, x1 - card_w, card_top, card_w, bottom - 2, cert, truth, region, font, pairs, not card_right)
    if card_right and table_bottom + 30 < bottom:
        _messages(sheet, x0, table_bottom + 6, table_w, bottom - 2, cert, moment, font, rng)
    return sheet


def _messages(sheet: Sheet, x: float, y: float, width: float, bottom: float, cert: CertificateFacts, moment: Moment,
              font: FontKey, rng: random.Random) -> None:
    """The account's latest messages, dated: as many as the room allows."""
    filed = moment.shot.replace(day=rng.choice((5, 15)))
    if filed > moment.shot:
        filed = add_months(filed, -1)
    declared = add_months(filed.replace(day=1), -1)
    items = [(cert.issue_date, "Votre attestation de vigilance est disponible", True),
             (filed, f"Accusé de réception de votre DSN de {MONTHS_FR[declared.month - 1]} {declared.year}", True),
             (moment.shot - dt.timedelta(days=rng.randint(1, 20)), rng.choice((
                 "Modification de vos coordonnées bancaires", "Votre demande de délai de paiement",
                 "Rappel : taux de cotisation accident du travail")), rng.random() < 0.5),
             (dt.date(moment.shot.year, 1, rng.randint(8, 20)), f"Votre échéancier de paiement {moment.shot.year}",
              True)]
    items = [item for item in items if item[0] <= moment.shot]
    items.sort(key=lambda item: item[0], reverse=True)
    sheet.add(Text(x, y + 4, "Mes derniers messages", 9.5, bold(font), URSSAF_BLUE),
              Rule(x, y + 5.8, x + width, y + 5.8, 0.3, LIGHT_GREY))
    cursor = y + 5.8
    for day, subject, read in items:
        if cursor + 6.5 > bottom:
            break
        sheet.add(Text(x + 2, cursor + 4.6, date_slash(day), MIN_PT + 0.4, font, GREY),
                  Text(x + 24, cursor + 4.6, _clip(subject, bold(font), MIN_PT + 0.4, width - 44), MIN_PT + 0.4,
                       font if read else bold(font), INK),
                  Text(x + width - 2, cursor + 4.6, "Lu" if read else "Non lu", MIN_PT, font if read else bold(font),
                       GREY if read else URSSAF_SKY, "right"),
                  Rule(x, cursor + 6.5, x + width, cursor + 6.5, 0.2, LIGHT_GREY))
        cursor += 6.5


def _table(sheet: Sheet, x: float, y: float, width: float, rows: list[Row], truth: Truth, moment: Moment,
           font: FontKey, with_code: bool, room: float) -> float:
    """The account's attestations, the truth one selected; as many rows as the room allows. Returns its bottom."""
    size = MIN_PT + 0.4

    def col(label: str, *values: str) -> tuple[str, float]:
        return label, max(text_width_mm(v, bold(font), size) for v in (label, *values)) + 5

    cols = [("Type d'attestation", 0.0), col("Délivrée le", "00/00/0000"), col("Valable jusqu'au", "00/00/0000")]
    if with_code:
        cols.append(col("Code de sécurité", *(r.code for r in rows)))
    cols += [col("Statut", "Expirée"), col("", "Télécharger")]
    fixed = sum(w for _, w in cols)
    first = width - fixed
    for narrow in ("Valable jusqu'au", "Code de sécurité"):  # a narrow table drops a column or two
        if first < 38:
            cols = [c for c in cols if c[0] != narrow]
            first = width - sum(w for _, w in cols)
    widths = [first] + [w for _, w in cols[1:]]
    step = 6.6
    sheet.add(Box(x, y, width, step, fill=(238, 241, 245), stroke=None))
    cx = x
    for (label, _), w in zip(cols, widths):
        sheet.add(Text(cx + 2, y + 4.4, label, size, bold(font), INK))
        cx += w
    cursor = y + step
    fits = int((room - step) // step)
    if fits < len(rows):  # the link to the older ones under the rows shown
        fits = int((room - step - 5) // step)
    shown = rows[:max(3, fits)]
    if not any(r.truth for r in shown):
        shown = shown[:-1] + [r for r in rows if r.truth]
    for row in shown:
        if row.truth:
            sheet.add(Box(x, cursor, width, step, fill=PALE_BLUE, stroke=None),
                      Box(x, cursor, 1.0, step, fill=URSSAF_BLUE, stroke=None))
        status = _status(row, moment)
        issued = truth.issued if row.truth and "/" in truth.issued else date_slash(row.issued)
        values = [_clip(row.kind, font, size, widths[0] - 3), issued]
        if any(c[0] == "Valable jusqu'au" for c in cols):
            values.append(date_slash(row.until))
        if any(c[0] == "Code de sécurité" for c in cols):
            values.append(row.code)
        values += [status, "Télécharger"]
        cx = x
        for i, (value, w) in enumerate(zip(values, widths)):
            color = (OK_GREEN if value == "Valide" else GREY) if value == status and i == len(values) - 2 else \
                URSSAF_SKY if i == len(values) - 1 else INK
            sheet.add(Text(cx + 2, cursor + 4.4, value, size, bold(font) if row.truth and i == 0 else font, color))
            cx += w
        sheet.add(Rule(x, cursor + step, x + width, cursor + step, 0.2, LIGHT_GREY))
        cursor += step
    if len(shown) < len(rows):
        sheet.add(Text(x + 2, cursor + 4.2, f"Afficher les {len(rows) - len(shown)} attestations plus anciennes",
                       MIN_PT, font, URSSAF_SKY))
        cursor += 5
    return cursor


def _card(sheet: Sheet, x: float, y: float, width: float, bottom: float, cert: CertificateFacts, truth: Truth,
          region: str, font: FontKey, pairs: list[tuple[str, str]], wide: bool) -> float:
    """The selected attestation's detail card, its buttons where `bottom` leaves room; returns the bottom of the
    code's note (what must stay in view)."""
    size = MIN_PT + 0.8
    sheet.add(Text(x + 4, y + 6.2, "Attestation de vigilance", 10, bold(font), URSSAF_BLUE),
              Text(x + width - 4, y + 6.2, "✕", 8, GLYPHS, GREY, "right"))
    sheet.add(Text(x + 4, y + 10.6, f"Délivrée le {truth.issued} par l'Urssaf {region}", MIN_PT + 0.3, font, GREY))
    cursor = y + 13.5
    step = size * PT_MM * 1.45
    if wide:  # two columns of label/value pairs
        half = (width - 8) / 2
        label_w = 32.0
        left, right = pairs[:(len(pairs) + 1) // 2], pairs[(len(pairs) + 1) // 2:]
        for col, items in enumerate((left, right)):
            cy = cursor
            for label, value in items:
                cx = x + 4 + col * half
                sheet.add(Text(cx, cy + step, label, MIN_PT + 0.3, font, GREY),
                          Text(cx + label_w, cy + step, value, _fit(value, bold(font), size, half - label_w - 2),
                               bold(font), INK))
                cy += step
        cursor += step * len(left) + 2
    else:
        label_w = 31.0
        for label, value in pairs:
            lines = wrap(value, bold(font), size, width - label_w - 8)
            sheet.add(Text(x + 4, cursor + step, label, MIN_PT + 0.3, font, GREY))
            for line in lines:
                cursor += step
                sheet.add(Text(x + 4 + label_w, cursor, line, size, bold(font), INK))
        cursor += 2.5
    label = "Code de sécurité"
    code_size = _fit(truth.code, bold(FontKey("mono")), 10, width - 48)
    sheet.add(Box(x + 4, cursor, width - 8, 9, fill=(236, 242, 250), stroke=URSSAF_BLUE, width=0.3, radius=1),
              Text(x + 7, cursor + 5.9, label, MIN_PT + 0.8, font, URSSAF_BLUE),
              Text(x + 9 + text_width_mm(label, font, MIN_PT + 0.8), cursor + 6.0, truth.code, code_size,
                   bold(FontKey("mono")), INK))
    cursor += 11
    cursor = _wrapped(sheet, x + 4, cursor + 3, VERIFY, MIN_PT, font, GREY, width - 8) + 2.5
    essentials = cursor
    bx = x + 4
    if cursor + 7 < bottom:
        for label, filled in (("Télécharger (PDF)", True), ("Envoyer par courriel", False)):
            bw = text_width_mm(label, bold(font), MIN_PT + 0.8) + 8
            sheet.add(Box(bx, cursor, bw, 6.4, fill=URSSAF_BLUE if filled else WHITE, stroke=URSSAF_BLUE, width=0.3,
                          radius=1.2),
                      Text(bx + bw / 2, cursor + 4.4, label, MIN_PT + 0.8, bold(font), WHITE if filled else URSSAF_BLUE,
                           "center"))
            bx += bw + 3
        cursor += 8
    sheet.elements.insert(0, Box(x, y, width, min(cursor, bottom) - y, fill=WHITE, stroke=LIGHT_GREY, width=0.3,
                                 radius=1.5))
    return essentials - y


# ---------------------------------------------------------------- sub-layout `visionneuse`

def _visionneuse(cert: CertificateFacts, truth: Truth, region: str, moment: Moment, user: str, look: Look,
                 rng: random.Random) -> Sheet:
    sheet = Sheet(*rng.choice(DESKTOPS))
    ui = look.ui
    stem = rng.choice((f"attestation_vigilance_{cert.siren}", f"AttestationVigilance_{cert.issue_date:%Y%m%d}",
                       f"attestation-vigilance-{cert.issue_date:%Y-%m-%d}", "Attestation de vigilance"))
    name = f"{stem}.pdf"
    local = rng.random() < 0.4
    login = "".join(ch for ch in (user.split()[0][0] + user.split()[-1]).lower() if ch.isalnum())
    url = (f"file:///C:/Users/{login}/Downloads/{name.replace(' ', '%20')}" if local and look.os == "windows" else
           f"file:///Users/{login}/Downloads/{name.replace(' ', '%20')}" if local else
           f"urssaf.fr/portail/attestations/telecharger?id={rng.randint(10**8, 10**9 - 1)}")
    port = _desktop(sheet, look, moment, name, url, user, rng.random() < 0.4, rng)
    w = sheet.width
    bar_bg: Color = (50, 54, 57)
    sheet.add(Box(port.x0, port.y0, w, port.y1 - port.y0, fill=(82, 86, 89), stroke=None),
              Box(port.x0, port.y0, w, 8.5, fill=bar_bg, stroke=None),
              Text(port.x0 + 6, port.y0 + 5.6, "☰", 9, GLYPHS, WHITE),
              Text(port.x0 + 14, port.y0 + 5.8, _clip(name, ui, MIN_PT + 0.8, 70), MIN_PT + 0.8, ui, WHITE))
    scale = rng.choice((0.75, 0.8, 0.8, 0.9))
    zoom = f"{round(scale * 100)} %"
    mid = w / 2
    sheet.add(Text(mid - 16, port.y0 + 5.8, "1  /  2", MIN_PT + 0.8, ui, WHITE, "center"),
              Rule(mid - 6, port.y0 + 2.2, mid - 6, port.y0 + 6.3, 0.2, (140, 140, 140)),
              Text(mid, port.y0 + 6.0, "–", 9, GLYPHS, WHITE, "center"),
              Box(mid + 3, port.y0 + 1.9, 13, 4.8, fill=(32, 33, 36), stroke=None),
              Text(mid + 9.5, port.y0 + 5.6, zoom, MIN_PT + 0.8, ui, WHITE, "center"),
              Text(mid + 19, port.y0 + 6.0, "+", 9, GLYPHS, WHITE, "center"),
              Text(w - 26, port.y0 + 5.4, "↓", 9, GLYPHS, WHITE, "center"),
              Rule(w - 28.2, port.y0 + 6.4, w - 23.8, port.y0 + 6.4, 0.35, WHITE),
              Box(w - 19, port.y0 + 3.2, 4, 2.4, fill=None, stroke=WHITE, width=0.3),
              Box(w - 18.2, port.y0 + 1.8, 2.4, 1.4, fill=None, stroke=WHITE, width=0.3),
              Box(w - 18.2, port.y0 + 5.0, 2.4, 1.6, fill=WHITE, stroke=None),
              Text(w - 8, port.y0 + 6.0, "⋮", 9, GLYPHS, WHITE, "center"))
    top = port.y0 + 8.5
    bottom = port.y1
    downloads = rng.choice(("bar", "panel", "none")) if not local else rng.choice(("panel", "none"))
    if downloads == "bar":
        bottom -= 9.5
        size_ko = rng.randint(85, 240)
        sheet.add(Box(0, bottom, w, 9.5, fill=WHITE, stroke=None), Rule(0, bottom, w, bottom, 0.25, LIGHT_GREY),
                  Box(5, bottom + 1.6, 6, 6.4, fill=RED, stroke=None, radius=0.8),
                  Text(8, bottom + 5.9, "PDF", MIN_PT, bold(ui), WHITE, "center"),
                  Text(13, bottom + 4.4, _clip(name, ui, MIN_PT + 0.5, 60), MIN_PT + 0.5, ui, INK),
                  Text(13, bottom + 7.9, f"{size_ko} Ko – Terminé", MIN_PT, ui, GREY),
                  Text(w - 18, bottom + 6.0, "Tout afficher", MIN_PT + 0.5, ui, (26, 115, 232), "right"),
                  Text(w - 7, bottom + 6.2, "✕", 8, GLYPHS, GREY, "right"))
    left = port.x0
    if rng.random() < 0.45:  # the thumbnails' sidebar
        side = 34.0
        sheet.add(Box(port.x0, top, side, bottom - top, fill=(50, 54, 57), stroke=None))
        for i in range(2):
            ty = top + 6 + i * 44
            if ty + 30 < bottom:
                sheet.add(Box(port.x0 + 9, ty, 16, 22.6, fill=WHITE, stroke=(138, 180, 248) if i == 0 else None,
                              width=0.6),
                          Text(port.x0 + 17, ty + 27, str(i + 1), MIN_PT + 0.5, ui, WHITE, "center"))
                for line in range(7):
                    sheet.add(Rule(port.x0 + 11, ty + 4 + line * 2.4, port.x0 + 23 - (line % 3) * 2,
                                   ty + 4 + line * 2.4, 0.3, (170, 170, 170)))
        left += side
    page_w = A4[0] * scale
    page_x = (left + port.x1) / 2 - page_w / 2
    page_y = top + 4
    sheet.add(Box(page_x + 0.6, page_y + 0.6, page_w, bottom - page_y, fill=(60, 62, 65), stroke=None),
              Box(page_x, page_y, page_w, bottom - page_y, fill=WHITE, stroke=None))
    attestation = _attestation_page(cert, truth, region, scale, rng, right_free=downloads != "panel")
    placed = _placed(attestation.elements, page_x, page_y, scale, page_y, bottom)
    px0, py = w - 92, port.y0 + 1
    if downloads == "panel":  # the panel hides what lies under it
        placed = [el for el in placed if not (isinstance(el, Text) and el.y + 1 > py and el.y - 4 < py + 25 and
                                              el.x + _extent(el)[1] > px0 and el.x + _extent(el)[0] < px0 + 86)]
    sheet.add(*placed)
    if downloads == "panel":
        sheet.add(Box(px0, py, 86, 25, fill=WHITE, stroke=LIGHT_GREY, width=0.3, radius=1.5),
                  Text(px0 + 4, py + 5.5, "Téléchargements", 8.5, bold(ui), INK),
                  Text(px0 + 82, py + 5.5, "⋯", 9, GLYPHS, GREY, "right"),
                  Box(px0 + 4, py + 9, 6, 7, fill=RED, stroke=None, radius=0.8),
                  Text(px0 + 7, py + 13.5, "PDF", MIN_PT, bold(ui), WHITE, "center"),
                  Text(px0 + 13, py + 12, _clip(name, ui, MIN_PT + 0.5, 70), MIN_PT + 0.5, ui, INK),
                  Text(px0 + 13, py + 15.6, f"{rng.randint(85, 240)} Ko • Terminé", MIN_PT, ui, GREY),
                  Text(px0 + 4, py + 22, "Afficher tous les téléchargements", MIN_PT + 0.3, ui, (26, 115, 232)))
    return sheet


def _extent(text: Text) -> tuple[float, float]:
    """(left, right) of a text from its x, by its alignment."""
    width = text_width_mm(text.text, text.font, text.size)
    return {"left": (0.0, width), "center": (-width / 2, width / 2), "right": (-width, 0.0)}[text.align]


def _attestation_page(cert: CertificateFacts, truth: Truth, region: str, scale: float, rng: random.Random,
                      right_free: bool) -> Sheet:
    """The attestation's first page on A4, its type large enough to stay over MIN_PT once shrunk by `scale`; the
    delivery date at the top right, or under the title when something covers the page's top right."""
    company = cert.company
    font = FontKey(rng.choice(("lsans", "sans")))
    least = MIN_PT / scale + 0.05

    def pt(size: float) -> float:
        return max(size, least)

    flow = Flow(font, pt(9.5), margin=18, top=14, bottom=16)
    sheet = flow.sheet
    sheet.add(Text(18, 24, "urssaf", 26, bold(font), URSSAF_BLUE),
              Text(18, 30, f"Urssaf {region}", pt(8), font, GREY))
    code_top = right_free and rng.random() < 0.4
    right = A4[0] - 18
    if right_free:
        sheet.add(Text(right, 19, "Attestation délivrée le", pt(8), font, GREY, "right"),
                  Text(right, 25, truth.issued, pt(10.5), bold(font), INK, "right"))
    if code_top:
        sheet.add(Text(right, 31, f"Code de sécurité : {truth.code}", pt(9), bold(font), INK, "right"))
    flow.y = 38
    flow.text("ATTESTATION DE VIGILANCE", pt(16), bold(font), "center", color=URSSAF_BLUE)
    if not right_free:
        flow.text(f"délivrée le {truth.issued}", pt(10.5), bold(font), "center")
    flow.text("Article L. 243-15 du code de la sécurité sociale", pt(8), font, "center", color=GREY)
    flow.space(4)
    flow.text("Identification de l'entreprise", pt(10.5), bold(font), color=URSSAF_BLUE)
    rows = [("Raison sociale :", truth.name), ("N° SIREN :", truth.siren), ("Forme juridique :", company.legal_form_long),
            ("Adresse du siège :", company.address), ("N° de compte :", cert.account)]
    if rng.random() < 0.5:
        rows[1], rows[2] = rows[2], rows[1]
    flow.pairs(rows, max(text_width_mm(label, font, pt(9.5)) for label, _ in rows) + 4, font, pt(9.5))
    flow.space(3)
    flow.text(rng.choice((
        (f"L'Urssaf {region} atteste que l'entreprise désignée ci-dessus est à jour de ses obligations en matière de "
         "déclaration et de paiement des cotisations et contributions de sécurité sociale, d'assurance chômage et de "
         f"garantie des salaires, au regard de sa situation au {truth.situation}."),
        (f"Nous certifions que l'entreprise {truth.name} a souscrit ses déclarations sociales et s'est acquittée des "
         f"cotisations et contributions dont elle est redevable, à la date du {truth.situation}."))), pt(9.5))
    staff = rng.randint(1, 160)
    period = cert.situation_date
    flow.space(1.5)
    flow.text(f"Dernière période déclarée : {MONTHS_FR[period.month - 1]} {period.year} – effectif : {staff} "
              f"salarié{'s' if staff > 1 else ''} – rémunérations : {euros(round(staff * rng.uniform(1900, 3800), -1))}.",
              pt(9.5))
    flow.space(3)
    if not code_top:
        label = f"Code de sécurité : {truth.code}"
        box_w = text_width_mm(label, bold(font), pt(11)) + 8
        sheet.add(Box(18, flow.y, box_w, 9, fill=(236, 242, 250), stroke=URSSAF_BLUE, width=0.4),
                  Text(22, flow.y + 6.2, label, pt(11), bold(font), INK))
        flow.y += 10
    flow.text(VERIFY, pt(8.5))
    flow.space(3)
    flow.text(LEGAL_VIGILANCE, pt(7.5), color=GREY)
    flow.space(4)
    flow.text(f"Le directeur de l'Urssaf {region}", pt(9.5), bold(font), "right")
    return flow.sheets[0]


def _placed(elements: list[Element], x: float, y: float, scale: float, top: float, bottom: float) -> list[Element]:
    """`elements` of an A4 page drawn at (x, y) shrunk by `scale`, cut at `bottom` (the screen's edge)."""
    out: list[Element] = []
    for el in elements:
        if isinstance(el, Text):
            ty = y + el.y * scale
            if ty + 0.6 <= bottom and ty - el.size * scale * PT_MM >= top:
                out.append(Text(x + el.x * scale, ty, el.text, el.size * scale, el.font, el.color, el.align))
        elif isinstance(el, Rule):
            y0, y1 = y + el.y0 * scale, y + el.y1 * scale
            if max(y0, y1) <= bottom:
                out.append(Rule(x + el.x0 * scale, y0, x + el.x1 * scale, y1, el.width * scale, el.color))
        elif isinstance(el, Box):
            by = y + el.y * scale
            h = min(el.h * scale, bottom - by)
            if h > 0.3:
                out.append(Box(x + el.x * scale, by, el.w * scale, h, el.fill, el.stroke, el.width * scale,
                               min(el.radius * scale, h / 2)))
        elif isinstance(el, Ellipse):
            by = y + el.y * scale
            if by + el.h * scale <= bottom:
                out.append(Ellipse(x + el.x * scale, by, el.w * scale, el.h * scale, el.fill))
    return out


# ---------------------------------------------------------------- sub-layout `mobile`

def _mobile(cert: CertificateFacts, truth: Truth, rows: list[Row], moment: Moment, user: str, look: Look,
            rng: random.Random) -> Sheet:
    width = rng.choice((74.0, 76.0, 80.0))
    sheet = Sheet(width, round(width * rng.choice((2.11, 2.17, 2.22)), 1))
    font = look.site
    w, h = sheet.width, sheet.height
    app = rng.random() < 0.45
    # status bar
    status_bg: Color = URSSAF_BLUE if app else WHITE
    status_ink: Color = WHITE if app else INK
    sheet.add(Box(0, 0, w, 8, fill=status_bg, stroke=None),
              Text(6, 5.6, moment.at, 8.5, bold(font), status_ink))
    battery = rng.randint(12, 99)
    sheet.add(Text(w - 15.5, 5.6, rng.choice(("4G", "5G", "LTE")), MIN_PT + 0.5, bold(font), status_ink, "right"),
              Text(w - 26, 5.6, "▂▄▆█", MIN_PT, GLYPHS, status_ink, "right"),
              Box(w - 13, 2.9, 8, 3.6, fill=None, stroke=status_ink, width=0.25, radius=0.8),
              Box(w - 12.4, 3.4, 6.8 * battery / 100, 2.6, fill=status_ink if battery > 20 else RED, stroke=None),
              Box(w - 4.9, 4.0, 0.7, 1.4, fill=status_ink, stroke=None))
    if rng.random() < 0.5:
        sheet.add(Text(6 + text_width_mm(moment.at, bold(font), 8.5) + 3, 5.6, f"✉ {rng.randint(1, 9)}", MIN_PT,
                       GLYPHS, status_ink))
    y = 8.0
    if app:
        sheet.add(Box(0, y, w, 12, fill=URSSAF_BLUE, stroke=None),
                  Text(5, y + 7.8, "‹", 12, GLYPHS, WHITE),
                  Text(11, y + 7.2, "Mes attestations", 10, bold(font), WHITE),
                  Text(w - 5, y + 7.2, "⋮", 10, GLYPHS, WHITE, "right"))
        y += 12
    else:
        sheet.add(Box(0, y, w, 10.5, fill=WHITE, stroke=None),
                  Box(4, y + 1.6, w - 20, 7, fill=(241, 243, 244), stroke=None, radius=3.5))
        _padlock(sheet, 7, y + 5.2, INK)
        sheet.add(Text(11, y + 6.5, _clip(rng.choice(URLS), font, MIN_PT + 0.5, w - 32), MIN_PT + 0.5, font, INK),
                  Box(w - 13.5, y + 2.6, 4.8, 4.8, fill=None, stroke=INK, width=0.3, radius=0.8),
                  Text(w - 11.1, y + 6.2, str(rng.randint(2, 12)), MIN_PT, bold(font), INK, "center"),
                  Text(w - 4, y + 6.8, "⋮", 10, GLYPHS, INK, "right"))
        y += 10.5
        sheet.add(Rule(0, y, w, y, 0.25, LIGHT_GREY),
                  Text(5, y + 8, "☰", 10, GLYPHS, URSSAF_BLUE),
                  Text(13, y + 8.2, "urssaf", 14, bold(font), URSSAF_BLUE))
        messages = rng.randint(1, 5)
        sheet.add(Text(w - 8, y + 8, "✉", 10, GLYPHS, URSSAF_BLUE, "right"))
        _badge(sheet, w - 6.2, y + 4.0, messages, font)
        y += 11
        sheet.add(Rule(0, y, w, y, 0.4, URSSAF_BLUE))
    y += 2
    sheet.add(Text(5, y + 4.2, _clip(f"{user} – {cert.company.name}", bold(font), MIN_PT + 0.3, w - 10), MIN_PT + 0.3,
                   bold(font), INK),
              Text(5, y + 8.2, f"Dernière connexion le {date_slash(moment.login)} à {moment.login_at}", MIN_PT, font,
                   GREY))
    y += 11
    if not app:
        sheet.add(Text(5, y + 3.6, "‹ Mes attestations", MIN_PT + 0.5, font, URSSAF_SKY))
        y += 5.5
    bottom_bar = app and rng.random() < 0.7
    # the card
    card_top = y + 1
    x = 7.0
    inner = w - 14
    cursor = card_top + 7
    sheet.add(Text(x, cursor, "Attestation de vigilance", 10, bold(font), URSSAF_BLUE))
    chip = "Valide" if add_months(cert.issue_date, 6) >= moment.shot else "Expirée"
    cursor += 3
    sheet.add(Box(x, cursor, text_width_mm(chip, bold(font), MIN_PT + 0.3) + 5, 4.8, fill=OK_PALE, stroke=None,
                  radius=2.4),
              Text(x + 2.5, cursor + 3.5, chip, MIN_PT + 0.3, bold(font), OK_GREEN))
    cursor += 7
    # label above value: the name and the address across the card, the short values two by two on most
    dated = [("N° SIREN", truth.siren), ("Date de délivrance", truth.issued), ("Valable jusqu'au", truth.until),
             ("Situation arrêtée au", truth.situation)]
    if rng.random() < 0.4:
        dated[2], dated[3] = dated[3], dated[2]
    grid: list[list[tuple[str, str]]] = [[("Raison sociale", truth.name)]]
    paired = rng.random() < 0.7 and all(text_width_mm(v, bold(font), 8.5) < inner / 2 - 2 for _, v in dated)
    grid += [dated[i:i + 2] for i in (0, 2)] if paired else [[pair] for pair in dated]
    if rng.random() < 0.4:
        grid.insert(2 if paired else 3, [("Adresse du siège", cert.company.address)])
    grid.append([("N° de compte cotisant", cert.account)])
    value_size = 8.5
    for line_pairs in grid:
        height = 0.0
        for k, (label, value) in enumerate(line_pairs):
            cx = x + k * inner / 2
            lines = wrap(value, bold(font), value_size, inner / len(line_pairs) - 2)
            sheet.add(Text(cx, cursor + 3, label, MIN_PT, font, GREY))
            for i, line in enumerate(lines):
                sheet.add(Text(cx, cursor + 7 + i * 3.8, line, value_size, bold(font), INK))
            height = max(height, 8.6 + 3.8 * (len(lines) - 1))
        cursor += height
    cursor += 1
    code_size = _fit(truth.code, bold(FontKey("mono")), 9.5, inner - 6)
    sheet.add(Box(x, cursor, inner, 12, fill=(236, 242, 250), stroke=URSSAF_BLUE, width=0.3, radius=1.2),
              Text(x + 3, cursor + 4.2, "Code de sécurité", MIN_PT, font, URSSAF_BLUE),
              Text(x + 3, cursor + 9.4, truth.code, code_size, bold(FontKey("mono")), INK))
    cursor += 14
    sheet.add(Text(x, cursor + 1.5, rng.choice(("À vérifier sur www.urssaf.fr avec le SIREN",
                                                "Authenticité vérifiable sur www.urssaf.fr")), MIN_PT, font, GREY))
    cursor += 4.5
    # the bars over the screen's bottom, where they leave the code and its note in view; what they cover is not drawn
    bottom_bar = bottom_bar and cursor < h - 5.5 - 13
    cookies = not bottom_bar and rng.random() < 0.35 and cursor < h - 5.5 - 27
    bottom = h - 5.5 - (13 if bottom_bar else 27 if cookies else 0)
    half = (inner - 3) / 2
    if cursor + 7 <= bottom:
        for k, (label, filled) in enumerate((("Télécharger", True), ("Partager", False))):
            sheet.add(Box(x + k * (half + 3), cursor, half, 7, fill=URSSAF_BLUE if filled else WHITE,
                          stroke=URSSAF_BLUE, width=0.3, radius=3.5),
                      Text(x + k * (half + 3) + half / 2, cursor + 4.8, label, 8, bold(font),
                           WHITE if filled else URSSAF_BLUE, "center"))
        cursor += 9
    card_bottom = min(cursor + 1, bottom)
    sheet.elements.insert(0, Box(3, card_top, w - 6, card_bottom - card_top, fill=WHITE, stroke=LIGHT_GREY,
                                 width=0.3, radius=2))
    sheet.elements.insert(0, Box(0, 8, w, h - 8, fill=(246, 247, 250), stroke=None))
    # the previous attestations, as many as the screen shows
    cursor = card_bottom + 6
    if cursor + 4 < bottom:
        sheet.add(Text(5, cursor, "Attestations précédentes", 9, bold(font), INK))
        cursor += 3
        for row in [r for r in rows if not r.truth]:
            if cursor + 12 > bottom:
                break
            sheet.add(Box(3, cursor, w - 6, 11, fill=WHITE, stroke=LIGHT_GREY, width=0.25, radius=1.5),
                      Text(6, cursor + 4.4, _clip(row.kind, bold(font), MIN_PT + 0.5, w - 30), MIN_PT + 0.5,
                           bold(font), INK),
                      Text(6, cursor + 8.6, f"Délivrée le {date_slash(row.issued)}", MIN_PT, font, GREY),
                      Text(w - 6, cursor + 8.6, _status(row, moment), MIN_PT, bold(font),
                           OK_GREEN if _status(row, moment) == "Valide" else GREY, "right"),
                      Text(w - 6, cursor + 4.6, "›", 10, GLYPHS, GREY, "right"))
            cursor += 12.5
    if cookies:
        top = h - 5.5 - 27
        sheet.add(Box(0, top, w, 27, fill=(33, 37, 41), stroke=None))
        _wrapped(sheet, 5, top + 4.5, COOKIES, MIN_PT, font, WHITE, w - 10, 2.9)
        bw = (w - 13) / 2
        for i, label in enumerate(("Tout refuser", "Tout accepter")):
            sheet.add(Box(5 + i * (bw + 3), top + 19, bw, 6, fill=WHITE, stroke=None, radius=1),
                      Text(5 + i * (bw + 3) + bw / 2, top + 23, label, MIN_PT + 0.3, bold(font), URSSAF_BLUE,
                           "center"))
    if bottom_bar:
        top = h - 5.5 - 13
        sheet.add(Box(0, top, w, 18.5, fill=WHITE, stroke=None), Rule(0, top, w, top, 0.25, LIGHT_GREY))
        items = ("Accueil", "Déclarer", "Attestations", "Messages")
        step = w / len(items)
        for i, item in enumerate(items):
            color = URSSAF_BLUE if item == "Attestations" else GREY
            sheet.add(Box(i * step + step / 2 - 2, top + 2.2, 4, 4, fill=color, stroke=None, radius=1),
                      Text(i * step + step / 2, top + 10.5, item, MIN_PT, bold(font) if color == URSSAF_BLUE else font,
                           color, "center"))
        _badge(sheet, 3 * step + step / 2 + 3, top + 2.4, rng.randint(1, 5), font)
    sheet.add(Box(w / 2 - 14, h - 3, 28, 1.2, fill=INK, stroke=None, radius=0.6))
    return sheet
