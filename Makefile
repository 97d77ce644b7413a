# jtbd: the two commands for a fresh clone are `make demo` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup sysdeps bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,postgres,distributed]'
	touch $(STAMP)

setup: $(STAMP)

## Set up and run the whole pipeline on the bundled sample study (writes demo-study/).
demo: $(STAMP)
	$(BIN)/jtbd demo demo-study

## Debian's chromium (browser tests) and PostgreSQL (database tests); needs root, else those tests skip.
sysdeps:
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = "0" ]; then echo "installing$$missing (apt)"; apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "missing$$missing and not root: those tests will be skipped (apt-get install$$missing)"; fi

## Set up and run the whole test suite (browser tests included when chromium is there).
test: $(STAMP) sysdeps
	$(BIN)/python -m pytest -q -p no:cacheprovider

## Speed and quality benchmarks; each prints a table.
bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) demo-study build *.egg-info
