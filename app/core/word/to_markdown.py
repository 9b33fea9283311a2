"""Turn Word paragraphs and tables back into the Markdown subset clauses are written in."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from app.core.drafting import markup
from app.core.word.readback import W_P, W_TBL, _deleted
from app.core.word.styles import BULLET_STYLES, NUMBER_STYLES

SUBHEADING = "Letter Subheading"
SIGNATURE = "Signature Block"  # one line per paragraph in Word; one paragraph of lines in the block
_ON = ("", "1", "true", "on")


@dataclass(frozen=True)
class _Run:
    """Text with its formatting; a text of one newline is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


def style_names(document: Document) -> dict[str, str]:
    """Return paragraph style names by style id."""
    return {s.style_id: s.name for s in document.styles if s.style_id}


def elements_markdown(elements: Iterable[etree._Element], styles: dict[str, str]) -> str:
    """Return Markdown for body elements in order: paragraphs, list items, subheadings, tables."""
    chunks: list[str] = []
    list_lines: list[str] = []
    counters: dict[int, int] = {}
    previous = ""
    for element in elements:
        if element.tag == W_TBL:
            _flush(chunks, list_lines, counters)
            chunks.append(_table(element))
            previous = ""
            continue
        if element.tag != W_P:
            continue
        text = _inline(_runs(element))
        if not text.strip():
            continue
        signing = bool(chunks) and not list_lines and previous == SIGNATURE
        style = styles.get(_style_id(element), "")
        kind = _list_kind(element, style)
        if style == SIGNATURE and signing:
            chunks[-1] += "\\\n" + text
        elif kind is None:
            _flush(chunks, list_lines, counters)
            chunks.append(f"### {text}" if style == SUBHEADING else text)
        else:
            list_lines.append(_list_line(text, kind, counters))
        previous = style
    _flush(chunks, list_lines, counters)
    return "\n\n".join(chunks) + "\n" if chunks else ""


def _flush(chunks: list[str], list_lines: list[str], counters: dict[int, int]) -> None:
    """End a list in progress."""
    if list_lines:
        chunks.append("\n".join(list_lines))
        list_lines.clear()
    counters.clear()


def _list_kind(paragraph: etree._Element, style: str) -> tuple[bool, int] | None:
    """Return (ordered, depth) for a list paragraph, or None."""
    if style in NUMBER_STYLES:
        return True, NUMBER_STYLES.index(style)
    if style in BULLET_STYLES:
        return False, BULLET_STYLES.index(style)
    num = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if num is None:
        return None
    level = num.find(qn("w:ilvl"))
    depth = int(level.get(qn("w:val"), "0")) if level is not None else 0
    return "Number" in style, min(depth, 1)


def _list_line(text: str, kind: tuple[bool, int], counters: dict[int, int]) -> str:
    """Return one list line, numbered within its list and indented under its parent."""
    ordered, depth = kind
    for deeper in [d for d in counters if d > depth]:
        del counters[deeper]
    counters[depth] = counters.get(depth, 0) + 1
    marker = f"{counters[depth]}." if ordered else "-"
    indent = "   " * depth
    return f"{indent}{marker} {text}"


def _table(table: etree._Element) -> str:
    """Return a pipe table; the header row's bold (the export's own) is not written as markup."""
    rows = []
    for number, row in enumerate(table.iter(qn("w:tr"))):
        cells = []
        for cell in row.iter(qn("w:tc")):
            runs = [r for p in cell.iter(W_P) for r in [*_runs(p), _Run(" ")]]
            if number == 0:
                runs = [_Run(r.text, False, r.italic) for r in runs]
            cells.append(" ".join(_inline(runs).replace("\\\n", " ").split()))
        rows.append("| " + " | ".join(cells) + " |")
    if not rows:
        return ""
    width = rows[0].count(" | ") + 1
    return "\n".join([rows[0], "|" + "---|" * width, *rows[1:]])


def _style_id(paragraph: etree._Element) -> str:
    """Return a paragraph's style id."""
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val"), "") if style is not None else ""


def _runs(paragraph: etree._Element) -> list[_Run]:
    """Return a paragraph's runs with their formatting, tracked deletions left out."""
    out: list[_Run] = []
    for run in paragraph.iter(qn("w:r")):
        if _deleted(run) or _inside_other_paragraph(run, paragraph):
            continue
        bold, italic = _flag(run, "w:b"), _flag(run, "w:i")
        for node in run:
            if node.tag == qn("w:t"):
                out.append(_Run(node.text or "", bold, italic))
            elif node.tag == qn("w:tab"):
                out.append(_Run(" ", bold, italic))
            elif node.tag in (qn("w:br"), qn("w:cr")):
                out.append(_Run("\n"))
    return out


def _inside_other_paragraph(run: etree._Element, paragraph: etree._Element) -> bool:
    """Tell whether a run belongs to a nested paragraph (a text box), not to this one."""
    return next(run.iterancestors(W_P), None) is not paragraph


def _flag(run: etree._Element, tag: str) -> bool:
    """Tell whether a run property such as bold is on."""
    node = run.find(f"{qn('w:rPr')}/{qn(tag)}")
    return node is not None and node.get(qn("w:val"), "") in _ON


def _inline(runs: list[_Run]) -> str:
    """Return runs as inline Markdown: escaped text, **bold**, *italic*, hard line breaks."""
    merged: list[_Run] = []
    for run in runs:
        if merged and run.text != "\n" and merged[-1].text != "\n" and _same(merged[-1], run):
            merged[-1] = _Run(merged[-1].text + run.text, merged[-1].bold, merged[-1].italic)
        elif run.text:
            merged.append(run)
    while merged and merged[-1].text == "\n":
        merged.pop()
    out = []
    for index, run in enumerate(merged):
        if run.text == "\n":
            out.append("\\\n")
            continue
        before = merged[index - 1].text[-1:] if index else ""
        after = merged[index + 1].text[:1] if index + 1 < len(merged) else ""
        out.append(_formatted(run, before, after))
    return "".join(out)


def _same(a: _Run, b: _Run) -> bool:
    """Tell whether two runs have the same formatting (whitespace formatting does not matter)."""
    return (a.bold, a.italic) == (b.bold, b.italic) or not b.text.strip()


def _formatted(run: _Run, before: str, after: str) -> str:
    """Return one run escaped, its emphasis markers where CommonMark will see them.

    Markers go inside edge spaces, and edge punctuation that touches a letter of the next (or
    previous) run goes outside them: `**bold.**text` would not be bold in Markdown.
    """
    text = run.text
    marker = ("**" if run.bold else "") + ("*" if run.italic else "")
    if not text.strip():
        return text
    if not marker:
        return markup.escape(text)
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    head = tail = ""
    if not lead and _is_word(before):
        while core and _is_punct(core[0]):
            head, core = head + core[0], core[1:]
    if not trail and _is_word(after):
        while core and _is_punct(core[-1]):
            tail, core = core[-1] + tail, core[:-1]
    if not core:
        return markup.escape(text)
    parts = [lead, markup.escape(head) if head else "", marker, markup.escape(core), marker[::-1]]
    return "".join([*parts, markup.escape(tail) if tail else "", trail])


def _is_punct(char: str) -> bool:
    """Tell whether a character is punctuation or a symbol (as CommonMark's flanking rules see it)."""
    return bool(char) and unicodedata.category(char)[0] in "PS"


def _is_word(char: str) -> bool:
    """Tell whether a character is neither space nor punctuation."""
    return bool(char) and not char.isspace() and not _is_punct(char)
