"""Accessible bar charts as SVG, drawn from published table figures only.

Each chart has ``role="img"`` with a ``<title>`` and a ``<desc>`` that lists every value in words, text
labels on every bar (no meaning by colour alone), and withheld values named with "." instead of a bar.
"""

from __future__ import annotations

from html import escape
from typing import Any

from replicate.numbers import number

WIDTH = 640
ROW = 26
LABEL_WIDTH = 230


def chart_rows(table: dict[str, Any]) -> list[tuple[str, int | None]]:
    """(label, value or None when withheld) per row of ``table``: its row totals, margin excluded."""
    out = []
    for row in table["rows"]:
        if row["code"] == "*":
            continue
        cell = row["cells"][-1]
        out.append((row["label"], cell["value"]))
    return out


def _number(value: int) -> str:
    return number(value)


def bar_chart(chart_id: str, title: str, unit: str, rows: list[tuple[str, int | None]]) -> str:
    """A horizontal bar chart as a standalone SVG document."""
    shown = [v for _, v in rows if v is not None]
    top = max(shown, default=0) or 1
    height = 40 + ROW * max(1, len(rows))
    words = "; ".join(f"{label}: {_number(v) if v is not None else 'gesperrt (.)'}" for label, v in rows)
    desc = f"{title}, {unit}. {words}." if rows else f"{title}: keine Werte im Berichtszeitraum."
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="Noto Sans, sans-serif" font-size="13">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
        f'<text x="0" y="16" font-weight="bold">{escape(title)} ({escape(unit)})</text>',
    ]
    span = WIDTH - LABEL_WIDTH - 70
    for i, (label, value) in enumerate(rows):
        y = 30 + i * ROW
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">{escape(label)}</text>')
        if value is None:
            parts.append(f'<text x="{LABEL_WIDTH}" y="{y + 16}">. (gesperrt)</text>')
            continue
        length = round(span * value / top, 1)
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{length}" height="{ROW - 8}" fill="#1f5f99"/>'
        )
        parts.append(f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 16}">{_number(value)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
