"""The status of a dossier whose agents set some flags aside (issue 10).

A flag overridden with a reason stays in the result, shown, but no longer counts for the
status: a dossier held back only by overridden blocking flags is `ready_for_review` (in the
agents' queue, to be decided), since an agent has written why each of them does not hold.
A blocking flag nobody set aside still makes it `incomplete`.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from models import Flag, Status
from models.review import FlagOverride
from validators.checks import decide_status


def is_overridden(flag: Flag, overrides: Sequence[FlagOverride] | None) -> bool:
    return any(override.covers(flag) for override in overrides or ())


def decide_status_with_overrides(flags: Iterable[Flag], overrides: Sequence[FlagOverride] | None) -> Status:
    """decide_status on the flags no agent set aside."""
    return decide_status(flag for flag in flags if not is_overridden(flag, overrides))
