"""`make scale-demo`: a batch through Airflow's CeleryExecutor with several workers,
one of them killed (SIGKILL, with its task processes) while it holds tasks.

  1. generates a batch (`python -m synth generate`; the samples of `make samples` if the
     generator fails), in a fresh $DOSSIERS_HOME (default .dossiers/scale-demo);
  2. starts `make airflow-celery`'s setup (pipeline/airflow_celery.py) with WORKERS workers
     on that home, drops the batch in the inbox (a bucket prefix of the S3 server) and
     triggers `dossier_intake`;
  3. once the last worker has done half its share of the page tasks and holds a running
     task, kills it and its task processes (SIGKILL: a machine lost, not a shutdown);
  4. when the run is over, checks from the databases: every dossier has exactly one
     completed run and it is the current one (none lost), no dossier was processed twice
     (two completed runs, or runs overlapping in time), the page tasks ran on every worker,
     the killed worker's tasks were retried and succeeded on another;
  5. processes the same batch with `dossiers process` (its own database and object store)
     and compares the results, timings aside.

Prints one line
  scale: dossiers=N workers=W processed=N lost=0 doubled=0 worker_killed=yes tasks_per_worker=a,b same_as_cli=N wall_s=T
(details on stderr) and exits 1 when a figure is wrong. `--no-kill` and `--workers 1` measure
throughput (the README's figures); then worker_killed=no is expected.
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

import psycopg

from pipeline.airflow_celery import CELERY_SETTINGS, CeleryAirflow
from pipeline.airflow_local import free_port, trigger
from storage.database import create_database, embedded_server
from storage.s3_objects import S3ObjectStore
from storage.settings import Settings

DAG = "dossier_intake"
CLI_DATABASE = "dossiers_cli"


def say(message: str) -> None:
    print(f"scale-demo: {message}", file=sys.stderr, flush=True)


# --- the batch -------------------------------------------------------------------------------

def make_batch(out: Path, count: int, seed: int) -> Path:
    """`out/dossiers`: generated; the samples of `make samples` when the generator fails
    (the contract may be changing under it)."""
    result = subprocess.run([sys.executable, "-m", "synth", "generate", "--out", str(out), "--count", str(count),
                             "--seed", str(seed)], check=False, cwd=PROJECT, capture_output=True, text=True, timeout=1800)
    dossiers = out / "dossiers"
    if result.returncode == 0 and dossiers.is_dir() and any(dossiers.iterdir()):
        return dossiers
    say(f"the generator failed ({result.stderr.strip().splitlines()[-1:]}); using samples/")
    samples = PROJECT / "samples" / "dossiers"
    if not samples.is_dir():
        raise SystemExit("scale-demo: no generator and no samples/ (make samples)")
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(samples, dossiers)
    return dossiers


def describe_batch(dossiers: Path) -> str:
    kinds: Counter[str] = Counter()
    for entry in dossiers.iterdir():
        if entry.is_dir():
            kinds["folder"] += 1
            for f in entry.rglob("*"):
                if f.is_file() and f.name != "dossier.json":
                    kinds[f.suffix.lower().lstrip(".") or "?"] += 1
        else:
            kinds["merged pdf" if entry.suffix.lower() == ".pdf" else entry.suffix.lower().lstrip(".")] += 1
    return ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))


def drop_in_inbox(dossiers: Path, store: S3ObjectStore, prefix: str) -> int:
    count = 0
    for entry in sorted(dossiers.iterdir()):
        files = [entry] if entry.is_file() else sorted(p for p in entry.rglob("*") if p.is_file())
        for path in files:
            key = prefix + (entry.name if path == entry else f"{entry.name}/{path.relative_to(entry).as_posix()}")
            store.put_file(key, path, media_type="application/octet-stream", metadata={})
        count += 1
    return count


# --- Airflow's metadata ------------------------------------------------------------------------

def run_state(meta: psycopg.Connection, run_id: str) -> str | None:
    row = meta.execute("SELECT state FROM dag_run WHERE dag_id = %s AND run_id = %s", (DAG, run_id)).fetchone()
    return row[0] if row else None


def running_on(meta: psycopg.Connection, run_id: str, worker: str) -> list[tuple[str, int, int]]:
    return meta.execute(
        "SELECT task_id, map_index, try_number FROM task_instance WHERE dag_id = %s AND run_id = %s "
        "AND state = 'running' AND hostname = %s AND task_id IN ('read_page', 'finish', 'stage')",
        (DAG, run_id, worker)).fetchall()


def done_per_worker(meta: psycopg.Connection, run_id: str, task_id: str = "read_page") -> Counter[str]:
    rows = meta.execute(
        "SELECT hostname, count(*) FROM task_instance WHERE dag_id = %s AND run_id = %s AND task_id = %s "
        "AND state = 'success' GROUP BY hostname", (DAG, run_id, task_id)).fetchall()
    return Counter({host: n for host, n in rows})


def task_counts(meta: psycopg.Connection, run_id: str) -> Counter[str]:
    rows = meta.execute("SELECT task_id, count(*) FROM task_instance WHERE dag_id = %s AND run_id = %s "
                        "GROUP BY task_id", (DAG, run_id)).fetchall()
    return Counter(dict(rows))


def final_tries(meta: psycopg.Connection, run_id: str, keys: list[tuple[str, int, int]]) -> list[tuple]:
    return [meta.execute("SELECT task_id, map_index, try_number, state, hostname FROM task_instance "
                         "WHERE dag_id = %s AND run_id = %s AND task_id = %s AND map_index = %s",
                         (DAG, run_id, task_id, map_index)).fetchone() for task_id, map_index, _try in keys]


def kill_after(counts: Counter[str], workers: int) -> int:
    """Page tasks the victim finishes before it is killed: half its share (2 at least)."""
    return max(2, counts["read_page"] // (2 * workers))


# --- the records -------------------------------------------------------------------------------

def check_records(records_url: str, references: list[str]) -> dict:
    """Per expected dossier: its runs, from the records database."""
    with psycopg.connect(records_url) as conn:
        rows = conn.execute(
            "SELECT d.reference, d.current_run_id, r.id, r.outcome, r.started_at, r.finished_at "
            "FROM dossiers d JOIN runs r ON r.dossier_id = d.id ORDER BY d.reference, r.id").fetchall()
        results = dict(conn.execute(
            "SELECT d.reference, r.result FROM dossiers d JOIN runs r ON r.id = d.current_run_id").fetchall())
    runs: dict[str, list[tuple]] = {}
    current: dict[str, int | None] = {}
    for reference, current_run, run_id, outcome, started, finished in rows:
        runs.setdefault(reference, []).append((run_id, outcome, started, finished))
        current[reference] = current_run
    processed, lost, doubled = [], [], []
    for reference in references:
        mine = runs.get(reference, [])
        completed = [r for r in mine if r[1] == "completed"]
        if len(completed) == 1 and current.get(reference) == completed[0][0]:
            processed.append(reference)
        elif not completed:
            lost.append(reference)
        spans = sorted((started, finished or dt.datetime.max.replace(tzinfo=dt.UTC))
                       for _id, _o, started, finished in mine)
        overlapping = any(later[0] < earlier[1] for earlier, later in itertools.pairwise(spans))
        if len(completed) > 1 or overlapping:
            doubled.append(reference)
    return {"processed": processed, "lost": lost, "doubled": doubled, "results": results,
            "outcomes": {ref: [r[1] for r in runs.get(ref, [])] for ref in references},
            "unexpected": sorted(set(runs) - set(references))}


def comparable(document: dict | None) -> dict | None:
    if document is None:
        return None
    return {k: v for k, v in document.items() if k != "timings_ms"}


def cli_results(dossiers: Path, home: Path, records_url: str) -> dict[str, dict]:
    out = home / "cli-out"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DOSSIERS_", "AIRFLOW"))}
    env.update({"DOSSIERS_HOME": str(home / "cli"), "DOSSIERS_DATABASE_URL": records_url})
    subprocess.run([sys.executable, "-m", "pipeline.cli", "process", *map(str, sorted(dossiers.iterdir())),
                    "--out-dir", str(out)], check=False, env=env, cwd=PROJECT, timeout=3600,
                   stdout=subprocess.DEVNULL, stderr=open(home / "cli.log", "w"))  # noqa: SIM115
    documents = {}
    for path in sorted(out.glob("*.json")):
        document = json.loads(path.read_text())
        documents[document["dossier"]["reference"]] = document
    return documents


# --- the demo ----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make scale-demo", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dossiers", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=1, help="tasks at once per worker")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--home", type=Path, default=PROJECT / ".dossiers" / "scale-demo",
                        help="wiped first; the demo's own databases, logs and batch")
    parser.add_argument("--no-kill", dest="kill", action="store_false", help="measure throughput only")
    parser.add_argument("--no-compare", dest="compare", action="store_false",
                        help="skip `dossiers process` on the same batch")
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--heartbeat-timeout", type=int,
                        default=int(CELERY_SETTINGS["AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT"]),
                        help="seconds before the killed worker's task is failed and retried (a test waits less)")
    args = parser.parse_args(argv)
    kill = args.kill and args.workers > 1
    home = args.home.absolute()

    # A fresh home: stop its embedded server if a previous demo left it running.
    if home.exists():
        embedded_server(home).stop()
        shutil.rmtree(home)
    home.mkdir(parents=True)
    for name in [n for n in os.environ if n.startswith("DOSSIERS_") and n != "DOSSIERS_OCR_LANG"]:
        del os.environ[name]  # the demo's own everything, whatever the shell has
    os.environ["DOSSIERS_HOME"] = str(home)

    say(f"generating {args.dossiers} dossiers…")
    dossiers = make_batch(home / "batch", args.dossiers, args.seed)
    say(f"batch: {len(list(dossiers.iterdir()))} dossiers ({describe_batch(dossiers)})")

    settings = Settings.from_env()
    extra = {"DOSSIERS_INTAKE_SCHEDULE": "none", "DOSSIERS_INBOX_QUIET_SECONDS": "0",
             "DOSSIERS_DAG_RETRY_DELAY_SECONDS": "5", "DOSSIERS_DAG_RETRIES": "3",
             "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT": str(args.heartbeat_timeout)}
    say(f"starting Redis, the S3 server, Airflow and {args.workers} Celery worker(s)…")
    cluster = CeleryAirflow.prepare(settings, workers=args.workers, concurrency=args.concurrency,
                                    port=free_port(), extra_env=extra)
    server = embedded_server(home)
    killed_tasks: list[tuple[str, int, int]] = []
    victim = cluster.worker_names[-1]
    try:
        cluster.start()
        cluster.wait_ready()
        with cluster.airflow.client() as client:
            cluster.airflow.wait_dags(client, (DAG,))
            client.patch(f"/api/v2/dags/{DAG}", json={"is_paused": False}).raise_for_status()
            store = S3ObjectStore.from_settings(Settings.from_env(cluster.env))
            dropped = drop_in_inbox(dossiers, store, cluster.env.get("DOSSIERS_INBOX_PREFIX", "inbox/"))
            say(f"{dropped} dossiers in the inbox; dossier_intake triggered")
            started = time.monotonic()
            run_id = trigger(client, DAG)
        with psycopg.connect(cluster.databases.metadata_conninfo, autocommit=True) as meta:
            state = None
            deadline = started + args.timeout
            while time.monotonic() < deadline:
                cluster.check_alive()
                state = run_state(meta, run_id)
                if state in ("success", "failed"):
                    break
                # Mid-batch: once the victim has done about half its share of the page tasks.
                if kill and not killed_tasks and \
                        done_per_worker(meta, run_id)[victim] >= kill_after(task_counts(meta, run_id), args.workers):
                    holding = running_on(meta, run_id, victim)
                    if holding:
                        pids = cluster.kill_worker(victim)
                        killed_tasks = holding
                        say(f"SIGKILL {victim} ({len(pids)} processes) at {time.monotonic() - started:.0f} s, "
                            f"holding {', '.join(f'{t}[{m}] try {n}' for t, m, n in holding)}")
                time.sleep(0.5)
            wall = time.monotonic() - started
            say(f"dossier_intake {state} after {wall:.0f} s; tasks {dict(task_counts(meta, run_id))}")
            pages_per_worker = done_per_worker(meta, run_id)
            retried = final_tries(meta, run_id, killed_tasks)
        left_in_inbox = sorted(store.list_keys(cluster.env.get("DOSSIERS_INBOX_PREFIX", "inbox/")))
        cluster_env = cluster.env
    finally:
        cluster.stop()

    expected_cli = {}
    if args.compare:
        say("the same batch through `dossiers process`…")
        create_database(server.conninfo("postgres"), CLI_DATABASE)
        cli_started = time.monotonic()
        expected_cli = cli_results(dossiers, home, server.conninfo(CLI_DATABASE))
        say(f"`dossiers process` took {time.monotonic() - cli_started:.0f} s")
    references = sorted(expected_cli) if expected_cli else None
    if references is None:  # without the CLI: the dossiers the records know
        with psycopg.connect(cluster_env["DOSSIERS_DATABASE_URL"]) as conn:
            references = [r for (r,) in conn.execute("SELECT reference FROM dossiers ORDER BY reference")]
    records = check_records(cluster_env["DOSSIERS_DATABASE_URL"], references)
    same = [r for r in references if expected_cli and
            comparable(records["results"].get(r)) == comparable(expected_cli.get(r))]
    server.stop()

    n = len(list(dossiers.iterdir()))
    per_worker = [pages_per_worker.get(name, 0) for name in cluster.worker_names]
    worker_killed = bool(killed_tasks)
    retried_ok = all(row and row[3] == "success" and row[4] != victim for row in retried)
    problems = []
    if state != "success":
        problems.append(f"dossier_intake ended {state}")
    if len(references) != n:
        problems.append(f"{len(references)} references for {n} dossiers")
    if len(records["processed"]) != n or records["lost"]:
        problems.append(f"processed {len(records['processed'])}/{n}; lost {records['lost']}; "
                        f"runs { {r: o for r, o in records['outcomes'].items() if o != ['completed']} }")
    if left_in_inbox:
        problems.append(f"left in the inbox: {len(left_in_inbox)} objects")
    if records["doubled"]:
        problems.append(f"processed twice: {records['doubled']}")
    if records["unexpected"]:
        problems.append(f"dossiers nobody sent: {records['unexpected']}")
    if args.workers > 1 and min(per_worker) == 0:
        problems.append(f"page tasks not spread over the workers: {per_worker}")
    if kill and not worker_killed:
        problems.append(f"{victim} never held a task to be killed with")
    if kill and worker_killed and not retried_ok:
        problems.append(f"the killed worker's tasks did not succeed elsewhere: {retried}")
    if args.compare and len(same) != n:
        problems.append(f"differ from `dossiers process`: {sorted(set(references) - set(same))}")
    if worker_killed:
        say(f"killed tasks retried: {', '.join(f'{r[0]}[{r[1]}] try {r[2]} {r[3]} on {r[4]}' for r in retried)}")
    runs_per_outcome = Counter(o for outcomes in records["outcomes"].values() for o in outcomes)
    say(f"runs by outcome: {dict(runs_per_outcome)}; logs in {cluster.home}")
    for problem in problems:
        say(f"WRONG: {problem}")
    print(f"scale: dossiers={n} workers={args.workers} processed={len(records['processed'])} "
          f"lost={len(records['lost'])} doubled={len(records['doubled'])} "
          f"worker_killed={'yes' if worker_killed else 'no'} tasks_per_worker={','.join(map(str, per_worker))} "
          f"same_as_cli={len(same) if args.compare else '-'} wall_s={wall:.0f}", flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
