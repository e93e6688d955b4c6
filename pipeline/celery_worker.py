"""The name an Airflow task records as its host (`[core] hostname_callable`).

Several Celery workers on one machine (`make airflow-celery`) would all record the
machine's name; each gets its own through DOSSIERS_CELERY_WORKER, so that the
database tells which worker ran which task (`make scale-demo` counts them). Light on
purpose: every task's supervisor imports it.
"""
from __future__ import annotations

import os
import socket

WORKER_NAME_VARIABLE = "DOSSIERS_CELERY_WORKER"


def worker_hostname() -> str:
    return os.environ.get(WORKER_NAME_VARIABLE) or socket.getfqdn()
