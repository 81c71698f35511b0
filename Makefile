# Measurement one-liners. `make eval` prints the scoreboard on every dev set in ../shared/data;
# `make bench` the throughput on the generated corpus. See docs/evaluation.md.

EVENTWIRE ?= .venv/bin/eventwire
DATA ?= ../shared/data
PROCESSES ?= 2
ARTIFACTS ?= artifacts

.PHONY: eval bench bench-fakes

eval:
	@mkdir -p $(ARTIFACTS)
	$(EVENTWIRE) eval --all $(DATA) --processes $(PROCESSES) --out $(ARTIFACTS)/scoreboard.json

bench:
	@mkdir -p $(ARTIFACTS)
	$(EVENTWIRE) bench generated --processes $(PROCESSES) --out $(ARTIFACTS)/bench-generated.json

bench-fakes:
	@mkdir -p $(ARTIFACTS)
	$(EVENTWIRE) bench $(DATA)/fakes/articles.jsonl --processes $(PROCESSES) --out $(ARTIFACTS)/bench-fakes.json
