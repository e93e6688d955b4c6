"""Fields of a company registration extract: Kbis ("à jour au") or Sirene notice ("À la date du")."""
from __future__ import annotations


import re

from extractors.frenchtext import find_digit_runs, find_sirens, find_sirets
from extractors.parties import cell_company
from extractors.textfields import (
    ExtractionBuilder,
    Span,
    TextIndex,
    company_name_span,
    date_after,
    first_after,
    values_after,
)
from extractors.textnorm import fold
from models.document import Page
from models.domain import FIELDS, PieceType
from models.records import Extraction

FIELD_NAMES = FIELDS[PieceType.company_registration]

NAME_LABELS = (
    r"denomination(?:\s+ou\s+raison\s+sociale|\s+sociale|\s+de\s+l'(?:entreprise|unite\s+legale))?\s*:?",
    r"raison\s+sociale\s*:?",
    r"nom\s+(?:de\s+l'entreprise|de\s+la\s+societe)\s*:?",
)
SIREN_LABELS = (
    r"immatriculation\s+au\s+r\.?c\.?s\.?,?\s*(?:numero|n°)?",
    r"\bsiren\b(?:\s+de\s+l'(?:entreprise|unite\s+legale))?\s*:?",
    r"(?:numero\s+d'(?:identification|immatriculation)|n°\s+d'immatriculation|numero\s+unique)\s*:?",
    r"\br\.?c\.?s\.?\s+[a-z\-']+(?:\s+[a-z\-']+)?\s*[-–—:]?",
)
# The date the extract speaks for, best first; never the registration or creation date.
EXTRACT_DATE_LABELS = (
    r"a\s+jour\s+au",
    # the register's title dating the extract: "… au registre du commerce et des sociétés au 7 janvier 2014"
    r"(?:registre\s+du\s+commerce\s+et\s+des\s+societes|\brcs)\s+au\b",
    r"a\s+la\s+date\s+du",
    r"(?:extrait|avis|document)\s+(?:delivre|etabli|edite|genere)\s+le|delivre\s+le",
    r"situation\s+au|en\s+date\s+du",
    # the day the document was issued, under another name: "Date d'édition", "édité le",
    # "Certificat établi à Lyon, le" (never "immatriculé le", the registration)
    r"date\s+d['’](?:edition|extraction|emission|impression)|date\s+de\s+(?:l['’]extrait|delivrance|generation)",
    r"\b(?:edite|etabli|emis|genere|imprime|delivre)e?\s+(?:a\s+[^,\n]{1,40},?\s+)?le\b",
)
# A company named in a sentence: "certifie que la société X, société par actions…".
PROSE_NAME = r"\b(?:la\s+societe|l['’]entreprise)\s+(?:denommee\s+|dite\s+)?"


def extract(pages: list[Page]) -> Extraction:
    index = TextIndex(pages)
    out = ExtractionBuilder(index, FIELD_NAMES)
    out.set("company_name", _company_name(index))
    out.set("siren", _siren(index))
    for label in EXTRACT_DATE_LABELS:
        out.set("extract_date", date_after(index, label, window=40))
    return out.build()


# Another row's label, read as the value when the name's own cell came out empty.
OTHER_LABEL = (
    r"(?:forme\s+juridique|adresse|capital|siege|activite|date|immatriculation|n°|numero|identifiant"
    r"|categorie|sigle|nom\s+commercial|enseigne|gestion|greffe)\b"
)


def _company_name(index: TextIndex) -> Span | None:
    for label in NAME_LABELS:
        for value in values_after(index, r"(?:^|\n|\s)" + label):
            name = company_name_span(index, value)
            if name and not re.match(OTHER_LABEL, fold(str(name.value))):
                return name
    # a grid's label over its value, the cell beside it holding the next label
    in_cell = cell_company(index, "|".join(NAME_LABELS))
    if in_cell:
        return in_cell
    for value in values_after(index, PROSE_NAME, next_line=False):
        # a name, not the sentence going on ("la société par actions simplifiée…")
        name = company_name_span(index, value) if re.match(r"[«\"]?\s*[A-Z0-9]", str(value.value)) else None
        if name:
            return Span(name.value.strip("«» \""), name.start, name.end, 0.9)
    return None


def _siren(index: TextIndex) -> Span | None:
    for label in SIREN_LABELS:
        span = first_after(index, label, find_sirens, window=30)
        if span:
            return span
    # Only a SIRET printed: its first nine digits are the SIREN.
    sirets = find_sirets(index.text)
    if sirets:
        digits, s, e = sirets[0]
        return Span(digits[:9], s, e, 0.7)
    runs = find_digit_runs(index.text, 9)
    if runs:
        digits, s, e = runs[0]
        return Span(digits, s, e, 0.5)
    return None


__all__ = ["extract"]
