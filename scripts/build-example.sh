#!/usr/bin/env bash
# Install replicate into .venv and build the Dresden kit into kits/dresden (replacing an older build).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q -e '.[dev]'
.venv/bin/replicate new examples/dresden.toml kits/dresden --force
