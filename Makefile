# WIEGO site. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
FROM ?=
CHECK_DATABASE_URL ?=
export DJANGO_SETTINGS_MODULE ?= wiegosite.settings.dev
# pytest-xdist workers for the tests that need no browser (auto: one per core).
WORKERS ?= auto
# The test targets run with the test settings (pyproject.toml names them too), not the dev ones
# exported above: fast password hashing, a per-process memory cache even when REDIS_URL is set
# (a shared Redis would be flushed by one worker under the others' feet).
TEST_ENV := DJANGO_SETTINGS_MODULE=wiegosite.settings.test
# More pytest options for the test targets, e.g. make test-fast ARGS="--lf -x" or ARGS="-k library".
ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install install-dev system-deps browser-deps server-deps prod-deps prod prod-stop test-stack messages compile-messages check-messages migrate demo run test test-fast test-browser lint format bench lighthouse upgrade-check clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create the virtual environment and install the site's requirements

install-dev: $(VENV)/.installed-dev ## Also install what tests and linters need

system-deps: ## Install the system packages the site needs (gettext), if missing
	@command -v msgfmt >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext; }

# The browser tests use Debian's Chromium (never a downloaded browser), Java for the Nu HTML
# Checker, and the npm tools pinned in package-lock.json (axe-core, vnu-jar, lighthouse).
browser-deps: node_modules/.installed ## Install Chromium, Java and the npm test tools (package-lock.json), if missing
	@test -x /usr/bin/chromium && command -v java >/dev/null || { apt-get update -qq && \
		apt-get install -y -qq --no-install-recommends chromium default-jre-headless; }

# The outage tests (tests/wiegosite/test_outages.py) run a PostgreSQL cluster and a redis-server of
# their own, stopping and starting them; they fail, never skip, without these.
server-deps: ## Install PostgreSQL's server binaries and redis-server for the outage tests, if missing
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v redis-server >/dev/null || { apt-get update -qq && \
		apt-get install -y -qq --no-install-recommends postgresql redis-server; }

# The production stack (scripts/prod.py): Varnish with varnish-modules (xkey) and nginx, beside
# the PostgreSQL server and redis-server of server-deps.
prod-deps: server-deps ## Install Varnish, varnish-modules and nginx for the production stack, if missing
	@command -v varnishd >/dev/null && command -v nginx >/dev/null && find /usr/lib -name libvmod_xkey.so | grep -q . || { apt-get update -qq && \
		apt-get install -y -qq --no-install-recommends varnish varnish-modules nginx-light; }

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm; }
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
	touch $@

compile-messages: system-deps install ## Build the .mo files from locale/*/LC_MESSAGES/django.po
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

messages: system-deps install ## Update the .po catalogues from the code and templates
	$(PY) manage.py makemessages -l es -l fr -l pt --ignore=.venv --ignore=static_collected --ignore=node_modules --ignore=test-output --no-obsolete --no-location

check-messages: messages ## Fail if the catalogues are out of date with the code or have untranslated or fuzzy entries
	@git diff --quiet -I '^"POT-Creation-Date' -- locale/ || { git diff --stat -- locale/; echo "locale/ is out of date with the code: run 'make messages', translate, commit."; exit 1; }
	@for lang in es fr pt; do \
		stats=$$(LC_ALL=C msgfmt --check --statistics -o /dev/null locale/$$lang/LC_MESSAGES/django.po 2>&1); \
		echo "$$lang: $$stats"; \
		case "$$stats" in *fuzzy*|*untranslated*) echo "Translate every entry of locale/$$lang (no fuzzy ones)."; exit 1;; esac; \
	done

migrate: install ## Apply migrations (SQLite unless DATABASE_URL is set)
	$(PY) manage.py migrate --noinput

demo: migrate compile-messages ## Load the demo content (idempotent)
	$(PY) manage.py load_demo_content --hostname $(HOST) --port $(PORT)

run: demo ## Set up everything on SQLite with demo content and serve http://127.0.0.1:8000/
	$(PY) manage.py ensure_admin --url http://$(HOST):$(PORT)/admin/
	@echo "Serving the site at http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev compile-messages browser-deps server-deps prod-deps ## The whole suite: test-fast's tests, then test-browser's, one count at the end (PostgreSQL when DATABASE_URL is set)
	$(TEST_ENV) $(PY) tests/run_suite.py --workers $(WORKERS) $(ARGS)

test-fast: install-dev compile-messages server-deps ## Everything but the browser and stack tests, in parallel (pytest-xdist); ARGS="--lf" reruns what failed last
	$(TEST_ENV) $(VENV)/bin/pytest -n $(WORKERS) --dist worksteal --ignore=tests/browser --ignore=tests/deploy $(ARGS)

test-stack: install-dev compile-messages prod-deps ## The production stack's tests alone (caching, purging, scheduled publishing, slow downloads)
	$(TEST_ENV) $(VENV)/bin/pytest tests/deploy $(ARGS)

test-browser: install-dev compile-messages browser-deps ## The browser tests alone (Chromium, axe, Nu HTML Checker, Lighthouse)
	$(TEST_ENV) $(VENV)/bin/pytest tests/browser $(ARGS)

lint: install-dev ## Ruff, djhtml, the layering contract, Django checks, migrations up to date
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=wiegosite.settings.test $(PY) scripts/check_layers.py
	$(VENV)/bin/djhtml --check $$(git ls-files 'templates/*.html')
	DJANGO_SETTINGS_MODULE=wiegosite.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=wiegosite.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=wiegosite.settings.production SECRET_KEY=check-only-$$RANDOM$$RANDOM$$RANDOM-not-a-real-secret-key-0123456789 \
		DATABASE_URL=sqlite:///:memory: ALLOWED_HOSTS=example.org $(PY) manage.py check --deploy --fail-level WARNING

format: install-dev ## Format Python and templates
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(git ls-files 'templates/*.html')

bench: install ## Benchmark the library, a publication and search at 100 and 10,000 publications
	$(PY) bench/run.py

lighthouse: install browser-deps ## Lighthouse mobile performance (median of 3 runs) against production-like serving
	$(PY) bench/lighthouse.py

# FROM: the old commit that builds the database (default: where this branch left main).
# CHECK_DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME runs it on a PostgreSQL database it creates and drops.
# PROD_PORT: the address's port (default 8080; the stack also uses the six ports above it).
prod: install compile-messages prod-deps ## Run the production stack (Varnish, nginx, 2 gunicorns, PostgreSQL, Redis, scheduler) and print its address
	$(PY) scripts/prod.py start

prod-stop: ## Stop the production stack started by make prod
	$(PY) scripts/prod.py stop

upgrade-check: system-deps install ## Check that a database built by commit FROM migrates forward with nothing lost
	$(PY) scripts/check_upgrade.py $(if $(FROM),--from $(FROM)) $(if $(CHECK_DATABASE_URL),--database-url $(CHECK_DATABASE_URL)) $(UPGRADE_CHECK_ARGS)

clean: ## Remove the virtual environment, the SQLite database and generated files
	rm -rf $(VENV) db.sqlite3 media static_collected var node_modules test-output .pytest_cache
	find locale -name '*.mo' -delete
