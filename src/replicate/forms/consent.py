"""Consent and confidentiality-release forms for clients, in any language of the catalogs.

The German originals are the kit's ``datenschutz/einwilligung`` and ``datenschutz/schweigepflichtentbindung``;
these builders give their essence in the client's language, with a note (in that language and in German) that
the German version is the legally binding one. Every sentence is a catalog message (msgid = German text).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from replicate.forms.mdtext import WRITE_IN, escape

Tr = Callable[[str], str]
"""Translate one German sentence (msgid) into the target language."""

BINDING_DE = (
    "Rechtlich verbindlich ist die deutsche Fassung dieser Erklärung. Die Übersetzung dient dem Verständnis."
)


@dataclass(frozen=True)
class ConsentValues:
    """What the forms say about the advice service and the bodies, from the settings (plain text)."""

    organisation: str
    project: str
    address: str
    email: str
    authority: str
    commission: str
    removal_authority: str | None = None


def _fill(tr: Tr, msgid: str, values: ConsentValues) -> str:
    """Translate ``msgid`` and fill ``{placeholders}`` with escaped values; German if the translation breaks."""
    data = {k: escape(v) for k, v in vars(values).items() if v is not None}
    try:
        return tr(msgid).format(**data)
    except (KeyError, IndexError, ValueError):
        return msgid.format(**data)


def _head(tr: Tr, title: str, v: ConsentValues) -> list[str]:
    note = tr(
        "Rechtlich verbindlich ist die deutsche Fassung. Diese Übersetzung soll Ihnen helfen, sie zu verstehen."
    )
    return [
        f"# {tr(title)}",
        "",
        f"> {note}",
        ">",
        f"> {BINDING_DE}",
        "",
        _fill(tr, "Beratungsstelle: {organisation}, Projekt „{project}“, {address}", v),
        "",
    ]


def _person(tr: Tr, interpreter: bool) -> list[str]:
    lines = [
        f"## {tr('Angaben zur Person')}",
        "",
        f"{tr('Name, Vorname:')} {WRITE_IN} {tr('Geburtsdatum:')} ______________",
        "",
        f"{tr('Sprache, in der diese Erklärung erklärt wurde:')} {WRITE_IN}",
        "",
    ]
    if interpreter:
        lines += [f"{tr('Sprachmittlung durch (Funktion oder Stelle):')} {WRITE_IN}", ""]
    return lines


def _signature(tr: Tr) -> list[str]:
    line = "______________________________________________"
    return [
        f"## {tr('Unterschrift')}",
        "",
        f"{tr('Ort, Datum:')} {WRITE_IN}",
        "",
        line,
        "",
        tr(
            "Unterschrift der ratsuchenden Person (bei Minderjährigen zusätzlich der gesetzlichen Vertretung)"
        ),
        "",
        line,
        "",
        tr("Unterschrift der Beraterin oder des Beraters"),
        "",
        f"- [ ] {tr('Die Person hat eine Kopie dieser Erklärung erhalten.')}",
        "",
    ]


def einwilligung(tr: Tr, v: ConsentValues) -> str:
    """The consent to processing (Art. 6 Abs. 1 lit. a, Art. 9 Abs. 2 lit. a DSGVO) in one language."""
    lines = _head(tr, "Einwilligung in die Verarbeitung personenbezogener Daten", v)
    lines += [
        tr(
            "Diese Einwilligung bleibt in der Beratungsakte. Sie erlaubt keine Weitergabe an andere Stellen; "
            "dafür gibt es die gesonderte Erklärung „Entbindung von der Schweigepflicht“."
        ),
        "",
        *_person(tr, interpreter=True),
        f"## {tr('Wozu ich einwillige')}",
        "",
        tr("Bitte kreuzen Sie jede Erlaubnis einzeln an. Sie können auch nur einzelne Felder ankreuzen."),
        "",
    ]
    purposes = [
        (
            "Beratung",
            "Ich willige ein, dass die Beratungsstelle meine Angaben und Kopien meiner Unterlagen verarbeitet, "
            "um mich zu beraten, Anträge mit mir vorzubereiten und daraus anonyme Gesamtzahlen für Berichte zu "
            "bilden (Art. 6 Abs. 1 lit. a DSGVO).",
        ),
        (
            "Gesundheit",
            "Ich willige ausdrücklich ein, dass die Beratungsstelle Angaben zu meiner Gesundheit verarbeitet, "
            "soweit sie für meinen Fall wichtig sind (Art. 9 Abs. 2 lit. a DSGVO).",
        ),
        (
            "Verurteilungen",
            "Ich bin einverstanden, dass die Beratungsstelle Angaben zu strafrechtlichen Verurteilungen "
            "speichert, die ich selbst für die Prüfung mache (Art. 10 DSGVO).",
        ),
        (
            "Kontakt",
            "Ich bin einverstanden, dass die Beratungsstelle mich für Terminabsprachen auf diesem Weg erreicht, "
            "ohne Inhalte meines Falls zu nennen:",
        ),
    ]
    lines += [f"- [ ] **{tr(name)}:** {tr(text)}" for name, text in purposes]
    lines += [
        f"  - [ ] {tr('Telefon oder SMS:')} {WRITE_IN}",
        f"  - [ ] {tr('E-Mail:')} {WRITE_IN}",
        "",
        f"## {tr('Was ich weiß')}",
        "",
        f"- {tr('Ich habe die Datenschutzhinweise bekommen, und sie wurden mir erklärt.')}",
        "- "
        + tr(
            "Meine Einwilligung ist freiwillig. Wenn ich nicht einwillige, werde ich trotzdem allgemein beraten. "
            "Es hat keine Nachteile bei der Ausländerbehörde."
        ),
        "- "
        + _fill(
            tr,
            "Ich kann jede Einwilligung jederzeit widerrufen, ganz oder für einzelne Felder (Art. 7 Abs. 3 "
            "DSGVO). Dafür genügt ein formloser Satz an {email} oder bei der Beratung. Der Widerruf gilt für die "
            "Zukunft; was vorher rechtmäßig geschehen ist, bleibt rechtmäßig.",
            v,
        ),
        "- "
        + tr(
            "Nach einem Widerruf löscht die Beratungsstelle die betroffenen Daten, soweit keine Pflicht zur "
            "Aufbewahrung besteht."
        ),
        "",
        *_signature(tr),
    ]
    return "\n".join(lines)


def _body(
    tr: Tr,
    v: ConsentValues,
    name: str,
    purpose: str | None,
    extras: tuple[str, ...] = (),
    *,
    ask: bool = False,
) -> list[str]:
    """One body with a tick box; ``ask`` adds a write-in line for its name, ``purpose=None`` one for the purpose."""
    head = f"**{_fill(tr, name, v)}**" + (f" {WRITE_IN}" if ask else "")
    aim = tr(purpose) if purpose else WRITE_IN
    lines = [f"- [ ] {head} {tr('Zweck:')} {aim}"]
    lines += [f"  - [ ] {tr(extra)}" for extra in extras]
    lines.append(f"  - {tr('Gilt bis:')} ______________")
    return lines


def schweigepflichtentbindung(tr: Tr, v: ConsentValues) -> str:
    """The confidentiality release towards the bodies the client ticks, in one language."""
    health = "Die Stelle darf auch Angaben zu meiner Gesundheit erhalten."
    lines = _head(tr, "Entbindung von der Schweigepflicht und Einwilligung in die Weitergabe von Daten", v)
    lines += [
        tr(
            "Die Mitarbeitenden der Beratungsstelle sprechen mit niemandem über Sie. Mit dieser Erklärung erlauben "
            "Sie ihnen, mit bestimmten Stellen über Ihren Fall zu sprechen und Unterlagen auszutauschen. Sie gilt "
            "nur für die Stellen, die Sie ankreuzen, nur für den Zweck, der dort steht, und nur bis zu dem Datum, "
            "das Sie eintragen. Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO; für "
            "Gesundheitsdaten Art. 9 Abs. 2 lit. a DSGVO)."
        ),
        "",
        *_person(tr, interpreter=False),
        f"## {tr('Stellen, mit denen die Beratungsstelle sprechen darf')}",
        "",
        tr(
            "Bitte kreuzen Sie jede Stelle einzeln an. Die Beratungsstelle darf ihr Angaben und Unterlagen geben "
            "und von ihr Auskünfte erhalten, soweit es für den genannten Zweck nötig ist."
        ),
        "",
        *_body(
            tr,
            v,
            "Ausländerbehörde ({authority})",
            "Fragen zu meinem Aufenthalt klären, Anträge vorbereiten, Fallkonferenz nach der "
            "Kooperationsvereinbarung.",
            ("Das Aktenzeichen darf genannt werden.", health),
        ),
    ]
    if v.removal_authority:
        lines += _body(
            tr,
            v,
            "Zentrale Landesbehörde für Rückführungen ({removal_authority})",
            "Im Eilfall auf gestellte Anträge und neue Tatsachen hinweisen.",
            (health,),
        )
    lines += _body(
        tr, v, "Jobcenter oder Sozialamt:", "Nachweise zu Einkommen und Leistungen klären.", ask=True
    )
    lines += _body(
        tr,
        v,
        "Schule, Hochschule oder Ausbildungsbetrieb:",
        "Nachweise zu Schulbesuch, Ausbildung oder Studium klären.",
        ask=True,
    )
    lines += _body(
        tr,
        v,
        "Härtefallkommission des Landes ({commission})",
        "Eine Härtefalleingabe vorbereiten und begleiten.",
        (health,),
    )
    lines += _body(tr, v, "Weitere Stelle:", None, ask=True)
    lines += [
        "",
        f"## {tr('Was ich weiß')}",
        "",
        "- "
        + tr(
            "Diese Erklärung ist freiwillig. Wenn ich sie nicht gebe, werde ich trotzdem beraten. Es hat keine "
            "Nachteile bei der Ausländerbehörde."
        ),
        "- "
        + _fill(
            tr,
            "Ich kann sie jederzeit widerrufen, ganz oder für einzelne Stellen (Art. 7 Abs. 3 DSGVO). Dafür "
            "genügt ein formloser Satz an {email} oder bei der Beratung. Der Widerruf gilt für die Zukunft.",
            v,
        ),
        "- "
        + tr(
            "Eine Behörde, die Angaben von der Beratungsstelle bekommen hat, ist für diese Angaben selbst "
            "verantwortlich. Sie darf sie nach ihren eigenen gesetzlichen Regeln weiter verwenden, auch wenn ich "
            "später widerrufe."
        ),
        "- "
        + tr("Die Beratungsstelle gibt nur weiter, was für den Zweck nötig ist, und nur auf sicherem Weg."),
        "",
        *_signature(tr),
    ]
    return "\n".join(lines)
