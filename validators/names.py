"""Comparing people's names across pieces in their ICAO 9303 transliteration."""
from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter + accent.
SPECIAL_LETTERS = str.maketrans({
    "ß": "SS", "ẞ": "SS", "Æ": "AE", "æ": "AE", "Œ": "OE", "œ": "OE", "Ø": "O", "ø": "O",
    "Ł": "L", "ł": "L", "Đ": "D", "đ": "D", "Ð": "D", "ð": "D", "Þ": "TH", "þ": "TH", "ı": "I",
})
# ICAO 9303's digraphs: Ä, Æ -> AE; Ö, Ø -> OE; Ü -> UE (ß -> SS and Þ -> TH are always so),
# so "MÜLLER" and "Mueller", "SØRENSEN" and "Soerensen" are the same name.
GERMAN_UMLAUTS = str.maketrans({"Ä": "AE", "Ö": "OE", "Ü": "UE", "ä": "AE", "ö": "OE", "ü": "UE",
                                "Ø": "OE", "ø": "OE"})


def icao_name(name: str) -> str:
    """Capitals A-Z only: accents removed, apostrophes dropped, spaces and hyphens
    (and any other punctuation) ignored. D'SOUZA, D’Souza and Dsouza give DSOUZA."""
    decomposed = unicodedata.normalize("NFKD", name.translate(SPECIAL_LETTERS))
    letters = (c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in "".join(letters).upper() if "A" <= c <= "Z")


def same_name(first: str, second: str) -> bool:
    """Whether two printed names are the same in ICAO transliteration (either digraph form)."""
    if icao_name(first) == icao_name(second):
        return True
    return icao_name(_expand_umlauts(first)) == icao_name(_expand_umlauts(second))


def same_given_names(first: str, second: str) -> bool:
    """Given names agree when they are the same, or when one lists the other's first
    names and more: a contract may give only the usual first name(s) of a passport's
    "ABDOULAYE MAMADOU", never a different one."""
    if same_name(first, second):
        return True
    a, b = _given_tokens(first), _given_tokens(second)
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return bool(shorter) and longer[: len(shorter)] == shorter


def one_letter_apart(first: str, second: str) -> bool:
    """Whether two names of four letters or more differ, in ICAO transliteration, by one
    letter changed, added or dropped: HOANG and HOËNG, SOUZA and SOUSA."""
    a, b = icao_name(first), icao_name(second)
    if a == b or min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    cut = next((i for i, (x, y) in enumerate(zip(shorter, longer)) if x != y), len(shorter))
    return shorter[cut:] == longer[cut + 1:]


def _given_tokens(names: str) -> list[str]:
    return [icao_name(token) for token in re.split(r"[\s\-]+", names) if icao_name(token)]


def _expand_umlauts(name: str) -> str:
    # NFC first, so that a U followed by a combining diaeresis is one Ü
    return unicodedata.normalize("NFC", name).translate(GERMAN_UMLAUTS)
