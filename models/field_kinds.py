"""The kind of value each field holds (DOMAIN.md, "Dates are ISO `YYYY-MM-DD`, money is a
number in euros, hours a number"): how the interface shows a value and reads an agent's."""
from __future__ import annotations

DATE_FIELDS = frozenset({
    "date_of_birth", "expiry_date", "start_date", "end_date", "extract_date", "award_date",
    "issue_date", "published_from", "published_to", "signed_on",
})
MONTH_FIELDS = frozenset({"period"})  # `YYYY-MM`
MONEY_FIELDS = frozenset({"gross_monthly_salary", "gross_salary", "monthly_gratification"})
HOURS_FIELDS = frozenset({"weekly_hours"})
NUMERIC_FIELDS = MONEY_FIELDS | HOURS_FIELDS
