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


KEY = "Kirchturm Regenschirm Nordsee 7"


def _plain_desk(db: Path) -> None:
    from replicate.desk.store import Store
    from replicate.rules import load_rules

    Store(db, load_rules(), "test").close()


def test_encrypt_an_existing_file_then_passphrase_is_needed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "beratung.sqlite"
    _plain_desk(db)
    monkeypatch.setenv("REPLICATE_DESK_PASSPHRASE", KEY)
    assert main(["desk", "--db", str(db), "--verschluesseln"]) == 0
    assert "verschlüsselt (0 Fälle)" in capsys.readouterr().out
    assert not db.read_bytes().startswith(b"SQLite format 3")
    before = db.read_bytes()
    monkeypatch.delenv("REPLICATE_DESK_PASSPHRASE")  # stdin of pytest is no terminal: nothing to ask
    assert main(["desk", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert (
        "Die Datei ist verschlüsselt" in err and "REPLICATE_DESK_PASSPHRASE" in err and "Traceback" not in err
    )
    monkeypatch.setenv("REPLICATE_DESK_PASSPHRASE", "falsche Passphrase 123")
    assert main(["desk", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "Passphrase ist falsch" in err and "Traceback" not in err
    assert db.read_bytes() == before


def test_new_encrypted_file_needs_a_long_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "beratung.sqlite"
    monkeypatch.setenv("REPLICATE_DESK_PASSPHRASE", "kurz")
    assert main(["desk", "--db", str(db), "--verschluesselt"]) == 2
    assert "zu kurz" in capsys.readouterr().err and not db.exists()


def test_encrypting_an_open_or_missing_file_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPLICATE_DESK_PASSPHRASE", KEY)
    assert main(["desk", "--db", str(tmp_path / "fehlt.sqlite"), "--verschluesseln"]) == 2
    assert "gibt es nicht" in capsys.readouterr().err
    db = tmp_path / "beratung.sqlite"
    _plain_desk(db)
    db.with_name("beratung.sqlite-wal").write_bytes(b"")  # a desk still running leaves its WAL
    assert main(["desk", "--db", str(db), "--verschluesseln"]) == 2
    assert "gerade geöffnet" in capsys.readouterr().err
    assert db.read_bytes().startswith(b"SQLite format 3")


def test_without_settings_the_start_names_the_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from replicate.cli import desk_cmds
    from replicate.errors import DeskError

    def no_server(*args: object) -> None:
        raise DeskError("Adresse belegt (Test)")

    monkeypatch.setattr(desk_cmds, "make", no_server)
    assert main(["desk", "--db", str(tmp_path / "beratung.sqlite"), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert "Ohne --settings: Löschfrist 3 Jahre (Voreinstellung)" in err
    assert "Landesbehörden und Landesrecht in allgemeiner Form" in err
