"""French display of the records' values for the pages (template filters): dates
`30/11/2026`, moments in Europe/Paris `30/11/2026 à 14:05`, amounts `2 550,00 €`, hours
`35 h`, numbers without a trailing `.0`. The stored values stay as the contract has them
(ISO dates, UTC times, numbers); only their display changes.

Spaces are no-break (U+00A0), as the checks' own messages write amounts
(validators.wording), so that an amount never wraps and one page has one style;
storage.reviews.parse_value reads them back."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from models.field_kinds import DATE_FIELDS, HOURS_FIELDS, MONEY_FIELDS, MONTH_FIELDS
from validators.wording import french_date, french_euros, french_number

PARIS = ZoneInfo("Europe/Paris")
NBSP = "\u00a0"
NOTHING = "—"


def in_paris(moment: dt.datetime) -> dt.datetime:
    """The records keep UTC (a naive time is UTC too); agents read Paris time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(PARIS)


def date_fr(value: object) -> str:
    """`30/11/2026` from a date, a moment (its day in Paris) or an ISO text; other text as is."""
    if value is None or value == "":
        return NOTHING
    if isinstance(value, dt.datetime):
        return french_date(in_paris(value))
    if isinstance(value, dt.date):
        return french_date(value)
    day = _iso_day(str(value))
    return french_date(day) if day else str(value)


def datetime_fr(value: object) -> str:
    """`30/11/2026 à 14:05`, Paris time, from a moment or its ISO text."""
    if value is None or value == "":
        return NOTHING
    moment = value
    if isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if not isinstance(moment, dt.datetime):
        return date_fr(moment)
    local = in_paris(moment)
    return f"{french_date(local)} à {local:%H:%M}"


def month_fr(value: object) -> str:
    """A pay period `2026-05` as `05/2026`."""
    text = str(value)
    year, _, month = text.partition("-")
    return f"{month}/{year}" if len(year) == 4 and len(month) == 2 and (year + month).isdigit() else text


def number_fr(value: object) -> str:
    """`35`, `37,5` (never `35.0`); text that is no number as is."""
    number = _decimal(value)
    return french_number(number) if number is not None else str(value)


def euros(value: object) -> str:
    number = _decimal(value)
    return french_euros(number) if number is not None else str(value)


def hours(value: object) -> str:
    number = _decimal(value)
    return f"{french_number(number)}{NBSP}h" if number is not None else str(value)


def field_value(value: object, name: str) -> str:
    """A field's value as the page shows it, by the kind of value the field holds."""
    if value is None or value == "":
        return "non lu"
    if name in DATE_FIELDS:
        return date_fr(value)
    if name in MONTH_FIELDS:
        return month_fr(value)
    if name in MONEY_FIELDS:
        return euros(value)
    if name in HOURS_FIELDS:
        return hours(value)
    return number_fr(value) if isinstance(value, float) else str(value)


def field_input(value: object, name: str) -> str:
    """A field's value in its input: French, and read back as the same value by
    storage.reviews.parse_value (no unit, no rounding of what was read)."""
    if value is None:
        return ""
    if name in DATE_FIELDS:
        return date_fr(value)
    if name in MONTH_FIELDS:
        return month_fr(value)
    number = _decimal(value) if name in MONEY_FIELDS | HOURS_FIELDS else None
    if number is None:
        return number_fr(value) if isinstance(value, float) else str(value)
    if name in MONEY_FIELDS and number == number.quantize(Decimal("0.01")):
        return french_euros(number).removesuffix(f"{NBSP}€")
    return _grouped(french_number(number))


FILTERS = {
    "french_date": date_fr, "french_datetime": datetime_fr, "euros": euros, "hours": hours,
    "number": number_fr, "field_value": field_value, "field_input": field_input,
}


def _iso_day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 and text[4] == "-" else None
    except ValueError:
        return None


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal | int | float):
        number = Decimal(str(value))
    else:
        try:
            number = Decimal(str(value).strip().replace(NBSP, "").replace(" ", "").replace(",", "."))
        except InvalidOperation:
            return None
    return number if number.is_finite() else None


def _grouped(text: str) -> str:
    """`2550,125` -> `2 550,125`: thousands apart, as amounts are."""
    whole, comma, decimals = text.partition(",")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = [digits[max(0, end - 3):end] for end in range(len(digits), 0, -3)][::-1]
    return sign + NBSP.join(groups) + comma + decimals
