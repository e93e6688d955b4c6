"""The extraction cache: a piece whose pages and extractors are unchanged is not
extracted again (an unchanged rerun never loads spaCy's model), gives the same fields,
and any change of the extraction code or of the pages misses it."""
from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

import pipeline.extraction_cache
import pipeline.process
from pipeline.recorded import Services, process_and_record
from storage.database import Database
from storage.local_objects import LocalObjectStore
from storage.records import Records
from tests.builders import text_pdf

TODAY = dt.date(2026, 3, 1)


@pytest.fixture
def services(database: Database, tmp_path: Path) -> Services:
    return Services(store=LocalObjectStore(tmp_path / "objects"), records=Records(database), db=database)


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The piece types extracted for real, in order (the real extractor runs)."""
    calls: list[str] = []
    real = pipeline.process.extract_fields

    def counting(piece_type, pages):  # type: ignore[no-untyped-def]
        calls.append(piece_type.value)
        return real(piece_type, pages)

    monkeypatch.setattr(pipeline.process, "extract_fields", counting)
    return calls


def dossier(root: Path, who: str = "Awa DIALLO") -> Path:
    folder = root / "DIALLO"
    folder.mkdir(parents=True)
    text_pdf(folder / "contrat.pdf", [["CONTRAT DE TRAVAIL", "Contrat à durée indéterminée",
                                       f"Entre la société BATIR SAS et {who}, ci-après « le salarié »",
                                       "Salaire mensuel brut : 2 100,00 euros", "Durée du travail : 35 heures"]])
    return folder


def test_an_unchanged_piece_is_extracted_once(services: Services, extracted: list[str], tmp_path: Path) -> None:
    path = dossier(tmp_path)
    first = process_and_record(path, services, today=TODAY, as_of=TODAY)
    assert extracted == ["employment_contract"]
    assert list(services.store.list_keys("derived/")) and any(
        "/extractions/" in key for key in services.store.list_keys("derived/"))
    again = process_and_record(path, services, today=TODAY, as_of=TODAY)
    assert extracted == ["employment_contract"], "the rerun extracted again"
    first.timings_ms = again.timings_ms = {}
    assert again == first


def test_other_extractors_or_other_pages_miss_the_cache(services: Services, extracted: list[str],
                                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = dossier(tmp_path)
    process_and_record(path, services, today=TODAY, as_of=TODAY)
    monkeypatch.setattr(pipeline.extraction_cache, "extraction_fingerprint", lambda: "another-extractor")
    process_and_record(path, services, today=TODAY, as_of=TODAY)
    assert len(extracted) == 2
    changed = dossier(tmp_path / "changed", who="Moussa KONE")
    process_and_record(changed, services, today=TODAY, as_of=TODAY)
    assert len(extracted) == 3


def test_the_fingerprint_covers_every_extractor_and_model_file() -> None:
    import extractors
    import models

    files = {p.as_posix() for p in pipeline.extraction_cache.extraction_code_files(
        Path(extractors.__file__).parent, Path(models.__file__).parent)}
    for name in ("extractors/textfields.py", "extractors/fields/employment_contract.py",
                 "extractors/fields/data/calibration.json", "models/records.py"):
        assert any(f.endswith(name) for f in files), name


def test_the_french_model_warms_up_only_for_a_batch_with_pages_to_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import Future

    import extractors.textfields
    from pipeline.cli import _FrenchModelWarmUp
    from pipeline.page_reads import PageRead
    from pipeline.read_ahead import Prepared

    loads: list[int] = []
    monkeypatch.setattr(extractors.textfields, "warm_up_french_model", lambda: loads.append(1))
    cached = Prepared(Path("a"), reads=[PageRead(planned=None, outcome=object())])  # type: ignore[arg-type]
    warm_up = _FrenchModelWarmUp()
    assert warm_up.after(cached) is cached
    assert not warm_up.started and not loads
    warm_up.after(Prepared(Path("b"), reads=[PageRead(planned=None, outcome=Future())]))  # type: ignore[arg-type]
    assert warm_up.started
    warm_up.after(Prepared(Path("c")))  # received from scratch on its turn: may read
    for thread in threading.enumerate():
        if thread.name == "spacy-warm-up":
            thread.join(5)
    assert loads == [1]
