"""Parse Markdown once into the syntax tree every renderer walks, plus small helpers about that tree.

The dialect is CommonMark with GFM tables and strikethrough, raw HTML disabled, and three
adjustments for the kit's forms:

* a run of three or more underscores is literal text (a write-in line), never emphasis;
* consequently a line of only underscores is a write-in line, not a horizontal rule
  (use ``---`` or ``***`` for rules);
* a list item starting with ``[ ]`` / ``[x]`` shows a ballot box ☐ / ☒ instead; the item gets
  ``class="task"``;

and one typographic rule: the space after ``§`` or ``§§`` (also a line break in the source) becomes
a no-break space (U+00A0), so that "§ 23a" never breaks across lines (code stays as written).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from markdown_it import MarkdownIt
from markdown_it.rules_block.hr import hr as _hr_rule
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

try:  # a private helper of markdown-it-py; if a release renames it, the public constructor is used
    from markdown_it.tree import _NesterTokens
except ImportError:  # pragma: no cover - depends on the installed markdown-it-py
    _NesterTokens = None  # type: ignore[assignment,misc]

from replicate.render.bidi import isolate

BALLOT_OPEN = "☐"
BALLOT_DONE = "☒"
_TASK = re.compile(r"\[([ xX])\](?= |$)")
_ALIGN = re.compile(r"text-align:(left|center|right)")
_SECTION_SPACE = re.compile(r"(?<=§) +")
NBSP = "\u00a0"


def _underscore_line(state: StateInline, silent: bool) -> bool:
    """Inline rule: keep ``___`` and longer as plain text so emphasis cannot consume it."""
    start = state.pos
    end = start
    while end < state.posMax and state.src[end] == "_":
        end += 1
    if end - start < 3:
        return False
    if not silent:
        state.pending += state.src[start:end]
    state.pos = end
    return True


def _hr_without_underscores(state: Any, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: CommonMark's thematic break, except for lines made of underscores (write-in lines)."""
    pos = state.bMarks[start_line] + state.tShift[start_line]
    if pos < len(state.src) and state.src[pos] == "_":
        return False
    return bool(_hr_rule(state, start_line, end_line, silent))


def _task_items(state: StateCore) -> None:
    """Core rule: ``- [ ] text`` → ``☐ text`` and ``- [x] text`` → ``☒ text``, marking the item as a task."""
    tokens = state.tokens
    for i in range(2, len(tokens)):
        inline = tokens[i]
        if not (
            inline.type == "inline"
            and tokens[i - 1].type == "paragraph_open"
            and tokens[i - 2].type == "list_item_open"
            and inline.children
            and inline.children[0].type == "text"
        ):
            continue
        first = inline.children[0]
        match = _TASK.match(first.content)
        if match is None:
            continue
        box = BALLOT_OPEN if match.group(1) == " " else BALLOT_DONE
        first.content = box + first.content[match.end() :]
        inline.content = box + inline.content[match.end() :]
        tokens[i - 2].attrSet("class", "task")


def _section_spaces(state: StateCore) -> None:
    """Core rule: the space (or soft line break) after ``§`` / ``§§`` becomes a no-break space."""
    for token in state.tokens:
        if token.type != "inline" or not token.children or "§" not in token.content:
            continue
        children = token.children
        for i, child in enumerate(children):
            if child.type != "text" or "§" not in child.content:
                continue
            child.content = _SECTION_SPACE.sub(NBSP, child.content)
            following = children[i + 1] if i + 1 < len(children) else None
            if following is not None and following.type == "softbreak" and child.content.endswith("§"):
                following.type, following.tag, following.content = "text", "", NBSP


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The one configured parser (cached; markdown-it parsers are reusable)."""
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.inline.ruler.before("emphasis", "underscore_line", _underscore_line)
    md.block.ruler.at(
        "hr", _hr_without_underscores, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    md.core.ruler.push("task_items", _task_items)
    md.core.ruler.push("section_spaces", _section_spaces)
    return md


def parse(markdown: str, *, rtl: bool = False) -> SyntaxTreeNode:
    """Parse ``markdown`` into a syntax tree (root node).

    ``rtl``: the document is written right to left; every left-to-right run of its text is isolated
    (:func:`replicate.render.bidi.isolate`), so that all renderers keep German values and names together.
    """
    tokens = markdown_parser().parse(markdown)
    if rtl:
        for token in tokens:
            for child in token.children or []:
                if child.type == "text" and child.content:
                    child.content = isolate(child.content)
    return build_tree(tokens)


def build_tree(tokens: Sequence[Token]) -> SyntaxTreeNode:
    """The tree ``SyntaxTreeNode(tokens)`` builds, made in one pass over the tokens where possible.

    markdown-it-py's constructor copies the token list of every container once per nesting level
    and builds each node through ``__init__``; for the kit's documents that cost as much as the
    parse itself. :func:`_fast_tree` makes the same nodes (same class, same attributes, same tokens)
    in one pass, but it sets attributes that are markdown-it-py's internals. Whether they still mean
    what they meant is checked once per process against the public constructor (:func:`_fast_tree_works`);
    if not, or if building fails on them, the public ``SyntaxTreeNode(tokens)`` builds the tree.
    ``tests/render/test_tree.py`` compares both builders and forces the fallback.
    """
    if _fast_tree_works():
        try:
            return _fast_tree(tokens)
        except (AttributeError, TypeError):  # pragma: no cover - internals changed under a running process
            pass
    return SyntaxTreeNode(tokens)


_PROBE = "# T\n\n- [ ] a *b*\n  - c\n\n| x | y |\n|---|--:|\n| 1 | 2 |\n\n> q\n\n```\nz\n```\n"
"""A little of everything the templates use: the probe both builders must agree on."""


@lru_cache(maxsize=1)
def _fast_tree_works() -> bool:
    """Whether the one-pass builder still makes exactly the public constructor's tree."""
    if _NesterTokens is None:
        return False
    tokens = markdown_parser().parse(_PROBE)
    try:
        fast = _fast_tree(tokens)
    except (AttributeError, TypeError, ValueError):
        return False
    return same_tree(fast, SyntaxTreeNode(tokens))


def same_tree(a: SyntaxTreeNode, b: SyntaxTreeNode) -> bool:
    """Whether two trees are made alike: same class and instance attributes, the same token objects,
    the same shape and parents."""
    if type(a) is not type(b) or vars(a).keys() != vars(b).keys() or a.token is not b.token:
        return False
    if (a.nester_tokens is None) != (b.nester_tokens is None):
        return False
    if a.nester_tokens is not None and b.nester_tokens is not None:
        if a.nester_tokens.opening is not b.nester_tokens.opening:
            return False
        if a.nester_tokens.closing is not b.nester_tokens.closing:
            return False
    if len(a.children) != len(b.children):
        return False
    return all(
        x.parent is a and y.parent is b and same_tree(x, y)
        for x, y in zip(a.children, b.children, strict=True)
    )


def _node(parent: SyntaxTreeNode | None) -> SyntaxTreeNode:
    node = SyntaxTreeNode.__new__(SyntaxTreeNode)
    node.token = None
    node.nester_tokens = None
    node._parent = parent
    node._children = []
    return node


def _fast_tree(tokens: Sequence[Token]) -> SyntaxTreeNode:
    root = _node(None)
    _add_children(root, tokens)
    return root


def _add_children(parent: SyntaxTreeNode, tokens: Sequence[Token]) -> None:
    assert _NesterTokens is not None
    stack: list[tuple[SyntaxTreeNode, Token]] = []
    current = parent
    for token in tokens:
        nesting = token.nesting
        if nesting == 1:
            node = _node(current)
            current._children.append(node)
            stack.append((current, token))
            current = node
        elif nesting == -1:
            if not stack:
                raise ValueError("Invalid token nesting")
            outer, opening = stack.pop()
            current.nester_tokens = _NesterTokens(opening, token)
            current = outer
        else:
            node = _node(current)
            node.token = token
            current._children.append(node)
            if token.children:
                _add_children(node, token.children)
    if stack:
        raise ValueError(f"unclosed tokens starting {stack[0][1]}")


def rewrite_href(href: str, suffix: str) -> str:
    """Point a relative link to another Markdown document at the same document in this format.

    ``other.md#teil`` → ``other.html#teil`` for ``suffix=".html"``; absolute URLs, ``mailto:``,
    anchors and links to other files are returned unchanged.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.lower().endswith(".md"):
        return href
    return urlunsplit(("", "", parts.path[:-3] + suffix, parts.query, parts.fragment))


def plain_text(node: SyntaxTreeNode) -> str:
    """All text below ``node`` without formatting (breaks become spaces)."""
    if node.type in ("text", "code_inline"):
        return node.content
    if node.type in ("softbreak", "hardbreak"):
        return " "
    return "".join(plain_text(child) for child in node.children)


def heading_level(node: SyntaxTreeNode) -> int:
    """1 for ``h1`` … 6 for ``h6``."""
    return int(node.tag[1])


def cell_align(node: SyntaxTreeNode) -> str | None:
    """``left``, ``center`` or ``right`` for a table cell with an explicit alignment, else None."""
    match = _ALIGN.search(str(node.attrs.get("style", "")))
    return match.group(1) if match else None


def list_start(node: SyntaxTreeNode) -> int:
    """The first number of an ordered list (``3.`` → 3); 1 for bullet lists."""
    return int(node.attrs.get("start", 1))


def is_task_list(node: SyntaxTreeNode) -> bool:
    """True for a bullet list whose every item starts with a ballot box (forms: no bullet needed)."""
    items = node.children
    return node.type == "bullet_list" and bool(items) and all(i.attrs.get("class") == "task" for i in items)


def is_tight(node: SyntaxTreeNode) -> bool:
    """True for a tight list (markdown-it hides the paragraphs of tight list items)."""
    for item in node.children:
        for child in item.children:
            if child.type == "paragraph":
                return bool(child.hidden)
    return True


def table_rows(node: SyntaxTreeNode) -> list[list[SyntaxTreeNode]]:
    """The cells of a table, row by row, header row first."""
    return [list(row.children) for section in node.children for row in section.children]


def code_text(node: SyntaxTreeNode) -> str:
    """Content of a fenced or indented code block without its final newline."""
    return node.content.removesuffix("\n")
