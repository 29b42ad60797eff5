"""The data-protection notice for clients (Art. 13 DSGVO or its church-law equivalent) in the client's language.

The consent form says that the person received the notice, so it exists in every language the consent exists
in. The German notice in ``datenschutz/datenschutzhinweise`` is the binding one; this version says the same
in plain language, purpose by purpose with its legal basis from the service's regime. Every sentence is a
catalog message (msgid = German text); legal references are placeholders (see ``consent.LAW_KEYS``).
"""

from __future__ import annotations

from replicate.forms.consent import OFFENCES_NOTE, ConsentValues, Tr, bullets, fill, head
from replicate.forms.mdtext import WRITE_IN

BINDING_NOTICE_DE = (
    "Rechtlich verbindlich ist die deutsche Fassung dieser Hinweise. Die Übersetzung dient dem Verständnis."
)

PURPOSES = (
    "**Beratung und Anträge:** damit die Beratungsstelle Sie so beraten und mit Ihnen Anträge vorbereiten kann, "
    "wie Sie es wünschen ({advice_basis}).",
    "**Gesundheit und andere besonders geschützte Angaben:** nur mit Ihrer ausdrücklichen Einwilligung "
    "({special_consent}).",
    OFFENCES_NOTE,
    "**Beratungsakte aufbewahren:** damit die Beratungsstelle nachweisen kann, wie sie beraten hat, und sich gegen "
    "Ansprüche verteidigen kann ({file_basis}; für besonders geschützte Angaben {special_claims}).",
    "**Ihre unterschriebenen Erklärungen aufbewahren:** als Nachweis, was Sie erlaubt haben ({accountability}; "
    "{legal_obligation}).",
    "**Austausch mit anderen Stellen** (zum Beispiel Ausländerbehörde, Härtefallkommission, Jobcenter, Schule): "
    "nur mit Ihrer schriftlichen Erlaubnis für jede Stelle und jeden Zweck ({consent_basis}; für "
    "Gesundheitsdaten {special_consent}).",
    "**Kontakt per SMS oder E-Mail:** nur mit Ihrer Einwilligung ({consent_basis}).",
    "**Angaben über Familienangehörige** (zum Beispiel Ehepartner, Kinder, Eltern, Geschwister): nur soweit sie "
    "für die Prüfung Ihres Falls wichtig sind ({file_basis}). Bitte geben Sie Ihren Angehörigen das "
    "Informationsblatt für Familienangehörige weiter.",
    "**Berichte an den Fördergeber:** nur anonyme Gesamtzahlen; kleine Zahlen werden nicht gezeigt. Niemand ist "
    "darin erkennbar ({file_basis}).",
)
"""Each purpose with its legal basis (decisions for the data-protection set, purposes 1–4 and family)."""

RIGHTS = (
    "Auskunft über Ihre Daten zu bekommen ({access}),",
    "falsche Daten berichtigen zu lassen ({rectification}),",
    "Ihre Daten löschen zu lassen, wenn die Beratungsstelle sie nicht mehr braucht ({erasure}),",
    "die Verarbeitung einschränken zu lassen ({restriction}),",
    "Ihre Daten in einem üblichen Format zu bekommen ({portability}),",
    "der Aufbewahrung Ihrer Akte und ihrer Auswertung für Berichte zu widersprechen, wenn Gründe aus Ihrer "
    "besonderen Lage dagegen sprechen ({objection}); dann hört die Beratungsstelle damit auf, wenn sie nicht "
    "zwingende Gründe nachweist, zum Beispiel die Verteidigung gegen Ansprüche,",
    "jede Einwilligung jederzeit zu widerrufen ({revocation}). Der Widerruf gilt für die Zukunft. Ein formloser "
    "Satz an {email} oder bei der Beratung genügt.",
)
"""The data subject's rights, each with its provision."""


def datenschutzhinweise(tr: Tr, v: ConsentValues) -> str:
    """The client's data-protection notice in one language (the German one in ``datenschutz/`` binds)."""
    lines = head(tr, "Datenschutzhinweise für Ratsuchende", v, BINDING_NOTICE_DE)
    lines += [
        tr(
            "Hier steht, was die Beratungsstelle mit Ihren Daten macht. Die Beraterin oder der Berater erklärt "
            "Ihnen diese Hinweise vor der ersten Beratung."
        ),
        "",
        f"## {tr('Wer ist verantwortlich?')}",
        "",
        fill(tr, "Verantwortlich ist {organisation}, {address}, E-Mail: {email}.", v),
        "",
        f"{tr('Datenschutzbeauftragte oder Datenschutzbeauftragter (Kontakt):')} {WRITE_IN}",
        "",
        f"## {tr('Wofür verarbeitet die Beratungsstelle Ihre Daten, und mit welchem Recht?')}",
        "",
        *bullets(tr, v, PURPOSES),
        "",
        f"## {tr('Wer bekommt Ihre Daten?')}",
        "",
        *bullets(
            tr,
            v,
            (
                "Andere Stellen bekommen Ihre Daten nur, wenn Sie es für diese Stelle in der Erklärung "
                "„Entbindung von der Schweigepflicht“ erlaubt haben.",
                "Dolmetscherinnen und Dolmetscher in der Beratung hören und lesen, was sie übersetzen. Sie sind "
                "zur Verschwiegenheit verpflichtet.",
                "Dienstleister für die Technik der Beratungsstelle (zum Beispiel Hosting oder Wartung) können "
                "Angaben sehen, soweit ihre Arbeit das nötig macht. Sie arbeiten nach einem Vertrag und nur nach "
                "Weisung der Beratungsstelle ({processor}).",
                "Eine Behörde, die mit Ihrer Erlaubnis Angaben bekommen hat, ist für diese Angaben selbst "
                "verantwortlich. Sie darf sie nach ihren eigenen gesetzlichen Regeln weiter verwenden, auch wenn "
                "Sie später widerrufen.",
                "Der Fördergeber bekommt nur anonyme Gesamtzahlen.",
            ),
        ),
        "",
        f"## {tr('Wie lange werden Ihre Daten gespeichert?')}",
        "",
        fill(
            tr,
            "Die Beratungsstelle löscht Ihre Beratungsakte {years} Jahre nach dem Ende des Jahres, in dem Sie "
            "zuletzt beraten wurden. Sie löscht früher, wenn Sie es verlangen und sie die Akte nicht mehr als "
            "Nachweis braucht. Ihre unterschriebenen Erklärungen bewahrt sie so lange auf wie die Beratungsakte.",
            v,
        ),
        "",
        f"## {tr('Ihre Rechte')}",
        "",
        tr("Sie haben das Recht,"),
        "",
        *bullets(tr, v, RIGHTS),
        "",
        f"## {tr('Beschwerde')}",
        "",
        fill(
            tr,
            "Sie können sich bei der Datenschutzaufsicht beschweren ({complaint}). Zuständig für die "
            "Beratungsstelle ist: {supervisor}.",
            v,
        ),
        "",
        f"## {tr('Müssen Sie Angaben machen?')}",
        "",
        tr(
            "Nein. Ohne Angaben kann die Beratungsstelle Sie aber nur allgemein beraten und nicht prüfen, welcher "
            "Weg für Sie offen ist."
        ),
        "",
        f"## {tr('Keine automatische Entscheidung')}",
        "",
        fill(
            tr,
            "Die Beratungsstelle nutzt ein Prüfschema. Es hilft der Beraterin oder dem Berater, entscheidet aber "
            "nichts über Sie; eine automatisierte Entscheidung findet nicht statt ({automated}). Über Ihren "
            "Aufenthalt entscheidet nur die zuständige Behörde.",
            v,
        ),
        "",
    ]
    return "\n".join(lines)
