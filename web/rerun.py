"""The administrators' Rerun buttons: through Airflow's REST API when it is configured
(DOSSIERS_AIRFLOW_URL, _USER, _PASSWORD), so that the reruns run on the workers like any
other; otherwise in this process, one at a time, after the response is sent. Their states
and outcomes are kept by storage.reruns."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import httpx
from fastapi import BackgroundTasks

from models.errors import DossierError, TemporarilyUnavailable
from storage.reruns import Queued, Reruns
from storage.reviews import Reviews
from storage.services import Services
from storage.settings import Settings

RERUN_DAG = "dossier_rerun"
AIRFLOW_TIMEOUT_S = 15

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AirflowConfig:
    url: str
    user: str
    password: str

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> AirflowConfig | None:
        settings = Settings.from_env(env)
        if settings.airflow_url and settings.airflow_user and settings.airflow_password:
            return cls(settings.airflow_url, settings.airflow_user, settings.airflow_password)
        return None


def trigger_airflow_rerun(config: AirflowConfig, references: list[str]) -> str:
    """Start one `dossier_rerun` DAG run for these dossiers; its run id."""
    token = httpx.post(f"{config.url}/auth/token", json={"username": config.user, "password": config.password},
                       timeout=AIRFLOW_TIMEOUT_S)
    token.raise_for_status()
    with httpx.Client(base_url=config.url, timeout=AIRFLOW_TIMEOUT_S,
                      headers={"Authorization": f"Bearer {token.json()['access_token']}"}) as client:
        response = client.post(f"/api/v2/dags/{RERUN_DAG}/dagRuns",
                               json={"logical_date": None, "conf": {"references": references, "failed": False}})
        response.raise_for_status()
        return response.json()["dag_run_id"]


class AirflowRefused(TemporarilyUnavailable):
    """Airflow did not take the reruns; they are closed with this error, to ask again."""


def launch(queued: list[Queued], reruns: Reruns, reviews: Reviews, actor: str, airflow: AirflowConfig | None,
           services: Services, background: BackgroundTasks) -> None:
    """Start the queued reruns: one DAG run for them all, or one background task of this
    process that runs them one at a time after the response is sent."""
    if not queued:
        return
    if airflow is None:
        for item in queued:
            reviews.record_rerun_request(item.reference, actor, {"via": "in_process"})
        background.add_task(run_in_process, services, reruns, queued, actor)
        return
    try:
        run_id = trigger_airflow_rerun(airflow, [item.reference for item in queued])
    except (httpx.HTTPError, KeyError, ValueError) as error:
        message = f"Airflow n'a pas accepté le retraitement : {error}"
        for item in queued:
            reruns.finish(item.id, message)
        raise AirflowRefused(message) from error
    reruns.attach_dag_run([item.id for item in queued], run_id)
    for item in queued:
        reviews.record_rerun_request(item.reference, actor, {"via": "airflow", "dag_run_id": run_id})


def run_in_process(services: Services, reruns: Reruns, queued: list[Queued], actor: str) -> None:
    """Run the queued reruns one after the other, each marked started then finished; those
    still waiting are touched after each one, so that a long batch does not time them out."""
    for position, item in enumerate(queued):
        if reruns.start(item.id):
            reruns.finish(item.id, rerun_in_process(services, item.reference, actor))
        reruns.touch([later.id for later in queued[position + 1:]])


def rerun_in_process(services: Services, reference: str, actor: str) -> str | None:
    """Process the dossier again from its kept originals; the outcome lands in its records.
    None, or why it could not run. Runs after the response is sent: the reading code is
    loaded here, on the first rerun, never when the server starts."""
    from pipeline.opaque import opaque_id
    from pipeline.recorded import rerun

    try:
        result = rerun(reference, services, today=dt.date.today(), actor=actor)
    except DossierError as error:  # busy, or nothing kept: the dossier stays in the failed list
        log.warning("rerun of %s refused: %s", opaque_id(reference), error)
        return str(error)
    except Exception as error:  # a background task: the rerun's row must end whatever broke
        log.exception("rerun of %s broke", opaque_id(reference))
        return f"{type(error).__name__}: {error}"
    log.info("rerun of %s: %s", opaque_id(reference), result.status.value)
    return None
