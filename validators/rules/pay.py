"""Rules on pay and duration: SMIC for employees, internship presence and gratification.

Money and hours are Decimal; thresholds are rounded half up to the cent before comparing,
and paying exactly the minimum is not below it.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models.domain import FlagCode, PieceType
from models.records import Flag, PieceResult
from validators.certainty import Value, flag_if_certain
from validators.context import CheckContext
from validators.legal_amounts import INTERN_HOURLY_MINIMUM, SMIC_MONTHLY_35H
from validators.values import date_field, decimal_field, to_cents
from validators.wording import french_date, french_euros, french_number, piece_label

LEGAL_WEEKLY_HOURS = Decimal(35)
WEEKS_PER_YEAR, MONTHS_PER_YEAR = Decimal(52), Decimal(12)
DAYS_PER_WEEK = 7
# Code de l'éducation L124-5, L124-6, D124-6: 7 hours of presence are a day, 22 days a month,
# so 6 months are 924 hours and 2 months 308 hours.
INTERNSHIP_MAX_HOURS = Decimal(924)
GRATIFICATION_FROM_HOURS = Decimal(308)
RENEWAL = "renouvellement"


def smic_date(ctx: CheckContext, contract: PieceResult) -> tuple[dt.date, str]:
    """The date whose SMIC applies, and how to say it: the contract's start, or submitted_at for
    a renewal (the pay owed now) or a contract whose start date is unread."""
    start = date_field(contract, "start_date")
    if ctx.procedure == RENEWAL:
        return ctx.submitted_at, f"en vigueur au dépôt du renouvellement le {french_date(ctx.submitted_at)}"
    if start is None:
        return ctx.submitted_at, f"en vigueur au dépôt le {french_date(ctx.submitted_at)}, date de début non lue"
    return start, f"en vigueur au début du contrat le {french_date(start)}"


def salary_below_minimum(ctx: CheckContext) -> list[Flag]:
    """Gross monthly salary at least the monthly SMIC × weekly hours / 35."""
    flags = []
    for index, contract in ctx.pieces_of(PieceType.employment_contract):
        hours = decimal_field(contract, "weekly_hours")
        salary = decimal_field(contract, "gross_monthly_salary")
        if hours is None or salary is None:
            continue
        on, when = smic_date(ctx, contract)
        smic = ctx.amount(SMIC_MONTHLY_35H, on)
        if smic is None:
            continue
        minimum = to_cents(smic * hours / LEGAL_WEEKLY_HOURS)
        if to_cents(salary) >= minimum:
            continue
        compared = [Value(index, contract, "gross_monthly_salary"), Value(index, contract, "weekly_hours")]
        if on != ctx.submitted_at:
            compared.append(Value(index, contract, "start_date"))
        flags.append(flag_if_certain(
            FlagCode.salary_below_minimum,
            f"Le salaire brut mensuel de {french_euros(salary)} sur {piece_label(contract)} est inférieur "
            f"au minimum de {french_euros(minimum)} pour {french_number(hours)} h par semaine "
            f"(SMIC brut mensuel de {french_euros(smic)} pour 35 h, {when}).",
            compared, piece=index, field="gross_monthly_salary",
        ))
    return flags


def presence_hours(agreement: PieceResult) -> Decimal | None:
    """weekly_hours × (end − start + 1 day) / 7, exact; None when a value is unread."""
    start, end = date_field(agreement, "start_date"), date_field(agreement, "end_date")
    hours = decimal_field(agreement, "weekly_hours")
    if start is None or end is None or hours is None:
        return None
    return hours * ((end - start).days + 1) / DAYS_PER_WEEK


def _presence_values(index: int, agreement: PieceResult) -> list[Value]:
    return [Value(index, agreement, name) for name in ("weekly_hours", "start_date", "end_date")]


def _presence_text(agreement: PieceResult, hours: Decimal) -> str:
    start, end = date_field(agreement, "start_date"), date_field(agreement, "end_date")
    weekly = decimal_field(agreement, "weekly_hours")
    assert start is not None and end is not None and weekly is not None
    days = (end - start).days + 1
    return (f"{french_number(weekly)} h par semaine du {french_date(start)} au {french_date(end)} "
            f"({days} jours), soit {french_number(hours.quantize(Decimal('0.1')))} h de présence")


def internship_too_long(ctx: CheckContext) -> list[Flag]:
    flags = []
    for index, agreement in ctx.pieces_of(PieceType.internship_agreement):
        hours = presence_hours(agreement)
        if hours is None or hours <= INTERNSHIP_MAX_HOURS:
            continue
        flags.append(flag_if_certain(
            FlagCode.internship_too_long,
            f"Le stage décrit par {piece_label(agreement)} dépasse six mois de présence : "
            f"{_presence_text(agreement, hours)}, au-delà du maximum de {french_number(INTERNSHIP_MAX_HOURS)} h "
            "(Code de l'éducation L124-5, D124-6).",
            _presence_values(index, agreement), piece=index, field="end_date",
        ))
    return flags


def gratification_below_minimum(ctx: CheckContext) -> list[Flag]:
    """An internship of more than 308 hours of presence pays at least hourly minimum ×
    weekly hours × 52 / 12 (rounded half up to the cent); no gratification (0) is below it."""
    flags = []
    for index, agreement in ctx.pieces_of(PieceType.internship_agreement):
        hours = presence_hours(agreement)
        weekly = decimal_field(agreement, "weekly_hours")
        paid = decimal_field(agreement, "monthly_gratification")
        start = date_field(agreement, "start_date")
        if hours is None or weekly is None or paid is None or start is None or hours <= GRATIFICATION_FROM_HOURS:
            continue
        hourly = ctx.amount(INTERN_HOURLY_MINIMUM, start)
        if hourly is None:
            continue
        minimum = to_cents(hourly * weekly * WEEKS_PER_YEAR / MONTHS_PER_YEAR)
        if to_cents(paid) >= minimum:
            continue
        flags.append(flag_if_certain(
            FlagCode.gratification_below_minimum,
            f"La gratification mensuelle de {french_euros(paid)} sur {piece_label(agreement)} est inférieure "
            f"au minimum légal de {french_euros(minimum)} ({french_euros(hourly)} de l'heure × "
            f"{french_number(weekly)} h × 52 semaines / 12 mois, minimum horaire en vigueur au début du stage "
            f"le {french_date(start)}), dû pour un stage de plus de {french_number(GRATIFICATION_FROM_HOURS)} h "
            f"de présence : {_presence_text(agreement, hours)}.",
            [*_presence_values(index, agreement), Value(index, agreement, "monthly_gratification")],
            piece=index, field="monthly_gratification",
        ))
    return flags
