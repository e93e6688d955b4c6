"""Figures and drawing helpers French payroll software prints with, shared by the fresh payslip families
`bulletin_paysage`, `bulletin_interim`, `bulletin_bilingue` and `cabinet_comptable`: the social security ceiling, the
rates that depend on the gross, amounts and rates written the French way, a leave taken within the month, the paid
leave earned over its reference years, the seniority, the tax rate's label, the rows of the pay table and their cells,
a social security number, the mentions every slip prints, text fitted to its room, a tint, a dashed rule, a table's
heads and cells and a small ruled grid."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from synth.fmt import number_fr
from synth.fonts import FontKey, text_width_mm
from synth.layout import BLACK, Box, Color, Rule, Sheet, Text
from synth.people import Person
from synth.pieces.base import bold
from synth.rules import add_months

# the plafond mensuel de la sécurité sociale, from the day it applies
PMSS = ((dt.date(2024, 1, 1), 3864.0), (dt.date(2025, 1, 1), 3925.0), (dt.date(2026, 1, 1), 4005.0))
# the versement mobilité's rate by the employer's town (elsewhere: 1,80 %)
TRANSPORT = {"Paris": 3.20, "Lyon": 2.00, "Marseille": 2.00, "Toulouse": 2.00, "Lille": 2.00, "Bordeaux": 2.00,
             "Nantes": 2.00, "Strasbourg": 2.00}
# the generator's jobs paid as cadres
CADRES = {"Ingénieur d'études", "Chef de projet marketing", "Ingénieure R&D", "Analyste de données",
          "Développeur informatique", "Conducteur de travaux"}
# the mention every payslip prints, and the public portal that explains the slip
KEEP = ("Dans votre intérêt et pour vous aider à faire valoir vos droits, conservez ce bulletin de paie sans "
        "limitation de durée.")
PORTAL = "Rubrique dédiée au bulletin de paie sur le portail www.service-public.fr"


# ------------------------------------------------------------------ figures


def pct(rate: float) -> str:
    """A rate as payroll prints it: two decimals at least, up to four (0,024)."""
    text = f"{rate:.4f}".rstrip("0")
    whole, decimals = text.split(".")
    return f"{whole},{decimals.ljust(2, '0')}"


def rate4(value: float) -> str:
    return f"{value:.4f}".replace(".", ",")


def signed(amount: float) -> str:
    return ("-" if amount < 0 else "") + number_fr(abs(amount))


def cut(base: float, rate: float) -> float:
    """`rate` % of `base`, to the cent."""
    return round(base * rate / 100, 2)


def monthly_ceiling(day: dt.date) -> float:
    """The plafond mensuel de la sécurité sociale on `day`."""
    return [v for start, v in PMSS if day >= start][-1] if day >= PMSS[0][0] else PMSS[0][1]


def last_day(p: dt.date) -> dt.date:
    """The last day of the month of `p` (its first)."""
    return add_months(p, 1) - dt.timedelta(days=1)


def working_days(p: dt.date, count: int, rng: random.Random) -> tuple[dt.date, dt.date]:
    """`count` consecutive working days (Monday to Friday) within the month of `p` (its first): the first and the
    last."""
    last = last_day(p)
    while True:
        start = p + dt.timedelta(days=rng.randint(0, last.day - 8))
        start += dt.timedelta(days=(7 - start.weekday()) % 7 if start.weekday() >= 5 else 0)
        end, left = start, count - 1
        while left:
            end += dt.timedelta(days=1)
            if end.weekday() < 5:
                left -= 1
        if end <= last:
            return start, end


@dataclass(frozen=True)
class Absence:
    """Paid leave or sick leave taken in the month and paid back: `days` working days from `start` to `end`, at
    `daily` (the base over 21,67 days), `amount` in all."""
    kind: str  # "leave" or "sick"
    days: int
    start: dt.date
    end: dt.date
    daily: float
    amount: float

    def span(self) -> str:
        """"du 06/04 au 08/04", or "le 06/04" for one day."""
        return f"du {self.start:%d/%m} au {self.end:%d/%m}" if self.days > 1 else f"le {self.start:%d/%m}"


def absence(p: dt.date, base_salary: float, rng: random.Random) -> Absence | None:
    """On half the slips with no extra, a few days of paid leave (1 to 5) or sick leave (2 to 4) within the month of
    `p`, paid back."""
    kind = rng.choice(("none", "none", "leave", "sick"))
    if kind == "none":
        return None
    days = rng.randint(1, 5) if kind == "leave" else rng.randint(2, 4)
    start, end = working_days(p, days, rng)
    daily = base_salary / 21.67
    return Absence(kind, days, start, end, daily, round(days * daily, 2))


def leave_years(p: dt.date, start: dt.date) -> tuple[tuple[tuple[dt.date, dt.date], float],
                                                       tuple[tuple[dt.date, dt.date], float]]:
    """The paid leave of a worker hired on `start`, on the slip of the month of `p`: ((the reference year "N-1", the
    days earned in it), (the year "N", the days earned so far)), "N-1" running from June to May of last year, "N"
    since June (2,08 working days a month, 25 a full year)."""
    year = p.year if p.month >= 6 else p.year - 1
    ref_n1, ref_n = (dt.date(year - 1, 6, 1), dt.date(year, 5, 31)), (dt.date(year, 6, 1), dt.date(year + 1, 5, 31))
    earned_n1 = 25.0 if start <= ref_n1[0] else min(25.0, round(2.08 * max(0, (ref_n1[1].year - start.year) * 12
                                                                             + ref_n1[1].month - start.month), 2))
    from_n = max(ref_n[0], start.replace(day=1))
    earned_n = round(2.08 * max(0, (p.year - from_n.year) * 12 + p.month - from_n.month), 2)
    return (ref_n1, earned_n1), (ref_n, earned_n)


def health_and_family_rates(gross: float, smic_month: float) -> tuple[float, float]:
    """The employer's maladie and allocations familiales rates (%): the full ones over 2.5 and 3.5 SMIC."""
    return 13.0 if gross > 2.5 * smic_month else 7.0, 5.25 if gross > 3.5 * smic_month else 3.45


def general_reduction(gross: float, smic_month: float) -> float:
    """The coefficient of the réduction générale des cotisations patronales (none from 3 SMIC up)."""
    ratio = 3 * smic_month / gross
    return min(0.3981, 0.02 + 0.3781 * (0.5 * (ratio - 1)) ** 1.75) if ratio > 1 else 0.0


def seniority(start: dt.date, end: dt.date) -> str:
    """The seniority from `start` to `end` in whole years and months: "3 ans 2 mois", "1 an", "moins d'un mois"."""
    months = max(0, (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day))
    years, months = divmod(months, 12)
    parts = ([f"{years} an{'s' if years > 1 else ''}"] if years else []) + ([f"{months} mois"] if months else [])
    return " ".join(parts) or "moins d'un mois"


def tax_rate_label(tax_rate: float, rng: random.Random, personal: float) -> str:
    """How the slip names the rate of the tax at source: with a tax, the rate the DGFiP sent (`personal` of the
    time: "Taux personnalisé" or "Taux transmis par la DGFiP") or else "Taux non personnalisé"; with none,
    "Taux personnalisé"."""
    return (rng.choice(("Taux personnalisé", "Taux transmis par la DGFiP")) if tax_rate and rng.random() < personal
            else "Taux non personnalisé" if tax_rate else "Taux personnalisé")


def ssn_born_abroad(person: Person, rng: random.Random) -> str:
    """A French social security number for a worker born abroad (département 99), with its key."""
    digits = f"{1 if person.sex == 'M' else 2}{person.birth_date:%y%m}99{rng.randint(100, 499)}{rng.randint(1, 999):03d}"
    key = 97 - int(digits) % 97
    return f"{digits[0]} {digits[1:3]} {digits[3:5]} {digits[5:7]} {digits[7:10]} {digits[10:13]} {key:02d}"


# ------------------------------------------------------------------ the pay table


@dataclass
class Line:
    """One row of the pay table: a pay line (`gain`, negative for an absence or a deduction from the pay), a
    contribution (`cut` withheld from the employee, negative for an exemption; `pat` paid by the employer, negative
    for a reduction), a heading, the gross, a total or a net."""
    label: str
    base: str = ""
    rate: str = ""
    gain: float | None = None
    cut: float | None = None
    pat_rate: str = ""
    pat: float | None = None
    style: str = "line"  # "head" (a group's heading), "line", "sub" (under a heading), "gross", "total", "net"
    code: str = ""


@dataclass(frozen=True)
class Column:
    head: str
    key: str  # a Line's attribute, or "amount" (gains positive, withholdings negative)
    x: float  # the left edge
    w: float
    align: str = "right"


def cell(line: Line, key: str) -> str:
    """What `line` prints in the column of `key`: "amount" one signed column (gains positive, withholdings
    negative), "gain" and "cut" the gains and the withholdings apart (an absence among the withholdings), else the
    attribute (an amount signed)."""
    if key == "amount":
        if line.gain is not None:
            return signed(line.gain)
        return signed(-line.cut) if line.cut is not None else ""
    if key == "gain":
        return signed(line.gain) if line.gain is not None and line.gain >= 0 else ""
    if key == "cut":
        if line.gain is not None and line.gain < 0:
            return number_fr(-line.gain)
        return signed(line.cut) if line.cut is not None else ""
    value = getattr(line, key)
    if isinstance(value, float):
        return signed(value)
    return value or ""


# ------------------------------------------------------------------ drawing


def fit(text: str, font: FontKey, size: float, width: float) -> float:
    """The size `text` fits `width` at, by steps of 0.2 pt and not under 4.6 pt."""
    while size > 4.6 and text_width_mm(text, font, size) > width:
        size -= 0.2
    return size


def put(sheet: Sheet, x: float, y: float, text: str, size: float, font: FontKey, width: float | None = None,
        color: Color = BLACK, align: str = "left") -> None:
    """`text` (if any) at (x, y), made smaller to fit `width` where one is given."""
    if text:
        size = fit(text, font, size, width) if width else size
        sheet.add(Text(x, y, text, size, font, color, align))  # type: ignore[arg-type]


def tint(color: Color, k: float) -> Color:
    """`color` taken `k` of the way to white."""
    return tuple(min(255, int(v + (255 - v) * k)) for v in color)  # type: ignore[return-value]


def dashed_rule(sheet: Sheet, left: float, right: float, y: float, color: Color) -> None:
    """A dashed rule at `y` from `left` to `right`: 1.8 mm dashes every 3 mm."""
    for x in range(int(left), int(right) - 1, 3):
        sheet.add(Rule(x, y, x + 1.8, y, 0.2, color))


@dataclass
class TableStyle:
    """How a sub-layout draws its pay table: its face, its accent, its kind (the family's word: "band", "grid",
    "plain", "dashed"...) and the rows' step."""
    font: FontKey
    accent: Color
    kind: str
    step: float = 3.6


def put_heads(sheet: Sheet, cols: Sequence[Column], y: float, size: float, font: FontKey, color: Color) -> None:
    """The columns' heads (in bold) at `y`: 1 mm inside their left edge, or their right one for a right-aligned
    column."""
    for col in cols:
        put(sheet, col.x + (col.w - 1 if col.align == "right" else 1), y, col.head, size, bold(font), col.w - 1.5,
            color, col.align)


def put_cells(sheet: Sheet, cols: Sequence[Column], row: Line, y: float, size: float, font: FontKey) -> None:
    """`row`'s cells at `y`: in bold for a heading, the gross, a total or a net; the label of a row under a heading
    indented; the figures right-aligned."""
    face = bold(font) if row.style in ("head", "gross", "total", "net") else font
    for col in cols:
        text = cell(row, col.key)
        if col.key == "label" and row.style == "sub":
            put(sheet, col.x + 3.5, y, text, size, font, col.w - 4.5)
        elif col.align == "right":
            put(sheet, col.x + col.w - 1, y, text, size, face, col.w - 1.5, align="right")
        else:
            put(sheet, col.x + 1, y, text, size, face, col.w - 1.5)


def grid(sheet: Sheet, x: float, y: float, widths: Sequence[float], rows: Sequence[tuple[str, ...]], font: FontKey,
         size: float, *, fill: Color, stroke: Color, leading: float, pad: float,
         figures: re.Pattern[str] | None = None) -> float:
    """A small ruled grid, the first row as its head (bold, on `fill`) and the first column in bold; the other cells
    right-aligned (only those `figures` matches, where it is given), `pad` inside their rules. Returns its bottom."""
    step = size * 0.3528 * leading
    for r, row in enumerate(rows):
        cx = x
        for i, (w, text) in enumerate(zip(widths, row)):
            sheet.add(Box(cx, y, w, step, fill=fill if r == 0 else None, stroke=stroke, width=0.15))
            face = bold(font) if r == 0 or i == 0 else font
            if i == 0 or r == 0 or (figures is not None and not figures.fullmatch(text)):
                put(sheet, cx + pad, y + step - 1.1, text, size, face, w - 2 * pad)
            else:
                put(sheet, cx + w - pad, y + step - 1.1, text, size, face, w - 2 * pad, align="right")
            cx += w
        y += step
    return y
