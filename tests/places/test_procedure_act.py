"""Every Land names the Verwaltungsverfahrensgesetz for a public-law contract of its authorities, sourced;
where the Land's act has its own numbering, nothing is cited as "§ 54 <act>"."""

from __future__ import annotations

from replicate.places.load import find_land, laender


def test_every_land_has_a_sourced_procedure_act() -> None:
    for land in laender():
        fact = land.procedure_act
        assert fact.value and fact.source, land.name
        assert fact.status in {"geprüft", "zu prüfen"}, land.name


def test_checked_acts_are_those_verified() -> None:
    checked = {land.name for land in laender() if land.procedure_act.checked}
    assert checked == {"Sachsen", "Nordrhein-Westfalen"}
    saxony = find_land("Sachsen")
    nrw = find_land("NRW")
    assert saxony is not None and nrw is not None
    assert saxony.procedure_act.short == "VwVfG" and "SächsVwVfZG" in saxony.procedure_act.value
    assert nrw.procedure_act.short == "VwVfG NRW"


def test_own_numbering_is_never_cited_as_paragraph_54() -> None:
    # Schleswig-Holstein regulates the public-law contract in its LVwG with other paragraph numbers.
    sh = find_land("Schleswig-Holstein")
    assert sh is not None
    assert sh.procedure_act.short == "" and not sh.procedure_act.checked
    assert "eigener Zählung" in sh.procedure_act.value
    # Bavaria counts in articles: it must stay unchecked until a template cites "Art." (see laender.yaml).
    by = find_land("Bayern")
    assert by is not None and not by.procedure_act.checked
