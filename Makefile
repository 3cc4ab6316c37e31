# The two commands that matter (see README.md):
#   make serve   set up what is missing, build the page and serve it on http://127.0.0.1:8000/
#   make test    set up what is missing and run every test
SHELL := bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8000
WASM_PACK := wasm-pack --quiet
PKG := www/pkg/article_annotator_bg.wasm
SOURCES := $(shell find src -type f) Cargo.toml Cargo.lock

.PHONY: serve test setup setup-serve build dist lint test-native test-wasm test-e2e bench eval

serve: setup-serve build
	@echo "Serving the page on http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

test: setup lint test-native test-wasm build test-e2e

setup:
	@bash scripts/setup.sh test

setup-serve:
	@bash scripts/setup.sh serve

# Release build with wasm-opt (binaryen from npm, first on PATH); --mode no-install makes a
# wasm-bindgen version drift an error instead of a hidden download.
build: $(PKG) dist
$(PKG): $(SOURCES) www/unpack.js www/encode.js scripts/flatten-glue.mjs
	@command -v wasm-opt >/dev/null || { echo "wasm-opt not found (npm's binaryen): run 'bash scripts/setup.sh serve' first; without it the module ships unoptimized" >&2; exit 1; }
	$(WASM_PACK) build --mode no-install --profile wasm --target web --out-dir www/pkg --no-pack
	@rm -f www/pkg/.gitignore
	@node scripts/flatten-glue.mjs
	@printf 'wasm size: %s bytes, gzipped %s bytes\n' "$$(stat -c %s $(PKG))" "$$(gzip -9c $(PKG) | wc -c)"

# Both builds: some code differs in the browser build (32-bit usize, no threads).
lint:
	cargo fmt --check
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown --lib --tests -- -D warnings

test-native:
	cargo test --quiet

# Not --quiet: wasm-pack hands it on to wasm-bindgen-test-runner, which rejects it.
test-wasm:
	wasm-pack test --mode no-install --headless --chrome --firefox

# The page as one self-contained HTML file (wasm inlined) that works from file://.
dist: dist/annotator.html
dist/annotator.html: $(PKG) $(wildcard www/*.*) scripts/single-file.mjs
	node scripts/single-file.mjs

# End-to-end: the release build served from www/ in Chromium (playwright-core) and Firefox (WebDriver).
test-e2e: build
	node e2e/page.mjs
	node e2e/firefox.mjs

# Benchmarks (not part of `make test`): criterion natively, the release .wasm and compromise in
# headless Chromium, the CLI's peak memory on 10 MB; bench/summary.mjs prints one table.
bench: setup build
	cargo bench --bench annotate
	cargo build --quiet --release --bin annotate
	@mkdir -p target/bench
	@if node bench/texts.mjs write target/bench/news-10MB.txt 10000000; then \
	  /usr/bin/time -v ./target/release/annotate target/bench/news-10MB.txt > /dev/null 2> target/bench/time-10MB.txt; \
	else rm -f target/bench/time-10MB.txt; fi
	node bench/run.mjs > target/bench/browser.json
	@node bench/summary.mjs

eval:
	cargo build --quiet --release --bin annotate
	@for f in ../shared/data/dev/*.jsonl; do \
	  echo "== $$(basename $$f)"; \
	  ./target/release/annotate predict < $$f > target/pred-$$(basename $$f); \
	  python3 ../shared/tools/score.py $$f target/pred-$$(basename $$f) | tail -n +2; \
	done
