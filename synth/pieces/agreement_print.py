"""Wording and drawing helpers shared by the fresh internship agreement families `convention_hospitaliere` and
`convention_association`: the trainee's words a convention's draft derives from its facts, the running header of the
next pages, the page's foot (the parties' initials, the legal line and the page counter), and the pages drawn again in
a smaller size when they run longer than the family prints."""
from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import TypeVar

from synth.facts import DossierFacts
from synth.fmt import hours_fr
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Rule, Sheet, Text, wrap
from synth.rules import presence_hours

T = TypeVar("T")


class TraineeWording:
    """The trainee's words, for a convention's draft (a frozen dataclass) with `facts` and, for `period`, `spell` (the
    way the draft writes a date)."""

    facts: DossierFacts
    spell: Callable

    @property
    def she(self) -> bool:
        return self.facts.person.sex == "F"

    def e(self) -> str:
        """The feminine ending, for the trainee."""
        return "e" if self.she else ""

    @property
    def trainee(self) -> str:
        return "La stagiaire" if self.she else "Le stagiaire"

    @property
    def weekly(self) -> str:
        """The weekly hours, written the French way ("35", "17,5")."""
        return hours_fr(self.facts.internship.weekly_hours)

    def period(self) -> str:
        """"du 02/03/2026 au 28/08/2026", the dates in the draft's `spell`."""
        st = self.facts.internship
        return f"du {self.spell(st.start_date)} au {self.spell(st.end_date)}"

    def hours_total(self) -> int:
        """The hours of presence over the whole stage, rounded."""
        st = self.facts.internship
        return round(float(presence_hours(st.weekly_hours, st.start_date, st.end_date)))


def draw_head(sheet: Sheet, left: str, right: str, font: FontKey, *, ink: Color, rule: Color) -> None:
    """The running header of a convention's next pages: a line on the left, one on the right, a rule under them."""
    sheet.add(Text(18, 12, left, 6.8, font, ink),
              Text(A4[0] - 18, 12, right, 6.8, font, ink, "right"),
              Rule(18, 14, A4[0] - 18, 14, 0.2, rule))


def draw_foot(sheet: Sheet, y: float, legal: str, counter: str, font: FontKey, initials: bool, *, ink: Color,
              rule: Color, frame: Color) -> None:
    """The foot of a convention's page at `y`: three boxes for the parties' initials ("Paraphes :") above it on the
    right when `initials`, a rule, the legal line(s) wrapped on the left and the page counter on the right."""
    if initials:
        x = A4[0] - 18 - 30
        sheet.add(Text(x - 2, y - 6.5, "Paraphes :", 6.8, font, ink, "right"))
        for i in range(3):
            sheet.add(Box(x + i * 10, y - 11, 9, 7, stroke=frame, width=0.2))
    width = A4[0] - 36 - text_width_mm(counter, font, 6.3) - 6
    sheet.add(Rule(18, y - 2.6, A4[0] - 18, y - 2.6, 0.2, rule),
              Text(A4[0] - 18, y + 0.5, counter, 6.3, font, ink, "right"))
    for i, line in enumerate(wrap(legal, font, 6.3, width)):
        sheet.add(Text(18, y + 0.5 + 2.8 * i, line, 6.3, font, ink))


def drawn_to_fit(draw: Callable[[float], tuple[list[Sheet], T]], rng: random.Random, sizes: Sequence[float],
                 most: int) -> tuple[list[Sheet], T]:
    """`draw(size)` in the first of `sizes` whose pages are `most` at the most (else in the last), every attempt from
    the same state of `rng`, so that only the size changes: (the pages, what `draw` returns beside them)."""
    state = rng.getstate()
    for size in sizes:
        rng.setstate(state)
        sheets, extra = draw(size)
        if len(sheets) <= most:
            break
    return sheets, extra
