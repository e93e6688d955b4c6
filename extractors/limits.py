"""The processing limits of DOMAIN.md, in one place. Overridable for tests through
environment variables with the DOSSIERS_ prefix (e.g. DOSSIERS_MAX_FILE_BYTES).

`max_reader_bytes` and `read_seconds` are enforced by the system, not by the parsers:
pages are read in worker processes capped in address space and killed at their
deadline (pipeline/page_pool.py)."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 50 * 1000 * 1000
    max_pdf_pages: int = 200
    max_pixels: int = 60_000_000
    max_zip_unpacked_bytes: int = 300 * 1000 * 1000
    max_zip_ratio: int = 100
    max_files: int = 100
    read_seconds: float = 120.0
    max_reader_bytes: int = 1 << 30  # address space of one reading process (RLIMIT_AS): 1 GiB

    @classmethod
    def from_env(cls) -> "Limits":
        values = {}
        for f in fields(cls):
            raw = os.environ.get(f"DOSSIERS_{f.name.upper()}")
            if raw:
                values[f.name] = float(raw) if f.type == "float" else int(raw)
        return cls(**values)
