"""Pages attached to a document, which belong to its piece and carry none of its fields.

- The Hague apostille ("apostilla", "apostila"): the page a foreign authority adds to a public document (a diploma,
  a civil-status act) to certify the signature on it. The convention has it headed in French ("Apostille
  (Convention de La Haye du 5 octobre 1961)") whatever the State's language, then ten numbered items naming the
  signatory, the authority, a place, a date and a number.
- A copy's certification: a university's "Verified & attested" back, a notary's "certified true copy" or notarial
  certificate (before the copy or after it), a consulate's legalisation. It names an officer and the day of the certification, never the holder's degree.
- A diploma's record of results (transcript, grade card, statement of marks, relevé de notes) sent with it: a page of
  the diploma's piece in a merged scan, whose names and dates are the diploma's own or its examinations'.
"""
from __future__ import annotations

import re

from extractors.textnorm import normalize
from models import Page

APOSTILLE = re.compile(r"\b(?:apostille|apostilla|apostila)\b[^\n]*\n?[^\n]{0,40}\b(?:convention\s+de\s+la\s+haye|hague\s+convention"
                       r"|convencion\s+de\s+la\s+haya|convencao\s+da\s+haia|haager\s+ubereinkommen)")
HEAD = 400  # characters: the heading opens the page
# A certification heading the page's first lines: a stamp on the document's own page stands anywhere on it.
CERTIFIED_COPY = re.compile(r"\A(?:[^\n]*\n){0,1}[^\n]*\b(?:verified\s*(?:&|and)\s*attested|(?:certified|attested)\s+(?:true\s+)?copy"
                            r"|notarial\s+certificate|certificat\s+notarie|acte\s+notarie"
                            r"|copie\s+certifiee\s+conforme|certificat\s+de\s+legalisation|legali[sz]ation|legalizacion|legalizacao)\b")
# …and it grants nothing itself.
GRANT = re.compile(r"\b(?:confer|decern|delivr|admitted|awarded|granted|degree\s+of|diplome\s+(?:de|d['’])|titulo\s+de)")
RESULTS = re.compile(r"\b(?:transcript|statement\s+of\s+(?:marks|grades|results)|marks?\s*(?:sheet|card|memorandum)|grade\s+(?:card|sheet|report)"
                     r"|academic\s+record|releves?\s+(?:de|des)\s+(?:notes|resultats)|historico\s+(?:escolar|academico)"
                     r"|certificado\s+de\s+(?:notas|calificaciones)|certificato\s+degli\s+esami"
                     # German: "Zeugnis über die Bachelorprüfung", "Akademischer Leistungsausweis", "Notenauszug"
                     r"|zeugnis\s+uber|leistungs(?:ausweis|ubersicht|nachweis)|notenauszug|notenspiegel)\b")


def is_apostille(page: Page) -> bool:
    return bool(APOSTILLE.search(normalize(page.text[:HEAD])))


def is_certification(page: Page) -> bool:
    """The page certifies the document before it: an apostille, a legalisation, a copy's attestation."""
    if is_apostille(page):
        return True
    text = normalize(page.text)
    return bool(CERTIFIED_COPY.search(text)) and not GRANT.search(text)


def is_record_of_results(page: Page) -> bool:
    """The page is headed as a record of results (the diploma's transcript), not as the diploma."""
    return bool(RESULTS.search(normalize(page.text[:HEAD])))


def without_certifications(pages: list[Page]) -> list[Page]:
    """The document's own pages: its certification names its signatory and dates itself, not the document's
    holder nor its date."""
    return [page for page in pages if not is_certification(page)] or pages
