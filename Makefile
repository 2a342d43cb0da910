# Two commands do everything on a fresh machine: `make serve` (or `make site`) and `make test`.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: all venv site site-zensical serve test test-fast validate pages scorecards bench chromium clean

all: site

$(STAMP): requirements.lock pyproject.toml
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

validate: $(STAMP)
	$(BIN)/accountpath validate competencies.yml

# The site: the hook writes the model's pages into docs/ (gitignored) before MkDocs reads it.
site: $(STAMP)
	$(BIN)/mkdocs build --strict

# The same site with Zensical (no hooks): generate the pages first, then build, then the
# UTF-8 search index step that MkDocs runs in its hook.
ZENSICAL_SITE := build/site-zensical
site-zensical: $(STAMP)
	$(BIN)/python scripts/site_files.py generate
	rm -rf $(ZENSICAL_SITE)
	SITE_DIR=$(ZENSICAL_SITE) NO_COLOR=1 $(BIN)/zensical build --clean
	$(BIN)/python scripts/site_files.py post $(ZENSICAL_SITE)

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
