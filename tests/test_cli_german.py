"""Every word of the command line is German, through argparse's supported hooks (nothing patched)."""

from __future__ import annotations

import argparse
import gettext

import pytest

from replicate.cli import main

from .test_cli_docs import _commands

ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "error:", "invalid choice")


@pytest.mark.parametrize("command", [[], *_commands()], ids=lambda c: " ".join(c) or "replicate")
def test_help_is_german(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert out.startswith("Aufruf: replicate")
    assert "Optionen:" in out and "diese Hilfe anzeigen und beenden" in out
    for word in ENGLISH:
        assert word not in out, f"{word!r} in help of {command}"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["scren"], "ungültige Wahl 'scren' (möglich: 'init'"),
        (["screen"], "es fehlen Angaben: FALL"),
        (["screen", "x.json", "--gibtsnicht"], "unbekannte Angaben: --gibtsnicht"),
        (["screen", "x.json", "--out"], "Angabe --out: erwartet einen Wert"),
        (["screen", "x.csv", "--delimiter", "pipe"], "Angabe --delimiter: ungültige Wahl 'pipe'"),
        (["screen", "x.json", "--as-of", "gestern"], "„gestern“ ist kein Datum"),
    ],
)
def test_argument_errors_are_german(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Aufruf: replicate")
    assert ": Fehler: " in err and expected in err and "--help" in err
    for word in ENGLISH:
        assert word not in err


def test_argparse_itself_is_not_patched() -> None:
    from replicate.cli import build_parser

    build_parser()  # building the parser must not change argparse for other programs in the process
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
