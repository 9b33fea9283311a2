"""Write a letter to Word on a letterhead template, with real lists, tables and clean metadata."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from app.core.casefile.model import Case
from app.core.drafting import markup
from app.core.drafting.letter import Letter
from app.core.drafting.templating import format_date
from app.core.paths import LETTERHEAD
from app.core.problems import display_path
from app.core.storage.atomic import write_bytes_atomic
from app.core.word.letterhead import add_page_number_footer, has_page_numbers
from app.core.word.metadata import scrub_metadata
from app.core.word.numbering import HANGING_TWIPS as LIST_HANGING_TWIPS
from app.core.word.numbering import INDENT_TWIPS as LIST_INDENT_TWIPS
from app.core.word.numbering import add_num, ensure_list_styles, next_num_id
from app.core.word.scrub import ScrubError, clean_package
from app.core.word.styles import BULLET_STYLES, NUMBER_STYLES, QUOTE_INDENT_TWIPS, ensure_styles
from app.core.word.tags import BlockTagger

# Characters XML 1.0 cannot hold: C0 controls except tab/newline/return, surrogates, U+FFFE/FFFF.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


SIGNING_SPACE_TWIPS = 720  # half an inch above the signatory's name, to sign in
LIST_END_SPACING_TWIPS = 120  # the Letter Body style's 6 pt after, so text after a list is spaced


class ExportError(Exception):
    """The letter could not be written; the message names the file and the reason."""


@dataclass(frozen=True)
class ExportOptions:
    """Choices for one export."""

    letterhead: Path | None = None
    author: str = ""
    today: dt.date | None = None
    for_signature: bool = False  # a plain file: no hidden block marks (so no Word round trip)
    track_changes: bool = False  # officer edits to library wording as Word tracked changes
    track_author: str = ""


def xml_escape(text: str) -> str:
    """Escape &, < and > for XML character data (as xml.sax.saxutils.escape does, without its imports)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clean_text(text: str) -> str:
    """Remove characters Word's XML cannot store (control characters, lone surrogates)."""
    return _INVALID_XML.sub("", text)


def export_letter(letter: Letter, case: Case, target: Path | str, options: ExportOptions = ExportOptions()) -> None:
    """Write the letter as a .docx at target, atomically; raise ExportError on failure."""
    write_docx(letter_docx_bytes(letter, case, options), target)


def write_docx(data: bytes, target: Path | str) -> None:
    """Write .docx bytes at target, atomically; raise ExportError naming the file on failure."""
    try:
        write_bytes_atomic(target, data)
    except PermissionError as exc:
        raise ExportError(
            f"{display_path(target)}: cannot write here (permission denied); "
            "choose another folder or close the file if it is open in Word"
        ) from exc
    except OSError as exc:
        raise ExportError(f"{display_path(target)}: cannot write the letter: {exc.strerror or exc}") from exc


def letter_docx_bytes(letter: Letter, case: Case, options: ExportOptions = ExportOptions()) -> bytes:
    """Return the .docx bytes of a letter."""
    document = open_letterhead(options.letterhead)
    writer = _Writer(document)
    tagger = BlockTagger(enabled=not options.for_signature)
    today = options.today or dt.date.today()
    letter_date = case.letter_date(today)
    _fill_header(document, case)
    writer.reference_block(case, letter_date)
    writer.paragraph(letter.title, "Letter Title")
    revision = None
    if options.track_changes:  # the redline writer (and difflib) load only for a tracked-changes export
        from app.core.word.redline import Revision, write_tracked_block

        revision = Revision(options.track_author)
    for section in letter.sections:
        blocks = section.visible_blocks()
        if not blocks:
            continue
        if section.heading:
            writer.paragraph(section.heading, "Letter Heading")
        for block in blocks:
            first = len(writer.parts)
            if revision is not None and block.edited and block.library_text.strip() and not block.style:
                write_tracked_block(writer, block.library_text, block.text, revision)
            else:
                writer.letter_block(block.text, block.style)
            tagger.block(writer.parts, first, block)
    writer.finish()
    when = dt.datetime.combine(letter_date, dt.time(9, 0), tzinfo=dt.UTC)
    scrub_metadata(document, clean_text(f"{letter.title} {case.reference}".strip()), when, options.author)
    tagger.finish(document, case.reference)
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        return clean_package(buffer.getvalue(), keep_body_revisions=revision is not None)
    except ScrubError as exc:
        raise ExportError(f"the letter was not written: {exc}") from exc


def open_letterhead(path: Path | None) -> Document:
    """Open a letterhead .docx (the built-in one by default) and empty its body."""
    source = Path(path) if path else LETTERHEAD
    try:
        document = docx.Document(str(source))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ExportError(f"{display_path(source)}: not a Word .docx letterhead ({exc})") from exc
    except OSError as exc:
        raise ExportError(f"{display_path(source)}: cannot read the letterhead: {exc.strerror or exc}") from exc
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    ensure_styles(document)
    ensure_list_styles(document)
    if not has_page_numbers(document):
        add_page_number_footer(document)
    return document


def _fill_header(document: Document, case: Case) -> None:
    """Put the authority's name and address in an empty (first-page) letterhead header."""
    section = document.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    if any(p.text.strip() for p in header.paragraphs) or header._element.xml.count("<w:drawing") > 0:
        return
    paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    authority = case.authority
    name = paragraph.add_run(clean_text(authority.name))
    name.bold = True
    for line in [*authority.address, authority.email, authority.phone]:
        if line:
            paragraph.add_run().add_break()
            paragraph.add_run(clean_text(line))


class _Writer:
    """Builds the letter body as WordprocessingML text, parsed once and appended (fast)."""

    USABLE_WIDTH_TWIPS = 9072  # 16 cm between the letterhead's margins

    def __init__(self, document: Document):
        self.document = document
        self.bullets_abstract, self.numbers_abstract = ensure_list_styles(document)
        self.style_ids: dict[str, str] = {}
        self.parts: list[str] = []
        self.next_num: int | None = None  # the next free list instance id, counted here (not rescanned)
        self.indent = 0

    def finish(self) -> None:
        """Parse the collected XML and insert it before the body's section properties."""
        fragment = parse_xml(f"<w:body {nsdecls('w')}>{''.join(self.parts)}</w:body>")
        body = self.document.element.body
        anchor = body.find(qn("w:sectPr"))
        for child in list(fragment):
            if anchor is not None:
                anchor.addprevious(child)
            else:
                body.append(child)
        self.parts.clear()

    def _style_id(self, name: str) -> str:
        """Return a style's id, looked up once."""
        if name not in self.style_ids:
            self.style_ids[name] = self.document.styles[name].style_id
        return self.style_ids[name]

    def _para(self, style: str, runs_xml: str, num: tuple[int, int] | None = None, last_item: bool = False) -> str:
        """Return a paragraph element in a style, optionally in a list (the last item gets body spacing after)."""
        numbering = ""
        if num is not None:
            numbering = f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        spacing = f'<w:spacing w:after="{LIST_END_SPACING_TWIPS}"/>' if last_item else ""
        indent = ""
        if num is not None and self.indent:
            left = LIST_INDENT_TWIPS * (num[1] + 1) + self.indent
            indent = f'<w:ind w:left="{left}" w:hanging="{LIST_HANGING_TWIPS}"/>'
        return (
            f'<w:p><w:pPr><w:pStyle w:val="{self._style_id(style)}"/>{numbering}{spacing}{indent}</w:pPr>'
            f"{runs_xml}</w:p>"
        )

    def paragraph(self, text: str, style: str) -> None:
        """Append a plain paragraph in a style."""
        self.parts.append(self._para(style, _run_xml(text) if text else ""))

    def reference_block(self, case: Case, letter_date: dt.date) -> None:
        """Append our reference, the date and the requester's details."""
        for label, value in (("Our reference", case.reference), ("Date", format_date(letter_date))):
            if value:
                self.parts.append(self._para("Reference Block", _run_xml(f"{label}: ", bold=True) + _run_xml(value)))
        requester = case.requester
        details = [d for d in (requester.name, *requester.address, requester.email) if d]
        if details:
            self.paragraph("", "Reference Block")
            for line in details:
                self.paragraph(line, "Reference Block")
        self.paragraph("", "Reference Block")

    def letter_block(self, text: str, style: str) -> None:
        """Append one block of the letter: body text, the requester's words, or the signature."""
        if style == "signature":
            lines = [line.strip().rstrip("\\").strip() for line in text.splitlines()]
            for index, line in enumerate(lines):
                before = f'<w:spacing w:before="{SIGNING_SPACE_TWIPS}"/>' if index == 0 else ""
                style_id = self._style_id("Signature Block")
                self.parts.append(f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{before}</w:pPr>{_run_xml(line)}</w:p>')
            return
        self.blocks(markup.parse(text), "Request Quote" if style == "quote" else "Letter Body")

    def blocks(self, blocks: list[markup.Block], body_style: str = "Letter Body") -> None:
        """Append parsed Markdown blocks (paragraphs in body_style; quoted lists are set in)."""
        self.indent = QUOTE_INDENT_TWIPS if body_style == "Request Quote" else 0
        for block in blocks:
            if isinstance(block, markup.Paragraph):
                self.parts.append(self._para(body_style, _runs_xml(block.runs)))
            elif isinstance(block, markup.Heading):
                self.parts.append(self._para("Letter Subheading", _runs_xml(block.runs)))
            elif isinstance(block, markup.ListBlock):
                self._list(block, level=0)
            elif isinstance(block, markup.Table):
                self._table(block)

    def _list(self, block: markup.ListBlock, level: int, num_id: int | None = None, ends: bool = True) -> None:
        """Append a list; each numbered list restarts at 1; the list's last line is spaced like body text."""
        depth = min(level, 1)
        style = (NUMBER_STYLES if block.ordered else BULLET_STYLES)[depth]
        if num_id is None:
            abstract = self.numbers_abstract if block.ordered else self.bullets_abstract
            if self.next_num is None:
                self.next_num = next_num_id(self.document)
            num_id = add_num(self.document, abstract, restart=block.ordered, num_id=self.next_num)
            self.next_num += 1
        for index, item in enumerate(block.items):
            final = ends and index == len(block.items) - 1
            self.parts.append(
                self._para(style, _runs_xml(item.runs), (num_id, depth), last_item=final and not item.children)
            )
            for number, child in enumerate(item.children):
                same_kind = child.ordered == block.ordered
                self._list(
                    child, level + 1, num_id if same_kind else None, ends=final and number == len(item.children) - 1
                )

    def _table(self, block: markup.Table) -> None:
        """Append a table with a bold header row that repeats on each page."""
        columns = max([len(block.header), *(len(r) for r in block.rows)])
        widths = _column_widths([block.header, *block.rows], columns, self.USABLE_WIDTH_TWIPS)
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        rows = []
        for index, row in enumerate([block.header, *block.rows]):
            cells = list(row) + [[]] * (columns - len(row))
            header = (
                "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if index == 0 else "<w:trPr><w:cantSplit/></w:trPr>"
            )
            tcs = "".join(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                f"{self._para('Normal', _runs_xml(cell, bold=index == 0))}</w:tc>"
                for cell, width in zip(cells, widths)
            )
            rows.append(f"<w:tr>{header}{tcs}</w:tr>")
        self.parts.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self._style_id("Letter Table")}"/>'
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        )
        self.paragraph("", "Letter Body")


def _column_widths(rows: list[list[list[markup.Run]]], columns: int, total: int) -> list[int]:
    """Share the page width between columns by how much text each holds, none below a minimum."""
    lengths = [1] * columns
    for row in rows:
        for index, cell in enumerate(row[:columns]):
            lengths[index] = max(lengths[index], min(len(markup.runs_text(cell)), 60))
    floor = total // (columns * 3)
    spare = total - floor * columns
    share = sum(lengths)
    return [floor + spare * n // share for n in lengths]


def _runs_xml(runs: list[markup.Run], bold: bool = False) -> str:
    r"""Return formatted runs as XML; '\\n' runs become line breaks."""
    return "".join(
        "<w:r><w:br/></w:r>" if run.text == "\n" else _run_xml(run.text, run.bold or bold, run.italic) for run in runs
    )


def _run_xml(text: str, bold: bool = False, italic: bool = False) -> str:
    """Return one run of text as XML, with characters XML cannot hold removed."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_escape(clean_text(text))}</w:t></w:r>'
