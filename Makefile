# Two commands do everything on a fresh machine: `make serve` (or `make site`) and `make test`.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: all venv site serve test test-fast validate pages scorecards bench chromium pango clean

all: site

$(STAMP): requirements.lock pyproject.toml | pango
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

# Debian's chromium for the browser tests; never a browser download.
chromium:
	@command -v $(CHROMIUM) >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's pango for WeasyPrint (PDF scorecards, plans, reports), only when missing.
PANGO_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
pango:
	@/sbin/ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || { \
	  echo "Installing Debian's pango for WeasyPrint (PDF output)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PANGO_PACKAGES) >/dev/null; }

validate: $(STAMP)
	$(BIN)/accountpath validate competencies.yml

site: $(STAMP)
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

pages: $(STAMP)
	$(BIN)/accountpath pages --out build/pages

scorecards: $(STAMP)
	$(BIN)/accountpath scorecard --all --out build/scorecards

test: $(STAMP) chromium
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser"

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) site build test-artifacts
