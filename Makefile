# topo-client: every developer and CI command. Run `make help` for the list.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PYTEST_FLAGS ?= -q
export PYTHONHASHSEED := 0
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

install: $(VENV)/.installed node_modules/.installed redis-server  ## venv with pinned tools, topo-client and tools/ (topo-tools) editable, node tools, redis-server

redis-server:  # a real Redis for the shared-rate-budget tests (they start their own on a free loopback port)
	@command -v redis-server >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null; } || \
	  { echo "make install: needs redis-server (Debian/Ubuntu: sudo apt-get install redis-server)" >&2; exit 1; }

$(VENV)/.installed: requirements/dev.txt pyproject.toml tools/pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements/dev.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e . -e tools
	$(BIN)/pyright --version || echo "make install: pyright could not fetch its node package (npm); its typing test will skip" >&2  # fetched now, not in the first test
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

generate:  ## regenerate generated/ and api.md (the API reference) from spec/ (deterministic)
	$(PY) generator/generate.py

check-generated:  ## fail with a diff if generated/ or api.md is stale or hand-edited
	$(PY) generator/generate.py --check

spec-check:  ## validate and lint the spec, check its examples and its coverage of the docs
	$(PY) generator/bundle.py --out build/openapi.json
	npx --no-install redocly lint --config generator/redocly.yaml build/openapi.json
	$(BIN)/pytest $(PYTEST_FLAGS) tests/spec

lint:  ## ruff and mypy --strict (topo_ext, topo_tools); generated code only has to import
	$(BIN)/ruff check topo_ext tools tests generator bench
	$(BIN)/mypy
	$(PY) -c "import topo_client.api, topo_client.models, topo_client.events"

test: check-generated lint  ## everything CI runs: generated/ fresh, spec lint, lint, the Prism contract run, all offline tests
	$(PY) generator/bundle.py --out build/openapi.json
	npx --no-install redocly lint --config generator/redocly.yaml build/openapi.json
	$(PY) -m topo_tools.contract --spec generated/topo_client/openapi.json --prism node_modules/.bin/prism
	$(BIN)/pytest $(PYTEST_FLAGS)
	cd examples/crm_sync && $(abspath $(BIN))/pytest $(PYTEST_FLAGS)  # the example service, via the plugin's entry point

record:  ## re-record the VCR cassettes against the local sandbox (see README)
	rm -f tests/cassettes/*.yaml
	TOPO_RECORD=1 $(BIN)/pytest $(PYTEST_FLAGS) tests/topo_ext/client/test_cassettes.py

contract:  ## call every operation against Prism (validation proxy, dynamic responses)
	$(PY) -m topo_tools.contract --spec generated/topo_client/openapi.json --prism node_modules/.bin/prism

reliability:  ## export 10,000 activities through injected faults; prints the acceptance figures
	$(PY) -m topo_tools.reliability --readme README.md

mutate:  ## mutation testing of the runtime's core modules (mutmut; MODULE=retries for one; not in make test)
	nice -n 10 $(PY) -m topo_tools.mutate --root . --json build/mutate/results.json $(foreach m,$(MODULE),--module $(m))

bench:  ## benchmarks as ratios to their baselines; writes bench/results.json
	$(PY) bench/run.py

demo:  ## start the sandbox and walk through the main flows with the CLI and the client
	$(PY) -m topo_tools.demo

drift:  ## compare responses with the spec (DRIFT_INPUT=captures or a saved report, DRIFT_ARGS="--patch p.yaml")
	$(PY) -m topo_tools.drift --spec-dir spec --bundler generator/bundle.py $(or $(DRIFT_INPUT),tests/cassettes) $(DRIFT_ARGS)

evolve:  ## the whole "When Topo changes" walk: patch, apply, generate, drift clean, api-diff, CHANGELOG draft, test (DRIFT_INPUT=...)
	$(if $(DRIFT_INPUT),,$(error make evolve needs DRIFT_INPUT=<captures, cassettes or a drift report>))
	$(PY) -m topo_tools.evolve $(DRIFT_INPUT) --spec-dir spec --bundler generator/bundle.py --changelog CHANGELOG.md \
	  --patch $(or $(DRIFT_PATCH),drift-patch.yaml) --python $(PY) --make "$(MAKE) VENV=$(VENV)"

api-diff:  ## public Python surface: working tree vs REF (default: last commit touching generated/)
	$(PY) -m topo_tools.api_diff --new-dir . --accepted api-diff-accepted.yaml $(if $(REF),--ref $(REF),)

# CPython 3.11 and up: python3.X on PATH when it runs, else the newest pyenv build of 3.X (override: PYTHONS="...").
FIND_PYTHONS = for v in $$(seq 11 30); do for py in python3.$$v $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.$$v.*/bin/python3.$$v 2>/dev/null | sort -V | tail -1); do \
  $$py -c "" 2>/dev/null && { command -v $$py; break; }; done; done; true
# The lowest version of each runtime dependency pyproject.toml allows (`httpx>=0.27,<1` -> httpx==0.27).
LOWEST_PINS = $(shell $(PY) -c 'import re, tomllib; deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]; \
  print(" ".join(re.sub(r">=([^,;]+).*", r"==\1", d.replace(" ", "")) for d in deps))')

dist:  ## wheel and sdist of both distributions (topo-client, tools/ topo-tools) into dist/
	rm -rf dist
	$(BIN)/hatchling build -d dist
	cd tools && $(abspath $(BIN))/hatchling build -d ../dist
	@ls -1 dist

test-matrix:  ## the offline suite on each installed CPython >= 3.11 (one .venv-py3.X each; slow, not in make test)
	@set -e; pythons="$${PYTHONS:-$$($(FIND_PYTHONS))}"; test -n "$$pythons" || { echo "test-matrix: no CPython >= 3.11 found" >&2; exit 1; }; \
	failed=; for py in $$pythons; do v=$$($$py -c 'import sys; print("%d.%d" % sys.version_info[:2])'); \
	  echo "== test-matrix: Python $$v ($$py)"; env=.venv-py$$v; \
	  test -x $$env/bin/python || $$py -m venv $$env; \
	  $$env/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt; \
	  $$env/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . -e tools; \
	  if $$env/bin/pytest $(PYTEST_FLAGS); then echo "== test-matrix: Python $$v passed"; else failed="$$failed $$v"; fi; \
	done; test -z "$$failed" || { echo "test-matrix: FAILED on Python$$failed" >&2; exit 1; }; echo "test-matrix: passed on every Python"

test-lowest:  ## the runtime tests (tests/topo_ext) with the lowest runtime dependency versions pyproject allows (slow)
	test -x .venv-lowest/bin/python || python3 -m venv .venv-lowest
	.venv-lowest/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	.venv-lowest/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . -e tools
	.venv-lowest/bin/python -m pip install --quiet --disable-pip-version-check $(LOWEST_PINS)
	@echo "test-lowest: $(LOWEST_PINS)"; .venv-lowest/bin/python -m pip list 2>/dev/null | grep -Ei '^(httpx|attrs|msgspec) '
	.venv-lowest/bin/pytest $(PYTEST_FLAGS) tests/topo_ext

clean:  ## remove build outputs (not the venv)
	rm -rf build .pytest_cache .mypy_cache .ruff_cache

.PHONY: help install redis-server generate check-generated spec-check lint test record contract reliability mutate bench demo drift evolve api-diff dist test-matrix test-lowest clean
