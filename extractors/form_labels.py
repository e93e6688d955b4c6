"""Whether a piece of text is a form's label rather than a value.

Forms print their labels in rows or columns of their own ("Intitulé du poste | Type de
contrat" over "Auxiliaire de vie | CDI"), so the cell beside a label is often the next
label, not its value; a signature block's heading ("Signature du salarié") stands beside
"Pour la société". A value is never a label: a reader that meets one moves on to the next
place the value may be. The vocabulary is the French administrative one (a label's head
word and what it may be "of"), not any one document's wording.
"""
from __future__ import annotations

import re

from extractors.textnorm import fold

# The words a field label opens with.
_HEADS = (
    r"nom|noms|prenoms?|prenom\s*\(s\)|date|dates|lieu|nationalite|sexe|civilite|adresse|domicile|siege|ville"
    r"|code(?:\s+(?:naf|ape|postal))?|telephone|tel|courriel|e-?mail|denomination|raison\s+sociale|forme\s+juridique"
    r"|forme|siret|siren|n°\s*siret|numero|n°|rcs|signataire|signature|represente\s+par|representant|qualite"
    r"|fonction|poste|emploi|intitule|qualification|type|nature|debut|fin|duree|temps|horaires?|heures"
    r"|salaire|remuneration|gratification|gratif\.?|taux|montant|tuteur|tutrice|stagiaire"
    # the people a school names beside the intern: "Enseignant référent", "Référent pédagogique", "Service des stages"
    r"|enseignante?(?:\s+referente?)?|referente?(?:\s+pedagogique)?|service\s+des\s+stages|(?:academic\s+)?supervisor"
    # an English summary sheet's or form's rows
    r"|(?:company\s+)?name|legal\s+form|address|website|department|phone|position"
    r"|salarie|salariee|employeur|organisme|etablissement|sujet|objet|ne\s*\(e\)\s+le|nee?\s+le|effectif|activite"
    r"|immatriculation|capital|dirigeant|greffe|sigle|enseigne|nom\s+commercial|identifiant|categorie"
    r"|situation(?:\s+arretee)?|(?:delivre|etabli|edite|emis|arrete|imprime)e?s?|fait|cotisant|periode|statut"
)
# What a head may be "of": "Date de fin de contrat", "Adresse du siège", "Signature de l'employeur".
_OF = r"(?:\s+(?:de\s+la|de\s+l'|du|des|de|d'|a|en|par|/)\s*[a-z'()\-/.]+){0,3}(?:\s+(?:le|au))?"
# Or a qualifier: "Salaire brut", "Nom de naissance", "Temps de travail", "Heures / semaine".
_QUALIFIER = r"(?:\s+(?:brut|brute|mensuel|mensuelle|annuel|annuelle|horaire|hebdomadaire|sociale?|legal|juridique|usage)){0,2}"
_LABEL = re.compile(
    r"(?:le\s+|la\s+|l'|les\s+)?(?:" + _HEADS + r")" + _QUALIFIER + _OF + _QUALIFIER + r"\s*(?:\(s\))?\s*:?"
)


def is_label(text: str) -> bool:
    """Whether `text` (a cell or a value as read) is itself a form label: 'Type de contrat',
    'Signature du salarié', 'Date de fin de contrat :', 'N° SIRET', 'Heures / semaine'."""
    folded = fold(text).strip(" \t:;|.-–—")
    if not folded or re.search(r"\d", folded) or len(folded.split()) > 6:
        return False
    return _LABEL.fullmatch(folded) is not None


def opens_with_label(text: str, words: int = 3) -> bool:
    """Whether `text` is a label or opens with one ('Forme juridique SAS', 'Nom : X'):
    the cell of another field."""
    tokens = text.split()
    return any(is_label(" ".join(tokens[:k])) for k in range(1, min(words, len(tokens)) + 1))


# The words of the English translation a bilingual form prints after its French labels ("Nom /
# Surname", "Né le / Date of birth", "Organisme d'accueil / Host organisation"): after the slash
# stands the label again, never a value.
_TRANSLATION_WORDS = frozenset("""
surname surnames last family first given name names forename forenames middle maiden date dates of birth place
nationality sex gender qualification degree awarding institution university school country award conferment
issue issued expiry valid until address postcode city phone telephone email employer company host organisation
organization trainee intern student supervisor tutor mentor coordinator start end period duration weekly working
hours per week allowance stipend monthly amount gross salary pay job position registration number no signature
document card type holder remarks
""".split())


def label_translation(texts: list[str], slash: int) -> int:
    """How many words from texts[slash] (a lone '/') on are the English translation of the label
    before it: the slash and the English words that follow, 0 when they are no translation
    ("Licence / Bachelor", "Heures / semaine")."""
    if texts[slash] != "/" or slash == 0 or not re.search(r"[A-Za-zÀ-ÿ)]$", texts[slash - 1]):
        return 0
    taken = slash + 1
    while taken < len(texts) and re.sub(r"\(s\)$", "", fold(texts[taken]).rstrip(":")) in _TRANSLATION_WORDS:
        # a label is written in sentence case (or all capitals): "Awarding institution University of
        # Lagos" ends before the value's capital
        if taken > slash + 1 and not (texts[taken].islower() or texts[taken].isupper() and texts[slash + 1].isupper()):
            break
        taken += 1
        if texts[taken - 1].endswith(":"):
            break
    return taken - slash if taken > slash + 1 else 0


# Small words of a translated label's line ("Date of birth (day/month/year)", "Name of
# qualification and (if applicable) title conferred").
_TRANSLATION_FILLERS = frozenset("of and or the if applicable day month year for main field fields study title conferred code".split())


def translated_label_row(texts: list[str]) -> bool:
    """Whether a row is only the English translation of the label printed above it ("Family
    name(s)" under "Nom(s) patronymique(s)"): label words, no value (a name, a number, a place)."""
    words = [re.sub(r"\(s\)$", "", w) for w in re.findall(r"[^\s/()]+(?:\(s\))?", fold(" ".join(texts)).rstrip(":"))]
    core = [w for w in words if w in _TRANSLATION_WORDS]
    return len(words) >= 2 and bool(core) and all(w in _TRANSLATION_WORDS or w in _TRANSLATION_FILLERS for w in words) \
        and all(t[:1].islower() or t[:1] in "(/" or k == 0 for k, t in enumerate(texts))


__all__ = ["is_label", "label_translation", "opens_with_label", "translated_label_row"]
