"""Check digits written here on purpose (the generator must not trust the code it tests)."""
from __future__ import annotations

import random

_MRZ_WEIGHTS = (7, 3, 1)
LA_POSTE_SIREN = "356000000"


def mrz_char_value(ch: str) -> int:
    if ch.isdigit():
        return int(ch)
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    if ch == "<":
        return 0
    raise ValueError(f"not an MRZ character: {ch!r}")


def mrz_check_digit(field: str) -> str:
    """ICAO 9303 check digit: weights 7-3-1 repeating, sum mod 10."""
    total = sum(mrz_char_value(ch) * _MRZ_WEIGHTS[i % 3] for i, ch in enumerate(field))
    return str(total % 10)


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def luhn_complete(prefix: str) -> str:
    """Append the one digit that makes `prefix` pass Luhn."""
    for d in "0123456789":
        if luhn_valid(prefix + d):
            return prefix + d
    raise AssertionError("unreachable")


def siret_valid(siret: str) -> bool:
    if len(siret) != 14 or not siret.isdigit():
        return False
    if siret.startswith(LA_POSTE_SIREN):  # La Poste: digit sum multiple of 5
        return sum(int(c) for c in siret) % 5 == 0
    return luhn_valid(siret)


def make_siren(rng: random.Random) -> str:
    first = str(rng.randint(3, 9))
    return luhn_complete(first + "".join(str(rng.randint(0, 9)) for _ in range(7)))


def make_siret(siren: str, rng: random.Random) -> str:
    nic = f"{rng.randint(1, 40):04d}"
    if siren == LA_POSTE_SIREN:
        prefix = siren + nic
        for d in "0123456789":
            if sum(int(c) for c in prefix + d) % 5 == 0:
                return prefix + d
    return luhn_complete(siren + nic)


def break_siret(siret: str) -> str:
    """Change the last digit so the number fails its check (invalid_siret injection)."""
    for d in "1234567890":
        candidate = siret[:-1] + d
        if candidate != siret and not siret_valid(candidate):
            return candidate
    raise AssertionError("unreachable")
