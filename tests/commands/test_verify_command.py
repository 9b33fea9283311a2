"""`foi-drafter verify`: the Word letter as it will be sent, checked against the statute and for leftovers."""

from __future__ import annotations

import json

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from app.cli import main
from app.core.paths import EXAMPLES_DIR
from tests.core.word.wordfiles import TODAY, delete_block, export_example, libreoffice_round_trip, paragraphs_of

EXAMPLES = sorted(p.name for p in EXAMPLES_DIR.glob("*.yaml"))
FOIA = "foia-partial.yaml"


def verify(path, capsys, case=FOIA) -> tuple[int, str]:
    """Run verify and return its exit status and output."""
    status = main(["verify", str(EXAMPLES_DIR / case), str(path), "--today", TODAY])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_untouched_export_verifies_clean(example, tmp_path, capsys):
    status, out = verify(export_example(example, tmp_path), capsys, example)
    assert status == 0, out
    assert "0 problem(s) to fix before sending, 0 other finding(s)" in out


def test_deleting_the_commissioner_paragraph_fails_citing_the_subsection(tmp_path, capsys):
    path = export_example(FOIA, tmp_path)
    delete_block(path, "17(7)(b)")
    status, out = verify(path, capsys)
    assert status == 1
    assert "ERROR: FOIA s17(7)(b): the letter must give particulars of the right to apply to the Information" in out


def test_foisa_rights_paragraph_deleted_fails_citing_section_19(tmp_path, capsys):
    path = export_example("foisa-cost-limit.yaml", tmp_path)
    delete_block(path, "19(b)-commissioner")
    status, out = verify(path, capsys, "foisa-cost-limit.yaml")
    assert status == 1 and "FOIA" not in out
    assert "ERROR: FOISA s19(b)" in out


def test_emptying_the_public_interest_balance_fails_citing_17_3(tmp_path, capsys):
    path = export_example(FOIA, tmp_path)
    document = docx.Document(str(path))
    paragraphs = paragraphs_of(document, "17(3)")
    balance = next(i for i, p in enumerate(paragraphs) if "".join(p.itertext()).startswith("Balance"))
    for paragraph in paragraphs[balance + 1 :]:
        paragraph.getparent().remove(paragraph)
    document.save(str(path))
    status, out = verify(path, capsys)
    assert status == 1
    assert "ERROR: FOIA s17(3) (question 1): part 1 must give the public interest reasons" in out
    assert "was deleted in Word" in out


def test_template_markup_typed_into_the_letter_is_flagged(tmp_path, capsys):
    path = export_example(FOIA, tmp_path)
    document = docx.Document(str(path))
    document.paragraphs[-1].add_run(" Signed by {{ x }}.")
    document.save(str(path))
    status, out = verify(path, capsys)
    assert status == 1
    assert "ERROR: Word file: the letter still has template markup: “" in out
    assert "Signed by {{ x }}.”" in out


def test_an_author_set_in_the_file_properties_is_flagged(tmp_path, capsys):
    path = export_example(FOIA, tmp_path)
    document = docx.Document(str(path))
    document.core_properties.author = "Jo Bloggs"
    document.save(str(path))
    status, out = verify(path, capsys)
    assert "WARNING: Word file: the file's properties name author “Jo Bloggs”" in out
    assert status == 0


def test_tracked_changes_and_comments_are_flagged(tmp_path, capsys):
    path = export_example(FOIA, tmp_path)
    document = docx.Document(str(path))
    paragraph = document.paragraphs[-1]
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="900" w:author="A" w:date="2026-01-01T00:00:00Z">'
            "<w:r><w:delText>withheld name</w:delText></w:r></w:del>"
        )
    )
    document.add_comment(paragraph.runs[0], text="check with legal", author="A")
    document.save(str(path))
    status, out = verify(path, capsys)
    assert status == 1
    assert "the letter has 1 tracked change(s)" in out
    assert "the letter has 1 comment(s)" in out


def test_a_live_merge_field_is_flagged_but_page_numbers_are_not(tmp_path, capsys):
    path = export_example(FOIA, tmp_path)
    document = docx.Document(str(path))
    document.paragraphs[-1]._p.append(
        parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" MERGEFIELD Name "><w:r><w:t>Name</w:t></w:r></w:fldSimple>')
    )
    document.save(str(path))
    status, out = verify(path, capsys)
    assert status == 0
    assert "live field(s) MERGEFIELD" in out and "PAGE" not in out.split("live field(s)")[1].split("\n")[0]


def test_a_plain_export_for_signature_is_matched_by_text(tmp_path, capsys):
    path = export_example(FOIA, tmp_path, "--for-signature")
    status, out = verify(path, capsys)
    assert status == 0, out
    assert "no block marks" in out


def test_json_output_lists_the_findings(tmp_path, capsys):
    path = export_example(FOIA, tmp_path)
    delete_block(path, "17(7)(b)")
    capsys.readouterr()
    assert main(["verify", str(EXAMPLES_DIR / FOIA), str(path), "--today", TODAY, "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert any(f["citation"] == "FOIA s17(7)(b)" and f["severity"] == "error" for f in findings)


def test_a_file_that_is_not_a_docx_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "letter.docx"
    bad.write_text("not a zip", encoding="utf-8")
    status, out = verify(bad, capsys)
    assert status == 2
    assert "letter.docx: not a Word .docx file" in out


@pytest.mark.external
def test_after_a_libreoffice_round_trip_the_letter_still_verifies_clean(tmp_path, capsys):
    saved = libreoffice_round_trip(export_example(FOIA, tmp_path), tmp_path)
    status, out = verify(saved, capsys)
    assert status == 0, out
    assert "0 problem(s) to fix before sending, 0 other finding(s)" in out
    delete_block(saved, "17(7)(b)")
    status, out = verify(saved, capsys)
    assert status == 1 and "FOIA s17(7)(b)" in out
