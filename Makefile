# Two commands set everything up on a fresh machine:
#   make run    create the virtualenv, install, migrate, load the data, serve on 127.0.0.1:$(PORT)
#   make test   the same set-up, then lint and the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test install fixtures lint migrate browser

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' || { echo "Python 3.11 or newer is required"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed

migrate: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_duties
	DEBUG=1 $(BIN)/python manage.py join_local_governments jilin

run: migrate
	DEBUG=1 $(BIN)/python manage.py create_demo_accounts
	DEBUG=1 $(BIN)/python manage.py create_demo_office
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Browser tests drive Debian's Chromium; a CJK font makes their screenshots readable.
browser:
	@command -v chromium >/dev/null && fc-list :lang=zh | grep -q . || { \
		echo "Installing Debian's chromium and a CJK font for the browser tests"; \
		apt-get update -q && apt-get install -y -q chromium fonts-wqy-microhei >/dev/null; }

test: lint browser
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest

# Rebuild fixtures/duties.json from fixtures/sources/.
fixtures: install
	DEBUG=1 $(BIN)/python manage.py build_fixtures
