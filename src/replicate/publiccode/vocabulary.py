"""Controlled vocabularies of the publiccode.yml standard, read from ``vocabulary.yaml`` (data with its source)."""

from __future__ import annotations

from pathlib import Path

import yaml

_DATA = yaml.safe_load((Path(__file__).with_name("vocabulary.yaml")).read_text(encoding="utf-8"))

CATEGORIES: frozenset[str] = frozenset(_DATA["categories"])
"""Allowed values of ``categories``."""
SCOPES: frozenset[str] = frozenset(_DATA["scopes"])
"""Allowed values of ``intendedAudience.scope``."""
VERSIONS: frozenset[str] = frozenset(_DATA["versions"])
"""Values of ``publiccodeYmlVersion`` the official validator accepts for the 0.x schema."""
