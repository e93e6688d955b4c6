"""Fields of a job offer as the public employment service prints it (France Travail
offer page or attestation de publication, Apec, the France Travail recruiter space):
its reference, the job title, the ROME code and the publication period.

The reference is the service's own number ("Offre n°", "N° de l'offre", "Réf. Apec"),
never the employer's ("Réf. Société", "Référence interne"). The period is the
publication's ("Publiée du … au …", "Période de publication", "Mise en ligne le" /
"Fin de diffusion le"), never the offer's creation, update or print date.
"""
from __future__ import annotations

import re

from extractors.frenchtext import find_dates, fold
from extractors.letter_dates import labelled_date
from extractors.textfields import ExtractionBuilder, Span, TextIndex, clean_title, form_values, values_after
from models.document import Page
from models.domain import FIELDS, PieceType
from models.records import Extraction

FIELD_NAMES = FIELDS[PieceType.job_offer]

# --- reference
REFERENCE_LABEL = (
    r"(?:offre(?:\s+d['’]emploi)?|annonce)\s+n\s*[°o]\.?(?:\s*\([^)\n]{0,20}\))?"
    r"|n\s*[°o]\.?\s+(?:de\s+l['’]|d['’])?(?:offre|annonce)|numero\s+(?:de\s+l['’]|d['’])(?:offre|annonce)"
    r"|detail\s+de\s+l['’]offre|ref(?:erence)?\.?\s+(?:de\s+l['’]offre|apec|france\s*travail|pole\s*emploi|offre)|identifiant\s+(?:de\s+l['’])?offre"
)
# The employer's own references are not the offer's.
EMPLOYER_REFERENCE = r"(?:societe|interne|entreprise|employeur|recruteur|client|dossier|votre|notre)"
REFERENCE_TOKEN = re.compile(r"(?<![A-Za-z0-9])([A-Z0-9][A-Z0-9\-/]{3,19})(?![A-Za-z0-9])")

# --- title
TITLE_LABEL = (
    r"intitule(?:\s+(?:du\s+poste|de\s+l['’]offre|du\s+metier|de\s+l['’]emploi))?|poste(?:\s+propose|\s+a\s+pourvoir)?"
    r"|emploi(?:\s+propose)?|titre\s+de\s+l['’]offre|appellation(?:\s+metier)?|fonction"
)
# "H/F", "(H/F)", "F/H", "H/F/X", "(F/H)" after a title.
GENDER_MENTION = re.compile(r"\s*[\(\[]?\s*\b[HFhf]\s*/\s*[HFhf](?:\s*/\s*[XNxn])?\b\s*[\)\]]?")
NOT_TITLE = r"offre|publi|france\s*travail|apec|www|http|rome|\d{2}/\d{2}/\d{4}"

# --- ROME: a letter A-N and four digits; OCR may put a space or misread a digit.
ROME = re.compile(r"(?<![A-Za-z0-9])([A-N])\s?([0-9OIlS]{4})(?![0-9A-Za-z])")
ROME_LABEL = r"\brome\b|code\s+metier|appellation"

# --- publication period
PUBLICATION = r"publie|diffuse|diffusion|mise?\s+en\s+ligne|publication|en\s+ligne"
NOT_PUBLICATION = r"contrat|stage|essai|mission|cdd|embauche|prise\s+de\s+poste|disponib|cree|creation|imprim|actualis"
START_LABELS = (
    r"mise?\s+en\s+ligne\s+(?:le|du)", r"publiee?\s+(?:le|depuis\s+le)", r"date\s+de\s+(?:publication|mise\s+en\s+ligne|diffusion)",
    r"debut\s+de\s+(?:publication|diffusion)", r"en\s+ligne\s+depuis\s+le",
)
END_LABELS = (
    r"fin\s+de\s+(?:diffusion|publication|parution)(?:\s+(?:le|prevue\s+le))?", r"date\s+de\s+fin(?:\s+de\s+(?:publication|diffusion))?",
    r"(?:publiee?|diffusee?|en\s+ligne)\s+jusqu['’]au", r"expire\s+le|date\s+d['’]expiration",
)
# "du 03/11/2025 au 13/01/2026", "03/11/2025 - 13/01/2026"
PERIOD_JOIN = r"\s*(?:inclus\s*)?(?:au|a|jusqu['’]au|[-–—>]|→)\s*"


def extract(pages: list[Page]) -> Extraction:
    index = TextIndex(pages)
    out = ExtractionBuilder(index, FIELD_NAMES)
    out.set("offer_reference", _reference(index))
    out.set("job_title", _title(index))
    out.set("rome_code", _rome(index))
    start, end = _period(index)
    out.set("published_from", start or labelled_date(index, START_LABELS))
    out.set("published_to", end or labelled_date(index, END_LABELS))
    return out.build()


def _reference(index: TextIndex) -> Span | None:
    for m in index.search(REFERENCE_LABEL):
        before = index.folded[max(0, m.start() - 12): m.start()]
        if re.search(EMPLOYER_REFERENCE + r"\W*$", before) or re.match(r"\s*" + EMPLOYER_REFERENCE, index.folded[m.end():]):
            continue
        chunk = index.text[m.end(): m.end() + 40]
        for found in REFERENCE_TOKEN.finditer(chunk.split("\n")[0] or chunk):
            token = found.group(1).strip("-/")
            if re.search(r"\d", token) and not re.fullmatch(r"\d{1,2}/\d{1,2}(?:/\d+)?", token):
                return Span(token, m.end() + found.start(1), m.end() + found.start(1) + len(token))
    return None


def _title(index: TextIndex) -> Span | None:
    for value in form_values(index, TITLE_LABEL) + values_after(index, r"(?:" + TITLE_LABEL + r")\s*:"):
        span = _title_span(index, value.start, value.end, 1.0)
        if span:
            return span
    # A France Travail or Apec page opens with the title and its "H/F" mention.
    for m in re.finditer(GENDER_MENTION, index.text):
        line_start, _ = index.line_bounds(m.start())
        span = _title_span(index, line_start, m.start(), 0.9)
        if span:
            return span
    return None


def _title_span(index: TextIndex, start: int, end: int, certainty: float) -> Span | None:
    text = index.text[start:end]
    mention = GENDER_MENTION.search(text)
    if mention:
        end = start + mention.start()
        text = text[: mention.start()]
    # A ROME code or a code after a dash is not part of the title ("Aide-soignant - J1501").
    text = re.split(r"\s+[-–—]\s+[A-N]\s?\d{4}|\s+\(?[A-N]\d{4}\)?$", text)[0]
    title = clean_title(text)
    if len(title) < 3 or re.search(NOT_TITLE, fold(title)) or not re.search(r"[A-Za-zÀ-ÿ]{3}", title):
        return None
    offset = start + index.text[start:end].find(title[:3])
    return Span(title, offset, offset + len(title), certainty)


def _rome(index: TextIndex) -> Span | None:
    for m in index.search(ROME_LABEL):
        chunk = index.text[m.end(): m.end() + 40]
        found = ROME.search(chunk)
        if found:
            return _rome_span(m.end(), found)
    # Printed without a label, a lone code next to the job ("J1501 - Soins d'hygiène").
    found = [f for f in ROME.finditer(index.text) if f.group(2).isdigit()]
    return _rome_span(0, found[0], 0.8) if len(found) == 1 else None


def _rome_span(base: int, found: re.Match, certainty: float = 1.0) -> Span:
    digits = found.group(2)
    fixed = digits.translate(str.maketrans({"O": "0", "I": "1", "l": "1", "S": "5"}))
    # A letter read as a digit is a guess.
    certainty *= 1.0 if fixed == digits else 0.7
    return Span(found.group(1) + fixed, base + found.start(), base + found.end(), certainty)


def _period(index: TextIndex) -> tuple[Span | None, Span | None]:
    """Two dates joined by 'au' or a dash, in a publication's context."""
    text = index.text.replace("\n", " ")
    dates = find_dates(text)
    for (d1, s1, e1), (d2, s2, e2) in zip(dates, dates[1:]):
        if not re.fullmatch(PERIOD_JOIN, index.folded[e1:s2].replace("\n", " ")) or d2 < d1:
            continue
        context = index.folded[max(0, s1 - 160): s1].replace("\n", " ")
        # The nearest wording before the period says what it is.
        last_pub = max((m.end() for m in re.finditer(PUBLICATION, context)), default=-1)
        last_other = max((m.end() for m in re.finditer(NOT_PUBLICATION, context)), default=-1)
        if last_pub > last_other:
            return Span(d1.isoformat(), s1, e1), Span(d2.isoformat(), s2, e2)
    return None, None


__all__ = ["extract"]
