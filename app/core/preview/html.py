"""Render an assembled letter as HTML for the preview, laid out like the exported Word letter.

Qt-free: it runs on the letter-building worker. The look follows the built-in letterhead:
Arial 11 pt, a right-aligned grey letterhead, the reference block, a blue title and headings,
real lists and bordered tables, with the letterhead's paragraph spacing (in px: Qt's rich text
ignores margins given in pt). The letter is a list of chunks (letterhead, reference block,
title, each heading and each block) so the preview can replace only the chunks that changed;
each block's HTML is cached by its text, since an edit usually changes one block of many.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.casefile.model import Case
    from app.core.drafting import markup
    from app.core.drafting.letter import Letter

ACCENT = "#1f3a5f"
MUTED = "#595959"
FONT_FAMILIES = ("Arial", "Liberation Sans", "Helvetica")
FONT_POINTS = 11
PAGE_STYLE = (
    f"font-family: {', '.join(repr(f) for f in FONT_FAMILIES)}, sans-serif; font-size: {FONT_POINTS}pt; color: #000000;"
)

Chunk = tuple[str, str]


def letter_chunks(letter: Letter, case: Case, today: dt.date) -> list[Chunk]:
    """Return the letter as (key, HTML fragment) chunks in reading order."""
    chunks = [
        ("@letterhead", _letterhead(case)),
        ("@reference", _reference_block(case, case.letter_date(today))),
        (
            "@title",
            f'<p style="font-size: 16pt; font-weight: bold; color: {ACCENT}; margin-bottom: 16px;">'
            f"{escape(letter.title)}</p>",
        ),
    ]
    for section in letter.sections:
        blocks = section.visible_blocks()
        if not blocks:
            continue
        if section.heading:
            chunks.append(
                (
                    f"@heading:{section.key}",
                    f'<p style="font-size: 12pt; font-weight: bold; color: {ACCENT}; '
                    f'margin-top: 16px; margin-bottom: 8px;">{escape(section.heading)}</p>',
                )
            )
        chunks.extend((block.key, markdown_html(block.text)) for block in blocks)
    return chunks


def page_html(chunks: list[Chunk]) -> str:
    """Return chunks as one HTML page (for saving or for a plain QTextBrowser)."""
    body = "\n".join(html for _key, html in chunks)
    return f'<html><body style="{PAGE_STYLE}">\n{body}\n</body></html>'


def letter_html(letter: Letter, case: Case, today: dt.date) -> str:
    """Return the whole letter as an HTML page."""
    return page_html(letter_chunks(letter, case, today))


@lru_cache(maxsize=2048)
def markdown_html(text: str) -> str:
    """Return one block's Markdown as HTML (cached: most blocks do not change between builds)."""
    from app.core.drafting import markup

    return blocks_html(markup.parse(text))


def blocks_html(blocks: list[markup.Block]) -> str:
    """Return parsed Markdown blocks as HTML in the letter styles."""
    from app.core.drafting import markup

    out: list[str] = []
    for block in blocks:
        if isinstance(block, markup.Paragraph):
            out.append(f'<p style="margin-top: 0; margin-bottom: 11px;">{runs_html(block.runs)}</p>')
        elif isinstance(block, markup.Heading):
            out.append(
                f'<p style="font-size: 11pt; font-weight: bold; color: {ACCENT}; margin-top: 16px; '
                f'margin-bottom: 8px;">{runs_html(block.runs)}</p>'
            )
        elif isinstance(block, markup.ListBlock):
            out.append(_list_html(block))
        elif isinstance(block, markup.Table):
            out.append(_table_html(block))
    return "\n".join(out)


def runs_html(runs: list[markup.Run], bold: bool = False) -> str:
    r"""Return formatted runs as inline HTML; '\\n' runs become line breaks."""
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


def _letterhead(case: Case) -> str:
    """Return the right-aligned authority name and address, as the Word header shows it."""
    authority = case.authority
    lines = [f"<b>{escape(authority.name)}</b>"]
    lines += [escape(line) for line in [*authority.address, authority.email, authority.phone] if line]
    return (
        f'<p align="right" style="font-size: 9pt; color: {MUTED}; margin-bottom: 24px;">' + "<br/>".join(lines) + "</p>"
    )


def _reference_block(case: Case, letter_date: dt.date) -> str:
    """Return our reference, the date and the requester's details."""
    from app.core.drafting.templating import format_date

    out: list[str] = []
    for label, value in (("Our reference", case.reference), ("Date", format_date(letter_date))):
        if value:
            out.append(f'<p style="margin: 0;"><b>{label}:</b> {escape(value)}</p>')
    requester = case.requester
    details = [d for d in [requester.name, *requester.address, requester.email] if d]
    if details:
        out.append(
            '<p style="margin-top: 15px; margin-bottom: 0;">' + "<br/>".join(escape(d) for d in details) + "</p>"
        )
    out.append('<p style="margin: 0;">&nbsp;</p>')
    return "\n".join(out)


def _list_html(block: markup.ListBlock) -> str:
    """Return a (possibly nested) list."""
    tag = "ol" if block.ordered else "ul"
    start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
    items = []
    for item in block.items:
        children = "".join(_list_html(child) for child in item.children)
        items.append(f'<li style="margin-bottom: 4px;">{runs_html(item.runs)}{children}</li>')
    return f'<{tag}{start} style="margin-top: 0; margin-bottom: 11px;">{"".join(items)}</{tag}>'


def _table_html(block: markup.Table) -> str:
    """Return a bordered table with a bold header row."""
    rows = []
    for index, row in enumerate([block.header, *block.rows]):
        cells = "".join(f"<td>{runs_html(cell, bold=index == 0)}</td>" for cell in row)
        rows.append(f"<tr>{cells}</tr>")
    return (
        '<table align="center" border="1" cellspacing="0" cellpadding="4" '
        'style="border-color: #808080; border-style: solid; margin-bottom: 11px;">' + "".join(rows) + "</table>"
    )
