# jtbd: the two commands for a fresh clone are `make demo` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup browser bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## Set up and run the whole pipeline on the bundled sample study (writes demo-study/).
demo: $(STAMP)
	$(BIN)/jtbd demo demo-study

## Debian's chromium for the browser tests (needs root; skipped otherwise).
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "chromium missing and not root: browser tests will be skipped (apt-get install chromium)"; fi

## Set up and run the whole test suite (browser tests included when chromium is there).
test: $(STAMP) browser
	$(BIN)/python -m pytest -q -p no:cacheprovider

## Speed and quality benchmarks; each prints a table.
bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) demo-study build *.egg-info
