"""The officer's conventions: Edit menu, Close, redo keys, icons, labels, deadline line, page preview, help, print."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel

from app.core.casefile.model import load_case
from app.gui.officer.case_panel import deadline_text
from app.gui.officer.help_window import GuideWindow
from app.gui.officer.page_browser import A4_WIDTH
from app.gui.officer.printing import print_html
from app.gui.widgets.answers import DISCARD
from tests.docx_text import docx_all_text
from tests.gui.conftest import EXAMPLES, settle


def test_edit_menu_cuts_copies_pastes_and_selects_all_in_the_focused_field(qtbot, window):
    a = window.actions
    edit_menu = next(m for m in window.menuBar().actions() if m.text() == "&Edit").menu()
    assert {a.cut, a.copy, a.paste, a.select_all} <= set(edit_menu.actions())
    assert a.select_all.shortcut() == QKeySequence(QKeySequence.StandardKey.SelectAll)
    reference = window.case_panel.reference
    reference.setFocus()
    qtbot.keyClicks(reference, "FOI-77")
    qtbot.waitUntil(reference.hasFocus)
    a.select_all.trigger()
    a.copy.trigger()
    assert QGuiApplication.clipboard().text() == "FOI-77"
    a.cut.trigger()
    assert window.document.case.reference == ""
    name = window.case_panel.requester_name
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    a.paste.trigger()
    assert window.document.case.requester.name == "FOI-77"


def test_both_redo_keys_redo_in_a_text_field(qtbot, window):
    keys = window.actions.redo.shortcuts()
    assert QKeySequence("Ctrl+Y") in keys and QKeySequence("Ctrl+Shift+Z") in keys
    reference = window.case_panel.reference
    reference.setFocus()
    qtbot.waitUntil(reference.hasFocus)
    for redo in ("Ctrl+Y", "Ctrl+Shift+Z"):
        qtbot.keyClicks(reference, "A")
        window.document.end_typing()
        qtbot.keyClick(reference, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert window.document.case.reference == ""
        combo = QKeySequence(redo)[0]
        qtbot.keyClick(reference, combo.key(), combo.keyboardModifiers())
        assert window.document.case.reference == "A", redo
        window.document.undo_stack.undo()


def test_save_and_export_icons_differ(window):
    a = window.actions
    images = [action.icon().pixmap(24, 24).toImage() for action in (a.save, a.export, a.export_pdf)]
    assert not any(image.isNull() for image in images)
    assert images[0] != images[1] and images[1] != images[2]


def labels_with_literal_ampersand(root) -> list[str]:
    bad = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if "&" in text.replace("&&", "") and not text.lstrip().startswith("<") and label.buddy() is None:
            bad.append(text)
    return bad


def test_no_label_shows_a_literal_ampersand(qtbot, window):
    assert labels_with_literal_ampersand(window) == []
    dialog = window.open_settings()
    assert labels_with_literal_ampersand(dialog) == []
    dialog.reject()


def test_close_case_asks_about_changes_then_starts_an_empty_case(qtbot, window, prompter):
    assert window.files.open_case(EXAMPLES / "foisa-cost-limit.yaml")
    window.document.edit_field("reference", "CHANGED")
    prompter.discard_answer = DISCARD
    window.actions.close_case.trigger()
    assert prompter.asked_discard == 1 and window.document.path is None and window.document.case.reference == ""


def test_the_due_date_line_never_contradicts_itself():
    due = dt.date(2022, 8, 10)
    dated = deadline_text(due, -839, dt.date(2022, 8, 5))
    assert "overdue" not in dated and "on time" in dated
    assert deadline_text(due, -839, dt.date(2022, 8, 5), short=True).endswith("letter dated on time")
    assert "late" in deadline_text(due, 3, dt.date(2022, 8, 11))
    assert deadline_text(due, -2, None).endswith("overdue by 2 working days")


def test_preview_has_a_fixed_page_width_zoom_and_page_breaks(qtbot, window):
    assert window.files.open_case(EXAMPLES / "foia-partial.yaml")
    settle(qtbot, window.document)
    preview = window.preview
    window.actions.zoom_actual.trigger()
    assert preview.browser.lineWrapColumnOrWidth() == A4_WIDTH
    window.resize(window.width() - 120, window.height())
    assert preview.browser.lineWrapColumnOrWidth() == A4_WIDTH
    assert preview.browser.document().pageCount() >= 2
    window.actions.zoom_fit.trigger()
    qtbot.waitUntil(lambda: preview.browser.lineWrapColumnOrWidth() <= preview.browser.width())
    assert preview.scale < 1.0


def test_selecting_a_clause_highlights_the_whole_block_in_the_preview(qtbot, window):
    assert window.files.open_case(EXAMPLES / "foia-partial.yaml")
    settle(qtbot, window.document)
    block = next(b for b in window.document.letter.blocks() if b.key.startswith("rights/") and not b.removed)
    assert window.preview.show_key(block.key)
    selected = " ".join(window.preview.selected_text().split())
    wording = re.sub(r"[*_`]", "", " ".join(block.text.split()))
    assert selected == wording


def test_help_opens_the_offline_user_guide_and_about_names_the_version(qtbot, window):
    from app.core.version import describe
    from app.gui.officer.main_window import about_text

    window.actions.user_guide.trigger()
    guide = window.findChild(GuideWindow)
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    for topic in ("Internal review outcome", "Findings", "clause workbench", "disclosure-log copy"):
        assert topic.lower() in text.lower()
    guide.close()
    assert describe() in about_text()


def test_print_writes_the_letter_to_a_pdf_printer(qtbot, window, tmp_path: Path):
    settle(qtbot, window.document)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_html(window.preview.page_html(), printer)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_pdf_export_without_libreoffice_says_so(qtbot, window, prompter, monkeypatch, tmp_path: Path):
    monkeypatch.setenv("FOI_DRAFTER_SOFFICE", str(tmp_path / "missing"))
    prompter.export_answer = tmp_path / "letter.pdf"
    assert not window.export_pdf()
    title, message, _ = prompter.errors[-1]
    assert "LibreOffice" in title and "not installed" in message and not (tmp_path / "letter.pdf").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_export_with_libreoffice(qtbot, window, prompter, tmp_path: Path):
    source = tmp_path / "case.yaml"
    source.write_text((EXAMPLES / "foisa-cost-limit.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert window.files.open_case(source)
    assert window.export_pdf(tmp_path / "letter.pdf")
    assert (tmp_path / "letter.pdf").read_bytes().startswith(b"%PDF")


def test_disclosure_log_copy_and_exported_status(qtbot, window, prompter, tmp_path: Path):
    source = tmp_path / "case.yaml"
    source.write_text((EXAMPLES / "foia-partial.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert window.files.open_case(source)
    case = window.document.case
    assert window.export_disclosure_log(tmp_path / "published.docx")
    text = docx_all_text(tmp_path / "published.docx")
    assert case.requester.name not in text and case.requester.email not in text
    assert window.document.case.status == "exported" and window.document.is_modified()
    assert window.save()
    saved = load_case(source)
    assert saved.status == "exported" and saved.exported == window.env.today()


def test_the_add_clause_dialog_shows_no_file_paths(qtbot, window):
    from app.gui.officer.clause_picker import ClausePickerDialog

    assert window.files.open_case(EXAMPLES / "foia-partial.yaml")
    settle(qtbot, window.document)
    picker = ClausePickerDialog(window.document, None, window)
    shown = []
    for row in range(picker.list.count()):
        picker.list.setCurrentRow(row)
        shown.append(" ".join((picker.list.item(row).text(), picker.about.text(), picker.guidance.text())))
    picker.reject()
    assert shown and not [text for text in shown if re.search(r"\w+/\w+\.(ya?ml|md)\b", text)]
