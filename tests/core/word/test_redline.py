"""Officer edits exported as Word tracked changes: read back from the .docx, and opened in LibreOffice."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn

from app.cli import main
from app.core.casefile.model import load_case
from app.core.drafting.assemble import assemble
from app.core.drafting.library import load_library
from app.core.paths import EXAMPLES_DIR
from app.core.word.export import ExportOptions, export_letter, open_letterhead
from app.core.word.export import _Writer as Writer
from app.core.word.redline import Revision, write_tracked_block

EXAMPLE = EXAMPLES_DIR / "foia-tracked-edit.yaml"
TODAY = dt.date(2026, 10, 30)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def tracked_body(library_text: str, text: str, author: str = "Officer"):
    """Write one block with tracked changes and return the body element."""
    document = open_letterhead(None)
    writer = Writer(document)
    write_tracked_block(writer, library_text, text, Revision(author, dt.datetime(2026, 10, 30, 9, 0, tzinfo=dt.UTC)))
    writer.finish()
    return document.element.body


def accepted(paragraph) -> str:
    """Return a paragraph's text with every change accepted (insertions kept, deletions dropped)."""
    return "".join(t.text for t in paragraph.iter(qn("w:t")))


def rejected(paragraph) -> str:
    """Return a paragraph's text with every change rejected (insertions dropped, deletions restored)."""
    out = []
    for node in paragraph.iter(qn("w:t"), qn("w:delText")):
        if not any(a.tag == qn("w:ins") for a in node.iterancestors()):
            out.append(node.text)
    return "".join(out)


def paragraph_marked(paragraph, kind: str) -> bool:
    """Tell whether the paragraph mark itself is a tracked insertion or deletion."""
    ppr = paragraph.find(qn("w:pPr"))
    rpr = ppr.find(qn("w:rPr")) if ppr is not None else None
    return rpr is not None and rpr.find(qn(f"w:{kind}")) is not None


def test_word_changes_accept_to_the_officer_text_and_reject_to_the_library_text():
    library = "We hold the information you asked for in your request, and we are providing all of it."
    officer = "We hold the information you asked for, and we are providing **all of it** to you today."
    body = tracked_body(library, officer)
    paragraphs = body.findall(qn("w:p"))
    assert len(paragraphs) == 1
    assert (
        accepted(paragraphs[0]) == "We hold the information you asked for, and we are providing all of it to you today."
    )
    assert rejected(paragraphs[0]) == library
    deleted = ["".join(t.text for t in d.iter(qn("w:delText"))) for d in body.iter(qn("w:del"))]
    inserted = ["".join(t.text for t in i.iter(qn("w:t"))) for i in body.iter(qn("w:ins"))]
    assert deleted == [" in your request"]
    assert inserted == [" to you today"]
    bold = [r for r in body.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None]
    assert "".join(t.text for r in bold for t in r.iter(qn("w:t"))) == "all of it"


def test_whole_paragraphs_added_or_removed_are_tracked_with_their_paragraph_marks():
    library = "First paragraph stays.\n\nThis paragraph goes."
    officer = "First paragraph stays.\n\nA new paragraph arrives.\n\nAnd another."
    body = tracked_body(library, officer)
    paragraphs = body.findall(qn("w:p"))
    texts = [(accepted(p), rejected(p)) for p in paragraphs]
    assert texts[0] == ("First paragraph stays.", "First paragraph stays.")
    assert ("A new paragraph arrives.", "This paragraph goes.") in texts
    assert ("And another.", "") in texts
    assert paragraph_marked(paragraphs[-1], "ins")
    assert not paragraph_marked(paragraphs[0], "ins") and not paragraph_marked(paragraphs[0], "del")


def test_each_change_has_a_unique_id_the_author_and_the_date():
    body = tracked_body("one two three four", "one 2 three 4", author="J. Smith & Co")
    changes = [*body.iter(qn("w:ins")), *body.iter(qn("w:del"))]
    assert len(changes) == 4
    assert len({c.get(qn("w:id")) for c in changes}) == 4
    assert {c.get(qn("w:author")) for c in changes} == {"J. Smith & Co"}
    assert {c.get(qn("w:date")) for c in changes} == {"2026-10-30T09:00:00Z"}


def test_unchanged_list_items_keep_their_numbering():
    body = tracked_body("1. alpha\n2. beta\n3. gamma", "1. alpha\n2. beta changed\n3. gamma")
    numbered = [p for p in body.findall(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None]
    assert [accepted(p) for p in numbered] == ["alpha", "beta changed", "gamma"]
    assert len({p.find(f".//{qn('w:numId')}").get(qn("w:val")) for p in numbered}) == 1


def export_example(tmp_path, **options):
    case = load_case(EXAMPLE)
    letter = assemble(case, load_library(), TODAY)
    assert not letter.problems
    out = tmp_path / "letter.docx"
    export_letter(letter, case, out, ExportOptions(today=TODAY, **options))
    return letter, out


def test_example_edits_read_back_as_tracked_changes(tmp_path):
    letter, out = export_example(tmp_path, track_changes=True, track_author="E. Officer")
    edited = [b for b in letter.blocks() if b.edited]
    assert {b.key for b in edited} == {"decision/decision@disclosed", "closing/disclosure-log"}
    body = docx.Document(str(out)).element.body
    inserted = " ".join(t.text for i in body.iter(qn("w:ins")) for t in i.iter(qn("w:t")))
    deleted = " ".join(t.text for d in body.iter(qn("w:del")) for t in d.iter(qn("w:delText")))
    assert "in the table below" in inserted
    assert "already published in our annual enforcement report" in inserted
    assert "in your request" in deleted
    assert "with your name and any other personal details removed" in deleted
    assert {c.get(qn("w:author")) for c in body.iter(qn("w:ins"))} == {"E. Officer"}
    # Blocks the officer did not touch carry no revisions.
    untouched = next(p for p in body.iter(qn("w:p")) if "internal review" in accepted(p))
    assert untouched.find(f".//{qn('w:ins')}") is None and untouched.find(f".//{qn('w:del')}") is None


def test_without_the_option_the_letter_has_no_tracked_changes(tmp_path):
    _, out = export_example(tmp_path)
    body = docx.Document(str(out)).element.body
    assert body.find(f".//{qn('w:ins')}") is None and body.find(f".//{qn('w:del')}") is None
    assert "in the table below" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def test_render_track_changes_on_the_command_line(tmp_path, capsys):
    out = tmp_path / "redline.docx"
    args = ["render", str(EXAMPLE), "-o", str(out), "--today", "2026-10-30", "--track-changes"]
    assert main(args) == 0
    body = docx.Document(str(out)).element.body
    assert {c.get(qn("w:author")) for c in body.iter(qn("w:del"))} == {"Officer"}
    assert main([*args, "--track-author", "Legal Lead"]) == 0
    body = docx.Document(str(out)).element.body
    assert {c.get(qn("w:author")) for c in body.iter(qn("w:ins"))} == {"Legal Lead"}


@pytest.mark.external
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_changes_as_tracked_changes(tmp_path):
    _, out = export_example(tmp_path, track_changes=True)
    profile = (tmp_path / "profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "fodt"]
    result = subprocess.run(
        [*command, "--outdir", str(tmp_path), str(out)],
        capture_output=True,
        timeout=180,
        check=False,
    )
    converted = tmp_path / "letter.fodt"
    assert result.returncode == 0 and converted.exists(), result.stderr
    flat = converted.read_text(encoding="utf-8")
    assert "<text:tracked-changes" in flat
    assert flat.count("<text:insertion") >= 2 and flat.count("<text:deletion") >= 2
    assert "in your request" in flat  # the deleted words survive as a deletion, not lost


def test_list_ids_stay_unique_when_tracked_and_plain_lists_mix(tmp_path):
    document = open_letterhead(None)
    writer = Writer(document)
    from app.core.drafting import markup

    writer.blocks(markup.parse("- plain one\n- plain two"))
    write_tracked_block(writer, "1. old\n2. same", "1. new\n2. same", Revision())
    writer.blocks(markup.parse("1. after\n2. after"))
    writer.finish()
    nums = document.part.numbering_part.element.findall(qn("w:num"))
    ids = [n.get(qn("w:numId")) for n in nums]
    assert len(ids) == len(set(ids))


def test_the_letterheads_own_tracked_changes_are_still_scrubbed(tmp_path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    letterhead = tmp_path / "ours.docx"
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header.text = "OUR LETTERHEAD"
    header._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="Template Author" w:date="2020-01-01T00:00:00Z">'
            "<w:r><w:delText>old strapline</w:delText></w:r></w:del>"
        )
    )
    document.save(str(letterhead))
    _, out = export_example(tmp_path, track_changes=True, letterhead=letterhead)
    exported = docx.Document(str(out))
    header_xml = exported.sections[0].header._element.xml
    assert "Template Author" not in header_xml and "old strapline" not in header_xml
    assert exported.element.body.find(f".//{qn('w:del')}") is not None
