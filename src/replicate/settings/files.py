"""Checks of the files a settings file points to (logo, reference DOCX).

``replicate check`` runs them, so that a logo that is no image, too large to embed, damaged, an SVG that
loads something from elsewhere or has no sensible size, or a reference document that is no DOCX is found
before ``replicate new`` starts. Size and dimensions are read from the file and its header first; only a
logo that passes them (at most 1 MB, 4000 × 4000 pixels) is decoded in full, by Typst, the library that
decodes it when the PDFs are made: whatever Typst cannot read, ``new`` could not build. (Pillow is no
dependency of replicate, and python-docx and odfdo only copy the bytes into the package, so a damaged logo
would show up there only as a broken picture in Word or LibreOffice.)
"""

from __future__ import annotations

import math
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from replicate.errors import Problem
from replicate.imagesize import jpeg_size, png_size
from replicate.oswords import reason

MAX_LOGO_BYTES = 1_000_000
"""Largest logo file (1 MB): it is embedded in every document of the kit."""
MAX_LOGO_PIXELS = 4_000
"""Longest side of a logo in pixels (a header logo is printed about 1.2 cm high)."""
MAX_DOCX_BYTES = 20_000_000
"""Largest reference DOCX (20 MB)."""
MAX_DOCX_UNPACKED = 100_000_000
"""Largest reference DOCX once unpacked (100 MB): python-docx reads every part into memory."""

_LOCAL = re.compile(r"^(#|data:)", re.IGNORECASE)
_CSS_URL = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"]?)(?!#|data:)([^'\")\s]+)", re.IGNORECASE)
_LOGO_HINT = "Verwenden Sie ein PNG, JPG oder SVG bis 1 MB und höchstens 4000 × 4000 Pixel."
_SVG_HINT = (
    'Speichern Sie das SVG mit width und height (z. B. width="300" height="100") oder einem viewBox '
    '(z. B. viewBox="0 0 300 100"), höchstens 4000 × 4000 Pixel.'
)
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in|%)?\s*$")
_PIXELS = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}
"""CSS pixels per unit of an SVG length (``%`` is relative: it needs a viewBox)."""


def _svg_problem(data: bytes) -> str | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return "ist kein lesbares SVG (kein gültiges XML)"
    if not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        return "ist kein SVG-Bild"
    for element in root.iter():
        for name, value in element.attrib.items():
            if etree.QName(name).localname == "href" and not _LOCAL.match(value.strip()):
                return f"lädt eine Datei von außerhalb nach ({value.strip()[:80]})"
            if etree.QName(name).localname == "style" and _CSS_URL.search(value):
                return "lädt im Stil eine Datei von außerhalb nach"
        if isinstance(element.tag, str) and etree.QName(element).localname == "style":
            found = _CSS_URL.search(element.text or "")
            if found:
                return f"lädt im Stil eine Datei von außerhalb nach ({found.group(1)[:80]})"
    return None


def _svg_size_problem(data: bytes) -> str | None:
    """What is wrong with the size an SVG declares: width/height and viewBox present, positive, capped."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(data, parser)
    sides: list[float] = []
    relative = False
    for name in ("width", "height"):
        value = root.get(name)
        if value is None:
            continue
        found = _LENGTH.match(value)
        if found is None or not math.isfinite(float(found.group(1))) or float(found.group(1)) <= 0:
            return f"hat eine unbrauchbare Angabe {name}=„{value.strip()[:40]}“"
        if found.group(2) == "%":
            relative = True
        else:
            sides.append(float(found.group(1)) * _PIXELS[found.group(2) or ""])
    box = root.get("viewBox")
    if box is not None:
        parts = [p for p in re.split(r"[\s,]+", box.strip()) if p]
        try:
            numbers = [float(p) for p in parts]
        except ValueError:
            numbers = []
        if len(numbers) != 4 or not all(map(math.isfinite, numbers)) or min(numbers[2:]) <= 0:
            return f"hat einen unbrauchbaren viewBox „{box.strip()[:40]}“"
    elif relative or len(sides) < 2:
        return "hat keine Größe (es fehlen width und height oder ein viewBox)"
    if any(side > MAX_LOGO_PIXELS for side in sides):
        width, height = (root.get("width") or "?").strip(), (root.get("height") or "?").strip()
        return f"ist mit {width[:20]} × {height[:20]} zu groß angelegt"
    return None


def _decode_problem(path: Path) -> str | None:
    """Decode the logo as the PDF renderer does (Typst places it on a page); None when that works."""
    import typst

    with tempfile.TemporaryDirectory(prefix="replicate-logo-") as folder:
        name = "logo" + path.suffix.lower()
        shutil.copyfile(path, Path(folder) / name)  # a fixed name: nothing of the user's path in Typst markup
        probe = Path(folder) / "probe.typ"
        probe.write_text(
            f'#set page(width: 4cm, height: 2cm, margin: 0pt)\n#image("/{name}", height: 1.2cm)\n',
            encoding="utf-8",
        )
        try:
            typst.compile(str(probe), root=folder, ignore_system_fonts=True)
        except typst.TypstError as exc:
            return str(exc.message)
    return None


def logo_problem(path: Path) -> Problem | None:
    """What is wrong with the logo at ``path`` (None when it can be embedded everywhere)."""
    try:
        return _logo_problem(path)
    except OSError as exc:
        return Problem(f"Logo „{path.name}“ kann nicht gelesen werden ({reason(exc)})", "kit.logo")


def _logo_problem(path: Path) -> Problem | None:
    size = path.stat().st_size
    if size > MAX_LOGO_BYTES:
        return Problem(f"Logo „{path.name}“ ist zu groß ({size // 1000} KB)", "kit.logo", hint=_LOGO_HINT)
    data = path.read_bytes()
    suffix = path.suffix.lower()
    dimensions: tuple[int, int] | None
    if suffix == ".png":
        dimensions = png_size(data)
        if dimensions is None:
            return Problem(f"Logo „{path.name}“ ist kein PNG-Bild", "kit.logo", hint=_LOGO_HINT)
    elif suffix in (".jpg", ".jpeg"):
        dimensions = jpeg_size(data)
        if dimensions is None:
            return Problem(f"Logo „{path.name}“ ist kein JPG-Bild", "kit.logo", hint=_LOGO_HINT)
    elif suffix == ".svg":
        reason = _svg_problem(data)
        if reason is not None:
            return Problem(
                f"Logo „{path.name}“ {reason}",
                "kit.logo",
                hint="Ein SVG-Logo muss alles enthalten, was es zeigt (keine Verweise auf Dateien oder Adressen).",
            )
        reason = _svg_size_problem(data)
        if reason is not None:
            return Problem(f"Logo „{path.name}“ {reason}", "kit.logo", hint=_SVG_HINT)
        return _damaged(path, "SVG")
    else:
        return Problem(f"Logo „{path.name}“: unbekanntes Bildformat", "kit.logo", hint=_LOGO_HINT)
    width, height = dimensions
    if not (0 < width <= MAX_LOGO_PIXELS and 0 < height <= MAX_LOGO_PIXELS):
        return Problem(
            f"Logo „{path.name}“ hat {width} × {height} Pixel; das ist zu groß zum Einbetten",
            "kit.logo",
            hint=_LOGO_HINT,
        )
    return _damaged(path, "JPG" if suffix in (".jpg", ".jpeg") else "PNG")


def _damaged(path: Path, kind: str) -> Problem | None:
    if _decode_problem(path) is None:
        return None
    return Problem(
        f"Logo „{path.name}“ ist beschädigt: die Bilddaten lassen sich nicht lesen, obwohl der Anfang der "
        f"Datei wie ein {kind}-Bild aussieht",
        "kit.logo",
        hint="Öffnen Sie das Logo in einem Bildprogramm und speichern Sie es neu. " + _LOGO_HINT,
    )


def docx_problem(path: Path) -> Problem | None:
    """What is wrong with the reference DOCX at ``path`` (None when python-docx can use its styles)."""
    try:
        return _docx_problem(path)
    except OSError as exc:
        return Problem(
            f"Vorlage „{path.name}“ kann nicht gelesen werden ({reason(exc)})", "kit.reference_docx"
        )


def _docx_problem(path: Path) -> Problem | None:
    hint = "Geben Sie ein mit Word oder LibreOffice als .docx gespeichertes Dokument an."
    size = path.stat().st_size
    if size > MAX_DOCX_BYTES:
        return Problem(
            f"Vorlage „{path.name}“ ist zu groß ({size // 1_000_000} MB)", "kit.reference_docx", hint=hint
        )
    if not zipfile.is_zipfile(path):
        return Problem(
            f"Vorlage „{path.name}“ ist kein Word-Dokument (DOCX)", "kit.reference_docx", hint=hint
        )
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        names, unpacked = set(), 0
    if unpacked > MAX_DOCX_UNPACKED:
        return Problem(
            f"Vorlage „{path.name}“ ist entpackt zu groß ({unpacked // 1_000_000} MB)",
            "kit.reference_docx",
            hint=hint,
        )
    if not {"[Content_Types].xml", "word/document.xml", "word/styles.xml"} <= names:
        return Problem(
            f"Vorlage „{path.name}“ ist kein Word-Dokument mit Formatvorlagen (DOCX)",
            "kit.reference_docx",
            hint=hint,
        )
    try:
        import docx

        docx.Document(str(path))
    except Exception:  # python-docx raises many kinds for a damaged package; all mean "unusable"
        return Problem(
            f"Vorlage „{path.name}“ ist beschädigt oder kein DOCX", "kit.reference_docx", hint=hint
        )
    return None
