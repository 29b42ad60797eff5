"""Predicates of the family routes: § 25a Abs. 2, § 25b Abs. 4, § 60d Abs. 2 AufenthG."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from replicate.caserecord.family import FamilyLink
from replicate.screening.intervals import add_years
from replicate.screening.outcome import MET, NOT_MET, UNKNOWN, Ctx, Outcome, Text, predicate
from replicate.screening.pred_p25a import no_deception as parent_no_deception
from replicate.screening.pred_p25a import own_livelihood as parent_livelihood

ANCHORS = {
    "ae_25a": "einer Person mit Aufenthaltserlaubnis nach § 25a Abs. 1",
    "ae_25a_eltern": "eines Elternteils mit Aufenthaltserlaubnis nach § 25a Abs. 2 Satz 1",
    "ae_25b": "einer Person mit Aufenthaltserlaubnis nach § 25b Abs. 1",
    "duldung_60d": "einer Person mit Beschäftigungsduldung nach § 60d",
}
RELATIONS = {"ehegatte": "Ehegatte oder Lebenspartner", "kind": "Kind", "elternteil": "Elternteil"}

Route = tuple[str, str]
"""(relation of the advised person, title of the relative)."""


def _minor(ctx: Ctx, birth: date | None) -> bool | None:
    if birth is None:
        return None
    return birth <= ctx.as_of < add_years(birth, 18)


def _one(ctx: Ctx, link: FamilyLink) -> Outcome:
    """Whether one link carries the route: the relation's own conditions, then the relative's title."""
    what = Text("{} {}", RELATIONS[link.relation], ANCHORS[link.anchor_title])
    checks: list[tuple[bool | None, str]] = [(link.family_community, "familiäre Lebensgemeinschaft")]
    if link.relation == "kind":
        checks += [(_minor(ctx, ctx.facts.case.birth_date), "minderjährig"), (link.unmarried, "ledig")]
    if link.relation == "elternteil":
        checks += [(_minor(ctx, link.anchor_birth_date), "Kind minderjährig"), (link.custody, "Sorgerecht")]
    failed = [label for value, label in checks if value is False]
    if failed:
        return Outcome(NOT_MET, Text("{}: nicht erfüllt – {}", what, ", ".join(failed)))
    open_ = [label for value, label in checks if value is None]
    if open_:
        return Outcome(UNKNOWN, Text("{}: Angaben fehlen – {}", what, ", ".join(open_)))
    if link.anchor_granted is None:
        return Outcome(UNKNOWN, Text("{}: unbekannt, ob der Bezugsperson der Titel schon erteilt ist", what))
    if not link.anchor_granted:
        return Outcome(
            NOT_MET,
            Text("{}: der Titel der Bezugsperson ist erst beantragt", what),
            manual=True,
            step="Den Antrag der Bezugsperson zuerst entscheiden lassen oder beide Anträge gemeinsam stellen.",
        )
    return Outcome(MET, what)


def _best(found: Iterable[Outcome], asked: bool, none: str) -> Outcome:
    """The most favourable finding among the links; without a matching link: not asked or not met."""
    outcomes = list(found)
    for status in (MET, UNKNOWN):
        hit = next((o for o in outcomes if o.status == status and not o.manual), None)
        if hit is not None:
            return hit
    manual = next((o for o in outcomes if o.manual), None)
    if manual is not None:
        return manual
    if outcomes:
        return outcomes[0]
    if not asked:
        return Outcome(UNKNOWN, "Familienangehörige mit eigenem Aufenthaltsrecht nicht erfragt")
    return Outcome(NOT_MET, none)


def route(ctx: Ctx, routes: set[Route], none: str) -> Outcome:
    """The family link finding for the given (relation, title) routes."""
    links = ctx.facts.case.family_links
    found = [_one(ctx, link) for link in links or () if (link.relation, link.anchor_title) in routes]
    return _best(found, links is not None, none)


PARENTS: set[Route] = {("elternteil", "ae_25a")}
SIBLINGS: set[Route] = {("kind", "ae_25a_eltern")}


def _child_holds_25a(ctx: Ctx) -> Outcome | None:
    """The earlier way to record it: an own minor child in the household list with a § 25a permit."""
    children = ctx.facts.case.household.children or []
    if any(c.holds_25a and c.birth_date <= ctx.as_of < add_years(c.birth_date, 18) for c in children):
        return Outcome(MET, "minderjähriges Kind mit Aufenthaltserlaubnis nach § 25a")
    return None


@predicate("p25a_2.child")
def parents_and_siblings(ctx: Ctx) -> Outcome:
    """§ 25a Abs. 2 Satz 1 (parents with custody) and Satz 2 (their minor children)."""
    held = _child_holds_25a(ctx)
    if held is not None:
        return held
    return route(ctx, PARENTS | SIBLINGS, "kein minderjähriges Kind mit Aufenthaltserlaubnis nach § 25a")


def _only_as_sibling(ctx: Ctx) -> bool:
    """The route is open only as a minor sibling (Satz 2), for whom Satz 1 Nr. 1 and 2 are not asked."""
    if _child_holds_25a(ctx) is not None:
        return False
    return route(ctx, SIBLINGS, "").status == MET and route(ctx, PARENTS, "").status != MET


@predicate("p25a_2.no_deception")
def parents_no_deception(ctx: Ctx) -> Outcome:
    if _only_as_sibling(ctx):
        return Outcome(MET, "für minderjährige Kinder nicht verlangt (§ 25a Abs. 2 Satz 2)")
    return parent_no_deception(ctx)


@predicate("p25a_2.livelihood")
def parents_livelihood(ctx: Ctx) -> Outcome:
    if _only_as_sibling(ctx):
        return Outcome(MET, "für minderjährige Kinder nicht verlangt (§ 25a Abs. 2 Satz 2)")
    return parent_livelihood(ctx)


SPOUSE_25A: set[Route] = {("ehegatte", "ae_25a")}
CHILD_25A: set[Route] = {("kind", "ae_25a")}


@predicate("p25a_2_3.link")
def spouse_or_child_25a(ctx: Ctx) -> Outcome:
    """§ 25a Abs. 2 Satz 3 (spouse, partner) and Satz 5 (minor unmarried child) of a § 25a holder."""
    return route(ctx, SPOUSE_25A | CHILD_25A, "keine Bezugsperson mit Aufenthaltserlaubnis nach § 25a Abs. 1")


def _child_of_25a(ctx: Ctx) -> bool:
    return route(ctx, CHILD_25A, "").status == MET and route(ctx, SPOUSE_25A, "").status != MET


@predicate("p25a_2_3.no_deception")
def spouse_no_deception(ctx: Ctx) -> Outcome:
    if _child_of_25a(ctx):
        return Outcome(MET, "für minderjährige ledige Kinder nicht verlangt (§ 25a Abs. 2 Satz 5)")
    return parent_no_deception(ctx)


@predicate("p25a_2_3.livelihood")
def spouse_livelihood(ctx: Ctx) -> Outcome:
    if _child_of_25a(ctx):
        return Outcome(MET, "für minderjährige ledige Kinder nicht verlangt (§ 25a Abs. 2 Satz 5)")
    return parent_livelihood(ctx)


@predicate("p25b_4.link")
def family_of_25b(ctx: Ctx) -> Outcome:
    """§ 25b Abs. 4 Satz 1: spouse, partner, minor unmarried children of a § 25b Abs. 1 beneficiary."""
    routes = {("ehegatte", "ae_25b"), ("kind", "ae_25b")}
    return route(ctx, routes, "keine Bezugsperson mit Aufenthaltserlaubnis nach § 25b Abs. 1")


@predicate("p60d_2.link")
def child_of_60d(ctx: Ctx) -> Outcome:
    """§ 60d Abs. 2: minor unmarried children living with a person who holds a Beschäftigungsduldung."""
    return route(ctx, {("kind", "duldung_60d")}, "kein Elternteil mit Beschäftigungsduldung")
