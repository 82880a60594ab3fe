# Samlad: two commands on a fresh machine, `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := samlad.config.settings

.PHONY: run test test-postgres fuzz lint format messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

# Reinstall whenever a pinned requirements file changes.
$(VENV)/.installed-run: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@ $(VENV)/.installed-run

messages: $(VENV)/.installed-run
	$(BIN)/python scripts/compile_messages.py

run: $(VENV)/.installed-run messages
	SAMLAD_DEMO=$${SAMLAD_DEMO:-1} PORT=$(PORT) $(BIN)/python scripts/run.py

test: $(VENV)/.installed-dev messages
	$(BIN)/python -m pytest -n $${TEST_JOBS:-2} $(PYTEST_ARGS)

# The same suite on PostgreSQL (these machines have it on 127.0.0.1:5432, trust auth).
test-postgres: $(VENV)/.installed-dev messages
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/samlad} $(BIN)/python -m pytest -n $${TEST_JOBS:-2} $(PYTEST_ARGS)

# The API fuzzing of the suite, deeper (docs/security.md, "Fuzzing").
fuzz: $(VENV)/.installed-dev messages
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-200} FUZZ_COVERAGE=$${FUZZ_COVERAGE:-1} $(BIN)/python -m pytest tests/fuzz -n $${TEST_JOBS:-2} $(PYTEST_ARGS)

# ruff, the template linter, and mypy with its ratchet (scripts/mypy_ratchet.py says how it works).
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint src --lint
	$(BIN)/python scripts/mypy_ratchet.py

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var
