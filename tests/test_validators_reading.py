"""The reading-quality flags (validators.reading): facts in, flags out, thresholds at
their boundaries, the pipeline's order; and a real dossier through the pipeline."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from PIL import ImageFilter

from models import FlagCode, Page, PieceResult, PieceType, Severity, Status
from models.reading import PageReading, PieceReading, ReadingFacts
from models.received import FileProblem
from pipeline.process import process_dossier
from tests.builders import save_image, text_image
from tests.test_validators_support import context, piece
from validators import READING_CODES, assess
from validators.reading import (
    BLUR_LIMIT,
    CLASSIFIED_CONFIDENCE,
    ILLEGIBLE_CONFIDENCE,
    reading_flags,
)


def one_piece(confidence: float = 0.9, pages: tuple[PageReading, ...] = (), mrz_failed: tuple[str, ...] = ()
              ) -> ReadingFacts:
    return ReadingFacts(pieces=[
        PieceReading(source="autre.pdf", type=PieceType.other, confidence=0.95),
        PieceReading(source="scan.pdf", type=PieceType.passport, confidence=confidence,
                     pages=list(pages), mrz_failed=list(mrz_failed)),
    ])


def codes(facts: ReadingFacts) -> list[FlagCode]:
    return [flag.code for flag in reading_flags(facts)]


class TestNothingToSay:
    def test_no_fact_no_flag(self) -> None:
        assert reading_flags(ReadingFacts()) == []

    def test_a_well_read_dossier_has_no_flag(self) -> None:
        page = PageReading(number=1, mean_confidence=0.93, sharpness=120.0)
        assert reading_flags(one_piece(pages=(page,))) == []

    def test_a_text_layer_page_is_not_judged(self) -> None:
        # no OCR confidence, no sharpness measured: nothing says the page reads badly
        assert reading_flags(one_piece(pages=(PageReading(number=1),))) == []


class TestUnreadableFile:
    def test_message_names_the_file_and_asks_for_it_again(self) -> None:
        facts = ReadingFacts(taken_in=[FileProblem(source="a/b.zip", reason="fichier corrompu ou tronqué",
                                                   detail="CRC")])
        [flag] = reading_flags(facts)
        assert (flag.code, flag.severity, flag.source, flag.piece) == (
            FlagCode.unreadable_file, Severity.blocking, "a/b.zip", None)
        assert flag.message == ("Fichier « a/b.zip » illisible : fichier corrompu ou tronqué (CRC). "
                                "Demandez un nouvel envoi de la pièce.")

    def test_without_detail(self) -> None:
        [flag] = reading_flags(ReadingFacts(unread=[FileProblem(source="vide.pdf", reason="fichier vide")]))
        assert flag.message == "Fichier « vide.pdf » illisible : fichier vide. Demandez un nouvel envoi de la pièce."


class TestInvalidManifest:
    def test_the_manifest_problem_is_the_message(self) -> None:
        [flag] = reading_flags(ReadingFacts(manifest_error="dossier.json : x ignoré."))
        assert (flag.code, flag.severity, flag.message) == (
            FlagCode.invalid_manifest, Severity.warning, "dossier.json : x ignoré.")

    def test_an_empty_problem_is_no_problem(self) -> None:
        assert reading_flags(ReadingFacts(manifest_error="")) == []


class TestUnclassifiedPiece:
    @pytest.mark.parametrize(("confidence", "flagged"), [
        (CLASSIFIED_CONFIDENCE, False), (0.5999, True), (0.6001, False), (0.0, True)])
    def test_threshold(self, confidence: float, flagged: bool) -> None:
        assert codes(one_piece(confidence)) == ([FlagCode.unclassified_piece] if flagged else [])

    def test_message_and_place(self) -> None:
        [flag] = reading_flags(one_piece(0.42))
        assert (flag.severity, flag.piece, flag.source) == (Severity.warning, 1, "scan.pdf")
        assert flag.message == ("Type de pièce incertain : classée « passport » avec une confiance de 42%. "
                                "Vérifiez la nature de la pièce.")


class TestIllegiblePage:
    @pytest.mark.parametrize(("sharpness", "flagged"), [
        (BLUR_LIMIT, False), (14.999, True), (15.001, False), (0.0, True), (None, False)])
    def test_blur_threshold(self, sharpness: float | None, flagged: bool) -> None:
        page = PageReading(number=2, mean_confidence=0.9, sharpness=sharpness)
        assert codes(one_piece(pages=(page,))) == ([FlagCode.illegible_page] if flagged else [])

    @pytest.mark.parametrize(("confidence", "flagged"), [
        (ILLEGIBLE_CONFIDENCE, False), (0.5499, True), (0.5501, False), (0.0, True), (None, False)])
    def test_confidence_threshold(self, confidence: float | None, flagged: bool) -> None:
        page = PageReading(number=2, mean_confidence=confidence, sharpness=80.0)
        assert codes(one_piece(pages=(page,))) == ([FlagCode.illegible_page] if flagged else [])

    def test_blurred_page_says_blurred(self) -> None:
        [flag] = reading_flags(one_piece(pages=(PageReading(number=3, sharpness=2.0),)))
        assert (flag.severity, flag.piece, flag.source, flag.page) == (Severity.warning, 1, "scan.pdf", 3)
        assert flag.message == "Page 3 de « scan.pdf » floue."

    def test_unsure_page_gives_its_confidence(self) -> None:
        [flag] = reading_flags(one_piece(pages=(PageReading(number=1, mean_confidence=0.314),)))
        assert flag.message == "Page 1 de « scan.pdf » peu lisible (confiance de lecture 31%)."

    def test_blurred_and_unsure_is_one_flag_saying_blurred(self) -> None:
        [flag] = reading_flags(one_piece(pages=(PageReading(number=1, mean_confidence=0.1, sharpness=1.0),)))
        assert flag.message.endswith("floue.")

    def test_each_bad_page_of_a_piece(self) -> None:
        pages = (PageReading(number=1, sharpness=1.0), PageReading(number=2, sharpness=90.0),
                 PageReading(number=3, mean_confidence=0.2))
        assert [f.page for f in reading_flags(one_piece(pages=pages))] == [1, 3]


class TestMrzCheckFailed:
    def test_one_flag_per_field_in_order(self) -> None:
        flags = reading_flags(one_piece(mrz_failed=("document_number", "expiry_date")))
        assert [(f.code, f.piece, f.field) for f in flags] == [
            (FlagCode.mrz_check_failed, 1, "document_number"), (FlagCode.mrz_check_failed, 1, "expiry_date")]
        assert flags[0].message == ("La clé de contrôle de la bande MRZ ne correspond pas pour « document_number » : "
                                    "la valeur retenue est celle de la zone visuelle, à vérifier.")
        assert flags[0].severity == Severity.warning


class TestOrder:
    def test_intake_manifest_reading_then_each_piece(self) -> None:
        facts = ReadingFacts(
            taken_in=[FileProblem(source="lien.pdf", reason="r")],
            manifest_error="dossier.json : m.",
            unread=[FileProblem(source="notes.pdf", reason="r")],
            pieces=[PieceReading(source="a.png", type=PieceType.passport, confidence=0.3,
                                 pages=[PageReading(number=1, sharpness=1.0)], mrz_failed=["surname"]),
                    PieceReading(source="b.png", type=PieceType.other, confidence=0.2)],
        )
        assert [(f.code, f.source, f.piece) for f in reading_flags(facts)] == [
            (FlagCode.unreadable_file, "lien.pdf", None),
            (FlagCode.invalid_manifest, None, None),
            (FlagCode.unreadable_file, "notes.pdf", None),
            (FlagCode.unclassified_piece, "a.png", 0),
            (FlagCode.illegible_page, "a.png", 0),
            (FlagCode.mrz_check_failed, None, 0),
            (FlagCode.unclassified_piece, "b.png", 1),
        ]

    def test_reading_codes_are_what_reading_raises(self) -> None:
        # a recheck keeps exactly these: none may be lost, none of the rules' kept by mistake
        facts = ReadingFacts(taken_in=[FileProblem(source="x", reason="r")], manifest_error="m",
                             pieces=[PieceReading(source="a", type=PieceType.other, confidence=0.1,
                                                  pages=[PageReading(number=1, sharpness=0.0)], mrz_failed=["sex"])])
        assert set(codes(facts)) == READING_CODES


class TestAssess:
    def test_reading_flags_come_first_and_count_for_the_status(self) -> None:
        ctx = context(piece(PieceType.passport), procedure="stage")
        assessment = assess(ctx, reading=ReadingFacts(unread=[FileProblem(source="c.pdf", reason="r")]))
        assert assessment.flags[0].code == FlagCode.unreadable_file
        assert FlagCode.missing_piece in [f.code for f in assessment.flags[1:]]
        assert assessment.status == Status.incomplete

    def test_facts_of_a_piece_and_its_pages(self) -> None:
        page = Page(source="p.png", number=2, width=10, height=10, text_source="ocr",
                    mean_confidence=0.4, sharpness=30.0)
        result = PieceResult(id="i", source="p.png", pages=[2], type=PieceType.passport, confidence=0.5,
                             mrz_failed=["sex"])
        assert PieceReading.of(result, [page]) == PieceReading(
            source="p.png", type=PieceType.passport, confidence=0.5,
            pages=[PageReading(number=2, mean_confidence=0.4, sharpness=30.0)], mrz_failed=["sex"])


def test_pipeline_gathers_the_facts_in_order(tmp_path: Path) -> None:
    """A real folder through the pipeline (real tesseract): a link refused at intake, a bad
    manifest, a text file the planner refuses, a blurred scan."""
    folder = tmp_path / "d"
    folder.mkdir()
    blurred = text_image(["ATTESTATION", "Texte flou"]).filter(ImageFilter.GaussianBlur(6))
    save_image(blurred, folder / "flou.png", "PNG")
    (folder / "notes.pdf").write_text("ceci n'est pas un PDF\n")
    os.symlink("/etc/hostname", folder / "lien.pdf")
    (folder / "dossier.json").write_text(json.dumps({"reference": "R-1", "submitted_at": "hier"}))
    result = process_dossier(folder, received_at=dt.date(2026, 6, 15))
    assert [(f.code, f.source, f.page) for f in result.flags if f.code in READING_CODES] == [
        (FlagCode.unreadable_file, "lien.pdf", None),
        (FlagCode.invalid_manifest, None, None),
        (FlagCode.unreadable_file, "notes.pdf", None),
        (FlagCode.illegible_page, "flou.png", 1),
    ]
    assert result.flags[3].message == "Page 1 de « flou.png » floue."
