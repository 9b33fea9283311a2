"""Word export's fast paths behave exactly like the slow ones: XML escaping and list numbering ids."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape as sax_escape

import docx
import pytest
from docx.oxml.ns import qn

from app.core.casefile.model import parse_case
from app.core.drafting.letter import Letter, LetterBlock, LetterSection
from app.core.word import numbering
from app.core.word.export import ExportOptions, letter_docx_bytes, open_letterhead, xml_escape
from tests.core.conftest import TODAY
from tests.core.word.test_export_docx import CASE


@pytest.mark.parametrize("text", ["", "plain", "a & b < c > d", "&amp; already", "<<&&>>", "quote \" and ' stay"])
def test_xml_escape_matches_the_standard_library(text: str) -> None:
    assert xml_escape(text) == sax_escape(text)


def _many_lists_letter(count: int) -> Letter:
    """A letter whose one section holds count numbered lists, each with a nested bullet list."""
    body = "\n\nBetween.\n\n".join(f"1. item {n}\n2. next {n}\n   - nested {n}" for n in range(count))
    block = LetterBlock(key="s/b", section="s", topic="t", text=body + "\n")
    return Letter(title="Lists", sections=[LetterSection("s", "Heading", [block])])


def test_each_list_gets_the_next_free_id_as_a_rescan_would_give() -> None:
    count = 25
    data = letter_docx_bytes(_many_lists_letter(count), parse_case(CASE), ExportOptions(today=TODAY))
    document = docx.Document(io.BytesIO(data))
    nums = document.part.numbering_part.element.findall(qn("w:num"))
    ids = [int(num.get(qn("w:numId"))) for num in nums]
    first_new = numbering.next_num_id(open_letterhead(None))
    assert ids[-2 * count :] == list(range(first_new, first_new + 2 * count))
    used = {
        int(p._p.pPr.numPr.numId.val)
        for p in document.paragraphs
        if p._p.pPr is not None and p._p.pPr.numPr is not None
    }
    assert used == set(ids[-2 * count :])


def test_add_num_without_an_id_still_finds_the_next_free_one() -> None:
    document = open_letterhead(None)
    expected = numbering.next_num_id(document)
    abstract = numbering.ensure_list_styles(document)[1]
    assert numbering.add_num(document, abstract) == expected
    assert numbering.add_num(document, abstract) == expected + 1
