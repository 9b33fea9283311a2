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
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from app.core import markup
from app.core.atomic import write_bytes_atomic
from app.core.case import Case
from app.core.docx_meta import scrub_metadata
from app.core.docx_numbering import add_num, ensure_list_styles, number_paragraph
from app.core.docx_styles import BULLET_STYLES, NUMBER_STYLES, ensure_styles
from app.core.letter import Letter
from app.core.letterhead import add_page_number_footer, has_page_numbers
from app.core.paths import LETTERHEAD
from app.core.problems import display_path
from app.core.templating import format_date

# Characters XML 1.0 cannot hold: C0 controls except tab/newline/return, surrogates, U+FFFE/FFFF.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class ExportError(Exception):
    """The letter could not be written; the message names the file and the reason."""


@dataclass(frozen=True)
class ExportOptions:
    """Choices for one export."""

    letterhead: Path | None = None
    author: str = ""
    today: dt.date | None = None


def clean_text(text: str) -> str:
    """Remove characters Word's XML cannot store (control characters, lone surrogates)."""
    return _INVALID_XML.sub("", text)


def export_letter(letter: Letter, case: Case, target: Path | str, options: ExportOptions = ExportOptions()) -> None:
    """Write the letter as a .docx at target, atomically; raise ExportError on failure."""
    data = letter_docx_bytes(letter, case, options)
    try:
        write_bytes_atomic(target, data)
    except PermissionError as exc:
        raise ExportError(f"{display_path(target)}: cannot write here (permission denied); "
                          "choose another folder or close the file if it is open in Word") from exc
    except OSError as exc:
        raise ExportError(f"{display_path(target)}: cannot write the letter: {exc.strerror or exc}") from exc


def letter_docx_bytes(letter: Letter, case: Case, options: ExportOptions = ExportOptions()) -> bytes:
    """Return the .docx bytes of a letter."""
    document = open_letterhead(options.letterhead)
    writer = _Writer(document)
    today = options.today or dt.date.today()
    letter_date = case.letter_date(today)
    _fill_header(document, case)
    writer.reference_block(case, letter_date)
    writer.paragraph(letter.title, "Letter Title")
    for section in letter.sections:
        blocks = section.visible_blocks()
        if not blocks:
            continue
        if section.heading:
            writer.paragraph(section.heading, "Letter Heading")
        for block in blocks:
            writer.blocks(markup.parse(block.text))
    when = dt.datetime.combine(letter_date, dt.time(9, 0), tzinfo=dt.timezone.utc)
    scrub_metadata(document, clean_text(f"{letter.title} {case.reference}".strip()), when, options.author)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


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
    """Appends blocks to a document body using the letter styles."""

    def __init__(self, document: Document):
        self.document = document
        self.bullets_abstract, self.numbers_abstract = ensure_list_styles(document)

    def paragraph(self, text: str, style: str) -> None:
        """Append a plain paragraph in a style."""
        self.document.add_paragraph(clean_text(text), style=style)

    def reference_block(self, case: Case, letter_date: dt.date) -> None:
        """Append our reference, the date and the requester's details."""
        lines = [("Our reference", case.reference), ("Date", format_date(letter_date))]
        for label, value in lines:
            if value:
                paragraph = self.document.add_paragraph(style="Reference Block")
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(clean_text(value))
        requester = case.requester
        details = [requester.name, *requester.address, requester.email]
        details = [d for d in details if d]
        if details:
            self.document.add_paragraph(style="Reference Block")
            for line in details:
                self.paragraph(line, "Reference Block")
        self.document.add_paragraph(style="Reference Block")

    def blocks(self, blocks: list[markup.Block]) -> None:
        """Append parsed Markdown blocks."""
        for block in blocks:
            if isinstance(block, markup.Paragraph):
                self._runs(self.document.add_paragraph(style="Letter Body"), block.runs)
            elif isinstance(block, markup.Heading):
                self._runs(self.document.add_paragraph(style="Letter Subheading"), block.runs)
            elif isinstance(block, markup.ListBlock):
                self._list(block, level=0)
            elif isinstance(block, markup.Table):
                self._table(block)

    def _list(self, block: markup.ListBlock, level: int, num_id: int | None = None) -> None:
        """Append a list; each numbered list restarts at 1."""
        level = min(level, 1)
        style = (NUMBER_STYLES if block.ordered else BULLET_STYLES)[level]
        if num_id is None:
            abstract = self.numbers_abstract if block.ordered else self.bullets_abstract
            num_id = add_num(self.document, abstract, restart=block.ordered)
        for item in block.items:
            paragraph = self.document.add_paragraph(style=style)
            number_paragraph(paragraph, num_id, level)
            self._runs(paragraph, item.runs)
            for child in item.children:
                same_kind = child.ordered == block.ordered
                self._list(child, level + 1, num_id if same_kind else None)

    def _table(self, block: markup.Table) -> None:
        """Append a table with a bold, repeated header row."""
        columns = max([len(block.header), *(len(r) for r in block.rows)] or [1])
        table = self.document.add_table(rows=0, cols=columns)
        table.style = self.document.styles["Letter Table"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for index, row in enumerate([block.header, *block.rows]):
            cells = table.add_row().cells
            for cell, runs in zip(cells, row):
                paragraph = cell.paragraphs[0]
                self._runs(paragraph, runs, bold=index == 0)
            if index == 0:
                self._repeat_header(table.rows[0])
        self.document.add_paragraph(style="Letter Body")

    @staticmethod
    def _repeat_header(row) -> None:
        """Mark a table row as a header repeated on each page."""
        from docx.oxml import OxmlElement

        tr_pr = row._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        tr_pr.append(header)

    @staticmethod
    def _runs(paragraph, runs: list[markup.Run], bold: bool = False) -> None:
        """Append formatted runs to a paragraph; '\\n' runs become line breaks."""
        for run in runs:
            if run.text == "\n":
                paragraph.add_run().add_break()
                continue
            added = paragraph.add_run(clean_text(run.text))
            added.bold = run.bold or bold or None
            added.italic = run.italic or None
