"""Issue 9 items 1, 2, 10, 12: --force, concurrent runs, leftovers of interrupted runs, odd destinations."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from replicate.cli import main
from replicate.errors import KitError
from replicate.kit import new_kit, template_path
from replicate.kit.destination import destination_lock, old_kit_path

from .conftest import ROOT, example_settings

DRESDEN = str(ROOT / "examples" / "dresden.toml")


def _html_kit(dest: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = example_settings("landkreis-mittelsachsen.yaml", monkeypatch)
    settings.kit.formats = ["html"]
    new_kit(settings, dest)


def test_force_refuses_another_tools_copier_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "projekt"
    (project / "src").mkdir(parents=True)
    (project / ".copier-answers.yml").write_text("_src_path: gh:someone/template\n", encoding="utf-8")
    (project / "src" / "main.py").write_text("print(1)\n", encoding="utf-8")
    assert main(["new", DRESDEN, str(project), "--force", "--discard-local"]) == 2
    assert "kein von replicate gebautes Kit" in capsys.readouterr().err
    assert (project / "src" / "main.py").read_text(encoding="utf-8") == "print(1)\n"


def test_force_lists_what_would_be_lost_and_needs_confirmation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = tmp_path / "kit"
    _html_kit(kit, monkeypatch)
    (kit / "einstellungen.toml").write_text("[municipality]\n", encoding="utf-8")
    readme = kit / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "Eigene Zeile\n", encoding="utf-8")
    assert main(["new", DRESDEN, str(kit), "--force"]) == 2
    err = capsys.readouterr().err
    assert "einstellungen.toml" in err and "README.md" in err and "--discard-local" in err
    assert (kit / "einstellungen.toml").is_file() and "Eigene Zeile" in readme.read_text(encoding="utf-8")
    monkeypatch.setenv("REPLICATE_KIT__FORMATS", '["html"]')
    assert main(["new", DRESDEN, str(kit), "--force", "--discard-local", "--quiet"]) == 0
    assert not (kit / "einstellungen.toml").exists()


def test_force_never_touches_a_git_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = tmp_path / "kit"
    _html_kit(kit, monkeypatch)
    (kit / ".git").mkdir()
    (kit / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    with pytest.raises(KitError, match=r"\.git"):
        new_kit(example_settings("dresden.toml", monkeypatch), kit, force=True, discard=True)
    assert (kit / ".git" / "HEAD").is_file()


def test_two_runs_cannot_build_into_the_same_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "kit"
    with destination_lock(dest), pytest.raises(KitError, match="anderer replicate-Lauf"):
        new_kit(example_settings("dresden.toml", monkeypatch), dest)  # another run holds the destination
    assert not dest.exists()


def test_a_folder_that_appears_during_the_build_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from replicate.kit import build

    dest = tmp_path / "kit"
    original = build.write_index

    def meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        dest.mkdir()
        (dest / "fremd.txt").write_text("von einem anderen Programm", encoding="utf-8")
        return original(*args, **kwargs)

    monkeypatch.setattr(build, "write_index", meanwhile)
    settings = example_settings("dresden.toml", monkeypatch)
    settings.kit.formats = ["html"]
    with pytest.raises(KitError, match="nicht leer"):
        new_kit(settings, dest)
    assert [p.name for p in dest.iterdir()] == ["fremd.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit"]


def test_leftovers_of_a_killed_run_are_tidied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "kit"
    _html_kit(dest, monkeypatch)
    # a crash between the two renames: the old kit only in .kit.replicate-old, plus a staging folder
    os.replace(dest, old_kit_path(dest))
    stale = tmp_path / ".kit.replicate-abc123_x"
    (stale / "kit").mkdir(parents=True)
    settings = example_settings("landkreis-mittelsachsen.yaml", monkeypatch)
    settings.kit.formats = ["html"]
    with pytest.raises(KitError, match="nicht leer") as raised:  # the restored kit is not replaced
        new_kit(settings, dest)
    assert "zurückgelegt" in str(raised.value)
    assert (dest / ".replicate" / "state.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit"]


def test_sigkill_leaves_nothing_the_next_run_does_not_clean(tmp_path: Path) -> None:
    dest = tmp_path / "kit"
    code = (
        "import os, signal, sys\n"
        "from replicate.kit import build\n"
        "from replicate.cli import main\n"
        "def die(*a, **k): os.kill(os.getpid(), signal.SIGKILL)\n"
        "build.write_index = die\n"
        f"main(['new', {DRESDEN!r}, {str(dest)!r}, '--quiet'])\n"
    )
    env = {**os.environ, "REPLICATE_KIT__FORMATS": '["html"]'}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=False)
    assert done.returncode == -9
    assert any(p.name.startswith(".kit.replicate-") for p in tmp_path.iterdir())
    env_ok = {**env, "REPLICATE_KIT__REFERENCE_DATE": "2026-11-25"}
    again = subprocess.run(
        [sys.executable, "-m", "replicate", "new", DRESDEN, str(dest), "--quiet"],
        env=env_ok,
        capture_output=True,
    )
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit"]


def test_two_concurrent_runs_one_succeeds(tmp_path: Path) -> None:
    dest = tmp_path / "kit"
    env = {**os.environ, "REPLICATE_KIT__FORMATS": '["html"]', "REPLICATE_KIT__REFERENCE_DATE": "2026-11-25"}
    command = [sys.executable, "-m", "replicate", "new", DRESDEN, str(dest), "--quiet"]
    runs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)
    ]
    results = [(run.wait(), run.communicate()[1].decode()) for run in runs]
    assert sorted(code for code, _ in results) == [0, 2], results
    loser = next(err for code, err in results if code == 2)
    assert "Traceback" not in loser and ("anderer replicate-Lauf" in loser or "nicht leer" in loser)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit"]


def test_sigterm_removes_the_staging_folder(tmp_path: Path) -> None:
    import signal
    import time

    dest = tmp_path / "kit"
    env = {
        **os.environ,
        "REPLICATE_KIT__FORMATS": '["html","docx"]',
        "REPLICATE_KIT__REFERENCE_DATE": "2026-11-25",
    }
    run = subprocess.Popen(
        [sys.executable, "-m", "replicate", "new", DRESDEN, str(dest), "--quiet"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not any((p / "kit").is_dir() for p in tmp_path.glob(".kit.replicate-*")):
        assert run.poll() is None and time.monotonic() < deadline, "the build never started"
        time.sleep(0.05)
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130 and "Traceback" not in err.decode() and "Abgebrochen" in err.decode()
    assert list(tmp_path.iterdir()) == []


def test_destination_inside_the_template_folder(capsys: pytest.CaptureFixture[str]) -> None:
    dest = template_path() / "kit" / "ausgabe"
    assert main(["new", DRESDEN, str(dest)]) == 2
    assert "Vorlagenordner" in capsys.readouterr().err
    assert not dest.exists()


def test_dangling_symlink_as_destination(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "kit"
    link.symlink_to(tmp_path / "nirgends" / "tief")
    assert main(["new", DRESDEN, str(link)]) == 2
    assert "symbolischer Verweis" in capsys.readouterr().err
    assert not (tmp_path / "nirgends").exists()


def test_ctrl_c_during_start_up_prints_no_traceback() -> None:
    code = "import builtins, sys\nsys.argv = ['replicate', '--version']\n" + (
        "real = builtins.__import__\n"
        "def stop(name, *a, **k):\n"
        "    if name == 'replicate.cli': raise KeyboardInterrupt\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = stop\n"
        "from replicate._start import run\nrun()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 130
    assert "Traceback" not in done.stderr and "Abgebrochen" in done.stderr
