"""Valid MRZs for tests, built with the project's own check digit (itself tested on
ICAO's specimens in test_mrz.py)."""
from __future__ import annotations

from extractors import mrz


def td3(number: str, birth: str, expiry: str, names: str = "ERIKSSON<<ANNA", state: str = "UTO",
        sex: str = "F") -> list[str]:
    c = mrz.check_digit
    number = number.ljust(9, "<")
    data = number + str(c(number)) + state + birth + str(c(birth)) + sex + expiry + str(c(expiry)) + "<" * 15
    composite = data[0:10] + data[13:20] + data[21:43]
    return [("P<" + state + names).ljust(44, "<"), data + str(c(composite))]


def td1(number: str, birth: str, expiry: str, names: str, nationality: str, sex: str = "M") -> list[str]:
    c = mrz.check_digit
    number = number.ljust(9, "<")
    line1 = "IRFRA" + number + str(c(number)) + "<" * 15
    line2 = birth + str(c(birth)) + sex + expiry + str(c(expiry)) + nationality + "<" * 11
    composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    return [line1, line2 + str(c(composite)), names.ljust(30, "<")]
