"""The catalogue site: an overview table, one page per municipality, and a JSON feed of the profiles.

Every value from the settings is escaped (:func:`html.escape`); the profile text is the kit's own
``projekt/praxisprofil.md`` rendered by markdown-it with raw HTML disabled. The site loads nothing
from anywhere (see :mod:`.page`), so it opens offline from disk or on any static web server.
"""

from __future__ import annotations

import json
import os
import shutil
from html import escape
from pathlib import Path
from typing import Any

from replicate.atomicio import write_bytes
from replicate.catalogue.page import page
from replicate.catalogue.read import FORMAT_NAMES, CatalogueKit, read_kits
from replicate.errors import InputError, Problem
from replicate.kit.destination import staging_dir, swap_into_place

FEED = "feed.json"
"""The JSON Feed (https://jsonfeed.org/version/1.1) of the profiles; also marks a folder as a catalogue."""


def build_catalogue(
    batch_out: Path, site: Path, *, title: str = "Katalog: Perspektive Bleiberecht"
) -> list[Path]:
    """Write the site for every kit in ``batch_out`` into ``site``; return the files, relative to ``site``.

    The site is built in a staging folder and moved into place at the end; an existing folder is
    replaced only when it is an earlier catalogue (it holds ``feed.json``)."""
    kits = read_kits(batch_out)
    if site.exists() and (not site.is_dir() or (any(site.iterdir()) and not (site / FEED).is_file())):
        raise InputError(site, [Problem(
            "ist weder leer noch ein früher erzeugter Katalog; er wird nicht überschrieben",
            hint="Wählen Sie einen neuen Ordner für den Katalog.")])  # fmt: skip
    stage = staging_dir(site)
    try:
        built = stage / "site"
        files = _write(kits, batch_out.resolve(), site.resolve(), built, title)
        swap_into_place(built, site)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return files


def _write(kits: list[CatalogueKit], batch_out: Path, site: Path, built: Path, title: str) -> list[Path]:
    files = [Path("index.html"), Path(FEED)]
    write_bytes(built / "index.html", page(title, _overview(kits, title), script=True), make_parents=True)
    for kit in kits:
        relative = Path("kommunen") / f"{kit.folder}.html"
        write_bytes(built / relative, page(_name(kit), _kit_page(kit, batch_out, site)), make_parents=True)
        files.append(relative)
    feed = json.dumps(_feed(kits, title), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_bytes(built / FEED, feed.encode("utf-8"), make_parents=True)
    return files


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _name(kit: CatalogueKit) -> str:
    return str(kit.value("advice_service", "project_name") or kit.folder)


def _date(value: Any) -> str:
    if not value:
        return "nicht angegeben"
    year, month, day = str(value).split("-")
    return f"{day}.{month}.{year}"


def _overview(kits: list[CatalogueKit], title: str) -> str:
    columns = [("Kommune", "text"), ("Land", "text"), ("Art", "text"), ("Träger", "text"),
               ("Geduldete", "number"), ("Stand der Rechtslage", "text"), ("Förderung bis", "text")]  # fmt: skip
    head = "".join(
        f'<th scope="col" data-type="{kind}"><button type="button">{_e(label)}</button></th>'
        for label, kind in columns
    )
    rows = []
    for kit in sorted(kits, key=lambda k: str(k.value("municipality", "name")).casefold()):
        tolerated = kit.value("municipality", "tolerated_persons")
        cells = [
            (kit.value("municipality", "name"),
             f'<a href="kommunen/{_e(kit.folder)}.html">{_e(kit.value("municipality", "name"))}</a>'),
            (kit.value("municipality", "state"), _e(kit.value("municipality", "state"))),
            (kit.value("municipality", "kind"), _e(kit.value("municipality", "kind"))),
            (kit.value("advice_service", "organisation"), _e(kit.value("advice_service", "organisation"))),
            (-1 if tolerated is None else tolerated,
             "nicht angegeben" if tolerated is None else f"{int(tolerated):,}".replace(",", ".")),
            (kit.value("kit", "reference_date"), _date(kit.value("kit", "reference_date"))),
            (kit.value("funder", "period", "end"), _date(kit.value("funder", "period", "end"))),
        ]  # fmt: skip
        rows.append(
            "<tr>" + "".join(f'<td data-sort="{_e(key)}">{text}</td>' for key, text in cells) + "</tr>"
        )
    return (
        f"<main>\n<h1>{_e(title)}</h1>\n"
        f"<p>{len(kits)} Kommunen, die das Modell „Perspektive Bleiberecht“ übernehmen. Ein Klick auf eine "
        "Spaltenüberschrift sortiert die Tabelle; jede Kommune hat eine Seite mit ihrem Praxisprofil und den "
        f'Dokumenten ihres Kits. Maschinenlesbar: <a href="{FEED}">{FEED}</a> (JSON Feed).</p>\n'
        f'<table id="uebersicht">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n</main>"
    )


def _kit_page(kit: CatalogueKit, batch_out: Path, site: Path) -> str:
    from replicate.render import parse
    from replicate.render.html import body_html

    # the profile's own title ("# Praxisprofil") becomes a subheading under the page's title
    markdown = kit.profile_markdown.replace("# Praxisprofil\n", "## Praxisprofil\n", 1)
    profile = body_html(parse(markdown))
    kit_dir = batch_out / kit.folder
    here = site / "kommunen"
    period = (
        f"{_date(kit.value('funder', 'period', 'start'))} bis {_date(kit.value('funder', 'period', 'end'))}"
    )
    facts = [
        ("Kommune", kit.value("municipality", "name")),
        ("Träger der Beratung", kit.value("advice_service", "organisation")),
        ("Ausländerbehörde", kit.value("authority", "name")),
        ("Fördergeber", kit.value("funder", "name")),
        ("Förderzeitraum", period),
        ("Stand der Rechtslage", _date(kit.value("kit", "reference_date"))),
    ]
    rows = []
    for document in kit.documents:
        links = ", ".join(
            f'<a href="{_e(os.path.relpath(kit_dir / document.source.with_suffix("." + fmt), here))}">{FORMAT_NAMES[fmt]}</a>'
            for fmt in document.formats
        )
        rows.append(f"<tr><td>{_e(document.title)}</td><td>{links or 'nur Quelltext'}</td></tr>")
    return (
        '<nav><a href="../index.html">Zur Übersicht</a></nav>\n<main>\n'
        f'<h1>{_e(_name(kit))}</h1>\n<dl class="facts">\n'
        + "".join(f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>\n" for label, value in facts)
        + '</dl>\n<section class="profile">\n'
        + profile
        + "</section>\n<h2>Dokumente des Kits</h2>\n"
        "<p>Die Links führen in den Ordner des Kits; sie funktionieren, solange Katalog und Kits nebeneinander "
        "liegen wie beim Erzeugen.</p>\n"
        '<table><thead><tr><th scope="col">Dokument</th><th scope="col">Formate</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table>\n</main>"
    )


def _feed(kits: list[CatalogueKit], title: str) -> dict[str, Any]:
    items = []
    for kit in kits:
        profile = kit.value("profile") or {}
        items.append({
            "id": kit.folder,
            "url": f"kommunen/{kit.folder}.html",
            "title": _name(kit),
            "content_text": _summary(kit.profile_markdown),
            "_replicate": {
                "municipality": kit.value("municipality", "name"),
                "kind": kit.value("municipality", "kind"),
                "state": kit.value("municipality", "state"),
                "organisation": kit.value("advice_service", "organisation"),
                "authority": kit.value("authority", "name"),
                "reference_date": kit.value("kit", "reference_date"),
                "funding_period": kit.value("funder", "period"),
                "tolerated_persons": {
                    "value": kit.value("municipality", "tolerated_persons"),
                    "date": kit.value("municipality", "figures_date"),
                    "source": kit.value("municipality", "figures_source") or "Angabe der Kommune",
                },
                "results": [
                    {**result, "source": result.get("source") or "Angabe der Kommune"}
                    for result in profile.get("results", [])
                ],
                "other_sites": profile.get("other_sites", []),
            },
        })  # fmt: skip
    return {"version": "https://jsonfeed.org/version/1.1", "title": title, "items": items}


def _summary(markdown: str) -> str:
    """The plain text of the profile's summary paragraph (Markdown escapes removed)."""
    text = markdown.split("**Kurzbeschreibung.**", 1)[-1].split("\n\n", 1)[0]
    return " ".join(text.replace("\\", "").split())
