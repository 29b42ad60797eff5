"""Launching the project locally: the playbook as data → dated plan, calendar, launch documents."""

from replicate.launch.derived import derived_data
from replicate.launch.playbook import load_playbook
from replicate.launch.schedule import schedule_for
from replicate.launch.write import write_launch

__all__ = ["derived_data", "launch_notes", "load_playbook", "schedule_for", "write_launch"]


def launch_notes(settings: object) -> list[str]:
    """Conflicts of the launch plan, worded for ``replicate check`` (with the settings key to change)."""
    from replicate.settings import Settings

    assert isinstance(settings, Settings)
    schedule = schedule_for(settings)
    return [f"Startplan: {conflict.fix}" for conflict in schedule.conflicts]
