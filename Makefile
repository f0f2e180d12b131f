# effkg: two commands on a fresh machine (Debian 12, Python 3.11, Java 17 + Maven, Node 20):
#   make run    install the Python package, build the graph from ../shared/seeds, print what was built
#   make test   install everything the tests need (Chromium, npm assets, Neo4j launcher) and run the suite
# Every setup step is idempotent and skips work that is already done.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
SEEDS ?= $(or $(EFFKG_SEEDS),../shared/seeds)
PYTEST_ARGS ?=
# root needs no sudo; everyone else does (apt-get only runs when something is missing)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_GET := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

# Playwright drives the system Chromium; it must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help setup setup-python setup-node setup-chromium setup-java setup-neo4j run test neo4j clean-neo4j

help:
	@echo "make run    - install the Python package, build the graph from $(SEEDS), print stats"
	@echo "make test   - full setup (Python, npm, Chromium, Neo4j launcher), then the whole test suite"
	@echo "make setup  - only the setup; make neo4j - start a Neo4j server in the foreground"

setup: setup-python setup-node setup-chromium setup-neo4j

# -- Python -------------------------------------------------------------------------------------------
$(VPY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project metadata changed (the install is editable, code changes need nothing).
$(VENV)/.effkg-installed: pyproject.toml | $(VPY)
	$(VPY) -m pip install -q -e '.[test]'
	touch $@

setup-python: $(VENV)/.effkg-installed

# -- npm assets for the web explorer ----------------------------------------------------------------------
node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup-node: node_modules/.package-lock.json

# -- system packages: Chromium for the browser tests, a JDK and Maven for the Neo4j launcher ---------------
setup-chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "installing chromium (apt)"; \
		$(APT_GET) update -q && $(APT_GET) install -y -q chromium; \
	fi

setup-java:
	@if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then \
		echo "installing a JDK 17 and Maven (apt)"; \
		$(APT_GET) update -q && $(APT_GET) install -y -q openjdk-17-jdk-headless maven; \
	fi

# The launcher rebuilds only when its jar is missing or older than pom.xml / src.
setup-neo4j: setup-java setup-python
	$(VPY) tools/neo4j_launcher.py build

# -- the two commands ---------------------------------------------------------------------------------------
run: setup-python
	$(VENV)/bin/kg build $(SEEDS)
	$(VENV)/bin/kg stats

test: setup
	$(VPY) -m pytest -p no:cacheprovider -q --durations=15 $(PYTEST_ARGS)

# -- for people ---------------------------------------------------------------------------------------------
neo4j: setup-neo4j
	$(VPY) tools/neo4j_launcher.py start

clean-neo4j:
	rm -rf tools/neo4j-server/target
