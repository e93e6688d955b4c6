"""Where a page's reading time goes: the steps of `reading.read_page` time themselves here.

A page is read in one worker at a time, but a caller may read pages on threads too, so the
running tally is a context variable. `collecting()` opens a tally for one page; `timed(step)`
adds the time spent inside it to the open tally (and costs nothing measurable without one).
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_NESTED = "__nested__"  # time the enclosing step must not count twice
_tally: ContextVar[dict[str, float] | None] = ContextVar("reading_step_tally", default=None)


@contextmanager
def collecting(tally: dict[str, float] | None = None) -> Iterator[dict[str, float]]:
    """A tally in milliseconds by step (a fresh one, or a page's own taken up again when
    its reading resumes), filled while the block runs."""
    tally = {} if tally is None else tally
    token = _tally.set(tally)
    try:
        yield tally
    finally:
        _tally.reset(token)


@contextmanager
def timed(step: str) -> Iterator[None]:
    """Time the block under `step`, less what nested steps took: the steps of a page add
    up to its reading time (the photo step inside loading counts as photo, not load)."""
    tally = _tally.get()
    if tally is None:
        yield
        return
    nested = tally.pop(_NESTED, 0.0)
    start = time.perf_counter()
    try:
        yield
    finally:
        spent = (time.perf_counter() - start) * 1000
        inner = tally.pop(_NESTED, 0.0)
        tally[step] = round(tally.get(step, 0.0) + spent - inner, 1)
        tally[_NESTED] = nested + spent


def charge(tally: dict[str, float], step: str, ms: float) -> None:
    """Add to a page's tally its share of a step done for several pages at once."""
    tally[step] = round(tally.get(step, 0.0) + ms, 1)


def steps_of(tally: dict[str, float]) -> dict[str, float]:
    """The tally without its bookkeeping."""
    return {k: v for k, v in tally.items() if k != _NESTED}
