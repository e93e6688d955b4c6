"""Run one DAG with `dag.test()` in this process's Airflow environment (the test
sets AIRFLOW_HOME, the metadata database and the DOSSIERS_* variables beforehand).
Usage: python tests/dag_runner.py DAG_ID [JSON_CONF]; prints the run state."""
from __future__ import annotations

import json
import sys

from airflow.dag_processing.dagbag import DagBag

from storage.settings import Settings  # noqa: F401 - fail early if the project is not importable

dag_id = sys.argv[1]
conf = json.loads(sys.argv[2]) if len(sys.argv) > 2 else None
bag = DagBag(dag_folder=__import__("os").environ["AIRFLOW__CORE__DAGS_FOLDER"])
assert not bag.import_errors, bag.import_errors
run = bag.dags[dag_id].test(run_conf=conf)
states = {f"{ti.task_id}[{ti.map_index}]": str(ti.state) for ti in run.get_task_instances()}
print(json.dumps({"state": str(run.state), "tasks": states}))
