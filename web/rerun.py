"""The administrators' Rerun button: through Airflow's REST API when it is configured
(DOSSIERS_AIRFLOW_URL, _USER, _PASSWORD), so that the rerun runs on the workers like any
other; otherwise in this process, after the response is sent."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import httpx

from models.errors import DossierError
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
    def from_env(cls, env: dict[str, str] | None = None) -> "AirflowConfig | None":
        settings = Settings.from_env(env)
        if settings.airflow_url and settings.airflow_user and settings.airflow_password:
            return cls(settings.airflow_url, settings.airflow_user, settings.airflow_password)
        return None


def trigger_airflow_rerun(config: AirflowConfig, reference: str) -> str:
    """Start a `dossier_rerun` DAG run for this dossier; its run id."""
    token = httpx.post(f"{config.url}/auth/token", json={"username": config.user, "password": config.password},
                       timeout=AIRFLOW_TIMEOUT_S)
    token.raise_for_status()
    with httpx.Client(base_url=config.url, timeout=AIRFLOW_TIMEOUT_S,
                      headers={"Authorization": f"Bearer {token.json()['access_token']}"}) as client:
        response = client.post(f"/api/v2/dags/{RERUN_DAG}/dagRuns",
                               json={"logical_date": None, "conf": {"references": [reference], "failed": False}})
        response.raise_for_status()
        return response.json()["dag_run_id"]


def rerun_in_process(services: Services, reference: str, actor: str) -> None:
    """Process the dossier again from its kept originals; the outcome lands in its records.
    Runs after the response is sent: the reading code is loaded here, on the first rerun,
    never when the server starts."""
    from pipeline.recorded import rerun

    try:
        result = rerun(reference, services, today=dt.date.today(), actor=actor)
        log.info("rerun of %s: %s", reference, result.status.value)
    except DossierError as error:  # busy, or nothing kept: the dossier stays in the failed list
        log.warning("rerun of %s refused: %s", reference, error)
