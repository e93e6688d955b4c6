"""Fields of the employer's statement on the applications an offer received: how many
came in, and the date the statement was signed.

The count is the total: a "Total" row when the statement breaks applications down by
channel or reason, else the value of a "Candidatures reçues" label, else the count a
sentence states ("nous avons reçu quatorze (14) candidatures"). Never the number of
interviews or of candidates met. Counts written in words are parsed (digits win when
both are printed).
"""
from __future__ import annotations

import re

from extractors.frenchtext import fold
from extractors.letter_dates import signature_date
from extractors.number_words import find_number_words
from extractors.textfields import ExtractionBuilder, Span, TextIndex
from models.document import Page
from models.domain import FIELDS, PieceType
from models.records import Extraction

FIELD_NAMES = FIELDS[PieceType.applications_statement]

APPLICATIONS = r"candidatures?|candidats?|cv\b|reponses?|postulants?"
# Labels whose value is the count received.
COUNT_LABELS = (
    r"(?:nombre\s+)?total(?:\s+(?:des|de)\s+(?:" + APPLICATIONS + r"))?(?:\s+recue?s?)?",
    r"(?:nombre\s+(?:total\s+)?(?:de|des)\s+)?(?:candidatures?|reponses?|cv)\s+(?:recue?s?|enregistree?s?|obtenue?s?)",
    r"nombre\s+(?:total\s+)?(?:de|des)\s+(?:candidatures?|candidats?|reponses?|postulants?)",
)
# A count about something else than applications received.
NOT_RECEIVED = r"entretien|retenu|recrute|embauche|convoque|rencontre|selectionne|poste|jours?|mois|semaines?|heures?"


def extract(pages: list[Page]) -> Extraction:
    index = TextIndex(pages)
    out = ExtractionBuilder(index, FIELD_NAMES)
    out.set("applications_received", _total_row(index) or _labelled_count(index) or _count_in_sentence(index))
    out.set("signed_on", signature_date(index))
    return out.build()


def _count_at(index: TextIndex, pos: int, end: int, certainty: float) -> Span | None:
    """The first count (digits, or words with or without digits after them) in text[pos:end]."""
    chunk = index.folded[pos:end]
    lead = re.match(r"[\s:.\-–—=|]*", chunk).end()
    digits = re.match(r"(\d{1,4})(?![\d/.,]\d)", chunk[lead:])
    if digits:
        return Span(int(digits.group(1)), pos + lead, pos + lead + digits.end(1), certainty)
    for value, s, e in find_number_words(chunk[lead:]):
        if s > 0:
            break
        after = re.match(r"\s*\(\s*(\d{1,4})\s*\)", chunk[lead + e:])
        if after:
            # Words and digits both printed: the digits, confirmed when the words agree.
            agree = int(after.group(1)) == value
            return Span(int(after.group(1)), pos + lead, pos + lead + e + after.end(),
                        certainty if agree else certainty * 0.6)
        return Span(value, pos + lead, pos + lead + e, certainty * 0.95)
    return None


def _total_row(index: TextIndex) -> Span | None:
    """The 'Total' row of a breakdown: its last number on the line (a table's total column)."""
    for m in index.search(r"(?:^|\n)[^\S\n]*(?:nombre\s+)?total\b[^\n]*"):
        line = index.folded[m.start(): m.end()]
        if re.search(NOT_RECEIVED, line):
            continue
        numbers = list(re.finditer(r"(?<![\d/.,])(\d{1,4})(?![\d/.,]\d)", line))
        if numbers:
            last = numbers[-1]
            return Span(int(last.group(1)), m.start() + last.start(1), m.start() + last.end(1))
        # The total's figure on the next line, as OCR splits a table row.
        _, line_end = index.line_bounds(m.end())
        span = _count_at(index, line_end, min(len(index.text), line_end + 12), 0.85)
        if span:
            return span
    return None


def _labelled_count(index: TextIndex) -> Span | None:
    for label in COUNT_LABELS:
        for m in index.search(r"(?<![a-z])(?:" + label + r")(?:\s*\([^)\n]{0,30}\))?"):
            _, line_end = index.line_bounds(m.start())
            rest = index.folded[m.end(): line_end]
            if re.match(r"\s*(?:en\s+)?" + NOT_RECEIVED, rest) or re.search(NOT_RECEIVED, index.folded[m.start(): m.end()]):
                continue
            span = _count_at(index, m.end(), line_end, 1.0)
            if span is None and not rest.strip(" :.-"):
                # The value below its label (a table's cell or an OCR line break).
                span = _count_at(index, line_end + 1, min(len(index.text), line_end + 30), 0.9)
            if span:
                return span
    return None


def _count_in_sentence(index: TextIndex) -> Span | None:
    """'nous avons reçu 14 candidatures', 'quatorze (14) candidatures ont été reçues'."""
    for m in index.search(r"(?:(\d{1,4})|([a-z][a-z\-]*(?:[\s\-]+[a-z\-]+){0,4}?))(?:\s*\(\s*\d{1,4}\s*\))?\s+(?:" + APPLICATIONS + r")\b"):
        sentence = index.folded[m.end(): m.end() + 60]
        before = index.folded[max(0, m.start() - 40): m.start()]
        if re.match(r"[^.\n]{0,25}?\b(?:" + NOT_RECEIVED + r")", sentence) or re.search(r"(?:" + NOT_RECEIVED + r")\W*$", before):
            continue
        words_start = m.start()
        # Skip the words before the count ("avons reçu") to the count itself.
        for value, s, e in find_number_words(index.folded[m.start(): m.end()]):
            words_start = m.start() + s
            break
        else:
            if not m.group(1):
                continue
            words_start = m.start(1)
        span = _count_at(index, words_start, m.end(), 0.85)
        if span and re.search(r"recu|enregistr|parvenu|obtenu|adresse|postule", fold(index.text[max(0, m.start() - 60): m.end() + 60])):
            return span
    return None


__all__ = ["extract"]
