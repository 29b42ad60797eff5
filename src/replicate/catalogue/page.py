"""The frame of every catalogue page: a strict Content-Security-Policy, inline CSS and script allowed by hash."""

from __future__ import annotations

import base64
import hashlib
from html import escape

CSS = """
:root { color-scheme: light; }
body { font-family: "Noto Sans", system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff;
       max-width: 64rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
a { color: #0b4f8a; }
table { border-collapse: collapse; margin: 1em 0; width: 100%; }
th, td { border: 1px solid #999; padding: .3em .5em; text-align: start; vertical-align: top; }
th { background: #eee; }
th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
section.profile { border: 1px solid #ccc; padding: 0 1em; margin: 1.5em 0; }
footer { margin-top: 3rem; border-top: 1px solid #ccc; font-size: .85rem; color: #555; }
"""

SORT_SCRIPT = """
document.querySelectorAll("th button").forEach(function (button) {
  button.addEventListener("click", function () {
    var th = button.parentElement;
    var table = th.closest("table");
    var body = table.tBodies[0];
    var index = Array.prototype.indexOf.call(th.parentElement.children, th);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var numeric = th.getAttribute("data-type") === "number";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-sort");
      var y = b.cells[index].getAttribute("data-sort");
      var result = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, "de");
      return ascending ? result : -result;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
"""


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def csp(script: bool) -> str:
    """Nothing may load or connect; only our own inline style (and sort script) run, allowed by their hash."""
    scripts = f"'{_hash(SORT_SCRIPT)}'" if script else "'none'"
    return (
        f"default-src 'none'; style-src '{_hash(CSS)}'; script-src {scripts}; img-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def page(title: str, body: str, *, script: bool = False) -> bytes:
    """A complete HTML page. ``title`` is plain text (escaped here); ``body`` is HTML escaped by the caller."""
    code = f"<script>{SORT_SCRIPT}</script>\n" if script else ""
    text = (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp(script)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n"
        "<footer><p>Erzeugt mit replicate. Die Angaben stammen aus den Einstellungen der Kits; Zahlen nennen "
        "Stichtag und Quelle. Kein Rechtsrat.</p></footer>\n"
        f"{code}</body>\n</html>\n"
    )
    return text.encode("utf-8")
