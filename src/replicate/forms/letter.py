"""The information letter to the target group (Anlage 4 of the agreement) in the client languages.

The agreement encloses translations of the letter. Its sentences are the German text of
``template/kit/vereinbarung/anlage-4-informationsbrief.md.jinja`` as catalog messages; a test renders the
German template and this builder with German and proves that both give the same letter.

Two values depend on the language: in German the place and the provider need their grammatical forms
("im Landkreis Görlitz", "der Träger Caritasverband … e.V."), which the template's macros
(``includes/places.jinja``) compute; a translation gets the plain name and supplies its own grammar. A
German text shown because a translation is missing (``[DE]``) gets the German forms, so it stays correct German.
"""

from __future__ import annotations

from dataclasses import dataclass

from replicate.forms.consent import Tr
from replicate.forms.mdtext import UNTRANSLATED, escape
from replicate.languages import endonym, german_names
from replicate.settings import Settings
from replicate.settings.legal_service import derive_basis, own_legal_service


@dataclass(frozen=True)
class LetterValues:
    """Values of the letter as Markdown text (escaped); ``german`` holds the German forms of the same keys."""

    plain: dict[str, str]
    german: dict[str, str]
    sender: str
    """Which sender and signature: "Beratungsstelle", "Ausländerbehörde" or "beide"."""
    legal_advice: bool
    """Whether the service checks the legal situation itself (its RDG route, as the template's ``rdg.own``)."""
    others: bool
    """Whether the letter exists in other languages as well (more than one client language)."""


GERMAN_FORMS = (
    '{%- import "includes/places.jinja" as p -%}'
    "{{ p.loc(municipality) }}\n{{ p.nom(municipality) }}\n{{ p.org_nom(advice_service) }}\n"
    "{{ p.authority_label(authority) }}"
)
"""The template's macros for the forms that need German grammar, one per line."""


def _german_forms(settings: Settings) -> list[str]:
    """Render :data:`GERMAN_FORMS` with the kit template's includes and the settings' template data."""
    import jinja2

    from replicate.kit.template import template_path

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_path())),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    return env.from_string(GERMAN_FORMS).render(settings.template_data()).split("\n")


def letter_values(settings: Settings) -> LetterValues:
    """The letter's values from the settings."""
    a = settings.advice_service
    auth = settings.authority
    place_loc, place_nom, provider, authority_label = _german_forms(settings)
    address = escape(f"{a.address.street}, {a.address.postal_code} {a.address.city}")
    authority_address = escape(f"{auth.address.street}, {auth.address.postal_code} {auth.address.city}")
    languages = [code for code in settings.kit.client_languages]
    common = {
        "organisation": escape(a.organisation),
        "contact_role": escape(a.contact_role),
        "address": address,
        "phone": escape(a.phone),
        "email": escape(a.email),
        "advice_languages": ", ".join(escape(x) for x in a.advice_languages),
        "project": escape(a.project_name),
        "authority": authority_label,
        "authority_name": escape(auth.name),
        "authority_address": authority_address,
    }
    names = german_names()
    plain = {
        **common,
        "place": place_nom.split(" ", 1)[1] if place_nom.startswith(("die ", "der ")) else place_nom,
        "provider": escape(a.organisation),
        "languages": ", ".join(endonym(code) for code in languages),
    }
    german = {
        **common,
        "place": place_loc,
        "provider": provider,
        "languages": ", ".join(names.get(code, code) for code in languages if code != "de"),
    }
    contact = settings.cooperation.target_group_contact
    sender = contact if contact in ("Beratungsstelle", "Ausländerbehörde") else "beide"
    legal = own_legal_service(derive_basis(a.legal_service_basis, a.qualified_legal_advice))
    return LetterValues(plain, german, sender, legal, len(languages) > 1)


def _say(tr: Tr, msgid: str, v: LetterValues) -> str:
    """Translate and fill; German text (original or ``[DE]``) gets the German forms of the values."""
    text = tr(msgid)
    german = text == msgid or text.startswith(UNTRANSLATED)
    values = v.german if german else v.plain
    try:
        result = text.format(**values)
    except (KeyError, IndexError, ValueError):
        result = UNTRANSLATED + msgid.format(**v.german)
    provider = values["provider"]
    if provider.endswith("."):  # "… e.V." ends the sentence itself, as the template's ``sentence`` macro does
        result = result.replace(f"{provider}.", provider)
    return result


SENDERS = {
    "Beratungsstelle": "Absender: {organisation}, {contact_role}, {address}",
    "Ausländerbehörde": "Absender: {authority}, {authority_address}",
    "beide": "Absender: {authority}, {authority_address}, gemeinsam mit {organisation}, {address}",
}
SIGNATURES = {
    "Beratungsstelle": "{organisation}",
    "Ausländerbehörde": "{authority_name}",
    "beide": "{authority_name} und {organisation}",
}


def letter_body(tr: Tr, v: LetterValues) -> list[str]:
    """The letter from the sender line to the signature, as Markdown lines (the same in every language)."""

    def say(msgid: str) -> str:
        return _say(tr, msgid, v)

    def items(*msgids: str) -> list[str]:
        return [f"- {say(m)}" for m in msgids]

    legal = (
        "Die Beratung prüft auch Ihre rechtliche Lage."
        if v.legal_advice
        else "Für die rechtliche Prüfung hilft Ihnen die Beratung, eine Anwältin oder einen Anwalt zu finden."
    )
    lines = [
        say(SENDERS[v.sender]),
        "",
        f"{say('Datum:')} ______________",
        "",
        f"## {say('Sie haben eine Duldung? Lassen Sie sich beraten.')}",
        "",
        say("Guten Tag,"),
        "",
        say(
            "Sie leben schon lange {place}. Sie haben eine Duldung. Vielleicht können Sie eine "
            "Aufenthaltserlaubnis bekommen. Dafür gibt es Regeln. Die Regeln sind schwer. Eine Beratungsstelle "
            "kann Ihnen helfen."
        ),
        "",
        f"## {say('Was ist die Beratung?')}",
        "",
        *items(
            "Die Beratung ist für Menschen mit Duldung.",
            "Sie sprechen mit einer Beraterin oder einem Berater.",
            "Sie schauen zusammen: Welcher Weg passt zu Ihnen? Was fehlt noch? Was müssen Sie bis wann tun?",
            legal,
            "Die Beratung macht {provider}. Das Projekt heißt „{project}“.",
        ),
        "",
        f"## {say('Das ist wichtig')}",
        "",
        *items(
            "**Die Beratung ist kostenlos.** Sie müssen nichts bezahlen.",
            "**Die Beratung ist freiwillig.** Sie entscheiden selbst. Wenn Sie nicht zur Beratung gehen, hat das "
            "keine Nachteile für Sie.",
            "**Die Beratung ist unabhängig.** Die Beratungsstelle gehört nicht zur Ausländerbehörde.",
            "**Die Beratung ist vertraulich.** Die Beratungsstelle sagt der Ausländerbehörde nichts über Sie. Nur "
            "wenn Sie es schriftlich erlauben. Sie können die Erlaubnis jederzeit zurücknehmen.",
            "Ob Sie zur Beratung gehen, entscheiden Sie. Wenn Sie einer Fallkonferenz oder einem Austausch mit der "
            "Ausländerbehörde zustimmen, erfährt die Ausländerbehörde, dass Sie beraten werden.",
            "Wenn Ihnen die Ausländerbehörde einen Verweisungsbogen gegeben hat, weiß sie, dass sie Ihnen die "
            "Beratung empfohlen hat.",
            "Dieser Brief ist kein Bescheid. Sie müssen auf diesen Brief nicht antworten. Fristen aus anderen "
            "Briefen gelten weiter.",
        ),
        "",
        f"## {say('So erreichen Sie die Beratung')}",
        "",
        *items(
            "Stelle: {organisation}, {contact_role}",
            "Adresse: {address}",
            "Telefon: {phone}",
            "E-Mail: {email}",
            "Sprachen: {advice_languages}",
        ),
        "",
        say("Rufen Sie an oder schreiben Sie eine E-Mail. Dann bekommen Sie einen Termin."),
        "",
        f"## {say('Das können Sie mitbringen')}",
        "",
        *items(
            "Ihre Duldung",
            "Ihren Pass, wenn Sie einen haben",
            "Papiere über Arbeit, Schule, Ausbildung oder Deutschkurse",
            "Briefe von Behörden",
        ),
        "",
    ]
    if v.others:
        lines += [say("Diesen Brief gibt es auch in diesen Sprachen: {languages}."), ""]
    signature = SIGNATURES[v.sender]  # a name alone is not a message to translate
    lines += [
        say("Mit freundlichen Grüßen"),
        "",
        say(signature) if " " in signature else signature.format(**v.plain),
    ]
    return lines


def informationsbrief(tr: Tr, v: LetterValues) -> str:
    """The translated letter: a title, a line that the German letter is the original, the letter."""
    lines = [
        f"# {tr('Informationsbrief: Beratung für Menschen mit Duldung')}",
        "",
        f"> {tr('Dies ist eine Übersetzung. Das Original ist der deutsche Brief.')}",
        "",
        "---",
        "",
        *letter_body(tr, v),
    ]
    return "\n".join(lines) + "\n"
