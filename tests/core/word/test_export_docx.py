"""Word export: styles, real lists, tables, page numbers, language, metadata and awkward input."""

from __future__ import annotations

import os
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from app.core.casefile.model import parse_case
from app.core.drafting.assemble import assemble
from app.core.drafting.letter import Letter, LetterBlock, LetterSection
from app.core.word.export import ExportError, ExportOptions, export_letter, letter_docx_bytes
from tests.core.conftest import TODAY

CASE = """\
regime: foia
reference: FOI-1
received: 2026-10-01
date: 2026-10-20
authority: {name: Example Council, address: [1 High Street, Anytown AN1 1AA]}
requester: {name: "Zoë & <Co> 🦊\\a", address: [2 Low Road]}
request: Send it.
parts:
  - outcome: disclosed
"""

BODY = """\
Intro paragraph with **bold** and *italic*.

1. first
2. second
   - nested bullet

Between lists.

1. again one
2. again two

| Offence | Total |
|---|---|
| Facilitation | 12 |
"""


def _letter(body: str = BODY) -> Letter:
    """A letter with one section holding the given Markdown."""
    block = LetterBlock(key="s/b", section="s", topic="t", text=body)
    return Letter(title="Freedom of Information response", sections=[LetterSection("s", "Our response", [block])])


@pytest.fixture
def case():
    """A case with awkward characters in the requester's name."""
    return parse_case(CASE)


@pytest.fixture
def exported(tmp_path, case):
    """The letter written to a real .docx and opened again."""
    path = tmp_path / "letter.docx"
    export_letter(_letter(), case, path, ExportOptions(today=TODAY))
    return path, docx.Document(str(path))


def _num_id(paragraph) -> str:
    """Return the numbering instance a list paragraph belongs to."""
    return paragraph._p.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))


def test_headings_and_body_use_named_styles(exported):
    _, document = exported
    styles = {p.style.name for p in document.paragraphs}
    assert {"Letter Title", "Letter Heading", "Letter Body", "Reference Block"} <= styles
    heading = next(p for p in document.paragraphs if p.style.name == "Letter Heading")
    assert heading.text == "Our response"


def test_numbered_lists_are_real_and_restart(exported):
    _, document = exported
    numbered = [p for p in document.paragraphs if p.style.name == "Letter Number"]
    assert [p.text for p in numbered] == ["first", "second", "again one", "again two"]
    assert _num_id(numbered[0]) == _num_id(numbered[1])
    assert _num_id(numbered[0]) != _num_id(numbered[2])
    numbering = document.part.numbering_part.element
    restarted = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == _num_id(numbered[2]))
    assert restarted.find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val")) == "1"
    nested = [p for p in document.paragraphs if p.style.name == "Letter Bullet 2"]
    assert [p.text for p in nested] == ["nested bullet"]


def test_table_is_written_with_header(exported):
    _, document = exported
    table = document.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [["Offence", "Total"], ["Facilitation", "12"]]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold


def test_bold_and_italic_runs(exported):
    _, document = exported
    intro = next(p for p in document.paragraphs if p.text.startswith("Intro"))
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in intro.runs] == [
        ("Intro paragraph with ", False, False),
        ("bold", True, False),
        (" and ", False, False),
        ("italic", False, True),
        (".", False, False),
    ]


def test_odd_characters_export_to_valid_docx(exported):
    path, document = exported
    assert "Zoë & <Co> 🦊" in [p.text for p in document.paragraphs]
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert b"\x07" not in archive.read("word/document.xml")


def test_page_numbers_language_and_clean_metadata(exported):
    path, document = exported
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    lang = document.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "en-GB"
    props = document.core_properties
    assert props.author == "" and props.last_modified_by == "" and props.comments == ""
    assert props.created.year == 2026 and props.language == "en-GB"
    with zipfile.ZipFile(path) as archive:
        app_xml = archive.read("docProps/app.xml").decode()
        names = archive.namelist()
    assert "Word" not in app_xml and "python-docx" not in app_xml
    assert not any("thumbnail" in n for n in names)


def test_header_carries_the_authority(exported):
    _, document = exported
    section = document.sections[0]
    assert "Example Council" in section.first_page_header.paragraphs[0].text
    assert "Example Council" not in section.header._element.xml


def test_users_letterhead_without_letter_styles_gets_them(tmp_path, case):
    plain = tmp_path / "plain.docx"
    mine = docx.Document()
    mine.sections[0].header.paragraphs[0].text = "OUR OWN LETTERHEAD"
    mine.add_paragraph("placeholder body text")
    mine.save(str(plain))
    data = letter_docx_bytes(_letter(), case, ExportOptions(letterhead=plain, today=TODAY))
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    document = docx.Document(str(out))
    assert document.sections[0].header.paragraphs[0].text == "OUR OWN LETTERHEAD"
    assert "placeholder body text" not in [p.text for p in document.paragraphs]
    assert any(p.style.name == "Letter Number" for p in document.paragraphs)


def test_broken_letterhead_is_a_clear_error(tmp_path, case):
    bad = tmp_path / "broken.docx"
    bad.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ExportError, match="broken.docx: not a Word .docx letterhead"):
        letter_docx_bytes(_letter(), case, ExportOptions(letterhead=bad))


def _read_only_folder(tmp_path):
    """Return a folder this process cannot write to (chmod for users; /sys for root)."""
    if os.geteuid() != 0:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        return folder
    if os.path.isdir("/sys") and not _writable("/sys"):
        return __import__("pathlib").Path("/sys")
    pytest.skip("no read-only folder available to root here")


def _writable(folder: str) -> bool:
    """Tell whether a file can really be created in a folder."""
    try:
        with open(os.path.join(folder, ".probe"), "wb"):
            pass
    except OSError:
        return False
    os.unlink(os.path.join(folder, ".probe"))
    return True


def test_read_only_folder_gives_a_clear_error_and_leaves_nothing(tmp_path, case):
    folder = _read_only_folder(tmp_path)
    before = set(os.listdir(folder))
    with pytest.raises(ExportError, match="permission denied"):
        export_letter(_letter(), case, folder / "letter.docx")
    assert set(os.listdir(folder)) == before


def test_existing_letter_is_untouched_when_export_fails(tmp_path, case):
    target = tmp_path / "letter.docx"
    target.write_bytes(b"previous version")
    with pytest.raises(ExportError):
        export_letter(_letter(), case, target, ExportOptions(letterhead=tmp_path / "missing.docx"))
    assert target.read_bytes() == b"previous version"


def test_missing_folder_gives_a_clear_error(tmp_path, case):
    with pytest.raises(ExportError, match="nowhere/letter.docx: cannot write the letter"):
        export_letter(_letter(), case, tmp_path / "nowhere" / "letter.docx")


def test_assembled_letter_exports_without_template_markup(tmp_path, case, small_library):
    letter = assemble(case, small_library, TODAY)
    path = tmp_path / "full.docx"
    export_letter(letter, case, path, ExportOptions(today=TODAY))
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "{{" not in text and "{%" not in text
    assert "internal review within 40 working days" in text


def test_text_after_a_list_is_spaced_like_body_text(exported):
    _, document = exported
    spaced = [
        p.text for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:spacing")) is not None
    ]
    assert spaced == ["nested bullet", "again two"]
