"""Parsing of French dates, amounts, hours and identifiers, tolerant of OCR noise.

Pure functions on strings; no knowledge of pages or document types. Every
`find_*` returns values with their (start, end) span in the text it was given,
so a caller can map a value back to the words it was read from.
"""
from __future__ import annotations

import datetime as dt
import re

from extractors.spelled_dates import find_spelled_dates
from extractors.textnorm import strip_accents

# Spaces printers and OCR put inside numbers: no-break, narrow no-break, thin, figure.
_SPACE_CLASS = "[ \u00a0\u202f\u2009\u2007]"


# ---------------------------------------------------------------- dates

_MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "jan": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "fevier": 2, "fvrier": 2,
    "mars": 3, "mar": 3,
    "avril": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil": 7,
    "aout": 8, "aou": 8, "aoit": 8,
    "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11,
    "decembre": 12, "dec": 12, "dcembre": 12,
    # English, as foreign diplomas and identity documents print them
    "january": 1, "february": 2, "feb": 2, "march": 3, "april": 4, "apr": 4, "may": 5, "june": 6,
    "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "october": 10,
    "november": 11, "december": 12,
    # Spanish, Portuguese and Italian, as diplomas from Latin America, Portugal and Italy print them
    "enero": 1, "janeiro": 1, "gennaio": 1, "febrero": 2, "fevereiro": 2, "febbraio": 2, "marzo": 3, "marco": 3,
    "abril": 4, "aprile": 4, "mayo": 5, "maio": 5, "maggio": 5, "junio": 6, "junho": 6, "giugno": 6,
    "julio": 7, "julho": 7, "luglio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "setembro": 9,
    "settembre": 9, "octubre": 10, "outubro": 10, "ottobre": 10, "noviembre": 11, "novembro": 11,
    "diciembre": 12, "dezembro": 12, "dicembre": 12,
    # German, as diplomas of Germany, Austria and Switzerland print them ("22. Januar 2001", "Jänner", "März")
    "januar": 1, "janner": 1, "jaenner": 1, "februar": 2, "marz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
}

# "15th August, 2021", "this 8th day of July, 2020", "09-Mar-2023": English ordinals, the year after a comma or a dash;
# German's day with its dot ("7. September 2022").
_WORD_DATE = re.compile(
    r"(?<![\w])(?P<day>[0-3]?\d|1er|ler|1re|1°)(?P<dot>\.(?=\s))?\s*(?:er\b|st\b|nd\b|rd\b|th\b)?\s*(?:-\s*|(?:day\s+)?of\s+|de\s+|do\s+)?"
    r"(?P<month>[A-Za-zÀ-ÿ]{3,10})\.?\s*(?:[-,]\s*|,?\s*(?:de|del|do)\s+)?(?P<year>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
# "January 24, 2026", "March 3rd 2025": month first, as English prints it.
_MONTH_FIRST_DATE = re.compile(
    r"(?<![\w])(?P<month>[A-Za-z]{3,10})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.])(?P<day>[0-3]?\d)\s?[/.\-]\s?(?P<month>[01]?\d)\s?[/.\-]\s?"
    r"(?P<year>(?:19|20)\d\d)(?![\d])"
)
_ISO_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
_MONTH_YEAR = re.compile(
    r"(?<![\w])(?P<month>[A-Za-zÀ-ÿ]{3,10})\.?\s*(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE
)
_NUMERIC_MONTH_YEAR = re.compile(r"(?<![\d/.])(?P<month>[01]?\d)\s?[/.\-]\s?(?P<year>(?:19|20)\d\d)(?!\d)")


def month_number(word: str) -> int | None:
    """'février', 'FEVRIER', 'fevr.', 'aoùt' -> month number; None for other words."""
    key = strip_accents(word).lower().strip(".")
    return _MONTHS.get(key)


def _day_number(token: str) -> int | None:
    token = token.lower()
    if token in ("1er", "ler", "1re", "1°"):
        return 1
    return int(token) if token.isdigit() else None


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A day with its dot is German's ("7. September 2022"): only before a German month, never a number of an article,
# an amendment or a year of study ("Article 3. Mai 2020", "Master 2. Septembre 2023").
_GERMAN_MONTHS = {"januar", "janner", "jaenner", "februar", "marz", "maerz", "april", "mai", "juni", "juli", "august",
                  "september", "oktober", "november", "dezember"}
_NUMBERED_BEFORE = re.compile(r"(?:article|art|avenant|annexe|chapitre|section|titre|page|n°|no|nr|master|licence|bac|"
                              r"semestre|annee|\+)\s*\.?\s*$", re.IGNORECASE)


def _german_day(text: str, m: re.Match) -> bool:
    return (strip_accents(m.group("month")).lower() in _GERMAN_MONTHS
            and not _NUMBERED_BEFORE.search(strip_accents(text[max(0, m.start() - 12):m.start()])))


def find_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Every date in `text` with its span, in reading order; overlapping matches keep the first."""
    found: list[tuple[dt.date, int, int]] = []
    for m in _WORD_DATE.finditer(text):
        month = month_number(m.group("month"))
        if m.group("dot") and not _german_day(text, m):
            continue
        day = _day_number(m.group("day"))
        if month and day:
            d = _make_date(int(m.group("year")), month, day)
            if d:
                found.append((d, m.start(), m.end()))
    for m in _MONTH_FIRST_DATE.finditer(text):
        month = month_number(m.group("month"))
        if month:
            d = _make_date(int(m.group("year")), month, int(m.group("day")))
            if d:
                found.append((d, m.start(), m.end()))
    for pattern in (_ISO_DATE, _NUMERIC_DATE):
        for m in pattern.finditer(text):
            d = _make_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
            if d:
                found.append((d, m.start(), m.end()))
    found.extend(find_spelled_dates(text, month_number))
    return _without_overlaps(found)


def _without_overlaps(found: list[tuple]) -> list[tuple]:
    kept: list[tuple] = []
    for item in sorted(found, key=lambda f: (f[1], -f[2])):
        if kept and item[1] < kept[-1][2]:
            continue
        kept.append(item)
    return kept


def find_month_years(text: str) -> list[tuple[tuple[int, int], int, int]]:
    """'février 2026', '02/2026' -> ((2026, 2), start, end); full dates are not reported here."""
    found: list[tuple[tuple[int, int], int, int]] = []
    for m in _MONTH_YEAR.finditer(text):
        month = month_number(m.group("month"))
        if month:
            found.append(((int(m.group("year")), month), m.start(), m.end()))
    for m in _NUMERIC_MONTH_YEAR.finditer(text):
        month = int(m.group("month"))
        if 1 <= month <= 12:
            found.append(((int(m.group("year")), month), m.start(), m.end()))
    return _without_overlaps(found)


# ---------------------------------------------------------------- amounts

# A number as French documents print it: "2 150,00", "2.150,00", "2150", "1823.03".
_NUMBER = (
    r"(?<![\d,.])(?:\d{1,3}(?:(?:" + _SPACE_CLASS + r"|\.)\d{3})+(?:,\d{1,2})?"
    r"|\d+(?:[.,]\d{1,2})?)(?![\d])"
)
_NUMBER_RE = re.compile(_NUMBER)
_CURRENCY = r"(?:€|EUR(?:OS?)?\b|euros?\b|E\b)"
_AMOUNT_RE = re.compile(
    r"(?P<number>" + _NUMBER + r")\s?(?:" + _SPACE_CLASS + r")?(?P<currency>" + _CURRENCY + r")",
    re.IGNORECASE,
)


def _number_value(raw: str) -> float | None:
    s = re.sub(_SPACE_CLASS, "", raw)
    if "," in s and "." in s:
        # The last separator is the decimal one: "2.150,00" or "2,150.00".
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        s = s.replace(",", ".")
    elif s.count(".") >= 1 and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        s = s.replace(".", "")  # "2.150" is thousands in French print
    try:
        return float(s)
    except ValueError:
        return None


def find_numbers(text: str) -> list[tuple[float, int, int]]:
    out = []
    for m in _NUMBER_RE.finditer(text):
        value = _number_value(m.group(0))
        if value is not None:
            out.append((value, m.start(), m.end()))
    return out


def find_amounts(text: str, require_currency: bool = True) -> list[tuple[float, int, int]]:
    """Money amounts with their spans. With `require_currency`, only numbers followed by €/EUR/euros."""
    if not require_currency:
        return find_numbers(text)
    out = []
    for m in _AMOUNT_RE.finditer(text):
        value = _number_value(m.group("number"))
        if value is not None:
            out.append((value, m.start(), m.end()))
    return out


_ANNUAL = re.compile(r"\b(annuel(?:le)?s?|par an|/\s?an\b|l'annee|par annee|annuellement)", re.IGNORECASE)


def is_annual(context: str) -> bool:
    """Whether a salary phrase states a yearly figure."""
    return bool(_ANNUAL.search(strip_accents(context)))


# ---------------------------------------------------------------- hours

_HOURS_RE = re.compile(
    # never the end of a number grouped by thousands ("1 150 heures" of a whole training)
    r"(?<![\d,.])(?<!\d\s)(?<!\d\u202f)(?<!\d\xa0)(?P<hours>\d{1,3}(?:[.,]\d{1,2})?)\s?(?:(?P<h>h)"
    # minutes spaced the French way ("14 h 00"), on the same line, never a count of weeks or days
    r"(?:[ \xa0\u202f](?=[0-5]\d\b(?!\s*(?:semaines?|jours?|mois|ans?)\b)))?(?P<minutes>\d{2})\b|"
    r"(?:heures?|hours?\b|hrs?\b|h\b))",
    re.IGNORECASE,
)
# The other end of a range of times of day, after or before an hour.
_CLOCK_AFTER = re.compile(r"\s*(?:[–—-]|à|a)\s*\d{1,2}\s?h", re.IGNORECASE)
# French typography spaces the minutes too: "de 14 h 00 à 17 h 00"
_CLOCK_BEFORE = re.compile(r"\d{1,2}\s?h(?:\s?\d{2})?\s*(?:[–—-]|à|a)\s*$", re.IGNORECASE)
_MONTHLY = re.compile(r"(mois|mensuel|mensuelle|mensuelles|mensuels|/\s?m\b)", re.IGNORECASE)
WEEKS_PER_MONTH = 52 / 12


def _hours_value(m: re.Match) -> float:
    hours = float(m.group("hours").replace(",", "."))
    minutes = m.group("minutes")
    if minutes:
        # "35h30" is half past; "151h67" is a decimal written the payroll way.
        hours += int(minutes) / 60 if int(minutes) < 60 else int(minutes) / 100
    return hours


def find_hours(text: str) -> list[tuple[float, int, int]]:
    """Weekly hours with spans; a monthly figure (said so, or above 60) is converted × 12 / 52."""
    out = []
    for m in _HOURS_RE.finditer(text):
        if _CLOCK_AFTER.match(text, m.end()) or _CLOCK_BEFORE.search(text[max(0, m.start() - 12): m.start()]):
            continue  # a time of day in a timetable ("9h00 – 13h00", "de 8 h à 12 h"), not a duration
        hours = _hours_value(m)
        following = strip_accents(text[m.end(): m.end() + 30])
        monthly = bool(_MONTHLY.search(following.split("\n")[0])) or 60 < hours <= 250
        if monthly:
            hours = hours / WEEKS_PER_MONTH
        if 0 < hours <= 60:
            out.append((round(hours, 2), m.start(), m.end()))
    return out


# ---------------------------------------------------------------- identifiers

# OCR reads these letters where a digit was printed.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1",
                                   "i": "1", "|": "1", "!": "1", "S": "5", "B": "8", "Z": "2"})
_DIGIT_GROUP = re.compile(r"(?<![A-Za-z0-9])[0-9OoDQlIi|!SBZ]+(?![A-Za-z0-9])")


def ocr_digits(token: str) -> str:
    """A group of digits as printed, with the letters OCR confuses for digits turned back."""
    return token.translate(_DIGIT_LOOKALIKES)


def find_digit_runs(text: str, length: int | range) -> list[tuple[str, int, int]]:
    """Numbers of exactly `length` digits (or of any length in a range), possibly printed
    in groups ("732 829 320 00074").

    Groups are consecutive tokens of digits (or OCR look-alikes inside mostly-digit
    tokens) separated by single spaces/dots; the run must not continue with more digits."""
    groups = []
    for m in _DIGIT_GROUP.finditer(text):
        token = m.group(0)
        real_digits = sum(ch.isdigit() for ch in token)
        # Few look-alikes per group, and never a group of letters only ("Il").
        if real_digits == 0 or len(token) - real_digits > max(1, len(token) // 4):
            continue
        groups.append((ocr_digits(token), m.start(), m.end()))
    # Only whole sequences count, so a social-security number or a phone number
    # never yields a SIRET from some of its groups.
    lengths = length if isinstance(length, range) else range(length, length + 1)
    found: list[tuple[str, int, int]] = []
    i = 0
    while i < len(groups):
        run, j = groups[i][0], i
        while j + 1 < len(groups) and _joined(text, groups[j][2], groups[j + 1][1]):
            j += 1
            run += groups[j][0]
        if len(run) in lengths:
            found.append((run, groups[i][1], groups[j][2]))
        i = j + 1
    return found


def _joined(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return len(gap) <= 2 and re.fullmatch(r"[ \u00a0\u202f\u2009.]{1,2}", gap) is not None


def find_sirets(text: str) -> list[tuple[str, int, int]]:
    return find_digit_runs(text, 14)


def find_sirens(text: str) -> list[tuple[str, int, int]]:
    return find_digit_runs(text, 9)
