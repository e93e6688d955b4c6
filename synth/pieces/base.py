"""What a piece builder returns, and helpers shared by the builders."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from synth.families import choose_family
from synth.fonts import BODY_FAMILIES, FontKey
from synth.layout import Box, Ellipse, Flow, Sheet

FieldValue = str | float | int | None


@dataclass
class BuiltPiece:
    piece_type: str
    template: str
    fields: dict[str, FieldValue]
    sheets: list[Sheet] = field(default_factory=list)  # A4 pages (documents)
    cards: list[Sheet] = field(default_factory=list)  # card-sized faces (identity documents)
    mrz: list[str] | None = None

    @property
    def is_card(self) -> bool:
        return bool(self.cards)

    @property
    def family(self) -> str:
        return self.template  # "<piece type>:<layout>", see synth.families


def family(facts, rng: random.Random, piece_type: str, among: tuple[str, ...] | None = None) -> str:
    """The layout of this piece, among those the dossier's family filter allows."""
    return choose_family(rng, piece_type, facts.families, among)


def body_font(rng: random.Random) -> FontKey:
    return FontKey(rng.choice(BODY_FAMILIES))


def bold(font: FontKey) -> FontKey:
    return FontKey(font.family, True)


def addressee(flow: Flow, lines: tuple[str, ...], place_and_date: str) -> None:
    """A letter's addressee block on the right, then its place and date."""
    flow.space(6)
    for line in lines:
        flow.text(line, 10, indent=95)
    flow.space(6)
    flow.text(place_and_date, align="right")
    flow.space(4)


def numbered_articles(flow: Flow, articles: list[tuple[str, str]], size: float, gap: float) -> None:
    """"Article N – Title" headings, each followed by its text."""
    for number, (title, body) in enumerate(articles, 1):
        flow.space(gap)
        flow.text(f"Article {number} – {title}", size, bold(flow.font))
        flow.text(body)


SKIN_TONES = ((92, 62, 45), (141, 98, 70), (198, 150, 110), (224, 185, 150), (110, 75, 55))


def portrait(sheet: Sheet, x: float, y: float, w: float, h: float, rng: random.Random) -> None:
    """A neutral silhouette where the photo would be."""
    skin = rng.choice(SKIN_TONES)
    sheet.add(Box(x, y, w, h, fill=(200, 202, 205), stroke=(90, 90, 90), width=0.2))
    sheet.add(Ellipse(x + w * 0.08, y + h * 0.68, w * 0.84, h * 0.5, fill=(55, 60, 75)))
    sheet.add(Box(x + w * 0.42, y + h * 0.5, w * 0.16, h * 0.22, fill=skin, stroke=None))
    sheet.add(Ellipse(x + w * 0.27, y + h * 0.16, w * 0.46, h * 0.44, fill=skin))
    sheet.add(Ellipse(x + w * 0.25, y + h * 0.12, w * 0.5, h * 0.16, fill=(30, 25, 22)))
    # crop what spills below the photo frame
    sheet.add(Box(x - 0.5, y + h, w + 1, h * 0.3, fill=sheet.background, stroke=None))
