"""The labour-market test (DOMAIN.md, "Procedures"; Code du travail R5221-20, R5221-21,
D5221-21-1): does it apply to this dossier, and why, in one French reasoning the agent
reads on the dossier page and in the related flags' messages.

Which procedures it concerns, which pieces it requires and which exemptions each examines
are in the procedure table (validators/data/procedures.json, "labour_market_test").

1. shortage: the manifest's ROME code is in a family that the shortage list in force for
   the work place's region names (validators.shortage);
2. graduate (changement_statut): the residence permit is the job-seeker card, or a diploma
   was awarded in [submitted_at − 12 months, submitted_at]; and a contract pays at least
   1.5 × the 35-hour monthly SMIC in force at its start (on submitted_at if unread).

A doubtful value never decides an exemption alone: every condition is worked out as read *and*
whether certain values settle it (three-valued logic). When an exemption holds only through a
doubtful value the decision is `certain=False` and names that value; the absent offer and
statement then give check_inconclusive instead of missing_piece (DOMAIN.md), and a failing
offer check_inconclusive instead of offer_publication_insufficient. When no exemption holds as
read, the test applies (DOMAIN.md asks for doubt only on the side of an exemption granted).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from models.domain import PieceType
from models.records import PieceResult
from validators.certainty import Value, is_certain, why_doubtful
from validators.context import CheckContext
from validators.legal_amounts import SMIC_MONTHLY_35H
from validators.months import add_months
from validators.procedure_table import GRADUATE_EXEMPTION, SHORTAGE_EXEMPTION, Procedure
from validators.shortage import ShortageRow
from validators.values import date_field, decimal_field, text_field, to_cents
from validators.wording import (
    PIECE_LABEL,
    field_label,
    french_date,
    french_euros,
    piece_label,
)

APPLIES, EXEMPT_SHORTAGE, EXEMPT_GRADUATE = "applies", "exempt:shortage", "exempt:graduate"
JOB_SEEKER_CARD = "RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE"
RECENT_DIPLOMA_MONTHS = 12
EXEMPTION_SALARY_FACTOR = Decimal("1.5")
PUBLICATION_WINDOW_MONTHS = 6
PUBLICATION_MIN_DAYS = 21


@dataclass(frozen=True)
class Tri:
    """A condition as read (`holds`), and whether certain values settle it; when they do not,
    `doubt` is the doubtful value it rests on."""

    holds: bool
    doubt: Value | None = None

    @property
    def certain(self) -> bool:
        return self.doubt is None


def any_of(conditions: list[Tri]) -> Tri:
    """Kleene OR: settled by one certain true condition, or by all being certain."""
    holds = any(c.holds for c in conditions)
    if any(c.holds and c.certain for c in conditions) or all(c.certain for c in conditions):
        return Tri(holds)
    return Tri(holds, next(c.doubt for c in conditions if not c.certain))


def all_of(conditions: list[Tri]) -> Tri:
    """Kleene AND: settled by one certain false condition, or by all being certain."""
    holds = all(c.holds for c in conditions)
    if any(not c.holds and c.certain for c in conditions) or all(c.certain for c in conditions):
        return Tri(holds)
    return Tri(holds, next(c.doubt for c in conditions if not c.certain))


def read_as(holds: bool, values: list[Value]) -> Tri:
    return Tri(holds, next((v for v in values if not is_certain(v.piece, v.field)), None))


@dataclass(frozen=True)
class OfferWindow:
    """One job offer's publication against the six months before submitted_at."""

    value_from: Value
    value_to: Value
    days: int
    sentence: str

    @property
    def sufficient(self) -> bool:
        return self.days >= PUBLICATION_MIN_DAYS

    @property
    def certain(self) -> bool:
        return all(is_certain(v.piece, v.field) for v in (self.value_from, self.value_to))


@dataclass(frozen=True)
class LabourMarketDecision:
    outcome: str  # APPLIES, EXEMPT_SHORTAGE or EXEMPT_GRADUATE, as the values read say
    reasoning: str  # French, for the dossier page and the related flags
    doubt: Value | None  # the doubtful value the outcome rests on, None when certain values settle it
    required: tuple[PieceType, ...]  # the pieces the test requires when it applies
    grounds: Value | None  # exempt:graduate: the permit (job-seeker card) or the recent diploma
    offers: tuple[OfferWindow, ...]
    region_code: str | None = None
    shortage_valid_from: dt.date | None = None

    @property
    def certain(self) -> bool:
        return self.doubt is None

    @property
    def may_apply(self) -> bool:
        """The test applies as read, or the exemption granted rests on a doubtful value."""
        return self.outcome == APPLIES or not self.certain


def labour_market_decision(ctx: CheckContext) -> LabourMarketDecision | None:
    """None when the procedure has no labour-market test (or is unknown)."""
    return ctx.shared("labour_market", _decide)


# ----------------------------------------------------------------------------- decision

def _decide(ctx: CheckContext) -> LabourMarketDecision | None:
    procedure = ctx.procedures.get(ctx.procedure)
    if procedure is None or procedure.labour_market_test is None:
        return None
    test = procedure.labour_market_test
    shortage = _shortage(ctx) if SHORTAGE_EXEMPTION in test.exemptions else None
    offers = tuple(_offer_windows(ctx))

    def decision(outcome: str, reasoning: str, doubt: Value | None = None,
                 grounds: Value | None = None) -> LabourMarketDecision:
        return LabourMarketDecision(outcome, reasoning, doubt, test.required, grounds, offers,
                                    region_code=shortage.region_code if shortage else None,
                                    shortage_valid_from=shortage.valid_from if shortage else None)

    if shortage is not None and shortage.holds:
        reasoning = f"Test du marché du travail non opposable, dispense « métier en tension » : {shortage.sentence}."
        return decision(EXEMPT_SHORTAGE, reasoning)
    graduate = _graduate(ctx) if GRADUATE_EXEMPTION in test.exemptions else None
    if graduate is not None and graduate.verdict.holds:
        reasoning = (f"Test du marché du travail non opposable, dispense « diplômé ou carte de recherche "
                     f"d'emploi » (Code du travail R5221-21) : {graduate.sentence}. À confirmer par l'agent : "
                     "le lien entre l'emploi et les études, et l'éligibilité du diplôme."
                     + _doubt_sentence(graduate.verdict.doubt))
        if not graduate.verdict.certain:  # the test may apply after all: say where the offer stands
            reasoning += " " + _publication_sentence(ctx, offers)
        return decision(EXEMPT_GRADUATE, reasoning, graduate.verdict.doubt, graduate.grounds)
    reasons = [f"métier en tension : {shortage.sentence}" if shortage else None,
               f"diplômé ou carte de recherche d'emploi : {graduate.sentence}" if graduate else None]
    reasoning = (f"Test du marché du travail opposable ({_procedure_label(procedure)}) : aucune dispense ne s'applique"
                 + "".join(f" ; {r}" for r in reasons if r) + ". "
                 + f"Pièces exigées : {' et '.join(PIECE_LABEL[t] for t in test.required)}. "
                 + _publication_sentence(ctx, offers))
    return decision(APPLIES, reasoning)


def _procedure_label(procedure: Procedure) -> str:
    return f"procédure « {procedure.label} »"


def _doubt_sentence(doubt: Value | None) -> str:
    if doubt is None:
        return ""
    return (f" Décision incertaine : elle repose sur le champ « {field_label(doubt.field)} » lu sur "
            f"{piece_label(doubt.piece)} ({why_doubtful(doubt)}) ; à vérifier sur la pièce.")


# ---------------------------------------------------------------- exemption 1: shortage

@dataclass(frozen=True)
class ShortageFinding:
    holds: bool
    sentence: str
    region_code: str | None = None
    valid_from: dt.date | None = None


def _shortage(ctx: CheckContext) -> ShortageFinding:
    rome, postcode = ctx.job_rome_code, ctx.work_postcode
    if not rome or not postcode:
        return ShortageFinding(False, "le manifeste (dossier.json) ne donne pas un code ROME et un code postal du "
                                      "lieu de travail valides, la dispense ne peut pas être établie")
    departement, region = ctx.regions.of_postcode(postcode)
    if region is None:
        where = f"département {departement}" if departement else "aucun département"
        return ShortageFinding(False, f"le code postal {postcode} ({where}) ne relève d'aucune région de la table "
                                      "des régions, donc d'aucune liste des métiers en tension")
    in_region = f"la région {region.name} (code {region.code} ; code postal {postcode}, département {departement})"
    valid_from, rows = ctx.shortage_list.in_force(region.code, ctx.submitted_at)
    if valid_from is None:
        return ShortageFinding(False, f"aucune liste des métiers en tension n'est en vigueur le "
                                      f"{french_date(ctx.submitted_at)} pour {in_region}", region.code)
    listed = f"la liste des métiers en tension de {in_region} en vigueur depuis le {french_date(valid_from)}"
    row = next((r for r in rows if rome in r.rome_codes), None)
    if row is None:
        return ShortageFinding(False, f"le code ROME {rome} ne figure pas sur {listed} ({len(rows)} famille(s))",
                               region.code, valid_from)
    return ShortageFinding(True, f"le code ROME {rome} relève de la famille {row.fap_code} « {row.fap_label} », "
                                 f"inscrite sur {listed} ({_row_reference(row)})", region.code, valid_from)


def _row_reference(row: ShortageRow) -> str:
    return f"ligne {row.line} du fichier de la liste ; source : {row.source}"


# --------------------------------------------------------------- exemption 2: graduate

@dataclass(frozen=True)
class GraduateFinding:
    verdict: Tri
    sentence: str
    grounds: Value | None


def _normalized_category(text: str) -> str:
    """Ignoring case, accents and spaces (and the apostrophe's typographic forms)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", "", letters).upper()


def _graduate(ctx: CheckContext) -> GraduateFinding:
    cards = [(Value(i, p, "permit_category"), _normalized_category(category) == _normalized_category(JOB_SEEKER_CARD))
             for i, p in ctx.pieces_of(PieceType.residence_permit)
             if (category := text_field(p, "permit_category")) is not None]
    oldest = add_months(ctx.submitted_at, -RECENT_DIPLOMA_MONTHS)
    diplomas = [(Value(i, p, "award_date"), oldest <= awarded <= ctx.submitted_at)
                for i, p in ctx.pieces_of(PieceType.diploma)
                if (awarded := date_field(p, "award_date")) is not None]
    ground = any_of([read_as(holds, [value]) for value, holds in cards + diplomas])
    salary, salary_sentence = _salary_condition(ctx)
    verdict = all_of([ground, salary])
    # the exemption_to_confirm flag points to the job-seeker card, else to the recent diploma
    grounds = (next((v for v, holds in cards if holds), None)
               or next((v for v, holds in diplomas if holds), None))
    return GraduateFinding(verdict, f"{_ground_sentence(cards, diplomas, oldest)} ; {salary_sentence}", grounds)


def _ground_sentence(cards: list[tuple[Value, bool]], diplomas: list[tuple[Value, bool]], oldest: dt.date) -> str:
    card = next((v for v, holds in cards if holds), None)
    if card is not None:
        return (f"{piece_label(card.piece)} porte la catégorie « {text_field(card.piece, 'permit_category')} » "
                "(carte de recherche d'emploi ou de création d'entreprise)")
    diploma = next((v for v, holds in diplomas if holds), None)
    if diploma is not None:
        awarded = date_field(diploma.piece, "award_date")
        assert awarded is not None
        return (f"{piece_label(diploma.piece)} a été délivré le {french_date(awarded)}, dans les "
                f"{RECENT_DIPLOMA_MONTHS} mois précédant le dépôt (depuis le {french_date(oldest)})")
    categories = ", ".join(f"« {text_field(v.piece, 'permit_category')} »" for v, _ in cards) or "non lue"
    return (f"ni carte de recherche d'emploi (catégorie du titre de séjour : {categories}), ni diplôme délivré "
            f"depuis le {french_date(oldest)} (un diplôme sans date de délivrance ne le montre pas)")


def _salary_condition(ctx: CheckContext) -> tuple[Tri, str]:
    """A contract paying at least 1.5 × the 35-hour SMIC in force at its start, whatever its hours."""
    contracts = [(i, p) for i, p in ctx.pieces_of(PieceType.employment_contract)]
    if not contracts:
        return Tri(False), "sans contrat de travail, la condition de salaire ne peut pas être établie"
    findings = [_salary_finding(ctx, i, p) for i, p in contracts]
    verdict = any_of([tri for tri, _ in findings])
    best = next((f for f in findings if f[0].holds), findings[0])
    return verdict, best[1]


def _salary_finding(ctx: CheckContext, index: int, contract: PieceResult) -> tuple[Tri, str]:
    salary = decimal_field(contract, "gross_monthly_salary")
    start = date_field(contract, "start_date")
    on = start or ctx.submitted_at
    smic = ctx.amount(SMIC_MONTHLY_35H, on)
    if salary is None:
        return Tri(False), f"le salaire brut mensuel de {piece_label(contract)} n'est pas lu"
    if smic is None:
        return Tri(False), f"aucun SMIC n'est connu au {french_date(on)} dans la table des montants légaux"
    threshold = to_cents(EXEMPTION_SALARY_FACTOR * smic)
    holds = to_cents(salary) >= threshold
    when = f"début du contrat le {french_date(on)}" if start else f"date de début non lue : au dépôt le {french_date(on)}"
    values = [Value(index, contract, "gross_monthly_salary")] + ([Value(index, contract, "start_date")] if start else [])
    verb = "atteint" if holds else "n'atteint pas"
    return read_as(holds, values), (
        f"le salaire brut mensuel de {french_euros(salary)} sur {piece_label(contract)} {verb} le seuil de "
        f"{french_euros(threshold)} (1,5 × SMIC mensuel pour 35 h de {french_euros(smic)} en vigueur au {when})")


# ----------------------------------------------------------------- the offer's publication

def _offer_windows(ctx: CheckContext) -> list[OfferWindow]:
    window_start = add_months(ctx.submitted_at, -PUBLICATION_WINDOW_MONTHS)
    windows = []
    for index, offer in ctx.pieces_of(PieceType.job_offer):
        published_from, published_to = date_field(offer, "published_from"), date_field(offer, "published_to")
        if published_from is None or published_to is None:
            continue  # missing_field says so; no check on an unread date
        first, last = max(published_from, window_start), min(published_to, ctx.submitted_at)
        days = max((last - first).days + 1, 0)
        reference = text_field(offer, "offer_reference")
        name = f"l'offre n° {reference}" if reference else piece_label(offer)
        sentence = (f"Publication de {name} du {french_date(published_from)} au {french_date(published_to)} : "
                    f"{days} jour(s) consécutif(s) dans la fenêtre des six mois précédant le dépôt "
                    f"(du {french_date(window_start)} au {french_date(ctx.submitted_at)}), "
                    f"{PUBLICATION_MIN_DAYS} exigés.")
        windows.append(OfferWindow(Value(index, offer, "published_from"), Value(index, offer, "published_to"),
                                   days, sentence))
    return windows


def _publication_sentence(ctx: CheckContext, offers: tuple[OfferWindow, ...]) -> str:
    if offers:
        return " ".join(o.sentence for o in offers)
    if any(True for _ in ctx.pieces_of(PieceType.job_offer)):
        return "Dates de publication de l'offre non lues : la durée de publication n'a pas pu être vérifiée."
    return "Aucune offre d'emploi jointe."
