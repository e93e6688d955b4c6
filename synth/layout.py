"""A document as a list of sheets of simple elements placed in millimetres.

Every piece is built once as sheets; `render.py` draws the same sheets either
with reportlab (born-digital PDF with a text layer) or with PIL (a raster that
the degradation step turns into a scan, photocopy or photo).
Coordinates: origin at the top-left of the sheet, y growing downwards; a text's
y is its baseline.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from synth.fonts import FontKey, text_width_mm

Color = tuple[int, int, int]
BLACK: Color = (0, 0, 0)
A4 = (210.0, 297.0)


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    size: float = 10.0  # points
    font: FontKey = FontKey("sans")
    color: Color = BLACK
    align: Literal["left", "center", "right"] = "left"


@dataclass(frozen=True)
class Rule:
    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.3  # mm
    color: Color = BLACK


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: Color | None = None
    stroke: Color | None = BLACK
    width: float = 0.3
    radius: float = 0.0


@dataclass(frozen=True)
class Ellipse:
    x: float
    y: float
    w: float
    h: float
    fill: Color


Element = Union[Text, Rule, Box, Ellipse]


@dataclass
class Sheet:
    width: float = A4[0]
    height: float = A4[1]
    background: Color = (255, 255, 255)
    elements: list[Element] = field(default_factory=list)

    def add(self, *elements: Element) -> None:
        self.elements.extend(elements)


def wrap(text: str, font: FontKey, size: float, width_mm: float) -> list[str]:
    """Greedy word wrap using the real font metrics."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            trial = f"{current} {word}".strip()
            if current and text_width_mm(trial, font, size) > width_mm:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    return lines


class Flow:
    """Lays text out top-down over as many A4 sheets as needed."""

    def __init__(self, font: FontKey, size: float = 10.0, margin: float = 20.0,
                 top: float = 25.0, bottom: float = 22.0, header=None, footer=None) -> None:
        self.font = font
        self.size = size
        self.margin = margin
        self.top = top
        self.bottom = bottom
        self.header = header  # callable(sheet) drawing a letterhead on every sheet
        self.footer = footer  # callable(sheet, page_number)
        self.sheets: list[Sheet] = []
        self.y = 0.0
        self.new_page()

    @property
    def sheet(self) -> Sheet:
        return self.sheets[-1]

    @property
    def width(self) -> float:
        return A4[0] - 2 * self.margin

    def line_height(self, size: float | None = None) -> float:
        return (size or self.size) * 0.3528 * 1.35

    def new_page(self) -> None:
        sheet = Sheet()
        self.sheets.append(sheet)
        if self.header:
            self.header(sheet)
        self.y = self.top

    def ensure(self, height: float) -> None:
        if self.y + height > A4[1] - self.bottom:
            self.new_page()

    def space(self, mm: float) -> None:
        self.y += mm

    def text(self, text: str, size: float | None = None, font: FontKey | None = None,
             align: Literal["left", "center", "right"] = "left", indent: float = 0.0,
             color: Color = BLACK) -> None:
        size = size or self.size
        font = font or self.font
        step = self.line_height(size)
        for line in wrap(text, font, size, self.width - indent):
            self.ensure(step)
            self.y += step
            x = {"left": self.margin + indent, "center": A4[0] / 2, "right": A4[0] - self.margin}[align]
            self.sheet.add(Text(x, self.y, line, size, font, color, align))

    def pairs(self, rows: list[tuple[str, str]], label_width: float = 60.0,
              label_font: FontKey | None = None, size: float | None = None) -> None:
        """Label / value rows, the value wrapped in its own column."""
        size = size or self.size
        step = self.line_height(size)
        for label, value in rows:
            value_lines = wrap(value, self.font, size, self.width - label_width)
            self.ensure(step * len(value_lines))
            self.y += step
            self.sheet.add(Text(self.margin, self.y, label, size, label_font or self.font))
            for i, line in enumerate(value_lines):
                if i:
                    self.y += step
                self.sheet.add(Text(self.margin + label_width, self.y, line, size, self.font))

    def table(self, rows: list[tuple[str, ...]], widths: tuple[float, ...], size: float | None = None,
              head_font: FontKey | None = None, shade: Color | None = (230, 230, 230)) -> None:
        """Bordered cells, one line per cell; the first row is a header when head_font is given."""
        size = size or self.size
        height = self.line_height(size) + 2.4
        self.y += 1.5  # clear of the text above
        for i, row in enumerate(rows):
            self.ensure(height)
            x = self.margin
            header = i == 0 and head_font is not None
            for width, cell in zip(widths, row):
                self.sheet.add(Box(x, self.y, width, height, fill=shade if header else None, stroke=(70, 70, 70),
                                   width=0.25))
                self.sheet.add(Text(x + 1.6, self.y + height - 2.2, cell, size, head_font if header else self.font))
                x += width
            self.y += height
        self.y += 1.5

    def stacked(self, rows: list[tuple[str, str]], label_above: bool, columns: int = 2,
                label_size: float = 7.5, value_font: FontKey | None = None) -> None:
        """Label and value on two lines (label above or below its value), in columns."""
        col_width = self.width / columns
        value_step, label_step = self.line_height(), self.line_height(label_size)
        grey = (90, 90, 90)
        for start in range(0, len(rows), columns):
            self.ensure(value_step + label_step + 2)
            top = self.y
            for i, (label, value) in enumerate(rows[start:start + columns]):
                x = self.margin + i * col_width
                label_y = top + label_step if label_above else top + value_step + label_step + 0.4
                value_y = top + label_step + value_step + 0.4 if label_above else top + value_step
                self.sheet.add(Text(x, label_y, label, label_size, self.font, grey))
                self.sheet.add(Text(x, value_y, value, self.size, value_font or self.font))
            self.y = top + value_step + label_step + 3

    def dotted(self, rows: list[tuple[str, str]], label_width: float = 80.0, size: float | None = None) -> None:
        """LABEL ........ value: dot leaders up to the value's column."""
        size = size or self.size
        step = self.line_height(size)
        for label, value in rows:
            self.ensure(step)
            self.y += step
            leader = label + " "
            while text_width_mm(leader + ".", self.font, size) < label_width - 2:
                leader += "."
            self.sheet.add(Text(self.margin, self.y, leader, size, self.font),
                           Text(self.margin + label_width, self.y, value, size, self.font))

    def rule(self, width: float = 0.3) -> None:
        self.y += 1.5
        self.sheet.add(Rule(self.margin, self.y, A4[0] - self.margin, self.y, width))
        self.y += 1.0

    def finish(self) -> list[Sheet]:
        if self.footer:
            for number, sheet in enumerate(self.sheets, 1):
                self.footer(sheet, number)
        return self.sheets
