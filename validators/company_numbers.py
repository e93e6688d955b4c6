"""SIREN / SIRET validity, with python-stdnum."""
from __future__ import annotations

from stdnum.fr import siren, siret


def is_valid_siret(number: str) -> bool:
    """14 digits passing Luhn, with a valid SIREN; La Poste's establishments
    (356000000xxxxx) instead need a digit sum that is a multiple of 5 — stdnum knows."""
    return number.isdigit() and len(number) == 14 and siret.is_valid(number)


def is_valid_siren(number: str) -> bool:
    """9 digits passing Luhn (La Poste's 356000000 does)."""
    return number.isdigit() and len(number) == 9 and siren.is_valid(number)
