"""Commands for award organisers and networks: catalogue (a static site over a batch output)."""

from __future__ import annotations

import argparse
from pathlib import Path

from replicate.catalogue import build_catalogue
from replicate.cli._common import add_command


def _catalogue(args: argparse.Namespace) -> int:
    site = Path(args.out)
    files = build_catalogue(Path(args.dir), site, title=args.title)
    print(f"Katalog geschrieben: {len(files) - 2} Kommunen, {len(files)} Dateien in {site}.")
    print(
        f"Öffnen Sie {site / 'index.html'} im Browser; {site / 'feed.json'} enthält die Profile als JSON Feed."
    )
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(
        sub,
        "catalogue",
        help="eine Katalog-Website über alle Kits einer Batch-Ausgabe erzeugen",
        description=(
            "Erzeugt eine statische Website, die ohne Internet funktioniert: eine sortierbare Übersicht aller "
            "Kommunen, je Kommune eine Seite mit Praxisprofil, Dokumenten des Kits, Stand der Rechtslage und "
            "Förderzeitraum, dazu feed.json mit allen Profilen (JSON Feed), z. B. für eine Preisjury oder die "
            "Website eines Netzwerks. ORDNER ist die Ausgabe von replicate batch."
        ),
        example="replicate catalogue kits/ --out katalog/",
        func=_catalogue,
    )
    parser.add_argument("dir", metavar="ORDNER", help="Ausgabeordner von replicate batch")
    parser.add_argument(
        "--out",
        required=True,
        metavar="WEBSITE",
        help="Zielordner der Website (neu, leer oder ein früherer Katalog)",
    )
    parser.add_argument(
        "--title", default="Katalog: Perspektive Bleiberecht", help="Titel der Übersichtsseite"
    )
