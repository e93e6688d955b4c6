"""The format of a file comes from its bytes, never from its name."""
from __future__ import annotations

from enum import Enum
from pathlib import Path


class FileKind(str, Enum):
    pdf = "application/pdf"
    jpeg = "image/jpeg"
    png = "image/png"
    tiff = "image/tiff"
    zip = "application/zip"
    unknown = "application/octet-stream"

    @property
    def is_image(self) -> bool:
        return self in (FileKind.jpeg, FileKind.png, FileKind.tiff)


_MAGIC: tuple[tuple[bytes, FileKind], ...] = (
    (b"\xff\xd8\xff", FileKind.jpeg),
    (b"\x89PNG\r\n\x1a\n", FileKind.png),
    (b"II*\x00", FileKind.tiff),
    (b"MM\x00*", FileKind.tiff),
    (b"PK\x03\x04", FileKind.zip),
    (b"PK\x05\x06", FileKind.zip),
)


def sniff_bytes(head: bytes) -> FileKind:
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    # A PDF header may follow some junk; readers accept it within the first KiB.
    if b"%PDF-" in head[:1024]:
        return FileKind.pdf
    return FileKind.unknown


def sniff(path: Path) -> FileKind:
    with open(path, "rb") as fh:
        return sniff_bytes(fh.read(1024))
