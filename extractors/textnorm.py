"""Text normalisation for matching: lower case, no accents, straight apostrophes."""
from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes straightened, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[ \t\u00a0\u202f]+", " ", text.lower())
