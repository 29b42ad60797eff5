"""The optional ``[profile]`` section: what the practice profile (Praxisprofil) cannot derive itself.

The practice profile is the one-page description an award jury or a catalogue of municipal practice
compares (problem, solution, partners, results, costs, transfer). Most of it comes from the other
sections; this one adds results with date and source, costs, lessons and the summary. Lengths are
bounded so that the profile always fits on one A4 page (the kit tests check the page count).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator, model_validator

from replicate.settings.model import _Section

SUMMARY_MAX = 1000
"""Award submissions limit the summary to 1,000 characters (including spaces)."""
TEXT_BUDGET = 1100
"""Characters of free text (summary, results, other sites, cost source, lessons) that fit on the page.

Measured: the longest case of the tests (a long municipality and organisation name, a summary of
1,000 characters) fills the A4 page of the PDF and of the DOCX (converted by
LibreOffice) with this budget. Each result and each site adds the
room its date and source label take (``RESULT_FRAME``, ``SITE_FRAME``)."""
DEFAULT_LESSON = 130
"""Room the standard lesson takes when the settings give none."""
RESULT_FRAME = 40
SITE_FRAME = 30
GENERATED_SUMMARY = 600
"""Room the generated summary takes when the settings give none (its longest realistic length)."""


class ResultFigure(_Section):
    """One result of the project, with the date it refers to and its source."""

    label: str = Field(min_length=2, max_length=60, examples=["Erst- und Folgeberatungen"])
    """Was gezählt wurde, z. B. „Erst- und Folgeberatungen“ (höchstens 60 Zeichen)."""
    value: float = Field(ge=0, examples=[567])
    """Der Wert (eine Zahl)."""
    date: dt.date = Field(examples=["2025-06-30"])
    """Stichtag oder Ende des Zeitraums, auf den sich der Wert bezieht (JJJJ-MM-TT)."""
    source: str | None = Field(default=None, max_length=80, examples=["Sachbericht des Trägers"])
    """Quelle des Werts, optional; ohne Quelle steht im Profil „Angabe der Kommune“ (höchstens 80 Zeichen)."""


class OtherSite(_Section):
    """Another administration in which the practice runs (transferability)."""

    administration: str = Field(min_length=2, max_length=60, examples=["Stadt Leipzig"])
    """Name der Verwaltung, z. B. „Stadt Leipzig“ (höchstens 60 Zeichen)."""
    since: dt.date | None = Field(default=None, examples=["2024-08-01"])
    """Seit wann die Praxis dort läuft, optional."""
    source: str | None = Field(default=None, max_length=80, examples=["Jahresbericht des Trägers 2024"])
    """Quelle der Angabe, optional; ohne Quelle steht „Angabe der Kommune“ (höchstens 80 Zeichen)."""


class Profile(_Section):
    """Facts for the one-page practice profile (Praxisprofil) for award juries and catalogues."""

    summary: str | None = Field(default=None, examples=["Eine unabhängige Beratungsstelle berät …"])
    """Kurzbeschreibung in eigenen Worten, höchstens 1.000 Zeichen; ohne Angabe erzeugt replicate sie aus den übrigen Einstellungen. Alle Texte dieses Abschnitts zusammen dürfen höchstens 1.100 Zeichen haben, damit das Profil auf eine A4-Seite passt."""
    results: list[ResultFigure] = Field(default=[], max_length=3)
    """Ergebnisse mit Stichtag und Quelle (höchstens drei), z. B. Zahl der Beratungen oder erteilten Aufenthaltserlaubnisse."""
    other_sites: list[OtherSite] = Field(default=[], max_length=2)
    """Weitere Verwaltungen, in denen das Vorhaben läuft (höchstens zwei); belegt die Übertragbarkeit."""
    costs_eur_per_year: float | None = Field(default=None, gt=0, examples=[120000])
    """Jährliche Gesamtkosten des Projekts in Euro, optional (sonst nennt das Profil die Fördersumme, falls angegeben)."""
    costs_source: str | None = Field(default=None, max_length=80, examples=["Finanzierungsplan 2027"])
    """Quelle der Kostenangabe, optional; ohne Quelle steht „Angabe der Kommune“ (höchstens 80 Zeichen)."""
    lessons: list[str] = Field(default=[], max_length=3)
    """Erfahrungen für Nachahmer (höchstens drei, je höchstens 160 Zeichen)."""
    repository_url: str | None = Field(
        default=None,
        pattern=r"^https://[^\s]+$",
        examples=["https://gitlab.opencode.de/musterstadt/bleiberecht-kit"],
    )
    """Adresse (https) des Repositorys, in dem die Kommune ihr Kit veröffentlicht, optional; nötig für `replicate new --publiccode`."""
    license: str | None = Field(default=None, pattern=r"^[A-Za-z0-9.+-]+$", examples=["CC-BY-4.0"])
    """Lizenz, unter der die Kommune ihr Kit veröffentlicht (SPDX-Kennung, z. B. CC-BY-4.0), optional; nötig für `replicate new --publiccode`."""

    @field_validator("summary")
    @classmethod
    def _summary_length(cls, value: str | None) -> str | None:
        if value is not None and len(value) > SUMMARY_MAX:
            raise ValueError(
                f"die Kurzbeschreibung hat {len(value)} Zeichen, erlaubt sind höchstens {SUMMARY_MAX} "
                f"(mit Leerzeichen): kürzen Sie sie um {len(value) - SUMMARY_MAX} Zeichen"
            )
        if value is not None and not value:
            raise ValueError(
                "die Kurzbeschreibung ist leer: lassen Sie den Schlüssel weg oder schreiben Sie Text"
            )
        return value

    @field_validator("lessons")
    @classmethod
    def _lesson_length(cls, value: list[str]) -> list[str]:
        for number, lesson in enumerate(value, start=1):
            if not lesson.strip() or len(lesson) > 160:
                raise ValueError(
                    f"Erfahrung Nr. {number} hat {len(lesson)} Zeichen; erlaubt sind 1 bis 160, "
                    "damit das Praxisprofil auf eine Seite passt"
                )
        return value

    def text_length(self) -> int:
        """Characters of free text this section puts on the page (the generated summary counted as 600)."""
        lessons = self.lessons or ["x" * DEFAULT_LESSON]
        parts = [self.summary or "x" * GENERATED_SUMMARY, self.costs_source or "", *lessons]
        parts += [r.label + (r.source or "") for r in self.results]
        parts += [s.administration + (s.source or "") for s in self.other_sites]
        frames = RESULT_FRAME * len(self.results) + SITE_FRAME * len(self.other_sites)
        return sum(len(part) for part in parts) + frames

    @model_validator(mode="after")
    def _fits_one_page(self) -> Profile:
        used = self.text_length()
        if used > TEXT_BUDGET:
            raise ValueError(
                f"die Angaben für das Praxisprofil haben zusammen {used} Zeichen (Kurzbeschreibung, Ergebnisse mit "
                f"je {RESULT_FRAME} Zeichen für Stichtag und Quelle, weitere Verwaltungen mit je {SITE_FRAME}, "
                f"Quellen, Erfahrungen; ohne Kurzbeschreibung zählt die erzeugte mit {GENERATED_SUMMARY}, ohne Erfahrungen "
                f"die vorgegebene mit {DEFAULT_LESSON}), auf eine A4-Seite passen {TEXT_BUDGET}: kürzen Sie um {used - TEXT_BUDGET} "
                "Zeichen"
            )
        return self


def profile_usage(profile: Profile) -> str:
    """One German line for ``replicate check``: how much of the page the profile texts use."""
    summary = (
        f"Kurzbeschreibung {len(profile.summary)} von {SUMMARY_MAX} Zeichen"
        if profile.summary
        else ("Kurzbeschreibung wird erzeugt")
    )
    return f"{summary}; alle Texte {profile.text_length()} von {TEXT_BUDGET} Zeichen"
