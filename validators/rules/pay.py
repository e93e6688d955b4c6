"""Rules on pay and duration: SMIC for employees, internship length and gratification."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models.domain import FlagCode, PieceType
from models.records import Flag
from validators.context import CheckContext
from validators.legal_amounts import INTERN_HOURLY_MINIMUM, SMIC_MONTHLY_35H, AmountNotInForce
from validators.months import add_months
from validators.values import date_field, decimal_field, to_cents
from validators.wording import french_date, french_euros, french_number, piece_label

LEGAL_WEEKLY_HOURS = Decimal(35)
WEEKS_PER_YEAR, MONTHS_PER_YEAR = Decimal(52), Decimal(12)
INTERNSHIP_MAX_MONTHS = 6
GRATIFICATION_FROM_MONTHS = 2  # an internship longer than this must pay the minimum


def salary_below_minimum(ctx: CheckContext) -> list[Flag]:
    """Gross monthly salary at least the SMIC in force at the start date, pro rata of the hours."""
    flags = []
    for index, contract in ctx.pieces_of(PieceType.employment_contract):
        start = date_field(contract, "start_date")
        hours = decimal_field(contract, "weekly_hours")
        salary = decimal_field(contract, "gross_monthly_salary")
        if start is None or hours is None or salary is None:
            continue
        smic = _amount_or_none(ctx, SMIC_MONTHLY_35H, start)
        if smic is None:
            continue
        minimum = to_cents(smic * hours / LEGAL_WEEKLY_HOURS)
        if to_cents(salary) < minimum:
            flags.append(Flag.make(
                FlagCode.salary_below_minimum,
                f"Le salaire brut mensuel de {french_euros(salary)} sur {piece_label(contract)} est inférieur "
                f"au minimum de {french_euros(minimum)} pour {french_number(hours)} h par semaine "
                f"(SMIC brut mensuel de {french_euros(smic)} pour 35 h, en vigueur au début du contrat "
                f"le {french_date(start)}).",
                piece=index,
                field="gross_monthly_salary",
            ))
    return flags


def internship_too_long(ctx: CheckContext) -> list[Flag]:
    flags = []
    for index, agreement in ctx.pieces_of(PieceType.internship_agreement):
        start, end = date_field(agreement, "start_date"), date_field(agreement, "end_date")
        if start is None or end is None:
            continue
        latest_end = add_months(start, INTERNSHIP_MAX_MONTHS)
        if end > latest_end:
            flags.append(Flag.make(
                FlagCode.internship_too_long,
                f"Le stage décrit par {piece_label(agreement)} dure plus de {INTERNSHIP_MAX_MONTHS} mois : "
                f"du {french_date(start)} au {french_date(end)} (fin au plus tard le {french_date(latest_end)}).",
                piece=index,
                field="end_date",
            ))
    return flags


def gratification_below_minimum(ctx: CheckContext) -> list[Flag]:
    """An internship of more than 2 months pays at least hourly minimum × weekly hours × 52 / 12;
    no gratification (0) is below it."""
    flags = []
    for index, agreement in ctx.pieces_of(PieceType.internship_agreement):
        start, end = date_field(agreement, "start_date"), date_field(agreement, "end_date")
        hours = decimal_field(agreement, "weekly_hours")
        paid = decimal_field(agreement, "monthly_gratification")
        if start is None or end is None or hours is None or paid is None:
            continue
        if end <= add_months(start, GRATIFICATION_FROM_MONTHS):
            continue
        hourly = _amount_or_none(ctx, INTERN_HOURLY_MINIMUM, start)
        if hourly is None:
            continue
        minimum = to_cents(hourly * hours * WEEKS_PER_YEAR / MONTHS_PER_YEAR)
        if to_cents(paid) < minimum:
            flags.append(Flag.make(
                FlagCode.gratification_below_minimum,
                f"La gratification mensuelle de {french_euros(paid)} sur {piece_label(agreement)} est inférieure "
                f"au minimum légal pour un stage de plus de {GRATIFICATION_FROM_MONTHS} mois : "
                f"{french_euros(minimum)} ({french_euros(hourly)} de l'heure × {french_number(hours)} h "
                f"× 52 semaines / 12 mois, minimum horaire en vigueur au début du stage le {french_date(start)}).",
                piece=index,
                field="monthly_gratification",
            ))
    return flags


def _amount_or_none(ctx: CheckContext, name: str, on: dt.date) -> Decimal | None:
    """The legal amount in force, or None when the table does not go back to that date:
    then the check cannot be made, which is no fault of the dossier."""
    try:
        return ctx.amounts.in_force(name, on)
    except AmountNotInForce:
        return None
