"""Docs are tested: every command has --help with an example, and the README names every command."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from replicate.cli import build_parser, main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[list[str]]:
    found: list[list[str]] = []

    def walk(parser: argparse.ArgumentParser, prefix: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.append([*prefix, name])
                    walk(sub, [*prefix, name])

    walk(build_parser(), [])
    return found


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_help_has_an_example(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "Beispiel:" in out and f"replicate {' '.join(command)}" in out


@pytest.mark.parametrize("command", [c for c in _commands() if len(c) == 1], ids=" ".join)
def test_readme_names_every_command(command: list[str]) -> None:
    assert f"replicate {command[0]}" in README


def test_readme_starts_with_the_two_fresh_machine_commands() -> None:
    head = README.split("```", 2)[1]
    assert "scripts/build-example.sh" in head and "scripts/test.sh" in head
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/build-example.sh" in ci and "bash scripts/test.sh" in ci


def test_argument_errors_are_german_and_point_to_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["new"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "Fehler: es fehlen Angaben: EINSTELLUNGEN, ZIELORDNER" in err
    assert "replicate new --help" in err and "Traceback" not in err


def test_unexpected_errors_give_a_plain_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import replicate.cli.settings_cmds as settings_cmds

    def broken(*args: object) -> None:
        raise RuntimeError("Programmfehler")

    monkeypatch.delenv("REPLICATE_DEBUG", raising=False)
    monkeypatch.setattr(settings_cmds, "load_settings", broken)
    assert main(["check", "egal.toml"]) == 1
    err = capsys.readouterr().err
    assert "Interner Fehler" in err and "REPLICATE_DEBUG=1" in err and "Traceback" not in err
