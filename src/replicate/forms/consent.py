"""Consent and confidentiality-release forms for clients, in any language of the catalogs.

The German originals are the kit's ``datenschutz/einwilligung`` and ``datenschutz/schweigepflichtentbindung``;
these builders give their essence in the client's language, with a note (in that language and in German) that
the German version is the legally binding one. Every sentence is a catalog message (msgid = German text).
Legal references are placeholders filled from the advice service's data-protection regime
(``places/data/regimes.yaml``), so a church-run service cites the DSG-EKD or the KDG, never the DSGVO.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from replicate.forms.mdtext import WRITE_IN, escape

Tr = Callable[[str], str]
"""Translate one German sentence (msgid) into the target language."""

BINDING_DE = (
    "Rechtlich verbindlich ist die deutsche Fassung dieser Erklärung. Die Übersetzung dient dem Verständnis."
)

LAW_KEYS = (
    "advice_basis",
    "file_basis",
    "consent_basis",
    "special_consent",
    "special_claims",
    "offences",
    "revocation",
    "objection",
    "accountability",
    "legal_obligation",
    "processor",
    "access",
    "rectification",
    "erasure",
    "restriction",
    "portability",
    "complaint",
    "automated",
    "family_notice",
)
"""Placeholders for legal references in the client texts; ``forms.write.consent_values`` fills each."""


@dataclass(frozen=True)
class ConsentValues:
    """What the forms say about the advice service, the bodies and the law, from the settings (plain text)."""

    organisation: str
    project: str
    address: str
    email: str
    authority: str
    commission: str
    removal_authority: str | None = None
    law: Mapping[str, str] = field(default_factory=dict)
    """Legal references by placeholder (see :data:`LAW_KEYS`), from the service's regime."""
    supervisor: str = ""
    """The service's data-protection supervisor (German name, with article)."""
    years: int = 3
    """Retention of the advice file in years after the end of the year of the last contact."""


def fill(tr: Tr, msgid: str, values: ConsentValues) -> str:
    """Translate ``msgid`` and fill ``{placeholders}`` with escaped values; German if the translation breaks."""
    data = {k: escape(v) for k, v in vars(values).items() if isinstance(v, str)}
    data.update({k: escape(v) for k, v in values.law.items()})
    data["years"] = str(values.years)
    try:
        return tr(msgid).format(**data)
    except (KeyError, IndexError, ValueError):
        return msgid.format(**data)


def head(tr: Tr, title: str, v: ConsentValues, binding: str = BINDING_DE) -> list[str]:
    """Title, the note that the German version binds (in the language and in German), the service."""
    note = tr(
        "Rechtlich verbindlich ist die deutsche Fassung. Diese Übersetzung soll Ihnen helfen, sie zu verstehen."
    )
    return [
        f"# {tr(title)}",
        "",
        f"> {note}",
        ">",
        f"> {binding}",
        "",
        fill(tr, "Beratungsstelle: {organisation}, Projekt „{project}“, {address}", v),
        "",
    ]


OFFENCES_NOTE = (
    "**Strafrechtliche Verurteilungen:** nur was Sie selbst für die Prüfung sagen, möglichst nur als Ergebnis "
    "„über der Grenze des Gesetzes: ja oder nein“ ({offences}). Ob es dafür eine sichere Rechtsgrundlage gibt, "
    "ist rechtlich nicht abschließend geklärt; die Beratungsstelle klärt das mit ihrer oder ihrem "
    "Datenschutzbeauftragten."
)
"""Criminal convictions are information, not a tick box: the German consent asks no consent for them (the
legal basis under Art. 10 DSGVO is for the data-protection officer to settle), so the translations do not
either."""


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


def bullets(tr: Tr, v: ConsentValues, msgids: tuple[str, ...]) -> list[str]:
    """One Markdown list item per message, translated and filled."""
    return [f"- {fill(tr, msgid, v)}" for msgid in msgids]


def einwilligung(tr: Tr, v: ConsentValues) -> str:
    """The consent for what only consent carries (special categories, contact channels), in one language.

    The advice itself rests on the advice relationship, the file on the service's interest in proof; the form
    says so, so that nobody believes the advice depends on ticking a box.
    """
    lines = head(tr, "Einwilligung in die Verarbeitung personenbezogener Daten", v)
    lines += [
        fill(
            tr,
            "Für die Beratung selbst müssen Sie nicht einwilligen: Die Beratungsstelle verarbeitet Ihre Angaben, "
            "um die Beratung zu leisten, die Sie wünschen ({advice_basis}). Ihre Einwilligung braucht sie nur "
            "für das, was Sie hier ankreuzen.",
            v,
        ),
        "",
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
            "Gesundheit",
            "Ich willige ausdrücklich ein, dass die Beratungsstelle Angaben zu meiner Gesundheit und andere "
            "besonders geschützte Angaben verarbeitet, soweit sie für meinen Fall wichtig sind "
            "({special_consent}).",
        ),
        (
            "Kontakt",
            "Ich bin einverstanden, dass die Beratungsstelle mich für Terminabsprachen auf diesem Weg erreicht, "
            "ohne Inhalte meines Falls zu nennen:",
        ),
    ]
    lines += [f"- [ ] **{tr(name)}:** {fill(tr, text, v)}" for name, text in purposes]
    lines += [
        f"  - [ ] {tr('Telefon oder SMS:')} {WRITE_IN}",
        f"  - [ ] {tr('E-Mail:')} {WRITE_IN}",
        "",
        fill(
            tr,
            "Rechtsgrundlage ist jeweils meine Einwilligung ({consent_basis}; für Gesundheit und andere besonders "
            "geschützte Angaben {special_consent}).",
            v,
        ),
        "",
        f"## {tr('Was ich weiß')}",
        "",
        f"- {tr('Ich habe die Datenschutzhinweise bekommen, und sie wurden mir erklärt.')}",
        *bullets(
            tr,
            v,
            (
                "Meine Einwilligung ist freiwillig. Wenn ich nicht einwillige, werde ich trotzdem allgemein "
                "beraten. Es hat keine Nachteile bei der Ausländerbehörde.",
                "Ich kann jede Einwilligung jederzeit widerrufen, ganz oder für einzelne Felder ({revocation}). "
                "Dafür genügt ein formloser Satz an {email} oder bei der Beratung. Der Widerruf gilt für die "
                "Zukunft; was vorher rechtmäßig geschehen ist, bleibt rechtmäßig.",
                "Wenn ich die Einwilligung zu Gesundheitsangaben widerrufe, löscht die Beratungsstelle diese "
                "Angaben. Dann kann sie Wege, bei denen es auf Krankheit oder Behinderung ankommt (zum Beispiel "
                "§ 25b Abs. 3 oder § 60a Abs. 2c AufenthG), nicht mehr mit mir prüfen.",
                "Nach einem Widerruf löscht die Beratungsstelle die betroffenen Daten, soweit keine Pflicht zur "
                "Aufbewahrung besteht.",
                "Die Beratungsstelle bewahrt diese Erklärung als Nachweis auf, solange sie die Beratungsakte "
                "aufbewahrt ({accountability}; {legal_obligation}).",
                OFFENCES_NOTE,
                "Wenn ich Angaben über Familienangehörige mache (zum Beispiel Ehepartner, Kinder, Eltern oder "
                "Geschwister), gebe ich ihnen das Informationsblatt für Familienangehörige weiter, das ich von der "
                "Beratungsstelle bekomme.",
            ),
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
    head = f"**{fill(tr, name, v)}**" + (f" {WRITE_IN}" if ask else "")
    aim = tr(purpose) if purpose else WRITE_IN
    lines = [f"- [ ] {head} {tr('Zweck:')} {aim}"]
    lines += [f"  - [ ] {tr(extra)}" for extra in extras]
    lines.append(f"  - {tr('Gilt bis:')} ______________")
    return lines


REMOVAL_USE = (
    "Was die Beratungsstelle der Ausländerbehörde oder der zentralen Landesbehörde für Rückführungen über Ihre "
    "Identität, Ihren Pass oder Ihre Herkunft mitteilt, darf diese Behörde für alle ihre Aufgaben verwenden: "
    "auch, um einen Pass für Sie zu beschaffen und um eine Abschiebung vorzubereiten und durchzuführen "
    "(§ 48 Abs. 3 und § 86 AufenthG). Sprechen Sie darüber mit Ihrer Beraterin oder Ihrem Berater, bevor Sie "
    "diese Stellen ankreuzen."
)
"""The plain statement on removal use (decisions for the data-protection set; § 48 Abs. 3 AufenthG names
the establishment and enforcement of a return option, § 86 the authority's collection for its tasks)."""


def schweigepflichtentbindung(tr: Tr, v: ConsentValues) -> str:
    """The confidentiality release towards the bodies the client ticks, in one language."""
    health = "Die Stelle darf auch Angaben zu meiner Gesundheit erhalten."
    lines = head(tr, "Entbindung von der Schweigepflicht und Einwilligung in die Weitergabe von Daten", v)
    lines += [
        fill(
            tr,
            "Die Mitarbeitenden der Beratungsstelle sind zur Verschwiegenheit verpflichtet. Ohne Ihre Erlaubnis "
            "geben sie nichts an andere Stellen weiter. Mit dieser Erklärung erlauben Sie ihnen, mit bestimmten "
            "Stellen über Ihren Fall zu sprechen und Unterlagen auszutauschen. Sie gilt nur für die Stellen, die "
            "Sie ankreuzen, nur für den Zweck, der dort steht, und nur bis zu dem Datum, das Sie eintragen. "
            "Rechtsgrundlage ist Ihre Einwilligung ({consent_basis}; für Gesundheitsdaten {special_consent}); "
            "zugleich entbinden Sie die Mitarbeitenden für diese Stellen von ihrer Schweigepflicht (für staatlich "
            "anerkannte Sozialarbeiterinnen und Sozialarbeiter § 203 Abs. 1 Nr. 6 StGB).",
            v,
        ),
        "",
        *_person(tr, interpreter=False),
        f"## {tr('Wichtig, bevor Sie ankreuzen')}",
        "",
        f"**{tr(REMOVAL_USE)}**",
        "",
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
        f"## {tr('Wer Ihre Angaben außerdem sieht')}",
        "",
        *bullets(
            tr,
            v,
            (
                "Dolmetscherinnen und Dolmetscher in der Beratung hören und lesen, was sie übersetzen. Sie sind "
                "zur Verschwiegenheit verpflichtet.",
                "Dienstleister für die Technik der Beratungsstelle (zum Beispiel Hosting oder Wartung) können "
                "Angaben sehen, soweit ihre Arbeit das nötig macht. Sie arbeiten nach einem Vertrag und nur nach "
                "Weisung der Beratungsstelle ({processor}).",
                "Beraterinnen und Berater, die keine Rechtsanwältinnen oder Rechtsanwälte sind, haben in einem "
                "Strafverfahren in der Regel kein Recht, die Aussage zu verweigern (§ 53 StPO). Ein Gericht kann "
                "sie dort als Zeugen laden.",
            ),
        ),
        "",
        f"## {tr('Was ich weiß')}",
        "",
        *bullets(
            tr,
            v,
            (
                "Diese Erklärung ist freiwillig. Wenn ich sie nicht gebe, werde ich trotzdem beraten. Es hat keine "
                "Nachteile bei der Ausländerbehörde.",
                "Ich kann sie jederzeit widerrufen, ganz oder für einzelne Stellen ({revocation}). Dafür genügt ein "
                "formloser Satz an {email} oder bei der Beratung. Der Widerruf gilt für die Zukunft: Danach gibt "
                "die Beratungsstelle nichts mehr an diese Stelle weiter.",
                "Eine Behörde, die Angaben von der Beratungsstelle bekommen hat, ist für diese Angaben selbst "
                "verantwortlich. Sie darf sie nach ihren eigenen gesetzlichen Regeln weiter verwenden, auch wenn "
                "ich später widerrufe.",
                "Die Beratungsstelle gibt nur weiter, was für den Zweck nötig ist, und nur auf sicherem Weg.",
            ),
        ),
        "",
        *_signature(tr),
    ]
    return "\n".join(lines)
