# Two commands set everything up on a fresh machine with only python3:
#   make run    - the app on the bundled decks (installs only what the app needs)
#   make test   - the whole test suite (adds the test tools: pytest, anki, hypothesis, ruff ...)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test bench lint check clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==25.3"
	PIP_CONSTRAINT=$(CURDIR)/constraints.txt $(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	PIP_CONSTRAINT=$(CURDIR)/constraints.txt $(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(TEST_STAMP)

run: $(STAMP)
	$(BIN)/quizapp $(ARGS)

test: $(TEST_STAMP)
	TEXTUAL_ANIMATIONS=none $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(TEST_STAMP)
	$(BIN)/python bench/run_all.py $(ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check quizapp tests bench
	$(BIN)/ruff format --check quizapp tests bench

check: $(STAMP)
	$(BIN)/quizapp check decks/

clean:
	rm -rf $(VENV) build dist
