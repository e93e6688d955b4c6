"""Fields of a diploma or attestation de réussite: the holder and the degree as printed."""
from __future__ import annotations

import re

from extractors.frenchtext import fold
from extractors.textfields import (
    CIVILITY,
    ExtractionBuilder,
    PersonName,
    Span,
    TextIndex,
    best_person,
    clean_title,
    labelled_name,
    looks_like_name,
    name_after,
    ner_person,
    split_name,
    values_after,
)
from models.document import Page
from models.domain import FIELDS, PieceType
from models.records import Extraction

FIELD_NAMES = FIELDS[PieceType.diploma]

# How a degree's name starts, in French and English.
DEGREE_START = (
    r"(?:master|mastere|licence|bachelor|bachelier|doctorat|doctorate|phd|ph\.d|diplome\s+(?:d|de|du|national|universitaire)\b|diploma\b"
    r"|brevet\s+de\s+technicien|bts\b|dut\b|but\b|mba\b|certificat|titre\s+(?:professionnel|d'ingenieur)|ingenieur|associate"
    r"|baccalaureat|deug\b|dess\b|dea\b|magistere|grade\s+de|degree\s+of|engineering\s+degree)"
)
# Words of a sentence around the title, never the title itself.
NOT_TITLE = r"\bvu\b|certifie|delibera|resultats|confere|decerne|delivre|a\s+ete|est\s+attribue|titulaire|recteur|president|obtenu"
TITLE_LABELS = r"(?:intitule\s+du\s+diplome|diplome|intitule|specialite)\s*:|\ble\s+(?:diplome|grade|titre)\s+(?:de|d')\s*|\bthe\s+degree\s+of\s*"
TITLE_END = r"\s+(?:delivre|decerne|confere|de\s+l'universite|de\s+l'ecole|a\s+ete|obtenu|avec\s+(?:la\s+)?mention)\b|,"
# Words right before the holder's name, which follows on the same line or the next.
HOLDER_LEAD = (
    r"(?:confere|decerne|delivre|attribue|remis|presente)e?\s+a\b|certifie\s+que|atteste\s+que|titulaire\s*:"
    r"|certif(?:y|ies)\s+that|(?:awarded|conferred|presented|granted)\s+(?:up)?on\b|(?:awarded|presented|granted)\s+to\b"
)
# Where the name ends on its line: the birth, or the sentence going on.
HOLDER_END = r",|\s(?:nee?|ne\(e\)|born|a\s+obtenu|a\s+ete|has|for|pour|titulaire|the\s+degree)\b"
_HOLDER_CIVILITY = r"(?:" + CIVILITY + r"|(?:mrs|ms|miss|dr)\b\.?)\s+"
HOLDER_BEFORE = r"(?:confere|decerne|delivre|attribue|remis|awarded|conferred)(?:\s+upon)?\s+a?|certifie\s+que|atteste\s+que|titulaire\s*:?|upon"


def extract(pages: list[Page]) -> Extraction:
    index = TextIndex(pages)
    out = ExtractionBuilder(index, FIELD_NAMES)
    person = labelled_name(index) or _holder_after_lead(index)
    # A name line found after a lead but unreadable (OCR debris) stays unread: guessing
    # from elsewhere would pick a signatory.
    located = bool(index.search(HOLDER_LEAD))
    person = person or (None if located else (
        best_person(index, prefer_before=HOLDER_BEFORE)
        or name_after(index, HOLDER_BEFORE, certainty=0.8)
        or ner_person(index)
    ))
    if person:
        out.set("holder_surname", person.surname)
        out.set("holder_given_names", person.given_names)
    out.set("title", _title(index))
    return out.build()


def _holder_after_lead(index: TextIndex) -> PersonName | None:
    """'This is to certify that / Wei WANG / born on ...', 'est décerné à Mme Awa DIALLO, née le':
    the first name-like value after a holder lead."""
    for value in values_after(index, HOLDER_LEAD, stop=HOLDER_END):
        start = value.start
        civility = re.match(_HOLDER_CIVILITY, index.folded[start: value.end])
        if civility:
            start += civility.end()
        if looks_like_name(index.text[start: value.end].strip()):
            return split_name(index, start, value.end)
    return None


def _title(index: TextIndex) -> Span | None:
    # A line starting like a degree, not a sentence about it; else the line a label points to.
    for line_start, line_end in _lines(index):
        line = index.text[line_start:line_end]
        lead = re.match(r"[^A-Za-zÀ-ÿ0-9]*", line).end()  # OCR's stray marks before the title
        folded = fold(line[lead:])
        if re.match(DEGREE_START, folded) and not re.search(NOT_TITLE, folded):
            return _title_span(index, line_start + lead, line_end, 0.9)
    for value in values_after(index, TITLE_LABELS, stop=TITLE_END):
        if not re.search(NOT_TITLE, fold(str(value.value))):
            return _title_span(index, value.start, value.end, 0.7)
    return None


def _title_span(index: TextIndex, start: int, end: int, certainty: float) -> Span | None:
    m = re.search(TITLE_END, index.folded[start:end])
    if m:
        end = start + m.start()
    title = clean_title(index.text[start:end])
    if len(title) < 3:
        return None
    offset = start + index.text[start:end].find(title.split(" ")[0])
    return Span(title, offset, end, certainty)


def _lines(index: TextIndex) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for line in index.text.split("\n"):
        bounds.append((pos, pos + len(line)))
        pos += len(line) + 1
    return bounds
