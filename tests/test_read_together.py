"""Pages read together (issue 12, speed): their first OCR pass is one tesseract run, which
loads its model once, and each page reads exactly as it reads alone; one bad page, even one
that brings its worker down, fails alone."""
from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from PIL import Image

from extractors import reading
from extractors.filetype import FileKind
from extractors.limits import Limits
from extractors.ocr import ocr_words, ocr_words_together
from extractors.reading import PageJob, plan_file, read_page, read_pages
from models import CorruptFile, FileLimitExceeded, Page
from pipeline.page_pool import _STOP, MAX_BATCH, PagePool
from tests.builders import save_image, text_image, text_pdf

CONTRACT = ["CONTRAT DE TRAVAIL A DUREE INDETERMINEE", "Entre la société ATELIERS BERTIN",
            "et Madame Ana PEREIRA, demeurant à Lyon,", "il a été convenu ce qui suit."]
PAYSLIP = ["BULLETIN DE PAIE", "Période du 01/03/2026 au 31/03/2026", "Salaire de base 2 150,00",
           "Net à payer avant impôt 1 684,20"]


def _jobs(*paths: Path) -> list[PageJob]:
    return [job for path in paths for job in plan_file(path, path.name, Limits())]


def test_images_read_together_read_as_each_alone(tmp_path: Path) -> None:
    images = []
    for name, lines, size in (("a", CONTRACT, (1654, 2339)), ("b", PAYSLIP, (1240, 1754))):
        path = tmp_path / f"{name}.pgm"
        text_image(lines, size=size).save(path)
        images.append((path, *size))
    together = ocr_words_together(images, timeout=60)
    alone = [ocr_words(path, w, h, timeout=60) for path, w, h in images]
    assert [r.lines for r in together] == [r.lines for r in alone]
    assert "PEREIRA" in " ".join(line.text for line in together[0].lines)
    assert "1 684,20" in " ".join(line.text for line in together[1].lines)


def test_a_batch_of_pages_shares_one_first_pass_and_keeps_each_page_its_own(tmp_path: Path, monkeypatch) -> None:
    upright = save_image(text_image(CONTRACT), tmp_path / "contract.png", "PNG")
    upside_down = save_image(text_image(PAYSLIP).rotate(180), tmp_path / "payslip.png", "PNG")
    digital = text_pdf(tmp_path / "letter.pdf", [["Lettre d'engagement de Madame Ana PEREIRA"] + ["texte"] * 5])
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    jobs = _jobs(upright, digital, upside_down)
    jobs.insert(2, PageJob(str(broken), "broken.png", FileKind.png, 0, Limits()))

    shared: list[int] = []

    def counting(images, **kwargs):
        shared.append(len(images))
        return ocr_words_together(images, **kwargs)

    monkeypatch.setattr(reading, "ocr_words_together", counting)
    pages = read_pages(jobs)

    assert shared == [2], "the two scanned pages had one first pass, the text layer none"
    assert [type(p) for p in pages] == [Page, Page, CorruptFile, Page]
    contract, letter, problem, payslip = pages
    assert problem.source == "broken.png"
    assert letter.text_source == "text_layer"
    assert payslip.rotation == 180 and "1 684,20" in payslip.text
    for together, job in ((contract, jobs[0]), (payslip, jobs[3])):
        single = read_page(job)
        assert together.lines == single.lines and together.rotation == single.rotation
        assert together.read_ms.get("ocr", 0) > 0, "each page is charged its share of the shared pass"


def _queued(pool: PagePool, count: int) -> None:
    for i in range(count):
        pool._queue.put((PageJob(f"/p{i}", f"p{i}", FileKind.png, 0, Limits()), Future()))


def test_a_worker_takes_several_pages_only_while_more_wait_than_there_are_workers() -> None:
    pool = PagePool(workers=2)
    _queued(pool, MAX_BATCH + 5)
    sizes = []
    while not pool._queue.empty():
        sizes.append(len(pool._next_batch() or []))
    # Taken in batches while the queue is long, then one at a time so no worker idles at the end.
    assert sizes == [MAX_BATCH, 3, 1, 1]
    # A stop taken along with a page is put back for the next worker that asks.
    _queued(pool, 1)
    for _ in range(3):
        pool._queue.put(_STOP)
    assert len(pool._next_batch() or []) == 1
    assert [pool._next_batch() for _ in range(3)] == [None, None, None]
    assert pool._queue.empty()


def test_a_page_that_brings_its_batch_down_fails_alone(tmp_path: Path) -> None:
    """A page over the memory cap kills the worker reading its batch: the batch is read again
    a page at a time, and only that page is refused."""
    small = [save_image(text_image([line]), tmp_path / f"s{i}.png", "PNG") for i, line in enumerate(CONTRACT)]
    big = tmp_path / "big.png"
    Image.new("L", (5000, 5000), 255).save(big)
    jobs = _jobs(small[0], small[1], big, small[2], small[3])
    with PagePool(workers=1, limits=Limits(max_reader_bytes=500 << 20)) as pool:
        pages = pool.read(jobs)
    assert [type(p) for p in pages] == [Page, Page, FileLimitExceeded, Page, Page]
    assert [p.text for p in pages if isinstance(p, Page)] == [line for line in CONTRACT]
