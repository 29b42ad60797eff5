"""Any input gives a result or a user error, never anything else (no internal error, no traceback).

Settings text (TOML and YAML, mutated from the shipped examples and random) → a valid model or a
``SettingsError``; CSV bytes (any encoding, delimiter, quoting) → rows or row errors, or one
``CaseRecordError`` for the whole file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from replicate.caserecord import iter_caseload
from replicate.errors import CaseRecordError, SettingsError
from replicate.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {
    ".toml": (ROOT / "examples" / "dresden.toml").read_text(encoding="utf-8"),
    ".yaml": (ROOT / "examples" / "landkreis-mittelsachsen.yaml").read_text(encoding="utf-8"),
}
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
SPECIAL = [
    "no",
    "on",
    "01705",
    "2027-02-30",
    ".inf",
    "inf",
    "<<",
    "&a",
    "*a",
    "\x00",
    "\x0b",
    "\ufeff",
    "[",
    "{",
    '"',
    "'",
    ":",
    "=",
    "\n",
    "\t",
    "-",
    "?",
    "!!python/object",
    "~",
    "1e999",
    "9" * 30,
]


def _mutate(text: str, data: st.DataObject) -> str:
    for _ in range(data.draw(st.integers(1, 4))):
        lines = text.splitlines(keepends=True)
        index = data.draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        cut = data.draw(st.integers(0, len(line)))
        insert = data.draw(st.one_of(st.sampled_from(SPECIAL), st.text(max_size=12)))
        drop = data.draw(st.integers(0, 6))
        lines[index] = line[:cut] + insert + line[cut + drop :]
        text = "".join(lines)
    return text


def _load(name: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            assert isinstance(load_settings(path), Settings)
        except SettingsError as err:
            assert err.problems, "a SettingsError must name at least one problem"
            assert all(p.message for p in err.problems)


@FUZZ
@given(suffix=st.sampled_from([".toml", ".yaml"]), data=st.data())
def test_mutated_settings_give_a_model_or_a_settings_error(suffix: str, data: st.DataObject) -> None:
    text = _mutate(EXAMPLES[suffix], data)
    _load(f"einstellungen{suffix}", text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(suffix=st.sampled_from([".toml", ".yaml", ".yml"]), content=st.binary(max_size=400))
def test_random_bytes_give_a_settings_error(suffix: str, content: bytes) -> None:
    _load(f"zufall{suffix}", content)


@FUZZ
@given(
    name=st.sampled_from(
        [
            "REPLICATE_MUNICIPALITY",
            "REPLICATE_KIT__FORMATS",
            "REPLICATE_KIT__REFERENCE_DATE",
            "REPLICATE_FUNDER__INDICATORS",
            "REPLICATE_ADVICE_SERVICE__STAFF_FTE",
        ]
    ),
    value=st.one_of(st.sampled_from(SPECIAL), st.text(max_size=20)).filter(lambda v: "\x00" not in v),
)
def test_environment_values_give_a_model_or_a_settings_error(name: str, value: str) -> None:
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        _load("dresden.toml", EXAMPLES[".toml"].encode("utf-8"))
    finally:
        if old is None:
            del os.environ[name]
        else:
            os.environ[name] = old


HEADERS = [
    "case_id",
    "birth_date",
    "asylum",
    "asylum.outcome",
    "status_periods.0.kind",
    "status_periods.0.start",
    "convictions",
    "employment.jobs.1.hours_per_week",
    "x.99",
    "status_periods.100.start",
    "",
]
CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "ja",
            "nein",
            "[]",
            "{}",
            "[1",
            '{"a":',
            "2020-01-01",
            "2020-02-30",
            "duldung",
            "=1+2",
            "-5",
            "9" * 50,
        ]
    ),
    st.text(max_size=10),
)


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6))
    rows = draw(st.lists(st.lists(CELLS, max_size=8), max_size=6))
    quote = draw(st.booleans())
    lines = [delimiter.join(header)]
    for row in rows:
        cells = [f'"{c}"' if quote and c else c for c in row]
        lines.append(delimiter.join(cells))
    text = "\n".join(lines) + draw(st.sampled_from(["", "\n", '\n"offen']))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
    return text.encode(encoding, errors="replace")


def _read(name: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            rows = list(iter_caseload(path))
        except CaseRecordError as err:
            assert err.problems
            return
        for row in rows:
            assert (row.record is None) == bool(row.problems), row


@FUZZ
@given(content=csv_bytes())
def test_any_csv_gives_rows_or_row_errors(content: bytes) -> None:
    _read("faelle.csv", content)


@FUZZ
@given(name=st.sampled_from(["faelle.csv", "faelle.jsonl", "faelle.json"]), content=st.binary(max_size=300))
@example(name="faelle.csv", content=b"\xb2")  # Windows-1252 „²“: a digit to str.isdigit, not to int()
@example(name="faelle.csv", content="case_id,history.\u00b2.date\nA-1,2027-01-01\n".encode())
def test_random_bytes_give_rows_row_errors_or_a_file_error(name: str, content: bytes) -> None:
    _read(name, content)
