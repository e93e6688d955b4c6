"""Held-out layout families (issue 9, point 5), for `make eval-unseen`.

    python benchmarks/heldout.py families          # the --families argument of synth generate
    python benchmarks/heldout.py photos REPORT     # photographed vs scanned pieces, from score.py --report
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from synth.families import FAMILIES  # noqa: E402

DATA = HERE / "heldout_families.json"
# piece tags of score.py's by_tag: documents photographed with a phone, scanned, born digital;
# identity cards photographed and photocopied
GROUPS = (("photo", "piece:photo:page"), ("scan", "piece:render:scan"), ("born_digital", "piece:render:born_digital"),
          ("card_photo", "piece:photo:card"), ("card_photocopy", "piece:render:photocopy"))


def held_out() -> list[str]:
    names = json.loads(DATA.read_text(encoding="utf-8"))["families"]
    for piece_type, layouts in FAMILIES.items():
        if len(layouts) >= 3 and not any(n.startswith(piece_type + ":") for n in names):
            raise SystemExit(f"{DATA.name}: hold out at least one family of {piece_type}")
    return names


def photo_line(report: dict) -> str:
    by_tag = report["by_tag"]
    parts = []
    for label, tag in GROUPS:
        b = by_tag.get(tag)
        if b:
            fields = "n/a" if b["field_acc"] is None else f"{b['field_acc']:.3f}"
            parts.append(f"{label}: pieces={b['pieces']} class={b['class_acc']:.3f} fields={fields} (n={b['fields_n']})")
    return "by render: " + " | ".join(parts)


def main(argv: list[str]) -> int:
    if argv[:1] == ["families"]:
        print(",".join(held_out()))
        return 0
    if argv[:1] == ["photos"] and len(argv) == 2:
        print(photo_line(json.loads(Path(argv[1]).read_text(encoding="utf-8"))))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
