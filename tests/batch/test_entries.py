"""Reading a batch list: folders and tables, shared defaults, every problem of every entry at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from replicate.batch import folder_name, parse_shard, read_entries, select_shard
from replicate.cli import main
from replicate.errors import BatchError

HERE = Path(__file__).parent
DATA = HERE / "data"
EXAMPLES = HERE.parents[1] / "examples"


def test_folder_of_settings_files() -> None:
    entries = read_entries(EXAMPLES)
    assert [e.folder for e in entries] == [
        "dresden",
        "hamburg",
        "kreis-mettmann",
        "landkreis-goerlitz-caritas",
        "landkreis-mittelsachsen",
        "leipzig",
    ]
    kinds = {e.folder: e.settings.municipality.kind for e in entries}
    assert kinds["landkreis-mittelsachsen"] == "Landkreis" and kinds["kreis-mettmann"] == "Kreis"
    assert kinds["hamburg"] == "Stadtstaat"


def test_csv_rows_merge_over_the_shared_defaults() -> None:
    entries = read_entries(DATA / "kommunen.csv", DATA / "gemeinsam.toml")
    by_folder = {e.folder: e.settings for e in entries}
    assert sorted(by_folder) == [
        "fuerth-land",
        "landkreis-roth",
    ]  # the second row's folder from its short name
    fuerth = by_folder["fuerth-land"]
    assert fuerth.municipality.tolerated_persons == 310
    assert fuerth.municipality.state == "Bayern"  # from the defaults
    assert fuerth.authority.address.city == "Zirndorf" and fuerth.authority.address.street.startswith(
        "Landratsamt"
    )
    assert fuerth.kit.client_languages == ["de", "en", "ar"]  # a list cell, split at ;
    assert by_folder["landkreis-roth"].kit.client_languages == ["de", "en", "tr"]  # empty cell: the default


def test_toml_table_with_defaults_section(tmp_path: Path) -> None:
    shared = (DATA / "gemeinsam.toml").read_text(encoding="utf-8")
    shared = shared.replace("[municipality]", "[defaults.municipality]").replace(
        "[authority", "[defaults.authority"
    )
    shared = shared.replace("[advice_service", "[defaults.advice_service").replace(
        "[funder]", "[defaults.funder]"
    )
    shared = shared.replace("[cooperation", "[defaults.cooperation").replace("[kit]", "[defaults.kit]")
    table = tmp_path / "netz.toml"
    table.write_text(
        shared
        + '\n[[kits]]\nfolder = "weissenburg"\n[kits.municipality]\nname = "Landkreis Weißenburg-Gunzenhausen"\n'
        'short_name = "Weißenburg-Gunzenhausen"\n'
        '\n[[kits]]\n[kits.municipality]\nname = "Stadt Schwabach"\nshort_name = "Schwabach"\n'
        'kind = "kreisfreie Stadt"\n',
        encoding="utf-8",
    )
    entries = read_entries(table)
    assert [e.folder for e in entries] == ["schwabach", "weissenburg"]
    assert entries[0].settings.municipality.kind == "kreisfreie Stadt"
    assert entries[1].settings.funder.name == "Landeskirchliche Stiftung Musterland"


def test_every_problem_of_every_entry_at_once() -> None:
    with pytest.raises(BatchError) as caught:
        read_entries(DATA / "kaputt.csv", DATA / "gemeinsam.toml")
    text = str(caught.value)
    assert "Zeile 3: municipality.kind: ungültiger Wert „Großlandkreis“" in text
    assert "Zeile 3: authority.address.postal_code" in text
    assert "Zeile 4: kit.formats[1]: ungültiger Wert „rtf“" in text
    assert "„schlecht/name“ taugt nicht als Ordnername" not in text  # row 4 is reported by its settings first
    assert "Zeile 2" not in text  # the good row


def test_folder_with_broken_files_lists_them_all(tmp_path: Path) -> None:
    for name in ("dresden.toml", "leipzig.toml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    (tmp_path / "syntax.toml").write_text("[municipality\n", encoding="utf-8")
    broken = (
        (EXAMPLES / "leipzig.toml")
        .read_text(encoding="utf-8")
        .replace('kind = "kreisfreie Stadt"', 'kind = "Metropole"')
    )
    (tmp_path / "Zwickau Land.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(BatchError) as caught:
        read_entries(tmp_path)
    text = str(caught.value)
    assert "syntax.toml:1: TOML-Syntaxfehler" in text
    assert "Zwickau Land.toml" in text and "„Metropole“" in text


def test_duplicate_folders_are_refused(tmp_path: Path) -> None:
    rows = (DATA / "kommunen.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "doppelt.csv").write_text("\n".join([rows[0], rows[1], rows[1]]) + "\n", encoding="utf-8")
    with pytest.raises(BatchError, match=r"der Ordner „fuerth-land“ ist schon für .*Zeile 2 vergeben"):
        read_entries(tmp_path / "doppelt.csv", DATA / "gemeinsam.toml")


def test_cli_invalid_list_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kits"
    code = main(
        ["batch", str(DATA / "kaputt.csv"), "--defaults", str(DATA / "gemeinsam.toml"), "--out", str(out)]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "Großlandkreis" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("text", ["0/2", "3/2", "zwei", "1-2"])
def test_bad_shard(text: str) -> None:
    with pytest.raises(BatchError, match="Schreiben Sie I/N"):
        parse_shard(text)


def test_shards_split_the_list_without_overlap() -> None:
    entries = read_entries(EXAMPLES)
    slices = [select_shard(entries, (index, 2)) for index in (1, 2)]
    # every second entry (sorted by folder), starting with the first or the second
    assert [e.folder for e in slices[0]] == ["dresden", "kreis-mettmann", "landkreis-mittelsachsen"]
    assert [e.folder for e in slices[1]] == ["hamburg", "landkreis-goerlitz-caritas", "leipzig"]
    assert select_shard(entries, (1, 1)) == entries


def test_folder_names() -> None:
    assert folder_name("Sächsische Schweiz-Osterzgebirge") == "saechsische-schweiz-osterzgebirge"
    assert folder_name("Weißenburg-Gunzenhausen") == "weissenburg-gunzenhausen"
    assert folder_name("Île-de-Réunion") == "ile-de-reunion"


def test_csv_from_a_german_excel_with_semicolons(tmp_path: Path) -> None:
    import csv

    rows = list(csv.reader((DATA / "kommunen.csv").read_text(encoding="utf-8").splitlines()))
    with (tmp_path / "excel.csv").open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows(rows)  # BOM, ";" between cells, list cells quoted
    entries = read_entries(tmp_path / "excel.csv", DATA / "gemeinsam.toml")
    assert [e.folder for e in entries] == ["fuerth-land", "landkreis-roth"]
