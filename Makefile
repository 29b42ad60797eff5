# One entry point for humans and CI.
PY ?= python

.PHONY: test lint bench
test:
	$(PY) -m pytest -q

lint:
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m ruff format --check src tests benchmarks
	$(PY) -m mypy

bench:
	$(PY) benchmarks/bench_new.py

.PHONY: docs
docs:  ## regenerate docs generated from code (case-record schema and field reference)
	$(PY) -c "from replicate.caserecord.docs import field_reference, schema_json; \
	open('docs/case-record.md', 'w', encoding='utf-8').write(field_reference()); \
	open('docs/case-record.schema.json', 'w', encoding='utf-8').write(schema_json())"
