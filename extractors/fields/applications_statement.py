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

from extractors.label_layout import value_by_label
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
    out.set_exact("applications_received", _total_row(index) or _labelled_count(index) or _count_in_sentence(index))
    out.set_exact("signed_on", signature_date(index))
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
    """The 'Total' row of a breakdown. When the table also counts interviews, the figure
    under the applications column (by its header's position); else the row's last number."""
    for m in index.search(r"(?:^|\n)[^\S\n]*(?:nombre\s+)?total\b[^\n]*"):
        line = index.folded[m.start(): m.end()]
        if re.search(NOT_RECEIVED, line):
            continue
        numbers = [Span(int(n.group(1)), m.start() + n.start(1), m.start() + n.end(1))
                   for n in re.finditer(r"(?<![\d/.,])(\d{1,4})(?![\d/.,]\d)", line)]
        if len(numbers) == 1:
            return numbers[0]
        if numbers:
            return _under_header(index, m.start(), numbers)
        # The total's figure on the next line, as OCR splits a table row.
        _, line_end = index.line_bounds(m.end())
        span = _count_at(index, line_end, min(len(index.text), line_end + 12), 0.85)
        if span:
            return span
    return None


def _under_header(index: TextIndex, row_start: int, numbers: list[Span]) -> Span:
    """Among a row's numbers, the one standing under the applications column's header
    (the nearest line above naming applications); the last one, doubtfully, without it."""
    headers = [h for h in index.search(r"(?:" + APPLICATIONS + r")\b") if h.start() < row_start]
    header_words = index.words_in(headers[-1].start(), headers[-1].end()) if headers else []
    if not header_words:
        last = numbers[-1]
        return Span(last.value, last.start, last.end, 0.6)
    page, word = header_words[0]
    center = (word.bbox[0] + word.bbox[2]) / 2

    def distance(span: Span) -> float:
        boxes = index.words_in(span.start, span.end)
        return min((abs((w.bbox[0] + w.bbox[2]) / 2 - center) for p, w in boxes if p == page), default=1.0)

    return min(numbers, key=distance)


def _labelled_count(index: TextIndex) -> Span | None:
    for label in COUNT_LABELS:
        # "(total)" qualifies the label before it ("Candidatures reçues (total)"): no label of its own
        for m in index.search(r"(?<![a-z(])(?:" + label + r")(?:\s*\([^)\n]{0,30}\))?"):
            _, line_end = index.line_bounds(m.start())
            rest = index.folded[m.end(): line_end]
            if re.match(r"\s*(?:en\s+)?" + NOT_RECEIVED, rest) or re.search(NOT_RECEIVED, index.folded[m.start(): m.end()]):
                continue
            span = _count_at(index, m.end(), line_end, 1.0)
            if span is None and not rest.strip(" :.-"):
                # The value below its label (a table's cell or an OCR line break).
                span = _count_at(index, line_end + 1, min(len(index.text), line_end + 30), 0.9)
            if span is None:
                # A form's box beside, above or below its label.
                span = value_by_label(index, re.escape(index.folded[m.start():m.end()]), _bare_count)
            if span:
                return span
    return None


def _bare_count(text: str):
    """A cell holding a count and nothing else."""
    found = re.match(r"(\d{1,4})\s*(?:\n|$)", text)
    return (int(found.group(1)), found.start(1), found.end(1)) if found else None


# Wording around a count that says it is the applications received.
RECEIVED_CONTEXT = r"recu|enregistr|parvenu|obtenu|adresse|postule|fait\s+l['’]objet|totalis|comptabilis|denombr"


def _count_in_sentence(index: TextIndex) -> Span | None:
    """'nous avons reçu 14 candidatures', 'quatorze (14) candidatures ont été reçues',
    'a fait l'objet d'une candidature': a count right before the applications word."""
    apps = r"\s+(?:" + APPLICATIONS + r")\b"
    found: list[Span] = []
    for m in index.search(r"(?<![\d/.,])(\d{1,4})\s*\)?" + apps):
        found.append(_count_at(index, m.start(1), m.end(1), 0.9) if not index.folded[m.end(1):m.end()].lstrip().startswith(")")
                     else _words_with_digits(index, m))
    for value, s, e in find_number_words(index.folded):
        if re.match(apps, index.folded[e:]):
            found.append(Span(value, s, e, 0.85))
    for m in index.search(r"(?<![a-z])(?:une?|d['’]une?)\s+(?:candidature|reponse|candidat)\b(?!s)"):
        found.append(Span(1, m.start(), m.end(), 0.8))
    # "n'avons reçu aucune candidature", "aucune candidature n'a été reçue": none came in
    # (not "aucune candidature n'a été retenue", which says none fitted).
    for m in index.search(r"(?:recu|enregistre)\w*\s+(aucune\s+(?:candidature|reponse))|(aucune\s+(?:candidature|reponse))"
                          r"\s+(?:n['’]a\s+ete\s+)?(?:recue|enregistree|ne\s+nous\s+est\s+parvenue)"):
        group = 1 if m.group(1) else 2
        return Span(0, m.start(group), m.end(group), 0.9)
    for span in sorted((f for f in found if f is not None), key=lambda f: f.start):
        after = index.folded[span.end: span.end + 60]
        before = index.folded[max(0, span.start - 40): span.start]
        if re.match(r"[^.\n]{0,25}?\b(?:" + NOT_RECEIVED + r")", after) or re.search(r"(?:" + NOT_RECEIVED + r")\W*$", before):
            continue
        if re.search(RECEIVED_CONTEXT, index.folded[max(0, span.start - 60): span.end + 60]):
            return span
    return None


def _words_with_digits(index: TextIndex, m: re.Match) -> Span | None:
    """'douze (12)': the digits, sure when the words before them say the same."""
    digits = int(m.group(1))
    head = index.folded[max(0, m.start(1) - 40): m.start(1)]
    words = [v for v, _, e in find_number_words(head) if re.fullmatch(r"\s*\(\s*", head[e:])]
    start = m.start(1) - 1
    certainty = 1.0 if words and words[-1] == digits else 0.8
    return Span(digits, start, m.end(1), certainty)


__all__ = ["extract"]
