"""Undo and redo of every kind of edit through the case's one QUndoStack, with merged typing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from tests.gui.conftest import EXAMPLES, settle


@pytest.fixture
def example(qtbot, window):
    """The window with the FOISA example open and built."""
    assert window.files.open_case(EXAMPLES / "foisa-cost-limit.yaml")
    settle(qtbot, window.document)
    return window


def undo_redo(window, check_before, check_after):
    """Undo then redo the last step, checking the state each way."""
    stack = window.document.undo_stack
    stack.undo()
    check_before()
    stack.redo()
    check_after()


def test_typing_in_a_field_is_one_step_and_a_new_visit_another(qtbot, window):
    doc, field = window.document, window.case_panel.reference
    qtbot.keyClicks(field, "FOI-1")
    assert doc.undo_stack.count() == 1 and doc.case.reference == "FOI-1"
    doc.end_typing()
    qtbot.keyClicks(field, "23")
    assert doc.undo_stack.count() == 2
    undo_redo(
        window,
        lambda: field.text() == "FOI-1" or pytest.fail(field.text()),
        lambda: doc.case.reference == "FOI-123" or pytest.fail(doc.case.reference),
    )
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.case.reference == "" and field.text() == ""
    assert not window.isWindowModified()


def test_ctrl_z_in_a_text_field_undoes_through_the_case_stack(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    field = window.case_panel.requester_name
    field.setFocus()
    qtbot.keyClicks(field, "Jo")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.case.requester.name == "" and field.text() == ""
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.case.requester.name == "Jo" and field.text() == "Jo"


def test_choices_dates_and_addresses_undo(qtbot, window):
    doc, panel = window.document, window.case_panel
    panel.regime.setCurrentIndex(panel.regime.findData("eisr"))
    undo_redo(
        window,
        lambda: panel.regime.currentData() == "foia" or pytest.fail(),
        lambda: doc.case.regime == "eisr" or pytest.fail(),
    )
    panel.received.setDate(QDate(2023, 6, 1))
    undo_redo(
        window,
        lambda: doc.case.received == dt.date(2023, 7, 20) or pytest.fail(str(doc.case.received)),
        lambda: panel.received.date() == QDate(2023, 6, 1) or pytest.fail(),
    )
    panel.use_today.setChecked(False)
    assert doc.case.date == dt.date(2023, 7, 20)
    undo_redo(
        window,
        lambda: (doc.case.date is None and panel.use_today.isChecked()) or pytest.fail(),
        lambda: not panel.use_today.isChecked() or pytest.fail(),
    )
    panel.requester_address.setPlainText("1 High Street\nGlasgow")
    undo_redo(
        window,
        lambda: doc.case.requester.address == [] or pytest.fail(),
        lambda: doc.case.requester.address == ["1 High Street", "Glasgow"] or pytest.fail(),
    )


def test_part_fields_undo_and_answer_typing_merges(qtbot, window):
    doc, editor = window.document, window.parts_editor
    window.tabs.setCurrentWidget(editor)
    editor.outcome.setCurrentIndex(editor.outcome.findData("not-held"))
    undo_redo(
        window,
        lambda: doc.case.parts[0].outcome == "disclosed" or pytest.fail(),
        lambda: editor.outcome.currentData() == "not-held" or pytest.fail(),
    )
    steps = doc.undo_stack.count()
    qtbot.keyClicks(editor.answer, "We do not hold it.")
    assert doc.undo_stack.count() == steps + 1
    undo_redo(
        window,
        lambda: editor.answer.toPlainText() == "" or pytest.fail(),
        lambda: doc.case.parts[0].answer == "We do not hold it." or pytest.fail(),
    )
    editor.outcome.setCurrentIndex(editor.outcome.findData("withheld"))
    editor.add_exemption("30(1)")
    undo_redo(
        window,
        lambda: doc.case.parts[0].exemptions == [] or pytest.fail(),
        lambda: editor.chosen.count() == 1 or pytest.fail(),
    )


def test_adding_removing_and_moving_parts_undo_with_their_letter_edits(qtbot, example):
    doc = example.document
    questions = [p.question for p in doc.case.parts]
    doc.edit_block_text("part-2/decision", "Edited refusal for the second question.")
    doc.move_part(1, 0)
    assert [p.question for p in doc.case.parts] == questions[::-1]
    assert doc.case.edits.texts == {"part-1/decision": "Edited refusal for the second question."}
    undo_redo(
        example,
        lambda: "part-2/decision" in doc.case.edits.texts or pytest.fail(),
        lambda: doc.case.parts[0].question == questions[1] or pytest.fail(),
    )
    doc.undo_stack.undo()
    doc.remove_part(0)
    assert len(doc.case.parts) == 1 and "part-1/decision" in doc.case.edits.texts
    undo_redo(
        example,
        lambda: (len(doc.case.parts) == 2 and "part-2/decision" in doc.case.edits.texts) or pytest.fail(),
        lambda: example.parts_editor.parts.count() == 1 or pytest.fail(),
    )
    doc.undo_stack.undo()
    example.parts_editor.add_button.click()
    assert len(doc.case.parts) == 3
    undo_redo(
        example,
        lambda: len(doc.case.parts) == 2 or pytest.fail(),
        lambda: example.parts_editor.parts.count() == 3 or pytest.fail(),
    )


def test_clause_text_typing_merges_and_reset_undoes(qtbot, example):
    doc, view = example.document, example.letter_view
    assert view.select("rights/review")
    library_text = doc.block_text("rights/review")
    steps = doc.undo_stack.count()
    view.editor.moveCursor(view.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(view.editor, " Thank you.")
    assert doc.undo_stack.count() == steps + 1
    assert doc.case.edits.texts["rights/review"] == library_text + " Thank you."
    assert view.reset_current()
    assert "rights/review" not in doc.case.edits.texts and view.editor.toPlainText() == library_text
    undo_redo(
        example,
        lambda: view.editor.toPlainText().endswith("Thank you.") or pytest.fail(),
        lambda: view.editor.toPlainText() == library_text or pytest.fail(),
    )
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.case.edits.texts == {} and view.editor.toPlainText() == library_text


def test_removing_and_reordering_clauses_undo(qtbot, example):
    doc, view = example.document, example.letter_view
    view.select("rights/court")
    assert view.toggle_removed()
    assert doc.case.edits.removed == ["rights/court"]
    result = settle(qtbot, doc)
    assert result.letter.block("rights/court").removed
    undo_redo(
        example,
        lambda: doc.case.edits.removed == [] or pytest.fail(),
        lambda: doc.case.edits.removed == ["rights/court"] or pytest.fail(),
    )
    doc.undo_stack.undo()
    assert view.move_current(-1)
    assert doc.case.edits.order["rights"] == ["rights/review", "rights/court", "rights/regulator"]
    settle(qtbot, doc)
    assert [b.key for b in doc.letter.section("rights").blocks][1] == "rights/court"
    undo_redo(
        example,
        lambda: "rights" not in doc.case.edits.order or pytest.fail(),
        lambda: doc.case.edits.order["rights"][1] == "rights/court" or pytest.fail(),
    )


def test_adding_an_optional_clause_from_the_picker_undoes(qtbot, example):
    doc, view = example.document, example.letter_view
    view.select("closing")
    with qtbot.waitSignal(view.picker_opened) as opened:
        example.actions.add_clause.trigger()
    dialog = opened.args[0]
    qtbot.keyClicks(dialog.search, "late")
    assert dialog.select_clause(dialog.current().clause.id)
    clause = dialog.current().clause
    assert clause.optional and "late" in (clause.title + clause.guidance).lower()
    assert dialog.guidance.text() == (" ".join(clause.guidance.split()) or "No guidance note.")
    choice = dialog.choice()
    assert choice[0] == clause.id
    dialog.accept()
    added = doc.case.edits.added
    assert [(a.clause, a.section) for a in added] == [choice]
    result = settle(qtbot, doc)
    key = f"{added[0].section}/+{clause.id}"
    assert result.letter.block(key) is not None and result.letter.block(key).added
    undo_redo(
        example,
        lambda: doc.case.edits.added == [] or pytest.fail(),
        lambda: len(doc.case.edits.added) == 1 or pytest.fail(),
    )
    settle(qtbot, doc)
    assert view.select(key) and view.toggle_removed()
    assert doc.case.edits.added == []
