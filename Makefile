# make site: install what is missing, build Satchel (release), generate public/ from content/.
# make test: install what is missing, run every test (Swift unit and end-to-end tests, browser tests with the Nu
# HTML Checker and axe, a short fuzz run).
SWIFT ?= swift
SATCHEL := .build/release/satchel

.PHONY: site test build deps test-deps bench bench-scale fuzz screenshots clean

site: deps build
	$(SATCHEL) build --content content --output public

build:
	$(SWIFT) build -c release --product satchel

deps:
	scripts/install-deps build

test-deps:
	scripts/install-deps test

test: test-deps build
	$(SWIFT) test
	$(SATCHEL) build --content content --output public --quiet
	$(SATCHEL) check --links public
	python3 -m pytest -q Tests/browser
	scripts/fuzz 30

# Speed and memory on a generated 10,000-page catalog, against Hugo in the same run (see Benchmarks/README.md).
bench: deps build
	@command -v hugo >/dev/null || { [ "$$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null; } || true
	python3 Benchmarks/run_bench.py
	python3 Benchmarks/run_bench.py --runs 3 --work /dev/shm/satchel-bench
	rm -rf /dev/shm/satchel-bench
	python3 Benchmarks/search_bench.py --runs 5 --work /dev/shm/satchel-search-bench
	rm -rf /dev/shm/satchel-search-bench

# The scaling runs on tmpfs: 10,000 against 100,000 pages (full builds, alternated), then every measurement of
# make bench at 100,000 pages, once, without Hugo (about 400 MB of Markdown; several minutes).
bench-scale: deps build
	python3 Benchmarks/scale_bench.py --runs 3 --work /dev/shm/satchel-scale-bench
	python3 Benchmarks/run_bench.py --pages 100000 --runs 1 --no-hugo --work /dev/shm/satchel-bench-100k
	rm -rf /dev/shm/satchel-bench-100k

# libFuzzer on front matter splitting, YAML validation and body-link rewriting for FUZZ_SECONDS (see scripts/fuzz).
FUZZ_SECONDS ?= 60
fuzz: deps
	scripts/fuzz $(FUZZ_SECONDS)

# The default theme's main pages, light and dark, at 1280 and 390 px, into docs/screenshots/ (shown in README).
screenshots: test-deps build
	python3 scripts/screenshots.py

clean:
	rm -rf .build public
