"""French titre de sejour (ICAO TD1 card, document code IR): identity fields as for a
passport (extractors/fields/identity.py), plus the permit category.

The category is the text under "Remarques / Remarks" (ETUDIANT, SALARIE, ...), not
the card type printed under "Type de titre" (CARTE DE SEJOUR TEMPORAIRE).
"""
from __future__ import annotations

import re

from extractors.fields.identity import (
    CONF_VISUAL,
    CONF_VISUAL_CONFIRMED,
    IdentityLayout,
    WordRun,
    extract_identity,
    find_labels,
    is_capitalised_value,
    value_near,
)
from extractors.textnorm import normalize
from models import Extraction, FieldBox, Page

LABEL_REMARKS = r"\b(?:REMARQUES?|REMARKS?)\b"
# Categories the CESEDA gives French residence permits; used to recognise the line
# when the label was not read, and to drop OCR debris before it.
KNOWN_CATEGORIES = (
    "ETUDIANT", "ETUDIANT-ELEVE", "ETUDIANT MOBILITE", "SALARIE", "SALARIE DETACHE ICT",
    "TRAVAILLEUR TEMPORAIRE", "TRAVAILLEUR SAISONNIER", "VIE PRIVEE ET FAMILIALE",
    "RECHERCHE D'EMPLOI", "CREATION D'ENTREPRISE", "PASSEPORT TALENT", "TALENT", "CHERCHEUR",
    "STAGIAIRE", "STAGIAIRE ICT", "VISITEUR", "ENTREPRENEUR", "PROFESSION LIBERALE",
    "CARTE BLEUE EUROPEENNE", "PROFESSION ARTISTIQUE ET CULTURELLE", "JEUNE AU PAIR",
    "VOLONTAIRE", "RETRAITE", "RESIDENT", "RESIDENT LONGUE DUREE-UE", "MEMBRE DE FAMILLE",
    "CONJOINT DE FRANCAIS", "PARENT D'ENFANT FRANCAIS", "SAISONNIER",
)
_NOT_A_CATEGORY = re.compile(r"CARTE\s+DE\s+SEJOUR|TITRE\s+DE\s+SEJOUR|RESIDENCE\s+PERMIT|<")

RESIDENCE_PERMIT = IdentityLayout(
    fields=(
        "document_number", "surname", "given_names", "nationality",
        "date_of_birth", "expiry_date", "permit_category",
    ),
    document_number_label=r"\b(?:N[O0°]\s*DU\s*TITRE|DOCUMENT\s*N[O0])",
)


def _squash(text: str) -> str:
    return re.sub(r"[^A-Z]", "", normalize(text).upper())


def _category_from(span: WordRun) -> tuple[str, WordRun] | None:
    """The category in a span: from the first known category word to the end, or the
    whole span when it holds no known category but reads like one (capital words)."""
    folded = [_squash(w.text) for w in span.words]
    for i in range(len(span.words)):
        rest = "".join(folded[i:])
        if any(rest.startswith(_squash(c)) for c in KNOWN_CATEGORIES):
            words = span.words[i:]
            return _as_printed(words), WordRun(span.page, words)
    return None


def _as_printed(words) -> str:
    text = " ".join(w.text for w in words)
    text = text.replace("’", "'")
    return re.sub(r"\s+", " ", re.sub(r"\s*([/'])\s*", r"\1", text)).strip(" .,:;|")


def permit_category(spans: list[WordRun]) -> tuple[str, WordRun, float] | None:
    # The back of the card shares rows with the front: its MRZ words are no category.
    spans = [WordRun(s.page, [w for w in s.words if "<" not in w.text]) for s in spans]
    spans = [s for s in spans if s.words]
    for label in find_labels(spans, LABEL_REMARKS):
        value = value_near(spans, label, lambda t: is_capitalised_value(t)
                           and not _NOT_A_CATEGORY.search(normalize(t).upper())
                           and not re.search(LABEL_REMARKS, normalize(t).upper()))
        if value is None:
            continue
        known = _category_from(value)
        if known:
            return known[0], known[1], CONF_VISUAL_CONFIRMED
        words = [w for w in value.words if re.fullmatch(r"[A-ZÀ-Ý'’/\-]{2,}", w.text)]
        if words:
            return _as_printed(words), WordRun(value.page, words), CONF_VISUAL
    # Label unread: a line that holds a known category.
    for span in spans:
        if _NOT_A_CATEGORY.search(normalize(span.text).upper()):
            continue
        known = _category_from(span)
        if known:
            return known[0], known[1], CONF_VISUAL
    return None


def extract(pages: list[Page], mrz_lines: list[str] | None) -> Extraction:
    extraction, spans, _ = extract_identity(pages, mrz_lines, RESIDENCE_PERMIT)
    found = permit_category(spans)
    if found:
        value, span, confidence = found
        extraction.fields["permit_category"] = value
        extraction.field_confidence["permit_category"] = confidence
        extraction.field_boxes["permit_category"] = [FieldBox(page=span.page, bbox=span.bbox)]
    return extraction
