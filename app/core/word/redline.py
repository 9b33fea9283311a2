"""Officer edits to library wording written as Word tracked changes (w:ins / w:del) for sign-off.

A block the officer edited is compared with the approved library text it came from: paragraphs
are aligned first, then words within a changed paragraph, so a legal reviewer sees exactly the
officer's insertions and deletions and can accept or reject each one in Word. Tables are not
compared: the officer's table is written as it stands.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.core.drafting import markup

if TYPE_CHECKING:
    from app.core.word.export import _Writer

DEFAULT_AUTHOR = "Officer"
FIRST_ID = 9000  # revision ids share a number space with bookmarks and comments; stay clear of the letterhead's
_TOKEN = re.compile(r"\s+|\w+(?:['’]\w+)*|[^\w\s]")


@dataclass
class Revision:
    """Who made the tracked changes and when; hands out the unique w:id of each change."""

    author: str = DEFAULT_AUTHOR
    when: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    next_id: int = FIRST_ID

    def attributes(self) -> str:
        """Return the w:id, w:author and w:date attributes of a new change."""
        self.next_id += 1
        stamp = self.when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return f'w:id="{self.next_id}" w:author="{_attr(self.author or DEFAULT_AUTHOR)}" w:date="{stamp}"'


@dataclass(frozen=True)
class Line:
    """One paragraph of a block flattened for comparison: its style, runs and list numbering."""

    style: str
    runs: tuple[markup.Run, ...]
    list_key: tuple[int, bool] | None = None  # (index of the list in the block, ordered)
    depth: int = 0

    @property
    def text(self) -> str:
        """Return the paragraph's text (what is compared)."""
        return "".join(run.text for run in self.runs)


def write_tracked_block(writer: _Writer, library_text: str, text: str, revision: Revision) -> None:
    """Append a block as the officer left it, with changes from the library text marked as revisions."""
    old_lines, _ = flatten(markup.parse(library_text))
    new_lines, tables = flatten(markup.parse(text))
    numbering: dict[tuple[int, bool], int] = {}
    matcher = difflib.SequenceMatcher(None, [x.text for x in old_lines], [x.text for x in new_lines], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = old_lines[i1:i2], new_lines[j1:j2]
        if tag == "equal":
            for line in news:
                writer.parts.append(_paragraph(writer, line, _runs(line.runs), numbering))
            continue
        for old, new in zip(olds, news, strict=False):
            writer.parts.append(_paragraph(writer, new, _changed_runs(old.runs, new.runs, revision), numbering))
        for old in olds[len(news) :]:
            writer.parts.append(_paragraph(writer, old, _deleted(old.runs, revision), None, mark="del", rev=revision))
        for new in news[len(olds) :]:
            writer.parts.append(_paragraph(writer, new, _inserted(new.runs, revision), numbering, "ins", revision))
    for table in tables:
        writer.blocks([table])


def flatten(blocks: list[markup.Block]) -> tuple[list[Line], list[markup.Table]]:
    """Return a block's paragraphs in order (list items one per line) and its tables, apart."""
    lines: list[Line] = []
    tables: list[markup.Table] = []
    lists = 0
    for block in blocks:
        if isinstance(block, markup.Paragraph):
            lines.append(Line("Letter Body", tuple(block.runs)))
        elif isinstance(block, markup.Heading):
            lines.append(Line("Letter Subheading", tuple(block.runs)))
        elif isinstance(block, markup.ListBlock):
            lists += 1
            _flatten_list(block, lists, 0, lines)
        elif isinstance(block, markup.Table):
            tables.append(block)
    return lines, tables


def _flatten_list(block: markup.ListBlock, index: int, depth: int, lines: list[Line]) -> None:
    """Add a list's items (and nested lists, one level deep in style) to lines."""
    from app.core.word.styles import BULLET_STYLES, NUMBER_STYLES

    style = (NUMBER_STYLES if block.ordered else BULLET_STYLES)[min(depth, 1)]
    for item in block.items:
        lines.append(Line(style, tuple(item.runs), (index * 10 + min(depth, 1), block.ordered), min(depth, 1)))
        for child in item.children:
            _flatten_list(child, index, depth + 1, lines)


# ---------------------------------------------------------------- paragraphs and runs


def _paragraph(
    writer: _Writer,
    line: Line,
    runs_xml: str,
    numbering: dict[tuple[int, bool], int] | None,
    mark: str = "",
    rev: Revision | None = None,
) -> str:
    """Return a paragraph in its style and list; mark = "ins"/"del" tracks the paragraph itself."""
    num = ""
    if line.list_key is not None and numbering is not None:
        if line.list_key not in numbering:
            numbering[line.list_key] = _new_list(writer, ordered=line.list_key[1])
        num = f'<w:numPr><w:ilvl w:val="{line.depth}"/><w:numId w:val="{numbering[line.list_key]}"/></w:numPr>'
    tracked = f"<w:rPr><w:{mark} {rev.attributes()}/></w:rPr>" if mark and rev is not None else ""
    style = writer._style_id(line.style if mark != "del" or line.list_key is None else "Letter Body")
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{num}{tracked}</w:pPr>{runs_xml}</w:p>'


def _new_list(writer: _Writer, ordered: bool) -> int:
    """Add a list instance through the writer's own id counter (so ids never collide)."""
    from app.core.word.numbering import add_num, next_num_id

    if writer.next_num is None:
        writer.next_num = next_num_id(writer.document)
    abstract = writer.numbers_abstract if ordered else writer.bullets_abstract
    num_id = add_num(writer.document, abstract, restart=ordered, num_id=writer.next_num)
    writer.next_num += 1
    return num_id


def _changed_runs(old: tuple[markup.Run, ...], new: tuple[markup.Run, ...], revision: Revision) -> str:
    """Return a paragraph's runs with word-level insertions and deletions from old to new."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(None, [t.text for t in old_tokens], [t.text for t in new_tokens], autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(_runs(_merge(new_tokens[j1:j2])))
            continue
        if i2 > i1:
            out.append(_deleted(_merge(old_tokens[i1:i2]), revision))
        if j2 > j1:
            out.append(_inserted(_merge(new_tokens[j1:j2]), revision))
    return "".join(out)


def _tokens(runs: tuple[markup.Run, ...]) -> list[markup.Run]:
    """Split runs into words, spaces and punctuation, each keeping its run's formatting."""
    tokens = []
    for run in runs:
        if run.text == "\n":
            tokens.append(run)
            continue
        tokens.extend(markup.Run(piece, run.bold, run.italic) for piece in _TOKEN.findall(run.text))
    return tokens


def _merge(tokens: list[markup.Run] | tuple[markup.Run, ...]) -> tuple[markup.Run, ...]:
    """Join neighbouring tokens of the same formatting back into runs."""
    merged: list[markup.Run] = []
    for token in tokens:
        last = merged[-1] if merged else None
        if last and token.text != "\n" and last.text != "\n" and (last.bold, last.italic) == (token.bold, token.italic):
            merged[-1] = markup.Run(last.text + token.text, last.bold, last.italic)
        else:
            merged.append(markup.Run(token.text, token.bold, token.italic))
    return tuple(merged)


def _inserted(runs: tuple[markup.Run, ...], revision: Revision) -> str:
    """Return runs wrapped as one tracked insertion."""
    return f"<w:ins {revision.attributes()}>{_runs(runs)}</w:ins>" if runs else ""


def _deleted(runs: tuple[markup.Run, ...], revision: Revision) -> str:
    """Return runs wrapped as one tracked deletion (deleted text is w:delText)."""
    return f"<w:del {revision.attributes()}>{_runs(runs, deleted=True)}</w:del>" if runs else ""


def _runs(runs: tuple[markup.Run, ...], deleted: bool = False) -> str:
    """Return runs as XML; line breaks stay breaks."""
    from app.core.word.export import clean_text, xml_escape

    out = []
    for run in runs:
        if run.text == "\n":
            out.append("<w:r><w:br/></w:r>")
            continue
        props = ("<w:b/>" if run.bold else "") + ("<w:i/>" if run.italic else "")
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        tag = "w:delText" if deleted else "w:t"
        out.append(f'<w:r>{rpr}<{tag} xml:space="preserve">{xml_escape(clean_text(run.text))}</{tag}></w:r>')
    return "".join(out)


def _attr(text: str) -> str:
    """Escape text for an XML attribute."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
