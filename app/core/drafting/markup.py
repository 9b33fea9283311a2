"""The small Markdown subset clauses are written in, parsed into a block model.

Supported: paragraphs, **bold**, *italic*, links (kept as text), headings, bulleted and
numbered lists (nested), tables and hard line breaks. Raw HTML is shown as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from app.core.storage.typed import clean

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@dataclass(frozen=True)
class Run:
    r"""A stretch of text with one formatting; text "\\n" is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@dataclass
class Paragraph:
    """A paragraph of runs."""

    runs: list[Run]


@dataclass
class Heading:
    """A heading inside a clause (level 1 is the largest)."""

    level: int
    runs: list[Run]


@dataclass
class ListItem:
    """One list item: its own text and any nested lists."""

    runs: list[Run]
    children: list[ListBlock] = field(default_factory=list)


@dataclass
class ListBlock:
    """A bulleted or numbered list."""

    ordered: bool
    items: list[ListItem]
    start: int = 1


@dataclass
class Table:
    """A table with a header row and body rows of cells (each cell a list of runs)."""

    header: list[list[Run]]
    rows: list[list[list[Run]]]


Block = Paragraph | Heading | ListBlock | Table

_ALWAYS = re.compile(r"([\\`*\[\]<>|~])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """Return the shared CommonMark parser with tables on and raw HTML off.

    markdown-it is imported here, on the first parse: escaping (all that checking a case needs) does without it.
    """
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def parse(text: str) -> list[Block]:
    """Parse Markdown text into blocks (the result is shared: do not modify it).

    Control characters are dropped first, so a NUL is lost the same way everywhere rather than
    becoming U+FFFD in Markdown text and vanishing from the address block.
    """
    return _parse_cached(clean(text))


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> list[Block]:
    """Parse Markdown text, remembering recent results (letters re-render the same clauses)."""
    tokens = _parser().parse(text)
    return list(_blocks(iter(tokens), closing=None))


def escape(text: str) -> str:
    """Make arbitrary text literal in Markdown, keeping its line and paragraph breaks."""
    if "\n" not in text:
        return _escape_line(text)
    lines = [_escape_line(line.strip()) for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if not line:
            if out and out[-1] != "":
                out.append("")
            continue
        if out and out[-1] != "":
            out[-1] += "\\"
        out.append(line)
    return "\n".join(out)


def _escape_line(line: str) -> str:
    """Backslash-escape the characters of one line that Markdown would treat as markup."""
    line = _ALWAYS.sub(lambda m: "\\" + m.group(0), line)
    match = _LINE_START.match(line)
    if match and match.group(2)[0].isdigit():
        end = match.end()
        return line[:end] + "\\" + line[end:]
    if match:
        return line[: match.start(2)] + "\\" + line[match.start(2) :]
    return line


def plain_text(blocks: list[Block]) -> str:
    """Return the blocks as plain text, one paragraph, item or row per line."""
    return "\n".join(_plain_lines(blocks))


def runs_text(runs: list[Run]) -> str:
    """Return the text of a list of runs."""
    return "".join(run.text for run in runs)


def _plain_lines(blocks: list[Block]) -> Iterator[str]:
    """Yield the plain-text lines of blocks."""
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            yield runs_text(block.runs)
        elif isinstance(block, ListBlock):
            yield from _plain_list(block, depth=0)
        elif isinstance(block, Table):
            for row in [block.header, *block.rows]:
                yield " | ".join(runs_text(cell) for cell in row)


def _plain_list(block: ListBlock, depth: int) -> Iterator[str]:
    """Yield the lines of a list, marked and indented."""
    for number, item in enumerate(block.items, start=block.start):
        marker = f"{number}." if block.ordered else "-"
        yield f"{'  ' * depth}{marker} {runs_text(item.runs)}"
        for child in item.children:
            yield from _plain_list(child, depth + 1)


def _blocks(tokens: Iterator[Token], closing: str | None) -> Iterator[Block]:
    """Build blocks from a token stream until the closing token type is met."""
    for token in tokens:
        if token.type == closing:
            return
        if token.type == "paragraph_open":
            yield Paragraph(_inline_until(tokens, "paragraph_close"))
        elif token.type == "heading_open":
            yield Heading(int(token.tag[1]), _inline_until(tokens, "heading_close"))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            yield _list(tokens, token)
        elif token.type == "table_open":
            yield _table(tokens)
        elif token.type in ("fence", "code_block") and token.content.strip():
            yield Paragraph([Run(token.content.rstrip("\n"))])


def _list(tokens: Iterator[Token], opening: Token) -> ListBlock:
    """Build a list block from the tokens after its opening token."""
    ordered = opening.type == "ordered_list_open"
    start = int(opening.attrs.get("start", 1)) if ordered else 1
    closing = opening.type.replace("_open", "_close")
    items: list[ListItem] = []
    for token in tokens:
        if token.type == closing:
            break
        if token.type == "list_item_open":
            items.append(_list_item(tokens))
    return ListBlock(ordered=ordered, items=items, start=start)


def _list_item(tokens: Iterator[Token]) -> ListItem:
    """Build one list item: paragraphs are joined, nested lists kept as children."""
    item = ListItem(runs=[])
    for block in _blocks(tokens, closing="list_item_close"):
        if isinstance(block, ListBlock):
            item.children.append(block)
        elif isinstance(block, (Paragraph, Heading)):
            if item.runs:
                item.runs.append(Run("\n"))
            item.runs.extend(block.runs)
    return item


def _table(tokens: Iterator[Token]) -> Table:
    """Build a table from the tokens after table_open."""
    header: list[list[Run]] = []
    rows: list[list[list[Run]]] = []
    current: list[list[Run]] = []
    in_head = False
    for token in tokens:
        if token.type == "table_close":
            break
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            current = []
        elif token.type == "tr_close":
            if in_head:
                header = current
            else:
                rows.append(current)
        elif token.type == "inline":
            current.append(_inline_runs(token))
    return Table(header=header, rows=rows)


def _inline_until(tokens: Iterator[Token], closing: str) -> list[Run]:
    """Collect the runs of the inline token(s) before the closing token."""
    runs: list[Run] = []
    for token in tokens:
        if token.type == closing:
            break
        if token.type == "inline":
            runs.extend(_inline_runs(token))
    return runs


def _inline_runs(token: Token) -> list[Run]:
    """Turn an inline token's children into formatted runs, merging neighbours."""
    runs: list[Run] = []
    bold = italic = 0
    link: str | None = None
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            link = str(child.attrs.get("href", ""))
        elif kind == "link_close":
            link = None
        elif kind in ("text", "code_inline", "html_inline"):
            _append(runs, Run(child.content, bold > 0, italic > 0, link))
        elif kind == "softbreak":
            _append(runs, Run(" ", bold > 0, italic > 0, link))
        elif kind == "hardbreak":
            runs.append(Run("\n"))
    return runs


def _append(runs: list[Run], run: Run) -> None:
    """Append a run, merging it into the previous one when the formatting matches."""
    if not run.text:
        return
    if runs and runs[-1].text != "\n":
        last = runs[-1]
        if (last.bold, last.italic, last.link) == (run.bold, run.italic, run.link):
            runs[-1] = Run(last.text + run.text, last.bold, last.italic, last.link)
            return
    runs.append(run)
