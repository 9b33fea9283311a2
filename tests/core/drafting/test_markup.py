"""The clause Markdown subset: parsing into blocks, and escaping data so it stays literal."""

from __future__ import annotations

import pytest

from app.core.drafting import markup
from app.core.drafting.markup import Heading, ListBlock, Paragraph, Run, Table


def test_paragraph_runs_keep_bold_italic_and_links():
    [para] = markup.parse("Plain **bold** *it* [ICO](https://ico.org.uk).")
    assert para == Paragraph(
        [
            Run("Plain "),
            Run("bold", bold=True),
            Run(" "),
            Run("it", italic=True),
            Run(" "),
            Run("ICO", link="https://ico.org.uk"),
            Run("."),
        ]
    )


def test_lists_nest_and_number_from_their_start():
    [numbered] = markup.parse("3. three\n4. four\n   - sub\n")
    assert isinstance(numbered, ListBlock) and numbered.ordered and numbered.start == 3
    assert markup.runs_text(numbered.items[1].runs) == "four"
    assert markup.runs_text(numbered.items[1].children[0].items[0].runs) == "sub"


def test_table_and_heading():
    heading, table = markup.parse("### Factors\n\n| A | B |\n|---|---|\n| 1 | **2** |\n")
    assert heading == Heading(3, [Run("Factors")])
    assert isinstance(table, Table)
    assert table.rows[0][1] == [Run("2", bold=True)]


def test_raw_html_is_text():
    assert markup.plain_text(markup.parse("<script>alert(1)</script>")) == "<script>alert(1)</script>"


@pytest.mark.parametrize(
    "text",
    [
        "*Smith* & _Jones_ <b>",
        "- not a list",
        "1. not a list",
        "# not a heading",
        "> not a quote",
        "| not | a table |",
        "back\\slash `code` [link](x)",
        "first_last@example.org",
        "&amp; stays",
        "Zoë 🦊",
    ],
)
def test_escaped_text_reads_back_exactly(text):
    assert markup.plain_text(markup.parse(markup.escape(text))) == text


def test_escape_keeps_line_and_paragraph_breaks():
    blocks = markup.parse(markup.escape("line one\nline two\n\nnew paragraph"))
    assert len(blocks) == 2
    assert blocks[0].runs == [Run("line one"), Run("\n"), Run("line two")]


def test_escape_leaves_ordinary_punctuation_alone():
    assert (
        markup.escape("foi@scotland.police.uk, £1,800 - see https://www.foi.scot.")
        == "foi@scotland.police.uk, £1,800 - see https://www.foi.scot."
    )
