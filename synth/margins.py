"""Check a truth file against the eval README's margins: every value a rule compares stays
clear of its limit, so that a reading off by a little never flips a flag (dates 5 days,
publications >= 26 or <= 15 days, presence 10 h from 308 / 924, pay 1 EUR from its floor,
paying exactly the minimum allowed)."""
from __future__ import annotations

import datetime as dt

from synth.rules import (
    DAYS_MARGIN,
    EURO_MARGIN,
    GRATIFICATION_HOURS,
    HOURS_MARGIN,
    MAX_PRESENCE_HOURS,
    add_months,
    exemption_threshold,
    gratification_floor,
    money,
    presence_hours,
    publication_days,
    salary_floor,
)


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _near(day: dt.date | None, limit: dt.date, what: str, out: list[str]) -> None:
    if day is not None and abs((day - limit).days) < DAYS_MARGIN:
        out.append(f"{what}: {day} within {DAYS_MARGIN} days of {limit}")


def _pay(amount, floor, what: str, out: list[str], exact_ok: bool = True) -> None:
    gap = abs(money(amount) - floor)
    if gap < EURO_MARGIN and not (exact_ok and gap == 0):
        out.append(f"{what}: {amount} within 1 EUR of {floor}")


def margin_problems(truth: dict) -> list[str]:
    s = _d(truth["submitted_at"])
    out: list[str] = []
    for p in truth["pieces"]:
        f, kind = p["fields"], p["type"]
        if kind in ("passport", "id_card", "residence_permit"):
            _near(_d(f["expiry_date"]), s, f"{kind} expiry", out)
        if kind == "residence_permit" and truth["procedure"] == "renouvellement":
            for months in (-2, -1):
                _near(s, add_months(_d(f["expiry_date"]), months), "renewal window", out)
        if kind == "company_registration":
            _near(_d(f["extract_date"]), add_months(s, -3), "registration extract", out)
        if kind == "urssaf_certificate":
            _near(add_months(_d(f["issue_date"]), 6), s, "certificate age", out)
        if kind == "diploma":
            _near(_d(f["award_date"]), add_months(s, -12), "diploma award", out)
        if kind == "job_offer":
            n = publication_days(_d(f["published_from"]), _d(f["published_to"]), s)
            if 15 < n < 26:
                out.append(f"offer published {n} days")
        if kind == "employment_contract":
            start = _d(f["start_date"]) or s
            day = s if truth["procedure"] == "renouvellement" else start
            _pay(f["gross_monthly_salary"], salary_floor(day, f["weekly_hours"]), "salary vs SMIC", out, exact_ok=False)
            if truth["procedure"] == "changement_statut":
                _pay(f["gross_monthly_salary"], exemption_threshold(start), "salary vs 1.5 SMIC", out)
        if kind == "internship_agreement":
            start, end = _d(f["start_date"]), _d(f["end_date"])
            hours = presence_hours(f["weekly_hours"], start, end)
            for limit in (GRATIFICATION_HOURS, MAX_PRESENCE_HOURS):
                if abs(hours - limit) < HOURS_MARGIN:
                    out.append(f"internship {hours:.1f} h near {limit}")
            if hours > GRATIFICATION_HOURS:
                _pay(f["monthly_gratification"], gratification_floor(start, f["weekly_hours"]), "gratification", out)
            _near(s, add_months(start, -2), "agreement sent", out)
    return out
