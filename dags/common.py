"""What the dossier DAGs share: retries with backoff for transient errors only, a
failure callback that records the dossier's run as failed, the schedule from the
environment. Light imports only: this is read whenever a DAG file is parsed."""
from __future__ import annotations

import datetime as dt
import logging
import os

from airflow.sdk import ExceptionRetryPolicy, RetryAction, RetryRule

from models.errors import DossierError
from storage.database import TRANSIENT_ERRORS

log = logging.getLogger(__name__)

START_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)

# Transient trouble (database, object store, a dossier busy elsewhere: the
# TemporarilyUnavailable errors and the drivers' connection faults) retries with
# backoff; any other error of ours (bad input, usage, a dependency to fix by hand, a
# fault of the program) is not cured by waiting and fails at once.
RETRY_POLICY = ExceptionRetryPolicy(rules=[
    RetryRule(exception=list(TRANSIENT_ERRORS), action=RetryAction.RETRY,
              reason="service momentanément indisponible"),
    RetryRule(exception=DossierError, action=RetryAction.FAIL,
              reason="erreur non transitoire : réessayer n'y changerait rien"),
])


def mark_failed(context) -> None:
    """A task failed for good: record the dossier's run as failed, with its error, so
    administrators find it in their list and rerun it. The task's arguments name the
    dossier sealed (pipeline.opaque): the log says only which task failed."""
    from pipeline import tasks

    kwargs = getattr(context["task"], "op_kwargs", None) or {}
    error = context.get("exception")
    try:
        reference = tasks.reference_of_task(kwargs)
        if reference is None:
            return
        tasks.record_failure(reference, f"{context['task'].task_id}: {type(error).__name__}: {error}")
    except Exception as exc:  # noqa: BLE001 - the store may be what is down; the task log has it
        # Not recorded: the inbox entry stays, and the next intake cycle takes the dossier again.
        log.error("could not record the failure: %s", type(exc).__name__)
        return
    staged = kwargs.get("staged")
    if isinstance(staged, dict):
        try:
            tasks.forget_entry(staged)  # recorded, originals kept: the failed list has it now
        except Exception as exc:  # noqa: BLE001 - left in the inbox: taken again next cycle
            log.error("could not remove the inbox entry: %s", type(exc).__name__)


DEFAULT_ARGS = {
    "owner": "dossiers",
    "retries": int(os.environ.get("DOSSIERS_DAG_RETRIES", "3")),
    "retry_delay": dt.timedelta(seconds=float(os.environ.get("DOSSIERS_DAG_RETRY_DELAY_SECONDS", "30"))),
    "retry_exponential_backoff": 2.0,
    "max_retry_delay": dt.timedelta(minutes=10),
    "retry_policy": RETRY_POLICY,
    "on_failure_callback": mark_failed,
}


def schedule_from_env(variable: str, default: str) -> str | None:
    value = os.environ.get(variable, default).strip()
    return None if value.lower() in ("", "none", "off") else value


def run_moment(dag_run) -> dt.datetime:
    """The run's own time (end of its data interval, or when a manual run was asked
    for), never the clock: a task retried tomorrow sees the same date."""
    return dag_run.data_interval_end or dag_run.logical_date or dag_run.run_after


def task_parallelism() -> int:
    return int(os.environ.get("DOSSIERS_DAG_PARALLELISM", "2"))
