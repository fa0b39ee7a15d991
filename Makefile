# Silkwire: `make run` serves the demo site, `make test` runs the whole suite.
# Every install comes from uv.lock (exact versions and hashes); `make upgrade` moves the lock.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# uv itself lives in its own small venv, pinned, so `uv sync` (which makes .venv exactly the
# locked set) never removes the tool that runs it.
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
PORT ?= 8000
# The demo and the tests run in local mode (a generated secret key kept in var/).
export SILKWIRE_ENV ?= local
# uv: use this machine's Python (never download one), install into $(VENV).
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON := $(PYTHON)

.PHONY: run test install install-test demo serve lint format clean upgrade lock-check bench

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

# The runtime set, without removing the test extras a previous `make test` installed.
$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --inexact --quiet
	touch $@

# Exactly the locked runtime + test set.
$(VENV)/.installed-test: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --extra test --quiet
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

# Refresh every locked version to today's releases (within pyproject.toml's bounds), install
# them and run the suite: commit uv.lock only when this passes.
upgrade: | $(UV)
	$(UV) lock --upgrade
	rm -f $(VENV)/.installed $(VENV)/.installed-test
	$(MAKE) test

# Fails when pyproject.toml changed without `uv lock`.
lock-check: | $(UV)
	$(UV) lock --check

clean:
	rm -rf $(VENV) $(TOOLS) var/static .pytest_cache
