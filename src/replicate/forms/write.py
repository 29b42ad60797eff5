"""Write the forms of a kit: printable intake form, fillable offline form, client-language consent forms."""

from __future__ import annotations

from pathlib import Path

from replicate.forms.consent import LAW_KEYS, ConsentValues, einwilligung, schweigepflichtentbindung
from replicate.forms.family import informationen_angehoerige
from replicate.forms.fim import fim_document
from replicate.forms.html_form import fillable_form
from replicate.forms.letter import informationsbrief, letter_values
from replicate.forms.notice import datenschutzhinweise
from replicate.forms.printable import erstberatungsbogen
from replicate.forms.translate import translator
from replicate.settings import Settings

FOLDER = "formulare"


def law_references(settings: Settings) -> dict[str, str]:
    """The legal references of the client texts (:data:`~replicate.forms.consent.LAW_KEYS`) from the service's
    data-protection regime, the same data the German documents read (``places/data/regimes.yaml``).

    A public body advises and keeps files as its public task (Art. 6 Abs. 1 lit. e DSGVO with the Land act);
    a private or church body advises on the advice relationship the person asks for (lit. b) and keeps the
    file for its legitimate interest in proof (lit. f).
    """
    from replicate.places.derive import derive_regime
    from replicate.places.refs import ref

    regime = derive_regime(settings.advice_service)[0]
    law = {key: ref(regime, key) for key in LAW_KEYS if key not in ("advice_basis", "file_basis")}
    public = regime == "öffentlich"
    task = f"{ref(regime, 'public_task')} mit dem Datenschutzgesetz des Landes"
    law["advice_basis"] = task if public else ref(regime, "contract")
    law["file_basis"] = task if public else ref(regime, "legitimate_interest")
    return law


def consent_values(settings: Settings) -> ConsentValues:
    """What the client forms say about the service, the bodies and the law (plain text from the settings)."""
    from replicate.places.bodies import resolve
    from replicate.places.supervisor import service_supervisor

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
        law=law_references(settings),
        supervisor=service_supervisor(settings),
        years=a.retention_years,
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
    letter = letter_values(settings)
    for tr in translators:
        if tr.lang == "de":
            continue
        documents = {
            "datenschutzhinweise.md": datenschutzhinweise(tr, values),
            "einwilligung.md": einwilligung(tr, values),
            "schweigepflichtentbindung.md": schweigepflichtentbindung(tr, values),
            "informationsbrief.md": informationsbrief(tr, letter),
            "informationen-angehoerige.md": informationen_angehoerige(tr, values),
        }
        written += [_write(folder / tr.lang / name, text) for name, text in documents.items()]
    return written
