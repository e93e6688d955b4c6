"""Bounded workers (issue 11): the system enforces a reader's memory and time limits,
whatever runs inside it."""
from __future__ import annotations

import errno
import os
import time

import psutil
import pytest

from pipeline.page_pool import (
    BoundedWorker,
    WorkerOutOfMemory,
    WorkerTimeout,
    run_bounded,
)

CAP = 1 << 30


def hog(size: int) -> int:
    return len(bytearray(size))


def test_a_job_past_the_address_space_cap_gets_memory_error_not_the_machine() -> None:
    with pytest.raises(WorkerOutOfMemory):
        run_bounded(hog, 2 * CAP, memory_bytes=CAP, timeout=60)
    assert run_bounded(hog, 1 << 20, memory_bytes=CAP, timeout=60) == 1 << 20  # a fresh worker serves on


def test_a_job_past_its_deadline_is_killed_with_its_children() -> None:
    import subprocess

    worker = BoundedWorker(CAP)
    started = time.monotonic()
    with pytest.raises(WorkerTimeout):
        worker.call(subprocess.run, ["sleep", "60"], timeout=1.5)
    assert time.monotonic() - started < 10
    assert not worker.alive()
    time.sleep(0.5)
    alive = [p.pid for p in psutil.process_iter(["status"])
             if _session_of(p.pid) == worker.proc.pid and p.info["status"] != psutil.STATUS_ZOMBIE]
    assert alive == [], "the worker's children outlived it"


def test_a_bug_in_a_job_comes_back_as_its_exception() -> None:
    with pytest.raises(ZeroDivisionError):
        run_bounded(divmod_pair, (1, 0), memory_bytes=CAP, timeout=30)


def divmod_pair(pair: tuple[int, int]) -> tuple[int, int]:
    return divmod(*pair)


def _session_of(pid: int) -> int | None:
    try:
        return os.getsid(pid)
    except OSError:
        return None


def opencv_hog(side: int) -> int:
    import cv2
    import numpy as np

    return int(cv2.resize(np.zeros((side, side), np.uint8), None, fx=40, fy=40).size)


def test_opencv_refusing_an_allocation_under_the_cap_is_out_of_memory_too() -> None:
    """cv2 raises its own error, not MemoryError, when the cap refuses its buffer."""
    with pytest.raises(WorkerOutOfMemory):
        run_bounded(opencv_hog, 2000, memory_bytes=CAP, timeout=60)


def memory_error_then_enomem(_: object) -> None:
    try:
        raise MemoryError
    finally:
        # What a scratch folder's clean-up raises when it lists the folder right after.
        raise OSError(errno.ENOMEM, "Cannot allocate memory")


def test_an_allocation_refused_on_the_way_to_another_error_is_out_of_memory_too() -> None:
    with pytest.raises(WorkerOutOfMemory):
        run_bounded(memory_error_then_enomem, None, memory_bytes=CAP, timeout=60)
