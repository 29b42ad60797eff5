"""The parts of a case record: status history, asylum, identity, family, education, work, record."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from replicate.caserecord._base import LanguageLevel, Part, Period

StatusKind = Literal[
    "gestattung",
    "duldung",
    "duldung_60b",
    "duldung_60c",
    "duldung_60d",
    "aufenthaltserlaubnis",
    "ae_104c",
    "fiktion",
]


class StatusPeriod(Period):
    """One period with one residence status."""

    kind: StatusKind
    """Art: Gestattung, Duldung § 60a, § 60b-Duldung („ungeklärte Identität“), § 60c, § 60d,
    Aufenthaltserlaubnis, AE nach § 104c oder Fiktionsbescheinigung."""
    legal_basis: str | None = None
    """Rechtsgrundlage einer Aufenthaltserlaubnis, z. B. „§ 25 Abs. 5“."""


OuGround = Literal[
    "art42_1_c", "art42_1_d", "art42_1_f", "art42_3_b", "art42_sonstige", "alt_erfasst", "alt_nicht_erfasst"
]
"""Legal ground of an "offensichtlich unbegründet" rejection (wording in ``rules/data/bars.yaml``)."""


class Asylum(Part):
    """Asylum procedure and its outcome."""

    outcome: (
        Literal["kein_antrag", "laufend", "abgelehnt", "abgelehnt_offensichtlich_unbegruendet", "schutz"]
        | None
    ) = None
    """Ergebnis des Asylverfahrens; leer = unbekannt."""
    decision_date: date | None = None
    """Datum des BAMF-Bescheids."""
    ou_ground: OuGround | None = None
    """Bei Ablehnung als „offensichtlich unbegründet“: Rechtsgrundlage laut BAMF-Bescheid (wichtig für die
    Sperre des § 10 Abs. 3 Satz 2); leer lassen, wenn unbekannt."""
    court_pending: bool | None = None
    """Läuft ein Gerichts- oder Folgeverfahren?"""


class IdentityStep(Part):
    """One documented step to clarify identity or obtain a passport."""

    taken_on: date
    """Datum des Schritts."""
    description: str
    """Was wurde getan (z. B. Vorsprache Botschaft, Gebühr bezahlt)."""
    proof: bool = False
    """Liegt ein Nachweis vor?"""


class Identity(Part):
    """Identity, documents and cooperation."""

    clarified: bool | None = None
    """Ist die Identität geklärt (§ 5 Abs. 1 Nr. 1a)?"""
    clarified_on: date | None = None
    """Datum der Identitätsklärung."""
    passport: Literal["gueltig", "abgelaufen", "keiner"] | None = None
    """Pass oder Passersatz."""
    documents: list[str] = Field(default_factory=list)
    """Vorhandene Dokumente (Geburtsurkunde, ID-Karte …)."""
    steps: list[IdentityStep] = Field(default_factory=list)
    """Unternommene Schritte zur Identitätsklärung."""
    all_reasonable_steps: bool | None = None
    """Wurden alle erforderlichen und zumutbaren Schritte rechtzeitig unternommen?"""
    steps_completed_on: date | None = None
    """Seit wann sind alle erforderlichen und zumutbaren Schritte zur Identitätsklärung unternommen (auch
    wenn das erst nach einer Frist war)?"""
    passport_obtainable: bool | None = None
    """Ist ein Pass oder Passersatz mit zumutbaren Schritten zu bekommen (nein = nicht erhältlich, z. B.
    weil der Herkunftsstaat keinen ausstellt)?"""
    deception_current: bool | None = None
    """Verhindert oder verzögert aktuell eigene Täuschung, falsche Angaben oder fehlende Mitwirkung die
    Aufenthaltsbeendigung?"""
    deception_past: bool | None = None
    """Gab es früher Täuschung oder falsche Angaben, die inzwischen ausgeräumt sind?"""


class Child(Part):
    """A child of the person."""

    birth_date: date
    """Geburtsdatum."""
    in_household: bool = True
    """Lebt das Kind in häuslicher Gemeinschaft mit der Person?"""
    unmarried: bool = True
    """Ist das Kind ledig?"""
    attends_school: bool | None = None
    """Besucht das Kind (im schulpflichtigen Alter) tatsächlich die Schule?"""
    holds_25a: bool = False
    """Besitzt oder erhält das Kind eine Aufenthaltserlaubnis nach § 25a Abs. 1?"""
    serious_offence: bool = False
    """Fall des § 54 Abs. 2 Nr. 1–2 oder Verurteilung nach § 29 Abs. 1 Satz 1 Nr. 1 BtMG (§ 60d Nr. 10)."""


class Household(Part):
    """Household and family."""

    spouse_in_household: bool | None = None
    """Lebt ein Ehegatte oder Lebenspartner im Haushalt?"""
    spouse_intentional_conviction: bool | None = None
    """Ist der Ehegatte wegen einer vorsätzlichen Straftat verurteilt (§ 60d Abs. 1 Nr. 7)?"""
    children: list[Child] | None = None
    """Kinder mit Geburtsdatum; leere Liste = keine Kinder, leer gelassen = nicht erfragt."""
    single_parent: bool = False
    """Alleinerziehend (§ 25b Abs. 1 Satz 3)."""
    cares_for_relative: bool = False
    """Pflegt nahe Angehörige (§ 25b Abs. 1 Satz 3)."""


class Language(Part):
    """German language and civic knowledge."""

    oral: LanguageLevel | None = None
    """Nachgewiesenes mündliches Deutschniveau."""
    written: LanguageLevel | None = None
    """Nachgewiesenes schriftliches Deutschniveau."""
    certificates: list[str] = Field(default_factory=list)
    """Zertifikate (DTZ, telc, Goethe, Schulabschluss …)."""
    civic_knowledge: bool | None = None
    """Grundkenntnisse der Rechts- und Gesellschaftsordnung nachgewiesen (LiD-Test, Orientierungskurs,
    deutscher Schulabschluss)?"""
    fdgo_declaration: bool | None = None
    """Bekenntnis zur freiheitlichen demokratischen Grundordnung abgegeben?"""
    integration_course_obliged: bool | None = None
    """War die Person zur Teilnahme am Integrationskurs verpflichtet?"""
    integration_course_possible: bool | None = None
    """Bestand die Möglichkeit, einen Integrationskurs zu besuchen (§ 25b Abs. 6)?"""
    integration_course_completed: bool | None = None
    """Integrationskurs erfolgreich abgeschlossen oder Abbruch nicht selbst zu vertreten?"""


class Training(Part):
    """A vocational training, planned or running."""

    kind: Literal["qualifiziert", "helfer_engpass", "sonstige"]
    """Qualifizierte Berufsausbildung (mind. 2 Jahre), Assistenz-/Helferausbildung in einem Engpassberuf
    mit Ausbildungsplatzzusage, oder sonstige."""
    occupation: str | None = None
    """Ausbildungsberuf."""
    start: date
    """(Geplanter) Ausbildungsbeginn."""
    contract_signed: bool | None = None
    """Ist der Ausbildungsvertrag unterschrieben (nein = bisher nur die Zusage eines Ausbildungsplatzes)?"""
    contract_registered: bool | None = None
    """Vertrag eingetragen oder Eintragung beantragt bzw. Zustimmung der Schule liegt vor (§ 60c Abs. 3)?"""
    started_during_asylum: bool = False
    """Als Asylbewerber begonnen (§ 60c Abs. 1 Satz 1 Nr. 1)?"""
    completed: bool | None = None
    """Erfolgreich abgeschlossen?"""


class Education(Part):
    """Schooling, degrees and training."""

    school_years_successful: float | None = Field(default=None, ge=0)
    """Jahre erfolgreichen Schulbesuchs in Deutschland."""
    german_qualification: bool | None = None
    """Anerkannter deutscher Schul- oder Berufsabschluss erworben?"""
    vocational_qualification_germany: bool | None = None
    """Qualifizierte Berufsausbildung, Pflegehilfeausbildung oder Studium in Deutschland abgeschlossen?"""
    foreign_degree_recognised: bool | None = None
    """Ausländischer Hochschulabschluss anerkannt oder vergleichbar?"""
    in_education: bool | None = None
    """Besucht die Person derzeit Schule, Ausbildung oder Studium?"""
    training: Training | None = None
    """Berufsausbildung (geplant oder laufend)."""


class Job(Period):
    """An employment period."""

    hours_per_week: float = Field(ge=0, le=60)
    """Regelmäßige Wochenarbeitszeit in Stunden (höchstens 60)."""
    social_insurance: bool
    """Sozialversicherungspflichtig?"""
    qualified: bool | None = None
    """Qualifizierte Beschäftigung (§ 19d Abs. 1 Nr. 1 Buchst. c)?"""
    matches_qualification: bool | None = None
    """Entspricht die Beschäftigung der erworbenen Qualifikation?"""


Benefit = Literal[
    "asylblg",
    "sgb2",
    "sgb12",
    "wohngeld",
    "kdu",
    "kindergeld",
    "kinderzuschlag",
    "erziehungsgeld",
    "elterngeld",
    "bafoeg",
    "sgb3_ausbildung",
    "beitragsfinanziert",
    "uvg",
]
"""Benefit codes; ``kdu`` = only Unterkunft und Heizung, ``beitragsfinanziert`` = § 2 Abs. 3 Satz 2 Nr. 6."""


class BenefitPeriod(Period):
    """A period of receiving a benefit."""

    kind: Benefit
    """Art der Leistung."""


class Livelihood(Part):
    """Livelihood, benefits and housing."""

    share_covered_by_work: float | None = Field(default=None, ge=0, le=100)
    """Anteil des Bedarfs der Bedarfsgemeinschaft, der durch Erwerbstätigkeit gedeckt ist, in Prozent."""
    secured_now: bool | None = None
    """Ist der Lebensunterhalt derzeit (§ 2 Abs. 3) gesichert?"""
    benefit_periods: list[BenefitPeriod] | None = None
    """Leistungsbezug mit Zeiträumen; leere Liste = keine Leistungen, leer gelassen = unbekannt."""
    positive_prognosis: bool | None = None
    """Positive Prognose zur künftigen Lebensunterhaltssicherung (§ 25b Abs. 1 Satz 2 Nr. 3)?"""
    adequate_housing: bool | None = None
    """Ausreichender Wohnraum (§ 19d Abs. 1 Nr. 2)?"""
