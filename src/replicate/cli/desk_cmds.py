"""``replicate desk``: start the adviser's desk (local case register in the browser)."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
import webbrowser
from pathlib import Path
from typing import Any

from rich.console import Console

from replicate.cli._common import add_command
from replicate.desk.app import DeskApp
from replicate.desk.security import TOKEN_PARAM, Guard, loopback_hosts
from replicate.desk.server import check_host, make
from replicate.desk.store import Store
from replicate.rules import load_rules
from replicate.rules.local import apply_local
from replicate.settings import load_settings


def _run(args: argparse.Namespace) -> int:
    check_host(args.host, args.andere_adresse_erlauben)
    settings = load_settings(args.settings) if args.settings is not None else None
    rules = load_rules()
    if settings is not None:
        rules = apply_local(rules, settings.local_rules)
    console = Console(stderr=True, soft_wrap=True, markup=False, highlight=False)
    store = Store(args.db, rules, args.bearbeitung or getpass.getuser())
    with console.status("Fristen werden berechnet …"):
        store.refresh(dt.date.today())
    server = make(None, args.host, args.port)
    port = server.server_address[1]
    guard = Guard(loopback_hosts(args.host, port))
    server.set_app(DeskApp(store, guard, settings))
    url = f"http://{args.host}:{port}/?{TOKEN_PARAM}={guard.secret}"
    if args.host != "127.0.0.1" and args.host != "localhost":
        console.print(
            f"WARNUNG: der Schreibtisch ist unter {args.host} im Netz erreichbar. Nur in einem geschützten Netz."
        )
    print(f"Beratungsschreibtisch läuft: {url}", flush=True)
    print("Die Adresse enthält einen Schlüssel, der nur für diesen Start gilt; geben Sie sie nicht weiter.")
    print("Beenden mit Strg+C.", flush=True)
    if args.browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Beendet.", file=sys.stderr)
    finally:
        server.server_close()
        store.close()
    return 0


def register(sub: Any) -> None:
    """Add ``replicate desk``."""
    parser = add_command(
        sub,
        "desk",
        help="Beratungsschreibtisch: Fälle, Verlauf, Vorprüfung, Fristen und Bericht im Browser",
        description=(
            "Startet den Beratungsschreibtisch: eine Fallverwaltung im Browser auf diesem Rechner. Die Fälle "
            "(pseudonyme Fallakten mit Verlauf) liegen in einer SQLite-Datei; der Schreibtisch zeigt die Vorprüfung "
            "zum Stichtag, die Fristen der nächsten 30 oder 90 Tage (auch als Kalenderdatei), übernimmt Dateien "
            "des Offline-Formulars, exportiert die Fallliste und erstellt den Bericht an den Fördergeber. Er "
            "lauscht nur auf 127.0.0.1 und verlangt den Schlüssel aus der angezeigten Adresse; er sendet nichts "
            "ins Internet. Die Datei ist nicht verschlüsselt: legen Sie sie auf ein verschlüsseltes Laufwerk."
        ),
        example="replicate desk --db beratung.sqlite --settings meine-stadt.toml",
        func=_run,
    )
    parser.add_argument(
        "--db", metavar="DATEI", type=Path, required=True, help="Datenbankdatei (wird angelegt)"
    )
    parser.add_argument(
        "--settings",
        metavar="EINSTELLUNGEN",
        type=Path,
        help="Einstellungsdatei des Kits (für Bericht und örtliche Regeln)",
    )
    parser.add_argument("--port", type=int, default=8750, help="Port (Standard: 8750; 0 = ein freier Port)")
    parser.add_argument(
        "--host", default="127.0.0.1", help="Adresse (Standard: 127.0.0.1, nur dieser Rechner)"
    )
    parser.add_argument(
        "--andere-adresse-erlauben",
        action="store_true",
        help="eine andere Adresse als 127.0.0.1 zulassen (macht die Fälle im Netz erreichbar)",
    )
    parser.add_argument(
        "--bearbeitung",
        metavar="KÜRZEL",
        help="Kürzel der Bearbeiterin oder des Bearbeiters für das Protokoll (Standard: Anmeldename)",
    )
    parser.add_argument("--browser", action="store_true", help="die Adresse im Browser öffnen")
