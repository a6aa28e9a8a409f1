# plan: the two commands a newcomer needs are `make run` and `make test`.
SWIFT ?= swift
# apt-get needs root; use sudo when not root and sudo exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)
PLAN := .build/debug/plan

.PHONY: all deps build release run test corpus sanitize lint format bench fuzz man install clean

all: build

# libgit2 and zlib (ZIPFoundation inflates with it) from Debian's packages, installed only when
# pkg-config does not find them.
deps:
	@pkg-config --exists libgit2 zlib 2>/dev/null || { \
		echo "Installing libgit2-dev and zlib1g-dev (needs apt-get)…"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y libgit2-dev zlib1g-dev pkg-config; }

build: deps
	$(SWIFT) build

# The Swift runtime and Foundation linked in: a third fewer dynamic-linking steps at every start,
# which a git hook pays on every commit.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

# Checks the bundled workspace (the repository itself), then writes its site. Warnings only: exits 0.
run: build
	@echo "== plan check (bundled workspace: plans/dvk-2021)"
	@$(PLAN) check --workspace .
	@echo
	@echo "== plan status"
	@$(PLAN) status --workspace .
	@echo
	@echo "== plan report -n 3 (the newest commits of this repository that changed plan items)"
	@$(PLAN) report --workspace . -n 3
	@echo
	@echo "== plan site (the dashboard of the bundled plan; open the page below in a browser)"
	@$(PLAN) site --workspace . --output .build/site

test: deps
	$(SWIFT) test

# Imports every plan of the development corpus and compares the items with the hand-made expected lists.
corpus: deps
	$(SWIFT) run PlanCorpus Tests/Fixtures/corpus

# The library, git and history tests again under the address and the thread sanitizer (CI runs this).
SANITIZED := PlanKitTests|PlanGitTests|PlanRepoTests
sanitize: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build/asan --filter '$(SANITIZED)'
	$(SWIFT) test --sanitize=thread --scratch-path .build/tsan --filter '$(SANITIZED)'

clean:
	rm -rf .build

# The code's layout is .swift-format's: `make format` rewrites it, `make lint` (CI) only checks.
FORMATTED := Sources Tests Fuzz Package.swift
format:
	swift-format format --in-place --recursive --parallel $(FORMATTED)
lint:
	swift-format lint --strict --recursive --parallel $(FORMATTED)

# libFuzzer targets with the address sanitizer, FUZZ_SECONDS each (default 60). Not part of `make test`.
fuzz: deps
	Fuzz/run.sh

# The man page, generated from the same help text as `plan --help`.
# The manual plugin builds plan again in release mode without the static Swift runtime: in a build
# folder of its own, so it never replaces the binary of `make release`.
MAN := .build/man/plugins/GenerateManual/outputs/plan/plan.1
man: deps
	$(SWIFT) package --scratch-path .build/man plugin generate-manual
	@echo "man page: $(MAN) (read it with: man -l $(MAN))"

# Installs plan, its man page and shell completions under PREFIX (default ~/.local).
PREFIX ?= $(HOME)/.local
install: release man
	install -d $(PREFIX)/bin $(PREFIX)/share/man/man1 $(PREFIX)/share/bash-completion/completions \
		$(PREFIX)/share/zsh/site-functions $(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/release/plan $(PREFIX)/bin/plan
	install -m 644 $(MAN) $(PREFIX)/share/man/man1/plan.1
	$(PREFIX)/bin/plan --generate-completion-script bash > $(PREFIX)/share/bash-completion/completions/plan
	$(PREFIX)/bin/plan --generate-completion-script zsh > $(PREFIX)/share/zsh/site-functions/_plan
	$(PREFIX)/bin/plan --generate-completion-script fish > $(PREFIX)/share/fish/vendor_completions.d/plan.fish

# The benchmark (not part of `make test`): release build, generated workspaces, bench/RESULTS.md.
bench: deps
	bench/run.sh
