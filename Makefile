# make run: the bot (Slack/Discord when tokens are configured, else a terminal chat).
# make test: ruff, mypy on bot/, and pytest. Both create .venv on first use and refresh it
# when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test browser bench eval heldout calibrate check clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
	@$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]' >&2
	@touch $(STAMP)

run: $(STAMP)
	@$(PY) -m bot run

test: $(STAMP) browser
	$(PY) -m ruff check bot tests
	$(PY) -m mypy bot
	$(PY) -m pytest

# The source-page test runs a real headless Chromium (Debian's package) where it can be installed.
browser:
	@command -v chromium >/dev/null 2>&1 || { echo "installing chromium for the browser test" >&2; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
	  || echo "could not install chromium: the browser test will be skipped" >&2; }

bench: $(STAMP)
	@$(PY) -m bot bench
	@$(PY) -m tests.benchmarks.frontend_latency
	@$(PY) -m tests.benchmarks.questionlog_latency

# Every question set (../shared/eval when it is beside the checkout, and tests/data) in one table.
# Without ../shared/eval it scores tests/data and says what is missing; TALKSBOT_SHARED_EVAL=DIR
# points it at the shared sets elsewhere.
eval: $(STAMP)
	@$(PY) -m bot eval

# Our held-out batches (tests/heldout), scored in aggregate: read its README before anything else.
heldout: $(STAMP)
	@$(PY) -m bot eval --no-shared --sets tests/heldout

# Refit the decider on tests/data and write bot/core/decider.json (then run make test).
calibrate: $(STAMP)
	@$(PY) -m bot.calibrate --write

check: $(STAMP)
	@$(PY) -m bot check

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
