"""Receive once: one processing of a dossier takes it in once, and hashes and plans
each of its files once, from `dossiers process` and from the `dossier_intake` DAG
alike (tests/step_counter.py counts the real calls); a page task of the DAG opens the
object store only and reads its page from the dossier's record."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from synth import generate_dossier
from tests.builders import save_image, text_image, text_pdf
from tests.test_dags import airflow_with_inbox

PROJECT = Path(__file__).parents[1]
COUNTER = PROJECT / "tests" / "step_counter.py"


def counted(log: Path, argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(COUNTER), str(log), *argv], env=env, capture_output=True,
                          text=True, timeout=600, cwd=PROJECT)


def calls(log: Path) -> dict[str, Counter]:
    found: dict[str, Counter] = {"take_in": Counter(), "sha256_of_file": Counter(), "plan_file": Counter()}
    for line in log.read_text(encoding="utf-8").splitlines():
        call = json.loads(line)
        found[call["step"]][call["key"]] += 1
    return found


def zipped_dossier(tmp_path: Path) -> tuple[Path, set[str], set[str]]:
    """A generated dossier as a zip; the hashes of the zip and of each member, and the
    members to read (all but the manifest)."""
    dossier = generate_dossier(seed=11, shape="zip", out_dir=tmp_path / "gen", manifest=True, scan_ratio=0.0)
    with zipfile.ZipFile(dossier.path) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist() if not i.is_dir()}
    hashes = {hashlib.sha256(dossier.path.read_bytes()).hexdigest()}
    hashes |= {hashlib.sha256(data).hexdigest() for data in members.values()}
    assert len(hashes) == len(members) + 1, "the test needs files with different bytes"
    return dossier.path, hashes, {Path(n).name for n in members if Path(n).name != "dossier.json"}


def assert_once(found: dict[str, Counter], name: str, hashes: set[str], to_read: set[str]) -> None:
    assert found["take_in"] == Counter({name: 1}), found["take_in"]
    assert found["sha256_of_file"] == Counter(dict.fromkeys(hashes, 1)), found["sha256_of_file"]
    assert {Path(source).name for source in found["plan_file"]} == to_read, found["plan_file"]
    assert set(found["plan_file"].values()) == {1}, found["plan_file"]


def test_dossiers_process_takes_in_hashes_and_plans_each_file_once(tmp_path: Path, cli_env: dict[str, str]) -> None:
    path, hashes, to_read = zipped_dossier(tmp_path)
    log = tmp_path / "calls.jsonl"
    proc = counted(log, ["-m", "pipeline.cli", "process", str(path), "--as-of", "2026-06-15"], cli_env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert json.loads(proc.stdout)["status"] != "failed"
    assert_once(calls(log), path.stem, hashes, to_read)


@pytest.mark.slow
def test_the_intake_dag_takes_in_hashes_and_plans_each_file_once(tmp_path: Path, cli_env: dict[str, str]) -> None:
    path, hashes, to_read = zipped_dossier(tmp_path)
    env, inbox = airflow_with_inbox(tmp_path, cli_env, path)

    log = tmp_path / "dag-calls.jsonl"
    proc = counted(log, [str(PROJECT / "tests" / "dag_runner.py"), "dossier_intake"], env)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    run = json.loads(proc.stdout.strip().splitlines()[-1])
    assert run["state"] == "success", run
    assert not any(inbox.iterdir())
    found = calls(log)
    assert_once(found, path.stem, hashes, to_read)
    pages = [task for task in run["tasks"] if task.startswith("read_page[")]
    assert pages and all(run["tasks"][task] == "success" for task in pages), run


def test_a_page_task_opens_only_the_object_store_and_plans_nothing(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`stage` and `read_page` work with no database at all (its address refuses every
    connection); `read_page` reads its page from the record's plan, never planning again."""
    from pipeline import received, tasks
    from pipeline.opaque import seal
    from pipeline.page_cache import PageCache
    from storage.objects import open_object_store
    from storage.settings import Settings

    home = tmp_path / "home"
    monkeypatch.setenv("DOSSIERS_HOME", str(home))
    monkeypatch.setenv("DOSSIERS_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/nothing?connect_timeout=2")
    folder = home / "inbox" / "DOSSIER-PAGES"
    folder.mkdir(parents=True)
    text_pdf(folder / "contrat.pdf", [["CONTRAT DE TRAVAIL", "Article 1"], ["Article 2", "Fait à Lyon"]])
    save_image(text_image(["ATTESTATION DE VIGILANCE", "URSSAF Rhône-Alpes"]), folder / "urssaf.png", "PNG")

    plans: list[str] = []
    real_plan = received.plan_file
    monkeypatch.setattr(received, "plan_file", lambda path, source, limits: plans.append(source)
                        or real_plan(path, source, limits))
    staged = tasks.stage(seal(folder.name))
    assert sorted(plans) == ["contrat.pdf", "urssaf.png"]
    assert [(p["number"], p["media_type"]) for p in staged["pages"]] == \
        [(1, "application/pdf"), (2, "application/pdf"), (1, "image/png")]

    plans.clear()
    keys = [tasks.read_page(page) for page in staged["pages"]]
    assert plans == [] and all(keys), keys
    cache = PageCache(open_object_store(Settings.from_env()))
    read = [cache.get(p["sha256"], p["number"], "x") for p in staged["pages"]]
    assert "Fait à Lyon" in " ".join(line.text for line in read[1].lines)
    assert "VIGILANCE" in " ".join(line.text for line in read[2].lines)
