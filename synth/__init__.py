"""Synthetic French work-authorization dossiers with ground truth (deterministic from a seed).

    generate_dossier(seed, shape="folder"|"zip"|"merged", out_dir=None, **options) -> GeneratedDossier
    render_piece(piece_type, seed, render="born_digital"|"scan"|"photocopy"|"photo") -> (bytes, media_type, fields)
"""
from synth.api import render_piece, render_piece_file
from synth.dossier import SHAPES, GeneratedDossier, generate_dossier

__all__ = ["generate_dossier", "render_piece", "render_piece_file", "GeneratedDossier", "SHAPES"]
