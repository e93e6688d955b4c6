"""A company's name on a registration extract or a certificate: the value of a label
("Raison sociale", "Dénomination", "Employeur"), in a form or a table, or the name a
clause introduces ("atteste que l'entreprise X (SARL) est à jour"); without its legal form."""
from __future__ import annotations

import re

from extractors.frenchtext import fold
from extractors.textfields import Span, TextIndex, company_name_span, values_after

# Another row's label, read as the value when the name's own cell came out empty.
OTHER_LABEL = (
    r"(?:forme\s+juridique|adresse|capital|siege|activite|date|immatriculation|n°|numero|identifiant"
    r"|categorie|sigle|nom\s+commercial|enseigne|gestion|greffe|siren|siret|code|effectif)\b"
)
# Where a name stops in a clause, besides COMPANY_NAME_END's punctuation and keywords.
CLAUSE_END = r"\s+(?:est|a\s+ete|sont|satisfait|s['’]est|au\s+regard|pour|qui|dont)\b"


def _acceptable(name: Span | None) -> bool:
    if name is None:
        return False
    first = str(name.value)[:1]
    return first.isupper() or first.isdigit()


def company_after_labels(index: TextIndex, labels: tuple[str, ...]) -> Span | None:
    """The name a label gives (labels in order of preference), on its line or the next."""
    for label in labels:
        for value in values_after(index, r"(?:^|\n|\s)(?:" + label + r")\b\s*:?"):
            name = company_name_span(index, value)
            if _acceptable(name) and not re.match(OTHER_LABEL, fold(str(name.value))):
                return name
    return None


def company_in_clause(index: TextIndex, clause: str, certainty: float = 0.9) -> Span | None:
    """The name that follows `clause` (folded regex) in running text, which may wrap."""
    for m in index.search(clause):
        chunk_end = min(len(index.text), m.end() + 160)
        text = index.text[m.end(): chunk_end].replace("\n", " ")
        end = re.search(CLAUSE_END, fold(text))
        value = text[: end.start()] if end else text
        name = company_name_span(index, Span(value, m.end(), m.end() + len(value), certainty))
        if _acceptable(name) and re.search(r"[A-Z]{2}", str(name.value)):
            return name
    return None


__all__ = ["company_after_labels", "company_in_clause", "OTHER_LABEL"]
