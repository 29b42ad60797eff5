"""Settings: one typed, documented model of a local project, loaded from TOML/YAML and ``REPLICATE_*``."""

from replicate.settings.load import load_settings
from replicate.settings.model import LANGUAGE_NAMES
from replicate.settings.root import Settings
from replicate.settings.starter import starter_toml

__all__ = ["LANGUAGE_NAMES", "Settings", "load_settings", "starter_toml"]
