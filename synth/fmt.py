"""French (and ICAO) ways of printing dates, money and identifiers."""
from __future__ import annotations

import datetime as dt

MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre")


def date_slash(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def date_long(d: dt.date) -> str:
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS_FR[d.month - 1]} {d.year}"


def date_fr(d: dt.date, style: str) -> str:
    return date_long(d) if style == "long" else date_slash(d)


def euros(amount: float, symbol: str = "€") -> str:
    """1 234,56 € (narrow spaces avoided: OCR reads a plain space)."""
    whole, cents = f"{amount:.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{' '.join(groups)},{cents} {symbol}".strip()


def number_fr(amount: float) -> str:
    return euros(amount, "")


def siren_spaced(siren: str) -> str:
    return f"{siren[0:3]} {siren[3:6]} {siren[6:9]}"


def siret_spaced(siret: str) -> str:
    return f"{siren_spaced(siret[:9])} {siret[9:]}"


def hours_fr(hours: float) -> str:
    return f"{hours:.2f}".rstrip("0").rstrip(".").replace(".", ",")


_UNITS = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
          "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf")
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante", 8: "quatre-vingt"}


def number_words(n: int) -> str:
    """French words for 0..199 (feminine 'une' left to the caller)."""
    if n >= 100:
        return "cent" if n == 100 else f"cent {number_words(n - 100)}"
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix..., quatre-vingt-dix...
        head, rest = _TENS[tens - 1], 10 + unit
        joiner = " et " if tens == 7 and unit == 1 else "-"
        return f"{head}{joiner}{_UNITS[rest]}"
    head = _TENS[tens]
    if unit == 0:
        return head + ("s" if tens == 8 else "")
    return f"{head}{' et ' if unit == 1 and tens != 8 else '-'}{_UNITS[unit]}"
