# The front door: the README's commands and the CI workflows call these targets, nothing else.
# Each target does its own set-up (system packages, .venv, pinned Python packages) through scripts/setup.sh.
SHELL := /bin/bash
VENV := .venv
export NO_MKDOCS_2_WARNING := 1
# The program that builds and serves the site: mkdocs, or ProperDocs (the MkDocs 1.6 fork, in .venv-properdocs
# from requirements-properdocs.txt) with `make build ENGINE=properdocs`; both build the same site.
ENGINE ?= mkdocs
MKDOCS := $(if $(filter properdocs,$(ENGINE)),.venv-properdocs/bin/properdocs,$(VENV)/bin/mkdocs)
HOST ?= 127.0.0.1:8000
# The issues event of a filled-in proposal form (make from-issue; the workflow's own event file by default).
EVENT ?= $(GITHUB_EVENT_PATH)

.PHONY: serve build check new from-issue test links translations summary pdf bench setup setup-test

## serve: build and serve the site with live reload at http://$(HOST)/ (Arabic at /ar/)
# Not strict: while editing, a warning is printed but the page stays visible; `make build` is strict.
# SITE_URL: served at the root of the local address, not under the deployed site's path.
serve: setup
	SITE_URL=http://$(HOST)/ $(MKDOCS) serve --no-strict --dev-addr $(HOST)

## build: strict build of both languages into site/ (stamped: the tests reuse it while it is current)
build: setup
	$(MKDOCS) build --strict --clean
	$(VENV)/bin/python -m kb stamp site

## pdf: the exports (knowledge-base and kit PDFs, offline zips per language) into site/downloads/; the deploy
# build runs it. Build once, export into build/downloads/, then list the files with sizes on the built pages.
pdf: build
	$(VENV)/bin/python -m kb pdf --site site --out build/downloads --publish
	$(VENV)/bin/python -m kb stamp site build/downloads

## test: the whole test suite (unit, build, browser, exports), as CI runs it
test: setup-test
	$(VENV)/bin/python -m pytest

## bench: benchmarks that print figures and assert nothing (run them on a quiet machine): search against stock
# Material (bench/search_bench.py), first-view weight of an Arabic article (bench/weight.py), Lighthouse scores
# (bench/lighthouse.py), build time against stock Material + i18n at 100/500/1000 pages per language
# (bench/build_bench.py, several minutes)
bench: setup-test
	$(VENV)/bin/python bench/search_bench.py
	$(VENV)/bin/python bench/weight.py
	$(VENV)/bin/python bench/lighthouse.py
	$(VENV)/bin/python bench/build_bench.py

## links: request every external link in the content (needs the internet; CI runs it weekly)
links: setup
	$(VENV)/bin/python scripts/check_external_links.py --online docs kb/data

## translations: status of every page pair (fails on a missing page; outdated translations only warn)
translations: setup
	$(VENV)/bin/python -m kb translations

## from-issue: write a proposed case study's or initiative list's pages from an issue event (EVENT=event.json), for a draft pull
## request: the pages, then build/from-issue/ (body.md, branch, title) for scripts/draft_pr.sh
from-issue: setup
	@test -n "$(EVENT)" || { echo "usage: make from-issue EVENT=event.json (the issues event of a proposal form)"; exit 2; }
	$(VENV)/bin/python -m kb from-issue "$(EVENT)" --out build/from-issue

## summary: Markdown summary of the changes since BASE (default: the pull request's base, else main): pages,
## translations left outdated, problems, the preview; appended to $GITHUB_STEP_SUMMARY in Actions
summary: setup
	$(VENV)/bin/python -m kb summary $(if $(BASE),--base "$(BASE)")

## check: validate every page (front matter, sections, links in metadata, translations' metadata, unsafe HTML)
check: setup
	$(VENV)/bin/python -m kb check

## new: scaffold a page in both languages (its section lists it: no nav edit), e.g. make new KIND=case-study SLUG=my-story
new: setup
	@test -n "$(KIND)" -a -n "$(SLUG)" || { echo "usage: make new KIND=<kind> SLUG=my-page [TITLE='...'] [TITLE_AR='...'] (kinds: python -m kb new --help)"; exit 2; }
	$(VENV)/bin/python -m kb new "$(KIND)" "$(SLUG)" $(if $(TITLE),--title "$(TITLE)") $(if $(TITLE_AR),--title-ar "$(TITLE_AR)")

setup:
	@scripts/setup.sh site
	@$(if $(filter properdocs,$(ENGINE)),scripts/setup.sh properdocs)

setup-test:
	@scripts/setup.sh test
