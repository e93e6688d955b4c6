"""French numbers written in words ("quatorze", "vingt et un", "quatre-vingt-dix-sept",
"cent deux"), as statements print counts: "quatorze (14) candidatures".

Pure functions on folded text (lower case, no accents).
"""
from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16,
}
_TENS = {"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
         # Belgian and Swiss French
         "septante": 70, "huitante": 80, "octante": 80, "nonante": 90}
_SCALES = {"cent": 100, "cents": 100, "mille": 1000}
_JOINERS = {"et"}
WORDS = set(_UNITS) | set(_TENS) | set(_SCALES) | _JOINERS
# A run of number words, joined by spaces or hyphens ("quatre-vingt-dix", "vingt et un");
# it never opens with "et".
_ANY = "|".join(sorted(WORDS, key=len, reverse=True))
_OPENING = "|".join(sorted(WORDS - _JOINERS, key=len, reverse=True))
NUMBER_WORDS = re.compile(r"(?<![a-z])(?:" + _OPENING + r")(?:[\s\-]+(?:" + _ANY + r"))*(?![a-z])")


def words_value(phrase: str) -> int | None:
    """The value of a French number phrase (folded), or None when it is not one."""
    tokens = [t for t in re.split(r"[\s\-]+", phrase.strip()) if t]
    if not tokens or any(t not in WORDS for t in tokens) or tokens[0] in _JOINERS:
        return None
    total, current = 0, 0
    for token in tokens:
        if token in _JOINERS:
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            # "quatre-vingt": the four multiplies the twenty.
            current = current * _TENS[token] if token.startswith("vingt") and 1 < current < 10 else current + _TENS[token]
        elif token in ("cent", "cents"):
            current = max(current, 1) * 100
        elif token == "mille":
            total += max(current, 1) * 1000
            current = 0
    return total + current


def find_number_words(folded: str) -> list[tuple[int, int, int]]:
    """(value, start, end) of every number written in words in a folded text."""
    found = []
    for m in NUMBER_WORDS.finditer(folded):
        value = words_value(m.group(0))
        # A lone "un"/"une" is an article far more often than a count.
        if value is not None and m.group(0) not in ("un", "une"):
            found.append((value, m.start(), m.end()))
    return found


__all__ = ["words_value", "find_number_words"]
