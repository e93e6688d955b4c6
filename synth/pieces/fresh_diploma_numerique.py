"""Fresh diploma family `certificat_numerique` (eighth wave): the digital diploma certificate a French
school or university now sends its graduates by e-mail, issued through a digital-credential platform —
a one-page PDF, landscape or portrait. A coloured band across the top carries the school's logo box (a
monogram in a white square, a roundel or a little grid of tiles), its name in white and what accredits
it, and on the right the words "Diplôme numérique" or "Certificat vérifiable" or the platform's name.
Then a large heading ("CERTIFICAT DE DIPLÔME", "Attestation numérique de diplôme", "Certificat
d'obtention de diplôme"…), sometimes with an English subtitle, and the grant in one of two manners:
a sentence ("L'École … certifie que Madame Given SURNAME, née le … à …, a obtenu, le <date>, le
diplôme", "Par décision du jury en date du <date>, … atteste que … a obtenu le diplôme", "… s'est vu
décerner le diplôme") with the degree on a line of its own under it, or the holder's name set large on
its own line ("Ce certificat est décerné à" over it, or nothing) with the degree under it. The grade
or level of the degree ("conférant le grade de master", "Diplôme de niveau 7 inscrit au RNCP"), the
mention and the year's promotion come under the degree. The date the degree was obtained is printed
in the sentence, on a line of its own ("Date d'obtention : …", "Diplômé(e) le …") or in the panel.
A metadata panel — a shaded column on the right or left of a landscape page, a shaded box at the
bottom of a portrait one — lists the certificate's identifier, "Émis le" (the day the digital
certificate was issued: later than the award), the RNCP code, the level of the national framework,
the grade, the ECTS credits, a student number, the certificate's fingerprint, and ends on a QR code
with the verification address under or beside it. The director (and at times the director of
studies) signs electronically above a printed name and title; small print at the foot says what the
certificate is and how to check it, and which platform issued it.

The title printed on its own line is the dossier's degree; the date it was obtained is the award
date. The issue date of the certificate, the birth date, the promotion's year, the RNCP number, the
level ("niveau 7") and grade ("grade de master"), credits, the identifier and the signatories' names
are printed too (distractors a real certificate carries). Drawn for French degrees; with nothing
else allowed, a foreign university's degree is printed the same way."""
from __future__ import annotations

import datetime as dt
import random
import unicodedata

from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Ellipse, Rule, Sheet, Text, wrap
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_diploma_band import _fit, _monogram, _status
from synth.pieces.fresh_diploma_comparabilite import _Cursor
from synth.pieces.fresh_diploma_jury import STAFF_F, STAFF_M, _agree, _mention
from synth.pieces.fresh_diploma_titre_pro import (
    NEW_LEVELS,
    _born,
    _holder,
    _level,
    _lowered,
    _scribble,
)
from synth.pieces.fresh_vigilance_numerique import _qr

BRANDS: tuple[Color, ...] = ((0, 104, 180), (214, 78, 32), (22, 28, 72), (0, 128, 104), (150, 12, 88),
                             (88, 48, 150), (200, 20, 50))
GREY: Color = (90, 90, 96)
PANEL: Color = (241, 243, 247)
PLATFORMS = ("Certidiplôme", "EduSceau", "Diplomatech", "Vérif'Diplôme", "Sceau Campus")
HEADINGS = ("CERTIFICAT DE DIPLÔME", "CERTIFICAT DE DIPLÔME", "Attestation numérique de diplôme",
            "CERTIFICAT NUMÉRIQUE DE DIPLÔME", "Certificat d'obtention de diplôme", "DIPLÔME NUMÉRIQUE")
SUBTITLES = ("Digital diploma certificate", "Document certifié et vérifiable en ligne", "Diploma certificate",
             "Version numérique certifiée")
HEADS = {"Université": (("Le Président de l'Université", "M"), ("La Présidente de l'Université", "F")),
         "École": (("Le Directeur général", "M"), ("La Directrice générale", "F"), ("Le Directeur de l'École", "M"),
                   ("La Directrice de l'École", "F")),
         "Institut": (("Le Directeur de l'Institut", "M"), ("La Directrice de l'Institut", "F"),
                      ("Le Directeur général", "M"), ("La Directrice générale", "F"))}
STUDIES = (("Le Directeur des études", "M"), ("La Directrice des études", "F"), ("Le Directeur des programmes", "M"),
           ("La Directrice des formations", "F"))
SMALL_PRINT = (("Ce certificat numérique atteste de l'obtention du diplôme. Il ne remplace pas le parchemin "
                "original, remis au titulaire par l'établissement."),
               ("L'authenticité de ce document peut être vérifiée à tout moment en scannant le QR code ou en "
                "saisissant son identifiant sur la page de vérification. Toute modification le rend invalide."),
               ("Document signé et scellé électroniquement, horodaté lors de son émission ; son empreinte est "
                "inscrite dans un registre infalsifiable."),
               ("Le titulaire peut partager ce certificat ou en demander la révocation auprès du service des "
                "diplômes de l'établissement."))


def _issued(facts: DossierFacts, rng: random.Random) -> dt.date:
    """The day the digital certificate was issued: after the award — weeks after the jury, or years later when an
    alumnus asked for it — and before the dossier was sent."""
    award = facts.diploma.award_date
    room = max(1, (facts.reference_date - award).days - 1)
    high = min(room, 150) if rng.random() < 0.65 else room
    return award + dt.timedelta(days=rng.randint(min(room, 4), high))


def _say(d: dt.date, long: bool) -> str:
    return date_long(d) if long else date_slash(d)


def _subject(institution: str) -> str:
    """"L'École …" — the school as the subject of a sentence (a foreign name keeps no article)."""
    first = unicodedata.normalize("NFKD", institution[0]).encode("ascii", "ignore").decode().upper()
    french = institution.split()[0] in ("Université", "École", "Institut")
    return f"L'{institution}" if french and first in "AEIOUY" else institution


def _que(holder: str) -> str:
    """"que Madame …", "qu'Anas …": the holder led by `que`, elided before a vowel."""
    first = unicodedata.normalize("NFKD", holder[:1]).encode("ascii", "ignore").decode().upper()
    return f"qu'{holder}" if first in tuple("AEIOUY") else f"que {holder}"


def _slug(institution: str) -> str:
    return unicodedata.normalize("NFKD", _monogram(institution)).encode("ascii", "ignore").decode().lower() or "ecole"


def _certificate_id(rng: random.Random, year: int) -> str:
    hexa = "0123456789abcdef"

    def h(n: int) -> str:
        return "".join(rng.choice(hexa) for _ in range(n))

    alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return rng.choice((f"{h(8)}-{h(4)}-4{h(3)}-{rng.choice('89ab')}{h(3)}-{h(12)}",
                       (f"DPL-{year}-{''.join(rng.choice(alnum) for _ in range(4))}-"
                        f"{''.join(rng.choice(alnum) for _ in range(4))}"),
                       "".join(rng.choice(alnum) for _ in range(12))))


def _url(institution: str, platform: str, cert_id: str, rng: random.Random) -> str:
    key = cert_id if len(cert_id) <= 20 else cert_id.split("-")[0] + cert_id.split("-")[-1][:6]
    plain = unicodedata.normalize("NFKD", platform).encode("ascii", "ignore").decode().lower()
    plain = "".join(c for c in plain if c.isalnum())
    return rng.choice((f"https://verif.{plain}.fr/c/{key}", f"https://diplomes.{_slug(institution)}.fr/verification/{key}",
                       f"https://{plain}.eu/v/{key}"))


def _standing(title: str, issued: dt.date, rng: random.Random) -> dict[str, str]:
    """The degree's level and grade, as the certificate states them (none of them is the title)."""
    level = _level(title, issued)
    low = title.lower()
    grade = ("master" if low.startswith(("master", "diplôme d'ingénieur")) else
             "" if low.startswith("bts") else "licence")
    ects = (120 if low.startswith(("master", "bts")) else 60 if low.startswith("licence professionnelle") else 180)
    frame = "cadre national des certifications professionnelles" if issued >= NEW_LEVELS else "nomenclature de 1969"
    out = {"level": level, "frame": frame, "ects": str(ects), "rncp": f"RNCP{rng.randint(34000, 40999)}"}
    if grade:
        out["grade"] = grade
    return out


def _band(sheet: Sheet, institution: str, brand: Color, font: FontKey, platform: str, rng: random.Random) -> float:
    """The coloured band across the top: the logo box, the school's name in white, a tag on the right. Returns its
    bottom."""
    w = sheet.width
    height = rng.uniform(28, 36)
    sheet.add(Box(0, 0, w, height, fill=brand, stroke=None))
    if rng.random() < 0.5:  # a paler tint over the band's right end, as platforms draw their banners
        tint = tuple(round(c + (255 - c) * 0.18) for c in brand)
        sheet.add(Box(w * rng.uniform(0.62, 0.75), 0, w, height, fill=tint, stroke=None))  # type: ignore[arg-type]
    logo, top = rng.choice(("square", "roundel", "tiles")), (height - 20) / 2
    mono = _monogram(institution)
    if logo == "square":
        sheet.add(Box(14, top, 20, 20, fill=(255, 255, 255), stroke=None, radius=rng.choice((0.0, 2.0))),
                  Text(24, top + 12.8, mono, _fit(mono, bold(font), 13, 17, 7), bold(font), brand, "center"))
    elif logo == "roundel":
        sheet.add(Ellipse(14, top, 20, 20, fill=(255, 255, 255)),
                  Text(24, top + 12.8, mono, _fit(mono, bold(font), 12, 15, 6.5), bold(font), brand, "center"))
    else:
        pale = tuple(round(c + (255 - c) * 0.55) for c in brand)
        for i, j in ((0, 0), (1, 0), (0, 1), (1, 1)):
            fill = (255, 255, 255) if (i + j) % 2 == 0 else pale
            sheet.add(Box(14 + 10.5 * i, top + 10.5 * j, 9.5, 9.5, fill=fill, stroke=None))  # type: ignore[arg-type]
    right = w - 70
    size = _fit(institution, bold(font), 17, right - 42, 11)
    sheet.add(Text(40, height / 2 + 1, institution, size, bold(font), (255, 255, 255)),
              Text(40, height / 2 + 6.5, _status(institution), 8, font, (232, 236, 244)))
    tag = rng.choice(("DIPLÔME NUMÉRIQUE", "Certificat vérifiable", f"Certifié par {platform}", "Digital credential"))
    sheet.add(Text(w - 14, height / 2 + 1.5, tag, 9, bold(font), (255, 255, 255), "right"))
    return height


def _grant(cur: _Cursor, facts: DossierFacts, brand: Color, name_font: FontKey, award_at: str, long: bool,
           standing: dict[str, str], manner: str, rng: random.Random) -> None:
    """The holder and the degree, the degree on a line of its own."""
    person, d = facts.person, facts.diploma
    award = _say(d.award_date, long)
    civility, name = _holder(person, d.given_names, rng)
    born = _born(person, rng) if rng.random() < 0.6 else ""
    subject = _subject(d.institution)
    later = subject[0].lower() + subject[1:] if subject.startswith("L'") else subject
    title = d.title.upper() if rng.random() < 0.2 else d.title
    if manner == "sentence":
        holder = _que(f"{civility} {name}".strip()) + (f", {born}," if born else "")
        when = f", le {award}," if award_at == "sentence" else ""
        wording = rng.choice(("obtained", "jury", "decerned") if award_at == "sentence" else ("obtained", "decerned"))
        if wording == "obtained":
            line = f"{subject} certifie {holder} a obtenu{when} le diplôme"
        elif wording == "jury":
            line = f"Par décision du jury en date du {award}, {later} atteste {holder} a obtenu le diplôme"
        else:
            line = f"{subject} atteste {holder} s'est vu décerner{when} le diplôme"
        cur.text(line, 11.5, align="center")
        cur.y += 3
        cur.own_line(title, 19, bold(cur.font), "center", brand)
    else:
        lead = rng.choice(("Ce certificat est décerné à", "Décerné à", "", "Attribué à"))
        if lead:
            cur.text(lead, 11, color=GREY, align="center")
            cur.y += 1.5
        cur.own_line(name, 27, bold(name_font), "center")
        if born:
            cur.text(born[0].upper() + born[1:], 9.5, color=GREY, align="center")
        cur.y += 3
        cur.text(rng.choice(("a obtenu le diplôme", "pour l'obtention du diplôme", "diplômé" + (
            "e" if person.sex == "F" else "") + " du programme", "Diplôme")), 11, color=GREY, align="center")
        cur.y += 1.5
        cur.own_line(title, 20, bold(cur.font), "center", brand)
    cur.y += 1.5
    lines = []
    if "grade" in standing and rng.random() < 0.6:
        school = d.institution.startswith(("École", "Institut"))  # a school's diploma is "visé" by the State
        lines.append(rng.choice((f"conférant le grade de {standing['grade']}",
                                 (f"Diplôme {'visé ' if school else 'national '}conférant le grade de "
                                  f"{standing['grade']}"))))
    elif rng.random() < 0.5:
        lines.append(f"Diplôme de niveau {standing['level']} inscrit au RNCP")
    mention = _mention(d.title, rng)
    if mention and rng.random() < 0.6:
        lines.append(rng.choice((f"avec la mention {mention}", f"Mention {mention}")))
    if rng.random() < 0.4:
        lines.append(rng.choice((f"Promotion {d.year}", f"Année universitaire {d.year - 1}-{d.year}")))
    for line in lines:
        cur.text(line, 10.5, FontKey(cur.font.family, italic=cur.font.family != "condensed"), "center", GREY)
    if award_at == "line":
        label = rng.choice(("Date d'obtention : ", f"{_agree('Diplômé', person, rng.choice(('agree', 'neutral')))} le ",
                            "Obtenu le "))
        cur.y += 2
        cur.text(label + award, 11.5, bold(cur.font), "center")


def _meta_rows(facts: DossierFacts, cert_id: str, issued: dt.date, award_at: str, long: bool,
               standing: dict[str, str], rng: random.Random) -> list[tuple[str, str]]:
    """(label, value) of the panel: the certificate's identifier and issue date, the degree's standing."""
    d = facts.diploma
    stamp = _say(issued, long if rng.random() < 0.6 else not long)
    if rng.random() < 0.35:
        stamp += f" à {rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}"
    rows = [(rng.choice(("Identifiant du certificat", "N° de certificat", "Identifiant unique", "ID de vérification")),
             cert_id),
            (rng.choice(("Émis le", "Date d'émission", "Certificat émis le")), stamp)]
    if award_at == "panel":
        rows.insert(rng.randint(0, 2), (rng.choice(("Date d'obtention", "Date d'obtention du diplôme",
                                                     _agree("Diplômé", facts.person, "neutral") + " le")),
                                        _say(d.award_date, long)))
    extra = [(rng.choice(("Code RNCP", "Fiche RNCP")), standing["rncp"]),
             ("Niveau", rng.choice((f"Niveau {standing['level']}",
                                    f"Niveau {standing['level']} du {standing['frame']}"))),
             ("Crédits ECTS", standing["ects"]),
             (rng.choice(("N° étudiant", "Identifiant étudiant")), str(rng.randint(20_000_000, 29_999_999)))]
    if "grade" in standing:
        extra.append(("Grade", f"Grade de {standing['grade']}"))
    rows += rng.sample(extra, rng.randint(2, len(extra)))
    if rng.random() < 0.3:
        rows.append(("Empreinte (SHA-256)", "".join(rng.choice("0123456789abcdef") for _ in range(16)) + "…"))
    return rows


def _url_lines(url: str, font: FontKey, size: float, width: float) -> list[str]:
    """The address on one line, or cut after a slash."""
    if text_width_mm(url, font, size) <= width:
        return [url]
    cut = url.rfind("/", 0, len(url) - 4)
    return [url[:cut + 1], url[cut + 1:]]


def _side_panel(sheet: Sheet, x: float, top: float, bottom: float, width: float, rows: list[tuple[str, str]],
                url: str, font: FontKey, brand: Color, rng: random.Random) -> None:
    """A shaded column: label over value, then the QR code and the address."""
    sheet.add(Box(x, top, width, bottom - top, fill=PANEL, stroke=None, radius=rng.choice((0.0, 2.5))),
              Rule(x, top, x + width, top, 0.9, brand))
    y = top + 8
    sheet.add(Text(x + 5, y, rng.choice(("Informations de vérification", "Détails du certificat", "Vérification")),
                   9.5, bold(font), brand))
    y += 7
    qr = 26.0
    qy = bottom - qr - 22
    for i, (label, value) in enumerate(rows):
        size = _fit(value, bold(font), 9, width - 10, 7.5)
        values = wrap(value, bold(font), size, width - 10)
        if i >= 3 and y + 6.5 + 3.8 * len(values) > qy:  # the first three (identifier and dates) always hold
            break
        sheet.add(Text(x + 5, y, label, 7.5, font, GREY))
        for j, line in enumerate(values):
            sheet.add(Text(x + 5, y + 4.3 + 3.8 * j, line, size, bold(font)))
        y += 6.7 + 3.8 * len(values)
    _qr(sheet, x + (width - qr) / 2, qy, qr, rng)
    y = qy + qr + 5
    sheet.add(Text(x + width / 2, y, rng.choice(("Vérifier ce certificat :", "Scannez ou rendez-vous sur :")), 7.5,
                   font, GREY, "center"))
    for line in _url_lines(url, font, 7, width - 6):
        y += 3.6
        sheet.add(Text(x + width / 2, y, line, 7, font, brand, "center"))


def _bottom_panel(sheet: Sheet, x: float, bottom: float, width: float, rows: list[tuple[str, str]], url: str,
                  font: FontKey, brand: Color, rng: random.Random) -> float:
    """A shaded box ending at `bottom`: two columns of cells, label over value, the QR code on the right and the
    address under the cells. Returns its top."""
    qr, step = 27.0, 9.2
    column = (width - qr - 16) / 2
    height = max(qr + 10, 13 + step * ((len(rows) + 1) // 2) + 8)
    top = bottom - height
    sheet.add(Box(x, top, width, height, fill=PANEL, stroke=None, radius=rng.choice((0.0, 2.5))),
              Box(x, top, 1.6, height, fill=brand, stroke=None))
    sheet.add(Text(x + 6, top + 7, rng.choice(("Informations de vérification", "Détails du certificat")), 9.5,
                   bold(font), brand))
    for i, (label, value) in enumerate(rows):
        cx, cy = x + 6 + (i % 2) * column, top + 12 + step * (i // 2)
        sheet.add(Text(cx, cy + 2.5, label, 7, font, GREY),
                  Text(cx, cy + 6.6, value, _fit(value, bold(font), 8.5, column - 4, 6), bold(font)))
    link = rng.choice(("Vérifier l'authenticité : ", "Vérification en ligne : ")) + url
    sheet.add(Text(x + 6, top + height - 4, link, _fit(link, font, 8, width - qr - 16, 6), font, brand))
    _qr(sheet, x + width - qr - 5, top + (height - qr) / 2, qr, rng)
    return top


def _signatures(sheet: Sheet, facts: DossierFacts, x0: float, x1: float, y: float, font: FontKey,
                rng: random.Random) -> None:
    """The director's electronic signature (and at times the director of studies'), the printed names under it."""
    word = facts.diploma.institution.split()[0]
    heads = HEADS.get(word, HEADS["École"])
    signers = [rng.choice(heads)]
    if rng.random() < 0.35:
        signers.insert(0, rng.choice(STUDIES))
    used = {facts.person.surname}
    spots = [(x0 + x1) / 2] if len(signers) == 1 else [x0 + (x1 - x0) * 0.25, x0 + (x1 - x0) * 0.75]
    if len(signers) == 1 and rng.random() < 0.5:
        spots = [x1 - 40]
    electronic = rng.random() < 0.6
    for cx, (role, sex) in zip(spots, signers):
        given, surname = rng.choice([n for n in (STAFF_F if sex == "F" else STAFF_M) if n[1] not in used])
        used.add(surname)
        _scribble(sheet, cx - 14, y + 6, rng.uniform(22, 30), (20, 30, 90), rng)
        sheet.add(Rule(cx - 28, y + 10, cx + 28, y + 10, 0.2, GREY),
                  Text(cx, y + 14.5, f"{given} {surname}", 9.5, bold(font), align="center"),
                  Text(cx, y + 18.5, role, 8.5, font, GREY, "center"))
        if electronic:
            sheet.add(Text(cx, y + 22, "Signé électroniquement", 6.5, FontKey(font.family, italic=True), GREY,
                           "center"))


def _small_print(sheet: Sheet, x0: float, x1: float, bottom: float, font: FontKey, platform: str,
                 rng: random.Random) -> None:
    italic = FontKey(font.family, italic=font.family != "condensed")
    texts = rng.sample(SMALL_PRINT, rng.randint(1, 2))
    texts.append(rng.choice((f"Certificat émis via la plateforme {platform}.", f"Propulsé par {platform}",
                             f"{platform} — diplômes numériques vérifiables")))
    lines = [part for t in texts for part in wrap(t, italic, 6.5, x1 - x0)]
    for i, line in enumerate(reversed(lines)):
        sheet.add(Text((x0 + x1) / 2, bottom - 3 * i, line, 6.5, italic, GREY, "center"))


def certificat_numerique(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    landscape = rng.random() < 0.55
    sheet = Sheet(A4[1], A4[0]) if landscape else Sheet()
    w, h = sheet.width, sheet.height
    font = FontKey(rng.choice(("sans", "lsans", "lsans", "condensed", "sans", "lserif")))
    name_font = FontKey(rng.choice((font.family, font.family, "lserif", "serif")))
    brand = rng.choice(BRANDS)
    platform = rng.choice(PLATFORMS)
    issued = _issued(facts, rng)
    long = rng.random() < 0.55
    standing = _standing(d.title, issued, rng)
    cert_id = _certificate_id(rng, issued.year)
    url = _url(d.institution, platform, cert_id, rng)
    manner = rng.choice(("sentence", "name", "name"))
    award_at = rng.choice(("sentence", "line", "panel") if manner == "sentence" else ("line", "line", "panel"))
    rows = _meta_rows(facts, cert_id, issued, award_at, long, standing, rng)
    band = _band(sheet, d.institution, brand, font, platform, rng)
    heading = rng.choice(HEADINGS)
    subtitle = rng.choice(SUBTITLES) if rng.random() < 0.4 else ""
    if landscape:
        panel_left = rng.random() < 0.25
        pw = 74.0
        px = 14.0 if panel_left else w - 14 - pw
        left, right = (px + pw + 12, w - 16) if panel_left else (16.0, px - 12)
        _side_panel(sheet, px, band + 8, h - 22, pw, rows, url, font, brand, rng)
        limit, sign_y = h - 52, h - 46
    else:
        left, right = 20.0, w - 20
        panel_top = _bottom_panel(sheet, left - 4, h - rng.uniform(24, 34), right - left + 8, rows[:8], url, font,
                                  brand, rng)
        limit, sign_y = panel_top - 36, panel_top - 31
    start, mark = rng.getstate(), len(sheet.elements)
    for scale in (1.0, 0.94, 0.88, 0.82, 0.76, 0.7):
        rng.setstate(start)
        del sheet.elements[mark:]
        cur = _Cursor(sheet, font, left, right, band + (12 if landscape else 16) * scale, scale)
        cur.own_line(heading, 22 if heading.isupper() else 24, bold(font), "center", brand)
        if subtitle:
            cur.text(subtitle, 10, FontKey(font.family, italic=font.family != "condensed"), "center", GREY)
        cur.sheet.add(Rule((left + right) / 2 - 20, cur.y + 1.5, (left + right) / 2 + 20, cur.y + 1.5, 0.6, brand))
        cur.y += 8 * scale
        _grant(cur, facts, brand, name_font, award_at, long, standing, manner, rng)
        if cur.y < limit:
            break
    drop = max(0.0, limit - cur.y) * rng.uniform(0.15, 0.4)
    sheet.elements[mark:] = [_lowered(element, drop) for element in sheet.elements[mark:]]
    _signatures(sheet, facts, left, right, max(sign_y, cur.y + drop + 2), font, rng)
    _small_print(sheet, left if landscape else 18, right if landscape else w - 18, h - 7, font, platform, rng)
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": d.title, "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:certificat_numerique", fields, sheets=[sheet])
