"""Every German text the forms show to clients: the source messages of the catalogs."""

from __future__ import annotations

from dataclasses import dataclass

from replicate.forms.consent import ConsentValues, einwilligung, schweigepflichtentbindung
from replicate.forms.definition import all_fields, cldr_name, form_sections, is_word
from replicate.forms.texts import UI


@dataclass(frozen=True)
class Source:
    """One message to translate and where it is used (shown to translators)."""

    msgid: str
    context: str


def _consent_messages() -> list[Source]:
    """Run the consent builders with a recording translator, all optional parts switched on."""
    seen: list[Source] = []
    sample = ConsentValues("o", "p", "a", "e", "b", "h", removal_authority="z")
    for name, build in (
        ("einwilligung", einwilligung),
        ("schweigepflichtentbindung", schweigepflichtentbindung),
    ):

        def record(msgid: str, name: str = name) -> str:
            seen.append(Source(msgid, f"formulare/<Sprache>/{name}"))
            return msgid

        build(record, sample)
    return seen


def source_messages() -> list[Source]:
    """All messages, each once, in a stable order: interface, sections, fields, values, consent forms."""
    found: list[Source] = [Source(text, f"Oberfläche: {key}") for key, text in UI.items()]
    sections = tuple(s for s in form_sections() if not s.adviser)  # adviser sections stay German
    for section in sections:
        found.append(Source(section.title, f"Abschnitt {section.id}"))
    fields = all_fields(sections)
    for f in fields:
        found.append(Source(f.label, f"Feld {f.path}"))
        if f.help:
            found.append(Source(f.help, f"Hilfetext {f.path}"))
    for f in fields:
        found += [
            Source(label, f"Wert {value} von {f.path}")
            for value, label in f.choices
            if is_word(value, label) and not cldr_name(f, value)
        ]
    found += _consent_messages()
    unique: dict[str, Source] = {}
    for source in found:
        unique.setdefault(source.msgid, source)
    return list(unique.values())
