# Beacon: `make demo` to see it work, `make test` to check it.
SWIFT ?= swift
BEACON := .build/debug/beacon

.PHONY: all deps build demo check test lint format bench clean

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

clean:
	rm -rf .build
