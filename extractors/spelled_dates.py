"""Dates spelled out the way Spanish and Portuguese deeds and diplomas write them: "a los catorce (14)
días del mes de diciembre de dos mil dieciocho (2018)", "aos vinte e dois dias do mês de julho de dois
mil e dezessete", "el día 3 de mayo de 2016" (the last one find_dates already reads).

Pure functions on text; the month names are extractors.frenchtext's, passed in by the caller so this
module needs nothing of it.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from extractors.textnorm import fold

# Number words of Spanish and Portuguese (folded), as days and years are spelled.
_VALUES: dict[str, int] = {
    "un": 1, "uno": 1, "una": 1, "um": 1, "uma": 1, "primero": 1, "primer": 1, "primeiro": 1,
    "dos": 2, "dois": 2, "duas": 2, "tres": 3, "cuatro": 4, "quatro": 4, "cinco": 5, "seis": 6, "siete": 7, "sete": 7,
    "ocho": 8, "oito": 8, "nueve": 9, "nove": 9, "diez": 10, "dez": 10, "once": 11, "onze": 11, "doce": 12, "doze": 12,
    "trece": 13, "treze": 13, "catorce": 14, "catorze": 14, "quatorze": 14, "quince": 15, "quinze": 15,
    "dieciseis": 16, "dezesseis": 16, "dezasseis": 16, "diecisiete": 17, "dezessete": 17, "dezassete": 17,
    "dieciocho": 18, "dezoito": 18, "diecinueve": 19, "dezenove": 19, "dezanove": 19,
    "veinte": 20, "vinte": 20, "veintiun": 21, "veintiuno": 21, "veintidos": 22, "veintitres": 23,
    "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
    "treinta": 30, "trinta": 30, "cuarenta": 40, "quarenta": 40, "cincuenta": 50, "cinquenta": 50,
    "sesenta": 60, "sessenta": 60, "setenta": 70, "ochenta": 80, "oitenta": 80, "noventa": 90,
    "cien": 100, "ciento": 100, "cem": 100, "cento": 100, "novecientos": 900, "novecentos": 900,
}
_THOUSAND = {"mil"}
_JOINERS = {"y", "e"}
_WORD = "|".join(sorted(_VALUES.keys() | _THOUSAND, key=len, reverse=True))
_NUMBER = rf"(?:\d{{1,4}}|(?:{_WORD})(?:[\s\-]+(?:(?:y|e)\s+)?(?:{_WORD}))*)"
_SPELLED_DATE = re.compile(
    rf"(?<![a-z])(?P<day>{_NUMBER})\s*(?:\(\s*\d{{1,2}}\s*\)\s*)?dias?\s+(?:del|do)\s+mes\s+de\s+"
    rf"(?P<month>[a-z]{{3,10}})\s+(?:de|del|do)\s+(?:ano\s+(?:de\s+)?)?(?P<year>{_NUMBER})(?:\s*\(\s*(?P<digits>\d{{4}})\s*\))?"
)

# "días" / "dias": every spelled date of this kind names its days
_DAYS = re.compile(r"d[iíì]as?\b", re.IGNORECASE)


def number_value(phrase: str) -> int | None:
    """'dos mil dieciocho' -> 2018, 'vinte e dois' -> 22, '14' -> 14; None when it is no number."""
    phrase = phrase.strip()
    if phrase.isdigit():
        return int(phrase)
    total, current = 0, 0
    for token in re.split(r"[\s\-]+", phrase):
        if token in _JOINERS:
            continue
        if token in _THOUSAND:
            total, current = total + max(current, 1) * 1000, 0
        elif token in _VALUES:
            current += _VALUES[token]
        else:
            return None
    return total + current


def find_spelled_dates(text: str, month_number: Callable[[str], int | None]) -> list[tuple[dt.date, int, int]]:
    """Every date of the "… días del mes de … de …" kind in `text`, with its span in `text`."""
    if not _DAYS.search(text):
        return []  # the common case, checked before folding: find_dates runs on every label's window
    folded = fold(text)  # one character for one: spans carry over
    found = []
    for m in _SPELLED_DATE.finditer(folded):
        day, month = number_value(m.group("day")), month_number(m.group("month"))
        year = int(m.group("digits")) if m.group("digits") else number_value(m.group("year"))
        if day and month and year and 1900 <= year <= 2100:
            try:
                found.append((dt.date(year, month, day), m.start(), m.end()))
            except ValueError:
                continue
    return found


__all__ = ["find_spelled_dates", "number_value"]
