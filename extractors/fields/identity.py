"""Identity documents (passport data page, identity card, residence permit card): the
machinery extractors/fields/passport.py, id_card.py and residence_permit.py use.

Two sources are read and reconciled (DOMAIN.md):
- the MRZ gives codes (nationality, issuing state, sex) and, when their check
  digits hold, the document number and the dates; it only transliterates names;
- the visual zone gives names as printed, and the checked fields when the MRZ
  check fails (those fields go to `Extraction.mrz_failed`).

The visual zone is read by position, not by reading order: OCR of a card photo
interleaves columns and the two sides of a recto/verso image, so a value is the
text *under* (or right after) its label, found with the word boxes.
"""
from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable

from extractors import mrz
from extractors.textnorm import normalize
from models import Extraction, FieldBox, Page, Word
from models.document import union_boxes

# Confidence given to a value according to where it came from.
CONF_MRZ_CHECKED = 0.97
CONF_MRZ_UNCHECKED = 0.75
CONF_VISUAL_CONFIRMED = 0.95  # visual value that the MRZ agrees with
CONF_VISUAL = 0.6
# A printed name the MRZ contradicts: below the validators' certainty threshold (0.6).
CONF_DISAGREEING = 0.5

_MONTHS = {
    "JAN": 1, "JANV": 1, "JANVIER": 1, "JANUARY": 1,
    "FEB": 2, "FEV": 2, "FEVR": 2, "FEVRIER": 2, "FEBRUARY": 2,
    "MAR": 3, "MARS": 3, "MARCH": 3,
    "APR": 4, "AVR": 4, "AVRIL": 4, "APRIL": 4,
    "MAY": 5, "MAI": 5,
    "JUN": 6, "JUIN": 6, "JUNE": 6,
    "JUL": 7, "JUIL": 7, "JUILLET": 7, "JULY": 7,
    "AUG": 8, "AOU": 8, "AOUT": 8, "AUGUST": 8,
    "SEP": 9, "SEPT": 9, "SEPTEMBRE": 9, "SEPTEMBER": 9,
    "OCT": 10, "OCTOBRE": 10, "OCTOBER": 10,
    "NOV": 11, "NOVEMBRE": 11, "NOVEMBER": 11,
    "DEC": 12, "DECEMBRE": 12, "DECEMBER": 12,
}
_VISUAL_DATE = re.compile(
    r"(?<!\d)(?P<day>[0-3]?\d)[\s./-]{0,3}(?P<month>[A-Z]{3,9}(?:/[A-Z]{3,9})?|[01]?\d)[\s./-]{0,3}"
    r"(?P<year>(?:19|20)\d\d)(?!\d)"
)

# Labels, matched on normalize(text).upper() (capitals, no accents). OCR misspells "Surname".
# "Nom d'usage" (a married or usage name) is not the surname.
LABEL_SURNAME = r"\b(?:SURNAME|SUMAME|SURMAME|SURNAMC|SURNOME|NOM(?!\s*D.?(?:USAGE|EPOUSE)))\b"
LABEL_GIVEN = r"\b(?:GIVEN\s*NAMES?|PRENOMS?|PRENOM\(S\))\b"
LABEL_BIRTH = r"\b(?:DATE\s*OF\s*BIRTH|DATE\s*DE\s*NAISS\w*)"
LABEL_EXPIRY = (r"\b(?:DATE\s*OF\s*EXPIRY|DATE\s*D.?EXPIR\w*|EXPIRY\s*DATE|VALID\s*UNTIL"
                r"|VALABLE\s*JUSQU\W*AU|FIN\s*DE\s*VALIDIT\w*|VALIDITE|GULTIG\s*BIS|CADUCIDAD|SCADENZA)")
LABEL_DOCUMENT_NUMBER = (r"\b(?:PASSPORT\s*N[O0]|PASSEPORT\s*N[O0]|DOCUMENT\s*N[O0]|N[O0]\s*DU\s*PASSEPORT"
                         r"|CARD\s*N[O0]|N[O0°]\s*(?:DE\s*LA\s*CARTE|DU\s*DOCUMENT)|NUMERO\s*(?:DU\s*DOCUMENT|DE\s*(?:LA\s*)?CARTE)"
                         r"|DOCUMENT\s*NUMBER|CARTE\s*N[O0°])")
LABEL_SEX = r"\b(?:SEX|SEXE)\b"
LABEL_NATIONALITY_CODE = r"\b(?:CODE|NAT|NATIONALITE|NATIONALITY|NATIONALIDAD|NATIONALITAT)\b"


# --- a page as positioned words ------------------------------------------------------------------

@dataclass
class WordRun:
    """Consecutive words of one OCR line, with the page they are on."""

    page: int
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return union_boxes([w.bbox for w in self.words])

    @property
    def height(self) -> float:
        return sorted(w.bbox[3] - w.bbox[1] for w in self.words)[len(self.words) // 2]

    def box(self) -> FieldBox:
        return FieldBox(page=self.page, bbox=self.bbox)


def transliterate(text: str) -> str:
    """ICAO comparison form: capitals without accents, only letters (D'SOUZA -> DSOUZA)."""
    return re.sub(r"[^A-Z]", "", normalize(text).upper().replace("ß", "SS"))


def page_spans(pages: list[Page]) -> list[WordRun]:
    """OCR lines cut at wide horizontal gaps: side-by-side columns or card faces that
    tesseract put on one line become separate spans."""
    spans: list[WordRun] = []
    for page in pages:
        for line in page.lines:
            current: list[Word] = []
            for word in line.words:
                if current:
                    gap = word.bbox[0] - current[-1].bbox[2]
                    height = max(current[-1].bbox[3] - current[-1].bbox[1], word.bbox[3] - word.bbox[1])
                    if gap > 2.5 * height:
                        spans.append(WordRun(page.number, current))
                        current = []
                current.append(word)
            if current:
                spans.append(WordRun(page.number, current))
    return spans


def find_labels(spans: list[WordRun], pattern: str) -> list[WordRun]:
    """The words of every occurrence of a label (patterns are in capitals, no accents)."""
    found = []
    for span in spans:
        starts, text, folded = [], "", [normalize(w.text).upper() for w in span.words]
        for word_text in folded:
            starts.append(len(text))
            text += word_text + " "
        for m in re.finditer(pattern, text):
            words = [w for w, s, f in zip(span.words, starts, folded) if s < m.end() and s + len(f) > m.start()]
            if words:
                found.append(WordRun(span.page, words))
    return found


def value_near(spans: list[WordRun], label: WordRun, accept: Callable[[str], bool] = lambda t: True) -> WordRun | None:
    """The value printed right after a label on its line, or else under it.

    Under means: on the nearest span below, from the word left-aligned with the label
    (data pages and cards print values left-aligned under their labels) through the
    words that follow it closely. `accept` tells a value from, say, the next label."""
    host = next((s for s in spans if s.page == label.page and label.words[0] in s.words), None)
    if host is not None and label.words[-1] in host.words:
        after = host.words[host.words.index(label.words[-1]) + 1:]
        after = [w for w in after if not re.fullmatch(r"[/:|.\-]", w.text)]
        if after and accept(" ".join(w.text for w in after)):
            return WordRun(label.page, after)
    x0, _, x1, y1 = label.bbox
    h = label.height
    if host is not None:
        # A label in several languages ("Data de nascimento / Date of birth") is one
        # label: its value stands under its first language.
        before = host.words[:host.words.index(label.words[0])]
        if before and any(w.text.endswith("/") or w.text == "/" for w in before[-2:]):
            x0 = before[0].bbox[0]
    below = []
    for span in spans:
        if span.page != label.page or span is host:
            continue
        words = [w for w in span.words
                 if y1 - 0.3 * h <= w.bbox[1] <= y1 + 4.0 * h and abs(w.bbox[0] - x0) <= max(2.0 * h, 0.15 * (x1 - x0))]
        if words:
            start = span.words.index(words[0])
            run = [span.words[start]]
            for word in span.words[start + 1:]:
                # A dash is a flat word: the gap is judged on the taller of the two.
                height = max(word.bbox[3] - word.bbox[1], run[-1].bbox[3] - run[-1].bbox[1])
                if word.bbox[0] - run[-1].bbox[2] > 2.0 * height:
                    break
                run.append(word)
            below.append(WordRun(span.page, run))
    for candidate in sorted(below, key=lambda s: s.bbox[1]):
        if accept(candidate.text):
            return candidate
    return None


def is_capitalised_value(text: str) -> bool:
    """Printed values are in capitals; labels ('Given Names') are not."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters) and "<" not in text


# --- visual values ------------------------------------------------------------------------------

def parse_visual_dates(text: str) -> list[dt.date]:
    """'25 APR 2004', '25 AVR/APR 2004', '25/04/2004', '25 04 2004', '25.04.2004'."""
    found = []
    for m in _VISUAL_DATE.finditer(normalize(text).upper()):
        month_token = m.group("month")
        if _glued_and_short(m):
            continue
        if month_token.isdigit():
            month = int(month_token)
        else:
            month = next((_MONTHS[p] for p in month_token.split("/") if p in _MONTHS), 0)
        try:
            found.append(dt.date(int(m.group("year")), month, int(m.group("day"))))
        except ValueError:
            continue
    return found


def _glued_and_short(m: re.Match[str]) -> bool:
    """Digits run together without a separator and shorter than DDMMYYYY: "1022030" may
    be 1 February or 10 February (a digit of "11 02 2030" lost), so it is no date."""
    day, month = m.group("day"), m.group("month")
    glued = m.end("day") == m.start("month") or m.end("month") == m.start("year")
    return glued and month.isdigit() and len(day) + len(month) < 4


def all_dates(spans: list[WordRun]) -> list[tuple[dt.date, WordRun]]:
    return [(d, s) for s in spans for d in parse_visual_dates(s.text)]


def labeled_date(spans: list[WordRun], label_pattern: str) -> tuple[dt.date, WordRun] | None:
    for label in find_labels(spans, label_pattern):
        value = value_near(spans, label, lambda t: bool(parse_visual_dates(t)))
        if value is not None:
            return parse_visual_dates(value.text)[0], value
    return None


def find_name_span(spans: list[WordRun], mrz_name: str) -> WordRun | None:
    """Consecutive words whose transliteration is the MRZ name: the name as printed."""
    target = transliterate(mrz_name)
    if len(target) < 2:
        return None
    for span in spans:
        if "<" in span.text:
            continue
        for i in range(len(span.words)):
            acc = ""
            for j in range(i, len(span.words)):
                acc += transliterate(span.words[j].text)
                if acc == target:
                    return WordRun(span.page, span.words[i:j + 1])
                if not target.startswith(acc):
                    break
    return None


def _clean_name(text: str) -> str:
    """Keep letters, spaces, hyphens and apostrophes; OCR quotes become apostrophes."""
    text = text.replace("’", "'").replace("`", "'").replace("‘", "'")
    text = re.sub(r"[^\w' \-]|\d|_", " ", text)
    return re.sub(r"\s+", " ", text).strip(" -'")


# --- extraction ---------------------------------------------------------------------------------

@dataclass
class IdentityLayout:
    """What differs between identity documents: which fields, which labels."""

    fields: tuple[str, ...]
    document_number_label: str | None = LABEL_DOCUMENT_NUMBER
    extra: dict[str, str] = field(default_factory=dict)


# Passports and identity cards share their eight fields (DOMAIN.md).
IDENTITY_DOCUMENT = IdentityLayout(fields=(
    "document_number", "surname", "given_names", "nationality",
    "date_of_birth", "sex", "expiry_date", "issuing_state",
))


@dataclass
class _Result:
    extraction: Extraction = field(default_factory=Extraction)

    def put(self, name: str, value, confidence: float, spans: list[WordRun] | None = None) -> None:
        if value is None or value == "":
            return
        self.extraction.fields[name] = value
        self.extraction.field_confidence[name] = round(confidence, 3)
        if spans:
            self.extraction.field_boxes[name] = [s.box() for s in spans if s is not None]


def mrz_sources(pages: list[Page], mrz_lines: list[str] | None) -> list[list[str]]:
    """Every reading of the MRZ at hand: the dedicated reader's, the page's extra text,
    and the page's own OCR lines, whole and cut at wide gaps (a card's verso OCR'd on
    the same lines as its recto)."""
    sources: list[list[str]] = [mrz_lines] if mrz_lines else []
    for page in pages:
        if page.extra_text.get("mrz"):
            sources.append(page.extra_text["mrz"].splitlines())
        sources.append([line.text for line in page.lines])
        sources.append([span.text for span in page_spans([page])])
    return sources


def best_mrz(sources: list[list[str]]) -> mrz.MrzRecord | None:
    """The reading with the most check digits holding."""
    records = [r for r in (mrz.parse_mrz(s) for s in sources) if r is not None]
    return max(records, key=lambda r: (r.plausible, r.checks_held)) if records else None


def checked_fields(sources: list[list[str]]) -> dict[str, str]:
    """A checked field is trustworthy whichever reading it comes from: take each from
    the best reading where its own check digit holds. A lone check digit holds for one
    misreading in ten, so readings the composite digit confirms come first."""
    merged: dict[str, str] = {}
    # Look-alike substitutions can satisfy check digits on garbage: only plausible readings count.
    records = [r for r in (mrz.parse_mrz(s) for s in sources) if r is not None and r.plausible]
    for r in sorted(records, key=lambda r: (r.composite_valid, r.checks_held), reverse=True):
        if r.document_number_valid:
            merged.setdefault("document_number", r.document_number)
        if r.birth_date_valid:
            merged.setdefault("birth", r.birth_yymmdd)
        if r.expiry_date_valid:
            merged.setdefault("expiry", r.expiry_yymmdd)
    return merged


def _printed_day(spans: list[WordRun], yymmdd: str) -> tuple[dt.date, WordRun] | None:
    """The date the visual zone prints for an MRZ date (same day, month, yy), and where;
    also when OCR cut it across two rows ("24.04." beside its label, "1994" a row up)."""
    whole = next(((date, span) for date, span in all_dates(spans) if date.strftime("%y%m%d") == yymmdd), None)
    return whole or _printed_day_cut(spans, yymmdd)


_DAY_MONTH = re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)[./ ](?P<month>[01]?\d)\.?(?![\d.]|\s*[./ ]?\s*\d)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _printed_day_cut(spans: list[WordRun], yymmdd: str) -> tuple[dt.date, WordRun] | None:
    """A day and month printed without their year, the year (the MRZ's yy) on a row
    next to it: the printed zone's date, cut by OCR."""
    for span in spans:
        for m in _DAY_MONTH.finditer(span.text):
            if f"{int(m.group('month')):02d}{int(m.group('day')):02d}" != yymmdd[2:]:
                continue
            for other in spans:
                near = other.page == span.page and abs(_middle(other) - _middle(span)) <= 2.2 * span.height
                year = next((int(y.group()) for y in _YEAR.finditer(other.text) if y.group()[2:] == yymmdd[:2]), None)
                if near and year is not None:
                    try:
                        return dt.date(year, int(m.group("month")), int(m.group("day"))), span
                    except ValueError:
                        return None
    return None


def _middle(span: WordRun) -> float:
    return (span.bbox[1] + span.bbox[3]) / 2


def _hint_year(spans: list[WordRun], yymmdd: str) -> int | None:
    """The four-digit year the visual zone prints for an MRZ date."""
    printed = _printed_day(spans, yymmdd)
    return printed[0].year if printed else None


def _mrz_name_plausible(name: str) -> bool:
    """No digits, and none of the debris misread fillers leave ('KK', long K/E/L runs)."""
    return bool(name) and not re.search(r"[0-9]|KK|[KELCX]{5,}", name.replace(" ", ""))


def _name(result: _Result, spans: list[WordRun], name: str, label_pattern: str, mrz_name: str | None) -> None:
    if mrz_name:
        printed = find_name_span(spans, mrz_name)
        if printed is not None:
            result.put(name, _clean_name(printed.text), CONF_VISUAL_CONFIRMED, [printed])
            return
    visual = None
    # Some cards print given names in small letters ("Maëlis-Gaëlle, Marie"): capitalised
    # words that are no label are a value there.
    printed = is_capitalised_value if name == "surname" else (lambda t: is_capitalised_value(t) or _title_case_name(t))
    for label in find_labels(spans, label_pattern):
        visual = value_near(spans, label, lambda t: printed(t) and not re.search(label_pattern, normalize(t).upper())
                            and not _LABEL_WORDS.search(normalize(t).upper()))
        if visual is not None:
            break
    if visual is not None:
        text = _clean_name(visual.text)
        if not mrz_name or not _mrz_name_plausible(mrz_name):
            # No MRZ, or MRZ debris (a misread filler glued to the name): the printed name.
            result.put(name, text, CONF_VISUAL, [visual])
            return
        printed, machine = icao_digraphs(text), transliterate(mrz_name)
        if printed == machine:
            result.put(name, text, CONF_VISUAL_CONFIRMED, [visual])
            return
        if _dropped_letters(printed, machine):
            # OCR lost letters of the small print ('TAZ' for TAZI): the MRZ spells it whole.
            result.put(name, mrz_name, CONF_MRZ_UNCHECKED, [visual])
            return
        if difflib.SequenceMatcher(None, printed, machine).ratio() >= 0.8 or (len(printed) >= 2 and printed in machine):
            # The two readings disagree: the printed one, as a point to verify.
            result.put(name, text, CONF_DISAGREEING, [visual])
            return
    if mrz_name and _mrz_name_plausible(mrz_name):
        result.put(name, mrz_name, CONF_MRZ_UNCHECKED)


# Words of identity-document labels, in the languages cards print them in.
_LABEL_WORDS = re.compile(r"\b(?:NOM|SURNAME|PRENOMS?|GIVEN|NAMES?|SEXE?|DATE|NATIONAL\w*|LIEU|PLACE|BIRTH|NAISS\w*"
                          r"|EXPIR\w*|DOCUMENT|SIGNATURE|USAGE|ALTERNATE|TAILLE|HEIGHT|ADRESSE|ADDRESS)\b")


def _title_case_name(text: str) -> bool:
    words = [w for w in re.split(r"[\s,]+", text) if w]
    return (0 < len(words) <= 5 and all(re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)*", w) for w in words)
            and not _LABEL_WORDS.search(normalize(text).upper()))


# ICAO 9303's transliteration of letters it writes with two (Ü -> UE), before accents go.
_DIGRAPHS = str.maketrans({"Ä": "AE", "Æ": "AE", "Ö": "OE", "Ø": "OE", "Ü": "UE", "ß": "SS", "Þ": "TH", "Å": "AA"})


def icao_digraphs(text: str) -> str:
    """A printed name as the MRZ writes it: digraphs, then capitals without accents."""
    return transliterate(text.upper().translate(_DIGRAPHS))


def _dropped_letters(printed: str, machine: str) -> bool:
    """Whether the printed reading is the MRZ name with one or two letters missing."""
    if not printed or not 0 < len(machine) - len(printed) <= 2:
        return False
    letters = iter(machine)
    return all(c in letters for c in printed)


def _checked_date(result: _Result, spans: list[WordRun], name: str, kind: mrz.DateKind,
                  yymmdd: str | None, label_pattern: str, has_mrz: bool, unchecked: str | None = None) -> None:
    """The MRZ date whose check digit holds; else the MRZ's reading when the printed zone
    shows the same day (two readings agree: the check digit itself is what is wrong, as on
    a doctored specimen); else the printed date under its label."""
    visual = labeled_date(spans, label_pattern)
    if yymmdd:
        iso = mrz.mrz_date_to_iso(yymmdd, kind, _hint_year(spans, yymmdd))
        if iso:
            boxes = [visual[1]] if visual and visual[0].isoformat() == iso else None
            result.put(name, iso, CONF_MRZ_CHECKED, boxes)
            return
    if has_mrz:
        result.extraction.mrz_failed.append(name)
    printed = _printed_day(spans, unchecked) if unchecked else None
    if printed is not None:
        result.put(name, printed[0].isoformat(), CONF_VISUAL_CONFIRMED, [printed[1]])
        return
    if visual is not None:
        result.put(name, visual[0].isoformat(), CONF_VISUAL, [visual[1]])


def _document_number(result: _Result, spans: list[WordRun], layout: IdentityLayout,
                     record: mrz.MrzRecord | None, checked_number: str | None) -> None:
    if checked_number:
        printed = next((s for s in spans for w in s.words if _alnum(w.text) == checked_number), None)
        boxes = [WordRun(printed.page, [w for w in printed.words if _alnum(w.text) == checked_number])] if printed else None
        result.put("document_number", checked_number, CONF_MRZ_CHECKED, boxes)
        return
    candidates = _number_candidates(spans, layout)
    if record is not None:
        result.extraction.mrz_failed.append("document_number")
        for text, span, _ in candidates:
            agreed = mrz.reconcile_document_number(record.document_number, record.document_number_check, text)
            if agreed:
                result.put("document_number", agreed, CONF_VISUAL_CONFIRMED, [span])
                return
        for text, span, _ in candidates:
            if difflib.SequenceMatcher(None, text, record.document_number).ratio() >= 0.75:
                result.put("document_number", text, CONF_VISUAL, [span])
                return
    labeled = [c for c in candidates if c[2]]
    if labeled:
        text, span, _ = labeled[0]
        result.put("document_number", text, CONF_VISUAL, [span])


def _alnum(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def _number_candidates(spans: list[WordRun], layout: IdentityLayout) -> list[tuple[str, WordRun, bool]]:
    """Tokens that look like a document number (6-10 letters and digits, 4+ digits);
    those under the document-number label first."""
    labeled: list[tuple[str, WordRun, bool]] = []
    if layout.document_number_label:
        for label in find_labels(spans, layout.document_number_label):
            value = value_near(spans, label, lambda t: any(_is_labelled_number(w) for w in t.split()))
            if value is not None:
                for w in value.words:
                    if _is_labelled_number(w.text):
                        labeled.append((_alnum(w.text), WordRun(value.page, [w]), True))
    loose = [(_alnum(w.text), WordRun(s.page, [w]), False) for s in spans for w in s.words
             if _is_number_like(w.text) and "<" not in w.text]
    return labeled + loose


def _is_labelled_number(text: str) -> bool:
    """Under its label a card number may hold few digits or none (X4RTBPFW4, PRLRDATBW)."""
    token = _alnum(text)
    return _is_number_like(text) or (6 <= len(token) <= 12 and token == text.strip(" .,:;") and token.isupper())


def _is_number_like(text: str) -> bool:
    token = _alnum(text)
    return 6 <= len(token) <= 10 and sum(c.isdigit() for c in token) >= 4 and len(token) == len(text.strip(" .,:;"))


def extract_identity(pages: list[Page], mrz_lines: list[str] | None, layout: IdentityLayout) -> tuple[Extraction, list[WordRun], mrz.MrzRecord | None]:
    """The fields common to passports and residence permits (see the module doc)."""
    spans = page_spans(pages)
    sources = mrz_sources(pages, mrz_lines)
    record = best_mrz(sources)
    checked = checked_fields(sources)
    result = _Result()
    _document_number(result, spans, layout, record, checked.get("document_number"))
    _name(result, spans, "surname", LABEL_SURNAME, record.surname if record else None)
    _name(result, spans, "given_names", LABEL_GIVEN, record.given_names if record else None)
    _checked_date(result, spans, "date_of_birth", "birth", checked.get("birth"), LABEL_BIRTH, record is not None,
                  record.birth_yymmdd if record else None)
    # The old French identity card's MRZ has no expiry date: the card's printed one is the date.
    expiry_in_mrz = record is not None and bool(record.expiry_yymmdd)
    _checked_date(result, spans, "expiry_date", "expiry", checked.get("expiry"), LABEL_EXPIRY, expiry_in_mrz,
                  record.expiry_yymmdd if record else None)
    if record is not None:
        if re.fullmatch(r"[A-Z]{3}|D<<", record.nationality):
            result.put("nationality", record.nationality.replace("<", ""), _code_confidence(record))
        if re.fullmatch(r"[A-Z]{3}|D<<", record.issuing_state):
            result.put("issuing_state", record.issuing_state.replace("<", ""), _code_confidence(record))
        result.put("sex", record.sex, _code_confidence(record))
    else:
        _visual_codes(result, spans)
    extraction = result.extraction
    # Keep only this document's fields, in the order DOMAIN.md lists them.
    extraction.fields = {k: extraction.fields.get(k) for k in layout.fields}
    extraction.field_confidence = {k: extraction.field_confidence.get(k, 0.0) for k in layout.fields}
    extraction.field_boxes = {k: v for k, v in extraction.field_boxes.items() if k in layout.fields}
    extraction.mrz_failed = [f for f in dict.fromkeys(extraction.mrz_failed) if f in layout.fields]
    return extraction, spans, record


def _code_confidence(record: mrz.MrzRecord) -> float:
    return CONF_MRZ_CHECKED if record.composite_valid else CONF_MRZ_UNCHECKED


def _visual_codes(result: _Result, spans: list[WordRun]) -> None:
    """Without an MRZ: the three-letter code under "Code"/"Nat." and the sex letter."""
    for label in find_labels(spans, LABEL_NATIONALITY_CODE):
        value = value_near(spans, label, lambda t: bool(re.fullmatch(r"[A-Z]{3}", t.split()[0])))
        token = value.words[0].text.upper() if value else ""
        if re.fullmatch(r"[A-Z]{3}", token):
            result.put("nationality", token, CONF_VISUAL, [WordRun(value.page, value.words[:1])])
            result.put("issuing_state", token, CONF_VISUAL * 0.8, [WordRun(value.page, value.words[:1])])
            break
    if "issuing_state" not in result.extraction.fields:
        _state_named(result, spans)
    for label in find_labels(spans, LABEL_SEX):
        value = value_near(spans, label, lambda t: t.split()[0].upper() in ("M", "F", "X"))
        token = value.words[0].text.upper() if value else ""
        if token in ("M", "F", "X"):
            result.put("sex", token, CONF_VISUAL, [WordRun(value.page, value.words[:1])])
            break


@lru_cache(maxsize=1)
def _state_names() -> tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]:
    """(the name as words, the name with its spaces dropped, its code) of each State."""
    raw = json.loads(resources.files("extractors.fields").joinpath("data/issuing_states.json").read_text("utf-8"))
    return tuple((re.compile(r"\b" + name.replace(" ", r"\s*") + r"\b"), re.compile(name.replace(" ", "")), code)
                 for name, code in raw.items() if not name.startswith("_"))


def _state_named(result: _Result, spans: list[WordRun]) -> None:
    """The issuing State a document names at its head ("RÉPUBLIQUE FRANÇAISE"), when
    nothing coded tells it: the front of a card, a redacted or damaged page. A title printed
    letter-spaced ("R É P U B L I Q U E") comes out of OCR cut anywhere ("REPUBLIQU E"):
    the name is also looked for with every space dropped."""
    for span in spans:
        text = normalize(span.text).upper()
        spaceless = re.sub(r"\s+", "", text)
        for words, letters, code in _state_names():
            if words.search(text) or letters.search(spaceless):
                result.put("issuing_state", code, CONF_VISUAL * 0.8, [span])
                return
