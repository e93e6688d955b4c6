"""Layers that point one way (issue 12): the CLI is the top; the web server and
`dossiers purge` stand on storage/ and validators/ without the reading code (OpenCV,
tesseract, spaCy, pdfplumber), which only page-reading processes load; test
infrastructure is not part of the product."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).parents[1]
PRODUCT = ("models", "extractors", "validators", "storage", "pipeline", "web", "dags", "synth")

# What a process that reads no page must not load: the OCR and PDF-text stack, and every
# module of extractors/ but its limits (a plain dataclass the web's previews are bounded by).
READING_STACK = """
def reading_stack():
    import sys
    heavy = [m for m in ("cv2", "pytesseract", "spacy", "pdfplumber", "numpy") if m in sys.modules]
    return heavy + sorted(m for m in sys.modules
                          if m.startswith("extractors.") and m != "extractors.limits")
"""


def run_fresh(script: str, env: dict[str, str] | None = None) -> dict:
    proc = subprocess.run([sys.executable, "-c", READING_STACK + script], cwd=PROJECT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_starting_the_web_server_loads_no_reading_code(cli_env: dict[str, str]) -> None:
    """`dossiers serve` as it starts (uvicorn.run stands still), then a page served."""
    report = run_fresh("""
import json
import uvicorn
from starlette.testclient import TestClient

apps = []
uvicorn.run = lambda app, **options: apps.append(app)
from pipeline.cli import main

code = main(["serve", "--port", "0"])
at_start = reading_stack()
with TestClient(apps[0]) as client:
    login = client.get("/login").status_code
print(json.dumps({"code": code, "apps": len(apps), "at_start": at_start, "login": login,
                  "after_a_page": reading_stack()}))
""", env=cli_env)
    assert report["code"] == 0 and report["apps"] == 1
    assert report["at_start"] == [] and report["after_a_page"] == []
    assert report["login"] == 200


def test_purge_loads_no_reading_code() -> None:
    assert run_fresh("""
import json
import pipeline.purge
print(json.dumps(reading_stack()))
""") == []


def test_the_product_imports_nothing_from_the_tests() -> None:
    """Test infrastructure lives under tests/. The one exception is documented: without a
    configured S3 endpoint, the single-machine Celery launcher (`make airflow-celery`, a
    development tool) starts the suite's S3 server, imported where it is started."""
    allowed = {("pipeline/airflow_celery.py", "tests.s3_server")}
    found = set()
    for package in PRODUCT:
        for path in (PROJECT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                         else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
                for name in names:
                    if name == "tests" or name.startswith("tests."):
                        found.add((path.relative_to(PROJECT).as_posix(), name))
    assert found <= allowed, found - allowed
    assert not (PROJECT / "storage" / "s3_server.py").exists()
