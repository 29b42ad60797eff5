"""``replicate desk`` on the command line: German help with an example, loopback unless allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from replicate.cli import main


def test_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["desk", "--help"])
    out = capsys.readouterr().out
    assert "Beispiel:\n  replicate desk --db beratung.sqlite" in out


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "desk.example"])
def test_other_address_is_refused_without_the_flag(
    host: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "beratung.sqlite"
    assert main(["desk", "--db", str(db), "--host", host]) == 2
    err = capsys.readouterr().err
    assert f"Adresse {host}" in err and "--andere-adresse-erlauben" in err and "Traceback" not in err
    assert not db.exists()  # refused before anything is written


def test_database_in_a_missing_folder_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["desk", "--db", str(tmp_path / "fehlt" / "beratung.sqlite")]) == 2
    assert "den Ordner" in capsys.readouterr().err
