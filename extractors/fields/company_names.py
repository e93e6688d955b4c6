"""A company's name on a registration extract or a certificate: the value of a label
("Raison sociale", "Dénomination", "Employeur"), in a form or a table, the name a
clause introduces ("atteste que l'entreprise X (SARL) est à jour"), or the addressee
of a letter (name, street, postcode and city); without its legal form."""
from __future__ import annotations

import re

from extractors.textfields import Span, TextIndex, company_name_span, values_after
from extractors.textnorm import fold

# Another row's label, read as the value when the name's own cell came out empty.
OTHER_LABEL = (
    r"(?:forme\s+juridique|adresse|capital|siege|activite|date|immatriculation|n°|numero|identifiant"
    r"|categorie|sigle|nom\s+commercial|enseigne|gestion|greffe|siren|siret|code|effectif"
    # half of a label wrapped in its cell ("Raison" / "sociale")
    r"|raison|sociale"
    # the sentence going on after a label in running text ("Le cotisant est à jour …", "Vous disposez …")
    r"|est|sont|a\s+ete|n['’]est|vous|nous|il|elle|ils|elles|je|on)\b"
)
# A label's word used in a sentence, after its article or a clause's "que" ("des déclarations du
# cotisant", "certifie que SOCIÉTÉ NOUVELLE …": the name's own word).
IN_A_SENTENCE = r"\b(?:du|de|des|le|la|les|au|aux|l['’]|d['’]|son|sa|ses|votre|notre|leur|cet|cette|que)\s*$"
# What makes a label a number's ("N° employeur", "Numéro d'entreprise"), before the label's word.
NUMBER_LABEL_END = r"(?:\bn°|\bno\.?|numero(?:\s+d['’]?)?|\bcode|identifiant)\s*$"
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
        # "N° employeur" labels a number, not a name
        # "…déclarations du cotisant." names no one: a label, not a word of a sentence
        for value in values_after(index, r"(?:^|\n|\s)(?:" + label + r")\b\s*:?",
                                  not_preceded_by=NUMBER_LABEL_END + "|" + IN_A_SENTENCE):
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


# A postcode and its city opening a line: the end of an address block.
_POSTCODE_CITY = re.compile(r"^\s*(?:F-)?\d{5}\s+[A-Za-zÀ-ÿ]")
# Lines of an address between the name and the postcode: a street, a building, a box.
_STREET = (r"^\s*(?:\d+\s*(?:bis|ter)?\b|rue|avenue|av\.|boulevard|bd\b|chemin|place|route|allee|quai|impasse"
           r"|cours|lieu-dit|zone|za\b|zi\b|parc|batiment|bat\.|residence|bp\b|cs\b|tsa\b|cedex|immeuble)")
# The sender's own block (the certifying body) is no addressee.
SENDER_WORDS = r"urssaf|\bmsa\b|mutualite|caisse|cgss|france\s*travail|pole\s*emploi|apec|service|direction|agence|greffe"


def addressee_company(index: TextIndex, certainty: float = 0.8) -> Span | None:
    """The company a letter is addressed to: the line above its street lines and postcode."""
    lines = index.text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for i, line in enumerate(lines):
        # The street and the postcode on one line, or the postcode opening its own.
        one_line = re.match(_STREET, fold(line)) and re.search(r"\b\d{5}\s+[A-Za-zÀ-ÿ]", line)
        if not (one_line or _POSTCODE_CITY.match(line)):
            continue
        j = i - 1
        while j >= 0 and i - j <= 3 and re.match(_STREET, fold(lines[j])):
            j -= 1
        if j < 0 or (j == i - 1 and not one_line) or re.search(SENDER_WORDS, fold(lines[j])):
            continue  # no street line between: a postcode in running text, or the sender
        if index.in_footer(starts[j], starts[j] + len(lines[j])):
            continue  # the footer's firm (an accountant's, a portal's) is never the addressee
        name = company_name_span(index, Span(lines[j], starts[j], starts[j] + len(lines[j]), certainty))
        if _acceptable(name) and re.search(r"[A-Z]{2}", str(name.value)) and not re.match(OTHER_LABEL, fold(str(name.value))):
            return name
    return None


__all__ = ["company_after_labels", "company_in_clause", "addressee_company", "OTHER_LABEL"]
