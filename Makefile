# The two commands of the README's quick start: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= examples/chu-exemple.yaml
OUT ?= out

.PHONY: install demo test lint bench report-png clean

$(BIN)/assess: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(BIN)/assess

demo: install
	$(BIN)/assess score $(EXAMPLE)
	@mkdir -p $(OUT)
	$(BIN)/assess report $(EXAMPLE) -o $(OUT)/rapport-chu.pdf
	@echo "PDF : $(OUT)/rapport-chu.pdf"

test: install
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check assess tests bench
	$(BIN)/ruff format --check assess tests bench
	$(BIN)/mypy assess

lint: install
	$(BIN)/ruff check assess tests bench
	$(BIN)/ruff format --check assess tests bench
	$(BIN)/mypy assess

bench: install
	$(BIN)/python bench/score.py

report-png: install
	@mkdir -p $(OUT)/png
	$(BIN)/assess report $(EXAMPLE) -o $(OUT)/rapport-chu.pdf
	pdftoppm -png -r 60 $(OUT)/rapport-chu.pdf $(OUT)/png/page
	@echo "PNG pages in $(OUT)/png/"

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .mypy_cache .ruff_cache
