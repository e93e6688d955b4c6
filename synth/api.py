"""Quick access for tests: one piece, rendered one way, with its truth fields."""
from __future__ import annotations

import datetime as dt
import random

from synth.families import FamilyFilter
from synth.pieces import build
from synth.rendering import RenderedFile, render_built
from synth.scenario import make_facts

PROCEDURE_FOR = {"internship_agreement": "stage", "payslip": "renouvellement", "residence_permit": "changement_statut"}
CHECKED_ON = dt.date(2026, 6, 1)  # the date the golden tests process pieces on


def render_piece_file(piece_type: str, seed: int, render: str = "born_digital",
                      families: FamilyFilter | None = None) -> tuple[RenderedFile, dict]:
    rng = random.Random(seed)
    facts = make_facts(rng, PROCEDURE_FOR.get(piece_type, "introduction_salarie"), CHECKED_ON)
    facts.families = families
    piece = build(piece_type, facts, rng)
    rendered = render_built(piece, rng, force_render=render)
    fields = dict(piece.fields)
    fields["_family"] = piece.family  # informative, not a pipeline field
    if piece.mrz:
        fields["_mrz"] = piece.mrz  # informative, not a pipeline field
    return rendered, fields


def render_piece(piece_type: str, seed: int, render: str = "born_digital",
                 families: FamilyFilter | None = None) -> tuple[bytes, str, dict]:
    """(file bytes, media type, truth fields). Identity documents are always rasters
    (render 'born_digital' or 'scan' gives a photocopy for them)."""
    rendered, fields = render_piece_file(piece_type, seed, render, families)
    return rendered.data, rendered.media_type, fields
