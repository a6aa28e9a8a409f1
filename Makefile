# plan: the two commands a newcomer needs are `make run` and `make test`.
SWIFT ?= swift
# apt-get needs root; use sudo when not root and sudo exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)
PLAN := .build/debug/plan

.PHONY: all deps build release run test bench fuzz clean

all: build

# libgit2 from Debian's packages, installed only when pkg-config does not find it.
deps:
	@pkg-config --exists libgit2 2>/dev/null || { \
		echo "Installing libgit2-dev (needs apt-get)…"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y libgit2-dev pkg-config; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Checks the bundled workspace (the repository itself). Warnings only: exits 0.
run: build
	@echo "== plan check (bundled workspace: plans/dvk-2021)"
	@$(PLAN) check --workspace .
	@echo
	@echo "== plan status"
	@$(PLAN) status --workspace .
	@echo
	@echo "== plan report -n 3 (the newest commits of this repository that changed plan items)"
	@$(PLAN) report --workspace . -n 3

test: deps
	$(SWIFT) test

clean:
	rm -rf .build

# The benchmark (not part of `make test`): release build, generated workspaces, bench/RESULTS.md.
bench: deps
	bench/run.sh
