"""Text folded for matching, in the two forms the readers need.

- `fold`: lower case, accents removed, odd spaces made plain, one character for one,
  so that a span found in the folded text is the same span in the original (the
  field extractors map values back to their words this way).
- `normalize`: the same and more, for matching whole strings whose positions do not
  matter (classification, page numbering, identity-document labels): compatibility
  forms decomposed (ligatures, ellipses), apostrophes straightened, spaces collapsed.
"""
from __future__ import annotations

import functools
import re
import unicodedata

# Spaces printers and OCR put inside numbers and labels: no-break, narrow no-break,
# thin, figure, en and em spaces, tabs.
ODD_SPACES = "\u00a0\u202f\u2009\u2007\u2002\u2003\t"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower case without accents, odd spaces made plain: the form rules match against.

    Built one character for one character, so a span found in the folded text is
    the same span in the original."""
    return "".join(map(_fold_char, text))


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    # Cached: extraction folds the same few hundred characters tens of thousands of times.
    if ch in ODD_SPACES:
        return " "
    base = strip_accents(ch)[:1] or ch
    return base.lower()[:1] or base


@functools.lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """Lower case, accents removed, ligatures decomposed, apostrophes straightened,
    spaces collapsed (lengths change: for whole-string matching only)."""
    # Cached: the rules normalise each line of a page once per label they look for.
    text = strip_accents(text.translate(_APOSTROPHES))
    return re.sub(r"[ \t\u00a0\u202f]+", " ", text.lower())
