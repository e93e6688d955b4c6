"""What a field's value looks like, for finding it near its label (extractors/label_layout.py):
each function takes the text where a value may start and returns (value, start, end) when
that text opens with such a value, else None."""
from __future__ import annotations

import re

from extractors.frenchtext import find_dates, find_sirens, find_sirets
from extractors.textnorm import fold

# Words of a form's labels: a cell made of them is another label, not a value.
LABEL_WORDS = (
    r"(?:forme\s+juridique|adresse|capital|siege|activite|date|immatriculation|n°|numero|identifiant|categorie"
    r"|sigle|nom\s+commercial|enseigne|gestion|greffe|siren|siret|code|effectif|situation|delivre|compte"
    r"|etablissement|denomination|raison\s+sociale|periode|masse\s+salariale|objet|madame|monsieur|attestation"
    r"|certificat)(?![a-z])"
)
SENTENCE_GOES_ON = r"(?:est|sont|a|ont|etait|atteste|certifie|designee?|ci-dessus|susvisee?|dont|qui)\b"
MAX_NAME_WORDS = 8
HEADING_PARTICIPLE = r"(?:attest|concern|design|identifi|mentionn|vis|cit|denomm)ee?s?"
# At most this many characters of stray marks before the value.
_LEAD = 3


def date_value(text: str):
    found = find_dates(text[:40])
    if found and found[0][1] <= _LEAD:
        date, s, e = found[0]
        return date.isoformat(), s, e
    return None


def siren_value(text: str):
    found = find_sirens(text[:30].replace("\n", " "))
    if found and found[0][1] <= _LEAD:
        return found[0]
    return None


def siren_of_siret_value(text: str):
    """An establishment's SIRET standing for its company: the SIREN is its first nine digits."""
    found = find_sirets(text[:40].replace("\n", " "))
    if found and found[0][1] <= _LEAD:
        digits, s, e = found[0]
        return digits[:9], s, e, 0.85
    return None


def company_value(text: str):
    """A name: starts with a capital or a digit, has capitals, is not another label nor a number."""
    line = text.split("\n")[0].strip()
    if not line or not (line[0].isupper() or line[0].isdigit()) or re.match(LABEL_WORDS, fold(line)):
        return None
    # Another label on the same line ends the name ("LUMEN PAYSAGES  Date de délivrance : …").
    other = re.search(r"\s(?:" + LABEL_WORDS + r")", fold(line))
    if other:
        line = line[: other.start()].rstrip(" :;,|-")
    if len(re.findall(r"[A-ZÀ-Þ]", line)) < 2 or len(re.findall(r"\d", line)) > len(line) / 3:
        return None
    # The rest of a sentence ("LE COTISANT EST À JOUR DE SES OBLIGATIONS…") is no name.
    if re.match(SENTENCE_GOES_ON, fold(line)) or len([w for w in line.split() if re.search(r"\w", w)]) > MAX_NAME_WORDS:
        return None
    # A heading's participle after its label word ("ENTREPRISE ATTESTÉE", "EMPLOYEUR CONCERNÉ") names no one.
    if re.fullmatch(HEADING_PARTICIPLE, fold(line)):
        return None
    start = text.find(line)
    return line, start, start + len(line)


__all__ = ["date_value", "siren_value", "siren_of_siret_value", "company_value", "LABEL_WORDS"]
