"""Kits: render the Copier template from settings, build every document, move into place atomically."""

from replicate.kit.build import KitResult, new_kit
from replicate.kit.template import template_path

__all__ = ["KitResult", "new_kit", "template_path"]
