"""The fresh CV and `other` families (`cv:europe_compact`, `other:quittance_loyer`), written once
`cv:header_band` and `other:avis_imposition` had been looked at: they render born digital and
scanned, carry their family tag, pass `synth check`, are held out in place of the two retired, and
leave every other piece of a dossier (and the generator's stream) as it was."""
from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from synth import generate_dossier, render_piece, render_piece_file
from synth.families import FAMILIES, LATER, FamilyFilter
from synth.validate import check_folder, truth_problems

NEW = ("cv:europe_compact", "other:quittance_loyer")
HELDOUT = json.loads((Path(__file__).parent.parent / "benchmarks" / "heldout_families.json").read_text())
WITHOUT_NEW = FamilyFilter(exclude=frozenset(NEW))


def test_new_families_listed_later_and_held_out_in_place_of_the_retired():
    for name in NEW:
        piece_type, layout = name.split(":")
        assert layout in FAMILIES[piece_type] and name in LATER
    # the CV family is still held out; the rent receipt was looked at (2026-12-01, second round) and retired in turn
    assert "cv:europe_compact" in HELDOUT["families"] and "other:quittance_loyer" in HELDOUT["retired"]["families"]
    for name in ("cv:header_band", "other:avis_imposition"):
        assert name not in HELDOUT["families"] and name in HELDOUT["retired"]["families"]


@pytest.mark.parametrize("name", NEW)
def test_new_family_renders_born_digital_and_scanned(name):
    piece_type = name.split(":")[0]
    only = FamilyFilter(frozenset({name}))
    for seed in (1, 2, 3):
        data, media_type, fields = render_piece(piece_type, seed, "born_digital", only)
        assert media_type == "application/pdf" and fields == {"_family": name}
        doc = pdfium.PdfDocument(data)
        assert len(doc) == 1
        text = " ".join(doc[0].get_textpage().get_text_range().split())
        if piece_type == "cv":
            assert any(word in text.upper() for word in ("EXPÉRIENCE", "PARCOURS", "EMPLOIS OCCUPÉS"))
        else:
            assert "QUITTANCE DE LOYER" in text.upper() and "la somme de" in text.lower()
    rendered, fields = render_piece_file(piece_type, 4, "scan", only)
    assert fields["_family"] == name and "render:scan" in rendered.tags and len(rendered.data) > 20_000


def test_new_families_in_dossiers_carry_their_tag_and_pass_the_check(tmp_path):
    only = FamilyFilter.parse(",".join(NEW), None)
    seen = set()
    for seed, procedure in ((3, "changement_statut"), (4, "introduction_salarie"), (5, "changement_statut"),
                            (6, "introduction_salarie")):
        truth = generate_dossier(seed, "folder", tmp_path, procedure=procedure, scan_ratio=0.0, families=only).truth
        assert truth_problems(truth) == []
        for piece in truth["pieces"]:
            if piece["type"] in ("cv", "other"):
                tags = {t for t in piece["tags"] if t.startswith("family:")}
                assert tags == {f"family:{piece['type']}:{dict(n.split(':') for n in NEW)[piece['type']]}"}
                seen |= tags
    assert seen == {f"family:{name}" for name in NEW}
    assert check_folder(tmp_path / "truth") == {}


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the new families: the same pieces, with the same truth, bar the
    ones of a new family. (Piece by piece, with the generator's stream, `cv` and `other` are in
    test_synth_families_fresh.py::test_older_families_and_the_main_stream_unchanged, which covers every type of
    FRESH.)"""
    for seed in (11, 12, 13):
        truths = [generate_dossier(seed, "folder", tmp_path / str(k), scan_ratio=0.0, families=families).truth
                  for k, families in enumerate((None, WITHOUT_NEW))]
        assert [p["type"] for p in truths[0]["pieces"]] == [p["type"] for p in truths[1]["pieces"]]
        for with_new, without in zip(truths[0]["pieces"], truths[1]["pieces"]):
            if not {f"family:{name}" for name in NEW} & set(with_new["tags"]):
                assert with_new == without
        for key in ("status", "flags", "labour_market_test", "procedure", "reference"):
            assert truths[0][key] == truths[1][key]
