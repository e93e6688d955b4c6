"""The second fresh applications statement family, `applications_statement:email_summary` (wave 1), written once
`recruitment_report` had been looked at: the employer's statement as a printed e-mail (Outlook or webmail print) or
a short memo to the prefecture's platform. It renders born digital, scanned and photographed, prints its truth (the
applications in a sentence among other numbers, repeated in a recap; the signing date in the closing, apart from
the date and hour it was sent), carries its family tag in whole dossiers that pass `synth check`, and leaves every
other piece of a dossier (and the earlier fresh family's draws) as it was (tests/fresh_waves.py)."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pypdfium2 as pdfium

from synth import generate_dossier, render_piece, render_piece_file
from synth.families import FAMILIES, LATER, FamilyFilter
from synth.fmt import date_long, date_slash
from synth.pieces.fresh import FRESH
from synth.validate import check_folder, truth_problems
from tests.fresh_waves import dossiers_with_and_without, pieces_with_and_without

NAME = "applications_statement:email_summary"
ONLY = FamilyFilter(frozenset({NAME}))
SENT = r"(Envoyé :|Date|Transmis le|Date d'envoi)\s+\S.*?\d{2}(:| h )\d{2}"


def _text(pdf: bytes) -> str:
    return "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


def test_listed_last_later_and_drawn_in_the_second_wave():
    assert FAMILIES["applications_statement"][-1] == "email_summary" and NAME in LATER
    assert {f.layout: f.wave for f in FRESH["applications_statement"]} == {"recruitment_report": 0,
                                                                          "email_summary": 1}


def test_born_digital_prints_its_count_and_its_signing_date_apart_from_the_send_date():
    kinds: Counter = Counter()
    for seed in range(1, 16):
        data, media_type, fields = render_piece("applications_statement", seed, "born_digital", ONLY)
        assert media_type == "application/pdf" and fields["_family"] == NAME
        text = _text(data)
        assert len(pdfium.PdfDocument(data)) == 1
        total, signed = int(fields["applications_received"]), dt.date.fromisoformat(str(fields["signed_on"]))
        # the recap, and the prose: the count among the offer's reference and its days online
        prose = " ".join(text.split())
        assert f"Candidatures reçues {total}" in prose, seed
        assert re.search(r"(recevoir|reçu|recueilli) (au total )?(\d+|\w[\w -]* \(\d+\)|\d+ \(\w[\w -]*\)) "
                         r"candidatures?|aucune candidature", prose), prose
        assert re.search(r"\d+ jours", prose) and re.search(r"offre", prose, re.IGNORECASE)
        # the header, its send date and hour, and the signing date in the closing
        assert re.search(r"\bDe\b", text) and re.search(r"\bÀ\b", text) and "Objet" in text, seed
        assert re.search(SENT, text), text
        when = rf"({re.escape(date_slash(signed))}|{re.escape(date_long(signed))})"
        assert re.search(rf"(Fait le|Fait à [^,\r\n]+, le|^[A-Z][^,\r\n]*, le) {when}", text, re.MULTILINE), text
        kind = ("memo" if re.search(r"^(NOTE|MÉMO)", text, re.MULTILINE)
                else "webmail" if "https://webmail." in text else "outlook")
        assert kind != "outlook" or "Envoyé :" in text, text
        kinds[kind] += 1
    assert set(kinds) == {"memo", "webmail", "outlook"}, kinds


def test_scanned_and_photographed():
    for render in ("scan", "photo"):
        rendered, fields = render_piece_file("applications_statement", 4, render, ONLY)
        assert fields["_family"] == NAME and f"render:{render}" in rendered.tags
        assert rendered.media_type in ("application/pdf", "image/jpeg", "image/png", "image/tiff")
        assert len(rendered.data) > 20_000


def test_in_dossiers_carries_its_tag_and_passes_the_check(tmp_path):
    only = FamilyFilter.parse(NAME, None)
    statements = 0
    for seed, scan in ((2, 0.0), (3, 0.0), (6, 0.0), (8, 0.0)):  # dossiers where the labour-market test applies
        truth = generate_dossier(seed, "folder", tmp_path, procedure="introduction_salarie", scan_ratio=scan,
                                 families=only).truth
        assert truth_problems(truth) == []
        for piece in truth["pieces"]:
            if piece["type"] == "applications_statement":
                statements += 1
                assert {t for t in piece["tags"] if t.startswith("family:")} == {f"family:{NAME}"}
    assert statements >= 4 and check_folder(tmp_path / "truth") == {}


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the new family: the same pieces, with the same truth, bar its own."""
    assert dossiers_with_and_without(NAME, "introduction_salarie", (3, 8), tmp_path) > 0  # 8 draws it


def test_the_second_wave_leaves_the_earlier_draws_as_they_were():
    """Piece by piece: every statement not of the new family is the one made with it excluded, the generator's
    stream ends where it did, and the earlier fresh family and the older ones are still drawn."""
    drawn = pieces_with_and_without(NAME, "introduction_salarie", range(120))
    assert drawn[NAME] > 0 and drawn["applications_statement:recruitment_report"] > 0, drawn
    assert sum(n for name, n in drawn.items() if name.split(":")[1] not in ("email_summary", "recruitment_report"))
