"""Hostile input (issue 6): a corpus of bad files, each made by the test itself, run
through the real pipeline in a subprocess whose peak memory is measured. Every kind
has its expected outcome: read normally, an unreadable_file flag naming it, or
invalid_manifest. None crashes, hangs or passes the memory bound."""
from __future__ import annotations

import datetime as dt
import io
import json
import os
import resource
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from tests.builders import encrypted_pdf, huge_png, text_image, text_pdf

PROJECT = Path(__file__).parents[1]
MEMORY_BOUND = 1 << 30  # DOMAIN: peak memory per worker ≤ 1 GiB
CONTRACT_LINES = ["CONTRAT DE TRAVAIL", "Contrat à durée indéterminée",
                  "Le salarié est engagé en qualité de cuisinier à temps complet."]

READ, UNREADABLE = "read", "unreadable"


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


# --- one run of the whole corpus, in a measured subprocess ---------------------------------

RUNNER = """
import datetime as dt, json, sys
from pathlib import Path
from pipeline.process import process_dossier
results = {}
for line in sys.stdin:
    name, path = line.rstrip("\\n").split("\\t")
    result = process_dossier(Path(path), received_at=dt.date(2026, 3, 1))
    results[name] = result.to_json_dict()
print(json.dumps(results, ensure_ascii=False))
"""


@dataclass
class CorpusRun:
    results: dict[str, dict]
    peak_rss: int  # bytes, the largest of the runner and the tesseract processes it waited for
    roots: dict[str, Path]


def run_corpus(root: Path, kinds: list[Kind], env: dict[str, str] | None = None, timeout: float = 900) -> CorpusRun:
    roots, lines = {}, []
    for kind in kinds:
        folder = root / kind.name
        folder.mkdir()
        roots[kind.name] = folder
        lines.append(f"{kind.name}\t{kind.build(folder)}")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run([sys.executable, "-c", RUNNER], input="\n".join(lines) + "\n", capture_output=True,
                          text=True, cwd=PROJECT, timeout=timeout, env={**os.environ, **CORPUS_ENV, **(env or {})})
    assert proc.returncode == 0, proc.stderr[-4000:]
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss is in KiB on Linux; an earlier, larger child would hide this run's peak.
    assert peak > before or before < MEMORY_BOUND // 1024
    return CorpusRun(json.loads(proc.stdout), peak * 1024, roots)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> CorpusRun:
    return run_corpus(tmp_path_factory.mktemp("corpus"), KINDS)


def test_the_corpus_has_enough_kinds() -> None:
    assert len(KINDS) >= 25
    assert len({k.name for k in KINDS}) == len(KINDS)


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_each_kind_ends_as_expected(kind: Kind, corpus: CorpusRun) -> None:
    result = corpus.results[kind.name]
    assert result["status"] != "failed", result.get("error")
    unreadable = {f["source"] for f in result["flags"] if f["code"] == "unreadable_file"}
    read = {p["source"] for p in result["pieces"]}
    for source, outcome in kind.expect.items():
        if outcome == READ:
            assert source in read and source not in unreadable, (source, unreadable, read)
        else:
            assert source in unreadable and source not in read, (source, unreadable, read)
    # Nothing but what was expected, and every flag names its file in French.
    assert unreadable <= set(kind.expect), unreadable - set(kind.expect)
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


def noise_scan(root: Path) -> bytes:
    """A page tesseract takes long over: dense random specks at 300 dpi."""
    import numpy as np

    rng = np.random.default_rng(6)
    pixels = (rng.random((3500, 2480)) > 0.5).astype("uint8") * 255
    return image_bytes(Image.fromarray(pixels), "PNG")


def test_a_slow_file_is_abandoned_at_the_time_limit(tmp_path: Path) -> None:
    """A lowered per-file time limit cuts tesseract off (its process is killed) and the
    file gets its flag, well before the input would have finished."""
    slow = Kind("slow_scan", folder_with({"slow.png": noise_scan, "contrat.pdf": small_contract_pdf}),
                {"slow.png": UNREADABLE, "contrat.pdf": READ})
    started = dt.datetime.now()
    run = run_corpus(tmp_path, [slow], env={"DOSSIERS_READ_SECONDS": "3"}, timeout=120)
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
