"""Valid identity-card MRZs for tests (TD2, and the French card's own format of 1988-2021),
built with the project's own check digit. Invented people only."""
from __future__ import annotations

from extractors import mrz


def td2(number: str, birth: str, expiry: str, names: str, state: str = "UTO", code: str = "I<",
        sex: str = "F") -> list[str]:
    c = mrz.check_digit
    number = number.ljust(9, "<")
    line2 = number + str(c(number)) + state + birth + str(c(birth)) + sex + expiry + str(c(expiry)) + "<" * 7
    composite = line2[0:10] + line2[13:20] + line2[21:35]
    return [(code + state + names).ljust(36, "<")[:36], line2 + str(c(composite))]


def french_card(number: str, birth: str, surname: str, given_names: str, sex: str = "M",
                office: str = "750123") -> list[str]:
    c = mrz.check_digit
    line1 = ("IDFRA" + surname).ljust(30, "<") + office
    line2 = number + str(c(number)) + given_names.ljust(14, "<")[:14] + birth + str(c(birth)) + sex
    return [line1, line2 + str(c(line1 + line2))]
