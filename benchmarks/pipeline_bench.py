"""`make bench`: the pipeline's throughput against bare tesseract, on a generated batch.

Prints a table and one summary line. Measured in the same run:
- baseline: every page without a text layer, as its file provides it (images as they
  are; PDF pages rendered at 300 dpi beforehand, not timed), through
  `tesseract PAGE - -l fra` with its defaults, one process per core, OMP_THREAD_LIMIT=1;
- `dossiers process` end to end on the same batch (fresh DOSSIERS_HOME: storage,
  orientation, MRZ, classification, extraction, checks included), with where its time
  went: each reading step summed over the pages (from the results' `timings_ms`), then
  classification, extraction and checks;
The mixed batch holds scans, phone photos, pages scanned sideways or upside down, and
identity documents of several kinds (passports, identity cards, residence permits).
- born-digital pages per minute on a batch without scans;
- a rerun of the unchanged batch (reading skipped: the page cache);
- peak memory of the largest process (the CLI or a page reader).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium

from extractors.filetype import FileKind, sniff
from pipeline.intake import take_in
from extractors.limits import Limits

CORES = os.cpu_count() or 1


BORN_DIGITAL_TYPES = ("employment_contract", "internship_agreement", "company_registration", "payslip",
                      "diploma", "cv", "other")


def generate_born_digital(out: Path, count: int, seed: int) -> Path:
    """Dossiers of born-digital PDFs only (identity documents are always images)."""
    from synth import render_piece

    for i in range(count):
        folder = out / "dossiers" / f"DIGITAL-{i:03d}"
        folder.mkdir(parents=True)
        for j, piece_type in enumerate(BORN_DIGITAL_TYPES):
            data, _, _ = render_piece(piece_type, seed + 100 * i + j, "born_digital")
            (folder / f"{piece_type}.pdf").write_bytes(data)
    return out / "dossiers"


def generate(out: Path, count: int, seed: int, scan_ratio: float, photo_ratio: float) -> Path:
    subprocess.run([sys.executable, "-m", "synth", "generate", "--out", str(out), "--count", str(count),
                    "--seed", str(seed), "--scan-ratio", str(scan_ratio), "--photo-ratio", str(photo_ratio)],
                   check=True, stdout=subprocess.DEVNULL)
    return out / "dossiers"


def batch_mix(truth: Path) -> dict[str, int]:
    """What the batch holds, from the generator's truth: pieces by render, turned pages,
    identity documents by type."""
    mix: Counter[str] = Counter()
    for document in truth.glob("*.json"):
        for piece in json.loads(document.read_text())["pieces"]:
            tags = piece.get("tags", [])
            mix.update(t.split(":")[1] for t in tags if t.startswith("render:"))
            mix["turned pages"] += sum(t.startswith("rotated") for t in tags)
            if piece["type"] in ("passport", "id_card", "residence_permit"):
                mix[piece["type"]] += 1
    return dict(mix)


def time_split(out: Path) -> dict[str, float]:
    """Seconds per step over the batch's results (reading steps summed over pages)."""
    split: Counter[str] = Counter()
    for result in out.glob("*.json"):
        for step, ms in json.loads(result.read_text()).get("timings_ms", {}).items():
            split[step] += ms / 1000
    return dict(split)


def scanned_pages(batch: Path, work: Path) -> tuple[list[Path], int]:
    """Page images for the baseline (rendered beforehand) and the count of all pages."""
    images, total = [], 0
    work.mkdir(parents=True, exist_ok=True)
    for i, dossier in enumerate(sorted(batch.iterdir())):
        intake = take_in(dossier, work / f"unzip{i}", Limits())
        for f in intake.files:
            kind = sniff(f.path) if f.path.stat().st_size else FileKind.unknown
            if kind.is_image:
                images.append(f.path)
                total += 1
            elif kind == FileKind.pdf:
                try:
                    pdf = pdfium.PdfDocument(str(f.path))
                except pdfium.PdfiumError:
                    continue
                for n in range(len(pdf)):
                    total += 1
                    page = pdf[n]
                    if len(page.get_textpage().get_text_range().strip()) >= 40:
                        continue  # text layer: no OCR in the pipeline either
                    target = work / f"page-{len(images)}.png"
                    page.render(scale=300 / 72).to_pil().save(target)
                    images.append(target)
                pdf.close()
    return images, total


def bare_tesseract(images: list[Path]) -> float:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(path: Path) -> None:
        subprocess.run(["tesseract", str(path), "-", "-l", "fra"], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)

    start = time.perf_counter()
    with ThreadPoolExecutor(CORES) as pool:
        list(pool.map(one, images))
    return time.perf_counter() - start


def run_cli(batch: Path, home: Path, out: Path) -> float:
    env = {**os.environ, "DOSSIERS_HOME": str(home)}
    env.pop("DOSSIERS_DATABASE_URL", None)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline.cli", "process", *map(str, sorted(batch.iterdir())),
                    "--out-dir", str(out), "--as-of", "2026-06-01"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=12)
    parser.add_argument("--seed", type=int, default=9001)
    parser.add_argument("--photo-ratio", type=float, default=0.3,
                        help="share of the pieces not born digital that are phone photos")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dossiers-bench-"))
    try:
        batch = generate(work / "mixed", args.count, args.seed, scan_ratio=0.8, photo_ratio=args.photo_ratio)
        mix = batch_mix(work / "mixed" / "truth")
        digital = generate_born_digital(work / "digital", args.count, args.seed + 1)
        images, pages = scanned_pages(batch, work / "pages")
        _, digital_pages = scanned_pages(digital, work / "pages-digital")
        # Warm the embedded server up once so that its first start is not charged to a run.
        home = work / "home"
        subprocess.run([sys.executable, "-c", "from storage.database import Database;"
                        "from storage.settings import Settings; Database.open(Settings.from_env()).close()"],
                       env={**os.environ, "DOSSIERS_HOME": str(home)}, check=True)

        baseline = bare_tesseract(images)
        first = run_cli(batch, home, work / "out1")
        split = time_split(work / "out1")
        rerun = run_cli(batch, home, work / "out2")
        born = run_cli(digital, home, work / "out3")
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        subprocess.run([sys.executable, "-m", "pipeline.cli", "stop"], env={**os.environ, "DOSSIERS_HOME": str(home)},
                       stdout=subprocess.DEVNULL)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    tesseract_ppm = len(images) / baseline * 60
    ratio = baseline / first
    rows = [
        ("pages in the mixed batch", f"{pages}"),
        ("  of which without a text layer", f"{len(images)}"),
        ("bare tesseract, scanned pages", f"{baseline:7.1f} s  {tesseract_ppm:7.1f} pages/min"),
        ("dossiers process, whole batch", f"{first:7.1f} s  {pages / first * 60:7.1f} pages/min"),
        ("  scanned-page rate vs bare tesseract", f"{ratio:7.2f}  (target ≥ 0.9)"),
        ("rerun of the unchanged batch", f"{rerun:7.1f} s  {first / rerun:7.1f}× faster (target ≥ 10×)"),
        ("born-digital batch", f"{born:7.1f} s  {digital_pages / born * 60:7.0f} pages/min (target ≥ 1000)"),
        ("peak memory of one process", f"{peak_mib:7.0f} MiB (target ≤ 1024)"),
    ]
    rows.insert(1, ("  pieces by render, identity documents", ", ".join(f"{k} {v}" for k, v in sorted(mix.items()))))
    # "read" is the wall time of reading (workers in parallel); its steps are summed over pages.
    steps = {k: v for k, v in split.items() if k != "read"}
    total = sum(steps.values()) or 1.0
    rows += [("where the first run's time went", "summed over pages and workers")]
    rows += [(f"  {step}", f"{seconds:7.1f} s  {seconds / total * 100:5.1f} %")
             for step, seconds in sorted(steps.items(), key=lambda kv: -kv[1])]
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    print(f"bench: tesseract_ppm={tesseract_ppm:.1f} pipeline_ppm={pages / first * 60:.1f} ratio={ratio:.2f} "
          f"rerun_speedup={first / rerun:.1f} born_digital_ppm={digital_pages / born * 60:.0f} "
          f"peak_mib={peak_mib:.0f} cores={CORES}")
    print("bench split: " + " ".join(f"{k}={v:.1f}s" for k, v in sorted(split.items(), key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
