# Two commands do everything on a fresh machine: `make serve` (or `make site`) and `make test`.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
PKG := src/accountpath
LOCALE := $(PKG)/locale
# Layers are import-linter's contracts in pyproject.toml; mypy --strict covers the whole package.

.PHONY: example-en
.PHONY: all venv site site-zensical serve test test-fast lint catalogs node validate pages scorecards bench chromium pango clean fixtures

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

# The site: the hook writes the model's pages into docs/ (gitignored) before MkDocs reads it.
site: $(STAMP)
	$(BIN)/mkdocs build --strict

# The same site with Zensical (no hooks), kept so the pages never depend on MkDocs internals (MkDocs 2 drops plugins): generate the pages first, then build, then the
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

# The English example (examples/en): its site and its blank scorecards, in English from the catalogs.
EXAMPLE_EN := build/example-en
example-en: $(STAMP)
	$(BIN)/accountpath validate examples/en/competencies.yml
	rm -rf $(EXAMPLE_EN)
	mkdir -p $(EXAMPLE_EN)/docs
	cp -r docs/assets $(EXAMPLE_EN)/docs/assets && rm -rf $(EXAMPLE_EN)/docs/assets/data
	ACCOUNTPATH_MODEL=examples/en/competencies.yml $(BIN)/mkdocs build --strict -f examples/en/mkdocs.yml
	$(BIN)/accountpath --model examples/en/competencies.yml scorecard --all --out $(EXAMPLE_EN)/scorecards

# node runs the browser's method (docs/assets/js/core/evaluate.js) on the shared vectors in the fast tests.
node:
	@command -v node >/dev/null 2>&1 || { \
	  echo "Installing Debian's nodejs for the JavaScript tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null; }

# ESLint for the JavaScript kernel: pinned packages from the npm registry, installed into build/node
# (gitignored) only when missing; the stamp's name carries the pins, so a new pin reinstalls.
ESLINT_PACKAGES := eslint@9.39.4 @eslint/js@9.39.4 globals@16.5.0
ESLINT_DIR := build/node
ESLINT_STAMP := $(ESLINT_DIR)/.installed-eslint-9.39.4-js-9.39.4-globals-16.5.0
$(ESLINT_STAMP): | node
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's npm for ESLint"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	rm -rf $(ESLINT_DIR)
	mkdir -p $(ESLINT_DIR)
	npm install --prefix $(ESLINT_DIR) --save-exact --no-audit --no-fund --loglevel=error $(ESLINT_PACKAGES)
	touch $@

lint: $(STAMP) $(ESLINT_STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy --strict $(PKG)
	$(ESLINT_DIR)/node_modules/.bin/eslint --config eslint.config.mjs docs/assets/js/core/*.js

# Bytecode of the package and the tests' rewritten asserts is kept in build/pycache (gitignored, never
# beside the sources), even where the environment sets PYTHONDONTWRITEBYTECODE: compiling them again
# costs every run about 2 s of CPU and every CLI subprocess of the tests about 0.15 s.
PYTEST := env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX=$(CURDIR)/build/pycache $(BIN)/python -m pytest

test: $(STAMP) chromium node lint
	$(PYTEST) -q

test-fast: $(STAMP) node
	$(PYTEST) -q -n auto --maxprocesses 4 -m "not browser and not slow"

# Message catalogs: extract the Russian ids from the code, merge them into the English
# catalog (translate the new entries in en/LC_MESSAGES/accountpath.po), compile the .mo.
catalogs: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k nplural:2,4 --no-location --sort-output --omit-header -o $(LOCALE)/accountpath.pot $(PKG) >/dev/null
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date -D accountpath -i $(LOCALE)/accountpath.pot -d $(LOCALE) -l en >/dev/null
	$(BIN)/pybabel compile --statistics -D accountpath -d $(LOCALE) -l en

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) site build test-artifacts

# Refresh the realistic engine fixture from the bundled content (review the diff: engine tests run on it).
fixtures:
	cp competencies.yml tests/fixtures/agency.yml
