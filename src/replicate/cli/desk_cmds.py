"""``replicate desk``: start the adviser's desk (local case register in the browser)."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
import webbrowser
from pathlib import Path
from typing import Any

from rich.console import Console

from replicate.cli._common import add_command
from replicate.desk.app import RETENTION_DEFAULT, DeskApp
from replicate.desk.crypt import (
    ENV_PASSPHRASE,
    check_encryptable,
    check_new_passphrase,
    encrypt_file,
    missing_passphrase,
)
from replicate.desk.db import kind_of
from replicate.desk.security import TOKEN_PARAM, Guard, loopback_hosts
from replicate.desk.server import check_host, make
from replicate.desk.store import Store
from replicate.errors import DeskError
from replicate.rules.local import rules_for
from replicate.settings import load_settings


def _ask(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise DeskError(
            f"Passphrase: kein Terminal zum Eingeben. Setzen Sie die Umgebungsvariable {ENV_PASSPHRASE} oder "
            "starten Sie im Terminal."
        )
    return getpass.getpass(prompt)


def _passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from the environment or typed in (twice for a new one); None for a plain file."""
    kind = kind_of(args.db)
    new = args.verschluesseln or kind == "neu"
    from_env = os.environ.get(ENV_PASSPHRASE)
    if kind != "verschluesselt" and not args.verschluesseln and not args.verschluesselt and from_env is None:
        return None
    if kind == "klar" and not args.verschluesseln and from_env is None:
        raise DeskError(
            f"{args.db}: die Datei ist nicht verschlüsselt. Verschlüsseln Sie sie einmal mit "
            f"„replicate desk --db {args.db.name} --verschluesseln“."
        )
    if from_env is not None:
        passphrase = from_env
    elif kind == "verschluesselt" and not sys.stdin.isatty():
        raise DeskError(missing_passphrase(args.db))
    else:
        passphrase = _ask("Passphrase der Datenbank: ")
        if new:
            check_new_passphrase(passphrase)
            if _ask("Passphrase wiederholen: ") != passphrase:
                raise DeskError(
                    "Passphrase: die beiden Eingaben stimmen nicht überein. Nichts wurde geändert."
                )
    if new:
        check_new_passphrase(passphrase)
    return passphrase


def _encrypt(args: argparse.Namespace) -> int:
    check_encryptable(args.db)
    passphrase = _passphrase(args)
    assert passphrase is not None
    count = encrypt_file(args.db, passphrase)
    print(
        f"{args.db}: verschlüsselt ({count} Fälle). Alte unverschlüsselte Sicherungen und Exporte löschen Sie "
        "selbst. Starten Sie den Schreibtisch wie gewohnt; er fragt nach der Passphrase."
    )
    return 0


def _run(args: argparse.Namespace) -> int:
    check_host(args.host, args.andere_adresse_erlauben)
    if args.verschluesseln:
        return _encrypt(args)
    settings = load_settings(args.settings) if args.settings is not None else None
    passphrase = _passphrase(args)
    console = Console(stderr=True, soft_wrap=True, markup=False, highlight=False)
    rules = rules_for(settings)
    if settings is None:
        console.print(
            f"Ohne --settings: Löschfrist {RETENTION_DEFAULT} Jahre (Voreinstellung), Landesbehörden und Landesrecht "
            "in allgemeiner Form, kein Bericht an den Fördergeber. Mit --settings gelten die Angaben Ihres Kits."
        )
    store = Store(args.db, rules, args.bearbeitung or getpass.getuser(), passphrase)
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
            "ins Internet. Mit --verschluesselt wird eine neue Datei verschlüsselt angelegt (SQLite3 Multiple "
            "Ciphers, ChaCha20-Poly1305); eine verschlüsselte Datei erkennt der Schreibtisch selbst. Die Passphrase "
            f"wird beim Start im Terminal gefragt oder aus der Umgebungsvariablen {ENV_PASSPHRASE} gelesen, nie "
            "als Argument (das sähen andere Nutzer des Rechners). Wer die Passphrase vergisst, verliert die Fälle: "
            "bewahren Sie sie getrennt vom Rechner auf. Ohne --verschluesselt bleibt eine neue Datei unverschlüsselt: "
            "legen Sie sie dann auf ein verschlüsseltes Laufwerk. Ohne --settings nimmt der Schreibtisch kein Land "
            f"an und löscht nach {RETENTION_DEFAULT} Jahren (Voreinstellung)."
        ),
        example=(
            "replicate desk --db beratung.sqlite --settings meine-stadt.toml --verschluesselt\n"
            "  replicate desk --db beratung.sqlite --verschluesseln"
        ),
        func=_run,
    )
    parser.add_argument(
        "--db", metavar="DATEI", type=Path, required=True, help="Datenbankdatei (wird angelegt)"
    )
    parser.add_argument(
        "--settings",
        metavar="EINSTELLUNGEN",
        type=Path,
        help="Einstellungsdatei des Kits (für Bericht, örtliche Regeln, Landesbehörden und Löschfrist)",
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
    parser.add_argument(
        "--verschluesselt",
        action="store_true",
        help="eine neue Datenbank verschlüsselt anlegen (Passphrase: Eingabe oder " + ENV_PASSPHRASE + ")",
    )
    parser.add_argument(
        "--verschluesseln",
        action="store_true",
        help="eine vorhandene unverschlüsselte Datenbank verschlüsseln und beenden (Schreibtisch vorher beenden)",
    )
