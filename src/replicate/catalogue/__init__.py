"""A static, offline catalogue site over the kits of a batch output (for award organisers and networks)."""

from replicate.catalogue.read import CatalogueKit, read_kits
from replicate.catalogue.site import FEED, build_catalogue

__all__ = ["FEED", "CatalogueKit", "build_catalogue", "read_kits"]
