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
    notes = [f"Startplan: {conflict.fix}" for conflict in schedule.conflicts]
    return notes + financing_notes(settings)


def financing_notes(settings: object) -> list[str]:
    """Remarks on the financing settings that are not errors: grant differs from the funder's amount,
    programme of another Land."""
    from replicate.launch.finance import euro
    from replicate.launch.programmes import programmes
    from replicate.settings import Settings

    assert isinstance(settings, Settings)
    notes: list[str] = []
    fin = settings.financing
    amount = settings.funder.amount_eur
    if fin.grant_eur is not None and amount is not None and abs(fin.grant_eur - amount) > 1:
        notes.append(
            f"Finanzierung: financing.grant_eur ({euro(fin.grant_eur)}) weicht von funder.amount_eur "
            f"({euro(amount)}) ab. → Tragen Sie an beiden Stellen die beantragte oder bewilligte Zuwendung ein."
        )
    programme = programmes().get(fin.programme_kind or "")
    state = settings.municipality.state.strip()
    if (
        programme
        and programme.lands
        and state not in programme.lands
        and f"Freistaat {state}" not in programme.lands
    ):
        notes.append(
            f"Finanzierung: {programme.short} fördert nur in {', '.join(programme.lands)}, die Kommune liegt in "
            f"{state}. → Wählen Sie unter financing.programme_kind ein Programm Ihres Landes oder „sonstiges“."
        )
    return notes
