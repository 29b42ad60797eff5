"""The short notice for family members (Art. 14 DSGVO or its church-law equivalent) in the client's language.

Checking a client's routes may need data of other people who are not asked themselves: whether a spouse lives
in the household and was convicted of an intentional offence (§ 60d Abs. 1 Nr. 7 AufenthG, recorded as yes or
no), children's age and schooling, relatives' status for the family routes (§ 25a Abs. 2, § 25b Abs. 4,
§ 60d Abs. 2 AufenthG). The client passes this notice on (the consent says so). The German version in
``datenschutz/`` binds; every sentence is a catalog message.
"""

from __future__ import annotations

from replicate.forms.consent import ConsentValues, Tr, bullets, fill, head
from replicate.forms.notice import BINDING_NOTICE_DE


def informationen_angehoerige(tr: Tr, v: ConsentValues) -> str:
    """The family members' notice in one language."""
    lines = head(tr, "Informationen für Familienangehörige von Ratsuchenden", v, BINDING_NOTICE_DE)
    lines += [
        fill(
            tr,
            "Ein Mitglied Ihrer Familie lässt sich bei der Beratungsstelle beraten. Für diese Beratung kann die "
            "Beratungsstelle auch Angaben über Sie brauchen. Hier steht, welche Angaben und warum "
            "({family_notice}).",
            v,
        ),
        "",
        f"## {tr('Welche Angaben über Sie?')}",
        "",
        *bullets(
            tr,
            v,
            (
                "Ehepartner oder Lebenspartner: ob Sie im selben Haushalt leben und ob Sie wegen einer "
                "vorsätzlichen Straftat verurteilt wurden (nur „ja“ oder „nein“, nicht das Urteil).",
                "Kinder: Alter, Schulbesuch und bei der Beschäftigungsduldung, ob eine schwere Straftat vorliegt "
                "(nur „ja“ oder „nein“).",
                "Eltern, Geschwister, Ehepartner und Kinder: Ihr Aufenthaltsstatus, ob Sie zusammenleben und bei "
                "Eltern, ob sie das Sorgerecht haben, wenn es um ein Bleiberecht für die Familie geht (zum Beispiel "
                "§ 25a Abs. 2, § 25b Abs. 4 oder § 60d Abs. 2 AufenthG).",
            ),
        ),
        "",
        tr("Die Angaben kommen von Ihrem Familienmitglied, das sich beraten lässt."),
        "",
        f"## {tr('Warum und mit welchem Recht?')}",
        "",
        fill(
            tr,
            "Ihr Familienmitglied möchte wissen, welcher Weg zu einem Aufenthaltsrecht offen ist. Dafür prüft "
            "die Beratungsstelle auch Angaben über Sie ({file_basis}). Angaben zu Ihrer Gesundheit verarbeitet "
            "sie nur mit Ihrer eigenen Einwilligung ({special_consent}).",
            v,
        ),
        "",
        fill(
            tr,
            "Die Beratungsstelle gibt Angaben über Sie nur an andere Stellen weiter, wenn Ihr Familienmitglied das "
            "für einen bestimmten Antrag schriftlich erlaubt hat und die Angaben dafür nötig sind. Sie löscht "
            "sie mit der Beratungsakte, {years} Jahre nach dem Ende des Jahres der letzten Beratung.",
            v,
        ),
        "",
        f"## {tr('Ihre Rechte')}",
        "",
        fill(
            tr,
            "Sie können Auskunft verlangen ({access}), falsche Angaben berichtigen ({rectification}) und Angaben "
            "löschen lassen, wenn sie nicht mehr gebraucht werden ({erasure}). Sie können widersprechen, wenn "
            "Gründe aus Ihrer besonderen Lage dagegen sprechen ({objection}). Sie können sich bei der "
            "Datenschutzaufsicht beschweren ({complaint}); zuständig ist: {supervisor}.",
            v,
        ),
        "",
        fill(tr, "Verantwortlich ist {organisation}, {address}, E-Mail: {email}.", v),
        "",
    ]
    return "\n".join(lines)
