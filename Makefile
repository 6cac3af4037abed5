# Raccord: `make run` to try it, `make test` to check it.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test quality-tools install migrate demo worker lint format ci clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@mkdir -p var
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	@echo ""
	@echo "  Raccord tourne sur http://127.0.0.1:$(PORT)/"
	@echo "  Administration : http://127.0.0.1:$(PORT)/admin/"
	@echo "  Identifiant : admin    Mot de passe : raccord-demo"
	@echo "  Les tâches (e-mails, envois d’infolettre) tournent à côté, comme en production."
	@echo "  Ctrl-C arrête le serveur et les tâches."
	@echo ""
	@export SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} RACCORD_TASKS=db; \
	$(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

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
	$(PY) -m pytest $(PYTEST_ARGS)

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
