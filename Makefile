# make run: the bot (Slack/Discord when tokens are configured, else a terminal chat).
# make test: ruff, mypy on bot/, and pytest. Both create .venv on first use and refresh it
# when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval check clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
	@$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]' >&2
	@touch $(STAMP)

run: $(STAMP)
	@$(PY) -m bot run

test: $(STAMP)
	$(PY) -m ruff check bot tests
	$(PY) -m mypy bot
	$(PY) -m pytest

bench: $(STAMP)
	@$(PY) -m bot bench

eval: $(STAMP)
	@$(PY) ../shared/eval/score.py --cmd "$(PY) -m bot ask --json"

check: $(STAMP)
	@$(PY) -m bot check

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
