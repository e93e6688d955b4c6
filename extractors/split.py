"""Splitting a merged scan into pieces.

A piece runs over consecutive pages; a new one starts where the type changes or
where a page opens a new document of the same type (its title in the top third,
or any page of a one-page document type). A page with little evidence of its own
(a contract's signature page) continues the piece before it, and so do a document's certification (an apostille,
a copy's attestation) and a diploma's record of results.
"""
from __future__ import annotations

import re

from extractors.attached_pages import is_certification, is_record_of_results
from extractors.classify import MIN_EVIDENCE, PageScores
from extractors.frenchtext import find_dates
from extractors.textnorm import normalize
from models import Page, PieceType

ONE_PAGE_TYPES = {PieceType.passport, PieceType.id_card, PieceType.residence_permit, PieceType.diploma}
# A page whose best score is under this is a weak page that may continue the piece before it.
CONTINUATION_EVIDENCE = 10.0
_PAGE_OF = re.compile(r"\bpage\s*(\d+)\s*(?:/|sur|of)\s*(\d+)")
# A document's own reference, which a platform or an office prints on every page it hands on ("Document n° VGL260502760",
# "N° de document …"), its cover sheet included: pages that share it are one document.
_DOCUMENT_REFERENCE = re.compile(r"(?:\bdocument\s+(?:n[°o]|no\b\.?|number|ref(?:erence)?\b\.?)|\bn[°o]\s*(?:de\s+|du\s+)?document)"
                                 r"\s*:?\s*([a-z0-9][a-z0-9\-/]{5,})")
# A numbered reference heading every page the same way (a notary's "(2026) … No. 16790" over each page of a notarised
# copy); an identifier of a company or a person repeats on every document of theirs and ties none together.
_RUNNING_REFERENCE = re.compile(r"\b(?:no|n°|nr|ref)\b\.?\s*[:#]?\s*[a-z0-9\-/]*\d{3,}")
_IDENTIFIER_WORDS = re.compile(r"\b(?:siret|siren|tva|naf|ape|urssaf|matricule|passport|passeport|securite\s+sociale)\b")


def split_pages(pages: list[Page], scores: list[PageScores]) -> list[list[int]]:
    """Groups of 0-based page indices, in order, one group per piece."""
    groups: list[list[int]] = []
    current_type: PieceType | None = None
    numbered: tuple[int, int] | None = None
    references: set[str] = set()  # the current piece's document references
    certifying = False  # the current piece is so far only the certification of what follows (a notary's cover)
    for i, (page, score) in enumerate(zip(pages, scores)):
        page_type, evidence = score.best
        previous, numbered = numbered, _page_of(page)
        own, certification = _references(page), is_certification(page)
        # "Page 2 sur 3" after "Page 1 sur 3", or the reference of the pages before: the same document, whatever its
        # words look like
        follows = (previous is not None and numbered == (previous[0] + 1, previous[1])) or bool(own & references)
        # a diploma restated (its translation, its other language's version, its transcript): the same dates; a
        # transcript sent before its diploma as well
        restated = bool(groups) and score.title is None and (
            current_type == PieceType.diploma and page_type in (PieceType.diploma, PieceType.other)
            or page_type == PieceType.diploma and is_record_of_results(pages[groups[-1][0]])
        ) and _restates(pages[groups[-1][0]], page)
        if current_type is None or (not follows and not certifying and not restated
                                    and _opens_piece(page, score, page_type, evidence, current_type)):
            groups.append([i])
            current_type, references, certifying = page_type, set(), certification
        else:
            groups[-1].append(i)
            if restated:
                current_type = PieceType.diploma
            if certifying and not certification:
                current_type, certifying = page_type, False  # the certified document, which gives the piece its type
        references |= own
    return groups


def _restates(first: Page, page: Page) -> bool:
    """Whether `page` gives two or more of the dates of the piece's first page (the holder's birth and the
    degree's award, in any language's spelling): the same degree, not a second one of the same holder (another
    award date), nor another person's paper. The texts a diploma recites ("Vu l'arrêté du 22 janvier 2014 …")
    are every diploma's: their dates are left out."""
    return len(_own_dates(first) & _own_dates(page)) >= 2


# A line reciting a legal text: its date is the text's, printed on every diploma of its kind.
_RECITAL = re.compile(r"^\W*vu\b|\b(?:arrete|decret|loi|ordonnance|circulaire|code)\b")


def _own_dates(page: Page) -> set:
    return {day for line in page.text.splitlines() if not _RECITAL.search(normalize(line))
            for day, _, _ in find_dates(line)}


def _references(page: Page) -> set[str]:
    text = normalize(page.text)
    found = {m.group(1) for m in _DOCUMENT_REFERENCE.finditer(text) if re.search(r"\d", m.group(1))}
    # the first line that is not a bracketed mark ("(Translation)", "[Seal]"), when it is a numbered reference
    top = next((line.strip() for line in text.splitlines()[:3] if line.strip() and not re.fullmatch(r"[(\[].*[)\]]", line.strip())), "")
    if _RUNNING_REFERENCE.search(top) and not _IDENTIFIER_WORDS.search(top):
        found.add(top)
    return found


def _opens_piece(page: Page, score: PageScores, page_type: PieceType, evidence: float,
                 current: PieceType) -> bool:
    if is_certification(page):  # it certifies the document before it
        return False
    if current == PieceType.diploma and is_record_of_results(page):
        return False  # the diploma's transcript, sent with it
    continued = _page_number(page)
    if continued is not None and continued > 1 and page_type in (current, PieceType.other):
        return False
    if page_type == current:
        return current in ONE_PAGE_TYPES or score.title == current
    weak = evidence < CONTINUATION_EVIDENCE and score.title is None
    if weak and current not in ONE_PAGE_TYPES and (page_type == PieceType.other or evidence < MIN_EVIDENCE
                                                   or score.scores.get(current, 0.0) > 0):
        return False
    return True


def _page_number(page: Page) -> int | None:
    numbered = _page_of(page)
    return numbered[0] if numbered else None


def _page_of(page: Page) -> tuple[int, int] | None:
    """A page's "page 2 sur 3": its number and the document's count of pages."""
    match = _PAGE_OF.search(normalize(page.text))
    return (int(match.group(1)), int(match.group(2))) if match else None
