"""The Word styles a letter uses, and how to make sure a letterhead defines each of them."""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor, Twips

LANGUAGE = "en-GB"

# Style name -> (type, base style, font size in points or None, bold)
LETTER_STYLES: dict[str, tuple[WD_STYLE_TYPE, str, float | None, bool]] = {
    "Letter Title": (WD_STYLE_TYPE.PARAGRAPH, "Normal", 16, True),
    "Letterhead": (WD_STYLE_TYPE.PARAGRAPH, "Normal", 9, False),
    "Reference Block": (WD_STYLE_TYPE.PARAGRAPH, "Normal", None, False),
    "Letter Heading": (WD_STYLE_TYPE.PARAGRAPH, "Heading 1", 12, True),
    "Letter Subheading": (WD_STYLE_TYPE.PARAGRAPH, "Heading 2", 11, True),
    "Letter Body": (WD_STYLE_TYPE.PARAGRAPH, "Normal", None, False),
    "Letter Bullet": (WD_STYLE_TYPE.PARAGRAPH, "Letter Body", None, False),
    "Letter Bullet 2": (WD_STYLE_TYPE.PARAGRAPH, "Letter Body", None, False),
    "Letter Number": (WD_STYLE_TYPE.PARAGRAPH, "Letter Body", None, False),
    "Letter Number 2": (WD_STYLE_TYPE.PARAGRAPH, "Letter Body", None, False),
    "Request Quote": (WD_STYLE_TYPE.PARAGRAPH, "Letter Body", None, False),
    "Signature Block": (WD_STYLE_TYPE.PARAGRAPH, "Normal", None, False),
    "Letter Table": (WD_STYLE_TYPE.TABLE, "Normal Table", None, False),
}

# Outline levels (0 = level 1) so Word's navigation pane and screen readers see the headings.
OUTLINE_LEVELS = {"Letter Heading": 0, "Letter Subheading": 1}
QUOTE_INDENT_TWIPS = 567  # 1 cm: the requester's words are set in from the letter's own

BULLET_STYLES = ("Letter Bullet", "Letter Bullet 2")
NUMBER_STYLES = ("Letter Number", "Letter Number 2")


def ensure_styles(document: Document) -> list[str]:
    """Add any letter style the document lacks; return the names that were added."""
    added = []
    for name, (kind, base, size, bold) in LETTER_STYLES.items():
        if _has_style(document, name):
            continue
        style = document.styles.add_style(name, kind)
        if _has_style(document, base):
            style.base_style = document.styles[base]
        if size is not None:
            style.font.size = Pt(size)
        if bold:
            style.font.bold = True
        added.append(name)
    for name, level in OUTLINE_LEVELS.items():
        set_outline_level(document.styles[name], level)
    _quote_look(document.styles["Request Quote"], "Request Quote" in added)
    _ensure_table_borders(document)
    set_language(document)
    return added


def set_outline_level(style: Any, level: int) -> None:
    """Give a paragraph style an outline level (w:outlineLvl), which headings need to be headings."""
    ppr = style.element.get_or_add_pPr()
    outline = ppr.find(qn("w:outlineLvl"))
    if outline is None:
        outline = OxmlElement("w:outlineLvl")
        ppr.append(outline)
    outline.set(qn("w:val"), str(level))


def _quote_look(style: Any, new: bool) -> None:
    """Indent the request quotation; keep a letterhead's own look for it when it has one."""
    if new:
        style.paragraph_format.left_indent = Twips(QUOTE_INDENT_TWIPS)
        style.font.italic = True


def _has_style(document: Document, name: str) -> bool:
    """Tell whether the document defines a style by name."""
    try:
        document.styles[name]
    except KeyError:
        return False
    return True


def _ensure_table_borders(document: Document) -> None:
    """Give the letter table style single borders when it has none."""
    style = document.styles["Letter Table"]
    ppr = style.element
    if ppr.find(qn("w:tblPr")) is not None:
        return
    tbl_pr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "808080")
        borders.append(element)
    tbl_pr.append(borders)
    ppr.append(tbl_pr)


def set_language(document: Document, language: str = LANGUAGE) -> None:
    """Set the document's default proofing language (docDefaults and Normal)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = _child(defaults, "w:rPrDefault")
    rpr = _child(rpr_default, "w:rPr")
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), "ar-SA")
    document.styles["Normal"].font.element.get_or_add_rPr()
    normal_rpr = document.styles["Normal"].element.get_or_add_rPr()
    _child(normal_rpr, "w:lang").set(qn("w:val"), language)


def _child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """Return the first child with a tag, creating it when absent."""
    found: BaseOxmlElement | None = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def muted(colour: str = "595959") -> RGBColor:
    """Return the grey used for letterhead text."""
    return RGBColor.from_string(colour)
