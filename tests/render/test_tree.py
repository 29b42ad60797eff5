"""The shared parse: dialect adjustments for forms, task items, link rewriting, unsafe links."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from markdown_it.tree import SyntaxTreeNode

from replicate.render import DocMeta
from replicate.render import tree as tree_module
from replicate.render.docx import to_docx
from replicate.render.html import to_html
from replicate.render.odt import to_odt
from replicate.render.pdf import typst_source
from replicate.render.tree import (
    build_tree,
    is_task_list,
    markdown_parser,
    parse,
    plain_text,
    rewrite_href,
)


def _types(markdown: str) -> list[str]:
    return [node.type for node in parse(markdown).children]


def test_underscore_runs_stay_text_and_never_become_emphasis() -> None:
    tree = parse("Name: ___ (____) und ___x___ und __________\n")
    paragraph = tree.children[0].children[0]
    assert [child.type for child in paragraph.children] == ["text"]
    assert plain_text(paragraph) == "Name: ___ (____) und ___x___ und __________"


def test_a_line_of_underscores_is_a_write_in_line_but_dashes_still_make_a_rule() -> None:
    assert _types("__________\n") == ["paragraph"]
    assert _types("Text\n\n---\n\nText\n") == ["paragraph", "hr", "paragraph"]
    assert _types("***\n") == ["hr"]


def test_two_underscores_and_single_ones_keep_their_markdown_meaning() -> None:
    inline = parse("__fett__ und _kursiv_\n").children[0].children[0]
    kinds = [child.type for child in inline.children if child.type != "text" or child.content]
    assert kinds == ["strong", "text", "em"]


def test_task_items_get_ballot_boxes_and_a_class() -> None:
    tree = parse("- [ ] offen\n- [x] erledigt\n- [X] auch\n")
    bullet_list = tree.children[0]
    assert [plain_text(item) for item in bullet_list.children] == ["☐ offen", "☒ erledigt", "☒ auch"]
    assert is_task_list(bullet_list)


def test_brackets_that_are_not_a_task_stay_as_written() -> None:
    tree = parse("- [ ]ohne Leerzeichen\n- normal\n\n[ ] kein Listenpunkt\n")
    assert plain_text(tree.children[0]) == "[ ]ohne Leerzeichennormal"
    assert not is_task_list(tree.children[0])
    assert plain_text(tree.children[1]) == "[ ] kein Listenpunkt"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("other.md", "other.html"),
        ("teil/other.md#abschnitt-2", "teil/other.html#abschnitt-2"),
        ("../x.md?a=1", "../x.html?a=1"),
        ("GROSS.MD", "GROSS.html"),
        ("https://example.org/readme.md", "https://example.org/readme.md"),
        ("//example.org/readme.md", "//example.org/readme.md"),
        ("mailto:beratung@example.org", "mailto:beratung@example.org"),
        ("#abschnitt", "#abschnitt"),
        ("bild.png", "bild.png"),
    ],
)
def test_rewrite_href(href: str, expected: str) -> None:
    assert rewrite_href(href, ".html") == expected


UNSAFE = ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:x", "data:text/html,x"]


@pytest.mark.parametrize("url", UNSAFE)
def test_unsafe_links_are_not_links(url: str) -> None:
    tree = parse(f"[klick]({url})\n")
    assert all(node.type != "link" for node in tree.walk())


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("nach § 23a AufenthG\n", "nach §\u00a023a AufenthG"),
        ("in §§ 25a und 25b\n", "in §§\u00a025a und 25b"),
        ("nach §   60d\n", "nach §\u00a060d"),
        ("nach §\n104c\n", "nach §\u00a0104c"),  # a line break in the source, too
        ("nach § **25b**\n", "nach §\u00a025b"),
        ("# § 1 Präambel\n", "§\u00a01 Präambel"),
        ("Paragraf §\n", "Paragraf §"),
        ("kein Paragraf: a b\n", "kein Paragraf: a b"),
    ],
)
def test_space_after_section_sign_is_a_no_break_space(markdown: str, expected: str) -> None:
    assert plain_text(parse(markdown)) == expected


def test_code_keeps_its_section_sign_spaces() -> None:
    tree = parse("`§ 1` und\n\n```\n§ 2\n```\n")
    assert plain_text(tree.children[0]) == "§ 1 und"
    assert tree.children[1].content == "§ 2\n"


def _token_id(node: SyntaxTreeNode) -> int | None:
    """Identity of the token a node stands for (the opening token of a container; None: root)."""
    if node.token is not None:
        return id(node.token)
    return id(node.nester_tokens.opening) if node.nester_tokens is not None else None


def _shape(node: SyntaxTreeNode) -> tuple[object, ...]:
    """Everything a node holds: its tokens (by identity), parent (by identity) and children."""
    nester = node.nester_tokens
    return (
        type(node),
        sorted(vars(node)),
        id(node.token) if node.token is not None else None,
        (id(nester.opening), id(nester.closing)) if nester is not None else None,
        _token_id(node.parent) if node.parent is not None else None,
        [_shape(child) for child in node.children],
    )


@pytest.mark.parametrize(
    "markdown",
    [
        "",
        "Text\n",
        "# Titel\n\n> - [ ] offen\n>   1. *eins* **zwei** ~~drei~~ `vier`\n\n| a | b |\n|:-|-:|\n| [x](y.md) | ![b](c.png) |\n",
    ],
)
def test_parse_builds_the_tree_markdown_it_builds(markdown: str, sample_markdown: str) -> None:
    """The one-pass builder gives the nodes ``SyntaxTreeNode(tokens)`` gives, for the same tokens."""
    for source in (markdown, sample_markdown):
        tokens = markdown_parser().parse(source)
        ours, theirs = build_tree(tokens), SyntaxTreeNode(tokens)
        assert _shape(ours) == _shape(theirs)
        assert ours.pretty(show_text=True) == theirs.pretty(show_text=True)
        assert ours.to_tokens() == tokens


def test_parse_refuses_unbalanced_tokens() -> None:
    tokens = markdown_parser().parse("> Zitat\n")
    with pytest.raises(ValueError, match="unclosed tokens"):
        build_tree(tokens[:-1])
    with pytest.raises(ValueError, match="Invalid token nesting"):
        build_tree(tokens[1:])


GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "dresden"


def _outputs(markdown: str) -> tuple[bytes, bytes, bytes, str]:
    meta = DocMeta("Dokument", footer="Perspektive Bleiberecht · Stand 25.11.2026", date=date(2026, 11, 25))
    tree = parse(markdown)
    return (
        to_html(tree, meta, '<a href="index.html">Übersicht</a>'),
        to_docx(tree, meta),
        to_odt(tree, meta),
        typst_source(tree, meta),
    )


def test_public_tree_builder_gives_the_same_documents_for_the_dresden_kit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If markdown-it-py's internals change, the public ``SyntaxTreeNode(tokens)`` builds the tree: every
    document of the Dresden kit comes out byte for byte as with the one-pass builder."""
    documents = sorted(GOLDEN.rglob("*.md"))
    assert len(documents) > 30
    fast = {doc: _outputs(doc.read_text(encoding="utf-8")) for doc in documents}
    monkeypatch.setattr(tree_module, "_fast_tree_works", lambda: False)
    built: list[SyntaxTreeNode] = []
    public = tree_module.SyntaxTreeNode

    def counting(tokens: Any) -> SyntaxTreeNode:
        node = public(tokens)
        built.append(node)
        return node

    monkeypatch.setattr(tree_module, "SyntaxTreeNode", counting)
    for doc in documents:
        assert _outputs(doc.read_text(encoding="utf-8")) == fast[doc], doc
    assert len(built) == len(documents)  # the fallback really built every tree


def test_fast_builder_is_given_up_when_the_internals_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """A release that adds an attribute in ``SyntaxTreeNode.__init__`` or drops the private helper."""
    original = SyntaxTreeNode.__init__

    def with_new_attribute(self: SyntaxTreeNode, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.new_in_a_later_release = True  # type: ignore[attr-defined]

    tree_module._fast_tree_works.cache_clear()
    try:
        assert tree_module._fast_tree_works()
        monkeypatch.setattr(SyntaxTreeNode, "__init__", with_new_attribute)
        tree_module._fast_tree_works.cache_clear()
        assert not tree_module._fast_tree_works()
        assert hasattr(build_tree(markdown_parser().parse("# Titel\n")), "new_in_a_later_release")
        monkeypatch.undo()
        monkeypatch.setattr(tree_module, "_NesterTokens", None)
        tree_module._fast_tree_works.cache_clear()
        assert not tree_module._fast_tree_works()
        assert parse("- [ ] offen\n").children[0].children[0].attrs["class"] == "task"
    finally:
        monkeypatch.undo()
        tree_module._fast_tree_works.cache_clear()
