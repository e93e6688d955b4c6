"""Golden tests per piece type: pieces from the project's own generator, read by
the whole pipeline, must come out with the right type and the truth's fields.

Born-digital pieces need no OCR and run in the fast suite; scanned and
photographed ones are marked slow."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from models import PieceType
from pipeline.process import process_dossier
from synth import render_piece
from synth.families import FAMILIES, FamilyFilter
from tests.golden import same_value

SEEDS = (101, 202, 303)
# Scans and photos cost an OCR pass per page: two of the seeds, to keep make test within its time.
OCR_SEEDS = SEEDS[:2]
# The usual seeds draw among the tuning families only: held-out ones are scored by make eval-unseen
HELD_OUT = json.loads((Path(__file__).parent.parent / "benchmarks" / "heldout_families.json").read_text())
TUNING = FamilyFilter(exclude=frozenset(HELD_OUT["families"]))
EXTENSION = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png", "image/tiff": ".tif"}
TEXT_TYPES = ("employment_contract", "internship_agreement", "company_registration", "payslip", "diploma")
# contract v2: their extractors land separately, so they are scored in tests of their own
V2_TEXT_TYPES = ("urssaf_certificate", "job_offer", "applications_statement")


def read_piece(tmp_path: Path, piece_type: str, seed: int, render: str,
               families: FamilyFilter | None = None) -> tuple[object, dict]:
    data, media_type, truth = render_piece(piece_type, seed, render, families)
    folder = tmp_path / f"{piece_type}-{seed}-{render}-{truth['_family'].replace(':', '-')}"
    folder.mkdir()
    (folder / f"piece{EXTENSION[media_type]}").write_bytes(data)
    result = process_dossier(folder, received_at=dt.date(2026, 6, 1))
    assert result.status.value != "failed", result.error
    assert len(result.pieces) == 1
    return result.pieces[0], truth


def cases(types: tuple[str, ...], render: str) -> list[tuple[str, int, FamilyFilter | None]]:
    """The usual seeds, plus one case per tuning layout family of the v2 types and diplomas born digital (each seen
    at least once; their scans are read on the usual seeds, every family's by make eval and the tuning batches),
    and of identity cards, which are never born digital."""
    seeds = SEEDS if render == "born_digital" else OCR_SEEDS
    out: list[tuple[str, int, FamilyFilter | None]] = [(t, seed, TUNING) for t in types for seed in seeds]
    every_family = V2_TEXT_TYPES + ("id_card", "diploma") if render == "born_digital" else ("id_card",)
    for piece_type in types:
        if piece_type in every_family:
            out += [(piece_type, 404, FamilyFilter(frozenset({f"{piece_type}:{layout}"})))
                    for layout in FAMILIES[piece_type] if TUNING.allows(piece_type, layout)]
    return out


def score(tmp_path: Path, types: tuple[str, ...], render: str) -> tuple[list[str], int, int]:
    wrong_types, right, total = [], 0, 0
    for piece_type, seed, families in cases(types, render):
        piece, truth = read_piece(tmp_path, piece_type, seed, render, families)
        if piece.type != PieceType(piece_type):
            wrong_types.append(f"{piece_type}/{seed}/{truth['_family']} → {piece.type.value}")
            continue
        for name, expected in truth.items():
            if name.startswith("_") or expected is None:
                continue
            total += 1
            right += same_value(expected, piece.fields.get(name))
    return wrong_types, right, total


def test_born_digital_pieces(tmp_path: Path) -> None:
    wrong_types, right, total = score(tmp_path, TEXT_TYPES + ("cv", "other"), "born_digital")
    assert wrong_types == []
    assert right / total >= 0.95, f"{right}/{total} fields right"


@pytest.mark.slow
def test_scanned_pieces(tmp_path: Path) -> None:
    wrong_types, right, total = score(tmp_path, TEXT_TYPES + ("cv", "other"), "scan")
    assert wrong_types == []
    assert right / total >= 0.90, f"{right}/{total} fields right"


@pytest.mark.slow
@pytest.mark.parametrize("render", ["photo", "photocopy"])
def test_identity_documents(tmp_path: Path, render: str) -> None:
    wrong_types, right, total = score(tmp_path, ("passport", "residence_permit"), render)
    assert wrong_types == []
    assert right / total >= 0.90, f"{right}/{total} fields right"


def test_born_digital_v2_pieces(tmp_path: Path) -> None:
    wrong_types, right, total = score(tmp_path, V2_TEXT_TYPES, "born_digital")
    assert wrong_types == []
    assert right / total >= 0.95, f"{right}/{total} fields right"


@pytest.mark.slow
def test_scanned_v2_pieces(tmp_path: Path) -> None:
    wrong_types, right, total = score(tmp_path, V2_TEXT_TYPES, "scan")
    assert wrong_types == []
    assert right / total >= 0.90, f"{right}/{total} fields right"


@pytest.mark.slow
@pytest.mark.parametrize("render", ["photo", "photocopy"])
def test_identity_cards(tmp_path: Path, render: str) -> None:
    wrong_types, right, total = score(tmp_path, ("id_card",), render)
    assert wrong_types == []
    assert right / total >= 0.90, f"{right}/{total} fields right"
