"""The inbox, local folder or bucket prefix: what is complete is taken, what is still
being uploaded is left alone, and an entry is fetched and removed whole."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from storage.inbox import LocalInbox, S3Inbox
from storage.objects import ObjectStore

NOW = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.timezone.utc)


def make_local(root: Path) -> LocalInbox:
    root.mkdir(parents=True)
    (root / "A.zip").write_bytes(b"PK\x03\x04zip")
    (root / "B.pdf.part").write_bytes(b"%PDF-uploading")
    (root / ".C.pdf").write_bytes(b"%PDF-hidden")
    marked = root / "FOLDER-READY"
    marked.mkdir()
    (marked / "piece.pdf").write_bytes(b"%PDF-1")
    (marked / ".ready").write_text("")
    busy = root / "FOLDER-BUSY"
    busy.mkdir()
    (busy / "piece.pdf").write_bytes(b"%PDF-2")
    quiet = root / "FOLDER-QUIET"
    quiet.mkdir()
    (quiet / "piece.pdf").write_bytes(b"%PDF-3")
    old = (NOW - dt.timedelta(minutes=10)).timestamp()
    for path in (quiet / "piece.pdf", quiet):
        os.utime(path, (old, old))
    recent = (NOW - dt.timedelta(seconds=10)).timestamp()
    for path in (busy / "piece.pdf", busy):
        os.utime(path, (recent, recent))
    return LocalInbox(root, quiet_seconds=120)


def test_local_inbox_takes_complete_entries_only(tmp_path: Path) -> None:
    inbox = make_local(tmp_path / "inbox")
    assert inbox.ready_entries(NOW) == ["A.zip", "FOLDER-QUIET", "FOLDER-READY"]


def test_local_inbox_fetches_files_and_folders_into_a_new_workdir(tmp_path: Path) -> None:
    inbox = make_local(tmp_path / "inbox")
    got_file = inbox.fetch("A.zip", tmp_path / "work" / "in")
    got_folder = inbox.fetch("FOLDER-READY", tmp_path / "work2" / "in")
    assert got_file.read_bytes() == b"PK\x03\x04zip"
    assert sorted(p.name for p in got_folder.iterdir()) == ["piece.pdf"]  # the marker stays behind
    inbox.remove("A.zip")
    inbox.remove("FOLDER-READY")
    assert inbox.ready_entries(NOW) == ["FOLDER-QUIET"]
    with pytest.raises(ValueError):
        inbox.fetch("../outside", tmp_path)


def test_bucket_inbox(object_store: ObjectStore, tmp_path: Path) -> None:
    if not hasattr(object_store, "list_modified"):
        pytest.skip("the bucket inbox needs an S3 store")
    object_store.put_bytes("inbox/A.zip", b"PK\x03\x04zip", media_type="application/zip", metadata={})
    object_store.put_bytes("inbox/B.pdf.tmp", b"%PDF", media_type="application/pdf", metadata={})
    object_store.put_bytes("inbox/F/piece.pdf", b"%PDF-1", media_type="application/pdf", metadata={})
    object_store.put_bytes("inbox/F/.ready", b"", media_type="text/plain", metadata={})
    object_store.put_bytes("inbox/G/piece.pdf", b"%PDF-2", media_type="application/pdf", metadata={})
    inbox = S3Inbox(object_store, "inbox/", quiet_seconds=3600)
    now = dt.datetime.now(dt.timezone.utc)
    assert inbox.ready_entries(now) == ["A.zip", "F"]
    assert inbox.fetch("A.zip", tmp_path / "w1" / "in").read_bytes() == b"PK\x03\x04zip"
    folder = inbox.fetch("F", tmp_path / "w2" / "in")
    assert [p.name for p in folder.iterdir()] == ["piece.pdf"]
    inbox.remove("F")
    assert sorted(object_store.list_keys("inbox/")) == ["inbox/A.zip", "inbox/B.pdf.tmp", "inbox/G/piece.pdf"]
