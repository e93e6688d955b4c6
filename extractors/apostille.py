"""The Hague apostille ("apostilla", "apostila"): the page a foreign authority adds to a public document (a diploma, a civil-status
act) to certify the signature on it. The convention has it headed in French ("Apostille (Convention de La
Haye du 5 octobre 1961)") whatever the State's language, then ten numbered items naming the signatory, the
authority, a place, a date and a number: a page of the document before it, and none of its fields."""
from __future__ import annotations

import re

from extractors.textnorm import normalize
from models import Page

APOSTILLE = re.compile(r"\b(?:apostille|apostilla|apostila)\b[^\n]*\n?[^\n]{0,40}\b(?:convention\s+de\s+la\s+haye|hague\s+convention"
                       r"|convencion\s+de\s+la\s+haya|convencao\s+da\s+haia|haager\s+ubereinkommen)")
HEAD = 400  # characters: the heading opens the page


def is_apostille(page: Page) -> bool:
    return bool(APOSTILLE.search(normalize(page.text[:HEAD])))


def without_apostilles(pages: list[Page]) -> list[Page]:
    """The document's own pages: its apostille names its signatory and dates its certification, not the
    document's holder nor its date."""
    return [page for page in pages if not is_apostille(page)] or pages
