# Raccord: `make run` to try it, `make test` to check it.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# pytest-xdist processes for `make test` (`TEST_WORKERS=0 make test` runs in one process).
TEST_WORKERS ?= auto
STAMP := $(VENV)/.installed

# One address for the site (settings SITE_URL): links, API, feeds and mails name this port.
SITE_URL ?= http://127.0.0.1:$(PORT)
export SITE_URL
# The locked dependency set (docs/contributing.md): exact versions with their hashes.
LOCK := requirements/dev.txt
COMPILE = $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --upgrade

.PHONY: run test quality-tools install lock migrate demo worker lint format ci clean

# pip refuses editable installs under --require-hashes: the lock first, then the project alone.
$(STAMP): pyproject.toml $(LOCK)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	@mkdir -p var
	@touch $(STAMP)

install: $(STAMP)

# Update the lock to the newest versions pyproject.toml allows (then run the tests, commit both).
# Resolved on the oldest Python we support, Debian 12's 3.11.2: some releases need 3.11.5+.
LOCK_PYTHON ?= /usr/bin/python3
LOCK_VENV := .venv-lock
lock:
	@test -x $(LOCK_VENV)/bin/pip-compile || { $(LOCK_PYTHON) -m venv $(LOCK_VENV) && \
		$(LOCK_VENV)/bin/pip install --quiet pip-tools; }
	@$(LOCK_VENV)/bin/python -c 'import sys; print("pip-compile sous Python", sys.version.split()[0])'
	$(COMPILE) --output-file requirements/runtime.txt pyproject.toml
	$(COMPILE) --extra dev --output-file requirements/dev.txt pyproject.toml

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

# The site and the task worker side by side, as in production; Ctrl-C stops both.
run: demo
	@echo ""
	@echo "  Raccord tourne sur $(SITE_URL)/"
	@echo "  Administration : $(SITE_URL)/admin/"
	@echo "  Identifiant : admin    Mot de passe : raccord-demo"
	@echo "  Les e-mails s’affichent ici (worker)."
	@echo ""
	@RACCORD_TASKS=db $(PY) manage.py db_worker --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	RACCORD_TASKS=db $(PY) manage.py runserver 127.0.0.1:$(PORT)

worker: install
	RACCORD_TASKS=db $(PY) manage.py db_worker

# Tools the quality tests run (axe-core, the Nu Html Checker), pinned in tests/quality/.
QUALITY_TOOLS := var/quality/.installed

$(QUALITY_TOOLS): tests/quality/package.json tests/quality/package-lock.json
	@mkdir -p var/quality
	cp tests/quality/package.json tests/quality/package-lock.json var/quality/
	cd var/quality && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

quality-tools: $(QUALITY_TOOLS)

test: install
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory quality-tools; \
	else echo "npm introuvable : les contrôles axe et vnu seront sautés (obligatoires si CI=true)."; fi
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) var
