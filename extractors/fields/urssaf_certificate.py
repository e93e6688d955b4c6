"""Fields of an attestation de vigilance (Urssaf, CGSS overseas, MSA): the company,
its SIREN, the date the certificate was delivered and its security code.

Certificates come as forms ("Raison sociale  X", "SIREN  123 456 789",
"Délivrée le : …") or as letters ("Nous attestons que l'entreprise X (SARL),
immatriculée sous le numéro SIREN …", dated "Nice, le 7 janvier 2026"). Never the
contributor account number, an establishment's SIRET taken whole, the date the
situation is "arrêtée au" nor the reference period.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from extractors.fields.company_names import (
    addressee_company,
    company_after_labels,
    company_in_clause,
)
from extractors.frenchtext import find_sirens, find_sirets
from extractors.label_layout import value_by_label
from extractors.letter_dates import labelled_date, signature_date
from extractors.textfields import ExtractionBuilder, Span, TextIndex, company_name_span
from extractors.textnorm import fold
from extractors.value_shapes import (
    company_value,
    date_value,
    siren_of_siret_value,
    siren_value,
)
from models.document import Page
from models.domain import FIELDS, PieceType
from models.records import Extraction

FIELD_NAMES = FIELDS[PieceType.urssaf_certificate]

NAME_LABELS = (
    # OCR may run the two words together, misread the space or a letter ("RAISONTSOCTALE", "RATSON")
    r"(?:nom\s+ou\s+)?ra[il1t|!]s[o0]n(?:\s+|\S?)soc[il1t]ale", r"denomination(?:\s+sociale)?", r"nom\s+de\s+l['’](?:entreprise|exploitation|employeur)",
    r"entreprise", r"employeur", r"cotisant", r"societe", r"exploitation",
    # the establishment a certificate names ("Établissement principal :", "Établissement du siège")
    r"etablissement(?:\s+(?:principal|du\s+siege|siege))?",
)
# "Nous attestons que l'entreprise X (SARL), immatriculée…", "certifie que la société X est à jour"
NAME_CLAUSE = (
    r"(?:attest\w*|certifi\w*)\s+que\s+(?:l['’]entreprise|la\s+societe|l['’]employeur|l['’]exploitation"
    r"|l['’]etablissement|le\s+cotisant|l['’]association)?\s*"
)
# OCR misreads a letter of a printed label ("STREN", "S1REN"): one look-alike is allowed.
# A number labelled as another party's ("SIREN du client", "SIRET du donneur d'ordre": a compliance platform's or a
# client's sheet about the certified company) is not the certified company's.
OTHER_PARTY = (r"(?!\s+(?:du|de\s+la|de\s+l['’]|de\s+votre)\s*(?:client|donneur|demandeur|plateforme|mandataire|cabinet"
               r"|expert|prestataire\s+de))")
SIREN_LABEL = r"(?:\bs[il1t|]ren\b|\bn[°o]\s*siren|numero\s+siren|identifiant\s+siren)" + OTHER_PARTY
SIRET_LABEL = r"\bsiret\b" + OTHER_PARTY
# The attestation's title on its own line, where its own text starts.
OWN_HEADING = r"(?m)^[ \t]*attestation\s+de\s+vigilance[ \t]*$"
ISSUE_LABELS = (
    r"delivree?\s+le", r"date\s+de\s+delivrance", r"(?:date\s+d['’]|\b)(?:edition|emission)(?:\s+le)?",
    r"(?:editee?|etablie?|emise?|generee?)\s+le", r"date\s+de\s+l['’]attestation", r"attestation\s+du",
)
SECURITY_LABEL = (r"code\s+(?:de\s+)?securite|code\s+d['’]authentification|code\s+de\s+(?:verification|controle)"
                  r"|\bidentifiant(?!\s+siren)(?:\s+de\s+l['’]attestation)?")
# 15 characters, maybe in groups of five.
SECURITY_CODE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z0-9]{5}[ \-]?[A-Za-z0-9]{5}[ \-]?[A-Za-z0-9]{5})(?![A-Za-z0-9])")
# Right after its label, OCR may cut a group with a stray space ("827 Y2"): 15 characters, any one space between.
LABELLED_CODE = re.compile(r"(?<![A-Za-z0-9])((?:[A-Za-z0-9][ \-]?){14}[A-Za-z0-9])(?![A-Za-z0-9])")


def extract(pages: list[Page]) -> Extraction:
    index = TextIndex(pages)
    out = ExtractionBuilder(index, FIELD_NAMES)
    out.set("company_name", _company(index))
    # the attestation's own identification first: a cover sheet before it names the client too
    own = next((m.end() for m in index.search(OWN_HEADING)), 0)
    # an accountant's number is no certified company's, unless the company is itself a firm of accountants
    firm = out.get("company_name") is not None and re.search(ACCOUNTANT, fold(str(out.get("company_name"))))
    theirs = (lambda pos: False) if firm else (lambda pos: _accountants(index, pos))
    labelled = (value_by_label(index, SIREN_LABEL, siren_value, start=start) for start in ((own, 0) if own else (0,)))
    out.set_exact("siren", next((span for span in labelled if span is not None and not theirs(span.start)), None)
                  or _siret_siren(index, theirs) or _siren(index, theirs))
    out.set_exact("issue_date", _issue_date(index))
    out.set_exact("security_code", value_by_label(index, SECURITY_LABEL, _code_value) or _code_after_label(index)
                  or _lone_code(index))
    return out.build()


# Words that label a name only as a row's header: in a sentence they are its words
# ("certifie que SOCIÉTÉ NOUVELLE DES CÈDRES", "déclarations du cotisant").
GENERIC_LABELS = NAME_LABELS[3:]


def _company(index: TextIndex) -> Span | None:
    for label in NAME_LABELS:
        span = value_by_label(index, r"(?<![\w'’])" + label + r"\b", company_value, opens_cell=label in GENERIC_LABELS)
        name = company_name_span(index, span) if span else None
        if name:
            return name
    return company_after_labels(index, NAME_LABELS) or company_in_clause(index, NAME_CLAUSE) or addressee_company(index)


def _issue_date(index: TextIndex) -> Span | None:
    for label in ISSUE_LABELS:
        span = value_by_label(index, label, date_value)
        if span:
            return span
    return labelled_date(index, ISSUE_LABELS) or _letter_date(index)


# An accountant's own identification: the firm that forwarded or printed the certificate.
# (the word's end as OCR may misread it: "experts-comptabtes")
ACCOUNTANT = r"experts?[\s-]+compta|expertise\s+compta|commissaires?\s+aux\s+comptes|cabinet\s+comptable"


def _accountants(index: TextIndex, pos: int) -> bool:
    """Whether a number at `pos` is in an accountant's signature or letterhead: its line, or
    one of the three before it, names the profession ("SIRET … - Société inscrite au tableau
    de l'Ordre des experts-comptables", under "Expertise comptable, paie et conseil")."""
    return bool(re.search(ACCOUNTANT, index.folded[index.line_start_above(pos, 3):index.line_bounds(pos)[1]]))


def _siret_siren(index: TextIndex, theirs: Callable[[int], bool]) -> Span | None:
    """The SIREN of a SIRET's label, unless it is the firm's that printed or forwarded it (in
    the footer, or an accountant's signature)."""
    span = value_by_label(index, SIRET_LABEL, siren_of_siret_value)
    if span is None or index.in_footer(span.start, span.end) or theirs(span.start):
        return None
    return span


def _siren(index: TextIndex, theirs: Callable[[int], bool]) -> Span | None:
    """The nine digits after a SIREN label; else the first nine of a SIRET, not the footer's firm's."""
    for label, finder, certainty in ((SIREN_LABEL, find_sirens, 1.0), (SIRET_LABEL, find_sirets, 0.85)):
        for m in index.search(label):
            if index.in_footer(m.start(), m.end()) or theirs(m.start()):
                continue
            # A number wrapped at a line's end still reads as one ("SIREN 382\n406 817").
            chunk = index.text[m.end(): m.end() + 40].replace("\n", " ")
            found = finder(chunk)
            if found:
                digits, s, e = found[0]
                return Span(digits[:9], m.end() + s, m.end() + e, certainty)
    return None


def _letter_date(index: TextIndex) -> Span | None:
    """A letter's own date ("Nice, le 7 janvier 2026") stands for its delivery date."""
    span = signature_date(index)
    if span:
        span.certainty *= 0.95
    return span


def _code_after_label(index: TextIndex) -> Span | None:
    """The first code in the few lines after its label, wherever the layout put it."""
    for m in index.search(SECURITY_LABEL):
        chunk = index.text[m.end(): m.end() + 80]
        for found in SECURITY_CODE.finditer(chunk):
            value = _code_value(found.group(1))
            if value:
                return Span(value[0], m.end() + found.start(1), m.end() + found.end(1), 0.9)
    return None


def _lone_code(index: TextIndex) -> Span | None:
    """Without a readable label: the one 15-character code the page prints (maybe twice)."""
    codes = {}
    for found in SECURITY_CODE.finditer(index.text):
        value = _code_value(found.group(1), labelled=False)
        if value:
            codes.setdefault(value[0].replace(" ", ""), Span(value[0], found.start(1), found.end(1), 0.7))
    return next(iter(codes.values())) if len(codes) == 1 else None


def _code_value(text: str, labelled: bool = True) -> tuple[str, int, int] | None:
    """A security code opening `text`: 15 capitals and digits, maybe in groups of five.
    Away from its label, three groups of capitals only could be words: a digit is asked."""
    found = SECURITY_CODE.match(text)
    regrouped = False
    if found is None and labelled:
        found, regrouped = LABELLED_CODE.match(text), True
    code = found.group(1) if found else ""
    if not found or code.upper() != code or not re.search(r"[A-Z]", code):
        return None
    if not labelled and not re.search(r"\d", code) and re.search(r"[ \-]", code):
        return None
    if regrouped:  # printed in groups of five: the stray space was OCR's
        bare = re.sub(r"[ \-]", "", code)
        return " ".join(bare[k:k + 5] for k in range(0, 15, 5)), found.start(1), found.end(1)
    return re.sub(r"[ \-]+", " ", code).upper(), found.start(1), found.end(1)


__all__ = ["extract"]
