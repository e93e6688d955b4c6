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

from extractors.frenchtext import find_dates
from extractors.letter_dates import labelled_date
from extractors.label_layout import value_by_label
from extractors.textfields import ExtractionBuilder, Span, TextIndex, clean_title, form_values, values_after
from extractors.textnorm import fold
from extractors.value_shapes import date_value
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
QUOTED_TITLE = r"(?:offre|poste|emploi|annonce)[^«\"“\n]{0,40}[«\"“]\s*([^»\"”\n]{3,80}?)\s*[»\"”]"
NOT_TITLE = r"offre|publi|france\s*travail|apec|www|http|rome|\d{2}/\d{2}/\d{4}"

# --- ROME: a letter A-N and four digits; OCR may put a space or misread a digit.
ROME = re.compile(r"(?<![A-Za-z0-9])([A-N])\s?([0-9OIlS]{4})(?![0-9A-Za-z])")
ROME_LABEL = r"\brome\b|code\s+metier|appellation"

# --- publication period
PUBLICATION = r"publie|diffuse|diffusion|mise?\s+en\s+ligne|publication|en\s+ligne"
NOT_PUBLICATION = r"contrat|stage|essai|mission|cdd|embauche|prise\s+de\s+poste|disponib|cree|creation|imprim|actualis"
START_LABELS = (
    r"mise?\s+en\s+ligne\s+(?:le|du)", r"mise?\s+(?:le\s+)?en\s+ligne(?:\s+le)?", r"publiee?\s+(?:le|depuis\s+le)", r"date\s+de\s+(?:publication|mise\s+en\s+ligne|diffusion)",
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
    out.set_exact("offer_reference", value_by_label(index, REFERENCE_LABEL, _reference_value) or _reference(index)
                  or _reference_in_link(index))
    out.set("job_title", _title(index))
    out.set_exact("rome_code", value_by_label(index, ROME_LABEL, _rome_value) or _rome(index))
    start, end = _labelled_period(index)
    if start is None:
        start, end = _period(index)
    out.set_exact("published_from", start or _first_labelled_date(index, START_LABELS))
    out.set_exact("published_to", end or _first_labelled_date(index, END_LABELS))
    return out.build()


def _first_labelled_date(index: TextIndex, labels: tuple[str, ...]) -> Span | None:
    for label in labels:
        span = value_by_label(index, label, date_value)
        if span:
            return span
    return labelled_date(index, labels)


def _reference_value(text: str):
    found = REFERENCE_TOKEN.match(text)
    if found and re.search(r"\d", found.group(1)) and not re.fullmatch(r"[\d/.\-]+", found.group(1)):
        token = found.group(1).strip("-/")
        return token, found.start(1), found.start(1) + len(token)
    return None


def _reference(index: TextIndex) -> Span | None:
    """A reference in running text ("l'offre d'emploi n° 167SWDG, déposée par…")."""
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


# The offer's page address ends with its number: ".../offres/recherche/detail/195CWME".
OFFER_LINK = re.compile(r"(?:offres?/recherche/detail|offre-emploi|offres-emploi|detail-offre)[/=]([A-Z0-9]{6,12})\b",
                        re.IGNORECASE)


def _reference_in_link(index: TextIndex) -> Span | None:
    found = OFFER_LINK.search(index.text)
    if found and re.search(r"\d", found.group(1)):
        return Span(found.group(1).upper(), found.start(1), found.end(1), 0.85)
    return None


def _title(index: TextIndex) -> Span | None:
    for value in form_values(index, TITLE_LABEL) + values_after(index, r"(?:" + TITLE_LABEL + r")\s*:"):
        span = _title_span(index, value.start, value.end, 1.0)
        if span:
            return span
    # A letter quotes the title: "l'offre n° 122CVTW « Ingénieure R&D - H/F »".
    for m in index.search(QUOTED_TITLE):
        span = _title_span(index, m.start(1), m.end(1), 0.9)
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


# A ROME letter read as a digit or a sign by OCR ("11304" for I1304).
_LETTER_LOOKALIKES = str.maketrans({"1": "I", "l": "I", "|": "I", "!": "I", "8": "B", "6": "G", "4": "A", "0": "D"})


def _rome_value(text: str):
    found = ROME.match(text)
    if found:
        return _rome_code(found.group(1), found.group(2)), found.start(), found.end()
    # Under its label, five characters whose first is a letter's look-alike.
    misread = re.match(r"([0-9l|!])\s?([0-9OIlS]{4})(?![0-9A-Za-z])", text)
    if misread:
        code = _rome_code(misread.group(1).translate(_LETTER_LOOKALIKES), misread.group(2))
        # A letter recovered from its look-alike is a guess.
        return (code if code[0] in "ABCDEFGHIJKLMN" else None), misread.start(), misread.end(), 0.6
    return None


def _rome_code(letter: str, digits: str) -> str:
    return letter + digits.translate(str.maketrans({"O": "0", "I": "1", "l": "1", "S": "5"}))


def _rome(index: TextIndex) -> Span | None:
    """Printed without a label, a lone code next to the job ("J1501 - Soins d'hygiène")."""
    found = [f for f in ROME.finditer(index.text) if f.group(2).isdigit()]
    if len(found) != 1:
        return None
    return Span(_rome_code(found[0].group(1), found[0].group(2)), found[0].start(), found[0].end(), 0.8)


def _period_value(text: str):
    """'du 03/11/2025 au 13/01/2026', '05/02/2026 - 20/03/2026' opening the text."""
    lead = re.match(r"(?:du|from)?\s*", fold(text)).end()
    dates = find_dates(text[:80].replace("\n", " "))
    if len(dates) >= 2 and dates[0][1] <= lead + 1:
        (d1, s1, e1), (d2, s2, e2) = dates[:2]
        if d1 <= d2 and re.fullmatch(PERIOD_JOIN, fold(text[e1:s2]).replace("\n", " ")):
            return (d1.isoformat(), d2.isoformat(), s2 - s1, e2 - s1), s1, e1
    return None


PERIOD_LABEL = r"periode\s+de\s+(?:publication|diffusion)|publiee?\s+du|diffusee?\s+du|dates?\s+de\s+(?:publication|diffusion)"


def _labelled_period(index: TextIndex) -> tuple[Span | None, Span | None]:
    span = value_by_label(index, PERIOD_LABEL, _period_value)
    if span is None:
        return None, None
    first, second, s2, e2 = span.value
    return (Span(first, span.start, span.end, span.certainty),
            Span(second, span.start + s2, span.start + e2, span.certainty))


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
