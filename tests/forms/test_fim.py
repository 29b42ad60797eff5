"""The FIM mapping: one row per form field, and docs/fim-mapping.md shows the current table."""

from __future__ import annotations

import os
import re

from replicate.forms.definition import all_fields, form_sections
from replicate.forms.fim import fim_row, fim_table
from tests.forms.conftest import ROOT

DOC = ROOT / "docs" / "fim-mapping.md"
START = "<!-- fim-table:start (erzeugt, nicht von Hand ändern) -->\n"
END = "<!-- fim-table:end -->"


def test_every_form_field_has_a_mapping_row() -> None:
    table = fim_table()
    paths = re.findall(r"^\| `([^`]+)` ", table, re.M)
    assert paths == [f.path for f in all_fields(form_sections())]


def test_types_follow_xdatenfelder() -> None:
    fields = {f.path: f for f in all_fields(form_sections())}
    assert fim_row(fields["birth_date"]).datentyp == "date"
    assert fim_row(fields["convictions[].day_fines"]).datentyp == "num_int"
    assert fim_row(fields["employment.jobs[].hours_per_week"]).limits == "min 0, max 60"
    status = fim_row(fields["status_periods[].kind"])
    assert (status.feldart, status.datentyp, status.cardinality) == ("select", "text", "1..1")
    assert "duldung_60d" in status.codelist
    assert fim_row(fields["status_periods"]).cardinality == "0..n"


def test_doc_shows_the_current_table_and_says_aligned_not_conformant() -> None:
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(START)
    current = rest.split(END)[0]
    if os.environ.get("UPDATE_GOLDEN") and current != fim_table():
        DOC.write_text(head + START + fim_table() + END + rest.split(END)[1], encoding="utf-8")
        current = fim_table()
    assert current == fim_table(), "UPDATE_GOLDEN=1 pytest tests/forms/test_fim.py"
    assert "FIM-orientiert, nicht FIM-konform" in head
    assert "konform." not in head.replace("nicht FIM-konform.", "")
