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
