# Beacon: `make demo` to see it work, `make test` to check it.
SWIFT ?= swift
BEACON := .build/debug/beacon

.PHONY: all deps build demo check test lint format openapi bench bench-quick bench-build bench-harness bench-ha clean

all: build

deps:
	@scripts/install-deps.sh build

build: deps
	$(SWIFT) build

## Validate the shipped configuration.
check: build
	$(BEACON) check --config beacon.yaml

demo: build
	$(BEACON) check --config beacon.yaml
	$(BEACON) demo --config beacon.yaml

## Formatting, a warning-free build of everything and every test.
test: deps lint
	@scripts/install-deps.sh test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

## Embed docs/openapi.json in the server after editing it (a test checks that the two agree).
openapi:
	python3 scripts/embed-openapi.py

## Side-by-side benchmark against the shared harness (../shared/bench): the Prometheus anchor and Beacon,
## one run at a time, for every N in NS and S in SS; then the table and the alert storm.
##   make bench                                   N = 100 1000 10000, S = 1, K = 20, W = 60 (about 25 min)
##   make bench NS="100 1000" SS="1 5" K=10       other matrices
##   make bench-quick                             N = 100 1000, S = 1, K = 5, W = 20, plus the storm
BENCH_DIR ?= $(abspath ../shared/bench)
NS ?= 100 1000 10000
SS ?= 1
K ?= 20
W ?= 60
BENCH_ARGS ?= --nice -10 --quiet-wait 120
STORM_ARGS ?= --nice -10 --resolve
BENCH_OUT := Benchmarks/results
BENCH_STAMP := $(shell date -u +%Y%m%dT%H%M%SZ)

bench-build: deps
	$(SWIFT) build -c release --product beacon

bench-harness:
	@test -f "$(BENCH_DIR)/lib/harness.py" || { echo "make bench compares Beacon with Prometheus + Alertmanager" \
	  "through the shared benchmark harness, which is not in this repository: none at $(BENCH_DIR)." \
	  "Set BENCH_DIR=/path/to/bench (the folder with lib/harness.py)." >&2; exit 2; }
	@command -v prometheus >/dev/null && { command -v alertmanager || command -v prometheus-alertmanager; } >/dev/null || { echo "make bench runs" \
	  "Prometheus and Alertmanager as the anchor; install them (Debian: apt-get install prometheus" \
	  "prometheus-alertmanager)." >&2; exit 2; }

bench: bench-harness bench-build
	@mkdir -p $(BENCH_OUT)/runs
	@run="$(BENCH_OUT)/bench-$(BENCH_STAMP).jsonl"; \
	for S in $(SS); do for N in $(NS); do \
	  for sys in prometheus beacon; do \
	    if [ $$sys = prometheus ]; then r="$(BENCH_DIR)/peers/prometheus/run.sh"; else r=Benchmarks/run.sh; fi; \
	    echo "=== $$sys N=$$N S=$$S K=$(K) W=$(W)" >&2; \
	    BENCH_DIR="$(BENCH_DIR)" timeout 900 $$r -N $$N -S $$S -K $(K) -W $(W) $(BENCH_ARGS) \
	      --results "$$run" --detail-dir $(BENCH_OUT)/runs || echo "$$sys N=$$N S=$$S failed (rc=$$?)" >&2; \
	  done; \
	done; done; \
	[ -s "$$run" ] || { echo "no run produced a result" >&2; exit 1; }; \
	cat "$$run" >> $(BENCH_OUT)/results.jsonl; \
	echo "results: $$run (also appended to $(BENCH_OUT)/results.jsonl)"; \
	python3 "$(BENCH_DIR)/lib/report.py" "$$run"
	BENCH_DIR="$(BENCH_DIR)" timeout 900 python3 Benchmarks/storm.py $(STORM_ARGS)

bench-quick:
	@$(MAKE) --no-print-directory bench NS="100 1000" SS=1 K=5 W=20

## Several nodes: three `beacon serve` on one PostgreSQL against one on SQLite, in the same run (CPU per 1,000
## polls per node and in total), the time until a killed node's sources are polled again, and a storm across
## the survivors (drain time, duplicates). Needs the shared fixtures (BENCH_DIR) and PostgreSQL.
HA_ARGS ?= --nice -10
bench-ha: bench-build
	@test -f "$(BENCH_DIR)/fixtures/metrics_server.py" || { echo "make bench-ha needs the shared benchmark fixtures:" \
	  "none at $(BENCH_DIR). Set BENCH_DIR=/path/to/bench." >&2; exit 2; }
	BENCH_DIR="$(BENCH_DIR)" timeout 1800 python3 Benchmarks/ha.py $(HA_ARGS)

clean:
	rm -rf .build
