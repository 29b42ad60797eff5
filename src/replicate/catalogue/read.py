"""Read the kits of a batch output: the record of each build, its documents and its practice profile."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from replicate.batch.inputs import RECORDS
from replicate.errors import InputError, Problem
from replicate.kit.documents import document_title, kit_documents

FORMAT_NAMES = {"html": "HTML", "docx": "Word", "odt": "LibreOffice", "pdf": "PDF"}
PROFILE = Path("projekt") / "praxisprofil.md"


@dataclass
class Document:
    """One document of a kit with the formats it exists in."""

    title: str
    source: Path
    """The Markdown source, relative to the kit."""
    formats: list[str] = field(default_factory=list)


@dataclass
class CatalogueKit:
    """One kit of the batch output, as the catalogue shows it."""

    folder: str
    settings: dict[str, Any]
    """The settings the kit was built from (as recorded by ``replicate batch``)."""
    profile_markdown: str
    documents: list[Document]

    def value(self, *path: str) -> Any:
        """A nested settings value, or ``None`` when a key is absent."""
        node: Any = self.settings
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        return node


def read_kits(batch_out: Path) -> list[CatalogueKit]:
    """Every kit of ``batch_out`` that ``replicate batch`` built and recorded, sorted by folder."""
    records = batch_out / RECORDS
    if not batch_out.is_dir() or not records.is_dir():
        raise InputError(batch_out, [Problem(
            "ist keine Ausgabe von replicate batch (es fehlt der Ordner .replicate-batch)",
            hint="Bauen Sie die Kits zuerst: replicate batch LISTE --out ORDNER.")])  # fmt: skip
    kits: list[CatalogueKit] = []
    problems: list[Problem] = []
    for path in sorted(records.glob("*.json")):
        folder = path.stem
        kit_dir = batch_out / folder
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            markdown = (kit_dir / PROFILE).read_text(encoding="utf-8")
        except (OSError, ValueError) as exc:
            problems.append(Problem(
                f"das Kit „{folder}“ ist unvollständig ({exc.__class__.__name__})", location=folder,
                hint="Bauen Sie es neu: replicate batch … --resume.",
            ))  # fmt: skip
            continue
        kits.append(CatalogueKit(folder, record.get("settings", {}), markdown, _documents(kit_dir)))
    if problems:
        raise InputError(batch_out, problems)
    if not kits:
        raise InputError(
            batch_out, [Problem("enthält kein gebautes Kit", hint="Starten Sie zuerst replicate batch.")]
        )
    return kits


def _documents(kit_dir: Path) -> list[Document]:
    result = []
    for source in kit_documents(kit_dir):
        markdown = (kit_dir / source).read_text(encoding="utf-8")
        formats = [fmt for fmt in FORMAT_NAMES if (kit_dir / source.with_suffix(f".{fmt}")).is_file()]
        result.append(Document(document_title(markdown, source.stem), source, formats))
    return result
