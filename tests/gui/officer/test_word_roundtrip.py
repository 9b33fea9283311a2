"""File ▸ Check a Word letter… and Import Word edits…: the app calls the core and shows what it found."""

from __future__ import annotations

from dataclasses import dataclass, field

import docx
import pytest

from tests.core.word.wordfiles import key_providing, paragraphs_of
from tests.gui.conftest import EXAMPLES, FakePrompter, settle

NEW = " We have weighed these factors with great care."


@dataclass
class WordPrompter(FakePrompter):
    """Also answers which Word file to open, and records the reports shown."""

    word_answer: object = None
    reports: list[tuple[str, str, list[str]]] = field(default_factory=list)

    def word_path(self, parent, folder):
        return self.word_answer

    def report(self, parent, title, message, details=()):
        self.reports.append((title, message, list(details)))


@pytest.fixture
def prompter() -> WordPrompter:
    return WordPrompter()


@pytest.fixture
def exported(qtbot, window, prompter, tmp_path):
    """The FOIA example open in the window and exported to Word."""
    assert window.files.open_case(EXAMPLES / "foia-partial.yaml")
    settle(qtbot, window.document)
    path = tmp_path / "letter.docx"
    assert window.export(path)
    prompter.word_answer = path
    return path


def test_the_file_menu_offers_both_actions(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "Check a &Word letter…" in texts and "&Import Word edits…" in texts


def test_checking_an_untouched_export_reports_nothing_missing(window, exported, prompter):
    window.check_word_letter()
    title, message, details = prompter.reports[-1]
    assert title == "Word letter checked" and "every statutory element is there" in message
    assert not [d for d in details if d.startswith("ERROR")]


def test_checking_a_letter_without_its_rights_paragraph_lists_the_subsection(window, exported, prompter):
    document = docx.Document(str(exported))
    for paragraph in paragraphs_of(document, "17(7)(b)"):
        paragraph.getparent().remove(paragraph)
    document.save(str(exported))
    window.check_word_letter()
    _, message, details = prompter.reports[-1]
    assert "problem(s) to fix before sending" in message
    assert any("FOIA s17(7)(b)" in d for d in details)


def test_importing_word_edits_changes_the_block_in_one_undo_step(qtbot, window, exported, prompter):
    document = docx.Document(str(exported))
    paragraph = docx.text.paragraph.Paragraph(paragraphs_of(document, "17(3)")[-1], document)
    paragraph.runs[-1].text += NEW
    document.save(str(exported))
    window.import_word_edits()
    doc = window.document
    key = key_providing(exported, "17(3)")
    assert NEW.strip() in doc.case.edits.texts[key]
    assert doc.is_modified()
    assert "1 block(s) of the letter now follow letter.docx." in prompter.reports[-1][1]
    result = settle(qtbot, doc)
    assert NEW.strip() in result.letter.block(key).text
    doc.undo_stack.undo()
    assert key not in doc.case.edits.texts


def test_a_file_that_is_not_word_is_a_clear_error(window, prompter, tmp_path):
    bad = tmp_path / "notes.docx"
    bad.write_text("plain text", encoding="utf-8")
    prompter.word_answer = bad
    window.import_word_edits()
    title, message, _ = prompter.errors[-1]
    assert title == "Import Word edits" and "notes.docx: not a Word .docx file" in message
