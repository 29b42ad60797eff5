"""Write the forms of a kit: printable intake form, fillable offline form, client-language consent forms."""

from __future__ import annotations

from pathlib import Path

from replicate.forms.consent import ConsentValues, einwilligung, schweigepflichtentbindung
from replicate.forms.fim import fim_document
from replicate.forms.html_form import fillable_form
from replicate.forms.printable import erstberatungsbogen
from replicate.forms.translate import translator
from replicate.settings import Settings

FOLDER = "formulare"


def consent_values(settings: Settings) -> ConsentValues:
    """What the consent forms say about the service and the bodies (plain text from the settings)."""
    from replicate.places.bodies import resolve

    a = settings.advice_service
    bodies = resolve(settings)
    return ConsentValues(
        organisation=a.organisation,
        project=a.project_name,
        address=f"{a.address.street}, {a.address.postal_code} {a.address.city}",
        email=a.email,
        authority=settings.authority.name,
        commission=bodies.hardship_commission or bodies.land,
        removal_authority=bodies.removal_authority,
    )


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_forms(settings: Settings, kit_dir: Path, locales: Path | None = None) -> list[Path]:
    """Write every form into ``kit_dir/formulare``; return the paths written.

    Markdown files are rendered by the kit pipeline afterwards; ``erstberatung.html`` is final. Languages are
    ``settings.kit.client_languages`` (German first); German consent forms stay in ``datenschutz/``.
    ``locales`` replaces the catalog folder (default: built-in or ``$REPLICATE_FORMS_LOCALES``).
    """
    folder = kit_dir / FOLDER
    a = settings.advice_service
    translators = [translator(lang, locales) for lang in settings.kit.client_languages]
    written = [
        _write(folder / "erstberatungsbogen.md", erstberatungsbogen(a.project_name, a.organisation)),
        _write(folder / "erstberatung.html", fillable_form(translators, a.project_name)),
        _write(folder / "fim-zuordnung.md", fim_document()),
    ]
    values = consent_values(settings)
    for tr in translators:
        if tr.lang == "de":
            continue
        written.append(_write(folder / tr.lang / "einwilligung.md", einwilligung(tr, values)))
        written.append(
            _write(folder / tr.lang / "schweigepflichtentbindung.md", schweigepflichtentbindung(tr, values))
        )
    return written
