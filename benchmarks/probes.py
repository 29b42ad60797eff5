"""Rerun of issue 9's probes as one run: odd settings files, filesystem runs, signal runs, caseloads, hostile
case-record files. Counts internal errors, partial writes, lost user files and runs above 1 GB peak memory
for inputs under 1 MB; prints a table per probe class and exits 1 on any failure.

Each probe runs ``replicate`` in its own process: most in a child forked from this one (the modules are
imported once, so a probe costs what the command costs), the signal runs as real ``python -m replicate``
processes that get SIGTERM or SIGKILL while they build a kit, followed by the run that must recover. The
peak memory of each child is its ``ru_maxrss`` from ``os.wait4`` (resource usage of that child alone); the
baseline printed beside it is ``replicate check`` on the shipped Dresden settings, measured in the same run.

A probe fails when
- the command ends with an internal error (exit code other than 0, 2, 130 or 141, "Interner Fehler", a
  traceback, a timeout or a signal it did not get from us);
- it leaves a partial write (a ``*.partial`` file, a staging folder ``.NAME.replicate-*`` after the run
  that must tidy up, or a kit folder without its state and index);
- a file the user had before is gone or changed (the probe says which files replicate may replace);
- its peak memory is above 1 GB while its input files are under 1 MB.

Usage: python benchmarks/probes.py [--only KLASSE] [--keep]   (``make probes``)
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GB = 1 << 30
MB = 1_000_000
TIMEOUT = 300
OK_CODES = {0, 2, 130, 141}
SMALL_KIT_ENV = {
    "REPLICATE_KIT__FORMATS": '["html"]',
    "REPLICATE_KIT__REFERENCE_DATE": "2026-11-25",
}
PDF_KIT_ENV = {**SMALL_KIT_ENV, "REPLICATE_KIT__FORMATS": '["html", "pdf"]'}
"""Settings that pass `check` are built with HTML and PDF (the format that decodes logos and fonts)."""


@dataclass
class Probe:
    """One run of ``replicate`` with files prepared in its own folder."""

    cls: str
    name: str
    args: list[str]
    setup: Callable[[Path], None] | None = None
    env: dict[str, str] = field(default_factory=dict)
    replaceable: tuple[str, ...] = ()
    """Paths (relative to the probe folder, prefixes) that replicate may replace (e.g. a kit with --force)."""
    expect: frozenset[int] = frozenset(OK_CODES)
    kit: str | None = None
    """A kit folder the command writes: if it exists afterwards, it must be complete."""


@dataclass
class Result:
    probe: Probe
    code: int
    stderr: str
    rss: int
    input_bytes: int
    seconds: float
    failures: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------------------------- running


def _snapshot(folder: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _run_forked(args: list[str], cwd: Path, env: dict[str, str], logs: Path) -> tuple[int, str, int]:
    """Run ``replicate.cli.main(args)`` in a forked child; return exit code, stderr and peak RSS (bytes)."""
    from replicate.cli import main

    out, err = logs / "stdout", logs / "stderr"
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 99
        try:
            signal.alarm(TIMEOUT)
            os.chdir(cwd)
            os.environ.pop("REPLICATE_DEBUG", None)
            os.environ.pop("CI", None)
            os.environ.update(env)
            for target, path in ((1, out), (2, err)):
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.dup2(fd, target)
                os.close(fd)
            code = main(args)
        except BaseException:  # an escape from main is itself an internal error
            traceback.print_exc()
            code = 98
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
    _, status, usage = os.wait4(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    return code, err.read_text(encoding="utf-8", errors="replace"), usage.ru_maxrss * 1024


def _leftovers(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        name = path.name
        if name.endswith(".partial") or (".replicate-" in name and name.startswith(".")):
            found.append(path.relative_to(folder).as_posix())
    return sorted(found)


def _kit_incomplete(kit: Path) -> bool:
    return kit.exists() and not (
        (kit / ".replicate" / "state.json").is_file() and (kit / "index.html").is_file()
    )


def _judge(result: Result, before: dict[str, str], folder: Path, *, tidy: bool = True) -> None:
    probe = result.probe
    if result.code not in probe.expect:
        result.failures.append(f"Exit {result.code}")
    if "Interner Fehler" in result.stderr or "Traceback" in result.stderr:
        result.failures.append("interner Fehler: " + result.stderr.strip().splitlines()[-1][:120])
    if tidy and _leftovers(folder):
        result.failures.append("Reste: " + ", ".join(_leftovers(folder))[:160])
    if probe.kit is not None and _kit_incomplete(folder / probe.kit):
        result.failures.append(f"halbes Kit in {probe.kit}")
    after = _snapshot(folder)
    lost = [
        path
        for path, digest in before.items()
        if after.get(path) != digest
        and ("/.git/" in f"/{path}" or not path.startswith(probe.replaceable or ("\0",)))  # .git: never
    ]
    if lost:
        result.failures.append("verlorene Nutzerdateien: " + ", ".join(lost)[:160])
    if result.input_bytes < MB and result.rss > GB:
        result.failures.append(f"{result.rss / GB:.1f} GB Speicher für {result.input_bytes} Bytes Eingabe")


def run_probe(probe: Probe, work: Path) -> Result:
    folder = work / "p"
    logs = work / "logs"
    folder.mkdir(parents=True)
    logs.mkdir()
    if probe.setup is not None:
        probe.setup(folder)
    before = _snapshot(folder)
    size = sum((folder / p).stat().st_size for p in before) + sum(len(v) for v in probe.env.values())
    start = time.perf_counter()
    code, stderr, rss = _run_forked(probe.args, folder, probe.env, logs)
    result = Result(probe, code, stderr, rss, size, time.perf_counter() - start)
    _judge(result, before, folder)
    return result


# ------------------------------------------------------------------------------------------ settings probes


def _write(name: str, data: str | bytes) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")

    return setup


def _both(*setups: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        for one in setups:
            one(folder)

    return setup


def settings_probes() -> list[Probe]:
    probes: list[Probe] = []
    cases = yaml.safe_load((ROOT / "tests" / "settings" / "bad_cases.yaml").read_text(encoding="utf-8"))
    for case in cases:  # the bad-case data of the test suite, through `check`
        base = ROOT / case["base"]
        text = base.read_text(encoding="utf-8")
        for old, new in case["replace"]:
            text = text.replace(old, new)
        setups = [_write(base.name, text)]
        setups += [_write(name, content) for name, content in case.get("files", {}).items()]
        probes.append(
            Probe(
                "Einstellungen",
                case["name"],
                ["check", base.name],
                _both(*setups),
                case.get("env", {}),
                expect=frozenset({2}),
            )
        )
    dresden = (EXAMPLES / "dresden.toml").read_text(encoding="utf-8")
    mettmann = (EXAMPLES / "kreis-mettmann.yaml").read_text(encoding="utf-8")
    name = 'project_name = "Perspektive Bleiberecht Dresden"'
    assert name in dresden
    generated: dict[str, str | bytes] = {}
    for char in ("\u0000", "\u0007", "\u000b", "\u001b", "\u2028", "\u202e", "\ufeff", "\ud7ff"):
        value = (
            f"Perspektive{char}Bleiberecht".encode("unicode_escape").decode("ascii").replace("\\x", "\\u00")
        )
        generated[f"steuerzeichen-U+{ord(char):04X}.toml"] = dresden.replace(
            name, f'project_name = "{value}"'
        )
    generated["projektname-900kb.toml"] = dresden.replace(name, f'project_name = "{"x" * 900_000}"')
    generated["projektname-mit-zeilen.toml"] = dresden.replace(
        name, 'project_name = """a\n# Titel\n- Liste\n    Code"""'
    )
    generated["wert-html-jinja.toml"] = dresden.replace(
        name, 'project_name = "<script>x</script>{{ 7*7 }}{% raw %}#set"'
    )
    generated["zahl-5000-ziffern.toml"] = dresden.replace("staff_fte = 2.0", "staff_fte = " + "9" * 5000)
    generated["unendlich.toml"] = dresden.replace("staff_fte = 2.0", "staff_fte = inf")
    generated["nan.toml"] = dresden.replace("staff_fte = 2.0", "staff_fte = nan")
    generated["tief-toml.toml"] = dresden + "\nx = " + "[" * 5000 + "]" * 5000 + "\n"
    generated["tief-inline.toml"] = dresden + "\ny = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n"
    generated["tief.yaml"] = "a: " + "[" * 100_000 + "]" * 100_000 + "\n"
    generated["tief-block.yaml"] = (
        "".join("  " * i + f"k{i}:\n" for i in range(3000)) + "  " * 3000 + "x: 1\n"
    )
    generated["schluessel-zahl.yaml"] = mettmann.replace("kit:\n", "kit:\n  1: 2\n", 1)
    generated["schluessel-liste.yaml"] = mettmann + "\n? [a, b]\n: c\n"
    generated["merge.yaml"] = mettmann + "\nbasis: &b {x: 1}\nkit2:\n  <<: *b\n"
    generated["anker-bombe.yaml"] = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    generated["viele-unbekannte.toml"] = dresden + "".join(f"\n[unbekannt{i}]\nx = 1" for i in range(3000))
    generated["leer.toml"] = ""
    generated["leer.yaml"] = ""
    generated["nur-kommentar.yaml"] = "# nichts\n"
    generated["liste-statt-map.yaml"] = "- a\n- b\n"
    bad_bytes: dict[str, bytes] = {
        "latin1.toml": dresden.replace("Dresden", "Dräsden").encode("latin-1", "replace"),
        "utf16.yaml": mettmann.encode("utf-16"),
        "utf16-ohne-bom.toml": dresden.encode("utf-16-le"),
        "bom.toml": b"\xef\xbb\xbf" + dresden.encode("utf-8"),
        "kaputt-utf8.toml": dresden.encode("utf-8").replace(b"Dresden", b"Dr\xc3\x28sden", 1),
        "binaer.toml": bytes(range(256)) * 40,
        "nullbytes.yaml": b"\x00" * 10_000,
        "gzip.yaml": base64.b64decode("H4sIAAAAAAAAA0vLz1dIzs8rSc0rUcjMS8nMS1coLinKzEvn4uICAHV7u0EaAAAA"),
    }
    for file_name, content in [*generated.items(), *bad_bytes.items()]:
        probes.append(Probe("Einstellungen", file_name, ["check", file_name], _write(file_name, content)))
    probes.append(
        Probe(
            "Einstellungen",
            "Ordner statt Datei",
            ["check", "ordner.toml"],
            lambda f: (f / "ordner.toml").mkdir(),
        )
    )
    probes.append(Probe("Einstellungen", "fehlende Datei", ["check", "fehlt.toml"]))
    probes.append(Probe("Einstellungen", "falsche Endung", ["check", "x.ini"], _write("x.ini", dresden)))
    envs = {
        "REPLICATE_MUNICIPALITY=x": {"REPLICATE_MUNICIPALITY": "x"},
        "FORMATS=html,pdf": {"REPLICATE_KIT__FORMATS": "html,pdf"},
        "FORMATS=[exe]": {"REPLICATE_KIT__FORMATS": '["exe"]'},
        "FORMATS tief": {"REPLICATE_KIT__FORMATS": "[" * 5000 + "]" * 5000},
        "REFERENCE_DATE=morgen": {"REPLICATE_KIT__REFERENCE_DATE": "morgen"},
        "PROJECT_NAME 500 KB": {"REPLICATE_ADVICE_SERVICE__PROJECT_NAME": "y" * 500_000},
        "PROJECT_NAME Steuerzeichen": {"REPLICATE_ADVICE_SERVICE__PROJECT_NAME": "a\x07b\x0bc"},
        "LOGO fehlt": {"REPLICATE_KIT__LOGO": "/gibt/es/nicht.png"},
        "LOGO Ordner": {"REPLICATE_KIT__LOGO": "/"},
        "unbekannter Schlüssel": {"REPLICATE_KIT__GIBTSNICHT": "1"},
        "STAFF_FTE Text": {"REPLICATE_ADVICE_SERVICE__STAFF_FTE": "zwei"},
    }
    for label, env in envs.items():
        probes.append(
            Probe(
                "Einstellungen",
                f"Umgebung {label}",
                ["check", "dresden.toml"],
                _write("dresden.toml", dresden),
                env,
            )
        )
    return probes


# ---------------------------------------------------------------------------------------- caseload probes


def _csv(text: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return _write("faelle.csv", text.encode(encoding))


def caseload_probes() -> list[Probe]:
    probes: list[Probe] = []
    out = ["--out", "ergebnisse.csv", "--as-of", "2026-11-25"]
    cases = yaml.safe_load(
        (ROOT / "tests" / "rules" / "bad" / "caseload_cases.yaml").read_text(encoding="utf-8")
    )
    for case in cases:
        setup = _csv(case["text"], case.get("encoding", "utf-8"))
        probes.append(Probe("Fallliste", case["name"], ["screen", "faelle.csv", *out], setup))
    good = "case_id,birth_date,asylum.outcome\nA-1,1990-01-01,abgelehnt\n"
    variants: dict[str, bytes] = {
        "Latin-1": "case_id;birth_date\nFall-Ä;1990-01-01\n".encode("latin-1"),
        "Windows-1252 mit €": "case_id;birth_date\nFall-€;1990-01-01\n".encode("cp1252"),
        "UTF-16 LE ohne BOM": good.encode("utf-16-le"),
        "UTF-16 BE mit BOM": b"\xfe\xff" + good.encode("utf-16-be"),
        "UTF-32": good.encode("utf-32"),
        "kaputtes UTF-8": b"case_id,birth_date\nA\xff\xfe,1990-01-01\n",
        "Pipe als Trenner": good.replace(",", "|").encode(),
        "gemischte Trenner": b"case_id;birth_date,asylum.outcome\nA;1990-01-01,abgelehnt\n",
        "zusätzliche Zelle": (good + "B-2,1990-01-01,abgelehnt,zuviel\n").encode(),
        "fehlende Zelle": (good + "B-2\n").encode(),
        "Zelle 200 KB": (good + "B-2," + "x" * 200_000 + ",abgelehnt\n").encode(),
        "Zeile 900 KB ohne Umbruch": ("case_id," + "y" * 900_000).encode(),
        "Index 1.000.000": b"case_id,status_periods.1000000.start\nA,2020-01-01\n",
        "Index 10^18": b"case_id,status_periods.999999999999999999.start\nA,2020-01-01\n",
        "negativer Index": b"case_id,status_periods.-1.start\nA,2020-01-01\n",
        "5000 Spalten": (
            "case_id," + ",".join(f"status_periods.{i}.start" for i in range(5000)) + "\nA\n"
        ).encode(),
        "asylum und asylum.outcome": b"case_id,asylum,asylum.outcome\nA,x,abgelehnt\n",
        "offenes Anführungszeichen": b'case_id,birth_date\n"A-1,1990-01-01\nB-2,1991-01-01\n',
        "Formel-Pseudonyme": b"case_id,birth_date\n=1+1,1990-01-01\n+A,1990-01-01\n@SUM(1),1990-01-01\n\t-2,1990-01-01\n",
        "nur Kopfzeile": b"case_id,birth_date\n",
        "leer": b"",
        "Nullbytes": b"case_id\x00,birth_date\nA\x00,1990\n",
        "Binärdaten": bytes(range(256)) * 100,
        "2.000 Fälle": (
            "case_id,birth_date\n" + "".join(f"F-{i},1990-01-01\n" for i in range(2_000))
        ).encode(),
        "Datum 10000-01-01": b"case_id,birth_date\nA,10000-01-01\n",
    }
    for label, content in variants.items():
        probes.append(
            Probe("Fallliste", label, ["screen", "faelle.csv", *out], _write("faelle.csv", content))
        )
    probes.append(
        Probe("Fallliste", "Ausgabe = Eingabe", ["screen", "faelle.csv", "--out", "faelle.csv"], _csv(good))
    )
    probes.append(
        Probe(
            "Fallliste",
            "Ausgabe in fehlendem Ordner",
            ["screen", "faelle.csv", "--out", "x/y.csv"],
            _csv(good),
        )
    )
    probes.append(
        Probe("Fallliste", "Ausgabe ist Ordner", ["screen", "faelle.csv", "--out", "."], _csv(good))
    )
    probes.append(
        Probe("Fallliste", "Ausgabe vorhanden (wird ersetzt)", ["screen", "faelle.csv", "--out", "alt.csv"],
              _both(_csv(good), _write("alt.csv", "alt\n")), replaceable=("alt.csv",))
    )  # fmt: skip
    probes.append(
        Probe(
            "Fallliste", "Eingabe ist Ordner", ["screen", "ordner.csv"], lambda f: (f / "ordner.csv").mkdir()
        )
    )
    probes.append(Probe("Fallliste", "Eingabe fehlt", ["screen", "fehlt.csv"]))
    return probes


def record_probes() -> list[Probe]:
    """Files as the offline form saves them (a case record in JSON), made hostile; read by `screen`."""
    base = json.loads(json.dumps({"case_id": "FORM-1", "schema_version": "2", "birth_date": "1990-05-01"}))
    periods = [{"kind": "duldung", "start": "2015-01-01", "end": "2015-01-02"}] * 125_000
    hostile: dict[str, bytes] = {
        "__proto__-Schlüssel": json.dumps({**base, "__proto__": {"x": 1}, "constructor": 1}).encode(),
        "ungültiges UTF-8": json.dumps(base).encode().replace(b"FORM", b"F\xffRM"),
        "125.000 Duldungszeiten (5 MB)": json.dumps({**base, "status_periods": periods}).encode(),
        "tief verschachtelt": ("[" * 200_000 + "]" * 200_000).encode(),
        "Zahl mit 5000 Ziffern": json.dumps(base).replace("}", ', "x": ' + "9" * 5000 + "}").encode(),
        "doppelte Schlüssel": b'{"case_id": "A", "case_id": "B"}',
        "NaN und Infinity": b'{"case_id": "A", "x": NaN, "y": Infinity}',
        "kein Objekt": b'"nur ein Text"',
        "leer": b"",
        "HTML im Pseudonym": json.dumps({**base, "case_id": "<img src=x onerror=alert(1)>"}).encode(),
        "Steuerzeichen": json.dumps({**base, "case_id": "A\u0000\u0007B"}).encode(),
        "BOM": b"\xef\xbb\xbf" + json.dumps(base).encode(),
        "UTF-16": json.dumps(base).encode("utf-16"),
        "JSONL mit kaputter Zeile": (json.dumps(base) + "\n{kaputt\n" + json.dumps(base) + "\n").encode(),
    }
    probes = []
    for label, content in hostile.items():
        name = "faelle.jsonl" if label.startswith("JSONL") else "fall.json"
        args = ["screen", name, "--as-of", "2026-11-25"]
        if name.endswith(".jsonl"):
            args += ["--out", "ergebnisse.csv"]
        probes.append(Probe("Formulardatei", label, args, _write(name, content)))
    probes.append(
        Probe("Formulardatei", "migrate in vorhandene Datei", ["caserecord", "migrate", "fall.json", "neu.json"],
              _both(_write("fall.json", json.dumps(base)), _write("neu.json", "wichtig")))
    )  # fmt: skip
    probes.append(
        Probe("Formulardatei", "migrate auf sich selbst", ["caserecord", "migrate", "fall.json", "fall.json"],
              _write("fall.json", json.dumps(base)))
    )  # fmt: skip
    return probes


# --------------------------------------------------------------------------------------- filesystem probes


def _small_kit(folder: Path, name: str = "kit") -> None:
    if KIT_TEMPLATE is None:
        raise RuntimeError("the template kit was not built")
    shutil.copytree(KIT_TEMPLATE, folder / name, symlinks=True)


KIT_TEMPLATE: Path | None = None
"""A small kit (HTML only) built once per run and copied where a probe needs an existing kit."""


def filesystem_probes() -> list[Probe]:
    new = ["new", "settings.toml"]
    dresden = _write("settings.toml", (EXAMPLES / "dresden.toml").read_text(encoding="utf-8"))
    env = SMALL_KIT_ENV

    def user_folder(folder: Path) -> None:
        (folder / "kit").mkdir()
        (folder / "kit" / "notizen.txt").write_text("meine Notizen", encoding="utf-8")

    def copier_project(folder: Path) -> None:
        (folder / "kit" / "src").mkdir(parents=True)
        (folder / "kit" / ".copier-answers.yml").write_text("_src_path: gh:x/y\n", encoding="utf-8")
        (folder / "kit" / "src" / "main.py").write_text("print(1)\n", encoding="utf-8")
        (folder / "kit" / ".git").mkdir()
        (folder / "kit" / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")

    def kit_with_user_file(folder: Path) -> None:
        _small_kit(folder)
        (folder / "kit" / "eigene-notiz.md").write_text("nicht von replicate", encoding="utf-8")

    def kit_with_git(folder: Path) -> None:
        _small_kit(folder)
        (folder / "kit" / ".git").mkdir()
        (folder / "kit" / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")

    def read_only(folder: Path) -> None:
        (folder / "nur-lesen").mkdir()
        (folder / "nur-lesen").chmod(0o555)

    def symlink_to_folder(folder: Path) -> None:
        (folder / "echt").mkdir()
        (folder / "echt" / "datei.txt").write_text("x", encoding="utf-8")
        (folder / "kit").symlink_to(folder / "echt")

    def dangling(folder: Path) -> None:
        (folder / "kit").symlink_to(folder / "nirgends" / "ziel")

    def file_as_dest(folder: Path) -> None:
        (folder / "kit").write_text("eine Datei", encoding="utf-8")

    def orphaned_old(folder: Path) -> None:  # a crash between the two renames of an earlier --force
        _small_kit(folder, ".kit.replicate-old")
        (folder / ".kit.replicate-lock").write_text("", encoding="utf-8")

    def stale_staging(folder: Path) -> None:
        _small_kit(folder)
        (folder / ".kit.replicate-abc123_x").mkdir()
        (folder / ".kit.replicate-abc123_x" / "halb.md").write_text("halb", encoding="utf-8")

    P = Probe
    return [
        P("Dateisystem", "Ziel mit Nutzerdatei", [*new, "kit"], _both(dresden, user_folder), env),
        P("Dateisystem", "Ziel mit Nutzerdatei, --force", [*new, "kit", "--force"], _both(dresden, user_folder), env),
        P("Dateisystem", "Ziel mit Nutzerdatei, --force --discard-local", [*new, "kit", "--force", "--discard-local"], _both(dresden, user_folder), env),
        P("Dateisystem", "fremdes Copier-Projekt mit .git, --force", [*new, "kit", "--force"], _both(dresden, copier_project), env),
        P("Dateisystem", "fremdes Copier-Projekt, --force --discard-local", [*new, "kit", "--force", "--discard-local"], _both(dresden, copier_project), env),
        P("Dateisystem", "Kit vorhanden, ohne --force", [*new, "kit"], _both(dresden, lambda f: _small_kit(f)), env),
        P("Dateisystem", "Kit mit eigener Datei, --force", [*new, "kit", "--force"], _both(dresden, kit_with_user_file), env),
        P("Dateisystem", "Kit mit .git, --force", [*new, "kit", "--force"], _both(dresden, kit_with_git), env, replaceable=("kit/",), kit="kit"),
        P("Dateisystem", "Kit, --force (ersetzt)", [*new, "kit", "--force"], _both(dresden, lambda f: _small_kit(f)), env, replaceable=("kit/",), kit="kit"),
        P("Dateisystem", "Elternordner schreibgeschützt", [*new, "nur-lesen/kit"], _both(dresden, read_only), env),
        P("Dateisystem", "Ziel ist Verweis auf Ordner", [*new, "kit"], _both(dresden, symlink_to_folder), env),
        P("Dateisystem", "Ziel ist toter Verweis", [*new, "kit"], _both(dresden, dangling), env),
        P("Dateisystem", "Ziel ist eine Datei", [*new, "kit", "--force"], _both(dresden, file_as_dest), env),
        P("Dateisystem", "Ziel im Vorlagenordner", [*new, str(ROOT / "template" / "x")], dresden, env),
        P("Dateisystem", "verwaistes altes Kit wird zurückgelegt", [*new, "kit"], _both(dresden, orphaned_old), env, replaceable=(".kit.replicate-",)),
        P("Dateisystem", "alter Arbeitsordner wird entfernt", [*new, "kit", "--force"], _both(dresden, stale_staging), env, replaceable=("kit/", ".kit.replicate-"), kit="kit"),
        P("Dateisystem", "update eines Nicht-Kits", ["update", "kit"], user_folder),
        P("Dateisystem", "status eines Nicht-Kits", ["status", "kit"], user_folder),
    ]  # fmt: skip


# ------------------------------------------------------------------------------------------- signal probes


def _replicate(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    full = {k: v for k, v in os.environ.items() if k not in ("REPLICATE_DEBUG", "CI")} | env
    return subprocess.Popen(
        [sys.executable, "-m", "replicate", *args],
        cwd=cwd,
        env=full,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait(proc: subprocess.Popen[bytes]) -> tuple[int, str, int]:
    assert proc.stderr is not None
    stderr = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, stderr, usage.ru_maxrss * 1024


def signal_run(label: str, sig: signal.Signals, delay: float, existing: bool, work: Path) -> Result:
    """Start `new` (into an empty place, or `--force` over a kit), send ``sig`` after ``delay`` seconds, then
    run `new` again; the second run must succeed and leave a complete kit and no leftovers."""
    folder = work / "p"
    folder.mkdir(parents=True)
    (folder / "settings.toml").write_text(
        (EXAMPLES / "landkreis-goerlitz-caritas.toml").read_text(encoding="utf-8")
    )
    args = ["new", "settings.toml", "kit", "--quiet"]
    if existing:
        _small_kit(folder)
        args.append("--force")
    (folder / "notiz.txt").write_text("Nutzerdatei neben dem Kit", encoding="utf-8")
    before = {k: v for k, v in _snapshot(folder).items() if not k.startswith("kit/")}
    probe = Probe("Signale", label, args, env=SMALL_KIT_ENV, kit="kit", expect=frozenset({0, 2, 130, -sig}))
    start = time.perf_counter()
    proc = _replicate(args, folder, SMALL_KIT_ENV)
    time.sleep(delay)
    proc.send_signal(sig)
    code, stderr, rss = _wait(proc)
    result = Result(probe, code, stderr, rss, 0, 0.0)
    if sig == signal.SIGTERM and "Traceback" in stderr:
        result.failures.append("Traceback nach SIGTERM")
    if existing and not (folder / "kit").exists() and not (folder / ".kit.replicate-old").is_dir():
        result.failures.append("das bisherige Kit ist weg")
    if _kit_incomplete(folder / "kit"):
        result.failures.append("halbes Kit nach dem Abbruch")
    again = _replicate(
        [*args[:4], "--force"] if (folder / "kit").exists() else args[:4], folder, SMALL_KIT_ENV
    )
    code2, stderr2, rss2 = _wait(again)
    result.seconds = time.perf_counter() - start
    result.rss = max(rss, rss2)
    if code2 != 0:
        result.failures.append(f"zweiter Lauf: Exit {code2} {stderr2.strip()[-160:]}")
    result.stderr = stderr + stderr2
    _judge(result, before, folder)
    if not (folder / "kit" / "index.html").is_file():
        result.failures.append("nach dem zweiten Lauf kein Kit")
    result.code = code
    return result


def signal_runs() -> list[tuple[str, signal.Signals, float, bool]]:
    return [
        ("SIGTERM beim Start", signal.SIGTERM, 0.3, False),
        ("SIGTERM beim Bauen", signal.SIGTERM, 6.0, False),
        ("SIGKILL beim Start", signal.SIGKILL, 0.5, False),
        ("SIGKILL beim Bauen", signal.SIGKILL, 6.0, False),
        ("SIGKILL bei --force über ein Kit", signal.SIGKILL, 8.0, True),
        ("SIGTERM bei --force über ein Kit", signal.SIGTERM, 8.0, True),
    ]


# -------------------------------------------------------------------------------------------------- main


def _baseline(work: Path) -> int:
    probe = Probe(
        "Basis",
        "check dresden.toml",
        ["check", "dresden.toml"],
        _write("dresden.toml", (EXAMPLES / "dresden.toml").read_text(encoding="utf-8")),
    )
    return run_probe(probe, work).rss


def _build_template_kit(work: Path) -> Path:
    folder = work / "vorlage"
    folder.mkdir()
    (folder / "settings.toml").write_text((EXAMPLES / "dresden.toml").read_text(encoding="utf-8"))
    code, stderr, _ = _run_forked(["new", "settings.toml", "kit", "--quiet"], folder, SMALL_KIT_ENV, work)
    if code != 0:
        raise SystemExit(f"Kit für die Dateisystem-Proben ließ sich nicht bauen: {stderr}")
    return folder / "kit"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--only", help="nur diese Klasse: Einstellungen, Fallliste, Formulardatei, Dateisystem, Signale"
    )
    parser.add_argument("--keep", action="store_true", help="Arbeitsordner behalten")
    parser.add_argument("--verbose", action="store_true", help="jede Probe mit Exit-Code und Speicher zeigen")
    args = parser.parse_args(argv)
    global KIT_TEMPLATE
    import replicate.cli  # imported once, before the children are forked
    import replicate.kit  # noqa: F401

    root = Path(tempfile.mkdtemp(prefix="replicate-probes-"))
    results: list[Result] = []
    try:
        base_rss = _baseline(root / "basis")
        print(f"Basis: replicate check dresden.toml, {base_rss / MB:.0f} MB Spitzenspeicher", flush=True)
        probes: list[Probe] = []
        want = args.only
        if want in (None, "Dateisystem", "Signale"):
            KIT_TEMPLATE = _build_template_kit(root)
        for make in (settings_probes, caseload_probes, record_probes, filesystem_probes):
            probes += [p for p in make() if want in (None, p.cls)]
        for number, probe in enumerate(probes):
            results.append(run_probe(probe, root / f"{number:04d}"))
            if probe.cls == "Einstellungen" and results[-1].code == 0:  # check passed: new must succeed
                follow = Probe(
                    "check → new",
                    probe.name,
                    ["new", probe.args[1], "kit", "--quiet"],
                    probe.setup,
                    {**PDF_KIT_ENV, **probe.env},
                    expect=frozenset({0}),
                    kit="kit",
                )
                probes.append(follow)
            if args.verbose:
                last = results[-1]
                print(
                    f"  {probe.cls} / {probe.name}: Exit {last.code}, {last.rss / MB:.0f} MB, {last.seconds:.1f} s"
                )
            if results[-1].failures:
                print(f"  FEHLER {probe.cls} / {probe.name}: {'; '.join(results[-1].failures)}", flush=True)
        if want in (None, "Signale"):
            for number, (label, sig, delay, existing) in enumerate(signal_runs()):
                results.append(signal_run(label, sig, delay, existing, root / f"s{number}"))
                if results[-1].failures:
                    print(f"  FEHLER Signale / {label}: {'; '.join(results[-1].failures)}", flush=True)
    finally:
        for path in root.rglob("*"):  # read-only probe folders must be removable
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return _report(results, base_rss)


def _report(results: list[Result], base_rss: int) -> int:
    classes: dict[str, list[Result]] = {}
    for result in results:
        classes.setdefault(result.probe.cls, []).append(result)
    head = f"{'Klasse':<14} {'Läufe':>6} {'Exit 0':>7} {'Exit 2':>7} {'intern':>7} {'halb':>5} {'verloren':>9} {'>1 GB':>6} {'max. MB':>8} {'×Basis':>7} {'max. s':>7}"
    print()
    print(head)
    print("-" * len(head))
    failed = 0
    for cls, group in classes.items():
        internal = sum(
            any(f.startswith(("Exit", "interner", "Traceback", "zweiter")) for f in r.failures) for r in group
        )
        partial = sum(any(f.startswith(("Reste", "halb", "nach dem")) for f in r.failures) for r in group)
        lost = sum(any(f.startswith(("verlorene", "das bisherige")) for f in r.failures) for r in group)
        memory = sum(any("GB Speicher" in f for f in r.failures) for r in group)
        peak = max(r.rss for r in group)
        print(
            f"{cls:<14} {len(group):>6} {sum(r.code == 0 for r in group):>7} {sum(r.code == 2 for r in group):>7} "
            f"{internal:>7} {partial:>5} {lost:>9} {memory:>6} {peak / MB:>8.0f} {peak / max(base_rss, 1):>7.1f} "
            f"{max(r.seconds for r in group):>7.1f}"
        )
        failed += sum(bool(r.failures) for r in group)
    print()
    print(f"{len(results)} Proben, {failed} mit Fehlern.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
