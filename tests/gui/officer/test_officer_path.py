"""The officer's path end to end: new case, FOISA, two parts, edit a clause, findings, export, read back."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from app.core.drafting import markup
from tests.gui.conftest import settle

EDITED = "We cannot answer part 1 within the cost limit of £600 set by section 12(1) of the Act."


def docx_text(path: Path) -> str:
    """Return every paragraph and table cell of a Word document."""
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def choose(combo, key: str) -> None:
    """Pick the combo box entry whose data is key, as the officer would."""
    combo.setCurrentIndex(combo.findData(key))


def test_new_foisa_case_with_two_parts_edits_checks_and_exports(qtbot, window, prompter, tmp_path):
    doc = window.document
    window.actions.new.trigger()
    choose(window.case_panel.regime, "foisa")
    qtbot.keyClicks(window.case_panel.reference, "FOI-2023-0042")
    qtbot.keyClicks(window.case_panel.requester_name, "A. Requester")
    window.case_panel.request.setPlainText("1. How many officers?\n2. Names of the officers involved?")
    assert doc.case.regime == "foisa" and doc.case.reference == "FOI-2023-0042"

    window.case_panel.split_button.click()
    assert [p.question for p in doc.case.parts] == ["How many officers?", "Names of the officers involved?"]
    assert window.tabs.currentWidget() is window.parts_editor

    editor = window.parts_editor
    editor.select_part(0)
    choose(editor.outcome, "cost-limit")
    editor.cost_hours.setValue(45)
    editor.select_part(1)
    choose(editor.outcome, "withheld")
    assert editor.exemptions_group.isVisible()
    qtbot.keyClicks(editor.picker.search, "38(1)(b)")
    qtbot.keyClick(editor.picker.search, Qt.Key.Key_Return)
    editor.answer.setPlainText("The names are personal data of third parties.")
    assert [p.outcome for p in doc.case.parts] == ["cost-limit", "withheld"]
    assert doc.case.parts[1].exemptions == ["38(1)(b)"]
    assert str(doc.case.parts[0].cost_hours) == "45"
    settle(qtbot, doc)
    assert doc.letter.find("exemption", 2, "38(1)(b)") is not None
    assert "Personal information" in window.preview.plain_text() or "personal" in window.preview.plain_text()

    # Edit a clause for this letter only: emptying it loses its statutory element, new wording restores it.
    view = window.letter_view
    assert view.select("decision/decision@cost-limit")
    view.editor.selectAll()
    qtbot.keyClick(view.editor, Qt.Key.Key_Delete)
    result = settle(qtbot, doc)
    assert any(f.citation == "FOISA s16(4)" and f.part == 1 for f in result.findings)
    assert any(f.citation == "FOISA s16(4)" for f in window.findings.findings())
    qtbot.keyClicks(view.editor, EDITED)
    result = settle(qtbot, doc)
    assert not any(f.citation == "FOISA s16(4)" for f in result.findings)
    assert doc.case.edits.texts["decision/decision@cost-limit"] == EDITED
    assert view.tree.currentItem().text(1) == "edited"
    assert EDITED in window.preview.plain_text()

    target = tmp_path / "out" / "FOI-2023-0042.docx"
    target.parent.mkdir()
    prompter.export_answer = target
    assert window.actions.export.shortcut() == QKeySequence("Ctrl+E")
    with qtbot.waitSignal(window.files.exported):
        window.actions.export.trigger()
    assert prompter.errors == []
    text = docx_text(target)
    assert EDITED in text
    rights = markup.plain_text(markup.parse(doc.letter.block("rights/review").text)).splitlines()[0]
    assert rights and rights in text
    assert "FOI-2023-0042" in text
