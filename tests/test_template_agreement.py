"""The Copier template and the settings model must not drift apart."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from replicate.indicators.catalog import jinja_source
from replicate.settings import LANGUAGE_NAMES, Settings

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "template"
COPIER = yaml.safe_load((TEMPLATE / "copier.yml").read_text(encoding="utf-8"))
QUESTIONS = {key: value for key, value in COPIER.items() if not key.startswith("_")}


def test_one_question_per_settings_section() -> None:
    assert list(QUESTIONS) == list(Settings.model_fields)
    for name, question in QUESTIONS.items():
        assert question["type"] == "yaml", name
        assert question["help"], name


def test_validators_require_exactly_the_required_keys() -> None:
    """Each question's validator lists the keys the templates rely on: the model's required keys
    plus keys with a default (which replicate always passes); optional keys are read with .get()."""
    for name, question in QUESTIONS.items():
        listed = re.search(r"\[(.*?)\]", question["validator"])
        assert listed, name
        keys = {k.strip().strip('"') for k in listed.group(1).split(",")}
        model = Settings.model_fields[name].annotation
        required = {k for k, f in model.model_fields.items() if f.is_required()}  # type: ignore[union-attr]
        known = set(model.model_fields)  # type: ignore[union-attr]
        assert required <= keys, f"{name}: validator misses {required - keys}"
        assert keys <= known, f"{name}: validator names unknown keys {keys - known}"


def test_template_reads_optional_keys_with_get() -> None:
    """With StrictUndefined, a plain `copier copy` fails on an optional key that is absent from the data
    file unless templates read it with .get(); check every optional key of every section."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (TEMPLATE / "kit").rglob("*.jinja"))
    for section, field in Settings.model_fields.items():
        model = field.annotation
        for key, info in model.model_fields.items():  # type: ignore[union-attr]
            if info.is_required() or info.default is not None:
                continue
            plain_reads = re.findall(rf"\.{key}\b", sources.replace(f'.get("{key}")', ""))
            assert not plain_reads, f"{section}.{key} is optional but read without .get()"


def test_copier_settings_fail_loudly_and_need_no_trust() -> None:
    assert COPIER["_envops"]["undefined"] == "jinja2.StrictUndefined"
    assert "_tasks" not in COPIER and "_migrations" not in COPIER
    assert "_jinja_extensions" not in COPIER  # plain Copier must work without replicate installed
    assert (TEMPLATE / "kit" / "{{_copier_conf.answers_file}}.jinja").is_file()


def test_indicator_include_is_generated_from_the_catalog() -> None:
    committed = (TEMPLATE / "includes" / "indicators.jinja").read_text(encoding="utf-8")
    assert committed == jinja_source(), (
        "run: python -c 'from replicate.indicators.catalog import jinja_source; ...'"
    )


def test_language_names_agree() -> None:
    from replicate.languages import german_names

    macros = (TEMPLATE / "includes" / "macros.jinja").read_text(encoding="utf-8")
    assert "import LANGUAGE_NAMES as LANGUAGES" in macros
    assert LANGUAGE_NAMES.items() <= german_names().items()


def test_places_include_is_generated_from_the_data() -> None:
    from replicate.places.jinja import jinja_source

    committed = (TEMPLATE / "includes" / "places_data.jinja").read_text(encoding="utf-8")
    assert committed == jinja_source(), (
        "run: python -c 'from replicate.places.jinja import jinja_source; ...' > template/includes/places_data.jinja"
    )
