"""German number notation: the one formatter for numbers and amounts in documents, reports and messages.

A point groups thousands and a comma separates decimals, also for numbers with decimals (1.234,5, not
1234,5). The template's macros ``num``, ``dec`` and ``eur`` (``template/includes/macros.jinja``) and
``eur``/``pct`` (``template/includes/start.jinja``) write the same notation in pure Jinja, so that plain
Copier renders the kit too; ``tests/test_numbers.py`` proves that both agree on the same cases.
"""

from __future__ import annotations


def _swap(text: str) -> str:
    """Python's ``1,234.5`` as German ``1.234,5``; a value rounded to zero has no minus sign."""
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def number(value: float, places: int = 2, *, trim: bool = True) -> str:
    """``value`` in German notation: whole numbers without decimals (1.400), others with at most
    ``places`` decimals (1.234,5; 1.234.567,25; -1.234,5). With ``trim=False`` a number with decimals
    keeps all ``places`` digits (12,0 for 12.04 with one place)."""
    if float(value).is_integer():
        return _swap(f"{int(value):,}")
    text = f"{value:,.{places}f}"
    if trim:
        text = text.rstrip("0").rstrip(".")
    return _swap(text)


def euro(value: float) -> str:
    """An amount in euros: whole euros without cents (180.000 €), otherwise with cents (1.234,50 €)."""
    if float(value).is_integer():
        return f"{number(value)} €"
    return f"{_swap(f'{value:,.2f}')} €"


def euro_cents(value: float) -> str:
    """An amount in euros always with cents, as in a financing plan (228.000,00 €)."""
    return f"{_swap(f'{value:,.2f}')} €"


def percent(value: float) -> str:
    """A percentage with one decimal (90,0 %; 1.234,5 %)."""
    return f"{_swap(f'{value:,.1f}')} %"
