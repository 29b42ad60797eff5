"""The reporting calendar follows the programme rules (Fachkräfterichtlinie G.I Nr. 6–8, FRL IM Teil 1)."""

from __future__ import annotations

import datetime as dt

import pytest

from replicate.errors import SettingsError
from replicate.funders import PROGRAMMES
from replicate.funders.calendar import add_months, obligations
from replicate.report.build import choose_period
from tests.report.helpers import ROOT, settings

D = dt.date


def _labels(items):
    return [(o.label, o.start, o.end, o.due) for o in items]


def test_fachkraefterichtlinie_interim_proof_only_beyond_14_months():
    """G.I Nr. 6: a Zwischennachweis at half-time only when the grant period exceeds 14 months."""
    short = obligations(D(2027, 1, 1), D(2028, 2, 29), "jährlich", "sn-fachkraefterichtlinie")
    assert not [o for o in short if o.label == "Zwischennachweis"]
    long = obligations(D(2027, 1, 1), D(2028, 12, 31), "jährlich", "sn-fachkraefterichtlinie")
    interim = [o for o in long if o.label == "Zwischennachweis"]
    assert len(interim) == 1 and interim[0].start == D(2027, 1, 1) and interim[0].end == D(2027, 12, 31)
    assert interim[0].due is None  # the rule sets no date; the Bescheid does


def test_final_proof_three_months_after_the_end():
    """G.I Nr. 7 (Fachkräfterichtlinie) and Teil 1 VI Nr. 7 (FRL IM) override ANBest-P's six months."""
    for key in ("sn-fachkraefterichtlinie", "sn-frl-integrative-massnahmen"):
        final = [o for o in obligations(D(2027, 3, 1), D(2028, 2, 29), "halbjährlich", key) if o.whole_period]
        assert [(o.start, o.end, o.due) for o in final] == [(D(2027, 3, 1), D(2028, 2, 29), D(2028, 5, 29))]


def test_frl_im_yearly_indicator_data_by_31_january():
    """FRL IM Teil 1 V Nr. 2: data sets by 31 January of the following year, per calendar year."""
    items = [
        o
        for o in obligations(D(2027, 4, 1), D(2028, 6, 30), "jährlich", "sn-frl-integrative-massnahmen")
        if o.label.startswith("Jährliche")
    ]
    assert _labels(items) == [
        ("Jährliche Indikatorendaten (Berichtswesen) 2027", D(2027, 4, 1), D(2027, 12, 31), D(2028, 1, 31)),
        ("Jährliche Indikatorendaten (Berichtswesen) 2028", D(2028, 1, 1), D(2028, 6, 30), D(2029, 1, 31)),
    ]


def test_funder_outside_the_catalog_uses_the_settings_cadence():
    items = obligations(D(2027, 1, 1), D(2027, 12, 31), "vierteljährlich", None)
    assert [(o.start, o.end) for o in items] == [
        (D(2027, 1, 1), D(2027, 3, 31)),
        (D(2027, 4, 1), D(2027, 6, 30)),
        (D(2027, 7, 1), D(2027, 9, 30)),
        (D(2027, 10, 1), D(2027, 12, 31)),
    ]
    assert all(o.due is None and "Zuwendungsbescheid" in o.due_text for o in items)


def test_next_due_and_explicit_period():
    s = settings("landkreis-mittelsachsen.yaml")
    start, end = s.funder.period.start, s.funder.period.end
    chosen = choose_period(s, None, start)
    assert chosen.start == start and chosen.end < end
    explicit = choose_period(s, (D(2027, 2, 1), D(2027, 2, 28)), start)
    assert explicit.label == "Bericht" and explicit.due is None


def test_add_months_clamps_the_day():
    assert add_months(D(2027, 11, 30), 3) == D(2028, 2, 29)


def test_programmes_are_dated_and_sourced():
    for programme in PROGRAMMES.values():
        assert (
            programme.checked <= D(2026, 11, 29) and "REVOSax" in programme.source
        ) or "recht.sachsen" in programme.source
        assert all(report.source for report in programme.reports)


def test_unknown_programme_is_refused(tmp_path):
    from replicate.settings import load_settings

    source = (ROOT / "examples" / "leipzig.toml").read_text(encoding="utf-8")
    bad = tmp_path / "s.toml"
    bad.write_text(
        source.replace("[funder]\n", '[funder]\nprogramme_key = "sn-fachkraefte"\n', 1), encoding="utf-8"
    )
    with pytest.raises(SettingsError) as info:
        load_settings(bad)
    assert "programme_key" in str(info.value) and "sn-fachkraefterichtlinie" in str(info.value)
