"""Bad input never stops a dossier or a batch: each file is read by its real type
or gets an unreadable_file flag naming it, and nothing is written outside the work folder."""
from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from extractors.limits import Limits
from extractors.reading import plan_file
from models import CorruptFile, EmptyFile, EncryptedFile, FileLimitExceeded, FlagCode, UnsupportedFormat
from pipeline.intake import take_in
from pipeline.process import process_dossier
from tests.builders import encrypted_pdf, huge_png, save_image, text_image, text_pdf

LIMITS = Limits()


def unreadable_sources(result) -> set[str]:
    return {f.source for f in result.flags if f.code == FlagCode.unreadable_file}


def test_empty_file_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "vide.pdf").write_bytes(b"")
    with pytest.raises(EmptyFile):
        plan_file(tmp_path / "vide.pdf", "vide.pdf", LIMITS)


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    whole = text_pdf(tmp_path / "a.pdf", [["Bonjour"] * 10]).read_bytes()
    (tmp_path / "cut.pdf").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(CorruptFile):
        plan_file(tmp_path / "cut.pdf", "cut.pdf", LIMITS)


def test_password_pdf_is_encrypted(tmp_path: Path) -> None:
    encrypted_pdf(tmp_path / "secret.pdf")
    with pytest.raises(EncryptedFile):
        plan_file(tmp_path / "secret.pdf", "secret.pdf", LIMITS)


def test_owner_password_only_pdf_is_read(tmp_path: Path) -> None:
    encrypted_pdf(tmp_path / "restricted.pdf", user_password="")
    jobs = plan_file(tmp_path / "restricted.pdf", "restricted.pdf", LIMITS)
    assert len(jobs) == 1


def test_png_named_pdf_is_read_as_image(tmp_path: Path) -> None:
    save_image(text_image(["Bonjour"]), tmp_path / "scan.pdf", "PNG")
    jobs = plan_file(tmp_path / "scan.pdf", "scan.pdf", LIMITS)
    assert jobs[0].kind.is_image


def test_text_file_is_unsupported(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_text("ceci n'est pas un PDF\n")
    with pytest.raises(UnsupportedFormat):
        plan_file(tmp_path / "notes.pdf", "notes.pdf", LIMITS)


def test_image_over_pixel_limit_is_refused_without_decoding(tmp_path: Path) -> None:
    huge_png(tmp_path / "huge.png")
    with pytest.raises(FileLimitExceeded):
        plan_file(tmp_path / "huge.png", "huge.png", LIMITS)


def test_file_over_size_limit(tmp_path: Path) -> None:
    save_image(text_image(["x"]), tmp_path / "a.png", "PNG")
    with pytest.raises(FileLimitExceeded):
        plan_file(tmp_path / "a.png", "a.png", Limits(max_file_bytes=100))


def test_pdf_over_page_limit(tmp_path: Path) -> None:
    text_pdf(tmp_path / "long.pdf", [["page"] * 5] * 4)
    with pytest.raises(FileLimitExceeded):
        plan_file(tmp_path / "long.pdf", "long.pdf", Limits(max_pdf_pages=3))


def test_zip_with_unsafe_paths_writes_nothing_outside(tmp_path: Path) -> None:
    archive = tmp_path / "in" / "dossier.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../evil.txt", "x")
        zf.writestr("/abs/evil.txt", "x")
        zf.writestr("ok/piece.txt", "x")
    work = tmp_path / "work"
    intake = take_in(archive, work, LIMITS)
    assert {p.source for p in intake.problems} == {"../evil.txt", "/abs/evil.txt"}
    assert [f.source for f in intake.files] == ["ok/piece.txt"]
    assert not (tmp_path / "evil.txt").exists() and not Path("/abs/evil.txt").exists()
    assert all(p.resolve().is_relative_to(work.resolve()) for p in work.rglob("*"))


def test_zip_bomb_is_stopped_at_the_ratio(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.pdf", b"\0" * 20_000_000)  # ~1000-fold expansion
    intake = take_in(archive, tmp_path / "work", LIMITS)
    assert [type(p) for p in intake.problems] == [FileLimitExceeded]
    assert intake.files == []
    assert sum(p.stat().st_size for p in (tmp_path / "work").rglob("*") if p.is_file()) == 0


def test_zip_member_lying_about_its_size_is_capped(tmp_path: Path) -> None:
    archive = tmp_path / "liar.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.bin", b"\0" * 5_000_000)
    raw = bytearray(archive.read_bytes())
    # Patch the declared uncompressed size in the central directory to a small value.
    cd = raw.rfind(b"PK\x01\x02")
    raw[cd + 24: cd + 28] = (10).to_bytes(4, "little")
    archive.write_bytes(bytes(raw))
    intake = take_in(archive, tmp_path / "work", Limits(max_zip_ratio=100))
    written = sum(p.stat().st_size for p in (tmp_path / "work").rglob("*") if p.is_file())
    assert written <= 100 * archive.stat().st_size
    # Refused either at the cap or by zipfile's own size check: flagged, never kept.
    assert [p.source for p in intake.problems] == ["a.bin"] and intake.files == []


def test_a_dossier_of_bad_files_still_gets_a_result(tmp_path: Path) -> None:
    folder = tmp_path / "DOSSIER-BAD"
    folder.mkdir()
    (folder / "vide.pdf").write_bytes(b"")
    (folder / "notes.pdf").write_text("pas un pdf")
    encrypted_pdf(folder / "secret.pdf")
    huge_png(folder / "huge.png", 9000, 9000)
    (folder / "dossier.json").write_text("{pas du json")
    text_pdf(folder / "contrat.pdf", [["CONTRAT DE TRAVAIL", "Contrat à durée indéterminée",
                                       "Le salarié est engagé en qualité de cuisinier."]])
    result = process_dossier(folder, received_at=dt.date(2026, 3, 1))
    assert result.status.value == "incomplete"
    assert unreadable_sources(result) == {"vide.pdf", "notes.pdf", "secret.pdf", "huge.png"}
    assert any(f.code == FlagCode.invalid_manifest for f in result.flags)
    assert [p.source for p in result.pieces] == ["contrat.pdf"]
    json.dumps(result.to_json_dict())
