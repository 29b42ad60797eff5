"""Read the places data (Länder, municipality kinds, data-protection regimes) and find a Land by name."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import TypeAdapter

from replicate.places.model import Kind, Land, Regime
from replicate.rules.loader import read_yaml

DATA = Path(__file__).parent / "data"


@cache
def laender() -> tuple[Land, ...]:
    """The 16 Länder, in alphabetical order."""
    data, _ = read_yaml(DATA / "laender.yaml")
    return tuple(TypeAdapter(list[Land]).validate_python(data))


@cache
def kinds() -> dict[str, Kind]:
    """Municipality kinds by the name used in the settings (``municipality.kind``)."""
    data, _ = read_yaml(DATA / "kinds.yaml")
    return TypeAdapter(dict[str, Kind]).validate_python(data)


@cache
def regimes() -> dict[str, Regime]:
    """Data-protection regimes by the name used in the settings (``advice_service.data_protection``)."""
    data, _ = read_yaml(DATA / "regimes.yaml")
    return TypeAdapter(dict[str, Regime]).validate_python(data)


def find_land(name: str) -> Land | None:
    """The Land called ``name`` (its name, official name or an alias, case-insensitive), or None."""
    wanted = name.strip().casefold()
    for land in laender():
        if wanted in {n.casefold() for n in (land.name, land.official, *land.aliases)}:
            return land
    return None


def kinds_in(land: Land) -> list[str]:
    """The municipality kinds that exist in ``land``: a city-state's own list, otherwise every kind that is not
    a city-state kind (no Landkreis in Hamburg, no Stadtstaat in Saxony)."""
    if land.kinds:
        return list(land.kinds)
    return [name for name, kind in kinds().items() if not kind.city_state]


def kind_problem(kind: str, land_name: str) -> str | None:
    """Why ``kind`` does not exist in the Land called ``land_name`` (a German sentence), or None if it does."""
    land = find_land(land_name)
    if land is None:
        return None
    allowed = kinds_in(land)
    if kind in allowed:
        return None
    if land.kinds:
        return (
            f"„{kind}“ gibt es in {land.name} nicht: {land.name} ist ein Stadtstaat ohne diese "
            f"Verwaltungsebene. Möglich sind: {', '.join(allowed)}"
        )
    where = sorted(other.name for other in laender() if kind in other.kinds)
    return f"„{kind}“ gibt es nur in {', '.join(where)}, nicht in {land.name}. Möglich sind: {', '.join(allowed)}"


def city_state_name_problem(kind: str, name: str, land_name: str) -> str | None:
    """Why ``name`` cannot be the name of a Stadtstaat in ``land_name`` (the Land is the municipality, so the
    name must be the Land's), or None."""
    land = find_land(land_name)
    if kind != "Stadtstaat" or land is None or find_land(name) == land:
        return None
    return (
        f"Bei der Art „Stadtstaat“ ist die Kommune das Land selbst: Tragen Sie als Namen „{land.official}“ ein "
        f"(statt „{name}“), oder wählen Sie für einen Teil des Landes die Art „Bezirk“"
    )


def land_names() -> list[str]:
    return [land.name for land in laender()]
