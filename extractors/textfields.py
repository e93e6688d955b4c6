"""Shared helpers of the text-field extractors: a searchable text over pages that maps
every span back to its words (for boxes and confidences), label/value reading,
person names, company names, and the result builder.

Rules match on a folded copy of the text (lower case, no accents) of the same
length, so a span found there slices the original text as printed.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from extractors.columns import cell_breaks, reading_rows
from extractors.form_labels import is_label, label_translation, translated_label_row
from extractors.frenchtext import (
    find_amounts,
    find_dates,
    find_digit_runs,
    find_hours,
    find_numbers,
    find_sirets,
    is_annual,
    WEEKS_PER_MONTH,
)
from extractors.textnorm import fold
from models.document import Page, Word, union_boxes
from models.records import Extraction, FieldBox, FieldValue

# ---------------------------------------------------------------- text index


@dataclass
class Span:
    """A value read from the text, where it was read, and how sure the rule is."""

    value: FieldValue
    start: int
    end: int
    certainty: float = 1.0
    # Identifiers, dates and counts are wrong when any one of their words is: their
    # confidence is their weakest word's, not the words' mean.
    weakest: bool = False


# Below this share of a page's height begins its footer.
FOOTER_TOP = 0.88


class TextIndex:
    """The text of a piece's pages, one line per line, with each word's offsets."""

    def __init__(self, pages: list[Page]) -> None:
        parts: list[str] = []
        self.words: list[tuple[int, int, int, Word]] = []  # start, end, page number, word
        # rows left out as a label's translation printed under it: page number and box
        self.glosses: list[tuple[int, tuple[float, float, float, float]]] = []
        offset = 0
        for page in pages:
            for words in map(_without_notes, map(_without_label_translations, reading_rows(page))):
                if translated_label_row([w.text for w in words]):
                    # "Family name(s)" under "Nom(s) patronymique(s)": the label again
                    self.glosses.append((page.number, union_boxes([w.bbox for w in words])))
                    continue
                # a wide gap between two cells of a row reads as a tab: a value never runs
                # on into the next cell's words ("00267<tab>8610Z" is a SIRET and a NAF code)
                breaks = set(cell_breaks(words))
                for k, word in enumerate(words):
                    if k:
                        parts.append("\t" if k in breaks else " ")
                        offset += 1
                    parts.append(word.text)
                    self.words.append((offset, offset + len(word.text), page.number, word))
                    offset += len(word.text)
                parts.append("\n")
                offset += 1
        self.text = "".join(parts)
        self.folded = fold(self.text)

    def words_in(self, start: int, end: int) -> list[tuple[int, Word]]:
        return [(page, w) for s, e, page, w in self.words if s < end and e > start]

    def boxes(self, start: int, end: int) -> list[FieldBox]:
        by_page: dict[int, list] = {}
        for page, word in self.words_in(start, end):
            by_page.setdefault(page, []).append(word.bbox)
        return [FieldBox(page=page, bbox=union_boxes(boxes)) for page, boxes in sorted(by_page.items())]

    def confidence(self, start: int, end: int, weakest: bool = False) -> float:
        words = self.words_in(start, end)
        if not words:
            return 0.0
        if weakest:
            return min(w.confidence for _, w in words)
        return sum(w.confidence for _, w in words) / len(words)

    def line_bounds(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, (len(self.text) if end < 0 else end)

    def line_start_above(self, pos: int, lines: int) -> int:
        """Where the line `lines` lines above `pos`'s line starts (the text's start at most)."""
        start = self.line_bounds(pos)[0]
        for _ in range(lines):
            start = self.text.rfind("\n", 0, max(0, start - 1)) + 1
        return start

    def in_footer(self, start: int, end: int) -> bool:
        """Whether text[start:end] stands at the foot of its page, where a page prints its sender's
        or its printer's own name, address and numbers (an accountant's, a portal's)."""
        words = self.words_in(start, end)
        return bool(words) and min(word.bbox[1] for _, word in words) >= FOOTER_TOP

    def within(self, start: int, end: int) -> TextIndex:
        """The text from `start` to `end` as an index of its own (offsets from its start): the part
        of a page that is the document (a translation's, without the translator's header and
        certification)."""
        part = object.__new__(TextIndex)
        part.text, part.folded = self.text[start:end], self.folded[start:end]
        part.words = [(s - start, e - start, page, w) for s, e, page, w in self.words if s >= start and e <= end]
        part.glosses = self.glosses
        return part

    def search(self, pattern: str, start: int = 0) -> list[re.Match]:
        """Matches of a regex written for folded text (lower case, no accents)."""
        return list(_compiled(pattern).finditer(self.folded, start))


def _without_label_translations(words: list[Word]) -> list[Word]:
    """A row of words without the English translations of its labels ("Nom / Surname BÙI" reads
    "Nom BÙI"): the French label then stands right before its value, as on a French form."""
    texts = [w.text for w in words]
    kept: list[Word] = []
    k = 0
    while k < len(words):
        skip = label_translation(texts, k) if texts[k] == "/" else 0
        if skip:
            k += skip
            continue
        kept.append(words[k])
        k += 1
    return kept


def _without_notes(words: list[Word]) -> list[Word]:
    """A row without its bracketed notes ("[N.d.T. : nom et prénom(s) transcrits selon le passeport
    du titulaire]", "[Signature illisible]"): a translator's or an editor's words, not the document's."""
    kept: list[Word] = []
    k = 0
    while k < len(words):
        text = words[k].text
        if text.startswith("[") and len(text) > 1 and text[1].isalpha() and not text.endswith(("]", "}")):
            close = next((j for j in range(k + 1, len(words)) if words[j].text.endswith(("]", "}"))), None)
            if close is not None:
                k = close + 1
                continue
        kept.append(words[k])
        k += 1
    return kept


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# ---------------------------------------------------------------- result builder


class ExtractionBuilder:
    """Collects one Span per field and turns them into an Extraction with every field present."""

    def __init__(self, index: TextIndex, field_names: tuple[str, ...]) -> None:
        self.index = index
        self.field_names = field_names
        self.spans: dict[str, Span] = {}

    def set(self, name: str, span: Span | None) -> None:
        assert name in self.field_names, name
        if span is not None and span.value is not None and name not in self.spans:
            self.spans[name] = span

    def get(self, name: str) -> FieldValue:
        span = self.spans.get(name)
        return None if span is None else span.value

    def set_exact(self, name: str, span: Span | None) -> None:
        """A value every word of which must be right (an identifier, a date, a count)."""
        if span is not None:
            span.weakest = True
        self.set(name, span)

    def build(self) -> Extraction:
        fields: dict[str, FieldValue] = {}
        confidence: dict[str, float] = {}
        boxes: dict[str, list[FieldBox]] = {}
        for name in self.field_names:
            span = self.spans.get(name)
            fields[name] = None if span is None else span.value
            if span is None:
                continue
            if span.end > span.start:
                confidence[name] = round(self.index.confidence(span.start, span.end, span.weakest) * span.certainty, 3)
                boxes[name] = self.index.boxes(span.start, span.end)
            else:
                confidence[name] = round(span.certainty, 3)
                boxes[name] = []
        return Extraction(fields=fields, field_confidence=confidence, field_boxes=boxes)


# ---------------------------------------------------------------- labels and values

_VALUE_LEAD = re.compile(r"[ \t:;|.\-–—_=>»«\"'’]*")
_VALUE_TRAIL = " \t:;|,.-–—_«»\"'’"


def values_after(
    index: TextIndex,
    label: str,
    stop: str | None = None,
    next_line: bool = True,
    start: int = 0,
    not_preceded_by: str | None = None,
) -> list[Span]:
    """The text following each match of `label` on its line, up to `stop` (folded regex)
    or the line's end. When nothing follows the label on its line (OCR often puts the
    value below), the next line is taken instead. Labels whose preceding words match
    `not_preceded_by` (folded regex ending with $) are skipped."""
    spans = []
    for m in index.search(label, start):
        if not_preceded_by and re.search(not_preceded_by, index.folded[max(0, m.start() - 80): m.start()]):
            continue
        pos = m.end() + _VALUE_LEAD.match(index.text, m.end()).end() - m.end()
        _, line_end = index.line_bounds(m.end())
        if pos >= line_end and next_line and line_end < len(index.text):
            pos = line_end + 1
            _, line_end = index.line_bounds(pos)
            pos += _VALUE_LEAD.match(index.text, pos).end() - pos
        # a value never runs on into the next cell of its row
        tab = index.text.find("\t", pos, line_end)
        end = line_end if tab < 0 else tab
        if stop:
            s = _compiled(stop).search(index.folded, pos, end)
            if s:
                end = s.start()
        value_start, value_end = _trim(index.text, pos, end)
        # the next cell's label ("Intitulé du poste<tab>Type de contrat") is no value
        if value_end > value_start and not is_label(index.text[value_start:value_end]):
            spans.append(Span(index.text[value_start:value_end], value_start, value_end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _VALUE_TRAIL:
        start += 1
    while end > start and text[end - 1] in _VALUE_TRAIL:
        end -= 1
    return start, end


# A label opening its line, maybe after a bullet or a number's stray marks.
_LINE_START = r"(?:^|\n)[^\w\n]*"


def form_values(index: TextIndex, label: str, stop: str | None = None, start: int = 0) -> list[Span]:
    """Values of a form field whose label (folded regex) opens its line: after a colon
    (or on the next line when the colon ends it), or after spaces on the same line, as a
    table's left column reads ('Stagiaire   KOUASSI Marie-Laure'). Without a colon the
    value must start with a capital or a digit, so a sentence opening with the label
    ('Le stagiaire perçoit...') is not a value."""
    with_colon = values_after(index, _LINE_START + "(?:" + label + r")[ \t]*:", stop=stop, start=start)
    bare = values_after(index, _LINE_START + "(?:" + label + r")(?=[ \t]+[^\s:])", stop=stop,
                        next_line=False, start=start)
    bare = [v for v in bare if not str(v.value)[:1].islower()]
    return sorted({v.start: v for v in with_colon + bare}.values(), key=lambda v: v.start)


def first_after(index: TextIndex, label: str, finder, window: int = 80) -> Span | None:
    """The first value `finder(text) -> [(value, start, end)]` finds within `window`
    characters after a match of `label`; labels are tried in reading order."""
    for m in index.search(label):
        # running text wraps anywhere, even inside a date ("19 juillet\n2026"): same length
        chunk = index.text[m.end(): m.end() + window].replace("\n", " ")
        found = finder(chunk)
        if found:
            value, s, e = found[0]
            return Span(value, m.end() + s, m.end() + e)
    return None


def date_after(index: TextIndex, label: str, window: int = 60) -> Span | None:
    span = first_after(index, label, find_dates, window)
    if span:
        span.value = span.value.isoformat()
    return span


# A part's header opens its own line, maybe numbered ("2 - L'ORGANISME D'ACCUEIL", "3 LE STAGIAIRE").
# Or a clause introduces it ("Entre : l'établissement …", "et : l'entreprise …", "concernant l'étudiant(e) :").
_HEADER_LEAD = (r"(?:^|\n)[^\w\n]*(?:(?:\d+|[ivx]+)\s*[.\-–—)]?\s*|[a-h]\s*[.)]\s*)?"
                r"(?:(?:entre|et|concernant|d'une\s+part|d'autre\s+part)\s*:?\s*)?(?:l'|le\s+|la\s+|les\s+|the\s+)?")
# After the header's words: a gloss in brackets and "ci-dessous désigné(e)".
_HEADER_TAIL = r"(?:\s*\([^)\n]{0,60}\))?(?:\s+ci-(?:dessous|apres)\s+(?:designee?s?|denommee?s?|nommee?s?)(?:\s*\(e\))?)?"


def section_start(index: TextIndex, header: str) -> int | None:
    """Where the part titled by `header` (folded regex, alone on its line) starts."""
    starts = section_starts(index, header)
    return starts[0] if starts else None


def section_starts(index: TextIndex, header: str) -> list[int]:
    """Where each part titled by `header` starts: a summary sheet's part, then the agreement's own."""
    hits = index.search(_HEADER_LEAD + "(?:" + header + r")" + _HEADER_TAIL + r"[ \t]*:?[ \t]*(?=\n|$)")
    # a label wrapped in its cell leaves its end alone on the next line ("Coordinateur(rice) de" / "l'établissement"):
    # no heading
    return [m.end() for m in hits if not _wrapped_label_end(index, m.start())]


def _wrapped_label_end(index: TextIndex, at: int) -> bool:
    line_start = index.text.rfind("\n", 0, at + 1)
    if line_start <= 0:
        return False
    previous = index.folded[index.text.rfind("\n", 0, line_start) + 1:line_start]
    return re.search(RUNS_ON, previous) is not None


# ---------------------------------------------------------------- identifiers

SIRET_LABEL = r"\bsiret\b|\bn[°o]\s*siret|numero\s+siret"
MALFORMED_SIRET_DIGITS = range(9, 17)
MALFORMED_SIRET_CERTAINTY = 0.5


def siret_span(index: TextIndex, after: int = 0) -> Span | None:
    """The SIRET printed after a SIRET label (from `after` on), else the first 14-digit number."""
    for m in index.search(SIRET_LABEL, after):
        # A number wrapped at the end of a line still reads as one ("SIRET 385\n182 514 00062").
        window = index.text[m.end(): m.end() + 40].replace("\n", " ")
        found = find_sirets(window)
        if found:
            digits, s, e = found[0]
            return Span(digits, m.end() + s, m.end() + e)
        # A number printed as the SIRET that has not its 14 digits is read as printed (the
        # checks then say it is no SIRET), but doubtful: OCR may have dropped a digit.
        found = find_digit_runs(window, MALFORMED_SIRET_DIGITS)
        if found and not window[:found[0][1]].strip(" :.-n°o"):
            digits, s, e = found[0]
            return Span(digits, m.end() + s, m.end() + e, MALFORMED_SIRET_CERTAINTY)
    found = [f for f in find_sirets(index.text) if f[1] >= after]
    if found:
        digits, s, e = found[0]
        return Span(digits, s, e, 0.7)
    return None


# ---------------------------------------------------------------- company names

LEGAL_FORMS = (
    "sasu", "sas", "sarl", "eurl", "sa", "snc", "scop", "sci", "sca", "scs", "selarl", "selas",
    "selafa", "gie", "sem", "scic", "ei", "eirl", "earl", "gaec", "scp", "sel",
)
_LEGAL_FORM_WORDS = (
    r"societe\s+(?:par\s+actions\s+simplifiee(?:\s+unipersonnelle)?|anonyme|a\s+responsabilite\s+limitee"
    r"|en\s+nom\s+collectif|civile(?:\s+immobiliere)?|cooperative[\w\s]*?)"
    r"|entreprise\s+unipersonnelle\s+a\s+responsabilite\s+limitee|association(?:\s+loi\s+1901)?"
)
_LEGAL_FORM = (
    r"(?:\b(?:" + "|".join(LEGAL_FORMS) + r")\b|\b(?:s\.a\.s\.u|s\.a\.s|s\.a\.r\.l|e\.u\.r\.l|s\.a|s\.n\.c)\.?"
    r"|" + _LEGAL_FORM_WORDS + r")"
)
# A public body's name runs on past its commas ("Direction … de l'emploi, du travail et des solidarités"): a
# company's ends at its first ("Garage Martin, du groupe …").
PUBLIC_BODY = (r"(?:direction|ministere|agence|prefecture|conseil|office|caisse|secretariat|delegation|commissariat"
               r"|inspection|communaute|syndicat)\b")
_WITHIN_A_PUBLIC_NAME = r"(?!\s+(?:du|des|de\s+la|de\s+l['’])\b)"


def name_ending_comma(name: str) -> re.Match | None:
    """The comma that ends `name` (as printed), if any."""
    return re.search("," + (_WITHIN_A_PUBLIC_NAME if re.match(PUBLIC_BODY, fold(name)) else ""), name)


# Where a company name ends in running text (besides its comma).
_COMPANY_NAME_END = (
    r";|\(|\s[-–—]\s|\s+au\s+capital|\s+dont\b|\s+siret|\s+siren|\s+rcs\b|\s+immatricul|\s+sise?\b"
    r"|\s+situee?\b|\s+represente|\s+ayant\b|\s+domicili|\s+code\b|\s+n°|\s+ci-apres|\s+en\s+la\s+personne"
    r"|\s+\d{5}\b|\s+engage|\s+recrute|\s+embauche|\s+et\s+(?:m\.|mme|monsieur|madame)"
    # the next column's label, run on when OCR left no gap ("TRANSPORTS DU LITTORAL. Forme juridique")
    r"|\.?\s+(?:forme\s+juridique|adresse|telephone|code\s+naf)\b"
    r"|\s+" + _LEGAL_FORM + r"\s*(?:$|[,(]|au\s|\s-)"
)
COMPANY_NAME_END = r",|" + _COMPANY_NAME_END


def strip_legal_form(name: str) -> str:
    """'NEXALIS TECHNOLOGIES SAS' -> 'NEXALIS TECHNOLOGIES'; also a leading 'SARL ' or 'La société '.
    A bare 'SOCIÉTÉ' opening a name is a word of the name ('SOCIÉTÉ NOUVELLE DU VERCORS'), kept."""
    folded = fold(name)
    start, end = 0, len(name)
    lead = re.match(r"\s*(?:(?:la|cette)\s+societe\s+|l'entreprise\s+|" + _LEGAL_FORM + r"\s+)", folded)
    if lead and lead.end() < end:
        start = lead.end()
    trail = re.search(r"[\s,\-–—(]+" + _LEGAL_FORM + r"\)?[\s.,]*$", folded[start:])
    if trail and trail.start() > 0:
        end = start + trail.start()
    return name[start:end].strip(_VALUE_TRAIL + " ")


def company_name_span(index: TextIndex, span: Span) -> Span | None:
    """Cut a company name out of `span` (a label's value or the text after 'entre'):
    up to where the name ends, without its legal form."""
    text = str(span.value)
    folded = fold(text)
    ends = [m.start() for m in (re.search(_COMPANY_NAME_END, folded), name_ending_comma(text)) if m]
    raw = text[: min(ends)] if ends else text
    name = strip_legal_form(raw)
    # a public body's name runs long ("Direction régionale de l'environnement, de l'aménagement et du logement …")
    if not re.search(r"[A-Za-zÀ-ÿĀ-ɏḀ-ỿ]{2}", name) or len(name) > 100:
        return None
    offset = span.start + text.find(name)
    # a name wrapped over two lines reads as one
    return Span(" ".join(name.split()), offset, offset + len(name), span.certainty)


# ---------------------------------------------------------------- person names

CIVILITY = r"(?:monsieur|madame|mademoiselle|mme|mlle|mr|m)\b\.?"
# Latin Extended (Ā-ɏ, Ḁ-ỿ) mixes both cases; names such as ĐẶNG or LÊ need it.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ"
_LOWER = "a-zß-öø-ÿĀ-ɏḀ-ỿ"
_NAME_TOKEN = re.compile(rf"[{_UPPER}][{_UPPER}{_LOWER}'’\-]*|(?:d|l|n|o|mc)['’][{_UPPER}][{_UPPER}{_LOWER}'’\-]*")
_ARTICLES = {"le", "la", "les"}
NAME_PARTICLES = {"de", "du", "des", "da", "dos", "das", "del", "della", "van", "von", "der", "den", "le", "la", "el", "al", "ben", "bin",
              "ter", "y", "ait", "abd", "abou", "ould", "ibn", "d"}
# Capitalised words that follow a civility but are not names.
_NOT_NAMES = {"le", "la", "les", "directeur", "directrice", "president", "presidente", "gerant", "gerante",
              "ne", "nee", "nom", "prenom", "prenoms", "salarie", "salariee", "stagiaire", "agissant"}
# Nouns documents print in capitals beside where a name could stand ("DÉLIVRE LE DIPLÔME",
# "ATTESTATION DE RÉUSSITE"): never part of a person's name.
_DOCUMENT_WORDS = {"diplome", "diplomes", "master", "licence", "doctorat", "baccalaureat", "bachelor", "attestation",
                   "certificat", "certificate", "diploma", "degree", "contrat", "convention", "titre", "carte",
                   "republique", "francaise", "universite", "ecole", "institut", "academie", "ministere", "mention",
                   "jury", "specialite", "releve", "notes"}


@dataclass
class PersonName:
    surname: Span | None
    given_names: Span | None
    start: int
    end: int


def is_upper_name(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def split_name(index: TextIndex, start: int, end: int, certainty: float = 1.0) -> PersonName | None:
    """Surname and given names of the name written in text[start:end].

    French documents print the surname in capitals, before or after the given names
    ('DIALLO Amadou', 'Ana GONÇALVES'); the capital block is the surname."""
    tokens = [(m.group(0), start + m.start(), start + m.end())
              for m in re.finditer(r"[^\s,;:/|()]+", index.text[start:end])]
    tokens = [t for t in tokens if re.search(r"[A-Za-zÀ-ÿĀ-ɏḀ-ỿ]", t[0])]
    if not tokens:
        return None
    upper = [is_upper_name(t[0]) for t in tokens]
    if all(upper) or not any(upper):
        if len(tokens) == 1:
            return PersonName(Span(tokens[0][0], tokens[0][1], tokens[0][2], certainty * 0.6), None, start, end)
        # No case to tell them apart: French running text says given names first; a
        # particle goes with the name it opens ("Mehdi EL AMRANI", "Rachid AÏT OUFKIR").
        first = len(tokens) - 1
        while first > 1 and fold(tokens[first - 1][0]).rstrip("'’") in NAME_PARTICLES:
            first -= 1
        surname_tokens, given_tokens = tokens[first:], tokens[:first]
        certainty *= 0.5
    else:
        first = upper.index(True)
        last = len(upper) - 1 - upper[::-1].index(True)
        # A lower-case particle just before the capitals belongs to the surname ("de LA FONTAINE").
        while first > 0 and tokens[first - 1][0].lower() in NAME_PARTICLES and tokens[first - 1][0].islower():
            first -= 1
        surname_tokens = tokens[first: last + 1]
        given_tokens = tokens[:first] + tokens[last + 1:]
    surname = _join_tokens(index, surname_tokens, certainty)
    given = _join_tokens(index, given_tokens, certainty) if given_tokens else None
    return PersonName(surname, given, start, end)


def _join_tokens(index: TextIndex, tokens: list[tuple[str, int, int]], certainty: float) -> Span:
    text = " ".join(t[0] for t in tokens)
    return Span(text.strip(_VALUE_TRAIL), tokens[0][1], tokens[-1][2], certainty)


def name_tokens_end(text: str, pos: int, max_tokens: int = 6) -> int:
    """End of the run of name-like tokens starting at `pos` (capitalised words and particles)."""
    end = pos
    count = 0
    for m in re.finditer(r"\S+", text[pos:]):
        token = m.group(0)
        gap = text[end: pos + m.start()]
        if count and (gap.strip() or "\n" in gap or "\t" in gap or len(gap) > 3):  # a tab: the next cell
            break
        bare = token.rstrip(",;.:)")
        if not bare:
            break
        if fold(bare) in _DOCUMENT_WORDS:
            return pos  # "LE DIPLÔME": the document's words, no name at all
        # An article after a civility is no name ("Madame la Directrice"), but a surname
        # in capitals may spell like one (LÊ, LE GALL).
        article = fold(bare) in _NOT_NAMES and not (is_upper_name(bare) and fold(bare) in _ARTICLES)
        if _NAME_TOKEN.fullmatch(bare) and not article:
            end = pos + m.start() + len(bare)
            count += 1
            if bare != token or count >= max_tokens:
                break
        elif bare.lower() in NAME_PARTICLES and count:
            continue  # kept only if a name token follows
        else:
            break
    return end


def person_mentions(index: TextIndex) -> list[PersonName]:
    """Every 'M. / Mme / Monsieur / Madame' followed by a name."""
    mentions = []
    for m in index.search(r"(?<![a-z])" + CIVILITY + r"\s+"):
        if index.folded[m.start(): m.end()].strip() in ("m", "mr") and not index.text[m.start()].isupper():
            continue
        end = name_tokens_end(index.text, m.end())
        if end > m.end():
            name = split_name(index, m.end(), end)
            if name:
                name.start = m.start()
                mentions.append(name)
    return mentions


# "(s)" after a label, as OCR reads it: "Prénom(s)", "Prénoms)", "Prénom(s".
_PLURAL_MARK = r"(?:\s*\(s\)|s\)|\(s)?"


# "Nom et prénom(s)", "Prénom(s) et nom", "Nom, prénoms", "Nom de naissance et prénom(s) de l'étudiant(e)": the whole name
_FULL_NAME_LABEL = (r"(?<![a-z])(?:noms?(?:\s+de\s+(?:naissance|famille))?" + _PLURAL_MARK + r"\s*(?:,|\s+et)\s+prenoms?"
                    r"|prenoms?" + _PLURAL_MARK + r"\s*(?:,|\s+et)\s+noms?)\b" + _PLURAL_MARK
                    + r"(?:\s+(?:de\s+l['’]\s*(?:etudiant|eleve|interesse|apprenti)\w*|du\s+(?:stagiaire|salarie|titulaire"
                    r"|candidat|beneficiaire)\w*)(?:\s*\(e\))?)?")
# (never the first word of "NOM ET PRÉNOMS", whose value is the whole name)
_SURNAME_LABEL = r"nom(?:\s+de\s+(?:famille|naissance)|\s+d'usage)?" + _PLURAL_MARK + r"(?!\s*(?:,|\s+et)\s*prenom)"
_GIVEN_LABEL = r"prenoms?" + _PLURAL_MARK
_SURNAME_STOP = r"\s(?:prenoms?|pr[ée]nom)|\s{2,}|\s[|]"
_GIVEN_STOP = r"\s(?:nom|sexe|ne\(e\)|ne\W?e\W?\s*le|nee?\b|date)|\s{2,}|\s[|]"
# Letters of a name as printed: accents, hyphens, apostrophes, an initial's dot.
_NAME_CHARS = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ɏḀ-ỿ'’\-. ]+")


def looks_like_name(text: str) -> bool:
    """Whether a value reads as a person's name, not OCR debris ('X:DDY', '_aure'), a
    sentence or a document's own words."""
    tokens = text.split()
    return (0 < len(tokens) <= 6 and _NAME_CHARS.fullmatch(text) is not None
            and not any(fold(t).strip(".,;:") in _DOCUMENT_WORDS for t in tokens)
            and all(re.search(r"[^\W\d_]{2}|^[^\W\d_]\.?$", t) for t in tokens)
            and not any(t[:1] in "-'’" or t.endswith("-") for t in tokens)
            # Names are capitalised, but for their particles ("Rui de SOUSA", "N'DIAYE").
            and all(t[:1].isupper() or fold(t) in NAME_PARTICLES or re.match(r"[a-z]['’][A-Z]", t) for t in tokens)
            and any(t[:1].isupper() for t in tokens))


def _name_values(index: TextIndex, label: str, stop: str, after: int, limit: int) -> list[Span]:
    """Values of a name label: 'Nom : X' anywhere, or 'Nom   X' opening its line."""
    anywhere = values_after(index, r"(?<![a-z\-])(?:" + label + r")\s*:", stop=stop, start=after)
    spans = {v.start: v for v in anywhere + form_values(index, label, stop=stop, start=after)}
    return [v for _, v in sorted(spans.items()) if v.start < limit and looks_like_name(str(v.value))]


def labelled_name(index: TextIndex, after: int = 0, before: int | None = None) -> PersonName | None:
    """A name given by labels: 'Nom : X  Prénom(s) : Y', 'Nom et prénom : X Y', 'Nom de naissance',
    with or without colons when the label opens its line."""
    limit = len(index.text) if before is None else before
    both = values_after(index, _FULL_NAME_LABEL + r"|(?<![a-z])identite\s*:", start=after)
    both = [s for s in both if s.start < limit]
    surname_spans = _name_values(index, _SURNAME_LABEL, _SURNAME_STOP, after, limit)
    given_spans = _name_values(index, _GIVEN_LABEL, _GIVEN_STOP, after, limit)
    if surname_spans:
        surname = surname_spans[0]
        sub = split_name(index, surname.start, surname.end)
        if given_spans:
            given = given_spans[0]
            return PersonName(Span(surname.value, surname.start, surname.end),
                              Span(given.value, given.start, given.end), surname.start, given.end)
        if all(is_upper_name(t) or fold(t) in NAME_PARTICLES for t in str(surname.value).split()):
            # a surname label's value in capitals is all surname ("Nom | EL AMRANI"): its given
            # names stand under their own label, somewhere else on the row
            return PersonName(Span(surname.value, surname.start, surname.end), None, surname.start, surname.end)
        if sub:
            return sub
    if both:
        return split_name(index, both[0].start, both[0].end)
    return None


def name_after(index: TextIndex, label: str, certainty: float = 0.9) -> PersonName | None:
    """The name written right after `label` ("décerné à", "Salarié :"), with or without a civility,
    on the same line or the next."""
    for value in values_after(index, label):
        start = value.start
        civility = re.match(CIVILITY + r"\s+", index.folded[start: value.end])
        if civility:
            start += civility.end()
        end = name_tokens_end(index.text, start)
        if end > start:
            person = split_name(index, start, end, certainty)
            if person and person.surname is not None:
                return person
    return None


# ---------------------------------------------------------------- spaCy fallback

_NLP = None
_NLP_LOCK = threading.Lock()


def _french_nlp():
    """fr_core_news_sm, loaded once, when rules found no name or by `warm_up_french_model`.
    Only the named-entity recogniser and what it listens to are loaded (~3 s)."""
    global _NLP
    with _NLP_LOCK:
        if _NLP is None:
            import spacy

            _NLP = spacy.load("fr_core_news_sm",
                              exclude=["parser", "senter", "lemmatizer", "morphologizer", "attribute_ruler"])
    return _NLP


def warm_up_french_model() -> None:
    """Load the model ahead (a caller's background thread, while pages are read), so that
    the first dossier whose names need it does not wait seconds inside its extraction."""
    try:
        _french_nlp()
    except Exception:  # noqa: BLE001 - the model is an aid; ner_person meets the same error later
        pass


def ner_person(index: TextIndex, start: int = 0, end: int | None = None) -> PersonName | None:
    """The first PER entity with a surname in capitals, by spaCy's French model."""
    end = len(index.text) if end is None else end
    try:
        doc = _french_nlp()(index.text[start:end])
    except Exception:  # the model is an aid: without it the field stays unread
        return None
    for ent in doc.ents:
        ent_start, ent_end = start + ent.start_char, start + ent.end_char
        # an entity runs on over the next cell's label ("François LEFÈVRE Tuteur"): cut there
        role = re.search(r"\s(?:" + _ROLE_WORDS + r")\b", index.folded[ent_start:ent_end])
        ent_end = ent_start + role.start() if role else ent_end
        line_start, _ = index.line_bounds(ent_start)
        # a signatory, a tutor or a representative is never the person the piece is about
        if re.search(r"(?:" + _REPRESENTATIVE_BEFORE + r")[^\n]{0,12}$", index.folded[max(line_start, ent_start - 45):ent_start]):
            continue
        # nor the name signing under the employer's or the host's heading ("Pour la société" / "Paul MARTIN")
        above_start, _ = index.line_bounds(max(0, line_start - 1))
        if line_start and re.match(_SIGNING_FOR_A_PARTY, index.folded[above_start:line_start]):
            continue
        text = index.text[ent_start:ent_end]
        # a form's label in capitals ("N° SIRET") is no person, whatever the model says
        if is_label(text) or not looks_like_name(text):
            continue
        if ent.label_ == "PER" and any(is_upper_name(t) for t in text.split()) and len(text.split()) >= 2:
            name = split_name(index, ent_start, ent_end, certainty=0.6)
            if name:
                return name
    return None


# ---------------------------------------------------------------- hours and money

# Working-time labels, best first: a bare "heures" only where none of the others stands (a training's
# "Durée totale : 1 150 heures" before its "Durée hebdomadaire de présence : 35 heures").
HOURS_LABELS = (
    r"duree\s+(?:hebdomadaire|du\s+travail|de\s+travail|de\s+presence|mensuelle)|horaires?\s+(?:hebdomadaire|de\s+travail|mensuel)"
    r"|temps\s+de\s+(?:travail|presence)|hebdomadaire|par\s+semaine|\b(?:per|a)\s+week\b",
    r"\bheures\b",
)


def _not_applying(rest: str) -> bool:
    """Whether the clause a figure stands in says it does not apply to the person ("cycle de 38 heures
    hebdomadaires des agents (journées de 7 h 36) – ne s'applique pas au stagiaire"): on its line, up to
    the clause's end (a comma, a semicolon, a full stop; not a decimal point)."""
    clause = re.split(r"[,;\n]|\.(?!\d)", rest, maxsplit=1)[0]
    return re.search(r"\bne\s+s['’]?\s*appliquen?t?\s+pas|n['’]est\s+pas\s+applicable|\bnon\s+applicable", clause) is not None


def weekly_hours_span(index: TextIndex) -> Span | None:
    """Weekly hours, preferring a figure next to a working-time label; never a delay ('48 heures')."""
    for m in (m for label in HOURS_LABELS for m in index.search(label)):
        # a figure before its label stands on the label's line ("35 heures hebdomadaires"); the
        # line above is another row ("Vendredi  8h30 – 12h30  4 h" over "Total hebdomadaire  20 h")
        # read from the line's start, so a time of day keeps the range it ends ("de 14 h 00 à 17 h 00")
        lo = index.line_bounds(m.start())[0]
        chunk = index.text[lo: m.end() + 100]  # past the window: the other end of a range of times
        for hours, s, e in find_hours(chunk):
            if s < m.start() - 40 - lo:
                continue
            if s >= m.end() + 80 - lo:
                break
            context = fold(chunk[max(0, s - 40): e + 30])
            # a delay, overtime, the law's ceiling ("ne peut excéder 8 heures par jour et 35 heures
            # par semaine" for minors), a day's hours ("(7 h par jour)"): not the hours the person works
            if re.search(r"delai|dans les|sous \d|supplementaire|complementaire|absence|prevenance|preavis"
                         r"|exceder|depasser|maximale?\b|\bmineurs?\b|duree\s+totale|au\s+total|\bdont\b", context) \
                    or re.match(r"\s*(?:par|/|a\s+la)\s*(?:jour|journee)\b", fold(chunk[e:e + 15])) \
                    or _not_applying(index.folded[lo + e: lo + e + 160]):
                continue
            if 1 <= hours <= 48:
                return Span(hours, lo + s, lo + e, 0.9)
    # "Nombre d'heures par semaine : 35" — a bare number after an explicit label.
    for m in index.search(r"(?:heures\s+(?:par\s+semaine|hebdomadaires)|duree\s+hebdomadaire(?:\s+de\s+\w+)?"
                          r"|hours\s+(?:per|a)\s+week)\s*:?\s*"):
        bare = re.match(r"(\d{1,2}(?:[.,]\d{1,2})?)(?![\d%])", index.text[m.end(): m.end() + 8])
        if bare and 1 <= float(bare.group(1).replace(",", ".")) <= 48:
            return Span(float(bare.group(1).replace(",", ".")), m.end(), m.end() + bare.end(), 0.8)
    return None


# Euros per hour past which a figure is no hourly rate (a monthly salary beside the word 'horaire').
MAX_HOURLY_RATE = 300.0


def monthly_amount_after(index: TextIndex, label: str, weekly_hours: float | None, window: int = 160) -> Span | None:
    """A monthly gross amount stated after `label`: a yearly figure / 12, an hourly rate
    × hours × 52 / 12 (when the weekly hours are known)."""
    for m in index.search(label):
        # Running text wraps anywhere, even inside an amount ("30\n800,00 €").
        chunk = index.text[m.end(): m.end() + window].replace("\n", " ")
        for amount, s, e in find_amounts(chunk):
            # The label itself may say "annuelle" or "horaire": it is part of the context.
            before = index.folded[max(m.start(), m.end() + s - 60): m.end() + s]
            after = fold(chunk[e: e + 40])
            # a share capital, a voucher, a bonus; the social security's hourly ceiling the rate is a share of
            if re.search(r"capital|valeur faciale|titre|ticket|prime", before[-35:]) or re.search(r"plafond[^,;]*$", before):
                continue
            context = before[-60:] + " " + after
            # the period written right after the amount is its own ("300,00 € par mois
            # (taux horaire 2,31 €)": the hourly mark is the next amount's)
            stated = re.match(r"\s*(?:bruts?\s*)?(?:(par\s+mois|/\s*mois|mensuel)|(par\s+an\b|/\s*an\b|annuel))", after)
            if stated:
                value = amount if stated.group(1) else round(amount / 12, 2)
                return Span(value, m.end() + s, m.end() + e, 0.9)
            # an hourly mark belongs to this amount only on its own line (a table's next row
            # may be the hourly rate of the monthly pay above it)
            own_line = fold(index.text[m.end() + s: m.end() + e + 25].split("\n")[0])
            # "4,50 € par" / "heure de présence", "4,50 € / heure": the hourly mark right after the amount, across
            # the line's break
            hourly_after = re.match(r"\s*(?:bruts?\s*)?(?:par\s+heure|de\s+l'heure|/\s?h(?:eure|our)?\b|(?:per|an)\s+hour\b)", after)
            # ... unless the label just said monthly ("mensuelle brute de 1 590 € pour l'horaire
            # ci-dessus": the schedule), or no hourly rate is that high.
            if ((hourly_after or re.search(r"horaire|de l'heure|par heure|/\s?h\b|\bbrut de l'heure", own_line + before[-30:]))
                    and amount <= MAX_HOURLY_RATE and not re.search(r"mensuel", before[-30:])):
                if weekly_hours:
                    return Span(round(amount * weekly_hours * WEEKS_PER_MONTH, 2), m.end() + s, m.end() + e, 0.8)
                continue
            value = round(amount / 12, 2) if is_annual(context) else amount
            return Span(value, m.end() + s, m.end() + e, 0.9)
    return None


_GROUPED_AMOUNT = re.compile(r"\d{1,3}(?:[ .\u202f\u00a0]\d{3})+,\d\d")


def last_number_on_line(index: TextIndex, label: str, maximum: float = 100_000) -> Span | None:
    """The last number of the first line that carries `label` (a payslip's total column).
    A number beyond `maximum` is OCR run-together digits, left unread, never guessed,
    unless it is printed as an amount is (thousands grouped, two decimals)."""
    for m in index.search(label):
        line_start, line_end = index.line_bounds(m.start())
        rest = _own_table(index.text[m.end(): line_end])
        numbers = [n for n in find_numbers(rest)
                   if 10 <= n[0] and (n[0] <= maximum or _GROUPED_AMOUNT.fullmatch(rest[n[1]:n[2]]))]
        if numbers:
            value, s, e = numbers[-1]
            return Span(value, m.end() + s, m.end() + e, 0.9)
    return None


def _own_table(row: str) -> str:
    """A row's cells up to a cell of words after its numbers: a table printed beside it begins there ("Salaire brut
    | 2 058,33 | 9 224,30 | Congés N-1 | 25,00 | 13,00": the paid leave's own table). A unit's cell ("heures",
    "mois", "EUR") is the row's own."""
    seen_number = False
    for cell in re.finditer(r"[^\t]+", row):
        words = cell.group()
        if (seen_number and re.search(r"[^\W\d_]{3,}", words) and not re.search(r"\d", words[:2])
                and not re.fullmatch(r"(?i)\s*(?:h|hrs?|heures?|j|jours?|mois|eur|euros?|€|%)\s*", words)):
            return row[:cell.start()]
        seen_number = seen_number or bool(re.search(r"\d", cell.group()))
    return row


def period_of_dates(index: TextIndex, label: str, window: int = 60) -> tuple[Span | None, Span | None]:
    """'du 01/03/2026 au 31/08/2026' after `label`: the two dates as ISO spans."""
    for m in index.search(label):
        chunk = index.text[m.end(): m.end() + window]
        dates = find_dates(chunk)
        # the same day again is its translation ("5 septembre 2026 / 5 September 2026"), no period's end
        dates = dates[:1] + [d for d in dates[1:] if d[0] != dates[0][0]]
        if len(dates) >= 2:
            (d1, s1, e1), (d2, s2, e2) = dates[:2]
            if d1 <= d2:
                base = m.end()
                return Span(d1.isoformat(), base + s1, base + e1), Span(d2.isoformat(), base + s2, base + e2)
    return None, None


# A line ending with one of these words goes on on the next ("Diplôme d'ingénieur en" /
# "informatique et réseaux", "EXPLOITATION AGRICOLE DE LA" / "GARONNE, SAS"), as does a
# next line opening with one ("Licence professionnelle Métiers" / "de la gestion").
RUNS_ON = r"(?:\s(?:en|de|du|des|d'|et|la|le|les|in|of|and|the|&)|[-–—])\s*$"
GOES_ON = r"(?:de|du|des|d'|en|et|in|of|and)\b"


def run_on_end(index: TextIndex, end: int) -> int:
    """Where a value ending at `end` ends once its wrapped part on the next line is taken in:
    `end` itself unless the value reaches its line's end and the line break cuts a phrase."""
    line_start, line_end = index.line_bounds(end)
    if index.text[end:line_end].strip() or line_end >= len(index.text):
        return end
    _, next_end = index.line_bounds(line_end + 1)
    following = index.folded[line_end + 1:next_end]
    if re.search(RUNS_ON, index.folded[line_start:line_end]) or re.match(GOES_ON, following):
        cell_end = following.find("\t")
        return line_end + 1 + cell_end if cell_end >= 0 else next_end
    return end


def clean_title(text: str) -> str:
    """A value as printed without OCR's stray pipes and doubled spaces; an elision whose
    apostrophe OCR dropped ("D INGÉNIEUR") gets it back."""
    text = re.sub(r"[|]", " ", text)
    text = re.sub(r"(?<![\w'’])([DdLl]) (?=[AEIOUYHÉÈÊÂÎaeiouyhéèêâî])", r"\1'", text)
    return re.sub(r"\s+", " ", text).strip(_VALUE_TRAIL)


__all__ = [
    "name_ending_comma",
    "Span", "TextIndex", "ExtractionBuilder", "NAME_PARTICLES", "values_after", "first_after", "date_after",
    "siret_span", "strip_legal_form", "company_name_span", "split_name", "person_mentions",
    "labelled_name", "ner_person", "weekly_hours_span", "monthly_amount_after",
    "last_number_on_line", "period_of_dates", "clean_title", "PersonName", "CIVILITY", "section_start", "section_starts",
    "name_after", "best_person",
    "COMPANY_NAME_END", "LEGAL_FORMS", "is_upper_name", "form_values", "looks_like_name", "run_on_end", "RUNS_ON", "GOES_ON",
]


# ---------------------------------------------------------------- choosing the person a piece is about

_BIRTH_OR_ROLE_AFTER = r"\bne\b|\bnee\b|ne\(e\)|demeurant|domicilie|nationalite|date de naissance|ci-apres"
# Role labels that close a name read past its cell.
_ROLE_WORDS = r"tuteur|tutrice|signataire|stagiaire|salariee?|employeur|representante?|referent|enseignant|nom|prenoms?"
_SIGNING_FOR_A_PARTY = (r"[^\w\n]*(?:pour\s+(?:la\s+societe|l['’]employeur|l['’]entreprise|l['’]organisme)"
                        r"|l['’]employeur|l['’]organisme)\b")
_REPRESENTATIVE_BEFORE = (
    r"represente(?:e)?\s+par|representante?\b|en\s+la\s+personne\s+de|signataire|tuteur|tutrice|referent|encadrant"
    r"|responsable|directeur|directrice|president|gerant|contact|suivi\s+par|le\s+greffier"
)


def best_person(index: TextIndex, prefer_before: str | None = None) -> PersonName | None:
    """The person a piece is about among its 'M. / Mme' mentions: the one whose birth or
    address follows, or after `prefer_before` (e.g. 'stagiaire', 'décerné à'); never
    the company's representative or a tutor."""
    best, best_score = None, 0.0
    for k, person in enumerate(person_mentions(index)):
        before = index.folded[max(0, person.start - 60): person.start]
        after = index.folded[person.end: person.end + 120]
        score = 1.0
        if re.search(_BIRTH_OR_ROLE_AFTER, after):
            score += 2
        if prefer_before and re.search(prefer_before, index.folded[max(0, person.start - 80): person.start]):
            score += 2
        if re.search(_REPRESENTATIVE_BEFORE, before[-45:]):
            score -= 3
        if re.match(r"\s*[,(]?\s*(?:directeur|directrice|president|gerant|responsable|dr[h]?\b)", after):
            score -= 2
        if person.surname is not None and person.surname.certainty >= 0.9 and person.given_names is not None:
            score += 0.5
        if score > best_score:
            best, best_score = person, score
    return best
