"""One call for the pipeline: a dossier's flags, status, labour-market test and what it
was checked against (DOMAIN.md; issue 13 point 4: agents see which rules and data decided)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.domain import Status
from models.reading import ReadingFacts
from models.records import CheckedAgainst, Flag, LabourMarketTest
from validators.checks import RULES, Rule, decide_status, run_checks
from validators.context import CheckContext
from validators.labour_market import labour_market_decision
from validators.procedure import UNKNOWN_PROCEDURE, procedure_undetermined_flag
from validators.reading import reading_flags


@dataclass(frozen=True)
class Assessment:
    flags: list[Flag]  # the reading flags first, then the checks'
    status: Status
    labour_market_test: LabourMarketTest | None  # None where the test does not exist
    checked_against: CheckedAgainst


def assess(ctx: CheckContext, prior_flags: Iterable[Flag] = (), rules: tuple[Rule, ...] = RULES,
           reading: ReadingFacts | None = None) -> Assessment:
    """Run the checks on `ctx`. The reading flags come first and count for the status:
    made from `reading` (what the pipeline found while reading), or `prior_flags` already
    made (a recheck keeps a reviewed dossier's own, since nothing is read again)."""
    flags = list(prior_flags)
    if reading is not None:
        flags += reading_flags(reading)
    if ctx.procedure == UNKNOWN_PROCEDURE:
        flags.append(procedure_undetermined_flag(ctx.procedure))
    flags += run_checks(ctx, rules)
    decision = labour_market_decision(ctx)
    test = None if decision is None else LabourMarketTest(
        outcome=decision.outcome,  # type: ignore[arg-type]
        reasoning=decision.reasoning,
        certain=decision.certain,
    )
    checked = CheckedAgainst(
        shortage_list_valid_from=decision.shortage_valid_from if decision else None,
        region_code=decision.region_code if decision else None,
        legal_amounts=dict(sorted(ctx.amounts_used.items())),
        rules=[rule.__name__ for rule in rules],
    )
    return Assessment(flags=flags, status=decide_status(flags), labour_market_test=test, checked_against=checked)
