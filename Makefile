# Two commands for a fresh Debian machine: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SAMPLES := samples
OUT := out
# One worker more than the 2 cores: part of the suite waits (servers starting, browsers, polling), and a
# third worker fills those waits (1145 s against 1193 s for the whole suite on an idle 2-core machine).
JOBS ?= 3
# The scorer runs `dossiers process`: the project's command, without activating the venv.
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.PHONY: setup run test test-fast eval samples bench lock clean airflow airflow-celery scale-demo eval-unseen reliability

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml scripts/install-system-packages.sh
	./scripts/install-system-packages.sh
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The project's own sample dossiers, generated (deterministic) from the synthetic generator.
# Regenerated when the generator changes (contract v2 samples replace older ones).
$(SAMPLES)/.done: $(shell find synth -name '*.py' -o -name '*.json' -o -name '*.csv' 2>/dev/null) | setup
	rm -rf $(SAMPLES)/dossiers $(SAMPLES)/truth
	$(PY) -m synth generate --out $(SAMPLES) --count 8 --seed 2026
	touch $@

samples: $(SAMPLES)/.done

run: setup samples
	$(VENV)/bin/dossiers process $(SAMPLES)/dossiers/* --out-dir $(OUT) --as-of 2026-06-01 --summary
	@echo "Résultats JSON : $(OUT)/"

# Compiled modules kept (PYTHONDONTWRITEBYTECODE emptied): each command, Airflow process and page
# reader the tests start would otherwise compile the project's modules again.
test: setup
	PYTHONDONTWRITEBYTECODE= $(VENV)/bin/pytest -n $(JOBS) --dist worksteal -q

test-fast: setup
	$(VENV)/bin/pytest -n $(JOBS) -q -m "not slow"

# The shared benchmark (../shared/eval), when it is beside the project.
eval: setup
	$(PY) ../shared/eval/score.py --dossiers ../shared/eval/samples/dossiers --truth ../shared/eval/samples/truth

# Layout families held out of all tuning (benchmarks/heldout_families.json), a third of the
# documents phone photos: generated, scored by the shared scorer, then photos vs scans.
UNSEEN := $(OUT)/eval-unseen
UNSEEN_COUNT ?= 48
eval-unseen: setup
	rm -rf $(UNSEEN) && mkdir -p $(OUT)
	$(PY) -m synth generate --out $(UNSEEN) --count $(UNSEEN_COUNT) --seed 9 --as-of 2026-06-15 \
		--scan-ratio 0.7 --photo-ratio 0.5 --families "$$($(PY) benchmarks/heldout.py families)" > $(UNSEEN).log
	$(PY) ../shared/eval/score.py --dossiers $(UNSEEN)/dossiers --truth $(UNSEEN)/truth --report $(UNSEEN)/report.json \
		| tee $(UNSEEN)/score.txt | grep -E '^(score|by render|report):' || true
	$(PY) benchmarks/heldout.py photos $(UNSEEN)/report.json
	@grep '^score:' $(UNSEEN)/score.txt

# Reliability of field_confidence on held-out families (README, "Reliability of field confidence");
# `python benchmarks/reliability.py fit` refits the calibration on the other families.
reliability: setup
	$(PY) benchmarks/reliability.py table --work $(OUT)/reliability

# Refresh the pinned lock from the current environment.
lock:
	$(PY) -m pip freeze --all --exclude-editable | grep -v -E '^(dossiers|pip)==' > requirements.lock

clean:
	rm -rf $(OUT) $(SAMPLES) .pytest_cache

# A local Airflow (api-server, scheduler, dag-processor) on the embedded defaults.
airflow: setup
	$(PY) -m pipeline.airflow_local

# Airflow with the CeleryExecutor: Redis, api-server, scheduler, dag-processor and WORKERS Celery
# workers, on the embedded PostgreSQL and the test S3 server (tests/s3_server.py) unless DOSSIERS_S3_*
# name one. Ctrl-C stops them all.
WORKERS ?= 2
CONCURRENCY ?= 1
airflow-celery: setup
	$(PY) -m pipeline.airflow_celery --workers $(WORKERS) --concurrency $(CONCURRENCY)

# 20 dossiers through the Celery setup, one worker SIGKILLed mid-batch, checked from the databases.
scale-demo: setup
	$(PY) benchmarks/scale_demo.py --workers $(WORKERS) --concurrency $(CONCURRENCY)

# Throughput against bare tesseract, rerun speed-up, born-digital rate, peak memory.
bench: setup
	$(PY) benchmarks/pipeline_bench.py
