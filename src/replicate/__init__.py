"""replicate: build a local "Perspektive Bleiberecht" advice-project kit from one settings file.

The public API is small: load settings, build a kit. Everything else is an implementation detail.
"""

from replicate.errors import ReplicateError

__version__ = "0.1.0"

__all__ = ["ReplicateError", "__version__"]
