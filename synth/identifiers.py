"""Numbers printed on the new pieces: security codes, contributor accounts, offer references."""
from __future__ import annotations

import random

from synth.checksums import make_siret
from synth.companies import Company

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"  # no I/O: authorities avoid them
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def security_code(rng: random.Random) -> str:
    return "".join(rng.choice(CODE_ALPHABET) for _ in range(15))


def grouped(code: str, size: int = 5) -> str:
    return " ".join(code[i:i + size] for i in range(0, len(code), size))


def contributor_account(rng: random.Random) -> str:
    """18-digit Urssaf account number (a distractor next to the SIREN)."""
    return f"{rng.randint(100, 999)}" + "".join(str(rng.randint(0, 9)) for _ in range(15))


def establishment_siret(company: Company, rng: random.Random) -> str:
    """Another establishment of the same company: a SIRET whose SIREN is the right one."""
    for _ in range(20):
        siret = make_siret(company.siren, rng)
        if siret != company.siret:
            return siret
    return company.siret


def ft_offer_reference(rng: random.Random) -> str:
    """France Travail: three digits and four letters (e.g. 195CWME)."""
    return f"{rng.randint(100, 215)}" + "".join(rng.choice(LETTERS) for _ in range(4))


def apec_reference(rng: random.Random) -> str:
    return f"{rng.randint(170, 179)}{rng.randint(0, 999999):06d}" + rng.choice(LETTERS)


def employer_reference(rng: random.Random) -> str:
    return rng.choice(("RH-{y}-{n:03d}", "REC{n:04d}", "{y}/OFF/{n:03d}", "JOB-{n:05d}")).format(
        y=rng.choice((2025, 2026)), n=rng.randint(1, 999))
