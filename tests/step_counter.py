"""Run a command of the project with a spy on each step that must happen once per
file in one processing: taking a dossier in (`pipeline.intake.take_in`, which also
unpacks a zip), hashing a file (`storage.objects.sha256_of_file`) and planning its
pages (`extractors.reading.plan_file`). The real function runs; each call adds one
JSON line {"step", "key"} to LOG (key: the dossier's name, the hash, the file's source).

    python tests/step_counter.py LOG -m pipeline.cli process ...
    python tests/step_counter.py LOG tests/dag_runner.py dossier_intake

The spies are set before any module of the pipeline imports these functions, so they
see every call in this process (Airflow's `dag.test()` runs the tasks in it too)."""
from __future__ import annotations

import json
import runpy
import sys
from collections.abc import Callable
from typing import Any

import extractors.reading
import pipeline.intake
import storage.objects

LOG = sys.argv[1]


def spy(module: Any, name: str, key: Callable[[tuple, Any], str]) -> None:
    real = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps({"step": name, "key": key(args, result)}) + "\n")
        return result

    setattr(module, name, counted)


spy(pipeline.intake, "take_in", lambda args, intake: intake.name)
spy(storage.objects, "sha256_of_file", lambda args, digest: digest)
spy(extractors.reading, "plan_file", lambda args, jobs: args[1])

if __name__ == "__main__":
    target = sys.argv[2:]
    if target[0] == "-m":
        sys.argv = [target[1], *target[2:]]
        runpy.run_module(target[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = target
        runpy.run_path(target[0], run_name="__main__")
