# FOI Response Drafter — developer commands. Needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test gates demo bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,bench]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py gui resources/examples/foisa-cost-limit.yaml

# The gates: lint and format, strict typing of the core, import contracts (pyproject.toml).
gates: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-logo --no-cache

test: gates
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

demo: $(STAMP)
	mkdir -p out
	$(PY) main.py render resources/examples/foia-partial.yaml -o out/foia-partial.docx
	$(PY) main.py render resources/examples/foisa-cost-limit.yaml -o out/foisa-cost-limit.docx
	@echo "Letters written to out/"

bench: $(STAMP)
	for f in tests/bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) out .pytest_cache
