# Two commands on a fresh machine: `make demo` and `make test`. Each builds the virtualenv on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test test-fast run bench evaluate clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python >= 3.11 is required")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/flashpoint demo

test: $(STAMP)
	$(VENV)/bin/pytest

test-fast: $(STAMP)
	$(VENV)/bin/pytest -m "not integration and not fault"

run: $(STAMP)
	$(VENV)/bin/flashpoint run

bench: $(STAMP)
	$(VENV)/bin/flashpoint bench

evaluate: $(STAMP)
	$(VENV)/bin/flashpoint evaluate ../shared/eval/dev.jsonl

clean:
	rm -rf $(VENV) .flashpoint-data .pytest_cache
