"""Word paragraphs back to Markdown: emphasis where CommonMark sees it, escapes, breaks, lists and tables."""

from __future__ import annotations

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from app.core.drafting import markup
from app.core.word.to_markdown import elements_markdown


def _paragraph(*runs: tuple[str, str], style: str = "") -> object:
    """A w:p with runs given as (text, flags) where flags holds b and/or i."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    body = "".join(
        "<w:r><w:br/></w:r>"
        if text == "\n"
        else f"<w:r><w:rPr>{'<w:b/>' if 'b' in flags else ''}{'<w:i/>' if 'i' in flags else ''}</w:rPr>"
        f'<w:t xml:space="preserve">{text}</w:t></w:r>'
        for text, flags in runs
    )
    return parse_xml(f"<w:p {nsdecls('w')}>{ppr}{body}</w:p>")


CASES = [
    [("bold.", "b"), ("text", "")],
    [("text", ""), ("(a) bold", "b")],
    [("under ", ""), ("s30(1)", "b"), ("a", "")],
    [("Public interest test – section 30(1)(a)", "b")],
    [("a ", ""), ("b ", "b"), ("c", "")],
    [("x", "bi"), (" and ", ""), ("y", "i"), (".", "")],
    [("5 * 3 is not _emphasis_ nor [a link]", "")],
    [("1. not a list", "")],
    [("line one", ""), ("\n", ""), ("line two", "")],
]


@pytest.mark.parametrize("runs", CASES)
def test_runs_read_back_with_the_same_text_and_formatting(runs):
    text = elements_markdown([_paragraph(*runs)], {})
    [paragraph] = markup.parse(text)
    expected = [markup.Run(t, "b" in f, "i" in f) if t != "\n" else markup.Run("\n") for t, f in runs]
    assert "".join(r.text for r in paragraph.runs) == "".join(r.text for r in expected)
    bold = "".join("B" if r.bold else "-" for r in paragraph.runs for _ in r.text)
    wanted = "".join("B" if r.bold else "-" for r in expected for _ in r.text)
    # Edge punctuation may move outside the emphasis so that Markdown sees it; letters never do.
    letters = [i for i, c in enumerate("".join(r.text for r in expected)) if c.isalnum()]
    assert [bold[i] for i in letters] == [wanted[i] for i in letters]


def test_list_styles_become_numbered_and_bulleted_items():
    styles = {"N": "Letter Number", "B": "Letter Bullet 2"}
    elements = [
        _paragraph(("first", ""), style="N"),
        _paragraph(("nested", ""), style="B"),
        _paragraph(("second", ""), style="N"),
    ]
    assert elements_markdown(elements, styles) == "1. first\n   - nested\n2. second\n"
