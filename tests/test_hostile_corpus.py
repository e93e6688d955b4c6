"""Hostile input (issues 6 and 11): a corpus of bad inputs, each made by the test
itself, run as ONE batch of `dossiers process` (read-ahead, records, --out-dir) whose
peak memory is measured. Every kind has its expected outcome: read normally, an
unreadable_file flag naming it, or invalid_manifest (the reference then falls back to
the input's name). None crashes, hangs, stops the batch, prints a traceback or passes
the memory bounds."""
from __future__ import annotations

import datetime as dt
import io
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from tests.builders import (
    encrypted_pdf,
    huge_png,
    pdf_of_page,
    sized_page,
    text_image,
    text_pdf,
)

PROJECT = Path(__file__).parents[1]
MEMORY_BOUND = 1 << 30  # DOMAIN: peak memory per worker ≤ 1 GiB
CONTRACT_LINES = ["CONTRAT DE TRAVAIL", "Contrat à durée indéterminée",
                  "Le salarié est engagé en qualité de cuisinier à temps complet."]

READ, UNREADABLE = "read", "unreadable"
# Runs a command and writes the largest RSS among its descendants (KiB), for this run alone.
_PEAK_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[2:]).returncode\n"
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(code)\n"
)


# --- building bad files ---------------------------------------------------------------


def raw_pdf(pages: int = 1, *, text: str = "Bonjour, ceci est une page de texte assez longue pour compter.",
            catalog_extra: str = "", extra_objects: tuple[str, ...] = (), corrupt_xref: bool = False) -> bytes:
    """A hand-written PDF: `pages` pages sharing one content stream (cheap even for
    thousands), optional catalog entries and objects (numbered from 5)."""
    stream = f"BT /F1 12 Tf 60 720 Td ({text}) Tj ET".encode()
    kids = " ".join(f"{5 + len(extra_objects) + i} 0 R" for i in range(pages))
    objects = [
        f"<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>".encode(),
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *(o.encode() for o in extra_objects),
        *([b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
           b"/Resources << /Font << /F1 4 0 R >> >> >>"] * pages),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % ((offset * 7 + 13) if corrupt_xref else offset))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref + (999 if corrupt_xref else 0)))
    return out.getvalue()


JAVASCRIPT = raw_pdf(catalog_extra="/OpenAction 5 0 R /Names << /JavaScript << /Names [(x) 5 0 R] >> >>",
                     extra_objects=("<< /S /JavaScript /JS (app.alert\\('pwned'\\); this.exportDataObject\\(\\);) >>",))
EMBEDDED = raw_pdf(catalog_extra="/Names << /EmbeddedFiles << /Names [(evil.exe) 5 0 R] >> >>",
                   extra_objects=("<< /Type /Filespec /F (evil.exe) /EF << /F 6 0 R >> >>",
                                  "<< /Type /EmbeddedFile /Length 4 >>\nstream\nMZ\x90\x00\nendstream"))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims width×height, with a tiny (broken) body: the reader
    must refuse it from the header, before any decoding."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b""))


def jpeg_claiming(width: int, height: int) -> bytes:
    """A real small JPEG whose SOF0 marker is patched to claim width×height."""
    buf = io.BytesIO()
    Image.new("L", (16, 16), 200).save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    sof = data.find(b"\xff\xc0")
    data[sof + 5: sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def tiff_claiming(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    Image.new("L", (8, 8), 255).save(buf, "TIFF")
    data = bytearray(buf.getvalue())
    # Little-endian TIFF: patch the ImageWidth (256) and ImageLength (257) entries of IFD0.
    ifd = struct.unpack("<I", data[4:8])[0]
    count = struct.unpack("<H", data[ifd: ifd + 2])[0]
    for i in range(count):
        entry = ifd + 2 + 12 * i
        tag, kind = struct.unpack("<HH", data[entry: entry + 4])
        if tag in (256, 257):
            value = width if tag == 256 else height
            data[entry + 2: entry + 12] = struct.pack("<HII", 4, 1, value)  # LONG
    return bytes(data)


def multipage_tiff(frames: int) -> bytes:
    buf = io.BytesIO()
    first = Image.new("1", (8, 8), 1)
    first.save(buf, "TIFF", save_all=True, append_images=[Image.new("1", (8, 8), 1)] * (frames - 1))
    return buf.getvalue()


def image_bytes(image: Image.Image, fmt: str) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt)
    return buf.getvalue()


def small_contract_pdf(tmp: Path) -> bytes:
    return text_pdf(tmp / "contract-src.pdf", [CONTRACT_LINES]).read_bytes()


def elf_binary() -> bytes:
    return Path(sys.executable).resolve().read_bytes()[:4096]


def zip_bytes(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


# --- the corpus ------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """One kind of bad input: a dossier to build, what each named file must become,
    and whether the manifest must be refused."""

    name: str
    build: Callable[[Path], Path]  # given an empty folder, returns the dossier path
    expect: dict[str, str]  # source -> READ | UNREADABLE
    invalid_manifest: bool = False
    keep_name: bool = False  # the input keeps the name it was built with (else: the kind's name)
    reference_is_name: bool = False  # the reference must be the input's name (manifest refused)


def folder_with(files: dict[str, bytes | Callable[[Path], bytes]]) -> Callable[[Path], Path]:
    def build(root: Path) -> Path:
        folder = root / "DOSSIER"
        folder.mkdir()
        for name, data in files.items():
            (folder / name).write_bytes(data(root) if callable(data) else data)
        return folder
    return build


def single_file(name: str, data: Callable[[Path], bytes]) -> Callable[[Path], Path]:
    def build(root: Path) -> Path:
        path = root / name
        path.write_bytes(data(root))
        return path
    return build


def truncated_pdf(root: Path) -> bytes:
    whole = small_contract_pdf(root)
    return whole[: len(whole) // 2]


def restricted_pdf(root: Path) -> bytes:
    return encrypted_pdf(root / "restricted-src.pdf", user_password="").read_bytes()


def password_pdf(root: Path) -> bytes:
    return encrypted_pdf(root / "secret-src.pdf").read_bytes()


def pixel_bomb_png(root: Path) -> bytes:
    return huge_png(root / "bomb-src.png", 9000, 9000).read_bytes()


def tiny_png(root: Path) -> bytes:
    return image_bytes(Image.new("L", (1, 1), 255), "PNG")


def corrupt_jpeg(root: Path) -> bytes:
    data = image_bytes(text_image(["Bonjour"], size=(400, 300), font_size=30), "JPEG")
    return data[: len(data) // 3]


def symlinks_folder(root: Path) -> Path:
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.pdf").write_bytes(small_contract_pdf(root))
    folder = root / "DOSSIER"
    folder.mkdir()
    (folder / "contrat.pdf").write_bytes(small_contract_pdf(root))
    (folder / "inside-link.pdf").symlink_to("contrat.pdf")
    (folder / "outside-link.pdf").symlink_to(outside / "secret.pdf")
    (folder / "outside-dir").symlink_to(outside, target_is_directory=True)
    (folder / "etc-passwd").symlink_to("/etc/passwd")
    (folder / "loop").symlink_to("loop")
    (folder / "dangling.pdf").symlink_to(root / "nowhere.pdf")
    return folder


def non_utf8_names(root: Path) -> Path:
    folder = root / "DOSSIER"
    folder.mkdir()
    (folder / "contrat.pdf").write_bytes(small_contract_pdf(root))
    with open(os.path.join(os.fsencode(folder), b"scan-\xe9t\xe9-\xff.pdf"), "wb") as fh:
        fh.write(small_contract_pdf(root))
    return folder


def manifest_folder(manifest: bytes) -> Callable[[Path], Path]:
    return folder_with({"contrat.pdf": small_contract_pdf, "dossier.json": manifest})


def zip_with_bad_utf8_name(root: Path) -> bytes:
    """A member whose name is flagged UTF-8 but is not: Python's zipfile cannot list it."""
    data = zip_bytes({**contract_member(root), "scan-é.pdf": small_contract_pdf(root)})
    return data.replace("é".encode(), b"\xff\xfe")


def zip_dossier(members: Callable[[Path], dict[str, bytes]], name: str = "DOSSIER.zip",
                compression: int = zipfile.ZIP_DEFLATED) -> Callable[[Path], Path]:
    def build(root: Path) -> Path:
        path = root / name
        path.write_bytes(zip_bytes(members(root), compression=compression))
        return path
    return build


def contract_member(root: Path) -> dict[str, bytes]:
    return {"contrat.pdf": small_contract_pdf(root)}


# Limits lowered for the whole corpus run where a real-size input would only cost time.
CORPUS_ENV = {"DOSSIERS_MAX_ZIP_UNPACKED_BYTES": str(3_000_000)}

KINDS: list[Kind] = [
    Kind("empty_file", folder_with({"vide.pdf": b"", "contrat.pdf": small_contract_pdf}),
         {"vide.pdf": UNREADABLE, "contrat.pdf": READ}),
    Kind("truncated_pdf", folder_with({"cut.pdf": truncated_pdf}), {"cut.pdf": UNREADABLE}),
    Kind("password_pdf", folder_with({"secret.pdf": password_pdf}), {"secret.pdf": UNREADABLE}),
    Kind("restricted_pdf_without_password", folder_with({"restricted.pdf": restricted_pdf}),
         {"restricted.pdf": READ}),
    Kind("broken_xref", folder_with({"xref.pdf": raw_pdf(corrupt_xref=True)}), {"xref.pdf": READ}),
    Kind("xref_and_eof_missing", folder_with({"noeof.pdf": raw_pdf()[:-30]}), {"noeof.pdf": UNREADABLE}),
    Kind("thousands_of_pages", folder_with({"long.pdf": raw_pdf(5000)}), {"long.pdf": UNREADABLE}),
    Kind("zero_pages", folder_with({"zero.pdf": raw_pdf(0)}), {"zero.pdf": UNREADABLE}),
    Kind("javascript_pdf", folder_with({"js.pdf": JAVASCRIPT}), {"js.pdf": READ}),
    Kind("embedded_file_pdf", folder_with({"attached.pdf": EMBEDDED}), {"attached.pdf": READ}),
    Kind("pdf_with_wrong_extension", folder_with({"photo.jpg": small_contract_pdf}), {"photo.jpg": READ}),
    Kind("png_pixel_bomb", folder_with({"bomb.png": pixel_bomb_png}), {"bomb.png": UNREADABLE}),
    Kind("png_header_bomb", folder_with({"header.png": png_header_only(100_000, 100_000)}),
         {"header.png": UNREADABLE}),
    Kind("jpeg_header_bomb", folder_with({"header.jpg": jpeg_claiming(65_000, 65_000)}),
         {"header.jpg": UNREADABLE}),
    Kind("tiff_header_bomb", folder_with({"header.tif": tiff_claiming(200_000, 200_000)}),
         {"header.tif": UNREADABLE}),
    Kind("tiff_over_page_limit", folder_with({"many.tif": multipage_tiff(250)}), {"many.tif": UNREADABLE}),
    Kind("corrupt_jpeg", folder_with({"broken.jpg": corrupt_jpeg}), {"broken.jpg": UNREADABLE}),
    Kind("one_pixel_image", folder_with({"dot.png": tiny_png}), {"dot.png": READ}),
    Kind("not_pdf_nor_image", folder_with({
        "notes.txt": b"ceci n'est pas un PDF\n",
        "page.html": b"<html><script>alert(1)</script><body>%PDF</body></html>",
        "program": elf_binary(),
        "anim.gif": lambda r: image_bytes(Image.new("L", (50, 50), 128), "GIF"),
        "pic.bmp": lambda r: image_bytes(Image.new("L", (50, 50), 128), "BMP"),
        "pic.webp": lambda r: image_bytes(Image.new("RGB", (50, 50), 128), "WEBP"),
        "nested.zip": lambda r: zip_bytes(contract_member(r)),
    }), {s: UNREADABLE for s in ("notes.txt", "page.html", "program", "anim.gif", "pic.bmp", "pic.webp",
                                 "nested.zip")}),
    Kind("symlinks", symlinks_folder, {"contrat.pdf": READ, "inside-link.pdf": READ,
                                       "outside-link.pdf": UNREADABLE, "outside-dir": UNREADABLE,
                                       "etc-passwd": UNREADABLE, "loop": UNREADABLE,
                                       "dangling.pdf": UNREADABLE}),
    Kind("non_utf8_file_name", non_utf8_names, {"contrat.pdf": READ, "scan-\ufffdt\ufffd-\ufffd.pdf": READ}),
    Kind("manifest_not_json", manifest_folder(b"{pas du json"), {"contrat.pdf": READ}, invalid_manifest=True),
    Kind("manifest_not_utf8", manifest_folder(b'{"reference": "\xff\xfe"}'), {"contrat.pdf": READ},
         invalid_manifest=True),
    Kind("manifest_unknown_procedure", manifest_folder(b'{"procedure": "visa_touriste"}'), {"contrat.pdf": READ},
         invalid_manifest=True),
    Kind("manifest_bad_date", manifest_folder(b'{"procedure": "stage", "submitted_at": "2026-02-30"}'),
         {"contrat.pdf": READ}, invalid_manifest=True),
    Kind("manifest_not_an_object", manifest_folder(b'["2026-PMOE-000001"]'), {"contrat.pdf": READ},
         invalid_manifest=True),
    Kind("merged_text_file", single_file("merged.pdf", lambda r: b"%!PS-Adobe\nnot a pdf at all\n"),
         {"merged.pdf": UNREADABLE}),
    Kind("zip_ratio_bomb", zip_dossier(lambda r: {**contract_member(r), "bomb.pdf": b"\0" * 20_000_000}),
         {"contrat.pdf": READ, "bomb.pdf": UNREADABLE}),
    # Random bytes do not compress: over the (lowered) absolute limit without passing the ratio.
    Kind("zip_absolute_bomb", zip_dossier(lambda r: {**contract_member(r), "big.pdf": os.urandom(4_000_000)},
                                          compression=zipfile.ZIP_STORED),
         {"contrat.pdf": READ, "big.pdf": UNREADABLE}),
    Kind("nested_zip", zip_dossier(lambda r: {**contract_member(r), "inner.zip": zip_bytes(contract_member(r))}),
         {"contrat.pdf": READ, "inner.zip": UNREADABLE}),
    Kind("zip_unsafe_paths", zip_dossier(lambda r: {**contract_member(r), "../../evil.pdf": b"%PDF-1.4",
                                                    "/tmp/abs-evil.pdf": b"%PDF-1.4",
                                                    "C:/win/evil.pdf": b"%PDF-1.4"}),
         {"contrat.pdf": READ, "../../evil.pdf": UNREADABLE, "/tmp/abs-evil.pdf": UNREADABLE,
          "C:/win/evil.pdf": UNREADABLE}),
    Kind("zip_bad_utf8_member_name", single_file("DOSSIER.zip", zip_with_bad_utf8_name),
         {"DOSSIER.zip": UNREADABLE}),
    Kind("zip_not_a_zip", single_file("DOSSIER.zip", lambda r: b"PK\x03\x04" + os.urandom(200)),
         {"DOSSIER.zip": UNREADABLE}),
]


# --- issue 11: what sank whole dossiers or batches ------------------------------------------


def text_operator_bomb(count: int) -> bytes:
    """One page whose content stream shows `count` tiny strings (compressed: a few KB).
    pdfplumber keeps an object per character: 250,000 took 4.6 GB before issue 11."""
    body = b"BT /F1 1 Tf " + b"".join(b"%d %d Td (ab) Tj " % (i % 7, i % 11 - 5) for i in range(count)) + b"ET"
    stream = zlib.compress(body)
    return pdf_of_page(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
                       595, 842)


def vector_operator_bomb(count: int) -> bytes:
    """One page of `count` filled rectangles and a line of text (compressed: 650 KB for
    300,000). No character count sees them; pdfplumber makes an object of each, and the
    reader's address-space cap is what stops it."""
    body = b"".join(b"%d %d 1 1 re f " % (i % 500, i % 800) for i in range(count))
    body += b"BT /F1 12 Tf 60 720 Td (Bonjour, ceci est une page de texte assez longue pour compter.) Tj ET"
    stream = zlib.compress(body)
    return pdf_of_page(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
                       595, 842)


def manifest_with_reference(reference: str) -> bytes:
    return json.dumps({"reference": reference, "procedure": "stage", "submitted_at": "2026-02-01"}).encode()


def random_text(size: int, seed: int = 11) -> str:
    import random

    rng = random.Random(seed)
    return "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(size))


def symlinked_manifest(root: Path) -> Path:
    """dossier.json is a link to a manifest outside the dossier: never read."""
    (root / "elsewhere.json").write_bytes(manifest_with_reference("VOLEE-0001"))
    folder = root / "DOSSIER"
    folder.mkdir()
    (folder / "contrat.pdf").write_bytes(small_contract_pdf(root))
    (folder / "dossier.json").symlink_to(root / "elsewhere.json")
    return folder


def fifo_input(root: Path) -> Path:
    """A named pipe given as the dossier: opening it would block for ever."""
    path = root / "fifo_as_path"
    os.mkfifo(path)
    return path


LONG_NAME = "dossier-" + "é" * 123 + "x"  # 255 bytes in UTF-8: the most a file name may hold


def long_named_folder(root: Path) -> Path:
    folder = root / LONG_NAME
    folder.mkdir()
    (folder / "contrat.pdf").write_bytes(small_contract_pdf(root))
    return folder


def deep_json(depth: int) -> bytes:
    return b'{"reference": ' + b"[" * depth + b"]" * depth + b', "procedure": "stage"}'


KINDS += [
    Kind("text_operator_bomb", folder_with({"ops.pdf": lambda r: text_operator_bomb(250_000),
                                            "contrat.pdf": small_contract_pdf}),
         {"ops.pdf": UNREADABLE, "contrat.pdf": READ}),
    Kind("vector_operator_bomb", folder_with({"rects.pdf": lambda r: vector_operator_bomb(300_000),
                                              "contrat.pdf": small_contract_pdf}),
         {"rects.pdf": UNREADABLE, "contrat.pdf": READ}),
    Kind("tall_and_thread_pages", folder_with({"tall.pdf": sized_page(12, 7200), "thread.pdf": sized_page(1, 14400)}),
         {"tall.pdf": READ, "thread.pdf": UNREADABLE}),
    Kind("reference_with_nul", manifest_folder(manifest_with_reference("2026-PMOE-\0-000001")),
         {"contrat.pdf": READ}, invalid_manifest=True, reference_is_name=True),
    Kind("reference_lone_surrogate", manifest_folder(b'{"reference": "2026-\\ud800", "procedure": "stage"}'),
         {"contrat.pdf": READ}, invalid_manifest=True, reference_is_name=True),
    Kind("reference_8kb_random", manifest_folder(manifest_with_reference(random_text(8192))),
         {"contrat.pdf": READ}, invalid_manifest=True, reference_is_name=True),
    Kind("reference_climbing_out", manifest_folder(manifest_with_reference("../../admin/failed")),
         {"contrat.pdf": READ}, invalid_manifest=True, reference_is_name=True),
    Kind("reference_control_characters", manifest_folder(manifest_with_reference("2026\x1b[31m\r\n-0001")),
         {"contrat.pdf": READ}, invalid_manifest=True, reference_is_name=True),
    Kind("symlinked_manifest", symlinked_manifest, {"contrat.pdf": READ}, invalid_manifest=True,
         reference_is_name=True),
    Kind("manifest_nested_200000_deep", manifest_folder(deep_json(200_000)), {"contrat.pdf": READ},
         invalid_manifest=True, reference_is_name=True),
    Kind("zip_file_then_folder_of_that_name",
         zip_dossier(lambda r: {"linkdir": small_contract_pdf(r), "linkdir/evil.txt": b"evil"}),
         {"linkdir": READ, "linkdir/evil.txt": UNREADABLE}),
    Kind("zip_folder_then_file_of_that_name",
         zip_dossier(lambda r: {"linkdir/contrat.pdf": small_contract_pdf(r), "linkdir": b"evil"}),
         {"linkdir/contrat.pdf": READ, "linkdir": UNREADABLE}),
    Kind("fifo_as_path", fifo_input, {"fifo_as_path": UNREADABLE}),
    Kind("name_of_255_bytes", long_named_folder, {"contrat.pdf": READ}, keep_name=True),
]


# --- one run of the whole corpus: one batch of the command line, measured --------------------

MEMORY_BOUND_BATCH = 3 << 29  # issue 11: the whole batch (command, readers, tesseract) ≤ 1.5 GiB
BATCH_MINUTES = 15


@dataclass
class CorpusRun:
    results: dict[str, dict]  # kind name -> its result document from --out-dir
    names: dict[str, str]  # kind name -> the input's name
    sources: dict[str, dict[str, str]]  # kind name -> {source as built: source as run} (renamed inputs)
    peak_rss: int  # bytes, the largest single process (the command, a reader, a tesseract)
    peak_tree: int  # bytes, the largest sum of the batch's processes at one moment (sampled)
    seconds: float
    stderr: str
    returncode: int
    roots: dict[str, Path]


def run_corpus(root: Path, kinds: list[Kind], env: dict[str, str], timeout: float = BATCH_MINUTES * 60,
               extra: dict[str, str] | None = None) -> CorpusRun:
    """Every kind as one input of a single `dossiers process` batch."""
    import time

    import psutil

    from pipeline.cli import out_file_name

    roots, paths, names, sources = {}, [], {}, {}
    for kind in kinds:
        folder = root / kind.name
        folder.mkdir()
        roots[kind.name] = folder
        built = kind.build(folder)
        if not kind.keep_name:  # one reference per kind (many build a "DOSSIER")
            renamed = built.rename(built.with_name(kind.name + built.suffix))
            sources[kind.name] = {built.name: renamed.name}  # a single-file input is a source itself
            built = renamed
        paths.append(built)
        names[kind.name] = built.name if built.is_dir() or not built.suffix else built.stem
    out = root / "out"
    peak_file = root / "peak-kib"
    # The CLI runs under a small wrapper that reports the largest RSS of its own descendants:
    # this test process's ru_maxrss would also hold earlier tests' children.
    argv = [sys.executable, "-c", _PEAK_WRAPPER, str(peak_file), sys.executable, "-m", "pipeline.cli", "process",
            *map(str, paths), "--out-dir", str(out), "--as-of", "2026-03-01", "--workers", "2"]
    started = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=PROJECT,
                            env={**env, **CORPUS_ENV, **(extra or {})})
    peak_tree = 0
    watched = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak_tree = max(peak_tree, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        if time.monotonic() - started > timeout:
            proc.kill()
            raise AssertionError(f"the batch took more than {timeout:.0f} s")
        time.sleep(0.1)
    _, stderr = proc.communicate()
    seconds = time.monotonic() - started
    peak = int(peak_file.read_text())  # KiB, as Linux gives ru_maxrss
    results = {}
    for kind in kinds:
        target = out / out_file_name(names[kind.name])
        if target.exists():
            results[kind.name] = json.loads(target.read_text())
    return CorpusRun(results, names, sources, peak * 1024, peak_tree, seconds, stderr, proc.returncode, roots)


@pytest.fixture(scope="module")
def corpus_env(postgres_admin_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A database and a home of the corpus's own, for the module (one batch)."""
    import uuid

    import psycopg
    from psycopg import sql
    from psycopg.conninfo import make_conninfo

    name = f"test_corpus_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    home = tmp_path_factory.mktemp("corpus-home")
    try:
        yield {**os.environ, "DOSSIERS_HOME": str(home),
               "DOSSIERS_DATABASE_URL": make_conninfo(postgres_admin_url, dbname=name)}
    finally:
        with psycopg.connect(postgres_admin_url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, corpus_env: dict[str, str]) -> CorpusRun:
    run = run_corpus(tmp_path_factory.mktemp("corpus"), KINDS, corpus_env)
    print(f"hostile corpus: {len(KINDS)} inputs in {run.seconds:.0f} s, peak {run.peak_rss / 2**20:.0f} MiB "
          f"per process, {run.peak_tree / 2**20:.0f} MiB for the whole batch")
    return run


def test_the_corpus_has_enough_kinds() -> None:
    assert len(KINDS) >= 30
    assert len({k.name for k in KINDS}) == len(KINDS)


def test_the_batch_gives_every_input_a_result_without_a_traceback(corpus: CorpusRun) -> None:
    assert corpus.returncode == 0, corpus.stderr[-3000:]
    assert "Traceback" not in corpus.stderr, corpus.stderr[-3000:]
    assert set(corpus.results) == {k.name for k in KINDS}
    assert corpus.seconds < BATCH_MINUTES * 60


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_each_kind_ends_as_expected(kind: Kind, corpus: CorpusRun) -> None:
    assert kind.name in corpus.results, f"no result for {kind.name}: {corpus.stderr[-2000:]}"
    result = corpus.results[kind.name]
    assert result["status"] != "failed", result.get("error")
    if kind.reference_is_name:
        assert result["dossier"]["reference"] == corpus.names[kind.name]
    unreadable = {f["source"] for f in result["flags"] if f["code"] == "unreadable_file"}
    read = {p["source"] for p in result["pieces"]}
    renamed = corpus.sources.get(kind.name, {})
    expect = {renamed.get(source, source): outcome for source, outcome in kind.expect.items()}
    for source, outcome in expect.items():
        if outcome == READ:
            assert source in read and source not in unreadable, (source, unreadable, read)
        else:
            assert source in unreadable and source not in read, (source, unreadable, read)
    # Nothing but what was expected, and every flag names its file in French.
    assert unreadable <= set(expect), unreadable - set(expect)
    manifest_flags = [f for f in result["flags"] if f["code"] == "invalid_manifest"]
    assert bool(manifest_flags) == kind.invalid_manifest
    json.dumps(result, ensure_ascii=True)  # serialisable, no lone surrogates


def test_nothing_is_written_outside_and_no_script_runs(corpus: CorpusRun) -> None:
    root = corpus.roots["zip_unsafe_paths"]
    assert not (root.parent / "evil.pdf").exists() and not (root / "evil.pdf").exists()
    assert not Path("/tmp/abs-evil.pdf").exists()
    assert not any(root.parent.rglob("evil.exe"))


def test_the_corpus_stays_under_the_memory_bound(corpus: CorpusRun) -> None:
    assert corpus.peak_rss <= MEMORY_BOUND, f"peak RSS {corpus.peak_rss / 2**20:.0f} MiB"
    assert corpus.peak_tree <= MEMORY_BOUND_BATCH, f"batch peak {corpus.peak_tree / 2**20:.0f} MiB"


def test_a_reader_over_its_memory_cap_ends_as_a_flag(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """The address-space cap is the backstop for the bombs no pre-check knows. A page of
    46,000 characters passes the character count; reading it takes a reader from about
    330 to 385 MiB of address space. Under a cap lowered to 360 MiB the reader meets
    MemoryError, the file is flagged, the other file of the dossier is read and the
    batch goes on."""
    capped = Kind("reader_over_its_cap", folder_with({"ops.pdf": lambda r: text_operator_bomb(12_000),
                                                      "contrat.pdf": small_contract_pdf}),
                  {"ops.pdf": UNREADABLE, "contrat.pdf": READ})
    run = run_corpus(tmp_path, [capped], cli_env, timeout=300, extra={"DOSSIERS_MAX_READER_BYTES": str(360 << 20)})
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-3000:]
    result = run.results[capped.name]
    assert result["status"] != "failed", result.get("error")
    flags = [f for f in result["flags"] if f["code"] == "unreadable_file"]
    assert [f["source"] for f in flags] == ["ops.pdf"]
    assert "360 Mio" in flags[0]["message"], flags[0]["message"]
    assert "contrat.pdf" in {p["source"] for p in result["pieces"]}


def noise_scan(root: Path) -> bytes:
    """A page tesseract takes long over: dense random specks at 300 dpi."""
    import numpy as np

    rng = np.random.default_rng(6)
    pixels = (rng.random((3500, 2480)) > 0.5).astype("uint8") * 255
    return image_bytes(Image.fromarray(pixels), "PNG")


def test_a_slow_file_is_abandoned_at_the_time_limit(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """A lowered per-file time limit cuts tesseract off (its process is killed) and the
    file gets its flag, well before the input would have finished."""
    slow = Kind("slow_scan", folder_with({"slow.png": noise_scan, "contrat.pdf": small_contract_pdf}),
                {"slow.png": UNREADABLE, "contrat.pdf": READ})
    started = dt.datetime.now()
    run = run_corpus(tmp_path, [slow], cli_env, extra={"DOSSIERS_READ_SECONDS": "3"}, timeout=120)
    elapsed = (dt.datetime.now() - started).total_seconds()
    result = run.results["slow_scan"]
    flags = [f for f in result["flags"] if f["code"] == "unreadable_file"]
    assert [f["source"] for f in flags] == ["slow.png"]
    assert "trop longue" in flags[0]["message"]
    assert elapsed < 60
    assert orphan_tesseracts() == [], "a tesseract process outlived its deadline"


def orphan_tesseracts() -> list[int]:
    """tesseract processes still reading a page image whose work folder is gone."""
    import psutil

    orphans = []
    for proc in psutil.process_iter(["name", "cmdline"]):
        cmdline = proc.info["cmdline"] or []
        if proc.info["name"] == "tesseract" and len(cmdline) > 1 and "dossiers-ocr-" in cmdline[1]:
            if not Path(cmdline[1]).exists():
                orphans.append(proc.pid)
    return orphans


def test_cli_records_hostile_names_and_unsafe_zips(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """Through the command line, on the database: names that are not UTF-8 and zip
    members with unsafe paths are stored and flagged without breaking the run."""
    roots = {}
    for kind in (k for k in KINDS if k.name in ("non_utf8_file_name", "zip_unsafe_paths", "symlinks")):
        folder = tmp_path / kind.name
        folder.mkdir()
        built = kind.build(folder)
        roots[kind.name] = built.rename(built.with_name(kind.name + built.suffix))  # one reference each
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "process", *map(str, roots.values()),
                           "--out-dir", str(out), "--as-of", "2026-03-01"],
                          env=cli_env, capture_output=True, text=True, cwd=PROJECT, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    documents = [json.loads(p.read_text()) for p in out.glob("*.json")]
    assert len(documents) == len(roots)
    assert all(d["status"] != "failed" for d in documents), [d.get("error") for d in documents]
    assert not (tmp_path / "evil.pdf").exists()
