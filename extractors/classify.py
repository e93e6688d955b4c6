"""Which of the piece types a page (or a file's pages) is.

Evidence is a weighted table of phrases a document of each type carries; a phrase
in the top third of the page (where titles sit) counts double. The score table is
data (extractors/data/classifier.json) so wording seen in new documents can be
added without touching code. A machine-readable zone decides between the
identity documents, because it is exact (its document code: P, I/A/C, IR).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from extractors import mrz
from extractors.textnorm import normalize
from models import Page, PieceType

TOP_REGION = 0.33
# Below this score a page shows nothing of any type: it is `other`.
MIN_EVIDENCE = 3.0


@dataclass(frozen=True)
class Evidence:
    pattern: re.Pattern[str]
    weight: float


@dataclass
class PageScores:
    scores: dict[PieceType, float]
    title: PieceType | None  # a type whose title phrase is in the top region

    @property
    def best(self) -> tuple[PieceType, float]:
        piece_type, score = max(self.scores.items(), key=lambda kv: kv[1])
        return (piece_type, score) if score >= MIN_EVIDENCE else (PieceType.other, score)


@lru_cache(maxsize=1)
def _table() -> tuple[dict[PieceType, list[Evidence]], dict[PieceType, list[re.Pattern[str]]]]:
    raw = json.loads(resources.files("extractors").joinpath("data/classifier.json").read_text("utf-8"))
    evidence = {
        PieceType(t): [Evidence(re.compile(p), float(w)) for p, w in entries.items()]
        for t, entries in raw["evidence"].items()
    }
    titles = {PieceType(t): [re.compile(p) for p in pats] for t, pats in raw["titles"].items()}
    return evidence, titles


def score_page(page: Page) -> PageScores:
    evidence, titles = _table()
    lines = [line for line in page.lines if line.words]
    listed = _enclosure_lines([normalize(line.text) for line in lines])
    kept = [line for k, line in enumerate(lines) if k not in listed]
    top_lines = [line for line in kept if line.bbox[1] < TOP_REGION]
    full = normalize("\n".join(line.text for line in kept))
    top = normalize("\n".join(line.text for line in top_lines))
    scores: dict[PieceType, float] = {}
    for piece_type, items in evidence.items():
        score = 0.0
        for item in items:
            hits = min(len(item.pattern.findall(full)), 3)
            if hits:
                score += item.weight * (1 + 0.25 * (hits - 1))
                if item.pattern.search(top):
                    score += item.weight
        scores[piece_type] = score
    # A covering letter listing the pieces it encloses names them all: that is its own mark.
    if listed:
        scores[PieceType.other] = scores.get(PieceType.other, 0.0) + ENCLOSURE_WEIGHT
    zone = page.extra_text.get("mrz", "") or _mrz_like(page.text)
    if zone:
        kind = _mrz_kind(zone)
        if kind:
            kind = _identity_kind(kind, scores)
            scores[kind] = scores.get(kind, 0.0) + 20.0
    title = None
    for piece_type, patterns in titles.items():
        if any(p.search(top) for p in patterns):
            title = piece_type
            break
    return PageScores(scores=scores, title=title)


# Lines announcing enclosed pieces ("Vous trouverez ci-joint : …", "Pièces jointes :").
_ENCLOSURE = re.compile(r"ci-joint|ci-inclus|pieces? (?:jointes?|justificatives?)|vous trouverez|liste des pieces"
                        r"|en piece jointe|\bp\.? ?j\.? ?:")
ENCLOSURE_WEIGHT = 6.0
ENCLOSURE_SENTENCE_LINES = 3  # a sentence naming pieces wraps over a few lines at most
_BULLET = re.compile(r"^\s*(?:[-–•*·>]|\d+[.)])\s")


def _enclosure_lines(folded_lines: list[str]) -> set[int]:
    """Indices of the lines of an enclosure list: the announcing line, its sentence's
    continuation lines, and the bullets that follow it. Pieces named there are mentioned,
    not present."""
    listed: set[int] = set()
    for k, line in enumerate(folded_lines):
        if not _ENCLOSURE.search(line):
            continue
        listed.add(k)
        j, sentence_open = k + 1, not line.rstrip().endswith(".")
        while j < len(folded_lines) and (sentence_open and j - k <= ENCLOSURE_SENTENCE_LINES
                                         or _BULLET.match(folded_lines[j])):
            listed.add(j)
            sentence_open = sentence_open and not folded_lines[j].rstrip().endswith(".")
            j += 1
    return listed


def confidence(scores: dict[PieceType, float]) -> tuple[PieceType, float]:
    """The best type of summed scores and a confidence in [0, 1]: high when one type
    has clear evidence and the runner-up little."""
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), runner = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
    if top < MIN_EVIDENCE:
        # Nothing recognisable: `other` is the answer, as sure as the page is empty of evidence.
        return PieceType.other, round(max(0.5, 0.9 - top / 10), 3)
    margin = (top - runner) / (top + 1.0)
    strength = min(1.0, top / 12.0)
    return best, round(max(0.05, min(1.0, 0.35 + 0.65 * margin * strength + 0.2 * strength)), 3)


def classify_pages(pages: list[Page]) -> tuple[PieceType, float]:
    total: dict[PieceType, float] = {}
    for page in pages:
        for piece_type, score in score_page(page).scores.items():
            total[piece_type] = total.get(piece_type, 0.0) + score
    return confidence(total)


_MRZ_LINE = re.compile(r"^[A-Z0-9<]{5,}<<[A-Z0-9<]*$|^[A-Z0-9<]{25,}$", re.MULTILINE)


def _mrz_like(text: str) -> str:
    return "\n".join(m.group(0) for m in _MRZ_LINE.finditer(text.replace(" ", "")))


def _mrz_kind(mrz_text: str) -> PieceType | None:
    """The identity document a machine-readable zone's document code names (ICAO 9303:
    P passport; I, A, C cards, of which IR is a residence permit as France issues it).
    Only a plausible zone counts: an IBAN or a reference number also reads as capitals
    and digits."""
    record = mrz.parse_mrz(mrz_text.strip().splitlines())
    if record is None or not record.plausible:
        return None
    code = record.lines[0][:2]
    if code.startswith("P"):
        return PieceType.passport
    if re.match(r"[IAC]R", code) or (code == "I<" and record.issuing_state == "FRA"):
        return PieceType.residence_permit
    return PieceType.id_card


def _identity_kind(kind: PieceType, scores: dict[PieceType, float]) -> PieceType:
    """A card's document code does not say whether it is an identity card or another
    State's residence permit (codes I, A, C are the State's choice): the printed title does."""
    permit = scores.get(PieceType.residence_permit, 0.0)
    if kind == PieceType.id_card and permit >= MIN_EVIDENCE and permit > scores.get(PieceType.id_card, 0.0):
        return PieceType.residence_permit
    return kind
