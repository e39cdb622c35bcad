# Every target creates the venv on first use, so a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval screenshot clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check .

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

screenshot: $(STAMP)
	$(PY) main.py screenshot resources/screenshot.png --size 1400x860

# Scores the extractor against the gold files in ../shared/eval (not shipped with the repo) and
# our own two hand-annotated check sets of real articles (tests/fixtures/eval: 25 articles whose
# errors have guided rules since, and 15 annotated blind and kept unseen); every miss, spurious
# quote and wrong speaker is listed in build/*.score.
eval: $(STAMP)
	mkdir -p build/dev
	$(PYTHON) ../shared/eval/texts.py ../shared/eval/polnear-dev.jsonl build/dev
	$(PY) main.py extract --jsonl build/dev/*.txt > build/dev.pred
	$(PYTHON) ../shared/eval/score.py ../shared/eval/polnear-dev.jsonl build/dev.pred > build/dev.score
	grep -E '^gold=' build/dev.score
	$(PY) main.py extract --jsonl data/sample/*.txt > build/sample.pred
	$(PYTHON) ../shared/eval/score.py ../shared/eval/sample-gold.jsonl build/sample.pred > build/sample.score
	grep -E '^gold=' build/sample.score
	mkdir -p build/heldout-texts
	$(PYTHON) ../shared/eval/texts.py tests/fixtures/eval/corpus-heldout.jsonl build/heldout-texts
	$(PY) main.py extract --jsonl build/heldout-texts/*.txt > build/heldout.pred
	$(PYTHON) ../shared/eval/score.py tests/fixtures/eval/corpus-heldout.jsonl build/heldout.pred > build/heldout.score
	grep -E '^gold=' build/heldout.score
	mkdir -p build/fresh-texts
	$(PYTHON) ../shared/eval/texts.py tests/fixtures/eval/corpus-fresh.jsonl build/fresh-texts
	$(PY) main.py extract --jsonl build/fresh-texts/*.txt > build/fresh.pred
	$(PYTHON) ../shared/eval/score.py tests/fixtures/eval/corpus-fresh.jsonl build/fresh.pred > build/fresh.score
	grep -E '^gold=' build/fresh.score

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache
