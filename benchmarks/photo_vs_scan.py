"""The same generated pieces, scanned and photographed with a phone, read by the whole
pipeline: fields right on each (issue 9: a photo should read about as well as a scan).

    python benchmarks/photo_vs_scan.py [--types employment_contract,payslip] [--seeds 101,202] [--raw]

--raw also reads the photos without extractors.photo (what the pipeline did before it)."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors import photo  # noqa: E402
from pipeline.process import process_dossier  # noqa: E402
from synth import render_piece  # noqa: E402
from tests.golden import same_value  # noqa: E402

DOCUMENT_TYPES = ("employment_contract", "internship_agreement", "company_registration", "payslip", "diploma",
                  "urssaf_certificate", "job_offer", "applications_statement")
EXTENSION = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png", "image/tiff": ".tif"}


@contextmanager
def without_photo_step():
    original = photo.prepare
    photo.prepare = lambda gray: gray
    try:
        yield
    finally:
        photo.prepare = original


def fields_right(piece_type: str, seed: int, render: str, work: Path) -> tuple[int, int, bool]:
    data, media_type, truth = render_piece(piece_type, seed, render)
    folder = work / f"{piece_type}-{seed}-{render}-{time.monotonic_ns()}"
    folder.mkdir()
    (folder / f"piece{EXTENSION[media_type]}").write_bytes(data)
    result = process_dossier(folder, received_at=dt.date(2026, 6, 1))
    piece = result.pieces[0] if result.pieces else None
    scored = {k: v for k, v in truth.items() if not k.startswith("_") and v is not None}
    if piece is None or piece.type.value != piece_type:
        return 0, len(scored), False
    return sum(same_value(v, piece.fields.get(k)) for k, v in scored.items()), len(scored), True


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--types", default=",".join(DOCUMENT_TYPES))
    parser.add_argument("--seeds", default="101")
    parser.add_argument("--raw", action="store_true", help="also read the photos without the photo step")
    args = parser.parse_args()
    modes = ["scan", "photo"] + (["photo_raw"] if args.raw else [])
    totals = {m: [0, 0, 0, 0, 0.0] for m in modes}  # right, total, class ok, pieces, seconds
    with tempfile.TemporaryDirectory(prefix="photo-vs-scan-") as tmp:
        for piece_type in args.types.split(","):
            for seed in (int(s) for s in args.seeds.split(",")):
                line = []
                for mode in modes:
                    started = time.monotonic()
                    if mode == "photo_raw":
                        with without_photo_step():
                            right, total, ok = fields_right(piece_type, seed, "photo", Path(tmp))
                    else:
                        right, total, ok = fields_right(piece_type, seed, mode, Path(tmp))
                    t = totals[mode]
                    t[0] += right; t[1] += total; t[2] += ok; t[3] += 1; t[4] += time.monotonic() - started
                    line.append(f"{mode}={right}/{total}{'' if ok else ' (class wrong)'}")
                print(f"{piece_type} {seed}: " + " ".join(line), flush=True)
    print("photo_vs_scan: " + " ".join(
        f"{m}_fields={t[0] / max(1, t[1]):.3f} {m}_class={t[2] / max(1, t[3]):.2f} {m}_s={t[4]:.0f}"
        for m, t in totals.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
