"""The kit's ``index.html``: one page that links every document in every format."""

from __future__ import annotations

import html
import re
from itertools import groupby
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from replicate.kit.documents import document_title
from replicate.languages import german_names, language_name
from replicate.settings import Settings

SECTIONS = {
    ".": "Überblick",
    "projekt": "Projekt",
    "start": "Start: Beschluss, Finanzierung, Startplan",
    "vereinbarung": "Kooperationsvereinbarung",
    "datenschutz": "Datenschutz",
    "regeln": "Regeln und Prüfschema",
    "formulare": "Formulare",
    "berichtswesen": "Berichtswesen",
}

FORMAT_LABELS = {"html": "Web", "docx": "Word", "odt": "LibreOffice", "pdf": "PDF", "md": "Markdown-Quelle"}

_PAGE = """<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; max-width: 52rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
ul { list-style: none; padding: 0; } li { margin: .6rem 0; }
.formats a { margin-right: .8rem; font-size: .9rem; }
.note { background: #f4f4f4; padding: .8rem 1rem; border-left: 4px solid #888; }
</style>
</head>
<body>
<h1>{{ title }}</h1>
<p>{{ municipality }} · {{ authority }} · {{ organisation }}</p>
<p>Stand der Rechtslage: {{ reference_date }}</p>
{% for note in notes %}<p class="note">{{ note }}</p>
{% endfor %}
{% for section, entries in sections %}<h2>{{ section }}</h2>
<ul>
{% for entry in entries %}<li><a href="{{ entry.main }}"><bdi>{{ entry.title }}</bdi></a><br>
<span class="formats">{% for label, href in entry.links %}<a href="{{ href }}">{{ label }}</a>{% endfor %}</span></li>
{% endfor %}</ul>
{% endfor %}
<p>Die Unterlagen sind Entwürfe und Arbeitshilfen; sie ersetzen keine Rechtsberatung im Einzelfall.</p>
</body>
</html>
"""


def write_index(settings: Settings, kit_dir: Path, documents: list[Path]) -> Path:
    """Write ``index.html`` (every value HTML-escaped by Jinja's autoescape)."""
    formats = list(settings.kit.formats)
    entries = []
    for relative in documents:
        stem = relative.with_suffix("")
        links = [(FORMAT_LABELS[f], f"{stem.as_posix()}.{f}") for f in formats]
        links.append((FORMAT_LABELS["md"], relative.as_posix()))
        title = document_title((kit_dir / relative).read_text(encoding="utf-8"), relative.stem)
        folder = relative.parts[0] if len(relative.parts) > 1 else "."
        if len(relative.parts) > 2 and relative.parts[1] in german_names():
            title = f"{language_name(relative.parts[1])}: {title}"
        entries.append({"folder": folder, "title": title, "main": links[0][1], "links": links})
    for standalone in sorted(kit_dir.rglob("*.html")):  # pages such as the offline intake form
        relative = standalone.relative_to(kit_dir)
        if relative.as_posix() == "index.html" or standalone.with_suffix(".md").exists():
            continue
        found = re.search(r"<title>(.*?)</title>", standalone.read_text(encoding="utf-8"), flags=re.S)
        title = html.unescape(found.group(1)).strip() if found else relative.stem
        folder = relative.parts[0] if len(relative.parts) > 1 else "."
        link = relative.as_posix()
        entries.append(
            {"folder": folder, "title": title, "main": link, "links": [("Web, offline ausfüllbar", link)]}
        )
    order = list(SECTIONS)
    entries.sort(
        key=lambda e: (
            order.index(e["folder"]) if e["folder"] in order else len(order),
            e["main"].count("/"),  # a folder's own documents before its language subfolders
            "/anlage-" in e["main"],  # the main document before its annexes
            e["main"],
        )
    )
    sections = [
        (SECTIONS.get(folder, folder), list(group))
        for folder, group in groupby(entries, key=lambda e: e["folder"])
    ]
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    page = env.from_string(_PAGE).render(
        title=f"Kit „{settings.advice_service.project_name}“",
        municipality=settings.municipality.name,
        authority=settings.authority.name,
        organisation=settings.advice_service.organisation,
        reference_date=f"{settings.kit.reference_date:%d.%m.%Y}",
        notes=settings.notes(),
        sections=sections,
    )
    target = kit_dir / "index.html"
    target.write_text(page, encoding="utf-8")
    return target
