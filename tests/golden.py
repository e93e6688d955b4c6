"""Comparing extracted fields with the generator's truth, as the benchmark does:
strings ignoring case, accents and whitespace; numbers within 1 %, integers exactly; dates exactly."""
from __future__ import annotations

import re
import unicodedata


def same_value(expected: object, got: object) -> bool:
    if expected is None:
        return True  # not scored
    if isinstance(expected, int) and not isinstance(expected, bool):  # counts (applications_received): exactly
        return isinstance(got, (int, float)) and not isinstance(got, bool) and got == expected
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return isinstance(got, (int, float)) and abs(got - expected) <= 0.01 * max(abs(expected), 1e-9)
    return isinstance(got, str) and _norm(got) == _norm(str(expected))


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", "", text).lower()
