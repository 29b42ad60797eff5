"""Rule files are written by people too: their errors are German, located, and never pydantic's English."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from replicate.errors import RulesError
from replicate.rules import DATA_DIR, load_rules


def _broken(tmp_path: Path, old: str, new: str) -> str:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "p25a.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RulesError) as info:
        load_rules(data)
    return str(info.value)


def test_a_list_where_a_text_belongs(tmp_path: Path) -> None:
    message = _broken(
        tmp_path,
        "    title: Aufenthaltserlaubnis für gut integrierte Jugendliche und junge Volljährige\n",
        "    title: [Aufenthaltserlaubnis]\n",
    )
    assert "p25a.yaml:4" in message and "erwartet wird ein Text" in message
    assert "Input should be" not in message and "valid string" not in message


def test_an_impossible_date_in_a_rule_file(tmp_path: Path) -> None:
    message = _broken(tmp_path, "values: {2022-12-31: 27}", "values: {2022-02-30: 27}")
    assert "p25a.yaml:19" in message and "„2022-02-30“ ist kein gültiges Datum" in message
