"""Every German text the forms show to clients: the source messages of the catalogs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from replicate.forms.consent import LAW_KEYS, ConsentValues, Tr, einwilligung, schweigepflichtentbindung
from replicate.forms.definition import all_fields, cldr_name, form_sections, is_word
from replicate.forms.family import informationen_angehoerige
from replicate.forms.letter import SENDERS, LetterValues, informationsbrief
from replicate.forms.notice import datenschutzhinweise
from replicate.forms.texts import UI


@dataclass(frozen=True)
class Source:
    """One message to translate and where it is used (shown to translators)."""

    msgid: str
    context: str


def _consent_messages() -> list[Source]:
    """Run the client-document builders with a recording translator, every optional part switched on."""
    seen: list[Source] = []
    law = {key: key for key in LAW_KEYS}
    sample = ConsentValues("o", "p", "a", "e", "b", "h", removal_authority="z", law=law, supervisor="s")
    keys = ("organisation", "contact_role", "address", "phone", "email", "advice_languages", "project")
    names = {key: key for key in (*keys, "authority", "authority_name", "authority_address", "place")}
    names |= {"provider": "x", "languages": "l"}
    letters = [
        LetterValues(names, names, sender, legal, others=True)
        for sender in SENDERS
        for legal in (True, False)
    ]
    builds: list[tuple[str, Callable[[Tr], object]]] = [
        ("einwilligung", lambda tr: einwilligung(tr, sample)),
        ("schweigepflichtentbindung", lambda tr: schweigepflichtentbindung(tr, sample)),
        ("datenschutzhinweise", lambda tr: datenschutzhinweise(tr, sample)),
        ("informationen-angehoerige", lambda tr: informationen_angehoerige(tr, sample)),
        *[("informationsbrief", lambda tr, v=v: informationsbrief(tr, v)) for v in letters],
    ]
    for name, build in builds:

        def record(msgid: str, name: str = name) -> str:
            seen.append(Source(msgid, f"formulare/<Sprache>/{name}"))
            return msgid

        build(record)
    return seen


def source_messages() -> list[Source]:
    """All messages, each once, in a stable order: interface, sections, fields, values, client documents."""
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
