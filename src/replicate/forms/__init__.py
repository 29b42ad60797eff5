"""Intake and consent forms: one definition derived from the case record, printable and offline-fillable
forms, client-language consent forms, gettext catalogs (Babel) and a FIM-aligned field mapping."""

from replicate.forms.definition import FormField, Section, form_sections
from replicate.forms.write import write_forms

__all__ = ["FormField", "Section", "form_sections", "write_forms"]
