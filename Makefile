# Two entry points, each creating .venv itself (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLES := samples
OUT := outputs

.PHONY: run test qa install install-test samples bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	$(BIN)/factextract run $(SAMPLES) --out $(OUT)

qa: install
	$(BIN)/factextract inspect $(SAMPLES) --out $(OUT)/qa

test: install-test
	$(BIN)/python -m pytest

samples: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[samples]'
	$(BIN)/python scripts/make_samples.py

bench: install
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf $(VENV) $(OUT)/*.csv $(OUT)/*.parquet $(OUT)/*.json $(OUT)/qa
