# newsdesk — two commands on a fresh machine: `make demo` and `make test`.
# Both create .venv and install the pinned, hash-checked dependencies on first use.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements-bootstrap.lock requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
DEMO_DB ?= demo.duckdb
HOST   ?= 127.0.0.1
PORT   ?= 8000
SEED   := ../shared/seed/afghanistan-times-daesh.txt

.PHONY: install demo serve test test-fast eval bench lock clean

install: $(STAMP)

$(STAMP): requirements-bootstrap.lock requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bootstrap.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

demo: install
	@rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/newsdesk --db $(DEMO_DB) ingest examples/ --quiet
	@if [ -f $(SEED) ]; then $(BIN)/newsdesk --db $(DEMO_DB) ingest $(SEED) --source "Afghanistan Times" --quiet; fi
	@$(BIN)/newsdesk --db $(DEMO_DB) stats
	@$(BIN)/newsdesk --db $(DEMO_DB) articles --limit 30
	@echo
	@$(BIN)/newsdesk --db $(DEMO_DB) actors --limit 12
	@echo
	@$(BIN)/newsdesk --db $(DEMO_DB) places --limit 12
	@echo
	@$(BIN)/newsdesk --db $(DEMO_DB) events --limit 12
	@echo
	@$(BIN)/newsdesk --db $(DEMO_DB) stories
	@echo
	@$(BIN)/newsdesk --db $(DEMO_DB) watch examples/watch.yaml
	@echo
	@echo "Store: $(DEMO_DB).  Try: $(BIN)/newsdesk --db $(DEMO_DB) show <id>"
	@echo "Dashboard: http://$(HOST):$(PORT)/  (map, timeline, quotes and claims; REST API at /api, documented at /docs)"
	@echo "           start it with: make serve"

serve: install
	@test -f $(DEMO_DB) || $(MAKE) --no-print-directory demo
	$(BIN)/newsdesk --db $(DEMO_DB) serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not slow"

eval: install
	$(BIN)/newsdesk eval extraction ../shared/eval/extraction
	$(BIN)/newsdesk eval actors

bench: install
	$(BIN)/python bench/throughput.py

# Re-pin every dependency, with sha256 hashes, from pyproject.toml.
lock: install
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev --strip-extras -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB).wal .pytest_cache
