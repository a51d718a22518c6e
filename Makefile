# Delegate: the two commands in README.md are `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
BIN := $(CURDIR)/bin
STATICCHECK_VERSION := v0.8.2
export LANG ?= en_US.UTF-8

.PHONY: run test lint e2e bench fuzz screenshots build deps-build deps-e2e deps-bench clean

## run: install what is missing, build, and open Delegate on its embedded sample
run: deps-build
	$(GO) run ./cmd/delegate

## test: the whole test suite: format, vet, staticcheck, layering, unit and UI tests
test: deps-build lint
	$(GO) test -race -count=1 ./...

lint: $(BIN)/staticcheck
	@bad=$$(gofmt -l cmd model ui assets scripts 2>/dev/null); if [ -n "$$bad" ]; then echo "gofmt needed: $$bad"; exit 1; fi
	$(GO) vet ./...
	$(BIN)/staticcheck ./...
	scripts/check-layers.sh

$(BIN)/staticcheck:
	GOBIN=$(BIN) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

build: deps-build
	$(GO) build -o $(BIN)/delegate ./cmd/delegate
	CGO_ENABLED=0 $(GO) build -o $(BIN)/delegatectl ./cmd/delegatectl

## e2e: the real window under Xvfb, and the CLI on real files
e2e: build deps-e2e
	scripts/e2e.sh $(BIN)

## bench: the repo's benchmarks beside their baselines, as a table
bench: deps-build deps-bench
	scripts/bench.sh

## fuzz: every Fuzz target for FUZZTIME each (default 10s)
fuzz:
	FUZZTIME=$(or $(FUZZTIME),10s) scripts/fuzz.sh

## screenshots: refresh the screenshots in docs/ from the real window
screenshots: build deps-e2e
	scripts/screenshot.sh $(BIN)/delegate docs/screenshots/chooser.png DELEGATE_TODAY=2025-06-01
	for s in reader proposal items history changed carry timeline; do \
	  SHOT_DELAY=5 scripts/screenshot.sh $(BIN)/delegate docs/screenshots/$$s.png DELEGATE_TODAY=2025-06-01 DELEGATE_OPEN=sample DELEGATE_SHOW=$$s || exit 1; \
	done

deps-build:
	@scripts/install-deps.sh build
deps-e2e:
	@scripts/install-deps.sh e2e
deps-bench:
	@scripts/install-deps.sh bench

clean:
	rm -rf $(BIN)
