"""Settings input that is odd rather than wrong: read as written, or refused in German with exit 2."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from replicate.cli import main
from replicate.errors import SettingsError
from replicate.settings import load_settings
from replicate.yamlio import LineIndex, parse
from tests.render.test_logo_once import noisy_png

ROOT = Path(__file__).resolve().parents[2]
DRESDEN = (ROOT / "examples" / "dresden.toml").read_text(encoding="utf-8")
LANDKREIS = (ROOT / "examples" / "landkreis-mittelsachsen.yaml").read_text(encoding="utf-8")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(path: Path, capsys: pytest.CaptureFixture[str], *expected: str) -> str:
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Interner Fehler" not in err
    for text in expected:
        assert text in err, f"{text!r} missing in:\n{err}"
    return err


def test_yaml_keeps_norwegian_no_and_leading_zeros_as_written(tmp_path: Path) -> None:
    # YAML 1.1 would read `no` as False and 09599 as a (failed) octal number.
    text = LANDKREIS.replace(
        "advice_languages: [Deutsch, Englisch, Arabisch, Russisch]", "advice_languages: [Deutsch, no, on]"
    )
    text = text.replace(
        '    postal_code: "09599"\n    city: Freiberg\n\nadvice',
        "    postal_code: 09599\n    city: Freiberg\n\nadvice",
    )
    settings = load_settings(_write(tmp_path, "kreis.yaml", text))
    assert settings.advice_service.advice_languages == ["Deutsch", "no", "on"]
    assert settings.authority.address.postal_code == "09599"


def test_yaml_loader_reads_yes_no_only_as_true_false() -> None:
    data, _ = parse(
        "a: no\nb: on\nc: y\nd: true\ne: False\nf: 0o17\ng: 0x1F\nh: 1_000\ni: 12\nj: 1.5\nk: 2026-01-31\n"
    )
    assert data["a"] == "no" and data["b"] == "on" and data["c"] == "y"
    assert data["d"] is True and data["e"] is False
    assert data["f"] == "0o17" and data["g"] == "0x1F" and data["h"] == "1_000"
    assert data["i"] == 12 and data["j"] == 1.5 and str(data["k"]) == "2026-01-31"


def test_toml_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + DRESDEN.encode("utf-8"))
    assert load_settings(path).municipality.short_name == "Dresden"


def test_yaml_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + LANDKREIS.encode("utf-8"))
    assert load_settings(path).municipality.kind == "Landkreis"


def test_a_folder_given_as_settings_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "einstellungen.toml"
    folder.mkdir()
    err = _refused(folder, capsys, "ist ein Ordner, keine Einstellungsdatei")
    assert "nicht gefunden" not in err


def test_settings_file_not_in_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(DRESDEN.encode("cp1252"))
    _refused(path, capsys, "nicht in UTF-8", "Speichern Sie die Datei")


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("deep.yaml", "a: " + "[" * 3000 + "]" * 3000 + "\n", "zu tief verschachtelt"),
        ("deep.toml", "a = " + "[" * 3000 + "]" * 3000 + "\n", "zu tief verschachtelt"),
        ("deepmap.yaml", "a: " + "{b: " * 2000 + "1" + "}" * 2000 + "\n", "zu tief verschachtelt"),
        ("bigint.toml", "a = " + "9" * 5000 + "\n", "eine Zahl ist zu lang"),
        ("bigint.yaml", "a: " + "9" * 5000 + "\n", "nicht lesbar"),
    ],
)
def test_nesting_and_numbers_beyond_limits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, expected: str
) -> None:
    _refused(_write(tmp_path, name, text), capsys, expected)


def test_a_huge_value_is_refused_before_it_reaches_the_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "Perspektive Bleiberecht " + "x" * 100_000
    path = _write(tmp_path, "lang.toml", DRESDEN.replace("Perspektive Bleiberecht Dresden", long))
    _refused(
        path, capsys, "lang.toml:32", "advice_service.project_name", "Angabe ist zu lang (100024 Zeichen"
    )


def test_a_file_over_one_megabyte_is_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "gross.toml", DRESDEN + "\n#" + "x" * 1_100_000 + "\n")
    _refused(path, capsys, "Datei ist zu groß")


def test_line_breaks_in_a_value_do_not_become_markdown_structure(tmp_path: Path) -> None:
    text = DRESDEN.replace(
        'escalation_contact = "Leitung des Bürgeramts und Vorstand des Sächsischen Flüchtlingsrats"',
        'escalation_contact = """Leitung des Bürgeramts\n- und Vorstand\n\n# Überschrift\n    Code"""',
    )
    settings = load_settings(_write(tmp_path, "zeilen.toml", text))
    assert (
        settings.cooperation.escalation_contact == "Leitung des Bürgeramts - und Vorstand # Überschrift Code"
    )


def test_many_unknown_keys_each_get_their_own_line(tmp_path: Path) -> None:
    extra = "".join(f"unbekannt_{n} = 1\n" for n in range(3000))
    text = DRESDEN.replace("[kit]\n", "[kit]\n" + extra)
    with pytest.raises(SettingsError) as info:
        load_settings(_write(tmp_path, "viele.toml", text))
    start = DRESDEN.splitlines().index("[kit]") + 2
    lines = {p.location: p.line for p in info.value.problems}
    assert lines["kit.unbekannt_0"] == start
    assert lines["kit.unbekannt_2999"] == start + 2999


def test_line_index_finds_the_deepest_existing_parent() -> None:
    _, node = parse("a:\n  b:\n    - x\n    - {c: 1}\n")
    index = LineIndex.of_yaml(node)
    assert index.line(("a", "b", 1, "c")) == 4
    assert index.line(("a", "b", 1, "fehlt")) == 4
    assert index.line(("a", "zz")) == 1
    assert index.line(("a", "own", "b"), skip=("own",)) == 2


# --- files the settings point to: checked by `check`, not first by `new` ---


def _png(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))


def _with_kit_file(tmp_path: Path, key: str, name: str, content: bytes) -> Path:
    (tmp_path / name).write_bytes(content)
    text = DRESDEN.replace("[kit]\n", f'[kit]\n{key} = "{name}"\n')
    return _write(tmp_path, "mit-datei.toml", text)


@pytest.mark.parametrize(
    ("key", "name", "content", "expected"),
    [
        ("logo", "logo.png", b"kein Bild", "ist kein PNG-Bild"),
        ("logo", "logo.png", b"", "ist kein PNG-Bild"),
        ("logo", "logo.jpg", b"\x89PNG\r\n\x1a\n", "ist kein JPG-Bild"),
        ("logo", "riesig.png", _png(40_000, 40_000), "hat 40000 × 40000 Pixel"),
        ("logo", "gross.png", _png(100, 100) + b"\0" * 1_100_000, "ist zu groß"),
        ("logo", "logo.gif", b"GIF89a", "unbekanntes Bildformat"),
        (
            "logo",
            "extern.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            b'<image xlink:href="https://example.org/x.png" width="10" height="10"/></svg>',
            "lädt eine Datei von außerhalb nach (https://example.org/x.png)",
        ),
        (
            "logo",
            "datei.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/x.png"/></svg>',
            "lädt eine Datei von außerhalb nach (/etc/x.png)",
        ),
        (
            "logo",
            "stil.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "http://x.example/a.css";</style></svg>',
            "lädt im Stil eine Datei von außerhalb nach",
        ),
        ("logo", "kaputt.svg", b"<svg", "kein gültiges XML"),
        ("logo", "nur-kopf.png", _png(600, 200), "ist beschädigt: die Bilddaten lassen sich nicht lesen"),
        ("logo", "html.svg", b"<html/>", "ist kein SVG-Bild"),
        ("reference_docx", "vorlage.docx", b"Text statt Word", "ist kein Word-Dokument (DOCX)"),
        ("reference_docx", "leer.docx", b"", "ist kein Word-Dokument (DOCX)"),
    ],
)
def test_logo_and_reference_docx_are_checked(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    key: str,
    name: str,
    content: bytes,
    expected: str,
) -> None:
    path = _with_kit_file(tmp_path, key, name, content)
    _refused(path, capsys, f"kit.{key}", expected)


def test_a_zip_that_is_not_a_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import zipfile

    archive = tmp_path / "vorlage.docx"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("hallo.txt", "kein Word")
    text = DRESDEN.replace("[kit]\n", '[kit]\nreference_docx = "vorlage.docx"\n')
    _refused(_write(tmp_path, "zip.toml", text), capsys, "kein Word-Dokument mit Formatvorlagen")


def test_a_small_png_and_a_self_contained_svg_pass(tmp_path: Path) -> None:
    # a whole PNG (header and image data): a header alone is a damaged image that the PDF cannot show
    path = _with_kit_file(tmp_path, "logo", "logo.png", noisy_png(side=200))
    assert load_settings(path).kit.logo == (tmp_path / "logo.png").resolve()
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 20"><defs><g id="a"/></defs><use href="#a"/></svg>'
    path = _with_kit_file(tmp_path, "logo", "logo.svg", svg)
    assert load_settings(path).kit.logo == (tmp_path / "logo.svg").resolve()


def test_a_docx_that_unpacks_to_gigabytes_is_not_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    archive = tmp_path / "bombe.docx"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr("word/styles.xml", " " * 150_000_000)
    assert archive.stat().st_size < 1_000_000
    text = DRESDEN.replace("[kit]\n", '[kit]\nreference_docx = "bombe.docx"\n')
    _refused(_write(tmp_path, "bombe.toml", text), capsys, "kit.reference_docx", "entpackt zu groß (150 MB)")


def test_line_lookup_parses_the_file_once_however_many_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    import replicate.yamlio as yamlio

    parsed: list[int] = []
    original = yamlio.parse

    def counting(text: str) -> tuple[object, yaml.Node | None]:
        parsed.append(1)
        return original(text)

    monkeypatch.setattr(yamlio, "parse", counting)
    monkeypatch.setattr("replicate.settings.load.parse", counting)
    monkeypatch.setattr(yaml, "compose", lambda *a, **k: pytest.fail("a second parse per error"))
    extra = "".join(f"  unbekannt_{n}: 1\n" for n in range(500))
    path = _write(tmp_path, "viele.yaml", LANDKREIS.replace("kit:\n", "kit:\n" + extra))
    with pytest.raises(SettingsError) as info:
        load_settings(path)
    assert len(info.value.problems) == 500 and parsed == [1]
    kit_line = LANDKREIS.splitlines().index("kit:") + 1
    assert {p.line for p in info.value.problems} == set(range(kit_line + 1, kit_line + 501))
