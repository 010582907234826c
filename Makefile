# Two commands for a newcomer: `make demo` (the main job on the embedded store) and `make test`.
PY ?= python3
VENV ?= .venv
KG := $(VENV)/bin/kg

.PHONY: demo test install eval lint bench clean vendor

demo:            ## install, ingest the example articles, write the views, serve the API on :8000
	bash scripts/demo.sh

test:            ## install everything, start real Neo4j, run the whole test suite and the quality floor
	bash scripts/test.sh

install:
	bash scripts/install.sh

eval: install    ## score extraction on ../shared/eval/dev
	bash scripts/eval.sh

lint: install
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/mypy

clean:
	rm -rf $(VENV) .actorgraph out

vendor:          ## re-vendor vis-timeline, swagger-ui-dist and redoc from npm into viz/static (pinned)
	bash scripts/vendor.sh
