"""French wording the fresh families share: amounts in words (as a convention or a contract writes
them beside the figures) and dates with their weekday."""
from __future__ import annotations

import datetime as dt

from synth.fmt import date_long, number_words

WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _below_thousand(n: int, final: bool) -> str:
    """0 < n < 1000; 'cents' and 'quatre-vingts' take their s only at the end of the number."""
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        words = number_words(rest)
    else:
        head = "cent" if hundreds == 1 else f"{number_words(hundreds)} cent"
        words = f"{head} {number_words(rest)}" if rest else head + ("s" if hundreds > 1 and final else "")
    if not final and words.endswith("quatre-vingts"):
        words = words[:-1]
    return words


def integer_words(n: int) -> str:
    """French words for 0..999 999 (traditional spelling)."""
    if n == 0:
        return "zéro"
    thousands, rest = divmod(n, 1000)
    parts = []
    if thousands:
        parts.append("mille" if thousands == 1 else f"{_below_thousand(thousands, final=False)} mille")
    if rest:
        parts.append(_below_thousand(rest, final=True))
    return " ".join(parts)


def euros_in_words(amount: float) -> str:
    """"six cent quatre-vingt-deux euros et cinquante centimes"."""
    cents_total = round(amount * 100)
    whole, cents = divmod(cents_total, 100)
    text = f"{integer_words(whole)} euro{'s' if whole > 1 else ''}"
    if cents:
        text += f" et {integer_words(cents)} centime{'s' if cents > 1 else ''}"
    return text


def date_with_weekday(day: dt.date) -> str:
    """"lundi 2 mars 2026"."""
    return f"{WEEKDAYS_FR[day.weekday()]} {date_long(day)}"
