"""publiccode.yml (standard 0.4): a model mirroring the official validator, and the kit's own file."""

from replicate.publiccode.kit import (
    PROJECT_URL,
    check_publiccode_settings,
    kit_publiccode,
    write_kit_publiccode,
)
from replicate.publiccode.model import PublicCode

__all__ = ["PROJECT_URL", "PublicCode", "check_publiccode_settings", "kit_publiccode", "write_kit_publiccode"]
