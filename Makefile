# make site: install what is missing, build Satchel (release), generate public/ from content/.
# make test: install what is missing, run every test (Swift unit and end-to-end tests, browser tests).
SWIFT ?= swift
SATCHEL := .build/release/satchel

.PHONY: site test build deps test-deps clean

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

clean:
	rm -rf .build public
