# Delegate: the two commands in README.md are `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
BIN := $(CURDIR)/bin
STATICCHECK_VERSION := v0.8.2
GOCYCLO_VERSION := v0.6.0
export LANG ?= en_US.UTF-8

.PHONY: run test lint e2e bench fuzz screenshots build deps-build deps-e2e deps-bench clean

## run: install what is missing, build, and open Delegate on its embedded sample
run: deps-build
	$(GO) run ./cmd/delegate

## test: the whole test suite: format, vet, staticcheck, layering, unit and UI tests
test: deps-build lint
	$(GO) test -race -count=1 -timeout 25m ./...

## lint: format, vet, staticcheck (with the doc-comment checks of staticcheck.conf),
## doc comments present, complexity at most 15 per function, layering, notices
lint: $(BIN)/staticcheck $(BIN)/gocyclo
	@bad=$$(gofmt -l cmd model ui assets scripts 2>/dev/null); if [ -n "$$bad" ]; then echo "gofmt needed: $$bad"; exit 1; fi
	$(GO) vet ./...
	$(BIN)/staticcheck ./...
	$(GO) run ./scripts/doccheck cmd model ui assets scripts
	@over=$$($(BIN)/gocyclo -over 15 -ignore '_test\.go$$|/testdata/' cmd model ui assets scripts); \
	  if [ -n "$$over" ]; then echo "gocyclo: functions over 15 (split them):"; echo "$$over"; exit 1; fi
	scripts/check-layers.sh
	$(GO) run ./scripts/mknotices -check

$(BIN)/staticcheck:
	GOBIN=$(BIN) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

$(BIN)/gocyclo:
	GOBIN=$(BIN) $(GO) install github.com/fzipp/gocyclo/cmd/gocyclo@$(GOCYCLO_VERSION)

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
	for s in reader proposal items history changed carry carry-opinion carry-orphan timeline about review settings; do \
	  SHOT_DELAY=5 scripts/screenshot.sh $(BIN)/delegate docs/screenshots/$$s.png DELEGATE_TODAY=2025-06-01 DELEGATE_OPEN=sample DELEGATE_SHOW=$$s || exit 1; \
	done
	for l in zh:zh-Hans fr:fr ar:ar; do SHOT_DELAY=5 scripts/screenshot.sh $(BIN)/delegate docs/screenshots/main-$${l%%:*}.png DELEGATE_TODAY=2025-06-01 DELEGATE_OPEN=sample DELEGATE_LANG=$${l#*:} || exit 1; done
	SHOT_XDO="$(TOUR)" scripts/screenshot.sh $(BIN)/delegate docs/screenshots/tour-7-carried.png DELEGATE_TODAY=2025-06-01
	SHOT_DELAY=5 SHOT_XDO="$(OPINION_XDO)" scripts/screenshot.sh $(BIN)/delegate docs/screenshots/opinion.png DELEGATE_TODAY=2025-06-01 DELEGATE_OPEN=sample DELEGATE_SHOW=opinion
	SHOT_DELAY=5 scripts/screenshot.sh $(BIN)/delegate docs/screenshots/opinion-cutoff.png DELEGATE_TODAY=2026-01-10 DELEGATE_OPEN=sample DELEGATE_SHOW=opinion
	SHOT_DELAY=5 scripts/screenshot.sh $(BIN)/delegate docs/screenshots/sync-conflict.png DELEGATE_TODAY=2025-06-01 DELEGATE_OPEN=sample DELEGATE_SHOW=conflicts

# OPINION_XDO scrolls the Opinion editor and its preview to the operative part.
OPINION_XDO := mousemove 450 600 $(foreach i,$(shell seq 24),click 5); mousemove 1000 500 $(foreach i,$(shell seq 20),click 5)

# TOUR: a new user's first session in the real window, driven with xdotool:
# open the sample, comment on three paragraphs, propose a text change, see
# the history, import the 3rd draft and confirm the carried comments.
TOUR := shot tour-1-chooser; click 260 207; wait 4; shot tour-2-sample; \
  click 560 560; key ctrl+n; type Please name the five sub-themes in this paragraph.; key ctrl+s; \
  key ctrl+Down; key ctrl+n; type Say which exchanges of views are meant.; key ctrl+s; \
  key ctrl+Down; key ctrl+n; type Say who comments.; key ctrl+s; shot tour-3-three-comments; \
  key Tab; key space; key ctrl+a; type Successive drafts of this report are shaped by written comments from members and by an open online consultation.; wait 2; \
  shot tour-4-proposal; key ctrl+s; key ctrl+2; key ctrl+f; type written comments; key ctrl+h; wait 1; shot tour-5-history; \
  click 619 683; click 27 14; click 100 84; wait 4; shot tour-6-carry; click 1117 98; wait 2

## tour-coordinator: the coordinator's tour in the real window, screenshots in docs/screenshots/coord-*.png
## (not in CI; the e-mail step wants Sylpheed: apt-get install --no-install-recommends sylpheed)
.PHONY: tour-coordinator
tour-coordinator: build deps-e2e
	scripts/tour-mail.sh setup $(BIN)/tour-mail
	SHOT_XDO="$(COORD_TOUR)" scripts/screenshot.sh $(BIN)/delegate docs/screenshots/coord-17-export-done.png \
	  DELEGATE_TODAY=2025-06-01 DELEGATE_OPEN=sample XDG_DATA_DIRS=$(BIN)/tour-mail:/usr/local/share:/usr/share

# COORD_TOUR: a coordinator's first session on the sample (docs/user-guide.md, chapter 8):
# review three experts' items (approve, request changes on one of a
# conflicting pair), the consolidated view, an amendment to draft Opinion 3
# sent for review and approved, a nomination, the settings, the export
# wizard, and the e-mail draft opened in the mail program.
COORD_TOUR := wait 2; key ctrl+4; wait 1; shot coord-1-review; \
  key ctrl+Return; wait 1; shot coord-2-duplicate; key ctrl+Return; wait 1; shot coord-3-conflict; \
  key ctrl+Return; wait 1; key ctrl+r; type Amina's proposal on this paragraph is approved. Please fold Indigenous peoples into her wording (older persons, women and girls, Indigenous peoples, persons with disabilities) and send it for review again.; \
  wait 1; shot coord-4-request-changes; click 677 491; wait 1; shot coord-5-changes-requested; \
  key ctrl+Return; wait 1; key ctrl+Return; wait 1; shot coord-6-opinion-proposal; key ctrl+Return; wait 1; \
  click 19 88; wait 1; shot coord-7-consolidated; click 19 88; \
  key ctrl+5; click 126 130; wait 1; shot coord-8-amend-choose; click 600 400; wait 1; \
  click 480 600; key ctrl+End; type  and of extreme weather events; key Return; \
  type that power outages are among the most common causes of extended network outages after a disaster; wait 1; shot coord-9-amendment; \
  mousemove 450 400 click --repeat 40 --delay 30 5; wait 1; click 520 620; \
  type Extreme weather and power cuts cause the longest outages, and the Opinion should say so.; \
  click 550 680; click 400 723; key ctrl+s; wait 1; shot coord-10-sent-for-review; \
  key ctrl+4; mousemove 200 400 click --repeat 15 --delay 30 4; wait 1; click 200 245; wait 1; shot coord-11-review-amendment; key ctrl+Return; wait 1; \
  click 27 14; click 87 339; wait 1; click 705 261; type Amina Diallo; click 705 339; type amina.diallo@example.org; shot coord-12-nominate; \
  click 843 608; wait 2; click 619 456; \
  key ctrl+comma; wait 1; shot coord-13-settings-profile; click 131 385; shot coord-14-settings-workspace; click 131 465; shot coord-15-settings-dates; click 619 701; \
  key ctrl+e; wait 1; shot coord-16-export-1-items; click 1122 697; \
  click 700 195; type Comments on the 2nd draft of the Secretary-General's report; \
  click 700 260; type Republic of Sample proposes that the report name the groups least connected, define meaningful connectivity where it is first used and ask for disaggregated data. It proposes amendments to draft Opinions 1 and 3.; \
  shot coord-16-export-2-cover; click 1122 697; wait 2; click 95 240; shot coord-16-export-3-checks; click 1122 697; wait 6; shot coord-16-export-4-preview; \
  click 1122 697; wait 1; shot coord-16-export-5-folder; click 1116 697; wait 3; shot coord-17-export-done; \
  click 175 235; wait 6; rootshot coord-18-email; search --class Sylpheed windowkill %@; wait 1

deps-build:
	@scripts/install-deps.sh build
deps-e2e:
	@scripts/install-deps.sh e2e
deps-bench:
	@scripts/install-deps.sh bench

# Release packaging and its checks (scripts/dist*.sh, docs/install.md).
.PHONY: notices dist dist-check dist-repro deps-dist

FYNE_TOOL_VERSION := v1.7.4
$(BIN)/fyne:
	GOBIN=$(BIN) $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOL_VERSION)

## dist: reproducible release files in dist/: Linux tar.xz and .deb, Windows zip (DIST_WINDOWS=0 skips it)
dist: deps-build deps-dist $(BIN)/fyne
	scripts/dist.sh

## dist-check: build the .deb, install it, open Delegate from its menu entry under Xvfb, purge it
dist-check: deps-build deps-dist deps-e2e $(BIN)/fyne
	scripts/dist-check.sh

## dist-repro: build the Linux release twice and compare the bytes (DIST_REPRO_FULL=1: second build without the Go cache)
dist-repro: deps-build deps-dist $(BIN)/fyne
	scripts/dist-repro.sh

deps-dist:
	@scripts/install-deps.sh dist

## notices: regenerate assets/legal/third-party-notices.md after a dependency change
notices:
	$(GO) run ./scripts/mknotices

clean:
	rm -rf $(BIN)
