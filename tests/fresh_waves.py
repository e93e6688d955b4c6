"""Checks that a fresh layout family drawn on a later side stream (synth/pieces/fresh.py) leaves the rest as it was:
every other piece of a dossier, and every piece of its type drawn from another family, with the generator's stream
ending where it did. Shared by the tests of the fresh families."""
from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from pathlib import Path

from synth import generate_dossier
from synth.families import FamilyFilter
from synth.pieces import BUILDERS
from synth.scenario import make_facts


def pieces_with_and_without(name: str, procedure: str, seeds: range) -> Counter:
    """The families drawn for the pieces of `name`'s type over `seeds`; each one not of `name` is the piece made with
    `name` excluded, and the generator's stream ends where it did."""
    piece_type = name.split(":")[0]
    drawn: Counter = Counter()
    for seed in seeds:
        pieces, states = [], []
        for families in (None, FamilyFilter(exclude=frozenset({name}))):
            rng = random.Random(seed)
            facts = make_facts(rng, procedure, dt.date(2026, 6, 1))
            facts.families = families
            pieces.append(BUILDERS[piece_type](facts, rng))
            states.append(rng.getstate())
        assert states[0] == states[1]
        drawn[pieces[0].family] += 1
        if pieces[0].family != name:
            assert pieces[0].fields == pieces[1].fields and pieces[0].family == pieces[1].family
            assert pieces[0].sheets == pieces[1].sheets and pieces[0].cards == pieces[1].cards
    return drawn


def dossiers_with_and_without(name: str, procedure: str, seeds: tuple[int, ...], folder: Path) -> int:
    """Whole dossiers drawn with and without the family `name`: the same pieces with the same truth, bar the ones of
    `name`, and the same verdict. Returns how many pieces of `name` were drawn."""
    drawn = 0
    for seed in seeds:
        truths = [generate_dossier(seed, "folder", folder / f"{seed}-{k}", procedure=procedure, scan_ratio=0.0,
                                   families=families).truth
                  for k, families in enumerate((None, FamilyFilter(exclude=frozenset({name}))))]
        assert [p["type"] for p in truths[0]["pieces"]] == [p["type"] for p in truths[1]["pieces"]]
        for with_new, without in zip(truths[0]["pieces"], truths[1]["pieces"]):
            if f"family:{name}" in with_new["tags"]:
                drawn += 1
            else:
                assert with_new == without
        for key in ("status", "flags", "labour_market_test", "procedure", "reference"):
            assert truths[0][key] == truths[1][key]
    return drawn
