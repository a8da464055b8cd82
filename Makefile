# licscope — build, test and demo on a Debian machine.
#   make demo   build and analyze the bundled sample
#   make test   build and run every test (unit, scenario, rules self-tests, HTML reports in headless Chromium)
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin
APT_PACKAGES := libpcap-dev libssl-dev zlib1g-dev pkg-config openssl tinyproxy dnsmasq-base python3 zip chromium
SWIFT ?= swift
BIN := .build/debug/licscope
SAMPLE ?= samples/slm-stopped-chicago/bundle

.PHONY: all deps build release test demo interop bench clean fuzz fuzz-build fuzz-replay

all: build

# Installs missing Debian packages when run as root; otherwise prints the exact command.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "missing Debian packages; run: sudo apt-get install -y$$missing" >&2; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

# An optimized binary at .build/release/licscope, for large bundles and captures.
release: deps
	$(SWIFT) build -c release

test: build
	$(SWIFT) test --parallel 2>&1 | tee .build/test.log; test $${PIPESTATUS[0]} -eq 0
	$(BIN) rules lint
	$(BIN) rules test
	$(MAKE) --no-print-directory fuzz-replay
	scripts/check-html.sh

# Fuzzing (libFuzzer + AddressSanitizer): `make fuzz SECONDS=N` runs every target N seconds (FUZZ_TARGETS to pick);
# crashers go to .build-fuzz/crashers/ and, once fixed, to Tests/FuzzRegressions/TARGET/ (replayed by `make test`).
SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz-build: deps
	$(SWIFT) build --build-path .build-fuzz --sanitize=fuzzer --sanitize=address -Xswiftc -DLICSCOPE_FUZZ \
	  --product licscope-fuzz 2>&1 | grep -v 'Cannot export local symbol'; test $${PIPESTATUS[0]} -eq 0

fuzz: fuzz-build
	scripts/fuzz.sh .build-fuzz/debug/licscope-fuzz $(SECONDS) $(FUZZ_TARGETS)

# Replays every committed crasher and regression input through its target (no sanitizer needed: a trap fails it).
fuzz-replay:
	@for dir in Tests/FuzzRegressions/*/; do \
	  [ -d "$$dir" ] || continue; t=$$(basename "$$dir"); \
	  .build/debug/licscope-fuzz "$$t" "$$dir"* >/dev/null || { echo "fuzz regression failed: $$t" >&2; exit 1; }; \
	  echo "fuzz regressions replayed: $$t ($$(ls "$$dir" | wc -l) inputs)"; \
	done

demo: build
	@echo "== licscope analyze $(SAMPLE)"; $(BIN) analyze $(SAMPLE); rc=$$?; \
	  echo "(exit code $$rc: 0 healthy, 1 findings, 3 partly unreadable, 4 findings + partly unreadable, 5 no evidence)"; \
	  [ $$rc -le 1 ] || [ $$rc -eq 3 ] || [ $$rc -eq 4 ]

interop: build
	scripts/interop.sh

# Benchmarks: whole processes (the release binary writing its real output to files) on deterministic inputs,
# timed side by side with grep, tshark and a bare libpcap loop; prints ratios and peak RSS.
# BENCH_ARGS=--acceptance for the issue's sizes (400 MB traces, 300 MB capture); niced so a shared machine stays usable.
BENCH_ARGS ?=
bench: APT_PACKAGES += time tshark
bench: deps
	$(SWIFT) build -c release
	nice -n 10 .build/release/licscope bench $(BENCH_ARGS) --out bench-data
	nice -n 10 scripts/bench-triage.sh

clean:
	rm -rf .build
