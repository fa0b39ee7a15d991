# Silkwire: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo and the tests run in local mode (a generated secret key kept in var/).
export SILKWIRE_ENV ?= local

.PHONY: run test install install-test demo serve lint format clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	SILKWIRE_BASE_URL=$${SILKWIRE_BASE_URL:-http://127.0.0.1:$(PORT)} $(BIN)/silkwire demo
	$(BIN)/silkwire serve --port $(PORT)

demo: install
	$(BIN)/silkwire demo

serve: install
	$(BIN)/silkwire serve --port $(PORT)

test: install-test
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var/static .pytest_cache
