"""Rules of the labour-market test (validators.labour_market decides it): the offer's
publication when the test applies, and the graduate exemption for the agent to confirm.
The missing job_offer / applications_statement are rules.pieces.missing_piece's."""
from __future__ import annotations

from models.domain import FlagCode
from models.records import Flag
from validators.certainty import flag_if_certain
from validators.context import CheckContext
from validators.labour_market import EXEMPT_GRADUATE, labour_market_decision


def offer_publication_insufficient(ctx: CheckContext) -> list[Flag]:
    """When the test applies, an offer published at least 21 consecutive days within the six
    months before submitted_at; one such offer suffices. An exempt dossier's offer is not checked."""
    decision = labour_market_decision(ctx)
    if decision is None or not decision.may_apply:
        return []
    if any(offer.sufficient and offer.certain for offer in decision.offers):
        return []
    doubt = [decision.doubt] if decision.doubt is not None else []
    return [flag_if_certain(
        FlagCode.offer_publication_insufficient,
        decision.reasoning,
        [offer.value_from, offer.value_to, *doubt],
        piece=offer.value_from.index, field="published_from",
    ) for offer in decision.offers if not offer.sufficient]


def exemption_to_confirm(ctx: CheckContext) -> list[Flag]:
    """The test waived on ground 2: the agent confirms the job relates to the studies and the
    diploma is eligible (a machine cannot judge that). Points to the piece that grounds it."""
    decision = labour_market_decision(ctx)
    if decision is None or decision.outcome != EXEMPT_GRADUATE or decision.grounds is None:
        return []
    return [Flag.make(FlagCode.exemption_to_confirm, decision.reasoning,
                      piece=decision.grounds.index, field=decision.grounds.field)]
