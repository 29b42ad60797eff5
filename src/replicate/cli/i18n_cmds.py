"""``replicate i18n …``: the translation catalogs of the client forms (check, extract, update, init)."""

from __future__ import annotations

import argparse
from pathlib import Path

from replicate.cli._common import add_command
from replicate.forms.catalog import default_dir, extract, init, languages, update
from replicate.forms.check import CatalogReport, check_language
from replicate.settings import load_settings

_SHOW = 5
"""How many missing messages to print per language (all with --all)."""


def _dir(args: argparse.Namespace) -> Path:
    return Path(args.dir) if args.dir else default_dir()


def _print_report(report: CatalogReport, show_all: bool) -> None:
    if report.ok:
        print(f"{report.lang}: vollständig ({report.total} Texte)")
        return
    if report.no_catalog:
        print(f"{report.lang}: kein Katalog – anlegen mit  replicate i18n init {report.lang}")
        return
    print(
        f"{report.lang}: {len(report.missing)} fehlen, {len(report.fuzzy)} ungeprüft (fuzzy), "
        f"{len(report.placeholders)} mit falschen Platzhaltern (von {report.total})"
    )
    for label, items in (
        ("fehlt", report.missing),
        ("ungeprüft", report.fuzzy),
        ("Platzhalter", report.placeholders),
    ):
        shown = items if show_all else items[:_SHOW]
        for msgid in shown:
            print(f"  {label}: {msgid}")
        if len(items) > len(shown):
            print(f"  … und {len(items) - len(shown)} weitere ({label}); alle mit --all")


def _check(args: argparse.Namespace) -> int:
    root = _dir(args)
    if args.lang:
        wanted = list(args.lang)
    elif args.settings:
        wanted = list(load_settings(args.settings).kit.client_languages)
    else:
        wanted = languages(root)
    reports = [check_language(lang, root) for lang in wanted if lang != "de"]
    for report in reports:
        _print_report(report, args.all)
    if any(not r.ok for r in reports):
        print("Fehlende Texte erscheinen im Formular auf Deutsch, markiert mit [DE].")
        return 1
    return 0


def _extract(args: argparse.Namespace) -> int:
    path = extract(_dir(args))
    print(f"Vorlage geschrieben: {path}")
    return 0


def _update(args: argparse.Namespace) -> int:
    root = _dir(args)
    extract(root)
    for path in update(root):
        print(f"aktualisiert: {path}")
    print("Neue Texte sind leer; danach  replicate i18n check  zeigt, was zu übersetzen ist.")
    return 0


def _init(args: argparse.Namespace) -> int:
    path = init(args.language, _dir(args))
    print(f"Katalog angelegt: {path}")
    print(
        "Übersetzen Sie jede msgstr-Zeile (z. B. mit Poedit), dann  replicate i18n check --lang "
        + args.language
    )
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dir", help="Ordner der Kataloge (Standard: eingebaut oder $REPLICATE_FORMS_LOCALES)", default=None
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "i18n",
        help="Übersetzungen der Formulare prüfen und pflegen",
        description="Übersetzungskataloge (gettext .po) der Formulare für Ratsuchende: prüfen, erzeugen, ergänzen.",
        epilog="Beispiel:\n  replicate i18n check --lang ar",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="i18n_command", metavar="BEFEHL")

    def _usage(_: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    parser.set_defaults(func=_usage)

    check = add_command(
        commands,
        "check",
        help="fehlende und ungeprüfte Übersetzungen je Sprache auflisten (Exit 1, wenn etwas fehlt)",
        description=(
            "Vergleicht jeden Katalog mit den Texten, die die Formulare heute verwenden, und listet fehlende, "
            "ungeprüfte (fuzzy) und Übersetzungen mit falschen Platzhaltern. Ohne --lang: alle Kataloge, "
            "mit --settings: die Sprachen des Kits."
        ),
        example="replicate i18n check --settings examples/dresden.toml",
        func=_check,
    )
    check.add_argument(
        "--lang", metavar="SPRACHE", action="append", help="nur diese Sprache (mehrfach möglich)"
    )
    check.add_argument(
        "--settings", metavar="EINSTELLUNGEN", help="die client_languages dieser Einstellungsdatei prüfen"
    )
    check.add_argument("--all", action="store_true", help="alle fehlenden Texte zeigen, nicht nur die ersten")
    _common(check)

    extract_parser = add_command(
        commands,
        "extract",
        help="forms.pot aus der Formulardefinition neu erzeugen",
        description="Schreibt die Vorlage forms.pot mit allen deutschen Texten der Formulare.",
        example="replicate i18n extract",
        func=_extract,
    )
    _common(extract_parser)

    update_parser = add_command(
        commands,
        "update",
        help="neue Texte in alle Kataloge übernehmen",
        description="Erzeugt forms.pot neu und übernimmt neue Texte (leer) in jeden Katalog; alte werden obsolet.",
        example="replicate i18n update",
        func=_update,
    )
    _common(update_parser)

    init_parser = add_command(
        commands,
        "init",
        help="Katalog für eine neue Sprache anlegen",
        description="Legt <Sprache>/LC_MESSAGES/forms.po mit allen deutschen Texten und leeren Übersetzungen an.",
        example="replicate i18n init fr",
        func=_init,
    )
    init_parser.add_argument("language", metavar="SPRACHE", help="ISO-639-1-Kürzel, z. B. fr, tr, ti")
    _common(init_parser)
