# Only runs tools. `make demo` and `make test` install into .venv when needed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := samples/changde-2024.txt
# A made-up previous year of the sample (tests/diffkit.edited_sample, years set to 2023).
PREVIOUS := samples/report/changde-2023-made-up.txt
CHROMIUM ?= chromium

.PHONY: install demo test test-fast lint bench golden clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,pdf,ocr]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/yaodian parse $(SAMPLE) --format json -o out/changde-2024.json --force
	$(BIN)/yaodian parse $(SAMPLE) --format md -o out/changde-2024.md --force
	$(BIN)/yaodian parse $(SAMPLE) --format csv -o out/changde-2024-分工.csv --force
	$(BIN)/yaodian offices $(SAMPLE) --format csv > out/changde-2024-科室.csv
	$(BIN)/yaodian export $(SAMPLE) -o out/changde-2024-任务分解 --force
	$(BIN)/yaodian sheets $(SAMPLE) -o out/changde-2024-任务清单合订本.docx --single --force
	$(BIN)/yaodian tasks $(SAMPLE) --format md -o out/changde-2024-科室任务.md --force
	$(BIN)/yaodian tasks $(SAMPLE) --format xlsx -o out/changde-2024-科室任务.xlsx --force
	$(BIN)/yaodian check $(SAMPLE)
	$(BIN)/yaodian diff samples/diff/2023.txt samples/diff/2024.txt --format md -o out/diff-2023-2024.md --force
	$(BIN)/yaodian diff samples/diff/2023.txt samples/diff/2024.txt -o out/diff-2023-2024.xlsx --force
	$(BIN)/yaodian diff samples/diff/2023.txt samples/diff/2024.txt -o out/diff-2023-2024.docx --force
	$(BIN)/yaodian ledger $(SAMPLE) -o out/changde-2024-台账.xlsx --force
	$(BIN)/yaodian report $(SAMPLE) --previous $(PREVIOUS) --ledger out/changde-2024-台账.xlsx \
	  --as-of 2024-07-01 -o out/changde-2024-报告.html --force
	@# Screenshots of the report, laptop and phone, by the system's headless Chromium when there is one.
	@if command -v $(CHROMIUM) >/dev/null 2>&1; then \
	  profile=$$(mktemp -d); for size in 1366,900 390,844; do \
	    $(CHROMIUM) --headless --no-sandbox --disable-gpu --disable-background-networking \
	      --disable-component-update --no-first-run --hide-scrollbars --user-data-dir=$$profile \
	      --window-size=$$size --screenshot=$(CURDIR)/out/changde-2024-报告-$${size%,*}.png \
	      file://$(CURDIR)/out/changde-2024-报告.html >/dev/null 2>&1 || exit 1; \
	    echo "截图：out/changde-2024-报告-$${size%,*}.png"; done; rm -rf $$profile; \
	else echo "没有找到 $(CHROMIUM)，跳过报告截图"; fi
	@for f in samples/shapes/*.txt; do \
	  $(BIN)/yaodian parse $$f --format json -o out/$$(basename $$f .txt).json --force || exit 1; done
	$(BIN)/yaodian offices $(SAMPLE)
	@echo "输出文件："; ls -1 out

test: $(STAMP)
	$(BIN)/python -m pytest -n 2

# Everything but the tests that run LibreOffice (marked soffice) or recognise whole scanned
# pages (marked ocr): minutes less, for quick rounds.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -n 2 -m "not soffice and not ocr"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: $(STAMP)
	@# Byte-compile first: start-up figures must not include compiling our sources, which a
	@# machine with PYTHONDONTWRITEBYTECODE set would otherwise do on every run.
	$(BIN)/python -m compileall -q src
	$(BIN)/python bench/run.py

golden: $(STAMP)
	$(BIN)/python -m pytest --update-golden tests

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
