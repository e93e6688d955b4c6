"""French titre de sejour (ICAO TD1 card, document code IR): identity fields as for a
passport (extractors/fields/identity.py), plus the permit category.

The category is the text under "Remarques / Remarks" (ETUDIANT, SALARIE, ...), not
the card type printed under "Type de titre" (CARTE DE SEJOUR TEMPORAIRE).
"""
from __future__ import annotations

import re

from extractors.fields.identity import (
    CONF_VISUAL,
    CONF_VISUAL_CONFIRMED,
    IdentityLayout,
    WordRun,
    extract_identity,
    find_labels,
    is_capitalised_value,
    value_near,
)
from extractors.label_layout import overlap
from extractors.textnorm import normalize
from models import Extraction, FieldBox, Page

LABEL_REMARKS = r"\b(?:REMARQUES?|REMARKS?)\b"
# Categories the CESEDA gives French residence permits; used to recognise the line
# when the label was not read, and to drop OCR debris before it.
KNOWN_CATEGORIES = (
    "RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE",  # one card, both grounds (CESEDA L. 422-10)
    "ETUDIANT", "ETUDIANT-ELEVE", "ETUDIANT MOBILITE", "ETUDIANT PROGRAMME DE MOBILITE", "SALARIE", "SALARIE DETACHE ICT",
    "TRAVAILLEUR TEMPORAIRE", "TRAVAILLEUR SAISONNIER", "VIE PRIVEE ET FAMILIALE",
    "RECHERCHE D'EMPLOI", "CREATION D'ENTREPRISE", "PASSEPORT TALENT", "TALENT", "CHERCHEUR",
    "STAGIAIRE", "STAGIAIRE ICT", "VISITEUR", "ENTREPRENEUR", "PROFESSION LIBERALE",
    "CARTE BLEUE EUROPEENNE", "PROFESSION ARTISTIQUE ET CULTURELLE", "JEUNE AU PAIR",
    "VOLONTAIRE", "RETRAITE", "RESIDENT", "RESIDENT LONGUE DUREE-UE", "MEMBRE DE FAMILLE",
    "CONJOINT DE FRANCAIS", "PARENT D'ENFANT FRANCAIS", "SAISONNIER",
)
_NOT_A_CATEGORY = re.compile(r"CARTE\s+DE\s+SEJOUR|TITRE\s+DE\s+SEJOUR|RESIDENCE\s+PERMIT|<")

RESIDENCE_PERMIT = IdentityLayout(
    fields=(
        "document_number", "surname", "given_names", "nationality",
        "date_of_birth", "expiry_date", "permit_category",
    ),
    document_number_label=r"\b(?:N[O0°]\s*DU\s*TITRE|DOCUMENT\s*N[O0])",
)


def _squash(text: str) -> str:
    return re.sub(r"[^A-Z]", "", normalize(text).upper())


_SQUASHED_CATEGORIES = tuple(_squash(c) for c in KNOWN_CATEGORIES)


def ends_on_a_category(text: str) -> bool:
    """Whether a line ends on a whole known category (not one cut at "… PROGRAMME DE")."""
    return _squash(text).endswith(_SQUASHED_CATEGORIES)


def _category_from(span: WordRun) -> tuple[str, WordRun] | None:
    """The category in a span: from the first known category word to the end. A category
    misread by one letter in ten ("RECHERCHE D'EMPLOLCREATION …") is the known one, spelt as
    the CESEDA names it: the list is closed."""
    folded = [_squash(w.text) for w in span.words]
    for i in range(len(span.words)):
        rest = "".join(folded[i:])
        if any(rest.startswith(_squash(c)) for c in KNOWN_CATEGORIES):
            words = span.words[i:]
            return _with_its_dashes(_as_printed(words), rest), WordRun(span.page, words)
    for i in range(len(span.words)):
        rest = "".join(folded[i:])
        for category in KNOWN_CATEGORIES:
            known = _squash(category)
            # (a misread letter or two leaves most of the first four in place: a cheap filter first)
            if (len(known) >= 10 and sum(a == b for a, b in zip(rest[:4], known)) >= 2
                    and _edits(rest[:len(known)], known) <= len(known) // 10):
                return category, WordRun(span.page, span.words[i:])
    return None


COLUMN_GAP = 3.0  # word heights between two words: another column's


def _gap_after(words: list, n: int) -> float:
    """The space between the n-th word and the next, on the page (0 when on different lines)."""
    if n >= len(words):
        return 0.0
    before, after = words[n - 1].bbox, words[n].bbox
    return after[0] - before[2] if overlap((before[1], before[3]), (after[1], after[3])) > 0 else 0.0


def _known_prefix(words: list, squashed: str) -> list:
    """The first words of `words` that spell the known category `squashed` exactly, or []."""
    spelt = ""
    for i, word in enumerate(words):
        spelt += _squash(word.text)
        if spelt == squashed:
            return words[:i + 1]
        if not squashed.startswith(spelt):
            return []
    return []


def _with_its_dashes(printed: str, squashed: str) -> str:
    """A known category read whole but for its dash (OCR drops one standing alone between two
    words: "ETUDIANT ELEVE"), as the CESEDA spells it; any other reading as printed (its accents,
    its spacing, its own dashes)."""
    exact = next((c for c in KNOWN_CATEGORIES if _squash(c) == squashed), None)
    return exact if exact and "-" in exact and not re.search(r"[-–—]", printed) else printed


def _edits(a: str, b: str) -> int:
    """Substitutions, insertions and deletions from a to b (Levenshtein)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


def _as_printed(words) -> str:
    text = " ".join(w.text for w in words)
    text = text.replace("’", "'")
    # OCR's stray quote before a capital ("‘ETUDIANT") is no part of the category
    return re.sub(r"\s+", " ", re.sub(r"\s*([/'])\s*", r"\1", text)).strip(" .,:;|").lstrip("'\"‘“«-– ")


def _category_like(text: str) -> bool:
    folded = normalize(text).upper()
    return is_capitalised_value(text) and not _NOT_A_CATEGORY.search(folded) and not re.search(LABEL_REMARKS, folded)


def _beside(spans: list[WordRun], label: WordRun) -> list[WordRun]:
    """The label's row to its right, as one run (a value cut in two at a wide gap), then each
    run of it, nearest first."""
    _, y0, x1, y1 = label.bbox
    row = sorted((s for s in spans if s.page == label.page and s.bbox[0] >= x1
                  and overlap((s.bbox[1], s.bbox[3]), (y0, y1)) > 0.5 * (y1 - y0) and _category_like(s.text)),
                 key=lambda s: s.bbox[0])
    whole = [WordRun(label.page, [w for s in row for w in s.words])] if len(row) > 1 else []
    return whole + row


def _wrapped_on(spans: list[WordRun], known: tuple[str, WordRun]) -> tuple[str, WordRun]:
    """A category with the line under it when it wraps there: a known category runs across the
    line break ("RECHERCHE D'EMPLOI/" over "CREATION D'ENTREPRISE", "TALENT - CARTE BLEUE" over
    "EUROPEENNE")."""
    text, run = known
    longer = _with_line_below(spans, run)
    if longer is run:
        return known
    first, joined = _squash(text), _squash(longer.text)
    for category in KNOWN_CATEGORIES:
        squashed = _squash(category)
        at = joined.find(squashed)
        if 0 <= at < len(first) < at + len(squashed):
            # the whole of it one known category: spelt as the CESEDA does (a "/" lost at the line's end)
            whole = at == 0 and joined == squashed
            if at == 0 and not whole:
                # the next line's words past a column's gap (the verso's "DÉLIVRANCE" beside it) are no part of
                # it; words right after it are ("STAGIAIRE ICT" over "(FAMILLE)")
                ending = _known_prefix(longer.words, squashed)
                if ending and _gap_after(longer.words, len(ending)) > COLUMN_GAP * run.height:
                    return _with_its_dashes(_as_printed(ending), squashed), WordRun(run.page, ending)
            return (category if whole else _as_printed(longer.words)), longer
    return known


# A category's line ending on a connector goes on ("… PROGRAMME DE", "VIE PRIVEE ET", "TALENT -", "D'EMPLOI/").
_DANGLING = re.compile(r"(?:\b(?:DE|DU|DES|ET|LA|LE|AU)|\bD'|[-/])\s*$")


def _with_line_below(spans: list[WordRun], run: WordRun) -> WordRun:
    """`run` with the category-like words of the line just under it, starting under it. A category
    cut after a connector ("ETUDIANT PROGRAMME DE") goes on further down, on a card printed with
    wide leading."""
    x0, _, _, y1 = run.bbox
    h = run.height
    reach = 2.2 if _DANGLING.search(normalize(run.text).upper()) else 1.2
    below = [w for s in spans if s.page == run.page for w in s.words
             if 0 <= w.bbox[1] - y1 <= reach * h and w.bbox[0] >= x0 - 2 * h and _category_like(w.text)]
    if not below:
        return run
    # the nearest line only: a wide reach never takes two lines' words, interleaved
    nearest = min(w.bbox[1] for w in below)
    below = [w for w in below if w.bbox[1] - nearest <= 0.5 * h]
    return WordRun(run.page, run.words + sorted(below, key=lambda w: w.bbox[0]))


def _with_line_above(spans: list[WordRun], run: WordRun) -> WordRun:
    """`run` with the words of the line just above it that stand over it: the start of a
    value wrapped onto two lines."""
    x0, y0, x1, _ = run.bbox
    h = run.height
    above = [w for s in spans if s.page == run.page for w in s.words
             if 0 <= y0 - w.bbox[3] <= 1.2 * h and overlap((w.bbox[0], w.bbox[2]), (x0, x1)) > 0
             and _category_like(w.text)]
    return WordRun(run.page, sorted(above, key=lambda w: w.bbox[0]) + run.words) if above else run


def permit_category(spans: list[WordRun]) -> tuple[str, WordRun, float] | None:
    # The back of the card shares rows with the front: its MRZ words are no category.
    spans = [WordRun(s.page, [w for w in s.words if "<" not in w.text]) for s in spans]
    spans = [s for s in spans if s.words]
    for label in find_labels(spans, LABEL_REMARKS):
        # a known category beside the label (OCR cut its row at a wide gap), maybe wrapped
        # from the line above ("RECHERCHE" / "D'EMPLOI/CREATION D'ENTREPRISE")
        for candidate in _beside(spans, label):
            known = _category_from(candidate) or _category_from(_with_line_above(spans, candidate))
            if known:
                return *_wrapped_on(spans, known), CONF_VISUAL_CONFIRMED
            # the start of a known category, its end on the next line ("VIE PRIVEE ET" / "FAMILIALE")
            wrapped = _wrapped_on(spans, (candidate.text, candidate))
            if wrapped[1] is not candidate:
                return *wrapped, CONF_VISUAL_CONFIRMED
        value = value_near(spans, label, _category_like)
        if value is None:
            continue
        known = _category_from(value) or _category_from(_with_line_above(spans, value))
        if known:
            return *_wrapped_on(spans, known), CONF_VISUAL_CONFIRMED
        known = _category_from(_with_line_below(spans, value))  # the known category wraps onto its next line
        if known:
            return known[0], known[1], CONF_VISUAL_CONFIRMED
        words = [w for w in value.words if re.fullmatch(r"[A-ZÀ-Ý'’/\-]{2,}", w.text)]
        if words:
            return _as_printed(words), WordRun(value.page, words), CONF_VISUAL
    # Label unread: a line that holds a known category.
    for span in spans:
        if _NOT_A_CATEGORY.search(normalize(span.text).upper()):
            continue
        known = _category_from(span)
        if known:
            return *_wrapped_on(spans, known), CONF_VISUAL
    return None


def extract(pages: list[Page], mrz_lines: list[str] | None) -> Extraction:
    extraction, spans, _ = extract_identity(pages, mrz_lines, RESIDENCE_PERMIT)
    found = permit_category(spans)
    if found:
        value, span, confidence = found
        extraction.fields["permit_category"] = value
        extraction.field_confidence["permit_category"] = confidence
        extraction.field_boxes["permit_category"] = [FieldBox(page=span.page, bbox=span.bbox)]
    return extraction
