"""Files of an update besides the merged sources: formats reused or kept, records, what is carried over."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from replicate.kit.destination import ANSWERS_FILE
from replicate.kit.logo import is_logo_asset
from replicate.kit.record import INDEX
from replicate.kit.state import STATE_DIR, FileRecord, KitState, digest_bytes, digest_file

if TYPE_CHECKING:
    from replicate.kit.update import UpdateResult


def _format_files(folder: Path, source: str) -> list[Path]:
    stem = Path(source).with_suffix("")
    return [p for p in (folder / stem.parent).glob(f"{stem.name}.*") if p.suffix != ".md"]


def copy_formats(kit: Path, new_dir: Path, source: str) -> bool:
    """Copy the existing formats of ``source`` from the kit; False if there are none."""
    found = [p for p in _format_files(kit, source) if p.suffix in (".html", ".docx", ".odt", ".pdf")]
    for path in found:
        shutil.copy2(path, new_dir / path.relative_to(kit))
    return bool(found)


def keep_local(kit: Path, new_dir: Path, recorded: dict[str, FileRecord], result: UpdateResult) -> None:
    """Formats and pages edited by hand are kept; those deleted by hand stay deleted."""
    for record in recorded.values():
        if record.kind not in ("derived", "generated") or record.path == ANSWERS_FILE:
            continue
        local, target = kit / record.path, new_dir / record.path
        if not local.is_file():
            if (
                target.is_file() and record.path != INDEX and not is_logo_asset(record.path)
            ):  # pages need them
                target.unlink()
                result.deleted.append(record.path)
        elif digest_file(local) != record.digest or (
            record.kind == "derived" and record.source in result.deleted
        ):
            # edited by hand, or the format of a source deleted by hand (it cannot be rebuilt): keep it
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(local, target)
            result.kept.append(record.path)


def final_records(
    built: KitState,
    recorded: dict[str, FileRecord],
    pristine: dict[str, str],
    result: UpdateResult,
    kit: Path,
    new_dir: Path,
) -> list[FileRecord]:
    """Records of the updated kit: sources with the digest of their pristine text (so local edits stay
    visible as edits), kept and deleted files with their earlier record, reports as reports."""
    records = {r.path: r for r in built.files}
    for relative, text in pristine.items():
        old = records.get(relative) or FileRecord(path=relative, digest="", kind="source", source="Vorlage")
        records[relative] = old.model_copy(update={"digest": digest_bytes(text.encode("utf-8"))})
    for relative in result.kept + result.deleted:
        if relative in recorded:
            records[relative] = recorded[relative]
    for relative in result.conflicts:  # formats kept from before the conflict
        for path in _format_files(kit, relative):
            name = path.relative_to(kit).as_posix()
            if name in recorded:
                records[name] = recorded[name]
    for record in recorded.values():
        if record.kind == "report":
            records.setdefault(record.path, record)
    if result.report is not None:
        for suffix in (".md", ".html"):
            name = result.report.with_suffix(suffix).as_posix()
            records[name] = FileRecord(
                path=name, digest=digest_file(new_dir / name), kind="report", source="replicate update"
            )
    return [records[k] for k in sorted(records)]


def carry_over(kit: Path, new_dir: Path, recorded: dict[str, FileRecord]) -> None:
    """Copy what replicate did not write (own files, a ``.git`` folder, earlier reports) into the new kit."""
    for path in sorted(kit.iterdir()):
        if path.name == STATE_DIR:
            continue
        _carry(kit, path, new_dir, recorded)


def _carry(kit: Path, path: Path, new_dir: Path, recorded: dict[str, FileRecord]) -> None:
    relative = path.relative_to(kit).as_posix()
    target = new_dir / relative
    if path.is_dir() and not path.is_symlink():
        if not target.exists() and not any(r.startswith(relative + "/") for r in recorded):
            shutil.copytree(path, target, symlinks=True)
            return
        for child in sorted(path.iterdir()):
            _carry(kit, child, new_dir, recorded)
        return
    record = recorded.get(relative)
    if (record is None or record.kind == "report") and not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target, follow_symlinks=False)
