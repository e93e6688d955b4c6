"""Running every rule on a dossier, and the status its flags give."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from models.domain import Severity, Status
from models.records import Flag
from validators.context import CheckContext
from validators.rules.certificates import certificate_not_employer, certificate_outdated
from validators.rules.companies import (
    employer_mismatch,
    invalid_siret,
    registration_too_old,
)
from validators.rules.deadlines import convention_sent_late, renewal_outside_window
from validators.rules.identity import (
    document_expired,
    document_expires_early,
    identity_mismatch,
)
from validators.rules.labour_market import (
    exemption_to_confirm,
    offer_publication_insufficient,
)
from validators.rules.pay import (
    gratification_below_minimum,
    internship_too_long,
    salary_below_minimum,
)
from validators.rules.pieces import missing_field, missing_piece

Rule = Callable[[CheckContext], list[Flag]]

# The order flags come out in: dossier-level first, then documents, companies, pay, deadlines,
# the labour-market test, reading. procedure_undetermined is not a rule: the caller raises it
# with the inference (validators.procedure).
RULES: tuple[Rule, ...] = (
    missing_piece,
    document_expired,
    document_expires_early,
    identity_mismatch,
    invalid_siret,
    employer_mismatch,
    registration_too_old,
    certificate_outdated,
    certificate_not_employer,
    salary_below_minimum,
    internship_too_long,
    gratification_below_minimum,
    convention_sent_late,
    renewal_outside_window,
    offer_publication_insufficient,
    exemption_to_confirm,
    missing_field,
)


def run_checks(ctx: CheckContext, rules: Iterable[Rule] = RULES) -> list[Flag]:
    """Every rule's flags, in rule order, each flag once."""
    return deduplicate([flag for rule in rules for flag in rule(ctx)])


def deduplicate(flags: Iterable[Flag]) -> list[Flag]:
    """Keep the first of flags saying the same thing about the same place (message aside)."""
    seen: set[tuple[object, ...]] = set()
    unique = []
    for flag in flags:
        key = (flag.code, flag.piece, flag.field, flag.piece_type, flag.source, flag.page, flag.check)
        if key not in seen:
            seen.add(key)
            unique.append(flag)
    return unique


def decide_status(flags: Iterable[Flag]) -> Status:
    """incomplete iff a flag blocks; `failed` is the pipeline's to decide, not the checks'."""
    if any(flag.severity == Severity.blocking for flag in flags):
        return Status.incomplete
    return Status.ready_for_review
