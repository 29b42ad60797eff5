"""The gettext catalogs: they parse and compile, are complete, and the check finds what is missing."""

from __future__ import annotations

import argparse
import gettext
import io
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from replicate.cli import i18n_cmds
from replicate.forms.catalog import (
    compile_catalog,
    default_dir,
    init,
    languages,
    po_path,
    pot_path,
    template,
    update,
)
from replicate.forms.check import check_language
from replicate.forms.messages import source_messages
from replicate.forms.translate import UNTRANSLATED, translator

SHIPPED = ["ar", "en", "fa", "ru", "tr", "uk"]


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    i18n_cmds.register(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    return int(args.func(args))


@pytest.fixture
def catalogs(tmp_path: Path) -> Path:
    """A writable copy of the shipped catalogs."""
    return Path(shutil.copytree(default_dir(), tmp_path / "locales"))


def test_shipped_languages() -> None:
    assert languages(default_dir()) == SHIPPED


@pytest.mark.parametrize("lang", SHIPPED)
def test_catalog_compiles_and_gettext_reads_it(lang: str) -> None:
    mo = compile_catalog(po_path(lang, default_dir()))
    translations = gettext.GNUTranslations(io.BytesIO(mo))
    assert translations.gettext("Sprache") != "Sprache"
    assert translations.info()["language"] == lang


@pytest.mark.parametrize("lang", SHIPPED)
def test_catalog_is_complete_with_same_placeholders(lang: str) -> None:
    report = check_language(lang, default_dir())
    assert report.ok, (report.missing[:3], report.fuzzy[:3], report.placeholders[:3])


def test_template_is_up_to_date() -> None:
    with pot_path(default_dir()).open("rb") as fh:
        shipped = {m.id for m in read_po(fh) if m.id}
    assert shipped == {s.msgid for s in source_messages()}, "replicate i18n extract ausführen"


def test_removed_entry_is_reported_and_falls_back_visibly(catalogs: Path) -> None:
    path = po_path("ar", catalogs)
    text = path.read_text(encoding="utf-8")
    missing = 'msgid "Eintrag hinzufügen"\nmsgstr "إضافة إدخال"'
    assert missing in text
    path.write_text(text.replace(missing, 'msgid "Eintrag hinzufügen"\nmsgstr ""'), encoding="utf-8")
    report = check_language("ar", catalogs)
    assert report.missing == ["Eintrag hinzufügen"]
    assert run("i18n", "check", "--lang", "ar", "--dir", str(catalogs)) == 1
    assert run("i18n", "check", "--lang", "en", "--dir", str(catalogs)) == 0
    tr = translator("ar", catalogs)
    assert tr("Eintrag hinzufügen") == UNTRANSLATED + "Eintrag hinzufügen"
    assert tr("Sprache") == "اللغة"


def test_fuzzy_and_broken_placeholders_are_reported(catalogs: Path) -> None:
    path = po_path("en", catalogs)
    text = path.read_text(encoding="utf-8")
    text = text.replace('msgid "Sprache"', '#, fuzzy\nmsgid "Sprache"')
    text = text.replace("Saved as {file}.", "Saved as {datei}.")
    path.write_text(text, encoding="utf-8")
    report = check_language("en", catalogs)
    assert report.fuzzy == ["Sprache"]
    assert report.placeholders == ["Gespeichert als {file}. Die Datei liegt nur auf diesem Gerät."]
    assert translator("en", catalogs)("Sprache") == UNTRANSLATED + "Sprache"


def test_check_output_lists_missing_per_language(catalogs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("i18n", "check", "--lang", "fr", "--lang", "en", "--dir", str(catalogs)) == 1
    out = capsys.readouterr().out
    assert "fr: kein Katalog – anlegen mit  replicate i18n init fr" in out
    assert "en: vollständig" in out


def test_init_starts_a_new_language(catalogs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("i18n", "init", "fr", "--dir", str(catalogs)) == 0
    report = check_language("fr", catalogs)
    assert len(report.missing) == report.total == len(source_messages())
    assert translator("fr", catalogs)("Sprache") == UNTRANSLATED + "Sprache"


def test_init_refuses_existing_and_unknown_languages(catalogs: Path) -> None:
    from replicate.errors import InputError

    with pytest.raises(InputError, match="gibt es schon"):
        init("en", catalogs)
    with pytest.raises(InputError, match="unbekanntes Sprachkürzel"):
        init("zz-nonsense", catalogs)


def test_update_adds_new_messages_empty_and_keeps_translations(catalogs: Path) -> None:
    path = po_path("ru", catalogs)
    text = path.read_text(encoding="utf-8")
    start = text.index('msgid "Eintrag entfernen"')
    end = text.index("\n\n", start)
    path.write_text(text[:start] + text[end + 2 :], encoding="utf-8")
    assert check_language("ru", catalogs).missing == ["Eintrag entfernen"]
    update(catalogs)
    with path.open("rb") as fh:
        merged = read_po(fh)
    assert merged.get("Eintrag entfernen").string == ""
    assert merged.get("Sprache").string == "Язык"
    assert {m.id for m in merged if m.id} == {m.id for m in template() if m.id}


@pytest.mark.parametrize(
    "command", [["i18n"], ["i18n", "check"], ["i18n", "extract"], ["i18n", "update"], ["i18n", "init"]]
)
def test_help_has_an_example(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(*command, "--help")
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "Beispiel:" in out and f"replicate {' '.join(command)}" in out


def test_i18n_without_subcommand_shows_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("i18n") == 2
    assert "check" in capsys.readouterr().out


def test_extract_writes_the_template(catalogs: Path) -> None:
    pot_path(catalogs).unlink()
    assert run("i18n", "extract", "--dir", str(catalogs)) == 0
    with pot_path(catalogs).open("rb") as fh:
        assert {m.id for m in read_po(fh) if m.id} == {s.msgid for s in source_messages()}


def test_check_for_a_kit_names_its_missing_languages(capsys: pytest.CaptureFixture[str]) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    assert run("i18n", "check", "--settings", str(examples / "dresden.toml")) == 0
    assert run("i18n", "check", "--settings", str(examples / "leipzig.toml")) == 1
    out = capsys.readouterr().out
    assert "ti: kein Katalog" in out and "ku: kein Katalog" in out and "tr: vollständig" in out


def test_network_catalog_folder_replaces_the_builtin_one(
    catalogs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = po_path("en", catalogs)
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "Language"', 'msgstr "Form language"'))
    monkeypatch.setenv("REPLICATE_FORMS_LOCALES", str(catalogs))
    assert default_dir() == catalogs
    assert translator("en")("Sprache") == "Form language"
