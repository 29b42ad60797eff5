"""One error hierarchy for replicate.

Library code raises these; only the CLI turns them into words on stderr and an exit code.
Every error carries enough context (file, location, fix) to be printed as plain, helpful lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a user's input, located as precisely as the format allows."""

    message: str
    """What is wrong, in plain words."""
    location: str = ""
    """Key path (``funder.period.end``), row (``Zeile 12``) or similar; empty when not applicable."""
    line: int | None = None
    """Line number in the file, where the format allows it."""
    hint: str = ""
    """What to do about it."""

    def render(self, file: Path | str | None = None) -> str:
        where = str(file) if file else ""
        if self.line is not None and where:
            where = f"{where}:{self.line}"
        parts = [p for p in (where, self.location) if p]
        head = ": ".join(parts)
        text = f"{head}: {self.message}" if head else self.message
        if self.hint:
            text += f"\n    → {self.hint}"
        return text


class ReplicateError(Exception):
    """Base class of every error meant for the user. ``str(err)`` is a complete, plain message."""

    exit_code = 2


@dataclass
class InputError(ReplicateError):
    """A user-supplied file or value is wrong. Lists every problem found, not just the first."""

    file: Path | str | None
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        lines = [p.render(self.file) for p in self.problems]
        return "\n".join(lines) if lines else f"{self.file}: invalid input"


class SettingsError(InputError):
    """The settings file is missing, unreadable or invalid."""


class CaseRecordError(InputError):
    """A case record (or a row of a caseload) is invalid."""


class RulesError(InputError):
    """A rule file or a local rule adjustment is invalid."""


class KitError(ReplicateError):
    """Building or updating a kit failed (destination problems, template failures)."""


class RenderError(ReplicateError):
    """A document could not be converted to one of the output formats."""


class ReportError(ReplicateError):
    """A report could not be built (no countable row, an unusable period or destination)."""


@dataclass
class BatchError(ReplicateError):
    """Entries of a batch list are invalid. Lists every problem of every entry, before anything is built."""

    errors: list[InputError] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


class DeskError(ReplicateError):
    """The case register (``replicate desk``) cannot do what was asked (database, import, backup)."""


class StaleCaseError(DeskError):
    """A case was changed by someone else since it was opened (optimistic locking)."""
