"""ODT styles: the house style as ODF style XML, installed into odfdo's text template.

Names follow LibreOffice's built-in styles (``Heading_20_1`` is "Heading 1", ``Quotations``,
``Preformatted_20_Text`` …) so that users find them in the style list. The template's outline
numbering is switched off and its French default language replaced.
"""

from __future__ import annotations

from typing import Any

from odfdo import Element

from replicate.render.fonts import ARABIC_FONT, BODY_FONT, MONO_FONT
from replicate.render.meta import DocMeta

BULLETS = "Kit_20_Bullets"
NUMBERS = "Kit_20_Numbers"
NO_MARKER = "Kit_20_Plain"
TABLE = "KitTable"
TABLE_CELL = "KitTableCell"

_INDENT_CM = 0.635
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}


def _level_properties(level: int) -> str:
    indent = _INDENT_CM * level
    return (
        '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
        f'<style:list-level-label-alignment text:label-followed-by="listtab" '
        f'text:list-tab-stop-position="{indent:.3f}cm" fo:text-indent="-{_INDENT_CM}cm" '
        f'fo:margin-left="{indent:.3f}cm"/></style:list-level-properties>'
    )


def _list_style(name: str, kind: str) -> str:
    """A three-level list style: ``bullet`` (• ◦ ▪), ``number`` (1. 1. 1.) or ``none`` (no marker)."""
    levels = []
    for level, char in enumerate("•◦▪", start=1):
        props = _level_properties(level)
        if kind == "bullet":
            levels.append(
                f'<text:list-level-style-bullet text:level="{level}" text:bullet-char="{char}">'
                f"{props}</text:list-level-style-bullet>"
            )
        else:
            fmt = 'style:num-suffix="." style:num-format="1"' if kind == "number" else 'style:num-format=""'
            levels.append(
                f'<text:list-level-style-number text:level="{level}" {fmt}>'
                f"{props}</text:list-level-style-number>"
            )
    display = name.replace("_20_", " ")
    return (
        f'<text:list-style style:name="{name}" style:display-name="{display}">'
        f"{''.join(levels)}</text:list-style>"
    )


def _paragraph(name: str, parent: str, paragraph: str = "", text: str = "", extra: str = "") -> str:
    display = name.replace("_20_", " ")
    parent_attr = f'style:parent-style-name="{parent}"' if parent else ""
    return (
        f'<style:style style:name="{name}" style:display-name="{display}" style:family="paragraph" '
        f"{parent_attr} {extra}>"
        f"<style:paragraph-properties {paragraph}/><style:text-properties {text}/></style:style>"
    )


def _text(name: str, text: str) -> str:
    display = name.replace("_20_", " ")
    return (
        f'<style:style style:name="{name}" style:display-name="{display}" style:family="text">'
        f"<style:text-properties {text}/></style:style>"
    )


_BOLD = 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'
_ITALIC = 'fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"'
_MONO = f'style:font-name="{MONO_FONT}" fo:font-size="9pt" style:font-name-complex="{MONO_FONT}"'


def _country(meta: DocMeta) -> str:
    return meta.region or ("DE" if meta.language == "de" else "none")


def set_language(styles: Any, meta: DocMeta) -> None:
    """Set the language of the default paragraph style in ``styles`` (the root of ``styles.xml``)
    to ``meta``'s, as :func:`install_styles` writes it; the writing direction must be the same.

    Apart from ``meta.xml``, the only place of a prepared package that depends on the language
    rather than the direction (see :func:`replicate.render.odt._odt_base`)."""
    found = styles.xpath(
        "office:styles/style:default-style[@style:family='paragraph']/style:text-properties",
        namespaces=_NS,
    )
    if len(found) != 1 or (found[0].get(f"{{{_NS['style']}}}language-complex") is not None) != meta.rtl:
        raise ValueError("styles.xml: unerwartete Standardvorlage")
    props = found[0]
    props.set(f"{{{_NS['fo']}}}language", meta.language)
    props.set(f"{{{_NS['fo']}}}country", _country(meta))
    if meta.rtl:
        props.set(f"{{{_NS['style']}}}language-complex", meta.language)


def _default_style(meta: DocMeta) -> str:
    country = _country(meta)
    complex_lang = f'style:language-complex="{meta.language}"' if meta.rtl else ""
    return (
        '<style:default-style style:family="paragraph">'
        f'<style:paragraph-properties style:writing-mode="{"rl-tb" if meta.rtl else "lr-tb"}" '
        'style:tab-stop-distance="1.25cm"/>'
        f'<style:text-properties style:font-name="{BODY_FONT}" fo:font-size="10.5pt" '
        f'fo:language="{meta.language}" fo:country="{country}" style:font-name-asian="{BODY_FONT}" '
        f'style:font-size-asian="10.5pt" style:font-name-complex="{ARABIC_FONT}" '
        f'style:font-size-complex="10.5pt" {complex_lang} fo:hyphenate="true" '
        'fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>'
        "</style:default-style>"
    )


def _common_styles(meta: DocMeta) -> list[str]:
    mode = "rl-tb" if meta.rtl else "lr-tb"
    align = "end" if meta.rtl else "start"  # LibreOffice reads "start" as left even in RTL paragraphs
    heading_sizes = {1: "17pt", 2: "13.5pt", 3: "11.5pt", 4: "10.5pt", 5: "10.5pt", 6: "10.5pt"}
    styles = [
        _paragraph(
            "Standard", "", f'style:writing-mode="{mode}" fo:text-align="{align}"', extra='style:class="text"'
        ),
        _paragraph("Text_20_body", "Standard", 'fo:margin-top="0cm" fo:margin-bottom="0.2cm"'),
        _paragraph("List_20_Contents", "Text_20_body", 'fo:margin-bottom="0.08cm"'),
        _paragraph(
            "Heading", "Standard",
            'fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"',
            f'style:font-name="{BODY_FONT}" {_BOLD} fo:hyphenate="false"',
            'style:next-style-name="Text_20_body" style:class="chapter"',
        ),
        _paragraph(
            "Quotations", "Text_20_body",
            'fo:margin-left="0.6cm" fo:padding-left="0.25cm" fo:border-left="1.5pt solid #aaaaaa"', _ITALIC,
        ),
        _paragraph(
            "Preformatted_20_Text", "Standard", 'fo:margin-bottom="0.2cm" fo:background-color="#f4f4f4"',
            _MONO + ' fo:hyphenate="false"',
        ),
        _paragraph("Table_20_Contents", "Standard"),
        _paragraph("Table_20_Heading", "Table_20_Contents", text=_BOLD),
        _paragraph(
            "Horizontal_20_Line", "Standard",
            'fo:margin-bottom="0.3cm" fo:padding-bottom="0.05cm" fo:border-bottom="0.5pt solid #999999"',
            'fo:font-size="4pt"',
        ),
        _paragraph("Header", "Standard", 'fo:text-align="end"'),
        _paragraph(
            "Footer", "Standard", 'style:writing-mode="lr-tb" fo:text-align="start"',  # German chrome
            'fo:font-size="8pt" style:font-size-complex="8pt" fo:color="#505050"',
        ),
        _text("Strong_20_Emphasis", _BOLD),
        _text("Emphasis", _ITALIC),
        _text("Strikethrough", 'style:text-line-through-style="solid" style:text-line-through-type="single"'),
        _text("Source_20_Text", _MONO),
        _text("Internet_20_link", 'fo:color="#0b4f8a" style:text-underline-style="solid" '
              'style:text-underline-width="auto" style:text-underline-color="font-color"'),
        _list_style(BULLETS, "bullet"),
        _list_style(NUMBERS, "number"),
        _list_style(NO_MARKER, "none"),
    ]  # fmt: skip
    for level, size in heading_sizes.items():
        styles.append(
            _paragraph(
                f"Heading_20_{level}",
                "Heading",
                text=f'fo:font-size="{size}" style:font-size-complex="{size}"',
                extra=f'style:default-outline-level="{level}" style:class="chapter"',
            )
        )
    return styles


def _outline_without_numbers() -> str:
    levels = "".join(
        f'<text:outline-level-style text:level="{level}" style:num-format=""/>' for level in range(1, 11)
    )
    return f'<text:outline-style style:name="Outline">{levels}</text:outline-style>'


def _page_layout(meta: DocMeta) -> str:
    """A4 portrait; 2.5 cm side margins; header and footer inside ~2.5 cm top and bottom margins."""
    return (
        '<style:page-layout style:name="Mpm1"><style:page-layout-properties fo:page-width="21cm" '
        'fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.25cm" '
        'fo:margin-bottom="1.25cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm" '
        f'style:writing-mode="{"rl-tb" if meta.rtl else "lr-tb"}"/>'
        '<style:header-style><style:header-footer-properties fo:min-height="0.6cm" '
        'fo:margin-bottom="0.65cm"/></style:header-style><style:footer-style>'
        '<style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.65cm"/>'
        "</style:footer-style></style:page-layout>"
    )


def _font_faces() -> list[str]:
    return [
        f'<style:font-face style:name="{name}" svg:font-family="&apos;{name}&apos;" '
        f'style:font-family-generic="{generic}" style:font-pitch="{pitch}"/>'
        for name, generic, pitch in (
            (BODY_FONT, "swiss", "variable"),
            (ARABIC_FONT, "swiss", "variable"),
            (MONO_FONT, "modern", "fixed"),
        )
    ]


_ALIGN = {"left": "start", "center": "center", "right": "end"}


def cell_style(header: bool, align: str | None) -> str:
    """Paragraph style of a table cell: header or contents, with the column's alignment."""
    base = "Table_20_Heading" if header else "Table_20_Contents"
    return base if align is None else f"{base}_{_ALIGN[align]}"


def _cell_styles() -> list[str]:
    return [
        f'<style:style style:name="{cell_style(header, align)}" style:family="paragraph" '
        f'style:parent-style-name="{cell_style(header, None)}">'
        f'<style:paragraph-properties fo:text-align="{_ALIGN[align]}"/></style:style>'
        for header in (True, False)
        for align in _ALIGN
    ]


def install_styles(document: Any, meta: DocMeta) -> None:
    """Replace the template's styles by the house style (fonts, language, page, lists, tables)."""
    document.insert_style(_default_style(meta), default=True)
    for xml in _common_styles(meta):
        document.insert_style(xml)
    document.insert_style(_outline_without_numbers())
    document.insert_style(_page_layout(meta), automatic=True)
    for part in (document.styles, document.content):
        decls = part.get_element("//office:font-face-decls")
        known = {face.get_attribute("style:name") for face in decls.children}
        for xml in _font_faces():
            face = Element.from_tag(xml)
            if face.get_attribute("style:name") not in known:
                decls.append(face)
    for xml in _cell_styles():
        document.insert_style(xml, automatic=True)
    table_mode = 'style:writing-mode="rl-tb"' if meta.rtl else ""
    document.insert_style(
        f'<style:style style:name="{TABLE}" style:family="table"><style:table-properties '
        f'style:width="16cm" table:align="margins" fo:margin-bottom="0.3cm" {table_mode}/></style:style>',
        automatic=True,
    )
    document.insert_style(
        f'<style:style style:name="{TABLE_CELL}" style:family="table-cell"><style:table-cell-properties '
        'fo:padding="0.1cm" fo:border="0.5pt solid #707070"/></style:style>',
        automatic=True,
    )
