"""The family link: the relative from whom a person derives a residence right or a Duldung.

§ 25a Abs. 2 AufenthG (parents and minor siblings of a minor § 25a holder; spouse and minor children of a
§ 25a holder), § 25b Abs. 4 (spouse and minor children of a § 25b holder), § 60d Abs. 2 (minor children of a
person with a Beschäftigungsduldung). Only what the conditions need; no name of the relative.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from replicate.caserecord._base import Part

Relation = Literal["ehegatte", "kind", "elternteil"]
AnchorTitle = Literal["ae_25a", "ae_25a_eltern", "ae_25b", "duldung_60d"]


class FamilyLink(Part):
    """One relative (the "Bezugsperson") through whom a family route may be open."""

    relation: Relation
    """Die beratene Person ist für die Bezugsperson: Ehegatte oder Lebenspartner, Kind oder Elternteil."""
    anchor_title: AnchorTitle
    """Was die Bezugsperson hat oder beantragt: Aufenthaltserlaubnis nach § 25a Abs. 1, Aufenthaltserlaubnis
    eines Elternteils nach § 25a Abs. 2 Satz 1, Aufenthaltserlaubnis nach § 25b Abs. 1 oder
    Beschäftigungsduldung nach § 60d."""
    anchor_granted: bool | None = None
    """Ist der Bezugsperson die Aufenthaltserlaubnis bzw. Duldung schon erteilt (nein = erst beantragt)?"""
    anchor_birth_date: date | None = None
    """Geburtsdatum der Bezugsperson (nötig, wenn ein Elternteil von einem minderjährigen Kind mit § 25a
    ableitet)."""
    family_community: bool | None = None
    """Leben die beratene Person und die Bezugsperson in familiärer Lebensgemeinschaft?"""
    custody: bool | None = None
    """Nur für Eltern: Hat die beratene Person das Sorgerecht für das Kind (§ 25a Abs. 2 Satz 1)?"""
    unmarried: bool | None = None
    """Nur für Kinder: Ist die beratene Person ledig?"""
