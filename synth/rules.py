"""The generator's own reading of the v2 rules (DOMAIN.md, eval/README.md): legal amounts,
calendar months, hours of presence and the date formulas. Written here on purpose: the
generator is the oracle of the pipeline's validators and must not share their code."""
from __future__ import annotations

import calendar
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

SMIC_MONTHLY_35H = ((dt.date(2023, 1, 1), "1709.28"), (dt.date(2023, 5, 1), "1747.20"),
                    (dt.date(2024, 1, 1), "1766.92"), (dt.date(2024, 11, 1), "1801.80"),
                    (dt.date(2026, 1, 1), "1823.03"))
INTERN_HOURLY_MIN = ((dt.date(2024, 1, 1), "4.35"), (dt.date(2026, 1, 1), "4.50"))
CENT = Decimal("0.01")
MAX_PRESENCE_HOURS = Decimal(924)  # 6 months of 22 days of 7 hours (D124-6)
GRATIFICATION_HOURS = Decimal(308)  # 2 months
DAYS_MARGIN = 5  # eval README: dates stay this far from their limits
HOURS_MARGIN = 10
EURO_MARGIN = 1


def money(value: float | str | Decimal) -> Decimal:
    """Half up to the cent, from the printed decimal (never through a binary float product)."""
    return Decimal(str(value)).quantize(CENT, ROUND_HALF_UP)


def value_at(table: tuple[tuple[dt.date, str], ...], day: dt.date) -> Decimal:
    current = Decimal(table[0][1])
    for start, value in table:
        if day >= start:
            current = Decimal(value)
    return current


def smic(day: dt.date) -> Decimal:
    return value_at(SMIC_MONTHLY_35H, day)


def salary_floor(day: dt.date, weekly_hours: float) -> Decimal:
    return money(smic(day) * Decimal(str(weekly_hours)) / 35)


def exemption_threshold(day: dt.date) -> Decimal:
    """1.5 x the 35-hour SMIC, whatever the weekly hours (D5221-21-1)."""
    return money(smic(day) * Decimal("1.5"))


def gratification_floor(day: dt.date, weekly_hours: float) -> Decimal:
    return money(value_at(INTERN_HOURLY_MIN, day) * Decimal(str(weekly_hours)) * 52 / 12)


def weekly_from_monthly(hours_per_month: float) -> float:
    return float(money(Decimal(str(hours_per_month)) * 12 / 52))


def presence_hours(weekly_hours: float, start: dt.date, end: dt.date) -> Decimal:
    return Decimal(str(weekly_hours)) * ((end - start).days + 1) / 7


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def mid_month(day: dt.date) -> dt.date:
    """Keep dates away from month boundaries (day 5..24)."""
    return day.replace(day=min(max(day.day, 5), 24))


def far_from(day: dt.date, limit: dt.date, margin: int = DAYS_MARGIN) -> bool:
    return abs((day - limit).days) >= margin


# The date formulas of the v2 flags ------------------------------------------------------------

def certificate_outdated(issue: dt.date, submitted: dt.date) -> bool:
    return add_months(issue, 6) <= submitted


def publication_days(published_from: dt.date, published_to: dt.date, submitted: dt.date) -> int:
    return (min(published_to, submitted) - max(published_from, add_months(submitted, -6))).days + 1


def convention_late(start: dt.date, submitted: dt.date) -> bool:
    return submitted > add_months(start, -2)


def renewal_in_window(expiry: dt.date, submitted: dt.date) -> bool:
    return add_months(expiry, -2) <= submitted < add_months(expiry, -1)


def diploma_recent(award: dt.date | None, submitted: dt.date) -> bool:
    return award is not None and add_months(submitted, -12) <= award <= submitted
