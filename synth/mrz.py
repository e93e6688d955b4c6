"""Machine-readable zones: TD3 (passport, 2 x 44), TD1 (cards, 3 x 30), TD2 (cards, 2 x 36)."""
from __future__ import annotations

import datetime as dt
import unicodedata

from synth.checksums import mrz_check_digit

_SPECIAL = {"Æ": "AE", "Œ": "OE", "Ø": "OE", "ß": "SS", "Đ": "D", "Ł": "L", "Þ": "TH"}


def icao_transliterate(name: str) -> str:
    """Capitals without accents; apostrophes dropped; spaces and hyphens become '<'."""
    out = []
    for ch in name.upper():
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch])
            continue
        base = unicodedata.normalize("NFKD", ch)[0]
        if "A" <= base <= "Z":
            out.append(base)
        elif ch in " -":
            out.append("<")
        # apostrophes and other punctuation are dropped
    return "".join(out)


def mrz_date(d: dt.date) -> str:
    return d.strftime("%y%m%d")


def _pad(text: str, width: int) -> str:
    return (text + "<" * width)[:width]


def mrz_name(surname: str, given_names: str, width: int) -> str:
    return _pad(f"{icao_transliterate(surname)}<<{icao_transliterate(given_names)}", width)


def td3(doc_number: str, issuing: str, nationality: str, surname: str, given_names: str,
        birth: dt.date, sex: str, expiry: dt.date, doc_code: str = "P<") -> list[str]:
    number = _pad(doc_number, 9)
    line1 = _pad(f"{doc_code}{issuing}{mrz_name(surname, given_names, 39)}", 44)
    personal = "<" * 14
    head = number + mrz_check_digit(number) + nationality
    birth_part = mrz_date(birth) + mrz_check_digit(mrz_date(birth))
    expiry_part = mrz_date(expiry) + mrz_check_digit(mrz_date(expiry))
    personal_part = personal + "<"  # empty personal number: filler check digit
    composite = mrz_check_digit(number + mrz_check_digit(number) + birth_part + expiry_part + personal_part)
    line2 = head + birth_part + (sex if sex in "MF" else "<") + expiry_part + personal_part + composite
    assert len(line1) == 44 and len(line2) == 44
    return [line1, line2]


def td1(doc_number: str, issuing: str, nationality: str, surname: str, given_names: str,
        birth: dt.date, sex: str, expiry: dt.date, doc_code: str = "IR") -> list[str]:
    number = _pad(doc_number, 9)
    line1 = _pad(f"{doc_code}{issuing}{number}{mrz_check_digit(number)}", 30)
    birth_part = mrz_date(birth) + mrz_check_digit(mrz_date(birth))
    expiry_part = mrz_date(expiry) + mrz_check_digit(mrz_date(expiry))
    line2_head = birth_part + (sex if sex in "MF" else "<") + expiry_part + nationality + "<" * 11
    composite = mrz_check_digit(line1[5:30] + line2_head[0:7] + line2_head[8:15] + line2_head[18:29])
    line2 = line2_head + composite
    line3 = mrz_name(surname, given_names, 30)
    assert len(line1) == 30 and len(line2) == 30 and len(line3) == 30
    return [line1, line2, line3]


def td2(doc_number: str, issuing: str, nationality: str, surname: str, given_names: str,
        birth: dt.date, sex: str, expiry: dt.date, doc_code: str = "ID") -> list[str]:
    number = _pad(doc_number, 9)
    line1 = _pad(f"{doc_code}{issuing}{mrz_name(surname, given_names, 31)}", 36)
    number_part = number + mrz_check_digit(number)
    birth_part = mrz_date(birth) + mrz_check_digit(mrz_date(birth))
    expiry_part = mrz_date(expiry) + mrz_check_digit(mrz_date(expiry))
    optional = "<" * 7
    composite = mrz_check_digit(number_part + birth_part + expiry_part + optional)
    line2 = number_part + nationality + birth_part + (sex if sex in "MF" else "<") + expiry_part + optional + composite
    assert len(line1) == 36 and len(line2) == 36
    return [line1, line2]
