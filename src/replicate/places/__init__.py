"""Places: municipality kinds, the 16 Länder and data-protection regimes as dated, sourced data.

The data lives in ``places/data/*.yaml``; the Copier template reads the same data through a generated
include (``template/includes/places_data.jinja``), so there is one source for both.
"""

from replicate.languages import check_language, endonym, is_rtl, language_name

__all__ = ["check_language", "endonym", "is_rtl", "language_name"]
