"""DAG `dossier_rerun`, triggered by hand by administrators: process kept dossiers
again from their stored originals. Params: `references` (a list), or `failed` to take
every dossier whose processing failed. Same as `dossiers rerun REF...|--failed`."""
from __future__ import annotations

from airflow.sdk import Param, dag, task
from dags.common import DEFAULT_ARGS, START_DATE, run_moment, task_parallelism


@dag(
    dag_id="dossier_rerun",
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    default_args=DEFAULT_ARGS,
    tags=["dossiers", "admin"],
    params={
        "references": Param([], type="array", items={"type": "string"},
                            description="références des dossiers à retraiter"),
        "failed": Param(False, type="boolean", description="retraiter tous les dossiers en échec"),
    },
    doc_md=__doc__,
)
def dossier_rerun():
    @task
    def targets(params=None) -> list[str]:
        from pipeline import tasks

        return tasks.rerun_targets(list(params["references"]), bool(params["failed"]))

    @task(max_active_tis_per_dagrun=task_parallelism())
    def rerun(sealed_reference: str, dag_run=None) -> dict:
        from pipeline import tasks

        return tasks.rerun(sealed_reference, run_moment(dag_run).date())

    rerun.expand(sealed_reference=targets())


dossier_rerun()
