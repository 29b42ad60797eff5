"""The single-file, offline, fillable intake form: one HTML page with inline CSS, data and script.

The page has a strict Content-Security-Policy (nothing may be loaded or sent; only the inline script and style
with the listed hashes run), builds its fields from the embedded definition and saves the case record as a
JSON file on the device. See ``web/form.js``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import asdict
from html import escape
from importlib import resources
from string import Template
from typing import Any

from replicate.caserecord import SCHEMA_VERSION
from replicate.caserecord.model import READABLE_VERSIONS
from replicate.caserecord.nationality import country_names
from replicate.forms.adviser import history_data
from replicate.forms.definition import FormField, Section, cldr_name, form_sections, is_word
from replicate.forms.layout import load_layout
from replicate.forms.limits import MAX_FILE_BYTES, MAX_LIST_ITEMS
from replicate.forms.texts import UI
from replicate.forms.translate import ENDONYMS, UNTRANSLATED, Translator
from replicate.languages import is_rtl


def _asset(name: str) -> str:
    return resources.files("replicate.forms").joinpath("web", name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    """The CSP source expression (``'sha256-…'``) allowing exactly this inline script or style."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _field_data(f: FormField) -> dict[str, Any]:
    data = asdict(f)
    data["children"] = [_field_data(child) for child in f.children]
    data["choices"] = [list(choice) for choice in f.choices]
    layout = load_layout()
    # shown where the layout declares it; the fields inside a group inherit it silently
    shown = f.pathways if f.path in layout.relevance else ()
    data["pathways"] = [layout.pathways[p] for p in shown]
    return data


def _texts(sections: tuple[Section, ...], tr: Translator) -> dict[str, Any]:
    """Every text of the page in ``tr``'s language: client texts from the catalogs, country names from
    CLDR, and the adviser sections' texts in German (they are not translated)."""
    german: set[str] = set()
    kept: set[str] = set()
    countries: dict[str, str] = {}
    for section in sections:
        target = kept if section.adviser else german
        target.add(section.title)
        for leaf in [f for top in section.fields for f in _walk(top)]:
            target |= {leaf.label, leaf.help}
            kept |= {label for value, label in leaf.choices if not is_word(value, label)}
            for value, label in leaf.choices:
                if cldr_name(leaf, value):
                    countries[label] = country_names(tr.lang)[value]
                elif is_word(value, label):
                    target.add(label)
    german -= kept | set(countries)
    german.discard("")
    kept.discard("")
    texts = {g: tr(g) for g in sorted(german)} | {k: k for k in kept} | countries
    return {"ui": {key: tr(text) for key, text in UI.items()}, "msg": texts}


def _walk(f: FormField) -> list[FormField]:
    return [f, *(g for child in f.children for g in _walk(child))]


def page_data(translators: list[Translator]) -> dict[str, Any]:
    """What the page's script needs: languages, structure, and every text in every language."""
    sections = form_sections()
    return {
        "schema_version": SCHEMA_VERSION,
        "readable_versions": list(READABLE_VERSIONS),
        "limits": {"max_bytes": MAX_FILE_BYTES, "max_items": MAX_LIST_ITEMS},
        "history": history_data(),
        "untranslated": UNTRANSLATED,
        "languages": [
            {"code": t.lang, "name": ENDONYMS.get(t.lang, t.lang), "dir": "rtl" if is_rtl(t.lang) else "ltr"}
            for t in translators
        ],
        "sections": [
            {"id": s.id, "title": s.title, "adviser": s.adviser, "fields": [_field_data(f) for f in s.fields]}
            for s in sections
        ],
        "texts": {t.lang: _texts(sections, t) for t in translators},
    }


def fillable_form(translators: list[Translator], project: str) -> str:
    """The complete HTML page; ``translators`` give the languages in switch order (German first)."""
    script = _asset("form.js")
    style = _asset("form.css")
    data = json.dumps(page_data(translators), ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    csp = (
        f"default-src 'none'; script-src {csp_hash(script)}; style-src {csp_hash(style)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return Template(_asset("page.html")).substitute(
        csp=csp,
        title=escape(UI["title"]),
        project=escape(project),
        intro=escape(UI["intro"]),
        save=escape(UI["save"]),
        load=escape(UI["load"]),
        css=style,
        js=script,
        data=data,
    )
