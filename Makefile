# One entry point for humans and CI.
PY ?= python

.PHONY: test lint bench ci fuzz probes
test:
	$(PY) -m pytest -q

lint:
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m ruff format --check src tests benchmarks
	$(PY) -m mypy

bench:
	$(PY) benchmarks/bench_new.py
	$(PY) benchmarks/bench_errors.py
	$(PY) benchmarks/bench_hostile_inputs.py
	$(PY) benchmarks/bench_screen.py
	$(PY) benchmarks/bench_update.py
	$(PY) benchmarks/bench_batch.py
	$(PY) benchmarks/bench_report.py

ci: lint test  ## what .ci/run checks after installing

probes:  ## issue 9's probes in one run (odd settings, caseloads, files, filesystem, signals; ~15 min)
	$(PY) benchmarks/probes.py

fuzz:  ## the input fuzz tests with many more examples than in `make test`
	FUZZ_EXAMPLES=5000 $(PY) -m pytest -q tests/fuzz

.PHONY: docs
docs:  ## regenerate docs generated from code (case-record schema and field reference)
	$(PY) -c "from replicate.caserecord.docs import field_reference, schema_json; \
	open('docs/case-record.md', 'w', encoding='utf-8').write(field_reference()); \
	open('docs/case-record.schema.json', 'w', encoding='utf-8').write(schema_json())"
