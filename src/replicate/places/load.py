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


def land_names() -> list[str]:
    return [land.name for land in laender()]
