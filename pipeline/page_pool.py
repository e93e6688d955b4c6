"""Reading pages one process per core, each process bounded by the system.

Every page is read in a *bounded worker*: a child process whose address space is
capped with RLIMIT_AS (`Limits.max_reader_bytes`, 1 GiB by default) and which is
killed, with everything it started (tesseract), when it overruns its wall-clock
deadline. A parser that blows up on a hostile file (250,000 text operators on one
page, a pixel bomb that slipped past the header checks) then meets MemoryError or
the kill, and the file gets an `unreadable_file` flag: the limit is enforced by the
kernel, not by a check some parser might lack. No page is ever read in the calling
process, so the bound cannot be forgotten by a caller.

Workers stay up between pages (and between pools: a closed pool hands its idle
workers to the next one), so the price of a process is paid once, not per page. While
more pages wait than there are workers, a worker takes several at once: their first OCR
pass is one tesseract run, which loads its model once. A batch its worker could not
finish is read again a page at a time, so that the page at fault fails alone.
The same worker serves the review server's page previews (web/page_images.py).
"""
from __future__ import annotations

import atexit
import errno
import logging
import os
import pickle
import queue
import resource
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from extractors.limits import Limits
from models import (
    BadInputError,
    FileLimitExceeded,
    Page,
    ReadTimeout,
    UnreadableFileError,
)

if TYPE_CHECKING:  # the reading code is loaded in the workers, not by who starts them (the web server)
    from extractors.reading import PageJob

log = logging.getLogger(__name__)

# Seconds the kill waits beyond a job's own deadline: the reader stops itself on
# time (tesseract's timeout) when it can; the kill is for when it cannot.
KILL_GRACE_S = 5.0
_HEADER = struct.Struct(">Q")
# Environment of a worker: single-threaded numerical libraries (one worker per core),
# and few malloc arenas, whose reservations would count against the address-space cap.
WORKER_ENV = {"OMP_THREAD_LIMIT": "1", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
              "MKL_NUM_THREADS": "1", "MALLOC_ARENA_MAX": "2", "PYTHONUNBUFFERED": "1"}


class WorkerError(BadInputError):
    """A bounded worker did not give an answer: the page is beyond the reading's
    bounds (the caller maps it to the user's terms, an unreadable file or preview)."""


class WorkerOutOfMemory(WorkerError):
    """The job needed more memory than the worker's cap."""


class WorkerTimeout(WorkerError):
    """The job overran its deadline: the worker was killed."""


class WorkerDied(WorkerError):
    """The worker process ended without answering (a crash in native code, or the
    kernel stopping a process at its memory cap)."""


class BoundedWorker:
    """One child process: `call(func, arg, timeout)` runs `func(arg)` in it, under its
    address-space cap, and kills it (with its process group) past the timeout."""

    def __init__(self, memory_bytes: int) -> None:
        self.memory_bytes = memory_bytes
        env = {**os.environ, **WORKER_ENV}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline.page_pool", str(memory_bytes)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env, start_new_session=True, close_fds=True)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def call(self, func: Callable[[Any], Any], arg: Any, timeout: float) -> Any:
        """func(arg)'s value; its exception re-raised here; WorkerError when the worker
        gave no answer (and is then dead: do not reuse it)."""
        payload = pickle.dumps((func, arg), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.proc.stdin.write(_HEADER.pack(len(payload)) + payload)  # type: ignore[union-attr]
            self.proc.stdin.flush()  # type: ignore[union-attr]
        except (BrokenPipeError, OSError):
            self.kill()
            raise WorkerDied("le processus de lecture s'est arrêté") from None
        deadline = time.monotonic() + timeout
        try:
            header = self._read_exactly(_HEADER.size, deadline)
            kind, value = pickle.loads(self._read_exactly(_HEADER.unpack(header)[0], deadline))
        except WorkerTimeout:
            self.kill()
            raise
        except (EOFError, pickle.UnpicklingError, OSError):
            self.kill()
            raise WorkerDied(f"le processus de lecture s'est arrêté ({self._how_it_ended()})") from None
        if kind == "ok":
            return value
        if kind == "memory":
            self.kill()  # its heap is in pieces: a fresh process reads the next page
            raise WorkerOutOfMemory(value)
        raise value

    def _read_exactly(self, size: int, deadline: float) -> bytes:
        out = self.proc.stdout
        fd = out.fileno()  # type: ignore[union-attr]
        chunks, got = [], 0
        while got < size:
            left = deadline - time.monotonic()
            if left <= 0:
                raise WorkerTimeout()
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                raise WorkerTimeout()
            chunk = os.read(fd, min(size - got, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def _how_it_ended(self) -> str:
        try:
            code = self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return "sans réponse"
        if code < 0:
            return f"signal {signal.Signals(-code).name}"
        return f"code {code}"

    def kill(self) -> None:
        """The worker and everything it started (tesseract runs in its process group)."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        for pipe in (self.proc.stdin, self.proc.stdout):
            try:
                pipe.close()  # type: ignore[union-attr]
            except OSError:
                pass


# Idle workers kept between pools, by memory cap: process_dossier() called in a loop
# does not pay a process start per dossier.
_spare: dict[int, list[BoundedWorker]] = {}
_spare_lock = threading.Lock()
MAX_SPARE = max(2, os.cpu_count() or 1)


def take_worker(memory_bytes: int) -> BoundedWorker:
    with _spare_lock:
        idle = _spare.get(memory_bytes, [])
        while idle:
            worker = idle.pop()
            if worker.alive():
                return worker
    return BoundedWorker(memory_bytes)


def give_back(worker: BoundedWorker) -> None:
    if not worker.alive():
        return
    with _spare_lock:
        idle = _spare.setdefault(worker.memory_bytes, [])
        if len(idle) < MAX_SPARE:
            idle.append(worker)
            return
    worker.kill()


@atexit.register
def _kill_spares() -> None:
    with _spare_lock:
        workers = [w for idle in _spare.values() for w in idle]
        _spare.clear()
    for worker in workers:
        worker.kill()


def run_bounded(func: Callable[[Any], Any], arg: Any, *, memory_bytes: int, timeout: float) -> Any:
    """func(arg) in a bounded worker, for one-off callers (the web server's previews)."""
    worker = take_worker(memory_bytes)
    try:
        value = worker.call(func, arg, timeout)
    except WorkerError:
        raise  # that worker is dead already
    except BaseException:
        give_back(worker)
        raise
    give_back(worker)
    return value


def read_or_error(job: PageJob) -> Page | UnreadableFileError:
    """Input problems come back as values so one bad page never cancels the others.
    Runs inside a worker."""
    from extractors.reading import read_page

    try:
        return read_page(job)
    except UnreadableFileError as exc:
        return exc


def read_several(jobs: list[PageJob]) -> list[Page | UnreadableFileError]:
    """Several pages in one call (their first OCR pass is one tesseract run). Runs inside a worker."""
    from extractors.reading import read_pages

    return read_pages(jobs)


def read_bounded(worker: BoundedWorker, job: PageJob) -> Page | UnreadableFileError:
    """One page read in `worker`; a page over the memory cap or the time limit is an
    input problem of its file, like any other."""
    try:
        return worker.call(read_or_error, job, job.limits.read_seconds + KILL_GRACE_S)
    except WorkerError as exc:
        return _beyond_bounds(job, exc)


def _beyond_bounds(job: PageJob, exc: WorkerError) -> UnreadableFileError:
    if isinstance(exc, WorkerOutOfMemory):
        return FileLimitExceeded(job.source, f"page {job.index + 1} : plus de "
                                             f"{job.limits.max_reader_bytes / 2**20:.0f} Mio de mémoire à la lecture")
    if isinstance(exc, WorkerTimeout):
        return ReadTimeout(job.source, f"page {job.index + 1} : plus de {job.limits.read_seconds:.0f} s")
    return FileLimitExceeded(job.source, f"page {job.index + 1} : {exc} ; limite de mémoire "
                                         f"{job.limits.max_reader_bytes / 2**20:.0f} Mio")


_STOP = object()
# Pages a worker takes at once while the queue is long: each one past the first saves a
# tesseract model load (about 0.1 s of a page's 0.9 s); more would hold more pages in memory
# for little more.
MAX_BATCH = 6


class PagePool:
    """A pool of bounded page readers, shared by all the dossiers of a batch."""

    def __init__(self, workers: int | None = None, limits: Limits | None = None) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.memory_bytes = (limits or Limits.from_env()).max_reader_bytes
        self._queue: queue.Queue = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._busy: set[BoundedWorker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def read(self, jobs: Iterable[PageJob]) -> list[Page | UnreadableFileError]:
        futures = [self.submit(job) for job in jobs]
        return [future.result() for future in futures]

    def submit(self, job: PageJob) -> Future:
        """Read a page in the background; the future's value is a Page or the file's
        UnreadableFileError (a bug in a reader is the future's exception)."""
        future: Future = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("PagePool is closed")
            if len(self._threads) < self.workers:
                thread = threading.Thread(target=self._serve, name=f"page-reader-{len(self._threads)}",
                                          daemon=True)
                self._threads.append(thread)
                thread.start()
        self._queue.put((job, future))
        return future

    def _serve(self) -> None:
        worker: BoundedWorker | None = None
        try:
            while True:
                batch = self._next_batch()
                if batch is None:
                    return
                if not batch:
                    continue
                try:
                    if worker is None or not worker.alive():
                        worker = take_worker(self.memory_bytes)
                    with self._lock:
                        self._busy.add(worker)
                    try:
                        worker = self._read_batch(worker, batch)
                    finally:
                        with self._lock:
                            self._busy.discard(worker)
                except BaseException as exc:  # noqa: BLE001 - a reader's bug belongs to its dossier
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(exc)
        finally:
            if worker is not None:
                give_back(worker)

    def _next_batch(self) -> list[tuple[PageJob, Future]] | None:
        """The next pages for one worker (None: the pool is closing). While more pages wait
        than there are workers, a worker takes several at once: their first OCR pass is then
        one tesseract run. Near the end of the queue each takes one, so that none idles while
        another still has a batch to read."""
        item = self._queue.get()
        items = [item]
        while item is not _STOP and len(items) < MAX_BATCH and self._queue.qsize() > self.workers:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            items.append(item)
        if items[-1] is _STOP:
            items.pop()
            if not items:
                return None
            self._queue.put(_STOP)  # the stop is for whoever asks next: this batch is read first
        return [(job, future) for job, future in items if future.set_running_or_notify_cancel()]

    def _read_batch(self, worker: BoundedWorker, batch: list[tuple[PageJob, Future]]) -> BoundedWorker:
        """Read the batch's pages in `worker` (or its successor, returned, when it died).
        A batch the worker could not finish, or whose reading hit a bug, is read again a page
        at a time, so the page at fault fails alone."""
        if len(batch) > 1:
            jobs = [job for job, _ in batch]
            # The kill waits as long as the pages' time limits together.
            timeout = sum(job.limits.read_seconds for job in jobs) + KILL_GRACE_S
            try:
                pages = worker.call(read_several, jobs, timeout)
            except Exception as exc:  # noqa: BLE001 - read again a page at a time, below
                log.info("a batch of %d pages read again a page at a time: %s", len(jobs), exc)
            else:
                for (_, future), page in zip(batch, pages):
                    future.set_result(page)
                return worker
        for job, future in batch:
            if self._closed:  # the batch died with the pool: nobody waits for its pages
                future.set_exception(RuntimeError("PagePool is closed"))
                continue
            if not worker.alive():
                with self._lock:
                    self._busy.discard(worker)
                worker = take_worker(self.memory_bytes)
                with self._lock:
                    self._busy.add(worker)
            try:
                future.set_result(read_bounded(worker, job))
            except BaseException as exc:  # noqa: BLE001 - a reader's bug belongs to its dossier
                future.set_exception(exc)
        return worker

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            threads = list(self._threads)
            busy = list(self._busy)
        for worker in busy:  # a page nobody will wait for (Ctrl-C, a failed batch): stop at once
            worker.kill()
        while True:  # what nobody waits for any more is not read
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not _STOP:
                item[1].cancel()
        for _ in threads:
            self._queue.put(_STOP)
        for thread in threads:
            thread.join()

    def __enter__(self) -> PagePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- the worker side ---------------------------------------------------------------------


def _worker_main(memory_bytes: int) -> None:
    # The answers go through a private copy of stdout; anything a library prints
    # goes to stderr (discarded), never into the protocol.
    import cv2

    import extractors.reading  # noqa: F401 - loaded once, before the cap, as every page needs it

    # One worker per core: OpenCV's own thread pool (pthreads, not governed by OMP_*)
    # would only make the workers fight over the cores.
    cv2.setNumThreads(1)

    answers = os.fdopen(os.dup(1), "wb")
    requests = os.fdopen(os.dup(0), "rb")
    os.dup2(2, 1)
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    while True:
        header = requests.read(_HEADER.size)
        if len(header) < _HEADER.size:
            return
        payload = requests.read(_HEADER.unpack(header)[0])
        try:
            func, arg = pickle.loads(payload)
            answer: tuple[str, Any] = ("ok", func(arg))
        except MemoryError:
            answer = ("memory", "")
        except BaseException as exc:  # noqa: BLE001 - sent back to the caller
            answer = ("memory", "") if _out_of_memory(exc) else ("error", exc)
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps(("memory", ""))
        except Exception as exc:  # noqa: BLE001 - an unpicklable value or exception
            data = pickle.dumps(("error", RuntimeError(f"{exc.__class__.__name__}: {exc}")))
        answers.write(_HEADER.pack(len(data)) + data)
        answers.flush()
        if answer[0] == "memory":
            return


def _out_of_memory(exc: BaseException) -> bool:
    """Whether the cap refused an allocation on the way to `exc`. OpenCV reports that as
    its own cv2.error, the kernel as ENOMEM (a scratch folder's clean-up listing it after a
    MemoryError raises that instead), Python as MemoryError: the same page over the limit."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, MemoryError) or isinstance(seen, OSError) and seen.errno == errno.ENOMEM:
            return True
        if seen.__class__.__name__ == "error" and "Insufficient memory" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


if __name__ == "__main__":
    _worker_main(int(sys.argv[1]))
