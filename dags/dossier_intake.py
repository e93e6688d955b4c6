"""DAG `dossier_intake`: every 10 minutes (DOSSIERS_INTAKE_SCHEDULE), take the complete
dossiers of the inbox, keep their originals, read their pages in parallel (one mapped
task per page), then process and record each dossier: held back as incomplete, or
routed to the agents' queue.

Wiring only: the steps are pipeline.tasks' plain functions, imported inside the tasks
so that parsing this file touches no database, network or heavy library. XCom carries
identifiers, never documents, and no personal data: inbox names and references
travel sealed, dossiers are named by their opaque id (pipeline.opaque).
"""
from __future__ import annotations

from airflow.sdk import dag, task
from dags.common import DEFAULT_ARGS, START_DATE, run_moment, schedule_from_env, task_parallelism


@dag(
    dag_id="dossier_intake",
    schedule=schedule_from_env("DOSSIERS_INTAKE_SCHEDULE", "*/10 * * * *"),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["dossiers", "intake"],
    doc_md=__doc__,
)
def dossier_intake():
    @task
    def find_ready(dag_run=None) -> list[str]:
        from pipeline import tasks

        # The run's own date, never the clock: a rerun of this DAG run sees the same inbox cut.
        return tasks.find_ready(run_moment(dag_run))

    @task(max_active_tis_per_dagrun=task_parallelism())
    def stage(sealed_entry: str) -> dict:
        from pipeline import tasks

        return tasks.stage(sealed_entry)

    @task
    def pages_to_read(staged: list[dict]) -> list[dict]:
        return [page for dossier in staged for page in dossier["pages"]]

    @task(max_active_tis_per_dagrun=task_parallelism())
    def read_page(page: dict) -> str | None:
        from pipeline import tasks

        return tasks.read_page(page)

    # Runs even if some page tasks failed for good: it reads what the cache lacks itself.
    @task(trigger_rule="all_done", max_active_tis_per_dagrun=task_parallelism())
    def finish(staged: dict, dag_run=None) -> dict:
        from pipeline import tasks

        return tasks.finish(staged, run_moment(dag_run).date())

    staged = stage.expand(sealed_entry=find_ready())
    pages = read_page.expand(page=pages_to_read(staged))
    pages >> finish.expand(staged=staged)


dossier_intake()
