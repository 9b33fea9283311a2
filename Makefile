# FOI Response Drafter — developer commands. Needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DIST_STAMP := $(VENV)/.installed-dist
DIST := dist/foi-drafter
SPEC := resources/packaging/pyinstaller/foi-drafter.spec

.PHONY: run test gates demo bench dist dist-check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,bench]"
	touch $(STAMP)

$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,bench,dist]"
	touch $(DIST_STAMP)

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

# The standalone one-folder build (PyInstaller): dist/foi-drafter/ with its own Python and Qt.
dist: $(DIST_STAMP)
	rm -rf $(DIST) build/pyinstaller
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller $(SPEC)
	@du -sh $(DIST)

$(DIST)/foi-drafter:
	$(MAKE) dist

# Smoke-test the bundle outside the checkout (render, check, GUI for 10 s), then its size and start time.
dist-check: $(STAMP) $(DIST)/foi-drafter
	FOI_DRAFTER_BUNDLE=$(DIST) QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/packaging
	QT_QPA_PLATFORM=offscreen $(PY) tests/bench/bench_bundle.py --bundle $(DIST)

clean:
	rm -rf $(VENV) out .pytest_cache dist build
