"""`foi-drafter import-edits`: Word edits become the case's edits, so re-exporting keeps them."""

from __future__ import annotations

import shutil

import docx
import pytest
from docx.oxml.ns import qn

from app.cli import main
from app.core.casefile.model import load_case
from app.core.paths import EXAMPLES_DIR
from tests.core.word.wordfiles import (
    TODAY,
    delete_block,
    key_providing,
    libreoffice_round_trip,
    paragraphs_of,
    read_manifest,
)

FOIA = "foia-partial.yaml"
NEW = " We have weighed these factors with great care."


@pytest.fixture
def case_copy(tmp_path):
    """A private copy of the FOIA example case (import-edits rewrites it)."""
    target = tmp_path / "case.yaml"
    shutil.copy(EXAMPLES_DIR / FOIA, target)
    return target


def render(case, out) -> None:
    assert main(["render", str(case), "-o", str(out), "--today", TODAY]) == 0


def import_edits(case, letter, capsys) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["import-edits", str(case), str(letter), "--today", TODAY])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def letter_lines(path) -> list[tuple[str, str, tuple]]:
    """Every paragraph of a .docx (body and table cells): style, text and bold/italic runs."""
    document = docx.Document(str(path))
    out = []
    for paragraph in document.element.body.iter(qn("w:p")):
        p = docx.text.paragraph.Paragraph(paragraph, document)
        out.append((p.style.name, p.text, tuple((r.text, bool(r.bold), bool(r.italic)) for r in p.runs)))
    return out


def add_sentence(path, provides: str = "17(3)") -> str:
    """Add a sentence in Word (python-docx) to the last paragraph of the block that provides an element."""
    document = docx.Document(str(path))
    element = paragraphs_of(document, provides)[-1]
    paragraph = docx.text.paragraph.Paragraph(element, document)
    before = paragraph.text
    paragraph.runs[-1].text += NEW
    document.save(str(path))
    return before


def test_an_edited_sentence_comes_back_and_the_rest_of_the_letter_is_unchanged(case_copy, tmp_path, capsys):
    first, edited, second = tmp_path / "first.docx", tmp_path / "edited.docx", tmp_path / "second.docx"
    render(case_copy, first)
    shutil.copy(first, edited)
    old = add_sentence(edited)
    status, out = import_edits(case_copy, edited, capsys)
    assert status == 0, out
    key = key_providing(first, "17(3)")
    assert f"edited in Word: {key}" in out
    assert list(load_case(case_copy).edits.texts) == [key]
    render(case_copy, second)
    before, after = letter_lines(first), letter_lines(second)
    assert len(before) == len(after)
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert len(changed) == 1
    style, text, _ = after[changed[0]]
    assert style == before[changed[0]][0]
    assert before[changed[0]][1] == old and text == old + NEW


def test_importing_again_changes_nothing(case_copy, tmp_path, capsys):
    letter = tmp_path / "letter.docx"
    render(case_copy, letter)
    add_sentence(letter)
    assert import_edits(case_copy, letter, capsys)[0] == 0
    saved = case_copy.read_text(encoding="utf-8")
    status, out = import_edits(case_copy, letter, capsys)
    assert status == 0 and "changed 0 block(s)" in out
    assert case_copy.read_text(encoding="utf-8") == saved


def test_a_figure_corrected_in_the_answer_table_becomes_the_answer(case_copy, tmp_path, capsys):
    letter = tmp_path / "letter.docx"
    render(case_copy, letter)
    document = docx.Document(str(letter))
    cell = document.tables[0].rows[1].cells[1]
    assert cell.text == "212"
    cell.paragraphs[0].runs[0].text = "213"
    document.save(str(letter))
    status, out = import_edits(case_copy, letter, capsys)
    assert status == 0 and f"edited in Word: {key_providing(letter, 'answer')}" in out
    answer = load_case(case_copy).parts[0].answer
    assert "| Assisting unlawful immigration | 213 | 97 |" in answer
    again = tmp_path / "again.docx"
    render(case_copy, again)
    assert docx.Document(str(again)).tables[0].rows[1].cells[1].text == "213"


def test_a_paragraph_deleted_in_word_is_removed_and_then_checked(case_copy, tmp_path, capsys):
    letter = tmp_path / "letter.docx"
    render(case_copy, letter)
    key = key_providing(letter, "17(7)(b)")
    delete_block(letter, "17(7)(b)")
    status, out = import_edits(case_copy, letter, capsys)
    assert status == 0 and f"deleted in Word (now removed from the letter): {key}" in out
    assert load_case(case_copy).edits.removed == [key]
    capsys.readouterr()
    assert main(["check", str(case_copy), "--today", TODAY]) == 1
    assert "FOIA s17(7)(b)" in capsys.readouterr().out


def test_blocks_whose_structure_was_lost_are_reported_and_left_alone(case_copy, tmp_path, capsys):
    letter = tmp_path / "letter.docx"
    render(case_copy, letter)
    document = docx.Document(str(letter))
    lost = read_manifest(document).entries[1:3]  # two neighbours: their text cannot be told apart
    stems = tuple(e.mark + "_" for e in lost)
    for mark in list(document.element.body.iter(qn("w:bookmarkStart"))):
        if mark.get(qn("w:name"), "").startswith(stems):
            ident = mark.get(qn("w:id"))
            for end in [e for e in document.element.body.iter(qn("w:bookmarkEnd")) if e.get(qn("w:id")) == ident]:
                end.getparent().remove(end)
            mark.getparent().remove(mark)
    document.save(str(letter))
    original = case_copy.read_text(encoding="utf-8")
    status, out = import_edits(case_copy, letter, capsys)
    assert status == 1
    for entry in lost:
        assert f"NOT IMPORTED: {entry.key}: its hidden marks were lost" in out
    assert case_copy.read_text(encoding="utf-8") == original


def test_a_file_exported_for_signature_cannot_be_imported(case_copy, tmp_path, capsys):
    letter = tmp_path / "letter.docx"
    assert main(["render", str(case_copy), "-o", str(letter), "--today", TODAY, "--for-signature"]) == 0
    status, out = import_edits(case_copy, letter, capsys)
    assert status == 1 and "no block marks" in out and "changed 0 block(s)" in out


def test_dry_run_leaves_the_case_alone(case_copy, tmp_path, capsys):
    letter = tmp_path / "letter.docx"
    render(case_copy, letter)
    add_sentence(letter)
    original = case_copy.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["import-edits", str(case_copy), str(letter), "--today", TODAY, "--dry-run"]) == 0
    assert "would change 1 block(s)" in capsys.readouterr().out
    assert case_copy.read_text(encoding="utf-8") == original


@pytest.mark.external
def test_an_edit_survives_a_libreoffice_save(case_copy, tmp_path, capsys):
    letter = tmp_path / "letter.docx"
    render(case_copy, letter)
    add_sentence(letter)
    saved = libreoffice_round_trip(letter, tmp_path)
    status, out = import_edits(case_copy, saved, capsys)
    assert status == 0, out
    assert list(load_case(case_copy).edits.texts) == [key_providing(letter, "17(3)")]
