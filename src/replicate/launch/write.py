"""Write the dated launch plan and its calendar file into a rendered kit (``start/``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from replicate.launch.calendar import calendar_bytes
from replicate.launch.plan_doc import plan_markdown
from replicate.launch.schedule import schedule_for

if TYPE_CHECKING:
    from replicate.settings import Settings


def write_launch(settings: Settings, kit_dir: Path) -> list[Path]:
    """Write ``start/startplan.md`` and ``start/startplan.ics``; call after every other document exists."""
    from replicate.errors import KitError
    from replicate.kit.documents import document_title

    schedule = schedule_for(settings)
    titles = {}
    for item in schedule.steps:
        for doc in (*item.step.produces, *item.step.uses):
            path = kit_dir / doc
            if doc == "start/startplan.md":
                titles[doc] = f"Startplan „{settings.advice_service.project_name}“"
            elif not path.is_file():
                raise KitError(f"Der Startplan nennt das Dokument {doc}, das im Kit fehlt.")
            else:
                titles[doc] = document_title(path.read_text(encoding="utf-8"), path.stem)
    formats = settings.kit.formats
    suffix = "html" if "html" in formats else formats[0]
    project = settings.advice_service.project_name
    folder = kit_dir / "start"
    folder.mkdir(parents=True, exist_ok=True)
    plan = folder / "startplan.md"
    plan.write_text(plan_markdown(schedule, project, titles, suffix), encoding="utf-8")
    ics = folder / "startplan.ics"
    ics.write_bytes(calendar_bytes(schedule, project, titles))
    return [plan, ics]
