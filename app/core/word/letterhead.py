"""The built-in letterhead template: page set-up, letter styles, header and page-numbered footer."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from app.core.storage.atomic import write_bytes_atomic
from app.core.word.metadata import scrub_metadata
from app.core.word.numbering import ensure_list_styles
from app.core.word.styles import LETTER_STYLES, ensure_styles

FONT = "Arial"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
TEMPLATE_DATE = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


def build_default_letterhead() -> bytes:
    """Return the bytes of the built-in letterhead template."""
    document = docx.Document()
    _page_setup(document)
    _base_font(document)
    ensure_styles(document)
    _tune_styles(document)
    ensure_list_styles(document)
    _header(document)
    add_page_number_footer(document)
    _clear_body(document)
    _slim_styles(document)
    scrub_metadata(document, "Letterhead", TEMPLATE_DATE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_default_letterhead(path: Path) -> None:
    """Write the built-in letterhead template to path."""
    write_bytes_atomic(path, build_default_letterhead())


def _page_setup(document: Document) -> None:
    """A4 with 2.5 cm margins."""
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
        section.header_distance = section.footer_distance = Cm(1.2)


def _base_font(document: Document) -> None:
    """Arial 11 pt with comfortable spacing for the Normal style."""
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15


def _tune_styles(document: Document) -> None:
    """Give the letter styles their look."""
    styles = document.styles
    styles["Letter Title"].font.color.rgb = ACCENT
    styles["Letter Title"].paragraph_format.space_after = Pt(12)
    for name in ("Letter Heading", "Letter Subheading"):
        _own_font(styles[name])
        styles[name].font.italic = False
        styles[name].font.color.rgb = ACCENT
        styles[name].paragraph_format.space_before = Pt(12)
        styles[name].paragraph_format.space_after = Pt(6)
        styles[name].paragraph_format.keep_with_next = True
    styles["Letter Body"].paragraph_format.space_after = Pt(6)
    for name in ("Letter Bullet", "Letter Bullet 2", "Letter Number", "Letter Number 2"):
        styles[name].paragraph_format.space_after = Pt(3)
    styles["Reference Block"].paragraph_format.space_after = Pt(0)
    styles["Letterhead"].font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    styles["Signature Block"].paragraph_format.space_before = Pt(6)


def _own_font(style: Any) -> None:
    """Use the letter's font, not the heading theme font a Heading base style brings."""
    style.font.name = FONT
    fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def _header(document: Document) -> None:
    """Leave a first-page letterhead paragraph the exporter fills; later pages stay plain."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.first_page_header.paragraphs[0]
    paragraph.style = document.styles["Letterhead"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def add_page_number_footer(document: Document) -> None:
    """Put 'Page X of Y' in the footer of every section."""
    for section in document.sections:
        footers = [section.footer]
        if section.different_first_page_header_footer:
            footers.append(section.first_page_footer)
        for footer in footers:
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.style = document.styles["Footer"]
            paragraph.add_run("Page ")
            _field(paragraph, "PAGE")
            paragraph.add_run(" of ")
            _field(paragraph, "NUMPAGES")


def has_page_numbers(document: Document) -> bool:
    """Tell whether any footer carries a PAGE field."""
    for section in document.sections:
        xml = section.footer._element.xml
        if "PAGE" in xml and ("fldSimple" in xml or "instrText" in xml):
            return True
    return False


def _field(paragraph: Paragraph, code: str) -> None:
    """Append a simple field (PAGE, NUMPAGES) to a paragraph."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _slim_styles(document: Document) -> None:
    """Keep only the styles letters use (and their bases), so the template opens and saves fast."""
    styles = document.styles.element
    by_id = {el.get(qn("w:styleId")): el for el in styles.findall(qn("w:style"))}
    keep = {sid for sid, el in by_id.items() if el.get(qn("w:default")) == "1"}
    for name in [*LETTER_STYLES, "Header", "Footer"]:
        keep.add(document.styles[name].style_id)
    for sid in list(keep):
        while sid in by_id:
            based = by_id[sid].find(qn("w:basedOn"))
            sid = based.get(qn("w:val")) if based is not None else None
            if sid:
                keep.add(sid)
            linked = by_id.get(sid) if sid else None
            if linked is None:
                break
    for sid, element in by_id.items():
        if sid not in keep:
            styles.remove(element)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    rels = document.part.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype.endswith("/stylesWithEffects")]:
        rels.pop(rid)


def _clear_body(document: Document) -> None:
    """Remove body paragraphs, keeping the section properties."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
