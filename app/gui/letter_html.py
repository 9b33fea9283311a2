"""Render an assembled letter as HTML for the preview, laid out like the exported Word letter.

Qt-free: it runs on the letter-building worker. The look follows the built-in letterhead:
Arial 11 pt, a right-aligned grey letterhead, the reference block, a blue title and headings,
real lists and bordered tables. Each visible block is preceded by an anchor named after its key.
"""
from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core import markup
    from app.core.case import Case
    from app.core.letter import Letter

ACCENT = "#1f3a5f"
MUTED = "#595959"
PAGE_STYLE = "font-family: Arial, 'Liberation Sans', Helvetica, sans-serif; font-size: 11pt; color: #000000;"


def letter_html(letter: "Letter", case: "Case", today: dt.date) -> str:
    """Return the whole letter as an HTML page."""
    from app.core import markup

    out = [f'<html><body style="{PAGE_STYLE}">']
    out.append(_letterhead(case))
    out.append(_reference_block(case, case.letter_date(today)))
    out.append(f'<p style="font-size: 16pt; font-weight: bold; color: {ACCENT}; margin-bottom: 12pt;">'
               f"{escape(letter.title)}</p>")
    for section in letter.sections:
        blocks = section.visible_blocks()
        if not blocks:
            continue
        out.append(f'<a name="{escape(anchor(section.key))}"></a>')
        if section.heading:
            out.append(f'<p style="font-size: 12pt; font-weight: bold; color: {ACCENT}; '
                       f'margin-top: 12pt; margin-bottom: 6pt;">{escape(section.heading)}</p>')
        for block in blocks:
            out.append(f'<a name="{escape(anchor(block.key))}"></a>')
            out.append(blocks_html(markup.parse(block.text)))
    out.append("</body></html>")
    return "\n".join(out)


def anchor(key: str) -> str:
    """Return the anchor name of a block or section key (anchors cannot hold '/' or ':')."""
    return "k-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in key)


def blocks_html(blocks: "list[markup.Block]") -> str:
    """Return parsed Markdown blocks as HTML in the letter styles."""
    from app.core import markup

    out: list[str] = []
    for block in blocks:
        if isinstance(block, markup.Paragraph):
            out.append(f'<p style="margin-top: 0; margin-bottom: 8pt;">{runs_html(block.runs)}</p>')
        elif isinstance(block, markup.Heading):
            out.append(f'<p style="font-size: 11pt; font-weight: bold; color: {ACCENT}; margin-top: 12pt; '
                       f'margin-bottom: 6pt;">{runs_html(block.runs)}</p>')
        elif isinstance(block, markup.ListBlock):
            out.append(_list_html(block))
        elif isinstance(block, markup.Table):
            out.append(_table_html(block))
    return "\n".join(out)


def runs_html(runs: "list[markup.Run]", bold: bool = False) -> str:
    """Return formatted runs as inline HTML; '\\n' runs become line breaks."""
    out: list[str] = []
    for run in runs:
        if run.text == "\n":
            out.append("<br/>")
            continue
        text = escape(run.text)
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold or bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


def _letterhead(case: "Case") -> str:
    """Return the right-aligned authority name and address, as the Word header shows it."""
    authority = case.authority
    lines = [f"<b>{escape(authority.name)}</b>"]
    lines += [escape(line) for line in [*authority.address, authority.email, authority.phone] if line]
    return (f'<p align="right" style="font-size: 9pt; color: {MUTED}; margin-bottom: 18pt;">'
            + "<br/>".join(lines) + "</p>")


def _reference_block(case: "Case", letter_date: dt.date) -> str:
    """Return our reference, the date and the requester's details."""
    from app.core.templating import format_date

    out: list[str] = []
    for label, value in (("Our reference", case.reference), ("Date", format_date(letter_date))):
        if value:
            out.append(f'<p style="margin: 0;"><b>{label}:</b> {escape(value)}</p>')
    requester = case.requester
    details = [d for d in [requester.name, *requester.address, requester.email] if d]
    if details:
        out.append('<p style="margin-top: 11pt; margin-bottom: 0;">' + "<br/>".join(escape(d) for d in details)
                   + "</p>")
    out.append('<p style="margin: 0;">&nbsp;</p>')
    return "\n".join(out)


def _list_html(block: "markup.ListBlock") -> str:
    """Return a (possibly nested) list."""
    tag = "ol" if block.ordered else "ul"
    start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
    items = []
    for item in block.items:
        children = "".join(_list_html(child) for child in item.children)
        items.append(f'<li style="margin-bottom: 3pt;">{runs_html(item.runs)}{children}</li>')
    return f'<{tag}{start} style="margin-top: 0; margin-bottom: 8pt;">{"".join(items)}</{tag}>'


def _table_html(block: "markup.Table") -> str:
    """Return a bordered table with a bold header row."""
    rows = []
    for index, row in enumerate([block.header, *block.rows]):
        cells = "".join(f"<td>{runs_html(cell, bold=index == 0)}</td>" for cell in row)
        rows.append(f"<tr>{cells}</tr>")
    return ('<table align="center" border="1" cellspacing="0" cellpadding="4" '
            'style="border-color: #808080; border-style: solid; margin-bottom: 8pt;">'
            + "".join(rows) + "</table>")
