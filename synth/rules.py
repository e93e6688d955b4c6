"""Legal amounts (DOMAIN.md dated tables) and calendar helpers used to place
values clearly on one side of each threshold."""
from __future__ import annotations

import calendar
import datetime as dt

SMIC_MONTHLY_35H = ((dt.date(2024, 11, 1), 1801.80), (dt.date(2026, 1, 1), 1823.03))
INTERN_HOURLY_MIN = ((dt.date(2024, 1, 1), 4.35), (dt.date(2026, 1, 1), 4.50))


def value_at(table: tuple[tuple[dt.date, float], ...], day: dt.date) -> float:
    current = table[0][1]
    for start, value in table:
        if day >= start:
            current = value
    return current


def salary_floor(start: dt.date, weekly_hours: float) -> float:
    return round(value_at(SMIC_MONTHLY_35H, start) * weekly_hours / 35, 2)


def gratification_floor(start: dt.date, weekly_hours: float) -> float:
    return round(value_at(INTERN_HOURLY_MIN, start) * weekly_hours * 52 / 12, 2)


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def mid_month(day: dt.date) -> dt.date:
    """Keep dates away from month boundaries (day 5..24)."""
    return day.replace(day=min(max(day.day, 5), 24))
